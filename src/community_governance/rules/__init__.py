"""The rule vocabulary: the values laws are written in, with no evaluation.

Matters, measures, bases, comparators, thresholds and resolution rules; body, eligibility and
election policies; legal periods; dated layers and the resolved `RuleSet`. Jurisdictions are
written in these terms (`community_governance.jurisdictions`), and the engines read them.
"""

from community_governance.rules.bodies import GroupKind, GroupRole, GroupRule, SizeRule
from community_governance.rules.elections import (
    BallotPolicy,
    Handling,
    Share,
    Target,
    TieBreak,
    TieMethod,
)
from community_governance.rules.eligibility import (
    BOOLEAN_FACTS,
    Disqualification,
    Eligibility,
    EligibilityRule,
    Requirement,
)
from community_governance.rules.matters import Matter
from community_governance.rules.periods import Period
from community_governance.rules.ruleset import Layer, Param, Provided, RuleSet
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.rules.tiers import both, double_tiers, tiers
from community_governance.rules.voting import DeemedVoteClause, SpoiledPolicy

__all__ = [
    "BOOLEAN_FACTS",
    "BallotPolicy",
    "Base",
    "Comparator",
    "DeemedVoteClause",
    "Disqualification",
    "Eligibility",
    "EligibilityRule",
    "GroupKind",
    "GroupRole",
    "GroupRule",
    "Handling",
    "Layer",
    "Matter",
    "Measure",
    "Param",
    "Period",
    "Provided",
    "Requirement",
    "ResolutionRule",
    "RuleSet",
    "Share",
    "SizeRule",
    "SpoiledPolicy",
    "Target",
    "Threshold",
    "TieBreak",
    "TieMethod",
    "both",
    "double_tiers",
    "tiers",
]
