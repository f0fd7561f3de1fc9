"""Working-day arithmetic on NumPy arrays (private; the ``numpy`` extra).

Only :class:`~custrules.WorkCalendar`'s ``*_array`` methods import this module,
so the core never imports NumPy.  Every function reads the calendar's dense
day table (see ``_index.Dense``) with NumPy indexing: no Python loop per
element, and the same answers as the scalar API.  ``NaT`` stays ``NaT``; a
date past the calendar's data raises the scalar API's
:class:`~custrules.errors.CalendarHorizonError`, naming the first such date.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import numpy as np

from custrules._i18n import N_
from custrules._index import Dense
from custrules.errors import InvalidInputError, InvalidTypeError

if TYPE_CHECKING:  # pragma: no cover
    from custrules.calendar import WorkCalendar

#: date(1970, 1, 1).toordinal(): datetime64[D] counts days from 1970-01-01
_EPOCH = 719_163
#: the day NaT stands in for while computing (masked in every result)
_NAT_FILL = _dt.date(2024, 1, 1).toordinal()
#: the widest span a calendar without a table of its own is tabulated over
_SPAN_LIMIT = 400_000


class _Table:
    """A calendar's dense table as NumPy arrays."""

    __slots__ = ("before", "days", "lo", "luts", "size")

    def __init__(self, dense: Dense) -> None:
        #: answers for every day and every n in -R..R, by R (see _lut)
        self.luts: dict[int, np.ndarray] = {}
        self.lo = dense.lo
        self.size = dense.size
        self.before = np.asarray(dense.before, dtype=np.int64)
        ordinals = np.fromiter((d.toordinal() for d in dense.days), dtype=np.int64)
        self.days = (ordinals - _EPOCH).astype("datetime64[D]")


def _days(value: Any, what: str) -> np.ndarray:
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as exc:  # pragma: no cover - numpy accepts nearly anything
        raise InvalidTypeError.of(
            N_("{what} must be an array of dates: {exc}"),
            code="arrays.days.array_dates.1",
            what=what,
            exc=exc,
        ) from None
    if arr.dtype.kind != "M":
        if arr.dtype == object or arr.dtype.kind in "U":
            try:
                arr = arr.astype("datetime64[D]")
            except (TypeError, ValueError):
                raise InvalidTypeError.of(
                    N_("{what} must be a datetime64[D] array (or dates), got {dtype}"),
                    code="arrays.days.datetime_d_array.3",
                    what=what,
                    dtype=arr.dtype,
                ) from None
        else:
            raise InvalidTypeError.of(
                N_("{what} must be a datetime64[D] array (or dates), got {dtype}"),
                code="arrays.days.datetime_d_array.2",
                value=value,
                what=what,
                dtype=arr.dtype,
            )
    return arr.astype("datetime64[D]")


def _steps(n: Any, shape: tuple[int, ...]) -> np.ndarray:
    arr = np.asarray(n)
    if arr.dtype.kind not in "iu" or arr.dtype == np.bool_:
        raise InvalidTypeError.of(
            N_("n must be an int or an array of ints, got {dtype}"),
            code="arrays.steps.n_int",
            value=n,
            dtype=arr.dtype,
        )
    try:
        return np.broadcast_to(arr.astype(np.int64), shape)
    except ValueError:
        raise InvalidInputError.of(
            N_("n (shape {shape}) does not broadcast to the dates' shape {shape2}"),
            code="arrays.steps.n_does",
            value=n,
            shape=arr.shape,
            shape2=shape,
        ) from None


def _table(calendar: WorkCalendar, lo_needed: int, hi_needed: int) -> _Table:
    cache: list[Any] = calendar._arrays
    dense = calendar._dense
    if dense is not None:
        if not cache:
            cache.append(_Table(dense))
        table: _Table = cache[0]
        return table
    # an unbounded calendar: tabulate the span the input needs
    lo, hi = max(lo_needed, calendar._lo), min(hi_needed, calendar._hi)
    if hi - lo > _SPAN_LIMIT:
        raise InvalidInputError.of(
            N_(
                "the dates span {a:,} days: arrays on a calendar without a table of its "
                "own take at most {SPAN_LIMIT:,}"
            ),
            code="arrays.table.dates_span",
            a=hi - lo,
            SPAN_LIMIT=_SPAN_LIMIT,
        )
    for held in cache:
        if held.lo <= lo and held.lo + held.size - 1 >= hi:
            return held  # type: ignore[no-any-return]
    table = _Table(Dense(calendar._index, lo, hi))
    cache[:] = [table]
    return table


