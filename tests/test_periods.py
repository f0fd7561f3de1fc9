"""CAL-5 (PRC Civil Code arts. 200-204) and CAL-6 (N working days from an instant)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    CHINA_TZ,
    AfterClose,
    CalendarHorizonError,
    InvalidInputError,
    InvalidTypeError,
    NaiveDatetimeError,
    PeriodConvention,
    Unit,
    WorkCalendar,
    local_date,
    period_end,
)
from tests.strategies import CHINA, LATER_0110_EST, NEW_YORK, instants

D = dt.date


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CHINA_TZ)  # type: ignore[misc]


def test_cal5_art201_the_start_day_is_not_counted() -> None:
    assert period_end(at(2026, 3, 2, 23, 59), 10, Unit.DAYS).last_day == D(2026, 3, 12)
    assert period_end(at(2026, 3, 2, 0, 0), 10, Unit.DAYS).last_day == D(2026, 3, 12)


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no Feb 31: the month's last day
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2026, 4, 15), 2, D(2026, 6, 15)),  # the corresponding day
    ],
)
def test_cal5_art202_corresponding_day(start: D, months: int, last: D) -> None:
    got = period_end(dt.datetime.combine(start, dt.time(9), tzinfo=CHINA_TZ), months, "months")
    assert (got.last_day, got.rolled_from) == (last, None)


def test_cal5_art202_then_art203() -> None:
    """Mar 31 + 2 months = May 31, a Sunday: the period moves to Monday Jun 1."""
    got = period_end(at(2026, 3, 31, 9), 2, Unit.MONTHS)
    assert (got.rolled_from, got.last_day) == (D(2026, 5, 31), D(2026, 6, 1))


def test_cal5_art203_a_holiday_moves_the_last_day() -> None:
    got = period_end(at(2026, 9, 3, 10), 1, Unit.MONTHS)
    assert (got.rolled_from, got.last_day) == (D(2026, 10, 3), D(2026, 10, 8))
    days = period_end(at(2026, 9, 28, 10), 3, Unit.DAYS)
    assert (days.rolled_from, days.last_day) == (D(2026, 10, 1), D(2026, 10, 8))


def test_cal5_a_makeup_working_day_does_not_move() -> None:
    """Rest days are the days taken off: Saturday 2026-02-28 is worked (调休上班)."""
    got = period_end(at(2026, 1, 31, 10), 1, Unit.MONTHS)
    assert got.last_day == D(2026, 2, 28)
    assert got.rolled_from is None
    year = period_end(at(2025, 2, 28, 10), 1, Unit.YEARS)
    assert year.last_day == D(2026, 2, 28)


def test_cal5_ends_at_24_00_or_close_of_business() -> None:
    midnight = period_end(at(2026, 3, 2, 9), 1, Unit.DAYS)
    assert midnight.end == at(2026, 3, 4, 0, 0)  # 24:00 of Mar 3
    close = period_end(at(2026, 3, 2, 9), 1, Unit.DAYS, closing_time=dt.time(17, 30))
    assert close.end == at(2026, 3, 3, 17, 30)


def test_cal5_art204_the_parties_may_agree_otherwise() -> None:
    counting = PeriodConvention(count_start_day=True)
    assert period_end(at(2026, 3, 2, 9), 10, Unit.DAYS, convention=counting).last_day == D(
        2026, 3, 11
    )
    assert period_end(at(2026, 3, 2, 9), 1, Unit.MONTHS, convention=counting).last_day == D(
        2026, 4, 1
    )
    assert period_end(at(2026, 2, 13, 9), 1, Unit.WORKING_DAYS, convention=counting).last_day == D(
        2026, 2, 13
    )
    no_roll = PeriodConvention(roll_past_rest_days=False)
    assert period_end(at(2026, 9, 3, 10), 1, Unit.MONTHS, convention=no_roll).last_day == D(
        2026, 10, 3
    )


def test_cal6_working_days_from_an_instant_read_in_chinas_zone() -> None:
    """01:00 Beijing time on Sunday 2026-01-04 (调休上班) is that Sunday, from any zone."""
    utc = dt.datetime(2026, 1, 3, 17, 0, tzinfo=dt.timezone.utc)
    new_york = utc.astimezone(ZoneInfo("America/New_York"))
    for start in (utc, new_york):
        got = period_end(start, 1, Unit.WORKING_DAYS)
        assert got.start_day == D(2026, 1, 4)
        assert got.last_day == D(2026, 1, 5)
        assert got.rules == ("CAL-5", "CAL-6")
        assert got.end.utcoffset() == dt.timedelta(hours=8)


def test_cal6_decision_after_close_of_business() -> None:
    """CAL-6 Decide: by default a late receipt is still received that day."""
    late = at(2026, 3, 2, 18, 0)
    close = dt.time(17, 30)
    same = period_end(late, 1, Unit.WORKING_DAYS, closing_time=close)
    assert same.last_day == D(2026, 3, 3)
    sla = PeriodConvention(after_close=AfterClose.NEXT_WORKING_DAY)
    moved = period_end(late, 1, Unit.WORKING_DAYS, closing_time=close, convention=sla)
    assert (moved.counted_from, moved.last_day) == (D(2026, 3, 3), D(2026, 3, 4))
    saturday = period_end(
        at(2026, 3, 7, 10), 1, "working_days", closing_time=close, convention=sla
    )
    assert (saturday.counted_from, saturday.last_day) == (D(2026, 3, 9), D(2026, 3, 10))
    early = period_end(at(2026, 3, 2, 9), 1, "working_days", closing_time=close, convention=sla)
    assert early.last_day == D(2026, 3, 3)


@pytest.mark.parametrize("unit", [Unit.DAYS, Unit.WORKING_DAYS])
def test_cal5_art204_counting_the_start_day_never_ends_before_the_start(unit: Unit) -> None:
    """Art. 204 (the start day counted) with a closing time: a one-day period started
    at 18:00 on a Monday, read as started that day (CAL-6 SAME_DAY), would end at
    17:30 that Monday, before it starts.  Refused with what to do, never a period
    already over; before close it ends at that day's close, and a start after close
    counted on the next working day ends then."""
    counting = PeriodConvention(count_start_day=True)
    close = dt.time(17, 30)
    with pytest.raises(InvalidInputError, match="before it starts") as refused:
        period_end(at(2026, 3, 2, 18), 1, unit, closing_time=close, convention=counting)
    assert refused.value.code == "periods.ends_before_start"
    assert "next_working_day" in str(refused.value)
    in_time = period_end(at(2026, 3, 2, 17), 1, unit, closing_time=close, convention=counting)
    assert in_time.end == at(2026, 3, 2, 17, 30)
    at_close = period_end(at(2026, 3, 2, 17, 30), 1, unit, closing_time=close, convention=counting)
    assert at_close.end == at(2026, 3, 2, 17, 30)  # (an act at the end is within the period)
    two = period_end(at(2026, 3, 2, 18), 2, unit, closing_time=close, convention=counting)
    assert two.end == at(2026, 3, 3, 17, 30)
    midnight = period_end(at(2026, 3, 2, 18), 1, unit, convention=counting)
    assert midnight.end == at(2026, 3, 3, 0, 0)
    sla = PeriodConvention(count_start_day=True, after_close=AfterClose.NEXT_WORKING_DAY)
    moved = period_end(at(2026, 3, 2, 18), 1, unit, closing_time=close, convention=sla)
    assert moved.end == at(2026, 3, 3, 17, 30)


def test_a_period_written_in_a_zone_with_daylight_saving_never_ends_before_it_starts() -> None:
    """The start day counted (art. 204), no roll, close at 01:30 in New York: a one-day
    period started at 01:10 EST on 1 November, 40 minutes after 01:30 EDT, ends before
    it starts and is refused, though the wall clocks read 01:30 after 01:10."""
    start = LATER_0110_EST
    agreed = PeriodConvention(count_start_day=True, roll_past_rest_days=False)
    with pytest.raises(InvalidInputError, match="before it starts"):
        period_end(
            start, 1, Unit.DAYS, closing_time=dt.time(1, 30), tz=NEW_YORK, convention=agreed
        )


def test_cal2_periods_past_the_horizon() -> None:
    through = CHINA.official_through
    assert through is not None
    near = dt.datetime.combine(through - dt.timedelta(days=1), dt.time(9), tzinfo=CHINA_TZ)
    with pytest.raises(CalendarHorizonError):
        period_end(near, 5, Unit.WORKING_DAYS)
    guess = period_end(
        near, 5, Unit.WORKING_DAYS, calendar=WorkCalendar.china(estimate_beyond_horizon=True)
    )
    assert guess.estimated
    assert "CAL-2" in guess.rules
    assert not period_end(at(2026, 3, 2, 9), 5, Unit.WORKING_DAYS).estimated


def test_local_date() -> None:
    assert local_date(dt.datetime(2026, 1, 3, 17, 0, tzinfo=dt.timezone.utc)) == D(2026, 1, 4)
    assert local_date(at(2026, 1, 4, 1), tz=dt.timezone.utc) == D(2026, 1, 3)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"start": dt.datetime(2026, 3, 2, 9)}, NaiveDatetimeError, "naive"),
        ({"start": D(2026, 3, 2)}, InvalidTypeError, "aware datetime"),
        ({"length": 0}, InvalidInputError, "at least 1"),
        ({"length": True}, InvalidTypeError, "int"),
        ({"length": 1.5}, InvalidTypeError, "int"),
        ({"unit": "weeks"}, InvalidInputError, "unknown unit"),
        ({"closing_time": dt.time(17, 30, tzinfo=dt.timezone.utc)}, InvalidInputError, "zone"),
        ({"closing_time": "17:30"}, InvalidTypeError, "closing_time"),
        ({"tz": "Asia/Shanghai"}, InvalidTypeError, "tzinfo"),
        ({"calendar": "china"}, InvalidTypeError, "WorkCalendar"),
        ({"convention": "civil"}, InvalidTypeError, "PeriodConvention"),
    ],
)
def test_bad_input(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    args: dict[str, object] = {"start": at(2026, 3, 2, 9), "length": 1, "unit": Unit.DAYS}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        period_end(**args)  # type: ignore[arg-type]


# (unit, longest length) pairs that stay inside the official range's margin
periods = st.sampled_from(
    [(Unit.DAYS, 300), (Unit.MONTHS, 12), (Unit.YEARS, 1), (Unit.WORKING_DAYS, 200)]
).flatmap(lambda p: st.tuples(st.integers(min_value=1, max_value=p[1]), st.just(p[0])))


@given(instants, periods)
def test_the_period_ends_after_it_starts_on_a_working_day(
    start: dt.datetime, period: tuple[int, Unit]
) -> None:
    n, unit = period
    got = period_end(start, n, unit)
    assert got.end > start
    assert got.last_day > got.start_day
    assert CHINA.is_working_day(got.last_day)


@given(instants, instants, periods)
def test_a_later_start_never_ends_earlier(
    a: dt.datetime, b: dt.datetime, period: tuple[int, Unit]
) -> None:
    n, unit = period
    a, b = min(a, b), max(a, b)
    assert period_end(a, n, unit).end <= period_end(b, n, unit).end


conventions = st.builds(
    PeriodConvention,
    count_start_day=st.booleans(),
    roll_past_rest_days=st.booleans(),
    after_close=st.sampled_from(list(AfterClose)),
)
closing_times = st.none() | st.times()
#: periods, with the shortest ones (whose only day can be the start day) drawn often
any_periods = periods | st.tuples(
    st.integers(1, 2), st.sampled_from([Unit.DAYS, Unit.WORKING_DAYS, Unit.MONTHS])
)


def _agreed_end(
    start: dt.datetime, n: int, unit: Unit, convention: PeriodConvention, close: dt.time | None
) -> dt.datetime | None:
    """The period's end, or None where it is refused for ending before its start."""
    try:
        got = period_end(start, n, unit, convention=convention, closing_time=close)
    except InvalidInputError as exc:
        refused = (exc.code, convention.count_start_day, close)
    else:
        refused = None
    if refused is not None:
        assert refused[:2] == ("periods.ends_before_start", True)
        assert close is not None
        assert close < start.astimezone(CHINA_TZ).time()
        return None
    assert got.end >= start
    assert got.last_day >= got.start_day
    if convention.roll_past_rest_days or unit is Unit.WORKING_DAYS:
        assert CHINA.is_working_day(got.last_day)
    return got.end


