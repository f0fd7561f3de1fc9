"""Worked stories' explanations word for word, in English and Chinese (RE12, RE14).

A sales manager reads these lines to check a commission: each is pinned as the
clauses give it, so a changed word, citation or argument is a failing test.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from custrules import (
    RE12,
    RE14,
    CustrulesError,
    HouseholdLink,
    NameChange,
    Ruling,
    attribute,
)
from custrules.realestate import AttributionPolicy
from tests.test_realestate import C, at, deal, seen

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
    assert str(error) == (
        "2 deals in one case (2026-03-05 15:00, 2026-03-06 15:00): a case is one customer "
        "(or household) and one deal"
    )
    assert error.message_in("zh") == (
        "一个案例中有 2 笔成交（2026-03-05 15:00, 2026-03-06 15:00）：一个案例只能是一位客户"
        "（或一个家庭）和一笔成交"
    )
