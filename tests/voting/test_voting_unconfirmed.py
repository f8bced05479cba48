"""Only the unconfirmed citations of the rule actually applied are flagged in a decision."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import community_governance as cg

SURE = cg.Citation("civil_code", "278(2)")
UNSURE = cg.Citation("example_rules", "9", confidence=cg.Confidence.LOW)


def rule(cite: cg.Citation) -> cg.ResolutionRule:
    half = Fraction(1, 2)
    return cg.ResolutionRule(
        (cg.Threshold(cg.Measure.HEADS, cg.Base.ALL, cg.Comparator.MORE_THAN, half, SURE),),
        (
            cg.Threshold(
                cg.Measure.AREA, cg.Base.PARTICIPATING, cg.Comparator.MORE_THAN, half, cite
            ),
        ),
        SURE,
    )


def decide(matter: cg.Matter) -> cg.Decision:
    layer = cg.rules.Layer(
        "T",
        "T: mixed confidence",
        None,
        None,
        resolutions={
            cg.Matter.RULES_OF_PROCEDURE: rule(SURE),
            cg.Matter.OTHER_MAJOR_MATTER: rule(UNSURE),
        },
    )
    rules = cg.RuleSet("T", date(2025, 3, 1), (layer,), include_unconfirmed=True)
    estate = cg.Estate.from_records([{"unit": "a", "area": "10", "owners": ["x"]}])
    return cg.decide(estate, [cg.Ballot("a", "agree")], matter=matter, rules=rules)


def test_unconfirmed_threshold_of_the_applied_rule_is_flagged() -> None:
    flagged = [
        n for n in decide(cg.Matter.OTHER_MAJOR_MATTER).notices if n.code == "unconfirmed-rule-used"
    ]
    assert [n.citation for n in flagged] == [UNSURE]
    assert "example_rules Art. 9" in flagged[0].text()
    assert flagged[0].text().count("example_rules Art. 9") == 1  # named once, by its citation


def test_unconfirmed_rule_of_another_matter_is_not_flagged() -> None:
    notices = decide(cg.Matter.RULES_OF_PROCEDURE).notices
    assert not [n for n in notices if n.code == "unconfirmed-rule-used"]
