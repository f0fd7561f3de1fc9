"""Next year's schedule from the State Council's notice, and the law's statutory days.

CAL-8 (全国年节及纪念日放假办法): which days are statutory holidays (法定节假日)
is fixed by the State Council's measures, so :func:`statutory_days` knows them
for any year from the lunar calendar: the 2000 version (New Year's Day, the
1st-3rd of the first lunar month, 1-3 May, 1-3 October), the 2008 version
(New Year's Eve and the 1st-2nd of the Spring Festival, Qingming, 1 May, the
Dragon Boat and Mid-Autumn festivals: 11 days), the 2014 version (the Spring
Festival's 1st-3rd again) and the 2025 version (New Year's Eve and the 1st-3rd,
1-2 May: 13 days).

CAL-7 (国务院办公厅关于N年部分节假日安排的通知): the annual notice adds the
bridge days off and the make-up working days, usually weeks before a calendar
package ships them.  :meth:`ScheduleNotice.parse` reads it as published
(ranges with or without month or year, 周 or 星期, lunar notes, in-lieu days,
breaks joined to the weekend, two holidays on one line, ASCII or full-width
punctuation, simplified or traditional characters), checks it, and raises a
:class:`~custrules.errors.NoticeError` naming the line of any failed check;
:meth:`~custrules.WorkCalendar.with_notice` then moves a calendar's horizon.

>>> notice = ScheduleNotice.parse('''国务院办公厅关于2027年部分节假日安排的通知
... 一、元旦：1月1日（周五）至3日（周日）放假，共3天。''', check_installed=False,
...     check_statutory=False)
>>> notice.year, sorted(notice.days_off)[0], len(notice.days_off)
(2027, datetime.date(2027, 1, 1), 3)
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from custrules import _check, _holidays_adapter
from custrules._i18n import N_, Names, Term
from custrules.errors import InvalidInputError, InvalidTypeError, NoticeError

__all__ = ["NoticeEntry", "ScheduleNotice", "statutory_days"]

_ONE_DAY = _dt.timedelta(days=1)

#: The versions of the measures: the year each took effect.
_VERSIONS = (2000, 2008, 2014, 2025)


@functools.lru_cache(maxsize=256)
def _statutory(year: int) -> frozenset[_dt.date]:
    return frozenset(d for days in _statutory_by_name(year).values() for d in days)


def statutory_days(year: int) -> frozenset[_dt.date]:
    """The statutory holidays of ``year`` in mainland China (CAL-8), computed.

    >>> sorted(d.isoformat() for d in statutory_days(2026))[:4]
    ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18']
    >>> len(statutory_days(2007)), len(statutory_days(2008)), len(statutory_days(2025))
    (10, 11, 13)
    """
    _check.integer(year, "year")
    last = _holidays_adapter.LUNAR_YEARS.stop - 1
    if not _VERSIONS[0] <= year <= last:
        raise InvalidInputError.of(
            N_(
                "statutory days are computed for {a}-{last} (the measures of 2000 "
                "onwards, and the lunar tables installed); got {year}"
            ),
            code="notice.statutory_days.statutory_days",
            value=year,
            a=_VERSIONS[0],
            last=last,
            year=year,
        )
    return _statutory(year)


def _statutory_by_name(year: int) -> dict[str, tuple[_dt.date, ...]]:
    spring, qingming, dragon, autumn = _holidays_adapter.lunar_days(year)
    eve = spring - _ONE_DAY
    day = _dt.date
    out: dict[str, tuple[_dt.date, ...]] = {"元旦": (day(year, 1, 1),)}
    if year < 2008:
        out["春节"] = (spring, spring + _ONE_DAY, spring + 2 * _ONE_DAY)
        out["劳动节"] = (day(year, 5, 1), day(year, 5, 2), day(year, 5, 3))
    else:
        if year < 2014:
            out["春节"] = (eve, spring, spring + _ONE_DAY)
        elif year < 2025:
            out["春节"] = (spring, spring + _ONE_DAY, spring + 2 * _ONE_DAY)
        else:
            out["春节"] = (eve, spring, spring + _ONE_DAY, spring + 2 * _ONE_DAY)
        out["清明节"] = (qingming,)
        out["劳动节"] = (day(year, 5, 1),) if year < 2025 else (day(year, 5, 1), day(year, 5, 2))
        out["端午节"] = (dragon,)
        out["中秋节"] = (autumn,)
    out["国庆节"] = (day(year, 10, 1), day(year, 10, 2), day(year, 10, 3))
    return out


# -- reading a notice --------------------------------------------------------------------

_CN_DIGITS = "一二三四五六七八九十"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日安排的通知")
_ITEM = re.compile(r"^\s*([一二三四五六七八九十]+)[、.]\s*([^:]+?)\s*:\s*(.+)$")
_DATE = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?"
_RANGE = re.compile(rf"^{_DATE}至{_DATE}放假(?:调休)?(?:,共(\d+)天)?$")
_SINGLE = re.compile(rf"^{_DATE}放假(?:(\d+)天)?(?:,共(\d+)天)?(?:,(不调休|与周末连休))?$")
_IN_LIEU = re.compile(rf"^{_DATE}放假,{_DATE}补休$")
_WORK = re.compile(rf"^{_DATE}(?:[、,]{_DATE})*上班$")
_ONE_WORK = re.compile(_DATE)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_check.SIMPLIFY)
    text = text.replace("星期", "周").replace("礼拜", "周")
    return text.replace("，", ",").replace("；", ";").replace("。", ".").replace("．", ".")


def _holiday_names(value: Any) -> tuple[str, ...]:
    return tuple(_check.text(v, "a holiday's name") for v in _check.items(value, "names"))


def _start(value: Any) -> _dt.date:
    return _check.plain_date(value, "start")


def _end(value: Any) -> _dt.date:
    return _check.plain_date(value, "end")


def _days_off(value: Any) -> frozenset[_dt.date]:
    return frozenset(_check.plain_date(v, "a day off") for v in _check.items(value, "days_off"))


def _makeup_days(value: Any) -> tuple[_dt.date, ...]:
    items = _check.items(value, "working_days")
    return tuple(_check.plain_date(v, "a make-up working day") for v in items)


def _days_of_form(entry: Any) -> frozenset[_dt.date]:
    """A line's days off when none are given: those its form and dates give."""
    return _form_days(entry.form, entry.start, entry.end) or frozenset()


