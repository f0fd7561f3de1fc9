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
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any, TypeVar

from custrules import _check
from custrules._i18n import N_, Names, Sub
from custrules.errors import InvalidInputError, InvalidTypeError

__all__ = ["CENT", "MAX_AMOUNT_YUAN", "allocate", "to_fraction_shares", "to_money"]

#: One cent (分), the smallest unit :func:`allocate` hands out.
CENT = Decimal("0.01")
#: The largest amount of money custrules splits: a quadrillion yuan less a cent
#: (docs/limits.md).  Every amount within it is split exactly to the cent.
MAX_AMOUNT_YUAN = 10**15 - 1
_LIMIT_DIGITS = 15
_FRACTION_OF_A_CENT = "money.to_cents.total_has_fractions_cent_round_cent_first_pass.8"
_MAX_MONEY_PLACES = 28

K = TypeVar("K", bound=Hashable)


def _to_cents(value: Any, rounding: str | None = None) -> int:
    """The total in whole cents, exactly (no decimal context is involved).

    An amount with a fraction of a cent is refused unless ``rounding`` names a
    :mod:`decimal` rounding mode (``decimal.ROUND_HALF_UP``, ...) to apply.
    """
    if isinstance(value, float):
        raise InvalidTypeError.of(
            N_(
                "the total must be a Decimal (or an int), not {a} ({value!r}): floats "
                "cannot hold cents exactly; use Decimal('12345.67')"
            ),
            code="money.to_cents.total_decimal_not_floats_cannot_hold_cents_exactly.1",
            value=value,
            a=type(value).__name__,
        )
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise InvalidTypeError.of(
            N_(
                "the total must be a Decimal (or an int), not {a} ({value!r:.60}): "
                "convert it first, for example Decimal('12345.67')"
            ),
            code="money.to_cents.total_decimal_not_other",
            value=value,
            a=type(value).__name__,
        )
    if not isinstance(value, Decimal):
        if value < 0:
            raise InvalidInputError.of(
                N_("the total cannot be negative, got {value}"),
                code="money.to_cents.total_cannot_negative.6",
                value=value,
            )
        if value > MAX_AMOUNT_YUAN:
            raise InvalidInputError.of(
                N_(
                    "the total is larger than custrules' limit for money "
                    "({MAX_AMOUNT_YUAN:,} yuan)"
                ),
                code="money.to_cents.total_larger_than_custrules_limit_money.7",
                value=value,
                MAX_AMOUNT_YUAN=MAX_AMOUNT_YUAN,
            )
        cents: int = value * 100
        return cents
    amount = value
    if not amount.is_finite():
        raise InvalidInputError.of(
            N_("the total must be finite, got {amount}"),
            code="money.to_cents.total_finite.2",
            value=value,
            amount=amount,
        )
    if amount.is_signed() and amount:
        raise InvalidInputError.of(
            N_("the total cannot be negative, got {amount}"),
            code="money.to_cents.total_cannot_negative.3",
            value=value,
            amount=amount,
        )
    if amount and amount.adjusted() >= _LIMIT_DIGITS:
        raise InvalidInputError.of(
            N_(
                "the total {amount:.3e} is larger than custrules' limit for money "
                "({MAX_AMOUNT_YUAN:,} yuan)"
            ),
            code="money.to_cents.total_larger_than_custrules_limit_money.4",
            value=value,
            amount=amount,
            MAX_AMOUNT_YUAN=MAX_AMOUNT_YUAN,
        )
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -_MAX_MONEY_PLACES:
        raise InvalidInputError.of(
            N_("the total {amount} has more than {MAX_MONEY_PLACES} decimal places"),
            code="money.to_cents.total_has_more_than_decimal_places.5",
            value=value,
            amount=amount,
            MAX_MONEY_PLACES=_MAX_MONEY_PLACES,
        )
    # exact and context-free: the amount's own ratio (its size and places are bounded
    # above, and a zero is (0, 1) whatever its exponent)
    numerator, denominator = amount.as_integer_ratio()
    cents, rest = divmod(numerator * 100, denominator)
    if rest:
        if rounding is None:
            raise InvalidInputError.of(
                N_(
                    "the total {amount} has fractions of a cent: round it to the cent "
                    "first, or pass rounding=decimal.ROUND_HALF_UP (or another decimal "
                    "rounding mode)"
                ),
                code=_FRACTION_OF_A_CENT,
                value=value,
                amount=amount,
            )
        context = Context(prec=_LIMIT_DIGITS + 4, rounding=rounding)
        rounded = amount.quantize(CENT, context=context).scaleb(2, context=context)
        return int(rounded)
    return cents


