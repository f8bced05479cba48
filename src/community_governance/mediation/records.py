"""The facts a case file holds: parties, mediators, sessions, consents...

All are frozen values; the case replaces them, never mutates them.
"""

from __future__ import annotations

from datetime import date

import attrs

from community_governance._base.exact import Exact, exact
from community_governance.mediation import _checks as check
from community_governance.mediation.states import (
    CommitteeKind,
    DisputeType,
    PartyRole,
    PersonKind,
)

__all__ = [
    "Committee",
    "Consent",
    "Dispute",
    "Mediator",
    "Notice",
    "Party",
    "Session",
]


def _amount(value: object) -> Exact | None:
    return None if value is None else exact(value, what="amount in dispute")


def _role(value: object) -> PartyRole:
    return check.to_enum(PartyRole, value, "role")


def _kind(value: object) -> PersonKind:
    return check.to_enum(PersonKind, value, "kind")


def _committee_kind(value: object) -> CommitteeKind:
    return check.to_enum(CommitteeKind, value, "kind")


def _dispute_type(value: object) -> DisputeType:
    return check.to_enum(DisputeType, value, "type")


@attrs.frozen(slots=True)
class Party:
    """A party to the dispute (当事人).

    Attributes:
        id: Identifier, unique in the case.
        role: Applicant or respondent.
        kind: Natural person, legal person or other organisation.
        owners_committee: Whether the party is an owners' committee (业主委员会).
        property_company: Whether the party is a property-service company.
        name: Display name.
    """

    id: str = attrs.field(validator=check.text)
    role: PartyRole = attrs.field(converter=_role)
    kind: PersonKind = attrs.field(default=PersonKind.NATURAL, converter=_kind)
    owners_committee: bool = attrs.field(default=False, validator=check.boolean)
    property_company: bool = attrs.field(default=False, validator=check.boolean)
    name: str = attrs.field(default="", validator=check.plain_text)


@attrs.frozen(slots=True)
class Committee:
    """The mediation organisation handling the case (人民调解委员会).

    Attributes:
        id: Identifier; it must not be the id of a party (an owners' committee cannot both
            mediate and be a party, a library design decision).
        kind: Residents' committee, street or township, industry committee, or informal.
        name: Display name.
    """

    id: str = attrs.field(validator=check.text)
    kind: CommitteeKind = attrs.field(
        default=CommitteeKind.RESIDENTS_COMMITTEE, converter=_committee_kind
    )
    name: str = ""


@attrs.frozen(slots=True)
class Mediator:
    """A mediator (调解员).

    Attributes:
        id: Identifier.
        affiliation: Id of the organisation the mediator belongs to or acts for, if any; a
            mediator affiliated with a party is not independent.
        chosen_by_parties: Whether the parties chose this mediator (PML Art. 19).
        lead: Whether this is the mediator in charge (调解主持人).
    """

    id: str = attrs.field(validator=check.text)
    affiliation: str = attrs.field(default="", validator=check.plain_text)
    chosen_by_parties: bool = attrs.field(default=False, validator=check.boolean)
    lead: bool = attrs.field(default=False, validator=check.boolean)


@attrs.frozen(slots=True)
class Dispute:
    """What the dispute is about.

    Attributes:
        type: National category.
        subtype: Community subtype, e.g. ``"property fees"`` or ``"water leak"``.
        facts: Brief facts.
        claims: What the applicant asks for.
        amount: Amount in dispute (yuan, exact), if any.
        decision_known_on: For disputes over an owners' assembly or owners' committee decision:
            the day the owner knew or should have known of it (starts the 1-year revocation
            window, SPC building-ownership interpretation Art. 12).
        complex: Whether the dispute is major or complex (a policy may then require a
            written agreement, see ``MediationPolicy.written_form_required_for``).
        before_other_body: A court, police or administrative body that has already accepted or
            resolved the same dispute ("" if none).
    """

    type: DisputeType = attrs.field(converter=_dispute_type)
    subtype: str = ""
    facts: str = ""
    claims: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.texts
    )
    amount: Exact | None = attrs.field(default=None, converter=_amount)
    decision_known_on: date | None = attrs.field(default=None, validator=check.day)
    complex: bool = attrs.field(default=False, validator=check.boolean)
    before_other_body: str = attrs.field(default="", validator=check.plain_text)


@attrs.frozen(slots=True)
class Consent:
    """One party's consent to, or explicit refusal of, mediation.

    Attributes:
        party: The party's id.
        on: The day it was given.
        given: ``True`` for consent, ``False`` for an explicit refusal.
    """

    party: str
    on: date
    given: bool


@attrs.frozen(slots=True)
class Notice:
    """A notice given to the parties.

    Attributes:
        kind: ``"rights"`` (rights and duties), ``"routes"`` (arbitration, administrative and
            judicial routes, PML Art. 26), ``"termination"`` (终止调解通知书) or ``"not_accepted"``.
        on: The day it was given.
        text: Short content.
    """

    kind: str
    on: date
    text: str = ""


@attrs.frozen(slots=True)
class Session:
    """A mediation session (PML Arts. 20, 23(3), 27).

    Attributes:
        public: Whether it was held in public.
        objections_to_public: Parties who objected to a public session.
        invitees: Others taking part (relatives, neighbours, experts...).
        invitee_consents: Parties who consented to the invitees.
        place: Where it was held.
        record_signed: Whether the session record (笔录) was signed.
    """

    public: bool = attrs.field(default=False, validator=check.boolean)
    objections_to_public: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.texts
    )
    invitees: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.texts
    )
    invitee_consents: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.texts
    )
    place: str = attrs.field(default="", validator=check.plain_text)
    record_signed: bool = attrs.field(default=True, validator=check.boolean)
