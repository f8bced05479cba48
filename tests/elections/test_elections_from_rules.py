"""`ElectionResult.from_dict(data, rules=...)`: the stored rule checked against the rule set."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pytest
from refit import refit

import community_governance as cg
from community_governance.elections import ElectionBallot, ElectionResult, ElectOptions, elect
from community_governance.exceptions import DerivedFactMismatchError, ElectionInputError
from community_governance.rules import ElectionParams, Layer, Param
from community_governance.rules.elections import BallotPolicy, Handling, TieBreak
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import Check

CN = cg.rules_for("CN", on=date(2025, 3, 1))
ESTATE_RULES = cg.Citation("estate_rules", "12")
AT_LEAST, MORE_THAN = cg.Comparator.AT_LEAST, cg.Comparator.MORE_THAN


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(6)]
    )


def _ballots() -> list[ElectionBallot]:
    return [ElectionBallot(f"u{i}", ["X", "Y"] if i < 4 else ["X"]) for i in range(6)]


def _result(rules: cg.RuleSet = CN, **options: Any) -> ElectionResult:
    return elect(
        _estate(), _ballots(), candidates=["X", "Y", "Z"], seats=2, rules=rules,
        options=ElectOptions(**options),
    )  # fmt: skip


def _loosened(result: ElectionResult) -> dict[str, object]:
    """Every candidate's approval thresholds loosened from 过半数 to 以上 alike, in every round,
    and every derived fact made to agree (as data)."""
    return refit(_loose(result))


def _loose(result: ElectionResult) -> ElectionResult:
    return attrs.evolve(
        result,
        candidates=tuple(
            attrs.evolve(c, checks=tuple(_at_least(k) for k in c.checks)) for c in result.candidates
        ),
        previous=None if result.previous is None else _loose(result.previous),
    )


def _at_least(check: Check) -> Check:
    return attrs.evolve(check, threshold=attrs.evolve(check.threshold, comparator=AT_LEAST))


def test_a_result_loads_against_the_rule_set_it_was_counted_under() -> None:
    result = _result()
    assert ElectionResult.from_dict(result.to_dict(), rules=CN) == result
    # the same rule set again, as an application would fetch it
    again = cg.rules_for(result.jurisdiction, on=result.on)
    assert ElectionResult.from_dict(result.to_dict(), rules=again) == result


def test_thresholds_loosened_alike_for_every_candidate_are_caught_only_with_the_rules() -> None:
    data = _loosened(_result())
    loaded = ElectionResult.from_dict(data)  # consistent among themselves: loaded as stored
    assert loaded.candidates[0].checks[0].threshold.comparator is AT_LEAST
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert raised.value.what == "ElectionResult.candidates[0]" and raised.value.field == "checks"


def test_a_quorum_threshold_changed_is_caught_with_the_rules() -> None:
    honest = _result()
    stricter = tuple(
        attrs.evolve(k, threshold=attrs.evolve(k.threshold, comparator=MORE_THAN))
        for k in honest.quorum
    )
    data = refit(attrs.evolve(honest, quorum=stricter))
    ElectionResult.from_dict(data)  # loaded as stored without the rules
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "quorum")


@pytest.mark.parametrize(
    ("other", "field"),
    [
        (cg.rules_for("CN-SH", on=date(2025, 3, 1)), "jurisdiction"),
        (cg.rules_for("CN", on=date(2025, 3, 2)), "on"),
    ],
)
def test_another_rule_set_is_refused_naming_the_field(other: cg.RuleSet, field: str) -> None:
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(_result().to_dict(), rules=other)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", field)


def test_a_layer_added_since_is_refused() -> None:
    layer = Layer("estate", "estate rules of procedure", None, None)
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(_result().to_dict(), rules=CN.with_layer(layer))
    assert raised.value.field == "layers"


def test_the_rule_and_its_layer_are_checked() -> None:
    data = _result().to_dict()
    data["rule_layer"] = "someone's layer"
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "rule_layer")
    data = _result().to_dict()
    data["rule_citation"] = {"instrument": "estate_rules", "article": "9"}
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "rule_citation")


def test_a_rule_given_to_elect_is_not_the_rule_sets_and_is_left_as_stored() -> None:
    provided = CN.resolution(cg.Matter.ELECT_COMMITTEE).value
    looser = attrs.evolve(
        provided,
        approval=tuple(
            attrs.evolve(t, comparator=cg.Comparator.AT_LEAST) for t in provided.approval
        ),
        citation=ESTATE_RULES,
    )
    result = _result(rule=looser)
    assert result.rule_layer == "given"
    assert ElectionResult.from_dict(result.to_dict(), rules=CN) == result


def test_policies_given_to_elect_are_left_as_stored_and_defaults_are_checked() -> None:
    lot = TieBreak("lot", seed="draw", citation=ESTATE_RULES)
    strict = BallotPolicy(over_approval=Handling.ERROR, citation=ESTATE_RULES)
    given = _result(tie_break=lot, policy=strict)
    assert ElectionResult.from_dict(given.to_dict(), rules=CN) == given
    for field, value in (
        ("tie_break_source", "given"),  # a default tie-break claimed as the caller's: same
        ("policy_source", "CN"),  # a default policy claimed as a layer's
    ):
        data = _result().to_dict()
        data[field] = value
        if field == "tie_break_source":
            assert ElectionResult.from_dict(data, rules=CN).tie_break_source == "given"
            continue
        with pytest.raises(DerivedFactMismatchError) as raised:
            ElectionResult.from_dict(data, rules=CN)
        assert raised.value.field == "policy"


def test_a_layer_policy_is_read_from_the_rule_set() -> None:
    lot = TieBreak("lot", seed="draw", citation=ESTATE_RULES)
    strict = BallotPolicy(non_candidate=Handling.ERROR, citation=ESTATE_RULES)
    layer = Layer(
        "estate", "estate rules", None, None,
        elections=ElectionParams(
            tie_break=Param(lot, ESTATE_RULES), ballot_policy=Param(strict, ESTATE_RULES)
        ),
    )  # fmt: skip
    rules = CN.with_layer(layer)
    result = _result(rules)
    assert (result.tie_break_source, result.policy_source) == ("estate rules", "estate rules")
    assert ElectionResult.from_dict(result.to_dict(), rules=rules) == result
    data = result.to_dict()
    data["tie_break"]["seed"] = "another draw"
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=rules)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "tie_break")


def test_the_spoiled_ballot_policy_is_checked() -> None:
    honest = _result()
    assert honest.spoiled_policy is SpoiledPolicy.PARTICIPATING
    data = refit(attrs.evolve(honest, spoiled_policy=SpoiledPolicy.EXCLUDED))
    ElectionResult.from_dict(data)  # no spoiled ballot: the figures agree either way
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "spoiled_policy")


def test_an_earlier_round_is_checked_too() -> None:
    estate = _estate()
    first = elect(
        estate, [ElectionBallot(f"u{i}", ["X"]) for i in range(6)],
        candidates=["X", "Y"], seats=2, rules=CN,
    )  # fmt: skip
    assert first.unfilled == 1
    second = elect(
        estate, [ElectionBallot(f"u{i}", ["Y"]) for i in range(6)],
        candidates=["Y"], seats=1, rules=CN, previous=first,
    )  # fmt: skip
    assert ElectionResult.from_dict(second.to_dict(), rules=CN) == second
    data = refit(attrs.evolve(second, previous=_loose(first)))
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert raised.value.what == "ElectionResult.previous.candidates[0]"
    assert raised.value.field == "checks"


@pytest.mark.parametrize("bad", ["CN", {"code": "CN"}, Fraction(1)])
def test_rules_that_are_not_a_rule_set_are_refused(bad: object) -> None:
    with pytest.raises(ElectionInputError, match="rules must be a RuleSet") as raised:
        ElectionResult.from_dict(_result().to_dict(), rules=bad)  # type: ignore[arg-type]
    assert raised.value.field == "rules" and raised.value.value == bad
    assert raised.value.what == "election result"


def test_a_spoiled_ballot_policy_of_the_rule_set_or_none_is_read() -> None:
    excluded = CN.with_layer(
        cg.jurisdictions.estate_layer(
            "rules of procedure",
            params={"spoiled_ballots": SpoiledPolicy.EXCLUDED},
            clause="Art. 4",
        )
    )
    result = _result(excluded)
    assert result.spoiled_policy is SpoiledPolicy.EXCLUDED
    assert ElectionResult.from_dict(result.to_dict(), rules=excluded) == result
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(_result().to_dict(), rules=excluded)
    assert raised.value.field == "layers"
    # a rule set that declares no spoiled-ballot policy: those ballots take part
    rule = CN.resolution(cg.Matter.ELECT_COMMITTEE).value
    bare = cg.RuleSet(
        "T", date(2025, 3, 1),
        (Layer("T", "bare", None, None, resolutions={cg.Matter.ELECT_COMMITTEE: rule}),),
    )  # fmt: skip
    assert bare.voting.spoiled_ballots is None
    counted = _result(bare)
    assert counted.spoiled_policy is SpoiledPolicy.PARTICIPATING
    assert ElectionResult.from_dict(counted.to_dict(), rules=bare) == counted


def test_a_tie_break_given_does_not_spare_the_ballot_policy() -> None:
    lot = TieBreak("lot", seed="draw", citation=ESTATE_RULES)
    data = _result(tie_break=lot).to_dict()
    data["policy_source"] = "CN"  # the default policy claimed as the national layer's
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionResult.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "policy")
