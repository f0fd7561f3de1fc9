"""The attribution engine: one pass over a customer's events (private; see the package).

The clauses live in one module per section of the regulations, each clause's
code beside its ID: ``_ledger`` (registration and validity), ``_reception``
(reception, returning and forgetful customers), ``_designation`` (switches,
complaints, re-allocation), ``_referrals`` (referrals, company customers, old
customers' introductions), ``_households`` (households and the case's split)
and ``_rulings`` (rulings and disputes).  This module sorts the events, sends
each to its clauses in one pass, and assembles the :class:`Attribution`.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import operator
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

from custrules import _check
from custrules._frozen import FrozenMap
from custrules._i18n import N_, Both, Names, Sub, Term, lang_code, tr
from custrules.errors import InvalidInputError, InvalidTypeError
from custrules.money import _split_cents, _to_cents
from custrules.periods import CHINA_TZ
from custrules.realestate._designation import on_complaint, on_reallocation, on_switch, removes
from custrules.realestate._events import (
    _KIND_ORDER,
    EVENT_TYPES,
    EVENT_WORDS,
    CompanyIntroduction,
    Deal,
    Dispute,
    Event,
    HouseholdLink,
    MeetingRecord,
    NameChange,
    OldCustomerIntroduction,
    Party,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    Registration,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
    salesperson,
)
from custrules.realestate._households import combine, holder
from custrules.realestate._ledger import (
    ZERO,
    Ledger,
    Note,
    _fmt,
    _local,
    _raw,
    _render,
    confirmation_limit,
    on_deal,
    on_meeting_record,
    on_registration,
    registration_tie,
    render_note,
)
from custrules.realestate._policy import (
    AttributionPolicy,
)
from custrules.realestate._reception import on_recognition, on_visit
from custrules.realestate._referrals import (
    keep_company,
    keep_confirmation,
    keep_referral,
    on_introduction,
)
from custrules.realestate._rulings import (
    decision_view,
    decisions,
    on_ruling,
    removed_since,
    ruling_people,
    salespeople,
    standing,
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
    #: the rules applied, in order (rendered into ``steps`` on demand)
    trail: tuple[Note, ...] = attrs.field(repr=False)
    needs_ruling: bool = False
    #: why a ruling is needed, rule by rule (rendered into ``ruling_reason`` on demand)
    ruling: tuple[Note, ...] = attrs.field(default=(), repr=False)
    #: who follows up and handles after-sales (RE14-5.3(9))
    follow_up: str | None = None
    deal: Deal | None = None

    @property
    def steps(self) -> tuple[AppliedRule, ...]:
        """The rules applied, in order, with the facts behind each (English)."""
        return self.steps_in("en")

    def steps_in(self, lang: str = "en") -> tuple[AppliedRule, ...]:
        """The rules applied, in order, with the facts behind each, in ``lang``."""
        lang = lang_code(lang)
        return tuple(AppliedRule(rule, _render(t, args, lang)) for rule, t, args in self.trail)

    @property
    def ruling_reason(self) -> str | None:
        """Why a manager's ruling is needed (English; None when it is not)."""
        return self.ruling_text("en")

    def ruling_text(self, lang: str = "en") -> str | None:
        """Why a manager's ruling is needed, in ``lang`` (None when it is not)."""
        if not self.needs_ruling:
            return None
        return _RulingText(self.ruling).label(lang_code(lang))

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule IDs applied, in order, each once."""
        return tuple(dict.fromkeys(rule for rule, _, _ in self.trail))

    def split(self, total: Decimal) -> dict[Party, Decimal]:
        """The commission ``total`` split to the cent (see :func:`custrules.allocate`)."""
        if self.deal is None:
            raise InvalidInputError.of(
                N_(
                    "customer {customer} has no deal yet: there is no commission to "
                    "split (the attribution names who holds the customer now)"
                ),
                code="realestate.engine.attribution.split.customer_has",
                customer=self.customer,
            )
        if self.needs_ruling:
            raise InvalidInputError.of(
                N_(
                    "the case needs a manager's ruling before its commission can be "
                    "split: {ruling_reason}"
                ),
                code="realestate.engine.attribution.split.case_needs",
                ruling_reason=_RulingText(self.ruling),
            )
        return _split_cents(_to_cents(total), self.shares)

    def explain(self, lang: str = "en") -> str:
        """The reasoning, one rule a line, in ``lang`` (``"en"`` or ``"zh"``)."""
        return "\n".join(str(step) for step in self.steps_in(lang))


@attrs.frozen
class _RulingText:
    """Why a ruling is needed, inside an error's message: rendered in the
    message's language."""

    notes: tuple[Note, ...]

    def label(self, lang: str = "en") -> str:
        return tr(N_("; "), lang).join(render_note(note, lang) for note in self.notes)

    def __str__(self) -> str:
        return self.label()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _links(events: Iterable[Event]) -> dict[str, set[str]]:
    """Each customer of the events and the customers a HouseholdLink ties them to."""
    links: dict[str, set[str]] = {}
    for e in events:
        links.setdefault(e.customer, set())
        if isinstance(e, HouseholdLink):
            links[e.customer].add(e.other)
            links.setdefault(e.other, set()).add(e.customer)
    return links


