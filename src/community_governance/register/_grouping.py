"""Grouping units into counted persons, on compact arrays (private; see `counting`)."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import cast

import attrs

from community_governance.register._model import Owner, OwnerKind, Unit
from community_governance.register.counting import CountingPolicy, OverlapPolicy


class _Developer(Enum):
    """Key type of the developer person: no owner id (a ``str``) can equal its member."""

    KEY = "developer"


#: The developer person's key; a sentinel, so that no owner id collides with it.
DEVELOPER_KEY = _Developer.KEY

#: A person's key: an owner id, a tuple of owner ids, or `DEVELOPER_KEY`.
Key = str | tuple[str, ...] | _Developer


@attrs.frozen(slots=True)
class Grouping:
    """Compact result of grouping: one person index per unit, one scaled area per person.

    Attributes:
        person_of: Person index of each unit (same order as the estate's units).
        keys: Per person, its key: an owner id, a sorted tuple of co-owner ids, a tuple of
            merged owner ids, or `DEVELOPER_KEY`.
        person_area: Per person, its area times ``scale`` (an exact integer).
        scale: Common denominator of all areas.
        developer: Index of the developer person, or -1.
        developer_entities: Owner ids of developer kind that were counted together.
        overlaps: Owner ids whose units fall in more than one person, with those persons.
        merged: Person indices formed by merging overlapping owner sets.
        multi_unit: Person index → number of units, for persons holding more than one.
        total_area: Sum of ``person_area``.
        unit_area: Per unit, its area times ``scale`` (kept to restrict an estate cheaply).
    """

    person_of: array[int]
    keys: list[Key]
    person_area: list[int]
    scale: int
    developer: int
    developer_entities: tuple[str, ...]
    overlaps: tuple[tuple[str, tuple[int, ...]], ...]
    merged: frozenset[int]
    multi_unit: dict[int, int]
    total_area: int
    unit_area: Sequence[int] = ()


def area_scale(units: Sequence[Unit]) -> int:
    """Least common denominator of the units' areas."""
    scale = 1
    seen: set[int] = set()
    for unit in units:
        area = unit.area
        if isinstance(area, Decimal):
            exponent = area.as_tuple().exponent
            denominator = 10**-exponent if isinstance(exponent, int) and exponent < 0 else 1
        else:
            denominator = area.denominator
        if denominator not in seen:
            seen.add(denominator)
            scale = math.lcm(scale, denominator)
    return scale


def scaled(area: Decimal | Fraction, scale: int) -> int:
    """``area * scale`` as an exact integer (``scale`` is a multiple of its denominator)."""
    if isinstance(area, Decimal):
        return int(area * scale)
    return area.numerator * (scale // area.denominator)


def group(units: Sequence[Unit], owners: dict[str, Owner], policy: CountingPolicy) -> Grouping:
    """Group ``units`` into counted persons under ``policy``."""
    scale = area_scale(units)
    developers = {oid for oid, owner in owners.items() if owner.kind is OwnerKind.DEVELOPER}
    if policy.overlap is OverlapPolicy.MERGE:
        root = _merge_roots(units, developers)
    index: dict[Key, int] = {}
    keys: list[Key] = []
    person_area: list[int] = []
    person_of = array("i", bytes(4 * len(units)))
    merged: set[int] = set()
    seen_sets: dict[int, str | tuple[str, ...]] = {}
    unit_area: list[int] = []
    for position, unit in enumerate(units):
        unit_owners = unit.owners
        key: Key
        if unit.status.developer_held or all(oid in developers for oid in unit_owners):
            key = DEVELOPER_KEY
        elif policy.overlap is OverlapPolicy.MERGE:
            key = root[unit_owners[0]]
        elif len(unit_owners) == 1:
            key = unit_owners[0]
        else:
            key = tuple(sorted(unit_owners))
        person = index.get(key)
        if person is None:
            person = len(keys)
            index[key] = person
            keys.append(key)
            person_area.append(0)
        person_of[position] = person
        area = scaled(unit.area, scale)
        unit_area.append(area)
        person_area[person] += area
        if policy.overlap is OverlapPolicy.MERGE and key != DEVELOPER_KEY:
            owner_set = unit_owners if len(unit_owners) == 1 else tuple(sorted(unit_owners))
            first = seen_sets.setdefault(person, owner_set)
            if first != owner_set:
                merged.add(person)
    counts: dict[int, int] = {}
    for person in person_of:
        counts[person] = counts.get(person, 0) + 1
    developer = index.get(DEVELOPER_KEY, -1)
    developer_entities = tuple(
        sorted(oid for oid in developers if any(oid in unit.owners for unit in units))
    )
    return Grouping(
        person_of=person_of,
        keys=keys,
        person_area=person_area,
        scale=scale,
        developer=developer,
        developer_entities=developer_entities,
        overlaps=_overlaps(keys, developer, merged, developer_entities),
        merged=frozenset(merged),
        multi_unit={person: n for person, n in counts.items() if n > 1},
        total_area=sum(person_area),
        unit_area=compact(unit_area),
    )


def compact(values: list[int]) -> Sequence[int]:
    """``values`` as 8-byte integers when they fit (they do for decimal areas), else as is."""
    try:
        return array("q", values)
    except OverflowError:
        return values


def _merge_roots(units: Sequence[Unit], developers: set[str]) -> dict[str, tuple[str, ...]]:
    """Union-find over owners: map each owner to the sorted tuple of its component."""
    parent: dict[str, str] = {}

    def find(owner: str) -> str:
        parent.setdefault(owner, owner)
        while parent[owner] != owner:
            parent[owner] = parent[parent[owner]]
            owner = parent[owner]
        return owner

    for unit in units:
        if unit.status.developer_held or all(oid in developers for oid in unit.owners):
            continue
        first = find(unit.owners[0])
        for other in unit.owners[1:]:
            parent[find(other)] = first
    members: dict[str, list[str]] = {}
    for owner in parent:
        members.setdefault(find(owner), []).append(owner)
    return {owner: tuple(sorted(members[find(owner)])) for owner in parent}


def _overlaps(
    keys: list[Key],
    developer: int,
    merged: set[int],
    developers: tuple[str, ...] = (),
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Owners appearing in more than one person (SEPARATE) or merged groups (MERGE).

    A developer entity that also co-owns a unit with others appears both in the developer
    person and in that co-owned person: reported too.
    """
    where: dict[str, list[int]] = {}
    for person, key in enumerate(keys):
        if person == developer:
            continue
        if isinstance(key, tuple) and person not in merged:
            for owner in key:
                where.setdefault(owner, []).append(person)
    singles = {key: person for person, key in enumerate(keys) if isinstance(key, str)}
    if developer >= 0:
        singles.update(dict.fromkeys(developers, developer))
    found: list[tuple[str, tuple[int, ...]]] = []
    for owner, persons in sorted(where.items()):
        single = singles.get(owner)
        linked = persons if single is None else [single, *persons]
        if len(linked) > 1:
            found.append((owner, tuple(sorted(linked))))
    for person in sorted(merged):
        members = cast("tuple[str, ...]", keys[person])  # a merged person's key is a tuple
        linked_developer = [oid for oid in members if oid in developers and developer >= 0]
        if linked_developer:
            found.append((linked_developer[0], (min(developer, person), max(developer, person))))
        found.append((",".join(members), (person,)))
    return tuple(found)
