"""The command line: ``python -m custrules``.  The only module that does I/O.

Subcommands print human-readable text by default and JSON with ``--json``.
Bad input exits with status 2 and a one-line message on standard error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from custrules.calendar import DayInfo, WorkCalendar
from custrules.errors import CalendarHorizonError, CustrulesError

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
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (use YYYY-MM-DD, e.g. 2026-02-14)"
        ) from None


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    spec: str = args.calendar
    if spec.lower() == "china":
        return WorkCalendar.china(estimate_beyond_horizon=args.estimate)
    if spec.lower() == "weekdays":
        return WorkCalendar.weekdays()
    country, _, subdiv = spec.partition("-")
    return WorkCalendar.from_holidays(country.upper(), subdiv=subdiv.upper() or None)


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


# -- the parser and main -----------------------------------------------------

_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {
    "workdays": _cmd_workdays,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(
        prog="custrules",
        description="Chinese customer-management regulations as exact, explainable code.",
    )
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

    demo = sub.add_parser("demo", help="run every family on built-in examples")
    demo.add_argument("--json", action="store_true", help="print JSON (one document a step)")
    return parser


def _demo_steps() -> list[list[str]]:
    return [
        ["workdays", "2026-02-14"],
        ["workdays", "2026-02-20"],
        ["workdays", "2026-02-13", "--add", "3"],
        ["workdays", "2026-09-30", "--until", "2026-10-10"],
        ["workdays", "2026-12-31", "--add", "1", "--estimate"],
    ]


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> None:
    parser = build_parser()
    for step in _demo_steps():
        argv = [*step, "--json"] if args.json else step
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
    except _UsageError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except CustrulesError as exc:
        message = " ".join(str(exc).split())
        if isinstance(exc, CalendarHorizonError) and "estimate_beyond_horizon" in message:
            message += " (on the command line: --estimate)"
        sys.stderr.write(f"custrules: error: {message}\n")
        return 2
    return 0
