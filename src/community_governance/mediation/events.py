"""Events that move a mediation case: a small family of typed events, one per set of facts.

Each event says *what* happened (its ``kind``), *when* (``on``), *who* did it (``by``) and the
facts its kind needs, as typed attributes: a party (`PartyEvent`), a session
(`SessionEvent`), agreement terms (`TermsEvent`)... Every kind is carried by exactly one type,
declared once in [EVENT_TYPES][community_governance.mediation.EVENT_TYPES]; building a kind
with another type, or without a fact its type requires, raises a specific error naming the
kind, the field and the value, so a malformed event never reaches a case.

[make_event][community_governance.mediation.make_event] builds the right type from a kind and
keyword facts (for data-driven code); the old one-bag ``Event(kind, on, ...)`` still works for
one minor version, with a ``DeprecationWarning``.
"""

from __future__ import annotations

import typing
import warnings
from datetime import date
from enum import Enum
from typing import Any

import attrs
import cattrs

from community_governance._base.serial import converter
from community_governance.exceptions import (
    CaseFieldTypeError,
    GovernanceError,
    InvalidCaseDataError,
    InvalidDataError,
)
from community_governance.mediation import _checks as check
from community_governance.mediation.agreement import AgreementTerms
from community_governance.mediation.records import Mediator, Session
from community_governance.mediation.states import AgreementForm, CaseSource, SigningMethod
from community_governance.rules.periods import Period

__all__ = [
    "EVENT_TYPES",
    "FACTS",
    "REQUIRED_FIELDS",
    "AnyEvent",
    "ApplicationEvent",
    "BareEvent",
    "BodyEvent",
    "ConfirmationWithdrawal",
    "CourtReferralEvent",
    "Event",
    "EventFacts",
    "EventKind",
    "ExtensionEvent",
    "FailureEvent",
    "JointEvent",
    "MediatorChange",
    "MediatorsEvent",
    "ObligationEvent",
    "PartyEvent",
    "ReasonEvent",
    "ReferralEvent",
    "ReportEvent",
    "SessionEvent",
    "SigningEvent",
    "TermsEvent",
    "make_event",
]


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

    @property
    def zh(self) -> str:
        """The Chinese name of the event, as a trail shows it in ``"zh"``."""
        return _ZH_KINDS[self]


_ZH_KINDS = {
    EventKind.REPORT_DISPUTE: "报告纠纷线索",
    EventKind.SUBMIT_APPLICATION: "当事人申请调解",
    EventKind.INITIATE_EX_OFFICIO: "主动调解",
    EventKind.RECEIVE_REFERRAL: "接受移送或委托",
    EventKind.REQUEST_CONSENT: "征询对方当事人意见",
    EventKind.GIVE_CONSENT: "当事人同意调解",
    EventKind.PARTY_REFUSES: "当事人拒绝调解",
    EventKind.ACCEPT: "受理登记",
    EventKind.REJECT: "不予受理",
    EventKind.ASSIGN_MEDIATORS: "指定调解员",
    EventKind.REPLACE_MEDIATOR: "更换调解员",
    EventKind.HOLD_SESSION: "进行调解",
    EventKind.EXTEND_PERIOD: "延长调解期限",
    EventKind.EXPIRE: "调解期限届满",
    EventKind.WITHDRAW: "当事人撤回",
    EventKind.DECLARE_FAILURE: "调解不成",
    EventKind.REPORT_ESCALATION: "报告矛盾激化",
    EventKind.PARALLEL_PROCEEDING: "另行起诉或申请仲裁",
    EventKind.TERMINATE_BAD_FAITH: "因恶意调解终止",
    EventKind.TERMINATE_OTHER: "因其他原因终止",
    EventKind.REQUEST_WRITTEN_FORM: "要求制作书面调解协议",
    EventKind.REACH_ORAL_AGREEMENT: "达成口头调解协议",
    EventKind.DRAFT_AGREEMENT: "制作调解协议书",
    EventKind.SIGN: "签名或盖章",
    EventKind.DECLINE_TO_SIGN: "拒绝签名",
    EventKind.TAKE_EFFECT: "调解协议生效",
    EventKind.WRITE_UP_ORAL_AGREEMENT: "记录口头协议内容",
    EventKind.FOLLOW_UP_VISIT: "回访",
    EventKind.RECORD_PERFORMANCE: "记录履行",
    EventKind.URGE_PERFORMANCE: "督促履行",
    EventKind.CLOSE_PERFORMED: "履行完毕结案",
    EventKind.REFER_TO_COURT: "告知向法院起诉",
    EventKind.REMEDIATE: "补正",
    EventKind.APPLY_CONFIRMATION: "申请司法确认",
    EventKind.COURT_CONFIRMS: "法院确认有效",
    EventKind.COURT_REJECTS: "法院驳回申请",
    EventKind.COURT_NOT_ACCEPTED: "法院不予受理",
    EventKind.WITHDRAW_CONFIRMATION: "撤回司法确认申请",
}


