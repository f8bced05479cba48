"""Proxy predicates, in-person floors, Chinese explanations and stored procedure decisions."""

from __future__ import annotations

import copy
import warnings
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pytest

import community_governance as cg
from community_governance.jurisdictions import de, fr, hk, jp, tw
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import Condition, ConditionRole, Weight
from community_governance.voting.procedure import Outcome, ProcedureDecision, decide_procedure
from procedures import by, lots, tw_decision

ON = date(2026, 6, 1)
E = cg.exceptions


def fr_decide(
    estate: cg.Estate,
    ballots: list[cg.Ballot],
    *,
    include_unconfirmed: bool = False,
    capacities: dict[str, str] | None = None,
) -> ProcedureDecision:
    rules = cg.rules_for("FR", on=ON, include_unconfirmed=include_unconfirmed)
    return decide_procedure(estate, ballots, rules=rules, matter="art-24", capacities=capacities)


def codes(decision: ProcedureDecision) -> list[str]:
    return [notice.code for notice in decision.notices]


# --- France: how many delegations one holder may hold (Art. 22) -------------------------


@pytest.mark.parametrize("held", [3, 4])
def test_fr_three_delegations_or_fewer_are_always_counted(held: int) -> None:
    estate = lots(["100"] * 10)  # each lot is 10% of all votes: 4 lots exceed any share
    decision = fr_decide(estate, by("agent", range(held)))
    agree = decision.stages[0].counts[Weight.SHARES].agree
    if held == 3:
        assert agree == 300 and "proxy-limit-exceeded" not in codes(decision)
    else:
        assert agree == 300  # the fourth delegation is set aside
        notice = next(n for n in decision.notices if n.code == "proxy-limit-exceeded")
        assert notice.citation == fr.FR_PROXY_LIMIT.citation
        assert "agent holds 4 delegations, more than 3 unless within 1/10" in notice.en
        assert "loi 65-557 (France) Art. 22" in notice.text()
        assert "超过3份" in notice.zh and "o3" in notice.en


@pytest.mark.parametrize(("last", "within"), [("10", True), ("11", False)])
def test_fr_exception_share_at_the_bound_and_above(last: str, within: bool) -> None:
    # 40 lots: 39 of 10 and one of `last`; 10% of all votes is 40 (or 40.1)
    estate = lots(["10"] * 39 + [last])
    decision = fr_decide(estate, by("agent", [36, 37, 38, 39]))
    agree = decision.stages[0].counts[Weight.SHARES].agree
    if within:  # 40 ≤ 10% of 400: counted, flagged because the 10% is unconfirmed
        assert agree == 40
        flag = next(n for n in decision.notices if n.code == "proxy-limit-exception-unconfirmed")
        assert flag.citation == fr.FR_PROXY_LIMIT.within_citation
        assert "unconfirmed" in flag.en and "未经核实" in flag.zh
    else:  # 41 > 10% of 401: the fourth delegation (11 votes) is set aside
        assert agree == 30
        assert "proxy-limit-exceeded" in codes(decision)


def test_fr_unconfirmed_share_admitted_counts_without_the_flag() -> None:
    estate = lots(["10"] * 40)
    decision = fr_decide(estate, by("agent", [36, 37, 38, 39]), include_unconfirmed=True)
    assert decision.stages[0].counts[Weight.SHARES].agree == 40
    assert "proxy-limit-exception-unconfirmed" not in codes(decision)
    assert "unconfirmed-rule-used" in codes(decision)


def test_fr_holder_own_votes_count_towards_the_share() -> None:
    estate = lots(["10"] * 40)
    # o0 holds four delegations (40 votes) and owns 10 more: 50 > 40, so the fourth is cut
    decision = fr_decide(estate, [cg.Ballot("u0", "agree"), *by("o0", [36, 37, 38, 39])])
    assert decision.stages[0].counts[Weight.SHARES].agree == 40
    assert "proxy-limit-exceeded" in codes(decision)


def test_whole_limit_at_medium_confidence_has_no_separate_share_citation() -> None:
    procedure = attrs.evolve(fr.FR_ART_24, proxies=fr.FR_PROXY_LIMIT_2019)
    matter, _ = cg.rules_for("FR", on=ON).procedure("art-24")
    decision = decide_procedure(
        lots(["10"] * 40), by("agent", range(4)), procedure=procedure, matter=matter
    )
    assert decision.stages[0].counts[Weight.SHARES].agree == 40
    assert "proxy-limit-exception-unconfirmed" not in codes(decision)


# --- who may hold a proxy -------------------------------------------------------------------


