"""Rulings and disputes (private; see the package).

Clauses here (docs/rules.md):

* RE12-7.7 what the rules leave open, the project manager rules in writing,
  approved by the sales director (the policy says whether approval is needed).
* RE14-5.4 crossed customers: settled by the parties or mediated by the
  department; if they quarrel, the performance and bonus go to the department.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, TypeVar

from custrules._i18n import N_, Both, Listed, Quote, Term
from custrules.realestate._events import (
    DEPARTMENT,
    EVENT_WORDS,
    Dispute,
    DisputeOutcome,
    Event,
    Party,
    PartyKind,
    Ruling,
    salesperson,
)
from custrules.realestate._ledger import ONE, Ledger, Note, _local, _raw, pass_parts
from custrules.realestate._policy import (
    AttributionPolicy,
)

_Decided = TypeVar("_Decided", Ruling, Dispute)


def counts(policy: AttributionPolicy, e: Ruling | Dispute) -> bool:
    """Whether a decision counts: a ruling needs the sales director's approval when the
    policy says so (RE12-7.7); a dispute's record always counts."""
    return not (isinstance(e, Ruling) and policy.ruling_needs_approval and not e.approved_by)


def ruling_note(policy: AttributionPolicy, r: Ruling) -> Note:
    """The trail's line for a ruling that counts."""
    if r.approved_by:
        return _raw(
            policy.cite("ruling"),
            "ruling by {}, approved by {} ({}){}",
            r.by,
            r.approved_by,
            r.at,
            Quote(r.text),
        )
    return _raw(policy.cite("ruling"), "ruling by {} ({}){}", r.by, r.at, Quote(r.text))


def ruling_people(policy: AttributionPolicy, e: Ruling | Dispute) -> dict[str, Fraction] | None:
    """The salespeople's shares of a decision that can be applied when it is given,
    before the deal: a ruling that counts, or a crossed customer settled or mediated
    (RE14-5.4), that splits the deal among salespeople only, a ruling naming as
    owner, if anyone, a salesperson with the largest share.  None: it decides at the
    end, as one after the deal does (it pays the public pool or the department, a
    policy without the clause asks for a ruling, or it names an owner with a smaller
    share)."""
    if not counts(policy, e):
        return None
    if isinstance(e, Ruling):
        shares: Mapping[Party, Fraction] | None = e.shares
    elif policy.disputes and e.outcome in _SETTLED:
        shares = e.shares
    else:
        return None
    if shares is None or any(p.kind is not PartyKind.SALESPERSON for p in shares):
        return None
    people = {p.name: v for p, v in shares.items()}
    owner = e.owner if isinstance(e, Ruling) else None
    if owner is not None and people[owner] != max(people.values()):
        return None
    return people


def on_ruling(m: Ledger, e: Ruling | Dispute, owner: str, shares: dict[str, Fraction]) -> None:
    """RE12-7.7, RE14-5.4: a ruling (or a crossed customer's settlement) given before
    the deal decides the case as it stands then.  It answers every question open, the
    customer is ``owner``'s (the decision counts as their registration from then, as
    a reception a clause gives does), and the deal will split as it says, the whole
    commission (a salesperson a clause had removed, given a part, has it; the
    company's or a referrer's part known then is in its shares, as in a ruling after
    the deal).  The clauses go on from there as for any holder: a confirmed complaint
    or a reallocation moves a part, a lapse ends the case, a decision after it
    decides anew.  ``shares`` are its salespeople's (see :func:`ruling_people`)."""
    for who in shares:
        m.restore(who)
    m.answered()
    m.unordered = None
    # its shares are the whole commission, as a ruling's after the deal are: the
    # company's and a referrer's parts known then are in them
    m.company, m.referrals, m.confirmations = None, [], []
    rule, template, args = ruling_note(m.p, e) if isinstance(e, Ruling) else settled_note(e)
    m.given(owner, e.at, rule, template, *args)
    m.split, m.lapsing = shares, None  # (no part of it waits on a registration)
    m.split_by = None


def settled_note(d: Dispute) -> Note:
    """The trail's line for a crossed customer settled or mediated (RE14-5.4)."""
    how = Term(
        N_("settled between the parties")
        if d.outcome is DisputeOutcome.SETTLED
        else N_("mediated by the department")
    )
    return _raw("RE14-5.4", "the crossed customer was {}", how)


_SETTLED = frozenset({DisputeOutcome.SETTLED, DisputeOutcome.MEDIATED})


def standing(
    policy: AttributionPolicy,
    states: Mapping[str, Ledger],
    decided: Sequence[_Decided],
    now: _dt.datetime,
    steps: list[Note],
) -> list[_Decided]:
    """The rulings (or disputes) that still decide at ``now``.  One of a time every claim
    of which has lapsed since, on every member, decides nothing now: the question it
    answered lapsed with those claims, and the customer started over (RE12-7.1,
    RE14-5.2, as for a question still open).  A ruling that never counted (it lacks
    the approval the policy needs) is left for :func:`decisions` to say so."""
    kept: list[_Decided] = []
    for e in decided:
        day = _local(e.at)
        if counts(policy, e) and all(state.time_over(day, now) for state in states.values()):
            steps.append(
                _raw(
                    policy.cite("valid"),
                    "the {} of {} is of a time every registration of which has lapsed "
                    "since: the customer started over, and it decides nothing now",
                    Term(EVENT_WORDS[e.type_name]),
                    e.at,
                )
            )
        else:
            kept.append(e)
    return kept


