"""Scoped decisions of the owners concerned: `Estate.restrict` and `decide(scope=...)`."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance.elections import restrict
from community_governance.exceptions import ScopeError, UnknownUnitError
from community_governance.voting import decide

SH = cg.rules_for("CN-SH", on=date(2024, 3, 1))
USE, RAISE = cg.Matter.USE_MAINTENANCE_FUND, cg.Matter.RAISE_MAINTENANCE_FUND
FEE, HIRE = cg.Matter.OTHER_MAJOR_MATTER, cg.Matter.HIRE_OR_DISMISS_MANAGER


def two_buildings() -> cg.Estate:
    """Building 1: twelve units of 10 m², unit 1-101 owned by Li; building 2: Li and others."""
    rows = [{"unit": f"1-{100 + n}", "area": "10", "owners": [f"A{n}"]} for n in range(2, 13)]
    rows.append({"unit": "1-101", "area": "10", "owners": ["Li"]})
    rows += [{"unit": f"2-{100 + n}", "area": "90", "owners": [f"B{n}"]} for n in range(1, 20)]
    rows.append({"unit": "2-120", "area": "90", "owners": ["Li"]})
    return cg.Estate.from_records(rows)


BUILDING_1 = [f"1-{100 + n}" for n in range(1, 13)]


def ballots(agree: int, oppose: int) -> list[cg.Ballot]:
    units = iter(BUILDING_1)
    return [cg.Ballot(next(units), "agree") for _ in range(agree)] + [
        cg.Ballot(next(units), "oppose") for _ in range(oppose)
    ]


def scoped(agree: int, oppose: int, matter: cg.Matter = USE) -> cg.Decision:
    return decide(
        two_buildings(), ballots(agree, oppose), matter=matter, rules=SH, scope=BUILDING_1
    )


def test_persons_are_recounted_within_the_scope() -> None:
    estate = two_buildings()
    within = estate.restrict(BUILDING_1)
    assert within.counted_persons == 12 and within.total_area == 120
    assert estate.restrict(buildings=["1"]) == within
    assert estate.restrict(["2-120"], buildings=["1"]).counted_persons == 12  # Li once
    assert restrict(estate, BUILDING_1) == within  # the elections name is the same function


def test_a_scope_is_a_new_validated_estate_and_nothing_is_cached() -> None:
    estate = two_buildings()
    first = estate.restrict(BUILDING_1)
    assert estate.restrict(tuple(BUILDING_1)) == first
    assert estate.restrict(list(reversed(BUILDING_1))) == first
    assert estate.restrict(BUILDING_1) is not first  # the estate holds no cache of scopes


def test_merged_owner_sets_are_counted_again() -> None:
    merge = cg.register.CountingPolicy(overlap=cg.register.OverlapPolicy.MERGE)
    rows = [
        {"unit": "1-1", "area": "10", "owners": ["P"]},
        {"unit": "1-2", "area": "10", "owners": ["P", "Q"]},
        {"unit": "1-3", "area": "10", "owners": ["Q"]},
    ]
    estate = cg.Estate.from_records(rows, counting=merge)
    assert estate.counted_persons == 1
    assert estate.restrict(["1-1", "1-3"]).counted_persons == 2  # no longer linked


def test_quorum_two_thirds_of_the_scope_both_sides() -> None:
    assert scoped(8, 0).passed  # 8/12 = 2/3 take part
    failed = scoped(7, 0)
    assert not failed.passed
    assert failed.tally.total.heads == 12 and failed.tally.total.area == 120


def test_ordinary_more_than_half_of_participants_both_sides() -> None:
    assert scoped(5, 3).passed  # 5 > 8/2
    assert not scoped(4, 4).passed


def test_raising_the_fund_three_quarters_both_sides() -> None:
    assert scoped(6, 2, RAISE).passed  # 6 >= 3/4 of 8
    assert not scoped(5, 3, RAISE).passed


def test_the_same_ballots_fail_on_the_whole_estate() -> None:
    whole = decide(two_buildings(), ballots(12, 0), matter=USE, rules=SH)
    assert not whole.passed


def test_a_ballot_outside_the_scope_is_refused() -> None:
    outside = [*ballots(8, 0), cg.Ballot("2-101", "agree")]
    with pytest.raises(UnknownUnitError):
        decide(two_buildings(), outside, matter=USE, rules=SH, scope=BUILDING_1)


@pytest.mark.parametrize("bad", ["1-101", [1], 7])
def test_bad_scopes(bad: object) -> None:
    with pytest.raises(ScopeError):
        two_buildings().restrict(bad)  # type: ignore[arg-type]


def test_unknown_building_and_empty_scope() -> None:
    with pytest.raises(ScopeError, match="building '9'"):
        two_buildings().restrict(buildings=["9"])
    with pytest.raises(cg.exceptions.EmptyEstateError):
        two_buildings().restrict([])


def test_fee_and_manager_are_ordinary_matters() -> None:
    for code in ("CN", "CN-SH"):
        rules = cg.rules_for(code, on=date(2024, 3, 1))
        ordinary = rules.resolution(cg.Matter.ELECT_COMMITTEE).value
        for matter in (FEE, HIRE):
            rule = rules.resolution(matter).value
            assert [(t.base, t.comparator, t.ratio) for t in rule.approval] == [
                (t.base, t.comparator, t.ratio) for t in ordinary.approval
            ]


owner_sets = st.lists(
    st.lists(
        st.sampled_from(["P", "Q", "R", "S", "developer"]), min_size=1, max_size=2, unique=True
    ),
    min_size=2,
    max_size=12,
)


@given(owner_sets, st.sampled_from(list(cg.register.OverlapPolicy)), st.data())
def test_scoping_never_counts_a_person_outside_the_scope(
    owners: list[list[str]], overlap: cg.register.OverlapPolicy, data: st.DataObject
) -> None:
    rows = [
        {"unit": f"{1 + n % 2}-{n:02d}", "area": f"{1 + n}.{n % 3}", "owners": o}
        for n, o in enumerate(owners)
    ]
    declared = [cg.register.Owner("developer", cg.register.OwnerKind.DEVELOPER)]
    held = {o for r in rows for o in r["owners"]}
    policy = cg.register.CountingPolicy(overlap=overlap)
    estate = cg.Estate.from_records(
        rows, owners=declared if "developer" in held else (), counting=policy
    )
    chosen = data.draw(st.sets(st.sampled_from([r["unit"] for r in rows]), min_size=1))
    within = estate.restrict(sorted(chosen))
    kept = [r for r in rows if r["unit"] in chosen]
    alone = cg.Estate.from_records(
        kept,
        owners=declared if any("developer" in r["owners"] for r in kept) else (),
        counting=policy,
    )
    assert within.units == alone.units and set(within.owners) == set(alone.owners)
    assert within.persons == alone.persons
    assert within.overlaps == alone.overlaps
    assert within.developer_entities == alone.developer_entities
    mine, theirs = within.person_index, alone.person_index
    assert mine.heads == theirs.heads
    assert list(mine.person_of) == list(theirs.person_of)
    assert dict(mine.multi_unit) == dict(theirs.multi_unit)
    assert [a * theirs.scale for a in mine.person_area] == [
        a * mine.scale for a in theirs.person_area
    ]
    assert {o.id for o in within.owners} == {o for r in kept for o in r["owners"]}
