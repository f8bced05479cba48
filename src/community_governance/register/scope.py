"""Counting persons and area within a scope of an estate, without building a new estate.

A decision of the owners concerned (a building, a unit, a floor; Shanghai Residential Property
Management Provisions Arts. 35 and 69) counts persons again within the scope: an owner with
flats in two buildings is one person in each building's vote, and nobody outside the scope is
counted. `Estate.restrict` builds and validates a whole new estate for that; a vote needs only
the counts, so `count_scope` derives them from the estate's own grouping in a few C-level
passes over the scope's units, and keeps them beside the estate (keyed by its identity and the
scope's ids, the last few scopes of each estate, dropped with the estate): several motions of
the same owners concerned count them once. A scope holding every unit is the register's own
counting.

Under `OverlapPolicy.SEPARATE` (the default) a person's key depends only on its units' owners
and status, so the persons of the scope are exactly the estate's persons holding a unit in it,
each with the area of its units in the scope. Under `OverlapPolicy.MERGE` a group joined
through an owner outside the scope may split inside it, so the scope is counted on
`Estate.restrict` instead. Either way the result equals counting a register of the scope's
units alone (a property test checks it).
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from fractions import Fraction
from itertools import compress
from operator import itemgetter, ne
from types import MappingProxyType
from typing import TypeVar, cast

import attrs

from community_governance._base.exact import Exact, normalise
from community_governance.exceptions import EmptyEstateError, UnknownUnitError
from community_governance.register.counting import OverlapPolicy, PersonIndex
from community_governance.register.estate import Estate, Overlap, scope_ids

__all__ = ["ScopeCount", "count_scope"]

T = TypeVar("T")


@attrs.frozen(slots=True, eq=False)
class ScopeCount:
    """The persons and area of a scope, counted within it (SPC interpretation Arts. 8–9).

    Attributes:
        estate: The estate whose person numbering ``person_index`` uses (the register itself,
            or under ``MERGE`` the restricted register).
        person_index: The counting within the scope, on ``estate``'s person numbering:
            ``scope`` holds the positions of the scope's units, ``person_area`` each person's
            area inside the scope (for a person outside it, its area in the register: never
            reached from a unit in ``scope``), ``heads`` and ``total_area`` the scope's.
        overlaps: Owners split across persons (or merged groups) within the scope.
    """

    estate: Estate
    person_index: PersonIndex
    overlaps: tuple[Overlap, ...]
    #: The scope's buildings when `count_scope` found them with the count (else derived).
    _buildings: tuple[str, ...] | None = attrs.field(default=None, repr=False)

    @property
    def positions(self) -> AbstractSet[int]:
        """Register positions of the scope's units (every unit for the whole register)."""
        scope = self.person_index.scope
        return range(len(self.estate.units)) if scope is None else scope  # type: ignore[return-value]

    @property
    def units(self) -> int:
        """Number of units in the scope."""
        return len(self.positions)

    @property
    def heads(self) -> int:
        """Counted persons within the scope."""
        return self.person_index.heads

    @property
    def area(self) -> Exact:
        """Total exclusive area within the scope, exact."""
        people = self.person_index
        return normalise(Fraction(people.total_area, people.scale))

    @property
    def buildings(self) -> tuple[str, ...]:
        """The buildings of the scope's units, sorted (by default a unit's id prefix)."""
        if self._buildings is not None:
            return self._buildings
        return _buildings_of(self.estate, tuple(self.positions))

    @property
    def developer_entities(self) -> tuple[str, ...]:
        """Owner ids of developer kind holding a unit in the scope (counted as one person)."""
        wanted = set(self.estate.developer_entities)
        if self.person_index is self.estate.person_index:
            return self.estate.developer_entities
        found: set[str] = set()
        units = self.estate.units
        for position in self.positions:
            if found == wanted:
                break
            found.update(wanted.intersection(units[position].owners))
        return tuple(sorted(found))

    def __repr__(self) -> str:
        """One line: units, persons and area of the scope."""
        return f"<ScopeCount {self.units} units: {self.heads} counted persons, {self.area} m²>"


