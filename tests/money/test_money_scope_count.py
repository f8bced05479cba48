"""Counting within a scope without a new estate (`count_scope`), and the scoped Decision."""

from __future__ import annotations

import gc
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance.exceptions import (
    DerivedFactMismatchError,
    EmptyEstateError,
    InvalidDataError,
    ScopeError,
    UnknownUnitError,
)
from community_governance.register import count_scope
from community_governance.register import scope as scope_module
from community_governance.voting import DecisionScope, decide

SH = cg.rules_for("CN-SH", on=date(2024, 3, 1))
USE = cg.Matter.USE_MAINTENANCE_FUND


def estate() -> cg.Estate:
    """Li holds 1-101 and 2-120; Wang and Li co-own 1-102; the developer holds 2-119."""
    rows = [{"unit": f"1-{100 + n}", "area": "10.5", "owners": [f"A{n}"]} for n in range(3, 9)]
    rows += [
        {"unit": "1-101", "area": "10", "owners": ["Li"]},
        {"unit": "1-102", "area": "10", "owners": ["Li", "Wang"]},
        {"unit": "2-120", "area": "90", "owners": ["Li"]},
        {"unit": "2-119", "area": "80", "owners": ["Dev"], "status": "unsold"},
        {"unit": "2-118", "area": "80", "owners": ["Dev2"], "status": "unsold"},
    ]
    rows += [{"unit": f"2-{100 + n}", "area": "90", "owners": [f"B{n}"]} for n in range(1, 6)]
    developers = [
        cg.register.Owner("Dev", cg.register.OwnerKind.DEVELOPER),
        cg.register.Owner("Dev2", cg.register.OwnerKind.DEVELOPER),
    ]
    return cg.Estate.from_records(rows, owners=developers)


BUILDING_1 = [u.id for u in estate().units if u.building == "1"]


def test_count_scope_equals_counting_the_restricted_register() -> None:
    whole = estate()
    counted = count_scope(whole, BUILDING_1)
    alone = whole.restrict(BUILDING_1)
    assert counted.heads == alone.counted_persons == 8
    assert counted.area == alone.total_area
    assert counted.units == 8 and counted.buildings == ("1",)
    assert counted.overlaps == alone.overlaps  # Li alone and Li+Wang, both in building 1
    assert counted.developer_entities == () == alone.developer_entities
    assert "8 units: 8 counted persons" in repr(counted)
    both = count_scope(whole, ["2-119", "2-118", "1-101", "2-120"])
    assert both.developer_entities == ("Dev", "Dev2")
    assert both.heads == 2  # the developer and Li
    assert both.overlaps == ()  # Li+Wang is outside the scope
    assert count_scope(whole, ["1-101", "1-101"]).units == 1  # repeats ignored


def test_count_scope_of_the_whole_register() -> None:
    whole = estate()
    counted = count_scope(whole)
    assert counted.person_index is whole.person_index
    assert counted.heads == whole.counted_persons and counted.units == len(whole.units)
    assert counted.developer_entities == whole.developer_entities
    assert counted.buildings == ("1", "2")


@pytest.mark.parametrize("bad", ["1-101", [1], 7, ["1-101", 2]])
def test_count_scope_bad_scopes(bad: object) -> None:
    with pytest.raises(ScopeError):
        count_scope(estate(), bad)  # type: ignore[arg-type]


def test_count_scope_unknown_and_empty() -> None:
    with pytest.raises(UnknownUnitError, match="9-999"):
        count_scope(estate(), ["1-101", "9-999"])
    with pytest.raises(UnknownUnitError, match="9-999"):
        count_scope(estate(), ["9-999"])
    with pytest.raises(EmptyEstateError):
        count_scope(estate(), [])


def _agree(units: list[str]) -> list[cg.Ballot]:
    return [cg.Ballot(unit, "agree") for unit in units if unit != "1-102"]


def test_a_scoped_decision_says_so() -> None:
    decision = decide(estate(), _agree(BUILDING_1), matter=USE, rules=SH, scope=BUILDING_1)
    assert decision.scope == DecisionScope(8, ("1",))
    notice = decision.notices[0]
    assert notice.code == "scoped-decision"
    assert "8 units in building(s) 1" in notice.en and "8 persons, 83.00 m²" in notice.en
    assert "1号楼的8个专有部分" in notice.zh and "8人、83.00平方米" in notice.zh
    assert "owners concerned" in decision.explain()
    assert "相关业主" in decision.explain("zh")
    assert "scoped-decision" not in decision._repr_html_()  # the text, not the code
    assert "8 units in building(s) 1" in decision._repr_html_()
    data = decision.to_dict()
    assert data["scope"] == {"units": 8, "buildings": ["1"]}
    loaded = cg.Decision.from_dict(json.loads(json.dumps(data)))
    assert loaded == decision


def test_an_unscoped_decision_has_no_scope_key() -> None:
    decision = decide(estate(), _agree(BUILDING_1), matter=USE, rules=SH)
    assert decision.scope is None
    assert "scope" not in decision.to_dict()
    assert "scoped-decision" not in {n.code for n in decision.notices}
    assert cg.Decision.from_dict(decision.to_dict()) == decision


