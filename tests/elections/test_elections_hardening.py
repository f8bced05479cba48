"""Scenarios that kill outcome-changing mutants, strict types, and results that are re-checked
on load (derived facts are never trusted from input)."""

import copy
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import (
    Candidate,
    ElectionBallot,
    ElectionResult,
    ElectOptions,
    GroupMember,
    SeatStatus,
    SlatePolicy,
    build_slate,
    check_committee_size,
    check_group,
    composition,
    elect,
    restrict,
    vet,
)
from community_governance.exceptions import (
    CandidateError,
    DerivedFactMismatchError,
    ElectionInputError,
    InvalidChoiceError,
    InvalidDataError,
)
from community_governance.register import CountingPolicy, OverlapPolicy
from community_governance.rules import BallotPolicy, Handling, SpoiledPolicy, TieBreak, TieMethod

CN = cg.rules_for("CN", on=date(2024, 5, 1))
BJ = cg.rules_for("CN-BJ", on=date(2024, 5, 1))
LOW = cg.Citation("estate_rules", "9")


def flat(areas):
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": a, "owners": [f"o{i}"]} for i, a in enumerate(areas)]
    )


def with_estate(rules, **params):
    return rules.with_layer(cg.jurisdictions.estate_layer("own rules", params=params, clause="5"))


# ------------------------------------------------------------------ heads are heads, area is area


def test_one_big_owner_is_one_head_not_most_of_the_heads():
    estate = flat(["1000", "10", "10", "10"])
    ballots = [
        ElectionBallot("1-0", ["Big"]),
        *(ElectionBallot(f"1-{i}", ["Small"]) for i in (1, 2, 3)),
    ]
    result = elect(estate, ballots, candidates=["Big", "Small"], seats=1, rules=CN)
    big, small = result.candidate("Big"), result.candidate("Small")
    assert big.approvals == cg.voting.Figures(1, Decimal("1000"))
    assert small.approvals == cg.voting.Figures(3, Decimal("30"))
    heads, area = ({c.threshold.measure: c for c in big.checks}[m] for m in cg.Measure)
    assert not big.passed and heads.numerator == 1 and heads.denominator == 4
    assert area.passed and area.numerator == Decimal("1000")
    assert not small.passed  # 3 of 4 heads, but 30 of 1030 m²
    assert result.elected == () and result.unfilled == 1


# ------------------------------------------------------------------ spoiled ballots by the rules


def _spoiled_election(rules, rule=None):
    estate = flat(["100"] * 6)
    ballots = [
        *(ElectionBallot(f"1-{i}", ["A"]) for i in range(3)),
        ElectionBallot("1-3", []),
        ElectionBallot("1-4", (), spoiled=True),
        ElectionBallot("1-5", (), spoiled=True),
    ]
    options = ElectOptions(rule=rule) if rule is not None else None
    return elect(estate, ballots, candidates=["A"], seats=1, rules=rules, options=options)


def test_spoiled_ballots_excluded_by_the_estate_rules_leave_quorum_and_base():
    included = _spoiled_election(CN)
    assert included.spoiled_policy is SpoiledPolicy.PARTICIPATING
    assert included.participating == cg.voting.Figures(6, Decimal("600"))
    assert not included.candidate("A").passed  # 3 of 6 is not more than half
    excluded = _spoiled_election(with_estate(CN, spoiled_ballots=SpoiledPolicy.EXCLUDED))
    assert excluded.spoiled_policy is SpoiledPolicy.EXCLUDED
    assert excluded.participating == cg.voting.Figures(4, Decimal("400"))
    assert excluded.spoiled == cg.voting.Figures(2, Decimal("200"))
    assert {c.numerator for c in excluded.quorum} == {4, Decimal("400")}
    assert excluded.elected == ("A",)  # 3 of 4 taking part
    assert ElectionResult.from_dict(excluded.to_dict()) == excluded


