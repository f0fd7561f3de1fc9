"""CAL-1 to CAL-4: the working-day calendar.

Worked cases transcribe the State Council notices
(国务院办公厅关于2024/2025/2026年部分节假日安排的通知): every day off, every
make-up working day (调休上班), and every other day of those years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    CalendarHorizonError,
    CustrulesError,
    DayKind,
    InvalidInputError,
    InvalidTypeError,
    ScheduleNotice,
    WorkCalendar,
    statutory_days,
)
from custrules._days import DayData
from tests.strategies import CHINA, china_days, signed_steps, steps

D = dt.date
CHINA_THROUGH = CHINA.official_through or D(1, 1, 1)

# (first day off, last day off) ranges and make-up working days, as the notices give them.
NOTICES: dict[int, tuple[list[tuple[D, D]], list[D]]] = {
    2024: (
        [
            (D(2024, 1, 1), D(2024, 1, 1)),  # 元旦
            (D(2024, 2, 10), D(2024, 2, 17)),  # 春节, 8 days
            (D(2024, 4, 4), D(2024, 4, 6)),  # 清明
            (D(2024, 5, 1), D(2024, 5, 5)),  # 劳动节
            (D(2024, 6, 10), D(2024, 6, 10)),  # 端午
            (D(2024, 9, 15), D(2024, 9, 17)),  # 中秋
            (D(2024, 10, 1), D(2024, 10, 7)),  # 国庆
        ],
        [
            D(2024, 2, 4),
            D(2024, 2, 18),
            D(2024, 4, 7),
            D(2024, 4, 28),
            D(2024, 5, 11),
            D(2024, 9, 14),
            D(2024, 9, 29),
            D(2024, 10, 12),
        ],
    ),
    2025: (
        [
            (D(2025, 1, 1), D(2025, 1, 1)),  # 元旦, no swap
            (D(2025, 1, 28), D(2025, 2, 4)),  # 春节 from 除夕, 8 days
            (D(2025, 4, 4), D(2025, 4, 6)),  # 清明
            (D(2025, 5, 1), D(2025, 5, 5)),  # 劳动节
            (D(2025, 5, 31), D(2025, 6, 2)),  # 端午
            (D(2025, 10, 1), D(2025, 10, 8)),  # 国庆 and 中秋, 8 days
        ],
        [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)],
    ),
    2026: (
        [
            (D(2026, 1, 1), D(2026, 1, 3)),  # 元旦
            (D(2026, 2, 15), D(2026, 2, 23)),  # 春节, 9 days
            (D(2026, 4, 4), D(2026, 4, 6)),  # 清明
            (D(2026, 5, 1), D(2026, 5, 5)),  # 劳动节
            (D(2026, 6, 19), D(2026, 6, 21)),  # 端午
            (D(2026, 9, 25), D(2026, 9, 27)),  # 中秋
            (D(2026, 10, 1), D(2026, 10, 7)),  # 国庆
        ],
        [
            D(2026, 1, 4),
            D(2026, 2, 14),
            D(2026, 2, 28),
            D(2026, 5, 9),
            D(2026, 9, 20),
            D(2026, 10, 10),
        ],
    ),
}

# Bridge days (weekdays given off) paired with the make-up day that pays for them.
BRIDGES = {
    D(2024, 2, 15): D(2024, 2, 4),
    D(2024, 2, 16): D(2024, 2, 18),
    D(2024, 4, 5): D(2024, 4, 7),
    D(2024, 5, 2): D(2024, 4, 28),
    D(2024, 5, 3): D(2024, 5, 11),
    D(2024, 9, 16): D(2024, 9, 14),
    D(2024, 10, 4): D(2024, 9, 29),
    D(2024, 10, 7): D(2024, 10, 12),
    D(2025, 2, 3): D(2025, 1, 26),
    D(2025, 2, 4): D(2025, 2, 8),
    D(2025, 5, 5): D(2025, 4, 27),
    D(2025, 10, 7): D(2025, 9, 28),
    D(2025, 10, 8): D(2025, 10, 11),
    D(2026, 1, 2): D(2026, 1, 4),
    D(2026, 2, 20): D(2026, 2, 14),
    D(2026, 2, 23): D(2026, 2, 28),
    D(2026, 5, 5): D(2026, 5, 9),
    D(2026, 10, 6): D(2026, 9, 20),
    D(2026, 10, 7): D(2026, 10, 10),
}


def _days(year: int) -> list[D]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_cal1_every_day_of_the_notice_years(year: int) -> None:
    """CAL-1: each day of 2024-2026 is a working day exactly as the notice says."""
    ranges, makeups = NOTICES[year]
    off = {r[0] + dt.timedelta(days=i) for r in ranges for i in range((r[1] - r[0]).days + 1)}
    for day in _days(year):
        if day in off:
            expected = False
        elif day in makeups:
            expected = True
        else:
            expected = day.weekday() < 5
        assert CHINA.is_working_day(day) is expected, day


@pytest.mark.parametrize(("bridge", "makeup"), sorted(BRIDGES.items()))
def test_cal1_bridge_days_and_their_makeup_days(bridge: D, makeup: D) -> None:
    """CAL-1: a bridge day is off and says which weekend day pays for it; and back."""
    off = CHINA.explain(bridge)
    assert (off.working, off.kind, off.swapped_with) == (False, DayKind.BRIDGE_DAY, makeup)
    work = CHINA.explain(makeup)
    assert (work.working, work.kind, work.swapped_with) == (True, DayKind.MAKEUP_WORKDAY, bridge)
    assert makeup.weekday() >= 5
    assert "调休" in work.reason


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2005, 12, 31), True),  # Saturday worked for the 2006 New Year swap
        (D(2006, 1, 3), False),
        (D(2015, 9, 3), False),  # 70th anniversary of the victory, a one-off holiday
        (D(2015, 9, 4), False),
        (D(2015, 9, 6), True),  # Sunday worked for it
        (D(2019, 4, 28), True),  # the March 2019 Labour Day change
        (D(2019, 5, 2), False),
        (D(2019, 5, 3), False),
        (D(2019, 5, 5), True),
        (D(2020, 1, 31), False),  # Spring Festival extended (COVID-19), Jan 31-Feb 2
        (D(2020, 2, 3), True),
        (D(2004, 10, 9), True),  # 2004 National Day: Sat Oct 9 and Sun Oct 10 worked
        (D(2004, 10, 7), False),
    ],
)
def test_cal1_historic_notices(day: D, working: bool) -> None:
    """CAL-1: one-off notices and mid-year changes from earlier years."""
    assert CHINA.is_working_day(day) is working


def test_cal1_a_holiday_names_itself() -> None:
    info = CHINA.explain(D(2026, 10, 1))
    assert (info.working, info.kind, info.name) == (False, DayKind.HOLIDAY, "国庆节")
    assert CHINA.explain(D(2026, 3, 7)).kind is DayKind.WEEKEND
    assert CHINA.explain(D(2026, 3, 9)).kind is DayKind.WORKDAY
    # China's explanations use the law's names, whatever `holidays`' language:
    # they never rest on its localised strings (CAL-8)
    english = WorkCalendar.china(language="en_US").explain(D(2026, 10, 1))
    assert english.name == "国庆节"
    bridge = WorkCalendar.china(language="en_US").explain(D(2026, 2, 20))
    assert (
        str(bridge)
        == "2026-02-20 Fri: day off, bridge day off (调休放假): 春节 (worked on 2026-02-14 Sat)"
    )
    assert str(CHINA.explain(D(2026, 3, 9))) == "2026-03-09 Mon: working day"
    assert str(CHINA.explain(D(2017, 1, 2))) == (
        "2017-01-02 Mon: day off, day off in lieu or by special notice: 元旦"
    )
    us = WorkCalendar.from_holidays("US", subdiv="CA").explain(D(2026, 7, 3))
    assert "法定节假日" not in str(us)
    assert us.statutory is None


def test_days_in_lieu_bridge_and_make_up_days_name_their_holiday() -> None:
    """A day off in lieu (补休), a bridge day (调休放假) and a make-up working day (调休上班)
    name the statutory holiday of their break (国庆节调休), by the law's names; a break
    that holds two names both (2023's 中秋节 and 国庆节); a make-up day across the year
    names the next year's 元旦; they stay non-statutory (CAL-8)."""
    assert CHINA.explain(D(2026, 10, 5)).name == "国庆节"
    assert CHINA.explain(D(2026, 9, 20)).name == "国庆节"  # worked for 10-06
    assert CHINA.explain(D(2026, 2, 14)).name == "春节"
    assert CHINA.explain(D(2023, 10, 4)).name == "中秋节、国庆节"
    assert CHINA.explain(D(2023, 10, 8)).name == "中秋节、国庆节"
    assert CHINA.explain(D(2018, 12, 29)).name == "元旦"  # for 2018-12-31, then 2019's 元旦
    assert str(CHINA.explain(D(2023, 10, 5)).explain("zh")) == (
        "2023-10-05 周四：休息日，调休放假：中秋节、国庆节（调至 2023-10-07 周六上班）"
    )
    for day in (D(2026, 10, 5), D(2026, 10, 6), D(2026, 9, 20)):
        assert CHINA.explain(day).statutory is False
    # 2015's one-off day off (the 70th anniversary, by special notice) has no holiday
    # of the law's to name
    assert [CHINA.explain(D(2015, 9, d)).name for d in (3, 4, 6)] == [None, None, None]
    # a plain weekend and a plain working day name nothing
    assert (CHINA.explain(D(2026, 10, 4)).name, CHINA.explain(D(2026, 10, 9)).name) == (None, None)
    assert (CHINA.explain(D(2026, 10, 4)).working, CHINA.explain(D(2026, 10, 9)).working) == (
        False,
        True,
    )
    # a plain working day past the official schedule says it is an estimate
    rough = WorkCalendar.china(estimate_beyond_horizon=True).explain(D(2030, 3, 12))
    assert (rough.kind, rough.working, rough.estimated) == (DayKind.WORKDAY, True, True)


def test_cal1_agrees_with_holidays_on_every_official_day() -> None:
    """The index answers every day 2001..horizon as `holidays` does (no distortion)."""
    assert CHINA.first_day is not None
    assert CHINA.official_through is not None
    years = range(CHINA.first_day.year, CHINA.official_through.year + 1)
    source = holidays.China(years=years)
    day = CHINA.first_day
    while day <= CHINA.official_through:
        assert CHINA.is_working_day(day) is source.is_working_day(day), day
        day += dt.timedelta(days=1)


def test_cal2_horizon_is_derived_from_installed_data() -> None:
    """CAL-2: official_through is the last day of the newest notice `holidays` ships
    (the suite reads the notices up to 2026: conftest.py)."""
    from holidays.countries.china import ChinaStaticHolidays

    newest = max(ChinaStaticHolidays.special_public_holidays)
    assert D(newest, 12, 31) == CHINA.official_through
    assert newest >= 2026
    assert CHINA.first_day == D(min(ChinaStaticHolidays.special_public_holidays), 1, 1)


def test_cal2_the_whole_installed_release(installed_notices: Mapping[int, Any]) -> None:
    """CAL-2 on the installed `holidays` release as it is, whatever year it reaches
    (the rest of the suite reads its notices up to 2026): the horizon is its newest
    notice's 31 December, that year keeps the law's days off and reads back as a
    notice, and every earlier day is as the worked cases know it."""
    from custrules import _holidays_adapter

    whole = WorkCalendar(data=_holidays_adapter.china(estimate=False), zone=CHINA.zone)
    newest, oldest = max(installed_notices), min(installed_notices)
    assert (whole.first_day, whole.official_through) == (D(oldest, 1, 1), D(newest, 12, 31))
    assert not any(whole.is_working_day(day) for day in statutory_days(newest))
    notice = ScheduleNotice.from_calendar(whole, newest)
    assert notice.year == newest
    assert ScheduleNotice.from_holiday_cn(notice.to_holiday_cn()) == notice
    # read back against the release itself (the suite's installed data stops at 2026, and a
    # newer notice may name a late-December day of 2026)
    assert ScheduleNotice.parse(notice.render(), check_installed=False) == notice
    assert notice.disagreement(whole) is None
    # a later notice may make a late-December weekend of the year before a working day
    swaps = _holidays_adapter._china_swaps(installed_notices)  # bridge day -> make-up day
    later = {work for off, work in swaps.items() if off.year > CHINA_THROUGH.year}
    day = whole.first_day
    while day <= CHINA_THROUGH:
        if day not in later:
            assert whole.explain(day) == CHINA.explain(day), day
        day += dt.timedelta(days=1)


def test_cal2_past_the_horizon_is_refused_with_directions() -> None:
    through = CHINA.official_through
    assert through is not None
    later = through + dt.timedelta(days=40)
    with pytest.raises(CalendarHorizonError) as err:
        CHINA.is_working_day(later)
    assert err.value.missing_year == through.year + 1
    assert err.value.official_through == through
    message = str(err.value)
    assert str(through.year + 1) in message
    assert "with_overrides" in message
    assert "estimate_beyond_horizon=True" in message
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value, CustrulesError)


