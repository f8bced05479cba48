"""Renderers for [Decision][community_governance.Decision]: text, Markdown and HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from community_governance.explain._format import decimal_text, percent, ratio_text, signed
from community_governance.explain._html import html_table
from community_governance.voting.thresholds import Measure

if TYPE_CHECKING:
    from community_governance.voting.decision import Check, Decision

__all__ = ["check_line", "decision_html", "decision_markdown", "decision_text"]

_UNIT = {
    "en": {Measure.HEADS: "persons", Measure.AREA: "m²"},
    "zh": {Measure.HEADS: "人", Measure.AREA: "平方米"},
}


def _unit(check: Check, lang: str) -> str:
    return _UNIT["zh" if lang == "zh" else "en"][check.threshold.measure]


def check_line(check: Check, lang: str = "en") -> str:
    """One line: measure, figures, requirement, margin, verdict and article."""
    threshold = check.threshold
    unit = _unit(check, lang)
    ratio = ratio_text(threshold.ratio)
    minimum = check.minimum_heads
    if lang == "zh":
        need = f"{threshold.base.label('zh')}的{ratio}{threshold.comparator.label('zh')}"
        need += (
            f"（至少{minimum}人）"
            if minimum is not None
            else (f"（{decimal_text(check.required)}{unit}）")
        )
        verdict = "✓ 达到" if check.passed else "✗ 未达到"
        return (
            f"{verdict} {check.role.label('zh')}{threshold.measure.label('zh')}："
            f"{decimal_text(check.numerator)}{unit}，占{decimal_text(check.denominator)}{unit}的"
            f"{percent(check.actual)}，要求{need}，余量{signed(check.margin)}{unit}。"
            f"依据：{check.citation.format('zh')}"
        )
    need = f"{threshold.comparator.label()} {ratio} of {threshold.base.label()}"
    need += (
        f" (at least {minimum} persons)"
        if minimum is not None
        else (f" ({decimal_text(check.required)} m²)")
    )
    verdict = "✓ met" if check.passed else "✗ not met"
    return (
        f"{verdict} — {check.role.label()} by {threshold.measure.label()}: "
        f"{decimal_text(check.numerator)} of {decimal_text(check.denominator)} {unit} "
        f"({percent(check.actual)}); required {need}; margin {signed(check.margin)} {unit}. "
        f"Source: {check.citation.format()}"
    )


def _persons(count: int) -> str:
    return f"{count} person" if count == 1 else f"{count} persons"


def decision_text(decision: Decision, lang: str = "en") -> str:
    """The full explanation of a decision as plain text."""
    tally = decision.tally
    if lang == "zh":
        verdict = "通过" if decision.passed else "未通过"
        lines = [
            f"表决事项：{decision.matter.label('zh')} —— {verdict}",
            f"适用规则：{decision.jurisdiction}，{decision.on.isoformat()}"
            f"（{decision.rule_layer}；{decision.rule_citation.format('zh')}）",
            f"计票：业主共{tally.total.heads}人、专有部分面积{decimal_text(tally.total.area)}平方米；"
            f"参与表决{tally.participating.heads}人、{decimal_text(tally.participating.area)}平方米；"
            f"同意{tally.agree.heads}人、{decimal_text(tally.agree.area)}平方米；"
            f"反对{tally.oppose.heads}人；弃权{tally.abstain.heads}人；废票{tally.spoiled.heads}人。",
        ]
    else:
        verdict = "PASSED" if decision.passed else "NOT PASSED"
        lines = [
            f"Matter: {decision.matter.label()} — {verdict}",
            f"Rules: {decision.jurisdiction} on {decision.on.isoformat()} "
            f"({decision.rule_layer}; {decision.rule_citation.format()})",
            f"Count: {_persons(tally.total.heads)}, {decimal_text(tally.total.area)} m² in all; "
            f"taking part {_persons(tally.participating.heads)}, "
            f"{decimal_text(tally.participating.area)} m²; agreeing {_persons(tally.agree.heads)}, "
            f"{decimal_text(tally.agree.area)} m²; opposing {tally.oppose.heads}, "
            f"abstaining {tally.abstain.heads}, spoiled {tally.spoiled.heads}.",
        ]
    lines.extend(f"  {check_line(check, lang)}" for check in decision.checks)
    for notice in decision.notices:
        lines.append(("注意：" if lang == "zh" else "Note: ") + notice.text(lang))
    if decision.without_deemed_votes is not None:
        other = decision.without_deemed_votes
        if lang == "zh":
            lines.append(f"不适用视为同意多数条款时的结果：{'通过' if other.passed else '未通过'}")
        else:
            lines.append(
                "Without the deemed-vote clause the result would be: "
                + ("PASSED" if other.passed else "NOT PASSED")
            )
    return "\n".join(lines)


def _rows(decision: Decision, lang: str) -> list[list[str]]:
    return [
        [
            check.role.label(lang),
            check.threshold.measure.label(lang),
            f"{decimal_text(check.numerator)} / {decimal_text(check.denominator)}",
            percent(check.actual),
            f"{check.threshold.comparator.symbol} {ratio_text(check.threshold.ratio)}",
            signed(check.margin),
            ("✓" if check.passed else "✗"),
            check.citation.format(lang),
        ]
        for check in decision.checks
    ]


_HEAD = {
    "en": ["check", "measure", "figures", "actual", "required", "margin", "verdict", "source"],
    "zh": ["检查", "维度", "数值", "比例", "要求", "余量", "结论", "依据"],
}


def decision_markdown(decision: Decision, lang: str = "en") -> str:
    """The checks as a Markdown table under a one-line verdict."""
    head = _HEAD["zh" if lang == "zh" else "en"]
    first = decision_text(decision, lang).splitlines()[0]
    lines = [f"**{first}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend("| " + " | ".join(row) + " |" for row in _rows(decision, lang))
    lines.extend(f"- {notice.text(lang)}" for notice in decision.notices)
    return "\n".join(lines)


def decision_html(decision: Decision) -> str:
    """The checks as an HTML table (for notebooks), in English with the Chinese verdict."""
    verdict = "PASSED 通过" if decision.passed else "NOT PASSED 未通过"
    caption = f"{decision.matter.label()} ({decision.matter.label('zh')}): {verdict}"
    return html_table(
        caption,
        _HEAD["en"],
        _rows(decision, "en"),
        footer=[notice.text() for notice in decision.notices],
    )
