"""RE11, RE12, RE14 at the edges: the cases that once gave wrong answers.

One worked case per clause, under every policy where the clause speaks:
parts removed by a clause go where it says (RE14-5.3(4), RE12-3.10); events
at one instant are never ordered by name or by list order (RE12-7.3,
RE14-5.1); RE14-5.3(1) against 5.3(7); confirmations the evening after a
same-day deal (RE12-7.2); customers with no deal yet and ``as_of``; rulings
(RE12-7.7); RE11 on its own; the courtesy receiver (RE12-4); citations.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    CHINA_TZ,
    MAX_READINGS,
    RE11,
    RE12,
    RE14,
    CompanyIntroduction,
    CompanyTerms,
    ConfirmationCutoff,
    Deal,
    Dispute,
    HouseholdLink,
    InvalidInputError,
    InvalidTypeError,
    MeetingRecord,
    OldCustomerIntroduction,
    Previous,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    ReferralTerms,
    Registration,
    Rotation,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
    attribute,
    policy_named,
)
from custrules.periods import add_months
from custrules.realestate import Attribution, AttributionPolicy

BASE = dt.datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)  # a Monday
C = "王先生"
H = Fraction(1, 2)


def at(day: float, hour: float = 10) -> dt.datetime:
    return BASE + dt.timedelta(days=day, hours=hour - 10)


def visit(day: float, who: str, hour: float = 10, **kw: Any) -> Visit:
    return Visit(at=at(day, hour), customer=C, received_by=who, **kw)


def reg(day: float, who: str, hour: float = 10, confirmed: float | None = None) -> Registration:
    t = at(day, hour)
    return Registration(
        at=t,
        customer=C,
        salesperson=who,
        confirmed_at=t if confirmed is None else at(day, confirmed),
    )


def seen(day: float, who: str, hour: float = 10, **kw: Any) -> list[Any]:
    return [visit(day, who, hour, **kw), reg(day, who, hour)]


def seen_by(customer: str, day: float, who: str) -> list[Any]:
    """``customer`` (another member of the household) received and registered by ``who``."""
    t = at(day)
    return [
        Visit(at=t, customer=customer, received_by=who),
        Registration(at=t, customer=customer, salesperson=who, confirmed_at=t),
    ]


def deal(day: float, who: str, hour: float = 15) -> Deal:
    return Deal(at=at(day, hour), customer=C, closed_by=who)


def tenths(day: float, customer: str, **shares: int) -> Ruling:
    """An approved ruling on ``customer`` on ``day``, each share in tenths."""
    return Ruling(
        at=at(day),
        customer=customer,
        by="项目经理",
        approved_by="销售总监",
        shares={f"salesperson:{k}": Fraction(v, 10) for k, v in shares.items()},
    )


def split(a: Attribution) -> dict[str, Fraction]:
    return {str(p): s for p, s in a.shares.items()}


def sp(**shares: Fraction | int) -> dict[str, Fraction]:
    return {f"salesperson:{k}": Fraction(v) for k, v in shares.items()}


def split_and_last(story: list[Any], policy: Any) -> tuple[dict[str, Fraction], str]:
    """The split of ``story`` and the last line of its English trail."""
    a = attribute(story, policy)
    return split(a), a.explain().splitlines()[-1]


# -- 1. a clause that removes a party says where its part goes -----------------------------


def test_re14_5_3_4_a_removed_part_goes_to_the_salesperson_who_reported() -> None:
    # 甲 registered; the customer asked for 乙 (RE14-5.3(2): 乙 80 %, 甲 20 %); then
    # complained about 甲, which the supervisor confirmed: 甲 has no part.
    story = [
        *seen(0, "甲"),
        visit(5, "乙"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙"),
        SalespersonComplaint(at=at(6), customer=C, against="甲", reported_by="乙", confirmed=True),
        deal(8, "乙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(乙=1)
    assert sum(a.shares.values()) == 1
    assert "RE14-5.3(4)" in a.rules
    assert any("甲's 1/5 goes to 乙" in str(s) for s in a.steps)
    assert list(a.split(Decimal("1000.00")).values()) == [Decimal("1000.00")]


def test_re14_5_3_4_the_assistant_removed_from_5_3_3() -> None:
    story = [
        *seen(0, "乙"),
        visit(5, "丙", previous=Previous.NAMES, asked_for=["乙"], courtesy_for="乙"),
        SalespersonComplaint(at=at(6), customer=C, against="丙", reported_by="乙", confirmed=True),
        deal(8, "乙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(乙=1)  # 丙's 1/5 back to 乙, who reported


# -- 2. same instant: never by name, never by list order --------------------------------------


def test_re14_5_3_4_the_holder_removed_from_a_split_leaves_the_others_parts() -> None:
    """RE14-5.3(4) 此客户成交与b无关: only the salesperson complained about loses their part.
    When they hold the customer with a split pending (a switch's 80/20, RE14-5.3(8)'s
    50/50, RE14-5.3(3)'s assistant), the one who reported it receives the customer in
    their place and takes their part; the others keep theirs."""
    switched = [
        *seen(0, "甲"),
        visit(10, "乙"),
        SwitchRequest(at=at(10, 11), customer=C, from_="甲", to="乙", permitted=True),
    ]
    complaint = SalespersonComplaint(
        at=at(12), customer=C, against="乙", reported_by="丙", confirmed=True
    )
    a = attribute([*switched, complaint, deal(14, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert (a.owner, a.follow_up) == ("丙", "丙")
    assert [str(s) for s in a.steps][2:] == [
        "RE14-5.3(4): the supervisor confirmed the complaint: 乙 has no part; 丙 receives the "
        "customer in 乙's place",
        "RE14-5.3(4): 乙 has no part: 乙's 4/5 goes to 丙",
    ]
    # 甲's 20 % still needs 甲's registration valid at the deal (RE14-5.3(2))
    late = attribute([*switched, complaint, reg(40, "丙"), deal(70, "丙")], RE14)
    assert split(late) == sp(丙=1)
    named = [*seen(0, "甲"), visit(10, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    a = attribute([*named, complaint, deal(14, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(1, 2), 甲=Fraction(1, 2))  # RE14-5.3(8)
    # 丙 receives the customer as a registration from the complaint's day: the case stays
    # alive on it after 甲's and 乙's have lapsed (as a holder's registration keeps it)
    later = attrs.evolve(complaint, at=at(50))
    a = attribute([*named, later, deal(80, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(1, 2), 甲=Fraction(1, 2))
    assisted = [
        *seen(0, "甲"),
        visit(10, "丙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲"),
        SalespersonComplaint(
            at=at(12), customer=C, against="甲", reported_by="乙", confirmed=True
        ),
    ]
    a = attribute([*assisted, deal(14, "乙")], RE14)
    assert split(a) == sp(乙=Fraction(4, 5), 丙=Fraction(1, 5))  # RE14-5.3(3)
    # with nothing pending the reporter simply receives the customer
    plain = [*seen(0, "乙"), visit(5, "丙"), complaint, deal(14, "丙")]
    assert split(attribute(plain, RE14)) == sp(丙=1)


def test_two_registrations_at_one_instant_need_a_ruling_under_both_policies() -> None:
    story = [visit(0, "乙"), reg(0, "乙"), reg(0, "甲"), deal(3, "甲")]
    for policy, rule in ((RE12, "RE12-7.3"), (RE14, "RE14-5.1")):
        for events in (story, story[::-1]):
            a = attribute(events, policy)
            assert a.needs_ruling, policy.name
            assert rule in (a.ruling_reason or "")
            assert "cannot be told" in (a.ruling_reason or "")
            assert a.shares == {}


def test_re14_5_1_the_evening_meeting_record_decides_a_tie() -> None:
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙", recorded_by="项目经理")
    story = [visit(0, "乙"), reg(0, "甲"), reg(0, "乙"), record, deal(3, "甲")]
    for events in (story, story[::-1]):
        a = attribute(events, RE14)
        assert not a.needs_ruling
        assert split(a) == sp(乙=1)
        assert "RE14-5.1" in a.rules
    other = attrs.evolve(record, first="甲")
    assert split(attribute([*story[:3], other, story[4]], RE14)) == sp(甲=1)
    # RE12 decides by the registration alone (RE12-7.3): still a ruling
    assert attribute(story, RE12).needs_ruling
    # two records that disagree decide nothing
    assert attribute([*story, other], RE14).needs_ruling


def test_re14_5_1_the_evening_meeting_record_decides_a_tie_of_visits_too() -> None:
    """RE14-5.1 (以客户登记表的时间和经理的晚会记录为准): 甲 and 乙 each recorded receiving
    the customer, and registering them, at the same minute.  The evening-meeting record
    names 乙: 乙 received the customer first, whatever the order of the list, and a deal
    the same afternoon closed by 甲 is not RE14-2.5's same-day 50/50."""
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙")
    both = [*seen(0, "甲"), *seen(0, "乙")]
    # (a record naming 甲, the receiver the engine lists second, decides for 甲)
    cases = (("乙", deal(3, "甲")), ("乙", deal(0, "甲", hour=16)), ("甲", deal(3, "乙")))
    for first, closing in cases:
        story = [*both, attrs.evolve(record, first=first), closing]
        for events in (story, story[::-1]):
            a = attribute(events, RE14)
            assert (a.needs_ruling, split(a)) == (False, sp(**{first: 1}))
            assert a.explain().splitlines()[0] == (
                "RE14-5.1: 乙 and 甲 received the customer at the same instant "
                f"(2026-03-02 10:00); the evening-meeting record names {first} first"
            )
        # without the record, or under RE12 (RE12-7.3 has no such record): a ruling
        assert attribute([*both, closing], RE14).needs_ruling
        assert attribute(story, RE12).needs_ruling
    # a record naming neither decides nothing; with a third visit record that instant it
    # cannot tell the receptions apart, but whichever is read, it decides the tie of
    # registrations for 乙
    assert attribute([*both, attrs.evolve(record, first="丙"), deal(3, "甲")], RE14).needs_ruling
    third = Visit(at=at(0), customer=C, received_by="丙")
    assert split(attribute([*both, third, record, deal(3, "甲")], RE14)) == sp(乙=1)
    # only 乙 registered: RE14 goes by the record; RE12 has no such record, but whichever
    # reception came first, 乙's registration decides
    one_form = [visit(0, "甲"), visit(0, "乙"), reg(0, "乙"), record, deal(3, "甲")]
    assert split(attribute(one_form, RE14)) == sp(乙=1)
    assert split(attribute(one_form, RE12)) == sp(乙=1)
    # the other record of that instant is the same reception, not a later one: 甲's
    # customer asking for 甲 there does not make 甲 the customer's
    asking = Visit(at=at(0), customer=C, received_by="甲", asked_for=["甲"])
    story = [asking, reg(0, "乙"), visit(0, "乙"), record, deal(3, "甲")]
    assert split(attribute(story, RE14)) == sp(乙=1)


def test_re14_5_1_a_record_naming_who_registered_first_agrees_after_a_reallocation() -> None:
    """RE14-5.1 with RE14-5.3(12): 乙 registered the customer, then went on leave and the
    manager's draw gave 乙's customers to 甲 the same day.  That evening's record names 乙
    first, as the register does: no contradiction (before, the draw made 甲 look like the
    first registered, and the case asked for a ruling)."""
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙")
    drawn = Reallocation(at=at(0, 11), customer=C, from_="乙", to="甲", draw="抽签")
    a = attribute([*seen(0, "乙"), drawn, record, deal(3, "甲")], RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))
    assert a.explain().splitlines()[-1] == (
        "RE14-5.1: the evening-meeting record names 乙 as the first to receive the customer"
    )
    # a record naming 甲, who never registered, still contradicts the register
    assert attribute(
        [*seen(0, "乙"), drawn, attrs.evolve(record, first="甲"), deal(3, "甲")], RE14
    ).needs_ruling


def test_re14_5_1_a_meeting_record_that_contradicts_the_register_needs_a_ruling() -> None:
    """RE14-5.1: the registration times and the evening-meeting record decide together.
    甲 registered at 10:00 and 乙 at 11:00, but the record names 乙 as the first to receive
    the customer: the register and the record disagree, and neither is preferred."""
    story = [visit(0, "甲"), reg(0, "甲"), visit(0, "乙", hour=11), reg(0, "乙", hour=11)]
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙")
    reason = (
        "RE14-5.1: the evening-meeting record names 乙 first, but 甲 registered the customer "
        "first (2026-03-02 10:00): the register and the record disagree"
    )
    for events in ([*story, record, deal(3, "甲")], [*story, deal(0, "甲", hour=16), record]):
        a = attribute(events, RE14)  # written before the deal, or the evening after it
        assert (a.needs_ruling, a.owner, dict(a.shares)) == (True, None, {})
        assert a.ruling_reason == reason
    # a record that agrees decides nothing new; RE12-7.3 goes by the register alone
    agrees = attrs.evolve(record, first="甲")
    assert split(attribute([*story, agrees, deal(3, "乙")], RE14)) == sp(甲=1)
    assert split(attribute([*story, record, deal(3, "乙")], RE12)) == sp(甲=1)
    # a record of a new start: 甲's two months have lapsed, 乙 is the first registered now
    fresh = [visit(0, "甲"), reg(0, "甲"), visit(70, "乙"), reg(70, "乙")]
    anew = attrs.evolve(record, at=at(70, 20))
    assert split(attribute([*fresh, anew, deal(72, "乙")], RE14)) == sp(乙=1)
    # with 甲 still registered, a ruling settles it
    ruling = Ruling(at=at(4), customer=C, by="经理", shares={"salesperson:乙": Fraction(1)})
    assert split(attribute([*story, record, deal(3, "甲"), ruling], RE14)) == sp(乙=1)
    # written long after the deal, when 甲's registration has lapsed, it is read at the
    # deal, where 甲's was valid: the same disagreement
    late = attrs.evolve(record, at=at(90, 20))
    assert attribute([*story, deal(3, "甲"), late], RE14).ruling_reason == reason
    # a record with nobody validly registered contradicts nothing: it is noted
    before = attrs.evolve(record, at=at(-1, 20))
    a = attribute([before, *story, deal(3, "甲")], RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))
    assert a.explain().splitlines()[0] == (
        "RE14-5.1: the evening-meeting record names 乙 as the first to receive the customer"
    )


TIE = [visit(0, "乙"), reg(0, "甲"), reg(0, "乙")]


def test_a_tie_needs_a_ruling_only_while_its_registrations_are_valid() -> None:
    """RE12-7.3 / RE14-5.1 with RE12-7.1 / RE14-5.2: a tie of registrations waits for a
    ruling while either is valid (a later registration does not end it, and nobody
    "closed the deal with no valid claim"); once both have lapsed (one month under RE12,
    two under RE14) the tie decides nothing and the clauses decide as after any lapse."""
    within = [*TIE, *seen(10, "丙"), deal(12, "丙")]
    for policy in (RE12, RE14):
        a = attribute(within, policy)
        assert (a.needs_ruling, a.owner, dict(a.shares)) == (True, None, {})
    assert attribute(within, RE12).explain().splitlines()[1:] == [
        "RE12-7.3: 丙 registered later than 乙 and 甲: the earlier registration wins",
        (
            "RE12-7.3: 丙 closed the deal while 乙 and 甲 had registered the customer at the "
            "same instant: the ruling decides"
        ),
    ]
    lapsed = [*TIE, *seen(45, "丙"), deal(47, "丙")]  # past RE12's month, within RE14's two
    a = attribute(lapsed, RE12)
    assert (a.needs_ruling, split(a), a.follow_up) == (False, sp(丙=1), "丙")
    assert a.explain().splitlines()[1:] == [
        "RE12-7.1: 乙 and 甲 no longer hold valid registrations: their tie needs no ruling",
        "RE12-7.3: 丙 registered the customer (2026-04-16 10:00)",
    ]
    assert a.explain("zh").splitlines()[1:] == [
        "RE12-7.1: 乙和甲的登记均已失效：其同时登记无需裁决",
        "RE12-7.3: 丙登记了该客户（2026-04-16 10:00）",
    ]
    assert attribute(lapsed, RE14).needs_ruling
    walk_in = [*TIE, visit(75, "丙"), deal(77, "丙")]  # past both; 丙 never registered
    for policy in (RE12, RE14):
        a = attribute(walk_in, policy)
        assert (a.needs_ruling, split(a)) == (False, sp(丙=1))
        assert "closed the deal with no valid claim against it" in a.explain()
    # with no deal: who holds the customer then
    for policy, day, ruling in ((RE12, 10, True), (RE12, 40, False), (RE14, 40, True)):
        a = attribute(TIE, policy, as_of=at(day))
        assert (a.needs_ruling, a.owner) == (ruling, None), (policy.name, day)


def test_a_tied_salesperson_who_registers_again_outlasts_the_tie() -> None:
    """One of the tied salespeople registers again: the tie stands while the other's
    registration is valid, and once it lapses the one still registered holds the
    customer (RE12-7.1: the other has no claim left)."""
    renewed = [*TIE, reg(20, "甲")]
    a = attribute([*renewed, deal(25, "丙")], RE12)  # 乙 still valid: the ruling decides
    assert (a.needs_ruling, a.shares) == (True, {})
    assert a.explain().splitlines()[1] == (
        "RE12-7.3: 甲 registered again: the tie with 乙 still needs a ruling"
    )
    assert a.explain("zh").splitlines()[1] == "RE12-7.3: 甲再次登记：与乙的同时登记仍需裁决"
    a = attribute([*renewed, visit(40, "丙"), deal(40, "丙")], RE12)
    assert (a.needs_ruling, split(a), a.owner) == (False, sp(甲=1), "甲")
    assert a.explain().splitlines()[2:] == [
        "RE12-7.1: 乙's registration lapsed and 甲 registered again: the tie is over"
    ]
    assert a.explain("zh").splitlines()[2:] == [
        "RE12-7.1: 乙的登记已失效，甲已再次登记：同时登记的争议结束"
    ]
    now = attribute(renewed, RE12, as_of=at(40))
    assert (now.needs_ruling, now.owner) == (False, "甲")
    assert attribute(renewed, RE12, as_of=at(25)).needs_ruling


def test_who_registered_during_a_tie_holds_the_customer_once_it_lapses() -> None:
    """RE12-7.3 with RE12-7.1: 丙 registered while 甲 and 乙's tie stood (later than
    both); once their month has lapsed, 丙's is the only valid registration, so the
    customer and a deal by someone else are 丙's.  Two who registered at one instant
    meanwhile form a tie of their own; the survivor of a tie who registers again just
    keeps the customer."""
    during = [*TIE, reg(10, "丙")]
    a = attribute([*during, visit(35, "丁"), deal(35, "丁")], RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=1))
    assert a.explain("zh").splitlines()[1:] == [
        "RE12-7.3: 丙的登记晚于乙和甲：以先登记者为准",
        "RE12-7.1: 乙和甲的登记均已失效：其同时登记无需裁决",
        "RE12-7.3: 丙期间已登记（2026-03-12 10:00），现持有该客户",
    ]
    assert a.explain().splitlines()[3] == (
        "RE12-7.3: 丙 registered meanwhile (2026-03-12 10:00) and holds the customer"
    )
    assert attribute(during, RE12, as_of=at(35)).owner == "丙"
    assert attribute(during, RE12, as_of=at(20)).needs_ruling  # 甲 and 乙 still valid
    pair = [*TIE, reg(10, "丙"), reg(10, "丁")]
    a = attribute([*pair, deal(35, "戊")], RE12)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE12-7.3: 丁 and 丙 registered the customer at the same instant (2026-03-12 10:00): "
        "the earlier registration cannot be told"
    )
    assert split(attribute([*pair, deal(45, "戊")], RE12)) == sp(戊=1)  # all lapsed
    again = attribute([*TIE, reg(20, "甲"), reg(40, "甲"), deal(42, "丙")], RE12)
    assert (again.needs_ruling, split(again)) == (False, sp(甲=1))
    assert again.explain().splitlines()[2:] == [
        "RE12-7.1: 乙's registration lapsed and 甲 registered again: the tie is over"
    ]


def test_a_question_for_the_manager_lapses_with_every_claim_of_its_day() -> None:
    """RE14-5.3(13), RE14-5.3(5), RE12-3.10 with RE14-5.2 / RE12-7.1: a question the
    clauses leave to a manager stands as long as a registration made that day would, and
    as long as anyone registered by that day still holds a valid registration; after
    that every claim of the time has lapsed and the customer starts over (a customer
    met at an exhibition who comes back five months later to another salesperson)."""
    exhibition = [visit(0, "甲", exhibition=True)]
    # RE14: two months from 2026-03-02: the question stands through 2026-05-02
    for day, ruling in ((61, True), (62, False)):
        a = attribute([*exhibition, *seen(day, "戊"), deal(day, "戊")], RE14)
        assert a.needs_ruling is ruling, day
    a = attribute([*exhibition, *seen(62, "戊"), deal(62, "戊")], RE14)
    assert split(a) == sp(戊=1)
    assert a.explain().splitlines()[1] == (
        "RE14-5.2: the question under RE14-5.3(13) raised on 2026-03-02 needs no ruling any "
        "more: every registration of that time has lapsed"
    )
    assert a.explain("zh").splitlines()[1] == (
        "RE14-5.2: 依 RE14-5.3(13)于2026-03-02提出的问题已无需裁决：当时的所有登记均已失效"
    )
    # 甲, registered that day, keeps registering: the question stands
    kept = [*seen(0, "甲", exhibition=True), reg(50, "甲"), reg(100, "甲"), *seen(150, "戊")]
    assert attribute([*kept, deal(152, "戊")], RE14).needs_ruling
    # RE14-5.3(5): several names, none present: the question lapses with 甲's claim
    named = [*seen(0, "甲"), visit(8, "丁", previous=Previous.NAMES, asked_for=["甲", "乙"])]
    assert attribute([*named, deal(9, "丁")], RE14).needs_ruling
    assert split(attribute([*named, *seen(150, "戊"), deal(152, "戊")], RE14)) == sp(戊=1)
    # RE12-3.10: nobody took over; the question stands while 甲's registration would (a
    # reception, a registration or a deal would answer it: see
    # test_re12_3_10_the_next_salesperson_receiving_takes_over)
    lost = [*seen(0, "甲"), SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious")]
    assert attribute(lost, RE12, as_of=at(20)).needs_ruling
    assert not attribute(lost, RE12, as_of=at(40)).needs_ruling
    # no answer "now" needs the ruling either, once the question has lapsed
    assert attribute(exhibition, RE14, as_of=at(61)).needs_ruling
    assert not attribute(exhibition, RE14, as_of=at(62)).needs_ruling
    # registrations without a time limit never lapse: nor does the question
    forever = attrs.evolve(RE14, registration_validity_months=None)
    assert attribute([*exhibition, *seen(400, "戊"), deal(401, "戊")], forever).needs_ruling


def test_questions_lapse_on_every_path_and_each_on_its_own() -> None:
    """The lapse of a question holds for a household's member, for records that disagree
    at one instant, with no deal and no as_of ("now" is the last event), and question by
    question: an earlier one lapsing leaves a later one standing."""
    wife = "王太太"
    household = [
        *seen(0, "甲", exhibition=True),
        *seen_by(wife, 1, "乙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    a = attribute([*household, *seen(150, "戊"), deal(152, "戊")], RE14, customer=C)
    assert (a.needs_ruling, split(a)) == (False, sp(戊=1))
    records = [  # the customer asked for 乙, or for 丙: RE14-5.3(2) gives one 80 %
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="丙"),
    ]
    assert attribute([*records, deal(1, "甲")], RE14).needs_ruling
    assert split(attribute([*records, *seen(150, "戊"), deal(152, "戊")], RE14)) == sp(戊=1)
    later = attribute([*seen(0, "甲", exhibition=True), visit(150, "戊")], RE14)
    assert (later.needs_ruling, later.owner) == (False, None)
    two = [*seen(0, "甲", exhibition=True), *seen(150, "戊", exhibition=True), deal(152, "戊")]
    a = attribute(two, RE14)
    assert a.ruling_reason == (
        "RE14-5.3(13): received at an exhibition or opening on 2026-07-30 10:00: the manager "
        "decides"
    )


def test_ties_at_the_deals_instant_and_other_records_at_one_instant() -> None:
    """Registrations tied at the very instant of the deal still tie (they come before
    it); two switch requests at one instant that say different things need a ruling
    under RE12-7.7, not the registration clause; an unconfirmed form in a tie is said
    not to count; a second tie says so at the deal."""
    at_deal = [
        visit(0, "乙"),
        reg(3, "甲"),
        reg(3, "乙"),
        Deal(at=at(3), customer=C, closed_by="丙"),
    ]
    for policy in (RE12, RE14):
        a = attribute(at_deal, policy)
        assert (a.needs_ruling, a.shares) == (True, {}), policy.name
        assert "cannot be told" in (a.ruling_reason or "")
    switches = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="丙", permitted=True),
        deal(2, "乙"),
    ]
    assert attribute(switches, RE12).ruling_reason == (
        "RE12-7.7: 2 switch request records at the same instant (2026-03-02 11:00) say "
        "different things: the records cannot order them"
    )
    unconfirmed = attribute(
        [
            visit(0, "甲"),
            reg(0, "甲"),
            Registration(at=at(0), customer=C, salesperson="乙", confirmed_at=None),
            reg(0, "丙"),
        ],
        RE12,
    )
    assert unconfirmed.explain().splitlines()[0] == (
        "RE12-7.2: 乙's registration of 2026-03-02 10:00 was not confirmed by the project "
        "manager: it does not count"
    )
    assert unconfirmed.needs_ruling
    pair = [*TIE, reg(10, "丙"), reg(10, "丁"), deal(35, "戊")]
    assert attribute(pair, RE12).explain().splitlines()[-1] == (
        "RE12-7.3: 戊 closed the deal while 丁 and 丙 had registered the customer at the same "
        "instant: the ruling decides"
    )


