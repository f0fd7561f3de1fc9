"""CAL-7 and CAL-8: the annual State Council notice, and the law's statutory days.

The notices here are written from the facts (the dates of each year's
schedule), one per style the notices have used; those for years the installed
data covers are checked against it by the parser itself.  Notices that must
fail one check are written for 2027, a year the data does not cover, so the
agreement check cannot hide the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custrules import (
    CalendarHorizonError,
    DayKind,
    InvalidInputError,
    NoticeError,
    ScheduleNotice,
    WorkCalendar,
    statutory_days,
)
from custrules.notice import NoticeEntry, next_years_days
from tests.pinning import refusal

CHINA = WorkCalendar.china()
D = dt.date

NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""

#: 星期 weekdays, a range end with its year, a range end with its month, one day
#: (共1天), two holidays on one line
NOTICE_2023 = """国务院办公厅关于2023年部分节假日安排的通知
一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
三、清明节：4月5日放假，共1天。
四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
"""

#: a hypothetical notice for the year after the installed data
#: the 2019 notice as published in December 2018, with Labour Day as amended in March 2019
NOTICE_2019 = """国务院办公厅关于2019年部分节假日安排的通知
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
三、清明节：4月5日放假，与周末连休。
四、劳动节：5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。
五、端午节：6月7日放假，与周末连休。
六、中秋节：9月13日放假，与周末连休。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
"""

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""


def installed(year: int) -> ScheduleNotice:
    return ScheduleNotice.from_calendar(CHINA, year)


def with_line(year: int, name: str, line: str) -> str:
    """The installed schedule of ``year`` as a notice, one holiday's line rewritten."""
    lines = installed(year).render().splitlines()
    out = [line if f"、{name}：" in row else row for row in lines]
    assert out != lines, name
    return "\n".join(out)


# -- CAL-8: the law's days ------------------------------------------------------------------


def test_cal8_statutory_days_by_the_measures_versions() -> None:
    from custrules.notice import _statutory

    _statutory.cache_clear()  # computed here, not taken from an earlier test's cache
    assert len(statutory_days(2007)) == 10  # 2000 version: SF 1st-3rd, 1-3 May
    assert D(2007, 5, 3) in statutory_days(2007)
    assert len(statutory_days(2008)) == 11  # 2008: Qingming, Dragon Boat, Mid-Autumn; eve
    assert D(2008, 2, 6) in statutory_days(2008)  # New Year's Eve (除夕) of 2008
    assert len(statutory_days(2014)) == 11  # 2014: the Spring Festival's 1st-3rd again
    assert D(2014, 1, 30) not in statutory_days(2014)  # the eve no longer
    assert len(statutory_days(2025)) == 13  # 2025: eve and 1st-3rd, 1-2 May
    assert {D(2025, 1, 28), D(2025, 5, 2)} <= statutory_days(2025)


@pytest.mark.parametrize("year", range(2001, 2027))
def test_cal8_statutory_days_are_days_off_in_the_installed_data(year: int) -> None:
    for day in statutory_days(year):
        assert not CHINA.is_working_day(day), day
        assert CHINA.explain(day).statutory is True
    bridge = [
        d for d, i in ((d, CHINA.explain(d)) for d in _days(year)) if i.kind.value == "bridge_day"
    ]
    for day in bridge:
        assert CHINA.explain(day).statutory is False


def test_cal8_statutory_is_none_off_china_and_outside_the_years() -> None:
    assert WorkCalendar.weekdays().explain(D(2026, 1, 1)).statutory is None
    with pytest.raises(InvalidInputError, match="2000-2099"):
        statutory_days(1999)
    with pytest.raises(InvalidInputError, match="2000-2099"):
        statutory_days(2100)


def _days(year: int) -> list[dt.date]:
    day, out = D(year, 1, 1), []
    while day.year == year:
        out.append(day)
        day += dt.timedelta(days=1)
    return out


# -- CAL-7: the round trip through every installed year ----------------------------------------


