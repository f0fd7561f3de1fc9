"""The attribution engine: one pass over a customer's events (private; see the package)."""

from __future__ import annotations

import datetime as _dt
import operator
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from custrules import _check
from custrules.errors import InvalidInputError, InvalidTypeError
from custrules.money import allocate
from custrules.periods import CHINA_TZ, add_months
from custrules.realestate._events import (
    _KIND_ORDER,
    DEPARTMENT,
    EVENT_TYPES,
    PUBLIC_POOL,
    AfterSales,
    CompanyIntroduction,
    Deal,
    Dispute,
    DisputeOutcome,
    Event,
    Fault,
    HouseholdLink,
    IntroHow,
    MeetingRecord,
    NameChange,
    OldCustomerIntroduction,
    Party,
    PartyKind,
    Previous,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    Registration,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
    referrer,
    salesperson,
)
from custrules.realestate._policy import (
    AttributionPolicy,
    ConfirmationCutoff,
    ForgotRule,
    HouseholdRule,
    IntroRule,
    SwitchRule,
)


@attrs.frozen
class AppliedRule:
    """One rule applied, and the facts that triggered it."""

    rule: str
    facts: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.facts}"


#: A rule applied, not yet rendered: (rule ID, template, the template's arguments).
#: Explanations are rendered only when asked for (batch jobs rarely do).
Note = tuple[str, str, tuple[Any, ...]]


def _raw(rule: str, template: str, *args: Any) -> Note:
    return (rule, template, args)


def _render(template: str, args: tuple[Any, ...]) -> str:
    return template.format(*(_fmt(a) if type(a) is _dt.datetime else a for a in args))


@attrs.frozen(kw_only=True)
class Attribution:
    """Who owns a customer and how a deal's commission splits, with the reasoning."""

    customer: str
    policy: str
    #: the salesperson the customer (and the performance) belongs to
    owner: str | None
    #: exact shares summing to 1 (empty while a ruling is needed)
    shares: Mapping[Party, Fraction]
    #: the rules applied, in order (rendered into ``steps`` on demand)
    trail: tuple[Note, ...] = attrs.field(repr=False)
    needs_ruling: bool = False
    ruling_reason: str | None = None
    #: who follows up and handles after-sales (RE14-5.3(9))
    follow_up: str | None = None
    deal: Deal | None = None

    @property
    def steps(self) -> tuple[AppliedRule, ...]:
        """The rules applied, in order, with the facts behind each."""
        return tuple(AppliedRule(rule, _render(t, args)) for rule, t, args in self.trail)

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule IDs applied, in order, each once."""
        return tuple(dict.fromkeys(rule for rule, _, _ in self.trail))

    def split(self, total: Decimal) -> dict[Party, Decimal]:
        """The commission ``total`` split to the cent (see :func:`custrules.allocate`)."""
        if self.deal is None:
            raise InvalidInputError(
                f"customer {self.customer} has no deal yet: there is no commission to split "
                "(the attribution names who holds the customer now)"
            )
        if self.needs_ruling:
            raise InvalidInputError(
                f"the case needs a manager's ruling before its commission can be split: "
                f"{self.ruling_reason}"
            )
        return allocate(total, self.shares)

    def explain(self) -> str:
        """The reasoning, one rule a line."""
        return "\n".join(str(step) for step in self.steps)


_ONE = Fraction(1)
_FORGOT = Previous.FORGOT
_NAMES = Previous.NAMES


def _merge(shares: Iterable[tuple[str, Fraction]]) -> dict[str, Fraction]:
    """A salesperson split from (name, share) pairs; one name's shares add up."""
    split: dict[str, Fraction] = {}
    for who, share in shares:
        split[who] = split.get(who, Fraction(0)) + share
    return {k: v for k, v in split.items() if v}


def _local(t: _dt.datetime) -> _dt.date:
    """The day of ``t`` in China's zone."""
    if t.tzinfo is CHINA_TZ:
        return t.date()
    return t.astimezone(CHINA_TZ).date()


def _fmt(t: _dt.datetime) -> str:
    """``YYYY-MM-DD HH:MM`` in China's zone, for explanations."""
    local = t if t.tzinfo is CHINA_TZ else t.astimezone(CHINA_TZ)
    return local.isoformat(" ", "minutes")[:16]


