"""Fuzz every door: junk and edge values for every public callable, random command lines.

Whatever comes in, the answer is a result or a CustrulesError, in well under
a second: never another exception, a traceback, or a hang.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import io
import time
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import custrules
from custrules import CustrulesError
from custrules.cli import main

#: junk and edge values: wrong types, text that looks right, numbers past every limit,
#: dates at the datetime module's edges
JUNK: list[Any] = [
    None,
    object(),
    "",
    "x\n",
    "２０２６-01-01",
    "2026-02-14",
    "1e999999999",
    3.5,
    float("nan"),
    float("inf"),
    True,
    -1,
    10**400,
    Decimal("1e999999999"),
    Decimal("-1e-999999999"),
    Decimal("NaN"),
    Fraction(1, 2**300),
    [],
    {},
    {"x": object()},
    b"\xff",
    dt.date.min,
    dt.date.max,
    dt.datetime.min.replace(tzinfo=dt.timezone.utc),
    dt.datetime.max.replace(tzinfo=dt.timezone.utc),
    dt.datetime(2026, 1, 1),
    dt.time(0),
]

#: the instant the valid calls and models of the fuzz tables start from
T0 = dt.datetime(2026, 3, 2, 10, tzinfo=custrules.CHINA_TZ)


def _seen_by_jia() -> list[Any]:
    """A customer, 王, received and registered by 甲 at ``T0``."""
    return [
        custrules.Visit(at=T0, customer="王", received_by="甲"),
        custrules.Registration(at=T0, customer="王", salesperson="甲", confirmed_at=T0),
    ]


CALLABLES = sorted(
    name
    for name in custrules.__all__
    if callable(getattr(custrules, name))
    and not (
        inspect.isclass(getattr(custrules, name))
        and issubclass(getattr(custrules, name), BaseException)
    )
    and not (
        inspect.isclass(getattr(custrules, name))
        and issubclass(getattr(custrules, name), __import__("enum").Enum)
    )
)


def _required(fn: Any) -> tuple[list[str], list[str]]:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return [], []
    positional, keyword = [], []
    for p in sig.parameters.values():
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        (keyword if p.kind is p.KEYWORD_ONLY else positional).append(p.name)
    return positional, keyword


def _answers_or_refuses(call: Any) -> None:
    start = time.perf_counter()
    with contextlib.suppress(CustrulesError):
        call()
    assert time.perf_counter() - start < 2.0, "took longer than two seconds"


@pytest.mark.parametrize("name", CALLABLES)
def test_every_public_callable_refuses_junk(name: str) -> None:
    fn = getattr(custrules, name)
    positional, keyword = _required(fn)
    if not positional and not keyword:
        return
    for junk in JUNK:
        _answers_or_refuses(
            lambda junk=junk: fn(*[junk] * len(positional), **dict.fromkeys(keyword, junk))
        )


# -- the command line ---------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "workdays",
        "deadline",
        "tier",
        "visit",
        "attribute",
        "demo",
        "calendar",
        "show",
        "notice",
        "docs",
        "--zone",
        "--notice",
        "Asia/Tokyo",
        "--add",
        "--until",
        "--json",
        "--estimate",
        "--calendar",
        "--severity",
        "--closing-time",
        "--extend-to",
        "--approved-by",
        "--approved-at",
        "--at",
        "--serious",
        "--table",
        "--bounds",
        "--current",
        "--new",
        "--direct-sale",
        "--quality",
        "--service",
        "--renown",
        "--weight",
        "--policy",
        "--amount",
        "--as-of",
        "--version",
        "--help",
        "2026-02-14",
        "2026-13-01",
        "2026-09-30T16:00+08:00",
        "9999-12-31T23:59+08:00",
        "0001-01-01",
        "0000",
        "2001",
        "2199",
        "2200",
        "17:30",
        "00:00",
        "24:00",
        "general",
        "major",
        "较大事件投訴",
        "china",
        "weekdays",
        "US-CA",
        "XX",
        "re11",
        "re12",
        "re14",
        "example:spouses",
        "example:nope",
        "/nonexistent.json",
        "polyolefin",
        "tobacco",
        "20,16,10,8,6,4,2,0",
        "网拍客户",
        "优良",
        "非常優良",
        "不好",
        "知名",
        "quality=2",
        "quality=1e999999999",
        "1e999999999",
        "-3",
        "3",
        "7",
        "400",
        "1e30",
        "NaN",
        "甲\n乙",
        "\x00",
        "",
    ]
)


_COMMANDS = st.sampled_from(
    [
        ["workdays"],
        ["deadline"],
        ["tier"],
        ["visit"],
        ["attribute"],
        ["demo"],
        ["calendar", "show"],
        ["calendar", "notice"],
        ["docs"],
    ]
)
_VALUES = st.one_of(_WORDS, st.text(max_size=12), st.integers(-(10**6), 10**6).map(str))
#: command lines shaped like real ones: a command, a value, then options with values
_SHAPED = st.tuples(_COMMANDS, _VALUES, st.lists(st.tuples(_WORDS, _VALUES), max_size=5)).map(
    lambda t: [*t[0], t[1], *(x for pair in t[2] for x in pair)]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=8), _SHAPED))
def test_random_command_lines_exit_0_or_2_with_one_line(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = main(argv, out=out)
        except SystemExit as exc:  # --help and --version print and exit 0
            status = exc.code if isinstance(exc.code, int) else 2
    assert time.perf_counter() - start < 5.0
    assert status in (0, 2), (argv, status, err.getvalue())
    assert "Traceback" not in err.getvalue()
    if status == 2:
        lines = err.getvalue().splitlines()
        assert len(lines) == 1, (argv, err.getvalue())


# -- every field of every model ------------------------------------------------------------


def _models() -> dict[str, Any]:
    """One valid instance of every public model a host builds (results are made by
    the library and are not listed)."""
    from custrules import (
        CARRIER_STAR_CARDS,
        COMPLAINT_RULES,
        POLYOLEFIN_STARS,
        RE12,
        RE14,
        AbcPolicy,
        AdmissionFile,
        Approval,
        ApprovalStage,
        CalendarOverrides,
        Complaint,
        ComplaintClock,
        ComplaintTerms,
        Contact,
        Extension,
        Gate,
        MeetingRecord,
        Month,
        NameChange,
        Period,
        PeriodConvention,
        Purchase,
        Qualification,
        QualificationDocument,
        Rotation,
        StageApproval,
        SupplyCustomer,
        SurveyResponse,
        VisitReport,
        WorkCalendar,
        salesperson,
    )
    from custrules.realestate import CompanyTerms, ReferralTerms
    from tests.test_explanations import STORIES

    t = T0
    approval = Approval(approver="王", approved_at=t)
    models: dict[str, Any] = {
        "SustainedLadder": CARRIER_STAR_CARDS,
        "SustainedLevel": CARRIER_STAR_CARDS.levels[0],
        "TierTable": POLYOLEFIN_STARS,
        "Tier": POLYOLEFIN_STARS.tiers[1],
        "AttributionPolicy": RE12,
        "AttributionPolicy (RE14)": RE14,
        "CompanyTerms": CompanyTerms(),
        "ReferralTerms": ReferralTerms(),
        "ComplaintPolicy": COMPLAINT_RULES,
        "ComplaintClock": ComplaintClock(),
        "ComplaintTerms": ComplaintTerms(
            extension=Extension(total_working_days=5, approvals=[approval])
        ),
        "Complaint": Complaint.record(
            received_at=t, customer="王", content="慢", channel="telephone", handler="李"
        ),
        "Approval": approval,
        "Extension": Extension(total_working_days=5, approvals=[approval]),
        "PeriodConvention": PeriodConvention(),
        "CalendarOverrides": CalendarOverrides(days_off=[t.date()]),
        "WorkCalendar": WorkCalendar.china(),
        "Rotation": Rotation(order=["甲", "乙"]),
        "AbcPolicy": AbcPolicy(a=Fraction(1, 10)),
        "Gate": Gate(name="pay", allows=lambda tier: True),
        "VisitReport": VisitReport(
            customer_unit="甲厂", quality="优良", service="优良", renown="知名"
        ),
        "Contact": Contact(name="王"),
        "QualificationDocument": QualificationDocument(kind=next(iter(Qualification))),
        "StageApproval": StageApproval(
            stage=next(iter(ApprovalStage)), approver="王", approved_on=t.date()
        ),
        "AdmissionFile": AdmissionFile(),
        "SupplyCustomer": SupplyCustomer(
            id="a", channel="direct", demand=10, completion_rate=Fraction(1, 2), weekly=[1, 2]
        ),
        "Purchase": Purchase(customer="a", day=t.date()),
        "SurveyResponse": SurveyResponse(customer="a", day=t.date(), score=5),
        "Month": Month(2026, 3),
        "Period": Period(first=t.date(), last=t.date()),
        "Party": salesperson("甲"),
        "MeetingRecord": MeetingRecord(at=t, customer="王", first="甲"),
        "NameChange": NameChange(at=t, customer="王", new_name="王某"),
    }
    for events, _, _ in STORIES.values():
        for e in events:
            models.setdefault(type(e).__name__, e)
    return models


FIELD_JUNK: list[Any] = [
    None,
    object(),
    "",
    "x",
    -1,
    10**12,
    3.5,
    float("nan"),
    True,
    [],
    ["x", 5],
    {"a": 1},
    b"x",
    Decimal("NaN"),
    dt.datetime(2026, 1, 1),
    dt.date(2026, 1, 1),
    "x" * 20_000,
]


def test_the_model_list_covers_every_model_a_host_builds() -> None:
    import attrs

    built_by_the_library = {
        "AdmissionStatus",
        "AppliedRule",
        "Attribution",
        "Case",
        "DayInfo",
        "Deadline",
        "DeadlineStatus",
        "Event",
        "Frequency",
        "GateCheck",
        "NoticeEntry",
        "PeriodEnd",
        "Reassignment",
        "Retention",
        "RotationPick",
        "Satisfaction",
        "ScheduleNotice",
        "SustainedResult",
        "TierDecision",
        "TobaccoCategory",
        "Transition",
        "VisitScore",
    }
    public = {
        name
        for name in custrules.__all__
        if inspect.isclass(getattr(custrules, name)) and attrs.has(getattr(custrules, name))
    }
    assert public - built_by_the_library <= set(_models()), sorted(
        public - built_by_the_library - set(_models())
    )


@pytest.mark.parametrize("name", sorted(_models()))
def test_every_field_of_every_model_refuses_junk_cleanly(name: str) -> None:
    """An invalid object cannot exist, and trying to build one never raises
    anything but a CustrulesError (no TypeError from deep inside)."""
    import attrs

    model = _models()[name]
    for field in attrs.fields(type(model)):
        if not field.init:
            continue
        for junk in FIELD_JUNK:
            start = time.perf_counter()
            with contextlib.suppress(CustrulesError):
                attrs.evolve(model, **{field.alias: junk})
            assert time.perf_counter() - start < 2.0, (name, field.name, junk)


# -- every parameter of every public function ----------------------------------------------


def _calls() -> dict[str, tuple[tuple[Any, ...], dict[str, Any]]]:
    """One valid call of every public function: (positional, keyword) arguments."""
    from importlib import resources

    from custrules import (
        CARRIER_STAR_CARDS,
        CHINA_TZ,
        CIVIL_CODE,
        POLYOLEFIN_STARS,
        RE12,
        AbcPolicy,
        AdmissionFile,
        Period,
        RetailFormat,
        SupplyCustomer,
        WorkCalendar,
        event_to_json,
    )

    t = T0
    d = t.date()
    events = _seen_by_jia()
    supply = SupplyCustomer(id="a", channel="direct", demand=10, completion_rate=Fraction(1, 2))
    text = (resources.files("custrules") / "examples" / "forgotten.json").read_text("utf-8")
    case = custrules.read_case(text)
    return {
        "abc_classes": ((), {"figures": {"a": 5, "b": 3}, "policy": AbcPolicy(a=Fraction(1, 2))}),
        "add_months": ((d, 1), {}),
        "admission_status": ((AdmissionFile(),), {"on": d}),
        "allocate": ((Decimal("10.00"), {"a": Fraction(1)}), {"rounding": None}),
        "allocate_supply": ((100, [supply]), {}),
        "allocation_order": (([supply],), {}),
        "assess_review": ((POLYOLEFIN_STARS, "普通客户", 1500), {"gates": ()}),
        "assess_tier": ((POLYOLEFIN_STARS, 1500), {"new_customer": False, "gates": ()}),
        "assign_tier": ((POLYOLEFIN_STARS, 1500), {"direct_sale": False}),
        "assign_tiers": ((POLYOLEFIN_STARS, [1500]), {}),
        "attribute": ((events, RE12), {"customer": "王", "as_of": t}),
        "attribute_many": (([events], RE12), {"as_of": t}),
        "case_from_json": ((custrules.case_to_json(case),), {}),
        "case_to_json": ((case,), {}),
        "channel_class": ((), {"end_user": True, "sells_competing_brands": False}),
        "complaint_deadline": ((t, "general"), {}),
        "counting_day": ((t, WorkCalendar.china(), None, CIVIL_CODE), {}),
        "end_instant": ((d, None, CHINA_TZ), {}),
        "event_from_json": ((event_to_json(events[0]),), {"customer": "王"}),
        "event_to_json": ((events[0],), {}),
        "local_date": ((t,), {}),
        "parse_date": (("2026-03-02",), {}),
        "parse_instant": (("2026-03-02T10:00+08:00",), {}),
        "period_end": ((t, 3, "days"), {}),
        "policy_named": (("re12",), {}),
        "purchase_frequency": (
            ([("a", d)],),
            {"customers": ["a"], "period": Period(first=d, last=d)},
        ),
        "read_case": ((text,), {}),
        "referrer": (("王",), {}),
        "removal_grounds": ((), {"under_legal_investigation": True}),
        "retention": ((), {"at_start": ["a"], "at_end": ["a"]}),
        "review_tier": ((POLYOLEFIN_STARS, "普通客户", 1500), {}),
        "review_volume": (
            ({"2026-01": 5},),
            {"period": "month", "ending": "2026-01", "basis": "total"},
        ),
        "salesperson": (("王",), {}),
        "satisfaction": (([("a", d, 80)],), {"period": Period(first=d, last=d)}),
        "score_visit": ((), {"quality": "优良", "service": "优良", "renown": "知名"}),
        "statutory_days": ((2026,), {}),
        "sustained_level": (
            (CARRIER_STAR_CARDS, {"2026-01": 900}),
            {"ending": "2026-01", "missing": "zero"},
        ),
        "to_fraction_shares": (({"a": Fraction(1)},), {}),
        "to_money": ((100,), {}),
        "tobacco_category": ((next(iter(RetailFormat)), "urban", "large"), {}),
        "tobacco_grade_table": (([20, 15, 10, 8, 6, 4, 2, 0],), {"name": "烟草"}),
        "value_group": (("value",), {"mapping": None}),
        "weekday_abbr": ((d,), {"lang": "zh"}),
        "working_days_text": ((3,), {"lang": "zh"}),
        "zone_label": ((CHINA_TZ,), {"lang": "zh"}),
    }


#: functions that need the numpy extra (fuzzed in tests/test_arrays.py)
_NEEDS_NUMPY = {"assign_tiers_array"}


def test_every_public_function_has_a_valid_call_to_fuzz_from() -> None:
    functions = {n for n in custrules.__all__ if inspect.isfunction(getattr(custrules, n))}
    assert functions - _NEEDS_NUMPY == set(_calls())


def _run(fn: Any, args: Any, kwargs: Any) -> None:
    result = fn(*args, **kwargs)
    if inspect.isgenerator(result):
        list(result)


@pytest.mark.parametrize("name", sorted(_calls()))
def test_every_parameter_of_every_public_function_refuses_junk_cleanly(name: str) -> None:
    """From a valid call, junk in any one parameter gives a result or a
    CustrulesError, in well under a second: never a TypeError from deep inside."""
    args, kwargs = _calls()[name]
    _junk_in_each_parameter(getattr(custrules, name), args, kwargs)


def _junk_in_each_parameter(fn: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Call ``fn`` validly, then with junk in one parameter at a time."""
    _run(fn, args, kwargs)  # the valid call itself works
    for i, parameter in enumerate(inspect.signature(fn).parameters):
        for junk in [*FIELD_JUNK, dt.time(9), [object()], ("a", "b"), {"x": object()}]:
            a, k = list(args), dict(kwargs)
            if i < len(a):
                a[i] = junk
            else:
                k[parameter] = junk
            _answers_or_refuses(lambda a=a, k=k: _run(fn, a, k))


