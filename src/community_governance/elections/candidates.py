"""Candidates for the owners' committee and the facts declared about them.

A [Candidate][community_governance.elections.Candidate] is an owner on the register (or the
authorised natural person of an entity owner) plus the facts the vetting body declared. Every
fact is ``None`` until declared: an unknown fact stays unknown, and eligibility depending on it
is *undetermined*, never guessed.
"""

from __future__ import annotations

from typing import Any

import attrs

from community_governance._base.serial import dump, load
from community_governance.exceptions import CandidateError
from community_governance.rules.eligibility import BOOLEAN_FACTS

__all__ = ["Candidate"]


def _text(instance: Any, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise CandidateError(
            f"candidate {attribute.name} must be a non-empty string, not {value!r}",
            what="candidate",
            field=attribute.name,
            value=value,
        )


def _fact(instance: Any, attribute: attrs.Attribute[bool | None], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise CandidateError(
            f"candidate {instance.id}: fact {attribute.name} must be True, False or None "
            f"(unknown), not {value!r}",
            what=f"candidate {instance.id}",
            field=attribute.name,
            value=value,
        )


def _count(instance: Any, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise CandidateError(
            f"candidate {instance.id}: {attribute.name} must be a whole number ≥ 0 or None, "
            f"not {value!r}",
            what=f"candidate {instance.id}",
            field=attribute.name,
            value=value,
        )


def _fact_field() -> Any:
    return attrs.field(default=None, validator=_fact, kw_only=True)


@attrs.frozen(slots=True)
class Candidate:
    """A candidate and the facts declared about them (``None`` = unknown).

    Attributes:
        id: Unique label of the candidate in the election (e.g. the person's name).
        owner: Owner id on the register whose standing the candidate uses.
        person: For an entity owner, its authorised natural person (Beijing Art. 39(2));
            empty for a natural-person owner.
        owner_in_area: An owner in the management area (filled from the register by
            [vet][community_governance.elections.vet] when an estate is given).
        full_capacity: Full civil capacity (filled from the register when known there).
        law_abiding: Obeys laws and regulations (the vetting body's assessment).
        exemplary_owner: Obeys the rules and covenant, performs owner duties as an example.
        integrity: Public-spirited, responsible, fair and honest.
        organising_ability: Has some organising ability.
        enough_time: Has enough working time.
        written_pledge: Gave the written pledge (书面承诺, Shanghai Art. 20(3)).
        willing: The person's own willingness to stand (个人意愿).
        arrears: Owes property fees or maintenance fund.
        refuses_fees: Refuses to pay the property fee or the maintenance fund.
        illegal_construction: Unremedied illegal construction.
        illegal_renting: Illegal renting.
        other_violations: Other unremedied violations (structure, exterior, change of use...).
        tied_to_manager: Self, spouse or lineal relative employed by or with a direct
            interest in the serving property company.
        judgment_defaulter: Listed judgment defaulter.
        party_member: Member of the Communist Party of China.
        volunteer: Known as an enthusiastic volunteer.
        community_talent: A community talent (professional skills the estate can use).
        well_known: Well known in the estate.
        organisation_intent: Proposed by the community Party organisation (组织意图).
        residence_years: Whole years of residence in the estate.
        recommendations: Number of owners' recommendations received.
        age: Age in whole years.
        occupation: Occupation, free text.
    """

    id: str = attrs.field(validator=_text)
    owner: str = attrs.field(validator=_text)
    person: str = attrs.field(default="", kw_only=True)
    owner_in_area: bool | None = _fact_field()
    full_capacity: bool | None = _fact_field()
    law_abiding: bool | None = _fact_field()
    exemplary_owner: bool | None = _fact_field()
    integrity: bool | None = _fact_field()
    organising_ability: bool | None = _fact_field()
    enough_time: bool | None = _fact_field()
    written_pledge: bool | None = _fact_field()
    willing: bool | None = _fact_field()
    arrears: bool | None = _fact_field()
    refuses_fees: bool | None = _fact_field()
    illegal_construction: bool | None = _fact_field()
    illegal_renting: bool | None = _fact_field()
    other_violations: bool | None = _fact_field()
    tied_to_manager: bool | None = _fact_field()
    judgment_defaulter: bool | None = _fact_field()
    party_member: bool | None = _fact_field()
    volunteer: bool | None = _fact_field()
    community_talent: bool | None = _fact_field()
    well_known: bool | None = _fact_field()
    organisation_intent: bool | None = _fact_field()
    residence_years: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    recommendations: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    age: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    occupation: str | None = attrs.field(default=None, kw_only=True)

    def fact(self, name: str) -> bool | int | None:
        """The declared value of fact ``name`` (``None`` when unknown).

        Raises:
            CandidateError: ``name`` is not a fact of a candidate (message names it).
        """
        if name not in _FACTS:
            raise CandidateError(
                f"candidate {self.id}: {name!r} is not a candidate fact "
                f"(known: {', '.join(_FACTS)})",
                what=f"candidate {self.id}",
                field="fact",
                value=name,
            )
        value: bool | int | None = getattr(self, name)
        return value

    @property
    def unknown(self) -> tuple[str, ...]:
        """Names of the yes/no and numeric facts not declared."""
        return tuple(name for name in _FACTS if getattr(self, name) is None)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.candidate/1``."""
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        """Rebuild a candidate from [to_dict][community_governance.elections.Candidate.to_dict]."""
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.candidate/1"
_FACTS = (*BOOLEAN_FACTS, "residence_years", "recommendations", "age")
