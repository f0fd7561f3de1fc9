"""Customer classes (客户分类): admission, channels, value (TIER-3, TIER-4, TIER-8).

Sources: 《石油公司化工品客户管理办法》 (arts. 3, 7, 10, 15, 17) and 《大客户管理方法》, in
the model regulations of 客户管理管理制度; 卷烟零售客户管理 (tobacco retail customer
management) 二 and 三.

* TIER-3: a customer files four documents, then sales reviews, finance
  reviews and the general manager approves; expired documents suspend
  business until renewed; fraud, loss to the company or a legal case removes
  the customer.
* TIER-4: direct customers, exclusive agents and distributors, served in
  that order when supply is short; within a class, higher pick-up completion
  first, then steadier weekly pick-up.
* TIER-8: value classes (价值/次级价值/潜在价值/低价值) worked as core, general
  and problem customers; key accounts by the Pareto rule or an ABC split, with
  explicit tie handling.

>>> order = allocation_order([
...     SupplyCustomer(id="D1", channel="经销商", demand=50, completion_rate=1),
...     SupplyCustomer(id="X1", channel="直销客户", demand=80, completion_rate=0.9),
...     SupplyCustomer(id="A1", channel="独家代理商", demand=60, completion_rate=0.95),
... ])
>>> [c.id for c in order]
['X1', 'A1', 'D1']
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_, Listed, Names, Said, Sub, render_all, said
from custrules.errors import InvalidInputError, InvalidTypeError

__all__ = [
    "AbcClass",
    "AbcPolicy",
    "AdmissionFile",
    "AdmissionState",
    "AdmissionStatus",
    "ApprovalStage",
    "ChannelClass",
    "Qualification",
    "QualificationDocument",
    "RemovalGround",
    "StageApproval",
    "SupplyCustomer",
    "Ties",
    "ValueClass",
    "ValueGroup",
    "abc_classes",
    "admission_status",
    "allocate_supply",
    "allocation_order",
    "channel_class",
    "removal_grounds",
    "value_group",
]


def _amount(value: Any) -> Fraction:
    return _check.volume(value)


# -- TIER-3: admission, suspension, removal ---------------------------------------------


class Qualification(str, enum.Enum):
    """TIER-3 (《石油公司化工品客户管理办法》 art. 7): the documents every customer provides."""

    BUSINESS_LICENCE = "企业营业执照"
    TAX_REGISTRATION = "税务登记证"
    ORGANISATION_CODE = "组织机构代码证"
    INVOICING_DETAILS = "开票资料"


def _to_qualification(value: Any) -> Qualification:
    """A Qualification from itself, its value, its name or its label (errors list the choices)."""
    result: Qualification = _check.member(Qualification, value, "qualification")
    return result


class ApprovalStage(str, enum.Enum):
    """TIER-3: sales reviews, then finance, then the general manager approves."""

    SALES = "销售部审核"
    FINANCE = "财务部审核"
    GENERAL_MANAGER = "总经理审批"


def _to_approval_stage(value: Any) -> ApprovalStage:
    """A ApprovalStage from itself, its value, its name or its label (errors list the choices)."""
    result: ApprovalStage = _check.member(ApprovalStage, value, "approval stage")
    return result


@attrs.frozen(kw_only=True)
class QualificationDocument:
    kind: Qualification = attrs.field(converter=_to_qualification)
    #: None: does not expire
    expires_on: _dt.date | None = attrs.field(default=None, validator=_check.optional_date_attr)
    #: art. 15: proof that renewal is under way keeps business going
    renewal_proof: bool = attrs.field(default=False, validator=_check.flag)


@attrs.frozen(kw_only=True)
class StageApproval:
    stage: ApprovalStage = attrs.field(converter=_to_approval_stage)
    approver: str = attrs.field(validator=_check.nonempty)
    approved_on: _dt.date = attrs.field(validator=_check.date_attr)


class RemovalGround(str, enum.Enum):
    """TIER-3 (《石油公司化工品客户管理办法》 art. 17): any one removes the customer."""

    FRAUD = "提供虚假信息，有欺诈、严重失信等行为"
    COMPANY_LOSS = "给公司造成经济损失或严重影响公司的市场信誉"
    LEGAL_CASE = "违反国家和地方法律法规，被司法或行政机关立案查处"


class AdmissionState(str, enum.Enum):
    PENDING = "pending"
    ADMITTED = "admitted"
    SUSPENDED = "suspended"
    REMOVED = "removed"


def _grounds(value: Iterable[RemovalGround | str]) -> tuple[RemovalGround, ...]:
    return tuple(
        _check.member(RemovalGround, g, "removal ground") for g in _check.items(value, "removal")
    )


def _documents(value: Any) -> tuple[QualificationDocument, ...]:
    return _check.items_of(QualificationDocument, value, "documents")


def _stage_approvals(value: Any) -> tuple[StageApproval, ...]:
    return _check.items_of(StageApproval, value, "approvals")


@attrs.frozen(kw_only=True)
class AdmissionFile:
    """What is on file for one customer (TIER-3)."""

    documents: tuple[QualificationDocument, ...] = attrs.field(default=(), converter=_documents)
    approvals: tuple[StageApproval, ...] = attrs.field(default=(), converter=_stage_approvals)
    removal: tuple[RemovalGround, ...] = attrs.field(default=(), converter=_grounds)


@attrs.frozen(kw_only=True)
class AdmissionStatus:
    state: AdmissionState
    missing: tuple[Qualification, ...] = ()
    expired: tuple[Qualification, ...] = ()
    next_stage: ApprovalStage | None = None
    removal: tuple[RemovalGround, ...] = ()
    #: the reasoning, rendered on demand (``reasons``, ``explain``)
    notes: tuple[Said, ...] = attrs.field(default=(), repr=False)
    rules: tuple[str, ...] = ("TIER-3",)

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasoning, one line a step (English)."""
        return render_all(self.notes)

    def explain(self, lang: str = "en") -> str:
        """The reasoning, one line a step, in ``lang`` (``"en"`` or ``"zh"``)."""
        return "\n".join(render_all(self.notes, lang))


