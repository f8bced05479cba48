"""Intake: from a reported dispute or an application to acceptance (受理) or refusal.

A case starts on an application, a referral or the committee's own initiative; every party
must consent and an explicit refusal bars mediation (People's Mediation Law Art. 17).
Accepting the case opens the mediation period of the case's policy and records the day the
limitation period was interrupted (SPC limitation rules Art. 12).
"""

from __future__ import annotations

from typing import Any

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.events import (
    ApplicationEvent,
    BareEvent,
    EventKind,
    PartyEvent,
    ReasonEvent,
    ReferralEvent,
    ReportEvent,
)
from community_governance.mediation.progress import IntakeRecord, MediatingRecord
from community_governance.mediation.records import Consent, Notice
from community_governance.mediation.states import CaseSource, CaseState
from community_governance.mediation.transition import (
    CaseView,
    Changes,
    Guard,
    HasParty,
    Transition,
    closing,
    deadline,
    intake,
    party_known,
    rows,
)

__all__ = ["GUARDS", "ROWS"]


def _not_yet_consented(case: CaseView, event: HasParty) -> str | None:
    party = event.party
    for consent in case.consents:
        if consent.given and consent.party == party:
            return f"party {party!r} has already consented"
    return None


def _all_consented(case: CaseView, event: object) -> str | None:
    consented = {consent.party for consent in case.consents if consent.given}
    if case.party_ids <= consented:
        return None
    return f"no consent yet from {', '.join(sorted(case.party_ids - consented))}"


def _not_before_other_body(case: CaseView, event: object) -> str | None:
    body = case.dispute.before_other_body
    return f"the dispute is already before {body}" if body else None


def _before_other_body_zh(case: CaseView, event: object) -> str:
    return f"纠纷已由{case.dispute.before_other_body}受理或处理"


PARTY_KNOWN: Guard[HasParty] = Guard(
    "party_known", cite.PML_17, party_known, rule_zh="须为本案当事人"
)
_NOT_YET = Guard(
    "party_not_yet_consented", cite.PML_17, _not_yet_consented, rule_zh="该当事人尚未同意"
)
_ALL = Guard("all_parties_consented", cite.PML_17, _all_consented, rule_zh="各方当事人均同意调解")
_OTHER_BODY = Guard(
    "not_before_other_body",
    cite.MOJ_22,
    _not_before_other_body,
    soft=True,
    rule_zh="未被法院、公安或其他行政机关受理或处理",
    reason_zh=_before_other_body_zh,
)

#: The guards of this phase.
GUARDS: tuple[Guard[Any], ...] = (PARTY_KNOWN, _NOT_YET, _ALL, _OTHER_BODY)


def _report(case: CaseView, event: ReportEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record how the dispute became known."""
    return {"intake": intake(case, source=event.source)}


def _submit(case: CaseView, event: ApplicationEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record the application; the applicant's application is its consent."""
    record = case.intake
    submitted = IntakeRecord(
        record.source or CaseSource.PARTY_APPLICATION,
        event.form,
        record.applied_on or event.on,
        record.referral,
        record.court_delegated,
        (*record.consents, Consent(event.party, event.on, True)),
        record.accepted_on,
        record.limitation_interrupted_on,
        record.not_accepted_reason,
    )
    return {"intake": submitted}


def _ex_officio(case: CaseView, event: BareEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record that the committee acted on its own initiative."""
    return {"intake": intake(case, source=case.source or CaseSource.EX_OFFICIO)}


def _referral(case: CaseView, event: ReferralEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record the referring body and whether a court delegated the case."""
    source = CaseSource.COURT if event.court_delegated else CaseSource.GOVERNMENT
    referred = intake(
        case,
        source=case.source or event.source or source,
        referral=event.body,
        court_delegated=event.court_delegated,
    )
    return {"intake": referred}


def _request_consent(
    case: CaseView, event: PartyEvent, calendar: HolidayCalendar | None
) -> Changes:
    """Record that a party was asked for consent."""
    return {"notices": (*case.notices, Notice("consent_request", event.on, event.party))}


def _consent(case: CaseView, event: PartyEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record a party's consent."""
    return {"intake": case.intake.with_consent(Consent(event.party, event.on, True))}


def _refuse(case: CaseView, event: PartyEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record an explicit refusal: the case is not accepted (PML Art. 17)."""
    refused = intake(
        case,
        consents=(*case.consents, Consent(event.party, event.on, False)),
        not_accepted_reason=f"party_refused: {event.party}",
    )
    return {"intake": refused, "closing": closing(case, closed_on=event.on)}


def _accept(case: CaseView, event: BareEvent, calendar: HolidayCalendar | None) -> Changes:
    """Register the case; open the mediation period; record the limitation interruption."""
    record = case.intake
    first_consent = min([c.on for c in record.consents if c.given], default=event.on)
    policy = case.policy
    period = deadline(
        "mediation period",
        event.on,
        policy.period,
        basis=policy.period_basis,
        calendar=calendar,
        label_zh="调解期限",
    )
    accepted = IntakeRecord(
        record.source,
        record.application_form,
        record.applied_on,
        record.referral,
        record.court_delegated,
        record.consents,
        event.on,
        record.applied_on or first_consent,
        record.not_accepted_reason,
    )
    now = case.mediating
    opened = MediatingRecord(
        now.mediators, now.sessions, period, now.extensions, now.written_form_requested_by
    )
    return {"intake": accepted, "mediating": opened}


def _reject(case: CaseView, event: ReasonEvent, calendar: HolidayCalendar | None) -> Changes:
    """Refuse the case at intake, advising the route to take."""
    return {
        "intake": intake(case, not_accepted_reason=event.reason),
        "closing": closing(case, closed_on=event.on),
        "notices": (*case.notices, Notice("not_accepted", event.on, event.reason)),
    }


S, E = CaseState, EventKind
_ASKED = (S.APPLIED, S.AWAITING_CONSENT)
#: The rows of this phase.
ROWS: tuple[Transition[Any], ...] = (
    *rows(ReportEvent, (S.NEW,), E.REPORT_DISPUTE, S.REPORTED, (), _report),
    *rows(
        ApplicationEvent,
        (S.NEW, S.REPORTED),
        E.SUBMIT_APPLICATION,
        S.APPLIED,
        (PARTY_KNOWN,),
        _submit,
    ),
    *rows(
        ReferralEvent, (S.NEW, S.REPORTED), E.RECEIVE_REFERRAL, S.AWAITING_CONSENT, (), _referral
    ),
    *rows(BareEvent, (S.REPORTED,), E.INITIATE_EX_OFFICIO, S.AWAITING_CONSENT, (), _ex_officio),
    *rows(
        PartyEvent,
        (S.APPLIED,),
        E.REQUEST_CONSENT,
        S.AWAITING_CONSENT,
        (PARTY_KNOWN, _NOT_YET),
        _request_consent,
    ),
    *rows(PartyEvent, _ASKED, E.GIVE_CONSENT, None, (PARTY_KNOWN, _NOT_YET), _consent),
    *rows(BareEvent, _ASKED, E.ACCEPT, S.ACCEPTED, (_ALL, _OTHER_BODY), _accept),
    *rows(ReasonEvent, _ASKED, E.REJECT, S.NOT_ACCEPTED, (), _reject),
    *rows(PartyEvent, _ASKED, E.PARTY_REFUSES, S.NOT_ACCEPTED, (PARTY_KNOWN,), _refuse),
)
