"""The register's own notices are built once per estate and kept beside it, not inside it."""

from __future__ import annotations

import gc
from datetime import date

import community_governance as cg
from community_governance.voting import _estate_notices
from community_governance.voting._estate_notices import estate_notices

RULES = cg.rules_for("CN", on=date(2025, 3, 1))


def overlapping() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "a", "area": "80", "owners": ["x"]},
            {"unit": "b", "area": "70", "owners": ["x", "y"]},
            {"unit": "c", "area": "60", "owners": ["D1"], "status": "unsold"},
            {"unit": "d", "area": "60", "owners": ["D2"], "status": "unsold"},
        ]
    )


def test_built_once_and_the_same_in_every_decision() -> None:
    estate = overlapping()
    first = estate_notices(estate)
    assert estate_notices(estate) is first
    assert [n.code for n in first] == ["overlapping-owner-sets", "several-developer-entities"]
    decisions = [cg.decide(estate, (), matter="raise-maintenance-fund", rules=RULES)] * 2
    for decision in decisions:
        assert set(first) <= set(decision.notices)


def test_dropped_with_the_estate() -> None:
    estate = overlapping()
    estate_notices(estate)
    key = id(estate)
    assert key in _estate_notices._NOTICES
    del estate
    gc.collect()
    assert key not in _estate_notices._NOTICES


def test_an_estate_without_overlaps_has_none() -> None:
    estate = cg.Estate.from_records([{"unit": "a", "area": "80", "owners": ["x"]}])
    assert estate_notices(estate) == ()