# -- every parameter of every public method ------------------------------------------------


def _method_calls() -> dict[str, tuple[Any, tuple[Any, ...], dict[str, Any]]]:
    """One valid call of every public method of the models and results:
    (the object, positional, keyword arguments)."""
    from custrules import (
        CHINA_TZ,
        POLYOLEFIN_STARS,
        RE12,
        CalendarOverrides,
        Complaint,
        ComplaintClock,
        Deal,
        Gate,
        Month,
        Period,
        Rotation,
        ScheduleNotice,
        VisitReport,
        WorkCalendar,
        attribute,
        complaint_deadline,
        salesperson,
    )

    t = T0
    d = t.date()
    china = WorkCalendar.china()
    complaint = Complaint.record(
        received_at=t, customer="王", content="慢", channel="telephone", handler="李"
    )
    classified = complaint.classify("general", at=t, actor="李")
    investigated = classified.investigate(at=t, actor="李")
    assigned = investigated.assign(at=t, actor="李", responsible="张")
    proposed = assigned.propose(at=t, actor="张", proposal="退款")
    replied = proposed.reply(at=t, actor="李", result="已退款")
    followed = replied.follow_up(at=t, actor="李")
    rotation = Rotation(order=["甲", "乙", "丙"])
    attribution = attribute(
        [*_seen_by_jia(), Deal(at=t, customer="王", closed_by="甲")],
        RE12,
    )
    deadline = complaint_deadline(t, "general")
    tier = POLYOLEFIN_STARS.tiers[1]
    notice = ScheduleNotice.from_calendar(china, 2026)
    return {
        "ScheduleNotice.parse": (notice, (notice.render(),), {"check_statutory": True}),
        "ScheduleNotice.from_calendar": (notice, (china, 2026), {}),
        "ScheduleNotice.from_holiday_cn": (notice, (notice.to_holiday_cn(),), {}),
        "ScheduleNotice.disagreement": (notice, (china,), {}),
        "ScheduleNotice.render": (notice, (), {}),
        "ScheduleNotice.to_holiday_cn": (notice, (), {}),
        "WorkCalendar.with_notice": (china, (notice,), {}),
        "WorkCalendar.from_holidays": (china, ("US",), {"years": range(2025, 2027)}),
        "TierTable.earned": (POLYOLEFIN_STARS, (1500,), {}),
        "TierTable.from_lower_bounds": (
            POLYOLEFIN_STARS,
            (),
            {"name": "t", "unit": "yuan", "rows": [("a", "甲", 0), ("b", "乙", 10)]},
        ),
        "TierTable.position": (POLYOLEFIN_STARS, ("普通客户",), {}),
        "TierTable.tier": (POLYOLEFIN_STARS, ("普通客户",), {}),
        "Tier.contains": (tier, (1500,), {}),
        "Gate.check": (Gate(name="pay", allows=lambda t: t.name != "x"), (tier,), {}),
        "AttributionPolicy.cite": (RE12, ("earlier",), {}),
        "ComplaintPolicy.working_days": (ComplaintClock().policy, ("general",), {}),
        "ComplaintClock.deadline": (ComplaintClock(), (t, "general"), {"serious": False}),
        "ComplaintClock.due_instants": (ComplaintClock(), ([t], "general"), {}),
        "Complaint.record": (
            complaint,
            (),
            {
                "received_at": t,
                "customer": "王",
                "content": "慢",
                "channel": "telephone",
                "handler": "李",
            },
        ),
        "Complaint.classify": (complaint, ("major",), {"at": t, "actor": "李"}),
        "Complaint.investigate": (classified, (), {"at": t, "actor": "李", "note": "查明"}),
        "Complaint.assign": (investigated, (), {"at": t, "actor": "李", "responsible": "张"}),
        "Complaint.propose": (assigned, (), {"at": t, "actor": "张", "proposal": "退款"}),
        "Complaint.reply": (proposed, (), {"at": t, "actor": "李", "result": "已退款"}),
        "Complaint.follow_up": (replied, (), {"at": t, "actor": "李"}),
        "Complaint.review": (followed, (), {"at": t, "actor": "李"}),
        "Complaint.reassign": (assigned, (), {"at": t, "to": "赵", "authorised_by": "王经理"}),
        "Complaint.deadline": (classified, (), {"calendar": china}),
        "Complaint.done_at": (replied, ("reply",), {}),
        "Complaint.handled_at": (replied, (), {}),
        "CalendarOverrides.then": (CalendarOverrides(), (CalendarOverrides(days_off=[d]),), {}),
        "WorkCalendar.add_working_days": (china, (d, 3), {}),
        "WorkCalendar.explain": (china, (d,), {}),
        "WorkCalendar.is_estimated": (china, (d,), {}),
        "WorkCalendar.is_working_day": (china, (d,), {}),
        "WorkCalendar.working_days_between": (china, (d, d), {}),
        "WorkCalendar.special_days": (china, (d, d), {}),
        "WorkCalendar.with_overrides": (china, (), {"days_off": [d]}),
        "WorkCalendar.with_zone": (china, (CHINA_TZ,), {}),
        "WorkCalendar.require_zone": (china, (), {}),
        "WorkCalendar.china": (china, (), {"estimate_beyond_horizon": True}),
        "WorkCalendar.weekdays": (china, (), {"zone": CHINA_TZ}),
        "Rotation.pick": (rotation, (), {"present": ["甲", "乙"], "on_errand": ["丙"]}),
        "Rotation.courtesy": (rotation, (), {"present": ["乙", "丙"], "for_": "甲"}),
        "Rotation.after": (rotation, (rotation.pick(present=["甲"]),), {}),
        "Rotation.voided": (rotation, ("甲",), {}),
        "VisitReport.score": (
            VisitReport(customer_unit="甲厂", quality="优良", service="优良", renown="知名"),
            (),
            {"weights": None},
        ),
        "Month.of": (Month(2026, 3), (d,), {}),
        "Month.parse": (Month(2026, 3), ("2026-03",), {}),
        "Period.month": (Period(first=d, last=d), ("2026-03",), {}),
        "Period.quarter": (Period(first=d, last=d), (2026, 1), {}),
        "Period.year": (Period(first=d, last=d), (2026,), {}),
        "Party.label": (salesperson("甲"), ("zh",), {}),
        "Party.parse": (salesperson("甲"), ("salesperson:甲",), {}),
        "Attribution.explain": (attribution, ("zh",), {}),
        "Attribution.ruling_text": (attribution, ("zh",), {}),
        "Attribution.split": (attribution, (Decimal("300000.00"),), {}),
        "Attribution.steps_in": (attribution, ("zh",), {}),
        "Deadline.explain": (deadline, ("zh",), {"at": t}),
        "Deadline.skipped_days": (deadline, (), {}),
        "Deadline.status": (deadline, (t,), {}),
    }


@pytest.mark.parametrize("name", sorted(_method_calls()))
def test_every_parameter_of_every_public_method_refuses_junk_cleanly(name: str) -> None:
    obj, args, kwargs = _method_calls()[name]
    _junk_in_each_parameter(getattr(obj, name.split(".")[1]), args, kwargs)


def test_the_method_list_covers_every_public_method() -> None:
    objects = {**_models(), **{n.split(".")[0]: obj for n, (obj, _, _) in _method_calls().items()}}
    methods = set()
    for obj in objects.values():
        for attr in dir(type(obj)):
            if attr.startswith("_") or attr.endswith("_array") or attr == "deadlines_array":
                continue  # the numpy extra's methods are fuzzed in tests/test_arrays.py
            if inspect.ismethod(getattr(obj, attr, None)):
                methods.add(f"{type(obj).__name__}.{attr}")
    assert methods <= set(_method_calls()), sorted(methods - set(_method_calls()))
