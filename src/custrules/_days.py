"""Immutable day data shared by the calendar and its `holidays` adapter (private)."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping

import attrs

from custrules._frozen import FrozenMap
from custrules._i18n import N_, Sub, tr

__all__ = ["DayData", "DayKind", "SpecialDay"]


class DayKind(str, enum.Enum):
    """Why a day is, or is not, a working day."""

    #: An ordinary working day (Monday-Friday, nothing special).
    WORKDAY = "workday"
    #: An ordinary weekend day.
    WEEKEND = "weekend"
    #: A statutory holiday (法定节假日), or the day taken in lieu of one.
    HOLIDAY = "holiday"
    #: 调休放假: a weekday given off in exchange for a make-up working day.
    BRIDGE_DAY = "bridge_day"
    #: 调休上班: a weekend day made a working day by the State Council.
    MAKEUP_WORKDAY = "makeup_workday"
    #: A day off added by the host through ``with_overrides`` (CAL-3).
    OVERRIDE_DAY_OFF = "override_day_off"
    #: A working day added by the host through ``with_overrides`` (CAL-3).
    OVERRIDE_WORKING_DAY = "override_working_day"

    @property
    def text(self) -> str:
        """A short English description, Chinese term in brackets."""
        return _TEXT[self]

    def label(self, lang: str = "en") -> str:
        """The description in ``lang`` (``"en"`` or ``"zh"``)."""
        return tr(_TEXT[self], lang)


_TEXT = {
    DayKind.WORKDAY: N_("working day"),
    DayKind.WEEKEND: N_("weekend"),
    DayKind.HOLIDAY: N_("public holiday (法定节假日)"),
    DayKind.BRIDGE_DAY: N_("bridge day off (调休放假)"),
    DayKind.MAKEUP_WORKDAY: N_("make-up working day (调休上班)"),
    DayKind.OVERRIDE_DAY_OFF: N_("day off added by override"),
    DayKind.OVERRIDE_WORKING_DAY: N_("working day added by override"),
}


@attrs.frozen(kw_only=True)
class SpecialDay:
    """A day the data says something about (a holiday, a swap, ...)."""

    working: bool
    kind: DayKind
    name: str | None = None
    swapped_with: _dt.date | None = None


def _freeze(days: Mapping[_dt.date, SpecialDay]) -> Mapping[_dt.date, SpecialDay]:
    return FrozenMap(days)


@attrs.frozen(kw_only=True)
class DayData:
    """What a holiday source says about a range of days.

    ``days`` holds every day the source names or treats differently from the
    plain weekend rule; days not in it follow ``weekend``.  Days up to
    ``official_through`` are official; days after it, up to
    ``estimate_through``, are a rule-based estimate.
    """

    label: str
    weekend: frozenset[int]
    first_day: _dt.date | None
    official_through: _dt.date | None
    estimate_through: _dt.date | None
    days: Mapping[_dt.date, SpecialDay] = attrs.field(converter=_freeze)
    #: where the days come from: a text, or one in the reader's language (a ``Sub``)
    source: str | Sub
