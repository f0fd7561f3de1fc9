"""Case files: a customer's events as JSON, with a published schema (private; see the package).

A case file is a JSON object (UTF-8, with or without a byte-order mark)::

    {
      "customer": "王先生",            # default customer of every event
      "policy": "re12",                # optional: re11, re12 or re14
      "amount": "300000.00",           # optional: the commission, as a string
      "as_of": "2026-03-20T18:00+08:00",   # optional: answer at that instant
      "events": [
        {"type": "visit", "at": "2026-03-02T10:00+08:00", "received_by": "甲"},
        {"type": "registration", "at": "2026-03-02T10:05+08:00", "salesperson": "甲",
         "confirmed_at": "2026-03-02T18:00+08:00"},
        ...
      ]
    }

Each event's ``type`` is one of :data:`EVENT_NAMES`; its other keys are the
event's fields (``from`` for ``from_``).  Instants are ISO 8601 with a zone,
dates ``YYYY-MM-DD``, shares ``{"salesperson:甲": "1/2", ...}`` and money a
string such as ``"12345.67"`` (a JSON number would be rounded by many JSON
tools before custrules saw it).  :data:`CASE_SCHEMA` is the JSON Schema of
the format, also shipped as ``custrules/schemas/case.schema.json``.  One
converter (cattrs) reads and writes every event: unknown keys are refused,
yes/no fields take only ``true``/``false``, and :func:`case_to_json` writes a
:class:`Case` back so that ``case_from_json(case_to_json(c)) == c``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import typing
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from custrules import _check
from custrules._frozen import FrozenMap
from custrules._i18n import N_, Names, Sub, Term
from custrules.errors import CustrulesError, InvalidInputError, InvalidTypeError
from custrules.money import MAX_AMOUNT_YUAN, _to_cents, _whole_cents, to_money
from custrules.periods import parse_date, parse_instant
from custrules.realestate._engine import _links, household
from custrules.realestate._events import EVENT_TYPES, Event, Party
from custrules.realestate._policy import RE11, RE12, RE14, AttributionPolicy

#: the ``type`` names of a case file's events
EVENT_NAMES: Mapping[str, type[Event]] = FrozenMap({cls.type_name: cls for cls in EVENT_TYPES})
POLICIES: Mapping[str, AttributionPolicy] = FrozenMap({"re11": RE11, "re12": RE12, "re14": RE14})

#: Limits of a case file (docs/limits.md).
MAX_CASE_BYTES = 1_048_576
MAX_EVENTS = 10_000
MAX_DEPTH = 6

_RENAMES = {"from_": "from"}
_TOP_KEYS = ("customer", "policy", "amount", "as_of", "events")


@attrs.frozen(kw_only=True)
class Case:
    """A parsed case file."""

    events: tuple[Event, ...]
    customer: str | None = None
    policy: AttributionPolicy | None = None
    amount: Decimal | None = None
    as_of: _dt.datetime | None = None


def policy_named(name: str) -> AttributionPolicy:
    """RE11, RE12 or RE14 by name (any case)."""
    if not isinstance(name, str):
        raise InvalidTypeError.of(
            N_("a policy name is text (re11, re12, re14), got {name!r}"),
            code="realestate.case.policy_named.policy_name",
            value=name,
            name=name,
        )
    try:
        return POLICIES[name.strip().lower()]
    except KeyError:
        raise InvalidInputError.of(
            N_("unknown policy {a!r}: use one of {a2}"),
            code="realestate.case.policy_named.unknown_policy",
            value=name,
            a=name[:40],
            a2=Names(POLICIES),
        ) from None


def _policy_name(policy: AttributionPolicy) -> str:
    for key, known in POLICIES.items():
        if known == policy:
            return key
    raise InvalidInputError.of(
        N_("policy {name} is a host's own policy: a case file names only {a}"),
        code="realestate.case.policy_name.policy_host",
        value=policy,
        name=policy.name,
        a=Names(POLICIES),
    )


# -- the converter ----------------------------------------------------------------------


def _strict_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_("expected text, got {a} ({shown!r})"),
            code="realestate.case.strict_str.expected_text",
            a=_json_type(value),
            shown=value,
        )
    return value


def _strict_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError.of(
            N_("expected true or false, got {a} ({shown!r})"),
            code="realestate.case.strict_bool.expected_true",
            a=_json_type(value),
            shown=value,
        )
    return value


def _instant(value: Any, _: Any) -> _dt.datetime:
    return parse_instant(value, "the instant")


def _date(value: Any, _: Any) -> _dt.date:
    return parse_date(value, "the date")


def _enum(value: Any, cls: type[enum.Enum]) -> Any:
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_("expected one of the {name} names as text, got {shown!r}"),
            code="realestate.case.enum.expected_one",
            name=cls.__name__,
            shown=value,
        )
    return _check.member(cls, value, cls.__name__)


def _names(value: Any, _: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise InvalidTypeError.of(
            N_("expected a list of names, got {a}"),
            code="realestate.case.names.expected_list",
            a=_json_type(value),
        )
    return tuple(_strict_str(v, None) for v in value)


def _shares(value: Any, _: Any) -> Mapping[str, Fraction]:
    if not isinstance(value, dict):
        raise InvalidTypeError.of(
            N_("shares are an object of party -> share, got {a}"),
            code="realestate.case.shares.shares_are",
            a=_json_type(value),
        )
    out: dict[str, Fraction] = {}
    for party, share in value.items():
        if not isinstance(share, str):
            raise InvalidTypeError.of(
                N_(
                    'the share of {party} must be text such as "1/2" or "0.3" (exact), '
                    "got {a} ({share!r})"
                ),
                code="realestate.case.shares.share_text",
                party=party,
                a=_json_type(share),
                share=share,
            )
        what = Sub((N_("the share of {}"), (party,)))
        try:
            out[party] = _check.exact_number(Fraction(share.strip()), what)
        except (ValueError, ZeroDivisionError):
            raise InvalidInputError.of(
                N_("not an exact share: {share!r}"),
                code="realestate.case.shares.not_exact",
                value=share,
                share=share,
            ) from None
    return out


#: what a JSON value is, in a message's language
_JSON_TYPES = {
    bool: Term(N_("true/false")),
    int: Term(N_("a number")),
    float: Term(N_("a number")),
    Decimal: Term(N_("a number")),
    str: Term(N_("text")),
    list: Term(N_("a list")),
    dict: Term(N_("an object")),
    type(None): Term(N_("null")),
}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _build_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(_dt.datetime, _instant)
    conv.register_structure_hook(_dt.date, _date)
    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], _names)
    conv.register_structure_hook_func(lambda t: t == Mapping[Party, Fraction], _shares)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum
    )
    conv.register_unstructure_hook(_dt.datetime, lambda t: t.isoformat())
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook_func(lambda t: t == tuple[str, ...], list)
    conv.register_unstructure_hook_func(
        lambda t: t == Mapping[Party, Fraction], lambda m: {str(p): str(s) for p, s in m.items()}
    )
    for cls in EVENT_TYPES:
        attrs.resolve_types(cls)
        renames: dict[str, Any] = {
            name: override(rename=new)
            for name, new in _RENAMES.items()
            if name in attrs.fields_dict(cls)
        }
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **renames))
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **renames)
        )
    return conv


_CONVERTER = _build_converter()


def _first_error(exc: BaseException) -> BaseException:
    """The first leaf of a cattrs error group (our own error, if there is one)."""
    while getattr(exc, "exceptions", None):
        exc = exc.exceptions[0]  # type: ignore[attr-defined]
    return exc


def _where(exc: BaseException) -> str:
    """``at``, ``shares`` ...: the field a cattrs error is about."""
    path: list[str] = []
    while getattr(exc, "exceptions", None):
        inner = exc.exceptions[0]  # type: ignore[attr-defined]
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, str) and "attribute " in note:
                path.append(note.split("attribute ", 1)[1].split()[0].strip("'\""))
                break
        exc = inner
    return ".".join(_RENAMES.get(p, p) for p in path)


def event_from_json(data: Mapping[str, Any], *, customer: str | None = None) -> Event:
    """One event from its JSON object."""
    if not isinstance(data, dict):
        raise InvalidTypeError.of(
            N_("an event must be a JSON object, got {a}"),
            code="realestate.case.event_from_json.event_json",
            value=data,
            a=_json_type(data),
        )
    kind = data.get("type")
    cls = EVENT_NAMES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidInputError.of(
            N_("unknown event type {a!r}: use one of {a2}"),
            code="realestate.case.event_from_json.unknown_event",
            value=kind,
            a=str(kind)[:40],
            a2=Names(EVENT_NAMES),
        )
    fields = {k: v for k, v in data.items() if k != "type"}
    if customer is not None and "customer" not in fields:
        fields["customer"] = customer
    known = {_RENAMES.get(f.name, f.name) for f in attrs.fields(cls)}
    unknown = sorted(set(fields) - known)
    if unknown:
        raise InvalidInputError.of(
            N_("{kind} event: unknown field(s) {a}; a {kind} has {a2}"),
            code="realestate.case.event_from_json.event_unknown",
            kind=kind,
            a=", ".join(map(str, unknown))[:200],
            a2=Names(sorted(known)),
        )
    missing = sorted(
        _RENAMES.get(f.name, f.name)
        for f in attrs.fields(cls)
        if f.default is attrs.NOTHING and _RENAMES.get(f.name, f.name) not in fields
    )
    if missing:
        raise InvalidInputError.of(
            N_("{kind} event: missing field(s) {a}"),
            code="realestate.case.event_from_json.event_missing",
            kind=kind,
            a=Names(missing),
        )
    try:
        event: Event = _CONVERTER.structure(fields, cls)
    except (cattrs.BaseValidationError, CustrulesError, ValueError, TypeError) as exc:
        leaf = _first_error(exc)
        where = _where(exc)
        prefix = Sub((N_("{} event, {}"), (kind, where)) if where else (N_("{} event"), (kind,)))
        raise InvalidInputError.of(
            N_("{prefix}: {leaf}"),
            code="realestate.case.event_from_json.error",
            value=getattr(leaf, "value", None),
            prefix=prefix,
            leaf=leaf,
        ) from None
    return event


def event_to_json(event: Event) -> dict[str, Any]:
    """An event as its JSON object (the inverse of :func:`event_from_json`)."""
    if type(event) not in EVENT_TYPES:
        raise InvalidTypeError.of(
            N_("expected a custrules event, got {event!r:.60}"),
            code="realestate.case.event_to_json.expected_custrules",
            value=event,
            event=event,
        )
    data: dict[str, Any] = {"type": event.type_name}
    data.update(_CONVERTER.unstructure(event, type(event)))
    return data


def _money_text(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise InvalidTypeError.of(
            N_(
                'amount: money is text such as "12345.67", got {a} ({value!r}): a JSON '
                "number may already have been rounded"
            ),
            code="realestate.case.money_text.amount_money",
            value=value,
            a=_json_type(value),
        )
    return to_money(_whole_cents(_check.decimal_text(value, "amount")))


def case_from_json(data: Mapping[str, Any]) -> Case:
    """A :class:`Case` from a parsed case file (see :data:`CASE_SCHEMA`)."""
    if not isinstance(data, dict):
        raise InvalidTypeError.of(
            N_("a case file must hold a JSON object, got {a}"),
            code="realestate.case.case_from_json.case_file_hold",
            a=_json_type(data),
        )
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise InvalidInputError.of(
            N_("unknown key(s) {a} in the case file: it takes {a2}"),
            code="realestate.case.case_from_json.unknown_key_case",
            a=", ".join(map(str, unknown))[:200],
            a2=Names(_TOP_KEYS),
        )
    customer = data.get("customer")
    if customer is not None:
        _check.text(customer, "customer")
    raw = data.get("events")
    if not isinstance(raw, list) or not raw:
        raise InvalidInputError.of(
            N_("a case file needs a non-empty list of events"),
            code="realestate.case.case_from_json.case_file_needs",
        )
    if len(raw) > MAX_EVENTS:
        raise InvalidInputError.of(
            N_("a case file holds at most {MAX_EVENTS} events, got {a}"),
            code="realestate.case.case_from_json.case_file_holds",
            MAX_EVENTS=MAX_EVENTS,
            a=len(raw),
        )
    events = []
    for i, item in enumerate(raw, 1):
        try:
            events.append(event_from_json(item, customer=customer))
        except CustrulesError as exc:
            raise InvalidInputError.of(
                N_("event {i}: {exc}"),
                code="realestate.case.case_from_json.event",
                value=exc.value,
                i=i,
                exc=exc,
            ) from None
    _linked(events, customer)
    amount = data.get("amount")
    policy = data.get("policy")
    as_of = data.get("as_of")
    return Case(
        events=tuple(events),
        customer=customer,
        policy=None if policy is None else policy_named(policy),
        amount=None if amount is None else _money_text(amount),
        as_of=None if as_of is None else parse_instant(as_of, "as_of"),
    )


def _linked(events: list[Event], customer: str | None) -> None:
    """Every event is about the case's customer or a member of their household."""
    start = customer if customer is not None else events[0].customer
    seen = household(_links(events), start)
    for i, e in enumerate(events, 1):
        if e.customer not in seen:
            raise InvalidInputError.of(
                N_(
                    "event {i} is about {customer}, who is not {start} nor linked to "
                    "{start} by a household event: a case file is one customer (or one "
                    "household)"
                ),
                code="realestate.case.linked.event_about",
                value=e.customer,
                i=i,
                customer=e.customer,
                start=start,
            )


