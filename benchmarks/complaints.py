"""Benchmark: complaint deadlines, one at a time and a million at once.

Run:  python benchmarks/complaints.py [--batch 1000000]

* ``complaint_deadline(received_at, severity)`` end to end (default China
  calendar), per call; target (issue 3): under 3 µs on the development machine.
* a batch of ``--batch`` deadlines through one ``ComplaintClock``, against a
  straightforward loop over `holidays`: read the instant in Beijing time,
  then step day by day with ``holidays.China().is_working_day`` until N
  working days have passed.  Both answer the same (checked on a sample).
"""

from __future__ import annotations

import _isolate  # noqa: F401  (first: keeps benchmarks/calendar.py from shadowing `calendar`)

import argparse
import datetime as dt
import random
import time

import holidays

from custrules import CHINA_TZ, ComplaintClock, Severity, WorkCalendar, complaint_deadline

ONE_DAY = dt.timedelta(days=1)


def holidays_loop(source: holidays.HolidayBase, received: dt.datetime, n: int) -> dt.datetime:
    """What a host writes without custrules: the due instant (24:00 of the last day)."""
    day = received.astimezone(CHINA_TZ).date()
    left = n
    while left:
        day += ONE_DAY
        if source.is_working_day(day):
            left -= 1
    return dt.datetime.combine(day + ONE_DAY, dt.time(0), tzinfo=CHINA_TZ)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    cal = WorkCalendar.china()
    assert cal.official_through is not None
    rng = random.Random(args.seed)
    start = dt.datetime(2004, 1, 1, tzinfo=CHINA_TZ)
    span = int((cal.official_through - dt.date(2004, 1, 1)).days - 30) * 86_400
    severities = (Severity.GENERAL, Severity.MAJOR)

    def sample(k: int) -> list[tuple[dt.datetime, Severity]]:
        return [
            (start + dt.timedelta(seconds=rng.randrange(span)), severities[rng.randrange(2)])
            for _ in range(k)
        ]

    calls = sample(args.calls)
    complaint_deadline(*calls[0])  # build the default calendar once
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for received, severity in calls:
            complaint_deadline(received, severity)
        best = min(best, time.perf_counter() - t0)
    per_call = best / len(calls)
    print(f"complaint_deadline, {len(calls):,} calls on the default China calendar")
    print(
        f"  {per_call * 1e6:.2f} µs a call (target < 3 µs: "
        f"{'met' if per_call < 3e-6 else 'NOT met'})"
    )

    batch = sample(args.batch)
    source = holidays.China(years=range(2003, cal.official_through.year + 1))
    days = {Severity.GENERAL: 1, Severity.MAJOR: 3}
    for received, severity in batch[:2000]:
        ours = complaint_deadline(received, severity).due
        assert ours == holidays_loop(source, received, days[severity]), received

    clock = ComplaintClock()
    t0 = time.perf_counter()
    dues = [clock.deadline(received, severity).due for received, severity in batch]
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ref = [holidays_loop(source, received, days[severity]) for received, severity in batch]
    ref_s = time.perf_counter() - t0
    assert dues == ref
    by_severity: dict[Severity, list[dt.datetime]] = {s: [] for s in severities}
    for received, severity in batch:
        by_severity[severity].append(received)
    t0 = time.perf_counter()
    only = {s: clock.due_instants(items, s) for s, items in by_severity.items()}
    only_s = time.perf_counter() - t0
    assert sorted(only[Severity.GENERAL] + only[Severity.MAJOR]) == sorted(ref)
    print(f"batch of {len(batch):,} deadlines, checked equal")
    print(f"  loop over holidays.is_working_day          {ref_s:6.2f} s")
    print(
        f"  custrules ComplaintClock.deadline(...).due {ours_s:6.2f} s  "
        f"({ref_s / ours_s:.1f}x faster; full Deadline records)"
    )
    print(
        f"  custrules ComplaintClock.due_instants      {only_s:6.2f} s  "
        f"({ref_s / only_s:.1f}x faster; the instants only)"
    )


if __name__ == "__main__":
    main()
