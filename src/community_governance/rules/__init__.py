"""The rule vocabulary: the values laws are written in, with no evaluation.

Matters, measures, bases, comparators, thresholds and resolution rules; body, eligibility and
election policies; legal periods; citations and notices; dated layers, jurisdictions, the
registry and the resolved `RuleSet`. Jurisdictions are
written in these terms (`community_governance.jurisdictions`), and the engines read them.
"""

from community_governance._base.citations import INSTRUMENTS, Citation, Confidence, Uncertain
from community_governance._base.notices import Notice
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
from community_governance.rules.matters import SCOPED_MATTERS, DeclaredMatter, Matter
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger
from community_governance.rules.packs import Pack, PackRegistry, PackVersion
from community_governance.rules.params import (
    ElectionParams,
    MediationParams,
    MoneyParams,
    Param,
    VotingParams,
)
from community_governance.rules.periods import Period
from community_governance.rules.procedures import (
    Cap,
    CapKind,
    Condition,
    ConditionRole,
    FailureBar,
    InPersonMinimum,
    MinimumCount,
    ObjectionWindow,
    Procedure,
    ProxyLimit,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.rules.registry import Jurisdiction, Registry
from community_governance.rules.ruleset import Layer, RuleSet, Topic
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.rules.tiers import both, double_tiers, tiers
from community_governance.rules.voting import ZHEJIANG_2009_FLOOR, DeemedVoteClause, SpoiledPolicy

__all__ = [
    "BOOLEAN_FACTS",
    "INSTRUMENTS",
    "SCOPED_MATTERS",
    "ZHEJIANG_2009_FLOOR",
    "BallotPolicy",
    "Base",
    "Cap",
    "CapKind",
    "Citation",
    "Comparator",
    "Condition",
    "ConditionRole",
    "Confidence",
    "DeclaredMatter",
    "DeemedVoteClause",
    "Disqualification",
    "ElectionParams",
    "Eligibility",
    "EligibilityRule",
    "FailureBar",
    "GroupKind",
    "GroupRole",
    "GroupRule",
    "Handling",
    "InPersonMinimum",
    "Jurisdiction",
    "Layer",
    "Matter",
    "Measure",
    "MediationParams",
    "MediationPolicy",
    "MinimumCount",
    "MoneyParams",
    "Notice",
    "ObjectionWindow",
    "Pack",
    "PackRegistry",
    "PackVersion",
    "Param",
    "Period",
    "Procedure",
    "ProxyLimit",
    "Registry",
    "Requirement",
    "ResolutionRule",
    "RuleSet",
    "Share",
    "SizeRule",
    "SpoiledPolicy",
    "Stage",
    "StageEntry",
    "Target",
    "Threshold",
    "TieBreak",
    "TieMethod",
    "Topic",
    "Uncertain",
    "VotingParams",
    "Weight",
    "WrittenFormTrigger",
    "both",
    "double_tiers",
    "tiers",
]
