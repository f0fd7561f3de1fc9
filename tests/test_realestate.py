"""RE11, RE12, RE14: attribution stories, one per clause, under both policies.

Each story is a list of events about one customer; the expected owner and
split are written as the clause gives them.  Where RE12 and RE14 disagree
(registration validity, household splits, switches, ratios) the same story
is run under both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import attrs
import pytest

from custrules import (
    CHINA_TZ,
    RE11,
    RE12,
    RE14,
    AfterSales,
    CompanyIntroduction,
    Deal,
    Dispute,
    Fault,
    HouseholdLink,
    InvalidInputError,
    InvalidTypeError,
    MeetingRecord,
    NaiveDatetimeError,
    NameChange,
    OldCustomerIntroduction,
    Previous,
    Reallocation,
    Recognition,
    ReferralConfirmation,
    ReferralRegistration,
    Registration,
    Ruling,
    SalespersonComplaint,
    SwitchRequest,
    Visit,
    attribute,
)
from custrules.periods import add_months
from custrules.realestate import (
    Attribution,
    AttributionPolicy,
    CompanyTerms,
    ConfirmationCutoff,
    Party,
    PartyKind,
)

BASE = dt.datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)  # a Monday
C = "王先生"


def at(day: float, hour: int = 10) -> dt.datetime:
    return BASE + dt.timedelta(days=day, hours=hour - 10)


def visit(day: float, who: str, customer: str = C, **kw: Any) -> Visit:
    return Visit(at=at(day), customer=customer, received_by=who, **kw)


def reg(day: float, who: str, customer: str = C, *, confirmed: bool = True) -> Registration:
    t = at(day)
    return Registration(
        at=t, customer=customer, salesperson=who, confirmed_at=t if confirmed else None
    )


def seen(day: float, who: str, customer: str = C, **kw: Any) -> list[Any]:
    """A visit received and registered by ``who``."""
    return [visit(day, who, customer, **kw), reg(day, who, customer)]


def deal(day: float, who: str, customer: str = C, hour: int = 15) -> Deal:
    return Deal(at=at(day, hour), customer=customer, closed_by=who)


def last_valid_day(months: int | None) -> int:
    """The last day (counted from day 0) a registration made on day 0 is valid for."""
    assert months is not None
    return (add_months(at(0).date(), months) - at(0).date()).days


def split(a: Attribution) -> dict[str, Fraction]:
    return {str(p): s for p, s in a.shares.items()}


def sp(**shares: Fraction | int) -> dict[str, Fraction]:
    return {f"salesperson:{k}": Fraction(v) for k, v in shares.items()}


H = Fraction(1, 2)


def ruling(day: float, shares: Mapping[str, Fraction | int], **kw: Any) -> Ruling:
    """The project manager's ruling, approved by the sales director (RE12-7.7)."""
    return Ruling(
        at=at(day), customer=C, by="项目经理", approved_by="销售总监", shares=shares, **kw
    )


# -- registration: validity, confirmation, the earlier one wins ---------------------------


def test_re12_7_1_and_re14_5_2_validity_one_month_against_two() -> None:
    story = [*seen(0, "甲"), *seen(40, "乙"), deal(45, "乙")]
    re12 = attribute(story, RE12)
    assert split(re12) == sp(乙=1)  # 甲's month lapsed on Apr 2
    assert "RE12-7.1" in re12.rules
    re14 = attribute(story, RE14)
    assert split(re14) == sp(甲=1)  # two months: 甲 still registered, the earlier wins
    assert "RE14-5.1" in re14.rules


def test_re12_7_3_the_earlier_registration_wins() -> None:
    story = [*seen(0, "甲"), *seen(10, "乙"), deal(12, "乙")]
    for policy, rule in ((RE12, "RE12-7.3"), (RE14, "RE14-5.1")):
        a = attribute(story, policy)
        assert (a.owner, split(a)) == ("甲", sp(甲=1))
        assert rule in a.rules


def test_re12_7_2_an_unconfirmed_registration_does_not_count() -> None:
    story = [visit(0, "甲"), reg(0, "甲", confirmed=False), *seen(2, "乙"), deal(3, "乙")]
    assert split(attribute(story, RE12)) == sp(乙=1)
    assert "RE12-7.2" in attribute(story, RE12).rules
    assert split(attribute(story, RE14)) == sp(甲=1)  # RE14-5.1: the register decides


def test_a_deal_with_no_valid_claim_goes_to_its_closer() -> None:
    story = [*seen(0, "甲"), visit(50, "乙"), deal(50, "乙")]
    assert split(attribute(story, RE12)) == sp(乙=1)


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_visits_with_no_registration_give_no_claim_and_the_trail_says_so(
    policy: AttributionPolicy,
) -> None:
    """RE12-7.1 (每次来访都要登记), RE14-5.1, 5.2: the register decides; a visit is not
    a registration.  The trail says why the visits decide nothing, and says it only
    when the record has no registration at all (an unconfirmed one says its own)."""
    story = [visit(0, "甲"), visit(10, "乙"), deal(10, "乙")]
    a = attribute(story, policy)
    assert split(a) == sp(乙=1)
    cited = policy.cite("valid")
    assert a.explain("en").splitlines()[0] == (
        f"{cited}: the record holds visits but no registration: a visit alone gives no claim"
    )
    assert "仅有来访不构成任何权益" in a.explain("zh")
    waiting = attribute(story[:2], policy)  # no deal yet: nobody holds the customer
    assert (waiting.owner, waiting.explain("en")) == (None, a.explain("en").splitlines()[0])
    lapsed = attribute([*seen(0, "甲"), visit(70, "乙"), deal(70, "乙")], policy)
    assert "no registration" not in lapsed.explain("en")
    unconfirmed = [visit(0, "甲"), reg(0, "甲", confirmed=False), visit(10, "乙"), deal(10, "乙")]
    assert "no registration" not in attribute(unconfirmed, RE12).explain("en")


# -- RE12-3.6 / RE14-5.3(1): returning customers ------------------------------------------


def test_re12_3_6_and_re14_5_3_1_back_to_the_salesperson_who_received_them() -> None:
    story = [
        *seen(0, "甲"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["甲"]),
        deal(5, "甲"),
    ]
    for policy in (RE12, RE14):
        assert split(attribute(story, policy)) == sp(甲=1)


# -- RE12-3.7 (g)-(j) and RE14-5.3(7): the customer forgot who received them ------------

FORGOT = [*seen(0, "甲"), *seen(10, "乙", previous=Previous.FORGOT)]


def test_re12_3_7_g_recognised_the_same_day() -> None:
    a = attribute(
        [*FORGOT, Recognition(at=at(10, 12), customer=C, original="甲"), deal(12, "甲")], RE12
    )
    assert (a.owner, split(a)) == ("甲", sp(甲=1))
    assert "RE12-3.7(g)" in a.rules


def test_re12_3_7_g_needs_a_recognition_in_person() -> None:
    """RE12-3.7(g) (当日原售楼员认出客户或客户认出原售楼员，则还由原售楼员进行接待): 甲
    takes over that day's reception.  Found in the records that evening, after the
    customer left, 甲 cannot: no deal on the spot and recognised within a month, (i)
    splits 50/50 and 乙 follows up (before, a look-up gave 甲 everything)."""
    found = Recognition(at=at(10, 18), customer=C, original="甲", by_records=True)
    a = attribute([*FORGOT, found, deal(12, "乙")], RE12)
    assert (split(a), a.follow_up) == (sp(甲=H, 乙=H), "乙")
    assert "RE12-3.7(i)" in a.rules
    assert "RE12-3.7(g)" not in a.rules


def test_re12_3_7_h_deal_on_the_spot() -> None:
    a = attribute([*FORGOT, deal(10, "乙")], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-3.7(h)" in a.rules


def test_re12_3_7_i_recognised_within_a_month() -> None:
    story = [*FORGOT, Recognition(at=at(25), customer=C, original="甲"), deal(30, "乙")]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=H, 乙=H)
    assert a.follow_up == "乙"
    assert "RE12-3.7(i)" in a.rules