@attrs.frozen(kw_only=True)
class NoticeEntry:
    """One numbered line of a notice: a holiday (or two), its break and make-up days."""

    #: the holidays the line names (``("中秋节", "国庆节")`` on a combined line)
    names: tuple[str, ...] = attrs.field(converter=_holiday_names)
    #: how the notice states the break: ``range``, ``single``, ``in_lieu`` or ``joined``
    form: str
    #: the days the notice states (first and last day of a range; the day and its
    #: in-lieu day)
    start: _dt.date = attrs.field(converter=_start)
    end: _dt.date = attrs.field(converter=_end)
    #: every day of the break, weekend days inside or joined to it included (by
    #: default the days the form and dates give; given, it must be those)
    days_off: frozenset[_dt.date] = attrs.field(
        default=attrs.Factory(_days_of_form, takes_self=True), converter=_days_off
    )
    #: the make-up working days (调休上班) on this line
    working_days: tuple[_dt.date, ...] = attrs.field(default=(), converter=_makeup_days)
    #: the line of the notice it was read from (0: not read from text)
    line: int = attrs.field(default=0, eq=False)

    def __attrs_post_init__(self) -> None:
        # a line built directly is held to what a notice's wording can say: its days
        # off follow from its form and dates (render() writes only those)
        start, end, days_off, working = self.start, self.end, self.days_off, self.working_days
        names = self.names
        expected = _form_days(self.form, start, end)
        if expected is None:
            raise NoticeError.of(
                N_(
                    "a notice line is a range (start <= end), a single day, a day joined to "
                    "the weekend (start == end) or a day with its day in lieu (start != "
                    "end); got form {form!r} from {a} to {a2}"
                ),
                code="notice.noticeentry.form",
                value=self,
                line=self.line,
                form=self.form,
                a=start.isoformat(),
                a2=end.isoformat(),
            )
        if expected != days_off:
            raise NoticeError.of(
                N_(
                    "a notice line of form {form!r} from {a} to {a2} gives the days off "
                    "{a3}, not {a4}"
                ),
                code="notice.noticeentry.days_off",
                value=self,
                line=self.line,
                form=self.form,
                a=start.isoformat(),
                a2=end.isoformat(),
                a3=Names(d.isoformat() for d in sorted(expected)),
                a4=Names(d.isoformat() for d in sorted(days_off)),
            )
        if not names or len(set(working)) != len(working):
            raise NoticeError.of(
                N_(
                    "a notice line names at least one holiday, and each make-up working day "
                    "once; got {names} and {a}"
                ),
                code="notice.noticeentry.names",
                value=self,
                line=self.line,
                names=Names(names),
                a=Names(d.isoformat() for d in working),
            )