def test_cal2_another_calendars_horizon_gives_its_own_directions() -> None:
    """Past a US calendar's years, the directions are that calendar's (its own days,
    or more years), not China's notice or estimate."""
    us = WorkCalendar.from_holidays("US", years=range(2025, 2027))
    with pytest.raises(CalendarHorizonError) as err:
        us.is_working_day(dt.date(2028, 3, 1))
    assert (err.value.code, err.value.missing_year) == ("horizon", 2027)
    for lang in ("en", "zh"):
        message = err.value.message_in(lang)
        assert "official_through=date(2027, 12, 31)" in message
        assert "years=..." in message
        assert "notice" not in message
        assert "estimate_beyond_horizon" not in message
    assert err.value.message_in("en").startswith(
        "2028-03-01 is past this calendar's schedule, which ends 2026-12-31 (holidays "
    )


def test_cal3_a_horizon_for_a_calendar_that_had_none() -> None:
    """A host gives the weekdays calendar an official horizon and its own days off: the
    days are as given, and past the horizon it refuses as any calendar does (CAL-2)."""
    cal = WorkCalendar.weekdays().with_overrides(
        official_through=dt.date(2027, 12, 31), days_off=[dt.date(2027, 1, 1)]
    )
    assert cal.official_through == dt.date(2027, 12, 31)
    assert [cal.is_working_day(dt.date(2027, 1, d)) for d in (1, 4)] == [False, True]
    with pytest.raises(CalendarHorizonError) as err:
        cal.is_working_day(dt.date(2028, 3, 1))
    assert err.value.missing_year == 2028
    # its directions are the host's own: no `holidays` years to build it for
    en = (
        "2028-03-01 is past this calendar's schedule, which ends 2027-12-31 (Monday-Friday, "
        "no holidays, with the horizon you gave it): supply the days of 2028 with "
    )
    zh = "2028-03-01 超出本日历的安排，该安排截至 2027-12-31（周一至周五，无节假日，"
    zh += "截止日由您设定）：请用 "
    overrides = ".with_overrides(days_off=[...], working_days=[...], "
    overrides += "official_through=date(2028, 12, 31))"
    assert (str(err.value), err.value.message_in("zh")) == (
        en + overrides,
        zh + overrides + " 提供 2028 年的日期",
    )


