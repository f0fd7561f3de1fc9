"""The attribution engine: one pass over a customer's events (private; see the package)."""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import attrs

from custrules.errors import InvalidInputError, InvalidTypeError
from custrules.money import allocate
from custrules.periods import CHINA_TZ, add_months
from custrules.realestate._events import (
    DEPARTMENT,
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


@attrs.frozen(kw_only=True)
class Attribution:
    """Who owns a customer and how a deal's commission splits, with the reasoning."""

    customer: str
    policy: str
    #: the salesperson the customer (and the performance) belongs to
    owner: str | None
    #: exact shares summing to 1 (empty while a ruling is needed)
    shares: Mapping[Party, Fraction]
    #: the rules applied, in order, with the facts behind each
    steps: tuple[AppliedRule, ...]
    needs_ruling: bool = False
    ruling_reason: str | None = None
    #: who follows up and handles after-sales (RE14-5.3(9))
    follow_up: str | None = None
    deal: Deal | None = None

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule IDs applied, in order, each once."""
        return tuple(dict.fromkeys(step.rule for step in self.steps))

    def split(self, total: Decimal) -> dict[Party, Decimal]:
        """The commission ``total`` split to the cent (see :func:`custrules.allocate`)."""
        if self.needs_ruling:
            raise InvalidInputError(
                f"the case needs a manager's ruling before its commission can be split: "
                f"{self.ruling_reason}"
            )
        return allocate(total, self.shares)

    def explain(self) -> str:
        """The reasoning, one rule a line."""
        return "\n".join(str(step) for step in self.steps)


def _local(t: _dt.datetime) -> _dt.date:
    return t.astimezone(CHINA_TZ).date()


def _order(event: Event) -> tuple[_dt.datetime, int, str, str]:
    return (event.at, event.rank, event.customer, event.actor)


def _fmt(t: _dt.datetime) -> str:
    return t.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")


class _Member:
    """The state of one customer's timeline, up to the deal."""

    def __init__(self, policy: AttributionPolicy, end: _dt.datetime, deal: Deal | None) -> None:
        self.p = policy
        self.end = end
        self.deal = deal
        self.steps: list[AppliedRule] = []
        self.ruling: list[str] = []
        self.regs: dict[str, list[_dt.date]] = {}
        self.owner: str | None = None
        self.split: dict[str, Fraction] | None = None
        self.lost: set[str] = set()
        self.follow_up: str | None = None
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

    def note(self, key_or_rule: str, facts: str) -> None:
        rule = self.p.citations.get(key_or_rule, key_or_rule)
        self.steps.append(AppliedRule(rule, facts))

    def needs(self, rule: str, reason: str) -> None:
        self.note(rule, reason)
        self.ruling.append(f"{self.p.citations.get(rule, rule)}: {reason}")

    def valid(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` holds a registration valid on the day of ``t``."""
        days = self.regs.get(who)
        if not days or who in self.lost:
            return False
        day = _local(t)
        i = bisect_right(days, day)
        if i == 0:
            return False
        months = self.p.registration_validity_months
        return months is None or day <= add_months(days[i - 1], months)

    def claim(self, who: str, t: _dt.datetime) -> None:
        self.regs.setdefault(who, []).append(_local(t))
        self.registered_before.setdefault(who, t)

    def take(self, who: str, t: _dt.datetime, rule: str, facts: str) -> None:
        """``who`` becomes the owner (any pending case is over)."""
        self.owner = who
        self.split = None
        self.forgot = self.assist = self.same_day = self.nth = None
        self.note(rule, facts)

    def set_split(self, shares: dict[str, Fraction], rule: str, facts: str) -> None:
        self.split = {k: v for k, v in shares.items() if v}
        self.forgot = self.assist = self.same_day = self.nth = None
        self.note(rule, facts)

    def is_first_day(self, t: _dt.datetime) -> bool:
        return bool(self.visits) and _local(self.visits[0].at) == _local(t)

    # -- events -------------------------------------------------------------------------

    def on_registration(self, e: Registration) -> None:
        who = e.salesperson
        if self.p.registration_needs_confirmation and (
            e.confirmed_at is None or e.confirmed_at > self.end
        ):
            self.note(
                "confirmed",
                f"{who}'s registration of {_fmt(e.at)} was not confirmed by "
                "the project manager: it does not count",
            )
            return
        if who in self.lost:
            self.note("fallback", f"{who} lost every right to this customer earlier")
            return
        owner = self.owner
        had_claim = owner is not None and self.valid(owner, e.at)
        self.claim(who, e.at)
        if owner is None:
            self.take(who, e.at, "earlier", f"{who} registered the customer first ({_fmt(e.at)})")
        elif owner == who:
            pass
        elif not had_claim:
            months = self.p.registration_validity_months
            self.note("valid", f"{owner}'s registration had lapsed ({months} month(s)): no claim")
            self.take(who, e.at, "earlier", f"{who} registered the customer ({_fmt(e.at)})")
        elif self.forgot is not None and self.forgot[1] == who:
            pass  # the new salesperson of a forgotten customer registers as new (3.7)
        else:
            self.note(
                "earlier", f"{who} registered later than {owner}: the earlier registration wins"
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
                f"received at an exhibition or opening on {_fmt(t)}: the manager decides",
            )
            return
        if v.for_discount and p.discount_visits and owner is not None and owner != who:
            self.note(
                "RE14-5.3(6)",
                f"{owner}'s customer went to {who} for a discount: the "
                f"whole bonus stays {owner}'s",
            )
            return
        if v.courtesy_for is not None:
            absent = v.courtesy_for
            if absent != owner and owner is not None:
                self.note(
                    "courtesy",
                    f"{who} received the customer for {absent}, but the customer is {owner}'s",
                )
                return
            named = absent in v.asked_for
            if named and p.assistant_share is not None:
                self.assist = (absent, who, t)
                self.note(
                    "RE14-5.3(3)",
                    f"the customer named {absent}, who was absent; "
                    f"{who} assisted (not a rotation turn)",
                )
            elif not named and p.same_day_share is not None:
                self.same_day = (absent, who, t)
                self.note("courtesy", f"{who}, in turn, received {absent}'s returning customer")
            else:
                self.note(
                    "courtesy",
                    f"{who} received the customer as a courtesy for "
                    f"{absent}; the customer stays {absent}'s",
                )
            return
        if first:
            if v.named_on_entry:
                self.claim(who, t)
                self.take(
                    who,
                    t,
                    "designated",
                    f"the new customer named {who} on entering (not a rotation turn)",
                )
            return
        if v.previous is Previous.FORGOT and owner is not None and owner != who:
            if not self.valid(owner, t):
                return  # the earlier claim has lapsed: the receiver registers as new
            if p.forgot is ForgotRule.RECOGNITION_WINDOW:
                self.owner, self.split = who, None
                self.forgot = (owner, who, t)
                self.note(
                    "RE12-3.7",
                    f"the customer had visited but forgot {owner}; {who} "
                    "received them as a new customer",
                )
            elif p.forgot is ForgotRule.RECORDS:
                self.owner, self.split = who, None
                self.forgot = (owner, who, t)
                self.claim(who, t)
                self.note(
                    "RE14-5.3(7)",
                    f"the customer forgot who received them; {who} "
                    f"received them in rotation: the deal is none of {owner}'s",
                )
            else:
                self.needs("fallback", "a returning customer who forgot the salesperson")
            return
        if v.previous is Previous.NAMES and v.asked_for:
            self._named_visit(v)

    def _named_visit(self, v: Visit) -> None:
        p, t, who, owner = self.p, v.at, v.received_by, self.owner
        named = v.asked_for
        if len(named) > 1:
            if p.switch is SwitchRule.RE14 and who in named:
                self.claim(who, t)
                self.take(
                    who,
                    t,
                    "RE14-5.3(5)",
                    f"the customer named {', '.join(named)} without choosing; {who}, the "
                    "first of them present, receives the customer",
                )
            elif p.switch is SwitchRule.RE14:
                self.needs(
                    "RE14-5.3(5)",
                    f"the customer named {', '.join(named)} but none was "
                    "present; the rotation received: the clauses do not say whose deal",
                )
            else:
                self.note(
                    "earlier",
                    f"the customer named several salespeople; the registered "
                    f"salesperson ({owner}) keeps the customer",
                )
            return
        target = named[0]
        if owner is None or target == owner or not self.valid(owner, t):
            if owner != target and owner is not None:
                self.note("valid", f"{owner}'s registration had lapsed")
            if who == target and owner != target:
                self.claim(who, t)
                self.take(who, t, "returning", f"the customer asked for {who}")
            elif owner is not None and who == owner:
                self.note("returning", f"the returning customer went back to {owner}")
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
                    f"on visit {len(self.visits)} the customer named {who}; "
                    f"earlier salesperson(s): {', '.join(earlier)}",
                )
            else:
                self.claim(who, t)
                self.take(who, t, "RE14-5.3(8)", f"the customer named {who}")
            return
        self.note(
            "returning",
            f"the customer named {target}, but is {owner}'s: naming another "
            "is refused in principle",
        )

    def on_recognition(self, r: Recognition) -> None:
        if self.forgot is None:
            self.note("returning", f"{r.original} was recognised ({_fmt(r.at)})")
            return
        earlier, new, tv = self.forgot
        if r.original != earlier:
            self.note("returning", f"{r.original} was recognised, not {earlier}")
            return
        p = self.p
        if p.forgot is ForgotRule.RECOGNITION_WINDOW:
            if _local(r.at) == _local(tv):
                self.take(
                    earlier,
                    r.at,
                    "RE12-3.7(g)",
                    f"{earlier} was recognised the same day: {earlier} takes over",
                )
            elif _local(r.at) <= add_months(_local(tv), p.recognition_window_months):
                self.follow_up = new
                self.set_split(
                    {earlier: p.recognition_share, new: 1 - p.recognition_share},
                    "RE12-3.7(i)",
                    f"no deal on the spot; {earlier} recognised within "
                    f"{p.recognition_window_months} month(s) ({_fmt(r.at)}): {new} follows up, "
                    "the commission is split",
                )
                self.owner = new
            else:
                self.take(
                    new,
                    r.at,
                    "RE12-3.7(j)",
                    f"{earlier} was recognised only after "
                    f"{p.recognition_window_months} month(s): everything to {new}",
                )
        else:
            if self.valid(earlier, tv):
                self.set_split(
                    {new: 1 - p.recognition_share, earlier: p.recognition_share},
                    "RE14-5.3(7)",
                    f"{new} found {earlier} in the records while {earlier}'s registration was "
                    "valid: the bonus is split",
                )
                self.owner = new
            else:
                self.take(
                    new,
                    r.at,
                    "RE14-5.3(7)",
                    f"{earlier}'s registration had lapsed: no part of the deal",
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
                        f"the customer asked for {s.to} mid-reception: refused in principle",
                    )
                elif s.incited:
                    self.set_split(
                        {s.from_: Fraction(1)},
                        "RE12-5.2",
                        f"{s.to} incited the switch: all to {s.from_}",
                    )
                    self.owner = s.from_
                else:
                    first = p.switch_first_share
                    self.follow_up = s.to
                    self.set_split(
                        {s.from_: first, s.to: 1 - first},
                        "RE12-5.2",
                        f"the manager let {s.to} take over from {s.from_}",
                    )
                    self.owner = s.from_
            elif s.to is not None:
                if s.permitted:
                    self.note(
                        "RE12-5.3",
                        f"{s.to} received the returning customer as a courtesy: all to {s.from_}",
                    )
                else:
                    self.note("RE12-5.3", f"the returning customer asked for {s.to}: refused")
            else:
                self.needs("fallback", f"a returning customer refused {s.from_}: no clause")
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
                    {to: 1 - share, previous: share},
                    "RE14-5.3(2)",
                    f"the customer did not want {previous} and asked for {to}; "
                    f"{previous}'s registration is valid",
                )
            else:
                self.set_split(
                    {to: Fraction(1)},
                    "RE14-5.3(2)",
                    f"the customer asked for {to}; {previous}'s registration had lapsed: no part",
                )
            self.owner = self.follow_up = to
        else:
            self.needs("fallback", "a customer asked for another salesperson: no clause")

    def _refusal(self, s: SwitchRequest) -> None:
        if s.fault is Fault.SERIOUS or s.firm:
            self.lost.add(s.from_)
            why = "a serious fault" if s.fault is Fault.SERIOUS else "the customer's firm refusal"
            if s.granted_to is None:
                self.needs(
                    "RE12-3.10",
                    f"{s.from_} lost the customer for {why}, but nobody "
                    "took over (record granted_to)",
                )
                self.owner = None
                return
            self.claim(s.granted_to, s.at)
            self.take(
                s.granted_to,
                s.at,
                "RE12-3.10",
                f"{why}: {s.granted_to} received the "
                f"customer as new; {s.from_} lost every right (the turn counts as void)",
            )
        elif s.fault is Fault.MINOR:
            self.note("RE12-3.10", f"{s.from_}'s minor fault: {s.from_} continues")
        else:
            self.note("RE12-3.10", f"{s.from_} was not at fault: the request is refused")

    def on_complaint(self, c: SalespersonComplaint) -> None:
        if not self.p.complaint_removes:
            self.note(
                "fallback",
                f"a complaint against {c.against} (no clause removes a salesperson for it)",
            )
            return
        if not c.confirmed:
            self.note("RE14-5.3(4)", f"a complaint against {c.against}, not yet confirmed")
            return
        self.lost.add(c.against)
        if self.split and c.against in self.split:
            del self.split[c.against]
        if self.owner == c.against or self.owner is None:
            self.claim(c.reported_by, c.at)
            self.take(
                c.reported_by,
                c.at,
                "RE14-5.3(4)",
                f"the supervisor confirmed the "
                f"complaint: {c.against} has no part; {c.reported_by} receives",
            )
        else:
            self.note("RE14-5.3(4)", f"{c.against} has no part of the deal")

    def on_introduction(self, o: OldCustomerIntroduction) -> None:
        t, who = o.at, o.salesperson
        if self.p.introduction is IntroRule.ORIGINAL_SALESPERSON:
            self.claim(who, t)
            self.take(
                who,
                t,
                "introduction",
                f"introduced by old customer {o.old_customer}: {who}'s customer",
            )
        elif o.how in (IntroHow.PHONED_AHEAD, IntroHow.ESCORTED):
            letter = "(a)" if o.how is IntroHow.PHONED_AHEAD else "(b)"
            self.claim(who, t)
            self.take(
                who,
                t,
                "RE12-7.5",
                f"{letter} old customer {o.old_customer} "
                f"{'phoned ahead for' if letter == '(a)' else 'came along asking for'} "
                f"{who}: {who}'s customer, even if received as a courtesy",
            )
        else:
            self.note(
                "RE12-7.5",
                f"(c) old customer {o.old_customer} neither phoned nor came: "
                "a new customer of whoever receives (RE12-5.4)",
            )

    def on_reallocation(self, r: Reallocation) -> None:
        if not self.p.reallocation:
            self.needs("fallback", f"{r.from_}'s customers re-allocated: no clause")
            return
        self.claim(r.to, r.at)
        self.take(
            r.to,
            r.at,
            "RE14-5.3(12)",
            f"{r.from_} on {r.reason}: re-allocated to {r.to} by random draw ({r.draw})",
        )

    def on_deal(self, d: Deal) -> None:
        owner = self.owner
        pending = (self.split, self.forgot, self.assist, self.same_day, self.nth)
        if (owner is None or not self.valid(owner, d.at)) and all(x is None for x in pending):
            if owner is not None:
                self.note("valid", f"{owner}'s registration had lapsed")
            self.claim(d.closed_by, d.at)
            self.take(
                d.closed_by,
                d.at,
                "after_deal",
                f"{d.closed_by} closed the deal with no valid claim against it",
            )

    # -- the salesperson split at the end ------------------------------------------------

    def salesperson_split(self) -> dict[str, Fraction] | None:
        p, deal = self.p, self.deal
        deal_day = None if deal is None else _local(deal.at)
        if self.forgot is not None:
            earlier, new, tv = self.forgot
            if p.forgot is ForgotRule.RECOGNITION_WINDOW:
                if deal_day == _local(tv):
                    self.note(
                        "RE12-3.7(h)",
                        f"{new} closed the deal on the spot before "
                        f"{earlier} was recognised: customer and commission to {new}",
                    )
                else:
                    self.note(
                        "RE12-3.7(j)",
                        f"no deal on the spot and {earlier} not recognised "
                        f"within {p.recognition_window_months} month(s): all to {new}",
                    )
            else:
                self.note(
                    "RE14-5.3(7)", f"{earlier} was not found in the records: the deal is {new}'s"
                )
            return {new: Fraction(1)}
        if self.assist is not None and deal is not None:
            owner, helper, _ = self.assist
            share = p.assistant_share or Fraction(0)
            self.note("RE14-5.3(3)", f"the deal is {owner}'s; {helper} assisted")
            return {k: v for k, v in {owner: 1 - share, helper: share}.items() if v}
        if self.same_day is not None and deal is not None:
            owner, receiver, tv = self.same_day
            if deal_day == _local(tv) and p.same_day_share is not None:
                self.note(
                    "RE14-2.5",
                    f"the deal closed the same day: {receiver} and {owner} split the bonus",
                )
                return {owner: 1 - p.same_day_share, receiver: p.same_day_share}
            self.note("RE14-2.5", f"no deal that day: {receiver}'s reception was a courtesy")
            return {owner: Fraction(1)}
        if self.nth is not None and deal is not None:
            chosen, before, _ = self.nth
            share = p.nth_visit_share or Fraction(0)
            split = {chosen: share}
            for who in before:
                split[who] = split.get(who, Fraction(0)) + (1 - share) / len(before)
            self.note("RE14-5.3(8)", f"the bonus: {chosen} and the earlier salesperson(s)")
            return split
        if self.split:
            return dict(self.split)
        if self.owner is not None:
            return {self.owner: Fraction(1)}
        return None


def _scope(events: tuple[Event, ...], customer: str | None) -> list[str]:
    """The customers of one case: the chosen one and its household."""
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
    return sorted(seen)


def _check_events(events: Iterable[Event]) -> tuple[Event, ...]:
    if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
        raise InvalidTypeError(f"events must be an iterable of Event objects, got {events!r}")
    items = tuple(events)
    for e in items:
        if not isinstance(e, Event):
            raise InvalidTypeError(f"not an event: {e!r}", value=e)
    return items


_HANDLERS: dict[type[Event], str] = {
    Registration: "on_registration",
    Visit: "on_visit",
    Recognition: "on_recognition",
    SwitchRequest: "on_switch",
    SalespersonComplaint: "on_complaint",
    OldCustomerIntroduction: "on_introduction",
    Reallocation: "on_reallocation",
}


def attribute(
    events: Iterable[Event], policy: AttributionPolicy, *, customer: str | None = None
) -> Attribution:
    """Who owns the customer and how the deal's commission splits (RE11, RE12, RE14).

    ``events`` may come in any order; only their times matter.  Events about
    other customers are an error unless ``customer`` picks one (its
    household, linked by :class:`HouseholdLink`, comes along).
    """
    if not isinstance(policy, AttributionPolicy):
        raise InvalidTypeError(f"policy must be an AttributionPolicy, got {policy!r}")
    items = _check_events(events)
    members = _scope(items, customer)
    inside = set(members)
    timeline = sorted((e for e in items if e.customer in inside), key=_order)
    deals = [e for e in timeline if isinstance(e, Deal)]
    if len(deals) > 1:
        raise InvalidInputError(
            f"{len(deals)} deals in one case ({', '.join(_fmt(d.at) for d in deals)}): a case "
            "is one customer (or household) and one deal",
            value=deals,
        )
    deal = deals[0] if deals else None
    end = deal.at if deal is not None else timeline[-1].at
    states = {m: _Member(policy, end, deal) for m in members}
    rulings: list[Ruling] = []
    disputes: list[Dispute] = []
    late: list[Event] = []
    for e in timeline:
        if isinstance(e, Ruling):
            rulings.append(e)
            continue
        if isinstance(e, Dispute):
            disputes.append(e)
            continue
        if deal is not None and e.at > deal.at:
            late.append(e)
            continue
        state = states[e.customer]
        kind = type(e)
        if kind is Deal:
            _check_deal(state, e)  # type: ignore[arg-type]
            state.on_deal(e)  # type: ignore[arg-type]
        elif kind is CompanyIntroduction:
            state.company = state.company or e  # type: ignore[assignment]
        elif kind is ReferralRegistration:
            state.referrals.append(e)  # type: ignore[arg-type]
        elif kind is ReferralConfirmation:
            state.confirmations.append(e)  # type: ignore[arg-type]
        elif kind in _HANDLERS:
            getattr(state, _HANDLERS[kind])(e)
    label = members[0] if len(members) == 1 else " + ".join(members)
    lead = states[deal.customer] if deal is not None else states[members[0]]
    steps: list[AppliedRule] = []
    for e in late:
        what = "a change of name or unit" if isinstance(e, NameChange) else e.type_name
        steps.append(
            AppliedRule(
                policy.cite("after_deal"),
                f"{what} on {_fmt(e.at)}, after the deal: the salesperson and the commission stay",
            )
        )

    def trail() -> list[AppliedRule]:
        """Each member's timeline, then the case-level rules, in order."""
        out = [step for m in members for step in states[m].steps]
        return out + steps

    decided = _decisions(policy, rulings, disputes, steps)
    if decided is not None:
        shares, owner, reason = decided
        return _result(label, policy, owner, shares, trail(), reason, lead.follow_up, deal)
    split, off_top, reasons = _combine(policy, members, states, lead, steps)
    for m in members:
        reasons.extend(states[m].ruling)
    rest = 1 - sum(off_top.values(), Fraction(0))
    if not reasons and (split is None or (rest > 0 and not split)):
        reasons.append(f"{policy.cite('fallback')}: no salesperson has a valid claim")
        steps.append(AppliedRule(policy.cite("fallback"), "no salesperson has a valid claim"))
    if reasons or split is None:
        return _result(label, policy, None, {}, trail(), "; ".join(reasons), None, deal)
    shares_out: dict[Party, Fraction] = dict(off_top)
    for who, share in split.items():
        party = salesperson(who)
        shares_out[party] = shares_out.get(party, Fraction(0)) + rest * share
    owner = max(split, key=lambda k: (split[k], k == lead.owner, k)) if split else None
    follow = (lead.follow_up or owner) if split else None
    return _result(label, policy, owner, shares_out, trail(), None, follow, deal)


def _check_deal(state: _Member, deal: Deal) -> None:
    arranged = state.company is not None and state.company.arranged_deal
    if not state.visits and not arranged:
        raise InvalidInputError(
            f"a deal ({_fmt(deal.at)}) before any visit of customer {deal.customer}: only a "
            "deal the company arranged itself (RE12-6.4, 6.5) needs no visit",
            value=deal,
        )


def _result(
    label: str,
    policy: AttributionPolicy,
    owner: str | None,
    shares: Mapping[Party, Fraction],
    steps: list[AppliedRule],
    reason: str | None,
    follow_up: str | None,
    deal: Deal | None,
) -> Attribution:
    clean = {k: v for k, v in shares.items() if v}
    return Attribution(
        customer=label,
        policy=policy.name,
        owner=owner,
        shares=MappingProxyType(dict(sorted(clean.items()))),
        steps=tuple(steps),
        needs_ruling=reason is not None,
        ruling_reason=reason,
        follow_up=follow_up if reason is None else None,
        deal=deal,
    )


def _decisions(
    policy: AttributionPolicy,
    rulings: list[Ruling],
    disputes: list[Dispute],
    steps: list[AppliedRule],
) -> tuple[Mapping[Party, Fraction], str | None, str | None] | None:
    """A ruling or a settled dispute decides everything."""
    for r in reversed(rulings):
        if policy.ruling_needs_approval and r.approved_by is None:
            steps.append(
                AppliedRule(
                    policy.cite("ruling"),
                    f"{r.by}'s ruling ({_fmt(r.at)}) lacks "
                    "the sales director's approval: it does not count yet",
                )
            )
            continue
        approved = f", approved by {r.approved_by}" if r.approved_by else ""
        steps.append(
            AppliedRule(
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
        steps.append(
            AppliedRule(policy.cite("fallback"), f"a dispute between {', '.join(d.parties)}")
        )
        return {}, None, f"{policy.cite('fallback')}: a dispute needs a ruling"
    if d.outcome is DisputeOutcome.QUARREL:
        steps.append(
            AppliedRule(
                "RE14-5.4",
                f"{' and '.join(d.parties)} quarrelled: the performance "
                "and bonus go to the department",
            )
        )
        return {DEPARTMENT: Fraction(1)}, None, None
    if d.outcome is DisputeOutcome.PENDING:
        steps.append(AppliedRule("RE14-5.4", f"{' and '.join(d.parties)} dispute the customer"))
        return {}, None, "RE14-5.4: a crossed customer the parties have not settled"
    how = (
        "settled between the parties"
        if d.outcome is DisputeOutcome.SETTLED
        else ("mediated by the department")
    )
    steps.append(AppliedRule("RE14-5.4", f"the crossed customer was {how}"))
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
    steps: list[AppliedRule],
) -> tuple[dict[str, Fraction] | None, dict[Party, Fraction], list[str]]:
    """The salesperson split, the parts paid off the top, and why a ruling is needed."""
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
            AppliedRule(
                policy.cite("household"),
                f"one household: {first} visited first, so the first salesperson wins",
            )
        )
        return found[first], off_top, reasons
    owners = sorted({max(s, key=lambda k: (s[k], k)) for s in found.values()})
    if len(owners) == 1:
        return found[min(found)], off_top, reasons
    steps.append(
        AppliedRule(
            policy.cite("household"),
            f"one household received separately by "
            f"{' and '.join(owners)}: they serve it jointly and split equally",
        )
    )
    return {o: Fraction(1, len(owners)) for o in owners}, off_top, reasons


def _company(
    policy: AttributionPolicy, state: _Member, steps: list[AppliedRule], reasons: list[str]
) -> tuple[dict[str, Fraction] | None, Fraction] | None:
    """RE12-6: None if not a company customer; else (a fixed salesperson split or
    None to use the ownership rules, the public pool's share)."""
    intro = state.company
    if intro is None:
        return None
    before = [t for t in (state.first_contact, *state.registered_before.values()) if t]
    if before and min(before) < intro.at:
        steps.append(
            AppliedRule(
                "RE12-6.1",
                f"the customer visited and registered before contacting "
                f"the company ({intro.by}): not a company customer",
            )
        )
        return None
    terms = policy.company
    if terms is None:
        steps.append(
            AppliedRule(policy.cite("fallback"), f"introduced by the company ({intro.by})")
        )
        reasons.append(
            f"{policy.cite('fallback')}: {policy.name} has no clause for company customers"
        )
        return None
    steps.append(
        AppliedRule("RE12-6.1", f"introduced by {intro.by} before any visit: a company customer")
    )
    if intro.named_salesperson is not None:
        who = intro.named_salesperson
        steps.append(
            AppliedRule(
                "RE12-6.2",
                f"{intro.by} named {who}: a courtesy reception outside "
                "the rotation; the commission goes to the public pool",
            )
        )
        pool = terms.named_pool_share
        return ({} if pool == 1 else {who: Fraction(1)}), pool
    if intro.arranged_deal:
        if intro.after_sales is AfterSales.SALESPERSON:
            assert intro.after_sales_by is not None
            steps.append(
                AppliedRule(
                    "RE12-6.4",
                    f"the company arranged the deal; {intro.after_sales_by} handles after-sales",
                )
            )
            return {intro.after_sales_by: Fraction(1)}, terms.arranged_pool_share
        if intro.after_sales is AfterSales.OTHER_STAFF:
            steps.append(
                AppliedRule(
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
        AppliedRule(
            "RE12-6.3",
            "introduced or brought by the company, followed to the deal by the salesperson",
        )
    )
    return None, terms.brought_pool_share


def _referral(
    policy: AttributionPolicy, state: _Member, steps: list[AppliedRule], reasons: list[str]
) -> str | None:
    """The referrer whose referral is valid (RE11-1 to RE11-4), if any."""
    if not state.referrals:
        return None
    if policy.referral is None:
        steps.append(AppliedRule(policy.cite("fallback"), "an employee referral"))
        reasons.append(f"{policy.cite('fallback')}: {policy.name} has no referral clause")
        return None
    first = state.visits[0] if state.visits else None
    found: str | None = None
    for r in state.referrals:
        if not r.private_contact:
            steps.append(
                AppliedRule(
                    "RE11-1",
                    f"{r.referrer} referred a customer met through work, "
                    "not a private contact: no referral",
                )
            )
            continue
        if first is None:
            continue
        earlier = [w for w, t in state.registered_before.items() if t < r.at]
        if earlier:
            steps.append(
                AppliedRule(
                    "RE11-4",
                    f"{', '.join(earlier)} registered the customer before "
                    f"{r.referrer}'s referral: the claim fails",
                )
            )
            continue
        if r.at > first.at:
            steps.append(
                AppliedRule(
                    "RE11-2",
                    f"{r.referrer} registered the referral after the "
                    "customer's first visit: no referral",
                )
            )
            continue
        if _local(first.at) != r.appointment:
            steps.append(
                AppliedRule(
                    "RE11-3",
                    f"the customer did not come on the appointment date "
                    f"({r.appointment}): {r.referrer}'s registration lapsed",
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
                AppliedRule(
                    "RE11-4",
                    f"{r.referrer} did not confirm at the visit (in person or "
                    "by phone): received as a new customer, the referral is void",
                )
            )
            continue
        steps.append(
            AppliedRule(
                "RE11-4",
                f"{confirmed[0].confirmed_by} confirmed {r.referrer}'s referral at the visit",
            )
        )
        steps.append(
            AppliedRule("RE11-5", f"the customer was handed to {first.received_by} in rotation")
        )
        steps.append(
            AppliedRule(
                "RE11-6",
                f"on the deal: {policy.referral.referrer_share} to "
                f"{r.referrer}, the rest to the salesperson",
            )
        )
        found = r.referrer
    if found is None and first is None:
        reasons.append(f"{policy.cite('fallback')}: a referral with no visit yet")
    return found
