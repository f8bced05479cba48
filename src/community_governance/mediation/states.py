"""Enumerations of the mediation lifecycle: case states, judicial-confirmation status, reasons.

Identifiers are those of the explanation page on the mediation lifecycle. ``NEW`` is the
library's one initial state: a case value that exists but on which no event has happened yet;
it lets one table hold the three ways a case starts (a report, an application, a referral)
with a single initial state.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "TERMINAL_STATES",
    "AgreementForm",
    "AgreementStatus",
    "CaseSource",
    "CaseState",
    "CommitteeKind",
    "DisputeType",
    "JCStatus",
    "PartyRole",
    "PersonKind",
    "SigningMethod",
    "TerminationReason",
]


class CaseState(Enum):
    """Where a mediation case stands."""

    __hash__ = object.__hash__  # identity hash in C: members are singletons (speed)

    NEW = "new"
    REPORTED = "reported"
    APPLIED = "applied"
    AWAITING_CONSENT = "awaiting_consent"
    NOT_ACCEPTED = "not_accepted"
    ACCEPTED = "accepted"
    IN_MEDIATION = "in_mediation"
    AGREEMENT_DRAFTED = "agreement_drafted"
    IN_PERFORMANCE = "in_performance"
    PERFORMED = "performed"
    REFERRED_TO_COURT = "referred_to_court"
    TERMINATED = "terminated"

    @property
    def zh(self) -> str:
        """The Chinese name of the state, as a trail shows it in ``"zh"``."""
        return _ZH_STATES[self]


_ZH_STATES = {
    CaseState.NEW: "新建",
    CaseState.REPORTED: "线索登记",
    CaseState.APPLIED: "已申请",
    CaseState.AWAITING_CONSENT: "待对方同意",
    CaseState.NOT_ACCEPTED: "不予受理",
    CaseState.ACCEPTED: "已受理登记",
    CaseState.IN_MEDIATION: "调解中",
    CaseState.AGREEMENT_DRAFTED: "协议待签",
    CaseState.IN_PERFORMANCE: "协议生效/履行中",
    CaseState.PERFORMED: "履行完毕结案",
    CaseState.REFERRED_TO_COURT: "转诉讼/执行",
    CaseState.TERMINATED: "调解终止",
}

#: States that end a case: no event leaves them.
TERMINAL_STATES = frozenset(
    {
        CaseState.NOT_ACCEPTED,
        CaseState.PERFORMED,
        CaseState.REFERRED_TO_COURT,
        CaseState.TERMINATED,
    }
)


class JCStatus(Enum):
    """Judicial-confirmation status of the agreement in effect (a parallel status)."""

    __hash__ = object.__hash__  # identity hash in C: members are singletons (speed)

    NONE = "none"
    APPLIED = "applied"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NOT_ACCEPTED_BY_COURT = "not_accepted_by_court"


class TerminationReason(Enum):
    """Why mediation ended without agreement (reason code of ``TERMINATED``)."""

    PARTY_REFUSED = "party_refused"
    PARTY_WITHDREW = "party_withdrew"
    FAILED = "failed"
    EXPIRED = "expired"
    PARALLEL_PROCEEDING = "parallel_proceeding"
    ESCALATED_TRANSFERRED = "escalated_transferred"
    BAD_FAITH = "bad_faith"
    OTHER = "other"


class CaseSource(Enum):
    """How the committee came to know of the dispute (the sources a case-closing report lists)."""

    PARTY_APPLICATION = "party_application"
    SCREENING = "screening"
    GRID_WORKER = "grid_worker"
    COMPLAINT = "complaint"
    POLICE = "police"
    COURT = "court"
    GOVERNMENT = "government"
    EX_OFFICIO = "ex_officio"


class DisputeType(Enum):
    """Top-level dispute categories as county mediation statistics report them."""

    NEIGHBOUR = "neighbour"
    PROPERTY = "property"
    MARRIAGE_FAMILY = "marriage_family"
    HOUSING = "housing"
    DAMAGES = "damages"
    CONTRACT = "contract"
    LABOUR = "labour"
    OTHER = "other"


class PartyRole(Enum):
    """A party's side in the dispute."""

    APPLICANT = "applicant"
    RESPONDENT = "respondent"


class PersonKind(Enum):
    """Whether a party is a natural person, a legal person or another organisation."""

    NATURAL = "natural"
    LEGAL = "legal"
    OTHER_ORGANISATION = "other_organisation"


class CommitteeKind(Enum):
    """Who mediates. Only lawfully established organisations support judicial confirmation."""

    RESIDENTS_COMMITTEE = "residents_committee"
    STREET_TOWNSHIP = "street_township"
    INDUSTRY = "industry"
    INFORMAL = "informal"

    @property
    def lawful(self) -> bool:
        """Whether this is a lawfully established mediation organisation (CPL 2023 Art. 205)."""
        return self is not CommitteeKind.INFORMAL


class AgreementForm(Enum):
    """Written (调解协议书) or oral (口头协议); also the form of an application."""

    WRITTEN = "written"
    ORAL = "oral"


class AgreementStatus(Enum):
    """Where an agreement version stands."""

    DRAFT = "draft"
    IN_EFFECT = "in_effect"
    DECLINED = "declined"
    SUPERSEDED = "superseded"


class SigningMethod(Enum):
    """How a signatory executed a written agreement (PML Art. 29 ¶2)."""

    SIGNATURE = "signature"
    SEAL = "seal"
    FINGERPRINT = "fingerprint"
