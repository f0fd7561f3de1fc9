"""What each refusal carries: the error class, a message that names the field, and
the offending value as ``.value`` (a host shows these to its users).

Also the small parsing and month-arithmetic edges the mutation tests showed
unchecked: lower-case ``z`` zones, short fractions of a second, leap years.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from custrules import (
    CHINA_TZ,
    Approval,
    Channel,
    Complaint,
    ComplaintClock,
    CustrulesError,
    Extension,
    InvalidInputError,
    InvalidTypeError,
    Month,
    PeriodConvention,
    Severity,
    Step,
    UnknownLabelError,
    add_months,
    complaint_deadline,
    counting_day,
    end_instant,
    local_date,
    parse_date,
    parse_instant,
    period_end,
)
from custrules.complaints import ComplaintPolicy

T = dt.datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)
NAIVE = dt.datetime(2026, 3, 2, 10, 0)
D = dt.date
OBJ = object()


def ok_approval() -> Approval:
    return Approval(approver="王经理", approved_at=T + dt.timedelta(hours=1))


CASES: list[tuple[str, Any, Any, type[Exception], str]] = [
    # (what, the call, the offending value, error class, the start of the message)
    (
        "parse_date type",
        lambda: parse_date(20260214),
        20260214,
        InvalidTypeError,
        r"^date must be text YYYY-MM-DD, got 20260214$",
    ),
    (
        "parse_date text",
        lambda: parse_date("2026-02-30", "the day"),
        "2026-02-30",
        InvalidInputError,
        r"^the day: not a date: '2026-02-30' \(use YYYY-MM-DD",
    ),
    (
        "parse_instant type",
        lambda: parse_instant(5),
        5,
        InvalidTypeError,
        r"^instant must be ISO 8601 text, got 5$",
    ),
    (
        "parse_instant zone",
        lambda: parse_instant("2026-02-14T10:00", "at"),
        "2026-02-14T10:00",
        InvalidInputError,
        r"^at: '2026-02-14T10:00' has no time zone: add one, e\.g\. "
        r"2026-02-14T10:00\+08:00 for Beijing time$",
    ),
    (
        "parse_instant junk",
        lambda: parse_instant("soon", "at"),
        "soon",
        InvalidInputError,
        r"^at: not a date and time: 'soon'",
    ),
    (
        "parse_instant bad day",
        lambda: parse_instant("2026-02-30T10:00Z", "at"),
        "2026-02-30T10:00Z",
        InvalidInputError,
        r"^at: not a date and time",
    ),
    ("local_date", lambda: local_date(NAIVE), NAIVE, InvalidInputError, r"^start is a naive"),
    (
        "local_date tz",
        lambda: local_date(T, "UTC"),
        "UTC",
        InvalidTypeError,
        r"^tz must be a datetime\.tzinfo, got 'UTC'$",
    ),
    (
        "add_months day",
        lambda: add_months("2026-01-31", 1),
        "2026-01-31",
        InvalidTypeError,
        r"^day must be a datetime\.date",
    ),
    (
        "add_months months",
        lambda: add_months(D(2026, 1, 31), 1.5),
        1.5,
        InvalidTypeError,
        r"^months must be an int",
    ),
    (
        "add_months too far",
        lambda: add_months(D(2026, 1, 31), 1201),
        1201,
        InvalidInputError,
        r"^months must be between -1200 and 1200",
    ),
    (
        "end_instant day",
        lambda: end_instant(None, None, CHINA_TZ),
        None,
        InvalidTypeError,
        r"^last_day must be a datetime\.date",
    ),
    (
        "end_instant closing",
        lambda: end_instant(D(2026, 3, 2), "17:30", CHINA_TZ),
        "17:30",
        InvalidTypeError,
        r"^closing_time must be a datetime\.time",
    ),
    (
        "closing with zone",
        lambda: end_instant(D(2026, 3, 2), dt.time(17, 30, tzinfo=dt.timezone.utc), CHINA_TZ),
        dt.time(17, 30, tzinfo=dt.timezone.utc),
        InvalidInputError,
        r"^closing_time must be a wall-clock time without a zone, got .*; the period's zone is "
        r"given by tz$",
    ),
    (
        "counting_day",
        lambda: counting_day(NAIVE, None, None, None),
        NAIVE,
        InvalidInputError,
        r"^local is a naive",
    ),
    (
        "convention",
        lambda: PeriodConvention(after_close="later"),
        "later",
        UnknownLabelError,
        r"^unknown after close 'later': use one of same_day, next_working_day$",
    ),
    (
        "period unit",
        lambda: period_end(T, 1, "weeks"),
        "weeks",
        UnknownLabelError,
        r"^unknown unit 'weeks'",
    ),
    (
        "period tz",
        lambda: period_end(T, 1, "days", tz="UTC"),
        "UTC",
        InvalidTypeError,
        r"^tz must be a datetime\.tzinfo",
    ),
    ("month", lambda: Month(2026, 13), None, InvalidInputError, r"month"),
    ("month type", lambda: Month("2026", 1), "2026", InvalidTypeError, r"^year must be an int"),
    (
        "severity",
        lambda: complaint_deadline(T, "urgent"),
        "urgent",
        UnknownLabelError,
        r"^unknown complaint severity 'urgent'",
    ),
    (
        "received naive",
        lambda: complaint_deadline(NAIVE, "general"),
        NAIVE,
        InvalidInputError,
        r"^received_at is a naive",
    ),
    (
        "calendar",
        lambda: complaint_deadline(T, "general", calendar="china"),
        "china",
        InvalidTypeError,
        r"^calendar must be a WorkCalendar, got 'china'$",
    ),
    (
        "via_media",
        lambda: complaint_deadline(T, "general", via_media="yes"),
        "yes",
        InvalidTypeError,
        r"^via_media must be true or false",
    ),
    (
        "clock serious",
        lambda: ComplaintClock().deadline(T, "general", serious=1),
        1,
        InvalidTypeError,
        r"^serious must be true or false",
    ),
    (
        "clock via_media",
        lambda: ComplaintClock().deadline(T, "general", via_media=1),
        1,
        InvalidTypeError,
        r"^via_media must be true or false",
    ),
    (
        "clock received",
        lambda: ComplaintClock().deadline(NAIVE, "general"),
        NAIVE,
        InvalidInputError,
        r"^received_at is a naive",
    ),
    (
        "clock instants",
        lambda: ComplaintClock().due_instants([NAIVE], "general"),
        NAIVE,
        InvalidInputError,
        r"^received_at is a naive",
    ),
    (
        "clock calendar",
        lambda: ComplaintClock(calendar="china"),
        "china",
        InvalidTypeError,
        r"^calendar must be a WorkCalendar",
    ),
    (
        "clock closing",
        lambda: ComplaintClock(closing_time="17:30"),
        "17:30",
        CustrulesError,
        r"^closing_time must be a wall-clock datetime\.time",
    ),
    (
        "approvals none",
        lambda: Extension(total_working_days=5, approvals=[]),
        None,
        InvalidInputError,
        r"^an extension needs a recorded approval by the responsible leaders "
        r"\(CMP-1\): pass approvals=\[Approval\(approver=\.\.\., approved_at=\.\.\.\)\]$",
    ),
    (
        "approvals junk",
        lambda: Extension(total_working_days=5, approvals=5),
        5,
        InvalidTypeError,
        r"^approvals must be Approval records, got 5$",
    ),
    (
        "approval item",
        lambda: Extension(total_working_days=5, approvals=[OBJ]),
        OBJ,
        InvalidTypeError,
        r"^approvals must be Approval records, got <object",
    ),
    (
        "extension days",
        lambda: Extension(total_working_days=0, approvals=[ok_approval()]),
        0,
        InvalidInputError,
        r"^total_working_days must be at least 1, got 0$",
    ),
    (
        "extension type",
        lambda: Extension(total_working_days="5", approvals=[ok_approval()]),
        "5",
        InvalidTypeError,
        r"^total_working_days must be an int",
    ),
    (
        "channel",
        lambda: Complaint.record(
            received_at=T, customer="c", content="x", channel="fax", handler="h"
        ),
        "fax",
        UnknownLabelError,
        r"^unknown channel 'fax'",
    ),
    (
        "general extended",
        lambda: complaint_deadline(
            T, "general", extension=Extension(total_working_days=5, approvals=[ok_approval()])
        ),
        None,
        CustrulesError,
        r"policy \(CMP-1 extends major complaints\): reclassify it as Severity\.MAJOR first "
        r"\(on the command line: --severity major\)$",
    ),
    (
        "past the cap",
        lambda: complaint_deadline(
            T, "major", extension=Extension(total_working_days=8, approvals=[ok_approval()])
        ),
        8,
        CustrulesError,
        r"8",
    ),
]


@pytest.mark.parametrize(
    ("what", "call", "value", "error", "message"), CASES, ids=[c[0] for c in CASES]
)
def test_a_refusal_carries_the_value_and_names_the_field(
    what: str, call: Any, value: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as caught:
        call()
    if value is not None:
        assert caught.value.value == value or caught.value.value is value  # type: ignore[attr-defined]


def test_complaint_text_fields_name_themselves() -> None:
    c = Complaint.record(
        received_at=T, customer="c", content="x", channel=Channel.TELEPHONE, handler="h"
    ).classify(Severity.MAJOR, at=T, actor="h")
    c = c.investigate(at=T, actor="h")
    with pytest.raises(InvalidInputError, match=r"^responsible must not be empty") as caught:
        c.assign(at=T, actor="h", responsible=" ")
    assert caught.value.value == " "
    with pytest.raises(UnknownLabelError, match=r"^unknown step 'nap'"):
        c.done_at("nap")  # type: ignore[arg-type]
    assert c.done_at(Step.CLASSIFY) == T


def test_zones_written_z_and_short_fractions() -> None:
    assert parse_instant("2026-02-14T02:00z") == parse_instant("2026-02-14T10:00+08:00")
    assert parse_instant("2026-02-14T02:00Z").utcoffset() == dt.timedelta(0)
    assert parse_instant("2026-02-14T10:00:30.5+08:00").microsecond == 500_000
    assert parse_instant("2026-02-14T10:00:30.123456+08:00").microsecond == 123_456


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 29), 1, D(2026, 2, 28)),  # a day past 28 in a short month
        (D(2026, 1, 28), 1, D(2026, 2, 28)),
        (D(2000, 1, 31), 1, D(2000, 2, 29)),  # 2000: a leap year (divisible by 400)
        (D(2100, 1, 31), 1, D(2100, 2, 28)),  # 2100: not (divisible by 100)
        (D(2024, 1, 30), 1, D(2024, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 12, 31), 2, D(2027, 2, 28)),
    ],
)
def test_add_months_at_the_ends_of_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_the_policy_text_of_a_reassignment() -> None:
    c = Complaint.record(
        received_at=T, customer="c", content="x", channel=Channel.TELEPHONE, handler="h"
    )
    later = c.classify(Severity.GENERAL, at=T + dt.timedelta(hours=2), actor="h")
    with pytest.raises(CustrulesError, match="is earlier than the previous entry"):
        later.reassign(at=T + dt.timedelta(hours=1), to="i", authorised_by="m")
    moved = later.reassign(at=T + dt.timedelta(hours=3), to="i", authorised_by="m")
    assert moved.history[-1].at == T + dt.timedelta(hours=3)
    assert ComplaintPolicy().handled_at is Step.REPLY


def test_months() -> None:
    m = Month(2026, 11)
    assert (m + 2, m - 11, m + 0) == (Month(2027, 1), Month(2025, 12), m)
    assert Month.of(D(2026, 2, 14)) == Month(2026, 2)
    assert Month.parse("2026-03") == Month(2026, 3)
    assert Month.parse(" 2026-3 ") == Month(2026, 3)
    assert Month.parse(D(2024, 2, 29)) == Month(2024, 2)
    assert Month.parse(m) is m
    assert (Month(2024, 2).first_day, Month(2024, 2).last_day) == (D(2024, 2, 1), D(2024, 2, 29))
    assert Month(2026, 12).last_day == D(2026, 12, 31)
    assert str(Month(1900, 3)) == "1900-03"
    for year in (987, 1899, 2200):  # months live within custrules' dates too
        with pytest.raises(InvalidInputError, match="a month's year must be a year from 1900"):
            Month(year, 3)
    assert Month(2026, 1) < Month(2026, 2) < Month(2027, 1)
    assert not Month(2026, 2) < Month(2026, 2)
    assert Month(2026, 1).__lt__("2026-02") is NotImplemented
    with pytest.raises(InvalidInputError, match=r"^not a month: 2026-13 \(month must be 1-12\)$"):
        Month.parse("2026-13")
    with pytest.raises(InvalidInputError, match=r"^not a month: 'March' \(use YYYY-MM\)$"):
        Month.parse("March")
    with pytest.raises(InvalidTypeError, match="month"):
        Month.parse(202603)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidInputError, match=r"^not a month: 2026-00 \(month must be 1-12\)$"
    ) as caught:
        Month(2026, 0)
    assert caught.value.value == (2026, 0)
    with pytest.raises(
        InvalidInputError, match=r"^a month.s year must be a year from 1900 to 2199, got 10000$"
    ):
        Month(10000, 1)
    with pytest.raises(InvalidTypeError, match=r"^months must be an int"):
        m - 1.5  # type: ignore[operator]


# -- complaints: what passes through ----------------------------------------------------------


def _recorded() -> Complaint:
    return Complaint.record(
        received_at=T, customer="c", content="x", channel=Channel.TELEPHONE, handler="h"
    )


def test_complaint_fields_are_kept() -> None:
    c = _recorded()
    assert c.remarks == ""
    c = c.classify(Severity.MAJOR, at=T, actor="h", note="急")
    assert c.steps[-1].note == "急"
    c = c.investigate(at=T, actor="h").assign(at=T, actor="h", responsible="r", note="派")
    assert (c.responsible, c.steps[-1].note) == ("r", "派")
    with pytest.raises(InvalidTypeError, match=r"^proposal must be text, got int$") as caught:
        c.propose(at=T, actor="h", proposal=5)  # type: ignore[arg-type]
    assert caught.value.value == 5
    c = c.propose(at=T, actor="h", proposal="补送")
    assert c.proposal == "补送"
    moved = c.reassign(at=T, to="i", authorised_by="m", reason="休假")
    assert moved.history[-1].reason == "休假"  # type: ignore[union-attr]
    with pytest.raises(
        UnknownLabelError,
        match=r"use Severity\.GENERAL \(一般投诉, 'general'\) or Severity\.MAJOR \(较大事件投诉, "
        r"'major'\)$",
    ):
        Severity.parse("x")


def test_policy_and_extension_details() -> None:
    assert ComplaintPolicy(general_working_days=3, major_working_days=3).major_working_days == 3
    single = Extension(total_working_days=5, approvals=ok_approval())  # one approval, not a list
    assert len(single.approvals) == 1
    ext = Extension(total_working_days=5, approvals=[ok_approval()])
    with pytest.raises(CustrulesError, match=r"reclassify it as Severity\.MAJOR") as caught:
        complaint_deadline(T, "general", extension=ext)
    assert caught.value.value is ext  # type: ignore[attr-defined]
    late = Extension(
        total_working_days=5,
        approvals=[Approval(approver="王", approved_at=T + dt.timedelta(days=30))],
    )
    with pytest.raises(
        CustrulesError, match=r"extension must be approved in time \(CMP-1\)$"
    ) as c2:
        complaint_deadline(T, "major", extension=late)
    assert c2.value.value is late.approvals[0]  # type: ignore[attr-defined]


def test_status_at_the_very_receipt_and_its_instant() -> None:
    d = complaint_deadline(T, "general")
    s = d.status(T)
    assert (s.at, s.standing.value) == (T, "on_time")
    with pytest.raises(InvalidInputError, match=r"^at is a naive"):
        d.status(NAIVE)


def test_after_close_on_a_day_off_counts_from_the_next_working_day() -> None:
    from custrules import AfterClose, WorkCalendar

    conv = PeriodConvention(after_close=AfterClose.NEXT_WORKING_DAY)
    saturday = dt.datetime(2026, 3, 7, 10, 0, tzinfo=CHINA_TZ)
    cal = WorkCalendar.china()
    close = dt.time(17, 30)
    assert counting_day(saturday, cal, close, conv) == D(2026, 3, 9)
    friday_late = dt.datetime(2026, 3, 6, 18, 0, tzinfo=CHINA_TZ)
    assert counting_day(friday_late, cal, close, conv) == D(2026, 3, 9)
    assert counting_day(friday_late, cal, None, conv) == D(2026, 3, 6)  # no close: same day
    d = complaint_deadline(saturday, "general", closing_time=close, convention=conv)
    assert d.last_day == D(2026, 3, 10)
    clock = ComplaintClock(closing_time=close, convention=conv)
    assert clock.due_instants([saturday, friday_late], "general") == [
        clock.deadline(saturday, "general").due,
        clock.deadline(friday_late, "general").due,
    ]
    assert clock.due_instants([saturday], "general")[0] == dt.datetime(
        2026, 3, 10, 17, 30, tzinfo=CHINA_TZ
    )
    with pytest.raises(InvalidTypeError, match=r"^calendar must be a WorkCalendar, got None$"):
        counting_day(saturday, None, close, conv)


def test_end_instant_and_period_end_pass_their_arguments() -> None:
    assert end_instant(D(2026, 3, 2), None, dt.timezone.utc).isoformat() == (
        "2026-03-03T00:00:00+00:00"
    )
    assert end_instant(D(2026, 3, 2), dt.time(17, 30), CHINA_TZ).isoformat() == (
        "2026-03-02T17:30:00+08:00"
    )
    p = period_end(T, 2, "working_days", closing_time=dt.time(17, 30))
    assert p.closing_time == dt.time(17, 30)
    assert p.end == dt.datetime(2026, 3, 4, 17, 30, tzinfo=CHINA_TZ)
    with pytest.raises(InvalidInputError, match=r"^start is a naive"):
        period_end(NAIVE, 1, "days")


def test_a_deadline_built_by_hand_must_span_a_day_and_months_need_digits() -> None:
    from custrules import Deadline

    d = complaint_deadline(T, "general")
    with pytest.raises(InvalidInputError, match="counted_from < last_day"):
        Deadline(d.received_at, d.severity, d.last_day, d.last_day, d.clock, d.terms)
    with pytest.raises(InvalidInputError, match=r"^not a month: 'x-03' \(use YYYY-MM\)$"):
        Month.parse("x-03")
