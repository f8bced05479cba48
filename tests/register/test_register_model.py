"""Owners, units and estates as values: construction, spellings, round trips, immutability."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import community_governance as cg
from community_governance._base.enums import parse_enum


def test_owner_defaults_and_spellings() -> None:
    owner = cg.Owner("Li")
    assert (owner.kind, owner.capacity, owner.name) == (
        cg.OwnerKind.PERSON,
        cg.register.CivilCapacity.UNKNOWN,
        "",
    )
    assert cg.Owner("X", "Developer").kind is cg.OwnerKind.DEVELOPER
    assert cg.Owner("X", cg.OwnerKind.ORGANISATION).kind is cg.OwnerKind.ORGANISATION
    assert cg.Owner("X", capacity="LIMITED").capacity is cg.register.CivilCapacity.LIMITED


@pytest.mark.parametrize(
    ("value", "member"),
    [
        ("sold-undelivered", cg.UnitStatus.SOLD_UNDELIVERED),
        ("SOLD_UNDELIVERED", cg.UnitStatus.SOLD_UNDELIVERED),
        (" sold undelivered ", cg.UnitStatus.SOLD_UNDELIVERED),
        ("Unsold", cg.UnitStatus.UNSOLD),
        (cg.UnitStatus.DELIVERED, cg.UnitStatus.DELIVERED),
    ],
)
def test_parse_enum_accepts_value_name_and_member(value: object, member: cg.UnitStatus) -> None:
    assert parse_enum(cg.UnitStatus, value, what="status") is member


def test_parse_enum_refuses_other_types() -> None:
    with pytest.raises(cg.exceptions.InvalidChoiceError, match="status: 3") as info:
        parse_enum(cg.UnitStatus, 3, what="status")
    assert info.value.allowed == ("delivered", "sold-undelivered", "unsold")


def test_unit_fields_and_defaults() -> None:
    unit = cg.Unit("12-1403", "89.37", "Li")
    assert unit.area == Decimal("89.37")
    assert unit.owners == ("Li",)
    assert unit.building == "12"
    assert unit.area_source is cg.register.AreaSource.REGISTER
    assert unit.status is cg.UnitStatus.DELIVERED
    assert unit.use is cg.register.UnitUse.RESIDENTIAL
    assert cg.Unit("P17", 12, ["Li"], building="garage").building == "garage"
    assert cg.Unit("P17", 12, ["Li"]).building == "P17"
    unit = cg.Unit("1", Fraction(1, 4), ("A", "B"), area_source="survey", use="parking")
    assert unit.area == Decimal("0.25")
    assert unit.area_source is cg.register.AreaSource.SURVEY
    assert unit.use is cg.register.UnitUse.PARKING


def test_status_knows_who_counts_the_unit() -> None:
    assert not cg.UnitStatus.DELIVERED.developer_held
    assert cg.UnitStatus.SOLD_UNDELIVERED.developer_held
    assert cg.UnitStatus.UNSOLD.developer_held


def test_values_are_frozen() -> None:
    unit = cg.Unit("1-101", "1", ["Li"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        unit.area = Decimal(2)  # type: ignore[misc]
    changed = attrs.evolve(unit, area="2.50")
    assert changed.area == Decimal("2.50")
    assert unit.area == 1
    with pytest.raises(cg.exceptions.AreaTypeError):
        attrs.evolve(unit, area=2.5)


def test_from_records_accepts_id_key_declared_owners_and_mappings() -> None:
    estate = cg.Estate.from_records(
        [
            {"id": "1-101", "area": Decimal("10.5"), "owners": "Li"},
            {"unit": "1-102", "area": 3, "owners": ("Corp",), "use": "commercial"},
        ],
        owners=[cg.Owner("Li", capacity="full"), {"id": "Corp", "kind": "organisation"}],
        name="Garden",
    )
    assert estate.name == "Garden"
    assert [unit.id for unit in estate.units] == ["1-101", "1-102"]
    assert estate.owner("Li").capacity is cg.register.CivilCapacity.FULL
    assert estate.owner("Corp").kind is cg.OwnerKind.ORGANISATION
    assert estate.unit("1-102").use is cg.register.UnitUse.COMMERCIAL
    assert estate.unit_position("1-102") == 1


def test_from_records_shares_equal_areas_without_changing_them() -> None:
    estate = cg.Estate.from_records(
        [{"unit": str(n), "area": "89.37", "owners": [f"O{n}"]} for n in range(3)]
        + [{"unit": "x", "area": Decimal("89.37"), "owners": ["Ox"]}]
    )
    areas = [unit.area for unit in estate.units]
    assert areas == [Decimal("89.37")] * 4
    assert areas[0] is areas[1] is areas[2]


def test_from_records_does_not_mutate_rows() -> None:
    rows = [
        {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
        {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
    ]
    before = copy.deepcopy(rows)
    cg.Estate.from_records(rows)
    assert rows == before


def test_from_records_accepts_any_iterable() -> None:
    rows = ({"unit": f"1-{n}", "area": "1", "owners": ["Li"]} for n in range(3))
    assert cg.Estate.from_records(rows).counted_persons == 1


def test_round_trips() -> None:
    owner = cg.Owner("Dev", "developer", "full", "Developer Ltd")
    assert cg.Owner.from_dict(owner.to_dict()) == owner
    assert owner.to_dict()["schema"] == "community_governance.owner/1"
    unit = cg.Unit(
        "1-101", "1/3", ["Li", "Wang"], status="sold-undelivered", area_source="contract"
    )
    data = unit.to_dict()
    assert data["area"] == "1/3"
    assert data["owners"] == ["Li", "Wang"]
    assert cg.Unit.from_dict(data) == unit
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Dev"], "status": "unsold"},
        ],
        counting=cg.register.CountingPolicy(cg.register.OverlapPolicy.MERGE),
        name="Garden",
    )
    data = estate.to_dict()
    assert json.loads(json.dumps(data)) == data
    back = cg.Estate.from_dict(data)
    assert back == estate
    assert back.persons == estate.persons
    assert back.counting.overlap is cg.register.OverlapPolicy.MERGE


def test_estate_equality_ignores_caches() -> None:
    rows = [{"unit": "1-101", "area": "89.37", "owners": ["Li"]}]
    first, second = cg.Estate.from_records(rows), cg.Estate.from_records(rows)
    assert len(first.persons) == 1
    assert first == second
