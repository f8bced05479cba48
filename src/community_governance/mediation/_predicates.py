"""Guard predicates: ``check(case, event)`` returns ``None`` or the reason it fails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from community_governance.mediation.policy import WrittenFormRule
from community_governance.mediation.states import JCStatus, SigningMethod

if TYPE_CHECKING:
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event


def _party_known(case: MediationCase, event: Event) -> str | None:
    if event.party in case.party_ids:
        return None
    known = ", ".join(sorted(case.party_ids))
    return f"{event.party!r} is not a party of case {case.case_id} ({known})"


def _not_yet_consented(case: MediationCase, event: Event) -> str | None:
    party = event.party
    for consent in case.consents:
        if consent.given and consent.party == party:
            return f"party {party!r} has already consented"
    return None


def _all_consented(case: MediationCase, event: Event) -> str | None:
    consented = {consent.party for consent in case.consents if consent.given}
    if case.party_ids <= consented:
        return None
    return f"no consent yet from {', '.join(sorted(case.party_ids - consented))}"


def _not_before_other_body(case: MediationCase, event: Event) -> str | None:
    body = case.dispute.before_other_body
    return f"the dispute is already before {body}" if body else None


def _at_least_one_mediator(case: MediationCase, event: Event) -> str | None:
    return None if event.mediators else "no mediator named"


def _independent(case: MediationCase, event: Event) -> str | None:
    for mediator in event.mediators:
        if mediator.id in case.party_ids or mediator.affiliation in case.party_ids:
            return (
                f"mediator {mediator.id!r} is, or acts for, a party "
                f"({mediator.affiliation or mediator.id!r}); a party cannot mediate its own case"
            )
    return None


def _rights_notice(case: MediationCase, event: Event) -> str | None:
    return None if event.rights_notice else "no rights-and-duties notice recorded"


def _mediator_in_case(case: MediationCase, event: Event) -> str | None:
    if any(m.id == event.target for m in case.mediators):
        return None
    return f"{event.target!r} is not a mediator of case {case.case_id}"


def _invitees_consented(case: MediationCase, event: Event) -> str | None:
    session = event.session
    if session is None or not session.invitees:
        return None
    missing = sorted(case.party_ids - set(session.invitee_consents))
    return f"invitees need the consent of {', '.join(missing)}" if missing else None


def _public_not_objected(case: MediationCase, event: Event) -> str | None:
    session = event.session
    if session is not None and session.public and session.objections_to_public:
        return f"public session despite objection by {', '.join(session.objections_to_public)}"
    return None


def _all_parties_join(case: MediationCase, event: Event) -> str | None:
    missing = sorted(case.party_ids - set(event.parties))
    return f"not joined by {', '.join(missing)}" if missing else None


def _extension_in_time(case: MediationCase, event: Event) -> str | None:
    deadline = case.mediation_deadline
    if case.policy.hard and deadline is not None and event.on > deadline.end:
        return (
            "an extension must come before expiry: the mediation period already ended on "
            f"{deadline.end.isoformat()}"
        )
    return None


def _period_hard(case: MediationCase, event: Event) -> str | None:
    if case.policy.hard:
        return None
    return (
        f"under policy {case.policy.code} the period is soft ({case.policy.period_basis.format()}):"
        " being overdue is a warning, not a ground for termination"
    )


def _deadline_passed(case: MediationCase, event: Event) -> str | None:
    deadline = case.mediation_deadline
    if deadline is not None and event.on > deadline.end:
        return None
    end = deadline.end.isoformat() if deadline is not None else "(none)"
    return f"{event.on.isoformat()} is within the period ending {end} (Civil Code Art. 1259)"


def _routes_advised(case: MediationCase, event: Event) -> str | None:
    return None if event.routes_advised else "the parties were not told the other routes"


def _no_written_request(case: MediationCase, event: Event) -> str | None:
    asked = case.written_form_requested_by
    return f"{', '.join(asked)} asked for a written agreement" if asked else None


def _ningbo_written(case: MediationCase, event: Event) -> str | None:
    if case.policy.written_form is not WrittenFormRule.NINGBO or event.terms is None:
        return None
    later = [o.id for o in event.terms.obligations if o.due is not None and o.due > event.on]
    if later:
        return f"performance is not immediate (obligations {', '.join(later)})"
    return "the dispute is major or complex" if case.dispute.complex else None


def _moj_written(case: MediationCase, event: Event) -> str | None:
    moj = case.policy.written_form is WrittenFormRule.MOJ_2002
    if moj and event.terms is not None and event.terms.obligations:
        return "civil rights and obligations are involved: the MOJ 2002 rules ask for writing"
    return None


def _obligors_are_parties(case: MediationCase, event: Event) -> str | None:
    obligations = event.terms.obligations if event.terms is not None else ()
    ids = [o.id for o in obligations]
    for obligation in obligations:
        if obligation.obligor not in case.party_ids:
            return f"obligation {obligation.id!r}: obligor {obligation.obligor!r} is not a party"
        if ids.count(obligation.id) > 1:
            return f"obligation id {obligation.id!r} is used twice"
    return None


def _signatory_known(case: MediationCase, event: Event) -> str | None:
    party = event.party
    if party == case.committee.id:
        return None if event.method is SigningMethod.SEAL else "the committee signs by its seal"
    if party in case.party_ids:
        return None
    for mediator in case.mediators:
        if mediator.id == party:
            return None
    return f"{party!r} is neither a party, a mediator of the case, nor the committee"


def _not_yet_signed(case: MediationCase, event: Event) -> str | None:
    agreement = case.agreement
    party = event.party
    for signature in agreement.signatures if agreement is not None else ():
        if signature.signatory == party:
            return f"{party!r} has already signed agreement version {agreement.version}"  # type: ignore[union-attr]
    return None


def _fully_executed(case: MediationCase, event: Event) -> str | None:
    agreement = case.agreement
    signed = {s.signatory for s in agreement.signatures} if agreement is not None else set()
    if not case.party_ids <= signed:
        return f"not yet signed by {', '.join(sorted(case.party_ids - signed))}"
    for mediator in case.mediators:
        if mediator.id in signed:
            break
    else:
        return "no mediator has signed"
    return None if case.committee.id in signed else "the committee's seal is not affixed"


def _oral_unwritten(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and not agreement.in_writing:
        return None
    return "the agreement in effect is already in writing"


def _obligation_open(case: MediationCase, event: Event) -> str | None:
    agreements = case.agreements
    agreement = agreements[-1] if agreements and agreements[-1].effective_on is not None else None
    target = event.target
    if agreement is not None and all(r.obligation != target for r in agreement.performed):
        for obligation in agreement.terms.obligations:
            if obligation.id == target:
                return None
    return f"{target!r} is not an unperformed obligation of the agreement in effect"


def _obligation_overdue(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    obligation = agreement.obligation(event.target) if agreement is not None else None
    due = obligation.due if obligation is not None else None
    if due is not None and event.on > due:
        return None
    when = due.isoformat() if due is not None else "no due date"
    return f"obligation {event.target!r} is not overdue on {event.on.isoformat()} ({when})"


def _all_performed(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    open_ = [o.id for o in agreement.unperformed()] if agreement is not None else []
    return f"obligations not yet performed: {', '.join(open_)}" if open_ else None


def _jc_status(case: MediationCase) -> JCStatus:
    agreement = case.effective_agreement
    return agreement.confirmation.status if agreement is not None else JCStatus.NONE


def _no_pending_confirmation(case: MediationCase, event: Event) -> str | None:
    if _jc_status(case) is JCStatus.APPLIED:
        return "a judicial-confirmation application is pending: await the ruling or withdraw it"
    return None


def _urged_or_disputed(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    if event.agreement_disputed:
        return None
    open_ = {o.id for o in agreement.unperformed()} if agreement is not None else set()
    urgings = agreement.urgings if agreement is not None else ()
    if any(urging.obligation in open_ for urging in urgings):
        return None
    return "no dispute over the agreement and no urging of an unperformed obligation"


def _jc_allows(case: MediationCase, event: Event) -> str | None:
    from community_governance.mediation.table import JC_TABLE

    status = _jc_status(case)
    if (status, event.kind) in JC_TABLE:
        return None
    return f"judicial confirmation is {status.value}: {event.kind.value} does not apply"


def _within_window(case: MediationCase, event: Event) -> str | None:
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


def _lawful_organisation(case: MediationCase, event: Event) -> str | None:
    if case.committee.kind.lawful:
        return None
    return f"{case.committee.id!r} is not a lawfully established mediation organisation"


def _in_writing(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and agreement.in_writing:
        return None
    return "an oral agreement must first be written up and signed (write_up_oral_agreement)"


def _not_title(case: MediationCase, event: Event) -> str | None:
    agreement = case.effective_agreement
    if agreement is not None and agreement.terms.settles_title:
        return "the agreement settles title to real rights or IP; courts do not accept it"
    return None
