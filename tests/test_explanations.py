"""Worked stories' explanations word for word, in English and Chinese (RE12, RE14).

A sales manager reads these lines to check a commission: each is pinned as the
clauses give it, so a changed word, citation or argument is a failing test.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from custrules import (
    RE11,
    RE12,
    RE14,
    CompanyIntroduction,
    CustrulesError,
    Deal,
    Dispute,
    Fault,
    HouseholdLink,
    MeetingRecord,
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
    attribute_many,
)
from custrules.realestate import AfterSales, AttributionPolicy, CompanyTerms
from tests.pinning import refusal
from tests.test_realestate import FORGOT, C, at, deal, reg, seen, visit

W = "王太太"
COUPLE = [*seen(0, "甲"), *seen(3, "乙", W), HouseholdLink(at=at(4), customer=C, other=W)]


@pytest.mark.parametrize(
    ("policy", "owner", "en", "zh"),
    [
        (
            RE12,
            "甲",
            [
                "RE12-7.3: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
                "RE12-7.3: [王太太] 乙 registered the customer first (2026-03-05 10:00)",
                "RE12-7.4: one household held jointly by 甲 and 乙; 甲 received it first",
            ],
            [
                "RE12-7.3: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
                "RE12-7.3: [王太太] 乙最先登记了该客户（2026-03-05 10:00）",
                "RE12-7.4: 同一家庭由甲和乙共同持有；甲最先接待",
            ],
        ),
        (
            RE14,
            "甲",
            [
                "RE14-5.1: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
                "RE14-5.1: [王太太] 乙 registered the customer first (2026-03-05 10:00)",
                "RE14-5.3(11): one household: the first salesperson, 甲",
            ],
            [
                "RE14-5.1: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
                "RE14-5.1: [王太太] 乙最先登记了该客户（2026-03-05 10:00）",
                "RE14-5.3(11): 同一家庭：归最先接待的置业顾问，甲",
            ],
        ),
    ],
)
def test_a_household_before_its_deal(
    policy: AttributionPolicy, owner: str, en: list[str], zh: list[str]
) -> None:
    """RE12-7.4 / RE14-5.3(11) with no deal yet: who holds the household now."""
    a = attribute(COUPLE, policy, customer=C)
    assert (a.customer, a.owner, a.follow_up, dict(a.shares)) == (
        "王先生 + 王太太",
        owner,
        owner,
        {},
    )
    assert a.explain("en").splitlines() == en
    assert a.explain("zh").splitlines() == zh
    assert a.ruling_reason is None


def test_a_household_deal_and_a_change_of_name_after_it() -> None:
    """RE12-7.4 splits the spouses 50/50, RE14-5.3(11) gives all to the first;
    RE12-7.6 / RE14-5.2: a change of name after the deal changes nothing."""
    events = [*COUPLE, deal(10, "甲"), NameChange(at=at(12), customer=C, new_name="王先生夫妇")]
    re12 = attribute(events, RE12, customer=C)
    assert {str(p): s for p, s in re12.shares.items()} == {
        "salesperson:乙": Fraction(1, 2),
        "salesperson:甲": Fraction(1, 2),
    }
    assert re12.explain("en").splitlines()[2:] == [
        "RE12-7.6: a change of name or unit on 2026-03-14 10:00, after the deal: the "
        "salesperson and the commission stay",
        "RE12-7.4: one household received separately by 乙 and 甲: they serve it jointly and "
        "split equally",
    ]
    assert re12.explain("zh").splitlines()[2:] == [
        "RE12-7.6: 成交后更名或换房（2026-03-14 10:00）：置业顾问与佣金不变",
        "RE12-7.4: 同一家庭分别由乙和甲接待：共同服务，平均分成",
    ]
    re14 = attribute(events, RE14, customer=C)
    assert (re14.owner, re14.follow_up) == ("甲", "甲")
    assert re14.explain("en").splitlines()[2:] == [
        "RE14-5.2: a change of name or unit on 2026-03-14 10:00, after the deal: the "
        "salesperson and the commission stay",
        "RE14-5.3(11): one household: 王先生 visited first, so the first salesperson wins",
    ]
    assert re14.explain("zh").splitlines()[3] == (
        "RE14-5.3(11): 同一家庭：王先生最先到访，因此归最先接待的置业顾问"
    )


@pytest.mark.parametrize(("policy", "rule"), [(RE12, "RE12-7.1"), (RE14, "RE14-5.2")])
def test_a_lapsed_registration_and_a_deal_with_no_claim(
    policy: AttributionPolicy, rule: str
) -> None:
    a = attribute([*seen(0, "甲"), deal(80, "乙")], policy)
    assert (a.owner, a.follow_up) == ("乙", "乙")
    assert a.explain("en").splitlines()[1:] == [
        f"{rule}: 甲's registration had lapsed",
        f"{rule}: 乙 closed the deal with no valid claim against it",
    ]
    assert a.explain("zh").splitlines()[1:] == [
        f"{rule}: 甲的登记已失效",
        f"{rule}: 乙成交，且无人拥有有效的归属",
    ]


@pytest.mark.parametrize(("policy", "rule"), [(RE12, "RE12-7.7"), (RE14, "RE14-5.4")])
def test_an_approved_ruling_decides_and_its_owner_follows_up(
    policy: AttributionPolicy, rule: str
) -> None:
    ruling = Ruling(
        at=at(2),
        customer=C,
        by="项目经理",
        shares={"salesperson:甲": Fraction(1, 2), "salesperson:乙": Fraction(1, 2)},
        owner="乙",
        approved_by="销售总监",
        text="两人共同接待",
    )
    a = attribute([*seen(0, "甲"), *seen(1, "乙"), ruling, deal(5, "甲")], policy)
    assert (a.owner, a.follow_up) == ("乙", "乙")
    assert a.explain("en").splitlines()[-1] == (
        f"{rule}: ruling by 项目经理, approved by 销售总监 (2026-03-04 10:00): 两人共同接待"
    )
    assert a.explain("zh").splitlines()[-1] == (
        f"{rule}: 项目经理的裁决，销售总监批准（2026-03-04 10:00）：两人共同接待"
    )


def test_two_deals_are_an_error_with_its_code_and_parameters() -> None:
    with pytest.raises(CustrulesError) as caught:
        attribute([*seen(0, "甲"), deal(3, "甲"), deal(4, "乙")], RE12)
    error = caught.value
    assert error.code == "realestate.engine.attribute.deals_one"
    assert (error.params["a"], error.params["a2"]) == (2, "2026-03-05 15:00, 2026-03-06 15:00")
    assert error.value == [deal(3, "甲"), deal(4, "乙")]
    assert str(error) == (
        "2 deals in one case (2026-03-05 15:00, 2026-03-06 15:00): a case is one customer "
        "(or household) and one deal"
    )
    assert error.message_in("zh") == (
        "一个案例中有 2 笔成交（2026-03-05 15:00、2026-03-06 15:00）：一个案例只能是一位客户"
        "（或一个家庭）和一笔成交"
    )


# -- more clauses, pinned from the reviewed output of each story ------------------------

BASE2 = [*seen(0, "甲"), *seen(2, "乙"), deal(5, "乙")]


def _dispute(outcome: str, *, halves: bool = False) -> Dispute:
    shares = {"salesperson:甲": Fraction(1, 2), "salesperson:乙": Fraction(1, 2)}
    return Dispute(
        at=at(6),
        customer=C,
        parties=["甲", "乙"],
        outcome=outcome,
        shares=shares if halves else None,
    )


def _refusal(fault: Fault, *, firm: bool = False, granted_to: str | None = None) -> SwitchRequest:
    return SwitchRequest(
        at=at(0, 11), customer=C, from_="甲", fault=fault, firm=firm, granted_to=granted_to
    )


def _complaint(confirmed: bool) -> SalespersonComplaint:
    return SalespersonComplaint(
        at=at(5, 11), customer=C, against="乙", reported_by="甲", confirmed=confirmed
    )


def _company(**kw: Any) -> CompanyIntroduction:
    return CompanyIntroduction(at=at(-1), customer=C, by="刘总", **kw)


STORIES: dict[str, tuple[list[Any], tuple[AttributionPolicy, ...], dict[str, Any]]] = {
    # RE14-5.3(5): several names, one of them present
    "re14_several_names_present": (
        [
            *seen(0, "甲"),
            *seen(3, "乙"),
            visit(8, "乙", previous=Previous.NAMES, asked_for=["丙", "乙", "甲"]),
            deal(8, "乙"),
        ],
        (RE14,),
        {},
    ),
    # RE14-5.3(5): several names, none present: a ruling
    "re14_several_names_absent": (
        [
            *seen(0, "甲"),
            visit(8, "丁", previous=Previous.NAMES, asked_for=["甲", "乙"]),
            deal(8, "丁"),
        ],
        (RE14,),
        {},
    ),
    # RE12: several names: the registered salesperson keeps the customer
    "re12_several_names_owner": (
        [
            *seen(0, "甲"),
            visit(8, "乙", previous=Previous.NAMES, asked_for=["甲", "乙"]),
            deal(8, "乙"),
        ],
        (RE12,),
        {},
    ),
    # RE12-3.7(g) / RE14-5.3(1): recognised the same day
    "forgot_same_day": (
        [*FORGOT, Recognition(at=at(10, 12), customer=C, original="甲"), deal(12, "甲")],
        (RE12, RE14),
        {},
    ),
    # RE12-3.7(i): recognised within a month
    "forgot_within_month": (
        [*FORGOT, Recognition(at=at(25), customer=C, original="甲"), deal(30, "乙")],
        (RE12,),
        {},
    ),
    # RE12-3.7(j): not recognised within a month
    "forgot_not_recognised": ([*FORGOT, deal(30, "乙")], (RE12,), {}),
    # RE14-5.3(7): found in the records
    "forgot_records": (
        [
            *FORGOT,
            Recognition(at=at(12), customer=C, original="甲", by_records=True),
            deal(20, "乙"),
        ],
        (RE14,),
        {},
    ),
    # RE12-7.1: no deal, and the only registration has lapsed
    "no_deal_lapsed": ([*seen(0, "甲")], (RE12,), {"as_of": at(60)}),
    # RE12-7.3 tie / RE11 no household clause: a ruling
    "household_tie_no_deal": (
        [
            *seen(0, "甲"),
            *seen(0, "乙", "王太太"),
            HouseholdLink(at=at(1), customer=C, other="王太太"),
        ],
        (RE12, RE11),
        {},
    ),
    # RE14-5.3(8): named on a later visit: the bonus is shared
    "re14_named_on_nth_visit": (
        [
            *seen(0, "甲"),
            visit(5, "甲"),
            visit(9, "乙", previous=Previous.NAMES, asked_for=["乙"], named_on_entry=True),
            deal(9, "乙"),
        ],
        (RE14, RE12),
        {},
    ),
    # RE14-5.4: crossed customers, each outcome; RE12 has no dispute clause
    "dispute_quarrel": ([*BASE2, _dispute("quarrel")], (RE14, RE12), {}),
    "dispute_pending": ([*BASE2, _dispute("pending")], (RE14,), {}),
    "dispute_settled": ([*BASE2, _dispute("settled", halves=True)], (RE14,), {}),
    "dispute_mediated": ([*BASE2, _dispute("mediated", halves=True)], (RE14,), {}),
    # RE12-3.10: a new customer refuses the salesperson
    "refusal_none": ([*seen(0, "甲"), _refusal(Fault.NONE), deal(5, "甲")], (RE12,), {}),
    "refusal_minor": ([*seen(0, "甲"), _refusal(Fault.MINOR), deal(5, "甲")], (RE12,), {}),
    "refusal_serious": (
        [*seen(0, "甲"), _refusal(Fault.SERIOUS, granted_to="丙"), reg(0.1, "丙"), deal(5, "丙")],
        (RE12,),
        {},
    ),
    "refusal_firm_nobody": (
        [*seen(0, "甲"), _refusal(Fault.NONE, firm=True), deal(5, "丙")],
        (RE12,),
        {},
    ),
    # RE12-5.2 / RE14-5.3(2): a permitted switch, and one the salesperson incited
    "switch_permitted": (
        [
            *seen(0, "甲"),
            SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
            deal(4, "乙"),
        ],
        (RE12, RE14),
        {},
    ),
    "switch_incited": (
        [
            *seen(0, "甲"),
            SwitchRequest(at=at(2), customer=C, from_="甲", to="乙", permitted=True, incited=True),
            deal(3, "乙"),
        ],
        (RE12,),
        {},
    ),
    # RE12-6: company customers; RE14 has no company clause
    "company_brought": ([_company(), *seen(0, "乙"), deal(2, "乙")], (RE12, RE14), {}),
    "company_named": (
        [_company(named_salesperson="甲"), *seen(0, "甲"), deal(2, "甲")],
        (RE12,),
        {},
    ),
    "company_after_contact": (
        [*seen(0, "乙"), CompanyIntroduction(at=at(1), customer=C, by="刘总"), deal(2, "乙")],
        (RE12,),
        {},
    ),
    "company_arranged_unknown": (
        [_company(arranged_deal=True), deal(0, "丙")],
        (RE12,),
        {},
    ),
    # RE12-7.5 (c) / RE14-5.3(10): an old customer's introduction; RE11 has no clause
    "old_customer_none": (
        [
            OldCustomerIntroduction(
                at=at(0, 9), customer=C, old_customer="李老板", salesperson="甲", how="none"
            ),
            *seen(0, "乙"),
            deal(3, "乙"),
        ],
        (RE12, RE14, RE11),
        {},
    ),
    # RE14-5.3(4): a complaint, confirmed or not; RE12 has no such clause
    "complaint_confirmed": (
        [
            *seen(0, "乙"),
            visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
            _complaint(True),
            deal(8, "甲"),
        ],
        (RE14, RE12),
        {},
    ),
    "complaint_unconfirmed": (
        [
            *seen(0, "乙"),
            visit(5, "甲", previous=Previous.NAMES, asked_for=["乙"]),
            _complaint(False),
            deal(8, "甲"),
        ],
        (RE14,),
        {},
    ),
    # RE12-5.3: a returning customer asks for another salesperson
    "returning_switch_refused": (
        [
            *seen(0, "甲"),
            SwitchRequest(at=at(6), customer=C, from_="甲", to="乙"),
            visit(6, "乙", courtesy_for="甲"),
            deal(6, "乙"),
        ],
        (RE12,),
        {},
    ),
    # RE14-5.3(12): a random re-allocation, with the library's default reason
    "reallocation_leave": (
        [
            *seen(0, "甲"),
            Reallocation(at=at(20), customer=C, from_="甲", to="戊", draw="抽签第3号"),
            deal(25, "戊"),
        ],
        (RE14, RE12),
        {},
    ),
}


# -- more stories: each path of the clauses a sales manager may meet ------------------


def _ref(
    day: float = -2, appointment_day: float = 0, private: bool = True
) -> ReferralRegistration:
    return ReferralRegistration(
        at=at(day),
        customer=C,
        referrer="小赵",
        appointment=at(appointment_day).date(),
        private_contact=private,
    )


def _introduced(how: str) -> OldCustomerIntroduction:
    return OldCustomerIntroduction(
        at=at(0, 9), customer=C, old_customer="李老板", salesperson="甲", how=how
    )


def _conf(day: float = 0, hour: int = 11) -> ReferralConfirmation:
    return ReferralConfirmation(at=at(day, hour), customer=C, referrer="小赵", confirmed_by="经理")


STORIES.update(
    {
        # RE12-5.2: a switch the salesperson incited, asked for on the first day
        "switch_incited_first_day": (
            [
                *seen(0, "甲"),
                SwitchRequest(
                    at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True, incited=True
                ),
                deal(3, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-5.2: asked for another mid-reception, not permitted
        "switch_not_permitted_first_day": (
            [
                *seen(0, "甲"),
                SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙"),
                deal(3, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-3.10: serious fault, nobody took over, the salesperson who lost closes
        "refusal_serious_loser_closes": (
            [*seen(0, "甲"), _refusal(Fault.SERIOUS), deal(5, "甲")],
            (RE12,),
            {},
        ),
        # RE12-3.10: each lost the customer to the other: every part has lost its rights
        "refusal_crossed": (
            [
                *seen(0, "甲"),
                _refusal(Fault.SERIOUS, granted_to="乙"),
                SwitchRequest(
                    at=at(0, 12), customer=C, from_="乙", fault=Fault.SERIOUS, granted_to="甲"
                ),
                deal(5, "甲"),
            ],
            (RE12,),
            {},
        ),
        # RE12-3.10: the salesperson granted the customer holds a month's claim from that day
        "refusal_granted_keeps_claim": (
            [*seen(0, "甲"), _refusal(Fault.SERIOUS, granted_to="丙"), deal(20, "丁")],
            (RE12,),
            {},
        ),
        # RE14-5.3(4): a complaint against a salesperson who is not the owner
        "complaint_not_owner": (
            [
                *seen(0, "甲"),
                *seen(2, "乙"),
                SalespersonComplaint(
                    at=at(3), customer=C, against="乙", reported_by="丙", confirmed=True
                ),
                deal(8, "甲"),
            ],
            (RE14,),
            {},
        ),
        # RE12-7.4: one member's own split is 70/30; the members' owners split equally
        "household_with_a_split_member": (
            [
                *seen(0, "乙"),
                SwitchRequest(at=at(0, 11), customer=C, from_="乙", to="甲", permitted=True),
                *seen(1, "丙", W),
                HouseholdLink(at=at(2), customer=C, other=W),
                deal(5, "乙"),
            ],
            (RE12, RE14),
            {},
        ),
        # no deal: one member visited without a registration, the other is held
        "household_one_member_held": (
            [visit(0, "甲"), *seen(1, "乙", W), HouseholdLink(at=at(2), customer=C, other=W)],
            (RE12, RE14),
            {},
        ),
        # no deal: the last event comes after the registration lapsed (RE12-7.1)
        "no_deal_lapsed_by_last_event": ([*seen(0, "甲"), visit(45, "甲")], (RE12, RE14), {}),
        # no deal: RE14-5.3(2) switch, and both claims lapse by as_of
        "no_deal_switch_lapsed": (
            [*seen(0, "甲"), SwitchRequest(at=at(1), customer=C, from_="甲", to="乙")],
            (RE14,),
            {"as_of": at(100)},
        ),
        # RE12-3.6: a returning customer asks for the salesperson after the other's claim lapsed
        "returning_after_lapse": (
            [
                *seen(0, "甲"),
                visit(45, "乙", previous=Previous.NAMES, asked_for=["乙"]),
                deal(46, "乙"),
            ],
            (RE12, RE14),
            {},
        ),
        # RE12-3.6 / RE14-5.3(1): the returning customer goes back to the salesperson they name
        "returning_to_owner": (
            [
                *seen(0, "甲"),
                visit(5, "甲", previous=Previous.NAMES, asked_for=["甲"]),
                deal(6, "甲"),
            ],
            (RE12, RE14),
            {},
        ),
        # RE12: several names, nobody holds the customer yet
        "re12_several_names_nobody": (
            [
                visit(0, "丙"),
                visit(1, "乙", previous=Previous.NAMES, asked_for=["甲", "乙"]),
                reg(1, "乙"),
                deal(2, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12: several names after the registration lapsed: the lapse is told once
        "re12_several_names_lapsed": (
            [
                *seen(0, "甲"),
                visit(40, "乙", previous=Previous.NAMES, asked_for=["甲", "乙"]),
                deal(45, "乙"),
            ],
            (RE12,),
            {},
        ),
        # recognition of someone other than the forgotten salesperson
        "recognised_someone_else": (
            [*FORGOT, Recognition(at=at(10, 12), customer=C, original="丁"), deal(12, "乙")],
            (RE12, RE14),
            {},
        ),
        # a recognition when nobody was forgotten
        "recognised_nobody_forgot": (
            [*seen(0, "甲"), Recognition(at=at(3), customer=C, original="甲"), deal(4, "甲")],
            (RE12,),
            {},
        ),
        # RE12-3.7(j): recognised only after the window
        "forgot_recognised_late": (
            [*FORGOT, Recognition(at=at(45), customer=C, original="甲"), deal(50, "乙")],
            (RE12,),
            {},
        ),
        # RE14-5.3(7): found in the records after the original's claim lapsed
        "forgot_records_lapsed": (
            [
                *seen(0, "甲"),
                *seen(70, "乙", previous=Previous.FORGOT),
                Recognition(at=at(72), customer=C, original="甲", by_records=True),
                deal(75, "乙"),
            ],
            (RE14,),
            {},
        ),
        # RE14-5.3(7): not found in the records
        "forgot_records_not_found": ([*FORGOT, deal(20, "乙")], (RE14,), {}),
        # RE14-5.3(3): named but absent, the assistant's share
        "assisted": (
            [*seen(0, "甲"), visit(5, "乙", courtesy_for="甲", asked_for=["甲"]), deal(5, "乙")],
            (RE14, RE12),
            {},
        ),
        # RE11: a valid referral (confirmed at the visit), and its failures
        "referral_confirmed": (
            [_ref(), *seen(0, "乙"), _conf(), deal(3, "乙")],
            (RE12, RE11, RE14),
            {},
        ),
        "referral_not_confirmed": ([_ref(), *seen(0, "乙"), deal(3, "乙")], (RE12,), {}),
        "referral_missed_appointment": (
            [_ref(appointment_day=1), *seen(0, "乙"), _conf(), deal(3, "乙")],
            (RE12,),
            {},
        ),
        "referral_after_visit": (
            [visit(0, "乙"), _ref(day=0.2), _conf(), reg(0.5, "乙"), deal(3, "乙")],
            (RE12,),
            {},
        ),
        "referral_after_registration": (
            [*seen(-3, "甲"), _ref(), visit(0, "乙"), _conf(), deal(3, "乙")],
            (RE12,),
            {},
        ),
        "referral_not_private": (
            [_ref(private=False), *seen(0, "乙"), _conf(), deal(3, "乙")],
            (RE12,),
            {},
        ),
        "referral_company_arranged": (
            [_ref(), _company(arranged_deal=True, after_sales="other_staff"), deal(0, "行政")],
            (RE12,),
            {},
        ),
        "referral_and_company": (
            [_company(), _ref(day=-0.5), *seen(0, "乙"), _conf(), deal(3, "乙")],
            (RE12,),
            {},
        ),
        # RE12-7.7: a ruling without the director's approval does not count; RE14 needs none
        "ruling_unapproved": (
            [
                *seen(0, "甲"),
                *seen(0, "乙"),
                Ruling(
                    at=at(2),
                    customer=C,
                    by="项目经理",
                    shares={"salesperson:乙": 1},
                    text="乙先接待",
                ),
                deal(3, "乙"),
            ],
            (RE12, RE14),
            {},
        ),
        "ruling_tied_no_owner": (
            [
                *seen(0, "甲"),
                *seen(1, "乙"),
                Ruling(
                    at=at(2),
                    customer=C,
                    by="项目经理",
                    approved_by="销售总监",
                    shares={"salesperson:甲": Fraction(1, 2), "salesperson:乙": Fraction(1, 2)},
                ),
                deal(3, "乙"),
            ],
            (RE12,),
            {},
        ),
        # a household whose deal is the spouse's: the spouse's ledger leads the case
        "household_deal_by_the_spouse": (
            [
                *seen(0, "甲"),
                *seen(1, "乙", W),
                HouseholdLink(at=at(2), customer=C, other=W),
                deal(5, "乙", W),
            ],
            (RE12, RE14),
            {},
        ),
        # a visit after the deal changes nothing (RE12-7.6)
        "visit_after_the_deal": (
            [*seen(0, "甲"), deal(3, "甲"), visit(9, "乙")],
            (RE12, RE14),
            {},
        ),
        # RE12-5.2: the manager let another take over, no deal yet: the new one follows up
        "switch_permitted_no_deal": (
            [
                *seen(0, "甲"),
                SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
            ],
            (RE12,),
            {},
        ),
        # RE14-2.5: a courtesy for a salesperson who never held the customer, deal that day
        "courtesy_same_day_nobody_held": (
            [visit(0, "乙", courtesy_for="甲"), deal(0, "乙")],
            (RE14,),
            {},
        ),
        # RE14-2.5: a courtesy reception with no deal that day
        "courtesy_no_deal_that_day": (
            [*seen(0, "甲"), visit(5, "乙", courtesy_for="甲"), deal(7, "甲")],
            (RE14,),
            {},
        ),
        # RE12-4: a courtesy for a salesperson who does not hold the customer
        "courtesy_for_another": (
            [*seen(0, "甲"), visit(5, "乙", courtesy_for="丙"), deal(6, "甲")],
            (RE12, RE14),
            {},
        ),
        # RE12-3.10: the salesperson who lost every right registers again
        "refusal_loser_registers_again": (
            [
                *seen(0, "甲"),
                _refusal(Fault.SERIOUS, granted_to="丙"),
                reg(1, "甲"),
                deal(5, "丙"),
            ],
            (RE12,),
            {},
        ),
        # RE14-5.3(8): named on a later visit; the earlier visit's salesperson (丙) holds no
        # registration, and 甲, who registered the customer that evening and holds them,
        # is the earlier salesperson though no visit of theirs is on the record
        "re14_named_holder_without_visit": (
            [
                visit(0, "丙"),
                reg(0.5, "甲"),
                visit(3, "乙", previous=Previous.NAMES, asked_for=["乙"]),
                deal(3, "乙"),
            ],
            (RE14,),
            {},
        ),
        # RE12-3.7(h): the new salesperson closes on the spot, before any recognition
        "forgot_deal_on_the_spot": ([*FORGOT, deal(10, "乙")], (RE12, RE14), {}),
        # RE12-7.5(a) / (b): the old customer phoned ahead, or came along
        "old_customer_phoned_ahead": (
            [_introduced("phoned_ahead"), *seen(0, "乙"), deal(3, "乙")],
            (RE12,),
            {},
        ),
        "old_customer_escorted": (
            [_introduced("escorted"), *seen(0, "乙"), deal(3, "乙")],
            (RE12,),
            {},
        ),
        # RE12-6.1: introduced at the very instant of the first visit: still before it
        "company_same_instant_as_the_visit": (
            [CompanyIntroduction(at=at(0), customer=C, by="刘总"), *seen(0, "乙"), deal(2, "乙")],
            (RE12,),
            {},
        ),
        # RE11: two valid referrals name two referrers: the clauses name one
        "two_valid_referrals": (
            [
                _ref(),
                ReferralRegistration(
                    at=at(-1), customer=C, referrer="小钱", appointment=at(0).date()
                ),
                *seen(0, "乙"),
                _conf(),
                ReferralConfirmation(
                    at=at(0, 11), customer=C, referrer="小钱", confirmed_by="经理"
                ),
                deal(3, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-5.1: named on entering, no registration form: the naming is the claim
        "named_on_entry_without_a_form": (
            [visit(0, "甲", named_on_entry=True), deal(20, "乙")],
            (RE12, RE14),
            {},
        ),
        # RE12-3.7(i): recognised on the window's last day (one month, CAL-5)
        "forgot_recognised_on_the_last_day": (
            [*FORGOT, Recognition(at=at(41), customer=C, original="甲"), deal(41, "乙")],
            (RE12,),
            {},
        ),
        # RE14-5.3(13): received at an exhibition, no deal yet: the manager decides
        "exhibition_no_deal": ([visit(0, "甲", exhibition=True), reg(0, "甲")], (RE14,), {}),
        # RE12-5.2: the incited switch keeps the customer the first salesperson's, even
        # against a later registration
        "switch_incited_then_registered": (
            [
                *seen(0, "甲"),
                SwitchRequest(
                    at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True, incited=True
                ),
                reg(2, "乙"),
                deal(3, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE14-5.3(7) after RE14-5.3(4): the original was removed before the records found them
        "forgot_records_after_a_complaint": (
            [
                *FORGOT,
                SalespersonComplaint(
                    at=at(11), customer=C, against="甲", reported_by="乙", confirmed=True
                ),
                Recognition(at=at(12), customer=C, original="甲", by_records=True),
                deal(20, "乙"),
            ],
            (RE14,),
            {},
        ),
        # RE12-3.7: "the same day" is China's day, whatever zone the records use
        "forgot_recognised_after_midnight_in_utc_records": (
            [
                *FORGOT,
                Recognition(at=at(10, 25).astimezone(dt.timezone.utc), customer=C, original="甲"),
                deal(12, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-6.3 with RE12-5.2: the pool's part off the top, the rest split 70/30
        "company_brought_with_a_switch": (
            [
                _company(),
                *seen(0, "甲"),
                SwitchRequest(at=at(0, 11), customer=C, from_="甲", to="乙", permitted=True),
                deal(4, "乙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-6.4: the company arranged the deal, a salesperson handles after-sales
        "company_arranged_salesperson_after_sales": (
            [
                _company(arranged_deal=True, after_sales="salesperson", after_sales_by="丙"),
                deal(0, "丙"),
            ],
            (RE12,),
            {},
        ),
        # RE12-7.2 within a tie: an unconfirmed registration at the same instant does not count
        "tie_with_an_unconfirmed_registration": (
            [visit(0, "甲"), reg(0, "甲"), reg(0, "乙", confirmed=False), deal(3, "甲")],
            (RE12, RE14),
            {},
        ),
    }
)

EXPECTED: dict[tuple[str, str], tuple[list[str], list[str], str | None, str | None]] = {
    ("re14_several_names_present", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            (
                "RE14-5.3(5): the customer named 丙, 乙, 甲 without choosing; 乙, the first of "
                "them present, receives the customer"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.3(5): 客户点名丙、乙、甲而未选定；在场的第一位乙接待客户",
        ],
        None,
        None,
    ),
    ("re14_several_names_absent", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(5): the customer named 甲, 乙 but none was present; the rotation "
                "received: the clauses do not say whose deal"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(5): 客户点名甲、乙但均不在场；按轮序接待：条款未规定成交归谁",
        ],
        (
            "RE14-5.3(5): the customer named 甲, 乙 but none was present; the rotation "
            "received: the clauses do not say whose deal"
        ),
        "RE14-5.3(5): 客户点名甲、乙但均不在场；按轮序接待：条款未规定成交归谁",
    ),
    ("re12_several_names_owner", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-7.3: the customer named several salespeople; the registered "
                "salesperson (甲) keeps the customer"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: 客户点名多位置业顾问；已登记的置业顾问（甲）保留客户",
        ],
        None,
        None,
    ),
    ("forgot_same_day", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            "RE12-3.7(g): 甲 was recognised the same day: 甲 takes over",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(g): 当天认出甲：由甲接手",
        ],
        None,
        None,
    ),
    ("forgot_same_day", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            (
                "RE14-5.3(1): during the reception 乙 learnt that 甲 had received the customer "
                "before and is present: the customer goes back to 甲; the deal is 甲's"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(1): 接待中乙得知甲此前接待过该客户且在场：客户交回甲；成交归甲",
        ],
        None,
        None,
    ),
    ("forgot_within_month", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            (
                "RE12-3.7(i): no deal on the spot; 甲 recognised within 1 month(s) "
                "(2026-03-27 10:00): 乙 follows up, the commission is split"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(i): 当场未成交；1 个月内认出甲（2026-03-27 10:00）：由乙跟进，佣金分成",
        ],
        None,
        None,
    ),
    ("forgot_not_recognised", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            (
                "RE12-3.7(j): no deal on the spot and 甲 not recognised before the deal (within "
                "1 month(s)): all to 乙"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(j): 当场未成交，且甲未在成交前（1 个月内）被认出：全部归乙",
        ],
        None,
        None,
    ),
    ("forgot_records", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            (
                "RE14-5.3(7): 乙 found 甲 in the records while 甲's registration was valid: the "
                "bonus is split"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(7): 乙在记录中查到甲，且甲的登记仍有效：奖金分成",
        ],
        None,
        None,
    ),
    ("no_deal_lapsed", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.1: 甲's registration has lapsed: nobody holds the customer",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.1: 甲的登记已失效：客户无人持有",
        ],
        None,
        None,
    ),
    ("household_tie_no_deal", "RE12"): (
        [
            "RE12-7.3: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.3: [王太太] 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-7.3: household members first seen at one instant",
        ],
        [
            "RE12-7.3: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: [王太太] 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: 家庭成员在同一时刻首次到访",
        ],
        "RE12-7.3: household members first seen at the same instant",
        "RE12-7.3: 家庭成员在同一时刻首次到访",
    ),
    ("household_tie_no_deal", "RE11"): (
        [
            "RE11-4: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
            "RE11-4: [王太太] 乙 registered the customer first (2026-03-02 10:00)",
            "RE11: one household held by 甲 and 乙",
        ],
        [
            "RE11-4: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
            "RE11-4: [王太太] 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11: 同一家庭由甲和乙持有",
        ],
        "RE11: RE11 has no household clause",
        "RE11: RE11没有家庭条款",
    ),
    ("re14_named_on_nth_visit", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(8): on visit 3 the customer named 乙; earlier salesperson(s): 甲",
            "RE14-5.3(8): the bonus: 乙 and the earlier salesperson(s)",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(8): 第 3 次到访，客户点名乙；此前的置业顾问：甲",
            "RE14-5.3(8): 奖金：乙与此前的置业顾问",
        ],
        None,
        None,
    ),
    ("re14_named_on_nth_visit", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-5.3: the customer named 乙, but is 甲's: naming another is refused in "
                "principle"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.3: 客户点名乙，但属于甲的客户：原则上不同意点名他人",
        ],
        None,
        None,
    ),
    ("dispute_quarrel", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            "RE14-5.4: 甲 and 乙 quarrelled: the performance and bonus go to the department",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.4: 甲和乙发生争吵：业绩与奖金归部门",
        ],
        None,
        None,
    ),
    ("dispute_quarrel", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.3: 乙 registered later than 甲: the earlier registration wins",
            "RE12-7.7: a dispute between 甲, 乙",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: 乙的登记晚于甲：以先登记者为准",
            "RE12-7.7: 甲、乙之间的争议",
        ],
        "RE12-7.7: a dispute needs a ruling",
        "RE12-7.7: 争议需要裁决",
    ),
    ("dispute_pending", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            "RE14-5.4: 甲 and 乙 dispute the customer",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.4: 甲和乙争议该客户",
        ],
        "RE14-5.4: a crossed customer the parties have not settled",
        "RE14-5.4: 撞单客户，当事人尚未协商解决",
    ),
    ("dispute_settled", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            "RE14-5.4: the crossed customer was settled between the parties",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.4: 撞单客户已由当事人协商解决",
        ],
        None,
        None,
    ),
    ("dispute_mediated", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            "RE14-5.4: the crossed customer was mediated by the department",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.4: 撞单客户已由部门调解",
        ],
        None,
        None,
    ),
    ("refusal_none", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.10: 甲 was not at fault: the request is refused",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 甲没有过错：请求不予同意",
        ],
        None,
        None,
    ),
    ("refusal_minor", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.10: 甲's minor fault: 甲 continues",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 甲有轻微过错：由甲继续跟进",
        ],
        None,
        None,
    ),
    ("refusal_serious", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: a serious fault: 丙 received the customer as new; 甲 lost every right "
                "(the turn counts as void)"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 严重过错：丙作为新客户接待；甲丧失一切权利（该轮次作废）",
        ],
        None,
        None,
    ),
    ("refusal_firm_nobody", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: 甲 lost the customer for the customer's firm refusal, but nobody took "
                "over (record granted_to)"
            ),
            "RE12-3.10: 丙 closed the deal (2026-03-07 15:00) and so took over from 甲",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 甲因客户坚决拒绝失去客户，但无人接替（请记录 granted_to）",
            "RE12-3.10: 丙成交（2026-03-07 15:00），因此接替甲",
        ],
        None,
        None,
    ),
    ("switch_permitted", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: the manager let 乙 take over from 甲",
        ],
        ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）", "RE12-5.2: 经理同意由乙接替甲"],
        None,
        None,
    ),
    ("switch_permitted", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(2): the customer did not want 甲 and asked for 乙; 甲's registration is "
                "valid"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(2): 客户不要甲而要求乙；甲的登记仍有效",
        ],
        None,
        None,
    ),
    ("switch_incited", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.3: 乙 received the returning customer as a courtesy: all to 甲",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.3: 乙代接待回访客户：全部归甲",
        ],
        None,
        None,
    ),
    ("company_brought", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.3: introduced or brought by the company, followed to the deal by the "
                "salesperson"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.3: 公司介绍或带来，由置业顾问跟进至成交",
        ],
        None,
        None,
    ),
    ("company_brought", "RE14"): (
        [
            "RE14-5.1: 乙 registered the customer first (2026-03-02 10:00)",
            "RE14-5.4: introduced by the company (刘总)",
        ],
        ["RE14-5.1: 乙最先登记了该客户（2026-03-02 10:00）", "RE14-5.4: 公司介绍（刘总）"],
        "RE14-5.4: RE14 has no clause for company customers",
        "RE14-5.4: RE14没有公司客户条款",
    ),
    ("company_named", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.2: 刘总 named 甲: a courtesy reception outside the rotation; the "
                "commission goes to the public pool"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.2: 刘总点名甲：轮序之外的代接待；佣金归公佣",
        ],
        None,
        None,
    ),
    ("company_after_contact", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-6.1: 乙 registered the customer before the company (刘总) introduced "
                "them: not a company customer"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-6.1: 乙在公司（刘总）介绍之前已登记该客户：不是公司客户",
        ],
        None,
        None,
    ),
    ("company_arranged_unknown", "RE12"): (
        [
            "RE12-7.1: 丙 closed the deal with no valid claim against it",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
        ],
        ["RE12-7.1: 丙成交，且无人拥有有效的归属", "RE12-6.1: 到访前由刘总介绍：公司客户"],
        (
            "RE12-6.4: the company arranged the deal, but who handles after-sales (a "
            "salesperson, RE12-6.4, or other staff, RE12-6.5) is not recorded"
        ),
        "RE12-6.4: 公司安排成交，但未记录由谁负责售后（置业顾问，RE12-6.4；或其他员工，RE12-6.5）",
    ),
    ("old_customer_none", "RE12"): (
        [
            (
                "RE12-7.5: (c) old customer 李老板 neither phoned nor came: a new customer of "
                "whoever receives (RE12-5.4)"
            ),
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
        ],
        [
            "RE12-7.5: (c) 老客户李老板既未来电也未陪同前来：作为新客户，归接待者（RE12-5.4）",
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
        ],
        None,
        None,
    ),
    ("old_customer_none", "RE14"): (
        [
            "RE14-5.3(10): introduced by old customer 李老板: 甲's customer",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
        ],
        ["RE14-5.3(10): 老客户李老板介绍：归甲的客户", "RE14-5.1: 乙的登记晚于甲：以先登记者为准"],
        None,
        None,
    ),
    ("old_customer_none", "RE11"): (
        [
            "RE11: introduced by old customer 李老板 to 甲: RE11 has no clause for this",
            "RE11-4: 乙 registered the customer first (2026-03-02 10:00)",
        ],
        [
            "RE11: 老客户李老板介绍给甲：RE11对此没有条款",
            "RE11-4: 乙最先登记了该客户（2026-03-02 10:00）",
        ],
        "RE11: introduced by old customer 李老板 to 甲: RE11 has no clause for this",
        "RE11: 老客户李老板介绍给甲：RE11对此没有条款",
    ),
    ("complaint_confirmed", "RE14"): (
        [
            "RE14-5.1: 乙 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(1): 甲 received 乙's returning customer: the customer stays 乙's",
            "RE14-5.3(4): the supervisor confirmed the complaint: 乙 has no part; 甲 receives",
        ],
        [
            "RE14-5.1: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(1): 甲接待了乙的回访客户：客户仍归乙",
            "RE14-5.3(4): 主管确认投诉属实：乙不参与分成；由甲接收",
        ],
        None,
        None,
    ),
    ("complaint_confirmed", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-3.6: 甲 received 乙's returning customer: the customer stays 乙's",
            "RE12-7.7: a complaint against 乙 (no clause removes a salesperson for it)",
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.6: 甲接待了乙的回访客户：客户仍归乙",
            "RE12-7.7: 对乙的投诉（没有条款因此取消置业顾问的份额）",
        ],
        None,
        None,
    ),
    ("complaint_unconfirmed", "RE14"): (
        [
            "RE14-5.1: 乙 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(1): 甲 received 乙's returning customer: the customer stays 乙's",
            "RE14-5.3(4): a complaint against 乙, not yet confirmed",
        ],
        [
            "RE14-5.1: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(1): 甲接待了乙的回访客户：客户仍归乙",
            "RE14-5.3(4): 对乙的投诉，尚未确认",
        ],
        None,
        None,
    ),
    ("returning_switch_refused", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-4: 乙 received the customer as a courtesy for 甲; the customer stays 甲's",
            "RE12-5.3: the returning customer asked for 乙: refused",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-4: 乙代甲接待客户；客户仍归甲",
            "RE12-5.3: 回访客户要求乙：不予同意",
        ],
        None,
        None,
    ),
    ("reallocation_leave", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(12): 甲 on leave: re-allocated to 戊 by random draw (抽签第3号)",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(12): 甲因休假：抽签重新分配给戊（抽签第3号）",
        ],
        None,
        None,
    ),
    ("reallocation_leave", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.7: 甲's customers re-allocated: no clause",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.7: 甲的客户被重新分配：没有相应条款",
        ],
        "RE12-7.7: 甲's customers re-allocated: no clause",
        "RE12-7.7: 甲的客户被重新分配：没有相应条款",
    ),
    ("switch_incited_first_day", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: 乙 incited the switch: all to 甲",
        ],
        ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）", "RE12-5.2: 乙唆使更换：全部归甲"],
        None,
        None,
    ),
    ("switch_not_permitted_first_day", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: the customer asked for 乙 mid-reception: refused in principle",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.2: 客户在接待中途要求乙：原则上不予同意",
        ],
        None,
        None,
    ),
    ("refusal_serious_loser_closes", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: 甲 lost the customer for a serious fault, but nobody took over "
                "(record granted_to)"
            ),
            "RE12-7.1: 甲 closed the deal with no valid claim against it",
            "RE12-3.10: 甲 lost every right, and nobody took over their part",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 甲因严重过错失去客户，但无人接替（请记录 granted_to）",
            "RE12-7.1: 甲成交，且无人拥有有效的归属",
            "RE12-3.10: 甲丧失一切权利，且无人接替其份额",
        ],
        (
            "RE12-3.10: 甲 lost the customer for a serious fault, but nobody took over (record "
            "granted_to); RE12-3.10: 甲 lost every right, and nobody took over their part"
        ),
        (
            "RE12-3.10: 甲因严重过错失去客户，但无人接替（请记录 granted_to）；"
            "RE12-3.10: 甲丧失一切权利，且无人接替其份额"
        ),
    ),
    ("refusal_crossed", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: a serious fault: 乙 received the customer as new; 甲 lost every "
                "right (the turn counts as void)"
            ),
            # (乙's record of 甲 taking over names one who lost every right: not read)
            "RE12-3.10: 甲 lost every right to this customer earlier",
            (
                "RE12-3.10: 乙 lost the customer for a serious fault, but nobody took over "
                "(record granted_to)"
            ),
            "RE12-7.1: 甲 closed the deal with no valid claim against it",
            "RE12-3.10: 甲 has no part: 甲's 1 goes to 乙",
            "RE12-3.10: 乙 lost every right, and nobody took over their part",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 严重过错：乙作为新客户接待；甲丧失一切权利（该轮次作废）",
            "RE12-3.10: 甲此前已丧失对该客户的一切权利",
            "RE12-3.10: 乙因严重过错失去客户，但无人接替（请记录 granted_to）",
            "RE12-7.1: 甲成交，且无人拥有有效的归属",
            "RE12-3.10: 甲不参与分成：甲的 1 归乙",
            "RE12-3.10: 乙丧失一切权利，且无人接替其份额",
        ],
        (
            "RE12-3.10: 乙 lost the customer for a serious fault, but nobody took over (record "
            "granted_to); RE12-3.10: 乙 lost every right, and nobody took over their part"
        ),
        (
            "RE12-3.10: 乙因严重过错失去客户，但无人接替（请记录 granted_to）；"
            "RE12-3.10: 乙丧失一切权利，且无人接替其份额"
        ),
    ),
    ("refusal_granted_keeps_claim", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: a serious fault: 丙 received the customer as new; 甲 lost every "
                "right (the turn counts as void)"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 严重过错：丙作为新客户接待；甲丧失一切权利（该轮次作废）",
        ],
        None,
        None,
    ),
    ("complaint_not_owner", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: 乙 registered later than 甲: the earlier registration wins",
            "RE14-5.3(4): 乙 has no part of the deal",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: 乙的登记晚于甲：以先登记者为准",
            "RE14-5.3(4): 乙不参与该成交的分成",
        ],
        None,
        None,
    ),
    ("household_with_a_split_member", "RE12"): (
        [
            "RE12-7.3: [王先生] 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: [王先生] the manager let 甲 take over from 乙",
            "RE12-7.3: [王太太] 丙 registered the customer first (2026-03-03 10:00)",
            (
                "RE12-7.4: one household received separately by 丙, 乙 and 甲: they serve it "
                "jointly, each member's claim an equal part"
            ),
        ],
        [
            "RE12-7.3: [王先生] 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.2: [王先生] 经理同意由甲接替乙",
            "RE12-7.3: [王太太] 丙最先登记了该客户（2026-03-03 10:00）",
            "RE12-7.4: 同一家庭分别由丙、乙和甲接待：共同服务，每位成员的归属各占同等份额",
        ],
        None,
        None,
    ),
    ("household_with_a_split_member", "RE14"): (
        [
            "RE14-5.1: [王先生] 乙 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(2): [王先生] the customer did not want 乙 and asked for 甲; 乙's "
                "registration is valid"
            ),
            "RE14-5.1: [王太太] 丙 registered the customer first (2026-03-03 10:00)",
            "RE14-5.3(11): one household: 王先生 visited first, so the first salesperson wins",
        ],
        [
            "RE14-5.1: [王先生] 乙最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(2): [王先生] 客户不要乙而要求甲；乙的登记仍有效",
            "RE14-5.1: [王太太] 丙最先登记了该客户（2026-03-03 10:00）",
            "RE14-5.3(11): 同一家庭：王先生最先到访，因此归最先接待的置业顾问",
        ],
        None,
        None,
    ),
    ("household_one_member_held", "RE12"): (
        [
            "RE12-7.1: [王先生] the record holds visits but no registration: a visit alone "
            "gives no claim",
            "RE12-7.3: [王太太] 乙 registered the customer first (2026-03-03 10:00)",
        ],
        [
            "RE12-7.1: [王先生] 记录中有来访而无登记：仅有来访不构成任何权益",
            "RE12-7.3: [王太太] 乙最先登记了该客户（2026-03-03 10:00）",
        ],
        None,
        None,
    ),
    ("household_one_member_held", "RE14"): (
        [
            "RE14-5.2: [王先生] the record holds visits but no registration: a visit alone "
            "gives no claim",
            "RE14-5.1: [王太太] 乙 registered the customer first (2026-03-03 10:00)",
        ],
        [
            "RE14-5.2: [王先生] 记录中有来访而无登记：仅有来访不构成任何权益",
            "RE14-5.1: [王太太] 乙最先登记了该客户（2026-03-03 10:00）",
        ],
        None,
        None,
    ),
    ("no_deal_lapsed_by_last_event", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.1: 甲's registration has lapsed: nobody holds the customer",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.1: 甲的登记已失效：客户无人持有",
        ],
        None,
        None,
    ),
    ("no_deal_lapsed_by_last_event", "RE14"): (
        ["RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)"],
        ["RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）"],
        None,
        None,
    ),
    ("no_deal_switch_lapsed", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(2): the customer did not want 甲 and asked for 乙; "
                "甲's registration is valid"
            ),
            "RE14-5.2: 乙's registration has lapsed: nobody holds the customer",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(2): 客户不要甲而要求乙；甲的登记仍有效",
            "RE14-5.2: 乙的登记已失效：客户无人持有",
        ],
        None,
        None,
    ),
    ("returning_after_lapse", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.1: 甲's registration had lapsed",
            "RE12-3.6: the customer asked for 乙",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.1: 甲的登记已失效",
            "RE12-3.6: 客户要求乙",
        ],
        None,
        None,
    ),
    ("returning_after_lapse", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(8): on visit 2 the customer named 乙; earlier salesperson(s): 甲",
            "RE14-5.3(8): the bonus: 乙 and the earlier salesperson(s)",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(8): 第 2 次到访，客户点名乙；此前的置业顾问：甲",
            "RE14-5.3(8): 奖金：乙与此前的置业顾问",
        ],
        None,
        None,
    ),
    ("returning_to_owner", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.6: the returning customer went back to 甲",
        ],
        ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）", "RE12-3.6: 回访客户回到甲"],
        None,
        None,
    ),
    ("returning_to_owner", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.3(1): the returning customer went back to 甲",
        ],
        ["RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）", "RE14-5.3(1): 回访客户回到甲"],
        None,
        None,
    ),
    ("re12_several_names_nobody", "RE12"): (
        [
            (
                "RE12-7.3: the customer named 甲, 乙, but nobody holds the customer yet: the "
                "registrations decide"
            ),
            "RE12-7.3: 乙 registered the customer first (2026-03-03 10:00)",
        ],
        [
            "RE12-7.3: 客户点名甲、乙，但客户尚无人持有：以登记为准",
            "RE12-7.3: 乙最先登记了该客户（2026-03-03 10:00）",
        ],
        None,
        None,
    ),
    ("re12_several_names_lapsed", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.1: 甲's registration had lapsed",
            (
                "RE12-7.3: the customer named 甲, 乙, but nobody holds the customer yet: the "
                "registrations decide"
            ),
            "RE12-7.1: 乙 closed the deal with no valid claim against it",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.1: 甲的登记已失效",
            "RE12-7.3: 客户点名甲、乙，但客户尚无人持有：以登记为准",
            "RE12-7.1: 乙成交，且无人拥有有效的归属",
        ],
        None,
        None,
    ),
    ("recognised_someone_else", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            "RE12-3.6: 丁 was recognised, not 甲",
            (
                "RE12-3.7(j): no deal on the spot and 甲 not recognised before the deal (within "
                "1 month(s)): all to 乙"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.6: 认出的是丁，不是甲",
            "RE12-3.7(j): 当场未成交，且甲未在成交前（1 个月内）被认出：全部归乙",
        ],
        None,
        None,
    ),
    ("recognised_someone_else", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            "RE14-5.3(1): 丁 was recognised, not 甲",
            "RE14-5.3(7): 甲 was not found in the records: the deal is 乙's",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(1): 认出的是丁，不是甲",
            "RE14-5.3(7): 记录中未查到甲：成交归乙",
        ],
        None,
        None,
    ),
    ("recognised_nobody_forgot", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.6: 甲 was recognised (2026-03-05 10:00)",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.6: 认出了甲（2026-03-05 10:00）",
        ],
        None,
        None,
    ),
    ("forgot_recognised_late", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            "RE12-3.7(j): 甲 was recognised only after 1 month(s): everything to 乙",
            "RE12-7.1: 乙's registration had lapsed",
            "RE12-7.1: 乙 closed the deal with no valid claim against it",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(j): 1 个月后才认出甲：全部归乙",
            "RE12-7.1: 乙的登记已失效",
            "RE12-7.1: 乙成交，且无人拥有有效的归属",
        ],
        None,
        None,
    ),
    ("forgot_records_lapsed", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.2: 甲's registration had lapsed (2 month(s)): no claim",
            "RE14-5.1: 乙 registered the customer (2026-05-11 10:00)",
            (
                "RE14-5.2: 甲 was recognised (2026-05-13 10:00), but 甲's registration had "
                "lapsed: the recognition gives 甲 no claim"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.2: 甲的登记已失效（2 个月）：无归属",
            "RE14-5.1: 乙登记了该客户（2026-05-11 10:00）",
            "RE14-5.2: 甲被认出（2026-05-13 10:00），但甲的登记已失效：认出不给甲带来任何权益",
        ],
        None,
        None,
    ),
    ("forgot_records_not_found", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            "RE14-5.3(7): 甲 was not found in the records: the deal is 乙's",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(7): 记录中未查到甲：成交归乙",
        ],
        None,
        None,
    ),
    ("assisted", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(3): the customer named 甲, who was absent; "
                "乙 assisted (not a rotation turn)"
            ),
            "RE14-5.3(3): the deal is 甲's; 乙 assisted",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(3): 客户点名的甲不在场；由乙协助接待（不计轮序）",
            "RE14-5.3(3): 成交归甲；乙协助",
        ],
        None,
        None,
    ),
    ("assisted", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-4: 乙 received the customer as a courtesy for 甲; the customer stays 甲's",
        ],
        ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）", "RE12-4: 乙代甲接待客户；客户仍归甲"],
        None,
        None,
    ),
    ("referral_confirmed", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE11-4: 经理 confirmed 小赵's referral at the visit",
            "RE11-5: the customer was handed to 乙 in rotation",
            "RE11-6: on the deal: 3/10 to 小赵, the rest to the salesperson",
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-4: 经理在到访时确认了小赵的推荐",
            "RE11-5: 客户按轮序交给乙",
            "RE11-6: 成交时：3/10归小赵，其余归置业顾问",
        ],
        None,
        None,
    ),
    ("referral_confirmed", "RE11"): (
        [
            "RE11-4: 乙 registered the customer first (2026-03-02 10:00)",
            "RE11-4: 经理 confirmed 小赵's referral at the visit",
            "RE11-5: the customer was handed to 乙 in rotation",
            "RE11-6: on the deal: 3/10 to 小赵, the rest to the salesperson",
        ],
        [
            "RE11-4: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-4: 经理在到访时确认了小赵的推荐",
            "RE11-5: 客户按轮序交给乙",
            "RE11-6: 成交时：3/10归小赵，其余归置业顾问",
        ],
        None,
        None,
    ),
    ("referral_confirmed", "RE14"): (
        [
            "RE14-5.1: 乙 registered the customer first (2026-03-02 10:00)",
            "RE14-5.4: an employee referral",
        ],
        ["RE14-5.1: 乙最先登记了该客户（2026-03-02 10:00）", "RE14-5.4: 员工推荐"],
        "RE14-5.4: RE14 has no referral clause",
        "RE14-5.4: RE14没有推荐条款",
    ),
    ("referral_not_confirmed", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            (
                "RE11-4: 小赵 did not confirm at the visit (in person or by phone): received as "
                "a new customer, the referral is void"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-4: 小赵未在到访时确认（当面或电话）：作为新客户接待，推荐无效",
        ],
        None,
        None,
    ),
    ("referral_missed_appointment", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            (
                "RE11-3: the customer did not come on the appointment date (2026-03-03): 小赵's "
                "registration lapsed"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-3: 客户未在预约日期（2026-03-03）到访：小赵的登记失效",
        ],
        None,
        None,
    ),
    ("referral_after_visit", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 22:00)",
            "RE11-2: 小赵 registered the referral after the customer's first visit: no referral",
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 22:00）",
            "RE11-2: 小赵在客户首次到访后才登记推荐：不算推荐",
        ],
        None,
        None,
    ),
    ("referral_after_registration", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-02-27 10:00)",
            "RE11-4: 甲 registered the customer before 小赵's referral: the claim fails",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-02-27 10:00）",
            "RE11-4: 甲在小赵推荐之前已登记该客户：推荐不成立",
        ],
        None,
        None,
    ),
    ("referral_not_private", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            (
                "RE11-1: 小赵 referred a customer met through work, "
                "not a private contact: no referral"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-1: 小赵推荐的是工作中结识的客户，并非私人关系：不算推荐",
        ],
        None,
        None,
    ),
    ("referral_company_arranged", "RE12"): (
        [
            "RE12-7.1: 行政 closed the deal with no valid claim against it",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.5: the company arranged the deal; other staff handle after-sales: all "
                "to the public pool"
            ),
        ],
        [
            "RE12-7.1: 行政成交，且无人拥有有效的归属",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.5: 公司安排成交；由其他员工负责售后：全部归公佣",
        ],
        "RE12-7.7: a referral with no visit yet",
        "RE12-7.7: 有推荐但客户尚未到访",
    ),
    ("referral_and_company", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.3: introduced or brought by the company, followed to the deal by the "
                "salesperson"
            ),
            "RE11-4: 经理 confirmed 小赵's referral at the visit",
            "RE11-5: the customer was handed to 乙 in rotation",
            "RE11-6: on the deal: 3/10 to 小赵, the rest to the salesperson",
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.3: 公司介绍或带来，由置业顾问跟进至成交",
            "RE11-4: 经理在到访时确认了小赵的推荐",
            "RE11-5: 客户按轮序交给乙",
            "RE11-6: 成交时：3/10归小赵，其余归置业顾问",
        ],
        "RE12-7.7: a company customer and an employee referral meet",
        "RE12-7.7: 公司客户与员工推荐同时存在",
    ),
    ("ruling_unapproved", "RE12"): (
        [
            (
                "RE12-7.3: 2 visit records at the same instant (2026-03-02 10:00) say "
                "different things: the records cannot order them"
            ),
            (
                "RE12-7.3: 乙 and 甲 registered the customer at the same instant (2026-03-02 "
                "10:00): the earlier registration cannot be told"
            ),
            (
                "RE12-7.3: 乙 closed the deal while 乙 and 甲 had registered the customer "
                "at the same instant: the ruling decides"
            ),
            (
                "RE12-7.7: 项目经理's ruling (2026-03-04 10:00) lacks the sales director's "
                "approval: it does not count yet"
            ),
        ],
        [
            "RE12-7.3: 2 条到访记录在同一时刻（2026-03-02 10:00）内容不一致：无法排定先后",
            "RE12-7.3: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
            "RE12-7.3: 乙成交时，乙和甲在同一时刻登记了该客户：由裁决决定",
            "RE12-7.7: 项目经理的裁决（2026-03-04 10:00）未经销售总监批准：暂不生效",
        ],
        (
            "RE12-7.3: 2 visit records at the same instant (2026-03-02 10:00) say different "
            "things: the records cannot order them; RE12-7.3: 乙 and 甲 registered the customer "
            "at the same instant (2026-03-02 10:00): the earlier registration cannot be told"
        ),
        (
            "RE12-7.3: 2 条到访记录在同一时刻（2026-03-02 10:00）内容不一致：无法排定先后；"
            "RE12-7.3: "
            "乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后"
        ),
    ),
    ("ruling_unapproved", "RE14"): (
        [
            (
                "RE14-5.1: 2 visit records at the same instant (2026-03-02 10:00) say "
                "different things: the records cannot order them"
            ),
            (
                "RE14-5.1: 乙 and 甲 registered the customer at the same instant (2026-03-02 "
                "10:00): the earlier registration cannot be told"
            ),
            # given before the deal, the ruling answers the tie then (and the deal is
            # closed on it)
            "RE14-5.4: ruling by 项目经理 (2026-03-04 10:00): 乙先接待",
        ],
        [
            "RE14-5.1: 2 条到访记录在同一时刻（2026-03-02 10:00）内容不一致：无法排定先后",
            "RE14-5.1: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
            "RE14-5.4: 项目经理的裁决（2026-03-04 10:00）：乙先接待",
        ],
        None,
        None,
    ),
    ("ruling_tied_no_owner", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.3: 乙 registered later than 甲: the earlier registration wins",
            "RE12-7.7: ruling by 项目经理, approved by 销售总监 (2026-03-04 10:00)",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: 乙的登记晚于甲：以先登记者为准",
            "RE12-7.7: 项目经理的裁决，销售总监批准（2026-03-04 10:00）",
        ],
        None,
        None,
    ),
    ("household_deal_by_the_spouse", "RE12"): (
        [
            "RE12-7.3: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-7.3: [王太太] 乙 registered the customer first (2026-03-03 10:00)",
            (
                "RE12-7.4: one household received separately by 乙 and 甲: they serve it jointly "
                "and split equally"
            ),
        ],
        [
            "RE12-7.3: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.3: [王太太] 乙最先登记了该客户（2026-03-03 10:00）",
            "RE12-7.4: 同一家庭分别由乙和甲接待：共同服务，平均分成",
        ],
        None,
        None,
    ),
    ("household_deal_by_the_spouse", "RE14"): (
        [
            "RE14-5.1: [王先生] 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-5.1: [王太太] 乙 registered the customer first (2026-03-03 10:00)",
            "RE14-5.3(11): one household: 王先生 visited first, so the first salesperson wins",
        ],
        [
            "RE14-5.1: [王先生] 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.1: [王太太] 乙最先登记了该客户（2026-03-03 10:00）",
            "RE14-5.3(11): 同一家庭：王先生最先到访，因此归最先接待的置业顾问",
        ],
        None,
        None,
    ),
    ("visit_after_the_deal", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-7.6: visit on 2026-03-11 10:00, after the deal: the salesperson and the "
                "commission stay"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-7.6: 成交后到访（2026-03-11 10:00）：置业顾问与佣金不变",
        ],
        None,
        None,
    ),
    ("visit_after_the_deal", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.2: visit on 2026-03-11 10:00, after the deal: the salesperson and the "
                "commission stay"
            ),
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.2: 成交后到访（2026-03-11 10:00）：置业顾问与佣金不变",
        ],
        None,
        None,
    ),
    ("switch_permitted_no_deal", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: the manager let 乙 take over from 甲",
        ],
        ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）", "RE12-5.2: 经理同意由乙接替甲"],
        None,
        None,
    ),
    ("courtesy_same_day_nobody_held", "RE14"): (
        [
            "RE14-2.5: 乙, in turn, received 甲's new customer",
            "RE14-2.5: the deal closed the same day: 乙 and 甲 split the bonus",
        ],
        ["RE14-2.5: 乙按轮序接待了甲的新客户", "RE14-2.5: 当天成交：乙与甲分享奖金"],
        None,
        None,
    ),
    ("courtesy_no_deal_that_day", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-2.5: 乙, in turn, received 甲's returning customer",
            "RE14-2.5: no deal that day: 乙's reception was a courtesy",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-2.5: 乙按轮序接待了甲的回访客户",
            "RE14-2.5: 当天未成交：乙的接待属于代接待",
        ],
        None,
        None,
    ),
    ("courtesy_for_another", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-4: 乙 received the customer for 丙, but the customer is 甲's",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-4: 乙为丙接待客户，但客户属于甲",
        ],
        None,
        None,
    ),
    ("courtesy_for_another", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            "RE14-2.5: 乙 received the customer for 丙, but the customer is 甲's",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-2.5: 乙为丙接待客户，但客户属于甲",
        ],
        None,
        None,
    ),
    ("refusal_loser_registers_again", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE12-3.10: a serious fault: 丙 received the customer as new; 甲 lost every right "
                "(the turn counts as void)"
            ),
            "RE12-3.10: 甲 lost every right to this customer earlier",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.10: 严重过错：丙作为新客户接待；甲丧失一切权利（该轮次作废）",
            "RE12-3.10: 甲此前已丧失对该客户的一切权利",
        ],
        None,
        None,
    ),
    ("re14_named_holder_without_visit", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 22:00)",
            "RE14-5.3(8): on visit 2 the customer named 乙; earlier salesperson(s): 甲",
            "RE14-5.3(8): the bonus: 乙 and the earlier salesperson(s)",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 22:00）",
            "RE14-5.3(8): 第 2 次到访，客户点名乙；此前的置业顾问：甲",
            "RE14-5.3(8): 奖金：乙与此前的置业顾问",
        ],
        None,
        None,
    ),
    ("forgot_deal_on_the_spot", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            (
                "RE12-3.7(h): 乙 closed the deal on the spot before 甲 was recognised: customer "
                "and commission to 乙"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(h): 乙在认出甲之前当场成交：客户与佣金归乙",
        ],
        None,
        None,
    ),
    ("forgot_deal_on_the_spot", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            "RE14-5.3(7): 甲 was not found in the records: the deal is 乙's",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(7): 记录中未查到甲：成交归乙",
        ],
        None,
        None,
    ),
    ("old_customer_phoned_ahead", "RE12"): (
        [
            (
                "RE12-7.5: (a) old customer 李老板 phoned ahead for 甲: 甲's customer, even if "
                "received as a courtesy"
            ),
            "RE12-7.3: 乙 registered later than 甲: the earlier registration wins",
        ],
        [
            "RE12-7.5: (a) 老客户李老板事先来电预约甲：归甲的客户，即使是代接待",
            "RE12-7.3: 乙的登记晚于甲：以先登记者为准",
        ],
        None,
        None,
    ),
    ("old_customer_escorted", "RE12"): (
        [
            (
                "RE12-7.5: (b) old customer 李老板 came along asking for 甲: 甲's customer, even "
                "if received as a courtesy"
            ),
            "RE12-7.3: 乙 registered later than 甲: the earlier registration wins",
        ],
        [
            "RE12-7.5: (b) 老客户李老板陪同前来并指名甲：归甲的客户，即使是代接待",
            "RE12-7.3: 乙的登记晚于甲：以先登记者为准",
        ],
        None,
        None,
    ),
    ("company_same_instant_as_the_visit", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.3: introduced or brought by the company, followed to the deal by the "
                "salesperson"
            ),
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.3: 公司介绍或带来，由置业顾问跟进至成交",
        ],
        None,
        None,
    ),
    ("two_valid_referrals", "RE12"): (
        [
            "RE12-7.3: 乙 registered the customer first (2026-03-02 10:00)",
            "RE11-4: 经理 confirmed 小赵's referral at the visit",
            "RE11-5: the customer was handed to 乙 in rotation",
            "RE11-6: on the deal: 3/10 to 小赵, the rest to the salesperson",
            "RE11-4: 经理 confirmed 小钱's referral at the visit",
            "RE11-5: the customer was handed to 乙 in rotation",
            "RE11-6: on the deal: 3/10 to 小钱, the rest to the salesperson",
        ],
        [
            "RE12-7.3: 乙最先登记了该客户（2026-03-02 10:00）",
            "RE11-4: 经理在到访时确认了小赵的推荐",
            "RE11-5: 客户按轮序交给乙",
            "RE11-6: 成交时：3/10归小赵，其余归置业顾问",
            "RE11-4: 经理在到访时确认了小钱的推荐",
            "RE11-5: 客户按轮序交给乙",
            "RE11-6: 成交时：3/10归小钱，其余归置业顾问",
        ],
        "RE12-7.7: valid referrals by 小赵 and 小钱: the clauses name one referrer",
        "RE12-7.7: 小赵和小钱的推荐均有效：条款只认定一位推荐人",
    ),
    ("named_on_entry_without_a_form", "RE12"): (
        ["RE12-5.1: the new customer named 甲 on entering (not a rotation turn)"],
        ["RE12-5.1: 新客户进门即点名甲（不计轮序）"],
        None,
        None,
    ),
    ("named_on_entry_without_a_form", "RE14"): (
        ["RE14-2.5(1): the new customer named 甲 on entering (not a rotation turn)"],
        ["RE14-2.5(1): 新客户进门即点名甲（不计轮序）"],
        None,
        None,
    ),
    ("forgot_recognised_on_the_last_day", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            (
                "RE12-3.7(i): no deal on the spot; 甲 recognised within 1 month(s) (2026-04-12 "
                "10:00): 乙 follows up, the commission is split"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(i): 当场未成交；1 个月内认出甲（2026-04-12 10:00）：由乙跟进，佣金分成",
        ],
        None,
        None,
    ),
    ("exhibition_no_deal", "RE14"): (
        [
            (
                "RE14-5.3(13): received at an exhibition or opening on 2026-03-02 10:00: the "
                "manager decides"
            ),
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
        ],
        [
            "RE14-5.3(13): 于 2026-03-02 10:00 在展会或开盘时接待：由经理决定",
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
        ],
        (
            "RE14-5.3(13): received at an exhibition or opening on 2026-03-02 10:00: the manager "
            "decides"
        ),
        "RE14-5.3(13): 于 2026-03-02 10:00 在展会或开盘时接待：由经理决定",
    ),
    ("switch_incited_then_registered", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: 乙 incited the switch: all to 甲",
            "RE12-7.3: 乙 registered later than 甲: the earlier registration wins",
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.2: 乙唆使更换：全部归甲",
            "RE12-7.3: 乙的登记晚于甲：以先登记者为准",
        ],
        None,
        None,
    ),
    ("forgot_records_after_a_complaint", "RE14"): (
        [
            "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
            (
                "RE14-5.3(7): the customer forgot who received them; 乙 received them in "
                "rotation: the deal is none of 甲's"
            ),
            "RE14-5.3(4): 甲 has no part of the deal",
            "RE14-5.3(4): 甲 lost every right to this customer earlier",
        ],
        [
            "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE14-5.3(7): 客户忘记了谁接待过；乙按轮序接待：成交与甲无关",
            "RE14-5.3(4): 甲不参与该成交的分成",
            "RE14-5.3(4): 甲此前已丧失对该客户的一切权利",
        ],
        None,
        None,
    ),
    ("forgot_recognised_after_midnight_in_utc_records", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-3.7: the customer had visited but forgot 甲; 乙 received them as a new customer",
            (
                "RE12-3.7(i): no deal on the spot; 甲 recognised within 1 month(s) (2026-03-13 "
                "01:00): 乙 follows up, the commission is split"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-3.7: 客户来过但忘记了甲；乙作为新客户接待",
            "RE12-3.7(i): 当场未成交；1 个月内认出甲（2026-03-13 01:00）：由乙跟进，佣金分成",
        ],
        None,
        None,
    ),
    ("company_brought_with_a_switch", "RE12"): (
        [
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
            "RE12-5.2: the manager let 乙 take over from 甲",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            (
                "RE12-6.3: introduced or brought by the company, followed to the deal by the "
                "salesperson"
            ),
        ],
        [
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
            "RE12-5.2: 经理同意由乙接替甲",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.3: 公司介绍或带来，由置业顾问跟进至成交",
        ],
        None,
        None,
    ),
    ("company_arranged_salesperson_after_sales", "RE12"): (
        [
            "RE12-7.1: 丙 closed the deal with no valid claim against it",
            "RE12-6.1: introduced by 刘总 before any visit: a company customer",
            "RE12-6.4: the company arranged the deal; 丙 handles after-sales",
        ],
        [
            "RE12-7.1: 丙成交，且无人拥有有效的归属",
            "RE12-6.1: 到访前由刘总介绍：公司客户",
            "RE12-6.4: 公司安排成交；由丙负责售后",
        ],
        None,
        None,
    ),
    ("tie_with_an_unconfirmed_registration", "RE12"): (
        [
            (
                "RE12-7.2: 乙's registration of 2026-03-02 10:00 was not confirmed by the project "
                "manager: it does not count"
            ),
            "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)",
        ],
        [
            "RE12-7.2: 乙于 2026-03-02 10:00 的登记未经项目经理确认：不计入",
            "RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）",
        ],
        None,
        None,
    ),
    ("tie_with_an_unconfirmed_registration", "RE14"): (
        [
            (
                "RE14-5.1: 乙 and 甲 registered the customer at the same instant (2026-03-02 "
                "10:00): the earlier registration cannot be told"
            ),
            (
                "RE14-5.1: 甲 closed the deal while 乙 and 甲 had registered the customer "
                "at the same instant: the ruling decides"
            ),
        ],
        [
            "RE14-5.1: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
            "RE14-5.1: 甲成交时，乙和甲在同一时刻登记了该客户：由裁决决定",
        ],
        (
            "RE14-5.1: 乙 and 甲 registered the customer at the same instant (2026-03-02 10:00): "
            "the earlier registration cannot be told"
        ),
        "RE14-5.1: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
    ),
}

#: who owns the case, who follows it up, and the shares, for each story
OUTCOMES: dict[tuple[str, str], tuple[str | None, str | None, dict[str, str]]] = {
    ("re14_several_names_present", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("re14_several_names_absent", "RE14"): (None, None, {}),
    ("re12_several_names_owner", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_same_day", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_same_day", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_within_month", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("forgot_not_recognised", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("forgot_records", "RE14"): ("乙", "乙", {"salesperson:乙": "1/2", "salesperson:甲": "1/2"}),
    ("no_deal_lapsed", "RE12"): (None, None, {}),
    ("household_tie_no_deal", "RE12"): (None, None, {}),
    ("household_tie_no_deal", "RE11"): (None, None, {}),
    ("re14_named_on_nth_visit", "RE14"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("re14_named_on_nth_visit", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("dispute_quarrel", "RE14"): (None, None, {"department": "1"}),
    ("dispute_quarrel", "RE12"): (None, None, {}),
    ("dispute_pending", "RE14"): (None, None, {}),
    ("dispute_settled", "RE14"): ("甲", "甲", {"salesperson:乙": "1/2", "salesperson:甲": "1/2"}),
    ("dispute_mediated", "RE14"): ("甲", "甲", {"salesperson:乙": "1/2", "salesperson:甲": "1/2"}),
    ("refusal_none", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("refusal_minor", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("refusal_serious", "RE12"): ("丙", "丙", {"salesperson:丙": "1"}),
    ("refusal_firm_nobody", "RE12"): ("丙", "丙", {"salesperson:丙": "1"}),
    ("switch_permitted", "RE12"): (
        "甲",
        "乙",
        {"salesperson:乙": "3/10", "salesperson:甲": "7/10"},
    ),
    ("switch_permitted", "RE14"): ("乙", "乙", {"salesperson:乙": "4/5", "salesperson:甲": "1/5"}),
    ("switch_incited", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("company_brought", "RE12"): ("乙", "乙", {"salesperson:乙": "7/10", "public_pool": "3/10"}),
    ("company_brought", "RE14"): (None, None, {}),
    ("company_named", "RE12"): (None, None, {"public_pool": "1"}),
    ("company_after_contact", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("company_arranged_unknown", "RE12"): (None, None, {}),
    ("old_customer_none", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("old_customer_none", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("old_customer_none", "RE11"): (None, None, {}),
    ("complaint_confirmed", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("complaint_confirmed", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("complaint_unconfirmed", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("returning_switch_refused", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("reallocation_leave", "RE14"): ("戊", "戊", {"salesperson:戊": "1"}),
    ("reallocation_leave", "RE12"): (None, None, {}),
    ("switch_incited_first_day", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("switch_not_permitted_first_day", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("refusal_serious_loser_closes", "RE12"): (None, None, {}),
    ("refusal_crossed", "RE12"): (None, None, {}),
    ("refusal_granted_keeps_claim", "RE12"): ("丙", "丙", {"salesperson:丙": "1"}),
    ("complaint_not_owner", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("household_with_a_split_member", "RE12"): (
        "丙",
        "甲",
        {"salesperson:丙": "1/2", "salesperson:乙": "7/20", "salesperson:甲": "3/20"},
    ),
    ("household_with_a_split_member", "RE14"): (
        "甲",
        "甲",
        {"salesperson:乙": "1/5", "salesperson:甲": "4/5"},
    ),
    ("household_one_member_held", "RE12"): ("乙", "乙", {}),
    ("household_one_member_held", "RE14"): ("乙", "乙", {}),
    ("no_deal_lapsed_by_last_event", "RE12"): (None, None, {}),
    ("no_deal_lapsed_by_last_event", "RE14"): ("甲", "甲", {}),
    ("no_deal_switch_lapsed", "RE14"): (None, None, {}),
    ("returning_after_lapse", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("returning_after_lapse", "RE14"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("returning_to_owner", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("returning_to_owner", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("re12_several_names_nobody", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("re12_several_names_lapsed", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("recognised_someone_else", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("recognised_someone_else", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("recognised_nobody_forgot", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_recognised_late", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("forgot_records_lapsed", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("forgot_records_not_found", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("assisted", "RE14"): ("甲", "甲", {"salesperson:乙": "1/5", "salesperson:甲": "4/5"}),
    ("assisted", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("referral_confirmed", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "7/10", "referrer:小赵": "3/10"},
    ),
    ("referral_confirmed", "RE11"): (
        "乙",
        "乙",
        {"salesperson:乙": "7/10", "referrer:小赵": "3/10"},
    ),
    ("referral_confirmed", "RE14"): (None, None, {}),
    ("referral_not_confirmed", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("referral_missed_appointment", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("referral_after_visit", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("referral_after_registration", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("referral_not_private", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("referral_company_arranged", "RE12"): (None, None, {}),
    ("referral_and_company", "RE12"): (None, None, {}),
    ("ruling_unapproved", "RE12"): (None, None, {}),
    ("ruling_unapproved", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("ruling_tied_no_owner", "RE12"): (
        "甲",
        "甲",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("household_deal_by_the_spouse", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("household_deal_by_the_spouse", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("visit_after_the_deal", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("visit_after_the_deal", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("switch_permitted_no_deal", "RE12"): ("甲", "乙", {}),
    ("courtesy_same_day_nobody_held", "RE14"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("courtesy_no_deal_that_day", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("courtesy_for_another", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("courtesy_for_another", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("refusal_loser_registers_again", "RE12"): ("丙", "丙", {"salesperson:丙": "1"}),
    ("re14_named_holder_without_visit", "RE14"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("forgot_deal_on_the_spot", "RE12"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("forgot_deal_on_the_spot", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("old_customer_phoned_ahead", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("old_customer_escorted", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("company_same_instant_as_the_visit", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "7/10", "public_pool": "3/10"},
    ),
    ("two_valid_referrals", "RE12"): (None, None, {}),
    ("named_on_entry_without_a_form", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("named_on_entry_without_a_form", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_recognised_on_the_last_day", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("exhibition_no_deal", "RE14"): (None, None, {}),
    ("switch_incited_then_registered", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("forgot_records_after_a_complaint", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    ("forgot_recognised_after_midnight_in_utc_records", "RE12"): (
        "乙",
        "乙",
        {"salesperson:乙": "1/2", "salesperson:甲": "1/2"},
    ),
    ("company_brought_with_a_switch", "RE12"): (
        "甲",
        "乙",
        {"salesperson:乙": "21/100", "salesperson:甲": "49/100", "public_pool": "3/10"},
    ),
    ("company_arranged_salesperson_after_sales", "RE12"): (
        "丙",
        "丙",
        {"salesperson:丙": "3/10", "public_pool": "7/10"},
    ),
    ("tie_with_an_unconfirmed_registration", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
    ("tie_with_an_unconfirmed_registration", "RE14"): (None, None, {}),
}


# RE14-5.3(6) and RE14-5.1's evening-meeting record, each beside the policy that lacks it
STORIES.update(
    {
        # RE14-5.3(6): A's customer goes to B for a discount; RE12 has no such clause
        "re14_discount": (
            [*seen(0, "甲"), visit(5, "乙", for_discount=True), deal(5, "乙")],
            (RE12, RE14),
            {},
        ),
        # RE14-5.1: two forms at one instant, the evening-meeting record names 乙 first;
        # RE12-7.3 has no such record: a ruling
        "meeting_record_tie": (
            [
                visit(0, "乙"),
                Registration(at=at(0), customer=C, salesperson="甲", confirmed_at=at(0)),
                Registration(at=at(0), customer=C, salesperson="乙", confirmed_at=at(0)),
                MeetingRecord(at=at(0, 20), customer=C, first="乙"),
                deal(3, "甲"),
            ],
            (RE12, RE14),
            {},
        ),
    }
)
EXPECTED.update(
    {
        ("re14_discount", "RE12"): (
            ["RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)"],
            ["RE12-7.3: 甲最先登记了该客户（2026-03-02 10:00）"],
            None,
            None,
        ),
        ("re14_discount", "RE14"): (
            [
                "RE14-5.1: 甲 registered the customer first (2026-03-02 10:00)",
                "RE14-5.3(6): 甲's customer went to 乙 for a discount: the whole bonus stays 甲's",
            ],
            [
                "RE14-5.1: 甲最先登记了该客户（2026-03-02 10:00）",
                "RE14-5.3(6): 甲的客户为求优惠找了乙：奖金全部仍归甲",
            ],
            None,
            None,
        ),
        ("meeting_record_tie", "RE12"): (
            [
                (
                    "RE12-7.3: 乙 and 甲 registered the customer at the same instant "
                    "(2026-03-02 10:00): the earlier registration cannot be told"
                ),
                (
                    "RE12-7.3: the evening-meeting record names 乙 first; RE12 decides by "
                    "the registration times"
                ),
                (
                    "RE12-7.3: 甲 closed the deal while 乙 and 甲 had registered the customer "
                    "at the same instant: the ruling decides"
                ),
            ],
            [
                "RE12-7.3: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
                "RE12-7.3: 晚会记录载明乙在先；RE12按登记时间决定",
                "RE12-7.3: 甲成交时，乙和甲在同一时刻登记了该客户：由裁决决定",
            ],
            (
                "RE12-7.3: 乙 and 甲 registered the customer at the same instant "
                "(2026-03-02 10:00): the earlier registration cannot be told"
            ),
            "RE12-7.3: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户：无法分辨先后",
        ),
        ("meeting_record_tie", "RE14"): (
            [
                (
                    "RE14-5.1: 乙 and 甲 registered the customer at the same instant "
                    "(2026-03-02 10:00); the evening-meeting record names 乙 first"
                ),
                "RE14-5.1: 乙 registered the customer first (2026-03-02 10:00)",
                "RE14-5.1: 甲 registered later than 乙: the earlier registration wins",
                (
                    "RE14-5.1: the evening-meeting record names 乙 as the first to receive "
                    "the customer"
                ),
            ],
            [
                "RE14-5.1: 乙和甲在同一时刻（2026-03-02 10:00）登记了该客户；晚会记录载明乙在先",
                "RE14-5.1: 乙最先登记了该客户（2026-03-02 10:00）",
                "RE14-5.1: 甲的登记晚于乙：以先登记者为准",
                "RE14-5.1: 晚会记录载明乙最先接待该客户",
            ],
            None,
            None,
        ),
    }
)
OUTCOMES.update(
    {
        ("re14_discount", "RE12"): ("甲", "甲", {"salesperson:甲": "1"}),
        ("re14_discount", "RE14"): ("甲", "甲", {"salesperson:甲": "1"}),
        ("meeting_record_tie", "RE12"): (None, None, {}),
        ("meeting_record_tie", "RE14"): ("乙", "乙", {"salesperson:乙": "1"}),
    }
)


@pytest.mark.parametrize(
    ("name", "policy"),
    [(name, policy) for name, (_, policies, _) in STORIES.items() for policy in policies],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_worked_explanations_word_for_word(name: str, policy: AttributionPolicy) -> None:
    events, _, options = STORIES[name]
    a = attribute(events, policy, customer=C, **options)
    en, zh, ruling_en, ruling_zh = EXPECTED[(name, policy.name)]
    assert a.explain().splitlines() == en  # English by default
    assert a.explain("zh").splitlines() == zh
    assert (a.ruling_text(), a.ruling_text("zh")) == (ruling_en, ruling_zh)
    assert a.ruling_reason == ruling_en
    assert a.steps_in() == a.steps  # English by default
    assert a.policy == policy.name
    as_of = options.get("as_of")
    deals = [e for e in events if type(e) is Deal and (as_of is None or e.at <= as_of)]
    assert a.deal == (deals[0] if deals else None)
    owner, follow_up, shares = OUTCOMES[(name, policy.name)]
    assert (a.owner, a.follow_up) == (owner, follow_up)
    assert {str(p): str(v) for p, v in a.shares.items()} == shares
    assert a.customer == (C if len({e.customer for e in events}) == 1 else f"{C} + {W}")


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_a_walk_in_deal_at_the_instant_of_the_visit(policy: AttributionPolicy) -> None:
    """Events at the deal's very instant still count (only later ones are after it)."""
    t = at(0)
    story = [
        Visit(at=t, customer=C, received_by="乙"),
        Registration(at=t, customer=C, salesperson="乙", confirmed_at=t),
        Deal(at=t, customer=C, closed_by="乙"),
    ]
    a = attribute(story, policy)
    assert (a.owner, {str(p): s for p, s in a.shares.items()}) == ("乙", {"salesperson:乙": 1})
    assert a.explain().splitlines() == [
        f"{policy.cite('earlier')}: 乙 registered the customer first (2026-03-02 10:00)"
    ]


