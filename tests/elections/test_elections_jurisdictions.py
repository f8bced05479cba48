"""The election layers of CN, CN-SH, CN-BJ and CN-TJ: dates on both sides, confidence."""

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.rules import SizeRule


def size_rule(code, on, **kwargs):
    param = cg.rules_for(code, on=on, **kwargs).elections.committee_size
    return None if param is None else param.value


def test_guidance_rules_from_2010_01_01():
    assert size_rule("CN", date(2009, 12, 31)) is None
    rule = size_rule("CN", date(2010, 1, 1))
    assert isinstance(rule, SizeRule) and (rule.minimum, rule.maximum, rule.odd) == (5, 11, True)
    # the content is confirmed; the effective date is not, and every print says so
    assert rule.citation.confirmed
    assert "effective date unconfirmed" in rule.citation.format()
    assert "施行日期待核实" in rule.citation.format("zh")


def test_guidance_rules_preparatory_group_article_number_flagged():
    group = cg.rules_for("CN", on=date(2010, 1, 1)).elections.preparatory_group
    assert "article number unconfirmed" in group.citation.format()
    assert "条文序号待核实" in group.citation.format("zh")


def test_shanghai_elections_from_2011_04_01():
    # Shanghai's Art. 20 applies from the 2010 revision (in force 2011-04-01), not 2020.
    assert size_rule("CN-SH", date(2011, 3, 31)).maximum == 11
    assert size_rule("CN-SH", date(2011, 4, 1)).small_max_area == 10000
    assert size_rule("CN-SH", date(2019, 6, 1)).maximum is None


def test_beijing_2020_text_in_defaults_with_article_numbers_flagged():
    assert size_rule("CN-BJ", date(2020, 4, 30)).maximum == 11  # national, the day before
    rule_2020 = size_rule("CN-BJ", date(2020, 5, 1))
    assert rule_2020.small_max_households == 100
    assert "article number unconfirmed" in rule_2020.citation.format()
    assert size_rule("CN-BJ", date(2024, 3, 28)).small_max_households == 100
    rule_2024 = size_rule("CN-BJ", date(2024, 3, 29))
    assert rule_2024.alternates_at_most_members
    assert "unconfirmed" not in rule_2024.citation.format()
    fill = cg.rules_for("CN-BJ", on=date(2024, 5, 1)).elections.alternates_fill_vacancies
    assert fill is not None and fill.value is True


def test_tianjin_target_is_policy_and_unconfirmed():
    assert cg.rules_for("CN-TJ", on=date(2024, 4, 30)).elections.party_share_target is None
    rules = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True)
    target = rules.elections.party_share_target.value
    assert target.at_least == Fraction(1, 2)
    assert "policy target" in target.citation.note


@pytest.mark.parametrize("code", ["CN", "CN-SH", "CN-BJ", "CN-TJ"])
def test_election_layers_registered(code):
    assert code in cg.jurisdictions.known_codes()
    rules = cg.rules_for(code, on=date(2025, 12, 31), include_unconfirmed=True)
    assert any(layer.topic.value == "elections" for layer in rules.layers)
