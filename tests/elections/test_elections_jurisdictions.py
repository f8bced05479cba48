"""The election layers of CN, CN-SH, CN-BJ and CN-TJ: dates on both sides, confidence."""

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.rules import SizeRule


def size_rule(code, on, **kwargs):
    return cg.rules_for(code, on=on, **kwargs).param("committee_size")


def test_guidance_rules_from_2010_01_01():
    assert size_rule("CN", date(2009, 12, 31)) is None
    rule = size_rule("CN", date(2010, 1, 1))
    assert isinstance(rule, SizeRule) and (rule.minimum, rule.maximum, rule.odd) == (5, 11, True)
    assert "unconfirmed" in rule.citation.note


def test_shanghai_from_2020_12_30():
    assert size_rule("CN-SH", date(2020, 12, 29)).maximum == 11
    assert size_rule("CN-SH", date(2020, 12, 30)).small_max_area == 10000


def test_beijing_2024_text_confirmed_2020_original_flagged():
    assert size_rule("CN-BJ", date(2024, 3, 28)).maximum == 11
    assert (
        size_rule("CN-BJ", date(2024, 3, 28), include_unconfirmed=True).small_max_households == 100
    )
    assert size_rule("CN-BJ", date(2024, 3, 29)).alternates_at_most_members
    rules = cg.rules_for("CN-BJ", on=date(2020, 5, 1))
    assert any(n.code == "layer-unconfirmed-left-out" for n in rules.notices)
    assert cg.rules_for("CN-BJ", on=date(2024, 5, 1)).param("alternates_fill_vacancies") is True


def test_tianjin_target_is_policy_and_unconfirmed():
    assert cg.rules_for("CN-TJ", on=date(2024, 4, 30)).param("party_share_target") is None
    target = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True).param(
        "party_share_target"
    )
    assert target.at_least == Fraction(1, 2)
    assert "policy target" in target.citation.note


@pytest.mark.parametrize("code", ["CN", "CN-SH", "CN-BJ", "CN-TJ"])
def test_election_layers_registered(code):
    assert code in cg.jurisdictions()
    rules = cg.rules_for(code, on=date(2025, 12, 31), include_unconfirmed=True)
    assert any(layer.topic == "elections" for layer in rules.layers)
