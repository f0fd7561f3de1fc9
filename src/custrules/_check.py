"""Boundary checks shared by every module (private)."""

from __future__ import annotations

import datetime as _dt
import enum
import unicodedata
from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

from custrules._i18n import N_, WITH_LABEL, Names, Sub
from custrules.errors import InvalidInputError, InvalidTypeError, NaiveDatetimeError

#: The dates custrules works with (documented in docs/limits.md): any business
#: record, and far enough from the datetime module's edges (years 1 and 9999)
#: that no arithmetic within the other limits can overflow.
FIRST_DAY = _dt.date(1900, 1, 1)
LAST_DAY = _dt.date(2199, 12, 31)
#: Numbers (volumes, weights, shares): at most this magnitude ...
MAX_MAGNITUDE = 10**18
#: ... and at most this many decimal places (a Decimal's default precision).
MAX_PLACES = 28
#: Exact fractions: numerator and denominator of at most this many bits.
MAX_FRACTION_BITS = 128
#: Text fields (names, labels): at most this many characters.
MAX_TEXT = 200
#: Free text (a ruling's wording, a reason, remarks): at most this many characters.
MAX_FREE_TEXT = 10_000


def in_range(day: _dt.date, what: str | Sub) -> _dt.date:
    """``day`` if it lies within :data:`FIRST_DAY` .. :data:`LAST_DAY`, else raise."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _outside(day, what)
    return day


def _outside(value: _dt.date, what: str | Sub) -> InvalidInputError:
    return InvalidInputError.of(
        N_("{what} {a} is outside the dates custrules works with ({a2} to {a3})"),
        code="check.outside.outside_dates",
        value=value,
        what=what,
        a=value.isoformat(),
        a2=FIRST_DAY.isoformat(),
        a3=LAST_DAY.isoformat(),
    )


def plain_date(value: Any, what: str | Sub) -> _dt.date:
    """Return ``value`` if it is a date (and not a datetime) in range, else raise."""
    if isinstance(value, _dt.datetime):
        raise InvalidTypeError.of(
            N_(
                "{what} must be a date, not a datetime ({value!r}); for an instant use "
                "custrules.periods.local_date(instant) to read its day in China's zone"
            ),
            code="check.plain_date.date_not",
            value=value,
            what=what,
        )
    if not isinstance(value, _dt.date):
        raise InvalidTypeError.of(
            N_("{what} must be a datetime.date, got {a} ({value!r})"),
            code="check.plain_date.datetime_date",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    if not FIRST_DAY <= value <= LAST_DAY:
        in_range(value, what)
    return value


def aware(value: Any, what: str | Sub) -> _dt.datetime:
    """Return ``value`` if it is a timezone-aware datetime, else raise."""
    if not isinstance(value, _dt.datetime):
        raise InvalidTypeError.of(
            N_("{what} must be a timezone-aware datetime, got {a} ({value!r})"),
            code="check.aware.timezone_aware",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError.of(
            N_(
                "{what} is a naive datetime ({value}): give it a time zone, e.g. "
                "value.replace(tzinfo=custrules.CHINA_TZ) for Beijing time"
            ),
            code="check.aware.naive_datetime",
            value=value,
            what=what,
        )
    if not _FIRST_INSTANT <= value <= _LAST_INSTANT:
        raise _outside(value, what)
    return value


def instant_in(value: Any, what: str | Sub, zone: _dt.tzinfo) -> _dt.datetime:
    """``value``, a timezone-aware datetime (else raise), written in ``zone``, a fixed
    offset: the same instant.  Python compares and subtracts two datetimes of one
    ``tzinfo`` by their wall clocks, so in a zone with daylight saving (a ``ZoneInfo``)
    the second 01:10 of the night the clocks go back sorts before the first 01:30;
    written in a fixed offset, instants compare as instants."""
    instant = aware(value, what)
    return instant if instant.tzinfo is zone else instant.astimezone(zone)


_FIRST_INSTANT = _dt.datetime.combine(FIRST_DAY, _dt.time(0), _dt.timezone.utc)
_LAST_INSTANT = _dt.datetime.combine(LAST_DAY, _dt.time.max, _dt.timezone.utc)


def integer(value: Any, what: str | Sub, *, limit: int | None = None) -> int:
    """Return ``value`` if it is an int (bools refused), at most ``limit`` in size."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError.of(
            N_("{what} must be an int, got {a} ({value!r})"),
            code="check.integer.int",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    if limit is not None and not -limit <= value <= limit:
        raise InvalidInputError.of(
            N_("{what} must be between -{limit} and {limit}, got {value}"),
            code="check.integer.between",
            value=value,
            what=what,
            limit=limit,
        )
    return value