def removal_grounds(
    *,
    false_information_or_fraud: bool = False,
    caused_loss_or_reputational_damage: bool = False,
    under_legal_investigation: bool = False,
) -> tuple[RemovalGround, ...]:
    """The art. 17 grounds that the facts meet (any one removes the customer)."""
    _check.boolean(false_information_or_fraud, "false_information_or_fraud")
    _check.boolean(caused_loss_or_reputational_damage, "caused_loss_or_reputational_damage")
    _check.boolean(under_legal_investigation, "under_legal_investigation")
    grounds = []
    if false_information_or_fraud:
        grounds.append(RemovalGround.FRAUD)
    if caused_loss_or_reputational_damage:
        grounds.append(RemovalGround.COMPANY_LOSS)
    if under_legal_investigation:
        grounds.append(RemovalGround.LEGAL_CASE)
    return tuple(grounds)


def admission_status(file: AdmissionFile, *, on: _dt.date) -> AdmissionStatus:
    """Where a customer stands on a day (TIER-3; 《石油公司化工品客户管理办法》 arts. 7,
    15, 17)."""
    if not isinstance(file, AdmissionFile):
        raise InvalidTypeError.of(
            N_("file must be an AdmissionFile, got {file!r}"),
            code="classes.admission_status.file_admissionfile",
            value=file,
            file=file,
        )
    day = _check.plain_date(on, "on")
    if file.removal:
        return AdmissionStatus(
            state=AdmissionState.REMOVED,
            removal=file.removal,
            notes=tuple(said("removed: {} (art. 17)", g.value) for g in file.removal),
        )
    held = {d.kind for d in file.documents}
    missing = tuple(q for q in Qualification if q not in held)
    # art. 7's chain, read by date (a day's approvals in the chain's order): the same
    # answer whatever order the file lists them in and whichever day is asked
    order = list(ApprovalStage)
    chain = sorted(file.approvals, key=lambda a: (a.approved_on, order.index(a.stage)))
    if [a.stage for a in chain] != order[: len(chain)]:
        raise InvalidInputError.of(
            N_(
                "approvals must come in order: sales, then finance, then the general "
                "manager, each once and no earlier than the one before (got {a})"
            ),
            code="classes.admission_status.approvals_come",
            value=file.approvals,
            a=Names(f"{a.stage.value} {a.approved_on.isoformat()}" for a in chain),
        )
    stages = [a.stage for a in chain if a.approved_on <= day]
    if missing or len(stages) < len(order):
        notes = []
        if missing:
            notes.append(said("missing: {}", Listed(q.value for q in missing)))
        nxt = order[len(stages)] if len(stages) < len(order) else None
        if nxt is not None:
            notes.append(said("waiting for {}", nxt.value))
        return AdmissionStatus(
            state=AdmissionState.PENDING, missing=missing, next_stage=nxt, notes=tuple(notes)
        )
    # art. 15: a kind is expired when no document of it is in force (a renewed licence
    # filed beside the old one is in force)
    in_force = {
        d.kind
        for d in file.documents
        if d.expires_on is None or d.expires_on >= day or d.renewal_proof
    }
    expired = tuple(q for q in Qualification if q in held and q not in in_force)
    if expired:
        return AdmissionStatus(
            state=AdmissionState.SUSPENDED,
            expired=expired,
            notes=(
                said(
                    "business suspended until renewed (art. 15): {}",
                    Listed(q.value for q in expired),
                ),
            ),
        )
    return AdmissionStatus(state=AdmissionState.ADMITTED, notes=(said("admitted"),))


