"""Boundary checks shared by every module (private)."""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

from custrules.errors import InvalidInputError, InvalidTypeError, NaiveDatetimeError


def plain_date(value: Any, what: str) -> _dt.date:
    """Return ``value`` if it is a date (and not a datetime), else raise."""
    if isinstance(value, _dt.datetime):
        raise InvalidTypeError(
            f"{what} must be a date, not a datetime ({value!r}); for an instant use "
            "custrules.periods.local_date(instant) to read its day in China's zone",
            value=value,
        )
    if not isinstance(value, _dt.date):
        raise InvalidTypeError(
            f"{what} must be a datetime.date, got {type(value).__name__} ({value!r})",
            value=value,
        )
    return value


def aware(value: Any, what: str) -> _dt.datetime:
    """Return ``value`` if it is a timezone-aware datetime, else raise."""
    if not isinstance(value, _dt.datetime):
        raise InvalidTypeError(
            f"{what} must be a timezone-aware datetime, got {type(value).__name__} ({value!r})",
            value=value,
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{what} is a naive datetime ({value}): give it a time zone, e.g. "
            "value.replace(tzinfo=custrules.CHINA_TZ) for Beijing time",
            value=value,
        )
    return value


def integer(value: Any, what: str) -> int:
    """Return ``value`` if it is an int (bools refused), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(
            f"{what} must be an int, got {type(value).__name__} ({value!r})", value=value
        )
    return value


def exact_number(value: Any, what: str) -> Fraction:
    """Turn an int, Decimal, Fraction or numeric string into an exact Fraction.

    Floats are accepted only when finite (they are taken at their exact
    binary value after a round trip through ``repr``, so ``0.1`` is 1/10);
    NaN, infinities, bools and other types are refused.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(f"{what} must be a number, got a bool ({value!r})", value=value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidInputError(f"{what} must be a finite number, got {value}", value=value)
        return Fraction(value)
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidInputError(f"{what} must be a finite number, got {value}", value=value)
        return Fraction(repr(value))
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip())
        except ArithmeticError:
            raise InvalidInputError(
                f"{what} must be a number, got the text {value!r}", value=value
            ) from None
        return exact_number(parsed, what)
    raise InvalidTypeError(
        f"{what} must be a number (int, Decimal, Fraction), got {type(value).__name__} "
        f"({value!r})",
        value=value,
    )


def volume(value: Any, what: str = "volume") -> Fraction:
    """An exact, finite, non-negative quantity (a volume, a bill, a share of supply)."""
    if isinstance(value, str):
        raise InvalidTypeError(
            f"{what} must be a number, not text ({value!r}); convert it first", value=value
        )
    exact = exact_number(value, what)
    if exact < 0:
        raise InvalidInputError(f"{what} cannot be negative, got {value}", value=value)
    return exact


def nonempty(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{attribute.name} must be non-empty text, got {value!r}")


def member(enum_cls: type[enum.Enum], value: Any, what: str) -> Any:
    """An enum member from itself, its value, or its name (any case)."""
    from custrules.errors import UnknownLabelError

    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        text = value.strip()
        for item in enum_cls:
            if text in (item.value, item.name) or text.lower() == item.name.lower():
                return item
    known = ", ".join(f"{m.name} ({m.value})" for m in enum_cls)
    raise UnknownLabelError(f"unknown {what} {value!r}: use one of {known}", value=value)


def share(value: Any) -> Fraction:
    """attrs converter: an exact share between 0 and 1."""
    exact = exact_number(value, "a share")
    if not 0 <= exact <= 1:
        raise InvalidInputError(f"a share must be between 0 and 1, got {exact}", value=value)
    return exact


def aware_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a timezone-aware datetime."""
    aware(value, attribute.name)


def optional_aware_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or a timezone-aware datetime."""
    if value is not None:
        aware(value, attribute.name)


def date_attr(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a date (not a datetime)."""
    plain_date(value, attribute.name)


def optional_nonempty(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: None or non-empty text."""
    if value is not None:
        nonempty(instance, attribute, value)


def flag(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: a yes/no field takes only ``True`` or ``False``.

    Text such as ``"false"`` or a number such as ``0`` is refused: ``bool("false")``
    is true, and in a case file that would hand a deal to the wrong person.
    """
    if not isinstance(value, bool):
        raise InvalidTypeError(
            f"{attribute.name} must be true or false (a bool), got {type(value).__name__} "
            f"({value!r})",
            value=value,
        )
