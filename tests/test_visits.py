"""VIS-1 to VIS-3: the visit report's score table and its aggregate."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    Contact,
    InvalidInputError,
    InvalidTypeError,
    QualityRating,
    RenownRating,
    ServiceRating,
    UnknownLabelError,
    VisitReport,
    score_visit,
)

# VIS-1 exactly as annex 1 gives it
TABLE = {
    "quality": [
        ("非常优良", 100),
        ("优良", 90),
        ("良好", 85),
        ("一般", 80),
        ("合格", 70),
        ("不合格", 60),
    ],
    "service": [
        ("非常优良", 100),
        ("优良", 90),
        ("良好", 85),
        ("一般", 80),
        ("不好", 30),
        ("恶劣", 0),
    ],
    "renown": [
        ("非常驰名", 100),
        ("驰名", 90),
        ("知名度高", 85),
        ("知名度较高", 80),
        ("知名", 70),
        ("知道", 60),
        ("不知道", 50),
    ],
}
BASE = {"quality": "优良", "service": "优良", "renown": "驰名"}


@pytest.mark.parametrize(
    ("row", "label", "points"), [(r, lbl, p) for r, cells in TABLE.items() for lbl, p in cells]
)
def test_vis1_every_cell(row: str, label: str, points: int) -> None:
    args = {**BASE, row: label}
    assert getattr(score_visit(**args), row) == points


@pytest.mark.parametrize(
    ("row", "traditional", "points"),
    [
        ("quality", "非常優良", 100),
        ("service", "惡劣", 0),
        ("service", "優良", 90),
        ("renown", "非常馳名", 100),
        ("renown", "知名度較高", 80),
    ],
)
def test_vis1_traditional_labels(row: str, traditional: str, points: int) -> None:
    assert getattr(score_visit(**{**BASE, row: traditional}), row) == points


def test_vis3_the_explanation_row_by_row_in_both_languages() -> None:
    s = score_visit(quality="优良", service="不好", renown="知名")
    assert s.explain().splitlines() == [
        "quality (质量): 优良 = 90",
        "service (服务态度): 不好 = 30",
        "renown (产品的知名度): 知名 = 70",
        "total (mean, VIS-3): 190/3 (= 63.33)",
    ]
    assert s.explain("zh").splitlines()[-1] == "合计（平均，VIS-3）：190/3（= 63.33）"


def test_vis1_enum_members_and_names() -> None:
    s = score_visit(
        quality=QualityRating.UNACCEPTABLE, service="poor", renown=RenownRating.UNKNOWN
    )
    assert (s.quality, s.service, s.renown) == (60, 30, 50)
    assert s.ratings == (QualityRating.UNACCEPTABLE, ServiceRating.POOR, RenownRating.UNKNOWN)


@pytest.mark.parametrize(
    "args",
    [
        {**BASE, "quality": "不好"},  # a service label on the quality row
        {**BASE, "service": "合格"},  # a quality label on the service row
        {**BASE, "renown": "很有名"},
        {**BASE, "quality": ""},
        {**BASE, "quality": None},
        {**BASE, "quality": 90},
        {**BASE, "service": QualityRating.EXCELLENT},
    ],
)
def test_vis1_unknown_labels_are_errors_never_zero(args: dict[str, object]) -> None:
    with pytest.raises(UnknownLabelError):
        score_visit(**args)


def test_vis3_mean_by_default_weights_on_request() -> None:
    s = score_visit(quality="优良", service="不好", renown="知名")
    assert s.total == Fraction(190, 3)
    w = score_visit(
        quality="优良",
        service="不好",
        renown="知名",
        weights={"质量": 2, "服务态度": 1, "renown": 0},
    )
    assert w.total == Fraction(2 * 90 + 30, 3)
    with pytest.raises(InvalidInputError, match="missing: renown"):
        score_visit(**BASE, weights={"quality": 2, "service": 1})
    with pytest.raises(InvalidInputError, match="weighted twice"):
        score_visit(**BASE, weights={"quality": 2, "质量": 1, "service": 1, "renown": 1})
    assert w.rules == ("VIS-1", "VIS-3")
    with pytest.raises(InvalidInputError, match="all be zero"):
        score_visit(**BASE, weights={"quality": 0, "service": 0, "renown": 0})
    with pytest.raises(InvalidInputError, match="negative"):
        score_visit(**BASE, weights={"quality": -1, "service": 1, "renown": 1})
    with pytest.raises(UnknownLabelError, match="unknown row"):
        score_visit(**BASE, weights={"price": 1})


def test_vis2_the_report() -> None:
    """VIS-2: the report's fields around the three ratings."""
    report = VisitReport(
        customer_unit="湖南某化工有限公司",
        address="长沙市",
        legal_representative="张总",
        quality="良好",
        service="一般",
        renown="知名度高",
        suggestions="希望增加配送频次",
        sealed_or_signed=True,
        signed_on=dt.date(2026, 3, 2),
        main_contact=Contact(name="张总", title="总经理", telephone="0731-0000000"),
        business_contact=Contact(name="李经理", mobile="13800000000"),
    )
    s = report.score()
    assert (s.quality, s.service, s.renown, s.total) == (85, 80, 85, Fraction(250, 3))
    with pytest.raises(InvalidInputError, match="customer_unit"):
        VisitReport(customer_unit=" ", quality="良好", service="一般", renown="知名")
    with pytest.raises(InvalidInputError, match="sealed_or_signed"):
        VisitReport(
            customer_unit="x",
            quality="良好",
            service="一般",
            renown="知名",
            signed_on=dt.date(2026, 3, 2),
        )
    with pytest.raises(InvalidTypeError, match="Contact"):
        VisitReport(
            customer_unit="x", quality="良好", service="一般", renown="知名", main_contact="张总"
        )


