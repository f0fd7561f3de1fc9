"""Referrals, company customers and old customers' introductions (private).

Clauses here (docs/rules.md):

* RE11-1..RE11-6 (RE12 §6(2)) an employee's referral of a private contact,
  registered before the first visit, confirmed at it: 30 % to the referrer.
* RE12-6.1..6.5 company customers: the public pool's share by who arranged what.
* RE12-7.5 / RE12-5.4 an old customer's introduction counts when they phoned
  ahead or came along; RE14-5.3(10) always the old customer's salesperson.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from fractions import Fraction
from typing import NamedTuple

from custrules._i18n import N_, Both, Listed, Term
from custrules.realestate._events import (
    AfterSales,
    CompanyIntroduction,
    IntroHow,
    OldCustomerIntroduction,
    ReferralConfirmation,
    ReferralRegistration,
    Visit,
)
from custrules.realestate._ledger import (
    ONE,
    ZERO,
    Ledger,
    Note,
    _expiry,
    _local,
    _raw,
)
from custrules.realestate._policy import (
    AttributionPolicy,
    IntroRule,
)


def on_introduction(m: Ledger, o: OldCustomerIntroduction) -> None:
    t, who = o.at, o.salesperson
    if m.p.introduction is None:
        m.needs(
            "fallback",
            "introduced by old customer {} to {}: {} has no clause for this",
            o.old_customer,
            who,
            m.p.name,
        )
        return
    original = m.p.introduction is IntroRule.ORIGINAL_SALESPERSON
    # the clauses speak of a new customer (新客户) an old one brings: one received on an
    # earlier day and still held by a valid claim is that salesperson's (RE12-7.3,
    # RE14-5.1: the earlier registration wins), and the case stands as it is (a split
    # pending until the deal included)
    owner = m.owner
    held = owner is not None and not m.is_first_day(t) and m.holds(owner, t)
    if not original and o.how not in (IntroHow.PHONED_AHEAD, IntroHow.ESCORTED):
        if held:
            m.note(
                "RE12-7.5",
                "(c) old customer {} neither phoned nor came, and the customer visited on "
                "an earlier day and is {}'s: not a new customer",
                o.old_customer,
                owner,
            )
            return
        m.note(
            "RE12-7.5",
            "(c) old customer {} neither phoned nor came: a new "
            "customer of whoever receives (RE12-5.4)",
            o.old_customer,
        )
        return
    if who in m.lost:
        # the introduction would make the customer theirs, but a clause removed them
        # (RE12-3.10, RE14-5.3(4), (12)): whoever holds the customer keeps them
        m.note(
            "introduction",
            "introduced by old customer {} as {}'s customer, but {} lost every right to this "
            "customer earlier: nothing changes",
            o.old_customer,
            who,
            who,
        )
        return
    if held:
        if owner == who:
            m.note(
                "introduction",
                "introduced by old customer {} as {}'s customer: the customer visited on an "
                "earlier day and is theirs already",
                o.old_customer,
                who,
            )
            return
        m.note(
            "introduction",
            "introduced by old customer {} as {}'s customer, but the customer visited on an "
            "earlier day and is {}'s: not a new customer",
            o.old_customer,
            who,
            owner,
        )
        return
    if original:
        m.given(
            who,
            t,
            "introduction",
            "introduced by old customer {}: {}'s customer",
            o.old_customer,
            who,
        )
        return
    letter = "(a)" if o.how is IntroHow.PHONED_AHEAD else "(b)"
    how = Term(N_("phoned ahead for") if letter == "(a)" else N_("came along asking for"))
    m.given(
        who,
        t,
        "RE12-7.5",
        "{} old customer {} {} {}: {}'s customer, even if received as a courtesy",
        letter,
        o.old_customer,
        how,
        who,
        who,
    )


def keep_company(state: Ledger, e: CompanyIntroduction) -> None:
    state.company = state.company or e


def keep_referral(state: Ledger, e: ReferralRegistration) -> None:
    state.referrals.append(e)


def keep_confirmation(state: Ledger, e: ReferralConfirmation) -> None:
    state.confirmations.append(e)


def _designated(state: Ledger, intro: CompanyIntroduction, steps: list[Note]) -> bool:
    """RE12-6.2 (如解释无效或其它原因造成指定接待的): whether the executive's naming led
    to a designated reception, that is, the first reception since the introduction was
    by the named salesperson (or a courtesy for them).  One received by someone else was
    received in turn (仍应依排班表进行接待), and a deal the company arranged with no
    reception had none: the naming changed nothing."""
    who = intro.named_salesperson
    first = next((v for v in state.visits if v.at >= intro.at), None)
    if first is None:
        steps.append(
            _raw("RE12-6.2", "{} named {}, but nobody received the customer since", intro.by, who)
        )
        return False
    if who in (first.received_by, first.courtesy_for):
        return True
    steps.append(
        _raw(
            "RE12-6.2",
            "{} named {}, but {} received the customer in turn: not a designated reception",
            intro.by,
            who,
            first.received_by,
        )
    )
    return False


class CompanyDeal(NamedTuple):
    """How RE12-6 pays a company customer's deal."""

    #: the salespeople's split the clause fixes, or None: the ownership rules decide
    split: dict[str, Fraction] | None
    #: the public pool's share, paid off the top
    pool: Fraction
    #: the clause that fixed the split, and the salespeople it speaks of (the one the
    #: executive named, the one handling after-sales); None when nothing is fixed or
    #: the record leaves the clause unknown
    fixed_by: tuple[str, frozenset[str]] | None = None


