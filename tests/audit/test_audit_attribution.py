"""The split of a head-count difference among its causes (audit.attribution.attribute)."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedDecision,
    AnnouncedElection,
    DecisionAudit,
    audit_decision,
    audit_election,
)
from community_governance.audit.attribution import attribute, non_voters, repeated
from community_governance.audit.findings import Cause, Discrepancy
from community_governance.elections import ElectionBallot
from community_governance.exceptions import DerivedFactMismatchError, InvalidAreaError


def _difference(announced: int, recounted: int) -> Discrepancy:
    return Discrepancy(
        "participation-heads", "participation", str(announced), str(recounted), "persons", "人数"
    )


def test_non_voters_explain_the_rest_only_when_their_number_is_given_and_matches() -> None:
    difference = _difference(12, 10)
    silent = non_voters(2)
    # without a number of non-voters (the default, none) nothing is laid on them
    assert attribute(difference, 12, 10, [], silent) == difference
    one = _difference(11, 10)
    assert attribute(one, 11, 10, [], non_voters(1)) == one
    assert attribute(one, 11, 10, [], non_voters(1), not_voting=1).explained
    assert attribute(difference, 12, 10, [], silent, not_voting=1) == difference
    both = attribute(difference, 12, 10, [], silent, not_voting=2)
    assert [(p.amount, p.cause) for p in both.parts] == [(2, silent)]
    assert both.explained
    assert attribute(difference, 12, 10, [], silent, not_voting=3) == difference


def test_evidence_first_then_the_unexplained_rest() -> None:
    difference = _difference(12, 10)
    twice = repeated("Li", ["1-01", "1-02"])
    split = attribute(difference, 12, 10, [(twice, 1)], None)
    assert [(p.amount, p.cause) for p in split.parts] == [(1, twice), (1, None)]
    assert not split.explained


def _ten_flats() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 11)]
    )


MANAGER = cg.Matter.HIRE_OR_DISMISS_MANAGER
SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
DEEMED = SH.with_layer(
    cg.jurisdictions.estate_layer(
        "covenant",
        params={
            "deemed_vote": cg.rules.DeemedVoteClause(
                "covenant Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR
            )
        },
        clause="Art. 9",
    )
)


def test_non_voters_are_a_cause_only_when_the_rules_carry_no_deemed_vote_clause() -> None:
    # two of ten vote; the committee announces all ten as taking part and agreeing
    ballots = [cg.Ballot(f"1-{i}", "agree") for i in (1, 2)]
    announced = AnnouncedDecision(participating_heads=10, agree_heads=10, passed=True)
    plain = audit_decision(_ten_flats(), ballots, announced, matter=MANAGER, rules=SH)
    heads = {d.code: d for d in plain.discrepancies}
    for code in ("participation-heads", "agree-heads"):
        assert [p.amount for p in heads[code].parts] == [8]
        assert [c.code for c in heads[code].causes] == ["non-voters-counted"]
    # under a clause (whose floor two voters do not reach) the non-voters are no mistake found
    clause = audit_decision(_ten_flats(), ballots, announced, matter=MANAGER, rules=DEEMED)
    heads = {d.code: d for d in clause.discrepancies}
    for code in ("participation-heads", "agree-heads"):
        assert heads[code].parts == ()
        assert not heads[code].explained


def test_the_recount_table_lists_candidates_by_rank_not_in_the_order_given() -> None:
    # C is approved by all ten, B by eight, A by none: the table reads C, B, then A unranked
    ballots = [ElectionBallot(f"1-{i}", ["C", "B"] if i <= 8 else ["C"]) for i in range(1, 11)]
    audit = audit_election(
        _ten_flats(), ballots, AnnouncedElection(), candidates=["A", "B", "C"], seats=2, rules=SH
    )
    assert [(c.candidate, c.rank) for c in audit.recount.candidates] == [
        ("A", None),
        ("B", 2),
        ("C", 1),
    ]
    table = audit.explain().splitlines()[3:6]
    assert table == [
        "  1 | C | 10 | 1000.00 m² | elected",
        "  2 | B | 8 | 800.00 m² | elected",
        "  — | A | 0 | 0.00 m² | failed",
    ]
    assert audit.explain("zh").splitlines()[3:6] == [
        "  1｜C｜10｜1000.00平方米｜当选",
        "  2｜B｜8｜800.00平方米｜当选",
        "  —｜A｜0｜0.00平方米｜未通过",
    ]


def test_a_cause_of_several_persons_lists_them_in_its_html() -> None:
    cause = Cause(
        "conflicting-ballots", ("Li", "Wang"), ("1-01", "1-02"), "two ballots", "两张选票"
    )
    assert "<td>Li, Wang</td><td>1-01, 1-02</td><td>1</td>" in cause._repr_html_()


def test_a_loaded_cause_is_rebuilt_from_its_first_person_and_unit_and_a_change_refused() -> None:
    # a second ballot for unit 1-1; the stored cause is edited to name a second person and unit
    estate = cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 5)]
    )
    ballots = [cg.Ballot("1-1", "agree"), cg.Ballot("1-1", "agree"), cg.Ballot("1-2", "agree")]
    audit = audit_decision(
        estate, ballots, AnnouncedDecision(participating_heads=3), matter=MANAGER, rules=SH
    )
    data = audit.to_dict()
    assert DecisionAudit.from_dict(data) == audit
    for cause in (data["irregularities"][0], data["discrepancies"][0]["parts"][0]["cause"]):
        assert (cause["code"], cause["persons"], cause["units"]) == (
            "duplicate-ballot",
            ["o1"],
            ["1-1"],
        )
        cause["persons"], cause["units"] = ["o1", "o2"], ["1-1", "1-2"]
    with pytest.raises(DerivedFactMismatchError) as caught:
        DecisionAudit.from_dict(data)
    assert caught.value.field == "causes[duplicate-ballot]"
    recomputed = caught.value.recomputed
    assert isinstance(recomputed, Cause)
    assert (recomputed.persons, recomputed.units) == (("o1",), ("1-1",))
    assert recomputed.en == "the second ballot of unit 1-1 (o1), not counted"


@pytest.mark.parametrize("area", ["abc", "-1"])
def test_a_bad_announced_area_is_refused_naming_the_announced_area(area: str) -> None:
    with pytest.raises(InvalidAreaError) as caught:
        AnnouncedDecision(participating_area=area)
    assert str(caught.value).startswith(f"announced area: {area!r}")
    assert caught.value.what == "announced area"
