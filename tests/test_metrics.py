"""RET-1: retention rate, purchase frequency, satisfaction averages."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    InvalidInputError,
    InvalidTypeError,
    Period,
    Purchase,
    SurveyResponse,
    purchase_frequency,
    retention,
    satisfaction,
)
from tests.pinning import refusal

D = dt.date
Q1 = Period.quarter(2026, 1)


def test_ret1_retention_rate() -> None:
    r = retention(at_start={"甲", "乙", "丙", "丁"}, at_end={"甲", "乙", "丙", "戊"}, period=Q1)
    assert r.rate == Fraction(3, 4)
    assert r.kept == {"甲", "乙", "丙"}
    assert r.lost == {"丁"}
    assert r.acquired == {"戊"}  # reported, but not in the rate


def test_ret1_retention_edge_cases() -> None:
    assert retention(at_start=set(), at_end={"甲"}).rate is None  # undefined, not 0 or 1
    assert retention(at_start={"甲"}, at_end=set()).rate == 0
    with pytest.raises(InvalidTypeError):
        retention(at_start="甲乙", at_end=set())
    with pytest.raises(InvalidTypeError):
        retention(at_start={1, 2}, at_end=set())


def test_ret1_purchase_frequency() -> None:
    purchases = [
        ("甲", D(2026, 1, 5)),
        ("甲", D(2026, 2, 5)),
        Purchase("乙", D(2026, 3, 31)),
        ("乙", D(2026, 4, 1)),  # outside the quarter
        ("戊", D(2026, 2, 1)),  # not one of the customers
    ]
    f = purchase_frequency(purchases, customers={"甲", "乙", "丙"}, period=Q1)
    assert (f.purchases, f.customers, f.ignored, f.rate) == (3, 3, 2, Fraction(1))
    assert purchase_frequency([], customers=set(), period=Q1).rate is None


def test_ret1_satisfaction() -> None:
    answers = [
        ("甲", D(2026, 1, 5), 90),
        ("甲", D(2026, 2, 5), 70),
        SurveyResponse("乙", D(2026, 3, 1), 60),
        ("丙", D(2025, 12, 31), 10),  # before the period
    ]
    s = satisfaction(answers, period=Q1)
    assert (s.responses, s.customers, s.average) == (3, 2, Fraction(220, 3))
    per = satisfaction(answers, period=Q1, per_customer=True)
    assert per.average == Fraction(80 + 60, 2)
    assert satisfaction([], period=Q1).average is None
    with pytest.raises(InvalidInputError, match="off the scale"):
        satisfaction([("甲", D(2026, 1, 5), 6)], period=Q1, scale=(1, 5))
    with pytest.raises(InvalidInputError, match="off the scale"):
        satisfaction([("甲", D(2026, 1, 5), 0)], period=Q1, scale=(1, 5))
    ends = [("甲", D(2026, 1, 1), 1), ("乙", D(2026, 3, 31), 5)]  # both ends of both
    assert satisfaction(ends, period=Q1, scale=(1, 5)).average == 3


def test_periods() -> None:
    assert Period.quarter(2026, 1) == Period(D(2026, 1, 1), D(2026, 3, 31))
    assert Period.month("2026-02").last == D(2026, 2, 28)
    assert Period.year(2024).last == D(2024, 12, 31)
    assert D(2026, 2, 1) in Q1
    # both ends belong to the period, the days next to them do not
    assert [D(2025, 12, 31) in Q1, D(2026, 1, 1) in Q1, D(2026, 3, 31) in Q1] == [
        False,
        True,
        True,
    ]
    assert D(2026, 4, 1) not in Q1
    with pytest.raises(InvalidInputError, match="before it starts"):
        Period(D(2026, 3, 1), D(2026, 2, 1))
    with pytest.raises(InvalidInputError, match="quarter"):
        Period.quarter(2026, 5)
    with pytest.raises(InvalidTypeError):
        Period(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), D(2026, 2, 1))
    # what is not a day is refused, not answered "not in the period" (before: False for a
    # string, Python's own TypeError for a datetime)
    for not_a_day in ("2026-02-01", dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc), None):
        with pytest.raises(InvalidTypeError):
            _ = not_a_day in Q1


ids = st.sets(st.sampled_from("甲乙丙丁戊己庚辛"))


@given(ids, ids)
def test_retention_rate_is_a_fraction_of_the_start(start: set[str], end: set[str]) -> None:
    r = retention(at_start=start, at_end=end)
    if start:
        assert r.rate is not None
        assert 0 <= r.rate <= 1
        assert r.kept | r.lost == start
    else:
        assert r.rate is None
    assert not (r.acquired & start)


def test_quarters_and_the_refusals_of_periods() -> None:
    import datetime as dt

    from custrules import Period

    assert [
        (Period.quarter(2026, q).first, Period.quarter(2026, q).last) for q in (1, 2, 3, 4)
    ] == [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ]
    assert Period.year(2026) == Period(first=dt.date(2026, 1, 1), last=dt.date(2026, 12, 31))
    cases = [
        (
            lambda: Period.quarter(2026, 5),
            "metrics.period.quarter.quarter",
            "a quarter is 1-4, got 5",
            "季度应为 1-4，收到的是 5",
        ),
        (
            lambda: Period(first=dt.date(2026, 3, 2), last=dt.date(2026, 3, 1)),
            "metrics.period.period_cannot",
            "a period cannot end (2026-03-01) before it starts (2026-03-02)",
            "期间的结束（2026-03-01）不能早于开始（2026-03-02）",
        ),
        (
            lambda: satisfaction(
                [("a", dt.date(2026, 3, 2), 120)], period=Period.month("2026-03")
            ),
            "metrics.satisfaction.s_score",
            "a's score 120 is off the scale 0-100",
            "a 的分数 120 超出了 0-100 的范围",
        ),
    ]
    for call, code, en, zh in cases:
        refusal(call, code, en, zh)
    # the offending value travels with the error, for a host's own message
    assert refusal(*cases[0]).value == 5
