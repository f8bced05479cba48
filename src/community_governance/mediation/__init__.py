"""Mediation cases: a lawful lifecycle as an immutable state machine.

A [MediationCase][community_governance.mediation.MediationCase] is moved by typed events
(`PartyEvent`, `TermsEvent`... one type per set of facts, declared in `EVENT_TYPES`) through
the declared `TABLE`; [apply][community_governance.mediation.apply]
refuses an event with the failed guard and its reason; the trail replays to the same case;
judicial confirmation is a parallel status; the case's policy, read from its rule set
(``rules.mediation.policy``), sets the period and the written-form rules;
[mediation_statistics][community_governance.mediation.mediation_statistics] counts with
declared definitions.
"""

from community_governance.mediation.agreement import (
    Agreement,
    AgreementTerms,
    Confirmation,
    FollowUpVisit,
    Obligation,
    PerformanceRecord,
    Signature,
    Urging,
)
from community_governance.mediation.case import MediationCase
from community_governance.mediation.deadlines import (
    CaseWarning,
    case_warnings,
    revocation_deadline,
)
from community_governance.mediation.diagram import mermaid
from community_governance.mediation.engine import Permission, apply, may, replay
from community_governance.mediation.events import (
    EVENT_TYPES,
    FACTS,
    REQUIRED_FIELDS,
    AnyEvent,
    ApplicationEvent,
    BareEvent,
    BodyEvent,
    ConfirmationWithdrawal,
    CourtReferralEvent,
    Event,
    EventFacts,
    EventKind,
    ExtensionEvent,
    FailureEvent,
    JointEvent,
    MediatorChange,
    MediatorsEvent,
    ObligationEvent,
    PartyEvent,
    ReasonEvent,
    ReferralEvent,
    ReportEvent,
    SessionEvent,
    SigningEvent,
    TermsEvent,
    make_event,
)
from community_governance.mediation.policy import policy_for
from community_governance.mediation.progress import (
    CaseIdentity,
    ClosingRecord,
    IntakeRecord,
    MediatingRecord,
)
from community_governance.mediation.records import (
    Committee,
    Consent,
    Dispute,
    Mediator,
    Notice,
    Party,
    Session,
)
from community_governance.mediation.states import (
    TERMINAL_STATES,
    AgreementForm,
    AgreementStatus,
    CaseSource,
    CaseState,
    CommitteeKind,
    DisputeType,
    JCStatus,
    PartyRole,
    PersonKind,
    SigningMethod,
    TerminationReason,
)
from community_governance.mediation.statistics import (
    MediationStatistics,
    Rate,
    mediation_statistics,
)
from community_governance.mediation.table import GUARDS, JC_TABLE, TABLE, validate_table
from community_governance.mediation.trail import GuardWarning, TrailEntry
from community_governance.mediation.transition import CaseView, Guard, Transition
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger

__all__ = [
    "EVENT_TYPES",
    "FACTS",
    "GUARDS",
    "JC_TABLE",
    "REQUIRED_FIELDS",
    "TABLE",
    "TERMINAL_STATES",
    "Agreement",
    "AgreementForm",
    "AgreementStatus",
    "AgreementTerms",
    "AnyEvent",
    "ApplicationEvent",
    "BareEvent",
    "BodyEvent",
    "CaseIdentity",
    "CaseSource",
    "CaseState",
    "CaseView",
    "CaseWarning",
    "ClosingRecord",
    "Committee",
    "CommitteeKind",
    "Confirmation",
    "ConfirmationWithdrawal",
    "Consent",
    "CourtReferralEvent",
    "Dispute",
    "DisputeType",
    "Event",
    "EventFacts",
    "EventKind",
    "ExtensionEvent",
    "FailureEvent",
    "FollowUpVisit",
    "Guard",
    "GuardWarning",
    "IntakeRecord",
    "JCStatus",
    "JointEvent",
    "MediatingRecord",
    "MediationCase",
    "MediationPolicy",
    "MediationStatistics",
    "Mediator",
    "MediatorChange",
    "MediatorsEvent",
    "Notice",
    "Obligation",
    "ObligationEvent",
    "Party",
    "PartyEvent",
    "PartyRole",
    "PerformanceRecord",
    "Permission",
    "PersonKind",
    "Rate",
    "ReasonEvent",
    "ReferralEvent",
    "ReportEvent",
    "Session",
    "SessionEvent",
    "Signature",
    "SigningEvent",
    "SigningMethod",
    "TerminationReason",
    "TermsEvent",
    "TrailEntry",
    "Transition",
    "Urging",
    "WrittenFormTrigger",
    "apply",
    "case_warnings",
    "make_event",
    "may",
    "mediation_statistics",
    "mermaid",
    "policy_for",
    "replay",
    "revocation_deadline",
    "validate_table",
]
