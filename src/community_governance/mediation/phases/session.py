"""Mediating: mediators, sessions, extensions, and every way mediation ends without agreement.

Mediators are assigned or chosen (People's Mediation Law Art. 19); others take part only with
the parties' consent (Art. 20) and a party may refuse a public session (Art. 23). The period
and its extension follow the case's policy and cite the policy's own articles; that an
extension must come before expiry is a library design decision, cited as such. On failure the
parties are told the other routes (Art. 26).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.events import (
    BareEvent,
    BodyEvent,
    EventKind,
    ExtensionEvent,
    FailureEvent,
    MediatorChange,
    MediatorsEvent,
    PartyEvent,
    ReasonEvent,
    SessionEvent,
)
from community_governance.mediation.phases.intake import PARTY_KNOWN
from community_governance.mediation.progress import MediatingRecord
from community_governance.mediation.records import Notice
from community_governance.mediation.states import AgreementStatus, CaseState, TerminationReason
from community_governance.mediation.transition import (
    CaseView,
    Changes,
    Effect,
    Guard,
    Transition,
    all_parties_join,
    closing,
    deadline,
    mediating,
    replace_latest,
    rows,
)

__all__ = ["GUARDS", "ROWS"]


class _Dated(Protocol):
    """Any event: a termination reads only its day."""

    @property
    def on(self) -> date: ...


def _at_least_one_mediator(case: CaseView, event: MediatorsEvent) -> str | None:
    return None if event.mediators else "no mediator named"


def _independent(case: CaseView, event: MediatorsEvent | MediatorChange) -> str | None:
    for mediator in event.mediators:
        if mediator.id in case.party_ids or mediator.affiliation in case.party_ids:
            return (
                f"mediator {mediator.id!r} is, or acts for, a party "
                f"({mediator.affiliation or mediator.id!r}); a party cannot mediate its own case"
            )
    return None


def _rights_notice(case: CaseView, event: MediatorsEvent) -> str | None:
    return None if event.rights_notice else "no rights-and-duties notice recorded"


def _mediator_in_case(case: CaseView, event: MediatorChange) -> str | None:
    if any(m.id == event.target for m in case.mediators):
        return None
    return f"{event.target!r} is not a mediator of case {case.case_id}"


def _invitees_consented(case: CaseView, event: SessionEvent) -> str | None:
    session = event.session
    if session is None or not session.invitees:
        return None
    missing = sorted(case.party_ids - set(session.invitee_consents))
    return f"invitees need the consent of {', '.join(missing)}" if missing else None


def _public_not_objected(case: CaseView, event: SessionEvent) -> str | None:
    session = event.session
    if session is not None and session.public and session.objections_to_public:
        return f"public session despite objection by {', '.join(session.objections_to_public)}"
    return None


def _extension_in_time(case: CaseView, event: ExtensionEvent) -> str | None:
    deadline = case.mediation_deadline
    if case.policy.hard and deadline is not None and event.on > deadline.end:
        return (
            "an extension must come before expiry: the mediation period already ended on "
            f"{deadline.end.isoformat()}"
        )
    return None


def _period_hard(case: CaseView, event: object) -> str | None:
    if case.policy.hard:
        return None
    return (
        f"under policy {case.policy.code} the period is soft ({case.policy.period_basis.format()}):"
        " being overdue is a warning, not a ground for termination"
    )


def _deadline_passed(case: CaseView, event: BareEvent) -> str | None:
    deadline = case.mediation_deadline
    if deadline is not None and event.on > deadline.end:
        return None
    end = deadline.end.isoformat() if deadline is not None else "(none)"
    return f"{event.on.isoformat()} is within the period ending {end} (Civil Code Art. 1259)"


def _routes_advised(case: CaseView, event: FailureEvent) -> str | None:
    return None if event.routes_advised else "the parties were not told the other routes"


_D = cite.DESIGN
_ONE = Guard(
    "at_least_one_mediator", cite.PML_19, _at_least_one_mediator, rule_zh="至少指定一名调解员"
)
_INDEPENDENT = Guard(
    "mediators_independent", cite.PML_19, _independent, rule_zh="调解员不得为当事人或其代表"
)
_RIGHTS = Guard(
    "rights_notice_given",
    cite.MOJ_30,
    _rights_notice,
    soft=True,
    rule_zh="告知当事人权利义务",
    reason_zh=lambda case, event: "未记录权利义务告知",
)
_IN_CASE = Guard("mediator_in_case", _D, _mediator_in_case, rule_zh="被更换者须为本案调解员")
_INVITEES = Guard(
    "invitees_consented", cite.PML_20, _invitees_consented, rule_zh="邀请他人参与须经当事人同意"
)
_PUBLIC = Guard(
    "public_not_objected", cite.PML_23, _public_not_objected, rule_zh="当事人反对时不得公开调解"
)
_EXTENSION_CONSENTED = Guard(
    "extension_consented_by_all",
    _D,
    all_parties_join,
    rule_zh="延长须经各方同意",
    basis="extension_basis",
)
_EXTENSION_IN_TIME = Guard(
    "extension_in_time",
    cite.EXTENSION_BEFORE_EXPIRY,
    _extension_in_time,
    rule_zh="须在调解期限届满前延长",
)
_BINDING = Guard(
    "period_is_binding", _D, _period_hard, rule_zh="调解期限为强制性期限", basis="period_basis"
)
_EXPIRED = Guard(
    "period_expired", _D, _deadline_passed, rule_zh="调解期限已届满", basis="period_basis"
)
_ROUTES = Guard("routes_advised", cite.PML_26, _routes_advised, rule_zh="告知仲裁、行政、司法途径")

#: The guards of this phase.
GUARDS: tuple[Guard[Any], ...] = (
    _ONE,
    _INDEPENDENT,
    _RIGHTS,
    _IN_CASE,
    _INVITEES,
    _PUBLIC,
    _EXTENSION_CONSENTED,
    _EXTENSION_IN_TIME,
    _BINDING,
    _EXPIRED,
    _ROUTES,
)


def _assign(case: CaseView, event: MediatorsEvent, calendar: HolidayCalendar | None) -> Changes:
    """Assign mediators and record the rights notice when given."""
    notices = case.notices
    if event.rights_notice:
        notices = (*notices, Notice("rights", event.on, "rights and duties"))
    now = case.mediating
    assigned = MediatingRecord(
        event.mediators,
        now.sessions,
        now.mediation_deadline,
        now.extensions,
        now.written_form_requested_by,
    )
    return {"mediating": assigned, "notices": notices}


def _replace_mediator(
    case: CaseView, event: MediatorChange, calendar: HolidayCalendar | None
) -> Changes:
    """Replace a mediator (recusal)."""
    kept = tuple(m for m in case.mediators if m.id != event.target)
    return {"mediating": mediating(case, mediators=(*kept, *event.mediators))}


def _session(case: CaseView, event: SessionEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record a session."""
    now = case.mediating
    held = MediatingRecord(
        now.mediators,
        (*now.sessions, event.session),
        now.mediation_deadline,
        now.extensions,
        now.written_form_requested_by,
    )
    return {"mediating": held}


