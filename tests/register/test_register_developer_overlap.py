"""A developer entity that also co-owns a delivered unit is reported as an overlap."""

from __future__ import annotations

from decimal import Decimal

import pytest

import community_governance as cg


@pytest.mark.parametrize("policy", list(cg.register.OverlapPolicy))
def test_developer_co_owning_a_delivered_unit_is_an_overlap(
    policy: cg.register.OverlapPolicy,
) -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "a", "area": "1", "owners": ["Dev"], "status": "unsold"},
            {"unit": "b", "area": "2", "owners": ["Dev", "Li"]},
        ],
        counting=cg.register.CountingPolicy(policy),
    )
    assert [p.label for p in estate.persons] == ["developer", "Dev+Li"]
    (overlap,) = estate.overlaps
    assert overlap.owner == "Dev"
    assert overlap.persons == ("developer", "Dev+Li")


def test_merged_group_containing_the_developer_reports_both() -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "a", "area": "1", "owners": ["Dev"], "status": "unsold"},
            {"unit": "b", "area": "2", "owners": ["Dev", "Li"]},
            {"unit": "c", "area": "3", "owners": ["Li"]},
        ],
        counting=cg.register.CountingPolicy(cg.register.OverlapPolicy.MERGE),
    )
    labels = [p.label for p in estate.persons]
    assert labels == ["developer", "Dev+Li"]
    owners = [overlap.owner for overlap in estate.overlaps]
    assert owners == ["Dev", "Dev,Li"]
    assert estate.overlaps[0].persons == ("developer", "Dev+Li")


def test_equal_decimals_keep_their_own_spelling() -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "a", "area": Decimal("1.0"), "owners": ["x"]},
            {"unit": "b", "area": Decimal("1.00"), "owners": ["y"]},
            {"unit": "c", "area": Decimal("1.00"), "owners": ["z"]},
        ]
    )
    assert [u["area"] for u in estate.to_dict()["units"]] == ["1.0", "1.00", "1.00"]
    assert estate.units[1].area is estate.units[2].area  # equal spellings still share
