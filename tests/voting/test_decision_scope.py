"""DecisionScope on its own: its validation, its words, and the scoped notice kept honest on load.

Scenarios the mutation run of December 2026 found missing (scripts/mutation.sh voting.decision).
"""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.exceptions import DerivedFactMismatchError, InvalidDataError
from community_governance.voting.decision import DecisionScope

CN = cg.rules_for("CN", on=date(2024, 5, 1))


@pytest.mark.parametrize("units", [1, 2, 250])
def test_a_scope_of_one_unit_or_more_is_accepted(units: int) -> None:
    assert DecisionScope(units, ["3"]).units == units


@pytest.mark.parametrize("units", [0, -1, "2", True, 2.0])
def test_a_scope_without_a_positive_whole_number_of_units_is_refused(units: object) -> None:
    with pytest.raises(InvalidDataError) as caught:
        DecisionScope(units, ["3"])  # type: ignore[arg-type]
    assert str(caught.value).startswith(
        f"DecisionScope.units must be a positive int, not {units!r}"
    )
    assert (caught.value.field, caught.value.value) == ("units", units)


@pytest.mark.parametrize("buildings", ["3", ("3", 4), None, {"3"}])
def test_buildings_must_be_a_tuple_or_list_of_strings(buildings: object) -> None:
    with pytest.raises(InvalidDataError) as caught:
        DecisionScope(2, buildings)  # type: ignore[arg-type]
    message = f"DecisionScope.buildings must be a tuple of strings, not {buildings!r}"
    assert str(caught.value).startswith(message)
    assert caught.value.field == "buildings"
    assert caught.value.value == buildings


def test_buildings_given_as_a_list_are_kept_as_a_tuple() -> None:
    assert DecisionScope(2, ["3", "4"]).buildings == ("3", "4")


def test_describe_one_unit_without_a_building_and_many_units() -> None:
    one = DecisionScope(1, [""])
    assert one.describe() == "1 unit in building(s) -"
    assert one.describe("zh") == "-号楼的1个专有部分"
    two = DecisionScope(2, ["3"])
    assert two.describe() == "2 units in building(s) 3"
    assert two.describe("zh") == "3号楼的2个专有部分"


def test_describe_names_ten_buildings_then_counts_the_rest() -> None:
    ten = DecisionScope(12, [str(b) for b in range(10)])
    assert ten.describe() == "12 units in building(s) 0, 1, 2, 3, 4, 5, 6, 7, 8, 9"
    assert ten.describe("zh") == "0、1、2、3、4、5、6、7、8、9号楼的12个专有部分"
    eleven = DecisionScope(12, [str(b) for b in range(11)])
    assert eleven.describe() == "12 units in building(s) 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 … 1 more"
    assert eleven.describe("zh") == "0、1、2、3、4、5、6、7、8、9等11栋号楼的12个专有部分"


def test_a_stored_scoped_notice_that_disagrees_with_the_scope_is_refused() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"{b}-{u}", "area": "10", "owners": [f"O{b}{u}"]} for b in (1, 2) for u in (1, 2)]
    )
    decision = cg.decide(
        estate,
        [cg.Ballot("1-1", "agree")],
        matter="use-maintenance-fund",
        rules=CN,
        scope=["1-1", "1-2"],
    )
    data = decision.to_dict()
    assert cg.Decision.from_dict(data) == decision
    (notice,) = [n for n in data["notices"] if n["code"] == "scoped-decision"]
    notice["en"] = notice["en"].replace("2 units", "4 units")
    with pytest.raises(DerivedFactMismatchError) as caught:
        cg.Decision.from_dict(data)
    assert (caught.value.what, caught.value.field) == ("Decision", "notices[scoped-decision]")


def _two_buildings() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "2-101", "area": "10", "owners": ["Wang"]},
        ]
    )


