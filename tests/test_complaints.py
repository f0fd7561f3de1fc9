"""CMP-1 to CMP-6: complaint deadlines, extensions, status and the procedure.

Worked cases use the State Council's 2026 schedule: the Spring Festival break
(Feb 15-23, make-up Saturdays Feb 14 and Feb 28), National Day (Oct 1-7,
make-up Sunday Sep 20 and Saturday Oct 10) and the make-up Sunday Jan 4.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    CHINA_TZ,
    COMPLAINT_RULES,
    AfterClose,
    Approval,
    CalendarHorizonError,
    Channel,
    Complaint,
    ComplaintClock,
    ComplaintPolicy,
    Deadline,
    Escalation,
    Extension,
    ExtensionError,
    InvalidInputError,
    InvalidTypeError,
    NaiveDatetimeError,
    PeriodConvention,
    Reassignment,
    Severity,
    Standing,
    Step,
    Transition,
    TransitionError,
    UnknownLabelError,
    WorkCalendar,
    complaint_deadline,
)
from tests.strategies import CHINA, FIRST_0130_EDT, LATER_0110_EST, NEW_YORK, instants

D = dt.date
GENERAL, MAJOR = Severity.GENERAL, Severity.MAJOR


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CHINA_TZ)  # type: ignore[misc]


def approval(*args: int, who: str = "王经理", level: str = "分管领导") -> Approval:
    return Approval(approver=who, approved_at=at(*args), level=level)


# -- CMP-1: deadlines -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "severity", "last_day"),
    [
        (at(2026, 2, 13, 10), GENERAL, D(2026, 2, 14)),  # Friday -> the make-up Saturday
        (at(2026, 2, 14, 15), GENERAL, D(2026, 2, 24)),  # then nine days off
        (at(2026, 2, 12, 9), MAJOR, D(2026, 2, 24)),  # Feb 13, Feb 14, Feb 24
        (at(2026, 9, 30, 16), MAJOR, D(2026, 10, 10)),  # Oct 8, Oct 9, Saturday Oct 10
        (at(2026, 10, 2, 11), GENERAL, D(2026, 10, 8)),  # received on a holiday
        (at(2026, 9, 19, 11), GENERAL, D(2026, 9, 20)),  # Saturday -> the make-up Sunday
        (at(2026, 3, 2, 23, 59), GENERAL, D(2026, 3, 3)),  # the hour does not matter
    ],
)
def test_cmp1_worked_deadlines(received: dt.datetime, severity: Severity, last_day: D) -> None:
    d = complaint_deadline(received, severity)
    assert d.last_day == last_day
    assert d.due == at(last_day.year, last_day.month, last_day.day) + dt.timedelta(days=1)
    assert d.working_days == (1 if severity is GENERAL else 3)
    assert d.rules[:3] == ("CMP-1", "CAL-5", "CAL-6")
    assert not d.extended


def test_cmp1_receipt_is_read_in_chinas_zone() -> None:
    """01:00 Beijing time on the make-up Sunday 2026-01-04 is that Sunday, from any zone."""
    utc = dt.datetime(2026, 1, 3, 17, 0, tzinfo=dt.timezone.utc)
    for received in (utc, utc.astimezone(ZoneInfo("America/Los_Angeles"))):
        d = complaint_deadline(received, GENERAL)
        assert d.received_day == D(2026, 1, 4)
        assert d.last_day == D(2026, 1, 5)


def test_cmp1_close_of_business() -> None:
    d = complaint_deadline(at(2026, 2, 13, 10), GENERAL, closing_time=dt.time(17, 30))
    assert d.due == at(2026, 2, 14, 17, 30)
    assert d.closing_time == dt.time(17, 30)


def test_cmp1_skipped_days_are_reported() -> None:
    d = complaint_deadline(at(2026, 9, 30, 16), MAJOR)
    kinds = [(i.day, i.working) for i in d.skipped_days()]
    assert (D(2026, 10, 1), False) in kinds
    assert (D(2026, 10, 10), True) in kinds


def test_cmp1_an_approved_extension() -> None:
    """Major, received Monday Sep 28: extended to 7 working days with approval."""
    ext = Extension(total_working_days=7, approvals=[approval(2026, 9, 30, 9)], reason="需检测")
    d = complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=ext)
    # Sep 29, Sep 30, Oct 8, Oct 9, Oct 10 (Saturday, make-up), Oct 12, Oct 13
    assert d.last_day == D(2026, 10, 13)
    assert d.extended
    assert d.extended_by == ("王经理",)
    assert d.working_days == 7


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Extension(total_working_days=5, approvals=[]), "needs a recorded approval"),
        (lambda: Extension(total_working_days=5, approvals=()), "needs a recorded approval"),
        (lambda: Extension(total_working_days=0, approvals=[approval(2026, 9, 29)]), "at least"),
    ],
)
def test_cmp1_an_extension_without_approval_cannot_exist(make: object, match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("severity", "total", "approved", "match"),
    [
        (MAJOR, 8, (2026, 9, 29, 9), "past the cap of 7"),
        (MAJOR, 3, (2026, 9, 29, 9), "does not extend"),
        (GENERAL, 5, (2026, 9, 28, 11), "cannot be extended"),
        (MAJOR, 5, (2026, 9, 27, 9), "before the complaint was received"),
        (MAJOR, 5, (2026, 10, 9, 9), "after the original deadline"),
    ],
)
def test_cmp1_refused_extensions(
    severity: Severity, total: int, approved: tuple[int, ...], match: str
) -> None:
    ext = Extension(total_working_days=total, approvals=[approval(*approved)])
    with pytest.raises(ExtensionError, match=match):
        complaint_deadline(at(2026, 9, 28, 9), severity, extension=ext)


def test_cmp1_each_level_must_approve_when_the_policy_says_so() -> None:
    policy = ComplaintPolicy(approvals_required=2)
    one = Extension(total_working_days=5, approvals=[approval(2026, 9, 28, 10)])
    with pytest.raises(ExtensionError, match="needs 2 approvals"):
        complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=one, policy=policy)
    two = Extension(
        total_working_days=5,
        approvals=[
            approval(2026, 9, 28, 10, level="部门主任"),
            approval(2026, 9, 28, 11, who="李总"),
        ],
    )
    d = complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=two, policy=policy)
    assert d.extended_by == ("王经理", "李总")


@pytest.mark.parametrize(
    ("approvals", "counted"),
    [
        ([("王经理", "分管领导"), ("王经理", "分管领导")], 1),  # one leader recorded twice
        ([("王经理", "部门主任"), ("王经理", "分管领导")], 1),  # one leader at two levels
        ([("王经理", "分管领导"), ("李总", "分管领导")], 1),  # two leaders, one level
        ([("王经理", ""), ("王经理", "")], 1),
        ([("王经理", ""), ("李总", "")], 2),  # no level recorded: each leader's own
        ([("王经理", "部门主任"), ("李总", "部门主任"), ("李总", "分管领导")], 2),
    ],
)
def test_cmp1_each_level_is_one_approval_by_one_leader(
    approvals: list[tuple[str, str]], counted: int
) -> None:
    """各级主管领导: a policy needing two approvals (one per level) needs two leaders at two
    levels; a leader or a level recorded twice counts once."""
    ext = Extension(
        total_working_days=5,
        approvals=[approval(2026, 9, 28, 10, who=w, level=lv) for w, lv in approvals],
    )
    policy = ComplaintPolicy(approvals_required=2)
    if counted >= 2:
        assert complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=ext, policy=policy).extended
        return
    with pytest.raises(ExtensionError) as caught:
        complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=ext, policy=policy)
    assert caught.value.code == "complaints.check_extension.approvals_not_distinct"
    assert f"hold only {counted} by different leaders" in str(caught.value)
    one = attrs.evolve(policy, approvals_required=1)
    assert complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=ext, policy=one).extended


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["王", "李", "张", "赵"]), st.sampled_from(["", "甲", "乙", "丙"])
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 4),
)
def test_cmp1_an_extension_stands_when_enough_leaders_approve_at_different_levels(
    approvals: list[tuple[str, str]], required: int
) -> None:
    """Accepted exactly when some ``required`` of the approvals name different leaders and
    different levels (an approval with no level is its leader's own), counted by trying
    every subset."""
    levels = [(who, lv or ("", who)) for who, lv in approvals]
    enough = any(
        len({w for w, _ in pick}) == len({lv for _, lv in pick}) == required
        for pick in itertools.combinations(levels, required)
    )
    ext = Extension(
        total_working_days=5,
        approvals=[approval(2026, 9, 28, 10, who=w, level=lv) for w, lv in approvals],
    )
    policy = ComplaintPolicy(approvals_required=required)
    try:
        complaint_deadline(at(2026, 9, 28, 9), MAJOR, extension=ext, policy=policy)
    except ExtensionError:
        assert not enough
    else:
        assert enough


def test_cmp1_a_host_variant_of_the_policy() -> None:
    policy = ComplaintPolicy(general_working_days=2, major_working_days=5, max_working_days=10)
    assert complaint_deadline(at(2026, 3, 2, 9), GENERAL, policy=policy).last_day == D(2026, 3, 4)
    with pytest.raises(InvalidInputError, match="general <= major <= max"):
        ComplaintPolicy(general_working_days=4, major_working_days=3)


# -- CMP-2 and CMP-5: escalation without a new clock ------------------------------


def test_cmp2_serious_goes_to_the_meeting_on_the_same_clock() -> None:
    plain = complaint_deadline(at(2026, 9, 30, 16), MAJOR)
    serious = complaint_deadline(at(2026, 9, 30, 16), MAJOR, serious=True)
    assert (serious.last_day, serious.due) == (plain.last_day, plain.due)
    assert plain.escalation is Escalation.DEPARTMENT
    assert serious.escalation is Escalation.MANAGEMENT_MEETING
    assert "CMP-2" in serious.rules


def test_cmp5_a_media_complaint_is_already_escalated() -> None:
    c = Complaint.record(
        received_at=at(2026, 3, 2, 9),
        customer="某化工厂",
        content="报纸刊登了投诉",
        channel=Channel.MEDIA,
        handler="小陈",
    )
    assert c.escalated
    assert not Channel.MEDIA.ordinary
    assert all(ch.ordinary for ch in Channel if ch is not Channel.MEDIA)
    d = c.classify(GENERAL, at=at(2026, 3, 2, 10), actor="小陈").deadline()
    assert d.escalation is Escalation.MANAGEMENT_MEETING
    assert "CMP-5" in d.rules
    assert d.last_day == D(2026, 3, 3)


def test_cmp2_a_complaint_classified_serious_goes_to_the_management_meeting() -> None:
    """The record's own deadline carries its classification: serious (情节重点或严重)
    changes who decides (CMP-2), not the deadline."""
    c = recorded()  # received 30 September, 16:00
    serious = c.classify(MAJOR, at=at(2026, 9, 30, 17), actor="小李", serious=True).deadline()
    plain = c.classify(MAJOR, at=at(2026, 9, 30, 17), actor="小李").deadline()
    assert (serious.escalation, plain.escalation) == (
        Escalation.MANAGEMENT_MEETING,
        Escalation.DEPARTMENT,
    )
    assert "CMP-2" in serious.rules
    assert "CMP-2" not in plain.rules
    assert serious.last_day == plain.last_day == D(2026, 10, 10)  # Oct 8, 9, 10 (make-up)


# -- status at an instant ----------------------------------------------------------


def test_status_on_time_due_today_overdue() -> None:
    d = complaint_deadline(at(2026, 9, 30, 16), MAJOR, closing_time=dt.time(17, 30))
    early = d.status(at(2026, 10, 2, 9))
    assert early.standing is Standing.ON_TIME
    assert early.working_days_left == 3
    assert d.status(at(2026, 10, 9, 12)).working_days_left == 1
    today = d.status(at(2026, 10, 10, 17, 30))  # the very instant is still in time
    assert (today.standing, today.working_days_left) == (Standing.DUE_TODAY, 0)
    late = d.status(at(2026, 10, 10, 17, 31))
    assert late.standing is Standing.OVERDUE
    assert late.time_left == -dt.timedelta(minutes=1)
    assert d.status(at(2026, 10, 13, 9)).working_days_left == -2


def test_status_refuses_an_instant_before_receipt_or_naive() -> None:
    d = complaint_deadline(at(2026, 9, 30, 16), MAJOR)
    with pytest.raises(InvalidInputError, match="before the complaint was received"):
        d.status(at(2026, 9, 30, 15))
    with pytest.raises(NaiveDatetimeError):
        d.status(dt.datetime(2026, 10, 2, 9))


# -- CAL-2 through complaints ----------------------------------------------------


def test_cal2_past_the_horizon_raises_or_is_estimated() -> None:
    through = CHINA.official_through
    assert through is not None
    late = dt.datetime.combine(through, dt.time(10), tzinfo=CHINA_TZ)
    with pytest.raises(CalendarHorizonError):
        complaint_deadline(late, MAJOR)
    guess = complaint_deadline(
        late, MAJOR, calendar=WorkCalendar.china(estimate_beyond_horizon=True)
    )
    assert guess.estimated
    assert "CAL-2" in guess.rules
    # the explanation marks the day that rests on the estimate, in both languages
    assert guess.explain().splitlines()[1].endswith(") [estimate]")
    assert guess.explain("zh").splitlines()[1].endswith("） [估算]")
    assert "[estimate]" not in complaint_deadline(at(2026, 3, 2, 9), MAJOR).explain()
    assert not complaint_deadline(at(2026, 3, 2, 9), MAJOR).estimated


# -- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((dt.datetime(2026, 3, 2, 9), GENERAL), {}, NaiveDatetimeError, "naive"),
        ((D(2026, 3, 2), GENERAL), {}, InvalidTypeError, "aware datetime"),
        ((at(2026, 3, 2, 9), "urgent"), {}, UnknownLabelError, "unknown complaint severity"),
        ((at(2026, 3, 2, 9), 1), {}, UnknownLabelError, "severity"),
        (
            (at(2026, 3, 2, 9), GENERAL),
            {"closing_time": dt.time(17, 30, tzinfo=CHINA_TZ)},
            InvalidInputError,
            "without a zone",
        ),
        ((at(2026, 3, 2, 9), GENERAL), {"closing_time": "17:30"}, InvalidInputError, "time"),
        ((at(2026, 3, 2, 9), MAJOR), {"extension": 5}, InvalidTypeError, "Extension"),
        ((at(2026, 3, 2, 9), GENERAL), {"calendar": "china"}, InvalidTypeError, "WorkCalendar"),
        ((at(2026, 3, 2, 9), GENERAL), {"policy": {}}, TypeError, "policy"),
    ],
)
def test_bad_input(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        complaint_deadline(*args, **kwargs)  # type: ignore[arg-type]


def test_severities_by_label() -> None:
    assert Severity.parse("一般投诉") is GENERAL
    assert Severity.parse("较大") is MAJOR
    assert Severity.parse("MAJOR") is MAJOR
    for junk in (["general"], {"major": 1}, None, 3.0):  # unhashable ones too
        with pytest.raises(UnknownLabelError, match="unknown complaint severity"):
            Severity.parse(junk)


def test_a_deadline_cannot_be_built_inconsistent() -> None:
    clock = ComplaintClock()
    with pytest.raises(InvalidInputError, match="counted_from < last_day"):
        Deadline(at(2026, 3, 2, 9), GENERAL, D(2026, 3, 3), D(2026, 3, 2), clock)
    with pytest.raises(InvalidInputError):
        Deadline(dt.datetime(2026, 3, 2, 9), GENERAL, D(2026, 3, 2), D(2026, 3, 3), clock)


def test_a_clock_serves_a_batch() -> None:
    clock = ComplaintClock(closing_time=dt.time(17, 0))
    days = [clock.deadline(at(2026, 2, d, 9), GENERAL).last_day for d in range(11, 16)]
    assert days == [D(2026, 2, 12), D(2026, 2, 13), D(2026, 2, 14), D(2026, 2, 24), D(2026, 2, 24)]
    assert clock.policy is COMPLAINT_RULES


def test_cmp1_an_extended_deadline_names_its_approvers() -> None:
    """The explanation of an extended deadline says to how many working days and who
    approved it, each approver named, in both languages."""
    approvals = [
        Approval(approver="王经理", level="分管领导", approved_at=at(2026, 9, 30, 9)),
        Approval(approver="李总", level="总经理", approved_at=at(2026, 9, 30, 10)),
    ]
    extension = Extension(total_working_days=7, reason="需第三方检测", approvals=approvals)
    d = complaint_deadline(at(2026, 9, 28, 9), "major", extension=extension)
    assert d.explain().splitlines()[1:4] == [
        "last day: 2026-10-13 Tue (7 working days; the receipt day is not counted)",
        "due:      2026-10-14T00:00:00+08:00 (24:00 of the last day)",
        "extended to 7 working days, approved by 王经理, 李总",
    ]
    assert d.explain("zh").splitlines()[3] == "延长至 7 个工作日，批准人：王经理、李总"
    plain = complaint_deadline(at(2026, 9, 28, 9), "major")
    assert "extended" not in plain.explain()


# -- CMP-3, CMP-4, CMP-6: the procedure ---------------------------------------------


def recorded(channel: Channel = Channel.TELEPHONE) -> Complaint:
    return Complaint.record(
        received_at=at(2026, 9, 30, 16),
        customer="长沙某加油站",
        content="油品到货延迟",
        channel=channel,
        handler="小李",
        remarks="电话记录",
    )


def test_cmp3_the_whole_procedure_in_order() -> None:
    c = recorded()
    assert c.step is Step.RECORD
    c = c.classify(MAJOR, at=at(2026, 9, 30, 17), actor="小李")
    c = c.investigate(at=at(2026, 10, 8, 9), actor="调度科", note="车辆故障")
    c = c.assign(at=at(2026, 10, 8, 10), actor="部门主任", responsible="车队王师傅")
    c = c.propose(at=at(2026, 10, 8, 14), actor="小李", proposal="补送并减免运费")
    c = c.reply(at=at(2026, 10, 9, 10), actor="小李", result="已补送, 减免运费")
    c = c.follow_up(at=at(2026, 10, 12, 10), actor="小李", note="客户满意")
    c = c.review(at=at(2026, 10, 13, 16), actor="部门主任")
    assert [t.step for t in c.steps] == list(Step)
    assert c.next_step is None
    # CMP-6: the record's fields
    assert (c.customer, c.content, c.channel, c.handler, c.remarks) == (
        "长沙某加油站",
        "油品到货延迟",
        Channel.TELEPHONE,
        "小李",
        "电话记录",
    )
    assert c.result == "已补送, 减免运费"
    assert c.responsible == "车队王师傅"
    assert c.proposal == "补送并减免运费"
    # handled = replied (the module's decision), within the major deadline
    d = c.deadline()
    handled = c.handled_at()
    assert handled is not None
    assert d.status(handled).standing is Standing.ON_TIME
    closed = ComplaintPolicy(handled_at=Step.REVIEW)
    assert c.handled_at(closed) == at(2026, 10, 13, 16)


def test_cmp3_steps_cannot_be_skipped_or_repeated() -> None:
    c = recorded()
    with pytest.raises(TransitionError, match="out of order"):
        c.investigate(at=at(2026, 9, 30, 17), actor="小李")
    c = c.classify(GENERAL, at=at(2026, 9, 30, 17), actor="小李")
    with pytest.raises(TransitionError, match="already done"):
        c.classify(MAJOR, at=at(2026, 9, 30, 18), actor="小李")
    with pytest.raises(TransitionError, match="earlier than the previous"):
        c.investigate(at=at(2026, 9, 30, 16, 30), actor="小李")


def test_cmp4_who_accepts_replies_and_follows_up() -> None:
    c = recorded().classify(GENERAL, at=at(2026, 9, 30, 17), actor="小李")
    c = c.investigate(at=at(2026, 9, 30, 17), actor="调度科")
    c = c.assign(at=at(2026, 9, 30, 17), actor="主任", responsible="车队")
    c = c.propose(at=at(2026, 9, 30, 17), actor="主任", proposal="补送")
    with pytest.raises(TransitionError, match="CMP-4"):
        c.reply(at=at(2026, 10, 8, 9), actor="小王", result="已补送")
    moved = c.reassign(at=at(2026, 10, 8, 8), to="小王", authorised_by="主任", reason="小李休假")
    assert moved.current_handler == "小王"
    assert moved.handler == "小李"  # the record keeps who accepted it
    moved = moved.reply(at=at(2026, 10, 8, 9), actor="小王", result="已补送")
    with pytest.raises(TransitionError, match="CMP-4"):
        moved.follow_up(at=at(2026, 10, 9, 9), actor="小李")
    assert moved.follow_up(at=at(2026, 10, 9, 9), actor="小王").step is Step.FOLLOW_UP


def loaded(history: list[Transition | Reassignment], **fields: Any) -> Complaint:
    """A complaint as a host loads it from its own records (the constructor), with what
    the steps record (``fields`` override it)."""
    recorded_by_steps = {
        "severity": GENERAL,
        "responsible": "车队",
        "proposal": "补送",
        "result": "已补送",
    }
    return Complaint(
        received_at=at(2026, 9, 30, 16),
        customer="长沙某加油站",
        content="油品到货延迟",
        channel=Channel.TELEPHONE,
        handler="小李",
        history=history,
        **{**recorded_by_steps, **fields},
    )


def test_cmp3_cmp4_a_complaint_loaded_from_records_is_checked_like_one_built_step_by_step() -> (
    None
):
    """A host that rebuilds a complaint from its own records with an impossible history
    (a step skipped or repeated, a reply before receipt or by someone else, a
    reassignment from someone not handling it) gets the error the steps give, not a
    complaint "handled" three days before it arrived."""
    first = Transition(step=Step.RECORD, at=at(2026, 9, 30, 16), actor="小李")
    cases = [
        ([first, Transition(step=Step.REPLY, at=at(2026, 9, 30, 17), actor="小李")], "step_out"),
        ([first, first], "step_was"),
        ([Transition(step=Step.RECORD, at=at(2026, 9, 27, 16), actor="小李")], "complaint_cannot"),
        (
            [
                first,
                Reassignment(
                    at=at(2026, 10, 1),
                    from_handler="小王",
                    to_handler="小张",
                    authorised_by="主任",
                ),
            ],
            "not_the_handler",
        ),
    ]
    for history, code in cases:
        with pytest.raises(TransitionError) as caught:
            loaded(history)
        assert caught.value.code.endswith(code)
    c = recorded().classify(GENERAL, at=at(2026, 9, 30, 17), actor="小李")
    c = c.reassign(at=at(2026, 9, 30, 18), to="小王", authorised_by="主任")
    assert loaded(list(c.history)).current_handler == "小王"
    # a history that holds a step needs what the step recorded: classified, no severity
    with pytest.raises(TransitionError) as caught:
        loaded(list(c.history), severity=None)
    assert caught.value.code == "complaints.complaint.history.step_without_field"
    assert loaded(list(c.history[:1]), severity=None).severity is None  # not classified yet
    done = c.investigate(at=at(2026, 10, 8), actor="甲").assign(
        at=at(2026, 10, 8), actor="甲", responsible="乙"
    )
    done = done.propose(at=at(2026, 10, 8), actor="甲", proposal="补送")
    done = done.reply(at=at(2026, 10, 8), actor="小王", result="已补送")
    done = done.follow_up(at=at(2026, 10, 9), actor="小王").review(
        at=at(2026, 10, 9), actor="主任"
    )
    late = Reassignment(
        at=at(2026, 10, 10), from_handler="小王", to_handler="小张", authorised_by="主任"
    )
    for reviewed_then_moved in (
        lambda: done.reassign(at=at(2026, 10, 10), to="小张", authorised_by="主任"),
        lambda: loaded([*done.history, late]),
    ):
        with pytest.raises(TransitionError) as caught:
            reviewed_then_moved()
        assert caught.value.code == "complaints.complaint.reassign.reviewed_complaint"
    with pytest.raises(TransitionError, match="CMP-4"):
        loaded(
            [
                *c.history,
                Transition(step=Step.INVESTIGATE, at=at(2026, 10, 8), actor="甲"),
                Transition(step=Step.ASSIGN, at=at(2026, 10, 8), actor="甲"),
                Transition(step=Step.PROPOSE, at=at(2026, 10, 8), actor="甲"),
                Transition(step=Step.REPLY, at=at(2026, 10, 8), actor="小李"),
            ]
        )


@pytest.mark.parametrize(
    ("steps", "field"),
    [(2, "severity"), (4, "responsible"), (5, "proposal"), (6, "result")],
)
def test_cmp6_a_loaded_complaint_holds_what_its_steps_recorded(steps: int, field: str) -> None:
    """A history that holds classify, assign, propose or reply needs the severity, the
    person responsible, the proposal or the result that step recorded (before: a
    classified complaint with no severity said "call classify() first")."""
    history = [
        Transition(step=step, at=at(2026, 9, 30, 16 + i), actor="小李")
        for i, step in enumerate(list(Step)[:steps])
    ]
    assert loaded(history).step is list(Step)[steps - 1]
    with pytest.raises(TransitionError) as caught:
        loaded(history, **{field: None})
    assert caught.value.code == "complaints.complaint.history.step_without_field"
    assert f"has no {field}" in str(caught.value)
    assert getattr(loaded(history[:-1], **{field: None}), field) is None


_PEOPLE = ("小李", "小王", "小张")


@given(
    st.lists(
        st.tuples(
            st.sampled_from([*Step, "reassign"]),
            st.sampled_from(_PEOPLE),
            st.sampled_from(_PEOPLE),
            st.integers(-3, 30),  # hours after the entry before
        ),
        max_size=12,
    ),
    st.integers(-2, 2),
)
def test_cmp3_cmp4_the_constructor_accepts_exactly_the_procedures_histories(
    entries: list[tuple[Step | str, str, str, int]], first_hours: int
) -> None:
    """Any history given to the constructor is accepted exactly when it follows the
    procedure, read here entry by entry: the steps in CMP-3's order, none repeated, at
    non-decreasing instants from receipt; the reply and the follow-up visit by the
    handler then; a reassignment from that handler to another, before the review."""
    received = at(2026, 9, 30, 16)
    when = received + dt.timedelta(hours=first_hours)
    history: list[Transition | Reassignment] = []
    handler, last, done, valid = "小李", received, 0, True
    for kind, who, other, hours in entries:
        if kind == "reassign":
            history.append(
                Reassignment(at=when, from_handler=other, to_handler=who, authorised_by="主任")
            )
            valid = valid and other == handler != who and done < len(Step) and when >= last
            handler = who
        else:
            step = Step(kind)
            history.append(Transition(step=step, at=when, actor=who))
            valid = (
                valid
                and done < len(Step)
                and step is list(Step)[done]
                and when >= last
                and (step not in (Step.REPLY, Step.FOLLOW_UP) or who == handler)
            )
            done += 1
        last, when = when, when + dt.timedelta(hours=hours)
    if valid:
        assert loaded(history).history == tuple(history)
    else:
        with pytest.raises(TransitionError):
            loaded(history)


def test_the_deadline_needs_a_classification() -> None:
    with pytest.raises(TransitionError, match="classify"):
        recorded().deadline()


def test_record_refuses_bad_fields() -> None:
    with pytest.raises(InvalidInputError, match="customer"):
        Complaint.record(
            received_at=at(2026, 3, 2, 9), customer=" ", content="x", channel="online", handler="a"
        )
    with pytest.raises(ValueError, match="carrier pigeon"):
        Complaint.record(
            received_at=at(2026, 3, 2, 9),
            customer="c",
            content="x",
            channel="carrier pigeon",
            handler="a",
        )
    with pytest.raises(NaiveDatetimeError):
        Complaint.record(
            received_at=dt.datetime(2026, 3, 2, 9),
            customer="c",
            content="x",
            channel="online",
            handler="a",
        )
    with pytest.raises(TransitionError, match="before it was received"):
        Complaint.record(
            received_at=at(2026, 3, 2, 9),
            customer="c",
            content="x",
            channel="online",
            handler="a",
            at=at(2026, 3, 2, 8),
        )


# -- properties -------------------------------------------------------------------

severities = st.sampled_from([GENERAL, MAJOR])
closing = st.one_of(st.none(), st.times(min_value=dt.time(8), max_value=dt.time(20)))


@given(instants, severities, closing)
def test_due_is_after_receipt_and_on_a_working_day(
    received: dt.datetime, severity: Severity, close: dt.time | None
) -> None:
    d = complaint_deadline(received, severity, closing_time=close)
    assert d.due > received
    assert CHINA.is_working_day(d.last_day)
    assert d.last_day > d.received_day


@given(instants, instants, severities)
def test_later_receipt_never_gives_an_earlier_deadline(
    a: dt.datetime, b: dt.datetime, severity: Severity
) -> None:
    a, b = min(a, b), max(a, b)
    assert complaint_deadline(a, severity).due <= complaint_deadline(b, severity).due


@given(instants)
def test_major_is_never_earlier_than_general(received: dt.datetime) -> None:
    assert complaint_deadline(received, MAJOR).due >= complaint_deadline(received, GENERAL).due


@given(instants, st.integers(min_value=4, max_value=7), st.booleans())
def test_extensions_never_shorten_and_never_pass_seven(
    received: dt.datetime, total: int, serious: bool
) -> None:
    ext = Extension(
        total_working_days=total,
        approvals=[Approval(approver="王经理", approved_at=received)],
    )
    plain = complaint_deadline(received, MAJOR)
    extended = complaint_deadline(received, MAJOR, extension=ext, serious=serious)
    assert plain.due <= extended.due
    assert CHINA.working_days_between(extended.received_day, extended.last_day) == total <= 7
    assert extended.last_day <= CHINA.add_working_days(extended.received_day, 7)


ACTIONS = ["classify", "investigate", "assign", "propose", "reply", "follow_up", "review"]


@given(st.lists(st.sampled_from(ACTIONS), max_size=20))
def test_the_procedure_never_skips_a_step(attempts: list[str]) -> None:
    c = recorded()
    moment = at(2026, 9, 30, 17)
    for name in attempts:
        kwargs: dict[str, object] = {"at": moment, "actor": "小李"}
        extra = {
            "classify": {"severity": GENERAL},
            "assign": {"responsible": "车队"},
            "propose": {"proposal": "补送"},
            "reply": {"result": "已补送"},
        }.get(name, {})
        expected = c.next_step is Step(name)
        try:
            c = getattr(c, name)(**kwargs, **extra)
            accepted = True
        except TransitionError:
            accepted = False
        assert accepted is expected
        done = [t.step for t in c.steps]
        assert done == list(Step)[: len(done)]


@given(st.lists(instants, max_size=30), severities, closing)
def test_due_instants_match_the_full_deadlines(
    received: list[dt.datetime], severity: Severity, close: dt.time | None
) -> None:
    clock = ComplaintClock(closing_time=close)
    assert clock.due_instants(received, severity) == [
        clock.deadline(r, severity).due for r in received
    ]


@st.composite
def complaint_policies(draw: st.DrawFn) -> ComplaintPolicy:
    """A host's complaint policy: any working days with general <= major <= max."""
    general = draw(st.integers(1, 5))
    major = draw(st.integers(general, 8))
    return ComplaintPolicy(
        general_working_days=general,
        major_working_days=major,
        max_working_days=draw(st.integers(major, 12)),
    )


@given(
    st.lists(instants, min_size=1, max_size=10),
    severities,
    closing,
    complaint_policies(),
    st.builds(
        PeriodConvention,
        count_start_day=st.booleans(),
        roll_past_rest_days=st.booleans(),
        after_close=st.sampled_from(list(AfterClose)),
    ),
)
def test_any_hosts_clock_is_due_no_earlier_than_receipt_and_batches_agree(
    received: list[dt.datetime],
    severity: Severity,
    close: dt.time | None,
    policy: ComplaintPolicy,
    convention: PeriodConvention,
) -> None:
    """A host's policy and counting convention (CAL-5 art. 204): every complaint is due
    no earlier than it was received, a major one no earlier than a general one, a
    later receipt no earlier; the batch of due instants agrees with the deadlines one
    by one (or both refuse a period that would end before its receipt)."""
    clock = ComplaintClock(closing_time=close, policy=policy, convention=convention)

    def due(r: dt.datetime, severity: Severity) -> dt.datetime | None:
        """The complaint's due instant, or None where the period is refused."""
        try:
            return clock.deadline(r, severity).due
        except InvalidInputError as exc:
            code = exc.code
        assert code == "periods.ends_before_start"
        return None

    dues = [due(r, severity) for r in sorted(received)]
    if None in dues:
        with pytest.raises(InvalidInputError, match="before it starts"):
            clock.due_instants(received, severity)
    else:
        assert clock.due_instants(received, severity) == [due(r, severity) for r in received]
        assert dues == sorted(dues)  # type: ignore[type-var]
    for r in received:
        general, major = due(r, GENERAL), due(r, MAJOR)
        if general is not None:  # (a major complaint has at least as many days)
            assert major is not None
            assert major >= general >= r
        assert major is None or major >= r


def test_due_instants_refuse_naive_instants() -> None:
    with pytest.raises(NaiveDatetimeError):
        ComplaintClock().due_instants([dt.datetime(2026, 3, 2, 9)], GENERAL)


# -- pinned edges (what mutation testing showed untested) ------------------------------------


def test_cmp1_a_complaint_received_exactly_at_closing_time() -> None:
    """CAL-6: received at 17:30 sharp with close of business at 17:30: the same day
    (the default decision); under AfterClose.NEXT_WORKING_DAY still the same day,
    since only a receipt *after* the close moves (17:31 moves)."""
    from custrules import AfterClose, PeriodConvention

    close = dt.time(17, 30)
    on_the_dot = complaint_deadline(at(2026, 3, 2, 17, 30), GENERAL, closing_time=close)
    assert on_the_dot.last_day == D(2026, 3, 3)
    next_day = PeriodConvention(after_close=AfterClose.NEXT_WORKING_DAY)
    same = complaint_deadline(
        at(2026, 3, 2, 17, 30), GENERAL, closing_time=close, convention=next_day
    )
    assert same.last_day == D(2026, 3, 3)
    later = complaint_deadline(
        at(2026, 3, 2, 17, 31), GENERAL, closing_time=close, convention=next_day
    )
    assert later.last_day == D(2026, 3, 4)


def test_cmp1_counting_the_receipt_day_never_gives_a_deadline_before_receipt() -> None:
    """CAL-5 art. 204 (the receipt day counted as day 1) with close of business at
    17:30: a general complaint received at 18:00 on a Monday would be due at 17:30
    that Monday, overdue when it arrives.  Refused, naming the fix, by the one call,
    the clock and the batch of due instants alike; counted on the next working day
    it is due on Tuesday."""
    from custrules import AfterClose, PeriodConvention

    close = dt.time(17, 30)
    counting = PeriodConvention(count_start_day=True)
    late = at(2026, 3, 2, 18)
    clock = ComplaintClock(closing_time=close, convention=counting)
    for refuse in (
        lambda: complaint_deadline(late, GENERAL, closing_time=close, convention=counting),
        lambda: clock.deadline(late, GENERAL),
        lambda: clock.due_instants([at(2026, 3, 2, 9), late], GENERAL),
    ):
        with pytest.raises(InvalidInputError, match="before it starts") as refused:
            refuse()
        assert refused.value.code == "periods.ends_before_start"
    assert clock.deadline(at(2026, 3, 2, 9), GENERAL).due == at(2026, 3, 2, 17, 30)
    assert clock.deadline(late, MAJOR).due == at(2026, 3, 4, 17, 30)
    moved = ComplaintClock(
        closing_time=close,
        convention=PeriodConvention(count_start_day=True, after_close=AfterClose.NEXT_WORKING_DAY),
    )
    assert moved.deadline(late, GENERAL).due == at(2026, 3, 3, 17, 30)


def test_a_clock_in_a_zone_with_daylight_saving_counts_instants() -> None:
    """CMP-1 on a host's calendar in New York (Monday to Friday): a major complaint
    received on Friday 2026-10-30 at 09:00 EDT is due on Wednesday 4 November at 17:30
    EST.  The clocks go back on Sunday 1 November, so 5 days 9.5 hours are left at
    receipt, whichever zone ``at`` is written in (Python subtracts two datetimes of one
    zone by their wall clocks: 5 days 8.5 hours)."""
    clock = ComplaintClock(
        calendar=WorkCalendar.weekdays(zone=NEW_YORK), closing_time=dt.time(17, 30)
    )
    received = dt.datetime(2026, 10, 30, 9, tzinfo=NEW_YORK)
    d = clock.deadline(received, MAJOR)
    assert d.due == dt.datetime(2026, 11, 4, 22, 30, tzinfo=dt.timezone.utc)
    left = dt.timedelta(days=5, hours=9, minutes=30)
    for written in (received, received.astimezone(dt.timezone.utc)):
        assert d.status(written).time_left == left
    # the second 01:10 of 1 November (EST) comes after the first 01:30 (EDT)
    first, later = FIRST_0130_EDT, LATER_0110_EST
    assert later < first  # (Python's wall clocks)

    def recorded_then(**kw: Any) -> Complaint:
        return Complaint.record(
            received_at=first,
            customer="纽约某客户",
            content="到货延迟",
            channel="telephone",
            handler="小李",
            **kw,
        )

    assert recorded_then(at=later).steps[0].at == later
    assert recorded_then().classify(MAJOR, at=later, actor="小李").steps[-1].at == later
    moved = recorded_then().reassign(at=later, to="小王", authorised_by="王经理")
    assert moved.current_handler == "小王"
    assert clock.deadline(first, MAJOR).status(later).standing is Standing.ON_TIME
    with pytest.raises(InvalidInputError, match="before the complaint was received"):
        clock.deadline(later, MAJOR).status(first)
    ext = Extension(
        total_working_days=5, approvals=[Approval(approver="王经理", approved_at=later)]
    )
    assert clock.deadline(first, MAJOR, extension=ext).working_days == 5


#: instants within a day of New York's changes of clock in 2026 (8 March, 1 November)
_NEAR_A_CHANGE = st.builds(
    lambda change, seconds: change + dt.timedelta(seconds=seconds),
    st.sampled_from(
        [
            dt.datetime(2026, 3, 8, 7, tzinfo=dt.timezone.utc),
            dt.datetime(2026, 11, 1, 6, tzinfo=dt.timezone.utc),
        ]
    ),
    st.integers(-86_400, 86_400),
)


@given(_NEAR_A_CHANGE, _NEAR_A_CHANGE, severities, closing)
def test_a_clock_in_new_york_reads_instants_whatever_zone_they_are_written_in(
    received: dt.datetime, at_: dt.datetime, severity: Severity, close: dt.time | None
) -> None:
    """A host calendar in New York: a complaint received, and looked at, near a change of
    clock gets the same deadline and the same standing and time left whether the
    instants are written in New York's zone or in UTC."""
    clock = ComplaintClock(calendar=WorkCalendar.weekdays(zone=NEW_YORK), closing_time=close)
    received, at_ = min(received, at_), max(received, at_)
    answers = []
    for zone in (NEW_YORK, dt.timezone.utc):
        d = clock.deadline(received.astimezone(zone), severity)
        status = d.status(at_.astimezone(zone))
        answers.append(
            (d.due.astimezone(dt.timezone.utc), d.last_day, status.standing, status.time_left)
        )
    assert answers[0] == answers[1]
    assert answers[1][3] == answers[1][0] - at_


def test_an_approval_after_a_deadline_that_ends_in_the_hour_the_clocks_go_back() -> None:
    """CMP-1: an extension approved after the original deadline has passed is refused.
    A host closing at 01:30 in New York, working on Sunday 1 November: the period ends
    at 01:30 EDT; an approval at 01:10 EST, 40 minutes later, is late, though its wall
    clock reads earlier."""
    sunday = WorkCalendar.weekdays(zone=NEW_YORK).with_overrides(working_days=[D(2026, 11, 1)])
    clock = ComplaintClock(calendar=sunday, closing_time=dt.time(1, 30))
    received = dt.datetime(2026, 10, 28, 9, tzinfo=NEW_YORK)  # Wednesday
    due = clock.deadline(received, MAJOR).due  # 01:30 EDT (an ambiguous wall time)
    assert due.astimezone(dt.timezone.utc) == dt.datetime(
        2026, 11, 1, 5, 30, tzinfo=dt.timezone.utc
    )
    late = LATER_0110_EST
    ext = Extension(
        total_working_days=5, approvals=[Approval(approver="王经理", approved_at=late)]
    )
    with pytest.raises(ExtensionError, match="after the original deadline"):
        clock.deadline(received, MAJOR, extension=ext)


def test_cmp1_an_approval_exactly_at_the_original_deadline_counts() -> None:
    """Major, received Mon Sep 28 09:00: Sep 29, Sep 30, then (past National Day) Oct 8,
    so the original period ends at 24:00 of Oct 8 (written as Oct 9 00:00).  An
    approval at that very instant is in time; a second later it is refused."""
    received = at(2026, 9, 28, 9)
    original = complaint_deadline(received, MAJOR).due
    assert original == at(2026, 10, 9, 0, 0)
    on_time = Extension(
        total_working_days=5,
        approvals=[Approval(approver="王经理", approved_at=original, level="分管领导")],
    )
    assert complaint_deadline(received, MAJOR, extension=on_time).working_days == 5
    late = Extension(
        total_working_days=5,
        approvals=[
            Approval(
                approver="王经理",
                approved_at=original + dt.timedelta(seconds=1),
                level="分管领导",
            )
        ],
    )
    with pytest.raises(ExtensionError):
        complaint_deadline(received, MAJOR, extension=late)


def test_complaint_deadline_passes_everything_through() -> None:
    """Complaint.deadline gives what complaint_deadline gives for the same arguments."""
    from custrules import AfterClose, PeriodConvention

    c = recorded().classify(MAJOR, at=at(2026, 9, 30, 17), actor="小李")
    weekdays = WorkCalendar.weekdays(zone=ZoneInfo("Asia/Shanghai"))
    close = dt.time(17, 30)
    ext = Extension(total_working_days=6, approvals=[approval(2026, 10, 1, 9)])
    convention = PeriodConvention(after_close=AfterClose.NEXT_WORKING_DAY)
    got = c.deadline(calendar=weekdays, closing_time=close, extension=ext, convention=convention)
    want = complaint_deadline(
        c.received_at,
        MAJOR,
        calendar=weekdays,
        closing_time=close,
        extension=ext,
        convention=convention,
    )
    assert got == want
    assert got.closing_time == close
    assert got.working_days == 6
    assert got.last_day != c.deadline().last_day  # weekdays: no National Day


def test_a_record_built_by_hand_is_checked_like_one_built_step_by_step() -> None:
    """CMP-6: severity, history and the free-text fields of a hand-built record are
    read at the boundary (a label becomes a Severity; junk is refused)."""
    t = dt.datetime(2026, 3, 2, 10, tzinfo=CHINA_TZ)
    c = Complaint.record(
        received_at=t, customer="王", content="慢", channel="telephone", handler="李"
    )
    assert attrs.evolve(c, severity="较大事件投诉").severity is Severity.MAJOR
    assert attrs.evolve(c, remarks="第一行\n第二行").remarks == "第一行\n第二行"
    with pytest.raises(UnknownLabelError):
        attrs.evolve(c, severity="urgent")
    with pytest.raises(InvalidTypeError, match="must hold Transition, Reassignment objects"):
        attrs.evolve(c, history=("recorded",))
    with pytest.raises(InvalidTypeError, match="history must be a list"):
        attrs.evolve(c, history="recorded")
    with pytest.raises(InvalidTypeError, match="remarks must be text"):
        attrs.evolve(c, remarks=None)
    with pytest.raises(InvalidTypeError, match="policy must be a ComplaintPolicy"):
        ComplaintClock(policy="general")


def test_severities_escalations_and_standings_name_themselves() -> None:
    from custrules import Escalation, Standing

    assert [(s.describe(), s.describe("zh")) for s in Severity] == [
        ("general complaint (一般投诉)", "一般投诉"),
        ("major complaint (较大事件投诉)", "较大事件投诉"),
    ]
    assert [(e.label(), e.label("zh")) for e in Escalation] == [
        ("department", "责任部门"),
        ("management meeting (经理办公会)", "经理办公会"),
    ]
    assert [(s.label(), s.label("zh")) for s in Standing] == [
        ("on time", "按期"),
        ("due today", "今日到期"),
        ("overdue", "已逾期"),
    ]


def test_a_complaints_own_deadline_follows_the_hosts_policy() -> None:
    """Complaint.deadline passes the policy through: a host answering general
    complaints within 2 working days gets a later deadline than CMP-1's 1."""
    from custrules.complaints import ComplaintPolicy

    t = dt.datetime(2026, 3, 2, 10, tzinfo=CHINA_TZ)  # a Monday
    c = Complaint.record(
        received_at=t, customer="王", content="慢", channel="telephone", handler="李"
    ).classify("general", at=t, actor="李")
    assert c.deadline().last_day == dt.date(2026, 3, 3)
    assert c.deadline(policy=ComplaintPolicy(general_working_days=2)).last_day == dt.date(
        2026, 3, 4
    )


def _nth_working_day_by_stepping(day: dt.date, n: int) -> dt.date:
    """The reference: walk forward one day at a time, counting working days."""
    count = 0
    while count < n:
        day += dt.timedelta(days=1)
        count += CHINA.is_working_day(day)
    return day


@given(
    instants,
    st.sampled_from(["general", "major"]),
    st.sampled_from([None, dt.time(17, 30), dt.time(9, 0)]),
)
def test_cmp1_deadlines_agree_with_a_day_by_day_walk(
    received: dt.datetime, severity: str, closing: dt.time | None
) -> None:
    """CMP-1 with CAL-6: the N-th working day after the day of receipt in Beijing,
    ending at close of business or at 24:00, found by walking the calendar instead
    of the index."""
    from zoneinfo import ZoneInfo

    beijing = ZoneInfo("Asia/Shanghai")
    got = complaint_deadline(received, severity, closing_time=closing)
    last = _nth_working_day_by_stepping(
        received.astimezone(beijing).date(), 1 if severity == "general" else 3
    )
    due = (
        dt.datetime.combine(last, closing, tzinfo=beijing)
        if closing
        else dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=beijing)
    )
    assert (got.last_day, got.due) == (last, due)


