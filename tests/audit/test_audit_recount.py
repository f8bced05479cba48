from datetime import date

import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedCandidate,
    AnnouncedDecision,
    AnnouncedElection,
    DecisionAudit,
    ElectionAudit,
    audit_decision,
    audit_election,
)
from community_governance.elections import ElectionBallot
from community_governance.exceptions import AreaTypeError, AuditError, InvalidAreaError

SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))


def estate():
    rows = [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 10)]
    rows += [
        {"unit": "2-1", "area": "50", "owners": ["o1"]},
        {"unit": "3-1", "area": "80", "owners": ["Dev"], "status": "unsold"},
        {"unit": "3-2", "area": "80", "owners": ["Dev"], "status": "unsold"},
    ]
    return cg.Estate.from_records(rows)


def ballots():
    items = [ElectionBallot(f"1-{i}", ["A", "B"] if i < 7 else ["C"]) for i in range(1, 10)]
    items += [
        ElectionBallot("2-1", ["A", "B"]),
        ElectionBallot("3-1", ["C"]),
        ElectionBallot("3-2", ["C"]),
    ]
    return items


def codes(audit):
    """Irregularities, then each differing figure followed by the causes explaining it."""
    found = [c.code for c in audit.irregularities]
    for item in audit.discrepancies:
        found += [item.code, *(c.code for c in item.causes)]
    return found


def test_consistent_announcement():
    announced = AnnouncedElection(
        participating_heads=10,
        participating_area="1110",
        candidates={"A": (6, "650")},
        elected=["A", "B"],
    )
    audit = audit_election(
        estate(), ballots(), announced, candidates=["A", "B", "C"], seats=2, rules=SH
    )
    assert audit.consistent
    assert audit.explain().startswith("consistent: the announcement matches")
    assert audit.explain("zh").startswith("一致：复核结果与公布一致")
    html = audit._repr_html_()
    assert html.count("<table>") == 1 and "<caption>Election audit: consistent" in html


def test_unit_counting_outside_ballots_and_wrong_winner():
    extra = [*ballots(), ElectionBallot("9-9", ["A"]), ElectionBallot("1-1", ["A", "B"])]
    announced = AnnouncedElection(
        participating_heads=12, candidates={"A": (7, "700"), "C": 5}, elected=["A", "C"]
    )
    audit = audit_election(
        estate(), extra, announced, candidates=["A", "B", "C"], seats=2, rules=SH
    )
    assert codes(audit) == [
        "ballot-outside-register",
        "duplicate-ballot",
        "participation-heads",
        "persons-counted-more-than-once",
        "persons-counted-more-than-once",
        "candidate-heads",
        "persons-counted-more-than-once",
        "candidate-area",
        "candidate-heads",
        "persons-counted-more-than-once",
        "elected",
    ]
    assert audit.irregularities[0].units == ("9-9",)
    assert [c.persons for c in audit.causes[2:]] == [("o1",), ("developer",)]
    assert "9-9" in audit.explain() and "差异" in audit.explain("zh")
    assert "<table>" in audit._repr_html_()
    assert ElectionAudit.from_dict(audit.to_dict()) == audit


def test_non_voters_counted_as_agreeing():
    few = [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 8)]
    announced = AnnouncedElection(participating_heads=10, candidates=[AnnouncedCandidate("A", 10)])
    audit = audit_election(estate(), few, announced, candidates=["A"], seats=1, rules=SH)
    assert codes(audit) == [
        "participation-heads",
        "non-voters-counted",
        "candidate-heads",
        "non-voters-counted",
    ]
    assert "Art. 26(2)" in audit.discrepancies[0].causes[0].text()
    assert audit.discrepancies[0].explained


def test_conflicting_ballots_recounted_as_spoiled():
    mixed = [*ballots()[:-3], ElectionBallot("2-1", ["C"])]
    audit = audit_election(
        estate(), mixed, AnnouncedElection(), candidates=["A", "B", "C"], seats=2, rules=SH
    )
    assert codes(audit) == ["conflicting-ballots"]
    assert audit.recount.spoiled.heads == 1


def test_unexplained_difference_has_no_cause():
    announced = AnnouncedElection(participating_heads=3)
    audit = audit_election(
        estate(), ballots(), announced, candidates=["A", "B", "C"], seats=2, rules=SH
    )
    assert codes(audit) == ["participation-heads"]
    assert audit.discrepancies[0].text("zh").startswith("参与表决人数")
    assert not audit.causes and audit.unexplained == audit.discrepancies
    html = audit._repr_html_()
    assert html.count("<table>") == 2 and "<caption>Election audit: inconsistent" in html


def test_motion_audit():
    votes = [cg.Ballot(f"1-{i}", "agree" if i < 6 else "oppose") for i in range(1, 10)]
    votes += [cg.Ballot("2-1", "agree"), cg.Ballot("3-1", "oppose"), cg.Ballot("3-2", "oppose")]
    ok = audit_decision(
        estate(),
        votes,
        AnnouncedDecision(participating_heads=10, agree_heads=5, agree_area="550", passed=False),
        matter="hire-or-dismiss-manager",
        rules=SH,
    )
    assert ok.consistent, ok.explain()
    bad = audit_decision(
        estate(),
        votes,
        AnnouncedDecision(
            participating_heads=12, participating_area="1", agree_heads=6, agree_area=0, passed=True
        ),
        matter="hire-or-dismiss-manager",
        rules=SH,
    )
    assert codes(bad) == [
        "participation-heads",
        "persons-counted-more-than-once",
        "persons-counted-more-than-once",
        "participation-area",
        "agree-heads",
        "persons-counted-more-than-once",
        "agree-area",
        "passed",
    ]
    assert DecisionAudit.from_dict(bad.to_dict()) == bad
    assert "<table>" in bad._repr_html_() and "差异" in bad.explain("zh")
    assert ok.explain("zh").startswith("一致：复核结果与公布一致")
    conflicted = audit_decision(
        estate(),
        [cg.Ballot("1-1", "agree"), cg.Ballot("2-1", "oppose")],
        AnnouncedDecision(),
        matter="hire-or-dismiss-manager",
        rules=SH,
    )
    assert codes(conflicted) == ["conflicting-ballots"]


def test_bad_announcements():
    with pytest.raises(AuditError, match="-1"):
        AnnouncedElection(participating_heads=-1)
    with pytest.raises(AreaTypeError, match="float"):
        AnnouncedElection(participating_area=12.5)
    with pytest.raises(InvalidAreaError, match="-3"):
        AnnouncedDecision(agree_area="-3")
    with pytest.raises(InvalidAreaError, match="'x'"):
        AnnouncedDecision(agree_area="x")
