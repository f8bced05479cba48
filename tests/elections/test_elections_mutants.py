"""Scenarios the suite should have had, found by mutation testing of the election engine.

Each test is named for the behaviour it pins; see docs/how-to/mutation-testing.md.
"""

from __future__ import annotations

import os
import warnings
from datetime import date
from fractions import Fraction
from typing import Any

import pytest

import community_governance as cg
from community_governance.elections import ElectionBallot, ElectionResult, ElectOptions, elect
from community_governance.exceptions import CandidateError, UnknownUnitError
from community_governance.rules import SpoiledPolicy, TieBreak, TieMethod
from community_governance.rules.params import ElectionParams, Param

ON = date(2024, 5, 1)
CN = cg.rules_for("CN", on=ON)
HALF, TWO_THIRDS = Fraction(1, 2), Fraction(2, 3)
CIVIL = cg.Citation("civil_code", "278(2)")


def flat(*areas: str) -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": a, "owners": [f"o{i}"]} for i, a in enumerate(areas)]
    )


def bare_rules(name: str = "bare rules", **elections: Any) -> cg.RuleSet:
    """A rule set with only the election rule: no spoiled-ballot policy, no committee size."""
    rule = cg.ResolutionRule(
        tuple(
            cg.Threshold(m, cg.Base.ALL, cg.Comparator.AT_LEAST, TWO_THIRDS, CIVIL)
            for m in cg.Measure
        ),
        tuple(
            cg.Threshold(m, cg.Base.PARTICIPATING, cg.Comparator.MORE_THAN, HALF, CIVIL)
            for m in cg.Measure
        ),
        CIVIL,
    )
    params = ElectionParams(**{k: Param(v, CIVIL) for k, v in elections.items()})
    layer = cg.rules.Layer(
        "T",
        name,
        None,
        None,
        resolutions={cg.Matter.ELECT_COMMITTEE: rule},
        elections=params,
    )
    return cg.RuleSet("T", ON, (layer,))


# ------------------------------------------------------------------ a rule set that declares little


def test_rule_set_without_spoiled_policy_counts_spoiled_ballots_as_taking_part() -> None:
    estate = flat("10", "10", "10", "10")
    ballots = [
        ElectionBallot("1-0", ["A"]),
        ElectionBallot("1-1", ["A"]),
        ElectionBallot("1-2", [], spoiled=True),
    ]
    result = elect(estate, ballots, candidates=["A"], seats=1, rules=bare_rules())
    assert result.spoiled_policy is SpoiledPolicy.PARTICIPATING
    assert result.participating.heads == 3  # 3 of 4 ≥ 2/3: the quorum is met
    assert result.quorum_met
    assert result.elected == ("A",)  # 2 of 3 taking part > 1/2
    # without the spoiled ballot taking part the quorum would fail: 2 of 4 < 2/3
    two = elect(estate, ballots[:2], candidates=["A"], seats=1, rules=bare_rules())
    assert not two.quorum_met and two.elected == ()


def test_rule_set_without_size_rule_allows_more_alternates_than_seats() -> None:
    estate = flat("10", "10", "10")
    ballots = [ElectionBallot(f"1-{i}", ["A", "B"]) for i in range(3)]
    result = elect(
        estate,
        ballots,
        candidates=["A", "B", "C"],
        seats=2,
        rules=bare_rules(),
        options=ElectOptions(alternates=3),
    )
    assert result.elected == ("A", "B") and result.alternate_places == 3


def test_tie_policy_of_an_unnamed_layer_is_reported_as_from_the_rule_set() -> None:
    lot = TieBreak(TieMethod.LOT, seed="7", citation=cg.Citation("estate_rules", "7"))
    rules = bare_rules("", tie_break=lot)
    estate = flat("10", "10", "10", "10", "10")
    pattern = [["A", "B"], ["A", "B"], ["A", "C"], ["A", "C"], ["B", "C"]]
    ballots = [ElectionBallot(f"1-{i}", p) for i, p in enumerate(pattern)]
    run: dict[str, Any] = {"candidates": ["A", "B", "C"], "seats": 2}
    result = elect(estate, ballots, rules=rules, **run)
    assert result.tie_break == lot
    assert result.tie_break_source == "rule set"
    assert result.policy_source == "default"
    assert result.elected[0] == "A" and len(result.elected) == 2  # the lot chose B or C
    named = elect(estate, ballots, rules=bare_rules("L", tie_break=lot), **run)
    assert named.tie_break_source == "L"


# ------------------------------------------------------------------ a first round needs its inputs


def test_first_round_without_candidates_or_seats_is_refused_naming_them() -> None:
    estate = flat("10")
    with pytest.raises(CandidateError) as caught:
        elect(estate, [], seats=1, rules=CN)
    assert caught.value.field == "candidates" and caught.value.value == ()
    with pytest.raises(CandidateError) as caught:
        elect(estate, [], candidates=["A"], rules=CN)
    assert caught.value.field == "seats" and caught.value.value == 0


