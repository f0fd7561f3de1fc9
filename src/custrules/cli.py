"""The command line: ``python -m custrules``.  The only module that does I/O.

Subcommands print human-readable text by default and JSON with ``--json``.
Bad input exits with status 2 and a one-line message on standard error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import os
import re
import shlex
import sys
import zoneinfo
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, NoReturn, TextIO

from custrules import _check
from custrules._days import DayKind
from custrules._version import __version__
from custrules.calendar import DayInfo, WorkCalendar
from custrules.complaints import Approval, Extension, Severity, complaint_deadline
from custrules.errors import CalendarHorizonError, CustrulesError
from custrules.money import _to_cents, to_money
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

_WEEKDAY = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class _UsageError(Exception):
    """Bad command-line input (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


# -- shared helpers ----------------------------------------------------------


def _date(text: str) -> _dt.date:
    try:
        return parse_date(text, "the date")
    except CustrulesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _instant(text: str) -> _dt.datetime:
    try:
        return parse_instant(text, "the instant")
    except CustrulesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")


def _clock_time(text: str) -> _dt.time:
    if not _CLOCK.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(
            f"not a time of day: {text!r} (use HH:MM on the 24-hour clock, e.g. 17:30)"
        )
    value = _dt.time.fromisoformat(text.strip())
    if value == _dt.time(0):
        raise argparse.ArgumentTypeError(
            "a closing time of 00:00 would end the period at the start of its last day: give "
            "the close of business (e.g. 17:30), or leave --closing-time out for 24:00"
        )
    return value


def _read_file(path: str, limit: int, cannot: str) -> bytes:
    """At most ``limit`` bytes of a file; a bad path is one line and exit 2."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise _UsageError(f"{cannot} {path}: {exc.strerror}") from None
    except ValueError:
        raise _UsageError(f"{cannot} {path[:40]!r}: not a file name") from None


def _read_notice(path: str) -> ScheduleNotice:
    """A State Council notice from a text file (UTF-8, a byte-order mark allowed)."""
    raw = _read_file(path, 200_001, "custrules: cannot read the notice")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _UsageError(f"custrules: {path}: byte {exc.start} is not UTF-8") from None
    try:
        return ScheduleNotice.parse(text)
    except CustrulesError as exc:
        raise _UsageError(f"custrules: {path}: {exc}") from None


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    cal = _base_calendar(args)
    for path in getattr(args, "notice", None) or ():
        cal = cal.with_notice(_read_notice(path))
    return cal


def _base_calendar(args: argparse.Namespace) -> WorkCalendar:
    spec: str = args.calendar
    if spec.lower() == "china":
        return WorkCalendar.china(estimate_beyond_horizon=args.estimate)
    zone = None
    if getattr(args, "zone", None):
        try:
            zone = zoneinfo.ZoneInfo(args.zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise _UsageError(
                f"custrules {args.command}: unknown time zone {args.zone[:40]!r} (use a tz "
                "database name such as America/Los_Angeles)"
            ) from None
    if args.estimate:
        raise _UsageError(
            f"custrules {args.command}: --estimate is for the china calendar (the only one "
            f"with an official horizon to estimate past); {spec!r} has none"
        )
    if spec.lower() == "weekdays":
        return WorkCalendar.weekdays(zone=zone)
    country, _, subdiv = spec.partition("-")
    return WorkCalendar.from_holidays(country.upper(), subdiv=subdiv.upper() or None, zone=zone)


def _add_calendar_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--calendar",
        default="china",
        help="china (default), weekdays, or a `holidays` country code such as US or US-CA",
    )
    parser.add_argument(
        "--estimate",
        action="store_true",
        help="answer past the official schedule with a labelled estimate (China only)",
    )
    parser.add_argument(
        "--zone",
        metavar="NAME",
        help="the calendar's time zone (tz database name) for calendars other than china",
    )
    parser.add_argument(
        "--notice",
        action="append",
        metavar="FILE",
        help="a State Council holiday notice (text) for the year after the horizon (repeatable)",
    )


def _plural(n: int) -> str:
    return f"{n} working day" if abs(n) == 1 else f"{n} working days"


def _d(day: _dt.date) -> str:
    return f"{day.isoformat()} {_WEEKDAY[day.weekday()]}"


def day_json(info: DayInfo) -> dict[str, Any]:
    """A DayInfo as JSON-ready data."""
    return {
        "date": info.day.isoformat(),
        "working": info.working,
        "kind": info.kind.value,
        "name": info.name,
        "swapped_with": None if info.swapped_with is None else info.swapped_with.isoformat(),
        "estimated": info.estimated,
        "reason": info.reason,
    }


def _calendar_json(cal: WorkCalendar) -> dict[str, Any]:
    through = cal.official_through
    return {
        "name": cal.name,
        "source": cal.data.source,
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
        mark = " [estimate]" if cal.is_estimated(result) else ""
        lines.append(f"{_d(day)} {sign} {_plural(abs(args.add))} = {_d(result)}{mark}")
        lines.append("  (the start day is not counted)")
    elif args.until is not None:
        end: _dt.date = args.until
        if end < day:
            raise _UsageError(
                f"custrules workdays: --until {end.isoformat()} is before {day.isoformat()}: "
                "give the earlier date first"
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
        lines.append(f"{_plural(count)} after {_d(day)} up to and including {_d(end)}")
    else:
        info = cal.explain(day)
        data["day"] = day_json(info)
        lines.append(str(info))
        specials = ()
    for info in specials:
        lines.append(f"  {info}")
    _emit(out, args, data, lines)


# -- deadline ------------------------------------------------------------------


def _cmd_deadline(args: argparse.Namespace, out: TextIO) -> None:
    cal = _calendar(args)
    extension = None
    if args.extend_to is None and (args.approved_by or args.approved_at is not None):
        raise _UsageError(
            "custrules deadline: --approved-by and --approved-at record an extension's "
            "approval: give --extend-to N as well"
        )
    if args.extend_to is not None:
        if not args.approved_by or args.approved_at is None:
            raise _UsageError(
                "custrules deadline: --extend-to needs --approved-by and --approved-at "
                "(CMP-1: an extension needs a recorded approval)"
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
    local = d.received_at.astimezone(d.due.tzinfo)
    end = "close of business" if d.closing_time is not None else "24:00 of the last day"
    lines = [
        f"{d.severity.value} complaint ({d.severity.label}) received "
        f"{local:%Y-%m-%d %H:%M} {_WEEKDAY[local.weekday()]} {_zone_name(d.due.tzinfo)}",
        f"last day: {_d(d.last_day)} ({_plural(d.working_days)}; the receipt day is not "
        "counted)" + (" [estimate]" if d.estimated else ""),
        f"due:      {d.due.isoformat()} ({end})",
    ]
    if d.extended:
        lines.append(
            f"extended to {_plural(d.working_days)}, approved by {', '.join(d.extended_by)}"
        )
    lines.append(f"handled by: {d.escalation.value.replace('_', ' ')}")
    if status is not None:
        lines.append(
            f"at {status.at.isoformat()}: {status.standing.value.replace('_', ' ')}, "
            f"{_plural(status.working_days_left)} left"
        )
    if skipped:
        lines.append("days off skipped and make-up days counted:")
        lines.extend(f"  {info}" for info in skipped)
    lines.append(f"rules: {', '.join(d.rules)}")
    _emit(out, args, data, lines)


# -- tier and visit --------------------------------------------------------------


def _number(text: str) -> Decimal:
    try:
        return _check.decimal_text(text, "the number")
    except CustrulesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text.strip()):
        raise argparse.ArgumentTypeError(f"not a year: {text[:20]!r} (use e.g. 2026)")
    return int(text)


def _money(text: str) -> Decimal:
    """An amount of money: a number, to the cent, within the limit (docs/limits.md)."""
    value = _number(text)
    try:
        return to_money(_to_cents(value))
    except CustrulesError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _fraction_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator} (= {float(value):.2f})"


def _table(args: argparse.Namespace) -> TierTable:
    if args.table == "polyolefin":
        if args.bounds:
            raise _UsageError("custrules tier: --bounds is for --table tobacco")
        return POLYOLEFIN_STARS
    if not args.bounds:
        raise _UsageError(
            "custrules tier: --table tobacco needs --bounds with the 8 grades' lower bounds "
            "(the regulation's table stops after grade 1: TIER-5), "
            "e.g. --bounds 20,16,10,8,6,4,2,0"
        )
    try:
        bounds = [_check.decimal_text(b, "a bound") for b in args.bounds.split(",")]
    except CustrulesError as exc:
        raise _UsageError(f"custrules tier: --bounds: {exc}") from None
    return tobacco_grade_table(bounds)


def _cmd_tier(args: argparse.Namespace, out: TextIO) -> None:
    table = _table(args)
    if args.current is not None and (args.new or args.direct_sale):
        raise _UsageError(
            "custrules tier: --new and --direct-sale describe a customer being graded for the "
            "first time; a review (--current) starts from the grade the customer holds"
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
        "rules": list(d.rules),
    }
    head = f"{d.tier.label} ({d.tier.name})"
    if d.previous is not None:
        head = f"review: {d.previous.label} -> {head}"
    lines = [head, *(f"  {r}" for r in d.reasons), f"rules: {', '.join(d.rules)}"]
    _emit(out, args, data, lines)


def _weight(text: str) -> tuple[str, Decimal]:
    row, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"a weight is ROW=NUMBER, e.g. quality=2; got {text!r}")
    return row, _number(value)


def _cmd_visit(args: argparse.Namespace, out: TextIO) -> None:
    weights = dict(args.weight) if args.weight else None
    if weights is not None and len(weights) != len(args.weight):
        given = [row for row, _ in args.weight]
        twice = sorted({row for row in given if given.count(row) > 1})
        raise _UsageError(f"custrules visit: --weight given twice for {', '.join(twice)}")
    s = score_visit(
        quality=args.quality, service=args.service, renown=args.renown, weights=weights
    )
    rows: list[tuple[str, Enum, int]] = [
        ("quality (质量)", s.ratings[0], s.quality),
        ("service (服务态度)", s.ratings[1], s.service),
        ("renown (产品的知名度)", s.ratings[2], s.renown),
    ]
    data: dict[str, Any] = {
        "rows": {
            name.split()[0]: {"label": rating.value, "points": points}
            for name, rating, points in rows
        },
        "total": str(s.total),
        "total_float": float(s.total),
        "weights": {row.name.lower(): str(w) for row, w in s.weights.items()},
        "rules": list(s.rules),
    }
    how = "weighted mean" if weights else "mean"
    lines = [f"{name}: {rating.value} = {points}" for name, rating, points in rows]
    lines.append(f"total ({how}, VIS-3): {_fraction_text(s.total)}")
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
                f"custrules attribute: no built-in example {name[:40]!r}; try {', '.join(known)}"
            )
        data = (folder / f"{name}.json").read_bytes()
    else:
        data = _read_file(spec, MAX_CASE_BYTES + 1, "custrules attribute: cannot read")
    try:
        return read_case(data)
    except CustrulesError as exc:
        raise _UsageError(f"custrules attribute: {spec[:80]}: {exc}") from None


def _cmd_attribute(args: argparse.Namespace, out: TextIO) -> None:
    case = _read_case(args.case)
    if args.policy is not None:
        policy = policy_named(args.policy)
    elif case.policy is not None:
        policy = case.policy
    else:
        raise _UsageError("custrules attribute: say which policy: --policy re12 or re14")
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
        "shares": {str(p): str(s) for p, s in a.shares.items()},
        "amount": None if amount is None else str(amount),
        "split": None if money is None else {str(p): str(v) for p, v in money.items()},
        "rules": list(a.rules),
        "steps": [{"rule": st.rule, "facts": st.facts} for st in a.steps],
    }
    when = "" if as_of is None else f", as of {as_of.isoformat()}"
    lines = [f"customer {a.customer}, policy {a.policy}{when}"]
    if a.needs_ruling:
        lines.append(f"NEEDS A MANAGER'S RULING: {a.ruling_reason}")
    else:
        lines.append(f"owner: {a.owner or '-'} (follows up: {a.follow_up or '-'})")
        if a.deal is None:
            lines.append("no deal yet: no commission to split")
        else:
            lines.append("split:" if money is None else f"split of {amount}:")
        for party, share in a.shares.items():
            yuan = "" if money is None else f"  {money[party]}"
            lines.append(f"  {party}: {share}{yuan}")
    lines.append("reasoning:")
    lines.extend(f"  {step}" for step in a.steps)
    _emit(out, args, data, lines)


# -- calendar: notices and years ------------------------------------------------------


def _notice_kind(notice: ScheduleNotice, day: _dt.date) -> str:
    if day in notice.working_days:
        return "make-up working day (调休上班)"
    if day in statutory_days(day.year):
        return "statutory holiday (法定节假日)"
    if any(e.form == "in_lieu" and e.end == day for e in notice.entries):
        return "day off in lieu (补休)"
    if day.weekday() >= 5:
        return "weekend, in the break"
    return "bridge day off (调休放假)"


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> None:
    if args.what == "notice":
        notice = _read_notice(args.file)
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
                    "kind": _notice_kind(notice, d).split(" (")[0].split(",")[0],
                    "holiday": names[d],
                    "statutory": d in statutory_days(d.year),
                }
                for d in days
            ],
            "holiday_cn": notice.to_holiday_cn(),
        }
        lines = [
            f"{notice.year}: {len(notice.days_off)} days off, {len(notice.working_days)} "
            "make-up working days; checked (weekdays, day counts, make-up days, the law's "
            "statutory days, and the installed schedule where it covers the year)",
        ]
        lines += [f"  {_d(d)}  {names[d]}: {_notice_kind(notice, d)}" for d in days]
        _emit(out, args, data, lines)
        return
    cal = _calendar(args)
    year = args.year
    start, end = _dt.date(year, 1, 1) - _dt.timedelta(days=1), _dt.date(year, 12, 31)
    infos = tuple(i for i in cal.special_days(start, end) if i.kind is not DayKind.WEEKEND)
    data = {
        "calendar": _calendar_json(cal),
        "year": year,
        "special_days": [dict(day_json(i), statutory=i.statutory) for i in infos],
    }
    lines = [
        f"{cal.name} {year}: every day off other than a plain weekend, and every working "
        "weekend day"
    ]
    lines += [f"  {i}" + (" [statutory]" if i.statutory else "") for i in infos]
    _emit(out, args, data, lines)


# -- the parser and main -----------------------------------------------------

_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {
    "workdays": _cmd_workdays,
    "deadline": _cmd_deadline,
    "tier": _cmd_tier,
    "visit": _cmd_visit,
    "attribute": _cmd_attribute,
    "calendar": _cmd_calendar,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(
        prog="custrules",
        description="Chinese customer-management regulations as exact, explainable code.",
    )
    parser.add_argument("--version", action="version", version=f"custrules {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    work = sub.add_parser(
        "workdays",
        help="is a date a working day; add N working days; count between two dates",
        description="Working days on China's official calendar (CAL-1..CAL-4), with reasons.",
    )
    work.add_argument("date", type=_date, help="YYYY-MM-DD")
    how = work.add_mutually_exclusive_group()
    how.add_argument("--add", type=int, metavar="N", help="the N-th working day after DATE")
    how.add_argument(
        "--until", type=_date, metavar="END", help="count working days d, DATE < d <= END"
    )
    _add_calendar_options(work)
    work.add_argument("--json", action="store_true", help="print JSON")

    dl = sub.add_parser(
        "deadline",
        help="a complaint's deadline in working days (CMP-1)",
        description="When a complaint must be handled (CMP-1, CAL-6), and what it skipped.",
    )
    dl.add_argument(
        "received_at", type=_instant, help="an instant with its zone: 2026-02-13T10:00+08:00"
    )
    dl.add_argument(
        "--severity",
        required=True,
        choices=[s.value for s in Severity],
        help="general (1 working day) or major (3 working days)",
    )
    dl.add_argument(
        "--closing-time",
        type=_clock_time,
        metavar="HH:MM",
        help="close of business (default: the period ends at 24:00)",
    )
    dl.add_argument(
        "--serious",
        action="store_true",
        help="for the general manager's meeting (CMP-2); same clock",
    )
    dl.add_argument(
        "--extend-to",
        type=int,
        metavar="N",
        help="an approved extension to N working days in all (at most 7)",
    )
    dl.add_argument(
        "--approved-by",
        action="append",
        metavar="NAME",
        help="who approved the extension (repeat for each level)",
    )
    dl.add_argument(
        "--approved-at", type=_instant, metavar="WHEN", help="when the extension was approved"
    )
    dl.add_argument(
        "--at",
        type=_instant,
        metavar="WHEN",
        help="also say whether the deadline is met at this instant",
    )
    _add_calendar_options(dl)
    dl.add_argument("--json", action="store_true", help="print JSON")

    tier = sub.add_parser(
        "tier",
        help="the tier a volume earns, or a review (TIER-1, TIER-5)",
        description="Assign a tier from one period's volume, or review a current tier.",
    )
    tier.add_argument("volume", type=_number, help="the period's volume (tonnes, cases, ...)")
    tier.add_argument("--table", choices=["polyolefin", "tobacco"], default="polyolefin")
    tier.add_argument("--bounds", help="tobacco: the 8 grades' lower bounds, grade 1 first")
    tier.add_argument("--current", metavar="TIER", help="review from this tier (name or label)")
    tier.add_argument("--new", action="store_true", help="a newly developed customer")
    tier.add_argument("--direct-sale", action="store_true", help="a direct-sale customer")
    tier.add_argument("--json", action="store_true", help="print JSON")

    visit = sub.add_parser(
        "visit",
        help="score a customer visit report (VIS-1, VIS-3)",
        description="Score the three rated rows of a visit report and their aggregate.",
    )
    visit.add_argument("--quality", required=True, help="质量: 非常优良 ... 不合格")
    visit.add_argument("--service", required=True, help="服务态度: 非常优良 ... 恶劣")
    visit.add_argument("--renown", required=True, help="产品的知名度: 非常驰名 ... 不知道")
    visit.add_argument(
        "--weight",
        action="append",
        type=_weight,
        metavar="ROW=W",
        help="weight each row (quality, service, renown: all three); default: plain mean",
    )
    visit.add_argument("--json", action="store_true", help="print JSON")

    att = sub.add_parser(
        "attribute",
        help="who owns a real-estate customer and how the commission splits (RE11-RE14)",
        description="Attribute a customer from a case file of events (see docs/realestate.md).",
    )
    att.add_argument("case", help="a case file (JSON), or example:NAME for a built-in one")
    att.add_argument("--policy", choices=["re11", "re12", "re14"], help="the sales office's rules")
    att.add_argument("--amount", type=_money, help="the commission to split, e.g. 12345.67")
    att.add_argument(
        "--as-of",
        type=_instant,
        metavar="WHEN",
        help="answer at this instant, ignoring every later event (who holds the customer then)",
    )
    att.add_argument("--json", action="store_true", help="print JSON")

    calendar = sub.add_parser(
        "calendar",
        help="check next year's State Council notice; show a year's special days (CAL-7, CAL-8)",
        description="Read a holiday notice as published, or list a year's special days.",
    )
    what = calendar.add_subparsers(dest="what", required=True, parser_class=_Parser)
    check = what.add_parser("notice", help="check a notice and print its year day by day")
    check.add_argument("file", help="the notice as text (UTF-8)")
    check.add_argument("--json", action="store_true", help="print JSON (with holiday-cn days)")
    show = what.add_parser("show", help="a year's days off and make-up working days")
    show.add_argument("year", type=_year, help="e.g. 2026")
    _add_calendar_options(show)
    show.add_argument("--json", action="store_true", help="print JSON")

    demo = sub.add_parser("demo", help="run every family on built-in examples")
    demo.add_argument(
        "--json",
        action="store_true",
        help="print JSON Lines: one JSON document a line, one line a step",
    )
    return parser


#: The demo: every family through the command line, on built-in examples.
_DEMO: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Working days on China's official calendar (CAL-1..CAL-4)",
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
        "Complaint deadlines (CMP-1, CMP-2, CAL-6)",
        (
            "deadline 2026-02-13T10:00+08:00 --severity general",
            "deadline 2026-09-30T16:00+08:00 --severity major --closing-time 17:30",
            "deadline 2026-01-03T17:00Z --severity general --at 2026-01-05T18:00+08:00",
            "deadline 2026-09-28T09:00+08:00 --severity major --extend-to 7 "
            "--approved-by 王经理 --approved-at 2026-09-30T09:00+08:00",
        ),
    ),
    (
        "Customer tiers (TIER-1, TIER-5; the tobacco bounds are illustrative: the regulation's "
        "table stops after grade 1, so a host supplies them)",
        (
            "tier 2500",
            "tier 3500 --current 网拍客户",
            "tier 12 --table tobacco --bounds 20,16,10,8,6,4,2,0",
        ),
    ),
    (
        "Visit report scores (VIS-1, VIS-3)",
        (
            "visit --quality 优良 --service 不好 --renown 知名",
            "visit --quality 非常優良 --service 一般 --renown 馳名 "
            "--weight quality=2 --weight service=1 --weight renown=1",
        ),
    ),
    (
        "Real-estate attribution and commission (RE11, RE12, RE14): the same spouses "
        "under both policies, an employee referral, a forgotten salesperson",
        (
            "attribute example:spouses --policy re12",
            "attribute example:spouses --policy re14",
            "attribute example:referral --policy re12",
            "attribute example:forgotten --policy re12",
        ),
    ),
)


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> None:
    parser = build_parser()
    for title, steps in _DEMO:
        if not args.json:
            out.write(f"== {title} ==\n\n")
        for step in steps:
            argv = shlex.split(step)
            if args.json:  # JSON Lines: the step, its command and its result on one line
                buffer = io.StringIO()
                _run(parser.parse_args([*argv, "--json"]), buffer)
                line = {"title": title, "command": argv, "result": json.loads(buffer.getvalue())}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            out.write(f"$ python -m custrules {' '.join(argv)}\n")
            _run(parser.parse_args(argv), out)
            out.write("\n")


_COMMANDS["demo"] = _cmd_demo


def _run(args: argparse.Namespace, out: TextIO) -> None:
    _COMMANDS[args.command](args, out)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    stdout = sys.stdout if out is None else out
    try:
        args = build_parser().parse_args(argv)
        _run(args, stdout)
        stdout.flush()
    except BrokenPipeError:
        # the reader went away (``custrules demo | head -1``): not an error of ours
        if out is None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except _UsageError as exc:
        sys.stderr.write(f"{_one_line(str(exc))}\n")
        return 2
    except CustrulesError as exc:
        message = _one_line(str(exc))
        if isinstance(exc, CalendarHorizonError) and "estimate_beyond_horizon" in message:
            message += " (on the command line: --estimate)"
        sys.stderr.write(f"custrules: error: {message}\n")
        return 2
    return 0


def _zone_name(zone: _dt.tzinfo | None) -> str:
    key = getattr(zone, "key", None)
    return "Beijing time" if key == "Asia/Shanghai" else f"{key or zone} time"


def _one_line(message: str) -> str:
    """A message on one line of printable text (input may carry anything)."""
    flat = " ".join(message.split())
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in flat)