def _form_days(form: Any, start: _dt.date, end: _dt.date) -> frozenset[_dt.date] | None:
    """The days off a notice line of ``form`` from ``start`` to ``end`` gives (None for a
    form or dates no line can have): a range, a single day, a day and its day in
    lieu, or a day joined to the weekend (these two with the weekend days next to
    them)."""
    if form == "range" and start <= end:
        return frozenset(start + _dt.timedelta(n) for n in range((end - start).days + 1))
    if form == "single" and start == end:
        return frozenset({start})
    if form == "joined" and start == end:
        return _with_weekends({start})
    if form == "in_lieu" and start != end:
        return _with_weekends({start, end})
    return None


def _day_words(*, notice_working: bool) -> tuple[Term, Term]:
    """What a notice makes a day and what the other side has, for a disagreement
    (words of the library's: an error's message translates them)."""
    working, off = Term(N_("a working day")), Term(N_("a day off"))
    return (working, off) if notice_working else (off, working)


def _china_calendar(calendar: Any, reader: str, code: str) -> None:
    from custrules.calendar import WorkCalendar

    if not isinstance(calendar, WorkCalendar) or calendar.name != "CN":
        raise InvalidTypeError.of(
            N_("{reader} reads a China WorkCalendar, got {value!r:.60}"),
            code=code,
            value=calendar,
            reader=reader,
        )


def _notice_year(instance: Any, attribute: Any, value: Any) -> None:
    _check.year(value, "the notice's year")


def _notice_lines(value: Any) -> tuple[NoticeEntry, ...]:
    return _check.items_of(NoticeEntry, value, "the notice's lines")