@pytest.mark.parametrize("year", range(2008, 2027))
def test_cal7_installed_data_round_trips_through_holiday_cn_and_the_notice(year: int) -> None:
    notice = installed(year)
    via_json = ScheduleNotice.from_holiday_cn(notice.to_holiday_cn())
    assert via_json == notice
    again = ScheduleNotice.parse(via_json.render())  # checks it against the data too
    assert again == notice
    later = next_years_days(CHINA, year)  # the next notice's late-December days
    for day in [d for d in _days(year) if d not in later]:
        says_off = day in again.days_off or (day.weekday() >= 5 and day not in again.working_days)
        assert says_off is not CHINA.is_working_day(day), day


# -- CAL-7: each style, checked against the installed data -------------------------------------


def test_cal7_the_2026_notice_as_published() -> None:
    assert ScheduleNotice.parse(NOTICE_2026) == installed(2026)


def test_cal7_weekdays_as_xingqi_years_and_months_on_range_ends_combined_lines() -> None:
    notice = ScheduleNotice.parse(NOTICE_2023)
    assert notice == installed(2023)
    assert D(2022, 12, 31) in notice.days_off
    assert notice.entries[-1].names == ("中秋节", "国庆节")


def test_cal7_a_day_in_lieu() -> None:
    text = with_line(2017, "元旦", "一、元旦：1月1日放假，1月2日（星期一）补休。")
    notice = ScheduleNotice.parse(text)
    assert {D(2016, 12, 31), D(2017, 1, 1), D(2017, 1, 2)} <= notice.days_off
    assert notice == installed(2017)


def test_cal7_joined_to_the_weekend() -> None:
    text = with_line(2024, "元旦", "一、元旦：1月1日放假，与周末连休。")
    notice = ScheduleNotice.parse(text)
    assert {D(2023, 12, 30), D(2023, 12, 31), D(2024, 1, 1)} <= notice.days_off
    assert notice == installed(2024)


def test_cal7_one_day_without_a_swap() -> None:
    text = with_line(2025, "元旦", "一、元旦：1月1日（周三）放假1天，不调休。")
    assert ScheduleNotice.parse(text) == installed(2025)


def test_cal7_full_width_or_ascii_punctuation_simplified_or_traditional() -> None:
    traditional = (
        NOTICE_2026.replace("国务院办公厅关于", "國務院辦公廳關於")
        .replace("节假日", "節假日")
        .replace("调休", "調休")
        .replace("劳动节", "勞動節")
        .replace("国庆节", "國慶節")
        .replace("春节", "春節")
        .replace("农历腊月", "農曆臘月")
        .replace("周", "週")
    )
    ascii_text = (
        NOTICE_2026.replace("：", ":").replace("（", "(").replace("）", ")").replace("，", ",")
    )
    assert ScheduleNotice.parse(traditional) == installed(2026)
    assert ScheduleNotice.parse(ascii_text) == installed(2026)
    assert ScheduleNotice.parse(NOTICE_2026.replace("周", "星期")) == installed(2026)


def test_cal7_render_writes_the_notices_wording() -> None:
    text = installed(2026).render()
    assert text.splitlines()[0] == "国务院办公厅关于2026年部分节假日安排的通知"
    assert "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。" in text
    assert "2月14日（周六）、2月28日（周六）上班。" in text


# -- CAL-7: each check, one notice failing it and only it ---------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "match", "line"),
    [
        (
            "1月1日（周五）至3日（周日）",
            "1月1日（周四）至3日（周日）",
            r"2027-01-01 is a Friday \(周五\)",
            2,
        ),
        (
            "放假，共3天。\n二",
            "放假，共4天。\n二",
            "共4天, but 2027-01-01 to 2027-01-03 is 3 days",
            2,
        ),
        ("2月20日（周六）上班", "2月19日（周五）上班", "only a Saturday or Sunday", 3),
        ("2月20日（周六）上班", "2月6日（周六）上班", "both a day off and a make-up", 3),
        ("五、端午节：6月9日（周三）放假，共1天。\n", "", "端午节's statutory day 2027-06-09", 0),
        ("1月1日（周五）至3日（周日）", "1月1日（周五）至33日（周日）", "no such date", 2),
        ("五、端午节：6月9日（周三）放假", "五、端午节：6月9日（周三）休息", "cannot read", 6),
    ],
)
def test_cal7_each_check_names_the_faulty_line(old: str, new: str, match: str, line: int) -> None:
    assert old in NOTICE_2027
    with pytest.raises(NoticeError, match=match) as caught:
        ScheduleNotice.parse(NOTICE_2027.replace(old, new))
    assert caught.value.line == line  # the faulty line (1 is the title; 0: the whole notice)


