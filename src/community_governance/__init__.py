"""community_governance: the rules of residential-estate self-governance as exact code.

The facade holds what the quickstart and the tutorials use. Everything else lives in its
subpackage, reachable one way:

* `community_governance.register` - owners, units, the estate and the counting of persons;
* `community_governance.rules` - the rule vocabulary (thresholds, policies, layers);
* `community_governance.jurisdictions` - the bundled rule data and `rules_for`;
* `community_governance.calendar` - legal dates (Civil Code Arts. 201-203);
* `community_governance.voting`, `community_governance.elections`,
  `community_governance.mediation`, `community_governance.committee` - the engines;
* `community_governance.audit` - recounts and reported-figure checks;
* `community_governance.strategies` - hypothesis strategies (the ``hypothesis`` extra);
* `community_governance.exceptions` - every error, under `GovernanceError`.

Names that lived here before 0.2 still resolve for one minor version, with a
``DeprecationWarning`` naming their new home.
"""

import importlib as _importlib
import warnings as _warnings
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from community_governance.exceptions import GovernanceError

if _TYPE_CHECKING:  # the names below load lazily at runtime (PEP 562); mypy and docs read them here
    from community_governance import (
        audit,
        calendar,
        committee,
        elections,
        exceptions,
        jurisdictions,
        mediation,
        register,
        rules,
        voting,
    )
    from community_governance._base.citations import (
        Citation,
        Confidence,
    )
    from community_governance._base.notices import Notice
    from community_governance.audit import (
        audit_decision,
        audit_election,
        reported_percentage,
    )
    from community_governance.calendar import (
        ChinaHolidayCalendar,
        WeekendCalendar,
        period_end,
    )
    from community_governance.elections import (
        Candidate,
        ElectionBallot,
        ElectionResult,
        elect,
        vet,
    )
    from community_governance.jurisdictions import (
        rules_for,
    )
    from community_governance.mediation import MediationCase
    from community_governance.register import (
        Estate,
        Owner,
        OwnerKind,
        Unit,
        UnitStatus,
    )
    from community_governance.rules import (
        Base,
        Comparator,
        Matter,
        Measure,
        ResolutionRule,
        RuleSet,
        Threshold,
    )
    from community_governance.voting import (
        Ballot,
        Check,
        CheckRole,
        Decision,
        Proxy,
        decide,
    )

#: Subpackages, imported on first use so that ``import community_governance`` stays cheap.
_SUBPACKAGES: frozenset[str] = frozenset(
    {
        "audit",
        "calendar",
        "committee",
        "elections",
        "exceptions",
        "jurisdictions",
        "mediation",
        "register",
        "rules",
        "voting",
    }
)

#: The facade's names and the module each is loaded from on first use.
_EXPORTS: dict[str, str] = {
    "Citation": "community_governance._base.citations",
    "Confidence": "community_governance._base.citations",
    "Notice": "community_governance._base.notices",
    "audit_decision": "community_governance.audit",
    "audit_election": "community_governance.audit",
    "reported_percentage": "community_governance.audit",
    "ChinaHolidayCalendar": "community_governance.calendar",
    "WeekendCalendar": "community_governance.calendar",
    "period_end": "community_governance.calendar",
    "Candidate": "community_governance.elections",
    "ElectionBallot": "community_governance.elections",
    "ElectionResult": "community_governance.elections",
    "elect": "community_governance.elections",
    "vet": "community_governance.elections",
    "rules_for": "community_governance.jurisdictions",
    "MediationCase": "community_governance.mediation",
    "Estate": "community_governance.register",
    "Owner": "community_governance.register",
    "OwnerKind": "community_governance.register",
    "Unit": "community_governance.register",
    "UnitStatus": "community_governance.register",
    "Base": "community_governance.rules",
    "Comparator": "community_governance.rules",
    "Matter": "community_governance.rules",
    "Measure": "community_governance.rules",
    "ResolutionRule": "community_governance.rules",
    "RuleSet": "community_governance.rules",
    "Threshold": "community_governance.rules",
    "Ballot": "community_governance.voting",
    "Check": "community_governance.voting",
    "CheckRole": "community_governance.voting",
    "Decision": "community_governance.voting",
    "Proxy": "community_governance.voting",
    "decide": "community_governance.voting",
}


__version__ = "0.2.0.dev0"

