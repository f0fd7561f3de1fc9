"""custrules: Chinese customer-management regulations as exact, explainable code."""

from custrules.calendar import CalendarOverrides, DayInfo, DayKind, WorkCalendar
from custrules.errors import (
    CalendarHorizonError,
    CustrulesError,
    ExtensionError,
    InvalidInputError,
    InvalidTypeError,
    NaiveDatetimeError,
    TransitionError,
    UnknownLabelError,
)
from custrules.periods import (
    CHINA_TZ,
    CIVIL_CODE,
    AfterClose,
    PeriodConvention,
    PeriodEnd,
    Unit,
    end_instant,
    local_date,
    period_end,
)

__all__ = [
    "AfterClose",
    "CHINA_TZ",
    "CIVIL_CODE",
    "CalendarHorizonError",
    "CalendarOverrides",
    "CustrulesError",
    "DayInfo",
    "DayKind",
    "ExtensionError",
    "InvalidInputError",
    "InvalidTypeError",
    "NaiveDatetimeError",
    "PeriodConvention",
    "PeriodEnd",
    "TransitionError",
    "Unit",
    "UnknownLabelError",
    "WorkCalendar",
    "end_instant",
    "local_date",
    "period_end",
]