def test_cal7_a_notice_that_disagrees_with_the_installed_data() -> None:
    wrong = NOTICE_2026.replace("5月9日（周六）上班。", "")
    with pytest.raises(NoticeError, match="2026-05-09 a day off, but the installed"):
        ScheduleNotice.parse(wrong)


def test_cal7_a_day_of_the_year_before_that_disagrees_with_the_installed_data() -> None:
    """The check covers the days a notice names in a neighbouring year too (here a
    make-up working day in December 2022 that the 2022 schedule does not have)."""
    head = "二、春节"
    assert NOTICE_2023.count(head) == 1
    wrong = NOTICE_2023.replace(head, "2022年12月25日（星期日）上班。\n" + head)
    wrong = wrong.replace("共3天。\n2022年", "共3天。2022年")
    with pytest.raises(NoticeError, match="makes 2022-12-25 a working day, but the installed"):
        ScheduleNotice.parse(wrong)


def test_cal7_the_year() -> None:
    body = NOTICE_2027.split("\n", 1)[1]
    assert ScheduleNotice.parse(body, year=2027) == ScheduleNotice.parse(NOTICE_2027)
    with pytest.raises(NoticeError, match="contradicts the title"):
        ScheduleNotice.parse(NOTICE_2027, year=2028)
    with pytest.raises(NoticeError, match="no year"):
        ScheduleNotice.parse(body)
    refusal(
        lambda: ScheduleNotice.parse("国务院办公厅关于2027年部分节假日安排的通知\n"),
        "notice.schedulenotice.parse.no_numbered",
        "line 1: no numbered holiday line (一、元旦: ...) was found",
        "第 1 行：没有找到带编号的节假日行（一、元旦：……）",
    )
    refusal(
        lambda: ScheduleNotice.parse(
            "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：2027年1月1日（周六）放假。",
            check_installed=False,
        ),
        "notice.date.but_notice",
        "line 2: 2027-01-01 is a Friday (周五), but the notice says 周六",
        "第 2 行：2027-01-01 是 周五，但通知写的是 周六",
    )


# -- the calendar: next year in one line --------------------------------------------------


def test_with_notice_moves_the_horizon_and_crosses_new_year() -> None:
    notice = ScheduleNotice.parse(NOTICE_2027)
    with pytest.raises(CalendarHorizonError):
        CHINA.add_working_days(D(2026, 12, 31), 1)
    cal = CHINA.with_notice(notice)
    assert cal.official_through == D(2027, 12, 31)
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.is_working_day(D(2027, 2, 20))  # the make-up Saturday
    assert cal.explain(D(2027, 2, 10)).kind.value == "bridge_day"
    assert cal.explain(D(2027, 2, 6)).statutory is True
    assert cal.explain(D(2027, 2, 20)).kind.value == "makeup_workday"
    assert cal.zone == CHINA.zone  # still read in Beijing time
    for entry in notice.entries:  # every day the notice names is as it says
        for day in entry.days_off:
            assert cal.is_working_day(day) is False, day
        for day in entry.working_days:
            assert cal.is_working_day(day) is True, day


@pytest.mark.parametrize(
    ("year", "december"),
    [(2006, [D(2005, 12, 31)]), (2012, [D(2011, 12, 31)]), (2019, [D(2018, 12, 29)])],
)
def test_cal7_late_december_make_up_days_belong_to_the_next_notice(
    year: int, december: list[dt.date]
) -> None:
    """Make-up days worked in late December for the next New Year are published in the
    next year's notice, on its New Year line (the 2019 notice: "2018年12月29日（星期六）
    上班"), not on this year's National Day line; a make-up day may pay for any day of
    the New Year break (2005-12-31 was worked for 3 January 2006)."""
    this, before = installed(year), installed(year - 1)
    assert this.entries[0].names == ("元旦",)
    assert list(this.entries[0].working_days) == december
    assert not set(december) & before.working_days
    assert set(december) <= next_years_days(CHINA, year - 1)
    line = this.render().splitlines()[2]
    assert f"{december[0].year}年12月{december[0].day}日" in line
    assert ScheduleNotice.parse(this.render()) == this
    assert ScheduleNotice.from_holiday_cn(this.to_holiday_cn()) == this


