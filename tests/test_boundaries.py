"""Every door refuses bad input at once, with a CustrulesError that says what to do.

Yes/no fields, choice fields, numbers past the documented limits, money,
dates at the edges of the calendar, names with control characters: each
case below once gave a plausible wrong answer, a traceback or a hang.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest

from custrules import (
    CHINA_TZ,
    MAX_AMOUNT_YUAN,
    CustrulesError,
    InvalidInputError,
    InvalidTypeError,
    Recognition,
    SalespersonComplaint,
    SwitchRequest,
    UnknownLabelError,
    Visit,
    WorkCalendar,
    add_months,
    allocate,
    assess_tier,
    complaint_deadline,
    parse_date,
    parse_instant,
    period_end,
    removal_grounds,
    score_visit,
)
from custrules.realestate import Dispute, OldCustomerIntroduction, Rotation
from custrules.tiers import POLYOLEFIN_STARS, review_volume

T = dt.datetime(2026, 3, 2, 10, 0, tzinfo=CHINA_TZ)
C = "王先生"


def quick(call: Any, *args: Any, **kw: Any) -> BaseException | Any:
    """Run a call that must answer (or refuse) in well under a second."""
    start = time.perf_counter()
    try:
        result: Any = call(*args, **kw)
    except CustrulesError as exc:
        result = exc
    assert time.perf_counter() - start < 1.0, "a door took longer than a second"
    return result


# -- yes/no fields take only a bool ------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: SwitchRequest(at=T, customer=C, from_="甲", permitted="false"),
        lambda: Visit(at=T, customer=C, received_by="甲", exhibition="no"),
        lambda: SalespersonComplaint(
            at=T, customer=C, against="甲", reported_by="乙", confirmed="false"
        ),
        lambda: Recognition(at=T, customer=C, original="甲", by_records=0),
        lambda: removal_grounds(false_information_or_fraud="no"),
        lambda: assess_tier(POLYOLEFIN_STARS, 100, new_customer=1),
        lambda: WorkCalendar.china(estimate_beyond_horizon="yes"),
    ],
)
def test_a_yes_no_field_refuses_text_and_numbers(build: Any) -> None:
    with pytest.raises(InvalidTypeError, match="true or false"):
        build()


# -- choice fields list their choices ------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "choices"),
    [
        (
            lambda: SwitchRequest(at=T, customer=C, from_="甲", fault="rude"),
            "none, minor, serious",
        ),
        (lambda: Dispute(at=T, customer=C, parties=("甲",), outcome="won"), "pending, settled"),
        (
            lambda: OldCustomerIntroduction(
                at=T, customer=C, old_customer="老", salesperson="甲", how="maybe"
            ),
            "phoned_ahead, escorted, none",
        ),
        (lambda: Visit(at=T, customer=C, received_by="甲", previous="again"), "first_visit"),
        (lambda: Rotation(order=("甲",), make_up="sometimes"), "once, per_round"),
        (
            lambda: review_volume({"2026-01": 1}, period="decade", ending="2026-01", basis="x"),
            "quarter",
        ),
        (lambda: period_end(T, 1, "fortnights"), "working_days"),
    ],
)
def test_a_choice_field_lists_its_choices(build: Any, choices: str) -> None:
    with pytest.raises(UnknownLabelError, match=choices):
        build()


def test_choices_accept_names_values_and_labels_in_either_script() -> None:
    assert SwitchRequest(at=T, customer=C, from_="甲", fault="SERIOUS").fault.value == "serious"
    assert SwitchRequest(at=T, customer=C, from_="甲", fault=" minor ").fault.value == "minor"
    d = complaint_deadline(T, "較大事件投訴")  # traditional characters
    assert d.severity.value == "major"


# -- numbers: documented limits, answered in microseconds ----------------------------------


@pytest.mark.parametrize(
    "volume",
    [
        Decimal("1e999999999"),
        Decimal("1e5000"),
        Decimal("-1e-999999999"),
        Decimal("1e-999999999"),
        Decimal("NaN"),
        Decimal("Infinity"),
        10**40,
        Fraction(1, 2**200),
        float("inf"),
    ],
)
def test_a_volume_past_the_limits_is_refused_at_once(volume: Any) -> None:
    got = quick(assess_tier, POLYOLEFIN_STARS, volume)
    assert isinstance(got, InvalidInputError)


@pytest.mark.parametrize(
    "weight", [Decimal("1e999999999"), Decimal("NaN"), Decimal("-Infinity"), 10**30]
)
def test_a_visit_weight_past_the_limits_is_refused_at_once(weight: Any) -> None:
    got = quick(
        score_visit,
        quality="优良",
        service="一般",
        renown="知名",
        weights={"quality": weight, "service": 1, "renown": 1},
    )
    assert isinstance(got, CustrulesError)


@pytest.mark.parametrize("share", [Decimal("1e999999999"), Decimal("NaN"), Decimal("Infinity")])
def test_a_share_past_the_limits_is_refused_at_once(share: Any) -> None:
    got = quick(allocate, Decimal("100.00"), {"a": share})
    assert isinstance(got, CustrulesError)


def test_numbers_inside_the_limits_still_work() -> None:
    assert assess_tier(POLYOLEFIN_STARS, Decimal("999999999999999999")).tier.name == "three_star"
    assert assess_tier(POLYOLEFIN_STARS, Decimal("0." + "0" * 27 + "1")).tier.name == "ordinary"


# -- money -------------------------------------------------------------------------------------


def test_money_is_exact_to_the_cent_up_to_the_limit() -> None:
    total = Decimal("999999999999999.99")
    parts = allocate(total, {"a": Fraction(1, 3), "b": Fraction(2, 3)})
    assert sum(parts.values()) == total
    assert all(p == p.quantize(Decimal("0.01")) for p in parts.values())
    assert parts == {"a": Decimal("333333333333333.33"), "b": Decimal("666666666666666.66")}
    assert MAX_AMOUNT_YUAN == 10**15 - 1


@pytest.mark.parametrize(
    "total",
    [Decimal("123456789012345678901234567.89"), Decimal("1e15"), Decimal("1e30"), 10**16],
)
def test_money_past_the_limit_is_refused(total: Any) -> None:
    with pytest.raises(InvalidInputError, match="limit"):
        allocate(total, {"a": Fraction(1)})


def test_a_fraction_of_a_cent_is_refused_unless_rounding_is_named() -> None:
    with pytest.raises(InvalidInputError, match="fractions of a cent"):
        allocate(Decimal("10.005"), {"a": Fraction(1)})
    assert allocate(Decimal("10.005"), {"a": Fraction(1)}, rounding=ROUND_HALF_UP) == {
        "a": Decimal("10.01")
    }
    with pytest.raises(InvalidInputError, match="rounding mode"):
        allocate(Decimal("10.005"), {"a": Fraction(1)}, rounding="nearest")


def test_money_written_with_an_exponent_comes_out_in_yuan_and_cents() -> None:
    assert allocate(Decimal("1E+3"), {"a": Fraction(1)}) == {"a": Decimal("1000.00")}
    assert str(allocate(Decimal("1E+3"), {"a": Fraction(1)})["a"]) == "1000.00"


# -- dates at the edges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: period_end(dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc), 1, "days"),
        lambda: period_end(dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone.utc), 1, "days"),
        lambda: period_end(T, 10**6, "months"),
        lambda: complaint_deadline(
            dt.datetime(9999, 12, 31, tzinfo=dt.timezone.utc),
            "general",
            calendar=WorkCalendar.weekdays(),
        ),
        lambda: WorkCalendar.weekdays().add_working_days(dt.date(9999, 12, 30), 5),
        lambda: WorkCalendar.weekdays().add_working_days(dt.date(2026, 1, 5), 10**9),
        lambda: add_months(dt.date(2026, 1, 31), 10**6),
        lambda: add_months("2026-01-31", 1),
        lambda: add_months(True, 1),
        lambda: add_months(dt.datetime(2026, 1, 31, tzinfo=CHINA_TZ), 1),
        lambda: add_months(dt.date(2026, 1, 31), True),
        lambda: parse_instant("0001-01-01T00:00+08:00"),
        lambda: parse_date("9999-12-31"),
    ],
)
def test_dates_at_the_edges_give_a_clear_error(call: Any) -> None:
    assert isinstance(quick(call), CustrulesError)


def test_date_text_reads_the_same_on_every_python() -> None:
    for text in ("20260214", "2026-W07-6", "2026-045", "2026-02-14T10:00"):
        with pytest.raises(InvalidInputError):
            parse_date(text)
    for text in ("2026-02-14T10:00+0800", "20260214T1000Z", "2026-02-14T10+08:00"):
        with pytest.raises(InvalidInputError):
            parse_instant(text)
    assert (
        parse_instant("2026-02-14 10:00:30.5Z").isoformat() == "2026-02-14T10:00:30.500000+00:00"
    )


# -- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["甲\n乙", "甲\x00", "甲\u200b", "\t", "x" * 201, ""])
def test_names_with_control_characters_or_too_long_are_refused(name: str) -> None:
    with pytest.raises(InvalidInputError):
        Visit(at=T, customer=C, received_by=name)
