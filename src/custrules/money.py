"""Money: splitting an amount to the cent (RE12, RE14 "Decide").

Commission shares are exact fractions; money is :class:`~decimal.Decimal`.
:func:`allocate` turns shares into amounts that sum *exactly* to the total,
each within a cent of its exact share, by the largest-remainder method:

1. every party gets its exact share rounded down to the cent;
2. the cents left over (fewer than the number of parties) go one each to
   the parties with the largest remainders;
3. ties between equal remainders go to the larger share, then to the party
   that sorts first by ``str(party)`` (a documented, deterministic order that
   does not depend on the order of the mapping).

>>> from fractions import Fraction
>>> third = Fraction(1, 3)
>>> allocate(Decimal("100.00"), {"B": third, "A": third, "C": third})
{'B': Decimal('33.33'), 'A': Decimal('33.34'), 'C': Decimal('33.33')}
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

from custrules.errors import InvalidInputError, InvalidTypeError

__all__ = ["CENT", "allocate", "to_fraction_shares"]

#: One cent (分), the smallest unit :func:`allocate` hands out.
CENT = Decimal("0.01")

K = TypeVar("K", bound=Hashable)


def _to_cents(value: Any) -> int:
    """The total in cents."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise InvalidTypeError(
            f"the total must be a Decimal (or an int), not {type(value).__name__} ({value!r}): "
            "floats cannot hold cents exactly; use Decimal('12345.67')",
            value=value,
        )
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidInputError(f"the total must be finite, got {amount}", value=value)
    if amount < 0:
        raise InvalidInputError(f"the total cannot be negative, got {amount}", value=value)
    cents = amount * 100
    if cents != cents.to_integral_value():
        raise InvalidInputError(
            f"the total {amount} has fractions of a cent; round it to the cent first",
            value=value,
        )
    return int(cents)


def to_fraction_shares(shares: Mapping[K, Any]) -> dict[K, Fraction]:
    """Check shares: exact, non-negative, summing to exactly 1."""
    if not isinstance(shares, Mapping):
        raise InvalidTypeError(f"shares must be a mapping of party -> share, got {shares!r}")
    out: dict[K, Fraction] = {}
    for key, share in shares.items():
        if type(share) is Fraction and share >= 0:
            out[key] = share
            continue
        if isinstance(share, (float, bool)) or not isinstance(share, (Fraction, int, Decimal)):
            raise InvalidTypeError(
                f"the share of {key} must be a Fraction (exact), got {share!r}", value=share
            )
        exact = Fraction(share)
        if exact < 0:
            raise InvalidInputError(f"the share of {key} is negative: {exact}", value=share)
        out[key] = exact
    total = sum(out.values(), Fraction(0))
    if total != 1:
        raise InvalidInputError(
            f"shares must sum to exactly 1, they sum to {total}", value=dict(shares)
        )
    return out


def allocate(total: Decimal, shares: Mapping[K, Any]) -> dict[K, Decimal]:
    """Split ``total`` to the cent by ``shares`` (largest remainder; see module doc).

    The parts sum exactly to ``total`` and each is within a cent of its exact
    share.  ``total`` must be a non-negative Decimal with at most two decimal
    places; shares must be exact, non-negative and sum to 1.
    """
    return _split_cents(_to_cents(total), to_fraction_shares(shares))


def _split_cents(cents: int, exact: Mapping[K, Fraction]) -> dict[K, Decimal]:
    """:func:`allocate` on a whole number of cents and shares already checked
    (exact, non-negative, summing to 1): the engine's own results come here."""
    if len(exact) == 1:
        return {key: Decimal(cents).scaleb(-2) for key in exact}
    base: dict[K, int] = {}
    remainders: list[tuple[int, int, Fraction, K]] = []
    for key, share in exact.items():
        floor, rest = divmod(share.numerator * cents, share.denominator)
        base[key] = floor
        if rest:
            remainders.append((rest, share.denominator, share, key))
    left = cents - sum(base.values())
    if left:
        # largest remainder (rest / denominator of a cent) first, then the larger
        # share, then the key that sorts first by str()
        remainders.sort(key=lambda r: (-Fraction(r[0], r[1]), -r[2], str(r[3])))
        for _, _, _, key in remainders[:left]:
            base[key] += 1
    return {key: Decimal(base[key]).scaleb(-2) for key in exact}
