"""CN-SH: Shanghai Art. 18 before and after the 2020-12-30 amendment, layered on CN."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.jurisdictions import cn, cn_sh


def voting(rules: cg.RuleSet) -> tuple[cg.rules.Layer, ...]:
    """The rule set's voting layers (other topics, e.g. elections, are stacked too)."""
    return tuple(layer for layer in rules.layers if layer.topic.value == "voting")


def test_before_the_2018_text_national_rules_apply_with_a_notice() -> None:
    rules = cg.rules_for("CN-SH", on=date(2018, 11, 21))
    assert voting(rules) == (cn.PROPERTY_RIGHTS_LAW_2007,)
    voting_notice, money_notice = rules.notices  # one notice per topic Shanghai lacks
    for notice, topic in ((voting_notice, "voting"), (money_notice, "money")):
        assert notice.code == "layer-missing"
        assert f"confirmed {topic} rules of CN-SH" in notice.en
        assert "2018-11-21" in notice.zh
    provided = rules.resolution(cg.Matter.ELECT_COMMITTEE)
    assert provided.layer == cn.PROPERTY_RIGHTS_LAW_2007.name


def test_day_of_the_2018_text() -> None:
    rules = cg.rules_for("CN-SH", on=date(2018, 11, 22))
    assert voting(rules) == (cn.PROPERTY_RIGHTS_LAW_2007, cn_sh.SHANGHAI_2018)
    # Shanghai's money text (Arts. 35, 69) is encoded from the 2020 text only
    assert [n.en.split()[2] for n in rules.notices] == ["money"]
    provided = rules.resolution(cg.Matter.USE_MAINTENANCE_FUND)
    assert provided.layer == cn_sh.SHANGHAI_2018.name
    assert provided.citation.text_version == "2018"
    assert provided.value.approval[0].ratio == Fraction(2, 3)
    assert provided.value.approval[0].base is cg.Base.ALL


def test_day_before_the_2020_amendment() -> None:
    rules = cg.rules_for("CN-SH", on=date(2020, 12, 29))
    assert voting(rules)[-1] is cn_sh.SHANGHAI_2018


def test_on_2020_12_30_shanghai_already_uses_the_2020_text_while_cn_does_not() -> None:
    on = date(2020, 12, 30)
    national = cg.rules_for("CN", on=on)
    shanghai = cg.rules_for("CN-SH", on=on)
    assert voting(national) == (cn.PROPERTY_RIGHTS_LAW_2007,)
    assert voting(shanghai) == (cn.PROPERTY_RIGHTS_LAW_2007, cn_sh.SHANGHAI_2020)
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    sh_rule = shanghai.resolution(matter)
    assert sh_rule.layer == cn_sh.SHANGHAI_2020.name
    assert sh_rule.value.approval[0].ratio == Fraction(3, 4)
    assert sh_rule.value.approval[0].base is cg.Base.PARTICIPATING
    assert national.resolution(matter).value.approval[0].base is cg.Base.ALL
    # the same vote: 7 of 10 take part, 6 agree
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "10", "owners": [f"O{n}"]} for n in range(10)]
    )
    ballots = [cg.Ballot(f"1-{n}", "agree") for n in range(6)] + [cg.Ballot("1-6", "oppose")]
    assert not cg.decide(estate, ballots, matter=matter, rules=national).passed  # 6/10 < 2/3
    assert cg.decide(estate, ballots, matter=matter, rules=shanghai).passed  # 6/7 ≥ 3/4


def test_shanghai_2020_text_by_matter() -> None:
    rules = cg.rules_for("CN-SH", on=date(2023, 5, 1))
    special = {
        cg.Matter.RAISE_MAINTENANCE_FUND,
        cg.Matter.REBUILD_OR_RENOVATE,
        cg.Matter.CHANGE_USE_OF_COMMON_PARTS,
    }
    for matter in cg.Matter:
        rule = rules.resolution(matter).value
        assert [q.ratio for q in rule.quorum] == [Fraction(2, 3)] * 2
        expected = Fraction(3, 4) if matter in special else Fraction(1, 2)
        assert {a.ratio for a in rule.approval} == {expected}
        assert rule.citation.instrument == "shanghai_residential_pm_provisions"


@pytest.mark.parametrize("matter", list(cg.Matter))
def test_shanghai_matches_the_civil_code_after_2021(matter: cg.Matter) -> None:
    on = date(2021, 1, 1)
    sh = cg.rules_for("CN-SH", on=on).resolution(matter).value
    national = cg.rules_for("CN", on=on).resolution(matter).value
    assert sh.never_looser_than(national)
    assert national.never_looser_than(sh)


def test_spoiled_policy_reaches_through_shanghai() -> None:
    rules = cg.rules_for("CN-SH", on=date(2023, 5, 1))
    provided = rules.voting.spoiled_ballots
    assert provided.layer == cn.CIVIL_CODE_2021.name  # Shanghai's layer has no such parameter


@pytest.mark.parametrize("on", [date(2020, 12, 30), date(2020, 12, 31)])
def test_the_issue_case_carries_one_looser_notice_for_its_own_matter(on: date) -> None:
    """12 equal flats, 8 take part, 6 agree to raise the fund: CN-SH passes, CN fails."""
    estate = cg.Estate.from_records(
        [{"unit": f"u{n}", "area": "100", "owners": [f"o{n}"]} for n in range(12)]
    )
    ballots = [cg.Ballot(f"u{n}", "agree" if n < 6 else "oppose") for n in range(8)]
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    local = cg.decide(estate, ballots, matter=matter, rules=cg.rules_for("CN-SH", on=on))
    national = cg.decide(estate, ballots, matter=matter, rules=cg.rules_for("CN", on=on))
    assert local.passed and not national.passed
    looser = [n for n in local.notices if n.code == "local-looser-than-national"]
    assert len(looser) == 1, [n.en for n in looser]
    assert looser[0].en.startswith("for raise maintenance fund, ")
    assert "筹集建筑物及其附属设施的维修资金" in looser[0].zh
    assert "may fail nationally" in local.explain() and "可能不符合全国性规定" in local.explain(
        "zh"
    )
    day_after = cg.decide(
        estate, ballots, matter=matter, rules=cg.rules_for("CN-SH", on=date(2021, 1, 1))
    )
    assert not any(n.code == "local-looser-than-national" for n in day_after.notices)