def household(links: Mapping[str, set[str]], start: str) -> set[str]:
    """``start`` and every customer linked to it, directly or through others (only
    ``start`` when no event is about them)."""
    seen, todo = {start}, [start]
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _scope(
    events: tuple[Event, ...], customer: str | None, kinds: frozenset[type[Event]]
) -> tuple[list[str], bool]:
    """The customers of one case (the chosen one and its household), and
    whether every event belongs to them.  A ``customer`` that one of the events
    names is text (the events checked theirs); any other is checked here."""
    names = {e.customer for e in events}
    if len(names) == 1 and HouseholdLink not in kinds:
        (only,) = names
        if customer is not None and customer != only:
            _check.text(customer, "customer")
            raise InvalidInputError.of(
                N_("no event concerns customer {customer!r}"),
                code="realestate.engine.scope.no_event_concerns_customer.4",
                value=customer,
                customer=customer,
            )
        return [only], True
    links = _links(events)
    if not links:
        raise InvalidInputError.of(
            N_("no events: nothing to attribute"),
            code="realestate.engine.scope.no_events_nothing_attribute.1",
        )
    if customer is not None:
        _check.text(customer, "customer")
    start = customer if customer is not None else next(iter(links))
    if start not in links:
        raise InvalidInputError.of(
            N_("no event concerns customer {start!r}"),
            code="realestate.engine.scope.no_event_concerns_customer.2",
            value=start,
            start=start,
        )
    seen = household(links, start)
    if customer is None and len(seen) != len(links):
        others = sorted(set(links) - seen)
        raise InvalidInputError.of(
            N_(
                "events for more than one customer ({start}, {a}) in one call: pass "
                "customer=... to pick one, or link a household with a HouseholdLink event"
            ),
            code="realestate.engine.scope.events_more_than_one_customer_one_call_pass.3",
            value=sorted(links),
            start=start,
            a=Names(others),
        )
    return sorted(seen), len(seen) == len(links)


def _label(members: list[str]) -> str:
    """The name of a case: its customer, or its household's members (in order)."""
    return members[0] if len(members) == 1 else " + ".join(members)


def _check_events(events: Iterable[Event]) -> tuple[tuple[Event, ...], frozenset[type[Event]]]:
    """The events as a tuple, and the kinds among them."""
    if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
        raise InvalidTypeError.of(
            N_("events must be an iterable of Event objects, got {events!r}"),
            code="realestate.engine.check_events.events_iterable",
            events=events,
        )
    items = tuple(events)
    kinds = frozenset(map(type, items))
    if not kinds <= _EVENT_KINDS:
        for e in items:
            if not isinstance(e, Event):
                raise InvalidTypeError.of(
                    N_("not an event: {e!r}"),
                    code="realestate.engine.check_events.not_event",
                    value=e,
                    e=e,
                )
        raise InvalidTypeError.of(
            N_("events must be custrules' own event classes, not subclasses: {a}"),
            code="realestate.engine.check_events.events_custrules",
            a=sorted(k.__name__ for k in kinds - _EVENT_KINDS),
        )
    return items, kinds


