"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from custrules import WorkCalendar

CHINA = WorkCalendar.china()
assert CHINA.first_day is not None
assert CHINA.official_through is not None

#: Dates inside China's official schedule, keeping a margin so that adding a
#: few hundred working days stays inside it.
china_days = st.dates(
    min_value=CHINA.first_day + dt.timedelta(days=600),
    max_value=CHINA.official_through - dt.timedelta(days=600),
)
steps = st.integers(min_value=1, max_value=200)
signed_steps = st.integers(min_value=-400, max_value=400)

#: Aware instants in 2004-2026 in assorted zones (UTC-12 .. UTC+14).
zones = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda q: dt.timezone(dt.timedelta(minutes=15 * q))
)
instants = st.builds(
    lambda day, seconds, tz: (
        dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone(dt.timedelta(hours=8)))
        + dt.timedelta(seconds=seconds)
    ).astimezone(tz),
    china_days,
    st.integers(min_value=0, max_value=86_399),
    zones,
)


#: a host's zone with daylight saving, and two instants of the night its clocks go back
#: (1 November 2026, 02:00 EDT -> 01:00 EST): 01:30 EDT, then 01:10 EST 40 minutes later,
#: which Python's comparison of two datetimes of one zone puts first by its wall clock
NEW_YORK = ZoneInfo("America/New_York")
FIRST_0130_EDT = dt.datetime(2026, 11, 1, 5, 30, tzinfo=dt.timezone.utc).astimezone(NEW_YORK)
LATER_0110_EST = dt.datetime(2026, 11, 1, 6, 10, tzinfo=dt.timezone.utc).astimezone(NEW_YORK)


# -- real estate ------------------------------------------------------------------------

from custrules.realestate import (  # noqa: E402
    RE11,
    RE12,
    RE14,
    AfterSales,
    AttributionPolicy,
    CompanyIntroduction,
    CompanyTerms,
    ConfirmationCutoff,
    Deal,
    Dispute,
    DisputeOutcome,
    Event,
    Fault,
    ForgotRule,
    HouseholdLink,
    HouseholdRule,
    IntroRule,
    MeetingRecord,
    NameChange,
    OldCustomerIntroduction,
    Previous,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    ReferralTerms,
    Registration,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    SwitchRule,
    Visit,
)

RE_BASE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SALESPEOPLE = ("甲", "乙", "丙", "丁")
names = st.sampled_from(SALESPEOPLE)
#: every kind of event a story can hold (the deal is added at the end)
RE_KINDS = (
    "visit",
    "registration",
    "recognition",
    "switch",
    "complaint",
    "introduction",
    "reallocation",
    "referral",
    "referral_confirmation",
    "company",
    "household",
    "meeting_record",
    "ruling",
    "dispute",
    "name_change",
)


def _moment(minutes: int) -> dt.datetime:
    return RE_BASE + dt.timedelta(minutes=minutes)


def _shares(draw: st.DrawFn) -> dict[str, Fraction]:
    people = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    weights = draw(st.lists(st.integers(1, 4), min_size=len(people), max_size=len(people)))
    return {
        f"salesperson:{p}": Fraction(w, sum(weights)) for p, w in zip(people, weights, strict=True)
    }


#: a flag set one time in four
_now_and_then = st.sampled_from([False, False, False, True])