def _whole_cents(value: Any) -> int:
    """:func:`_to_cents` at a door with no rounding option (a case file, the command
    line): the same refusals, but an amount with a fraction of a cent is told to be
    written to the cent, not to pass ``rounding=``, which such a door has not."""
    try:
        return _to_cents(value)
    except InvalidInputError as exc:
        if exc.code != _FRACTION_OF_A_CENT:
            raise
        raise InvalidInputError.of(
            N_(
                "the amount {amount} has fractions of a cent: write it to the cent "
                "(at most two decimal places, e.g. 12345.67)"
            ),
            code="money.whole_cents.fractions_of_a_cent",
            value=value,
            amount=value,
        ) from None


def to_money(cents: int) -> Decimal:
    """A whole number of cents as yuan with two places (``12345`` -> ``123.45``)."""
    _check.integer(cents, "cents", limit=MAX_AMOUNT_YUAN * 100 + 99)
    return _money(cents)


def _money(cents: int) -> Decimal:
    """:func:`to_money` on a checked int: built from its text, which no decimal
    context rounds."""
    return Decimal(f"{cents}e-2")


def to_fraction_shares(shares: Mapping[K, Any]) -> dict[K, Fraction]:
    """Check shares: exact, non-negative, summing to exactly 1."""
    if not isinstance(shares, Mapping):
        raise InvalidTypeError.of(
            N_("shares must be a mapping of party -> share, got {shares!r}"),
            code="money.to_fraction_shares.shares_mapping",
            value=shares,
            shares=shares,
        )
    out: dict[K, Fraction] = {}
    for key, share in shares.items():
        if isinstance(share, (float, bool)) or not isinstance(share, (Fraction, int, Decimal)):
            raise InvalidTypeError.of(
                N_("the share of {key} must be a Fraction (exact), got {share!r}"),
                code="money.to_fraction_shares.share_fraction",
                value=share,
                key=key,
                share=share,
            )
        what = Sub((N_("the share of {}"), (key,)))
        exact = _check.exact_number(share, what)
        if exact < 0:
            raise InvalidInputError.of(
                N_("the share of {key} is negative: {exact}"),
                code="money.to_fraction_shares.share_negative",
                value=share,
                key=key,
                exact=exact,
            )
        out[key] = exact
    total = sum(out.values(), Fraction(0))
    if total != 1:
        raise InvalidInputError.of(
            N_("shares must sum to exactly 1, they sum to {total}"),
            code="money.to_fraction_shares.shares_sum",
            value=dict(shares),
            total=total,
        )
    return out


def allocate(
    total: Decimal, shares: Mapping[K, Any], *, rounding: str | None = None
) -> dict[K, Decimal]:
    """Split ``total`` to the cent by ``shares`` (largest remainder; see module doc).

    The parts sum exactly to ``total`` and each is within a cent of its exact
    share.  ``total`` must be a non-negative Decimal (or int) of at most
    :data:`MAX_AMOUNT_YUAN` yuan with at most two decimal places, unless
    ``rounding`` (a :mod:`decimal` rounding mode such as ``ROUND_HALF_UP``) says
    how to round it to the cent first; shares must be exact, non-negative and
    sum to 1.  No decimal context is used: the result is exact for every
    amount within the limit.

    >>> # a tie: the odd cent goes to the party that sorts first, 乙 (U+4E59) before 甲
    >>> allocate(Decimal("999999999999999.99"), {"甲": Fraction(1, 2), "乙": Fraction(1, 2)})
    {'甲': Decimal('499999999999999.99'), '乙': Decimal('500000000000000.00')}
    >>> from decimal import ROUND_HALF_UP
    >>> allocate(Decimal("10.005"), {"甲": Fraction(1)}, rounding=ROUND_HALF_UP)
    {'甲': Decimal('10.01')}
    """
    if rounding is not None and (type(rounding) is not str or rounding not in _ROUNDINGS):
        raise InvalidInputError.of(
            N_("rounding must be a decimal rounding mode ({a}), got {rounding!r}"),
            code="money.allocate.rounding_decimal",
            value=rounding,
            a=Names(sorted(_ROUNDINGS)),
            rounding=rounding,
        )
    return _split_cents(_to_cents(total, rounding), to_fraction_shares(shares))


_ROUNDINGS = frozenset(
    {
        "ROUND_CEILING",
        "ROUND_DOWN",
        "ROUND_FLOOR",
        "ROUND_HALF_DOWN",
        "ROUND_HALF_EVEN",
        "ROUND_HALF_UP",
        "ROUND_UP",
        "ROUND_05UP",
    }
)


def _split_cents(cents: int, exact: Mapping[K, Fraction]) -> dict[K, Decimal]:
    """:func:`allocate` on a whole number of cents and shares already checked
    (exact, non-negative, summing to 1): the engine's own results come here."""
    if len(exact) == 1:
        return {key: _money(cents) for key in exact}
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
    return {key: _money(base[key]) for key in exact}
