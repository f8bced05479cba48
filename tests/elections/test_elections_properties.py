import copy
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance.elections import Candidate, ElectionBallot, ElectionResult, elect
from community_governance.strategies.elections import Election, candidates, elections

RULES = cg.rules_for("CN", on=date(2024, 5, 1))


def run(election: Election, ballots=None) -> ElectionResult:
    return elect(
        election.estate,
        election.ballots if ballots is None else ballots,
        candidates=election.candidates,
        seats=election.seats,
        rules=RULES,
    )


@settings(max_examples=60, deadline=None)
@given(elections(), st.randoms(use_true_random=False))
def test_anonymity_ballot_order_does_not_matter(election, rnd):
    shuffled = list(election.ballots)
    rnd.shuffle(shuffled)
    assert run(election) == run(election, shuffled)


@settings(max_examples=60, deadline=None)
@given(elections())
def test_round_trip_and_no_mutation(election):
    before = copy.deepcopy(election.ballots)
    result = run(election)
    assert election.ballots == before
    assert ElectionResult.from_dict(result.to_dict()) == result
    assert result.participating.heads <= result.total.heads
    assert len(result.elected) + result.unfilled == election.seats


@settings(max_examples=60, deadline=None)
@given(elections(), st.data())
def test_monotonic_one_more_approval_never_hurts(election, data):
    result = run(election)
    valid = [b for b in election.ballots if not b.spoiled]
    target = data.draw(st.sampled_from(election.candidates))
    person_units = {}
    for ballot in valid:
        person_units.setdefault(election.estate.person_of(ballot.unit).index, []).append(ballot)
    chosen = [
        units
        for units in person_units.values()
        if target not in units[0].approvals and len(units[0].approvals) < election.seats
    ]
    if not chosen:
        return
    widen = {b.unit for b in data.draw(st.sampled_from(chosen))}
    more = [
        ElectionBallot(b.unit, b.approvals | {target}) if b.unit in widen else b
        for b in election.ballots
    ]
    after = run(election, more)
    old, new = result.candidate(target), after.candidate(target)
    assert new.approvals.heads == old.approvals.heads + 1
    assert new.passed or not old.passed


@settings(max_examples=60, deadline=None)
@given(elections(), st.data())
def test_candidate_result_independent_of_other_candidates_approvals(election, data):
    target = data.draw(st.sampled_from(election.candidates))
    others = [c for c in election.candidates if c != target]
    rewritten = []
    for ballot in election.ballots:
        keep = {c for c in ballot.approvals if c == target}
        rewritten.append(ElectionBallot(ballot.unit, keep, spoiled=ballot.spoiled))
    del others
    a = run(election).candidate(target)
    b = run(election, rewritten).candidate(target)
    assert (a.approvals, a.checks, a.passed) == (b.approvals, b.checks, b.passed)


@settings(max_examples=40, deadline=None)
@given(candidates())
def test_candidate_round_trip(candidate: Candidate):
    assert Candidate.from_dict(candidate.to_dict()) == candidate
    assert cg.elections.vet(candidate, RULES).status in set(cg.rules.Eligibility)


@settings(max_examples=20, deadline=None)
@given(candidates(candidate_id="Li"))
def test_fixed_candidate_id(candidate: Candidate):
    assert candidate.id == "Li"


@settings(max_examples=80, deadline=None)
@given(elections())
def test_fast_path_equals_careful_path(election):
    from community_governance.elections._count import _careful, fold
    from community_governance.rules.elections import BallotPolicy

    ids = frozenset(election.candidates)
    fast = fold(election.estate, election.ballots, ids, election.seats, BallotPolicy())
    slow = _careful(election.estate, election.ballots, ids, election.seats, BallotPolicy())
    for c in ids:
        assert fast.heads.get(c, 0) == slow.heads.get(c, 0)
        assert fast.area.get(c, 0) == slow.area.get(c, 0)
    assert (fast.participating_heads, fast.participating_area) == (
        slow.participating_heads,
        slow.participating_area,
    )
    assert (fast.spoiled_heads, fast.spoiled_area) == (slow.spoiled_heads, slow.spoiled_area)
    assert set(fast.persons) == set(slow.persons)
