"""Two languages for every human-readable text: the catalogue is complete and
current, every explanation renders in Chinese with no English prose left, and
the command line speaks the user's language."""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import re
import string
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrules import (
    CHINA_TZ,
    POLYOLEFIN_STARS,
    RE11,
    RE12,
    RE14,
    CustrulesError,
    UnknownLabelError,
    WorkCalendar,
    assess_review,
    assess_tier,
    attribute,
    complaint_deadline,
    score_visit,
)
from custrules._i18n import (
    N_,
    WITH_LABEL,
    Names,
    Sub,
    _arg,
    fill,
    lang_code,
    lang_from_env,
    tr,
    translated,
)
from custrules.cli import _DEMO, main
from tests import catalogue
from tests.strategies import re_households, re_stories

# -- the catalogue -----------------------------------------------------------------------


def test_the_catalogue_is_current_and_compiled() -> None:
    """The .po holds exactly the code's texts, and the shipped .mo is compiled from it
    (run ``python -m tests.catalogue`` after changing a text)."""
    assert catalogue.po_text(catalogue.merged()) == catalogue.PO.read_bytes()
    assert catalogue.compiled(catalogue.current()) == catalogue.MO.read_bytes()


def _fields(text: str) -> list[str]:
    return sorted(
        (name if name and not name.isdigit() else "#") + (spec or "")
        for _, name, spec, _ in string.Formatter().parse(text)
        if name is not None
    )


def test_every_text_has_a_chinese_translation_with_the_same_fields() -> None:
    messages = [m for m in catalogue.current() if m.id]
    assert len(messages) > 300
    for m in messages:
        assert m.string, f"no Chinese for {m.id!r}"
        assert _fields(m.string) == _fields(m.id), m.id