# ------------------------------------------------------------------------- shared fields


def _what(instance: Any) -> str:
    """``"event <kind>"``: validators run after the kind was converted to an `EventKind`."""
    kind: EventKind = instance.kind
    return f"event {kind.value}"


def _kind(value: object) -> EventKind:
    return check.to_enum(EventKind, value, "kind")


def _kind_of_type(instance: Any, attribute: Any, value: EventKind) -> None:
    """The kind must be one the instance's type carries (see ``EVENT_TYPES``)."""
    carrier = EVENT_TYPES[value]
    if carrier is not type(instance):
        what = _what(instance)
        raise CaseFieldTypeError(
            f"{what}: kind {value.value} is carried by {carrier.__name__}, "
            f"not {type(instance).__name__}",
            what=what,
            field="kind",
            value=value.value,
        )


def _day(instance: Any, attribute: Any, value: Any) -> None:
    check.refuse_non_day(_what(instance), "on", value)


def _missing(instance: Any, attribute: Any, value: object) -> None:
    what = _what(instance)
    raise InvalidCaseDataError(
        f"{what}: needs {attribute.name!r} (got {value!r})",
        what=what,
        field=attribute.name,
        value=value,
    )


def _required_text(instance: Any, attribute: Any, value: Any) -> None:
    """A non-empty ``str`` (a list or a number is a type error, ``""`` a missing fact)."""
    check.plain_text(instance, attribute, value)
    if not value:
        _missing(instance, attribute, value)


@attrs.frozen(slots=True)
class _Required:
    """A validator: an instance of ``cls`` (``None`` is a missing fact)."""

    cls: type

    def __call__(self, instance: Any, attribute: Any, value: Any) -> None:
        if value is None:
            _missing(instance, attribute, value)
        if not isinstance(value, self.cls):
            what = _what(instance)
            raise CaseFieldTypeError(
                f"{what}: {attribute.name} must be a {self.cls.__name__}, got {value!r}",
                what=what,
                field=attribute.name,
                value=value,
            )


def _form(value: object) -> AgreementForm:
    return None if value is None else check.to_enum(AgreementForm, value, "form")  # type: ignore[return-value]


def _method(value: object) -> SigningMethod:
    return None if value is None else check.to_enum(SigningMethod, value, "method")  # type: ignore[return-value]


def _source(value: object) -> CaseSource:
    return None if value is None else check.to_enum(CaseSource, value, "source")  # type: ignore[return-value]


# ------------------------------------------------------------------------- the family


@attrs.frozen(slots=True)
class EventFacts:
    """The facts every event has: its kind, its day and who recorded it.

    The base of the 18 event types; each adds its own facts after these (``by`` is
    keyword-only everywhere). ``isinstance(value, EventFacts)`` says whether a value is an
    event. Build a concrete type (see ``EVENT_TYPES``), not this one: its kind validator
    refuses every kind, since no kind is carried by the base.

    Attributes:
        kind: What happened.
        on: The day it happened.
        by: Who recorded or did it.
    """

    kind: EventKind = attrs.field(converter=_kind, validator=_kind_of_type)
    on: date = attrs.field(validator=_day)
    by: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class BareEvent(EventFacts):
    """An event with no fact beyond its date: ``accept``, ``expire``, ``take_effect``...

    Attributes:
        kind: What happened (see ``EVENT_TYPES`` for the kinds of this type).
        on: The day it happened.
        by: Who recorded or did it.
        reason: A note, e.g. a follow-up visit's notes or a confirming court's ground.
    """

    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ReasonEvent(EventFacts):
    """An event whose reason is its fact: a rejection, a termination, a court's ruling.

    Attributes:
        kind: What happened.
        on: The day it happened.
        reason: Why (non-empty), or the court's ground.
        by: Who recorded or did it.
    """

    reason: str = attrs.field(validator=_required_text)


