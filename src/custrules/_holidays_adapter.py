"""The one place that talks to the `holidays` package (private).

`holidays` is a mutable dict that fills itself lazily, and past its data it
silently guesses.  This adapter reads it once, eagerly, over an explicit
range of years, and turns what it says into immutable :class:`DayData`:

* China (CAL-1, CAL-2): the official range is the range of years present in
  ``ChinaStaticHolidays.special_public_holidays``, the table of State Council
  notices that `holidays` ships.  Nothing is typed in here: upgrading
  `holidays` to a release with next year's notice moves the horizon.  The
  same table pairs each bridge day (调休放假) with its make-up working day
  (调休上班), which the calendar reports as the reason for either.
* Other countries (CAL-4): whatever `holidays` computes for them, over the
  years asked for.

Holiday names are kept for display only; no logic depends on them.
"""

from __future__ import annotations

import datetime as _dt
import importlib.metadata
from collections.abc import Iterable, Mapping
from typing import Any

import holidays

from custrules import _check
from custrules._days import DayData, DayKind, SpecialDay
from custrules._i18n import N_, Sub
from custrules.errors import InvalidInputError

_ONE_DAY = _dt.timedelta(days=1)


def version() -> str:
    """The installed `holidays` version."""
    return importlib.metadata.version("holidays")


def _china_swaps(table: Mapping[int, Any]) -> dict[_dt.date, _dt.date]:
    """Bridge day -> make-up working day, from the State Council table.

    Rows are ``(to_month, to_day, from_month, from_day[, from_year])``: the
    day off ``to`` is worked on ``from``.  Rows ``(month, day, name)`` are
    extra holidays (e.g. 2015-09-03), not swaps.
    """
    swaps: dict[_dt.date, _dt.date] = {}
    for year, rows in table.items():
        if rows and not isinstance(rows[0], tuple):
            rows = (rows,)
        for row in rows:
            if len(row) in (4, 5) and all(isinstance(x, int) for x in row):
                from_year = row[4] if len(row) == 5 else year
                swaps[_dt.date(year, row[0], row[1])] = _dt.date(from_year, row[2], row[3])
    return swaps


def _scan(
    source: Any,
    first: _dt.date,
    last: _dt.date,
    swaps: Mapping[_dt.date, _dt.date],
) -> dict[_dt.date, SpecialDay]:
    """Ask `source` about every day of [first, last]; keep the special ones."""
    makeups = {work: off for off, work in swaps.items()}
    weekend = frozenset(source.weekend)
    out: dict[_dt.date, SpecialDay] = {}
    day = first
    while day <= last:
        working = bool(source.is_working_day(day))
        on_weekend = day.weekday() in weekend
        if working and not on_weekend:
            day += _ONE_DAY
            continue
        name = source.get(day)
        if not working and day in swaps:
            out[day] = SpecialDay(
                working=False, kind=DayKind.BRIDGE_DAY, name=name, swapped_with=swaps[day]
            )
        elif working:
            out[day] = SpecialDay(
                working=True,
                kind=DayKind.MAKEUP_WORKDAY,
                name=name,
                swapped_with=makeups.get(day),
            )
        elif name is not None:
            out[day] = SpecialDay(working=False, kind=DayKind.HOLIDAY, name=name)
        elif not on_weekend:
            # Off without a name: the country's weekend was different then.
            out[day] = SpecialDay(working=False, kind=DayKind.WEEKEND)
        day += _ONE_DAY
    return out


def china(*, estimate: bool, language: str = "zh_CN") -> DayData:
    """Mainland China from the State Council notices `holidays` carries."""
    from holidays.countries import china as _china

    china_cls: Any = _china.China
    static: Any = _china.ChinaStaticHolidays

    table: Mapping[int, Any] = static.special_public_holidays
    years = sorted(table)
    first = _dt.date(years[0], 1, 1)
    through = _dt.date(years[-1], 12, 31)
    swaps = _china_swaps(table)
    official = china_cls(years=range(years[0], years[-1] + 1), language=language)
    days = _scan(official, first, through, swaps)
    estimate_through = None
    if estimate:
        end_year = int(getattr(china_cls, "end_year", 2100))
        guess = china_cls(years=range(years[-1] + 1, end_year + 1), language=language)
        estimate_through = _dt.date(end_year, 12, 31)
        days.update(_scan(guess, through + _ONE_DAY, estimate_through, {}))
    return DayData(
        label="CN",
        weekend=frozenset(official.weekend),
        first_day=first,
        official_through=through,
        estimate_through=estimate_through,
        days=days,
        source=china_source(years[0], years[-1]),
    )


