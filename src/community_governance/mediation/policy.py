"""Deprecated: mediation policies are jurisdiction data read from a rule set.

The policy types are in the rule vocabulary
([MediationPolicy][community_governance.rules.MediationPolicy]); the national and local
policies are in `community_governance.jurisdictions`; a case reads its policy from its rule
set (``rules.mediation.policy``, see
[MediationCase.open][community_governance.mediation.MediationCase.open]).
"""

from __future__ import annotations

import warnings

from community_governance.exceptions import RuleSetInputError
from community_governance.mediation.case import policy_of
from community_governance.rules.mediation import MediationPolicy
from community_governance.rules.ruleset import RuleSet

__all__ = ["policy_for"]


def policy_for(rules: RuleSet) -> MediationPolicy:
    """Deprecated alias of ``rules.mediation.policy.value`` (removed in 0.3).

    Args:
        rules: A resolved rule set, e.g. ``rules_for("CN", on=day)``. A jurisdiction code
            (the old signature) is refused: engines do not read jurisdiction data.

    Returns:
        The mediation policy in force in ``rules``.

    Raises:
        RuleSetInputError: ``rules`` is a code string.
        RuleSetError: ``rules`` supplies no mediation policy.
    """
    warnings.warn(
        "policy_for is deprecated; use rules.mediation.policy.value "
        "(rules = community_governance.rules_for(code, on=day))",
        DeprecationWarning,
        stacklevel=2,
    )
    if isinstance(rules, str):
        raise RuleSetInputError(
            f"policy_for({rules!r}): pass a rule set, rules_for({rules!r}, on=day), not a code",
            field="rules",
            value=rules,
        )
    return policy_of(rules)