def test_a_scope_of_every_unit_does_not_say_it_is_not_the_whole_estate() -> None:
    estate = _two_buildings()
    decision = cg.decide(
        estate, [], matter="use-maintenance-fund", rules=CN, scope=["2-101", "1-101"]
    )
    assert decision.scope == DecisionScope(2, ("1", "2"), whole=True)
    notice = decision.notices[0]
    assert notice.code == "scoped-decision"
    assert "not the whole estate" not in notice.en and "不是整个" not in notice.zh
    assert notice.en.endswith("2 persons, 20.00 m² (every unit of the estate)")
    assert notice.zh.endswith("2人、20.00平方米（整个物业管理区域的全部专有部分）")
    data = decision.to_dict()
    assert data["scope"]["whole"] is True
    assert cg.Decision.from_dict(data) == decision


def test_a_scope_of_some_units_keeps_its_data_and_words() -> None:
    estate = _two_buildings()
    decision = cg.decide(estate, [], matter="use-maintenance-fund", rules=CN, scope=["2-101"])
    assert decision.scope == DecisionScope(1, ("2",))
    assert decision.scope is not None and decision.scope.whole is False
    assert decision.notices[0].en.endswith("1 person, 10.00 m² (not the whole estate)")
    data = decision.to_dict()
    assert data["scope"] == {"units": 1, "buildings": ["2"]}  # no "whole" key: the old shape
    assert cg.Decision.from_dict(data) == decision


@pytest.mark.parametrize("whole", ["yes", 1, None])
def test_whole_must_be_a_bool(whole: object) -> None:
    with pytest.raises(InvalidDataError) as caught:
        DecisionScope(2, ("1",), whole=whole)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("whole", whole)
    assert caught.value.message.startswith("DecisionScope.whole must be True or False, not ")


# ----------------------------------------------------------------- matters of the whole assembly
TWO_BUILDINGS = cg.Estate.from_records(
    [
        {"unit": "A-1", "area": "10", "owners": ["a"]},
        {"unit": "B-1", "area": "10", "owners": ["b"]},
    ]
)
WHOLE = [m for m in cg.Matter if m.item <= 4]
PARTLY_SHARED = [m for m in cg.Matter if m.item >= 5]


def test_the_line_falls_between_items_4_and_5_of_article_278() -> None:
    assert [m.whole_assembly for m in cg.Matter] == [True] * 4 + [False] * 5
    assert cg.Matter.HIRE_OR_DISMISS_MANAGER in WHOLE  # item 4: the last of the whole assembly
    assert cg.Matter.USE_MAINTENANCE_FUND in PARTLY_SHARED  # item 5: the first of a scope


@pytest.mark.parametrize("matter", WHOLE)
def test_a_matter_of_the_whole_assembly_is_refused_within_a_scope(matter: cg.Matter) -> None:
    with pytest.raises(cg.exceptions.WholeAssemblyMatterError) as caught:
        cg.decide(
            TWO_BUILDINGS, [cg.Ballot("A-1", "agree")], matter=matter, rules=CN, scope=["A-1"]
        )
    assert (caught.value.matter, caught.value.units) == (matter.value, 1)
    message = caught.value.message
    assert f"Civil Code Art. 278(1) item {matter.item}" in message and "1 unit;" in message
    assert "decide.scope.matters [medium confidence" in message
    whole = cg.decide(TWO_BUILDINGS, [cg.Ballot("A-1", "agree")], matter=matter, rules=CN)
    assert whole.scope is None  # the same matter without a scope is decided


@pytest.mark.parametrize("matter", PARTLY_SHARED)
def test_a_matter_of_partly_shared_parts_is_decided_within_a_scope(matter: cg.Matter) -> None:
    decision = cg.decide(
        TWO_BUILDINGS, [cg.Ballot("A-1", "agree")], matter=matter, rules=CN, scope=["A-1"]
    )
    assert decision.scope is not None and decision.tally.total.heads == 1
