"""Benchmark: WorkCalendar.add_working_days against the libraries people use.

Run:  python benchmarks/calendar.py            (pip install -e '.[bench]' first)

Measures, in one run on the same random (date, n) pairs:

* custrules ``WorkCalendar.china().add_working_days(day, n)``
* holidays ``China(...).get_nth_working_day(day, n)`` (same semantics)
* chinese_calendar ``find_workday(n, day)`` (same answer when ``day`` is a
  working day; it counts a day off as the first step otherwise)

and checks that the answers agree before timing them.  Also reports the
cold build time and memory of the China calendar (in a fresh interpreter).
Targets (issue 2): at least 15x faster than `holidays`, under 1 µs a call.
"""

from __future__ import annotations

import _isolate  # noqa: F401  (first: keeps this file from shadowing `calendar`)

import argparse
import datetime as dt
import random
import subprocess
import sys
import time
from collections.abc import Callable

import holidays

from custrules import WorkCalendar

_BUILD = """
import time, tracemalloc
t0 = time.perf_counter()
import holidays.countries.china
from custrules import WorkCalendar, calendar
t1 = time.perf_counter()
cal = WorkCalendar.china()
t2 = time.perf_counter()
calendar._china_calendar.cache_clear()
del cal
tracemalloc.start()
cal = WorkCalendar.china()
current, peak = tracemalloc.get_traced_memory()
print(t1 - t0, t2 - t1, current, peak)
"""


def _time(fn: Callable[[dt.date, int], dt.date], pairs: list[tuple[dt.date, int]]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for day, n in pairs:
            fn(day, n)
        best = min(best, time.perf_counter() - start)
    return best / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    cal = WorkCalendar.china()
    assert cal.first_day is not None
    assert cal.official_through is not None
    rng = random.Random(args.seed)
    first = dt.date(2004, 1, 1)
    span = (cal.official_through - first).days - 120
    pairs = [
        (first + dt.timedelta(days=rng.randrange(span)), rng.randint(1, 30))
        for _ in range(args.calls)
    ]

    ref = holidays.China(years=range(2003, cal.official_through.year + 1))
    for day, n in pairs:  # warm the lazy dict, and check agreement
        assert ref.get_nth_working_day(day, n) == cal.add_working_days(day, n), (day, n)

    rows: list[tuple[str, float]] = [
        ("custrules WorkCalendar.add_working_days", _time(cal.add_working_days, pairs)),
        ("holidays get_nth_working_day", _time(ref.get_nth_working_day, pairs)),
    ]
    try:
        import chinese_calendar

        def find(day: dt.date, n: int) -> dt.date:
            return chinese_calendar.find_workday(n, day)  # type: ignore[no-any-return]

        differ = [
            day
            for day, n in pairs
            if cal.is_working_day(day) and find(day, n) != cal.add_working_days(day, n)
        ]
        rows.append(("chinese_calendar find_workday", _time(find, pairs)))
    except ImportError:
        differ = []
        print("chinese_calendar not installed (pip install -e '.[bench]'): skipped")

    ours = rows[0][1]
    print(f"add_working_days, {len(pairs):,} random (date, n) pairs, 2004..{cal.official_through}")
    print(f"{'library':44} {'µs/call':>9} {'custrules is':>14}")
    for name, per_call in rows:
        print(f"{name:44} {per_call * 1e6:9.3f} {per_call / ours:12.1f}x")
    if differ:
        days = sorted({d.isoformat() for d in differ})
        print(f"chinese_calendar disagrees from a working day on: {', '.join(days[:5])}")
    ratio = rows[1][1] / ours
    print(
        f"target: >= 15x faster than holidays ({ratio:.0f}x: "
        f"{'met' if ratio >= 15 else 'NOT met'}), < 1 µs a call "
        f"({ours * 1e6:.2f} µs: {'met' if ours < 1e-6 else 'NOT met'})"
    )

    out = subprocess.run(
        [sys.executable, "-c", _BUILD], capture_output=True, text=True, check=True
    ).stdout.split()
    imp, build, current, peak = float(out[0]), float(out[1]), int(out[2]), int(out[3])
    print(
        f"cold start: importing holidays and custrules {imp * 1e3:.0f} ms; building "
        f"WorkCalendar.china() {build * 1e3:.0f} ms; the calendar keeps "
        f"{current / 1e6:.2f} MB (peak {peak / 1e6:.2f} MB while reading `holidays`)"
    )


if __name__ == "__main__":
    main()
