"""Members, their weights, their votes and the caps on counting (private; see procedure.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from community_governance._base.exact import as_fraction
from community_governance.exceptions import (
    ConflictingBallotsError,
    DuplicateBallotError,
    ProcedureInputError,
    UnknownUnitError,
    VotingInputError,
)
from community_governance.register.estate import Estate
from community_governance.rules.procedures import Cap, CapKind, ProxyLimit, Weight
from community_governance.voting.ballots import Ballot, Choice

Member = tuple[str, ...]
"""A member: the sorted owner ids of its units (co-owners vote together as one member)."""


@attrs.frozen(slots=True)
class Roll:
    """Every member of the estate and its weight in each dimension (exact)."""

    member_of: Mapping[str, Member]
    weights: Mapping[Member, Mapping[Weight, Fraction]]

    @classmethod
    def of(cls, estate: Estate, needed: frozenset[Weight]) -> Roll:
        member_of: dict[str, Member] = {}
        weights: dict[Member, dict[Weight, Fraction]] = {}
        for unit in estate.units:
            if Weight.SHARES in needed and unit.shares is None:
                raise ProcedureInputError(
                    f"the procedure weighs votes by shares, but unit {unit.id} has no shares",
                    field="shares",
                    value=unit.id,
                )
            member = tuple(sorted(unit.owners))
            member_of[unit.id] = member
            row = weights.setdefault(member, dict.fromkeys(Weight, Fraction(0)))
            row[Weight.PERSONS] = Fraction(1)
            row[Weight.UNITS] += 1
            row[Weight.AREA] += as_fraction(unit.area)
            row[Weight.SHARES] += as_fraction(unit.shares) if unit.shares is not None else 0
        return cls(member_of, weights)

    def total(self, weight: Weight) -> Fraction:
        """The sum over every member."""
        return sum((row[weight] for row in self.weights.values()), Fraction(0))


@attrs.frozen(slots=True)
class Votes:
    """One choice per member, how it was cast, and the ballots set aside."""

    choice: Mapping[Member, Choice]
    in_person: frozenset[Member]
    holder: Mapping[Member, str]
    unauthorised: tuple[str, ...]
    over_limit: tuple[str, ...] = ()


def collect(roll: Roll, ballots: Iterable[Ballot]) -> Votes:
    """Fold ballots into one choice per member, refusing unknown, duplicate or split ballots."""
    if not isinstance(ballots, Iterable) or isinstance(ballots, str | bytes | dict | Ballot):
        raise VotingInputError(
            f"ballots must be an iterable of Ballot, not {ballots!r}",
            field="ballots",
            value=ballots,
        )
    choice: dict[Member, Choice] = {}
    proxied: dict[Member, str] = {}
    seen: set[str] = set()
    unauthorised: list[str] = []
    for ballot in ballots:
        member = _member(roll, ballot, seen)
        if ballot.proxy is not None and not ballot.proxy.written_authorisation:
            unauthorised.append(ballot.unit)
            continue
        if choice.setdefault(member, ballot.choice) is not ballot.choice:
            raise ConflictingBallotsError(
                f"ballots of member {', '.join(member)} disagree (unit {ballot.unit})",
                person=", ".join(member),
                units=(ballot.unit,),
            )
        if ballot.proxy is not None:
            proxied.setdefault(member, ballot.proxy.holder)
    in_person = frozenset(member for member in choice if member not in proxied)
    return Votes(choice, in_person, proxied, tuple(unauthorised))


def _member(roll: Roll, ballot: object, seen: set[str]) -> Member:
    if not isinstance(ballot, Ballot):
        raise VotingInputError(
            f"each ballot must be a Ballot, not {ballot!r}", field="ballots", value=ballot
        )
    member = roll.member_of.get(ballot.unit)
    if member is None:
        raise UnknownUnitError(
            f"ballot for unit {ballot.unit!r}: not in the register", unit=ballot.unit
        )
    if ballot.unit in seen:
        raise DuplicateBallotError(
            f"unit {ballot.unit!r} has more than one ballot", unit=ballot.unit
        )
    seen.add(ballot.unit)
    return member


def limit_proxies(roll: Roll, votes: Votes, limit: ProxyLimit | None) -> Votes:
    """Set aside delegations beyond a holder's limit (in ballot order), unless within the share."""
    if limit is None or limit.max_delegations is None:
        return votes
    by_holder: dict[str, list[Member]] = {}
    for member, holder in votes.holder.items():
        by_holder.setdefault(holder, []).append(member)
    dropped: list[Member] = []
    total = roll.total(limit.weight)
    for members in by_holder.values():
        held = sum((roll.weights[m][limit.weight] for m in members), Fraction(0))
        within = limit.unless_within is not None and held <= limit.unless_within * total
        if len(members) > limit.max_delegations and not within:
            dropped.extend(members[limit.max_delegations :])
    if not dropped:
        return votes
    choice = {m: c for m, c in votes.choice.items() if m not in dropped}
    holders = {m: h for m, h in votes.holder.items() if m not in dropped}
    labels = tuple(", ".join(member) for member in dropped)
    return attrs.evolve(votes, choice=choice, holder=holders, over_limit=labels)


def capped(roll: Roll, votes: Votes, caps: tuple[Cap, ...]) -> dict[Member, dict[Weight, Fraction]]:
    """Each voting member's counted weights after every cap (counting only, not eligibility)."""
    counted = {member: dict(roll.weights[member]) for member in votes.choice}
    for cap in caps:
        for weight in cap.weights:
            total = roll.total(weight)
            bound = cap.ratio * total
            for member, row in counted.items():
                if row[weight] > bound:
                    others = total - roll.weights[member][weight]
                    keep = bound if cap.kind is CapKind.SHARE_OF_TOTAL else others
                    row[weight] = min(row[weight], keep)
            if cap.proxies:
                _cap_holders(counted, votes.holder, weight, bound)
    return counted


def _cap_holders(
    counted: dict[Member, dict[Weight, Fraction]],
    holder_of: Mapping[Member, str],
    weight: Weight,
    bound: Fraction,
) -> None:
    """Cut each proxy holder's represented weight to ``bound``, in ballot order."""
    held: dict[str, Fraction] = {}
    for member, holder in holder_of.items():
        room = max(bound - held.get(holder, Fraction(0)), Fraction(0))
        row = counted[member]
        row[weight] = min(row[weight], room)
        held[holder] = held.get(holder, Fraction(0)) + row[weight]


def capped_total(roll: Roll, caps: tuple[Cap, ...], weight: Weight) -> Fraction:
    """The total of ``weight`` for base ``ALL``: reduced only by a sum-of-others cap."""
    total = roll.total(weight)
    for cap in caps:
        if cap.kind is CapKind.SUM_OF_OTHERS and weight in cap.weights:
            largest = max(row[weight] for row in roll.weights.values())
            if largest > cap.ratio * total:
                total = 2 * (total - largest)
    return total
