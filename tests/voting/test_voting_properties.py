"""Properties under hypothesis: a brute-force Fraction reference, anonymity, monotonicity,
no mutation, round trips and local-never-looser-than-national."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance import strategies as cgst

PROPERTY = settings(max_examples=60, deadline=None)
CN_2022 = cg.rules_for("CN", on=date(2022, 6, 1))
CN_2015 = cg.rules_for("CN", on=date(2015, 6, 1))
SH_2022 = cg.rules_for("CN-SH", on=date(2022, 6, 1))
RULE_SETS = st.sampled_from([CN_2022, CN_2015, SH_2022])
MATTERS = st.sampled_from(list(cg.Matter))


# ------------------------------------------------------------------ the reference implementation


def reference_persons(estate: cg.Estate) -> dict[str, frozenset[str]]:
    """Unit id → key of its counted person, recomputed from the plain records."""
    records = estate.to_dict()
    developers = {o["id"] for o in records["owners"] if o["kind"] == "developer"}
    merge = records["counting"]["overlap"] == "merge"
    parent: dict[str, str] = {}

    def find(owner: str) -> str:
        while parent.setdefault(owner, owner) != owner:
            owner = parent[owner]
        return owner

    def developer_held(unit: dict[str, object]) -> bool:
        owners = unit["owners"]
        assert isinstance(owners, list)
        return unit["status"] != "delivered" or all(o in developers for o in owners)

    if merge:
        for unit in records["units"]:
            if not developer_held(unit):
                for other in unit["owners"][1:]:
                    parent[find(other)] = find(unit["owners"][0])
    keys: dict[str, frozenset[str]] = {}
    for unit in records["units"]:
        if developer_held(unit):
            keys[unit["id"]] = frozenset({"<developer>"})
        elif merge:
            root = find(unit["owners"][0])
            keys[unit["id"]] = frozenset(o for o in list(parent) if find(o) == root)
        else:
            keys[unit["id"]] = frozenset(unit["owners"])
    return keys


def reference_checks(
    estate: cg.Estate, ballots: Sequence[cg.Ballot], rule: cg.ResolutionRule, spoiled_in: bool
) -> list[tuple[Fraction, Fraction, bool]]:
    records = estate.to_dict()
    area = {u["id"]: Fraction(u["area"]) for u in records["units"]}
    key = reference_persons(estate)
    persons: dict[frozenset[str], Fraction] = {}
    for unit, person in key.items():
        persons[person] = persons.get(person, Fraction(0)) + area[unit]
    choice: dict[frozenset[str], str] = {}
    for ballot in ballots:
        data = ballot.to_dict()
        if data["proxy"] is not None and not data["proxy"]["written_authorisation"]:
            continue
        choice[key[data["unit"]]] = data["choice"]

    def total(measure: cg.Measure, choices: set[str] | None) -> Fraction:
        chosen = [p for p in persons if choices is None or choice.get(p) in choices]
        if measure is cg.Measure.HEADS:
            return Fraction(len(chosen))
        return sum((persons[p] for p in chosen), Fraction(0))

    taking_part = {"agree", "oppose", "abstain"} | ({"spoiled"} if spoiled_in else set())
    results = []
    for role, thresholds in (("quorum", rule.quorum), ("approval", rule.approval)):
        for threshold in thresholds:
            m = threshold.measure
            numerator = total(m, taking_part if role == "quorum" else {"agree"})
            denominator = {
                cg.Base.ALL: total(m, None),
                cg.Base.ATTENDING: total(m, {"agree", "oppose", "abstain", "spoiled"}),
                cg.Base.PARTICIPATING: total(m, taking_part),
                cg.Base.CAST: total(m, {"agree", "oppose"}),
            }[threshold.base]
            if denominator == 0:
                passed = False
            elif threshold.comparator is cg.Comparator.AT_LEAST:
                passed = numerator / denominator >= threshold.ratio
            else:
                passed = numerator / denominator > threshold.ratio
            results.append((numerator, denominator, passed))
    return results


@PROPERTY
@given(st.data(), st.sampled_from(list(cg.rules.SpoiledPolicy)))
def test_decide_agrees_with_the_fraction_reference(
    data: st.DataObject, spoiled: cg.rules.SpoiledPolicy
) -> None:
    estate = data.draw(cgst.estates(max_units=10))
    ballots = data.draw(cgst.ballots_for(estate))
    rule = data.draw(
        st.one_of(
            cgst.resolution_rules(),
            st.sampled_from(
                [CN_2022.resolution(m).value for m in cg.Matter]
                + [CN_2015.resolution(m).value for m in cg.Matter]
            ),
        )
    )
    decision = cg.decide(
        estate,
        ballots,
        matter="other-major-matter",
        rules=cgst.rule_set_of(rule, spoiled_ballots=spoiled),
    )
    expected = reference_checks(
        estate, ballots, rule, spoiled is cg.rules.SpoiledPolicy.PARTICIPATING
    )
    got = [(Fraction(c.numerator), Fraction(c.denominator), c.passed) for c in decision.checks]
    assert got == expected
    assert decision.passed is all(passed for _, _, passed in expected)
    assert decision.tally.total.heads == len(set(reference_persons(estate).values()))
    assert estate.counted_persons == decision.tally.total.heads
    assert Fraction(estate.total_area) == sum((Fraction(u.area) for u in estate.units), Fraction(0))


@PROPERTY
@given(st.data())
def test_counting_agrees_with_the_reference(data: st.DataObject) -> None:
    estate = data.draw(cgst.estates(max_units=12, developer_entities=2))
    key = reference_persons(estate)
    for unit in estate.units:
        person = estate.person_of(unit.id)
        same = {u for u, k in key.items() if k == key[unit.id]}
        assert set(person.units) == same
    assert sum((Fraction(p.area) for p in estate.persons), Fraction(0)) == Fraction(
        estate.total_area
    )


# ------------------------------------------------------------------ anonymity and monotonicity


@PROPERTY
@given(st.data(), RULE_SETS, MATTERS)
def test_anonymity(data: st.DataObject, rules: cg.RuleSet, matter: cg.Matter) -> None:
    estate = data.draw(cgst.estates(max_units=10))
    ballots = data.draw(cgst.ballots_for(estate))
    order = data.draw(st.permutations(range(len(ballots))))
    cgst.assert_anonymous(cgst.decider(rules, matter=matter), estate, ballots, order=order)


@PROPERTY
@given(st.data(), RULE_SETS, MATTERS)
def test_monotonicity(data: st.DataObject, rules: cg.RuleSet, matter: cg.Matter) -> None:
    estate = data.draw(cgst.estates(max_units=10))
    ballots = data.draw(cgst.ballots_for(estate))
    cgst.assert_monotone(cgst.decider(rules, matter=matter), estate, ballots)


@PROPERTY
@given(st.data(), cgst.resolution_rules())
def test_monotonicity_of_any_rule(data: st.DataObject, rule: cg.ResolutionRule) -> None:
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    cgst.assert_monotone(cgst.decider(rule), estate, ballots)


@PROPERTY
@given(st.data(), st.booleans())
def test_monotonicity_with_deemed_votes(data: st.DataObject, floor: bool) -> None:
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    clause = cg.rules.DeemedVoteClause(
        "Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR if floor else None
    )
    rules = CN_2022.with_layer(
        cg.jurisdictions.estate_layer("e", params={"deemed_vote": clause}, clause="9")
    )
    cgst.assert_monotone(cgst.decider(rules), estate, ballots)


def test_assert_monotone_reports_a_violation() -> None:
    def perverse(estate: cg.Estate, ballots: Sequence[cg.Ballot]) -> cg.Decision:
        decision = cg.decide(estate, ballots, matter="other-major-matter", rules=CN_2022)
        return (
            copy.copy(decision)
            if any(b.choice is cg.voting.Choice.OPPOSE for b in ballots)
            else (attrs.evolve(decision, passed=False))
        )

    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "1", "owners": [f"O{n}"]} for n in range(3)]
    )
    ballots = [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "agree"), cg.Ballot("1-2", "oppose")]
    with pytest.raises(AssertionError, match="O2's oppose into agree"):
        cgst.assert_monotone(perverse, estate, ballots)


def test_assert_anonymous_reports_order_dependence() -> None:
    def first_wins(estate: cg.Estate, ballots: Sequence[cg.Ballot]) -> cg.Decision:
        decision = cg.decide(estate, ballots, matter="other-major-matter", rules=CN_2022)
        return attrs.evolve(decision, passed=ballots[0].unit == "1-0")

    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "1", "owners": [f"O{n}"]} for n in range(2)]
    )
    with pytest.raises(AssertionError, match="ballot order"):
        cgst.assert_anonymous(
            first_wins, estate, [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "agree")]
        )


# ------------------------------------------------------------------ purity and round trips


@PROPERTY
@given(st.data(), RULE_SETS)
def test_decide_mutates_nothing(data: st.DataObject, rules: cg.RuleSet) -> None:
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    snapshot, kept, persons = estate.to_dict(), list(ballots), estate.persons
    first = cg.decide(estate, ballots, matter="rebuild-or-renovate", rules=rules)
    assert estate.to_dict() == snapshot
    assert ballots == kept
    assert estate.persons == persons
    assert cg.decide(estate, ballots, matter="rebuild-or-renovate", rules=rules) == first


@PROPERTY
@given(st.data(), RULE_SETS, MATTERS)
def test_round_trips(data: st.DataObject, rules: cg.RuleSet, matter: cg.Matter) -> None:
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    back = cg.Estate.from_dict(estate.to_dict())
    assert back == estate
    assert back.persons == estate.persons
    for owner in estate.owners:
        assert cg.Owner.from_dict(owner.to_dict()) == owner
    for unit in estate.units:
        assert cg.Unit.from_dict(unit.to_dict()) == unit
    for ballot in ballots:
        assert cg.Ballot.from_dict(ballot.to_dict()) == ballot
    decision = cg.decide(estate, ballots, matter=matter, rules=rules)
    assert cg.Decision.from_dict(decision.to_dict()) == decision


@settings(max_examples=40, deadline=None)
@given(cgst.owners(kinds=list(cg.OwnerKind)))
def test_owner_strategy_round_trip(owner: cg.Owner) -> None:
    assert cg.Owner.from_dict(owner.to_dict()) == owner


@settings(max_examples=40, deadline=None)
@given(cgst.units(["A", "B", "C"]))
def test_unit_strategy_round_trip(unit: cg.Unit) -> None:
    assert unit.status is not cg.UnitStatus.UNSOLD
    assert 1 <= len(unit.owners) <= 3
    assert cg.Unit.from_dict(unit.to_dict()) == unit


@settings(max_examples=40, deadline=None)
@given(cgst.exact_areas(max_value=Decimal("2.00")))
def test_exact_areas_are_positive_and_exact(area: object) -> None:
    unit = cg.Unit("1", area, ["A"])
    assert 0 < unit.area <= 2
    assert not isinstance(area, float)


@settings(max_examples=30, deadline=None)
@given(cgst.estates(max_units=6, developer=False, overlapping=False, fractions=False))
def test_estates_without_developer_or_overlaps(estate: cg.Estate) -> None:
    assert estate.overlaps == ()
    assert estate.developer_entities == ()
    assert all(u.status is cg.UnitStatus.DELIVERED for u in estate.units)


# ------------------------------------------------------------------ local never looser


SH_2020 = cg.rules_for("CN-SH", on=date(2021, 1, 1))
SH_2018 = cg.rules_for("CN-SH", on=date(2019, 6, 1))


@pytest.mark.parametrize("matter", list(cg.Matter))
def test_shanghai_2020_never_looser_than_civil_code(matter: cg.Matter) -> None:
    cgst.assert_never_looser(SH_2020.resolution(matter).value, CN_2022.resolution(matter).value)


@pytest.mark.parametrize("matter", list(cg.Matter))
def test_shanghai_2018_never_looser_than_property_rights_law(matter: cg.Matter) -> None:
    cgst.assert_never_looser(SH_2018.resolution(matter).value, CN_2015.resolution(matter).value)


def test_civil_code_is_looser_than_the_property_rights_law() -> None:
    civil = CN_2022.resolution(cg.Matter.ELECT_COMMITTEE).value
    old = CN_2015.resolution(cg.Matter.ELECT_COMMITTEE).value
    with pytest.raises(AssertionError, match="looser"):
        cgst.assert_never_looser(civil, old)


@PROPERTY
@given(st.data(), MATTERS)
def test_never_looser_holds_on_votes(data: st.DataObject, matter: cg.Matter) -> None:
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    cgst.assert_never_looser(
        SH_2020.resolution(matter).value,
        CN_2022.resolution(matter).value,
        estate=estate,
        ballots=ballots,
    )


@PROPERTY
@given(cgst.resolution_rules(), cgst.resolution_rules(), st.data())
def test_never_looser_than_is_sound(
    strict: cg.ResolutionRule, loose: cg.ResolutionRule, data: st.DataObject
) -> None:
    if not strict.never_looser_than(loose):
        return
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    if cgst.decider(strict)(estate, ballots).passed:
        assert cgst.decider(loose)(estate, ballots).passed


@settings(max_examples=40, deadline=None)
@given(cgst.resolution_rules())
def test_every_rule_is_never_looser_than_itself(rule: cg.ResolutionRule) -> None:
    assert rule.never_looser_than(rule)
    assert all(t.base is cg.Base.ALL for t in rule.quorum)
    assert rule.approval


def test_relabel_units_keeps_everything_but_ids() -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "2-201", "area": "20", "owners": ["Li", "Wang"]},
        ]
    )
    renamed, ballots = cgst.relabel_units(estate, [cg.Ballot("1-101", "agree")])
    assert [u.id for u in renamed.units] == ["2-r0", "1-r1"]
    assert [u.building for u in renamed.units] == ["2", "1"]
    assert ballots == [cg.Ballot("1-r1", "agree")]
    assert renamed.total_area == estate.total_area


def test_never_looser_checks_a_passing_vote_against_the_national_rule() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "50.25", "owners": [f"o{n}"]} for n in range(4)]
    )
    ballots = [cg.Ballot(f"1-{n}", "agree") for n in range(4)]
    local = SH_2020.resolution(cg.Matter.RAISE_MAINTENANCE_FUND).value
    national = CN_2022.resolution(cg.Matter.RAISE_MAINTENANCE_FUND).value
    assert cgst.decider(local)(estate, ballots).passed
    cgst.assert_never_looser(local, national, estate=estate, ballots=ballots)
