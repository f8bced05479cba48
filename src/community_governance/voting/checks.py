"""Checks: one threshold applied to counted figures, shared by every engine.

[check][community_governance.voting.checks.check] is the one place where a threshold is compared
with figures (exactly, by cross-multiplication): votes, elections and every later engine build
their [Check][community_governance.Check] values through it.
"""

from __future__ import annotations

import math
from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation
from community_governance._base.exact import Exact, normalise, ratio
from community_governance._base.format import (
    area_text,
    counted,
    decimal_text,
    least_hundredth,
    percent_figure,
    ratio_text,
    signed,
    signed_area,
)
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.rules.thresholds import Comparator, Measure, Threshold

__all__ = ["Check", "CheckRole", "Figures", "Tally", "check"]


@attrs.frozen(slots=True, repr=False)
class Figures:
    """A head count and an area, counted together.

    Attributes:
        heads: Counted persons.
        area: Their exclusive area (exact).
    """

    heads: int
    area: Exact

    def of(self, measure: Measure) -> Exact | int:
        """The figure for ``measure``."""
        return self.heads if measure is Measure.HEADS else self.area

    def describe(self, lang: str = "en") -> str:
        """Heads and area in ``"en"`` or ``"zh"``.

        ``"3 persons, 300.00 m²"``; in Chinese ``"3人、300.00平方米"``.
        """
        lang = language(lang)
        if lang == "zh":
            return f"{self.heads}人、{area_text(self.area)}平方米"
        persons = "person" if self.heads == 1 else "persons"
        return f"{self.heads} {persons}, {area_text(self.area)} m²"

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        return f"<Figures {self}>"

    def _repr_html_(self) -> str:
        return html_table(str(self), ["persons", "area m²"], [[self.heads, area_text(self.area)]])


@attrs.frozen(slots=True, repr=False)
class Tally:
    """What the ballots add up to, per counted person.

    Attributes:
        total: All counted persons and the total exclusive area.
        participating: Those taking part (agree + oppose + abstain, plus spoiled ballots when
            the spoiled-ballot policy counts them, plus persons added by a deemed-vote clause).
        agree: Those agreeing (including deemed votes added to the agree side).
        oppose: Those opposing (including deemed votes added to the oppose side).
        abstain: Those abstaining.
        spoiled: Persons whose ballots were spoiled.
        deemed: Non-voters added to the majority by a deemed-vote clause.
    """

    total: Figures
    participating: Figures
    agree: Figures
    oppose: Figures
    abstain: Figures
    spoiled: Figures
    deemed: Figures

    @property
    def cast(self) -> Figures:
        """Agree plus oppose (the base ``CAST``)."""
        area = Fraction(self.agree.area) + Fraction(self.oppose.area)
        return Figures(self.agree.heads + self.oppose.heads, normalise(area))

    @property
    def not_participating(self) -> Figures:
        """Counted persons who did not take part."""
        return Figures(
            self.total.heads - self.participating.heads,
            normalise(Fraction(self.total.area) - Fraction(self.participating.area)),
        )

    def _rows(self, lang: str = "en") -> list[tuple[str, Figures]]:
        lang = language(lang)
        names = _TALLY_ZH if lang == "zh" else _TALLY_EN
        figures = [self.total, self.participating, self.agree, self.oppose, self.abstain]
        rows = list(zip(names, [*figures, self.spoiled], strict=False))
        return rows + ([(names[-1], self.deemed)] if self.deemed.heads else [])

    def describe(self, lang: str = "en") -> str:
        """One line in ``"en"`` or ``"zh"``: totals, taking part, agree, oppose, abstain, spoiled.

        Deemed votes follow when a deemed-vote clause added any.

        Chinese: ``"全体业主4人、400.00平方米；参与表决3人、300.00平方米；同意…"``.
        """
        lang = language(lang)
        if lang == "zh":
            return "；".join(
                f"{name}{figures.describe('zh')}" for name, figures in self._rows("zh")
            )
        return "; ".join(f"{name} {figures}" for name, figures in self._rows())

    def __str__(self) -> str:
        """One line: totals, then those taking part, agreeing, opposing, abstaining, spoiled."""
        return self.describe()

    def __repr__(self) -> str:
        return f"<Tally {self}>"

    def _repr_html_(self) -> str:
        rows = [(name, figures.heads, area_text(figures.area)) for name, figures in self._rows()]
        caption = f"Tally: {self.agree.heads} of {self.participating.heads} taking part agree"
        return html_table(caption, ["", "persons", "area m²"], rows)