# -- TIER-4: channel classes and allocation priority --------------------------------------


class ChannelClass(str, enum.Enum):
    """TIER-4 (《石油公司化工品客户管理办法》 art. 10), in allocation priority order."""

    DIRECT = "直销客户"  # the product's end user
    EXCLUSIVE_AGENT = "独家代理商"  # sells only this group's products in its region
    DISTRIBUTOR = "经销商"  # also sells competitors' products

    @property
    def priority(self) -> int:
        return list(ChannelClass).index(self)


def _to_channel_class(value: Any) -> ChannelClass:
    """A ChannelClass from itself, its value, its name or its label (errors list the choices)."""
    result: ChannelClass = _check.member(ChannelClass, value, "channel class")
    return result


def channel_class(*, end_user: bool, sells_competing_brands: bool) -> ChannelClass:
    """TIER-4's definitions: end users are direct customers; resellers are
    exclusive agents unless they also sell competitors' products."""
    _check.boolean(end_user, "end_user")
    _check.boolean(sells_competing_brands, "sells_competing_brands")
    if end_user:
        return ChannelClass.DIRECT
    return ChannelClass.DISTRIBUTOR if sells_competing_brands else ChannelClass.EXCLUSIVE_AGENT


def _weekly(value: Any) -> tuple[Fraction, ...]:
    return tuple(_check.volume(v, "a weekly pick-up") for v in _check.items(value, "weekly"))


@attrs.frozen(kw_only=True)
class SupplyCustomer:
    """A customer competing for short supply (TIER-4)."""

    id: str = attrs.field(validator=_check.nonempty)
    channel: ChannelClass = attrs.field(converter=_to_channel_class)
    demand: Fraction = attrs.field(converter=_amount)
    #: picked up / planned, as an exact fraction (提货量完成率)
    completion_rate: Fraction = attrs.field(converter=_amount)
    #: recent weekly pick-ups (周拿货量); steadier is better
    weekly: tuple[Fraction, ...] = attrs.field(default=(), converter=_weekly)

    @property
    def unsteadiness(self) -> Fraction:
        """Squared coefficient of variation of the weekly pick-ups (0 = perfectly
        steady); exact, and ordered like the coefficient itself."""
        if len(self.weekly) < 2:
            return Fraction(0)
        mean = sum(self.weekly, Fraction(0)) / len(self.weekly)
        if mean == 0:
            return Fraction(0)
        var = sum(((w - mean) ** 2 for w in self.weekly), Fraction(0)) / len(self.weekly)
        return var / (mean * mean)


