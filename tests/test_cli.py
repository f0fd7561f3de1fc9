"""The command line: human and JSON output, exit status 2 on bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import pytest

from custrules.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_workdays_explains_a_day() -> None:
    status, text = run("workdays", "2026-02-14")
    assert status == 0
    assert "working day, make-up working day (调休上班)" in text


def test_workdays_add_lists_what_it_skipped() -> None:
    status, text = run("workdays", "2026-02-13", "--add", "3")
    assert status == 0
    assert text.splitlines()[0] == "2026-02-13 Fri + 3 working days = 2026-02-25 Wed"
    assert "2026-02-20 Fri: day off, bridge day off" in text


def test_workdays_json() -> None:
    status, text = run("workdays", "2026-09-30", "--until", "2026-10-10", "--json")
    assert status == 0
    data = json.loads(text)
    assert data["working_days"] == 3  # Oct 8, Oct 9, Saturday Oct 10
    assert data["calendar"]["name"] == "CN"
    kinds = {d["date"]: d["kind"] for d in data["special_days"]}
    assert kinds["2026-10-10"] == "makeup_workday"
    assert kinds["2026-10-06"] == "bridge_day"


def test_workdays_going_back_and_other_calendars() -> None:
    _, text = run("workdays", "2026-02-25", "--add", "-3")
    assert "= 2026-02-13 Fri" in text
    assert "2026-02-25" not in text.splitlines()[-1]
    _, text = run("workdays", "2026-07-03", "--calendar", "US-CA")
    assert "day off" in text
    _, text = run("workdays", "2026-10-01", "--calendar", "weekdays")
    assert "working day" in text


def test_workdays_estimate_is_labelled(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("workdays", "2026-12-31", "--add", "400")
    assert status == 2
    assert "--estimate" in capsys.readouterr().err
    status, text = run("workdays", "2026-12-31", "--add", "400", "--estimate")
    assert status == 0
    assert "[estimate]" in text.splitlines()[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["workdays", "2026-13-01"],
        ["workdays", "tomorrow"],
        ["workdays", "2026-01-05", "--add", "x"],
        ["workdays", "2026-01-05", "--calendar", "XX"],
        ["workdays", "1999-01-05"],
        ["nonsense"],
        [],
    ],
)
def test_bad_input_is_status_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(*argv)
    assert status == 2
    assert out == ""
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("custrules")


def test_demo_runs_every_step() -> None:
    status, text = run("demo")
    assert status == 0
    assert text.count("$ python -m custrules") >= 18
    assert "extended to 7 working days, approved by 王经理" in text


def test_demo_json_steps_are_json() -> None:
    status, text = run("demo", "--json")
    assert status == 0
    for block in text.split("$ python -m custrules ")[1:]:
        json.loads(block.split("\n", 1)[1])


def test_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "custrules", "workdays", "2026-02-14", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["day"]["working"] is True


def test_deadline_human() -> None:
    status, text = run("deadline", "2026-09-30T16:00+08:00", "--severity", "major")
    assert status == 0
    assert "last day: 2026-10-10 Sat (3 working days" in text
    assert "2026-10-07 Wed: day off, bridge day off" in text
    assert "rules: CMP-1, CAL-5, CAL-6" in text


def test_deadline_json_with_extension_and_status() -> None:
    status, text = run(
        "deadline",
        "2026-09-28T09:00+08:00",
        "--severity",
        "major",
        "--extend-to",
        "7",
        "--approved-by",
        "王经理",
        "--approved-by",
        "李总",
        "--approved-at",
        "2026-09-30T09:00+08:00",
        "--at",
        "2026-10-14T09:00+08:00",
        "--json",
    )
    assert status == 0
    data = json.loads(text)
    assert data["last_day"] == "2026-10-13"
    assert data["extended_by"] == ["王经理", "李总"]
    assert data["status"]["standing"] == "overdue"
    assert data["status"]["working_days_left"] == -1


def test_deadline_reads_the_zone_and_closing_time() -> None:
    _, text = run(
        "deadline",
        "2026-01-03T17:00Z",
        "--severity",
        "general",
        "--closing-time",
        "17:30",
        "--json",
    )
    data = json.loads(text)
    assert data["received_day"] == "2026-01-04"
    assert data["due"] == "2026-01-05T17:30:00+08:00"


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-02-13T10:00", "--severity", "general"],  # no zone
        ["deadline", "2026-02-13T10:00+08:00", "--severity", "urgent"],
        ["deadline", "2026-02-13T10:00+08:00"],
        ["deadline", "2026-02-13T10:00+08:00", "--severity", "general", "--closing-time", "5pm"],
        ["deadline", "2026-09-28T09:00+08:00", "--severity", "major", "--extend-to", "5"],
        [
            "deadline",
            "2026-09-28T09:00+08:00",
            "--severity",
            "major",
            "--extend-to",
            "9",
            "--approved-by",
            "王经理",
            "--approved-at",
            "2026-09-28T10:00+08:00",
        ],
        [
            "deadline",
            "2026-09-28T09:00+08:00",
            "--severity",
            "major",
            "--at",
            "2026-09-27T09:00+08:00",
        ],
        ["deadline", "2026-12-31T09:00+08:00", "--severity", "major"],
    ],
)
def test_deadline_bad_input(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(*argv)
    assert status == 2
    assert out == ""
    assert capsys.readouterr().err.count("\n") == 1


def test_a_zone_for_the_china_calendar_is_refused_not_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """China's calendar reads instants in Beijing time: a --zone beside it would be
    dropped without a word, so it is refused."""
    argv = ["deadline", "2026-09-28T09:00+08:00", "--severity", "major", "--zone", "Asia/Tokyo"]
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == (
        "custrules deadline: --zone is for calendars other than china: China's calendar "
        "reads every instant in Beijing time (CAL-6)\n"
    )
    status, text = run(*argv[:4], "--calendar", "US", "--zone", "Asia/Tokyo", "--json")
    assert status == 0
    assert json.loads(text)["received_day"] == "2026-09-28"


def test_tier_assign_and_review() -> None:
    status, text = run("tier", "2500")
    assert status == 0
    assert text.startswith("二星客户 (two_star)")
    _, text = run("tier", "3500", "--current", "网拍客户", "--json")
    data = json.loads(text)
    assert (data["tier"]["label"], data["earned"]["label"], data["moved"]) == (
        "普通客户",
        "三星客户",
        1,
    )
    _, text = run("tier", "0", "--new")
    assert text.startswith("网拍客户")
    _, text = run("tier", "12", "--table", "tobacco", "--bounds", "20,16,10,8,6,4,2,0")
    assert text.startswith("三档")


@pytest.mark.parametrize(
    "argv",
    [
        ["tier", "-5"],
        ["tier", "abc"],
        ["tier", "NaN"],
        ["tier", "100", "--current", "四星客户"],
        ["tier", "12", "--table", "tobacco"],
        ["tier", "12", "--table", "tobacco", "--bounds", "20,16,10"],
        ["visit", "--quality", "好", "--service", "一般", "--renown", "知名"],
        ["visit", "--quality", "优良", "--service", "一般"],
        ["visit", "--quality", "优良", "--service", "一般", "--renown", "知名", "--weight", "q"],
    ],
)
def test_tier_and_visit_bad_input(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(*argv)
    assert status == 2
    assert out == ""
    assert capsys.readouterr().err.count("\n") == 1


def test_visit_scores() -> None:
    status, text = run("visit", "--quality", "优良", "--service", "不好", "--renown", "知名")
    assert status == 0
    assert "total (mean, VIS-3): 190/3 (= 63.33)" in text
    _, text = run(
        "visit", "--quality", "非常優良", "--service", "惡劣", "--renown", "不知道", "--json"
    )
    data = json.loads(text)
    assert data["rows"]["service"] == {"label": "恶劣", "points": 0}
    assert data["total"] == "50"


def test_attribute_built_in_examples() -> None:
    status, text = run("attribute", "example:spouses", "--policy", "re12")
    assert status == 0
    assert "salesperson:甲: 1/2  150000.00" in text
    assert "RE12-7.4" in text
    _, text = run("attribute", "example:spouses", "--policy", "re14", "--json")
    data = json.loads(text)
    assert data["shares"] == {"salesperson:甲": "1"}
    assert "RE14-5.3(11)" in data["rules"]
    _, text = run(
        "attribute", "example:referral", "--policy", "re12", "--amount", "1000", "--json"
    )
    data = json.loads(text)
    assert data["split"] == {"salesperson:丙": "700.00", "referrer:小赵(财务部)": "300.00"}


def test_attribute_a_case_file(tmp_path: Any) -> None:
    case = {
        "customer": "王先生",
        "events": [
            {"type": "visit", "at": "2026-03-02T10:00+08:00", "received_by": "甲"},
            {"type": "registration", "at": "2026-03-02T10:00+08:00", "salesperson": "甲"},
            {"type": "deal", "at": "2026-03-05T10:00+08:00", "closed_by": "甲"},
        ],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    status, text = run("attribute", str(path), "--policy", "re14", "--amount", "100.00")
    assert status == 0
    assert "salesperson:甲: 1  100.00" in text
    # RE12 needs the project manager's confirmation: nobody has a valid claim
    _, text = run("attribute", str(path), "--policy", "re12")
    assert "salesperson:甲" in text  # 甲 closed the deal with no valid claim against it


@pytest.mark.parametrize(
    "argv",
    [
        ["attribute", "/no/such/case.json", "--policy", "re12"],
        ["attribute", "example:nothing", "--policy", "re12"],
        ["attribute", "example:spouses"],
        ["attribute", "example:spouses", "--policy", "re13"],
        ["attribute", "example:spouses", "--policy", "re12", "--amount", "12.345"],
    ],
)
def test_attribute_bad_input(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(*argv)
    assert status == 2
    assert out == ""
    assert capsys.readouterr().err.count("\n") == 1


def test_an_amount_with_a_fraction_of_a_cent_is_told_to_be_written_to_the_cent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command line has no rounding option: its advice is not the Python API's."""
    argv = ["attribute", "example:spouses", "--policy", "re12", "--amount", "12.345"]
    assert run(*argv)[0] == 2
    assert capsys.readouterr().err == (
        "custrules attribute: argument --amount: the amount 12.345 has fractions of a cent: "
        "write it to the cent (at most two decimal places, e.g. 12345.67)\n"
    )
    assert run("--lang", "zh", *argv)[0] == 2
    assert "金额 12.345 有不足一分的部分：请写到分" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("not json", "not valid JSON"),
        ('{"events": []}', "non-empty list"),
        ('{"events": [{"type": "teleport", "at": "2026-03-02T10:00+08:00"}]}', "unknown event"),
        (
            '{"events": [{"type": "visit", "at": "2026-03-02T10:00", "customer": "x", '
            '"received_by": "甲"}]}',
            "no time zone",
        ),
        (
            '{"events": [{"type": "visit", "at": "2026-03-02T10:00+08:00", "customer": "x", '
            '"received_by": "甲", "mood": "happy"}]}',
            "unknown field",
        ),
        (
            '{"customer": "x", "events": [{"type": "deal", "at": "2026-03-02T10:00+08:00", '
            '"closed_by": "甲"}]}',
            "before any visit",
        ),
        (
            '{"customer": "x", "events": [{"type": "ruling", "at": "2026-03-02T10:00+08:00", '
            '"by": "经理", "shares": {"salesperson:甲": "1/2"}}]}',
            "sum to exactly 1",
        ),
    ],
)
def test_attribute_bad_case_files(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], content: str, match: str
) -> None:
    path = tmp_path / "case.json"
    path.write_text(content, encoding="utf-8")
    status, _ = run("attribute", str(path), "--policy", "re12")
    assert status == 2
    assert match in capsys.readouterr().err