@given(instants, instants, any_periods, conventions, closing_times)
def test_cal5_art204_any_agreement_ends_no_earlier_than_the_start_nor_a_later_start(
    a: dt.datetime,
    b: dt.datetime,
    period: tuple[int, Unit],
    convention: PeriodConvention,
    close: dt.time | None,
) -> None:
    """Whatever the parties agree (art. 204) and whatever the closing time: a period
    ends at or after its start, or is refused; a later start never ends earlier, and
    a longer period never ends earlier."""
    n, unit = period
    a, b = min(a, b), max(a, b)
    first, second = (_agreed_end(t, n, unit, convention, close) for t in (a, b))
    if first is not None and second is not None:
        assert first <= second
    shorter = _agreed_end(a, max(1, n - 1), unit, convention, close)
    if first is not None and shorter is not None:
        assert shorter <= first


@given(instants, periods)
def test_longer_periods_never_end_earlier(start: dt.datetime, period: tuple[int, Unit]) -> None:
    n, unit = period
    shorter = max(1, n - 1)
    assert period_end(start, shorter, unit).last_day <= period_end(start, n, unit).last_day


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)),
    st.integers(min_value=-1200, max_value=1200),
)
def test_cal5_art202_add_months_is_relativedelta(day: D, months: int) -> None:
    from dateutil.relativedelta import relativedelta

    from custrules import add_months

    assert add_months(day, months) == day + relativedelta(months=months)