@st.composite
def re_event(draw: st.DrawFn, customer: str, minutes: int, other: str | None = None) -> Event:
    """Any event of the vocabulary about ``customer`` at ``minutes`` after the base."""
    at = _moment(minutes)
    kind = draw(st.sampled_from(RE_KINDS))
    who = draw(names)
    others = names.filter(lambda n: n != who)
    if kind == "visit":
        # each flag now and then: a third of the visits are plain ones (a customer
        # back, asking for someone or not), the common case, where the pending cases
        # and the people a clause named meet a request
        return Visit(
            at=at,
            customer=customer,
            received_by=who,
            previous=draw(st.sampled_from(list(Previous))),
            asked_for=draw(st.lists(names, max_size=2, unique=True)),
            named_on_entry=draw(_now_and_then),
            courtesy_for=draw(st.one_of(st.none(), st.none(), st.none(), others)),
            for_discount=draw(_now_and_then),
            exhibition=draw(_now_and_then),
        )
    if kind == "registration":
        confirmed = draw(st.sampled_from([None, 0, 9 * 60]))
        return Registration(
            at=at,
            customer=customer,
            salesperson=who,
            confirmed_at=None if confirmed is None else _moment(minutes + confirmed),
        )
    if kind == "recognition":
        return Recognition(at=at, customer=customer, original=who, by_records=draw(st.booleans()))
    if kind == "switch":
        to = draw(st.one_of(st.none(), others))
        permitted = draw(st.booleans())
        return SwitchRequest(
            at=at,
            customer=customer,
            from_=who,
            to=to,
            fault=draw(st.sampled_from(list(Fault))),
            firm=draw(st.booleans()),
            permitted=permitted,
            # (the salesperson asked for incited it: only with one asked for)
            incited=to is not None and draw(st.booleans()),
            # (the one the manager let take over is the one asked for, if any)
            granted_to=draw(
                st.sampled_from([None, to]) if permitted and to else st.one_of(st.none(), others)
            ),
        )
    if kind == "complaint":
        return SalespersonComplaint(
            at=at,
            customer=customer,
            against=who,
            reported_by=draw(others),
            confirmed=draw(st.booleans()),
        )
    if kind == "introduction":
        return OldCustomerIntroduction(
            at=at,
            customer=customer,
            old_customer="老客户",
            salesperson=who,
            how=draw(st.sampled_from(["phoned_ahead", "escorted", "none"])),
        )
    if kind == "reallocation":
        return Reallocation(at=at, customer=customer, from_=who, to=draw(others), draw="抽签")
    if kind == "referral":
        return ReferralRegistration(
            at=at,
            customer=customer,
            referrer=draw(st.sampled_from(["员工A", "员工B"])),
            appointment=(at + dt.timedelta(days=draw(st.integers(0, 2)))).date(),
            private_contact=draw(st.booleans()),
        )
    if kind == "referral_confirmation":
        return ReferralConfirmation(
            at=at,
            customer=customer,
            referrer=draw(st.sampled_from(["员工A", "员工B"])),
            confirmed_by="项目经理",
        )
    if kind == "company":
        arranged = draw(st.booleans())
        # (after-sales is said only of a deal the company arranged: RE12-6.4, 6.5)
        after = draw(st.sampled_from([None, *AfterSales])) if arranged else None
        return CompanyIntroduction(
            at=at,
            customer=customer,
            by="总经理",
            named_salesperson=draw(st.one_of(st.none(), names)),
            arranged_deal=arranged,
            after_sales=after,
            after_sales_by=who if after is AfterSales.SALESPERSON else None,
        )
    if kind == "household" and other is not None:
        return HouseholdLink(at=at, customer=customer, other=other)
    if kind == "meeting_record":
        return MeetingRecord(at=at, customer=customer, first=who)
    if kind == "ruling":
        shares = _shares(draw)
        holders = [k.split(":")[1] for k in shares]
        return Ruling(
            at=at,
            customer=customer,
            by="项目经理",
            shares=shares,
            owner=draw(st.one_of(st.none(), st.sampled_from(holders))),
            approved_by=draw(st.one_of(st.none(), st.just("销售总监"))),
        )
    if kind == "dispute":
        outcome = draw(st.sampled_from(list(DisputeOutcome)))
        needs = outcome in (DisputeOutcome.SETTLED, DisputeOutcome.MEDIATED)
        return Dispute(
            at=at,
            customer=customer,
            parties=(who, draw(others)),
            outcome=outcome,
            shares=_shares(draw) if needs else None,
        )
    return NameChange(at=at, customer=customer, new_name="新名")


#: gaps between events, in minutes: 0 (the same instant) is common, as in
#: hosts that stamp forms by the minute or the day
_gaps = st.one_of(
    st.just(0), st.integers(min_value=1, max_value=60 * 24 * 20), st.sampled_from([60 * 24])
)


@st.composite
def re_stories(
    draw: st.DrawFn, customer: str = "王先生", *, deal: bool = True, other: str | None = None
) -> list[Event]:
    """A customer's events: a first visit, then anything (events may share an
    instant), then, if ``deal``, a deal."""
    gaps = draw(st.lists(_gaps, max_size=9))
    minutes = 0
    first = draw(names)
    events: list[Event] = [
        Visit(at=_moment(0), customer=customer, received_by=first),
        Registration(at=_moment(0), customer=customer, salesperson=first, confirmed_at=_moment(0)),
    ]
    for gap in gaps:
        minutes += gap
        events.append(draw(re_event(customer, minutes, other)))
    if deal:
        minutes += draw(st.integers(min_value=0, max_value=60 * 24 * 40))
        events.append(Deal(at=_moment(minutes), customer=customer, closed_by=draw(names)))
    return events


