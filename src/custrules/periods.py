"""Periods of days, months, years and working days (CAL-5, CAL-6).

The default convention is the PRC Civil Code, arts. 200-204 (CAL-5):

* art. 201: the day a period starts is not counted; counting starts the
  next day;
* art. 202: a period in months or years ends on the corresponding day of
  the last month, or on that month's last day when it has no such day
  (Jan 31 + 1 month = Feb 28/29);
* art. 203: when the last day is a rest day (a weekend or statutory holiday
  actually taken off), the period ends on the first working day after the
  rest days; a make-up working day (调休上班) is a working day, so a period
  ending on one does not move.  The period ends at 24:00 of its last day,
  or at the close of business where business hours apply;
* art. 204: the parties may agree otherwise, hence :class:`PeriodConvention`.

CAL-6: "within N working days" from an instant: the instant's day (read in
China's zone) is not counted, the last day is the N-th working day after
it, and the period ends at close of business if given, else at 24:00.

Instants must be timezone-aware; the day of an instant is read in
``tz`` (China's zone, UTC+8, by default): 01:00 Beijing time on Sunday is
Sunday, whatever zone the caller used.

>>> from datetime import datetime, time
>>> start = datetime(2026, 9, 30, 10, 0, tzinfo=CHINA_TZ)
>>> p = period_end(start, 3, Unit.WORKING_DAYS, closing_time=time(17, 30))
>>> p.last_day, p.end.isoformat()      # Oct 8, Oct 9, then Saturday Oct 10 (调休上班)
(datetime.date(2026, 10, 10), '2026-10-10T17:30:00+08:00')
>>> later = period_end(datetime(2026, 9, 3, 10, 0, tzinfo=CHINA_TZ), 1, Unit.MONTHS)
>>> later.rolled_from, later.last_day   # Oct 3 falls in National Day: art. 203 roll
(datetime.date(2026, 10, 3), datetime.date(2026, 10, 8))
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_
from custrules.calendar import WorkCalendar
from custrules.errors import InvalidInputError, InvalidTypeError

__all__ = [
    "AfterClose",
    "CHINA_TZ",
    "CIVIL_CODE",
    "Month",
    "PeriodConvention",
    "PeriodEnd",
    "Unit",
    "add_months",
    "counting_day",
    "end_instant",
    "local_date",
    "parse_date",
    "parse_instant",
    "period_end",
]

#: China Standard Time, UTC+8 (the whole mainland; no daylight saving since
#: 1991, so a fixed offset is exact for every date the calendar covers).
CHINA_TZ = _dt.timezone(_dt.timedelta(hours=8), "CST")

_ONE_DAY = _dt.timedelta(days=1)
_MIDNIGHT = _dt.time(0, 0)


class Unit(str, enum.Enum):
    """What a period is counted in."""

    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    WORKING_DAYS = "working_days"


#: what a month's year is called in a refusal
_MONTH_YEAR = N_("a month's year")

#: the refusal of a period longer than custrules counts, for each unit
_TOO_LONG = {
    Unit.DAYS: N_(
        "a period of {length} days is longer than custrules counts (at most {a} days, "
        "a hundred years)"
    ),
    Unit.MONTHS: N_(
        "a period of {length} months is longer than custrules counts (at most {a} months, "
        "a hundred years)"
    ),
    Unit.YEARS: N_(
        "a period of {length} years is longer than custrules counts (at most {a} years)"
    ),
    Unit.WORKING_DAYS: N_(
        "a period of {length} working days is longer than custrules counts (at most {a} "
        "working days, about a hundred years)"
    ),
}


def _to_unit(value: Any) -> Unit:
    """A Unit from itself, its value or its name (errors list the choices)."""
    result: Unit = _check.member(Unit, value, "unit")
    return result


#: The longest period custrules counts, per unit: a hundred years.
_MAX_LENGTH = {Unit.DAYS: 36_525, Unit.WORKING_DAYS: 25_000, Unit.MONTHS: 1_200, Unit.YEARS: 100}


class AfterClose(str, enum.Enum):
    """CAL-6 decision: when is a receipt after close of business received?

    ``SAME_DAY`` (default, CAL-6 as written): the receipt day is the day of
    the instant, whatever the hour.  ``NEXT_WORKING_DAY``: with a closing
    time, a receipt after it, or on a day off, counts as received on the next
    working day (a business-hours SLA).  Without a closing time both agree.
    """

    SAME_DAY = "same_day"
    NEXT_WORKING_DAY = "next_working_day"


def _to_after_close(value: Any) -> AfterClose:
    """A AfterClose from itself, its value, its name or its label (errors list the choices)."""
    result: AfterClose = _check.member(AfterClose, value, "after close")
    return result


def _tz(value: Any) -> _dt.tzinfo:
    if not isinstance(value, _dt.tzinfo):
        raise InvalidTypeError.of(
            N_("tz must be a datetime.tzinfo, got {value!r}"),
            code="periods.tz.tz_datetime",
            value=value,
        )
    return value


@attrs.frozen(kw_only=True)
class PeriodConvention:
    """How periods are counted.  :data:`CIVIL_CODE` is the default (CAL-5).

    Art. 204 lets parties agree otherwise: ``count_start_day=True`` counts
    the start day as day 1; ``roll_past_rest_days=False`` lets a period end
    on a rest day.
    """

    count_start_day: bool = attrs.field(default=False, validator=_check.flag)
    roll_past_rest_days: bool = attrs.field(default=True, validator=_check.flag)
    after_close: AfterClose = attrs.field(default=AfterClose.SAME_DAY, converter=_to_after_close)


#: The PRC Civil Code arts. 200-204 (CAL-5), the library's default.
CIVIL_CODE = PeriodConvention()


@attrs.frozen(kw_only=True)
class PeriodEnd:
    """Where a period ends, and why."""

    start: _dt.datetime
    #: the day of ``start`` in the period's zone
    start_day: _dt.date
    #: the day counting starts after (``start_day``, unless a receipt after
    #: close moved it, or the convention counts the start day)
    counted_from: _dt.date
    length: int
    unit: Unit
    #: the last day of the period (after any art. 203 roll)
    last_day: _dt.date
    #: the instant the period ends: close of business, else 24:00 of
    #: ``last_day`` (written as 00:00 of the next day); an act at this very
    #: instant is still within the period
    end: _dt.datetime
    closing_time: _dt.time | None
    #: the day the period would have ended on before art. 203 moved it
    rolled_from: _dt.date | None
    #: True when a day past the calendar's official schedule was used (CAL-2)
    estimated: bool
    rules: tuple[str, ...]


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The corresponding day ``months`` later, or that month's last day (CAL-5 art. 202).

    >>> add_months(_dt.date(2026, 1, 31), 1), add_months(_dt.date(2024, 2, 29), 12)
    (datetime.date(2026, 2, 28), datetime.date(2025, 2, 28))
    """
    _check.plain_date(day, "day")
    _check.integer(months, "months", limit=_MAX_LENGTH[Unit.MONTHS])
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if day.day <= 28:
        return day.replace(year=year, month=month)
    last = _MONTH_DAYS[month - 1]
    if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        last = 29
    return _dt.date(year, month, min(day.day, last))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT_TEXT = re.compile(
    r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ]"
    r"(?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)"
    r"(?P<zone>[Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def parse_date(text: Any, what: str = N_("date")) -> _dt.date:
    """A date from ``YYYY-MM-DD`` text, the same on every Python version.

    >>> parse_date("2026-02-14")
    datetime.date(2026, 2, 14)
    """
    if not isinstance(text, str):
        raise InvalidTypeError.of(
            N_("{what} must be text YYYY-MM-DD, got {text!r}"),
            code="periods.parse_date.text_yyyy",
            value=text,
            what=what,
            text=text,
        )
    raw = text.strip()
    try:
        if not _DATE_TEXT.fullmatch(raw):
            raise ValueError
        value = _dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidInputError.of(
            N_("{what}: not a date: {a!r} (use YYYY-MM-DD, e.g. 2026-02-14)"),
            code="periods.parse_date.not_date",
            value=text,
            what=what,
            a=text[:40],
        ) from None
    return _check.in_range(value, what)


