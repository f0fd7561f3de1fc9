"""Attribution policies as data: RE11, RE12 and RE14 (private; see the package)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from custrules import _check
from custrules.errors import InvalidInputError


def _optional_share(value: Any) -> Fraction | None:
    return None if value is None else _check.share(value)


def _months(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _check.integer(value, attribute.name)
        if value < 1:
            raise InvalidInputError(f"{attribute.name} must be at least 1, got {value}")


class HouseholdRule(str, enum.Enum):
    """Members of one household received by different salespeople."""

    #: RE12-7.4: the salespeople serve them jointly and split equally
    SPLIT = "split"
    #: RE14-5.3(11): the first salesperson wins
    FIRST_WINS = "first_wins"


class ForgotRule(str, enum.Enum):
    """A returning customer who cannot say who received them."""

    #: RE12-3.7: same-day recognition, deal on the spot, or recognition
    #: within a window decide (g, h, i, j)
    RECOGNITION_WINDOW = "recognition_window"
    #: RE14-5.3(7): the rotation receives; the earlier salesperson shares only
    #: if found in the records while the registration is valid
    RECORDS = "records"


class SwitchRule(str, enum.Enum):
    """A customer asking for another salesperson."""

    #: RE12-3.10 (refusals by fault), RE12-5.2 (new customer names another:
    #: 70/30 if permitted) and RE12-5.3 (returning customer: courtesy only)
    RE12 = "re12"
    #: RE14-5.3(2) (the customer's wish prevails: the new salesperson's deal,
    #: 80/20 while the earlier registration is valid)
    RE14 = "re14"


class IntroRule(str, enum.Enum):
    """A new customer introduced by an old one."""

    #: RE12-7.5 (and 5.4): the old customer's salesperson only when the old
    #: customer phoned ahead or came along; otherwise a new customer
    APPOINTMENT = "appointment"
    #: RE14-5.3(10): always the old customer's original salesperson
    ORIGINAL_SALESPERSON = "original_salesperson"


@attrs.frozen(kw_only=True)
class ReferralTerms:
    """Employee referrals (RE11; RE12 §6(2))."""

    #: RE11-6: the referrer's share of the commission (the rest to the salesperson)
    referrer_share: Fraction = attrs.field(default=Fraction(3, 10), converter=_check.share)


@attrs.frozen(kw_only=True)
class CompanyTerms:
    """Company customers (RE12-6): the public pool's share in each case."""

    #: RE12-6.2: an executive named a salesperson: a courtesy, all to the pool
    named_pool_share: Fraction = attrs.field(default=Fraction(1), converter=_check.share)
    #: RE12-6.3: introduced or brought, the salesperson followed to the deal
    brought_pool_share: Fraction = attrs.field(default=Fraction(3, 10), converter=_check.share)
    #: RE12-6.4: the company arranged the deal, the salesperson does after-sales
    arranged_pool_share: Fraction = attrs.field(default=Fraction(7, 10), converter=_check.share)
    #: RE12-6.5: the company arranged the deal, other staff do after-sales
    arranged_other_staff_pool_share: Fraction = attrs.field(
        default=Fraction(1), converter=_check.share
    )


