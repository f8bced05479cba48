"""CN: the three national regimes by date, both sides of every effective date."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.jurisdictions import cn

AT_LEAST, MORE_THAN = cg.Comparator.AT_LEAST, cg.Comparator.MORE_THAN


def voting(rules: cg.RuleSet) -> tuple[cg.rules.Layer, ...]:
    """The rule set's voting layers (other topics, e.g. elections, are stacked too)."""
    return tuple(layer for layer in rules.layers if layer.topic.value == "voting")


def shape(rule: cg.ResolutionRule) -> tuple[tuple[object, ...], tuple[object, ...]]:
    def one(ts: tuple[cg.Threshold, ...]) -> tuple[object, ...]:
        return tuple((x.measure, x.base, x.comparator, x.ratio) for x in ts)

    return one(rule.quorum), one(rule.approval)


@pytest.mark.parametrize(
    ("on", "layer"),
    [
        (date(2007, 10, 1), cn.PROPERTY_RIGHTS_LAW_2007),
        (date(2009, 12, 31), cn.PROPERTY_RIGHTS_LAW_2007),
        (date(2010, 1, 1), cn.PROPERTY_RIGHTS_LAW_2007),
        (date(2020, 12, 31), cn.PROPERTY_RIGHTS_LAW_2007),
        (date(2021, 1, 1), cn.CIVIL_CODE_2021),
        (date(2025, 12, 31), cn.CIVIL_CODE_2021),
    ],
)
def test_regime_by_date(on: date, layer: cg.rules.Layer) -> None:
    rules = cg.rules_for("CN", on=on)
    assert voting(rules) == (layer,)
    # the Guidance Rules (elections, committee) apply from 2010-01-01 and the 2007 Measures
    # (money) from 2008-02-01; before, one notice a topic
    expected = ("layer-missing",) * ((2 if on < date(2010, 1, 1) else 0) + (on < date(2008, 2, 1)))
    assert tuple(n.code for n in rules.notices) == expected
    assert rules.code == "CN"
    assert rules.on == on
    assert layer.name in rules.layer_names


def test_day_before_and_day_of_the_civil_code() -> None:
    before = cg.rules_for("CN", on=date(2020, 12, 31)).resolution(cg.Matter.ELECT_COMMITTEE)
    after = cg.rules_for("CN", on=date(2021, 1, 1)).resolution(cg.Matter.ELECT_COMMITTEE)
    assert before.value.approval[0].base is cg.Base.ALL
    assert after.value.approval[0].base is cg.Base.PARTICIPATING
    assert before.citation.instrument == "property_rights_law"
    assert after.citation.instrument == "civil_code"
    assert after.citation.effective == date(2021, 1, 1)


def test_day_before_and_day_of_the_property_rights_law() -> None:
    with pytest.raises(cg.exceptions.RuleSetNotInForceError, match="include_unconfirmed"):
        cg.rules_for("CN", on=date(2007, 9, 30))
    assert voting(cg.rules_for("CN", on=date(2007, 10, 1))) == (cn.PROPERTY_RIGHTS_LAW_2007,)
    old = cg.rules_for("CN", on=date(2007, 9, 30), include_unconfirmed=True)
    assert voting(old) == (cn.REGULATIONS_2003,)