def _extend(case: CaseView, event: ExtensionEvent, calendar: HolidayCalendar | None) -> Changes:
    """Extend the mediation period from its current end (every party consented)."""
    current = case.mediation_deadline
    start = current.end if current is not None else event.on
    extended = deadline(
        "mediation period (extended)",
        start,
        event.period,
        basis=case.policy.extension_basis,
        calendar=calendar,
        label_zh="调解期限（延长）",
    )
    changed = mediating(case, mediation_deadline=extended, extensions=case.extensions + 1)
    return {"mediating": changed}


def _written_request(
    case: CaseView, event: PartyEvent, calendar: HolidayCalendar | None
) -> Changes:
    """Record a party's request for a written agreement."""
    asked = (*case.written_form_requested_by, event.party)
    return {"mediating": mediating(case, written_form_requested_by=asked)}


def terminate(reason: TerminationReason, *, routes: bool = True) -> Effect[_Dated]:
    """The effect that ends mediation with ``reason`` (a draft agreement is declined)."""

    def effect(case: CaseView, event: _Dated, calendar: HolidayCalendar | None) -> Changes:
        notices = list(case.notices)
        if routes:
            notices.append(Notice("routes", event.on, "arbitration, administrative, judicial"))
        if case.policy.termination_notice:
            notices.append(Notice("termination", event.on, reason.value))
        changes: Changes = {
            "closing": closing(case, termination=reason, closed_on=event.on),
            "notices": tuple(notices),
        }
        latest = case.agreement
        if latest is not None and latest.status is AgreementStatus.DRAFT:
            changes["agreements"] = replace_latest(case, status=AgreementStatus.DECLINED)
        return changes

    effect.__doc__ = f"Terminate with reason {reason.value}."
    return effect