_HANDLERS: dict[type[Event], Any] = {
    Registration: on_registration,
    Visit: on_visit,
    Recognition: on_recognition,
    SwitchRequest: on_switch,
    SalespersonComplaint: on_complaint,
    OldCustomerIntroduction: on_introduction,
    Reallocation: on_reallocation,
    CompanyIntroduction: keep_company,
    ReferralRegistration: keep_referral,
    ReferralConfirmation: keep_confirmation,
    MeetingRecord: on_meeting_record,
}
_EVENT_KINDS = frozenset(EVENT_TYPES)
_BY_TIME = operator.attrgetter("at", "rank")
#: records that only a ruling could order: one instant, one kind, one customer
_BY_GROUP = operator.attrgetter("at", "rank", "customer")


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
        raise InvalidTypeError.of(
            N_("policy must be an AttributionPolicy, got {policy!r}"),
            code="realestate.engine.attribute.policy_attributionpolicy",
            policy=policy,
        )
    if as_of is not None:
        as_of = _check.instant_in(as_of, "as_of", CHINA_TZ)
    items, kinds = _check_events(events)
    if NameChange in kinds:
        customer = _renamed(items, customer)
    if as_of is not None:
        known = tuple(e for e in items if e.at <= as_of)
        if not known:
            # the same errors for events about other customers; the case is named as
            # the events name it, whatever their order in the list
            members, _ = _scope(items, customer, kinds)
            label = customer if customer is not None else _label(members)
            return _result(label, policy, None, {}, [], None, None, None)
        items = known
    members, whole = _scope(items, customer, kinds)
    if whole:
        timeline = list(items)
    else:
        inside = set(members)
        timeline = [e for e in items if e.customer in inside]
    label = _label(members)
    timeline.sort(key=_BY_TIME)
    keys = list(map(_BY_TIME, timeline))
    tied = any(map(operator.eq, keys, keys[1:]))
    if tied:
        timeline.sort(key=_canonical)  # a full order that does not depend on the list's
    deals = [e for e in timeline if type(e) is Deal] if Deal in kinds else []
    if len(deals) > 1 and len(set(deals)) > 1:
        raise InvalidInputError.of(
            N_("{a} deals in one case ({a2}): a case is one customer (or household) and one deal"),
            code="realestate.engine.attribute.deals_one",
            value=deals,
            a=len(deals),
            a2=Names(_fmt(d.at) for d in deals),
        )
    deal = deals[0] if deals else None
    if len(members) > 1:
        # a member with no record of their own up to the deal (only the household link,
        # or events after the deal, which change nothing) adds nothing to the household's
        # claims: the case is read on the one record there is, as a single customer's
        # (a ruling before the deal is then applied when given)
        active = {
            e.customer
            for e in timeline
            if type(e) is not HouseholdLink
            and (deal is None or e.at <= deal.at or type(e) is MeetingRecord)
        }
        if len(active) == 1:
            members = sorted(active)
    cutoff = _cutoff(policy, deal, as_of)
    case = _CaseArgs(policy, members, label, timeline, tied, deal, cutoff, as_of)
    run, decided = _decide(case, timeline)
    if decided.needs_ruling and run.rivals:
        return _one_at_a_time(case, run.rivals) or decided
    return decided


#: how many readings of rival records at one instant (one record of each group at a
#: time) the engine tries before leaving the question to the manager
MAX_READINGS = 8


class _CaseArgs(NamedTuple):
    """What one case's passes share (a plain tuple: built once a call, on the hot path)."""

    policy: AttributionPolicy
    members: list[str]
    label: str
    #: the whole timeline (a reading of rival records leaves some of it out)
    timeline: list[Event]
    #: whether events share instants
    tied: bool
    deal: Deal | None
    #: the last instant a confirmation counts
    cutoff: _dt.datetime | None
    as_of: _dt.datetime | None


def _decide(case: _CaseArgs, timeline: list[Event]) -> tuple[_Run, Attribution]:
    """The pass over ``timeline`` (the case's, or a reading of it) and the attribution it
    gives."""
    policy, members, label, _, tied, deal, cutoff, as_of = case
    run = _pass(policy, members, timeline, tied, deal, cutoff)
    decided = _assemble(policy, members, label, run, as_of)
    if run.unordered_at is None:
        return run, decided
    # records at one instant that nothing orders were read in the engine's order: the
    # answer stands only if the opposite order gives it too (never a choice by name or
    # by place in the list); else the order decides the case, and a manager must
    back = _pass(policy, members, timeline, tied, deal, cutoff, reverse=True)
    other = _assemble(policy, members, label, back, as_of)
    if _essence(other) == _essence(decided) and _why(other) == _why(decided):
        return run, decided
    why = _raw(
        policy.cite("tie"),
        "the records at the same instant ({}) that nothing orders decide the case: read the "
        "other way round, they give another answer",
        run.unordered_at,
    )
    return run, attrs.evolve(
        decided,
        owner=None,
        shares=FrozenMap({}),
        trail=(*decided.trail, why),
        needs_ruling=True,
        ruling=(*decided.ruling, why) if decided.needs_ruling else (why,),
        follow_up=None,
    )


def _one_at_a_time(case: _CaseArgs, rivals: list[list[Event]]) -> Attribution | None:
    """Rival records at one instant (records of one kind that say different things: two
    accounts of one request, say) decide nothing when, whichever of them is read without
    the others, the case gets one answer that needs no ruling: that answer stands, and
    the trail says so.  Else (or past ``MAX_READINGS`` readings) None: the question
    stays the manager's."""
    readings = 1
    for group in rivals:
        readings *= len(group)
        if readings > MAX_READINGS:
            return None
    answers: list[Attribution] = []
    every = {e for group in rivals for e in group}
    for kept in itertools.product(*rivals):
        dropped = every.difference(kept)
        _, a = _decide(case, [e for e in case.timeline if e not in dropped])
        if a.needs_ruling or (answers and _essence(a) != _essence(answers[0])):
            return None
        answers.append(a)
    first, policy = answers[0], case.policy
    lines = tuple(
        _raw(
            policy.cite("tie" if type(group[0]) is Visit else "fallback"),
            "the {} {} records at the same instant ({}) say different things, but each "
            "of them read without the others gives this answer: it stands",
            len(group),
            Term(EVENT_WORDS[group[0].type_name]),
            group[0].at,
        )
        for group in rivals
    )
    return attrs.evolve(first, trail=(*first.trail, *lines))