def parse_instant(text: Any, what: str = N_("instant")) -> _dt.datetime:
    """An aware datetime from ISO 8601 text with a zone (``Z`` means UTC).

    Only ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]`` with ``Z`` or ``+HH:MM`` is read (a
    space may stand for the ``T``): the same forms on every Python version.

    >>> parse_instant("2026-02-13T10:00+08:00").isoformat()
    '2026-02-13T10:00:00+08:00'
    """
    if not isinstance(text, str):
        raise InvalidTypeError.of(
            N_("{what} must be ISO 8601 text, got {text!r}"),
            code="periods.parse_instant.iso_text.1",
            value=text,
            what=what,
            text=text,
        )
    raw = text.strip()
    match = _INSTANT_TEXT.fullmatch(raw)
    if match is None:
        no_zone = _INSTANT_TEXT.pattern.rsplit("(?P<zone>", 1)[0]
        if re.fullmatch(no_zone, raw):
            raise InvalidInputError.of(
                N_(
                    "{what}: {text!r} has no time zone: add one, e.g. {raw}+08:00 for Beijing time"
                ),
                code="periods.parse_instant.has_no_time_zone_add_one_e_g.3",
                value=text,
                what=what,
                text=text,
                raw=raw,
            )
        raise InvalidInputError.of(
            N_("{what}: not a date and time: {a!r} (use e.g. 2026-02-13T10:00+08:00)"),
            code="periods.parse_instant.not_date_time.2",
            value=text,
            what=what,
            a=text[:40],
        )
    zone = match["zone"]
    if zone in ("Z", "z"):
        zone = "+00:00"
    clock = match["time"]
    if "." in clock:  # Python 3.10 reads only 3 or 6 digits of a fraction
        whole, fraction = clock.split(".")
        clock = f"{whole}.{fraction.ljust(6, '0')}"
    try:
        value = _dt.datetime.fromisoformat(f"{match['day']}T{clock}{zone}")
    except ValueError:
        raise InvalidInputError.of(
            N_("{what}: not a date and time: {a!r} (use e.g. 2026-02-13T10:00+08:00)"),
            code="periods.parse_instant.not_date_time.4",
            value=text,
            what=what,
            a=text[:40],
        ) from None
    return _check.aware(value, what)