def test_cal7_the_2019_notice_with_its_december_make_up_day() -> None:
    """The 2019 notice schedules 2018-12-29 (a Saturday of the year before) as a make-up
    day for its New Year break; read from the text or from the installed data, it is
    the same notice."""
    notice = ScheduleNotice.parse(NOTICE_2019)
    assert notice == installed(2019)
    assert D(2018, 12, 29) in notice.working_days
    assert notice.entries[0].working_days == (D(2018, 12, 29),)


def test_a_notice_read_back_from_the_calendar_it_made() -> None:
    """A calendar extended with a notice gives that notice back: the same days, the same
    holiday names, each make-up day on its holiday's line (notice days carry no swap, so
    each goes to the nearest break), and the notice's wording line by line."""
    notice = ScheduleNotice.parse(NOTICE_2027)
    back = ScheduleNotice.from_calendar(CHINA.with_notice(notice), 2027)
    assert back == notice
    assert [(e.names, e.working_days) for e in back.entries] == [
        (e.names, e.working_days) for e in notice.entries
    ]
    assert back.render().splitlines()[2:] == NOTICE_2027.strip().splitlines()[1:]
    combined = ScheduleNotice.parse(NOTICE_2023).render().splitlines()[-1]
    assert combined == (
        "六、中秋节、国庆节：9月29日（周五）至10月6日（周五）放假调休，共8天。"
        "10月7日（周六）、10月8日（周日）上班。"
    )


def test_days_past_the_installed_data_have_their_kinds() -> None:
    """CAL-8 past the horizon: a day in lieu of a weekend holiday (补休) is a holiday's
    day off, not a bridge day; the law's days are statutory holidays by name when a
    host extends the horizon with overrides alone; and the law's names hold to the
    last year of the lunar tables (2099) on the estimate."""
    labour = "四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。"
    assert labour in NOTICE_2027
    text = NOTICE_2027.replace(labour, "四、劳动节：5月1日放假，5月3日（星期一）补休。")
    cal = CHINA.with_notice(ScheduleNotice.parse(text))
    in_lieu = cal.explain(D(2027, 5, 3))
    assert (in_lieu.working, in_lieu.kind, in_lieu.statutory) == (False, DayKind.HOLIDAY, False)
    assert in_lieu.describe("en") == "day off in lieu or by special notice: 劳动节"
    assert cal.explain(D(2027, 5, 4)).kind is DayKind.WORKDAY
    bridge = CHINA.with_notice(ScheduleNotice.parse(NOTICE_2027)).explain(D(2027, 5, 4))
    assert (bridge.working, bridge.kind) == (False, DayKind.BRIDGE_DAY)

    extended = CHINA.with_overrides(official_through=D(2027, 12, 31))
    for day, name in ((D(2027, 10, 1), "国庆节"), (D(2027, 2, 5), "春节")):
        info = extended.explain(day)
        assert (info.working, info.kind, info.statutory, info.name) == (
            False,
            DayKind.HOLIDAY,
            True,
            name,
        )
    assert extended.explain(D(2027, 2, 9)).kind is DayKind.WORKDAY  # no notice: no bridge
    # every holiday of the law by its name (2027: the lunar ones from the tables)
    law = {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 3): "国庆节",
    }
    assert {day: extended.explain(day).name for day in law} == law

    estimate = WorkCalendar.china(estimate_beyond_horizon=True)
    for day, name in ((D(2099, 10, 1), "国庆节"), (D(2099, 1, 1), "元旦")):
        info = estimate.explain(day)
        assert (info.statutory, info.name, info.estimated) == (True, name, True)