def count_scope(estate: Estate, units: Iterable[str] | None = None) -> ScopeCount:
    """Count the persons and area of some units of ``estate``, within those units only.

    The counting of a scope is kept beside its estate (keyed by the estate's identity and the
    scope's ids, dropped with the estate), so that deciding several motions of the same owners
    concerned counts them once; the estate and the count are immutable values.

    Args:
        estate: The register.
        units: Unit ids in the scope (repeats are ignored); ``None``: the whole register.

    Returns:
        The counting within the scope; equal to counting ``estate.restrict(units)``.

    Raises:
        ScopeError: ``units`` is a string or not an iterable of id strings.
        UnknownUnitError: a unit id is not in the register.
        EmptyEstateError: the scope is empty.
    """
    if units is None:
        return ScopeCount(estate, estate.person_index, estate.overlaps)
    ids = _ids(units)
    if not ids:
        raise EmptyEstateError(
            f"the scope selects no unit (units={list(ids)!r:.80}): a scope needs at least one unit"
        )
    kept = _kept(estate)
    try:
        known = kept.get(ids)
    except TypeError:  # an unhashable id: refused by the lookup below
        known = None
    if known is not None:
        own, people, overlaps, buildings = known
        return ScopeCount(own or estate, people, overlaps, buildings)
    counted = _count(estate, ids)
    if len(kept) >= _KEEP:
        del kept[next(iter(kept))]  # the oldest scope of this estate
    # kept without the estate itself, so that the entry does not keep the estate alive
    own = None if counted.estate is estate else counted.estate
    kept[ids] = (own, counted.person_index, counted.overlaps, counted.buildings)
    return counted


def _count(estate: Estate, ids: tuple[str, ...]) -> ScopeCount:
    """The counting of the scope ``ids`` (not empty), from the estate's own grouping.

    Each pass over the scope's units is one C-level call: their positions, their buildings
    (on the register's building numbers), their summed area, and the number of units inside
    of each of the estate's multi-unit persons (a `Counter` over only those). A person with a
    single unit is in the scope exactly when that unit is, so the scope's persons are its
    units less the repeats of its multi-unit persons. A multi-unit person holding some of its
    units outside the scope is visited again, for its area inside.
    """
    found = _positions(estate, ids)
    scoped = frozenset(found)
    if len(scoped) != len(found):  # repeated ids: each unit once
        found = tuple(scoped)
    buildings = _buildings_of(estate, found)
    if len(scoped) == len(estate.units):  # the whole register: its own counting
        return ScopeCount(estate, estate.person_index, estate.overlaps, buildings)
    if estate.counting.overlap is OverlapPolicy.MERGE:
        restricted = estate.restrict(ids)  # a group may split inside the scope: regroup
        return ScopeCount(restricted, restricted.person_index, restricted.overlaps, buildings)
    people = estate.person_index
    several = people.multi_unit
    # multi-unit person → its units in the scope (only those with one there)
    held = Counter(filter(several.__contains__, _pick(people.person_of, found)))
    keys = tuple(held)
    inside = list(held.values())
    partial = list(compress(keys, map(ne, inside, map(several.__getitem__, keys))))
    multi = dict(compress(held.items(), map((1).__lt__, inside)))
    area = people.person_area
    if partial:
        rest, unit_area = estate._members.rest, people.unit_area
        patched = list(area)
        for person in partial:
            patched[person] = sum(unit_area[p] for p in rest[person] if p in scoped)
        area = tuple(patched)
    first = estate._grouping.first
    index = PersonIndex(
        positions=people.positions,
        person_of=people.person_of,
        person_area=area,
        scale=people.scale,
        total_area=sum(_pick(people.unit_area, found)),  # the area of the scope's units
        multi_unit=MappingProxyType(multi),
        unit_area=people.unit_area,
        counted=len(found) - sum(inside) + len(keys),  # each person once
        scope=scoped,
    )

    def is_inside(person: int) -> bool:
        return person in held or (person not in several and first[person] in scoped)

    return ScopeCount(estate, index, _overlaps(estate, scoped, is_inside), buildings)