def test_complaints_and_draws_about_different_salespeople_at_one_instant_stand_together() -> None:
    """RE14-5.3(4), (12): a customer who complains about two salespeople in one go, or a
    manager who draws the customers of two salespeople leaving at once, records facts
    about different people at one instant.  They do not contradict each other: both
    orders give the answer, and it stands.  Before, any two such records "said
    different things" and the case needed a ruling, even two complaints nobody
    confirmed, or two under RE12, which removes nobody for a complaint.  Two records
    about one salesperson at one instant (drawn to 丁 and to 戊) still raise the
    question; two complaints whose order decides (each reporting the other) need a
    ruling that says the order decides, whatever questions the engine's own order of
    them raised."""
    t = at(3)

    def against(who: str, by: str, *, confirmed: bool = True) -> SalespersonComplaint:
        return SalespersonComplaint(
            at=t, customer=C, against=who, reported_by=by, confirmed=confirmed
        )

    def drawn(who: str, to: str) -> Reallocation:
        return Reallocation(at=t, customer=C, from_=who, to=to, draw="抽签")

    switched = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
    ]
    re12 = sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))  # RE12-5.2
    re14 = sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))  # RE14-5.3(2)

    def answer(records: list[Any], policy: Any) -> tuple[bool, dict[str, Fraction]]:
        a = attribute([*switched, *records, deal(6, "丙")], policy)
        b = attribute([*switched, *records[::-1], deal(6, "丙")], policy)
        assert (a.owner, a.shares, a.ruling_reason) == (b.owner, b.shares, b.ruling_reason)
        return a.needs_ruling, split(a)

    both = [against("甲", "丙"), against("乙", "丙")]
    assert answer(both, RE14) == (False, sp(丙=1))
    assert answer(both, RE12) == (False, re12)
    unconfirmed = [against("甲", "丙", confirmed=False), against("乙", "丙", confirmed=False)]
    assert answer(unconfirmed, RE14) == (False, re14)
    assert answer(unconfirmed, RE12) == (False, re12)
    draws = [drawn("甲", "丁"), drawn("乙", "戊")]
    assert answer(draws, RE14) == (False, sp(戊=Fraction(4, 5), 丁=Fraction(1, 5)))
    # one salesperson drawn to two: rival records of one draw
    rival = attribute([*switched, drawn("甲", "丁"), drawn("甲", "戊"), deal(6, "丙")], RE14)
    assert rival.needs_ruling
    assert (rival.ruling_reason or "").startswith(
        "RE14-5.4: 2 re-allocation records at the same instant (2026-03-05 10:00) say "
        "different things: the records cannot order them"
    )
    # each reporting the other: whoever is removed first decides who takes over
    crossed = attribute([*switched, against("甲", "乙"), against("乙", "甲"), deal(6, "丙")], RE14)
    assert crossed.needs_ruling
    assert (crossed.ruling_reason or "").endswith(
        "RE14-5.1: the records at the same instant (2026-03-05 10:00) that nothing orders "
        "decide the case: read the other way round, they give another answer"
    )


def test_a_complaint_filed_and_confirmed_in_one_days_record_is_the_confirmed_one() -> None:
    """RE14-5.3(4): a register kept by the day records a complaint filed and confirmed
    that day as two records at one instant, one not yet confirmed.  Only the confirmed
    one removes anyone, so nothing is left to order: the answer is the confirmed
    complaint's, in either order.  Before, the two "said different things" and the case
    needed a ruling; under RE12, which removes nobody for a complaint, so did any two
    complaints about one salesperson.  Two confirmed complaints about one salesperson
    by different reporters still need a ruling (who takes over is what they differ on)."""
    t = at(3)

    def against(who: str, by: str, *, confirmed: bool) -> SalespersonComplaint:
        return SalespersonComplaint(
            at=t, customer=C, against=who, reported_by=by, confirmed=confirmed
        )

    story = [*seen(0, "甲")]
    filed, confirmed = against("甲", "乙", confirmed=False), against("甲", "乙", confirmed=True)
    other_reporter = against("甲", "丙", confirmed=False)
    for extra in ([filed], [other_reporter], [filed, other_reporter]):
        for order in (1, -1):
            records = [confirmed, *extra][::order]
            a = attribute([*story, *records, deal(6, "乙")], RE14)
            assert (a.owner, split(a), a.needs_ruling) == ("乙", sp(乙=1), False)
            a = attribute([*story, *records, deal(6, "乙")], RE12)  # RE12 removes nobody
            assert (a.owner, split(a), a.needs_ruling) == ("甲", sp(甲=1), False)
    # a complaint nobody confirmed beside one each about two salespeople: side by side
    both = [against("甲", "丙", confirmed=True), against("乙", "丙", confirmed=True), filed]
    switched = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
    ]
    assert split(attribute([*switched, *both, deal(6, "丙")], RE14)) == sp(丙=1)
    rival = [confirmed, against("甲", "丙", confirmed=True)]
    a = attribute([*story, *rival, deal(6, "乙")], RE14)
    assert a.needs_ruling
    assert (a.ruling_reason or "").startswith(
        "RE14-5.4: 2 complaint records at the same instant (2026-03-05 10:00) say "
        "different things: the records cannot order them"
    )


def test_complaints_side_by_side_leave_the_holder_known_to_a_rulings_equal_shares() -> None:
    """A confirmed complaint removes 甲 and 乙 receives the customer (RE14-5.3(4)); a
    manager's ruling then gives 甲 and 乙 half each, naming no owner: the owner is the
    one who held the customer, 乙.  Records at one instant that stand side by side (a
    complaint about another salesperson, or one not yet confirmed) read the same in
    either order, so the holder is as known as without them.  Before, they made the
    holder "unsure" and the ruling named 甲, whom the complaint had removed, as the
    one received first."""
    t = at(3)
    removed = SalespersonComplaint(
        at=t, customer=C, against="甲", reported_by="乙", confirmed=True
    )
    beside = [
        [],
        [SalespersonComplaint(at=t, customer=C, against="丙", reported_by="丁", confirmed=True)],
        [attrs.evolve(removed, confirmed=False)],
    ]
    ruled = Ruling(
        at=at(5), customer=C, by="项目经理", shares={"salesperson:甲": H, "salesperson:乙": H}
    )
    for records in beside:
        for tail in ([], [deal(6, "乙")]):
            a = attribute([*seen(0, "甲"), removed, *records, ruled, *tail], RE14)
            assert (a.owner, a.needs_ruling) == ("乙", False), records
            assert split(a) == (sp(甲=H, 乙=H) if tail else {})


def test_a_household_is_held_by_a_member_whoever_sorts_first() -> None:
    """No deal: 王先生 was only seen (nobody holds him), 王太太 is 乙's: the household is
    乙's, though 王先生's name sorts first."""
    wife = "王太太"
    story = [
        visit(0, "丁"),
        *seen_by(wife, 1, "乙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    for policy in (RE12, RE14):
        a = attribute(story, policy, customer=C)
        assert (a.owner, a.needs_ruling) == ("乙", False), policy.name


def test_a_registration_at_the_owners_instant_does_not_tie_with_a_valid_owner() -> None:
    story = [*seen(0, "甲"), reg(5, "乙"), reg(5, "丙"), deal(6, "乙")]
    for policy in (RE12, RE14):
        assert split(attribute(story, policy)) == sp(甲=1)


def test_two_rulings_at_one_instant() -> None:
    story = [*seen(0, "甲"), deal(3, "甲")]

    def ruling(**shares: int) -> Ruling:
        return tenths(4, C, **shares)

    disagree = [ruling(甲=7, 乙=3), ruling(甲=3, 乙=7)]
    with pytest.raises(InvalidInputError, match="decide differently"):
        attribute([*story, *disagree], RE12)
    with pytest.raises(InvalidInputError, match="decide differently"):
        attribute([*story, *disagree[::-1]], RE12)
    same = [ruling(甲=7, 乙=3), ruling(甲=7, 乙=3)]
    assert split(attribute([*story, *same], RE12)) == sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))


def test_two_disputes_at_one_instant_that_disagree() -> None:
    story = [*seen(0, "甲"), deal(3, "甲")]
    a = Dispute(at=at(4), customer=C, parties=("甲", "乙"), outcome="quarrel")
    b = Dispute(at=at(4), customer=C, parties=("甲", "乙"), outcome="pending")
    with pytest.raises(InvalidInputError, match="decide differently"):
        attribute([*story, a, b], RE14)


def test_two_visits_at_one_instant_by_different_salespeople_need_a_ruling_if_it_matters() -> None:
    """RE12-7.3, RE14-5.1: 甲 and 乙 each recorded receiving the customer at one instant,
    and only 甲 registered.  Whichever reception came first, the registration decides:
    the case is 甲's, and the trail says the records disagree and that it does not
    matter.  Before, the case needed a ruling.  Where who received first decides
    (both register, and on a later visit the customer names 丙: RE14-5.3(8)'s earlier
    salespeople are those who received them), the case still needs one."""
    story = [visit(0, "甲"), visit(0, "乙"), reg(0, "甲", hour=11), deal(2, "甲")]
    for policy, rule in ((RE12, "RE12-7.3"), (RE14, "RE14-5.1")):
        for events in (story, story[::-1]):
            a = attribute(events, policy)
            assert (a.needs_ruling, a.owner, split(a)) == (False, "甲", sp(甲=1))
            assert a.explain().splitlines()[-1] == (
                f"{rule}: the 2 visit records at the same instant (2026-03-02 10:00) say "
                "different things, but each of them read without the others gives this "
                "answer: it stands"
            )
    named = visit(5, "丙", previous=Previous.NAMES, asked_for=["丙"])
    matters = [*story[:3], reg(0, "乙", hour=12), named, deal(6, "丙")]
    a = attribute(matters, RE14)
    assert a.needs_ruling
    assert (a.ruling_reason or "").startswith(
        "RE14-5.1: 2 visit records at the same instant (2026-03-02 10:00) say different "
        "things: the records cannot order them"
    )


def test_rival_records_that_decide_nothing_leave_the_answer_standing() -> None:
    """Records of one kind at one instant that say different things (two accounts of one
    request, of one recognition, of one introduction) matter only if the answer depends
    on which is true.  Read one at a time, without the other, each pair below gives 甲
    the customer, who registered first: the answer stands, in any order of the list,
    and the trail's last line says why.  Before, every such pair needed a ruling.  Where
    the readings differ (the customer asked to leave 甲 for 乙, or for 丙, under RE14's
    80/20), the question stays the manager's."""
    t = at(1)
    pairs: list[tuple[Any, Any]] = [  # under RE12 (and RE14 where it reads them alike)
        (
            SwitchRequest(at=t, customer=C, from_="甲"),
            SwitchRequest(at=t, customer=C, from_="甲", to="乙"),
        ),
        (
            Recognition(at=t, customer=C, original="甲"),
            Recognition(at=t, customer=C, original="甲", by_records=True),
        ),
        (
            CompanyIntroduction(at=t, customer=C, by="刘总"),
            CompanyIntroduction(at=t, customer=C, by="王总"),
        ),
        (
            OldCustomerIntroduction(at=t, customer=C, old_customer="老李", salesperson="乙"),
            OldCustomerIntroduction(at=t, customer=C, old_customer="老王", salesperson="丙"),
        ),
    ]
    for pair in pairs:
        # (RE14 reads the switch requests as 80/20 to 乙 or none, and has no company clause)
        both = isinstance(pair[0], (Recognition, OldCustomerIntroduction))
        for policy in (RE12, RE14) if both else (RE12,):
            story = [*seen(0, "甲"), *pair, deal(3, "甲")]
            for events in (story, story[::-1]):
                a = attribute(events, policy)
                assert (a.needs_ruling, a.owner, split(a)) == (False, "甲", sp(甲=1)), pair
                assert (
                    a.explain()
                    .splitlines()[-1]
                    .endswith(
                        "records at the same instant (2026-03-03 10:00) say different things, "
                        "but each of them read without the others gives this answer: it stands"
                    )
                )
    wish = [
        SwitchRequest(at=t, customer=C, from_="甲", to="乙"),
        SwitchRequest(at=t, customer=C, from_="甲", to="丙"),
    ]
    a = attribute([*seen(0, "甲"), *wish, deal(3, "甲")], RE14)
    assert a.needs_ruling
    assert (a.ruling_reason or "").startswith(
        "RE14-5.4: 2 switch request records at the same instant (2026-03-03 10:00) say "
        "different things: the records cannot order them"
    )


def test_rival_records_are_read_one_at_a_time_at_most_max_readings_times() -> None:
    """Rival records at several instants: one record of each group at a time, up to
    MAX_READINGS readings (three pairs: 8 readings); past that (four pairs: 16) the
    questions stay the manager's, so a long case of such records does no more work
    than a bounded number of passes."""
    assert MAX_READINGS == 8

    def rivals(day: int) -> list[Any]:
        return [
            SwitchRequest(at=at(day), customer=C, from_="甲"),
            SwitchRequest(at=at(day), customer=C, from_="甲", to="乙"),
        ]

    three = [*seen(0, "甲"), *rivals(1), *rivals(2), *rivals(3), deal(5, "甲")]
    a = attribute(three, RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))
    assert len([line for line in a.explain().splitlines() if "read without" in line]) == 3
    four = [*seen(0, "甲"), *rivals(1), *rivals(2), *rivals(3), *rivals(4), deal(5, "甲")]
    assert attribute(four, RE12).needs_ruling


def test_one_salespersons_reception_recorded_twice_at_one_instant_is_one_reception() -> None:
    """RE12-5.1, RE14-2.5(1): the front desk recorded 甲's reception, and 甲's own record
    of the same instant says the customer named 甲 on entering.  There is no question of
    who received the customer first: the customer is 甲's.  Before, the two records
    "said different things" and the case needed a ruling.  Where the order of such
    records changes the answer (a customer who forgot and one who named 甲, on 乙's
    customer), the case still needs one."""
    named = visit(0, "甲", named_on_entry=True, asked_for=["甲"])
    story = [visit(0, "甲"), named, reg(0, "甲"), deal(3, "甲")]
    for policy in (RE12, RE14):
        a = attribute(story, policy)
        assert (a.needs_ruling, a.owner, split(a)) == (False, "甲", sp(甲=1)), policy.name
    both = [
        *seen(0, "乙"),
        visit(5, "甲", previous=Previous.FORGOT),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["甲"]),
        deal(6, "甲"),
    ]
    a = attribute(both, RE14)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE14-5.1: the records at the same instant (2026-03-07 10:00) that nothing orders "
        "decide the case: read the other way round, they give another answer"
    )


def test_the_same_record_twice_is_one_fact() -> None:
    story = [*seen(0, "甲"), visit(0, "甲"), reg(0, "甲"), deal(3, "甲"), deal(3, "甲")]
    for policy in (RE12, RE14):
        assert split(attribute(story, policy)) == sp(甲=1)


# -- 3. RE14-5.3(1) against RE14-5.3(7) ------------------------------------------------------

FORGOT = [*seen(0, "甲"), visit(10, "乙", previous=Previous.FORGOT), reg(10, "乙")]


def test_re14_5_3_1_recognised_during_the_reception_goes_back() -> None:
    story = [*FORGOT, Recognition(at=at(10, 11), customer=C, original="甲"), deal(12, "甲")]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=1))
    assert "RE14-5.3(1)" in a.rules
    assert "RE14-5.3(7)" in a.rules  # the forgetful visit itself, before the hand-back


def test_re14_5_3_1_handed_back_in_person_by_a_named_visit() -> None:
    story = [
        *FORGOT,
        visit(10, "甲", hour=11, previous=Previous.NAMES, asked_for=["甲"]),
        deal(12, "甲"),
    ]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=1))
    assert "RE14-5.3(1)" in a.rules


def test_re14_5_3_7_found_in_the_records_after_the_customer_left() -> None:
    for when in (at(10, 18), at(11)):
        found = Recognition(at=when, customer=C, original="甲", by_records=True)
        a = attribute([*FORGOT, found, deal(12, "乙")], RE14)
        assert split(a) == sp(甲=H, 乙=H)
        assert "RE14-5.3(7)" in a.rules
        assert "RE14-5.3(1)" not in a.rules


def test_re12_3_7_the_rest_of_the_forgetful_day_is_a_returning_customers() -> None:
    """The new salesperson holds the forgetful customer while the case is pending: asking
    for another is RE12-5.3's (a courtesy, refused in principle), refusing the new
    salesperson needs a ruling; RE12-3.7's (h), (i), (j) still decide (a decision: the
    day is not read as a first day for RE12-3.10 and RE12-5.2)."""
    forgot = [*seen(0, "甲"), *seen(10, "乙", previous=Previous.FORGOT)]
    asked = SwitchRequest(at=at(10, 11), customer=C, from_="乙", to="丙", permitted=True)
    a = attribute([*forgot, asked, deal(12, "丙")], RE12)
    assert split(a) == sp(乙=1)
    assert [s.rule for s in a.steps][-2:] == ["RE12-5.3", "RE12-3.7(j)"]
    recognised = Recognition(at=at(15), customer=C, original="甲")
    assert split(attribute([*forgot, asked, recognised, deal(20, "丙")], RE12)) == sp(乙=H, 甲=H)
    refused = SwitchRequest(at=at(10, 11), customer=C, from_="乙", fault="serious")
    b = attribute([*forgot, refused, deal(12, "丙")], RE12)
    assert b.needs_ruling
    assert b.ruling_reason == "RE12-7.7: a returning customer refused 乙: no clause"


def test_re12_3_7_g_the_same_day_hand_back_under_re12() -> None:
    story = [
        *FORGOT,
        visit(10, "甲", hour=11, previous=Previous.NAMES, asked_for=["甲"]),
        deal(12, "甲"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert "RE12-3.7(g)" in a.rules


# -- 4. registrations confirmed the evening of a same-day deal ------------------------------


def test_re12_7_2_confirmed_the_evening_of_the_deal_day_counts() -> None:
    story = [visit(0, "甲"), reg(0, "甲", confirmed=18), visit(2, "乙"), deal(2, "乙", hour=16)]
    # the form is confirmed on day 0's evening: 甲 holds the customer
    assert split(attribute(story, RE12)) == sp(甲=1)
    same_day = [visit(0, "甲"), reg(0, "甲", confirmed=18), deal(0, "乙", hour=16)]
    a = attribute(same_day, RE12)
    assert split(a) == sp(甲=1)
    assert RE12.confirmation_cutoff is ConfirmationCutoff.DEAL_DAY
    strict = attrs.evolve(RE12, confirmation_cutoff="deal")
    assert split(attribute(same_day, strict)) == sp(乙=1)
    # the trail says the form was confirmed, too late for the deal (not "never confirmed")
    assert attribute(same_day, strict).explain().splitlines()[0] == (
        "RE12-7.2: 甲's registration of 2026-03-02 10:00 was confirmed on 2026-03-02 18:00, "
        "after the deal: it does not count for the deal"
    )


def test_re12_7_2_confirmed_the_day_after_the_deal_does_not_count() -> None:
    late = Registration(at=at(0), customer=C, salesperson="甲", confirmed_at=at(1, 0.0))
    story = [visit(0, "甲"), late, deal(0, "乙", hour=16)]
    assert split(attribute(story, RE12)) == sp(乙=1)
    assert str(attribute(story, RE12).steps_in("zh")[0]) == (
        "RE12-7.2: 甲于 2026-03-02 10:00 的登记于 2026-03-03 00:00 才经确认，晚于成交当日："
        "不计入本次成交"
    )
    edge = attrs.evolve(late, confirmed_at=at(0, 23.99))
    assert split(attribute([visit(0, "甲"), edge, deal(0, "乙", hour=16)], RE12)) == sp(甲=1)


def test_a_confirmation_before_the_registration_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="before it was made"):
        Registration(at=at(1), customer=C, salesperson="甲", confirmed_at=at(0))


# -- 5. no deal yet, and as_of ----------------------------------------------------------------


def test_no_deal_names_the_holder_and_no_shares() -> None:
    for policy in (RE11, RE12, RE14):
        a = attribute(seen(0, "甲"), policy)
        assert (a.owner, a.shares, a.needs_ruling, a.deal) == ("甲", {}, False, None)
        assert a.rules
        with pytest.raises(InvalidInputError, match="no deal yet"):
            a.split(Decimal("100.00"))


def test_as_of_ignores_every_later_event() -> None:
    story = [*seen(0, "甲"), *seen(40, "乙"), deal(45, "乙")]
    assert attribute(story, RE12, as_of=at(20)).owner == "甲"
    # past 甲's month (RE12-7.1), before 乙's visit: nobody holds the customer
    lapsed = attribute(story, RE12, as_of=at(35))
    assert (lapsed.owner, lapsed.needs_ruling) == (None, False)
    assert "RE12-7.1" in lapsed.rules
    assert attribute(story, RE12, as_of=at(41)).owner == "乙"
    assert split(attribute(story, RE12, as_of=at(45, 16))) == sp(乙=1)
    before = attribute(story, RE12, as_of=at(-1))
    assert (before.owner, before.shares, before.steps) == (None, {}, ())


def test_as_of_ignores_a_confirmation_given_later() -> None:
    story = [visit(0, "甲"), reg(0, "甲", confirmed=18)]
    early = attribute(story, RE12, as_of=at(0, 17))
    assert early.owner is None
    assert early.explain() == (
        "RE12-7.2: 甲's registration of 2026-03-02 10:00 was not yet confirmed by the project "
        "manager at 2026-03-02 17:00: it does not count yet"
    )
    assert attribute(story, RE12, as_of=at(0, 18)).owner == "甲"
    assert attribute(story, RE14, as_of=at(0, 17)).owner == "甲"  # RE14: the register decides


def test_as_of_after_a_deal_ignores_a_confirmation_given_later_that_day() -> None:
    """RE12-7.2 with the default cutoff (confirmed by the end of the deal's day): the
    whole record counts 甲's form, confirmed at 20:00, for the 15:00 deal; the answer as
    of 17:00 does not, for it was not confirmed yet (the cutoff of the deal's day never
    reaches past ``as_of``)."""
    story = [visit(0, "甲"), reg(0, "甲", confirmed=20), deal(0, "乙")]
    assert split(attribute(story, RE12)) == sp(甲=1)
    early = attribute(story, RE12, as_of=at(0, 17))
    assert split(early) == sp(乙=1)
    assert early.rules == ("RE12-7.2", "RE12-7.1")
    assert split(attribute(story, RE12, as_of=at(0, 20))) == sp(甲=1)
    assert split(attribute(story, RE14, as_of=at(0, 17))) == sp(甲=1)  # the register decides


def test_as_of_must_be_aware() -> None:
    with pytest.raises(InvalidInputError, match="naive"):
        attribute(seen(0, "甲"), RE12, as_of=dt.datetime(2026, 3, 5))


def test_no_deal_household() -> None:
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen_by(wife, 3, "乙"),
        HouseholdLink(at=at(4), customer=C, other=wife),
    ]
    for policy in (RE12, RE14):
        a = attribute(story, policy)
        assert (a.owner, a.shares, a.needs_ruling) == ("甲", {}, False)
    assert attribute(story, RE11).needs_ruling  # RE11 has no household clause