def local_date(instant: _dt.datetime, tz: _dt.tzinfo = CHINA_TZ) -> _dt.date:
    """The day of an aware instant in ``tz`` (China's zone by default).

    >>> from datetime import datetime, timezone
    >>> local_date(datetime(2026, 1, 3, 17, 0, tzinfo=timezone.utc))  # 01:00 Sunday in Beijing
    datetime.date(2026, 1, 4)
    """
    _check.aware(instant, "start")
    return instant.astimezone(_tz(tz)).date()


def _closing(value: Any) -> _dt.time | None:
    if value is None:
        return None
    if not isinstance(value, _dt.time):
        raise InvalidTypeError.of(
            N_("closing_time must be a datetime.time such as time(17, 30), got {value!r}"),
            code="periods.closing.closing_time_datetime",
            value=value,
        )
    if value.tzinfo is not None:
        raise InvalidInputError.of(
            N_(
                "closing_time must be a wall-clock time without a zone, got {value!r}; "
                "the period's zone is given by tz"
            ),
            code="periods.closing.closing_time_wall",
            value=value,
        )
    return value


def end_instant(last_day: _dt.date, closing_time: _dt.time | None, tz: _dt.tzinfo) -> _dt.datetime:
    """The instant a period whose last day is ``last_day`` ends (CAL-5 art. 203)."""
    _check.plain_date(last_day, "last_day")
    return _end_instant(last_day, _closing(closing_time), _tz(tz))


def _end_instant(
    last_day: _dt.date, closing_time: _dt.time | None, tz: _dt.tzinfo
) -> _dt.datetime:
    if closing_time is None:
        return _dt.datetime.combine(last_day, _MIDNIGHT, tz) + _ONE_DAY
    return _dt.datetime.combine(last_day, closing_time, tz)


