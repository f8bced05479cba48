"""The refusals of wrong collections and types, pinned whole (mutation run of 2026-12-03).

Each names the argument, the value and what was expected: a string is never read letter by
letter as a list of ids, and an item of the wrong type is named.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

import community_governance as cg
from community_governance import elections as el
from community_governance.exceptions import ElectionInputError

SH = cg.rules_for("CN-SH", on=date(2024, 6, 1))
CN = cg.rules_for("CN", on=date(2025, 3, 1))
ZHANG = el.Candidate("Zhang", "owner-12")
ESTATE = cg.Estate.from_records([{"unit": "u1", "area": "1", "owners": ["a"]}])
LIST = "(a list, tuple or set)"


@pytest.mark.parametrize(
    ("call", "message", "details"),
    [
        (
            lambda: el.vet(ZHANG, SH, lists="x"),
            f"lists must be a collection of NegativeList values {LIST}, not 'x'",
            ("election", "lists", "x"),
        ),
        (
            lambda: el.vet(ZHANG, SH, lists=[5]),
            "lists holds NegativeList values only; 5 is not one",
            ("election", "lists", 5),
        ),
        (
            lambda: el.NegativeList("n", "illegal_construction", clause="c"),
            f"bars must be a collection of Disqualification values {LIST}, not "
            "'illegal_construction'",
            ("election", "bars", "illegal_construction"),
        ),
        (
            lambda: el.vet("Zhang", SH),
            "vet: candidate must be a Candidate, not 'Zhang'",
            ("vetting", "candidate", "Zhang"),
        ),
        (
            lambda: el.vet(ZHANG, "CN"),
            "vet: rules must be a RuleSet from rules_for(...), not 'CN'",
            ("vetting", "rules", "CN"),
        ),
        (
            lambda: el.PositiveList("p", "Zhang", clause="c"),
            f"members must be a collection of candidate ids {LIST}, not 'Zhang'",
            ("election", "members", "Zhang"),
        ),
        (
            lambda: el.PositiveList("p", [5], clause="c"),
            "members holds candidate ids only; 5 is not one",
            ("election", "members", 5),
        ),
        (
            lambda: el.composition("ab"),
            f"members must be a collection of members (candidates or group members) {LIST}, "
            "not 'ab'",
            ("election", "members", "ab"),
        ),
        (
            lambda: el.check_group("abc", SH),
            f"members must be a collection of GroupMember values {LIST}, not 'abc'",
            ("election", "members", "abc"),
        ),
        (
            lambda: el.check_group(["abc"], SH),
            "members holds GroupMember values only; 'abc' is not one",
            ("election", "members", "abc"),
        ),
        (
            lambda: el.build_slate("Zhang"),
            f"candidates must be a collection of Candidate values {LIST}, not 'Zhang'",
            ("election", "candidates", "Zhang"),
        ),
        (
            lambda: el.build_slate([ZHANG], vettings="v"),
            f"vettings must be a collection of Vetting values {LIST}, not 'v'",
            ("election", "vettings", "v"),
        ),
    ],
)
def test_a_wrong_collection_or_type_is_refused_naming_it(
    call: Callable[[], Any], message: str, details: tuple[str, str, object]
) -> None:
    with pytest.raises(ElectionInputError) as raised:
        call()
    assert raised.value.message == message
    assert (raised.value.what, raised.value.field, raised.value.value) == details


@pytest.mark.parametrize(("ballots", "bad"), [("x", "x"), ([5], 5)])
def test_election_ballots_of_the_wrong_type_are_refused_naming_them(
    ballots: object, bad: object
) -> None:
    with pytest.raises(ElectionInputError) as raised:
        el.elect(ESTATE, ballots, candidates=["X"], seats=1, rules=CN)  # type: ignore[arg-type]
    assert (raised.value.what, raised.value.field, raised.value.value) == (
        "election",
        "ballots",
        bad,
    )