def test_further_round_takes_candidates_and_seats_from_the_previous_one() -> None:
    estate = flat("10", "10", "10", "10")
    first = elect(
        estate,
        [ElectionBallot(f"1-{i}", ["A"] if i < 3 else ["B"]) for i in range(4)],
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
    )
    assert first.elected == ("A",) and first.unfilled == 1 and first.second_round == ("B", "C")
    again = elect(
        estate, [ElectionBallot(f"1-{i}", ["C"]) for i in range(4)], rules=CN, previous=first
    )
    assert again.seats == 1 and [c.candidate for c in again.candidates] == ["B", "C"]
    assert again.elected == ("C",) and again.round == 2 and again.all_elected == ("A", "C")


# ------------------------------------------------------------------ deprecated keywords


def test_deprecated_keywords_warn_at_the_callers_line_naming_each_keyword() -> None:
    estate = flat("10")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        elect(estate, [], candidates=["A"], seats=1, rules=CN, alternates=0, ranking=["area"])
    (warning,) = caught
    assert warning.category is DeprecationWarning
    if "MUTANT_UNDER_TEST" not in os.environ:  # under mutmut, its trampoline adds frames
        assert warning.filename == __file__
    assert str(warning.message) == (
        "elect(alternates=, ranking=) is deprecated since 0.2 and will be removed in 0.3: "
        "pass options=ElectOptions(...)"
    )


def test_unknown_keywords_are_all_named() -> None:
    with pytest.raises(CandidateError) as caught:
        elect(flat("10"), [], candidates=["A"], seats=1, rules=CN, colour=1, alternatives=2)
    assert caught.value.field == "alternatives"
    assert (
        "argument(s) alternatives, colour; the deprecated keywords it still reads until 0.3 "
        "are alternates=, ranking=," in str(caught.value)
    )


def test_round_trip_keeps_a_further_round() -> None:
    estate = flat("10", "10", "10", "10")
    first = elect(estate, [], candidates=["A"], seats=1, rules=CN)
    again = elect(
        estate, [ElectionBallot(f"1-{i}", ["A"]) for i in range(4)], rules=CN, previous=first
    )
    assert ElectionResult.from_dict(again.to_dict()) == again


# ------------------------------------------------------------------ notices on irregular ballots


def test_irregular_ballots_are_listed_in_unit_order() -> None:
    estate = flat("10", "10", "10", "10", "10")
    ballots = [
        ElectionBallot("1-3", ["A", "B"]),
        ElectionBallot("1-0", ["A"]),
        ElectionBallot("1-1", ["A", "B"]),
        ElectionBallot("1-4", ["Z"]),
        ElectionBallot("1-2", ["Y"]),
    ]
    result = elect(estate, ballots, candidates=["A", "B"], seats=1, rules=CN)
    assert result.over_approved == ("1-1", "1-3") and result.non_candidate == ("1-2", "1-4")
    texts = {n.code: n.en for n in result.notices}
    assert texts["over-approval-spoiled"].startswith(
        "ballots approving more candidates than seats were spoiled: 1-1, 1-3"
    )
    assert texts["non-candidate-spoiled"].startswith(
        "ballots approving a non-candidate were spoiled: 1-2, 1-4"
    )
    chinese = {n.code: n.zh for n in result.notices}
    assert chinese["over-approval-spoiled"] == "所选人数超过应选名额的选票作废票处理：1-1、1-3"
    assert chinese["non-candidate-spoiled"] == "选择非候选人的选票作废票处理：1-2、1-4"


def test_a_ballot_outside_a_scoped_election_is_said_to_be_outside_its_scope() -> None:
    estate = flat("10", "10", "10")
    options = ElectOptions(scope=["1-0", "1-1"])
    with pytest.raises(UnknownUnitError) as caught:
        elect(estate, [ElectionBallot("1-2", ["A"])], candidates=["A"], seats=1, rules=CN,
              options=options)  # fmt: skip
    assert caught.value.message == (
        "election ballot for unit '1-2': outside the election's scope (2 units)"
    )
    assert caught.value.unit == "1-2"
    with pytest.raises(UnknownUnitError, match="'9-9': not in the register"):
        elect(estate, [ElectionBallot("9-9", ["A"])], candidates=["A"], seats=1, rules=CN)


def _multi_unit_election(persons: int) -> ElectionResult:
    rows = [
        {"unit": f"{p}-{u}", "area": "10", "owners": [f"P{p:02d}"]}
        for p in range(persons)
        for u in (1, 2)
    ]
    estate = cg.Estate.from_records(rows)
    ballots = [ElectionBallot(row["unit"], ["A"]) for row in rows]
    return elect(estate, ballots, candidates=["A"], seats=1, rules=CN)


