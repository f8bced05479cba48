"""The eligibility rules a rule set supplies, added up across its layers."""

from __future__ import annotations

from community_governance._base.citations import Citation
from community_governance.rules.eligibility import EligibilityRule, Requirement
from community_governance.rules.ruleset import RuleSet

__all__ = ["candidate_rules"]


def candidate_rules(rules: RuleSet) -> tuple[EligibilityRule, ...]:
    """The eligibility rules of a rule set, added up across its layers.

    Every layer's ``"candidate_rules"`` parameter contributes; a higher layer's rule replaces a
    lower one's of the same code. A rule whose citation is unconfirmed is left out unless the
    rule set admits unconfirmed rules. A ``"candidate_residence_years"`` parameter (e.g. from
    the estate's candidate rules under Beijing Art. 39(3)) adds a residence requirement.
    """
    found: dict[str, EligibilityRule] = {}
    for layer in rules.layers:
        param = layer.elections.candidate_rules
        if param is None or not _admitted(rules, param.citation):
            continue
        for rule in param.value:
            if _admitted(rules, rule.citation):
                found.pop(rule.code, None)
                found[rule.code] = rule
    residence = rules.elections.candidate_residence_years
    if residence is None:
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


def _admitted(rules: RuleSet, citation: Citation) -> bool:
    return rules.include_unconfirmed or citation.confirmed
