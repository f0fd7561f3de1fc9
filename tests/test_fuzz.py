"""Fuzz every door: junk and edge values for every public callable, random command lines.

Whatever comes in, the answer is a result or a CustrulesError, in well under
a second: never another exception, a traceback, or a hang.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import io
import time
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import custrules
from custrules import CustrulesError
from custrules.cli import main

#: junk and edge values: wrong types, text that looks right, numbers past every limit,
#: dates at the datetime module's edges
JUNK: list[Any] = [
    None,
    object(),
    "",
    "x\n",
    "２０２６-01-01",
    "2026-02-14",
    "1e999999999",
    3.5,
    float("nan"),
    float("inf"),
    True,
    -1,
    10**400,
    Decimal("1e999999999"),
    Decimal("-1e-999999999"),
    Decimal("NaN"),
    Fraction(1, 2**300),
    [],
    {},
    {"x": object()},
    b"\xff",
    dt.date.min,
    dt.date.max,
    dt.datetime.min.replace(tzinfo=dt.timezone.utc),
    dt.datetime.max.replace(tzinfo=dt.timezone.utc),
    dt.datetime(2026, 1, 1),
    dt.time(0),
]

CALLABLES = sorted(
    name
    for name in custrules.__all__
    if callable(getattr(custrules, name))
    and not (
        inspect.isclass(getattr(custrules, name))
        and issubclass(getattr(custrules, name), BaseException)
    )
    and not (
        inspect.isclass(getattr(custrules, name))
        and issubclass(getattr(custrules, name), __import__("enum").Enum)
    )
)


def _required(fn: Any) -> tuple[list[str], list[str]]:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return [], []
    positional, keyword = [], []
    for p in sig.parameters.values():
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        (keyword if p.kind is p.KEYWORD_ONLY else positional).append(p.name)
    return positional, keyword


def _answers_or_refuses(call: Any) -> None:
    start = time.perf_counter()
    with contextlib.suppress(CustrulesError):
        call()
    assert time.perf_counter() - start < 2.0, "took longer than two seconds"


@pytest.mark.parametrize("name", CALLABLES)
def test_every_public_callable_refuses_junk(name: str) -> None:
    fn = getattr(custrules, name)
    positional, keyword = _required(fn)
    if not positional and not keyword:
        return
    for junk in JUNK:
        _answers_or_refuses(
            lambda junk=junk: fn(*[junk] * len(positional), **dict.fromkeys(keyword, junk))
        )


# -- the command line ---------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "workdays",
        "deadline",
        "tier",
        "visit",
        "attribute",
        "demo",
        "calendar",
        "--add",
        "--until",
        "--json",
        "--estimate",
        "--calendar",
        "--severity",
        "--closing-time",
        "--extend-to",
        "--approved-by",
        "--approved-at",
        "--at",
        "--serious",
        "--table",
        "--bounds",
        "--current",
        "--new",
        "--direct-sale",
        "--quality",
        "--service",
        "--renown",
        "--weight",
        "--policy",
        "--amount",
        "--as-of",
        "--version",
        "--help",
        "2026-02-14",
        "2026-13-01",
        "2026-09-30T16:00+08:00",
        "9999-12-31T23:59+08:00",
        "0001-01-01",
        "17:30",
        "00:00",
        "24:00",
        "general",
        "major",
        "较大事件投訴",
        "china",
        "weekdays",
        "US-CA",
        "XX",
        "re11",
        "re12",
        "re14",
        "example:spouses",
        "example:nope",
        "/nonexistent.json",
        "polyolefin",
        "tobacco",
        "20,16,10,8,6,4,2,0",
        "网拍客户",
        "优良",
        "非常優良",
        "不好",
        "知名",
        "quality=2",
        "quality=1e999999999",
        "1e999999999",
        "-3",
        "3",
        "7",
        "400",
        "1e30",
        "NaN",
        "甲\n乙",
        "\x00",
        "",
    ]
)


_COMMANDS = st.sampled_from(["workdays", "deadline", "tier", "visit", "attribute", "demo"])
_VALUES = st.one_of(_WORDS, st.text(max_size=12), st.integers(-(10**6), 10**6).map(str))
#: command lines shaped like real ones: a command, a value, then options with values
_SHAPED = st.tuples(_COMMANDS, _VALUES, st.lists(st.tuples(_WORDS, _VALUES), max_size=5)).map(
    lambda t: [t[0], t[1], *(x for pair in t[2] for x in pair)]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=8), _SHAPED))
def test_random_command_lines_exit_0_or_2_with_one_line(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = main(argv, out=out)
        except SystemExit as exc:  # --help and --version print and exit 0
            status = exc.code if isinstance(exc.code, int) else 2
    assert time.perf_counter() - start < 5.0
    assert status in (0, 2), (argv, status, err.getvalue())
    assert "Traceback" not in err.getvalue()
    if status == 2:
        lines = err.getvalue().splitlines()
        assert len(lines) == 1, (argv, err.getvalue())