# -- 6. rulings ------------------------------------------------------------------------------


def test_a_rulings_owner_must_hold_a_positive_share() -> None:
    with pytest.raises(InvalidInputError, match="holds no share"):
        Ruling(at=at(1), customer=C, by="经理", owner="丙", shares={"salesperson:甲": 1})
    with pytest.raises(InvalidInputError, match="holds no share"):
        Ruling(
            at=at(1),
            customer=C,
            by="经理",
            owner="乙",
            shares={"salesperson:甲": 1, "salesperson:乙": 0},
        )


def test_re12_7_7_approval_is_a_policy_field() -> None:
    story = [*seen(0, "甲"), deal(3, "甲")]
    ruling = Ruling(at=at(4), customer=C, by="项目经理", shares={"salesperson:乙": 1})
    assert split(attribute([*story, ruling], RE12)) == sp(甲=1)  # not approved: does not count
    lax = attrs.evolve(RE12, ruling_needs_approval=False)
    assert split(attribute([*story, ruling], lax)) == sp(乙=1)


# -- 7. RE11 on its own ------------------------------------------------------------------------


def test_re11_alone_has_no_household_or_forgetful_clauses() -> None:
    assert policy_named("re11") is RE11
    forgot = [*seen(0, "甲"), visit(10, "乙", previous=Previous.FORGOT), deal(11, "乙")]
    a = attribute(forgot, RE11)
    assert a.needs_ruling
    assert "RE11" in (a.ruling_reason or "")
    assert all(rule.startswith("RE11") for rule in a.rules)
    assert "RE12-7.7" not in a.rules


# -- 8. the salesperson last in the rotation -------------------------------------------------


def test_re12_4_the_courtesy_receiver_is_last_in_the_rotation() -> None:
    r = Rotation(order=("甲", "乙", "丙", "丁"), position=2)  # 丙 is up next
    pick = r.courtesy(present={"甲", "乙", "丙", "丁"}, for_="丁")
    assert pick.salesperson == "乙"  # just had a turn: the furthest from the next
    assert "RE12-4" in pick.rules
    assert r.courtesy(present={"甲", "丙"}, for_="乙").salesperson == "甲"
    assert r.courtesy(present={"丙", "丁"}, for_="乙").salesperson == "丁"
    with pytest.raises(InvalidInputError, match="not a rotation turn"):
        r.after(pick)
    with pytest.raises(InvalidInputError, match="nobody but"):
        r.courtesy(present={"丁"}, for_="丁")
    with pytest.raises(InvalidInputError, match="not in the rotation"):
        r.courtesy(present={"甲"}, for_="戊")
    # RE12-7.5(a): the old customer phoned 丁 ahead; 丁 is out: the same courtesy receiver
    assert r.courtesy(present={"甲", "乙", "丙"}, for_="丁").salesperson == "乙"


# -- 9. every trace line cites a clause of the policy that applied it -------------------------


def test_a_deal_with_no_valid_claim_cites_the_validity_clause() -> None:
    story = [*seen(0, "甲"), visit(70, "乙"), deal(70, "乙")]
    for policy, rule in ((RE12, "RE12-7.1"), (RE14, "RE14-5.2")):
        a = attribute(story, policy)
        assert split(a) == sp(乙=1)
        assert rule in a.rules
        assert "RE12-7.6" not in a.rules


def test_re14_never_cites_re12_for_a_company_customer() -> None:
    story = [
        *seen(0, "甲"),
        CompanyIntroduction(at=at(1), customer=C, by="总经理"),
        deal(3, "甲"),
    ]
    a = attribute(story, RE14)
    assert a.needs_ruling
    assert not [r for r in a.rules if r.startswith("RE12")]
    assert set(a.rules) <= RE14.clauses


# -- decisions the mutation tests showed unchecked ---------------------------------------------


def test_re14_5_3_11_the_first_visit_wins_whatever_the_names() -> None:
    # 李女士 sorts before 王先生, but 王先生 visited first: 王先生's salesperson wins
    story = [
        *seen(0, "甲"),
        Visit(at=at(3), customer="李女士", received_by="乙"),
        Registration(at=at(3), customer="李女士", salesperson="乙", confirmed_at=at(3)),
        HouseholdLink(at=at(4), customer=C, other="李女士"),
        Deal(at=at(6, 15), customer="李女士", closed_by="乙"),
    ]
    assert split(attribute(story, RE14, customer="李女士")) == sp(甲=1)


def test_household_members_first_seen_at_one_instant_need_a_ruling_before_the_deal() -> None:
    story = [
        *seen(0, "甲"),
        Visit(at=at(0), customer="李女士", received_by="乙"),
        Registration(at=at(0), customer="李女士", salesperson="乙", confirmed_at=at(0)),
        HouseholdLink(at=at(1), customer=C, other="李女士"),
    ]
    a = attribute(story, RE14)
    assert a.needs_ruling
    assert "same instant" in (a.ruling_reason or "")


def test_re12_5_2_the_named_salesperson_follows_up() -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        deal(3, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))
    assert (a.owner, a.follow_up) == ("甲", "乙")


@pytest.mark.parametrize(
    ("to", "incited", "expected", "follow_up"),
    [
        ("丙", False, sp(甲=Fraction(7, 10), 丙=Fraction(3, 10)), "丙"),
        ("丙", True, sp(甲=1), "甲"),  # 乙, with no part left, follows up no more
        ("甲", False, sp(甲=1), "甲"),  # back to the first: all theirs
    ],
)
def test_re12_5_2_a_second_switch_the_same_day_keeps_the_first_receivers_part(
    to: str, incited: bool, expected: dict[str, Fraction], follow_up: str
) -> None:
    # RE12-5.2: 70 % to 最先接待的售楼员, who is still 甲 when the customer, handed to
    # 乙, names yet another salesperson the same day; 乙's 30 % goes with the request
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        visit(0, "乙", hour=11),
        SwitchRequest(
            at=at(0, 12), customer=C, from_="乙", to=to, permitted=True, incited=incited
        ),
        deal(3, to),
    ]
    a = attribute(story, RE12)
    assert split(a) == expected
    assert (a.owner, a.follow_up) == ("甲", follow_up)
    second = (
        f"RE12-5.2: {to} incited the switch: all to 甲"
        if incited
        else f"RE12-5.2: the manager let {to} take over from 乙; 甲 received the customer first "
        "and keeps that part"
    )
    assert second in a.explain().splitlines()
    assert sum(line.startswith("RE12-5.2") for line in a.explain().splitlines()) == 2
    assert attribute(story, RE12, as_of=at(1)).owner == "甲"


@pytest.mark.parametrize(
    ("refused", "expected", "owner", "follow_up"),
    [
        ("乙", sp(甲=Fraction(7, 10), 丙=Fraction(3, 10)), "甲", "丙"),
        ("甲", sp(丙=Fraction(7, 10), 乙=Fraction(3, 10)), "丙", "乙"),
    ],
)
def test_re12_3_10_after_a_switch_only_the_refused_salesperson_loses(
    refused: str, expected: dict[str, Fraction], owner: str, follow_up: str
) -> None:
    # RE12-5.2 split the deal 70/30 between 甲 and 乙; the customer then refuses one of
    # them for a serious fault the same day (RE12-3.10): that one's part goes to 丙, who
    # took over, and the other's part stands
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        visit(0, "乙", hour=11),
        SwitchRequest(at=at(0, 12), customer=C, from_=refused, fault="serious", granted_to="丙"),
        deal(3, "丙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == expected
    assert (a.owner, a.follow_up) == (owner, follow_up)
    assert (
        f"RE12-3.10: a serious fault: 丙 received the customer in {refused}'s place; {refused} "
        "lost every right (the turn counts as void), the others' parts stand"
    ) in a.explain().splitlines()
    before = attribute(story, RE12, as_of=at(1))  # who holds the customer before the deal
    assert (before.owner, before.follow_up) == (owner, follow_up)
    assert a.explain().splitlines()[-1] == (
        f"RE12-3.10: {refused} has no part: {refused}'s {'3/10' if owner == '甲' else '7/10'} "
        "goes to 丙"
    )
    if refused == "甲":
        # 丙, who took 甲's part over, is refused in turn: the part goes on to 丁
        again = SwitchRequest(
            at=at(0, 13), customer=C, from_="丙", fault="serious", granted_to="丁"
        )
        chain = attribute([*story[:-1], again, story[-1]], RE12)
        assert split(chain) == sp(丁=Fraction(7, 10), 乙=Fraction(3, 10))
        assert (
            chain.explain().splitlines()[-1] == "RE12-3.10: 丙 has no part: 丙's 7/10 goes to 丁"
        )
    if refused == "甲":
        # with no other part to stand (乙 incited the switch: all to 甲), the refusal
        # hands the customer over as new
        b = attribute([*story[:2], attrs.evolve(story[2], incited=True), *story[3:]], RE12)
        assert split(b) == sp(丙=1)
        assert (
            "RE12-3.10: a serious fault: 丙 received the customer as new; 甲 lost every right "
            "(the turn counts as void)"
        ) in b.explain().splitlines()


@pytest.mark.parametrize(
    ("taker", "line"),
    [
        (
            [reg(0, "丁", hour=11.5)],
            "RE12-3.10: a serious fault: 甲 lost every right; 丁, whose registration stands "
            "(2026-03-02 11:30), takes their part, the others' parts stand",
        ),
        (
            [reg(1, "丁")],
            "RE12-3.10: 丁 received the customer (2026-03-03 10:00) and took over 甲's part; "
            "the others' parts stand",
        ),
        (
            [visit(1, "丁")],
            "RE12-3.10: 丁 received the customer (2026-03-03 10:00) and took over 甲's part; "
            "the others' parts stand",
        ),
        (
            [visit(1, "丙", previous="names", asked_for=["丁"], courtesy_for="丁")],
            "RE12-3.6: the customer asked for 丁, who was absent\n"
            "RE12-3.10: 丁 took over 甲's part; the others' parts stand",
        ),
        (
            [],
            "RE12-3.10: 丁 closed the deal (2026-03-05 15:00) and so took over 甲's part; "
            "the others' parts stand",
        ),
    ],
    ids=["registered", "registers", "receives", "asked for", "closes"],
)
def test_re12_3_10_after_a_switch_the_other_part_stands_whoever_took_over(
    taker: list[Any], line: str
) -> None:
    # RE12-5.2 split the deal 70/30 between 甲 and 乙; 甲 is then refused for a serious
    # fault the same day and nobody is recorded as taking over: only 甲's part goes, to
    # the salesperson whose registration stands, else the next one who registers or
    # receives the customer, is given them by a clause (RE12-3.6 and RE12-4: asked for
    # while absent), or closes the deal.  乙's 30 % stands (it was lost when nobody was
    # recorded, and a deal 丁 closed was read as after a lapse)
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        visit(0, "乙", hour=11),
        *[e for e in taker if e.at < at(0, 12)],
        SwitchRequest(at=at(0, 12), customer=C, from_="甲", fault="serious"),
        *[e for e in taker if e.at > at(0, 12)],
        deal(3, "丁" if not taker else "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(丁=Fraction(7, 10), 乙=Fraction(3, 10))
    assert (a.owner, a.follow_up, a.needs_ruling) == ("丁", "乙", False)
    assert line in a.explain()
    assert a.explain().splitlines()[-1] == "RE12-3.10: 甲 has no part: 甲's 7/10 goes to 丁"
    if taker:  # 丁 holds the customer in 甲's place, 乙 still follows them up
        between = attribute(story, RE12, as_of=at(2))
        assert (between.owner, between.follow_up, between.needs_ruling) == ("丁", "乙", False)
        # a stranger closing the deal takes nothing from them
        assert split(attribute([*story[:-1], deal(3, "庚")], RE12)) == split(a)
    if all(e.at > at(0, 12) for e in taker):
        # until someone takes over, who takes 甲's part needs a ruling
        waiting = attribute(story, RE12, as_of=at(0, 12))
        assert waiting.needs_ruling
        assert waiting.owner is None
        assert waiting.ruling_reason == (
            "RE12-3.10: 甲 lost the customer for a serious fault, but nobody took over "
            "(record granted_to)"
        )


def test_re12_3_10_after_a_switch_the_one_following_up_refused_leaves_the_holder_in_place() -> (
    None
):
    # 丙 received the customer (no form yet), the manager let 甲 take over (70/30), and
    # the customer then firmly refused 甲, nobody recorded taking over: 丁, who receives
    # the customer next, takes 甲's 30 % and follows the customer up; 丙 keeps the
    # customer and the 70 %
    story = [
        visit(0, "丙"),
        SwitchRequest(at=at(0, 11), customer=C, from_="丙", to="甲", permitted=True),
        SwitchRequest(at=at(0, 12), customer=C, from_="甲", firm=True),
        visit(1, "丁"),
        deal(3, "丙"),
    ]
    assert split(attribute(story, RE12)) == sp(丙=Fraction(7, 10), 丁=Fraction(3, 10))
    between = attribute(story, RE12, as_of=at(2))
    assert (between.owner, between.follow_up, between.needs_ruling) == ("丙", "丁", False)
    waiting = attribute(story, RE12, as_of=at(0, 13))
    assert waiting.needs_ruling


def test_re12_3_10_a_serious_fault_and_a_name_nobody_let_take_over() -> None:
    # the customer named 乙, 甲 is at serious fault, and the manager neither let 乙 take
    # over nor recorded who did: 甲 has lost every right, and who took over is the next
    # to receive the customer or close the deal (here a salesperson nobody named)
    request = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", fault="serious")
    story = [*seen(0, "甲"), request, deal(3, "庚")]
    assert attribute(story, RE12, as_of=at(1)).needs_ruling
    assert split(attribute(story, RE12)) == sp(庚=1)


def test_re12_3_10_after_a_switch_a_tie_left_to_take_the_part_needs_a_ruling() -> None:
    # 丁 and 戊 registered the customer at the same instant after RE12-5.2's 70/30; 甲 is
    # refused with nobody recorded taking over: whose registration stands first cannot be
    # told (RE12-7.3), so who takes 甲's part needs a ruling
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        reg(0, "丁", hour=11.5),
        reg(0, "戊", hour=11.5),
        SwitchRequest(at=at(0, 12), customer=C, from_="甲", fault="serious"),
        deal(3, "乙"),
    ]
    a = attribute(story, RE12)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE12-7.3: 丁 and 戊 registered the customer at the same instant (2026-03-02 11:30): "
        "the earlier registration cannot be told"
    )


def test_re12_3_10_a_part_taken_over_passes_on_when_its_taker_is_refused_in_turn() -> None:
    # 甲's 70 % went to 丁, who received the customer next; 丁 is refused in turn with
    # nobody recorded, and 庚 receives the customer: the part goes on to 庚, 乙's 30 %
    # stands
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        SwitchRequest(at=at(0, 12), customer=C, from_="甲", fault="serious"),
        visit(1, "丁"),
        SwitchRequest(at=at(1, 12), customer=C, from_="丁", fault="serious"),
        visit(1, "庚", hour=13),
        deal(3, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(庚=Fraction(7, 10), 乙=Fraction(3, 10))
    assert a.explain().splitlines()[-2:] == [
        "RE12-3.10: 甲 has no part: 甲's 7/10 goes to 丁",
        "RE12-3.10: 丁 has no part: 丁's 7/10 goes to 庚",
    ]
    between = attribute(story, RE12, as_of=at(2))
    assert (between.owner, between.follow_up) == ("庚", "乙")


@pytest.mark.parametrize("day", [0, 2], ids=["same day", "later day"])
@pytest.mark.parametrize(
    "terms", [{"to": "丁", "permitted": True}, {"granted_to": "丁"}], ids=["permitted", "granted"]
)
def test_re12_3_10_the_manager_lets_someone_take_over_from_one_who_lost_every_right(
    day: int, terms: dict[str, Any]
) -> None:
    # RE12-3.10(c): 丙 lost every right for a serious fault, nobody recorded taking over;
    # a later request to leave 丙, which the manager granted to 丁, says who took over:
    # 丁, the next to receive the customer (按排班表安排其他售楼员进行接待).  It is no
    # RE12-5.2 switch away from 丙, who had nothing left to leave: read as one, it gave
    # 丙 70 % again, which the next to close (戊) then took (戊 70 %, 丁 30 %), and on a
    # later day it was a courtesy that left the customer to 戊
    refusal = SwitchRequest(at=at(0, 11), customer=C, from_="丙", fault="serious")
    granted = SwitchRequest(at=at(day, 12), customer=C, from_="丙", **terms)
    story = [*seen(0, "丙"), refusal, granted, deal(3, "戊")]
    a = attribute(story, RE12)
    assert split(a) == sp(丁=1)
    assert (a.owner, a.follow_up, a.needs_ruling) == ("丁", "丁", False)
    assert a.explain().splitlines()[-1] == (
        f"RE12-3.10: 丁 received the customer as new ({at(day, 12):%Y-%m-%d %H:%M}) and took "
        "over from 丙"
    )
    # who held the customer between the request and the deal: 丁
    assert attribute(story, RE12, as_of=at(day, 13)).owner == "丁"
    # a request the manager did not grant, or one 丁 incited, makes nobody the taker:
    # the next to receive the customer or close the deal takes over (here 戊)
    for kind in ({"to": "丁"}, {"to": "丁", "permitted": True, "incited": True}):
        other = SwitchRequest(at=at(day, 12), customer=C, from_="丙", **kind)
        assert split(attribute([*seen(0, "丙"), refusal, other, deal(3, "戊")], RE12)) == (
            sp(戊=1)
        )
    # once someone took over from 丙, a request to leave 丙 for 丁 contradicts the record
    # (the customer is 乙's): a ruling, as for any request to leave one who does not hold
    # the customer
    taken = [*seen(0, "丙"), attrs.evolve(refusal, granted_to="乙")]
    assert attribute([*taken, granted, deal(3, "戊")], RE12).needs_ruling
    # a later registration by someone else does not take the customer from 丁
    assert split(attribute([*story[:-1], *seen(3, "戊", hour=9), deal(3, "戊")], RE12)) == (
        sp(丁=1)
    )


def test_re12_3_10_the_manager_lets_someone_take_over_the_part_of_one_who_lost_every_right() -> (
    None
):
    # RE12-5.2 split the deal 70/30 between 甲 and 乙; 甲 is refused for a serious fault
    # with nobody recorded taking over, then the manager lets 丁 take over from 甲: 丁
    # takes 甲's 70 %, 乙's 30 % stands (read as a new RE12-5.2 switch from 甲, it
    # replaced the split by 甲 70 % and 丁 30 %: 乙's part was lost, and 甲's went to
    # whoever closed the deal)
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        SwitchRequest(at=at(0, 12), customer=C, from_="甲", fault="serious"),
        SwitchRequest(at=at(0, 13), customer=C, from_="甲", to="丁", permitted=True),
        deal(3, "戊"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(丁=Fraction(7, 10), 乙=Fraction(3, 10))
    assert (a.owner, a.follow_up, a.needs_ruling) == ("丁", "乙", False)
    assert (
        "RE12-3.10: 丁 received the customer (2026-03-02 13:00) and took over 甲's part; the "
        "others' parts stand" in a.explain()
    )


def test_re12_3_10_who_takes_over_from_one_who_lost_every_right_cannot_be_one_removed_too() -> (
    None
):
    # 乙 lost every right for a serious fault and 甲 took over; 甲 is then refused firmly,
    # nobody recorded; a record that 乙 took over from 甲 contradicts 乙's removal: it is
    # not read (the trail says why), and who took over is still open, until 丙 closes
    story = [
        visit(0, "乙", hour=9),
        SwitchRequest(at=at(0, 9.1), customer=C, from_="乙", fault="serious", granted_to="甲"),
        SwitchRequest(at=at(0, 9.2), customer=C, from_="甲", firm=True),
        SwitchRequest(at=at(0, 9.3), customer=C, from_="甲", granted_to="乙"),
    ]
    waiting = attribute(story, RE12)
    assert waiting.needs_ruling
    assert "RE12-3.10: 乙 lost every right to this customer earlier" in waiting.explain()
    assert split(attribute([*story, deal(3, "丙")], RE12)) == sp(丙=1)
    # the same record on the refusal itself: 甲 refused firmly, 乙 recorded as taking
    # over (before, the trail said 乙 received the customer as new, then that 乙 had lost
    # every right)
    refused = SwitchRequest(at=at(0, 9.2), customer=C, from_="甲", firm=True, granted_to="乙")
    a = attribute([*story[:2], refused, deal(3, "丙")], RE12)
    assert split(a) == sp(丙=1)
    assert a.explain().splitlines()[-3:] == [
        "RE12-3.10: 乙 lost every right to this customer earlier",
        "RE12-3.10: 甲 lost the customer for the customer's firm refusal, but nobody took "
        "over (record granted_to)",
        "RE12-3.10: 丙 closed the deal (2026-03-05 15:00) and so took over from 甲",
    ]


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        # RE12-3.10(c): a serious fault loses every right, whatever the customer named
        ({"fault": "serious", "permitted": True}, sp(乙=1)),
        ({"fault": "serious", "granted_to": "丙"}, sp(丙=1)),
        # a firm refusal the manager did not answer with the one named: 3.10(c) too
        ({"firm": True, "granted_to": "丙"}, sp(丙=1)),
        # the manager let the one named take over: RE12-5.2's own case
        ({"firm": True, "permitted": True}, sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))),
        ({"fault": "minor", "permitted": True}, sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))),
        ({"fault": "serious", "permitted": True, "incited": True}, None),
    ],
)
def test_re12_3_10_a_serious_fault_takes_every_right_even_when_the_customer_named_another(
    terms: dict[str, Any], expected: dict[str, Fraction] | None
) -> None:
    # A new customer mid-reception names 乙 (RE12-5.2) and 甲 is at serious fault, or
    # the customer firmly refuses 甲 and the manager does not let 乙 take over
    # (RE12-3.10(c)): 甲 loses every right (a serious fault kept 70 % before).  An
    # incitement the manager let through has two answers (5.2: all to 甲; 3.10: nothing
    # to 甲): a ruling.  RE14-5.3(2) lets the customer's wish prevail, fault or not.
    request = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", **terms)
    closer = "丙" if terms.get("granted_to") == "丙" else "乙"
    story = [*seen(0, "甲"), request, deal(3, closer)]
    a = attribute(story, RE12)
    # who took over holds the customer: a stranger closing the deal changes nothing
    stranger = attribute([*story[:-1], deal(3, "庚")], RE12)
    assert (split(stranger), stranger.needs_ruling) == (split(a), a.needs_ruling)
    if expected is None:
        assert a.needs_ruling
        assert a.ruling_reason == (
            "RE12-7.7: 乙 incited the switch, and 甲 is at serious fault: RE12-5.2 gives 甲 "
            "everything, RE12-3.10 nothing"
        )
        assert a.explain("zh").splitlines()[-1] == (
            "RE12-7.7: 乙唆使更换，而甲有严重过错：RE12-5.2全部归甲，RE12-3.10则一无所得"
        )
        return
    assert split(a) == expected
    rule = "RE12-5.2" if "甲" in {k.split(":")[1] for k in expected} else "RE12-3.10"
    assert a.explain().splitlines()[-1].startswith(rule)
    if closer == "乙":
        assert split(attribute(story, RE14)) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))


def test_re12_5_3_a_returning_customer_naming_another_with_a_serious_fault_needs_a_ruling() -> (
    None
):
    # RE12-3.10 speaks of a new customer; RE12-5.3 (a courtesy, all to the first) of no
    # fault: a returning customer who names 乙 while 甲 is at serious fault has no clause
    # (as one who refuses 甲 naming nobody); without the fault, 5.3 decides
    request = SwitchRequest(
        at=at(5, 11), customer=C, from_="甲", to="乙", fault="serious", permitted=True
    )
    a = attribute([*seen(0, "甲"), request, deal(8, "乙")], RE12)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE12-7.7: a returning customer asked for 乙, and 甲 is at serious fault: no clause"
    )
    assert a.explain("zh").splitlines()[-1] == (
        "RE12-7.7: 回访客户要求乙接待，而甲有严重过错：没有相应条款"
    )
    mild = attribute([*seen(0, "甲"), attrs.evolve(request, fault="minor"), deal(8, "乙")], RE12)
    assert split(mild) == sp(甲=1)


