"""Results of a vote: figures, checks and the decision, each explaining itself."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._exact import Exact, format_exact, normalise
from community_governance._serial import converter, dump, load
from community_governance.citations import Citation
from community_governance.explain.notices import Notice
from community_governance.voting.matters import Matter
from community_governance.voting.thresholds import Comparator, Measure, Threshold

__all__ = ["Check", "CheckRole", "Decision", "Figures", "Tally"]


@attrs.frozen(slots=True)
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


@attrs.frozen(slots=True)
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


class CheckRole(Enum):
    """Whether a check belongs to the quorum (taking part) or the approval (agreeing)."""

    QUORUM = "quorum"
    APPROVAL = "approval"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        if lang == "zh":
            return "参与表决" if self is CheckRole.QUORUM else "表决同意"
        return "taking part" if self is CheckRole.QUORUM else "approval"


@attrs.frozen(slots=True)
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


@attrs.frozen(slots=True)
class Decision:
    """The outcome of [decide][community_governance.decide], with everything behind it.

    Attributes:
        matter: What was decided.
        passed: Whether every quorum and approval check passed.
        checks: Every check, quorum first.
        tally: The figures.
        jurisdiction: Code of the rule set used.
        on: The rule set's date.
        layers: Names of the rule set's layers, lowest first.
        rule_layer: The layer that supplied the resolution rule.
        rule_citation: Article listing the matter in its tier.
        notices: Warnings and remarks (overlaps, deemed votes, unconfirmed rules...).
        without_deemed_votes: When a deemed-vote clause applied, the decision without it.
    """

    matter: Matter
    passed: bool
    checks: tuple[Check, ...]
    tally: Tally
    jurisdiction: str
    on: date
    layers: tuple[str, ...]
    rule_layer: str
    rule_citation: Citation
    notices: tuple[Notice, ...] = ()
    without_deemed_votes: Decision | None = None

    @property
    def quorum_met(self) -> bool:
        """Whether every quorum check passed."""
        return all(check.passed for check in self.checks if check.role is CheckRole.QUORUM)

    @property
    def approved(self) -> bool:
        """Whether every approval check passed (regardless of the quorum)."""
        return all(check.passed for check in self.checks if check.role is CheckRole.APPROVAL)

    def explain(self, lang: str = "en") -> str:
        """Plain-text explanation: each check with its figures, verdict and article.

        Args:
            lang: ``"en"`` or ``"zh"``.
        """
        from community_governance.explain.decision import decision_text

        return decision_text(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        """The explanation as a Markdown table (for reports)."""
        from community_governance.explain.decision import decision_markdown

        return decision_markdown(self, lang)

    def _repr_html_(self) -> str:
        from community_governance.explain.decision import decision_html

        return decision_html(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.decision/1``.

        Each check also carries its derived figures (``actual``, ``required``, ``margin`` as
        exact strings, and ``minimum_heads``) for readers that do not use this library.
        """
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        """Rebuild a decision from [to_dict][community_governance.Decision.to_dict] output."""
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.decision/1"
_DERIVED = ("actual", "required", "margin", "minimum_heads")
_plain_check = converter.gen_unstructure_attrs_fromdict(Check)
_structure_check = converter.gen_structure_attrs_fromdict(Check)


def _unstructure_check(check: Check) -> dict[str, Any]:
    data: dict[str, Any] = _plain_check(check)
    actual = check.actual
    data["actual"] = None if actual is None else format_exact(actual)
    data["required"] = format_exact(normalise(check.required))
    data["margin"] = format_exact(normalise(check.margin))
    data["minimum_heads"] = check.minimum_heads
    return data


def _structure(data: dict[str, Any], _: type) -> Check:
    return _structure_check({k: v for k, v in data.items() if k not in _DERIVED}, Check)


converter.register_unstructure_hook(Check, _unstructure_check)
converter.register_structure_hook(Check, _structure)