def year(value: Any, what: str | Sub) -> int:
    """A year within custrules' dates (:data:`FIRST_DAY` to :data:`LAST_DAY`)."""
    integer(value, what)
    if not FIRST_DAY.year <= value <= LAST_DAY.year:
        raise InvalidInputError.of(
            N_("{what} must be a year from {first} to {last}, got {value}"),
            code="check.year.range",
            value=value,
            what=what,
            first=FIRST_DAY.year,
            last=LAST_DAY.year,
        )
    return int(value)


def exact_number(value: Any, what: str | Sub) -> Fraction:
    """Turn an int, Decimal, Fraction or numeric string into an exact Fraction.

    Floats are accepted only when finite (they are taken at their exact
    binary value after a round trip through ``repr``, so ``0.1`` is 1/10);
    NaN, infinities, bools and other types are refused.
    """
    if isinstance(value, bool):
        raise InvalidTypeError.of(
            N_("{what} must be a number, got a bool ({value!r})"),
            code="check.exact_number.number_bool",
            value=value,
            what=what,
        )
    if isinstance(value, Decimal):
        return Fraction(decimal_in_limits(value, what))
    if isinstance(value, int):
        return _fraction_in_limits(Fraction(value), value, what)
    if isinstance(value, Fraction):
        return _fraction_in_limits(value, value, what)
    if isinstance(value, Rational):
        return _fraction_in_limits(
            Fraction(int(value.numerator), int(value.denominator)), value, what
        )
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidInputError.of(
                N_("{what} must be a finite number, got {value}"),
                code="check.exact_number.finite_number",
                value=value,
                what=what,
            )
        return exact_number(Decimal(repr(value)), what)
    if isinstance(value, str):
        return exact_number(decimal_text(value, what), what)
    raise InvalidTypeError.of(
        N_("{what} must be a number (int, Decimal, Fraction), got {a} ({value!r})"),
        code="check.exact_number.number",
        value=value,
        what=what,
        a=type(value).__name__,
    )


def decimal_text(text: str, what: str | Sub) -> Decimal:
    """A finite Decimal from text such as ``"12.5"``, within the number limits."""
    raw = text.strip()
    if len(raw) > 64:
        raise InvalidInputError.of(
            N_("{what}: a number of at most 64 characters, got {a}"),
            code="check.decimal_text.number_most",
            what=what,
            a=len(raw),
        )
    try:
        parsed = Decimal(raw)
    except ArithmeticError:
        raise InvalidInputError.of(
            N_("{what} must be a number, got the text {text!r}"),
            code="check.decimal_text.number_text",
            value=text,
            what=what,
            text=text,
        ) from None
    return decimal_in_limits(parsed, what)


def decimal_in_limits(value: Decimal, what: str | Sub) -> Decimal:
    """``value`` if finite, below :data:`MAX_MAGNITUDE` and with at most
    :data:`MAX_PLACES` decimal places; else raise (in microseconds, whatever the
    exponent: a number such as ``1e999999999`` is refused before any work)."""
    if not value.is_finite():
        raise InvalidInputError.of(
            N_("{what} must be a finite number, got {value}"),
            code="check.decimal_in_limits.finite_number",
            value=value,
            what=what,
        )
    if value and value.adjusted() >= 18:
        raise InvalidInputError.of(
            N_("{what} {value:.3e} is too large: custrules takes numbers below 10^18"),
            code="check.decimal_in_limits.too_large",
            value=value,
            what=what,
        )
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -MAX_PLACES:
        raise InvalidInputError.of(
            N_("{what} {value} has more than {MAX_PLACES} decimal places: round it first"),
            code="check.decimal_in_limits.has_more",
            value=value,
            what=what,
            MAX_PLACES=MAX_PLACES,
        )
    return value