@attrs.frozen(kw_only=True, eq=False)
class ScheduleNotice:
    """A year's holiday arrangement (CAL-7): the days off and the make-up working days.

    Two notices are equal when they give the same year and the same days
    (their wording and names aside).
    """

    year: int = attrs.field(validator=_notice_year)
    entries: tuple[NoticeEntry, ...] = attrs.field(converter=_notice_lines)

    def __attrs_post_init__(self) -> None:
        # a notice built directly (a host's own data) is held to what parse checks of
        # the notice by itself: its days and its make-up working days
        for entry in self.entries:
            for day in sorted(entry.days_off | set(entry.working_days)):
                if abs(day.year - self.year) > 1:
                    raise NoticeError.of(
                        N_(
                            "{a} is not a day of the {year} notice: its breaks and make-up "
                            "working days lie in {year} (or next to its New Year)"
                        ),
                        code="notice.schedulenotice.day_of_another_year",
                        value=day,
                        line=entry.line,
                        a=day.isoformat(),
                        year=self.year,
                    )
        self._check_makeup()

    @property
    def days_off(self) -> frozenset[_dt.date]:
        """Every day of every break (weekend days inside or joined to one included)."""
        return frozenset(d for e in self.entries for d in e.days_off)

    @property
    def working_days(self) -> frozenset[_dt.date]:
        """The make-up working days (调休上班)."""
        return frozenset(d for e in self.entries for d in e.working_days)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ScheduleNotice):
            return NotImplemented
        return (self.year, self.days_off, self.working_days) == (
            other.year,
            other.days_off,
            other.working_days,
        )

    def __hash__(self) -> int:
        return hash((self.year, self.days_off, self.working_days))

    # -- reading -----------------------------------------------------------------------

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        year: int | None = None,
        check_statutory: bool = True,
        check_installed: bool = True,
    ) -> ScheduleNotice:
        """Read and check the annual notice as published (CAL-7).

        The year comes from the title (``国务院办公厅关于2027年部分节假日安排的通知``)
        or ``year``; a ``year`` that contradicts the title is an error.  Checks,
        each a :class:`~custrules.errors.NoticeError` naming the line: every
        weekday matches its date; every 共N天 matches its range; every make-up
        working day is a Saturday or Sunday outside every break; every
        statutory day of the year (CAL-8) is a day off; and, for a year the
        installed data covers, the notice agrees with it day by day.
        """
        if not isinstance(text, str):
            raise InvalidTypeError.of(
                N_("a notice is text, got {a}"),
                code="notice.schedulenotice.parse.notice_text",
                value=text,
                a=type(text).__name__,
            )
        if len(text) > 100_000:
            raise NoticeError.of(
                N_("a notice is at most 100,000 characters"),
                code="notice.schedulenotice.parse.notice_most",
                line=0,
            )
        _check.boolean(check_statutory, "check_statutory")
        _check.boolean(check_installed, "check_installed")
        lines = [_normalise(raw) for raw in text.splitlines()]
        titled, title_line = None, 1
        for number, line in enumerate(lines, 1):
            match = _TITLE.search(line)
            if match:
                titled, title_line = int(match[1]), number
                break
        if year is not None:
            _check.integer(year, "year")
            if titled is not None and titled != year:
                raise NoticeError.of(
                    N_("year={year} contradicts the title, which says {titled}"),
                    code="notice.schedulenotice.parse.year_contradicts",
                    value=year,
                    line=title_line,
                    year=year,
                    titled=titled,
                )
        the_year = year if year is not None else titled
        if the_year is None:
            raise NoticeError.of(
                N_(
                    "no year: the title (国务院办公厅关于N年部分节假日安排的通知) "
                    "is missing; pass year=..."
                ),
                code="notice.schedulenotice.parse.no_year",
                value=text[:60],
                line=1,
            )
        _check.year(the_year, "the notice's year")
        entries: list[NoticeEntry] = []
        for number, line in enumerate(lines, 1):
            item = _ITEM.match(line.strip())
            if item is None:
                continue
            names = tuple(n.strip() for n in re.split(r"[、,]", item[2]) if n.strip())
            entries.append(_entry(the_year, names, item[3], number, text.splitlines()[number - 1]))
        if not entries:
            raise NoticeError.of(
                N_("no numbered holiday line (一、元旦: ...) was found"),
                code="notice.schedulenotice.parse.no_numbered",
                line=1,
            )
        return cls(year=the_year, entries=tuple(entries))._checked(
            check_statutory=check_statutory, check_installed=check_installed
        )

    def _checked(self, *, check_statutory: bool, check_installed: bool) -> ScheduleNotice:
        """This notice, once the checks asked for pass (the statutory days, the installed
        data); the constructor checks the rest."""
        if check_statutory:
            self._check_statutory()
        if check_installed:
            self._check_installed()
        return self

    def _check_makeup(self) -> None:
        off = self.days_off
        for entry in self.entries:
            for day in entry.working_days:
                line = entry.line
                if day.weekday() < 5:
                    raise NoticeError.of(
                        N_(
                            "{a} is a make-up working day (上班) on a {a2}: only a "
                            "Saturday or Sunday can be one"
                        ),
                        code="notice.schedulenotice.check_makeup.make_up",
                        line=line,
                        a=day.isoformat(),
                        a2=Term(_WEEKDAY_NAMES[day.weekday()]),
                    )
                if day in off:
                    raise NoticeError.of(
                        N_("{a} is both a day off and a make-up working day"),
                        code="notice.schedulenotice.check_makeup.both_day",
                        line=line,
                        a=day.isoformat(),
                    )

    def _check_statutory(self) -> None:
        if not _VERSIONS[0] <= self.year < _holidays_adapter.LUNAR_YEARS.stop:
            return
        off = self.days_off
        for name, days in _statutory_by_name(self.year).items():
            missing = [d for d in days if d.year == self.year and d not in off]
            if missing:
                raise NoticeError.of(
                    N_(
                        "{name}'s statutory day {a} (全国年节及纪念日放假办法) "
                        "is not a day off in the notice"
                    ),
                    code="notice.schedulenotice.check_statutory.s_statutory",
                    value=missing[0],
                    line=self._line_for(name),
                    name=name,
                    a=missing[0].isoformat(),
                )

    def _line_for(self, name: str) -> int:
        for entry in self.entries:
            if any(name[:2] in n for n in entry.names):
                return entry.line
        return 0

    def disagreement(self, calendar: Any) -> tuple[_dt.date, bool] | None:
        """The first day the notice and a China ``calendar`` disagree on, with whether
        the notice makes it a working day; None when they agree.

        Compared: every day of the notice's year, and every day the notice names in a
        neighbouring year, where the calendar covers them; except next year's
        late-December days (see :func:`next_years_days`).
        """
        _china_calendar(calendar, "disagreement", "notice.schedulenotice.disagreement.calendar")
        first, through = calendar.first_day, calendar.official_through
        later = next_years_days(calendar, self.year)
        off, work = self.days_off, self.working_days
        start = _dt.date(self.year, 1, 1)
        days = [start + _dt.timedelta(n) for n in range(366)]
        days = [d for d in days if d.year == self.year] + sorted(
            d for d in off | work if d.year != self.year
        )
        for day in days:
            if day in later or (first is not None and day < first):
                continue
            if through is not None and day > through:
                continue
            notice_working = day in work or (day.weekday() < 5 and day not in off)
            if notice_working != calendar.is_working_day(day):
                return day, notice_working
        return None

    def _check_installed(self) -> None:
        from custrules._holidays_adapter import china_source
        from custrules.calendar import WorkCalendar

        cal = WorkCalendar.china()
        found = self.disagreement(cal)
        if found is not None:
            assert cal.first_day is not None
            assert cal.official_through is not None
            day, notice_working = found
            notice, data = _day_words(notice_working=notice_working)
            raise NoticeError.of(
                N_(
                    "the notice makes {a} {notice}, but the installed schedule ({a2}) "
                    "has {data}: check the notice, or the installed data"
                ),
                code="notice.schedulenotice.check_installed.notice_makes",
                value=day,
                line=0,
                a=day.isoformat(),
                notice=notice,
                a2=china_source(cal.first_day.year, cal.official_through.year),
                data=data,
            )

    # -- writing -----------------------------------------------------------------------

    def render(self) -> str:
        """The arrangement in the notice's own wording (title line first).

        ``ScheduleNotice.parse(notice.render()) == notice``.
        """
        out = [f"国务院办公厅关于{self.year}年部分节假日安排的通知", ""]
        for i, entry in enumerate(self.entries):
            out.append(
                f"{_cn_number(i + 1)}、{'、'.join(entry.names)}：{_render_entry(entry, self.year)}"
            )
        return "\n".join(out) + "\n"

    @classmethod
    def from_calendar(cls, calendar: Any, year: int) -> ScheduleNotice:
        """The arrangement of ``year`` as a China calendar has it (for instance the
        installed State Council data), named by the statutory days each break holds.

        A break is a run of days off holding a holiday or a bridge day, with the
        weekend days next to it; each make-up working day goes with the break it
        pays for (or the nearest one).
        """
        _china_calendar(
            calendar, "from_calendar", "notice.schedulenotice.from_calendar.from_calendar_reads"
        )
        _check.year(year, "year")
        law = _statutory_by_name(year)
        by_day = {d: name for name, days in law.items() for d in days}
        first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        # a break may start in December of the year before (元旦) or run past 31 Dec
        lo = max(first - _dt.timedelta(days=7), calendar.first_day or first)
        hi = min(last + _dt.timedelta(days=7), calendar.official_through or last)
        day = lo
        runs: list[list[_dt.date]] = []
        while day <= hi:
            info = calendar.explain(day)
            if not info.working and info.kind.value not in ("weekend", "workday"):
                # (the break cannot reach back into the last one: a working day ends it)
                run = calendar._break_around(day, lo, hi)
                runs.append(run)
                day = run[-1] + _ONE_DAY
                continue
            day += _ONE_DAY
        entries = []
        # late December's make-up days for the next New Year are the next notice's;
        # those of December of the year before are this one's
        later = next_years_days(calendar, year)
        earlier: frozenset[_dt.date] = frozenset()
        if calendar.first_day is None or calendar.first_day <= first - _dt.timedelta(days=15):
            earlier = next_years_days(calendar, year - 1)
        makeups = [
            d
            for d in (first + _dt.timedelta(n) for n in range((last - first).days + 1))
            if d.weekday() >= 5 and calendar.is_working_day(d) and d not in later
        ]
        makeups[:0] = sorted(d for d in earlier if calendar.is_working_day(d))
        kept = []
        neighbours: frozenset[_dt.date] = frozenset()
        for other in (year - 1, year + 1):
            if _VERSIONS[0] <= other < _holidays_adapter.LUNAR_YEARS.stop:
                neighbours |= statutory_days(other)
        for run in runs:
            names = tuple(dict.fromkeys(by_day[d] for d in run if d in by_day))
            if not any(d.year == year for d in run) or (not names and neighbours & set(run)):
                continue  # a break of the year before or after
            kept.append((run, names or ("休息日",)))
        assigned: dict[int, list[_dt.date]] = {i: [] for i in range(len(kept))}
        for m in makeups:
            swapped = calendar.explain(m).swapped_with
            target = None
            if swapped is not None:
                target = next((i for i, (run, _) in enumerate(kept) if swapped in run), None)
            if target is None and kept:
                target = min(
                    range(len(kept)),
                    key=lambda i: min(abs((d - m).days) for d in kept[i][0]),
                )
            if target is not None:
                assigned[target].append(m)
        for i, (run, names) in enumerate(kept):
            entries.append(_break(names, run, tuple(sorted(assigned[i]))))
        return cls(year=year, entries=tuple(entries))

    # -- holiday-cn JSON ---------------------------------------------------------------

    @classmethod
    def from_holiday_cn(
        cls,
        data: Mapping[str, Any],
        *,
        check_statutory: bool = True,
        check_installed: bool = True,
    ) -> ScheduleNotice:
        """A notice from holiday-cn JSON (``{"year": ..., "days": [{"name", "date",
        "isOffDay"}, ...]}``); consecutive days off with one name make one break.

        Checked as :meth:`parse` checks a notice's text: each day listed once, every
        make-up working day a Saturday or Sunday outside every break, every
        statutory day of the year off, and a year the installed data covers agreeing
        with it day by day.
        """
        _check.boolean(check_statutory, "check_statutory")
        _check.boolean(check_installed, "check_installed")
        if not isinstance(data, Mapping):
            raise InvalidTypeError.of(
                N_("holiday-cn data is a JSON object"),
                code="notice.schedulenotice.from_holiday_cn.holiday_cn_data",
                value=data,
            )
        year = data.get("year")
        _check.integer(year, "year")
        rows = data.get("days")
        items = _check.items(rows, "days", limit=400)
        days: list[tuple[_dt.date, str, bool]] = []
        for row in items:
            if not isinstance(row, Mapping) or set(row) - {"name", "date", "isOffDay"}:
                raise InvalidInputError.of(
                    N_("a holiday-cn day is {{name, date, isOffDay}}: {row!r}"),
                    code="notice.schedulenotice.from_holiday_cn.holiday_cn_day",
                    row=row,
                )
            from custrules.periods import parse_date

            name = _check.text(row.get("name"), "name")
            days.append(
                (
                    parse_date(row.get("date")),
                    name,
                    _check.boolean(row.get("isOffDay"), "isOffDay"),
                )
            )
        days.sort()
        for (day, *_), (again, *_) in itertools.pairwise(days):
            if day == again:
                raise InvalidInputError.of(
                    N_("holiday-cn data lists {a} twice"),
                    code="notice.schedulenotice.from_holiday_cn.day_twice",
                    value=data,
                    a=day.isoformat(),
                )
        entries: list[NoticeEntry] = []
        breaks: list[tuple[str, list[_dt.date]]] = []
        for day, name, off in days:
            if not off:
                continue
            if breaks and breaks[-1][0] == name and breaks[-1][1][-1] + _ONE_DAY == day:
                breaks[-1][1].append(day)
            else:
                breaks.append((name, [day]))
        for name, run in breaks:
            work = tuple(d for d, n, off in days if not off and n == name)
            names = tuple(n for n in re.split(r"[、,]", name) if n)
            entries.append(_break(names, run, work))
        used = {d for e in entries for d in e.working_days}
        orphans = [d for d, _, off in days if not off and d not in used]
        if orphans:
            raise InvalidInputError.of(
                N_("make-up working day {a} names no holiday of the file"),
                code="notice.schedulenotice.from_holiday_cn.make_up_working",
                a=orphans[0].isoformat(),
            )
        return cls(year=int(year), entries=tuple(entries))._checked(  # type: ignore[arg-type]
            check_statutory=check_statutory, check_installed=check_installed
        )

    def to_holiday_cn(self) -> dict[str, Any]:
        """The arrangement as holiday-cn JSON."""
        rows: list[dict[str, Any]] = []
        for entry in self.entries:
            name = "、".join(entry.names)
            rows.extend(
                {"name": name, "date": d.isoformat(), "isOffDay": True}
                for d in sorted(entry.days_off)
            )
            rows.extend(
                {"name": name, "date": d.isoformat(), "isOffDay": False}
                for d in entry.working_days
            )
        rows.sort(key=lambda r: r["date"])
        return {"year": self.year, "papers": [], "days": rows}


