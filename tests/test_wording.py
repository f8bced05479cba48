"""Wording of the texts: English grammar (singular for one, "an" before a vowel, labels not
identifiers), Chinese names for foreign matters and stages, Chinese lists and units."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance import committee as cm
from community_governance._base.format import counted, indefinite, unit_word
from community_governance.audit.findings import Discrepancy
from community_governance.jurisdictions import REGISTRY
from community_governance.money import EmergencyApplication, Fund, apportion, check_emergency
from community_governance.rules.committee import Seat
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.money import Applicant
from community_governance.rules.periods import Period
from community_governance.rules.procedures import Condition, ConditionRole, Stage, Weight
from community_governance.voting.checks import CheckRole, check

LAW = cg.Citation("example_act", "7")


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(days=1), "1 day"),
        (Period(days=2), "2 days"),
        (Period(months=1), "1 month"),
        (Period(months=3), "3 months"),
        (Period(years=1), "1 year"),
        (Period(years=5), "5 years"),
        (Period(working_days=1), "1 working day"),
        (Period(working_days=10), "10 working days"),
    ],
)
def test_a_period_of_one_is_singular(period: Period, text: str) -> None:
    assert period.describe() == text


def test_counted_words() -> None:
    assert (counted(1, "person"), counted(-1, "person"), counted(0, "person")) == (
        "1 person",
        "-1 person",
        "0 persons",
    )
    assert counted(2, "child", "children") == "2 children"
    assert unit_word(Fraction(1), "person") == "person"
    assert (indefinite("owner representative"), indefinite("developer")) == (
        "an owner representative",
        "a developer",
    )


def _heads(numerator: int, denominator: int) -> str:
    threshold = cg.Threshold(cg.Measure.HEADS, "participating", "more-than", "1/2", LAW)
    return check(CheckRole.APPROVAL, threshold, numerator, denominator).line()


def test_a_margin_of_one_person_is_singular() -> None:
    assert "of 1 person (" in _heads(1, 1) and "(at least 1 person)" in _heads(1, 1)
    assert "margin -1 person." in _heads(2, 4)
    assert "margin +0 persons." in _heads(3, 4) and "of 4 persons (" in _heads(3, 4)
    assert "margin +1 person." in _heads(4, 4)
    assert "margin +2 persons." in _heads(5, 5)


def test_cadence_every_week_reads_weekly() -> None:
    weekly = cm.Cadence.weekly("office day", weekday=0, citation=LAW)
    assert str(weekly).startswith("office day: weekly (law;")
    fortnightly = cm.Cadence("office day", LAW, "weekly", interval=2, weekday=0)
    assert str(fortnightly).startswith("office day: every 2 weeks (")
    assert "every 3 years" in str(cm.Cadence("office day", LAW, "yearly", interval=3))


def test_seats_have_labels() -> None:
    assert Seat.OWNER.label() == "an owner representative"
    assert Seat.OWNER.label("zh") == "业主代表"
    assert all(seat.label() and seat.label("zh") for seat in Seat)
    assert "-" not in Seat.RESIDENTS_COMMITTEE.label()


def test_emergency_reason_names_the_applicant_once() -> None:
    estate = cg.Estate.from_records([{"unit": "1-101", "area": "100", "owners": ["A"]}])
    fund = Fund.open(estate).deposit(apportion("1000", estate), on=date(2024, 1, 1))
    rules = cg.rules_for("CN", on=date(2024, 6, 1))
    for applicant, line in (
        (Applicant.COMMITTEE, "✓ met — applicant: applied for by the committee."),
        (Applicant.PROPERTY_COMPANY, "✗ not met — applicant: applied for by the property company."),
    ):
        application = EmergencyApplication(applicant, True, apportion("300", estate), True, True)
        assert check_emergency(application, rules, fund).steps[0].line().startswith(line)


def test_every_declared_matter_has_a_chinese_name() -> None:
    matters = [
        (item.code, matter)
        for item in REGISTRY.jurisdictions
        for layer in item.layers
        for matter in layer.procedures
    ]
    assert matters
    assert [code for code, matter in matters if not matter.zh.strip()] == []
    for _, matter in matters:
        assert matter.name("zh") == f"{matter.zh}（「{matter.local}」）"


def test_a_matter_without_a_chinese_name_quotes_the_statute() -> None:
    works = DeclaredMatter("works", "improvement works", "travaux", LAW)
    assert works.name("zh") == "「travaux」"
    assert works.name() == "improvement works (travaux)"
    named = DeclaredMatter("works", "improvement works", "travaux", LAW, zh="改良工程")
    assert named == works and hash(named) == hash(works)  # the Chinese name is a rendering
    assert named.name("zh") == "改良工程（「travaux」）"
    with pytest.raises(TypeError):
        DeclaredMatter("works", "improvement works", "travaux", LAW, zh=1)  # type: ignore[arg-type]


def test_a_stage_is_described_by_what_it_requires() -> None:
    quorum_law = cg.Citation("example_act", "5(1)")
    gt, ge = cg.Comparator.MORE_THAN, cg.Comparator.AT_LEAST
    stage = Stage(
        "s.5 meeting",
        (
            Condition(ConditionRole.ATTENDING, Weight.PERSONS, cg.Base.ALL, ge, "1/10", quorum_law),
            Condition(ConditionRole.AGREE, Weight.SHARES, cg.Base.CAST, gt, "1/2", LAW),
            Condition(ConditionRole.AGREE, Weight.AREA, cg.Base.ATTENDING, ge, "2/3", LAW),
            Condition(ConditionRole.AGREE, Weight.UNITS, cg.Base.PARTICIPATING, ge, "1", LAW),
        ),
        LAW,
    )
    assert stage.describe("zh") == (
        "全体业主人数十分之一以上出席，且赞成与反对票份额过半数同意，"
        "且出席者所持面积三分之二以上同意，且参与表决者户数全部同意"
    )
    assert stage.describe().startswith("attending by persons at least 1/10 of all owners and ")
    assert stage.citations == (quorum_law, LAW)  # the quorum's article first, the stage's once
    empty = Stage("formal step", (), LAW)
    assert (empty.describe(), empty.describe("zh"), empty.citations) == (
        "no tests",
        "无表决比例要求",
        (LAW,),
    )


def test_a_list_of_articles_in_chinese() -> None:
    assert cg.Citation("sh_pm_2020", "35, 69").format("zh").startswith("《")
    assert "第35条、第69条" in cg.Citation("sh_pm_2020", "35, 69").format("zh")
    assert "第35条、第69条第2款" in cg.Citation("x", "35, 69(2)").format("zh")
    assert "第Sch条" not in cg.Citation("x", "Sch. 3, 4").format("zh")


@pytest.mark.parametrize(
    ("code", "announced", "recounted", "zh"),
    [
        ("participation-heads", "23", "21", "公布为23人，复核为21人"),
        ("agree-area", "700.00", "652.90", "公布为700.00平方米，复核为652.90平方米"),
        (
            "elected",
            "Chen, Guo, Hu",
            "Chen, Fang, Guo",
            "公布为Chen、Guo、Hu，复核为Chen、Fang、Guo",
        ),
        ("passed", "passed", "not passed", "公布为通过，复核为未通过"),
    ],
)
def test_audit_figures_in_chinese(code: str, announced: str, recounted: str, zh: str) -> None:
    item = Discrepancy(code, "s", announced, recounted, "figure", "数字")
    assert item.figures("zh") == f"数字：{zh}"
    assert item.figures() == f"figure: announced {announced}, recounted {recounted}"


def test_money_over_one_unit_is_singular() -> None:
    estate = cg.Estate.from_records([{"unit": "1-101", "area": "100", "owners": ["A"]}])
    split = apportion("300", estate)
    assert "over 1 unit, the parts summing exactly" in split.describe()
    fund = Fund.open(estate).deposit(split, on=date(2024, 1, 1))
    assert "300.00 yuan over 1 unit" in fund.describe()
