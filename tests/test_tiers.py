"""TIER-1, TIER-2, TIER-5, TIER-6, TIER-7: grades, reviews, tobacco, sustained stars."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import (
    CARRIER_STAR_CARDS,
    POLYOLEFIN_STARS,
    BusinessScale,
    Gate,
    InvalidInputError,
    InvalidTypeError,
    MarketType,
    Missing,
    Month,
    RetailFormat,
    Tier,
    TierTable,
    TobaccoCategory,
    UnknownLabelError,
    assess_review,
    assess_tier,
    assign_tier,
    assign_tiers,
    review_tier,
    review_volume,
    sustained_level,
    tobacco_category,
    tobacco_grade_table,
)

T = POLYOLEFIN_STARS


def label(tier: Tier) -> str:
    return tier.label


# -- TIER-1 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        (0, "普通客户"),
        (999, "普通客户"),
        (Decimal("999.999"), "普通客户"),
        (1000, "一星客户"),  # 大于等于1000吨
        (1999.5, "一星客户"),
        (2000, "二星客户"),
        (Fraction(5999, 2), "二星客户"),
        (3000, "三星客户"),  # 3000吨以上
        (10**9, "三星客户"),
    ],
)
def test_tier1_polyolefin_bands(volume: object, expected: str) -> None:
    assert assign_tier(T, volume).label == expected


def test_tier1_new_and_direct_sale_customers() -> None:
    assert assign_tier(T, 5000, new_customer=True).label == "网拍客户"  # 新开发客户
    assert assign_tier(T, 5000, direct_sale=True).label == "普通客户"  # 直销客户等同普通
    new = assess_tier(T, 1500, new_customer=True)
    assert (new.volume, new.explain("zh"), new.explain()) == (
        Fraction(1500),
        "新客户从网拍客户开始",
        "a new customer starts at 网拍客户",
    )
    direct = assess_tier(T, None, direct_sale=True)  # placed by kind: no volume needed
    assert (direct.volume, direct.explain("zh"), direct.rules) == (
        None,
        "直销客户按普通客户管理",
        ("TIER-1",),
    )
    with pytest.raises(InvalidInputError):
        assess_tier(T, -1, new_customer=True)
    assert [t.label for t in T.tiers] == [
        "网拍客户",
        "普通客户",
        "一星客户",
        "二星客户",
        "三星客户",
    ]


@pytest.mark.parametrize(
    ("current", "volume", "expected"),
    [
        ("网拍客户", 3500, "普通客户"),  # one step up, not straight to 三星
        ("普通客户", 3500, "一星客户"),
        ("一星客户", 3500, "二星客户"),
        ("二星客户", 3500, "三星客户"),
        ("三星客户", 3500, "三星客户"),
        ("三星客户", 10, "二星客户"),  # one step down
        ("一星客户", 1500, "一星客户"),  # stays
        ("二星客户", 1500, "一星客户"),
        ("online_auction", 10, "普通客户"),
    ],
)
def test_tier1_reviews_move_one_step(current: str, volume: int, expected: str) -> None:
    assert review_tier(T, current, volume).label == expected


def test_tier1_review_explains_itself() -> None:
    d = assess_review(T, "网拍客户", 3500)
    assert (d.tier.label, d.earned.label, d.previous and d.previous.label, d.moved) == (
        "普通客户",
        "三星客户",
        "网拍客户",
        1,
    )
    assert d.capped
    assert "依次升降" in d.reasons[-1]
    assert d.rules == ("TIER-1",)
    stays = assess_review(T, "一星客户", 1500)
    assert (stays.explain(), stays.explain("zh")) == (
        "1500 tonnes earns 一星客户\nstays at 一星客户",
        "1500 吨，达到一星客户\n保持一星客户",
    )
    moves = assess_review(T, "二星客户", 1500)
    assert (moves.explain(), moves.explain("zh")) == (
        "1500 tonnes earns 一星客户\nmoves from 二星客户 to 一星客户",
        "1500 吨，达到一星客户\n由二星客户调整为一星客户",
    )


def test_a_table_from_lower_bounds_with_an_entry_tier() -> None:
    table = TierTable.from_lower_bounds(
        name="t",
        unit="yuan",
        rows=[("low", "低", 0), ("high", "高", 100)],
        entry=("new", "新客户"),
        rules=["HOST-1"],
    )
    assert [(t.name, t.lower, t.upper) for t in table.tiers] == [
        ("new", None, None),
        ("low", 0, 100),
        ("high", 100, None),
    ]
    assert (table.entry, table.rules) == ("new", ("HOST-1",))
    placed = assess_tier(table, 500, new_customer=True)
    assert (placed.tier.name, placed.earned.name, placed.target.name) == ("new", "new", "new")


def test_tier1_gates_hold_the_tier_back_and_say_so() -> None:
    late_payer = Gate(name="payment record", allows=lambda t: t.name in ("ordinary", "one_star"))
    d = assess_tier(T, 2500, gates=[late_payer])
    assert (d.earned.label, d.tier.label) == ("二星客户", "一星客户")
    assert [(g.tier, g.passed) for g in d.gates] == [("two_star", False), ("one_star", True)]
    assert any("payment record" in r for r in d.reasons)
    held = assess_tier(T, 3500, gates=[late_payer])
    assert held.explain().splitlines() == [
        "3500 tonnes earns 三星客户",
        "三星客户 refused by payment record",
        "二星客户 refused by payment record",
        "gates held the tier at 一星客户 below the earned 三星客户",
    ]
    assert held.explain("zh").splitlines()[1:] == [
        "三星客户未通过：payment record",
        "二星客户未通过：payment record",
        "条件将档位限制在一星客户，低于所达到的三星客户",
    ]
    assert review_tier(T, "一星客户", 3500, gates=[late_payer]).label == "一星客户"
    nobody = Gate(name="blacklist", allows=lambda t: False)
    assert assign_tier(T, 2500, gates=[nobody]).label == "普通客户"
    assert assess_tier(T, 1500, gates=[nobody]).explain().splitlines()[-1] == (
        "every tier refused by the gates: kept at the lowest, 普通客户"
    )


def test_tier1_a_gate_answers_true_or_false() -> None:
    """A host's gate that forgets its ``return`` (None) refused every tier and kept every
    customer at the lowest; one answering "no" passed.  Both are refused, naming the
    gate and the tier, and so is a gate that is not a function."""
    for answer in (None, "no", 0):
        gate = Gate(name="payment record", allows=lambda t, a=answer: a)
        with pytest.raises(InvalidTypeError) as caught:
            assess_tier(T, 2500, gates=[gate])
        assert caught.value.code == "tiers.gate.answer"
        assert "gate payment record answered" in str(caught.value)
    with pytest.raises(InvalidTypeError, match="a function of a tier"):
        Gate(name="payment record", allows=True)  # type: ignore[arg-type]


def test_tier1_tiers_from_another_table_are_refused() -> None:
    other = tobacco_grade_table([20, 15, 10, 8, 6, 4, 2, 0])
    with pytest.raises(InvalidInputError, match="not a tier of table"):
        review_tier(T, other.tiers[0], 100)
    with pytest.raises(UnknownLabelError, match="has no tier"):
        review_tier(T, "四星客户", 100)


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (-1, InvalidInputError),
        (float("nan"), InvalidInputError),
        (float("inf"), InvalidInputError),
        (Decimal("NaN"), InvalidInputError),
        (Decimal("-0.5"), InvalidInputError),
        ("1000", InvalidTypeError),
        (None, InvalidTypeError),
        (True, InvalidTypeError),
        ([1000], InvalidTypeError),
    ],
)
def test_bad_volumes(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        assign_tier(T, bad)
    with pytest.raises(error):
        review_tier(T, "普通客户", bad)
    with pytest.raises(error):
        assign_tiers(T, [1, bad])


@pytest.mark.parametrize(
    ("rows", "match"),
    [
        ([("a", "A", 0, 10), ("b", "B", 12, None)], "a gap"),
        ([("a", "A", 0, 10), ("b", "B", 8, None)], "an overlap"),
        ([("a", "A", 0, None), ("b", "B", 8, None)], "an overlap"),
        ([("b", "B", 10, None), ("a", "A", 0, 10)], "not in increasing order"),
        ([("a", "A", 0, 10), ("b", "B", 10, 20)], "no upper bound"),
        ([("a", "A", 5, None)], "a gap|starts at 5"),
        ([("a", "A", -5, None)], "negative"),
        ([("a", "A", 10, 5)], "empty or reversed"),
        ([("a", "A", 0, 10), ("a", "B", 10, None)], "two tiers are called"),
    ],
)
def test_bad_tables_cannot_exist(rows: list[tuple[str, str, int, int | None]], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        TierTable(
            name="t",
            unit="tonnes",
            tiers=[Tier(name=n, label=lbl, lower=lo, upper=hi) for n, lbl, lo, hi in rows],
        )


@pytest.mark.parametrize(
    ("names", "below"),
    [
        (["low", "high", "new"], "high"),  # the entry tier listed last
        (["low", "probation", "high"], "low"),  # a tier without a band between two bands
        (["new", "low", "direct", "high"], "low"),
    ],
)
def test_tier1_a_tier_no_volume_earns_comes_below_every_band(names: list[str], below: str) -> None:
    bands = {"low": (0, 1000), "high": (1000, None)}
    tiers = []
    for n in names:
        lower, upper = bands.get(n, (None, None))
        tiers.append(Tier(name=n, label=n.upper(), lower=lower, upper=upper))
    with pytest.raises(InvalidInputError) as caught:
        TierTable(name="t", unit="tonnes", tiers=tiers, entry="new" if "new" in names else None)
    assert caught.value.code == "tiers.tiertable.unbanded_above_band"
    assert f"comes after {below}" in str(caught.value)


def test_tier1_a_new_customer_steps_onto_the_lowest_band_past_the_direct_sale_tier() -> None:
    """依次升降 counts the levels a volume earns: a review of a new customer (TIER-1's
    网拍客户) moves onto the lowest band, never onto a host's direct-sale tier listed
    between them, which no volume earns."""
    table = attrs.evolve(
        T,
        tiers=(T.tiers[0], Tier(name="direct", label="直销客户"), *T.tiers[1:]),
        direct_sale="direct",
    )
    first = assess_review(table, "网拍客户", 3500)
    assert (first.tier.label, first.moved) == ("普通客户", 1)
    assert first.reasons[-1] == (
        "moves 1 step from 网拍客户 to 普通客户 (one step at a time, 依次升降), toward 三星客户"
    )
    direct = assess_review(table, "直销客户", 500)
    assert (direct.tier.label, direct.moved) == ("普通客户", 1)
    assert review_tier(attrs.evolve(table, step_limit=2), "网拍客户", 3500).label == "一星客户"


@st.composite
def host_tables(draw: st.DrawFn) -> TierTable:
    """A host's table: random bands, up to two tiers without a band below them (an entry
    tier, a direct-sale tier, or both), and any step limit."""
    banded = draw(tables()).tiers
    unbanded = [Tier(name=f"u{i}", label=f"无区间{i}") for i in range(draw(st.integers(0, 2)))]
    names = [t.name for t in (*unbanded, *banded)]
    return TierTable(
        name="host",
        unit="tonnes",
        tiers=(*unbanded, *banded),
        entry=draw(st.none() | st.sampled_from(names)),
        direct_sale=draw(st.none() | st.sampled_from(names)),
        step_limit=draw(st.none() | st.integers(1, 3)),
    )


@given(host_tables(), st.fractions(min_value=0, max_value=2000, max_denominator=10**9), st.data())
def test_tier1_a_review_on_any_host_table_moves_along_the_bands(
    table: TierTable, v: Fraction, data: st.DataObject
) -> None:
    """A review lands on a tier a volume earns, moves at most ``step_limit`` bands (a
    tier without a band counts as the step below the lowest), never past the earned
    tier, and reviews repeated on one volume reach it."""
    current = data.draw(st.sampled_from(table.tiers))
    bands = [t for t in table.tiers if t.banded]
    d = assess_review(table, current, v)
    here = bands.index(current) if current.banded else -1
    there, target = bands.index(d.tier), bands.index(d.target)
    assert d.tier.banded
    assert d.target == d.earned == assign_tier(table, v)
    assert abs(there - here) <= (table.step_limit or len(bands))
    assert d.moved == there - here
    assert min(here, target) <= there <= max(here, target)
    tier = d.tier
    for _ in bands:
        tier = review_tier(table, tier, v)
    assert tier == d.earned


# -- TIER-2 -------------------------------------------------------------------------

Q1 = {"2026-01": 900, "2026-02": 1200, "2026-03": 1500}


def test_tier2_the_review_figure_is_an_explicit_choice() -> None:
    avg = review_volume(Q1, period="quarter", ending="2026-03", basis="monthly_average")
    assert avg == 1200
    assert review_volume(Q1, period="quarter", ending="2026-03", basis="total") == 3600
    assert review_volume(Q1, period="quarter", ending="2026-03", basis="last_month") == 1500
    assert review_tier(T, "普通客户", avg).label == "一星客户"
    with pytest.raises(TypeError):
        review_volume(Q1, period="quarter", ending="2026-03")  # type: ignore[call-arg]


def test_tier2_missing_months_are_explicit() -> None:
    half = {"2026-01": 600, "2026-03": 900}
    with pytest.raises(InvalidInputError, match="no figure for 2026-02"):
        review_volume(half, period="quarter", ending="2026-03", basis="monthly_average")
    zero = review_volume(
        half, period="quarter", ending="2026-03", basis="monthly_average", missing="zero"
    )
    assert zero == 500
    skip = review_volume(
        half, period="quarter", ending="2026-03", basis="monthly_average", missing=Missing.SKIP
    )
    assert skip == 750
    year = {str(Month(2025, 7) + i): 100 for i in range(12)}
    assert review_volume(year, period="year", ending="2026-06", basis="total") == 1200


def test_tier2_a_month_is_named_by_a_month_a_date_or_text_not_an_instant() -> None:
    """20:00 UTC on 31 March is 1 April in China: an instant's month depends on the zone,
    so a datetime is refused as Month.of refuses it (before: read as March)."""
    late = dt.datetime(2026, 3, 31, 20, tzinfo=dt.timezone.utc)
    assert Month.parse(dt.date(2026, 3, 31)) == Month.parse("2026-03") == Month(2026, 3)
    with pytest.raises(InvalidTypeError, match="local_date"):
        Month.parse(late)
    with pytest.raises(InvalidTypeError):
        review_volume({late: 900}, period="month", ending="2026-03", basis="total")


# -- TIER-7 -------------------------------------------------------------------------


def bills(*amounts: int) -> dict[str, int]:
    return {str(Month(2026, 1) + i): a for i, a in enumerate(amounts)}


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        ((900, 850, 820, 1000, 801, 900), "五星级服务通行卡"),
        ((900, 850, 800, 1000, 801, 900), "四星级服务通行卡"),  # 800 is not over 800
        ((520, 610, 505, 900, 530, 700), "四星级服务通行卡"),
        ((301, 310, 999, 999, 999, 999), "三星级服务通行卡"),
        ((300, 999, 999, 999, 999, 999), None),
    ],
)
def test_tier7_every_month_of_six_must_clear(amounts: tuple[int, ...], expected: str) -> None:
    got = sustained_level(CARRIER_STAR_CARDS, bills(*amounts), ending="2026-06")
    assert (got.level.label if got.level else None) == expected
    assert got.lowest == min(amounts)
    assert got.rules == ("TIER-7",)


def test_tier7_missing_months() -> None:
    five = bills(900, 900, 900, 900, 900)
    with pytest.raises(InvalidInputError, match="no figure for 2026-06"):
        sustained_level(CARRIER_STAR_CARDS, five, ending="2026-06")
    got = sustained_level(CARRIER_STAR_CARDS, five, ending="2026-06", missing="zero")
    assert got.level is None
    assert got.missing == (Month(2026, 6),)
    with pytest.raises(InvalidInputError, match="SKIP"):
        sustained_level(CARRIER_STAR_CARDS, five, ending="2026-06", missing="skip")


@pytest.mark.parametrize(
    ("window", "error", "code"),
    [
        (0, InvalidInputError, "tiers.window_months.between"),
        (-6, InvalidInputError, "tiers.window_months.between"),
        (121, InvalidInputError, "tiers.window_months.between"),
        (10**9, InvalidInputError, "tiers.window_months.between"),
        ("6", InvalidTypeError, "check.integer.int"),
        (6.0, InvalidTypeError, "check.integer.int"),
        (True, InvalidTypeError, "check.integer.int"),
    ],
)
def test_tier7_a_ladder_window_is_1_to_120_months(
    window: object, error: type[Exception], code: str
) -> None:
    """A window of no month would judge nothing (and once crashed the judgement);
    a huge one would build a list of that many months."""
    with pytest.raises(error) as caught:
        attrs.evolve(CARRIER_STAR_CARDS, window_months=window)
    assert caught.value.code == code  # type: ignore[attr-defined]
    assert caught.value.value == window  # type: ignore[attr-defined]


def test_tier7_a_ladders_levels_are_called_apart() -> None:
    """A result names its level (``.level.name``, ``.level.label``), as a tier table's
    does its tier: two levels called alike could not be told apart, and a table
    already refuses two tiers called alike.  A level may be called by one word as both
    its name and its label."""
    three, four, five = CARRIER_STAR_CARDS.levels
    for twin in (
        attrs.evolve(five, name=four.name),
        attrs.evolve(five, label=three.label),
        attrs.evolve(five, name=three.label),
    ):
        with pytest.raises(InvalidInputError) as caught:
            attrs.evolve(CARRIER_STAR_CARDS, levels=[three, four, twin])
        assert caught.value.code == "tiers.levels.two_levels_called"
    same = attrs.evolve(five, name="五星", label="五星")
    ladder = attrs.evolve(CARRIER_STAR_CARDS, levels=[three, four, same])
    bills = {f"2026-{m:02d}": 900 for m in range(1, 7)}
    assert sustained_level(ladder, bills, ending="2026-06").level == same


def test_tier7_the_shortest_and_longest_windows() -> None:
    one = attrs.evolve(CARRIER_STAR_CARDS, window_months=1)
    assert (
        sustained_level(one, {"2026-06": 501}, ending="2026-06").level.label == "四星级服务通行卡"
    )  # type: ignore[union-attr]
    longest = attrs.evolve(CARRIER_STAR_CARDS, window_months=120)
    got = sustained_level(longest, {"2026-06": 900}, ending="2026-06", missing="zero")
    assert (got.level, len(got.window), got.window[0]) == (None, 120, Month(2016, 7))


def test_table_rules_and_levels_must_be_lists() -> None:
    with pytest.raises(InvalidTypeError, match="rules"):
        attrs.evolve(T, rules="TIER-1")  # would have become ('T', 'I', 'E', ...)
    with pytest.raises(InvalidTypeError, match="tiers"):
        attrs.evolve(T, tiers=None)
    with pytest.raises(InvalidTypeError, match="levels"):
        attrs.evolve(CARRIER_STAR_CARDS, levels=[("three", "三星", 300)])
    with pytest.raises(InvalidInputError, match="entry"):
        attrs.evolve(T, entry="")


# -- TIER-5, TIER-6 -----------------------------------------------------------------


def test_tier5_tobacco_grades_from_the_hosts_bounds() -> None:
    t = tobacco_grade_table([20, 16, 10, 8, 6, 4, 2, 0])
    assert len(t.tiers) == 8
    assert assign_tier(t, 25).label == "一档"  # 20件以上
    assert assign_tier(t, 20).label == "一档"
    assert assign_tier(t, Fraction(201, 10)).label == "一档"
    assert assign_tier(t, 10).label == "三档"  # exactly 10: grade 3 (decision)
    assert assign_tier(t, Fraction(99, 10)).label == "四档"  # below 10: grades 4-8
    assert assign_tier(t, 0).label == "八档"
    assert t.step_limit is None
    assert review_tier(t, "八档", 30).label == "一档"


@pytest.mark.parametrize(
    ("bounds", "match"),
    [
        ([20, 15, 10, 8, 6, 4, 0], "8 grades"),
        ([25, 15, 10, 8, 6, 4, 2, 0], "20 cases"),
        ([20, 15, 12, 8, 6, 4, 2, 0], "start at 10"),
        ([20, 15, 10, 8, 6, 4, 2, 1], "grade 8 must start at 0"),
        ([20, 15, 10, 8, 8, 4, 2, 0], "strictly decrease"),
        ([20, 25, 10, 8, 6, 4, 2, 0], "strictly decrease"),
    ],
)
def test_tier5_bad_tobacco_tables(bounds: list[int], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        tobacco_grade_table(bounds)


def test_tier6_42_categories() -> None:
    everything = TobaccoCategory.all()
    assert len(everything) == 42 == len(RetailFormat) * len(MarketType) * len(BusinessScale)
    assert sorted(c.number for c in everything) == list(range(1, 43))
    c = tobacco_category("便利店", "乡村", "小")
    assert (c.format, c.market, c.scale) == (
        RetailFormat.CONVENIENCE_STORE,
        MarketType.RURAL,
        BusinessScale.SMALL,
    )
    assert tobacco_category(RetailFormat.SUPERMARKET, "urban", "LARGE").label == "城镇超市(大)"
    with pytest.raises(UnknownLabelError, match="retail format"):
        tobacco_category("网店", "城镇", "大")


# -- properties ---------------------------------------------------------------------

#: volumes within the documented limits (docs/limits.md): below 10^18, at most 28
#: decimal places, fractions of at most 128 bits
volumes = st.one_of(
    st.integers(min_value=0, max_value=10**7),
    st.fractions(min_value=0, max_value=10**7, max_denominator=10**12),
    st.floats(min_value=0, max_value=1e7, allow_nan=False).filter(lambda x: x == 0 or x >= 1e-9),
)


@given(volumes, volumes)
def test_assignment_is_monotone_in_volume(a: object, b: object) -> None:
    lo, hi = sorted([a, b])  # type: ignore[type-var]
    assert T.position(assign_tier(T, lo)) <= T.position(assign_tier(T, hi))


@given(st.sampled_from([t.name for t in T.tiers]), volumes)
def test_a_review_moves_at_most_one_step_and_never_overshoots(current: str, v: object) -> None:
    d = assess_review(T, current, v)
    here, there, target = T.position(current), T.position(d.tier), T.position(d.target)
    assert abs(there - here) <= 1
    assert min(here, target) <= there <= max(here, target)
    # repeated reviews on the same volume reach the earned tier and stay there
    tier = d.tier
    for _ in range(len(T.tiers)):
        tier = review_tier(T, tier, v)
    assert tier == assign_tier(T, v)


@st.composite
def tables(draw: st.DrawFn) -> TierTable:
    cuts = draw(
        st.lists(
            st.fractions(min_value=0, max_value=1000, max_denominator=10**9),
            max_size=6,
            unique=True,
        )
    )
    lowers = [Fraction(0), *sorted(c for c in cuts if c > 0)]
    rows = [(f"t{i}", f"第{i}级", lower) for i, lower in enumerate(lowers)]
    return TierTable.from_lower_bounds(name="random", unit="yuan", rows=rows)


@given(tables(), st.fractions(min_value=0, max_value=2000, max_denominator=10**9), st.data())
def test_random_valid_tables_assign_exactly_one_tier(
    table: TierTable, v: Fraction, data: st.DataObject
) -> None:
    bounds = [t.lower for t in table.tiers if t.lower is not None]
    for volume in (v, data.draw(st.sampled_from(bounds))):  # at a bound too: [lower, upper)
        holding = [t for t in table.tiers if t.contains(volume)]
        assert len(holding) == 1
        assert assign_tier(table, volume) == holding[0]
        assert holding[0].lower <= volume  # type: ignore[operator]


def test_a_band_holds_its_lower_bound_not_its_upper() -> None:
    one_star = T.tier("一星客户")
    assert (one_star.contains(1000), one_star.contains(1999), one_star.contains(2000)) == (
        True,
        True,
        False,
    )
    assert not T.tier("网拍客户").contains(0)  # the entry tier has no band
    with pytest.raises(InvalidInputError, match="an upper bound needs a lower bound"):
        Tier(name="x", label="X", upper=10)
    with pytest.raises(InvalidInputError, match=r"the band \[5, 5\) is empty"):
        Tier(name="x", label="X", lower=5, upper=5)


@given(st.lists(volumes, max_size=50))
def test_batch_assignment_matches_one_by_one(vs: list[object]) -> None:
    assert assign_tiers(T, vs) == [assign_tier(T, v) for v in vs]


def test_float_volumes_are_compared_exactly() -> None:
    assert assign_tier(T, math.nextafter(1000.0, 0)).label == "普通客户"
