"""Review of the election audit as a new user: each test pins one fixed defect."""

from __future__ import annotations

from datetime import date

import community_governance as cg
from community_governance.audit import AnnouncedElection, audit_election
from community_governance.elections import ElectionBallot

CN = cg.rules_for("CN", on=date(2025, 3, 1))
ESTATE = cg.Estate.from_records(
    [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(6)]
)
BALLOTS = [ElectionBallot(f"u{i}", ["X", "Y"] if i < 4 else ["X"]) for i in range(6)]


def _audit(announced: AnnouncedElection) -> cg.audit.ElectionAudit:
    return audit_election(ESTATE, BALLOTS, announced, candidates=["X", "Y", "Z"], seats=2, rules=CN)


def test_a_published_list_naming_a_member_twice_is_a_finding() -> None:
    assert _audit(AnnouncedElection(elected=["Y", "X"])).consistent
    audit = _audit(AnnouncedElection(elected=["X", "Y", "Y"]))
    assert not audit.consistent
    (found,) = audit.discrepancies
    assert (found.code, found.announced, found.recounted) == ("elected", "X, Y, Y", "X, Y")
