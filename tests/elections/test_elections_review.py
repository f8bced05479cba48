"""Review of elections, audit and strategies as a new user: each test pins one fixed defect."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.elections import ElectionBallot, elect
from community_governance.exceptions import CandidateError

CN = cg.rules_for("CN", on=date(2025, 3, 1))


def _flats(count: int) -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(count)]
    )


def _first_round() -> tuple[cg.Estate, cg.elections.ElectionResult]:
    estate = _flats(6)
    ballots = [ElectionBallot(f"u{i}", ["X", "Y"] if i < 3 else ["X"]) for i in range(6)]
    first = elect(estate, ballots, candidates=["X", "Y", "Z"], seats=2, rules=CN)
    assert first.elected == ("X",) and first.unfilled == 1
    return estate, first


def test_a_further_round_refuses_a_member_elected_earlier() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["X"]) for i in range(6)]
    with pytest.raises(CandidateError, match="'X' was already elected") as raised:
        elect(estate, ballots, candidates=["X", "Y"], seats=1, rules=CN, previous=first)
    assert raised.value.field == "candidates" and raised.value.value == "X"


def test_a_further_round_fills_at_most_the_seats_left_open() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["Y"]) for i in range(6)]
    with pytest.raises(CandidateError, match="at most the 1 seat") as raised:
        elect(estate, ballots, candidates=["Y", "Z"], seats=2, rules=CN, previous=first)
    assert raised.value.field == "seats" and raised.value.value == 2
    second = elect(estate, ballots, candidates=["Y", "Z"], seats=1, rules=CN, previous=first)
    assert second.all_elected == ("X", "Y")


def test_a_loaded_further_round_that_re_elects_a_member_is_refused() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["Y"]) for i in range(6)]
    second = elect(estate, ballots, candidates=["Y", "Z"], seats=1, rules=CN, previous=first)
    data = second.to_dict()
    assert cg.elections.ElectionResult.from_dict(data) == second
    data["candidates"][0]["candidate"] = "X"  # X, elected in round 1, "elected again"
    data["elected"] = ["X"]
    with pytest.raises(CandidateError, match="'X' was already elected"):
        cg.elections.ElectionResult.from_dict(data)
