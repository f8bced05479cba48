"""Judicial confirmation: a parallel status of the agreement in effect (CPL 2023 Arts. 205–206).

The parties may jointly apply within 30 days of the agreement taking effect (People's
Mediation Law Art. 33); the court confirms, rejects or does not accept the application, or it
is withdrawn. The status moves by [JC_TABLE][community_governance.mediation.JC_TABLE]; the case
itself stays ``IN_PERFORMANCE``.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, Protocol

import attrs

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.agreement import Confirmation
from community_governance.mediation.events import (
    BareEvent,
    BodyEvent,
    ConfirmationWithdrawal,
    EventKind,
    ReasonEvent,
)
from community_governance.mediation.states import CaseState, JCStatus
from community_governance.mediation.transition import (
    CaseView,
    Changes,
    Guard,
    Transition,
    all_parties_join,
    deadline,
    replace_latest,
    rows,
)
from community_governance.rules.periods import Period

__all__ = ["GUARDS", "JC_TABLE", "ROWS", "open_confirmation", "status"]

J, E = JCStatus, EventKind
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

_WINDOW = Period(days=30)


class _Kinded(Protocol):
    """Any event: the status guard reads only its kind."""

    @property
    def kind(self) -> EventKind: ...


def open_confirmation(start: date, calendar: HolidayCalendar | None) -> Confirmation:
    """A new confirmation record with its 30-day window from ``start`` (PML Art. 33).

    Without a calendar the record depends on ``start`` alone, so it is remembered (at most
    4,096 days; records are immutable and safe to share). With a calendar it is computed
    every time: a calendar may learn new holidays.
    """
    if calendar is None:
        return _plain_confirmation(start)
    return _confirmation_from(start, calendar)


def _confirmation_from(start: date, calendar: HolidayCalendar | None) -> Confirmation:
    window = deadline(
        "judicial confirmation window",
        start,
        _WINDOW,
        basis=cite.PML_33,
        calendar=calendar,
        label_zh="司法确认申请期限",
    )
    return Confirmation(window=window)


@functools.lru_cache(maxsize=4096)
def _plain_confirmation(start: date) -> Confirmation:
    return _confirmation_from(start, None)


def status(case: CaseView) -> JCStatus:
    """The judicial-confirmation status of the agreement in effect (``NONE`` without one)."""
    agreement = case.effective_agreement
    return agreement.confirmation.status if agreement is not None else JCStatus.NONE


def _jc_allows(case: CaseView, event: _Kinded) -> str | None:
    current = status(case)
    if (current, event.kind) in JC_TABLE:
        return None
    return f"judicial confirmation is {current.value}: {event.kind.value} does not apply"


def _within_window(case: CaseView, event: BodyEvent) -> str | None:
    agreement = case.effective_agreement
    window = agreement.confirmation.window if agreement is not None else None
    if window is not None and event.on <= window.end:
        return None
    end = window.end.isoformat() if window is not None else "(none)"
    day = window.day_number(event.on) if window is not None else 0
    return (
        f"{event.on.isoformat()} is day {day} after the agreement took effect; the 30-day "
        f"window ended on {end}; the agreement still binds as a contract (PML Art. 32)"
    )


def _lawful_organisation(case: CaseView, event: object) -> str | None:
    if case.committee.kind.lawful:
        return None
    return f"{case.committee.id!r} is not a lawfully established mediation organisation"


def _in_writing(case: CaseView, event: object) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and agreement.in_writing:
        return None
    return "an oral agreement must first be written up and signed (write_up_oral_agreement)"


def _not_title(case: CaseView, event: object) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and agreement.terms.settles_title:
        return "the agreement settles title to real rights or IP; courts do not accept it"
    return None


_ALLOWS = Guard(
    "confirmation_status_allows", cite.CPL_206, _jc_allows, rule_zh="司法确认状态允许该事件"
)
_APPLY_GUARDS: tuple[Guard[BodyEvent], ...] = (
    _ALLOWS,
    Guard("joint_application", cite.CPL_205, all_parties_join, rule_zh="双方共同申请"),
    Guard(
        "within_confirmation_window", cite.PML_33, _within_window, rule_zh="协议生效之日起30日内"
    ),
    Guard(
        "lawful_mediation_organisation",
        cite.CPL_205,
        _lawful_organisation,
        rule_zh="依法设立的调解组织",
    ),
    Guard("agreement_in_writing", cite.INTERP_354, _in_writing, rule_zh="提交书面调解协议"),
    Guard("not_title_to_property", cite.INTERP_355, _not_title, rule_zh="不涉及物权、知识产权确权"),
)

#: The guards of this phase.
GUARDS: tuple[Guard[Any], ...] = _APPLY_GUARDS


def _apply(case: CaseView, event: BodyEvent, calendar: HolidayCalendar | None) -> Changes:
    """File the application with the court applied to."""
    current = case.agreements[-1].confirmation
    new_status = JC_TABLE[(current.status, event.kind)]
    new = attrs.evolve(current, status=new_status, applied_on=event.on, court=event.body)
    return {"agreements": replace_latest(case, confirmation=new)}


def _withdraw(
    case: CaseView, event: ConfirmationWithdrawal, calendar: HolidayCalendar | None
) -> Changes:
    """The application is withdrawn, expressly or deemed."""
    current = case.agreements[-1].confirmation
    new_status = JC_TABLE[(current.status, event.kind)]
    ground = "deemed" if event.deemed else "express"
    new = attrs.evolve(current, status=new_status, ruled_on=event.on, ground=ground)
    return {"agreements": replace_latest(case, confirmation=new)}


def _ruling(
    case: CaseView, event: BareEvent | ReasonEvent, calendar: HolidayCalendar | None
) -> Changes:
    """The court rules: confirms, rejects or does not accept (its ground, if any)."""
    current = case.agreements[-1].confirmation
    new_status = JC_TABLE[(current.status, event.kind)]
    new = attrs.evolve(current, status=new_status, ruled_on=event.on, ground=event.reason)
    return {"agreements": replace_latest(case, confirmation=new)}


_PERFORMING = (CaseState.IN_PERFORMANCE,)
#: The rows of this phase.
ROWS: tuple[Transition[Any], ...] = (
    *rows(BodyEvent, _PERFORMING, E.APPLY_CONFIRMATION, None, _APPLY_GUARDS, _apply),
    *rows(BareEvent, _PERFORMING, E.COURT_CONFIRMS, None, (_ALLOWS,), _ruling),
    *rows(ReasonEvent, _PERFORMING, E.COURT_REJECTS, None, (_ALLOWS,), _ruling),
    *rows(ReasonEvent, _PERFORMING, E.COURT_NOT_ACCEPTED, None, (_ALLOWS,), _ruling),
    *rows(
        ConfirmationWithdrawal, _PERFORMING, E.WITHDRAW_CONFIRMATION, None, (_ALLOWS,), _withdraw
    ),
)
