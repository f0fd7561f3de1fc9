"""TIER-3 (admission), TIER-4 (channels and allocation), TIER-8 (value, key accounts)."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    AbcClass,
    AbcPolicy,
    AdmissionFile,
    AdmissionState,
    ApprovalStage,
    ChannelClass,
    InvalidInputError,
    Qualification,
    QualificationDocument,
    RemovalGround,
    StageApproval,
    SupplyCustomer,
    Ties,
    UnknownLabelError,
    ValueClass,
    ValueGroup,
    abc_classes,
    admission_status,
    allocate_supply,
    allocation_order,
    channel_class,
    removal_grounds,
    retention,
    value_group,
)

D = dt.date
ALL_DOCS = tuple(QualificationDocument(kind=q) for q in Qualification)
ALL_STAGES = (
    StageApproval(stage=ApprovalStage.SALES, approver="销售部", approved_on=D(2026, 3, 2)),
    StageApproval(stage=ApprovalStage.FINANCE, approver="财务部", approved_on=D(2026, 3, 3)),
    StageApproval(
        stage=ApprovalStage.GENERAL_MANAGER, approver="总经理", approved_on=D(2026, 3, 4)
    ),
)


# -- TIER-3 -------------------------------------------------------------------------


def test_tier3_admitted_after_documents_and_three_approvals() -> None:
    file = AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES)
    assert admission_status(file, on=D(2026, 3, 5)).state is AdmissionState.ADMITTED
    waiting = admission_status(file, on=D(2026, 3, 3))
    assert (waiting.state, waiting.next_stage) == (
        AdmissionState.PENDING,
        ApprovalStage.GENERAL_MANAGER,
    )


def test_tier3_missing_documents_keep_it_pending() -> None:
    file = AdmissionFile(documents=ALL_DOCS[:2], approvals=ALL_STAGES)
    status = admission_status(file, on=D(2026, 3, 5))
    assert status.state is AdmissionState.PENDING
    assert status.missing == (Qualification.ORGANISATION_CODE, Qualification.INVOICING_DETAILS)


def test_tier3_the_status_explains_itself_in_both_languages() -> None:
    file = AdmissionFile(documents=ALL_DOCS[:2], approvals=ALL_STAGES[:1])
    status = admission_status(file, on=D(2026, 3, 5))
    assert status.explain() == "missing: 组织机构代码证, 开票资料\nwaiting for 财务部审核"
    assert status.explain("zh") == "缺少：组织机构代码证、开票资料\n等待财务部审核"
    admitted = admission_status(
        AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES), on=D(2026, 3, 5)
    )
    assert (admitted.explain(), admitted.explain("zh")) == ("admitted", "准入")


def test_tier3_approvals_come_in_order() -> None:
    file = AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES[1:])
    with pytest.raises(InvalidInputError, match="in order"):
        admission_status(file, on=D(2026, 3, 5))


def test_tier3_expired_documents_suspend_until_renewed() -> None:
    expiring = QualificationDocument(
        kind=Qualification.BUSINESS_LICENCE, expires_on=D(2026, 6, 30)
    )
    docs = (expiring, *ALL_DOCS[1:])
    file = AdmissionFile(documents=docs, approvals=ALL_STAGES)
    assert admission_status(file, on=D(2026, 6, 30)).state is AdmissionState.ADMITTED
    later = admission_status(file, on=D(2026, 7, 1))
    assert (later.state, later.expired) == (
        AdmissionState.SUSPENDED,
        (Qualification.BUSINESS_LICENCE,),
    )
    proof = QualificationDocument(
        kind=Qualification.BUSINESS_LICENCE, expires_on=D(2026, 6, 30), renewal_proof=True
    )
    file = AdmissionFile(documents=(proof, *ALL_DOCS[1:]), approvals=ALL_STAGES)
    assert admission_status(file, on=D(2026, 7, 1)).state is AdmissionState.ADMITTED


def test_tier3_a_renewed_document_filed_beside_the_expired_one_is_in_force() -> None:
    """Art. 15 suspends business until the document is renewed: a file that keeps the
    expired licence beside its renewal is not suspended; with both expired it is, and
    names the kind once."""
    old = QualificationDocument(kind=Qualification.BUSINESS_LICENCE, expires_on=D(2026, 6, 30))
    new = QualificationDocument(kind=Qualification.BUSINESS_LICENCE, expires_on=D(2031, 6, 30))
    for docs in ((old, new, *ALL_DOCS[1:]), (new, *ALL_DOCS[1:], old)):
        file = AdmissionFile(documents=docs, approvals=ALL_STAGES)
        assert admission_status(file, on=D(2026, 7, 1)).state is AdmissionState.ADMITTED
        later = admission_status(file, on=D(2031, 7, 1))
        assert (later.state, later.expired) == (
            AdmissionState.SUSPENDED,
            (Qualification.BUSINESS_LICENCE,),
        )


def test_tier3_the_approvals_are_read_by_their_dates() -> None:
    """Art. 7's chain (sales, finance, general manager) is in time: approvals listed in
    another order but dated in the chain's order give the same answers; a finance
    approval dated before the sales review is refused whichever day is asked."""
    listed = AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES[::-1])
    for day in (1, 2, 3, 4, 5):
        ordered = admission_status(
            AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES), on=D(2026, 3, day)
        )
        assert admission_status(listed, on=D(2026, 3, day)) == ordered
    early = StageApproval(
        stage=ApprovalStage.FINANCE, approver="财务部", approved_on=D(2026, 3, 1)
    )
    file = AdmissionFile(documents=ALL_DOCS, approvals=(ALL_STAGES[0], early, ALL_STAGES[2]))
    for day in (1, 2, 5):
        with pytest.raises(InvalidInputError) as caught:
            admission_status(file, on=D(2026, 3, day))
        assert caught.value.code == "classes.admission_status.approvals_come"
        assert "财务部审核 2026-03-01, 销售部审核 2026-03-02" in str(caught.value)
    again = AdmissionFile(documents=ALL_DOCS, approvals=(*ALL_STAGES, ALL_STAGES[0]))
    with pytest.raises(InvalidInputError, match="each once"):
        admission_status(again, on=D(2026, 3, 5))


@st.composite
def admission_files(draw: st.DrawFn) -> AdmissionFile:
    """A file: any documents (a kind twice, expired, with proof of renewal), and the
    chain's first stages dated in order, or not."""
    days = st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 12, 31))
    documents = draw(
        st.lists(
            st.builds(
                QualificationDocument,
                kind=st.sampled_from(Qualification),
                expires_on=st.none() | days,
                renewal_proof=st.booleans(),
            ),
            max_size=6,
        )
    )
    stages = list(ApprovalStage)[: draw(st.integers(0, 3))]
    approvals = [
        StageApproval(stage=stage, approver="某", approved_on=draw(days)) for stage in stages
    ]
    return AdmissionFile(documents=documents, approvals=draw(st.permutations(approvals)))


