from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import (
    ElectionBallot,
    ElectionResult,
    ElectOptions,
    SeatStatus,
    elect,
    restrict,
)
from community_governance.exceptions import (
    BodyError,
    CandidateError,
    ConflictingBallotsError,
    DuplicateBallotError,
    DuplicateIdError,
    ElectionInputError,
    InvalidChoiceError,
    OverApprovalError,
    UnknownCandidateError,
    UnknownUnitError,
)
from community_governance.rules import BallotPolicy, Handling, TieBreak, TieMethod

CN = cg.rules_for("CN", on=date(2024, 5, 1))
BJ = cg.rules_for("CN-BJ", on=date(2024, 5, 1))


def flat_estate(areas):
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": area, "owners": [f"o{i}"]} for i, area in enumerate(areas)]
    )


def ballots_for(n, approvals_of):
    return [ElectionBallot(f"1-{i}", approvals_of(i)) for i in range(n)]


def test_exactly_half_of_heads_fails_one_more_passes():
    estate = flat_estate(["100"] * 10)
    half = elect(
        estate,
        ballots_for(10, lambda i: ["A"] if i < 5 else []),
        candidates=["A"],
        seats=1,
        rules=CN,
    )
    more = elect(
        estate,
        ballots_for(10, lambda i: ["A"] if i < 6 else []),
        candidates=["A"],
        seats=1,
        rules=CN,
    )
    assert not half.candidate("A").passed
    assert half.candidate("A").status is SeatStatus.FAILED
    assert half.unfilled == 1 and half.second_round == ("A",)
    assert more.elected == ("A",)


def test_exactly_half_of_area_fails_one_hundredth_more_passes():
    estate = flat_estate(["50"] * 6 + ["75"] * 4)
    result = elect(
        estate,
        ballots_for(10, lambda i: ["A"] if i < 6 else []),
        candidates=["A"],
        seats=1,
        rules=CN,
    )
    heads, area = sorted(result.candidate("A").checks, key=lambda c: c.threshold.measure.value)
    assert heads.passed is False or area.passed is False
    assert [
        c.passed for c in result.candidate("A").checks if c.threshold.measure.value == "area"
    ] == [False]
    estate2 = flat_estate(["50.01"] + ["50"] * 5 + ["75"] * 4)
    result2 = elect(
        estate2,
        ballots_for(10, lambda i: ["A"] if i < 6 else []),
        candidates=["A"],
        seats=1,
        rules=CN,
    )
    assert result2.elected == ("A",)


def test_quorum_two_thirds_both_sides():
    estate = flat_estate(["100"] * 9)
    six = elect(estate, ballots_for(6, lambda i: ["A"]), candidates=["A"], seats=1, rules=CN)
    five = elect(estate, ballots_for(5, lambda i: ["A"]), candidates=["A"], seats=1, rules=CN)
    assert six.quorum_met and six.elected == ("A",)
    assert not five.quorum_met and five.elected == ()
    assert five.candidate("A").status is SeatStatus.FAILED
    assert any(n.code == "quorum-not-met" for n in five.notices)


def test_ranking_heads_then_area_and_alternates():
    estate = flat_estate(["100"] * 9 + ["200"])
    pattern = [["C", "B"]] * 4 + [["C", "A"]] * 2 + [["B", "A"]] * 2 + [["C", "A"], ["B", "A"]]
    ballots = ballots_for(10, lambda i: pattern[i])
    result = elect(
        estate,
        ballots,
        candidates=["A", "B", "C", "D"],
        seats=2,
        rules=BJ,
        options=ElectOptions(alternates=1),
    )
    assert result.elected == ("B", "C")
    assert result.alternates == ("A",)
    assert result.candidate("A").rank == 3
    assert result.candidate("A").status is SeatStatus.ALTERNATE
    assert result.candidate("D").status is SeatStatus.FAILED


def test_area_ranking_first():
    estate = flat_estate(["100"] * 9 + ["500"])
    ballots = ballots_for(10, lambda i: ["A", "B"] if i < 6 else ["A"] if i < 9 else ["B"])
    by_area = elect(
        estate,
        ballots,
        candidates=["A", "B"],
        seats=2,
        rules=CN,
        options=ElectOptions(ranking=(cg.Measure.AREA,)),
    )
    by_heads = elect(estate, ballots, candidates=["A", "B"], seats=2, rules=CN)
    assert by_area.elected == ("B", "A")
    assert by_heads.elected == ("A", "B")


