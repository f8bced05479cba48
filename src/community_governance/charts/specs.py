"""Vega-Lite specs of results: shares of heads and area against the threshold, seats marked.

Charts are for looking, not deciding: the shares in a spec are rounded percentages (display
numbers, two places); every verdict shown is the result's own exact one.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

import attrs
import vl_convert as vlc

from community_governance._base.lang import language
from community_governance.elections import Composition, ElectionResult
from community_governance.exceptions import VotingInputError
from community_governance.rules.thresholds import Comparator
from community_governance.voting import Check, Decision

__all__ = ["SCHEMA", "Chart", "chart"]

#: The Vega-Lite schema the specs are written for.
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

_WORDS = {
    "en": {
        "share": "share (%)",
        "required": "required (%)",
        "check": "check",
        "candidate": "candidate",
        "measure": "measure",
        "verdict": "verdict",
        "met": "met",
        "not met": "not met",
        "elected": "elected",
        "not elected": "not elected",
        "heads": "heads",
        "area": "area",
        "target": "target",
        "party": "party members",
        "comparator": "comparison",
    },
    "zh": {
        "share": "比例（%）",
        "required": "要求（%）",
        "check": "检查",
        "candidate": "候选人",
        "measure": "维度",
        "verdict": "结论",
        "met": "达到",
        "not met": "未达到",
        "elected": "当选",
        "not elected": "未当选",
        "heads": "人数",
        "area": "面积",
        "target": "目标",
        "party": "党员",
        "comparator": "比较",
    },
}


def _percent(value: Fraction | None) -> float:
    """A display percentage with two places (``0`` for an empty base)."""
    if value is None:
        return 0.0
    shown = (Decimal(value.numerator) * 100 / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    return float(shown)


@attrs.frozen(slots=True)
class Chart:
    """A Vega-Lite chart that notebooks render natively (``_repr_mimebundle_``).

    Attributes:
        spec: The Vega-Lite v5 specification (plain JSON-ready data).
        title: The chart's title.
    """

    spec: dict[str, Any]
    title: str

    def to_svg(self) -> str:
        """The chart rendered to SVG, headlessly (vl-convert)."""
        return str(vlc.vegalite_to_svg(self.spec))

    def to_png(self, scale: float = 1) -> bytes:
        """The chart rendered to PNG, headlessly (vl-convert)."""
        return bytes(vlc.vegalite_to_png(self.spec, scale=scale))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {"application/vnd.vegalite.v5+json": self.spec, "text/plain": repr(self)}

    def __repr__(self) -> str:
        """One line: the title and the number of rows drawn."""
        return f"<Chart {self.title!r}: {len(self.spec['data']['values'])} rows>"


def chart(result: Decision | ElectionResult | Composition, *, lang: str = "en") -> Chart:
    """Draw a result as a Vega-Lite chart.

    Per check (decision) or per candidate (election): the share of heads and of area against
    the threshold line, elected seats marked (★); a composition: its party share against each
    target.

    Args:
        result: A `Decision`, an `ElectionResult` or a `Composition`.
        lang: ``"en"`` or ``"zh"`` for titles, axes and legends.

    Raises:
        VotingInputError: ``result`` is none of these.
        LanguageError: ``lang`` is not ``"en"`` or ``"zh"``.
    """
    lang = language(lang)
    words = _WORDS[lang]
    if isinstance(result, Decision):
        return _decision(result, lang, words)
    if isinstance(result, ElectionResult):
        return _election(result, lang, words)
    if isinstance(result, Composition):
        return _composition(result, lang, words)
    raise VotingInputError(
        f"chart: expected a Decision, ElectionResult or Composition, not {type(result).__name__}",
        field="result",
        value=result,
    )


_GREEN, _RED, _GREY = "#2e7d32", "#c62828", "#9e9e9e"


def _spec(
    title: str, rows: list[dict[str, Any]], y: str, words: dict[str, str], verdicts: list[str]
) -> dict[str, Any]:
    """Bars of ``share`` per ``y`` with a tick at ``required``, one panel per measure."""
    axis = {"field": y, "type": "nominal", "title": words[y], "sort": None}
    layer = [
        {
            "mark": {"type": "bar"},
            "encoding": {
                "y": axis,
                "x": {
                    "field": "share",
                    "type": "quantitative",
                    "title": words["share"],
                    "scale": {"domain": [0, 100]},
                },
                "color": {
                    "field": "verdict",
                    "type": "nominal",
                    "title": words["verdict"],
                    "scale": {"domain": verdicts, "range": [_GREEN, _RED, _GREY][: len(verdicts)]},
                },
                "tooltip": [
                    {"field": y, "type": "nominal", "title": words[y]},
                    {"field": "share", "type": "quantitative", "title": words["share"]},
                    {"field": "required", "type": "quantitative", "title": words["required"]},
                    {"field": "comparator", "type": "nominal", "title": words["comparator"]},
                    {"field": "verdict", "type": "nominal", "title": words["verdict"]},
                ],
            },
        },
        {
            "mark": {"type": "tick", "color": "black", "thickness": 2},
            "encoding": {"y": axis, "x": {"field": "required", "type": "quantitative"}},
        },
    ]
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": rows},
        "facet": {"column": {"field": "measure", "type": "nominal", "title": words["measure"]}},
        "spec": {"width": 240, "layer": layer},
    }


def _check_row(
    check: Check, label: str, verdict: str, words: dict[str, str], lang: str
) -> dict[str, Any]:
    return {
        "measure": words[check.threshold.measure.value],
        "share": _percent(check.actual),
        "required": _percent(check.threshold.ratio),
        "comparator": check.threshold.comparator.label(lang),
        "verdict": verdict,
        "label": label,
    }


def _decision(decision: Decision, lang: str, words: dict[str, str]) -> Chart:
    rows = []
    for check in decision.checks:
        verdict = words["met" if check.passed else "not met"]
        row = _check_row(check, "", verdict, words, lang)
        base = check.threshold.base.label(lang)
        row["check"] = (
            f"{check.role.label(lang)}（{base}）"
            if lang == "zh"
            else (f"{check.role.label(lang)} ({base})")
        )
        rows.append(row)
    verdict = (
        ("通过" if decision.passed else "未通过")
        if lang == "zh"
        else ("passed" if decision.passed else "not passed")
    )
    title = f"{decision.matter.label(lang)}{'：' if lang == 'zh' else ': '}{verdict}"
    spec = _spec(title, rows, "check", words, [words["met"], words["not met"]])
    return Chart(spec, title)


def _election(result: ElectionResult, lang: str, words: dict[str, str]) -> Chart:
    rows = []
    for candidate in result.candidates:
        seated = candidate.candidate in result.elected
        verdict = words["elected" if seated else "not elected"]
        for check in candidate.checks:
            row = _check_row(check, "", verdict, words, lang)
            row["candidate"] = candidate.candidate + (" ★" if seated else "")
            rows.append(row)
    names = "、".join(result.elected) if lang == "zh" else ", ".join(result.elected)
    if lang == "zh":
        title = f"第{result.round}轮选举：当选 {names or '无'}"
    else:
        title = f"Election round {result.round}: elected {names or 'nobody'}"
    spec = _spec(title, rows, "candidate", words, [words["elected"], words["not elected"]])
    return Chart(spec, title)


def _composition(body: Composition, lang: str, words: dict[str, str]) -> Chart:
    undetermined = "待定" if lang == "zh" else "undetermined"
    labels = {True: words["met"], False: words["not met"], None: undetermined}
    rows = [
        {
            "measure": words["party"],
            "target": target.name,
            "share": _percent(body.party.ratio),
            "required": _percent(target.at_least),
            "comparator": Comparator.AT_LEAST.label(lang),  # a target is reached at its bound
            "verdict": labels[met],
        }
        for target, met in body.targets
    ]
    title = f"{'组成：' if lang == 'zh' else 'Composition: '}{body.party.text(lang)}"
    spec = _spec(title, rows, "target", words, [words["met"], words["not met"], undetermined])
    return Chart(spec, title)