@pytest.mark.parametrize(("policy", "cast"), [("participating", 4), ("excluded", 4)])
def test_votes_cast_base_never_counts_spoiled_ballots(policy, cast):
    rule = cg.ResolutionRule(
        (), (cg.Threshold("heads", "cast", "more-than", Fraction(1, 2), LOW),), LOW
    )
    rules = with_estate(CN, spoiled_ballots=SpoiledPolicy(policy))
    result = _spoiled_election(rules, rule)
    (check,) = result.candidate("A").checks
    assert check.denominator == cast and check.numerator == 3 and check.passed
    assert ElectionResult.from_dict(result.to_dict()) == result


# ------------------------------------------------------------------ alternates, scope, rule set


def test_default_is_no_alternates():
    assert ElectOptions().alternates == 0
    estate = flat(["100"] * 4)
    ballots = [ElectionBallot(f"1-{i}", ["A", "B"]) for i in range(4)]
    result = elect(estate, ballots, candidates=["A", "B", "C"], seats=2, rules=CN)
    three = [ElectionBallot(f"1-{i}", ["A"] if i < 3 else ["B"]) for i in range(4)]
    one_seat = elect(estate, three, candidates=["A", "B"], seats=1, rules=CN)
    assert result.alternates == () and result.alternate_places == 0
    assert one_seat.alternates == () and one_seat.candidate("B").status is SeatStatus.FAILED
    seven = flat(["100"] * 7)
    pattern = [["A", "B"]] * 3 + [["A", "C"], ["B", "C"], ["A", "C"], ["C", "B"]]
    runner = elect(
        seven,
        [ElectionBallot(f"1-{i}", pattern[i]) for i in range(7)],
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
    )
    assert runner.elected == ("A", "B") and runner.alternates == ()
    assert runner.candidate("C").status is SeatStatus.NOT_SEATED


def test_restrict_keeps_the_merge_policy_for_co_owners():
    rows = [
        {"unit": "1-1", "area": "80", "owners": ["Li", "Wang"]},
        {"unit": "1-2", "area": "60", "owners": ["Wang", "Zhao"]},
        {"unit": "1-3", "area": "70", "owners": ["Sun"]},
        {"unit": "2-1", "area": "90", "owners": ["Qian"]},
    ]
    merged = cg.Estate.from_records(rows, counting=CountingPolicy(OverlapPolicy.MERGE))
    building = restrict(merged, ["1-1", "1-2", "1-3"])
    assert building.counting.overlap is OverlapPolicy.MERGE
    assert building.counted_persons == 2
    separate = restrict(cg.Estate.from_records(rows), ["1-1", "1-2", "1-3"])
    assert separate.counted_persons == 3
    result = elect(
        merged,
        [ElectionBallot("1-1", ["Li"]), ElectionBallot("1-2", ["Li"])],
        candidates=["Li"],
        seats=1,
        rules=CN,
        options=ElectOptions(scope=["1-1", "1-2", "1-3"]),
    )
    assert result.total == cg.voting.Figures(2, Decimal("210"))
    assert result.participating == cg.voting.Figures(1, Decimal("140"))
    with pytest.raises(cg.exceptions.ScopeError, match="units"):
        restrict(merged, "1-1")


def _tied_estate():
    estate = flat(["100"] * 6)
    pairs = [["A", "B"], ["A", "B"], ["A", "C"], ["A", "C"], ["B", "C"], ["B", "C"]]
    return estate, [ElectionBallot(f"1-{i}", pairs[i]) for i in range(6)]


