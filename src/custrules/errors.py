"""The one error hierarchy of custrules.

Every error raised on purpose derives from :class:`CustrulesError`.  Errors
about bad input also derive from :class:`ValueError` (or :class:`TypeError`
for a wrong type), so a host's ``except ValueError`` keeps working.  Each
error carries the offending value as an attribute and its message says what
was wrong and what to do.

>>> from datetime import datetime
>>> from custrules import periods
>>> periods.local_date(datetime(2026, 2, 14, 9, 0))
Traceback (most recent call last):
...
custrules.errors.NaiveDatetimeError: start is a naive datetime (2026-02-14 09:00:00): ...
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

__all__ = [
    "CalendarHorizonError",
    "CustrulesError",
    "ExtensionError",
    "InvalidInputError",
    "InvalidTypeError",
    "NaiveDatetimeError",
    "NoticeError",
    "TransitionError",
    "UnknownLabelError",
]


class CustrulesError(Exception):
    """Root of every error custrules raises on purpose."""


class InvalidInputError(CustrulesError, ValueError):
    """A value of the right type that the rules cannot accept.

    ``value`` is the offending value (``None`` when the problem is a
    combination of values).
    """

    def __init__(self, message: str, *, value: Any = None) -> None:
        super().__init__(message)
        self.value = value


class InvalidTypeError(CustrulesError, TypeError):
    """A value of the wrong type (a float where money must be Decimal, a
    datetime where a date is meant, ...)."""

    def __init__(self, message: str, *, value: Any = None) -> None:
        super().__init__(message)
        self.value = value


class NaiveDatetimeError(InvalidInputError):
    """A datetime without a time zone where an instant is needed."""


class NoticeError(InvalidInputError):
    """A holiday notice that fails a check (CAL-7); ``line`` is the faulty line
    (1 for the first line of the text; 0 when the fault is not on one line)."""

    def __init__(self, message: str, *, line: int, value: object = None) -> None:
        where = f"line {line}: " if line else ""
        super().__init__(f"{where}{message}", value=value)
        self.line = line


class UnknownLabelError(InvalidInputError, LookupError):
    """A label (grade, score cell, severity, ...) that the table does not know."""


class ExtensionError(InvalidInputError):
    """A deadline extension that the rules refuse (no approval, past the cap)."""


class TransitionError(CustrulesError, ValueError):
    """A step of a procedure taken out of order."""


class CalendarHorizonError(CustrulesError, ValueError):
    """A date the calendar has no official data for (CAL-2).

    ``day`` is the date asked about, ``first_day`` / ``official_through``
    the range the calendar covers and ``missing_year`` the year whose
    schedule would be needed.
    """

    def __init__(
        self,
        message: str,
        *,
        day: _dt.date,
        first_day: _dt.date | None,
        official_through: _dt.date | None,
        missing_year: int,
    ) -> None:
        super().__init__(message)
        self.day = day
        self.first_day = first_day
        self.official_through = official_through
        self.missing_year = missing_year
