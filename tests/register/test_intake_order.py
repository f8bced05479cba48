"""`Estate.from_records` and `Estate` name the first offending row, unit or owner.

Ids, owner references and unsold stock are checked once per owner; on a failure the register
is walked in order, so the error is the one a unit-by-unit loop would raise first.
"""

from __future__ import annotations

import gc
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance.exceptions import (
    DuplicateIdError,
    InvalidChoiceError,
    InvalidRecordError,
    UnknownReferenceError,
)
from community_governance.register import CountingPolicy, OwnerKind, UnitStatus


def test_first_duplicate_unit_and_owner_are_named() -> None:
    rows = [
        {"unit": "a", "area": "1", "owners": ["x"]},
        {"unit": "b", "area": "1", "owners": ["y"]},
        {"unit": "b", "area": "1", "owners": ["y"]},
        {"unit": "a", "area": "1", "owners": ["x"]},
    ]
    with pytest.raises(DuplicateIdError) as caught:
        cg.Estate.from_records(rows)
    assert caught.value.id == "b"
    owners = [cg.Owner("x"), cg.Owner("y"), cg.Owner("y"), cg.Owner("x")]
    with pytest.raises(DuplicateIdError) as caught:
        cg.Estate.from_records(rows[:2], owners=owners)
    assert caught.value.id == "y"


def test_first_bad_reference_in_register_order() -> None:
    units = [
        cg.Unit("a", "1", ["x"]),
        cg.Unit("b", "1", ["p"], status="unsold"),
        cg.Unit("c", "1", ["ghost"]),
    ]
    owners = [cg.Owner("x"), cg.Owner("p")]
    with pytest.raises(InvalidRecordError, match="unit b is unsold") as caught:
        cg.Estate(units=units, owners=owners)
    assert caught.value.row == 1
    with pytest.raises(UnknownReferenceError) as unknown:
        cg.Estate(units=[units[0], units[2], units[1]], owners=owners)
    assert (unknown.value.id, unknown.value.referrer) == ("ghost", "c")


def test_stray_owner_is_named() -> None:
    with pytest.raises(InvalidRecordError, match="'z' holds no unit"):
        cg.Estate(units=[cg.Unit("a", "1", ["x"])], owners=[cg.Owner("x"), cg.Owner("z")])


def test_row_without_id_reports_its_bad_field_first() -> None:
    with pytest.raises(InvalidChoiceError, match="row 0"):
        cg.Estate.from_records([{"area": "1", "owners": ["x"], "status": "bogus"}])
    with pytest.raises(InvalidRecordError, match="row 0"):
        cg.Estate.from_records([{"area": "1", "owners": ["x"], "building": "1"}])


def test_missing_field_names_the_row() -> None:
    with pytest.raises(InvalidRecordError, match="missing 'area'"):
        cg.Estate.from_records([{"unit": "a", "owners": ["x"]}])
    with pytest.raises(InvalidRecordError, match="missing 'owners'"):
        cg.Estate.from_records([{"unit": "a", "area": "1"}])


def test_owner_lists_of_every_kind() -> None:
    class Ids(list[str]):
        pass

    estate = cg.Estate.from_records(
        [
            {"unit": "a", "area": "1", "owners": ("x", "y")},
            {"unit": "b", "area": "1", "owners": Ids(["z"])},
            {"unit": "c", "area": "1", "owners": "w"},
        ]
    )
    assert [unit.owners for unit in estate.units] == [("x", "y"), ("z",), ("w",)]


def _reference_owners(units: tuple[cg.Unit, ...]) -> list[cg.Owner]:
    """The owners inferred unit by unit, as `from_records` did before owners were batched."""
    inferred: dict[str, cg.Owner] = {}
    for unit in units:
        for owner_id in unit.owners:
            kind = OwnerKind.DEVELOPER if unit.status is UnitStatus.UNSOLD else None
            current = inferred.get(owner_id)
            if current is None or (kind and current.kind is not kind):
                inferred[owner_id] = cg.Owner(owner_id, kind or OwnerKind.PERSON)
    return list(inferred.values())


AREAS = st.sampled_from(["1.5", "2", Decimal("1.50"), Decimal("3.0000"), Fraction(1, 3), 7])
ROWS = st.lists(
    st.tuples(
        AREAS,
        st.lists(st.sampled_from("abcdef"), min_size=1, max_size=3, unique=True),
        st.sampled_from(["delivered", "unsold", "sold-undelivered"]),
    ),
    min_size=1,
    max_size=12,
)