def _renamed(items: tuple[Event, ...], customer: str | None) -> str | None:
    """A change of name records the customer's new name; it does not start a new
    customer (RE12-7.6: the salesperson and the commission stay).  Events recorded
    under the new name from the change on would be read as another customer's, whose
    history starts then: refused.  A ``customer`` asked by the new name, which no
    event is about, is the customer who took it."""
    renamed: dict[str, NameChange] = {}
    for e in items:
        if isinstance(e, NameChange) and e.new_name != e.customer:
            first = renamed.get(e.new_name)
            if first is None or e.at < first.at:  # the earliest, whatever the list's order
                renamed[e.new_name] = e
    for e in items:
        change = renamed.get(e.customer)
        if change is not None and e.at >= change.at:
            raise InvalidInputError.of(
                N_(
                    "{customer!r} is the new name {old!r} took on {at} (a change of name), "
                    "and a {kind} on {at2} is recorded under it: record every event of this "
                    "customer as {old!r}; a change of name does not start a new customer"
                ),
                code="realestate.engine.renamed_customer",
                value=e,
                customer=e.customer,
                old=change.customer,
                at=_fmt(change.at),
                kind=Term(EVENT_WORDS[e.type_name]),
                at2=_fmt(e.at),
            )
    if customer in renamed and all(e.customer != customer for e in items):
        return renamed[customer].customer
    return customer


def _essence(a: Attribution) -> tuple[Any, ...]:
    """What an attribution decides: the owner, the shares, a ruling, the follow-up."""
    return (a.owner, a.shares, a.needs_ruling, a.follow_up)


def _why(a: Attribution) -> set[str]:
    """Why the case needs a ruling, whatever order the reasons came in (a question that
    records at one instant raise in one order and not in the other is one that the order
    decides)."""
    return {render_note(note) for note in a.ruling}


def _pass(
    policy: AttributionPolicy,
    members: list[str],
    timeline: list[Event],
    tied: bool,  # noqa: FBT001
    deal: Deal | None,
    cutoff: _dt.datetime | None,
    *,
    reverse: bool = False,
) -> _Run:
    """The one pass over ``timeline``, which leaves "now" at the case's last event
    (``reverse``: records at one instant that nothing orders read the other way round)."""
    states = {m: Ledger(policy, cutoff, deal, timeline) for m in members}
    run = _Run(states, deal, timeline, reverse=reverse)
    if tied:
        run.grouped(timeline)
    elif len(members) == 1:
        run.alone(timeline, states[members[0]])
    else:
        for e in timeline:
            run.one(e)
    now = timeline[-1].at
    for state in states.values():
        state.last = now
    return run


