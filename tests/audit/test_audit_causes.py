"""Audits group discrepancies by cause, name the persons and units, and split each difference."""

from datetime import date

import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedDecision,
    AnnouncedElection,
    DecisionAudit,
    ElectionAudit,
    audit_decision,
    audit_election,
)
from community_governance.elections import ElectionBallot

SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
LI = "owner Li (units 1-101, 2-301) counted twice"


def estate():
    rows = [
        {"unit": "1-101", "area": "90", "owners": ["Li"]},
        {"unit": "2-301", "area": "60", "owners": ["Li"]},
    ]
    rows += [{"unit": f"3-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 12)]
    return cg.Estate.from_records(rows)


def election_ballots():
    """Li approves every candidate with both flats; o1-o9 approve A, o1-o4 also B-F."""
    everyone = ["A", "B", "C", "D", "E", "F"]
    items = [ElectionBallot("1-101", everyone), ElectionBallot("2-301", everyone)]
    for i in range(1, 12):
        approvals = (["A"] if i <= 9 else []) + (everyone[1:] if i <= 4 else [])
        items.append(ElectionBallot(f"3-{i}", approvals))
    return items


def two_errors():
    """Li counted twice everywhere, and A's count mistyped (11 written as 12)."""
    others = dict.fromkeys("BCDEF", 6)
    return AnnouncedElection(participating_heads=13, candidates={"A": 12, **others})


def elect_audit():
    return audit_election(
        estate(),
        election_ballots(),
        two_errors(),
        candidates=["F", "E", "D", "C", "B", "A"],
        seats=6,
        rules=SH,
    )


def test_one_cause_named_once_and_the_mistyped_count_split():
    audit = elect_audit()
    assert len(audit.discrepancies) == 7
    (li,) = audit.causes
    assert li.code == "persons-counted-more-than-once"
    assert li.persons == ("Li",) and li.units == ("1-101", "2-301")
    a = next(d for d in audit.discrepancies if d.subject == "A")
    assert [(p.amount, p.cause) for p in a.parts] == [(1, li), (1, None)]
    assert a.text() == (
        f"persons approving A: announced 12, recounted 10: +1 explained by {LI}, +1 unexplained"
    )
    assert audit.unexplained == (a,) and str(a) == a.text()
    assert str(li) == li.text() and str(a.parts[1]) == "+1 unexplained"
    text = audit.explain()
    assert text.count(LI) == 2  # the cause once, and A's split
    cause_line = next(line for line in text.splitlines() if line.startswith(f"  ✗ {LI}"))
    assert "persons taking part 13 → 12" in cause_line
    assert all(f"persons approving {c} 6 → 5" in cause_line for c in "BCDEF")
    assert "业主Li（专有部分1-101、2-301）" in audit.explain("zh")


def test_recount_sorted_by_rank_and_html_tables():
    audit = elect_audit()
    lines = audit.explain().splitlines()
    table = lines[lines.index("Recount:") + 2 :]
    assert table[0] == "  1 | A | 10 | 1050.00 m² | elected"
    assert [row.split(" | ")[1] for row in table[1:]] == ["F", "E", "D", "C", "B"]
    html = audit._repr_html_()
    assert "\n" not in html and html.count("<table>") == 3
    assert "<caption>Recount</caption>" in html and "<td>Li</td>" in html
    assert (
        str(audit) == "inconsistent: 7 figure(s) differ, 1 cause(s) found, 1 not wholly explained"
    )
    assert repr(audit).startswith("<ElectionAudit inconsistent:") and "\n" not in repr(audit)


def test_decision_audit_grouped_the_same_way():
    votes = [cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "agree")]
    votes += [cg.Ballot(f"3-{i}", "agree" if i <= 9 else "oppose") for i in range(1, 12)]
    audit = audit_decision(
        estate(),
        votes,
        AnnouncedDecision(participating_heads=13, agree_heads=12, passed=True),
        matter="hire-or-dismiss-manager",
        rules=SH,
    )
    (li,) = audit.causes
    part, agree = audit.discrepancies
    assert part.explained and part.causes == (li,)
    assert agree.text() == (
        f"persons agreeing: announced 12, recounted 10: +1 explained by {LI}, +1 unexplained"
    )
    assert "表决结果｜通过" in audit.explain("zh")
    assert DecisionAudit.from_dict(audit.to_dict()) == audit
    assert str(audit).startswith("inconsistent: 2 figure(s)")


def test_round_trip_refuses_changed_derived_facts():
    audit = elect_audit()
    data = audit.to_dict()
    assert ElectionAudit.from_dict(data) == audit
    data["discrepancies"][0]["recounted"] = "11"
    with pytest.raises(cg.GovernanceError, match="discrepancies") as caught:
        ElectionAudit.from_dict(data)
    assert caught.value.field == "discrepancies"
    data = audit.to_dict()
    a = next(d for d in data["discrepancies"] if d["subject"] == "A")
    a["parts"][1]["amount"] = 2
    with pytest.raises(cg.GovernanceError, match=r"parts.* 3 disagrees .*, 2;"):
        ElectionAudit.from_dict(data)
    data = audit.to_dict()
    data["discrepancies"].pop()
    with pytest.raises(cg.GovernanceError, match="discrepancies"):
        ElectionAudit.from_dict(data)


def test_round_trip_refuses_changed_causes():
    audit = elect_audit()
    data = audit.to_dict()
    a = next(d for d in data["discrepancies"] if d["subject"] == "A")
    a["parts"] = [{"amount": 2, "cause": a["parts"][0]["cause"]}]  # hide the unexplained +1
    with pytest.raises(cg.GovernanceError, match=r"counted twice\].* 2 disagrees .*, 1;"):
        ElectionAudit.from_dict(data)
    data = audit.to_dict()
    data["discrepancies"][0]["parts"][0]["cause"]["en"] = "a clerical slip"
    with pytest.raises(cg.GovernanceError, match=r"causes\[persons-counted-more-than-once\]"):
        ElectionAudit.from_dict(data)
    data = audit.to_dict()
    data["discrepancies"][0]["parts"][0]["cause"]["code"] = "typo"
    with pytest.raises(cg.GovernanceError, match=r"causes\[typo\].*data, None;"):
        ElectionAudit.from_dict(data)
    data = audit.to_dict()
    data["discrepancies"][0]["en"] = "persons who liked it"
    with pytest.raises(cg.GovernanceError, match="discrepancies"):
        ElectionAudit.from_dict(data)


def test_round_trip_of_every_cause():
    register = estate()
    few = [ElectionBallot(f"3-{i}", ["A"]) for i in range(1, 6)]
    few += [ElectionBallot("9-9", ["A"]), ElectionBallot("3-1", ["A"])]
    few += [ElectionBallot("1-101", ["A"]), ElectionBallot("2-301", [])]
    audit = audit_election(
        register,
        few,
        AnnouncedElection(participating_heads=15, candidates={"A": 13}),
        candidates=["A"],
        seats=1,
        rules=SH,
    )
    assert {c.code for c in audit.causes} == {
        "ballot-outside-register",
        "duplicate-ballot",
        "conflicting-ballots",
        "persons-counted-more-than-once",
        "non-voters-counted",
    }
    assert ElectionAudit.from_dict(audit.to_dict()) == audit
    motion = audit_decision(
        register,
        [cg.Ballot("3-1", "agree")],
        AnnouncedDecision(participating_heads=12),
        matter="hire-or-dismiss-manager",
        rules=SH,
    )
    assert [c.code for c in motion.causes] == ["non-voters-counted"]
    assert DecisionAudit.from_dict(motion.to_dict()) == motion


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        (("announced", "participating_heads"), 13.0, "announced.participating_heads"),
        (("announced", "participating_heads"), True, "announced.participating_heads"),
        (("discrepancies", 0, "parts", 0, "amount"), 1.0, "discrepancies[0].parts[0].amount"),
    ],
)
def test_round_trip_refuses_coercion(where, value, field):
    data = elect_audit().to_dict()
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(cg.exceptions.InvalidDataError, match="refused") as caught:
        ElectionAudit.from_dict(data)
    assert caught.value.field == field


def test_decision_round_trip_refuses_a_string_result():
    votes = [cg.Ballot("1-101", "agree"), cg.Ballot("3-1", "oppose")]
    audit = audit_decision(
        estate(), votes, AnnouncedDecision(passed=True), matter="hire-or-dismiss-manager", rules=SH
    )
    data = audit.to_dict()
    data["announced"]["passed"] = "no"
    with pytest.raises(cg.exceptions.InvalidDataError, match=r"announced.passed is 'no'"):
        DecisionAudit.from_dict(data)
    data["announced"]["passed"] = False  # the "passed" difference no longer follows
    with pytest.raises(cg.GovernanceError, match="stored discrepancies"):
        DecisionAudit.from_dict(data)
