"""Households and the case's split (private; see the package).

Clauses here (docs/rules.md):

* RE12-7.4 spouses received separately before the deal: the salespeople serve
  them jointly and split 50/50; RE14-5.3(11) the first salesperson wins.
* The composition of a case: parts paid off the top (referrer, public pool),
  then the salespeople's part (the catalogue's "Decide" on multi-way splits);
  a company customer's fixed split (RE12-6.2, 6.4, 6.5) that meets a salesperson
  it does not name holding a member at the deal asks for a ruling (RE12-7.7).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction

from custrules._i18n import N_, Both
from custrules.realestate._designation import deal_split
from custrules.realestate._events import (
    PUBLIC_POOL,
    Deal,
    Party,
    referrer,
)
from custrules.realestate._ledger import (
    Ledger,
    Note,
    _merge,
    _raw,
    stands_at_deal,
)
from custrules.realestate._policy import (
    AttributionPolicy,
    HouseholdRule,
)
from custrules.realestate._referrals import company, referral


def combine(
    policy: AttributionPolicy,
    members: list[str],
    states: dict[str, Ledger],
    lead: Ledger,
    steps: list[Note],
) -> tuple[dict[str, Fraction] | None, dict[Party, Fraction], list[Note]]:
    """The salesperson split, the parts paid off the top, and why a ruling is needed."""
    if len(members) == 1 and lead.company is None and not lead.referrals:
        return deal_split(lead), {}, []
    reasons: list[Note] = []
    off_top: dict[Party, Fraction] = {}
    fixed: dict[str, Fraction] | None = None
    deal = lead.deal
    assert deal is not None
    standing: dict[str, bool] = {}

    def stands(m: str) -> bool:
        """Whether member ``m``'s record still earns at the deal (read once): the deal's
        own record unless the deal went to its closer for want of a valid claim."""
        if m not in standing:
            state = states[m]
            standing[m] = not state.closer_took if state is lead else stands_at_deal(state, deal)
        return standing[m]

    # the household's deal is one deal: a company introduction or an employee referral
    # of another member counts too, read on that member's own record (their visits and
    # registrations) as on the deal's own, where neither lapses with the registrations
    # (RE12-6, RE11-6 set no time limit); the member's trail says how it went
    others = [
        states[m]
        for m in members
        if states[m] is not lead
        and (states[m].company is not None or states[m].referrals)
        and states[m].visits
    ]
    introduced = company(policy, lead, steps, reasons)
    differ = False
    for other in others:
        theirs = company(policy, other, other.steps, reasons)
        if introduced is None:
            introduced = theirs
        elif theirs is not None and theirs != introduced:
            differ = True
            reasons.append(
                _raw(
                    policy.cite("fallback"),
                    "the company introduced more than one member of the household, on "
                    "different terms",
                )
            )
    if introduced is not None:
        fixed, pool = introduced.split, introduced.pool
        if pool:
            off_top[PUBLIC_POOL] = pool
    referrers = sorted(
        set().union(
            *(
                referral(policy, state, steps if state is lead else state.steps, reasons)
                for state in (lead, *others)
            )
        )
    )
    who = referrers[0] if len(referrers) == 1 else None
    if len(referrers) > 1:
        reasons.append(
            _raw(
                policy.cite("fallback"),
                "valid referrals by {}: the clauses name one referrer",
                Both(referrers),
            )
        )
    if who is not None and policy.referral is not None:
        if introduced is not None:
            reasons.append(
                _raw(policy.cite("fallback"), "a company customer and an employee referral meet")
            )
        off_top[referrer(who)] = policy.referral.referrer_share
    if fixed is not None:
        if introduced is not None and introduced.fixed_by is not None and not differ:
            _holders_unpaid(policy, introduced.fixed_by, members, states, deal, steps, reasons)
        return fixed, off_top, reasons
    if len(members) == 1:
        return deal_split(lead), off_top, reasons
    # each member's first visit (a member with none has no claim of their own)
    firsts = {m: t for m in members if (t := states[m].current_contact()) is not None}
    splits = {m: deal_split(states[m]) for m in firsts if stands(m)}
    found = {m: s for m, s in splits.items() if s}
    if not stands(deal.customer):
        if found:
            # no valid claim on the deal's own record, but another member's stands: the
            # household's claim decides, not the closer (RE12-7.1, RE14-5.2 per member)
            steps.append(
                _raw(
                    policy.cite("closer"),
                    "{}'s record holds no valid claim; another member's does: the "
                    "household's claims decide, not {}, who closed the deal",
                    deal.customer,
                    deal.closed_by,
                )
            )
        else:  # nobody's claim stands: the deal is its closer's
            found = {deal.customer: split} if (split := deal_split(lead)) else {}
    claims: list[dict[str, Fraction]] = []  # the members' different claims
    for m in sorted(found):
        if found[m] not in claims:
            claims.append(found[m])
    if not claims:
        return None, off_top, reasons
    if len(claims) == 1:  # one claim is all there is (the others' are the same, or lapsed)
        return claims[0], off_top, reasons
    names = Both(sorted({who for claim in claims for who in claim}))
    if policy.household is None:
        steps.append(_raw(policy.cite("fallback"), "one household held by {}", names))
        reasons.append(_raw(policy.cite("fallback"), "{} has no household clause", policy.name))
        return None, off_top, reasons
    if policy.household is HouseholdRule.FIRST_WINS:
        first_time = min(firsts[m] for m in found)
        earliest = [m for m in sorted(found) if firsts[m] == first_time]
        if any(found[m] != found[earliest[0]] for m in earliest):
            steps.append(_raw(policy.cite("tie"), "household members first seen at one instant"))
            reasons.append(
                _raw(policy.cite("tie"), "household members first seen at the same instant")
            )
            return None, off_top, reasons
        steps.append(
            _raw(
                policy.cite("household"),
                "one household: {} visited first, so the first salesperson wins",
                earliest[0],
            )
        )
        return found[earliest[0]], off_top, reasons
    # RE12-7.4: the salespeople who received the members serve them jointly and split
    # equally; a member whose own claim is split (a switch's 70/30, say) brings an
    # equal part, split as its clause says
    if all(len(claim) == 1 for claim in claims):
        template = N_(
            "one household received separately by {}: they serve it jointly and split equally"
        )
    else:
        template = N_(
            "one household received separately by {}: they serve it jointly, each "
            "member's claim an equal part"
        )
    steps.append(_raw(policy.cite("household"), template, names))
    part = Fraction(1, len(claims))
    joint = _merge((who, part * share) for claim in claims for who, share in claim.items())
    return joint, off_top, reasons


def _holders_unpaid(
    policy: AttributionPolicy,
    fixed_by: tuple[str, frozenset[str]],
    members: list[str],
    states: Mapping[str, Ledger],
    deal: Deal,
    steps: list[Note],
    reasons: list[Note],
) -> None:
    """RE12-6.2, 6.4 and 6.5 pay a company customer's deal to the salespeople they
    name (the one the executive named, the one handling after-sales, or nobody), and
    speak of a deal with no other reception; a salesperson of another name who holds a
    member at the deal by a claim still valid then (a registration, RE12-7.3, or a
    clause such as RE12-7.5's) is a claim they do not speak of: a ruling (RE12-7.7),
    not a silent loss.  One who holds for want of any claim (the closer) is none."""
    clause, spoken_of = fixed_by
    holders = sorted(
        {
            owner
            for m in members
            if (owner := states[m].owner) is not None
            and owner not in spoken_of
            and not states[m].closer_took  # (the closer holds for want of a claim)
            and states[m].valid(owner, deal.at)
        }
    )
    if holders:
        note = _raw(
            policy.cite("fallback"),
            "{} holds the customer by a claim valid at the deal, but {} pays the company "
            "customer's deal without them: no clause says which decides",
            Both(holders),
            clause,
        )
        steps.append(note)
        reasons.append(note)


def holder(
    policy: AttributionPolicy,
    members: list[str],
    states: Mapping[str, Ledger],
    steps: list[Note],
    as_of: _dt.datetime | None,
) -> tuple[str | None, list[Note]]:
    """Who holds the customer when there is no deal yet, and why a ruling is needed."""
    now = as_of if as_of is not None else states[members[0]].last
    assert now is not None  # (the pass leaves every member's last instant, the case's)
    for m in members:
        states[m].settle(now)
    reasons = [why for m in members for why in states[m].ruling]
    if reasons:
        return None, reasons
    holders: list[tuple[_dt.datetime, str]] = []
    for m in members:
        state = states[m]
        owner = state.owner
        if owner is None:
            state.unregistered()
            continue
        if not state.holds(owner, now):
            if owner in state.regs:
                state.note(
                    "valid", "{}'s registration has lapsed: nobody holds the customer", owner
                )
            else:
                # held by a clause (a forgetful customer's new salesperson, say) on the
                # strength of the customer's registrations, every one of which has lapsed
                state.note(
                    "valid",
                    "every registration on the customer's record has lapsed: nobody holds "
                    "the customer",
                )
            continue
        first = state.current_contact() or state.last
        assert first is not None
        holders.append((first, owner))
    if not holders:
        return None, []
    names = list(dict.fromkeys(who for _, who in sorted(holders, key=lambda h: h[0])))
    if len(names) == 1:
        return names[0], []
    if policy.household is None:
        steps.append(_raw(policy.cite("fallback"), "one household held by {}", Both(names)))
        return None, [_raw(policy.cite("fallback"), "{} has no household clause", policy.name)]
    first_time = min(h[0] for h in holders)
    if len({who for when, who in holders if when == first_time}) > 1:
        steps.append(_raw(policy.cite("tie"), "household members first seen at one instant"))
        return None, [_raw(policy.cite("tie"), "household members first seen at the same instant")]
    if policy.household is HouseholdRule.FIRST_WINS:
        steps.append(
            _raw(policy.cite("household"), "one household: the first salesperson, {}", names[0])
        )
    else:
        steps.append(
            _raw(
                policy.cite("household"),
                "one household held jointly by {}; {} received it first",
                Both(names),
                names[0],
            )
        )
    return names[0], []
