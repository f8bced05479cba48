"""`elections` draws ballots at the bounds of election rules, so a planted looser rule fails.

Written the way the property-test how-to shows: ``@given`` with hypothesis's default budget
(``max_examples`` not raised), derandomised and without shrinking, so the example at which
the property first fails is a fixed, reported figure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs
import pytest
from hypothesis import Phase, given, settings

import community_governance as cg
from community_governance import strategies as cgst
from community_governance.elections import ElectOptions, elect
from community_governance.rules.thresholds import Comparator, Measure

NATIONAL = cg.rules_for("CN", on=date(2025, 3, 1))
CODE = NATIONAL.resolution(cg.Matter.ELECT_COMMITTEE).value
BUDGET = settings.default.max_examples
SEARCH = settings(derandomize=True, database=None, deadline=None, phases=(Phase.generate,))

#: Election rules each looser than the Civil Code's (Art. 278) in one respect.
PLANTED = {
    # 以上 where the Code says 过半数: differs only at exactly half of those taking part
    "at-least-half": attrs.evolve(
        CODE,
        approval=tuple(attrs.evolve(t, comparator=Comparator.AT_LEAST) for t in CODE.approval),
    ),
    # the quorum read on heads only: two thirds of the persons, whatever their area
    "heads-only-quorum": attrs.evolve(
        CODE, quorum=tuple(t for t in CODE.quorum if t.measure is Measure.HEADS)
    ),
    # the area approval left out
    "no-area-approval": attrs.evolve(
        CODE, approval=tuple(t for t in CODE.approval if t.measure is Measure.HEADS)
    ),
}


def _passing(election: cgst.Election, rule: cg.ResolutionRule | None) -> set[str]:
    options = ElectOptions(rule=rule)
    result = elect(
        election.estate,
        election.ballots,
        candidates=election.candidates,
        seats=election.seats,
        rules=NATIONAL,
        options=options,
    )
    assert not result.over_approved and not result.non_candidate  # the ballots are valid
    return {c.candidate for c in result.candidates if c.passed}


def examples_to_failure(strategy, prop: Callable[[cgst.Election], None]) -> int:
    seen: list[int] = []

    @SEARCH
    @given(strategy)
    def run(election: cgst.Election) -> None:
        seen.append(1)
        prop(election)

    with pytest.raises(AssertionError):
        run()
    return len(seen)


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_elections_near_the_rules_find_each_planted_election_rule(name: str) -> None:
    local = PLANTED[name]

    def never_looser(election: cgst.Election) -> None:
        assert _passing(election, local) <= _passing(election, None)

    needed = examples_to_failure(cgst.elections(rules=[local, CODE]), never_looser)
    print(f"elections(rules=[local, national]) / {name}: failed at example {needed} of {BUDGET}")
    assert needed <= BUDGET


def test_election_ballots_near_are_valid_per_counted_person() -> None:
    @settings(max_examples=30, deadline=None)
    @given(cgst.elections(rules=CODE, max_candidates=3))
    def valid(election: cgst.Election) -> None:
        by_person: dict[int, set[frozenset[str]]] = {}
        for ballot in election.ballots:
            assert len(ballot.approvals) <= election.seats
            person = election.estate.person_of(ballot.unit).index
            by_person.setdefault(person, set()).add(ballot.approvals | {str(ballot.spoiled)})
        assert all(len(kinds) == 1 for kinds in by_person.values())
        _passing(election, None)

    valid()
