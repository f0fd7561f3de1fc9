"""Case files: a customer's events as JSON-ready data (private; see the package).

The schema (documented in ``docs/realestate.md``)::

    {
      "customer": "王先生",            # default customer of every event
      "policy": "re12",                # optional: re11, re12 or re14
      "amount": "300000.00",           # optional: the commission to split
      "events": [
        {"type": "visit", "at": "2026-03-02T10:00+08:00", "received_by": "甲"},
        {"type": "registration", "at": "2026-03-02T10:05+08:00", "salesperson": "甲",
         "confirmed_at": "2026-03-02T18:00+08:00"},
        ...
      ]
    }

Each event's ``type`` is one of :data:`EVENT_NAMES`; its other keys are the
event's fields (``from`` for ``from_``).  Instants are ISO 8601 with a zone,
dates ``YYYY-MM-DD``, shares ``{"salesperson:甲": "1/2", ...}``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from custrules.errors import CustrulesError, InvalidInputError, InvalidTypeError
from custrules.periods import parse_instant
from custrules.realestate._events import EVENT_TYPES, Event
from custrules.realestate._policy import RE11, RE12, RE14, AttributionPolicy

#: the ``type`` names of a case file's events
EVENT_NAMES: Mapping[str, type[Event]] = {cls.type_name: cls for cls in EVENT_TYPES}
POLICIES: Mapping[str, AttributionPolicy] = {"re11": RE11, "re12": RE12, "re14": RE14}

_INSTANTS = {"at", "confirmed_at"}
_DATES = {"appointment"}
_RENAMES = {"from": "from_"}


@attrs.frozen(kw_only=True)
class Case:
    """A parsed case file."""

    events: tuple[Event, ...]
    customer: str | None = None
    policy: AttributionPolicy | None = None
    amount: Decimal | None = None


def policy_named(name: str) -> AttributionPolicy:
    """RE11, RE12 or RE14 by name (any case)."""
    try:
        return POLICIES[str(name).strip().lower()]
    except KeyError:
        raise InvalidInputError(
            f"unknown policy {name!r}: use one of {', '.join(POLICIES)}", value=name
        ) from None


def _date(text: Any, where: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(str(text))
    except ValueError:
        raise InvalidInputError(f"{where}: not a date (YYYY-MM-DD): {text!r}") from None


def _shares(value: Any, where: str) -> dict[str, Fraction]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{where}: shares must be an object of party -> share")
    out: dict[str, Fraction] = {}
    for party, share in value.items():
        try:
            out[party] = Fraction(str(share))
        except (ValueError, ZeroDivisionError):
            raise InvalidInputError(f"{where}: not an exact share: {share!r}") from None
    return out


def event_from_json(data: Mapping[str, Any], *, customer: str | None = None) -> Event:
    """One event from its JSON object."""
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"an event must be a JSON object, got {data!r}")
    kind = data.get("type")
    cls = EVENT_NAMES.get(str(kind))
    if cls is None:
        raise InvalidInputError(
            f"unknown event type {kind!r}: use one of {', '.join(EVENT_NAMES)}", value=kind
        )
    where = f"{kind} event"
    fields: dict[str, Any] = {"customer": customer} if customer is not None else {}
    for key, value in data.items():
        if key == "type":
            continue
        name = _RENAMES.get(key, key)
        if name in _INSTANTS and value is not None:
            value = parse_instant(value, f"{where}, {key}")
        elif name in _DATES:
            value = _date(value, f"{where}, {key}")
        elif name == "shares" and value is not None:
            value = _shares(value, where)
        fields[name] = value
    known = {f.name for f in attrs.fields(cls)}
    unknown = sorted(set(fields) - known)
    if unknown:
        raise InvalidInputError(
            f"{where}: unknown field(s) {', '.join(unknown)}; a {kind} has "
            f"{', '.join(sorted(known))}"
        )
    try:
        return cls(**fields)
    except CustrulesError:
        raise
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"{where}: {exc}") from None


def case_from_json(data: Mapping[str, Any]) -> Case:
    """A :class:`Case` from a parsed case file."""
    if not isinstance(data, Mapping):
        raise InvalidTypeError(f"a case file must hold a JSON object, got {type(data).__name__}")
    customer = data.get("customer")
    if customer is not None and not isinstance(customer, str):
        raise InvalidInputError(f"customer must be text, got {customer!r}")
    raw = data.get("events")
    if not isinstance(raw, list) or not raw:
        raise InvalidInputError("a case file needs a non-empty list of events")
    events = []
    for i, item in enumerate(raw, 1):
        try:
            events.append(event_from_json(item, customer=customer))
        except CustrulesError as exc:
            raise InvalidInputError(f"event {i}: {exc}") from None
    amount = data.get("amount")
    parsed_amount = None
    if amount is not None:
        try:
            parsed_amount = Decimal(str(amount))
        except InvalidOperation:
            raise InvalidInputError(f"amount: not a number: {amount!r}") from None
    policy = data.get("policy")
    return Case(
        events=tuple(events),
        customer=customer,
        policy=None if policy is None else policy_named(policy),
        amount=parsed_amount,
    )
