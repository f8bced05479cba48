"""Events that move a mediation case, as one plain record type.

An [Event][community_governance.mediation.Event] says *what* happened (its ``kind``), *when*
(``on``), *who* did it (``by``) and the facts the kind needs (a party, a mediator, a session,
agreement terms...). Which facts a kind needs is declared in [REQUIRED_FIELDS][] and checked
when the event is built, so a malformed event never reaches a case.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import attrs

from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation import _checks as check
from community_governance.mediation.agreement import AgreementTerms
from community_governance.mediation.records import Mediator, Session
from community_governance.mediation.states import AgreementForm, CaseSource, SigningMethod
from community_governance.rules.periods import Period

__all__ = ["REQUIRED_FIELDS", "Event", "EventKind"]


class EventKind(Enum):
    """Every event of the lifecycle (judicial-confirmation rows are the parallel status)."""

    __hash__ = object.__hash__  # identity hash in C: members are singletons (speed)

    REPORT_DISPUTE = "report_dispute"
    SUBMIT_APPLICATION = "submit_application"
    INITIATE_EX_OFFICIO = "initiate_ex_officio"
    RECEIVE_REFERRAL = "receive_referral"
    REQUEST_CONSENT = "request_consent"
    GIVE_CONSENT = "give_consent"
    PARTY_REFUSES = "party_refuses"
    ACCEPT = "accept"
    REJECT = "reject"
    ASSIGN_MEDIATORS = "assign_mediators"
    REPLACE_MEDIATOR = "replace_mediator"
    HOLD_SESSION = "hold_session"
    EXTEND_PERIOD = "extend_period"
    EXPIRE = "expire"
    WITHDRAW = "withdraw"
    DECLARE_FAILURE = "declare_failure"
    REPORT_ESCALATION = "report_escalation"
    PARALLEL_PROCEEDING = "parallel_proceeding"
    TERMINATE_BAD_FAITH = "terminate_bad_faith"
    TERMINATE_OTHER = "terminate_other"
    REQUEST_WRITTEN_FORM = "request_written_form"
    REACH_ORAL_AGREEMENT = "reach_oral_agreement"
    DRAFT_AGREEMENT = "draft_agreement"
    SIGN = "sign"
    DECLINE_TO_SIGN = "decline_to_sign"
    TAKE_EFFECT = "take_effect"
    WRITE_UP_ORAL_AGREEMENT = "write_up_oral_agreement"
    FOLLOW_UP_VISIT = "follow_up_visit"
    RECORD_PERFORMANCE = "record_performance"
    URGE_PERFORMANCE = "urge_performance"
    CLOSE_PERFORMED = "close_performed"
    REFER_TO_COURT = "refer_to_court"
    REMEDIATE = "remediate"
    APPLY_CONFIRMATION = "apply_confirmation"
    COURT_CONFIRMS = "court_confirms"
    COURT_REJECTS = "court_rejects"
    COURT_NOT_ACCEPTED = "court_not_accepted"
    WITHDRAW_CONFIRMATION = "withdraw_confirmation"


_K = EventKind
#: The fields each kind of event must carry (non-empty).
REQUIRED_FIELDS: dict[EventKind, tuple[str, ...]] = {
    _K.REPORT_DISPUTE: ("source",),
    _K.SUBMIT_APPLICATION: ("party", "form"),
    _K.RECEIVE_REFERRAL: ("body",),
    _K.REQUEST_CONSENT: ("party",),
    _K.GIVE_CONSENT: ("party",),
    _K.PARTY_REFUSES: ("party",),
    _K.REJECT: ("reason",),
    _K.REPLACE_MEDIATOR: ("target", "mediators", "reason"),
    _K.HOLD_SESSION: ("session",),
    _K.EXTEND_PERIOD: ("period",),
    _K.WITHDRAW: ("party",),
    _K.REPORT_ESCALATION: ("body",),
    _K.PARALLEL_PROCEEDING: ("body",),
    _K.TERMINATE_BAD_FAITH: ("reason",),
    _K.TERMINATE_OTHER: ("reason",),
    _K.REQUEST_WRITTEN_FORM: ("party",),
    _K.REACH_ORAL_AGREEMENT: ("terms",),
    _K.DRAFT_AGREEMENT: ("terms",),
    _K.SIGN: ("party", "method"),
    _K.DECLINE_TO_SIGN: ("party",),
    _K.RECORD_PERFORMANCE: ("target",),
    _K.URGE_PERFORMANCE: ("target",),
    _K.APPLY_CONFIRMATION: ("body",),
    _K.COURT_REJECTS: ("reason",),
    _K.COURT_NOT_ACCEPTED: ("reason",),
}


def _check_event(event: Event) -> None:
    what = f"event {event.kind.value}"
    if not isinstance(event.on, date):
        raise InvalidCaseDataError(
            f"{what}: on must be a datetime.date, got {event.on!r}",
            what=what,
            field="on",
            value=event.on,
        )
    for field in REQUIRED_FIELDS.get(event.kind, ()):
        value = getattr(event, field)
        if value is None or value in ("", ()):
            raise InvalidCaseDataError(
                f"{what}: needs {field!r} (got {value!r})", what=what, field=field, value=value
            )


def _kind(value: object) -> EventKind:
    return check.to_enum(EventKind, value)


def _form(value: object) -> AgreementForm | None:
    return None if value is None else check.to_enum(AgreementForm, value)


def _source(value: object) -> CaseSource | None:
    return None if value is None else check.to_enum(CaseSource, value)


def _method(value: object) -> SigningMethod | None:
    return None if value is None else check.to_enum(SigningMethod, value)


@attrs.frozen(slots=True)
class Event:
    """Something that happened to a case.

    Attributes:
        kind: What happened; a member of `EventKind` or its value (``"sign"``).
        on: The day it happened.
        by: Who recorded or did it (a mediator, a staff member).
        party: The party concerned (applicant, consenting or refusing party, signatory...).
            For ``sign`` it may also be a mediator's id or the committee's id (its seal).
        parties: Parties who jointly consent or apply (extension, agreement, re-mediation,
            judicial confirmation).
        body: An outside body: referring body, police, court, the court applied to.
        reason: Why (free text), or a court's ground.
        form: Form of an application (written or oral).
        source: How the dispute became known (for ``report_dispute``).
        mediators: Mediators assigned, or the replacement (for ``replace_mediator``).
        target: The item acted on: the replaced mediator, an obligation id.
        session: The session held.
        period: Length of an extension.
        terms: Agreement terms.
        method: Signing method.
        court_delegated: For referrals: delegated by a court before filing (委派).
        routes_advised: For failures: the parties were told the other routes (PML Art. 26).
        rights_notice: For mediator assignment: the rights-and-duties notice was given.
        agreement_disputed: For referral to court: a dispute over the agreement arose.
        deemed: For withdrawal of a confirmation application: deemed, not express.
    """

    kind: EventKind = attrs.field(converter=_kind)
    on: date
    by: str = attrs.field(default="", validator=check.plain_text)
    party: str = attrs.field(default="", validator=check.plain_text)
    parties: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.texts
    )
    body: str = attrs.field(default="", validator=check.plain_text)
    reason: str = attrs.field(default="", validator=check.plain_text)
    form: AgreementForm | None = attrs.field(default=None, converter=_form)
    source: CaseSource | None = attrs.field(default=None, converter=_source)
    mediators: tuple[Mediator, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.tuple_of(Mediator)
    )
    target: str = attrs.field(default="", validator=check.plain_text)
    session: Session | None = attrs.field(default=None, validator=check.optional(Session))
    period: Period | None = attrs.field(default=None, validator=check.optional(Period))
    terms: AgreementTerms | None = attrs.field(
        default=None, validator=check.optional(AgreementTerms)
    )
    method: SigningMethod | None = attrs.field(default=None, converter=_method)
    court_delegated: bool = attrs.field(default=False, validator=check.boolean)
    routes_advised: bool = attrs.field(default=False, validator=check.boolean)
    rights_notice: bool = attrs.field(default=False, validator=check.boolean)
    agreement_disputed: bool = attrs.field(default=False, validator=check.boolean)
    deemed: bool = attrs.field(default=False, validator=check.boolean)

    def __attrs_post_init__(self) -> None:
        _check_event(self)
