"""Effects: what each transition records on the case (returns the changed fields only)."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from community_governance.calendar import Deadline, HolidayCalendar, Period
from community_governance.mediation.agreement import (
    Agreement,
)
from community_governance.mediation.records import Consent, Notice
from community_governance.mediation.states import (
    AgreementStatus,
    CaseSource,
    TerminationReason,
)

if TYPE_CHECKING:
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event

Changes = dict[str, Any]
_JC_PERIOD = Period(days=30)


def report(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record how the dispute became known."""
    return {"source": event.source}


def submit_application(
    case: MediationCase, event: Event, calendar: HolidayCalendar | None
) -> Changes:
    """Record the application; the applicant's application is its consent."""
    return {
        "source": case.source or CaseSource.PARTY_APPLICATION,
        "application_form": event.form,
        "applied_on": case.applied_on or event.on,
        "consents": (*case.consents, Consent(event.party, event.on, True)),
    }


def ex_officio(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record that the committee acted on its own initiative."""
    return {"source": case.source or CaseSource.EX_OFFICIO}


def referral(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record the referring body and whether a court delegated the case."""
    source = CaseSource.COURT if event.court_delegated else CaseSource.GOVERNMENT
    return {
        "source": case.source or event.source or source,
        "referral": event.body,
        "court_delegated": event.court_delegated,
    }


def request_consent(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record that a party was asked for consent."""
    return {"notices": (*case.notices, Notice("consent_request", event.on, event.party))}


def consent(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a party's consent."""
    return {"consents": (*case.consents, Consent(event.party, event.on, True))}


def refuse(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record an explicit refusal: the case is not accepted (PML Art. 17)."""
    return {
        "consents": (*case.consents, Consent(event.party, event.on, False)),
        "not_accepted_reason": f"party_refused: {event.party}",
        "closed_on": event.on,
    }


def accept(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Register the case; open the mediation period; record the limitation interruption."""
    first_consent = min((c.on for c in case.consents if c.given), default=event.on)
    period = Deadline.compute(
        "mediation period",
        event.on,
        case.policy.period,
        basis=case.policy.period_basis,
        calendar=calendar,
        label_zh="调解期限",
    )
    return {
        "accepted_on": event.on,
        "limitation_interrupted_on": case.applied_on or first_consent,
        "mediation_deadline": period,
    }


def reject(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Refuse the case at intake, advising the route to take."""
    return {
        "not_accepted_reason": event.reason,
        "closed_on": event.on,
        "notices": (*case.notices, Notice("not_accepted", event.on, event.reason)),
    }


def assign(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Assign mediators and record the rights notice when given."""
    notices = case.notices
    if event.rights_notice:
        notices = (*notices, Notice("rights", event.on, "rights and duties"))
    return {"mediators": event.mediators, "notices": notices}


def replace_mediator(
    case: MediationCase, event: Event, calendar: HolidayCalendar | None
) -> Changes:
    """Replace a mediator (recusal)."""
    kept = tuple(m for m in case.mediators if m.id != event.target)
    return {"mediators": (*kept, *event.mediators)}


def session(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a session."""
    return {"sessions": (*case.sessions, event.session)}


def extend(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Extend the mediation period from its current end (every party consented)."""
    current = case.mediation_deadline
    start = current.end if current is not None else event.on
    assert event.period is not None  # guaranteed by REQUIRED_FIELDS
    deadline = Deadline.compute(
        "mediation period (extended)",
        start,
        event.period,
        basis=case.policy.extension_basis,
        calendar=calendar,
        label_zh="调解期限（延长）",
    )
    return {"mediation_deadline": deadline, "extensions": case.extensions + 1}


def written_request(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a party's request for a written agreement."""
    return {"written_form_requested_by": (*case.written_form_requested_by, event.party)}


_AGREEMENT_FIELDS = tuple(field.name for field in attrs.fields(Agreement))
_AGREEMENT_INDEX = {name: index for index, name in enumerate(_AGREEMENT_FIELDS)}
_agreement_values = attrgetter(*_AGREEMENT_FIELDS)


def _replace_latest(case: MediationCase, **changes: Any) -> tuple[Agreement, ...]:
    """Replace the latest agreement (``Agreement`` has no validators: no need for evolve)."""
    values = list(_agreement_values(case.agreements[-1]))
    for name, value in changes.items():
        values[_AGREEMENT_INDEX[name]] = value
    return (*case.agreements[:-1], Agreement(*values))


def _terminate(reason: TerminationReason, *, routes: bool = True) -> Any:
    def effect(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
        notices = list(case.notices)
        if routes:
            notices.append(Notice("routes", event.on, "arbitration, administrative, judicial"))
        if case.policy.termination_notice:
            notices.append(Notice("termination", event.on, reason.value))
        changes: Changes = {"termination": reason, "closed_on": event.on, "notices": tuple(notices)}
        latest = case.agreement
        if latest is not None and latest.status is AgreementStatus.DRAFT:
            changes["agreements"] = _replace_latest(case, status=AgreementStatus.DECLINED)
        return changes

    effect.__doc__ = f"Terminate with reason {reason.value}."
    return effect


_R = TerminationReason
expire = _terminate(_R.EXPIRED)
withdraw = _terminate(_R.PARTY_WITHDREW)
fail = _terminate(_R.FAILED)
escalate = _terminate(_R.ESCALATED_TRANSFERRED, routes=False)
parallel = _terminate(_R.PARALLEL_PROCEEDING, routes=False)
bad_faith = _terminate(_R.BAD_FAITH)
other = _terminate(_R.OTHER)