@given(ROWS, st.sampled_from(["separate", "merge"]))
def test_batched_intake_matches_the_unit_loop(
    rows: list[tuple[object, list[str], str]], overlap: str
) -> None:
    records = [
        {"unit": f"u{i}", "area": area, "owners": owners, "status": status}
        for i, (area, owners, status) in enumerate(rows)
    ]
    counting = CountingPolicy(overlap=overlap)
    estate = cg.Estate.from_records(records, counting=counting)
    units = tuple(cg.Unit(f"u{i}", a, o, status=s) for i, (a, o, s) in enumerate(rows))
    assert estate.units == units
    assert [str(unit.area) for unit in estate.units] == [str(unit.area) for unit in units]
    assert list(estate.owners) == _reference_owners(units)
    person_of, areas = _reference_grouping(units, overlap == "merge")
    index = estate.person_index
    assert list(index.person_of) == person_of
    assert [Fraction(a, index.scale) for a in index.person_area] == areas
    assert Fraction(index.total_area, index.scale) == sum(areas)
    assert dict(index.multi_unit) == {
        p: person_of.count(p) for p in set(person_of) if person_of.count(p) > 1
    }
    for person in range(estate.counted_persons):
        units_of = [u.id for u, p in zip(units, person_of, strict=True) if p == person]
        assert estate.person(person).units == tuple(units_of)
        assert estate.person_label(person) == estate.person(person).label


def _reference_grouping(
    units: tuple[cg.Unit, ...], merge: bool
) -> tuple[list[int], list[Fraction]]:
    """Person of each unit and scaled area of each person, by the plain unit-by-unit loop."""
    developers = {o for u in units if u.status is UnitStatus.UNSOLD for o in u.owners}
    parent: dict[str, str] = {}

    def find(owner: str) -> str:
        while parent.setdefault(owner, owner) != owner:
            owner = parent[owner]
        return owner

    def developer_held(unit: cg.Unit) -> bool:
        return unit.status is not UnitStatus.DELIVERED or set(unit.owners) <= developers

    for unit in units:
        if not developer_held(unit):
            for other in unit.owners[1:]:
                parent[find(other)] = find(unit.owners[0])
    keys: dict[object, int] = {}
    person_of: list[int] = []
    person_area: list[Fraction] = []
    for unit in units:
        if developer_held(unit):
            key: object = "developer-key"
        elif merge:
            key = ("root", find(unit.owners[0]))
        else:
            key = tuple(sorted(unit.owners))
        person = keys.setdefault(key, len(keys))
        if person == len(person_area):
            person_area.append(Fraction(0))
        person_of.append(person)
        person_area[person] += Fraction(unit.area)
    return person_of, person_area


def test_person_label_out_of_range() -> None:
    estate = cg.Estate.from_records([{"unit": "a", "area": "1", "owners": ["x"]}])
    assert estate.person_label(0) == "x"
    for index in (-1, 1):
        with pytest.raises(IndexError):
            estate.person_label(index)


def test_status_spellings_parsed_once_still_refuse_bad_cells() -> None:
    rows = [
        {"unit": "a", "area": "1", "owners": ["d"], "status": "unsold"},
        {"unit": "b", "area": "1", "owners": ["d"], "status": " Unsold "},
        {"unit": "c", "area": "1", "owners": ["d"], "status": "unsold", "use": "parking"},
        {"unit": "e", "area": "1", "owners": ["x"], "status": cg.UnitStatus.DELIVERED},
    ]
    estate = cg.Estate.from_records(rows)
    assert [u.status for u in estate.units] == [UnitStatus.UNSOLD] * 3 + [UnitStatus.DELIVERED]
    for bad in (["unsold"], "nope"):
        with pytest.raises(InvalidChoiceError, match="row 4"):
            cg.Estate.from_records(
                [*rows, {"unit": "f", "area": "1", "owners": "x", "status": bad}]
            )


@pytest.mark.parametrize("enabled", [True, False])
def test_from_records_restores_the_garbage_collector(enabled: bool) -> None:
    """The collector is paused while the register is built and left as it was, on errors too."""
    rows = [{"unit": "1-101", "area": "80", "owners": ["a"]}]
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        assert cg.Estate.from_records(rows).counted_persons == 1
        assert gc.isenabled() is enabled
        with pytest.raises(InvalidRecordError):
            cg.Estate.from_records([{"unit": "1-101", "area": "80"}])
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
