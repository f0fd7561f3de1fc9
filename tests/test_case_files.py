"""Case files: the published schema, strict reading, and the round trip to JSON."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from custrules import (
    CASE_SCHEMA,
    RE12,
    CustrulesError,
    InvalidInputError,
    InvalidTypeError,
    attribute,
    case_from_json,
    case_to_json,
    policy_named,
    read_case,
)
from custrules.realestate import EVENT_NAMES, Case, event_from_json, event_to_json
from custrules.realestate._case import MAX_CASE_BYTES, MAX_EVENTS, _case_schema
from tests.pinning import refusal_row
from tests.test_explanations import visit

EXAMPLES = sorted(
    p.name for p in (resources.files("custrules") / "examples").iterdir() if p.suffix == ".json"
)


def example(name: str) -> bytes:
    return (resources.files("custrules") / "examples" / name).read_bytes()


def test_the_shipped_schema_file_is_case_schema() -> None:
    shipped = (resources.files("custrules") / "schemas" / "case.schema.json").read_text("utf-8")
    assert json.loads(shipped) == json.loads(json.dumps(CASE_SCHEMA))
    # built again, not the constant built at import
    assert json.loads(shipped) == json.loads(json.dumps(_case_schema()))
    jsonschema.Draft202012Validator.check_schema(CASE_SCHEMA)


def test_the_schema_knows_every_event_type() -> None:
    items = CASE_SCHEMA["properties"]["events"]["items"]["oneOf"]
    assert sorted(i["properties"]["type"]["const"] for i in items) == sorted(EVENT_NAMES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_examples_follow_the_schema_and_round_trip(name: str) -> None:
    data = json.loads(example(name))
    jsonschema.validate(data, CASE_SCHEMA)
    case = read_case(example(name))
    again = case_to_json(case)
    jsonschema.validate(again, CASE_SCHEMA)
    assert case_from_json(again) == case
    assert case_from_json(json.loads(json.dumps(again))) == case


def test_a_byte_order_mark_is_read_past() -> None:
    raw = example("spouses.json")
    assert read_case(b"\xef\xbb\xbf" + raw) == read_case(raw)
    assert read_case("\ufeff" + raw.decode()) == read_case(raw)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b'{"events": [\xff]}', "byte 12 is not UTF-8"),
        (b"[" * 100 + b"]" * 100, "nests at most"),
        (b"[" * 100_000, "nests at most"),
        (b'{"polciy": "re12", "events": []}', "unknown key.*polciy"),
        (b'{"events": []}', "non-empty list"),
        (b'{"events": [1]', "not valid JSON at line 1"),
        (b'{"events": [{"type": "visit"}], "amount": NaN}', "not JSON"),
        (b" " * 1_048_577, "at most 1,048,576 bytes"),
        # JSON keeps the last of two values silently; a case file says each thing once
        (
            '{"events": [{"type": "visit", "at": "2026-03-02T10:00+08:00", "customer": '
            '"王", "received_by": "甲", "received_by": "乙"}]}'.encode(),
            "the key 'received_by' is given twice in one object",
        ),
        (b'{"policy": "re12", "policy": "re14", "events": []}', "'policy' is given twice"),
    ],
)
def test_bad_files_are_refused_with_the_place(data: bytes, match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        read_case(data)


def test_brackets_inside_text_are_not_nesting() -> None:
    """The nesting limit counts lists and objects, not brackets a user wrote in a text
    (a ruling's reasons, say), quotes and escaped quotes included."""
    text = '[[[[[[[[[[ {{{{{{{{ "quoted [[[[[[" \\'
    ruling = {
        "type": "ruling",
        "at": "2026-03-03T10:00+08:00",
        "by": "经理",
        "shares": {"salesperson:甲": "1"},
        "approved_by": "总监",
        "text": text,
    }
    doc = {"customer": "王", "policy": "re12", "events": [VISIT, ruling]}
    assert read_case(json.dumps(doc, ensure_ascii=False)).events[-1].text == text


def test_the_nesting_limit_counts_the_depth_after_a_closed_sibling() -> None:
    """Seven levels of lists, the deepest reached after a list closed three levels down:
    still seven, refused; six, with the same closed sibling, are read as JSON (and then
    refused as no case file)."""
    for levels, match in (
        (7, "nests at most 6 levels"),
        (6, "a case file must hold a JSON object"),
    ):
        inner = levels - 3
        text = "[" * 3 + "[]," + "[" * inner + "]" * inner + "]" * 3
        with pytest.raises(CustrulesError, match=match):
            read_case(text)


def test_an_event_type_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="unknown event type"):
        case_from_json({"customer": "王", "events": [{**VISIT, "type": ["visit"]}]})


