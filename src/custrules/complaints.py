"""Customer complaints (客户投诉): deadlines, extensions, status and procedure.

Sources: the model regulations of 客户管理管理制度: 《油品调运分公司客户管理办法》
art. 11 and annex 2, 《石油公司化工品客户管理办法》 art. 12, and
《物业管理师物业管理实务试题·客户管理》 (single choice 9, multiple choice 5, case 5).

* CMP-1: a general complaint (一般投诉) is handled within 1 working day; a
  major one (较大事件投诉) within 3 in principle; in special cases, with the
  approval of the responsible leaders at each level, at most 7 in all.
* CMP-2: a general complaint is handled by the responsible department and
  approved by the supervising leader; a serious one (情节重点或严重) goes to
  the general manager's office meeting.  Marking it serious does not change
  its clock.
* CMP-3: record → classify → investigate → assign → propose → reply →
  follow-up visit → review, in that order.
* CMP-4: whoever accepts a complaint follows it up and replies to it
  (谁受理、谁跟进、谁回复), unless a reassignment is recorded.
* CMP-5: letter or suggestion box, in person or by delegate, online,
  telephone; a complaint through the media is already an escalation.
* CMP-6: the record holds time, customer, content, result, handler, remarks.

Decisions (where the regulations are silent), all fields of :class:`ComplaintPolicy`:

* "handled" means the customer has been told the result (the ``REPLY``
  step, 告知客户处理结果), not that the file is closed;
  ``ComplaintPolicy.handled_at`` can say ``REVIEW`` instead;
* only major complaints can be extended (a general complaint that needs
  longer is reclassified as major); an extension approved after the
  original deadline has passed is refused;
* status at an instant: overdue after ``due``; due today on the last day;
  otherwise on time (with the working days left).

>>> from datetime import datetime
>>> from custrules import CHINA_TZ
>>> d = complaint_deadline(datetime(2026, 9, 30, 16, 0, tzinfo=CHINA_TZ), Severity.MAJOR)
>>> d.last_day                         # Oct 8, Oct 9, then the make-up Saturday
datetime.date(2026, 10, 10)
>>> d.status(datetime(2026, 10, 9, 9, 0, tzinfo=CHINA_TZ)).standing
<Standing.ON_TIME: 'on_time'>
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_, Names, Sub, Term, lang_code, render, tr, translated
from custrules.calendar import (
    DayInfo,
    WorkCalendar,
    weekday_abbr,
    working_days_text,
    zone_label,
)
from custrules.errors import (
    ExtensionError,
    InvalidInputError,
    InvalidTypeError,
    TransitionError,
    UnknownLabelError,
)
from custrules.periods import (
    CIVIL_CODE,
    PeriodConvention,
    _counting_day,
    _end_instant,
    _not_before_start,
    _utc,
    local_date,
)

_NO_TIME = _dt.timedelta(0)


__all__ = [
    "Approval",
    "COMPLAINT_RULES",
    "Channel",
    "Complaint",
    "ComplaintClock",
    "ComplaintPolicy",
    "ComplaintTerms",
    "Deadline",
    "DeadlineStatus",
    "Escalation",
    "Extension",
    "Reassignment",
    "Severity",
    "Standing",
    "Step",
    "Transition",
    "complaint_deadline",
]


class Severity(str, enum.Enum):
    """CMP-1: how serious a complaint is, which sets its clock."""

    #: 一般投诉: 1 working day
    GENERAL = "general"
    #: 较大事件投诉: 3 working days in principle
    MAJOR = "major"

    @property
    def label(self) -> str:
        return "一般投诉" if self is Severity.GENERAL else "较大事件投诉"

    def describe(self, lang: str = "en") -> str:
        """``general complaint (一般投诉)`` in English, ``一般投诉`` in Chinese."""
        return tr(self.term, lang)

    @property
    def term(self) -> Term:
        """The severity in words, rendered in a message's language."""
        return Term(
            N_("general complaint (一般投诉)")
            if self is Severity.GENERAL
            else N_("major complaint (较大事件投诉)")
        )

    @classmethod
    def parse(cls, value: Any) -> Severity:
        """A Severity from a member, its value or its Chinese label."""
        if value.__class__ is Severity:
            return value
        exact = _SEVERITY_TEXT.get(value) if type(value) is str else None
        if exact is not None:
            return exact
        if isinstance(value, str) and len(value) <= _check.MAX_TEXT:
            key = _check.fold(value).lower()
            for member in cls:
                if key in (member.value, member.label, member.label[:2]):
                    return member
        raise UnknownLabelError.of(
            N_(
                "unknown complaint severity {value!r}: use Severity.GENERAL (一般投诉, "
                "'general') or Severity.MAJOR (较大事件投诉, 'major')"
            ),
            code="complaints.severity.parse.unknown_complaint",
            value=value,
        )


_GENERAL = Severity.GENERAL
#: the values and labels as written, for the common case (no folding needed)
_SEVERITY_TEXT = {
    text: member for member in Severity for text in (member.value, member.label, member.label[:2])
}


class Escalation(str, enum.Enum):
    """CMP-2: who decides the resolution."""

    #: the responsible department drafts it, the supervising leader approves
    DEPARTMENT = "department"
    #: a special session of the general manager's office meeting (经理办公会)
    MANAGEMENT_MEETING = "management_meeting"

    def label(self, lang: str = "en") -> str:
        """Who decides, in ``lang``."""
        if self is Escalation.DEPARTMENT:
            return tr(N_("department"), lang)
        return tr(N_("management meeting (经理办公会)"), lang)


class Channel(str, enum.Enum):
    """CMP-5: how a complaint arrived."""

    LETTER = "letter"  # 信函邮寄、投送意见箱
    IN_PERSON = "in_person"  # 个人亲临、委托他人
    ONLINE = "online"  # 通过网络投诉
    TELEPHONE = "telephone"  # 电话投诉
    MEDIA = "media"  # 请媒体刊登: not an ordinary channel, already an escalation

    @property
    def ordinary(self) -> bool:
        """False for the media: such a complaint is already escalated (CMP-5)."""
        return self is not Channel.MEDIA


