"""`Decision.from_dict`: check figures recomputed from the tally, the rule from the rule set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

import community_governance as cg
from community_governance.exceptions import (
    DerivedFactMismatchError,
    InvalidDataError,
    VotingInputError,
)
from community_governance.voting.checks import Check, Figures, Tally, check

CN = cg.rules_for("CN", on=date(2025, 3, 1))
FUND = cg.Matter.RAISE_MAINTENANCE_FUND
ORDINARY = cg.Matter.HIRE_OR_DISMISS_MANAGER


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(10)]
    )


def _decide(
    choices: str = "aaaaoo", *, matter: cg.Matter = FUND, rules: cg.RuleSet = CN
) -> cg.Decision:
    """``a``/``o``/``b``/``s``: agree, oppose, abstain, spoiled, one unit each in order."""
    names = {"a": "agree", "o": "oppose", "b": "abstain", "s": "spoiled"}
    ballots = [cg.Ballot(f"u{i}", names[c]) for i, c in enumerate(choices)]
    return cg.decide(_estate(), ballots, matter=matter, rules=rules)


def _rechecked(decision: cg.Decision, checks: tuple[Check, ...]) -> dict[str, Any]:
    """``decision`` with ``checks`` and the verdict they give, as data."""
    return attrs.evolve(decision, checks=checks, passed=all(c.passed for c in checks)).to_dict()


def _figures_changed(decision: cg.Decision, index: int, numerator: int, denominator: int) -> Any:
    checks = list(decision.checks)
    old = checks[index]
    scale = 1 if old.threshold.measure is cg.Measure.HEADS else 100
    checks[index] = check(old.role, old.threshold, numerator, denominator, scale)
    return _rechecked(decision, tuple(checks))


def _heads_approval(decision: cg.Decision) -> int:
    return next(
        i
        for i, c in enumerate(decision.checks)
        if c.role is cg.voting.CheckRole.APPROVAL and c.threshold.measure is cg.Measure.HEADS
    )


def test_a_check_whose_figures_are_not_the_tallys_is_refused() -> None:
    decision = _decide()  # 4 of 6 agree: under the 3/4 for raising the fund
    assert not decision.passed and cg.Decision.from_dict(decision.to_dict()) == decision
    index = _heads_approval(decision)
    assert (decision.checks[index].numerator, decision.checks[index].denominator) == (4, 6)
    agreeing_more = _figures_changed(decision, index, 5, 6)  # consistent, and now met
    assert agreeing_more["checks"][index]["passed"] is True
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(agreeing_more)
    error = raised.value
    assert (error.what, error.field) == (f"Decision.checks[{index}]", "numerator")
    assert (error.stored, error.recomputed) == ("5", "4")
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(_figures_changed(decision, index, 4, 5))
    assert raised.value.field == "denominator" and raised.value.recomputed == "6"


@pytest.mark.parametrize(
    ("base", "numerator", "denominator"),
    [
        (cg.Base.ALL, 4, 10),
        (cg.Base.PARTICIPATING, 4, 7),  # the spoiled ballot does not take part here
        (cg.Base.ATTENDING, 4, 8),  # but it was returned
        (cg.Base.CAST, 4, 6),
    ],
)
def test_each_base_is_read_from_the_tally(base: cg.Base, numerator: int, denominator: int) -> None:
    cite = cg.Citation("estate_rules", "3")
    rule = cg.ResolutionRule(
        (),
        (cg.Threshold(cg.Measure.HEADS, base, cg.Comparator.MORE_THAN, Fraction(1, 2), cite),),
        cite,
    )
    excluded = cg.rules.VotingParams(
        spoiled_ballots=cg.rules.Param(cg.rules.SpoiledPolicy.EXCLUDED, cite)
    )
    layer = cg.rules.Layer(
        "T", "test layer", None, None, resolutions={ORDINARY: rule}, voting=excluded
    )
    decision = _decide(
        "aaaaoobs", matter=ORDINARY, rules=cg.RuleSet("T", date(2025, 3, 1), (layer,))
    )
    (only,) = decision.checks
    assert (only.numerator, only.denominator) == (numerator, denominator)
    assert cg.Decision.from_dict(decision.to_dict()) == decision
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(_figures_changed(decision, 0, numerator, denominator + 1))
    assert raised.value.field == "denominator"


def _tally(decision: cg.Decision, **changes: Figures) -> dict[str, Any]:
    return attrs.evolve(decision, tally=attrs.evolve(decision.tally, **changes)).to_dict()


def test_a_tally_that_does_not_add_up_is_refused_naming_the_figure() -> None:
    decision = _decide("aaaaoobs")  # spoiled ballots take part under the national rules
    tally = decision.tally
    assert (tally.participating.heads, tally.total.heads) == (8, 10)
    # those taking part: agreeing + opposing + abstaining, with or without the spoiled
    without = Figures(7, Decimal(700))
    cg.Decision.from_dict(
        _figures_changed_tally(decision, participating=without)
    )  # the spoiled not taking part: adds up
    with pytest.raises(InvalidDataError) as e:
        cg.Decision.from_dict(_tally(decision, participating=Figures(6, Decimal(800))))
    assert str(e.value).startswith(
        "Decision: tally participating by heads: those taking part (6 persons) are neither "
        "those agreeing, opposing and abstaining (7) nor those with the spoiled ballots (8)"
    )
    assert (e.value.field, e.value.value) == ("tally.participating", "6")
    # ballots returned at most all owners: 8 of 8 is the boundary
    cg.Decision.from_dict(_figures_changed_tally(decision, total=Figures(8, Decimal(800))))
    with pytest.raises(InvalidDataError, match=r"ballots returned \(8 persons\) exceed all") as e:
        cg.Decision.from_dict(_tally(decision, total=Figures(7, Decimal(800))))
    assert (e.value.field, e.value.value) == ("tally.total", "7")
    with pytest.raises(InvalidDataError, match=r"by area: the ballots returned \(800 m²\)") as e:
        cg.Decision.from_dict(_tally(decision, total=Figures(8, Decimal("799.99"))))
    assert e.value.value == "799.99"
    # deemed votes among those taking part: 8 of 8 is the boundary
    cg.Decision.from_dict(_figures_changed_tally(decision, deemed=Figures(8, Decimal(800))))
    with pytest.raises(InvalidDataError, match=r"deemed votes \(9 persons\) exceed") as e:
        cg.Decision.from_dict(_tally(decision, deemed=Figures(9, Decimal(800))))
    assert (e.value.field, e.value.value) == ("tally.deemed", "9")


def _figures_changed_tally(decision: cg.Decision, **changes: Figures) -> dict[str, Any]:
    """The tally changed, and every check recomputed from it (so only the tally is judged)."""
    tally: Tally = attrs.evolve(decision.tally, **changes)
    checks = []
    for old in decision.checks:
        measure = old.threshold.measure
        part = tally.participating if old.role is cg.voting.CheckRole.QUORUM else tally.agree
        whole = {cg.Base.ALL: tally.total, cg.Base.PARTICIPATING: tally.participating}
        scale = 1 if measure is cg.Measure.HEADS else 100
        numerator = int(part.of(measure) * scale)
        denominator = int(whole[old.threshold.base].of(measure) * scale)
        checks.append(check(old.role, old.threshold, numerator, denominator, scale))
    return attrs.evolve(
        decision, tally=tally, checks=tuple(checks), passed=all(c.passed for c in checks)
    ).to_dict()


# ------------------------------------------------------------------ against the rule set


def _loosened(decision: cg.Decision) -> dict[str, Any]:
    """Every threshold of the decision at half, consistently recomputed."""
    checks = tuple(
        check(
            c.role,
            attrs.evolve(c.threshold, ratio=Fraction(1, 2)),
            int(
                Fraction(c.numerator) * (s := 1 if c.threshold.measure is cg.Measure.HEADS else 100)
            ),
            int(Fraction(c.denominator) * s),
            s,
        )
        for c in decision.checks
    )
    return _rechecked(decision, checks)


def test_a_decision_loads_against_its_rule_set() -> None:
    decision = _decide()
    assert cg.Decision.from_dict(decision.to_dict(), rules=CN) == decision
    again = cg.rules_for(decision.jurisdiction, on=decision.on)
    assert cg.Decision.from_dict(decision.to_dict(), rules=again) == decision


def test_thresholds_loosened_alike_are_caught_only_with_the_rules() -> None:
    decision = _decide()
    data = _loosened(decision)
    loaded = cg.Decision.from_dict(data)  # consistent: loaded as stored without the rules
    assert loaded.passed and not decision.passed
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(data, rules=CN)
    assert raised.value.field == "checks"


@pytest.mark.parametrize(
    ("other", "field"),
    [
        (cg.rules_for("CN-SH", on=date(2025, 3, 1)), "jurisdiction"),
        (cg.rules_for("CN", on=date(2025, 3, 2)), "on"),
        (CN.with_layer(cg.rules.Layer("estate", "estate rules", None, None)), "layers"),
    ],
)
def test_another_rule_set_is_refused(other: cg.RuleSet, field: str) -> None:
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(_decide().to_dict(), rules=other)
    assert (raised.value.what, raised.value.field) == ("Decision", field)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rule_layer", "someone's layer"),
        ("rule_citation", {"instrument": "estate_rules", "article": "9"}),
    ],
)
def test_the_rule_and_its_layer_are_checked(field: str, value: object) -> None:
    data = _decide().to_dict()
    data[field] = value
    cg.Decision.from_dict(data)
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("Decision", field)


def test_the_spoiled_ballot_policy_is_checked_when_there_is_a_spoiled_ballot() -> None:
    decision = _decide("aaaaoobs")
    assert decision.tally.participating.heads == 8  # the spoiled ballot takes part
    assert cg.Decision.from_dict(decision.to_dict(), rules=CN) == decision
    data = _figures_changed_tally(decision, participating=Figures(7, Decimal(700)))
    cg.Decision.from_dict(data)  # the spoiled ballot left out: adds up, loaded as stored
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("Decision", "spoiled ballots taking part")
    assert (raised.value.stored, raised.value.recomputed) == (False, True)
    excluded = CN.with_layer(
        cg.jurisdictions.estate_layer(
            "rules of procedure",
            params={"spoiled_ballots": cg.rules.SpoiledPolicy.EXCLUDED},
            clause="Art. 4",
        )
    )
    left_out = _decide("aaaaoobs", rules=excluded)
    assert left_out.tally.participating.heads == 7
    assert cg.Decision.from_dict(left_out.to_dict(), rules=excluded) == left_out


def test_a_rule_set_without_a_spoiled_ballot_policy_lets_them_take_part() -> None:
    rule = CN.resolution(FUND).value
    bare = cg.RuleSet(
        "T", date(2025, 3, 1), (cg.rules.Layer("T", "bare", None, None, resolutions={FUND: rule}),)
    )
    assert bare.voting.spoiled_ballots is None
    decision = _decide("aaaaoobs", rules=bare)
    assert decision.tally.participating.heads == 8
    assert cg.Decision.from_dict(decision.to_dict(), rules=bare) == decision


def test_the_decision_without_deemed_votes_is_checked_too() -> None:
    clause = cg.rules.DeemedVoteClause("covenant Art. 9: unreturned ballots follow the majority")
    deemed = cg.rules_for("CN", on=date(2025, 3, 1)).with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="Art. 9")
    )
    decision = _decide("aaaaao", matter=ORDINARY, rules=deemed)
    assert decision.without_deemed_votes is not None and decision.tally.deemed.heads == 4
    assert cg.Decision.from_dict(decision.to_dict(), rules=deemed) == decision
    inner = decision.without_deemed_votes
    data = decision.to_dict()
    data["without_deemed_votes"] = {k: v for k, v in _loosened(inner).items() if k != "schema"}
    cg.Decision.from_dict(data)
    with pytest.raises(DerivedFactMismatchError) as raised:
        cg.Decision.from_dict(data, rules=deemed)
    assert raised.value.what == "Decision.without_deemed_votes"


@pytest.mark.parametrize("bad", ["CN", {"code": "CN"}, 1])
def test_rules_that_are_not_a_rule_set_are_refused(bad: object) -> None:
    with pytest.raises(VotingInputError, match="rules must be a RuleSet") as raised:
        cg.Decision.from_dict(_decide().to_dict(), rules=bad)  # type: ignore[arg-type]
    assert (raised.value.field, raised.value.value) == ("rules", bad)
