"""Attribution policies as data: RE11, RE12 and RE14 (private; see the package)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from custrules import _check
from custrules._frozen import FrozenMap
from custrules._i18n import N_, Names
from custrules.errors import InvalidInputError, InvalidTypeError


def _optional_share(value: Any) -> Fraction | None:
    return None if value is None else _check.share(value)


def _months(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _check.integer(value, attribute.name)
        if value < 1:
            raise InvalidInputError.of(
                N_("{name} must be at least 1, got {shown}"),
                code="realestate.policy.months.least",
                name=attribute.name,
                shown=value,
            )


class ConfirmationCutoff(str, enum.Enum):
    """Until when a project manager's confirmation of a registration counts for a deal.

    RE12-7.2: a registration is valid only once the project manager confirmed
    it; the forms are confirmed daily, usually in the evening, and are the
    basis for settling commission afterwards (RE12 §7).
    """

    #: confirmed by 24:00 (China time) of the deal's day: the evening check of
    #: the day's forms still counts for a deal closed that afternoon (default)
    DEAL_DAY = "deal_day"
    #: confirmed no later than the deal itself
    DEAL = "deal"


def _to_confirmation_cutoff(value: Any) -> ConfirmationCutoff:
    """A ConfirmationCutoff from itself, its value or its name (errors list the choices)."""
    result: ConfirmationCutoff = _check.member(ConfirmationCutoff, value, "confirmation cutoff")
    return result


class HouseholdRule(str, enum.Enum):
    """Members of one household received by different salespeople."""

    #: RE12-7.4: the salespeople serve them jointly and split equally
    SPLIT = "split"
    #: RE14-5.3(11): the first salesperson wins
    FIRST_WINS = "first_wins"


def _to_household_rule(value: Any) -> HouseholdRule:
    """A HouseholdRule from itself, its value or its name (errors list the choices)."""
    result: HouseholdRule = _check.member(HouseholdRule, value, "household rule")
    return result


def _to_optional_household_rule(value: Any) -> HouseholdRule | None:
    """None, or a HouseholdRule from itself, its value or its name (errors list the choices)."""
    return None if value is None else _to_household_rule(value)


class ForgotRule(str, enum.Enum):
    """A returning customer who cannot say who received them."""

    #: RE12-3.7: same-day recognition, deal on the spot, or recognition
    #: within a window decide (g, h, i, j)
    RECOGNITION_WINDOW = "recognition_window"
    #: RE14-5.3(7): the rotation receives; the earlier salesperson shares only
    #: if found in the records while the registration is valid
    RECORDS = "records"


def _to_forgot_rule(value: Any) -> ForgotRule:
    """A ForgotRule from itself, its value or its name (errors list the choices)."""
    result: ForgotRule = _check.member(ForgotRule, value, "forgot rule")
    return result


def _to_optional_forgot_rule(value: Any) -> ForgotRule | None:
    """None, or a ForgotRule from itself, its value or its name (errors list the choices)."""
    return None if value is None else _to_forgot_rule(value)


class SwitchRule(str, enum.Enum):
    """A customer asking for another salesperson."""

    #: RE12-3.10 (refusals by fault), RE12-5.2 (new customer names another:
    #: 70/30 if permitted) and RE12-5.3 (returning customer: courtesy only)
    RE12 = "re12"
    #: RE14-5.3(2) (the customer's wish prevails: the new salesperson's deal,
    #: 80/20 while the earlier registration is valid)
    RE14 = "re14"


def _to_switch_rule(value: Any) -> SwitchRule:
    """A SwitchRule from itself, its value or its name (errors list the choices)."""
    result: SwitchRule = _check.member(SwitchRule, value, "switch rule")
    return result


def _to_optional_switch_rule(value: Any) -> SwitchRule | None:
    """None, or a SwitchRule from itself, its value or its name (errors list the choices)."""
    return None if value is None else _to_switch_rule(value)


class IntroRule(str, enum.Enum):
    """A new customer introduced by an old one."""

    #: RE12-7.5 (and 5.4): the old customer's salesperson only when the old
    #: customer phoned ahead or came along; otherwise a new customer
    APPOINTMENT = "appointment"
    #: RE14-5.3(10): always the old customer's original salesperson
    ORIGINAL_SALESPERSON = "original_salesperson"


def _to_intro_rule(value: Any) -> IntroRule:
    """A IntroRule from itself, its value or its name (errors list the choices)."""
    result: IntroRule = _check.member(IntroRule, value, "intro rule")
    return result


def _to_optional_intro_rule(value: Any) -> IntroRule | None:
    """None, or a IntroRule from itself, its value or its name (errors list the choices)."""
    return None if value is None else _to_intro_rule(value)


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
    if not isinstance(value, Mapping):
        raise InvalidTypeError.of(
            N_("citations must be a mapping of principle -> rule ID, got {value!r:.60}"),
            code="realestate.policy.citations.mapping",
            value=value,
        )
    for key in value:
        if key not in PRINCIPLES:
            raise InvalidInputError.of(
                N_("citations: {key!r} is not a principle the engine cites; use one of {a}"),
                code="realestate.policy.citations.unknown_principle",
                value=key,
                key=key,
                a=Names(PRINCIPLES),
            )
    return FrozenMap({k: _check.text(v, "a rule ID") for k, v in value.items()})


_RE12_CITES = {
    "valid": "RE12-7.1",
    "confirmed": "RE12-7.2",
    "earlier": "RE12-7.3",
    "household": "RE12-7.4",
    "introduction": "RE12-7.5",
    "after_deal": "RE12-7.6",
    "closer": "RE12-7.1",
    "tie": "RE12-7.3",
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
    "closer": "RE14-5.2",
    "tie": "RE14-5.1",
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

    :data:`RE12` (with RE11 referrals) and :data:`RE14` are the regulations'
    policies; a host builds a variant with ``attrs.evolve(RE12, ...)``.
    ``None`` for an optional clause means the policy has no such clause:
    a case that needs it is sent to a manager's ruling.
    """

    name: str = attrs.field(validator=_check.nonempty)
    #: how long a registration gives a claim (CAL-5 months); None: no limit
    registration_validity_months: int | None = attrs.field(default=None, validator=_months)
    #: a registration counts only once the project manager confirmed it
    registration_needs_confirmation: bool = attrs.field(default=False, validator=_check.flag)
    #: until when a confirmation counts for a deal (RE12-7.2; see ConfirmationCutoff)
    confirmation_cutoff: ConfirmationCutoff = attrs.field(
        default=ConfirmationCutoff.DEAL_DAY,
        converter=_to_confirmation_cutoff,
    )
    #: RE14-5.1: the manager's evening-meeting record decides a first visit that the
    #: registration times cannot order (False: such a tie needs a ruling)
    meeting_record_decides: bool = attrs.field(default=False, validator=_check.flag)
    #: None: the policy has no household clause (such a case needs a ruling)
    household: HouseholdRule | None = attrs.field(
        default=HouseholdRule.SPLIT,
        converter=_to_optional_household_rule,
    )
    forgot: ForgotRule | None = attrs.field(default=None, converter=_to_optional_forgot_rule)
    #: RE12-3.7(i): the recognition window, in months
    recognition_window_months: int = attrs.field(default=1, validator=_months)
    #: RE12-3.7(i), RE14-5.3(7): the earlier salesperson's share when recognised
    recognition_share: Fraction = attrs.field(default=Fraction(1, 2), converter=_check.share)
    switch: SwitchRule | None = attrs.field(default=None, converter=_to_optional_switch_rule)
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
    complaint_removes: bool = attrs.field(default=False, validator=_check.flag)
    #: RE14-5.3(6): a customer seeking a discount from another salesperson
    discount_visits: bool = attrs.field(default=False, validator=_check.flag)
    #: None: the policy has no clause for customers introduced by old customers
    introduction: IntroRule | None = attrs.field(
        default=IntroRule.APPOINTMENT,
        converter=_to_optional_intro_rule,
    )
    referral: ReferralTerms | None = attrs.field(
        default=None, validator=_check.instance_of(ReferralTerms, optional=True)
    )
    company: CompanyTerms | None = attrs.field(
        default=None, validator=_check.instance_of(CompanyTerms, optional=True)
    )
    #: RE14-5.3(12): the manager's random re-allocation is a clause
    reallocation: bool = attrs.field(default=False, validator=_check.flag)
    #: RE14-5.3(13): customers from exhibitions and openings need the manager
    exhibitions_need_ruling: bool = attrs.field(default=False, validator=_check.flag)
    #: RE14-5.4: crossed-customer disputes (quarrels go to the department)
    disputes: bool = attrs.field(default=False, validator=_check.flag)
    #: RE12-7.7: a ruling counts only once the sales director approved it
    ruling_needs_approval: bool = attrs.field(default=False, validator=_check.flag)
    #: which rule ID to cite for each shared principle; a key the policy has no
    #: clause for is cited as the policy's name (the case then needs a ruling)
    citations: Mapping[str, str] = attrs.field(factory=dict, converter=_citations)

    #: every principle's key -> the rule ID cited for it (the policy's name where it
    #: has no such clause); computed once
    cite_table: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        table = {key: self.citations.get(key, self.name) for key in PRINCIPLES}
        object.__setattr__(self, "cite_table", FrozenMap(table))

    def cite(self, key: str) -> str:
        """The rule ID this policy cites for a principle (its name where it has no clause)."""
        return self.citations.get(_check.text(key, "a principle"), self.name)

    @property
    def clauses(self) -> frozenset[str]:
        """Every rule ID this policy's explanations can cite (its clause sets)."""
        ids = set(self.citations.values()) | {self.name}
        for present, rules in (
            (self.forgot is ForgotRule.RECOGNITION_WINDOW, _RECOGNITION_CLAUSES),
            (self.forgot is ForgotRule.RECORDS, ("RE14-5.3(1)", "RE14-5.3(7)")),
            (self.switch is SwitchRule.RE12, ("RE12-3.10", "RE12-5.2", "RE12-5.3")),
            (self.switch is SwitchRule.RE14, ("RE14-5.2", "RE14-5.3(2)", "RE14-5.3(5)")),
            (self.assistant_share is not None, ("RE14-5.3(3)",)),
            (self.same_day_share is not None, ("RE14-2.5",)),
            (self.nth_visit_share is not None, ("RE14-5.3(8)",)),
            (self.complaint_removes, ("RE14-5.3(4)",)),
            (self.discount_visits, ("RE14-5.3(6)",)),
            (self.introduction is IntroRule.APPOINTMENT, ("RE12-7.5",)),
            (self.referral is not None, _REFERRAL_CLAUSES),
            (self.company is not None, _COMPANY_CLAUSES),
            (self.reallocation, ("RE14-5.3(12)",)),
            (self.exhibitions_need_ruling, ("RE14-5.3(13)",)),
            (self.disputes, ("RE14-5.4",)),
            (self.meeting_record_decides, ("RE14-5.1",)),
        ):
            if present:
                ids.update(rules)
        return frozenset(ids)


