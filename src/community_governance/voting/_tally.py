"""The hot loop: ballots → one choice per counted person (private)."""

from __future__ import annotations

from collections.abc import Iterable

from community_governance.exceptions import (
    ConflictingBallotsError,
    DuplicateBallotError,
    UnknownUnitError,
)
from community_governance.register.estate import Estate
from community_governance.voting.ballots import Ballot, Choice

__all__ = ["PersonChoices", "collect"]


class PersonChoices:
    """Per counted person, the choice of its ballots; plus what was set aside.

    Attributes:
        choice: Person index → choice.
        ballots: Person index → number of valid ballots cast for its units.
        unauthorised_proxies: Units whose ballot came from a proxy without written authority.
    """

    __slots__ = ("ballots", "choice", "unauthorised_proxies")

    def __init__(self) -> None:
        self.choice: dict[int, Choice] = {}
        self.ballots: dict[int, int] = {}
        self.unauthorised_proxies: list[str] = []


def collect(estate: Estate, ballots: Iterable[Ballot]) -> PersonChoices:
    """Validate ballots against the register and fold them into one choice per person.

    Raises:
        UnknownUnitError: a ballot names a unit not in the register.
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person disagree.
    """
    index = estate._index
    person_of = estate._grouping.person_of
    result = PersonChoices()
    choice = result.choice
    repeats = result.ballots
    seen: set[str] = set()
    for ballot in ballots:
        unit = ballot.unit
        position = index.get(unit)
        if position is None:
            raise UnknownUnitError(f"ballot for unit {unit!r}: not in the register", unit=unit)
        if unit in seen:
            raise DuplicateBallotError(f"unit {unit!r} has more than one ballot", unit=unit)
        seen.add(unit)
        proxy = ballot.proxy
        if proxy is not None and not proxy.written_authorisation:
            result.unauthorised_proxies.append(unit)
            continue
        person = person_of[position]
        previous = choice.get(person)
        if previous is None:
            choice[person] = ballot.choice
        elif previous is ballot.choice:
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
