"""Review of elections, audit and strategies as a new user: each test pins one fixed defect."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from refit import refit

import community_governance as cg
from community_governance.elections import ElectionBallot, SeatStatus, elect
from community_governance.exceptions import (
    CandidateError,
    DerivedFactMismatchError,
    ElectionInputError,
    InvalidDataError,
    InvalidRuleError,
)
from community_governance.rules.elections import BallotPolicy, Target, TieBreak
from community_governance.rules.thresholds import Comparator
from community_governance.voting.checks import Figures

CN = cg.rules_for("CN", on=date(2025, 3, 1))


def _flats(count: int) -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(count)]
    )


def _first_round() -> tuple[cg.Estate, cg.elections.ElectionResult]:
    estate = _flats(6)
    ballots = [ElectionBallot(f"u{i}", ["X", "Y"] if i < 3 else ["X"]) for i in range(6)]
    first = elect(estate, ballots, candidates=["X", "Y", "Z"], seats=2, rules=CN)
    assert first.elected == ("X",) and first.unfilled == 1
    return estate, first


def test_a_further_round_refuses_a_member_elected_earlier() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["X"]) for i in range(6)]
    with pytest.raises(CandidateError, match="'X' was already elected") as raised:
        elect(estate, ballots, candidates=["X", "Y"], seats=1, rules=CN, previous=first)
    assert raised.value.field == "candidates" and raised.value.value == "X"


def test_a_further_round_fills_at_most_the_seats_left_open() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["Y"]) for i in range(6)]
    with pytest.raises(CandidateError, match="at most the 1 seat") as raised:
        elect(estate, ballots, candidates=["Y", "Z"], seats=2, rules=CN, previous=first)
    assert raised.value.field == "seats" and raised.value.value == 2
    second = elect(estate, ballots, candidates=["Y", "Z"], seats=1, rules=CN, previous=first)
    assert second.all_elected == ("X", "Y")


def test_a_loaded_further_round_that_re_elects_a_member_is_refused() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["Y"]) for i in range(6)]
    second = elect(estate, ballots, candidates=["Y", "Z"], seats=1, rules=CN, previous=first)
    data = second.to_dict()
    assert cg.elections.ElectionResult.from_dict(data) == second
    data["candidates"][0]["candidate"] = "X"  # X, elected in round 1, "elected again"
    data["elected"] = ["X"]
    with pytest.raises(CandidateError, match="'X' was already elected"):
        cg.elections.ElectionResult.from_dict(data)


def _four_of_six(y_approving: int = 3) -> cg.elections.ElectionResult:
    """4 of 6 equal flats take part; all approve X, ``y_approving`` of them Y."""
    ballots = [ElectionBallot(f"u{i}", ["X", "Y"] if i < y_approving else ["X"]) for i in range(4)]
    return elect(_flats(6), ballots, candidates=["X", "Y", "Z"], seats=2, rules=CN)


@pytest.mark.parametrize(
    ("field", "tamper", "match"),
    [
        (
            "approvals of Y",
            lambda r: {
                "candidates": (
                    r.candidates[0],
                    attrs.evolve(r.candidates[1], approvals=Figures(9, Decimal(900))),
                    r.candidates[2],
                )
            },
            r"approvals of Y \(9 persons, 900.00 m²\) exceed the valid ballots cast \(4 persons",
        ),
        (
            "attending",
            lambda r: {"participating": Figures(9, Decimal(900))},
            r"attending \(9 persons, 900.00 m²\) exceed all owners \(6 persons, 600.00 m²\)",
        ),
        (
            "spoiled",
            lambda r: {"spoiled": Figures(2, Decimal(500))},
            r"spoiled \(2 persons, 500.00 m²\) exceed those attending \(4 persons, 400.00 m²\)",
        ),
    ],
)
def test_a_loaded_result_with_impossible_figures_is_refused(field, tamper, match) -> None:
    honest = _four_of_six()
    assert cg.elections.ElectionResult.from_dict(refit(honest)) == honest
    with pytest.raises(InvalidDataError, match=match) as raised:
        cg.elections.ElectionResult.from_dict(refit(attrs.evolve(honest, **tamper(honest))))
    assert raised.value.field == field


def test_a_loaded_result_judging_one_candidate_by_another_rule_is_refused() -> None:
    honest = _four_of_six(y_approving=2)
    y = honest.candidates[1]
    assert y.status is SeatStatus.FAILED  # 2 of the 4 taking part: not 过半数
    looser = tuple(
        attrs.evolve(k, threshold=attrs.evolve(k.threshold, comparator=Comparator.AT_LEAST))
        for k in y.checks
    )
    for checks in (looser, ()):  # Y's rule loosened to 以上, or Y's checks left out
        tampered = attrs.evolve(
            honest,
            candidates=(honest.candidates[0], attrs.evolve(y, checks=checks), honest.candidates[2]),
        )
        with pytest.raises(InvalidDataError, match="apply different thresholds") as raised:
            cg.elections.ElectionResult.from_dict(refit(tampered))
        assert raised.value.field == "candidates.checks"


@pytest.mark.parametrize(
    ("make", "shown"),
    [
        (lambda: "u1", "'u1'"),
        (lambda: None, "None"),
        (lambda: {"u1": ["X"]}, "{'u1'"),
        (lambda: ElectionBallot("u1", ["X"]), "ElectionBallot"),
        (lambda: [cg.Ballot("u1", "agree")], "Ballot(unit='u1'"),
        (lambda: [{"unit": "u1", "approvals": ["X"]}], "{'unit': 'u1'"),
        (lambda: iter([ElectionBallot("u0", ["X"]), "u1"]), "'u1'"),
    ],
)
@pytest.mark.parametrize("audited", [False, True])
def test_ballots_that_are_not_election_ballots_are_refused_by_name(make, shown, audited) -> None:
    estate, announced = _flats(6), cg.audit.AnnouncedElection()

    def run() -> object:
        if audited:
            return cg.audit.audit_election(
                estate, make(), announced, candidates=["X"], seats=1, rules=CN
            )
        return elect(estate, make(), candidates=["X"], seats=1, rules=CN)

    with pytest.raises(ElectionInputError, match=r"must be .*ElectionBallot, not ") as raised:
        run()
    assert raised.value.field == "ballots" and shown in str(raised.value)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: TieBreak("lot", 5), "seed"),
        (lambda: TieBreak("lot", b"draw"), "seed"),
        (lambda: TieBreak("run-off", None, "rules of procedure 12"), "citation"),
        (lambda: BallotPolicy(citation="rules of procedure 9"), "citation"),
        (lambda: Target("1/2", "Tianjin measures"), "citation"),
        (lambda: Target(0.1, cg.Citation("civil_code", "278")), "at_least"),
        (lambda: Target(True, cg.Citation("civil_code", "278")), "at_least"),
    ],
)
def test_election_policies_refuse_wrong_types_by_name(make, field) -> None:
    # a seed of 5 used to make a result that to_dict wrote and from_dict refused; a citation
    # given as a string crashed explain() with AttributeError; Target(0.1) became
    # Fraction(3602879701896397, 36028797018963968)
    with pytest.raises(ElectionInputError, match=field) as raised:
        make()
    assert raised.value.field == field


@pytest.mark.parametrize("share", ["1/2", Fraction(1, 2), Decimal("0.5")])
def test_a_target_share_is_exact_and_at_most_one(share) -> None:
    assert Target(share, cg.Citation("civil_code", "278")).at_least == Fraction(1, 2)
    assert Target(1, cg.Citation("civil_code", "278")).at_least == 1
    for outside in ("3/2", 0, Fraction(-1, 2)):
        with pytest.raises(InvalidRuleError, match=r"must be in \(0, 1\]"):
            Target(outside, cg.Citation("civil_code", "278"))


def test_a_loaded_result_must_warn_exactly_when_the_quorum_failed() -> None:
    met = _four_of_six()
    failed = elect(_flats(6), [ElectionBallot("u0", ["X"])], candidates=["X"], seats=1, rules=CN)
    assert not failed.quorum_met
    for result, flip in ((met, True), (failed, False)):
        data = result.to_dict()
        assert cg.elections.ElectionResult.from_dict(data) == result
        kept = [n for n in data["notices"] if n["code"] != "quorum-not-met"]
        data["notices"] = kept + ([failed.to_dict()["notices"][-1]] if flip else [])
        with pytest.raises(DerivedFactMismatchError, match="quorum-not-met"):
            cg.elections.ElectionResult.from_dict(data)


SH = cg.rules_for("CN-SH", on=date(2024, 6, 1))
ZHANG = cg.elections.Candidate("Zhang", "owner-12")


@pytest.mark.parametrize(
    ("make", "field", "shown"),
    [
        (lambda: cg.elections.PositiveList("p", "Zhang", clause="c"), "members", "'Zhang'"),
        (lambda: cg.elections.PositiveList("p", [5], clause="c"), "members", "5"),
        (
            lambda: cg.elections.NegativeList("n", "illegal_construction", clause="c"),
            "bars",
            "'illegal_construction'",
        ),
        (lambda: cg.elections.check_group("abc", SH), "members", "'abc'"),
        (lambda: cg.elections.check_group(["abc"], SH), "members", "'abc'"),
        (lambda: cg.elections.composition("ab"), "members", "'ab'"),
        (lambda: cg.elections.vet(ZHANG, SH, lists="x"), "lists", "'x'"),
        (lambda: cg.elections.vet(ZHANG, None), "rules", "None"),
        (lambda: cg.elections.vet("Zhang", SH), "candidate", "'Zhang'"),
        (lambda: cg.elections.build_slate("ab"), "candidates", "'ab'"),
        (lambda: cg.elections.build_slate([ZHANG], vettings=[None]), "vettings", "None"),
    ],
)
def test_election_helpers_refuse_a_string_or_a_wrong_item_by_name(make, field, shown) -> None:
    # each used to raise AttributeError from inside, or (PositiveList) read "Zhang" as the
    # five ids Z, h, a, n, g
    with pytest.raises(ElectionInputError) as raised:
        make()
    assert raised.value.field == field and shown in str(raised.value)


# ------------------------------------------- the refusals pinned whole (mutation run, 2026-12-03)
def test_a_further_round_refusal_names_the_round_field_and_value_exactly() -> None:
    estate, first = _first_round()
    ballots = [ElectionBallot(f"u{i}", ["X"]) for i in range(6)]
    with pytest.raises(CandidateError) as again:
        elect(estate, ballots, candidates=["X", "Y"], seats=1, rules=CN, previous=first)
    assert again.value.details == {"what": "further round", "field": "candidates", "value": "X"}
    with pytest.raises(CandidateError) as more:
        elect(estate, ballots, candidates=["Y", "Z"], seats=2, rules=CN, previous=first)
    assert more.value.details == {"what": "further round", "field": "seats", "value": 2}
    assert more.value.message == (
        "a further round fills at most the 1 seat(s) round 1 left unfilled, not 2"
    )


def test_an_impossible_figure_is_refused_with_the_round_the_figure_and_its_value() -> None:
    honest = _four_of_six()
    tampered = attrs.evolve(honest, participating=Figures(9, Decimal(900)))
    with pytest.raises(InvalidDataError) as raised:
        cg.elections.ElectionResult.from_dict(refit(tampered))
    assert raised.value.message == (
        "round 1: attending (9 persons, 900.00 m²) exceed all owners (6 persons, 600.00 m²); "
        "no count gives these figures"
    )
    assert raised.value.value == Figures(9, Decimal(900))


def test_checks_by_two_rules_are_refused_with_both_rules() -> None:
    honest = _four_of_six(y_approving=2)
    y = honest.candidates[1]
    looser = tuple(
        attrs.evolve(k, threshold=attrs.evolve(k.threshold, comparator=Comparator.AT_LEAST))
        for k in y.checks
    )
    tampered = attrs.evolve(
        honest,
        candidates=(honest.candidates[0], attrs.evolve(y, checks=looser), honest.candidates[2]),
    )
    with pytest.raises(InvalidDataError) as raised:
        cg.elections.ElectionResult.from_dict(refit(tampered))
    assert raised.value.message == (
        "round 1: the candidates' approval checks apply different thresholds; one election "
        "rule judges every candidate"
    )
    assert raised.value.field == "candidates.checks"
    rules = raised.value.value
    assert isinstance(rules, tuple) and len(rules) == 2
    assert tuple(k.threshold for k in looser) in rules


def test_a_quorum_notice_mismatch_names_the_result_and_the_notice() -> None:
    met = _four_of_six()
    failed = elect(_flats(6), [ElectionBallot("u0", ["X"])], candidates=["X"], seats=1, rules=CN)
    data = met.to_dict()
    data["notices"] = [*data["notices"], failed.to_dict()["notices"][-1]]
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.elections.ElectionResult.from_dict(data)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "notices: quorum-not-met")