# -- a host's own company terms (RE12-6.2, RE12-6.5 with other pool shares) -----------

HALF_POOL = attrs.evolve(
    RE12,
    name="RE12 (half to the pool)",
    company=CompanyTerms(
        named_pool_share=Fraction(1, 2), arranged_other_staff_pool_share=Fraction(1, 2)
    ),
)
NO_POOL = attrs.evolve(
    RE12, name="RE12 (no pool)", company=CompanyTerms(arranged_other_staff_pool_share=0)
)
ARRANGED = [_company(arranged_deal=True, after_sales="other_staff"), deal(0, "行政")]
COMPANY_CLOSER = [
    "RE12-7.1: 行政 closed the deal with no valid claim against it",
    "RE12-6.1: introduced by 刘总 before any visit: a company customer",
]
COMPANY_CLOSER_ZH = [
    "RE12-7.1: 行政成交，且无人拥有有效的归属",
    "RE12-6.1: 到访前由刘总介绍：公司客户",
]


@pytest.mark.parametrize(
    ("policy", "share", "zh_share"), [(HALF_POOL, "1/2", "1/2"), (NO_POOL, "0", "0")]
)
def test_a_pool_share_below_one_for_an_arranged_deal_leaves_a_part_nobody_earned(
    policy: AttributionPolicy, share: str, zh_share: str
) -> None:
    """RE12-6.5 under a host's terms: the pool takes less than all, no salesperson
    received the customer, so the rest needs a ruling (RE12-7.7), never a guess."""
    a = attribute(ARRANGED, policy)
    assert (a.needs_ruling, dict(a.shares), a.owner, a.follow_up) == (True, {}, None, None)
    assert a.explain().splitlines() == [
        *COMPANY_CLOSER,
        "RE12-6.5: the company arranged the deal; other staff handle after-sales: "
        f"{share} of the commission to the public pool",
        "RE12-7.7: no salesperson has a valid claim",
    ]
    assert a.explain("zh").splitlines() == [
        *COMPANY_CLOSER_ZH,
        f"RE12-6.5: 公司安排成交；由其他员工负责售后：佣金的{zh_share}归公佣",
        "RE12-7.7: 没有置业顾问拥有有效的归属",
    ]
    assert (a.ruling_text(), a.ruling_text("zh")) == (
        "RE12-7.7: no salesperson has a valid claim",
        "RE12-7.7: 没有置业顾问拥有有效的归属",
    )
    with pytest.raises(CustrulesError, match="ruling"):
        a.split(Decimal("1000.00"))


