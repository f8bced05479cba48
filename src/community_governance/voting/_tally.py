"""The hot loop: ballots → one choice per counted person (private)."""

from __future__ import annotations

from collections.abc import Iterable

from community_governance.exceptions import (
    ConflictingBallotsError,
    DuplicateBallotError,
    UnknownUnitError,
)
from community_governance.register.counting import PersonIndex
from community_governance.register.estate import Estate
from community_governance.voting.ballots import Ballot, Choice

__all__ = ["PersonChoices", "collect"]


class PersonChoices:
    """Per counted person, the choice of its ballots; the sums; and what was set aside.

    Attributes:
        choice: Person index → choice.
        ballots: Person index → number of valid ballots, for persons with more than one.
        heads: Per ``Choice.slot``, the number of persons.
        area: Per ``Choice.slot``, their area, scaled by the estate's area scale.
        unauthorised_proxies: Units whose ballot came from a proxy without written authority.
    """

    __slots__ = ("area", "ballots", "choice", "heads", "unauthorised_proxies")

    def __init__(self) -> None:
        self.choice: dict[int, Choice] = {}
        self.ballots: dict[int, int] = {}
        self.heads: list[int] = [0] * len(Choice)
        self.area: list[int] = [0] * len(Choice)
        self.unauthorised_proxies: list[str] = []


def collect(
    estate: Estate, ballots: Iterable[Ballot], people: PersonIndex | None = None
) -> PersonChoices:
    """Validate ballots against the register and fold them into one choice per person.

    ``people`` is the counting to use (a scope's, from `register.count_scope`); by default the
    estate's own.

    Raises:
        UnknownUnitError: a ballot names a unit not in the register.
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person disagree.
    """
    people = estate.person_index if people is None else people
    index = people.positions
    person_of = people.person_of
    person_area = people.person_area
    scope = people.scope
    result = PersonChoices()
    choice_of = result.choice
    get_choice = choice_of.get
    repeats = result.ballots
    heads = result.heads
    area = result.area
    seen = bytearray(len(person_of))  # one mark per unit position
    for ballot in ballots:
        unit = ballot.unit
        position = index.get(unit)
        if position is None:
            raise UnknownUnitError(f"ballot for unit {unit!r}: not in the register", unit=unit)
        if scope is not None and position not in scope:
            raise UnknownUnitError(f"ballot for unit {unit!r}: not in the scope", unit=unit)
        if seen[position]:
            raise DuplicateBallotError(f"unit {unit!r} has more than one ballot", unit=unit)
        seen[position] = 1
        if ballot.proxy is not None and not ballot.proxy.written_authorisation:
            result.unauthorised_proxies.append(unit)
            continue
        person = person_of[position]
        choice = ballot.choice
        previous = get_choice(person)
        if previous is None:
            choice_of[person] = choice
            slot = choice.slot
            heads[slot] += 1
            area[slot] += person_area[person]
        elif previous is choice:
            repeats[person] = repeats.get(person, 1) + 1
        else:
            raise _conflict(estate, person, ballots_for=unit)
    return result


def _conflict(estate: Estate, person: int, *, ballots_for: str) -> ConflictingBallotsError:
    counted = estate.persons[person]
    return ConflictingBallotsError(
        f"ballots of counted person {counted.label} (units {', '.join(counted.units)}) "
        f"disagree; the ballot for unit {ballots_for} differs from an earlier one",
        person=counted.label,
        units=counted.units,
    )
