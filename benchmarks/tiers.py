"""Benchmark: one million tier assignments on the polyolefin table (TIER-1).

Run:  python benchmarks/tiers.py [--count 1000000]

Target (issue 4): one million assignments in under 1 s on the development
machine.  Measures ``assign_tier`` one call at a time and the batch
``assign_tiers``, on random int, float and Decimal volumes, and checks both
agree with ``assess_tier`` on a sample.
"""

from __future__ import annotations

import _isolate  # noqa: F401  (first: keeps benchmarks/calendar.py from shadowing `calendar`)

import argparse
import random
import time
from decimal import Decimal

from custrules import POLYOLEFIN_STARS, assess_tier, assign_tier, assign_tiers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    table = POLYOLEFIN_STARS
    kinds = {
        "int": [rng.randrange(0, 5000) for _ in range(args.count)],
        "float": [rng.uniform(0, 5000) for _ in range(args.count)],
    }
    decimals = [Decimal(rng.randrange(0, 500_000)) / 100 for _ in range(args.count // 10)]
    for volumes in (*kinds.values(), decimals):
        for v in volumes[:2000]:
            assert assign_tier(table, v) == assess_tier(table, v).tier

    print(f"tier assignments on {table.name}")
    for name, volumes in kinds.items():
        t0 = time.perf_counter()
        for v in volumes:
            assign_tier(table, v)
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        assign_tiers(table, volumes)
        batch = time.perf_counter() - t0
        verdict = "met" if one < 1 else "NOT met"
        print(
            f"  {len(volumes):,} {name} volumes: assign_tier {one:.2f} s "
            f"(target < 1 s: {verdict}), assign_tiers {batch:.2f} s"
        )
    t0 = time.perf_counter()
    for v in decimals:
        assign_tier(table, v)
    per = (time.perf_counter() - t0) / len(decimals)
    print(f"  Decimal volumes (exact path): {per * 1e6:.2f} µs each")


if __name__ == "__main__":
    main()