def test_fr_syndic_may_not_hold_a_proxy() -> None:
    estate = lots(["100"] * 10)
    decision = fr_decide(estate, by("S", [0, 1]), capacities={"S": "syndic"})
    assert decision.stages[0].counts[Weight.SHARES].attending == 0
    notice = next(n for n in decision.notices if n.code == "proxy-holder-not-allowed")
    assert notice.citation == fr.FR_PROXY_LIMIT.citation
    assert "S (syndic) may not hold a proxy (allowed: anyone; excluded: syndic" in notice.en
    allowed = fr_decide(estate, by("N", [0, 1]), capacities={"N": "neighbour"})
    assert allowed.stages[0].counts[Weight.SHARES].agree == 200
    assert "proxy-holder-unchecked" not in codes(allowed)


def test_a_holder_whose_capacity_is_not_given_is_reported_unchecked() -> None:
    decision = fr_decide(lots(["100"] * 10), by("X", [0]))
    notice = next(n for n in decision.notices if n.code == "proxy-holder-unchecked")
    assert "X" in notice.en and notice.citation == fr.FR_PROXY_LIMIT.citation


@pytest.mark.parametrize(("capacity", "counted"), [("tenant", True), ("friend", False)])
def test_tw_proxy_holders_are_listed(capacity: str, counted: bool) -> None:
    units = [cg.Unit(f"u{n}", "100", (f"o{n}",)) for n in range(10)]
    estate = cg.Estate(units=units, owners=[cg.Owner(f"o{n}") for n in range(10)])
    rules = cg.rules_for("TW", on=ON)
    decision = decide_procedure(
        estate,
        by("h", [0]),
        rules=rules,
        matter="general-resolution",
        capacities={"h": capacity},
    )
    assert (decision.stages[0].counts[Weight.UNITS].attending == 1) is counted
    if not counted:
        notice = next(n for n in decision.notices if n.code == "proxy-holder-not-allowed")
        assert "allowed: spouse, adult lineal relative, another owner, tenant" in notice.en
        assert notice.citation == tw.TW_PROXIES.citation


# --- Hong Kong: in-person minimum from 2025-07-13 ---------------------------------------


def hk_meeting(owners: int, in_person: int, by_proxy: int) -> list[cg.Ballot]:
    return [cg.Ballot(f"u{n}", "agree") for n in range(in_person)] + by(
        "agent", range(in_person, in_person + by_proxy)
    )


@pytest.mark.parametrize(("in_person", "passed"), [(99, False), (100, True), (101, True)])
def test_hk_in_person_floor_is_the_lesser_of_five_percent_and_100(
    in_person: int, passed: bool
) -> None:
    estate = lots(["1"] * 2100)  # 5% of 2,100 owners is 105; the lesser is 100
    rules = cg.rules_for("HK", on=date(2025, 7, 13))
    ballots = hk_meeting(2100, in_person, 220 - in_person)
    decision = decide_procedure(estate, ballots, rules=rules, matter="large-scale-maintenance")
    floor = decision.stages[0].floors[0]
    assert (floor.required, floor.actual) == (100, in_person)
    assert all(check.passed for check in decision.stages[0].checks)
    assert decision.passed is passed
    breach = [n for n in decision.notices if n.code == "floor-not-met"]
    assert bool(breach) is not passed
    if not passed:
        assert breach[0].citation == floor.citation and "99, fewer than the 100" in breach[0].en
        assert "亲自投票的业主99，少于规定的100" in breach[0].zh
        assert "2024 amendment" in decision.explain() and "✗ not met" in floor.line()
        assert "亲自投票的业主：99，应不少于100" in decision.explain("zh")


def test_hk_in_person_floor_starts_on_2025_07_13() -> None:
    estate = lots(["1"] * 100)
    all_by_proxy = hk_meeting(100, 0, 20)
    before = cg.rules_for("HK", on=date(2025, 7, 12))
    with pytest.raises(E.UnknownMatterError, match="general-meeting"):
        before.procedure("large-scale-maintenance")
    earlier = decide_procedure(estate, all_by_proxy, rules=before, matter="general-meeting")
    assert earlier.passed and not earlier.stages[0].floors
    after = cg.rules_for("HK", on=date(2025, 7, 13))
    day = decide_procedure(estate, all_by_proxy, rules=after, matter="large-scale-maintenance")
    assert not day.passed and day.stages[0].floors[0].required == 5


# --- arguments ----------------------------------------------------------------------------