def _buildings_of(estate: Estate, positions: Sequence[int]) -> tuple[str, ...]:
    """The buildings of the units at ``positions``, sorted.

    Found on the register's building numbers (one C-level pass over integers), without
    visiting the units themselves. `Unit.building` is always a string (it defaults to the
    id's prefix).
    """
    grouping = estate._grouping
    codes = set(_pick(grouping.building_of, positions))
    return tuple(sorted(map(grouping.buildings.__getitem__, codes)))


#: A scope's counting without its estate: the regrouped estate under ``MERGE`` (``None``:
#: the estate itself), the counting, the overlaps and the buildings.
_Known = tuple[Estate | None, PersonIndex, tuple[Overlap, ...], tuple[str, ...]]

#: Scopes counted, by estate identity: a weak reference that drops the entry with the estate,
#: and the last `_KEEP` scopes counted on it (an estate is immutable, so is its count).
_SCOPES: dict[int, tuple[weakref.ref[Estate], dict[tuple[str, ...], _Known]]] = {}
_KEEP = 4


def _kept(estate: Estate) -> dict[tuple[str, ...], _Known]:
    """The scopes already counted on ``estate`` (a new, empty map for a new estate)."""
    key = id(estate)
    entry = _SCOPES.get(key)
    if entry is not None and entry[0]() is estate:
        return entry[1]
    kept: dict[tuple[str, ...], _Known] = {}
    scopes = _SCOPES  # held by the callback, which may run while the interpreter shuts down
    _SCOPES[key] = (weakref.ref(estate, lambda _ref: scopes.pop(key, None)), kept)
    return kept


def _ids(units: object) -> tuple[str, ...]:
    """The scope's ids; the types of the items are checked by the lookup (see `_positions`)."""
    if isinstance(units, str | bytes) or not isinstance(units, Iterable):
        return scope_ids(units, "units")  # raises ScopeError
    return tuple(units)


def _pick(values: Sequence[T], positions: Sequence[int]) -> tuple[T, ...]:
    """``values`` at ``positions``, as a tuple (one C-level pass)."""
    if len(positions) == 1:
        return (values[positions[0]],)
    return cast("tuple[T, ...]", itemgetter(*positions)(values))


def _positions(estate: Estate, ids: tuple[str, ...]) -> tuple[int, ...]:
    """The register positions of ``ids``; an unknown id raises `UnknownUnitError`."""
    index = estate.person_index.positions
    try:
        if len(ids) == 1:
            return (index[ids[0]],)
        return cast("tuple[int, ...]", itemgetter(*ids)(index))
    except (KeyError, TypeError):
        scope_ids(ids, "units")  # a non-string id raises ScopeError
        unknown = next(uid for uid in ids if uid not in index)
        raise UnknownUnitError(f"unit {unknown!r} is not in the register", unit=unknown) from None


def _overlaps(
    estate: Estate, scoped: frozenset[int], inside: Callable[[int], bool]
) -> tuple[Overlap, ...]:
    """The estate's overlaps among the persons inside the scope (``SEPARATE`` only).

    A regrouped scope numbers its persons by their first unit inside it, so the persons of
    each overlap are ordered that way too.
    """
    found = [
        (owner, kept)
        for owner, persons in estate._grouping.overlaps
        if len(kept := [person for person in persons if inside(person)]) > 1
    ]
    if not found:
        return ()
    members = estate._members
    first = {
        person: next(p for p in members.of(person) if p in scoped)
        for _, kept in found
        for person in kept
    }
    persons = estate.persons
    return tuple(
        Overlap(
            owner,
            tuple(persons[p].label for p in sorted(kept, key=first.__getitem__)),
            estate.counting.overlap,
        )
        for owner, kept in found
    )
