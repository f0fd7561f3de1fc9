"""Designation, switches, complaints and re-allocation (private; see the package).

Clauses here (docs/rules.md):

* RE12-3.10 a new customer asks for another salesperson mid-reception: refused
  (no fault), the same salesperson continues (minor), or the next in rotation
  receives and the first loses every right (serious fault, firm refusal; also
  when the customer names someone, RE12-5.2, unless the manager let the one
  named take over from a salesperson with no serious fault); with nobody
  recorded as taking over, a later request to leave the one refused that the
  manager granted says who did.
* RE12-5.2 named another after reception began: 70/30 if the manager allows,
  all to the first if the named one incited it; RE12-5.3 a returning customer
  names another: a courtesy, all to the first.
* RE14-5.3(2) the customer's wish prevails: the new salesperson's deal, 80/20
  while the earlier registration is valid.
* RE14-5.3(4) a confirmed complaint removes the salesperson; their part goes to
  the salesperson who reported it (who receives the customer in their place).
* RE14-5.3(12) the manager re-allocates by random draw: the one drawn takes the
  place (and the part) of the one on leave.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction

from custrules._i18n import N_, Listed, Term
from custrules.realestate._events import (
    Fault,
    Reallocation,
    SalespersonComplaint,
    SwitchRequest,
)
from custrules.realestate._ledger import (
    NOBODY,
    ONE,
    TOOK_OVER,
    Ledger,
    _local,
    lapsed_behind,
    pass_parts,
    pending_parties,
)
from custrules.realestate._policy import (
    AttributionPolicy,
    SwitchRule,
)
from custrules.realestate._reception import pending_split


def on_switch(m: Ledger, s: SwitchRequest) -> None:
    p, t = m.p, s.at
    if p.switch is SwitchRule.RE12 and _from_removed(m, s):
        return
    if p.switch is not None and _not_from_holder(m, s):
        return
    # the one asked for (RE12-5.2, 5.3; RE14-5.3(2)); RE12-3.10's refusal names no one
    # asked for, and stands whoever its record says received the customer
    to = s.to if p.switch is SwitchRule.RE12 else s.to or s.granted_to
    if (
        p.switch is not None
        and to is not None
        and m.kept_from(to, "RE14-5.3(2)" if p.switch is SwitchRule.RE14 else "RE12-5.2")
    ):
        return
    if p.switch is SwitchRule.RE12:
        first_day = m.is_first_day(t)
        if first_day and s.to is not None and not _in_hand(m, s.from_, t):
            # (a refusal removes the salesperson refused whoever they are: RE12-3.10)
            _nobody_to_leave(m, s)
        elif first_day:
            if s.to is None:
                _refusal(m, s, s.granted_to)
            elif s.fault is Fault.SERIOUS or (s.firm and not s.permitted):
                _refusal_naming(m, s)
            elif not s.permitted:
                m.note(
                    "RE12-5.2",
                    "the customer asked for {} mid-reception: refused in principle",
                    s.to,
                )
            elif s.incited:
                first = _first_receiver(m, s)
                m.set_split(
                    [(first, ONE)],
                    "RE12-5.2",
                    "{} incited the switch: all to {}",
                    s.to,
                    first,
                )
                m.named_by_clause(first, t)
            else:
                first = _first_receiver(m, s)
                share = p.switch_first_share
                m.follow_up = s.to
                why: str
                args: tuple[str, ...]
                if first == s.from_:
                    why, args = N_("the manager let {} take over from {}"), (s.to, first)
                else:
                    why = N_(
                        "the manager let {} take over from {}; {} received the customer first "
                        "and keeps that part"
                    )
                    args = (s.to, s.from_, first)
                m.set_split([(first, share), (s.to, 1 - share)], "RE12-5.2", why, *args)
                m.named_by_clause(first, t)
        elif s.from_ not in m.lost and not m.holds(s.from_, t):
            _nobody_to_leave(m, s)
        elif s.to is not None:
            if s.fault is Fault.SERIOUS:
                # RE12-3.10 speaks of a new customer, RE12-5.3 of no fault (as a request
                # naming nobody, below)
                m.needs(
                    "fallback",
                    "a returning customer asked for {}, and {} is at serious fault: no clause",
                    s.to,
                    s.from_,
                )
            elif s.permitted and m.split_among_several():  # (the courtesy adds no part)
                m.note(
                    "RE12-5.3",
                    "{} received the returning customer as a courtesy: no part for {}; the "
                    "split above stands",
                    s.to,
                    s.to,
                )
            elif s.permitted:
                m.note(
                    "RE12-5.3",
                    "{} received the returning customer as a courtesy: all to {}",
                    s.to,
                    s.from_,
                )
            else:
                m.note("RE12-5.3", "the returning customer asked for {}: refused", s.to)
        elif s.removes or s.permitted or s.granted_to or s.from_ in m.lost:
            m.needs("fallback", "a returning customer refused {}: no clause", s.from_)
        else:
            # a request the manager did not grant, with no serious fault and not firm: refused
            # in principle, as a new customer's would be (RE12-3.10, no or a minor fault) and as a
            # returning customer's request for another is
            fault = Term(N_("a minor fault") if s.fault is Fault.MINOR else N_("no fault"))
            m.note(
                "RE12-5.3",
                "the returning customer asked to leave {} ({}): refused in principle",
                s.from_,
                fault,
            )
    elif p.switch is SwitchRule.RE14:
        if to is None:
            m.note("RE14-5.2", "the customer asked for another salesperson, nobody named")
            return
        previous = s.from_
        others = _others_with_part(m, previous, to, t)
        if others:
            m.needs(
                "RE14-5.3(2)",
                "the customer did not want {} and asked for {}, but the deal also has a part "
                "for {}: the clause sets the bonus of two salespeople, and how it is shared "
                "with the others is the department manager's to settle (RE14-5.4)",
                previous,
                to,
                Listed(others),
            )
        m.claim(to, t)
        valid = m.valid(previous, t)
        if valid or m.received_on(previous, t):
            # (若b属建档有效期 is read at the deal: the form of the day's reception may be
            # filled in after the customer asked for another)
            share = p.switch_previous_share
            m.set_split(
                [(to, 1 - share), (previous, share)],
                "RE14-5.3(2)",
                N_("the customer did not want {} and asked for {}; {}'s registration is valid")
                if valid
                else N_(
                    "the customer did not want {} and asked for {}; {}'s registration of the "
                    "day is read at the deal"
                ),
                previous,
                to,
                previous,
                lapsing=previous,
            )
        else:
            why = (
                N_("the customer asked for {}; {}'s registration had lapsed: no part")
                if previous in m.regs
                else N_("the customer asked for {}; {} holds no registration: no part")
            )
            m.set_split([(to, ONE)], "RE14-5.3(2)", why, to, previous)
        m.owner = m.follow_up = to
    else:
        m.needs("fallback", "a customer asked for another salesperson: no clause")


def _from_removed(m: Ledger, s: SwitchRequest) -> bool:
    """A request, granted, to leave a salesperson RE12-3.10 removed earlier, nobody
    recorded as taking over from them (the whole customer, or their part of a split
    that stands): the one the manager let take over (``granted_to``, or the one named
    if ``permitted``) takes over, as the next to receive the customer would
    (RE12-3.10(c) 按排班表安排其他售楼员进行接待).  It is no RE12-5.2 switch away from
    them: they have nothing left to leave, and it gives them no part back.  False (not
    such a request) when the removal does not wait for a taker, or nobody was let take
    over (a request the manager did not grant, or one the named salesperson incited,
    read as before: see on_switch)."""
    gone = s.from_
    taker = None if s.incited else s.granted_to or (s.to if s.permitted else None)
    if taker is None or gone not in m.lost:
        return False
    part = gone in m.awaiting_parts()
    if not part and m.awaiting_taker() != gone:
        return False
    if m.said_lost(taker):  # (one who lost every right earlier takes nothing over)
        pass
    elif part:
        m.take_part(taker, s.at, [gone])
    else:
        m.given(taker, s.at, "RE12-3.10", TOOK_OVER, taker, s.at, gone)
    return True


def _others_with_part(m: Ledger, previous: str, to: str, t: _dt.datetime) -> list[str]:
    """Salespeople besides ``previous`` (the one the customer leaves) and ``to`` who hold
    a part of a case pending until the deal at ``t`` (an earlier RE14-5.3(2)'s 20 %,
    RE14-5.3(8)'s earlier salespeople, RE14-5.3(7)'s half, RE14-5.3(3)'s assistant):
    RE14-5.3(2) sets the bonus of two, and says nothing of theirs.  A part that goes to
    ``previous`` or ``to`` at the deal (its holder's registration lapsed, or a clause
    passed it on) is not another's; nor is any once the case has lapsed."""
    pending = pending_parties(m, t)
    if pending is None:
        return []
    lapsing = m.lapsing
    others: list[str] = []
    for who in pending[0]:
        if who in (previous, to):
            continue
        # a removed one's part is the heir's; one nobody took over is the question its
        # removal raised, no third salesperson's
        holder = m.heir_of(who)
        if holder is None or holder in (previous, to) or holder in others:
            continue
        if lapsing is not None and lapsing[0] == who and not m.registered_on(who, t):
            continue  # (its part goes to the holder at the deal)
        others.append(holder)
    if others and lapsed_behind(m, pending[1], t):
        return []
    return others


def _nobody_to_leave(m: Ledger, s: SwitchRequest) -> None:
    """A request to leave a salesperson who has nothing to leave (RE12): their
    registration had lapsed, they never held a registration that counts (RE12-7.1, 7.2),
    or, on the customer's first day, the customer was never in their hands; a customer
    the manager let go to another is that salesperson's from now."""
    if s.from_ in m.regs:
        m.lapsed(s.from_)
    else:
        m.note("valid", "{} holds no registration of the customer: nobody to leave", s.from_)
    if s.to is not None and s.permitted:
        m.given(s.to, s.at, "returning", "the customer asked for {}", s.to)


def _in_hand(m: Ledger, who: str, t: _dt.datetime) -> bool:
    """Whether the customer is in ``who``'s hands on their first day (RE12-5.2 的接待售楼员):
    ``who`` holds them (by a clause or a registration), follows them up, or received them
    that day as their own (the form of the day may come later).  A request to leave
    anyone else leaves nobody."""
    return who in (m.owner, m.follow_up) or m.received_on(who, t) or m.valid(who, t)


def _first_receiver(m: Ledger, s: SwitchRequest) -> str:
    """RE12-5.2's 最先接待的售楼员: the salesperson the customer asks to leave, unless that
    one is following up after an earlier switch that day, which left the customer (and
    its part) with the salesperson who received them first (a request from anyone else
    but the holder has not come this far: see _not_from_holder)."""
    owner = m.owner
    if owner is not None and s.from_ == m.follow_up and owner != s.from_:
        return owner
    return s.from_


def _not_from_holder(m: Ledger, s: SwitchRequest) -> bool:
    """A request to leave a salesperson who does not hold the customer (another does,
    by a valid registration or by a clause): the request and the record disagree, and
    a manager must say which is right rather than the engine moving the customer
    away from their holder (RE12-5.2, RE14-5.3(2) speak of the salesperson receiving
    the customer).  If so, the question is raised.

    Two requests agree with the record.  The customer who named A on a later visit
    (RE14-5.3(8), A holds the customer), or whose A found B in the records
    (RE14-5.3(7)'s 50/50), asks not to be served by B, the one earlier salesperson,
    and for A: the customer did not want B (RE14-5.3(2)), whose clause then sets the
    bonus.  And a request to leave someone who holds no valid claim,
    for the holder or for nobody named, changes nothing: it is noted."""
    owner = _held_by_another(m, s.from_, s.at)
    if owner is None:
        return False
    nth = m.nth
    target = s.to or s.granted_to
    if target == owner and (
        (nth is not None and nth[0] == owner and nth[1] == (s.from_,))
        or (
            m.split_by == "RE14-5.3(7)"
            and m.split is not None
            and set(m.split) == {owner, s.from_}
        )
    ):
        return False
    rule = "RE12-5.2" if m.p.switch is SwitchRule.RE12 else "RE14-5.3(2)"
    if target in (None, owner) and not m.valid(s.from_, s.at):
        # nothing to leave: the salesperson refused holds no valid claim (it lapsed, was
        # never made, or a clause removed them), and the customer stays with the holder
        m.note(
            rule,
            "the customer asked to leave {}, who holds no valid claim: the customer stays {}'s",
            s.from_,
            owner,
        )
        return True
    m.needs(
        rule,
        "the customer asked to leave {}, but the customer is {}'s: the request and the "
        "record disagree",
        s.from_,
        owner,
    )
    return True


def _held_by_another(m: Ledger, who: str, t: _dt.datetime) -> str | None:
    """The salesperson who holds the customer at ``t`` when a record says the customer
    is ``who``'s and it is not (another holds it by a valid registration or by a
    clause, and ``who`` is not the one following up); None when nothing disagrees."""
    owner = m.owner
    if owner is None or who in (owner, m.follow_up):
        return None
    if not m.holds(owner, t):
        return None  # the holder's claim has lapsed: nobody else's stands in the way
    return owner


def _refusal_naming(m: Ledger, s: SwitchRequest) -> None:
    """A new customer who names another salesperson mid-reception (RE12-5.2) and whom
    RE12-3.10(c) speaks of too: the salesperson has a serious fault, or the customer
    firmly refuses them and the manager did not let the one named take over.  The
    salesperson loses every right (3.10(c)), whatever the customer named: who took
    over is ``granted_to``, else the one named if the manager let them.  An
    incitement the manager let through has two answers: RE12-5.2 gives the first
    everything, RE12-3.10(c) nothing."""
    if s.incited and s.permitted:
        m.needs(
            "fallback",
            "{} incited the switch, and {} is at serious fault: RE12-5.2 gives {} "
            "everything, RE12-3.10 nothing",
            s.to,
            s.from_,
            s.from_,
        )
        return
    _refusal(m, s, s.granted_to or (s.to if s.permitted else None))


def _refusal(m: Ledger, s: SwitchRequest, granted_to: str | None) -> None:
    """RE12-3.10: ``granted_to`` is who took over from the salesperson refused (None:
    nobody recorded; one who lost every right to the customer earlier cannot be)."""
    if s.removes:
        if granted_to is not None and m.said_lost(granted_to):
            granted_to = None
        m.remove(s.from_, granted_to, "RE12-3.10", s.at)
        why = Term(
            N_("a serious fault")
            if s.fault is Fault.SERIOUS
            else N_("the customer's firm refusal")
        )
        if granted_to is None:
            # (the removed: never)
            valid = [w for w in m.registered_then(_local(s.at)) if m.valid(w, s.at)]
            if (
                m.split_among_several()
                and any(m.part_holder(key) == s.from_ for key in m.split or ())
                and _part_awaits(m, s, why, valid)
            ):
                return
            m.owner = None
            if valid:  # of the valid registrations left, the earlier wins (RE12-7.3)
                m.note("RE12-3.10", "{} lost the customer for {}", s.from_, why)
                m.earliest_holds(valid, s.at)
            else:
                m.needs("RE12-3.10", NOBODY, s.from_, why)
            return
        if m.split_among_several():
            # a split stands (RE12-5.2's 70/30 the same day): only the refused salesperson
            # (the holder or the one following up, whose part may be one they took over)
            # loses, and their part goes to the one who took over (see deal_split)
            m.claim(granted_to, s.at)
            _holder_for(m, s.from_, granted_to)
            m.note(
                "RE12-3.10",
                "{}: {} received the customer in {}'s place; {} lost every right (the turn "
                "counts as void), the others' parts stand",
                why,
                granted_to,
                s.from_,
                s.from_,
            )
            return
        m.given(
            granted_to,
            s.at,
            "RE12-3.10",
            "{}: {} received the customer as new; {} lost every right (the turn counts as void)",
            why,
            granted_to,
            s.from_,
        )
    elif s.fault is Fault.MINOR:
        m.note("RE12-3.10", "{}'s minor fault: {} continues", s.from_, s.from_)
    else:
        m.note("RE12-3.10", "{} was not at fault: the request is refused", s.from_)


def _part_awaits(m: Ledger, s: SwitchRequest, why: Term, valid: list[str]) -> bool:
    """RE12-3.10(c) removed ``s.from_`` from a split that stands (RE12-5.2's 70/30 the
    same day) and nobody was recorded as taking over: only their part is lost to them,
    and it goes to the salesperson whose registration still stands (the earlier wins),
    else to the next who receives or registers the customer or closes the deal (see
    Ledger.take_part); the others' parts stand.  False for a tie of registrations left,
    which needs its own ruling (see _refusal).  ``valid``: the salespeople validly
    registered at the refusal."""
    if valid:
        first, earliest = m.earliest_of(valid, s.at)
        if len(earliest) > 1:
            return False
        taker = earliest[0]
        m.took_over(taker, s.from_)
        _holder_for(m, s.from_, taker)
        m.note(
            "RE12-3.10",
            "{}: {} lost every right; {}, whose registration stands ({}), takes their part, the "
            "others' parts stand",
            why,
            s.from_,
            taker,
            first,
        )
        return True
    _holder_for(m, s.from_, None)
    m.needs("RE12-3.10", NOBODY, s.from_, why)
    return True


def _holder_for(m: Ledger, gone: str, who: str | None) -> None:
    """``who`` holds or follows up the customer where ``gone`` did (None: nobody yet)."""
    if m.owner == gone:
        m.owner = who
    if m.follow_up == gone:
        m.follow_up = who


def removes(p: AttributionPolicy, c: SalespersonComplaint) -> bool:
    """Whether complaint ``c`` removes its salesperson under ``p`` (RE14-5.3(4)): it is
    confirmed and the policy has the clause.  Any other complaint is only noted."""
    return p.complaint_removes and c.confirmed


def on_complaint(m: Ledger, c: SalespersonComplaint) -> None:
    if not removes(m.p, c):
        if not m.p.complaint_removes:
            m.note(
                "fallback",
                "a complaint against {} (no clause removes a salesperson for it)",
                c.against,
            )
        else:
            m.note("RE14-5.3(4)", "a complaint against {}, not yet confirmed", c.against)
        return
    if c.reported_by in m.lost and (m.owner in (None, c.against) or _has_part(m, c.against, c.at)):
        # the one who would receive the customer or take a part (a) is one who lost every
        # right to them: the records disagree, and a manager says who receives the customer
        m.remove(c.against, None, "RE14-5.3(4)", c.at)
        m.needs(
            "RE14-5.3(4)",
            "the supervisor confirmed the complaint against {}, but {}, who reported it, lost "
            "every right to this customer earlier: who receives the customer needs a ruling",
            c.against,
            c.reported_by,
        )
        return
    holder = m.owner
    if _in_place_of(m, c.against, c.reported_by, "RE14-5.3(4)", c.at):
        m.note(
            "RE14-5.3(4)",
            "the supervisor confirmed the complaint: {} has no part; {} receives the "
            "customer in {}'s place",
            c.against,
            c.reported_by,
            c.against,
        )
    elif holder == c.against or holder is None:
        m.given(
            c.reported_by,
            c.at,
            "RE14-5.3(4)",
            "the supervisor confirmed the complaint: {} has no part; {} receives",
            c.against,
            c.reported_by,
        )
    else:
        m.note("RE14-5.3(4)", "{} has no part of the deal", c.against)


def on_reallocation(m: Ledger, r: Reallocation) -> None:
    if not m.p.reallocation:
        m.needs("fallback", "{}'s customers re-allocated: no clause", r.from_)
        return
    if r.from_ in m.lost and m.owner == r.to and m.holds(r.to, r.at):
        # a draw recorded again (or a draw agreeing with a removal): the customer is
        # already the drawn salesperson's, in the place of the one on leave (a part a
        # decision read at the deal gave the one on leave since goes to them too)
        m.drawn[r.from_] = (r.to, "RE14-5.3(12)", r.at)
        m.note(
            "RE14-5.3(12)",
            "{}'s customers were re-allocated to {}, who holds this customer already",
            r.from_,
            r.to,
        )
        return
    holder = _held_by_another(m, r.from_, r.at)
    part = holder is not None and r.from_ not in m.lost and _has_part(m, r.from_, r.at)
    if holder is not None and not part:
        # a decision read at the deal may give them a part: the draw moves it (see
        # removed_since); on the register, the draw and the record disagree
        m.drawn[r.from_] = (r.to, "RE14-5.3(12)", r.at)
        m.needs(
            "RE14-5.3(12)",
            "{}'s customers were re-allocated, but the customer is {}'s: the draw and the "
            "record disagree",
            r.from_,
            holder,
        )
        return
    # the default reason is a word of the library's, translated; a host's is shown as given
    reason = Term(N_("leave")) if r.reason == "leave" else r.reason
    if m.restore(r.to):
        # the manager's latest draw decides: one drawn away earlier (or removed) is given
        # the customer again
        m.note(
            "RE14-5.3(12)",
            "{} had lost every right to this customer; the draw gives it to them again",
            r.to,
        )
    if _in_place_of(m, r.from_, r.to, "RE14-5.3(12)", r.at):
        m.note(
            "RE14-5.3(12)",
            "{} on {}: re-allocated to {} by random draw ({}), in {}'s place",
            r.from_,
            reason,
            r.to,
            r.draw,
            r.from_,
        )
        return
    if part:
        # the customer is another's, with a part of the deal the draw's salesperson
        # holds (a split pending until the deal): the part is what the draw moves
        m.note(
            "RE14-5.3(12)",
            "{} on {}: re-allocated to {} by random draw ({}); {}'s part of the deal goes to {}",
            r.from_,
            reason,
            r.to,
            r.draw,
            r.from_,
            r.to,
        )
        return
    m.given(
        r.to,
        r.at,
        "RE14-5.3(12)",
        "{} on {}: re-allocated to {} by random draw ({})",
        r.from_,
        reason,
        r.to,
        r.draw,
    )


def _has_part(m: Ledger, who: str, t: _dt.datetime) -> bool:
    """Whether ``who`` holds a part at ``t`` of a case pending until the deal (a split,
    a colleague's share, the earlier salespeople of RE14-5.3(8)): what a clause that
    removes them takes away, while another holds the customer.  RE14-2.5's colleague
    has none once the day of their reception is over (否则属义务接待)."""
    pending = pending_parties(m, t)
    return pending is not None and who in pending[0]


def _in_place_of(m: Ledger, gone: str, heir: str, rule: str, t: _dt.datetime) -> bool:
    """A clause takes ``gone``'s rights at ``t`` and gives them to ``heir`` (RE14-5.3(4)
    此客户成交与b无关, RE14-5.3(12) a draw of the customers of one on leave).  When
    ``gone`` held the customer with a case pending until the deal, the case stays (the
    others keep their parts), ``heir`` receives the customer in ``gone``'s place and
    takes their part (see deal_split), and the answer is True; else the caller says
    who receives the customer."""
    pending = m.owner == gone and pending_parties(m, None) is not None
    m.remove(gone, heir, rule, t)
    if pending:
        m.claim(heir, t)
        m.owner = m.follow_up = heir
    return pending


def deal_split(m: Ledger) -> dict[str, Fraction] | None:
    """The salesperson split; a part held by someone who lost every right goes
    where the clause that removed them says (RE14-5.3(4), RE14-5.3(12), RE12-3.10)."""
    split = pending_split(m)
    if not split or not m.lost:
        return split
    notes, question = pass_parts(split, {who: (h, rule) for who, (h, rule, _) in m.lost.items()})
    for rule, template, args in notes:
        m.note(rule, template, *args)
    if question is not None:
        rule, template, args = question
        m.needs(rule, template, *args)
        return None
    return split