VISIT = {"type": "visit", "at": "2026-03-02T10:00+08:00", "received_by": "甲"}


@pytest.mark.parametrize(
    ("doc", "error", "match"),
    [
        (
            {"customer": "王", "events": [VISIT, {**VISIT, "customer": "李"}]},
            InvalidInputError,
            "event 2 is about 李, who is not 王",
        ),
        (  # no event is about the case's customer (before: a KeyError, a traceback)
            {"customer": "王", "events": [{**VISIT, "customer": "李"}]},
            InvalidInputError,
            "event 1 is about 李, who is not 王 nor linked to 王 by a household event",
        ),
        (
            {"customer": "王", "amount": 300000.5, "events": [VISIT]},
            InvalidTypeError,
            "money is text",
        ),
        (
            {"customer": "王", "amount": "0.001", "events": [VISIT]},
            InvalidInputError,
            # a case file has no rounding option: not the Python API's advice
            r"amount 0\.001 has fractions of a cent: write it to the cent \(at most two",
        ),
        (
            {"customer": "王", "events": [{**VISIT, "exhibition": "false"}]},
            InvalidInputError,
            "exhibition: expected true or false",
        ),
        (
            {"customer": "王", "events": [{**VISIT, "nme": 1}]},
            InvalidInputError,
            r"unknown field\(s\) nme",
        ),
        (
            {"customer": "王", "events": [{**VISIT, "type": "vist"}]},
            InvalidInputError,
            "unknown event type 'vist'",
        ),
        ({"events": [VISIT]}, InvalidInputError, "missing field.*customer"),
        (
            {"customer": "王", "events": [{**VISIT, "at": "2026-03-02T10:00"}]},
            InvalidInputError,
            "no time zone",
        ),
        (
            {"customer": "王", "policy": "re13", "events": [VISIT]},
            InvalidInputError,
            "unknown policy",
        ),
        ([VISIT], InvalidTypeError, "a JSON object"),
    ],
)
def test_bad_documents_say_what_is_wrong(doc: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        case_from_json(doc)


def test_a_household_in_one_file() -> None:
    case = read_case(example("spouses.json"))
    assert {e.customer for e in case.events} == {"王先生", "王太太"}


def test_an_amount_with_fractions_of_a_cent_is_named_as_read() -> None:
    """A case file has no rounding option: the error names the amount it read."""
    with pytest.raises(InvalidInputError) as caught:
        case_from_json({"customer": "王", "amount": "0.001", "events": [VISIT]})
    assert caught.value.code == "money.whole_cents.fractions_of_a_cent"
    assert caught.value.value == Decimal("0.001")
    assert caught.value.params["amount"] == Decimal("0.001")


@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(from_schema(CASE_SCHEMA))
def test_a_document_the_schema_accepts_is_read_or_refused_cleanly(doc: Any) -> None:
    """The schema cannot say everything (a date's calendar, names that must differ):
    such a document is refused with a CustrulesError; every other one is read, and
    round-trips."""
    try:
        case = case_from_json(doc)
    except CustrulesError:
        return
    assert case_from_json(case_to_json(case)) == case
    with contextlib.suppress(CustrulesError):
        attribute(case.events, case.policy or RE12, customer=case.customer, as_of=case.as_of)


@st.composite
def _households_in_a_file(draw: st.DrawFn) -> dict[str, Any]:
    """A case file whose events name customers of their own (or none), some linked."""
    people = ["王", "李", "张"]
    events: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 4))):
        who = draw(st.sampled_from([None, *people]))
        event = dict(VISIT) if who is None else {**VISIT, "customer": who}
        if draw(st.booleans()):
            event = {
                "type": "household",
                "at": VISIT["at"],
                "other": draw(st.sampled_from(people)),
                **({} if who is None else {"customer": who}),
            }
        events.append(event)
    doc: dict[str, Any] = {"events": events}
    top = draw(st.sampled_from([None, *people]))
    if top is not None:
        doc["customer"] = top
    return doc