@pytest.mark.parametrize(
    "terms",
    [
        {},
        {"incited": True},
        {"fault": "serious"},
        {"fault": "minor", "firm": True},
        {"permitted": True},
    ],
)
def test_re14_5_3_2_the_customers_wish_whatever_re12s_terms_say(terms: dict[str, Any]) -> None:
    # RE14 lets the customer's wish prevail: fault, firmness, incitement and permission
    # are RE12's terms; only a confirmed complaint (RE14-5.3(4)) takes 甲's part away
    asked = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", **terms)
    a = attribute([*seen(0, "甲"), asked, deal(3, "乙")], RE14)
    assert split(a) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    granted = attrs.evolve(asked, to=None, granted_to="乙", incited=False)
    assert split(attribute([*seen(0, "甲"), granted, deal(3, "乙")], RE14)) == split(a)


def test_re14_5_3_4_the_reporter_holds_a_valid_claim() -> None:
    story = [
        *seen(0, "乙"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        deal(20, "丙"),  # closed by a third: 甲's claim from the complaint is still valid
    ]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=1))


def test_attribute_many_is_attribute_for_each_history() -> None:
    from custrules import attribute_many

    histories = [
        [*seen(0, "甲"), deal(3, "甲")],
        [*seen(0, "乙"), *seen(40, "丙"), deal(45, "丙")],
        seen(0, "丁"),
    ]
    many = list(attribute_many(iter(histories), RE12))
    assert [(a.owner, dict(a.shares)) for a in many] == [
        (b.owner, dict(b.shares)) for b in (attribute(h, RE12) for h in histories)
    ]
    with pytest.raises(TypeError):
        list(attribute_many(histories, "re12"))  # type: ignore[arg-type]


# -- a policy's parts are checked when it is built ------------------------------------------


def test_a_policy_refuses_terms_of_the_wrong_kind() -> None:
    """A referral or company clause that is not a terms object used to be accepted and
    failed only when a referral reached it."""
    for field in ("referral", "company"):
        with pytest.raises(InvalidTypeError) as caught:
            attrs.evolve(RE12, **{field: Fraction(3, 10)})
        assert (caught.value.code, caught.value.value) == (
            "check.instance_of.optional",
            Fraction(3, 10),
        )
        assert field in str(caught.value)


def test_a_policy_refuses_a_citation_of_no_principle() -> None:
    """A misspelt principle would silently cite the policy's name instead of the clause."""
    with pytest.raises(InvalidInputError) as caught:
        attrs.evolve(RE12, citations={**RE12.citations, "earliest": "RE12-7.3"})
    assert (caught.value.code, caught.value.value) == (
        "realestate.policy.citations.unknown_principle",
        "earliest",
    )
    assert str(caught.value).startswith("citations: 'earliest' is not a principle")
    assert "use one of valid, confirmed, earlier" in str(caught.value)
    with pytest.raises(InvalidTypeError, match="citations must be a mapping") as wrong:
        attrs.evolve(RE12, citations=[("earlier", "RE12-7.3")])
    assert wrong.value.value == [("earlier", "RE12-7.3")]
    with pytest.raises(InvalidInputError, match="a rule ID must be non-empty"):
        attrs.evolve(RE12, citations={"earlier": ""})


def test_free_text_on_events_is_text() -> None:
    t = dt.datetime(2026, 3, 2, 10, tzinfo=CHINA_TZ)
    ruling = Ruling(
        at=t,
        customer="王",
        by="经理",
        shares={"salesperson:甲": Fraction(1)},
        text="第一行\n第二行",
    )
    assert ruling.text == "第一行\n第二行"  # a ruling's wording may span lines
    with pytest.raises(InvalidTypeError, match="text must be text"):
        attrs.evolve(ruling, text=5)
    with pytest.raises(InvalidInputError, match="at most 10,000 characters"):
        attrs.evolve(ruling, text="裁" * 10_001)
    with pytest.raises(InvalidInputError, match="relation must be non-empty"):
        HouseholdLink(at=t, customer="王", other="王妻", relation="")


# -- a host's own shares reach every clause that splits -----------------------------------

_FORGOT = [*seen(0, "甲"), *seen(10, "乙", previous="forgot")]
_BACK_TO_甲 = {"previous": "names", "courtesy_for": "甲"}
_SWITCH = {"customer": C, "from_": "甲", "to": "乙", "permitted": True}
_INTRO = CompanyIntroduction(at=at(-1), customer=C, by="刘总")
_ARRANGED = {"arranged_deal": True, "after_sales": "salesperson", "after_sales_by": "丙"}
_REFERRED = [
    ReferralRegistration(at=at(-3), customer=C, referrer="小赵", appointment=at(0).date()),
    ReferralConfirmation(at=at(0, 9), customer=C, referrer="小赵", confirmed_by="项目经理"),
]


@pytest.mark.parametrize(
    ("policy", "field", "value", "story", "preset", "variant"),
    [
        (  # RE14-5.3(7): a 50 %, b 50 %; the field is the earlier salesperson's share
            RE14,
            "recognition_share",
            Fraction(1, 3),
            [
                *_FORGOT,
                Recognition(at=at(10, 18), customer=C, original="甲", by_records=True),
                deal(12, "乙"),
            ],
            sp(甲=H, 乙=H),
            sp(甲=Fraction(1, 3), 乙=Fraction(2, 3)),
        ),
        (  # RE12-3.7(i): recognised within the month, 平分
            RE12,
            "recognition_share",
            Fraction(1, 3),
            [*_FORGOT, Recognition(at=at(25), customer=C, original="甲"), deal(30, "乙")],
            sp(甲=H, 乙=H),
            sp(甲=Fraction(1, 3), 乙=Fraction(2, 3)),
        ),
        (  # RE12-5.2: 70 % to the salesperson who received the customer first
            RE12,
            "switch_first_share",
            Fraction(3, 5),
            [*seen(0, "甲"), SwitchRequest(at=at(0, 11), **_SWITCH), deal(20, "乙")],
            sp(甲=Fraction(7, 10), 乙=Fraction(3, 10)),
            sp(甲=Fraction(3, 5), 乙=Fraction(2, 5)),
        ),
        (  # RE14-5.3(2): b, the earlier salesperson, 20 %; a 80 %
            RE14,
            "switch_previous_share",
            Fraction(1, 10),
            [*seen(0, "甲"), SwitchRequest(at=at(10), **_SWITCH), deal(50, "乙")],
            sp(甲=Fraction(1, 5), 乙=Fraction(4, 5)),
            sp(甲=Fraction(1, 10), 乙=Fraction(9, 10)),
        ),
        (  # RE14-2.5: a colleague receives, the deal closes that day: 五五分成
            RE14,
            "same_day_share",
            Fraction(2, 5),
            [*seen(0, "甲"), visit(7, "丙", **_BACK_TO_甲), deal(7, "丙")],
            sp(甲=H, 丙=H),
            sp(甲=Fraction(3, 5), 丙=Fraction(2, 5)),
        ),
        (  # RE14-5.3(3): the salesperson named is absent: b 80 %, the assistant c 20 %
            RE14,
            "assistant_share",
            Fraction(3, 10),
            [*seen(0, "甲"), visit(7, "丙", asked_for=["甲"], **_BACK_TO_甲), deal(9, "丙")],
            sp(甲=Fraction(4, 5), 丙=Fraction(1, 5)),
            sp(甲=Fraction(7, 10), 丙=Fraction(3, 10)),
        ),
        (  # RE14-5.3(8): named on a later visit: a 50 %, the earlier salesperson 50 %
            RE14,
            "nth_visit_share",
            Fraction(1, 4),
            [*seen(0, "甲"), visit(5, "乙", previous="names", asked_for=["乙"]), deal(8, "乙")],
            sp(甲=H, 乙=H),
            sp(甲=Fraction(3, 4), 乙=Fraction(1, 4)),
        ),
        (  # RE12-6.3: introduced by the company, 30 % to the public pool
            RE12,
            "company",
            CompanyTerms(brought_pool_share=Fraction(1, 4)),
            [_INTRO, *seen(0, "乙"), deal(2, "乙")],
            {**sp(乙=Fraction(7, 10)), "public_pool": Fraction(3, 10)},
            {**sp(乙=Fraction(3, 4)), "public_pool": Fraction(1, 4)},
        ),
        (  # RE12-6.4: the company arranged the deal, the salesperson does after-sales
            RE12,
            "company",
            CompanyTerms(arranged_pool_share=Fraction(3, 5)),
            [attrs.evolve(_INTRO, **_ARRANGED), deal(0, "丙")],
            {**sp(丙=Fraction(3, 10)), "public_pool": Fraction(7, 10)},
            {**sp(丙=Fraction(2, 5)), "public_pool": Fraction(3, 5)},
        ),
        (  # RE12-6.2: named by an executive, all to the pool
            RE12,
            "company",
            CompanyTerms(named_pool_share=Fraction(1, 2)),
            [attrs.evolve(_INTRO, named_salesperson="丙"), *seen(0, "丙"), deal(2, "丙")],
            {"public_pool": Fraction(1)},
            {**sp(丙=H), "public_pool": H},
        ),
        *(  # RE11-6 (and RE12 by its §6(2)): 30 % to the referrer
            (
                policy,
                "referral",
                ReferralTerms(referrer_share=Fraction(1, 5)),
                [*_REFERRED, *seen(0, "丙"), deal(6, "丙")],
                {**sp(丙=Fraction(7, 10)), "referrer:小赵": Fraction(3, 10)},
                {**sp(丙=Fraction(4, 5)), "referrer:小赵": Fraction(1, 5)},
            )
            for policy in (RE12, RE11)
        ),
    ],
)
def test_a_hosts_own_share_is_the_share_its_clause_gives(
    policy: AttributionPolicy,
    field: str,
    value: object,
    story: list[Any],
    preset: dict[str, Fraction],
    variant: dict[str, Fraction],
) -> None:
    """Policies are data: a host's own value of a share (or of the company's or a
    referral's terms) is what its clause gives, not the regulation's, and the same
    clauses apply."""
    regulation = attribute(story, policy)
    own = attribute(story, attrs.evolve(policy, **{field: value}))
    assert (split(regulation), split(own)) == (preset, variant)
    assert own.rules == regulation.rules


def test_a_hosts_own_re12_6_5_that_leaves_a_part_nobody_earned_needs_a_ruling() -> None:
    """RE12-6.5 (the company arranged the deal, other staff do after-sales) pays all to
    the pool; a host's terms that pay the pool 9/10 leave 1/10 that the clause gives no
    salesperson: a ruling, never shares that sum to less than 1."""
    other = attrs.evolve(_INTRO, arranged_deal=True, after_sales="other_staff")
    assert split(attribute([other, deal(0, "丙")], RE12)) == {"public_pool": 1}
    own = attrs.evolve(RE12, company=CompanyTerms(arranged_other_staff_pool_share=Fraction(9, 10)))
    a = attribute([other, deal(0, "丙")], own)
    assert (a.needs_ruling, a.shares) == (True, {})
    assert a.ruling_reason == "RE12-7.7: no salesperson has a valid claim"


_COMPLAINT = SalespersonComplaint(
    at=at(5, 11), customer=C, against="甲", reported_by="乙", confirmed=True
)
_DRAW = Reallocation(at=at(5, 11), customer=C, from_="甲", to="乙", draw="抽签")


@pytest.mark.parametrize("clause", ["switch", "forgot"])
@pytest.mark.parametrize(
    ("office", "removal"),
    [
        (RE14, _COMPLAINT),  # RE14-5.3(4) removes 甲; 乙 receives
        # RE14-5.3(12) removes 甲, in an RE12 office that has the clause
        (attrs.evolve(RE12, reallocation=True), _DRAW),
    ],
)
def test_a_hosts_policy_without_a_clause_asks_for_a_ruling_also_for_one_removed(
    clause: str, office: AttributionPolicy, removal: Any
) -> None:
    """A host's policy with no switch clause (``switch=None``) has no clause for a
    customer who asks for another salesperson; one with no clause for forgetful
    customers (``forgot=None``) none for a customer who forgot whom they met.  Also
    when the salesperson asked for, or receiving, lost every right earlier: a ruling,
    citing the policy's fallback.  Before, such a case was answered by RE12-5.2 or
    RE14-5.3(7), clauses the policy does not have (the customer stayed the holder's)."""
    later, reason = {
        "switch": (
            SwitchRequest(at=at(7), customer=C, from_="乙", to="甲"),
            "a customer asked for another salesperson: no clause",
        ),
        "forgot": (
            visit(7, "甲", previous="forgot"),
            "a returning customer who forgot the salesperson",
        ),
    }[clause]
    story = [*seen(0, "甲"), visit(5, "乙"), removal, later, deal(9, "乙")]
    policy = attrs.evolve(office, **{clause: None})
    a = attribute(story, policy)
    assert (a.needs_ruling, a.ruling_reason) == (True, f"{policy.cite('fallback')}: {reason}")
    assert set(a.rules) <= policy.clauses
    # the office's own clauses keep the customer with 乙
    assert split(attribute(story, office)) == sp(乙=1)


# -- a case left pending until the deal lapses with its registrations (RE12-7.1, RE14-5.2) ---

#: each clause that leaves a case pending until the deal, set on day 10 by 乙 over 甲's
#: registration of day 0: (policies, events, what the case pays if one of them closes)
PENDING: dict[str, tuple[tuple[Any, ...], list[Any], dict[str, Fraction]]] = {
    # RE12-3.7(h)(j), RE14-5.3(7): forgot 甲; 乙 receives (and registers) as new
    "forgot": (
        (RE12, RE14),
        [visit(10, "乙", previous=Previous.FORGOT), reg(10, "乙")],
        sp(乙=1),
    ),
    # RE12-3.7(i): recognised within the month: 50/50
    "recognised": (
        (RE12,),
        [
            visit(10, "乙", previous=Previous.FORGOT),
            reg(10, "乙"),
            Recognition(at=at(20), customer=C, original="甲"),
        ],
        sp(甲=H, 乙=H),
    ),
    # RE12-5.2: the manager let 乙 take over mid-reception (the first day): 70/30
    "switch RE12-5.2": (
        (RE12,),
        [SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True)],
        sp(甲=Fraction(7, 10), 乙=Fraction(3, 10)),
    ),
    # RE14-5.3(3): the customer names 甲, absent; 乙 assists
    "assisted": (
        (RE14,),
        [visit(10, "乙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲")],
        sp(甲=Fraction(4, 5), 乙=Fraction(1, 5)),
    ),
    # RE14-5.3(8): named 乙 on the second visit: 50/50 with the earlier salesperson
    "n-th visit": (
        (RE14,),
        [visit(10, "乙", previous=Previous.NAMES, asked_for=["乙"])],
        sp(甲=H, 乙=H),
    ),
}