def test_tie_break_and_ballot_policy_are_read_from_the_rule_set():
    lot = TieBreak.lot("42", clause="12")
    strict = BallotPolicy(over_approval="error", citation=LOW)
    rules = with_estate(CN, tie_break=lot, ballot_policy=strict)
    estate, ballots = _tied_estate()
    run = {"candidates": ["A", "B", "C"], "seats": 2}
    result = elect(estate, ballots, rules=rules, **run)
    assert result.tie_break == lot and result.tie_break_source == "own rules"
    assert result.policy == strict and result.policy_source == "own rules"
    assert result.elected == lot.order(("A", "B", "C"))[:2]
    over = [*ballots[:5], ElectionBallot("1-5", ["A", "B", "C"])]
    with pytest.raises(cg.exceptions.OverApprovalError):
        elect(estate, over, rules=rules, **run)
    given = elect(
        estate,
        ballots,
        rules=rules,
        options=ElectOptions(tie_break=TieBreak(), policy=BallotPolicy()),
        **run,
    )
    assert given.tie_break_source == "given" and given.policy_source == "given"
    assert given.tie_break.method is TieMethod.RUN_OFF and given.elected == ()
    assert elect(estate, over, rules=rules, options=ElectOptions(policy=BallotPolicy()), **run)
    plain = elect(estate, ballots, rules=CN, **run)
    assert plain.tie_break_source == "default" and plain.policy_source == "default"
    assert plain.elected == () and plain.unfilled == 2
    assert "Tie policy from: own rules" in result.explain()
    assert "并列处理依据：规则层级own rules" in result.explain("zh")
    assert ElectionResult.from_dict(result.to_dict()) == result


def test_decimal_areas_are_reported_exactly():
    estate = flat(["50.55", "49.45", "10.01", "0.99"])
    ballots = [
        ElectionBallot("1-0", ["A"]),
        ElectionBallot("1-1", ["A"]),
        ElectionBallot("1-2", ["B"]),
    ]
    result = elect(estate, ballots, candidates=["A", "B"], seats=1, rules=CN)
    assert result.total.area == Decimal("111.00")
    assert result.participating.area == Decimal("110.01")
    assert result.candidate("A").approvals.area == Decimal("100.00")
    assert result.candidate("B").approvals.area == Decimal("10.01")
    area = next(c for c in result.quorum if c.threshold.measure is cg.Measure.AREA)
    assert area.numerator == Decimal("110.01") and area.denominator == Decimal("111.00")
    assert "110.01平方米" in result.explain("zh") and "10.01 m²" in result.explain()


# ------------------------------------------------------------------ strings are not booleans


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: ElectionBallot("1-0", ["A"], spoiled="no"), "spoiled"),
        (lambda: ElectionBallot("1-0", ["A"], spoiled=0), "spoiled"),
        (lambda: ElectionBallot("1-0", "Ma"), "approvals"),
        (lambda: ElectionBallot("1-0", b"Ma"), "approvals"),
        (lambda: GroupMember("x", "other", leader="no"), "leader"),
        (lambda: GroupMember("x", "other", party_member="yes"), "party_member"),
        (lambda: GroupMember("x", "other", age="40"), "age"),
        (lambda: GroupMember("x", "other", age=True), "age"),
        (lambda: GroupMember("", "other"), "name"),
        (lambda: SlatePolicy("p", "party_member"), "priorities"),
        (lambda: SlatePolicy("p", (), exclude_undetermined="false"), "exclude_undetermined"),
        (lambda: SlatePolicy("", ()), "name"),
    ],
)
def test_strings_are_not_flags_or_lists(make, field):
    with pytest.raises(ElectionInputError) as caught:
        make()
    assert caught.value.field == field
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, CandidateError)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"spoiled": "false"}, "spoiled"),
        ({"spoiled": 0}, "spoiled"),
        ({"approvals": "Ma"}, "approvals"),
        ({"unit": 101}, "unit"),
    ],
)
def test_ballot_from_dict_uses_the_same_validators(data, field):
    plain = {**ElectionBallot("1-0", ["A"]).to_dict(), **data}
    with pytest.raises(CandidateError) as caught:
        ElectionBallot.from_dict(plain)
    assert caught.value.field == field