def _ordinals(days: np.ndarray, calendar: WorkCalendar) -> tuple[np.ndarray, np.ndarray]:
    """Day ordinals (NaT replaced by a valid day, to be masked) and the NaT mask."""
    nat = np.isnat(days)
    o = days.view(np.int64) + _EPOCH
    if nat.any():
        inside = min(max(_NAT_FILL, calendar._lo), calendar._hi)
        fill = o[~nat][0] if (~nat).any() else inside
        o = np.where(nat, fill, o)
    return o, nat


def _check_range(calendar: WorkCalendar, o: np.ndarray, nat: np.ndarray, days: np.ndarray) -> None:
    lo, hi = calendar._lo, calendar._hi
    if o.size == 0 or (int(o.min()) >= lo and int(o.max()) <= hi):
        return
    outside = ~nat & ((o < lo) | (o > hi))
    if not outside.any():
        return
    first = int(np.flatnonzero(outside.ravel())[0])
    day = _dt.date.fromordinal(int(o.ravel()[first]))
    raise calendar._horizon_error(day)


def _span(o: np.ndarray, calendar: WorkCalendar, margin: int = 0) -> _Table:
    if o.size == 0:
        first = last = max(calendar._lo, _dt.date(2000, 1, 1).toordinal())
    else:
        first, last = int(o.min()), int(o.max())
    return _table(calendar, first - margin, last + margin)


def is_working_day_array(calendar: WorkCalendar, days: Any) -> np.ndarray:
    arr = _days(days, "days")
    o, nat = _ordinals(arr, calendar)
    _check_range(calendar, o, nat, arr)
    table = _span(o, calendar)
    i = o - table.lo
    working: np.ndarray = (table.before[i + 1] - table.before[i]) == 1
    if nat.any():
        working &= ~nat
    return working


def add_working_days_array(calendar: WorkCalendar, days: Any, n: Any) -> np.ndarray:
    arr = _days(days, "days")
    fast = _add_fast(calendar, arr, n)
    if fast is not None:
        return fast
    return _add_general(calendar, arr, n)


#: NaT's integer
_INAT = np.iinfo(np.int64).min
#: the reaches (largest |n|) answered from a table of every (day, n)
_LUT_REACH = (8, 32)


def _lut(table: _Table, reach: int) -> np.ndarray:
    """The answer for every day of ``table`` and every n in -reach..reach, flat:
    entry (day - lo) * (2 * reach + 1) + n + reach.  Built once a table and reach
    (at most 65 columns: 5 MB for a century of days)."""
    held = table.luts.get(reach)
    if held is not None:
        return held
    i = np.arange(table.size, dtype=np.int64)
    last = len(table.days) - 1
    columns = []
    for n in range(-reach, reach + 1):
        ahead = 1 if n > 0 else 0
        k = table.before[np.minimum(i + ahead, table.size)] + n - ahead
        columns.append(table.days[np.clip(k, 0, last)])  # the ends are never read
    lut = np.stack(columns, axis=1).ravel()
    table.luts[reach] = lut
    return lut


def _add_fast(calendar: WorkCalendar, arr: np.ndarray, n: Any) -> np.ndarray | None:
    """The common case in as few passes over the data as NumPy allows: no NaT,
    every date and every answer well inside the table (else None: the general
    path, which also finds the errors)."""
    raw = arr.view(np.int64)
    if raw.size == 0:
        return None
    first, last = int(raw.min()), int(raw.max())
    if first == _INAT:
        return None  # NaT: the general path masks it
    first += _EPOCH
    last += _EPOCH
    if first < calendar._lo or last > calendar._hi:
        return None  # the general path raises the horizon error
    steps = np.asarray(n)
    if steps.dtype.kind not in "iu" or steps.dtype == np.bool_:
        return None
    if steps.ndim == 0:
        scalar = int(steps)
        reach = abs(scalar)
    else:
        try:
            np.broadcast_shapes(steps.shape, arr.shape)
        except ValueError:
            return None
        if steps.shape != arr.shape:
            return None
        reach = int(np.abs(steps).max(initial=0))
    reach = next((r for r in _LUT_REACH if reach <= r), reach)
    margin = reach * 2 + 14
    table = _table(calendar, first - margin, last + margin)
    if first - margin < table.lo or last + margin > table.lo + table.size - 1:
        return None  # near the table's ends: the general path checks every answer
    if reach in _LUT_REACH:
        # one gather from the answers for every (day, n): index (day - lo) * W + n + R
        lut = _lut(table, reach)
        idx = raw - (table.lo - _EPOCH)
        idx *= 2 * reach + 1
        if steps.ndim == 0:
            idx += scalar + reach
        else:
            idx += steps
            idx += reach
        answer: np.ndarray = lut[idx]
        return answer
    offset = _EPOCH - table.lo
    if steps.ndim == 0:
        forward = 1 if scalar > 0 else 0
        k = table.before[raw + (offset + forward)]
        k += scalar - forward
    else:
        step64 = steps.astype(np.int64, copy=False)
        ahead = step64 > 0
        idx = raw + offset
        idx += ahead
        k = table.before[idx]
        k += step64
        k -= ahead
    result: np.ndarray = table.days[k]
    return result