def test_with_notice_a_covered_year_must_agree_and_a_gap_is_refused() -> None:
    assert CHINA.with_notice(installed(2025)) is CHINA
    wrong = ScheduleNotice.parse(
        NOTICE_2026.replace("5月9日（周六）上班。", ""), check_installed=False
    )
    with pytest.raises(InvalidInputError, match="must agree"):
        CHINA.with_notice(wrong)
    later = ScheduleNotice(year=2028, entries=())
    with pytest.raises(InvalidInputError, match="add 2027's notice before 2028's"):
        CHINA.with_notice(later)
    with pytest.raises(InvalidInputError, match="mainland China"):
        WorkCalendar.weekdays().with_notice(ScheduleNotice.parse(NOTICE_2027))


def test_one_china_one_horizon() -> None:
    for code in ("CN", "CHN", "cn"):
        cal = WorkCalendar.from_holidays(code)
        assert cal.official_through == CHINA.official_through
        with pytest.raises(CalendarHorizonError):
            cal.is_working_day(D(2027, 1, 4))


# -- notices a host builds or exchanges ----------------------------------------------------


def _json_2027(*extra: tuple[str, str, bool]) -> dict[str, object]:
    """The illustrative 2027 notice as holiday-cn JSON, with ``extra`` rows."""
    data = ScheduleNotice.parse(NOTICE_2027, check_installed=False).to_holiday_cn()
    data["days"] = [  # type: ignore[index]
        *data["days"],
        *({"name": n, "date": d, "isOffDay": off} for n, d, off in extra),
    ]
    return data


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        # a make-up working day on a Wednesday
        ((("元旦", "2027-01-06", False),), "notice.schedulenotice.check_makeup.make_up"),
        # a day listed as a day off and as a make-up working day
        ((("元旦", "2027-01-01", False),), "notice.schedulenotice.from_holiday_cn.day_twice"),
        # a day four years away
        ((("元旦", "2031-05-01", True),), "notice.schedulenotice.day_of_another_year"),
    ],
)
def test_cal7_holiday_cn_data_is_checked_as_a_notice_is(
    extra: tuple[tuple[str, str, bool], ...], code: str
) -> None:
    """CAL-7's checks hold for a notice read from holiday-cn JSON as for one read from its
    text (before: each of these was accepted, and with_notice built a calendar on it)."""
    assert ScheduleNotice.from_holiday_cn(_json_2027(), check_installed=False).year == 2027
    with pytest.raises(InvalidInputError) as caught:
        ScheduleNotice.from_holiday_cn(_json_2027(*extra), check_installed=False)
    assert caught.value.code == code


def test_cal7_holiday_cn_data_missing_a_statutory_day_is_refused_unless_asked_not_to() -> None:
    data = _json_2027()
    data["days"] = [r for r in data["days"] if r["name"] != "国庆节"]  # type: ignore[attr-defined,index]
    with pytest.raises(NoticeError, match="国庆节's statutory day 2027-10-01"):
        ScheduleNotice.from_holiday_cn(data, check_installed=False)
    partial = ScheduleNotice.from_holiday_cn(data, check_statutory=False, check_installed=False)
    assert D(2027, 10, 1) not in partial.days_off
    with pytest.raises(NoticeError, match="the installed schedule"):  # a covered year
        ScheduleNotice.from_holiday_cn(
            {"year": 2026, "days": [{"name": "元旦", "date": "2026-01-05", "isOffDay": True}]},
            check_statutory=False,
        )


