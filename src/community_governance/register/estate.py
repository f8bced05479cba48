"""The estate (物业管理区域): its units, owners and counted persons."""

from __future__ import annotations

import gc
import weakref
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_
from types import MappingProxyType
from typing import Any, cast, overload

import attrs

from community_governance._base.exact import Exact, normalise
from community_governance._base.format import area_text
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.serial import dump, load
from community_governance.exceptions import (
    DuplicateIdError,
    EmptyEstateError,
    GovernanceError,
    InvalidChoiceError,
    InvalidRecordError,
    ScopeError,
    UnknownReferenceError,
    UnknownUnitError,
)
from community_governance.register._grouping import DEVELOPER_KEY, Grouping, group
from community_governance.register._model import Owner, OwnerKind, Unit, UnitStatus
from community_governance.register.counting import (
    CountingPolicy,
    CountingReason,
    OverlapPolicy,
    Person,
    PersonIndex,
)

__all__ = ["Estate", "Overlap", "Persons"]

_ROW_KEYS = frozenset({"unit", "id", "area", "owners", "building", "area_source", "status", "use"})
_OWNER_KEYS = frozenset(attrs.fields_dict(Owner))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a register is built, then restore it.

    Building a register allocates a few objects per unit and no reference cycle, so the
    collector has nothing to free; yet each of its periodic passes walks the objects of the
    whole process (the caller's rows included), about a quarter of the build time at 100,000
    units. The collector is restored as it was, on an error too. Values are not affected.

    The switch is the interpreter's: while a register is built, another thread's cycles wait
    for the next pass after it. Two builds in two threads never leave the collector off (the
    one that found it on turns it back on), but a caller that turns the collector off during
    a build finds it on again when the build ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _records(value: object, field: str) -> Iterable[Any]:
    """``value`` as an iterable of records; a mapping, a string or a non-iterable is refused."""
    if isinstance(value, Mapping | str | bytes) or not isinstance(value, Iterable):
        raise InvalidRecordError(
            f"{field} must be a list of records, not {type(value).__name__} {value!r:.80}",
            row=None,
            field=field,
            value=value,
        )
    return value


def _units_from_rows(rows: object) -> list[Unit]:
    """One `Unit` per row; equal area and status spellings are parsed once a call.

    The per-call ``shared`` dictionary maps an area's spelling to the value its first unit
    parsed, and ``spelled`` a status, source or use spelling to its member; a unit still
    validates the value it is given, so sharing changes no check.
    """
    units: list[Unit] = []
    append = units.append
    shared: dict[object, Exact] = {}
    spelled: dict[tuple[str, object], object] = {}  # (field, text) -> the member it parsed to
    for row_number, row in enumerate(_records(rows, "rows")):
        if type(row) is not dict and not isinstance(row, Mapping):
            raise InvalidRecordError(
                f"row {row_number}: a row must be a mapping, not {type(row).__name__} {row!r:.80}",
                row=row_number,
                field="rows",
                value=row,
            )
        if not row.keys() <= _ROW_KEYS:
            unknown = sorted(set(row) - _ROW_KEYS)
            raise InvalidRecordError(
                f"row {row_number}: unknown field(s) {unknown}",
                row=row_number,
                field=unknown[0],
                value=row,
            )
        unit_id: Any = row["unit"] if "unit" in row else row.get("id")
        if "area" not in row or "owners" not in row:
            required = "area" if "area" not in row else "owners"
            raise InvalidRecordError(
                f"row {row_number} (unit {unit_id}): missing {required!r}",
                row=row_number,
                field=required,
                value=row,
            )
        area = row["area"]
        # equal Decimals such as 1.0 and 1.00 must keep their own spelling
        key = area if type(area) is str else _spelling(area)
        known = shared.get(key)
        if known is not None:
            area = known
        if len(row) == 3 and ("unit" in row or "id" in row):  # nothing else to pass on
            fields = _NO_FIELDS
        else:
            fields = {name: row[name] for name in row.keys() - _POSITIONAL}
            for name in _ENUM_FIELDS.intersection(fields):
                spelling = fields[name]
                member = spelled.get((name, spelling)) if type(spelling) is str else None
                if member is not None:
                    fields[name] = member
        try:
            if fields is _NO_FIELDS:
                unit = Unit(unit_id, area, row["owners"])
            else:
                unit = Unit(unit_id, area, row["owners"], **fields)
        except (InvalidRecordError, InvalidChoiceError) as error:
            raise _naming_row(error, row_number, unit_id) from error
        if known is None and key is not None:
            shared[key] = unit.area
        if fields is not _NO_FIELDS:
            for name in _ENUM_FIELDS.intersection(fields):
                spelling = fields[name]
                if type(spelling) is str:
                    spelled[name, spelling] = getattr(unit, name)
        append(unit)
    return units


#: Fields whose text spellings are parsed once a call (the member is then passed on as is).
_ENUM_FIELDS = frozenset({"area_source", "status", "use"})


_POSITIONAL = frozenset({"unit", "id", "area", "owners"})
_NO_FIELDS: dict[str, Any] = {}


def _spelling(area: object) -> object:
    """The key under which equal spellings of an area share one parsed value, or ``None``."""
    kind = type(area)  # a str is its own key (the caller's fast path)
    if kind is Fraction or (kind is Decimal and area.is_finite()):  # type: ignore[attr-defined]
        return (kind, str(area))
    return None


def _naming_row(
    error: InvalidRecordError | InvalidChoiceError, row_number: int, unit_id: object
) -> GovernanceError:
    """The error of a unit, again, with the row (and for a bad choice the unit) named."""
    if isinstance(error, InvalidRecordError):
        return InvalidRecordError(
            f"row {row_number}: {error.message}",
            row=row_number,
            field=error.field,
            value=error.value,
        )
    return InvalidChoiceError(
        f"row {row_number} (unit {unit_id}): {error.message}",
        value=error.value,
        allowed=error.allowed,
    )


def _inferred_owners(units: list[Unit], known: set[str]) -> list[Owner]:
    """Owners named by units and not declared, in order of first mention, each built once.

    An owner is the developer if it holds an unsold unit, otherwise a natural person.
    """
    named = dict.fromkeys(chain.from_iterable(map(_OWNERS_OF, units)))
    developers = _unsold_owners(units)
    person, developer = OwnerKind.PERSON, OwnerKind.DEVELOPER
    return [
        Owner(owner_id, developer if owner_id in developers else person)
        for owner_id in named
        if owner_id not in known
    ]


_OWNERS_OF = attrgetter("owners")
_STATUS_OF = attrgetter("status")


def _unsold_owners(units: Sequence[Unit]) -> set[str]:
    """The owner ids of the unsold units (found by a scan at C speed: most units are sold)."""
    unsold = map(is_, map(_STATUS_OF, units), repeat(UnitStatus.UNSOLD))
    return {owner_id for unit in compress(units, unsold) for owner_id in unit.owners}


def _declared_owners(owners: object) -> list[Owner]:
    """Owner declarations: `Owner` objects or mappings of its fields (unknown keys refused)."""
    declared: list[Owner] = []
    for number, owner in enumerate(_records(owners, "owners")):
        if isinstance(owner, Owner):
            declared.append(owner)
            continue
        if not isinstance(owner, Mapping):
            raise InvalidRecordError(
                f"owners[{number}] must be an Owner or a mapping, not {owner!r:.80}",
                row=number,
                field="owners",
                value=owner,
            )
        unknown = sorted(set(owner) - _OWNER_KEYS)
        if unknown:
            raise InvalidRecordError(
                f"owners[{number}]: unknown field(s) {unknown}; known: {sorted(_OWNER_KEYS)}",
                row=number,
                field=unknown[0],
                value=owner,
            )
        declared.append(Owner(**owner))
    return declared


@attrs.frozen(slots=True)
class Overlap:
    """An owner whose units fall into more than one counted person, or a merged group.

    Attributes:
        owner: The owner id (for a merged group: its owners joined by commas).
        persons: Labels of the persons involved.
        policy: The overlap policy that was applied.
    """

    owner: str
    persons: tuple[str, ...]
    policy: OverlapPolicy

    def describe(self, lang: str = "en") -> str:
        """One sentence saying what was decided, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        names = "、".join(self.persons) if lang == "zh" else ", ".join(self.persons)
        if self.policy is OverlapPolicy.MERGE:
            if lang == "zh":
                return f"业主集合重叠（{self.owner}）已按合并规则计为一人。"
            return f"Overlapping owner sets ({self.owner}) were merged into one person."
        if lang == "zh":
            return f"业主 {self.owner} 分属不同的业主集合（{names}），各集合分别计为一人。"
        return (
            f"Owner {self.owner} belongs to distinct owner sets ({names}), "
            "each counted as one person."
        )


def scope_ids(value: object, field: str) -> tuple[str, ...]:
    """Ids of a scope argument; a bare string (``"1-101"``) is refused, not split."""
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ScopeError(
            f"{field} must be an iterable of ids, not {value!r}", field=field, value=value
        )
    ids = tuple(value)
    if not set(map(type, ids)) <= {str}:
        bad = next(item for item in ids if type(item) is not str)
        raise ScopeError(f"{field}: {bad!r} is not an id string", field=field, value=bad)
    return ids


def _read_only(values: Sequence[int]) -> Sequence[int]:
    """A read-only view of an integer array, or a tuple of a list."""
    if isinstance(values, array):
        return memoryview(values).toreadonly()
    return tuple(values)


_ID_OF = attrgetter("id")


def _first_duplicate(kind: str, values: Sequence[Unit] | Sequence[Owner]) -> None:
    """Raise `DuplicateIdError` for the first repeated id of ``values`` (there is one)."""
    seen: set[str] = set()
    repeated = next(value.id for value in values if value.id in seen or _add(seen, value.id))
    raise DuplicateIdError(f"duplicate {kind} id {repeated!r}", kind=kind, id=repeated)


def _add(seen: set[str], value: str) -> bool:
    """Add ``value`` to ``seen``; false, so that a search goes on."""
    seen.add(value)
    return False


def _first_bad_reference(units: Sequence[Unit], owners: dict[str, Owner]) -> None:
    """Raise for the first unit naming an unknown owner or a non-developer on unsold stock."""
    developer, unsold = OwnerKind.DEVELOPER, UnitStatus.UNSOLD
    position, unit, owner_id = next(
        (position, unit, owner_id)
        for position, unit in enumerate(units)
        for owner_id in unit.owners
        if owner_id not in owners
        or (unit.status is unsold and owners[owner_id].kind is not developer)
    )
    known = owners.get(owner_id)
    if known is None:
        raise UnknownReferenceError(
            f"unit {unit.id} names unknown owner {owner_id!r}",
            kind="owner",
            id=owner_id,
            referrer=unit.id,
        )
    raise InvalidRecordError(
        f"unit {unit.id} is unsold but its owner {owner_id!r} is a "
        f"{known.kind.value}, not the developer",
        row=position,
        field="status",
        value=unit.status.value,
    )


#: How many restricted estates an estate keeps (the latest scopes asked for, for repeated
#: decisions of the same owners concerned; each is immutable, so sharing is safe).


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(value)


def _owners(value: Iterable[Owner]) -> tuple[Owner, ...]:
    return tuple(value)


def _counting(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, CountingPolicy):
        raise InvalidRecordError(
            f"counting must be a CountingPolicy (e.g. CountingPolicy(overlap='merge')), "
            f"not {value!r:.80}",
            row=None,
            field="counting",
            value=value,
        )


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidRecordError(
            f"the estate's name must be a string, not {value!r:.80}",
            row=None,
            field="name",
            value=value,
        )


@attrs.frozen(slots=True, repr=False)
class Estate:
    """A property management area: its exclusive parts and their owners.

    The estate validates its register when built (unique ids, known owners, at least one unit)
    and groups units into counted persons once, following SPC interpretation Arts. 8–9 (see
    the counting explanation in `community_governance.register.counting`).

    Attributes:
        units: The exclusive parts.
        owners: Every owner referenced by a unit.
        name: Display name of the estate.
        counting: Declared choices for counting persons where the law is silent.
    """

    units: tuple[Unit, ...] = attrs.field(converter=_units)
    owners: tuple[Owner, ...] = attrs.field(converter=_owners)
    name: str = attrs.field(default="", validator=_name)
    counting: CountingPolicy = attrs.field(factory=CountingPolicy, validator=_counting)
    _index: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    _grouping: Grouping = attrs.field(init=False, repr=False, eq=False)
    _person_index: PersonIndex = attrs.field(init=False, repr=False, eq=False)
    _members: _Members = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        units = self.units
        if not units:
            raise EmptyEstateError("an estate needs at least one unit")
        index = dict(zip(map(_ID_OF, units), range(len(units)), strict=True))
        if len(index) != len(units):
            _first_duplicate("unit", units)
        owners = dict(zip(map(_ID_OF, self.owners), self.owners, strict=True))
        if len(owners) != len(self.owners):
            _first_duplicate("owner", self.owners)
        # each owner is checked once, not once per unit; on a failure the register is walked
        # in order so that the error names the first offending unit, as a unit loop would
        held = set(chain.from_iterable(map(_OWNERS_OF, units)))
        unsold = _unsold_owners(units)
        developer = OwnerKind.DEVELOPER
        if not owners.keys() >= held or any(owners[oid].kind is not developer for oid in unsold):
            _first_bad_reference(units, owners)
        if len(held) != len(owners):
            stray = next(owner for owner in self.owners if owner.id not in held)
            raise InvalidRecordError(
                f"owner {stray.id!r} holds no unit in the estate",
                row=None,
                field="owners",
                value=stray.id,
            )
        self._install(index, group(units, owners, self.counting, held))

    def _install(self, index: dict[str, int], grouping: Grouping) -> None:
        """Set the derived fields: the unit index, the grouping and its compact form."""
        positions = MappingProxyType(index)
        object.__setattr__(self, "_index", positions)
        object.__setattr__(self, "_grouping", grouping)
        person_index = PersonIndex(
            positions=positions,
            person_of=memoryview(grouping.person_of).toreadonly(),
            person_area=tuple(grouping.person_area),
            scale=grouping.scale,
            total_area=grouping.total_area,
            multi_unit=MappingProxyType(dict(grouping.multi_unit)),
            unit_area=_read_only(grouping.unit_area),
        )
        object.__setattr__(self, "_person_index", person_index)
        object.__setattr__(self, "_members", _members(grouping))

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_records(
        cls,
        rows: Iterable[Mapping[str, Any]],
        *,
        owners: Iterable[Owner | Mapping[str, Any]] = (),
        name: str = "",
        counting: CountingPolicy | None = None,
    ) -> Estate:
        """Build an estate from plain rows, e.g. ``DataFrame.to_dict("records")``.

        Each row has ``unit`` (or ``id``), ``area`` (exact: str, int, Decimal or Fraction) and
        ``owners`` (a list of ids or one id), and optionally ``building``, ``area_source``,
        ``status`` and ``use``. Owners not declared in ``owners`` are created: as the developer
        if they hold an unsold unit, otherwise as natural persons.

        Args:
            rows: One mapping per unit.
            owners: Optional owner declarations (objects or ``Owner`` keyword mappings).
            name: Display name of the estate.
            counting: Counting policy; defaults to `CountingPolicy()`.

        Returns:
            The validated estate.

        Raises:
            InvalidRecordError: ``rows`` or ``owners`` is not a list of records, a row is not
                a mapping, a row or owner declaration has an unknown key or a malformed field
                (message names the row and the unit).
            AreaTypeError: an area is a float or a bool.
            InvalidAreaError: an area is zero, negative, not finite or not a number
                (`AreaBoundsError`: more than 4 decimal places, or not below 10**9).
            DuplicateIdError: two rows share a unit id, or two owners an id.
            EmptyEstateError: there are no rows.
        """
        with _collector_paused():
            units = _units_from_rows(rows)
            declared = _declared_owners(owners)
            return cls(
                units=units,
                owners=[*declared, *_inferred_owners(units, {owner.id for owner in declared})],
                name=name,
                counting=CountingPolicy() if counting is None else counting,
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.estate/1``."""
        return dump(self, "community_governance.estate/1")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Estate:
        """Rebuild an estate from [to_dict][community_governance.Estate.to_dict] output."""
        return load(cls, data, "community_governance.estate/1")

    # ------------------------------------------------------------------ lookups

    def unit(self, unit_id: str) -> Unit:
        """Return the unit with id ``unit_id``.

        Raises:
            UnknownUnitError: no such unit.
        """
        return self.units[self.unit_position(unit_id)]

    def unit_position(self, unit_id: str) -> int:
        """Return the position of unit ``unit_id`` in `units`.

        Raises:
            UnknownUnitError: no such unit.
        """
        position = self._index.get(unit_id)
        if position is None:
            raise UnknownUnitError(f"unit {unit_id!r} is not in the register", unit=unit_id)
        return position

    def owner(self, owner_id: str) -> Owner:
        """Return the owner with id ``owner_id``.

        Raises:
            UnknownReferenceError: no such owner.
        """
        for owner in self.owners:
            if owner.id == owner_id:
                return owner
        raise UnknownReferenceError(
            f"owner {owner_id!r} is not in the register",
            kind="owner",
            id=owner_id,
            referrer="estate",
        )

    def restrict(
        self, units: Iterable[str] | None = None, *, buildings: Iterable[str] | None = None
    ) -> Estate:
        """The register restricted to a scope: some units, some buildings, or both (a union).

        Used for decisions and elections of the owners concerned (a building, a unit, a floor;
        Shanghai Residential Property Management Provisions Arts. 35 and 69): persons are
        counted again within the scope, so an owner with flats in two buildings is one person
        in each building's vote, and nobody outside the scope is counted.

        Args:
            units: Unit ids in the scope.
            buildings: Building labels whose units are all in the scope.

        Returns:
            A new, fully validated estate with the scoped units in register order and only
            their owners, its persons counted within the scope.

        Raises:
            ScopeError: ``units`` or ``buildings`` is a string or not an iterable of strings,
                or a building has no unit.
            UnknownUnitError: a unit id is not in the register.
            EmptyEstateError: the scope is empty.
        """
        ids, blocks = scope_ids(units, "units"), scope_ids(buildings, "buildings")
        positions = self._scope_positions(ids, blocks)
        if not positions:
            raise EmptyEstateError(
                f"the scope selects no unit (units={list(ids)!r:.80}, "
                f"buildings={list(blocks)!r:.80}): a scope needs at least one unit"
            )
        kept = [self.units[i] for i in positions]
        held = {owner for unit in kept for owner in unit.owners}
        owners = [owner for owner in self.owners if owner.id in held]
        return Estate(units=kept, owners=owners, name=self.name, counting=self.counting)

    def _scope_positions(self, ids: tuple[str, ...], buildings: tuple[str, ...]) -> list[int]:
        """Positions of the units named or in the buildings named, ascending."""
        looked_up = list(map(self._index.get, ids))
        if None in looked_up:
            self.unit_position(ids[looked_up.index(None)])  # raises UnknownUnitError
        wanted = set(cast("list[int]", looked_up))
        codes = {name: code for code, name in enumerate(self._grouping.buildings)}
        building_of = self._grouping.building_of
        for building in buildings:
            code = codes.get(building)  # every known building has a unit
            if code is None:
                raise ScopeError(
                    f"building {building!r} has no unit in the register",
                    field="buildings",
                    value=building,
                )
            wanted.update(compress(range(len(building_of)), map(eq, building_of, repeat(code))))
        return sorted(wanted)

    # ------------------------------------------------------------------ counting

    @property
    def total_area(self) -> Exact:
        """Total exclusive area (sum of the units' areas, SPC interpretation Art. 8)."""
        grouping = self._grouping
        return normalise(Fraction(sum(grouping.person_area), grouping.scale))

    @property
    def counted_persons(self) -> int:
        """Number of counted persons (SPC interpretation Art. 9)."""
        return len(self._grouping.keys)

    @property
    def persons(self) -> Persons:
        """Every counted person with its units, area and reason, in register order.

        An immutable sequence: ``persons[i]`` builds person ``i`` from the grouping made with
        the estate, so looking up one person does not build them all.
        """
        return Persons(self)

    @property
    def overlaps(self) -> tuple[Overlap, ...]:
        """Owners split across persons (``SEPARATE``) or merged groups (``MERGE``)."""
        if not self._grouping.overlaps:
            return ()
        persons = self.persons
        return tuple(
            Overlap(owner, tuple(persons[p].label for p in indices), self.counting.overlap)
            for owner, indices in self._grouping.overlaps
        )

    @property
    def developer_person(self) -> int | None:
        """Index of the counted person of the developer's stock (SPC interpretation Art. 9).

        ``None`` when no unit is unsold or sold but undelivered and no developer owns a unit.
        """
        developer = self._grouping.developer
        return None if developer < 0 else developer

    @property
    def developer_entities(self) -> tuple[str, ...]:
        """Owner ids of developer kind that hold units (counted together as one person)."""
        return self._grouping.developer_entities

    def person_of(self, unit_id: str) -> Person:
        """Return the counted person a unit belongs to.

        Raises:
            UnknownUnitError: no such unit.
        """
        return self.person(self._grouping.person_of[self.unit_position(unit_id)])

    def person(self, index: int) -> Person:
        """Return counted person ``index`` (``0 <= index < counted_persons``).

        Raises:
            IndexError: no such person.
        """
        grouping = self._grouping
        if not 0 <= index < len(grouping.keys):
            raise IndexError(f"person index {index} out of range 0..{len(grouping.keys) - 1}")
        units = [self.units[position] for position in self._members.of(index)]
        owner_ids = tuple(sorted({oid for unit in units for oid in unit.owners}))
        key = grouping.keys[index]
        if key == DEVELOPER_KEY:
            reason, label = CountingReason.DEVELOPER, "developer"
        elif index in grouping.merged:
            reason, label = CountingReason.MERGED_OVERLAP, "+".join(owner_ids)
        elif len(owner_ids) > 1:
            reason, label = CountingReason.CO_OWNED, "+".join(owner_ids)
        elif len(units) > 1:
            reason, label = CountingReason.MULTI_UNIT_OWNER, owner_ids[0]
        else:
            reason, label = CountingReason.SINGLE_UNIT, owner_ids[0]
        area = normalise(Fraction(grouping.person_area[index], grouping.scale))
        return Person(index, label, owner_ids, tuple(u.id for u in units), area, reason)

    def person_label(self, index: int) -> str:
        """The label of counted person ``index``, as `person` gives it, without building it.

        ``"developer"`` for the developer's stock, the owner id of a single owner, the owner
        ids joined by ``+`` for co-owned units and merged owner sets (a person's key holds
        them sorted). For notices that name a few persons among many.

        Raises:
            IndexError: no such person.
        """
        keys = self._grouping.keys
        if not 0 <= index < len(keys):
            raise IndexError(f"person index {index} out of range 0..{len(keys) - 1}")
        key = keys[index]
        if key is DEVELOPER_KEY:
            return "developer"
        return key if isinstance(key, str) else "+".join(key)

    def grouping(self, unit_ids: Iterable[str] | None = None) -> tuple[Person, ...]:
        """Show how a set of units is counted: the persons they belong to, and why.

        Args:
            unit_ids: Units to look at; all units when ``None``.

        Returns:
            The distinct persons holding those units, in order of first appearance.

        Raises:
            UnknownUnitError: a unit id is not in the register.
        """
        if unit_ids is None:
            return tuple(self.persons)
        positions = [self.unit_position(unit_id) for unit_id in unit_ids]
        person_of = self._grouping.person_of
        seen: dict[int, None] = {}
        for position in positions:
            seen.setdefault(person_of[position], None)
        return tuple(self.person(index) for index in seen)

    @property
    def person_index(self) -> PersonIndex:
        """The grouping in compact integer form (built with the estate, immutable).

        For engines that count ballots: unit positions, each unit's person index, and each
        person's area as an exact integer in units of ``1/scale`` m².
        """
        return self._person_index

    @property
    def unit_person(self) -> Mapping[str, int]:
        """Unit id → counted-person index (read-only; for ballot loops).

        Built on first use and kept beside the estate (by identity, dropped with it), not
        inside the value: most estates are counted through `person_index`.
        """
        key = id(self)
        entry = _UNIT_PERSON.get(key)
        if entry is not None and entry[0]() is self:
            return entry[1]
        found = MappingProxyType(dict(zip(self._index, self._grouping.person_of, strict=True)))
        kept = _UNIT_PERSON  # held by the callback, which may run while the interpreter shuts down
        _UNIT_PERSON[key] = (weakref.ref(self, lambda _ref: kept.pop(key, None)), found)
        return found

    def __repr__(self) -> str:
        """One line: name, units, owners, total area and counted persons."""
        return (
            f"<Estate {self.name or '(unnamed)'!r}: {len(self.units)} units, "
            f"{len(self.owners)} owners, {area_text(self.total_area)} m², "
            f"{self.counted_persons} counted persons>"
        )

    def describe(self, lang: str = "en") -> str:
        """The register in ``"en"`` or ``"zh"``: units, owners, area and counted persons.

        Then how many persons each counting rule gave (with its article), and every overlap.

        Chinese: ``"某小区：专有部分3个，业主3名，专有部分面积合计300.00平方米，业主人数计为3人"``.
        """
        lang = language(lang)
        zh = lang == "zh"
        reasons: dict[CountingReason, int] = {}
        for person in self.persons:
            reasons[person.reason] = reasons.get(person.reason, 0) + 1
        area = area_text(self.total_area)
        if zh:
            lines = [
                f"{self.name or '本物业管理区域'}：专有部分{len(self.units)}个，"
                f"业主{len(self.owners)}名，专有部分面积合计{area}平方米，"
                f"业主人数计为{self.counted_persons}人"
            ]
            lines += [
                f"  {_REASON_ZH[reason]}：{count}人（{reason.citation.format('zh')}）"
                for reason, count in reasons.items()
            ]
        else:
            lines = [
                f"{self.name or 'Estate'}: {len(self.units)} units, {len(self.owners)} owners, "
                f"{area} m², {self.counted_persons} counted persons"
            ]
            lines += [
                f"  {reason.value}: {count} ({reason.citation.format()})"
                for reason, count in reasons.items()
            ]
        return "\n".join(lines + [f"  {overlap.describe(lang)}" for overlap in self.overlaps])

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The one-line repr for IPython and hypothesis's falsifying-example reports."""
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        """The persons as a table: label, units, area, why one person, and the source."""
        rows = [
            (p.label, ", ".join(p.units), area_text(p.area), p.reason.value, p.citation.format())
            for p in self.persons
        ]
        caption = (
            f"{self.name or 'Estate'}: {len(self.units)} units, {area_text(self.total_area)} m², "
            f"{self.counted_persons} counted persons"
        )
        return html_table(
            caption,
            ["person", "units", "area m²", "why one person", "source"],
            rows,
            footer=[overlap.describe() for overlap in self.overlaps],
        )


_REASON_ZH = {
    CountingReason.SINGLE_UNIT: "一个专有部分按一人计算",
    CountingReason.MULTI_UNIT_OWNER: "同一业主拥有一个以上专有部分的，按一人计算",
    CountingReason.CO_OWNED: "共有一个专有部分的业主，按一人计算",
    CountingReason.DEVELOPER: "建设单位尚未出售和虽已出售但尚未交付的部分，按一人计算",
    CountingReason.MERGED_OVERLAP: "业主集合重叠的专有部分合并后按一人计算",
}


#: Unit id → person index of each live estate asked for it, by identity (see `unit_person`).
_UNIT_PERSON: dict[int, tuple[weakref.ref[Estate], Mapping[str, int]]] = {}


@attrs.frozen(slots=True)
class _Members:
    """Unit positions of each counted person: the first unit, plus the rest for multi-unit ones."""

    first: tuple[int, ...]
    rest: Mapping[int, tuple[int, ...]]

    def of(self, person: int) -> tuple[int, ...]:
        return self.rest.get(person) or (self.first[person],)


def _members(grouping: Grouping) -> _Members:
    """The members as the grouping recorded them (its first unit, and all units of the rest)."""
    rest = grouping.rest
    return _Members(
        tuple(grouping.first),
        MappingProxyType({person: tuple(units) for person, units in rest.items()}),
    )


class Persons(Sequence[Person]):
    """The counted persons of an estate, as an immutable sequence built on demand.

    ``persons[i]`` is `Estate.person(i)`; it
    compares equal to any sequence of the same persons (a tuple, for instance).
    """

    __slots__ = ("_estate",)

    def __init__(self, estate: Estate) -> None:
        self._estate = estate

    def __len__(self) -> int:
        return self._estate.counted_persons

    @overload
    def __getitem__(self, index: int) -> Person: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Person, ...]: ...

    def __getitem__(self, index: int | slice) -> Person | tuple[Person, ...]:
        if isinstance(index, slice):
            return tuple(self._estate.person(i) for i in range(len(self))[index])
        return self._estate.person(index + len(self) if index < 0 else index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Persons | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Persons of {self._estate.name or 'an estate'}: {len(self)} counted persons>"
