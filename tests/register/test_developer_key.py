"""An owner id cannot collide with the internal developer key (issue 9)."""

from __future__ import annotations

import pytest

import community_governance as cg


@pytest.mark.parametrize("overlap", ["separate", "merge"])
def test_owner_named_like_the_developer_key_is_its_own_person(overlap: str) -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "80", "owners": ["\x00developer"]},
            {"unit": "1-102", "area": "90", "owners": ["Dev"], "status": "unsold"},
        ],
        counting=cg.register.CountingPolicy(overlap=overlap),
    )
    assert estate.counted_persons == 2
    assert estate.person_of("1-101").reason is cg.register.CountingReason.SINGLE_UNIT
    assert estate.person_of("1-102").reason is cg.register.CountingReason.DEVELOPER