def test_cal7_a_notice_built_directly_is_held_to_its_own_checks() -> None:
    """A host's own ScheduleNotice and NoticeEntry: a make-up working day on a weekday or
    inside a break, a day of another year, days off that the line's form and dates do
    not give, or a year no calendar covers are refused when built."""
    day = NoticeEntry(
        names=("元旦",),
        form="single",
        start=D(2027, 1, 1),
        end=D(2027, 1, 1),
        days_off=frozenset({D(2027, 1, 1)}),
    )
    assert ScheduleNotice(year=2027, entries=(day,)).days_off == {D(2027, 1, 1)}
    bad = [
        (lambda: attrs.evolve(day, working_days=(D(2027, 1, 6),)), "check_makeup.make_up"),
        (lambda: attrs.evolve(day, working_days=(D(2027, 1, 2),) * 2), "noticeentry.names"),
        (lambda: attrs.evolve(day, names=()), "noticeentry.names"),
        (lambda: attrs.evolve(day, form="range", end=D(2027, 1, 3)), "noticeentry.days_off"),
        (lambda: attrs.evolve(day, form="holiday"), "noticeentry.form"),
        (lambda: attrs.evolve(day, form="in_lieu"), "noticeentry.form"),
        (
            lambda: attrs.evolve(
                day, start=D(2031, 5, 1), end=D(2031, 5, 1), days_off=frozenset({D(2031, 5, 1)})
            ),
            "day_of_another_year",
        ),
    ]
    for entry, code in bad:
        with pytest.raises(InvalidInputError) as caught:
            ScheduleNotice(year=2027, entries=(entry(),))
        assert caught.value.code.endswith(code)
    joined = attrs.evolve(
        day, form="joined", days_off=frozenset({D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)})
    )
    both = attrs.evolve(joined, working_days=(D(2027, 1, 2),))
    with pytest.raises(NoticeError, match="both a day off and a make-up working day"):
        ScheduleNotice(year=2027, entries=(both,))
    with pytest.raises(InvalidInputError, match="from 1900 to 2199"):
        ScheduleNotice(year=0, entries=(day,))
    with pytest.raises(InvalidInputError, match="from 1900 to 2199"):
        ScheduleNotice.parse(NOTICE_2027.split("\n", 1)[1], year=10_000)  # was a ValueError


# -- laws ------------------------------------------------------------------------------------


@st.composite
def arrangements(draw: st.DrawFn) -> ScheduleNotice:
    """Random valid arrangements for 2030: each holiday's statutory days in one break,
    stretched by a few days either side; make-up days on weekends outside them."""
    year = 2030
    from custrules.notice import _statutory_by_name

    entries, taken = [], set()
    for name, days in _statutory_by_name(year).items():
        start = min(days) - dt.timedelta(days=draw(st.integers(0, 2)))
        end = max(days) + dt.timedelta(days=draw(st.integers(0, 3)))
        run = frozenset(start + dt.timedelta(n) for n in range((end - start).days + 1))
        if run & taken:
            continue
        taken |= run
        entries.append((name, start, end, run))
    weekend = [d for d in _days(year) if d.weekday() >= 5 and d not in taken]
    out = []
    for name, start, end, run in entries:
        makeup = draw(st.lists(st.sampled_from(weekend), max_size=2, unique=True))
        makeup = [d for d in makeup if all(d not in e.working_days for e in out)]
        out.append(
            NoticeEntry(
                names=(name,),
                form="range" if start != end else "single",
                start=start,
                end=end,
                days_off=run,
                working_days=tuple(sorted(makeup)),
            )
        )
    return ScheduleNotice(year=year, entries=tuple(out))


@settings(max_examples=60)
@given(arrangements())
def test_parse_render_round_trips(notice: Any) -> None:
    assert ScheduleNotice.parse(notice.render()) == notice
    assert ScheduleNotice.from_holiday_cn(notice.to_holiday_cn()) == notice


def test_cal8_statutory_days_at_both_ends_of_their_years() -> None:
    """2000 and 2099 are computed; 1999 and 2100 are refused."""
    assert len(statutory_days(2000)) == 10  # the 2000 measures: 3 + 3 + 3 + 1 (New Year)
    assert len(statutory_days(2099)) == 13  # the 2024 measures
    for year in (1999, 2100):
        with pytest.raises(InvalidInputError, match="computed for 2000-2099"):
            statutory_days(year)


def test_cal7_a_one_day_holiday_renders_and_reads_back() -> None:
    """2014's New Year was one day: the single-day form renders as the notice wrote it
    and reads back to the same schedule."""
    notice = installed(2014)
    assert notice.entries[0].form == "single"
    text = notice.render()
    assert "一、元旦：1月1日（周三）放假，共1天。" in text.splitlines()
    assert ScheduleNotice.parse(text) == notice