@given(_households_in_a_file())
def test_files_of_several_customers_are_read_or_refused_cleanly(doc: dict[str, Any]) -> None:
    """Events about customers other than the case's, linked or not: read, or refused
    with a CustrulesError (never a traceback), and what is read can be attributed."""
    try:
        case = case_from_json(doc)
    except CustrulesError:
        return
    with contextlib.suppress(CustrulesError):
        attribute(case.events, RE12, customer=case.customer)


def _mutations(raw: bytes) -> st.SearchStrategy[bytes]:
    text = raw.decode()

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        pieces = list(text)
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(pieces)))
            how = draw(st.sampled_from(["insert", "delete", "replace"]))
            char = draw(st.sampled_from([*list('{}[]",:0123456789.-etruflsn \\\n'), "\x00", "é"]))
            if how == "insert":
                pieces.insert(at, char)
            elif pieces and at < len(pieces):
                if how == "delete":
                    del pieces[at]
                else:
                    pieces[at] = char
        return "".join(pieces).encode()

    return mutate()


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(EXAMPLES).flatmap(lambda n: _mutations(example(n))))
def test_mutated_example_files_are_read_or_refused_cleanly(data: bytes) -> None:
    with contextlib.suppress(CustrulesError):
        read_case(data)


VISIT_EVENT = visit(0, "甲")
VISIT_JSON = {
    "type": "visit",
    "at": "2026-03-02T10:00+08:00",
    "customer": "王",
    "received_by": "甲",
}
KINDS = ", ".join(EVENT_NAMES)
NO_RECEIVER = {k: v for k, v in VISIT_JSON.items() if k != "received_by"}

#: (what, call, repr of the error's value, code, English, Chinese)


def _ruled_case(share: Any) -> dict[str, Any]:
    """A case file whose ruling gives 甲 ``share`` (as JSON reads it)."""
    ruling = {
        "type": "ruling",
        "at": "2026-03-03T10:00+08:00",
        "customer": "王",
        "by": "经理",
        "shares": {"salesperson:甲": share},
    }
    return {"customer": "王", "events": [VISIT_JSON, ruling]}