def decisions(
    policy: AttributionPolicy,
    rulings: list[Ruling],
    disputes: list[Dispute],
    steps: list[Note],
) -> tuple[Mapping[Party, Fraction], str | None, Note | None, _dt.datetime] | None:
    """A ruling or a settled dispute decides everything: (the shares, the owner a
    ruling names or None, why a ruling is still needed or None, when it was given).
    The later record decides: a dispute after a ruling (a quarrel, a settlement, a
    crossing not yet settled) is a new fact the ruling did not answer; a ruling at a
    dispute's own instant, or after it, answers it."""
    last = disputes[-1] if disputes else None
    for r in reversed(rulings):
        if not counts(policy, r):
            steps.append(
                _raw(
                    policy.cite("ruling"),
                    "{}'s ruling ({}) lacks the sales director's approval: it does not count yet",
                    r.by,
                    r.at,
                )
            )
            continue
        if last is not None and r.at < last.at:
            steps.append(
                _raw(
                    policy.cite("ruling"),
                    "the ruling of {} came before the dispute of {}: the later record decides",
                    r.at,
                    last.at,
                )
            )
            break
        steps.append(ruling_note(policy, r))
        # without an owner named, the engine names the largest share (never by name)
        return r.shares, r.owner, None, r.at
    if not disputes:
        return None
    d = disputes[-1]
    if not policy.disputes:
        steps.append(_raw(policy.cite("fallback"), "a dispute between {}", Listed(d.parties)))
        return {}, None, _raw(policy.cite("fallback"), "a dispute needs a ruling"), d.at
    if d.outcome is DisputeOutcome.QUARREL:
        steps.append(
            _raw(
                "RE14-5.4",
                "{} quarrelled: the performance and bonus go to the department",
                Both(d.parties),
            )
        )
        return {DEPARTMENT: ONE}, None, None, d.at
    if d.outcome is DisputeOutcome.PENDING:
        steps.append(_raw("RE14-5.4", "{} dispute the customer", Both(d.parties)))
        return {}, None, _raw("RE14-5.4", "a crossed customer the parties have not settled"), d.at
    steps.append(settled_note(d))
    assert d.shares is not None
    return d.shares, None, None, d.at


def salespeople(shares: Mapping[Party, Fraction]) -> dict[str, Fraction]:
    """The salespeople's shares of a decision, by name (the public pool, the department
    and a referrer left out)."""
    return {p.name: v for p, v in shares.items() if p.kind is PartyKind.SALESPERSON}


def removed_since(
    policy: AttributionPolicy,
    states: Mapping[str, Ledger],
    shares: Mapping[Party, Fraction],
    owner: str | None,
    when: _dt.datetime,
    steps: list[Note],
) -> tuple[Mapping[Party, Fraction], str | None, Note | None]:
    """A decision that decides at the deal (one on a household, one that pays the public
    pool, ...) meets the clauses that came after it, as one applied when given does: a
    salesperson it gives a part who then loses every right (RE14-5.3(4), (12), RE12-3.10)
    passes the part, and the customer, to the one who took over; so does one whose
    customers a draw re-allocated while the register named another holder.  The parts
    move in the order of the removals: one removed before a part reached them keeps
    it only if a draw gave it to them (RE14-5.3(12): the manager's latest draw gives
    the customer again); by another clause, who takes it needs a ruling.  (The shares,
    the owner, why a ruling is still needed or None.)"""
    removals = sorted(
        {
            (t, who, heir, rule)
            for state in states.values()
            for who, (heir, rule, t) in (*state.lost.items(), *state.drawn.items())
            if t > when
        },
        key=lambda r: (r[0], r[1], r[2] or "", r[3]),
    )
    if not removals:
        return shares, owner, None
    people = salespeople(shares)
    for t in sorted({r[0] for r in removals}):
        at_t: dict[str, tuple[str | None, str]] = {}
        for _, who, heir, rule in (r for r in removals if r[0] == t):
            held = who in people  # (without a part, only one removed then can pass them one)
            if who in at_t and at_t[who][0] != heir:
                if not held:
                    at_t[who] = (None, rule)  # two members' records: nobody known takes it
                    continue
                why = _raw(
                    policy.cite("fallback"),
                    "{} lost every right on the records of two members, to different "
                    "salespeople: who takes their part needs a ruling",
                    who,
                )
                steps.append(why)
                return {}, None, why
            if (
                held
                and rule != "RE14-5.3(12)"
                and any(r[1] == heir and r[0] < t for r in removals)
            ):
                why = _raw(
                    policy.cite_table.get(rule, rule),
                    "{} lost every right to this customer earlier: who takes {}'s part "
                    "needs a ruling",
                    heir,
                    who,
                )
                steps.append(why)
                return {}, None, why
            at_t[who] = (heir, rule)
        notes, question = pass_parts(people, at_t)
        steps.extend(notes)  # (each cites the clause that removed the salesperson)
        if question is not None:
            rule, template, args = question
            steps.append(why := _raw(policy.cite_table.get(rule, rule), template, *args))
            return {}, None, why
        for _ in range(len(at_t)):  # the owner's part went where theirs did
            if owner in at_t:
                owner = at_t[owner][0]
    out = {p: v for p, v in shares.items() if p.kind is not PartyKind.SALESPERSON}
    out.update((salesperson(who), v) for who, v in people.items())
    return out, owner, None


def decision_view(e: Event) -> tuple[Any, ...]:
    """What a ruling or a dispute decides (two that agree are one decision)."""
    if isinstance(e, Ruling):
        return (tuple(e.shares.items()), e.owner, e.approved_by is not None)
    assert isinstance(e, Dispute)
    shares = None if e.shares is None else tuple(e.shares.items())
    return (e.outcome, shares)