def test_regulations_2003_unconfirmed_layer() -> None:
    with pytest.raises(cg.exceptions.RuleSetNotInForceError) as info:
        cg.rules_for("CN", on=date(2003, 9, 1))
    assert "include_unconfirmed" in str(info.value)
    with pytest.raises(cg.exceptions.RuleSetNotInForceError) as before:
        cg.rules_for("CN", on=date(2003, 8, 31), include_unconfirmed=True)
    assert "include_unconfirmed" not in str(before.value)
    rules = cg.rules_for("CN", on=date(2003, 9, 1), include_unconfirmed=True)
    assert rules.include_unconfirmed
    assert voting(rules) == (cn.REGULATIONS_2003,)
    assert [n.code for n in rules.notices] == [
        "layer-unconfirmed-used",
        "layer-missing",
        "layer-missing",
        "layer-missing",
    ]
    assert "medium" in rules.notices[0].en
    assert "no confirmed elections rules of CN" in rules.notices[1].en
    assert "no rules of this topic apply" in rules.notices[1].en
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "10", "owners": [f"O{n}"]} for n in range(4)]
    )
    ballots = [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "oppose")]
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=rules)
    # ordinary: quorum ≥ 1/2 of all area, approval ≥ 1/2 of the area taking part
    assert decision.passed
    assert [c.threshold.measure for c in decision.checks] == [cg.Measure.AREA] * 2
    codes = [n.code for n in decision.notices]
    assert codes == [
        "layer-unconfirmed-used",
        "layer-missing",
        "layer-missing",
        "layer-missing",
        "unconfirmed-rule-used",
    ]
    assert "medium confidence, unconfirmed" in decision.notices[4].text()
    assert "待核实" in decision.notices[4].text("zh")
    special = cg.decide(estate, ballots, matter="rules-of-procedure", rules=rules)
    assert not special.passed  # 2/3 of all area needed
    assert decision.rule_citation.confidence is cg.Confidence.MEDIUM


def test_civil_code_tiers() -> None:
    rules = cg.rules_for("CN", on=date(2022, 1, 1))
    quorum = (
        (cg.Measure.AREA, cg.Base.ALL, AT_LEAST, Fraction(2, 3)),
        (cg.Measure.HEADS, cg.Base.ALL, AT_LEAST, Fraction(2, 3)),
    )
    special = {
        cg.Matter.RAISE_MAINTENANCE_FUND,
        cg.Matter.REBUILD_OR_RENOVATE,
        cg.Matter.CHANGE_USE_OF_COMMON_PARTS,
    }
    for matter in cg.Matter:
        provided = rules.resolution(matter)
        assert provided.layer == cn.CIVIL_CODE_2021.name
        q, a = shape(provided.value)
        assert q == quorum
        ratio, comparator = (
            (Fraction(3, 4), AT_LEAST)
            if matter in special
            else (
                Fraction(1, 2),
                MORE_THAN,
            )
        )
        assert a == (
            (cg.Measure.AREA, cg.Base.PARTICIPATING, comparator, ratio),
            (cg.Measure.HEADS, cg.Base.PARTICIPATING, comparator, ratio),
        )
        assert provided.value.approval[0].citation.article == "278(2)"
        assert provided.value.citation.article == "278(1)"


def test_property_rights_law_tiers() -> None:
    rules = cg.rules_for("CN", on=date(2015, 1, 1))
    special = {
        cg.Matter.USE_MAINTENANCE_FUND,
        cg.Matter.RAISE_MAINTENANCE_FUND,
        cg.Matter.REBUILD_OR_RENOVATE,
    }
    for matter in cg.Matter:
        q, a = shape(rules.resolution(matter).value)
        assert q == (
            (cg.Measure.AREA, cg.Base.ALL, MORE_THAN, Fraction(1, 2)),
            (cg.Measure.HEADS, cg.Base.ALL, MORE_THAN, Fraction(1, 2)),
        )
        ratio, comparator = (
            (Fraction(2, 3), AT_LEAST)
            if matter in special
            else (
                Fraction(1, 2),
                MORE_THAN,
            )
        )
        assert all(x[1:] == (cg.Base.ALL, comparator, ratio) for x in a)
    quorum_cite = rules.resolution(cg.Matter.ELECT_COMMITTEE).value.quorum[0].citation
    assert (quorum_cite.instrument, quorum_cite.article) == (
        "property_management_regulations",
        "12(1)",
    )


def test_using_the_fund_changes_tier_on_2021_01_01() -> None:
    use = cg.Matter.USE_MAINTENANCE_FUND
    before = cg.rules_for("CN", on=date(2020, 12, 31)).resolution(use).value
    after = cg.rules_for("CN", on=date(2021, 1, 1)).resolution(use).value
    assert before.approval[0].ratio == Fraction(2, 3)
    assert after.approval[0].ratio == Fraction(1, 2)
    assert after.approval[0].comparator is MORE_THAN