def test_tie_at_cut_off_left_open_then_second_round():
    estate = flat_estate(["100"] * 10)
    pattern = [["A", "B"]] * 4 + [["A", "C"]] * 4 + [["B", "C"]] * 2
    first = elect(
        estate, ballots_for(10, lambda i: pattern[i]), candidates=["A", "B", "C"], seats=2, rules=CN
    )
    assert first.elected == ("A",)
    assert first.unfilled == 1
    (tie,) = first.ties
    assert tie.candidates == ("B", "C") and tie.places == 1 and tie.chosen == ()
    assert first.candidate("B").status is SeatStatus.TIED
    assert first.second_round == ("B", "C")
    assert "run-off" in first.explain() and "待再次投票" in first.explain("zh")
    second = elect(
        estate, ballots_for(10, lambda i: ["B"] if i < 7 else ["C"]), rules=CN, previous=first
    )
    assert second.round == 2 and second.seats == 1
    assert second.elected == ("B",)
    assert second.all_elected == ("A", "B")
    assert "Round 2" in second.explain() and "Round 1" in second.explain()
    assert ElectionResult.from_dict(second.to_dict()) == second


def test_tie_broken_by_published_lot_is_reproducible():
    estate = flat_estate(["100"] * 9)
    pattern = [["A", "B"]] * 3 + [["B", "C"]] * 3 + [["A", "C"]] * 3
    lot = TieBreak.lot("2024-04-30 public draw", clause="rules of procedure 12")
    result = elect(
        estate,
        ballots_for(9, lambda i: pattern[i]),
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
        options=ElectOptions(tie_break=lot, alternates=1),
    )
    (tie,) = result.ties
    order = lot.order(("A", "B", "C"))
    assert tie.chosen == order[:2]
    assert result.elected == tie.chosen
    assert result.alternates == order[2:]
    assert result.tie_break.seed == "2024-04-30 public draw"
    assert "lot" in result.explain() and "抽签" in result.explain("zh")


def test_tie_for_alternate_places_under_run_off():
    low = cg.Citation("estate_rules", "7")
    rule = cg.ResolutionRule(
        (),
        (
            cg.Threshold(
                cg.Measure.HEADS, cg.Base.CAST, cg.Comparator.MORE_THAN, Fraction(1, 10), low
            ),
        ),
        low,
    )
    estate = flat_estate(["100"] * 10)
    ballots = ballots_for(
        10, lambda i: ["A"] if i < 5 else ["B"] if i < 7 else ["C"] if i < 9 else []
    )
    result = elect(
        estate,
        ballots,
        candidates=["A", "B", "C"],
        seats=1,
        rules=CN,
        options=ElectOptions(alternates=1, rule=rule),
    )
    assert result.elected == ("A",)
    assert result.alternates == ()
    assert result.ties[0].for_alternates
    assert result.unfilled == 0 and result.second_round == ()


def test_more_seats_than_passing_candidates():
    estate = flat_estate(["100"] * 10)
    result = elect(
        estate, ballots_for(10, lambda i: ["A"]), candidates=["A", "B"], seats=3, rules=CN
    )
    assert result.elected == ("A",)
    assert result.unfilled == 2
    assert result.second_round == ("B",)


def test_spoiled_ballots_take_part_unless_excluded():
    estate = flat_estate(["100"] * 9)
    ballots = [ElectionBallot(f"1-{i}", ["A"]) for i in range(5)]
    ballots += [ElectionBallot("1-5", spoiled=True), ElectionBallot("1-6", ["B"])]
    result = elect(estate, ballots, candidates=["A"], seats=1, rules=CN)
    assert result.spoiled.heads == 2
    assert result.participating.heads == 7
    assert result.non_candidate == ("1-6",)
    layer = cg.jurisdictions.estate_layer(
        "rules", params={"spoiled_ballots": cg.rules.SpoiledPolicy.EXCLUDED}, clause="4"
    )
    excluded = elect(estate, ballots, candidates=["A"], seats=1, rules=CN.with_layer(layer))
    assert excluded.participating.heads == 5
    assert not excluded.quorum_met