def _to_channel(value: Any) -> Channel:
    """A Channel from itself, its value, its name or its label (errors list the choices)."""
    result: Channel = _check.member(Channel, value, "channel")
    return result


class Step(str, enum.Enum):
    """CMP-3: the steps of the handling procedure, in order."""

    RECORD = "record"  # 记录投诉内容
    CLASSIFY = "classify"  # 判定投诉性质
    INVESTIGATE = "investigate"  # 调查分析投诉原因
    ASSIGN = "assign"  # 确定处理责任人
    PROPOSE = "propose"  # 提出解决投诉的方案
    REPLY = "reply"  # 答复业主 (the customer)
    FOLLOW_UP = "follow_up"  # 回访
    REVIEW = "review"  # 总结评价

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]


def _to_step(value: Any) -> Step:
    """A Step from itself, its value, its name or its label (errors list the choices)."""
    result: Step = _check.member(Step, value, "step")
    return result


_STEP_LABELS = {
    Step.RECORD: "记录投诉内容",
    Step.CLASSIFY: "判定投诉性质",
    Step.INVESTIGATE: "调查分析投诉原因",
    Step.ASSIGN: "确定处理责任人",
    Step.PROPOSE: "提出解决投诉的方案",
    Step.REPLY: "答复客户",
    Step.FOLLOW_UP: "回访",
    Step.REVIEW: "总结评价",
}
_ORDER = tuple(Step)


class Standing(str, enum.Enum):
    """Where a deadline stands at an instant."""

    ON_TIME = "on_time"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"

    def label(self, lang: str = "en") -> str:
        """The standing in ``lang``."""
        return tr(_STANDING[self], lang)


_STANDING = {
    Standing.ON_TIME: N_("on time"),
    Standing.DUE_TODAY: N_("due today"),
    Standing.OVERDUE: N_("overdue"),
}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_("{what} must be text, got {a}"),
            code="complaints.text.text",
            value=value,
            what=what,
            a=type(value).__name__,
        )
    if not value.strip():
        raise InvalidInputError.of(
            N_("{what} must not be empty"),
            code="complaints.text.not_empty",
            value=value,
            what=what,
        )
    return value


def _severities(value: Iterable[Severity | str]) -> frozenset[Severity]:
    return frozenset(Severity.parse(s) for s in _check.items(value, "extendable"))