def _add_general(calendar: WorkCalendar, arr: np.ndarray, n: Any) -> np.ndarray:
    steps = _steps(n, arr.shape)
    o, nat = _ordinals(arr, calendar)
    _check_range(calendar, o, nat, arr)
    margin = int(np.abs(steps).max(initial=0)) * 2 + 14
    table = _span(o, calendar, margin)
    forward = steps > 0
    # before[i + 1] + n - 1 for n > 0, before[i] + n otherwise: one gather
    k = table.before[o - table.lo + forward] + steps - forward
    bad = (k < 0) | (k >= len(table.days))
    if bad.any() and (bad & ~nat).any():
        first = int(np.flatnonzero((bad & ~nat).ravel())[0])
        start = _dt.date.fromordinal(int(o.ravel()[first]))
        # the scalar API gives the error (the horizon, or the end of the dates)
        calendar.add_working_days(start, int(steps.ravel()[first]))
        raise InvalidInputError.of(
            N_("{a} working days from {start} leave the calendar's range"),
            code="arrays.add_working_days_array.working_days",
            a=int(steps.ravel()[first]),
            start=start,
        )
    if bad.any():
        k = np.where(bad, 0, k)
    result: np.ndarray = table.days[k]
    if nat.any():
        result[nat] = np.datetime64("NaT", "D")
    return result


def working_days_between_array(calendar: WorkCalendar, start: Any, end: Any) -> np.ndarray:
    a_arr, b_arr = _days(start, "start"), _days(end, "end")
    try:
        a_arr, b_arr = np.broadcast_arrays(a_arr, b_arr)
    except ValueError:
        raise InvalidInputError.of(
            N_("start (shape {shape}) and end (shape {shape2}) do not broadcast"),
            code="arrays.working_days_between_array.start_end",
            shape=a_arr.shape,
            shape2=b_arr.shape,
        ) from None
    a, nat_a = _ordinals(a_arr, calendar)
    b, nat_b = _ordinals(b_arr, calendar)
    _check_range(calendar, a, nat_a, a_arr)
    _check_range(calendar, b, nat_b, b_arr)
    nat = nat_a | nat_b
    table = _span(np.concatenate([a.ravel(), b.ravel()]), calendar)
    count: np.ndarray = table.before[b - table.lo + 1] - table.before[a - table.lo + 1]
    if nat.any():
        out: np.ndarray = count.astype(np.float64)
        out[nat] = np.nan
        return out
    return count


def is_estimated_array(calendar: WorkCalendar, days: Any) -> np.ndarray:
    arr = _days(days, "days")
    o, nat = _ordinals(arr, calendar)
    _check_range(calendar, o, nat, arr)
    estimated: np.ndarray = (o > calendar._official) & ~nat
    return estimated


