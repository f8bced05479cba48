"""Agreement: an oral agreement, or a written one drafted, signed and taking effect.

An oral agreement takes effect the day it is reached (People's Mediation Law Art. 30) unless a
party asked for writing (Art. 28) or the case's policy requires writing in the circumstances
(``MediationPolicy.written_form_required_for``, refused) or advises it
(``written_form_advised_for``, a warning). A written agreement takes effect when every party,
a mediator and the committee's seal are on it (Art. 29).
"""

from __future__ import annotations

from typing import Any

from community_governance.calendar import HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.agreement import Agreement, Signature
from community_governance.mediation.events import (
    BareEvent,
    EventKind,
    PartyEvent,
    SigningEvent,
    TermsEvent,
)
from community_governance.mediation.phases.confirmation import open_confirmation
from community_governance.mediation.phases.intake import PARTY_KNOWN
from community_governance.mediation.states import (
    AgreementForm,
    AgreementStatus,
    CaseState,
    SigningMethod,
)
from community_governance.mediation.transition import (
    CaseView,
    Changes,
    Guard,
    Transition,
    all_parties_join,
    replace_latest,
    rows,
    with_latest,
)
from community_governance.rules.mediation import WrittenFormTrigger

__all__ = ["GUARDS", "ROWS"]


def _no_written_request(case: CaseView, event: object) -> str | None:
    asked = case.written_form_requested_by
    return f"{', '.join(asked)} asked for a written agreement" if asked else None


def _triggered(
    case: CaseView, event: TermsEvent, triggers: tuple[WrittenFormTrigger, ...]
) -> tuple[str, str] | None:
    """Which of ``triggers`` the agreement meets, as an English and a Chinese reason."""
    if not triggers:
        return None
    terms = event.terms
    if WrittenFormTrigger.OBLIGATIONS in triggers and terms.obligations:
        return "civil rights and obligations are involved", "涉及民事权利义务"
    if WrittenFormTrigger.DEFERRED_PERFORMANCE in triggers:
        later = [o.id for o in terms.obligations if o.due is not None and o.due > event.on]
        if later:
            ids = ", ".join(later)
            return (
                f"performance is not immediate (obligations {ids})",
                f"不能即时履行（义务 {ids}）",
            )
    if WrittenFormTrigger.MAJOR_OR_COMPLEX in triggers and case.dispute.complex:
        return "the dispute is major or complex", "纠纷重大、复杂"
    return None


def _written_required(case: CaseView, event: TermsEvent) -> str | None:
    reason = _triggered(case, event, case.policy.written_form_required_for)
    return None if reason is None else reason[0]


def _written_advised(case: CaseView, event: TermsEvent) -> str | None:
    reason = _triggered(case, event, case.policy.written_form_advised_for)
    return None if reason is None else f"{reason[0]}: the policy advises a written agreement"


def _written_advised_zh(case: CaseView, event: TermsEvent) -> str:
    reason = _triggered(case, event, case.policy.written_form_advised_for)
    return "" if reason is None else f"{reason[1]}，调解规则建议采用书面协议"


def _obligors_are_parties(case: CaseView, event: TermsEvent) -> str | None:
    obligations = event.terms.obligations
    ids = [o.id for o in obligations]
    for obligation in obligations:
        if obligation.obligor not in case.party_ids:
            return f"obligation {obligation.id!r}: obligor {obligation.obligor!r} is not a party"
        if ids.count(obligation.id) > 1:
            return f"obligation id {obligation.id!r} is used twice"
    return None


def _signatory_known(case: CaseView, event: SigningEvent) -> str | None:
    party = event.party
    if party == case.committee.id:
        return None if event.method is SigningMethod.SEAL else "the committee signs by its seal"
    if party in case.party_ids:
        return None
    for mediator in case.mediators:  # a loop, not any(<generator>): this runs per signature
        if mediator.id == party:
            return None
    return f"{party!r} is neither a party, a mediator of the case, nor the committee"


def _not_yet_signed(case: CaseView, event: SigningEvent) -> str | None:
    agreement = case.agreement
    party = event.party
    for signature in agreement.signatures if agreement is not None else ():
        if signature.signatory == party:
            return f"{party!r} has already signed agreement version {len(case.agreements)}"
    return None


def _fully_executed(case: CaseView, event: object) -> str | None:
    agreement = case.agreement
    signed = {s.signatory for s in agreement.signatures} if agreement is not None else set()
    if not case.party_ids <= signed:
        return f"not yet signed by {', '.join(sorted(case.party_ids - signed))}"
    if not any(m.id in signed for m in case.mediators):
        return "no mediator has signed"
    return None if case.committee.id in signed else "the committee's seal is not affixed"