def allocation_order(customers: Iterable[SupplyCustomer]) -> tuple[SupplyCustomer, ...]:
    """Who is served first when supply is short (TIER-4).

    Direct customers, then exclusive agents, then distributors; within a
    class, higher completion rate first, then steadier weekly pick-up, then
    the id (a deterministic tie-break).
    """
    items = _check.items(customers, "customers")
    for c in items:
        if not isinstance(c, SupplyCustomer):
            raise InvalidTypeError.of(
                N_("expected SupplyCustomer objects, got {c!r:.60}"),
                code="classes.allocation_order.expected_supplycustomer",
                value=c,
                c=c,
            )
    ids = [c.id for c in items]
    if len(set(ids)) != len(ids):
        raise InvalidInputError.of(
            N_("customer ids must be unique"),
            code="classes.allocation_order.customer_ids",
            value=ids,
        )
    return tuple(
        sorted(
            items,
            key=lambda c: (c.channel.priority, -c.completion_rate, c.unsteadiness, c.id),
        )
    )


def allocate_supply(supply: Any, customers: Iterable[SupplyCustomer]) -> dict[str, Fraction]:
    """Fill demands in :func:`allocation_order` until ``supply`` runs out (TIER-4)."""
    left = _check.volume(supply, "supply")
    out: dict[str, Fraction] = {}
    for c in allocation_order(customers):
        give = min(left, c.demand)
        out[c.id] = give
        left -= give
    return out


# -- TIER-8: value classes and key accounts ------------------------------------------------


class ValueClass(str, enum.Enum):
    """TIER-8 (卷烟零售客户管理 三): the four value classes."""

    VALUE = "价值客户"
    SECONDARY_VALUE = "次级价值客户"
    POTENTIAL_VALUE = "潜在价值客户"
    LOW_VALUE = "低价值客户"


class ValueGroup(str, enum.Enum):
    """TIER-8: how the four classes are worked in practice."""

    CORE = "核心客户"
    GENERAL = "一般客户"
    PROBLEM = "问题客户"


#: The library's reading of "直接分为核心客户、一般客户和问题客户" (the regulation gives
#: no mapping): pass your own ``mapping`` to :func:`value_group` to differ.
_DEFAULT_GROUPS = {
    ValueClass.VALUE: ValueGroup.CORE,
    ValueClass.SECONDARY_VALUE: ValueGroup.GENERAL,
    ValueClass.POTENTIAL_VALUE: ValueGroup.GENERAL,
    ValueClass.LOW_VALUE: ValueGroup.PROBLEM,
}


def value_group(
    value_class: ValueClass | str,
    *,
    mapping: Mapping[ValueClass, ValueGroup] | None = None,
) -> ValueGroup:
    """The working group of a value class (TIER-8)."""
    cls = _check.member(ValueClass, value_class, "value class")
    table = _DEFAULT_GROUPS if mapping is None else _check.mapping(mapping, "mapping")
    if cls not in table:
        raise InvalidInputError.of(
            N_("the mapping does not place {name}"),
            code="classes.value_group.mapping_does",
            value=mapping,
            name=cls.value,
        )
    group: ValueGroup = _check.member(ValueGroup, table[cls], "value group")
    return group


class Ties(str, enum.Enum):
    """How customers with equal figures are treated at a class boundary."""

    #: equal customers stay together, in the higher class
    TOGETHER_UP = "together_up"
    #: equal customers stay together, in the lower class
    TOGETHER_DOWN = "together_down"
    #: break ties by customer id (ascending), so the cut is exact
    BY_ID = "by_id"


