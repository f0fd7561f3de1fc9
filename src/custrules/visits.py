"""Customer visit reports (走访客户报告单): VIS-1 to VIS-3.

Source: 《油品调运分公司客户管理办法》, annex 1 (the same form as annex 2 of
《石油公司化工品客户管理办法》), in the model regulations of 客户管理管理制度.

VIS-1: three rated rows; the columns are worth, left to right, 100, 90, 85,
80, 70, 60 and 50 points, except the service row's 不好 (30) and 恶劣 (0):

====================  ==========================================================
质量 (quality)        非常优良 100, 优良 90, 良好 85, 一般 80, 合格 70, 不合格 60
服务态度 (service)    非常优良 100, 优良 90, 良好 85, 一般 80, 不好 30, 恶劣 0
产品的知名度 (renown) 非常驰名 100, 驰名 90, 知名度高 85, 知名度较高 80, 知名 70,
                      知道 60, 不知道 50
====================  ==========================================================

VIS-2: the report's other fields.  VIS-3: the form gives no rule for one
overall score; :func:`score_visit` gives each row's points and an explicit
aggregate, the mean by default, weights as a parameter.

Labels are accepted in simplified or traditional Chinese, or as enum members
(or their names); an unknown label is an error, never zero.

>>> s = score_visit(quality="优良", service="不好", renown="知名")
>>> s.quality, s.service, s.renown, s.total
(90, 30, 70, Fraction(190, 3))
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_, Names, Sub, tr, translated
from custrules.errors import InvalidInputError, InvalidTypeError, UnknownLabelError

__all__ = [
    "Contact",
    "QualityRating",
    "RenownRating",
    "Row",
    "ServiceRating",
    "VisitReport",
    "VisitScore",
    "score_visit",
]


class QualityRating(str, enum.Enum):
    """质量 (product quality), VIS-1."""

    OUTSTANDING = "非常优良"
    EXCELLENT = "优良"
    GOOD = "良好"
    FAIR = "一般"
    ACCEPTABLE = "合格"
    UNACCEPTABLE = "不合格"


class ServiceRating(str, enum.Enum):
    """服务态度 (service attitude), VIS-1."""

    OUTSTANDING = "非常优良"
    EXCELLENT = "优良"
    GOOD = "良好"
    FAIR = "一般"
    POOR = "不好"
    ABUSIVE = "恶劣"


class RenownRating(str, enum.Enum):
    """产品的知名度 (product renown), VIS-1."""

    VERY_FAMOUS = "非常驰名"
    FAMOUS = "驰名"
    HIGHLY_KNOWN = "知名度高"
    FAIRLY_KNOWN = "知名度较高"
    KNOWN = "知名"
    HEARD_OF = "知道"
    UNKNOWN = "不知道"


class Row(str, enum.Enum):
    """The rated rows of the form."""

    QUALITY = "质量"
    SERVICE = "服务态度"
    RENOWN = "产品的知名度"


# VIS-1, 《油品调运分公司客户管理办法》 annex 1: "自左至右的分值分别为100分、90分、
# 85分、80分、70分、60分、50分，服务栏的'不好'为30分，'恶劣'为0分".
_POINTS: Mapping[enum.Enum, int] = {
    QualityRating.OUTSTANDING: 100,
    QualityRating.EXCELLENT: 90,
    QualityRating.GOOD: 85,
    QualityRating.FAIR: 80,
    QualityRating.ACCEPTABLE: 70,
    QualityRating.UNACCEPTABLE: 60,
    ServiceRating.OUTSTANDING: 100,
    ServiceRating.EXCELLENT: 90,
    ServiceRating.GOOD: 85,
    ServiceRating.FAIR: 80,
    ServiceRating.POOR: 30,  # 服务栏的"不好"为30分
    ServiceRating.ABUSIVE: 0,  # "恶劣"为0分
    RenownRating.VERY_FAMOUS: 100,
    RenownRating.FAMOUS: 90,
    RenownRating.HIGHLY_KNOWN: 85,
    RenownRating.FAIRLY_KNOWN: 80,
    RenownRating.KNOWN: 70,
    RenownRating.HEARD_OF: 60,
    RenownRating.UNKNOWN: 50,
}

_ROW_ENUM: Mapping[Row, type[enum.Enum]] = {
    Row.QUALITY: QualityRating,
    Row.SERVICE: ServiceRating,
    Row.RENOWN: RenownRating,
}


def _rating(row: Row, value: Any) -> Any:
    enum_cls = _ROW_ENUM[row]
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, enum.Enum):
        raise UnknownLabelError.of(
            N_("{value!r} is a rating of another row; the {value2} row takes {a}"),
            code="visits.rating.rating_another",
            value=value,
            value2=row.value,
            a=Names(m.value for m in enum_cls),
        )
    if isinstance(value, str):
        text = _check.fold(value)
        for item in enum_cls:
            if text == item.value or text.upper() == item.name:
                return item
    raise UnknownLabelError.of(
        N_("unknown label {value!r} for the {value2} row (VIS-1); use one of {a}"),
        code="visits.rating.unknown_label",
        value=value,
        value2=row.value,
        a=Names(m.value for m in enum_cls),
    )


def _row(value: Any) -> Row:
    if isinstance(value, Row):
        return value
    if isinstance(value, str):
        text = _check.fold(value)
        for item in Row:
            if text in (item.value, item.name, item.name.lower()):
                return item
    raise UnknownLabelError.of(
        N_(
            "unknown row {value!r}: use quality (质量), service (服务态度) "
            "or renown (产品的知名度)"
        ),
        code="visits.row.unknown_row",
        value=value,
    )


def _weights(value: Mapping[Any, Any] | None) -> Mapping[Row, Fraction]:
    if value is None:
        return {row: Fraction(1) for row in Row}
    if not isinstance(value, Mapping):
        raise InvalidTypeError.of(
            N_("weights must be a mapping of row -> weight, got {shown!r}"),
            code="visits.weights.weights_mapping",
            value=value,
            shown=value,
        )
    out: dict[Row, Fraction] = {}
    for key, weight in value.items():
        row = _row(key)
        if row in out:
            raise InvalidInputError.of(
                N_("the {value2} row is weighted twice"),
                code="visits.weights.row_weighted",
                value=value,
                value2=row.value,
            )
        what = Sub((N_("the weight of {}"), (key,)))
        out[row] = _check.volume(weight, what)
    if len(out) != len(Row):
        absent = Names(r.name.lower() for r in Row if r not in out)
        raise InvalidInputError.of(
            N_("weights must name every row; missing: {absent} (give 0 to leave a row out)"),
            code="visits.weights.weights_name",
            value=value,
            absent=absent,
        )
    if sum(out.values()) == 0:
        raise InvalidInputError.of(
            N_("the weights must not all be zero"), code="visits.weights.weights_not", value=value
        )
    return out


@attrs.frozen(kw_only=True)
class VisitScore:
    """The points of each row and their aggregate (VIS-1, VIS-3)."""

    ratings: tuple[QualityRating, ServiceRating, RenownRating]
    quality: int
    service: int
    renown: int
    weights: Mapping[Row, Fraction] = attrs.field(repr=False)
    rules: tuple[str, ...] = ("VIS-1", "VIS-3")

    @property
    def total(self) -> Fraction:
        """The weighted mean of the rows (the plain mean by default), exact."""
        points = {Row.QUALITY: self.quality, Row.SERVICE: self.service, Row.RENOWN: self.renown}
        weight = sum(self.weights.values(), Fraction(0))
        return sum((self.weights[r] * points[r] for r in Row), Fraction(0)) / weight

    @property
    def weighted(self) -> bool:
        """True when the rows are not all weighted alike (a weighted mean)."""
        return len(set(self.weights.values())) > 1

    def explain(self, lang: str = "en") -> str:
        """Each row's rating and points, then the aggregate, in ``lang`` (VIS-1, VIS-3).

        >>> score_visit(quality="优良", service="不好", renown="知名").explain("zh").splitlines()
        ['质量：优良 = 90', '服务态度：不好 = 30', '产品的知名度：知名 = 70',
         '合计（平均，VIS-3）：190/3（= 63.33）']
        """
        rows = (
            (N_("quality (质量)"), self.ratings[0], self.quality),
            (N_("service (服务态度)"), self.ratings[1], self.service),
            (N_("renown (产品的知名度)"), self.ratings[2], self.renown),
        )
        lines = [
            translated(N_("{}: {} = {}"), lang, tr(name, lang), rating.value, points)
            for name, rating, points in rows
        ]
        total = self.total
        shown = (
            str(total.numerator)
            if total.denominator == 1
            else translated(
                N_("{}/{} (= {})"), lang, total.numerator, total.denominator, _hundredths(total)
            )
        )
        how = (
            N_("total (weighted mean, VIS-3): {}")
            if self.weighted
            else N_("total (mean, VIS-3): {}")
        )
        lines.append(translated(how, lang, shown))
        return "\n".join(lines)


def _hundredths(value: Fraction) -> str:
    """A non-negative fraction to two decimal places, halves up (四舍五入), exactly:
    665/8 is 83.13, not the 83.12 that a float's half-to-even gives."""
    cents = (value.numerator * 200 + value.denominator) // (value.denominator * 2)
    return f"{cents // 100}.{cents % 100:02d}"


