"""The *_array methods (the numpy extra): the scalar API's answers, element by element.

Hypothesis draws dates, offsets and calendars (China, weekdays, with overrides);
the arrays must agree with the scalar calls, keep NaT, and raise the scalar
API's horizon error naming the first date past the data.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrules import CalendarHorizonError, InvalidTypeError, WorkCalendar
from tests.strategies import CHINA, china_days

D = dt.date
CALENDARS = [
    CHINA,
    WorkCalendar.weekdays(),
    CHINA.with_overrides(days_off=[D(2024, 3, 11)], working_days=[D(2024, 3, 16)]),
    WorkCalendar.weekdays().with_overrides(days_off=[D(2024, 3, 11)]),
]


def as_array(days: list[dt.date | None]) -> np.ndarray:
    return np.array([np.datetime64(d, "D") if d else np.datetime64("NaT") for d in days])


@settings(max_examples=150)
@given(
    st.sampled_from(CALENDARS),
    st.lists(st.one_of(china_days, st.none()), min_size=1, max_size=20),
    st.integers(min_value=-300, max_value=300),
)
def test_arrays_agree_with_the_scalar_api(cal: WorkCalendar, days: list, n: int) -> None:
    arr = as_array(days)
    got = cal.add_working_days_array(arr, n)
    steps = np.array([((i * 7) % 11) - 5 for i in range(len(days))])
    per = cal.add_working_days_array(arr, steps)
    working = cal.is_working_day_array(arr)
    for i, day in enumerate(days):
        if day is None:
            assert np.isnat(got[i])
            assert np.isnat(per[i])
            assert not working[i]
            continue
        assert got[i] == np.datetime64(cal.add_working_days(day, n), "D")
        assert per[i] == np.datetime64(cal.add_working_days(day, int(steps[i])), "D")
        assert bool(working[i]) is cal.is_working_day(day)
    ends = as_array(
        [d + dt.timedelta(days=(i * 13) % 40) if d else None for i, d in enumerate(days)]
    )
    counts = cal.working_days_between_array(arr, ends)
    for i, day in enumerate(days):
        if day is None:
            assert np.isnan(counts[i])
        else:
            end = day + dt.timedelta(days=(i * 13) % 40)
            assert counts[i] == cal.working_days_between(day, end)


def test_the_horizon_error_names_the_first_date_past_the_data() -> None:
    through = CHINA.official_through
    assert through is not None
    arr = as_array([D(2026, 3, 2), through + dt.timedelta(days=5), through + dt.timedelta(days=1)])
    with pytest.raises(CalendarHorizonError) as caught:
        CHINA.is_working_day_array(arr)
    assert caught.value.day == through + dt.timedelta(days=5)
    with pytest.raises(CalendarHorizonError):
        CHINA.add_working_days_array(as_array([through]), 1)


def test_estimates_are_flagged() -> None:
    guess = WorkCalendar.china(estimate_beyond_horizon=True)
    through = guess.official_through
    assert through is not None
    arr = as_array([through, through + dt.timedelta(days=3)])
    assert guess.is_estimated_array(arr).tolist() == [False, True]


def test_bad_arrays_are_refused() -> None:
    with pytest.raises(InvalidTypeError, match="datetime64"):
        CHINA.is_working_day_array(np.array([1.5, 2.5]))
    with pytest.raises(InvalidTypeError, match="n must be an int"):
        CHINA.add_working_days_array(as_array([D(2026, 3, 2)]), 1.5)
    strings = CHINA.add_working_days_array(np.array(["2026-02-13"]), 1)
    assert strings[0] == np.datetime64("2026-02-14")  # the make-up Saturday


def test_the_core_never_imports_numpy() -> None:
    import subprocess
    import sys

    code = "import sys, custrules; custrules.WorkCalendar.china(); print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_all_nat_and_other_calendars() -> None:
    nat = np.array(["NaT", "NaT"], dtype="datetime64[D]")
    assert np.isnat(CHINA.add_working_days_array(nat, 3)).all()
    assert not CHINA.is_working_day_array(nat).any()
    assert np.isnan(CHINA.working_days_between_array(nat, nat)).all()
    us = WorkCalendar.from_holidays("US", years=range(2025, 2028))
    days = as_array([D(2026, 7, 2), None])
    got = us.add_working_days_array(days, 1)
    assert got[0] == np.datetime64("2026-07-06")  # Fri Jul 3 is Independence Day (observed)
    assert np.isnat(got[1])


@settings(max_examples=100)
@given(
    st.lists(st.one_of(china_days, st.none()), min_size=1, max_size=10),
    st.integers(min_value=0, max_value=86_399),
    st.sampled_from(["general", "major"]),
    st.sampled_from([None, dt.time(17, 30)]),
)
def test_complaint_deadlines_for_arrays_match_complaint_deadline(
    days: list, seconds: int, severity: str, closing: dt.time | None
) -> None:
    from custrules import ComplaintClock, complaint_deadline

    utc = dt.timezone.utc
    instants = [
        None
        if d is None
        else dt.datetime.combine(d, dt.time(0), tzinfo=utc) + dt.timedelta(seconds=seconds)
        for d in days
    ]
    received = np.array(
        [
            np.datetime64(i.replace(tzinfo=None), "s") if i else np.datetime64("NaT")
            for i in instants
        ]
    )
    last, due = ComplaintClock(closing_time=closing).deadlines_array(received, severity)
    for i, instant in enumerate(instants):
        if instant is None:
            assert np.isnat(last[i])
            assert np.isnat(due[i])
            continue
        d = complaint_deadline(instant, severity, closing_time=closing)
        assert last[i] == np.datetime64(d.last_day, "D")
        expected = d.due.astimezone(utc).replace(tzinfo=None)
        assert due[i] == np.datetime64(expected, "s")