def _break(
    names: tuple[str, ...], run: list[_dt.date], working_days: tuple[_dt.date, ...]
) -> NoticeEntry:
    """A break of consecutive days off, written as a range (or one day)."""
    return NoticeEntry(
        names=names,
        form="range" if len(run) > 1 else "single",
        start=run[0],
        end=run[-1],
        working_days=working_days,
    )


def next_years_days(calendar: Any, year: int) -> frozenset[_dt.date]:
    """Days of late December of ``year`` that the next year's notice schedules.

    A notice is published in the year before the one it schedules, so the break
    of the next New Year's Day may start in this year's December (with its
    make-up days): those days are the next notice's, not this one's.
    """
    jan1 = _dt.date(year + 1, 1, 1)
    through = calendar.official_through
    if through is None or through < jan1:
        return frozenset()
    run: set[_dt.date] = set()
    day = jan1
    while not calendar.is_working_day(day - _ONE_DAY):
        day -= _ONE_DAY
        run.add(day)
    # the whole New Year break: a make-up day may pay for any day of it (2005-12-31
    # was worked for 3 January 2006)
    whole = set(run)
    day = jan1
    while day <= through and not calendar.is_working_day(day):
        whole.add(day)
        day += _ONE_DAY
    makeup = {
        d
        for d in (_dt.date(year, 12, 31) - _dt.timedelta(n) for n in range(14))
        if d.weekday() >= 5
        and calendar.is_working_day(d)
        and calendar.explain(d).swapped_with in whole
    }
    return frozenset(run | makeup)


_WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
#: the weekdays in a message's language (``Friday (周五)``; ``周五`` in Chinese)
_WEEKDAY_NAMES = (
    N_("Monday (周一)"),
    N_("Tuesday (周二)"),
    N_("Wednesday (周三)"),
    N_("Thursday (周四)"),
    N_("Friday (周五)"),
    N_("Saturday (周六)"),
    N_("Sunday (周日)"),
)


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN_DIGITS[n - 1]
    return "十" + (_CN_DIGITS[n - 11] if n > 10 else "")


def _date_zh(day: _dt.date, previous: _dt.date | None, year: int) -> str:
    """``1月1日（周四）``; the month only when it changes from ``previous``, the year
    only when it is not the one the reader would assume."""
    assumed_year = previous.year if previous is not None else year
    if day.year != assumed_year:
        head = f"{day.year}年{day.month}月"
    elif previous is None or previous.month != day.month:
        head = f"{day.month}月"
    else:
        head = ""
    return f"{head}{day.day}日（{_WEEKDAY_ZH[day.weekday()]}）"


def _render_entry(entry: NoticeEntry, year: int) -> str:
    start, end = entry.start, entry.end
    first = _date_zh(start, None, year)
    if entry.form == "in_lieu":
        text = f"{first}放假，{_date_zh(end, start, year)}补休。"
    elif entry.form == "joined":
        text = f"{first}放假，与周末连休。"
    elif entry.form == "single":
        text = f"{first}放假，共1天。"
    else:
        count = (end - start).days + 1
        swap = "调休" if entry.working_days else ""
        text = f"{first}至{_date_zh(end, start, year)}放假{swap}，共{count}天。"
    if entry.working_days:
        # every make-up day with its month, as the notices write them
        text += "、".join(_date_zh(day, None, year) for day in entry.working_days) + "上班。"
    return text


