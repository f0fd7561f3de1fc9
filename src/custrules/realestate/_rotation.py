"""The reception rotation (排班表): who receives the next new customer (private).

RE12-3.1: new customers are received in rotation, round-robin; a salesperson
absent without good reason loses the turn; one out on a superior's errand,
confirmed by the project manager, is placed first when back.  RE12-5.1: a
reception the customer asked for by name is not a rotation turn, and a turn
missed meanwhile is not made up.  RE14-2.5(2): later visits of a customer do
not count; RE14 (二)3: a salesperson out on company business makes up as many
customers as the rounds missed.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from typing import Any

import attrs

from custrules import _check
from custrules._i18n import N_, Names, Term, lang_code, render
from custrules.errors import InvalidInputError, InvalidTypeError


class MakeUp(str, enum.Enum):
    """What a salesperson out on an errand is owed on return."""

    #: RE12-3.1: placed first in the rotation once (安排当前位置优先轮值)
    ONCE = "once"
    #: RE14 (二)3: one make-up customer per round missed (空几轮，补接几名)
    PER_ROUND = "per_round"


def _to_make_up(value: Any) -> MakeUp:
    """A MakeUp from itself, its value or its name (errors list the choices)."""
    result: MakeUp = _check.member(MakeUp, value, "make up")
    return result


def _order(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidTypeError.of(
            N_("the rotation order is a sequence of names, not one string"),
            code="realestate.rotation.order.rotation_order",
        )
    names = _check.items(value, "the rotation order", limit=1000)
    if not names:
        raise InvalidInputError.of(
            N_("the rotation needs at least one salesperson"),
            code="realestate.rotation.order.rotation_needs",
        )
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError.of(
                N_("rotation names must be non-empty text, got {name!r}"),
                code="realestate.rotation.order.rotation_names",
                name=name,
            )
        _check.text(name, "a name in the rotation")
    if len(set(names)) != len(names):
        raise InvalidInputError.of(
            N_("a name appears twice in the rotation: {names}"),
            code="realestate.rotation.order.name_appears",
            value=names,
            names=names,
        )
    return names


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    names = _check.items(value, "names", limit=10_000)
    for name in names:
        _check.text(name, "a name")
    return names


#: why a salesperson was passed over (English; translated by :meth:`RotationPick.explain`)
_ABSENT = N_("absent without good reason: loses the turn")
_ERRAND = N_("on a superior's errand (confirmed): owed a turn")
_OWN = N_("the customer's own salesperson, away")
_NOT_PRESENT = N_("not present")
_UP_FIRST = N_("owed a make-up turn: up first, not last")
_PASSED = N_("{} passed over: {}")


@attrs.frozen(kw_only=True)
class RotationPick:
    """Who receives the next new customer, and who was passed over."""

    salesperson: str
    #: a priority (make-up) turn owed from an errand or a voided turn
    priority: bool = False
    #: (name, why) for everyone passed over before the pick (why in English; see explain)
    skipped: tuple[tuple[str, str], ...] = ()
    #: who was passed over while on an errand (owed a make-up turn)
    on_errand: tuple[str, ...] = ()
    rules: tuple[str, ...] = ("RE12-3.1",)
    #: a courtesy reception (RE12-4): whose customer it is
    courtesy_for: str | None = None

    def explain(self, lang: str = "en") -> str:
        """Who receives the customer and who was passed over, one line each, in ``lang``.

        >>> pick = Rotation(order=("甲", "乙")).pick(present={"乙"})
        >>> pick.explain("zh").splitlines()
        ['RE12-3.1: 乙接待新客户', 'RE12-3.1: 甲被跳过：无正当理由缺席，失去本轮']
        """
        lang = lang_code(lang)
        if self.courtesy_for is not None:
            head: tuple[str, tuple[str, ...]] = (
                N_("{} receives {}'s customer as a courtesy (义务接待); the customer stays {}'s"),
                (self.salesperson, self.courtesy_for, self.courtesy_for),
            )
        elif self.priority:
            head = (N_("{} receives the new customer: a make-up turn owed"), (self.salesperson,))
        else:
            head = (N_("{} receives the new customer"), (self.salesperson,))
        texts = [head, *((_PASSED, (name, Term(why))) for name, why in self.skipped)]
        return "\n".join(f"{self.rules[0]}: {render(t, args, lang)}" for t, args in texts)


@attrs.frozen(kw_only=True)
class Rotation:
    """The rotation's state: the order, who is up next and who is owed a turn.

    Pure: :meth:`pick` names the next receiver, :meth:`after` returns the
    rotation once that customer is received.  Designated receptions
    (RE12-5.1) and later visits (RE14-2.5(2)) are not rotation turns: do not
    call :meth:`after` for them; pass a salesperson busy with one as not
    present (the turn is lost, not made up).
    """

    order: tuple[str, ...] = attrs.field(converter=_order)
    #: index in ``order`` of who is up next
    position: int = 0
    #: make-up or priority turns owed, first owed first
    owed: tuple[str, ...] = attrs.field(default=(), converter=_names)
    make_up: MakeUp = attrs.field(default=MakeUp.ONCE, converter=_to_make_up)

    def __attrs_post_init__(self) -> None:
        _check.integer(self.position, "position")
        if not 0 <= self.position < len(self.order):
            raise InvalidInputError.of(
                N_("position {position} is outside the rotation of {a}"),
                code="realestate.rotation.rotation.position_outside",
                position=self.position,
                a=len(self.order),
            )
        known = set(self.order)
        unknown = [n for n in self.owed if n not in known]
        if unknown:
            raise InvalidInputError.of(
                N_("not in the rotation: {a}"),
                code="realestate.rotation.rotation.not_rotation",
                value=unknown,
                a=Names(unknown),
            )
        if self.make_up is MakeUp.ONCE and len(set(self.owed)) != len(self.owed):
            raise InvalidInputError.of(
                N_(
                    "owed: a turn owed twice ({a}), but make_up=once places a salesperson "
                    "back from an errand first once (RE12-3.1); use make_up=per_round for "
                    "one turn per round missed (RE14 (二)3)"
                ),
                code="realestate.rotation.rotation.owed_twice",
                value=self.owed,
                a=Names(sorted({n for n in self.owed if self.owed.count(n) > 1})),
            )

    def _known(self, names: Collection[str], what: str) -> frozenset[str]:
        if isinstance(names, str):
            names = (names,)
        out = frozenset(_check.text(n, what) for n in _check.items(names, what))
        unknown = sorted(out - set(self.order))
        if unknown:
            raise InvalidInputError.of(
                N_("{what}: not in the rotation: {a}"),
                code="realestate.rotation.rotation.known.not_rotation",
                value=unknown,
                what=what,
                a=Names(unknown),
            )
        return out

    def pick(self, *, present: Collection[str], on_errand: Collection[str] = ()) -> RotationPick:
        """Who receives the next new customer (RE12-3.1)."""
        here = self._known(present, "present")
        away = self._known(on_errand, "on_errand") - here
        for name in self.owed:
            if name in here:
                return RotationPick(
                    salesperson=name,
                    priority=True,
                    rules=("RE12-3.1",),
                )
        skipped: list[tuple[str, str]] = []
        errand: list[str] = []
        n = len(self.order)
        for i in range(n):
            name = self.order[(self.position + i) % n]
            if name in here:
                return RotationPick(
                    salesperson=name, skipped=tuple(skipped), on_errand=tuple(errand)
                )
            if name in away:
                skipped.append((name, _ERRAND))
                errand.append(name)
            else:
                skipped.append((name, _ABSENT))
        raise InvalidInputError.of(
            N_("nobody in the rotation is present to receive the customer"),
            code="realestate.rotation.rotation.pick.nobody_rotation",
        )

    def courtesy(self, *, present: Collection[str], for_: str) -> RotationPick:
        """Who receives ``for_``'s customer as a courtesy (义务接待) while ``for_`` is away.

        RE12-4 and RE12-7.5(a)(b): the salesperson last in the rotation, that
        is the present salesperson whose turn is furthest off: walking back from
        whoever is up next, past those owed a make-up turn (they are up first,
        :meth:`pick`); if every one present is owed one, the last owed.  A
        courtesy is not a rotation turn: the rotation does not move (do not call
        :meth:`after`), and the customer stays ``for_``'s.
        """
        here = self._known(present, "present")
        self._known((for_,), "for_")
        n = len(self.order)
        owed = set(self.owed)
        skipped: list[tuple[str, str]] = []
        for i in range(1, n + 1):
            name = self.order[(self.position - i) % n]
            if name == for_:
                skipped.append((name, _OWN))
            elif name not in here:
                skipped.append((name, _NOT_PRESENT))
            elif name in owed:
                skipped.append((name, _UP_FIRST))
            else:
                return RotationPick(
                    salesperson=name,
                    skipped=tuple(skipped),
                    rules=("RE12-4", "RE12-7.5"),
                    courtesy_for=for_,
                )
        # every one present is owed a make-up turn: the one whose turn comes last
        for name in reversed(dict.fromkeys(self.owed)):
            if name in here and name != for_:
                return RotationPick(
                    salesperson=name,
                    skipped=tuple(x for x in skipped if x[0] != name),
                    rules=("RE12-4", "RE12-7.5"),
                    courtesy_for=for_,
                )
        raise InvalidInputError.of(
            N_("nobody but {for_} is present to receive {for_}'s customer as a courtesy"),
            code="realestate.rotation.rotation.courtesy.nobody_but",
            for_=for_,
        )

    def after(self, pick: RotationPick) -> Rotation:
        """The rotation after ``pick`` received the customer as a rotation turn."""
        if not isinstance(pick, RotationPick) or pick.salesperson not in self.order:
            raise InvalidInputError.of(
                N_("not a pick from this rotation: {pick!r}"),
                code="realestate.rotation.rotation.after.not_pick",
                pick=pick,
            )
        if "RE12-4" in pick.rules:
            raise InvalidInputError.of(
                N_(
                    "{salesperson}'s courtesy reception is not a rotation turn (RE12-4): "
                    "the rotation does not move"
                ),
                code="realestate.rotation.rotation.after.s_courtesy",
                salesperson=pick.salesperson,
            )
        # a pick made from another state of the rotation (applied twice, or picked
        # before the rotation moved) would move it from the wrong place or owe twice: a
        # make-up turn is owed to its salesperson, and a turn walks from who is up next
        # (to one not owed a make-up turn, who would have taken that instead)
        n = len(self.order)
        passed = [name for name, _ in pick.skipped]
        walked = [self.order[(self.position + i) % n] for i in range(min(len(passed) + 1, n))]
        if (
            pick.salesperson not in self.owed
            if pick.priority
            else walked != [*passed, pick.salesperson]
            or not set(pick.on_errand) <= set(passed)
            or pick.salesperson in self.owed
        ):
            raise InvalidInputError.of(
                N_(
                    "{salesperson}'s pick was not made from this rotation as it stands (a "
                    "pick applied twice, or made before the rotation moved): pick again"
                ),
                code="realestate.rotation.rotation.after.stale_pick",
                salesperson=pick.salesperson,
            )
        owed = list(self.owed)
        position = self.position
        if pick.priority:
            owed.remove(pick.salesperson)
        else:
            position = (self.order.index(pick.salesperson) + 1) % len(self.order)
        for name in pick.on_errand:
            if self.make_up is MakeUp.PER_ROUND or name not in owed:
                owed.append(name)
        return attrs.evolve(self, position=position, owed=tuple(owed))

    def voided(self, salesperson: str) -> Rotation:
        """RE12-3.10(c): a voided reception may be given a priority turn."""
        self._known((salesperson,), "voided")
        if salesperson in self.owed and self.make_up is MakeUp.ONCE:
            return self
        return attrs.evolve(self, owed=(*self.owed, salesperson))