@attrs.frozen(slots=True)
class PartyEvent(EventFacts):
    """An event about one party: consent, refusal, withdrawal, a request, declining to sign.

    Attributes:
        kind: What happened.
        on: The day it happened.
        party: The party concerned (non-empty).
        by: Who recorded or did it.
        reason: Why (optional).
    """

    party: str = attrs.field(validator=_required_text)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ApplicationEvent(EventFacts):
    """A party applies for mediation (People's Mediation Law Art. 17), in writing or orally.

    Attributes:
        kind: ``submit_application``.
        on: The day of the application.
        party: The applicant.
        form: Written or oral.
        by: Who recorded it.
        reason: A note (optional).
    """

    party: str = attrs.field(validator=_required_text)
    form: AgreementForm = attrs.field(converter=_form, validator=_Required(AgreementForm))
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class SigningEvent(EventFacts):
    """One execution element of a written agreement (People's Mediation Law Art. 29 ¶2).

    Attributes:
        kind: ``sign``.
        on: The day it was added.
        party: The signatory: a party, a mediator, or the committee's id (its seal).
        method: Signature, seal or fingerprint.
        by: Who recorded it.
        reason: A note (optional).
    """

    party: str = attrs.field(validator=_required_text)
    method: SigningMethod = attrs.field(converter=_method, validator=_Required(SigningMethod))
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ReportEvent(EventFacts):
    """A dispute becomes known to the committee (screening, a grid worker, a hotline...).

    Attributes:
        kind: ``report_dispute``.
        on: The day it became known.
        source: How it became known.
        by: Who recorded it.
        reason: A note (optional).
    """

    source: CaseSource = attrs.field(converter=_source, validator=_Required(CaseSource))
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


def _optional_source(value: object) -> CaseSource | None:
    return None if value is None else check.to_enum(CaseSource, value, "source")


@attrs.frozen(slots=True)
class ReferralEvent(EventFacts):
    """A court, the police or another body refers the dispute (People's Mediation Law Art. 18).

    Attributes:
        kind: ``receive_referral``.
        on: The day of the referral.
        body: The referring body (non-empty).
        source: How the case came (optional; by default court or government from
            ``court_delegated``).
        court_delegated: Delegated by a court before filing (委派).
        by: Who recorded it.
        reason: A note (optional).
    """

    body: str = attrs.field(validator=_required_text)
    source: CaseSource | None = attrs.field(default=None, kw_only=True, converter=_optional_source)
    court_delegated: bool = attrs.field(default=False, kw_only=True, validator=check.boolean)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class BodyEvent(EventFacts):
    """An outside body is involved: a parallel proceeding, an escalation, a court applied to.

    Attributes:
        kind: ``parallel_proceeding``, ``report_escalation`` or ``apply_confirmation``.
        on: The day it happened.
        body: The body (court, police, administrative body), non-empty.
        parties: Parties who jointly apply (judicial confirmation).
        by: Who recorded it.
        reason: A note (optional).
    """

    body: str = attrs.field(validator=_required_text)
    parties: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=check.as_tuple, validator=check.texts
    )
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class JointEvent(EventFacts):
    """An event the parties do jointly: re-mediation (People's Mediation Law Art. 33 ¶3).

    Attributes:
        kind: ``remediate``.
        on: The day it happened.
        parties: The parties who consent (every party must, a guard checks it).
        by: Who recorded it.
        reason: Why (optional).
    """

    parties: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=check.as_tuple, validator=check.texts
    )
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class MediatorsEvent(EventFacts):
    """Mediators are assigned or chosen (People's Mediation Law Art. 19).

    Attributes:
        kind: ``assign_mediators``.
        on: The day of the assignment.
        mediators: The mediators (at least one, a guard checks it).
        rights_notice: The rights-and-duties notice was given.
        by: Who recorded it.
        reason: A note (optional).
    """

    mediators: tuple[Mediator, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.tuple_of(Mediator)
    )
    rights_notice: bool = attrs.field(default=False, kw_only=True, validator=check.boolean)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


