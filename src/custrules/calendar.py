"""Working days (工作日): China's official calendar and any other (CAL-1 to CAL-4).

CAL-1: a date is a working day on the mainland China calendar when it is not
a statutory rest day (法定节假日, including the bridge days the State Council
adds by 调休) and either is Monday-Friday or is a weekend day the State
Council has made a working day (调休上班).

CAL-2: the official schedule is published year by year.  The calendar knows
the last day its data covers (``official_through``, derived from the
installed `holidays` data) and raises :class:`CalendarHorizonError` past it,
unless the caller opted in to an estimate.

CAL-3: overrides (a newly published year, a company shutdown) are immutable
data that make a new calendar.  CAL-4: any `holidays` country, and plain
Monday-Friday, through the same API.

>>> from datetime import date
>>> cal = WorkCalendar.china()
>>> cal.is_working_day(date(2026, 2, 14))      # Saturday, 调休上班 for Spring Festival
True
>>> cal.add_working_days(date(2026, 2, 13), 1)  # Friday before the 9-day break
datetime.date(2026, 2, 14)
>>> cal.working_days_between(date(2026, 9, 30), date(2026, 10, 10))   # Oct 8, 9, 10
3

Sources: State Council notices (国务院办公厅关于N年部分节假日安排的通知) as
carried by the `holidays` package; CAL-1..CAL-4 (docs/calendar.md).
"""

from __future__ import annotations

import datetime as _dt
import functools
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from custrules import _check
from custrules._days import DayData, DayKind, SpecialDay
from custrules._frozen import FrozenMap
from custrules._i18n import N_, Names, Sub, lang_code, tr, translated
from custrules._index import DENSE_LIMIT, Dense, Index
from custrules.errors import CalendarHorizonError, InvalidInputError, InvalidTypeError
from custrules.notice import (
    _WEEKDAY_ZH,
    ScheduleNotice,
    _day_words,
    _statutory_by_name,
    statutory_days,
)

__all__ = [
    "CalendarOverrides",
    "DayInfo",
    "DayKind",
    "WorkCalendar",
    "weekday_abbr",
    "working_days_text",
    "zone_label",
]

_ONE_DAY = _dt.timedelta(days=1)
#: a day asked about through a count of working days, in a horizon error
_FROM_REACHING = N_("the answer from {} (reaching {})")
#: the horizon errors (CAL-2): before the data, past an estimate, past China's
#: official schedule, past another calendar's years
_BEFORE_DATA = N_(
    "{asked} is before this calendar's data, which starts {first_day} ({source}); add the "
    "days you need with with_overrides() on a calendar that covers them"
)
_PAST_ESTIMATE = N_(
    "{asked} is past {limit}, the last day even an estimate is available for ({source})"
)
_PAST_CHINA = N_(
    "{asked} is past this calendar's official schedule, which ends {official_through} "
    "({source}): the {name} schedule for {missing_year} is not installed. Upgrade "
    "`holidays` once it carries {missing_year}, or supply the State Council's notice with "
    ".with_notice(ScheduleNotice.parse(text)) (on the command line: --notice FILE), or the "
    "days with .with_overrides(days_off=[...], working_days=[...], "
    "official_through=date({missing_year}, 12, 31)), or opt in to a labelled estimate with "
    "WorkCalendar.china(estimate_beyond_horizon=True)"
)
_PAST_OTHER = N_(
    "{asked} is past this calendar's schedule, which ends {official_through} ({source}): the "
    "{name} days for {missing_year} are not in it. Supply them with "
    ".with_overrides(days_off=[...], working_days=[...], official_through=date({missing_year}, "
    "12, 31)), or build the calendar for more years (WorkCalendar.from_holidays(..., "
    "years=...))"
)
_PAST_GIVEN = N_(
    "{asked} is past this calendar's schedule, which ends {official_through} ({source}, "
    "with the horizon you gave it): supply the days of {missing_year} with "
    ".with_overrides(days_off=[...], working_days=[...], official_through=date({missing_year}, "
    "12, 31))"
)
#: the outermost days any calendar answers for: the dates custrules works with
_MIN_ORD = _check.FIRST_DAY.toordinal()
_MAX_ORD = _check.LAST_DAY.toordinal()
_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def working_days_text(n: int, lang: str = "en") -> str:
    """``1 working day``, ``3 working days``, ``3 个工作日``."""
    n = _check.integer(n, "n")
    return translated(N_("{} working day") if abs(n) == 1 else N_("{} working days"), lang, n)


