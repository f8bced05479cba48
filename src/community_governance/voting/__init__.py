"""The voting engine: motion ballots, `decide`, checks and the `Decision`.

The rule vocabulary the engine applies (matters, thresholds, policies) lives in
`community_governance.rules`; a rule set comes from `community_governance.rules_for`.
"""

from community_governance.voting.ballots import Ballot, Choice, Proxy
from community_governance.voting.checks import Check, CheckRole, Figures, Tally, check
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision, DecisionScope
from community_governance.voting.procedure import (
    ConditionCheck,
    FloorCheck,
    Outcome,
    ProcedureDecision,
    StageResult,
    WeightCounts,
    decide_procedure,
)

__all__ = [
    "Ballot",
    "Check",
    "CheckRole",
    "Choice",
    "ConditionCheck",
    "Decision",
    "DecisionScope",
    "Figures",
    "FloorCheck",
    "Outcome",
    "ProcedureDecision",
    "Proxy",
    "StageResult",
    "Tally",
    "WeightCounts",
    "check",
    "decide",
    "decide_procedure",
]
