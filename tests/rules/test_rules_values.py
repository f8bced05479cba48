"""The rule vocabulary's own values: frozen maps, citations' unconfirmed details, layers."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.frozen import FrozenMap
from community_governance.rules import Citation, Layer, Uncertain

ON = date(2022, 1, 1)


def test_frozen_map_is_a_value() -> None:
    one = FrozenMap({"a": 1})
    assert one == FrozenMap({"a": 1}) == {"a": 1}
    assert one != FrozenMap({"a": 2})
    assert one != ["a"]
    assert hash(one) == hash(FrozenMap({"a": 1}))
    assert repr(one) == "FrozenMap({'a': 1})"
    assert len(one) == 1 and list(one) == ["a"]
    with pytest.raises(AttributeError, match="immutable"):
        one._items = {}  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del one._items


@pytest.mark.parametrize("bad", ["article_number", [Uncertain.ARTICLE_NUMBER, "x"], 3])
def test_citation_uncertain_takes_members_only(bad: object) -> None:
    with pytest.raises(TypeError, match="Uncertain"):
        Citation("civil_code", "1", uncertain=bad)  # type: ignore[arg-type]


def test_citation_round_trip_keeps_uncertain_details() -> None:
    cite = Citation("guidance_rules_2009", "10", uncertain=frozenset({Uncertain.ARTICLE_NUMBER}))
    rule = cg.Threshold(cg.Measure.AREA, cg.Base.ALL, cg.Comparator.AT_LEAST, "1/2", cite)
    decision_rule = cg.ResolutionRule((rule,), (rule,), cite)
    layer = Layer("ZZ", "zz", None, None, resolutions={cg.Matter.ELECT_COMMITTEE: decision_rule})
    rules = cg.RuleSet("ZZ", ON, (layer,))
    estate = cg.Estate.from_records([{"unit": "1", "area": "10", "owners": ["A"]}])
    decision = cg.decide(estate, [cg.Ballot("1", "agree")], matter="elect-committee", rules=rules)
    data = decision.to_dict()
    assert data["rule_citation"]["uncertain"] == ["article_number"]
    assert cg.Decision.from_dict(data).rule_citation == cite
    assert "〔高可信度；条文序号待核实〕" in cite.format("zh")
    assert "uncertain" not in cg.Decision.from_dict(data).checks[0].citation.format()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"resolutions": ["x"]}, "resolutions"),
        ({"resolutions": {"elect-committee": None}}, "resolutions"),
        ({"checked_on": datetime(2025, 1, 1)}, "checked_on"),
        ({"checked_on": "2025-01-01"}, "checked_on"),
    ],
)
def test_layer_refuses_bad_fields(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(cg.exceptions.InvalidRuleError) as info:
        Layer("ZZ", "zz", None, None, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_layer_topic_is_an_enum() -> None:
    assert Layer("ZZ", "zz", None, None, topic="elections").topic is cg.rules.Topic.ELECTIONS
    with pytest.raises(cg.exceptions.InvalidChoiceError, match="voting, elections, estate"):
        Layer("ZZ", "zz", None, None, topic="zz-test")
    assert cg.rules.Topic.ESTATE.label("zh") == "业主自治规则"


def test_resolution_says_confidence_is_the_reason() -> None:
    cite = Citation("example", "1", confidence=cg.Confidence.MEDIUM)
    rule = cg.ResolutionRule(
        (),
        (cg.Threshold(cg.Measure.HEADS, cg.Base.ALL, cg.Comparator.AT_LEAST, "1/2", cite),),
        cite,
    )
    layer = Layer("ZZ", "zz", None, None, resolutions={cg.Matter.ELECT_COMMITTEE: rule})
    with pytest.raises(cg.exceptions.RuleSetError, match="only an unconfirmed rule") as info:
        cg.RuleSet("ZZ", ON, (layer,)).resolution(cg.Matter.ELECT_COMMITTEE)
    assert "include_unconfirmed=True" in str(info.value)
    admitted = cg.RuleSet("ZZ", ON, (layer,), include_unconfirmed=True)
    assert admitted.resolution(cg.Matter.ELECT_COMMITTEE).value is rule


@pytest.mark.parametrize("code", [None, 86, ("CN",)])
def test_rules_for_refuses_a_code_that_is_not_a_string(code: object) -> None:
    with pytest.raises(cg.exceptions.RuleSetInputError, match="is a string") as info:
        cg.rules_for(code, on=ON)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and info.value.field == "code"


@pytest.mark.parametrize("on", [datetime(2022, 1, 1, 12), "2022-01-01", None])
def test_rules_for_refuses_a_date_that_is_not_a_date(on: object) -> None:
    with pytest.raises(cg.exceptions.RuleSetInputError, match="must be a date") as info:
        cg.rules_for("CN", on=on)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and info.value.field == "on"


def twelve_flats() -> tuple[cg.Estate, list[cg.Ballot]]:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n:02}", "area": "100", "owners": [f"O{n}"]} for n in range(12)]
    )
    ballots = [cg.Ballot(f"1-{n:02}", "agree") for n in range(6)]
    ballots += [cg.Ballot(f"1-{n:02}", "oppose") for n in range(6, 8)]
    return estate, ballots


@pytest.mark.parametrize(
    ("on", "looser"),
    [
        (date(2020, 12, 29), False),  # Shanghai 2018 text: as strict as the national law
        (date(2020, 12, 30), True),  # Shanghai 2020 text beside the Property Rights Law
        (date(2020, 12, 31), True),
        (date(2021, 1, 1), False),  # the Civil Code: the same rule
    ],
)
def test_a_local_rule_looser_than_the_national_one_is_flagged(on: date, looser: bool) -> None:
    # 12 equal flats, 8 take part, 6 agree to raise the fund (the case of issue 8)
    estate, ballots = twelve_flats()
    rules = cg.rules_for("CN-SH", on=on)
    flagged = [n for n in rules.notices if n.code == "local-looser-than-national"]
    fund = cg.Matter.RAISE_MAINTENANCE_FUND
    assert any(fund.label() in n.en for n in flagged) is looser
    decision = cg.decide(estate, ballots, matter=fund, rules=rules)
    assert any(n.code == "local-looser-than-national" for n in decision.notices) is looser
    if looser:
        national = cg.decide(estate, ballots, matter=fund, rules=cg.rules_for("CN", on=on))
        assert decision.passed and not national.passed
        assert "可能不符合全国性规定" in flagged[0].zh


def test_a_new_city_looser_than_the_nation_is_flagged() -> None:
    cite = Citation("example_city_regulation", "1")
    loose = cg.ResolutionRule(
        (),
        (
            cg.Threshold(
                cg.Measure.HEADS, cg.Base.CAST, cg.Comparator.MORE_THAN, Fraction(1, 2), cite
            ),
        ),
        cite,
    )
    city = Layer("CN-QQ", "qq", None, None, resolutions={cg.Matter.HIRE_OR_DISMISS_MANAGER: loose})
    registry = cg.jurisdictions.REGISTRY.with_jurisdiction(
        cg.rules.Jurisdiction("CN-QQ", "QQ", ON, (city,))
    )
    rules = cg.rules_for("CN-QQ", on=ON, registry=registry)
    (flag,) = [n for n in rules.notices if n.code == "local-looser-than-national"]
    assert "qq" in flag.en and "CN: Civil Code" in flag.en


def test_layer_label_in_chinese_from_code_topic_and_dates() -> None:
    assert Layer("CN", "x", None, None).label("zh") == "CN表决规则（施行日期未知）"
    assert Layer("CN", "x", ON, None).label("zh") == "CN表决规则（2022-01-01起施行）"
    assert Layer("CN", "x", None, ON).label("zh") == "CN表决规则（施行至2022-01-01）"
    both = Layer("CN-SH", "x", ON, date(2023, 1, 1), topic="elections")
    assert both.label("zh") == "CN-SH选举规则（2022-01-01至2023-01-01施行）"
    assert both.label() == "x"


@pytest.mark.parametrize("on", [date(2003, 9, 1), date(2020, 12, 30), date(2026, 1, 1)])
def test_rule_set_notices_in_chinese_have_no_english_words(on: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
        rules = cg.rules_for("CN-SH", on=on, include_unconfirmed=True)
    assert rules.notices
    for notice in rules.notices:
        words = re.findall(r"[A-Za-z_]{3,}", notice.zh)
        assert set(words) <= {"include_unconfirmed", "True"}, notice.zh


def test_typed_parameters_refuse_wrong_values() -> None:
    cite = Citation("estate_rules", "Art. 1")
    assert cg.rules.ElectionParams(candidate_residence_years=cg.rules.Param(2, cite))
    with pytest.raises(cg.exceptions.RuleSetError, match="Param of int"):
        cg.rules.ElectionParams(candidate_residence_years=cg.rules.Param(True, cite))
    with pytest.raises(cg.exceptions.RuleSetError, match="tuple of GroupRole"):
        cg.rules.ElectionParams(candidate_nominators=cg.rules.Param(("owner",), cite))
    with pytest.raises(cg.exceptions.RuleSetError, match="Param of SpoiledPolicy"):
        cg.rules.VotingParams(spoiled_ballots=cg.rules.SpoiledPolicy.EXCLUDED)  # type: ignore[arg-type]