def _fraction_in_limits(exact: Fraction, value: Any, what: str | Sub) -> Fraction:
    if abs(exact) >= MAX_MAGNITUDE:
        raise InvalidInputError.of(
            N_("{what} is too large: custrules takes numbers below 10^18"),
            code="check.fraction_in_limits.too_large",
            value=value,
            what=what,
        )
    if (
        exact.numerator.bit_length() > MAX_FRACTION_BITS
        or exact.denominator.bit_length() > MAX_FRACTION_BITS
    ):
        raise InvalidInputError.of(
            N_(
                "{what} {exact} is too fine a fraction: numerator and denominator of at "
                "most {MAX_FRACTION_BITS} bits"
            ),
            code="check.fraction_in_limits.too_fine",
            value=value,
            what=what,
            exact=exact,
            MAX_FRACTION_BITS=MAX_FRACTION_BITS,
        )
    return exact


#: what a volume is called in its errors, by default
_VOLUME = N_("volume")


def volume(value: Any, what: str | Sub = _VOLUME) -> Fraction:
    """An exact, finite, non-negative quantity (a volume, a bill, a share of supply)."""
    if isinstance(value, str):
        raise InvalidTypeError.of(
            N_("{what} must be a number, not text ({value!r}); convert it first"),
            code="check.volume.number_not",
            value=value,
            what=what,
        )
    exact = exact_number(value, what)
    if exact < 0:
        raise InvalidInputError.of(
            N_("{what} cannot be negative, got {value}"),
            code="check.volume.cannot_negative",
            value=value,
            what=what,
        )
    return exact


def text(value: Any, what: str | Sub) -> str:
    """Non-empty text of at most :data:`MAX_TEXT` characters with no control or
    invisible formatting characters (a newline in a name breaks every report)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError.of(
            N_("{what} must be non-empty text, got {value!r}"),
            code="check.text.non_empty",
            value=value,
            what=what,
        )
    if len(value) > MAX_TEXT:
        raise InvalidInputError.of(
            N_("{what} must be at most {MAX_TEXT} characters, got {a}"),
            code="check.text.most_characters",
            value=value,
            what=what,
            MAX_TEXT=MAX_TEXT,
            a=len(value),
        )
    if not value.isprintable():
        bad = next(c for c in value if not c.isprintable())
        raise InvalidInputError.of(
            N_("{what} {value!r} holds the control or invisible character U+{a:04X}: remove it"),
            code="check.text.holds_control",
            value=value,
            what=what,
            a=ord(bad),
        )
    if value != value.strip():
        # ('甲 ' from a spreadsheet and '甲' from a form would be two people)
        raise InvalidInputError.of(
            N_(
                "{what} {value!r} begins or ends with a space: remove it ({value!r} and "
                "{a!r} would be two different names)"
            ),
            code="check.text.spaces_around",
            value=value,
            what=what,
            a=value.strip(),
        )
    if not unicodedata.is_normalized("NFC", value):
        # (金 as the compatibility ideograph U+F90A from a legacy system and 金 U+91D1
        # from a form look alike and would be two people)
        normal = unicodedata.normalize("NFC", value)
        at = next(
            (i for i, (x, y) in enumerate(zip(value, normal, strict=False)) if x != y),
            min(len(value), len(normal)) - 1,
        )
        raise InvalidInputError.of(
            N_(
                "{what} {value!r} holds U+{a:04X} where Unicode's composed form (NFC) has "
                "U+{b:04X}: write it in that form, or the two spellings, alike on screen, "
                "would be two different names"
            ),
            code="check.text.not_nfc",
            value=value,
            what=what,
            a=ord(value[at]),
            b=ord(normal[at]),
        )
    return value


def free_text(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: text that may be empty or span lines (a ruling's wording,
    a reason), at most :data:`MAX_FREE_TEXT` characters."""
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_("{name} must be text, got {a} ({value!r:.60})"),
            code="check.free_text.text",
            value=value,
            name=attribute.name,
            a=type(value).__name__,
        )
    if len(value) > MAX_FREE_TEXT:
        raise InvalidInputError.of(
            N_("{name} must be at most {limit:,} characters, got {a:,}"),
            code="check.free_text.most_characters",
            value=value,
            name=attribute.name,
            limit=MAX_FREE_TEXT,
            a=len(value),
        )


