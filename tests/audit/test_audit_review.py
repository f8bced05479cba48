"""Review of the election audit as a new user: each test pins one fixed defect."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.audit import AnnouncedElection, audit_election, reported_percentage
from community_governance.elections import ElectionBallot
from community_governance.exceptions import AuditError, AuditInputError

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


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: AnnouncedElection(participating_heads=7.0), "count"),
        (lambda: AnnouncedElection(participating_heads=True), "count"),
        (lambda: AnnouncedElection(candidates={"X": ("6", None)}), "count"),
        (lambda: reported_percentage(103.0, "96.8"), "total"),
        (lambda: reported_percentage(103, 96.8), "reported"),
    ],
)
def test_wrongly_typed_announced_figures_raise_a_type_error(make, field) -> None:
    # floats, bools and strings where a count belongs are type errors (house rule), still
    # AuditError for existing handlers
    with pytest.raises(AuditInputError) as raised:
        make()
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, AuditError)
    assert raised.value.field == field


def test_a_negative_count_stays_a_value_error() -> None:
    with pytest.raises(AuditError) as raised:
        AnnouncedElection(participating_heads=-1)
    assert not isinstance(raised.value, TypeError)
