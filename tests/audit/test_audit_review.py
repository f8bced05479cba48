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


# --------------------------------------------- figures announced for a name that is not a candidate
def _announced_for_a_stranger(**figures: object) -> cg.audit.ElectionAudit:
    estate = cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(4)]
    )
    ballots = [cg.elections.ElectionBallot(f"u{i}", ["X"]) for i in range(4)]
    announced = cg.audit.AnnouncedElection(
        candidates=[
            cg.audit.AnnouncedCandidate("W", **figures),
            cg.audit.AnnouncedCandidate("X", 4),
        ]
    )
    rules = cg.rules_for("CN", on=date(2025, 3, 1))
    return cg.audit.audit_election(
        estate, ballots, announced, candidates=["X"], seats=1, rules=rules
    )


@pytest.mark.parametrize(
    ("figures", "found"),
    [
        (
            {"heads": 5},
            [
                (
                    "not-a-candidate-heads",
                    "persons approving W: announced 5",
                    "同意W的人数：公布为5人",
                )
            ],
        ),
        (
            {"heads": 1, "area": "100"},
            [
                (
                    "not-a-candidate-heads",
                    "persons approving W: announced 1",
                    "同意W的人数：公布为1人",
                ),
                (
                    "not-a-candidate-area",
                    "area approving W: announced 100.00",
                    "同意W的面积：公布为100.00平方米",
                ),
            ],
        ),
        ({}, [("not-a-candidate", "W: announced on the list", "W：公布为列入名单")]),
    ],
)
def test_figures_announced_for_a_non_candidate_are_a_finding(
    figures: dict[str, object], found: list[tuple[str, str, str]]
) -> None:
    """A published result naming someone who did not stand is a discrepancy, not a crash."""
    audit = _announced_for_a_stranger(**figures)
    assert [(d.code, d.figures(), d.figures("zh")) for d in audit.discrepancies] == [
        (code, f"{en}, recounted not a candidate", f"{zh}，复核为非候选人")
        for code, en, zh in found
    ]
    assert {d.subject for d in audit.discrepancies} == {"W"} and not audit.consistent


def test_a_non_candidate_does_not_hide_the_candidates_announced_after_it() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(4)]
    )
    ballots = [cg.elections.ElectionBallot(f"u{i}", ["X"]) for i in range(4)]
    announced = cg.audit.AnnouncedElection(
        candidates=[cg.audit.AnnouncedCandidate("W", 5), cg.audit.AnnouncedCandidate("X", 3)]
    )
    rules = cg.rules_for("CN", on=date(2025, 3, 1))
    audit = cg.audit.audit_election(
        estate, ballots, announced, candidates=["X"], seats=1, rules=rules
    )
    assert [(d.code, d.subject) for d in audit.discrepancies] == [
        ("not-a-candidate-heads", "W"),
        ("candidate-heads", "X"),
    ]


def test_a_non_candidate_keeps_the_participation_findings_before_it() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(4)]
    )
    ballots = [cg.elections.ElectionBallot(f"u{i}", ["X"]) for i in range(4)]
    announced = cg.audit.AnnouncedElection(
        participating_heads=3, candidates=[cg.audit.AnnouncedCandidate("W", 5)]
    )
    rules = cg.rules_for("CN", on=date(2025, 3, 1))
    audit = cg.audit.audit_election(
        estate, ballots, announced, candidates=["X"], seats=1, rules=rules
    )
    assert [d.code for d in audit.discrepancies] == [
        "participation-heads",
        "not-a-candidate-heads",
    ]