def case_to_json(case: Case) -> dict[str, Any]:
    """A :class:`Case` as a case file's JSON object (events keep their own customer)."""
    if not isinstance(case, Case):
        raise InvalidTypeError.of(
            N_("expected a Case, got {case!r}"),
            code="realestate.case.case_to_json.expected_case",
            value=case,
            case=case,
        )
    out: dict[str, Any] = {}
    if case.customer is not None:
        out["customer"] = case.customer
    if case.policy is not None:
        out["policy"] = _policy_name(case.policy)
    if case.amount is not None:
        out["amount"] = str(to_money(_to_cents(case.amount)))
    if case.as_of is not None:
        out["as_of"] = case.as_of.isoformat()
    out["events"] = [event_to_json(e) for e in case.events]
    return out


#: why bytes are not UTF-8, in a message's language (Python's own words otherwise)
_UTF8_REASONS = {
    "invalid start byte": Term(N_("invalid start byte")),
    "invalid continuation byte": Term(N_("invalid continuation byte")),
    "unexpected end of data": Term(N_("unexpected end of data")),
}


def read_case(data: bytes | str) -> Case:
    """A :class:`Case` from a case file's bytes (UTF-8, a byte-order mark allowed) or text.

    Files over :data:`MAX_CASE_BYTES`, nested deeper than :data:`MAX_DEPTH`, or
    not UTF-8 are refused with the place of the fault.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_CASE_BYTES:
            raise InvalidInputError.of(
                N_("a case file is at most {MAX_CASE_BYTES:,} bytes, got {a:,}"),
                code="realestate.case.read_case.case_file_most_bytes.1",
                MAX_CASE_BYTES=MAX_CASE_BYTES,
                a=len(data),
            )
        data = data.removeprefix(b"\xef\xbb\xbf")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInputError.of(
                N_(
                    "a case file is UTF-8 text; byte {start} is not UTF-8 ({reason}): "
                    "save it as UTF-8"
                ),
                code="realestate.case.read_case.case_file_utf_text_byte_not_utf_save.4",
                start=exc.start,
                reason=_UTF8_REASONS.get(exc.reason, exc.reason),
            ) from None
    elif isinstance(data, str):
        text = data.removeprefix("\ufeff")
        if len(text) > MAX_CASE_BYTES:
            raise InvalidInputError.of(
                N_("a case file is at most {MAX_CASE_BYTES:,} bytes"),
                code="realestate.case.read_case.case_file_most_bytes.5",
                MAX_CASE_BYTES=MAX_CASE_BYTES,
            )
    else:
        raise InvalidTypeError.of(
            N_("a case file is bytes or text, got {a}"),
            code="realestate.case.read_case.case_file_bytes_text.2",
            value=data,
            a=type(data).__name__,
        )
    _check_depth(text)
    try:
        parsed = json.loads(
            text,
            parse_float=_no_float,
            parse_constant=_no_constant,
            object_pairs_hook=_once_each,
        )
    except json.JSONDecodeError as exc:
        raise InvalidInputError.of(
            N_("not valid JSON at line {lineno}, column {colno}: {msg}"),
            code="realestate.case.read_case.not_valid_json_line_column.3",
            lineno=exc.lineno,
            colno=exc.colno,
            msg=exc.msg,
        ) from None
    return case_from_json(parsed)


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once (JSON itself would keep the last
    of two silently: a fact written twice is refused, not half read)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidInputError.of(
                N_("the key {key!r} is given twice in one object: give each field once"),
                code="realestate.case.read_case.key_twice",
                value=key,
                key=key,
            )
        out[key] = value
    return out


def _no_float(text: str) -> Any:
    # Decimal keeps the digits: a float amount is then refused by name, not rounded
    return Decimal(text)


def _no_constant(text: str) -> Any:
    raise InvalidInputError.of(
        N_("{text} is not JSON (and no number custrules takes)"),
        code="realestate.case.no_constant.not_json",
        text=text,
    )


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` before the JSON parser sees it."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidInputError.of(
                    N_("a case file nests at most {MAX_DEPTH} levels of lists and objects"),
                    code="realestate.case.check_depth.case_file",
                    MAX_DEPTH=MAX_DEPTH,
                )
        elif char in "]}":
            depth -= 1


# -- the schema --------------------------------------------------------------------------

_INSTANT_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SHARE_PATTERN = r"^ *[0-9]+(\.[0-9]+)?(/[0-9]*[1-9][0-9]*)? *$"
_MONEY_PATTERN = r"^ *[0-9]{1,15}(\.[0-9]{1,2})? *$"
#: text with no space at either end (what _check.text refuses besides)
_NAME = r"\S(.*\S)?"
_PARTY_PATTERN = rf"^((salesperson|referrer):{_NAME}|public_pool|department)$"
_TEXT = {"type": "string", "minLength": 1, "maxLength": _check.MAX_TEXT, "pattern": rf"^{_NAME}$"}


def _field_schema(tp: Any) -> dict[str, Any]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_field_schema(inner[0]), {"type": "null"}]}
    if tp is str:
        return dict(_TEXT)
    if tp is bool:
        return {"type": "boolean"}
    if tp is _dt.datetime:
        return {"type": "string", "pattern": _INSTANT_PATTERN}
    if tp is _dt.date:
        return {"type": "string", "pattern": _DATE_PATTERN}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if typing.get_origin(tp) is tuple:
        # (people's names, each once)
        return {"type": "array", "items": dict(_TEXT), "maxItems": 20, "uniqueItems": True}
    if typing.get_origin(tp) in (Mapping, dict, typing.get_origin(Mapping[str, str])):
        return {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 20,
            "propertyNames": {"pattern": _PARTY_PATTERN},
            "additionalProperties": {"type": "string", "pattern": _SHARE_PATTERN},
        }
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover - a new field type


def _event_schema(cls: type[Event]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {"type": {"const": cls.type_name}}
    required = ["type"]
    for f in attrs.fields(cls):
        name = _RENAMES.get(f.name, f.name)
        if f.validator is _check.free_text:
            properties[name] = {"type": "string", "maxLength": _check.MAX_FREE_TEXT}
        else:
            properties[name] = _field_schema(hints[f.name])
        if f.default is attrs.NOTHING and name != "customer":
            required.append(name)
    return {
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _case_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://pypi.org/project/custrules/case.schema.json",
        "title": "custrules case file",
        "description": (
            "One real-estate customer (or household) and its events, for "
            "custrules.realestate.attribute (RE11, RE12, RE14)."
        ),
        "type": "object",
        "properties": {
            "customer": dict(_TEXT),
            "policy": {"enum": sorted(POLICIES)},
            "amount": {
                "type": "string",
                "pattern": _MONEY_PATTERN,
                "description": f"money as text, to the cent, at most {MAX_AMOUNT_YUAN:,} yuan",
            },
            "as_of": {"type": "string", "pattern": _INSTANT_PATTERN},
            "events": {
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_EVENTS,
                "items": {"oneOf": [_event_schema(cls) for cls in EVENT_TYPES]},
            },
        },
        "required": ["events"],
        "additionalProperties": False,
    }


#: The JSON Schema (draft 2020-12) of a case file.  Shipped as
#: ``custrules/schemas/case.schema.json``; a test keeps the two equal.
CASE_SCHEMA: Mapping[str, Any] = _case_schema()
