"""Owners' committee elections: candidates, eligibility, slates, bodies and `elect`.

Candidate rules, committee sizes and group make-ups are rule-set data (``elections`` layers
of each jurisdiction); slates and composition targets are declared policies, labelled as
practice, never as law.
"""

from community_governance.elections.ballots import BallotPolicy, ElectionBallot, Handling
from community_governance.elections.candidates import BOOLEAN_FACTS, Candidate, Disqualification
from community_governance.elections.composition import (
    Composition,
    Profile,
    Share,
    Target,
    composition,
    percent_text,
)
from community_governance.elections.elect import elect, restrict
from community_governance.elections.eligibility import (
    NegativeList,
    PositiveList,
    RuleVerdict,
    Vetting,
    vet,
)
from community_governance.elections.groups import (
    GroupKind,
    GroupMember,
    GroupReport,
    GroupRole,
    GroupRule,
    check_group,
)
from community_governance.elections.result import (
    CandidateResult,
    ElectionResult,
    SeatStatus,
    TieBreak,
    TieMethod,
    TieReport,
)
from community_governance.elections.rules import (
    Eligibility,
    EligibilityRule,
    Requirement,
    candidate_rules,
)
from community_governance.elections.size import SizeCheck, SizeRule, check_committee_size
from community_governance.elections.slate import (
    SLATE_1234,
    Priority,
    Slate,
    SlateEntry,
    SlatePolicy,
    build_slate,
)

__all__ = [
    "BOOLEAN_FACTS",
    "SLATE_1234",
    "BallotPolicy",
    "Candidate",
    "CandidateResult",
    "Composition",
    "Disqualification",
    "ElectionBallot",
    "ElectionResult",
    "Eligibility",
    "EligibilityRule",
    "GroupKind",
    "GroupMember",
    "GroupReport",
    "GroupRole",
    "GroupRule",
    "Handling",
    "NegativeList",
    "PositiveList",
    "Priority",
    "Profile",
    "Requirement",
    "RuleVerdict",
    "SeatStatus",
    "Share",
    "SizeCheck",
    "SizeRule",
    "Slate",
    "SlateEntry",
    "SlatePolicy",
    "Target",
    "TieBreak",
    "TieMethod",
    "TieReport",
    "Vetting",
    "build_slate",
    "candidate_rules",
    "check_committee_size",
    "check_group",
    "composition",
    "elect",
    "percent_text",
    "restrict",
    "vet",
]