def _to_ties(value: Any) -> Ties:
    """A Ties from itself, its value, its name or its label (errors list the choices)."""
    result: Ties = _check.member(Ties, value, "ties")
    return result


class AbcClass(str, enum.Enum):
    A = "A"
    B = "B"
    C = "C"


@attrs.frozen(kw_only=True)
class AbcPolicy:
    """An ABC split (TIER-8).

    ``by_value=False``: class A is the top ``a`` share of customers by count
    (e.g. the top 10 %), B the next ``b``.  ``by_value=True``: A is the
    smallest set of top customers whose figures reach share ``a`` of the
    total (Pareto: 80 % of profit), B up to ``a + b``.
    """

    a: Fraction = attrs.field(converter=_check.share)
    b: Fraction = attrs.field(default=Fraction(0), converter=_check.share)
    by_value: bool = attrs.field(default=False, validator=_check.flag)
    ties: Ties = attrs.field(default=Ties.TOGETHER_UP, converter=_to_ties)

    def __attrs_post_init__(self) -> None:
        if self.a + self.b > 1:
            raise InvalidInputError.of(
                N_("a + b must not pass 1, got {a}"),
                code="classes.abcpolicy.b_not",
                value=(self.a, self.b),
                a=self.a + self.b,
            )


def _figure_of(key: Any) -> Sub:
    return Sub((N_("the figure of {}"), (key,)))


def abc_classes(figures: Mapping[str, Any], policy: AbcPolicy) -> dict[str, AbcClass]:
    """Split customers into A, B and C by their figures (TIER-8).

    Every customer gets exactly one class.  Ties at a boundary follow
    ``policy.ties``.

    >>> profit = {"甲": 500, "乙": 300, "丙": 100, "丁": 60, "戊": 40}
    >>> classes = abc_classes(profit, AbcPolicy(a="0.8", by_value=True))  # 80 % of profit
    >>> "".join(c.value for c in classes.values())
    'AACCC'

    """
    if not isinstance(policy, AbcPolicy):
        raise InvalidTypeError.of(
            N_("policy must be an AbcPolicy, got {policy!r}"),
            code="classes.abc_classes.policy_abcpolicy",
            value=policy,
            policy=policy,
        )
    values = {
        k: _check.volume(v, _figure_of(k)) for k, v in _check.mapping(figures, "figures").items()
    }
    for key in values:
        if isinstance(key, str):
            _check.text(key, "a customer id")  # ('甲 ' and '甲' would be two customers)
    # ties by id: by the id as text, then by its type (the ids 1 and "1" are two customers)
    order = sorted(values, key=lambda k: (-values[k], str(k), type(k).__name__))
    n = len(order)
    if n == 0:
        return {}
    total = sum(values.values(), Fraction(0))

    def cut(share: Fraction) -> int:
        """How many top customers the first ``share`` takes, before tie rules."""
        if share == 0:
            return 0
        if not policy.by_value:
            count = share * n
            whole = int(count)
            return whole if whole == count else whole + 1  # ceil: "top 10 %" of 15 is 2
        if total == 0:
            return 0
        running = Fraction(0)
        for i, key in enumerate(order):
            running += values[key]
            if running >= share * total:
                return i + 1
        return n

    def settle(k: int) -> int:
        if policy.ties is Ties.BY_ID or k in (0, n):
            return k
        edge = values[order[k - 1]]
        if values[order[k]] != edge:
            return k
        if policy.ties is Ties.TOGETHER_UP:
            while k < n and values[order[k]] == edge:
                k += 1
            return k
        while k > 0 and values[order[k - 1]] == edge:
            k -= 1
        return k

    a_end = settle(cut(policy.a))
    b_end = max(a_end, settle(cut(policy.a + policy.b))) if policy.b else a_end
    out: dict[Any, AbcClass] = {}
    for i, key in enumerate(order):
        out[key] = AbcClass.A if i < a_end else AbcClass.B if i < b_end else AbcClass.C
    return {k: out[k] for k in figures}