@given(admission_files(), st.dates(min_value=D(2026, 1, 1), max_value=D(2027, 1, 31)), st.data())
def test_tier3_the_status_does_not_depend_on_the_files_order(
    file: AdmissionFile, day: dt.date, data: st.DataObject
) -> None:
    """The same file listed in any order gives the same status; the approvals stand when
    each stage is dated no earlier than the one before it, whatever day is asked; a kind
    is expired exactly when no document of it is in force."""
    shuffled = AdmissionFile(
        documents=data.draw(st.permutations(file.documents)),
        approvals=data.draw(st.permutations(file.approvals)),
    )
    by_stage = {a.stage: a.approved_on for a in file.approvals}
    dates = [by_stage[stage] for stage in ApprovalStage if stage in by_stage]
    if dates != sorted(dates):
        for f in (file, shuffled):
            with pytest.raises(InvalidInputError):
                admission_status(f, on=day)
        return
    status = admission_status(file, on=day)
    assert admission_status(shuffled, on=day) == status
    if status.state in (AdmissionState.SUSPENDED, AdmissionState.ADMITTED):
        for kind in Qualification:
            of_kind = [d for d in file.documents if d.kind is kind]
            lapsed = all(
                d.expires_on is not None and d.expires_on < day and not d.renewal_proof
                for d in of_kind
            )
            assert (kind in status.expired) == lapsed


def test_customer_ids_are_refused_as_names_are() -> None:
    """'甲 ' from a spreadsheet and '甲' from a form would be two customers: a lost one and an
    acquired one in retention, two rows in an ABC split (before: accepted)."""
    with pytest.raises(InvalidInputError, match="begins or ends with a space"):
        retention(at_start={"甲", "乙"}, at_end={"甲 ", "乙"})
    with pytest.raises(InvalidInputError, match="NFC"):
        abc_classes({"\uf90a": 5, "乙": 1}, AbcPolicy(a=Fraction(1, 2)))
    assert abc_classes({1: 5, "1": 1}, AbcPolicy(a=Fraction(1, 2))) == {
        1: AbcClass.A,
        "1": AbcClass.C,
    }


