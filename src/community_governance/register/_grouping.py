"""Grouping units into counted persons, on compact arrays (private; see `counting`)."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from operator import attrgetter
from typing import cast

import attrs

from community_governance.register._model import Owner, OwnerKind, Unit, UnitStatus
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
        first: Per person, the position of its first unit.
        rest: Person index → positions of all its units, for persons holding more than one.
        building_of: Per unit, the number of its building in ``buildings`` (so that a scope's
            buildings are found on integers, without visiting its units), in 1, 2 or 4 bytes
            a unit as the number of buildings needs.
        buildings: The buildings of the units, in order of first appearance.
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
    first: Sequence[int] = ()
    rest: dict[int, list[int]] = attrs.field(factory=dict)
    building_of: Sequence[int] = ()
    buildings: tuple[str, ...] = ()


def _scale(areas: Iterable[Decimal | Fraction]) -> int:
    """Least common denominator of distinct ``areas``."""
    scale = 1
    seen: set[int] = set()
    for area in areas:
        denominator = 10 ** _places(area) if isinstance(area, Decimal) else area.denominator
        if denominator not in seen:
            seen.add(denominator)
            scale = math.lcm(scale, denominator)
    return scale


def _places(area: Decimal) -> int:
    """Decimal places of a finite ``area`` as written (``1.50``: 2), from its text when plain.

    ``str`` writes a finite Decimal in plain notation exactly when its exponent is at most 0
    and its adjusted exponent at least -6; then the digits after the point are its places.
    """
    text = str(area)
    if "E" in text:
        exponent = area.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    point = text.find(".")
    return len(text) - point - 1 if point >= 0 else 0


_AREA_OF = attrgetter("area")
_BUILDING_OF = attrgetter("building")


def scaled(area: Decimal | Fraction, scale: int) -> int:
    """``area * scale`` as an exact integer (``scale`` is a multiple of its denominator)."""
    if isinstance(area, Decimal):
        return int(area * scale)
    return area.numerator * (scale // area.denominator)


def group(
    units: Sequence[Unit],
    owners: dict[str, Owner],
    policy: CountingPolicy,
    held: set[str],
) -> Grouping:
    """Group ``units`` into counted persons under ``policy``.

    One pass over the units computes each unit's person key and numbers persons in order of
    first appearance, recording each person's first unit, and for the persons holding more
    than one unit, all their units and their summed area. Each distinct area is scaled once.
    ``held`` is the set of owner ids the units name (the estate has it from its checks).
    """
    areas = list(map(_AREA_OF, units))
    distinct = dict.fromkeys(areas)
    scale = _scale(distinct)
    scaled_of = {area: scaled(area, scale) for area in distinct}
    unit_area = list(map(scaled_of.__getitem__, areas))
    developer_kind = OwnerKind.DEVELOPER
    developers = {oid for oid, owner in owners.items() if owner.kind is developer_kind}
    merge = policy.overlap is OverlapPolicy.MERGE
    root = _merge_roots(units, developers) if merge else {}
    unit_keys = _keys(units, developers, root, merge)
    index: dict[Key, int] = {}
    first: list[int] = []
    person_area: list[int] = []
    rest: dict[int, list[int]] = {}
    person_of = array("i", [0]) * len(units)
    for position, key in enumerate(unit_keys):
        person = index.get(key)
        if person is None:
            person = index[key] = len(first)
            first.append(position)
            person_area.append(unit_area[position])
        else:
            members = rest.get(person)
            if members is None:
                rest[person] = [first[person], position]
            else:
                members.append(position)
            person_area[person] += unit_area[position]
        person_of[position] = person
    keys = list(index)
    names = list(map(_BUILDING_OF, units))
    number = {name: code for code, name in enumerate(dict.fromkeys(names))}
    merged = _merged(units, unit_keys, index) if merge else set()
    developer = index.get(DEVELOPER_KEY, -1)
    developer_entities = tuple(sorted(developers & held))
    return Grouping(
        person_of=person_of,
        keys=keys,
        person_area=person_area,
        scale=scale,
        developer=developer,
        developer_entities=developer_entities,
        overlaps=_overlaps(keys, index, developer, merged, developer_entities),
        merged=frozenset(merged),
        multi_unit={person: len(members) for person, members in rest.items()},
        total_area=sum(person_area),
        unit_area=compact(unit_area),
        first=first,
        rest=rest,
        building_of=array(_typecode(len(number)), map(number.__getitem__, names)),
        buildings=tuple(number),
    )


def _keys(
    units: Sequence[Unit], developers: set[str], root: dict[str, tuple[str, ...]], merge: bool
) -> list[Key]:
    """The person key of each unit; a delivered unit of one non-developer owner is keyed inline."""
    if merge:
        return [_key(unit, developers, root, merge) for unit in units]
    delivered = UnitStatus.DELIVERED
    return [
        owners[0]
        if len(owners := unit.owners) == 1
        and unit.status is delivered
        and owners[0] not in developers
        else _key(unit, developers, root, merge)
        for unit in units
    ]


def _typecode(distinct: int) -> str:
    """The smallest unsigned array type numbering ``distinct`` values (1, 2 or 4 bytes)."""
    return "B" if distinct <= 1 << 8 else "H" if distinct <= 1 << 16 else "I"


def _key(unit: Unit, developers: set[str], root: dict[str, tuple[str, ...]], merge: bool) -> Key:
    """The person key of ``unit`` (SPC interpretation Art. 9)."""
    unit_owners = unit.owners
    if unit.status is not UnitStatus.DELIVERED:
        return DEVELOPER_KEY
    if len(unit_owners) == 1:
        owner = unit_owners[0]
        if owner in developers:
            return DEVELOPER_KEY
        return root[owner] if merge else owner
    if developers and all(oid in developers for oid in unit_owners):
        return DEVELOPER_KEY
    return root[unit_owners[0]] if merge else tuple(sorted(unit_owners))


def _merged(units: Sequence[Unit], unit_keys: list[Key], index: dict[Key, int]) -> set[int]:
    """Merged persons: those whose units do not all have the same owner set."""
    seen_sets: dict[Key, tuple[str, ...]] = {}
    merged: set[int] = set()
    for unit, key in zip(units, unit_keys, strict=True):
        if key is DEVELOPER_KEY:
            continue
        owner_set = tuple(sorted(unit.owners))
        if seen_sets.setdefault(key, owner_set) != owner_set:
            merged.add(index[key])
    return merged


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
    index: dict[Key, int],
    developer: int,
    merged: set[int],
    developers: tuple[str, ...] = (),
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Owners appearing in more than one person (SEPARATE) or merged groups (MERGE).

    A developer entity that also co-owns a unit with others appears both in the developer
    person and in that co-owned person: reported too. Only persons keyed by several owners
    are visited; the person an owner holds alone is found by its key in ``index``.
    """
    where: dict[str, list[int]] = {}
    for person, key in [(p, k) for p, k in enumerate(keys) if type(k) is tuple]:
        if person != developer and person not in merged:
            for owner in key:
                where.setdefault(owner, []).append(person)
    entities = set(developers) if developer >= 0 else set()
    found: list[tuple[str, tuple[int, ...]]] = []
    for owner, persons in where.items():
        single = developer if owner in entities else index.get(owner)
        linked = persons if single is None else [single, *persons]
        if len(linked) > 1:
            found.append((owner, tuple(sorted(linked))))
    found.sort()  # by owner id (each owner once)
    for person in sorted(merged):
        members = cast("tuple[str, ...]", keys[person])  # a merged person's key is a tuple
        linked_developer = [oid for oid in members if oid in developers and developer >= 0]
        if linked_developer:
            found.append((linked_developer[0], (min(developer, person), max(developer, person))))
        found.append((",".join(members), (person,)))
    return tuple(found)
