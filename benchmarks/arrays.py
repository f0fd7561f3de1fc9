"""Benchmark: working days for whole arrays (the numpy extra) against the alternatives.

Run:  python benchmarks/arrays.py [--n 1000000]   (pip install -e '.[bench]' first)

On the same random dates in China's official years and random offsets -5..5,
in one run:

* the scalar loop: ``[cal.add_working_days(d, n) for ...]``;
* the array API: ``cal.add_working_days_array(days, n)``, the best of five runs
  (target: at least 50x the loop);
* ``numpy.busday_offset`` with China's days off as holidays: it cannot make a
  weekend a working day (调休上班), so it is wrong wherever a make-up day counts;
* pandas ``CustomBusinessDay`` (when pandas is installed), which has the same
  blind spot.

Each alternative's error rate is measured against custrules' answers.
"""

from __future__ import annotations

import _isolate  # noqa: F401  (first: keeps benchmarks/calendar.py from shadowing `calendar`)

import argparse
import datetime as dt
import random
import time

import numpy as np

from custrules import WorkCalendar


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    cal = WorkCalendar.china()
    assert cal.first_day is not None
    assert cal.official_through is not None
    rng = random.Random(args.seed)
    lo = cal.first_day.toordinal() + 30
    hi = cal.official_through.toordinal() - 30
    days = [dt.date.fromordinal(rng.randint(lo, hi)) for _ in range(args.n)]
    steps = [rng.randint(-5, 5) for _ in range(args.n)]
    arr = np.array(days, dtype="datetime64[D]")
    n_arr = np.array(steps, dtype=np.int64)

    t0 = time.perf_counter()
    loop = [cal.add_working_days(d, k) for d, k in zip(days, steps, strict=True)]
    t_loop = time.perf_counter() - t0

    t0 = time.perf_counter()
    cal.add_working_days_array(arr[:10], n_arr[:10])  # builds the calendar's tables once
    t_first = time.perf_counter() - t0
    t_array = float("inf")
    for _ in range(5):  # the best of five: the first runs pay the memory's first touch
        t0 = time.perf_counter()
        fast = cal.add_working_days_array(arr, n_arr)
        t_array = min(t_array, time.perf_counter() - t0)
    assert (fast == np.array(loop, dtype="datetime64[D]")).all(), "the array API must agree"

    days_off = [
        d
        for d in (
            cal.first_day + dt.timedelta(i)
            for i in range((cal.official_through - cal.first_day).days + 1)
        )
        if d.weekday() < 5 and not cal.is_working_day(d)
    ]
    holidays_arr = np.array(days_off, dtype="datetime64[D]")
    t0 = time.perf_counter()
    roll = np.where(n_arr > 0, 0, 1)  # see below: backward for n > 0, forward otherwise
    back = np.busday_offset(arr, n_arr, roll="backward", holidays=holidays_arr)
    fwd = np.busday_offset(arr, n_arr, roll="forward", holidays=holidays_arr)
    busday = np.where(roll == 0, back, fwd)
    t_busday = time.perf_counter() - t0
    wrong_busday = float((busday != fast).mean())

    print(f"{args.n:,} random (date, n) pairs on China's official calendar, n in -5..5")
    print(f"  scalar loop (add_working_days)       {t_loop:8.3f} s")
    ratio = t_loop / t_array
    verdict = "met" if ratio >= 50 else "NOT met"
    print(
        f"  add_working_days_array               {t_array:8.3f} s  ({ratio:.0f}x the loop; "
        f"target >= 50x: {verdict}; same answers)"
    )
    print(f"    (the first call on a calendar builds its tables once: {t_first * 1e3:.1f} ms)")
    print(
        f"  numpy.busday_offset (days off only)  {t_busday:8.3f} s  "
        f"({wrong_busday:.1%} of answers wrong: no make-up working days)"
    )
    try:
        import pandas as pd
    except ImportError:
        print("  pandas CustomBusinessDay: pandas not installed (pip install pandas)")
        return
    sample = min(args.n, 100_000)
    offsets = {k: pd.offsets.CustomBusinessDay(k, holidays=days_off) for k in range(-5, 6)}
    t0 = time.perf_counter()
    pandas_answers = [
        (pd.Timestamp(d) + offsets[k]).date() if k else d
        for d, k in zip(days[:sample], steps[:sample], strict=True)
    ]
    t_pandas = (time.perf_counter() - t0) * args.n / sample
    wrong_pandas = (
        sum(1 for a, b in zip(pandas_answers, loop[:sample], strict=True) if a != b) / sample
    )
    print(
        f"  pandas CustomBusinessDay             {t_pandas:8.3f} s  (estimated from "
        f"{sample:,}; {wrong_pandas:.1%} of answers wrong)"
    )


if __name__ == "__main__":
    main()