def test_tier3_any_ground_removes() -> None:
    assert removal_grounds() == ()
    grounds = removal_grounds(under_legal_investigation=True)
    assert grounds == (RemovalGround.LEGAL_CASE,)
    file = AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES, removal=grounds)
    status = admission_status(file, on=D(2026, 3, 5))
    assert status.state is AdmissionState.REMOVED
    assert "立案查处" in status.reasons[0]


# -- TIER-4 -------------------------------------------------------------------------


def test_tier4_classes_from_the_definitions() -> None:
    assert channel_class(end_user=True, sells_competing_brands=False) is ChannelClass.DIRECT
    assert (
        channel_class(end_user=False, sells_competing_brands=False) is ChannelClass.EXCLUSIVE_AGENT
    )
    assert channel_class(end_user=False, sells_competing_brands=True) is ChannelClass.DISTRIBUTOR


def customer(i: str, channel: str, rate: object, weekly: tuple[int, ...] = ()) -> SupplyCustomer:
    return SupplyCustomer(id=i, channel=channel, demand=100, completion_rate=rate, weekly=weekly)


def test_tier4_priority_class_then_completion_then_steadiness() -> None:
    people = [
        customer("D-steady", "经销商", Fraction(9, 10), (25, 25, 25, 25)),
        customer("D-bumpy", "经销商", Fraction(9, 10), (0, 50, 0, 50)),
        customer("D-best", "经销商", Fraction(95, 100), (0, 100, 0, 0)),
        customer("A", "独家代理商", Fraction(1, 2)),
        customer("X", "直销客户", Fraction(1, 10)),
    ]
    order = [c.id for c in allocation_order(people)]
    assert order == ["X", "A", "D-best", "D-steady", "D-bumpy"]
    shares = allocate_supply(250, people)
    assert shares == {"X": 100, "A": 100, "D-best": 50, "D-steady": 0, "D-bumpy": 0}


def test_tier4_unique_ids() -> None:
    with pytest.raises(InvalidInputError, match="unique"):
        allocation_order([customer("A", "经销商", 1), customer("A", "直销客户", 1)])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(ChannelClass)),
            st.integers(min_value=0, max_value=500),
            st.fractions(min_value=0, max_value=1, max_denominator=10**9),
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=3000),
)
def test_tier4_allocation_never_exceeds_supply_or_demand(
    rows: list[tuple[ChannelClass, int, Fraction]], supply: int
) -> None:
    people = [
        SupplyCustomer(id=f"c{i}", channel=ch, demand=d, completion_rate=r)
        for i, (ch, d, r) in enumerate(rows)
    ]
    got = allocate_supply(supply, people)
    assert sum(got.values()) == min(supply, sum(c.demand for c in people))
    assert all(0 <= got[c.id] <= c.demand for c in people)
    # a higher class is never left short while a lower one receives anything
    order = allocation_order(people)
    served_short = False
    for c in order:
        if served_short:
            assert got[c.id] == 0
        if got[c.id] < c.demand:
            served_short = True


# -- TIER-8 -------------------------------------------------------------------------


def test_tier8_value_groups() -> None:
    assert value_group("价值客户") is ValueGroup.CORE
    assert value_group(ValueClass.POTENTIAL_VALUE) is ValueGroup.GENERAL
    assert value_group("low_value") is ValueGroup.PROBLEM
    mine = dict.fromkeys(ValueClass, ValueGroup.GENERAL)
    assert value_group("VALUE", mapping=mine) is ValueGroup.GENERAL
    with pytest.raises(UnknownLabelError):
        value_group("VIP")


def test_tier8_pareto_by_value() -> None:
    profit = {"甲": 500, "乙": 300, "丙": 100, "丁": 60, "戊": 40}
    got = abc_classes(profit, AbcPolicy(a=Fraction(8, 10), by_value=True))
    assert [k for k, v in got.items() if v is AbcClass.A] == ["甲", "乙"]


def test_tier8_top_ten_percent_by_count() -> None:
    """The carrier's ABC example: the top 10 % of customers by revenue."""
    revenue = {f"c{i:02d}": 100 - i for i in range(20)}
    got = abc_classes(revenue, AbcPolicy(a=Fraction(1, 10)))
    assert sorted(k for k, v in got.items() if v is AbcClass.A) == ["c00", "c01"]
    three = abc_classes(revenue, AbcPolicy(a=Fraction(1, 10), b=Fraction(2, 10)))
    assert sum(v is AbcClass.B for v in three.values()) == 4


def test_tier8_by_value_a_takes_the_fewest_reaching_the_share() -> None:
    """3/4 of a total of 4 is 3: a (2) alone falls short, a and b (3) reach it."""
    got = abc_classes(
        {"a": 2, "b": 1, "c": 1}, AbcPolicy(a=Fraction(3, 4), by_value=True, ties=Ties.BY_ID)
    )
    assert [v.value for v in got.values()] == ["A", "A", "C"]