def test_the_default_pool_takes_an_arranged_deal_whole() -> None:
    a = attribute(ARRANGED, RE12)
    assert (a.needs_ruling, {str(p): s for p, s in a.shares.items()}) == (
        False,
        {"public_pool": 1},
    )
    assert a.explain().splitlines()[-1] == (
        "RE12-6.5: the company arranged the deal; other staff handle after-sales: "
        "all to the public pool"
    )


@pytest.mark.parametrize(
    ("policy", "shares", "line", "zh"),
    [
        (
            HALF_POOL,
            {"salesperson:甲": Fraction(1, 2), "public_pool": Fraction(1, 2)},
            "RE12-6.2: 刘总 named 甲: a courtesy reception outside the rotation; 1/2 of the "
            "commission goes to the public pool, the rest to 甲",
            "RE12-6.2: 刘总点名甲：轮序之外的代接待；佣金的1/2归公佣，其余归甲",
        ),
        (
            NO_POOL,
            {"public_pool": 1},
            "RE12-6.2: 刘总 named 甲: a courtesy reception outside the rotation; the "
            "commission goes to the public pool",
            "RE12-6.2: 刘总点名甲：轮序之外的代接待；佣金归公佣",
        ),
    ],
)
def test_a_named_salesperson_keeps_what_the_pool_does_not_take(
    policy: AttributionPolicy, shares: dict[str, Fraction], line: str, zh: str
) -> None:
    """RE12-6.2: all to the pool by default; a host's smaller pool share leaves
    the rest to the salesperson the executive named."""
    a = attribute([_company(named_salesperson="甲"), *seen(0, "甲"), deal(2, "甲")], policy)
    assert {str(p): s for p, s in a.shares.items()} == shares
    assert a.explain().splitlines()[1:] == [
        "RE12-6.1: introduced by 刘总 before any visit: a company customer",
        line,
    ]
    assert a.explain("zh").splitlines()[-1] == zh


