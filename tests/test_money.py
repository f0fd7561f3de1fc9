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