def test_tier8_nothing_to_share_puts_nobody_in_a() -> None:
    """By value, a share of a zero total takes nobody (all figures are 0)."""
    got = abc_classes({"甲": 0, "乙": 0}, AbcPolicy(a=Fraction(1, 2), by_value=True))
    assert set(got.values()) == {AbcClass.C}


def test_tier8_a_share_of_a_count_rounds_up() -> None:
    """ "The top 10 %" of 15 customers is 2 of them (1.5 rounded up), not 1; the next
    10 % ends where the top 20 % (3 of them) ends."""
    revenue = {f"c{i:02d}": 100 - i for i in range(15)}
    got = abc_classes(revenue, AbcPolicy(a=Fraction(1, 10), b=Fraction(1, 10)))
    assert [v.value for v in got.values()] == ["A", "A", "B", *["C"] * 12]


def test_tier8_ids_that_read_alike_are_two_customers() -> None:
    """The ids 1 and "1" are two customers: each keeps its own figure and class (the
    split once wrote ids as text, so one silently replaced the other)."""
    got = abc_classes({1: 100, "1": 5, "x": 50}, AbcPolicy(a=Fraction(2, 3)))
    assert got == {1: AbcClass.A, "1": AbcClass.C, "x": AbcClass.A}
    tied = abc_classes({1: 7, "1": 7}, AbcPolicy(a=Fraction(1, 2), ties=Ties.BY_ID))
    assert tied == {1: AbcClass.A, "1": AbcClass.C}  # by id as text, then int before str


@pytest.mark.parametrize(
    ("ties", "a_members"),
    [
        (Ties.TOGETHER_UP, ["p", "q", "r"]),
        (Ties.TOGETHER_DOWN, ["p"]),
        (Ties.BY_ID, ["p", "q"]),
    ],
)
def test_tier8_ties_at_the_boundary_are_explicit(ties: Ties, a_members: list[str]) -> None:
    figures = {"p": 90, "q": 50, "r": 50, "s": 10, "t": 5}
    got = abc_classes(figures, AbcPolicy(a=Fraction(2, 5), ties=ties))  # 2 of 5 by count
    assert sorted(k for k, v in got.items() if v is AbcClass.A) == a_members


def test_tier8_bad_policies() -> None:
    with pytest.raises(InvalidInputError, match="between 0 and 1"):
        AbcPolicy(a=Fraction(3, 2))
    with pytest.raises(InvalidInputError, match="must not pass 1"):
        AbcPolicy(a=Fraction(7, 10), b=Fraction(4, 10))
    with pytest.raises(InvalidInputError, match="negative"):
        abc_classes({"x": -1}, AbcPolicy(a=Fraction(1, 2)))


_IDS = st.text(st.characters(categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=3).filter(
    lambda t: unicodedata.is_normalized("NFC", t)
)


@given(
    st.dictionaries(_IDS, st.integers(min_value=0, max_value=50), max_size=30),
    st.fractions(min_value=0, max_value=1, max_denominator=10**9),
    st.fractions(min_value=0, max_value=1, max_denominator=10**9),
    st.booleans(),
    st.sampled_from(list(Ties)),
)
def test_tier8_classes_partition_the_customers(
    figures: dict[str, int], a: Fraction, b: Fraction, by_value: bool, ties: Ties
) -> None:
    b = min(b, 1 - a)
    got = abc_classes(figures, AbcPolicy(a=a, b=b, by_value=by_value, ties=ties))
    assert set(got) == set(figures)
    tops = [k for k, v in got.items() if v is AbcClass.A]
    if ties is Ties.BY_ID and not by_value:
        assert len(tops) == math.ceil(a * len(figures))  # a share of the count, rounded up
    if ties is Ties.BY_ID and by_value and sum(figures.values()) > 0 and a > 0:
        # the fewest top customers whose figures reach the share of the total
        top_sum = sum(figures[k] for k in tops)
        assert top_sum >= a * sum(figures.values())
        assert top_sum - min(figures[k] for k in tops) < a * sum(figures.values())
    rank = {AbcClass.A: 0, AbcClass.B: 1, AbcClass.C: 2}
    # a customer with a larger figure is never in a lower class
    for x in figures:
        for y in figures:
            if figures[x] > figures[y]:
                assert rank[got[x]] <= rank[got[y]]
            if figures[x] == figures[y] and ties is not Ties.BY_ID:
                assert got[x] == got[y]
