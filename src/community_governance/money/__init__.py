"""Money: apportioning costs to the fen, the maintenance fund's ledger, emergency use, charges.

Engines take values (an Estate, rule values from `community_governance.rules.money`) and never
import a jurisdiction. Scoped assembly decisions of the owners concerned use
``decide(..., scope=...)`` from `community_governance.voting`.
"""

from community_governance.money.apportion import (
    Apportionment,
    apportion,
    fen,
    largest_remainder,
    yuan,
)
from community_governance.money.charges import Charge, DecisionNeed, Pledges, decision_needed
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
    "fen",
    "largest_remainder",
    "yuan",
]