def test_decide_procedure_arguments() -> None:
    estate, rules = lots(["10"] * 3), cg.rules_for("FR", on=ON)
    matter, procedure = rules.procedure("art-24")
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], rules=rules, procedure=procedure.value, matter=matter)
    assert info.value.field == "rules"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], matter=matter)
    assert info.value.field == "rules"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], procedure="art-24", matter=matter)  # type: ignore[arg-type]
    assert info.value.field == "procedure" and info.value.value == "art-24"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], procedure=procedure.value, matter="art-24")
    assert info.value.field == "matter" and info.value.value == "art-24"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], rules="FR", matter="art-24")  # type: ignore[arg-type]
    assert info.value.field == "rules" and info.value.value == "FR"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(estate, [], rules=rules, matter=24)  # type: ignore[arg-type]
    assert info.value.field == "matter"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure("x", [], rules=rules, matter="art-24")  # type: ignore[arg-type]
    assert info.value.field == "estate"
    for bad in ("syndic", {"S": 1}, {2: "syndic"}):
        with pytest.raises(E.VotingInputError) as info:
            decide_procedure(estate, [], rules=rules, matter="art-24", capacities=bad)  # type: ignore[arg-type]
        assert info.value.field == "capacities"
    with pytest.raises(E.UnknownMatterError):
        decide_procedure(estate, [], rules=rules, matter="art-99")


# --- the one registry, deprecated views ---------------------------------------------------


@pytest.mark.parametrize("module", [tw, jp, de, hk, fr], ids=lambda m: m.__name__[-2:])
def test_every_foreign_module_is_one_registered_jurisdiction(module: Any) -> None:
    item = module.JURISDICTION
    assert cg.jurisdictions.REGISTRY.get(item.code) is item
    assert item.layers == module.LAYERS
    with pytest.deprecated_call():
        pack = module.PACK
    assert pack.code == item.code and [v.name for v in pack.versions] == [
        layer.name for layer in item.layers if layer.procedures
    ]
    with pytest.raises(AttributeError):
        _ = module.NOPE


def test_declared_matters_and_layers() -> None:
    with pytest.raises(E.InvalidRuleError) as info:
        DeclaredMatter("Art 24", "x", "x", cg.Citation("library_design", "x"))
    assert info.value.field == "code"
    assert cg.rules_for("CN", on=date(2022, 1, 1)).matters == ()
    rules = cg.rules_for("FR", on=ON)
    matter = rules.matters[1]
    assert rules.procedure(matter)[0] is matter
    assert rules.procedure(matter)[1].layer == "FR: loi 65-557 (current text)"


# --- Chinese explanation, HTML, stored decisions --------------------------------------------


def ballots_of(*units: str) -> list[cg.Ballot]:
    return [cg.Ballot(unit, "agree") for unit in units]


def test_explain_in_chinese_uses_the_statute_wording() -> None:
    decision = tw_decision(["d0", "u3", "u4"])
    text = decision.explain("zh")
    assert text.startswith("事项：区分所有权人会议一般决议（「區分所有權人會議決議」）")
    assert (
        "阶段「全体业主户数三分之二以上出席，且全体业主所持面积三分之二以上出席，且出席者户数"
        "四分之三以上同意，且出席者所持面积四分之三以上同意」（《公寓大廈管理條例》第31条"
        "（2022年文本）〔高可信度〕）：已表决" in text
    )
    assert "出席（按户数计）占全体业主三分之二以上" in text
    assert "同意（按户数计）占出席的业主过半数" in text
    assert "按户数计封顶后：出席 7 → 4" in text and "不封顶时" in text
    assert "出席的人数：3，应不少于3" in text
    assert "异议 ✗ 未达到推翻条件 — 书面异议（按户数计）占全体业主过半数" in text
    assert "《公寓大廈管理條例》" in text and "同意（按户数计）占全体业主" not in text
    pending = tw_decision(None)
    assert decision.outcome is Outcome.PASSED and pending.outcome is Outcome.PROVISIONAL
    assert "暂定" in pending.explain("zh")
    unheld = decide_procedure(
        lots(["1"] * 10),
        [cg.Ballot("u0", "agree")],
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
    )
    assert "已进入，未表决" in unheld.explain("zh") and "待定" in unheld.explain("zh")
    fails = fr_decide(lots(["100"] * 10), [cg.Ballot("u0", "oppose")])
    assert fails.explain("zh").endswith("未通过") or "未通过" in fails.explain("zh")
    art25 = decide_procedure(
        lots(["100"] * 10),
        [cg.Ballot("u0", "agree")],
        rules=cg.rules_for("FR", on=ON),
        matter="art-25",
    )
    assert "未进入" in art25.explain("zh")
    assert "说明：FR在2026-06-01没有已核实的选举规则数据" in art25.explain("zh")