def test_ballot_round_trip_and_bad_data():
    ballot = ElectionBallot("1-0", ["A"], spoiled=True)
    assert ElectionBallot.from_dict(ballot.to_dict()) == ballot
    bare = {"schema": "community_governance.election_ballot/1", "unit": "1-0"}
    assert ElectionBallot.from_dict(bare) == ElectionBallot("1-0")
    with pytest.raises(InvalidDataError):
        ElectionBallot.from_dict({"schema": bare["schema"]})
    with pytest.raises(InvalidDataError):
        ElectionBallot.from_dict(["1-0"])


def test_tie_break_method_is_strict():
    with pytest.raises(CandidateError, match="seed") as caught:
        TieBreak("lot")
    assert caught.value.field == "seed"
    with pytest.raises(InvalidChoiceError, match="'coin'") as refused:
        TieBreak("coin")
    assert refused.value.allowed == ("run-off", "lot")
    assert TieBreak("lot", "7").method is TieMethod.LOT
    assert TieBreak("run-off") == TieBreak()


def test_vetting_line_names_failed_rules_and_chinese_numbers():
    sh = cg.rules_for("CN-SH", on=date(2024, 5, 1))
    failed = vet(Candidate("Li", "l", arrears=True), sh)
    assert str(failed).startswith("ineligible: candidate Li, fails ")
    facts = dict.fromkeys(cg.rules.eligibility.BOOLEAN_FACTS, True)
    every = vet(Candidate("Li", "l", **facts, residence_years=9, recommendations=9, age=50), sh)
    assert "missing" not in str(every) and "fails" in str(every)
    rules = with_estate(CN, candidate_residence_years=2)
    known = vet(Candidate("Li", "l", residence_years=3), rules)
    assert "居住年限：3" in known.explain("zh") and "residence_years=3" in known.explain()


def test_slate_policy_accepts_priority_values():
    assert SlatePolicy("p", ["volunteer"]).priorities == (cg.elections.Priority.VOLUNTEER,)


# ------------------------------------------------------------------ results re-checked on load


def _result():
    estate = flat(["100"] * 7)
    pattern = [
        ["A", "B", "C"], ["A", "B", "D"], ["A", "B", "C"], ["A", "B", "D"], ["A", "B"],
        ["C", "D"], ["C", "D"],
    ]  # fmt: skip
    first = elect(
        estate,
        [ElectionBallot(f"1-{i}", pattern[i]) for i in range(7)],
        candidates=["A", "B", "C", "D", "E"],
        seats=3,
        rules=BJ,
        options=ElectOptions(alternates=1),
    )
    assert first.elected == ("A", "B") and first.second_round[:2] == ("C", "D")
    return elect(
        estate,
        [ElectionBallot(f"1-{i}", ["C"] if i < 5 else ["D"]) for i in range(7)],
        candidates=["C", "D"],
        rules=BJ,
        previous=first,
    )


def _alt_result():
    estate = flat(["100"] * 7)
    pattern = [["A", "B"]] * 3 + [["A", "C"], ["B", "C"], ["A", "C"], ["C", "B"]]
    return elect(
        estate,
        [ElectionBallot(f"1-{i}", pattern[i]) for i in range(7)],
        candidates=["A", "B", "C"],
        seats=2,
        rules=BJ,
        options=ElectOptions(alternates=1),
    )


def test_result_round_trip():
    for result in (_result(), _alt_result()):
        assert ElectionResult.from_dict(result.to_dict()) == result


