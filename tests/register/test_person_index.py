"""The estate's public, immutable counting view (issue 7) and its one-line repr."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import community_governance as cg
from community_governance.register import PersonIndex, count_scope
from community_governance.register._grouping import _typecode


def estate() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "1/3", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.1", "owners": ["Li"]},
            {"unit": "3-101", "area": "88", "owners": ["Dev"], "status": "unsold"},
        ],
        name="Garden",
    )


def test_person_index_describes_the_grouping() -> None:
    e = estate()
    people = e.person_index
    assert isinstance(people, PersonIndex)
    assert people.positions == {"1-101": 0, "1-102": 1, "2-301": 2, "3-101": 3}
    assert list(people.person_of) == [0, 1, 0, 2]
    assert people.person_of[people.positions["2-301"]] == 0
    assert people.heads == e.counted_persons == 3
    assert people.multi_unit == {0: 2}
    assert people.scale == 300
    assert people.total_area == sum(people.person_area)
    assert people.total_area == e.total_area * people.scale
    for person in e.persons:
        assert people.person_area[person.index] == person.area * people.scale


def test_person_index_is_frozen_in_fact() -> None:
    people = estate().person_index
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        people.scale = 1  # type: ignore[misc]
    for mapping in (people.positions, people.multi_unit):
        with pytest.raises(TypeError):
            mapping["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        people.person_of[0] = 1  # type: ignore[index]
    assert isinstance(people.person_area, tuple)


def test_estate_repr_is_one_line() -> None:
    e = estate()
    assert repr(e) == "<Estate 'Garden': 4 units, 4 owners, ≈272.80 m², 3 counted persons>"
    assert repr(cg.Estate.from_records([{"unit": "1", "area": "1", "owners": "A"}])) == (
        "<Estate '(unnamed)': 1 units, 1 owners, 1.00 m², 1 counted persons>"
    )


def test_unit_person_is_built_once_per_estate() -> None:
    e = estate()
    first = e.unit_person
    assert first is e.unit_person  # kept beside the estate, not rebuilt
    assert first == {"1-101": 0, "1-102": 1, "2-301": 0, "3-101": 2}
    assert estate().unit_person == first  # an equal estate has its own, equal map


@pytest.mark.parametrize(
    ("area", "scale", "total"),
    [
        (Decimal("1E+2"), 100, Decimal("100.25")),  # scientific spelling, whole square metres
        (Decimal("1.50"), 100, Decimal("1.75")),  # places as written
        (Decimal("7"), 100, Decimal("7.25")),
    ],
)
def test_area_scale_follows_each_spelling(area: Decimal, scale: int, total: Decimal) -> None:
    e = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": area, "owners": ["Li"]},
            {"unit": "1-102", "area": "0.25", "owners": ["Wang"]},
        ]
    )
    assert e.person_index.scale == scale
    assert e.total_area == total


def test_building_numbers_take_the_smallest_array_type_on_both_sides_of_each_bound() -> None:
    assert [_typecode(n) for n in (1, 256, 257, 65_536, 65_537)] == ["B", "B", "H", "H", "I"]
    rows = [{"unit": f"{b}-1", "area": "10", "owners": [f"o{b}"]} for b in range(257)]
    estate = cg.Estate.from_records(rows)
    assert estate._grouping.building_of.typecode == "H"  # type: ignore[attr-defined]
    assert count_scope(estate, ["256-1", "0-1"]).buildings == ("0", "256")
