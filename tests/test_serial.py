"""The shared converter: schema checks and exact values in plain data."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.serial import _at, converter, dump, load


def test_dump_stamps_schema_and_uses_strings() -> None:
    unit = cg.Unit("1-101", "1/3", ["Li"])
    data = dump(unit, "x/1")
    assert data["schema"] == "x/1"
    assert data["area"] == "1/3"
    assert json.loads(json.dumps(data)) == data
    assert load(cg.Unit, data, "x/1") == unit


def test_citation_dates_round_trip() -> None:
    cite = cg.Citation("civil_code", "278", effective=date(2021, 1, 1))
    data = dump(cite, "c/1")
    assert data["effective"] == "2021-01-01"
    assert load(cg.Citation, data, "c/1") == cite


def test_load_refuses_other_schema_and_bad_data() -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match="'y/1' is not 'x/1'") as info:
        load(cg.Unit, {"schema": "y/1"}, "x/1")
    assert info.value.field == "schema"
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"\$\.area") as bad:
        load(cg.Unit, {"schema": "x/1", "id": "1", "area": "abc", "owners": ["Li"]}, "x/1")
    assert (bad.value.field, bad.value.value) == ("area", "abc")  # the item that does not fit
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"extra fields found") as extra:
        load(cg.Unit, {"schema": "x/1", "id": "1", "area": "1", "owners": ["Li"], "x": 1}, "x/1")
    assert extra.value.field == "*"  # the record itself


@pytest.mark.parametrize("owners", ["Li", b"Li", {"Li": 1}, 7])
def test_load_refuses_a_string_or_mapping_for_a_list(owners: object) -> None:
    """A string is iterable: without the check "Li" would load as the owners L and i."""
    data = cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["Li"]}]).to_dict()
    data["units"][0]["owners"] = owners
    with pytest.raises(cg.exceptions.InvalidDataError, match="is not a list") as bad:
        cg.Estate.from_dict(data)
    assert (bad.value.field, bad.value.value) == ("units[0].owners", owners)


@pytest.mark.parametrize("owners", [["Li"], ("Li",)])
def test_load_reads_a_list_or_tuple_for_a_list(owners: object) -> None:
    data = cg.Unit("1", "1", ["Li"]).to_dict()
    data["owners"] = owners
    assert cg.Unit.from_dict(data).owners == ("Li",)


@pytest.mark.parametrize("kind", [frozenset[str], set[str], tuple[str, ...], list[str]])
def test_every_collection_refuses_a_string(kind: object) -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match="is not a list"):
        converter.structure("ab", kind)
    assert sorted(converter.structure(["a", "b"], kind)) == ["a", "b"]


def test_load_names_the_record_for_an_error_outside_the_converter() -> None:
    data = dump(cg.Citation("civil_code", "278"), "c/1")
    data["uncertain"] = ["no such detail"]
    with pytest.raises(cg.exceptions.InvalidDataError, match="no such detail") as bad:
        load(cg.Citation, data, "c/1")
    assert bad.value.field == "*"


def test_load_names_the_public_class_and_an_unreachable_path() -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"^Case\.from_dict: schema"):
        load(cg.Unit, {"schema": "y/1"}, "x/1", what="Case")
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"^Case\.from_dict: data must"):
        load(cg.Unit, [], "x/1", what="Case")  # type: ignore[arg-type]
    assert _at({"a": [1]}, "a[3].b") == [1]  # a path into what did not fit: its last item
    assert _at({"a": 1}, "a.b") == 1


def test_load_reports_domain_errors_raised_while_building() -> None:
    data = cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["Li"]}]).to_dict()
    data["owners"] = []
    with pytest.raises(cg.exceptions.InvalidDataError, match="unknown owner 'Li'"):
        cg.Estate.from_dict(data)
    data = cg.Unit("1", "1", ["Li"]).to_dict()
    data["area"] = "-1"
    with pytest.raises(cg.exceptions.InvalidDataError, match="must be positive"):
        cg.Unit.from_dict(data)


def test_decision_dict_has_derived_figures() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "1/3", "owners": [f"O{n}"]} for n in range(3)]
    )
    decision = cg.decide(
        estate,
        [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "oppose")],
        matter="elect-committee",
        rules=cg.rules_for("CN", on=date(2022, 1, 1)),
    )
    data = decision.to_dict()
    assert data["schema"] == "community_governance.decision/1"
    quorum_area = data["checks"][0]
    assert quorum_area["numerator"] == "2/3"
    assert quorum_area["denominator"] == "1"
    assert quorum_area["actual"] == "2/3"
    assert quorum_area["required"] == "2/3"
    assert quorum_area["margin"] == "0"
    assert quorum_area["minimum_heads"] is None
    assert data["checks"][1]["minimum_heads"] == 2
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert cg.Decision.from_dict(data) == decision
    empty = cg.decide(
        estate, [], matter="elect-committee", rules=cg.rules_for("CN", on=date(2022, 1, 1))
    )
    assert empty.to_dict()["checks"][2]["actual"] is None
    assert cg.Decision.from_dict(empty.to_dict()) == empty
    assert Fraction(data["tally"]["total"]["area"]) == 1
    assert data["tally"]["agree"]["area"] == "1/3"


@pytest.mark.parametrize(
    "value", ["2025-13-01", "20250902", "2025-W36-2", 20250902.0, 20250902, None, "9" * 10_000]
)
def test_a_day_is_only_the_text_to_dict_writes(value: object) -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"is not a day \(YYYY-MM-DD\)"):
        converter.structure(value, date)
    assert converter.structure("2025-09-02", date) == date(2025, 9, 2)
