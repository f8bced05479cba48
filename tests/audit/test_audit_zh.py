"""Every audit explanation in zh is Chinese throughout: no ASCII words but identifiers."""

import re
from datetime import date

import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedDecision,
    AnnouncedElection,
    audit_decision,
    audit_election,
    reported_percentage,
)
from community_governance.elections import ElectionBallot

SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def estate():
    rows = [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 10)]
    rows += [
        {"unit": "2-1", "area": "50", "owners": ["o1"]},
        {"unit": "3-1", "area": "80", "owners": ["Dev"], "status": "unsold"},
        {"unit": "3-2", "area": "80", "owners": ["Dev"], "status": "unsold"},
    ]
    return cg.Estate.from_records(rows)


def identifiers(register):
    """Unit ids, person labels and candidate ids: data, not words of the text."""
    return {*(u.id for u in register.units), *(p.label for p in register.persons), *"ABC"}


def election_audits(register):
    base = [ElectionBallot(f"1-{i}", ["A", "B"] if i < 7 else ["C"]) for i in range(1, 10)]
    base += [ElectionBallot("2-1", ["A", "B"]), ElectionBallot("3-1", ["C"])]
    irregular = [*base, ElectionBallot("9-9", ["A"]), ElectionBallot("1-1", ["A"])]
    irregular += [
        ElectionBallot("3-2", ["A"]),
        ElectionBallot("1-1", ["B"]),
        ElectionBallot("9-9", []),
    ]
    announced = AnnouncedElection(
        participating_heads=13,
        participating_area="1",
        candidates={"A": (9, "700"), "C": 9},
        elected=["A", "C"],
    )
    yield audit_election(
        register, irregular, announced, candidates=["A", "B", "C"], seats=2, rules=SH
    )
    few = base[:5]
    yield audit_election(
        register,
        few,
        AnnouncedElection(participating_heads=10, candidates={"A": 10}),
        candidates=["A"],
        seats=1,
        rules=SH,
    )
    yield audit_election(
        register, base, AnnouncedElection(), candidates=["A", "B", "C"], seats=2, rules=SH
    )
    yield audit_election(  # names joined with 、, 无 for no alternates, 席 for seats
        register,
        base,
        AnnouncedElection(alternates=["C", "B"], unfilled=1, spoiled_heads=3),
        candidates=["A", "B", "C"],
        seats=2,
        rules=SH,
        alternates=1,
    )


def decision_audits(register):
    votes = [cg.Ballot(f"1-{i}", "agree" if i < 6 else "oppose") for i in range(1, 10)]
    votes += [cg.Ballot("2-1", "oppose"), cg.Ballot("9-9", "agree")]
    announced = AnnouncedDecision(
        participating_heads=12, participating_area="1", agree_heads=7, agree_area=0, passed=True
    )
    yield audit_decision(register, votes, announced, matter="hire-or-dismiss-manager", rules=SH)
    yield audit_decision(
        register, votes[:9], AnnouncedDecision(), matter="hire-or-dismiss-manager", rules=SH
    )


def texts():
    register = estate()
    allowed = identifiers(register)
    for audit in [*election_audits(register), *decision_audits(register)]:
        yield audit.explain("zh"), allowed
        yield audit.verdict("zh"), allowed
        for item in audit.discrepancies:
            yield item.text("zh"), allowed
    for total, reported in [(103, "96.8"), (7, "71.4"), (3, "66.6")]:
        check = reported_percentage(total, reported)
        yield check.explain("zh"), set()
        yield check.verdict("zh"), set()


@pytest.mark.parametrize(("text", "allowed"), list(texts()))
def test_zh_has_no_english_words(text, allowed):
    words = {w for w in WORD.findall(text) if w not in allowed}
    assert not words, f"English in a zh text: {sorted(words)}\n{text}"


def test_the_zh_texts_cover_every_cause():
    register = estate()
    codes = {
        c.code for a in [*election_audits(register), *decision_audits(register)] for c in a.causes
    }
    assert codes == {
        "ballot-outside-register",
        "duplicate-ballot",
        "conflicting-ballots",
        "persons-counted-more-than-once",
        "non-voters-counted",
    }


def test_several_extra_ballots_are_one_cause():
    audit = next(election_audits(estate()))
    outside, extra = audit.irregularities[:2]
    assert outside.count == 2 and outside.en.startswith("the 2 ballots for unit 9-9")
    assert extra.count == 2 and extra.zh == "专有部分1-1（o1）的多出的2张选票（未计入）"