def test_stale_after_checked_on() -> None:
    assert date(2025, 12, 31) == cn.CHECKED_ON
    with pytest.warns(cg.exceptions.StaleRuleSetWarning) as record:
        rules = cg.rules_for("CN", on=date(2026, 1, 1))
    messages = [str(warning.message) for warning in record]
    assert any(cn.CIVIL_CODE_2021.name in message for message in messages)
    assert all("2026-01-01" in message for message in messages)
    stale = [n for n in rules.notices if cn.CIVIL_CODE_2021.name in n.en]
    assert [n.code for n in stale] == ["layer-stale"]
    assert "2025-12-31" in stale[0].zh


def test_jurisdictions_and_layer_basics() -> None:
    codes = cg.jurisdictions.known_codes()
    assert {"CN", "CN-SH"} <= set(codes)
    assert list(codes) == sorted(codes)
    assert cn.CIVIL_CODE_2021.in_force(date(2021, 1, 1))
    assert not cn.CIVIL_CODE_2021.in_force(date(2020, 12, 31))
    assert cn.PROPERTY_RIGHTS_LAW_2007.in_force(date(2020, 12, 31))
    assert not cn.PROPERTY_RIGHTS_LAW_2007.in_force(date(2021, 1, 1))
    forever = cg.rules.Layer("CN", "x", None, None)
    assert forever.in_force(date(1900, 1, 1))
    assert forever.resolutions == {}


def test_estate_parameters_are_typed_attributes() -> None:
    rules = cg.rules_for("CN", on=date(2022, 1, 1))
    assert rules.elections.tie_break is None
    tie = cg.rules.TieBreak.lot("seed-1", clause="Art. 9")
    estate = cg.jurisdictions.estate_layer(
        "Garden rules", params={"tie_break": tie}, clause="Art. 3", valid_from=date(2022, 1, 1)
    )
    assert estate.code == "estate"
    assert estate.topic.value == "estate"
    assert estate.elections.tie_break.citation.article == "Art. 3"
    assert estate.elections.tie_break.citation.instrument == "estate_rules"
    stacked = rules.with_layer(estate)
    assert stacked.elections.tie_break.value == tie
    assert stacked.elections.tie_break.layer == "Garden rules"
    assert stacked.layer_names[-1] == "Garden rules"
    assert rules.elections.tie_break is None  # the original is untouched
    with pytest.raises(cg.exceptions.RuleSetError, match="must be a Param of TieBreak"):
        cg.rules.ElectionParams(
            tie_break=cg.rules.Param("lot", estate.elections.tie_break.citation)
        )


def test_rule_set_renders_and_requires() -> None:
    rules = cg.rules_for("CN", on=date(2022, 1, 1))
    assert str(rules).startswith(
        "CN on 2022-01-01: CN: Guidance Rules 2009 (committee lifecycle) + CN: Guidance Rules "
        "2009 (elections) + CN"
    )
    assert "confidence" in rules._repr_html_()
    assert "[voting, 2021-01-01 – …, high]" in str(rules.layers[2])
    with pytest.raises(cg.exceptions.RuleSetError, match="no layer supplies tie_break"):
        rules.require(rules.elections.tie_break, "tie_break")
    with pytest.raises(cg.exceptions.RuleSetError, match="needs a Layer"):
        rules.with_layer("estate")  # type: ignore[arg-type]


def test_resolution_missing_for_a_matter() -> None:
    bare = cg.RuleSet("ZZ", date(2022, 1, 1), (cg.rules.Layer("ZZ", "empty", None, None),))
    with pytest.raises(cg.exceptions.RuleSetError, match="elect-committee") as info:
        bare.resolution(cg.Matter.ELECT_COMMITTEE)
    assert isinstance(info.value, LookupError)
    assert info.value.details == {"code": "ZZ", "matter": "elect-committee"}
