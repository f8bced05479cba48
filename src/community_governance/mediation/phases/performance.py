"""Performance: after the agreement takes effect, until it is performed or goes to court.

The committee supervises and urges performance (People's Mediation Law Art. 31); a party may
sue over the agreement's content or performance (Art. 32); the parties may jointly ask for
re-mediation, which supersedes the agreement and opens a new period (a library design
decision). A pending judicial-confirmation application blocks closing (CPL 2023 Art. 205).
"""

from __future__ import annotations

from typing import Any

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.agreement import (
    Agreement,
    FollowUpVisit,
    PerformanceRecord,
    Urging,
)
from community_governance.mediation.events import (
    BareEvent,
    CourtReferralEvent,
    EventKind,
    JointEvent,
    ObligationEvent,
)
from community_governance.mediation.phases.confirmation import status
from community_governance.mediation.progress import ClosingRecord
from community_governance.mediation.states import AgreementStatus, CaseState, JCStatus
from community_governance.mediation.transition import (
    CaseView,
    Changes,
    Guard,
    Transition,
    all_parties_join,
    closing,
    deadline,
    mediating,
    replace_latest,
    rows,
    with_latest,
)

__all__ = ["GUARDS", "ROWS"]


def _oral_unwritten(case: CaseView, event: object) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and not agreement.in_writing:
        return None
    return "the agreement in effect is already in writing"


def _open(agreement: Agreement, target: str) -> bool:
    """Whether ``target`` is an obligation of ``agreement`` with no performance record."""
    for record in agreement.performed:  # a loop: this runs for every performance recorded
        if record.obligation == target:
            return False
    return any(obligation.id == target for obligation in agreement.terms.obligations)


def _obligation_open(case: CaseView, event: ObligationEvent) -> str | None:
    agreement = case.effective_agreement
    target = event.target
    if agreement is not None and _open(agreement, target):
        return None
    return f"{target!r} is not an unperformed obligation of the agreement in effect"


def _obligation_overdue(case: CaseView, event: ObligationEvent) -> str | None:
    agreement = case.effective_agreement
    obligation = agreement.obligation(event.target) if agreement is not None else None
    due = obligation.due if obligation is not None else None
    if due is not None and event.on > due:
        return None
    when = due.isoformat() if due is not None else "no due date"
    return f"obligation {event.target!r} is not overdue on {event.on.isoformat()} ({when})"


def _all_performed(case: CaseView, event: object) -> str | None:
    agreement = case.effective_agreement
    open_ = [o.id for o in agreement.unperformed()] if agreement is not None else []
    return f"obligations not yet performed: {', '.join(open_)}" if open_ else None


def _no_pending_confirmation(case: CaseView, event: object) -> str | None:
    if status(case) is JCStatus.APPLIED:
        return "a judicial-confirmation application is pending: await the ruling or withdraw it"
    return None


def _urged_or_disputed(case: CaseView, event: CourtReferralEvent) -> str | None:
    agreement = case.effective_agreement
    if event.agreement_disputed:
        return None
    open_ = {o.id for o in agreement.unperformed()} if agreement is not None else set()
    urgings = agreement.urgings if agreement is not None else ()
    if any(urging.obligation in open_ for urging in urgings):
        return None
    return "no dispute over the agreement and no urging of an unperformed obligation"


_OPEN = Guard("obligation_open", cite.PML_31, _obligation_open, rule_zh="须为未履行的义务")
_NO_PENDING = Guard(
    "no_pending_confirmation",
    cite.CPL_205,
    _no_pending_confirmation,
    rule_zh="无待决的司法确认申请",
)
_UNWRITTEN = Guard(
    "oral_not_yet_written", cite.DESIGN, _oral_unwritten, rule_zh="口头协议尚未形成书面"
)
_OVERDUE = Guard("obligation_overdue", cite.PML_31, _obligation_overdue, rule_zh="义务已逾期")
_PERFORMED = Guard(
    "all_obligations_performed", cite.PML_31, _all_performed, rule_zh="全部义务已履行"
)
_URGED = Guard(
    "urged_or_disputed", cite.PML_32, _urged_or_disputed, rule_zh="经督促仍未履行或对协议有争议"
)
_REMEDIATION = Guard(
    "remediation_consented_by_all", cite.PML_33, all_parties_join, rule_zh="重新调解须经各方同意"
)

#: The guards of this phase.
GUARDS: tuple[Guard[Any], ...] = (
    _UNWRITTEN,
    _OPEN,
    _OVERDUE,
    _PERFORMED,
    _NO_PENDING,
    _URGED,
    _REMEDIATION,
)


def _write_up(case: CaseView, event: BareEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record that the oral agreement was written up and signed (its effective date stays)."""
    return {"agreements": replace_latest(case, written_up_on=event.on)}


def _visit(case: CaseView, event: BareEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record a follow-up visit."""
    visits = (*case.agreements[-1].visits, FollowUpVisit(event.on, event.by, event.reason))
    return {"agreements": replace_latest(case, visits=visits)}


def _perform(case: CaseView, event: ObligationEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record performance of an obligation."""
    record = PerformanceRecord(event.target, event.on, event.reason)
    return {"agreements": with_latest(case, case.agreements[-1].with_performance(record))}


def _urge(case: CaseView, event: ObligationEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record an urging; flag non-performance."""
    urgings = (*case.agreements[-1].urgings, Urging(event.target, event.on, event.by))
    return {
        "agreements": replace_latest(case, urgings=urgings),
        "closing": closing(case, non_performance=True),
    }


def _close(
    case: CaseView, event: BareEvent | CourtReferralEvent, calendar: HolidayCalendar | None
) -> Changes:
    """Close the case (performed, or referred to court)."""
    now = case.closing
    return {"closing": ClosingRecord(now.termination, event.on, now.non_performance)}


def _remediate(case: CaseView, event: JointEvent, calendar: HolidayCalendar | None) -> Changes:
    """Supersede the agreement and open a new mediation period from today (library decision)."""
    period = deadline(
        "mediation period (re-mediation)",
        event.on,
        case.policy.period,
        basis=case.policy.period_basis,
        calendar=calendar,
        label_zh="调解期限（重新调解）",
    )
    return {
        "agreements": replace_latest(case, status=AgreementStatus.SUPERSEDED),
        "mediating": mediating(case, mediation_deadline=period),
    }


S, E = CaseState, EventKind
_IN = (S.IN_PERFORMANCE,)
#: The rows of this phase.
ROWS: tuple[Transition[Any], ...] = (
    *rows(BareEvent, _IN, E.WRITE_UP_ORAL_AGREEMENT, None, (_UNWRITTEN,), _write_up),
    *rows(BareEvent, _IN, E.FOLLOW_UP_VISIT, None, (), _visit),
    *rows(ObligationEvent, _IN, E.RECORD_PERFORMANCE, None, (_OPEN,), _perform),
    *rows(ObligationEvent, _IN, E.URGE_PERFORMANCE, None, (_OPEN, _OVERDUE), _urge),
    *rows(BareEvent, _IN, E.CLOSE_PERFORMED, S.PERFORMED, (_PERFORMED, _NO_PENDING), _close),
    *rows(
        CourtReferralEvent,
        _IN,
        E.REFER_TO_COURT,
        S.REFERRED_TO_COURT,
        (_URGED, _NO_PENDING),
        _close,
    ),
    *rows(JointEvent, _IN, E.REMEDIATE, S.IN_MEDIATION, (_REMEDIATION, _NO_PENDING), _remediate),
)
