"""Base.ATTENDING in the elections engine: every returned ballot, spoiled ones included."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import ElectionBallot, ElectionResult, elect

SURE = cg.Citation("civil_code", "278(2)")


def _rules(base: cg.Base) -> cg.RuleSet:
    approval = cg.Threshold(cg.Measure.HEADS, base, cg.Comparator.AT_LEAST, Fraction(3, 4), SURE)
    layer = cg.rules.Layer(
        "T",
        "T: attending",
        None,
        None,
        resolutions={cg.Matter.ELECT_COMMITTEE: cg.ResolutionRule((), (approval,), SURE)},
        voting=cg.rules.VotingParams(
            spoiled_ballots=cg.rules.Param(cg.rules.SpoiledPolicy.EXCLUDED, SURE)
        ),
    )
    return cg.RuleSet("T", date(2025, 3, 1), (layer,))


def _elect(approve: int, spoiled: int, base: cg.Base = cg.Base.ATTENDING) -> ElectionResult:
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": "10", "owners": [f"o{n}"]} for n in range(8)]
    )
    ballots = [ElectionBallot(f"u{n}", ["A"]) for n in range(approve)]
    ballots += [
        ElectionBallot(f"u{n}", [], spoiled=True) for n in range(approve, approve + spoiled)
    ]
    return elect(estate, ballots, candidates=["A"], seats=1, rules=_rules(base))


@pytest.mark.parametrize(
    ("approve", "spoiled", "elected"),
    [
        (3, 1, True),  # 3 of 4 attending: at the bound (≥ 3/4)
        (2, 1, False),  # 2 of 3 attending: below
        (4, 1, True),  # 4 of 5 attending: above
        (5, 2, False),  # 5 of 7 attending: below, though 5 of 5 taking part
    ],
)
def test_attending_counts_spoiled_ballots_even_when_excluded(
    approve: int, spoiled: int, elected: bool
) -> None:
    result = _elect(approve, spoiled)
    check = result.candidate("A").checks[0]
    assert check.denominator == approve + spoiled
    assert (result.elected == ("A",)) is elected


def test_participating_base_leaves_excluded_spoiled_ballots_out() -> None:
    result = _elect(5, 2, cg.Base.PARTICIPATING)
    assert result.candidate("A").checks[0].denominator == 5 and result.elected == ("A",)


def test_an_attending_based_result_is_recomputed_on_load() -> None:
    result = _elect(3, 1)
    assert ElectionResult.from_dict(result.to_dict()) == result


def _rules_on(base: cg.Base, measure: cg.Measure, policy: cg.rules.SpoiledPolicy) -> cg.RuleSet:
    approval = cg.Threshold(measure, base, cg.Comparator.AT_LEAST, Fraction(1, 2), SURE)
    layer = cg.rules.Layer(
        "T",
        "T: bases",
        None,
        None,
        resolutions={cg.Matter.ELECT_COMMITTEE: cg.ResolutionRule((), (approval,), SURE)},
        voting=cg.rules.VotingParams(spoiled_ballots=cg.rules.Param(policy, SURE)),
    )
    return cg.RuleSet("T", date(2025, 3, 1), (layer,))


AREAS = [Fraction(41, 4) + n for n in range(8)]  # 10.25, 11.25, ... m²: a decimal scale


@pytest.mark.parametrize("policy", list(cg.rules.SpoiledPolicy))
@pytest.mark.parametrize("base", [cg.Base.ATTENDING, cg.Base.CAST])
@pytest.mark.parametrize("measure", [cg.Measure.HEADS, cg.Measure.AREA])
def test_attending_and_cast_bases_in_heads_and_area_under_each_spoiled_policy(
    policy: cg.rules.SpoiledPolicy, base: cg.Base, measure: cg.Measure
) -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": f"{10 + n}.25", "owners": [f"o{n}"]} for n in range(8)]
    )
    ballots = [ElectionBallot(f"u{n}", ["A"]) for n in range(3)]
    ballots += [ElectionBallot(f"u{n}", [], spoiled=True) for n in (3, 4)]
    result = elect(
        estate, ballots, candidates=["A"], seats=1, rules=_rules_on(base, measure, policy)
    )
    valid, every = AREAS[:3], AREAS[:5]  # three valid ballots, two spoiled
    attending = (5, sum(every))  # every returned ballot, under either policy
    cast = (3, sum(valid))  # the valid votes, under either policy
    heads, area = attending if base is cg.Base.ATTENDING else cast
    check = result.candidate("A").checks[0]
    assert check.denominator == (heads if measure is cg.Measure.HEADS else area)
    assert check.numerator == (3 if measure is cg.Measure.HEADS else sum(valid))
    taking_part = (3, sum(valid)) if policy is cg.rules.SpoiledPolicy.EXCLUDED else attending
    assert (result.participating.heads, result.participating.area) == taking_part
    assert result.spoiled.heads == 2 and result.spoiled.area == AREAS[3] + AREAS[4]
    assert ElectionResult.from_dict(result.to_dict()) == result  # recomputed on load