_TALLY_EN = ("all owners", "taking part", "agree", "oppose", "abstain", "spoiled", "deemed")
_TALLY_ZH = ("全体业主", "参与表决", "同意", "反对", "弃权", "废票", "视为参与表决")


class CheckRole(Enum):
    """Whether a check belongs to the quorum (taking part) or the approval (agreeing)."""

    QUORUM = "quorum"
    APPROVAL = "approval"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return "参与表决" if self is CheckRole.QUORUM else "表决同意"
        return "taking part" if self is CheckRole.QUORUM else "approval"


@attrs.frozen(slots=True, repr=False)
class Check:
    """One threshold applied to the figures.

    Attributes:
        role: Quorum or approval.
        threshold: The threshold with its citation.
        numerator: Those taking part (quorum) or agreeing (approval), heads or m².
        denominator: The base figure, heads or m².
        passed: Whether the threshold is met (exact integer comparison).
    """

    role: CheckRole
    threshold: Threshold
    numerator: Exact
    denominator: Exact
    passed: bool

    @property
    def citation(self) -> Citation:
        """The threshold's citation."""
        return self.threshold.citation

    @property
    def actual(self) -> Fraction | None:
        """``numerator / denominator``, or ``None`` when the base is empty."""
        if self.denominator == 0:
            return None
        return Fraction(self.numerator) / Fraction(self.denominator)

    @property
    def required(self) -> Fraction:
        """The bound: ``denominator × ratio`` (heads or m²)."""
        return Fraction(self.denominator) * self.threshold.ratio

    @property
    def margin(self) -> Fraction:
        """How far the figure is from the bound, in heads or m².

        For heads: the head count minus [minimum_heads][community_governance.Check.minimum_heads]
        (``0`` means exactly enough). For area: the area minus
        [required][community_governance.Check.required] (``0`` passes an at-least threshold and
        fails a more-than threshold). Negative values are the shortfall.
        """
        minimum = self.minimum_heads
        if minimum is not None:
            return Fraction(self.numerator) - minimum
        return Fraction(self.numerator) - self.required

    @property
    def minimum_heads(self) -> int | None:
        """For head checks, the smallest whole head count that passes; ``None`` for area."""
        if self.threshold.measure is not Measure.HEADS:
            return None
        if self.threshold.comparator is Comparator.AT_LEAST:
            return max(math.ceil(self.required), 1)
        return math.floor(self.required) + 1

    def line(self, lang: str = "en") -> str:
        """One line: measure, figures, requirement, margin, verdict and article."""
        lang = language(lang)
        return _check_line(self, lang)

    def __str__(self) -> str:
        """The verdict first: ``"met: approval by heads 3 of 4 persons (75.00%) ..."``."""
        measure = self.threshold.measure
        return (
            f"{'met' if self.passed else 'not met'}: {self.role.label()} by {measure.label()} "
            f"{figure(self.numerator, measure)} of {figure(self.denominator, measure)} "
            f"{_unit(self, 'en', self.denominator)} ({percent_figure(self.actual)}), required "
            f"{self.threshold.comparator.label()} {ratio_text(self.threshold.ratio)} of "
            f"{self.threshold.base.label()}; margin {_shown_bound(self)[1]}"
        )

    def __repr__(self) -> str:
        return f"<Check {self}>"

    def _repr_html_(self) -> str:
        measure = self.threshold.measure
        row = [
            self.role.label(),
            measure.label(),
            f"{figure(self.numerator, measure)} / {figure(self.denominator, measure)}",
            percent_figure(self.actual),
            f"{self.threshold.comparator.symbol} {ratio_text(self.threshold.ratio)}",
            _shown_bound(self)[1],
            self.citation.format(),
        ]
        head = ["check", "measure", "figures", "actual", "required", "margin", "source"]
        return html_table(str(self).split(";")[0], head, [row])


def check(
    role: CheckRole,
    threshold: Threshold,
    numerator: int,
    denominator: int,
    scale: int = 1,
    *,
    memo: dict[tuple[int, int], Exact] | None = None,
) -> Check:
    """Apply ``threshold`` to whole-number figures and return the explained check.

    Args:
        role: Quorum or approval.
        threshold: The threshold (measure, base, comparator, ratio, citation).
        numerator: Those taking part or agreeing, in heads or in area units of ``1/scale`` m².
        denominator: The base figure, in the same units.
        scale: The area scale (``1`` for heads): figures are reported exactly as
            ``numerator / scale``.
        memo: A dictionary the caller keeps for one call of many checks (an election's
            candidates share their base figures), so that equal figures are turned into exact
            numbers once; ``None`` for a single check.

    Returns:
        The check; ``passed`` is decided by exact integer cross-multiplication.
    """
    passed = threshold.comparator.holds(numerator, denominator, threshold.ratio)
    if memo is None:
        return Check(role, threshold, ratio(numerator, scale), ratio(denominator, scale), passed)
    top = memo.get((numerator, scale))
    if top is None:
        top = memo[numerator, scale] = ratio(numerator, scale)
    bottom = memo.get((denominator, scale))
    if bottom is None:
        bottom = memo[denominator, scale] = ratio(denominator, scale)
    return Check(role, threshold, top, bottom, passed)