def optional_free_text(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or free text (see :func:`free_text`)."""
    if value is not None:
        free_text(instance, attribute, value)


def instance_of(cls: type[Any], *, optional: bool = False) -> Any:
    """attrs validator: an instance of ``cls`` (or None when ``optional``)."""

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if isinstance(value, cls) or (optional and value is None):
            return
        raise InvalidTypeError.of(
            N_("{name} must be a {a} or None, got {b} ({value!r:.60})")
            if optional
            else N_("{name} must be a {a}, got {b} ({value!r:.60})"),
            code="check.instance_of.optional" if optional else "check.instance_of.must",
            value=value,
            name=attribute.name,
            a=cls.__name__,
            b=type(value).__name__,
        )

    return check


def nonempty(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: non-empty, printable text (see :func:`text`)."""
    text(value, attribute.name)


#: Traditional -> simplified for the characters of the labels custrules accepts
#: (visit ratings, severities, grades, steps, channels) and of the State
#: Council's holiday notices.
SIMPLIFY = str.maketrans(
    {
        "國": "国",
        "辦": "办",
        "關": "关",
        "於": "于",
        "節": "节",
        "慶": "庆",
        "勞": "劳",
        "動": "动",
        "補": "补",
        "連": "连",
        "週": "周",
        "曆": "历",
        "臘": "腊",
        "陽": "阳",
        "個": "个",
        "餘": "余",
        "開": "开",
        "時": "时",
        "則": "则",
        "應": "应",
        "實": "实",
        "並": "并",
        "現": "现",
        "將": "将",
        "為": "为",
        "後": "后",
        "們": "们",
        "兩": "两",
        "號": "号",
        "廳": "厅",
        "東": "东",
        "頒": "颁",
        "單": "单",
        "會": "会",
        "濟": "济",
        "優": "优",
        "惡": "恶",
        "馳": "驰",
        "較": "较",
        "質": "质",
        "態": "态",
        "務": "务",
        "產": "产",
        "與": "与",
        "訴": "诉",
        "網": "网",
        "戶": "户",
        "級": "级",
        "頭": "头",
        "傳": "传",
        "電": "电",
        "話": "话",
        "線": "线",
        "體": "体",
        "處": "处",
        "訪": "访",
        "錄": "录",
        "調": "调",
        "責": "责",
        "價": "价",
        "經": "经",
        "銷": "销",
        "獨": "独",
        "場": "场",
        "議": "议",
        "結": "结",
        "評": "评",
        "記": "记",
        "內": "内",
        "決": "决",
        "問": "问",
        "題": "题",
        "種": "种",
        "規": "规",
        "營": "营",
        "農": "农",
        "業": "业",
    }
)


def fold(value: str) -> str:
    """Text as labels are compared: NFKC (full-width to ASCII), trimmed, simplified."""
    return unicodedata.normalize("NFKC", value).strip().translate(SIMPLIFY)


def member(enum_cls: type[enum.Enum], value: Any, what: str | Sub) -> Any:
    """An enum member from itself, its value, its name (any case) or its Chinese
    label (simplified or traditional, where the enum has labels); anything else
    raises :class:`~custrules.errors.UnknownLabelError` listing the choices."""
    from custrules.errors import UnknownLabelError

    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str) and len(value) <= MAX_TEXT:
        key = fold(value)
        lower = key.lower()
        for item in enum_cls:
            label = getattr(item, "label", None)
            if (
                key == item.value
                or lower == item.name.lower()
                or (isinstance(item.value, str) and lower == item.value.lower())
                or (isinstance(label, str) and label and key == fold(label))
            ):
                return item
    known = Names(_choice(m) for m in enum_cls)
    raise UnknownLabelError.of(
        N_("unknown {what} {value!r}: use one of {known}"),
        code="check.member.unknown_use",
        value=value,
        what=what,
        known=known,
    )


def _choice(item: enum.Enum) -> Any:
    label = getattr(item, "label", None)
    if isinstance(label, str) and label:
        return Sub((WITH_LABEL, (item.value, label)))
    return str(item.value)


