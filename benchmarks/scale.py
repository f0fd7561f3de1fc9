"""Benchmark: whole tables on one process against a two-worker Dask LocalCluster.

Run:  python benchmarks/scale.py [--rows 10000000] [--histories 1000000]
      (pip install -e '.[bench]' first: NumPy, pandas and dask[distributed])

Two jobs, each cut into partitions that make their own rows from a seed (as a
worker reads its slice of a table), run once in this process partition by
partition, then as Dask tasks on ``LocalCluster(n_workers=2, processes=True)``:

* complaints: ``--rows`` receipt instants and severities; each partition
  gets its due instants with ``ComplaintClock.deadlines_array`` and counts
  the breaches against random answer times;
* real estate: ``--histories`` case histories (the mix of
  ``benchmarks/realestate.py``), attributed with ``attribute_many`` and each
  deal's commission split to the cent, summed per salesperson.

Both runs must give the same totals.  The workers are warmed first (imports,
and China's calendar, which each worker process builds once); the overhead
per partition is measured with tasks that do nothing.
"""

from __future__ import annotations

import sys
import types

try:
    import _isolate  # noqa: F401  (first: keeps benchmarks/calendar.py from shadowing `calendar`)
except ModuleNotFoundError:  # a Dask worker re-importing this script: the path is isolated
    sys.modules["_isolate"] = types.ModuleType("_isolate")

import argparse
import importlib.util
import random
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import cloudpickle
import numpy as np
from dask.distributed import Client, LocalCluster

from custrules import RE12, RE14, ComplaintClock, attribute_many

_spec = importlib.util.spec_from_file_location(
    "_re_bench", Path(__file__).with_name("realestate.py")
)
assert _spec is not None
assert _spec.loader is not None
realestate = importlib.util.module_from_spec(_spec)
sys.modules["_re_bench"] = realestate
_spec.loader.exec_module(realestate)
# the workers cannot import this folder: ship its functions by value
cloudpickle.register_pickle_by_value(realestate)

_START = np.datetime64("2026-01-01T00:00", "s").astype(np.int64)
_SPAN = 300 * 86_400
_AMOUNT = Decimal("300000.00")
_RULING = " needs a ruling"  # a count, not cents; sorts first


def complaints(job: tuple[int, int]) -> tuple[int, int]:
    """(rows, breaches) of partition ``job`` = (seed, rows)."""
    seed, rows = job
    rng = np.random.default_rng(seed)
    received = (_START + rng.integers(0, _SPAN, rows)).astype("datetime64[s]")
    severity = np.where(rng.random(rows) < 0.2, "major", "general")
    answered = received + rng.integers(0, 6 * 86_400, rows).astype("timedelta64[s]")
    _, due = ComplaintClock().deadlines_array(received, severity)
    return rows, int((answered > due).sum())


def histories(job: tuple[int, int, int]) -> Counter[str]:
    """Commission per salesperson, in cents, of histories [first, first + count)."""
    seed, first, count = job
    rng = random.Random(seed * 1_000_003 + first)
    pay: Counter[str] = Counter()
    for policy in (RE12, RE14):
        batch = (realestate.case(rng, i) for i in range(first, first + count, 2))
        for result in attribute_many(batch, policy):
            if result.needs_ruling:
                pay[_RULING] += 1
                continue
            for party, part in result.split(_AMOUNT).items():
                pay[party.name] += int(part * 100)
    return pay


def nothing(job: Any) -> int:
    return 0


def _timed(run: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = run()
    return time.perf_counter() - t0, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--histories", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    p = args.partitions
    rows_each = -(-args.rows // p)
    row_jobs = [(args.seed + k, min(rows_each, args.rows - k * rows_each)) for k in range(p)]
    size = -(-args.histories // p)
    size += size % 2
    history_jobs = [
        (args.seed, first, min(size, args.histories - first))
        for first in range(0, args.histories, size)
    ]

    one_rows_s, one_rows = _timed(lambda: [complaints(j) for j in row_jobs])
    one_hist_s, one_hist = _timed(lambda: [histories(j) for j in history_jobs])

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        # warm the workers: imports, and China's calendar built once in each
        client.run(complaints, (0, 10))
        client.run(histories, (0, 0, 2))
        empty_s, _ = _timed(lambda: client.gather(client.map(nothing, range(p), pure=False)))
        two_rows_s, two_rows = _timed(lambda: client.gather(client.map(complaints, row_jobs)))
        two_hist_s, two_hist = _timed(lambda: client.gather(client.map(histories, history_jobs)))

    assert one_rows == two_rows, "the cluster's breaches differ"
    assert one_hist == two_hist, "the cluster's commissions differ"
    breaches = sum(b for _, b in one_rows)
    pay: Counter[str] = Counter()
    for part in one_hist:
        pay += part
    print(f"{p} partitions; a task that does nothing: {empty_s / p * 1e3:.1f} ms a partition")
    print(
        f"complaints: {args.rows:,} rows ({breaches:,} breaches); one process {one_rows_s:.2f} s "
        f"({args.rows / one_rows_s / 1e6:.1f}M rows/s), 2 workers {two_rows_s:.2f} s "
        f"({one_rows_s / two_rows_s:.2f}x)"
    )
    print(
        f"real estate: {args.histories:,} histories; one process {one_hist_s:.2f} s "
        f"({one_hist_s / args.histories * 1e6:.1f} µs each), 2 workers {two_hist_s:.2f} s "
        f"({one_hist_s / two_hist_s:.2f}x)"
    )
    rulings = pay.pop(_RULING, 0)
    top = ", ".join(f"{name} {Decimal(cents) / 100:,.2f}" for name, cents in sorted(pay.items()))
    print(f"commission per salesperson (same on both): {top}; {rulings:,} need a ruling")


if __name__ == "__main__":
    main()
