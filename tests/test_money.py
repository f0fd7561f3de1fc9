"""allocate: Decimal amounts to the cent, summing exactly (RE12/RE14 "Decide")."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from custrules import InvalidInputError, InvalidTypeError, allocate

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
