"""Assembly votes: thresholds, matters, ballots, `decide` and the `Decision`."""

from community_governance.voting.ballots import (
    Ballot,
    Choice,
    DeemedVoteClause,
    Proxy,
    SpoiledPolicy,
)
from community_governance.voting.decide import decide
from community_governance.voting.decision import Check, CheckRole, Decision, Figures, Tally
from community_governance.voting.matters import Matter
from community_governance.voting.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)

__all__ = [
    "Ballot",
    "Base",
    "Check",
    "CheckRole",
    "Choice",
    "Comparator",
    "Decision",
    "DeemedVoteClause",
    "Figures",
    "Matter",
    "Measure",
    "Proxy",
    "ResolutionRule",
    "SpoiledPolicy",
    "Tally",
    "Threshold",
    "decide",
]