@pytest.mark.parametrize(
    ("persons", "more", "more_zh"),
    [(10, "", ""), (11, " (+1)", "（另1人）"), (12, " (+2)", "（另2人）")],
)
def test_multi_unit_notice_names_ten_persons_then_counts_the_rest(
    persons: int, more: str, more_zh: str
) -> None:
    result = _multi_unit_election(persons)
    (notice,) = [n for n in result.notices if n.code == "multi-unit-persons"]
    named = ", ".join(f"P{p:02d}" for p in range(10))
    assert notice.en == f"persons holding several units were counted once each: {named}{more}"
    assert notice.zh.endswith(f"：{'、'.join(f'P{p:02d}' for p in range(10))}{more_zh}")


# ------------------------------------------------------------------ whole numbers start at zero


def test_zero_is_a_valid_age_or_count_and_minus_one_is_not() -> None:
    from community_governance.elections import Candidate, GroupMember
    from community_governance.exceptions import ElectionInputError

    assert GroupMember("x", "other", age=0).age == 0
    member = Candidate("Li", "Li", age=0, recommendations=0, residence_years=0)
    assert (member.age, member.recommendations, member.residence_years) == (0, 0, 0)
    with pytest.raises(ElectionInputError):
        GroupMember("x", "other", age=-1)
    for field in ("age", "recommendations", "residence_years"):
        with pytest.raises(CandidateError) as caught:
            Candidate("Li", "Li", **{field: -1})
        assert caught.value.field == field


def test_options_repr_lists_every_option_set() -> None:
    assert repr(ElectOptions()) == "ElectOptions()"
    assert repr(ElectOptions(alternates=2, scope=["1-1", "1-2"])) == (
        "ElectOptions(alternates=2, scope=('1-1', '1-2'))"
    )


# ------------------------------------------------------------------ seats, ties and alternates


def _spread(counts: dict[str, int], voters: int) -> list[ElectionBallot]:
    """Ballots of ``voters`` equal flats giving each candidate ``counts`` approvals."""
    items = [cid for cid, n in counts.items() for _ in range(n)]
    marks: list[list[str]] = [[] for _ in range(voters)]
    for position, cid in enumerate(items):
        marks[position % voters].append(cid)
    assert all(len(set(m)) == len(m) for m in marks)
    return [ElectionBallot(f"1-{i}", m) for i, m in enumerate(marks)]


TWENTY_TWO = flat(*["10"] * 22)


def test_no_alternates_while_a_seat_is_left_open_for_a_run_off() -> None:
    ballots = _spread({"A": 14, "B": 14, "C": 13, "D": 13, "E": 12}, 22)
    result = elect(
        TWENTY_TWO, ballots, candidates=["E", "D", "C", "B", "A"], seats=3, rules=CN,
        options=ElectOptions(alternates=1),
    )  # fmt: skip
    assert result.elected == ("B", "A") and result.unfilled == 1
    assert result.alternates == ()  # no alternate while a seat is open
    assert result.candidate("E").status.value == "not-seated"
    assert result.candidate("E").status.label("zh") == "通过但未入选"
    assert [t.candidates for t in result.ties] == [("D", "C")]
    assert result.second_round == ("D", "C", "E")  # the tied first, then the others as given


def test_lot_for_an_alternate_place_is_reported_as_such() -> None:
    ballots = _spread({"A": 14, "B": 14, "C": 14, "D": 12, "E": 12}, 22)
    lot = TieBreak(TieMethod.LOT, seed="s", citation=cg.Citation("estate_rules", "3"))
    result = elect(
        TWENTY_TWO, ballots, candidates=["A", "B", "C", "D", "E"], seats=3, rules=CN,
        options=ElectOptions(alternates=1, tie_break=lot),
    )  # fmt: skip
    assert result.elected == ("A", "B", "C") and len(result.alternates) == 1
    (tie,) = result.ties
    assert tie.for_alternates is True and tie.candidates == ("D", "E") and tie.places == 1
    assert ElectionResult.from_dict(result.to_dict()) == result


def test_after_a_lot_for_seats_alternates_are_the_losers_then_the_next_group() -> None:
    ballots = _spread({"A": 14, "B": 13, "C": 13, "D": 13, "E": 12}, 22)
    lot = TieBreak(TieMethod.LOT, seed="s", citation=cg.Citation("estate_rules", "3"))
    result = elect(
        TWENTY_TWO, ballots, candidates=["A", "B", "C", "D", "E"], seats=3, rules=CN,
        options=ElectOptions(alternates=2, tie_break=lot),
    )  # fmt: skip
    (tie,) = result.ties
    assert tie.candidates == ("B", "C", "D") and tie.places == 2 and not tie.for_alternates
    assert result.elected[0] == "A" and set(result.elected[1:]) == set(tie.chosen)
    (loser,) = set(tie.candidates) - set(tie.chosen)
    assert result.alternates == (loser, "E")


def test_fact_names_without_a_chinese_name_are_shown_as_they_are() -> None:
    from community_governance.elections.eligibility import FACT_ZH, fact_zh

    assert fact_zh("arrears") == FACT_ZH["arrears"]
    assert fact_zh("parking_space") == "parking_space"
