"""The parts of a case: its identity, validated once, and one small progress record per phase.

A [MediationCase][community_governance.mediation.MediationCase] holds its
[CaseIdentity][community_governance.mediation.CaseIdentity] (number, committee, parties,
dispute, policy: validated when the case is opened and shared, unchanged, by every later
step) and what each phase has recorded: [IntakeRecord][community_governance.mediation.IntakeRecord],
[MediatingRecord][community_governance.mediation.MediatingRecord] and
[ClosingRecord][community_governance.mediation.ClosingRecord]. An event replaces only the
record of its phase, so applying it copies a few small frozen values, not the whole case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from community_governance.calendar import Deadline
from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation import _checks as check
from community_governance.mediation.records import (
    Committee,
    Consent,
    Dispute,
    Mediator,
    Party,
    Session,
)
from community_governance.mediation.states import AgreementForm, CaseSource, TerminationReason
from community_governance.rules.mediation import MediationPolicy

__all__ = ["CaseIdentity", "ClosingRecord", "IntakeRecord", "MediatingRecord"]


def check_parties(instance: Any, attribute: Any, value: tuple[Party, ...]) -> None:
    """At least two parties with distinct ids, none of them the committee."""
    ids = [party.id for party in value if isinstance(party, Party)]
    unique = set(ids)
    if len(unique) == len(value) >= 2 and instance.committee.id not in unique:
        return  # the common case, checked with one set
    what = f"case {instance.case_id}"
    if len(ids) != len(value) or len(ids) < 2:
        raise InvalidCaseDataError(
            f"{what}: parties must be at least two Party values, got {value!r}",
            what=what,
            field="parties",
            value=value,
        )
    if len(unique) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise InvalidCaseDataError(
            f"{what}: party id {duplicates[0]!r} is used twice",
            what=what,
            field="parties",
            value=duplicates[0],
        )
    raise InvalidCaseDataError(
        f"{what}: {instance.committee.id!r} cannot both mediate and be a party "
        "(a library design decision: a mediator must not be a party)",
        what=what,
        field="committee",
        value=instance.committee.id,
    )


def _ids(identity: CaseIdentity) -> frozenset[str]:
    return frozenset(party.id for party in identity.parties)


@attrs.frozen(slots=True)
class CaseIdentity:
    """What a case is: fixed when it is opened, validated once, shared by every later step.

    Attributes:
        case_id: Case number, e.g. ``"(2025) 人调字第 12 号"``.
        committee: The mediation organisation.
        parties: At least two parties with distinct ids (none of them the committee).
        dispute: What the dispute is about.
        policy: The mediation policy of the case's rule set.
        party_ids: The parties' ids (computed from ``parties``).
    """

    case_id: str = attrs.field(validator=check.text)
    committee: Committee = attrs.field(validator=check.instance(Committee))
    parties: tuple[Party, ...] = attrs.field(converter=check.as_tuple, validator=check_parties)
    dispute: Dispute = attrs.field(validator=check.instance(Dispute))
    policy: MediationPolicy = attrs.field(validator=check.instance(MediationPolicy))
    party_ids: frozenset[str] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_ids, takes_self=True)
    )


@attrs.frozen(slots=True)
class IntakeRecord:
    """What intake recorded: how the case came, consents, acceptance or refusal.

    Attributes:
        source: How the dispute became known.
        application_form: Written or oral application.
        applied_on: Day of the first application.
        referral: Referring body, if referred.
        court_delegated: Whether a court delegated the case before filing (委派).
        consents: Consents and explicit refusals, per party.
        accepted_on: Day of acceptance (受理).
        limitation_interrupted_on: Day the limitation period of the claim was interrupted.
        not_accepted_reason: Reason when the case was not accepted.
    """

    source: CaseSource | None = None
    application_form: AgreementForm | None = None
    applied_on: date | None = None
    referral: str = ""
    court_delegated: bool = False
    consents: tuple[Consent, ...] = ()
    accepted_on: date | None = None
    limitation_interrupted_on: date | None = None
    not_accepted_reason: str = ""

    def with_consent(self, consent: Consent) -> IntakeRecord:
        """This record with one more consent (or refusal)."""
        return IntakeRecord(
            self.source,
            self.application_form,
            self.applied_on,
            self.referral,
            self.court_delegated,
            (*self.consents, consent),
            self.accepted_on,
            self.limitation_interrupted_on,
            self.not_accepted_reason,
        )


@attrs.frozen(slots=True)
class MediatingRecord:
    """What mediating recorded: mediators, sessions, the period and written-form requests.

    Attributes:
        mediators: Mediators currently assigned.
        sessions: Sessions held.
        mediation_deadline: Last day of the mediation period (policy), after extensions.
        extensions: Number of consented extensions.
        written_form_requested_by: Parties who asked for a written agreement.
    """

    mediators: tuple[Mediator, ...] = ()
    sessions: tuple[Session, ...] = ()
    mediation_deadline: Deadline | None = None
    extensions: int = 0
    written_form_requested_by: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class ClosingRecord:
    """How the case ended, and whether performance had to be urged.

    Attributes:
        termination: Reason code when ``TERMINATED``.
        closed_on: Day the case reached a terminal state.
        non_performance: Whether performance was ever urged.
    """

    termination: TerminationReason | None = None
    closed_on: date | None = None
    non_performance: bool = False


#: The records of a new case.
NO_INTAKE = IntakeRecord()
NOT_MEDIATING = MediatingRecord()
OPEN = ClosingRecord()
