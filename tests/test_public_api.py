"""The public surface (api.md): names, __all__, and junk fed to every entry point."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect

import pytest

import custrules
from custrules import CustrulesError

MODULES = [
    "custrules",
    "custrules.calendar",
    "custrules.periods",
    "custrules.errors",
    "custrules.complaints",
    "custrules.tiers",
    "custrules.classes",
    "custrules.visits",
    "custrules.metrics",
    "custrules.money",
    "custrules.realestate",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_and_complete(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported)
    defined_here = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_")
        and (inspect.isclass(v) or inspect.isfunction(v))
        and v.__module__ == name
    }
    assert defined_here <= set(exported), defined_here - set(exported)
    for n in exported:
        assert hasattr(module, n)
        assert hasattr(custrules, n), f"{name}.{n} is not importable from custrules"


def test_api_md_names_are_importable_from_the_top() -> None:
    for name in ["WorkCalendar", "CalendarHorizonError", "CustrulesError"]:
        assert hasattr(custrules, name)
    cal = custrules.WorkCalendar
    for method in [
        "china",
        "from_holidays",
        "weekdays",
        "is_working_day",
        "add_working_days",
        "working_days_between",
        "with_overrides",
    ]:
        assert hasattr(cal, method)
    assert isinstance(cal.china().official_through, dt.date)


def test_errors_derive_from_what_hosts_catch() -> None:
    from custrules import errors

    for cls in [errors.InvalidInputError, errors.NaiveDatetimeError, errors.UnknownLabelError]:
        assert issubclass(cls, ValueError)
        assert issubclass(cls, CustrulesError)
    assert issubclass(errors.InvalidTypeError, TypeError)
    assert issubclass(errors.CalendarHorizonError, ValueError)


JUNK: list[object] = [None, object(), "", "２０２６-01-01", 3.5, float("nan"), True, [], {}, b"x"]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_gives_our_errors(junk: object) -> None:
    cal = custrules.WorkCalendar.china()
    calls = [
        lambda: cal.is_working_day(junk),
        lambda: cal.add_working_days(junk, 1),
        lambda: cal.add_working_days(dt.date(2026, 1, 5), junk),
        lambda: cal.working_days_between(junk, dt.date(2026, 1, 5)),
        lambda: cal.explain(junk),
        lambda: custrules.period_end(junk, 1, "days"),
        lambda: custrules.local_date(junk),
        lambda: custrules.complaint_deadline(junk, "general"),
        lambda: custrules.complaint_deadline(dt.datetime.now(dt.timezone.utc), junk),
        lambda: custrules.Extension(total_working_days=junk, approvals=[]),
        lambda: custrules.Approval(approver=junk, approved_at=junk),
        lambda: custrules.allocate(junk, {"x": 1}),
        lambda: custrules.attribute(junk, custrules.RE12),
        lambda: custrules.Visit(at=junk, customer="c", received_by="s"),
        lambda: custrules.score_visit(quality=junk, service="一般", renown="知名"),
    ]
    if junk is not None:  # None is the default calendar
        calls.append(lambda: custrules.ComplaintClock(calendar=junk))
    for call in calls:
        with pytest.raises(CustrulesError):
            call()