def _assemble(
    policy: AttributionPolicy,
    members: list[str],
    label: str,
    run: _Run,
    as_of: _dt.datetime | None,
) -> Attribution:
    """The attribution the pass gives: rulings, the holder, or the deal's split."""
    states, deal = run.states, run.deal
    lead = states[deal.customer] if deal is not None else states[members[0]]
    steps: list[Note] = []
    for e in run.late:
        if isinstance(e, HouseholdLink):
            # a household found out after the deal (之后发现): its members' visits before
            # the deal decide, as the household clause says
            steps.append(
                _raw(
                    policy.cite("household"),
                    "{} and {} found to be one household on {}, after the deal: "
                    "their visits before the deal decide",
                    e.customer,
                    e.other,
                    e.at,
                )
            )
            continue
        what = Term(
            N_("a change of name or unit")
            if isinstance(e, NameChange)
            else EVENT_WORDS[e.type_name]
        )
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
            (rule, "[{}] {}", (m, Sub((template, args))))
            for m in members
            for rule, template, args in states[m].steps
        ]
        return out + steps

    if len(run.rulings) > 1:
        _agree(run.rulings)
    if len(run.disputes) > 1:
        _agree(run.disputes)
    rulings, disputes = run.rulings, run.disputes
    if run.applied:  # a ruling applied before the deal answered what came before it
        since = run.applied[-1].at
        rulings = [r for r in rulings if r.at > since]
        disputes = [d for d in disputes if d.at > since]
    if rulings or disputes:
        now = deal.at if deal is not None else as_of if as_of is not None else lead.last
        assert now is not None  # (the pass leaves every member's last instant, the case's)
        rulings = standing(policy, states, rulings, now, steps)
        disputes = standing(policy, states, disputes, now, steps)
    decided = decisions(policy, rulings, disputes, steps)
    if decided is not None:
        shares, owner, reason, when = decided
        if reason is None:
            read = run.lines() if run.lines_to_deal is None else run.lines_to_deal
            if read > run.lines_at.get(when, read):
                # records after it were read (above) on the record as it stood without it
                template = (
                    N_(
                        "the decision of {} decides the deal: of the records after it, only a "
                        "salesperson losing every right changes it"
                    )
                    if deal is not None
                    else N_(
                        "the decision of {} decides the case: of the records after it, only a "
                        "salesperson losing every right changes it"
                    )
                )
                steps.append(_raw(policy.cite("ruling"), template, when))
            shares, owner, reason = removed_since(policy, states, shares, owner, when, steps)
        if owner is None and reason is None:
            people = salespeople(shares)
            owner = _top(people, _held(lead, deal, states), states, members)
            if owner is None and people:
                steps.append(_unnamed(policy.cite("ruling"), people))
        if deal is None:
            shares = {}
        # the ruling's owner follows the customer up (RE14-5.3(9)), as any owner does
        return _result(label, policy, owner, shares, trail(), reason, owner, deal)
    if deal is None:
        owner, reasons = holder(policy, members, states, steps, as_of)
        if reasons:
            return _result(label, policy, None, {}, trail(), reasons, None, None)
        # the follow-up a clause named (RE12-5.2, 3.7(i)) while its owner holds the case,
        # if every member the owner holds names the same one
        named = {s.follow_up for s in states.values() if s.owner == owner}
        follow = next(iter(named)) if owner is not None and len(named) == 1 else None
        return _result(label, policy, owner, {}, trail(), None, follow or owner, None)
    for state in states.values():
        if state is not lead:  # the other members are read at the deal as the lead is
            state.settle(deal.at)
    split, off_top, reasons = combine(policy, members, states, lead, steps)
    for m in members:
        reasons.extend(states[m].ruling)
    if off_top:
        rest = 1 - sum(off_top.values(), ZERO)
        if not reasons and (split is None or (rest > 0 and not split)):
            reasons.append(_raw(policy.cite("fallback"), "no salesperson has a valid claim"))
            steps.append(reasons[-1])
    elif not reasons and not split:
        reasons.append(_raw(policy.cite("fallback"), "no salesperson has a valid claim"))
        steps.append(reasons[-1])
    if reasons or split is None:
        return _result(label, policy, None, {}, trail(), reasons, None, deal)
    if off_top:
        # off the top: the public pool and a referrer, never a salesperson
        shares_out: dict[Party, Fraction] = dict(off_top)
        for who, share in split.items():
            shares_out[salesperson(who)] = rest * share
    else:
        shares_out = {salesperson(who): share for who, share in split.items()}
    owner = _top(split, lead.owner, states, members)
    # RE14-5.3(9): the owner follows up, unless the clause named another salesperson
    # of the split (RE12-5.2, 3.7(i)); one without a part does not
    follow = lead.follow_up if lead.follow_up in split else owner
    return _result(label, policy, owner, shares_out, trail(), None, follow, deal)


def attribute_many(
    histories: Iterable[Iterable[Event]],
    policy: AttributionPolicy,
    *,
    as_of: _dt.datetime | None = None,
) -> Iterator[Attribution]:
    """:func:`attribute` for a stream of histories (one customer or household each),
    yielding one :class:`Attribution` a history, in order and lazily: the bulk
    path for a commission run, and what a Dask bag or a Spark partition maps.

    >>> from custrules import RE12, Registration, Visit, CHINA_TZ
    >>> from datetime import datetime
    >>> t = datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)
    >>> def seen(customer, who):
    ...     return [Visit(at=t, customer=customer, received_by=who),
    ...             Registration(at=t, customer=customer, salesperson=who, confirmed_at=t)]
    >>> stream = (seen(c, w) for c, w in (("王", "甲"), ("李", "乙")))
    >>> [(a.customer, a.owner) for a in attribute_many(stream, RE12)]
    [('王', '甲'), ('李', '乙')]
    """
    if not isinstance(policy, AttributionPolicy):
        raise InvalidTypeError.of(
            N_("policy must be an AttributionPolicy, got {policy!r}"),
            code="realestate.engine.attribute_many.policy_attributionpolicy",
            policy=policy,
        )
    for history in _check.iterable(histories, "histories"):
        yield attribute(history, policy, as_of=as_of)


def _held(lead: Ledger, deal: Deal | None, states: Mapping[str, Ledger]) -> str | None:
    """Who held the case, to break a tie of equal shares: the deal's member's owner, or
    before a deal the owner every member agrees on; nobody when records that nothing
    orders were applied (the holder may follow the engine's order of them)."""
    if any(_unsure(state) for state in states.values()):
        return None
    if deal is not None:
        return lead.owner
    owners = {state.owner for state in states.values()} - {None}
    return owners.pop() if len(owners) == 1 else None


def _unsure(state: Ledger) -> bool:
    """Whether records the engine ordered itself, contradicting each other, were applied
    since the customer last started over (before that, every claim they touched has
    lapsed).  Records that stand side by side are not counted: the answer stands only
    if both orders of them give it (see attribute), the holder it names included."""
    t = state.unordered
    if t is None:
        return False
    since = state.current_contact()
    return since is None or t >= since


