"""The declared transition table, validated when this module is imported.

[validate_table][community_governance.mediation.validate_table] checks that a table has exactly
one initial state (the only state no transition enters), no exits from terminal states, every
state reachable from the initial one, and no trap (a non-terminal state from which no terminal
state can be reached). The judicial-confirmation table is checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from community_governance.mediation import _effects as fx
from community_governance.mediation import _effects_agreement as fa
from community_governance.mediation._validate import validate_table
from community_governance.mediation.events import EventKind
from community_governance.mediation.guards import GUARDS, Guard
from community_governance.mediation.states import TERMINAL_STATES, CaseState, JCStatus

if TYPE_CHECKING:
    from community_governance.calendar import HolidayCalendar
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event

__all__ = ["JC_TABLE", "TABLE", "Transition", "validate_table"]

Effect = Callable[["MediationCase", "Event", "HolidayCalendar | None"], dict[str, Any]]


@attrs.frozen(slots=True)
class Transition:
    """One row of the table: in ``source``, ``event`` leads to ``target`` if every guard holds.

    Attributes:
        source: State the case must be in.
        event: The event.
        target: State after the event.
        guards: Conditions, checked in order; the first hard failure refuses the event.
        effect: Records the event's facts on the case.
    """

    source: CaseState
    event: EventKind
    target: CaseState
    guards: tuple[Guard, ...]
    effect: Effect = attrs.field(eq=False, repr=False)


S, E, G = CaseState, EventKind, GUARDS
_PRE_AGREEMENT = (S.REPORTED, S.APPLIED, S.AWAITING_CONSENT, S.ACCEPTED, S.IN_MEDIATION)
_TERMINATIONS = (
    (E.WITHDRAW, ("party_known",), fx.withdraw),
    (E.DECLARE_FAILURE, ("routes_advised",), fx.fail),
    (E.REPORT_ESCALATION, (), fx.escalate),
    (E.TERMINATE_BAD_FAITH, (), fx.bad_faith),
    (E.TERMINATE_OTHER, (), fx.other),
    (E.EXPIRE, ("period_is_binding", "period_expired"), fx.expire),
)
_JC_GUARDS = ("confirmation_status_allows",)
_APPLY_JC = (
    "confirmation_status_allows",
    "joint_application",
    "within_confirmation_window",
    "lawful_mediation_organisation",
    "agreement_in_writing",
    "not_title_to_property",
)
_NO_PENDING = "no_pending_confirmation"
_ROWS: list[tuple[tuple[CaseState, ...], EventKind, CaseState | None, tuple[str, ...], Effect]] = [
    ((S.NEW,), E.REPORT_DISPUTE, S.REPORTED, (), fx.report),
    ((S.NEW, S.REPORTED), E.SUBMIT_APPLICATION, S.APPLIED, ("party_known",), fx.submit_application),
    ((S.NEW, S.REPORTED), E.RECEIVE_REFERRAL, S.AWAITING_CONSENT, (), fx.referral),
    ((S.REPORTED,), E.INITIATE_EX_OFFICIO, S.AWAITING_CONSENT, (), fx.ex_officio),
    (
        (S.APPLIED,),
        E.REQUEST_CONSENT,
        S.AWAITING_CONSENT,
        ("party_known", "party_not_yet_consented"),
        fx.request_consent,
    ),
    (
        (S.APPLIED, S.AWAITING_CONSENT),
        E.GIVE_CONSENT,
        None,
        ("party_known", "party_not_yet_consented"),
        fx.consent,
    ),
    (
        (S.APPLIED, S.AWAITING_CONSENT),
        E.ACCEPT,
        S.ACCEPTED,
        ("all_parties_consented", "not_before_other_body"),
        fx.accept,
    ),
    ((S.APPLIED, S.AWAITING_CONSENT), E.REJECT, S.NOT_ACCEPTED, (), fx.reject),
    ((S.APPLIED, S.AWAITING_CONSENT), E.PARTY_REFUSES, S.NOT_ACCEPTED, ("party_known",), fx.refuse),
    ((*_PRE_AGREEMENT, S.AGREEMENT_DRAFTED), E.PARALLEL_PROCEEDING, S.TERMINATED, (), fx.parallel),
    (
        (S.ACCEPTED,),
        E.ASSIGN_MEDIATORS,
        S.IN_MEDIATION,
        ("at_least_one_mediator", "mediators_independent", "rights_notice_given"),
        fx.assign,
    ),
    ((S.ACCEPTED,), E.WITHDRAW, S.TERMINATED, ("party_known",), fx.withdraw),
    (
        (S.IN_MEDIATION,),
        E.REPLACE_MEDIATOR,
        None,
        ("mediator_in_case", "mediators_independent"),
        fx.replace_mediator,
    ),
    (
        (S.IN_MEDIATION,),
        E.HOLD_SESSION,
        None,
        ("invitees_consented", "public_not_objected"),
        fx.session,
    ),
    (
        (S.IN_MEDIATION,),
        E.EXTEND_PERIOD,
        None,
        ("extension_consented_by_all", "extension_in_time"),
        fx.extend,
    ),
    ((S.IN_MEDIATION,), E.REQUEST_WRITTEN_FORM, None, ("party_known",), fx.written_request),
    (
        (S.IN_MEDIATION,),
        E.REACH_ORAL_AGREEMENT,
        S.IN_PERFORMANCE,
        (
            "all_parties_agree",
            "obligors_are_parties",
            "no_written_form_requested",
            "ningbo_written_form",
            "moj_written_form",
        ),
        fa.oral_agreement,
    ),
    (
        (S.IN_MEDIATION,),
        E.DRAFT_AGREEMENT,
        S.AGREEMENT_DRAFTED,
        ("obligors_are_parties",),
        fa.draft,
    ),
    (
        (S.AGREEMENT_DRAFTED,),
        E.SIGN,
        None,
        ("signatory_known", "not_yet_signed"),
        fa.sign,
    ),
    ((S.AGREEMENT_DRAFTED,), E.DECLINE_TO_SIGN, S.IN_MEDIATION, ("party_known",), fa.decline),
    ((S.AGREEMENT_DRAFTED,), E.TAKE_EFFECT, S.IN_PERFORMANCE, ("fully_executed",), fa.take_effect),
    *(
        ((S.IN_MEDIATION, S.AGREEMENT_DRAFTED), event, S.TERMINATED, guards, effect)
        for event, guards, effect in _TERMINATIONS
    ),
    ((S.IN_PERFORMANCE,), E.WRITE_UP_ORAL_AGREEMENT, None, ("oral_not_yet_written",), fa.write_up),
    ((S.IN_PERFORMANCE,), E.FOLLOW_UP_VISIT, None, (), fa.visit),
    ((S.IN_PERFORMANCE,), E.RECORD_PERFORMANCE, None, ("obligation_open",), fa.perform),
    (
        (S.IN_PERFORMANCE,),
        E.URGE_PERFORMANCE,
        None,
        ("obligation_open", "obligation_overdue"),
        fa.urge,
    ),
    (
        (S.IN_PERFORMANCE,),
        E.CLOSE_PERFORMED,
        S.PERFORMED,
        ("all_obligations_performed", _NO_PENDING),
        fa.close,
    ),
    (
        (S.IN_PERFORMANCE,),
        E.REFER_TO_COURT,
        S.REFERRED_TO_COURT,
        ("urged_or_disputed", _NO_PENDING),
        fa.close,
    ),
    (
        (S.IN_PERFORMANCE,),
        E.REMEDIATE,
        S.IN_MEDIATION,
        ("remediation_consented_by_all", _NO_PENDING),
        fa.remediate,
    ),
    ((S.IN_PERFORMANCE,), E.APPLY_CONFIRMATION, None, _APPLY_JC, fa.confirmation),
    *(
        ((S.IN_PERFORMANCE,), event, None, _JC_GUARDS, fa.confirmation)
        for event in (
            E.COURT_CONFIRMS,
            E.COURT_REJECTS,
            E.COURT_NOT_ACCEPTED,
            E.WITHDRAW_CONFIRMATION,
        )
    ),
]

#: The declared table: (state, event) → transition. ``None`` targets in the rows mean "stay".
TABLE: dict[tuple[CaseState, EventKind], Transition] = {
    (source, event): Transition(
        source, event, source if target is None else target, tuple(G[g] for g in guards), effect
    )
    for sources, event, target, guards, effect in _ROWS
    for source in sources
}

J = JCStatus
#: The judicial-confirmation table: (status, event) → status (CPL 2023 Arts. 205–206).
JC_TABLE: dict[tuple[JCStatus, EventKind], JCStatus] = {
    (J.NONE, E.APPLY_CONFIRMATION): J.APPLIED,
    (J.WITHDRAWN, E.APPLY_CONFIRMATION): J.APPLIED,
    (J.NOT_ACCEPTED_BY_COURT, E.APPLY_CONFIRMATION): J.APPLIED,
    (J.APPLIED, E.COURT_CONFIRMS): J.CONFIRMED,
    (J.APPLIED, E.COURT_REJECTS): J.REJECTED,
    (J.APPLIED, E.COURT_NOT_ACCEPTED): J.NOT_ACCEPTED_BY_COURT,
    (J.APPLIED, E.WITHDRAW_CONFIRMATION): J.WITHDRAWN,
}

validate_table(
    ((t.source, t.target) for t in TABLE.values()),
    states=CaseState,
    initial=S.NEW,
    terminal=TERMINAL_STATES,
    name="mediation table",
)
validate_table(
    ((status, target) for (status, _), target in JC_TABLE.items()),
    states=JCStatus,
    initial=J.NONE,
    terminal=(J.CONFIRMED, J.REJECTED),
    name="judicial-confirmation table",
)