REFUSALS = [
    (
        "a policy name that is not text",
        lambda: policy_named(5),
        "5",
        "realestate.case.policy_named.policy_name",
        "a policy name is text (re11, re12, re14), got 5",
        "制度名称应为文本（re11、re12、re14），收到的是 5",
    ),
    (
        "an unknown policy name",
        lambda: policy_named("re13"),
        "'re13'",
        "realestate.case.policy_named.unknown_policy",
        "unknown policy 're13': use one of re11, re12, re14",
        "未知的制度 're13'：可用 re11、re12、re14",
    ),
    (
        "a case file of a host's own policy",
        lambda: case_to_json(Case(events=[VISIT_EVENT], policy=attrs.evolve(RE12, name="本公司"))),
        "<large AttributionPolicy>",
        "realestate.case.policy_name.policy_host",
        "policy 本公司 is a host's own policy: a case file names only re11, re12, re14",
        "制度 本公司 是使用方自己的制度：案例文件只能指定 re11、re12、re14",
    ),
    (
        "a case whose events are about another customer",
        lambda: case_from_json({"customer": "王", "events": [{**VISIT_JSON, "customer": "李"}]}),
        "'李'",
        "realestate.case.linked.event_about",
        "event 1 is about 李, who is not 王 nor linked to 王 by a household event: a case "
        "file is one customer (or one household)",
        "第 1 个事件关于 李，既不是 王，也没有家庭事件把其与 王 相连：一个案例文件只能是一位客户"
        "（或一个家庭）",
    ),
    (
        "a case of no customer whose events are about two",
        lambda: case_from_json({"events": [VISIT_JSON, {**VISIT_JSON, "customer": "李"}]}),
        "'李'",
        "realestate.case.linked.event_about",
        "event 2 is about 李, who is not 王 nor linked to 王 by a household event: a case "
        "file is one customer (or one household)",
        "第 2 个事件关于 李，既不是 王，也没有家庭事件把其与 王 相连：一个案例文件只能是一位客户"
        "（或一个家庭）",
    ),
    (
        "case_to_json of something else",
        lambda: case_to_json({"events": []}),
        "{'events': []}",
        "realestate.case.case_to_json.expected_case",
        "expected a Case, got {'events': []}",
        "应为 Case，收到的是 {'events': []}",
    ),
    (
        "a number where text is due",
        lambda: case_from_json({"events": [{**VISIT_JSON, "customer": 5}]}),
        "None",
        "realestate.case.case_from_json.event",
        "event 1: visit event, customer: expected text, got a number (5)",
        "第 1 个事件：visit 事件的 customer：应为文本，收到的是 数字（5）",
    ),
    (
        "text where true or false is due",
        lambda: case_from_json({"events": [{**VISIT_JSON, "exhibition": "yes"}]}),
        "None",
        "realestate.case.case_from_json.event",
        "event 1: visit event, exhibition: expected true or false, got text ('yes')",
        "第 1 个事件：visit 事件的 exhibition：应为 true 或 false，收到的是 文本（'yes'）",
    ),
    (
        "an event that is not an object",
        lambda: case_from_json({"events": [5]}),
        "5",
        "realestate.case.case_from_json.event",
        "event 1: an event must be a JSON object, got a number",
        "第 1 个事件：事件必须是 JSON 对象，收到的是 数字",
    ),
    (
        "a case file neither bytes nor text",
        lambda: read_case(5),
        "5",
        "realestate.case.read_case.case_file_bytes_text.2",
        "a case file is bytes or text, got int",
        "案例文件应为字节或文本，收到的是 int",
    ),
    (
        "a case file text too long",
        lambda: read_case(" " * (MAX_CASE_BYTES + 1)),
        "None",
        "realestate.case.read_case.case_file_most_bytes.5",
        "a case file is at most 1,048,576 bytes",
        "案例文件最大 1,048,576 字节",
    ),
    (
        "registrations valid for 0 months",
        lambda: attrs.evolve(RE12, registration_validity_months=0),
        "None",
        "realestate.policy.months.least",
        "registration_validity_months must be at least 1, got 0",
        "registration_validity_months 至少为 1，收到的是 0",
    ),
    (
        "an unknown household rule",
        lambda: attrs.evolve(RE12, household="split_evenly"),
        "'split_evenly'",
        "check.member.unknown_use",
        "unknown household rule 'split_evenly': use one of split, first_wins",
        "未知的家庭规则 'split_evenly'：可用 split、first_wins",
    ),
    (
        "an unknown confirmation cutoff",
        lambda: attrs.evolve(RE12, confirmation_cutoff="evening"),
        "'evening'",
        "check.member.unknown_use",
        "unknown confirmation cutoff 'evening': use one of deal_day, deal",
        "未知的确认截止 'evening'：可用 deal_day、deal",
    ),
    (
        "an unknown forgot rule",
        lambda: attrs.evolve(RE12, forgot="window"),
        "'window'",
        "check.member.unknown_use",
        "unknown forgot rule 'window': use one of recognition_window, records",
        "未知的忘记置业顾问的规则 'window'：可用 recognition_window、records",
    ),
    (
        "a principle that is not text",
        lambda: RE12.cite(5),
        "5",
        "check.text.non_empty",
        "a principle must be non-empty text, got 5",
        "原则必须是非空文本，收到的是 5",
    ),
    (
        "an event with a field missing",
        lambda: case_from_json({"events": [NO_RECEIVER]}),
        "None",
        "realestate.case.case_from_json.event",
        "event 1: visit event: missing field(s) received_by",
        "第 1 个事件：visit 事件：缺少字段 received_by",
    ),
    (
        "too many events",
        lambda: case_from_json({"events": [VISIT_JSON] * (MAX_EVENTS + 1)}),
        "None",
        "realestate.case.case_from_json.case_file_holds",
        "a case file holds at most 10000 events, got 10001",
        "案例文件最多包含 10000 个事件，收到 10001 个",
    ),
    (
        "bytes that are not UTF-8",
        lambda: read_case(b'{"events": [\xff]}'),
        "None",
        "realestate.case.read_case.case_file_utf_text_byte_not_utf_save.4",
        "a case file is UTF-8 text; byte 12 is not UTF-8 (invalid start byte): save it as UTF-8",
        "案例文件应为 UTF-8 文本；第 12 个字节不是 UTF-8（无效的起始字节）：请另存为 UTF-8",
    ),
    (
        "event_to_json of something else",
        lambda: event_to_json({"type": "visit"}),
        "{'type': 'visit'}",
        "realestate.case.event_to_json.expected_custrules",
        "expected a custrules event, got {'type': 'visit'}",
        "应为 custrules 事件，收到的是 {'type': 'visit'}",
    ),
    (
        "a case file's customer that is not text",
        lambda: case_from_json({"customer": 5, "events": [VISIT_JSON]}),
        "5",
        "check.text.non_empty",
        "customer must be non-empty text, got 5",
        "客户必须是非空文本，收到的是 5",
    ),
    (
        "a key twice",
        lambda: read_case(b'{"policy": "re12", "policy": "re14", "events": []}'),
        "'policy'",
        "realestate.case.read_case.key_twice",
        "the key 'policy' is given twice in one object: give each field once",
        "同一个对象中键 'policy' 出现了两次：每个字段只能给一次",
    ),
    (
        "nested seven levels",
        lambda: read_case(b"[[[[[[[]]]]]]]"),
        "None",
        "realestate.case.check_depth.case_file",
        "a case file nests at most 6 levels of lists and objects",
        "案例文件中列表和对象最多嵌套 6 层",
    ),
    (
        "nested six levels is read, and is no case",
        lambda: read_case(b"[[[[[[]]]]]]"),
        "None",
        "realestate.case.case_from_json.case_file_hold",
        "a case file must hold a JSON object, got a list",
        "案例文件必须是一个 JSON 对象，收到的是 列表",
    ),
    (
        "no events",
        lambda: case_from_json({"customer": "王", "events": []}),
        "None",
        "realestate.case.case_from_json.case_file_needs",
        "a case file needs a non-empty list of events",
        "案例文件需要一个非空的事件列表",
    ),
    (
        "an amount that is a JSON number",
        lambda: case_from_json({"customer": "王", "events": [VISIT_JSON], "amount": 5}),
        "5",
        "realestate.case.money_text.amount_money",
        'amount: money is text such as "12345.67", got a number (5): a JSON number may '
        "already have been rounded",
        '金额：应为文本，如 "12345.67"，收到的是 数字（5）：JSON 数字可能已被舍入',
    ),
    (
        "names that are not a list",
        lambda: case_from_json({"customer": "王", "events": [{**VISIT_JSON, "asked_for": 5}]}),
        "None",
        "realestate.case.case_from_json.event",
        "event 1: visit event, asked_for: expected a list of names, got a number",
        "第 1 个事件：visit 事件的 asked_for：应为名字列表，收到的是 数字",
    ),
    (
        "an instant without a zone",
        lambda: case_from_json(
            {"customer": "王", "events": [{**VISIT_JSON, "at": "2026-03-02 10:00"}]}
        ),
        "'2026-03-02 10:00'",
        "realestate.case.case_from_json.event",
        "event 1: visit event, at: the instant: '2026-03-02 10:00' has no time zone: add one, "
        "e.g. 2026-03-02 10:00+08:00 for Beijing time",
        "第 1 个事件：visit 事件的 at：时刻：'2026-03-02 10:00' 没有时区：请加上，如北京时间写作 "
        "2026-03-02 10:00+08:00",
    ),
    (
        "a share that is a JSON number",
        lambda: case_from_json(_ruled_case(1)),
        "None",
        "realestate.case.case_from_json.event",
        'event 2: ruling event, shares: the share of salesperson:甲 must be text such as "1/2" '
        'or "0.3" (exact), got a number (1)',
        '第 2 个事件：ruling 事件的 shares：salesperson:甲 的份额必须是文本，如 "1/2" 或 "0.3"'
        "（精确值），收到的是 数字（1）",
    ),
    (
        "a share that is not a number",
        lambda: case_from_json(_ruled_case("half")),
        "'half'",
        "realestate.case.case_from_json.event",
        "event 2: ruling event, shares: not an exact share: 'half'",
        "第 2 个事件：ruling 事件的 shares：不是精确的份额：'half'",
    ),
    (
        "one event with a field missing",
        lambda: event_from_json(NO_RECEIVER),
        "None",
        "realestate.case.event_from_json.event_missing",
        "visit event: missing field(s) received_by",
        "visit 事件：缺少字段 received_by",
    ),
    (
        "a long unknown event type, shown to its first 40 characters",
        lambda: event_from_json({"type": "v" * 50}),
        "'" + "v" * 50 + "'",
        "realestate.case.event_from_json.unknown_event",
        "unknown event type '" + "v" * 40 + "': use one of " + KINDS,
        "未知的事件类型 '" + "v" * 40 + "'：可用 " + KINDS.replace(", ", "、"),
    ),
]