# -- the engine's refusals, word for word, with their codes and values -----------------

ATTRIBUTION_ERRORS: list[tuple[str, Any, str, Any, str, str]] = [
    (
        "no event for the customer",
        lambda: attribute(seen(0, "甲"), RE12, customer="李四"),
        "realestate.engine.scope.no_event_concerns_customer.4",
        "李四",
        "no event concerns customer '李四'",
        "没有涉及客户 '李四' 的事件",
    ),
    (
        "no event for the customer of a household",
        lambda: attribute(
            [*seen(0, "甲"), HouseholdLink(at=at(1), customer=C, other=W)], RE12, customer="李四"
        ),
        "realestate.engine.scope.no_event_concerns_customer.2",
        "李四",
        "no event concerns customer '李四'",
        "没有涉及客户 '李四' 的事件",
    ),
    (
        "no events",
        lambda: attribute([], RE12),
        "realestate.engine.scope.no_events_nothing_attribute.1",
        None,
        "no events: nothing to attribute",
        "没有事件：无从判定归属",
    ),
    (
        "two customers",
        lambda: attribute([*seen(0, "甲"), *seen(0, "乙", "李四")], RE12),
        "realestate.engine.scope.events_more_than_one_customer_one_call_pass.3",
        ["李四", "王先生"],
        "events for more than one customer (王先生, 李四) in one call: pass customer=... to "
        "pick one, or link a household with a HouseholdLink event",
        "一次调用中的事件涉及多位客户（王先生、李四）：请传入 customer=... 选定一位，"
        "或用 HouseholdLink 事件把家庭成员相连",
    ),
    (
        "not iterable",
        lambda: attribute(5, RE12),
        "realestate.engine.check_events.events_iterable",
        None,
        "events must be an iterable of Event objects, got 5",
        "events 必须是 Event 对象的可迭代序列，收到的是 5",
    ),
    (
        "a user's word is shown as given, never translated",
        lambda: attribute([*seen(0, "甲"), "deal"], RE12),
        "realestate.engine.check_events.not_event",
        "deal",
        "not an event: 'deal'",
        "不是事件：'deal'",
    ),
    (
        "a policy by name",
        lambda: attribute(seen(0, "甲"), "RE12"),
        "realestate.engine.attribute.policy_attributionpolicy",
        None,
        "policy must be an AttributionPolicy, got 'RE12'",
        "policy 必须是 AttributionPolicy，收到的是 'RE12'",
    ),
    (
        "a policy by name, in bulk",
        lambda: list(attribute_many([seen(0, "甲")], "RE12")),
        "realestate.engine.attribute_many.policy_attributionpolicy",
        None,
        "policy must be an AttributionPolicy, got 'RE12'",
        "policy 必须是 AttributionPolicy，收到的是 'RE12'",
    ),
    (
        "a naive as_of",
        lambda: attribute(seen(0, "甲"), RE12, as_of=datetime(2026, 3, 3)),
        "check.aware.naive_datetime",
        datetime(2026, 3, 3),
        "as_of is a naive datetime (2026-03-03 00:00:00): give it a time zone, e.g. "
        "value.replace(tzinfo=custrules.CHINA_TZ) for Beijing time",
        "as_of（截至时刻）是不带时区的时间（2026-03-03 00:00:00）：请加上时区，"
        "如北京时间用 value.replace(tzinfo=custrules.CHINA_TZ)",
    ),
    (
        "a deal before any visit",
        lambda: attribute([deal(0, "甲")], RE12),
        "realestate.engine.check_deal.deal_before",
        deal(0, "甲"),
        "a deal (2026-03-02 15:00) before any visit of customer 王先生: only a deal the "
        "company arranged itself (RE12-6.4, 6.5) needs no visit",
        "客户 王先生 在任何到访之前就成交（2026-03-02 15:00）：只有公司自行安排的成交"
        "（RE12-6.4、6.5）才不需要到访",
    ),
    (
        "a deal kept by its date alone, before that day's visit",
        lambda: attribute(
            [*seen(0, "甲"), Deal(at=at(0, 0), customer="王先生", closed_by="甲")], RE12
        ),
        "realestate.engine.check_deal.deal_before_same_day",
        Deal(at=at(0, 0), customer="王先生", closed_by="甲"),
        "a deal (2026-03-02 00:00) before any visit of customer 王先生, who was received later "
        "that day (2026-03-02 10:00): give the deal the time it closed (a deal kept by its "
        "date alone: the end of that day)",
        "客户 王先生 在任何到访之前就成交（2026-03-02 00:00），而该客户当天稍后"
        "（2026-03-02 10:00）才被接待：请给成交记上成交的时刻"
        "（只按日期记录的成交：记为当天结束时）",
    ),
    (
        "a split with no deal",
        lambda: attribute(seen(0, "甲"), RE12).split(Decimal("100")),
        "realestate.engine.attribution.split.customer_has",
        None,
        "customer 王先生 has no deal yet: there is no commission to split (the attribution "
        "names who holds the customer now)",
        "客户 王先生 尚未成交：没有可分的佣金（归属结果给出的是客户目前由谁持有）",
    ),
    (
        "a split that needs a ruling gives the reason in the message's language",
        lambda: attribute([*seen(0, "甲"), reg(0, "乙"), deal(2, "甲")], RE12).split(
            Decimal("100")
        ),
        "realestate.engine.attribution.split.case_needs",
        None,
        "the case needs a manager's ruling before its commission can be split: RE12-7.3: 乙 "
        "and 甲 registered the customer at the same instant (2026-03-02 10:00): the earlier "
        "registration cannot be told",
        "此案需要经理裁决后才能分配佣金：RE12-7.3: 乙和甲在同一时刻（2026-03-02 10:00）"
        "登记了该客户：无法分辨先后",
    ),
    (
        "a customer that is not text",
        lambda: attribute(seen(0, "甲"), RE12, customer=5),
        "check.text.non_empty",
        5,
        "customer must be non-empty text, got 5",
        "客户必须是非空文本，收到的是 5",
    ),
    (
        "a name with a space after it (from a spreadsheet: another salesperson)",
        lambda: Visit(at=at(0), customer=C, received_by="乙 "),
        "check.text.spaces_around",
        "乙 ",
        "received_by '乙 ' begins or ends with a space: remove it ('乙 ' and '乙' would be "
        "two different names)",
        "received_by '乙 ' 首尾有空格：请删除（'乙 ' 与 '乙' 会被当作两个不同的名字）",
    ),
    (
        "a name with a compatibility ideograph (from a legacy system: another salesperson)",
        lambda: Visit(at=at(0), customer=C, received_by="\uf90a"),
        "check.text.not_nfc",
        "\uf90a",
        "received_by '\uf90a' holds U+F90A where Unicode's composed form (NFC) has U+91D1: "
        "write it in that form, or the two spellings, alike on screen, would be two different "
        "names",
        "received_by '\uf90a' 含有 U+F90A，而 Unicode 组合形式（NFC）为 U+91D1：请按该形式书写，"
        "否则屏幕上看起来相同的两种写法会被当作两个不同的名字",
    ),
    (
        "a salesperson named twice (RE14-5.3(5) would read several names)",
        lambda: Visit(at=at(0), customer=C, received_by="丙", asked_for=["乙", "甲", "乙"]),
        "realestate.events.names_twice",
        ("乙", "甲", "乙"),
        "asked_for names 乙 twice (乙, 甲, 乙): name each person once, in the order named",
        "asked_for 两次提到 乙（乙、甲、乙）：每人只写一次，按提到的顺序",
    ),
    (
        "a dispute's party named twice",
        lambda: Dispute(at=at(0), customer=C, parties=["乙", "乙"], outcome="quarrel"),
        "realestate.events.names_twice",
        ("乙", "乙"),
        "parties names 乙 twice (乙, 乙): name each person once, in the order named",
        "parties 两次提到 乙（乙、乙）：每人只写一次，按提到的顺序",
    ),
    (
        "a referral registered for an appointment already past (RE11-2)",
        lambda: ReferralRegistration(
            at=dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.timezone.utc),  # 04:00 on 2 March
            customer=C,
            referrer="小赵",
            appointment=dt.date(2026, 3, 1),
        ),
        "realestate.events.referralregistration.appointment_past",
        dt.date(2026, 3, 1),
        "小赵's referral is registered on 2026-03-02 for an appointment on 2026-03-01, a day "
        "already past: check the appointment date (RE11-2: the referral is registered before "
        "the visit)",
        "小赵 的推荐登记于 2026-03-02，约定到访日期却是已过去的 2026-03-01：请核对约定日期"
        "（RE11-2：推荐须在到访前登记）",
    ),
    (
        "after-sales of a deal the company did not arrange (RE12-6.4, 6.5)",
        lambda: CompanyIntroduction(at=at(0), customer=C, by="刘总", after_sales="other_staff"),
        "realestate.events.companyintroduction.after_sales_arranged",
        AfterSales.OTHER_STAFF,
        "after_sales='other_staff' is for a deal the company arranged (RE12-6.4, 6.5): add "
        "arranged_deal=True, or leave after_sales out",
        "after_sales='other_staff' 只适用于公司直接安排的成交（RE12-6.4、6.5）：请加上 "
        "arranged_deal=True，或去掉 after_sales",
    ),
    (
        "an after-sales salesperson for other staff's after-sales (RE12-6.4)",
        lambda: CompanyIntroduction(
            at=at(0),
            customer=C,
            by="刘总",
            arranged_deal=True,
            after_sales="other_staff",
            after_sales_by="丙",
        ),
        "realestate.events.companyintroduction.after_sales_by",
        "丙",
        "after_sales_by='丙' names the salesperson of after_sales='salesperson' (RE12-6.4): "
        "give that, or leave after_sales_by out",
        "after_sales_by='丙' 指的是 after_sales='salesperson' 时负责售后的置业顾问（RE12-6.4）："
        "请写明 after_sales='salesperson'，或去掉 after_sales_by",
    ),
    (
        "a customer introducing themself (RE12-7.5, RE14-5.3(10))",
        lambda: OldCustomerIntroduction(at=at(0), customer=C, old_customer=C, salesperson="甲"),
        "realestate.events.oldcustomerintroduction.introduce_themself",
        C,
        "王先生 cannot introduce themself: old_customer names the old customer who introduced "
        "them",
        "王先生 不能介绍自己：old_customer 应是介绍其前来的老客户",
    ),
    (
        "an incited request that names nobody (RE12-5.2)",
        lambda: SwitchRequest(at=at(0), customer=C, from_="甲", permitted=True, incited=True),
        "realestate.events.switchrequest.incited_to",
        True,
        "incited says the salesperson the customer asked for incited the request (RE12-5.2): "
        "name them in to",
        "incited 表示客户所点名的置业顾问唆使了换人（RE12-5.2）：请在 to 中写明此人",
    ),
    (
        "a request the manager let through, to two salespeople (RE12-5.2)",
        lambda: SwitchRequest(
            at=at(0), customer=C, from_="甲", to="乙", permitted=True, granted_to="丙"
        ),
        "realestate.events.switchrequest.granted_to_other",
        "丙",
        "permitted says the manager let 乙, whom the customer asked for, take over "
        "(RE12-5.2, 5.3): granted_to='丙' names someone else; leave it out, or record who "
        "took over without permitted",
        "permitted 表示经理已同意客户点名的乙接手（RE12-5.2、5.3）：granted_to='丙' 却是另一人；"
        "请去掉 granted_to，或不写 permitted 并记录实际接手的人",
    ),
    (
        "a customer with a space before it",
        lambda: attribute(seen(0, "甲"), RE12, customer=" 王先生"),
        "check.text.spaces_around",
        " 王先生",
        "customer ' 王先生' begins or ends with a space: remove it (' 王先生' and '王先生' "
        "would be two different names)",
        "客户 ' 王先生' 首尾有空格：请删除（' 王先生' 与 '王先生' 会被当作两个不同的名字）",
    ),
    (
        "a household of one",
        lambda: HouseholdLink(at=at(0), customer=C, other=C),
        "realestate.events.householdlink.linked_to_themself",
        C,
        "王先生 cannot be linked to themself as a household: name the other member",
        "王先生 不能与自己组成一个家庭：请填写另一位家庭成员",
    ),
]


