"""Shared test helper: a tampered election result made self-consistent, as plain data."""

from __future__ import annotations

import attrs

from community_governance.elections import ElectionResult
from community_governance.elections.result import candidate_results, recount


def refit(result: ElectionResult) -> dict[str, object]:
    """``result`` with every derived fact recomputed from its (tampered) inputs, as data.

    Only the inputs differ from an honest result, in every round: the loader's recount agrees
    with every derived fact, so what it refuses is the inputs themselves.
    """
    return _refitted(result).to_dict()


def _refitted(result: ElectionResult) -> ElectionResult:
    counted, seating = recount(result)
    ids = tuple(c.candidate for c in result.candidates)
    approvals = {c.candidate: c.approvals for c in result.candidates}
    return attrs.evolve(
        result,
        quorum=counted.quorum,
        candidates=candidate_results(ids, approvals, counted, seating),
        elected=seating.elected,
        alternates=seating.alternates,
        ties=seating.ties,
        unfilled=seating.unfilled,
        second_round=seating.second_round,
        previous=None if result.previous is None else _refitted(result.previous),
    )
