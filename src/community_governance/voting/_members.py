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
    breaches: tuple[ProxyBreach, ...] = ()


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


@attrs.frozen(slots=True)
class ProxyBreach:
    """One proxy holder outside the limit: who, what kind of breach, which delegations."""

    kind: str  # "capacity", "count" or "unconfirmed-exception"
    holder: str
    detail: str  # the holder's capacity, for a capacity breach
    members: tuple[Member, ...]
    counted: bool = False
    count: int = 0

    @property
    def labels(self) -> str:
        """The delegations concerned, as owner ids."""
        return "; ".join(", ".join(member) for member in self.members)


def limit_proxies(
    roll: Roll,
    votes: Votes,
    limit: ProxyLimit | None,
    capacities: Mapping[str, str] | None = None,
    admit_unconfirmed: bool = False,
) -> Votes:
    """Set aside delegations a proxy limit forbids: a holder's capacity, then their number."""
    if limit is None:
        return votes
    by_holder: dict[str, list[Member]] = {}
    for member, holder in votes.holder.items():
        by_holder.setdefault(holder, []).append(member)
    breaches = [*_capacity_breaches(by_holder, limit, capacities or {})]
    barred = {breach.holder for breach in breaches}
    for holder, members in by_holder.items():
        if holder not in barred:
            breaches.extend(_count_breach(roll, limit, holder, members, admit_unconfirmed))
    dropped = {member for breach in breaches if not breach.counted for member in breach.members}
    choice = {m: c for m, c in votes.choice.items() if m not in dropped}
    holders = {m: h for m, h in votes.holder.items() if m not in dropped}
    return attrs.evolve(votes, choice=choice, holder=holders, breaches=tuple(breaches))


def _capacity_breaches(
    by_holder: Mapping[str, list[Member]], limit: ProxyLimit, capacities: Mapping[str, str]
) -> list[ProxyBreach]:
    found = []
    for holder, members in by_holder.items():
        capacity = capacities.get(holder)
        if capacity is None:
            continue
        if capacity in limit.excluded or (limit.holders and capacity not in limit.holders):
            found.append(ProxyBreach("capacity", holder, capacity, tuple(members)))
    return found


def _count_breach(
    roll: Roll, limit: ProxyLimit, holder: str, members: list[Member], admit: bool
) -> list[ProxyBreach]:
    if limit.max_delegations is None or len(members) <= limit.max_delegations:
        return []
    own = sum(
        (row[limit.weight] for member, row in roll.weights.items() if holder in member),
        Fraction(0),
    )
    held = own + sum((roll.weights[m][limit.weight] for m in members), Fraction(0))
    within = limit.unless_within is not None and held <= limit.unless_within * roll.total(
        limit.weight
    )
    extra = tuple(members[limit.max_delegations :])
    detail, count = "", len(members)
    if within:
        cited = limit.within_citation
        if cited is None or cited.confirmed or admit:
            return []
        return [ProxyBreach("unconfirmed-exception", holder, detail, extra, True, count)]
    return [ProxyBreach("count", holder, detail, extra, False, count)]


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