@pytest.mark.parametrize(
    ("case", "call", "code", "value", "en", "zh"),
    ATTRIBUTION_ERRORS,
    ids=[case for case, *_ in ATTRIBUTION_ERRORS],
)
def test_the_engines_refusals_word_for_word(
    case: str, call: Any, code: str, value: Any, en: str, zh: str
) -> None:
    assert refusal(call, code, en, zh).value == value, case


def test_a_household_link_brings_its_member_even_without_events_of_their_own() -> None:
    """The case of a customer linked to a spouse is the household's (RE12-7.4)."""
    a = attribute([*seen(0, "甲"), HouseholdLink(at=at(1), customer=C, other=W)], RE12)
    assert (a.customer, a.owner) == (f"{C} + {W}", "甲")


@pytest.mark.parametrize("policy", [RE12, RE14])
def test_as_of_an_events_own_instant_counts_that_event(policy: AttributionPolicy) -> None:
    story = [*seen(0, "甲"), *seen(40, "乙"), deal(40, "乙")]
    a = attribute(story, policy, as_of=at(40))
    assert a.deal is None
    assert a.explain().splitlines()[-1].startswith(policy.cite("earlier"))
    assert "乙" in a.explain().splitlines()[-1]


def test_attribute_many_passes_as_of_on() -> None:
    story = [*seen(0, "甲"), *seen(45, "乙"), deal(46, "乙")]
    (a,) = attribute_many([story], RE12, as_of=at(10))
    assert (a.owner, a.deal) == ("甲", None)