def _utc(t: _dt.datetime) -> _dt.datetime:
    """``t`` in UTC, to compare and subtract as instants: Python compares two datetimes
    of one ``tzinfo`` by their wall clocks, which in a zone with daylight saving (a
    ``ZoneInfo``) puts the second 01:10 of the night the clocks go back before the
    first 01:30, and makes a span across the change an hour too short or long."""
    return t.astimezone(_dt.timezone.utc)


def _not_before_start(start: _dt.datetime, end: _dt.datetime) -> _dt.datetime:
    """``end``, the end of a period that starts at ``start``, refused if it falls before
    the start.  Only art. 204's agreement to count the start day can do so: with a
    closing time, a start after close of business on a period's only day, read as
    received that day (``AfterClose.SAME_DAY``), is past the period already."""
    if _utc(end) < _utc(start):
        raise InvalidInputError.of(
            N_(
                "counting the start day (count_start_day), the period ends at {end}, "
                "before it starts ({start}): the start is after close of business on the "
                "period's only day; count such a start on the next working day "
                "(after_close='next_working_day'), or do not count the start day"
            ),
            code="periods.ends_before_start",
            value=start,
            end=end.isoformat(),
            start=start.isoformat(),
        )
    return end


def counting_day(
    local: _dt.datetime,
    calendar: WorkCalendar,
    closing_time: _dt.time | None,
    convention: PeriodConvention,
) -> _dt.date:
    """The day after which counting starts, for an instant already in the
    period's zone (CAL-5 art. 201, and the CAL-6 after-close decision)."""
    _check.aware(local, "local")
    if not isinstance(calendar, WorkCalendar):
        raise InvalidTypeError.of(
            N_("calendar must be a WorkCalendar, got {calendar!r}"),
            code="periods.counting_day.calendar_workcalendar",
            value=calendar,
            calendar=calendar,
        )
    if not isinstance(convention, PeriodConvention):
        raise InvalidTypeError.of(
            N_("convention must be a PeriodConvention, got {convention!r}"),
            code="periods.counting_day.convention_periodconvention",
            value=convention,
            convention=convention,
        )
    return _counting_day(local, calendar, _closing(closing_time), convention)


def _counting_day(
    local: _dt.datetime,
    calendar: WorkCalendar,
    closing_time: _dt.time | None,
    convention: PeriodConvention,
) -> _dt.date:
    day = local.date()
    if (
        convention.after_close is AfterClose.NEXT_WORKING_DAY
        and closing_time is not None
        and (not calendar.is_working_day(day) or local.time() > closing_time)
    ):
        day = calendar.add_working_days(day, 1 if calendar.is_working_day(day) else 0)
    if convention.count_start_day:
        day -= _ONE_DAY
    return day


