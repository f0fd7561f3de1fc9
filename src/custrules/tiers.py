"""Customer grades (客户分级): TIER-1, TIER-2, TIER-5, TIER-6, TIER-7.

Sources: the model regulations of 客户管理管理制度: 《石油公司化工品客户管理办法》
(arts. 9, 16) and 《大客户管理方法》; 卷烟零售客户管理 (tobacco retail customer management).

* TIER-1: polyolefin star grades by monthly pick-up, five levels from 网拍客户
  (every new customer) to 三星客户; levels move one step at a time (依次升降);
  other indicators gate the grade (与其他指标共同考核).
* TIER-2: reviews quarterly, half-yearly and yearly; which figure a review
  reads is an explicit choice (:class:`ReviewBasis`).
* TIER-5, TIER-6: tobacco retail grades (8, split at 10 cases a month; the
  host supplies the boundaries the regulation cuts off) and 42 categories.
* TIER-7: sustained-volume stars (every month of a window over a threshold).

TIER-3 (admission), TIER-4 (channel classes) and TIER-8 (value classes, key
accounts) live in :mod:`custrules.classes`.

Tables are policy data: a :class:`TierTable` of :class:`Tier` rows with
half-open bands ``lower <= volume < upper``.

>>> assign_tier(POLYOLEFIN_STARS, 2500).label
'二星客户'
>>> review_tier(POLYOLEFIN_STARS, "网拍客户", 3500).label   # one step at a time
'普通客户'
"""

from __future__ import annotations

import enum
import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_, WITH_LABEL, Listed, Names, Said, Sub, Term, render_all, said, tr
from custrules.errors import InvalidInputError, InvalidTypeError, UnknownLabelError
from custrules.periods import Month

__all__ = [
    "BusinessScale",
    "CARRIER_STAR_CARDS",
    "Gate",
    "GateCheck",
    "MarketType",
    "Missing",
    "POLYOLEFIN_STARS",
    "RetailFormat",
    "ReviewBasis",
    "ReviewPeriod",
    "SustainedLadder",
    "SustainedLevel",
    "SustainedResult",
    "Tier",
    "TierDecision",
    "TierTable",
    "TobaccoCategory",
    "VolumeUnit",
    "assess_review",
    "assess_tier",
    "assign_tier",
    "assign_tiers",
    "assign_tiers_array",
    "review_tier",
    "review_volume",
    "sustained_level",
    "tobacco_category",
    "tobacco_grade_table",
]


def _amount(value: Any) -> Fraction:
    return _check.volume(value)


# -- volumes -------------------------------------------------------------------


def _bound(value: Any) -> Fraction | None:
    return None if value is None else _check.volume(value, "a band bound")


_INF = float("inf")


class VolumeUnit(str, enum.Enum):
    """What a table's volumes count."""

    TONNES = "tonnes"  # 吨
    CASES = "cases"  # 件 (tobacco: 50,000 cigarettes)
    YUAN = "yuan"  # 元

    def label(self, lang: str = "en") -> str:
        """``tonnes`` / ``吨``, ``cases`` / ``件``, ``yuan`` / ``元``."""
        return tr(_UNIT_LABELS[self], lang)


_UNIT_LABELS = {
    VolumeUnit.TONNES: N_("tonnes"),
    VolumeUnit.CASES: N_("cases"),
    VolumeUnit.YUAN: N_("yuan"),
}


def _to_volume_unit(value: Any) -> VolumeUnit:
    """A VolumeUnit from itself, its value, its name or its label (errors list the choices)."""
    result: VolumeUnit = _check.member(VolumeUnit, value, "volume unit")
    return result


# -- tiers and tables -----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Tier:
    """One grade: a name, a Chinese label and a half-open band.

    ``lower <= volume < upper``; ``upper`` None means no upper bound.  A
    tier without a band (``lower`` None) is reached only as a table's entry
    tier (TIER-1: 网拍客户, every newly developed customer) or its direct-sale
    tier, and a table lists it below every band.
    """

    name: str = attrs.field(validator=_check.nonempty)
    label: str = attrs.field(validator=_check.nonempty)
    lower: Fraction | None = attrs.field(default=None, converter=_bound)
    upper: Fraction | None = attrs.field(default=None, converter=_bound)

    def __attrs_post_init__(self) -> None:
        if self.lower is None and self.upper is not None:
            raise InvalidInputError.of(
                N_("tier {name}: an upper bound needs a lower bound"),
                code="tiers.tier.tier_upper",
                value=self.upper,
                name=self.name,
            )
        if self.lower is not None and self.upper is not None and self.upper <= self.lower:
            raise InvalidInputError.of(
                N_("tier {name}: the band [{lower}, {upper}) is empty or reversed"),
                code="tiers.tier.tier_band",
                value=(self.lower, self.upper),
                name=self.name,
                lower=self.lower,
                upper=self.upper,
            )

    @property
    def banded(self) -> bool:
        return self.lower is not None

    def contains(self, volume: Any) -> bool:
        """Whether ``volume`` falls in this tier's band."""
        v = _check.volume(volume)
        if self.lower is None:
            return False
        return self.lower <= v and (self.upper is None or v < self.upper)

    def __str__(self) -> str:
        return self.label