def test_two_like_decisions_at_one_instant_are_one_and_unlike_ones_an_error() -> None:
    """RE14-5.4: the same settlement recorded twice is one fact; two that differ
    cannot both stand."""
    story = [*BASE2, _dispute("settled", halves=True), _dispute("settled", halves=True)]
    assert {str(p): s for p, s in attribute(story, RE14).shares.items()} == {
        "salesperson:乙": Fraction(1, 2),
        "salesperson:甲": Fraction(1, 2),
    }
    mediated = _dispute("mediated", halves=True)
    with pytest.raises(CustrulesError) as caught:
        attribute([*BASE2, _dispute("settled", halves=True), mediated], RE14)
    assert caught.value.code == "realestate.engine.run.tie.s_same"
    assert str(caught.value) == (
        "2 disputes at the same instant (2026-03-08 10:00) for customer 王先生 decide "
        "differently: a ruling must be unambiguous; withdraw one or record them at different "
        "times"
    )
    assert caught.value.message_in("zh") == (
        "客户 王先生 有 2 条争议在同一时刻（2026-03-08 10:00）作出不同决定：裁决必须明确；"
        "请撤回一条或记录在不同时间"
    )


def test_a_subclass_of_an_event_is_refused_by_name() -> None:
    @attrs.frozen(kw_only=True)
    class MyVisit(Visit):
        pass

    with pytest.raises(CustrulesError) as caught:
        attribute([MyVisit(at=at(0), customer=C, received_by="甲")], RE12)
    assert caught.value.code == "realestate.engine.check_events.events_custrules"
    assert str(caught.value) == (
        "events must be custrules' own event classes, not subclasses: ['MyVisit']"
    )