def test_a_tampered_scope_is_refused_on_load() -> None:
    decision = decide(estate(), _agree(BUILDING_1), matter=USE, rules=SH, scope=BUILDING_1)
    data = decision.to_dict()
    data["scope"]["units"] = 9
    with pytest.raises(DerivedFactMismatchError, match="scoped-decision"):
        cg.Decision.from_dict(data)
    data = decision.to_dict()
    del data["scope"]
    with pytest.raises(DerivedFactMismatchError, match="scoped-decision"):
        cg.Decision.from_dict(data)
    data = decision.to_dict()
    data["notices"] = data["notices"][1:]
    with pytest.raises(DerivedFactMismatchError, match="scoped-decision"):
        cg.Decision.from_dict(data)


def test_decision_scope_bad_values_and_long_lists() -> None:
    with pytest.raises(InvalidDataError, match="units"):
        DecisionScope(0, ("1",))
    with pytest.raises(InvalidDataError, match="units"):
        DecisionScope(True, ("1",))
    with pytest.raises(InvalidDataError, match="buildings"):
        DecisionScope(1, "1")  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError, match="buildings"):
        DecisionScope(1, (1,))  # type: ignore[arg-type]
    many = DecisionScope(40, tuple(str(n) for n in range(12)))
    assert many.describe().endswith("… 2 more")
    assert "等12栋" in many.describe("zh")
    assert DecisionScope(1, ("",)).describe() == "1 unit in building(s) -"


def test_a_ballot_outside_the_scope_names_the_scope() -> None:
    with pytest.raises(UnknownUnitError, match="not in the scope"):
        decide(estate(), _agree([*BUILDING_1, "2-101"]), matter=USE, rules=SH, scope=BUILDING_1)


owner_sets = st.lists(
    st.lists(st.sampled_from(["P", "Q", "R", "S", "dev"]), min_size=1, max_size=2, unique=True),
    min_size=2,
    max_size=12,
)


def two_building_estate(
    owners: list[list[str]], overlap: cg.register.OverlapPolicy
) -> tuple[list[dict[str, Any]], cg.Estate]:
    """Rows over two buildings, one unit per owner set (``"dev"`` declared a developer)."""
    rows = [
        {"unit": f"{1 + n % 2}-{n:02d}", "area": f"{1 + n}.{n % 3}", "owners": o}
        for n, o in enumerate(owners)
    ]
    held = {o for r in rows for o in r["owners"]}
    declared = [cg.register.Owner("dev", cg.register.OwnerKind.DEVELOPER)] if "dev" in held else []
    policy = cg.register.CountingPolicy(overlap=overlap)
    return rows, cg.Estate.from_records(rows, owners=declared, counting=policy)


@given(owner_sets, st.sampled_from(list(cg.register.OverlapPolicy)), st.data())
def test_scoped_decide_equals_deciding_on_the_restricted_register(
    owners: list[list[str]], overlap: cg.register.OverlapPolicy, data: st.DataObject
) -> None:
    rows, whole = two_building_estate(owners, overlap)
    chosen = data.draw(st.lists(st.sampled_from([r["unit"] for r in rows]), min_size=1))
    voters = data.draw(st.sets(st.sampled_from(sorted(set(chosen)))))
    alone = whole.restrict(chosen)
    # one choice per person of the scope, so that no person's ballots conflict
    choice = {p.label: data.draw(st.sampled_from(["agree", "oppose"])) for p in alone.persons}
    votes = [cg.Ballot(u, choice[alone.person_of(u).label]) for u in sorted(voters)]
    counted = count_scope(whole, chosen)
    assert counted.heads == alone.counted_persons and counted.area == alone.total_area
    assert counted.overlaps == alone.overlaps
    assert counted.developer_entities == alone.developer_entities
    assert counted.buildings == tuple(sorted({unit.building for unit in alone.units}))
    labels = counted.estate.persons
    assert {labels[p].label: n for p, n in counted.person_index.multi_unit.items()} == {
        alone.persons[p].label: n for p, n in alone.person_index.multi_unit.items()
    }
    scoped = decide(whole, votes, matter=USE, rules=SH, scope=chosen)
    plain = decide(alone, votes, matter=USE, rules=SH)
    assert scoped.tally == plain.tally and scoped.checks == plain.checks
    assert scoped.notices[1:] == plain.notices
    assert scoped.scope is not None and scoped.scope.units == len(set(chosen))


def test_a_person_partly_inside_keeps_its_units_inside() -> None:
    rows = [
        {"unit": "1-01", "area": "10", "owners": ["P"]},
        {"unit": "1-02", "area": "20", "owners": ["P"]},
        {"unit": "2-01", "area": "40", "owners": ["P"]},
        {"unit": "2-02", "area": "5", "owners": ["Q"]},
        {"unit": "1-03", "area": "7", "owners": ["Q"]},
    ]
    whole = cg.Estate.from_records(rows)
    counted = count_scope(whole, ["1-01", "1-02", "1-03"])
    alone = whole.restrict(["1-01", "1-02", "1-03"])
    assert counted.heads == 2 and counted.area == 37 == alone.total_area
    p = whole.person_of("1-01").index
    assert dict(counted.person_index.multi_unit) == {p: 2}  # Q has one unit inside
    assert counted.person_index.person_area[p] == 30 * counted.person_index.scale