@st.composite
def re_households(draw: st.DrawFn, *, deal: bool = True) -> list[Event]:
    """Two customers of one household, each with a story; one deal at most (none
    without ``deal``)."""
    husband = draw(re_stories("王先生", other="王太太", deal=deal))
    wife = draw(re_stories("王太太", deal=False))
    link_at = _moment(draw(st.integers(min_value=0, max_value=60 * 24 * 30)))
    link = HouseholdLink(at=link_at, customer="王先生", other="王太太")
    return [*husband, *wife, link]


@st.composite
def re_first_days(draw: st.DrawFn, customer: str = "王先生") -> list[Event]:
    """A new customer's first hour: a reception (named on entering or in turn), often a
    permitted switch to another salesperson, then up to four records ten minutes apart
    of what happens mid-reception (switch requests of every kind, refusals, other
    receptions, registrations, recognitions), and a deal the same afternoon or days
    later.  Whole-vocabulary stories rarely stack these in one
    day, where RE12-3.10 and RE12-5.2 apply."""
    first = draw(names)
    named = draw(st.booleans())
    events: list[Event] = [
        Visit(
            at=_moment(0),
            customer=customer,
            received_by=first,
            named_on_entry=named,
            asked_for=[first] if named else [],
        )
    ]
    evening = _moment(9 * 60)
    if draw(st.booleans()):
        events.append(
            Registration(at=_moment(0), customer=customer, salesperson=first, confirmed_at=evening)
        )
    if draw(st.booleans()):  # the customer asks for another, and the manager allows it
        to = draw(st.sampled_from([n for n in SALESPEOPLE if n != first]))
        events.append(
            SwitchRequest(at=_moment(5), customer=customer, from_=first, to=to, permitted=True)
        )
    for i in range(draw(st.integers(0, 4))):
        at = _moment(10 * (i + 1))
        who = draw(names)
        other = draw(st.one_of(st.none(), st.sampled_from([n for n in SALESPEOPLE if n != who])))
        kind = draw(st.sampled_from(["switch", "refusal", "visit", "registration", "recognition"]))
        if kind in ("switch", "refusal"):  # for someone named, or away from ``who``
            asks = kind == "switch"
            permitted = asks and draw(st.booleans())
            # a switch mostly without a fault (RE12-5.2), now and then with one (RE12-3.10);
            # the one the manager let take over is the one asked for
            fault = draw(
                st.sampled_from([Fault.NONE, Fault.NONE, *Fault] if asks else list(Fault))
            )
            if not asks:
                granted = other
            elif permitted:
                granted = draw(st.sampled_from([None, None, other]))
            else:
                granted = draw(st.sampled_from([None, None, *SALESPEOPLE]))
            events.append(
                SwitchRequest(
                    at=at,
                    customer=customer,
                    from_=who,
                    to=other if asks else None,
                    granted_to=None if granted == who else granted,
                    fault=fault,
                    permitted=permitted,
                    incited=asks and other is not None and draw(st.booleans()),
                    firm=draw(st.booleans()),
                )
            )
        elif kind == "visit":
            events.append(Visit(at=at, customer=customer, received_by=who))
        elif kind == "registration":
            events.append(
                Registration(at=at, customer=customer, salesperson=who, confirmed_at=evening)
            )
        else:
            events.append(Recognition(at=at, customer=customer, original=who))
    later = draw(st.sampled_from([7 * 60, 3 * 24 * 60]))
    events.append(Deal(at=_moment(later), customer=customer, closed_by=draw(names)))
    return events


