"""Every model and result pickles and comes back equal (batch jobs on Dask or
Spark ship them between processes); a calendar unpickled twice in one process
is built once."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import custrules
from custrules import (
    CHINA_TZ,
    POLYOLEFIN_STARS,
    RE12,
    RE14,
    ComplaintClock,
    ScheduleNotice,
    WorkCalendar,
    assess_review,
    attribute,
    complaint_deadline,
    score_visit,
)
from tests.strategies import re_stories

_CONSTANTS = [
    name
    for name in custrules.__all__
    if not isinstance(getattr(custrules, name), type) and not callable(getattr(custrules, name))
]


@pytest.mark.parametrize("name", _CONSTANTS)
def test_every_public_constant_pickles(name: str) -> None:
    value = getattr(custrules, name)
    assert pickle.loads(pickle.dumps(value)) == value


def _results() -> list[Any]:
    cal = WorkCalendar.china()
    received = dt.datetime(2026, 9, 30, 16, tzinfo=CHINA_TZ)
    notice = ScheduleNotice.parse((Path(__file__).parent / "data" / "notice-2027.txt").read_text())
    return [
        cal,
        cal.with_overrides(days_off=[dt.date(2026, 3, 2)]),
        WorkCalendar.weekdays(),
        cal.explain(dt.date(2026, 2, 14)),
        complaint_deadline(received, "major"),
        ComplaintClock(closing_time=dt.time(17, 30)),
        assess_review(POLYOLEFIN_STARS, "普通客户", 2500),
        score_visit(quality="优良", service="良好", renown="知名"),
        RE12,
        RE14,
        notice,
    ]


@pytest.mark.parametrize("value", _results(), ids=lambda v: type(v).__name__)
def test_models_and_results_pickle(value: Any) -> None:
    back = pickle.loads(pickle.dumps(value))
    assert back == value
    assert attrs.has(type(back))


def test_a_pickled_calendar_answers_alike_and_is_built_once_per_process() -> None:
    cal = WorkCalendar.china().with_overrides(days_off=[dt.date(2026, 3, 3)])
    blob = pickle.dumps(cal)
    first, second = pickle.loads(blob), pickle.loads(blob)
    assert first is second  # one build per process, however many tasks carry it
    day = dt.date(2026, 3, 2)
    assert first.add_working_days(day, 3) == cal.add_working_days(day, 3) == dt.date(2026, 3, 6)
    clock = pickle.loads(pickle.dumps(ComplaintClock(calendar=cal)))
    received = dt.datetime(2026, 3, 2, 9, tzinfo=CHINA_TZ)
    assert clock.deadline(received, "general") == ComplaintClock(calendar=cal).deadline(
        received, "general"
    )


def test_a_calendar_with_notices_pickles_with_them() -> None:
    from custrules import ScheduleNotice

    china = WorkCalendar.china()
    notice = ScheduleNotice.from_calendar(china, 2026)
    cal = WorkCalendar(data=china.data, notices=(notice,), zone=china.zone)
    back = pickle.loads(pickle.dumps(cal))
    assert back.notices == (notice,)
    assert back == cal


@settings(max_examples=40)
@given(events=re_stories())
def test_attributions_pickle(events: list[custrules.Event]) -> None:
    """A Dask worker returns attributions to the client: they come back equal and
    split the same commission to the cent."""
    for policy in (RE12, RE14):
        try:
            result = attribute(events, policy)
        except custrules.CustrulesError:  # conflicting records: tested elsewhere
            continue
        back = pickle.loads(pickle.dumps(result))
        assert back == result
        if not result.needs_ruling:
            assert back.split(Decimal("1000.00")) == result.split(Decimal("1000.00"))