def _positive(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    _check.integer(value, attribute.name)
    if value < 1:
        raise InvalidInputError.of(
            N_("{name} must be at least 1, got {value}"),
            code="complaints.positive.least",
            value=value,
            name=attribute.name,
        )


@attrs.frozen(kw_only=True)
class ComplaintPolicy:
    """CMP-1 and the module's decisions as data; :data:`COMPLAINT_RULES` is the regulation's."""

    general_working_days: int = attrs.field(default=1, validator=_positive)
    major_working_days: int = attrs.field(default=3, validator=_positive)
    #: the most an approved extension may reach, in working days from receipt
    max_working_days: int = attrs.field(default=7, validator=_positive)
    #: severities that may be extended (the regulations extend major complaints only)
    extendable: frozenset[Severity] = attrs.field(
        default=frozenset({Severity.MAJOR}), converter=_severities
    )
    #: how many approvals an extension needs ("各级主管领导": one per level)
    approvals_required: int = attrs.field(default=1, validator=_positive)
    #: refuse an extension approved after the original deadline had passed
    approval_before_original_due: bool = attrs.field(default=True, validator=_check.flag)
    #: the step that counts as "handled" for the deadline
    handled_at: Step = attrs.field(default=Step.REPLY, converter=_to_step)

    def __attrs_post_init__(self) -> None:
        if not (self.general_working_days <= self.major_working_days <= self.max_working_days):
            raise InvalidInputError.of(
                N_(
                    "a complaint policy needs general <= major <= max working days, got "
                    "{general_working_days}, {major_working_days}, {max_working_days}"
                ),
                code="complaints.complaintpolicy.complaint_policy",
                value=(self.general_working_days, self.major_working_days, self.max_working_days),
                general_working_days=self.general_working_days,
                major_working_days=self.major_working_days,
                max_working_days=self.max_working_days,
            )

    def working_days(self, severity: Severity) -> int:
        return (
            self.general_working_days if severity is Severity.GENERAL else self.major_working_days
        )


#: CMP-1 as the regulations give it: 1, 3, at most 7 with approval.
COMPLAINT_RULES = ComplaintPolicy()


@attrs.frozen(kw_only=True)
class Approval:
    """One leader's recorded approval of an extension (CMP-1)."""

    approver: str = attrs.field(validator=_check.nonempty)
    approved_at: _dt.datetime = attrs.field(validator=_check.aware_attr)
    #: the approver's level, e.g. 部门主任, 分管领导
    level: str = attrs.field(default="", validator=_check.free_text)


def _approvals(value: Any) -> tuple[Approval, ...]:
    if isinstance(value, Approval):
        value = (value,)
    if not isinstance(value, Iterable) or isinstance(value, (str, bytes)):
        raise InvalidTypeError.of(
            N_("approvals must be Approval records, got {value!r}"),
            code="complaints.approvals.approvals_approval_records.1",
            value=value,
        )
    items = tuple(value)
    for item in items:
        if not isinstance(item, Approval):
            raise InvalidTypeError.of(
                N_("approvals must be Approval records, got {item!r}"),
                code="complaints.approvals.approvals_approval_records.3",
                value=item,
                item=item,
            )
    if not items:
        raise ExtensionError.of(
            N_(
                "an extension needs a recorded approval by the responsible leaders "
                "(CMP-1): pass approvals=[Approval(approver=..., approved_at=...)]"
            ),
            code="complaints.approvals.extension_needs_recorded_approval_responsible_leaders_pass_approvals.2",
            value=value,
        )
    return items


@attrs.frozen(kw_only=True)
class Extension:
    """An approved extension: the new total period, in working days from receipt."""

    total_working_days: int = attrs.field(validator=_positive)
    approvals: tuple[Approval, ...] = attrs.field(converter=_approvals)
    reason: str = attrs.field(default="", validator=_check.free_text)

    @property
    def approved_by(self) -> tuple[str, ...]:
        return tuple(a.approver for a in self.approvals)


@attrs.frozen(kw_only=True)
class DeadlineStatus:
    """A deadline seen at one instant."""

    at: _dt.datetime
    standing: Standing
    #: working days after today up to the last day (0 on the last day,
    #: negative once past it)
    working_days_left: int
    #: due - at (negative when overdue)
    time_left: _dt.timedelta


@attrs.frozen(kw_only=True)
class ComplaintTerms:
    """What is particular to one complaint's clock: an extension, escalation flags."""

    extension: Extension | None = attrs.field(
        default=None, validator=_check.instance_of(Extension, optional=True)
    )
    #: marked serious enough for the management meeting (CMP-2)
    serious: bool = attrs.field(default=False, validator=_check.flag)
    #: the complaint came through the media: already escalated (CMP-5)
    via_media: bool = attrs.field(default=False, validator=_check.flag)


_PLAIN = ComplaintTerms()


@attrs.frozen
class Deadline:
    """When a complaint must be handled (CMP-1, CAL-6), and why.

    Made by :func:`complaint_deadline` or :meth:`ComplaintClock.deadline`.
    """

    received_at: _dt.datetime
    severity: Severity
    #: the day counting starts after: the receipt day in China's zone
    #: (unless the clock's convention moved it)
    counted_from: _dt.date
    #: the last day of the period
    last_day: _dt.date
    #: the calendar, closing time and policy that produced it
    clock: ComplaintClock = attrs.field(repr=False)
    #: the extension and escalation flags of this complaint
    terms: ComplaintTerms = attrs.field(factory=lambda: _PLAIN)

    def __attrs_post_init__(self) -> None:
        # One cheap check of the whole record (this type is built a million
        # times in batch jobs); the public constructors check their inputs.
        if (
            type(self.received_at) is not _dt.datetime
            or self.received_at.tzinfo is None
            or self.severity.__class__ is not Severity
            or type(self.clock) is not ComplaintClock
            or type(self.terms) is not ComplaintTerms
            or not self.counted_from < self.last_day
        ):
            raise InvalidInputError.of(
                N_(
                    "a Deadline needs an aware received_at, a Severity, a ComplaintClock "
                    "and counted_from < last_day; build it with complaint_deadline()"
                ),
                code="complaints.deadline.deadline_needs",
                value=self,
            )

    @property
    def calendar(self) -> WorkCalendar:
        return self.clock.calendar

    @property
    def extension(self) -> Extension | None:
        return self.terms.extension

    @property
    def serious(self) -> bool:
        """Marked serious enough for the management meeting (CMP-2)."""
        return self.terms.serious

    @property
    def via_media(self) -> bool:
        """The complaint came through the media: already escalated (CMP-5)."""
        return self.terms.via_media

    @property
    def closing_time(self) -> _dt.time | None:
        return self.clock.closing_time

    @property
    def working_days(self) -> int:
        """The period's length: the severity's, or the extension's total."""
        if self.extension is not None:
            return self.extension.total_working_days
        return self.clock.policy.working_days(self.severity)

    @property
    def received_day(self) -> _dt.date:
        """The day the receipt instant falls on in the calendar's zone."""
        return self.received_at.astimezone(self.clock.calendar.require_zone()).date()

    @property
    def due(self) -> _dt.datetime:
        """The instant the period ends: close of business, else 24:00 of last_day."""
        return _end_instant(
            self.last_day, self.clock.closing_time, self.clock.calendar.require_zone()
        )

    @property
    def estimated(self) -> bool:
        """True when a day past the calendar's official schedule was used (CAL-2)."""
        return self.clock.calendar.is_estimated(self.last_day)

    @property
    def extended(self) -> bool:
        return self.extension is not None

    @property
    def extended_by(self) -> tuple[str, ...]:
        """Who approved the extension (empty when not extended)."""
        return () if self.extension is None else self.extension.approved_by

    @property
    def escalation(self) -> Escalation:
        """CMP-2 (and CMP-5): who decides the resolution."""
        if self.serious or self.via_media:
            return Escalation.MANAGEMENT_MEETING
        return Escalation.DEPARTMENT

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule IDs that produced this deadline."""
        rules = ["CMP-1", "CAL-5", "CAL-6"]
        if self.serious:
            rules.append("CMP-2")
        if self.via_media:
            rules.append("CMP-5")
        if self.estimated:
            rules.append("CAL-2")
        return tuple(rules)

    def skipped_days(self) -> tuple[DayInfo, ...]:
        """The days off skipped and the make-up days counted, receipt to last day."""
        return self.clock.calendar.special_days(self.counted_from, self.last_day)

    def status(self, at: _dt.datetime) -> DeadlineStatus:
        """On time, due today or overdue at the instant ``at``."""
        _check.aware(at, "at")
        if _utc(at) < _utc(self.received_at):
            raise InvalidInputError.of(
                N_("at ({a}) is before the complaint was received ({a2})"),
                code="complaints.deadline.status.before_complaint",
                value=at,
                a=at.isoformat(),
                a2=self.received_at.isoformat(),
            )
        today = local_date(at, self.clock.calendar.require_zone())
        due = self.due
        time_left = _utc(due) - _utc(at)
        if time_left < _NO_TIME:
            standing = Standing.OVERDUE
        elif today >= self.last_day:
            standing = Standing.DUE_TODAY
        else:
            standing = Standing.ON_TIME
        return DeadlineStatus(
            at=at,
            standing=standing,
            working_days_left=self.clock.calendar.working_days_between(today, self.last_day),
            time_left=time_left,
        )

    def explain(self, lang: str = "en", *, at: _dt.datetime | None = None) -> str:
        """The deadline's reasoning, as the command line prints it, in ``lang``
        (``"en"`` or ``"zh"``); with ``at``, where it stands at that instant.

        >>> from datetime import datetime
        >>> from custrules import CHINA_TZ, complaint_deadline
        >>> d = complaint_deadline(datetime(2026, 2, 13, 10, tzinfo=CHINA_TZ), "general")
        >>> d.explain("zh").splitlines()[:3]
        ['一般投诉，收到于 2026-02-13 10:00 周五（北京时间）',
         '最后一天：2026-02-14 周六（1 个工作日；收到当日不计入）',
         '期限届满：2026-02-15T00:00:00+08:00（最后一天的 24:00）']
        """
        lang = lang_code(lang)
        status = None if at is None else self.status(at)
        zone = self.clock.calendar.require_zone()
        local = self.received_at.astimezone(zone)
        counted = (
            tr(N_("the receipt day is not counted"), lang)
            if self.counted_from == self.received_day
            else translated(
                N_("counted from the day after {}"), lang, self.counted_from.isoformat()
            )
        )
        mark = tr(N_(" [estimate]"), lang) if self.estimated else ""
        end = (
            N_("close of business")
            if self.closing_time is not None
            else N_("24:00 of the last day")
        )
        lines = [
            translated(
                N_("{} received {} {} ({})"),
                lang,
                self.severity.describe(lang),
                f"{local:%Y-%m-%d %H:%M}",
                weekday_abbr(local.date(), lang),
                zone_label(self.clock.calendar.zone, lang),
            ),
            translated(
                N_("last day: {} {} ({}; {}){}"),
                lang,
                self.last_day.isoformat(),
                weekday_abbr(self.last_day, lang),
                working_days_text(self.working_days, lang),
                counted,
                mark,
            ),
            translated(N_("due:      {} ({})"), lang, self.due.isoformat(), tr(end, lang)),
        ]
        if self.extended:
            lines.append(
                translated(
                    N_("extended to {}, approved by {}"),
                    lang,
                    working_days_text(self.working_days, lang),
                    tr(N_(", "), lang).join(self.extended_by),
                )
            )
        lines.append(translated(N_("handled by: {}"), lang, self.escalation.label(lang)))
        if status is not None:
            lines.append(
                translated(
                    N_("at {}: {}, {} left"),
                    lang,
                    status.at.isoformat(),
                    status.standing.label(lang),
                    working_days_text(status.working_days_left, lang),
                )
            )
        skipped = self.skipped_days()
        if skipped:
            lines.append(tr(N_("days off skipped and make-up days counted:"), lang))
            lines.extend(f"  {info.explain(lang)}" for info in skipped)
        lines.append(render(N_("rules: {}"), (Names(self.rules),), lang))
        return "\n".join(lines)


def _check_extension(
    extension: Any, severity: Severity, received_at: _dt.datetime, policy: ComplaintPolicy
) -> Extension:
    if not isinstance(extension, Extension):
        raise InvalidTypeError.of(
            N_("extension must be an Extension, got {extension!r}"),
            code="complaints.check_extension.extension_extension",
            value=extension,
            extension=extension,
        )
    if severity not in policy.extendable:
        raise ExtensionError.of(
            N_(
                "a {severity} cannot be extended under this policy "
                "(CMP-1 extends major complaints): reclassify it as Severity.MAJOR first "
                "(on the command line: --severity major)"
            ),
            code="complaints.check_extension.complaint_cannot_extended_under",
            value=extension,
            severity=severity.term,
        )
    total, base = extension.total_working_days, policy.working_days(severity)
    if total > policy.max_working_days:
        raise ExtensionError.of(
            N_(
                "an extension to {total} working days is past the cap of "
                "{max_working_days} working days in all (CMP-1)"
            ),
            code="complaints.check_extension.extension_working_days_past",
            value=total,
            total=total,
            max_working_days=policy.max_working_days,
        )
    if total <= base:
        raise ExtensionError.of(
            N_(
                "an extension to {total} working days does not extend the {base} working "
                "days of a {severity}"
            ),
            code="complaints.check_extension.extension_working_days_does",
            value=total,
            total=total,
            base=base,
            severity=severity.term,
        )
    if len(extension.approvals) < policy.approvals_required:
        raise ExtensionError.of(
            N_(
                "this policy needs {approvals_required} approvals (one per level) for an "
                "extension, got {a}"
            ),
            code="complaints.check_extension.policy_needs_approvals_extension",
            value=extension,
            approvals_required=policy.approvals_required,
            a=len(extension.approvals),
        )
    distinct = _levels_approved(extension.approvals, policy.approvals_required)
    if distinct < policy.approvals_required:
        raise ExtensionError.of(
            N_(
                "this policy needs {approvals_required} approvals (one per level) for an "
                "extension: the {a} recorded hold only {b} by different leaders at different "
                "levels (an approver or a level recorded twice counts once)"
            ),
            code="complaints.check_extension.approvals_not_distinct",
            value=extension,
            approvals_required=policy.approvals_required,
            a=len(extension.approvals),
            b=distinct,
        )
    for approval in extension.approvals:
        if _utc(approval.approved_at) < _utc(received_at):
            raise ExtensionError.of(
                N_(
                    "{approver}'s approval ({a}) is dated before the complaint was received ({a2})"
                ),
                code="complaints.check_extension.s_approval_dated_before",
                value=approval,
                approver=approval.approver,
                a=approval.approved_at.isoformat(),
                a2=received_at.isoformat(),
            )
    return extension


def _levels_approved(approvals: tuple[Approval, ...], enough: int) -> int:
    """How many of ``approvals`` are by different leaders at different levels (CMP-1: 各级
    主管领导, one per level), up to ``enough``: the largest such set, where an approval
    with no level recorded is a level of its own.  A bipartite matching of leaders to
    levels, grown by augmenting paths found breadth first (no recursion), so a leader
    recorded at two levels, or two leaders at one, count once.  A level a failed
    search reached leads nowhere until the matching grows, so the work is at most
    ``enough`` times the approvals."""
    levels: dict[str, list[object]] = {}
    for a in approvals:
        mine = levels.setdefault(a.approver, [])
        level: object = a.level or ("", a.approver)
        if level not in mine:
            mine.append(level)
    held: dict[object, str] = {}  # level -> the leader matched to it
    holds: dict[str, object] = {}  # leader -> the level matched to them
    dead: set[object] = set()
    for start in levels:
        if len(holds) >= enough:
            break
        came: dict[object, str] = {}  # level -> the leader the search reached it from
        frontier, free = [start], None
        while frontier and free is None:
            reached: list[str] = []
            for leader in frontier:
                for level in levels[leader]:
                    if level in came or level in dead:
                        continue
                    came[level] = leader
                    if level not in held:
                        free = level
                        break
                    reached.append(held[level])
                if free is not None:
                    break
            frontier = reached
        if free is None:
            dead.update(came)
        else:
            dead.clear()
        while free is not None:  # flip the path back to ``start``
            leader = came[free]
            before = holds.get(leader)
            held[free], holds[leader] = leader, free
            free = None if leader == start else before
    return len(holds)


def _calendar(value: Any) -> WorkCalendar:
    if value is None:
        return WorkCalendar.china()
    if not isinstance(value, WorkCalendar):
        raise InvalidTypeError.of(
            N_("calendar must be a WorkCalendar, got {value!r}"),
            code="complaints.calendar.calendar_workcalendar",
            value=value,
        )
    return value


def _closing_time(value: Any) -> _dt.time | None:
    if value is not None and (type(value) is not _dt.time or value.tzinfo is not None):
        raise InvalidInputError.of(
            N_(
                "closing_time must be a wall-clock datetime.time without a zone, e.g. "
                "time(17, 30), got {value!r}"
            ),
            code="complaints.closing_time.closing_time_wall",
            value=value,
        )
    return value


@attrs.frozen(kw_only=True)
class ComplaintClock:
    """What every deadline of one host shares: calendar, closing time, policy.

    Build one and call :meth:`deadline` for each complaint (batch jobs do
    this); :func:`complaint_deadline` is the one-call form.
    """

    #: default: China's official calendar
    calendar: WorkCalendar = attrs.field(default=None, converter=_calendar)
    #: close of business (a wall-clock time), or None for 24:00
    closing_time: _dt.time | None = attrs.field(default=None, converter=_closing_time)
    policy: ComplaintPolicy = attrs.field(
        default=COMPLAINT_RULES, validator=_check.instance_of(ComplaintPolicy)
    )
    convention: PeriodConvention = attrs.field(
        default=CIVIL_CODE, validator=_check.instance_of(PeriodConvention)
    )

    def deadline(
        self,
        received_at: _dt.datetime,
        severity: Severity | str,
        *,
        extension: Extension | None = None,
        serious: bool = False,
        via_media: bool = False,
    ) -> Deadline:
        """The deadline of a complaint received at ``received_at`` (CMP-1, CAL-6)."""
        if type(serious) is not bool or type(via_media) is not bool:
            _check.boolean(serious, "serious")
            _check.boolean(via_media, "via_media")
        if type(received_at) is not _dt.datetime or received_at.tzinfo is None:
            _check.aware(received_at, "received_at")
        if severity.__class__ is not Severity:
            severity = Severity.parse(severity)
        policy = self.policy
        cal = self.calendar
        zone = cal.require_zone()
        n = policy.general_working_days if severity is _GENERAL else policy.major_working_days
        if extension is not None:
            n = _check_extension(extension, severity, received_at, policy).total_working_days
        convention = self.convention
        if convention is CIVIL_CODE or convention == CIVIL_CODE:
            counted_from = received_at.astimezone(zone).date()  # CAL-5 art. 201
        else:
            counted_from = _counting_day(
                received_at.astimezone(zone), cal, self.closing_time, convention
            )
        last_day = cal.add_working_days(counted_from, n)
        if convention.count_start_day and self.closing_time is not None:
            _not_before_start(received_at, _end_instant(last_day, self.closing_time, zone))
        if extension is not None and policy.approval_before_original_due:
            original = _end_instant(
                cal.add_working_days(counted_from, policy.working_days(severity)),
                self.closing_time,
                zone,
            )
            late = [a for a in extension.approvals if _utc(a.approved_at) > _utc(original)]
            if late:
                raise ExtensionError.of(
                    N_(
                        "{a}'s approval ({a2}) came after the original deadline ({a3}) "
                        "had passed: an extension must be approved in time (CMP-1)"
                    ),
                    code="complaints.complaintclock.deadline.s_approval",
                    value=late[0],
                    a=late[0].approver,
                    a2=late[0].approved_at.isoformat(),
                    a3=original.isoformat(),
                )
        if extension is None and serious is False and via_media is False:
            return Deadline(received_at, severity, counted_from, last_day, self, _PLAIN)
        terms = ComplaintTerms(extension=extension, serious=serious, via_media=via_media)
        return Deadline(received_at, severity, counted_from, last_day, self, terms)

    def deadlines_array(self, received_utc: Any, severity: Any) -> tuple[Any, Any]:
        """Complaint deadlines for whole arrays (the numpy extra): receipt instants as a
        ``datetime64`` array in UTC and a severity (text or Severity, or an array of
        them) in; the last days (``datetime64[D]``) and the due instants
        (``datetime64[s]``, UTC) out, by the same CAL-6 rules as :meth:`deadline`.
        ``NaT`` stays ``NaT``.

        >>> import numpy as np
        >>> clock = ComplaintClock(closing_time=_dt.time(17, 30))
        >>> received = np.array(["2026-09-30T08:00"], "datetime64[s]")  # 16:00 in Beijing
        >>> last, due = clock.deadlines_array(received, "major")
        >>> str(last[0]), str(due[0])                  # Oct 8, Oct 9, Saturday Oct 10
        ('2026-10-10', '2026-10-10T09:30:00')
        """
        from custrules.calendar import _arrays_module

        result: tuple[Any, Any] = _arrays_module().complaint_deadlines_array(
            self, received_utc, severity
        )
        return result

    def due_instants(
        self, received: Iterable[_dt.datetime], severity: Severity | str
    ) -> list[_dt.datetime]:
        """Only the ``due`` instants of many complaints of one severity.

        For reports over millions of complaints: the same answers as
        ``[self.deadline(r, severity).due for r in received]`` without
        building the Deadline records.  No extensions here.
        """
        severity = Severity.parse(severity)
        n = self.policy.working_days(severity)
        cal, closing, convention = self.calendar, self.closing_time, self.convention
        zone = cal.require_zone()
        add = cal.add_working_days
        out: list[_dt.datetime] = []
        append = out.append
        civil = convention is CIVIL_CODE or convention == CIVIL_CODE
        early = convention.count_start_day and closing is not None  # (may end before receipt)
        for instant in _check.iterable(received, "received"):
            if type(instant) is not _dt.datetime or instant.tzinfo is None:
                _check.aware(instant, "received_at")
            local = instant.astimezone(zone)
            day = local.date() if civil else _counting_day(local, cal, closing, convention)
            due = _end_instant(add(day, n), closing, zone)
            append(_not_before_start(instant, due) if early else due)
        return out


@functools.cache
def _china_clock() -> ComplaintClock:
    # A memoised constant: the default clock on China's official calendar.
    return ComplaintClock()


def complaint_deadline(
    received_at: _dt.datetime,
    severity: Severity | str,
    *,
    calendar: WorkCalendar | None = None,
    closing_time: _dt.time | None = None,
    extension: Extension | None = None,
    serious: bool = False,
    via_media: bool = False,
    policy: ComplaintPolicy = COMPLAINT_RULES,
    convention: PeriodConvention = CIVIL_CODE,
) -> Deadline:
    """The deadline of a complaint received at ``received_at`` (CMP-1, CAL-6).

    The receipt instant is read in China's zone; the receipt day is not
    counted; the last day is the N-th working day after it; the period ends
    at ``closing_time`` on that day if given, else at 24:00.  ``serious``
    (CMP-2) and ``via_media`` (CMP-5) change who decides, not the clock.
    Past the calendar's horizon it raises ``CalendarHorizonError``; on an
    estimating calendar the deadline says ``estimated``.
    """
    _check.boolean(serious, "serious")
    _check.boolean(via_media, "via_media")
    if (
        calendar is None
        and closing_time is None
        and policy is COMPLAINT_RULES
        and convention is CIVIL_CODE
    ):
        clock = _china_clock()
    else:
        clock = ComplaintClock(
            calendar=calendar, closing_time=closing_time, policy=policy, convention=convention
        )
    return clock.deadline(
        received_at, severity, extension=extension, serious=serious, via_media=via_media
    )


# -- the procedure (CMP-3, CMP-4, CMP-6) ---------------------------------------


@attrs.frozen(kw_only=True)
class Transition:
    """One step of the procedure, done at an instant by an actor."""

    step: Step = attrs.field(converter=_to_step)
    at: _dt.datetime = attrs.field(validator=_check.aware_attr)
    actor: str = attrs.field(validator=_check.nonempty)
    note: str = attrs.field(default="", validator=_check.free_text)


@attrs.frozen(kw_only=True)
class Reassignment:
    """A recorded change of handler (the exception to CMP-4)."""

    at: _dt.datetime = attrs.field(validator=_check.aware_attr)
    from_handler: str = attrs.field(validator=_check.nonempty)
    to_handler: str = attrs.field(validator=_check.nonempty)
    authorised_by: str = attrs.field(validator=_check.nonempty)
    reason: str = attrs.field(default="", validator=_check.free_text)


Event = Transition | Reassignment


def _history(value: Any) -> tuple[Event, ...]:
    return _check.items_of((Transition, Reassignment), value, "history")


def _optional_severity(value: Any) -> Severity | None:
    return None if value is None else Severity.parse(value)


def _next_text(done: int) -> Sub | Term:
    """The step after ``done`` steps, in the message's language (nothing once reviewed)."""
    if done >= len(_ORDER):
        return Term(N_("nothing (it has been reviewed)"))
    nxt = _ORDER[done]
    return Sub((N_("{} ({})"), (nxt.value, nxt.label)))


def _check_step(t: Transition, done: int, handler: str, last: _dt.datetime) -> None:
    """CMP-3 and CMP-4: ``t`` may follow ``done`` steps, the last entry at ``last``, with
    ``handler`` handling the complaint."""
    step = t.step
    if done >= len(_ORDER) or step is not _ORDER[done]:
        if _ORDER.index(step) < done:
            raise TransitionError.of(
                N_(
                    "step {shown} ({label}) was already done; the procedure (CMP-3) "
                    "does not repeat steps; next is {a}"
                ),
                code="complaints.complaint.advance.step_was",
                value=step,
                shown=step.value,
                label=step.label,
                a=_next_text(done),
            )
        raise TransitionError.of(
            N_("step {shown} ({label}) is out of order: the procedure (CMP-3) needs {a} next"),
            code="complaints.complaint.advance.step_out",
            value=step,
            shown=step.value,
            label=step.label,
            a=_next_text(done),
        )
    if _utc(t.at) < _utc(last):
        if done == 0:
            raise TransitionError.of(
                N_("the complaint cannot be recorded ({a}) before it was received ({a2})"),
                code="complaints.complaint.record.complaint_cannot",
                value=t.at,
                a=t.at.isoformat(),
                a2=last.isoformat(),
            )
        raise TransitionError.of(
            N_("step {shown} at {a} is earlier than the previous entry ({a2})"),
            code="complaints.complaint.advance.step_earlier",
            value=t.at,
            shown=step.value,
            a=t.at.isoformat(),
            a2=last.isoformat(),
        )
    if step in (Step.REPLY, Step.FOLLOW_UP) and t.actor != handler:
        raise TransitionError.of(
            N_(
                "{actor} cannot {shown}: whoever accepts a complaint follows it up "
                "and replies (CMP-4), here {current_handler}; record a reassignment "
                "first"
            ),
            code="complaints.complaint.advance.cannot_whoever",
            value=t.actor,
            actor=t.actor,
            shown=step.value,
            current_handler=handler,
        )


def _check_reassignment(event: Reassignment, done: int, handler: str, last: _dt.datetime) -> None:
    """CMP-4's exception: ``event`` may follow ``done`` steps, the last entry at ``last``,
    with ``handler`` handling the complaint."""
    if event.to_handler == event.from_handler:
        raise TransitionError.of(
            N_("{to_handler} already handles this complaint"),
            code="complaints.complaint.reassign.already_handles",
            value=event.to_handler,
            to_handler=event.to_handler,
        )
    if event.from_handler != handler:
        raise TransitionError.of(
            N_(
                "the reassignment at {a} is from {from_handler}, but {handler} handles the "
                "complaint then (CMP-4)"
            ),
            code="complaints.complaint.reassign.not_the_handler",
            value=event,
            a=event.at.isoformat(),
            from_handler=event.from_handler,
            handler=handler,
        )
    if done >= len(_ORDER):
        raise TransitionError.of(
            N_("a reviewed complaint cannot be reassigned"),
            code="complaints.complaint.reassign.reviewed_complaint",
            value=event,
        )
    if _utc(event.at) < _utc(last):
        raise TransitionError.of(
            N_("the reassignment at {a} is earlier than the previous entry ({a2})"),
            code="complaints.complaint.reassign.reassignment_earlier",
            value=event.at,
            a=event.at.isoformat(),
            a2=last.isoformat(),
        )


def _check_history(complaint: Complaint) -> None:
    """A complaint's history, entry by entry: the steps in the procedure's order
    (CMP-3), at non-decreasing instants from receipt, the reply and the follow-up
    visit by the handler then, and each reassignment from that handler (CMP-4)."""
    handler, last, done = complaint.handler, complaint.received_at, 0
    for event in complaint.history:
        if isinstance(event, Transition):
            _check_step(event, done, handler, last)
            done += 1
        else:
            _check_reassignment(event, done, handler, last)
            handler = event.to_handler
        last = event.at
    for step, field in _STEP_FIELDS:
        if done > _ORDER.index(step) and getattr(complaint, field) is None:
            raise TransitionError.of(
                N_(
                    "the history holds step {shown} ({label}) but the complaint has no "
                    "{field}: give the {field} that step recorded"
                ),
                code="complaints.complaint.history.step_without_field",
                value=complaint,
                shown=step.value,
                label=step.label,
                field=field,
            )


#: what each step records on the complaint (a history holding the step needs it)
_STEP_FIELDS = (
    (Step.CLASSIFY, "severity"),
    (Step.ASSIGN, "responsible"),
    (Step.PROPOSE, "proposal"),
    (Step.REPLY, "result"),
)


@attrs.frozen(kw_only=True)
class Complaint:
    """A complaint record (CMP-6) and its history through the procedure (CMP-3).

    Build one with :meth:`record`; each step returns a new record.  Steps
    must come in order, at non-decreasing times; the reply and the follow-up
    visit are by the handler who accepted it, unless a reassignment is
    recorded (CMP-4).  A complaint built directly from a host's records
    (``Complaint(..., history=...)``) is held to the same rules.
    """

    received_at: _dt.datetime = attrs.field(validator=_check.aware_attr)
    customer: str = attrs.field(validator=_check.nonempty)
    content: str = attrs.field(validator=_check.nonempty)
    channel: Channel = attrs.field(converter=_to_channel)
    #: 经办人: who accepted the complaint (CMP-4)
    handler: str = attrs.field(validator=_check.nonempty)
    remarks: str = attrs.field(default="", validator=_check.free_text)
    severity: Severity | None = attrs.field(default=None, converter=_optional_severity)
    serious: bool = attrs.field(default=False, validator=_check.flag)
    #: 确定处理责任人: who is responsible for the remedy (set at ASSIGN)
    responsible: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    proposal: str | None = attrs.field(default=None, validator=_check.optional_free_text)
    #: 处理结果 (set at REPLY)
    result: str | None = attrs.field(default=None, validator=_check.optional_free_text)
    history: tuple[Event, ...] = attrs.field(default=(), converter=_history)

    def __attrs_post_init__(self) -> None:
        _check_history(self)

    @classmethod
    def record(
        cls,
        *,
        received_at: _dt.datetime,
        customer: str,
        content: str,
        channel: Channel | str,
        handler: str,
        remarks: str = "",
        at: _dt.datetime | None = None,
    ) -> Complaint:
        """Record a complaint (step 1): the handler accepts it."""
        complaint = cls(
            received_at=received_at,
            customer=customer,
            content=content,
            channel=channel,
            handler=handler,
            remarks=remarks,
        )
        first = Transition(step=Step.RECORD, at=received_at if at is None else at, actor=handler)
        return attrs.evolve(complaint, history=(first,))

    # -- where it stands --------------------------------------------------

    @property
    def steps(self) -> tuple[Transition, ...]:
        return tuple(e for e in self.history if isinstance(e, Transition))

    @property
    def step(self) -> Step | None:
        """The last step done."""
        steps = self.steps
        return steps[-1].step if steps else None

    @property
    def next_step(self) -> Step | None:
        """The step that must come next (None once reviewed)."""
        done = len(self.steps)
        return _ORDER[done] if done < len(_ORDER) else None

    @property
    def current_handler(self) -> str:
        """The handler, after any recorded reassignment (CMP-4)."""
        handler = self.handler
        for event in self.history:
            if isinstance(event, Reassignment):
                handler = event.to_handler
        return handler

    @property
    def escalated(self) -> bool:
        """Already escalated: through the media (CMP-5) or marked serious (CMP-2)."""
        return self.channel is Channel.MEDIA or self.serious

    @property
    def escalation(self) -> Escalation:
        return Escalation.MANAGEMENT_MEETING if self.escalated else Escalation.DEPARTMENT

    def done_at(self, step: Step) -> _dt.datetime | None:
        """When ``step`` was done (None if not yet)."""
        step = _to_step(step)
        for t in self.steps:
            if t.step is step:
                return t.at
        return None

    # -- the steps ------------------------------------------------------------

    def _advance(
        self, step: Step, at: _dt.datetime, actor: str, note: str, **changes: Any
    ) -> Complaint:
        """This complaint with ``step`` done, checked against the history as it stands."""
        transition = Transition(step=step, at=at, actor=actor, note=note)
        last = self.history[-1].at if self.history else self.received_at
        _check_step(transition, len(self.steps), self.current_handler, last)
        return self._with(transition, changes)

    def _with(self, event: Event, changes: dict[str, Any]) -> Complaint:
        """This complaint with ``event`` added, checked by the caller against the history
        before it, and ``changes`` to other fields, already checked: the constructor's
        walk of the whole history is not repeated at every step."""
        new: Complaint = object.__new__(Complaint)
        for field in attrs.fields(Complaint):
            object.__setattr__(new, field.name, changes.get(field.name, getattr(self, field.name)))
        object.__setattr__(new, "history", (*self.history, event))
        return new

    def classify(
        self,
        severity: Severity | str,
        *,
        at: _dt.datetime,
        actor: str,
        serious: bool = False,
        note: str = "",
    ) -> Complaint:
        """Determine the complaint's nature (step 2, CMP-1/CMP-2)."""
        _check.boolean(serious, "serious")
        kind = Severity.parse(severity)
        return self._advance(Step.CLASSIFY, at, actor, note, severity=kind, serious=serious)

    def investigate(self, *, at: _dt.datetime, actor: str, note: str = "") -> Complaint:
        """Investigate the cause (step 3)."""
        return self._advance(Step.INVESTIGATE, at, actor, note)

    def assign(
        self, *, at: _dt.datetime, actor: str, responsible: str, note: str = ""
    ) -> Complaint:
        """Name the person responsible for the remedy (step 4)."""
        who = _text(responsible, "responsible")
        return self._advance(Step.ASSIGN, at, actor, note, responsible=who)

    def propose(self, *, at: _dt.datetime, actor: str, proposal: str) -> Complaint:
        """Propose a resolution (step 5)."""
        text = _text(proposal, "proposal")
        return self._advance(Step.PROPOSE, at, actor, "", proposal=text)

    def reply(self, *, at: _dt.datetime, actor: str, result: str) -> Complaint:
        """Tell the customer the result (step 6; the handler, CMP-4)."""
        text = _text(result, "result")
        return self._advance(Step.REPLY, at, actor, "", result=text)

    def follow_up(self, *, at: _dt.datetime, actor: str, note: str = "") -> Complaint:
        """The follow-up visit (回访, step 7; the handler, CMP-4)."""
        return self._advance(Step.FOLLOW_UP, at, actor, note)

    def review(self, *, at: _dt.datetime, actor: str, note: str = "") -> Complaint:
        """Summarise and evaluate (step 8)."""
        return self._advance(Step.REVIEW, at, actor, note)

    def reassign(
        self, *, at: _dt.datetime, to: str, authorised_by: str, reason: str = ""
    ) -> Complaint:
        """Record a change of handler (the exception CMP-4 allows)."""
        handler = self.current_handler
        event = Reassignment(
            at=at, from_handler=handler, to_handler=to, authorised_by=authorised_by, reason=reason
        )
        last = self.history[-1].at if self.history else self.received_at
        _check_reassignment(event, len(self.steps), handler, last)
        return self._with(event, {})

    # -- the clock -------------------------------------------------------------

    def deadline(
        self,
        *,
        calendar: WorkCalendar | None = None,
        closing_time: _dt.time | None = None,
        extension: Extension | None = None,
        policy: ComplaintPolicy = COMPLAINT_RULES,
        convention: PeriodConvention = CIVIL_CODE,
    ) -> Deadline:
        """This complaint's deadline; it must have been classified.

        Every argument is passed through to :func:`complaint_deadline` (the same
        convention a :class:`ComplaintClock` would use gives the same answer).
        """
        if self.severity is None:
            raise TransitionError.of(
                N_(
                    "the complaint has not been classified yet: its severity sets the "
                    "deadline (CMP-1); call classify() first"
                ),
                code="complaints.complaint.deadline.complaint_has",
            )
        return complaint_deadline(
            self.received_at,
            self.severity,
            calendar=calendar,
            closing_time=closing_time,
            extension=extension,
            serious=self.serious,
            via_media=self.channel is Channel.MEDIA,
            policy=policy,
            convention=convention,
        )

    def handled_at(self, policy: ComplaintPolicy = COMPLAINT_RULES) -> _dt.datetime | None:
        """When it was handled in the deadline's sense (the reply, by default)."""
        if not isinstance(policy, ComplaintPolicy):
            raise InvalidTypeError.of(
                N_("policy must be a ComplaintPolicy, got {value!r:.60}"),
                code="complaints.complaint.handled_at.policy",
                value=policy,
            )
        return self.done_at(policy.handled_at)