def test_a_scope_of_every_unit_is_the_register_s_own_counting() -> None:
    whole = estate()
    every = [u.id for u in reversed(whole.units)]
    counted = count_scope(whole, every)
    assert counted.person_index is whole.person_index
    assert counted.buildings == ("1", "2") and counted.units == len(whole.units)
    merged = cg.Estate.from_records(
        [
            {"unit": "1-1", "area": "3", "owners": ["A"]},
            {"unit": "1-2", "area": "4", "owners": ["A", "B"]},
        ],
        counting=cg.register.CountingPolicy(overlap="merge"),
    )
    assert count_scope(merged, ["1-2", "1-1"]).person_index is merged.person_index


def test_a_scope_is_counted_once_and_kept_beside_its_estate() -> None:
    whole = estate()
    first = count_scope(whole, BUILDING_1)
    again = count_scope(whole, BUILDING_1)
    assert again.person_index is first.person_index and again.estate is whole
    assert again.buildings == first.buildings == ("1",)
    key = id(whole)
    assert key in scope_module._SCOPES
    # the entry holds neither the estate nor a count pointing to it
    assert all(own is None for own, *_ in scope_module._SCOPES[key][1].values())
    for n in range(scope_module._KEEP + 1):  # only the last few scopes are kept
        count_scope(whole, BUILDING_1[: n + 1])
    kept = scope_module._SCOPES[key][1]
    assert len(kept) == scope_module._KEEP and tuple(BUILDING_1) not in kept
    assert count_scope(whole, BUILDING_1).heads == first.heads  # counted again, the same
    del whole, first, again, kept
    gc.collect()
    assert key not in scope_module._SCOPES


def test_a_merged_scope_keeps_its_regrouped_register() -> None:
    policy = cg.register.CountingPolicy(overlap="merge")
    whole = cg.Estate.from_records(
        [
            {"unit": "1-1", "area": "3", "owners": ["A"]},
            {"unit": "1-2", "area": "4", "owners": ["B"]},
            {"unit": "2-1", "area": "5", "owners": ["A", "B"]},
        ],
        counting=policy,
    )
    first = count_scope(whole, ["1-1", "1-2"])
    assert first.heads == 2  # A and B, joined only through 2-1 outside the scope
    again = count_scope(whole, ["1-1", "1-2"])
    assert again.estate is first.estate and again.heads == 2


def test_an_unhashable_id_is_refused_even_with_a_scope_kept() -> None:
    whole = estate()
    count_scope(whole, BUILDING_1)
    with pytest.raises(ScopeError):
        count_scope(whole, [["1-101"]])  # type: ignore[list-item]


@given(owner_sets, st.sampled_from(list(cg.register.OverlapPolicy)), st.data())
def test_a_scope_of_the_whole_estate_decides_as_the_whole_estate(
    owners: list[list[str]], overlap: cg.register.OverlapPolicy, data: st.DataObject
) -> None:
    rows, whole = two_building_estate(owners, overlap)
    every = data.draw(st.permutations([r["unit"] for r in rows]))
    voters = data.draw(st.sets(st.sampled_from(every)))
    choice = {p.label: data.draw(st.sampled_from(["agree", "oppose"])) for p in whole.persons}
    votes = [cg.Ballot(u, choice[whole.person_of(u).label]) for u in sorted(voters)]
    scoped = decide(whole, votes, matter=USE, rules=SH, scope=every)
    plain = decide(whole, votes, matter=USE, rules=SH)
    assert scoped.tally == plain.tally and scoped.checks == plain.checks
    assert scoped.passed is plain.passed
    assert scoped.notices[1:] == plain.notices
    buildings = tuple(sorted({r["unit"][0] for r in rows}))
    assert scoped.scope == DecisionScope(len(rows), buildings, whole=True)
    assert scoped.notices[0].en.endswith("(every unit of the estate)")


def test_a_scope_s_buildings_are_its_units_declared_buildings() -> None:
    rows = [
        {"unit": "x1", "area": "50", "owners": ["a"], "building": "North"},
        {"unit": "x2", "area": "60", "owners": ["b"], "building": "South"},
        {"unit": "x3", "area": "70", "owners": ["a"], "building": "North"},
        {"unit": "x4", "area": "80", "owners": ["c"]},  # no building: the id's prefix
    ]
    estate = cg.Estate.from_records(rows)
    assert count_scope(estate, ["x3", "x1"]).buildings == ("North",)
    assert count_scope(estate, ["x4", "x2"]).buildings == ("South", "x4")
    assert count_scope(estate).buildings == ("North", "South", "x4")