def share(value: Any) -> Fraction:
    """attrs converter: an exact share between 0 and 1."""
    exact = exact_number(value, "a share")
    if not 0 <= exact <= 1:
        raise InvalidInputError.of(
            N_("a share must be between 0 and 1, got {exact}"),
            code="check.share.share_between",
            value=value,
            exact=exact,
        )
    return exact


def aware_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a timezone-aware datetime."""
    aware(value, attribute.name)


def optional_aware_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or a timezone-aware datetime."""
    if value is not None:
        aware(value, attribute.name)


def date_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a date (not a datetime)."""
    plain_date(value, attribute.name)


def optional_date_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or a date (not a datetime)."""
    if value is not None:
        plain_date(value, attribute.name)


def optional_nonempty(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or non-empty text."""
    if value is not None:
        nonempty(instance, attribute, value)


def boolean(value: Any, what: str | Sub) -> bool:
    """A yes/no argument: only ``True`` or ``False`` (see :func:`flag`)."""
    if not isinstance(value, bool):
        raise InvalidTypeError.of(
            N_("{what} must be true or false (a bool), got {a} ({value!r})"),
            code="check.boolean.true_false",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    return value


def flag(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a yes/no field takes only ``True`` or ``False``.

    Text such as ``"false"`` or a number such as ``0`` is refused: ``bool("false")``
    is true, and in a case file that would hand a deal to the wrong person.
    """
    if not isinstance(value, bool):
        raise InvalidTypeError.of(
            N_("{name} must be true or false (a bool), got {a} ({value!r})"),
            code="check.flag.true_false",
            value=value,
            name=attribute.name,
            a=type(value).__name__,
        )


def iterable(value: Any, what: str | Sub, *, code: str = "check.iterable.list") -> Any:
    """``value`` if it can be walked item by item (not text, bytes or a mapping);
    for streams, which are read lazily and have no size limit."""
    from collections.abc import Iterable, Mapping

    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidTypeError.of(
            N_("{what} must be a list (or another sequence), got {a} ({value!r:.60})"),
            code=code,
            value=value,
            what=what,
            a=type(value).__name__,
        )
    return value


def mapping(value: Any, what: str | Sub) -> Any:
    """``value`` if it is a mapping (a dict)."""
    from collections.abc import Mapping

    if not isinstance(value, Mapping):
        raise InvalidTypeError.of(
            N_("{what} must be a mapping (a dict), got {a} ({value!r:.60})"),
            code="check.mapping.dict",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    return value


def record(cls: Any, item: Any, what: str | Sub) -> Any:
    """``item`` as a ``cls`` record: itself, or built from a tuple of its fields."""
    if isinstance(item, cls):
        return item
    fields = attrs_fields(cls)
    if not isinstance(item, tuple) or len(item) != len(fields):
        raise InvalidTypeError.of(
            N_("{what} must be {a} records or ({b}) tuples, got {value!r:.60}"),
            code="check.record.tuple",
            value=item,
            what=what,
            a=cls.__name__,
            b=Names(fields),
        )
    return cls(*item)


def attrs_fields(cls: Any) -> tuple[str, ...]:
    """The names of an attrs class's fields, in order."""
    return tuple(a.name for a in cls.__attrs_attrs__)


def items_of(
    cls: type[Any] | tuple[type[Any], ...], value: Any, what: str | Sub
) -> tuple[Any, ...]:
    """The items of ``value`` (see :func:`items`), each an instance of ``cls`` (or of
    one of the classes)."""
    out = items(value, what)
    for item in out:
        if not isinstance(item, cls):
            raise InvalidTypeError.of(
                N_("{what} must hold {a} objects, got {b} ({item!r:.60})"),
                code="check.items_of.hold",
                value=item,
                what=what,
                a=Names(c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,))),
                b=type(item).__name__,
                item=item,
            )
    return out


def items(value: Any, what: str | Sub, *, limit: int = 100_000) -> tuple[Any, ...]:
    """The items of a list, tuple, set or other iterable (not text, bytes or a mapping)."""
    out = tuple(iterable(value, what, code="check.items.list"))
    if len(out) > limit:
        raise InvalidInputError.of(
            N_("{what}: at most {limit:,} items, got {a:,}"),
            code="check.items.most_items",
            what=what,
            limit=limit,
            a=len(out),
        )
    return out
