"""The command line: ``python -m custrules``.  The only module that does I/O.

Subcommands print human-readable text by default and JSON with ``--json``.
Bad input exits with status 2 and a one-line message on standard error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import errno
import io
import json
import os
import re
import shlex
import sys
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, NoReturn, TextIO

from custrules import _check
from custrules._days import DayKind
from custrules._i18n import (
    LANGS,
    N_,
    Listed,
    Names,
    Sub,
    Term,
    lang_code,
    lang_from_env,
    render,
    tr,
    translated,
)
from custrules._version import __version__
from custrules.calendar import DayInfo, WorkCalendar, weekday_abbr, working_days_text
from custrules.complaints import Approval, Extension, Severity, complaint_deadline
from custrules.errors import CalendarHorizonError, CustrulesError
from custrules.money import _whole_cents, to_money
from custrules.notice import ScheduleNotice, statutory_days
from custrules.periods import parse_date, parse_instant
from custrules.realestate import Case, attribute, policy_named, read_case
from custrules.realestate._case import MAX_CASE_BYTES
from custrules.tiers import (
    POLYOLEFIN_STARS,
    TierTable,
    assess_review,
    assess_tier,
    tobacco_grade_table,
)
from custrules.visits import score_visit

__all__ = ["main"]


class _UsageError(Exception):
    """Bad command-line input (exit status 2): a text to render in the user's language."""

    def __init__(self, template: str, *args: Any) -> None:
        super().__init__(render(template, args))
        self.template = template
        self.args_ = args

    def message_in(self, lang: str) -> str:
        return render(self.template, self.args_, lang)


#: argparse's own messages (Python 3.10-3.13), to say them in Chinese
_ARGPARSE = (
    (re.compile(r"the following arguments are required: (.*)"), N_("missing arguments: {}")),
    (re.compile(r"unrecognized arguments: (.*)"), N_("unrecognised arguments: {}")),
    (
        re.compile(r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)"),
        N_("argument {}: {} is not a choice (choose from {})"),
    ),
    (re.compile(r"argument (.*?): expected one argument"), N_("argument {}: give it a value")),
    (
        re.compile(r"argument (.*?): not allowed with argument (.*)"),
        N_("argument {}: cannot be combined with {}"),
    ),
    (re.compile(r"argument (.*?): invalid \S+ value: (.*)"), N_("argument {}: invalid value {}")),
    (re.compile(r"argument (.*?): (.*)"), N_("argument {}: {}")),
)


#: argparse's own words in a help text, to say them in Chinese
_HELP_WORDS = (
    ("usage: ", N_("usage: ")),
    ("positional arguments:", N_("positional arguments:")),
    ("optional arguments:", N_("options:")),
    ("options:", N_("options:")),
    ("show this help message and exit", N_("show this help message and exit")),
    ("show program's version number and exit", N_("show program's version number and exit")),
)


class _Parser(argparse.ArgumentParser):
    #: the language of its help (set by build_parser on every parser it makes)
    language = "en"

    def format_help(self) -> str:
        text = super().format_help()
        if self.language != "en":
            for word, template in _HELP_WORDS:
                text = text.replace(word, tr(template, self.language))
        return text

    def format_usage(self) -> str:
        text = super().format_usage()
        return text.replace("usage: ", tr(N_("usage: "), self.language), 1)

    def error(self, message: str) -> NoReturn:
        for pattern, template in _ARGPARSE:
            found = pattern.fullmatch(message)
            if found:
                raise _UsageError(N_("{}: {}"), self.prog, Sub((template, found.groups())))
        raise _UsageError(N_("{}: {}"), self.prog, message)  # pragma: no cover - argparse's others


# -- shared helpers ----------------------------------------------------------


class _Types:
    """The argument converters, saying what is wrong in the user's language."""

    def __init__(self, lang: str) -> None:
        self.language = lang

    def _fail(self, template: str, *args: Any) -> NoReturn:
        raise argparse.ArgumentTypeError(render(template, args, self.language))

    def date(self, text: str) -> _dt.date:
        try:
            return parse_date(text, "the date")
        except CustrulesError as exc:
            self._fail("{}", exc)

    def instant(self, text: str) -> _dt.datetime:
        try:
            return parse_instant(text, "the instant")
        except CustrulesError as exc:
            self._fail("{}", exc)

    def clock(self, text: str) -> _dt.time:
        if not _CLOCK.fullmatch(text.strip()):
            self._fail(
                N_("not a time of day: {!r} (use HH:MM on the 24-hour clock, e.g. 17:30)"), text
            )
        value = _dt.time.fromisoformat(text.strip())
        if value == _dt.time(0):
            self._fail(
                N_(
                    "a closing time of 00:00 would end the period at the start of its last day: "
                    "give the close of business (e.g. 17:30), or leave --closing-time out for "
                    "24:00"
                )
            )
        return value

    def number(self, text: str) -> Decimal:
        try:
            return _check.decimal_text(text, "the number")
        except CustrulesError as exc:
            self._fail("{}", exc)

    def year(self, text: str) -> int:
        if not re.fullmatch(r"[0-9]{4}", text.strip()):
            self._fail(N_("not a year: {!r} (use e.g. 2026)"), text[:20])
        try:
            return _check.year(int(text), "the year")
        except CustrulesError as exc:
            self._fail("{}", exc)

    def money(self, text: str) -> Decimal:
        """An amount of money: a number, to the cent, within the limit (docs/limits.md)."""
        value = self.number(text)
        try:
            return to_money(_whole_cents(value))
        except CustrulesError as exc:
            self._fail("{}", exc)

    def weight(self, text: str) -> tuple[str, Decimal]:
        row, sep, value = text.partition("=")
        if not sep:
            self._fail(N_("a weight is ROW=NUMBER, e.g. quality=2; got {!r}"), text)
        return row, self.number(value)

    def lang(self, text: str) -> str:
        try:
            return lang_code(text)
        except CustrulesError as exc:
            self._fail("{}", exc)


_CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")


_OS_ERRORS = {
    errno.ENOENT: N_("no such file"),
    errno.EACCES: N_("permission denied"),
    errno.EISDIR: N_("a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def _read_file(path: str, limit: int, command: str) -> bytes:
    """At most ``limit`` bytes of a file; a bad path is one line and exit 2."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        why = _OS_ERRORS.get(exc.errno or 0)
        reason = Term(why) if why else (exc.strerror or str(exc))
        raise _UsageError(N_("custrules {}: cannot read {}: {}"), command, path, reason) from None
    except ValueError:
        raise _UsageError(
            N_("custrules {}: cannot read {!r}: not a file name"), command, path[:40]
        ) from None


def _read_notice(path: str, command: str) -> ScheduleNotice:
    """A State Council notice from a text file (UTF-8, a byte-order mark allowed)."""
    raw = _read_file(path, 200_001, command)
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _UsageError(
            N_("custrules {}: {}: byte {} is not UTF-8"), command, path, exc.start
        ) from None
    try:
        return ScheduleNotice.parse(text)
    except CustrulesError as exc:
        raise _UsageError(N_("custrules {}: {}: {}"), command, path, exc) from None


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    cal = _base_calendar(args)
    for path in getattr(args, "notice", None) or ():
        cal = cal.with_notice(_read_notice(path, args.command))
    return cal


def _base_calendar(args: argparse.Namespace) -> WorkCalendar:
    spec: str = args.calendar
    if spec.lower() == "china":
        if getattr(args, "zone", None):
            raise _UsageError(
                N_(
                    "custrules {}: --zone is for calendars other than china: China's "
                    "calendar reads every instant in Beijing time (CAL-6)"
                ),
                args.command,
            )
        return WorkCalendar.china(estimate_beyond_horizon=args.estimate)
    zone = None
    if getattr(args, "zone", None):
        try:
            zone = zoneinfo.ZoneInfo(args.zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise _UsageError(
                N_(
                    "custrules {}: unknown time zone {!r} (use a tz database name such as "
                    "America/Los_Angeles)"
                ),
                args.command,
                args.zone[:40],
            ) from None
    if args.estimate:
        raise _UsageError(
            N_(
                "custrules {}: --estimate is for the china calendar (the only one with an "
                "official horizon to estimate past); {!r} has none"
            ),
            args.command,
            spec,
        )
    if spec.lower() == "weekdays":
        return WorkCalendar.weekdays(zone=zone)
    country, _, subdiv = spec.partition("-")
    return WorkCalendar.from_holidays(country.upper(), subdiv=subdiv.upper() or None, zone=zone)


def _add_calendar_options(parser: argparse.ArgumentParser, lang: str) -> None:
    def t(text: str) -> str:
        return tr(text, lang)

    parser.add_argument(
        "--calendar",
        default="china",
        help=t(N_("china (default), weekdays, or a `holidays` country code such as US or US-CA")),
    )
    parser.add_argument(
        "--estimate",
        action="store_true",
        help=t(N_("answer past the official schedule with a labelled estimate (China only)")),
    )
    parser.add_argument(
        "--zone",
        metavar="NAME",
        help=t(N_("the calendar's time zone (tz database name) for calendars other than china")),
    )
    parser.add_argument(
        "--notice",
        action="append",
        metavar="FILE",
        help=t(
            N_("a State Council holiday notice (text) for the year after the horizon (repeatable)")
        ),
    )


def _add_lang_option(
    parser: argparse.ArgumentParser, types: _Types, t: Callable[[str], str]
) -> None:
    parser.add_argument(
        "--lang",
        type=types.lang,
        default=argparse.SUPPRESS,
        metavar="zh|en",
        help=t(
            N_(
                "the language of every line (中文: zh); default: from the locale "
                "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"
            )
        ),
    )


def _d(day: _dt.date, lang: str) -> str:
    return f"{day.isoformat()} {weekday_abbr(day, lang)}"


def day_json(info: DayInfo) -> dict[str, Any]:
    """A DayInfo as JSON-ready data (the reason in English and Chinese)."""
    return {
        "date": info.day.isoformat(),
        "working": info.working,
        "kind": info.kind.value,
        "name": info.name,
        "swapped_with": None if info.swapped_with is None else info.swapped_with.isoformat(),
        "estimated": info.estimated,
        "reason": info.describe("en"),
        "reason_zh": info.describe("zh"),
    }


def _calendar_json(cal: WorkCalendar) -> dict[str, Any]:
    through = cal.official_through
    return {
        "name": cal.name,
        "source": str(cal.data.source),
        "official_through": None if through is None else through.isoformat(),
        "estimates_beyond_horizon": cal.estimates_beyond_horizon,
    }


def _emit(out: TextIO, args: argparse.Namespace, data: dict[str, Any], lines: list[str]) -> None:
    if args.json:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("\n".join(lines) + "\n")


# -- workdays ------------------------------------------------------------------


def _cmd_workdays(args: argparse.Namespace, out: TextIO) -> None:
    lang = args.lang
    cal = _calendar(args)
    day: _dt.date = args.date
    data: dict[str, Any] = {"calendar": _calendar_json(cal)}
    lines: list[str] = []
    if args.add is not None:
        result = cal.add_working_days(day, args.add)
        if args.add >= 0:
            specials = cal.special_days(day, result)
        else:  # the days skipped going back: result < d < day
            specials = cal.special_days(result, day - _dt.timedelta(days=1))
        data.update(
            start=day.isoformat(),
            add=args.add,
            result=result.isoformat(),
            result_estimated=cal.is_estimated(result),
            special_days=[day_json(i) for i in specials],
        )
        sign = "+" if args.add >= 0 else "-"
        mark = tr(N_(" [estimate]"), lang) if cal.is_estimated(result) else ""
        lines.append(
            f"{_d(day, lang)} {sign} {working_days_text(abs(args.add), lang)} = "
            f"{_d(result, lang)}{mark}"
        )
        lines.append(tr(N_("  (the start day is not counted)"), lang))
    elif args.until is not None:
        end: _dt.date = args.until
        if end < day:
            raise _UsageError(
                N_("custrules workdays: --until {} is before {}: give the earlier date first"),
                end.isoformat(),
                day.isoformat(),
            )
        count = cal.working_days_between(day, end)
        low, high = sorted((day, end))
        specials = cal.special_days(low, high)
        data.update(
            start=day.isoformat(),
            end=end.isoformat(),
            working_days=count,
            special_days=[day_json(i) for i in specials],
        )
        lines.append(
            translated(
                N_("{} after {} up to and including {}"),
                lang,
                working_days_text(count, lang),
                _d(day, lang),
                _d(end, lang),
            )
        )
    else:
        info = cal.explain(day)
        data["day"] = day_json(info)
        lines.append(info.explain(lang))
        specials = ()
    for info in specials:
        lines.append(f"  {info.explain(lang)}")
    _emit(out, args, data, lines)


# -- deadline ------------------------------------------------------------------


def _cmd_deadline(args: argparse.Namespace, out: TextIO) -> None:
    cal = _calendar(args)
    extension = None
    if args.extend_to is None and (args.approved_by or args.approved_at is not None):
        raise _UsageError(
            N_(
                "custrules deadline: --approved-by and --approved-at record an extension's "
                "approval: give --extend-to N as well"
            )
        )
    if args.extend_to is not None:
        if not args.approved_by or args.approved_at is None:
            raise _UsageError(
                N_(
                    "custrules deadline: --extend-to needs --approved-by and --approved-at "
                    "(CMP-1: an extension needs a recorded approval)"
                )
            )
        extension = Extension(
            total_working_days=args.extend_to,
            approvals=[
                Approval(approver=name, approved_at=args.approved_at) for name in args.approved_by
            ],
        )
    d = complaint_deadline(
        args.received_at,
        args.severity,
        calendar=cal,
        closing_time=args.closing_time,
        extension=extension,
        serious=args.serious,
    )
    skipped = d.skipped_days()
    status = None if args.at is None else d.status(args.at)
    data: dict[str, Any] = {
        "calendar": _calendar_json(cal),
        "received_at": d.received_at.isoformat(),
        "received_day": d.received_day.isoformat(),
        "severity": d.severity.value,
        "working_days": d.working_days,
        "last_day": d.last_day.isoformat(),
        "due": d.due.isoformat(),
        "estimated": d.estimated,
        "extended": d.extended,
        "extended_by": list(d.extended_by),
        "escalation": d.escalation.value,
        "rules": list(d.rules),
        "skipped_days": [day_json(i) for i in skipped],
    }
    if status is not None:
        data["status"] = {
            "at": status.at.isoformat(),
            "standing": status.standing.value,
            "working_days_left": status.working_days_left,
            "seconds_left": status.time_left.total_seconds(),
        }
    data["explanation"] = {lang: d.explain(lang, at=args.at) for lang in LANGS}
    _emit(out, args, data, data["explanation"][args.lang].splitlines())


# -- tier and visit --------------------------------------------------------------


def _table(args: argparse.Namespace) -> TierTable:
    if args.table == "polyolefin":
        if args.bounds:
            raise _UsageError(N_("custrules tier: --bounds is for --table tobacco"))
        return POLYOLEFIN_STARS
    if not args.bounds:
        raise _UsageError(
            N_(
                "custrules tier: --table tobacco needs --bounds with the 8 grades' lower bounds "
                "(the regulation's table stops after grade 1: TIER-5), "
                "e.g. --bounds 20,16,10,8,6,4,2,0"
            )
        )
    try:
        bounds = [_check.decimal_text(b, "a bound") for b in args.bounds.split(",")]
        return tobacco_grade_table(bounds)
    except CustrulesError as exc:
        raise _UsageError(N_("custrules tier: --bounds: {}"), exc) from None


def _cmd_tier(args: argparse.Namespace, out: TextIO) -> None:
    table = _table(args)
    if args.current is not None and (args.new or args.direct_sale):
        raise _UsageError(
            N_(
                "custrules tier: --new and --direct-sale describe a customer being graded for "
                "the first time; a review (--current) starts from the grade the customer holds"
            )
        )
    if args.current is not None:
        d = assess_review(table, args.current, args.volume)
    else:
        d = assess_tier(table, args.volume, new_customer=args.new, direct_sale=args.direct_sale)
    data: dict[str, Any] = {
        "table": table.name,
        "unit": table.unit.value,
        "volume": None if d.volume is None else str(d.volume),
        "tier": {"name": d.tier.name, "label": d.tier.label},
        "earned": {"name": d.earned.name, "label": d.earned.label},
        "previous": None
        if d.previous is None
        else {"name": d.previous.name, "label": d.previous.label},
        "moved": d.moved,
        "reasons": list(d.reasons),
        "reasons_zh": list(d.explain("zh").splitlines()),
        "rules": list(d.rules),
    }
    lang = args.lang
    head = d.tier.label if lang == "zh" else f"{d.tier.label} ({d.tier.name})"
    if d.previous is not None:
        head = translated(N_("review: {} -> {}"), lang, d.previous.label, head)
    lines = [
        head,
        *(f"  {r}" for r in d.explain(lang).splitlines()),
        render(N_("rules: {}"), (Names(d.rules),), lang),
    ]
    _emit(out, args, data, lines)


def _cmd_visit(args: argparse.Namespace, out: TextIO) -> None:
    weights = dict(args.weight) if args.weight else None
    if weights is not None and len(weights) != len(args.weight):
        given = [row for row, _ in args.weight]
        twice = sorted({row for row in given if given.count(row) > 1})
        raise _UsageError(N_("custrules visit: --weight given twice for {}"), Listed(twice))
    s = score_visit(
        quality=args.quality, service=args.service, renown=args.renown, weights=weights
    )
    rows: list[tuple[str, Enum, int]] = [
        ("quality", s.ratings[0], s.quality),
        ("service", s.ratings[1], s.service),
        ("renown", s.ratings[2], s.renown),
    ]
    data: dict[str, Any] = {
        "rows": {key: {"label": rating.value, "points": points} for key, rating, points in rows},
        "total": str(s.total),
        "total_float": float(s.total),
        "weights": {row.name.lower(): str(w) for row, w in s.weights.items()},
        "rules": list(s.rules),
        "explanation": {lang: s.explain(lang) for lang in LANGS},
    }
    lines = data["explanation"][args.lang].splitlines()
    _emit(out, args, data, lines)


# -- attribute ---------------------------------------------------------------------


def _read_case(spec: str) -> Case:
    """A case file: a path, or ``example:NAME`` for a built-in example."""
    if spec.startswith("example:"):
        from importlib import resources

        name = spec.removeprefix("example:")
        folder = resources.files("custrules") / "examples"
        known = sorted(
            p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
        )
        if name not in known:
            raise _UsageError(
                N_("custrules attribute: no built-in example {!r}; try {}"),
                name[:40],
                Listed(known),
            )
        data = (folder / f"{name}.json").read_bytes()
    else:
        data = _read_file(spec, MAX_CASE_BYTES + 1, "attribute")
    try:
        return read_case(data)
    except CustrulesError as exc:
        raise _UsageError(N_("custrules attribute: {}: {}"), spec[:80], exc) from None


def _cmd_attribute(args: argparse.Namespace, out: TextIO) -> None:
    case = _read_case(args.case)
    if args.policy is not None:
        policy = policy_named(args.policy)
    elif case.policy is not None:
        policy = case.policy
    else:
        raise _UsageError(N_("custrules attribute: say which policy: --policy re12 or re14"))
    amount = args.amount if args.amount is not None else case.amount
    as_of = args.as_of if args.as_of is not None else case.as_of
    a = attribute(case.events, policy, customer=case.customer, as_of=as_of)
    money = None if amount is None or a.needs_ruling or a.deal is None else a.split(amount)
    data: dict[str, Any] = {
        "customer": a.customer,
        "policy": a.policy,
        "as_of": None if as_of is None else as_of.isoformat(),
        "deal": a.deal is not None,
        "owner": a.owner,
        "follow_up": a.follow_up,
        "needs_ruling": a.needs_ruling,
        "ruling_reason": a.ruling_reason,
        "ruling_reason_zh": a.ruling_text("zh"),
        "shares": {str(p): str(s) for p, s in a.shares.items()},
        "amount": None if amount is None else str(amount),
        "split": None if money is None else {str(p): str(v) for p, v in money.items()},
        "rules": list(a.rules),
        "steps": [
            {"rule": en.rule, "facts": en.facts, "facts_zh": zh.facts}
            for en, zh in zip(a.steps, a.steps_in("zh"), strict=True)
        ],
    }
    lang = args.lang
    if as_of is None:
        lines = [translated(N_("customer {}, policy {}"), lang, a.customer, a.policy)]
    else:
        lines = [
            translated(
                N_("customer {}, policy {}, as of {}"),
                lang,
                a.customer,
                a.policy,
                as_of.isoformat(),
            )
        ]
    if a.needs_ruling:
        lines.append(translated(N_("NEEDS A MANAGER'S RULING: {}"), lang, a.ruling_text(lang)))
    else:
        lines.append(
            translated(N_("owner: {} (follows up: {})"), lang, a.owner or "-", a.follow_up or "-")
        )
        if a.deal is None:
            lines.append(tr(N_("no deal yet: no commission to split"), lang))
        elif money is None:
            lines.append(tr(N_("split:"), lang))
        else:
            lines.append(translated(N_("split of {}:"), lang, amount))
        for party, share in a.shares.items():
            yuan = "" if money is None else f"  {money[party]}"
            lines.append(translated(N_("  {}: {}{}"), lang, party.label(lang), share, yuan))
    lines.append(tr(N_("reasoning:"), lang))
    lines.extend(f"  {step}" for step in a.steps_in(lang))
    _emit(out, args, data, lines)


# -- calendar: notices and years ------------------------------------------------------


_NOTICE_KINDS = {
    "makeup_workday": N_("make-up working day (调休上班)"),
    "statutory": N_("statutory holiday (法定节假日)"),
    "in_lieu": N_("day off in lieu (补休)"),
    "weekend": N_("weekend, in the break"),
    "bridge_day": N_("bridge day off (调休放假)"),
}


def _notice_kind(notice: ScheduleNotice, day: _dt.date) -> str:
    """The kind of a day a notice names (a key of _NOTICE_KINDS)."""
    if day in notice.working_days:
        return "makeup_workday"
    if day in statutory_days(day.year):
        return "statutory"
    if any(e.form == "in_lieu" and e.end == day for e in notice.entries):
        return "in_lieu"
    if day.weekday() >= 5:
        return "weekend"
    return "bridge_day"


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> None:
    if args.what == "notice":
        notice = _read_notice(args.file, "calendar notice")
        names = {d: "、".join(e.names) for e in notice.entries for d in e.days_off}
        names.update({d: "、".join(e.names) for e in notice.entries for d in e.working_days})
        days = sorted(notice.days_off | notice.working_days)
        data: dict[str, Any] = {
            "year": notice.year,
            "checked": True,
            "days": [
                {
                    "date": d.isoformat(),
                    "off": d in notice.days_off,
                    "kind": _NOTICE_KINDS[_notice_kind(notice, d)].split(" (")[0].split(",")[0],
                    "holiday": names[d],
                    "statutory": d in statutory_days(d.year),
                }
                for d in days
            ],
            "holiday_cn": notice.to_holiday_cn(),
        }
        lang = args.lang
        lines = [
            translated(
                N_(
                    "{}: {} days off, {} make-up working days; checked (weekdays, day counts, "
                    "make-up days, the law's statutory days, and the installed schedule where "
                    "it covers the year)"
                ),
                lang,
                notice.year,
                len(notice.days_off),
                len(notice.working_days),
            ),
        ]
        lines += [
            f"  {_d(d, lang)}  {names[d]}: {tr(_NOTICE_KINDS[_notice_kind(notice, d)], lang)}"
            for d in days
        ]
        _emit(out, args, data, lines)
        return
    cal = _calendar(args)
    year = args.year
    first, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    # 1 January, then the days after it: the day before may be past the calendar's data
    # (its first year), and special_days leaves out its start
    year_days = (cal.explain(first), *cal.special_days(first, end))
    infos = tuple(i for i in year_days if i.kind is not DayKind.WEEKEND and not i.plain)
    data = {
        "calendar": _calendar_json(cal),
        "year": year,
        "special_days": [dict(day_json(i), statutory=i.statutory) for i in infos],
    }
    lang = args.lang
    lines = [
        translated(
            N_("{} {}: every day off other than a plain weekend, and every working weekend day"),
            lang,
            cal.name,
            year,
        )
    ]
    statutory = tr(N_(" [statutory]"), lang)
    lines += [f"  {i.explain(lang)}" + (statutory if i.statutory else "") for i in infos]
    _emit(out, args, data, lines)


# -- docs: the pages, shipped in the package ----------------------------------------


#: the pages' titles, to list them in either language (the pages are in English)
_DOC_TITLES = {
    "calendar": N_("Working days and periods (CAL-1 to CAL-6)"),
    "complaints": N_("Complaints (CMP-1 to CMP-6)"),
    "development": N_("Development: tests, mutation testing, benchmarks"),
    "languages": N_("Languages: every text in Chinese and English"),
    "limits": N_("Limits and errors: what every door accepts"),
    "metrics": N_("Retention and satisfaction indicators (RET-1)"),
    "realestate": N_(
        "Real estate: who owns a customer, and how the commission splits (RE11, RE12, RE14)"
    ),
    "rules": N_("The rules catalogue"),
    "scale": N_("Batches: whole arrays at once (the numpy extra)"),
    "tiers": N_("Customer grades and classes (TIER-1 to TIER-8)"),
    "visits": N_("Visit report scores (VIS-1 to VIS-3)"),
}


def _docs_folder() -> Any:
    """The docs: inside the installed package (a wheel), else the source tree's."""
    from importlib import resources
    from pathlib import Path

    shipped = resources.files("custrules") / "docs"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "docs"  # pragma: no cover - a checkout


def _cmd_docs(args: argparse.Namespace, out: TextIO) -> None:
    folder = _docs_folder()
    pages = sorted(p.name.removesuffix(".md") for p in folder.iterdir() if p.name.endswith(".md"))
    if args.page is None:
        lines = [
            tr(
                N_(
                    "the documentation pages, in English (python -m custrules docs PAGE "
                    "prints one):"
                ),
                args.lang,
            )
        ]
        for page in pages:
            title = (folder / f"{page}.md").read_text(encoding="utf-8").splitlines()[0]
            lines.append(f"  {page:<12} {tr(_DOC_TITLES.get(page, title[2:]), args.lang)}")
        out.write("\n".join(lines) + "\n")
        return
    if args.page not in pages:
        raise _UsageError(
            N_("custrules docs: no page {!r}; the pages are {}"), args.page[:40], Listed(pages)
        )
    out.write((folder / f"{args.page}.md").read_text(encoding="utf-8"))


# -- the parser and main -----------------------------------------------------

_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {
    "workdays": _cmd_workdays,
    "deadline": _cmd_deadline,
    "tier": _cmd_tier,
    "visit": _cmd_visit,
    "attribute": _cmd_attribute,
    "calendar": _cmd_calendar,
}


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests), its help and its
    messages in ``lang``."""
    lang = lang_code(lang)
    types = _Types(lang)

    def t(text: str) -> str:
        return tr(text, lang)

    parser = _Parser(
        prog="custrules",
        description=t(N_("Chinese customer-management regulations as exact, explainable code.")),
    )
    parser.add_argument("--version", action="version", version=f"custrules {__version__}")
    _add_lang_option(parser, types, t)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    work = sub.add_parser(
        "workdays",
        help=t(N_("is a date a working day; add N working days; count between two dates")),
        description=t(
            N_("Working days on China's official calendar (CAL-1..CAL-4), with reasons.")
        ),
    )
    work.add_argument("date", type=types.date, help=t(N_("YYYY-MM-DD")))
    how = work.add_mutually_exclusive_group()
    how.add_argument("--add", type=int, metavar="N", help=t(N_("the N-th working day after DATE")))
    how.add_argument(
        "--until",
        type=types.date,
        metavar="END",
        help=t(N_("count working days d, DATE < d <= END")),
    )
    _add_calendar_options(work, lang)
    work.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    dl = sub.add_parser(
        "deadline",
        help=t(N_("a complaint's deadline in working days (CMP-1)")),
        description=t(N_("When a complaint must be handled (CMP-1, CAL-6), and what it skipped.")),
    )
    dl.add_argument(
        "received_at",
        type=types.instant,
        help=t(N_("an instant with its zone: 2026-02-13T10:00+08:00")),
    )
    dl.add_argument(
        "--severity",
        required=True,
        choices=[s.value for s in Severity],
        help=t(N_("general (1 working day) or major (3 working days)")),
    )
    dl.add_argument(
        "--closing-time",
        type=types.clock,
        metavar="HH:MM",
        help=t(N_("close of business (default: the period ends at 24:00)")),
    )
    dl.add_argument(
        "--serious",
        action="store_true",
        help=t(N_("for the general manager's meeting (CMP-2); same clock")),
    )
    dl.add_argument(
        "--extend-to",
        type=int,
        metavar="N",
        help=t(N_("an approved extension to N working days in all (at most 7)")),
    )
    dl.add_argument(
        "--approved-by",
        action="append",
        metavar="NAME",
        help=t(N_("who approved the extension (repeat for each level)")),
    )
    dl.add_argument(
        "--approved-at",
        type=types.instant,
        metavar="WHEN",
        help=t(N_("when the extension was approved")),
    )
    dl.add_argument(
        "--at",
        type=types.instant,
        metavar="WHEN",
        help=t(N_("also say whether the deadline is met at this instant")),
    )
    _add_calendar_options(dl, lang)
    dl.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    tier = sub.add_parser(
        "tier",
        help=t(N_("the tier a volume earns, or a review (TIER-1, TIER-5)")),
        description=t(N_("Assign a tier from one period's volume, or review a current tier.")),
    )
    tier.add_argument(
        "volume", type=types.number, help=t(N_("the period's volume (tonnes, cases, ...)"))
    )
    tier.add_argument("--table", choices=["polyolefin", "tobacco"], default="polyolefin")
    tier.add_argument("--bounds", help=t(N_("tobacco: the 8 grades' lower bounds, grade 1 first")))
    tier.add_argument(
        "--current", metavar="TIER", help=t(N_("review from this tier (name or label)"))
    )
    tier.add_argument("--new", action="store_true", help=t(N_("a newly developed customer")))
    tier.add_argument("--direct-sale", action="store_true", help=t(N_("a direct-sale customer")))
    tier.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    visit = sub.add_parser(
        "visit",
        help=t(N_("score a customer visit report (VIS-1, VIS-3)")),
        description=t(N_("Score the three rated rows of a visit report and their aggregate.")),
    )
    visit.add_argument("--quality", required=True, help=t(N_("质量: 非常优良 ... 不合格")))
    visit.add_argument("--service", required=True, help=t(N_("服务态度: 非常优良 ... 恶劣")))
    visit.add_argument("--renown", required=True, help=t(N_("产品的知名度: 非常驰名 ... 不知道")))
    visit.add_argument(
        "--weight",
        action="append",
        type=types.weight,
        metavar="ROW=W",
        help=t(N_("weight each row (quality, service, renown: all three); default: plain mean")),
    )
    visit.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    att = sub.add_parser(
        "attribute",
        help=t(N_("who owns a real-estate customer and how the commission splits (RE11-RE14)")),
        description=t(
            N_(
                "Attribute a customer from a case file of events (the format: python -m "
                "custrules docs realestate)."
            )
        ),
    )
    att.add_argument("case", help=t(N_("a case file (JSON), or example:NAME for a built-in one")))
    att.add_argument(
        "--policy", choices=["re11", "re12", "re14"], help=t(N_("the sales office's rules"))
    )
    att.add_argument(
        "--amount", type=types.money, help=t(N_("the commission to split, e.g. 12345.67"))
    )
    att.add_argument(
        "--as-of",
        type=types.instant,
        metavar="WHEN",
        help=t(
            N_("answer at this instant, ignoring every later event (who holds the customer then)")
        ),
    )
    att.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    calendar = sub.add_parser(
        "calendar",
        help=t(
            N_("check next year's State Council notice; show a year's special days (CAL-7, CAL-8)")
        ),
        description=t(N_("Read a holiday notice as published, or list a year's special days.")),
    )
    what = calendar.add_subparsers(dest="what", required=True, parser_class=_Parser)
    check = what.add_parser("notice", help=t(N_("check a notice and print its year day by day")))
    check.add_argument("file", help=t(N_("the notice as text (UTF-8)")))
    check.add_argument(
        "--json", action="store_true", help=t(N_("print JSON (with holiday-cn days)"))
    )
    show = what.add_parser("show", help=t(N_("a year's days off and make-up working days")))
    show.add_argument("year", type=types.year, help=t(N_("e.g. 2026")))
    _add_calendar_options(show, lang)
    show.add_argument("--json", action="store_true", help=t(N_("print JSON")))

    docs = sub.add_parser(
        "docs",
        help=t(N_("list the documentation pages, or print one (they ship with the package)")),
    )
    docs.add_argument("page", nargs="?", help=t(N_("a page, e.g. realestate")))
    demo = sub.add_parser("demo", help=t(N_("run every family on built-in examples")))
    for command in (work, dl, tier, visit, att, check, show, docs, demo):
        _add_lang_option(command, types, t)
    demo.add_argument(
        "--json",
        action="store_true",
        help=t(N_("print JSON Lines: one JSON document a line, one line a step")),
    )
    for each in (parser, work, dl, tier, visit, att, calendar, check, show, docs, demo):
        each.language = lang
    return parser


#: The demo: every family through the command line, on built-in examples.
_DEMO: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Working days on China's official calendar (CAL-1..CAL-4)"),
        (
            "workdays 2026-02-14",
            "workdays 2026-02-20",
            "workdays 2026-02-13 --add 3",
            "workdays 2026-09-30 --until 2026-10-10",
            "workdays 2026-12-31 --add 1 --estimate",
            "calendar show 2026",
        ),
    ),
    (
        N_("Complaint deadlines (CMP-1, CMP-2, CAL-6)"),
        (
            "deadline 2026-02-13T10:00+08:00 --severity general",
            "deadline 2026-09-30T16:00+08:00 --severity major --closing-time 17:30",
            "deadline 2026-01-03T17:00Z --severity general --at 2026-01-05T18:00+08:00",
            "deadline 2026-09-28T09:00+08:00 --severity major --extend-to 7 "
            "--approved-by 王经理 --approved-at 2026-09-30T09:00+08:00",
        ),
    ),
    (
        N_(
            "Customer tiers (TIER-1, TIER-5; the tobacco bounds are illustrative: the "
            "regulation's table stops after grade 1, so a host supplies them)"
        ),
        (
            "tier 2500",
            "tier 3500 --current 网拍客户",
            "tier 12 --table tobacco --bounds 20,16,10,8,6,4,2,0",
        ),
    ),
    (
        N_("Visit report scores (VIS-1, VIS-3)"),
        (
            "visit --quality 优良 --service 不好 --renown 知名",
            "visit --quality 非常優良 --service 一般 --renown 馳名 "
            "--weight quality=2 --weight service=1 --weight renown=1",
        ),
    ),
    (
        N_(
            "Real-estate attribution and commission (RE11, RE12, RE14): the same spouses "
            "under both policies, an employee referral, a forgotten salesperson"
        ),
        (
            "attribute example:spouses --policy re12",
            "attribute example:spouses --policy re14",
            "attribute example:referral --policy re12",
            "attribute example:forgotten --policy re12",
        ),
    ),
)


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> None:
    lang = args.lang
    parser = build_parser(lang)
    for title, steps in _DEMO:
        if not args.json:
            out.write(f"== {tr(title, lang)} ==\n\n")
        for step in steps:
            argv = shlex.split(step)
            if args.json:  # JSON Lines: the step, its command and its result on one line
                buffer = io.StringIO()
                _run(_parsed(parser, [*argv, "--json"], lang), buffer)
                line = {
                    "title": title,
                    "title_zh": tr(title, "zh"),
                    "command": argv,
                    "result": json.loads(buffer.getvalue()),
                }
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            out.write(f"$ python -m custrules {' '.join(argv)}\n")
            _run(_parsed(parser, argv, lang), out)
            out.write("\n")


_COMMANDS["demo"] = _cmd_demo
_COMMANDS["docs"] = _cmd_docs


def _run(args: argparse.Namespace, out: TextIO) -> None:
    _COMMANDS[args.command](args, out)


def _parsed(parser: argparse.ArgumentParser, argv: Sequence[str], lang: str) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if not hasattr(args, "lang"):
        args.lang = lang
    return args


def _language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of a run: ``--lang`` if given and valid, else the locale's."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None:
            try:
                return lang_code(value)
            except CustrulesError:
                break  # the parser will refuse it, in the locale's language
    return lang_from_env(environ)


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the command line; returns the exit status.

    The language is ``--lang`` or, without it, the locale's (``environ``, by
    default the process environment, as gettext reads it).
    """
    stdout = sys.stdout if out is None else out
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _language(args_list, os.environ if environ is None else environ)
    try:
        args = _parsed(build_parser(lang), args_list, lang)
        lang = args.lang
        _run(args, stdout)
        stdout.flush()
    except BrokenPipeError:
        # the reader went away (``custrules demo | head -1``): not an error of ours
        if out is None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except _UsageError as exc:
        sys.stderr.write(f"{_one_line(exc.message_in(lang))}\n")
        return 2
    except CustrulesError as exc:
        message = _one_line(exc.message_in(lang))
        if isinstance(exc, CalendarHorizonError) and "estimate_beyond_horizon" in str(exc):
            message += tr(N_(" (on the command line: --estimate)"), lang)
        sys.stderr.write(translated(N_("custrules: error: {}"), lang, message) + "\n")
        return 2
    return 0


def _one_line(message: str) -> str:
    """A message on one line of printable text (input may carry anything)."""
    flat = " ".join(message.split())
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in flat)