def test_condition_wording_in_chinese() -> None:
    cite = cg.Citation("library_design", "x")
    gt, ge = cg.Comparator.MORE_THAN, cg.Comparator.AT_LEAST
    more = Condition(ConditionRole.AGREE, Weight.AREA, cg.Base.ALL, gt, Fraction(2, 3), cite)
    everyone = Condition(ConditionRole.AGREE, Weight.PERSONS, cg.Base.ALL, ge, 1, cite)
    assert more.describe("zh") == "同意（按面积计）占全体业主超过三分之二"
    assert everyone.describe("zh") == "同意（按人数计）占全体业主全部"


def test_repr_and_html() -> None:
    decision = tw_decision(["d0", "u3", "u4"])
    assert repr(decision) == (
        "<ProcedureDecision PASSED: general-resolution; 2 stage(s) held; TW on 2026-06-01>"
    )
    html = decision._repr_html_()
    assert html.count("<tr>") > 8 and "persons attending" in html and "Art. 32(2)" in html


STORED = {
    "tw-passed": lambda: tw_decision(["d0", "u3", "u4"]),
    "tw-provisional": lambda: tw_decision(None),
    "tw-pending": lambda: decide_procedure(
        lots(["1"] * 10),
        ballots_of("u0"),
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
    ),
    "fr-passerelle": lambda: decide_procedure(
        lots(["600", "100", "100", "100", "100"]),
        [cg.Ballot("u0", "agree"), cg.Ballot("u1", "abstain")],
        rules=cg.rules_for("FR", on=ON),
        matter="art-25",
    ),
    "hk-floor": lambda: decide_procedure(
        lots(["1"] * 100),
        hk_meeting(100, 2, 18),
        rules=cg.rules_for("HK", on=date(2025, 7, 13)),
        matter="large-scale-maintenance",
    ),
}


@pytest.mark.parametrize("name", sorted(STORED))
def test_to_dict_and_back(name: str) -> None:
    decision = STORED[name]()
    data = decision.to_dict()
    assert data["schema"] == "community_governance.procedure_decision/1"
    assert ProcedureDecision.from_dict(copy.deepcopy(data)) == decision


def tamper(name: str, change: Any) -> dict[str, Any]:
    data = STORED[name]().to_dict()
    change(data)
    return data


@pytest.mark.parametrize(
    ("name", "change", "field"),
    [
        ("tw-passed", lambda d: d.update(outcome="overturned"), "outcome"),
        ("tw-passed", lambda d: d["stages"][0]["checks"][0].update(passed=True), "passed"),
        ("tw-passed", lambda d: d["stages"][0]["checks"][0].update(numerator="7"), "numerator"),
        (
            "tw-passed",
            lambda d: d["stages"][0]["uncapped"][1].update(denominator="9"),
            "denominator",
        ),
        ("tw-passed", lambda d: d["stages"][1]["floors"][0].update(passed=False), "passed"),
        ("tw-passed", lambda d: d["stages"][1]["objections"][0].update(passed=True), "passed"),
        ("tw-passed", lambda d: d["stages"][1].update(reached=False), "reached"),
        ("tw-passed", lambda d: d["stages"][0]["checks"].pop(), "length"),
        (
            "tw-passed",
            lambda d: d["stages"][0]["checks"].insert(0, d["stages"][0]["checks"].pop()),
            "condition",
        ),
        ("tw-passed", lambda d: d["stages"][0]["counts"].pop("units"), "counts"),
        ("fr-passerelle", lambda d: d["stages"][1]["entry"][0].update(passed=False), "passed"),
        ("hk-floor", lambda d: d.update(outcome="passed"), "outcome"),
    ],
)
def test_a_stored_derived_fact_that_disagrees_is_refused(
    name: str, change: Any, field: str
) -> None:
    with pytest.raises(E.DerivedFactMismatchError) as info:
        ProcedureDecision.from_dict(tamper(name, change))
    assert info.value.field == field


def test_floats_and_other_schemas_are_refused() -> None:
    data = tamper("fr-passerelle", lambda d: d["stages"][0]["counts"]["shares"].update(total=1.5))
    with pytest.raises(E.GovernanceError, match="float"):
        ProcedureDecision.from_dict(data)
    with pytest.raises(E.InvalidDataError):
        ProcedureDecision.from_dict(tamper("fr-passerelle", lambda d: d.update(schema="x/1")))


def test_no_warning_from_the_new_api() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cg.rules_for("HK", on=date(2025, 7, 13)).procedure("s30-resolution")