def _date(
    groups: tuple[str | None, ...], year: int, default: _dt.date | None, line: int
) -> tuple[_dt.date, str | None]:
    """A date from (year, month, day, note) groups; month and year default to ``default``'s."""
    y, m, d, note = groups
    if m is None and default is None:
        raise NoticeError.of(
            N_("a date without its month ({d}日)"), code="notice.date.date_without", line=line, d=d
        )
    year_ = int(y) if y else (default.year if default else year)
    month = int(m) if m else (default.month if default else 0)
    try:
        day = _dt.date(year_, month, int(d))  # type: ignore[arg-type]
    except ValueError:
        raise NoticeError.of(
            N_("no such date: {year}年{month}月{d}日"),
            code="notice.date.no_such",
            line=line,
            year=year_,
            month=month,
            d=d,
        ) from None
    if default is not None and day < default and not y:
        # a range end without a year that falls before its start is in the next year
        day = day.replace(year=day.year + 1)
    if note:
        found = re.search(r"周([一二三四五六日天])", note)
        if found and _WEEKDAYS[found[1]] != day.weekday():
            raise NoticeError.of(
                N_("{a} is a {a2}, but the notice says {a3}"),
                code="notice.date.but_notice",
                line=line,
                a=day.isoformat(),
                a2=Term(_WEEKDAY_NAMES[day.weekday()]),
                a3=found[0],
            )
    return day, note