# -- calendar: notices (CAL-7, CAL-8) ------------------------------------------------------------

from pathlib import Path  # noqa: E402

NOTICE_FILE = str(Path(__file__).parent / "data" / "notice-2027.txt")


def test_calendar_notice_checks_and_lists_the_year() -> None:
    status, text = run("calendar", "notice", NOTICE_FILE)
    assert status == 0
    assert text.startswith("2027: 27 days off, 4 make-up working days; checked")
    assert "2027-02-09 Tue  春节: bridge day off (调休放假)" in text
    assert "2027-02-20 Sat  春节: make-up working day (调休上班)" in text
    status, text = run("calendar", "notice", NOTICE_FILE, "--json")
    data = json.loads(text)
    assert data["year"] == 2027
    assert data["holiday_cn"]["days"][0] == {
        "name": "元旦",
        "date": "2027-01-01",
        "isOffDay": True,
    }


def test_notice_moves_the_horizon_on_workdays_and_deadline() -> None:
    status, text = run("workdays", "2026-12-31", "--add", "1", "--notice", NOTICE_FILE)
    assert status == 0
    assert text.splitlines()[0] == "2026-12-31 Thu + 1 working day = 2027-01-04 Mon"
    status, text = run(
        "deadline", "2026-12-31T16:00+08:00", "--severity", "general", "--notice", NOTICE_FILE
    )
    assert status == 0
    assert "last day: 2027-01-04 Mon" in text
    status, text = run("calendar", "show", "2027", "--notice", NOTICE_FILE)
    assert "2027-02-08 Mon: day off, public holiday (法定节假日): 春节 [statutory]" in text