def _some_mediators(instance: Any, attribute: Any, value: Any) -> None:
    check.tuple_of(Mediator)(instance, attribute, value)
    if not value:
        _missing(instance, attribute, value)


@attrs.frozen(slots=True)
class MediatorChange(EventFacts):
    """A mediator is replaced (recusal).

    Attributes:
        kind: ``replace_mediator``.
        on: The day of the change.
        target: The replaced mediator's id.
        mediators: The replacement(s), at least one.
        reason: Why (non-empty).
        by: Who recorded it.
    """

    target: str = attrs.field(validator=_required_text)
    mediators: tuple[Mediator, ...] = attrs.field(
        converter=check.as_tuple, validator=_some_mediators
    )
    reason: str = attrs.field(validator=_required_text)


@attrs.frozen(slots=True)
class SessionEvent(EventFacts):
    """A mediation session is held (People's Mediation Law Arts. 20, 23).

    Attributes:
        kind: ``hold_session``.
        on: The day of the session.
        session: The session held.
        by: Who recorded it.
        reason: A note (optional).
    """

    session: Session = attrs.field(validator=_Required(Session))
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ExtensionEvent(EventFacts):
    """The mediation period is extended with the parties' consent.

    Attributes:
        kind: ``extend_period``.
        on: The day of the extension.
        period: Length of the extension.
        parties: The consenting parties (every party must, a guard checks it).
        by: Who recorded it.
        reason: A note (optional).
    """

    period: Period = attrs.field(validator=_Required(Period))
    parties: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=check.as_tuple, validator=check.texts
    )
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class TermsEvent(EventFacts):
    """An agreement is reached orally or drafted in writing (People's Mediation Law Arts. 28–30).

    Attributes:
        kind: ``reach_oral_agreement`` or ``draft_agreement``.
        on: The day.
        terms: The agreement's terms.
        parties: The agreeing parties (an oral agreement needs every party, a guard checks it).
        by: Who recorded it.
        reason: A note (optional).
    """

    terms: AgreementTerms = attrs.field(validator=_Required(AgreementTerms))
    parties: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=check.as_tuple, validator=check.texts
    )
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ObligationEvent(EventFacts):
    """An obligation is performed or its performance urged (People's Mediation Law Art. 31).

    Attributes:
        kind: ``record_performance`` or ``urge_performance``.
        on: The day.
        target: The obligation's id.
        by: Who recorded it, or who urged.
        reason: Proof of performance (receipt, transfer record...), optional.
    """

    target: str = attrs.field(validator=_required_text)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class FailureEvent(EventFacts):
    """Mediation fails (调解不成, People's Mediation Law Art. 26).

    Attributes:
        kind: ``declare_failure``.
        on: The day.
        routes_advised: The parties were told the arbitration, administrative and judicial
            routes (a guard checks it).
        by: Who recorded it.
        reason: Why (optional).
    """

    routes_advised: bool = attrs.field(default=False, kw_only=True, validator=check.boolean)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class CourtReferralEvent(EventFacts):
    """The case goes to court over the agreement (People's Mediation Law Art. 32).

    Attributes:
        kind: ``refer_to_court``.
        on: The day.
        agreement_disputed: A dispute over the agreement's content or performance arose.
        by: Who recorded it.
        reason: A note (optional).
    """

    agreement_disputed: bool = attrs.field(default=False, kw_only=True, validator=check.boolean)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


@attrs.frozen(slots=True)
class ConfirmationWithdrawal(EventFacts):
    """A judicial-confirmation application is withdrawn, expressly or deemed.

    Attributes:
        kind: ``withdraw_confirmation``.
        on: The day.
        deemed: Deemed withdrawn (SPC Civil Procedure Law interpretation Art. 357), not express.
        by: Who recorded it.
        reason: A note (optional).
    """

    deemed: bool = attrs.field(default=False, kw_only=True, validator=check.boolean)
    reason: str = attrs.field(default="", kw_only=True, validator=check.plain_text)


#: Any mediation event: the union of the family's types.
AnyEvent = (
    BareEvent
    | ReasonEvent
    | PartyEvent
    | ApplicationEvent
    | SigningEvent
    | ReportEvent
    | ReferralEvent
    | BodyEvent
    | JointEvent
    | MediatorsEvent
    | MediatorChange
    | SessionEvent
    | ExtensionEvent
    | TermsEvent
    | ObligationEvent
    | FailureEvent
    | CourtReferralEvent
    | ConfirmationWithdrawal
)

