"""RE12-3.1, RE12-5.1, RE14-2.5(2): the reception rotation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custrules import InvalidInputError, MakeUp, Rotation, RotationPick

ORDER = ("甲", "乙", "丙", "丁")
ALL = set(ORDER)


def test_re12_3_1_round_robin() -> None:
    r = Rotation(order=ORDER)
    got = []
    for _ in range(6):
        pick = r.pick(present=ALL)
        got.append(pick.salesperson)
        r = r.after(pick)
    assert got == ["甲", "乙", "丙", "丁", "甲", "乙"]


def test_re12_3_1_absent_without_reason_loses_the_turn() -> None:
    r = Rotation(order=ORDER)
    pick = r.pick(present=ALL - {"甲"})
    assert pick.salesperson == "乙"
    assert pick.skipped == (("甲", "absent without good reason: loses the turn"),)
    r = r.after(pick)
    assert r.pick(present=ALL).salesperson == "丙"  # 甲 is not made up
    assert r.owed == ()


def test_re12_3_1_an_errand_is_placed_first_on_return() -> None:
    r = Rotation(order=ORDER)
    pick = r.pick(present=ALL - {"甲"}, on_errand={"甲"})
    assert pick.salesperson == "乙"
    r = r.after(pick)
    assert r.owed == ("甲",)
    back = r.pick(present=ALL)
    assert (back.salesperson, back.priority) == ("甲", True)
    r = r.after(back)
    assert r.owed == ()
    assert r.pick(present=ALL).salesperson == "丙"  # the round goes on where it was


def test_re14_makes_up_one_customer_per_round_missed() -> None:
    r = Rotation(order=("甲", "乙"), make_up=MakeUp.PER_ROUND)
    for _ in range(3):  # 甲 is out on company business for three rounds
        r = r.after(r.pick(present={"乙"}, on_errand={"甲"}))
    assert r.owed == ("甲", "甲", "甲")
    picks = []
    for _ in range(4):
        pick = r.pick(present={"甲", "乙"})
        picks.append(pick.salesperson)
        r = r.after(pick)
    assert picks == ["甲", "甲", "甲", "甲"]  # three make-ups, then 甲's own turn


def test_re12_3_1_errand_owed_once() -> None:
    r = Rotation(order=("甲", "乙"))
    for _ in range(3):
        r = r.after(r.pick(present={"乙"}, on_errand={"甲"}))
    assert r.owed == ("甲",)


def test_re12_5_1_a_designated_reception_is_not_a_turn() -> None:
    r = Rotation(order=ORDER)
    # 甲 receives a customer who named 甲: no call to after(); 甲 is busy when the
    # turn comes, so 甲 is not present and the turn is lost, not made up.
    pick = r.pick(present=ALL - {"甲"})
    assert pick.salesperson == "乙"
    r = r.after(pick)
    assert r.owed == ()


def test_re12_3_10_c_a_void_turn_may_get_priority() -> None:
    r = Rotation(order=ORDER).voided("甲")
    assert r.pick(present=ALL).priority


def test_bad_rotations() -> None:
    with pytest.raises(InvalidInputError, match="twice"):
        Rotation(order=("甲", "甲"))
    with pytest.raises(InvalidInputError, match="at least one"):
        Rotation(order=())
    with pytest.raises(InvalidInputError, match="not in the rotation"):
        Rotation(order=ORDER).pick(present={"戊"})
    with pytest.raises(InvalidInputError, match="nobody"):
        Rotation(order=ORDER).pick(present=set())
    with pytest.raises(InvalidInputError, match="outside"):
        Rotation(order=ORDER, position=7)
    with pytest.raises(InvalidInputError, match="begins or ends with a space"):
        Rotation(order=("甲 ", "乙"))  # '甲 ' and '甲' would be two salespeople
    with pytest.raises(InvalidInputError, match="NFC"):
        Rotation(order=("\uf90a", "乙"))
    with pytest.raises(InvalidInputError, match="a turn owed twice"):
        Rotation(order=ORDER, owed=("甲", "乙", "甲"))  # RE12-3.1 places 甲 first once
    assert Rotation(order=ORDER, owed=("甲", "甲"), make_up=MakeUp.PER_ROUND).owed == ("甲", "甲")


@given(st.lists(st.sets(st.sampled_from(ORDER), min_size=1), min_size=1, max_size=30))
def test_every_present_salesperson_gets_a_turn_within_a_round(days: list[set[str]]) -> None:
    r = Rotation(order=ORDER)
    for present in days:
        pick = r.pick(present=present)
        assert pick.salesperson in present
        r = r.after(pick)
    # with everyone present, a full round serves each salesperson exactly once
    round_ = []
    for _ in ORDER:
        pick = r.pick(present=ALL)
        round_.append(pick.salesperson)
        r = r.after(pick)
    assert sorted(round_) == sorted(ORDER)


def test_a_pick_applied_twice_is_refused() -> None:
    """A pick made from another state of the rotation would owe a make-up turn twice
    (RE14 (二)3) or move the rotation from the wrong place; it is refused, as is a
    make-up turn no longer owed (before: Python's own ValueError)."""
    r = Rotation(order=("甲", "乙", "丙"), make_up=MakeUp.PER_ROUND)
    pick = r.pick(present={"乙"}, on_errand={"甲"})
    once = r.after(pick)
    assert (once.position, once.owed) == (2, ("甲",))
    with pytest.raises(InvalidInputError) as caught:
        once.after(pick)
    assert caught.value.code == "realestate.rotation.rotation.after.stale_pick"
    back = once.pick(present={"甲", "乙", "丙"})
    assert back.priority
    with pytest.raises(InvalidInputError, match="not made from this rotation"):
        once.after(back).after(back)
    # a turn picked before 甲 was owed a make-up turn: had 甲 been owed, 甲's pick would
    # have been the make-up one
    fresh = Rotation(order=("甲", "乙", "丙"))
    turn = fresh.pick(present={"甲"})
    with pytest.raises(InvalidInputError, match="not made from this rotation"):
        fresh.voided("甲").after(turn)
    # a pick that owes a turn to someone it did not pass over
    odd = RotationPick(salesperson="甲", on_errand=("丙",))
    with pytest.raises(InvalidInputError, match="not made from this rotation"):
        fresh.after(odd)
    assert fresh.after(RotationPick(salesperson="甲")).position == 1


@given(
    st.lists(
        st.tuples(st.sets(st.sampled_from(ORDER), min_size=1), st.sets(st.sampled_from(ORDER))),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(MakeUp),
)
def test_an_earlier_pick_is_refused_unless_the_same_facts_pick_it_again(
    days: list[tuple[set[str], set[str]]], make_up: MakeUp
) -> None:
    r = Rotation(order=ORDER, make_up=make_up)
    earlier: list[tuple[RotationPick, set[str], set[str]]] = []
    for present, errand in days:
        pick = r.pick(present=present, on_errand=errand)
        for old, was_present, was_away in earlier:
            try:
                again = r.after(old)
            except InvalidInputError as exc:
                code = exc.code
            else:
                # the same facts pick it again, unless a make-up turn is owed to someone
                # the pick does not say was absent (who was present is not on a pick)
                fresh = r.pick(present=was_present, on_errand=was_away)
                code = None if fresh.priority or again == r.after(fresh) else "accepted"
            assert code in (None, "realestate.rotation.rotation.after.stale_pick")
        earlier.append((pick, present, errand))
        r = r.after(pick)


def test_a_pick_explains_itself_in_both_languages() -> None:
    """RE12-3.1 and RE12-4: who receives, who was passed over and why, in English and
    Chinese (the reasons in ``skipped`` are the English ones)."""
    r = Rotation(order=ORDER)
    pick = r.pick(present={"丙", "丁"}, on_errand={"甲"})
    assert pick.explain().splitlines() == [
        "RE12-3.1: 丙 receives the new customer",
        "RE12-3.1: 甲 passed over: on a superior's errand (confirmed): owed a turn",
        "RE12-3.1: 乙 passed over: absent without good reason: loses the turn",
    ]
    assert pick.explain("zh").splitlines() == [
        "RE12-3.1: 丙接待新客户",
        "RE12-3.1: 甲被跳过：奉上级差遣外出（已确认）：补回一轮",
        "RE12-3.1: 乙被跳过：无正当理由缺席，失去本轮",
    ]
    back = r.after(pick).pick(present=ALL)
    assert back.explain("zh") == "RE12-3.1: 甲接待新客户：补回此前欠的一轮"
    assert back.explain() == "RE12-3.1: 甲 receives the new customer: a make-up turn owed"
    courtesy = r.courtesy(present={"乙", "丙"}, for_="丁")
    assert courtesy.courtesy_for == "丁"
    assert courtesy.explain("zh").splitlines() == [
        "RE12-4: 丙为丁义务接待其客户；客户仍属丁",
        "RE12-4: 丁被跳过：客户本人的销售员，不在场",
    ]
    assert "RE12-4: 丁被跳过：不在场" in r.courtesy(present={"甲"}, for_="乙").explain("zh")


def test_re12_4_last_in_the_rotation_is_not_one_owed_a_make_up_turn() -> None:
    """RE12-4, RE12-7.5(a)(b): the courtesy goes to the salesperson last in the rotation.
    One owed a make-up turn (back from an errand, RE12-3.1, or a voided turn,
    RE12-3.10(c)) is up first, not last: after 甲's turn was voided, 甲 is next, so the
    courtesy for 乙 goes to 丁, whose regular turn is furthest off.  Before, it went to
    甲, the one about to receive the next new customer.  When every one present is owed
    a turn, the last of them to be made up receives the customer."""
    r = Rotation(order=("甲", "乙", "丙", "丁"), position=1)  # 乙 is up next: 甲 is last
    assert r.courtesy(present={"甲", "丙", "丁"}, for_="乙").salesperson == "甲"
    voided = Rotation(order=("甲", "乙", "丙", "丁"), position=1, owed=("甲",))
    assert voided.pick(present={"甲", "丙", "丁"}).salesperson == "甲"
    pick = voided.courtesy(present={"甲", "丙", "丁"}, for_="乙")
    assert pick.salesperson == "丁"
    assert pick.explain().splitlines()[1:] == [
        "RE12-4: 甲 passed over: owed a make-up turn: up first, not last"
    ]
    assert pick.explain("zh").splitlines()[1] == "RE12-4: 甲被跳过：欠一次补轮：排在最前，而非最后"
    both = Rotation(order=("甲", "乙", "丙"), owed=("乙", "丙"))
    assert both.pick(present={"乙", "丙"}).salesperson == "乙"
    last = both.courtesy(present={"乙", "丙"}, for_="甲")
    assert (last.salesperson, last.skipped) == (
        "丙",
        (
            ("乙", "owed a make-up turn: up first, not last"),
            ("甲", "the customer's own salesperson, away"),
        ),
    )
    # 甲, owed a turn too, is the customer's own salesperson: never their own courtesy
    mine = Rotation(order=("甲", "乙", "丙"), owed=("乙", "丙", "甲"))
    assert mine.courtesy(present={"甲", "乙", "丙"}, for_="甲").salesperson == "丙"
    per_round = Rotation(
        order=("甲", "乙", "丙"), owed=("丙", "乙", "丙"), make_up=MakeUp.PER_ROUND
    )
    assert per_round.courtesy(present={"乙", "丙"}, for_="甲").salesperson == "乙"


@given(
    st.integers(0, len(ORDER) - 1),
    st.lists(st.sampled_from(ORDER), max_size=4),
    st.sets(st.sampled_from(ORDER), min_size=3),
    st.sampled_from(ORDER),
)
def test_the_courtesy_goes_to_someone_other_than_who_is_next(
    position: int, owed: list[str], present: set[str], for_: str
) -> None:
    """RE12-4: with two or more salespeople present besides the customer's own, the one
    last in the rotation is never the one :meth:`Rotation.pick` names next."""
    r = Rotation(order=ORDER, position=position, owed=owed, make_up=MakeUp.PER_ROUND)
    others = present - {for_}
    if len(others) < 2:
        return
    courtesy = r.courtesy(present=present, for_=for_)
    assert courtesy.salesperson in others
    assert courtesy.salesperson != r.pick(present=others).salesperson