def test_cal2_before_the_data_names_the_range_it_has() -> None:
    with pytest.raises(CalendarHorizonError) as err:
        CHINA.is_working_day(dt.date(1999, 5, 3))
    assert err.value.code == "horizon.before_data"
    assert (err.value.first_day, err.value.official_through) == (
        CHINA.first_day,
        CHINA.official_through,
    )
    assert err.value.params["official_through"] == CHINA.official_through


def test_cal4_china_through_from_holidays_keeps_the_zone_given() -> None:
    utc = dt.timezone.utc
    assert WorkCalendar.from_holidays("CN", zone=utc).zone is utc
    assert WorkCalendar.from_holidays("CN").zone == CHINA.zone


def test_cal2_an_answer_that_would_cross_the_horizon_is_refused() -> None:
    through = CHINA.official_through
    assert through is not None
    with pytest.raises(
        CalendarHorizonError, match="past this calendar's official schedule"
    ) as past:
        CHINA.add_working_days(through - dt.timedelta(days=3), 10)
    assert past.value.value == through + dt.timedelta(days=1)  # the first day it cannot know
    start = through - dt.timedelta(days=3)
    assert f"the answer from {start} (reaching {through + dt.timedelta(days=1)})" in str(
        past.value
    )
    with pytest.raises(CalendarHorizonError):
        CHINA.working_days_between(through, through + dt.timedelta(days=1))