@pytest.mark.parametrize(
    ("what", "call", "value", "code", "en", "zh"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_the_case_file_and_policy_doors_refuse_word_for_word(
    what: str, call: Any, value: str, code: str, en: str, zh: str
) -> None:
    refusal_row(what, call, value, code, en, zh)


def test_every_event_type_with_every_field_set_round_trips_by_its_json_names() -> None:
    """Each kind of event, every optional field away from its default: written with the
    schema's names (``from``, an enum's value, a share as text) and read back equal."""
    t = "2026-03-02T10:00:00+08:00"
    later = "2026-03-02T18:00:00+08:00"
    docs: list[dict[str, Any]] = [
        {"type": "household", "at": t, "customer": "王", "other": "李", "relation": "child"},
        {
            "type": "referral",
            "at": t,
            "customer": "王",
            "referrer": "小赵",
            "appointment": "2026-03-03",
            "private_contact": False,
        },
        {
            "type": "company_introduction",
            "at": t,
            "customer": "王",
            "by": "刘总",
            "named_salesperson": "甲",
            "arranged_deal": True,
            "after_sales": "salesperson",
            "after_sales_by": "小钱",
        },
        {
            "type": "old_customer_introduction",
            "at": t,
            "customer": "王",
            "old_customer": "李",
            "salesperson": "甲",
            "how": "escorted",
        },
        {
            "type": "visit",
            "at": t,
            "customer": "王",
            "received_by": "乙",
            "previous": "forgot",
            "asked_for": ["甲", "丙"],
            "named_on_entry": True,
            "courtesy_for": "甲",
            "for_discount": True,
            "exhibition": True,
        },
        {
            "type": "registration",
            "at": t,
            "customer": "王",
            "salesperson": "乙",
            "confirmed_at": later,
        },
        {
            "type": "meeting_record",
            "at": later,
            "customer": "王",
            "first": "乙",
            "recorded_by": "经理",
        },
        {
            "type": "referral_confirmation",
            "at": t,
            "customer": "王",
            "referrer": "小赵",
            "confirmed_by": "经理",
        },
        {"type": "recognition", "at": t, "customer": "王", "original": "甲", "by_records": True},
        {
            "type": "switch_request",
            "at": t,
            "customer": "王",
            "from": "甲",
            "to": "乙",
            "fault": "serious",
            "firm": True,
            "permitted": True,
            "incited": True,
            "granted_to": "乙",  # (with permitted, only the one asked for)
        },
        {
            "type": "complaint",
            "at": t,
            "customer": "王",
            "against": "甲",
            "reported_by": "乙",
            "confirmed": True,
        },
        {
            "type": "reallocation",
            "at": t,
            "customer": "王",
            "from": "甲",
            "to": "乙",
            "draw": "第3签",
            "reason": "transfer",
        },
        {"type": "deal", "at": t, "customer": "王", "closed_by": "乙"},
        {"type": "name_change", "at": t, "customer": "王", "new_name": "王二"},
        {
            "type": "dispute",
            "at": t,
            "customer": "王",
            "parties": ["甲", "乙"],
            "outcome": "settled",
            "shares": {"salesperson:甲": "1/4", "salesperson:乙": "3/4"},
        },
        {
            "type": "ruling",
            "at": t,
            "customer": "王",
            "by": "经理",
            "shares": {"salesperson:甲": "1/2", "public_pool": "1/2"},
            "owner": "甲",
            "approved_by": "总监",
            "text": "各半",
        },
    ]
    assert sorted(d["type"] for d in docs) == sorted(EVENT_NAMES)
    for doc in docs:
        event = event_from_json(doc)
        written = event_to_json(event)
        jsonschema.validate({"events": [written]}, CASE_SCHEMA)
        assert written == doc, doc["type"]
        assert event_from_json(written) == event
