"""Decision.from_dict recomputes derived facts and refuses stored values that disagree."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

import community_governance as cg
from community_governance.exceptions import DerivedFactMismatchError


def failed() -> cg.Decision:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "100", "owners": [f"O{n}"]} for n in range(4)]
    )
    return cg.decide(
        estate,
        [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "oppose"), cg.Ballot("1-2", "oppose")],
        matter="elect-committee",
        rules=cg.rules_for("CN", on=date(2022, 1, 1)),
    )


def _set(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _approval_heads(data: dict[str, Any]) -> int:
    return next(
        i
        for i, c in enumerate(data["checks"])
        if c["role"] == "approval" and c["threshold"]["measure"] == "heads"
    )


@pytest.mark.parametrize(
    ("field", "tamper"),
    [
        ("passed", lambda d: d.__setitem__("passed", True)),
        ("passed", lambda d: d["checks"][_approval_heads(d)].__setitem__("passed", True)),
        ("numerator", lambda d: d["checks"][_approval_heads(d)].__setitem__("numerator", "2")),
        ("margin", lambda d: d["checks"][_approval_heads(d)].__setitem__("margin", "0")),
        ("actual", lambda d: d["checks"][0].__setitem__("actual", "1")),
        ("required", lambda d: d["checks"][0].__setitem__("required", "1")),
        (
            "minimum_heads",
            lambda d: d["checks"][_approval_heads(d)].__setitem__("minimum_heads", 1),
        ),
        (
            "passed",
            lambda d: d["checks"][_approval_heads(d)]["threshold"].__setitem__("ratio", "1/4"),
        ),
    ],
    ids=[
        "decision-passed",
        "check-passed",
        "numerator",
        "margin",
        "actual",
        "required",
        "minimum-heads",
        "ratio",
    ],
)
def test_tampered_derived_fact_refused(
    field: str, tamper: Callable[[dict[str, Any]], None]
) -> None:
    decision = failed()
    assert not decision.passed
    data = copy.deepcopy(decision.to_dict())
    assert cg.Decision.from_dict(copy.deepcopy(data)) == decision
    tamper(data)
    with pytest.raises(DerivedFactMismatchError) as info:
        cg.Decision.from_dict(data)
    error = info.value
    assert error.field == field
    assert isinstance(error, cg.GovernanceError)
    assert isinstance(error, ValueError)
    assert field in str(error)
    assert repr(error.stored) in str(error)
    assert repr(error.recomputed) in str(error)


def test_tampered_fact_in_without_deemed_votes_refused() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "10", "owners": [f"O{n}"]} for n in range(10)]
    )
    clause = cg.rules.DeemedVoteClause("covenant Art. 9")
    rules = cg.rules_for("CN-SH", on=date(2022, 1, 1)).with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="Art. 9")
    )
    ballots = [cg.Ballot(f"1-{n}", "agree") for n in range(4)] + [cg.Ballot("1-4", "oppose")]
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=rules)
    assert decision.without_deemed_votes is not None
    data = decision.to_dict()
    assert cg.Decision.from_dict(copy.deepcopy(data)) == decision
    data["without_deemed_votes"]["passed"] = not decision.without_deemed_votes.passed
    with pytest.raises(DerivedFactMismatchError, match="without_deemed_votes"):
        cg.Decision.from_dict(data)


@pytest.mark.parametrize(
    "path", [("checks", 0, "numerator"), ("tally", "total", "heads"), ("checks", 0, "margin")]
)
def test_float_refused_in_decision_data(path: tuple[Any, ...]) -> None:
    data = failed().to_dict()
    _set(path, 0.5)(data)
    with pytest.raises(cg.exceptions.InvalidDataError, match="float") as info:
        cg.Decision.from_dict(data)
    assert info.value.value == 0.5
    assert str(path[-1]) in info.value.field


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("checks", 0, "passed"), 1, "1 is not true or false"),
        (("checks", 0, "passed"), "false", "'false' is not true or false"),
        (("tally", "agree", "heads"), "2", "'2' is not a whole number"),
        (("tally", "agree", "heads"), 10**5000, "not below the bound of 10**16"),
        (("rule_layer",), 7, "7 is not a string"),
    ],
    ids=["passed-int", "passed-text", "heads-text", "heads-bomb", "layer-int"],
)
def test_plain_data_types_are_strict(path: tuple[Any, ...], value: object, words: str) -> None:
    """A boolean is a boolean, a count an int below 10**16, text a string: nothing is coerced."""
    data = copy.deepcopy(failed().to_dict())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(cg.exceptions.InvalidDataError) as info:
        cg.Decision.from_dict(data)
    assert words in str(info.value) and path[-1] in str(info.value)