def test_cal2_before_the_data_is_refused() -> None:
    first = CHINA.first_day
    assert first is not None
    with pytest.raises(CalendarHorizonError, match="before this calendar's data"):
        CHINA.is_working_day(first - dt.timedelta(days=1))
    with pytest.raises(CalendarHorizonError) as before:
        CHINA.add_working_days(first + dt.timedelta(days=3), -10)
    assert before.value.value == first - dt.timedelta(days=1)


def test_cal2_estimates_are_opt_in_and_labelled() -> None:
    through = CHINA.official_through
    assert through is not None
    estimating = WorkCalendar.china(estimate_beyond_horizon=True)
    later = D(through.year + 1, 1, 1)  # New Year's Day: off by any rule
    assert estimating.is_working_day(later) is False
    assert estimating.is_estimated(later)
    assert not estimating.is_estimated(through)
    info = estimating.explain(later)
    assert info.estimated
    assert "estimate" in info.reason
    # Inside the official range the estimating calendar answers as the strict one.
    for day in (D(2026, 2, 14), D(2026, 2, 20), D(2025, 10, 8)):
        assert estimating.explain(day) == CHINA.explain(day)
    with pytest.raises(CalendarHorizonError, match="even an estimate") as past:
        estimating.is_working_day(D(2101, 1, 3))
    assert (past.value.missing_year, past.value.first_day) == (2101, CHINA.first_day)


def test_cal3_overrides_make_a_new_calendar() -> None:
    """CAL-3: a company shutdown and a Saturday worked; the original is unchanged."""
    shutdown, saturday = D(2026, 3, 10), D(2026, 3, 14)
    company = CHINA.with_overrides(days_off=[shutdown], working_days=[saturday])
    assert company.is_working_day(shutdown) is False
    assert company.is_working_day(saturday) is True
    assert CHINA.is_working_day(shutdown) is True
    assert CHINA.is_working_day(saturday) is False
    assert company.explain(shutdown).kind is DayKind.OVERRIDE_DAY_OFF
    assert company.add_working_days(D(2026, 3, 9), 1) == D(2026, 3, 11)
    # a later override wins over an earlier one
    again = company.with_overrides(working_days=[shutdown])
    assert again.is_working_day(shutdown) is True