__all__ = [  # noqa: RUF022 - grouped by topic on purpose, not sorted
    # subpackages
    "audit",
    "calendar",
    "committee",
    "elections",
    "exceptions",
    "jurisdictions",
    "mediation",
    "register",
    "rules",
    "voting",
    # register
    "Estate",
    "Owner",
    "OwnerKind",
    "Unit",
    "UnitStatus",
    # rules
    "rules_for",
    "RuleSet",
    "Matter",
    "Threshold",
    "ResolutionRule",
    "Measure",
    "Base",
    "Comparator",
    "Citation",
    "Confidence",
    "Notice",
    # voting
    "Ballot",
    "Proxy",
    "decide",
    "Decision",
    "Check",
    "CheckRole",
    # elections
    "Candidate",
    "ElectionBallot",
    "elect",
    "ElectionResult",
    "vet",
    # audits
    "audit_decision",
    "audit_election",
    "reported_percentage",
    # legal dates
    "period_end",
    "ChinaHolidayCalendar",
    "WeekendCalendar",
    # mediation
    "MediationCase",
    # errors
    "GovernanceError",
    "__version__",
]

#: Names the facade exported before 0.2, and where they live now (removed in 0.3).
_MOVED: dict[str, str] = {
    "AnnouncedCandidate": "community_governance.audit:AnnouncedCandidate",
    "AnnouncedDecision": "community_governance.audit:AnnouncedDecision",
    "AnnouncedElection": "community_governance.audit:AnnouncedElection",
    "AreaSource": "community_governance.register:AreaSource",
    "AreaTypeError": "community_governance.exceptions:AreaTypeError",
    "AuditError": "community_governance.exceptions:AuditError",
    "BallotError": "community_governance.exceptions:BallotError",
    "BallotPolicy": "community_governance.rules:BallotPolicy",
    "BodyError": "community_governance.exceptions:BodyError",
    "CalendarError": "community_governance.exceptions:CalendarError",
    "CandidateError": "community_governance.exceptions:CandidateError",
    "CandidateResult": "community_governance.elections:CandidateResult",
    "CaseState": "community_governance.mediation:CaseState",
    "CaseWarning": "community_governance.mediation:CaseWarning",
    "Choice": "community_governance.voting:Choice",
    "CivilCapacity": "community_governance.register:CivilCapacity",
    "Composition": "community_governance.elections:Composition",
    "ConflictingBallotsError": "community_governance.exceptions:ConflictingBallotsError",
    "CountingPolicy": "community_governance.register:CountingPolicy",
    "CountingReason": "community_governance.register:CountingReason",
    "Deadline": "community_governance.calendar:Deadline",
    "DecisionAudit": "community_governance.audit:DecisionAudit",
    "DeemedVoteClause": "community_governance.rules:DeemedVoteClause",
    "Discrepancy": "community_governance.audit:Discrepancy",
    "Disqualification": "community_governance.rules:Disqualification",
    "DuplicateBallotError": "community_governance.exceptions:DuplicateBallotError",
    "DuplicateIdError": "community_governance.exceptions:DuplicateIdError",
    "ElectionAudit": "community_governance.audit:ElectionAudit",
    "ElectionError": "community_governance.exceptions:ElectionError",
    "Eligibility": "community_governance.rules:Eligibility",
    "EligibilityError": "community_governance.exceptions:EligibilityError",
    "EligibilityRule": "community_governance.rules:EligibilityRule",
    "EmptyEstateError": "community_governance.exceptions:EmptyEstateError",
    "Event": "community_governance.mediation:Event",
    "EventKind": "community_governance.mediation:EventKind",
    "Figures": "community_governance.voting:Figures",
    "GroupKind": "community_governance.rules:GroupKind",
    "GroupMember": "community_governance.elections:GroupMember",
    "GroupReport": "community_governance.elections:GroupReport",
    "GroupRole": "community_governance.rules:GroupRole",
    "GroupRule": "community_governance.rules:GroupRule",
    "GuardFailedError": "community_governance.exceptions:GuardFailedError",
    "Handling": "community_governance.rules:Handling",
    "HolidayCalendar": "community_governance.calendar:HolidayCalendar",
    "HolidayDataUnavailableError": "community_governance.exceptions:HolidayDataUnavailableError",
    "INSTRUMENTS": "community_governance.rules:INSTRUMENTS",
    "InvalidAreaError": "community_governance.exceptions:InvalidAreaError",
    "InvalidCaseDataError": "community_governance.exceptions:InvalidCaseDataError",
    "InvalidChoiceError": "community_governance.exceptions:InvalidChoiceError",
    "InvalidPeriodError": "community_governance.exceptions:InvalidPeriodError",
    "InvalidRecordError": "community_governance.exceptions:InvalidRecordError",
    "JCStatus": "community_governance.mediation:JCStatus",
    "Layer": "community_governance.rules:Layer",
    "MediationError": "community_governance.exceptions:MediationError",
    "MediationPolicy": "community_governance.mediation:MediationPolicy",
    "MediationStatistics": "community_governance.mediation:MediationStatistics",
    "NegativeList": "community_governance.elections:NegativeList",
    "OverApprovalError": "community_governance.exceptions:OverApprovalError",
    "Overlap": "community_governance.register:Overlap",
    "OverlapPolicy": "community_governance.register:OverlapPolicy",
    "Param": "community_governance.rules:Param",
    "PercentageCheck": "community_governance.audit:PercentageCheck",
    "Period": "community_governance.rules:Period",
    "Permission": "community_governance.mediation:Permission",
    "Person": "community_governance.register:Person",
    "PositiveList": "community_governance.elections:PositiveList",
    "Priority": "community_governance.elections:Priority",
    "Profile": "community_governance.elections:Profile",
    "Provided": "community_governance.rules:Param",
    "Rate": "community_governance.mediation:Rate",
    "Reading": "community_governance.audit:Reading",
    "ReplayMismatchError": "community_governance.exceptions:ReplayMismatchError",
    "Requirement": "community_governance.rules:Requirement",
    "RuleSetError": "community_governance.exceptions:RuleSetError",
    "RuleSetNotInForceError": "community_governance.exceptions:RuleSetNotInForceError",
    "RuleVerdict": "community_governance.elections:RuleVerdict",
    "SLATE_1234": "community_governance.elections:SLATE_1234",
    "SeatStatus": "community_governance.elections:SeatStatus",
    "Share": "community_governance.rules:Share",
    "SizeCheck": "community_governance.elections:SizeCheck",
    "SizeRule": "community_governance.rules:SizeRule",
    "Slate": "community_governance.elections:Slate",
    "SlateEntry": "community_governance.elections:SlateEntry",
    "SlatePolicy": "community_governance.elections:SlatePolicy",
    "SpoiledPolicy": "community_governance.rules:SpoiledPolicy",
    "StaleRuleSetWarning": "community_governance.exceptions:StaleRuleSetWarning",
    "Tally": "community_governance.voting:Tally",
    "Target": "community_governance.rules:Target",
    "TerminationReason": "community_governance.mediation:TerminationReason",
    "TieBreak": "community_governance.rules:TieBreak",
    "TieMethod": "community_governance.rules:TieMethod",
    "TieReport": "community_governance.elections:TieReport",
    "TrailEntry": "community_governance.mediation:TrailEntry",
    "TransitionTableError": "community_governance.exceptions:TransitionTableError",
    "UnitUse": "community_governance.register:UnitUse",
    "UnknownCandidateError": "community_governance.exceptions:UnknownCandidateError",
    "UnknownJurisdictionError": "community_governance.exceptions:UnknownJurisdictionError",
    "UnknownReferenceError": "community_governance.exceptions:UnknownReferenceError",
    "UnknownUnitError": "community_governance.exceptions:UnknownUnitError",
    "Vetting": "community_governance.elections:Vetting",
    "build_slate": "community_governance.elections:build_slate",
    "candidate_rules": "community_governance.elections:candidate_rules",
    "case_warnings": "community_governance.mediation:case_warnings",
    "check_committee_size": "community_governance.elections:check_committee_size",
    "check_group": "community_governance.elections:check_group",
    "composition": "community_governance.elections:composition",
    "day_number": "community_governance.calendar:day_number",
    "estate_layer": "community_governance.jurisdictions:estate_layer",
    "is_within": "community_governance.calendar:is_within",
    "mediation_statistics": "community_governance.mediation:mediation_statistics",
    "mermaid": "community_governance.mediation:mermaid",
    "next_working_day": "community_governance.calendar:next_working_day",
    "policy_for": "community_governance.mediation:policy_for",
    "restrict": "community_governance.elections:restrict",
}


def __getattr__(name: str) -> _Any:
    """Load a facade name or subpackage on first use; resolve a moved name with a warning.

    The facade's own names and subpackages are imported lazily (PEP 562) and then cached in
    the module, so only what a program uses is imported. Names that lived here before 0.2
    resolve with a ``DeprecationWarning`` naming their new home.
    """
    if name in _SUBPACKAGES:
        value: _Any = _importlib.import_module(f"community_governance.{name}")
    elif name in _EXPORTS:
        value = getattr(_importlib.import_module(_EXPORTS[name]), name)
    else:
        return _moved(name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The facade's names, loaded or not."""
    return sorted({*globals(), *__all__})


def _moved(name: str) -> _Any:
    """A name moved out of the facade, with a ``DeprecationWarning``."""
    target = _MOVED.get(name)
    if target is None:
        raise AttributeError(f"module 'community_governance' has no attribute {name!r}")
    module, attr = target.split(":")
    _warnings.warn(
        f"community_governance.{name} is deprecated; use {module}.{attr}",
        DeprecationWarning,
        stacklevel=3,
    )
    return getattr(_importlib.import_module(module), attr)