@pytest.mark.parametrize(
    ("name", "policy"),
    [(name, policy) for name, (policies, _, _) in PENDING.items() for policy in policies],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_a_pending_case_lapses_when_another_closes_after_its_registrations(
    name: str, policy: Any
) -> None:
    _, events, pays = PENDING[name]
    story = [*seen(0, "甲"), *events]
    # 丙, who never registered, closes long after every registration behind the case
    late = attribute([*story, deal(200, "丙")], policy)
    assert split(late) == sp(丙=1), name
    assert "it lapses with them" in late.explain()
    assert late.follow_up == "丙"
    # closed by one of the case's own salespeople: it has lapsed all the same (a lapsed
    # registration never earns), and the deal is the closer's
    own = attribute([*story, deal(200, "乙")], policy)
    assert split(own) == sp(乙=1), name
    assert "it lapses with them" in own.explain()
    # closed by 丙 while a registration behind it is still valid: the clause settles it
    assert split(attribute([*story, deal(21, "丙")], policy)) == pays, name
    # kept alive by its holder registering again before their registration lapsed:
    # settled as the clause says after the first one's has
    holder = attribute(story, policy).owner
    assert holder is not None
    again = 25 if policy is RE12 else 55
    kept = [*story, reg(again, holder), deal(again + 25, "乙")]
    assert split(attribute(kept, policy)) == pays, name


def test_a_holder_registering_after_the_case_lapsed_starts_over() -> None:
    """RE12-5.2 with RE12-7.1: 甲 held the customer (70/30 with 乙); every registration
    behind the case lapsed on 2 April.  甲 registers the customer again on 11 April: a
    new claim, not the old case revived (which would pay 乙 30 % of a deal closed months
    after the switch)."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        reg(40, "甲"),
        deal(45, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert a.explain().splitlines()[-1] == (
        "RE12-7.1: 甲 registered the customer again (2026-04-11 10:00) after every "
        "registration behind what was pending for 甲 and 乙 had lapsed: it lapses with them"
    )
    # RE12-3.7: the case was pending for the new salesperson (乙), over the forgotten 甲
    forgot = [*seen(0, "甲"), visit(10, "乙", previous=Previous.FORGOT), reg(10, "乙")]
    again = attribute([*forgot, reg(45, "乙"), deal(46, "丙")], RE12)
    assert split(again) == sp(乙=1)
    assert again.explain().splitlines()[-1] == (
        "RE12-7.1: 乙 registered the customer again (2026-04-16 10:00) after every "
        "registration behind what was pending for 乙 had lapsed: it lapses with them"
    )
    # registered again while the case stood, it keeps the case alive
    assert split(attribute([*story[:-2], reg(25, "甲"), deal(45, "乙")], RE12)) == sp(
        甲=Fraction(7, 10), 乙=Fraction(3, 10)
    )


def test_a_pending_case_stands_on_the_last_day_of_its_registrations() -> None:
    """RE12: 乙 registered on 12 March, valid through 12 April; 甲 through 2 April."""
    story = [*seen(0, "甲"), visit(10, "乙", previous=Previous.FORGOT), reg(10, "乙")]
    assert split(attribute([*story, deal(41, "丙", hour=23)], RE12)) == sp(乙=1)
    assert split(attribute([*story, deal(42, "丙", hour=0.5)], RE12)) == sp(丙=1)


def test_a_pending_courtesy_for_someone_never_registered_rests_on_the_clause() -> None:
    """RE14-2.5: nobody registered; the same-day deal splits as the clause says.  With
    registrations on the customer's record, all lapsed before the visit, the courtesy
    gives 甲 nothing, whoever closes the deal: 甲's claim would rest on lapsed
    registrations (before, 乙 closing gave 甲 half)."""
    story = [visit(0, "乙", courtesy_for="甲"), deal(0, "丙")]
    assert split(attribute(story, RE14)) == sp(甲=H, 乙=H)
    recorded = [*seen(0, "丁"), visit(100, "乙", courtesy_for="甲")]
    a = attribute([*recorded, deal(100, "丙")], RE14)
    assert split(a) == sp(丙=1)
    assert a.explain().splitlines()[1:] == [
        "RE14-5.2: 丁's registration had lapsed",
        "RE14-2.5: 乙 received the customer for 甲, who holds no registration: no claim",
        "RE14-5.2: 丙 closed the deal with no valid claim against it",
    ]
    assert split(attribute([*recorded, deal(100, "乙")], RE14)) == sp(乙=1)


@pytest.mark.parametrize("closer", ["乙", "丙"])
def test_a_courtesy_for_a_salesperson_whose_registration_lapsed_gives_nothing(
    closer: str,
) -> None:
    """RE12-4, RE14-2.5 with RE12-7.1, RE14-5.2: 甲's registration lapsed before the
    customer came back; 乙 received them for 甲 (the customer did not ask for 甲) and the
    deal closed that day.  A lapsed registration never earns: before, RE14 paid 甲 half
    when 乙 closed it, and RE12 said the customer stayed 甲's."""
    for policy in (RE12, RE14):
        months = policy.registration_validity_months
        assert months is not None
        back = (add_months(at(0).date(), months) - at(0).date()).days + 3
        story = [*seen(0, "甲"), visit(back, "乙", courtesy_for="甲"), deal(back, closer)]
        a = attribute(story, policy)
        assert split(a) == sp(**{closer: 1})
        assert a.explain().splitlines()[1:] == [
            f"{policy.cite('valid')}: 甲's registration had lapsed",
            f"{policy.cite('closer')}: {closer} closed the deal with no valid claim against it",
        ]


def test_re14_5_3_2_the_earlier_registration_is_read_at_the_deal() -> None:
    """若成交则业绩属a，若b属建档有效期，提成为a:80%,b:20%: 甲 registered on 2 March,
    valid through 2 May; the customer asked for 乙 on 12 March."""
    asked = [*seen(0, "甲"), SwitchRequest(at=at(10), customer=C, from_="甲", to="乙")]
    assert split(attribute([*asked, deal(61, "乙")], RE14)) == sp(
        乙=Fraction(4, 5), 甲=Fraction(1, 5)
    )
    a = attribute([*asked, deal(62, "乙")], RE14)
    assert split(a) == sp(乙=1)
    assert a.explain().splitlines()[-1] == (
        "RE14-5.3(2): 甲's registration had lapsed by the deal: 甲's 1/5 goes to 乙"
    )
    assert a.explain("zh").splitlines()[-1] == "RE14-5.3(2): 成交时甲的登记已失效：甲的 1/5 归乙"
    # 甲 registered again meanwhile: still valid at the deal, the 20 % stands
    renewed = [*asked, reg(50, "甲"), deal(62, "乙")]
    assert split(attribute(renewed, RE14)) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    # removed by a confirmed complaint: RE14-5.3(4) gives 甲's part to the one who
    # reported it (丙) while that part stands; by the deal it had lapsed, so 丙, in 甲's
    # place, takes nothing
    complaint = SalespersonComplaint(
        at=at(11), customer=C, against="甲", reported_by="丙", confirmed=True
    )
    removed = attribute([*asked, complaint, deal(40, "乙")], RE14)
    assert split(removed) == sp(乙=Fraction(4, 5), 丙=Fraction(1, 5))
    assert [s.rule for s in removed.steps][-1] == "RE14-5.3(4)"
    lapsed = attribute([*asked, complaint, deal(62, "乙")], RE14)
    assert split(lapsed) == sp(乙=1)
    assert lapsed.explain().splitlines()[-1] == (
        "RE14-5.3(2): 甲's registration had lapsed by the deal: 甲's 1/5 goes to 乙"
    )


def test_re14_5_3_2_a_form_filled_in_after_the_customer_asked_for_another() -> None:
    """甲 received the customer at 10:00, who asked for 乙 at 10:30; 甲's form of that
    reception was filled in at 11:00.  若b属建档有效期 is read at the deal, so 甲's
    20 % rests on it as on a form filled in before the request."""
    asked = [visit(0, "甲"), SwitchRequest(at=at(0, 10.5), customer=C, from_="甲", to="乙")]
    filed = [*asked, reg(0, "甲", hour=11)]
    a = attribute([*filed, deal(3, "乙")], RE14)
    assert split(a) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert a.explain().splitlines()[0] == (
        "RE14-5.3(2): the customer did not want 甲 and asked for 乙; 甲's registration of "
        "the day is read at the deal"
    )
    assert split(attribute([*filed, deal(62, "乙")], RE14)) == sp(乙=1)  # lapsed by then
    never = attribute([*asked, deal(3, "乙")], RE14)
    assert split(never) == sp(乙=1)
    assert never.explain().splitlines()[-1] == (
        "RE14-5.3(2): 甲 had no registration at the deal: 甲's 1/5 goes to 乙"
    )
    assert never.explain("zh").splitlines()[-1] == "RE14-5.3(2): 成交时甲没有登记：甲的 1/5 归乙"
    # a complaint against 甲 since passes no part: 甲 had none at the deal
    complaint = SalespersonComplaint(
        at=at(2), customer=C, against="甲", reported_by="丙", confirmed=True
    )
    assert split(attribute([*asked, complaint, deal(3, "乙")], RE14)) == sp(乙=1)
    # a reception on another day, or one as a courtesy for someone else, is no form of the day
    other_day = [visit(0, "甲"), SwitchRequest(at=at(1), customer=C, from_="甲", to="乙")]
    assert split(attribute([*other_day, reg(1, "甲", hour=11), deal(3, "乙")], RE14)) == sp(乙=1)
    courtesy = [
        *seen(0, "丙"),  # lapsed by May: the courtesy for 丙 gives nothing
        visit(70, "甲", previous=Previous.NAMES, courtesy_for="丙"),
        SwitchRequest(at=at(70, 10.5), customer=C, from_="甲", to="乙"),
        reg(70, "甲", hour=11),
    ]
    assert split(attribute([*courtesy, deal(72, "乙")], RE14)) == sp(乙=1)


def test_a_tie_ends_when_a_clause_removes_one_of_its_two() -> None:
    """RE14-5.1 tie of 甲 and 乙; a confirmed complaint removes 甲 and 乙 receives
    (RE14-5.3(4)): no ruling is needed, then or months later."""
    story = [
        visit(0, "甲"),
        reg(0, "甲"),
        reg(0, "乙"),
        SalespersonComplaint(at=at(1), customer=C, against="甲", reported_by="乙", confirmed=True),
    ]
    a = attribute([*story, deal(5, "乙")], RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(乙=1))
    assert a.explain().splitlines()[1:] == [
        "RE14-5.1: 甲 lost every right: the tie needs no ruling",
        "RE14-5.3(4): the supervisor confirmed the complaint: 甲 has no part; 乙 receives",
    ]
    late = attribute([*story, deal(125, "庚")], RE14)
    assert (late.needs_ruling, split(late)) == (False, sp(庚=1))
    assert attribute(story, RE14, as_of=at(125)).owner is None
    # a tie of three keeps its question while two of them keep their rights
    three = [*story[:3], reg(0, "丙"), story[3], deal(5, "乙")]
    assert attribute(three, RE14).needs_ruling


def test_a_tie_question_left_behind_by_a_clause_lapses_like_any_other() -> None:
    """A customer who named one of two tied salespeople on a later visit: the tie's
    question stays (the registrations cannot be ordered), and lapses once every
    registration of its day has."""
    story = [
        visit(0, "甲"),
        reg(0, "甲"),
        reg(0, "乙"),
        visit(3, "乙", previous=Previous.NAMES, asked_for=["乙"]),
    ]
    assert attribute([*story, deal(5, "乙")], RE12).needs_ruling
    late = attribute([*story, deal(125, "庚")], RE12)
    assert (late.needs_ruling, split(late)) == (False, sp(庚=1))
    assert "needs no ruling any more" in late.explain()


# -- an owner's lapse: whoever registered meanwhile and is still registered holds ----------


@pytest.mark.parametrize(("policy", "later", "deal_day"), [(RE12, 20, 40), (RE14, 50, 70)])
def test_an_owners_lapse_hands_the_customer_to_a_valid_later_registration(
    policy: Any, later: int, deal_day: int
) -> None:
    """RE12-7.3, RE14-5.1: of the registrations still valid, the earlier wins.  甲's
    lapsed (one month, two); 丁, who registered meanwhile, is still registered: the
    customer is 丁's, not the closer's, who has none."""
    story = [*seen(0, "甲"), *seen(later, "丁")]
    a = attribute([*story, deal(deal_day, "庚")], policy)
    assert split(a) == sp(丁=1)
    assert a.explain().splitlines()[-2:] == [
        f"{policy.cite('valid')}: 甲's registration had lapsed",
        f"{policy.cite('earlier')}: 丁 registered meanwhile ({at(later):%Y-%m-%d %H:%M}) "
        "and holds the customer",
    ]
    assert attribute(story, policy, as_of=at(deal_day)).owner == "丁"
    # a third who registers after the lapse registered later than 丁
    third = attribute([*story, *seen(deal_day, "戊"), deal(deal_day, "戊")], policy)
    assert split(third) == sp(丁=1)
    # two who registered meanwhile at one instant: a tie of their own
    both = [*story, reg(later, "己"), deal(deal_day, "庚")]
    assert attribute(both, policy).needs_ruling


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=150), st.sampled_from(["甲", "乙", "丙"])),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=1, max_value=200),
    st.sampled_from([RE12, RE14]),
)
def test_a_valid_registration_beats_a_closer_with_none(
    regs: list[tuple[int, str]], deal_day: int, policy: Any
) -> None:
    """Visits and registrations only, a deal by 庚, who never registered: the deal is
    庚's exactly when no registration is valid on its day (or the earliest ones
    tie); never 庚's while one is."""
    story = [e for day, who in regs for e in seen(day, who) if day <= deal_day]
    if not story:
        return
    a = attribute([*story, deal(deal_day, "庚")], policy)
    months = policy.registration_validity_months
    deal_on = at(deal_day).date()
    valid = {
        who
        for day, who in regs
        if day <= deal_day and deal_on <= add_months(at(day).date(), months)
    }
    if valid:
        assert "salesperson:庚" not in split(a)
        assert a.needs_ruling or set(map(str, a.shares)) <= {f"salesperson:{w}" for w in valid}
    else:
        assert (a.needs_ruling, split(a)) == (False, sp(庚=1))


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_household_members_lapsed_registration_earns_nothing(policy: Any) -> None:
    """RE12-7.4 (50/50) and RE14-5.3(11) (the first wins) read each member's claim
    at the deal: 王太太 was 乙's in March, 乙's registration lapsed long before the
    June deal on 王先生, who is 甲's."""
    wife = "王太太"
    story = [
        *seen_by(wife, 0, "乙"),
        *seen(100, "甲"),
        HouseholdLink(at=at(100), customer=C, other=wife),
    ]
    a = attribute([*story, deal(110, "甲")], policy, customer=C)
    assert split(a) == sp(甲=1)
    assert f"{policy.cite('valid')}: [王太太] 乙's registration had lapsed" in a.explain()
    assert "household" not in a.explain()  # one member's claim is all there is
    assert attribute(story, policy, customer=C, as_of=at(110)).owner == "甲"
    # 乙 registered 王太太 again in time: both members' claims stand
    again = [*story, Registration(at=at(95), customer=wife, salesperson="乙", confirmed_at=at(95))]
    both = attribute([*again, deal(110, "甲")], policy, customer=C)
    assert split(both) == (sp(甲=H, 乙=H) if policy is RE12 else sp(乙=1))


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_household_deal_on_a_lapsed_members_record_goes_to_the_valid_claim(
    policy: Any,
) -> None:
    """The deal is recorded on 王先生, whose registration (甲, March) has lapsed; 王太太
    is 乙's by a valid registration.  The household's claim decides, not 丙, who closed
    the deal with no claim: the same answer as with the deal on 王太太's record (before,
    丙 took half under RE12-7.4 and everything under RE14-5.3(11), as if 王先生's lapsed
    March visit made 丙 the first salesperson)."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen_by(wife, 70, "乙"),
        HouseholdLink(at=at(71), customer=C, other=wife),
    ]
    on_him = attribute([*story, deal(75, "丙")], policy, customer=C)
    on_her = attribute(
        [*story, Deal(at=at(75, 15), customer=wife, closed_by="丙")], policy, customer=C
    )
    assert split(on_him) == split(on_her) == sp(乙=1)
    assert (
        f"{policy.cite('closer')}: 王先生's record holds no valid claim; another member's does: "
        "the household's claims decide, not 丙, who closed the deal"
    ) in [str(s) for s in on_him.steps]
    # with no valid claim on any record the deal is its closer's
    late = [*story, deal(140, "丙")]
    assert split(attribute(late, policy, customer=C)) == sp(丙=1)


def test_a_household_members_old_question_lapses_at_the_deal() -> None:
    """RE14-5.3(13): 王太太 was met at an exhibition in March (the manager decides); the
    June deal on 王先生, 甲's, needs no ruling: that question lapsed with its day's
    registrations."""
    wife = "王太太"
    story = [
        Visit(at=at(0), customer=wife, received_by="乙", exhibition=True),
        Registration(at=at(0), customer=wife, salesperson="乙", confirmed_at=at(0)),
        *seen(100, "甲"),
        HouseholdLink(at=at(100), customer=C, other=wife),
    ]
    early = attribute([*story[:2], *seen(3, "甲"), story[4], deal(10, "甲")], RE14, customer=C)
    assert early.needs_ruling
    late = attribute([*story, deal(110, "甲")], RE14, customer=C)
    assert (late.needs_ruling, split(late)) == (False, sp(甲=1))
    assert "[王太太] the question under RE14-5.3(13) raised on 2026-03-02 needs no ruling" in (
        late.explain()
    )


def test_a_holder_without_a_registration_holds_while_the_record_is_valid() -> None:
    """RE12-3.7: 乙 received a forgetful customer as new and registered nothing; 乙
    holds the customer while the registrations on the customer's record are valid,
    and nobody does once every one has lapsed."""
    story = [*seen(0, "甲"), visit(1, "乙", previous=Previous.FORGOT)]
    assert attribute(story, RE12, as_of=at(10)).owner == "乙"
    # a later visit does not hand the customer back to 甲, whose registration is valid:
    # 乙 holds by RE12-3.7, not by a registration that could lapse
    again = [*story, visit(5, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    assert attribute(again, RE12, as_of=at(10)).owner == "乙"
    assert split(attribute([*again, deal(12, "乙")], RE12)) == sp(乙=1)
    late = attribute(story, RE12, as_of=at(60))
    assert (late.owner, late.needs_ruling) == (None, False)
    assert late.explain().splitlines()[-1] == (
        "RE12-7.1: every registration on the customer's record has lapsed: nobody holds "
        "the customer"
    )


def test_re14_5_3_2_closed_by_the_new_salesperson_after_both_lapsed() -> None:
    """The new salesperson closes after both registrations lapsed: the case lapsed
    with them, and the deal is the closer's, with no claim against it (the earlier
    one's 20 % lapsed with their registration)."""
    asked = [*seen(0, "甲"), SwitchRequest(at=at(10), customer=C, from_="甲", to="乙")]
    a = attribute([*asked, deal(100, "乙")], RE14)
    assert split(a) == sp(乙=1)
    assert a.explain().splitlines()[-2:] == [
        (
            "RE14-5.2: 乙 closed the deal after every registration behind what was pending "
            "for 乙 and 甲 had lapsed: it lapses with them"
        ),
        "RE14-5.2: 乙 closed the deal with no valid claim against it",
    ]


def test_re14_2_5_a_courtesy_on_another_day_closed_by_the_receiver_after_the_lapse() -> None:
    """乙 received 甲's customer as a courtesy on 11 May (甲 registered through 2 May:
    already lapsed, but the courtesy is recorded as for 甲); 乙 closes two days later:
    no claim stands against 乙."""
    story = [*seen(0, "甲"), visit(70, "乙", courtesy_for="甲"), deal(72, "乙")]
    assert split(attribute(story, RE14)) == sp(乙=1)