#: the shared principles a policy cites by key (``citations``), each mapped to a clause
PRINCIPLES = (
    "valid",
    "confirmed",
    "earlier",
    "household",
    "introduction",
    "after_deal",
    "closer",
    "tie",
    "fallback",
    "ruling",
    "returning",
    "courtesy",
    "designated",
    "rotation",
)

#: the clause sets a policy composes
_RECOGNITION_CLAUSES = ("RE12-3.7", "RE12-3.7(g)", "RE12-3.7(h)", "RE12-3.7(i)", "RE12-3.7(j)")
#: RE11 (employee referrals), which RE12 takes in whole by its §6(2)
_REFERRAL_CLAUSES = ("RE11-1", "RE11-2", "RE11-3", "RE11-4", "RE11-5", "RE11-6")
_COMPANY_CLAUSES = ("RE12-6.1", "RE12-6.2", "RE12-6.3", "RE12-6.4", "RE12-6.5")


#: RE12: 《万科房地产销售部客户管理制度》 (a sales office's customer rules), with employee
#: referrals (RE11, by its §6(2)) and company customers (§6(1)).
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

#: RE11: employee referrals on their own (《房地产公司员工介绍客户管理办法》).  Its clauses decide
#: a referral and its 30 % (RE11-1 to RE11-6), and that the earlier registration
#: beats a referral (RE11-4); registrations do not lapse.  It has no clause for
#: households, forgetful customers, switches, old customers' introductions,
#: company customers or disputes: such a case needs a ruling.  RE12 takes these
#: clauses in whole (its §6(2)); use RE12 for a sales office's full rules.
RE11 = AttributionPolicy(
    name="RE11",
    household=None,
    introduction=None,
    referral=ReferralTerms(referrer_share=Fraction(3, 10)),  # RE11-6
    citations={"earlier": "RE11-4", "tie": "RE11-4", "confirmed": "RE11-4", "closer": "RE11-5"},
)

#: RE14: 《房地产销售客户管理细则》 (sales customer management rules).
RE14 = AttributionPolicy(
    name="RE14",
    registration_validity_months=2,  # 5.2(1) 客户建档有效期为2个月
    registration_needs_confirmation=False,  # 5.1 the register and meeting record decide
    meeting_record_decides=True,  # 5.1 以登记时间及经理晚会记录为准
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