S, E, R = CaseState, EventKind, TerminationReason
_PRE_AGREEMENT = (S.REPORTED, S.APPLIED, S.AWAITING_CONSENT, S.ACCEPTED, S.IN_MEDIATION)
_MEDIATING = (S.IN_MEDIATION, S.AGREEMENT_DRAFTED)
_WITHDRAW = terminate(R.PARTY_WITHDREW)
_PARALLEL = terminate(R.PARALLEL_PROCEEDING, routes=False)

#: The rows of this phase.
ROWS: tuple[Transition[Any], ...] = (
    *rows(
        BodyEvent,
        (*_PRE_AGREEMENT, S.AGREEMENT_DRAFTED),
        E.PARALLEL_PROCEEDING,
        S.TERMINATED,
        (),
        _PARALLEL,
    ),
    *rows(
        MediatorsEvent,
        (S.ACCEPTED,),
        E.ASSIGN_MEDIATORS,
        S.IN_MEDIATION,
        (_ONE, _INDEPENDENT, _RIGHTS),
        _assign,
    ),
    *rows(PartyEvent, (S.ACCEPTED,), E.WITHDRAW, S.TERMINATED, (PARTY_KNOWN,), _WITHDRAW),
    *rows(
        MediatorChange,
        (S.IN_MEDIATION,),
        E.REPLACE_MEDIATOR,
        None,
        (_IN_CASE, _INDEPENDENT),
        _replace_mediator,
    ),
    *rows(SessionEvent, (S.IN_MEDIATION,), E.HOLD_SESSION, None, (_INVITEES, _PUBLIC), _session),
    *rows(
        ExtensionEvent,
        (S.IN_MEDIATION,),
        E.EXTEND_PERIOD,
        None,
        (_EXTENSION_CONSENTED, _EXTENSION_IN_TIME),
        _extend,
    ),
    *rows(
        PartyEvent,
        (S.IN_MEDIATION,),
        E.REQUEST_WRITTEN_FORM,
        None,
        (PARTY_KNOWN,),
        _written_request,
    ),
    *rows(PartyEvent, _MEDIATING, E.WITHDRAW, S.TERMINATED, (PARTY_KNOWN,), _WITHDRAW),
    *rows(
        FailureEvent, _MEDIATING, E.DECLARE_FAILURE, S.TERMINATED, (_ROUTES,), terminate(R.FAILED)
    ),
    *rows(
        BodyEvent,
        _MEDIATING,
        E.REPORT_ESCALATION,
        S.TERMINATED,
        (),
        terminate(R.ESCALATED_TRANSFERRED, routes=False),
    ),
    *rows(ReasonEvent, _MEDIATING, E.TERMINATE_BAD_FAITH, S.TERMINATED, (), terminate(R.BAD_FAITH)),
    *rows(ReasonEvent, _MEDIATING, E.TERMINATE_OTHER, S.TERMINATED, (), terminate(R.OTHER)),
    *rows(
        BareEvent, _MEDIATING, E.EXPIRE, S.TERMINATED, (_BINDING, _EXPIRED), terminate(R.EXPIRED)
    ),
)