#: the National Day break of 2026 as an explanation lists it (English)
NATIONAL_DAY_BREAK_EN = (
    "  2026-10-01 Thu: day off, public holiday (法定节假日): 国庆节\n"
    "  2026-10-02 Fri: day off, public holiday (法定节假日): 国庆节\n"
    "  2026-10-03 Sat: day off, public holiday (法定节假日): 国庆节\n"
    "  2026-10-04 Sun: day off, weekend\n"
    "  2026-10-05 Mon: day off, day off in lieu or by special notice: 国庆节\n"
    "  2026-10-06 Tue: day off, bridge day off (调休放假): 国庆节 (worked on 2026-09-20 Sun)\n"
    "  2026-10-07 Wed: day off, bridge day off (调休放假): 国庆节 (worked on 2026-10-10 Sat)\n"
)


def test_cmp1_deadline_explanations_word_for_word() -> None:
    """A complaint received on the eve of National Day: the days skipped, the
    make-up Saturday counted, in both languages, with and without close of business."""
    t = dt.datetime(2026, 9, 30, 16, tzinfo=CHINA_TZ)
    general = complaint_deadline(t, "general")
    assert general.explain() == (
        "general complaint (一般投诉) received 2026-09-30 16:00 Wed (Beijing time)\n"
        "last day: 2026-10-08 Thu (1 working day; the receipt day is not counted)\n"
        "due:      2026-10-09T00:00:00+08:00 (24:00 of the last day)\n"
        "handled by: department\n"
        "days off skipped and make-up days counted:\n"
        + NATIONAL_DAY_BREAK_EN
        + "rules: CMP-1, CAL-5, CAL-6"
    )
    assert general.explain("zh") == (
        "一般投诉，收到于 2026-09-30 16:00 周三（北京时间）\n"
        "最后一天：2026-10-08 周四（1 个工作日；收到当日不计入）\n"
        "期限届满：2026-10-09T00:00:00+08:00（最后一天的 24:00）\n"
        "处理：责任部门\n"
        "跳过的休息日与计入的调休上班日：\n"
        "  2026-10-01 周四：休息日，法定节假日：国庆节\n"
        "  2026-10-02 周五：休息日，法定节假日：国庆节\n"
        "  2026-10-03 周六：休息日，法定节假日：国庆节\n"
        "  2026-10-04 周日：休息日，周末\n"
        "  2026-10-05 周一：休息日，补休或特别通知的休息日：国庆节\n"
        "  2026-10-06 周二：休息日，调休放假：国庆节（调至 2026-09-20 周日上班）\n"
        "  2026-10-07 周三：休息日，调休放假：国庆节（调至 2026-10-10 周六上班）\n"
        "规则：CMP-1、CAL-5、CAL-6"
    )
    major = complaint_deadline(t, "major", closing_time=dt.time(17, 30))
    assert major.explain(at=t + dt.timedelta(days=1)) == (
        "major complaint (较大事件投诉) received 2026-09-30 16:00 Wed (Beijing time)\n"
        "last day: 2026-10-10 Sat (3 working days; the receipt day is not counted)\n"
        "due:      2026-10-10T17:30:00+08:00 (close of business)\n"
        "handled by: department\n"
        "at 2026-10-01T16:00:00+08:00: on time, 3 working days left\n"
        "days off skipped and make-up days counted:\n"
        + NATIONAL_DAY_BREAK_EN
        + "  2026-10-10 Sat: working day, make-up working day (调休上班): 国庆节 "
        "(in exchange for 2026-10-07 Wed)\n"
        "rules: CMP-1, CAL-5, CAL-6"
    )
