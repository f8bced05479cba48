"""Scenarios that kill mutants of the tally, ballots, checks and decision loading."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import community_governance as cg
from community_governance.exceptions import (
    ConflictingBallotsError,
    DerivedFactMismatchError,
    InvalidBallotError,
    InvalidDataError,
    VotingInputError,
)
from community_governance.voting._tally import collect

ON = date(2022, 6, 1)
CN = cg.rules_for("CN", on=ON)


def three_flats_of_li(*extra: dict[str, Any]) -> cg.Estate:
    rows = [{"unit": f"1-0{i}", "area": "10", "owners": ["Li"]} for i in (1, 2, 3)]
    rows += [{"unit": "2-01", "area": "10", "owners": ["Wang"]}, *extra]
    return cg.Estate.from_records(rows)


def codes(decision: cg.Decision) -> list[str]:
    return [notice.code for notice in decision.notices]


def test_a_person_voting_for_all_three_units_is_not_partial() -> None:
    ballots = [cg.Ballot(f"1-0{i}", "agree") for i in (1, 2, 3)]
    decision = cg.decide(three_flats_of_li(), ballots, matter="elect-committee", rules=CN)
    assert "partial-person-ballots" not in codes(decision)
    two = cg.decide(three_flats_of_li(), ballots[:2], matter="elect-committee", rules=CN)
    assert "partial-person-ballots" in codes(two)
    assert decision.tally.agree == two.tally.agree == cg.voting.Figures(1, Decimal(30))


def test_conflicting_ballots_name_the_person_units_and_ballot() -> None:
    ballots = [cg.Ballot("1-01", "agree"), cg.Ballot("1-02", "agree"), cg.Ballot("1-03", "oppose")]
    with pytest.raises(ConflictingBallotsError) as info:
        cg.decide(three_flats_of_li(), ballots, matter="elect-committee", rules=CN)
    assert info.value.message == (
        "ballots of counted person Li (units 1-01, 1-02, 1-03) disagree; the ballot for unit "
        "1-03 differs from an earlier one"
    )
    assert info.value.units == ("1-01", "1-02", "1-03")


def test_proxy_written_authorisation_error_names_field_and_value() -> None:
    with pytest.raises(VotingInputError) as info:
        cg.voting.Proxy("Zhou", written_authorisation="no")  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("written_authorisation", "no")
    assert info.value.message == "proxy written_authorisation must be True or False, not 'no'"


def decision_data() -> dict[str, Any]:
    # 70 m² of 105.6 m² take part: 70/105.6 < 2/3, while 70/105 would be exactly 2/3
    estate = cg.Estate.from_records(
        [{"unit": f"1-0{i}", "area": "10", "owners": [f"O{i}"]} for i in range(1, 8)]
        + [{"unit": "2-01", "area": "35.6", "owners": ["Wu"]}]
    )
    ballots = [cg.Ballot(f"1-0{i}", "agree") for i in range(1, 8)]
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=CN)
    (quorum,) = [c for c in decision.checks if c.threshold.measure is cg.Measure.AREA][:1]
    assert (quorum.numerator, quorum.denominator, quorum.passed) == (70, Decimal("105.6"), False)
    return decision.to_dict()


def test_a_fractional_denominator_is_recomputed_exactly_on_load() -> None:
    data = decision_data()
    assert cg.Decision.from_dict(copy.deepcopy(data)).to_dict() == data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("checks", 0, "passed"),
            True,
            "Decision.checks[0]: stored passed True disagrees with the value recomputed from "
            "the data, False; derived facts are never trusted from input",
        ),
        (
            ("checks", 1, "margin"),
            "99",
            "Decision.checks[1]: stored margin '99' disagrees",
        ),
        (
            ("passed",),
            True,
            "Decision: stored passed True disagrees",
        ),
    ],
)
def test_tampered_derived_facts_are_named(
    path: tuple[Any, ...], value: object, message: str
) -> None:
    data = decision_data()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(DerivedFactMismatchError) as info:
        cg.Decision.from_dict(data)
    assert str(info.value).startswith(message)


def test_a_float_in_decision_data_is_named_by_its_path() -> None:
    data = decision_data()
    data["checks"][0]["numerator"] = 70.0
    with pytest.raises(InvalidDataError) as info:
        cg.Decision.from_dict(data)
    assert str(info.value).startswith("Decision.checks[0].numerator: 70.0 is a float")


def test_deemed_vote_results_are_verified_under_their_own_name() -> None:
    clause = cg.rules.DeemedVoteClause(
        "covenant Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR
    )
    rules = cg.rules_for("CN-SH", on=ON).with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="9")
    )
    estate = three_flats_of_li({"unit": "3-01", "area": "10", "owners": ["Zhao"]})
    decision = cg.decide(
        estate,
        [cg.Ballot("1-01", "agree"), cg.Ballot("2-01", "agree")],
        matter="elect-committee",
        rules=rules,
    )
    data = decision.to_dict()
    assert data["without_deemed_votes"] is not None
    data["without_deemed_votes"]["passed"] = not data["without_deemed_votes"]["passed"]
    with pytest.raises(DerivedFactMismatchError) as info:
        cg.Decision.from_dict(data)
    assert str(info.value).startswith("Decision.without_deemed_votes: stored passed")


@pytest.mark.parametrize(
    ("call", "error", "field", "value", "message"),
    [
        (
            lambda: cg.voting.Proxy("", True),
            VotingInputError,
            "holder",
            "",
            "proxy holder must be a non-empty str, not ''",
        ),
        (
            lambda: cg.Ballot("", "agree"),
            InvalidBallotError,
            "unit",
            "",
            "ballot unit must be a non-empty unit id, not ''",
        ),
        (
            lambda: cg.Ballot(101, "agree"),  # type: ignore[arg-type]
            InvalidBallotError,
            "unit",
            101,
            "ballot unit must be a non-empty unit id, not 101",
        ),
    ],
)
def test_ballot_errors_name_field_and_value(
    call: Any, error: type[Exception], field: str, value: object, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert info.value.message == message
    assert (info.value.field, info.value.value) == (field, value)  # type: ignore[attr-defined]


def test_collect_counts_by_the_estate_itself_unless_given_a_scope_counting() -> None:
    estate = three_flats_of_li()
    ballots = [cg.Ballot("1-01", "agree"), cg.Ballot("2-01", "oppose")]
    default = collect(estate, ballots)
    explicit = collect(estate, ballots, estate.person_index)
    assert (default.heads, default.area) == (explicit.heads, explicit.area)
    assert default.choice == explicit.choice and len(default.choice) == 2