_OBLIGORS = Guard(
    "obligors_are_parties", cite.pml("29(1)"), _obligors_are_parties, rule_zh="义务人须为当事人"
)
_ORAL_GUARDS = (
    Guard("all_parties_agree", cite.PML_30, all_parties_join, rule_zh="各方当事人达成一致"),
    _OBLIGORS,
    Guard(
        "no_written_form_requested",
        cite.PML_28,
        _no_written_request,
        rule_zh="无当事人要求书面协议",
    ),
    Guard(
        "written_form_required",
        cite.DESIGN,
        _written_required,
        rule_zh="依调解规则须采用书面协议",
        basis="written_form_basis",
    ),
    Guard(
        "written_form_advised",
        cite.DESIGN,
        _written_advised,
        soft=True,
        rule_zh="依调解规则宜采用书面协议",
        basis="written_form_advice_basis",
        reason_zh=_written_advised_zh,
    ),
)
_SIGN_GUARDS = (
    Guard(
        "signatory_known", cite.PML_29, _signatory_known, rule_zh="签署人须为当事人、调解员或调委会"
    ),
    Guard("not_yet_signed", cite.DESIGN, _not_yet_signed, rule_zh="不得重复签署"),
)
_EXECUTED = Guard(
    "fully_executed", cite.PML_29, _fully_executed, rule_zh="各方签名、调解员签名并加盖印章"
)

#: The guards of this phase.
GUARDS: tuple[Guard[Any], ...] = (*_ORAL_GUARDS, *_SIGN_GUARDS, _EXECUTED)


def _oral(case: CaseView, event: TermsEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record an oral agreement, in effect the day reached (PML Art. 30)."""
    agreement = Agreement(
        version=len(case.agreements) + 1,
        form=AgreementForm.ORAL,
        terms=event.terms,
        made_on=event.on,
        status=AgreementStatus.IN_EFFECT,
        effective_on=event.on,
        confirmation=open_confirmation(event.on, calendar),
    )
    return {"agreements": (*case.agreements, agreement)}


def _draft(case: CaseView, event: TermsEvent, calendar: HolidayCalendar | None) -> Changes:
    """Record a drafted written agreement awaiting signatures."""
    agreement = Agreement(len(case.agreements) + 1, AgreementForm.WRITTEN, event.terms, event.on)
    return {"agreements": (*case.agreements, agreement)}


def _sign(case: CaseView, event: SigningEvent, calendar: HolidayCalendar | None) -> Changes:
    """Add one execution element (signature, seal or fingerprint)."""
    signature = Signature(event.party, event.method, event.on)
    return {"agreements": with_latest(case, case.agreements[-1].with_signature(signature))}


def _decline(case: CaseView, event: PartyEvent, calendar: HolidayCalendar | None) -> Changes:
    """A party declines to sign: the draft is declined, mediation continues."""
    return {"agreements": replace_latest(case, status=AgreementStatus.DECLINED)}


def _take_effect(case: CaseView, event: BareEvent, calendar: HolidayCalendar | None) -> Changes:
    """The agreement takes effect the day its last execution element was added."""
    latest = case.agreements[-1]
    effective = max(s.on for s in latest.signatures)
    in_effect = latest.taking_effect(effective, open_confirmation(effective, calendar))
    return {"agreements": with_latest(case, in_effect)}


S, E = CaseState, EventKind
#: The rows of this phase.
ROWS: tuple[Transition[Any], ...] = (
    *rows(
        TermsEvent,
        (S.IN_MEDIATION,),
        E.REACH_ORAL_AGREEMENT,
        S.IN_PERFORMANCE,
        _ORAL_GUARDS,
        _oral,
    ),
    *rows(
        TermsEvent, (S.IN_MEDIATION,), E.DRAFT_AGREEMENT, S.AGREEMENT_DRAFTED, (_OBLIGORS,), _draft
    ),
    *rows(SigningEvent, (S.AGREEMENT_DRAFTED,), E.SIGN, None, _SIGN_GUARDS, _sign),
    *rows(
        PartyEvent,
        (S.AGREEMENT_DRAFTED,),
        E.DECLINE_TO_SIGN,
        S.IN_MEDIATION,
        (PARTY_KNOWN,),
        _decline,
    ),
    *rows(
        BareEvent,
        (S.AGREEMENT_DRAFTED,),
        E.TAKE_EFFECT,
        S.IN_PERFORMANCE,
        (_EXECUTED,),
        _take_effect,
    ),
)
