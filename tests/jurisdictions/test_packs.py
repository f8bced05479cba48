"""Foreign packs: boundaries in each measure, caps changing outcomes, every staged path."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance.jurisdictions import fr, tw
from community_governance.jurisdictions.registry import REGISTRY
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import Pack, PackVersion
from community_governance.rules.procedures import Procedure, Weight
from community_governance.voting.procedure import Outcome, ProcedureDecision, decide_procedure

ON = date(2026, 6, 1)
FOREIGN = ("DE", "FR", "HK", "JP", "TW")


def lookup(code: str, matter: str, *, on: date) -> tuple[cg.RuleSet, DeclaredMatter, Procedure]:
    """The rule set, declared matter and procedure from the one registry."""
    rules = cg.rules_for(code, on=on)
    declared, found = rules.procedure(matter)
    return rules, declared, found.value


def estate(rows: Sequence[tuple[str, str, tuple[str, ...], str | None]]) -> cg.Estate:
    """Units as (id, area, owners, shares)."""
    units = [cg.Unit(uid, area, owners, shares=shares) for uid, area, owners, shares in rows]
    ids = sorted({owner for unit in units for owner in unit.owners})
    return cg.Estate(units=units, owners=[cg.Owner(owner) for owner in ids])


def flat(count: int, *, area: str = "100", shares: str | None = "100") -> cg.Estate:
    return estate([(f"u{n}", area, (f"o{n}",), shares) for n in range(count)])


def ballots(**choices: Sequence[int]) -> list[cg.Ballot]:
    return [cg.Ballot(f"u{n}", choice) for choice, ns in choices.items() for n in ns]


def decide(
    code: str,
    matter: str,
    est: cg.Estate,
    first: list[cg.Ballot],
    *,
    on: date = ON,
    later: Sequence[list[cg.Ballot] | None] = (),
    objections: Sequence[str] | None = None,
) -> ProcedureDecision:
    rules = cg.rules_for(code, on=on)
    return decide_procedure(
        est, first, rules=rules, matter=matter, later=later, objections=objections
    )


# --- Taiwan -----------------------------------------------------------------------------


@pytest.mark.parametrize(("attending", "passed"), [(6, False), (7, True), (8, True)])
def test_tw_quorum_bound_in_units(attending: int, passed: bool) -> None:
    # 2/3 of 9 units is 6: at the bound 6 passes; use 10 units: 20/3 → 7 is the first pass
    d = decide("TW", "general-resolution", flat(10), ballots(agree=range(attending)))
    assert d.stages[0].checks[0].passed is passed


@pytest.mark.parametrize(("big_area", "passed"), [("199", False), ("200", True), ("201", True)])
def test_tw_quorum_bound_in_area(big_area: str, passed: bool) -> None:
    # total area 300 + big_area; attending = big unit alone; ≥ 2/3 ⇔ big ≥ 2 × 100... per case
    rows = [("big", big_area, ("b",), None), ("s0", "50", ("x",), None), ("s1", "50", ("y",), None)]
    est = estate(rows)
    _, declared, procedure = lookup("TW", "general-resolution", on=ON)
    no_cap = attrs.evolve(procedure, caps=())
    d = decide_procedure(est, [cg.Ballot("big", "agree")], procedure=no_cap, matter=declared)
    area_quorum = d.stages[0].checks[1]
    assert area_quorum.condition.weight is Weight.AREA
    assert area_quorum.passed is passed


@pytest.mark.parametrize(("agree", "passed"), [(5, False), (6, True), (7, True)])
def test_tw_approval_bound_three_quarters_of_attending(agree: int, passed: bool) -> None:
    d = decide(
        "TW",
        "general-resolution",
        flat(10),
        ballots(agree=range(agree), oppose=range(agree, 8)),
        objections=[],
    )
    assert d.stages[0].checks[2].passed is passed  # units, 3/4 of 8 attending = 6


def test_tw_cap_changes_the_outcome() -> None:
    # the developer holds 5 of 10 units and half the area; capped to 1/5 (2 units, 200 m²)
    rows = [(f"d{n}", "100", ("dev",), None) for n in range(5)]
    rows += [(f"u{n}", "100", (f"o{n}",), None) for n in range(5)]
    votes = [cg.Ballot(f"d{n}", "agree") for n in range(5)] + ballots(agree=range(2))
    d = decide("TW", "general-resolution", estate(rows), votes)
    first = d.stages[0]
    assert first.counts_uncapped[Weight.UNITS].attending == 7
    assert first.counts[Weight.UNITS].attending == 4
    assert first.counts[Weight.UNITS].total == 10  # the total is not capped
    assert all(c.passed for c in first.uncapped) and not first.passed
    assert first.cap_changed_outcome
    assert "without caps" in d.explain()
    assert "capped units: attending 7 → 4, agree 7 → 4" in d.explain()
    assert d.outcome is Outcome.PENDING  # the reconvened meeting has not been held


def test_tw_proxy_holder_capped_at_one_fifth() -> None:
    proxy = cg.Proxy("agent", written_authorisation=True)
    votes = [cg.Ballot(f"u{n}", "agree", proxy=proxy) for n in range(3)]
    d = decide("TW", "general-resolution", flat(10), votes)
    assert d.stages[0].counts[Weight.UNITS].attending == 2
    assert d.stages[0].counts_uncapped[Weight.UNITS].attending == 3


def test_tw_pass_at_stage_one() -> None:
    d = decide("TW", "general-resolution", flat(10), ballots(agree=range(8)))
    assert d.outcome is Outcome.PASSED and d.passed and len(d.stages) == 1
    assert repr(d).startswith("<ProcedureDecision PASSED")


def test_tw_fail_then_pass_at_the_reconvened_meeting_then_objections() -> None:
    est, first = flat(10), ballots(agree=range(5))
    second = ballots(agree=range(2), oppose=[2])
    pending = decide("TW", "general-resolution", est, first)
    assert pending.outcome is Outcome.PENDING and pending.stages[1].reached
    assert not pending.stages[1].held
    provisional = decide("TW", "general-resolution", est, first, later=[second])
    assert provisional.outcome is Outcome.PROVISIONAL
    stands = decide("TW", "general-resolution", est, first, later=[second], objections=["u5"])
    assert stands.outcome is Outcome.PASSED and not stands.stages[1].overturned
    many = [f"u{n}" for n in range(4, 10)]
    overturned = decide("TW", "general-resolution", est, first, later=[second], objections=many)
    assert overturned.outcome is Outcome.OVERTURNED and overturned.stages[1].overturned
    assert "objections" in overturned.explain()
    half = [f"u{n}" for n in range(5, 10)]  # exactly half: not more than half
    assert decide("TW", "general-resolution", est, first, later=[second], objections=half).passed


def test_tw_reconvened_meeting_needs_three_owners() -> None:
    d = decide(
        "TW", "general-resolution", flat(10), ballots(agree=[0]), later=[ballots(agree=[0, 1])]
    )
    assert d.outcome is Outcome.NOT_PASSED
    assert [f.passed for f in d.stages[1].floors] == [False]


def test_tw_objections_are_checked() -> None:
    est, first, second = flat(10), ballots(agree=range(5)), ballots(agree=range(3))
    with pytest.raises(cg.exceptions.ProcedureInputError, match="nowhere"):
        decide("TW", "general-resolution", est, first, later=[second], objections=["nowhere"])
    with pytest.raises(cg.exceptions.VotingInputError, match="objections"):
        decide("TW", "general-resolution", est, first, later=[second], objections="u1")  # type: ignore[arg-type]


# --- France -----------------------------------------------------------------------------


def shares(*values: str) -> cg.Estate:
    return estate([(f"u{n}", "10", (f"o{n}",), value) for n, value in enumerate(values)])


@pytest.mark.parametrize(
    ("agree", "oppose", "passed"), [(5, 5, False), (6, 5, True), (5, 6, False)]
)
def test_fr_art_24_more_than_half_of_votes_cast(agree: int, oppose: int, passed: bool) -> None:
    est = shares(*(["100"] * 12))
    votes = ballots(agree=range(agree), oppose=range(agree, agree + oppose), abstain=[11])
    assert decide("FR", "art-24", est, votes).passed is passed


@pytest.mark.parametrize(("agree", "outcome", "held"), [(6, True, 1), (4, True, 2), (3, False, 1)])
def test_fr_art_25_and_the_art_25_1_passerelle(agree: int, outcome: bool, held: int) -> None:
    # 10 owners × 100 tantièmes; Art. 25 needs > 500; the passerelle needs ≥ 1/3 (≥ 333.3)
    est = shares(*(["100"] * 10))
    d = decide("FR", "art-25", est, ballots(agree=range(agree), oppose=[9]))
    assert d.passed is outcome
    assert sum(result.held for result in d.stages) == held
    if agree == 3:
        assert not d.stages[1].reached and d.outcome is Outcome.NOT_PASSED
        assert d.stages[1].line().startswith("not reached: ")


def test_fr_art_25_exactly_half_fails_stage_one() -> None:
    d = decide("FR", "art-25", shares(*(["100"] * 10)), ballots(agree=range(5)))
    assert not d.stages[0].passed and d.stages[1].passed


def test_fr_art_25_revote_with_new_ballots() -> None:
    est = shares(*(["100"] * 10))
    d = decide("FR", "art-25", est, ballots(agree=range(4)), later=[ballots(oppose=range(6))])
    assert d.outcome is Outcome.NOT_PASSED and d.stages[1].held


def test_fr_art_26_and_the_art_26_1_passerelle() -> None:
    est = shares(*(["100"] * 10))
    assert decide("FR", "art-26", est, ballots(agree=range(7))).stages[0].passed
    # 4 of 6 attending members hold 400 ≥ 1/3 of 1000: revote at Art. 25 (> 500) fails
    d = decide("FR", "art-26", est, ballots(agree=range(4), oppose=[4, 5]))
    assert d.stages[1].reached and d.outcome is Outcome.NOT_PASSED
    revote = ballots(agree=range(6))
    assert decide(
        "FR", "art-26", est, ballots(agree=range(4), oppose=[4, 5]), later=[revote]
    ).passed


def test_fr_majority_owner_cut_to_the_sum_of_the_others() -> None:
    est = shares("600", "100", "100", "100", "100")
    d = decide("FR", "art-25", est, ballots(agree=[0], abstain=[1]))
    first = d.stages[0]
    assert first.counts_uncapped[Weight.SHARES].agree == 600
    assert first.counts[Weight.SHARES].agree == 400
    assert first.counts[Weight.SHARES].total == 800
    assert first.cap_changed_outcome and not first.passed
    assert d.stages[1].passed  # 400 ≥ 1/3 of 800; Art. 24 among votes cast


def test_fr_proxy_limit_2019_alias_is_unconfirmed() -> None:
    assert fr.FR_ART_24.proxies is fr.FR_PROXY_LIMIT
    procedure = attrs.evolve(fr.FR_ART_24, proxies=fr.FR_PROXY_LIMIT_2019)
    _, matter, _ = lookup("FR", "art-24", on=ON)
    proxy = cg.Proxy("p", written_authorisation=True)
    small = shares(*(["1"] * 4 + ["1000"]))
    votes = [cg.Ballot(f"u{n}", "agree", proxy=proxy) for n in range(4)]
    within = decide_procedure(small, votes, procedure=procedure, matter=matter)
    assert within.stages[0].counts[Weight.SHARES].agree == 4  # 4 ≤ 10% of 1004
    assert "unconfirmed-rule-used" in [n.code for n in within.notices]
    big = shares(*(["100"] * 4 + ["100"]))
    over = decide_procedure(big, votes, procedure=procedure, matter=matter)
    assert over.stages[0].counts[Weight.SHARES].agree == 300
    assert "proxy-limit-exceeded" in [n.code for n in over.notices]
    three = decide_procedure(big, votes[:3], procedure=procedure, matter=matter)
    assert three.stages[0].counts[Weight.SHARES].agree == 300


def test_fr_needs_shares() -> None:
    with pytest.raises(cg.exceptions.ProcedureInputError, match="no shares") as info:
        decide("FR", "art-24", flat(2, shares=None), ballots(agree=[0]))
    assert info.value.field == "shares"


# --- Germany ----------------------------------------------------------------------------


@pytest.mark.parametrize(("agree", "passed"), [(2, False), (3, False), (4, True)])
def test_de_kopfprinzip_more_than_half_cast(agree: int, passed: bool) -> None:
    # owner "big" has 3 units but one vote; with 2 others 3 oppose: a tie fails
    rows = [(f"b{n}", "10", ("big",), "100") for n in range(3)]
    rows += [(f"u{n}", "10", (f"o{n}",), "100") for n in range(6)]
    est = estate(rows)
    votes = [cg.Ballot(f"u{n}", "agree") for n in range(agree)] + [
        cg.Ballot("u4", "oppose"),
        cg.Ballot("u5", "oppose"),
        cg.Ballot("b0", "oppose"),
    ]
    d = decide("DE", "ordinary", est, votes)
    assert d.stages[0].checks[0].denominator == agree + 3
    assert d.passed is passed


def test_de_voting_principle_is_switchable_and_dated() -> None:
    from community_governance.jurisdictions import de

    by_units = de.procedures(Weight.UNITS, virtual=True)
    matter = next(m for m in by_units if m.code == "ordinary")
    rows = [(f"b{n}", "10", ("big",), "100") for n in range(3)]
    rows += [(f"u{n}", "10", (f"o{n}",), "100") for n in range(2)]
    votes = [cg.Ballot("b0", "agree"), cg.Ballot("u0", "oppose"), cg.Ballot("u1", "oppose")]
    assert decide_procedure(estate(rows), votes, procedure=by_units[matter], matter=matter).passed
    with pytest.raises(cg.exceptions.UnknownMatterError) as info:
        lookup("DE", "virtual-meetings", on=date(2024, 10, 16))
    assert "ordinary" in info.value.known
    assert lookup("DE", "virtual-meetings", on=date(2024, 10, 17))[1].code == "virtual-meetings"
    with pytest.raises(cg.exceptions.RuleSetNotInForceError):
        lookup("DE", "ordinary", on=date(2020, 11, 30))


def test_de_cost_sharing_needs_half_of_all_shares() -> None:
    est = shares(*(["100"] * 10))
    assert not decide("DE", "structural-change-shared-costs", est, ballots(agree=range(5))).passed
    assert decide("DE", "structural-change-shared-costs", est, ballots(agree=range(6))).passed


# --- Japan ------------------------------------------------------------------------------


def test_jp_regime_change_on_2026_04_01() -> None:
    est, votes = flat(10), ballots(agree=range(4), oppose=[4, 5])
    before = decide("JP", "ordinary", est, votes, on=date(2026, 3, 31))
    after = decide("JP", "ordinary", est, votes, on=date(2026, 4, 1))
    assert not before.passed and after.passed
    with pytest.raises(cg.exceptions.UnknownMatterError):
        lookup("JP", "rebuilding-objective-grounds", on=date(2026, 3, 31))


@pytest.mark.parametrize(("attending", "passed"), [(5, False), (6, True)])
def test_jp_special_resolution_quorum_from_2026(attending: int, passed: bool) -> None:
    d = decide("JP", "rules", flat(10), ballots(agree=range(attending)), on=date(2026, 4, 1))
    assert d.passed is passed


@pytest.mark.parametrize(("agree", "passed"), [(7, False), (8, True), (9, True)])
def test_jp_rebuilding_four_fifths_of_all(agree: int, passed: bool) -> None:
    assert decide("JP", "rebuilding", flat(10), ballots(agree=range(agree))).passed is passed


def test_jp_rebuilding_on_objective_grounds_three_quarters() -> None:
    est = flat(20)
    on = date(2026, 4, 1)
    assert decide("JP", "rebuilding-objective-grounds", est, ballots(agree=range(15)), on=on).passed
    assert not decide(
        "JP", "rebuilding-objective-grounds", est, ballots(agree=range(14)), on=on
    ).passed


# --- Hong Kong --------------------------------------------------------------------------


@pytest.mark.parametrize(("attending", "passed"), [(9, False), (10, True), (11, True)])
def test_hk_quorum_by_owners_approval_by_shares(attending: int, passed: bool) -> None:
    est = flat(100)
    assert decide("HK", "general-meeting", est, ballots(agree=range(attending))).passed is passed


def test_hk_s30_needs_twenty_percent() -> None:
    est = flat(100)
    assert not decide("HK", "s30-resolution", est, ballots(agree=range(19))).passed
    assert decide("HK", "s30-resolution", est, ballots(agree=range(20))).passed


@pytest.mark.parametrize(("in_person", "passed"), [(4, False), (5, True), (6, True)])
def test_hk_in_person_minimum_from_2025_07_13(in_person: int, passed: bool) -> None:
    proxy = cg.Proxy("p", written_authorisation=True)
    votes = ballots(agree=range(in_person)) + [
        cg.Ballot(f"u{n}", "agree", proxy=proxy) for n in range(in_person, 20)
    ]
    d = decide("HK", "large-scale-maintenance", flat(100), votes, on=date(2025, 7, 13))
    assert d.passed is passed
    assert d.stages[0].floors[0].required == 5
    with pytest.raises(cg.exceptions.UnknownMatterError):
        lookup("HK", "large-scale-maintenance", on=date(2025, 7, 12))


def test_hk_appoint_committee_needs_thirty_percent_of_shares() -> None:
    est = flat(10)
    assert not decide("HK", "appoint-committee", est, ballots(agree=range(2))).passed
    assert decide("HK", "appoint-committee", est, ballots(agree=range(3))).passed


# --- registry, values and rendering -----------------------------------------------------


_ESTATE = flat(6)


@settings(deadline=None, max_examples=25)
@given(st.lists(st.sampled_from(["agree", "oppose", "abstain", "spoiled"]), max_size=6))
def test_adding_a_jurisdiction_never_changes_a_decision_under_another(choices: list[str]) -> None:
    cite = cg.Citation("library_design", "test")
    layer = cg.rules.Layer(
        "XX",
        "XX: Elsewhere Act",
        None,
        None,
        procedures={DeclaredMatter("m", "m", "m", cite): fr.FR_ART_24},
    )
    bigger = REGISTRY.with_jurisdiction(cg.rules.Jurisdiction("XX", "Elsewhere", ON, (layer,)))
    votes = [cg.Ballot(f"u{n}", choice) for n, choice in enumerate(choices)]
    for code in FOREIGN:
        mine = cg.rules_for(code, on=ON)
        theirs = cg.rules_for(code, on=ON, registry=bigger)
        assert mine == theirs
        for matter in mine.matters:
            first = decide_procedure(_ESTATE, votes, rules=mine, matter=matter.code)
            second = decide_procedure(_ESTATE, votes, rules=theirs, matter=matter)
            assert first == second


def test_registry_errors() -> None:
    with pytest.raises(cg.exceptions.UnknownJurisdictionError, match="ZZ"):
        lookup("ZZ", "x", on=ON)
    with pytest.raises(cg.exceptions.RuleSetInputError):
        lookup("FR", "art-24", on="2026-01-01")  # type: ignore[arg-type]
    rules = cg.rules_for("FR", on=ON)
    with pytest.raises(cg.exceptions.UnknownMatterError):
        rules.procedure(24)  # type: ignore[arg-type]
    foreign = DeclaredMatter("art-24", "x", "x", cg.Citation("library_design", "x"))
    with pytest.raises(cg.exceptions.UnknownMatterError):
        rules.procedure(foreign)
    with pytest.raises(cg.exceptions.UnknownMatterError, match="none"):
        cg.rules_for("CN", on=date(2022, 1, 1)).procedure("art-24")
    with pytest.raises(cg.exceptions.InvalidRuleError, match="procedures"):
        cg.rules.Layer("XX", "x", None, None, procedures={"art-24": fr.FR_ART_24})
    with pytest.raises(cg.exceptions.MissingResolutionError, match="art-24, art-25, art-26"):
        rules.resolution(cg.Matter.ELECT_COMMITTEE)  # a foreign set has no Chinese matters


def test_deprecated_pack_registry_still_works_and_warns() -> None:
    from community_governance import jurisdictions

    with pytest.deprecated_call():
        packs = jurisdictions.PACKS
    with pytest.deprecated_call():
        assert packs.pack("FR") == fr.PACK
    assert packs.codes == FOREIGN
    version, declared, procedure = packs.procedure("FR", "art-24", on=ON)
    assert (declared, procedure) == (lambda d, p: (d, p.value))(
        *cg.rules_for("FR", on=ON).procedure("art-24")
    )
    assert version.name == "FR: loi 65-557 (current text)" and version.in_force(ON)
    assert packs.pack("FR").matters(ON) == cg.rules_for("FR", on=ON).matters
    with pytest.raises(cg.exceptions.UnknownJurisdictionError, match="ZZ"):
        packs.procedure("ZZ", "x", on=ON)
    with pytest.raises(cg.exceptions.RuleSetInputError):
        packs.procedure("FR", "art-24", on="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(cg.exceptions.UnknownMatterError):
        packs.procedure("FR", 24, on=ON)  # type: ignore[arg-type]
    with pytest.raises(cg.exceptions.PackNotInForceError):
        packs.procedure("DE", "ordinary", on=date(2020, 11, 30))
    with pytest.deprecated_call(), pytest.raises(cg.exceptions.InvalidRuleError, match="unique"):
        packs.with_pack(packs.pack("FR"))
    with pytest.deprecated_call():
        vfr = packs.pack("FR").versions[0]
        with pytest.raises(cg.exceptions.InvalidRuleError, match="overlap"):
            Pack("YY", "y", (vfr, vfr))
        with pytest.raises(cg.exceptions.InvalidRuleError, match="procedures"):
            PackVersion("v", None, None, ON, {})
        with pytest.raises(cg.exceptions.InvalidRuleError, match="valid_from"):
            PackVersion("v", "2020", None, ON, dict(vfr.procedures))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        _ = jurisdictions.NOPE  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = fr.NOPE  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = jurisdictions.registry.NOPE  # type: ignore[attr-defined]


def test_rendering() -> None:
    d = decide(
        "TW",
        "general-resolution",
        flat(10),
        ballots(agree=range(5)),
        later=[ballots(agree=range(3))],
    )
    assert str(d) == repr(d)
    html = d._repr_html_()
    assert "<table" in html and "Art. 31" in html
    text = d.explain()
    assert "Stage Art. 32 reconvened meeting: held" in text
    assert "✓ met — persons attending: 3, at least 3 required" in text
    pending = decide("TW", "general-resolution", flat(10), ballots(agree=range(5)))
    assert "reached, not held" in pending.explain()
    fails = decide("FR", "art-25", shares(*(["100"] * 10)), ballots(agree=[0]))
    assert "not reached" in fails.explain()
    assert Weight.SHARES.label("zh") == "份额" and Weight.AREA.label() == "area"
    assert tw.TW_GENERAL.stages[0].tests[0].describe() == (
        "attending by units at least 2/3 of all owners"
    )


def test_stage_results_checks_and_floors_render_verdict_first() -> None:
    est, first = flat(10), ballots(agree=range(5))
    pending = decide("TW", "general-resolution", est, first)
    reached, unheld = pending.stages
    assert repr(unheld) == f"<StageResult not held: {unheld.stage.name}>"
    assert str(reached) == reached.line() and "\n" not in str(reached)
    assert reached.explain().startswith("not passed: ") and "\n  ✗ not met — " in reached.explain()
    assert "<table>" in reached._repr_html_() and "not passed" in reached._repr_html_()
    check = reached.checks[0]
    assert str(check) == check.line() and repr(check) == f"<ConditionCheck {check.line()}>"
    assert "Source" not in check._repr_html_() and "<td>" in check._repr_html_()
    failed = decide(
        "TW", "general-resolution", est, ballots(agree=[0]), later=[ballots(agree=[0, 1])]
    )
    floor = failed.stages[1].floors[0]
    assert str(floor).startswith("✗ not met — ") and repr(floor).startswith("<FloorCheck ✗")
    assert "at least 3 required" in floor.line() and "<table>" in floor._repr_html_()
    assert "✗ not met" in failed.stages[1].explain() and "<td>" in failed.stages[1]._repr_html_()
    passed = decide("TW", "general-resolution", est, ballots(agree=range(8)))
    assert passed.stages[0].line().startswith("passed: ")
    skipped = decide("TW", "general-resolution", est, ballots(agree=range(8))).stages
    assert len(skipped) == 1