def _citations(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


_RE12_CITES = {
    "valid": "RE12-7.1",
    "confirmed": "RE12-7.2",
    "earlier": "RE12-7.3",
    "household": "RE12-7.4",
    "introduction": "RE12-7.5",
    "after_deal": "RE12-7.6",
    "fallback": "RE12-7.7",
    "ruling": "RE12-7.7",
    "returning": "RE12-3.6",
    "courtesy": "RE12-4",
    "designated": "RE12-5.1",
    "rotation": "RE12-3.1",
}

_RE14_CITES = {
    "valid": "RE14-5.2",
    "confirmed": "RE14-5.1",
    "earlier": "RE14-5.1",
    "household": "RE14-5.3(11)",
    "introduction": "RE14-5.3(10)",
    "after_deal": "RE14-5.2",
    "fallback": "RE14-5.4",
    "ruling": "RE14-5.4",
    "returning": "RE14-5.3(1)",
    "courtesy": "RE14-2.5",
    "designated": "RE14-2.5(1)",
    "rotation": "RE14-2.5(2)",
}


@attrs.frozen(kw_only=True)
class AttributionPolicy:
    """Everything a sales office's rules decide, as data.

    :data:`RE12` (with RE11 referrals) and :data:`RE14` are the seeds'
    policies; a host builds a variant with ``attrs.evolve(RE12, ...)``.
    ``None`` for an optional clause means the policy has no such clause:
    a case that needs it is sent to a manager's ruling.
    """

    name: str = attrs.field(validator=_check.nonempty)
    #: how long a registration gives a claim (CAL-5 months); None: no limit
    registration_validity_months: int | None = attrs.field(default=None, validator=_months)
    #: a registration counts only once the project manager confirmed it
    registration_needs_confirmation: bool = False
    household: HouseholdRule = attrs.field(default=HouseholdRule.SPLIT, converter=HouseholdRule)
    forgot: ForgotRule | None = attrs.field(
        default=None, converter=attrs.converters.optional(ForgotRule)
    )
    #: RE12-3.7(i): the recognition window, in months
    recognition_window_months: int = attrs.field(default=1, validator=_months)
    #: RE12-3.7(i), RE14-5.3(7): the earlier salesperson's share when recognised
    recognition_share: Fraction = attrs.field(default=Fraction(1, 2), converter=_check.share)
    switch: SwitchRule | None = attrs.field(
        default=None, converter=attrs.converters.optional(SwitchRule)
    )
    #: RE12-5.2: the first salesperson's share after a permitted switch
    switch_first_share: Fraction = attrs.field(default=Fraction(7, 10), converter=_check.share)
    #: RE14-5.3(2): the earlier salesperson's share while still registered
    switch_previous_share: Fraction = attrs.field(default=Fraction(1, 5), converter=_check.share)
    #: RE14-5.3(3): the assisting salesperson's share (None: a courtesy earns nothing)
    assistant_share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    #: RE14-2.5: the receiving salesperson's share of a same-day deal with a
    #: returning customer (None: a courtesy earns nothing)
    same_day_share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    #: RE14-5.3(8): the named salesperson's share on the n-th visit (None: RE12-5.3)
    nth_visit_share: Fraction | None = attrs.field(default=None, converter=_optional_share)
    #: RE14-5.3(4): a confirmed complaint removes the salesperson
    complaint_removes: bool = False
    #: RE14-5.3(6): a customer seeking a discount from another salesperson
    discount_visits: bool = False
    introduction: IntroRule = attrs.field(default=IntroRule.APPOINTMENT, converter=IntroRule)
    referral: ReferralTerms | None = None
    company: CompanyTerms | None = None
    #: RE14-5.3(12): the manager's random re-allocation is a clause
    reallocation: bool = False
    #: RE14-5.3(13): customers from exhibitions and openings need the manager
    exhibitions_need_ruling: bool = False
    #: RE14-5.4: crossed-customer disputes (quarrels go to the department)
    disputes: bool = False
    #: RE12-7.7: a ruling counts only once the sales director approved it
    ruling_needs_approval: bool = False
    #: which rule ID to cite for each shared principle
    citations: Mapping[str, str] = attrs.field(factory=dict, converter=_citations)

    def cite(self, key: str) -> str:
        return self.citations.get(key, self.name)


#: RE12: the Changsha sales office (000 piece 12), with employee referrals
#: (RE11 / piece 12 §6(2)) and company customers (§6(1)).
RE12 = AttributionPolicy(
    name="RE12",
    registration_validity_months=1,  # 7.1 登记有效期为一个月
    registration_needs_confirmation=True,  # 7.2 由项目经理审核确认方为有效
    household=HouseholdRule.SPLIT,  # 7.4 夫妻 … 佣金双方各得一半
    forgot=ForgotRule.RECOGNITION_WINDOW,  # 3.7 g-j
    recognition_window_months=1,  # 3.7(i) 1个月内认出来
    recognition_share=Fraction(1, 2),  # 3.7(i) 平分
    switch=SwitchRule.RE12,  # 3.10, 5.2, 5.3
    switch_first_share=Fraction(7, 10),  # 5.2 70% 归最先接待的售楼员
    introduction=IntroRule.APPOINTMENT,  # 7.5, 5.4
    referral=ReferralTerms(referrer_share=Fraction(3, 10)),  # §6(2)5, RE11-6
    company=CompanyTerms(),  # §6(1) 2-5
    ruling_needs_approval=True,  # 7.7 报销售总监审批
    citations=_RE12_CITES,
)

#: RE11: employee referrals on their own (000 piece 11): earliest
#: registration owns, registrations do not lapse, and disputes go to a ruling.
RE11 = AttributionPolicy(
    name="RE11",
    referral=ReferralTerms(referrer_share=Fraction(3, 10)),  # RE11-6
    citations={**_RE12_CITES, "valid": "RE11-4", "earlier": "RE11-4", "confirmed": "RE11-4"},
)

#: RE14: sales customer management rules (000 piece 14).
RE14 = AttributionPolicy(
    name="RE14",
    registration_validity_months=2,  # 5.2(1) 客户建档有效期为2个月
    registration_needs_confirmation=False,  # 5.1 the register and meeting record decide
    household=HouseholdRule.FIRST_WINS,  # 5.3(11)
    forgot=ForgotRule.RECORDS,  # 5.3(7)
    recognition_share=Fraction(1, 2),  # 5.3(7) a:50%, b:50%
    switch=SwitchRule.RE14,  # 5.3(2)
    switch_previous_share=Fraction(1, 5),  # 5.3(2) a:80%, b:20%
    assistant_share=Fraction(1, 5),  # 5.3(3) b:80%, c:20%
    same_day_share=Fraction(1, 2),  # 2.5 当日成交，奖金则五五分成
    nth_visit_share=Fraction(1, 2),  # 5.3(8) a:50%, 前的销售员50%
    complaint_removes=True,  # 5.3(4)
    discount_visits=True,  # 5.3(6)
    introduction=IntroRule.ORIGINAL_SALESPERSON,  # 5.3(10)
    reallocation=True,  # 5.3(12)
    exhibitions_need_ruling=True,  # 5.3(13)
    disputes=True,  # 5.4
    citations=_RE14_CITES,
)
