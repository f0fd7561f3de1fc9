"""The *_array methods (the numpy extra): the scalar API's answers, element by element.

Hypothesis draws dates, offsets and calendars (China, weekdays, with overrides);
the arrays must agree with the scalar calls, keep NaT, and raise the scalar
API's horizon error naming the first date past the data.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrules import (
    POLYOLEFIN_STARS,
    CalendarHorizonError,
    InvalidInputError,
    InvalidTypeError,
    TierTable,
    WorkCalendar,
    assign_tier,
    assign_tiers_array,
)
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


def test_without_numpy_the_array_methods_say_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A host without the extra gets one refusal that names it, not an ImportError."""
    import sys

    import custrules

    monkeypatch.setitem(sys.modules, "numpy", None)  # `import numpy` now fails
    monkeypatch.delitem(sys.modules, "custrules._arrays", raising=False)
    monkeypatch.delattr(custrules, "_arrays", raising=False)
    with pytest.raises(InvalidInputError) as caught:
        CHINA.is_working_day_array([D(2026, 3, 2)])
    assert caught.value.code == "calendar.arrays_module._array_methods"
    assert str(caught.value).startswith(
        "the *_array methods need NumPy: pip install 'custrules[numpy]' ("
    )
    assert caught.value.message_in("zh").startswith("*_array 方法需要 NumPy")


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


# ----- tiers for arrays (TIER-1) -----------------------------------------------------


_BOUNDS = st.sampled_from([Fraction(1, 10), Fraction(5, 2), Fraction(1, 3), 1, 50, 10**15])


@st.composite
def _tables(draw: st.DrawFn) -> TierTable:
    steps = draw(st.lists(_BOUNDS, min_size=0, max_size=5))
    lowers, at = [0], Fraction(0)
    for step in steps:
        at += step
        lowers.append(at)
    rows = [(f"t{i}", f"档{i}", low) for i, low in enumerate(lowers)]
    return TierTable.from_lower_bounds(name="t", unit="tonnes", rows=rows)


@settings(max_examples=60, deadline=None)
@given(
    table=_tables(),
    volumes=st.one_of(
        st.lists(st.floats(0, 1e17, allow_nan=False), max_size=30).map(
            lambda v: np.array(v, dtype=np.float64)
        ),
        st.lists(st.integers(0, 10**17), max_size=30).map(lambda v: np.array(v, dtype=np.int64)),
        st.lists(st.integers(0, 10**6), max_size=30).map(lambda v: np.array(v, dtype=np.uint32)),
    ),
)
def test_tier_arrays_agree_with_assign_tier(table: TierTable, volumes: np.ndarray) -> None:
    """TIER-1: one searchsorted gives assign_tier's answer for every volume, bounds
    like 0.1 or 1/3 included (the floats nearest them fall on the exact side)."""
    positions = assign_tiers_array(table, volumes)
    assert positions.shape == volumes.shape
    for volume, position in zip(volumes.tolist(), positions.tolist(), strict=True):
        assert table.tiers[position] == assign_tier(table, volume)


def test_tier_arrays_on_the_polyolefin_table_and_at_exact_bounds() -> None:
    """TIER-1 (POLYOLEFIN_STARS): a volume on a band's lower bound earns that band."""
    lowers = [t.lower for t in POLYOLEFIN_STARS.tiers if t.banded]
    vols = np.array([float(x) for x in lowers] + [float(x) - 0.5 for x in lowers[1:]])
    got = [POLYOLEFIN_STARS.tiers[i] for i in assign_tiers_array(POLYOLEFIN_STARS, vols)]
    assert got == [assign_tier(POLYOLEFIN_STARS, float(v)) for v in vols]
    assert got[: len(lowers)] == [t for t in POLYOLEFIN_STARS.tiers if t.banded]
    table = TierTable.from_lower_bounds(
        name="x", unit="tonnes", rows=[("a", "甲", 0), ("b", "乙", Fraction(1, 10))]
    )
    just_below = np.nextafter(0.1, 0.0)
    assert assign_tiers_array(table, np.array([just_below, 0.1])).tolist() == [0, 1]
    assert assign_tiers_array(table, np.array([], dtype=np.int64)).shape == (0,)


@pytest.mark.parametrize(
    ("volumes", "error", "message"),
    [
        (np.array([1.0, -2.0, np.nan]), InvalidInputError, "position 1 is -2.0"),
        (np.array([1.0, np.inf]), InvalidInputError, "position 1 is inf"),
        (np.array([10**18], dtype=np.int64), InvalidInputError, "position 0"),
        (np.array([True, False]), InvalidTypeError, "bool"),
        (np.array(["1", "2"]), InvalidTypeError, "<U1"),
    ],
)
def test_bad_volume_arrays_are_refused(volumes: np.ndarray, error: type, message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        assign_tiers_array(POLYOLEFIN_STARS, volumes)


@settings(max_examples=150)
@given(
    st.sampled_from(CALENDARS),
    st.lists(china_days, min_size=1, max_size=30),
    st.one_of(
        st.integers(min_value=-40, max_value=40),
        st.lists(st.integers(min_value=-40, max_value=40), min_size=30, max_size=30),
    ),
)
def test_the_fast_paths_agree_with_the_scalar_api(
    cal: WorkCalendar, days: list[dt.date], n: int | list[int]
) -> None:
    """Without NaT, n within 8 or 32 is answered from a table of every (day, n), a
    wider n from the table of working days before each day: all agree with the
    scalar API, element by element."""
    arr = as_array(list(days))
    steps = n if isinstance(n, int) else np.array(n[: len(days)])
    got = cal.add_working_days_array(arr, steps)
    for i, day in enumerate(days):
        k = steps if isinstance(steps, int) else int(steps[i])
        assert got[i] == np.datetime64(cal.add_working_days(day, k), "D")
