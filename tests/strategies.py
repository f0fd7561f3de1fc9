"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from custrules import WorkCalendar

CHINA = WorkCalendar.china()
assert CHINA.first_day is not None
assert CHINA.official_through is not None

#: Dates inside China's official schedule, keeping a margin so that adding a
#: few hundred working days stays inside it.
china_days = st.dates(
    min_value=CHINA.first_day + dt.timedelta(days=600),
    max_value=CHINA.official_through - dt.timedelta(days=600),
)
steps = st.integers(min_value=1, max_value=200)
signed_steps = st.integers(min_value=-400, max_value=400)

#: Aware instants in 2004-2026 in assorted zones (UTC-12 .. UTC+14).
zones = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda q: dt.timezone(dt.timedelta(minutes=15 * q))
)
instants = st.builds(
    lambda day, seconds, tz: (
        dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone(dt.timedelta(hours=8)))
        + dt.timedelta(seconds=seconds)
    ).astimezone(tz),
    china_days,
    st.integers(min_value=0, max_value=86_399),
    zones,
)