def test_cal3_an_overridden_holiday_keeps_its_name() -> None:
    """CAL-3: a company that works on National Day, or marks it off by override,
    still sees which holiday the day is."""
    national_day = D(2026, 10, 1)
    worked = CHINA.with_overrides(working_days=[national_day]).explain(national_day)
    marked = CHINA.with_overrides(days_off=[national_day]).explain(national_day)
    assert (worked.working, worked.kind, worked.name) == (
        True,
        DayKind.OVERRIDE_WORKING_DAY,
        "国庆节",
    )
    assert (marked.working, marked.kind, marked.name) == (
        False,
        DayKind.OVERRIDE_DAY_OFF,
        "国庆节",
    )
    plain = CHINA.with_overrides(days_off=[D(2026, 3, 10)]).explain(D(2026, 3, 10))
    assert plain.name is None
    us = WorkCalendar.from_holidays("US", years=range(2025, 2028))
    observed = D(2026, 7, 3)
    for overridden in (
        us.with_overrides(working_days=[observed]),
        us.with_overrides(days_off=[observed]),
    ):
        assert overridden.explain(observed).name == "Independence Day (observed)"


def test_cal3_a_new_year_supplied_by_the_host() -> None:
    """CAL-3: moving the horizon with the host's copy of next year's notice."""
    through = CHINA.official_through
    assert through is not None
    year = through.year + 1
    jan1, saturday = D(year, 1, 1), D(year, 1, 2)
    while saturday.weekday() != 5:
        saturday += dt.timedelta(days=1)
    extended = CHINA.with_overrides(
        days_off=[jan1], working_days=[saturday], official_through=D(year, 12, 31)
    )
    assert extended.official_through == D(year, 12, 31)
    assert extended.is_working_day(jan1) is False
    assert extended.is_working_day(saturday) is True
    # CAL-8: days the host did not name follow the law's statutory days and the
    # weekly rule, never a guess (and never bare weekends: Spring Festival is off).
    from custrules import statutory_days

    law = statutory_days(year)
    for day in _days(year):
        if day not in (jan1, saturday):
            assert extended.is_working_day(day) is (day.weekday() < 5 and day not in law)
        if day in law:
            assert extended.explain(day).statutory is True
    with pytest.raises(CalendarHorizonError):
        CHINA.is_working_day(jan1)


def test_cal3_one_override_cannot_say_both() -> None:
    with pytest.raises(InvalidInputError, match="both a day off and a working day"):
        CHINA.with_overrides(days_off=[D(2026, 3, 2)], working_days=[D(2026, 3, 2)])


def test_cal4_other_countries_and_plain_weekdays() -> None:
    us = WorkCalendar.from_holidays("US", subdiv="CA", years=range(2020, 2031))
    assert us.name == "US-CA"
    assert us.is_working_day(D(2026, 7, 3)) is False  # Independence Day observed
    assert us.is_working_day(D(2026, 7, 6)) is True
    assert us.add_working_days(D(2026, 7, 2), 1) == D(2026, 7, 6)
    with pytest.raises(CalendarHorizonError):
        us.is_working_day(D(2031, 1, 2))
    plain = WorkCalendar.weekdays()
    assert plain.official_through is None
    assert plain.is_working_day(D(2026, 10, 1)) is True
    assert plain.add_working_days(D(2026, 10, 2), 1) == D(2026, 10, 5)
    assert plain.working_days_between(D(1900, 1, 1), D(2100, 1, 1)) == 52179  # counted day by day
    with pytest.raises(InvalidInputError, match="does not know the country"):
        WorkCalendar.from_holidays("XX")


def test_cal4_a_country_with_another_weekend() -> None:
    israel = WorkCalendar.from_holidays("IL", years=range(2024, 2027))
    assert israel.is_working_day(D(2026, 3, 6)) is False  # Friday
    assert israel.is_working_day(D(2026, 3, 8)) is True  # Sunday


def test_add_working_days_conventions() -> None:
    """api.md: the start day is not counted; n == 0 stays on or moves to a working day."""
    assert CHINA.add_working_days(D(2026, 2, 13), 0) == D(2026, 2, 13)
    assert CHINA.add_working_days(D(2026, 2, 15), 0) == D(2026, 2, 24)
    assert CHINA.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert CHINA.add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 24)
    assert CHINA.add_working_days(D(2026, 2, 24), -1) == D(2026, 2, 14)
    assert CHINA.add_working_days(D(2026, 2, 22), -1) == D(2026, 2, 14)
    assert CHINA.working_days_between(D(2026, 2, 13), D(2026, 2, 24)) == 2
    assert CHINA.working_days_between(D(2026, 2, 24), D(2026, 2, 13)) == -2
    assert CHINA.working_days_between(D(2026, 2, 13), D(2026, 2, 13)) == 0