def score_visit(
    *, quality: Any, service: Any, renown: Any, weights: Mapping[Any, Any] | None = None
) -> VisitScore:
    """Score a visit report's three rows (VIS-1) and combine them (VIS-3).

    ``weights`` maps every row (``"quality"``/``"质量"``, ``"service"``,
    ``"renown"``) to a non-negative weight (0 leaves a row out).  Without
    weights, the plain mean.
    """
    q = _rating(Row.QUALITY, quality)
    s = _rating(Row.SERVICE, service)
    r = _rating(Row.RENOWN, renown)
    return VisitScore(
        ratings=(q, s, r),
        quality=_POINTS[q],
        service=_POINTS[s],
        renown=_POINTS[r],
        weights=_weights(weights),
    )


def _optional_text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_("expected text, got {value!r}"),
            code="visits.optional_text.expected_text",
            value=value,
        )
    return value


@attrs.frozen(kw_only=True)
class Contact:
    """A contact line of the form: name, title, telephone, mobile (VIS-2)."""

    name: str = attrs.field(validator=_check.nonempty)
    title: str = attrs.field(default="", converter=_optional_text)
    telephone: str = attrs.field(default="", converter=_optional_text)
    mobile: str = attrs.field(default="", converter=_optional_text)


def _quality(value: Any) -> QualityRating:
    rating: QualityRating = _rating(Row.QUALITY, value)
    return rating