_K = EventKind
_CARRIERS: tuple[tuple[type[AnyEvent], tuple[EventKind, ...]], ...] = (
    (
        BareEvent,
        (
            _K.INITIATE_EX_OFFICIO,
            _K.ACCEPT,
            _K.EXPIRE,
            _K.TAKE_EFFECT,
            _K.WRITE_UP_ORAL_AGREEMENT,
            _K.FOLLOW_UP_VISIT,
            _K.CLOSE_PERFORMED,
            _K.COURT_CONFIRMS,
        ),
    ),
    (
        ReasonEvent,
        (
            _K.REJECT,
            _K.TERMINATE_BAD_FAITH,
            _K.TERMINATE_OTHER,
            _K.COURT_REJECTS,
            _K.COURT_NOT_ACCEPTED,
        ),
    ),
    (
        PartyEvent,
        (
            _K.REQUEST_CONSENT,
            _K.GIVE_CONSENT,
            _K.PARTY_REFUSES,
            _K.WITHDRAW,
            _K.REQUEST_WRITTEN_FORM,
            _K.DECLINE_TO_SIGN,
        ),
    ),
    (ApplicationEvent, (_K.SUBMIT_APPLICATION,)),
    (SigningEvent, (_K.SIGN,)),
    (ReportEvent, (_K.REPORT_DISPUTE,)),
    (ReferralEvent, (_K.RECEIVE_REFERRAL,)),
    (BodyEvent, (_K.PARALLEL_PROCEEDING, _K.REPORT_ESCALATION, _K.APPLY_CONFIRMATION)),
    (JointEvent, (_K.REMEDIATE,)),
    (MediatorsEvent, (_K.ASSIGN_MEDIATORS,)),
    (MediatorChange, (_K.REPLACE_MEDIATOR,)),
    (SessionEvent, (_K.HOLD_SESSION,)),
    (ExtensionEvent, (_K.EXTEND_PERIOD,)),
    (TermsEvent, (_K.REACH_ORAL_AGREEMENT, _K.DRAFT_AGREEMENT)),
    (ObligationEvent, (_K.RECORD_PERFORMANCE, _K.URGE_PERFORMANCE)),
    (FailureEvent, (_K.DECLARE_FAILURE,)),
    (CourtReferralEvent, (_K.REFER_TO_COURT,)),
    (ConfirmationWithdrawal, (_K.WITHDRAW_CONFIRMATION,)),
)

#: The one declared table: each kind of event → the one type that carries it.
EVENT_TYPES: dict[EventKind, type[AnyEvent]] = {
    kind: carrier for carrier, kinds in _CARRIERS for kind in kinds
}

#: Every fact an event may carry, with its value when absent (the old one-bag ``Event``'s
#: fields and defaults, in order; also the keys of an event in ``to_dict``).
FACTS: dict[str, object] = {
    "by": "",
    "party": "",
    "parties": (),
    "body": "",
    "reason": "",
    "form": None,
    "source": None,
    "mediators": (),
    "target": "",
    "session": None,
    "period": None,
    "terms": None,
    "method": None,
    "court_delegated": False,
    "routes_advised": False,
    "rights_notice": False,
    "agreement_disputed": False,
    "deemed": False,
}


#: Deprecated (kept for one minor version): the facts each kind requires, derived from the
#: types in `EVENT_TYPES` (nothing reads it; the types' attributes are the declaration).
REQUIRED_FIELDS: dict[EventKind, tuple[str, ...]] = {
    kind: required
    for kind, carrier in EVENT_TYPES.items()
    if (
        required := tuple(
            field.name
            for field in attrs.fields(carrier)
            if field.default is attrs.NOTHING and field.name not in ("kind", "on")
        )
    )
}


def _absent(value: object, default: object) -> bool:
    """Whether ``value`` stands for an absent fact (its default, or an empty list)."""
    if type(value) is list:
        return not value and default == ()
    return type(value) is type(default) and value == default