def _entry(year: int, names: tuple[str, ...], body: str, line: int, raw: str) -> NoticeEntry:
    sentences = [s.strip() for s in re.split(r"[.;]", body.replace(" ", "")) if s.strip()]
    if not sentences:
        raise NoticeError.of(
            N_("a holiday line with no dates"), code="notice.entry.holiday_line_no", line=line
        )
    first, rest = sentences[0], sentences[1:]
    working: list[_dt.date] = []
    for sentence in rest:
        if not sentence.endswith("上班"):
            raise NoticeError.of(
                N_("cannot read {sentence!r}: expected make-up days (上班)"),
                code="notice.entry.cannot_read_expected",
                line=line,
                sentence=sentence,
            )
        previous = None
        for found in _ONE_WORK.finditer(sentence):
            day, _ = _date(found.groups(), year, previous, line)
            working.append(day)
            previous = day
    match = _RANGE.match(first)
    if match:
        g = match.groups()
        start, _ = _date(g[0:4], year, None, line)
        end, _ = _date(g[4:8], year, start, line)
        if end < start:  # pragma: no cover - _date moves it to the next year
            raise NoticeError.of(
                N_("a range that ends before it starts"),
                code="notice.entry.range_ends_before",
                line=line,
            )
        if g[8] is not None and int(g[8]) != (end - start).days + 1:
            raise NoticeError.of(
                N_("共{a}天, but {a2} to {a3} is {a4} days"),
                code="notice.entry.but_days",
                line=line,
                a=g[8],
                a2=start.isoformat(),
                a3=end.isoformat(),
                a4=(end - start).days + 1,
            )
        return NoticeEntry(
            names=names,
            form="range",
            start=start,
            end=end,
            working_days=tuple(working),
            line=line,
        )
    match = _IN_LIEU.match(first)
    if match is not None:
        g = match.groups()
        day, _ = _date(g[0:4], year, None, line)
        lieu, _ = _date(g[4:8], year, day, line)
        return NoticeEntry(
            names=names,
            form="in_lieu",
            start=day,
            end=lieu,
            working_days=tuple(working),
            line=line,
        )
    match = _SINGLE.match(first)
    if match:
        g = match.groups()
        day, _ = _date(g[0:4], year, None, line)
        count = g[4] or g[5]
        if count is not None and int(count) != 1:
            raise NoticeError.of(
                N_("共{count}天, but one day ({a}) is given"),
                code="notice.entry.but_one_day",
                line=line,
                count=count,
                a=day.isoformat(),
            )
        return NoticeEntry(
            names=names,
            form="joined" if g[6] == "与周末连休" else "single",
            start=day,
            end=day,
            working_days=tuple(working),
            line=line,
        )
    raise NoticeError.of(
        N_("cannot read {a!r}"), code="notice.entry.cannot_read", line=line, a=raw.strip()[:80]
    )


def _with_weekends(days: Iterable[_dt.date]) -> frozenset[_dt.date]:
    """The days and the weekend days next to them (a break joined to the weekend)."""
    out = set(days)
    for day in list(out):
        for step in (_ONE_DAY, -_ONE_DAY):
            other = day + step
            while other.weekday() >= 5:
                out.add(other)
                other += step
    return frozenset(out)
