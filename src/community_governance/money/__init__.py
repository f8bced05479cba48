"""Money: apportioning costs to the fen, the maintenance fund's ledger, emergency use, charges.

Engines take values (an Estate, a `RuleSet` whose ``money`` parameters come from the
jurisdiction layers: ``rules_for("CN-SH", on=day).money``) and never import a jurisdiction.
Scoped assembly decisions of the owners concerned use ``decide(..., scope=...)`` from
`community_governance.voting`.
"""

from community_governance.money.apportion import (
    Apportionment,
    apportion,
    fen,
    largest_remainder,
    yuan,
)
from community_governance.money.charges import (
    Charge,
    DecisionNeed,
    Pledges,
    decision_needed,
    fee_adjustment,
)
from community_governance.money.emergency import (
    EmergencyApplication,
    ProcedureCheck,
    StepCheck,
    check_emergency,
)
from community_governance.money.fund import Entry, EntryKind, Fund

__all__ = [
    "Apportionment",
    "Charge",
    "DecisionNeed",
    "EmergencyApplication",
    "Entry",
    "EntryKind",
    "Fund",
    "Pledges",
    "ProcedureCheck",
    "StepCheck",
    "apportion",
    "check_emergency",
    "decision_needed",
    "fee_adjustment",
    "fen",
    "largest_remainder",
    "yuan",
]
