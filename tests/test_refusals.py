"""Refusals of the grades, visits, classes, calendar, notice, periods, complaints and
metrics modules, word for word.

Each row: what is refused, the call, ``repr`` of the value the error carries, its
stable code, and the message in English and Chinese (a host shows these to its
users, and matches on the code).  The real-estate engine's and money's refusals are
pinned in tests/test_explanations.py and tests/test_money.py.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import attrs
import pytest

from custrules import (
    CARRIER_STAR_CARDS,
    CHINA_TZ,
    CIVIL_CODE,
    POLYOLEFIN_STARS,
    AbcPolicy,
    Approval,
    Complaint,
    Contact,
    Extension,
    Month,
    Period,
    ScheduleNotice,
    SupplyCustomer,
    Tier,
    TierTable,
    VisitReport,
    WorkCalendar,
    abc_classes,
    admission_status,
    allocation_order,
    assess_tier,
    assign_tier,
    complaint_deadline,
    counting_day,
    local_date,
    parse_date,
    parse_instant,
    period_end,
    purchase_frequency,
    retention,
    review_volume,
    satisfaction,
    score_visit,
    statutory_days,
    sustained_level,
    tobacco_category,
    tobacco_grade_table,
    value_group,
)
from custrules.calendar import CalendarOverrides
from custrules.classes import AdmissionFile, QualificationDocument, StageApproval
from custrules.complaints import ComplaintPolicy
from custrules.visits import ServiceRating
from tests.pinning import refusal_row
from tests.test_classes import ALL_DOCS, ALL_STAGES
from tests.test_notice import NOTICE_2019, NOTICE_2027

D = dt.date
T = POLYOLEFIN_STARS
CHINA = WorkCalendar.china()
T0 = dt.datetime(2026, 3, 2, 10, tzinfo=CHINA_TZ)
APPROVAL = Approval(approver="王经理", approved_at=T0 + dt.timedelta(hours=1))
EXT = Extension(total_working_days=5, approvals=[APPROVAL])
RECORDED = Complaint.record(
    received_at=T0, customer="王", content="慢", channel="telephone", handler="李"
)
INVESTIGATED = RECORDED.classify("general", at=T0, actor="李").investigate(at=T0, actor="李")
PROPOSED = INVESTIGATED.assign(at=T0, actor="李", responsible="张").propose(
    at=T0, actor="张", proposal="退款"
)
SUPPLY = SupplyCustomer(id="a", channel="direct", demand=10, completion_rate=Fraction(1, 2))


def table(rows: list[tuple[str, str, int, int | None]]) -> TierTable:
    tiers = [Tier(name=n, label=lbl, lower=lo, upper=hi) for n, lbl, lo, hi in rows]
    return TierTable(name="t", unit="tonnes", tiers=tiers)


REFUSALS: list[tuple[str, Any, str, str, str, str]] = [
    (
        "Tier upper without lower",
        lambda: Tier(name="x", label="X", upper=10),
        "Fraction(10, 1)",
        "tiers.tier.tier_upper",
        "tier x: an upper bound needs a lower bound",
        "档位 x：有上限就必须有下限",
    ),
    (
        "Tier empty band",
        lambda: Tier(name="x", label="X", lower=10, upper=5),
        "(Fraction(10, 1), Fraction(5, 1))",
        "tiers.tier.tier_band",
        "tier x: the band [10, 5) is empty or reversed",
        "档位 x：区间 [10, 5) 为空或颠倒",
    ),
    (
        "table rows not Tier",
        lambda: TierTable(name="t", unit="tonnes", tiers=["x"]),
        "'x'",
        "tiers.tiers.table_s",
        "a table's tiers must be Tier rows, got 'x'",
        "档位表的各档必须是 Tier，收到的是 'x'",
    ),
    (
        "step_limit 0",
        lambda: attrs.evolve(T, step_limit=0),
        "0",
        "tiers.step_limit.step_limit_least",
        "step_limit must be at least 1 or None, got 0",
        "step_limit 必须至少为 1 或为 None，收到的是 0",
    ),
    (
        "table without tiers",
        lambda: TierTable(name="t", unit="tonnes", tiers=[]),
        "()",
        "tiers.tiertable.table_has_no_tiers",
        "table t has no tiers",
        "档位表 t 没有档位",
    ),
    (
        "two tiers one name",
        lambda: table([("a", "A", 0, 10), ("a", "B", 10, None)]),
        "'a'",
        "tiers.tiertable.table_two_tiers_are",
        "table t: two tiers are called 'a'",
        "档位表 t：有两个档位都叫 'a'",
    ),
    (
        "no banded tier",
        lambda: TierTable(name="t", unit="tonnes", tiers=[Tier(name="e", label="E")]),
        "None",
        "tiers.tiertable.table_has_no_tier",
        "table t has no tier with a volume band",
        "档位表 t 没有带数量区间的档位",
    ),
    (
        "bands out of order",
        lambda: table([("b", "B", 10, None), ("a", "A", 0, 10)]),
        (
            "(Tier(name='b', label='B', lower=Fraction(10, 1), upper=None), Tier(name='a', "
            "label='A', lower=Fraction(0, 1), upper=Fraction(10, 1)))"
        ),
        "tiers.tiertable.bands_order.table_bands",
        "table t: the bands are not in increasing order (lowest first): b ≥ 10, a ≥ 0",
        "档位表 t：各区间不是按从低到高排列：b ≥ 10、a ≥ 0",
    ),
    (
        "overlap",
        lambda: table([("a", "A", 0, 10), ("b", "B", 8, None)]),
        "Tier(name='b', label='B', lower=Fraction(8, 1), upper=None)",
        "tiers.tiertable.table_overlap_tier_band",
        (
            "table t: an overlap at tier b: its band starts at 8, inside the previous band "
            "(which ends at 10)"
        ),
        "档位表 t：档位 b 有重叠：其区间从 8 开始，落在上一区间之内（上一区间止于 10）",
    ),
    (
        "overlap with an unbounded band",
        lambda: table([("a", "A", 0, None), ("b", "B", 8, None)]),
        "Tier(name='b', label='B', lower=Fraction(8, 1), upper=None)",
        "tiers.tiertable.table_overlap_tier_band",
        (
            "table t: an overlap at tier b: its band starts at 8, inside the previous band "
            "(which ends at no upper bound)"
        ),
        "档位表 t：档位 b 有重叠：其区间从 8 开始，落在上一区间之内（上一区间止于 无上限）",
    ),
    (
        "gap",
        lambda: table([("a", "A", 0, 10), ("b", "B", 12, None)]),
        "Tier(name='b', label='B', lower=Fraction(12, 1), upper=None)",
        "tiers.tiertable.table_gap_before_tier",
        (
            "table t: a gap before tier b: its band starts at 12, the previous one ends at 10; "
            "volumes in between would have no tier"
        ),
        "档位表 t：档位 b 之前有空缺：其区间从 12 开始，上一区间止于 10；其间的量将没有档位",
    ),
    (
        "highest band bounded",
        lambda: table([("a", "A", 0, 10), ("b", "B", 10, 20)]),
        "Tier(name='b', label='B', lower=Fraction(10, 1), upper=Fraction(20, 1))",
        "tiers.tiertable.table_highest_band_ends",
        (
            "table t: the highest band ends at 20; it must have no upper bound so that every "
            "volume has a tier"
        ),
        "档位表 t：最高区间止于 20；它必须没有上限，以便每个量都有档位",
    ),
    (
        "entry not in table",
        lambda: attrs.evolve(T, entry="zz"),
        "'zz'",
        "tiers.tiertable.table_tier_not_table",
        "table polyolefin_stars: the entry tier 'zz' is not in the table",
        "档位表 polyolefin_stars：entry 档位 'zz' 不在表中",
    ),
    (
        "tier of another table",
        lambda: T.tier(tobacco_grade_table([20, 15, 10, 8, 6, 4, 2, 0]).tiers[0]),
        "Tier(name='grade_8', label='八档', lower=Fraction(0, 1), upper=Fraction(2, 1))",
        "tiers.tiertable.tier.tier_not",
        "tier grade_8 (八档) is not a tier of table polyolefin_stars",
        "档位 grade_8（八档）不是档位表 polyolefin_stars 的档位",
    ),
    (
        "unknown tier name",
        lambda: T.tier("四星客户"),
        "'四星客户'",
        "tiers.tiertable.tier.table_has",
        (
            "table polyolefin_stars has no tier '四星客户'; its tiers are online_auction "
            "(网拍客户), ordinary (普通客户), one_star (一星客户), two_star (二星客户), "
            "three_star (三星客户)"
        ),
        (
            "档位表 polyolefin_stars 没有档位 '四星客户'；其档位为 online_auction（网拍客户）、"
            "ordinary（普通客户）、one_star（一星客户）、two_star（二星客户）、three_star"
            "（三星客户）"
        ),
    ),
    (
        "tier of a wrong type",
        lambda: T.tier(5),
        "5",
        "tiers.tiertable.tier.tier_tier",
        "a tier must be a Tier or its name, got 5",
        "档位必须是 Tier 或其名称，收到的是 5",
    ),
    (
        "gate not a Gate",
        lambda: assign_tier(T, 5, gates=["x"]),
        "'x'",
        "tiers.gates.gates_gate",
        "gates must be Gate objects, got 'x'",
        "gates 必须是 Gate 对象，收到的是 'x'",
    ),
    (
        "no direct-sale tier",
        lambda: assess_tier(tobacco_grade_table([20, 15, 10, 8, 6, 4, 2, 0]), 5, direct_sale=True),
        "'tobacco_grades'",
        "tiers.assess_tier.table_has",
        "table tobacco_grades has no direct-sale tier",
        "档位表 tobacco_grades 没有直销档",
    ),
    (
        "table not a table",
        lambda: assign_tier("T", 5),
        "'T'",
        "tiers.table.table_tiertable",
        "table must be a TierTable, got 'T'",
        "table 必须是 TierTable，收到的是 'T'",
    ),
    (
        "monthly not a mapping",
        lambda: review_volume(5, period="month", ending="2026-01", basis="total"),
        "5",
        "tiers.monthly.monthly_figures",
        "monthly figures must be a mapping of month -> volume, got 5",
        "月度数据必须是 月份 -> 量 的映射，收到的是 5",
    ),
    (
        "a month twice",
        lambda: review_volume(
            {"2026-01": 1, Month(2026, 1): 2}, period="month", ending="2026-01", basis="total"
        ),
        "Month(year=2026, month=1)",
        "tiers.monthly.month_given",
        "month 2026-01 is given twice",
        "月份 2026-01 给了两次",
    ),
    (
        "no figure for a month",
        lambda: review_volume({"2026-01": 1}, period="quarter", ending="2026-03", basis="total"),
        "[Month(year=2026, month=2), Month(year=2026, month=3)]",
        "tiers.window.no_figure",
        (
            "no figure for 2026-02, 2026-03: supply it, or say missing=Missing.ZERO (nothing "
            "that month) or Missing.SKIP (leave it out)"
        ),
        (
            "2026-02、2026-03 没有数据：请补上，或指定 missing=Missing.ZERO（当月为零）或 "
            "Missing.SKIP（略过）"
        ),
    ),
    (
        "no month has a figure",
        lambda: review_volume(
            {"2025-01": 1}, period="month", ending="2026-01", basis="total", missing="skip"
        ),
        "{'2025-01': 1}",
        "tiers.review_volume.no_month",
        "no month of the period has a figure",
        "期间内没有任何一个月有数据",
    ),
    (
        "no figure for the last month",
        lambda: review_volume(
            {"2026-01": 5}, period="quarter", ending="2026-03", basis="last_month", missing="skip"
        ),
        "Month(year=2026, month=3)",
        "tiers.review_volume.no_figure",
        "no figure for the last month, 2026-03",
        "最后一个月（2026-03）没有数据",
    ),
    (
        "ladder without levels",
        lambda: attrs.evolve(CARRIER_STAR_CARDS, levels=[]),
        "()",
        "tiers.levels.ladder_needs",
        "a ladder needs at least one level",
        "阶梯至少需要一级",
    ),
    (
        "ladder thresholds falling",
        lambda: attrs.evolve(CARRIER_STAR_CARDS, levels=CARRIER_STAR_CARDS.levels[::-1]),
        "<large tuple>",
        "tiers.levels.ladder_thresholds",
        "ladder thresholds must increase: 800 then 500",
        "阶梯门槛必须递增：800 之后是 500",
    ),
    (
        "ladder levels called alike",
        lambda: attrs.evolve(
            CARRIER_STAR_CARDS,
            levels=[
                *CARRIER_STAR_CARDS.levels[:2],
                attrs.evolve(CARRIER_STAR_CARDS.levels[2], label="四星级服务通行卡"),
            ],
        ),
        "'四星级服务通行卡'",
        "tiers.levels.two_levels_called",
        "a ladder's levels: two are called '四星级服务通行卡'",
        "阶梯的等级中有两级都叫 '四星级服务通行卡'",
    ),
    (
        "sustained skip",
        lambda: sustained_level(CARRIER_STAR_CARDS, {}, ending="2026-06", missing="skip"),
        "'skip'",
        "tiers.sustained_level.missing_skip",
        "Missing.SKIP cannot judge a sustained window: every month must be known",
        "Missing.SKIP 无法判断连续期间：每个月的数据都必须已知",
    ),
    (
        "sustained ladder type",
        lambda: sustained_level(5, {}, ending="2026-06"),
        "5",
        "tiers.sustained_level.ladder",
        "ladder must be a SustainedLadder, got 5",
        "ladder 必须是 SustainedLadder，收到的是 5",
    ),
    (
        "window_months 0",
        lambda: attrs.evolve(CARRIER_STAR_CARDS, window_months=0),
        "0",
        "tiers.window_months.between",
        "window_months must be between 1 and 120, got 0",
        "window_months 必须在 1 到 120 之间，收到的是 0",
    ),
    (
        "tobacco bounds text",
        lambda: tobacco_grade_table("20,15"),
        "'20,15'",
        "tiers.tobacco_grade_table.lower_bounds_sequence",
        "lower_bounds must be a sequence of 8 numbers, got '20,15'",
        "lower_bounds 必须是 8 个数的序列，收到的是 '20,15'",
    ),
    (
        "tobacco 7 bounds",
        lambda: tobacco_grade_table([20, 15, 10, 8, 6, 4, 0]),
        "[20, 15, 10, 8, 6, 4, 0]",
        "tiers.tobacco_grade_table.tobacco_retail",
        "tobacco retail has 8 grades (TIER-5); got 7 lower bounds",
        "卷烟零售共 8 档（TIER-5）；收到 7 个下限",
    ),
    (
        "tobacco grade 1 not 20",
        lambda: tobacco_grade_table([21, 15, 10, 8, 6, 4, 2, 0]),
        "[21, 15, 10, 8, 6, 4, 2, 0]",
        "tiers.tobacco_grade_table.grade_cases",
        "grade 1 is 20 cases and more (TIER-5): its lower bound must be 20, got 21",
        "一档为 20 件及以上（TIER-5）：其下限必须为 20，收到的是 21",
    ),
    (
        "tobacco grade 3 not 10",
        lambda: tobacco_grade_table([20, 15, 11, 8, 6, 4, 2, 0]),
        "[20, 15, 11, 8, 6, 4, 2, 0]",
        "tiers.tobacco_grade_table.grades_lie",
        (
            "grades 1-3 lie above 10 cases and grades 4-8 below (TIER-5): grade 3 must start at "
            "10, got 11"
        ),
        "一至三档在 10 件以上，四至八档在其下（TIER-5）：三档必须从 10 开始，收到的是 11",
    ),
    (
        "tobacco grade 8 not 0",
        lambda: tobacco_grade_table([20, 15, 10, 8, 6, 4, 2, 1]),
        "[20, 15, 10, 8, 6, 4, 2, 1]",
        "tiers.tobacco_grade_table.grade_start",
        "grade 8 must start at 0 so every customer has a grade, got 1",
        "八档必须从 0 开始，以便每位客户都有档位，收到的是 1",
    ),
    (
        "tobacco not decreasing",
        lambda: tobacco_grade_table([20, 15, 10, 8, 8, 4, 2, 0]),
        "[20, 15, 10, 8, 8, 4, 2, 0]",
        "tiers.tobacco_grade_table.grade_bounds",
        "grade bounds must strictly decrease from grade 1 to grade 8: 8 then 8",
        "档位下限必须从一档到八档严格递减：8 之后是 8",
    ),
    (
        "from_lower_bounds row shape",
        lambda: TierTable.from_lower_bounds(name="t", unit="yuan", rows=[("a", 0)]),
        "('a', 0)",
        "tiers.row.shape",
        "a row must be (name, label, lower bound), got ('a', 0)",
        "每一行必须是（名称, 标签, 下限），收到的是 ('a', 0)",
    ),
    (
        "volume negative",
        lambda: assign_tier(T, -1),
        "-1",
        "check.volume.cannot_negative",
        "volume cannot be negative, got -1",
        "量不能为负，收到的是 -1",
    ),
    (
        "volume text",
        lambda: assign_tier(T, "1000"),
        "'1000'",
        "check.volume.number_not",
        "volume must be a number, not text ('1000'); convert it first",
        "量必须是数而不是文本（'1000'）；请先转换",
    ),
    (
        "unit unknown",
        lambda: TierTable.from_lower_bounds(name="t", unit="kg", rows=[("a", "A", 0)]),
        "'kg'",
        "check.member.unknown_use",
        "unknown volume unit 'kg': use one of tonnes, cases, yuan",
        "未知的数量单位 'kg'：可用 tonnes、cases、yuan",
    ),
    (
        "rating of another row",
        lambda: score_visit(quality=ServiceRating.POOR, service="优良", renown="知名"),
        "<ServiceRating.POOR: '不好'>",
        "visits.rating.rating_another",
        (
            "<ServiceRating.POOR: '不好'> is a rating of another row; the 质量 row takes "
            "非常优良, 优良, 良好, 一般, 合格, 不合格"
        ),
        (
            "<ServiceRating.POOR: '不好'> 是另一项的评价；质量 项可用 非常优良、优良、良好、"
            "一般、合格、不合格"
        ),
    ),
    (
        "unknown rating",
        lambda: score_visit(quality="很好", service="优良", renown="知名"),
        "'很好'",
        "visits.rating.unknown_label",
        (
            "unknown label '很好' for the 质量 row (VIS-1); use one of 非常优良, 优良, 良好, "
            "一般, 合格, 不合格"
        ),
        "质量 项没有标签 '很好'（VIS-1）；可用 非常优良、优良、良好、一般、合格、不合格",
    ),
    (
        "unknown row",
        lambda: score_visit(quality="优良", service="优良", renown="知名", weights={"price": 1}),
        "'price'",
        "visits.row.unknown_row",
        "unknown row 'price': use quality (质量), service (服务态度) or renown (产品的知名度)",
        "未知的评分项 'price'：请用 quality（质量）、service（服务态度）或 renown（产品的知名度）",
    ),
    (
        "weights not a mapping",
        lambda: score_visit(quality="优良", service="优良", renown="知名", weights=[1, 1, 1]),
        "[1, 1, 1]",
        "visits.weights.weights_mapping",
        "weights must be a mapping of row -> weight, got [1, 1, 1]",
        "权重必须是 项 -> 权重 的映射，收到的是 [1, 1, 1]",
    ),
    (
        "row weighted twice",
        lambda: score_visit(
            quality="优良",
            service="优良",
            renown="知名",
            weights={"quality": 1, "质量": 2, "service": 1, "renown": 1},
        ),
        "{'quality': 1, '质量': 2, 'service': 1, 'renown': 1}",
        "visits.weights.row_weighted",
        "the 质量 row is weighted twice",
        "质量 项的权重给了两次",
    ),
    (
        "weights miss a row",
        lambda: score_visit(quality="优良", service="优良", renown="知名", weights={"quality": 1}),
        "{'quality': 1}",
        "visits.weights.weights_name",
        "weights must name every row; missing: service, renown (give 0 to leave a row out)",
        "权重必须给出每一项；缺少：service、renown（不计某项请给 0）",
    ),
    (
        "weights all zero",
        lambda: score_visit(
            quality="优良",
            service="优良",
            renown="知名",
            weights={"quality": 0, "service": 0, "renown": 0},
        ),
        "{'quality': 0, 'service': 0, 'renown': 0}",
        "visits.weights.weights_not",
        "the weights must not all be zero",
        "权重不能全为零",
    ),
    (
        "weight negative",
        lambda: score_visit(
            quality="优良",
            service="优良",
            renown="知名",
            weights={"quality": -1, "service": 1, "renown": 1},
        ),
        "-1",
        "check.volume.cannot_negative",
        "the weight of quality cannot be negative, got -1",
        "quality 的权重不能为负，收到的是 -1",
    ),
    (
        "contact title not text",
        lambda: Contact(name="王", title=5),
        "5",
        "visits.optional_text.expected_text",
        "expected text, got 5",
        "应为文本，收到的是 5",
    ),
    (
        "contact not a Contact",
        lambda: VisitReport(
            customer_unit="甲厂", quality="优良", service="优良", renown="知名", main_contact="王"
        ),
        "'王'",
        "visits.optional_contact.contact",
        "main_contact must be a Contact, got '王'",
        "main_contact 必须是 Contact，收到的是 '王'",
    ),
    (
        "signing date without seal",
        lambda: VisitReport(
            customer_unit="甲厂",
            quality="优良",
            service="优良",
            renown="知名",
            signed_on=D(2026, 3, 2),
        ),
        "datetime.date(2026, 3, 2)",
        "visits.visitreport.signing_date",
        "a signing date needs sealed_or_signed=True",
        "签署日期需要 sealed_or_signed=True",
    ),
    (
        "admission file type",
        lambda: admission_status("file", on=D(2026, 3, 2)),
        "'file'",
        "classes.admission_status.file_admissionfile",
        "file must be an AdmissionFile, got 'file'",
        "file 必须是 AdmissionFile，收到的是 'file'",
    ),
    (
        "approvals out of order",
        lambda: admission_status(
            AdmissionFile(documents=ALL_DOCS, approvals=ALL_STAGES[1:]), on=D(2026, 3, 5)
        ),
        "<large tuple>",
        "classes.admission_status.approvals_come",
        (
            "approvals must come in order: sales, then finance, then the general manager, each "
            "once and no earlier than the one before (got 财务部审核 2026-03-03, 总经理审批 "
            "2026-03-04)"
        ),
        "审批必须依次进行：销售部、财务部、总经理，每级一次，且不早于前一级（收到的是 "
        "财务部审核 2026-03-03、总经理审批 2026-03-04）",
    ),
    (
        "supply customers type",
        lambda: allocation_order(["a"]),
        "'a'",
        "classes.allocation_order.expected_supplycustomer",
        "expected SupplyCustomer objects, got 'a'",
        "应为 SupplyCustomer 对象，收到的是 'a'",
    ),
    (
        "supply ids twice",
        lambda: allocation_order([SUPPLY, SUPPLY]),
        "['a', 'a']",
        "classes.allocation_order.customer_ids",
        "customer ids must be unique",
        "客户编号不得重复",
    ),
    (
        "value group mapping gap",
        lambda: value_group("value", mapping={}),
        "{}",
        "classes.value_group.mapping_does",
        "the mapping does not place 价值客户",
        "映射中没有 价值客户",
    ),
    (
        "abc a + b past 1",
        lambda: AbcPolicy(a=Fraction(7, 10), b=Fraction(4, 10)),
        "(Fraction(7, 10), Fraction(2, 5))",
        "classes.abcpolicy.b_not",
        "a + b must not pass 1, got 11/10",
        "a + b 不得超过 1，收到的是 11/10",
    ),
    (
        "abc policy type",
        lambda: abc_classes({"a": 1}, "pareto"),
        "'pareto'",
        "classes.abc_classes.policy_abcpolicy",
        "policy must be an AbcPolicy, got 'pareto'",
        "policy 必须是 AbcPolicy，收到的是 'pareto'",
    ),
    (
        "abc figure negative",
        lambda: abc_classes({"甲": -1}, AbcPolicy(a=Fraction(1, 2))),
        "-1",
        "check.volume.cannot_negative",
        "the figure of 甲 cannot be negative, got -1",
        "甲 的数据不能为负，收到的是 -1",
    ),
    (
        "removal ground unknown",
        lambda: AdmissionFile(removal=["欠款"]),
        "'欠款'",
        "check.member.unknown_use",
        (
            "unknown removal ground '欠款': use one of 提供虚假信息，有欺诈、严重失信等行为, "
            "给公司造成经济损失或严重影响公司的市场信誉, 违反国家和地方法律法规，"
            "被司法或行政机关立案查处"
        ),
        (
            "未知的清除理由 '欠款'：可用 提供虚假信息，有欺诈、严重失信等行为；"
            "给公司造成经济损失或严重影响公司的市场信誉；违反国家和地方法律法规，"
            "被司法或行政机关立案查处"
        ),
    ),
    (
        "override days not a list",
        lambda: CHINA.with_overrides(days_off=D(2026, 1, 5)),
        "datetime.date(2026, 1, 5)",
        "calendar.date_set.expected_iterable",
        "expected an iterable of dates, got date (datetime.date(2026, 1, 5))",
        "应为日期的可迭代序列，收到的是 date（datetime.date(2026, 1, 5)）",
    ),
    (
        "override day both ways",
        lambda: CHINA.with_overrides(days_off=[D(2026, 3, 2)], working_days=[D(2026, 3, 2)]),
        "[datetime.date(2026, 3, 2)]",
        "calendar.disjoint.day_cannot",
        "a day cannot be both a day off and a working day in one override: 2026-03-02",
        "同一次调整中，一天不能既是休息日又是工作日：2026-03-02",
    ),
    (
        "zone not a tzinfo",
        lambda: CHINA.with_zone("Asia/Shanghai"),
        "'Asia/Shanghai'",
        "calendar.zone.zone_datetime",
        (
            "zone must be a datetime.tzinfo such as zoneinfo.ZoneInfo('America/Los_Angeles'), "
            "got 'Asia/Shanghai'"
        ),
        (
            "zone 必须是 datetime.tzinfo，如 zoneinfo.ZoneInfo('America/Los_Angeles')，收到的是 "
            "'Asia/Shanghai'"
        ),
    ),
    (
        "overrides then junk",
        lambda: CalendarOverrides().then("x"),
        "'x'",
        "calendar.overrides.build_overrides",
        (
            "later must be a CalendarOverrides, got 'x'; build one with "
            "CalendarOverrides(days_off=[...], working_days=[...]), or change a calendar with "
            "calendar.with_overrides(...)"
        ),
        (
            "later 必须是 CalendarOverrides，收到的是 'x'；请用 CalendarOverrides(days_off=[...], "
            "working_days=[...]) 创建，或用 calendar.with_overrides(...) 修改日历"
        ),
    ),
    (
        "calendar overrides junk",
        lambda: WorkCalendar(data=WorkCalendar.weekdays().data, overrides=5),
        "5",
        "calendar.overrides.build_overrides",
        (
            "overrides must be a CalendarOverrides, got 5; build one with "
            "CalendarOverrides(days_off=[...], working_days=[...]), or change a calendar with "
            "calendar.with_overrides(...)"
        ),
        (
            "overrides 必须是 CalendarOverrides，收到的是 5；请用 "
            "CalendarOverrides(days_off=[...], working_days=[...]) 创建，或用 "
            "calendar.with_overrides(...) 修改日历"
        ),
    ),
    (
        "data not DayData",
        lambda: WorkCalendar(data="CN"),
        "'CN'",
        "calendar.instance.build_calendars",
        (
            "data must be a DayData, got 'CN'; build calendars with WorkCalendar.china(), "
            "from_holidays() or weekdays()"
        ),
        (
            "data 必须是 DayData，收到的是 'CN'；请用 WorkCalendar.china()、from_holidays() 或 "
            "weekdays() 创建日历"
        ),
    ),
    (
        "china language",
        lambda: WorkCalendar.china(language="en"),
        "'en'",
        "calendar.workcalendar.china.language",
        (
            "language must be one of en_US, th, zh_CN, zh_TW (the names of China's holidays), "
            "got 'en'"
        ),
        "language 必须是 en_US、th、zh_CN、zh_TW 之一（中国节假日名称的语言），收到的是 'en'",
    ),
    (
        "country not text",
        lambda: WorkCalendar.from_holidays(86),
        "86",
        "calendar.workcalendar.from_holidays.country_string",
        "country must be a string code such as 'US', got 86",
        "country 必须是国家代码文本，如 'US'，收到的是 86",
    ),
    (
        "notice type",
        lambda: CHINA.with_notice("2027"),
        "'2027'",
        "calendar.workcalendar.with_notice.expected_schedulenotice",
        "expected a ScheduleNotice, got '2027'",
        "应为 ScheduleNotice，收到的是 '2027'",
    ),
    (
        "notice disagrees with a covered year",
        lambda: CHINA.with_notice(
            ScheduleNotice.parse(
                NOTICE_2019.replace(
                    "5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。",
                    "5月1日放假。",
                ),
                check_installed=False,
            )
        ),
        "<large ScheduleNotice>",
        "calendar.workcalendar.with_notice.notice_makes",
        (
            "the 2019 notice makes 2019-04-28 a day off; this calendar has a working day: a "
            "notice for a covered year must agree with it"
        ),
        "2019 年的通知中 2019-04-28 为休息日；此日历为工作日：已覆盖年份的通知必须与之一致",
    ),
    (
        "notice after a gap year",
        lambda: CHINA.with_notice(
            ScheduleNotice.from_holiday_cn(
                {
                    "year": 2028,
                    "days": [
                        {"name": "节日", "date": d.isoformat(), "isOffDay": True}
                        for d in sorted(statutory_days(2028))
                    ],
                }
            )
        ),
        "<large ScheduleNotice>",
        "calendar.workcalendar.with_notice.calendar_s",
        "the calendar's official schedule ends on 2026-12-31: add 2027's notice before 2028's",
        "日历的官方安排止于 2026-12-31：请先添加 2027 年的通知，再添加 2028 年的",
    ),
    (
        "notice line with no dates",
        lambda: ScheduleNotice.parse(
            "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：。", check_installed=False
        ),
        "None",
        "notice.entry.holiday_line_no",
        "line 2: a holiday line with no dates",
        "第 2 行：某节假日行没有日期",
    ),
    (
        "notice sentence that is not make-up days",
        lambda: ScheduleNotice.parse(
            NOTICE_2027.replace("2月20日（周六）上班。", "2月20日（周六）休息。"),
            check_installed=False,
        ),
        "None",
        "notice.entry.cannot_read_expected",
        "line 3: cannot read '2月20日(周六)休息': expected make-up days (上班)",
        "第 3 行：无法读取 '2月20日(周六)休息'：应为调休上班日（上班）",
    ),
    (
        "holiday-cn day with another key",
        lambda: ScheduleNotice.from_holiday_cn(
            {
                "year": 2027,
                "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": True, "x": 1}],
            }
        ),
        "None",
        "notice.schedulenotice.from_holiday_cn.holiday_cn_day",
        (
            "a holiday-cn day is {name, date, isOffDay}: {'name': '元旦', 'date': '2027-01-01', "
            "'isOffDay': True, 'x': 1}"
        ),
        (
            "holiday-cn 的一天应为 {name, date, isOffDay}：{'name': '元旦', 'date': "
            "'2027-01-01', 'isOffDay': True, 'x': 1}"
        ),
    ),
    (
        "holiday-cn make-up day of no holiday",
        lambda: ScheduleNotice.from_holiday_cn(
            {
                "year": 2027,
                "days": [
                    {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-20", "isOffDay": False},
                ],
            }
        ),
        "None",
        "notice.schedulenotice.from_holiday_cn.make_up_working",
        "make-up working day 2027-02-20 names no holiday of the file",
        "调休上班日 2027-02-20 没有对应文件中的节假日",
    ),
    (
        "notice without the Spring Festival",
        lambda: ScheduleNotice.parse(
            NOTICE_2027.replace(
                "二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。\n",
                "",
            ),
            check_installed=False,
        ),
        "datetime.date(2027, 2, 5)",
        "notice.schedulenotice.check_statutory.s_statutory",
        (
            "春节's statutory day 2027-02-05 (全国年节及纪念日放假办法) is not a day off in "
            "the notice"
        ),
        "春节 的法定节假日 2027-02-05（全国年节及纪念日放假办法）在通知中不是休息日",
    ),
    (
        "notice without Labour Day",
        lambda: ScheduleNotice.parse(
            NOTICE_2027.replace(
                "四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。\n",
                "",
            ),
            check_installed=False,
        ),
        "datetime.date(2027, 5, 1)",
        "notice.schedulenotice.check_statutory.s_statutory",
        (
            "劳动节's statutory day 2027-05-01 (全国年节及纪念日放假办法) is not a day off in "
            "the notice"
        ),
        "劳动节 的法定节假日 2027-05-01（全国年节及纪念日放假办法）在通知中不是休息日",
    ),
    (
        "notice on a non-China calendar",
        lambda: WorkCalendar.weekdays().with_notice(ScheduleNotice.from_calendar(CHINA, 2026)),
        "<large ScheduleNotice>",
        "calendar.workcalendar.with_notice.state_council",
        (
            "a State Council notice schedules mainland China; this calendar is weekdays: use "
            "WorkCalendar.china() (on the command line: --calendar china)"
        ),
        "国务院放假通知只适用于中国大陆；此日历为 weekdays：请使用 WorkCalendar.china()"
        "（命令行：--calendar china）",
    ),
    (
        "calendar without zone",
        lambda: WorkCalendar.weekdays().require_zone(),
        "WorkCalendar(weekdays, -inf..+inf)",
        "calendar.workcalendar.require_zone.calendar_has",
        (
            "the weekdays calendar has no time zone, so it cannot tell on which day an instant "
            "falls: give it one, e.g. WorkCalendar.from_holidays('US', subdiv='CA', "
            "zone=ZoneInfo('America/Los_Angeles')) or calendar.with_zone(...) (on the command "
            "line: --zone America/Los_Angeles)"
        ),
        (
            "weekdays 日历没有时区，无法判断某一时刻落在哪一天：请给它一个时区，如 "
            "WorkCalendar.from_holidays('US', subdiv='CA', "
            "zone=ZoneInfo('America/Los_Angeles')) 或 calendar.with_zone(...)（命令行：--zone "
            "America/Los_Angeles）"
        ),
    ),
    (
        "working days out of range",
        lambda: WorkCalendar.weekdays().add_working_days(D(2199, 12, 30), 10),
        "10",
        "calendar.workcalendar.result.working_days",
        (
            "10 working days from 2199-12-30 is outside the dates custrules works with "
            "(1900-01-01 to 2199-12-31)"
        ),
        "从 2199-12-30 起 10 个工作日超出了 custrules 处理的日期范围（1900-01-01 至 2199-12-31）",
    ),
    (
        "unknown approval stage",
        lambda: StageApproval(stage="董事会", approver="王", approved_on=D(2026, 3, 2)),
        "'董事会'",
        "check.member.unknown_use",
        "unknown approval stage '董事会': use one of 销售部审核, 财务部审核, 总经理审批",
        "未知的审批环节 '董事会'：可用 销售部审核、财务部审核、总经理审批",
    ),
    (
        "unknown qualification",
        lambda: QualificationDocument(kind="身份证"),
        "'身份证'",
        "check.member.unknown_use",
        (
            "unknown qualification '身份证': use one of 企业营业执照, 税务登记证, "
            "组织机构代码证, 开票资料"
        ),
        "未知的资质 '身份证'：可用 企业营业执照、税务登记证、组织机构代码证、开票资料",
    ),
    (
        "documents not documents",
        lambda: AdmissionFile(documents=["营业执照"]),
        "'营业执照'",
        "check.items_of.hold",
        "documents must hold QualificationDocument objects, got str ('营业执照')",
        "documents（资质文件）只能包含 QualificationDocument 对象，收到的是 str（'营业执照'）",
    ),
    (
        "approvals not approvals",
        lambda: AdmissionFile(approvals=["销售部"]),
        "'销售部'",
        "check.items_of.hold",
        "approvals must hold StageApproval objects, got str ('销售部')",
        "approvals（审批记录）只能包含 StageApproval 对象，收到的是 str（'销售部'）",
    ),
    (
        "removal not a list",
        lambda: AdmissionFile(removal="欠款"),
        "'欠款'",
        "check.items.list",
        "removal must be a list (or another sequence), got str ('欠款')",
        "removal（清除理由）必须是列表（或其他序列），收到的是 str（'欠款'）",
    ),
    (
        "band bound not a number",
        lambda: Tier(name="x", label="X", lower="0"),
        "'0'",
        "check.volume.number_not",
        "a band bound must be a number, not text ('0'); convert it first",
        "档位界限必须是数而不是文本（'0'）；请先转换",
    ),
    (
        "rule ID empty",
        lambda: attrs.evolve(T, rules=[""]),
        "''",
        "check.text.non_empty",
        "a rule ID must be non-empty text, got ''",
        "规则编号必须是非空文本，收到的是 ''",
    ),
    (
        "step_limit not an int",
        lambda: attrs.evolve(T, step_limit="1"),
        "'1'",
        "check.integer.int",
        "step_limit must be an int, got str ('1')",
        "step_limit（每次调整档数）必须是整数，收到的是 str（'1'）",
    ),
    (
        "market type unknown",
        lambda: tobacco_category("supermarket", "郊区", "large"),
        "'郊区'",
        "check.member.unknown_use",
        "unknown market type '郊区': use one of 城镇, 乡村",
        "未知的市场类型 '郊区'：可用 城镇、乡村",
    ),
    (
        "review period unknown",
        lambda: review_volume({}, period="week", ending="2026-01", basis="total"),
        "'week'",
        "check.member.unknown_use",
        "unknown review period 'week': use one of month, quarter, half_year, year",
        "未知的评审期间 'week'：可用 month、quarter、half_year、year",
    ),
    (
        "a day as text",
        lambda: CHINA.is_working_day("2026-03-02"),
        "'2026-03-02'",
        "check.plain_date.datetime_date",
        "day must be a datetime.date, got str ('2026-03-02')",
        "日期必须是 datetime.date，收到的是 str（'2026-03-02'）",
    ),
    (
        "special days from text",
        lambda: CHINA.special_days("2026-03-02", D(2026, 3, 3)),
        "'2026-03-02'",
        "check.plain_date.datetime_date",
        "start must be a datetime.date, got str ('2026-03-02')",
        "start（开始）必须是 datetime.date，收到的是 str（'2026-03-02'）",
    ),
    (
        "explain nothing",
        lambda: CHINA.explain(None),
        "None",
        "check.plain_date.datetime_date",
        "day must be a datetime.date, got NoneType (None)",
        "日期必须是 datetime.date，收到的是 NoneType（None）",
    ),
    (
        "rows as text",
        lambda: TierTable.from_lower_bounds(name="t", unit="yuan", rows="a,b"),
        "'a,b'",
        "check.items.list",
        "rows must be a list (or another sequence), got str ('a,b')",
        "rows（各行）必须是列表（或其他序列），收到的是 str（'a,b'）",
    ),
    (
        "an entry of one item",
        lambda: TierTable.from_lower_bounds(
            name="t", unit="yuan", rows=[("a", "A", 0)], entry=("new",)
        ),
        "('new',)",
        "tiers.row.shape",
        "the entry tier must be (name, label), got ('new',)",
        "入门档位必须是（名称, 标签），收到的是 ('new',)",
    ),
    (
        "unknown severity",
        lambda: complaint_deadline(T0, "urgent"),
        "'urgent'",
        "complaints.severity.parse.unknown_complaint",
        (
            "unknown complaint severity 'urgent': use Severity.GENERAL (一般投诉, 'general') or "
            "Severity.MAJOR (较大事件投诉, 'major')"
        ),
        (
            "未知的投诉级别 'urgent'：请用 Severity.GENERAL（一般投诉，'general'）或 "
            "Severity.MAJOR（较大事件投诉，'major'）"
        ),
    ),
    (
        "handled_at policy",
        lambda: Complaint.record(
            received_at=T0, customer="王", content="x", channel="telephone", handler="李"
        ).handled_at(policy="x"),
        "'x'",
        "complaints.complaint.handled_at.policy",
        "policy must be a ComplaintPolicy, got 'x'",
        "policy 必须是 ComplaintPolicy，收到的是 'x'",
    ),
    (
        "policy days zero",
        lambda: ComplaintPolicy(general_working_days=0),
        "0",
        "complaints.positive.least",
        "general_working_days must be at least 1, got 0",
        "general_working_days 至少为 1，收到的是 0",
    ),
    (
        "policy days out of order",
        lambda: ComplaintPolicy(general_working_days=5),
        "(5, 3, 7)",
        "complaints.complaintpolicy.complaint_policy",
        "a complaint policy needs general <= major <= max working days, got 5, 3, 7",
        "投诉制度要求 一般 <= 较大 <= 最长 工作日数，收到的是 5、3、7",
    ),
    (
        "extension without approvals",
        lambda: Extension(total_working_days=5, approvals=[]),
        "[]",
        (
            "complaints.approvals.extension_needs_recorded_approval_responsible_leaders_pass_app"
            "rovals.2"
        ),
        (
            "an extension needs a recorded approval by the responsible leaders (CMP-1): pass "
            "approvals=[Approval(approver=..., approved_at=...)]"
        ),
        (
            "延期需要有记录的主管领导批准（CMP-1）：请传入 approvals=[Approval(approver=..., "
            "approved_at=...)]"
        ),
    ),
    (
        "approvals not records",
        lambda: Extension(total_working_days=5, approvals=["王经理"]),
        "'王经理'",
        "complaints.approvals.approvals_approval_records.3",
        "approvals must be Approval records, got '王经理'",
        "approvals 必须是 Approval 记录，收到的是 '王经理'",
    ),
    (
        "approvals as text",
        lambda: Extension(total_working_days=5, approvals="王经理"),
        "'王经理'",
        "complaints.approvals.approvals_approval_records.1",
        "approvals must be Approval records, got '王经理'",
        "approvals 必须是 Approval 记录，收到的是 '王经理'",
    ),
    (
        "a general complaint extended",
        lambda: complaint_deadline(T0, "general", extension=EXT),
        "<large Extension>",
        "complaints.check_extension.complaint_cannot_extended_under",
        (
            "a general complaint (一般投诉) cannot be extended under this policy (CMP-1 extends "
            "major complaints): reclassify it as Severity.MAJOR first (on the command line: "
            "--severity major)"
        ),
        "按此制度，一般投诉不能延期（CMP-1 只延长较大事件投诉）：请先改为 Severity.MAJOR"
        "（命令行：--severity major）",
    ),
    (
        "an extension past the cap",
        lambda: complaint_deadline(
            T0, "major", extension=Extension(total_working_days=8, approvals=[APPROVAL])
        ),
        "8",
        "complaints.check_extension.extension_working_days_past",
        "an extension to 8 working days is past the cap of 7 working days in all (CMP-1)",
        "延长至 8 个工作日超过了总共 7 个工作日的上限（CMP-1）",
    ),
    (
        "an extension that does not extend",
        lambda: complaint_deadline(
            T0, "major", extension=Extension(total_working_days=3, approvals=[APPROVAL])
        ),
        "3",
        "complaints.check_extension.extension_working_days_does",
        (
            "an extension to 3 working days does not extend the 3 working days of a major "
            "complaint (较大事件投诉)"
        ),
        "延长至 3 个工作日并未超过较大事件投诉的 3 个工作日",
    ),
    (
        "too few approvals",
        lambda: complaint_deadline(
            T0, "major", extension=EXT, policy=ComplaintPolicy(approvals_required=2)
        ),
        "<large Extension>",
        "complaints.check_extension.policy_needs_approvals_extension",
        "this policy needs 2 approvals (one per level) for an extension, got 1",
        "按此制度，延期需要 2 个批准（每级一个），收到 1 个",
    ),
    (
        "approval before receipt",
        lambda: complaint_deadline(
            T0,
            "major",
            extension=Extension(
                total_working_days=5,
                approvals=[Approval(approver="王经理", approved_at=T0 - dt.timedelta(hours=1))],
            ),
        ),
        (
            "Approval(approver='王经理', approved_at=datetime.datetime(2026, 3, 2, 9, 0, "
            "tzinfo=datetime.timezone(datetime.timedelta(seconds=28800), 'CST')), level='')"
        ),
        "complaints.check_extension.s_approval_dated_before",
        (
            "王经理's approval (2026-03-02T09:00:00+08:00) is dated before the complaint was "
            "received (2026-03-02T10:00:00+08:00)"
        ),
        (
            "王经理 的批准日期（2026-03-02T09:00:00+08:00）早于投诉收到时间（2026-03-02T10:00:00"
            "+08:00）"
        ),
    ),
    (
        "extension of the wrong type",
        lambda: complaint_deadline(T0, "major", extension=5),
        "5",
        "complaints.check_extension.extension_extension",
        "extension must be an Extension, got 5",
        "extension 必须是 Extension，收到的是 5",
    ),
    (
        "calendar of the wrong type",
        lambda: complaint_deadline(T0, "general", calendar="CN"),
        "'CN'",
        "complaints.calendar.calendar_workcalendar",
        "calendar must be a WorkCalendar, got 'CN'",
        "calendar 必须是 WorkCalendar，收到的是 'CN'",
    ),
    (
        "closing time as text",
        lambda: complaint_deadline(T0, "general", closing_time="17:30"),
        "'17:30'",
        "complaints.closing_time.closing_time_wall",
        (
            "closing_time must be a wall-clock datetime.time without a zone, e.g. time(17, 30), "
            "got '17:30'"
        ),
        "closing_time 必须是不带时区的钟点 datetime.time，如 time(17, 30)，收到的是 '17:30'",
    ),
    (
        "status before receipt",
        lambda: complaint_deadline(T0, "general").status(T0 - dt.timedelta(hours=1)),
        (
            "datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(sec"
            "onds=28800), 'CST'))"
        ),
        "complaints.deadline.status.before_complaint",
        (
            "at (2026-03-02T09:00:00+08:00) is before the complaint was received "
            "(2026-03-02T10:00:00+08:00)"
        ),
        "时刻（2026-03-02T09:00:00+08:00）早于投诉收到时间（2026-03-02T10:00:00+08:00）",
    ),
    (
        "recorded before received",
        lambda: Complaint.record(
            received_at=T0,
            customer="王",
            content="慢",
            channel="telephone",
            handler="李",
            at=T0 - dt.timedelta(hours=1),
        ),
        (
            "datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(sec"
            "onds=28800), 'CST'))"
        ),
        "complaints.complaint.record.complaint_cannot",
        (
            "the complaint cannot be recorded (2026-03-02T09:00:00+08:00) before it was "
            "received (2026-03-02T10:00:00+08:00)"
        ),
        "投诉不能在收到（2026-03-02T10:00:00+08:00）之前登记（2026-03-02T09:00:00+08:00）",
    ),
    (
        "a step twice",
        lambda: RECORDED.classify("general", at=T0, actor="李").classify(
            "major", at=T0, actor="李"
        ),
        "<Step.CLASSIFY: 'classify'>",
        "complaints.complaint.advance.step_was",
        (
            "step classify (判定投诉性质) was already done; the procedure (CMP-3) does not "
            "repeat steps; next is investigate (调查分析投诉原因)"
        ),
        (
            "步骤 classify（判定投诉性质）已完成；程序（CMP-3）不重复步骤；下一步是 investigate"
            "（调查分析投诉原因）"
        ),
    ),
    (
        "a step out of order",
        lambda: RECORDED.reply(at=T0, actor="李", result="好"),
        "<Step.REPLY: 'reply'>",
        "complaints.complaint.advance.step_out",
        (
            "step reply (答复客户) is out of order: the procedure (CMP-3) needs classify "
            "(判定投诉性质) next"
        ),
        "步骤 reply（答复客户）顺序不对：按程序（CMP-3）下一步应为 classify（判定投诉性质）",
    ),
    (
        "a step after the review",
        lambda: (
            PROPOSED.reply(at=T0, actor="李", result="好")
            .follow_up(at=T0, actor="李")
            .review(at=T0, actor="王经理")
            .review(at=T0, actor="王经理")
        ),
        "<Step.REVIEW: 'review'>",
        "complaints.complaint.advance.step_was",
        (
            "step review (总结评价) was already done; the procedure (CMP-3) does not repeat "
            "steps; next is nothing (it has been reviewed)"
        ),
        "步骤 review（总结评价）已完成；程序（CMP-3）不重复步骤；下一步是 无（投诉已总结评价）",
    ),
    (
        "a step earlier than the last",
        lambda: RECORDED.classify("general", at=T0 - dt.timedelta(hours=1), actor="李"),
        (
            "datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(sec"
            "onds=28800), 'CST'))"
        ),
        "complaints.complaint.advance.step_earlier",
        (
            "step classify at 2026-03-02T09:00:00+08:00 is earlier than the previous entry "
            "(2026-03-02T10:00:00+08:00)"
        ),
        (
            "步骤 classify 的时间 2026-03-02T09:00:00+08:00 "
            "早于上一条记录（2026-03-02T10:00:00+08:00）"
        ),
    ),
    (
        "a reply by someone else",
        lambda: PROPOSED.reply(at=T0, actor="赵", result="好"),
        "'赵'",
        "complaints.complaint.advance.cannot_whoever",
        (
            "赵 cannot reply: whoever accepts a complaint follows it up and replies (CMP-4), "
            "here 李; record a reassignment first"
        ),
        "赵 不能执行 reply：谁受理投诉谁负责跟进并答复（CMP-4），此处为 李；请先登记转交",
    ),
    (
        "reassigned to the handler",
        lambda: RECORDED.reassign(at=T0, to="李", authorised_by="王经理"),
        "'李'",
        "complaints.complaint.reassign.already_handles",
        "李 already handles this complaint",
        "李 已在处理此投诉",
    ),
    (
        "reassigned earlier than the last",
        lambda: RECORDED.reassign(at=T0 - dt.timedelta(hours=1), to="赵", authorised_by="王经理"),
        (
            "datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(sec"
            "onds=28800), 'CST'))"
        ),
        "complaints.complaint.reassign.reassignment_earlier",
        (
            "the reassignment at 2026-03-02T09:00:00+08:00 is earlier than the previous entry "
            "(2026-03-02T10:00:00+08:00)"
        ),
        "转交时间 2026-03-02T09:00:00+08:00 早于上一条记录（2026-03-02T10:00:00+08:00）",
    ),
    (
        "a deadline without a severity",
        lambda: RECORDED.deadline(),
        "None",
        "complaints.complaint.deadline.complaint_has",
        (
            "the complaint has not been classified yet: its severity sets the deadline (CMP-1); "
            "call classify() first"
        ),
        "投诉尚未定级：其级别决定时限（CMP-1）；请先调用 classify()",
    ),
    (
        "responsible empty",
        lambda: INVESTIGATED.assign(at=T0, actor="李", responsible=" "),
        "' '",
        "complaints.text.not_empty",
        "responsible must not be empty",
        "responsible 不能为空",
    ),
    (
        "responsible not text",
        lambda: INVESTIGATED.assign(at=T0, actor="李", responsible=5),
        "5",
        "complaints.text.text",
        "responsible must be text, got int",
        "responsible 必须是文本，收到的是 int",
    ),
    (
        "tz not a zone",
        lambda: local_date(T0, "Asia/Shanghai"),
        "'Asia/Shanghai'",
        "periods.tz.tz_datetime",
        "tz must be a datetime.tzinfo, got 'Asia/Shanghai'",
        "tz 必须是 datetime.tzinfo，收到的是 'Asia/Shanghai'",
    ),
    (
        "date text not text",
        lambda: parse_date(20260214),
        "20260214",
        "periods.parse_date.text_yyyy",
        "date must be text YYYY-MM-DD, got 20260214",
        "日期必须是 YYYY-MM-DD 格式的文本，收到的是 20260214",
    ),
    (
        "instant not text",
        lambda: parse_instant(5),
        "5",
        "periods.parse_instant.iso_text.1",
        "instant must be ISO 8601 text, got 5",
        "时刻必须是 ISO 8601 文本，收到的是 5",
    ),
    (
        "instant without zone",
        lambda: parse_instant("2026-02-13T10:00"),
        "'2026-02-13T10:00'",
        "periods.parse_instant.has_no_time_zone_add_one_e_g.3",
        (
            "instant: '2026-02-13T10:00' has no time zone: add one, e.g. 2026-02-13T10:00+08:00 "
            "for Beijing time"
        ),
        "时刻：'2026-02-13T10:00' 没有时区：请加上，如北京时间写作 2026-02-13T10:00+08:00",
    ),
    (
        "instant unreadable",
        lambda: parse_instant("yesterday"),
        "'yesterday'",
        "periods.parse_instant.not_date_time.2",
        "instant: not a date and time: 'yesterday' (use e.g. 2026-02-13T10:00+08:00)",
        "时刻：不是日期时间：'yesterday'（例如 2026-02-13T10:00+08:00）",
    ),
    (
        "period of no length",
        lambda: period_end(T0, 0, "days"),
        "0",
        "periods.period_end.period_least",
        "a period must be at least 1 unit long, got 0",
        "期间至少为 1 个单位，收到的是 0",
    ),
    (
        "period too long",
        lambda: period_end(T0, 40000, "days"),
        "40000",
        "periods.period_end.period_longer",
        (
            "a period of 40000 days is longer than custrules counts (at most 36525 days, a "
            "hundred years)"
        ),
        "40000 天的期间超出 custrules 的计算范围（最多 36525 天，即一百年）",
    ),
    (
        "period convention wrong",
        lambda: period_end(T0, 3, "days", convention="civil"),
        "'civil'",
        "periods.period_end.convention_periodconvention",
        "convention must be a PeriodConvention, got 'civil'",
        "convention 必须是 PeriodConvention，收到的是 'civil'",
    ),
    (
        "period calendar wrong",
        lambda: period_end(T0, 3, "working_days", calendar="CN"),
        "'CN'",
        "periods.period_end.calendar_workcalendar",
        "calendar must be a WorkCalendar, got 'CN'",
        "calendar 必须是 WorkCalendar，收到的是 'CN'",
    ),
    (
        "counting day convention wrong",
        lambda: counting_day(T0, WorkCalendar.china(), None, "civil"),
        "'civil'",
        "periods.counting_day.convention_periodconvention",
        "convention must be a PeriodConvention, got 'civil'",
        "convention 必须是 PeriodConvention，收到的是 'civil'",
    ),
    (
        "counting day calendar wrong",
        lambda: counting_day(T0, "CN", None, CIVIL_CODE),
        "'CN'",
        "periods.counting_day.calendar_workcalendar",
        "calendar must be a WorkCalendar, got 'CN'",
        "calendar 必须是 WorkCalendar，收到的是 'CN'",
    ),
    (
        "month 13",
        lambda: Month(2026, 13),
        "(2026, 13)",
        "periods.month.not_month",
        "not a month: 2026-13 (month must be 1-12)",
        "不是月份：2026-13（月份应为 1-12）",
    ),
    (
        "month text unreadable",
        lambda: Month.parse("2026/03"),
        "'2026/03'",
        "periods.month.parse.not_month",
        "not a month: '2026/03' (use YYYY-MM)",
        "不是月份：'2026/03'（请用 YYYY-MM）",
    ),
    (
        "month of a wrong type",
        lambda: Month.parse(202603),
        "202603",
        "periods.month.parse.month_month",
        "a month must be a Month, a date or 'YYYY-MM', got 202603",
        "月份必须是 Month、日期或 'YYYY-MM'，收到的是 202603",
    ),
    (
        "customers as text",
        lambda: retention(at_start="abc", at_end=["a"]),
        "'abc'",
        "metrics.ids.collection_customer",
        "at_start must be a collection of customer ids, got 'abc'",
        "at_start 必须是客户编号的集合，收到的是 'abc'",
    ),
    (
        "customer id not text",
        lambda: retention(at_start=["a", 5], at_end=["a"]),
        "5",
        "metrics.ids.customer_ids",
        "customer ids must be non-empty text, got 5",
        "客户编号必须是非空文本，收到的是 5",
    ),
    (
        "frequency period wrong",
        lambda: purchase_frequency([], customers=["a"], period="2026-03"),
        "'2026-03'",
        "metrics.purchase_frequency.period_period",
        "period must be a Period, got '2026-03'",
        "period 必须是 Period，收到的是 '2026-03'",
    ),
    (
        "satisfaction period wrong",
        lambda: satisfaction([], period="2026-03"),
        "'2026-03'",
        "metrics.satisfaction.period_period",
        "period must be a Period, got '2026-03'",
        "period 必须是 Period，收到的是 '2026-03'",
    ),
    (
        "scale of three numbers",
        lambda: satisfaction([], period=Period.month("2026-03"), scale=(0, 50, 100)),
        "(0, 50, 100)",
        "metrics.satisfaction.scale_two",
        "the scale is two numbers, low and high, got (0, 50, 100)",
        "分值范围是两个数（最低、最高），收到的是 (0, 50, 100)",
    ),
    (
        "scale reversed",
        lambda: satisfaction([], period=Period.month("2026-03"), scale=(100, 0)),
        "(100, 0)",
        "metrics.satisfaction.scale_run",
        "the scale must run from low to high, got (100, 0)",
        "分数范围必须从低到高，收到的是 (100, 0)",
    ),
    (
        "statutory days of 1999",
        lambda: statutory_days(1999),
        "1999",
        "notice.statutory_days.statutory_days",
        (
            "statutory days are computed for 2000-2099 (the measures of 2000 onwards, and the "
            "lunar tables installed); got 1999"
        ),
        "法定节假日只计算 2000-2099 年（2000 年以来的放假办法及已安装的农历表）；收到的是 1999",
    ),
    (
        "statutory days of a year given as text",
        lambda: statutory_days("2027"),
        "'2027'",
        "check.integer.int",
        "year must be an int, got str ('2027')",
        "year 必须是整数，收到的是 str（'2027'）",
    ),
    (
        "notice check_installed not a bool",
        lambda: ScheduleNotice.parse(NOTICE_2027, check_installed="yes"),
        "'yes'",
        "check.boolean.true_false",
        "check_installed must be true or false (a bool), got str ('yes')",
        "check_installed 必须是 true 或 false（布尔值），收到的是 str（'yes'）",
    ),
    (
        "notice make-up working day on a weekday",
        lambda: ScheduleNotice.parse(
            NOTICE_2027.replace("2月20日（周六）上班。", "2月19日（周五）上班。"),
            check_installed=False,
        ),
        "None",
        "notice.schedulenotice.check_makeup.make_up",
        (
            "line 3: 2027-02-19 is a make-up working day (上班) on a Friday (周五): only a "
            "Saturday or Sunday can be one"
        ),
        "第 3 行：2027-02-19 是 周五 的调休上班日（上班）：只有周六或周日才能调休上班",
    ),
    (
        "calendar notices not notices",
        lambda: attrs.evolve(CHINA, notices=["x"]),
        "'x'",
        "check.items_of.hold",
        "notices must hold ScheduleNotice objects, got str ('x')",
        "notices（国务院通知）只能包含 ScheduleNotice 对象，收到的是 str（'x'）",
    ),
    (
        "notice not text",
        lambda: ScheduleNotice.parse(2027),
        "2027",
        "notice.schedulenotice.parse.notice_text",
        "a notice is text, got int",
        "通知应为文本，收到的是 int",
    ),
    (
        "notice without a year",
        lambda: ScheduleNotice.parse("一、元旦：1月1日放假，共1天。"),
        "'一、元旦：1月1日放假，共1天。'",
        "notice.schedulenotice.parse.no_year",
        (
            "line 1: no year: the title (国务院办公厅关于N年部分节假日安排的通知) is missing; "
            "pass year=..."
        ),
        "第 1 行：没有年份：缺少标题（国务院办公厅关于N年部分节假日安排的通知）；请传入 year=...",
    ),
    (
        "notice year contradicts",
        lambda: ScheduleNotice.parse(NOTICE_2027, year=2028),
        "2028",
        "notice.schedulenotice.parse.year_contradicts",
        "line 1: year=2028 contradicts the title, which says 2027",
        "第 1 行：year=2028 与标题矛盾，标题为 2027",
    ),
    (
        "holiday-cn not a mapping",
        lambda: ScheduleNotice.from_holiday_cn([]),
        "[]",
        "notice.schedulenotice.from_holiday_cn.holiday_cn_data",
        "holiday-cn data is a JSON object",
        "holiday-cn 数据应为 JSON 对象",
    ),
    (
        "holiday-cn day malformed",
        lambda: ScheduleNotice.from_holiday_cn({"year": 2027, "days": [{"name": "元旦"}]}),
        "None",
        "periods.parse_date.text_yyyy",
        "date must be text YYYY-MM-DD, got None",
        "日期必须是 YYYY-MM-DD 格式的文本，收到的是 None",
    ),
]


@pytest.mark.parametrize(
    ("what", "call", "value", "code", "en", "zh"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_refusals_word_for_word_with_their_codes(
    what: str, call: Any, value: str, code: str, en: str, zh: str
) -> None:
    refusal_row(what, call, value, code, en, zh)
