"""Explanations: zh and en text, Markdown and HTML carry figures, verdicts and articles."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.format import (
    area_text,
    decimal_text,
    percent,
    percent_figure,
    ratio_text,
    signed,
    signed_area,
)
from community_governance._base.html import html_table


def quickstart() -> cg.Decision:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        ]
    )
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("2-301", "agree"),
        cg.Ballot("1-102", "oppose"),
    ]
    rules = cg.rules_for("CN-SH", on=date(2025, 3, 1))
    return cg.decide(estate, ballots, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=rules)


def test_english_text_has_each_check() -> None:
    text = quickstart().explain()
    assert text.splitlines()[0] == "Matter: raise maintenance fund — NOT PASSED"
    assert "304.52 of 392.52 m² (≈77.58%)" in text
    assert "required at least 2/3 of all owners (261.68 m²); margin +42.84 m²" in text
    assert "✗ not met — approval by heads: 1 of 2 persons (50.00%)" in text
    assert "at least 3/4 of those taking part (at least 2 persons); margin -1 person" in text
    assert text.count("Source: Shanghai Residential Property Management Provisions Art. 18") == 4
    assert "✓ met — taking part by heads: 2 of 3 persons (≈66.67%)" in text


def test_chinese_text_has_each_check() -> None:
    text = quickstart().explain(lang="zh")
    assert text.splitlines()[0] == "表决事项：筹集建筑物及其附属设施的维修资金 —— 未通过"
    assert "✓ 达到 参与表决专有部分面积：304.52平方米，占392.52平方米的≈77.58%" in text
    assert "要求专有部分面积占比三分之二以上（261.68平方米），余量+42.84平方米" in text
    assert (
        "✗ 未达到 表决同意人数：1人，占2人的50.00%，"
        "要求参与表决人数四分之三以上（至少2人），余量-1人" in text
    )
    assert text.count("依据：《上海市住宅物业管理规定》第18条（2020年文本）") == 4
    assert "业主共3人、专有部分面积392.52平方米" in text


def test_passed_text_and_notices() -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "1/3", "owners": ["Li"]},
            {"unit": "1-102", "area": "1/3", "owners": ["Li", "Wang"]},
            {"unit": "1-103", "area": "1/3", "owners": ["Zhao"]},
        ]
    )
    ballots = [cg.Ballot(u.id, "agree") for u in estate.units]
    decision = cg.decide(
        estate, ballots, matter="elect-committee", rules=cg.rules_for("CN", on=date(2022, 1, 1))
    )
    assert decision.passed
    en, zh = decision.explain(), decision.explain("zh")
    assert "— PASSED" in en
    assert "—— 通过" in zh
    assert "Note: Owner Li belongs to distinct owner sets" in en
    assert "注意：业主 Li 分属不同的业主集合" in zh
    assert "1.00 of 1.00 m²" in en  # fractions adding up to a whole show exactly
    markdown = decision.to_markdown()
    assert "- Owner Li belongs to distinct owner sets" in markdown
    assert (
        "≈0.67"
        in cg.Check(
            cg.CheckRole.APPROVAL,
            decision.checks[2].threshold,
            Fraction(2, 3),
            Fraction(1),
            True,
        ).line()
    )


def test_markdown_table() -> None:
    markdown = quickstart().to_markdown()
    lines = markdown.splitlines()
    assert lines[0] == "**Matter: raise maintenance fund — NOT PASSED**"
    assert (
        lines[2] == "| check | measure | figures | actual | required | margin | verdict | source |"
    )
    assert "| approval | area | 184.47 / 304.52 | ≈60.58% | ≥ 3/4 | -43.92 | ✗ |" in markdown
    assert len([line for line in lines if line.startswith("| ")]) == 5
    zh = quickstart().to_markdown("zh")
    assert "| 检查 | 维度 | 数值 | 比例 | 要求 | 余量 | 结论 | 依据 |" in zh
    assert "| 表决同意 | 人数 | 1 / 2 | 50.00% | ≥ 3/4 | -1 | ✗ |" in zh


def test_html_renders_and_escapes() -> None:
    html = quickstart()._repr_html_()
    assert html.startswith('<div class="community-governance"><table>')
    assert "NOT PASSED 未通过" in html
    assert "<td>304.52 / 392.52</td>" in html
    assert "<td>≥ 2/3</td>" in html
    assert html.count("<tr>") == 5
    table = html_table("a <b>", ["x&y"], [["<script>"]], footer=["1 < 2"])
    assert "<caption>a &lt;b&gt;</caption>" in table
    assert "<th>x&amp;y</th>" in table
    assert "<td>&lt;script&gt;</td>" in table
    assert "<p>1 &lt; 2</p>" in table
    assert "<script>" not in table


def test_html_escapes_notices_from_estate_clauses() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "1", "owners": [f"O{n}"]} for n in range(3)]
    )
    clause = cg.rules.DeemedVoteClause("<b>Art. 9</b> & more")
    rules = cg.rules_for("CN", on=date(2022, 1, 1)).with_layer(
        cg.jurisdictions.estate_layer("Garden", params={"deemed_vote": clause}, clause="Art. 9")
    )
    decision = cg.decide(estate, [cg.Ballot("1-0", "agree")], matter="elect-committee", rules=rules)
    html = decision._repr_html_()
    assert "&lt;b&gt;Art. 9&lt;/b&gt; &amp; more" in html
    assert "<b>Art. 9</b>" not in html
    assert "PASSED 通过" in html


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(1, 3), "≈0.33"),
        (Fraction(1, 2), "0.50"),
        (5, "5"),
        (Fraction(200), "200"),
        (Fraction(2, 3), "≈0.67"),
        (Fraction(1, 8), "≈0.12"),
    ],
)
def test_decimal_text(value: Fraction | int, text: str) -> None:
    assert decimal_text(value) == text


def test_signed_percent_ratio() -> None:
    assert signed(0) == "+0"
    assert signed(Fraction(-1, 3)) == "≈-0.33"
    assert signed(Fraction(5, 2)) == "+2.50"
    assert percent(None) == "—"
    assert percent(Fraction(2, 3)) == "66.67%"
    assert percent(Fraction(1, 2)) == "50%"
    assert ratio_text(Fraction(1)) == "1"
    assert ratio_text(Fraction(3, 4)) == "3/4"


def test_notice_text() -> None:
    cite = cg.Citation("civil_code", "278(2)")
    notice = cg.Notice("x", "hello", "你好", cite)
    assert notice.text() == "hello (Civil Code Art. 278(2) [high confidence])"
    assert notice.text("zh") == "你好（《民法典》第278条第2款〔高可信度〕）"
    assert cg.Notice("y", "plain", "平").text("zh") == "平"


def test_role_labels() -> None:
    assert cg.CheckRole.QUORUM.label("zh") == "参与表决"
    assert cg.CheckRole.APPROVAL.label() == "approval"


def test_html_has_the_tally_line() -> None:
    html = quickstart()._repr_html_()
    assert (
        "<p>Count: 3 persons, 392.52 m² in all; taking part 2 persons, 304.52 m²; agreeing "
        "1 person, 184.47 m²; opposing 1, abstaining 0, spoiled 0.</p>"
    ) in html


def test_decision_repr_is_one_line_verdict_first() -> None:
    decision = quickstart()
    text = repr(decision)
    assert text == str(decision)
    assert "\n" not in text
    assert text.startswith("<Decision NOT PASSED: raise maintenance fund under CN-SH")
    assert text.endswith("4 checks, 2 not met>")
    estate = cg.Estate.from_records([{"unit": "1-0", "area": "1", "owners": ["O"]}])
    passed = cg.decide(
        estate,
        [cg.Ballot("1-0", "agree")],
        matter="elect-committee",
        rules=cg.rules_for("CN", on=date(2022, 1, 1)),
    )
    assert repr(passed).startswith("<Decision PASSED: ")


def test_one_rule_for_area_and_percentage_figures() -> None:
    assert area_text(Fraction(147081, 10)) == "14708.10"
    assert area_text(88) == "88.00"
    assert area_text(Fraction(1, 3)) == "≈0.33"
    assert signed_area(0) == "+0.00"
    assert signed_area(Fraction(-1, 3)) == "≈-0.33"
    assert signed_area(Fraction(5, 2)) == "+2.50"
    assert percent_figure(Fraction(791, 1000)) == "79.10%"
    assert percent_figure(Fraction(1, 2)) == "50.00%"
    assert percent_figure(Fraction(2, 3)) == "≈66.67%"
    assert percent_figure(None) == "—"
    text = quickstart().explain()
    markdown, html = quickstart().to_markdown(), quickstart()._repr_html_()
    for shown in (text, markdown, html):
        assert "304.52" in shown and "≈77.58%" in shown