class _Member:
    """The state of one customer's timeline, up to the deal."""

    __slots__ = (
        "assist",
        "company",
        "confirmations",
        "cutoff",
        "deal",
        "first_contact",
        "follow_up",
        "forgot",
        "last",
        "lost",
        "nth",
        "owner",
        "p",
        "referrals",
        "registered_before",
        "regs",
        "ruling",
        "same_day",
        "split",
        "steps",
        "visits",
    )

    def __init__(
        self, policy: AttributionPolicy, cutoff: _dt.datetime | None, deal: Deal | None
    ) -> None:
        self.p = policy
        #: the last instant a project manager's confirmation counts (None: any)
        self.cutoff = cutoff
        self.deal = deal
        self.steps: list[Note] = []
        self.ruling: list[str] = []
        # per salesperson: the days of their registrations, and each one's last valid day
        self.regs: dict[str, tuple[list[_dt.date], list[_dt.date | None]]] = {}
        self.owner: str | None = None
        self.split: dict[str, Fraction] | None = None
        # who lost every right, and (heir of their part, the clause that says so)
        self.lost: dict[str, tuple[str | None, str]] = {}
        self.follow_up: str | None = None
        #: the instant of the member's last event (for "now" without as_of)
        self.last: _dt.datetime | None = None
        self.visits: list[Visit] = []
        self.first_contact: _dt.datetime | None = None
        # pending cases, decided at the deal
        self.forgot: tuple[str, str, _dt.datetime] | None = None
        self.assist: tuple[str, str, _dt.datetime] | None = None
        self.same_day: tuple[str, str, _dt.datetime] | None = None
        self.nth: tuple[str, tuple[str, ...], _dt.datetime] | None = None
        self.company: CompanyIntroduction | None = None
        self.referrals: list[ReferralRegistration] = []
        self.confirmations: list[ReferralConfirmation] = []
        self.registered_before: dict[str, _dt.datetime] = {}

    # -- helpers ------------------------------------------------------------------------

    def cited(self, key_or_rule: str) -> str:
        """A rule ID as it stands, or the policy's clause for a principle's key."""
        return key_or_rule if key_or_rule[:2] == "RE" else self.p.cite(key_or_rule)

    def note(self, key_or_rule: str, template: str, *args: Any) -> None:
        self.steps.append((self.cited(key_or_rule), template, args))

    def needs(self, rule: str, template: str, *args: Any) -> None:
        self.note(rule, template, *args)
        self.ruling.append(f"{self.cited(rule)}: {_render(template, args)}")

    def counts(self, e: Registration) -> bool:
        """Whether a registration counts (RE12-7.2: confirmed by the cutoff)."""
        if not self.p.registration_needs_confirmation:
            return True
        return e.confirmed_at is not None and (
            self.cutoff is None or e.confirmed_at <= self.cutoff
        )

    def registration_tie(self, group: list[Registration], first: str | None) -> None:
        """Registrations by different salespeople stamped with the same instant.

        RE12-7.3 and RE14-5.1 decide by the earlier registration; a tie has
        none.  An owner with a valid claim keeps the customer (every one of them
        registered later); else RE14-5.1's evening-meeting record, when the
        policy accepts it and it names one of them, decides; else a ruling.
        """
        t = group[0].at
        owner = self.owner
        if owner is not None and self.valid(owner, t):
            for e in group:
                self.on_registration(e)
            return
        names = sorted({e.salesperson for e in group})
        if first is not None and first in names and self.p.meeting_record_decides:
            self.note(
                "RE14-5.1",
                "{} registered the customer at the same instant ({}); the evening-meeting "
                "record names {} first",
                " and ".join(names),
                t,
                first,
            )
            for e in sorted(group, key=lambda r: r.salesperson != first):
                self.on_registration(e)
            return
        for e in group:
            self.claim(e.salesperson, e.at)
        self.owner, self.split = None, None
        self.needs(
            "tie",
            "{} registered the customer at the same instant ({}): the earlier "
            "registration cannot be told",
            " and ".join(names),
            t,
        )

    def valid(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` holds a registration valid on the day of ``t``."""
        held = self.regs.get(who)
        if held is None or who in self.lost:
            return False
        day = _local(t)
        i = bisect_right(held[0], day)
        if i == 0:
            return False
        last = held[1][i - 1]
        return last is None or day <= last

    def claim(self, who: str, t: _dt.datetime) -> None:
        day = _local(t)
        months = self.p.registration_validity_months
        held = self.regs.get(who)
        if held is None:
            held = self.regs[who] = ([], [])
            self.registered_before[who] = t
        held[0].append(day)
        held[1].append(None if months is None else add_months(day, months))

    def take(self, who: str, t: _dt.datetime, rule: str, template: str, *args: Any) -> None:
        """``who`` becomes the owner (any pending case is over)."""
        self.owner = who
        self.split = None
        self.forgot = self.assist = self.same_day = self.nth = None
        self.note(rule, template, *args)

    def set_split(
        self, shares: list[tuple[str, Fraction]], rule: str, template: str, *args: Any
    ) -> None:
        self.split = _merge(shares)
        self.forgot = self.assist = self.same_day = self.nth = None
        self.note(rule, template, *args)

    def is_first_day(self, t: _dt.datetime) -> bool:
        return bool(self.visits) and _local(self.visits[0].at) == _local(t)

    # -- events -------------------------------------------------------------------------

    def on_registration(self, e: Registration) -> None:
        who = e.salesperson
        if not self.counts(e):
            self.note(
                "confirmed",
                "{}'s registration of {} was not confirmed by the "
                "project manager: it does not count",
                who,
                e.at,
            )
            return
        if who in self.lost:
            self.note("fallback", "{} lost every right to this customer earlier", who)
            return
        owner = self.owner
        if owner == who:
            self.claim(who, e.at)
            return
        had_claim = owner is not None and self.valid(owner, e.at)
        self.claim(who, e.at)
        if owner is None:
            self.take(who, e.at, "earlier", "{} registered the customer first ({})", who, e.at)
        elif not had_claim:
            months = self.p.registration_validity_months
            self.note(
                "valid", "{}'s registration had lapsed ({} month(s)): no claim", owner, months
            )
            self.take(who, e.at, "earlier", "{} registered the customer ({})", who, e.at)
        elif self.forgot is not None and self.forgot[1] == who:
            pass  # the new salesperson of a forgotten customer registers as new (3.7)
        else:
            self.note(
                "earlier", "{} registered later than {}: the earlier registration wins", who, owner
            )

    def on_visit(self, v: Visit) -> None:
        first = not self.visits
        self.visits.append(v)
        if self.first_contact is None:
            self.first_contact = v.at
        p, t, who, owner = self.p, v.at, v.received_by, self.owner
        if v.exhibition and p.exhibitions_need_ruling:
            self.needs(
                "RE14-5.3(13)",
                "received at an exhibition or opening on {}: the manager decides",
                t,
            )
            return
        if v.for_discount and p.discount_visits and owner is not None and owner != who:
            self.note(
                "RE14-5.3(6)",
                "{}'s customer went to {} for a discount: the whole bonus stays {}'s",
                owner,
                who,
                owner,
            )
            return
        if v.courtesy_for is not None:
            absent = v.courtesy_for
            if absent != owner and owner is not None:
                self.note(
                    "courtesy",
                    "{} received the customer for {}, but the customer is {}'s",
                    who,
                    absent,
                    owner,
                )
                return
            named = absent in v.asked_for
            if named and p.assistant_share is not None:
                self.assist = (absent, who, t)
                self.note(
                    "RE14-5.3(3)",
                    "the customer named {}, who was absent; {} assisted (not a rotation turn)",
                    absent,
                    who,
                )
            elif not named and p.same_day_share is not None:
                self.same_day = (absent, who, t)
                self.note("courtesy", "{}, in turn, received {}'s returning customer", who, absent)
            else:
                self.note(
                    "courtesy",
                    "{} received the customer as a courtesy for {}; the customer stays {}'s",
                    who,
                    absent,
                    absent,
                )
            return
        if first:
            if v.named_on_entry:
                self.claim(who, t)
                self.take(
                    who,
                    t,
                    "designated",
                    "the new customer named {} on entering (not a rotation turn)",
                    who,
                )
            return
        if v.previous is _FORGOT and owner is not None and owner != who:
            if not self.valid(owner, t):
                return  # the earlier claim has lapsed: the receiver registers as new
            if p.forgot is ForgotRule.RECOGNITION_WINDOW:
                self.owner, self.split = who, None
                self.forgot = (owner, who, t)
                self.note(
                    "RE12-3.7",
                    "the customer had visited but forgot {}; {} received them as a new customer",
                    owner,
                    who,
                )
            elif p.forgot is ForgotRule.RECORDS:
                self.owner, self.split = who, None
                self.forgot = (owner, who, t)
                self.claim(who, t)
                self.note(
                    "RE14-5.3(7)",
                    "the customer forgot who received them; {} received them "
                    "in rotation: the deal is none of {}'s",
                    who,
                    owner,
                )
            else:
                self.needs("fallback", "a returning customer who forgot the salesperson")
            return
        if v.previous is _NAMES and v.asked_for:
            self._named_visit(v)

    def _named_visit(self, v: Visit) -> None:
        p, t, who, owner = self.p, v.at, v.received_by, self.owner
        named = v.asked_for
        pending = self.forgot
        if (
            pending is not None
            and named == (who,) == (pending[0],)
            and _local(t) == _local(pending[2])
        ):
            # handed back in person the same day: a recognition (RE12-3.7(g), RE14-5.3(1))
            self.on_recognition(
                Recognition(at=t, customer=v.customer, original=who, by_records=False)
            )
            return
        if len(named) > 1:
            if p.switch is SwitchRule.RE14 and who in named:
                self.claim(who, t)
                self.take(
                    who,
                    t,
                    "RE14-5.3(5)",
                    "the customer named {} without choosing; {}, the first "
                    "of them present, receives the customer",
                    ", ".join(named),
                    who,
                )
            elif p.switch is SwitchRule.RE14:
                self.needs(
                    "RE14-5.3(5)",
                    "the customer named {} but none was present; the rotation "
                    "received: the clauses do not say whose deal",
                    ", ".join(named),
                )
            else:
                self.note(
                    "earlier",
                    "the customer named several salespeople; the registered "
                    "salesperson ({}) keeps the customer",
                    owner,
                )
            return
        target = named[0]
        if owner is None or target == owner or not self.valid(owner, t):
            if owner != target and owner is not None:
                self.note("valid", "{}'s registration had lapsed", owner)
            if who == target and owner != target:
                self.claim(who, t)
                self.take(who, t, "returning", "the customer asked for {}", who)
            elif owner is not None and who == owner:
                self.note("returning", "the returning customer went back to {}", owner)
            return
        if who == target and p.nth_visit_share is not None:
            earlier = tuple(
                dict.fromkeys(
                    x.received_by
                    for x in self.visits[:-1]
                    if x.received_by != who and self.valid(x.received_by, t)
                )
            )
            if earlier:
                self.nth = (who, earlier, t)
                self.note(
                    "RE14-5.3(8)",
                    "on visit {} the customer named {}; earlier salesperson(s): {}",
                    len(self.visits),
                    who,
                    ", ".join(earlier),
                )
            else:
                self.claim(who, t)
                self.take(who, t, "RE14-5.3(8)", "the customer named {}", who)
            return
        self.note(
            "returning",
            "the customer named {}, but is {}'s: naming another is refused in principle",
            target,
            owner,
        )

    def on_recognition(self, r: Recognition) -> None:
        if self.forgot is None:
            self.note("returning", "{} was recognised ({})", r.original, r.at)
            return
        earlier, new, tv = self.forgot
        if r.original != earlier:
            self.note("returning", "{} was recognised, not {}", r.original, earlier)
            return
        p = self.p
        if p.forgot is ForgotRule.RECOGNITION_WINDOW:
            if _local(r.at) == _local(tv):
                self.take(
                    earlier,
                    r.at,
                    "RE12-3.7(g)",
                    "{} was recognised the same day: {} takes over",
                    earlier,
                    earlier,
                )
            elif _local(r.at) <= add_months(_local(tv), p.recognition_window_months):
                self.follow_up = new
                self.set_split(
                    [(earlier, p.recognition_share), (new, 1 - p.recognition_share)],
                    "RE12-3.7(i)",
                    "no deal on the spot; {} recognised within {} month(s) "
                    "({}): {} follows up, the commission is split",
                    earlier,
                    p.recognition_window_months,
                    r.at,
                    new,
                )
                self.owner = new
            else:
                self.take(
                    new,
                    r.at,
                    "RE12-3.7(j)",
                    "{} was recognised only after {} month(s): everything to {}",
                    earlier,
                    p.recognition_window_months,
                    new,
                )
        elif not r.by_records and _local(r.at) == _local(tv):
            self.take(
                earlier,
                r.at,
                "RE14-5.3(1)",
                "during the reception {} learnt that {} had received the customer before "
                "and is present: the customer goes back to {}; the deal is {}'s",
                new,
                earlier,
                earlier,
                earlier,
            )
        else:
            if self.valid(earlier, tv):
                self.set_split(
                    [(new, 1 - p.recognition_share), (earlier, p.recognition_share)],
                    "RE14-5.3(7)",
                    "{} found {} in the records while {}'s "
                    "registration was valid: the bonus is split",
                    new,
                    earlier,
                    earlier,
                )
                self.owner = new
            else:
                self.take(
                    new,
                    r.at,
                    "RE14-5.3(7)",
                    "{}'s registration had lapsed: no part of the deal",
                    earlier,
                )

    def on_switch(self, s: SwitchRequest) -> None:
        p, t = self.p, s.at
        if p.switch is SwitchRule.RE12:
            if self.is_first_day(t):
                if s.to is None:
                    self._refusal(s)
                elif not s.permitted:
                    self.note(
                        "RE12-5.2",
                        "the customer asked for {} mid-reception: refused in principle",
                        s.to,
                    )
                elif s.incited:
                    self.set_split(
                        [(s.from_, Fraction(1))],
                        "RE12-5.2",
                        "{} incited the switch: all to {}",
                        s.to,
                        s.from_,
                    )
                    self.owner = s.from_
                else:
                    first = p.switch_first_share
                    self.follow_up = s.to
                    self.set_split(
                        [(s.from_, first), (s.to, 1 - first)],
                        "RE12-5.2",
                        "the manager let {} take over from {}",
                        s.to,
                        s.from_,
                    )
                    self.owner = s.from_
            elif s.to is not None:
                if s.permitted:
                    self.note(
                        "RE12-5.3",
                        "{} received the returning customer as a courtesy: all to {}",
                        s.to,
                        s.from_,
                    )
                else:
                    self.note("RE12-5.3", "the returning customer asked for {}: refused", s.to)
            else:
                self.needs("fallback", "a returning customer refused {}: no clause", s.from_)
        elif p.switch is SwitchRule.RE14:
            to = s.to or s.granted_to
            if to is None:
                self.note("RE14-5.2", "the customer asked for another salesperson, nobody named")
                return
            previous = s.from_
            self.claim(to, t)
            if self.valid(previous, t):
                share = p.switch_previous_share
                self.set_split(
                    [(to, 1 - share), (previous, share)],
                    "RE14-5.3(2)",
                    "the customer did not want {} and asked for {}; {}'s registration is valid",
                    previous,
                    to,
                    previous,
                )
            else:
                self.set_split(
                    [(to, Fraction(1))],
                    "RE14-5.3(2)",
                    "the customer asked for {}; {}'s registration had lapsed: no part",
                    to,
                    previous,
                )
            self.owner = self.follow_up = to
        else:
            self.needs("fallback", "a customer asked for another salesperson: no clause")

    def _refusal(self, s: SwitchRequest) -> None:
        if s.fault is Fault.SERIOUS or s.firm:
            self.lost[s.from_] = (s.granted_to, "RE12-3.10")
            why = "a serious fault" if s.fault is Fault.SERIOUS else "the customer's firm refusal"
            if s.granted_to is None:
                self.needs(
                    "RE12-3.10",
                    "{} lost the customer for {}, but nobody took over (record granted_to)",
                    s.from_,
                    why,
                )
                self.owner = None
                return
            self.claim(s.granted_to, s.at)
            self.take(
                s.granted_to,
                s.at,
                "RE12-3.10",
                "{}: {} received the customer as new; {} lost every "
                "right (the turn counts as void)",
                why,
                s.granted_to,
                s.from_,
            )
        elif s.fault is Fault.MINOR:
            self.note("RE12-3.10", "{}'s minor fault: {} continues", s.from_, s.from_)
        else:
            self.note("RE12-3.10", "{} was not at fault: the request is refused", s.from_)

    def on_meeting_record(self, m: MeetingRecord) -> None:
        if self.p.meeting_record_decides:
            self.note(
                "RE14-5.1",
                "the evening-meeting record names {} as the first to receive the customer",
                m.first,
            )
        else:
            self.note(
                "tie",
                "the evening-meeting record names {} first; {} decides by the registration times",
                m.first,
                self.p.name,
            )

    def on_complaint(self, c: SalespersonComplaint) -> None:
        if not self.p.complaint_removes:
            self.note(
                "fallback",
                "a complaint against {} (no clause removes a salesperson for it)",
                c.against,
            )
            return
        if not c.confirmed:
            self.note("RE14-5.3(4)", "a complaint against {}, not yet confirmed", c.against)
            return
        self.lost[c.against] = (c.reported_by, "RE14-5.3(4)")
        if self.owner == c.against or self.owner is None:
            self.claim(c.reported_by, c.at)
            self.take(
                c.reported_by,
                c.at,
                "RE14-5.3(4)",
                "the supervisor confirmed the complaint: {} has no part; {} receives",
                c.against,
                c.reported_by,
            )
        else:
            self.note("RE14-5.3(4)", "{} has no part of the deal", c.against)

    def on_introduction(self, o: OldCustomerIntroduction) -> None:
        t, who = o.at, o.salesperson
        if self.p.introduction is None:
            self.needs(
                "fallback",
                "introduced by old customer {} to {}: {} has no clause for this",
                o.old_customer,
                who,
                self.p.name,
            )
            return
        if self.p.introduction is IntroRule.ORIGINAL_SALESPERSON:
            self.claim(who, t)
            self.take(
                who,
                t,
                "introduction",
                "introduced by old customer {}: {}'s customer",
                o.old_customer,
                who,
            )
        elif o.how in (IntroHow.PHONED_AHEAD, IntroHow.ESCORTED):
            letter = "(a)" if o.how is IntroHow.PHONED_AHEAD else "(b)"
            self.claim(who, t)
            self.take(
                who,
                t,
                "RE12-7.5",
                "{} old customer {} {} {}: {}'s customer, even if received as a courtesy",
                letter,
                o.old_customer,
                "phoned ahead for" if letter == "(a)" else "came along asking for",
                who,
                who,
            )
        else:
            self.note(
                "RE12-7.5",
                "(c) old customer {} neither phoned nor came: a new "
                "customer of whoever receives (RE12-5.4)",
                o.old_customer,
            )

    def on_reallocation(self, r: Reallocation) -> None:
        if not self.p.reallocation:
            self.needs("fallback", "{}'s customers re-allocated: no clause", r.from_)
            return
        self.claim(r.to, r.at)
        self.take(
            r.to,
            r.at,
            "RE14-5.3(12)",
            "{} on {}: re-allocated to {} by random draw ({})",
            r.from_,
            r.reason,
            r.to,
            r.draw,
        )

    def on_deal(self, d: Deal) -> None:
        owner = self.owner
        if owner is not None and self.valid(owner, d.at):
            return
        if (
            self.split is None
            and self.forgot is None
            and self.assist is None
            and self.same_day is None
            and self.nth is None
        ):
            if owner is not None:
                self.note("valid", "{}'s registration had lapsed", owner)
            self.claim(d.closed_by, d.at)
            self.take(
                d.closed_by,
                d.at,
                "closer",
                "{} closed the deal with no valid claim against it",
                d.closed_by,
            )

    # -- the salesperson split at the end ------------------------------------------------

    def salesperson_split(self) -> dict[str, Fraction] | None:
        """The salesperson split; a part held by someone who lost every right goes
        where the clause that removed them says (RE14-5.3(4), RE12-3.10)."""
        split = self._split()
        if not split or not self.lost:
            return split
        for _ in range(len(self.lost)):
            gone = [who for who in split if who in self.lost]
            if not gone:
                break
            for who in gone:
                heir, rule = self.lost[who]
                part = split.pop(who)
                if heir is None:
                    self.needs(rule, "{} lost every right, and nobody took over their part", who)
                    return None
                split[heir] = split.get(heir, Fraction(0)) + part
                self.note(rule, "{} has no part: {}'s {} goes to {}", who, who, part, heir)
        if any(who in self.lost for who in split):
            self.needs("fallback", "every salesperson of the split lost their rights")
            return None
        return split

    def _split(self) -> dict[str, Fraction] | None:
        p, deal = self.p, self.deal
        deal_day = None if deal is None else _local(deal.at)
        if self.forgot is not None:
            earlier, new, tv = self.forgot
            if p.forgot is ForgotRule.RECOGNITION_WINDOW:
                if deal_day == _local(tv):
                    self.note(
                        "RE12-3.7(h)",
                        "{} closed the deal on the spot before {} was "
                        "recognised: customer and commission to {}",
                        new,
                        earlier,
                        new,
                    )
                else:
                    self.note(
                        "RE12-3.7(j)",
                        "no deal on the spot and {} not recognised within {} month(s): all to {}",
                        earlier,
                        p.recognition_window_months,
                        new,
                    )
            else:
                self.note(
                    "RE14-5.3(7)",
                    "{} was not found in the records: the deal is {}'s",
                    earlier,
                    new,
                )
            return {new: Fraction(1)}
        if self.assist is not None and deal is not None:
            owner, helper, _ = self.assist
            share = p.assistant_share or Fraction(0)
            self.note("RE14-5.3(3)", "the deal is {}'s; {} assisted", owner, helper)
            return _merge([(owner, 1 - share), (helper, share)])
        if self.same_day is not None and deal is not None:
            owner, receiver, tv = self.same_day
            if deal_day == _local(tv) and p.same_day_share is not None:
                self.note(
                    "RE14-2.5",
                    "the deal closed the same day: {} and {} split the bonus",
                    receiver,
                    owner,
                )
                return _merge([(owner, 1 - p.same_day_share), (receiver, p.same_day_share)])
            self.note("RE14-2.5", "no deal that day: {}'s reception was a courtesy", receiver)
            return {owner: Fraction(1)}
        if self.nth is not None and deal is not None:
            chosen, before, _ = self.nth
            share = p.nth_visit_share or Fraction(0)
            split = _merge([(chosen, share), *((w, (1 - share) / len(before)) for w in before)])
            self.note("RE14-5.3(8)", "the bonus: {} and the earlier salesperson(s)", chosen)
            return split
        if self.split:
            return dict(self.split)
        if self.owner is not None:
            return {self.owner: Fraction(1)}
        return None


def _scope(events: tuple[Event, ...], customer: str | None) -> tuple[list[str], bool]:
    """The customers of one case (the chosen one and its household), and
    whether every event belongs to them."""
    names = {e.customer for e in events}
    if len(names) == 1 and HouseholdLink not in {type(e) for e in events}:
        (only,) = names
        if customer is not None and customer != only:
            raise InvalidInputError(f"no event concerns customer {customer!r}", value=customer)
        return [only], True
    links: dict[str, set[str]] = {}
    for e in events:
        links.setdefault(e.customer, set())
        if isinstance(e, HouseholdLink):
            links[e.customer].add(e.other)
            links.setdefault(e.other, set()).add(e.customer)
    if not links:
        raise InvalidInputError("no events: nothing to attribute")
    start = customer if customer is not None else next(iter(links))
    if start not in links:
        raise InvalidInputError(f"no event concerns customer {start!r}", value=start)
    seen, todo = {start}, [start]
    while todo:
        for other in links[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    if customer is None and len(seen) != len(links):
        others = sorted(set(links) - seen)
        raise InvalidInputError(
            f"events for more than one customer ({start}, {', '.join(others)}) in one call: "
            "pass customer=... to pick one, or link a household with a HouseholdLink event",
            value=sorted(links),
        )
    return sorted(seen), len(seen) == len(links)


def _check_events(events: Iterable[Event]) -> tuple[Event, ...]:
    if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
        raise InvalidTypeError(f"events must be an iterable of Event objects, got {events!r}")
    items = tuple(events)
    if not {type(e) for e in items} <= _EVENT_KINDS:
        for e in items:
            if not isinstance(e, Event):
                raise InvalidTypeError(f"not an event: {e!r}", value=e)
    return items


def _keep_company(state: _Member, e: CompanyIntroduction) -> None:
    state.company = state.company or e


def _keep_referral(state: _Member, e: ReferralRegistration) -> None:
    state.referrals.append(e)


def _keep_confirmation(state: _Member, e: ReferralConfirmation) -> None:
    state.confirmations.append(e)


_HANDLERS: dict[type[Event], Any] = {
    Registration: _Member.on_registration,
    Visit: _Member.on_visit,
    Recognition: _Member.on_recognition,
    SwitchRequest: _Member.on_switch,
    SalespersonComplaint: _Member.on_complaint,
    OldCustomerIntroduction: _Member.on_introduction,
    Reallocation: _Member.on_reallocation,
    CompanyIntroduction: _keep_company,
    ReferralRegistration: _keep_referral,
    ReferralConfirmation: _keep_confirmation,
    MeetingRecord: _Member.on_meeting_record,
}
_EVENT_KINDS = frozenset(EVENT_TYPES)
_BY_TIME = operator.attrgetter("at", "rank")


def attribute(
    events: Iterable[Event],
    policy: AttributionPolicy,
    *,
    customer: str | None = None,
    as_of: _dt.datetime | None = None,
) -> Attribution:
    """Who owns the customer and how the deal's commission splits (RE11, RE12, RE14).

    ``events`` may come in any order; only their times matter.  Events about
    other customers are an error unless ``customer`` picks one (its
    household, linked by :class:`HouseholdLink`, comes along).

    ``as_of`` answers at that instant: every later event (and a confirmation
    given later) is ignored.  Without a deal the result names who holds the
    customer then, with the reasoning and no shares (``split()`` refuses).
    Events at the same instant that the clauses cannot order (two
    registrations by different salespeople, say) send the case to a ruling
    instead of being ordered by name or by their place in the list.
    """
    if not isinstance(policy, AttributionPolicy):
        raise InvalidTypeError(f"policy must be an AttributionPolicy, got {policy!r}")
    if as_of is not None:
        _check.aware(as_of, "as_of")
    items = _check_events(events)
    if as_of is not None:
        known = tuple(e for e in items if e.at <= as_of)
        if not known:
            _scope(items, customer)  # the same errors for events about other customers
            label = customer if customer is not None else items[0].customer
            return _result(label, policy, None, {}, [], None, None, None)
        items = known
    members, whole = _scope(items, customer)
    if whole:
        timeline = list(items)
    else:
        inside = set(members)
        timeline = [e for e in items if e.customer in inside]
    label = members[0] if len(members) == 1 else " + ".join(members)
    timeline.sort(key=_BY_TIME)
    keys = list(map(_BY_TIME, timeline))
    tied = any(map(operator.eq, keys, keys[1:]))
    if tied:
        timeline.sort(key=_canonical)  # a full order that does not depend on the list's
    deals = [e for e in timeline if type(e) is Deal]
    if len(set(deals)) > 1:
        raise InvalidInputError(
            f"{len(deals)} deals in one case ({', '.join(_fmt(d.at) for d in deals)}): a case "
            "is one customer (or household) and one deal",
            value=deals,
        )
    deal = deals[0] if deals else None
    cutoff = _cutoff(policy, deal, as_of)
    states = {m: _Member(policy, cutoff, deal) for m in members}
    run = _Run(policy, states, deal)
    if tied:
        run.grouped(timeline)
    else:
        for e in timeline:
            run.one(e)
    lead = states[deal.customer] if deal is not None else states[members[0]]
    steps: list[Note] = []
    for e in run.late:
        what = "a change of name or unit" if isinstance(e, NameChange) else e.type_name
        steps.append(
            _raw(
                policy.cite("after_deal"),
                "{} on {}, after the deal: the salesperson and the commission stay",
                what,
                e.at,
            )
        )

    def trail() -> list[Note]:
        """Each member's timeline, then the case-level rules, in order."""
        if len(members) == 1:
            return [*states[members[0]].steps, *steps]
        out = [
            (rule, "[{}] " + template, (m, *args))
            for m in members
            for rule, template, args in states[m].steps
        ]
        return out + steps

    decided = _decisions(policy, run.rulings, run.disputes, steps)
    if decided is not None:
        shares, owner, reason = decided
        if deal is None:
            shares = {}
        return _result(label, policy, owner, shares, trail(), reason, lead.follow_up, deal)
    if deal is None:
        owner, reasons = _holder(policy, members, states, steps, as_of)
        if reasons:
            return _result(label, policy, None, {}, trail(), "; ".join(reasons), None, None)
        follow = (lead.follow_up or owner) if owner is not None else None
        return _result(label, policy, owner, {}, trail(), None, follow, None)
    split, off_top, reasons = _combine(policy, members, states, lead, steps)
    for m in members:
        reasons.extend(states[m].ruling)
    if off_top:
        rest = 1 - sum(off_top.values(), Fraction(0))
        if not reasons and (split is None or (rest > 0 and not split)):
            reasons.append(f"{policy.cite('fallback')}: no salesperson has a valid claim")
            steps.append(_raw(policy.cite("fallback"), "no salesperson has a valid claim"))
    elif not reasons and not split:
        reasons.append(f"{policy.cite('fallback')}: no salesperson has a valid claim")
        steps.append(_raw(policy.cite("fallback"), "no salesperson has a valid claim"))
    if reasons or split is None:
        return _result(label, policy, None, {}, trail(), "; ".join(reasons), None, deal)
    if off_top:
        shares_out: dict[Party, Fraction] = dict(off_top)
        for who, share in split.items():
            party = salesperson(who)
            part = rest * share
            shares_out[party] = shares_out[party] + part if party in shares_out else part
    else:
        shares_out = {salesperson(who): share for who, share in split.items()}
    owner = _top(split, lead.owner, states, members)
    follow = (lead.follow_up or owner) if split else None
    return _result(label, policy, owner, shares_out, trail(), None, follow, deal)


def _top(
    split: Mapping[str, Fraction],
    preferred: str | None,
    states: Mapping[str, _Member],
    members: list[str],
) -> str | None:
    """The owner named for a split: the largest share; among equal shares the
    salesperson who already held the customer, then the one who received it
    first (never a choice by name)."""
    if not split:
        return None
    if len(split) == 1:
        (only,) = split
        return only
    best = max(split.values())
    top = [who for who, v in split.items() if v == best]
    if len(top) == 1:
        return top[0]
    if preferred in top:
        return preferred
    for m in members:
        for v in states[m].visits:
            if v.received_by in top:
                return v.received_by
    return None


def _cutoff(
    policy: AttributionPolicy, deal: Deal | None, as_of: _dt.datetime | None
) -> _dt.datetime | None:
    """The last instant a project manager's confirmation counts (RE12-7.2)."""
    limit: _dt.datetime | None = None
    if deal is not None:
        if policy.confirmation_cutoff is ConfirmationCutoff.DEAL:
            limit = deal.at
        else:
            limit = _dt.datetime.combine(_local(deal.at), _dt.time.max, tzinfo=CHINA_TZ)
    if as_of is not None and (limit is None or as_of < limit):
        limit = as_of
    return limit


def _canonical(event: Event) -> tuple[_dt.datetime, int, str, str]:
    """A total order on events that does not depend on the order they came in."""
    return (event.at, event.rank, event.customer, repr(event))


#: kinds whose same-instant records never conflict (their order changes nothing)
_ORDER_FREE = frozenset(
    {HouseholdLink, NameChange, ReferralConfirmation, ReferralRegistration, MeetingRecord}
)


class _Run:
    """Dispatches the timeline's events to the members' states."""

    __slots__ = ("deal", "disputes", "first", "late", "policy", "rulings", "states")

    def __init__(
        self, policy: AttributionPolicy, states: dict[str, _Member], deal: Deal | None
    ) -> None:
        self.policy = policy
        self.states = states
        self.deal = deal
        self.rulings: list[Ruling] = []
        self.disputes: list[Dispute] = []
        self.late: list[Event] = []
        #: per customer, the salesperson the evening-meeting records name first
        self.first: dict[str, str | None] = {}

    def one(self, e: Event) -> None:
        kind = type(e)
        deal = self.deal
        if kind is Ruling:
            self.rulings.append(e)  # type: ignore[arg-type]
        elif kind is Dispute:
            self.disputes.append(e)  # type: ignore[arg-type]
        elif deal is not None and e.at > deal.at:
            self.late.append(e)
        elif kind is Deal:
            state = self.states[e.customer]
            state.last = e.at
            _check_deal(state, e)  # type: ignore[arg-type]
            state.on_deal(e)  # type: ignore[arg-type]
        else:
            state = self.states[e.customer]
            state.last = e.at
            handler = _HANDLERS.get(kind)
            if handler is not None:
                handler(state, e)

    def grouped(self, timeline: list[Event]) -> None:
        """The pass when some events share an instant (and a rank)."""
        for e in timeline:
            if type(e) is MeetingRecord:
                named = self.first.get(e.customer, e.first)
                self.first[e.customer] = named if named == e.first else None
        i, n = 0, len(timeline)
        while i < n:
            e = timeline[i]
            j = i + 1
            while j < n and _canonical(timeline[j])[:3] == _canonical(e)[:3]:
                j += 1
            group: list[Event] = []
            for x in timeline[i:j]:
                if x not in group:
                    group.append(x)  # the same record twice is one fact
            i = j
            if len(group) == 1:
                self.one(e)
            else:
                self.tie(group)

    def tie(self, group: list[Event]) -> None:
        e = group[0]
        kind = type(e)
        t = e.at
        if kind is Ruling or kind is Dispute:
            views = {_decision_view(x) for x in group}
            if len(views) > 1:
                raise InvalidInputError(
                    f"{len(group)} {kind.type_name}s at the same instant ({_fmt(t)}) for "
                    f"customer {e.customer} decide differently: a ruling must be unambiguous; "
                    "withdraw one or record them at different times",
                    value=group,
                )
            self.one(e)
            return
        if kind in _ORDER_FREE or (self.deal is not None and t > self.deal.at):
            for x in group:
                self.one(x)
            return
        state = self.states[e.customer]
        if kind is Registration:
            regs: list[Registration] = group  # type: ignore[assignment]
            counting = [r for r in regs if state.counts(r)]
            if len({r.salesperson for r in counting}) > 1:
                for r in regs:
                    if r not in counting:
                        self.one(r)
                state.registration_tie(counting, self.first.get(e.customer))
                return
        elif kind is not Deal:
            state.needs(
                "tie" if kind is Visit else "fallback",
                "{} {} records at the same instant ({}) say different things: the "
                "records cannot order them",
                len(group),
                kind.type_name,
                t,
            )
        for x in group:
            self.one(x)


def _decision_view(e: Event) -> tuple[Any, ...]:
    """What a ruling or a dispute decides (two that agree are one decision)."""
    if isinstance(e, Ruling):
        return (tuple(e.shares.items()), e.owner, e.approved_by is not None)
    assert isinstance(e, Dispute)
    shares = None if e.shares is None else tuple(e.shares.items())
    return (e.outcome, shares)


def _holder(
    policy: AttributionPolicy,
    members: list[str],
    states: Mapping[str, _Member],
    steps: list[Note],
    as_of: _dt.datetime | None,
) -> tuple[str | None, list[str]]:
    """Who holds the customer when there is no deal yet, and why a ruling is needed."""
    reasons = [why for m in members for why in states[m].ruling]
    if reasons:
        return None, reasons
    holders: list[tuple[_dt.datetime, str]] = []
    for m in members:
        state = states[m]
        owner = state.owner
        if owner is None:
            continue
        now = as_of if as_of is not None else state.last
        if owner in state.regs and now is not None and not state.valid(owner, now):
            state.note("valid", "{}'s registration has lapsed: nobody holds the customer", owner)
            continue
        first = state.first_contact or state.last
        assert first is not None
        holders.append((first, owner))
    if not holders:
        return None, []
    names = list(dict.fromkeys(who for _, who in sorted(holders, key=lambda h: h[0])))
    if len(names) == 1:
        return names[0], []
    if policy.household is None:
        steps.append(
            _raw(policy.cite("fallback"), "one household held by {}", " and ".join(names))
        )
        return None, [f"{policy.cite('fallback')}: {policy.name} has no household clause"]
    first_time = min(h[0] for h in holders)
    if len({who for when, who in holders if when == first_time}) > 1:
        steps.append(_raw(policy.cite("tie"), "household members first seen at one instant"))
        return None, [f"{policy.cite('tie')}: household members first seen at the same instant"]
    if policy.household is HouseholdRule.FIRST_WINS:
        steps.append(
            _raw(policy.cite("household"), "one household: the first salesperson, {}", names[0])
        )
    else:
        steps.append(
            _raw(
                policy.cite("household"),
                "one household held jointly by {}; {} received it first",
                " and ".join(names),
                names[0],
            )
        )
    return names[0], []


def _check_deal(state: _Member, deal: Deal) -> None:
    arranged = state.company is not None and state.company.arranged_deal
    if not state.visits and not arranged:
        raise InvalidInputError(
            f"a deal ({_fmt(deal.at)}) before any visit of customer {deal.customer}: only a "
            "deal the company arranged itself (RE12-6.4, 6.5) needs no visit",
            value=deal,
        )


def _party_key(item: tuple[Party, Fraction]) -> tuple[int, str]:
    return (_KIND_ORDER[item[0].kind], item[0].name)


def _result(
    label: str,
    policy: AttributionPolicy,
    owner: str | None,
    shares: Mapping[Party, Fraction],
    steps: list[Note],
    reason: str | None,
    follow_up: str | None,
    deal: Deal | None,
) -> Attribution:
    if len(shares) > 1:
        shares = dict(sorted(((k, v) for k, v in shares.items() if v), key=_party_key))
    return Attribution(
        customer=label,
        policy=policy.name,
        owner=owner,
        shares=MappingProxyType(dict(shares)),
        trail=tuple(steps),
        needs_ruling=reason is not None,
        ruling_reason=reason,
        follow_up=follow_up if reason is None else None,
        deal=deal,
    )


def _decisions(
    policy: AttributionPolicy,
    rulings: list[Ruling],
    disputes: list[Dispute],
    steps: list[Note],
) -> tuple[Mapping[Party, Fraction], str | None, str | None] | None:
    """A ruling or a settled dispute decides everything."""
    for r in reversed(rulings):
        if policy.ruling_needs_approval and r.approved_by is None:
            steps.append(
                _raw(
                    policy.cite("ruling"),
                    "{}'s ruling ({}) lacks the sales director's approval: it does not count yet",
                    r.by,
                    r.at,
                )
            )
            continue
        approved = f", approved by {r.approved_by}" if r.approved_by else ""
        steps.append(
            _raw(
                policy.cite("ruling"),
                f"ruling by {r.by}{approved} ({_fmt(r.at)})" + (f": {r.text}" if r.text else ""),
            )
        )
        owner = r.owner or _top_salesperson(r.shares)
        return r.shares, owner, None
    if not disputes:
        return None
    d = disputes[-1]
    if not policy.disputes:
        steps.append(_raw(policy.cite("fallback"), "a dispute between {}", ", ".join(d.parties)))
        return {}, None, f"{policy.cite('fallback')}: a dispute needs a ruling"
    if d.outcome is DisputeOutcome.QUARREL:
        steps.append(
            _raw(
                "RE14-5.4",
                "{} quarrelled: the performance and bonus go to the department",
                " and ".join(d.parties),
            )
        )
        return {DEPARTMENT: Fraction(1)}, None, None
    if d.outcome is DisputeOutcome.PENDING:
        steps.append(_raw("RE14-5.4", "{} dispute the customer", " and ".join(d.parties)))
        return {}, None, "RE14-5.4: a crossed customer the parties have not settled"
    how = (
        "settled between the parties"
        if d.outcome is DisputeOutcome.SETTLED
        else ("mediated by the department")
    )
    steps.append(_raw("RE14-5.4", "the crossed customer was {}", how))
    assert d.shares is not None
    return d.shares, _top_salesperson(d.shares), None


def _top_salesperson(shares: Mapping[Party, Fraction]) -> str | None:
    people = [(v, p.name) for p, v in shares.items() if p.kind is PartyKind.SALESPERSON]
    return max(people)[1] if people else None


def _combine(
    policy: AttributionPolicy,
    members: list[str],
    states: dict[str, _Member],
    lead: _Member,
    steps: list[Note],
) -> tuple[dict[str, Fraction] | None, dict[Party, Fraction], list[str]]:
    """The salesperson split, the parts paid off the top, and why a ruling is needed."""
    if len(members) == 1 and lead.company is None and not lead.referrals:
        return lead.salesperson_split(), {}, []
    reasons: list[str] = []
    off_top: dict[Party, Fraction] = {}
    fixed: dict[str, Fraction] | None = None
    company = _company(policy, lead, steps, reasons)
    if company is not None:
        fixed, pool = company
        if pool:
            off_top[PUBLIC_POOL] = pool
    who = _referral(policy, lead, steps, reasons)
    if who is not None and policy.referral is not None:
        if company is not None:
            reasons.append(
                f"{policy.cite('fallback')}: a company customer and an employee referral meet"
            )
        off_top[referrer(who)] = policy.referral.referrer_share
    if fixed is not None:
        return fixed, off_top, reasons
    if len(members) == 1:
        return lead.salesperson_split(), off_top, reasons
    firsts = {m: states[m].first_contact for m in members}
    splits = {m: states[m].salesperson_split() for m in members if firsts[m] is not None}
    found = {m: s for m, s in splits.items() if s}
    if not found:
        return None, off_top, reasons
    if policy.household is HouseholdRule.FIRST_WINS:
        first = min(found, key=lambda m: (firsts[m], m))
        steps.append(
            _raw(
                policy.cite("household"),
                "one household: {} visited first, so the first salesperson wins",
                first,
            )
        )
        return found[first], off_top, reasons
    owners = sorted({max(s, key=lambda k: (s[k], k)) for s in found.values()})
    if len(owners) == 1:
        return found[min(found)], off_top, reasons
    steps.append(
        _raw(
            policy.cite("household"),
            "one household received separately by {}: they serve it jointly and split equally",
            " and ".join(owners),
        )
    )
    return {o: Fraction(1, len(owners)) for o in owners}, off_top, reasons


def _company(
    policy: AttributionPolicy, state: _Member, steps: list[Note], reasons: list[str]
) -> tuple[dict[str, Fraction] | None, Fraction] | None:
    """RE12-6: None if not a company customer; else (a fixed salesperson split or
    None to use the ownership rules, the public pool's share)."""
    intro = state.company
    if intro is None:
        return None
    terms = policy.company
    if terms is None:
        steps.append(_raw(policy.cite("fallback"), "introduced by the company ({})", intro.by))
        reasons.append(
            f"{policy.cite('fallback')}: {policy.name} has no clause for company customers"
        )
        return None
    before = [t for t in (state.first_contact, *state.registered_before.values()) if t]
    if before and min(before) < intro.at:
        steps.append(
            _raw(
                "RE12-6.1",
                "the customer visited and registered before contacting "
                "the company ({}): not a company customer",
                intro.by,
            )
        )
        return None
    steps.append(
        _raw("RE12-6.1", "introduced by {} before any visit: a company customer", intro.by)
    )
    if intro.named_salesperson is not None:
        who = intro.named_salesperson
        steps.append(
            _raw(
                "RE12-6.2",
                "{} named {}: a courtesy reception outside the rotation; "
                "the commission goes to the public pool",
                intro.by,
                who,
            )
        )
        pool = terms.named_pool_share
        return ({} if pool == 1 else {who: Fraction(1)}), pool
    if intro.arranged_deal:
        if intro.after_sales is AfterSales.SALESPERSON:
            assert intro.after_sales_by is not None
            steps.append(
                _raw(
                    "RE12-6.4",
                    "the company arranged the deal; {} handles after-sales",
                    intro.after_sales_by,
                )
            )
            return {intro.after_sales_by: Fraction(1)}, terms.arranged_pool_share
        if intro.after_sales is AfterSales.OTHER_STAFF:
            steps.append(
                _raw(
                    "RE12-6.5",
                    "the company arranged the deal; other staff handle "
                    "after-sales: all to the public pool",
                )
            )
            return {}, terms.arranged_other_staff_pool_share
        reasons.append(
            "RE12-6.4: the company arranged the deal, but who handles after-sales "
            "(a salesperson, RE12-6.4, or other staff, RE12-6.5) is not recorded"
        )
        return {}, Fraction(0)
    steps.append(
        _raw(
            "RE12-6.3",
            "introduced or brought by the company, followed to the deal by the salesperson",
        )
    )
    return None, terms.brought_pool_share


def _referral(
    policy: AttributionPolicy, state: _Member, steps: list[Note], reasons: list[str]
) -> str | None:
    """The referrer whose referral is valid (RE11-1 to RE11-4), if any."""
    if not state.referrals:
        return None
    if policy.referral is None:
        steps.append(_raw(policy.cite("fallback"), "an employee referral"))
        reasons.append(f"{policy.cite('fallback')}: {policy.name} has no referral clause")
        return None
    first = state.visits[0] if state.visits else None
    found: set[str] = set()
    for r in state.referrals:
        if not r.private_contact:
            steps.append(
                _raw(
                    "RE11-1",
                    "{} referred a customer met through work, not a private contact: no referral",
                    r.referrer,
                )
            )
            continue
        if first is None:
            continue
        earlier = [w for w, t in state.registered_before.items() if t < r.at]
        if earlier:
            steps.append(
                _raw(
                    "RE11-4",
                    "{} registered the customer before {}'s referral: the claim fails",
                    ", ".join(earlier),
                    r.referrer,
                )
            )
            continue
        if r.at > first.at:
            steps.append(
                _raw(
                    "RE11-2",
                    "{} registered the referral after the customer's first visit: no referral",
                    r.referrer,
                )
            )
            continue
        if _local(first.at) != r.appointment:
            steps.append(
                _raw(
                    "RE11-3",
                    "the customer did not come on the appointment date "
                    "({}): {}'s registration lapsed",
                    r.appointment,
                    r.referrer,
                )
            )
            continue
        confirmed = [
            c
            for c in state.confirmations
            if c.referrer == r.referrer and _local(c.at) == _local(first.at)
        ]
        if not confirmed:
            steps.append(
                _raw(
                    "RE11-4",
                    "{} did not confirm at the visit (in person or by phone): "
                    "received as a new customer, the referral is void",
                    r.referrer,
                )
            )
            continue
        steps.append(
            _raw(
                "RE11-4",
                "{} confirmed {}'s referral at the visit",
                confirmed[0].confirmed_by,
                r.referrer,
            )
        )
        steps.append(
            _raw("RE11-5", "the customer was handed to {} in rotation", first.received_by)
        )
        steps.append(
            _raw(
                "RE11-6",
                "on the deal: {} to {}, the rest to the salesperson",
                policy.referral.referrer_share,
                r.referrer,
            )
        )
        found.add(r.referrer)
    if not found and first is None and state.deal is not None:
        reasons.append(f"{policy.cite('fallback')}: a referral with no visit yet")
    if len(found) > 1:
        reasons.append(
            f"{policy.cite('fallback')}: valid referrals by {' and '.join(sorted(found))}: "
            "the clauses name one referrer"
        )
        return None
    return next(iter(found), None)