def complaint_deadlines_array(
    clock: Any, received_utc: Any, severity: Any
) -> tuple[np.ndarray, np.ndarray]:
    """(last days, due instants in UTC) for receipt instants given in UTC (CAL-6).

    The clock's calendar must read instants in a fixed-offset zone (China's
    does); the receipt day is not counted (the Civil Code convention); the
    period ends at the clock's close of business, else 24:00 of the last day.
    """
    from custrules.complaints import Severity
    from custrules.periods import CIVIL_CODE

    if clock.convention != CIVIL_CODE:
        raise InvalidInputError.of(
            N_(
                "complaint deadlines for arrays follow the Civil Code convention only; "
                "use ComplaintClock.deadline for another"
            ),
            code="arrays.complaint_deadlines_array.complaint_deadlines_arrays_follow",
            value=clock.convention,
        )
    zone = clock.calendar.require_zone()
    offset = zone.utcoffset(None)
    if offset is None:
        raise InvalidInputError.of(
            N_(
                "complaint deadlines for arrays need a fixed-offset zone; {zone} has "
                "daylight saving: use ComplaintClock.due_instants"
            ),
            code="arrays.complaint_deadlines_array.complaint_deadlines_arrays_need",
            value=zone,
            zone=zone,
        )
    received = np.asarray(received_utc)
    if received.dtype.kind != "M":
        raise InvalidTypeError.of(
            N_("received_utc must be a datetime64 array of UTC instants, got {dtype}"),
            code="arrays.complaint_deadlines_array.received_utc_datetime_array_utc",
            value=received_utc,
            dtype=received.dtype,
        )
    received = received.astype("datetime64[s]")
    shift = np.timedelta64(int(offset.total_seconds()), "s")
    local_days = (received + shift).astype("datetime64[D]")
    sev = np.asarray(severity)
    if sev.dtype.kind in "UO":
        # parse each distinct label once, not each row
        try:
            labels, where = np.unique(sev, return_inverse=True)
        except TypeError:  # objects that do not sort (a missing value): parse each
            labels, where = sev.ravel(), np.arange(sev.size)
        flags = np.array([Severity.parse(s) is Severity.GENERAL for s in labels.tolist()], bool)
        general = flags[where].reshape(sev.shape)
    else:
        raise InvalidTypeError.of(
            N_("severity must be text ('general', 'major') or Severity, got {dtype}"),
            code="arrays.complaint_deadlines_array.severity_text_severity",
            value=severity,
            dtype=sev.dtype,
        )
    n = np.where(general, clock.policy.general_working_days, clock.policy.major_working_days)
    n = np.broadcast_to(n, local_days.shape).astype(np.int64)
    last = add_working_days_array(clock.calendar, local_days, n)
    closing = clock.closing_time
    end_of_day = (
        np.timedelta64(1, "D").astype("timedelta64[s]")
        if closing is None
        else np.timedelta64(closing.hour * 3600 + closing.minute * 60 + closing.second, "s")
    )
    due = last.astype("datetime64[s]") + end_of_day - shift
    return last, due


def assign_tiers_array(table: Any, volumes: Any) -> np.ndarray:
    """Positions in ``table.tiers`` of the tiers earned by an array of volumes (TIER-1).

    One ``searchsorted`` over the bands' lower bounds.  Each bound is turned
    into the smallest value of the array's type that is not below it, so the
    answers equal :func:`~custrules.tiers.assign_tier`'s exactly (a float
    volume against a bound like 0.1, an int volume against a bound like 2.5).
    """
    from custrules import _check

    arr = np.asarray(volumes)
    kind = arr.dtype.kind
    if kind not in "iuf" or arr.dtype == np.bool_:
        raise InvalidTypeError.of(
            N_("volumes must be an array of ints or floats, got {dtype}"),
            code="arrays.assign_tiers_array.volumes_array",
            value=volumes,
            dtype=arr.dtype,
        )
    if arr.size:
        bad = (
            ~np.isfinite(arr) | (arr < 0) | (arr >= _check.MAX_MAGNITUDE)
            if kind == "f"
            else ((arr < 0) | (arr >= _check.MAX_MAGNITUDE))
        )
        if bad.any():
            first = int(np.flatnonzero(bad.ravel())[0])
            value = arr.ravel()[first].item()
            raise InvalidInputError.of(
                N_(
                    "volume at position {first} is {value}: volumes must be finite, not "
                    "negative and below {MAX_MAGNITUDE:.0e}"
                ),
                code="arrays.assign_tiers_array.volume_position",
                value=value,
                first=first,
                MAX_MAGNITUDE=_check.MAX_MAGNITUDE,
            )
    if kind == "u":
        arr = arr.astype(np.int64)  # below 10**18: exact; uint64 against int64 would go float
    bounds = [_least_not_below(lower, kind) for lower in table._lowers]
    dtype = np.float64 if kind == "f" else np.int64
    slot = np.searchsorted(np.asarray(bounds, dtype=dtype), arr, side="right") - 1
    positions = np.asarray([table.position(t) for t in table._banded], dtype=np.int64)
    result: np.ndarray = positions[slot]
    return result


def _least_not_below(bound: Any, kind: str) -> float | int:
    """The least int (``kind`` 'i'/'u') or float not below an exact bound."""
    import math
    from fractions import Fraction

    exact = Fraction(bound)
    if kind != "f":
        return math.ceil(exact)
    f = float(exact)
    if Fraction(f) < exact:
        f = math.nextafter(f, math.inf)
    return f
