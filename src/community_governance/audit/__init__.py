"""Audits: recount an announced election or motion and check reported percentages."""

from community_governance.audit.decision import AnnouncedDecision, DecisionAudit, audit_decision
from community_governance.audit.election import (
    AnnouncedCandidate,
    AnnouncedElection,
    ElectionAudit,
    audit_election,
)
from community_governance.audit.findings import Cause, Discrepancy, Part
from community_governance.audit.percentages import PercentageCheck, Reading, reported_percentage

__all__ = [
    "AnnouncedCandidate",
    "AnnouncedDecision",
    "AnnouncedElection",
    "Cause",
    "DecisionAudit",
    "Discrepancy",
    "ElectionAudit",
    "Part",
    "PercentageCheck",
    "Reading",
    "audit_decision",
    "audit_election",
    "reported_percentage",
]
