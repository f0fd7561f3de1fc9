"""O(log n) working-day arithmetic over a weekly rule plus exceptions (private).

A day is a working day when the weekly rule says so (its weekday is not in
the weekend) XOR it is an *exception* (a holiday on a weekday, a make-up
working day on a weekend, an override).  Exceptions are a sorted array.

Everything is computed from one counting function over day ordinals::

    F(o) = base(o) + D(o)

``base(o)``: how many weekly-rule working days lie in [0, o], in closed form;
``D(o)``: the signed sum of the exceptions up to ``o`` (+1 for a make-up day,
-1 for a day off), read from a prefix-sum array after one ``bisect``.  Then

* working days in (a, b]           = F(b) - F(a)                 O(log E)
* the n-th working day after ``a`` = the smallest r with F(r) >= F(a) + n;
  found by bisecting the precomputed F of every exception (F only jumps at
  working days), then inverting ``base`` in closed form        O(log E)

where E is the number of exceptions (about 30 a year for China).  This
serves calendars without bounds (``WorkCalendar.weekdays()``).

A bounded calendar (China's official years, a `holidays` country) also gets
a :class:`Dense` table built from the same function: the number of working
days before each day of the range and the list of working days, so that
adding or counting working days is two list look-ups, O(1).  Both answer
the same; the tests check it.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections.abc import Mapping

#: Above this many days a bounded calendar keeps only the sparse index.
DENSE_LIMIT = 200_000


class Index:
    """Immutable after construction; answers in ordinals."""

    __slots__ = ("_cum", "_exc", "_exc_set", "_fe", "_k", "_pos", "_pre", "_workmask")

    def __init__(self, weekend: frozenset[int], exceptions: Mapping[int, bool]) -> None:
        # Residue r = ordinal % 7; ordinal 1 (0001-01-01) is a Monday, so the
        # weekday of residue r is (r + 6) % 7.
        workmask = tuple((r + 6) % 7 not in weekend for r in range(7))
        pre: list[int] = []
        running = 0
        for flag in workmask:
            running += flag
            pre.append(running)
        self._workmask = workmask
        self._pre = tuple(pre)
        self._k = running
        self._pos = tuple(r for r in range(7) if workmask[r])
        exc = sorted(o for o, working in exceptions.items() if working != workmask[o % 7])
        self._exc = exc
        self._exc_set = frozenset(exc)
        cum = [0]
        for o in exc:
            cum.append(cum[-1] + (1 if exceptions[o] else -1))
        self._cum = cum
        self._fe = [self._base(o) + cum[j + 1] for j, o in enumerate(exc)]

    def _base(self, o: int) -> int:
        q, r = divmod(o, 7)
        return q * self._k + self._pre[r]

    def count_through(self, o: int) -> int:
        """F(o): working days among ordinals [0, o]."""
        q, r = divmod(o, 7)
        return q * self._k + self._pre[r] + self._cum[bisect_right(self._exc, o)]

    def is_working(self, o: int) -> bool:
        return self._workmask[o % 7] != (o in self._exc_set)

    def nth(self, target: int) -> int:
        """The smallest ordinal r with F(r) >= target (target >= 1)."""
        j = bisect_left(self._fe, target)
        m, rem = divmod(target - self._cum[j] - 1, self._k)
        r = 7 * m + self._pos[rem]
        if j < len(self._exc) and self._exc[j] < r:
            return self._exc[j]
        return r

    def add(self, o: int, n: int) -> int:
        """The n-th working day after ordinal o (see WorkCalendar.add_working_days)."""
        if n > 0:
            return self.nth(self.count_through(o) + n)
        return self.nth(self.count_through(o - 1) + n + 1)


class Dense:
    """Per-day tables over [lo, hi] (ordinals), built from an :class:`Index`.

    ``before[i]``: working days in [lo, lo + i); ``days[k]``: the k-th
    working day of the range, as a date.
    """

    __slots__ = ("before", "days", "lo", "size")

    def __init__(self, index: Index, lo: int, hi: int) -> None:
        before = [0]
        days: list[_dt.date] = []
        is_working = index.is_working
        fromordinal = _dt.date.fromordinal
        for o in range(lo, hi + 1):
            if is_working(o):
                days.append(fromordinal(o))
            before.append(len(days))
        self.lo = lo
        self.size = hi - lo + 1
        self.before = before
        self.days = tuple(days)
