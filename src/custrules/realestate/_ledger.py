"""The customer's ledger, and registration and validity (private; see the package).

Clauses here (the project's rules catalogue, docs/rules.md):

* RE12-7.1 / RE14-5.2 a registration gives a claim for one month (RE12) or two
  (RE14), counted as CAL-5 months; a deal with no valid claim goes to its closer,
  and so does a case a clause left pending (a split, a courtesy, a forgetful
  customer's new salesperson) once every registration behind it has lapsed,
  whoever closes (``on_deal``; household members: ``stands_at_deal``).  A clause's
  removal of a salesperson (RE12-3.10, RE14-5.3(4)) lapses the same way
  (``Ledger.end_removals``).
* RE12-7.2 a registration counts only once the project manager confirmed it
  (by the policy's cutoff: the evening of the deal's day by default).
* RE12-7.3 / RE14-5.1 conflicting registrations: the earlier wins; of those still
  valid, the earlier wins, so an owner's lapse hands the customer to whoever
  registered meanwhile (``Ledger.succeed``); a tie at one instant has no earlier
  one (RE14: the evening-meeting record decides), and waits for a ruling while two
  of its registrations are valid.
* RE14-5.3(2) the earlier salesperson's 20 % needs their registration valid at the
  deal (``_lapsed_part``).
* RE12-7.7 a question left to a manager lapses with every claim of its day: it
  stands as long as a registration made that day would, and while anyone
  registered by then is still registered (``Ledger.drop_settled``).
* RE11-4 a salesperson's earlier registration beats a referral (see _referrals).
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from heapq import heappop, heappush
from typing import Any, NamedTuple

from custrules._i18n import N_, Both, Listed, Sub, render
from custrules.periods import CHINA_TZ, add_months
from custrules.realestate._events import (
    CompanyIntroduction,
    Deal,
    MeetingRecord,
    Previous,
    ReferralConfirmation,
    ReferralRegistration,
    Registration,
    Visit,
)
from custrules.realestate._policy import (
    AttributionPolicy,
    ConfirmationCutoff,
)

#: A rule applied, not yet rendered: (rule ID, template, the template's arguments).
#: Explanations are rendered only when asked for (batch jobs rarely do).
Note = tuple[str, str, tuple[Any, ...]]

_ONE_DAY = _dt.timedelta(days=1)

#: shared constants: the engine makes no Fraction it does not need
ONE = Fraction(1)
ZERO = Fraction(0)

_FORGOT = Previous.FORGOT
_NAMES = Previous.NAMES


def _raw(rule: str, template: str, *args: Any) -> Note:
    return (rule, template, args)


def _render(template: str, args: tuple[Any, ...], lang: str) -> str:
    """A note's text in ``lang``: the template translated, then its arguments
    (instants as ``YYYY-MM-DD HH:MM`` in China's zone)."""
    return render(template, _local_args(args), lang)


def _local_args(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Instants as China's local time, in notes inside notes too."""
    out: list[Any] = []
    for a in args:
        kind = type(a)
        if kind is _dt.datetime:
            a = _fmt(a)
        elif kind is Sub:
            a = Sub((a[0], _local_args(a[1])))
        out.append(a)
    return tuple(out)


def render_note(note: Note, lang: str = "en") -> str:
    """``RULE: text`` in ``lang``."""
    rule, template, args = note
    return f"{rule}: {_render(template, args, lang)}"


@functools.lru_cache(maxsize=8192)
def _expiry(day: _dt.date, months: int) -> _dt.date:
    """The last day a registration made on ``day`` is valid (CAL-5 months, memoised)."""
    return add_months(day, months)


_FIRST = operator.itemgetter(0)
_AT = operator.attrgetter("at")


class _Walk:
    """How far :meth:`Ledger.current_contact` walked a customer's visits."""

    __slots__ = ("marks", "removals", "visits")

    def __init__(self) -> None:
        #: how many changes of the removals it read (see ``Ledger.lost_log``)
        self.removals = 0
        #: how many visits it walked
        self.visits = 1
        #: for each day it read, in order: the day's start, and after it the visits
        #: walked, the first visit of the run of claims then, and that visit's day
        self.marks: list[tuple[_dt.datetime, int, _dt.datetime, _dt.date]] = []


class Forgotten(NamedTuple):
    """A split the customer's salespeople held when the customer forgot them (see
    :meth:`Ledger.forget`): what a recognition gives back, or shares."""

    split: dict[str, Fraction]
    follow_up: str | None
    #: the part waiting on a registration (see ``Ledger.lapsing``)
    lapsing: tuple[str, str, str | None] | None
    #: the clause that set the split (None: a ruling's)
    split_by: str | None


def _merge(shares: Iterable[tuple[str, Fraction]]) -> dict[str, Fraction]:
    """A salesperson split from (name, share) pairs; one name's shares add up."""
    split: dict[str, Fraction] = {}
    for who, share in shares:
        split[who] = split.get(who, ZERO) + share
    return {k: v for k, v in split.items() if v}


def _local(t: _dt.datetime) -> _dt.date:
    """The day of ``t`` in China's zone."""
    if t.tzinfo is CHINA_TZ:
        return t.date()
    return t.astimezone(CHINA_TZ).date()


def confirmation_limit(policy: AttributionPolicy, deal: Deal) -> _dt.datetime:
    """The last instant a project manager's confirmation counts for ``deal`` (RE12-7.2,
    the policy's ``confirmation_cutoff``): the deal itself, or the end of its day."""
    if policy.confirmation_cutoff is ConfirmationCutoff.DEAL:
        return deal.at
    return _dt.datetime.combine(_local(deal.at), _dt.time.max, tzinfo=CHINA_TZ)


def _fmt(t: _dt.datetime) -> str:
    """``YYYY-MM-DD HH:MM`` in China's zone, for explanations."""
    local = t if t.tzinfo is CHINA_TZ else t.astimezone(CHINA_TZ)
    return local.isoformat(" ", "minutes")[:16]


class Ledger:
    """One customer's ledger: who holds them, their registrations and the cases pending
    until the deal.  The clauses' functions (one module per section) read and write it."""

    __slots__ = (
        "assist",
        "began_for",
        "cites",
        "clause_holder",
        "clause_run",
        "closer_took",
        "company",
        "confirmations",
        "cutoff",
        "deal",
        "drawn",
        "follow_up",
        "forgot",
        "forgot_split",
        "formed",
        "lapsing",
        "last",
        "lost",
        "lost_due",
        "lost_latest",
        "lost_log",
        "lost_order",
        "now",
        "nth",
        "owner",
        "p",
        "raised",
        "received",
        "referrals",
        "reg_at",
        "reg_by",
        "reg_days",
        "reg_runs",
        "regs",
        "ruling",
        "same_day",
        "split",
        "split_by",
        "steps",
        "tied",
        "timeline",
        "told_lapsed",
        "unconfirmed",
        "unordered",
        "visit_days",
        "visits",
        "walked",
    )

    def __init__(
        self,
        policy: AttributionPolicy,
        cutoff: _dt.datetime | None,
        deal: Deal | None,
        timeline: Sequence[object] = (),
    ) -> None:
        self.p = policy
        self.cites = policy.cite_table
        #: the last instant a project manager's confirmation counts (None: any)
        self.cutoff = cutoff
        self.deal = deal
        #: the deal went to its closer for want of a valid claim on this record
        self.closer_took = False
        self.steps: list[Note] = []
        #: a registration on the record did not count (RE12-7.2), and the trail said why
        self.unconfirmed = False
        self.ruling: list[Note] = []
        #: the day each question in ``ruling`` was raised (None: unknown); a tie's ends
        #: by its own rule while the tie stands (see end_lapsed_tie)
        self.raised: list[_dt.date | None] = []
        #: the instant of the event being applied
        self.now: _dt.datetime | None = None
        # per salesperson: the days of their registrations, in order
        self.regs: dict[str, list[_dt.date]] = {}
        #: per salesperson whose lapse the trail has told: how many registrations they
        #: had then (told again only once they have claimed the customer since)
        self.told_lapsed: dict[str, int] = {}
        self.owner: str | None = None
        #: the owner a clause named without a registration of their own, while they hold
        #: the customer by it (RE12-3.7's new salesperson, through (i)'s split): a
        #: registration of theirs that lapsed before is no measure of that hold
        self.clause_holder: str | None = None
        #: the first day of the run of claims in which the clause named them
        self.clause_run: _dt.date | None = None
        self.split: dict[str, Fraction] | None = None
        #: a salesperson whose part of ``split`` needs their registration still valid
        #: at the deal, the clause that says so (RE14-5.3(2)), and who takes the part
        #: once it lapsed (None: the owner)
        self.lapsing: tuple[str, str, str | None] | None = None
        #: the clause that set ``split`` (None: a ruling or a settlement set it)
        self.split_by: str | None = None
        #: who lost every right: (heir of their part, the clause that says so, when);
        #: a removal lapses with every registration of its time (see end_removals)
        self.lost: dict[str, tuple[str | None, str, _dt.datetime]] = {}
        #: salespeople whose customers a draw re-allocated while the register said this
        #: customer was another's, or already the one drawn's (RE14-5.3(12)): (the one
        #: drawn, the clause, when).  A decision read at the deal that gives them a part
        #: passes it to the one drawn (see removed_since); nothing else reads it
        self.drawn: dict[str, tuple[str | None, str, _dt.datetime]] = {}
        self.follow_up: str | None = None
        #: the instant of the member's last event (for "now" without as_of)
        self.last: _dt.datetime | None = None
        self.visits: list[Visit] = []
        #: per salesperson: where in ``visits`` they received the customer, in order
        self.received: dict[str, list[int]] = {}
        #: the case's records, read only for a form of a day with no visit of the
        #: customer so far (see :meth:`record_form`)
        self.timeline = timeline
        #: the days of the customer's visits on the whole record (read once, when needed)
        self.visit_days: frozenset[_dt.date] | None = None
        #: the day of the receptions the forms stood for last, and whose (record_form)
        self.formed: tuple[_dt.date, set[str]] | None = None
        # pending cases, decided at the deal
        self.forgot: tuple[str, str, _dt.datetime] | None = None
        #: the split the customer's salespeople held when the customer forgot them (the
        #: holder's with another's part: a switch's, a recognition's, a ruling's), with
        #: who followed the customer up, the part waiting on a registration, and the
        #: clause that set it: what a recognition gives back, or shares (RE12-3.7(g)(i),
        #: RE14-5.3(1)(7))
        self.forgot_split: Forgotten | None = None
        self.assist: tuple[str, str, _dt.datetime] | None = None
        self.same_day: tuple[str, str, _dt.datetime] | None = None
        self.nth: tuple[str, tuple[str, ...], _dt.datetime] | None = None
        self.company: CompanyIntroduction | None = None
        self.referrals: list[ReferralRegistration] = []
        self.confirmations: list[ReferralConfirmation] = []
        #: per salesperson: the instants of their registrations, in order (beside
        #: ``regs``, their days)
        self.reg_at: dict[str, list[_dt.datetime]] = {}
        #: every registration's day, in order (whoever made it), and beside it who made it:
        #: who is registered on a day is read from the registrations of its last
        #: months, not from everyone who ever registered (see :meth:`registered_then`)
        self.reg_days: list[_dt.date] = []
        self.reg_by: list[str] = []
        #: per salesperson, for each of their registrations read so far: where the run
        #: of their registrations it belongs to began (see :meth:`since`)
        self.reg_runs: dict[str, list[int]] = {}
        #: how far :meth:`current_contact` walked the visits
        self.walked: _Walk | None = None
        #: the last answer of :meth:`earliest_run`, with the removals and without: what
        #: it was read for (the day and the removals in force; None: not to be reused),
        #: how many registrations it read, and the answer
        self.began_for: dict[
            bool,
            tuple[tuple[_dt.date, int] | None, int, _dt.datetime | None, list[str]],
        ] = {}
        #: the instant of every removal made or ended, in order (what changed in ``lost``)
        self.lost_log: list[_dt.datetime] = []
        #: the removals by their instant (a heap; one replaced since stays until read)
        self.lost_due: list[tuple[_dt.datetime, str]] = []
        #: the order the removals in ``lost`` were made (its order)
        self.lost_order: dict[str, int] = {}
        #: the latest instant of a removal made
        self.lost_latest: _dt.datetime | None = None
        #: salespeople whose registrations share one instant, awaiting a ruling (RE12-7.3,
        #: RE14-5.1): nobody holds the customer, but their claims stand
        self.tied: tuple[str, ...] = ()
        #: the last instant of records that the records cannot order, applied in an
        #: order of the engine's own: who holds the customer is not known from them
        #: (until the customer starts over)
        self.unordered: _dt.datetime | None = None

    # -- helpers ------------------------------------------------------------------------

    def cited(self, key_or_rule: str) -> str:
        """A rule ID as it stands, or the policy's clause for a principle's key."""
        return self.cites.get(key_or_rule, key_or_rule)

    def note(self, key_or_rule: str, template: str, *args: Any) -> None:
        self.steps.append((self.cites.get(key_or_rule, key_or_rule), template, args))

    def needs(self, rule: str, template: str, *args: Any) -> None:
        """A question the clauses leave to a manager (RE12-7.7), raised now."""
        self.note(rule, template, *args)
        self.ruling.append((self.cited(rule), template, args))
        now = self.now
        self.raised.append(None if now is None else _local(now))

    def drop_settled(self, t: _dt.datetime) -> None:
        """Questions that no longer need a ruling at ``t``: a tie that no longer stands
        (see :meth:`end_lapsed_tie`), and any other question raised on a day every
        registration of which has lapsed since (RE12-7.1, RE14-5.2: every claim lapses;
        the customer starts over).  A question stands at least as long as a
        registration made the day it was raised would."""
        if self.tied and self.owner is None:
            self.end_lapsed_tie(t)
        months = self.p.registration_validity_months
        if months is None or not any(self.raised):
            return
        # questions are raised in time order, and one raised later lapses no earlier:
        # those whose time is over come first (with questions of no known day among
        # them, which stay), so the reading stops at the first that stands
        lapsed = self._lapsed_by(t, months)
        over = 0
        for raised in self.raised:
            if raised is not None and not lapsed(raised):
                break
            over += 1
        if not any(self.raised[:over]):
            return
        for note, raised in zip(self.ruling[:over], self.raised[:over], strict=True):
            if raised is not None:
                self.note(
                    "valid",
                    "the question under {} raised on {} needs no ruling any more: every "
                    "registration of that time has lapsed",
                    note[0],
                    raised,
                )
        kept = [i for i, raised in enumerate(self.raised[:over]) if raised is None]
        self.ruling = [self.ruling[i] for i in kept] + self.ruling[over:]
        self.raised = [self.raised[i] for i in kept] + self.raised[over:]

    def time_over(self, raised: _dt.date, t: _dt.datetime) -> bool:
        """Whether every claim of the time of ``raised`` has lapsed by ``t`` (never, for a
        policy whose registrations do not lapse)."""
        months = self.p.registration_validity_months
        return months is not None and self._lapsed_by(t, months)(raised)

    def _lapsed_by(self, t: _dt.datetime, months: int) -> Callable[[_dt.date], bool]:
        """Whether every claim of the time of a day has lapsed by ``t``: a registration
        made that day would have, and nobody registered by then is still registered
        (RE12-7.1, RE14-5.2).  The register is read once, when first needed."""
        day = _local(t)
        began: list[_dt.date | None] = []

        def lapsed(raised: _dt.date) -> bool:
            if day <= _expiry(raised, months):
                return False
            if not began:
                # the day the earliest run of registrations still valid at t began
                first, _ = self.earliest_run(t)
                began.append(None if first is None else _local(first))
            return began[0] is None or raised < began[0]

        return lapsed

    def earliest_run(
        self, t: _dt.datetime, *, removals: bool = True
    ) -> tuple[_dt.datetime | None, list[str]]:
        """When the earliest run of registrations valid at ``t`` began, and whose runs
        began then (None: nobody is registered then); with ``removals``, of the
        salespeople no clause had removed by then, else whatever a clause did since
        (see :meth:`since`).  For one day and the removals in force, a registration
        made since the last reading can only add its salesperson's run (one made later
        is in its salesperson's run or starts one), so only those are read again: a day
        of many records reads the register once, not once a record."""
        day = _local(t)
        latest = self.lost_latest
        key: tuple[_dt.date, int] | None = None
        if not removals:
            key = (day, -1)
        elif latest is None or t >= latest:
            key = (day, len(self.lost_log))  # (the removals in force: every one made)
        known = self.began_for.get(removals)
        if key is not None and known is not None and known[0] == key:
            first, names = known[2], list(known[3])
            new = dict.fromkeys(self.reg_by[known[1] :])
        else:
            first, names, new = None, [], self.registered_then(day)
        named = set(names)
        for who in new:
            if self.valid(who, t) if removals else self.registered_on(who, t):
                since = self.since(who, t)
                if first is None or since < first:
                    first, names, named = since, [who], {who}
                elif since == first and who not in named:
                    names.append(who)
                    named.add(who)
        self.began_for[removals] = (key, len(self.reg_by), first, names)
        return first, names

    def remove(self, who: str, heir: str | None, rule: str, t: _dt.datetime) -> None:
        """A clause removes ``who`` at ``t`` (RE12-3.10, RE14-5.3(4)): they lose every
        right to the customer, and their part goes to ``heir``."""
        removed = self.lost.get(who)
        if removed is None:
            self.lost_order[who] = len(self.lost_log)
        else:
            self.lost_log.append(removed[2])
        self.lost[who] = (heir, rule, t)
        self.lost_log.append(t)
        heappush(self.lost_due, (t, who))
        if self.lost_latest is None or t > self.lost_latest:
            self.lost_latest = t
        self.leaves_tie(who)

    def heir_of(self, who: str) -> str | None:
        """Who holds ``who``'s part now: ``who``, or, when a clause removed them, the one it
        named to take it, and on along a chain of removals, as the deal's split passes it
        (see pass_parts); None when nobody took it over."""
        for _ in range(len(self.lost) + 1):
            removed = self.lost.get(who)
            if removed is None:
                return who
            if removed[0] is None:
                return None
            who = removed[0]
        return None  # (every one of them lost their rights)

    def _unremove(self, who: str) -> bool:
        """A removal of ``who`` ends (whether there was one)."""
        removed = self.lost.pop(who, None)
        if removed is None:
            return False
        self.lost_log.append(removed[2])
        return True

    def awaiting_taker(self) -> str | None:
        """The salesperson RE12-3.10 removed without saying who takes over (no
        ``granted_to``), while that question and the removal stand (both lapse with
        every registration of the removal's day)."""
        for _, template, args in self.ruling:
            if template == NOBODY and args[0] in self.lost:
                gone: str = args[0]
                return gone
        return None

    def took_over(self, who: str, gone: str) -> None:
        """``who`` received the customer as new after RE12-3.10 removed ``gone`` without
        saying who takes over: their reception or registration answers that question,
        and ``gone``'s part, if any, is theirs."""
        _, rule, when = self.lost[gone]
        self.lost[gone] = (who, rule, when)
        self._drop_questions(lambda note, _: note[1] == NOBODY and note[2][0] == gone)

    def take_part(
        self,
        who: str,
        t: _dt.datetime,
        gone: list[str],
        *,
        claim: bool = True,
        closing: bool = False,
    ) -> None:
        """``who`` received the customer (or registered them, or closed the deal:
        ``closing``) at ``t`` after RE12-3.10 removed ``gone`` from a split that
        stands, nobody recorded as taking over: their parts are ``who``'s, the others'
        parts stand, and the reception counts as their registration (``claim``) as for
        anyone who took over."""
        if claim:
            self.claim(who, t)
        for each in gone:
            self.took_over(who, each)
            self.note("RE12-3.10", CLOSED_TOOK_PART if closing else TOOK_PART, who, t, each)
        # (a removal leaves the places of the ones removed empty, but a clause read
        # since may have put one back: RE12-5.2 naming its first receiver)
        if self.owner is None or self.owner in gone:
            self.owner = who
        if self.follow_up is None or self.follow_up in gone:
            self.follow_up = who

    def awaiting_parts(self) -> list[str]:
        """The salespeople RE12-3.10 removed from a split that stands, nobody recorded as
        taking over their parts (see take_part), in the order removed."""
        split = self.split
        if split is None:
            return []
        lost = self.lost
        gone: list[str] = []
        for _, template, args in self.ruling:
            who = args[0] if template == NOBODY else None
            if who is None or who in gone or who not in lost or lost[who][0] is not None:
                continue
            if any(self.part_holder(key) == who for key in split):
                gone.append(who)
        return gone

    def part_holder(self, key: str) -> str | None:
        """Who holds the part of the split kept under ``key``: ``key``, or the one who took
        it over (on along a chain of removals), or the last removed, whose part nobody
        took over."""
        who = key
        for _ in range(len(self.lost) + 1):
            removed = self.lost.get(who)
            if removed is None or removed[0] is None:
                return who
            who = removed[0]
        return None

    def restore(self, who: str) -> bool:
        """A later clause gives ``who`` the customer again (RE14-5.3(12): the manager's
        latest draw): a removal of theirs ends; the answer says whether there was one."""
        return self._unremove(who)

    def end_removals(self, t: _dt.datetime) -> None:
        """Removals whose time is over at ``t``: once every claim of the day a salesperson
        lost their rights has lapsed, the customer starts over (as for a question left to
        the manager), and so do they: their part no longer passes to an heir whose own
        claim has lapsed, and a new reception or registration is theirs."""
        months = self.p.registration_validity_months
        if months is None:
            return
        # a removal of a later day lapses no earlier, so those whose time may be over
        # are the earliest (read from a heap, not every removal at every record);
        # they end in the order they were made, and each that ends may register its
        # salesperson again, which can keep the next standing
        lapsed = self._lapsed_by(t, months)
        due, lost = self.lost_due, self.lost
        over: dict[str, _dt.datetime] = {}
        while due and lapsed(_local(due[0][0])):
            when, who = heappop(due)
            removed = lost.get(who)
            if removed is not None and removed[2] == when:  # (not one since replaced)
                over[who] = when
        for who in sorted(over, key=self.lost_order.__getitem__):
            when = over[who]
            raised = _local(when)
            if not lapsed(raised):
                heappush(due, (when, who))
                continue
            rule = lost[who][1]
            self._unremove(who)
            lapsed = self._lapsed_by(t, months)  # (who may be registered again)
            self.note(
                rule,
                "{} lost every right on {}; every registration of that time has lapsed "
                "since: the customer starts over",
                who,
                raised,
            )

    def unregistered(self) -> None:
        """Say why the visits on the record decide nothing when none was registered
        (RE12-7.1, RE14-5.2: the register decides; a registration not confirmed says
        its own reason)."""
        if not self.regs and self.visits and not self.unconfirmed:
            self.note(
                "valid",
                "the record holds visits but no registration: a visit alone gives no claim",
            )

    def answered(self) -> None:
        """A manager's ruling answers every question open (RE12-7.7, RE14-5.4)."""
        self.ruling, self.raised = [], []

    def _drop_questions(self, settled: Callable[[Note, _dt.date | None], bool]) -> None:
        """Drop the questions for which ``settled(note, day raised)`` is true."""
        kept = [
            (note, raised)
            for note, raised in zip(self.ruling, self.raised, strict=True)
            if not settled(note, raised)
        ]
        self.ruling = [note for note, _ in kept]
        self.raised = [raised for _, raised in kept]

    def counts(self, e: Registration) -> bool:
        """Whether a registration counts (RE12-7.2: confirmed by the cutoff)."""
        if not self.p.registration_needs_confirmation:
            return True
        return e.confirmed_at is not None and (
            self.cutoff is None or e.confirmed_at <= self.cutoff
        )

    def valid(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` holds a registration valid on the day of ``t``
        (RE12-7.1, RE14-5.2: the latest registration on or before that day decides), and
        no clause had removed them by then."""
        days = self.regs.get(who)  # (registered_on, inline: this is asked for every event)
        if days is None or (self.lost and self.removed_by(who, t)):
            return False
        return self._covers(days, _local(t))

    def registered_on(self, who: str, t: _dt.datetime) -> bool:
        """Whether a registration of ``who`` is valid on the day of ``t``, whatever a
        clause did to them since (a part passed on at a removal is the part as it was)."""
        days = self.regs.get(who)
        return days is not None and self._covers(days, _local(t))

    def removed_by(self, who: str, t: _dt.datetime) -> bool:
        """Whether a clause had removed ``who`` by ``t`` (RE12-3.10, RE14-5.3(4), (12)): a
        removal counts from its own time, and does not reach back to what came before."""
        removed = self.lost.get(who)
        return removed is not None and removed[2] <= t

    def _covers(self, days: list[_dt.date], day: _dt.date) -> bool:
        """Whether registrations made on ``days`` (in order) leave one valid on ``day``."""
        i = bisect_right(days, day)
        if i == 0:
            return False
        months = self.p.registration_validity_months
        return months is None or day <= _expiry(days[i - 1], months)

    def registered_by(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` had registered the customer before ``t`` by a registration
        still valid then (their latest before ``t``), and no clause had removed them by
        then (RE12-6.1 已先...办理了客户登记; RE11-4 登记在先): a removal later than ``t``
        does not reach back to it."""
        times = self.reg_at.get(who)
        if times is None or (self.lost and self.removed_by(who, t)):
            return False
        i = bisect_left(times, t)
        months = self.p.registration_validity_months
        return i > 0 and (months is None or _local(t) <= _expiry(self.regs[who][i - 1], months))

    def registered_then(self, day: _dt.date) -> dict[str, None]:
        """The salespeople with a registration made on or before ``day`` and valid on it,
        whatever a clause did to them since, latest first (see :meth:`_registrants`)."""
        return dict.fromkeys(self._registrants(day))

    def _registrants(self, day: _dt.date, *, before: bool = False) -> Iterator[str]:
        """Who made each registration valid on ``day`` (made on or before it; ``before``:
        made before it), latest first (a salesperson once a registration).  A
        salesperson's latest registration by then is valid if any of theirs is
        (RE12-7.1, RE14-5.2), and one made later lapses no earlier: they are read from
        the registrations of the day's last months back, not from everyone who ever
        registered."""
        days, by = self.reg_days, self.reg_by
        k = bisect_left(days, day) if before else bisect_right(days, day)
        months = self.p.registration_validity_months
        while k and (months is None or day <= _expiry(days[k - 1], months)):
            k -= 1
            yield by[k]

    def since(self, who: str, t: _dt.datetime) -> _dt.datetime:
        """When ``who``'s run of registrations that is valid at ``t`` began: the first of
        those each made while the one before was still valid (a registration of a time
        that had lapsed since does not make them first; RE12-7.3, RE14-5.1 read with
        RE12-7.1, RE14-5.2)."""
        days = self.regs[who]
        i = bisect_right(days, _local(t)) - 1
        if i <= 0:
            return self.reg_at[who][0]
        runs = self.reg_runs.setdefault(who, [0])
        months = self.p.registration_validity_months
        for k in range(len(runs), len(days)):
            # made while the one before was still valid: the same run (RE12-7.1, RE14-5.2)
            chained = months is not None and days[k] <= _expiry(days[k - 1], months)
            runs.append(runs[-1] if chained else k)
        return self.reg_at[who][runs[i]]

    def add_visit(self, v: Visit) -> None:
        """A visit is on the record (visits come in time order)."""
        received = self.received.get(v.received_by)
        if received is None:
            self.received[v.received_by] = [len(self.visits)]
        else:
            received.append(len(self.visits))
        self.visits.append(v)

    def record_form(self, e: Registration) -> None:
        """A visitor form on a day with no visit of the customer on the record stands for
        the reception it records, by the salesperson who filled it in (RE12-7.1
        售楼员接待来访客户，必须认真填写《客户来访登记表》; RE14 (三)1 接待新客户，登记来人登记表):
        the customer was received that day, by them.  Read after the form itself: from
        then on the customer is a returning one (RE12-3.6, RE14-2.5), the salesperson is
        one of the earlier visits' (RE14-5.3(8)), a household member is received by then
        (RE14-5.3(11)), and a deal has a visit before it.  A day with a visit on the record
        is the visits' to tell."""
        visits = self.visits
        formed = self.formed
        if formed is None and visits and visits[-1].at == e.at:
            return  # (the common case: the form of the visit just recorded)
        day = _local(e.at)
        if formed is not None and formed[0] == day:
            if e.salesperson not in formed[1]:
                formed[1].add(e.salesperson)
                self.add_visit(Visit(at=e.at, customer=e.customer, received_by=e.salesperson))
            return
        if visits and _local(visits[-1].at) == day:
            return  # (a visit of that day on the record)
        days = self.visit_days
        if days is None:
            # (a visit after the deal is no record of the time before it)
            deal = self.deal
            days = self.visit_days = frozenset(
                _local(v.at)
                for v in self.timeline
                if type(v) is Visit
                and v.customer == e.customer
                and (deal is None or v.at <= deal.at)
            )
        if day in days:
            return
        self.formed = (day, {e.salesperson})
        self.add_visit(Visit(at=e.at, customer=e.customer, received_by=e.salesperson))

    def current_visits(self) -> list[Visit]:
        """The visits of the current run of claims (see :meth:`current_contact`): one of
        a time whose claims all lapsed is no visit of this customer's now."""
        return self.visits[self._run_start() :]

    def _run_start(self) -> int:
        """Where the current run of claims begins in the visits (in time order)."""
        since = self.current_contact()
        if since is None:
            return len(self.visits)
        return bisect_left(self.visits, since, key=_AT)

    def earlier_receivers(self, who: str, t: _dt.datetime, leave: Collection[str]) -> list[str]:
        """The salespeople other than ``who`` and ``leave`` who received the customer
        in the current run of claims before its last visit and are validly registered
        at ``t`` (RE14-5.3(8): the earlier salespeople), in the order of their first such
        visit: read from who is registered at ``t``, not from every visit of the run."""
        start, last = self._run_start(), len(self.visits) - 1
        first: dict[str, int] = {}
        for other in self._registrants(_local(t)):
            if other == who or other in first or other in leave or not self.valid(other, t):
                continue
            received = self.received.get(other, [])
            i = bisect_left(received, start)
            if i < len(received) and received[i] < last:
                first[other] = received[i]
        return sorted(first, key=first.__getitem__)

    def run_length(self) -> int:
        """How many visits the current run of claims holds."""
        return len(self.visits) - self._run_start()

    def current_contact(self) -> _dt.datetime | None:
        """When the customer was first received in the current run of claims: their
        first visit, or the first since every registration made before it had lapsed
        (RE12-7.1, RE14-5.2: the customer starts over).  A household's first member is
        read by it (RE14-5.3(11) 以先接待者为准)."""
        visits = self.visits
        if not visits:
            return None
        months = self.p.registration_validity_months
        if months is None or not self.regs:
            return visits[0].at
        if not self.lost:
            # the earliest registration still valid on the last visit's day: no visit
            # can have started over (the common case, read without a pass)
            earliest = min(days[0] for days in self.regs.values())
            if _local(visits[-1].at) <= _expiry(earliest, months):
                return visits[0].at
        # a run starts over only once a registration of its own has lapsed: a visit the
        # same day as the run's first, or with no registration since, is in it.  Whether
        # a visit starts a run reads only its day, and the registrations and removals
        # before that day; records come in time order, so the walk goes on from where it
        # last stopped, or, once removals it may have read changed, from the last day it
        # read before them: a case's walks take time in proportion to its visits, not
        # their square
        walk = self.walked
        if walk is None:
            walk = self.walked = _Walk()
        log = self.lost_log
        if len(log) > walk.removals:
            # a removal counts from its own time: the days before it read the same
            kept = bisect_left(walk.marks, min(log[walk.removals :]), key=_FIRST)
            del walk.marks[kept:]
            walk.visits = walk.marks[-1][1] if kept else 1
            walk.removals = len(log)
        if walk.marks:
            checked, _, first, since = walk.marks[-1]
        else:
            first, since = visits[0].at, _local(visits[0].at)
            checked = _dt.datetime.combine(since, _dt.time.min, tzinfo=CHINA_TZ)
        days = self.reg_days
        for n, v in enumerate(visits[walk.visits :], walk.visits + 1):
            day = _local(v.at)
            if day <= since:
                continue
            start = _dt.datetime.combine(day, _dt.time.min, tzinfo=CHINA_TZ)
            if start == checked:
                continue  # (a day already read: the same answer)
            checked = start
            i = bisect_left(days, since)
            if i < len(days) and days[i] < day and self._starts_over(start):
                first, since = v.at, day
            walk.marks.append((start, n, first, since))
        walk.visits = len(visits)
        return first

    def new_again(self, t: _dt.datetime) -> bool:
        """Whether a customer who came before is new again at ``t``: every earlier visit
        was on an earlier day, and no registration made before the day is valid on it
        (none was made, or every one has lapsed; one of a salesperson a clause removed
        still makes the customer known).  The register decides (RE12-4 以登记为准; RE12-3.7
        视为新客户, RE12-7.1).  A claim made earlier that day (an old customer's call for a
        salesperson, RE12-7.5(a)) is of the new time, as it is for a customer never seen
        before."""
        day = _local(t)
        return (
            _local(self.visits[-1].at) < day
            and next(self._registrants(day, before=True), None) is None
        )

    def _starts_over(self, day: _dt.datetime) -> bool:
        """Whether the customer was registered before ``day`` (a day's start) and every
        one of those registrations has lapsed by then (registrations that lapse: see
        :meth:`current_contact`, its one reader)."""
        local = _local(day)
        if not self.reg_days or self.reg_days[0] >= local:
            return False  # (nobody registered before the day)
        return not any(
            self.registered_by(who, day) for who in self._registrants(local, before=True)
        )

    def holds(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` holds the customer by right at ``t``: by a valid registration,
        or, named by a clause without one (a forgetful customer's new salesperson), on
        the strength of the customer's registrations while one of them is still valid
        (RE12-7.1, RE14-5.2: every claim lapses)."""
        if self.lost and self.removed_by(who, t):
            return False
        if who in self.regs:
            if self.valid(who, t):
                return True
            if not self.by_clause(who):
                return False
        return not lapsed_behind(self, (), t, in_run=who == self.clause_holder == self.owner)

    def by_clause(self, who: str) -> bool:
        """Whether ``who`` holds the customer by a clause rather than by a registration of
        their own: they never registered it, or a clause named them the owner without a
        registration that stands (see :meth:`named_by_clause`: RE12-3.7's new
        salesperson, RE12-5.2's first receiver, whatever they registered before)."""
        return who not in self.regs or who == self.clause_holder == self.owner

    def nobody_holds(self, t: _dt.datetime) -> bool:
        """Whether nobody holds the customer at ``t``: no owner, or an owner whose claim
        has lapsed (and then the trail says why, see :meth:`lapsed`)."""
        owner = self.owner
        if owner is None:
            return True
        if self.holds(owner, t):
            return False
        self.lapsed(owner)
        return True

    def lapsed(self, owner: str, *, months: bool = False) -> None:
        """Say why ``owner`` no longer holds the customer: a clause removed them, their
        registration lapsed (``months``: say after how long), or, named by a clause
        without one, every registration their hold rested on did."""
        claims = len(self.regs.get(owner, ()))
        if self.said_lost(owner) or self.told_lapsed.get(owner) == claims:
            return  # (said once until the salesperson claims the customer again)
        self.told_lapsed[owner] = claims
        if owner not in self.regs:
            self.note(
                "valid", "every registration {}'s hold rested on had lapsed: no claim", owner
            )
        elif months:
            limit = self.p.registration_validity_months
            self.note(
                "valid", "{}'s registration had lapsed ({} month(s)): no claim", owner, limit
            )
        else:
            self.note("valid", "{}'s registration had lapsed", owner)

    def named_by_clause(self, who: str, t: _dt.datetime) -> None:
        """A clause names ``who`` the owner at ``t`` (RE12-3.7's new salesperson, RE12-5.2's
        first receiver).  Without a registration of theirs that stands (their form of the
        day not in yet, or none), they hold the customer by the clause, on the
        registrations of the current run of claims (see :meth:`by_clause`,
        :func:`lapsed_behind`); with one, by that registration, as anyone."""
        self.owner = who
        if self.valid(who, t):
            return
        self.clause_holder = who
        since = self.current_contact()
        self.clause_run = _local(since if since is not None else t)

    def claim(self, who: str, t: _dt.datetime) -> None:
        """``who`` registered the customer at ``t`` (claims come in time order); one a
        clause had named holds by this registration from now (its lapse is theirs)."""
        if who == self.clause_holder:
            self.clause_holder = None
        day = _local(t)
        self.reg_days.append(day)  # (in time order, as the claims come)
        self.reg_by.append(who)
        days = self.regs.get(who)
        if days is None:
            self.regs[who] = [day]
            self.reg_at[who] = [t]
        else:
            days.append(day)
            self.reg_at[who].append(t)

    def given(self, who: str, t: _dt.datetime, rule: str, template: str, *args: Any) -> None:
        """A clause gives ``who`` the customer at ``t``: the reception (or the deal, the
        take-over) counts as their registration from then, and they hold the customer
        (docs/realestate.md: a reception a clause gives counts as a registration)."""
        self.claim(who, t)
        self.take(who, rule, template, *args)

    def take(self, who: str, rule: str, template: str, *args: Any) -> None:
        """``who`` becomes the owner (any pending case is over, and whoever a clause
        named to follow it up no longer does); one who takes the customer after RE12-3.10
        removed a salesperson without naming who takes over has taken over (only the
        part of the one removed, when a split stands: see take_part)."""
        parts = self.awaiting_parts() if self.ruling and who not in self.lost else []
        if parts:
            self.note(rule, template, *args)
            for each in parts:
                self.took_over(who, each)
                self.note("RE12-3.10", TOOK_ITS_PART, who, each)
            if self.owner is None or self.owner in parts:
                self.owner = who
            if self.follow_up is None or self.follow_up in parts:
                self.follow_up = who
            return
        self.owner = who
        self.split = self.follow_up = None
        if who != self.clause_holder:  # (one a clause named holds on by it: RE12-3.7(j))
            self.clause_holder = None
        self.end_pending()
        self.note(rule, template, *args)
        gone = self.awaiting_taker()
        if gone is not None and who not in self.lost:
            self.took_over(who, gone)
            if template not in (TOOK_OVER, CLOSED_TOOK_OVER):
                self.note("RE12-3.10", "{} took over from {}", who, gone)

    def set_split(
        self,
        shares: list[tuple[str, Fraction]],
        rule: str,
        template: str,
        *args: Any,
        lapsing: str | None = None,
    ) -> None:
        """The deal will split ``shares``; ``lapsing`` names a salesperson whose part
        needs a registration still valid at the deal (the clause ``rule`` says so)."""
        self.split = _merge(shares)
        self.split_by = rule
        self.lapsing = None if lapsing is None else (lapsing, rule, None)
        self.end_pending()
        self.note(rule, template, *args)

    def split_among_several(self) -> bool:
        """Whether a clause set a split with parts besides the holder's (a switch's, a
        recognition's, a ruling's): a courtesy or a visit elsewhere leaves it standing."""
        return self.split is not None and len(self.split) > 1

    def end_pending(self) -> None:
        """The cases left pending until the deal, and any tie, are over."""
        self.forgot = self.assist = self.same_day = self.nth = None
        self.forgot_split = None
        self.tied = ()

    def forget(self, earlier: str, new: str, t: _dt.datetime) -> None:
        """The customer forgot ``earlier`` (the holder) and ``new`` received them as new
        at ``t`` (RE12-3.7, RE14-5.3(7)): the case is pending until a recognition or the
        deal.  A split the holder shared with others is kept for the recognition (the
        salespeople the customer forgot are all of its parties); a courtesy for the one
        forgotten is over."""
        split = self.split
        self.forgot_split = (
            Forgotten(dict(split), self.follow_up, self.lapsing, self.split_by)
            if split is not None and len(split) > 1
            else None
        )
        self.split = self.follow_up = None
        self.forgot = (earlier, new, t)
        self.assist = self.same_day = None

    def forgotten(self) -> tuple[str, ...]:
        """The salespeople a forgetful customer's case stands on (see :meth:`forget`): the
        holder the customer forgot, and the others of a split they shared."""
        if self.forgot is None:
            return ()
        saved = self.forgot_split  # (the one following up is one of its parties)
        return tuple(dict.fromkeys((self.forgot[0], *(saved.split if saved else ()))))

    def kept_from(self, who: str, rule: str) -> bool:
        """Whether a clause (``rule``) would give the customer to ``who``, whom a clause
        removed (RE12-3.10, RE14-5.3(4) 此客户成交与b无关, RE14-5.3(12)): while the removal
        stands it does not, and the customer stays its holder's; if so, say so."""
        if who not in self.lost:
            return False
        if self.owner is None:
            self.said_lost(who)
        else:
            self.note(
                rule,
                "{} lost every right to this customer earlier: the customer stays {}'s",
                who,
                self.owner,
            )
        return True

    def said_lost(self, who: str) -> bool:
        """Whether a clause removed ``who`` (RE12-3.10, RE14-5.3(4)); if so, say so,
        citing that clause (a removed salesperson's claim has not merely lapsed)."""
        removed = self.lost.get(who)
        if removed is None:
            return False
        self.note(removed[1], "{} lost every right to this customer earlier", who)
        return True

    def tie_stands(self, t: _dt.datetime) -> bool:
        """Whether two or more of the registrations tied at one instant are still valid
        at ``t`` (a tied salesperson may have registered again since)."""
        return sum(1 for who in self.tied if self.valid(who, t)) > 1

    def leaves_tie(self, who: str) -> None:
        """A clause removed ``who`` (RE14-5.3(4), RE12-3.10): a tie left with one
        salesperson who has not lost their rights needs no ruling."""
        if who not in self.tied or sum(1 for w in self.tied if w not in self.lost) > 1:
            return
        self.tied = ()
        self._drop_questions(lambda note, _: note[1] == _TIED)
        self.note("tie", "{} lost every right: the tie needs no ruling", who)

    def end_lapsed_tie(self, t: _dt.datetime) -> None:
        """A tie that no longer stands at ``t`` needs no ruling: the one tied salesperson
        still validly registered holds the customer, or, if none is, the clauses decide
        from here as after any lapse (RE12-7.1, RE14-5.2)."""
        if not self.tied or self.tie_stands(t):
            return
        tied, self.tied = self.tied, ()
        self._drop_questions(lambda note, _: note[1] == _TIED)
        left = [who for who in tied if self.valid(who, t)]
        if left:
            others = [who for who in tied if who != left[0]]
            self.take(
                left[0],
                "valid",
                "{}'s registration lapsed and {} registered again: the tie is over",
                Listed(others),
                left[0],
            )
            return
        self.note(
            "valid",
            "{} no longer hold valid registrations: their tie needs no ruling",
            Both(tied),
        )
        valid = [who for who in self.registered_then(_local(t)) if self.valid(who, t)]
        if valid:
            self.earliest_holds(valid, t)

    def begin(self, t: _dt.datetime) -> None:
        """An event at ``t`` is about to be applied: its clauses read the ledger as of
        then, an owner's lapse included (see :meth:`succeed`)."""
        self.now = t
        if self.lost:
            self.end_removals(t)
        if self.owner is not None and len(self.regs) > 1:
            self.succeed(t)

    def settle(self, t: _dt.datetime) -> None:
        """Read the ledger as of ``t`` with no event to apply (the deal on another
        member, or "now" without a deal): an owner's lapse, then the questions that
        lapsed by then."""
        self.begin(t)
        if self.ruling:
            self.drop_settled(t)

    def succeed(self, t: _dt.datetime) -> None:
        """An owner whose registration has lapsed by ``t`` gives way to whoever registered
        meanwhile and is still registered (RE12-7.3, RE14-5.1: of the valid
        registrations, the earlier wins); with nobody such, the clauses decide as after
        any lapse.  An owner a clause removed is left to that clause, and one a clause
        named without a registration (a forgetful customer's new salesperson) to the
        clause that named them."""
        owner = self.owner
        if owner is None or owner in self.lost or self.valid(owner, t) or self.by_clause(owner):
            return
        valid = [
            who for who in self.registered_then(_local(t)) if who != owner and self.valid(who, t)
        ]
        if valid:
            self.lapsed(owner)
            self.earliest_holds(valid, t)

    def earliest_holds(self, valid: list[str], t: _dt.datetime) -> None:
        """Of ``valid`` (salespeople validly registered at ``t``), the one who registered
        first holds the customer (by the run of registrations valid then: see
        :meth:`since`); two whose runs began at one instant are a tie of their own,
        which needs its own ruling."""
        first, earliest = self.earliest_of(valid, t)
        if len(earliest) == 1:
            self.take(
                earliest[0],
                "earlier",
                "{} registered meanwhile ({}) and holds the customer",
                earliest[0],
                first,
            )
        else:
            self.start_tie(earliest, first)

    def earliest_of(self, valid: list[str], t: _dt.datetime) -> tuple[_dt.datetime, list[str]]:
        """When the earliest runs of registrations of ``valid`` (salespeople validly
        registered at ``t``: see :meth:`since`) began, and whose began then (by name;
        two or more are a tie)."""
        began = {who: self.since(who, t) for who in valid}
        first = min(began.values())
        return first, sorted(who for who in valid if began[who] == first)

    def start_tie(self, names: list[str], t: _dt.datetime) -> None:
        """``names`` registered at the same instant ``t`` and nothing orders them: nobody
        holds the customer, and the tie waits for a ruling (RE12-7.3, RE14-5.1)."""
        self.owner = self.split = self.clause_holder = None
        self.end_pending()
        self.tied = tuple(names)
        self.needs("tie", _TIED, Both(names), t)

    def received_on(self, who: str, t: _dt.datetime) -> bool:
        """Whether ``who`` received the customer as their own earlier on the day of ``t``
        (a visit recorded by then, not a courtesy for another salesperson)."""
        day = _local(t)
        for v in reversed(self.visits):  # (in time order: that day's are the last)
            on = _local(v.at)
            if on < day:
                return False
            if on == day and v.received_by == who and v.courtesy_for is None:
                return True
        return False

    def is_first_day(self, t: _dt.datetime) -> bool:
        """Whether ``t`` is the day of a new customer's visit (RE12-3.10, RE12-5.2: 当日来访
        的新客户): their first, or the first since every claim on them lapsed."""
        first = self.current_contact()
        return first is not None and _local(first) == _local(t)


# -- RE12-7.1..7.3, RE14-5.1, 5.2: registrations -----------------------------------------


def _uncounted(m: Ledger, e: Registration) -> None:
    """Say why a registration does not count (RE12-7.2): never confirmed, confirmed
    after the deal's cutoff, or not confirmed yet at the instant asked about."""
    m.unconfirmed = True
    if e.confirmed_at is None:
        m.note(
            "confirmed",
            "{}'s registration of {} was not confirmed by the project manager: it does not count",
            e.salesperson,
            e.at,
        )
    elif m.deal is not None and m.cutoff == confirmation_limit(m.p, m.deal):
        late = (
            N_(
                "{}'s registration of {} was confirmed on {}, after the deal: it does not count "
                "for the deal"
            )
            if m.p.confirmation_cutoff is ConfirmationCutoff.DEAL
            else N_(
                "{}'s registration of {} was confirmed on {}, after the day of the deal: it "
                "does not count for the deal"
            )
        )
        m.note("confirmed", late, e.salesperson, e.at, e.confirmed_at)
    else:  # answered as of an instant before the confirmation
        m.note(
            "confirmed",
            "{}'s registration of {} was not yet confirmed by the project manager at {}: it "
            "does not count yet",
            e.salesperson,
            e.at,
            m.cutoff,
        )


def on_registration(m: Ledger, e: Registration) -> None:
    """A visitor form (RE12-7.1 to 7.3, RE14-5.1, 5.2), and the reception it records on
    a day with no visit on the record (see :meth:`Ledger.record_form`)."""
    if not m.counts(e):  # (a form the project manager did not confirm is no record: RE12-7.2)
        _uncounted(m, e)
        return
    _registration(m, e)
    m.record_form(e)


def _registration(m: Ledger, e: Registration) -> None:
    """A registration that counts (see on_registration)."""
    who = e.salesperson
    if m.said_lost(who):
        return
    owner = m.owner
    if m.ruling:
        m.drop_settled(e.at)
        owner = m.owner
        parts = m.awaiting_parts()
        if parts:  # (RE12-3.10: the next salesperson registering took over their parts)
            m.claim(who, e.at)
            m.take_part(who, e.at, parts, claim=False)
            return
    if owner == who:
        pending = pending_parties(m, None)
        over = pending is not None and lapsed_behind(m, pending[1], e.at)
        m.claim(who, e.at)
        if pending is not None and over:
            # registered again after the case lapsed: the customer starts over
            m.take(
                who,
                "valid",
                "{} registered the customer again ({}) after every registration behind "
                "what was pending for {} had lapsed: it lapses with them",
                who,
                e.at,
                Both(pending[0]),
            )
        return
    if owner is None and m.tied:  # the tie stands
        m.claim(who, e.at)
        if who in m.tied:
            m.note(
                "tie",
                "{} registered again: the tie with {} still needs a ruling",
                who,
                Listed([x for x in m.tied if x != who]),
            )
        else:
            m.note(
                "earlier",
                "{} registered later than {}: the earlier registration wins",
                who,
                Both(m.tied),
            )
        return
    had_claim = owner is not None and m.holds(owner, e.at)
    m.claim(who, e.at)
    gone = m.awaiting_taker() if owner is None else None
    if gone is not None:  # RE12-3.10: the next salesperson registers the customer as new
        m.take(who, "RE12-3.10", TOOK_OVER, who, e.at, gone)
    elif owner is None and len(m.regs) == 1:
        m.take(who, "earlier", "{} registered the customer first ({})", who, e.at)
    elif owner is None:  # the others' registrations lapsed or were ended
        m.take(who, "earlier", "{} registered the customer ({})", who, e.at)
    elif not had_claim:
        m.lapsed(owner, months=True)
        m.take(who, "earlier", "{} registered the customer ({})", who, e.at)
    elif not m.valid(owner, e.at):  # named by a clause, with no registration that stands
        m.note(
            "earlier",
            "{} registered the customer, whom a clause gave to {} (above): the registration "
            "changes nothing",
            who,
            owner,
        )
    elif len(m.regs[who]) > 1 and m.since(who, e.at) < m.since(owner, e.at):
        # who registered first (their run of registrations began no later), but a clause
        # above gave the customer to the owner (a switch, a named visit, a forgetful
        # customer's new salesperson, a draw): registering again changes nothing
        m.note(
            "earlier",
            "{} registered the customer again ({}); a clause gave the customer to {} (above): "
            "the registration changes nothing",
            who,
            e.at,
            owner,
        )
    else:
        m.note("earlier", "{} registered later than {}: the earlier registration wins", who, owner)


#: why RE12-3.10's removal without a salesperson taking over needs a ruling (until one
#: registers the customer: see Ledger.took_over)
NOBODY = N_("{} lost the customer for {}, but nobody took over (record granted_to)")

#: the next salesperson received (or registered) the customer after RE12-3.10 removed one
#: and nobody was recorded as taking over (granted_to)
TOOK_OVER = N_("{} received the customer as new ({}) and took over from {}")

#: the next salesperson received (or registered) the customer after RE12-3.10 removed one
#: from a split that stands and nobody was recorded as taking over
TOOK_PART = N_("{} received the customer ({}) and took over {}'s part; the others' parts stand")

#: the one who closed the deal took over, RE12-3.10 having removed a salesperson and nobody
#: recorded as taking over (the customer, or the part of one removed from a split)
CLOSED_TOOK_OVER = N_("{} closed the deal ({}) and so took over from {}")
CLOSED_TOOK_PART = N_(
    "{} closed the deal ({}) and so took over {}'s part; the others' parts stand"
)

#: a clause gave the customer to a salesperson after RE12-3.10 removed one from a split
#: that stands, nobody recorded as taking over (see Ledger.take)
TOOK_ITS_PART = N_("{} took over {}'s part; the others' parts stand")

#: why a tie of registrations needs a ruling (and, once they lapse, no longer does)
_TIED = N_(
    "{} registered the customer at the same instant ({}): the earlier registration cannot be told"
)


def registration_tie(m: Ledger, group: list[Registration], first: str | None) -> None:
    """Registrations by different salespeople stamped with the same instant.

    RE12-7.3 and RE14-5.1 decide by the earlier registration; a tie has
    none.  An owner who holds the customer (:meth:`Ledger.holds`), or an
    earlier tie that still stands, keeps it (every one of them registered
    later); else RE14-5.1's evening-meeting record, when the policy accepts
    it and it names one of them, decides; else a ruling.
    """
    t = group[0].at
    if m.ruling:
        m.drop_settled(t)
    owner = m.owner
    if (owner is not None and m.holds(owner, t)) or (owner is None and m.tied):
        for e in group:
            on_registration(m, e)
        return
    names = sorted({e.salesperson for e in group})
    if first is not None and first in names and m.p.meeting_record_decides:
        m.note(
            "RE14-5.1",
            "{} registered the customer at the same instant ({}); the evening-meeting "
            "record names {} first",
            Both(names),
            t,
            first,
        )
        for e in sorted(group, key=lambda r: r.salesperson != first):
            on_registration(m, e)
        return
    for e in group:
        m.claim(e.salesperson, e.at)
        m.record_form(e)  # (they count: see the engine's tie)
    m.start_tie(names, t)


def meeting_note(p: AttributionPolicy, record: MeetingRecord) -> Note:
    """What an evening-meeting record tells under ``p``, whenever it was written."""
    if p.meeting_record_decides:
        return (
            "RE14-5.1",
            N_("the evening-meeting record names {} as the first to receive the customer"),
            (record.first,),
        )
    return (
        p.cite("tie"),
        N_("the evening-meeting record names {} first; {} decides by the registration times"),
        (record.first, p.name),
    )


def on_meeting_record(m: Ledger, record: MeetingRecord, t: _dt.datetime | None = None) -> None:
    """The record, read at ``t`` (its own instant; the deal's for one written after it,
    which tells of the time before the deal).  Under RE14-5.1 the registration times and
    the record decide together: a record naming someone other than the salesperson who
    registered first (of the registrations valid then) contradicts the register, and a
    manager must say which is right (a tie at one instant is the record's to decide,
    see registration_tie)."""
    if not m.p.meeting_record_decides or m.tied:
        m.steps.append(meeting_note(m.p, record))
        return
    when = record.at if t is None else t
    # the register as it stands, whatever a clause did since to whoever registered first
    # (a removal, RE14-5.3(4) or (12), does not make the next salesperson first)
    first, earliest = m.earliest_run(when, removals=False)
    if first is None or record.first in earliest:
        m.steps.append(meeting_note(m.p, record))
        return
    m.needs(
        "RE14-5.1",
        "the evening-meeting record names {} first, but {} registered the customer first "
        "({}): the register and the record disagree",
        record.first,
        Both(sorted(earliest)),
        first,
    )


def on_deal(m: Ledger, d: Deal) -> None:
    if m.ruling:
        m.drop_settled(d.at)
        parts = m.awaiting_parts()
        if parts and d.closed_by not in m.lost:
            # RE12-3.10(c): the one who closed the deal took over the parts of the
            # salespeople removed from a split that stands; the others' parts stand
            m.take_part(d.closed_by, d.at, parts, closing=True)
    owner = m.owner
    if owner is not None and m.valid(owner, d.at):
        _lapsed_part(m, d)
        return
    if owner is None and m.tied:  # the tie stands
        m.note(
            "tie",
            "{} closed the deal while {} had registered the customer at the same instant: "
            "the ruling decides",
            d.closed_by,
            Both(m.tied),
        )
        return
    pending = pending_parties(m, d.at)
    if pending is None:
        if owner is not None:
            m.lapsed(owner)
    else:
        # a case a clause left pending is settled at the deal as the clause says.  Once
        # every registration behind it has lapsed, it lapses with them, as any claim
        # does, whoever closes the deal (RE12-7.1, RE14-5.2: a lapsed registration never
        # earns; its own salespeople keep it alive by registering).  Behind a case none
        # of whose salespeople registered stand the customer's other registrations, and
        # with none at all (a courtesy for someone the customer named) it rests on the
        # clause alone.  One whose salespeople a clause removed goes where that clause
        # says (see deal_split).
        payees, behind = pending
        if not lapsed_behind(m, behind, d.at):
            _lapsed_part(m, d)
            return
        m.note(
            "valid",
            "{} closed the deal after every registration behind what was pending for {} "
            "had lapsed: it lapses with them",
            d.closed_by,
            Both(payees),
        )
    gone = m.awaiting_taker()
    if gone is not None and d.closed_by not in m.lost:
        # RE12-3.10(c): nobody was recorded as taking over from the salesperson removed;
        # the one who closed the deal did, and holds the customer by that clause (as one
        # who received or registered them would), not for want of a claim
        m.given(d.closed_by, d.at, "RE12-3.10", CLOSED_TOOK_OVER, d.closed_by, d.at, gone)
        return
    m.closer_took = True
    m.unregistered()
    m.given(
        d.closed_by,
        d.at,
        "closer",
        "{} closed the deal with no valid claim against it",
        d.closed_by,
    )


def share_part(
    split: dict[str, Fraction], holder: str, parts: Iterable[tuple[str, Fraction]]
) -> dict[str, Fraction]:
    """``split`` with ``holder``'s part divided as ``parts`` say (fractions of it)."""
    part = split.pop(holder)
    return _merge([*split.items(), *((who, part * share) for who, share in parts)])


def pass_parts(
    split: dict[str, Fraction], heirs: Mapping[str, tuple[str | None, str]]
) -> tuple[list[Note], Note | None]:
    """Move the part of each salesperson of ``split`` who lost every right to the one a
    clause named to take it (``heirs``: who, and the clause, by the removed salesperson),
    in place, and on along a chain of removals (RE12-3.10, RE14-5.3(4), (12)).  The
    trail's lines, with the clause's rule or key, and the question for the manager
    when a part has nowhere to go, or None."""
    notes: list[Note] = []
    for _ in range(len(heirs)):
        gone = [who for who in split if who in heirs]
        if not gone:
            break
        for who in gone:
            heir, rule = heirs[who]
            part = split.pop(who)
            if heir is None:
                return notes, (rule, NOBODY_TOOK_PART, (who,))
            split[heir] = split.get(heir, ZERO) + part
            notes.append((rule, N_("{} has no part: {}'s {} goes to {}"), (who, who, part, heir)))
    if any(who in heirs for who in split):
        return notes, ("fallback", N_("every salesperson of the split lost their rights"), ())
    return notes, None


#: a removed salesperson's part that nobody took over (see pass_parts)
NOBODY_TOOK_PART = N_("{} lost every right, and nobody took over their part")


def stands_at_deal(m: Ledger, d: Deal) -> bool:
    """Whether a household member's ledger still earns at the deal ``d`` closed on
    another member: the owner's registration is valid then, or a pending case (or the
    part of a salesperson a clause removed) has a valid registration behind it, or none
    at all (the clause alone).  If not, say so (RE12-7.1, RE14-5.2: a lapsed
    registration never earns).  The member's ledger is read as of the deal
    (:meth:`Ledger.begin`)."""
    owner = m.owner
    if m.tied or (owner is not None and owner not in m.lost and m.valid(owner, d.at)):
        return True
    pending = pending_parties(m, d.at)
    if pending is None and owner is not None and owner in m.lost:
        pending = (owner,), ()  # where the removed one's part goes (see deal_split)
    if pending is not None:
        if not lapsed_behind(m, pending[1], d.at):
            return True
        m.note(
            "valid",
            "the registrations behind what was pending for {} had lapsed by the deal",
            Both(pending[0]),
        )
        return False
    if owner is not None:
        m.lapsed(owner)
    return False


def lapsed_behind(
    m: Ledger, behind: tuple[str, ...], t: _dt.datetime, *, in_run: bool = False
) -> bool:
    """Whether every registration behind a pending case has lapsed at ``t``: its
    salespeople's, and, when one of them holds by a clause or none of them registered,
    the customer's others.  With
    nobody registered at all the clause alone stands (False), and a holder a clause
    named with no registration in their run of claims stands as if registered the day
    it began; with everyone registered removed by a clause, nothing does (True)."""
    own = [who for who in behind if who in m.regs and who not in m.lost]
    if any(m.valid(who, t) for who in own):
        return False
    # the holder a clause named stands behind the case on the run it named them in
    in_run = in_run or (m.clause_holder is not None and m.clause_holder == m.owner in behind)
    # a salesperson of the case who holds by a clause (never registered, or only in a time
    # whose claims have all lapsed: see Ledger.by_clause) stands on the customer's
    # registrations, which then stand behind the case too
    if own and not any(who not in m.lost and m.by_clause(who) for who in behind):
        return True
    lost = m.lost
    if m.regs and sum(1 for who in lost if who in m.regs) == len(m.regs):
        return True  # everyone registered was removed by a clause: nothing stands
    start = m.clause_run if in_run else None
    if start is not None:
        # a clause named the holder: registrations of a time that had lapsed before the
        # run of claims it named them in began are no one's; with none since, the
        # clause stands as a registration of the run's first day would, and lapses like
        # one (RE12-7.1, RE14-5.2: every claim lapses)
        days, by = m.reg_days, m.reg_by
        if all(by[k] in lost for k in range(bisect_left(days, start), len(days))):
            months = m.p.registration_validity_months
            return months is not None and _local(t) > _expiry(start, months)
    elif not m.regs:
        return False  # nobody registered the customer: the clause alone stands
    # the others' registrations (of the run, if a clause named the holder), read from
    # who is registered at t, not from everyone who ever registered
    return not any(
        who not in lost and (start is None or m.regs[who][-1] >= start) and m.valid(who, t)
        for who in m._registrants(_local(t))
    )


def pending_parties(
    m: Ledger, when: _dt.datetime | None
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A case left pending until the deal (read in the order the deal's split reads
    them): the salespeople it would pay by a deal at ``when`` (None: every one it might;
    RE14-2.5's colleague none once the day of their reception is over), and every
    salesperson whose claim made the case; None when nothing is pending."""
    paid: tuple[str, ...]
    behind: tuple[str, ...]
    if m.forgot is not None:  # RE12-3.7(h)(j), RE14-5.3(7): the new one, over the earlier
        new = m.forgot[1]
        paid, behind = (new,), tuple(dict.fromkeys((new, *m.forgotten())))
    elif m.nth is not None:  # RE14-5.3(8)
        paid = behind = (m.nth[0], *m.nth[1])
    elif m.split is not None:
        paid = behind = tuple(m.split)
    else:
        paid = behind = ()
    shared = m.assist or m.same_day  # RE14-5.3(3), RE14-2.5: a colleague shares the holder's part
    if shared is not None:
        holder, colleague, tv = shared
        behind = tuple(dict.fromkeys((*behind, holder, colleague)))
        if m.assist is None and when is not None and _local(when) != _local(tv):
            paid = tuple(dict.fromkeys((*paid, holder)))  # (no deal that day: a courtesy)
        else:
            paid = tuple(dict.fromkeys((*paid, holder, colleague)))
    return (paid, behind) if behind else None


def _lapsed_part(m: Ledger, d: Deal) -> None:
    """A part of the split whose clause needs its holder's registration valid at the
    deal (RE14-5.3(2): 若成交 ... 若b属建档有效期) goes to the owner once it has lapsed
    (or to the one that clause made the holder, when a later clause shared their part)."""
    if m.lapsing is None or m.split is None or m.owner is None:
        return
    who, rule, heir = m.lapsing
    to = m.owner if heir is None else heir
    part = m.split.get(who)
    if part is None or who == to or m.registered_on(who, d.at):
        # a part that stands at the deal; if a clause removed its holder since, it goes
        # where that clause says (see deal_split): the one who took their place takes it
        # as it was, and a part that had lapsed by the deal is nobody's to pass on
        return
    split = dict(m.split)
    del split[who]
    split[to] = split.get(to, ZERO) + part
    m.split = split
    m.note(
        rule,
        N_("{}'s registration had lapsed by the deal: {}'s {} goes to {}")
        if who in m.regs
        else N_("{} had no registration at the deal: {}'s {} goes to {}"),
        who,
        who,
        part,
        to,
    )