@st.composite
def re_long_histories(draw: st.DrawFn, customer: str = "王先生") -> list[Event]:
    """A customer received again and again over months: visits (naming someone, or
    forgetful), registrations, switch requests, removals (confirmed complaints, firm
    refusals, draws) and now and then any other record, days or weeks apart, so that
    claims lapse, removals end and the customer starts over several times, while the
    clauses that read the customer's current run of claims (RE12-3.7, 3.10, 5.2,
    RE14-5.3(8)) are met again and again; a deal at the end, or none."""
    minutes = 0
    first = draw(names)
    events: list[Event] = [
        Visit(at=_moment(0), customer=customer, received_by=first),
        Registration(at=_moment(0), customer=customer, salesperson=first, confirmed_at=_moment(0)),
    ]
    day = 60 * 24
    kinds = ["named", "named", "forgot", "registration", "switch", "switch", "removal", "other"]
    for _ in range(draw(st.integers(min_value=4, max_value=30))):
        minutes += draw(st.sampled_from([0, 60, day, 3 * day, 12 * day, 25 * day, 40 * day]))
        at = _moment(minutes)
        who, other = draw(st.permutations(SALESPEOPLE))[:2]
        kind = draw(st.sampled_from(kinds))
        if kind in ("named", "forgot"):
            named = kind == "named"
            events.append(
                Visit(
                    at=at,
                    customer=customer,
                    received_by=who,
                    previous=Previous.NAMES if named else Previous.FORGOT,
                    asked_for=[who] if named else [],
                )
            )
            if draw(st.booleans()):
                events.append(
                    Registration(at=at, customer=customer, salesperson=who, confirmed_at=at)
                )
        elif kind == "registration":
            events.append(Registration(at=at, customer=customer, salesperson=who, confirmed_at=at))
        elif kind == "switch":
            events.append(
                SwitchRequest(
                    at=at,
                    customer=customer,
                    from_=who,
                    to=other,
                    fault=draw(st.sampled_from([Fault.NONE, Fault.MINOR])),
                    permitted=draw(st.booleans()),
                )
            )
        elif kind == "removal":
            events.append(
                draw(
                    st.sampled_from(
                        [
                            SalespersonComplaint(
                                at=at,
                                customer=customer,
                                against=who,
                                reported_by=other,
                                confirmed=True,
                            ),
                            SwitchRequest(at=at, customer=customer, from_=who, firm=True),
                            Reallocation(
                                at=at, customer=customer, from_=who, to=other, draw="抽签"
                            ),
                        ]
                    )
                )
            )
        else:
            events.append(draw(re_event(customer, minutes)))
    if draw(st.booleans()):
        minutes += draw(st.sampled_from([60, day, 20 * day]))
        events.append(Deal(at=_moment(minutes), customer=customer, closed_by=draw(names)))
    return events


#: a share a host might write: n/20 for n in 1..19
_host_shares = st.integers(1, 19).map(lambda n: Fraction(n, 20))
#: every field of a policy a host can set, each over its whole vocabulary (``None``
#: where the field allows it: the policy has no such clause)
POLICY_FIELDS: dict[str, st.SearchStrategy[object]] = {
    "registration_validity_months": st.none() | st.integers(1, 3),
    "registration_needs_confirmation": st.booleans(),
    "confirmation_cutoff": st.sampled_from(list(ConfirmationCutoff)),
    "meeting_record_decides": st.booleans(),
    "household": st.sampled_from([None, *HouseholdRule]),
    "forgot": st.sampled_from([None, *ForgotRule]),
    "recognition_window_months": st.integers(1, 3),
    "recognition_share": _host_shares,
    "switch": st.sampled_from([None, *SwitchRule]),
    "switch_first_share": _host_shares,
    "switch_previous_share": _host_shares,
    "assistant_share": st.none() | _host_shares,
    "same_day_share": st.none() | _host_shares,
    "nth_visit_share": st.none() | _host_shares,
    "complaint_removes": st.booleans(),
    "discount_visits": st.booleans(),
    "introduction": st.sampled_from([None, *IntroRule]),
    "referral": st.none() | st.builds(ReferralTerms, referrer_share=_host_shares),
    "company": st.none()
    | st.builds(
        CompanyTerms,
        named_pool_share=_host_shares | st.just(Fraction(1)),
        brought_pool_share=_host_shares,
        arranged_pool_share=_host_shares,
        arranged_other_staff_pool_share=_host_shares | st.just(Fraction(1)),
    ),
    "reallocation": st.booleans(),
    "exhibitions_need_ruling": st.booleans(),
    "disputes": st.booleans(),
    "ruling_needs_approval": st.booleans(),
}


@st.composite
def host_policies(draw: st.DrawFn) -> AttributionPolicy:
    """A host's variant of RE12, RE14 or RE11 (``attrs.evolve``): any of its fields
    changed, each to any value it accepts, so clause sets mix (RE12 with RE14's
    complaints, RE14 with no switch clause, RE11 with a household rule)."""

    base = draw(st.sampled_from([RE12, RE14, RE11]))
    changed = draw(st.sets(st.sampled_from(sorted(POLICY_FIELDS))))
    return attrs.evolve(base, **{name: draw(POLICY_FIELDS[name]) for name in sorted(changed)})
