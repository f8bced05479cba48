"""Eligibility rules as data: requirements on a candidate's facts, each rule with its article.

A rule set supplies its rules through the parameter ``"candidate_rules"`` of its
``elections`` layers. Unlike voting parameters, candidate rules *add up* across layers — a
local text adds bars to the national conditions — and a higher layer replaces a lower one's
rule of the same ``code`` (see [candidate_rules][community_governance.elections.candidate_rules]).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from community_governance._serial import converter
from community_governance.citations import Citation
from community_governance.elections.candidates import BOOLEAN_FACTS, Disqualification
from community_governance.exceptions import EligibilityError

if TYPE_CHECKING:
    from community_governance.jurisdictions.ruleset import RuleSet

__all__ = ["Eligibility", "EligibilityRule", "Requirement", "candidate_rules"]

_NUMERIC = ("residence_years", "recommendations", "age")


class Eligibility(Enum):
    """Three-valued outcome of a rule, or of a whole vetting.

    Attributes:
        ELIGIBLE: Every fact read is declared and meets the rule.
        INELIGIBLE: A declared fact breaks the rule.
        UNDETERMINED: Nothing breaks the rule, but a fact it needs is unknown.
    """

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        zh = {
            "eligible": "符合条件",
            "ineligible": "不符合条件",
            "undetermined": "待定（事实不明）",
        }
        return zh[self.value] if lang == "zh" else self.value


@attrs.frozen(slots=True)
class Requirement:
    """One test on one fact: a yes/no fact must equal ``expected``; a number must reach it.

    Attributes:
        fact: A [Candidate][community_governance.elections.Candidate] fact name.
        expected: ``True``/``False`` for yes/no facts; a whole minimum for numeric facts.
    """

    fact: str
    expected: bool | int

    def __attrs_post_init__(self) -> None:
        boolean = self.fact in BOOLEAN_FACTS
        if not boolean and self.fact not in _NUMERIC:
            raise EligibilityError(
                f"requirement on unknown fact {self.fact!r}", fact=self.fact, value=self.expected
            )
        if boolean is not isinstance(self.expected, bool):
            kind = "True or False" if boolean else "a whole number"
            raise EligibilityError(
                f"requirement on fact {self.fact!r} expects {kind}, not {self.expected!r}",
                fact=self.fact,
                value=self.expected,
            )

    def test(self, value: bool | int | None) -> Eligibility:
        """Apply the requirement to a declared value (``None``: undetermined)."""
        if value is None:
            return Eligibility.UNDETERMINED
        expected = self.expected
        met = value is expected if isinstance(expected, bool) else value >= expected
        return Eligibility.ELIGIBLE if met else Eligibility.INELIGIBLE


def _requirements(value: Any) -> tuple[Requirement, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class EligibilityRule:
    """A condition for standing, or a bar, with its source.

    Attributes:
        code: Stable identifier; a higher layer's rule replaces a lower one's of the same code.
        en: What the rule asks, in English.
        zh: What the rule asks, in Chinese.
        requires: The tests, all of which must hold.
        citation: The article (or the estate's clause) that sets the rule.
    """

    code: str
    en: str
    zh: str
    requires: tuple[Requirement, ...] = attrs.field(converter=_requirements)
    citation: Citation

    def __attrs_post_init__(self) -> None:
        if not self.requires:
            raise EligibilityError(
                f"eligibility rule {self.code!r} has no requirement", rule=self.code
            )

    @classmethod
    def bar(cls, item: Disqualification, citation: Citation) -> EligibilityRule:
        """A rule excluding candidates with ``item`` (code ``"bar:<item>"``)."""
        return cls(
            f"bar:{item.value}",
            f"no {item.label()}",
            f"无{item.label('zh')}",
            (Requirement(item.fact, False),),
            citation,
        )


def candidate_rules(rules: RuleSet) -> tuple[EligibilityRule, ...]:
    """The eligibility rules of a rule set, added up across its layers.

    Every layer's ``"candidate_rules"`` parameter contributes; a higher layer's rule replaces a
    lower one's of the same code. A rule whose citation is unconfirmed is left out unless the
    rule set admits unconfirmed rules. A ``"candidate_residence_years"`` parameter (e.g. from
    the estate's candidate rules under Beijing Art. 39(3)) adds a residence requirement.
    """
    found: dict[str, EligibilityRule] = {}
    for layer in rules.layers:
        param = layer.params.get("candidate_rules")
        if param is None or not _admitted(rules, param.citation):
            continue
        for rule in param.value:
            if _admitted(rules, rule.citation):
                found.pop(rule.code, None)
                found[rule.code] = rule
    try:
        residence = rules.provided("candidate_residence_years")
    except LookupError:
        return tuple(found.values())
    years = residence.value
    rule = EligibilityRule(
        "residence",
        f"at least {years} year(s) of residence",
        f"居住满{years}年",
        (Requirement("residence_years", years),),
        residence.citation,
    )
    return (*found.values(), rule)


def _plain(value: object, _: object) -> object:
    """Structure hook for fact values: booleans and whole numbers stay as they are."""
    return value


converter.register_structure_hook(bool | int, _plain)
converter.register_structure_hook(bool | int | None, _plain)


def _admitted(rules: RuleSet, citation: Citation) -> bool:
    return rules.include_unconfirmed or citation.confirmed