def test_special_days_lists_what_a_count_skipped() -> None:
    listed = CHINA.special_days(D(2026, 9, 30), D(2026, 10, 10))
    kinds = [(i.day.day, i.kind) for i in listed]
    assert kinds[0] == (1, DayKind.HOLIDAY)
    assert (10, DayKind.MAKEUP_WORKDAY) in kinds
    assert all(i.day.day not in (8, 9) for i in listed)  # plain working days are not listed


def test_a_plain_day_is_an_ordinary_working_day() -> None:
    # CAL-1: Thursday 8 October is ordinary; a make-up Saturday, a weekend, a holiday
    # and a bridge day are not
    assert CHINA.explain(D(2026, 10, 8)).plain
    for day in (D(2026, 10, 10), D(2026, 10, 11), D(2026, 10, 1), D(2026, 10, 7)):
        assert not CHINA.explain(day).plain, day


def test_special_days_leave_out_the_start_and_keep_the_end() -> None:
    """``start < d <= end``, like the counts they explain: a start on a holiday is not
    listed, an end on a make-up day is."""
    listed = [i.day for i in CHINA.special_days(D(2026, 10, 1), D(2026, 10, 10))]
    assert listed[0] == D(2026, 10, 2)
    assert listed[-1] == D(2026, 10, 10)
    assert CHINA.special_days(D(2026, 10, 10), D(2026, 10, 10)) == ()


@given(china_days, st.integers(min_value=0, max_value=60))
def test_special_days_account_for_every_day_of_a_count(start: dt.date, span: int) -> None:
    """Every day in (start, end] is either listed or a plain working day, and the
    listed working days plus the unlisted ones are the count."""
    end = start + dt.timedelta(days=span)
    listed = {i.day: i for i in CHINA.special_days(start, end)}
    days = [start + dt.timedelta(days=k) for k in range(1, span + 1)]
    assert set(listed) <= set(days)
    plain = [d for d in days if d not in listed]
    assert all(CHINA.is_working_day(d) and CHINA.explain(d).name is None for d in plain)
    counted = len(plain) + sum(1 for i in listed.values() if i.working)
    assert counted == CHINA.working_days_between(start, end)


def test_cal8_the_law_before_2008_named_in_explanations() -> None:
    """Until 2008 the law gave the Spring Festival its first three days and Labour
    Day three (1-3 May); from 2008 Labour Day is one day (until 2025's two)."""
    for day, name in [
        (D(2005, 2, 9), "春节"),
        (D(2005, 2, 11), "春节"),
        (D(2007, 5, 1), "劳动节"),
        (D(2007, 5, 3), "劳动节"),
        (D(2007, 10, 3), "国庆节"),
    ]:
        info = CHINA.explain(day)
        assert (info.working, info.statutory, info.name) == (False, True, name), day
    assert CHINA.explain(D(2008, 5, 2)).statutory is False
    assert CHINA.explain(D(2005, 2, 8)).statutory is False  # 除夕 became statutory in 2008


@pytest.mark.parametrize(
    "bad",
    [dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc), "2026-01-05", 20260105, None],
)
def test_bad_days_are_type_errors(bad: object) -> None:
    with pytest.raises(InvalidTypeError):
        CHINA.is_working_day(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CHINA.add_working_days(bad, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.0, True, "1", None])
def test_bad_counts_are_type_errors(bad: object) -> None:
    with pytest.raises(InvalidTypeError, match="n must be an int"):
        CHINA.add_working_days(D(2026, 1, 5), bad)  # type: ignore[arg-type]


def test_bad_overrides() -> None:
    with pytest.raises(InvalidTypeError):
        CHINA.with_overrides(days_off=D(2026, 1, 5))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        CHINA.with_overrides(days_off=["2026-01-05"])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        WorkCalendar.from_holidays(86)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="contiguous"):
        WorkCalendar.from_holidays("US", years=[2020, 2024])


# -- properties -----------------------------------------------------------


@given(china_days, steps, steps)
def test_adding_n_then_m_is_adding_n_plus_m(day: D, n: int, m: int) -> None:
    assert CHINA.add_working_days(CHINA.add_working_days(day, n), m) == CHINA.add_working_days(
        day, n + m
    )
    assert CHINA.add_working_days(CHINA.add_working_days(day, -n), -m) == CHINA.add_working_days(
        day, -n - m
    )


