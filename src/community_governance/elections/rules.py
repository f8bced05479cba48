"""The eligibility rules a rule set supplies, added up across its layers."""

from __future__ import annotations

from community_governance.rules.eligibility import EligibilityRule, Requirement
from community_governance.rules.ruleset import RuleSet

__all__ = ["candidate_rules"]


def candidate_rules(rules: RuleSet) -> tuple[EligibilityRule, ...]:
    """The eligibility rules of a rule set, added up across its layers.

    Every layer's ``elections.candidate_rules`` contributes; a higher layer's rule replaces a
    lower one's of the same code. A rule is used only if the rule set admits its citation
    ([RuleSet.admits][community_governance.RuleSet.admits]). An
    ``elections.candidate_residence_years`` parameter (e.g. from the estate's candidate rules
    under Beijing Art. 39(3)) adds a residence requirement.
    """
    found: dict[str, EligibilityRule] = {}
    for layer in rules.layers:
        param = layer.elections.candidate_rules
        if param is None or not rules.admits(param.citation):
            continue
        for rule in param.value:
            if rules.admits(rule.citation):
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