def test_as_of_before_every_event_names_the_customer_asked_for() -> None:
    story = [*seen(0, "乙", W), *seen(1, "甲"), HouseholdLink(at=at(2), customer=C, other=W)]
    a = attribute(story, RE12, customer=C, as_of=at(-1))
    assert (a.customer, a.owner, a.explain()) == (C, None, "")


def test_a_household_is_every_customer_linked_through_others() -> None:
    """RE12-7.4: a household of three, linked in a chain, is one case."""
    child = "王小姐"
    story = [
        *seen(0, "甲"),
        *seen(1, "乙", W),
        *seen(2, "丙", child),
        HouseholdLink(at=at(3), customer=C, other=W),
        HouseholdLink(at=at(3), customer=W, other=child),
    ]
    a = attribute(story, RE14, customer=C)
    assert (a.customer, a.owner) == (f"{C} + {W} + {child}", "甲")


def test_events_of_three_customers_are_named_in_the_refusal() -> None:
    story = [*seen(0, "甲"), *seen(0, "乙", "李四"), *seen(0, "丙", "张三")]
    with pytest.raises(CustrulesError) as caught:
        attribute(story, RE12)
    assert caught.value.params["a"] == "张三, 李四"
    assert str(caught.value).startswith(
        "events for more than one customer (王先生, 张三, 李四) in one call"
    )