def zone_label(zone: _dt.tzinfo | None, lang: str = "en") -> str:
    """``Beijing time`` (北京时间) for Asia/Shanghai and custrules' ``CHINA_TZ``, else
    ``<zone> time``; ``no time zone`` for None."""
    from custrules.periods import CHINA_TZ  # periods imports this module

    if zone is None:
        return tr(N_("no time zone"), lang)
    if zone is CHINA_TZ or getattr(zone, "key", None) == "Asia/Shanghai":
        return tr(N_("Beijing time"), lang)
    return translated(N_("{} time"), lang, getattr(zone, "key", None) or zone)


def weekday_abbr(day: _dt.date, lang: str = "en") -> str:
    """The day's weekday, short: ``Sat`` or ``周六``."""
    day = _check.plain_date(day, "day") if type(day) is not _dt.datetime else day
    return (_WEEKDAY_ABBR if lang_code(lang) == "en" else _WEEKDAY_ZH)[day.weekday()]


def _date_set(value: Any) -> frozenset[_dt.date]:
    if isinstance(value, (str, bytes, _dt.date)) or not isinstance(value, Iterable):
        raise InvalidTypeError.of(
            N_("expected an iterable of dates, got {a} ({value!r})"),
            code="calendar.date_set.expected_iterable",
            value=value,
            a=type(value).__name__,
        )
    return frozenset(_check.plain_date(d, "an override day") for d in value)


def _optional_date(value: Any) -> _dt.date | None:
    return None if value is None else _check.plain_date(value, "official_through")


def _disjoint(instance: CalendarOverrides, attribute: Any, value: frozenset[_dt.date]) -> None:
    both = instance.days_off & value
    if both:
        listed = Names(d.isoformat() for d in sorted(both))
        raise InvalidInputError.of(
            N_("a day cannot be both a day off and a working day in one override: {listed}"),
            code="calendar.disjoint.day_cannot",
            value=sorted(both),
            listed=listed,
        )


