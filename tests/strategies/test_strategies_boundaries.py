"""realistic_estates, ballots_near and boundary_dates reach the boundaries they promise."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance import strategies as cgst
from community_governance.exceptions import MissingExtraError, UnknownJurisdictionError
from community_governance.jurisdictions.registry import REGISTRY
from community_governance.register import CountingReason
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer
from community_governance.rules.thresholds import Measure, Threshold
from community_governance.voting.checks import CheckRole

ON = date(2025, 3, 1)
NATIONAL = cg.rules_for("CN", on=ON)
SPECIAL = NATIONAL.resolution(cg.Matter.RAISE_MAINTENANCE_FUND).value
HIGH = cg.Citation("civil_code", "278")


@settings(max_examples=30, deadline=None)
@given(cgst.realistic_estates())
def test_realistic_estates_are_large_and_mixed(estate: cg.Estate) -> None:
    assert 1 <= len(estate.units) <= 2000
    assert estate.counted_persons <= len(estate.units)


def test_realistic_estates_are_rarely_tiny() -> None:
    # the issue: 82% of generated estates had 1-3 counted persons. A measurement of the
    # distribution, so it draws a fixed (derandomized) sample: the same figures on every run.
    persons: list[int] = []

    @settings(max_examples=50, deadline=None, derandomize=True, database=None)
    @given(cgst.realistic_estates())
    def collect(estate: cg.Estate) -> None:
        persons.append(estate.counted_persons)

    collect()
    assert sum(count <= 3 for count in persons) <= len(persons) // 10
    assert sum(count >= 100 for count in persons) >= len(persons) // 3


@settings(max_examples=20, deadline=None)
@given(cgst.realistic_estates(min_units=5, max_units=7, developer=False, max_blocks=1))
def test_realistic_estates_respect_bounds(estate: cg.Estate) -> None:
    assert 5 <= len(estate.units) <= 7
    assert not estate.developer_entities
    assert all(unit.status is cg.UnitStatus.DELIVERED for unit in estate.units)


@settings(max_examples=5, deadline=None)
@given(cgst.realistic_estates(min_units=1500, max_units=1600, max_blocks=1))
def test_realistic_estates_top_up_to_min_units(estate: cg.Estate) -> None:
    assert 1500 <= len(estate.units) <= 1600


def test_realistic_estate_kinds() -> None:
    @settings(max_examples=60, deadline=None)
    @given(cgst.realistic_estates(max_units=400))
    def collect(estate: cg.Estate) -> None:
        reasons.update(person.reason for person in estate.persons)

    reasons: set[CountingReason] = set()
    collect()
    assert set(CountingReason) - {CountingReason.MERGED_OVERLAP} <= reasons


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_ballots_near_put_a_head_threshold_on_its_bound(data: st.DataObject) -> None:
    rule = cg.ResolutionRule(
        quorum=(),
        approval=(Threshold("heads", "participating", "at-least", Fraction(2, 3), HIGH),),
        citation=HIGH,
    )
    estate = data.draw(cgst.realistic_estates(max_units=120))
    ballots = data.draw(cgst.ballots_near(rule, estate))
    decision = cgst.decider(rule)(estate, ballots)
    (check,) = decision.checks
    if decision.tally.participating.heads:
        # exactly the smallest passing count, or one person either side
        assert check.margin in (-1, 0, 1)


def test_ballots_near_put_an_attending_threshold_on_its_bound() -> None:
    rule = cg.ResolutionRule(
        quorum=(),
        approval=(Threshold("heads", "attending", "at-least", Fraction(2, 3), HIGH),),
        citation=HIGH,
    )
    margins: set[int] = set()
    spoiled: set[bool] = set()

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        estate = data.draw(cgst.realistic_estates(max_units=120))
        ballots = data.draw(cgst.ballots_near(rule, estate))
        # spoiled ballots attend even when they are not counted as taking part
        excluded = cgst.rule_set_of(rule, spoiled_ballots=cg.rules.SpoiledPolicy.EXCLUDED)
        decision = cgst.decider(excluded)(estate, ballots)
        (check,) = decision.checks
        tally = decision.tally
        attending = tally.agree.heads + tally.oppose.heads + tally.abstain.heads
        attending += tally.spoiled.heads
        assert check.denominator == attending
        if attending:
            assert check.margin in (-1, 0, 1)  # the smallest passing count, or one either side
            margins.add(int(check.margin))
        spoiled.add(tally.spoiled.heads > 0)

    collect()
    assert margins == {-1, 0, 1} and spoiled == {True, False}


def test_ballots_near_reach_every_side_of_every_threshold() -> None:
    seen: set[tuple[CheckRole, Measure, int]] = set()

    # a measurement over a fixed sample: derandomized, so that a rare unlucky seed (one in
    # several dozen full runs missed one side) does not make the suite flaky
    @settings(max_examples=100, deadline=None, derandomize=True)
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        estate = data.draw(cgst.realistic_estates(max_units=120, developer=False))
        ballots = data.draw(cgst.ballots_near(SPECIAL, estate))
        decision = cgst.decider(NATIONAL, matter=cg.Matter.RAISE_MAINTENANCE_FUND)(estate, ballots)
        for check in decision.checks:
            if check.threshold.measure is Measure.HEADS and check.margin in (-1, 0, 1):
                seen.add((check.role, Measure.HEADS, int(check.margin)))
            if check.threshold.measure is Measure.AREA:
                seen.add((check.role, Measure.AREA, int(check.passed)))

    collect()
    for role in CheckRole:
        assert {(role, Measure.HEADS, margin) for margin in (-1, 0)} <= seen
        assert {(role, Measure.AREA, verdict) for verdict in (0, 1)} <= seen
    assert any((role, Measure.HEADS, 1) in seen for role in CheckRole)


def test_ballots_near_exactly_at_an_area_bound_with_equal_flats() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "90", "owners": [f"o{i}"]} for i in range(3)]
    )
    rule = cg.ResolutionRule(
        quorum=(),
        approval=(Threshold("area", "all", "at-least", Fraction(2, 3), HIGH),),
        citation=HIGH,
    )
    margins: set[Fraction] = set()

    @settings(max_examples=50, deadline=None)
    @given(cgst.ballots_near(rule, estate))
    def collect(ballots: list[cg.Ballot]) -> None:
        margins.add(cgst.decider(rule)(estate, ballots).checks[0].margin)

    collect()
    assert {Fraction(-90), Fraction(0), Fraction(90)} <= margins


def test_ballots_near_a_bound_no_line_reaches() -> None:
    # more than all of the heads never passes: the whole line is used
    rule = cg.ResolutionRule(
        quorum=(Threshold("heads", "all", "more-than", 1, HIGH),),
        approval=(Threshold("heads", "cast", "more-than", Fraction(1, 2), HIGH),),
        citation=HIGH,
    )
    estate = cg.Estate.from_records([{"unit": "u0", "area": "90", "owners": ["o0"]}])

    @settings(max_examples=30, deadline=None)
    @given(cgst.ballots_near(rule, estate))
    def check(ballots: list[cg.Ballot]) -> None:
        assert not cgst.decider(rule)(estate, ballots).passed

    check()


def test_ballots_near_a_ratio_met_by_nobody() -> None:
    # a zero-length line passes "at least 1/2 of votes cast" only when something is cast
    estate = cg.Estate.from_records([{"unit": "u0", "area": "90", "owners": ["o0"]}])
    weights = cgst.ballots._near([], 0, SPECIAL.approval[0], 0)
    assert weights == 0
    assert cgst.ballots._near([1], 1, SPECIAL.approval[0], 5) == 1
    assert estate.counted_persons == 1


def test_ballots_repr_is_short() -> None:
    few = cgst.Ballots([cg.Ballot("u0", "agree")])
    assert repr(few).startswith("Ballots([Ballot(unit='u0'")
    many = cgst.Ballots(cg.Ballot(f"u{i}", "agree" if i % 3 else "oppose") for i in range(2000))
    text = repr(many)
    assert len(text) < 200 and "2000 ballots" in text and "666 oppose" not in text
    assert "667 oppose" in text and "first u0: oppose" in text


@settings(deadline=None)
@given(cgst.boundary_dates("CN-SH"))
def test_boundary_dates_resolve(day: date) -> None:
    rules = cg.rules_for("CN-SH", on=day)
    assert rules.layers


def test_boundary_dates_are_around_every_layer_change() -> None:
    found: set[date] = set()

    @settings(max_examples=300, deadline=None)
    @given(cgst.boundary_dates(REGISTRY.get("CN-SH")))
    def collect(day: date) -> None:
        found.add(day)

    collect()
    civil_code = date(2021, 1, 1)
    assert {civil_code - timedelta(days=1), civil_code} <= found
    for layer in REGISTRY.get("CN-SH").layers:
        if layer.valid_from is not None:
            assert layer.valid_from in found
        if layer.valid_to is not None:
            assert {layer.valid_to, layer.valid_to + timedelta(days=1)} <= found


def test_boundary_dates_with_unconfirmed_layers() -> None:
    confirmed: set[date] = set()
    every: set[date] = set()

    @settings(max_examples=200, deadline=None)
    @given(cgst.boundary_dates("CN"), cgst.boundary_dates("CN", include_unconfirmed=True))
    def collect(day: date, other: date) -> None:
        confirmed.add(day)
        every.add(other)

    collect()
    assert min(every) < min(confirmed)


def test_boundary_dates_of_an_unknown_code() -> None:
    with pytest.raises(UnknownJurisdictionError):
        cgst.boundary_dates("CN-XX")


@settings(max_examples=10, deadline=None)
@given(cgst.rule_sets(), cgst.citations())
def test_rule_sets_and_citations(rules: cg.RuleSet, citation: cg.Citation) -> None:
    assert rules.code == "test" and len(rules.layers) == 1
    assert isinstance(citation.confidence, cg.Confidence)


def test_the_extra_guard_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # run the guard module again with hypothesis absent (as if not installed)
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    spec = importlib.util.find_spec("community_governance.strategies._extra")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(MissingExtraError, match=r"pip install community_governance\[hypothesis\]"):
        spec.loader.exec_module(module)


def test_boundary_dates_of_an_unregistered_jurisdiction_with_open_layers() -> None:
    mine = Jurisdiction(
        "XX",
        "test",
        date(2025, 1, 1),
        (
            Layer("XX", "XX old", None, date(2019, 12, 31)),
            Layer("XX", "XX new", date(2020, 1, 1), None),
        ),
    )
    found: set[date] = set()

    @settings(max_examples=50, deadline=None)
    @given(cgst.boundary_dates(mine))
    def collect(day: date) -> None:
        found.add(day)

    collect()
    assert found == {date(2019, 12, 31), date(2020, 1, 1)}