def test_over_approval_spoils_by_default_and_errors_when_declared():
    estate = flat_estate(["100"] * 3)
    ballots = [
        ElectionBallot("1-0", ["A", "B"]),
        ElectionBallot("1-1", ["A"]),
        ElectionBallot("1-2", ["A"]),
    ]
    result = elect(estate, ballots, candidates=["A", "B"], seats=1, rules=CN)
    assert result.over_approved == ("1-0",)
    assert any(n.code == "over-approval-spoiled" for n in result.notices)
    with pytest.raises(OverApprovalError, match="1-0") as caught:
        elect(
            estate,
            ballots,
            candidates=["A", "B"],
            seats=1,
            rules=CN,
            options=ElectOptions(policy=BallotPolicy(over_approval="error")),
        )
    assert caught.value.approvals == 2


def test_non_candidate_error_policy():
    estate = flat_estate(["100"] * 3)
    ballots = [ElectionBallot("1-0", ["Z"])]
    with pytest.raises(UnknownCandidateError, match="'Z'") as caught:
        elect(
            estate,
            ballots,
            candidates=["A"],
            seats=1,
            rules=CN,
            options=ElectOptions(policy=BallotPolicy(non_candidate=Handling.ERROR)),
        )
    assert caught.value.unit == "1-0"


def test_unknown_unit_error_or_set_aside():
    estate = flat_estate(["100"] * 3)
    ballots = [ElectionBallot("9-9", ["A"]), *ballots_for(3, lambda i: ["A"])]
    with pytest.raises(UnknownUnitError, match="9-9"):
        elect(estate, ballots, candidates=["A"], seats=1, rules=CN)
    result = elect(
        estate,
        ballots,
        candidates=["A"],
        seats=1,
        rules=CN,
        options=ElectOptions(policy=BallotPolicy(unknown_unit="set-aside")),
    )
    assert result.set_aside == ("9-9",)
    assert result.elected == ("A",)


def test_multi_unit_owner_counts_once_and_conflicts_are_errors():
    estate = cg.Estate.from_records(
        [
            {"unit": "1-1", "area": "100", "owners": ["Li"]},
            {"unit": "1-2", "area": "50", "owners": ["Li"]},
            {"unit": "1-3", "area": "100", "owners": ["Wang"]},
        ]
    )
    same = [ElectionBallot("1-1", ["A"]), ElectionBallot("1-2", ["A"]), ElectionBallot("1-3", [])]
    result = elect(estate, same, candidates=["A"], seats=1, rules=CN)
    assert result.candidate("A").approvals == cg.voting.Figures(
        1, result.candidate("A").approvals.area
    )
    assert result.candidate("A").approvals.area == 150
    assert any(n.code == "multi-unit-persons" for n in result.notices)
    differ = [ElectionBallot("1-1", ["A"]), ElectionBallot("1-2", [])]
    with pytest.raises(ConflictingBallotsError, match="1-2"):
        elect(estate, differ, candidates=["A"], seats=1, rules=CN)
    with pytest.raises(DuplicateBallotError, match="1-1"):
        elect(estate, [same[0], same[0]], candidates=["A"], seats=1, rules=CN)


def test_scoped_election_for_a_building():
    estate = cg.Estate.from_records(
        [
            {"unit": f"{b}-{i}", "area": "80", "owners": [f"o{b}{i}"]}
            for b in (1, 2)
            for i in range(3)
        ]
    )
    building = [u.id for u in estate.units if u.building == "1"]
    result = elect(
        estate,
        ballots_for(3, lambda i: ["Rep"]),
        candidates=["Rep"],
        seats=1,
        rules=CN,
        options=ElectOptions(scope=building),
    )
    assert result.total.heads == 3
    assert result.scope == tuple(building)
    assert result.notices[-1].code == "scoped-election" or any(
        n.code == "scoped-election" for n in result.notices
    )
    with pytest.raises(UnknownUnitError, match="9-9"):
        restrict(estate, ["9-9"])