def china_source(first_year: int, last_year: int) -> Sub:
    """Where China's days come from, in the reader's language (a data label that
    errors name)."""
    return Sub(
        (N_("holidays {}, State Council notices {}-{}"), (version(), first_year, last_year))
    )


def country(
    code: str,
    *,
    subdiv: str | None,
    years: Iterable[int] | None,
    language: str | None,
) -> DayData:
    """Any country or subdivision `holidays` knows (CAL-4)."""
    for what, text in (("subdiv", subdiv), ("language", language)):
        if text is not None:
            _check.text(text, what)
    try:
        probe = holidays.country_holidays(code, subdiv=subdiv)
    except NotImplementedError as exc:
        raise InvalidInputError.of(
            N_(
                "`holidays` {a} does not know the country {code_!r} (subdivision "
                "{subdiv!r}): {exc}; see holidays.list_supported_countries()"
            ),
            code="holidays_adapter.country.holidays_does",
            value=code,
            a=version(),
            code_=code,
            subdiv=subdiv,
            exc=exc,
        ) from None
    if years is None:
        start = max(int(getattr(probe, "start_year", 1970)), 1970)
        end = int(getattr(probe, "end_year", 2100))
        year_list = list(range(start, end + 1))
    else:
        year_list = sorted({_check.year(y, "a year") for y in _check.items(years, "years")})
        if not year_list:
            raise InvalidInputError.of(
                N_("years must name at least one year"),
                code="holidays_adapter.country.years_name",
                value=years,
            )
        if year_list != list(range(year_list[0], year_list[-1] + 1)):
            raise InvalidInputError.of(
                N_("years must be a contiguous range, got {a}..{a2} with gaps"),
                code="holidays_adapter.country.years_contiguous",
                value=years,
                a=year_list[0],
                a2=year_list[-1],
            )
    source = holidays.country_holidays(code, subdiv=subdiv, years=year_list, language=language)
    first = _dt.date(year_list[0], 1, 1)
    last = _dt.date(year_list[-1], 12, 31)
    label = code if subdiv is None else f"{code}-{subdiv}"
    return DayData(
        label=label,
        weekend=frozenset(source.weekend),
        first_day=first,
        official_through=last,
        estimate_through=None,
        days=_scan(source, first, last, {}),
        source=Sub(
            (
                N_("holidays {}, rules for {} {}-{}"),
                (version(), label, year_list[0], year_list[-1]),
            )
        ),
    )


#: The years the lunar tables `holidays` ships answer reliably (its Qingming
#: approximation holds for 1901-2099).
LUNAR_YEARS = range(1901, 2100)


def lunar_days(year: int) -> tuple[_dt.date, _dt.date, _dt.date, _dt.date]:
    """(Spring Festival, Qingming, Dragon Boat, Mid-Autumn) of ``year`` in China."""
    from holidays.calendars.chinese import _ChineseLunisolar

    lunar: Any = _ChineseLunisolar()
    spring = lunar.lunar_new_year_date(year)[0]
    qingming = lunar.qingming_date(year)[0]
    dragon = lunar.dragon_boat_date(year)[0]
    autumn = lunar.mid_autumn_date(year)[0]
    if None in (spring, qingming, dragon, autumn):  # pragma: no cover - outside LUNAR_YEARS
        raise InvalidInputError.of(
            N_("`holidays` {a} has no lunar dates for {year}"),
            code="holidays_adapter.lunar_days.holidays_has",
            a=version(),
            year=year,
        )
    return spring, qingming, dragon, autumn