def _unnamed(rule: str, split: Mapping[str, Fraction]) -> Note:
    """Why no owner is named for a ruling's ``split``: its largest shares are equal, and
    neither who held the customer nor who received it first tells them apart."""
    best = max(split.values())
    return _raw(
        rule,
        "{} hold equal shares, and neither who held the customer nor who received it first "
        "tells them apart: nobody is named owner",
        Both(sorted(who for who, v in split.items() if v == best)),
    )


def _top(
    split: Mapping[str, Fraction],
    preferred: str | None,
    states: Mapping[str, Ledger],
    members: list[str],
) -> str | None:
    """The owner named for a split: the largest share; among equal shares the
    salesperson who already held the customer, then the one who received it
    first as their own, else first at all (never a choice by name)."""
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
    # the first reception of any member (by time: members are not ordered by name), in
    # the current run of claims (a visit of a time that lapsed does not count): a
    # reception as one's own first; one for another salesperson (a courtesy) or for a
    # discount only when none of them received the customer as their own
    seen = [v for m in members for v in states[m].current_visits() if v.received_by in top]
    first = [v for v in seen if v.courtesy_for is None and not v.for_discount] or seen
    if not first:
        return None
    when = min(v.at for v in first)
    received = {v.received_by for v in first if v.at == when}
    return received.pop() if len(received) == 1 else None


def _cutoff(
    policy: AttributionPolicy, deal: Deal | None, as_of: _dt.datetime | None
) -> _dt.datetime | None:
    """The last instant a project manager's confirmation counts (RE12-7.2)."""
    limit = None if deal is None else confirmation_limit(policy, deal)
    if as_of is not None and (limit is None or as_of < limit):
        limit = as_of
    return limit


def _canonical(event: Event) -> tuple[_dt.datetime, int, str, str]:
    """A total order on events that does not depend on the order they came in,
    nor on the time zone their times are written in."""
    fields = (
        v.astimezone(_dt.timezone.utc).isoformat() if isinstance(v, _dt.datetime) else v
        for v in attrs.astuple(event, recurse=False)
    )
    return (event.at, event.rank, event.customer, repr((event.type_name, *fields)))


#: kinds whose same-instant records never conflict (their order changes nothing)
#: (rulings and disputes must agree, which _agree checks after the pass)
_ORDER_FREE = frozenset(
    {
        HouseholdLink,
        NameChange,
        ReferralConfirmation,
        ReferralRegistration,
        MeetingRecord,
        Ruling,
        Dispute,
    }
)

#: records of one kind at one instant that are about different salespeople do not
#: contradict each other (RE14-5.3(4), (12)): who each is about
_APART: dict[type[Event], operator.attrgetter[str]] = {
    SalespersonComplaint: operator.attrgetter("against"),
    Reallocation: operator.attrgetter("from_"),
}


def _side_by_side(kind: type[Event], group: list[Any], policy: AttributionPolicy) -> bool:
    """Whether records of one kind at one instant stand side by side instead of
    contradicting each other: one salesperson's reception recorded twice, with different
    details (named on entering, say: no question of who received first), or complaints
    that remove (beside any only noted: one not confirmed, or under a policy that removes
    nobody for a complaint) against, or draws of the customers of, different salespeople
    made together.  The answer stands if they give it in either order (see attribute).
    A complaint filed and confirmed on one day, in a register kept by the day, is two
    such records."""
    if kind is Visit:
        return len({v.received_by for v in group}) == 1
    if kind is SalespersonComplaint:
        group = [c for c in group if removes(policy, c)]
    about = _APART.get(kind)
    return about is not None and len(set(map(about, group))) == len(group)


