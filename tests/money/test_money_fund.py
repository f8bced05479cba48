"""The fund ledger, emergency use, charges, and the jurisdictions' money data."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import attrs
import pytest

from community_governance import rules_for
from community_governance._base.citations import Citation
from community_governance.exceptions import (
    InsufficientFundError,
    InvalidParameterError,
    MissingParameterError,
    MoneyError,
    MoneyTypeError,
)
from community_governance.jurisdictions.cn import (
    MEASURES_2007_SCOPED_CONSENT,
    MONEY_RULES,
    PROPERTY_RIGHTS_LAW_2007,
)
from community_governance.jurisdictions.cn_sh import SHANGHAI_MONEY_RULES
from community_governance.money import (
    Charge,
    EmergencyApplication,
    Entry,
    EntryKind,
    Fund,
    Pledges,
    apportion,
    check_emergency,
    decision_needed,
    fee_adjustment,
)
from community_governance.register import Estate
from community_governance.rules import Layer, Matter, MoneyParams, Param
from community_governance.rules.money import (
    DESIGN_LARGEST_REMAINDER,
    Applicant,
    ChargeKind,
    EmergencyProcedure,
    EmergencyStep,
    FirstDeposit,
    MatterReading,
    MoneyRules,
    Rounding,
)
from community_governance.rules.ruleset import Topic

D1, D2, D3 = date(2024, 1, 1), date(2024, 6, 1), date(2024, 9, 1)

#: The rule sets in force on D2: the Civil Code's emergency procedure is confirmed; the 2007
#: Measures' values (Arts. 7, 17) are medium confidence and need include_unconfirmed=True.
CN = rules_for("CN", on=D2)
CN_ALL = rules_for("CN", on=D2, include_unconfirmed=True)
SH = rules_for("CN-SH", on=D2)
EMERGENCY = CN.money.emergency.value  # type: ignore[union-attr]


@pytest.fixture
def estate() -> Estate:
    return Estate.from_records(
        [
            {"unit": "1-101", "area": "100", "owners": ["Li"]},
            {"unit": "1-102", "area": "50", "owners": ["Wang"]},
            {"unit": "2-101", "area": "50", "owners": ["Zhao"]},
        ]
    )


@pytest.fixture
def fund(estate: Estate) -> Fund:
    return Fund.open(estate).deposit(apportion("2000", estate), on=D1, purpose="first deposit")


def test_deposit_and_balances_with_history(estate: Estate, fund: Fund) -> None:
    assert fund.balances() == {"1-101": 100000, "1-102": 50000, "2-101": 50000}
    lift = apportion("600", estate, scope=["1-101", "1-102"])
    after = fund.draw(lift, on=D2, purpose="building 1 lift")
    assert after.balances() == {"1-101": 60000, "1-102": 30000, "2-101": 50000}
    assert after.balances(on=D1) == fund.balances()
    assert after.balance(("2-101",)) == 50000
    assert [e.kind for e in after.entries] == [EntryKind.DEPOSIT, EntryKind.DRAW]
    assert fund.entries[0].notices == ()
    assert repr(after).startswith("<Fund balance 1400.00 yuan")
    assert str(after) == repr(after)
    assert "building 1 lift" in after._repr_html_()
    data = after.to_dict()
    assert data["balances_fen"]["1-101"] == 60000 and data["entries"][1]["kind"] == "draw"


def test_short_draw_is_refused_or_flagged(estate: Estate, fund: Fund) -> None:
    big = apportion("1600", estate, scope=["1-101", "1-102"])
    with pytest.raises(InsufficientFundError) as caught:
        fund.draw(big, on=D2)
    assert caught.value.short == 10000
    flagged = fund.draw(big, on=D2, allow_short=True)
    codes = [n.code for n in flagged.entries[-1].notices]
    assert codes == ["fund-short", "unit-overdrawn"]


def test_draw_exactly_the_scoped_balance_is_allowed(estate: Estate, fund: Fund) -> None:
    exact = apportion("1500", estate, scope=["1-101", "1-102"])
    assert fund.draw(exact, on=D2).balance(("1-101", "1-102")) == 0
    over = apportion("1500.01", estate, scope=["1-101", "1-102"])
    with pytest.raises(InsufficientFundError):
        fund.draw(over, on=D2)


def test_a_unit_overdrawn_within_a_covered_scope_is_flagged(estate: Estate, fund: Fund) -> None:
    uneven = apportion(
        "900", estate, "share", shares={"1-101": "1", "1-102": "2"}, scope=["1-101", "1-102"]
    )
    after = fund.draw(uneven, on=D2)
    assert [n.code for n in after.entries[-1].notices] == ["unit-overdrawn"]


def test_bad_ledger_inputs(estate: Estate, fund: Fund) -> None:
    split = apportion("1", estate)
    with pytest.raises(MoneyTypeError):
        Fund.open("estate")  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError):
        fund.draw("1", on=D2)  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError):
        fund.draw(split, on=datetime(2024, 6, 1))
    with pytest.raises(MoneyTypeError):
        fund.draw(split, on=D2, allow_short="no")  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="before"):
        fund.draw(split, on=date(2023, 1, 1))
    other = Estate.from_records([{"unit": "9-9", "area": "1", "owners": ["X"]}])
    with pytest.raises(MoneyError, match="sub-account"):
        fund.deposit(apportion("1", other), on=D2)


def test_replenishment_below_thirty_percent(estate: Estate, fund: Fund) -> None:
    first = fund.balances()
    assert CN_ALL.money.replenish_below is not None
    below = fund.draw(apportion("700.01", estate, scope=["1-101"]), on=D2)
    assert below.to_replenish(first, CN_ALL) == ("1-101",)
    exactly = fund.draw(apportion("700", estate, scope=["1-101"]), on=D2)  # 30 % left: not below
    assert exactly.to_replenish(first, CN_ALL) == ()
    for bad in ({"9-9": 1}, {"1-101": "1"}, {"1-101": -1}):
        with pytest.raises(MoneyError, match="first deposit"):
            fund.to_replenish(bad, CN_ALL)  # type: ignore[arg-type]


def test_emergency_procedure_checked_not_voted(estate: Estate, fund: Fund) -> None:
    procedure = CN
    split = apportion("300", estate, scope=["1-101", "1-102"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    result = check_emergency(application, procedure, fund)
    assert result.passed
    assert repr(result).startswith("<ProcedureCheck PASSED")
    assert str(result) == repr(result)
    assert "281(2)" in result._repr_html_()
    assert [n.code for n in result.notices] == ["emergency-audited-not-required"]
    fund.draw(split, on=D2, purpose="emergency lift repair")
    bad = attrs.evolve(application, applicant=Applicant.PROPERTY_COMPANY, published=False)
    failed = check_emergency(bad, procedure, fund)
    assert not failed.passed
    assert repr(failed).startswith("<ProcedureCheck FAILED applicant, published")
    step = failed.steps[0]
    assert repr(step).startswith("<StepCheck ✗ not met — ") and str(step) == step.line()
    assert "<table>" in step._repr_html_() and "not met" in step._repr_html_()
    met = result.steps[0]
    assert str(met).startswith("✓ met") and "<td>met</td>" in met._repr_html_()


@pytest.mark.parametrize("field", ["endangers_safety", "published", "audited"])
def test_each_declared_fact_can_fail(estate: Estate, fund: Fund, field: str) -> None:
    audited = EmergencyProcedure(
        {Applicant.COMMITTEE},
        tuple((step, EMERGENCY.citation) for step in EmergencyStep),
        EMERGENCY.citation,
    )
    split = apportion("300", estate, scope=["1-101"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    layer = Layer(
        "estate",
        "estate: audited emergency use",
        None,
        None,
        topic="money",
        money=MoneyParams(emergency=Param(audited, EMERGENCY.citation)),
    )
    rules = CN.with_layer(layer)
    assert rules.money.emergency is not None and rules.money.emergency.layer == layer.name
    assert check_emergency(application, rules, fund).passed
    failing = check_emergency(attrs.evolve(application, **{field: False}), rules, fund)
    assert not failing.passed and failing.notices == ()


def test_emergency_balance_boundary(estate: Estate, fund: Fund) -> None:
    for amount, ok in (("1000", True), ("1000.01", False)):
        split = apportion(amount, estate, scope=["1-101"])
        app = EmergencyApplication(Applicant.ASSEMBLY, True, split, True, False)
        assert check_emergency(app, SH, fund).passed is ok


def test_emergency_bad_inputs(estate: Estate, fund: Fund) -> None:
    with pytest.raises(MoneyTypeError, match="application"):
        check_emergency("app", CN, fund)  # type: ignore[arg-type]
    split = apportion("1", estate, scope=["1-101"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    with pytest.raises(MoneyTypeError, match="fund"):
        check_emergency(application, CN, "fund")  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="RuleSet"):
        check_emergency(application, "CN", fund)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        EmergencyApplication(Applicant.COMMITTEE, "yes", apportion("1", estate), True, True)  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError):
        EmergencyProcedure(set(), (), EMERGENCY.citation)
    with pytest.raises(MoneyTypeError):
        EmergencyProcedure("committee", (), EMERGENCY.citation)  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="steps"):
        EmergencyProcedure({Applicant.COMMITTEE}, [EmergencyStep.SCOPE], EMERGENCY.citation)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("charge", "needed", "matter"),
    [
        (Charge(ChargeKind.FUND_DRAW), True, Matter.USE_MAINTENANCE_FUND),
        (Charge(ChargeKind.LEVY, replenishes_fund=True), True, Matter.RAISE_MAINTENANCE_FUND),
        (Charge(ChargeKind.LEVY), True, Matter.OTHER_MAJOR_MATTER),
        (Charge(ChargeKind.OPT_IN, on_common_parts=True), True, Matter.CHANGE_USE_OF_COMMON_PARTS),
        (Charge(ChargeKind.OPT_IN), False, None),
        (Charge(ChargeKind.PLEDGE), False, None),
    ],
)
def test_which_charges_need_a_decision(charge: Charge, needed: bool, matter: Matter | None) -> None:
    need = decision_needed(charge)
    assert need.needed is needed and need.matter is matter
    assert repr(need).startswith("<DecisionNeed " + ("NEEDED" if needed else "NOT NEEDED"))
    assert str(need) == repr(need) and need._repr_html_().startswith(
        '<div class="community-governance">'
    )


def test_charge_bad_inputs() -> None:
    with pytest.raises(MoneyTypeError):
        decision_needed("levy")  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="kind") as kind:
        Charge("levy")  # type: ignore[arg-type]
    assert kind.value.field == "kind" and kind.value.value == "levy"
    with pytest.raises(MoneyTypeError, match="replenishes_fund") as flag:
        Charge(ChargeKind.LEVY, replenishes_fund="yes")  # type: ignore[arg-type]
    assert flag.value.field == "replenishes_fund"
    with pytest.raises(MoneyTypeError, match="on_common_parts"):
        Charge(ChargeKind.OPT_IN, on_common_parts=1)  # type: ignore[arg-type]


def test_pledges() -> None:
    wall = Pledges.of("5000", {"1-101": "3000", "1-102": "1999.99"})
    assert wall.raised == 499999 and wall.short == 1
    assert repr(wall).startswith("<Pledges SHORT 0.01 yuan")
    covered = Pledges.of("5000", {"1-101": "5000"})
    assert covered.short == 0 and repr(covered).startswith("<Pledges COVERED")
    assert str(covered) == repr(covered) and "<td>1-101</td>" in covered._repr_html_()
    with pytest.raises(MoneyTypeError):
        Pledges.of("1", [("a", "1")])  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Pledges.of("1", {"": "1"})
    with pytest.raises(MoneyTypeError):
        Pledges.of("1", {"a": 1.0})


def test_rule_values_validate() -> None:
    cite = EMERGENCY.citation
    with pytest.raises(MoneyError):
        FirstDeposit(Fraction(8, 100), Fraction(5, 100), cite)
    with pytest.raises(MoneyError):
        FirstDeposit(Fraction(0), Fraction(5, 100), cite)
    with pytest.raises(MoneyError):
        FirstDeposit("5%", Fraction(5, 100), cite)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        MatterReading("other", cite)  # type: ignore[arg-type]
    assert MoneyRules().first_deposit is None


def test_national_and_shanghai_money_data() -> None:
    first = CN_ALL.money.first_deposit
    assert first is not None and (first.value.low, first.value.high) == (
        Fraction(1, 20),
        Fraction(2, 25),
    )
    assert not first.citation.confirmed  # published copies only
    assert first.layer == "CN: Civil Code Art. 281 + Maintenance Fund Measures 2007 (money)"
    fee = CN_ALL.money.fee_adjustment
    assert fee is not None and fee.value.matter is Matter.OTHER_MAJOR_MATTER
    assert CN.money.scoped is None and CN_ALL.money.scoped is None
    scoped = SH.money.scoped
    assert scoped is not None and scoped.value is True and scoped.citation.confirmed
    assert scoped.layer == "CN-SH: Provisions Arts. 35 and 69 (money)"
    assert SH.money.emergency == CN.money.emergency
    # medium-confidence values stay out of default rule sets
    assert CN.money.first_deposit is None and CN.money.replenish_below is None


def test_money_values_are_dated() -> None:
    # 2008-02-01 to 2020-12-31: the 2007 Measures alone, no emergency procedure encoded
    measures = rules_for("CN", on=date(2008, 2, 1), include_unconfirmed=True)
    assert measures.money.replenish_below is not None
    assert measures.money.replenish_below.layer == "CN: Maintenance Fund Measures 2007 (money)"
    assert measures.money.emergency is None
    assert rules_for("CN", on=date(2020, 12, 31)).money.emergency is None
    civil = rules_for("CN", on=date(2021, 1, 1)).money.emergency
    assert civil is not None and civil.citation.article == "281(2)"
    # Shanghai's scoped rule from the 2020 text (2020-12-30), the national values below it
    assert rules_for("CN-SH", on=date(2020, 12, 29)).money.scoped is None
    assert rules_for("CN-SH", on=date(2020, 12, 30)).money.scoped is not None


@pytest.mark.parametrize("code", ["CN", "CN-SH"])
def test_before_the_measures_a_notice_and_no_value(code: str) -> None:
    before = rules_for(code, on=date(2008, 1, 31), include_unconfirmed=True)
    assert attrs.asdict(before.money, recurse=False) == dict.fromkeys(
        f.name for f in attrs.fields(MoneyParams)
    )
    money = [n for n in before.notices if n.code == "layer-missing" and " money " in n.en]
    assert [n.en.split(" of ")[1].split()[0] for n in money] == (
        ["CN", "CN-SH"] if code == "CN-SH" else ["CN"]
    )
    assert "2008-01-31" in money[0].en and "专项维修资金" in money[0].zh
    after = rules_for(code, on=date(2008, 2, 1), include_unconfirmed=True)
    assert not any(" money rules of CN " in n.en for n in after.notices)
    assert after.money.first_deposit is not None


def test_missing_money_values_raise_naming_them(estate: Estate, fund: Fund) -> None:
    old = rules_for("CN", on=date(2015, 1, 1))
    split = apportion("1", estate, scope=["1-101"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    with pytest.raises(MissingParameterError, match=r"money\.emergency") as info:
        check_emergency(application, old, fund)
    assert info.value.param == "money.emergency"
    assert "include_unconfirmed" in str(info.value)
    with pytest.raises(MissingParameterError, match=r"money\.replenish_below"):
        fund.to_replenish({}, CN)
    with pytest.raises(MissingParameterError, match=r"money\.fee_adjustment"):
        fee_adjustment(CN)
    everything = rules_for("CN", on=date(2015, 1, 1), include_unconfirmed=True)
    with pytest.raises(MissingParameterError) as admitted:
        check_emergency(application, everything, fund)
    assert "include_unconfirmed" not in str(admitted.value)


def test_fee_adjustment_reading() -> None:
    reading = fee_adjustment(rules_for("CN-SH", on=D2, include_unconfirmed=True))
    assert reading.matter is Matter.OTHER_MAJOR_MATTER
    assert reading.citation.article == "278(1)(9)"
    with pytest.raises(MoneyTypeError, match="RuleSet"):
        fee_adjustment("CN")  # type: ignore[arg-type]


def test_replenish_bad_rules(fund: Fund) -> None:
    with pytest.raises(MoneyTypeError, match="RuleSet"):
        fund.to_replenish({}, (0.3, EMERGENCY.citation))  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="RuleSet"):
        fund.to_replenish({}, "CN")  # type: ignore[arg-type]


def test_deprecated_undated_values_still_work(estate: Estate, fund: Fund) -> None:
    first = fund.balances()
    below = fund.draw(apportion("700.01", estate, scope=["1-101"]), on=D2)
    with pytest.warns(DeprecationWarning, match="rules_for"):
        assert below.to_replenish(first, MONEY_RULES.replenish_below) == ("1-101",)  # type: ignore[arg-type]
    split = apportion("300", estate, scope=["1-101"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    with pytest.warns(DeprecationWarning, match="EmergencyProcedure"):
        old = check_emergency(application, SHANGHAI_MONEY_RULES.emergency, fund)  # type: ignore[arg-type]
    assert old == check_emergency(application, SH, fund)
    assert MONEY_RULES.fee_adjustment == fee_adjustment(CN_ALL)
    assert SHANGHAI_MONEY_RULES.scoped == SH.money.scoped.citation  # type: ignore[union-attr]
    assert MONEY_RULES.emergency == EMERGENCY


def test_apportion_takes_the_rule_sets_rounding(estate: Estate) -> None:
    design = apportion("1", estate, rules=CN)
    assert design.rounding is Rounding.LARGEST_REMAINDER
    assert design.citation == DESIGN_LARGEST_REMAINDER == apportion("1", estate).citation
    cite = Citation("estate_rules", "12")
    layer = Layer(
        "estate",
        "estate: rounding",
        None,
        None,
        topic="money",
        money=MoneyParams(rounding=Param(Rounding.LARGEST_REMAINDER, cite)),
    )
    declared = apportion("1", estate, rules=CN.with_layer(layer))
    assert declared.citation == cite and declared.parts == design.parts
    with pytest.raises(MoneyTypeError, match="rules"):
        apportion("1", estate, rules="CN")  # type: ignore[arg-type]


def test_money_params_validate() -> None:
    with pytest.raises(InvalidParameterError, match="replenish_below"):
        MoneyParams(replenish_below=Param(0.3, EMERGENCY.citation))  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="scoped"):
        MoneyParams(scoped=Param(1, EMERGENCY.citation))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Layer("estate", "x", None, None, money="scoped")  # type: ignore[arg-type]
    assert Topic.MONEY.label("zh") == "专项维修资金与费用规则"


def test_measures_consent_matches_the_property_rights_law_tier() -> None:
    prl = dict(PROPERTY_RIGHTS_LAW_2007.resolutions)[Matter.USE_MAINTENANCE_FUND]
    figures = {(t.measure, t.base, t.comparator, t.ratio) for t in prl.approval}
    ours = {
        (t.measure, t.base, t.comparator, t.ratio) for t in MEASURES_2007_SCOPED_CONSENT.approval
    }
    assert figures == ours


def test_balance_of_a_unit_named_twice_counts_it_once(fund: Fund) -> None:
    assert fund.balance(["1-101", "1-101"]) == fund.balance(("1-101",)) == 100000
    assert fund.balance(("1-101", "1-102", "1-101")) == 150000


def test_to_replenish_refuses_first_deposits_that_are_not_a_mapping(fund: Fund) -> None:
    with pytest.raises(MoneyTypeError, match="first"):
        fund.to_replenish([("1-101", 100)], CN_ALL)  # type: ignore[arg-type]


def test_an_entry_built_directly_is_checked(estate: Estate) -> None:
    split = apportion("1", estate)
    assert Entry(D1, EntryKind.DEPOSIT, split, "x").purpose == "x"
    for args, match in (
        (("2024-01-01", EntryKind.DEPOSIT, split), "on"),
        ((datetime(2024, 1, 1), EntryKind.DEPOSIT, split), "on"),
        ((D1, "deposit", split), "kind"),
        ((D1, EntryKind.DEPOSIT, {"1-101": 100}), "split"),
        ((D1, EntryKind.DEPOSIT, split, 7), "purpose"),
        ((D1, EntryKind.DEPOSIT, split, "", ["fund-short"]), "notices"),
    ):
        with pytest.raises(MoneyTypeError, match=match):
            Entry(*args)  # type: ignore[arg-type]


def test_a_fund_built_directly_is_checked(estate: Estate, fund: Fund) -> None:
    units = fund.units
    assert Fund(list(units), list(fund.entries)) == fund
    deposit = fund.entries[0]
    later = Entry(D2, EntryKind.DRAW, apportion("1", estate, scope=["1-101"]))
    for args, error, match in (
        (("1-101",), MoneyTypeError, "units"),
        (((1, 2),), MoneyTypeError, "units"),
        ((("1-101", "1-101"),), MoneyError, "twice"),
        ((("1-101", ""),), MoneyError, "units"),
        ((units, "entries"), MoneyTypeError, "entries"),
        ((units, ("entry",)), MoneyTypeError, "entries"),
        ((("1-101",), (deposit,)), MoneyError, "sub-account"),
        ((units, (later, deposit)), MoneyError, "before"),
    ):
        with pytest.raises(error, match=match):
            Fund(*args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "pledged", "error", "match"),
    [
        (1.5, (("a", 1),), MoneyTypeError, "target"),
        (True, (), MoneyTypeError, "target"),
        (-5, (), MoneyError, "target"),
        (10**15, (), MoneyError, "target"),
        (100, (("a", 0.5),), MoneyTypeError, "pledged"),
        (100, (("a", -3),), MoneyError, "pledged"),
        (100, (("a", True),), MoneyTypeError, "pledged"),
        (100, (("", 3),), MoneyError, "pledged"),
        (100, ((7, 3),), MoneyTypeError, "pledged"),
        (100, (("a",),), MoneyTypeError, "pledged"),
        (100, "a", MoneyTypeError, "pledged"),
        (100, {"a": 3}, MoneyTypeError, "pledged"),
    ],
)
def test_pledges_built_directly_are_checked(
    target: object, pledged: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        Pledges(target, pledged)  # type: ignore[arg-type]


def test_pledges_built_directly() -> None:
    assert Pledges(100, [("a", 30), ["b", 70]]).pledged == (("a", 30), ("b", 70))  # type: ignore[list-item]
    assert Pledges(0, ()).short == 0


def test_emergency_split_over_units_without_a_sub_account_is_refused(fund: Fund) -> None:
    # as Fund.draw refuses it: the check must not pass or fail on a balance that leaves out
    # the units the fund does not hold
    wider = Estate.from_records(
        [
            {"unit": "1-101", "area": "100", "owners": ["Li"]},
            {"unit": "3-101", "area": "100", "owners": ["Sun"]},
        ]
    )
    split = apportion("10", wider)
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    with pytest.raises(MoneyError, match="sub-account") as caught:
        check_emergency(application, CN, fund)
    assert caught.value.value == ["3-101"]


def test_one_payer_reads_in_the_singular() -> None:
    one = Pledges.of("100", {"1-101": "100"})
    assert repr(one) == "<Pledges COVERED: 100.00 of 100.00 yuan from 1 payer>"
    assert one.describe().splitlines()[0] == "covered: 100.00 of 100.00 yuan from 1 payer"


def test_a_fund_of_one_unit_and_one_entry_reads_in_the_singular() -> None:
    one = Estate.from_records([{"unit": "1-101", "area": "1", "owners": ["Li"]}])
    fund = Fund.open(one).deposit(apportion("1", one), on=D1)
    assert repr(fund) == "<Fund balance 1.00 yuan: 1 unit, 1 entry>"
    assert fund.describe().splitlines()[0] == "Fund balance 1.00 yuan: 1 unit, 1 entry"
    assert "<p>1 unit</p>" in apportion("1", one)._repr_html_()


def test_a_fund_draw_that_replenishes_the_fund_is_refused() -> None:
    with pytest.raises(MoneyError, match="cannot replenish it") as raised:
        Charge(ChargeKind.FUND_DRAW, replenishes_fund=True)
    assert (raised.value.field, raised.value.value) == ("replenishes_fund", True)
    assert decision_needed(Charge(ChargeKind.FUND_DRAW)).matter is Matter.USE_MAINTENANCE_FUND
    levy = decision_needed(Charge(ChargeKind.LEVY, replenishes_fund=True))
    assert levy.matter is Matter.RAISE_MAINTENANCE_FUND


def test_an_emergency_application_of_nothing_is_refused(estate: Estate) -> None:
    with pytest.raises(MoneyError, match="draws nothing") as raised:
        EmergencyApplication(
            Applicant.COMMITTEE, True, apportion("0", estate, scope=["1-101"]), True, True
        )
    assert (raised.value.field, raised.value.value) == ("split", 0)
    one_fen = apportion("0.01", estate, scope=["1-101"])
    assert EmergencyApplication(Applicant.COMMITTEE, True, one_fen, True, True).split.amount == 1
