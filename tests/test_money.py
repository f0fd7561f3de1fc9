"""allocate: Decimal amounts to the cent, summing exactly (RE12/RE14 "Decide")."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest

from custrules import InvalidInputError, InvalidTypeError, allocate
from tests.pinning import refusal

THIRD = Fraction(1, 3)


def test_largest_remainder_with_a_documented_tie_break() -> None:
    got = allocate(Decimal("100.00"), {"B": THIRD, "A": THIRD, "C": THIRD})
    assert got == {"B": Decimal("33.33"), "A": Decimal("33.34"), "C": Decimal("33.33")}
    assert list(got) == ["B", "A", "C"]  # the caller's order is kept


def test_the_largest_remainder_gets_the_cent() -> None:
    # 0.01 split 1/3 - 2/3: remainders 1/3 and 2/3 of a cent; the cent goes to the larger
    assert allocate(Decimal("0.01"), {"a": Fraction(1, 3), "b": Fraction(2, 3)}) == {
        "a": Decimal("0.00"),
        "b": Decimal("0.01"),
    }


def test_worked_commission_splits() -> None:
    assert allocate(Decimal("12345.67"), {"销售": Fraction(7, 10), "介绍人": Fraction(3, 10)}) == {
        "销售": Decimal("8641.97"),
        "介绍人": Decimal("3703.70"),
    }
    assert allocate(Decimal("0"), {"x": Fraction(1)}) == {"x": Decimal("0.00")}
    assert allocate(100, {"x": Fraction(1, 2), "y": Fraction(1, 2)}) == {
        "x": Decimal("50.00"),
        "y": Decimal("50.00"),
    }


@pytest.mark.parametrize(
    ("total", "shares", "error", "match"),
    [
        (100.0, {"x": Fraction(1)}, InvalidTypeError, "floats cannot hold cents"),
        ("100", {"x": Fraction(1)}, InvalidTypeError, "Decimal"),
        (Decimal("-1"), {"x": Fraction(1)}, InvalidInputError, "negative"),
        (Decimal("NaN"), {"x": Fraction(1)}, InvalidInputError, "finite"),
        (Decimal("1.005"), {"x": Fraction(1)}, InvalidInputError, "fractions of a cent"),
        (Decimal("1"), {"x": Fraction(1, 2)}, InvalidInputError, "sum to exactly 1"),
        (Decimal("1"), {"x": Fraction(3, 2), "y": Fraction(-1, 2)}, InvalidInputError, "negative"),
        (Decimal("1"), {"x": 0.5, "y": 0.5}, InvalidTypeError, "exact"),
        (Decimal("1"), [("x", Fraction(1))], InvalidTypeError, "mapping"),
        (Decimal("1"), {}, InvalidInputError, "sum to exactly 1"),
    ],
)
def test_bad_input(total: object, shares: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        allocate(total, shares)  # type: ignore[arg-type]


# -- pinned: who gets the leftover cent, and exact shares of every kind -----------------------


def test_the_leftover_cent_goes_by_remainder_then_share_then_name() -> None:
    # 0.10 split 1/3, 1/3, 1/3: 3.33.. cents each, one cent left; equal remainders and
    # equal shares: the party that sorts first by str(): 丙 (U+4E19) before 乙 (U+4E59)
    # and 甲 (U+7532)
    got = allocate(Decimal("0.10"), {"甲": THIRD, "乙": THIRD, "丙": THIRD})
    assert got == {"甲": Decimal("0.03"), "乙": Decimal("0.03"), "丙": Decimal("0.04")}
    # 0.05 split 1/2 - 3/10 - 1/5: exact 2.5, 1.5 and 1 cents: remainders 1/2 and 1/2,
    # the larger share (1/2) wins the cent
    got = allocate(
        Decimal("0.05"), {"b": Fraction(3, 10), "a": Fraction(1, 2), "c": Fraction(1, 5)}
    )
    assert got == {"b": Decimal("0.01"), "a": Decimal("0.03"), "c": Decimal("0.01")}
    # 0.01 split 1/3 - 2/3: the larger remainder wins, whatever the order or the name
    assert allocate(Decimal("0.01"), {"z": Fraction(2, 3), "a": Fraction(1, 3)})["z"] == Decimal(
        "0.01"
    )


def test_whole_number_and_decimal_shares_are_exact() -> None:
    assert allocate(Decimal("10.00"), {"a": 1, "b": 0}) == {
        "a": Decimal("10.00"),
        "b": Decimal("0.00"),
    }
    assert allocate(Decimal("10.00"), {"a": Decimal("0.3"), "b": Decimal("0.7")}) == {
        "a": Decimal("3.00"),
        "b": Decimal("7.00"),
    }
    with pytest.raises(InvalidInputError, match="sum to exactly 1"):
        allocate(Decimal("10.00"), {"a": Decimal("0.3333"), "b": Decimal("0.6666")})
    with pytest.raises(InvalidTypeError, match="exact"):
        allocate(Decimal("10.00"), {"a": True})


def test_the_total_may_be_an_int_and_the_result_keeps_the_callers_order() -> None:
    got = allocate(7, {"z": Fraction(1, 2), "a": Fraction(1, 2)})
    assert list(got) == ["z", "a"]
    assert got == {"z": Decimal("3.50"), "a": Decimal("3.50")}
    with pytest.raises(InvalidInputError, match="negative"):
        allocate(-1, {"a": Fraction(1)})
    with pytest.raises(InvalidInputError, match="limit"):
        allocate(10**15, {"a": Fraction(1)})


# -- pinned: the boundaries of the money door and what its errors carry ------------------------

from decimal import ROUND_HALF_UP  # noqa: E402

from custrules import MAX_AMOUNT_YUAN, to_money  # noqa: E402

ONE = {"a": Fraction(1)}


@pytest.mark.parametrize(
    ("total", "cents"),
    [
        (0, "0.00"),
        (Decimal("0"), "0.00"),
        (MAX_AMOUNT_YUAN, f"{MAX_AMOUNT_YUAN}.00"),
        (Decimal("999999999999999.99"), "999999999999999.99"),
        (Decimal("1.230"), "1.23"),  # three places, the third a zero
        (Decimal("12.3400"), "12.34"),  # four places
        (Decimal("1." + "0" * 28), "1.00"),  # exactly the most places taken
        (Decimal("5E+2"), "500.00"),  # an exponent
        (Decimal("-0"), "0.00"),
        # a zero with a vast exponent: answered at once, not by computing 10**999999999
        (Decimal("0E+999999999"), "0.00"),
        (Decimal("0E-999999999"), None),
    ],
)
def test_totals_at_the_edges_of_the_door(total: object, cents: str | None) -> None:
    if cents is None:  # more decimal places than custrules takes, even for a zero
        with pytest.raises(InvalidInputError, match="decimal places"):
            allocate(total, ONE)  # type: ignore[arg-type]
        return
    assert str(allocate(total, ONE)["a"]) == cents  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("total", "error", "match"),
    [
        (
            1.5,
            InvalidTypeError,
            r"^the total must be a Decimal \(or an int\), not float \(1\.5\): floats cannot "
            r"hold cents exactly; use Decimal\('12345\.67'\)$",
        ),
        (-1, InvalidInputError, "cannot be negative, got -1"),
        (Decimal("-0.01"), InvalidInputError, "cannot be negative, got -0.01"),
        (MAX_AMOUNT_YUAN + 1, InvalidInputError, "limit for money"),
        (Decimal("1e15"), InvalidInputError, "limit for money"),
        (Decimal("Infinity"), InvalidInputError, "must be finite"),
        (Decimal("1." + "0" * 29), InvalidInputError, "more than 28 decimal places"),
        (
            Decimal("0.001"),
            InvalidInputError,
            r"round it to the cent first, or pass rounding=decimal\.ROUND_HALF_UP \(or another "
            r"decimal rounding mode\)$",
        ),
    ],
)
def test_money_errors_carry_the_value_and_say_what_to_do(
    total: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match) as caught:
        allocate(total, ONE)  # type: ignore[arg-type]
    assert caught.value.value is total  # type: ignore[attr-defined]


def test_share_errors_carry_the_value() -> None:
    with pytest.raises(InvalidTypeError, match="must be a Fraction") as caught:
        allocate(Decimal(1), {"a": "1"})
    assert caught.value.value == "1"
    with pytest.raises(InvalidInputError, match="the share of b is negative: -1/2") as neg:
        allocate(Decimal(1), {"a": Fraction(3, 2), "b": Fraction(-1, 2)})
    assert neg.value.value == Fraction(-1, 2)
    shares = {"a": Fraction(1, 2)}
    with pytest.raises(InvalidInputError, match="they sum to 1/2") as short:
        allocate(Decimal(1), shares)
    assert short.value.value == shares
    with pytest.raises(InvalidInputError, match=r"\(ROUND_05UP, ROUND_CEILING, ") as bad:
        allocate(Decimal("1.005"), ONE, rounding="HALF")
    assert bad.value.value == "HALF"
    with pytest.raises(InvalidInputError, match=r"^the share of a must be a finite number"):
        allocate(Decimal(1), {"a": Decimal("NaN")})


def test_rounding_works_for_every_amount_within_the_limit() -> None:
    big = allocate(Decimal("999999999999999.985"), ONE, rounding=ROUND_HALF_UP)
    assert str(big["a"]) == "999999999999999.99"


def test_the_largest_remainder_beats_the_larger_share() -> None:
    # 0.07 split 1/10, 3/10, 6/10: exact 0.7, 2.1 and 4.2 cents; one cent left over;
    # the largest remainder (0.7, the smallest share) takes it
    got = allocate(
        Decimal("0.07"), {"a": Fraction(1, 10), "b": Fraction(3, 10), "c": Fraction(6, 10)}
    )
    assert got == {"a": Decimal("0.01"), "b": Decimal("0.02"), "c": Decimal("0.04")}


def test_to_money() -> None:
    assert str(to_money(0)) == "0.00"
    assert str(to_money(5)) == "0.05"
    assert str(to_money(-5)) == "-0.05"
    assert str(to_money(MAX_AMOUNT_YUAN * 100 + 99)) == f"{MAX_AMOUNT_YUAN}.99"
    with pytest.raises(InvalidInputError, match="cents must be between"):
        to_money(MAX_AMOUNT_YUAN * 100 + 100)
    with pytest.raises(InvalidTypeError, match="cents must be an int"):
        to_money(1.5)  # type: ignore[arg-type]


MONEY_ERRORS: list[tuple[Any, Any, str, str, str]] = [
    (
        lambda: allocate(1.5, ONE),  # type: ignore[arg-type]
        1.5,
        "money.to_cents.total_decimal_not_floats_cannot_hold_cents_exactly.1",
        "the total must be a Decimal (or an int), not float (1.5): floats cannot hold cents "
        "exactly; use Decimal('12345.67')",
        "总额必须是 Decimal（或整数），而不是 float（1.5）：浮点数无法精确表示分；"
        "请用 Decimal('12345.67')",
    ),
    (
        lambda: allocate("100", ONE),  # type: ignore[arg-type]
        "100",
        "money.to_cents.total_decimal_not_other",
        "the total must be a Decimal (or an int), not str ('100'): convert it first, for "
        "example Decimal('12345.67')",
        "总额必须是 Decimal（或整数），而不是 str（'100'）：请先转换，例如 Decimal('12345.67')",
    ),
    (
        lambda: allocate(True, ONE),
        True,
        "money.to_cents.total_decimal_not_other",
        "the total must be a Decimal (or an int), not bool (True): convert it first, for "
        "example Decimal('12345.67')",
        "总额必须是 Decimal（或整数），而不是 bool（True）：请先转换，例如 Decimal('12345.67')",
    ),
    (
        lambda: allocate(-1, ONE),
        -1,
        "money.to_cents.total_cannot_negative.6",
        "the total cannot be negative, got -1",
        "总额不能为负，收到的是 -1",
    ),
    (
        lambda: allocate(MAX_AMOUNT_YUAN + 1, ONE),
        MAX_AMOUNT_YUAN + 1,
        "money.to_cents.total_larger_than_custrules_limit_money.7",
        "the total is larger than custrules' limit for money (999,999,999,999,999 yuan)",
        "总额超过 custrules 的金额上限（999,999,999,999,999 元）",
    ),
    (
        lambda: allocate(Decimal("Infinity"), ONE),
        Decimal("Infinity"),
        "money.to_cents.total_finite.2",
        "the total must be finite, got Infinity",
        "总额必须是有限数，收到的是 Infinity",
    ),
    (
        lambda: allocate(Decimal("-0.01"), ONE),
        Decimal("-0.01"),
        "money.to_cents.total_cannot_negative.3",
        "the total cannot be negative, got -0.01",
        "总额不能为负，收到的是 -0.01",
    ),
    (
        lambda: allocate(Decimal("1e15"), ONE),
        Decimal("1e15"),
        "money.to_cents.total_larger_than_custrules_limit_money.4",
        "the total 1.000e+15 is larger than custrules' limit for money (999,999,999,999,999 yuan)",
        "总额 1.000e+15 超过 custrules 的金额上限（999,999,999,999,999 元）",
    ),
    (
        lambda: allocate(Decimal("1." + "0" * 29), ONE),
        Decimal("1." + "0" * 29),
        "money.to_cents.total_has_more_than_decimal_places.5",
        "the total 1.00000000000000000000000000000 has more than 28 decimal places",
        "总额 1.00000000000000000000000000000 的小数位超过 28 位",
    ),
    (
        lambda: allocate(Decimal("0.001"), ONE),
        Decimal("0.001"),
        "money.to_cents.total_has_fractions_cent_round_cent_first_pass.8",
        "the total 0.001 has fractions of a cent: round it to the cent first, or pass "
        "rounding=decimal.ROUND_HALF_UP (or another decimal rounding mode)",
        "总额 0.001 有不足一分的部分：请先舍入到分，或传入 rounding=decimal.ROUND_HALF_UP"
        "（或其他 decimal 舍入方式）",
    ),
    (
        lambda: allocate(Decimal(1), [("a", 1)]),  # type: ignore[arg-type]
        [("a", 1)],
        "money.to_fraction_shares.shares_mapping",
        "shares must be a mapping of party -> share, got [('a', 1)]",
        "份额必须是 分成方 -> 份额 的映射，收到的是 [('a', 1)]",
    ),
    (
        lambda: allocate(Decimal(1), {"a": "1"}),
        "1",
        "money.to_fraction_shares.share_fraction",
        "the share of a must be a Fraction (exact), got '1'",
        "a 的份额必须是 Fraction（精确值），收到的是 '1'",
    ),
    (
        lambda: allocate(Decimal(1), {"a": Fraction(3, 2), "b": Fraction(-1, 2)}),
        Fraction(-1, 2),
        "money.to_fraction_shares.share_negative",
        "the share of b is negative: -1/2",
        "b 的份额为负：-1/2",
    ),
    (
        lambda: allocate(Decimal(1), {"a": Fraction(1, 2)}),
        {"a": Fraction(1, 2)},
        "money.to_fraction_shares.shares_sum",
        "shares must sum to exactly 1, they sum to 1/2",
        "份额之和必须恰好为 1，实际为 1/2",
    ),
    (
        lambda: allocate(Decimal("1.005"), ONE, rounding="HALF"),
        "HALF",
        "money.allocate.rounding_decimal",
        "rounding must be a decimal rounding mode (ROUND_05UP, ROUND_CEILING, ROUND_DOWN, "
        "ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP), got 'HALF'",
        "rounding 必须是 decimal 的舍入方式（ROUND_05UP、ROUND_CEILING、ROUND_DOWN、ROUND_FLOOR、"
        "ROUND_HALF_DOWN、ROUND_HALF_EVEN、ROUND_HALF_UP、ROUND_UP），收到的是 'HALF'",
    ),
]


@pytest.mark.parametrize(("call", "value", "code", "en", "zh"), MONEY_ERRORS)
def test_money_refusals_word_for_word_with_their_codes(
    call: Any, value: Any, code: str, en: str, zh: str
) -> None:
    assert refusal(call, code, en, zh).value == value


def test_a_hosts_low_precision_decimal_context_changes_nothing() -> None:
    """Rounding and splitting use their own arithmetic, never the thread's context."""
    with localcontext() as ctx:
        ctx.prec = 3
        got = allocate(
            Decimal("123456.785"),
            {"a": Fraction(1, 3), "b": Fraction(2, 3)},
            rounding=ROUND_HALF_UP,
        )
        assert {k: str(v) for k, v in got.items()} == {"a": "41152.26", "b": "82304.53"}
        assert str(to_money(12345678901)) == "123456789.01"
