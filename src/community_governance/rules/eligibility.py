"""Eligibility rules as data: the facts a candidate may carry, bars, requirements and rules.

A rule set's ``elections`` layers carry their rules as
[ElectionParams.candidate_rules][community_governance.rules.ElectionParams]. Unlike other
parameters, candidate rules *add up* across layers — a local text adds bars to the national
conditions — and a higher layer replaces a lower one's rule of the same ``code``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.lang import language
from community_governance._base.serial import converter
from community_governance.exceptions import EligibilityError

__all__ = [
    "BOOLEAN_FACTS",
    "Disqualification",
    "Eligibility",
    "EligibilityRule",
    "Requirement",
]

#: The yes/no facts a candidate may carry (attribute names of a candidate).
BOOLEAN_FACTS = (
    "owner_in_area",
    "full_capacity",
    "law_abiding",
    "exemplary_owner",
    "integrity",
    "organising_ability",
    "enough_time",
    "written_pledge",
    "willing",
    "arrears",
    "refuses_fees",
    "illegal_construction",
    "illegal_renting",
    "other_violations",
    "tied_to_manager",
    "judgment_defaulter",
    "party_member",
    "volunteer",
    "community_talent",
    "well_known",
    "organisation_intent",
)


class Disqualification(Enum):
    """A bar to standing (negative-list item), each read from one fact of a candidate.

    Attributes:
        ARREARS: Arrears of property fees or the maintenance fund (欠交物业服务费或者专项维修资金).
        REFUSES_FEES: Refusing to pay the property fee or the maintenance fund
            (拒交物业费和维修资金).
        ILLEGAL_CONSTRUCTION: Unremedied illegal construction (违法搭建).
        ILLEGAL_RENTING: Illegal renting (违法出租房屋 / 违反规定出租房屋).
        OTHER_VIOLATIONS: Other unremedied violations: damaging the structure or exterior,
            unauthorised change of use, other prohibited house-use acts.
        TIED_TO_MANAGER: The candidate, spouse or a lineal relative works for (or has a direct
            interest in) the property service company serving the estate.
        JUDGMENT_DEFAULTER: Listed judgment defaulter (失信被执行人).
    """

    ARREARS = "arrears"
    REFUSES_FEES = "refuses_fees"
    ILLEGAL_CONSTRUCTION = "illegal_construction"
    ILLEGAL_RENTING = "illegal_renting"
    OTHER_VIOLATIONS = "other_violations"
    TIED_TO_MANAGER = "tied_to_manager"
    JUDGMENT_DEFAULTER = "judgment_defaulter"

    @property
    def fact(self) -> str:
        """The candidate attribute this bar reads."""
        return self.value

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        return _LABELS[self][0 if lang == "zh" else 1]


_LABELS = {
    Disqualification.ARREARS: ("欠交物业服务费或者专项维修资金", "arrears of fees or fund"),
    Disqualification.REFUSES_FEES: ("拒交物业费和维修资金", "refuses to pay fee or fund"),
    Disqualification.ILLEGAL_CONSTRUCTION: ("违法搭建", "illegal construction"),
    Disqualification.ILLEGAL_RENTING: ("违法出租房屋", "illegal renting"),
    Disqualification.OTHER_VIOLATIONS: ("其他未改正的违法违规行为", "other unremedied violations"),
    Disqualification.TIED_TO_MANAGER: (
        "本人、配偶或直系亲属在本物业服务企业任职或有直接利害关系",
        "self, spouse or lineal relative tied to the property company",
    ),
    Disqualification.JUDGMENT_DEFAULTER: ("失信被执行人", "listed judgment defaulter"),
}


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
        lang = language(lang)
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
                f"requirement on unknown fact {self.fact!r}",
                what=f"requirement on fact {self.fact}",
                value=self.expected,
            )
        if boolean is not isinstance(self.expected, bool):
            kind = "True or False" if boolean else "a whole number"
            raise EligibilityError(
                f"requirement on fact {self.fact!r} expects {kind}, not {self.expected!r}",
                what=f"requirement on fact {self.fact}",
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
                f"eligibility rule {self.code!r} has no requirement",
                what="eligibility rule",
                value=self.code,
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


def _plain(value: object, _: object) -> object:
    """Structure hook for fact values: booleans and whole numbers stay as they are."""
    return value


converter.register_structure_hook(bool | int, _plain)
converter.register_structure_hook(bool | int | None, _plain)