def _tiers(value: Any) -> tuple[Tier, ...]:
    items = _check.items(value, "a table's tiers")
    for item in items:
        if not isinstance(item, Tier):
            raise InvalidTypeError.of(
                N_("a table's tiers must be Tier rows, got {item!r}"),
                code="tiers.tiers.table_s",
                value=item,
                item=item,
            )
    return items


def _by_word(items: Iterable[Tier | SustainedLevel]) -> tuple[dict[str, int], str | None]:
    """Each item's place by its name and by its label, and the first word two items
    share (None if none: one item may be called by the same word as name and label);
    results name a grade by either word."""
    positions: dict[str, int] = {}
    for i, item in enumerate(items):
        for key in (item.name, item.label):
            if positions.setdefault(key, i) != i:
                return positions, key
    return positions, None


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(_check.text(v, "a rule ID") for v in _check.items(value, "rules"))


def _step_limit(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _check.integer(value, "step_limit")
        if value < 1:
            raise InvalidInputError.of(
                N_("step_limit must be at least 1 or None, got {shown}"),
                code="tiers.step_limit.step_limit_least",
                value=value,
                shown=value,
            )


def _row(value: Any, size: int, shape: Term, what: Term) -> tuple[Any, ...]:
    """A row of a table given as a tuple (or list) of ``size`` items."""
    if not isinstance(value, (tuple, list)) or len(value) != size:
        raise InvalidInputError.of(
            N_("{what} must be {shape}, got {value!r:.60}"),
            code="tiers.row.shape",
            value=value,
            what=what,
            shape=shape,
        )
    return tuple(value)


@attrs.frozen(kw_only=True)
class TierTable:
    """An ordered table of tiers, lowest first (policy as data).

    The banded tiers must cover every volume from 0 up exactly once: in
    table order, the first band starts at 0, each band starts where the
    previous one ends, and the last has no upper bound.  Gaps, overlaps,
    unordered or negative bands are refused when the table is built, and so
    is a tier without a band listed above one (no review may stop on a tier
    no volume earns).
    """

    name: str = attrs.field(validator=_check.nonempty)
    unit: VolumeUnit = attrs.field(converter=_to_volume_unit)
    tiers: tuple[Tier, ...] = attrs.field(converter=_tiers)
    #: the tier every new customer starts in (None: placed by volume)
    entry: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    #: the tier direct-sale customers are managed at (TIER-1: 普通客户)
    direct_sale: str | None = attrs.field(default=None, validator=_check.optional_nonempty)
    #: how many steps a review may move (None: straight to the earned tier)
    step_limit: int | None = attrs.field(default=1, validator=_step_limit)
    #: the rule IDs this table encodes
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    _positions: Mapping[str, int] = attrs.field(init=False, eq=False, repr=False)
    _lowers: list[int | Fraction] = attrs.field(init=False, eq=False, repr=False)
    _banded: tuple[Tier, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.tiers:
            raise InvalidInputError.of(
                N_("table {name} has no tiers"),
                code="tiers.tiertable.table_has_no_tiers",
                value=self.tiers,
                name=self.name,
            )
        positions, key = _by_word(self.tiers)
        if key is not None:
            raise InvalidInputError.of(
                N_("table {name}: two tiers are called {key!r}"),
                code="tiers.tiertable.table_two_tiers_are",
                value=key,
                name=self.name,
                key=key,
            )
        banded = tuple(t for t in self.tiers if t.banded)
        if not banded:
            raise InvalidInputError.of(
                N_("table {name} has no tier with a volume band"),
                code="tiers.tiertable.table_has_no_tier",
                name=self.name,
            )
        for below, tier in itertools.pairwise(self.tiers[self.tiers.index(banded[0]) :]):
            # lowest first: a tier no volume earns (a new or direct-sale customer's) sits
            # below the bands, or a review, one step at a time, would stop on it
            if not tier.banded:
                raise InvalidInputError.of(
                    N_(
                        "table {name}: tier {name2} has no band but comes after {below}, which "
                        "has one; a tier no volume earns (an entry or direct-sale tier) must "
                        "come first, below every band, or be given a band of its own"
                    ),
                    code="tiers.tiertable.unbanded_above_band",
                    value=tier,
                    name=self.name,
                    name2=tier.name,
                    below=below.name,
                )
        lowers_in_order = [t.lower for t in banded]
        if lowers_in_order != sorted(lowers_in_order):  # type: ignore[type-var]
            raise InvalidInputError.of(
                N_("table {name}: the bands are not in increasing order (lowest first): {bands}"),
                code="tiers.tiertable.bands_order.table_bands",
                value=banded,
                name=self.name,
                bands=Names(f"{t.name} ≥ {t.lower}" for t in banded),
            )
        expected: Fraction | None = Fraction(0)
        for tier in banded:
            assert tier.lower is not None
            if expected is None or tier.lower < expected:
                raise InvalidInputError.of(
                    N_(
                        "table {name}: an overlap at tier {name2}: its band starts at "
                        "{lower}, inside the previous band (which ends at {a})"
                    ),
                    code="tiers.tiertable.table_overlap_tier_band",
                    value=tier,
                    name=self.name,
                    name2=tier.name,
                    lower=tier.lower,
                    a=Term(N_("no upper bound")) if expected is None else expected,
                )
            if tier.lower > expected:
                raise InvalidInputError.of(
                    N_(
                        "table {name}: a gap before tier {name2}: its band starts at "
                        "{lower}, the previous one ends at {expected}; volumes in "
                        "between would have no tier"
                    ),
                    code="tiers.tiertable.table_gap_before_tier",
                    value=tier,
                    name=self.name,
                    name2=tier.name,
                    lower=tier.lower,
                    expected=expected,
                )
            expected = tier.upper
        if expected is not None:
            raise InvalidInputError.of(
                N_(
                    "table {name}: the highest band ends at {expected}; it must have no "
                    "upper bound so that every volume has a tier"
                ),
                code="tiers.tiertable.table_highest_band_ends",
                value=banded[-1],
                name=self.name,
                expected=expected,
            )
        for role, special in (("entry", self.entry), ("direct_sale", self.direct_sale)):
            if special is not None and special not in positions:
                raise InvalidInputError.of(
                    N_("table {name}: the {role} tier {special!r} is not in the table"),
                    code="tiers.tiertable.table_tier_not_table",
                    value=special,
                    name=self.name,
                    role=role,
                    special=special,
                )
        lowers: list[int | Fraction] = []
        for t in banded:
            assert t.lower is not None
            lowers.append(int(t.lower) if t.lower.denominator == 1 else t.lower)
        object.__setattr__(self, "_positions", positions)
        object.__setattr__(self, "_lowers", lowers)
        object.__setattr__(self, "_banded", banded)

    @classmethod
    def from_lower_bounds(
        cls,
        *,
        name: str,
        unit: VolumeUnit | str,
        rows: Sequence[tuple[str, str, Any]],
        entry: tuple[str, str] | None = None,
        step_limit: int | None = 1,
        rules: Sequence[str] = (),
    ) -> TierTable:
        """A table from ``(name, label, lower bound)`` rows, lowest first.

        Each band runs from its lower bound to the next row's; the last is
        unbounded.  ``entry`` adds an unbanded entry tier below them.
        """
        shape = Term(N_("(name, label, lower bound)"))
        row = Term(N_("a row"))
        table = [_row(r, 3, shape, row) for r in _check.items(rows, "rows")]
        tiers = []
        if entry is not None:
            entry = _row(entry, 2, Term(N_("(name, label)")), Term(N_("the entry tier")))
            tiers.append(Tier(name=entry[0], label=entry[1]))
        for i, (tier_name, label, lower) in enumerate(table):
            upper = table[i + 1][2] if i + 1 < len(table) else None
            tiers.append(Tier(name=tier_name, label=label, lower=lower, upper=upper))
        return cls(
            name=name,
            unit=unit,
            tiers=tiers,
            entry=None if entry is None else entry[0],
            step_limit=step_limit,
            rules=rules,
        )

    def tier(self, key: Tier | str) -> Tier:
        """A tier of this table by itself, its name or its label."""
        if isinstance(key, Tier):
            pos = self._positions.get(key.name)
            if pos is not None and self.tiers[pos] == key:
                return key
            raise InvalidInputError.of(
                N_("tier {name} ({label}) is not a tier of table {name2}"),
                code="tiers.tiertable.tier.tier_not",
                value=key,
                name=key.name,
                label=key.label,
                name2=self.name,
            )
        if isinstance(key, str):
            pos = self._positions.get(key.strip())
            if pos is not None:
                return self.tiers[pos]
            known = Names(Sub((WITH_LABEL, (t.name, t.label))) for t in self.tiers)
            raise UnknownLabelError.of(
                N_("table {name} has no tier {key!r}; its tiers are {known}"),
                code="tiers.tiertable.tier.table_has",
                value=key,
                name=self.name,
                key=key,
                known=known,
            )
        raise InvalidTypeError.of(
            N_("a tier must be a Tier or its name, got {key!r}"),
            code="tiers.tiertable.tier.tier_tier",
            value=key,
            key=key,
        )

    def position(self, key: Tier | str) -> int:
        """The tier's place in the table, 0 for the lowest."""
        return self._positions[self.tier(key).name]

    def earned(self, volume: Any) -> Tier:
        """The banded tier whose band holds ``volume``."""
        return self._banded[bisect_right(self._lowers, _check.volume(volume)) - 1]


# -- TIER-1: the polyolefin table and gates -----------------------------------------

#: TIER-1 (《石油公司化工品客户管理办法》 art. 9): monthly pick-up in tonnes, five levels.
POLYOLEFIN_STARS = TierTable(
    name="polyolefin_stars",
    unit=VolumeUnit.TONNES,
    tiers=(
        Tier(name="online_auction", label="网拍客户"),  # 1. 新开发客户
        Tier(name="ordinary", label="普通客户", lower=0, upper=1000),  # 2. < 1000 t
        Tier(name="one_star", label="一星客户", lower=1000, upper=2000),  # 3.
        Tier(name="two_star", label="二星客户", lower=2000, upper=3000),  # 4.
        Tier(name="three_star", label="三星客户", lower=3000),  # 5. 3000 t 以上
    ),
    entry="online_auction",
    direct_sale="ordinary",  # 直销客户等同于计划普通客户级别进行管理
    step_limit=1,  # 客户级别可以依次升降
    rules=("TIER-1",),
)


@attrs.frozen(kw_only=True)
class Gate:
    """A further indicator a tier must pass (TIER-1 "与其他指标共同考核").

    ``allows(tier)`` says whether the customer may hold ``tier`` (e.g. a
    payment-record check that allows nothing above 一星 for late payers).  It
    must be a pure function.
    """

    name: str = attrs.field(validator=_check.nonempty)
    allows: Callable[[Tier], bool] = attrs.field()

    @allows.validator
    def _callable(self, attribute: Any, value: Any) -> None:
        if not callable(value):
            raise InvalidTypeError.of(
                N_("a gate's allows is a function of a tier, got {value!r:.60}"),
                code="tiers.gate.allows",
                value=value,
            )

    rule: str = "TIER-1"

    def check(self, tier: Tier) -> bool:
        """``allows(tier)``, which must answer True or False (a gate that forgets its
        ``return`` answers None, and would refuse every tier)."""
        if not isinstance(tier, Tier):
            raise InvalidTypeError.of(
                N_("a gate is asked about a Tier, got {value!r:.60}"),
                code="tiers.gate.tier",
                value=tier,
            )
        answer = self.allows(tier)
        if answer is not True and answer is not False and type(answer).__name__ != "bool_":
            raise InvalidTypeError.of(
                N_("gate {name} answered {answer!r} for {label}: a gate answers True or False"),
                code="tiers.gate.answer",
                value=answer,
                name=self.name,
                answer=answer,
                label=tier.label,
            )
        return bool(answer)


@attrs.frozen(kw_only=True)
class GateCheck:
    """One gate asked about one tier."""

    gate: str
    tier: str
    passed: bool


@attrs.frozen(kw_only=True)
class TierDecision:
    """A tier, and how it was reached."""

    tier: Tier
    #: the tier the volume alone earns (or the entry / direct-sale tier)
    earned: Tier
    #: the tier the review aimed at: ``earned`` lowered by failed gates
    target: Tier
    volume: Fraction | None
    previous: Tier | None = None
    gates: tuple[GateCheck, ...] = ()
    #: signed steps moved by a review (0 for an assignment)
    moved: int = 0
    #: the reasoning, rendered on demand (``reasons``, ``explain``)
    notes: tuple[Said, ...] = attrs.field(default=(), repr=False)
    rules: tuple[str, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasoning, one line a step (English)."""
        return render_all(self.notes)

    def explain(self, lang: str = "en") -> str:
        """The reasoning, one line a step, in ``lang`` (``"en"`` or ``"zh"``)."""
        return "\n".join(render_all(self.notes, lang))

    @property
    def capped(self) -> bool:
        """True when a gate or the step limit kept the tier below or above what was earned."""
        return self.tier != self.earned


def _gates(value: Iterable[Gate]) -> tuple[Gate, ...]:
    gates = _check.items(value, "gates")
    for g in gates:
        if not isinstance(g, Gate):
            raise InvalidTypeError.of(
                N_("gates must be Gate objects, got {g!r}"),
                code="tiers.gates.gates_gate",
                value=g,
                g=g,
            )
    return gates


def _apply_gates(
    table: TierTable, earned: Tier, gates: tuple[Gate, ...]
) -> tuple[Tier, tuple[GateCheck, ...], list[Said]]:
    if not gates:
        return earned, (), []
    checks: list[GateCheck] = []
    reasons: list[Said] = []
    banded = table._banded
    start = banded.index(earned)  # the earned tier is the banded one a volume falls in
    for candidate in reversed(banded[: start + 1]):
        results = [(g, g.check(candidate)) for g in gates]
        checks.extend(GateCheck(gate=g.name, tier=candidate.name, passed=ok) for g, ok in results)
        failed = [g.name for g, ok in results if not ok]
        if not failed:
            if candidate != earned:
                reasons.append(
                    said(
                        "gates held the tier at {} below the earned {}",
                        candidate.label,
                        earned.label,
                    )
                )
            return candidate, tuple(checks), reasons
        reasons.append(said("{} refused by {}", candidate.label, Listed(failed)))
    lowest = banded[0]
    reasons.append(said("every tier refused by the gates: kept at the lowest, {}", lowest.label))
    return lowest, tuple(checks), reasons


def _placed(table: TierTable, name: str, volume: Any, why: str) -> TierDecision:
    # ``why`` is marked with N_ where it is written
    """A tier fixed by the customer's kind, not by the volume."""
    tier = table.tier(name)
    return TierDecision(
        tier=tier,
        earned=tier,
        target=tier,
        volume=None if volume is None else _check.volume(volume),
        notes=((why, (tier.label,)),),
        rules=table.rules,
    )


def assess_tier(
    table: TierTable,
    volume: Any,
    *,
    new_customer: bool = False,
    direct_sale: bool = False,
    gates: Iterable[Gate] = (),
) -> TierDecision:
    """The tier one period's volume earns, with the reasoning (TIER-1)."""
    _check.boolean(new_customer, "new_customer")
    _check.boolean(direct_sale, "direct_sale")
    _table(table)
    gate_list = _gates(gates)
    if new_customer and table.entry is not None:
        return _placed(table, table.entry, volume, N_("a new customer starts at {}"))
    if direct_sale:
        if table.direct_sale is None:
            raise InvalidInputError.of(
                N_("table {name} has no direct-sale tier"),
                code="tiers.assess_tier.table_has",
                value=table.name,
                name=table.name,
            )
        return _placed(
            table, table.direct_sale, volume, N_("direct-sale customers are managed at {}")
        )
    v = _check.volume(volume)
    earned = table.earned(v)
    target, checks, reasons = _apply_gates(table, earned, gate_list)
    return TierDecision(
        tier=target,
        earned=earned,
        target=target,
        volume=v,
        gates=checks,
        notes=(said("{} {} earns {}", v, table.unit, earned.label), *reasons),
        rules=table.rules,
    )


def assign_tier(
    table: TierTable,
    volume: Any,
    *,
    new_customer: bool = False,
    direct_sale: bool = False,
    gates: Iterable[Gate] = (),
) -> Tier:
    """The tier earned by one period's volume (TIER-1); see :func:`assess_tier`."""
    _check.boolean(new_customer, "new_customer")
    _check.boolean(direct_sale, "direct_sale")
    if new_customer is False and direct_sale is False and gates == ():
        kind = type(volume)
        if type(table) is TierTable and (
            ((kind is int or kind is float) and 0 <= volume < _INF)
            or (kind is Decimal and volume.is_finite() and volume >= 0)
        ):
            # ints, floats and Decimals compare exactly with the bounds
            return table._banded[bisect_right(table._lowers, volume) - 1]
        return _table(table).earned(volume)
    return assess_tier(
        table, volume, new_customer=new_customer, direct_sale=direct_sale, gates=gates
    ).tier


def assign_tiers(table: TierTable, volumes: Iterable[Any]) -> list[Tier]:
    """:func:`assign_tier` over many volumes (no gates), for batch jobs."""
    _table(table)
    banded, lowers = table._banded, table._lowers
    out: list[Tier] = []
    append = out.append
    for volume in _check.iterable(volumes, "volumes"):
        kind = type(volume)
        if not ((kind is int or kind is float) and 0 <= volume < _INF):
            volume = _check.volume(volume)
        append(banded[bisect_right(lowers, volume) - 1])
    return out


def assign_tiers_array(table: TierTable, volumes: Any) -> Any:
    """:func:`assign_tier` for a NumPy array of volumes (the ``numpy`` extra), TIER-1.

    Returns an int array of positions in ``table.tiers`` (``table.tiers[i]`` is
    the tier), computed with one ``searchsorted``; the same answers as
    :func:`assign_tier` element by element.  Ints and floats only; a
    negative, infinite or NaN volume raises, naming the first one.
    """
    _table(table)
    from custrules.calendar import _arrays_module

    return _arrays_module().assign_tiers_array(table, volumes)


def assess_review(
    table: TierTable, current: Tier | str, volume: Any, *, gates: Iterable[Gate] = ()
) -> TierDecision:
    """A review: move toward the earned tier, at most ``step_limit`` steps (TIER-1).

    Steps are counted on the banded tiers: from a tier without a band (a new
    customer's), the first step up is onto the lowest band.
    """
    _table(table)
    now = table.tier(current)
    decision = assess_tier(table, volume, gates=gates)
    # steps are counted on the bands; a customer in a tier below them (a new or
    # direct-sale customer's, which no volume earns) steps first onto the lowest band
    banded = table._banded
    here = banded.index(now) if now.banded else -1
    step = banded.index(decision.target) - here
    limit = table.step_limit
    if limit is not None and abs(step) > limit:
        step = limit if step > 0 else -limit
    result = banded[here + step] if step else now
    notes = list(decision.notes)
    if step == 0:
        notes.append(said("stays at {}", now.label))
    elif result != decision.target:
        how = (
            N_("moves {} step from {} to {} (one step at a time, 依次升降), toward {}")
            if abs(step) == 1
            else N_("moves {} steps from {} to {} (one step at a time, 依次升降), toward {}")
        )
        notes.append(said(how, abs(step), now.label, result.label, decision.target.label))
    else:
        notes.append(said("moves from {} to {}", now.label, result.label))
    return attrs.evolve(decision, tier=result, previous=now, moved=step, notes=tuple(notes))


def review_tier(
    table: TierTable, current: Tier | str, volume: Any, *, gates: Iterable[Gate] = ()
) -> Tier:
    """The tier after a review, moving at most one step (TIER-1); see :func:`assess_review`."""
    return assess_review(table, current, volume, gates=gates).tier


def _table(table: Any) -> TierTable:
    if not isinstance(table, TierTable):
        raise InvalidTypeError.of(
            N_("table must be a TierTable, got {table!r}"),
            code="tiers.table.table_tiertable",
            value=table,
            table=table,
        )
    return table


# -- TIER-2: what a review reads --------------------------------------------------


class ReviewPeriod(str, enum.Enum):
    """TIER-2 (《石油公司化工品客户管理办法》 art. 16): the review cadences."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[self.value]


class ReviewBasis(str, enum.Enum):
    """TIER-2 decision: which figure of the period a review compares to the bands."""

    #: the last month of the period alone
    LAST_MONTH = "last_month"
    #: the average month of the period (the bands are monthly figures)
    MONTHLY_AVERAGE = "monthly_average"
    #: the period's total
    TOTAL = "total"


class Missing(str, enum.Enum):
    """What a month with no figure means."""

    #: refuse: the caller must supply every month
    ERROR = "error"
    #: nothing was picked up that month
    ZERO = "zero"
    #: leave the month out (averages are over the months present)
    SKIP = "skip"


def _monthly(values: Mapping[Any, Any]) -> dict[Month, Fraction]:
    if not isinstance(values, Mapping):
        raise InvalidTypeError.of(
            N_("monthly figures must be a mapping of month -> volume, got {values!r}"),
            code="tiers.monthly.monthly_figures",
            value=values,
            values=values,
        )
    out: dict[Month, Fraction] = {}
    for key, value in values.items():
        month = Month.parse(key)
        if month in out:
            raise InvalidInputError.of(
                N_("month {month} is given twice"),
                code="tiers.monthly.month_given",
                value=key,
                month=month,
            )
        what = Sub((N_("the figure for {}"), (month,)))
        out[month] = _check.volume(value, what)
    return out


def _window(
    monthly: dict[Month, Fraction], ending: Month, count: int, missing: Missing
) -> list[Fraction]:
    months = [ending - i for i in range(count - 1, -1, -1)]
    absent = [m for m in months if m not in monthly]
    if absent and missing is Missing.ERROR:
        listed = Names(str(m) for m in absent)
        raise InvalidInputError.of(
            N_(
                "no figure for {listed}: supply it, or say missing=Missing.ZERO (nothing "
                "that month) or Missing.SKIP (leave it out)"
            ),
            code="tiers.window.no_figure",
            value=absent,
            listed=listed,
        )
    if missing is Missing.ZERO:
        return [monthly.get(m, Fraction(0)) for m in months]
    return [monthly[m] for m in months if m in monthly]


def review_volume(
    monthly: Mapping[Any, Any],
    *,
    period: ReviewPeriod | str,
    ending: Month | str,
    basis: ReviewBasis | str,
    missing: Missing | str = Missing.ERROR,
) -> Fraction:
    """The figure a review reads from monthly volumes (TIER-2), exactly.

    The basis has no default: the regulations set monthly bands but review
    quarterly, half-yearly and yearly, so the caller says which figure counts.

    >>> review_volume({"2026-01": 900, "2026-02": 1200, "2026-03": 1500},
    ...               period="quarter", ending="2026-03", basis="monthly_average")
    Fraction(1200, 1)
    """
    months = _check.member(ReviewPeriod, period, "review period").months
    how = _check.member(Missing, missing, "missing")
    figures = _window(_monthly(monthly), Month.parse(ending), months, how)
    basis = _check.member(ReviewBasis, basis, "review basis")
    if not figures:
        raise InvalidInputError.of(
            N_("no month of the period has a figure"),
            code="tiers.review_volume.no_month",
            value=monthly,
        )
    if basis is ReviewBasis.LAST_MONTH:
        last = Month.parse(ending)
        values = _monthly(monthly)
        if last not in values and _check.member(Missing, missing, "missing") is not Missing.ZERO:
            raise InvalidInputError.of(
                N_("no figure for the last month, {last}"),
                code="tiers.review_volume.no_figure",
                value=last,
                last=last,
            )
        return values.get(last, Fraction(0))
    total = sum(figures, Fraction(0))
    return total if basis is ReviewBasis.TOTAL else total / len(figures)


# -- TIER-7: sustained-volume stars --------------------------------------------------


@attrs.frozen(kw_only=True)
class SustainedLevel:
    name: str = attrs.field(validator=_check.nonempty)
    label: str = attrs.field(validator=_check.nonempty)
    threshold: Fraction = attrs.field(converter=_amount)


def _levels(value: Any) -> tuple[SustainedLevel, ...]:
    levels = _check.items_of(SustainedLevel, value, "a ladder's levels")
    if not levels:
        raise InvalidInputError.of(
            N_("a ladder needs at least one level"),
            code="tiers.levels.ladder_needs",
            value=levels,
        )
    _, key = _by_word(levels)
    if key is not None:
        raise InvalidInputError.of(
            N_("a ladder's levels: two are called {key!r}"),
            code="tiers.levels.two_levels_called",
            value=key,
            key=key,
        )
    for prev, nxt in itertools.pairwise(levels):
        if not nxt.threshold > prev.threshold:
            raise InvalidInputError.of(
                N_("ladder thresholds must increase: {threshold} then {threshold2}"),
                code="tiers.levels.ladder_thresholds",
                value=levels,
                threshold=prev.threshold,
                threshold2=nxt.threshold,
            )
    return levels


#: the longest window a sustained ladder may have, in months (ten years)
MAX_WINDOW_MONTHS = 120


def _window_months(instance: Any, attribute: Any, value: Any) -> None:
    _check.integer(value, "window_months")
    if not 1 <= value <= MAX_WINDOW_MONTHS:
        raise InvalidInputError.of(
            N_("window_months must be between 1 and {limit}, got {value}"),
            code="tiers.window_months.between",
            value=value,
            limit=MAX_WINDOW_MONTHS,
        )


@attrs.frozen(kw_only=True)
class SustainedLadder:
    """TIER-7: levels earned only if every month of a window clears a threshold."""

    name: str = attrs.field(validator=_check.nonempty)
    unit: VolumeUnit = attrs.field(converter=_to_volume_unit)
    levels: tuple[SustainedLevel, ...] = attrs.field(converter=_levels)
    #: how many consecutive months must clear the threshold (1 to 120)
    window_months: int = attrs.field(default=6, validator=_window_months)
    #: True: a month must exceed the threshold (大于); False: reach it
    strict: bool = attrs.field(default=True, validator=_check.flag)


#: TIER-7 (《大客户管理方法》): the carrier's 3-, 4- and 5-star service cards for
#: monthly bills over 300, 500 and 800 yuan for six consecutive months.
CARRIER_STAR_CARDS = SustainedLadder(
    name="carrier_star_cards",
    unit=VolumeUnit.YUAN,
    levels=(
        SustainedLevel(name="three_star", label="三星级服务通行卡", threshold=300),
        SustainedLevel(name="four_star", label="四星级服务通行卡", threshold=500),
        SustainedLevel(name="five_star", label="五星级服务通行卡", threshold=800),
    ),
    window_months=6,
    strict=True,
)


@attrs.frozen(kw_only=True)
class SustainedResult:
    level: SustainedLevel | None
    window: tuple[Month, ...]
    #: the lowest month of the window (what decided the level)
    lowest: Fraction | None
    missing: tuple[Month, ...] = ()
    rules: tuple[str, ...] = ("TIER-7",)


def sustained_level(
    ladder: SustainedLadder,
    monthly: Mapping[Any, Any],
    *,
    ending: Month | str,
    missing: Missing | str = Missing.ERROR,
) -> SustainedResult:
    """The highest level whose threshold every month of the window clears (TIER-7).

    A missing month is an error by default; ``Missing.ZERO`` counts it as
    nothing (so no level); ``Missing.SKIP`` is refused, because "every month
    of six" cannot be judged on fewer.

    >>> bills = {f"2026-{m:02d}": b for m, b in zip(range(1, 7), [520, 610, 505, 900, 530, 700])}
    >>> sustained_level(CARRIER_STAR_CARDS, bills, ending="2026-06").level.label
    '四星级服务通行卡'
    """
    if not isinstance(ladder, SustainedLadder):
        raise InvalidTypeError.of(
            N_("ladder must be a SustainedLadder, got {ladder!r:.60}"),
            code="tiers.sustained_level.ladder",
            value=ladder,
            ladder=ladder,
        )
    how = _check.member(Missing, missing, "missing")
    if how is Missing.SKIP:
        raise InvalidInputError.of(
            N_("Missing.SKIP cannot judge a sustained window: every month must be known"),
            code="tiers.sustained_level.missing_skip",
            value=missing,
        )
    end = Month.parse(ending)
    values = _monthly(monthly)
    window = tuple(end - i for i in range(ladder.window_months - 1, -1, -1))
    absent = tuple(m for m in window if m not in values)
    figures = _window(values, end, ladder.window_months, how)
    lowest = min(figures)
    level = None
    for candidate in ladder.levels:
        ok = lowest > candidate.threshold if ladder.strict else lowest >= candidate.threshold
        if ok:
            level = candidate
    return SustainedResult(level=level, window=window, lowest=lowest, missing=absent)


# -- TIER-5, TIER-6: tobacco retail --------------------------------------------------

_GRADE_LABELS = ("一档", "二档", "三档", "四档", "五档", "六档", "七档", "八档")


def tobacco_grade_table(lower_bounds: Sequence[Any], *, name: str = "tobacco_grades") -> TierTable:
    """TIER-5: eight grades by average monthly volume (cases), from the host's bounds.

    ``lower_bounds`` are the lower bounds of grades 1 to 8 (highest grade
    first), in cases a month.  The regulation fixes three of them and cuts the rest
    off, so they must come from the host:

    * grade 1 starts at 20 cases (20件以上);
    * grades 1-3 lie above 10 cases, grades 4-8 below: grade 3 starts at
      exactly 10 (a customer at exactly 10 is in grade 3: bands are
      ``lower <= v < upper``);
    * grade 8 starts at 0; the bounds strictly decrease.

    >>> t = tobacco_grade_table([20, 15, 10, 8, 6, 4, 2, 0])   # illustrative bounds
    >>> assign_tier(t, 16).label, assign_tier(t, 10).label, assign_tier(t, 9).label
    ('二档', '三档', '四档')
    """
    if isinstance(lower_bounds, (str, bytes)) or not isinstance(lower_bounds, Sequence):
        raise InvalidTypeError.of(
            N_("lower_bounds must be a sequence of 8 numbers, got {lower_bounds!r}"),
            code="tiers.tobacco_grade_table.lower_bounds_sequence",
            value=lower_bounds,
            lower_bounds=lower_bounds,
        )
    bounds = [_check.volume(b, "a grade bound") for b in lower_bounds]
    if len(bounds) != 8:
        raise InvalidInputError.of(
            N_("tobacco retail has 8 grades (TIER-5); got {a} lower bounds"),
            code="tiers.tobacco_grade_table.tobacco_retail",
            value=lower_bounds,
            a=len(bounds),
        )
    if bounds[0] != 20:
        raise InvalidInputError.of(
            N_("grade 1 is 20 cases and more (TIER-5): its lower bound must be 20, got {a}"),
            code="tiers.tobacco_grade_table.grade_cases",
            value=lower_bounds,
            a=bounds[0],
        )
    if bounds[2] != 10:
        raise InvalidInputError.of(
            N_(
                "grades 1-3 lie above 10 cases and grades 4-8 below (TIER-5): grade 3 "
                "must start at 10, got {a}"
            ),
            code="tiers.tobacco_grade_table.grades_lie",
            value=lower_bounds,
            a=bounds[2],
        )
    if bounds[7] != 0:
        raise InvalidInputError.of(
            N_("grade 8 must start at 0 so every customer has a grade, got {a}"),
            code="tiers.tobacco_grade_table.grade_start",
            value=lower_bounds,
            a=bounds[7],
        )
    for hi, lo in itertools.pairwise(bounds):
        if not hi > lo:
            raise InvalidInputError.of(
                N_("grade bounds must strictly decrease from grade 1 to grade 8: {hi} then {lo}"),
                code="tiers.tobacco_grade_table.grade_bounds",
                value=lower_bounds,
                hi=hi,
                lo=lo,
            )
    rows = [(f"grade_{8 - i}", _GRADE_LABELS[7 - i], bounds[7 - i]) for i in range(8)]
    return TierTable.from_lower_bounds(
        name=name, unit=VolumeUnit.CASES, rows=rows, step_limit=None, rules=("TIER-5",)
    )


class RetailFormat(str, enum.Enum):
    """TIER-6: the seven retail formats (业态).

    The regulation names the count, not the formats; these are the formats of the
    State Tobacco Monopoly Administration's retail-customer classification.
    """

    GROCERY = "食杂店"
    CONVENIENCE_STORE = "便利店"
    SUPERMARKET = "超市"
    DEPARTMENT_STORE = "商场"
    TOBACCO_LIQUOR_STORE = "烟酒商店"
    ENTERTAINMENT_SERVICE = "娱乐服务类"
    OTHER = "其他"


def _to_retail_format(value: Any) -> RetailFormat:
    """A RetailFormat from itself, its value, its name or its label (errors list the choices)."""
    result: RetailFormat = _check.member(RetailFormat, value, "retail format")
    return result


class MarketType(str, enum.Enum):
    URBAN = "城镇"
    RURAL = "乡村"


def _to_market_type(value: Any) -> MarketType:
    """A MarketType from itself, its value, its name or its label (errors list the choices)."""
    result: MarketType = _check.member(MarketType, value, "market type")
    return result


class BusinessScale(str, enum.Enum):
    LARGE = "大"
    MEDIUM = "中"
    SMALL = "小"


def _to_business_scale(value: Any) -> BusinessScale:
    """A BusinessScale from itself, its value, its name or its label (errors list the choices)."""
    result: BusinessScale = _check.member(BusinessScale, value, "business scale")
    return result


@attrs.frozen(kw_only=True)
class TobaccoCategory:
    """One of the 42 categories (TIER-6); ``number`` is this library's 1..42
    numbering (format, then market, then scale, in enum order), not an
    official code."""

    format: RetailFormat = attrs.field(converter=_to_retail_format)
    market: MarketType = attrs.field(converter=_to_market_type)
    scale: BusinessScale = attrs.field(converter=_to_business_scale)

    @property
    def number(self) -> int:
        f = list(RetailFormat).index(self.format)
        m = list(MarketType).index(self.market)
        s = list(BusinessScale).index(self.scale)
        return f * 6 + m * 3 + s + 1

    @property
    def label(self) -> str:
        return f"{self.market.value}{self.format.value}({self.scale.value})"

    @classmethod
    def all(cls) -> tuple[TobaccoCategory, ...]:
        return tuple(
            cls(format=f, market=m, scale=s)
            for f in RetailFormat
            for m in MarketType
            for s in BusinessScale
        )


def tobacco_category(
    format: RetailFormat | str, market: MarketType | str, scale: BusinessScale | str
) -> TobaccoCategory:
    """Look up a category by members, names or Chinese labels (TIER-6)."""
    return TobaccoCategory(
        format=_check.member(RetailFormat, format, "retail format"),
        market=_check.member(MarketType, market, "market type"),
        scale=_check.member(BusinessScale, scale, "business scale"),
    )