class _Run:
    """Dispatches the timeline's events to the members' states."""

    __slots__ = (
        "applied",
        "deal",
        "disputes",
        "late",
        "lines_at",
        "lines_to_deal",
        "records",
        "reverse",
        "rivals",
        "rulings",
        "states",
        "timeline",
        "unordered_at",
    )

    def __init__(
        self,
        states: dict[str, Ledger],
        deal: Deal | None,
        timeline: list[Event],
        *,
        reverse: bool,
    ) -> None:
        self.states = states
        self.deal = deal
        #: the events the pass reads, in order
        self.timeline = timeline
        #: read records at one instant that nothing orders the other way round
        self.reverse = reverse
        #: the first instant with such records, once the pass met them
        self.unordered_at: _dt.datetime | None = None
        #: groups of records of one kind at one instant that say different things
        self.rivals: list[list[Event]] = []
        self.rulings: list[Ruling] = []
        self.disputes: list[Dispute] = []
        self.late: list[Event] = []
        #: rulings and settlements given before the deal and applied then (on_ruling)
        self.applied: list[Ruling | Dispute] = []
        #: per customer, the days of the evening-meeting records (RE14-5.1), in order, and
        #: for each, who the records from it on name first if they agree (see named_first)
        self.records: dict[str, tuple[list[_dt.date], list[str | None]]] = {}
        #: the members' trail lines when a ruling or dispute at an instant was met
        self.lines_at: dict[_dt.datetime, int] = {}
        #: the members' trail lines before the deal was applied (None: no deal met)
        self.lines_to_deal: int | None = None

    def lines(self) -> int:
        """How many lines the members' trails hold so far."""
        return sum(len(state.steps) for state in self.states.values())

    def one(self, e: Event) -> None:
        kind = type(e)
        deal = self.deal
        if kind is Ruling or kind is Dispute:
            (self.rulings if kind is Ruling else self.disputes).append(e)  # type: ignore[arg-type]
            self.lines_at.setdefault(e.at, self.lines())
            if len(self.states) == 1 and (deal is None or e.at < deal.at):
                self.before_deal(e)  # type: ignore[arg-type]
        elif deal is not None and e.at > deal.at:
            if kind is MeetingRecord:  # evidence of the first reception, whenever written
                on_meeting_record(self.states[e.customer], e, deal.at)  # type: ignore[arg-type]
            else:
                self.late.append(e)
        elif kind is Deal:
            self.lines_to_deal = self.lines()
            state = self.states[e.customer]
            state.begin(e.at)
            if not state.visits:
                _check_deal(state, e, self.timeline)  # type: ignore[arg-type]
            on_deal(state, e)  # type: ignore[arg-type]
        else:
            handler = _HANDLERS.get(kind)
            if handler is not None:
                state = self.states[e.customer]
                state.begin(e.at)
                handler(state, e)

    def before_deal(self, e: Ruling | Dispute) -> None:
        """A ruling (or a settlement) given before the deal on a single customer decides
        the case then, and the clauses go on from it (see on_ruling), when it names a
        salesperson who holds the customer: its owner, or the one largest share; among
        equal shares, as at the end, the salesperson who held the customer, then the
        one received first."""
        state = self.states[e.customer]
        people = ruling_people(state.p, e)
        if people is None:
            return
        state.begin(e.at)
        held = None if _unsure(state) else state.owner
        named = e.owner if isinstance(e, Ruling) else None
        owner = named or _top(people, held, self.states, [e.customer])
        if owner is not None:
            on_ruling(state, e, owner, people)
            self.applied.append(e)

    def alone(self, timeline: list[Event], state: Ledger) -> None:
        """:meth:`one` for each event of a single customer with no ties (the common case)."""
        handlers = _HANDLERS
        deal = self.deal
        deal_at = deal.at if deal is not None else None
        for e in timeline:
            kind = type(e)
            handler = handlers.get(kind)
            if handler is not None and (deal_at is None or e.at <= deal_at):
                state.begin(e.at)
                handler(state, e)
            else:
                self.one(e)

    def grouped(self, timeline: list[Event]) -> None:
        """The pass when some events share an instant (and a rank)."""
        kept: dict[str, list[MeetingRecord]] = {}
        for e in timeline:
            if type(e) is MeetingRecord:
                kept.setdefault(e.customer, []).append(e)
        for customer, records in kept.items():
            agreed: list[str | None] = [None]
            names: set[str] = set()
            for r in reversed(records):
                names.add(r.first)
                agreed.append(r.first if len(names) == 1 else None)
            self.records[customer] = ([_local(r.at) for r in records], agreed[::-1])
        i, n = 0, len(timeline)
        while i < n:
            e = timeline[i]
            j = i + 1
            key = _BY_GROUP(e)
            while j < n and _BY_GROUP(timeline[j]) == key:
                j += 1
            group = list(dict.fromkeys(timeline[i:j]))  # the same record twice is one fact
            i = j
            if len(group) == 1:
                self.one(e)
            else:
                self.tie(group)

    def named_first(self, customer: str, t: _dt.datetime) -> str | None:
        """Who the evening-meeting records written on or after the day of ``t`` name as
        the first to receive ``customer`` (RE14-5.1), if they agree: a record of an
        earlier day is about an earlier time, and tells nothing of this one."""
        days, agreed = self.records.get(customer, ([], [None]))
        return agreed[bisect_left(days, _local(t))]

    def tie(self, group: list[Event]) -> None:
        e = group[0]
        kind = type(e)
        t = e.at
        if kind in _ORDER_FREE or (self.deal is not None and t > self.deal.at):
            for x in group:
                self.one(x)
            return
        state = self.states[e.customer]
        state.begin(t)
        if kind is Registration:
            regs: list[Registration] = group  # type: ignore[assignment]
            counting: list[Registration] = []
            void: list[Registration] = []
            for r in regs:
                (counting if state.counts(r) else void).append(r)
            if len({r.salesperson for r in counting}) > 1:
                for r in void:
                    self.one(r)
                registration_tie(state, counting, self.named_first(e.customer, t))
                return
        elif kind is Visit and self.visit_tie(state, group, t):  # type: ignore[arg-type]
            return
        elif kind is not Deal:
            if self.unordered_at is None:
                self.unordered_at = t
            if self.reverse:
                group = group[::-1]
            if _side_by_side(kind, group, state.p):
                for x in group:
                    self.one(x)
                return
            state.unordered = t
            self.rivals.append(group)
            state.needs(
                "tie" if kind is Visit else "fallback",
                "{} {} records at the same instant ({}) say different things: the "
                "records cannot order them",
                len(group),
                Term(EVENT_WORDS[kind.type_name]),
                t,
            )
        for x in group:
            self.one(x)

    def visit_tie(self, state: Ledger, group: list[Visit], t: _dt.datetime) -> bool:
        """RE14-5.1: two salespeople recorded receiving the customer at one instant; the
        evening-meeting record, when the policy accepts it and it names one of them,
        tells who received the customer first.  The other record, of that same instant,
        cannot be a later reception: it is read as the same reception, and the clauses go
        on from the named salesperson's.  False when the record does not decide (three
        records or more, or two by the one named): a ruling."""
        first = self.named_first(group[0].customer, t) if state.p.meeting_record_decides else None
        if first is None or len(group) != 2:
            return False
        named = [v for v in group if v.received_by == first]
        if len(named) != 1:
            return False
        other = group[1] if named[0] is group[0] else group[0]
        state.note(
            "RE14-5.1",
            "{} received the customer at the same instant ({}); the evening-meeting record "
            "names {} first",
            Both(sorted({first, other.received_by})),
            t,
            first,
        )
        self.one(named[0])
        return True