@given(china_days, steps)
def test_between_inverts_add(day: D, n: int) -> None:
    assert CHINA.working_days_between(day, CHINA.add_working_days(day, n)) == n
    if CHINA.is_working_day(day):
        assert CHINA.working_days_between(day, CHINA.add_working_days(day, -n)) == -n


@given(china_days, signed_steps)
def test_results_are_working_days(day: D, n: int) -> None:
    result = CHINA.add_working_days(day, n)
    assert CHINA.is_working_day(result)
    assert (result > day) if n > 0 else (result >= day) if n == 0 else (result < day)


@given(china_days, china_days, signed_steps)
def test_monotone_in_the_start_date(a: D, b: D, n: int) -> None:
    a, b = min(a, b), max(a, b)
    assert CHINA.add_working_days(a, n) <= CHINA.add_working_days(b, n)


@given(china_days, st.integers(min_value=0, max_value=120))
def test_between_counts_working_days(lo: D, span: int) -> None:
    hi = lo + dt.timedelta(days=span)
    count = sum(
        CHINA.is_working_day(lo + dt.timedelta(days=i)) for i in range(1, (hi - lo).days + 1)
    )
    assert CHINA.working_days_between(lo, hi) == count
    assert CHINA.working_days_between(hi, lo) == -count


@given(
    st.frozensets(china_days, max_size=12),
    st.frozensets(china_days, max_size=12),
    st.lists(china_days, min_size=1, max_size=20),
)
def test_overrides_only_change_the_days_they_name(
    off: frozenset[D], on: frozenset[D], probes: list[D]
) -> None:
    on = on - off
    changed = CHINA.with_overrides(days_off=off, working_days=on)
    for day in probes + sorted(off | on):
        if day in off:
            assert not changed.is_working_day(day)
        elif day in on:
            assert changed.is_working_day(day)
        else:
            assert changed.is_working_day(day) == CHINA.is_working_day(day)


def sparse_china() -> WorkCalendar:
    """China's days without bounds, so only the sparse index answers (built afresh
    inside each test: a cached copy would outlive a mutation test's change)."""
    return WorkCalendar(
        data=DayData(
            label="CN-sparse",
            weekend=CHINA.data.weekend,
            first_day=None,
            official_through=None,
            estimate_through=None,
            days=CHINA.data.days,
            source="test",
        )
    )


@given(china_days, signed_steps, china_days)
def test_dense_and_sparse_indexes_agree(day: D, n: int, other: D) -> None:
    """The O(1) table and the O(log n) closed form are two views of one function."""
    sparse = sparse_china()
    assert sparse._dense is None
    assert CHINA._dense is not None
    assert sparse.add_working_days(day, n) == CHINA.add_working_days(day, n)
    assert sparse.working_days_between(day, other) == CHINA.working_days_between(day, other)
    assert sparse.is_working_day(day) == CHINA.is_working_day(day)