def make_event(kind: EventKind | str, on: date, **facts: Any) -> AnyEvent:
    """Build the typed event for ``kind`` from keyword facts (data-driven construction).

    The type is the one `EVENT_TYPES` declares for the kind; facts the type does not carry
    may be given only with their absent value (``""``, ``()``, ``None``, ``False``).

    Args:
        kind: The kind, a member of `EventKind` or its value (``"sign"``).
        on: The day it happened.
        **facts: The event's facts by name (see `FACTS`).

    Returns:
        An instance of the kind's type.

    Raises:
        InvalidCaseDataError: an unknown kind, an unknown fact, a fact the kind's type does
            not carry, or a required fact missing; the error names kind, field and value.
        CaseFieldTypeError: a fact of the wrong type.
    """
    member = _kind(kind)
    carrier = EVENT_TYPES[member]
    names = {field.name for field in attrs.fields(carrier)}
    what = f"event {member.value}"
    given: dict[str, Any] = {}
    for name, value in facts.items():
        if name in names:
            given[name] = value
        elif name not in FACTS or not _absent(value, FACTS[name]):
            carried = ", ".join(sorted(names - {"kind", "on"}))
            raise InvalidCaseDataError(
                f"{what}: {carrier.__name__} carries no fact {name!r} (got {value!r}; "
                f"it carries {carried})",
                what=what,
                field=name,
                value=value,
            )
    for field in attrs.fields(carrier):
        if field.default is attrs.NOTHING and field.name not in ("kind", "on", *given):
            given[field.name] = FACTS[field.name]  # refused as missing by the validator
    return carrier(kind=member, on=on, **given)


def Event(kind: EventKind | str, on: date, by: str = "", **facts: Any) -> AnyEvent:  # noqa: N802
    """Deprecated: the old one-bag event; use a typed event or `make_event`.

    Builds the typed event for ``kind`` exactly as
    [make_event][community_governance.mediation.make_event] does, after a
    ``DeprecationWarning``. Kept for one minor version.
    """
    warnings.warn(
        "mediation.Event(kind, on, ...) is deprecated: build a typed event (PartyEvent, "
        "TermsEvent...) or call make_event(kind, on, ...)",
        DeprecationWarning,
        stacklevel=2,
    )
    return make_event(kind, on, by=by, **facts)


# ------------------------------------------------------------------------- plain data


def _unstructure(event: AnyEvent) -> dict[str, Any]:
    """An event as plain data: kind, day and every fact of `FACTS` (absent ones too).

    The form is the old one-bag ``Event``'s, so cases written before the typed events load
    unchanged and ``to_dict`` keeps its schema.
    """
    data: dict[str, Any] = {"kind": event.kind.value, "on": event.on.isoformat()}
    for name, absent in FACTS.items():
        data[name] = converter.unstructure(getattr(event, name, absent))
    return data


def _structure(data: object, _: object) -> AnyEvent:
    """The typed event for plain data written by `_unstructure` (or by the old ``Event``)."""
    if not isinstance(data, dict) or "kind" not in data or "on" not in data:
        raise InvalidDataError(
            f"an event must be a mapping with kind and on, not {data!r:.80}",
            field="event",
            value=data,
        )
    kind = _kind(data["kind"])
    carrier = EVENT_TYPES[kind]
    hints = typing.get_type_hints(carrier)
    what = f"event {kind.value}"
    facts: dict[str, Any] = {}
    for name, value in data.items():
        if name in hints and name != "kind":
            facts[name] = _fact(what, name, value, hints[name])
        elif name != "kind" and (name not in FACTS or not _absent(value, FACTS[name])):
            raise InvalidDataError(
                f"{what}: {carrier.__name__} carries no fact {name!r} (got {value!r:.80})",
                field=name,
                value=value,
            )
    return carrier(kind=kind, **facts)


def _fact(what: str, name: str, value: object, hint: Any) -> Any:
    """One fact of an event from plain data; an error names the event and the fact."""
    try:
        return converter.structure(value, hint)
    except (GovernanceError, cattrs.BaseValidationError, ValueError, TypeError) as error:
        reason = error.message if isinstance(error, GovernanceError) else str(error)
        raise InvalidDataError(f"{what}: {name}: {reason}", field=name, value=value) from None


for _carrier, _ in _CARRIERS:
    converter.register_unstructure_hook(_carrier, _unstructure)
converter.register_structure_hook(AnyEvent, _structure)