def _agree(decided: list[Ruling] | list[Dispute]) -> None:
    """Rulings (or disputes) recorded at one instant, for one customer or for members of
    one household, must decide alike: nothing orders them."""
    at: dict[_dt.datetime, list[Event]] = {}
    for d in decided:
        at.setdefault(d.at, []).append(d)
    for group in at.values():
        if len({decision_view(x) for x in group}) > 1:
            e = group[0]
            raise InvalidInputError.of(
                N_(
                    "{a} {type_name}s at the same instant ({a2}) for customer "
                    "{customer} decide differently: a ruling must be unambiguous; "
                    "withdraw one or record them at different times"
                ),
                code="realestate.engine.run.tie.s_same",
                value=group,
                a=len(group),
                type_name=Term(e.type_name),
                a2=_fmt(e.at),
                customer=_label(sorted({x.customer for x in group})),
            )


def _check_deal(state: Ledger, deal: Deal, timeline: list[Event]) -> None:
    """A deal before any visit of its customer is refused, unless the company arranged it
    (the caller asks only when no visit came before).  A visitor form before it records
    a visit, even one that does not count (RE12-7.2: not confirmed, or confirmed too
    late): the deal is then read as any other (a counting form stands for its day's
    reception, see Ledger.record_form)."""
    if state.unconfirmed:
        return  # (the ledger read a form that does not count: see _uncounted)
    if state.company is None or not state.company.arranged_deal:
        day = _local(deal.at)
        later = [
            e.at
            for e in timeline
            if type(e) is Visit and e.customer == deal.customer and _local(e.at) == day
        ]
        if later:
            # instants are read as given: a deal kept by its date alone, at midnight, comes
            # before that day's receptions
            raise InvalidInputError.of(
                N_(
                    "a deal ({a}) before any visit of customer {customer}, who was received "
                    "later that day ({b}): give the deal the time it closed (a deal kept by "
                    "its date alone: the end of that day)"
                ),
                code="realestate.engine.check_deal.deal_before_same_day",
                value=deal,
                a=_fmt(deal.at),
                b=_fmt(min(later)),
                customer=deal.customer,
            )
        raise InvalidInputError.of(
            N_(
                "a deal ({a}) before any visit of customer {customer}: only a deal the "
                "company arranged itself (RE12-6.4, 6.5) needs no visit"
            ),
            code="realestate.engine.check_deal.deal_before",
            value=deal,
            a=_fmt(deal.at),
            customer=deal.customer,
        )


def _party_key(item: tuple[Party, Fraction]) -> tuple[int, str]:
    return (_KIND_ORDER[item[0].kind], item[0].name)


def _notes(reason: Note | list[Note] | None) -> tuple[Note, ...]:
    if reason is None:
        return ()
    if isinstance(reason, list):
        return tuple(reason)
    return (reason,)


def _result(
    label: str,
    policy: AttributionPolicy,
    owner: str | None,
    shares: Mapping[Party, Fraction],
    steps: list[Note],
    reason: Note | list[Note] | None,
    follow_up: str | None,
    deal: Deal | None,
) -> Attribution:
    if len(shares) > 1:
        shares = dict(sorted(((k, v) for k, v in shares.items() if v), key=_party_key))
    return Attribution(
        customer=label,
        policy=policy.name,
        owner=owner,
        shares=FrozenMap(shares),
        trail=tuple(steps),
        needs_ruling=reason is not None,
        ruling=_notes(reason),
        follow_up=follow_up if reason is None else None,
        deal=deal,
    )
