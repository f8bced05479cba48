"""The ready-made properties find a planted counterexample within hypothesis's default budget.

Each test plants a rule or a counter known to break one property and runs the property the
way a user would (``@given`` with hypothesis's default number of examples: ``max_examples`` is
not raised). Generation is derandomised and stops at the first failure (no shrinking), so the
number of examples needed is a fixed, reported figure; each test asserts that the property
fails and that it failed within ``settings.default.max_examples``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance import strategies as cgst
from community_governance.rules.thresholds import Base, Comparator, Measure, Threshold
from community_governance.voting.checks import CheckRole

HIGH = cg.Citation("civil_code", "278")
ON = date(2025, 3, 1)
NATIONAL = cg.rules_for("CN", on=ON)
ORDINARY = NATIONAL.resolution(cg.Matter.OTHER_MAJOR_MATTER).value
SPECIAL = NATIONAL.resolution(cg.Matter.RAISE_MAINTENANCE_FUND).value
BUDGET = settings.default.max_examples
SEARCH = settings(derandomize=True, database=None, deadline=None, phases=(Phase.generate,))
ANY_ESTATE = cgst.realistic_estates()


def _threshold(measure: str, base: str, comparator: str, ratio: str) -> Threshold:
    return Threshold(measure, base, comparator, Fraction(ratio), HIGH)


def _replace(rule: cg.ResolutionRule, role: str, old: Threshold, new: Threshold | None):
    kept = tuple(new if t == old else t for t in getattr(rule, role))
    return attrs.evolve(rule, **{role: tuple(t for t in kept if t is not None)})


def _heads(thresholds: Sequence[Threshold]) -> Threshold:
    return next(t for t in thresholds if t.measure is Measure.HEADS)


def _area(thresholds: Sequence[Threshold]) -> Threshold:
    return next(t for t in thresholds if t.measure is Measure.AREA)


#: Local rules each looser than the Civil Code in exactly one threshold, and the national rule.
PLANTED = {
    # 以上 where the Code says 过半数: differs only exactly at one half of those taking part
    "at-least-half": (
        _replace(
            ORDINARY,
            "approval",
            _heads(ORDINARY.approval),
            _threshold("heads", "participating", "at-least", "1/2"),
        ),
        ORDINARY,
    ),
    # a quorum of 13/20 of the area where the Code asks two thirds
    "quorum-13/20": (
        _replace(
            ORDINARY,
            "quorum",
            _area(ORDINARY.quorum),
            _threshold("area", "all", "at-least", "13/20"),
        ),
        ORDINARY,
    ),
    # approval counted among votes cast (abstentions ignored) instead of those taking part
    "votes-cast": (
        _replace(
            ORDINARY,
            "approval",
            _heads(ORDINARY.approval),
            _threshold("heads", "cast", "more-than", "1/2"),
        ),
        ORDINARY,
    ),
    # the area approval left out
    "no-area-approval": (_replace(ORDINARY, "approval", _area(ORDINARY.approval), None), ORDINARY),
    # two thirds where the Code asks three quarters (3 equal flats, 2 agree, 1 oppose)
    "two-thirds-for-three-quarters": (
        attrs.evolve(
            SPECIAL,
            approval=(
                _threshold("heads", "participating", "at-least", "2/3"),
                _threshold("area", "participating", "at-least", "2/3"),
            ),
        ),
        SPECIAL,
    ),
}


def examples_to_failure(
    strategy: st.SearchStrategy[tuple[cg.Estate, list[cg.Ballot]]],
    prop: Callable[[cg.Estate, list[cg.Ballot]], None],
) -> int:
    """Run ``prop`` under ``@given`` with the default budget; the example that first failed."""
    seen: list[int] = []
    failed: list[int] = []

    @SEARCH
    @given(strategy)
    def run(drawn: tuple[cg.Estate, list[cg.Ballot]]) -> None:
        seen.append(1)
        try:
            prop(*drawn)
        except AssertionError:
            failed.append(len(seen))
            raise

    with pytest.raises(AssertionError):
        run()
    assert failed, "the property never failed"
    return failed[0]


def _near(*rules: cg.ResolutionRule) -> st.SearchStrategy[tuple[cg.Estate, list[cg.Ballot]]]:
    return ANY_ESTATE.flatmap(
        lambda estate: st.tuples(st.just(estate), cgst.ballots_near(rules, estate))
    )


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_never_looser_finds_each_planted_rule(name: str) -> None:
    local, national = PLANTED[name]
    assert not local.never_looser_than(national)  # the static check sees it at once

    def prop(estate: cg.Estate, ballots: list[cg.Ballot]) -> None:
        cgst.assert_never_looser(local, national, estate=estate, ballots=ballots)

    needed = examples_to_failure(_near(local, national), prop)
    print(f"assert_never_looser / {name}: failed at example {needed} of {BUDGET}")
    assert needed <= BUDGET


@attrs.frozen
class _Verdict:
    passed: bool


def _equality_counter(estate: cg.Estate, ballots: Sequence[cg.Ballot]) -> _Verdict:
    """A planted bug: 过半数 tested as 'agree is exactly the smallest majority' (== not >=)."""
    decision = cgst.decider(NATIONAL, matter=cg.Matter.OTHER_MAJOR_MATTER)(estate, ballots)
    heads = [
        c
        for c in decision.checks
        if c.role is CheckRole.APPROVAL and c.threshold.measure is Measure.HEADS
    ]
    return _Verdict(decision.passed and all(c.margin == 0 for c in heads))


def test_monotone_finds_a_counter_that_tests_equality() -> None:
    def prop(estate: cg.Estate, ballots: list[cg.Ballot]) -> None:
        cgst.assert_monotone(_equality_counter, estate, ballots)

    needed = examples_to_failure(_near(ORDINARY), prop)
    print(f"assert_monotone / equality counter: failed at example {needed} of {BUDGET}")
    assert needed <= BUDGET


PAGE = 500


def _paged_counter(estate: cg.Estate, ballots: Sequence[cg.Ballot]) -> cg.Decision:
    """A planted bug: only the first page of 500 ballots is counted."""
    return cgst.decider(NATIONAL, matter=cg.Matter.OTHER_MAJOR_MATTER)(estate, ballots[:PAGE])


def test_anonymous_finds_a_counter_that_reads_one_page() -> None:
    def prop(estate: cg.Estate, ballots: list[cg.Ballot]) -> None:
        cgst.assert_anonymous(_paged_counter, estate, ballots)

    needed = examples_to_failure(_near(ORDINARY), prop)
    print(f"assert_anonymous / one-page counter: failed at example {needed} of {BUDGET}")
    assert needed <= BUDGET


def test_the_planted_rules_are_looser_only_near_a_bound() -> None:
    # the planted comparator differs from the Code's exactly at one half: 2 of 4 equal flats
    estate = cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100" if i < 2 else "80", "owners": [f"o{i}"]} for i in range(4)]
    )
    ballots = [cg.Ballot("u0", "agree"), cg.Ballot("u1", "agree"), cg.Ballot("u2", "oppose")]
    ballots.append(cg.Ballot("u3", "oppose"))
    local, national = PLANTED["at-least-half"]
    with pytest.raises(AssertionError, match="passing the local rule fails the national rule"):
        cgst.assert_never_looser(local, national, estate=estate, ballots=ballots)
    assert Base.CAST in {t.base for t in PLANTED["votes-cast"][0].approval}
    assert Comparator.AT_LEAST in {t.comparator for t in local.approval}


OLD_ORDINARY = cg.rules_for("CN", on=date(2019, 1, 1)).resolution(cg.Matter.OTHER_MAJOR_MATTER)

#: Local rules looser than the national one through an attending base (出席, Base.ATTENDING).
PLANTED_ATTENDING = {
    # 以上 of those attending where the Code says 过半数 of those taking part
    "attending-at-least-half": (
        _replace(
            ORDINARY,
            "approval",
            _heads(ORDINARY.approval),
            _threshold("heads", "attending", "at-least", "1/2"),
        ),
        ORDINARY,
    ),
    # more than half of those attending where the 2007 regime asks more than half of all
    "attending-for-all": (
        _replace(
            OLD_ORDINARY.value,
            "approval",
            _heads(OLD_ORDINARY.value.approval),
            _threshold("heads", "attending", "more-than", "1/2"),
        ),
        OLD_ORDINARY.value,
    ),
}


@pytest.mark.parametrize("name", sorted(PLANTED_ATTENDING))
def test_never_looser_finds_a_planted_attending_rule(name: str) -> None:
    local, national = PLANTED_ATTENDING[name]
    assert Base.ATTENDING in {t.base for t in local.approval}
    assert not local.never_looser_than(national)

    def prop(estate: cg.Estate, ballots: list[cg.Ballot]) -> None:
        cgst.assert_never_looser(local, national, estate=estate, ballots=ballots)

    needed = examples_to_failure(_near(local, national), prop)
    print(f"assert_never_looser / {name}: failed at example {needed} of {BUDGET}")
    assert needed <= BUDGET
