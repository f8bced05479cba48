"""Scenarios that kill mutants of decide() which change outcomes (issue: mutation testing)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import community_governance as cg

CC = date(2022, 6, 1)
Q, A = cg.CheckRole.QUORUM, cg.CheckRole.APPROVAL
H, M2 = cg.Measure.HEADS, cg.Measure.AREA


def vote(people: list[tuple[str | None, str]]) -> tuple[cg.Estate, list[cg.Ballot]]:
    rows = [
        {"unit": f"1-{n + 101}", "area": area, "owners": [f"O{n}"]}
        for n, (_, area) in enumerate(people)
    ]
    ballots = [
        cg.Ballot(f"1-{n + 101}", choice)
        for n, (choice, _) in enumerate(people)
        if choice is not None
    ]
    return cg.Estate.from_records(rows), ballots


def find(decision: cg.Decision, role: cg.CheckRole, measure: cg.Measure) -> cg.Check:
    (found,) = [c for c in decision.checks if c.role is role and c.threshold.measure is measure]
    return found


def rules_with(**params: object) -> cg.RuleSet:
    layer = cg.jurisdictions.estate_layer("Garden rules 2023", params=params, clause="Art. 12")
    return cg.rules_for("CN", on=CC).with_layer(layer)


def test_spoiled_excluded_quorum_area_and_votes_cast() -> None:
    # spoiled ballots carry a large area: excluding them must drop that area from the quorum
    people = [("agree", "10"), ("agree", "10"), ("oppose", "15"), ("spoiled", "55"), (None, "10")]
    estate, ballots = vote(people)
    excluded = cg.decide(
        estate, ballots, matter="elect-committee", rules=rules_with(spoiled_ballots="excluded")
    )
    included = cg.decide(
        estate, ballots, matter="elect-committee", rules=rules_with(spoiled_ballots="participating")
    )
    assert find(excluded, Q, M2).numerator == Decimal(35)
    assert find(included, Q, M2).numerator == Decimal(90)
    assert find(excluded, Q, M2).denominator == find(included, Q, M2).denominator == Decimal(100)
    assert not find(excluded, Q, M2).passed  # 35 of 100 m² < 2/3
    assert find(included, Q, M2).passed  # 90 of 100 m²
    assert excluded.tally.participating == cg.voting.Figures(3, Decimal(35))
    assert excluded.tally.cast == cg.voting.Figures(3, Decimal(35))  # agree + oppose, never spoiled
    assert included.tally.cast == cg.voting.Figures(3, Decimal(35))
    # the approval base is those taking part: 20 of 35 m² excluded, 20 of 90 m² included
    assert find(excluded, A, M2).denominator == Decimal(35)
    assert find(excluded, A, M2).passed
    assert find(included, A, M2).denominator == Decimal(90)
    assert not find(included, A, M2).passed


def deemed_zhejiang() -> cg.RuleSet:
    clause = cg.rules.DeemedVoteClause(
        "covenant Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR
    )
    return cg.rules_for("CN-SH", on=CC).with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="Art. 9")
    )


@pytest.mark.parametrize(("agree", "applied"), [(5, False), (6, True)])
def test_zhejiang_floor_is_strictly_more_than_half(agree: int, applied: bool) -> None:
    # 10 equal flats: 5 agreeing is exactly half (the floor fails), 6 is more than half
    estate, ballots = vote([("agree", "10")] * agree + [(None, "10")] * (10 - agree))
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=deemed_zhejiang())
    deemed = 10 - agree if applied else 0
    assert decision.tally.deemed == cg.voting.Figures(deemed, Decimal(10 * deemed))
    codes = {notice.code for notice in decision.notices}
    assert ("deemed-vote-floor-not-met" in codes) is not applied
    assert ("deemed-votes-applied" in codes) is applied


def test_vote_opened_and_closed_on_the_same_day_is_accepted() -> None:
    estate, ballots = vote([("agree", "10"), ("agree", "10"), ("oppose", "10")])
    rules = cg.rules_for("CN", on=CC)
    same_day = cg.decide(estate, ballots, matter="elect-committee", rules=rules, opened=CC)
    assert same_day.passed
    assert "vote-spans-rule-change" not in {n.code for n in same_day.notices}
    with pytest.raises(cg.exceptions.VotingArgumentError, match="opened"):
        cg.decide(estate, ballots, matter="elect-committee", rules=rules, opened=date(2022, 6, 2))


@pytest.mark.parametrize("opened", [CC, date(2022, 5, 1), date(2020, 12, 31)])
def test_opened_keeps_every_other_notice(opened: date) -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "1-102", "area": "10", "owners": ["Li", "Wang"]},
            {"unit": "1-103", "area": "10", "owners": ["Zhao"]},
            {"unit": "1-104", "area": "10", "owners": ["Qian"]},
        ]
    )
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("1-103", "spoiled"),
        cg.Ballot("1-104", "agree", proxy=cg.Proxy("Zhou", written_authorisation=False)),
    ]
    rules = cg.rules_for("CN", on=CC)
    plain = cg.decide(estate, ballots, matter="elect-committee", rules=rules)
    spanning = cg.decide(estate, ballots, matter="elect-committee", rules=rules, opened=opened)
    assert {"overlapping-owner-sets", "spoiled-ballots", "proxy-without-authorisation"} <= {
        n.code for n in plain.notices
    }
    assert spanning.notices[: len(plain.notices)] == plain.notices
    extra = {n.code for n in spanning.notices[len(plain.notices) :]}
    assert extra == ({"vote-spans-rule-change"} if opened.year == 2020 else set())


def test_vote_opened_before_any_rule_in_force_says_so() -> None:
    estate = cg.Estate.from_records([{"unit": "a", "area": "10", "owners": ["x"]}])
    rules = cg.rules_for("CN", on=date(2021, 1, 10))
    decision = cg.decide(
        estate, [cg.Ballot("a", "agree")], matter="other-major-matter", rules=rules,
        opened=date(1990, 1, 1),
    )  # fmt: skip
    (notice,) = [n for n in decision.notices if n.code == "vote-spans-rule-change"]
    assert notice.en.startswith(
        "the vote opened 1990-01-01 under none in force and closed 2021-01-10 under CN: "
    )
    assert notice.zh.startswith("表决于1990-01-01开始，于2021-01-10结束")
    assert "（开始日0层，" in notice.zh


def test_notices_list_every_unit_and_person_they_concern() -> None:
    rows = [{"unit": f"1-{i}", "area": "10", "owners": [f"O{i}"]} for i in range(4)]
    rows += [{"unit": f"2-{i}", "area": "10", "owners": ["Li"]} for i in range(2)]
    rows += [{"unit": f"3-{i}", "area": "10", "owners": ["Wu"]} for i in range(2)]
    estate = cg.Estate.from_records(rows)
    nobody = cg.Proxy("Neighbour", written_authorisation=False)
    ballots = [
        cg.Ballot("1-0", "agree", nobody),
        cg.Ballot("1-1", "agree", nobody),
        cg.Ballot("2-0", "agree"),
        cg.Ballot("3-0", "oppose"),
    ]
    decision = cg.decide(
        estate, ballots, matter="other-major-matter", rules=cg.rules_for("CN", on=CC)
    )
    notes = {n.code: n for n in decision.notices}
    assert notes["proxy-without-authorisation"].en.endswith("were not counted: 1-0, 1-1")
    partial = notes["partial-person-ballots"]
    assert "only some of their units (Li, Wu); each" in partial.en
    assert "（Li、Wu）" in partial.zh
