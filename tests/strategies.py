"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt

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


# -- real estate ------------------------------------------------------------------------

from custrules.realestate import (  # noqa: E402
    Deal,
    Event,
    Fault,
    OldCustomerIntroduction,
    Previous,
    Reallocation,
    Recognition,
    Registration,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
)

RE_BASE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
SALESPEOPLE = ("甲", "乙", "丙", "丁")
names = st.sampled_from(SALESPEOPLE)


def _moment(minutes: int) -> dt.datetime:
    return RE_BASE + dt.timedelta(minutes=minutes)


@st.composite
def re_event(draw: st.DrawFn, customer: str, minutes: int) -> Event:
    at = _moment(minutes)
    kind = draw(st.integers(min_value=0, max_value=8))
    who = draw(names)
    if kind <= 2:
        return Visit(
            at=at,
            customer=customer,
            received_by=who,
            previous=draw(st.sampled_from(list(Previous))),
            asked_for=draw(st.lists(names, max_size=2, unique=True)),
            named_on_entry=draw(st.booleans()),
            courtesy_for=draw(st.one_of(st.none(), names.filter(lambda n: n != who))),
            for_discount=draw(st.booleans()),
        )
    if kind <= 4:
        confirmed = draw(st.booleans())
        return Registration(
            at=at, customer=customer, salesperson=who, confirmed_at=at if confirmed else None
        )
    if kind == 5:
        return Recognition(at=at, customer=customer, original=who, by_records=draw(st.booleans()))
    if kind == 6:
        others = names.filter(lambda n: n != who)
        return SwitchRequest(
            at=at,
            customer=customer,
            from_=who,
            to=draw(st.one_of(st.none(), others)),
            fault=draw(st.sampled_from(list(Fault))),
            firm=draw(st.booleans()),
            permitted=draw(st.booleans()),
            incited=draw(st.booleans()),
            granted_to=draw(st.one_of(st.none(), others)),
        )
    if kind == 7:
        return SalespersonComplaint(
            at=at,
            customer=customer,
            against=who,
            reported_by=draw(names),
            confirmed=draw(st.booleans()),
        )
    if draw(st.booleans()):
        return OldCustomerIntroduction(
            at=at,
            customer=customer,
            old_customer="老客户",
            salesperson=who,
            how=draw(st.sampled_from(["phoned_ahead", "escorted", "none"])),
        )
    to = draw(names.filter(lambda n: n != who))
    return Reallocation(at=at, customer=customer, from_=who, to=to, draw="抽签")


@st.composite
def re_stories(draw: st.DrawFn, customer: str = "王先生") -> list[Event]:
    """A customer's events: a first visit, then anything, then a deal."""
    gaps = draw(st.lists(st.integers(min_value=1, max_value=60 * 24 * 20), max_size=9))
    minutes = 0
    first = draw(names)
    events: list[Event] = [
        Visit(at=_moment(0), customer=customer, received_by=first),
        Registration(at=_moment(0), customer=customer, salesperson=first, confirmed_at=_moment(0)),
    ]
    for gap in gaps:
        minutes += gap
        events.append(draw(re_event(customer, minutes)))
    minutes += draw(st.integers(min_value=0, max_value=60 * 24 * 40))
    events.append(Deal(at=_moment(minutes), customer=customer, closed_by=draw(names)))
    return events