def test_re12_3_7_j_not_recognised_within_a_month() -> None:
    a = attribute([*FORGOT, deal(30, "乙")], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-3.7(j)" in a.rules
    late = attribute(
        [*FORGOT, Recognition(at=at(45), customer=C, original="甲"), deal(46, "乙")], RE12
    )
    assert split(late) == sp(乙=1)


@pytest.mark.parametrize("received_by", ["甲", "乙"])
def test_re12_3_7_a_customer_who_asks_for_the_forgotten_salesperson_recognised_them(
    received_by: str,
) -> None:
    """RE12-3.7 (客户认出原售楼员): a customer who comes back and asks for 甲, whom they
    had forgotten, has recognised 甲, whoever receives the visit: (i) within the month
    of the forgotten visit, (j) after it, (g) the same day.  Before, asking for 甲 was
    read as naming another salesperson (RE12-5.3, refused), and the deal was all 乙's
    with a trail saying 甲 was not recognised."""
    asks = visit(20, received_by, previous=Previous.NAMES, asked_for=["甲"])
    a = attribute([*FORGOT, asks, deal(30, received_by)], RE12)
    assert (split(a), a.owner, a.follow_up) == (sp(甲=H, 乙=H), "乙", "乙")
    assert a.explain("en").splitlines()[-1] == (
        "RE12-3.7(i): no deal on the spot; 甲 recognised within 1 month(s) "
        "(2026-03-22 10:00): 乙 follows up, the commission is split"
    )
    # after the month (乙 registered again on the 35th day): everything to 乙
    kept = [*FORGOT, *seen(35, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    late = attrs.evolve(asks, at=at(45))
    a = attribute([*kept, late, deal(50, received_by)], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-3.7(j)" in a.rules
    # the same day, later in the reception: 甲 takes over, present or not
    same_day = attrs.evolve(asks, at=at(10, 11))
    a = attribute([*FORGOT, same_day, deal(12, "甲")], RE12)
    assert (split(a), a.rules) == (sp(甲=1), ("RE12-7.3", "RE12-3.7", "RE12-3.7(g)"))
    # once every registration behind the case has lapsed (乙 never registered, 甲's
    # month is over), the customer is new again and simply asks for 甲
    unregistered = [*seen(0, "甲"), visit(10, "乙", previous=Previous.FORGOT)]
    back = visit(40, "甲", previous=Previous.NAMES, asked_for=["甲"])
    a = attribute([*unregistered, back, deal(41, received_by)], RE12)
    assert (split(a), a.rules[-1]) == (sp(甲=1), "RE12-3.6")
    # asking for someone else is still refused in principle (RE12-5.3)
    other = visit(20, "丙", previous=Previous.NAMES, asked_for=["丙"])
    a = attribute([*FORGOT, other, deal(30, "乙")], RE12)
    assert (split(a), "RE12-5.3" in a.rules) == (sp(乙=1), True)
    if received_by == "甲":  # RE14 keeps RE14-5.3(8): 甲 50 %, the rotation's 乙 50 %
        a = attribute([*FORGOT, asks, deal(30, "甲")], RE14)
        assert (split(a), "RE14-5.3(8)" in a.rules) == (sp(甲=H, 乙=H), True)


def test_re12_3_7_the_new_salesperson_holds_by_the_clause_whatever_they_registered_before() -> (
    None
):
    """RE12-3.7: the salesperson who receives a forgetful customer as new holds them by
    the clause.  丁 had registered the customer on 3 March (lapsed by 3 April) while 甲
    kept the customer registered; on 16 April the customer forgot 甲 and 丁 received
    them.  Before, 丁's lapsed form of March made the engine hand the customer back to
    甲 ("丁's registration had lapsed; 甲 ... holds the customer") at the next record:
    the form 丁 filled in that day, or a recognition, so neither (j) nor (i) applied."""
    march = [*seen(0, "甲"), reg(1, "丁"), reg(25, "甲")]
    a = attribute([*march, *seen(45, "丁", previous=Previous.FORGOT), deal(50, "丁")], RE12)
    assert (split(a), a.rules[-1]) == (sp(丁=1), "RE12-3.7(j)")
    forgot = visit(45, "丁", previous=Previous.FORGOT)
    recognised = Recognition(at=at(47), customer=C, original="甲")
    a = attribute([*march, forgot, recognised, deal(50, "丁")], RE12)
    assert (split(a), a.follow_up) == (sp(甲=H, 丁=H), "丁")
    assert "RE12-7.1" not in a.rules


def test_re12_3_7_i_lapses_with_the_new_salespersons_own_registration() -> None:
    """RE12-3.7(i) stands as long as the new salesperson keeps the customer registered.
    乙, who received the forgetful customer on 3 March, registered them then; 甲 was
    recognised the next day (50/50, 乙 follows up) and registered again on 24 March.
    At a deal on 4 April, 乙's form has lapsed: 甲, registered since, holds the customer.
    (A clause holder who registers holds by that registration: before the fix, 乙 held
    by the clause for good, and the 50/50 stood.)"""
    story = [
        *seen(0, "甲"),
        *seen(1, "乙", previous=Previous.FORGOT),
        visit(2, "甲", previous=Previous.NAMES, asked_for=["甲"]),
        reg(22, "甲"),
    ]
    assert split(attribute([*story, deal(30, "甲")], RE12)) == sp(甲=H, 乙=H)
    a = attribute([*story, deal(33, "甲")], RE12)
    assert (split(a), a.owner) == (sp(甲=1), "甲")
    assert a.explain().splitlines()[-2] == "RE12-7.1: 乙's registration had lapsed"


def test_re14_5_3_7_found_in_the_records() -> None:
    found = [
        *FORGOT,
        Recognition(at=at(12), customer=C, original="甲", by_records=True),
        deal(20, "乙"),
    ]
    assert split(attribute(found, RE14)) == sp(甲=H, 乙=H)
    assert split(attribute([*FORGOT, deal(20, "乙")], RE14)) == sp(乙=1)
    lapsed = [
        *seen(0, "甲"),
        *seen(70, "乙", previous=Previous.FORGOT),
        Recognition(at=at(71), customer=C, original="甲", by_records=True),
        deal(72, "乙"),
    ]
    assert split(attribute(lapsed, RE14)) == sp(乙=1)


def test_re14_5_3_7_then_5_3_2_the_customer_does_not_want_the_one_found() -> None:
    """RE14-5.3(7): 乙 received the customer who forgot 甲, and found 甲 in the records
    (50/50).  The customer then says they do not want 甲 and asks for 乙: RE14-5.3(2),
    the customer's wish (客户意愿为准), 乙 80 %, 甲 20 % while 甲's registration is
    valid, as after RE14-5.3(8)'s 50/50.  Before, the request 'disagreed with the
    record' and asked for a ruling."""
    story = [
        *seen(0, "甲"),
        *seen(10, "乙", previous=Previous.FORGOT),
        Recognition(at=at(12), customer=C, original="甲", by_records=True),
        SwitchRequest(at=at(15), customer=C, from_="甲", to="乙"),
    ]
    a = attribute([*story, deal(20, "乙")], RE14)
    assert (a.needs_ruling, a.owner, split(a)) == (
        False,
        "乙",
        sp(乙=Fraction(4, 5), 甲=Fraction(1, 5)),
    )
    assert str(a.steps[-1]) == (
        "RE14-5.3(2): the customer did not want 甲 and asked for 乙; 甲's registration is valid"
    )
    # by the deal 甲's registration has lapsed: 甲's 20 % goes to 乙
    assert split(attribute([*story, deal(70, "乙")], RE14)) == sp(乙=1)


@pytest.mark.parametrize("removal", ["draw", "complaint"])
def test_re14_5_3_7_found_after_the_receiver_was_replaced(removal: str) -> None:
    """RE14-5.3(7): 乙 received the customer who forgot 甲; before 甲 is found in the
    records, 乙 goes (a draw while on leave, or a confirmed complaint) and 丁 receives
    the customer in 乙's place.  Found later: 50/50, 丁 taking 乙's half, and 丁, who
    follows the customer up (RE14-5.3(9)), is the owner.  Before, the owner was 甲."""
    away = (
        Reallocation(at=at(11), customer=C, from_="乙", to="丁", draw="抽签")
        if removal == "draw"
        else SalespersonComplaint(
            at=at(11), customer=C, against="乙", reported_by="丁", confirmed=True
        )
    )
    story = [
        *seen(0, "甲"),
        *seen(10, "乙", previous=Previous.FORGOT),
        away,
        Recognition(at=at(12), customer=C, original="甲", by_records=True),
    ]
    now = attribute(story, RE14, as_of=at(13))
    assert (now.owner, now.needs_ruling) == ("丁", False)
    a = attribute([*story, deal(15, "丁")], RE14)
    assert (a.owner, split(a)) == ("丁", sp(丁=Fraction(1, 2), 甲=Fraction(1, 2)))


_SHARED_RE12 = [
    *seen(0, "甲"),
    SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
]


@pytest.mark.parametrize(
    ("recognised", "when", "by_records", "expected"),
    [
        # (g) the same day: back to 甲 and 乙 as they were, the 70/30 and all
        ("乙", 10 + 2 / 24, False, {"甲": Fraction(7, 10), "乙": Fraction(3, 10)}),
        ("甲", 10 + 2 / 24, False, {"甲": Fraction(7, 10), "乙": Fraction(3, 10)}),
        # (i) within the month: 丙's half, and theirs shared 70/30
        ("乙", 15, False, {"丙": H, "甲": Fraction(7, 20), "乙": Fraction(3, 20)}),
        ("甲", 10 + 2 / 24, True, {"丙": H, "甲": Fraction(7, 20), "乙": Fraction(3, 20)}),
        # (j) not recognised: all to 丙
        (None, 0, False, {"丙": Fraction(1)}),
    ],
)
def test_re12_3_7_a_customer_who_forgot_salespeople_sharing_a_split(
    recognised: str | None, when: float, by_records: bool, expected: dict[str, Fraction]
) -> None:
    """RE12-5.2 left the customer 甲's (70 %) with 乙 following up (30 %); the customer
    came back having forgotten them, and 丙 received them as new (RE12-3.7).  Either
    of the two is "the original salesperson".  Before, recognising 乙 (the one the
    customer dealt with) was ignored (丙 took everything), and recognising 甲 the same
    day dropped 乙's 30 %."""
    story = [*_SHARED_RE12, *seen(10, "丙", previous=Previous.FORGOT)]
    if recognised is not None:
        story.append(
            Recognition(at=at(when), customer=C, original=recognised, by_records=by_records)
        )
    a = attribute([*story, deal(20, "丙")], RE12)
    assert split(a) == sp(**expected)
    lines = [str(s) for s in a.steps]
    assert (
        "RE12-3.7: the customer had visited but forgot 甲, 乙; 丙 received them as a new customer"
        in lines
    )
    if expected == {"甲": Fraction(7, 10), "乙": Fraction(3, 10)}:
        assert lines[-1] == (
            f"RE12-3.7(g): {recognised} was recognised the same day: the customer goes back "
            "to 甲, 乙 as before; the split above stands"
        )
        assert a.follow_up == "乙"
        now = attribute(story, RE12, as_of=at(when, 1))
        assert (now.owner, now.follow_up) == ("甲", "乙")
    elif len(expected) == 3:
        assert lines[-1] == (
            "RE12-3.7(i): the part of 甲, 乙 is shared as their split was when the customer "
            "forgot them"
        )


def test_re12_3_7_one_of_the_customers_salespeople_receiving_them_is_no_new_one() -> None:
    """The customer who forgot is received by 乙, who follows them up after RE12-5.2:
    the customer is with their own salesperson, and the 70/30 stands.  Before, 乙 was
    read as a new salesperson, and took everything at the deal (RE12-3.7(j))."""
    story = [*_SHARED_RE12, *seen(10, "乙", previous=Previous.FORGOT), deal(20, "乙")]
    assert split(attribute(story, RE12)) == sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))


@pytest.mark.parametrize("deal_day", [20, 70])
def test_re14_5_3_7_found_one_of_salespeople_sharing_a_split(deal_day: int) -> None:
    """RE14-5.3(2): the customer did not want 甲 and asked for 乙 (乙 80 %, 甲 20 % while
    甲's registration is valid); later they forgot, 丙 received them in turn and found
    甲 in the records (RE14-5.3(7)): 丙 50 %, and 乙 and 甲 share the other half 80/20.
    By day 70 甲's registration (day 0) has lapsed: 甲's tenth goes to 乙, the holder
    RE14-5.3(2) made, not to 丙."""
    story = [
        *seen(0, "甲"),
        *seen(5, "乙"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙"),
        *seen(10, "丙", previous=Previous.FORGOT),
        Recognition(at=at(11), customer=C, original="甲", by_records=True),
        deal(deal_day, "丙"),
    ]
    a = attribute(story, RE14)
    if deal_day == 20:
        assert split(a) == sp(丙=H, 乙=Fraction(2, 5), 甲=Fraction(1, 10))
    else:
        assert split(a) == sp(丙=H, 乙=H)
        assert str(a.steps[-1]) == (
            "RE14-5.3(2): 甲's registration had lapsed by the deal: 甲's 1/10 goes to 乙"
        )
    assert [str(s) for s in a.steps_in("zh")][3:6] == [
        "RE14-5.3(7): 客户忘记了谁接待过；丙按轮序接待：成交与乙、甲无关",
        "RE14-5.3(7): 丙在记录中查到甲，且甲的登记仍有效：奖金分成",
        "RE14-5.3(7): 乙、甲的份额按客户忘记他们时的分成比例分配",
    ]


def test_re14_5_3_1_a_customer_who_forgot_salespeople_sharing_a_split_goes_back() -> None:
    """RE14-5.3(2) left 乙 80 %, 甲 20 %; the customer forgot them, and during 丙's
    reception 甲, present, is recognised (RE14-5.3(1)): the customer goes back to 乙 and
    甲 as they were."""
    story = [
        *seen(0, "甲"),
        *seen(5, "乙"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙"),
        *seen(10, "丙", previous=Previous.FORGOT),
        Recognition(at=at(10, 11), customer=C, original="甲"),
        deal(12, "丙"),
    ]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("乙", sp(乙=Fraction(4, 5), 甲=Fraction(1, 5)))
    assert str(a.steps_in("zh")[-1]) == ("RE14-5.3(1): 当天认出甲：客户照旧归乙、甲，上述分成不变")
    assert attribute(story[:-1], RE14, as_of=at(10, 12)).owner == "乙"


def test_re14_5_3_7_found_one_whose_registration_had_lapsed_among_several() -> None:
    """The customer forgot 乙 and 甲 (RE14-5.3(2)'s 80/20); 丙 found 甲 in the records
    after 甲's registration had lapsed (乙's still valid): RE14-5.3(7) 若属建档无效期，则与b
    无关, the one found has no part, and 丙 keeps the customer."""
    story = [
        *seen(0, "甲"),
        *seen(40, "乙"),
        SwitchRequest(at=at(40, 11), customer=C, from_="甲", to="乙"),
        *seen(50, "丙", previous=Previous.FORGOT),
        Recognition(at=at(65), customer=C, original="甲", by_records=True),
        deal(66, "丙"),
    ]
    assert split(attribute(story, RE14)) == sp(丙=1)
    found_yi = [*story[:-2], attrs.evolve(story[-2], original="乙"), story[-1]]
    assert split(attribute(found_yi, RE14)) == sp(丙=H, 乙=H)


def test_re14_a_forgetful_pending_case_gives_the_forgotten_no_part_for_a_draw() -> None:
    """RE14-5.3(7) pending: 乙 received the customer who forgot 甲.  A draw of 甲's
    customers then does not move a part 甲 does not hold yet (only a finding in the
    records would give one): it disagrees with the record, as before."""
    story = [
        *seen(0, "甲"),
        *seen(10, "乙", previous=Previous.FORGOT),
        Reallocation(at=at(11), customer=C, from_="甲", to="丁", draw="抽签"),
        deal(15, "乙"),
    ]
    assert attribute(story, RE14).needs_ruling


def test_re14_5_3_2_a_request_to_leave_a_rulings_party_is_no_clause_case() -> None:
    """A ruling gave 乙 and 甲 half each (乙 the owner); a later request to leave 甲 for 乙
    is not RE14-5.3(2)'s case (only RE14-5.3(7)'s and (8)'s splits are): the request and
    the record disagree, a ruling."""
    story = [
        *seen(0, "甲"),
        ruling(2, {"salesperson:甲": H, "salesperson:乙": H}, owner="乙"),
        SwitchRequest(at=at(5), customer=C, from_="甲", to="乙"),
        deal(8, "乙"),
    ]
    assert attribute(story, RE14).needs_ruling


def test_re12_3_7_one_who_lost_every_right_is_no_new_salesperson() -> None:
    """RE12-3.10: the customer firmly refused 甲, and 乙 received them in 甲's place; on a
    later day the customer, who forgot who received them, is received by 甲: the
    customer stays 乙's."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", firm=True, granted_to="乙"),
        *seen(10, "甲", previous=Previous.FORGOT),
        deal(12, "甲"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-3.7: 甲 lost every right to this customer earlier: the customer stays 乙's" in [
        str(s) for s in a.steps
    ]


def test_re14_5_3_8_the_salespeople_a_customer_forgot_are_no_earlier_ones() -> None:
    """RE14-5.3(2) left 乙 80 %, 甲 20 %; the customer forgot them, 丙 received them in
    turn (RE14-5.3(7): the deal is none of theirs unless found), and on a later visit
    named 丁 (RE14-5.3(8)): the earlier salespeople are 丙's, not 甲's or 乙's.  Before,
    甲 (who shared the split the customer forgot) counted as one."""
    story = [
        *seen(0, "甲"),
        *seen(5, "乙"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙"),
        *seen(10, "丙", previous=Previous.FORGOT),
        *seen(15, "丁", previous=Previous.NAMES, asked_for=["丁"]),
        deal(20, "丁"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丁=H, 丙=H)
    assert "RE14-5.3(8): on visit 4 the customer named 丁; earlier salesperson(s): 丙" in [
        str(s) for s in a.steps
    ]


def test_re14_5_3_7_found_after_the_registration_lapsed() -> None:
    """RE14-5.3(7) 若属建档有效期 ... 若属建档无效期，则与b无关: the registration is read
    when A finds B in the records.  甲 registered on 2 March (valid to 2 May); the
    customer came back on 26 April, forgetting 甲, and 乙 found 甲 on 7 May.  Before, 甲
    was paid half and the trail said 甲's registration was valid.  RE12-3.7(i) sets no
    such condition: its month from the forgotten visit decides."""
    forgot = [*seen(0, "甲"), *seen(55, "乙", previous=Previous.FORGOT)]
    found = Recognition(at=at(66), customer=C, original="甲", by_records=True)
    a = attribute([*forgot, found, deal(69, "乙")], RE14)
    assert (a.owner, split(a)) == ("乙", sp(乙=1))
    assert a.explain("en").splitlines()[-1] == (
        "RE14-5.2: 甲 was recognised (2026-05-07 10:00), but 甲's registration had lapsed: "
        "the recognition gives 甲 no claim"
    )
    # found on 2 May, the last day of 甲's registration: the bonus is split
    in_time = attrs.evolve(found, at=at(61))
    assert split(attribute([*forgot, in_time, deal(69, "乙")], RE14)) == sp(甲=H, 乙=H)
    # RE12-3.7(i): recognised within a month of the forgotten visit, after 甲's month
    twelve = [*seen(0, "甲"), *seen(23, "乙", previous=Previous.FORGOT)]
    late = Recognition(at=at(39), customer=C, original="甲")
    assert split(attribute([*twelve, late, deal(41, "乙")], RE12)) == sp(甲=H, 乙=H)


# -- RE12-3.10: a new customer refuses the salesperson ------------------------------------


@pytest.mark.parametrize(
    ("fault", "firm", "expected"),
    [
        (Fault.NONE, False, sp(甲=1)),  # (a) refused
        (Fault.MINOR, False, sp(甲=1)),  # (b) continues
        (Fault.SERIOUS, False, sp(丙=1)),  # (c) next in rotation, 甲 loses every right
        (Fault.NONE, True, sp(丙=1)),  # (c) firm refusal
    ],
)
def test_re12_3_10_refusals(fault: Fault, firm: bool, expected: dict[str, Fraction]) -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(
            at=at(0, 11), customer=C, from_="甲", fault=fault, firm=firm, granted_to="丙"
        ),
        reg(0.1, "丙"),
        deal(5, "丙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == expected
    assert "RE12-3.10" in a.rules
    if expected == sp(丙=1):  # RE12-3.10(c): 甲 loses every right
        assert "甲 lost every right" in a.explain()


def test_re12_3_10_the_closer_who_took_over_holds_by_the_clause_in_a_household() -> None:
    """RE12-3.10(c) with RE12-7.4: 王先生 refused 甲 firmly and nobody was recorded as
    taking over; 丁 closed the household's deal on 王先生's record, so 丁 took over (a
    claim by the clause, not a deal closed for want of one), and 王太太's 丙 serves the
    household with 丁.  Before, 王先生's record counted as holding no claim: 丙 took all."""
    wife = "王太太"
    refusal = SwitchRequest(at=at(0, 11), customer=C, from_="甲", firm=True)
    story = [
        *seen(0, "甲"),
        refusal,
        *seen(0, "丙", customer=wife),
        HouseholdLink(at=at(0, 9), customer=C, other=wife),
        deal(0, "丁", hour=13),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(丁=H, 丙=H)
    assert "RE12-7.4" in a.rules
    # the deal on 王太太's record says nothing of who took 王先生 over: a ruling
    on_her = [*story[:-1], deal(0, "丁", hour=13, customer=wife)]
    assert attribute(on_her, RE12, customer=C).needs_ruling


@pytest.mark.parametrize(("fault", "firm"), [(Fault.SERIOUS, False), (Fault.NONE, True)])
def test_re12_3_10_the_next_salesperson_receiving_takes_over(fault: Fault, firm: bool) -> None:
    """RE12-3.10(c): "由下一位售楼员接待，该客户视为新客户".  A host that records the
    refusal without ``granted_to`` and then the next salesperson's reception (a visit,
    or the registration of the customer as new) has said who took over: 乙's customer.
    Before, the case still waited for a ruling on who took over, and the deal had none."""
    refusal = SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault=fault, firm=firm)
    visit_and_form = seen(0.1, "乙")
    form_only = [reg(0.1, "乙")]
    visit_only = [visit(0.1, "乙")]
    for taking_over in (visit_and_form, form_only, visit_only):
        a = attribute([*seen(0, "甲"), refusal, *taking_over, deal(5, "乙")], RE12)
        assert split(a) == sp(乙=1), taking_over
        assert a.steps[-1].rule == "RE12-3.10"
        assert a.steps[-1].facts.startswith("乙 received the customer as new (2026-03-02 1")
        assert a.steps[-1].facts.endswith(") and took over from 甲")
        assert a.steps_in("zh")[-1].facts.endswith("接替甲")
        # 甲 lost every right: the deal is 乙's whoever closes it
        assert split(attribute([*seen(0, "甲"), refusal, *taking_over, deal(5, "丙")], RE12)) == (
            sp(乙=1)
        )
    # 甲 received the customer but had not registered them yet: the same
    unregistered = [visit(0, "甲"), refusal, reg(0.1, "乙"), deal(5, "乙")]
    assert split(attribute(unregistered, RE12)) == sp(乙=1)
    # the customer names 丁 on entering the next reception: 丁's (RE12-5.1)
    named = visit(0.1, "乙", asked_for=["丁"], named_on_entry=True)
    assert split(attribute([*seen(0, "甲"), refusal, named, deal(5, "乙")], RE12)) == sp(丁=1)
    # the reception answers RE12-3.10's own question, not another one about 甲 (here a
    # later refusal of 甲, who had lost every right, which no clause settles)
    refused = SwitchRequest(at=at(2), customer=C, from_="甲")
    other = attribute([*seen(0, "甲"), refusal, refused, visit(3, "乙"), deal(5, "乙")], RE12)
    assert other.ruling_reason == "RE12-7.7: a returning customer refused 甲: no clause"
    # a reception after the removal lapsed (every registration of its day has) takes
    # over nothing: the customer started over, and the question lapsed with it
    for late in (visit(40, "乙"), reg(40, "乙")):
        a = attribute([*seen(0, "甲"), refusal, late, deal(41, "乙")], RE12)
        assert split(a) == sp(乙=1)
        assert "took over from" not in a.explain()
    # a customer who asks for 丁 later in the reception (not on entering) is 乙's
    asked = visit(0.1, "乙", asked_for=["丁"])
    assert split(attribute([*seen(0, "甲"), refusal, asked, deal(5, "乙")], RE12)) == sp(乙=1)
    # a clause that gives the customer to someone answers the question too (RE12-3.6: a
    # request, on a later day, to leave 乙, who never registered them, for 丙), and a
    # later reception by 丁 is no take-over
    to_c = SwitchRequest(at=at(2), customer=C, from_="乙", to="丙", permitted=True)
    a = attribute([*seen(0, "甲"), refusal, to_c, visit(3, "丁"), deal(5, "丁")], RE12)
    assert split(a) == sp(丙=1)
    assert [str(s) for s in a.steps[-2:]] == [
        "RE12-3.6: the customer asked for 丙",
        "RE12-3.10: 丙 took over from 甲",
    ]
    assert str(a.steps_in("zh")[-1]) == "RE12-3.10: 丙接替了甲"
    # nobody received the customer after the refusal: who took over needs a ruling, until
    # someone closes the deal: the closer took over, and holds the customer by the clause,
    # not for want of a claim (a household's deal counts their claim)
    assert attribute([*seen(0, "甲"), refusal], RE12, as_of=at(5)).needs_ruling
    closed = attribute([*seen(0, "甲"), refusal, deal(5, "乙")], RE12)
    assert split(closed) == sp(乙=1)
    assert [str(s) for s in closed.steps[2:]] == [
        "RE12-3.10: 乙 closed the deal (2026-03-07 15:00) and so took over from 甲"
    ]
    # 甲, who lost every right, receiving the customer again answers nothing
    again = attribute([*seen(0, "甲"), refusal, visit(0.1, "甲"), deal(5, "甲")], RE12)
    assert again.needs_ruling


def test_re12_3_10_and_5_2_a_customer_who_started_over_is_new_that_day() -> None:
    """RE12-3.10 and RE12-5.2 speak of 当日来访的新客户.  甲's January registration lapsed
    in February; the customer comes back on 1 May and 乙 receives them as new: that day
    they are a new customer, who may refuse 乙 or name 丙 mid-reception (before, the
    January visit made them a returning customer: a courtesy, or no clause at all)."""
    old = seen(-60, "甲")
    switch = SwitchRequest(at=at(0, 11), customer=C, from_="乙", to="丙", permitted=True)
    a = attribute([*old, *seen(0, "乙"), switch, deal(2, "丙")], RE12)
    assert split(a) == sp(乙=Fraction(7, 10), 丙=Fraction(3, 10))
    assert "RE12-5.2" in a.rules
    refused = attrs.evolve(switch, to=None, fault=Fault.SERIOUS, granted_to="丙")
    assert split(attribute([*old, *seen(0, "乙"), refused, deal(2, "丙")], RE12)) == sp(丙=1)
    # the next day they are 乙's returning customer: RE12-5.3, all to 乙
    later = attrs.evolve(switch, at=at(1, 11))
    assert split(attribute([*old, *seen(0, "乙"), later, deal(2, "丙")], RE12)) == sp(乙=1)


def test_a_customer_who_started_over_is_first_seen_at_the_first_visit_of_that_day() -> None:
    """The customer starts over at the first visit after every claim lapsed (RE12-7.1,
    RE14-5.2); later visits that day are in the same run.  Before, the last visit of the
    day was read as the run's first: 甲, who had registered the customer a year before,
    received them again that day under RE12-3.7 and closed on the spot, yet 乙's
    registration that morning was read as made "meanwhile" and took the deal; and in a
    household (RE14-5.3(11)) a second visit that day made 王先生 later than 王太太."""
    year_ago = seen(-365, "甲")
    today = [
        *seen(0, "乙"),  # 10:00
        visit(0.02, "甲", previous=Previous.FORGOT),  # 10:28
        deal(0, "甲", hour=11),
    ]
    assert split(attribute([*year_ago, *today], RE12)) == split(attribute(today, RE12))
    assert split(attribute([*year_ago, *today], RE12)) == sp(甲=1)  # RE12-3.7(h)
    wife = "王太太"
    household = [
        *seen(-365, "丁"),
        *seen(0, "甲"),  # 10:00
        visit(0.2, "甲"),  # 14:48
        *seen(0.1, "乙", customer=wife),  # 12:24
        HouseholdLink(at=at(1), customer=C, other=wife),
        deal(5, "乙", customer=wife),
    ]
    a = attribute(household, RE14, customer=C)
    assert split(a) == sp(甲=1)
    assert "RE14-5.3(11): one household: 王先生 visited first, so the first salesperson wins" in [
        str(s) for s in a.steps
    ]


def test_a_pending_case_is_not_judged_by_a_long_lapsed_registration() -> None:
    """甲 registered the customer a year ago.  Today 丙 registers them; the customer,
    who forgot 丙, is received as new by 甲 (RE12-3.7), then, forgetting 甲, by 乙, and 甲
    closes that day: neither (g) nor (h), a ruling.  Before, 甲's registration of a year
    ago was read as the one behind the pending case, lapsed, and the deal went to 甲 as
    if every claim had lapsed (丙's registration of the morning stands behind it)."""
    today = [
        *seen(0, "丙"),
        visit(0.02, "甲", previous=Previous.FORGOT),
        visit(0.03, "乙", previous=Previous.FORGOT),
        deal(0, "甲", hour=11),
    ]
    alone = attribute(today, RE12)
    assert alone.needs_ruling
    assert essence(attribute([*seen(-365, "甲"), *today], RE12)) == essence(alone)


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_recognising_a_salesperson_whose_registration_lapsed(policy: AttributionPolicy) -> None:
    """甲's registration lapsed; 乙 received the customer (who forgot 甲) as new and
    registered them; 甲 was recognised in person that day and closed later: 乙's customer
    (RE12-7.1, RE14-5.2), and the trail says why the recognition gave 甲 nothing."""
    story = [
        *seen(0, "甲"),
        *seen(70, "乙", previous=Previous.FORGOT),
        Recognition(at=at(70, 11), customer=C, original="甲"),
        deal(72, "甲"),
    ]
    a = attribute(story, policy)
    assert split(a) == sp(乙=1)
    assert (
        f"{policy.cite('valid')}: 甲 was recognised (2026-05-11 11:00), but 甲's registration "
        "had lapsed: the recognition gives 甲 no claim"
    ) in [str(s) for s in a.steps]


def test_a_pending_case_stands_on_the_registrations_a_clause_holder_stands_on() -> None:
    """RE12-3.7: the customer forgot 甲 (registered in March) and 乙 received them as new,
    without registering them; 丙 registered them later (which changes nothing while 乙
    holds them by the clause, on the strength of the customer's registrations).  At the
    deal 甲's registration has lapsed, 丙's has not: 乙 still holds the customer, and (j)
    gives 乙 everything.  Before, the case lapsed with 甲's registration and the deal went
    to whoever closed it, though 乙 held the customer the day before."""
    story = [*seen(0, "甲"), visit(20, "乙", previous=Previous.FORGOT), *seen(25, "丙")]
    assert attribute(story, RE12, as_of=at(39)).owner == "乙"
    a = attribute([*story, deal(40, "丁")], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-3.7(j)" in a.rules
    # once 丙's registration has lapsed too, every claim has: the closer's
    assert split(attribute([*story, deal(70, "丁")], RE12)) == sp(丁=1)


@pytest.mark.parametrize("before", [True, False])
def test_a_clause_holder_with_no_registration_in_their_run_lapses_like_one(before: bool) -> None:
    """RE12-5.2 on a day the customer is new (again, after 甲's registration lapsed, or
    the first time, nobody registered): the manager let 乙 take over from 甲, who
    received them, and no form of that day came in.  甲 holds the customer by the
    clause, and that hold lapses a month later like a registration of that day
    (RE12-7.1): nobody holds the customer after, and a deal then is its closer's.
    Before, the clause stood for ever.  (Found by the law that every claim lapses,
    on a seed of the mutation run's.)"""
    day = 40 if before else 0
    story = [
        *(seen(0, "甲") if before else []),
        visit(day, "甲"),
        SwitchRequest(at=at(day, 11), customer=C, from_="甲", to="乙", permitted=True),
    ]
    assert attribute(story, RE12, as_of=at(day + 20)).owner == "甲"
    assert attribute(story, RE12, as_of=at(day + 40)).owner is None
    last = (add_months(at(day).date(), 1) - at(0).date()).days  # (RE12-7.1: one month)
    assert attribute(story, RE12, as_of=at(last, 23)).owner == "甲"
    assert attribute(story, RE12, as_of=at(last + 1, 1)).owner is None
    late = attribute([*story, deal(day + 40, "丙")], RE12)
    assert split(late) == sp(丙=1)
    assert split(attribute([*story, deal(day + 20, "丙")], RE12)) == sp(
        甲=Fraction(7, 10), 乙=Fraction(3, 10)
    )


def test_re12_a_request_to_leave_a_salesperson_with_no_registration_leaves_nobody() -> None:
    """RE12-7.1, 7.2: 甲 never held a registration that counts (or only one of a year
    ago); 乙's has lapsed.  A returning customer who refuses 甲 leaves nobody: no ruling,
    the same answer whether or not 甲 registered the customer a year ago (before, the
    request without that old registration went to the manager as "no clause")."""
    story = [
        *seen(0, "乙"),
        SwitchRequest(at=at(40), customer=C, from_="甲"),
        deal(40, "甲"),
    ]
    a = attribute(story, RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))
    assert "RE12-7.1: 甲 holds no registration of the customer: nobody to leave" in [
        str(s) for s in a.steps
    ]
    assert essence(attribute([*seen(-365, "甲"), *story], RE12)) == essence(a)


# -- RE12-4, RE14-2.5, RE14-5.3(3): the salesperson is absent ---------------------------------


def test_re12_4_courtesy_against_re14_2_5_same_day() -> None:
    story = [
        *seen(0, "甲"),
        visit(7, "丙", previous=Previous.NAMES, courtesy_for="甲"),
        deal(7, "丙"),
    ]
    assert split(attribute(story, RE12)) == sp(甲=1)  # 义务接待: still 甲's
    assert "RE12-4" in attribute(story, RE12).rules
    assert split(attribute(story, RE14)) == sp(甲=H, 丙=H)  # same-day deal: 五五分成
    later = [*story[:-1], deal(9, "甲")]
    assert split(attribute(later, RE14)) == sp(甲=1)  # otherwise a courtesy


def test_re12_4_a_courtesy_for_a_salesperson_a_clause_gave_the_customer() -> None:
    # RE12-5.1 made the customer 甲's without a registration: a courtesy for 甲 keeps it
    # so, and the trail does not say 甲 has no claim
    story = [
        visit(0, "甲", asked_for=["甲"], named_on_entry=True),
        visit(5, "丙", previous=Previous.NAMES, courtesy_for="甲"),
        deal(5, "丙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert a.explain().splitlines()[-1] == (
        "RE12-4: 丙 received the customer as a courtesy for 甲; the customer stays 甲's"
    )
    # RE12-3.7: 乙 received the forgetful customer as new and holds them on 甲's
    # registration, with none of their own: a courtesy for 乙 keeps them 乙's too
    forgot = [
        *seen(0, "甲"),
        visit(10, "乙", previous=Previous.FORGOT),
        visit(15, "丙", previous=Previous.NAMES, courtesy_for="乙"),
        deal(16, "乙"),
    ]
    b = attribute(forgot, RE12)
    assert split(b) == sp(乙=1)
    assert "RE12-4: 丙 received the customer as a courtesy for 乙; the customer stays 乙's" in (
        b.explain().splitlines()
    )


def test_re14_5_3_3_named_but_absent() -> None:
    story = [
        *seen(0, "甲"),
        visit(7, "丙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲"),
        deal(9, "丙"),
    ]
    assert split(attribute(story, RE14)) == sp(甲=Fraction(4, 5), 丙=Fraction(1, 5))
    assert split(attribute(story, RE12)) == sp(甲=1)


# -- RE12-5.1 / RE14-2.5(1): designation on entering --------------------------------------------


def test_re12_5_1_and_re14_2_5_1_named_on_entering() -> None:
    story = [visit(0, "丁", asked_for=["丁"], named_on_entry=True), reg(0, "丁"), deal(3, "丁")]
    for policy, rule in ((RE12, "RE12-5.1"), (RE14, "RE14-2.5(1)")):
        a = attribute(story, policy)
        assert split(a) == sp(丁=1)
        assert rule in a.rules


@pytest.mark.parametrize(("policy", "rule"), [(RE12, "RE12-5.1"), (RE14, "RE14-2.5(1)")])
def test_named_on_entering_but_received_by_another(policy: AttributionPolicy, rule: str) -> None:
    """The new customer named 丁 on entering (RE12-5.1 由该售楼员接待, RE14-2.5(1) 即为该
    销售员客户), but 乙 received and registered them: 丁's customer all the same (before,
    乙's, and the trail said the customer had named 乙)."""
    story = [visit(0, "乙", asked_for=["丁"], named_on_entry=True), reg(0, "乙"), deal(3, "乙")]
    a = attribute(story, policy)
    assert split(a) == sp(丁=1)
    assert (
        f"{rule}: the new customer named 丁 on entering: 丁's customer, though 乙 received them"
        in [str(s) for s in a.steps]
    )


@pytest.mark.parametrize(
    ("policy", "rule", "months"), [(RE12, "RE12-5.1", 1), (RE14, "RE14-2.5(1)", 2)]
)
def test_a_reception_a_clause_gives_counts_as_a_registration_from_the_visit(
    policy: AttributionPolicy, rule: str, months: int
) -> None:
    """RE12-5.1, RE14-2.5(1) with RE12-7.1, RE14-5.2: the named salesperson holds the
    customer from the visit for the policy's validity, registered or not; a deal
    someone else closes after that is the closer's."""
    named = visit(0, "甲", asked_for=["甲"], named_on_entry=True)
    last = last_valid_day(months)
    inside = attribute([named, deal(last, "乙")], policy)
    assert (split(inside), inside.owner, inside.rules) == (sp(甲=1), "甲", (rule,))
    after = attribute([named, deal(last + 1, "乙")], policy)
    assert (split(after), after.owner) == (sp(乙=1), "乙")
    assert after.explain().splitlines()[1:] == [
        f"{policy.cite('valid')}: 甲's registration had lapsed",
        f"{policy.cite('valid')}: 乙 closed the deal with no valid claim against it",
    ]
    # the reception is 甲's registration: a later one by 乙 does not beat it (RE12-7.3)
    late = attribute([named, *seen(1, "乙"), deal(last, "乙")], policy)
    assert split(late) == sp(甲=1)


@pytest.mark.parametrize(
    ("policy", "rule", "months"), [(RE12, "RE12-3.6", 1), (RE14, "RE14-5.3(1)", 2)]
)
def test_a_customer_back_after_the_registration_lapsed_asks_for_the_same_salesperson(
    policy: AttributionPolicy, rule: str, months: int
) -> None:
    """RE12-3.6, RE14-5.3(1) with RE12-7.1, RE14-5.2: 甲's registration has lapsed when
    the customer comes back asking for 甲, and 甲 receives them: the reception is 甲's
    registration from that visit, as it would be for anyone the customer asked for; a
    deal 乙 closes a week later is 甲's, not the closer's."""
    back = last_valid_day(months) + 3
    again = visit(back, "甲", previous=Previous.NAMES, asked_for=["甲"])
    a = attribute([*seen(0, "甲"), again, deal(back + 7, "乙")], policy)
    assert (split(a), a.owner) == (sp(甲=1), "甲")
    assert a.explain().splitlines()[1:] == [
        f"{policy.cite('valid')}: 甲's registration had lapsed",
        f"{rule}: the customer asked for 甲",
    ]
    # the same for someone the customer never met, and a month after that visit the
    # new registration lapses too
    stranger = attribute([*seen(0, "丙"), again, deal(back + 7, "乙")], policy)
    assert split(stranger) == sp(甲=1)
    later = back + (add_months(at(back).date(), months) - at(back).date()).days
    assert split(attribute([*seen(0, "甲"), again, deal(later + 1, "乙")], policy)) == sp(乙=1)


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_customer_back_after_the_registration_lapsed_asks_for_an_absent_salesperson(
    policy: AttributionPolicy,
) -> None:
    """RE12-3.6 with RE12-4, RE14-5.3(3): as above, but 甲 is away and 丙 receives the
    customer for 甲.  The customer asked for 甲: the reception is 甲's registration
    from that visit, 丙's a courtesy (RE12-4: all 甲's) or an assistance (RE14-5.3(3):
    甲 80 %, 丙 20 %).  Before, 甲's lapse let 丙 take everything under RE12, though 甲
    present would have owned the customer.  A courtesy the customer did not ask for
    gives nothing (the customer is nobody's, as before)."""
    back = last_valid_day(policy.registration_validity_months) + 3
    asked = visit(back, "丙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲")
    a = attribute([*seen(0, "甲"), asked, deal(back + 5, "丙")], policy)
    expected = sp(甲=1) if policy is RE12 else sp(甲=Fraction(4, 5), 丙=Fraction(1, 5))
    assert (split(a), a.owner, a.follow_up) == (expected, "甲", "甲")
    assert f"{policy.cite('valid')}: 甲's registration had lapsed" in a.explain()
    # as of the visit, the customer is 甲's again
    assert attribute([*seen(0, "甲"), asked], policy, as_of=at(back, 11)).owner == "甲"
    # the customer did not ask for 甲: nobody holds them, and the closer takes the deal
    unasked = visit(back, "丙", courtesy_for="甲")
    assert split(attribute([*seen(0, "甲"), unasked, deal(back + 5, "丁")], policy)) == sp(丁=1)


# -- RE12-5.2, RE12-5.3, RE14-5.3(2): asking for another salesperson ------------------------


@pytest.mark.parametrize(
    ("permitted", "incited", "re12"),
    [
        (False, False, sp(甲=1)),
        (True, False, sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))),
        (True, True, sp(甲=1)),
    ],
)
def test_re12_5_2_against_re14_5_3_2(
    permitted: bool, incited: bool, re12: dict[str, Fraction]
) -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(
            at=at(0, 11), customer=C, from_="甲", to="乙", permitted=permitted, incited=incited
        ),
        deal(4, "乙"),
    ]
    assert split(attribute(story, RE12)) == re12
    # RE14: the customer's wish prevails; 甲 is still registered: 80/20
    assert split(attribute(story, RE14)) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))


def test_re12_5_2_a_request_to_leave_someone_who_never_had_the_customer() -> None:
    """RE12-5.2 splits 70/30 between the salesperson who received the new customer and
    the one named.  A request, that first day, to leave 丁, who never had the customer
    (乙 received them, and nobody registered yet), leaves nobody: the manager let the
    customer go to 丙, whose customer it is from then (before: 丁 70 %, 丙 30 %; with
    incitement, 丁 everything)."""
    for incited in (False, True):
        story = [
            visit(0, "乙"),
            SwitchRequest(
                at=at(0, 11), customer=C, from_="丁", to="丙", permitted=True, incited=incited
            ),
            deal(3, "丙"),
        ]
        a = attribute(story, RE12)
        assert split(a) == sp(丙=1)
        assert a.explain().splitlines()[0] == (
            "RE12-7.1: 丁 holds no registration of the customer: nobody to leave"
        )
    # 乙, who received them, is the one a request leaves (the form may come later)
    story = [
        visit(0, "乙"),
        SwitchRequest(at=at(0, 11), customer=C, from_="乙", to="丙", permitted=True),
        reg(0.1, "乙"),
        deal(3, "丙"),
    ]
    assert split(attribute(story, RE12)) == sp(乙=Fraction(7, 10), 丙=Fraction(3, 10))


def test_re12_5_2_a_customer_new_again_whose_first_receiver_files_the_form_later() -> None:
    """RE12-5.2 on the day a customer is new again (every claim of 甲's March
    registration had lapsed): 甲 receives them, the customer asks for 乙 at 11:00 and
    the manager allows it; 乙 fills in a form at 12:00 and 甲 at 13:00 (or never).  甲
    holds the customer by the clause until then, as on a first visit: 70/30 (before:
    甲's lapsed March form made 乙's form take the customer, 乙 100 %)."""
    back = [
        *seen(0, "甲"),
        visit(45, "甲"),
        SwitchRequest(at=at(45, 11), customer=C, from_="甲", to="乙", permitted=True),
        reg(45 + 2 / 24, "乙"),
    ]
    seventy = sp(甲=Fraction(7, 10), 乙=Fraction(3, 10))
    for late in ([reg(45 + 3 / 24, "甲")], []):
        a = attribute([*back, *late, deal(50, "乙")], RE12)
        assert (split(a), a.owner, a.follow_up) == (seventy, "甲", "乙")
        assert a.explain().splitlines()[2] == (
            "RE12-7.3: 乙 registered the customer, whom a clause gave to 甲 (above): the "
            "registration changes nothing"
        )
    # a year on, 甲's hold by the clause has lapsed with every claim of its time
    a = attribute([*back, *seen(420, "丙"), deal(420, "丙")], RE12)
    assert split(a) == sp(丙=1)


