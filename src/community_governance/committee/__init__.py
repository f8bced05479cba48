"""The committee's life on the calendar: terms, events, re-election timelines, postings, cadence.

Pure, dated, cited domain code on `community_governance.calendar` (Civil Code Arts. 201–203
and the injected holiday calendar). No clock: every "today" is an argument. Rule values come
from ``rules.committee`` (see `community_governance.rules.committee`); the engine never imports
a jurisdiction.
"""

from community_governance.committee.attendance import AbsenceCount, MeetingRecord, absence_counts
from community_governance.committee.cadence import (
    Cadence,
    CadenceCheck,
    HolidayPolicy,
    check_cadence,
)
from community_governance.committee.events import (
    AlternateTakesSeat,
    ByElection,
    CeasedToBeOwner,
    Event,
    FirstMeeting,
    Removal,
    Resignation,
    apply_event,
)
from community_governance.committee.freeze import (
    check_not_frozen,
    decide_unless_frozen,
    frozen_matters,
    frozen_window,
)
from community_governance.committee.inactivity import InactivityCheck, inactivity_check
from community_governance.committee.model import (
    Committee,
    HistoryEntry,
    Member,
    Role,
    elect_committee,
)
from community_governance.committee.posting import (
    Posting,
    PostingCheck,
    PostingStatus,
    check_posting,
    unposted_items,
)
from community_governance.committee.progress import (
    Status,
    StepFinding,
    TimelineCheck,
    check_timeline,
)
from community_governance.committee.temporary import (
    TemporaryCheck,
    TemporaryCommittee,
    TemporaryDecision,
    TemporaryMember,
    check_temporary_committee,
    dissolution_deadline,
    temporary_decision,
)
from community_governance.committee.timeline import (
    PLAN_STEPS,
    PlanStep,
    ReelectionPlan,
    reelection_plan,
)
from community_governance.committee.vacancy import VacancyAction, VacancyAdvice, vacancy_action
from community_governance.rules.committee import (
    AbsenceRule,
    CadenceRule,
    Direction,
    FreezeRule,
    FreezeWindow,
    InactivityRule,
    PostingKind,
    PostingRule,
    Recipient,
    RemovalGround,
    Seat,
    Step,
    StepRule,
    TemporaryCommitteeRule,
    TermRule,
    VacancyRule,
)
from community_governance.rules.params import CommitteeParams

__all__ = [
    "PLAN_STEPS",
    "AbsenceCount",
    "AbsenceRule",
    "AlternateTakesSeat",
    "ByElection",
    "Cadence",
    "CadenceCheck",
    "CadenceRule",
    "CeasedToBeOwner",
    "Committee",
    "CommitteeParams",
    "Direction",
    "Event",
    "FirstMeeting",
    "FreezeRule",
    "FreezeWindow",
    "HistoryEntry",
    "HolidayPolicy",
    "InactivityCheck",
    "InactivityRule",
    "MeetingRecord",
    "Member",
    "PlanStep",
    "Posting",
    "PostingCheck",
    "PostingKind",
    "PostingRule",
    "PostingStatus",
    "Recipient",
    "ReelectionPlan",
    "Removal",
    "RemovalGround",
    "Resignation",
    "Role",
    "Seat",
    "Status",
    "Step",
    "StepFinding",
    "StepRule",
    "TemporaryCheck",
    "TemporaryCommittee",
    "TemporaryCommitteeRule",
    "TemporaryDecision",
    "TemporaryMember",
    "TermRule",
    "TimelineCheck",
    "VacancyAction",
    "VacancyAdvice",
    "VacancyRule",
    "absence_counts",
    "apply_event",
    "check_cadence",
    "check_not_frozen",
    "check_posting",
    "check_temporary_committee",
    "check_timeline",
    "decide_unless_frozen",
    "dissolution_deadline",
    "elect_committee",
    "frozen_matters",
    "frozen_window",
    "inactivity_check",
    "reelection_plan",
    "temporary_decision",
    "unposted_items",
    "vacancy_action",
]