@given(
    instants,
    st.sampled_from(["days", "months", "years", "working_days"]),
    st.integers(min_value=1, max_value=40),
)
def test_cal5_periods_agree_with_a_plain_reading_of_the_code(
    start: dt.datetime, unit: str, length: int
) -> None:
    """Arts. 201-203 read plainly: count from the next day (days), the same day of
    the final month or its last day (months, years, by dateutil), or the N-th
    working day; a last day that is a rest day moves to the next working day; the
    period ends at 24:00 of its last day in Beijing."""
    from dateutil.relativedelta import relativedelta

    beijing = ZoneInfo("Asia/Shanghai")
    day = start.astimezone(beijing).date()
    if unit == "days":
        last = day + dt.timedelta(days=length)
    elif unit == "months":
        last = day + relativedelta(months=length)
    elif unit == "years":
        last = day + relativedelta(years=length % 4 + 1)
        length = length % 4 + 1
    else:
        last, count = day, 0
        while count < length:
            last += dt.timedelta(days=1)
            count += CHINA.is_working_day(last)
    try:
        while not CHINA.is_working_day(last):
            last += dt.timedelta(days=1)
        got = period_end(start, length, unit)
    except CalendarHorizonError:
        return  # past the installed schedule (tested elsewhere)
    assert (got.last_day, got.end) == (
        last,
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=beijing),
    )
