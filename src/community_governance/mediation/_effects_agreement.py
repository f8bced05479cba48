"""Effects of agreement, performance and judicial-confirmation events."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import attrs

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation._effects import (
    CONFIRMATION,
    EFFECTIVE_ON,
    PERFORMED,
    SIGNATURES,
    STATUS,
    Changes,
    _agreement_values,
    _replace_latest,
    deadline,
    latest_with,
    make_agreement,
)
from community_governance.mediation.agreement import (
    Agreement,
    Confirmation,
    FollowUpVisit,
    PerformanceRecord,
    Signature,
    Urging,
)
from community_governance.mediation.events import EventKind
from community_governance.mediation.states import AgreementForm, AgreementStatus
from community_governance.rules.periods import Period

if TYPE_CHECKING:
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event

_JC_PERIOD = Period(days=30)


_OPEN: dict[date, Confirmation] = {}  # without a calendar: the new confirmation by start day
_OPEN_MAX = 4096


def _window(start: date, calendar: HolidayCalendar | None) -> Confirmation:
    """A new confirmation record with its 30-day window (a frozen value: kept when it can be)."""
    if calendar is None:
        found = _OPEN.get(start)
        if found is None:
            if len(_OPEN) >= _OPEN_MAX:
                _OPEN.clear()
            found = _OPEN[start] = _new_window(start, None)
        return found
    return _new_window(start, calendar)


def _new_window(start: date, calendar: HolidayCalendar | None) -> Confirmation:
    window = deadline(
        "judicial confirmation window",
        start,
        _JC_PERIOD,
        basis=cite.PML_33,
        calendar=calendar,
        label_zh="司法确认申请期限",
    )
    return Confirmation(window=window)


def oral_agreement(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record an oral agreement, in effect the day reached (PML Art. 30)."""
    assert event.terms is not None  # guaranteed by REQUIRED_FIELDS
    agreement = Agreement(
        version=len(case.agreements) + 1,
        form=AgreementForm.ORAL,
        terms=event.terms,
        made_on=event.on,
        status=AgreementStatus.IN_EFFECT,
        effective_on=event.on,
        confirmation=_window(event.on, calendar),
    )
    return {"agreements": (*case.agreements, agreement)}


def draft(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a drafted written agreement awaiting signatures."""
    assert event.terms is not None  # guaranteed by REQUIRED_FIELDS
    agreement = Agreement(len(case.agreements) + 1, AgreementForm.WRITTEN, event.terms, event.on)
    return {"agreements": (*case.agreements, agreement)}


def sign(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Add one execution element (signature, seal or fingerprint)."""
    assert event.method is not None  # guaranteed by REQUIRED_FIELDS
    signature = Signature(event.party, event.method, event.on)
    signatures = (*case.agreements[-1].signatures, signature)
    return {"agreements": latest_with(case, SIGNATURES, signatures)}


def decline(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """A party declines to sign: the draft is declined, mediation continues."""
    return {"agreements": _replace_latest(case, status=AgreementStatus.DECLINED)}


def take_effect(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """The agreement takes effect the day its last execution element was added."""
    agreements = case.agreements
    drafted = agreements[-1]
    effective = max([s.on for s in drafted.signatures])
    values = list(_agreement_values(drafted))
    values[STATUS] = AgreementStatus.IN_EFFECT
    values[EFFECTIVE_ON] = effective
    values[CONFIRMATION] = _window(effective, calendar)
    return {"agreements": (*agreements[:-1], make_agreement(values))}


def write_up(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record that the oral agreement was written up and signed (its effective date stays)."""
    return {"agreements": _replace_latest(case, written_up_on=event.on)}


def visit(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a follow-up visit."""
    latest = case.agreements[-1]
    record = FollowUpVisit(event.on, event.by, event.reason)
    return {"agreements": _replace_latest(case, visits=(*latest.visits, record))}


def perform(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record performance of an obligation."""
    record = PerformanceRecord(event.target, event.on, event.reason)
    performed = (*case.agreements[-1].performed, record)
    return {"agreements": latest_with(case, PERFORMED, performed)}


def urge(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record an urging; flag non-performance."""
    latest = case.agreements[-1]
    record = Urging(event.target, event.on, event.by)
    return {
        "agreements": _replace_latest(case, urgings=(*latest.urgings, record)),
        "non_performance": True,
    }


def close(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Close the case (performed, or referred to court)."""
    return {"closed_on": event.on}


def remediate(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
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
        "agreements": _replace_latest(case, status=AgreementStatus.SUPERSEDED),
        "mediation_deadline": period,
    }


def confirmation(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Move the judicial-confirmation status by the JC table."""
    from community_governance.mediation.table import JC_TABLE

    current = case.agreements[-1].confirmation
    status = JC_TABLE[(current.status, event.kind)]
    if event.kind is EventKind.APPLY_CONFIRMATION:
        new = attrs.evolve(current, status=status, applied_on=event.on, court=event.body)
    elif event.kind is EventKind.WITHDRAW_CONFIRMATION:
        ground = "deemed" if event.deemed else "express"
        new = attrs.evolve(current, status=status, ruled_on=event.on, ground=ground)
    else:
        new = attrs.evolve(current, status=status, ruled_on=event.on, ground=event.reason)
    return {"agreements": _replace_latest(case, confirmation=new)}