@attrs.frozen(kw_only=True)
class CalendarOverrides:
    """Host-supplied changes to a calendar (CAL-3), as immutable data.

    ``days_off`` and ``working_days`` win over the underlying data.
    ``official_through`` moves the horizon: days after the installed data and
    up to the new horizon follow the plain weekend rule plus these overrides,
    so give every weekday off and every make-up working day of the new
    schedule.
    """

    days_off: frozenset[_dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    working_days: frozenset[_dt.date] = attrs.field(
        default=frozenset(), converter=_date_set, validator=_disjoint
    )
    official_through: _dt.date | None = attrs.field(default=None, converter=_optional_date)

    def then(self, later: CalendarOverrides) -> CalendarOverrides:
        """These overrides followed by ``later`` (later wins on a shared day)."""
        _overrides(later, "later")
        return CalendarOverrides(
            days_off=(self.days_off - later.working_days) | later.days_off,
            working_days=(self.working_days - later.days_off) | later.working_days,
            official_through=(
                later.official_through
                if later.official_through is not None
                else self.official_through
            ),
        )


@attrs.frozen(kw_only=True)
class DayInfo:
    """One day explained: working or not, and why."""

    day: _dt.date
    working: bool
    kind: DayKind
    #: the holiday's name (display only): China's by the law (CAL-8), a day in lieu, a
    #: bridge day or a make-up working day naming the holiday of its break; other
    #: calendars' in their language
    name: str | None = None
    #: for a bridge day its make-up working day, and the other way round
    swapped_with: _dt.date | None = None
    #: True when the answer is a rule-based estimate past the horizon (CAL-2)
    estimated: bool = attrs.field(default=False, validator=_check.flag)
    #: China: True on a statutory holiday (法定节假日, CAL-8: 300 % overtime under the
    #: Labour Law art. 44), a weekend one included; None on other calendars
    statutory: bool | None = None

    @property
    def plain(self) -> bool:
        """An ordinary working day, with nothing to say about it (what
        :meth:`WorkCalendar.special_days` leaves out)."""
        return self.kind is DayKind.WORKDAY and self.name is None

    @property
    def reason(self) -> str:
        """A one-line human explanation (English; :meth:`describe` for Chinese)."""
        return self.describe()

    def describe(self, lang: str = "en") -> str:
        """Why the day is what it is, in ``lang`` (``"en"`` or ``"zh"``)."""
        if self.kind is DayKind.HOLIDAY and self.statutory is not True:
            # China's statutory days are 法定节假日; other days off by law or notice
            # (in lieu, a one-off holiday) are not, nor are other countries' holidays
            text = tr(
                N_("day off in lieu or by special notice")
                if self.statutory is False
                else N_("public holiday"),
                lang,
            )
        else:
            text = self.kind.label(lang)
        if self.name:
            text += translated(N_(": {}"), lang, self.name)
        if self.swapped_with is not None:
            other = self.swapped_with
            template = (
                N_(" (worked on {} {})")
                if self.kind is DayKind.BRIDGE_DAY
                else N_(" (in exchange for {} {})")
            )
            text += translated(template, lang, other.isoformat(), weekday_abbr(other, lang))
        if self.estimated:
            text += tr(N_(" [estimate: past the official schedule]"), lang)
        return text

    def explain(self, lang: str = "en") -> str:
        """The day on one line: date, weekday, working or not, and why."""
        day = f"{self.day.isoformat()} {weekday_abbr(self.day, lang)}"
        if self.kind is DayKind.WORKDAY:
            mark = (
                tr(N_(" [estimate: past the official schedule]"), lang) if self.estimated else ""
            )
            return translated(N_("{}: working day{}"), lang, day, mark)
        state = N_("{}: working day, {}") if self.working else N_("{}: day off, {}")
        return translated(state, lang, day, self.describe(lang))

    def __str__(self) -> str:
        return self.explain()


def _effective_days(
    data: DayData,
    overrides: CalendarOverrides,
    notices: tuple[ScheduleNotice, ...] = (),
    new_through: _dt.date | None = None,
) -> Mapping[_dt.date, SpecialDay]:
    days = dict(data.days)
    if new_through is None:
        new_through = overrides.official_through
    if (
        new_through is not None
        and data.official_through is not None
        and new_through > data.official_through
    ):
        # The host now supplies the official schedule for these days: drop
        # any estimate, so that the law's days (China: CAL-8), the weekly rule,
        # the notices and the overrides speak.
        for day in [d for d in days if data.official_through < d <= new_through]:
            del days[day]
        if data.label == "CN":
            for year in range(data.official_through.year + 1, new_through.year + 1):
                for name, statutory in _statutory_by_name(year).items():
                    for day in statutory:
                        days[day] = SpecialDay(working=False, kind=DayKind.HOLIDAY, name=name)
    for notice in notices:
        statutory_set = statutory_days(notice.year)
        for entry in notice.entries:
            name = "、".join(entry.names)
            for day in entry.days_off:
                if day in statutory_set or day.weekday() in data.weekend:
                    if day in statutory_set:
                        days[day] = SpecialDay(working=False, kind=DayKind.HOLIDAY, name=name)
                    continue
                kind = DayKind.HOLIDAY if entry.form == "in_lieu" else DayKind.BRIDGE_DAY
                days[day] = SpecialDay(working=False, kind=kind, name=name)
            for day in entry.working_days:
                days[day] = SpecialDay(working=True, kind=DayKind.MAKEUP_WORKDAY, name=name)
    for day in overrides.days_off:
        old = days.get(day)
        days[day] = SpecialDay(
            working=False, kind=DayKind.OVERRIDE_DAY_OFF, name=old.name if old else None
        )
    for day in overrides.working_days:
        old = days.get(day)
        days[day] = SpecialDay(
            working=True, kind=DayKind.OVERRIDE_WORKING_DAY, name=old.name if old else None
        )
    return FrozenMap(days)


_STATUTORY_YEARS = (2000, 2099)


def _arrays_module() -> Any:
    """The NumPy functions, imported on first use (the core never imports NumPy)."""
    try:
        from custrules import _arrays
    except ImportError as exc:  # tested by hiding numpy (tests/test_arrays.py)
        raise InvalidInputError.of(
            N_("the *_array methods need NumPy: pip install 'custrules[numpy]' ({exc})"),
            code="calendar.arrays_module._array_methods",
            exc=exc,
        ) from None
    return _arrays


@functools.lru_cache(maxsize=256)
def _law_names(year: int) -> Mapping[_dt.date, str]:
    """Each statutory day of ``year`` and its holiday's name (CAL-8)."""
    return FrozenMap({d: name for name, days in _statutory_by_name(year).items() for d in days})


@functools.cache
def _china_calendar(estimate: bool, language: str) -> WorkCalendar:  # noqa: FBT001
    # A memoised constant: the calendar is immutable and the installed data
    # cannot change within a process, so every caller may share one.
    _check.boolean(estimate, "estimate")
    from custrules import _holidays_adapter

    return WorkCalendar(
        data=_holidays_adapter.china(estimate=estimate, language=language), zone=CHINA_ZONE
    )


@functools.lru_cache(maxsize=16)
def _rebuilt_cached(
    data: DayData,
    overrides: CalendarOverrides,
    notices: tuple[ScheduleNotice, ...],
    zone: _dt.tzinfo | None,
) -> WorkCalendar:
    return WorkCalendar(data=data, overrides=overrides, notices=notices, zone=zone)


def _rebuilt(
    data: DayData,
    overrides: CalendarOverrides,
    notices: tuple[ScheduleNotice, ...],
    zone: _dt.tzinfo | None,
) -> WorkCalendar:
    """A calendar unpickled: one build per process for the same fields."""
    try:
        return _rebuilt_cached(data, overrides, notices, zone)
    except TypeError:  # pragma: no cover - a zone that does not hash
        return WorkCalendar(data=data, overrides=overrides, notices=notices, zone=zone)


_WEEKDAYS = DayData(
    label="weekdays",
    weekend=frozenset({5, 6}),
    first_day=None,
    official_through=None,
    estimate_through=None,
    days={},
    source=Sub((N_("Monday-Friday, no holidays"), ())),
)


def _zone(value: Any) -> None:
    if value is not None and not isinstance(value, _dt.tzinfo):
        raise InvalidTypeError.of(
            N_(
                "zone must be a datetime.tzinfo such as "
                "zoneinfo.ZoneInfo('America/Los_Angeles'), got {value!r:.60}"
            ),
            code="calendar.zone.zone_datetime",
            value=value,
        )


#: China's zone: Asia/Shanghai (UTC+8, no daylight saving since 1991), from the
#: tz database (the tzdata package where the system has none).
CHINA_ZONE: _dt.tzinfo = zoneinfo.ZoneInfo("Asia/Shanghai")
_CHINA_FIXED = _dt.timezone(_dt.timedelta(hours=8), "CST")


def _instance(value: Any, cls: type, what: str) -> None:
    if not isinstance(value, cls):
        raise InvalidTypeError.of(
            N_(
                "{what} must be a {name}, got {value!r:.60}; build calendars with "
                "WorkCalendar.china(), from_holidays() or weekdays()"
            ),
            code="calendar.instance.build_calendars",
            value=value,
            what=what,
            name=cls.__name__,
        )


def _overrides(value: Any, what: str) -> None:
    if not isinstance(value, CalendarOverrides):
        raise InvalidTypeError.of(
            N_(
                "{what} must be a CalendarOverrides, got {value!r:.60}; build one with "
                "CalendarOverrides(days_off=[...], working_days=[...]), or change a "
                "calendar with calendar.with_overrides(...)"
            ),
            code="calendar.overrides.build_overrides",
            value=value,
            what=what,
        )


def _notices(value: Any) -> tuple[ScheduleNotice, ...]:
    return _check.items_of(ScheduleNotice, value, "notices")


@attrs.frozen(kw_only=True)
class WorkCalendar:
    """An immutable working-day calendar with an honest horizon.

    Build one with :meth:`china`, :meth:`from_holidays` or :meth:`weekdays`;
    change it with :meth:`with_overrides`.  All arithmetic is O(log n) in
    the number of special days.
    """

    data: DayData = attrs.field(validator=lambda _, a, v: _instance(v, DayData, a.name))
    overrides: CalendarOverrides = attrs.field(
        factory=CalendarOverrides,
        validator=lambda _, a, v: _overrides(v, a.name),
    )
    #: the State Council notices added with :meth:`with_notice` (CAL-7), oldest first
    notices: tuple[ScheduleNotice, ...] = attrs.field(default=(), converter=_notices)
    #: the zone an instant is read in to find its day (China: Asia/Shanghai); None:
    #: the calendar has no zone, and deadlines on it are refused until it gets one
    zone: _dt.tzinfo | None = attrs.field(default=None, validator=lambda _, a, v: _zone(v))
    _days: Mapping[_dt.date, SpecialDay] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _index: Index = attrs.field(init=False, eq=False, repr=False, hash=False)
    _lo: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _hi: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _official: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _dense: Dense | None = attrs.field(init=False, eq=False, repr=False, hash=False)
    #: NumPy copies of the dense table, made on the first *_array call (see _arrays)
    _arrays: list[Any] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        days = _effective_days(self.data, self.overrides, self.notices, self.official_through)
        through = self.official_through
        official = _MAX_ORD if through is None else through.toordinal()
        hi = official
        if self.data.estimate_through is not None:
            hi = max(hi, self.data.estimate_through.toordinal())
        lo = _MIN_ORD if self.data.first_day is None else self.data.first_day.toordinal()
        lo, hi = max(lo, _MIN_ORD), min(hi, _MAX_ORD)
        index = Index(self.data.weekend, {d.toordinal(): s.working for d, s in days.items()})
        object.__setattr__(self, "_days", days)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_lo", lo)
        object.__setattr__(self, "_hi", hi)
        object.__setattr__(self, "_official", official)
        bounded = lo != _MIN_ORD and hi != _MAX_ORD and hi - lo < DENSE_LIMIT
        object.__setattr__(self, "_dense", Dense(index, lo, hi) if bounded else None)
        object.__setattr__(self, "_arrays", [])

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickles as its four fields; the indexes are rebuilt on the other side,
        # once per process (see _rebuilt): a Dask or Spark worker that receives
        # the calendar with every task builds it once.
        return (_rebuilt, (self.data, self.overrides, self.notices, self.zone))

    # -- constructors ---------------------------------------------------

    @classmethod
    def china(
        cls, *, estimate_beyond_horizon: bool = False, language: str = "zh_CN"
    ) -> WorkCalendar:
        """Mainland China: statutory holidays, bridge days and 调休上班 (CAL-1).

        Covers the years of State Council notices in the installed
        `holidays` data.  With ``estimate_beyond_horizon=True``, later years
        (to 2100) follow `holidays`' rule-based guess, and every answer that
        rests on it is marked as an estimate (:meth:`is_estimated`,
        ``DayInfo.estimated``).  ``language`` only affects holiday names.
        """
        _check.boolean(estimate_beyond_horizon, "estimate_beyond_horizon")
        from holidays.countries.china import China

        if not isinstance(language, str) or language not in China.supported_languages:
            raise InvalidInputError.of(
                N_("language must be one of {a} (the names of China's holidays), got {value!r}"),
                code="calendar.workcalendar.china.language",
                value=language,
                a=Names(China.supported_languages),
            )
        return _china_calendar(estimate_beyond_horizon, language)

    @classmethod
    def from_holidays(
        cls,
        country: str,
        *,
        subdiv: str | None = None,
        years: Iterable[int] | None = None,
        language: str | None = None,
        zone: _dt.tzinfo | None = None,
    ) -> WorkCalendar:
        """Any country or subdivision the `holidays` package knows (CAL-4).

        ``years`` (a contiguous range) bounds the calendar; by default the
        country's supported years from 1970 on.  Dates outside raise
        :class:`CalendarHorizonError`.  `holidays` computes these countries
        from rules; it has no published-schedule horizon for them.
        """
        from custrules import _holidays_adapter

        if not isinstance(country, str):
            raise InvalidTypeError.of(
                N_("country must be a string code such as 'US', got {country!r}"),
                code="calendar.workcalendar.from_holidays.country_string",
                value=country,
                country=country,
            )
        if country.strip().upper() in ("CN", "CHN") and subdiv is None:
            # one China, one horizon: the official schedule, never a rule-based guess
            china = cls.china(language=language or "zh_CN")
            return china if zone is None else china.with_zone(zone)
        return cls(
            data=_holidays_adapter.country(country, subdiv=subdiv, years=years, language=language),
            zone=zone,
        )

    @classmethod
    def weekdays(cls, *, zone: _dt.tzinfo | None = None) -> WorkCalendar:
        """Monday to Friday, no holidays, no horizon (no zone unless given)."""
        return cls(data=_WEEKDAYS, zone=zone)

    def with_notice(self, notice: ScheduleNotice) -> WorkCalendar:
        """This calendar with the State Council's schedule for ``notice.year`` (CAL-7).

        China's calendar only.  The year after the horizon moves the horizon to
        its 31 December; a year already covered must agree with the calendar
        day by day (then nothing changes); a later year, leaving a gap, is an
        error.  Past the installed data the calendar starts from the law's
        statutory days (CAL-8) and the weekends, then the notice's days.
        """
        if not isinstance(notice, ScheduleNotice):
            raise InvalidTypeError.of(
                N_("expected a ScheduleNotice, got {notice!r:.60}"),
                code="calendar.workcalendar.with_notice.expected_schedulenotice",
                value=notice,
                notice=notice,
            )
        if self.data.label != "CN":
            raise InvalidInputError.of(
                N_(
                    "a State Council notice schedules mainland China; this calendar is "
                    "{name}: use WorkCalendar.china() (on the command line: --calendar china)"
                ),
                code="calendar.workcalendar.with_notice.state_council",
                value=notice,
                name=self.name,
            )
        through = self.official_through
        assert through is not None
        if notice.year <= through.year:
            found = notice.disagreement(self)
            if found is not None:
                day, notice_working = found
                says, has = _day_words(notice_working=notice_working)
                raise InvalidInputError.of(
                    N_(
                        "the {year} notice makes {a} {says}; this calendar has {has}: a "
                        "notice for a covered year must agree with it"
                    ),
                    code="calendar.workcalendar.with_notice.notice_makes",
                    value=notice,
                    year=notice.year,
                    a=day.isoformat(),
                    says=says,
                    has=has,
                )
            return self
        if notice.year != through.year + 1 or (through.month, through.day) != (12, 31):
            raise InvalidInputError.of(
                N_(
                    "the calendar's official schedule ends on {a}: add {a2}'s notice "
                    "before {year}'s"
                ),
                code="calendar.workcalendar.with_notice.calendar_s",
                value=notice,
                a=through.isoformat(),
                a2=through.year + 1,
                year=notice.year,
            )
        return WorkCalendar(
            data=self.data,
            overrides=self.overrides,
            notices=(*self.notices, notice),
            zone=self.zone,
        )

    def with_overrides(
        self,
        *,
        days_off: Iterable[_dt.date] = (),
        working_days: Iterable[_dt.date] = (),
        official_through: _dt.date | None = None,
    ) -> WorkCalendar:
        """A new calendar with these days off / working days (CAL-3).

        The original calendar is unchanged.  ``official_through`` moves the
        horizon (see :class:`CalendarOverrides`).
        """
        more = CalendarOverrides(
            days_off=days_off, working_days=working_days, official_through=official_through
        )
        return WorkCalendar(
            data=self.data,
            overrides=self.overrides.then(more),
            notices=self.notices,
            zone=self.zone,
        )

    def with_zone(self, zone: _dt.tzinfo) -> WorkCalendar:
        """This calendar, reading instants in ``zone`` (for deadlines)."""
        _zone(zone)
        return attrs.evolve(self, zone=zone)

    def require_zone(self) -> _dt.tzinfo:
        """The calendar's zone; a calendar without one cannot place an instant on a day."""
        if self.zone is None:
            raise InvalidInputError.of(
                N_(
                    "the {name} calendar has no time zone, so it cannot tell on which "
                    "day an instant falls: give it one, e.g. "
                    "WorkCalendar.from_holidays('US', subdiv='CA', "
                    "zone=ZoneInfo('America/Los_Angeles')) or calendar.with_zone(...) "
                    "(on the command line: --zone America/Los_Angeles)"
                ),
                code="calendar.workcalendar.require_zone.calendar_has",
                value=self,
                name=self.name,
            )
        if self.zone is CHINA_ZONE and self.data.label == "CN":
            # the China calendar starts in 2001; Asia/Shanghai has been exactly UTC+8
            # since 1991, and a fixed offset converts instants several times faster
            return _CHINA_FIXED
        return self.zone

    # -- what the calendar covers ----------------------------------------

    @property
    def name(self) -> str:
        """A short label: ``CN``, ``US-CA``, ``weekdays``."""
        return self.data.label

    @property
    def official_through(self) -> _dt.date | None:
        """The last day the official schedule covers (CAL-2); None: no horizon."""
        through = self.data.official_through
        if self.overrides.official_through is not None:
            through = self.overrides.official_through
        if self.notices:
            last = _dt.date(self.notices[-1].year, 12, 31)
            through = last if through is None else max(through, last)
        return through

    @property
    def first_day(self) -> _dt.date | None:
        """The first day the data covers; None: unbounded."""
        return self.data.first_day

    @property
    def estimates_beyond_horizon(self) -> bool:
        """Whether days past ``official_through`` are answered with an estimate."""
        return self.data.estimate_through is not None

    def is_estimated(self, day: _dt.date) -> bool:
        """True when ``day`` is past the official schedule (an estimate answers it)."""
        return self._ordinal(day, "day") > self._official

    # -- the arithmetic -------------------------------------------------

    def _ordinal(self, day: Any, what: str) -> int:
        if type(day) is not _dt.date:
            _check.plain_date(day, what)
        o: int = day.toordinal()
        if o < self._lo or o > self._hi:
            _check.in_range(day, what)
            raise self._horizon_error(day)
        return o

    def _result(self, o: int, start: _dt.date, n: int) -> _dt.date:
        if o < self._lo or o > self._hi:
            beyond = o > self._hi
            edge = _dt.date.fromordinal(self._hi if beyond else self._lo)
            if (beyond and self._hi == _MAX_ORD) or (not beyond and self._lo == _MIN_ORD):
                raise InvalidInputError.of(
                    N_(
                        "{n} working days from {start} is outside the dates custrules works "
                        "with ({first} to {last})"
                    ),
                    code="calendar.workcalendar.result.working_days",
                    value=n,
                    n=n,
                    start=start,
                    first=_check.FIRST_DAY,
                    last=_check.LAST_DAY,
                )
            raise self._horizon_error(edge + (_ONE_DAY if beyond else -_ONE_DAY), start=start)
        return _dt.date.fromordinal(o)

    def _horizon_error(
        self, day: _dt.date, *, start: _dt.date | None = None
    ) -> CalendarHorizonError:
        first, through = self.first_day, self.official_through
        facts: dict[str, Any] = {
            "day": day,
            "first_day": first,
            "official_through": through,
            "asked": day if start is None else Sub((_FROM_REACHING, (start, day))),
            "source": self.data.source,
            "name": self.name,
        }
        if first is not None and day < first:
            return CalendarHorizonError.of(
                _BEFORE_DATA, code="horizon.before_data", missing_year=day.year, **facts
            )
        if self.estimates_beyond_horizon:
            limit = _dt.date.fromordinal(self._hi)
            return CalendarHorizonError.of(
                _PAST_ESTIMATE,
                code="horizon.past_estimate",
                missing_year=limit.year + 1,
                limit=limit,
                **facts,
            )
        assert through is not None
        missing = through.year + 1 if through.month == 12 and through.day == 31 else through.year
        # the State Council's notices and the estimate are China's: other calendars are
        # extended with their own days, or built for more years; a calendar whose data
        # has no horizon (plain weekdays) has only the one its host gave it
        if self.data.label == "CN":
            template = _PAST_CHINA
        elif self.data.official_through is None:
            template = _PAST_GIVEN
        else:
            template = _PAST_OTHER
        return CalendarHorizonError.of(template, missing_year=missing, **facts)

    def is_working_day(self, day: _dt.date) -> bool:
        """Whether ``day`` is a working day (CAL-1)."""
        return self._index.is_working(self._ordinal(day, "day"))

    def add_working_days(self, day: _dt.date, n: int) -> _dt.date:
        """The n-th working day after ``day`` (``day`` itself not counted, CAL-6).

        ``n < 0`` goes back; ``n == 0`` gives ``day`` if it is a working day,
        else the next working day.
        """
        dense = self._dense
        if dense is not None and type(day) is _dt.date and type(n) is int:
            # Fast path: two list look-ups (see _index.Dense).
            i = day.toordinal() - dense.lo
            if 0 <= i < dense.size:
                k = dense.before[i + 1] + n - 1 if n > 0 else dense.before[i] + n
                if 0 <= k < len(dense.days):
                    return dense.days[k]
        _check.integer(n, "n")
        o = self._ordinal(day, "day")
        return self._result(self._index.add(o, n), day, n)

    def working_days_between(self, start: _dt.date, end: _dt.date) -> int:
        """The number of working days d with ``start < d <= end``.

        Negative when ``end`` is before ``start`` (the count of the reversed
        interval, negated), so ``working_days_between(a, add_working_days(a,
        n)) == n`` for every n >= 1.
        """
        a = self._ordinal(start, "start")
        b = self._ordinal(end, "end")
        dense = self._dense
        if dense is not None:
            return dense.before[b - dense.lo + 1] - dense.before[a - dense.lo + 1]
        return self._index.count_through(b) - self._index.count_through(a)

    # -- arrays (the numpy extra) ----------------------------------------

    def add_working_days_array(self, days: Any, n: Any) -> Any:
        """:meth:`add_working_days` for a ``datetime64[D]`` array; ``n`` an int or an
        int array (broadcast).  ``NaT`` stays ``NaT``; a date past the data raises
        :class:`CalendarHorizonError` naming the first such date.  Needs NumPy
        (``pip install custrules[numpy]``).

        >>> import numpy as np
        >>> cal = WorkCalendar.china()
        >>> cal.add_working_days_array(np.array(["2026-02-13", "NaT"], dtype="datetime64[D]"), 2)
        array(['2026-02-24',        'NaT'], dtype='datetime64[D]')
        """
        return _arrays_module().add_working_days_array(self, days, n)

    def working_days_between_array(self, start: Any, end: Any) -> Any:
        """:meth:`working_days_between` element by element (broadcast); an int64
        array, or float64 with NaN where a date is ``NaT``."""
        return _arrays_module().working_days_between_array(self, start, end)

    def is_working_day_array(self, days: Any) -> Any:
        """:meth:`is_working_day` element by element (False for ``NaT``)."""
        return _arrays_module().is_working_day_array(self, days)

    def is_estimated_array(self, days: Any) -> Any:
        """:meth:`is_estimated` element by element: which answers rest on an estimate."""
        return _arrays_module().is_estimated_array(self, days)

    # -- explanations ----------------------------------------------------

    def explain(self, day: _dt.date) -> DayInfo:
        """Whether ``day`` is a working day, and why (weekend, which holiday, 调休)."""
        o = self._ordinal(day, "day")
        working = self._index.is_working(o)
        special = self._days.get(day)
        estimated = o > self._official
        statutory = None
        name = None if special is None else special.name
        if self.data.label == "CN" and _STATUTORY_YEARS[0] <= day.year <= _STATUTORY_YEARS[1]:
            # China's explanations never rest on `holidays`' localised names: the
            # law's names for statutory days, the swap for bridge and make-up days
            law = _law_names(day.year)
            statutory = day in law
            name = law.get(day)
            if name is None and special is not None and special.kind in _OF_A_HOLIDAY:
                # in lieu of, or swapped for, a holiday: name it (国庆节调休)
                off = special.swapped_with if special.kind is DayKind.MAKEUP_WORKDAY else day
                name = None if off is None else self._holiday_of(off)
        if special is not None:
            return DayInfo(
                day=day,
                working=working,
                kind=special.kind,
                name=name,
                swapped_with=special.swapped_with,
                estimated=estimated,
                statutory=statutory,
            )
        kind = DayKind.WORKDAY if working else DayKind.WEEKEND
        return DayInfo(
            day=day, working=working, kind=kind, estimated=estimated, statutory=statutory
        )

    def _break_around(
        self, day: _dt.date, lo: _dt.date | None = None, hi: _dt.date | None = None
    ) -> list[_dt.date]:
        """The days off in a row around the day off ``day`` (itself included), in order,
        within ``lo``..``hi`` (by default the calendar's dates)."""
        first = self._lo if lo is None else max(self._lo, lo.toordinal())
        last = self._hi if hi is None else min(self._hi, hi.toordinal())
        start = end = day.toordinal()
        while start > first and not self._index.is_working(start - 1):
            start -= 1
        while end < last and not self._index.is_working(end + 1):
            end += 1
        return [_dt.date.fromordinal(o) for o in range(start, end + 1)]

    def _holiday_of(self, day: _dt.date) -> str | None:
        """The statutory holidays (CAL-8) in the break around ``day`` (a day off in lieu,
        or a bridge day): the holiday it belongs to, or None."""
        names: dict[str, None] = {}
        for d in self._break_around(day):
            if _STATUTORY_YEARS[0] <= d.year <= _STATUTORY_YEARS[1]:
                name = _law_names(d.year).get(d)
                if name is not None:
                    names[name] = None
        return "、".join(names) or None

    def special_days(self, start: _dt.date, end: _dt.date) -> tuple[DayInfo, ...]:
        """Every day d with ``start < d <= end`` that is not a plain working day.

        Weekends, holidays and bridge days skipped, and make-up or override
        working days counted: what a person checking a count wants to see.
        """
        self._ordinal(start, "start")
        self._ordinal(end, "end")
        return tuple(info for info in self._explain_range(start, end) if not info.plain)

    def _explain_range(self, start: _dt.date, end: _dt.date) -> Iterator[DayInfo]:
        day = start + _ONE_DAY
        while day <= end:
            yield self.explain(day)
            day += _ONE_DAY

    def __repr__(self) -> str:
        extra = ", estimating" if self.estimates_beyond_horizon else ""
        return (
            f"WorkCalendar({self.name}, {self.first_day or '-inf'}.."
            f"{self.official_through or '+inf'}{extra})"
        )


#: days off (or on) that belong to a holiday without being statutory themselves
_OF_A_HOLIDAY = frozenset({DayKind.HOLIDAY, DayKind.BRIDGE_DAY, DayKind.MAKEUP_WORKDAY})
