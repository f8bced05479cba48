"""`decide`: both sides of every boundary, counting semantics, policies and notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import community_governance as cg

CC = date(2022, 6, 1)  # Civil Code
PRL = date(2015, 6, 1)  # Property Rights Law + Regulations 2007
ORDINARY, SPECIAL = cg.Matter.ELECT_COMMITTEE, cg.Matter.RAISE_MAINTENANCE_FUND
Q, A = cg.CheckRole.QUORUM, cg.CheckRole.APPROVAL
H, M2 = cg.Measure.HEADS, cg.Measure.AREA


def vote(
    people: Sequence[tuple[str | None, str]],
) -> tuple[cg.Estate, list[cg.Ballot]]:
    """One single-owner unit per (choice or None for absent, area)."""
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


def equal(
    agree: int, oppose: int = 0, abstain: int = 0, absent: int = 0
) -> list[tuple[str | None, str]]:
    return (
        [("agree", "10")] * agree
        + [("oppose", "10")] * oppose
        + [("abstain", "10")] * abstain
        + [(None, "10")] * absent
    )


def decided(
    people: Sequence[tuple[str | None, str]], matter: cg.Matter = ORDINARY, on: date = CC
) -> cg.Decision:
    estate, ballots = vote(people)
    return cg.decide(estate, ballots, matter=matter, rules=cg.rules_for("CN", on=on))


def check(decision: cg.Decision, role: cg.CheckRole, measure: cg.Measure) -> cg.Check:
    (found,) = [c for c in decision.checks if c.role is role and c.threshold.measure is measure]
    return found


# ----------------------------------------------------------------- Civil Code quorum ≥ 2/3


@pytest.mark.parametrize(
    ("taking_part", "absent", "met"),
    [(6, 3, True), (5, 4, False), (7, 2, True), (2, 1, True), (1, 2, False)],
)
def test_civil_code_quorum_two_thirds_heads_and_area(
    taking_part: int, absent: int, met: bool
) -> None:
    decision = decided(equal(agree=taking_part, absent=absent))
    assert check(decision, Q, H).passed is met
    assert check(decision, Q, M2).passed is met
    assert decision.quorum_met is met
    assert decision.passed is met


@pytest.mark.parametrize(
    ("third", "rest", "met"),
    [("100.00", "150.00", True), ("99.99", "150.01", False), ("100.01", "149.99", True)],
)
def test_civil_code_quorum_area_to_the_hundredth(third: str, rest: str, met: bool) -> None:
    decision = decided([("agree", "100.00"), ("agree", "100.00"), ("agree", third), (None, rest)])
    area = check(decision, Q, M2)
    assert (area.numerator, area.denominator) == (
        Decimal("200.00") + Decimal(third),
        Decimal("450.00"),
    )
    assert area.passed is met
    assert check(decision, Q, H).passed  # 3 of 4 persons
    assert area.margin == Decimal(third) - Decimal("100.00")
    assert decision.passed is met


# ----------------------------------------------------------------- Civil Code ordinary > 1/2


@pytest.mark.parametrize(("agree", "oppose", "met"), [(2, 2, False), (3, 2, True), (2, 1, True)])
def test_more_than_half_heads_exactly_half_fails(agree: int, oppose: int, met: bool) -> None:
    decision = decided(equal(agree=agree, oppose=oppose))
    heads = check(decision, A, H)
    assert heads.passed is met
    assert check(decision, A, M2).passed is met
    assert heads.minimum_heads == (agree + oppose) // 2 + 1
    assert decision.passed is met


@pytest.mark.parametrize(
    ("last", "oppose", "met"),
    [("25.00", "100.00", False), ("25.01", "99.99", True), ("24.99", "100.01", False)],
)
def test_more_than_half_area_to_the_hundredth(last: str, oppose: str, met: bool) -> None:
    decision = decided(
        [("agree", "50.00"), ("agree", "25.00"), ("agree", last), ("oppose", oppose)]
    )
    area = check(decision, A, M2)
    assert area.denominator == Decimal("200.00")
    assert area.passed is met
    assert check(decision, A, H).passed  # 3 of 4 persons agree
    if last == "25.00":
        assert area.margin == 0  # exactly at the bound: a more-than threshold fails
        assert area.actual == Fraction(1, 2)


# ----------------------------------------------------------------- Civil Code special ≥ 3/4


@pytest.mark.parametrize(
    ("agree", "oppose", "met"), [(3, 1, True), (2, 2, False), (5, 2, False), (6, 2, True)]
)
def test_three_quarters_heads(agree: int, oppose: int, met: bool) -> None:
    decision = decided(equal(agree=agree, oppose=oppose), SPECIAL)
    assert check(decision, A, H).passed is met
    assert decision.passed is met


@pytest.mark.parametrize(
    ("first", "oppose", "met"),
    [("100.00", "100.00", True), ("99.99", "100.01", False), ("100.01", "99.99", True)],
)
def test_three_quarters_area_to_the_hundredth(first: str, oppose: str, met: bool) -> None:
    people = [("agree", first), ("agree", "100.00"), ("agree", "100.00"), ("oppose", oppose)]
    decision = decided(people, SPECIAL)
    area = check(decision, A, M2)
    assert area.denominator == Decimal("400.00")
    assert area.numerator == Decimal("200.00") + Decimal(first)
    assert area.passed is met
    assert check(decision, A, H).passed  # 3 of 4 persons: exactly 3/4 passes
    assert decision.passed is met


# ----------------------------------------------------------------- Property Rights Law (totals)


@pytest.mark.parametrize(("agree", "absent", "met"), [(2, 2, False), (3, 2, True), (5, 5, False)])
def test_property_rights_law_more_than_half_of_all(agree: int, absent: int, met: bool) -> None:
    decision = decided(equal(agree=agree, absent=absent), ORDINARY, PRL)
    assert [c.threshold.base for c in decision.checks] == [cg.Base.ALL] * 4
    assert check(decision, Q, H).passed is met
    assert check(decision, A, H).passed is met
    assert check(decision, A, M2).passed is met
    assert decision.passed is met


@pytest.mark.parametrize(
    ("agree", "absent", "met"), [(2, 1, True), (4, 2, True), (3, 2, False), (5, 3, False)]
)
def test_property_rights_law_two_thirds_of_all(agree: int, absent: int, met: bool) -> None:
    decision = decided(equal(agree=agree, absent=absent), cg.Matter.USE_MAINTENANCE_FUND, PRL)
    assert check(decision, A, H).passed is met
    assert check(decision, A, M2).passed is met
    assert decision.passed is met


@pytest.mark.parametrize(
    ("second", "absent", "met"),
    [("100.00", "150.00", True), ("99.99", "150.01", False), ("100.01", "149.99", True)],
)
def test_property_rights_law_two_thirds_area_to_the_hundredth(
    second: str, absent: str, met: bool
) -> None:
    people = [("agree", "100.00"), ("agree", second), ("agree", "100.00"), (None, absent)]
    decision = decided(people, cg.Matter.REBUILD_OR_RENOVATE, PRL)
    area = check(decision, A, M2)
    assert area.denominator == Decimal("450.00")
    assert area.passed is met
    assert check(decision, A, H).passed  # 3 of 4 persons


# ----------------------------------------------------------------- exactness


def test_float_sum_would_misjudge_more_than_half() -> None:
    assert 0.1 + 0.2 > 0.3  # the trap a float implementation falls into
    decision = decided([("agree", "0.1"), ("agree", "0.2"), ("oppose", "0.3")])
    area = check(decision, A, M2)
    assert (area.numerator, area.denominator) == (Decimal("0.3"), Decimal("0.6"))
    assert area.actual == Fraction(1, 2)
    assert not area.passed
    assert check(decision, A, H).passed
    assert not decision.passed


def test_float_sum_would_misjudge_two_thirds() -> None:
    participating = [4.25, 3.55, 0.02]
    assert sum(participating) * 3 < (sum(participating) + 3.91) * 2  # floats say "below"
    decision = decided([("agree", "4.25"), ("agree", "3.55"), ("agree", "0.02"), (None, "3.91")])
    area = check(decision, Q, M2)
    assert area.actual == Fraction(2, 3)
    assert area.passed
    assert area.margin == 0
    assert decision.passed


def test_fraction_areas_are_exact() -> None:
    decision = decided([("agree", "1/3"), ("agree", "1/3"), (None, "1/3")])
    area = check(decision, Q, M2)
    assert (area.numerator, area.denominator) == (Fraction(2, 3), Decimal(1))
    assert area.passed


# ----------------------------------------------------------------- counting in decisions


def quickstart() -> tuple[cg.Estate, list[cg.Ballot], cg.RuleSet]:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        ]
    )
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("2-301", "agree"),
        cg.Ballot("1-102", "oppose"),
    ]
    return estate, ballots, cg.rules_for("CN-SH", on=date(2025, 3, 1))


def test_quickstart_figures() -> None:
    estate, ballots, rules = quickstart()
    decision = cg.decide(estate, ballots, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=rules)
    assert not decision.passed
    assert decision.quorum_met
    assert not decision.approved
    tally = decision.tally
    assert tally.total == cg.voting.Figures(3, Decimal("392.52"))
    assert tally.participating == cg.voting.Figures(2, Decimal("304.52"))
    assert tally.agree == cg.voting.Figures(1, Decimal("184.47"))
    assert tally.oppose == cg.voting.Figures(1, Decimal("120.05"))
    assert tally.cast == cg.voting.Figures(2, Decimal("304.52"))
    assert tally.not_participating == cg.voting.Figures(1, Decimal("88.00"))
    assert decision.rule_layer == "CN-SH: Shanghai Provisions Art. 18 (2020 text)"
    assert decision.layers == rules.layer_names
    assert "CN: Civil Code Art. 278 (2021)" in decision.layers
    assert decision.jurisdiction == "CN-SH"
    assert decision.on == date(2025, 3, 1)
    # Shanghai Art. 28 freezes the matter during a re-election; no status was declared
    assert [notice.code for notice in decision.notices] == ["freeze-not-declared"]
    heads = check(decision, A, H)
    assert (heads.minimum_heads, heads.margin, heads.required) == (2, -1, Fraction(3, 2))
    assert decision.tally.agree.of(H) == 1
    assert decision.tally.agree.of(M2) == Decimal("184.47")


def test_partial_person_ballots_count_whole_area_with_notice() -> None:
    estate, _, rules = quickstart()
    decision = cg.decide(estate, [cg.Ballot("2-301", "agree")], matter=ORDINARY, rules=rules)
    assert decision.tally.agree == cg.voting.Figures(1, Decimal("184.47"))
    (notice,) = decision.notices
    assert notice.code == "partial-person-ballots"
    assert "Li" in notice.en
    assert "Li" in notice.zh


def test_all_ballots_of_a_person_no_partial_notice() -> None:
    estate, ballots, rules = quickstart()
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=rules)
    assert "partial-person-ballots" not in {n.code for n in decision.notices}


def test_developer_votes_once_for_all_its_units() -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "50", "owners": ["Li"]},
            {"unit": "3-101", "area": "30", "owners": ["Dev"], "status": "unsold"},
            {"unit": "3-102", "area": "20", "owners": ["Buyer"], "status": "sold-undelivered"},
        ]
    )
    rules = cg.rules_for("CN", on=CC)
    both = [cg.Ballot("3-101", "agree"), cg.Ballot("3-102", "agree")]
    decision = cg.decide(estate, both, matter=ORDINARY, rules=rules)
    assert decision.tally.agree == cg.voting.Figures(1, Decimal(50))
    with pytest.raises(cg.exceptions.ConflictingBallotsError, match="developer") as info:
        cg.decide(
            estate,
            [cg.Ballot("3-101", "agree"), cg.Ballot("3-102", "oppose")],
            matter=ORDINARY,
            rules=rules,
        )
    assert info.value.units == ("3-101", "3-102")


# ----------------------------------------------------------------- abstain, spoiled, proxies


def test_abstentions_take_part_and_do_not_agree() -> None:
    decision = decided(equal(agree=3, abstain=3))
    assert decision.tally.participating.heads == 6
    assert decision.tally.abstain == cg.voting.Figures(3, Decimal(30))
    assert check(decision, Q, H).passed
    assert not check(decision, A, H).passed  # 3 of 6 is not more than half
    assert not decision.passed


def spoiled_rules(policy: object) -> cg.RuleSet:
    layer = cg.jurisdictions.estate_layer(
        "Garden rules 2023", params={"spoiled_ballots": policy}, clause="Art. 12"
    )
    return cg.rules_for("CN", on=CC).with_layer(layer)


@pytest.mark.parametrize(
    ("policy", "participating", "quorum", "passed"),
    [
        (cg.rules.SpoiledPolicy.PARTICIPATING, 6, True, False),
        (cg.rules.SpoiledPolicy.EXCLUDED, 4, False, False),
        ("participating", 6, True, False),
        ("EXCLUDED", 4, False, False),
    ],
)
def test_spoiled_ballots_policy(
    policy: object, participating: int, quorum: bool, passed: bool
) -> None:
    estate, ballots = vote(
        [("agree", "10")] * 3 + [("oppose", "10")] + [("spoiled", "10")] * 2 + [(None, "10")] * 2
    )
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=spoiled_rules(policy))
    assert decision.tally.participating.heads == participating
    assert decision.tally.spoiled == cg.voting.Figures(2, Decimal(20))
    assert decision.quorum_met is quorum
    assert decision.passed is passed
    (notice,) = [n for n in decision.notices if n.code == "spoiled-ballots"]
    assert "2 spoiled" in notice.en
    assert notice.citation is not None
    assert notice.citation.instrument == "library_design"
    assert ("not counted" in notice.en) is (participating == 4)
    assert ("不计入" in notice.zh) is True


def test_spoiled_excluded_changes_the_approval_base() -> None:
    people = [("agree", "10")] * 4 + [("oppose", "10")] * 3 + [("spoiled", "10")] * 2
    estate, ballots = vote(people)
    included = cg.decide(estate, ballots, matter=ORDINARY, rules=spoiled_rules("participating"))
    excluded = cg.decide(estate, ballots, matter=ORDINARY, rules=spoiled_rules("excluded"))
    assert not included.passed  # 4 of 9 taking part
    assert excluded.passed  # 4 of 7 taking part; 7 of 9 meets the quorum
    assert "计入参与表决" in next(n.zh for n in included.notices if n.code == "spoiled-ballots")


def test_default_spoiled_policy_has_its_reasoning() -> None:
    # The national layers carry the policy as a declared design choice (medium confidence,
    # not a rule of law): default rule sets admit it, and its citation says so.
    rules = cg.rules_for("CN", on=CC)
    assert rules.voting.spoiled_ballots.layer == "CN: Civil Code Art. 278 (2021)"
    assert rules.voting.spoiled_ballots.citation.instrument == "library_design"
    decision = decided([("agree", "10"), ("spoiled", "10"), (None, "10")])
    assert decision.tally.participating.heads == 2
    provided = cg.rules_for("CN", on=CC, include_unconfirmed=True).voting.spoiled_ballots
    assert provided.value is cg.rules.SpoiledPolicy.PARTICIPATING
    assert provided.layer == "CN: Civil Code Art. 278 (2021)"
    assert "spoiled" in provided.citation.note
    assert spoiled_rules(cg.rules.SpoiledPolicy.EXCLUDED).voting.spoiled_ballots.layer == (
        "Garden rules 2023"
    )


def test_proxy_without_written_authorisation_not_counted() -> None:
    estate, _ = vote(equal(agree=0, absent=3))
    ballots = [
        cg.Ballot("1-101", "agree", cg.Proxy("Son", written_authorisation=True)),
        cg.Ballot("1-102", "agree", cg.Proxy("Neighbour", written_authorisation=False)),
        cg.Ballot("1-103", "同意"),
    ]
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=cg.rules_for("CN", on=CC))
    assert decision.tally.agree.heads == 2
    assert decision.tally.participating.heads == 2
    (notice,) = [n for n in decision.notices if n.code == "proxy-without-authorisation"]
    assert "1-102" in notice.en
    assert "1-102" in notice.zh
    assert "1-101" not in notice.en


def test_unauthorised_proxy_for_one_unit_of_a_person() -> None:
    estate, _, rules = quickstart()
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("2-301", "oppose", cg.Proxy("Cousin", written_authorisation=False)),
    ]
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=rules)  # no conflict
    assert decision.tally.agree == cg.voting.Figures(1, Decimal("184.47"))
    codes = {n.code for n in decision.notices}
    assert {"proxy-without-authorisation", "partial-person-ballots"} <= codes


def test_choices_in_chinese_and_english() -> None:
    assert [cg.voting.Choice.parse(text) for text in ("同意", "反对", "弃权", "废票")] == list(
        cg.voting.Choice
    )
    assert cg.voting.Choice.parse(" Agree ") is cg.voting.Choice.AGREE
    assert cg.voting.Choice.ABSTAIN.label("zh") == "弃权"
    assert cg.voting.Choice.ABSTAIN.label() == "abstain"


def test_matter_by_value_and_generator_ballots() -> None:
    estate, ballots, rules = quickstart()
    by_value = cg.decide(estate, iter(ballots), matter="raise-maintenance-fund", rules=rules)
    by_member = cg.decide(estate, ballots, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=rules)
    assert by_value == by_member


def test_no_ballots_fails_and_shows_empty_bases() -> None:
    decision = decided(equal(agree=0, absent=3))
    assert not decision.passed
    approval = check(decision, A, H)
    assert approval.denominator == 0
    assert approval.actual is None
    assert not approval.passed
    assert approval.minimum_heads == 1


# ----------------------------------------------------------------- deemed votes


def deemed_rules(zhejiang: bool = False) -> cg.RuleSet:
    clause = cg.rules.DeemedVoteClause(
        "covenant Art. 9: unreturned ballots follow the majority",
        majority_floor=cg.rules.ZHEJIANG_2009_FLOOR if zhejiang else None,
    )
    return cg.rules_for("CN-SH", on=CC).with_layer(
        cg.jurisdictions.estate_layer(
            "Minhang-like covenant", params={"deemed_vote": clause}, clause="Art. 9"
        )
    )


def minhang() -> tuple[cg.Estate, list[cg.Ballot]]:
    # 1,291 ballots delivered, 703 returned (54.5%); with the unreturned counted in, 78.2% agree
    return vote(equal(agree=422, oppose=281, absent=588))


def test_deemed_votes_applied_minhang_like() -> None:
    estate, ballots = minhang()
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules())
    assert decision.passed
    assert decision.tally.deemed == cg.voting.Figures(588, Decimal(5880))
    assert decision.tally.participating.heads == 1291
    assert decision.tally.agree.heads == 1010
    assert round(Fraction(1010, 1291) * 1000) == 782  # 78.2%
    plain = decision.without_deemed_votes
    assert plain is not None
    assert not plain.passed
    assert not plain.quorum_met
    assert plain.tally.participating.heads == 703
    assert plain.without_deemed_votes is None
    codes = [n.code for n in decision.notices]
    assert codes == ["deemed-vote-contested", "deemed-votes-applied"]
    applied = decision.notices[1]
    assert "588 non-voting persons" in applied.en
    assert "agree" in applied.en
    assert "588名" in applied.zh
    assert "contested" in decision.notices[0].en
    assert decision.notices[0].citation == cg.rules.DeemedVoteClause("x").citation
    assert "Without the deemed-vote clause the result would be: NOT PASSED" in decision.explain()
    assert "不适用视为同意多数条款时的结果：未通过" in decision.explain("zh")
    assert cg.Decision.from_dict(decision.to_dict()) == decision


def test_deemed_votes_zhejiang_floor_not_met() -> None:
    estate, ballots = minhang()
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules(zhejiang=True))
    assert not decision.passed
    assert decision.without_deemed_votes is None
    assert decision.tally.deemed == cg.voting.Figures(0, Decimal(0))
    codes = [n.code for n in decision.notices]
    assert codes == ["deemed-vote-contested", "deemed-vote-floor-not-met"]
    assert decision.notices[1].citation is not None
    assert decision.notices[1].citation.instrument == "zhejiang_pm_regulation"


def test_deemed_votes_zhejiang_floor_met() -> None:
    estate, ballots = vote(equal(agree=6, oppose=1, absent=4))
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules(zhejiang=True))
    assert decision.passed
    assert decision.tally.agree.heads == 10
    assert decision.without_deemed_votes is not None
    assert not decision.without_deemed_votes.quorum_met  # 7 of 11 < 2/3


def test_deemed_votes_zhejiang_floor_needs_area_too() -> None:
    # 6 of 11 heads agree, but only 60 of 150 m²
    people = [("agree", "10")] * 6 + [("oppose", "5")] + [(None, "10")] * 3 + [(None, "55")]
    estate, ballots = vote(people)
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules(zhejiang=True))
    assert "deemed-vote-floor-not-met" in {n.code for n in decision.notices}


def test_deemed_votes_follow_an_opposing_majority() -> None:
    estate, ballots = vote(equal(agree=1, oppose=3, absent=4))
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules())
    assert not decision.passed
    assert decision.tally.oppose.heads == 7
    assert decision.tally.agree.heads == 1
    assert "oppose" in decision.notices[-1].en
    assert "反对" in decision.notices[-1].zh


def test_deemed_votes_without_a_common_majority() -> None:
    # more heads agree, more area opposes
    estate, ballots = vote([("agree", "10"), ("agree", "10"), ("oppose", "50"), (None, "10")])
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=deemed_rules())
    assert decision.without_deemed_votes is None
    assert decision.tally.deemed.heads == 0
    assert [n.code for n in decision.notices] == [
        "deemed-vote-contested",
        "deemed-vote-no-majority",
    ]
    tied = vote(equal(agree=2, oppose=2, absent=1))
    decision = cg.decide(*tied, matter=ORDINARY, rules=deemed_rules())
    assert decision.notices[-1].code == "deemed-vote-no-majority"


def test_deemed_vote_clause_is_opt_in() -> None:
    estate, ballots = minhang()
    decision = cg.decide(estate, ballots, matter=ORDINARY, rules=cg.rules_for("CN-SH", on=CC))
    assert not decision.passed
    assert decision.without_deemed_votes is None
    assert decision.tally.deemed.heads == 0
    assert decision.notices == ()


def test_deemed_vote_clause_citation() -> None:
    clause = cg.rules.DeemedVoteClause("Art. 9")
    assert not clause.zhejiang_floor and clause.majority_floor is None
    with pytest.warns(DeprecationWarning, match="majority_floor"):
        old = cg.rules.DeemedVoteClause("Art. 9", zhejiang_floor=True)
    assert old.majority_floor == cg.rules.ZHEJIANG_2009_FLOOR
    with pytest.raises(TypeError):
        cg.rules.DeemedVoteClause("Art. 9", zhejiang_floor="yes")  # type: ignore[arg-type]
    assert clause.citation.article == "26(2)"
    assert "contested" in clause.citation.note
