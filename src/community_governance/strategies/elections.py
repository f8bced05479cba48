"""Hypothesis strategies for candidates, election ballots and whole elections.

Requires the optional ``hypothesis`` extra; re-exported from ``community_governance.strategies``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.register.estate import Estate
from community_governance.rules.eligibility import BOOLEAN_FACTS
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.strategies.ballots import ballots_near
from community_governance.strategies.rules import TEST_CITATION
from community_governance.voting.ballots import Choice

__all__ = [
    "Election",
    "candidates",
    "election_ballots",
    "election_ballots_near",
    "election_estates",
    "elections",
]

_FACT = st.none() | st.booleans()
_IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=3)


@st.composite
def candidates(draw: st.DrawFn, candidate_id: str | None = None) -> Candidate:
    """A candidate with any mix of known and unknown facts."""
    cid = candidate_id if candidate_id is not None else draw(_IDS)
    facts = {name: draw(_FACT) for name in BOOLEAN_FACTS}
    numbers = {
        name: draw(st.none() | st.integers(0, 90))
        for name in ("residence_years", "recommendations", "age")
    }
    occupation = draw(st.none() | st.sampled_from(["teacher", "lawyer", "engineer", "retired"]))
    values: dict[str, Any] = {**facts, **numbers}
    return Candidate(cid, f"owner-{cid}", occupation=occupation, **values)


@st.composite
def election_estates(draw: st.DrawFn, max_units: int = 12, min_units: int = 1) -> Estate:
    """A small register: some multi-unit owners, co-owned units and developer stock.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        max_units: Most units.
        min_units: Fewest units (at most ``max_units``).
    """
    count = draw(st.integers(min(min_units, max_units), max_units))
    pool = [f"o{i}" for i in range(max(1, count * 5 // 6))]
    rows = []
    for i in range(count):
        area = Decimal(draw(st.integers(3000, 15000))) / 100
        if draw(st.integers(0, 9)) == 0:
            rows.append({"unit": f"u{i}", "area": area, "owners": ["Dev"], "status": "unsold"})
            continue
        owners = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        rows.append({"unit": f"u{i}", "area": area, "owners": owners})
    return Estate.from_records(rows)


@st.composite
def election_ballots(
    draw: st.DrawFn, estate: Estate, candidate_ids: tuple[str, ...], seats: int
) -> list[ElectionBallot]:
    """Valid ballots: some persons vote (the same approvals on each unit they vote for)."""
    ballots: list[ElectionBallot] = []
    for person in estate.persons:
        if not draw(st.booleans()):
            continue
        approvals = draw(
            st.lists(st.sampled_from(candidate_ids), max_size=seats, unique=True)
            if candidate_ids
            else st.just([])
        )
        spoiled = draw(st.integers(0, 9)) == 0
        units = draw(st.lists(st.sampled_from(person.units), min_size=1, unique=True))
        ballots.extend(ElectionBallot(unit, approvals, spoiled=spoiled) for unit in units)
    return draw(st.permutations(ballots))


#: Bounds election rules draw on: 过半数 (more than half), 三分之二以上 and 四分之三以上 (at
#: least two thirds, three quarters), of all owners and of those taking part, in heads and in
#: area, with the participation of at least two thirds or of more than half of all owners
#: (Civil Code Arts. 278, 1259; Property Rights Law Art. 76). `elections` draws ballots at
#: them when no rule is given, so that a rule differing only at a bound can fail.
_MEASURES = (Measure.HEADS, Measure.AREA)
_QUORUMS = tuple(
    tuple(Threshold(measure, Base.ALL, comparator, ratio, TEST_CITATION) for measure in _MEASURES)
    for comparator, ratio in (
        (Comparator.AT_LEAST, Fraction(2, 3)),
        (Comparator.MORE_THAN, Fraction(1, 2)),
    )
)
_BOUNDS = tuple(
    ResolutionRule(
        quorum=quorum,
        approval=tuple(
            Threshold(measure, base, comparator, ratio, TEST_CITATION) for measure in _MEASURES
        ),
        citation=TEST_CITATION,
    )
    for quorum in _QUORUMS
    for base in (Base.PARTICIPATING, Base.ALL)
    for comparator, ratio in (
        (Comparator.MORE_THAN, Fraction(1, 2)),
        (Comparator.AT_LEAST, Fraction(2, 3)),
        (Comparator.AT_LEAST, Fraction(3, 4)),
    )
)


_FEW = 6


@st.composite
def election_ballots_near(
    draw: st.DrawFn,
    rules: ResolutionRule | Sequence[ResolutionRule],
    estate: Estate,
    candidate_ids: tuple[str, ...],
    seats: int,
) -> list[ElectionBallot]:
    """Election ballots putting one candidate (or the turnout) at a bound of ``rules``.

    The ballots of [ballots_near][community_governance.strategies.ballots_near] are drawn and
    read as election ballots: the persons who agree approve one drawn candidate (and perhaps
    others), the others taking part approve other candidates or nobody, and a spoiled ballot
    stays spoiled. So that candidate's approvals, or the participation, sit exactly at a
    threshold of the rules or one counted person either side, where 以上 and 过半数 differ.
    Every counted person casts the same ballot for each of its units; no ballot approves
    more than ``seats`` candidates.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        rules: A resolution rule or several (e.g. a local election rule and the national one).
        estate: The register.
        candidate_ids: The candidates (at least one).
        seats: The seats (at least one).

    Returns:
        A strategy of election ballot lists accepted by `elect`.
    """
    motion = draw(ballots_near(rules, estate))
    target = draw(st.sampled_from(candidate_ids))
    others = [cid for cid in candidate_ids if cid != target]
    chosen: dict[int, ElectionBallot] = {}
    ballots: list[ElectionBallot] = []
    for ballot in motion:
        person = estate.person_of(ballot.unit).index
        kind = chosen.get(person)
        if kind is None:
            agree = ballot.choice is Choice.AGREE
            room = seats - 1 if agree else seats
            extra = (
                draw(st.lists(st.sampled_from(others), max_size=room, unique=True))
                if others
                else []
            )
            kind = chosen[person] = ElectionBallot(
                ballot.unit,
                [target, *extra] if agree else extra,
                spoiled=ballot.choice is Choice.SPOILED,
            )
        ballots.append(ElectionBallot(ballot.unit, kind.approvals, spoiled=kind.spoiled))
    return draw(st.permutations(ballots))


@attrs.frozen(slots=True)
class Election:
    """A drawn election: register, candidates, seats and ballots."""

    estate: Estate
    candidates: tuple[str, ...]
    seats: int
    ballots: tuple[ElectionBallot, ...]


@st.composite
def elections(
    draw: st.DrawFn,
    max_units: int = 12,
    max_candidates: int = 6,
    rules: ResolutionRule | Sequence[ResolutionRule] | None = None,
) -> Election:
    """A whole election over a small register, mostly with ballots at a bound.

    Random approvals almost never put a candidate exactly on a threshold's bound, where a
    rule written with 以上 (at least) and one written with 过半数 (more than half) differ
    (Civil Code Art. 1259). So most drawn elections take their ballots from
    [election_ballots_near][community_governance.strategies.election_ballots_near]: at the
    thresholds of ``rules`` when given (e.g. ``[local, national]`` election rules), else at
    more than half, at least two thirds and at least three quarters of all owners or of those
    taking part, in heads or area. The others are random
    ([election_ballots][community_governance.strategies.election_ballots]).

    Args:
        draw: Supplied by hypothesis (callers omit it).
        max_units: Most units in the register.
        max_candidates: Most candidates.
        rules: The election rules whose bounds the ballots aim at (default: common bounds).

    Returns:
        A strategy of [Election][community_governance.strategies.Election] values.
    """
    at_bound = draw(st.integers(0, 7)) > 0  # seven in eight
    # a bound between persons needs a few of them: near a bound, at least four units
    estate = draw(election_estates(max_units, min_units=_FEW if at_bound else 1))
    ids = tuple(draw(st.lists(_IDS, min_size=1, max_size=max_candidates, unique=True)))
    seats = draw(st.integers(1, len(ids)))
    if at_bound:
        near = _BOUNDS if rules is None else rules
        ballots = draw(election_ballots_near(near, estate, ids, seats))
    else:
        ballots = draw(election_ballots(estate, ids, seats))
    return Election(estate, ids, seats, tuple(ballots))