def test_household_members_are_each_read_for_who_holds_them() -> None:
    """As of June: 王先生's 甲 lapsed in April; 王太太, 乙's since May, is held."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen_by(wife, 70, "乙"),
        HouseholdLink(at=at(70), customer=C, other=wife),
    ]
    for policy in (RE12, RE14):
        assert attribute(story, policy, as_of=at(90)).owner == "乙"


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_household_members_pending_case_is_read_at_the_deal(policy: Any) -> None:
    """王太太 forgot 丙 and 乙 received her as new (RE12-3.7, RE14-5.3(7)): pending.
    Her case still stands in April (乙's registration is valid); by the July deal on
    王先生 it has lapsed, and brings 乙 nothing."""
    wife = "王太太"
    story = [
        *seen_by(wife, 0, "丙"),
        Visit(at=at(5), customer=wife, received_by="乙", previous=Previous.FORGOT),
        Registration(at=at(5), customer=wife, salesperson="乙", confirmed_at=at(5)),
        *seen(20, "甲"),
        HouseholdLink(at=at(20), customer=C, other=wife),
    ]
    soon = attribute([*story, deal(30, "甲")], policy, customer=C)
    assert "salesperson:乙" in split(soon)
    late = attribute([*story, *seen(110, "甲"), deal(120, "甲")], policy, customer=C)
    assert split(late) == sp(甲=1)
    assert (
        f"{policy.cite('valid')}: [王太太] the registrations behind what was pending for 乙 "
        "had lapsed by the deal"
    ) in late.explain().splitlines()


def test_a_household_member_whose_registrants_all_lost_their_rights_brings_nothing() -> None:
    """RE14-5.3(4) removed both of 王太太's salespeople, each on the other's report: by
    the deal on 王先生 months later, nothing of hers stands (no question, no part)."""
    wife = "王太太"
    story = [
        *seen_by(wife, 0, "乙"),
        SalespersonComplaint(
            at=at(1), customer=wife, against="乙", reported_by="丙", confirmed=True
        ),
        SalespersonComplaint(
            at=at(2), customer=wife, against="丙", reported_by="乙", confirmed=True
        ),
        *seen(100, "甲"),
        HouseholdLink(at=at(100), customer=C, other=wife),
        deal(110, "甲"),
    ]
    a = attribute(story, RE14, customer=C)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_household_members_pending_case_stands_on_a_registration_behind_it(
    policy: Any,
) -> None:
    """王太太 forgot 丙 (registered, still valid) and 乙 received her as new without
    registering: her case stands on 丙's registration at the deal on 王先生, and as of
    then 乙 holds her; months later nothing of hers does."""
    wife = "王太太"
    story = [
        *seen_by(wife, 0, "丙"),
        Visit(at=at(5), customer=wife, received_by="乙", previous=Previous.FORGOT),
        *seen(8, "甲"),
        HouseholdLink(at=at(8), customer=C, other=wife),
    ]
    assert "salesperson:乙" in split(attribute([*story, deal(20, "甲")], policy, customer=C))
    assert attribute(story, policy, customer=wife, as_of=at(20)).owner in ("乙", "甲")
    late = attribute([*story, *seen(120, "甲")], policy, customer=C, as_of=at(125))
    assert late.owner == "甲"
    # RE14-5.3(7) registers 乙 with the rotation's reception; RE12-3.7 does not
    lapsed = (
        "[王太太] every registration on the customer's record has lapsed"
        if policy is RE12
        else "[王太太] 乙's registration has lapsed"
    )
    assert lapsed in late.explain()


def test_a_lapsed_holder_without_a_registration_does_not_hide_the_other_member() -> None:
    """RE12-3.7: 王先生's holder 乙 (received him as new, no registration) lapsed with
    his record; 王太太 is 丁's, registered in June."""
    wife = "王太太"
    story = [
        *seen(0, "丙"),
        visit(5, "乙", previous=Previous.FORGOT),
        *seen_by(wife, 100, "丁"),
        HouseholdLink(at=at(100), customer=C, other=wife),
    ]
    assert attribute(story, RE12, customer=C, as_of=at(110)).owner == "丁"


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_switch_away_from_someone_who_does_not_hold_the_customer_needs_a_ruling(
    policy: Any,
) -> None:
    """RE12-5.2, RE14-5.3(2) speak of the salesperson receiving the customer: a request
    to leave 乙 while the customer is 甲's (甲 registered first and is still valid)
    contradicts the record, and 甲's claim is not moved on its strength."""
    rule = "RE12-5.2" if policy is RE12 else "RE14-5.3(2)"
    story = [
        *seen(0, "甲"),
        *seen(0, "乙", hour=12),
        SwitchRequest(at=at(0, 14), customer=C, from_="乙", to="丙", permitted=True),
        deal(0, "丙", hour=16),
    ]
    a = attribute(story, policy)
    assert a.needs_ruling
    assert a.shares == {}
    assert a.ruling_reason == (
        f"{rule}: the customer asked to leave 乙, but the customer is 甲's: the request "
        "and the record disagree"
    )
    assert "客户要求不再由乙接待，但该客户属于甲" in (a.ruling_text("zh") or "")
    # the same request from 甲, who holds the customer, is the clause's own case
    mended = [*story[:4], attrs.evolve(story[4], from_="甲"), story[5]]
    assert not attribute(mended, policy).needs_ruling


def test_a_switch_away_from_the_lapsed_first_salesperson_after_another_registered() -> None:
    """RE14: 甲's registration lapsed and 乙 registered in June and holds the customer; a
    request naming 甲 does not take 乙's customer away."""
    story = [
        *seen(0, "甲"),
        *seen(95, "乙"),
        SwitchRequest(at=at(100), customer=C, from_="甲", to="丙"),
    ]
    a = attribute(story, RE14, as_of=at(101))
    assert a.needs_ruling
    assert a.owner is None
    assert "asked for 丙" not in a.explain()  # nor is the request applied
    # with nobody's registration valid at the request, nothing stands in its way, whoever
    # the request names
    for named in ("甲", "乙"):
        free = [*seen(0, "甲"), SwitchRequest(at=at(100), customer=C, from_=named, to="丙")]
        a = attribute([*free, deal(101, "丙")], RE14)
        assert split(a) == {"salesperson:丙": 1}
        assert not a.needs_ruling
        said = "甲's registration had lapsed" if named == "甲" else "乙 holds no registration"
        assert f"RE14-5.3(2): the customer asked for 丙; {said}: no part" in a.explain()


# -- households: the members' names decide nothing -------------------------------------


def _household_with_a_switch(lead: str, other: str) -> list[Any]:
    """``lead`` is 甲's; ``other`` was 甲's until the manager let 乙 take over (RE12-5.2)."""
    return [
        *seen_by(lead, 0, "甲"),
        *seen_by(other, 1, "甲"),
        SwitchRequest(at=at(1, 11), customer=other, from_="甲", to="乙", permitted=True),
        HouseholdLink(at=at(2), customer=lead, other=other),
        Deal(at=at(5, 15), customer=lead, closed_by="甲"),
    ]


@pytest.mark.parametrize(("lead", "other"), [("王先生", "王太太"), ("王太太", "王先生")])
def test_re12_7_4_a_member_whose_own_claim_is_split_brings_an_equal_part(
    lead: str, other: str
) -> None:
    """RE12-7.4 with RE12-5.2: the two members' claims weigh alike, the switched member's
    half split 70/30 as its clause says, whichever member's name sorts first (it once
    decided the household's split)."""
    a = attribute(_household_with_a_switch(lead, other), RE12, customer=lead)
    assert split(a) == sp(甲=Fraction(17, 20), 乙=Fraction(3, 20))
    assert "each member's claim an equal part" in a.explain()


def test_re14_5_3_11_members_first_seen_at_one_instant_by_different_salespeople() -> None:
    """RE14-5.3(11): the first salesperson wins; two members first received at the same
    instant by different salespeople have no first one (never the member whose name
    sorts first)."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen_by(wife, 0, "乙"),
        HouseholdLink(at=at(1), customer=C, other=wife),
    ]
    for closer in ("甲", "乙"):
        a = attribute([*story, deal(5, closer)], RE14, customer=C)
        assert a.needs_ruling
        assert a.ruling_reason == "RE14-5.1: household members first seen at the same instant"
        assert "RE14-5.1: household members first seen at one instant" in a.explain()
    # 乙 received 王太太 a minute later: 甲 was first
    later = [
        *seen(0, "甲"),
        Visit(at=at(0, 10.02), customer=wife, received_by="乙"),
        Registration(at=at(0, 10.02), customer=wife, salesperson="乙", confirmed_at=at(0, 10.02)),
        HouseholdLink(at=at(1), customer=C, other=wife),
    ]
    assert split(attribute([*later, deal(5, "乙")], RE14, customer=C)) == sp(甲=1)


def test_a_policy_without_a_household_clause_asks_for_a_ruling_at_the_deal_too() -> None:
    """RE11 has no household clause: a linked household's deal needs a ruling, as its
    holder before the deal already did (it once split 50/50 under RE12's clause)."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen_by(wife, 1, "乙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    a = attribute([*story, deal(5, "甲")], RE11, customer=C)
    assert a.needs_ruling
    assert a.ruling_reason == "RE11: RE11 has no household clause"
    assert "RE11: one household held by 乙 and 甲" in a.explain().splitlines()
    assert attribute(story, RE11, customer=C).ruling_reason == a.ruling_reason
    # a host's policy without the clause cites its own fallback (RE12-7.7)
    custom = attrs.evolve(RE12, household=None)
    a = attribute([*story, deal(5, "甲")], custom, customer=C)
    assert a.ruling_reason == "RE12-7.7: RE12 has no household clause"
    assert "RE12-7.7: one household held by 乙 and 甲" in a.explain().splitlines()


def test_household_members_rulings_at_one_instant_must_agree() -> None:
    """Two rulings recorded at one instant, one on each member, that decide differently:
    nothing orders them (it was the member whose name sorts last)."""
    wife = "王太太"

    def ruling(customer: str, **shares: int) -> Ruling:
        return tenths(6, customer, **shares)

    story = [
        *seen(0, "甲"),
        *seen_by(wife, 1, "乙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    story.append(deal(5, "甲"))
    with pytest.raises(InvalidInputError, match="decide differently") as caught:
        attribute([*story, ruling(C, 甲=10), ruling(wife, 乙=10)], RE12, customer=C)
    assert "王先生 + 王太太" in str(caught.value)
    assert caught.value.value == [ruling(C, 甲=10), ruling(wife, 乙=10)]
    # a day apart, the later ruling decides
    later = [*story, ruling(C, 甲=10), attrs.evolve(ruling(wife, 乙=10), at=at(7))]
    assert split(attribute(later, RE12, customer=C)) == sp(乙=1)
    agreed = [*story, ruling(C, 甲=5, 乙=5), ruling(wife, 甲=5, 乙=5)]
    assert split(attribute(agreed, RE12, customer=C)) == sp(甲=H, 乙=H)


def test_a_rulings_equal_shares_name_the_first_received_by_time_not_by_member_name() -> None:
    """A ruling with equal shares and no owner, neither of them the holder: the owner is
    the one who received the household first, by time (王太太 by 乙 on day 0), not the
    first received on the member whose name sorts first (王先生, by 丙 on day 2)."""
    wife = "王太太"
    story = [
        *seen_by(wife, 0, "乙"),
        *seen(1, "甲"),
        visit(2, "丙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
        deal(5, "甲"),
        Ruling(
            at=at(6),
            customer=C,
            by="项目经理",
            approved_by="销售总监",
            shares={"salesperson:乙": H, "salesperson:丙": H},
        ),
    ]
    assert attribute(story, RE12, customer=C).owner == "乙"
    # 丙 received 王先生 at the instant 乙 received 王太太: nothing orders them
    at_once = [
        attrs.evolve(e, at=at(0)) if e.at == at(2) and type(e) is Visit else e for e in story
    ]
    a = attribute(at_once, RE12, customer=C)
    assert (a.owner, split(a)) == (None, sp(乙=H, 丙=H))
    # unless 丙 received 王先生 only as a courtesy for 甲: 乙's reception was as their own
    courtesy = [
        attrs.evolve(e, courtesy_for="甲") if type(e) is Visit and e.received_by == "丙" else e
        for e in at_once
    ]
    assert attribute(courtesy, RE12, customer=C).owner == "乙"


def test_before_a_deal_a_households_equal_ruling_names_the_first_reception() -> None:
    """No deal yet: a ruling with equal shares and no owner for a household whose
    members are held by different salespeople names the one who received the
    household first (乙, 王太太, day 0), not the holder of the member whose name sorts
    first (甲, 王先生); when every member has the same holder, that holder."""
    wife = "王太太"
    story = [
        *seen(1, "甲"),
        *seen_by(wife, 0, "乙"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    a = attribute([*story, tenths(3, C, 甲=5, 乙=5)], RE12, customer=C)
    assert (a.owner, a.shares) == ("乙", {})
    same = [
        *seen(1, "甲"),
        *seen_by(wife, 0, "甲"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    same.append(visit(1.5, "乙", courtesy_for="甲"))
    assert attribute([*same, tenths(3, C, 甲=5, 乙=5)], RE12, customer=C).owner == "甲"


def test_before_a_deal_a_household_follow_up_is_named_only_if_every_member_agrees() -> None:
    """RE12-5.2 named 乙 to follow 王先生 up; 王太太, also 甲's, names nobody: 甲 holds the
    household and follows it up (it once took the follow-up of the member whose name
    sorts first)."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        *seen_by(wife, 1, "甲"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    for member in (C, wife):
        a = attribute(story, RE12, customer=member)
        assert (a.owner, a.follow_up) == ("甲", "甲")
    alone = attribute(story[:3], RE12, customer=C)  # 王先生 alone: 乙 follows up
    assert (alone.owner, alone.follow_up) == ("甲", "乙")


def test_re12_3_10_a_serious_fault_during_a_tie_ends_the_tie() -> None:
    """甲 and 乙 registered at one instant (RE12-7.3: a tie); the customer then refused 甲
    for a serious fault and 丙, next in rotation, received them as new (RE12-3.10): 甲
    lost every right, so the tie needs no ruling, as after RE14-5.3(4)."""
    tied = [visit(0, "甲"), reg(0, "甲"), reg(0, "乙")]
    refused = SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious", granted_to="丙")
    a = attribute([*tied, refused, deal(3, "丙")], RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=1))
    assert "RE12-7.3: 甲 lost every right: the tie needs no ruling" in a.explain().splitlines()
    # nobody recorded as taking over: 乙's registration stands, and of the valid
    # registrations left the earlier wins (RE12-7.3), whoever closes; nothing says 甲's
    # registration lapsed (before: a ruling on who took over, and, once a deal's closer
    # took the customer over, the deal went to 丙 past 乙's registration)
    nobody = attrs.evolve(refused, granted_to=None)
    for closer in ("乙", "丙"):
        a = attribute([*tied, nobody, deal(3, closer)], RE12)
        assert (a.needs_ruling, split(a)) == (False, sp(乙=1))
        assert a.explain().splitlines()[2:] == [
            "RE12-3.10: 甲 lost the customer for a serious fault",
            "RE12-7.3: 乙 registered meanwhile (2026-03-02 10:00) and holds the customer",
        ]
    # a registration of 乙's that lapsed long before holds nothing: who took over needs
    # a ruling until someone does
    lapsed = [*seen(-60, "乙"), *tied[:2], nobody]
    assert attribute(lapsed, RE12, as_of=at(2)).needs_ruling
    # the same when 乙 registered the customer after 甲 that morning
    later = [*seen(0, "甲"), reg(0.01, "乙"), nobody, deal(3, "丙")]
    assert split(attribute(later, RE12)) == sp(乙=1)


@pytest.mark.parametrize(("plain", "named"), [("甲", "乙"), ("乙", "甲")])
def test_records_nothing_orders_lapse_with_every_claim_of_their_day(
    plain: str, named: str
) -> None:
    """Two visits at one instant (one by a salesperson the new customer named on
    entering, RE12-5.1) and a firm refusal of the other: read in one order the named
    salesperson held the customer, in the other the refused one did and lost every
    right (RE12-3.10).  Within the month the case needs a ruling; a month later every
    claim of that day has lapsed, the question and the removal with them, and the deal
    is its closer's in either order, whatever the names."""
    story = [
        visit(0, plain),
        reg(0, plain),
        visit(0, named, named_on_entry=True),
        SwitchRequest(at=at(0), customer=C, from_=plain, firm=True),
    ]
    early = attribute([*story, deal(20, plain)], RE12)
    assert (early.owner, early.shares, early.needs_ruling) == (None, {}, True)
    late = attribute([*story, deal(32, plain)], RE12)
    assert (late.needs_ruling, split(late), late.follow_up) == (False, sp(**{plain: 1}), plain)
    assert "nothing orders" not in late.explain()


def test_records_nothing_orders_never_decide_by_the_engines_own_order() -> None:
    """Two company introductions at one instant that say different things (brought by
    the company, RE12-6.3; a deal it arranged, RE12-6.5): a question for the manager.
    Once it has lapsed, the answer would be whichever order the engine read them in:
    the case needs a ruling."""
    intros = [
        CompanyIntroduction(at=at(-1), customer=C, by="刘总"),
        CompanyIntroduction(
            at=at(-1), customer=C, by="刘总", arranged_deal=True, after_sales="other_staff"
        ),
    ]
    story = [*intros, visit(0, "乙"), reg(0, "乙"), deal(40, "丙")]
    why = (
        "RE12-7.3: the records at the same instant (2026-03-01 10:00) that nothing orders "
        "decide the case: read the other way round, they give another answer"
    )
    for events in (story, story[::-1]):
        a = attribute(events, RE12)
        assert (a.owner, a.shares, a.needs_ruling, a.follow_up) == (None, {}, True, None)
        assert (a.ruling_reason, a.explain().splitlines()[-1]) == (why, why)
        assert "按相反顺序读取会得出不同答案" in (a.ruling_text("zh") or "")
    # an hour apart the records are ordered by their times: no such question
    apart = [intros[0], attrs.evolve(intros[1], at=at(-1, 11)), *story[2:]]
    assert "nothing orders" not in attribute(apart, RE12).explain()


def test_records_nothing_orders_that_give_one_answer_either_way_decide() -> None:
    """Two first visits at one instant (甲 and 乙, a question for the manager): read either
    way round they give the same answer, so once that question has lapsed the clauses
    decide.  RE14-5.3(8): 丙, named on the n-th visit, shares half with the earlier
    salesperson who registered (甲); and a registration confirmed after the deal's day
    still does not count (RE12-7.2) in either order."""
    pair = [visit(0, "甲"), visit(0, "乙")]
    nth = [
        *pair,
        reg(0, "甲", hour=11),
        visit(5, "丙", previous=Previous.NAMES, asked_for=["丙"]),
        reg(5, "丙"),
        reg(60, "丙"),  # 丙 follows the customer up: the case stands
        deal(70, "丙"),
    ]
    a = attribute(nth, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=H, 甲=H))  # 乙 never registered
    late = [*pair, reg(40, "丙", confirmed=24 * 5 + 10), deal(41, "丁")]
    a = attribute(late, RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(丁=1))


def test_a_rulings_equal_shares_after_records_nothing_orders_name_nobody_by_them() -> None:
    """Two visits at one instant, one named on entry: who held the customer depends on
    the order they are read in, so a ruling's equal shares are not broken by it; the
    ruling decides, and names nobody (both received at that instant)."""
    story = [visit(0, "甲"), reg(0, "甲"), visit(0, "乙", named_on_entry=True), deal(3, "甲")]
    a = attribute([*story, tenths(4, C, 甲=5, 乙=5)], RE12)
    assert (a.needs_ruling, split(a), a.owner) == (False, sp(甲=H, 乙=H), None)
    assert a.explain().splitlines()[-1] == (
        "RE12-7.7: 乙 and 甲 hold equal shares, and neither who held the customer nor who "
        "received it first tells them apart: nobody is named owner"
    )
    assert a.explain("zh").splitlines()[-1] == (
        "RE12-7.7: 乙和甲的份额相同，且无论此前由谁持有客户、谁最先接待都无法区分：不指定归属人"
    )


def test_a_rulings_equal_largest_shares_are_the_ones_named_as_equal() -> None:
    """A ruling of 2/5, 2/5 and 1/5 to 甲, 乙 and the holder 丙: the two largest are equal,
    and neither held nor received the customer; the trail names those two, not the
    smallest."""
    ruling = Ruling(
        at=at(5),
        customer=C,
        by="项目经理",
        shares={
            "salesperson:甲": Fraction(2, 5),
            "salesperson:乙": Fraction(2, 5),
            "salesperson:丙": Fraction(1, 5),
        },
        approved_by="销售总监",
    )
    a = attribute([*seen(0, "丙"), ruling, deal(6, "丙")], RE12)
    assert (a.owner, a.needs_ruling) == (None, False)
    assert a.explain().splitlines()[-1] == (
        "RE12-7.7: 乙 and 甲 hold equal shares, and neither who held the customer nor who "
        "received it first tells them apart: nobody is named owner"
    )


def test_a_rulings_equal_shares_go_to_the_holder_before_the_first_reception() -> None:
    """A ruling with equal shares and no owner: the salesperson holding the customer at
    the deal (乙, registered), though 甲 received the customer first; in a household,
    the deal's member's holder."""
    story = [visit(0, "甲"), *seen(1, "乙"), deal(2, "乙")]
    assert attribute([*story, tenths(3, C, 甲=5, 乙=5)], RE12).owner == "乙"
    wife = "王太太"
    household = [
        *seen(1, "乙"),
        *seen_by(wife, 0, "甲"),
        HouseholdLink(at=at(1), customer=C, other=wife),
        deal(2, "乙"),
    ]
    assert attribute([*household, tenths(3, C, 甲=5, 乙=5)], RE12, customer=C).owner == "乙"
    # before a deal, with both members held by 甲, 甲, though 乙 received first
    before = [
        visit(0, "乙"),
        *seen(1, "甲"),
        *seen_by(wife, 2, "甲"),
        HouseholdLink(at=at(2), customer=C, other=wife),
    ]
    assert attribute([*before, tenths(3, C, 甲=5, 乙=5)], RE12, customer=C).owner == "甲"


def test_no_event_known_as_of_an_instant_names_the_customer() -> None:
    """``as_of`` before the only event: nobody holds the customer the event is about."""
    a = attribute([visit(3, "甲")], RE12, as_of=at(1))
    assert (a.customer, a.owner, a.shares, a.needs_ruling) == (C, None, {}, False)


def test_no_event_known_as_of_an_instant_names_a_household_whatever_the_order() -> None:
    """Before any event of a household's, the case is named as its events name it later,
    not by whichever member's event comes first in the list; a customer asked for by
    name is that customer."""
    wife = "王太太"
    story = [
        *seen_by(wife, 3, "乙"),
        *seen(2, "甲"),
        HouseholdLink(at=at(4), customer=C, other=wife),
    ]
    for events in (story, story[::-1]):
        assert attribute(events, RE12, as_of=at(1)).customer == f"{C} + {wife}"
        assert attribute(events, RE12).customer == f"{C} + {wife}"
        assert attribute(events, RE12, as_of=at(1), customer=wife).customer == wife


@pytest.mark.parametrize(
    "request_",
    [{"fault": "serious"}, {"firm": True}, {"permitted": True}, {"granted_to": "乙"}],
)
def test_re12_a_returning_customer_who_refuses_the_salesperson_needs_a_ruling(
    request_: dict[str, Any],
) -> None:
    """RE12-3.10 speaks of a new customer mid-reception; a returning customer who refuses
    甲 without naming anyone, for a serious fault, firmly, or with the manager's leave,
    has no clause (RE12-7.7)."""
    refused = SwitchRequest(at=at(5), customer=C, from_="甲", **request_)
    a = attribute([*seen(0, "甲"), refused, deal(6, "甲")], RE12)
    assert a.ruling_reason == "RE12-7.7: a returning customer refused 甲: no clause"


@pytest.mark.parametrize(("fault", "zh"), [("none", "无过错"), ("minor", "轻微过错")])
@pytest.mark.parametrize("closer", ["甲", "乙"])
def test_re12_5_3_a_returning_customers_mild_refusal_is_refused_in_principle(
    fault: str, zh: str, closer: str
) -> None:
    """A decision: a returning customer who asks to leave 甲 without naming another, with no
    serious fault, not firmly and not granted, is refused in principle, as RE12-3.10
    refuses a new customer's and RE12-5.3 a returning customer's request for another:
    nothing changes, whoever closes the deal (before, every such request asked the
    manager for a ruling)."""
    mild = SwitchRequest(at=at(5), customer=C, from_="甲", fault=fault)
    a = attribute([*seen(0, "甲"), mild, deal(6, closer)], RE12)
    assert split(a) == sp(甲=1)
    assert not a.needs_ruling
    step = next(s for s in a.steps if s.rule == "RE12-5.3")
    assert step.facts.startswith("the returning customer asked to leave 甲 (")
    zh_step = next(s for s in a.steps_in("zh") if s.rule == "RE12-5.3")
    assert zh_step.facts == f"回访客户要求不再由甲接待（{zh}）：原则上不予支持"
    # after RE12-5.2's 70/30 on the first day, the split stands
    switched = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
    ]
    assert split(attribute([*switched, mild, deal(6, closer)], RE12)) == sp(
        甲=Fraction(7, 10), 乙=Fraction(3, 10)
    )
    # on the day a customer forgot 甲, refusing the new salesperson 乙: (j) still decides
    forgot = [*seen(0, "甲"), *seen(10, "乙", previous=Previous.FORGOT)]
    calm = SwitchRequest(at=at(10, 11), customer=C, from_="乙", fault=fault)
    b = attribute([*forgot, calm, deal(12, closer)], RE12)
    assert split(b) == sp(乙=1)
    assert [s.rule for s in b.steps][-2:] == ["RE12-5.3", "RE12-3.7(j)"]
    # a refusal of one who had already lost every right to 丙 leaves the customer 丙's
    lost = SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious", granted_to="丙")
    c = attribute([*seen(0, "甲"), lost, mild, deal(6, closer)], RE12)
    assert split(c) == sp(丙=1)
    assert not c.needs_ruling


@pytest.mark.parametrize("closer", ["甲", "丙"])
def test_re12_3_7_a_deal_that_day_closed_by_another_than_the_new_salesperson(
    closer: str,
) -> None:
    """RE12-3.7: the customer forgot 甲 and 乙 received them as new; a deal that day
    closed by 甲 (or by 丙) is neither 乙's deal on the spot (h) nor a recognition that
    day (g, not recorded): a ruling, not "乙 closed the deal on the spot"."""
    story = [*seen(0, "甲"), visit(1, "乙", previous="forgot"), deal(1, closer)]
    a = attribute(story, RE12)
    assert (a.owner, a.shares, a.needs_ruling) == (None, {}, True)
    assert a.ruling_reason == (
        f"RE12-3.7: {closer} closed the deal the day 乙 received the customer, who had "
        "forgotten 甲, as new: neither a recognition that day (RE12-3.7(g)) nor 乙's deal on "
        "the spot (RE12-3.7(h)) is recorded"
    )
    # closed by 乙, it is (h); recognised first, it is (g)
    assert split(attribute([*story[:-1], deal(1, "乙")], RE12)) == {"salesperson:乙": 1}
    recognised = Recognition(at=at(1, 12), customer=C, original="甲")
    assert split(attribute([*story[:-1], recognised, deal(1, closer)], RE12)) == {
        "salesperson:甲": 1
    }


def test_a_registration_leaves_a_customer_a_clause_gave_to_an_unregistered_salesperson() -> None:
    """RE12-3.7 gives the forgetful customer to 乙, who did not register (yet): 甲
    registering again, or 丙 registering, changes nothing while 甲's first registration
    is valid (it was read as "乙's registration had lapsed", and 甲 or 丙 took the
    customer); once every registration on the record has lapsed, a registration does
    take the customer."""
    forgot = [*seen(0, "甲"), visit(1, "乙", previous="forgot")]
    for who in ("甲", "丙"):
        a = attribute([*forgot, reg(2, who), deal(10, "乙")], RE12)
        assert (a.owner, split(a)) == ("乙", {"salesperson:乙": 1})
        assert str(a.steps[2]) == (
            f"RE12-7.3: {who} registered the customer, whom a clause gave to 乙 (above): the "
            "registration changes nothing"
        )
    # two registrations at one instant change nothing either (no tie to rule on)
    both = attribute([*forgot, reg(2, "甲"), reg(2, "丙"), deal(10, "乙")], RE12)
    assert (both.owner, split(both), both.needs_ruling) == ("乙", {"salesperson:乙": 1}, False)
    late = attribute([*forgot, reg(40, "丙"), deal(41, "丙")], RE12)
    assert (late.owner, split(late)) == ("丙", {"salesperson:丙": 1})
    assert [str(s) for s in late.steps[2:4]] == [
        "RE12-7.1: every registration 乙's hold rested on had lapsed: no claim",
        "RE12-7.3: 丙 registered the customer (2026-04-11 10:00)",
    ]


def test_a_policy_without_the_forgetful_customer_clause_asks_for_a_ruling() -> None:
    """A host's policy with ``forgot=None`` has no clause for a customer who forgot the
    salesperson: the case needs a ruling, citing the policy's fallback."""
    custom = attrs.evolve(RE12, forgot=None)
    a = attribute([*seen(0, "甲"), visit(3, "乙", previous="forgot"), deal(4, "乙")], custom)
    assert a.ruling_reason == "RE12-7.7: a returning customer who forgot the salesperson"


FORGOT_乙 = [*seen(0, "甲"), visit(1, "乙", previous="forgot")]  # RE12-3.7: 乙's, unregistered


@pytest.mark.parametrize(
    ("later", "shares", "line"),
    [
        (  # RE12-4: a courtesy for 甲, whose customer it no longer is
            [visit(3, "丙", courtesy_for="甲"), deal(10, "乙")],
            {"salesperson:乙": 1},
            "RE12-4: 丙 received the customer for 甲, but the customer is 乙's",
        ),
        (  # RE12-3.7 again: the customer forgot 乙, and 丙 closes on the spot
            [visit(5, "丙", previous="forgot"), deal(5, "丙")],
            {"salesperson:丙": 1},
            "RE12-3.7: the customer had visited but forgot 乙; 丙 received them as a new customer",
        ),
        (  # ... or 乙 is recognised within the month
            [
                visit(5, "丙", previous="forgot"),
                Recognition(at=at(8), customer=C, original="乙"),
                deal(12, "丙"),
            ],
            {"salesperson:乙": H, "salesperson:丙": H},
            "RE12-3.7: the customer had visited but forgot 乙; 丙 received them as a new customer",
        ),
        (  # RE12-3.6 / 5.3: naming another salesperson is refused in principle
            [visit(5, "丙", previous="names", asked_for=["丙"]), deal(12, "丙")],
            {"salesperson:乙": 1},
            "RE12-5.3: the customer named 丙, but is 乙's: naming another is refused in principle",
        ),
    ],
)
def test_a_customer_a_clause_gave_to_an_unregistered_salesperson_is_theirs(
    later: list[Any], shares: dict[str, Fraction], line: str
) -> None:
    """RE12-3.7 gives the forgetful customer to 乙, who did not register: while 甲's
    registration stands behind the case, the customer is 乙's for the other clauses
    too (it was read as "乙's registration had lapsed": a courtesy kept the customer
    甲's, a second forgetful visit changed nothing, a visit naming 丙 gave 丙 all)."""
    a = attribute([*FORGOT_乙, *later], RE12)
    assert split(a) == shares
    assert line in [str(step) for step in a.steps]


@pytest.mark.parametrize(
    ("request_", "closer", "expected"),
    [
        ({"fault": "serious"}, "甲", {"甲": 1}),  # no ruling: nobody to refuse
        ({"to": "甲", "permitted": True}, "丙", {"甲": 1}),  # 甲's from the request
        ({"to": "甲"}, "丙", {"丙": 1}),  # refused: the registrations decide
    ],
)
def test_re12_a_returning_customer_leaving_a_salesperson_whose_registration_lapsed(
    request_: dict[str, Any], closer: str, expected: dict[str, int]
) -> None:
    """RE12-5.3 and RE12-3.10 with RE12-7.1: 乙's month is long over when the customer
    asks to leave 乙.  There is nobody to leave: a refusal needs no ruling (before, it
    asked the manager: "a returning customer refused 乙: no clause"), and a customer the
    manager lets go to 甲 is 甲's from then on (before, the trail said "all to 乙" and the
    deal went to whoever closed it)."""
    story = [
        *seen(0, "乙"),
        SwitchRequest(at=at(70), customer=C, from_="乙", **request_),
        deal(72, closer),
    ]
    a = attribute(story, RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(**expected))
    assert a.explain().splitlines()[1] == "RE12-7.1: 乙's registration had lapsed"
    assert "all to 乙" not in a.explain()
    if request_.get("permitted"):
        assert a.explain().splitlines()[2] == "RE12-3.6: the customer asked for 甲"


def test_re14_5_3_5_the_first_named_present_registers_from_that_visit() -> None:
    """RE14-5.3(5): 甲, the first named salesperson present, receives the customer and
    holds them by a registration of their own from that visit: when the customer then
    names 丙 (RE14-5.3(8)), 甲 is one of the earlier salespeople sharing the other half."""
    story = [
        *seen(0, "丁"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["甲", "乙"]),
        visit(10, "丙", previous=Previous.NAMES, asked_for=["丙"]),
        deal(12, "丙"),
    ]
    q = Fraction(1, 4)
    assert split(attribute(story, RE14)) == sp(丙=H, 丁=q, 甲=q)


def test_re14_a_switch_request_naming_nobody_changes_nothing() -> None:
    """RE14-5.3(2) needs the salesperson the customer asks for: naming nobody, the
    request changes nothing and the trail cites RE14-5.2 (the customer's wishes)."""
    story = [*seen(0, "甲"), SwitchRequest(at=at(3), customer=C, from_="甲"), deal(5, "甲")]
    a = attribute(story, RE14)
    assert split(a) == sp(甲=1)
    assert a.explain().splitlines()[-1] == (
        "RE14-5.2: the customer asked for another salesperson, nobody named"
    )


# -- a customer who started over: a lapsed time decides nothing ------------------------------


def test_a_history_whose_claims_all_lapsed_decides_nothing() -> None:
    """RE12-7.1, RE14-5.2: once every claim has lapsed the customer starts over, and the
    old time's records decide nothing of the new one (each case failed before)."""
    # RE12-7.3: of the registrations valid when 丙's lapsed, 乙's (1 May) came before
    # 甲's (2 May); 甲's January registration, long lapsed, does not make 甲 first
    story = [*seen(0, "甲"), *seen(49, "丙"), *seen(60, "乙"), *seen(61, "甲"), deal(82, "丁")]
    a = attribute(story, RE12)
    assert split(a) == sp(乙=1)
    assert a.explain().splitlines()[-1] == (
        "RE12-7.3: 乙 registered meanwhile (2026-05-01 10:00) and holds the customer"
    )
    # RE14-5.1: an evening-meeting record of an earlier year does not decide a tie today
    old = [*seen(0, "丙"), MeetingRecord(at=at(0, 20), customer=C, first="乙")]
    tie = [visit(400, "乙"), reg(400, "甲"), reg(400, "乙"), deal(403, "甲")]
    assert attribute([*old, *tie], RE14).needs_ruling
    # RE12-3.7: 丙, who registered the customer a year ago, receives them as new without
    # registering: 丙 holds by the clause, not by the lapsed registration
    forgot = [*seen(400, "丁"), visit(401, "丙", previous=Previous.FORGOT), deal(401, "丙")]
    assert split(attribute([*seen(0, "丙"), *forgot], RE12)) == sp(丙=1)
    # RE14-5.3(2): the salesperson a switch named a year ago no longer follows the customer
    # up: a request to leave them now contradicts the register
    switched = [
        *seen(0, "丙"),
        SwitchRequest(at=at(0, 11), customer=C, from_="丙", to="甲", permitted=True),
    ]
    leave = SwitchRequest(at=at(401), customer=C, from_="甲", to="丁")
    a = attribute([*switched, *seen(400, "乙"), leave, deal(402, "乙")], RE14)
    assert a.ruling_reason == (
        "RE14-5.3(2): the customer asked to leave 甲, but the customer is 乙's: the request "
        "and the record disagree"
    )


# -- a colleague's reception shares the holder's part, not the whole deal -----------------


def _switched() -> list[Any]:
    """RE14-5.3(2): 甲 received the customer, who then asked for 丙: 丙 4/5, 甲 1/5."""
    return [
        *seen(0, "甲"),
        SwitchRequest(at=at(3), customer=C, from_="甲", to="丙", permitted=True),
        visit(3, "丙"),
    ]


def test_re14_2_5_a_courtesy_leaves_a_split_the_clauses_set_before_it() -> None:
    """RE14-2.5 否则属义务接待: 丁 received 丙's returning customer for 丙 on a day the deal
    did not close: a courtesy, which changes nothing.  Before, it paid 丙 everything and
    甲's 20 % (RE14-5.3(2)) was lost; the same for RE14-5.3(7)'s and (8)'s 50/50 and for
    a ruling's split."""
    courtesy = visit(8, "丁", previous=Previous.NAMES, courtesy_for="丙")
    a = attribute([*_switched(), courtesy, deal(12, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert (a.owner, a.follow_up) == ("丙", "丙")
    assert a.explain().splitlines()[-2:] == [
        "RE14-2.5: 丁, in turn, received 丙's returning customer",
        "RE14-2.5: no deal that day: 丁's reception was a courtesy",
    ]
    # RE14-5.3(7): 乙 found 甲 in the records: 50/50, and 丁's courtesy for 乙 leaves it
    found = [
        *seen(0, "甲"),
        *seen(3, "乙", previous=Previous.FORGOT),
        Recognition(at=at(5), customer=C, original="甲", by_records=True),
        visit(8, "丁", previous=Previous.NAMES, courtesy_for="乙"),
        deal(12, "乙"),
    ]
    assert split(attribute(found, RE14)) == sp(乙=H, 甲=H)
    # RE14-5.3(8): on the third visit the customer named 丙; 甲 and 乙 received before
    nth = [
        *seen(0, "甲"),
        *seen(2, "乙", previous=Previous.NAMES),
        visit(4, "丙", previous=Previous.NAMES, asked_for=["丙"]),
        visit(8, "丁", previous=Previous.NAMES, courtesy_for="丙"),
        deal(12, "丙"),
    ]
    assert split(attribute(nth, RE14)) == sp(丙=H, 甲=Fraction(1, 4), 乙=Fraction(1, 4))
    # a ruling before the deal: its split stands
    ruled = [
        *seen(0, "甲"),
        *seen(3, "乙", previous=Previous.FORGOT),
        Ruling(
            at=at(5),
            customer=C,
            by="经理",
            shares={"salesperson:甲": H, "salesperson:乙": H},
            owner="甲",
        ),
        visit(8, "丙", previous=Previous.NAMES, courtesy_for="甲"),
        deal(12, "甲"),
    ]
    assert split(attribute(ruled, RE14)) == sp(甲=H, 乙=H)


def test_re14_2_5_a_same_day_deal_splits_the_holders_part() -> None:
    """RE14-2.5 如果当日成交，奖金则五五分成: the bonus of the salesperson the customer came
    back to is shared with the one who received them that day; a part another clause
    gave someone else stands (before, 甲's 20 % went to nobody and 丁 took half)."""
    courtesy = visit(8, "丁", previous=Previous.NAMES, courtesy_for="丙")
    a = attribute([*_switched(), courtesy, deal(8, "丙", hour=16)], RE14)
    assert split(a) == sp(丙=Fraction(2, 5), 丁=Fraction(2, 5), 甲=Fraction(1, 5))
    assert a.explain().splitlines()[-1] == (
        "RE14-2.5: the deal closed the same day: 丁 and 丙 split 丙's part (4/5); the other "
        "parts stand"
    )
    assert a.explain("zh").splitlines()[-1] == (
        "RE14-2.5: 当天成交：丁与丙分享丙的份额（4/5）；其余份额不变"
    )
    # a forgetful customer's new salesperson, 乙, is the one the customer came back to
    forgot = [
        *seen(0, "甲"),
        *seen(3, "乙", previous=Previous.FORGOT),
        visit(8, "丁", previous=Previous.NAMES, courtesy_for="乙"),
        deal(8, "乙", hour=16),
    ]
    assert split(attribute(forgot, RE14)) == sp(乙=H, 丁=H)


def test_re14_5_3_3_the_assistant_shares_the_named_salespersons_part() -> None:
    """RE14-5.3(3) 客户指名找b，b不在，由c协助 ... b占80%，c占20%: of b's part.  After a switch
    (丙 4/5, 甲 1/5), 丁 assists the absent 丙: 丙 16/25, 丁 4/25, and 甲 keeps 1/5."""
    assisted = visit(8, "丁", previous=Previous.NAMES, asked_for=["丙"], courtesy_for="丙")
    a = attribute([*_switched(), assisted, deal(12, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(16, 25), 丁=Fraction(4, 25), 甲=Fraction(1, 5))
    assert a.explain().splitlines()[-1] == (
        "RE14-5.3(3): 丙's part (4/5) is theirs with 丁, who assisted; the other parts stand"
    )
    assert sum(a.split(Decimal("300000.00")).values()) == Decimal("300000.00")


def test_a_courtesy_before_the_customer_forgot_is_over() -> None:
    """RE14-2.5 then RE14-5.3(7): 丁 received 甲's customer as a courtesy; later the
    customer forgot 甲 and 乙 received them, and 乙 found 甲 in the records: 50/50, and
    the same-day deal owes 丁 nothing (丁's courtesy was for 甲, on another day)."""
    story = [
        *seen(0, "甲"),
        visit(2, "丁", previous=Previous.NAMES, courtesy_for="甲"),
        *seen(3, "乙", previous=Previous.FORGOT),
        Recognition(at=at(5), customer=C, original="甲", by_records=True),
        deal(5, "乙", hour=16),
    ]
    assert split(attribute(story, RE14)) == sp(乙=H, 甲=H)


@pytest.mark.parametrize(("policy", "rule"), [(RE12, "RE12-3.6"), (RE14, "RE14-5.3(1)")])
def test_a_returning_customer_received_by_another_says_whose_they_stay(
    policy: Any, rule: str
) -> None:
    """A returning customer received by a colleague, the visit not recorded as a courtesy:
    the customer stays the holder's, and the trail says so (before, it said nothing)."""
    for kw in ({}, {"asked_for": ["甲"]}):
        story = [*seen(0, "甲"), visit(8, "丁", previous=Previous.NAMES, **kw), deal(12, "甲")]
        a = attribute(story, policy)
        assert split(a) == sp(甲=1)
        assert a.explain().splitlines()[1] == (
            f"{rule}: 丁 received 甲's returning customer: the customer stays 甲's"
        )
        # once 甲's registration has lapsed, the customer is nobody's to stay with
        lapsed = [*seen(0, "甲"), visit(70, "丁", previous=Previous.NAMES, **kw), deal(72, "丁")]
        a = attribute(lapsed, policy)
        assert split(a) == sp(丁=1)
        assert "stays" not in a.explain()


def test_re12_5_3_a_courtesy_after_a_70_30_split_leaves_it() -> None:
    """RE12-5.2 then RE12-5.3: the manager let 乙 take over from 甲 mid-reception (70/30);
    when the customer came back and asked for 丙, the manager allowed 丙 a courtesy
    reception: 丙 gets nothing and the 70/30 stands; the trail no longer says "all to 甲"
    of a deal that pays 乙 30 %."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        SwitchRequest(at=at(8), customer=C, from_="甲", to="丙", permitted=True),
        visit(8, "丙"),
        deal(12, "甲"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))
    assert a.explain().splitlines()[-1] == (
        "RE12-5.3: 丙 received the returning customer as a courtesy: no part for 丙; the split "
        "above stands"
    )
    assert (
        a.explain("zh").splitlines()[-1]
        == "RE12-5.3: 丙义务接待了回访客户：丙不参与分成；上述分成不变"
    )
    alone = [*seen(0, "甲"), *story[3:]]
    assert attribute(alone, RE12).explain().splitlines()[-1] == (
        "RE12-5.3: 丙 received the returning customer as a courtesy: all to 甲"
    )


def test_re14_5_3_6_a_discount_visit_after_a_switch_leaves_the_split() -> None:
    """RE14-5.3(2) then RE14-5.3(6): after the customer asked for 丙 (丙 4/5, 甲 1/5), they
    went to 丁 for a discount: 丁 gets nothing, the 80/20 stands, and the trail no longer
    says the whole bonus is 丙's."""
    discount = visit(8, "丁", for_discount=True)
    a = attribute([*_switched(), discount, deal(12, "丙")], RE14)
    assert split(a) == sp(丙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert a.explain().splitlines()[-1] == (
        "RE14-5.3(6): 丙's customer went to 丁 for a discount: no part for 丁; the split above "
        "stands"
    )
    a = attribute([*seen(0, "丙"), discount, deal(12, "丙")], RE14)
    assert a.explain().splitlines()[-1] == (
        "RE14-5.3(6): 丙's customer went to 丁 for a discount: the whole bonus stays 丙's"
    )


#: RE12-3.10's removals read at their own time (story, split, the trail's last line)
_REMOVALS_IN_TIME = {
    # RE12-6.1 对已先到访售楼现场并已办理了客户登记的，不再视为公司客户: 甲 registered the
    # customer at 9:00, the company introduced them at 10:00, and at 11:00 the customer
    # refused 甲 for a serious fault: registered before the introduction, not a company
    # customer (before, 甲's later removal reached back and paid the public pool 30 %)
    "registered before the introduction": (
        [
            *seen(0, "甲", hour=9),
            CompanyIntroduction(at=at(0, 10), customer=C, by="刘总"),
            SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious", granted_to="乙"),
            visit(0, "乙", hour=11),
            deal(5, "乙"),
        ],
        sp(乙=1),
        "RE12-6.1: 甲 registered the customer before the company (刘总) introduced them: not a "
        "company customer",
    ),
    # the other way round: the customer refused 甲 at 10:00 (此客户按新客处理), the company
    # introduced them at 10:30, and 乙 received them at 11:00: a company customer, and the
    # trail says why (before, it said 甲's registration had lapsed)
    "removed before the introduction": (
        [
            *seen(0, "甲", hour=9),
            SwitchRequest(at=at(0, 10), customer=C, from_="甲", fault="serious"),
            CompanyIntroduction(at=at(0, 10.5), customer=C, by="刘总"),
            visit(0, "乙", hour=11),
            deal(5, "乙"),
        ],
        {"public_pool": Fraction(3, 10), **sp(乙=Fraction(7, 10))},
        "RE12-6.3: introduced or brought by the company, followed to the deal by the salesperson",
    ),
    # RE12-3.10 当日来访的新客户: 甲 lost the customer on 2 March and nobody took over; on 7
    # March 乙 received them as new and took over, and the customer firmly refused 乙 that
    # day: a new customer's first day (甲's removed registration covers no day since)
    "new again after a removal": (
        [
            *seen(0, "甲"),
            SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious"),
            *seen(5, "乙"),
            SwitchRequest(at=at(5, 11), customer=C, from_="乙", firm=True, granted_to="丙"),
            deal(8, "丙"),
        ],
        sp(丙=1),
        "RE12-3.10: the customer's firm refusal: 丙 received the customer as new; 乙 lost every "
        "right (the turn counts as void)",
    ),
}


@pytest.mark.parametrize("name", sorted(_REMOVALS_IN_TIME))
def test_re12_3_10_a_removal_counts_from_its_own_time(name: str) -> None:
    """A removal does not reach back to what came before it, and covers no day after it."""
    story, shares, last = _REMOVALS_IN_TIME[name]
    assert split_and_last(story, RE12) == (shares, last)


def test_re12_6_1_a_company_customer_after_a_removal_says_why() -> None:
    story, _, _ = _REMOVALS_IN_TIME["removed before the introduction"]
    a = attribute(story, RE12)
    assert a.explain().splitlines()[-2] == (
        "RE12-6.1: introduced by 刘总 after 甲 lost every right to the customer: a company "
        "customer"
    )
    assert a.explain("zh").splitlines()[-2] == (
        "RE12-6.1: 刘总介绍时甲已失去对该客户的一切权益：公司客户"
    )


def test_a_removal_does_not_restart_the_customers_earlier_visits() -> None:
    """RE14-5.3(12) then RE14-5.4: 丁 received the customer first and 乙 later; 丁 went on
    leave and the draw gave the customer to 甲; 丁 and 乙 then settled the crossed
    customer half each.  Among equal shares, neither held by the holder (甲), the one who
    received the customer first is named owner: 丁.  A visit between (the customer asking
    丙 for a discount) changes nothing: before, 丁's later removal made that visit look
    like the customer starting over, and 乙 was named owner."""
    story = [
        *seen(0, "丁"),
        *seen(3, "乙"),
        Reallocation(at=at(17), customer=C, from_="丁", to="甲", draw="抽签", reason="leave"),
        Dispute(
            at=at(18),
            customer=C,
            parties=["乙", "丁"],
            outcome="settled",
            shares={"salesperson:丁": H, "salesperson:乙": H},
        ),
        deal(19, "丁"),
    ]
    for events in (story, [*story, visit(1, "丙", for_discount=True)]):
        a = attribute(events, RE14)
        assert split(a) == sp(丁=H, 乙=H)
        assert (a.owner, a.follow_up) == ("丁", "丁")


def test_a_courtesy_reception_is_no_reception_of_ones_own_for_a_tie() -> None:
    """RE12-7.7, RE14-5.4: among a ruling's equal shares, neither held by the holder, the
    owner is the one who received the customer first as their own.  甲 received 丁's
    customer only as a courtesy (RE12-4, RE14-2.5) and 丙 only for a discount
    (RE14-5.3(6)): 乙, who received the customer later as their own, is named.  Before,
    the courtesy made 甲 the owner.  Only when none of them received the customer as
    their own does the first reception of any kind decide."""
    story = [
        *seen(0, "丁"),
        visit(2, "甲", previous=Previous.NAMES, courtesy_for="丁"),
        visit(3, "丙", for_discount=True),
        *seen(4, "乙", previous=Previous.NAMES),
        tenths(6, C, 甲=5, 乙=5),
        deal(8, "乙"),
    ]
    for policy in (RE12, RE14):
        a = attribute(story, policy)
        assert split(a) == sp(甲=H, 乙=H), policy.name
        assert a.owner == "乙", policy.name
    # with only a courtesy and a discount to go by, the first of them is named
    alone = [*story[:4], tenths(6, C, 甲=5, 丙=5), deal(8, "丙")]
    assert attribute(alone, RE14).owner == "甲"


def test_a_decision_at_the_deal_says_the_records_after_it_do_not_change_it() -> None:
    """RE12-7.7: a ruling that pays the public pool decides at the deal; the records after
    it were read on the record as it stood without it (the trail's lines above), and only
    a salesperson losing every right changes it.  The trail now says so, instead of
    leaving a line that contradicts the answer unexplained."""
    pooled = Ruling(
        at=at(5),
        customer=C,
        by="经理",
        approved_by="销售总监",
        shares={"salesperson:甲": H, "public_pool": H},
        owner="甲",
    )
    story = [
        *seen(0, "甲"),
        *seen(3, "乙", previous=Previous.FORGOT),
        pooled,
        SwitchRequest(at=at(8), customer=C, from_="甲", to="丙", permitted=True),
        deal(9, "丙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == {"salesperson:甲": H, "public_pool": H}
    assert a.explain().splitlines()[-1] == (
        "RE12-7.7: the decision of 2026-03-07 10:00 decides the deal: of the records after it, "
        "only a salesperson losing every right changes it"
    )
    assert a.explain("zh").splitlines()[-1] == (
        "RE12-7.7: 该成交以2026-03-07 10:00的决定为准："
        "其后的记录中，只有置业顾问丧失一切权利才会改变它"
    )
    # without a deal (or as of an instant before it) the decision decides the case
    now = attribute(story, RE12, as_of=at(8, 12))
    assert (now.owner, now.explain().splitlines()[-1]) == (
        "甲",
        "RE12-7.7: the decision of 2026-03-07 10:00 decides the case: of the records after it, "
        "only a salesperson losing every right changes it",
    )
    # nothing read after it (the deal's own lines aside): no such line
    quiet = attribute([*story[:5], deal(9, "甲")], RE12)
    assert "the records after it" not in quiet.explain()


def test_re12_6_1_the_registration_counts_through_its_last_day() -> None:
    """RE12-6.1 with RE12-7.1: 甲 registered the customer on 2 March, valid through 2 April.
    The company's introduction on 2 April finds the customer registered: not a company
    customer; one on 3 April finds the registration lapsed: a company customer (70/30
    with the public pool, RE12-6.3).  A removal at the introduction's own instant has
    removed 甲 by then."""

    def introduced(day: int) -> Attribution:
        intro = CompanyIntroduction(at=at(day, 11), customer=C, by="刘总")
        later = seen(day, "乙", hour=12)
        return attribute([*seen(0, "甲"), intro, *later, deal(40, "乙")], RE12)

    assert split(introduced(31)) == sp(乙=1)
    assert split(introduced(32)) == {
        "salesperson:乙": Fraction(7, 10),
        "public_pool": Fraction(3, 10),
    }
    # 甲 refused for a serious fault at 11:00 on 2 March, the instant of an introduction
    refused = SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious", granted_to="乙")
    early = CompanyIntroduction(at=at(0, 11), customer=C, by="刘总")
    a = attribute([*seen(0, "甲"), refused, early, visit(0, "乙", hour=11), deal(5, "乙")], RE12)
    assert "public_pool" in split(a)


def test_a_pending_courtesy_lapses_with_the_holders_registration() -> None:
    """RE14-2.5 and 5.3(3) with RE14-5.2: 甲's registration (2 March) lapsed on 3 May; a
    colleague's reception for 甲 in March keeps nothing alive.  The deal on 11 May goes to
    its closer, and the trail names whom the lapsed case would have paid: 甲 alone for a
    courtesy on a day the deal did not close, 甲 and 乙 for an assistant."""
    closing = [
        "RE14-5.2: 丙 closed the deal after every registration behind what was pending for {} "
        "had lapsed: it lapses with them",
        "RE14-5.2: 丙 closed the deal with no valid claim against it",
    ]
    for kw, paid in (({}, "甲"), ({"asked_for": ["甲"]}, "甲 and 乙")):
        helped = visit(10, "乙", previous=Previous.NAMES, courtesy_for="甲", **kw)
        a = attribute([*seen(0, "甲"), helped, deal(70, "丙")], RE14)
        assert split(a) == sp(丙=1)
        assert a.explain().splitlines()[-2:] == [closing[0].format(paid), closing[1]]


def test_a_recognition_of_a_removed_salesperson_says_they_lost_every_right() -> None:
    """RE14-5.3(4) then a recognition: 甲, about whom the customer complained (confirmed),
    is recognised two days later: 甲 lost every right, which the trail says in the
    complaint clause's words (not that 甲's registration lapsed); the deal is 乙's."""
    story = [
        *seen(0, "甲"),
        visit(2, "乙", previous=Previous.NAMES, asked_for=["甲"]),
        SalespersonComplaint(
            at=at(2, 11), customer=C, against="甲", reported_by="乙", confirmed=True
        ),
        Recognition(at=at(4), customer=C, original="甲"),
        deal(6, "乙"),
    ]
    assert split_and_last(story, RE14) == (
        sp(乙=1),
        "RE14-5.3(4): 甲 lost every right to this customer earlier",
    )


#: RE14-5.4: the department mediated 丙 and 乙's crossed customer half each, on 4 March
#: (read at the deal when the register names neither)
MEDIATED = Dispute(
    at=at(2),
    customer=C,
    parties=["丙", "乙"],
    outcome="mediated",
    shares={"salesperson:丙": H, "salesperson:乙": H},
)


def test_re14_5_3_12_a_draw_moves_a_part_a_decision_read_at_the_deal_gives() -> None:
    """RE14-5.4 then RE14-5.3(12): the department mediated 丙 and 乙's crossed customer
    half each (a decision read at the deal: the register, 甲's, names neither); then 乙
    went on leave and the draw gave 乙's customers to 戊.  乙's half goes to 戊, as it
    would after a confirmed complaint.  Before, the draw "disagreed with the record" and
    乙, on leave, kept the half.  A draw before the decision moves nothing of it."""
    drawn = Reallocation(at=at(5), customer=C, from_="乙", to="戊", draw="抽签")
    a = attribute([*seen(0, "甲"), MEDIATED, drawn, deal(8, "丙")], RE14)
    assert split(a) == sp(丙=H, 戊=H)
    assert "RE14-5.3(12): 乙 has no part: 乙's 1/2 goes to 戊" in a.explain().splitlines()
    assert "RE14-5.3(12): 乙不参与分成：乙的 1/2 归戊" in a.explain("zh").splitlines()
    earlier = attrs.evolve(drawn, at=at(1))
    assert split(attribute([*seen(0, "甲"), earlier, MEDIATED, deal(8, "丙")], RE14)) == sp(
        丙=H, 乙=H
    )


def test_re14_5_4_a_decision_read_at_the_deal_passes_parts_in_the_order_of_removals() -> None:
    """RE14-5.3(12), (4) after a decision read at the deal: the parts move in the order
    the salespeople lost their rights.  丙 went on leave (丙's half to 丁), then 乙 did
    and the draw gave 乙's customers to 丙, back: 丁 and 丙 hold a half each.  Before,
    both draws were ignored (the register named 甲); read as one chain regardless of
    time, 丙's half would have gone on to 丁 too.  A part that reaches one a confirmed
    complaint removed earlier needs a ruling (as on the register)."""
    story = [
        *seen(0, "甲"),
        MEDIATED,
        Reallocation(at=at(3), customer=C, from_="丙", to="丁", draw="抽签"),
        Reallocation(at=at(4), customer=C, from_="乙", to="丙", draw="抽签"),
        deal(8, "丁"),
    ]
    assert split(attribute(story, RE14)) == sp(丁=H, 丙=H)

    def complaint(day: int, against: str, by: str) -> SalespersonComplaint:
        return SalespersonComplaint(
            at=at(day), customer=C, against=against, reported_by=by, confirmed=True
        )

    removed = [*story[:3], complaint(3, "乙", "丁"), complaint(4, "丙", "乙"), deal(8, "丁")]
    a = attribute(removed, RE14)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE14-5.3(4): 乙 lost every right to this customer earlier: who takes 丙's part "
        "needs a ruling"
    )
    assert a.ruling_text("zh") == (
        "RE14-5.3(4): 乙此前已丧失对该客户的一切权利：丙的份额归谁需要裁决"
    )
    assert a.explain().splitlines()[-1] == a.ruling_reason
    # the other way round, each part reaches one not removed by then
    ordered = [*story[:3], complaint(3, "丙", "乙"), complaint(4, "乙", "丁"), deal(8, "丁")]
    assert split(attribute(ordered, RE14)) == sp(丁=1)


def test_re14_5_3_12_a_draw_agreeing_with_a_removal_moves_a_later_decisions_part() -> None:
    """RE14-5.3(4), RE14-5.4, RE14-5.3(12): a confirmed complaint gave 丁's customer to
    甲; the manager's ruling on the household then gave 丁 a third (a decision read at the
    deal: it gives a removed salesperson a part); then 丁 went on leave and the draw gave
    丁's customers to 甲, who held this one already.  The third goes to 甲.  Before, the
    draw agreeing with the register moved nothing, and 丁, on leave, kept the third."""
    her = "王太太"
    story = [
        *seen(0, "丁"),
        SalespersonComplaint(at=at(1), customer=C, against="丁", reported_by="甲", confirmed=True),
        *seen_by(her, 1, "乙"),
        HouseholdLink(at=at(2), customer=C, other=her),
        Ruling(at=at(3), customer=C, by="经理", shares=sp(丁=Fraction(1, 3), 甲=Fraction(2, 3))),
        Reallocation(at=at(5), customer=C, from_="丁", to="甲", draw="抽签"),
        deal(8, "甲"),
    ]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=1))
    assert a.explain().splitlines()[-1] == "RE14-5.3(12): 丁 has no part: 丁's 1/3 goes to 甲"


def test_re14_5_4_removals_at_one_instant_after_a_decision_read_at_the_deal() -> None:
    """RE14-5.3(4), (12) at one instant after a household's ruling (read at the deal):
    the parts pass along the removals of that instant, whatever else was removed then,
    and two records of one removal with the same heir are one.  乙's half goes to 丁, who
    was drawn away at that instant too: to 戊.  A salesperson with no part removed at
    the same instant changes nothing.  Two records removing 丁 at that instant to
    different salespeople leave 丁's part to nobody known: a ruling."""
    her = "王太太"
    t = at(5)
    halves = Ruling(at=at(3), customer=C, by="经理", shares=sp(丙=H, 乙=H))

    def against(who: str, by: str, customer: str = C) -> SalespersonComplaint:
        return SalespersonComplaint(
            at=t, customer=customer, against=who, reported_by=by, confirmed=True
        )

    def drawn(who: str, to: str, customer: str = C) -> Reallocation:
        return Reallocation(at=t, customer=customer, from_=who, to=to, draw="抽签")

    household = [
        HouseholdLink(at=at(0, 9), customer=C, other=her),
        *seen(0, "甲"),
        *seen_by(her, 1, "甲"),
        halves,
    ]
    chain = [against("乙", "丁"), drawn("丁", "戊"), against("丁", "戊", her), deal(8, "丙")]
    a = attribute([*household, *chain], RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=H, 戊=H))
    # a salesperson with no part of the ruling, removed at that instant, changes nothing
    b = attribute([*household, against("乙", "戊"), against("丁", "甲"), deal(8, "丙")], RE14)
    assert split(b) == sp(丙=H, 戊=H)
    # one removal on both members' records, to the same salesperson: one removal
    c = attribute([*household, against("乙", "戊"), against("乙", "戊", her), deal(8, "丙")], RE14)
    assert split(c) == sp(丙=H, 戊=H)
    e = attribute([*household, against("乙", "戊"), drawn("乙", "戊", her), deal(8, "丙")], RE14)
    assert split(e) == sp(丙=H, 戊=H)
    # 丁 drawn to 戊 on one record and to 己 on the other: 乙's half, reaching 丁, has
    # nobody known to go to
    split_heirs = [against("乙", "丁"), drawn("丁", "戊"), drawn("丁", "己", her), deal(8, "丙")]
    d = attribute([*household, *split_heirs], RE14)
    assert d.needs_ruling
    assert d.ruling_reason == "RE14-5.3(12): 丁 lost every right, and nobody took over their part"


# -- a visitor form with no visit on the record is that day's reception --------------------
# (RE12-7.1 售楼员接待来访客户，必须认真填写《客户来访登记表》;
# RE14 (三)1 接待新客户，登记来人登记表)


def test_re12_7_2_a_form_and_a_deal_alone_on_both_sides_of_the_cutoff() -> None:
    """RE12-7.2: the host records only the form (confirmed at 18:00) and the deal (16:00);
    the form records the visit.  By the end of the deal's day it counts; with the
    confirmation due by the deal it does not, and the deal is its closer's.  Before, both
    were refused as "a deal before any visit"."""
    story = [reg(0, "甲", confirmed=18), deal(0, "乙", hour=16)]
    assert split(attribute(story, RE12)) == sp(甲=1)
    late = attrs.evolve(RE12, confirmation_cutoff=ConfirmationCutoff.DEAL)
    a = attribute(story, late)
    assert split(a) == sp(乙=1)
    assert a.rules == ("RE12-7.2", "RE12-7.1"), a.explain()
    # a form never confirmed records the visit too: the deal is read, not refused
    never = [Registration(at=at(0), customer=C, salesperson="甲"), deal(3, "乙")]
    assert split(attribute(never, RE12)) == sp(乙=1)
    # a form never confirmed at the deal's own instant: the deal is read too
    same_instant = Registration(at=at(3, 15), customer=C, salesperson="甲")
    assert split(attribute([same_instant, deal(3, "乙")], RE12)) == sp(乙=1)
    # no form and no visit: refused, as before
    with pytest.raises(InvalidInputError, match="before any visit"):
        attribute([deal(3, "乙")], RE12)


def test_re12_7_3_and_re14_5_1_two_forms_at_one_instant_and_a_deal_alone() -> None:
    """RE12-7.3, RE14-5.1 with the forms alone (no visit recorded): a tie needs a ruling
    in either order of the list, and RE14-5.1's evening-meeting record decides it (before,
    the deal was refused as "a deal before any visit")."""
    forms = [reg(0, "甲"), reg(0, "乙")]
    for story in ([*forms, deal(3, "甲")], [*forms[::-1], deal(3, "甲")]):
        for policy in (RE12, RE14):
            assert attribute(story, policy).needs_ruling
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙")
    assert split(attribute([*forms, record, deal(3, "甲")], RE14)) == sp(乙=1)


def test_re12_5_2_a_visit_after_the_deal_tells_nothing_of_the_days_reception() -> None:
    """RE12-5.2 on the first day of a customer known by 甲's form alone: 70/30.  A visit
    recorded that evening, after the deal, is no record of the time before it (RE12-7.6,
    RE14-5.2 以成交为准): the form still stands for the day's reception (before, the
    evening's visit made the day "a day with a visit", and the request read as a
    returning customer's: all to 甲)."""
    story = [
        reg(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        deal(0, "乙"),
    ]
    evening = visit(0, "丙", hour=20)
    for policy, shares in (
        (RE12, sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))),
        (RE14, sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))),
    ):
        assert split(attribute(story, policy)) == shares
        assert split(attribute([*story, evening], policy)) == shares


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_re12_3_7_and_re14_5_3_7_the_forgotten_salesperson_known_by_the_form(
    policy: Any,
) -> None:
    """RE12-3.7(i), RE14-5.3(7): 甲's reception is on the record only as a form.  The
    customer who forgot 甲 is the same forgetful customer as when the visit is recorded
    too (before, 乙's reception read as the customer's first, and 甲 took everything)."""
    later = [
        *seen(10, "乙", previous=Previous.FORGOT),
        Recognition(at=at(10, 18), customer=C, original="甲", by_records=True),
        deal(25, "乙"),
    ]
    form_only = attribute([reg(0, "甲"), *later], policy)
    with_visit = attribute([*seen(0, "甲"), *later], policy)
    assert split(form_only) == split(with_visit) == sp(乙=H, 甲=H), form_only.explain()
    assert form_only.steps == with_visit.steps


def test_re12_5_1_and_re14_5_3_8_the_register_knows_the_customer_by_the_form() -> None:
    """RE12-5.1 and RE14-2.5(1) are a new customer's; one the register knows by 甲's form
    of an earlier day is a returning customer naming someone: refused in principle under
    RE12-5.3 (甲 keeps the customer), RE14-5.3(8) under RE14 (50/50 with 甲, the earlier
    visit's salesperson).  Before, naming 丙 on entering gave 丙 the whole deal."""
    for named in (
        visit(5, "丙", named_on_entry=True, asked_for=["丙"]),
        visit(5, "丙", previous=Previous.NAMES, asked_for=["丙"]),
    ):
        story = [reg(0, "甲"), named, reg(5, "丙"), deal(8, "丙")]
        assert split(attribute(story, RE12)) == sp(甲=1)
        a = attribute(story, RE14)
        assert split(a) == sp(丙=H, 甲=H), a.explain()
        assert "RE14-5.3(8): on visit 2 the customer named 丙; earlier salesperson(s): 甲" in [
            str(s) for s in a.steps
        ]


def test_re12_5_2_a_later_day_after_a_form_is_a_returning_customers() -> None:
    """RE12-5.2 speaks of the day of a new customer's visit; 甲's form of 2 March makes 7
    March a returning customer's day: a request for 乙 the manager allowed is RE12-5.3's
    courtesy, all to 甲 (before: RE12-5.2's 70/30).  RE14-5.3(2) reads the same: 80/20."""
    story = [
        reg(0, "甲"),
        visit(5, "甲"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙", permitted=True),
        deal(8, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert "RE12-5.3" in a.rules
    assert split(attribute(story, RE14)) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))


def test_re12_7_4_and_re14_5_3_11_a_member_known_by_the_form() -> None:
    """RE12-7.4, RE14-5.3(11): 王太太's reception by 乙 is on the record as a form only.
    She is a member received by 乙 all the same: RE12 splits 50/50, and under RE14 she
    was received first (2 March) when her form is the earlier (before, her member had no
    claim at all and 甲 took the deal)."""
    link = HouseholdLink(at=at(4), customer=C, other="王太太")
    her = Registration(at=at(0), customer="王太太", salesperson="乙", confirmed_at=at(0))
    story = [her, *seen(3, "甲"), link, deal(10, "甲")]
    assert split(attribute(story, RE12, customer=C)) == sp(甲=H, 乙=H)
    assert split(attribute(story, RE14, customer=C)) == sp(乙=1)
    later = attrs.evolve(her, at=at(5), confirmed_at=at(5))
    assert split(attribute([later, *seen(3, "甲"), link, deal(10, "甲")], RE14)) == sp(甲=1)


# -- RE14-5.3(8): a holder by a clause is one of the earlier salespeople ------------------


@pytest.mark.parametrize(
    ("clause", "holder"),
    [
        (Reallocation(at=at(2), customer=C, from_="甲", to="丁", draw="抽签"), "丁"),
        (
            SalespersonComplaint(
                at=at(2), customer=C, against="甲", reported_by="丁", confirmed=True
            ),
            "丁",
        ),
    ],
    ids=["draw", "complaint"],
)
def test_re14_5_3_8_the_holder_a_clause_named_is_an_earlier_salesperson(
    clause: Any, holder: str
) -> None:
    """RE14-5.3(8): 丁 holds 王先生 in 甲's place (a draw, RE14-5.3(12); a confirmed
    complaint, RE14-5.3(4)) with no visit of their own on the record; when the customer
    names 丙 on a later visit, 丁 is the earlier salesperson: 50/50 (before, 丙 took the
    whole deal and 丁 lost the customer without a word)."""
    story = [*seen(0, "甲"), clause, *seen(5, "丙", previous=Previous.NAMES, asked_for=["丙"])]
    a = attribute([*story, deal(8, "丙")], RE14)
    assert split(a) == {f"salesperson:{holder}": H, "salesperson:丙": H}, a.explain()
    assert f"RE14-5.3(8): on visit 2 the customer named 丙; earlier salesperson(s): {holder}" in [
        str(s) for s in a.steps
    ]


def test_re14_5_3_8_after_a_switch_both_earlier_salespeople_share() -> None:
    """RE14-5.3(8) after RE14-5.3(2): 乙 took the customer over from 甲 (80/20) without a
    visit of their own on the record; named on a later visit, 丙 has half, and 甲 and 乙,
    the salespeople before, the other half, as when 乙's reception is recorded too."""
    switch = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True)
    named = [*seen(5, "丙", previous=Previous.NAMES, asked_for=["丙"]), deal(8, "丙")]
    quarter = Fraction(1, 4)
    for story in (
        [*seen(0, "甲"), switch, *named],
        [*seen(0, "甲"), switch, visit(0, "乙", hour=11), *named],
    ):
        assert split(attribute(story, RE14)) == sp(丙=H, 甲=quarter, 乙=quarter)


# -- RE14-5.3(2) speaks of two salespeople ---------------------------------------------------


def test_re14_5_3_2_a_second_request_while_a_third_salesperson_has_a_part_needs_a_ruling() -> None:
    """RE14-5.3(2) sets the bonus of the salesperson asked for and the one left (80/20).
    When the customer leaves 乙 for 丙 after leaving 甲 for 乙, 甲's 20 % still stands
    (甲 is registered): the clause says nothing of a third part, and the department
    manager settles it (RE14-5.4).  Before, 甲's part vanished without a word."""

    def ask(day: float, frm: str, to: str) -> SwitchRequest:
        return SwitchRequest(at=at(day, 11), customer=C, from_=frm, to=to, permitted=True)

    a = attribute([*seen(0, "甲"), ask(0, "甲", "乙"), ask(5, "乙", "丙"), deal(8, "丙")], RE14)
    assert a.needs_ruling, a.explain()
    assert a.ruling_reason.startswith(
        "RE14-5.3(2): the customer did not want 乙 and asked for 丙, but the deal also has a "
        "part for 甲"
    ), a.ruling_reason
    assert "甲也有份额" in a.ruling_text("zh")
    # back to 甲: two salespeople, the clause's own case
    back = [*seen(0, "甲"), ask(0, "甲", "乙"), ask(5, "乙", "甲"), deal(8, "甲")]
    assert split(attribute(back, RE14)) == sp(甲=Fraction(4, 5), 乙=Fraction(1, 5))
    # 甲's registration lapsed (2 May) before the second request: 甲's part is 乙's at the
    # deal, nobody else's, and the clause decides (乙 registered again on 20 April)
    lapsed = [
        *seen(0, "甲"),
        ask(0, "甲", "乙"),
        reg(49, "乙"),
        ask(70, "乙", "丙"),
        deal(72, "丙"),
    ]
    assert split(attribute(lapsed, RE14)) == sp(丙=Fraction(4, 5), 乙=Fraction(1, 5))
    # after RE14-5.3(8) (甲, the earlier salesperson, holds half), leaving 丙 for 丁
    nth = [*seen(0, "甲"), *seen(5, "丙", previous=Previous.NAMES, asked_for=["丙"])]
    assert attribute([*nth, ask(6, "丙", "丁"), deal(8, "丁")], RE14).needs_ruling


def test_re14_5_3_8_forms_and_parts_make_earlier_salespeople() -> None:
    """RE14-5.3(8): the earlier salespeople read from forms with no visit on the record
    (two salespeople's forms of one day, one of them twice; a form on a later day of a
    customer seen before) and from a part a clause moved (a draw of the customers of 甲,
    who held the 20 % of a switch: 丁 holds it in 甲's place)."""
    named = [*seen(5, "丙", previous=Previous.NAMES, asked_for=["丙"]), deal(8, "丙")]
    quarter = Fraction(1, 4)
    line = "RE14-5.3(8): on visit 3 the customer named 丙; earlier salesperson(s): 甲, 乙"
    for before in (
        [reg(0, "甲"), reg(0, "乙", hour=14), reg(0, "乙", hour=16)],
        [*seen(0, "甲"), reg(3, "乙")],
    ):
        a = attribute([*before, *named], RE14)
        assert split(a) == sp(丙=H, 甲=quarter, 乙=quarter), a.explain()
        assert line in [str(s) for s in a.steps], a.explain()
    switch = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True)
    draw = Reallocation(at=at(2), customer=C, from_="甲", to="丁", draw="抽签")
    a = attribute([*seen(0, "甲"), switch, draw, *named], RE14)
    assert split(a) == sp(丙=H, 乙=quarter, 丁=quarter), a.explain()


def test_re14_5_3_2_only_a_part_that_stands_is_a_third_salespersons() -> None:
    """RE14-5.3(2) with a case pending: no ruling where nobody else holds a part at the
    request (a colleague's reception on an earlier day was a courtesy, RE14-2.5; the
    salesperson a forgetful customer forgot and nobody found, RE14-5.3(7); 甲's 20 %,
    removed by a confirmed complaint, is 乙's, the one left).  A part that is another's
    needs one, whatever comes before it in the split (甲's removed part; 甲's part
    lapsed with 甲's registration on 2 May): 丁's, who assisted (RE14-5.3(3))."""

    def ask(day: float, frm: str, to: str, hour: float = 11) -> SwitchRequest:
        return SwitchRequest(at=at(day, hour), customer=C, from_=frm, to=to, permitted=True)

    four, fifth = Fraction(4, 5), Fraction(1, 5)
    courtesy = visit(3, "丙", previous=Previous.NAMES, courtesy_for="甲")
    story = [*seen(0, "甲"), courtesy, ask(5, "甲", "乙"), deal(8, "乙")]
    assert split(attribute(story, RE14)) == sp(乙=four, 甲=fifth)
    story = [*seen(0, "甲"), *seen(5, "乙", previous=Previous.FORGOT), ask(6, "乙", "丙")]
    assert split(attribute([*story, deal(8, "丙")], RE14)) == sp(丙=four, 乙=fifth)
    complaint = SalespersonComplaint(
        at=at(2), customer=C, against="甲", reported_by="乙", confirmed=True
    )
    removed = [*seen(0, "甲"), ask(0, "甲", "乙"), complaint]
    assert split(attribute([*removed, ask(5, "乙", "丙"), deal(8, "丙")], RE14)) == sp(
        丙=four, 乙=fifth
    )
    assisted = visit(5, "丁", previous=Previous.NAMES, asked_for=["乙"], courtesy_for="乙")
    a = attribute([*removed, assisted, ask(5, "乙", "丙", hour=12), deal(8, "丙")], RE14)
    assert a.needs_ruling, a.explain()
    assert "a part for 丁:" in a.ruling_reason, a.explain()
    lapsed = [*seen(0, "甲"), ask(0, "甲", "乙"), reg(49, "乙")]
    assisted = visit(70, "丁", previous=Previous.NAMES, asked_for=["乙"], courtesy_for="乙")
    a = attribute([*lapsed, assisted, ask(70, "乙", "丙", hour=12), deal(72, "丙")], RE14)
    assert a.needs_ruling, a.explain()
    assert "a part for 丁:" in a.ruling_reason, a.explain()


def test_a_form_kept_by_its_date_beside_the_days_visit_is_the_visits() -> None:
    """A form kept by its date alone (00:00) on the day of a recorded visit: the visit
    tells the day's reception, and the form is not a reception of its own before it.
    The customer naming 丙 on entering at 15:00 is a new customer's RE12-5.1 (a visit at
    the deal's very instant is on the record before the deal)."""
    story = [
        Registration(at=at(0, 0), customer=C, salesperson="丙", confirmed_at=at(0, 0)),
        visit(0, "丙", hour=15, named_on_entry=True, asked_for=["丙"]),
        deal(0, "丙", hour=15),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(丙=1)
    assert "RE12-5.1" in a.rules, a.explain()


def test_re14_5_3_11_a_members_form_is_read_on_their_own_record() -> None:
    """RE14-5.3(11), RE12-7.4: 王先生's form at 9:00 (no visit of his that day) stands for
    his reception; 王太太's visit at 10:00 is hers, not his: he was received first."""
    his = Registration(at=at(3, 9), customer=C, salesperson="甲", confirmed_at=at(3, 9))
    hers = [
        Visit(at=at(3), customer="王太太", received_by="乙"),
        Registration(at=at(3), customer="王太太", salesperson="乙", confirmed_at=at(3)),
    ]
    story = [his, *hers, HouseholdLink(at=at(4), customer=C, other="王太太"), deal(10, "甲")]
    assert split(attribute(story, RE14, customer=C)) == sp(甲=1)
    assert split(attribute(story, RE12, customer=C)) == sp(甲=H, 乙=H)


def test_re14_5_3_8_a_part_whose_registration_lapsed_is_no_earlier_salespersons() -> None:
    """RE14-5.3(8): 甲's 20 % of a switch (RE14-5.3(2)) waits on 甲's registration, which
    lapsed on 2 May; 乙 registered again.  Named on 11 May, 丙 shares with 乙 alone."""
    switch = SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True)
    named = seen(70, "丙", previous=Previous.NAMES, asked_for=["丙"])
    a = attribute([*seen(0, "甲"), switch, reg(49, "乙"), *named, deal(72, "丙")], RE14)
    assert split(a) == sp(丙=H, 乙=H), a.explain()


def test_re14_5_3_8_two_forms_at_one_instant_are_two_receptions() -> None:
    """RE14-5.1 and RE14-5.3(8) with forms alone: 甲 and 乙 registered the customer at one
    instant, and the evening-meeting record names 乙 first.  Both forms stand for
    receptions: when the customer names 丙 on a later visit, 甲 and 乙 are the earlier
    salespeople (in either order of the list)."""
    forms = [reg(0, "甲"), reg(0, "乙")]
    record = MeetingRecord(at=at(0, 20), customer=C, first="乙")
    named = [*seen(5, "丙", previous=Previous.NAMES, asked_for=["丙"]), deal(8, "丙")]
    quarter = Fraction(1, 4)
    for story in ([*forms, record, *named], [*forms[::-1], record, *named]):
        a = attribute(story, RE14)
        assert split(a) == sp(丙=H, 甲=quarter, 乙=quarter), a.explain()


# -- mutants that read a record's other end (first for last, earlier for later) ----------


@pytest.mark.parametrize(("policy", "rule"), [(RE12, "RE12-5.1"), (RE14, "RE14-2.5(1)")])
@pytest.mark.parametrize("names", [["丙", "丁"], ["丁", "丙"]])
def test_a_new_customer_naming_two_on_entering_is_the_first_ones(
    policy: AttributionPolicy, rule: str, names: list[str]
) -> None:
    """RE12-5.1, RE14-2.5(1): named on entering, the first of ``asked_for`` (the order the
    customer named them in), whoever received them."""
    story = [visit(0, "乙", named_on_entry=True, asked_for=names), deal(3, "乙")]
    a = attribute(story, policy)
    assert (a.owner, split(a), a.rules) == (names[0], sp(**{names[0]: 1}), (rule,))


@pytest.mark.parametrize("names", [["丙", "丁"], ["丁", "丙"]])
def test_re12_3_10_the_one_a_customer_names_first_on_entering_takes_over(
    names: list[str],
) -> None:
    """RE12-3.10: 甲 lost the customer for a serious fault and nobody was recorded as
    taking over; the customer, received next by 乙, names two on entering: the first one
    named takes over (as any new customer's, RE12-5.1)."""
    refused = SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious")
    named = visit(0, "乙", hour=12, named_on_entry=True, asked_for=names)
    a = attribute([*seen(0, "甲"), refused, named, deal(3, "乙")], RE12)
    assert (a.owner, split(a)) == (names[0], sp(**{names[0]: 1}))
    assert a.explain().splitlines()[-1].endswith("and took over from 甲")


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_question_raised_after_the_last_of_two_rulings_is_open(
    policy: AttributionPolicy,
) -> None:
    """RE12-7.7, RE14-5.4: two rulings before the deal give 甲 the customer; two records
    of a draw made later at one instant say different things (甲's customers drawn to
    乙, or to 丙): neither ruling answered that question, so the case needs a ruling,
    deal or not."""
    rulings = [tenths(1, C, 甲=10), tenths(2, C, 甲=10)]
    tie = [  # 甲's customers drawn to 乙, or to 丙 (RE12 has no clause for a draw)
        Reallocation(at=at(3), customer=C, from_="甲", to="乙", draw="抽签"),
        Reallocation(at=at(3), customer=C, from_="甲", to="丙", draw="抽签"),
    ]
    for story in (
        [*seen(0, "甲"), *rulings, *tie],
        [*seen(0, "甲"), *rulings, *tie, deal(4, "甲")],
    ):
        a = attribute(story, policy)
        assert (a.needs_ruling, a.owner, a.shares) == (True, None, {})
        assert "say different things: the records cannot order them" in (a.ruling_reason or "")


def test_re14_5_4_between_two_disputes_the_later_decides() -> None:
    """RE14-5.4: a crossing reported pending, then a quarrel: the quarrel sends the
    commission to the department; a quarrel, then a crossing the parties have not
    settled: a ruling."""
    both = [*seen(0, "乙"), *seen(1, "丙")]
    pending = Dispute(at=at(2), customer=C, parties=["乙", "丙"], outcome="pending")
    quarrel = Dispute(at=at(3), customer=C, parties=["乙", "丙"], outcome="quarrel")
    a = attribute([*both, pending, quarrel, deal(5, "乙")], RE14)
    assert (a.needs_ruling, split(a)) == (False, {"department": 1})
    a = attribute([*both, quarrel, attrs.evolve(pending, at=at(4)), deal(5, "乙")], RE14)
    assert (a.needs_ruling, a.ruling_reason) == (
        True,
        "RE14-5.4: a crossed customer the parties have not settled",
    )


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_customer_new_again_names_someone_at_a_second_visit_that_day(
    policy: AttributionPolicy,
) -> None:
    """RE12-5.1, RE14-2.5(1) name on entering a new customer's salesperson.  A customer
    every claim on whom lapsed (甲's registration of March) is new again; received by 乙
    that morning, they name 丙 "on entering" at a second visit that day: as for a
    customer never seen before, that is no new customer's naming, and the deal goes to
    its closer, nobody having registered them."""
    later = [
        visit(100, "乙"),
        visit(100, "乙", hour=11, named_on_entry=True, asked_for=["丙"]),
        deal(101, "乙"),
    ]
    again = attribute([*seen(0, "甲"), *later], policy)
    new = attribute(later, policy)
    assert (again.owner, split(again)) == (new.owner, split(new)) == ("乙", sp(乙=1))


@pytest.mark.parametrize("policy", [RE12, RE14])
@pytest.mark.parametrize(
    "claim",
    [
        # RE12-7.5(a), RE14-5.3(10): an old customer phoned ahead for 甲 that morning
        OldCustomerIntroduction(
            at=at(100, 8), customer=C, old_customer="老客户", salesperson="甲", how="phoned_ahead"
        ),
        # a form of 丙's that morning, with no visit of theirs on the record
        Registration(at=at(100, 8), customer=C, salesperson="丙", confirmed_at=at(100, 8)),
    ],
)
def test_a_customer_new_again_names_someone_on_entering_after_a_claim_that_morning(
    policy: AttributionPolicy, claim: Any
) -> None:
    """RE12-5.1, RE14-2.5(1): a customer every claim on whom lapsed (甲's registration of
    March) is new again, and names 乙 on entering.  A claim made earlier that day is of
    the new time: as for a customer never seen before, the naming decides.  Before,
    that claim made the customer known again, and a history that had lapsed months
    earlier turned the deal from 乙 to the claim's salesperson."""
    later = [
        claim,
        visit(100, "乙", named_on_entry=True),
        Registration(at=at(100), customer=C, salesperson="乙", confirmed_at=at(100)),
        deal(100, "乙", hour=15),
    ]
    new = attribute(later, policy)
    again = attribute([*seen(0, "甲"), *later], policy)
    assert (new.owner, split(new)) == ("乙", sp(乙=1))
    assert (again.owner, split(again)) == ("乙", sp(乙=1))
    assert again.steps[-1].rule == policy.cite("designated")