def test_custom_rule_for_representatives():
    rule = cg.ResolutionRule(
        (),
        (
            cg.Threshold(
                cg.Measure.HEADS,
                cg.Base.CAST,
                cg.Comparator.MORE_THAN,
                Fraction(1, 2),
                cg.Citation("estate_rules", "7"),
            ),
        ),
        cg.Citation("estate_rules", "7"),
    )
    estate = flat_estate(["100"] * 4)
    result = elect(
        estate,
        ballots_for(2, lambda i: ["R"]),
        candidates=["R"],
        seats=1,
        rules=CN,
        options=ElectOptions(rule=rule),
    )
    assert result.elected == ("R",)
    assert result.rule_layer == "given"


def test_explanations_and_html():
    estate = flat_estate(["100"] * 4)
    result = elect(
        estate,
        ballots_for(4, lambda i: ["A"]),
        candidates=[cg.elections.Candidate("A", "o0")],
        seats=1,
        rules=BJ,
        options=ElectOptions(alternates=1),
    )
    assert "Elected: A" in result.explain()
    assert "当选：A" in result.explain("zh")
    assert "<table>" in result._repr_html_()
    assert SeatStatus.TIED.label("zh") == "票数相同，待决"
    assert SeatStatus.ELECTED.label() == "elected"
    nobody = elect(estate, [], candidates=["A"], seats=1, rules=CN)
    assert "nobody" in nobody.explain() and "无" in nobody.explain("zh")
    assert "Unfilled" in nobody.explain() and "空缺" in nobody.explain("zh")


def test_result_candidate_lookup_error():
    estate = flat_estate(["100"])
    result = elect(estate, [], candidates=["A"], seats=1, rules=CN)
    with pytest.raises(CandidateError, match="'Z'"):
        result.candidate("Z")


@pytest.mark.parametrize(
    ("kwargs", "error", "named"),
    [
        ({"candidates": []}, CandidateError, "at least one candidate"),
        ({"candidates": ["A", "A"]}, DuplicateIdError, "'A'"),
        ({"candidates": [""]}, CandidateError, "''"),
        ({"candidates": ["\x00x"]}, CandidateError, "x"),
        ({"seats": 0}, CandidateError, "seats"),
        ({"seats": True}, CandidateError, "seats"),
        ({"candidates": "Ma"}, ElectionInputError, "'Ma'"),
        ({"options": {"alternates": 1}}, ElectionInputError, "options"),
        ({"alternatives": 1}, CandidateError, "alternatives"),
    ],
)
def test_bad_election_arguments(kwargs, error, named):
    estate = flat_estate(["100"])
    arguments = {"candidates": ["A"], "seats": 1, "rules": CN, **kwargs}
    with pytest.raises(error, match=named):
        elect(estate, [], **arguments)


@pytest.mark.parametrize(
    ("kwargs", "error", "named"),
    [
        ({"alternates": -1}, CandidateError, "alternates"),
        ({"alternates": True}, CandidateError, "alternates"),
        ({"alternates": "1"}, CandidateError, "alternates"),
        ({"ranking": ()}, CandidateError, "ranking"),
        ({"ranking": (cg.Measure.HEADS, cg.Measure.HEADS)}, CandidateError, "ranking"),
        ({"ranking": ("heads", "votes")}, InvalidChoiceError, "'votes'"),
        ({"ranking": "heads"}, ElectionInputError, "ranking"),
        ({"scope": "1-0"}, ElectionInputError, "scope"),
        ({"tie_break": "lot"}, ElectionInputError, "tie_break"),
        ({"policy": "spoil"}, ElectionInputError, "policy"),
        ({"rule": "majority"}, ElectionInputError, "rule"),
    ],
)
def test_bad_election_options(kwargs, error, named):
    with pytest.raises(error, match=named) as caught:
        ElectOptions(**kwargs)
    (field,) = kwargs
    if isinstance(caught.value, CandidateError):
        assert caught.value.field == field


def test_options_accept_enum_values_and_say_what_is_set():
    options = ElectOptions(ranking=["area", cg.Measure.HEADS], scope=["1-0"])
    assert options.ranking == (cg.Measure.AREA, cg.Measure.HEADS)
    assert options.scope == ("1-0",)
    assert repr(ElectOptions()) == "ElectOptions()"
    assert "alternates=2" in repr(ElectOptions(alternates=2))