def test_calendar_show_covers_the_first_year_of_the_data_and_its_new_year() -> None:
    """The first year the calendar covers is shown (31 December before it is not in
    the data), and 1 January is listed like any other day off."""
    from tests.strategies import CHINA

    first = CHINA.first_day
    assert first is not None
    status, text = run("calendar", "show", str(first.year), "--json")
    assert status == 0
    days = json.loads(text)["special_days"]
    assert days[0]["date"] == first.isoformat()
    assert days[0]["statutory"] is True
    status, text = run("calendar", "show", "2026", "--json")
    listed = [d["date"] for d in json.loads(text)["special_days"]]
    assert listed[:3] == ["2026-01-01", "2026-01-02", "2026-01-04"]
    assert listed[-2:] == ["2026-10-07", "2026-10-10"]  # the last break, its make-up day
    status, text = run("calendar", "show", "2026", "--calendar", "weekdays", "--json")
    assert (status, json.loads(text)["special_days"]) == (0, [])


@pytest.mark.parametrize("year", ["0000", "0001", "1899", "2200", "9999", "20261", "２０２６"])
def test_calendar_show_refuses_years_outside_custrules_dates(
    year: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("calendar", "show", year) == (2, "")
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("custrules calendar show: argument year: ")


def test_calendar_show_names_the_range_of_years(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("calendar", "show", "0000")[0] == 2
    assert capsys.readouterr().err == (
        "custrules calendar show: argument year: the year must be a year from 1900 to 2199, "
        "got 0\n"
    )


def test_a_bad_notice_is_one_line_naming_the_line(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    text = Path(NOTICE_FILE).read_text(encoding="utf-8").replace("至3日（周日）", "至3日（周六）")
    bad.write_text(text, encoding="utf-8")
    status, _ = run("calendar", "notice", str(bad))
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "line 2: 2027-01-03 is a Sunday (周日), but the notice says 周六" in err
    status, _ = run("workdays", "2027-01-04", "--calendar", "CN")
    assert status == 2
    assert "--notice FILE" in capsys.readouterr().err


def test_docs_lists_and_prints_the_pages(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run("docs")
    assert status == 0
    assert "realestate   Real estate: who owns a customer" in text
    status, text = run("docs", "languages")
    assert status == 0
    assert text.startswith("# Languages: every text in Chinese and English")
    status, text = run("docs", "nope")
    assert (status, text) == (2, "")
    assert "no page 'nope'; the pages are calendar, complaints" in capsys.readouterr().err
