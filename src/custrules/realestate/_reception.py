"""Reception: new, returning and forgetful customers (private; see the package).

Clauses here (docs/rules.md):

* RE14-5.3 frames RE14's cases below: A is the salesperson now receiving the
  customer (``received_by``), B the one who received them before (the holder).
* RE12-3.6 / RE14-5.3(1) a returning customer goes back to whoever received them.
* RE12-3.7(g)-(j) a customer who forgot their salesperson: recognised the same
  day, the original takes over; a deal on the spot is the new salesperson's;
  recognised within the window, 50/50; later, all to the new salesperson.
* RE14-5.3(1) recognised during the reception with the original present: back
  to the original; RE14-5.3(7) found in the records afterwards: 50/50 while the
  original's registration is valid.
* RE12-4 / RE14-2.5 courtesy receptions for an absent salesperson; RE14-2.5 a
  same-day deal splits 50/50.
* RE12-5.1 / RE14-2.5(1) a new customer who names a salesperson on entering.
* RE14-5.3(3) named but absent: the assistant's 20 %; RE14-5.3(5) several names;
  RE14-5.3(6) a visit for a discount; RE14-5.3(8) named on the n-th visit;
  RE14-5.3(13) exhibitions and openings: the manager decides.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction

from custrules._i18n import N_, Listed
from custrules.periods import add_months
from custrules.realestate._events import (
    Deal,
    Previous,
    Recognition,
    Visit,
)
from custrules.realestate._ledger import (
    _FORGOT,
    ONE,
    TOOK_OVER,
    ZERO,
    Forgotten,
    Ledger,
    Note,
    _local,
    _merge,
    pending_parties,
    share_part,
)
from custrules.realestate._policy import (
    ForgotRule,
    SwitchRule,
)


def on_visit(m: Ledger, v: Visit) -> None:
    first = not m.visits
    # naming someone on entering is a new customer's right (RE12-5.1, RE14-2.5(1)): the
    # first visit's, or one's who came before and is new again by the register
    designating = v.named_on_entry and (first or m.new_again(v.at))
    m.add_visit(v)
    p, t, who, owner = m.p, v.at, v.received_by, m.owner
    if v.exhibition and p.exhibitions_need_ruling:
        m.needs(
            "RE14-5.3(13)",
            "received at an exhibition or opening on {}: the manager decides",
            t,
        )
        return
    if (
        v.for_discount
        and p.discount_visits
        and owner is not None
        and owner != who
        and m.holds(owner, t)
    ):
        if m.split_among_several():
            m.note(
                "RE14-5.3(6)",
                "{}'s customer went to {} for a discount: no part for {}; the split above stands",
                owner,
                who,
                who,
            )
        else:
            m.note(
                "RE14-5.3(6)",
                "{}'s customer went to {} for a discount: the whole bonus stays {}'s",
                owner,
                who,
                owner,
            )
        return
    if v.courtesy_for is not None:
        _courtesy(m, v, v.courtesy_for, first=first)
        return
    # RE12-3.10: the next salesperson receives the customer as new (one the customer names
    # on entering, as for any new customer: RE12-5.1); after a split, only the parts of
    # the ones removed
    taker = v.asked_for[0] if v.named_on_entry and v.asked_for else who
    parts = m.awaiting_parts() if m.ruling else []
    if parts and taker not in m.lost:
        m.take_part(taker, t, parts)
        return
    gone = m.awaiting_taker() if owner is None else None
    if gone is not None and taker not in m.lost:
        m.given(taker, t, "RE12-3.10", TOOK_OVER, taker, t, gone)
        return
    if first or designating:
        if v.named_on_entry and v.asked_for and who not in v.asked_for:
            # the customer named someone else on entering, yet another received them: the
            # named salesperson's customer all the same (RE12-5.1 由该售楼员接待, RE14-2.5(1)
            # 即为该销售员客户), whoever received them
            named = v.asked_for[0]
            m.given(
                named,
                t,
                "designated",
                "the new customer named {} on entering: {}'s customer, though {} received them",
                named,
                named,
                who,
            )
        elif v.named_on_entry:
            m.given(
                who,
                t,
                "designated",
                "the new customer named {} on entering (not a rotation turn)",
                who,
            )
        return
    if v.previous is _FORGOT and owner is not None and owner != who:
        if not m.holds(owner, t):
            return  # the earlier claim has lapsed: the receiver registers as new
        if who == m.follow_up or (m.split_among_several() and who in (m.split or {})):
            return  # one of the customer's salespeople received them: nobody new did
        if p.forgot is not None and m.kept_from(
            who, "RE12-3.7" if p.forgot is ForgotRule.RECOGNITION_WINDOW else "RE14-5.3(7)"
        ):
            return
        if p.forgot is ForgotRule.RECOGNITION_WINDOW:
            m.forget(owner, who, t)
            m.named_by_clause(who, t)  # (by the clause, whatever they registered before)
            m.note(
                "RE12-3.7",
                "the customer had visited but forgot {}; {} received them as a new customer",
                Listed(m.forgotten()),
                who,
            )
        elif p.forgot is ForgotRule.RECORDS:
            m.forget(owner, who, t)
            m.owner = who
            m.claim(who, t)
            m.note(
                "RE14-5.3(7)",
                "the customer forgot who received them; {} received them "
                "in rotation: the deal is none of {}'s",
                who,
                Listed(m.forgotten()),
            )
        else:
            m.needs("fallback", "a returning customer who forgot the salesperson")
        return
    if v.asked_for and v.previous is not _FORGOT:
        # a returning customer (by the register) who asks for someone, whether or not
        # they say they have been here before: the register, not the customer's word,
        # tells a return visit (RE12-3.6, RE12-7.1; RE14-5.3(8) "第n次来看楼时")
        _named_visit(m, v)
    elif v.previous is Previous.NAMES and owner is not None and owner != who and m.holds(owner, t):
        # a customer who says they came before, received by another (RE12-4, RE14-2.5)
        _not_courtesy(m, who, owner)


def _not_courtesy(m: Ledger, who: str, owner: str) -> None:
    """Another salesperson received the holder's returning customer, and the visit is not
    recorded as a courtesy (``courtesy_for``): the customer stays the holder's (RE12-3.6,
    RE14-5.3(1)); a courtesy's share (RE14-2.5, 5.3(3)) needs the record to say it was
    one."""
    m.note(
        "returning",
        "{} received {}'s returning customer: the customer stays {}'s",
        who,
        owner,
        owner,
    )


def _courtesy(m: Ledger, v: Visit, absent: str, *, first: bool) -> None:
    """A colleague receives an absent salesperson's customer (义务接待): RE12-4 and
    RE12-7.5(a)(b), the customer stays theirs; RE14-2.5, a same-day deal splits 50/50;
    RE14-5.3(3), the customer named them: 80/20 with the assistant.  Only while the
    absent salesperson holds the customer; one the customer asks for while nobody does
    is given the customer from this visit."""
    p, t, who, owner = m.p, v.at, v.received_by, m.owner
    if absent != owner and owner is not None and m.holds(owner, t):
        m.note(
            "courtesy",
            "{} received the customer for {}, but the customer is {}'s",
            who,
            absent,
            owner,
        )
        return
    named = absent in v.asked_for
    if named and absent not in m.lost and m.nobody_holds(t):
        # nobody holds the customer, who asked for the absent salesperson: as if that
        # salesperson had received them, the reception is their registration from
        # this visit (RE12-3.6 with RE12-4, RE14-5.3(3))
        m.claim(absent, t)
        if p.assistant_share is None:
            m.take(absent, "returning", "the customer asked for {}, who was absent", absent)
        else:  # RE14-5.3(3) says so below
            m.owner, m.split, m.follow_up = absent, None, None
            m.end_pending()
    elif not m.holds(absent, t):
        # a courtesy counts the customer as the absent salesperson's only while they
        # hold it: a lapsed registration (or lost rights) gives nothing
        if owner is not None and owner != absent:
            m.lapsed(owner)
        if absent in m.regs or absent in m.lost:
            m.lapsed(absent)
        else:
            _no_registration(m, who, absent)
        return
    if named and p.assistant_share is not None:
        m.assist = (absent, who, t)
        m.note(
            "RE14-5.3(3)",
            "the customer named {}, who was absent; {} assisted (not a rotation turn)",
            absent,
            who,
        )
    elif not named and p.same_day_share is not None:
        m.same_day = (absent, who, t)
        if first and v.previous is Previous.FIRST_VISIT:  # a clause gave them (RE14-5.3(10))
            m.note("courtesy", "{}, in turn, received {}'s new customer", who, absent)
        else:
            m.note("courtesy", "{}, in turn, received {}'s returning customer", who, absent)
    elif owner is None and absent not in m.regs:
        # nobody registered the customer: nothing makes it the absent salesperson's
        # (RE12-7.1: the registration is the basis of the commission)
        _no_registration(m, who, absent)
    else:
        m.note(
            "courtesy",
            "{} received the customer as a courtesy for {}; the customer stays {}'s",
            who,
            absent,
            absent,
        )


def _no_registration(m: Ledger, who: str, absent: str) -> None:
    m.note(
        "courtesy",
        "{} received the customer for {}, who holds no registration: no claim",
        who,
        absent,
    )


def _named_visit(m: Ledger, v: Visit) -> None:
    p, t, who, owner = m.p, v.at, v.received_by, m.owner
    named = v.asked_for
    pending = m.forgot
    if (
        pending is not None
        and len(named) == 1
        and named[0] in m.forgotten()
        and (
            (p.forgot is ForgotRule.RECOGNITION_WINDOW and not m.nobody_holds(t))
            or (who == named[0] and _local(t) == _local(pending[2]))
        )
    ):
        # a customer who asks for the salesperson they had forgotten has recognised them:
        # RE12-3.7 (客户认出原售楼员), (g) that day, (i) within the month, (j) later,
        # whoever receives the visit, while the case stands (once every registration
        # behind it has lapsed, the customer is new again and asks for someone);
        # RE14-5.3(1) only in person the same day (later, naming them is RE14-5.3(8))
        on_recognition(m, Recognition(at=t, customer=v.customer, original=named[0]))
        return
    if len(named) > 1:
        if p.switch is SwitchRule.RE14 and who in named:
            if m.kept_from(who, "RE14-5.3(5)"):
                return
            m.given(
                who,
                t,
                "RE14-5.3(5)",
                "the customer named {} without choosing; {}, the first "
                "of them present, receives the customer",
                Listed(named),
                who,
            )
        elif p.switch is SwitchRule.RE14:
            m.needs(
                "RE14-5.3(5)",
                "the customer named {} but none was present; the rotation "
                "received: the clauses do not say whose deal",
                Listed(named),
            )
        elif m.nobody_holds(t):
            m.note(
                "earlier",
                "the customer named {}, but nobody holds the customer yet: the "
                "registrations decide",
                Listed(named),
            )
        else:
            m.note(
                "earlier",
                "the customer named several salespeople; the registered "
                "salesperson ({}) keeps the customer",
                owner,
            )
        return
    target = named[0]
    held = not m.nobody_holds(t)
    if not held or target == owner:
        if who == target and not held:
            # nobody holds the customer (a lapsed hold of the one named included): the
            # reception is the named salesperson's registration from this visit
            m.given(who, t, "returning", "the customer asked for {}", who)
        elif held and who == owner:
            m.note("returning", "the returning customer went back to {}", owner)
        elif held and owner is not None:
            _not_courtesy(m, who, owner)
        return
    if who == target == m.follow_up:
        # the salesperson a clause named to follow the customer up (RE12-5.2, 3.7(i)):
        # asking for them is not asking for another
        m.note(
            "returning",
            "the returning customer went back to {}, who follows them up",
            target,
        )
        return
    if target in m.lost and p.nth_visit_share is not None:
        # RE14-5.3(8) 由a接待 is no way back for one a clause removed (a confirmed complaint,
        # a draw while they were away): named, they receive the visit, and the customer
        # stays the holder's while the removal stands
        m.note(
            "RE14-5.3(8)",
            "the customer named {}, who lost every right to this customer earlier: the "
            "customer stays {}'s",
            target,
            owner,
        )
        return
    if who == target and p.nth_visit_share is not None:
        # RE14-5.3(7) left the salesperson the customer forgot out of the deal (成交与b无关)
        # unless found in the records since: not one of the earlier salespeople either
        forgotten = m.forgotten() if p.forgot is ForgotRule.RECORDS else ()
        # (a visit of a lapsed time is no earlier visit)
        earlier = _earlier_salespeople(m, who, t, forgotten)
        if earlier:
            # "由a接待": A receives and serves the customer; the bonus stays pending until
            # the deal.  The customer is held (and followed up, RE14-5.3(9)) by whoever
            # the bonus is most of: A, unless a host's share gives an earlier salesperson
            # more (the first of them received, as at the deal)
            share = p.nth_visit_share
            m.claim(who, t)
            m.owner = who if share >= _earlier_part(share, len(earlier)) else earlier[0]
            m.split, m.follow_up = None, None
            m.forgot = m.assist = m.same_day = None
            m.nth = (who, earlier, t)
            m.note(
                "RE14-5.3(8)",
                "on visit {} the customer named {}; earlier salesperson(s): {}",
                m.run_length(),
                who,
                Listed(earlier),
            )
        else:
            m.given(who, t, "RE14-5.3(8)", "the customer named {}", who)
        return
    if p.nth_visit_share is not None:
        # RE14-5.3(8) 由a接待: the named salesperson receives the customer; another did,
        # and RE14 has no refusal in principle: the customer stays their holder's
        m.note(
            "RE14-5.3(8)",
            "the customer named {}, but {} received them: the customer stays {}'s",
            target,
            who,
            owner,
        )
        return
    m.note(
        "RE12-5.3" if p.switch is SwitchRule.RE12 else "returning",
        "the customer named {}, but is {}'s: naming another is refused in principle",
        target,
        owner,
    )


def _earlier_part(share: Fraction, earlier: int) -> Fraction:
    """RE14-5.3(8): each of ``earlier`` salespeople's part when the one named has
    ``share`` (n次前的销售员 share the rest alike)."""
    return (1 - share) / earlier


def _earlier_salespeople(
    m: Ledger, who: str, t: _dt.datetime, forgotten: tuple[str, ...]
) -> tuple[str, ...]:
    """RE14-5.3(8)'s n次前的销售员 when the customer names ``who`` at ``t``: the salespeople
    of the earlier visits of the current run who are validly registered (less those
    RE14-5.3(7) left out, ``forgotten``), then one who holds the customer, or a part of a
    case pending until the deal, by a clause with no reception of theirs on the record
    (a switch's, a complaint's, a draw's, an old customer's introduction's): they
    received the customer before too, in the place the clause gave them.  The part of
    one a clause removed is the heir's it names, as it was: while the removed one's
    registration would stand."""
    before = m.earlier_receivers(who, t, forgotten)
    parties = pending_parties(m, t)
    listed = set(before)
    lost = m.lost
    for party in (m.owner, *(parties[0] if parties is not None else ())):
        if party in lost:
            other, standing = m.heir_of(party), m.registered_on(party, t)
        else:
            other, standing = party, party is not None and m.valid(party, t)
        if (
            standing
            and other is not None
            and other != who
            and other not in forgotten
            and other not in listed
        ):
            before.append(other)
            listed.add(other)
    return tuple(before)


def _recognised_lapsed(r: Recognition) -> tuple[str, str, str, _dt.datetime, str, str]:
    """The trail's line (its key, template and facts) for a salesperson recognised after
    their registration lapsed (RE12-7.1, RE14-5.2, RE14-5.3(7) 若属建档无效期)."""
    return (
        "valid",
        N_(
            "{} was recognised ({}), but {}'s registration had lapsed: the recognition "
            "gives {} no claim"
        ),
        r.original,
        r.at,
        r.original,
        r.original,
    )


def on_recognition(m: Ledger, r: Recognition) -> None:
    if m.forgot is None:
        if r.original in m.regs and r.original != m.owner and not m.holds(r.original, r.at):
            if not m.said_lost(r.original):
                m.note(*_recognised_lapsed(r))
            return
        m.note("returning", "{} was recognised ({})", r.original, r.at)
        return
    earlier, new, tv = m.forgot
    if r.original not in m.forgotten():
        m.note("returning", "{} was recognised, not {}", r.original, Listed(m.forgotten()))
        return
    p = m.p
    saved = m.forgot_split
    found = r.original
    valid = m.holds(found, r.at) if found == earlier else m.valid(found, r.at)
    if p.forgot is ForgotRule.RECORDS and found not in m.lost and not valid:
        # RE14-5.3(7) 若属建档无效期，则与b无关: found only after their registration lapsed,
        # the salesperson the customer forgot has no part; the one who received them keeps
        # the customer (RE12-3.7(i) sets no such condition: its month from the forgotten
        # visit decides)
        m.take(new, *_recognised_lapsed(r))
        return
    if p.forgot is ForgotRule.RECOGNITION_WINDOW:
        # (g) is a recognition in person: found in the records after the customer left,
        # the original cannot take over that day's reception, and (i) applies
        if _local(r.at) == _local(tv) and not r.by_records:
            if saved is None:
                m.take(
                    earlier,
                    "RE12-3.7(g)",
                    "{} was recognised the same day: {} takes over",
                    earlier,
                    earlier,
                )
            else:
                _given_back(m, r, "RE12-3.7(g)")
        elif _local(r.at) <= add_months(_local(tv), p.recognition_window_months):
            m.follow_up = new
            m.set_split(
                [*_forgotten_part(m, p.recognition_share), (new, 1 - p.recognition_share)],
                "RE12-3.7(i)",
                "no deal on the spot; {} recognised within {} month(s) "
                "({}): {} follows up, the commission is split",
                r.original,
                p.recognition_window_months,
                r.at,
                new,
            )
            _shared_as_before(m, earlier, saved, "RE12-3.7(i)")
            m.owner = new
        else:
            m.take(
                new,
                "RE12-3.7(j)",
                "{} was recognised only after {} month(s): everything to {}",
                earlier,
                p.recognition_window_months,
                new,
            )
    elif not r.by_records and _local(r.at) == _local(tv):
        if saved is None:
            m.take(
                earlier,
                "RE14-5.3(1)",
                "during the reception {} learnt that {} had received the customer before "
                "and is present: the customer goes back to {}; the deal is {}'s",
                new,
                earlier,
                earlier,
                earlier,
            )
        else:
            _given_back(m, r, "RE14-5.3(1)")
    elif found in m.lost:
        # the claim was valid at the forgotten visit (else nothing was pending); only a
        # clause that removed the salesperson since (RE14-5.3(4)) ends it
        m.take(new, m.lost[found][1], "{} lost every right to this customer earlier", found)
    else:
        m.set_split(
            [(new, 1 - p.recognition_share), *_forgotten_part(m, p.recognition_share)],
            "RE14-5.3(7)",
            "{} found {} in the records while {}'s registration was valid: the bonus is split",
            new,
            found,
            found,
        )
        _shared_as_before(m, earlier, saved, "RE14-5.3(7)")
        if new not in m.lost:  # (else the one in their place holds it: see _in_place_of)
            m.owner = new


def _forgotten_part(m: Ledger, share: Fraction) -> list[tuple[str, Fraction]]:
    """RE12-3.7(i), RE14-5.3(7): the part of the salespeople the customer forgot, shared
    as their split was when the customer forgot them (the holder's alone, else)."""
    assert m.forgot is not None
    saved = m.forgot_split
    if saved is None:
        return [(m.forgot[0], share)]
    return [(who, share * part) for who, part in saved.split.items()]


def _shared_as_before(m: Ledger, holder: str, saved: Forgotten | None, rule: str) -> None:
    """Say that the forgotten salespeople's part is shared as their split was; a part of
    it that waits on a registration (RE14-5.3(2)) still does, and goes to ``holder``,
    the one its clause made the holder, if it lapses."""
    if saved is None:
        return
    waiting = saved.lapsing
    m.lapsing = None if waiting is None else (waiting[0], waiting[1], waiting[2] or holder)
    m.note(
        rule,
        "the part of {} is shared as their split was when the customer forgot them",
        Listed(tuple(saved.split)),
    )


def _given_back(m: Ledger, r: Recognition, rule: str) -> None:
    """RE12-3.7(g), RE14-5.3(1) when the customer forgot salespeople who shared a split:
    recognised the same day, the customer goes back to them as they were (the holder,
    the one following up, the split)."""
    assert m.forgot is not None
    assert m.forgot_split is not None
    earlier = m.forgot[0]
    split, follow_up, lapsing, split_by = m.forgot_split
    m.take(
        earlier,
        rule,
        "{} was recognised the same day: the customer goes back to {} as before; the split "
        "above stands",
        r.original,
        Listed(tuple(split)),
    )
    m.split, m.follow_up, m.lapsing, m.split_by = split, follow_up, lapsing, split_by


def pending_split(m: Ledger) -> dict[str, Fraction] | None:
    """The deal's salesperson split as the cases pending until the deal give it, or None
    when one of them needs a ruling: a forgetful customer's case
    (RE12-3.7, RE14-5.3(7)) or RE14-5.3(8)'s, else the split a clause set, else the
    holder's; then a colleague who received the holder's customer for them shares the
    holder's part (RE14-5.3(3), RE14-2.5), and the others' parts stand."""
    p, deal = m.p, m.deal
    assert deal is not None  # (read only for a deal: see deal_split)
    deal_day = _local(deal.at)
    split: dict[str, Fraction] | None
    # a colleague who received the holder's customer for them (RE14-5.3(3), RE14-2.5)
    shared = m.assist or m.same_day
    if m.forgot is not None:
        split = _forgotten(m, deal, deal_day)
        if split is None:
            return None
    elif m.nth is not None:
        chosen, before, _ = m.nth
        share = p.nth_visit_share or ZERO
        part = _earlier_part(share, len(before))
        split = _merge([(chosen, share), *((w, part) for w in before)])
        m.note("RE14-5.3(8)", "the bonus: {} and the earlier salesperson(s)", chosen)
    elif m.split:
        split = dict(m.split)
    else:
        # the holder's (the one a colleague received the customer for, who may have
        # lost every right since: their part then goes where that clause says)
        holder = shared[0] if shared is not None else m.owner
        split = None if holder is None else {holder: ONE}
    if shared is None or split is None:
        return split
    # the colleague shares the holder's part; the others' parts stand
    holder, colleague, tv = shared
    held = split
    if holder not in held:
        return held
    part = held[holder]
    if m.assist is not None:  # RE14-5.3(3): the customer named the absent holder
        rule, share = "RE14-5.3(3)", p.assistant_share or ZERO
        alone: Note = (rule, N_("the deal is {}'s; {} assisted"), (holder, colleague))
        among: Note = (
            rule,
            N_("{}'s part ({}) is theirs with {}, who assisted; the other parts stand"),
            (holder, part, colleague),
        )
    elif deal_day == _local(tv) and p.same_day_share is not None:  # RE14-2.5 当日成交
        rule, share = "RE14-2.5", p.same_day_share
        alone = (
            rule,
            N_("the deal closed the same day: {} and {} split the bonus"),
            (colleague, holder),
        )
        among = (
            rule,
            N_(
                "the deal closed the same day: {} and {} split {}'s part ({}); the other "
                "parts stand"
            ),
            (colleague, holder, holder, part),
        )
    else:
        m.note("RE14-2.5", "no deal that day: {}'s reception was a courtesy", colleague)
        return held
    _, template, args = alone if len(held) == 1 else among
    m.note(rule, template, *args)
    return share_part(held, holder, [(holder, 1 - share), (colleague, share)])


def _forgotten(m: Ledger, deal: Deal, deal_day: _dt.date) -> dict[str, Fraction] | None:
    """RE12-3.7(h)(j), RE14-5.3(7): the split of a forgetful customer's case (None: it
    needs a ruling)."""
    p = m.p
    assert m.forgot is not None
    earlier, new, tv = m.forgot
    if p.forgot is ForgotRule.RECOGNITION_WINDOW:
        if deal_day == _local(tv) and deal.closed_by != new:
            # (h) is the new salesperson's deal on the spot; (g) needs the recognition
            m.needs(
                "RE12-3.7",
                "{} closed the deal the day {} received the customer, who had forgotten "
                "{}, as new: neither a recognition that day (RE12-3.7(g)) nor {}'s deal "
                "on the spot (RE12-3.7(h)) is recorded",
                deal.closed_by,
                new,
                earlier,
                new,
            )
            return None
        if deal_day == _local(tv):
            m.note(
                "RE12-3.7(h)",
                "{} closed the deal on the spot before {} was "
                "recognised: customer and commission to {}",
                new,
                earlier,
                new,
            )
        else:
            m.note(
                "RE12-3.7(j)",
                "no deal on the spot and {} not recognised before the deal "
                "(within {} month(s)): all to {}",
                earlier,
                p.recognition_window_months,
                new,
            )
    else:
        m.note(
            "RE14-5.3(7)",
            "{} was not found in the records: the deal is {}'s",
            earlier,
            new,
        )
    return {new: ONE}