def test_deprecated_keywords_still_work_with_a_warning():
    estate = flat_estate(["100"] * 7)
    pattern = [["A", "B"]] * 3 + [["A", "C"], ["B", "C"], ["A", "C"], ["C", "B"]]
    ballots = ballots_for(7, lambda i: pattern[i])
    with pytest.warns(DeprecationWarning, match="ElectOptions"):
        old = elect(estate, ballots, candidates=["A", "B", "C"], seats=2, rules=CN, alternates=1)
    new = elect(
        estate,
        ballots,
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
        options=ElectOptions(alternates=1),
    )
    assert old == new and new.elected == ("A", "B") and new.alternates == ("C",)


def test_beijing_alternates_no_more_than_members():
    estate = flat_estate(["100"])
    with pytest.raises(BodyError, match="3 alternates"):
        elect(estate, [], candidates=["A"], seats=1, rules=BJ, options=ElectOptions(alternates=3))
    elect(estate, [], candidates=["A"], seats=1, rules=CN, options=ElectOptions(alternates=3))


def test_bad_ballots_and_policies():
    with pytest.raises(CandidateError, match="'A'"):
        ElectionBallot("1-1", ["A", "A"])
    with pytest.raises(CandidateError, match="'AB'"):
        ElectionBallot("1-1", "AB")
    with pytest.raises(CandidateError, match="3"):
        ElectionBallot("1-1", [3])
    with pytest.raises(CandidateError, match=r"approval \['A'\] is not a candidate id"):
        ElectionBallot("1-1", ["A", ["A"]])  # an unhashable item, not a TypeError
    with pytest.raises(CandidateError, match="unit"):
        ElectionBallot("", [])
    with pytest.raises(CandidateError, match="set-aside"):
        BallotPolicy(over_approval="set-aside")
    with pytest.raises(CandidateError, match="spoil"):
        BallotPolicy(unknown_unit="spoil")
    with pytest.raises(CandidateError, match="seed"):
        TieBreak(TieMethod.LOT)
    with pytest.raises(CandidateError, match="seed"):
        TieBreak(TieMethod.RUN_OFF, seed="x")


def test_ballot_round_trip():
    ballot = ElectionBallot("1-1", frozenset({"A", "B"}), spoiled=False)
    assert ballot.to_dict()["approvals"] == ["A", "B"]
    assert ElectionBallot.from_dict(ballot.to_dict()) == ballot


def test_two_equal_ballots_for_one_unit_are_duplicates():
    estate = flat_estate(["100"] * 3)
    twice = [ElectionBallot("1-1", ["A"]), ElectionBallot("1-1", ["A"])]
    with pytest.raises(DuplicateBallotError, match="1-1"):
        elect(estate, twice, candidates=["A"], seats=1, rules=CN)
    with pytest.raises(DuplicateBallotError, match="1-1"):
        elect(estate, iter(twice), candidates=["A"], seats=1, rules=CN)


def test_many_multi_unit_persons_are_counted_not_all_named():
    rows = [
        {"unit": f"{b}-{i}", "area": "50", "owners": [f"o{i}"]} for b in (1, 2) for i in range(12)
    ]
    estate = cg.Estate.from_records(rows)
    ballots = [ElectionBallot(u.id, ["A"]) for u in estate.units]
    result = elect(estate, ballots, candidates=["A"], seats=1, rules=CN)
    notice = next(n for n in result.notices if n.code == "multi-unit-persons")
    assert "(+2)" in notice.en


def test_duplicate_of_a_second_unit_of_one_person():
    estate = cg.Estate.from_records(
        [
            {"unit": "1-1", "area": "80", "owners": ["Li"]},
            {"unit": "1-2", "area": "80", "owners": ["Li"]},
        ]
    )
    ballots = [
        ElectionBallot("1-1", ["A"]),
        ElectionBallot("1-2", ["A"]),
        ElectionBallot("1-2", ["A"]),
    ]
    with pytest.raises(DuplicateBallotError, match="1-2"):
        elect(estate, ballots, candidates=["A"], seats=1, rules=CN)
