"""Owners' committee elections: candidates, eligibility, slates, bodies and `elect`.

Candidate rules, committee sizes and group make-ups are rule-set data (``elections`` layers
of each jurisdiction); slates and composition targets are declared policies, labelled as
practice, never as law.
"""

from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.elections.composition import (
    Composition,
    Profile,
    composition,
)
from community_governance.elections.elect import elect, restrict
from community_governance.elections.eligibility import (
    NegativeList,
    PositiveList,
    RuleVerdict,
    Vetting,
    vet,
)
from community_governance.elections.groups import GroupMember, GroupReport, check_group
from community_governance.elections.options import ElectOptions
from community_governance.elections.result import (
    CandidateResult,
    ElectionResult,
    SeatStatus,
    TieReport,
)
from community_governance.elections.rules import candidate_rules
from community_governance.elections.size import SizeCheck, check_committee_size
from community_governance.elections.slate import (
    SLATE_1234,
    Priority,
    Slate,
    SlateEntry,
    SlatePolicy,
    build_slate,
)

__all__ = [
    "SLATE_1234",
    "Candidate",
    "CandidateResult",
    "Composition",
    "ElectOptions",
    "ElectionBallot",
    "ElectionResult",
    "GroupMember",
    "GroupReport",
    "NegativeList",
    "PositiveList",
    "Priority",
    "Profile",
    "RuleVerdict",
    "SeatStatus",
    "SizeCheck",
    "Slate",
    "SlateEntry",
    "SlatePolicy",
    "TieReport",
    "Vetting",
    "build_slate",
    "candidate_rules",
    "check_committee_size",
    "check_group",
    "composition",
    "elect",
    "restrict",
    "vet",
]
