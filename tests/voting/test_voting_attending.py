"""Base.ATTENDING in the Chinese engine: every returned ballot, spoiled ones included."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg

SURE = cg.Citation("civil_code", "278(2)")


def _decide(choices: list[str], ratio: Fraction) -> cg.Decision:
    approval = cg.Threshold(
        cg.Measure.HEADS, cg.Base.ATTENDING, cg.Comparator.AT_LEAST, ratio, SURE
    )
    layer = cg.rules.Layer(
        "T",
        "T: attending",
        None,
        None,
        resolutions={cg.Matter.OTHER_MAJOR_MATTER: cg.ResolutionRule((), (approval,), SURE)},
        voting=cg.rules.VotingParams(
            spoiled_ballots=cg.rules.Param(cg.rules.SpoiledPolicy.EXCLUDED, SURE)
        ),
    )
    rules = cg.RuleSet("T", date(2025, 3, 1), (layer,))
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": "10", "owners": [f"o{n}"]} for n in range(6)]
    )
    ballots = [cg.Ballot(f"u{n}", choice) for n, choice in enumerate(choices)]
    return cg.decide(estate, ballots, matter="other-major-matter", rules=rules)


@pytest.mark.parametrize(
    ("choices", "passed"),
    [
        (["agree", "agree", "agree", "spoiled"], True),  # 3 of 4 attending: at the bound
        (["agree", "agree", "spoiled", "spoiled"], False),  # 2 of 4: below
        (["agree", "agree", "agree", "agree"], True),  # 4 of 4: above
    ],
)
def test_attending_counts_spoiled_ballots_even_when_excluded_from_participation(
    choices: list[str], passed: bool
) -> None:
    decision = _decide(choices, Fraction(3, 4))
    assert decision.passed is passed
    assert decision.checks[0].denominator == 4


def test_attending_labels_and_strictness() -> None:
    assert cg.Base.ATTENDING.label("zh") == "出席的业主"
    t = cg.Threshold(cg.Measure.AREA, "attending", "more-than", "1/2", SURE)
    assert t.describe("zh") == "出席专有部分面积过半数"
    part = cg.Threshold(cg.Measure.AREA, "participating", "more-than", "1/2", SURE)
    strict = cg.ResolutionRule((), (t,), SURE)
    loose = cg.ResolutionRule((), (part,), SURE)
    assert strict.never_looser_than(loose)
    assert not loose.never_looser_than(strict)
    assert cg.rules.thresholds.parse_ratio("2/3") == Fraction(2, 3)


def test_deemed_votes_attend_and_count_in_the_attending_base() -> None:
    """Non-voters deemed to vote with the majority attend too: 3 agree + 2 deemed of 6 + 0."""
    approval = cg.Threshold(
        cg.Measure.HEADS, cg.Base.ATTENDING, cg.Comparator.MORE_THAN, Fraction(4, 5), SURE
    )
    clause = cg.rules.DeemedVoteClause("covenant Art. 9")
    layer = cg.rules.Layer(
        "T",
        "T: attending, deemed",
        None,
        None,
        resolutions={cg.Matter.OTHER_MAJOR_MATTER: cg.ResolutionRule((), (approval,), SURE)},
        voting=cg.rules.VotingParams(deemed_vote=cg.rules.Param(clause, SURE)),
    )
    rules = cg.RuleSet("T", date(2025, 3, 1), (layer,))
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": "10", "owners": [f"o{n}"]} for n in range(6)]
    )
    ballots = [cg.Ballot(f"u{n}", c) for n, c in enumerate(["agree"] * 3 + ["oppose"])]
    decision = cg.decide(estate, ballots, matter="other-major-matter", rules=rules)
    (check,) = decision.checks
    assert (check.numerator, check.denominator) == (5, 6)  # 3 + 2 deemed of 4 + 2 attending
    assert decision.passed  # 5/6 > 4/5
    assert decision.without_deemed_votes is not None
    (before,) = decision.without_deemed_votes.checks
    assert (before.numerator, before.denominator) == (3, 4) and not before.passed


def test_votes_cast_base_is_agree_plus_oppose() -> None:
    """Approval among votes cast: abstentions and spoiled ballots are not in the base."""
    approval = cg.Threshold(
        cg.Measure.HEADS, cg.Base.CAST, cg.Comparator.AT_LEAST, Fraction(2, 3), SURE
    )
    layer = cg.rules.Layer(
        "T",
        "T: votes cast",
        None,
        None,
        resolutions={cg.Matter.OTHER_MAJOR_MATTER: cg.ResolutionRule((), (approval,), SURE)},
    )
    rules = cg.RuleSet("T", date(2025, 3, 1), (layer,))
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": "10", "owners": [f"o{n}"]} for n in range(7)]
    )

    def decide(*choices: str) -> cg.Decision:
        ballots = [cg.Ballot(f"u{n}", c) for n, c in enumerate(choices)]
        return cg.decide(estate, ballots, matter="other-major-matter", rules=rules)

    at_bound = decide("agree", "agree", "oppose", "abstain", "spoiled")
    (check,) = at_bound.checks
    assert (check.numerator, check.denominator) == (2, 3) and at_bound.passed  # 2 of 3 cast
    below = decide("agree", "agree", "oppose", "oppose", "abstain")
    assert below.checks[0].denominator == 4 and not below.passed  # 2 of 4 < 2/3