rows = st.fixed_dictionaries(
    {r: st.sampled_from([lbl for lbl, _ in cells]) for r, cells in TABLE.items()}
)
weights = st.fixed_dictionaries(
    {row: st.integers(min_value=0, max_value=10) for row in ["quality", "service", "renown"]}
).filter(lambda w: sum(w.values()) > 0)


@given(rows, st.one_of(st.none(), weights))
def test_totals_stay_within_0_and_100(labels: dict[str, str], w: dict[str, int] | None) -> None:
    s = score_visit(**labels, weights=w)
    assert 0 <= s.total <= 100
    assert min(s.quality, s.service, s.renown) <= s.total <= max(s.quality, s.service, s.renown)


def test_vis3_the_decimal_shown_beside_a_fraction_rounds_halves_up() -> None:
    """665/8 is 83.125: the explanation shows 83.13 (四舍五入), as a reader rounds it."""
    s = score_visit(
        quality="非常优良",
        service="良好",
        renown="知名度较高",
        weights={"quality": 1, "service": 1, "renown": 6},
    )
    assert s.total == Fraction(665, 8)
    assert s.explain().splitlines()[-1] == "total (weighted mean, VIS-3): 665/8 (= 83.13)"
    assert s.explain("zh").splitlines()[-1] == "合计（加权平均，VIS-3）：665/8（= 83.13）"


@given(rows, weights)
def test_vis3_the_decimal_shown_is_the_total_to_the_hundredth(
    labels: dict[str, str], w: dict[str, int]
) -> None:
    s = score_visit(**labels, weights=w)
    shown = s.explain().splitlines()[-1].rpartition(": ")[2]
    if s.total.denominator == 1:
        assert shown == str(s.total.numerator)
    else:
        exact = Decimal(s.total.numerator) / Decimal(s.total.denominator)
        expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert shown == f"{s.total.numerator}/{s.total.denominator} (= {expected})"


def test_a_report_scores_with_the_hosts_weights() -> None:
    from custrules import VisitReport

    report = VisitReport(customer_unit="甲厂", quality="优良", service="恶劣", renown="知名")
    plain, weighted = (
        report.score(),
        report.score(weights={"quality": 1, "service": 0, "renown": 1}),
    )
    assert (plain.quality, plain.service, plain.renown) == (90, 0, 70)
    assert (plain.total, weighted.total) == (Fraction(160, 3), Fraction(80))
