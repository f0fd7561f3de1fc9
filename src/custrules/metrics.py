"""Customer retention indicators (客户留存关键指标): RET-1.

Sources: 规范客户留存的操作规定 (operating rules for customer retention) 四(一);
客户关系维护与管理作业指导书 (work instruction on customer-relationship
maintenance) 2.2.1 and 2.3.2.

RET-1: customer satisfaction (surveys, interviews), customer retention rate
(customers kept over a period / customers at its start), purchase frequency
(purchases per customer per period).  Every figure is an exact
:class:`~fractions.Fraction` over an explicit :class:`Period`.

Edge cases, decided here:

* no customers at the start: the retention rate is undefined (``None``), not
  0 or 1; customers acquired during the period are reported but do not enter
  the rate, in the numerator or the denominator;
* purchase frequency counts purchases dated inside the period by the
  customers given, divided by the number of those customers (those who
  bought nothing count too); no customers: ``None``;
* satisfaction is the mean of the responses in the period (``per_customer``
  averages each customer first, so one customer's many answers weigh once);
  no responses: ``None``.  Scores must lie on the survey's scale.

>>> r = retention(at_start={"甲", "乙", "丙", "丁"}, at_end={"甲", "乙", "丙", "戊"})
>>> r.rate, sorted(r.lost), sorted(r.acquired)
(Fraction(3, 4), ['丁'], ['戊'])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_
from custrules.errors import InvalidInputError, InvalidTypeError
from custrules.periods import Month

__all__ = [
    "Frequency",
    "Period",
    "Purchase",
    "Retention",
    "Satisfaction",
    "SurveyResponse",
    "purchase_frequency",
    "retention",
    "satisfaction",
]


@attrs.frozen
class Period:
    """The days ``first`` to ``last``, both included."""

    first: _dt.date = attrs.field(validator=_check.date_attr)
    last: _dt.date = attrs.field(validator=_check.date_attr)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInputError.of(
                N_("a period cannot end ({last}) before it starts ({first})"),
                code="metrics.period.period_cannot",
                value=self,
                last=self.last,
                first=self.first,
            )

    @classmethod
    def month(cls, month: Month | str) -> Period:
        m = Month.parse(month)
        return cls(m.first_day, m.last_day)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise InvalidInputError.of(
                N_("a quarter is 1-4, got {quarter}"),
                code="metrics.period.quarter.quarter",
                value=quarter,
                quarter=quarter,
            )
        first = Month(year, 3 * quarter - 2)
        return cls(first.first_day, (first + 2).last_day)

    @classmethod
    def year(cls, year: int) -> Period:
        first = Month(year, 1)
        return cls(first.first_day, (first + 11).last_day)

    def __contains__(self, day: object) -> bool:
        """Whether the day lies in the period; a datetime, a string or anything else
        that is not a date is refused (not answered False)."""
        return self.first <= _check.plain_date(day, "day") <= self.last


def _ids(value: Any, what: str) -> frozenset[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError.of(
            N_("{what} must be a collection of customer ids, got {shown!r}"),
            code="metrics.ids.collection_customer",
            value=value,
            what=what,
            shown=value,
        )
    ids = frozenset(value)
    for item in ids:
        if not isinstance(item, str) or not item:
            raise InvalidTypeError.of(
                N_("customer ids must be non-empty text, got {item!r}"),
                code="metrics.ids.customer_ids",
                value=item,
                item=item,
            )
        _check.text(item, "a customer id")  # ('甲 ' and '甲' would be two customers)
    return ids


@attrs.frozen(kw_only=True)
class Retention:
    """RET-1 retention over a period."""

    at_start: frozenset[str]
    at_end: frozenset[str]
    period: Period | None = None

    @property
    def kept(self) -> frozenset[str]:
        return self.at_start & self.at_end

    @property
    def lost(self) -> frozenset[str]:
        return self.at_start - self.at_end

    @property
    def acquired(self) -> frozenset[str]:
        """Customers gained during the period: reported, not in the rate."""
        return self.at_end - self.at_start

    @property
    def rate(self) -> Fraction | None:
        """Kept / at start; None when there was nobody at the start."""
        if not self.at_start:
            return None
        return Fraction(len(self.kept), len(self.at_start))

    rules: tuple[str, ...] = ("RET-1",)


def retention(
    *, at_start: Iterable[str], at_end: Iterable[str], period: Period | None = None
) -> Retention:
    """The retention rate: customers kept over a period / customers at its start."""
    return Retention(
        at_start=_ids(at_start, "at_start"), at_end=_ids(at_end, "at_end"), period=period
    )


@attrs.frozen
class Purchase:
    customer: str = attrs.field(validator=_check.nonempty)
    day: _dt.date = attrs.field(validator=_check.date_attr)


@attrs.frozen(kw_only=True)
class Frequency:
    period: Period
    customers: int
    purchases: int
    #: purchases outside the period or by other customers, left out
    ignored: int

    @property
    def rate(self) -> Fraction | None:
        """Purchases per customer in the period; None with no customers."""
        return None if self.customers == 0 else Fraction(self.purchases, self.customers)

    rules: tuple[str, ...] = ("RET-1",)


def purchase_frequency(
    purchases: Iterable[Purchase | tuple[str, _dt.date]],
    *,
    customers: Iterable[str],
    period: Period,
) -> Frequency:
    """Purchases per customer per period (RET-1)."""
    if not isinstance(period, Period):
        raise InvalidTypeError.of(
            N_("period must be a Period, got {period!r}"),
            code="metrics.purchase_frequency.period_period",
            value=period,
            period=period,
        )
    base = _ids(customers, "customers")
    counted = ignored = 0
    for item in _check.iterable(purchases, "purchases"):
        p = _check.record(Purchase, item, "purchases")
        if p.customer in base and p.day in period:
            counted += 1
        else:
            ignored += 1
    return Frequency(period=period, customers=len(base), purchases=counted, ignored=ignored)


def _score(value: Any) -> Fraction:
    return _check.exact_number(value, "score")


@attrs.frozen
class SurveyResponse:
    customer: str = attrs.field(validator=_check.nonempty)
    day: _dt.date = attrs.field(validator=_check.date_attr)
    score: Fraction = attrs.field(converter=_score)


@attrs.frozen(kw_only=True)
class Satisfaction:
    period: Period
    responses: int
    customers: int
    average: Fraction | None
    per_customer: bool
    rules: tuple[str, ...] = ("RET-1",)


def satisfaction(
    responses: Iterable[SurveyResponse | tuple[str, _dt.date, Any]],
    *,
    period: Period,
    scale: tuple[Any, Any] = (0, 100),
    per_customer: bool = False,
) -> Satisfaction:
    """The average satisfaction score of the responses in a period (RET-1)."""
    _check.boolean(per_customer, "per_customer")
    if not isinstance(period, Period):
        raise InvalidTypeError.of(
            N_("period must be a Period, got {period!r}"),
            code="metrics.satisfaction.period_period",
            value=period,
            period=period,
        )
    bounds = _check.items(scale, "scale")
    if len(bounds) != 2:
        raise InvalidInputError.of(
            N_("the scale is two numbers, low and high, got {scale!r:.60}"),
            code="metrics.satisfaction.scale_two",
            value=scale,
            scale=scale,
        )
    low, high = (_check.exact_number(x, "scale") for x in bounds)
    if not low < high:
        raise InvalidInputError.of(
            N_("the scale must run from low to high, got {scale}"),
            code="metrics.satisfaction.scale_run",
            value=scale,
            scale=scale,
        )
    by_customer: dict[str, list[Fraction]] = {}
    count = 0
    for item in _check.iterable(responses, "responses"):
        r = _check.record(SurveyResponse, item, "responses")
        if not low <= r.score <= high:
            raise InvalidInputError.of(
                N_("{customer}'s score {score} is off the scale {low}-{high}"),
                code="metrics.satisfaction.s_score",
                value=r,
                customer=r.customer,
                score=r.score,
                low=low,
                high=high,
            )
        if r.day in period:
            by_customer.setdefault(r.customer, []).append(r.score)
            count += 1
    average: Fraction | None = None
    if count:
        if per_customer:
            means = [sum(v, Fraction(0)) / len(v) for v in by_customer.values()]
            average = sum(means, Fraction(0)) / len(means)
        else:
            average = sum((s for v in by_customer.values() for s in v), Fraction(0)) / count
    return Satisfaction(
        period=period,
        responses=count,
        customers=len(by_customer),
        average=average,
        per_customer=per_customer,
    )