@given(st.dates(), st.integers(min_value=-3000, max_value=3000))
def test_weekdays_is_monday_to_friday_everywhere(day: D, n: int) -> None:
    """Everywhere custrules works (1900-2199); outside, every answer is refused."""
    plain = WorkCalendar.weekdays()
    inside = D(1900, 1, 1) <= day <= D(2199, 12, 31)
    if not inside:
        with pytest.raises(InvalidInputError, match="outside the dates custrules works with"):
            plain.is_working_day(day)
        return
    assert plain.is_working_day(day) is (day.weekday() < 5)
    reach = day + dt.timedelta(days=n * 7 // 5)  # about where n working days lead
    if not D(1900, 1, 5) <= reach <= D(2199, 12, 27):
        return  # at or past the ends of custrules' dates (tested below)
    result = plain.add_working_days(day, n)
    assert result.weekday() < 5
    if n >= 1:
        assert plain.working_days_between(day, result) == n


# -- zones: a calendar carries the zone its deadlines are read in ---------------------------------


def test_china_reads_instants_in_asia_shanghai() -> None:
    from zoneinfo import ZoneInfo

    assert CHINA.zone == ZoneInfo("Asia/Shanghai")
    assert WorkCalendar.from_holidays("CN").zone == ZoneInfo("Asia/Shanghai")
    assert CHINA.with_overrides(days_off=[D(2026, 3, 10)]).zone == CHINA.zone


def test_a_deadline_on_a_calendar_without_a_zone_is_refused() -> None:
    from zoneinfo import ZoneInfo

    from custrules import InvalidInputError, complaint_deadline

    us = WorkCalendar.from_holidays("US", subdiv="CA")
    assert us.zone is None
    received = dt.datetime(2026, 7, 2, 16, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    with pytest.raises(InvalidInputError, match=r"has no time zone.*--zone"):
        complaint_deadline(received, "general", calendar=us)
    la = WorkCalendar.from_holidays("US", subdiv="CA", zone=ZoneInfo("America/Los_Angeles"))
    d = complaint_deadline(received, "general", calendar=la)
    # Thu 16:00 in Los Angeles is Fri 07:00 in Beijing: read in Beijing time the count
    # would start a day later; Fri Jul 3 is Independence Day (observed)
    assert d.last_day == D(2026, 7, 6)
    assert d.due.isoformat() == "2026-07-07T00:00:00-07:00"
    assert us.with_zone(ZoneInfo("America/Los_Angeles")) == la
    with pytest.raises(InvalidTypeError, match=r"zone must be a datetime\.tzinfo"):
        WorkCalendar.weekdays(zone="UTC")  # type: ignore[arg-type]


def test_weekday_abbreviations() -> None:
    from custrules import CHINA_TZ, weekday_abbr

    saturday = D(2026, 3, 7)
    assert (weekday_abbr(saturday), weekday_abbr(saturday, "zh")) == ("Sat", "周六")
    # an instant is named by its own day (here Beijing's Saturday morning)
    assert weekday_abbr(dt.datetime(2026, 3, 7, 1, tzinfo=CHINA_TZ), "zh") == "周六"
    with pytest.raises(InvalidTypeError):
        weekday_abbr("2026-03-07")  # type: ignore[arg-type]


def test_working_days_past_custrules_dates_are_refused() -> None:
    plain = WorkCalendar.weekdays()
    with pytest.raises(InvalidInputError) as caught:
        plain.add_working_days(D(2199, 12, 30), 10)
    assert caught.value.code == "calendar.workcalendar.result.working_days"
    assert str(caught.value) == (
        "10 working days from 2199-12-30 is outside the dates custrules works with "
        "(1900-01-01 to 2199-12-31)"
    )
    with pytest.raises(InvalidInputError, match="1800-01-01 is outside the dates"):
        plain.working_days_between(D(1800, 1, 1), D(2000, 1, 1))
    assert plain.add_working_days(D(2199, 12, 29), 2) == D(2199, 12, 31)
    assert plain.add_working_days(D(1900, 1, 2), -1) == D(1900, 1, 1)  # the very first day


def test_freshly_built_calendars_index_their_days() -> None:
    """Built anew (not the shared cached copies): a bounded calendar gets the per-day
    table, and an estimating one reaches 2100."""
    fresh = WorkCalendar(data=CHINA.data, zone=CHINA.zone)
    assert fresh._dense is not None
    assert fresh.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    estimating = WorkCalendar.china(estimate_beyond_horizon=True)
    again = WorkCalendar(data=estimating.data, zone=estimating.zone)
    assert again.is_working_day(D(2100, 12, 31)) is True  # a Friday, estimated
    assert again.is_estimated(D(2100, 12, 31)) is True
    english = WorkCalendar.china(language="en_US")
    assert english.data.days[D(2026, 10, 1)].name == "National Day"
    assert CHINA.data.days[D(2026, 10, 1)].name == "国庆节"


def test_zone_labels() -> None:
    """The zone a deadline is read in, as an explanation names it."""
    import zoneinfo

    from custrules import CHINA_TZ, zone_label

    shanghai = zoneinfo.ZoneInfo("Asia/Shanghai")
    assert [zone_label(z) for z in (shanghai, CHINA_TZ)] == ["Beijing time", "Beijing time"]
    assert zone_label(CHINA_TZ, "zh") == "北京时间"  # not "CST", which is also US Central
    assert zone_label(zoneinfo.ZoneInfo("America/Los_Angeles")) == "America/Los_Angeles time"
    assert zone_label(dt.timezone.utc, "zh") == "UTC 时间"
    assert (zone_label(None), zone_label(None, "zh")) == ("no time zone", "无时区")


def test_working_days_in_words() -> None:
    from custrules import working_days_text

    assert [working_days_text(n) for n in (1, -1, 0, 2, -3)] == [
        "1 working day",
        "-1 working day",
        "0 working days",
        "2 working days",
        "-3 working days",
    ]
    assert [working_days_text(n, "zh") for n in (1, 7)] == ["1 个工作日", "7 个工作日"]
    with pytest.raises(InvalidTypeError, match="n must be an int"):
        working_days_text(1.0)  # type: ignore[arg-type]


def test_the_last_official_day_is_not_an_estimate() -> None:
    estimating = WorkCalendar.china(estimate_beyond_horizon=True)
    through = estimating.official_through
    assert through is not None
    assert estimating.explain(through).estimated is False
    assert estimating.explain(through + dt.timedelta(days=1)).estimated is True
