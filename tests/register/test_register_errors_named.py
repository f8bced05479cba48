"""A row's error names its context once (the row, the field and the value)."""

from __future__ import annotations

import pytest

import community_governance as cg
from community_governance.exceptions import InvalidChoiceError, InvalidRecordError


def test_a_bad_row_is_named_once() -> None:
    with pytest.raises(InvalidRecordError) as error:
        cg.Estate.from_records([{"unit": "1", "area": "1", "owners": []}])
    text = str(error.value)
    assert text == "row 0: unit 1 has no owners [row=0, field='owners', value=()]"
    with pytest.raises(InvalidChoiceError) as choice:
        cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["a"], "status": "bogus"}])
    assert str(choice.value).count("[value='bogus'") == 1
    assert str(choice.value).startswith("row 0 (unit 1): unit status: 'bogus' is not one of")


@pytest.mark.parametrize("building", [1.0, 3, None, True, ["3"]])
def test_a_building_label_that_is_not_a_string_is_refused(building: object) -> None:
    """A pandas column of building numbers with one null arrives as floats (1.0)."""
    row = {"unit": "1-101", "area": "1", "owners": ["a"], "building": building}
    with pytest.raises(InvalidRecordError) as error:
        cg.Estate.from_records([row])
    assert (error.value.row, error.value.field, error.value.value) == (0, "building", building)
    assert "building must be a string label" in error.value.message


@pytest.mark.parametrize(("building", "kept"), [("3", "3"), ("", "1"), ("三号楼", "三号楼")])
def test_a_building_label_is_a_string_or_defaults_to_the_id_prefix(
    building: str, kept: str
) -> None:
    unit = cg.Unit("1-101", "1", ["a"], building=building)
    assert unit.building == kept


@pytest.mark.parametrize("name", [5, None, b"Garden", ["Garden"]])
def test_an_estate_name_that_is_not_a_string_is_refused(name: object) -> None:
    with pytest.raises(InvalidRecordError) as error:
        cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["a"]}], name=name)  # type: ignore[arg-type]
    assert (error.value.field, error.value.value) == ("name", name)
    named = cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["a"]}], name="花园")
    assert named.name == "花园"
