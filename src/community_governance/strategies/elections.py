"""Hypothesis strategies for candidates, election ballots and whole elections.

Requires the optional ``hypothesis`` extra; re-exported from ``community_governance.strategies``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.register.estate import Estate
from community_governance.rules.eligibility import BOOLEAN_FACTS

__all__ = ["Election", "candidates", "election_ballots", "election_estates", "elections"]

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
def election_estates(draw: st.DrawFn, max_units: int = 12) -> Estate:
    """A small register: some multi-unit owners, co-owned units and developer stock."""
    count = draw(st.integers(1, max_units))
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


@attrs.frozen(slots=True)
class Election:
    """A drawn election: register, candidates, seats and ballots."""

    estate: Estate
    candidates: tuple[str, ...]
    seats: int
    ballots: tuple[ElectionBallot, ...]


@st.composite
def elections(draw: st.DrawFn, max_units: int = 12, max_candidates: int = 6) -> Election:
    """A whole election over a small register."""
    estate = draw(election_estates(max_units))
    ids = tuple(draw(st.lists(_IDS, min_size=1, max_size=max_candidates, unique=True)))
    seats = draw(st.integers(1, len(ids)))
    ballots = draw(election_ballots(estate, ids, seats))
    return Election(estate, ids, seats, tuple(ballots))