def company(
    policy: AttributionPolicy, state: Ledger, steps: list[Note], reasons: list[Note]
) -> CompanyDeal | None:
    """RE12-6: None if not a company customer; else how the clauses pay the deal."""
    intro = state.company
    if intro is None:
        return None
    terms = policy.company
    if terms is None:
        steps.append(_raw(policy.cite("fallback"), "introduced by the company ({})", intro.by))
        reasons.append(
            _raw(policy.cite("fallback"), "{} has no clause for company customers", policy.name)
        )
        return None
    # RE12-6.1: 对...已先到访售楼现场并已办理了客户登记的，不再视为公司客户: a customer
    # someone registered before the introduction (a registration still valid then) is
    # not a company customer; a visit nobody registered, or a registration that had
    # lapsed, leaves them one
    earlier = sorted(w for w, times in state.reg_at.items() if times[0] < intro.at)
    standing = [w for w in earlier if state.registered_by(w, intro.at)]
    if standing:
        steps.append(
            _raw(
                "RE12-6.1",
                "{} registered the customer before the company ({}) introduced them: not a "
                "company customer",
                Both(standing),
                intro.by,
            )
        )
        return None
    removed = [w for w in earlier if state.removed_by(w, intro.at)]
    if removed:  # RE12-3.10(c): the customer is then a new customer (此客户按新客处理)
        steps.append(
            _raw(
                "RE12-6.1",
                "introduced by {} after {} lost every right to the customer: a company customer",
                intro.by,
                Both(removed),
            )
        )
    elif earlier:
        steps.append(
            _raw(
                "RE12-6.1",
                "introduced by {} after {}'s registration had lapsed: a company customer",
                intro.by,
                Both(earlier),
            )
        )
    elif state.visits and state.visits[0].at < intro.at:
        steps.append(
            _raw(
                "RE12-6.1",
                "introduced by {} after a visit nobody registered: a company customer",
                intro.by,
            )
        )
    else:
        steps.append(
            _raw("RE12-6.1", "introduced by {} before any visit: a company customer", intro.by)
        )
    if intro.named_salesperson is not None and _designated(state, intro, steps):
        who = intro.named_salesperson
        pool = terms.named_pool_share
        if pool == 1:
            steps.append(
                _raw(
                    "RE12-6.2",
                    "{} named {}: a courtesy reception outside the rotation; "
                    "the commission goes to the public pool",
                    intro.by,
                    who,
                )
            )
            return CompanyDeal({}, pool, ("RE12-6.2", frozenset((who,))))
        # a host's own terms: the pool takes its share, the named salesperson the rest
        steps.append(
            _raw(
                "RE12-6.2",
                "{} named {}: a courtesy reception outside the rotation; "
                "{} of the commission goes to the public pool, the rest to {}",
                intro.by,
                who,
                pool,
                who,
            )
        )
        return CompanyDeal({who: ONE}, pool, ("RE12-6.2", frozenset((who,))))
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
            return CompanyDeal(
                {intro.after_sales_by: ONE},
                terms.arranged_pool_share,
                ("RE12-6.4", frozenset((intro.after_sales_by,))),
            )
        if intro.after_sales is AfterSales.OTHER_STAFF:
            pool = terms.arranged_other_staff_pool_share
            if pool == 1:
                steps.append(
                    _raw(
                        "RE12-6.5",
                        "the company arranged the deal; other staff handle "
                        "after-sales: all to the public pool",
                    )
                )
            else:  # a host's own terms leave a part that no salesperson earned
                steps.append(
                    _raw(
                        "RE12-6.5",
                        "the company arranged the deal; other staff handle "
                        "after-sales: {} of the commission to the public pool",
                        pool,
                    )
                )
            return CompanyDeal({}, pool, ("RE12-6.5", frozenset()))
        reasons.append(
            _raw(
                "RE12-6.4",
                "the company arranged the deal, but who handles after-sales "
                "(a salesperson, RE12-6.4, or other staff, RE12-6.5) is not recorded",
            )
        )
        return CompanyDeal({}, ZERO)
    steps.append(
        _raw(
            "RE12-6.3",
            "introduced or brought by the company, followed to the deal by the salesperson",
        )
    )
    return CompanyDeal(None, terms.brought_pool_share)