def _service(value: Any) -> ServiceRating:
    rating: ServiceRating = _rating(Row.SERVICE, value)
    return rating


def _renown(value: Any) -> RenownRating:
    rating: RenownRating = _rating(Row.RENOWN, value)
    return rating


def _optional_contact(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, Contact):
        raise InvalidTypeError.of(
            N_("{name} must be a Contact, got {shown!r}"),
            code="visits.optional_contact.contact",
            value=value,
            name=attribute.name,
            shown=value,
        )


@attrs.frozen(kw_only=True)
class VisitReport:
    """走访客户报告单 (VIS-2): the customer, the three ratings and the sign-off."""

    customer_unit: str = attrs.field(validator=_check.nonempty)  # 客户单位名称
    address: str = attrs.field(default="", converter=_optional_text)  # 客户地址
    #: 客户单位法人(负责人)
    legal_representative: str = attrs.field(default="", converter=_optional_text)
    quality: QualityRating = attrs.field(converter=_quality)
    service: ServiceRating = attrs.field(converter=_service)
    renown: RenownRating = attrs.field(converter=_renown)
    suggestions: str = attrs.field(default="", converter=_optional_text)  # 其它建议
    #: 客户单位盖章(签名) and its date
    sealed_or_signed: bool = attrs.field(default=False, validator=_check.flag)
    signed_on: _dt.date | None = attrs.field(default=None, validator=_check.optional_date_attr)
    #: 客户单位主要负责人, 业务主办
    main_contact: Contact | None = attrs.field(default=None, validator=_optional_contact)
    business_contact: Contact | None = attrs.field(default=None, validator=_optional_contact)

    def __attrs_post_init__(self) -> None:
        if self.signed_on is not None and not self.sealed_or_signed:
            raise InvalidInputError.of(
                N_("a signing date needs sealed_or_signed=True"),
                code="visits.visitreport.signing_date",
                value=self.signed_on,
            )

    def score(self, *, weights: Mapping[Any, Any] | None = None) -> VisitScore:
        """The report's scores (VIS-1, VIS-3)."""
        return score_visit(
            quality=self.quality, service=self.service, renown=self.renown, weights=weights
        )