def test_two_rulings_that_agree_at_one_instant_are_one_decision() -> None:
    """RE12-7.7: the same ruling recorded by two people at one instant decides once."""

    def ruling(by: str) -> Ruling:
        return Ruling(
            at=at(2), customer=C, by=by, approved_by="销售总监", shares={"salesperson:乙": 1}
        )

    a = attribute(
        [*seen(0, "甲"), *seen(1, "乙"), ruling("项目经理"), ruling("副经理"), deal(3, "乙")], RE12
    )
    assert (a.owner, {str(p): s for p, s in a.shares.items()}) == ("乙", {"salesperson:乙": 1})


def test_instants_in_other_zones_are_explained_in_chinas_time() -> None:
    utc = dt.timezone.utc
    story = [
        Visit(at=at(0).astimezone(utc), customer=C, received_by="甲"),
        Registration(at=at(0).astimezone(utc), customer=C, salesperson="甲", confirmed_at=at(0)),
    ]
    assert attribute(story, RE12).explain() == (
        "RE12-7.3: 甲 registered the customer first (2026-03-02 10:00)"
    )


def test_a_ruling_that_lacks_approval_leaves_an_earlier_approved_one_standing() -> None:
    """RE12-7.7: only an approved ruling counts; a later unapproved one changes nothing."""
    approved = Ruling(
        at=at(2), customer=C, by="项目经理", approved_by="销售总监", shares={"salesperson:乙": 1}
    )
    pending = Ruling(at=at(3), customer=C, by="项目经理", shares={"salesperson:甲": 1})
    a = attribute([*seen(0, "甲"), *seen(1, "乙"), approved, pending, deal(4, "乙")], RE12)
    assert (a.owner, {str(p): s for p, s in a.shares.items()}) == ("乙", {"salesperson:乙": 1})
    assert a.explain().splitlines()[-2:] == [
        "RE12-7.7: ruling by 项目经理, approved by 销售总监 (2026-03-04 10:00)",
        "RE12-7.7: 项目经理's ruling (2026-03-05 10:00) lacks the sales director's approval: "
        "it does not count yet",
    ]


def test_as_of_before_every_event_still_refuses_another_customer() -> None:
    with pytest.raises(CustrulesError) as caught:
        attribute(seen(5, "甲"), RE12, customer="李四", as_of=at(0))
    assert caught.value.code == "realestate.engine.scope.no_event_concerns_customer.4"


def test_two_settlements_with_different_shares_at_one_instant_are_an_error() -> None:
    other = Dispute(
        at=at(6),
        customer=C,
        parties=["甲", "乙"],
        outcome="settled",
        shares={"salesperson:甲": Fraction(1, 3), "salesperson:乙": Fraction(2, 3)},
    )
    with pytest.raises(CustrulesError) as caught:
        attribute([*BASE2, _dispute("settled", halves=True), other], RE14)
    assert caught.value.code == "realestate.engine.run.tie.s_same"


@pytest.mark.parametrize(
    "later",
    [
        [reg(2, "丙")],  # RE12-7.3: a new registration
        [visit(2, "丙", previous=Previous.NAMES, asked_for=["丙"])],  # RE12-3.6: named
    ],
)
def test_a_removed_holder_is_said_to_have_lost_every_right_not_to_have_lapsed(
    later: list[Any],
) -> None:
    """RE12-3.10: the customer was handed back to a salesperson who had lost every
    right; whoever comes next takes over, and the line names the clause, not a lapse."""
    story = [
        *seen(0, "甲"),
        _refusal(Fault.SERIOUS, granted_to="乙"),
        SwitchRequest(at=at(0, 12), customer=C, from_="乙", fault=Fault.SERIOUS, granted_to="甲"),
        *later,
        deal(5, "丙"),
    ]
    a = attribute(story, RE12)
    assert (a.owner, {str(p): s for p, s in a.shares.items()}) == ("丙", {"salesperson:丙": 1})
    lines = a.explain().splitlines()
    assert "RE12-3.10: 甲 lost every right to this customer earlier" in lines
    assert not any("lapsed" in line for line in lines)
    assert "RE12-3.10: 甲此前已丧失对该客户的一切权利" in a.explain("zh").splitlines()


def test_as_of_before_every_event_names_the_events_customer() -> None:
    """Without ``customer=``, an answer from before every event names the customer the
    events are about."""
    a = attribute(seen(0, "甲"), RE12, as_of=at(-1))
    assert (a.customer, a.owner, a.explain()) == (C, None, "")


def test_re12_3_7_i_the_new_salesperson_follows_up_even_with_the_smaller_part() -> None:
    """RE12-3.7(i): "the new salesperson follows up" whatever the split; a host's 60/40
    in the earlier salesperson's favour makes 甲 the owner, and 乙 still follows up."""
    policy = attrs.evolve(RE12, recognition_share=Fraction(3, 5))
    story = [*FORGOT, Recognition(at=at(25), customer=C, original="甲"), deal(30, "乙")]
    a = attribute(story, policy, customer=C)
    assert (a.owner, a.follow_up) == ("甲", "乙")
    assert {str(p): v for p, v in a.shares.items()} == {
        "salesperson:甲": Fraction(3, 5),
        "salesperson:乙": Fraction(2, 5),
    }