def test_languages() -> None:
    assert [lang_code(x) for x in ("zh", "zh_CN.UTF-8", "zh-Hans", "ZH", "中文")] == ["zh"] * 5
    assert [lang_code(x) for x in ("en", "en_US.UTF-8", "C", "POSIX")] == ["en"] * 4
    for bad in ("fr", "", None, 3):
        with pytest.raises(UnknownLabelError):
            lang_code(bad)
    assert lang_from_env({}) == "en"
    assert lang_from_env({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert lang_from_env({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    assert lang_from_env({"LANGUAGE": "fr:zh_CN", "LANG": "en_US"}) == "zh"
    assert lang_from_env({"LC_MESSAGES": "C"}) == "en"
    assert tr("working day", "zh") == "工作日"


# -- English prose detector ------------------------------------------------------------------

#: what may stay in Latin letters in a Chinese line: rule IDs, commands and options,
#: identifiers, units of data formats
_ALLOWED = re.compile(
    r"(?:RE1[124]|CMP|CAL|TIER|VIS|RET)-[0-9.()a-z]*"  # rule IDs
    r"|--[a-z-]+|example:[a-z]+|python -m custrules[^\n]*|custrules(?: [a-z]+)*"
    r"|\b(?:JSON|UTF-8|YYYY-MM-DD|HH:MM|tz|holiday-cn|holidays|china|weekdays|re1[124]"
    r"|general|major|quality|service|renown|granted_to|ROW|DATE|END|NAME|[A-Z]{2}(?:-[A-Z]{2})?"
    r"|zh|en|LANGUAGE|LC_ALL|LC_MESSAGES|LANG|America/Los_Angeles|Asia/Shanghai"
    r"|NumPy|numpy|pandas|Dask)\b"
    r"|\b[0-9T:+.-]+\b"
    r"|可用：[a-z、]+"  # the built-in examples' file names
    r"|参数 [a-z_/-]+|参数：[a-z_, /-]+"  # argument names (identifiers)
    r"|'[^']*'"  # what the user typed, quoted
)


def english_prose(text: str, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Words of three Latin letters or more left in a text (after what may stay)."""
    for word in sorted(allowed, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", text)
    return re.findall(r"[A-Za-z]{3,}", _ALLOWED.sub(" ", text))


def test_the_detector_finds_english() -> None:
    assert english_prose("2026-02-14 周六：工作日") == []
    assert english_prose("RE12-7.3: 甲最先登记") == []
    assert english_prose("last day: 2026-02-14") == ["last", "day"]


# -- explanations in Chinese -----------------------------------------------------------------


@settings(max_examples=150)
@given(events=re_stories())
def test_attribution_explanations_have_no_english_in_chinese(events: list) -> None:
    """Every rule the engine can emit (the whole event vocabulary, every policy)."""
    for policy in (RE11, RE12, RE14):
        try:
            result = attribute(events, policy)
        except CustrulesError:  # conflicting records: tested in test_realestate_edges
            continue
        text = result.explain("zh") + "\n" + (result.ruling_text("zh") or "")
        assert english_prose(text) == [], text
        assert result.explain("en") == result.explain()


@settings(max_examples=60)
@given(events=re_households())
def test_household_explanations_have_no_english_in_chinese(events: list) -> None:
    for policy in (RE12, RE14):
        try:
            result = attribute(events, policy)
        except CustrulesError:
            continue
        text = result.explain("zh") + "\n" + (result.ruling_text("zh") or "")
        assert english_prose(text) == [], text


def test_days_deadlines_and_tiers_in_both_languages() -> None:
    cal = WorkCalendar.china(estimate_beyond_horizon=True)
    for day in cal.special_days(datetime(2026, 1, 1).date(), datetime(2027, 12, 31).date()):
        assert english_prose(day.explain("zh")) == [], day.explain("zh")
        assert day.explain("en") == str(day)
    d = complaint_deadline(datetime(2026, 9, 30, 16, tzinfo=CHINA_TZ), "major")
    zh = d.explain("zh", at=datetime(2026, 10, 9, 9, tzinfo=CHINA_TZ))
    assert english_prose(zh) == [], zh
    assert "最后一天：2026-10-10 周六（3 个工作日；收到当日不计入）" in zh
    assert "于 2026-10-09T09:00:00+08:00：按期，剩余 1 个工作日" in zh
    review = assess_review(POLYOLEFIN_STARS, "网拍客户", 3500)
    assert review.explain("zh").splitlines() == [
        "3500 吨，达到三星客户",
        "调整 1 档，由网拍客户到普通客户（依次升降），目标为三星客户",
    ]
    assert review.explain("en").splitlines() == list(review.reasons)
    assert english_prose(assess_tier(POLYOLEFIN_STARS, 0, new_customer=True).explain("zh")) == []


# -- the command line ------------------------------------------------------------------------


def _run(argv: list[str], environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(argv, out=out, environ=environ or {})
    return status, out.getvalue(), err.getvalue()


_EXAMPLES = [step for _, steps in _DEMO for step in steps]


@pytest.mark.parametrize("step", _EXAMPLES)
def test_every_command_line_example_in_chinese(step: str) -> None:
    import shlex

    argv = shlex.split(step)
    status, out, err = _run([*argv, "--lang", "zh"])
    assert status == 0, err
    assert english_prose(out, set(argv)) == [], out
    # the locale says the same as --lang
    assert _run(argv, {"LANG": "zh_CN.UTF-8"})[1] == out
    assert _run([*argv, "--lang", "en"], {"LANG": "zh_CN.UTF-8"})[1] == _run(argv)[1]


def test_the_demo_in_chinese() -> None:
    status, out, _ = _run(["demo", "--lang", "zh"])
    assert status == 0
    assert "== 投诉处理时限（CMP-1、CMP-2、CAL-6） ==" in out
    lines = [line for line in out.splitlines() if not line.startswith("$ python")]
    assert english_prose("\n".join(lines), {"two_star"}) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["workdays", "2026-01-05", "--add", "x"],
        ["workdays", "2026-01-05", "--until", "2026-01-01"],
        ["workdays", "2026-01-05", "--bogus"],
        ["deadline", "2026-01-05T10:00+08:00"],
        ["deadline", "2026-01-05T10:00+08:00", "--severity", "minor"],
        ["deadline", "2026-01-05T10:00+08:00", "--severity", "major", "--extend-to", "5"],
        ["deadline", "2026-01-05T10:00+08:00", "--severity", "major", "--closing-time", "25:00"],
        ["tier", "12", "--table", "tobacco"],
        ["visit", "--quality", "优良", "--service", "不好", "--renown", "知名", "--weight", "x"],
        ["attribute", "example:nope", "--policy", "re12"],
        ["attribute", "/nonexistent.json", "--policy", "re12"],
        ["attribute", "example:spouses"],
        ["calendar", "show", "20x6"],
        ["workdays", "2026-02-14", "--calendar", "weekdays", "--zone", "Mars/Base"],
        [],
    ],
)
def test_bad_input_in_chinese_is_one_chinese_line(argv: list[str]) -> None:
    status, out, err = _run([*argv, "--lang", "zh"] if argv else ["--lang", "zh"])
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert english_prose(err, set(argv)) == [], err
    status_en, _, err_en = _run(argv)
    assert status_en == 2
    assert err_en != err


def test_json_keys_stay_english_and_carry_both_explanations() -> None:
    import json

    status, out, _ = _run(["attribute", "example:spouses", "--policy", "re12", "--json"])
    data = json.loads(out)
    assert status == 0
    assert set(data["steps"][0]) == {"rule", "facts", "facts_zh"}
    assert english_prose(data["steps"][0]["facts_zh"]) == []
    _, out, _ = _run(["deadline", "2026-02-13T10:00+08:00", "--severity", "general", "--json"])
    data = json.loads(out)
    assert set(data["explanation"]) == {"en", "zh"}
    _, out_zh, _ = _run(
        ["deadline", "2026-02-13T10:00+08:00", "--severity", "general", "--json", "--lang", "zh"]
    )
    assert json.loads(out_zh) == data


# -- errors a host can show in its language -------------------------------------------------


def _error(call: object) -> CustrulesError:
    try:
        call()  # type: ignore[operator]
    except CustrulesError as exc:
        return exc
    raise AssertionError("no error")  # pragma: no cover


def test_errors_carry_a_stable_code_and_their_parameters() -> None:
    from datetime import date

    from custrules import ScheduleNotice, assign_tier
    from custrules.periods import parse_date

    bad_date = _error(lambda: parse_date("2026-13-01"))
    assert bad_date.code == "periods.parse_date.not_date"
    assert bad_date.params["a"] == "2026-13-01"
    assert str(bad_date) == bad_date.message_in("en")
    assert (
        bad_date.message_in("zh")
        == "日期：不是日期：'2026-13-01'（请用 YYYY-MM-DD，如 2026-02-14）"
    )

    negative = _error(lambda: assign_tier(POLYOLEFIN_STARS, -5))
    assert (negative.code, negative.value, negative.params["what"]) == (
        "check.volume.cannot_negative",
        -5,
        "volume",
    )
    assert negative.message_in("zh") == "量不能为负，收到的是 -5"

    horizon = _error(lambda: WorkCalendar.china().add_working_days(date(2027, 6, 1), 1))
    assert horizon.code == "horizon"
    assert horizon.params["missing_year"] == 2027
    zh = horizon.message_in("zh")
    assert zh.startswith("2027-06-01 超出本日历的官方放假安排，该安排截至 2026-12-31（holidays ")
    assert "国务院通知 2001-2026）：未安装 2027 年的 CN 放假安排" in zh
    assert "official_through=date(2027, 12, 31)" in zh  # the call to write stays as code
    code_words = {"holidays", "with_notice", "ScheduleNotice", "parse", "text", "notice", "FILE"}
    code_words |= {"with_overrides", "days_off", "working_days", "official_through", "date"}
    code_words |= {"WorkCalendar", "china", "estimate_beyond_horizon", "True"}
    assert english_prose(zh, code_words) == [], zh
    for wrong in (
        lambda: WorkCalendar.china().add_working_days(date(2026, 12, 20), 30),
        lambda: WorkCalendar.china().is_working_day(date(1990, 3, 3)),
        lambda: WorkCalendar.china(estimate_beyond_horizon=True).is_working_day(date(2150, 1, 1)),
    ):
        zh = _error(wrong).message_in("zh")
        assert english_prose(zh, code_words) == [], zh

    notice = _error(lambda: ScheduleNotice.parse("一、元旦：1月1日放假。", year=2027))
    assert notice.params["line"] >= 0
    assert english_prose(notice.message_in("zh")) == [], notice.message_in("zh")


@settings(max_examples=200)
@given(events=re_stories())
def test_every_error_of_the_engine_renders_in_chinese(events: list) -> None:
    """Whatever an error says in English it says in Chinese, from its template."""
    for policy in (RE12, RE14):
        try:
            result = attribute(events, policy)
            if not result.needs_ruling and result.deal is None:
                result.split(__import__("decimal").Decimal("1"))
        except CustrulesError as exc:
            error = exc
        else:
            continue
        assert error.template is not None, error
        assert error.code != error.default_code, error
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", error.code), error.code
        assert english_prose(error.message_in("zh")) == [], error.message_in("zh")


def test_the_docs_listing_in_chinese() -> None:
    status, out, _ = _run(["docs", "--lang", "zh"])
    assert status == 0
    pages = [line.split()[0] for line in out.splitlines()[1:]]
    assert "realestate" in pages
    assert english_prose(out, set(pages)) == [], out


@pytest.mark.parametrize("command", [[], ["workdays"], ["deadline"], ["attribute"], ["docs"]])
def test_help_in_chinese(command: list[str]) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main([*command, "--help", "--lang", "zh"], environ={})
    text = out.getvalue()
    assert text.startswith("用法：custrules")
    # argument names and metavars are identifiers; the sentences are Chinese
    sentences = [line for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]", line)]
    assert len(sentences) >= 3
    assert "show this help message" not in text


def test_error_codes_are_stable_identifiers_each_used_once() -> None:
    """Every code a raise gives is lower-case dotted and names one place."""
    from pathlib import Path

    source = Path(catalogue.PACKAGE)
    codes = [
        code
        for path in source.rglob("*.py")
        for code in re.findall(r'code="([^"]+)"', path.read_text(encoding="utf-8"))
    ]
    assert len(codes) > 250
    for code in codes:
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", code), code
    assert len(set(codes)) == len(codes), sorted(c for c in codes if codes.count(c) > 1)


def test_a_notice_that_disagrees_says_so_in_chinese() -> None:
    """CAL-7: the days a notice and a calendar disagree on are named in Chinese too."""
    from custrules import ScheduleNotice
    from tests.test_notice import CHINA, NOTICE_2026

    wrong_text = NOTICE_2026.replace("5月9日（周六）上班。", "")
    installed = _error(lambda: ScheduleNotice.parse(wrong_text))
    assert "2026-05-09 为休息日，但已安装的安排" in installed.message_in("zh")
    wrong = ScheduleNotice.parse(wrong_text, check_installed=False)
    covered = _error(lambda: CHINA.with_notice(wrong))
    assert "2026-05-09 为休息日；此日历为工作日" in covered.message_in("zh")
    for error in (installed, covered):
        assert english_prose(error.message_in("zh")) == [], error.message_in("zh")


# -- Chinese typesetting of filled-in values -----------------------------------------------


def test_a_latin_value_beside_chinese_is_set_off_by_a_space() -> None:
    # a field name the library shows as given, and a salesperson's Latin name
    assert fill("{what}必须是整数", "zh", what="n") == "n 必须是整数"
    assert fill("由{}持有；{}最先接待", "zh", "Zhang", "甲") == "由 Zhang 持有；甲最先接待"
    assert translated(N_("one household held by {}"), "zh", "Li") == "同一家庭由 Li 持有"
    assert translated(N_("one household held by {}"), "en", "Li") == "one household held by Li"
    # numbers stay as the text has them (2026年3月 is one word), as do punctuation,
    # Chinese values, English, and Latin letters the template itself holds
    assert fill("{}年{}月", "zh", 2026, 3) == "2026年3月"
    assert fill("{}（{}）", "zh", "ab", "cd") == "ab（cd）"
    assert fill("依RE12{}", "zh", "甲") == "依RE12甲"
    assert fill("{what}must", "en", what="n") == "nmust"
    assert fill("{0}{0}{1!r:.3}", "zh", "中", "abcdef") == "中中'ab"


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E20)
_PIECE = st.text(st.one_of(_CJK, st.sampled_from("aZ19 ，（）")), max_size=4)


@given(st.lists(st.tuples(_PIECE, _PIECE), max_size=5), _PIECE)
def test_filling_in_chinese_only_adds_spaces_where_latin_meets_chinese(
    parts: list[tuple[str, str]], tail: str
) -> None:
    template = "".join(lit.replace("{", "").replace("}", "") + "{}" for lit, _ in parts) + tail
    values = [v for _, v in parts]
    plain = template.format(*values)
    filled = fill(template, "zh", *values)
    assert fill(template, "en", *values) == plain
    assert filled.replace(" ", "") == plain.replace(" ", "")
    # walking both: every character added is a space between a Latin letter and a
    # Chinese character
    k = 0
    for i, c in enumerate(filled):
        if k < len(plain) and c == plain[k]:
            k += 1
            continue
        assert c == " "
        pair = {_kind(filled[i - 1]), _kind(filled[i + 1])}
        assert pair == {"latin", "cjk"}, (filled, plain)
    assert k == len(plain)
    if not any(c.isascii() and c.isalpha() for c in plain):
        assert filled == plain


def _kind(c: str) -> str:
    if c.isascii() and c.isalpha():
        return "latin"
    return "cjk" if "\u4e00" <= c <= "\u9fff" else "other"


def test_lists_in_chinese_take_the_enumeration_comma_and_params_stay_text() -> None:
    with pytest.raises(CustrulesError) as caught:
        score_visit(quality="很好", service="优良", renown="知名")
    error = caught.value
    listed = error.params["a"]
    # a host reads plain text, as before; its Chinese reader sees 、
    assert listed == "非常优良, 优良, 良好, 一般, 合格, 不合格"
    assert json.loads(json.dumps(error.params, ensure_ascii=False))["a"] == listed
    assert error.message_in("zh").endswith("可用 非常优良、优良、良好、一般、合格、不合格")
    assert error.message_in("en") == str(error)
    again = pickle.loads(pickle.dumps(error))
    assert again.message_in("zh") == error.message_in("zh")
    # items that hold 、 or ， themselves are set apart by ；
    assert _arg(Names(["甲，乙", "丙"]), "zh") == "甲，乙；丙"
    assert _arg(Names(["甲，乙", "丙"]), "en") == "甲，乙, 丙"
    assert (
        _arg(Names([Sub((WITH_LABEL, ("one_star", "一星客户")))]), "zh") == "one_star（一星客户）"
    )