def _tamper(path, value):
    if path[0] == "alt":
        data = copy.deepcopy(_alt_result().to_dict())
        path = path[1:]
    else:
        data = copy.deepcopy(_result().to_dict())
    *head, last = path
    node = data
    for key in head:
        node = node[key]
    node[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("elected",), ["D"], "elected"),
        (("previous", "elected"), ["A", "C"], "elected"),
        (("alt", "alternates"), [], "alternates"),
        (("alt", "alternate_places"), 0, "status"),
        (("alt", "candidates", 2, "rank"), None, "rank"),
        (("previous", "unfilled"), 0, "unfilled"),
        (("previous", "second_round"), [], "second_round"),
        (("previous", "ties"), [], "ties"),
        (("previous", "candidates", 3, "status"), "elected", "status"),
        (("previous", "candidates", 4, "passed"), True, "passed"),
        (("previous", "candidates", 0, "rank"), 2, "rank"),
        (("previous", "candidates", 4, "checks", 0, "passed"), True, "passed"),
        (("previous", "candidates", 4, "checks", 0, "numerator"), "600", "numerator"),
        (("previous", "candidates", 4, "checks", 0, "margin"), "1", "margin"),
        (("previous", "quorum", 0, "denominator"), "1", "denominator"),
        (("previous", "seats"), 2, "ties"),
        (("round",), 3, "round"),
        (("previous", "candidates", 0, "approvals", "heads"), 1, "numerator"),
        (
            ("previous", "tie_break"),
            {
                "method": "lot",
                "seed": "x",
                "citation": {"instrument": "estate_rules", "article": "1"},
            },
            "status",
        ),
    ],
)
def test_result_from_dict_refuses_a_stored_derived_fact(path, value, field):
    with pytest.raises(DerivedFactMismatchError) as caught:
        ElectionResult.from_dict(_tamper(path, value))
    assert caught.value.field == field
    assert caught.value.stored != caught.value.recomputed
    assert "stored" in str(caught.value) and "recomputed" in str(caught.value)


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        (("seats",), 0, InvalidDataError),
        (("round",), True, cg.GovernanceError),
        (("previous", "alternate_places"), -1, InvalidDataError),
        (("previous", "candidates", 1, "candidate"), "A", CandidateError),
        (("seats",), 1.0, InvalidDataError),
    ],
)
def test_result_from_dict_refuses_bad_inputs(path, value, error):
    with pytest.raises(error):
        ElectionResult.from_dict(_tamper(path, value))


# ------------------------------------------------------------------ notebook views


def test_every_result_has_a_verdict_first_repr_and_html():
    members = [GroupMember(f"m{i}", "owner-representative", party_member=i < 3) for i in range(5)]
    target = cg.rules.Target(Fraction(1, 2), cg.Citation("reported_practice", "3"))
    shown = [
        _result(),
        composition(members, targets=[target]),
        composition(members[3:], targets=[target]),
        composition([GroupMember("u", "other")], targets=[target]),
        composition(members),
        vet(Candidate("Li", "l", arrears=True), CN),
        vet(Candidate("Li", "l"), CN),
        check_committee_size(5, CN),
        check_committee_size(4, CN),
        check_group(members, CN),
        build_slate([Candidate("Li", "l", willing=True), Candidate("Wu", "w")]),
    ]
    for item in shown:
        line = repr(item)
        assert "\n" not in line and "\n" not in str(item)
        assert line.startswith("<") and str(item) in line
        assert item._repr_html_().startswith('<div class="community-governance">')
    first = [str(item).split(":")[0].split(" ")[0] for item in shown]
    assert first == [
        "elected", "targets", "target", "targets", "no", "undetermined", "undetermined",
        "allowed", "NOT", "NOT", "slate",
    ]  # fmt: skip
    assert "quorum met" in str(_result()) and "alternates" in str(_alt_result())
    assert "missing" in str(check_group(members, CN))


def test_bad_options_value_is_refused():
    estate = flat(["100"])
    with pytest.raises(ElectionInputError, match="options"):
        elect(estate, [], candidates=["A"], seats=1, rules=CN, options="alternates=1")
    with pytest.raises(CandidateError, match=r"Handling|spoil"):
        BallotPolicy(over_approval=Handling.SET_ASIDE)