_UNIT = {
    "en": {Measure.HEADS: "persons", Measure.AREA: "m²"},
    "one": {Measure.HEADS: "person", Measure.AREA: "m²"},
    "zh": {Measure.HEADS: "人", Measure.AREA: "平方米"},
}


def _unit(check: Check, lang: str, count: Exact | Fraction | int = 0) -> str:
    """The unit of the check's measure; in English ``"person"`` for a count of ±1."""
    key = "zh" if lang == "zh" else "one" if abs(count) == 1 else "en"
    return _UNIT[key][check.threshold.measure]


def figure(value: Exact | Fraction | int, measure: Measure) -> str:
    """A head count as a whole number, an area with two decimals (``_base.format.area_text``)."""
    return area_text(value) if measure is Measure.AREA else decimal_text(value)


def signed_figure(value: Exact | Fraction | int, measure: Measure) -> str:
    """Like [figure][community_governance.voting.checks.figure] with an explicit sign."""
    return signed_area(value) if measure is Measure.AREA else signed(value)


def _shown_bound(check: Check) -> tuple[str, str]:
    """The requirement and the margin of ``check`` as they are shown, consistently.

    For heads: the least whole head count that passes, and the margin from it. For area: the
    requirement itself when it is a whole hundredth of a square metre; otherwise the least
    hundredth that meets it (``≈594.11`` for 594.105, see
    `_base.format.least_hundredth`), and the margin measured from that figure, so that the
    shown figures add up (576.99 − 594.11 = −17.12) and adding the shown shortfall passes.
    """
    measure = check.threshold.measure
    if measure is not Measure.AREA:
        return str(check.minimum_heads), signed_figure(check.margin, measure)
    least = least_hundredth(check.required)
    if least == check.required:
        return area_text(least), signed_area(check.margin)
    margin = signed_area(Fraction(check.numerator) - least)
    return f"≈{area_text(least)}", margin if margin.startswith("≈") else f"≈{margin}"


def _check_line(check: Check, lang: str) -> str:
    threshold = check.threshold
    unit = _unit(check, lang)
    ratio = ratio_text(threshold.ratio)
    minimum = check.minimum_heads
    numerator = figure(check.numerator, threshold.measure)
    denominator = figure(check.denominator, threshold.measure)
    required, margin = _shown_bound(check)
    # an area bound in whole hundredths is shown as it is: "more than" it; a bound between two
    # hundredths is shown as the least hundredth that passes ("≈"), whatever the comparator
    strict = (
        threshold.comparator is Comparator.MORE_THAN
        and minimum is None
        and least_hundredth(check.required) == check.required
    )
    at_bound = strict and check.margin == 0  # equal to the bound: not more than it
    if lang == "zh":
        need = threshold.describe("zh")
        bound = f"超过{required}{unit}" if strict else f"{required}{unit}"
        need += f"（至少{minimum}人）" if minimum is not None else f"（{bound}）"
        verdict = "✓ 达到" if check.passed else "✗ 未达到"
        return (
            f"{verdict} {check.role.label('zh')}{threshold.measure.label('zh')}："
            f"{numerator}{unit}，占{denominator}{unit}的"
            f"{percent_figure(check.actual)}，要求{need}，余量{margin}{unit}"
            f"{'（恰好等于界限，未超过）' if at_bound else ''}。"
            f"依据：{check.citation.format('zh')}"
        )
    need = f"{threshold.comparator.label()} {ratio} of {threshold.base.label()}"
    bound = f"more than {required} m²" if strict else f"{required} m²"
    need += f" (at least {counted(minimum, 'person')})" if minimum is not None else f" ({bound})"
    verdict = "✓ met" if check.passed else "✗ not met"
    return (
        f"{verdict} — {check.role.label()} by {threshold.measure.label()}: "
        f"{numerator} of {denominator} {_unit(check, lang, check.denominator)} "
        f"({percent_figure(check.actual)}); required {need}; "
        f"margin {margin} {_unit(check, lang, check.margin)}"
        f"{' (equal to the bound, not more)' if at_bound else ''}. "
        f"Source: {check.citation.format()}"
    )
