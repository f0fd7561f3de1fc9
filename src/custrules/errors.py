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
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

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


_E = TypeVar("_E", bound="CustrulesError")


class CustrulesError(Exception):
    """Root of every error custrules raises on purpose.

    Beside its English message, every error carries a stable ``code`` (the
    error's kind, or a finer code where the raising code gives one) and its
    ``params`` (the values the message names), so that a host can show it in
    its own language; :meth:`message_in` renders it in English or Chinese.
    """

    #: the code of errors of this class that give none of their own
    default_code: ClassVar[str] = "error"

    def __init__(
        self,
        message: str,
        *,
        value: Any = None,
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        super().__init__(message)
        self.value = value
        self.code = code or type(self).default_code
        merged = {"value": value} if value is not None else {}
        merged.update(params or {})
        self.params: dict[str, Any] = merged
        #: the English text with ``{name}`` fields that the message was made from
        self.template = template

    @classmethod
    def of(cls: type[_E], template: str, *, code: str, value: Any = None, **params: Any) -> _E:
        """An error from a marked template and its named parameters::

        raise InvalidInputError.of(N_("{what} cannot be negative, got {value}"),
                                   code="example.negative", what="volume", value=-1)
        """
        shown = {"value": value, **params}
        return cls(
            template.format(**shown), value=value, code=code, params=params, template=template
        )

    def message_in(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` or ``"zh"``)."""
        from custrules._i18n import error_message

        return error_message(self, lang)


class InvalidInputError(CustrulesError, ValueError):
    """A value of the right type that the rules cannot accept.

    ``value`` is the offending value (``None`` when the problem is a
    combination of values).
    """

    default_code = "invalid_input"


class InvalidTypeError(CustrulesError, TypeError):
    """A value of the wrong type (a float where money must be Decimal, a
    datetime where a date is meant, ...)."""

    default_code = "invalid_type"


class NaiveDatetimeError(InvalidInputError):
    """A datetime without a time zone where an instant is needed."""

    default_code = "naive_datetime"


class NoticeError(InvalidInputError):
    """A holiday notice that fails a check (CAL-7); ``line`` is the faulty line
    (1 for the first line of the text; 0 when the fault is not on one line)."""

    default_code = "notice"

    def __init__(
        self,
        message: str,
        *,
        line: int,
        value: object = None,
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
        template: str | None = None,
    ) -> None:
        where = f"line {line}: " if line else ""
        super().__init__(
            f"{where}{message}",
            value=value,
            code=code,
            params={**(params or {}), "line": line},
            template=template,
        )
        self.line = line

    @classmethod
    def of(  # type: ignore[override]
        cls, template: str, *, code: str, line: int, value: Any = None, **params: Any
    ) -> NoticeError:
        """A notice error from a marked template, its line and its named parameters."""
        shown = {"value": value, **params}
        return cls(
            template.format(**shown),
            line=line,
            value=value,
            code=code,
            params=params,
            template=template,
        )


class UnknownLabelError(InvalidInputError, LookupError):
    """A label (grade, score cell, severity, ...) that the table does not know."""

    default_code = "unknown_label"


class ExtensionError(InvalidInputError):
    """A deadline extension that the rules refuse (no approval, past the cap)."""

    default_code = "extension"


class TransitionError(CustrulesError, ValueError):
    """A step of a procedure taken out of order."""

    default_code = "transition"


class CalendarHorizonError(CustrulesError, ValueError):
    """A date the calendar has no official data for (CAL-2).

    ``day`` is the date asked about, ``first_day`` / ``official_through``
    the range the calendar covers and ``missing_year`` the year whose
    schedule would be needed.
    """

    default_code = "horizon"

    def __init__(
        self,
        message: str,
        *,
        day: _dt.date,
        first_day: _dt.date | None,
        official_through: _dt.date | None,
        missing_year: int,
        code: str | None = None,
    ) -> None:
        super().__init__(
            message,
            value=day,
            code=code,
            params={
                "day": day,
                "first_day": first_day,
                "official_through": official_through,
                "missing_year": missing_year,
            },
        )
        self.day = day
        self.first_day = first_day
        self.official_through = official_through
        self.missing_year = missing_year

    @classmethod
    def of(  # type: ignore[override]
        cls,
        template: str,
        *,
        day: _dt.date,
        first_day: _dt.date | None,
        official_through: _dt.date | None,
        missing_year: int,
        code: str | None = None,
        **params: Any,
    ) -> CalendarHorizonError:
        """A horizon error from a marked template and its named parameters (the
        dates and the missing year among them)."""
        dates = {
            "day": day,
            "first_day": first_day,
            "official_through": official_through,
            "missing_year": missing_year,
        }
        error = cls(
            template.format(value=day, **dates, **params),
            code=code,
            day=day,
            first_day=first_day,
            official_through=official_through,
            missing_year=missing_year,
        )
        error.params.update(params)
        error.template = template
        return error
