"""Mediation agreements: versions, obligations, signatures, performance and confirmation.

A written agreement takes effect when every party has signed, sealed or fingerprinted it, a
mediator has signed and the committee's seal is on it (PML Art. 29 ¶2); its effective date is
the day the last of these is present. An oral agreement takes effect the day it is reached
(PML Art. 30). Judicial confirmation is tracked per agreement version.
"""

from __future__ import annotations

from datetime import date

import attrs

from community_governance.calendar import Deadline
from community_governance.mediation import _checks as check
from community_governance.mediation.states import (
    AgreementForm,
    AgreementStatus,
    JCStatus,
    SigningMethod,
)

__all__ = [
    "Agreement",
    "AgreementTerms",
    "Confirmation",
    "FollowUpVisit",
    "Obligation",
    "PerformanceRecord",
    "Signature",
    "Urging",
]


@attrs.frozen(slots=True)
class Obligation:
    """One thing a party undertakes (PML Art. 29 ¶1(3): content, manner, time limit).

    Attributes:
        id: Identifier, unique in the agreement.
        obligor: Id of the party who must perform.
        content: What is to be done.
        due: Last day for performance, if set.
    """

    id: str = attrs.field(validator=check.text)
    obligor: str = attrs.field(validator=check.text)
    content: str = ""
    due: date | None = attrs.field(default=None, validator=check.day)


@attrs.frozen(slots=True)
class AgreementTerms:
    """The content of a drafted or orally reached agreement.

    Attributes:
        obligations: What each party undertakes.
        content: Free text.
        settles_title: Whether it settles title to real rights (物权) or IP; courts do not accept
            such agreements for judicial confirmation (CPL interpretation Art. 355).
    """

    obligations: tuple[Obligation, ...] = attrs.field(
        converter=check.as_tuple, validator=check.tuple_of(Obligation)
    )
    content: str = attrs.field(default="", validator=check.plain_text)
    settles_title: bool = attrs.field(default=False, validator=check.boolean)


@attrs.frozen(slots=True)
class Signature:
    """One element of execution (PML Art. 29 ¶2).

    Attributes:
        signatory: A party id, a mediator id, or the committee id (its seal).
        method: Signature, seal or fingerprint.
        on: The day it was added.
    """

    signatory: str
    method: SigningMethod
    on: date


@attrs.frozen(slots=True)
class PerformanceRecord:
    """Proof that an obligation was performed.

    Attributes:
        obligation: The obligation's id.
        on: The day it was performed.
        proof: Receipt, transfer record...
    """

    obligation: str
    on: date
    proof: str = ""


@attrs.frozen(slots=True)
class Urging:
    """The committee urged performance of an overdue obligation (督促履行, PML Art. 31).

    Attributes:
        obligation: The overdue obligation's id.
        on: The day of the urging.
        by: Who urged.
    """

    obligation: str
    on: date
    by: str = ""


@attrs.frozen(slots=True)
class FollowUpVisit:
    """A follow-up visit (回访).

    Attributes:
        on: The day of the visit.
        by: The visitor.
        notes: Performance status, satisfaction, new risks, measures.
    """

    on: date
    by: str = ""
    notes: str = ""


@attrs.frozen(slots=True)
class Confirmation:
    """Judicial confirmation of one agreement version (CPL 2023 Arts. 205–206).

    Attributes:
        status: Where the application stands.
        window: The 30-day application window from the effective date (PML Art. 33).
        applied_on: Filing day of the latest application.
        court: The court applied to.
        ruled_on: Day of the ruling or withdrawal.
        ground: Reason for a rejection or non-acceptance; ``"deemed"`` for deemed withdrawal.
    """

    status: JCStatus = JCStatus.NONE
    window: Deadline | None = None
    applied_on: date | None = None
    court: str = ""
    ruled_on: date | None = None
    ground: str = ""


@attrs.frozen(slots=True)
class Agreement:
    """One version of a mediation agreement.

    Attributes:
        version: 1 for the first agreement, then 2, 3... after re-mediation.
        form: Written or oral.
        terms: Obligations and content.
        made_on: Day drafted (written) or reached (oral).
        status: Draft, in effect, declined or superseded.
        signatures: Execution elements gathered so far (written only).
        effective_on: Day it took effect.
        written_up_on: For an oral agreement later recorded in a signed written form, that day.
        performed: Performance records.
        urgings: Urgings to perform.
        visits: Follow-up visits.
        confirmation: Judicial-confirmation status.
    """

    version: int
    form: AgreementForm
    terms: AgreementTerms
    made_on: date
    status: AgreementStatus = AgreementStatus.DRAFT
    signatures: tuple[Signature, ...] = ()
    effective_on: date | None = None
    written_up_on: date | None = None
    performed: tuple[PerformanceRecord, ...] = ()
    urgings: tuple[Urging, ...] = ()
    visits: tuple[FollowUpVisit, ...] = ()
    confirmation: Confirmation = Confirmation()

    @property
    def in_writing(self) -> bool:
        """Whether a written text exists (a written agreement, or an oral one written up)."""
        return self.form is AgreementForm.WRITTEN or self.written_up_on is not None

    @property
    def enforceable(self) -> bool:
        """Whether a court confirmed it, so a party may apply for enforcement (CPL 206)."""
        return self.confirmation.status is JCStatus.CONFIRMED

    def obligation(self, obligation_id: str) -> Obligation | None:
        """Return the obligation with this id, or ``None``."""
        for obligation in self.terms.obligations:
            if obligation.id == obligation_id:
                return obligation
        return None

    # The three copies below pass every field positionally rather than through attrs.evolve:
    # they run once per signature, performance or taking effect, on mediation's per-event path.
    def with_signature(self, signature: Signature) -> Agreement:
        """This version with one more execution element."""
        return Agreement(
            self.version,
            self.form,
            self.terms,
            self.made_on,
            self.status,
            (*self.signatures, signature),
            self.effective_on,
            self.written_up_on,
            self.performed,
            self.urgings,
            self.visits,
            self.confirmation,
        )

    def taking_effect(self, on: date, confirmation: Confirmation) -> Agreement:
        """This version in effect from ``on``, with its judicial-confirmation record."""
        return Agreement(
            self.version,
            self.form,
            self.terms,
            self.made_on,
            AgreementStatus.IN_EFFECT,
            self.signatures,
            on,
            self.written_up_on,
            self.performed,
            self.urgings,
            self.visits,
            confirmation,
        )

    def with_performance(self, record: PerformanceRecord) -> Agreement:
        """This version with one more performance record."""
        return Agreement(
            self.version,
            self.form,
            self.terms,
            self.made_on,
            self.status,
            self.signatures,
            self.effective_on,
            self.written_up_on,
            (*self.performed, record),
            self.urgings,
            self.visits,
            self.confirmation,
        )

    def unperformed(self) -> tuple[Obligation, ...]:
        """Obligations with no performance record yet."""
        done = {record.obligation for record in self.performed}
        return tuple(o for o in self.terms.obligations if o.id not in done)
