"""Effects: what each transition records on the case (returns the changed fields only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from community_governance.calendar import Deadline, HolidayCalendar
from community_governance.mediation.agreement import (
    Agreement,
)
from community_governance.mediation.records import Consent, Notice
from community_governance.mediation.states import (
    AgreementStatus,
    CaseSource,
    TerminationReason,
)
from community_governance.rules.periods import Period

if TYPE_CHECKING:
    from community_governance._base.citations import Citation
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event

Changes = dict[str, Any]
_JC_PERIOD = Period(days=30)
_DEADLINES: dict[tuple[str, date, int, int, str], Deadline] = {}
_DEADLINES_MAX = 4096


def deadline(
    label: str,
    start: date,
    period: Period,
    *,
    basis: Citation,
    calendar: HolidayCalendar | None,
    label_zh: str,
) -> Deadline:
    """[Deadline.compute][community_governance.calendar.Deadline.compute], remembered.

    Without a calendar the result depends only on the arguments, so it is kept (deadlines are
    frozen values, safe to share) and found again by label, start day and the identity of the
    period and basis (each kept alive by the deadline that holds it, so an identity is never
    reused while its entry exists). With a calendar it is computed every time: a calendar may
    learn new holidays. At most ``_DEADLINES_MAX`` entries are kept; then the memory is reset.

    Args:
        label: What the deadline is for.
        start: The day of the starting event (not counted).
        period: The length.
        basis: The rule that sets the period.
        calendar: Rest days for the roll-over, or ``None`` for none.
        label_zh: What the deadline is for, in Chinese.

    Returns:
        The deadline.
    """
    if calendar is not None:
        return Deadline.compute(
            label, start, period, basis=basis, calendar=calendar, label_zh=label_zh
        )
    key = (label, start, id(period), id(basis), label_zh)
    found = _DEADLINES.get(key)
    if found is None:
        if len(_DEADLINES) >= _DEADLINES_MAX:
            _DEADLINES.clear()
        found = _DEADLINES[key] = Deadline.compute(
            label, start, period, basis=basis, calendar=None, label_zh=label_zh
        )
    return found


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
    first_consent = min([c.on for c in case.consents if c.given], default=event.on)
    period = deadline(
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
    extended = deadline(
        "mediation period (extended)",
        start,
        event.period,
        basis=case.policy.extension_basis,
        calendar=calendar,
        label_zh="调解期限（延长）",
    )
    return {"mediation_deadline": extended, "extensions": case.extensions + 1}


def written_request(case: MediationCase, event: Event, calendar: HolidayCalendar | None) -> Changes:
    """Record a party's request for a written agreement."""
    return {"written_form_requested_by": (*case.written_form_requested_by, event.party)}


_AGREEMENT_FIELDS = tuple(field.name for field in attrs.fields(Agreement))
_AGREEMENT_INDEX = {name: index for index, name in enumerate(_AGREEMENT_FIELDS)}
_agreement_values = attrgetter(*_AGREEMENT_FIELDS)
SIGNATURES = _AGREEMENT_INDEX["signatures"]
STATUS = _AGREEMENT_INDEX["status"]
EFFECTIVE_ON = _AGREEMENT_INDEX["effective_on"]
CONFIRMATION = _AGREEMENT_INDEX["confirmation"]
PERFORMED = _AGREEMENT_INDEX["performed"]


def make_agreement(values: Sequence[Any]) -> Agreement:
    """``Agreement(*values)``: the agreement with the given field values, in field order."""
    return Agreement(*values)


def latest_with(case: MediationCase, field: int, value: Any) -> tuple[Agreement, ...]:
    """``agreements`` with one field (its index in ``_AGREEMENT_FIELDS``) of the latest changed.

    The one-field form of [_replace_latest][] for the frequent events (signing, performance),
    without a keyword dict.
    """
    agreements = case.agreements
    values = list(_agreement_values(agreements[-1]))
    values[field] = value
    return (*agreements[:-1], make_agreement(values))


def _replace_latest(case: MediationCase, **changes: Any) -> tuple[Agreement, ...]:
    """Replace the latest agreement (``Agreement`` has no validators: no need for evolve)."""
    agreements = case.agreements
    values = list(_agreement_values(agreements[-1]))
    for name, value in changes.items():
        values[_AGREEMENT_INDEX[name]] = value
    return (*agreements[:-1], make_agreement(values))


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