def test_re12_5_2_a_customer_back_asking_for_the_salesperson_who_follows_them_up() -> None:
    """After RE12-5.2's permitted switch, 乙 follows the customer up: a customer back
    asking for 乙 is not asking for another salesperson (before, the trail said RE12-5.3
    refused it), and the 70/30 stands."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
        visit(12, "乙", previous=Previous.NAMES, asked_for=["乙"]),
        deal(20, "乙"),
    ]
    a = attribute(story, RE12)
    assert (split(a), a.follow_up) == (sp(甲=Fraction(7, 10), 乙=Fraction(3, 10)), "乙")
    assert "RE12-5.3" not in a.rules
    assert a.explain("zh").splitlines()[-1] == "RE12-3.6: 回访客户回到乙，由其跟进"


def test_re12_5_3_returning_customer_names_another() -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(6), customer=C, from_="甲", to="乙", permitted=True),
        visit(6, "乙", courtesy_for="甲"),
        deal(6, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert "RE12-5.3" in a.rules


def test_re14_5_3_2_lapsed_earlier_registration_gets_nothing() -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(70), customer=C, from_="甲", to="乙"),
        deal(70, "乙"),
    ]
    assert split(attribute(story, RE14)) == sp(乙=1)


# -- RE12-5.4, RE12-7.5, RE14-5.3(10): an old customer brings a new one -----------------------


@pytest.mark.parametrize(
    ("how", "re12", "rule"),
    [
        ("phoned_ahead", sp(甲=1), "RE12-7.5"),  # (a)
        ("escorted", sp(甲=1), "RE12-7.5"),  # (b)
        ("none", sp(乙=1), "RE12-7.5"),  # (c) a new customer of whoever receives
    ],
)
def test_re12_7_5_against_re14_5_3_10(how: str, re12: dict[str, Fraction], rule: str) -> None:
    story = [
        OldCustomerIntroduction(
            at=at(0, 9), customer=C, old_customer="李老板", salesperson="甲", how=how
        ),
        *seen(0, "乙"),
        deal(3, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == re12
    assert rule in a.rules
    assert split(attribute(story, RE14)) == sp(甲=1)  # always the original salesperson


@pytest.mark.parametrize(
    ("meeting", "clause"),
    [
        ([visit(10, "乙"), Recognition(at=at(10, 11), customer=C, original="甲")], "(1)"),
        ([SwitchRequest(at=at(10), customer=C, from_="甲", to="乙")], "(2)"),
        ([visit(10, "乙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲")], "(3)"),
        ([visit(10, "乙", previous=Previous.FORGOT), reg(10, "乙")], "(7)"),
        ([visit(10, "乙", previous=Previous.NAMES, asked_for=["乙"])], "(8)"),
    ],
)
def test_re14_5_3_a_meets_b(meeting: list[Any], clause: str) -> None:
    """RE14-5.3 frames its cases: A (乙) is the salesperson now receiving the customer and
    B (甲) the one who received them before.  Each meeting of A and B is decided by its
    own case of RE14-5.3, and the trail cites it; RE12 has no such frame and cites none."""
    story = [*seen(0, "甲"), *meeting, deal(12, "乙")]
    assert f"RE14-5.3{clause}" in attribute(story, RE14).rules
    assert not any(r.startswith("RE14") for r in attribute(story, RE12).rules)


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_an_old_customer_brings_only_a_new_customer(policy: AttributionPolicy) -> None:
    """RE12-5.4, RE12-7.5 and RE14-5.3(10) speak of a new customer (新客户) an old one
    brings.  丁 received and registered 王先生 on 2 March; on 3 March an old customer
    brings them asking for 乙: they are not new, and stay 丁's (RE12-7.3, RE14-5.1: the
    earlier registration wins), whoever closes.  Before, the introduction took the
    customer from 丁.  The same day as the first visit, or once 丁's claim has lapsed,
    the customer is new and the introduction decides."""
    rule = "RE12-7.5" if policy is RE12 else "RE14-5.3(10)"

    def brought(day: float) -> OldCustomerIntroduction:
        return OldCustomerIntroduction(
            at=at(day), customer=C, old_customer="李老板", salesperson="乙", how="escorted"
        )

    a = attribute([*seen(0, "丁"), brought(1), deal(20, "丙")], policy)
    assert split(a) == sp(丁=1)
    assert str(a.steps[-1]) == (
        f"{rule}: introduced by old customer 李老板 as 乙's customer, but the customer "
        "visited on an earlier day and is 丁's: not a new customer"
    )
    alone = attrs.evolve(brought(1), how="none")
    a = attribute([*seen(0, "丁"), alone, deal(20, "丙")], policy)
    assert split(a) == sp(丁=1)  # RE14-5.3(10) whether or not the old customer came along
    if policy is RE12:  # (c): the trail does not call them new, nor the receiver's
        assert str(a.steps[-1]) == (
            "RE12-7.5: (c) old customer 李老板 neither phoned nor came, and the customer "
            "visited on an earlier day and is 丁's: not a new customer"
        )
        assert a.steps_in("zh")[-1].facts == (
            "(c) 老客户李老板既未来电也未陪同前来，且该客户此前某日已来访，归丁所有：不是新客户"
        )
        new = attribute([*seen(0, "丁"), attrs.evolve(alone, at=at(0.1)), deal(20, "丙")], policy)
        assert "(c) old customer 李老板 neither phoned nor came: a new customer" in str(
            new.steps[-1]
        )
    assert split(attribute([*seen(0, "丁"), brought(0.1), deal(20, "丙")], policy)) == sp(乙=1)
    assert split(attribute([*seen(-70, "丁"), brought(1), deal(20, "丙")], policy)) == sp(乙=1)


def test_re12_3_10_a_customer_treated_as_new_can_be_brought_by_an_old_one() -> None:
    """RE12-3.10(c) then RE12-7.5(b): the customer firmly refused 丁 (此客户按新客处理)
    and nobody was recorded as taking over; the next day an old customer brings them
    asking for 乙.  丁's registration is still within its month, but 丁 lost every right:
    the customer is new, and 乙's by RE12-7.5(b), not 丁's."""
    refusal = SwitchRequest(at=at(0, 11), customer=C, from_="丁", firm=True)
    brought = OldCustomerIntroduction(
        at=at(1), customer=C, old_customer="李老板", salesperson="乙", how="escorted"
    )
    a = attribute([*seen(0, "丁"), refusal, brought, deal(3, "丙")], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-7.5: (b) old customer 李老板 came along asking for 乙" in str(a.steps[2])


def test_an_old_customer_bringing_the_holders_own_customer_changes_nothing() -> None:
    """RE14-5.3(10), RE12-7.5(b): a customer who visited on an earlier day is no new
    customer, also when the old customer brings them to the salesperson who holds them:
    the case stands as it is.  RE14-5.3(2): the customer left 甲 for 乙 (80/20); an old
    customer then brings them asking for 乙.  Before, the introduction made the customer
    乙's afresh and 甲's 20 % was lost; so was a ruling's split (RE12-7.7, RE14-5.4)."""
    brought = OldCustomerIntroduction(
        at=at(7), customer=C, old_customer="李老板", salesperson="乙", how="escorted"
    )
    left = [
        *seen(0, "甲"),
        visit(5, "乙"),
        SwitchRequest(at=at(5, 11), customer=C, from_="甲", to="乙"),
        reg(5, "乙"),
        brought,
        deal(9, "乙"),
    ]
    a = attribute(left, RE14)
    assert split(a) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert str(a.steps[-1]) == (
        "RE14-5.3(10): introduced by old customer 李老板 as 乙's customer: the customer "
        "visited on an earlier day and is theirs already"
    )
    assert a.steps_in("zh")[-1].facts == (
        "老客户李老板介绍其为乙的客户：该客户此前某日已来访，本就归其所有"
    )
    halves = ruling(3, sp(丙=H, 乙=H), owner="乙")
    for policy in (RE12, RE14):
        ruled = attribute([*seen(0, "甲"), halves, brought, deal(9, "丙")], policy)
        assert split(ruled) == sp(丙=H, 乙=H), policy.name