def period_end(
    start: _dt.datetime,
    length: int,
    unit: Unit | str,
    *,
    calendar: WorkCalendar | None = None,
    closing_time: _dt.time | None = None,
    tz: _dt.tzinfo = CHINA_TZ,
    convention: PeriodConvention = CIVIL_CODE,
) -> PeriodEnd:
    """The end of a period of ``length`` units from the instant ``start``.

    ``calendar`` (default: China's official calendar) decides working days
    and rest days; past its horizon it raises ``CalendarHorizonError``
    unless it estimates, in which case the result says ``estimated``.
    """
    _check.aware(start, "start")
    tz = _tz(tz)
    unit = _to_unit(unit)
    _check.integer(length, "length")
    if length < 1:
        raise InvalidInputError.of(
            N_("a period must be at least 1 unit long, got {length}"),
            code="periods.period_end.period_least",
            value=length,
            length=length,
        )
    if length > _MAX_LENGTH[unit]:
        raise InvalidInputError.of(
            _TOO_LONG[unit],
            code="periods.period_end.period_longer",
            value=length,
            length=length,
            a=_MAX_LENGTH[unit],
        )
    if not isinstance(convention, PeriodConvention):
        raise InvalidTypeError.of(
            N_("convention must be a PeriodConvention, got {convention!r}"),
            code="periods.period_end.convention_periodconvention",
            value=convention,
            convention=convention,
        )
    closing_time = _closing(closing_time)
    cal = WorkCalendar.china() if calendar is None else calendar
    if not isinstance(cal, WorkCalendar):
        raise InvalidTypeError.of(
            N_("calendar must be a WorkCalendar, got {cal!r}"),
            code="periods.period_end.calendar_workcalendar",
            value=cal,
            cal=cal,
        )

    local = start.astimezone(tz)
    start_day = local.date()
    counted_from = _counting_day(local, cal, closing_time, convention)
    rules = ["CAL-5"]

    rolled_from = None
    if unit is Unit.WORKING_DAYS:
        rules.append("CAL-6")
        last_day = cal.add_working_days(counted_from, length)
    else:
        if unit is Unit.DAYS:
            last_day = counted_from + _dt.timedelta(days=length)
        else:
            months = length if unit is Unit.MONTHS else 12 * length
            last_day = add_months(counted_from, months)
            if convention.count_start_day:
                # counted_from is the day before the start: move back to the
                # corresponding day of the start, then end the day before it.
                last_day = add_months(start_day, months) - _ONE_DAY
        if convention.roll_past_rest_days and not cal.is_working_day(last_day):
            rolled_from = last_day
            last_day = cal.add_working_days(last_day, 0)
    estimated = cal.is_estimated(last_day)
    if estimated:
        rules.append("CAL-2")
    return PeriodEnd(
        start=start,
        start_day=start_day,
        counted_from=counted_from,
        length=length,
        unit=unit,
        last_day=last_day,
        end=_not_before_start(start, _end_instant(last_day, closing_time, tz)),
        closing_time=closing_time,
        rolled_from=rolled_from,
        estimated=estimated,
        rules=tuple(rules),
    )


@functools.total_ordering
@attrs.frozen
class Month:
    """A calendar month, for monthly figures (volumes, bills, reviews).

    >>> Month(2026, 11) + 2
    Month(year=2027, month=1)
    >>> Month.parse("2026-03").last_day
    datetime.date(2026, 3, 31)
    """

    year: int = attrs.field(validator=lambda _, a, v: _check.integer(v, a.name))
    month: int = attrs.field(validator=lambda _, a, v: _check.integer(v, a.name))

    def __attrs_post_init__(self) -> None:
        _check.year(self.year, _MONTH_YEAR)  # custrules' dates: 1900 to 2199
        if not 1 <= self.month <= 12:
            raise InvalidInputError.of(
                N_("not a month: {year}-{month:02d} (month must be 1-12)"),
                code="periods.month.not_month",
                value=(self.year, self.month),
                year=self.year,
                month=self.month,
            )

    @classmethod
    def of(cls, day: _dt.date) -> Month:
        """The month a date falls in."""
        day = _check.plain_date(day, "day")
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, value: Month | str | _dt.date) -> Month:
        """A Month from a Month, a date, or text ``YYYY-MM``."""
        if isinstance(value, Month):
            return value
        if isinstance(value, _dt.date):
            # a datetime is refused as Month.of refuses it: its month depends on the zone
            return cls.of(value)
        if isinstance(value, str):
            head, sep, tail = value.strip().partition("-")
            if sep and head.isdigit() and tail.isdigit():
                return cls(int(head), int(tail))
            raise InvalidInputError.of(
                N_("not a month: {value!r} (use YYYY-MM)"),
                code="periods.month.parse.not_month",
                value=value,
            )
        raise InvalidTypeError.of(
            N_("a month must be a Month, a date or 'YYYY-MM', got {value!r}"),
            code="periods.month.parse.month_month",
            value=value,
        )

    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> _dt.date:
        return (self + 1).first_day - _ONE_DAY

    def __add__(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + _check.integer(months, "months")
        return Month(index // 12, index % 12 + 1)

    def __sub__(self, months: int) -> Month:
        return self + (-_check.integer(months, "months"))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Month):
            return NotImplemented
        return (self.year, self.month) < (other.year, other.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