def _arrival(visits: list[Visit], t: _dt.datetime, months: int | None) -> Visit | None:
    """The customer's arrival for a referral registered at ``t``: the first visit at
    ``t`` or after, or of a time whose claims had not all lapsed by then (RE11-4, RE11-2
    read with RE12-7.1).  Both hold of every visit after one they hold of, so the
    visits (in time order) are read in one look."""
    day = _local(t)

    def arrived(v: Visit) -> int:
        return int(v.at >= t or months is None or day <= _expiry(_local(v.at), months))

    at = bisect_left(visits, 1, key=arrived)
    return visits[at] if at < len(visits) else None


def referral(
    policy: AttributionPolicy, state: Ledger, steps: list[Note], reasons: list[Note]
) -> set[str]:
    """The referrers whose referrals of this customer are valid (RE11-1 to RE11-4); the
    case names one referrer at most (see combine)."""
    if not state.referrals:
        return set()
    if policy.referral is None:
        steps.append(_raw(policy.cite("fallback"), "an employee referral"))
        reasons.append(_raw(policy.cite("fallback"), "{} has no referral clause", policy.name))
        return set()
    first = state.visits[0] if state.visits else None
    found: set[str] = set()
    # (read once for every referral: who registered in what order, and the referrers'
    # confirmations by their day)
    order = {who: n for n, who in enumerate(state.reg_at)}
    confirmations: dict[tuple[str, _dt.date], list[ReferralConfirmation]] = {}
    for c in state.confirmations:
        confirmations.setdefault((c.referrer, _local(c.at)), []).append(c)
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
        # RE11-4, RE11-2 read with RE12-7.1: a registration, or a visit, of a time whose
        # claims had all lapsed by the referral is not "first": the customer starts over
        # (of the salespeople registered that day: see Ledger.registered_then)
        earlier = sorted(
            (w for w in state.registered_then(_local(r.at)) if state.registered_by(w, r.at)),
            key=order.__getitem__,
        )
        if earlier:
            steps.append(
                _raw(
                    "RE11-4",
                    "{} registered the customer before {}'s referral: the claim fails",
                    Listed(earlier),
                    r.referrer,
                )
            )
            continue
        arrival = _arrival(state.visits, r.at, policy.registration_validity_months)
        if arrival is None:
            continue
        if r.at > arrival.at:
            steps.append(
                _raw(
                    "RE11-2",
                    "{} registered the referral after the customer's first visit: no referral",
                    r.referrer,
                )
            )
            continue
        if _local(arrival.at) != r.appointment:
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
        confirmed = confirmations.get((r.referrer, _local(arrival.at)), [])
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
            _raw("RE11-5", "the customer was handed to {} in rotation", arrival.received_by)
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
        reasons.append(_raw(policy.cite("fallback"), "a referral with no visit yet"))
    return found