def test_an_old_customer_cannot_bring_a_customer_to_a_salesperson_who_lost_them() -> None:
    """RE14-5.3(10) would make the customer 乙's, but a confirmed complaint had removed 乙
    (RE14-5.3(4)): nothing changes, and 丁, registered first and still valid, keeps the
    customer.  Before, the customer went to 乙, who lost every right, so a deal closed by
    丙 fell to 丙 as if nobody held them."""
    story = [
        *seen(0, "丁"),
        SalespersonComplaint(
            at=at(0, 13), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        OldCustomerIntroduction(
            at=at(0, 14), customer=C, old_customer="李老板", salesperson="乙", how="escorted"
        ),
        deal(30, "丙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丁=1)
    assert str(a.steps[-1]) == (
        "RE14-5.3(10): introduced by old customer 李老板 as 乙's customer, but 乙 lost every "
        "right to this customer earlier: nothing changes"
    )
    assert a.steps_in("zh")[-1].facts == (
        "老客户李老板介绍其为乙的客户，但乙此前已丧失对该客户的一切权利：归属不变"
    )
    # the same when the old customer did not come along (RE14-5.3(10) all the same)
    alone = [*story[:3], attrs.evolve(story[3], how="none"), story[4]]
    assert split(attribute(alone, RE14)) == sp(丁=1)


@pytest.mark.parametrize("deal_day", [0, 3])
def test_an_introduced_new_customer_received_as_a_courtesy(deal_day: int) -> None:
    """RE12-7.5(a): 甲 announced the old customer's friend and was absent at the visit; the
    salesperson last in the rotation (丙) received them as a courtesy: 甲's customer.  RE14
    gives the customer to 甲 (RE14-5.3(10)) and reads 丙's reception as RE14-2.5's: a deal
    that day is split 50/50, a later one is 甲's.  It is the customer's first visit."""
    story = [
        OldCustomerIntroduction(
            at=at(-1), customer=C, old_customer="李老板", salesperson="甲", how="phoned_ahead"
        ),
        visit(0, "丙", courtesy_for="甲"),
        deal(deal_day, "丙"),
    ]
    assert split(attribute(story, RE12)) == sp(甲=1)
    a = attribute(story, RE14)
    assert split(a) == (sp(甲=H, 丙=H) if deal_day == 0 else sp(甲=1))
    assert "RE14-2.5: 丙, in turn, received 甲's new customer" in a.explain().splitlines()


# -- RE12-6: company customers --------------------------------------------------------------


def company(**kw: Any) -> CompanyIntroduction:
    return CompanyIntroduction(at=at(-1), customer=C, by="刘总", **kw)


def test_re12_6_2_named_by_an_executive_all_to_the_pool() -> None:
    a = attribute([company(named_salesperson="甲"), *seen(0, "甲"), deal(2, "甲")], RE12)
    assert split(a) == {"public_pool": 1}
    assert "RE12-6.2" in a.rules


def test_re12_6_2_a_naming_that_led_to_no_designated_reception_changes_nothing() -> None:
    # 刘总 named 甲, but 乙 received the customer in turn (仍应依排班表进行接待): no
    # designated reception, so RE12-6.3's 70/30, not the pool's whole commission
    named = company(named_salesperson="甲")
    a = attribute([named, *seen(0, "乙"), deal(2, "乙")], RE12)
    assert split(a) == {"public_pool": Fraction(3, 10), **sp(乙=Fraction(7, 10))}
    assert "RE12-6.2: 刘总 named 甲, but 乙 received the customer in turn" in " ".join(
        map(str, a.steps)
    )
    assert a.owner == "乙"
    # received as a courtesy for 甲 (甲 away), the naming stands
    courtesy = Visit(at=at(0), customer=C, received_by="乙", courtesy_for="甲")
    assert split(attribute([named, courtesy, deal(2, "乙")], RE12)) == {"public_pool": 1}
    # a deal the company arranged with no reception is RE12-6.4's
    arranged = company(
        named_salesperson="甲", arranged_deal=True, after_sales="salesperson", after_sales_by="甲"
    )
    a = attribute([arranged, deal(2, "甲")], RE12)
    assert split(a) == {"public_pool": Fraction(7, 10), **sp(甲=Fraction(3, 10))}
    assert [str(s) for s in a.steps[-2:]] == [
        "RE12-6.2: 刘总 named 甲, but nobody received the customer since",
        "RE12-6.4: the company arranged the deal; 甲 handles after-sales",
    ]
    # the executive brought the customer at the minute 甲 received them: designated
    brought = attrs.evolve(named, at=at(0))
    assert split(attribute([brought, *seen(0, "甲"), deal(2, "甲")], RE12)) == {"public_pool": 1}
    # a visit before the introduction is not the reception it led to
    early = Visit(at=at(-2), customer=C, received_by="乙")
    a = attribute([early, named, *seen(0, "甲"), deal(2, "甲")], RE12)
    assert split(a) == {"public_pool": 1}


def test_re12_6_3_brought_by_the_company() -> None:
    a = attribute([company(), *seen(0, "乙"), deal(2, "乙")], RE12)
    assert split(a) == {**sp(乙=Fraction(7, 10)), "public_pool": Fraction(3, 10)}
    assert "RE12-6.3" in a.rules


def test_re12_6_4_and_6_5_deals_the_company_arranged() -> None:
    arranged = company(arranged_deal=True, after_sales=AfterSales.SALESPERSON, after_sales_by="丙")
    a = attribute([arranged, deal(0, "丙")], RE12)  # no visit needed
    assert split(a) == {**sp(丙=Fraction(3, 10)), "public_pool": Fraction(7, 10)}
    assert "RE12-6.4" in a.rules
    other = attribute(
        [company(arranged_deal=True, after_sales="other_staff"), deal(0, "行政")], RE12
    )
    assert split(other) == {"public_pool": 1}
    assert "RE12-6.5" in other.rules
    unknown = attribute([company(arranged_deal=True), deal(0, "丙")], RE12)
    assert unknown.needs_ruling


def test_re12_6_2_6_4_6_5_a_holder_they_do_not_name_needs_a_ruling() -> None:
    # RE12-6.2, 6.4 and 6.5 fix the whole split of a deal with no other reception; a
    # salesperson they do not name who holds the customer at the deal is a claim they
    # do not speak of (RE12-7.7), not one lost without a word
    arranged = company(arranged_deal=True, after_sales=AfterSales.SALESPERSON, after_sales_by="丙")
    a = attribute([arranged, *seen(1, "乙"), deal(2, "丙")], RE12)
    assert a.needs_ruling
    assert a.shares == {}
    assert a.ruling_reason == (
        "RE12-7.7: 乙 holds the customer by a claim valid at the deal, but RE12-6.4 pays the "
        "company customer's deal without them: no clause says which decides"
    )
    assert str(a.steps[-1]) == a.ruling_reason  # the trail says it where it happens
    assert a.ruling_text("zh") == (
        "RE12-7.7: 乙在成交时凭有效归属持有该客户，但 RE12-6.4对公司客户成交的分配不含其人："
        "条款未说明以何者为准"
    )
    # the one handling after-sales may have received them; a lapsed claim is no claim
    assert split(attribute([arranged, *seen(1, "丙"), deal(2, "丙")], RE12)) == {
        **sp(丙=Fraction(3, 10)),
        "public_pool": Fraction(7, 10),
    }
    lapsed = attribute([arranged, *seen(1, "乙"), deal(40, "丙")], RE12)
    assert split(lapsed) == {**sp(丙=Fraction(3, 10)), "public_pool": Fraction(7, 10)}
    # 6.5: no salesperson is named at all
    others = company(arranged_deal=True, after_sales="other_staff")
    a = attribute([others, *seen(1, "乙"), deal(2, "乙")], RE12)
    assert a.needs_ruling
    assert "but RE12-6.5 pays" in (a.ruling_reason or "")
    # a clause's holder is one too (RE12-7.5(a): the old customer phoned ahead for 丁)
    phoned = OldCustomerIntroduction(
        at=at(1, 9), customer=C, old_customer="李老板", salesperson="丁", how="phoned_ahead"
    )
    a = attribute([others, phoned, *seen(1, "乙"), deal(2, "乙")], RE12)
    assert (a.ruling_reason or "").startswith("RE12-7.7: 丁 holds the customer")
    # the closer of a deal nobody held is not (a courtesy for one holding nothing)
    courtesy = Visit(at=at(1), customer=C, received_by="乙", courtesy_for="甲")
    assert split(attribute([others, courtesy, deal(2, "乙")], RE12)) == {"public_pool": 1}
    # 6.2 in a household: 甲 received 王先生 as the executive named; 乙 received his wife
    # in turn and holds her at the deal (RE12-7.4 would have them share)
    wife = "王太太"
    named = company(named_salesperson="甲")
    link = HouseholdLink(at=at(1, 12), customer=C, other=wife)
    a = attribute([named, *seen(0, "甲"), *seen(1, "乙", wife), link, deal(3, "甲")], RE12)
    assert (a.ruling_reason or "").startswith("RE12-7.7: 乙 holds the customer by a claim")
    assert "RE12-6.2 pays" in (a.ruling_reason or "")
    # received by 甲 too: the pool's, as for one customer
    a = attribute([named, *seen(0, "甲"), *seen(1, "甲", wife), link, deal(3, "甲")], RE12)
    assert split(a) == {"public_pool": 1}
    # a host's 6.2 that leaves the named salesperson a part: the same question
    half = attrs.evolve(
        RE12, name="RE12 (half)", company=CompanyTerms(named_pool_share=Fraction(1, 2))
    )
    a = attribute([named, *seen(0, "甲"), *seen(1, "乙", wife), link, deal(3, "甲")], half)
    assert (a.ruling_reason or "").startswith(
        "RE12-7.7: 乙 holds the customer by a claim valid at the deal, but RE12-6.2 pays"
    )
    a = attribute([named, *seen(0, "甲"), *seen(1, "甲", wife), link, deal(3, "甲")], half)
    assert split(a) == {**sp(甲=Fraction(1, 2)), "public_pool": Fraction(1, 2)}
    # RE12-6.3 pays the salespeople's 70 % by the ownership clauses: the household shares it
    a = attribute([company(), *seen(0, "甲"), *seen(1, "乙", wife), link, deal(3, "甲")], RE12)
    assert split(a) == {
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
        "public_pool": Fraction(3, 10),
    }


def test_re12_6_1_registered_before_contacting_the_company() -> None:
    late = CompanyIntroduction(at=at(1), customer=C, by="刘总")
    a = attribute([*seen(0, "乙"), late, deal(2, "乙")], RE12)
    assert split(a) == sp(乙=1)
    assert "RE12-6.1" in a.rules


def test_re12_6_1_only_a_registration_before_the_introduction_excludes() -> None:
    """RE12-6.1: 已先到访售楼现场并已办理了客户登记的，不再视为公司客户: visited *and*
    registered.  A visit nobody registered (or a form the project manager never
    confirmed, RE12-7.2) before the introduction leaves a company customer, and so does
    a registration that had lapsed by then (RE12-7.1: no claim)."""
    pool = {**sp(乙=Fraction(7, 10)), "public_pool": Fraction(3, 10)}
    late = CompanyIntroduction(at=at(1), customer=C, by="刘总")
    unregistered = [visit(0, "乙"), late, reg(2, "乙"), deal(5, "乙")]
    a = attribute(unregistered, RE12)
    assert split(a) == pool
    assert "RE12-6.1: introduced by 刘总 after a visit nobody registered: a company customer" in (
        a.explain().splitlines()
    )
    unconfirmed = [visit(0, "乙"), reg(0, "乙", confirmed=False), *unregistered[1:]]
    assert split(attribute(unconfirmed, RE12)) == pool
    lapsed = [*seen(0, "丁"), attrs.evolve(late, at=at(40)), *seen(41, "乙"), deal(45, "乙")]
    a = attribute(lapsed, RE12)
    assert split(a) == pool
    assert a.explain("zh").splitlines()[-2] == "RE12-6.1: 刘总介绍时丁的登记已失效：公司客户"


def test_re14_has_no_company_clause() -> None:
    a = attribute([company(), *seen(0, "乙"), deal(2, "乙")], RE14)
    assert a.needs_ruling
    assert a.shares == {}
    assert "RE14-5.4" in (a.ruling_reason or "")


# -- RE11: employee referrals ------------------------------------------------------------------


def referral(day: float = -3, appointment: int = 0, **kw: Any) -> ReferralRegistration:
    return ReferralRegistration(
        at=at(day), customer=C, referrer="小赵", appointment=at(appointment).date(), **kw
    )


CONFIRM = ReferralConfirmation(at=at(0, 9), customer=C, referrer="小赵", confirmed_by="项目经理")


@pytest.mark.parametrize("policy", [RE12, RE11])
def test_re11_4_to_6_a_valid_referral(policy: AttributionPolicy) -> None:
    a = attribute([referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")], policy)
    assert split(a) == {"referrer:小赵": Fraction(3, 10), **sp(轮值=Fraction(7, 10))}
    assert {"RE11-4", "RE11-5", "RE11-6"} <= set(a.rules)


def test_re11_4_a_confirmation_while_the_customer_is_there_counts() -> None:
    """RE11-4 来访时 ... 确认: "at the visit" is the day of the arrival: the project manager
    may confirm after the customer arrived (a visit is recorded as its arrival)."""
    later = attrs.evolve(CONFIRM, at=at(0, 15))
    a = attribute([referral(), later, *seen(0, "轮值"), deal(6, "轮值")], RE12)
    assert split(a) == {"referrer:小赵": Fraction(3, 10), **sp(轮值=Fraction(7, 10))}


@pytest.mark.parametrize(
    ("events", "rule"),
    [
        ([referral(private_contact=False), CONFIRM], "RE11-1"),
        ([referral(appointment=1), CONFIRM], "RE11-3"),
        ([referral()], "RE11-4"),  # not confirmed at the visit
        # a confirmation of another employee's referral, or on another day, is not one
        # of this referral at the visit
        (
            [
                referral(),
                ReferralConfirmation(
                    at=at(0, 9), customer=C, referrer="小钱", confirmed_by="项目经理"
                ),
            ],
            "RE11-4",
        ),
        (
            [
                referral(),
                ReferralConfirmation(
                    at=at(1, 9), customer=C, referrer="小赵", confirmed_by="项目经理"
                ),
            ],
            "RE11-4",
        ),
    ],
)
def test_re11_referrals_that_fail(events: list[Any], rule: str) -> None:
    a = attribute([*events, *seen(0, "轮值"), deal(6, "轮值")], RE12)
    assert split(a) == sp(轮值=1)
    assert rule in a.rules


def test_re11_2_registered_after_the_first_visit() -> None:
    story = [visit(0, "轮值"), referral(day=0.5), CONFIRM, reg(1, "轮值"), deal(6, "轮值")]
    a = attribute(story, RE12)
    assert split(a) == sp(轮值=1)
    assert "RE11-2" in a.rules


def test_re11_4_a_salesperson_registered_first() -> None:
    story = [*seen(-5, "甲"), referral(), CONFIRM, visit(0, "甲"), deal(6, "甲")]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert "RE11-4" in a.rules


def test_re11_a_customer_who_started_over_can_be_referred() -> None:
    """RE11-2 and RE11-4 read with RE12-7.1: 甲 received and registered the customer in
    January; the month lapsed long ago.  An employee who registers the customer in
    March, before the appointment, refers a customer who starts over: the old visit is
    not the "first visit", and the lapsed registration is not "registered first".  RE11
    alone keeps registrations without a time limit: 甲's still defeats the referral."""
    old = [*seen(-60, "甲")]
    story = [*old, referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")]
    a = attribute(story, RE12)
    assert split(a) == {"referrer:小赵": Fraction(3, 10), **sp(轮值=Fraction(7, 10))}
    assert split(attribute(story, RE11)) == sp(甲=1)
    # within 甲's month, the visit is the customer's first: the referral comes too late
    recent = [*seen(-20, "甲"), referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")]
    assert "RE11-4" in attribute(recent, RE12).rules
    unregistered = [visit(-20, "甲"), referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")]
    a = attribute(unregistered, RE12)
    assert (split(a), "RE11-2" in a.rules) == (sp(轮值=1), True)


def test_re11_one_referral_failing_leaves_the_others_to_be_read() -> None:
    """Two employees registered the customer; 小钱's was not confirmed at the visit
    (RE11-4), 小赵's was: 小赵 is the referrer.  A referral registered at the very instant
    of the first visit is not after it (RE11-2)."""
    other = ReferralRegistration(at=at(-4), customer=C, referrer="小钱", appointment=at(0).date())
    a = attribute([other, referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")], RE12)
    assert split(a) == {"referrer:小赵": Fraction(3, 10), **sp(轮值=Fraction(7, 10))}
    same = [referral(day=0), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")]
    assert split(attribute(same, RE12))["referrer:小赵"] == Fraction(3, 10)


def test_re11_3_registering_again_after_a_missed_appointment() -> None:
    story = [
        referral(day=-5, appointment=-2),
        referral(day=-1, appointment=0),
        CONFIRM,
        *seen(0, "轮值"),
        deal(6, "轮值"),
    ]
    a = attribute(story, RE12)
    assert split(a)["referrer:小赵"] == Fraction(3, 10)
    assert "RE11-3" in a.rules


def test_re11_a_referral_the_customer_never_came_for_pays_nothing() -> None:
    """RE11-2, RE11-3: a referral registered after the customer's earlier time had lapsed,
    for an appointment the customer never came to: no visit of the referral, no part
    (the deal, closed without a new visit, goes by the record)."""
    story = [*seen(0, "甲"), referral(day=60, appointment=62), deal(65, "甲")]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)


def test_re11_2_an_appointment_is_for_the_day_of_the_registration_or_later() -> None:
    """RE11-2: the referral is registered before the visit, for an appointment date.  The
    day is read in China's zone: 23:59 in Beijing may still book that day; a minute later
    the day is past, and the date is refused (RE11-3 would read it as a lapse)."""
    utc = dt.timezone.utc
    day = dt.date(2026, 3, 1)
    for registered in (
        dt.datetime(2026, 3, 1, 23, 59, tzinfo=CHINA_TZ),
        dt.datetime(2026, 3, 1, 15, 59, tzinfo=utc),
    ):
        ok = ReferralRegistration(at=registered, customer=C, referrer="小赵", appointment=day)
        assert ok.appointment == day
    for registered in (
        dt.datetime(2026, 3, 2, 0, 0, tzinfo=CHINA_TZ),
        dt.datetime(2026, 3, 1, 16, 0, tzinfo=utc),
    ):
        with pytest.raises(InvalidInputError, match="a day already past") as caught:
            ReferralRegistration(at=registered, customer=C, referrer="小赵", appointment=day)
        assert caught.value.code == "realestate.events.referralregistration.appointment_past"


# -- households: RE12-7.4 against RE14-5.3(11) -----------------------------------------------


def test_re12_7_4_spouses_split_against_re14_5_3_11_first_wins() -> None:
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen(3, "乙", customer=wife),
        HouseholdLink(at=at(4), customer=C, other=wife),
        deal(10, "甲"),
    ]
    re12 = attribute(story, RE12)
    assert split(re12) == sp(甲=H, 乙=H)
    assert "RE12-7.4" in re12.rules
    re14 = attribute(story, RE14)
    assert split(re14) == sp(甲=1)
    assert "RE14-5.3(11)" in re14.rules
    # policies are data: a host's RE14 with RE12's household rule, named as a user would
    variant = attrs.evolve(RE14, household="split")
    assert split(attribute(story, variant)) == sp(甲=H, 乙=H)
    assert split(attribute(story, attrs.evolve(RE12, household="first_wins"))) == sp(甲=1)


def test_a_household_deal_pays_another_members_referral_or_company_share() -> None:
    """The household's deal is one deal: 王太太, referred by 小赵 (RE11-4: confirmed at
    her visit), or introduced by the company before any visit (RE12-6.1, 6.3), brings
    the referrer's 30 % or the public pool's 30 % to a deal recorded on 王先生, read on
    her own record; the rest splits as the household clause says (RE12-7.4).  Two
    referrers on two members, or the company on two members on different terms, need a
    ruling.  Neither lapses with the member's registrations: the deal pays it whichever
    member it is recorded on."""
    wife = "王太太"
    couple = [
        *seen(0, "甲"),
        *seen(3, "乙", customer=wife),
        HouseholdLink(at=at(4), customer=C, other=wife),
        deal(10, "甲"),
    ]
    referred = [
        ReferralRegistration(at=at(1), customer=wife, referrer="小赵", appointment=at(3).date()),
        ReferralConfirmation(at=at(3, 9), customer=wife, referrer="小赵", confirmed_by="经理"),
    ]
    a = attribute([*referred, *couple], RE12)
    assert split(a) == {
        "referrer:小赵": Fraction(3, 10),
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
    }
    assert "RE11-6: [王太太] on the deal: 3/10 to 小赵, the rest to the salesperson" in [
        str(s) for s in a.steps
    ]
    assert split(attribute([referral(), CONFIRM, *referred, *couple], RE12)) == {
        "referrer:小赵": Fraction(3, 10),
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
    }
    two = [
        referral(),
        attrs.evolve(CONFIRM),
        *[attrs.evolve(e, referrer="小钱") for e in referred],
    ]
    a = attribute([*two, *couple], RE12)
    assert a.needs_ruling
    assert (
        a.ruling_reason
        == "RE12-7.7: valid referrals by 小赵 and 小钱: the clauses name one referrer"
    )
    introduced = CompanyIntroduction(at=at(2), customer=wife, by="刘总")
    a = attribute([introduced, *couple], RE12)
    assert split(a) == {
        "public_pool": Fraction(3, 10),
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
    }
    # 王先生 introduced naming 甲, who received him (RE12-6.2), 王太太 on RE12-6.3's terms
    named = attrs.evolve(introduced, named_salesperson="甲")
    mixed = [introduced, attrs.evolve(named, customer=C, at=at(-1)), *couple]
    assert attribute(mixed, RE12).ruling_reason == (
        "RE12-7.7: the company introduced more than one member of the household, on "
        "different terms"
    )
    # a naming that led to no designated reception (甲 received 王先生, not 乙) leaves
    # both on RE12-6.3's terms: no ruling
    not_taken = [introduced, attrs.evolve(named, customer=C, at=at(-1), named_salesperson="乙")]
    assert split(attribute([*not_taken, *couple], RE12)) == {
        "public_pool": Fraction(3, 10),
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
    }
    # 王太太, registered before the company introduced her, is not a company customer:
    # 王先生's introduction alone decides (RE12-6.1)
    too_late = [
        attrs.evolve(introduced, at=at(4)),
        attrs.evolve(introduced, customer=C, at=at(-1)),
    ]
    a = attribute([*too_late, *couple], RE12)
    assert split(a) == {
        "public_pool": Fraction(3, 10),
        **sp(甲=Fraction(7, 20), 乙=Fraction(7, 20)),
    }
    # 王太太's registration had lapsed by a deal months later: her salesperson brings
    # nothing, but her referral, like a single customer's, does not lapse (RE11-6), and
    # the deal pays it whichever member it is recorded on
    late = [*referred, *couple[:-1], *seen(60, "甲"), deal(61, "甲")]
    want = {"referrer:小赵": Fraction(3, 10), **sp(甲=Fraction(7, 10))}
    assert split(attribute(late, RE12)) == want
    on_her = [*late[:-1], deal(61, "甲", customer=wife)]
    assert split(attribute(on_her, RE12, customer=C)) == want
    # so does the company's 30 % (RE12-6.3), the deal closed by 丙, who has no claim
    late = [introduced, *couple[:-1], deal(61, "丙")]
    want = {"public_pool": Fraction(3, 10), **sp(丙=Fraction(7, 10))}
    assert split(attribute(late, RE12)) == want
    assert split(attribute([*late[:-1], deal(61, "丙", customer=wife)], RE12, customer=C)) == want


def test_re14_5_3_11_the_first_received_since_every_claim_lapsed() -> None:
    """RE14-5.3(11) with RE14-5.2: 王先生 was received by 甲 in March, a claim that
    lapsed in May.  王太太 came on 31 May (乙), 王先生 again on 1 June (丙): the first
    received of the household is 王太太, whose salesperson wins; 王先生's March visit,
    whose claim had lapsed, no longer makes him first."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen(90, "乙", customer=wife),
        *seen(91, "丙"),
        HouseholdLink(at=at(92), customer=C, other=wife),
        deal(95, "丙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(乙=1)
    assert a.explain().splitlines()[-1] == (
        "RE14-5.3(11): one household: 王太太 visited first, so the first salesperson wins"
    )
    # 甲 registered 王先生 again in April, valid through June: 王先生, first received in
    # March, is still 甲's, and 甲 wins
    renewed = [*story[:2], reg(45, "甲"), *story[2:]]
    assert split(attribute(renewed, RE14)) == sp(甲=1)


def test_a_household_found_out_after_the_deal() -> None:
    """RE12-7.4 (分别来访 ... 之后发现为夫妻关系) and RE14-5.3(11) (成交后以先接待者为准):
    spouses who visited separately before the deal are one household when found out,
    the deal's settlement included; their visits before the deal decide, and the trail
    says so (not that the link changed nothing).  Before the link is recorded, the
    wife's deal is 乙's alone."""
    wife = "王太太"
    story = [
        *seen(0, "甲"),
        *seen(3, "乙", customer=wife),
        deal(5, "乙", customer=wife),
        HouseholdLink(at=at(8), customer=C, other=wife),
    ]
    line = (
        "王先生 and 王太太 found to be one household on 2026-03-10 10:00, after the deal: "
        "their visits before the deal decide"
    )
    for policy, rule, expected in (
        (RE12, "RE12-7.4", sp(甲=H, 乙=H)),
        (RE14, "RE14-5.3(11)", sp(甲=1)),
    ):
        a = attribute(story, policy)
        assert split(a) == expected
        assert f"{rule}: {line}" in a.explain().splitlines()
        assert "after the deal: the salesperson" not in a.explain()
        before = attribute(story, policy, as_of=at(6), customer=wife)
        assert split(before) == sp(乙=1)


def test_an_evening_meeting_record_after_a_same_day_deal_decides_the_tie() -> None:
    """RE14-5.1: the manager's evening-meeting record (晚会记录) is written the evening of
    the day; for a deal closed that afternoon it is the evidence of who registered first,
    and the trail does not call it a record after the deal that changes nothing."""
    story = [
        visit(0, "乙"),
        reg(0, "甲"),
        reg(0, "乙"),
        deal(0, "甲"),
        MeetingRecord(at=at(0, 20), customer=C, first="乙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(乙=1)
    assert "after the deal" not in a.explain()
    assert a.explain().splitlines()[-1] == (
        "RE14-5.1: the evening-meeting record names 乙 as the first to receive the customer"
    )
    re12 = attribute(story, RE12)  # RE12-7.3 has no such record: the tie needs a ruling
    assert re12.needs_ruling
    assert re12.explain().splitlines()[-1] == (
        "RE12-7.3: the evening-meeting record names 乙 first; RE12 decides by the "
        "registration times"
    )


# -- after the deal: RE12-7.6 -----------------------------------------------------------------


def test_re12_7_6_changes_after_the_deal_change_nothing() -> None:
    story = [
        *seen(0, "甲"),
        deal(3, "甲"),
        NameChange(at=at(20), customer=C, new_name="王氏公司"),
        *seen(21, "乙"),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1)
    assert "RE12-7.6" in a.rules
    assert "RE14-5.2" in attribute(story, RE14).rules  # 以成交为准: the deal decides


def test_re12_7_6_a_change_of_name_keeps_the_customer() -> None:
    """The buyer renamed 王氏公司 after the deal: asked by the new name, the customer is the
    one who took it (before: "no event concerns customer").  Recorded under the new name
    from the change on, the history would start afresh with the new name, the deal going
    to its closer with no valid claim against it: refused, naming what to do."""
    story = [*seen(0, "甲"), deal(3, "乙"), NameChange(at=at(20), customer=C, new_name="王氏公司")]
    assert attribute(story, RE12, customer="王氏公司") == attribute(story, RE12)
    before = [*seen(0, "甲"), NameChange(at=at(1), customer=C, new_name="王氏公司")]
    keyed = [*before, *seen(2, "乙", customer="王氏公司"), deal(3, "乙", customer="王氏公司")]
    for policy in (RE12, RE14):
        with pytest.raises(InvalidInputError) as caught:
            attribute(keyed, policy, customer="王氏公司")
        assert caught.value.code == "realestate.engine.renamed_customer"
        assert "record every event of this customer as '王先生'" in str(caught.value)
    kept = [*before, *seen(2, "乙"), deal(3, "乙")]
    assert split(attribute(kept, RE12, customer="王氏公司")) == sp(甲=1)
    at_once = [*before, Visit(at=at(1), customer="王氏公司", received_by="乙")]
    with pytest.raises(InvalidInputError, match="a change of name does not start"):
        attribute(at_once, RE12, customer=C)  # recorded under the new name at the change
    twice = [
        NameChange(at=at(5), customer=C, new_name="王氏公司"),
        *seen(0, "甲"),
        NameChange(at=at(1), customer=C, new_name="王氏公司"),
        *seen(2, "乙", customer="王氏公司"),
    ]
    for events in (twice, twice[::-1]):  # the change recorded twice: the first counts
        with pytest.raises(InvalidInputError, match="took on 2026-03-03"):
            attribute(events, RE12, customer=C)
    same = [*seen(0, "甲"), NameChange(at=at(1), customer=C, new_name=C), deal(3, "乙")]
    assert split(attribute(same, RE12)) == sp(甲=1)  # a change to the same name: nothing


def test_re12_7_6_a_name_someone_had_before_the_change_is_theirs() -> None:
    """The purchase moved to 王太太's name after the deal; 王太太 had her own visit before:
    that record stays hers (asked by her name, her case), and is not refused."""
    story = [
        *seen(0, "甲"),
        *seen(1, "乙", customer="王太太"),
        deal(3, "甲"),
        NameChange(at=at(20), customer=C, new_name="王太太"),
    ]
    mine = attribute(story, RE12, customer=C)
    assert split(mine) == sp(甲=1)
    hers = attribute(story, RE12, customer="王太太")
    assert (hers.customer, hers.owner) == ("王太太", "乙")


# -- rulings: RE12-7.7 ----------------------------------------------------------------------


def test_re12_7_7_unresolved_cases_need_a_ruling_and_accept_one() -> None:
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(6), customer=C, from_="甲", fault=Fault.SERIOUS),
        deal(8, "乙"),
    ]
    a = attribute(story, RE12)
    assert a.needs_ruling
    assert a.shares == {}
    assert "RE12-7.7" in (a.ruling_reason or "")
    with pytest.raises(InvalidInputError, match="ruling"):
        a.split(__import__("decimal").Decimal("100"))
    unapproved = Ruling(at=at(9), customer=C, by="项目经理", shares={"salesperson:乙": 1})
    assert attribute([*story, unapproved], RE12).needs_ruling
    ruling = Ruling(
        at=at(9),
        customer=C,
        by="项目经理",
        approved_by="销售总监",
        shares={"salesperson:甲": Fraction(1, 3), "salesperson:乙": Fraction(2, 3)},
        text="按过错和贡献",
    )
    decided = attribute([*story, ruling], RE12)
    assert not decided.needs_ruling
    assert split(decided) == sp(甲=Fraction(1, 3), 乙=Fraction(2, 3))
    assert decided.owner == "乙"
    assert "RE12-7.7" in decided.rules


# -- RE14-5.3(4), (5), (6), (8), (9), (12), (13), RE14-5.4 ------------------------------------


def test_re14_5_3_4_a_confirmed_complaint() -> None:
    story = [
        *seen(0, "乙"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        deal(8, "甲"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(甲=1)
    assert "RE14-5.3(4)" in a.rules


def test_a_removal_lapses_with_every_claim_of_its_time() -> None:
    """RE12-3.10(c) (原售楼员不再享有任何权益) and RE14-5.3(4) (此客户成交与b无关) remove a
    salesperson, whose part goes to the one who took over.  While a claim of that time
    stands, it does; once every registration of that time has lapsed (RE12-7.1,
    RE14-5.2), the customer starts over: the heir's lapsed claim earns nothing, and a
    new reception is the removed salesperson's like anyone's."""
    refused = [
        *seen(0, "甲"),
        SwitchRequest(at=at(0, 11), customer=C, from_="甲", fault="serious", granted_to="乙"),
    ]
    assert split(attribute([*refused, deal(20, "甲")], RE12)) == sp(乙=1)
    back = attribute([*refused, *seen(200, "甲"), deal(201, "甲")], RE12)
    assert split(back) == sp(甲=1)
    said = [back.explain(lang).splitlines()[2] for lang in ("en", "zh")]
    assert said == [
        "RE12-3.10: 甲 lost every right on 2026-03-02; every registration of that time has "
        "lapsed since: the customer starts over",
        "RE12-3.10: 甲于 2026-03-02 丧失一切权益；此后当时的登记均已失效：该客户重新开始",
    ]
    # 乙, who took over, registered again within the month: the removal stands
    followed = [*refused, reg(25, "乙"), deal(40, "甲")]
    assert split(attribute(followed, RE12)) == sp(乙=1)
    complained = [
        *seen(0, "乙"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
    ]
    assert split(attribute([*complained, deal(30, "乙")], RE14)) == sp(甲=1)
    assert split(attribute([*complained, *seen(100, "乙"), deal(100, "乙")], RE14)) == sp(乙=1)


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_a_ruling_lapses_with_every_claim_of_its_time(policy: AttributionPolicy) -> None:
    """RE12-7.7, RE14-5.4: a manager ruled on a March tie that the customer is 乙's,
    with a third of the deal to 甲.  Given before the deal, the ruling answers the tie
    then, and counts as 乙's registration from then: while a claim stands (乙 keeps
    the customer registered), it decides the deal.  Once every registration of that
    time has lapsed (RE12-7.1, RE14-5.2), the customer starts over: in June 丁
    receives them as new and closes, and the deal is 丁's (before, the March ruling
    paid 乙 and 甲 the June deal)."""
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    march = ruling(2, sp(甲=Fraction(1, 3), 乙=Fraction(2, 3)), owner="乙")
    ruled = sp(甲=Fraction(1, 3), 乙=Fraction(2, 3))
    assert split(attribute([*tie, march, deal(20, "甲")], policy)) == ruled
    kept = [*tie, march, reg(25, "乙"), reg(50, "乙"), reg(75, "乙"), reg(100, "乙")]
    assert split(attribute([*kept, deal(101, "乙")], policy)) == ruled
    june = [*tie, march, *seen(100, "丁")]
    a = attribute([*june, deal(101, "丁")], policy)
    assert (a.needs_ruling, split(a), a.owner) == (False, sp(丁=1), "丁")
    cited = "RE12-7.7" if policy is RE12 else "RE14-5.4"
    lapse = "RE12-7.1" if policy is RE12 else "RE14-5.2"
    months = policy.registration_validity_months
    assert a.explain().splitlines()[2:4] == [
        f"{cited}: ruling by 项目经理, approved by 销售总监 (2026-03-04 10:00)",
        f"{lapse}: 乙's registration had lapsed ({months} month(s)): no claim",
    ]
    assert attribute(june, policy, as_of=at(100, 12)).owner == "丁"  # and before the deal
    # a ruling given after the June deal decides it, however late
    late = ruling(300, sp(甲=1))
    assert split(attribute([*june, deal(101, "丁"), late], policy)) == sp(甲=1)
    # a ruling that cannot name an owner among equal shares (nothing tells the tied
    # salespeople apart) decides at the deal, and lapses the same way: with every claim
    # of its time
    halves = ruling(2, sp(甲=H, 乙=H))
    assert split(attribute([*tie, halves, deal(20, "丙")], policy)) == sp(甲=H, 乙=H)
    b = attribute([*tie, halves, *seen(100, "丁"), deal(101, "丁")], policy)
    assert split(b) == sp(丁=1)
    if policy is RE12:  # one that never counted says so, not that it lapsed
        unapproved = attrs.evolve(halves, approved_by=None)
        c = attribute([*tie, unapproved, *seen(100, "丁"), deal(101, "丁")], policy)
        assert c.explain().splitlines()[-1] == (
            "RE12-7.7: 项目经理's ruling (2026-03-04 10:00) lacks the sales director's "
            "approval: it does not count yet"
        )
    assert [b.explain(lang).splitlines()[-1] for lang in ("en", "zh")] == [
        f"{lapse}: the ruling of 2026-03-04 10:00 is of a time every registration of which "
        "has lapsed since: the customer started over, and it decides nothing now",
        f"{lapse}: 2026-03-04 10:00的裁决所属时期的所有登记此后均已失效：客户重新开始，"
        "它现已不起决定作用",
    ]


def test_a_ruling_before_the_deal_is_where_the_clauses_go_on_from() -> None:
    """RE14-5.4 with RE14-5.3(4) and (12): a ruling before the deal gives the customer to
    乙 (2/3) and 甲 (1/3).  A complaint against 乙 confirmed afterwards (此客户成交与b
    无关) sends 乙's part to 丙, who reported it and receives the customer; 乙 on long
    leave afterwards sends it to the salesperson drawn.  A crossed customer settled
    before the deal goes the same way.  Before, the ruling (or the settlement) paid 乙
    whatever happened after it."""
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    ruling = Ruling(
        at=at(2), customer=C, by="项目经理", shares=sp(甲=Fraction(1, 3), 乙=Fraction(2, 3))
    )
    complained = [
        visit(5, "丙", previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=C, against="乙", reported_by="丙", confirmed=True
        ),
    ]
    a = attribute([*tie, ruling, *complained, deal(6, "丙")], RE14)
    assert (split(a), a.owner) == (sp(丙=Fraction(2, 3), 甲=Fraction(1, 3)), "丙")
    assert a.explain().splitlines()[-1] == "RE14-5.3(4): 乙 has no part: 乙's 2/3 goes to 丙"
    leave = Reallocation(at=at(5), customer=C, from_="乙", to="丁", draw="抽签")
    b = attribute([*tie, ruling, leave, deal(6, "丁")], RE14)
    assert (split(b), b.owner) == (sp(丁=Fraction(2, 3), 甲=Fraction(1, 3)), "丁")
    # with nothing after it, the ruling decides, whoever closes
    assert split(attribute([*tie, ruling, deal(6, "丙")], RE14)) == sp(
        甲=Fraction(1, 3), 乙=Fraction(2, 3)
    )
    # it answers a dispute raised before it (RE12 has no dispute clause: a ruling needed)
    disputed = [
        *seen(0, "甲"),
        Dispute(at=at(1), customer=C, parties=["甲", "乙"], outcome="pending"),
    ]
    assert attribute([*disputed, deal(6, "乙")], RE12).needs_ruling
    approved = attrs.evolve(ruling, approved_by="销售总监")
    c = attribute([*disputed, approved, deal(6, "乙")], RE12)
    assert (c.needs_ruling, split(c)) == (False, sp(甲=Fraction(1, 3), 乙=Fraction(2, 3)))
    # so does a crossed customer settled between the parties (RE14-5.4), halves
    # included: the owner is, among equal shares, the salesperson who held the customer
    settled = Dispute(
        at=at(2), customer=C, parties=["甲", "乙"], outcome="settled", shares=sp(甲=H, 乙=H)
    )
    crossed = [*seen(0, "甲"), *seen(1, "乙"), settled]
    assert split(attribute([*crossed, deal(6, "丙")], RE14)) == sp(甲=H, 乙=H)
    f = attribute([*crossed, *complained, deal(6, "丙")], RE14)
    assert (split(f), f.owner) == (sp(甲=H, 丙=H), "甲")
    # its shares are the whole commission, as a ruling's after the deal are: the public
    # pool's part of a company customer (RE12-6.3) known then is in them
    company = CompanyIntroduction(at=at(-1), customer=C, by="刘总")
    assert split(attribute([company, *tie, deal(6, "乙")], RE12)) == {}  # the tie: a ruling
    e = attribute([company, *tie, approved, deal(6, "乙")], RE12)
    assert split(e) == sp(甲=Fraction(1, 3), 乙=Fraction(2, 3))
    # an owner it names with a smaller share stays the owner: such a ruling decides at
    # the deal, as one given after it does
    minor = attrs.evolve(ruling, owner="甲")
    d = attribute([*tie, minor, deal(6, "丙")], RE14)
    assert (d.owner, split(d)) == ("甲", sp(甲=Fraction(1, 3), 乙=Fraction(2, 3)))


def test_a_ruling_before_the_deal_at_its_edges() -> None:
    """RE12-7.7, RE14-5.4, where a ruling given before the deal meets the rest of the
    record: the owner among equal shares, a ruling at the deal's instant, a salesperson
    a clause had removed, a ruling that pays the public pool."""
    # among equal shares the salesperson who held the customer then owns it (甲, whom
    # the customer asked for under RE14-5.3(2)), not the one received first (乙)
    asked = [
        *seen(0, "乙"),
        visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
        SwitchRequest(at=at(5, 11), customer=C, from_="乙", to="甲", permitted=True),
    ]
    halves = Ruling(at=at(6), customer=C, by="项目经理", shares=sp(甲=H, 乙=H))
    a = attribute([*asked, halves, deal(8, "丙")], RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=H, 乙=H))
    # a settlement replaces RE14-5.3(2)'s 80/20, whose 20 % waited on 乙's registration
    # being valid at the deal: the settlement's halves wait on nothing of the kind
    settled_halves = Dispute(
        at=at(6), customer=C, parties=["甲", "乙"], outcome="settled", shares=sp(甲=H, 乙=H)
    )
    late = attribute([*asked, settled_halves, reg(40, "甲"), deal(70, "甲")], RE14)
    assert split(late) == sp(甲=H, 乙=H)
    # who held the customer is not known from records of one instant that nothing
    # orders (two draws): between equal shares, nobody is named, whichever way round
    draws = [
        *seen(0, "甲"),
        Reallocation(at=at(3), customer=C, from_="甲", to="乙", draw="抽签"),
        Reallocation(at=at(3), customer=C, from_="甲", to="丙", draw="抽签"),
    ]
    even = Ruling(at=at(5), customer=C, by="项目经理", shares=sp(乙=H, 丙=H))
    drawn = attribute([*draws, even, deal(8, "乙")], RE14)
    assert (drawn.needs_ruling, drawn.owner, split(drawn)) == (False, None, sp(乙=H, 丙=H))
    # a settlement under a policy without the dispute clause is still a question
    settled = Dispute(
        at=at(2), customer=C, parties=["甲", "乙"], outcome="settled", shares=sp(乙=1)
    )
    assert attribute([*seen(0, "甲"), settled, deal(8, "乙")], RE12).needs_ruling
    # a ruling at the deal's instant is about the deal: the tie stood when it closed
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    at_deal = Ruling(at=at(8, 15), customer=C, by="项目经理", shares=sp(乙=1))
    b = attribute([*tie, at_deal, deal(8, "乙")], RE14)
    assert split(b) == sp(乙=1)
    assert b.explain().splitlines()[-2:] == [
        "RE14-5.1: 乙 closed the deal while 乙 and 甲 had registered the customer at the "
        "same instant: the ruling decides",
        "RE14-5.4: ruling by 项目经理 (2026-03-10 15:00)",
    ]
    # a salesperson a confirmed complaint had removed, given the customer by a ruling
    # afterwards, has it again
    complained = [
        *seen(0, "乙"),
        visit(5, "丙", previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=C, against="乙", reported_by="丙", confirmed=True
        ),
    ]
    assert split(attribute([*complained, deal(8, "丙")], RE14)) == sp(丙=1)
    back = Ruling(at=at(6), customer=C, by="项目经理", shares=sp(乙=1))
    assert split(attribute([*complained, back, deal(8, "丙")], RE14)) == sp(乙=1)
    # a ruling that pays the public pool decides at the deal, the pool's part included
    pool = ruling(2, {"public_pool": Fraction(3, 10), "salesperson:乙": Fraction(7, 10)})
    assert split(attribute([*tie, pool, deal(8, "乙")], RE12)) == {
        "public_pool": Fraction(3, 10),
        "salesperson:乙": Fraction(7, 10),
    }


def test_a_removal_after_a_ruling_that_decides_at_the_deal_moves_its_part() -> None:
    """RE14-5.3(4), (12) and RE12-3.10 after a ruling (or a settlement) that decides at
    the deal: one on a household, one that pays the public pool.  A salesperson it gives
    a part who then loses every right passes the part, and the customer, to the one
    who took over, as under a ruling applied when given.  Before, the trail said the
    salesperson had no part while the ruling still paid them."""
    her = "王太太"
    household = [
        HouseholdLink(at=at(0, 9), customer=C, other=her),
        *seen(0, "甲"),
        *seen(0, "乙", her),
    ]
    to_yi = ruling(1, sp(乙=1))
    complained = [
        visit(5, "丙", her, previous=Previous.NAMES, asked_for=["乙"]),
        SalespersonComplaint(
            at=at(5, 11), customer=her, against="乙", reported_by="丙", confirmed=True
        ),
    ]
    assert split(attribute([*household, to_yi, deal(8, "丙", her)], RE14)) == sp(乙=1)
    a = attribute([*household, to_yi, *complained, deal(8, "丙", her)], RE14)
    assert (a.owner, split(a), a.follow_up) == ("丙", sp(丙=1), "丙")
    assert a.explain("en").splitlines()[-1] == "RE14-5.3(4): 乙 has no part: 乙's 1 goes to 丙"
    # without a deal, the one who took over holds the customer
    assert attribute([*household, to_yi, *complained], RE14).owner == "丙"
    # a complaint before the ruling is one the ruling answered
    early = [attrs.evolve(e, at=e.at - dt.timedelta(days=5)) for e in complained]
    assert split(attribute([*household, *early, to_yi, deal(8, "丙", her)], RE14)) == sp(乙=1)
    # a ruling that pays the public pool, then a draw of 乙's customers (RE14-5.3(12))
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    pool = ruling(1, {"public_pool": H, "salesperson:乙": H})
    drawn = Reallocation(at=at(5), customer=C, from_="乙", to="丁", draw="抽签")
    b = attribute([*tie, pool, drawn, deal(8, "丁")], RE14)
    assert (b.owner, split(b)) == ("丁", {"public_pool": H, "salesperson:丁": H})
    # RE12-3.10 on another member of the household: 乙 loses every right to its deal
    wife = [
        *seen(5, "乙", her),
        SwitchRequest(at=at(5, 11), customer=her, from_="乙", fault="serious", granted_to="丙"),
    ]
    linked = [HouseholdLink(at=at(0, 9), customer=C, other=her), *tie, pool, *wife]
    c = attribute([*linked, deal(8, "丙", her)], RE12)
    assert split(c) == {"public_pool": H, "salesperson:丙": H}
    # a part nobody has taken over yet (the deal's closer would) needs a ruling
    nobody = attrs.evolve(wife[-1], granted_to=None)
    d = attribute([*linked[:-1], nobody], RE12)
    assert (d.needs_ruling, d.owner) == (True, None)
    assert d.ruling_reason == "RE12-3.10: 乙 lost every right, and nobody took over their part"
    e = attribute([*linked[:-1], nobody, deal(8, "丁", her)], RE12)
    assert split(e) == {"public_pool": H, "salesperson:丁": H}
    # the one who took over adds the part to their own; an owner the ruling names who
    # keeps their rights stays the owner; a complaint at the ruling's own instant is one
    # it answered
    thirds = ruling(1, sp(甲=Fraction(2, 3), 乙=Fraction(1, 3)), owner="甲")
    f = attribute([*household, thirds, *complained, deal(8, "丙", her)], RE14)
    assert (f.owner, split(f)) == ("甲", sp(甲=Fraction(2, 3), 丙=Fraction(1, 3)))
    halves = ruling(1, sp(乙=H, 丙=H))
    assert split(attribute([*household, halves, *complained, deal(8, "丙", her)], RE14)) == sp(
        丙=1
    )
    same = [attrs.evolve(e, at=at(1)) for e in complained]
    assert split(attribute([*household, to_yi, *same, deal(8, "丙", her)], RE14)) == sp(乙=1)

    def complaints(his: str, hers: str, ruled: Ruling, **against: tuple[str, str]) -> list[Any]:
        """A household (王先生 received by ``his``, 王太太 by ``hers``), the ruling, and
        on each member's record a confirmed complaint: (against, reported by)."""
        return [
            HouseholdLink(at=at(0, 9), customer=C, other=her),
            *seen(0, his),
            *seen(1, hers, her),
            ruled,
            *(
                SalespersonComplaint(
                    at=at(5), customer=who, against=bad, reported_by=by, confirmed=True
                )
                for who, (bad, by) in ((C, against["him"]), (her, against["her"]))
            ),
        ]

    # two members' complaints, each against the one who took over on the other: nobody
    # is left to take the parts
    crossed = complaints("乙", "丙", halves, him=("乙", "丙"), her=("丙", "乙"))
    g = attribute([*crossed, deal(8, "丙", her)], RE14)
    assert g.ruling_reason == "RE14-5.4: every salesperson of the split lost their rights"
    assert g.explain("en").splitlines()[-1] == g.ruling_reason
    # 乙 removed on both members' records, with a different salesperson taking over on each
    both = complaints("乙", "乙", to_yi, him=("乙", "丙"), her=("乙", "丁"))
    k = attribute([*both, deal(8, "丙")], RE14)
    assert k.ruling_reason == (
        "RE14-5.4: 乙 lost every right on the records of two members, to different "
        "salespeople: who takes their part needs a ruling"
    )
    assert "其份额归谁需要裁决" in k.ruling_text("zh")
    assert k.explain("en").splitlines()[-1] == k.ruling_reason
    # the owner the ruling names, removed: the one who took over owns the customer, even
    # among equal shares, and when another member is the one who closes (甲 holds 王先生)
    named = ruling(1, sp(乙=H, 甲=H), owner="乙")
    h = attribute([*household, named, *complained, deal(8, "丙")], RE14)
    assert (h.owner, split(h)) == ("丙", sp(甲=H, 丙=H))


def test_the_latest_ruling_that_counts_decides() -> None:
    """RE12-7.7: a later ruling without the sales director's approval does not count; the
    approved one before it still decides."""
    story = [*seen(0, "甲"), *seen(0, "乙"), deal(8, "乙")]
    approved = ruling(9, sp(甲=1))
    unapproved = attrs.evolve(ruling(10, sp(乙=1)), approved_by=None)
    a = attribute([*story, approved, unapproved], RE12)
    assert split(a) == sp(甲=1)
    assert "lacks the sales director's approval" in a.explain("en")


def test_a_household_member_with_no_record_of_their_own_adds_nothing() -> None:
    """RE12-7.4 and RE14-5.3(11) speak of members who visit.  A host may link a spouse
    who never comes: the case is then read on the one record there is, as a single
    customer's, so a ruling before the deal is applied when given and the clauses go
    on from it (here RE14-5.3(2): the customer then asked for 乙).  Before, the link
    made the ruling decide at the deal, and 甲 was paid all of it."""
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    later = [
        visit(10, "乙", previous=Previous.NAMES, asked_for=["甲"]),
        SwitchRequest(at=at(10, 11), customer=C, from_="甲", to="乙"),
        deal(12, "乙"),
    ]
    story = [*tie, ruling(1, sp(甲=1)), *later]
    linked = [HouseholdLink(at=at(0, 9), customer=C, other="王太太"), *story]
    alone, pair = attribute(story, RE14), attribute(linked, RE14)
    assert split(pair) == split(alone) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert (pair.customer, pair.trail) == ("王先生 + 王太太", alone.trail)
    # the other member's own record (a visit) makes it a household again
    spouse = [*linked, *seen(2, "丙", "王太太")]
    assert attribute(spouse, RE14).explain("en").startswith("RE14-5.1: [王先生]")


def test_a_dispute_after_a_ruling_is_a_new_fact_and_decides() -> None:
    """RE14-5.4 after RE12-7.7 / RE14-5.4's ruling: the later record decides.  A ruling
    that pays the public pool decides at the deal; a quarrel, a settlement or a crossing
    not yet settled after it is a new fact it did not answer.  Before, such a ruling
    decided whatever came after it, while one naming salespeople only did not."""
    tie = [*seen(0, "甲"), *seen(0, "乙")]
    pool = ruling(2, {"public_pool": H, "salesperson:甲": H})
    assert split(attribute([*tie, pool, deal(8, "甲")], RE14)) == {
        "public_pool": H,
        "salesperson:甲": H,
    }
    quarrel = Dispute(at=at(5), customer=C, parties=["甲", "乙"], outcome="quarrel")
    a = attribute([*tie, pool, quarrel, deal(8, "甲")], RE14)
    assert split(a) == {"department": 1}
    assert a.explain("en").splitlines()[-2:] == [
        "RE14-5.4: the ruling of 2026-03-04 10:00 came before the dispute of "
        "2026-03-07 10:00: the later record decides",
        "RE14-5.4: 甲 and 乙 quarrelled: the performance and bonus go to the department",
    ]
    assert "以较后的记录为准" in a.explain("zh")
    # the same with a ruling that names salespeople only, applied when given
    only = attrs.evolve(pool, shares=sp(甲=1))
    assert split(attribute([*tie, only, quarrel, deal(8, "甲")], RE14)) == {"department": 1}
    settled = Dispute(
        at=at(5), customer=C, parties=["甲", "乙"], outcome="settled", shares=sp(甲=H, 乙=H)
    )
    assert split(attribute([*tie, pool, settled, deal(8, "甲")], RE14)) == sp(甲=H, 乙=H)
    pending = Dispute(at=at(5), customer=C, parties=["甲", "乙"], outcome="pending")
    for policy in (RE12, RE14):
        waiting = attribute([*tie, pool, pending, deal(8, "甲")], policy)
        assert waiting.needs_ruling, policy.name
    # a ruling at the dispute's instant, or after it, answers it
    for day in (5, 6):
        later = attrs.evolve(pool, at=at(day))
        decided = attribute([*tie, quarrel, later, deal(8, "甲")], RE14)
        assert split(decided) == {"public_pool": H, "salesperson:甲": H}
    # a ruling that does not count (RE12-7.7 without approval) is not the later record
    unapproved = Ruling(at=at(6), customer=C, by="项目经理", shares=sp(乙=1))
    assert attribute([*tie, pool, pending, unapproved, deal(8, "甲")], RE12).needs_ruling


def test_a_customer_new_again_is_read_in_the_current_run_only() -> None:
    """RE12-5.1 and RE14-5.3(8) after every claim of March has lapsed (RE12-7.1,
    RE14-5.2): the customer is new again (RE12-3.7 视为新客户).  Both answers are
    the ones the June story gives alone; before, the March history changed them."""
    # RE12-5.1: back in June, the customer names 丙 on entering: 丙's customer, as on
    # a first visit (before, the March visit made the naming nothing, and 丁's deal
    # went to 丁 as the closer)
    june = [visit(92, "丙", named_on_entry=True), deal(93, "丁")]
    for story in (june, [*seen(0, "甲"), *june]):
        a = attribute(story, RE12)
        assert split(a) == sp(丙=1)
        assert "RE12-5.1" in a.rules
    # RE14-5.3(8): the salespeople of the visits before the nth are those of the
    # current run: 乙's March reception adds nothing; 乙 is one of them as the holder
    # an old customer's introduction made in June (RE14-5.3(10)), in the place that
    # clause gave them
    june8 = [
        OldCustomerIntroduction(
            at=at(92, 9), customer=C, old_customer="老客户", salesperson="乙", how="phoned_ahead"
        ),
        *seen(92, "甲"),
        visit(95, "甲", previous=Previous.NAMES, asked_for=["甲"]),
        deal(96, "甲"),
    ]
    for story in (june8, [*seen(0, "乙"), *june8]):
        assert split(attribute(story, RE14)) == sp(甲=Fraction(1, 2), 乙=Fraction(1, 2))
    # with no registration on the record, a later day's naming on entering is a new
    # customer's; the same day's is not (the customer has been received already, and
    # RE12-5.1 speaks of naming before the substantive reception)
    morning = visit(0, "甲")
    later = [visit(1, "乙", named_on_entry=True), deal(2, "丙")]
    assert split(attribute([morning, *later], RE12)) == sp(乙=1)
    afternoon = [Visit(at=at(0, 15), customer=C, received_by="乙", named_on_entry=True)]
    assert split(attribute([morning, *afternoon, deal(2, "丙")], RE12)) == sp(丙=1)


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_a_request_to_leave_someone_with_no_claim_changes_nothing(
    policy: AttributionPolicy,
) -> None:
    """RE12-5.2, RE14-5.3(2): the customer asks not to be served by 甲, who holds no
    valid claim, while 乙 holds the customer: nothing to leave, and no question for the
    manager (before, the case waited for a ruling)."""
    rule = "RE12-5.2" if policy is RE12 else "RE14-5.3(2)"
    line = (
        f"{rule}: the customer asked to leave 甲, who holds no valid claim: "
        "the customer stays 乙's"
    )
    # 甲's registration lapsed; back in May the customer asks for 乙, who receives them
    back = [*seen(0, "甲"), visit(70, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    leave = SwitchRequest(at=at(70, 11), customer=C, from_="甲", to="乙", permitted=True)
    a = attribute([*back, leave, deal(75, "乙")], policy)
    assert (a.needs_ruling, split(a)) == (False, sp(乙=1))
    assert line in a.explain().splitlines()
    # 甲 never received the customer, who asks for nobody in particular
    held = [*seen(0, "乙"), SwitchRequest(at=at(3), customer=C, from_="甲", firm=True)]
    assert split(attribute([*held, deal(5, "乙")], policy)) == sp(乙=1)
    # a request naming a third salesperson still contradicts the record
    third = SwitchRequest(at=at(3), customer=C, from_="甲", to="丙", permitted=True)
    assert attribute([*seen(0, "乙"), third, deal(5, "丙")], policy).needs_ruling


def test_a_quarrel_lapses_with_every_claim_of_its_time() -> None:
    """RE14-5.4: 甲 and 乙 quarrelled over the customer in March (the department takes
    that deal); the customer comes back in June, every claim of March lapsed, and 丁
    receives them as new: the deal is 丁's, not the department's."""
    quarrel = Dispute(at=at(3), customer=C, parties=["甲", "乙"], outcome="quarrel")
    crossed = [*seen(0, "甲"), *seen(2, "乙"), quarrel]
    assert split(attribute([*crossed, deal(5, "乙")], RE14)) == {"department": 1}
    assert split(attribute([*crossed, *seen(100, "丁"), deal(100, "丁")], RE14)) == sp(丁=1)


def test_re14_5_3_5_several_names() -> None:
    story = [
        *seen(0, "甲"),
        *seen(3, "乙"),
        visit(8, "乙", previous=Previous.NAMES, asked_for=["丙", "乙", "甲"]),
        deal(8, "乙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(乙=1)
    assert "RE14-5.3(5)" in a.rules
    none_present = [
        *seen(0, "甲"),
        visit(8, "丁", previous=Previous.NAMES, asked_for=["甲", "乙"]),
        deal(8, "丁"),
    ]
    assert attribute(none_present, RE14).needs_ruling


def test_re14_5_3_6_looking_for_a_discount() -> None:
    story = [*seen(0, "甲"), visit(5, "乙", for_discount=True), deal(5, "乙")]
    a = attribute(story, RE14)
    assert split(a) == sp(甲=1)
    assert "RE14-5.3(6)" in a.rules


def test_re14_5_3_8_named_on_the_nth_visit() -> None:
    story = [
        *seen(0, "甲"),
        visit(5, "甲"),
        visit(9, "乙", previous=Previous.NAMES, asked_for=["乙"], named_on_entry=True),
        deal(9, "乙"),
    ]
    re14 = attribute(story, RE14)
    assert split(re14) == sp(甲=H, 乙=H)
    assert "RE14-5.3(8)" in re14.rules
    assert split(attribute(story, RE12)) == sp(甲=1)  # RE12-5.3: naming another is refused


@pytest.mark.parametrize("previous", [Previous.NAMES, Previous.FIRST_VISIT])
def test_the_register_tells_a_return_visit_not_the_customers_word(previous: Previous) -> None:
    """RE14-5.3(8) "第n次来看楼时" and RE12-5.3 "已来访过老客户": whether a visit is a
    return is the register's to say.  A customer 甲 received who comes back, says it is
    their first visit and asks for 乙 on entering is on their second visit: 50/50 under
    RE14; under RE12 naming another is refused in principle, and the trail says so."""
    story = [
        *seen(0, "甲"),
        visit(9, "乙", previous=previous, asked_for=["乙"], named_on_entry=True),
        deal(9, "乙"),
    ]
    assert split(attribute(story, RE14)) == sp(甲=H, 乙=H)
    re12 = attribute(story, RE12)
    assert split(re12) == sp(甲=1)
    assert re12.explain().splitlines()[1] == (
        "RE12-5.3: the customer named 乙, but is 甲's: naming another is refused in principle"
    )


def test_re14_5_3_8_a_customer_who_names_someone_received_by_another() -> None:
    """RE14-5.3(8) 由a接待: the salesperson named receives the customer.  Received by
    another, the customer stays their holder's; RE14 has no refusal in principle (before,
    the trail said so, citing RE14-5.3(1))."""
    story = [
        *seen(0, "甲"),
        visit(9, "丙", previous=Previous.NAMES, asked_for=["乙"]),
        deal(9, "丙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(甲=1)
    assert a.explain().splitlines()[1] == (
        "RE14-5.3(8): the customer named 乙, but 丙 received them: the customer stays 甲's"
    )


def test_re14_5_3_8_the_named_salesperson_registers_the_customer_at_that_visit() -> None:
    """RE14-5.3(8) 由a接待: the visit where the customer names 乙 is 乙's registration from
    then (a reception a clause gives counts as one), so 丙's form three weeks later is
    the later one."""
    story = [*seen(0, "甲"), visit(50, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    a = attribute([*story, *seen(70, "丙"), deal(75, "丙")], RE14)
    assert (split(a), a.owner) == (sp(甲=H, 乙=H), "乙")
    assert a.explain().splitlines()[2] == (
        "RE14-5.1: 丙 registered later than 乙: the earlier registration wins"
    )


def test_re11_has_no_clause_for_a_customer_naming_someone() -> None:
    """RE11 alone (the referral clauses) says nothing of a customer who names another
    salesperson: the customer stays the registered salesperson's, and the trail cites
    RE11 itself, not a clause of another policy."""
    story = [
        *seen(0, "甲"),
        visit(9, "丙", previous=Previous.NAMES, asked_for=["乙"]),
        deal(9, "丙"),
    ]
    a = attribute(story, RE11)
    assert (split(a), a.rules) == (sp(甲=1), ("RE11-4", "RE11"))


def test_re14_5_3_8_the_earlier_half_is_shared_by_every_earlier_salesperson() -> None:
    """RE14-5.3(8): "the salesperson(s) of the earlier visits" share the other half; 甲
    and 乙 each received the customer before (and are still registered), so 1/4 each,
    whoever received the first visit."""
    story = [
        *seen(0, "甲"),
        *seen(3, "乙"),
        visit(8, "丙", previous=Previous.NAMES, asked_for=["丙"]),
        deal(9, "丙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丙=H, 甲=Fraction(1, 4), 乙=Fraction(1, 4))
    assert (a.owner, a.follow_up) == ("丙", "丙")
    assert a.explain().splitlines()[2] == (
        "RE14-5.3(8): on visit 3 the customer named 丙; earlier salesperson(s): 甲, 乙"
    )


def test_re14_5_3_8_with_a_hosts_share_the_customer_is_held_by_the_larger_part() -> None:
    """RE14-5.3(8) with a host's share for the salesperson named (1/5: the earlier
    salesperson did most of the work): the bonus is 甲 4/5, 乙 1/5, so 甲 owns the
    performance and follows the customer up (RE14-5.3(9)), and holds the customer.  A
    third visit where the customer asks for 甲 is a return to the holder and changes
    nothing, and a refused request to leave 甲 is one from the holder.  Before, 乙,
    who received the named visit, held the customer while the answer named 甲: asking
    for 甲 was read as naming another, and turned the split round to 乙 4/5; the
    request waited for a ruling.  With RE14's own half each, 乙 holds, as before."""
    host = attrs.evolve(RE14, nth_visit_share=Fraction(1, 5))
    named = [*seen(0, "甲"), visit(5, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    back = visit(8, "甲", previous=Previous.NAMES, asked_for=["甲"])
    refused = SwitchRequest(at=at(8), customer=C, from_="甲")
    for records in ([], [back], [refused]):
        a = attribute([*named, *records, deal(9, "乙")], host)
        assert split(a) == sp(甲=Fraction(4, 5), 乙=Fraction(1, 5)), records
        assert (a.owner, a.follow_up, a.needs_ruling) == ("甲", "甲", False)
    assert attribute(named, host, as_of=at(6)).owner == "甲"
    assert attribute(named, RE14, as_of=at(6)).owner == "乙"
    # three earlier salespeople of 1/5 each against the named one's 2/5: the named holds
    many = [*seen(0, "甲"), *seen(1, "丙"), *seen(2, "丁")]
    three = attrs.evolve(RE14, nth_visit_share=Fraction(2, 5))
    a = attribute([*many, *named[2:], deal(9, "乙")], three)
    assert (a.owner, split(a)["salesperson:乙"]) == ("乙", Fraction(2, 5))
    assert attribute([*many, *named[2:]], three, as_of=at(6)).owner == "乙"
    # two earlier salespeople of 2/5 each: the first of them received holds
    a = attribute([*many[:4], *named[2:], deal(9, "乙")], host)
    assert split(a) == sp(甲=Fraction(2, 5), 丙=Fraction(2, 5), 乙=Fraction(1, 5))
    assert (a.owner, a.follow_up) == ("甲", "甲")
    assert attribute([*many[:4], *named[2:]], host, as_of=at(6)).owner == "甲"


def test_re14_5_3_2_the_customer_who_named_a_also_rejects_b() -> None:
    """RE14-5.3(8) then (2): on the second visit the customer names 乙 (乙 receives and
    holds the customer) and asks not to be served by 甲, the one earlier salesperson:
    "客户不想要b接待，指定a" is clause (2), A 80 %, B 20 % while B's registration is
    valid.  Before, the request was read as leaving someone who does not hold the
    customer, and the case waited for a ruling."""
    named = [*seen(0, "甲"), visit(10, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    rejects = SwitchRequest(at=at(10, 11), customer=C, from_="甲", to="乙")
    a = attribute([*named, rejects, deal(20, "乙")], RE14)
    assert split(a) == sp(乙=Fraction(4, 5), 甲=Fraction(1, 5))
    assert a.rules == ("RE14-5.1", "RE14-5.3(8)", "RE14-5.3(2)")
    assert split(attribute([*named, rejects, deal(70, "乙")], RE14)) == sp(乙=1)  # 甲 lapsed
    # asking for a third salesperson, or leaving one of two earlier ones, is no such case
    for other in (
        attrs.evolve(rejects, to="丙"),
        attrs.evolve(rejects, at=at(10, 12)),
    ):
        story = [*named, other, deal(20, "乙")]
        if other.to == "乙":  # 丙 received the customer earlier too: two earlier salespeople
            story = [*seen(0, "甲"), *seen(3, "丙"), *named[2:], other, deal(20, "乙")]
        assert attribute(story, RE14).needs_ruling


@pytest.mark.parametrize("found", [None, 21, 31])
def test_re14_5_3_8_after_5_3_7_the_forgotten_salesperson_shares_only_if_found(
    found: int | None,
) -> None:
    """RE14-5.3(7): the customer forgot 甲 and 乙 received them in rotation: the deal is
    none of 甲's (成交与b无关) unless 乙 finds 甲 in the records.  When the customer then
    names 丙 on day 30 (RE14-5.3(8)), 甲 is not among the earlier salespeople who share
    the other half, though still registered; found in the records before that visit,
    甲 is (a look-up after it comes too late)."""
    story = [
        *seen(0, "甲"),
        *seen(20, "乙", previous=Previous.FORGOT),
        visit(30, "丙", previous=Previous.NAMES, asked_for=["丙"]),
        deal(35, "丙"),
    ]
    if found is not None:
        story.append(Recognition(at=at(found), customer=C, original="甲", by_records=True))
    a = attribute(story, RE14)
    q = Fraction(1, 4)
    assert split(a) == (sp(丙=H, 乙=q, 甲=q) if found == 21 else sp(丙=H, 乙=H))
    assert (a.owner, a.follow_up) == ("丙", "丙")
    assert {"RE14-5.3(7)", "RE14-5.3(8)"} <= set(a.rules)


def test_re14_5_3_9_the_owner_follows_up() -> None:
    """RE14-5.3(9): follow-up and after-sales belong to whoever owns the performance."""
    a = attribute([*seen(0, "甲"), deal(3, "甲")], RE14)
    assert a.follow_up == a.owner == "甲"
    switched = [
        *seen(0, "甲"),
        SwitchRequest(at=at(2), customer=C, from_="甲", to="乙"),
        deal(3, "乙"),
    ]
    assert attribute(switched, RE14).follow_up == "乙"


def test_re14_5_3_12_random_reallocation() -> None:
    story = [
        *seen(0, "甲"),
        Reallocation(at=at(20), customer=C, from_="甲", to="戊", draw="抽签第3号"),
        deal(25, "戊"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(戊=1)
    assert "RE14-5.3(12)" in a.rules
    assert "抽签第3号" in a.explain()
    assert attribute(story, RE12).needs_ruling  # no such clause in RE12


def test_re14_5_3_12_a_draw_of_someone_elses_customers_does_not_move_the_holders() -> None:
    # 丙 is on leave, but the customer is 甲's (registered, valid): the draw's record and
    # the register disagree, and 甲's customer is not given to 戊 on its strength
    story = [
        *seen(0, "甲"),
        Reallocation(at=at(20), customer=C, from_="丙", to="戊", draw="抽签第3号"),
        deal(25, "戊"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, a.shares, a.owner) == (True, {}, None)
    assert a.ruling_reason == (
        "RE14-5.3(12): 丙's customers were re-allocated, but the customer is 甲's: the draw "
        "and the record disagree"
    )
    # once 甲's registration has lapsed, nobody else's claim stands in the draw's way
    late = [*seen(0, "甲"), attrs.evolve(story[2], at=at(70)), deal(75, "戊")]
    assert split(attribute(late, RE14)) == sp(戊=1)


def test_re14_5_3_12_a_draw_moves_the_holders_part_and_no_one_elses() -> None:
    """The draw gives the salesperson on leave's customers to another: the one drawn
    takes their place, in a split pending until the deal too (RE14-5.3(8): 乙 named on
    the second visit, 甲 received the first); the others keep their parts.  The one on
    leave, back and registering the customer again, does not take it back."""
    named = [*seen(0, "甲"), visit(10, "乙", previous=Previous.NAMES, asked_for=["乙"])]
    draw = Reallocation(at=at(12), customer=C, from_="乙", to="戊", draw="抽签第3号")
    a = attribute([*named, draw, deal(14, "戊")], RE14)
    assert split(a) == sp(戊=Fraction(1, 2), 甲=Fraction(1, 2))
    assert (a.owner, a.follow_up) == ("戊", "戊")
    assert [str(s) for s in a.steps][2:] == [
        "RE14-5.3(12): 乙 on leave: re-allocated to 戊 by random draw (抽签第3号), in 乙's place",
        "RE14-5.3(8): the bonus: 乙 and the earlier salesperson(s)",
        "RE14-5.3(12): 乙 has no part: 乙's 1/2 goes to 戊",
    ]
    back = [*seen(0, "甲"), attrs.evolve(draw, from_="甲"), *seen(20, "甲"), deal(24, "甲")]
    a = attribute(back, RE14)
    assert split(a) == sp(戊=1)
    assert "RE14-5.3(12): 甲 lost every right to this customer earlier" in [
        str(s) for s in a.steps
    ]
    assert not any("registered later" in str(s) for s in a.steps)


@pytest.mark.parametrize(
    ("story", "holder", "parts"),
    [
        # RE14-5.3(8): 乙 named on the second visit; 甲, on leave, received the first
        (
            [*seen(0, "甲"), *seen(10, "乙", previous=Previous.NAMES, asked_for=["乙"])],
            "乙",
            {"乙": Fraction(1, 2), "戊": Fraction(1, 2)},
        ),
        # RE14-5.3(7): 乙 found 甲 in the records, 甲's registration valid: 50/50
        (
            [
                *seen(0, "甲"),
                *seen(10, "乙", previous=Previous.FORGOT),
                Recognition(at=at(11), customer=C, original="甲", by_records=True),
            ],
            "乙",
            {"乙": Fraction(1, 2), "戊": Fraction(1, 2)},
        ),
        # RE14-5.3(2): the customer did not want 甲 and asked for 乙: 80/20
        (
            [
                *seen(0, "甲"),
                *seen(10, "乙"),
                SwitchRequest(at=at(10, 11), customer=C, from_="甲", to="乙", permitted=True),
            ],
            "乙",
            {"乙": Fraction(4, 5), "戊": Fraction(1, 5)},
        ),
    ],
)
def test_re14_5_3_12_a_draw_moves_the_part_of_one_who_does_not_hold_the_customer(
    story: list[Any], holder: str, parts: dict[str, Fraction]
) -> None:
    """甲 goes on leave holding a part of a deal that is 乙's: the draw of 甲's customers
    agrees with the record (the part is 甲's), and moves that part to 戊; the customer
    stays 乙's.  Before, the draw 'disagreed with the record' and asked for a ruling."""
    draw = Reallocation(at=at(12), customer=C, from_="甲", to="戊", draw="抽签第3号")
    a = attribute([*story, draw, deal(14, "乙")], RE14)
    assert (a.needs_ruling, a.owner, split(a)) == (False, holder, sp(**parts))
    moved = attrs.evolve(draw, reason="调离")
    assert (
        "RE14-5.3(12): 甲 on 调离: re-allocated to 戊 by random draw (抽签第3号); 甲's part of "
        "the deal goes to 戊" in [str(s) for s in attribute([*story, moved], RE14).steps]
    )
    lines = [str(s) for s in a.steps_in("zh")]
    assert "RE14-5.3(12): 甲因休假：抽签重新分配给戊（抽签第3号）；甲在该成交中的份额归戊" in lines
    assert lines[-1] == f"RE14-5.3(12): 甲不参与分成：甲的 {parts['戊']} 归戊"
    # with no deal yet, 乙 holds the customer and 戊 holds 甲's place
    now = attribute([*story, draw], RE14, as_of=at(13))
    assert (now.needs_ruling, now.owner) == (False, holder)


def test_re14_5_3_12_an_assistants_part_goes_with_the_draw() -> None:
    """RE14-5.3(3): 丙 assisted for 甲, who was absent (80/20); 丙 goes on leave and the
    draw gives 丙's customers to 戊: 丙's fifth is 戊's, the customer stays 甲's."""
    story = [
        *seen(0, "甲"),
        visit(5, "丙", previous=Previous.NAMES, asked_for=["甲"], courtesy_for="甲"),
        Reallocation(at=at(6), customer=C, from_="丙", to="戊", draw="抽签"),
        deal(8, "甲"),
    ]
    a = attribute(story, RE14)
    assert (a.owner, split(a)) == ("甲", sp(甲=Fraction(4, 5), 戊=Fraction(1, 5)))


_BACK = {
    # RE14-5.3(8): the customer names 甲 on a later visit, and 甲 receives them
    "RE14-5.3(8)": lambda: [*seen(20, "甲", previous=Previous.NAMES, asked_for=["甲"])],
    # RE14-5.3(7): the customer forgot who received them, and 甲 receives them in turn
    "RE14-5.3(7)": lambda: [*seen(20, "甲", previous=Previous.FORGOT)],
    # RE14-5.3(5): the customer names 甲 and 丙 without choosing; 甲, present, receives
    "RE14-5.3(5)": lambda: [*seen(20, "甲", previous=Previous.NAMES, asked_for=["甲", "丙"])],
    # RE14-5.3(2): the customer does not want 戊 and asks for 甲
    "RE14-5.3(2)": lambda: [
        *seen(20, "甲"),
        SwitchRequest(at=at(20, 11), customer=C, from_="戊", to="甲", permitted=True),
    ],
}


@pytest.mark.parametrize("back", sorted(_BACK))
@pytest.mark.parametrize("removal", ["draw", "complaint"])
def test_re14_one_who_lost_every_right_does_not_take_the_customer_back(
    removal: str, back: str
) -> None:
    """甲 lost every right to the customer (a draw while on leave gave the customer to
    戊, or a confirmed complaint that 戊 reported); back, 甲 receives the customer again
    by a clause that would give a salesperson the customer: the customer stays 戊's
    (RE14-5.3(4) 此客户成交与b无关; the draw stands).  Before, the clause made 甲 the
    owner, whom the removal left nobody: "nobody holds the customer" before the deal,
    and "戊 closed the deal with no valid claim against it" at it."""
    away = (
        Reallocation(at=at(5), customer=C, from_="甲", to="戊", draw="抽签")
        if removal == "draw"
        else SalespersonComplaint(
            at=at(5), customer=C, against="甲", reported_by="戊", confirmed=True
        )
    )
    story = [*seen(0, "甲"), away, *_BACK[back]()]
    now = attribute(story, RE14, as_of=at(21))
    assert (now.owner, now.needs_ruling) == ("戊", False)
    for closer in ("戊", "甲"):
        a = attribute([*story, deal(22, closer)], RE14)
        assert (a.owner, split(a)) == ("戊", sp(戊=1))
        assert not any("no valid claim" in str(s) for s in a.steps)
    expected = (
        "RE14-5.3(8): 客户点名甲，但其此前已丧失对该客户的一切权利：客户仍归戊"
        if back == "RE14-5.3(8)"
        else f"{back}: 甲此前已丧失对该客户的一切权利：客户仍归戊"
    )
    assert expected in [str(s) for s in now.steps_in("zh")]


def test_re12_5_2_a_request_for_one_re12_3_10_removed_leaves_the_split() -> None:
    """RE12-5.2: the manager let 乙 take over from 丁 (70/30); the customer then firmly
    refused 丁 (RE12-3.10), and 丙 received them in 丁's place.  A later request to go
    from 乙 back to 丁 asks for one who lost every right: it changes nothing, and 乙
    keeps the 30 %.  Before, the engine let 丁 take over from 乙, and 丁's part then
    went to 丙: 丙 100 %."""
    story = [
        visit(0, "丁", asked_for=["丁"], named_on_entry=True),
        SwitchRequest(at=at(5 / 1440), customer=C, from_="丁", to="乙", permitted=True),
        Registration(at=at(10 / 1440), customer=C, salesperson="丁", confirmed_at=at(0, 18)),
        SwitchRequest(at=at(30 / 1440), customer=C, from_="丁", firm=True, granted_to="丙"),
        SwitchRequest(at=at(40 / 1440), customer=C, from_="乙", to="丁", permitted=True),
        deal(0, "丁", hour=16),
    ]
    a = attribute(story, RE12)
    assert split(a) == sp(丙=Fraction(7, 10), 乙=Fraction(3, 10))
    assert "RE12-5.2: 丁 lost every right to this customer earlier: the customer stays 丙's" in [
        str(s) for s in a.steps
    ]


@pytest.mark.parametrize("first", ["draw", "complaint"])
def test_re14_5_3_12_a_draw_that_agrees_with_an_earlier_removal_changes_nothing(
    first: str,
) -> None:
    """The draw gave 丁's customers to 丙 (or a confirmed complaint against 丁 that 丙
    reported gave 丙 the customer); a draw of 丁's customers to 丙 recorded again agrees
    with the record: 丙's customer.  Before, it 'disagreed' and asked for a ruling."""
    away = (
        Reallocation(at=at(1), customer=C, from_="丁", to="丙", draw="抽签第1号")
        if first == "draw"
        else SalespersonComplaint(
            at=at(1), customer=C, against="丁", reported_by="丙", confirmed=True
        )
    )
    again = Reallocation(at=at(3), customer=C, from_="丁", to="丙", draw="抽签第2号")
    a = attribute([*seen(0, "丁"), away, again, deal(4, "乙")], RE14)
    assert (a.needs_ruling, a.owner, split(a)) == (False, "丙", sp(丙=1))
    assert str(a.steps_in("zh")[-1]) == "RE14-5.3(12): 丁的客户已重新分配给丙，该客户已归其所有"
    # a draw of 丁's customers to another still disagrees with the record
    other = attrs.evolve(again, to="乙")
    assert attribute([*seen(0, "丁"), away, other, deal(4, "乙")], RE14).needs_ruling


def test_re14_5_3_12_a_courtesy_on_an_earlier_day_leaves_no_part_for_a_draw() -> None:
    """RE14-2.5: 戊 received 乙's customer for 乙 on day 1, and the deal did not close that
    day: a courtesy, no part for 戊.  A draw of 戊's customers on day 3 then disagrees
    with the record (the customer is 乙's), and so does a second draw of 乙's customers
    to another than the first draw gave them to.  Before, either draw 'moved a part'
    that was not there."""
    courtesy = visit(1, "戊", previous=Previous.NAMES, courtesy_for="乙")
    of_wu = Reallocation(at=at(3), customer=C, from_="戊", to="丙", draw="抽签第1号")
    a = attribute([*seen(0, "乙"), courtesy, of_wu, deal(5, "乙")], RE14)
    assert a.needs_ruling
    assert a.ruling_reason == (
        "RE14-5.3(12): 戊's customers were re-allocated, but the customer is 乙's: the draw "
        "and the record disagree"
    )
    first = Reallocation(at=at(3), customer=C, from_="乙", to="丁", draw="抽签第1号")
    second = Reallocation(at=at(4), customer=C, from_="乙", to="甲", draw="抽签第2号")
    for story in ([*seen(0, "乙"), first, second], [*seen(0, "乙"), courtesy, first, second]):
        assert attribute([*story, deal(5, "丁")], RE14).needs_ruling
    # the same day, the colleague's share stands, and the draw moves it
    same_day = [*seen(0, "乙"), visit(1, "戊", previous=Previous.NAMES, courtesy_for="乙")]
    drawn = Reallocation(at=at(1, 12), customer=C, from_="戊", to="丙", draw="抽签第1号")
    a = attribute([*same_day, drawn, deal(1, "乙")], RE14)
    assert split(a) == sp(乙=Fraction(1, 2), 丙=Fraction(1, 2))


def test_re14_5_3_12_a_courtesy_over_the_day_leaves_the_earlier_salespersons_part() -> None:
    """RE14-5.3(8): 乙 named on the second visit, 甲 received the first (50/50); on day 12
    甲 received 乙's customer for 乙 (RE14-2.5), and the deal did not close that day.  A
    draw of 甲's customers on day 14 moves 甲's half of RE14-5.3(8), which the courtesy
    did not end, to 戊."""
    story = [
        *seen(0, "甲"),
        *seen(10, "乙", previous=Previous.NAMES, asked_for=["乙"]),
        visit(12, "甲", previous=Previous.NAMES, courtesy_for="乙"),
        Reallocation(at=at(14), customer=C, from_="甲", to="戊", draw="抽签"),
        deal(16, "乙"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(乙=H, 戊=H))


def test_re14_5_3_12_a_later_draw_gives_the_customer_back() -> None:
    """The draw gave 丁's customers to 甲; a later draw of 甲's gives them to 丁 again:
    the manager's latest draw decides, not whoever happens to close."""
    story = [
        *seen(0, "丁"),
        Reallocation(at=at(1), customer=C, from_="丁", to="甲", draw="抽签第1号"),
        Reallocation(at=at(3), customer=C, from_="甲", to="丁", draw="抽签第2号", reason="调离"),
        deal(4, "乙"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丁=1)
    assert (
        "RE14-5.3(12): 丁 had lost every right to this customer; the draw gives it to them again"
        in [str(s) for s in a.steps]
    )


def test_re14_5_3_4_a_complaint_reported_by_one_who_lost_every_right() -> None:
    """乙 lost every right to the customer (a confirmed complaint); a later complaint
    against 甲 says 乙 received the customer and reported it.  The records disagree:
    a manager says who receives the customer, not whoever closes."""
    story = [
        *seen(0, "甲"),
        SalespersonComplaint(at=at(1), customer=C, against="乙", reported_by="丙", confirmed=True),
        SalespersonComplaint(at=at(2), customer=C, against="甲", reported_by="乙", confirmed=True),
        deal(3, "丁"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, a.shares) == (True, {})
    assert a.ruling_reason == (
        "RE14-5.3(4): the supervisor confirmed the complaint against 甲, but 乙, who reported "
        "it, lost every right to this customer earlier: who receives the customer needs a "
        "ruling"
    )
    assert "RE14-5.3(4): 甲 lost every right to this customer earlier" in [str(s) for s in a.steps]
    # a complaint against a salesperson with no part, while 甲 holds: nothing to give 乙
    other = attrs.evolve(story[3], against="丁")  # reported by 乙
    a = attribute([*story[:3], other, deal(3, "丙")], RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1))


@pytest.mark.parametrize("policy", [RE12, RE14], ids=["RE12", "RE14"])
def test_registering_again_after_a_clause_gave_the_customer_away(
    policy: AttributionPolicy,
) -> None:
    """甲 registered first; a clause gave the customer to 乙 (RE12-3.7 a customer who
    forgot 甲; RE14-5.3(7) likewise).  甲 registering again changes nothing, and the
    trail does not say that 甲 registered later."""
    story = [*seen(0, "甲"), *seen(10, "乙", previous=Previous.FORGOT), *seen(15, "甲")]
    a = attribute([*story, deal(20, "乙")], policy)
    assert split(a) == sp(乙=1)
    said = [str(s) for s in a.steps]
    assert (
        f"{policy.cite('earlier')}: 甲 registered the customer again (2026-03-17 10:00); a "
        "clause gave the customer to 乙 (above): the registration changes nothing"
    ) in said
    assert not any("registered later" in line for line in said)
    # a later registration by someone else is still "later"
    a = attribute([*story, *seen(16, "丙"), deal(20, "乙")], policy)
    assert (
        f"{policy.cite('earlier')}: 丙 registered later than 乙: the earlier registration wins"
        in [str(s) for s in a.steps]
    )


def test_re14_5_3_13_exhibitions() -> None:
    a = attribute([*seen(0, "甲", exhibition=True), deal(0, "甲")], RE14)
    assert a.needs_ruling
    assert "RE14-5.3(13)" in (a.ruling_reason or "")


def test_re14_5_4_crossed_customers() -> None:
    base = [*seen(0, "甲"), *seen(2, "乙"), deal(5, "乙")]
    quarrel = Dispute(at=at(6), customer=C, parties=["甲", "乙"], outcome="quarrel")
    assert split(attribute([*base, quarrel], RE14)) == {"department": 1}
    pending = Dispute(at=at(6), customer=C, parties=["甲", "乙"], outcome="pending")
    assert attribute([*base, pending], RE14).needs_ruling
    settled = Dispute(
        at=at(6),
        customer=C,
        parties=["甲", "乙"],
        outcome="settled",
        shares={"salesperson:甲": H, "salesperson:乙": H},
    )
    assert split(attribute([*base, settled], RE14)) == sp(甲=H, 乙=H)


# -- money ------------------------------------------------------------------------------


def test_the_split_in_yuan() -> None:
    from decimal import Decimal

    a = attribute([referral(), CONFIRM, *seen(0, "轮值"), deal(6, "轮值")], RE12)
    parts = {str(k): v for k, v in a.split(Decimal("12345.67")).items()}
    assert parts == {"salesperson:轮值": Decimal("8641.97"), "referrer:小赵": Decimal("3703.70")}
    assert sum(parts.values()) == Decimal("12345.67")


# -- bad input ----------------------------------------------------------------------------


def test_two_customers_in_one_call() -> None:
    story = [*seen(0, "甲"), *seen(0, "乙", customer="李女士"), deal(3, "甲")]
    with pytest.raises(InvalidInputError, match="more than one customer"):
        attribute(story, RE12)
    assert split(attribute(story, RE12, customer=C)) == sp(甲=1)


def test_a_deal_before_any_visit() -> None:
    with pytest.raises(InvalidInputError, match="before any visit") as caught:
        attribute([deal(0, "甲"), *seen(1, "甲")], RE12)
    assert caught.value.code == "realestate.engine.check_deal.deal_before"


def test_a_deal_kept_by_its_date_alone_must_come_after_that_days_receptions() -> None:
    """Instants are read as given: a deal kept by its date (at midnight) comes before
    the receptions of its day.  Before the customer's first visit the error says so
    and what to do; at the end of its day, the deal reads as a same-day deal."""
    midnight = Deal(at=at(0, 0), customer=C, closed_by="甲")
    with pytest.raises(InvalidInputError, match="received later that day") as caught:
        attribute([*seen(0, "甲"), midnight], RE12)
    assert caught.value.code == "realestate.engine.check_deal.deal_before_same_day"
    evening = attrs.evolve(midnight, at=at(0, 10) + dt.timedelta(hours=13, minutes=59))
    assert split(attribute([*seen(0, "甲"), evening], RE12)) == sp(甲=1)
    # RE12-3.7(h) on the day of the forgotten visit, the deal at the end of that day
    on_the_spot = attrs.evolve(evening, at=evening.at + dt.timedelta(days=10), closed_by="乙")
    assert split(attribute([*FORGOT, on_the_spot], RE12)) == sp(乙=1)


def test_two_deals() -> None:
    with pytest.raises(InvalidInputError, match="2 deals"):
        attribute([*seen(0, "甲"), deal(1, "甲"), deal(2, "甲")], RE12)


def test_rulings_must_sum_to_one() -> None:
    with pytest.raises(InvalidInputError, match="sum to exactly 1"):
        Ruling(at=at(0), customer=C, by="经理", shares={"salesperson:甲": Fraction(1, 2)})
    with pytest.raises(InvalidInputError, match="unknown party"):
        Ruling(at=at(0), customer=C, by="经理", shares={"boss": 1})


def test_naive_datetimes_and_junk() -> None:
    with pytest.raises(NaiveDatetimeError):
        Visit(at=dt.datetime(2026, 3, 2, 10), customer=C, received_by="甲")
    with pytest.raises(InvalidInputError):
        Visit(at=at(0), customer="", received_by="甲")
    with pytest.raises(InvalidTypeError):
        attribute([object()], RE12)  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError):
        attribute(seen(0, "甲"), "re12")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="no events"):
        attribute([], RE12)
    with pytest.raises(InvalidInputError, match="no switch"):
        SwitchRequest(at=at(0), customer=C, from_="甲", to="甲")
    with pytest.raises(ValueError, match="rude"):
        SwitchRequest(at=at(0), customer=C, from_="甲", fault="rude")


# -- properties ---------------------------------------------------------------------------

from decimal import Decimal  # noqa: E402

from hypothesis import assume, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from custrules import allocate  # noqa: E402
from tests.strategies import (  # noqa: E402
    FIRST_0130_EDT,
    LATER_0110_EST,
    NEW_YORK,
    POLICY_FIELDS,
    RE_BASE,
    SALESPEOPLE,
    host_policies,
    re_event,
    re_first_days,
    re_households,
    re_long_histories,
    re_stories,
)

policies = st.sampled_from([RE12, RE14, RE11]) | host_policies()


def essence(a: Attribution) -> tuple[Any, ...]:
    return (a.owner, dict(a.shares), a.needs_ruling, a.follow_up)


def outcome(events: list[Any], policy: AttributionPolicy, **kw: Any) -> tuple[Any, ...]:
    """The essence of an attribution, or the refusal (conflicting rulings)."""
    try:
        return essence(attribute(events, policy, **kw))
    except InvalidInputError as exc:
        return ("refused", type(exc).__name__, "decide differently" in str(exc))


@given(
    st.one_of(re_stories(), re_first_days(), re_households(), re_households(deal=False)), policies
)
def test_shares_are_non_negative_and_sum_to_one(
    story: list[Any], policy: AttributionPolicy
) -> None:
    if outcome(story, policy, customer="王先生")[0] == "refused":
        with pytest.raises(InvalidInputError, match="decide differently"):
            attribute(story, policy, customer="王先生")
        return
    a = attribute(story, policy, customer="王先生")
    if a.needs_ruling or a.deal is None:
        assert a.shares == {}
        assert bool(a.ruling_reason) is a.needs_ruling
    else:
        assert sum(a.shares.values()) == 1
        assert all(s > 0 for s in a.shares.values())
        assert a.owner is None or f"salesperson:{a.owner}" in split(a)
    assert set(a.rules) <= policy.clauses  # every line cites a clause of this policy


@given(
    st.one_of(re_stories(), re_first_days(), re_households(), re_households(deal=False)),
    policies,
    st.randoms(use_true_random=False),
)
def test_the_order_events_are_passed_in_does_not_matter(
    story: list[Any], policy: AttributionPolicy, rnd: Any
) -> None:
    shuffled = list(story)
    rnd.shuffle(shuffled)
    assert outcome(shuffled, policy, customer="王先生") == outcome(
        story, policy, customer="王先生"
    )


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_households(), re_households(deal=False)),
    policies,
)
def test_the_same_records_twice_change_nothing(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """A host that sends its records twice (a retry, a merged export) gets the same
    answer: the same record twice is one fact."""
    assert outcome([*story, *story], policy, customer="王先生") == outcome(
        story, policy, customer="王先生"
    )


@given(
    st.one_of(re_stories(), re_first_days(), re_households(), re_households(deal=False)),
    policies,
    st.data(),
)
def test_a_complaint_nobody_confirmed_changes_nothing(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """RE14-5.3(4) removes a salesperson on a confirmed complaint; one not (yet)
    confirmed is only noted, wherever it falls, at an instant other records share
    included (a register kept by the day stamps a complaint filed and confirmed that
    day alike)."""
    t = data.draw(st.sampled_from(sorted({e.at for e in story})))
    who, by = data.draw(st.permutations(SALESPEOPLE))[:2]
    filed = SalespersonComplaint(
        at=t,
        customer=data.draw(st.sampled_from(sorted({e.customer for e in story}))),
        against=who,
        reported_by=by,
        confirmed=False,
    )
    assert outcome([*story, filed], policy, customer="王先生") == outcome(
        story, policy, customer="王先生"
    )


def _retimed(
    event: Any,
    instant: Callable[[dt.datetime], dt.datetime],
    day: Callable[[dt.date], dt.date] | None = None,
) -> Any:
    """``event`` with each of its instants mapped by ``instant`` and, given ``day``,
    each of its dates (an appointment) by ``day``."""
    moved: dict[str, Any] = {}
    for f in attrs.fields(type(event)):
        value = getattr(event, f.name)
        if isinstance(value, dt.datetime):
            moved[f.name] = instant(value)
        elif isinstance(value, dt.date) and day is not None:
            moved[f.name] = day(value)
    return attrs.evolve(event, **moved)


def _in_zone(event: Any, zone: dt.tzinfo) -> Any:
    """``event`` with each of its instants written in ``zone`` (the same instants)."""
    return _retimed(event, lambda t: t.astimezone(zone))


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_households(), re_households(deal=False)),
    policies,
    st.sampled_from(
        [dt.timezone.utc, dt.timezone(dt.timedelta(hours=-7)), dt.timezone(dt.timedelta(hours=13))]
    ),
    st.data(),
)
def test_the_zone_instants_are_written_in_changes_nothing(
    story: list[Any], policy: AttributionPolicy, zone: dt.tzinfo, data: st.DataObject
) -> None:
    """A host in UTC (or anywhere) sends the same instants: the same answer and the same
    explanation, read in China's time (days are Beijing days), at any instant."""
    as_of = data.draw(st.sampled_from([None, *(e.at for e in story)]))
    moved = [_in_zone(e, zone) for e in story]
    moved_as_of = None if as_of is None else as_of.astimezone(zone)
    assert outcome(moved, policy, customer="王先生", as_of=moved_as_of) == outcome(
        story, policy, customer="王先生", as_of=as_of
    )
    try:
        a = attribute(story, policy, customer="王先生", as_of=as_of)
    except InvalidInputError:
        return
    b = attribute(moved, policy, customer="王先生", as_of=moved_as_of)
    assert (b.explain(), b.explain("zh")) == (a.explain(), a.explain("zh"))


#: the stories moved so that their first minutes straddle 06:00 UTC on 2026-11-01, when
#: New York's clocks go back from 02:00 EDT to 01:00 EST (14:00 in Beijing): the records
#: of minutes 0-19 read 01:40-01:59 EDT there, those of minutes 20-40 01:00-01:20 EST
_TO_THE_FOLD = dt.datetime(2026, 11, 1, 13, 40, tzinfo=CHINA_TZ) - dt.datetime(
    2026, 3, 2, 9, 0, tzinfo=CHINA_TZ
)


@given(
    st.one_of(re_first_days(), re_stories(), re_stories(deal=False), re_households()),
    policies,
    st.data(),
)
def test_instants_written_in_a_zone_with_daylight_saving_keep_their_order(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """A host in New York writes its records in ``ZoneInfo("America/New_York")``.  On the
    night the clocks go back, 01:10 EST comes an hour after 01:30 EDT, though Python
    compares two datetimes of one zone by their wall clocks.  The answer is the one for
    the same instants written in UTC: the records keep their order in time."""
    # (an appointment moves a day more than its referral, which may pass midnight)
    later = dt.timedelta(days=_TO_THE_FOLD.days + 1)
    moved = [_retimed(e, lambda t: t + _TO_THE_FOLD, lambda d: d + later) for e in story]
    as_of = data.draw(st.sampled_from([None, *(e.at for e in moved)]))
    in_new_york = [_in_zone(e, NEW_YORK) for e in moved]
    in_utc = [_in_zone(e, dt.timezone.utc) for e in moved]
    assert outcome(
        in_new_york, policy, customer=C, as_of=as_of and as_of.astimezone(NEW_YORK)
    ) == (outcome(in_utc, policy, customer=C, as_of=as_of))


def test_re12_7_3_the_earlier_form_on_the_night_the_clocks_go_back() -> None:
    """RE12-7.3, RE14-5.1: 甲's form at 01:30 EDT and 乙's at 01:10 EST, an hour later as
    the clocks went back, both written in New York's zone: 甲 registered first (before,
    乙 did, by the wall clock).  Each instant is kept in China's time."""
    first, later = FIRST_0130_EDT, LATER_0110_EST
    assert (first.fold, later.fold, later < first) == (0, 1, True)  # Python's wall clocks
    story = [
        Visit(at=first, customer=C, received_by="甲"),
        Registration(at=first, customer=C, salesperson="甲", confirmed_at=first),
        Visit(at=later, customer=C, received_by="乙"),
        Registration(at=later, customer=C, salesperson="乙", confirmed_at=later),
        Deal(at=later + dt.timedelta(hours=3), customer=C, closed_by="乙"),
    ]
    assert story[2].at == dt.datetime(2026, 11, 1, 14, 10, tzinfo=CHINA_TZ)
    assert story[2].at.tzinfo is CHINA_TZ
    for policy in (RE12, RE14):
        a = attribute(story, policy)
        assert split(a) == sp(甲=1)
        assert a.steps[0].rule == policy.cite("earlier")


def test_records_of_one_instant_are_explained_in_the_same_order_in_any_zone() -> None:
    """RE12-7.2, RE12-7.3: two forms of one instant, one confirmed at once and one in
    the evening, read at that instant.  The explanation's order does not depend on
    how the host writes the confirmation times (before, 18:00 sorted before 09:00
    as text, 10:00 UTC after 01:00 UTC)."""
    t = at(0, 9)
    story = [
        Visit(at=t, customer=C, received_by="乙"),
        Registration(at=t, customer=C, salesperson="乙", confirmed_at=t),
        Registration(at=t, customer=C, salesperson="乙", confirmed_at=at(0, 18)),
        Dispute(at=t, customer=C, parties=("乙", "丙"), outcome="pending"),
    ]
    a = attribute(story, RE12, as_of=t)
    b = attribute([_in_zone(e, dt.timezone.utc) for e in story], RE12, as_of=t)
    assert a.rules == b.rules == ("RE12-7.3", "RE12-7.2", "RE12-7.7")
    assert b.explain() == a.explain()


def _a_year_later(event: Any) -> Any:
    """``event`` 365 days later: from March 2026 to February 2027 every day keeps its
    month and day (neither year has a 29 February in the span)."""
    year = dt.timedelta(days=365)
    return _retimed(event, lambda t: t + year, lambda d: d + year)


def _days(event: Any) -> set[dt.date]:
    values = [getattr(event, f.name) for f in attrs.fields(type(event))]
    return {
        v.date() if isinstance(v, dt.datetime) else v for v in values if isinstance(v, dt.date)
    }


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_households(), re_households(deal=False)),
    policies,
)
def test_the_same_story_a_year_later_gives_the_same_answer(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """Nothing in the clauses depends on the year: periods count calendar months and
    days, so the same dates a year on give the same owner, shares and rules."""
    assume(all(dt.date(2026, 3, 1) <= d <= dt.date(2027, 2, 28) for e in story for d in _days(e)))
    later = [_a_year_later(e) for e in story]
    assert outcome(later, policy, customer="王先生") == outcome(story, policy, customer="王先生")
    try:
        a = attribute(story, policy, customer="王先生")
    except InvalidInputError:
        return
    assert attribute(later, policy, customer="王先生").rules == a.rules


def _squeezed(story: list[Any], days: int) -> list[Any]:
    """``story`` with every instant and date drawn towards its first instant, so that
    the whole story spans at most ``days`` days (the order of instants kept; some may
    come to share a minute)."""
    t0 = min(e.at for e in story)
    span = max(e.at for e in story) - t0
    scale = min(1.0, dt.timedelta(days=days) / span) if span else 1.0

    def squeeze(t: dt.datetime) -> dt.datetime:
        return t0 + dt.timedelta(minutes=round((t - t0) / dt.timedelta(minutes=1) * scale))

    def squeeze_day(day: dt.date) -> dt.date:  # a day: read at its noon
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=CHINA_TZ)
        return squeeze(noon).astimezone(CHINA_TZ).date()

    return [_retimed(e, squeeze, squeeze_day) for e in story]


@given(
    st.one_of(re_stories(), re_first_days(), re_households(), re_households(deal=False)),
    policies,
    st.sampled_from([1, 2, 3, None]),
    st.sampled_from([1, 2, 3]),
)
def test_validity_and_recognition_windows_matter_only_once_they_pass(
    story: list[Any], policy: AttributionPolicy, months: int | None, window: int
) -> None:
    """RE12-7.1, RE14-5.2, RE12-3.7(i): a story whose every record falls within 26
    days (shorter than any month) gives the same answer whatever the validity period
    and the recognition window, since neither can have passed."""
    try:
        short = _squeezed(story, 25)
    except InvalidInputError:  # a record the squeeze made invalid
        short = []
    assume(short)
    instants = [e.at for e in short]
    instants += [e.confirmed_at for e in short if getattr(e, "confirmed_at", None)]
    assume(max(instants) - min(instants) <= dt.timedelta(days=26))
    other = attrs.evolve(
        policy, registration_validity_months=months, recognition_window_months=window
    )
    assert outcome(short, other, customer="王先生") == outcome(short, policy, customer="王先生")


@given(
    st.one_of(re_stories(), re_first_days(), re_households(), re_households(deal=False)),
    policies,
    st.integers(0, 100),
    st.data(),
)
def test_a_record_moved_within_its_day_past_no_other_changes_nothing(
    story: list[Any], policy: AttributionPolicy, percent: int, data: st.DataObject
) -> None:
    """Clauses read days (validity, same-day deals, the day's reception) and the order
    of records, never the hour itself: a record (the deal included) moved within its
    day, past no other record or confirmation, gives the same answer."""
    event = data.draw(st.sampled_from(story))
    confirmed = getattr(event, "confirmed_at", None)
    fixed = [e.at for e in story if e is not event]
    fixed += [t for e in story if (t := getattr(e, "confirmed_at", None)) and t != e.at]
    assume(event.at not in fixed)  # not one of records sharing an instant
    minute = dt.timedelta(minutes=1)
    day = event.at.astimezone(CHINA_TZ).date()
    low = max(
        [dt.datetime.combine(day, dt.time(0), tzinfo=CHINA_TZ)]
        + [t + minute for t in fixed if t < event.at]
    )
    high = min(
        [dt.datetime.combine(day, dt.time(23, 59), tzinfo=CHINA_TZ)]
        + [t - minute for t in fixed if t > event.at]
    )
    to = low + minute * ((high - low) // minute * percent // 100)
    assume(to != event.at)
    moved: dict[str, Any] = {"at": to}
    if confirmed == event.at:
        moved["confirmed_at"] = to  # confirmed on the spot, as the form was moved
    changed = [attrs.evolve(e, **moved) if e is event else e for e in story]
    assert outcome(changed, policy, customer="王先生") == outcome(story, policy, customer="王先生")


@given(st.one_of(re_stories(), re_households()), st.integers(0, 100))
def test_re14_5_1_an_evening_record_agreeing_with_the_register_changes_nothing(
    story: list[Any], percent: int
) -> None:
    """The evening-meeting record names the salesperson the register already shows
    first (the first reception and its form, written before any other record that
    day): the answer stands, as long as the record has no tie of its day to decide
    (receptions or forms of two salespeople at one instant, which it is there to
    order)."""
    first = story[0]  # a visit, and at its instant its form (see re_stories)
    day = first.at.astimezone(CHINA_TZ).date()
    end = dt.datetime.combine(day, dt.time(23, 59), tzinfo=CHINA_TZ)
    limit = min([end] + [e.at - dt.timedelta(minutes=1) for e in story[2:]])
    assume(limit >= first.at)
    written = first.at + (limit - first.at) * percent // 100
    receivers: dict[dt.datetime, set[str]] = {}
    for e in story:
        if isinstance(e, (Visit, Registration)) and e.at.astimezone(CHINA_TZ).date() == day:
            receivers.setdefault(e.at, set()).add(e.actor)
    assume(all(len(names) == 1 for names in receivers.values()))
    record = MeetingRecord(at=written, customer=first.customer, first=first.received_by)
    assert outcome([*story, record], RE14, customer="王先生") == outcome(
        story, RE14, customer="王先生"
    )


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_households(), re_households(deal=False)),
    policies,
    st.data(),
)
def test_as_of_ignores_every_later_event(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    moments = sorted({e.at for e in story})
    cut = data.draw(st.sampled_from(moments))
    earlier = [e for e in story if e.at <= cut]
    assert outcome(story, policy, customer="王先生", as_of=cut) == outcome(
        earlier, policy, customer="王先生", as_of=cut
    )
    got = outcome(story, policy, customer="王先生", as_of=cut)
    if got[0] != "refused" and not any(isinstance(e, Deal) for e in earlier):
        assert got[1] == {}  # no deal yet: no shares


@given(
    st.one_of(
        re_stories(),
        re_stories(deal=False),
        re_households(),
        re_households(deal=False),
        re_first_days(),
        re_long_histories(),
    ),
    policies,
    st.data(),
)
def test_as_of_is_the_record_as_it_stood_then(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """The answer as of one of the story's instants is the answer to the record as it
    stood then, read whole: the events up to that instant, with every confirmation
    given later not given yet (RE12-7.2: a form counts once confirmed, and never before;
    the cutoff of a deal's day does not reach past ``as_of``).  Read at a drawn instant,
    and at the deal's, where a form confirmed that evening is not confirmed yet."""
    cuts = {data.draw(st.sampled_from(sorted({e.at for e in story})))}
    cuts.update(e.at for e in story if isinstance(e, Deal))
    for cut in cuts:
        then = [
            attrs.evolve(e, confirmed_at=None)
            if isinstance(e, Registration) and e.confirmed_at is not None and e.confirmed_at > cut
            else e
            for e in story
            if e.at <= cut
        ]
        assert outcome(story, policy, customer=C, as_of=cut) == outcome(then, policy, customer=C)


def _any(kind: type, **fields: Any) -> Callable[[list[Any]], bool]:
    """Whether a story holds a record of ``kind`` (with each of ``fields`` true)."""
    return lambda story: any(
        isinstance(e, kind) and all(getattr(e, f) for f in fields) for e in story
    )


def _flipped(flag: str) -> Callable[[AttributionPolicy, st.DataObject], AttributionPolicy]:
    """A host's policy with the clause ``flag`` switched the other way."""
    return lambda p, _: attrs.evolve(p, **{flag: not getattr(p, flag)})


def _drawn(*fields: str) -> Callable[[AttributionPolicy, st.DataObject], AttributionPolicy]:
    """A host's policy with each of ``fields`` drawn as ``host_policies`` draws it."""
    return lambda p, d: attrs.evolve(p, **{k: d.draw(POLICY_FIELDS[k]) for k in fields})


#: a policy's clause: the records it speaks of, and a host's other value of it
_CLAUSE_RECORDS: list[
    tuple[
        Callable[[list[Any]], bool],
        Callable[[AttributionPolicy, st.DataObject], AttributionPolicy],
    ]
] = [
    (_any(SwitchRequest), _drawn("switch_first_share", "switch_previous_share")),
    (
        lambda s: _any(ReferralRegistration)(s) or _any(ReferralConfirmation)(s),
        _drawn("referral"),
    ),
    (_any(CompanyIntroduction), _drawn("company")),
    (
        lambda s: (
            _any(Recognition)(s)
            or any(isinstance(e, Visit) and e.previous is Previous.FORGOT for e in s)
        ),
        _drawn("recognition_share", "recognition_window_months"),
    ),
    (_any(MeetingRecord), _flipped("meeting_record_decides")),
    (_any(SalespersonComplaint), _flipped("complaint_removes")),
    (_any(Reallocation), _flipped("reallocation")),
    (_any(Dispute), _flipped("disputes")),
    (_any(Ruling), _flipped("ruling_needs_approval")),
    (_any(HouseholdLink), _drawn("household")),
    (_any(OldCustomerIntroduction), _drawn("introduction")),
    (_any(Visit, exhibition=True), _flipped("exhibitions_need_ruling")),
    (_any(Visit, for_discount=True), _flipped("discount_visits")),
]


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_first_days(), re_households()),
    policies,
    st.data(),
)
def test_a_clause_no_record_speaks_to_changes_nothing(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """Policies are data, each clause read where its records are: a host's other value
    of a clause that no record of the story speaks to (a switch's shares without a
    request, the referral terms without a referral, the household rule without a
    household, a complaint clause without a complaint, ...) changes nothing, to the
    trail."""
    base = outcome(story, policy, customer=C)
    rules = None if base[0] == "refused" else attribute(story, policy, customer=C).rules
    for speaks_to, other in _CLAUSE_RECORDS:
        if speaks_to(story):
            continue
        variant = other(policy, data)
        assert outcome(story, variant, customer=C) == base
        if rules is not None:
            assert attribute(story, variant, customer=C).rules == rules


@given(re_stories(deal=False), policies)
def test_without_a_deal_no_shares_and_split_refuses(
    story: list[Any], policy: AttributionPolicy
) -> None:
    try:
        a = attribute(story, policy)
    except InvalidInputError:
        return
    assert a.shares == {}
    assert a.deal is None
    with pytest.raises(InvalidInputError):
        a.split(Decimal("100.00"))


@given(st.one_of(re_stories(), re_households()), policies)
def test_a_stranger_closing_earns_nothing_while_someone_holds_the_customer(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """The whole vocabulary: when, at the deal's instant, someone holds the customer (the
    CRM screen names an owner, no ruling pending), a deal closed by 庚, who never
    appeared, pays 庚 nothing (RE12-7.1/7.3, RE14-5.1/5.2: the deal follows the claims,
    not the closer; a clause's pending case pays its own salespeople).  The holder is
    read at the deal's instant, not a second before it: a registration valid through
    one day has lapsed at midnight."""
    body = [e for e in story if not isinstance(e, (Deal, Ruling, Dispute))]
    deals = [e for e in story if isinstance(e, Deal)]
    last = max(e.at for e in body)
    closing = Deal(
        at=max([last, *(d.at for d in deals)]) + dt.timedelta(minutes=1),
        customer=deals[0].customer if deals else C,
        closed_by="庚",
    )
    if outcome(body, policy, customer=C, as_of=closing.at)[0] == "refused":
        return
    held = attribute(body, policy, customer=C, as_of=closing.at)
    if held.needs_ruling or held.owner is None:
        return
    if outcome([*body, closing], policy, customer=C)[0] == "refused":
        return
    a = attribute([*body, closing], policy, customer=C)
    assert "salesperson:庚" not in {str(p) for p in a.shares}, a.explain()


@given(re_stories(), policies, st.data())
def test_events_after_the_deal_change_nothing(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    deal_at = story[-1].at
    base = outcome(story, policy)
    start = int((deal_at - story[0].at).total_seconds() // 60)
    extra = [
        data.draw(re_event("王先生", start + k).filter(lambda e: e.type_name in _KINDS))
        for k in data.draw(st.lists(st.integers(min_value=1, max_value=60 * 24 * 90), max_size=4))
    ]
    extra.append(NameChange(at=deal_at + dt.timedelta(days=3), customer="王先生", new_name="新名"))
    assert outcome([*story, *extra], policy) == base


def answer(events: list[Any], policy: AttributionPolicy, **kw: Any) -> object:
    """The whole attribution, or the refusal's code."""
    try:
        return attribute(events, policy, **kw)
    except InvalidInputError as exc:
        return exc.code


@given(st.one_of(re_stories(), re_stories(deal=False), re_households()), policies, st.data())
def test_a_customer_asked_by_the_name_a_change_gave_them_is_the_same_customer(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """RE12-7.6: a change of name (before the deal or after it, or with none) does not start
    a new customer: asked by the new name, the answer is the old name's, word for word;
    the events recorded under the new name from the change on are refused, not read as
    another customer's history starting then."""
    last = max(e.at for e in story)
    when = story[0].at + dt.timedelta(
        minutes=data.draw(st.integers(0, int((last - story[0].at).total_seconds() // 60) + 60))
    )
    renamed = [*story, NameChange(at=when, customer="王先生", new_name="王总")]
    assert answer(renamed, policy, customer="王总") == answer(renamed, policy, customer="王先生")
    keyed = [
        attrs.evolve(e, customer="王总") if e.customer == "王先生" and e.at > when else e
        for e in renamed
    ]
    if any(e.customer == "王总" for e in keyed):
        with pytest.raises(InvalidInputError) as caught:
            attribute(keyed, policy, customer="王先生")
        assert caught.value.code == "realestate.engine.renamed_customer"


#: every kind of record that tells of something after the deal (a household found out
#: later and the evening-meeting record tell of the time before it; rulings and disputes
#: settle the case whenever they come)
_KINDS = {
    "visit",
    "registration",
    "recognition",
    "switch_request",
    "complaint",
    "name_change",
    "old_customer_introduction",
    "reallocation",
    "referral",
    "referral_confirmation",
    "company_introduction",
}


@given(re_stories(), re_stories(customer="李女士"), policies)
def test_another_customers_events_change_nothing(
    mine: list[Any], theirs: list[Any], policy: AttributionPolicy
) -> None:
    assert outcome([*mine, *theirs], policy, customer="王先生") == outcome(mine, policy)


def local_day(t: dt.datetime) -> dt.date:
    return t.astimezone(CHINA_TZ).date()


def _counted(r: Registration, policy: AttributionPolicy, deal: Deal | None) -> bool:
    """Whether a registration counts for the case (RE12-7.2 and the policy's cutoff)."""
    if deal is not None and r.at > deal.at:
        return False
    if not policy.registration_needs_confirmation:
        return True
    if r.confirmed_at is None or deal is None:
        return r.confirmed_at is not None
    if policy.confirmation_cutoff is ConfirmationCutoff.DEAL:
        return r.confirmed_at <= deal.at
    day_end = dt.datetime.combine(
        deal.at.astimezone(CHINA_TZ).date() + dt.timedelta(days=1), dt.time(), tzinfo=CHINA_TZ
    )
    return r.confirmed_at < day_end


@given(st.one_of(re_stories(), re_stories(deal=False), re_households()), policies)
def test_a_form_on_a_day_with_no_visit_is_that_days_reception(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14 (三)1: the visitor form records a reception.  On a day with no visit
    of the customer on the record, a registration reads as a visit received by its
    salesperson at its instant: recording that visit changes nothing (days with one
    salesperson's forms; two salespeople's visits at one instant would be a tie)."""
    deal = next((e for e in story if isinstance(e, Deal)), None)
    seen_days = {(e.customer, local_day(e.at)) for e in story if isinstance(e, Visit)}
    by_day: dict[tuple[str, dt.date], set[str]] = {}
    forms = [e for e in story if isinstance(e, Registration) and _counted(e, policy, deal)]
    for r in forms:
        by_day.setdefault((r.customer, local_day(r.at)), set()).add(r.salesperson)
    added = [
        Visit(at=r.at, customer=r.customer, received_by=r.salesperson)
        for r in forms
        if (key := (r.customer, local_day(r.at))) not in seen_days and len(by_day[key]) == 1
    ]
    if not added:
        return
    assert outcome([*story, *added], policy, customer=C) == outcome(story, policy, customer=C)


@given(st.one_of(re_stories(), re_stories(deal=False)), policies)
def test_a_linked_member_with_no_record_changes_nothing(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """A spouse linked to the customer who never comes adds nothing (RE12-7.4 and
    RE14-5.3(11) speak of members who visit): the same answer as the customer alone."""
    link = HouseholdLink(at=min(e.at for e in story), customer=C, other="王太太")
    assert outcome([link, *story], policy, customer=C) == outcome(story, policy)
    # the link recorded on the spouse's side is no record of the spouse's own either
    theirs = HouseholdLink(at=link.at, customer="王太太", other=C)
    assert outcome([theirs, *story], policy, customer=C) == outcome(story, policy)
    # nor do the spouse's events after the deal (a visit, a change of name)
    deal = next((e for e in story if isinstance(e, Deal)), None)
    if deal is not None:
        after = deal.at + dt.timedelta(days=1)
        late = [
            Visit(at=after, customer="王太太", received_by="丙"),
            NameChange(at=after, customer="王太太", new_name="王女士"),
        ]
        assert outcome([link, *story, *late], policy, customer=C) == outcome(story, policy)


@given(
    st.sampled_from(SALESPEOPLE),
    st.sampled_from(SALESPEOPLE),
    st.integers(min_value=0, max_value=200),
    st.sampled_from([RE12, RE14]),
)
def test_a_lapsed_registration_never_earns_a_share(
    first: str, second: str, extra_days: int, policy: AttributionPolicy
) -> None:
    if first == second:
        return
    months = policy.registration_validity_months or 0
    later = 31 * months + 1 + extra_days
    story = [*seen(0, first), *seen(later, second), deal(later + 1, second)]
    a = attribute(story, policy)
    assert f"salesperson:{first}" not in split(a)


#: what the company and referrers are paid, whatever the dates (a ruling or a dispute
#: lapses with the claims of its time)
_DECIDED = ("CompanyIntroduction", "ReferralRegistration")


def _refused(story: list[Any], policy: AttributionPolicy) -> bool:
    """Whether the records contradict themselves (two rulings of one instant that
    decide differently, say), which no date makes right."""
    return outcome(story, policy, customer=C)[0] == "refused"


@given(
    st.one_of(re_stories(deal=False), re_households()),
    st.sampled_from([RE12, RE14]),
    st.integers(min_value=0, max_value=60 * 24 * 30),
    st.sampled_from(["庚", *SALESPEOPLE]),
)
def test_every_claim_lapses_with_its_registrations(
    story: list[Any], policy: AttributionPolicy, minutes: int, closer: str
) -> None:
    """The whole vocabulary (households, switches, recognitions, complaints, courtesies,
    removals, ties, questions for the manager): a deal closed four months after the
    last event, by 庚, who never appeared, or by a salesperson of the story, is the
    closer's, and at that instant, before any deal, nobody holds the customer.  Every
    registration has lapsed by then, and a lapsed registration never earns, whatever a
    clause had left pending or whoever it had removed, or a manager had ruled of that
    time."""
    story = [e for e in story if type(e).__name__ not in _DECIDED and not isinstance(e, Deal)]
    assume(not _refused(story, policy))
    last = max(e.at for e in story)
    closing = Deal(at=last + dt.timedelta(days=125, minutes=minutes), customer=C, closed_by=closer)
    a = attribute([*story, closing], policy, customer=C)
    assert (a.needs_ruling, split(a)) == (False, sp(**{closer: 1})), a.explain()
    held = attribute(story, policy, customer=C, as_of=closing.at)  # and before any deal
    assert (held.needs_ruling, held.owner) == (False, None), held.explain()


@given(re_stories(deal=False), re_stories(), st.sampled_from([RE12, RE14]))
def test_a_history_whose_every_claim_lapsed_changes_nothing(
    old: list[Any], fresh: list[Any], policy: AttributionPolicy
) -> None:
    """The whole vocabulary, twice: a customer's history, then, once every claim of it
    has lapsed (RE12-7.1, RE14-5.2: the customer starts over), a story a year on.  The
    answer is the story's alone: who registered first, who is first in a household or
    new that day, who holds the customer, what a meeting record decides, whether an
    introduction or a referral came first, are all read in the current run of claims.
    Rulings and disputes of the history decide nothing of the new time.  (Left out
    of the history: what does not lapse (the company's and an employee's
    introductions) and the deal.)"""
    if not all(dt.date(2026, 3, 1) <= d <= dt.date(2027, 2, 28) for e in fresh for d in _days(e)):
        return
    history = [
        e
        for e in old
        if type(e).__name__ not in _DECIDED and not isinstance(e, (Deal, HouseholdLink))
    ]
    later = [_a_year_later(e) for e in fresh]
    assume(max(e.at for e in history) + dt.timedelta(days=125) <= min(e.at for e in later))
    assume(not _refused(history, policy))
    # (one thing the history does tell: that a visit is a return.  A customer back after
    # every claim lapsed who asks for a salesperson gives them the customer from that
    # visit (RE12-3.6, RE14-5.3(1)); one never seen before asks for nobody that way.  A
    # new time that opens with such a visit, beside rival records of its instant read
    # one at a time, is left out)
    start = min(e.at for e in later)
    assume(not any(isinstance(e, Visit) and e.asked_for and e.at == start for e in later))
    assert outcome([*history, *later], policy, customer=C) == outcome(later, policy, customer=C)


@given(
    st.one_of(re_stories(deal=False), re_households()),
    st.sampled_from([RE12, RE14]),
    st.sampled_from(["庚", "辛", *SALESPEOPLE]),
    st.sampled_from(list(Previous)),
    st.one_of(st.none(), st.sampled_from(["甲", "乙", "丙", "丁"])),
    st.booleans(),
    st.booleans(),
)
def test_a_customer_back_after_every_claim_lapsed_is_whoever_receives_them(
    story: list[Any],
    policy: AttributionPolicy,
    receiver: str,
    previous: Previous,
    courtesy_for: str | None,
    for_discount: bool,
    registers: bool,
) -> None:
    """The customer comes back four months after the last event, when every claim has
    lapsed, asks for nobody and is received by a salesperson, new to them or not (one a
    clause removed then included): whatever the receiver is told (a returning customer,
    a forgotten salesperson, a courtesy for a colleague, a visit for a discount), a deal
    the receiver closes that day is the receiver's alone.  A lapsed registration never
    earns, through any clause the visit might seem to wake, any case left pending or
    any ruling of that time."""
    story = [e for e in story if type(e).__name__ not in _DECIDED and not isinstance(e, Deal)]
    assume(not _refused(story, policy))
    back = max(e.at for e in story) + dt.timedelta(days=125)
    events = [
        *story,
        Visit(
            at=back,
            customer=C,
            received_by=receiver,
            previous=previous,
            courtesy_for=courtesy_for if courtesy_for != receiver else None,
            for_discount=for_discount,
        ),
        *(
            [Registration(at=back, customer=C, salesperson=receiver, confirmed_at=back)]
            * registers
        ),
        Deal(at=back + dt.timedelta(hours=2), customer=C, closed_by=receiver),
    ]
    a = attribute(events, policy, customer=C)
    assert (a.needs_ruling, split(a)) == (False, sp(**{receiver: 1})), a.explain()


#: every name the stories use, each sent to one that sorts the other way
_RENAME = {
    "甲": "丁",
    "乙": "丙",
    "丙": "乙",
    "丁": "甲",
    "王先生": "王太太",
    "王太太": "王先生",
    "员工A": "员工B",
    "员工B": "员工A",
}


def _renamed(v: Any) -> Any:
    """``v`` with every name in it renamed: an event, a party, a value of a field."""
    if isinstance(v, str):
        return _RENAME.get(v, v)
    if isinstance(v, Party):
        return attrs.evolve(v, name=_renamed(v.name))
    if isinstance(v, (tuple, list)):
        return type(v)(_renamed(x) for x in v)
    if isinstance(v, Mapping):
        return {_renamed(k): x for k, x in v.items()}
    if attrs.has(type(v)):
        fields = attrs.fields(type(v))
        return type(v)(**{f.alias: _renamed(getattr(v, f.name)) for f in fields if f.init})
    return v


@given(
    st.one_of(re_stories(), re_stories(deal=False), re_households(), re_households(deal=False)),
    policies,
)
def test_names_decide_nothing(story: list[Any], policy: AttributionPolicy) -> None:
    """Renaming every salesperson, customer and referrer (so that their names sort the
    other way) renames the answer and changes nothing else: no clause, and no tie, is
    decided by a name (RE12-7.3, RE14-5.1, RE14-5.3(11), RE12-7.4, rulings)."""
    got = outcome([_renamed(e) for e in story], policy, customer=_RENAME[C])
    want = outcome(story, policy, customer=C)
    if want[0] != "refused":
        owner, shares, ruling, follow = want
        want = (
            _renamed(owner),
            {_renamed(p): v for p, v in shares.items()},
            ruling,
            _renamed(follow),
        )
    assert got == want


shares_st = st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=8).filter(
    lambda xs: sum(xs) > 0
)


@settings(max_examples=200)
@given(shares_st, st.integers(min_value=0, max_value=10**9))
def test_allocate_sums_exactly_and_stays_within_a_cent(weights: list[int], cents: int) -> None:
    total = Decimal(cents) / 100
    shares = {f"p{i}": Fraction(w, sum(weights)) for i, w in enumerate(weights)}
    parts = allocate(total, shares)
    assert sum(parts.values()) == total
    for key, share in shares.items():
        assert abs(Fraction(parts[key]) - share * Fraction(total)) < Fraction(1, 100)
        assert parts[key] == parts[key].quantize(Decimal("0.01"))


@given(re_stories(), policies)
def test_a_courtesy_on_a_day_before_the_deal_changes_nothing(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """A colleague who receives the holder's returning customer for them on a day the deal
    does not close (RE12-4, RE14-2.5 否则属义务接待) changes nothing: the split the clauses
    set before it (a switch's 80/20, RE14-5.3(7)'s 50/50, RE14-5.3(8)'s 50/50, a ruling's)
    stands, and the customer stays the holder's."""
    deal = next(e for e in story if isinstance(e, Deal))
    before = [e for e in story if e is not deal]
    t = max(e.at for e in before) + dt.timedelta(minutes=1)
    day = t.astimezone(CHINA_TZ).date()
    if day >= deal.at.astimezone(CHINA_TZ).date():
        return
    if any(
        isinstance(e, Registration) and e.at.astimezone(CHINA_TZ).date() == day for e in before
    ):
        # a day with a visit on the record is the visits' to tell: that day's forms no
        # longer stand for receptions (documented), so who received the customer first
        # as their own, which names the owner among a ruling's equal shares, may change
        return
    now = outcome(before, policy, as_of=t)
    holder = now[0] if now[0] != "refused" and not now[2] else None
    if holder is None:
        return
    # (someone who appears nowhere else in the story, so no tie-break reads them)
    courtesy = Visit(at=t, customer=C, received_by="庚", previous="names", courtesy_for=holder)
    assert outcome([*before, courtesy, deal], policy) == outcome(story, policy)


@given(re_first_days(), st.sampled_from([RE12, RE14]), st.data())
def test_a_salesperson_losing_every_right_passes_exactly_their_part(
    story: list[Any], policy: AttributionPolicy, data: st.DataObject
) -> None:
    """A salesperson with a part of the deal who loses every right before it (RE12-3.10, a
    serious fault the first day; RE14-5.3(4), a confirmed complaint) passes that part,
    and only that part, to the one who takes over: the others' parts stand (a switch's
    70/30 or 80/20 included).  Under RE12 with nobody recorded as taking over, the part
    goes to a salesperson whose registration stands, else to the next who receives the
    customer (here the heir, a minute later): to one of them, whole."""
    *before, deal = story
    a = attribute(story, policy)
    parts = {p.name: s for p, s in a.shares.items() if p.kind is PartyKind.SALESPERSON}
    if a.needs_ruling or len(parts) < 2:
        return
    gone = data.draw(st.sampled_from(sorted(parts)), label="gone")
    heir = data.draw(st.sampled_from([*SALESPEOPLE, "庚"]), label="heir")
    removed_earlier = {
        e.from_
        for e in before
        if isinstance(e, SwitchRequest) and (e.fault is Fault.SERIOUS or e.firm)
    }
    if heir == gone or heir in removed_earlier:
        return
    t = RE_BASE + dt.timedelta(hours=6)  # the first day, after every record of the hour
    if policy is RE12:
        # RE12-3.10 speaks of the one receiving: the holder or the one following up at the
        # refusal (a part waiting for a taker then goes to the next one, who would be the
        # heir, or the deal's closer, who was nobody yet)
        now = attribute(before, policy, as_of=t)
        if now.needs_ruling or gone not in (now.owner, now.follow_up):
            return
        loss: Any = SwitchRequest(at=t, customer=C, from_=gone, fault="serious", granted_to=heir)
        if not data.draw(st.booleans(), label="recorded"):
            losses = [
                attrs.evolve(loss, granted_to=None),
                Visit(at=t + dt.timedelta(minutes=1), customer=C, received_by=heir),
            ]
            b = attribute([*before, *losses, deal], policy)
            got = {p.name: s for p, s in b.shares.items() if p.kind is PartyKind.SALESPERSON}
            assert not b.needs_ruling
            gained = {who: got[who] - parts.get(who, Fraction(0)) for who in got}
            assert gone not in got
            assert sorted(gained.values()) == [*[Fraction(0)] * (len(got) - 1), parts[gone]]
            return
    else:
        loss = SalespersonComplaint(
            at=t, customer=C, against=gone, reported_by=heir, confirmed=True
        )
    b = attribute([*before, loss, deal], policy)
    expected = dict(parts)
    expected[heir] = expected.get(heir, Fraction(0)) + expected.pop(gone)
    assert not b.needs_ruling
    assert {p.name: s for p, s in b.shares.items() if p.kind is PartyKind.SALESPERSON} == (
        expected
    )


def test_re12_3_10_a_refusal_the_day_the_customer_starts_over_after_a_day_of_two_visits() -> None:
    """RE12-3.10 on the day a customer is new again (RE12-7.1: every claim lapsed).
    甲 registered 王先生 on 2 March; 乙 received him twice on 12 March, while 甲's
    registration stood; on 10 June, every claim long lapsed, 丙 received and registered
    him as new, and he firmly refused 丙: the next salesperson, 丁, took over, as on any
    new customer's first day.  Reading where his current run began must go past the day
    of two visits (the second says nothing new) to 10 June; stopping there made him a
    returning customer whose refusal no clause answers."""
    story = [
        *seen(0, "甲"),
        visit(10, "乙"),
        Visit(at=at(10, hour=14), customer=C, received_by="乙"),
        *seen(100, "丙"),
        SwitchRequest(at=at(100, hour=11), customer=C, from_="丙", firm=True),
        Visit(at=at(100, hour=12), customer=C, received_by="丁"),
        deal(103, "丁"),
    ]
    a = attribute(story, RE12)
    assert (a.needs_ruling, split(a)) == (False, sp(丁=1)), a.explain()
    assert "RE12-3.10" in a.rules


def test_re14_5_1_a_registration_renewed_on_its_last_day_keeps_its_run() -> None:
    """RE14-5.1 with RE14-5.2 (a registration is valid for two months): 甲 registered
    王先生 on 2 March and again on 2 May, the last day of the first registration, so
    甲's claim never lapsed and runs from 2 March; 乙 registered him on 20 March.  The
    evening-meeting record of 10 May naming 甲 first agrees with the register, and the
    deal is 甲's.  Read as a run from 2 May, the record would contradict the register."""
    story = [
        *seen(0, "甲"),
        reg(18, "乙"),
        Registration(at=at(61), customer=C, salesperson="甲", confirmed_at=at(61)),
        MeetingRecord(at=at(69, hour=20), customer=C, first="甲"),
        deal(71, "甲"),
    ]
    assert add_months(at(0).date(), 2) == at(61).date()  # 2 May: the last valid day
    a = attribute(story, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(甲=1)), a.explain()
    # a day later, the first registration had lapsed: a new run, and 乙's came first
    late = [
        *story[:3],
        Registration(at=at(62), customer=C, salesperson="甲", confirmed_at=at(62)),
        *story[4:],
    ]
    assert attribute(late, RE14).needs_ruling


@given(
    st.one_of(re_long_histories(), re_long_histories(), re_households()),
    st.sampled_from([RE12, RE14]),
)
def test_where_the_current_run_began_is_read_as_from_the_first_visit(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14-5.2 (the customer starts over once every claim lapsed): the walk
    that finds where the customer's current run of claims began goes on from where it
    last stopped, so that long cases take time in proportion to their records.  At every
    step of the pass it must say what a walk from the first visit says, whatever the
    removals did meanwhile (one ending, or reaching back to a day already read)."""
    differ: list[tuple[Any, Any]] = []

    def check(walked: Any, self: Any) -> Any:
        kept = self.walked
        self.walked = None
        fresh = walked(self)
        self.walked = kept
        got = walked(self)
        if got != fresh:
            differ.append((got, fresh))
        return got

    _attribute_watching(story, policy, "current_contact", check)
    assert not differ


def _attribute_watching(
    story: list[Any], policy: AttributionPolicy, name: str, check: Any
) -> None:
    """Attribute ``story`` with the ledger's method ``name`` checked at every call."""
    from custrules.realestate._ledger import Ledger

    original = getattr(Ledger, name)

    def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
        return check(original, self, *args, **kwargs)

    setattr(Ledger, name, watched)
    try:
        with contextlib.suppress(InvalidInputError):
            attribute(story, policy, customer=C)
    finally:
        setattr(Ledger, name, original)


_LONG = st.one_of(re_long_histories(), re_long_histories(), re_households(), re_stories())


@given(_LONG, st.sampled_from([RE12, RE14]))
def test_who_is_registered_on_a_day_is_everyone_whose_latest_registration_covers_it(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14-5.2 (a registration is valid for the policy's months; the latest
    decides): who is registered on a day is read from the registrations of the day's
    last months, so that cases with many salespeople take time in proportion to their
    records.  At every reading it must name exactly the salespeople whose latest
    registration made by then is still valid on the day."""
    differ: list[Any] = []

    def check(original: Any, self: Any, day: dt.date, *, before: bool = False) -> Any:
        got = list(original(self, day, before=before))
        months = self.p.registration_validity_months
        want = set()
        for who, days in self.regs.items():
            made = [d for d in days if (d < day if before else d <= day)]
            if made and (months is None or day <= add_months(made[-1], months)):
                want.add(who)
        if set(got) != want:
            differ.append((day, before, got, want))
        return iter(got)

    _attribute_watching(story, policy, "_registrants", check)
    assert not differ


@given(_LONG, st.sampled_from([RE12, RE14]))
def test_the_earliest_run_still_valid_is_read_as_afresh(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14-5.2 (a question or a removal stands while a claim of its time
    does), RE14-5.1 (the register and the evening-meeting record): when the earliest
    run of registrations still valid began, and whose, is read once a day and updated
    by the registrations made since.  At every reading it must say what a reading of
    the whole register says, whatever the removals did meanwhile."""
    differ: list[Any] = []

    def check(original: Any, self: Any, t: dt.datetime, *, removals: bool = True) -> Any:
        kept = dict(self.began_for)
        self.began_for = {}
        fresh = original(self, t, removals=removals)
        self.began_for = kept
        got = original(self, t, removals=removals)
        if (got[0], sorted(got[1])) != (fresh[0], sorted(fresh[1])):
            differ.append((t, removals, got, fresh))
        return got

    _attribute_watching(story, policy, "earliest_run", check)
    assert not differ


@given(_LONG, st.sampled_from([RE12, RE14]))
def test_a_run_of_registrations_begins_at_the_first_made_while_none_had_lapsed(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14-5.2 read with RE12-7.3, RE14-5.1 (the earlier registration wins):
    a salesperson's registrations each made while the one before was still valid are
    one run, which began with its first; one made after a lapse begins a new run.  The
    run is kept as registrations come; at every reading it must be what walking back
    from the latest registration by then says."""
    differ: list[Any] = []

    def check(original: Any, self: Any, who: str, t: dt.datetime) -> Any:
        got = original(self, who, t)
        days, times = self.regs[who], self.reg_at[who]
        months = self.p.registration_validity_months
        day = t.astimezone(CHINA_TZ).date()
        k = max((i for i, d in enumerate(days) if d <= day), default=0)
        while k > 0 and months is not None and days[k] <= add_months(days[k - 1], months):
            k -= 1
        if got != times[k]:
            differ.append((who, t, got, times[k]))
        return got

    _attribute_watching(story, policy, "since", check)
    assert not differ


def _halves() -> dict[str, Fraction]:
    return {"salesperson:s0": Fraction(1, 2), "salesperson:s1": Fraction(1, 2)}


#: two confirmed complaints, then visits of one day: a removal made after the walk of
#: visits had read later days must send it back (a mutant that never did survived)
_REMOVED_THEN_WALKED = [
    Registration(at=at(0, 9), customer=C, salesperson="s0", confirmed_at=None),
    Visit(at=at(6, 9), customer=C, received_by="s1"),
    Visit(
        at=at(6, 9),
        customer=C,
        received_by="s1",
        previous="names",
        asked_for=["s1", "s0"],
        courtesy_for="s0",
    ),
    SalespersonComplaint(at=at(9, 9), customer=C, against="s1", reported_by="s0", confirmed=True),
    SalespersonComplaint(at=at(60, 9), customer=C, against="s0", reported_by="s1", confirmed=True),
    Registration(at=at(61, 9), customer=C, salesperson="s0", confirmed_at=at(61, 9)),
    Dispute(at=at(62, 9), customer=C, parties=["s0", "s1"], outcome="mediated", shares=_halves()),
    Visit(
        at=at(63, 9),
        customer=C,
        received_by="s0",
        previous="forgot",
        asked_for=["s1", "s0"],
        for_discount=True,
    ),
    Visit(at=at(63, 9), customer=C, received_by="s0", previous="names", asked_for=["s1"]),
    Dispute(at=at(126, 9), customer=C, parties=["s0", "s1"], outcome="settled", shares=_halves()),
]


@given(_LONG, st.sampled_from([RE12, RE14, RE11]))
@example(_REMOVED_THEN_WALKED, RE14)
def test_the_current_contact_is_the_first_visit_since_the_customer_last_started_over(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-7.1, RE14-5.2 (every claim lapses: the customer starts over), RE14-5.3(11)
    (a household's first reception decides): the first visit since the customer last
    started over is kept as visits come, read without a walk when no registration can
    have lapsed, and walked again from a removal's time when one is made.  At every
    reading it must be what a walk over every visit says: a visit starts the customer
    over when someone had registered them since the run's first day, before the
    visit's, and every registration before that day had lapsed by it."""
    differ: list[Any] = []

    def check(original: Any, self: Any) -> Any:
        got = original(self)
        visits, days = self.visits, self.reg_days
        if not visits:
            want = None
        else:
            want, since = visits[0].at, visits[0].at.astimezone(CHINA_TZ).date()
            for v in visits[1:]:
                day = v.at.astimezone(CHINA_TZ).date()
                start = dt.datetime.combine(day, dt.time.min, tzinfo=CHINA_TZ)
                if (
                    day > since
                    and any(since <= d < day for d in days)
                    and self._starts_over(start)
                ):
                    want, since = v.at, day
        if got != want:
            differ.append((len(visits), got, want))
        return got

    _attribute_watching(story, policy, "current_contact", check)
    assert not differ


def _ended_one_by_one(self: Any, t: dt.datetime) -> None:
    """The removals whose time is over at ``t``, read one by one in the order they
    were made (the reading that a heap of removals by their instant must agree with)."""
    months = self.p.registration_validity_months
    if months is None:
        return
    from custrules.realestate._ledger import _local

    lapsed = self._lapsed_by(t, months)
    for who, (_, rule, when) in list(self.lost.items()):
        if lapsed(_local(when)):
            self._unremove(who)
            lapsed = self._lapsed_by(t, months)
            self.note(rule, "ended {}", who)


@given(_LONG, st.sampled_from([RE12, RE14]))
def test_removals_end_as_if_every_one_were_read_in_the_order_made(
    story: list[Any], policy: AttributionPolicy
) -> None:
    """RE12-3.10, RE14-5.3(4) read with RE12-7.1, RE14-5.2 (a removal lapses with every
    claim of its time; the salesperson it ends may be registered again, which can keep
    a later removal standing): removals whose time may be over are read from a heap
    by their instant.  At every record the removals that end, and their order, must be
    those of reading every removal in the order they were made."""
    differ: list[Any] = []

    def check(original: Any, self: Any, t: dt.datetime) -> None:
        saved = (
            dict(self.lost),
            list(self.lost_log),
            list(self.lost_due),
            dict(self.lost_order),
            len(self.steps),
            dict(self.began_for),
        )
        _ended_one_by_one(self, t)
        want = (list(self.lost), [step[2][0] for step in self.steps[saved[4] :]])
        self.lost, self.lost_log, self.lost_due, self.lost_order = (
            saved[0],
            saved[1],
            saved[2],
            saved[3],
        )
        del self.steps[saved[4] :]
        self.began_for = dict(saved[5])
        original(self, t)
        got = (list(self.lost), [step[2][0] for step in self.steps[saved[4] :]])
        if got != want:
            differ.append((t, got, want))

    _attribute_watching(story, policy, "end_removals", check)
    assert not differ


def test_re14_5_3_4_removals_that_end_at_one_record_end_in_the_order_made() -> None:
    """RE14-5.3(4) read with RE14-5.2 (a removal lapses with every claim of its time):
    the supervisor confirmed complaints against 乙 (2 March), 丙 (3 March) and 乙 again
    (4 March) while 甲 held 王先生; by 丁's reception on 11 May every registration of
    those days had lapsed, and both removals end at that record, 乙's first (the
    removal made first, renewed on 4 March) and then 丙's, whatever their names'
    order; 丁 holds the customer and the deal is theirs."""
    story = [
        *seen(0, "甲"),
        SalespersonComplaint(
            at=at(0, hour=11), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        SalespersonComplaint(at=at(1), customer=C, against="丙", reported_by="甲", confirmed=True),
        SalespersonComplaint(at=at(2), customer=C, against="乙", reported_by="甲", confirmed=True),
        *seen(70, "丁"),
        deal(71, "丁"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(丁=1)), a.explain()
    ended = [line for line in a.explain().splitlines() if "the customer starts over" in line]
    assert ended == [
        "RE14-5.3(4): 乙 lost every right on 2026-03-04; every registration of that time has "
        "lapsed since: the customer starts over",
        "RE14-5.3(4): 丙 lost every right on 2026-03-03; every registration of that time has "
        "lapsed since: the customer starts over",
    ], a.explain()


def test_re14_5_1_the_holders_successor_is_never_one_a_complaint_removed() -> None:
    """RE14-5.1 with RE14-5.3(4) and 5.2: 甲 registered 王先生 on 2 March, 乙 on 12 March
    and 丙 on 22 March; the supervisor confirmed a complaint against 乙 on 27 March.
    Once 甲's registration lapsed, of the registrations still valid the earlier wins,
    but 乙 lost every right: 丙 holds the customer, and the deal of 4 May is 丙's."""
    story = [
        *seen(0, "甲"),
        reg(10, "乙"),
        reg(20, "丙"),
        SalespersonComplaint(
            at=at(25), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        deal(63, "丁"),
    ]
    a = attribute(story, RE14)
    assert (a.owner, a.needs_ruling, split(a)) == ("丙", False, sp(丙=1)), a.explain()


@pytest.mark.parametrize(
    ("morning", "later", "named", "first"),
    [
        # 甲 received him without registering; a record of the morning names 甲 (nobody
        # had registered: nothing contradicts it); 乙 registered at 11:00
        ((), "乙", "甲", "乙 registered the customer first (2026-03-02 11:00)"),
        # 甲 received and registered him at 9:00; 丙 registered at 11:00
        (("甲",), "丙", "丙", "甲 registered the customer first (2026-03-02 09:00)"),
    ],
)
def test_re14_5_1_a_record_of_the_evening_reads_the_registrations_of_the_day(
    morning: tuple[str, ...], later: str, named: str, first: str
) -> None:
    """RE14-5.1 (the registration times and the evening-meeting record decide
    together): 甲 received 王先生 at 9:00 on 2 March, and a record read then names 甲
    first; another salesperson registered him at 11:00.  The evening-meeting record is
    read against the register as it stands that evening: one naming someone other than
    the salesperson who registered first that day contradicts it, and the case needs a
    manager's ruling."""
    story = [
        Visit(at=at(0, hour=9), customer=C, received_by="甲"),
        *(
            Registration(at=at(0, hour=9), customer=C, salesperson=who, confirmed_at=at(0, hour=9))
            for who in morning
        ),
        MeetingRecord(at=at(0, hour=9), customer=C, first="甲"),
        Registration(
            at=at(0, hour=11), customer=C, salesperson=later, confirmed_at=at(0, hour=11)
        ),
        MeetingRecord(at=at(0, hour=20), customer=C, first=named),
        deal(3, "甲"),
    ]
    a = attribute(story, RE14)
    assert a.needs_ruling, a.explain()
    assert (
        f"RE14-5.1: the evening-meeting record names {named} first, but {first}: the register "
        "and the record disagree"
    ) in a.explain(), a.explain()


def test_re14_5_2_a_removed_salespersons_registration_keeps_no_question_standing() -> None:
    """RE14-5.2 with RE14-5.3(4) (a removed salesperson loses every right): on 12 March
    the customer asked to leave 乙, who did not hold him (a question for the manager);
    甲, the holder, registered again on 30 March and lost every right on 1 April by a
    confirmed complaint, 丙 receiving in their place.  By the deal of 16 May every
    registration of 12 March's time that counts has lapsed (甲's run still would be
    valid, but 甲 no longer counts): the question needs no ruling, and the deal is 丙's."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(10), customer=C, from_="乙", to="丙"),
        reg(28, "甲"),
        SalespersonComplaint(
            at=at(30), customer=C, against="甲", reported_by="丙", confirmed=True
        ),
        deal(75, "丙"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=1)), a.explain()
    assert "needs no ruling any more" in a.explain(), a.explain()


def test_re14_5_3_4_a_renewed_removal_stands_by_its_renewal() -> None:
    """RE14-5.3(4) with RE14-5.2: complaints against 乙 were confirmed on 2 March and
    again on 11 April while 甲 held 王先生; 丙 registered him on 16 April and holds him
    once 甲's registration lapsed.  On 6 May the first removal's time is over (丙's run
    began later), but the renewed one stands: the customer's naming 乙 gives 乙
    nothing, and when he names 丁 the next day, 丁 receives him (RE14-5.3(8)), and 丙,
    whose form of 16 April records receiving him, is the earlier salesperson."""
    story = [
        *seen(0, "甲"),
        SalespersonComplaint(
            at=at(0, hour=11), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        SalespersonComplaint(
            at=at(40), customer=C, against="乙", reported_by="甲", confirmed=True
        ),
        reg(45, "丙"),
        *seen(65, "乙", previous=Previous.NAMES, asked_for=["乙"]),
        *seen(66, "丁", previous=Previous.NAMES, asked_for=["丁"]),
        deal(67, "丁"),
    ]
    a = attribute(story, RE14)
    half = Fraction(1, 2)
    assert (a.needs_ruling, split(a)) == (False, sp(丁=half, 丙=half)), a.explain()
    assert "the customer starts over" not in a.explain(), a.explain()
    assert (
        "RE14-5.3(8): the customer named 乙, who lost every right to this customer earlier: "
        "the customer stays 丙's"
    ) in a.explain(), a.explain()


def test_re14_5_2_a_removal_counts_for_the_questions_read_later_that_day() -> None:
    """RE14-5.2 with RE14-5.3(4): the question of 12 March (a request to leave 乙, who
    did not hold 王先生) stands at 9:00 on 16 May, while 甲's run of registrations since
    2 March is valid; at 10:00 甲 lost every right by a confirmed complaint, 丙
    receiving in their place.  At 戊's registration at 11:00 no registration of 12
    March's time counts any more: the question needs no ruling from then, and the deal
    is 丙's."""
    story = [
        *seen(0, "甲"),
        SwitchRequest(at=at(10), customer=C, from_="乙", to="丙"),
        reg(28, "甲"),
        Registration(at=at(75, hour=9), customer=C, salesperson="丁", confirmed_at=at(75, hour=9)),
        SalespersonComplaint(
            at=at(75, hour=10), customer=C, against="甲", reported_by="丙", confirmed=True
        ),
        Registration(
            at=at(75, hour=11), customer=C, salesperson="戊", confirmed_at=at(75, hour=11)
        ),
        deal(76, "丙"),
    ]
    a = attribute(story, RE14)
    assert (a.needs_ruling, split(a)) == (False, sp(丙=1)), a.explain()
    lines = a.explain().splitlines()
    dropped = [n for n, line in enumerate(lines) if "needs no ruling any more" in line]
    later = [n for n, line in enumerate(lines) if line.startswith("RE14-5.1: 戊 registered")]
    assert dropped, a.explain()
    assert later, a.explain()
    assert dropped[0] < later[0], a.explain()  # (at 11:00, not at the deal)


def test_re14_5_3_8_the_visits_counted_are_those_of_the_current_run() -> None:
    """RE14-5.3(8) with RE14-5.2 (the customer starts over once every claim lapsed):
    甲 received 王先生 on 2 March; long after 甲's registration lapsed he came back and
    乙 received him (10 June), then 丁 (11 June), and on 15 June he named 丁.  That is
    the third visit of the current run, and the earlier salesperson is 乙 alone (丁,
    the one named, is none, whatever they received before): 丁 and 乙 share the bonus."""
    story = [
        *seen(0, "甲"),
        *seen(100, "乙"),
        *seen(101, "丁"),
        *seen(105, "丁", previous=Previous.NAMES, asked_for=["丁"]),
        deal(106, "丁"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丁=H, 乙=H), a.explain()
    assert "RE14-5.3(8): on visit 3 the customer named 丁; earlier salesperson(s): 乙" in [
        str(s) for s in a.steps
    ], a.explain()


def test_re11_4_the_earlier_registrations_are_listed_in_the_order_made() -> None:
    """RE11-4 (登记在先): 甲 registered 王先生 on 20 February and 乙 on 22 February, before
    小赵's referral of 27 February: the claim fails, and the trail names them in the
    order they registered (not by their names' order)."""
    story = [*seen(-10, "甲"), reg(-8, "乙"), referral(), CONFIRM, visit(0, "甲"), deal(6, "甲")]
    a = attribute(story, RE12)
    assert split(a) == sp(甲=1), a.explain()
    assert "RE11-4: 甲, 乙 registered the customer before 小赵's referral: the claim fails" in [
        str(s) for s in a.steps
    ], a.explain()


@pytest.mark.parametrize(("day", "valid"), [(31, False), (32, True)])
def test_re11_2_a_referral_on_the_last_day_of_an_earlier_visits_time(
    day: int, valid: bool
) -> None:
    """RE11-2 read with RE12-7.1 (a registration is valid for a month): the customer
    came on 2 March.  A referral registered on 2 April, the last day of that visit's
    time, comes after the customer's first visit: no referral.  One registered on 3
    April comes after that time lapsed: the customer starts over, and the referral,
    confirmed at the visit of 5 April, earns 30 %."""
    confirm = ReferralConfirmation(
        at=at(34, 9), customer=C, referrer="小赵", confirmed_by="项目经理"
    )
    story = [visit(0, "轮值"), referral(day=day, appointment=34), confirm, *seen(34, "轮值")]
    a = attribute([*story, deal(40, "轮值")], RE12)
    if valid:
        assert split(a) == {"referrer:小赵": Fraction(3, 10), **sp(轮值=Fraction(7, 10))}
    else:
        assert split(a) == sp(轮值=1), a.explain()
        assert "RE11-2" in a.rules


def test_re14_5_3_8_the_earlier_salespeople_are_listed_by_their_first_visit() -> None:
    """RE14-5.3(8): 乙 received 王先生 on 2 March, 丙 on 3 March and 乙 again on 4 March;
    on 5 March he named 丁.  The earlier salespeople are 乙 and 丙, in the order of
    their first visits, and share the earlier half."""
    story = [
        *seen(0, "乙"),
        *seen(1, "丙"),
        *seen(2, "乙"),
        *seen(3, "丁", previous=Previous.NAMES, asked_for=["丁"]),
        deal(4, "丁"),
    ]
    a = attribute(story, RE14)
    assert split(a) == sp(丁=H, 乙=Fraction(1, 4), 丙=Fraction(1, 4)), a.explain()
    assert "RE14-5.3(8): on visit 4 the customer named 丁; earlier salesperson(s): 乙, 丙" in [
        str(s) for s in a.steps
    ], a.explain()
