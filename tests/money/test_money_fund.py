"""The fund ledger, emergency use, charges, and the jurisdictions' money data."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import attrs
import pytest

from community_governance.exceptions import InsufficientFundError, MoneyError, MoneyTypeError
from community_governance.jurisdictions.cn import (
    MEASURES_2007_SCOPED_CONSENT,
    MONEY_RULES,
    PROPERTY_RIGHTS_LAW_2007,
)
from community_governance.jurisdictions.cn_sh import SHANGHAI_MONEY_RULES
from community_governance.money import (
    Charge,
    EmergencyApplication,
    EntryKind,
    Fund,
    Pledges,
    apportion,
    check_emergency,
    decision_needed,
)
from community_governance.register import Estate
from community_governance.rules import Matter
from community_governance.rules.money import (
    Applicant,
    ChargeKind,
    EmergencyProcedure,
    EmergencyStep,
    FirstDeposit,
    MatterReading,
    MoneyRules,
)

D1, D2, D3 = date(2024, 1, 1), date(2024, 6, 1), date(2024, 9, 1)


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
    assert MONEY_RULES.replenish_below is not None
    below = fund.draw(apportion("700.01", estate, scope=["1-101"]), on=D2)
    assert below.to_replenish(first, MONEY_RULES.replenish_below) == ("1-101",)
    exactly = fund.draw(apportion("700", estate, scope=["1-101"]), on=D2)  # 30 % left: not below
    assert exactly.to_replenish(first, MONEY_RULES.replenish_below) == ()
    for bad in ({"9-9": 1}, {"1-101": "1"}, {"1-101": -1}):
        with pytest.raises(MoneyError, match="first deposit"):
            fund.to_replenish(bad, MONEY_RULES.replenish_below)  # type: ignore[arg-type]


def test_emergency_procedure_checked_not_voted(estate: Estate, fund: Fund) -> None:
    procedure = MONEY_RULES.emergency
    assert procedure is not None
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
        tuple((step, MONEY_RULES.emergency.citation) for step in EmergencyStep),  # type: ignore[union-attr]
        MONEY_RULES.emergency.citation,  # type: ignore[union-attr]
    )
    split = apportion("300", estate, scope=["1-101"])
    application = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    assert check_emergency(application, audited, fund).passed
    failing = check_emergency(attrs.evolve(application, **{field: False}), audited, fund)
    assert not failing.passed and failing.notices == ()


def test_emergency_balance_boundary(estate: Estate, fund: Fund) -> None:
    procedure = MONEY_RULES.emergency
    assert procedure is not None
    for amount, ok in (("1000", True), ("1000.01", False)):
        split = apportion(amount, estate, scope=["1-101"])
        app = EmergencyApplication(Applicant.ASSEMBLY, True, split, True, False)
        assert check_emergency(app, procedure, fund).passed is ok


def test_emergency_bad_inputs(estate: Estate, fund: Fund) -> None:
    procedure = MONEY_RULES.emergency
    with pytest.raises(MoneyTypeError, match="application"):
        check_emergency("app", procedure, fund)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        EmergencyApplication(Applicant.COMMITTEE, "yes", apportion("1", estate), True, True)  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError):
        EmergencyProcedure(set(), (), MONEY_RULES.emergency.citation)  # type: ignore[union-attr]
    with pytest.raises(MoneyTypeError):
        EmergencyProcedure("committee", (), MONEY_RULES.emergency.citation)  # type: ignore[arg-type, union-attr]
    with pytest.raises(MoneyTypeError, match="steps"):
        EmergencyProcedure(
            {Applicant.COMMITTEE}, [EmergencyStep.SCOPE], MONEY_RULES.emergency.citation
        )  # type: ignore[arg-type, union-attr]


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
    assert str(need) == repr(need) and need._repr_html_().startswith("<p>")


def test_charge_bad_inputs() -> None:
    with pytest.raises(MoneyTypeError):
        decision_needed("levy")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Charge("levy")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Charge(ChargeKind.LEVY, replenishes_fund="yes")  # type: ignore[arg-type]


def test_pledges() -> None:
    wall = Pledges.of("5000", {"1-101": "3000", "1-102": "1999.99"})
    assert wall.raised == 499999 and wall.short == 1
    assert repr(wall).startswith("<Pledges SHORT 0.01 yuan")
    covered = Pledges.of("5000", {"1-101": "5000"})
    assert covered.short == 0 and repr(covered).startswith("<Pledges COVERED")
    assert str(covered) == repr(covered) and covered._repr_html_().startswith("<p>")
    with pytest.raises(MoneyTypeError):
        Pledges.of("1", [("a", "1")])  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Pledges.of("1", {"": "1"})
    with pytest.raises(MoneyTypeError):
        Pledges.of("1", {"a": 1.0})


def test_rule_values_validate() -> None:
    cite = MONEY_RULES.emergency.citation  # type: ignore[union-attr]
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
    first = MONEY_RULES.first_deposit
    assert first is not None and (first.low, first.high) == (Fraction(1, 20), Fraction(2, 25))
    assert not first.citation.confirmed  # published copies only
    assert MONEY_RULES.fee_adjustment is not None
    assert MONEY_RULES.fee_adjustment.matter is Matter.OTHER_MAJOR_MATTER
    assert MONEY_RULES.scoped is None
    assert SHANGHAI_MONEY_RULES.scoped is not None and SHANGHAI_MONEY_RULES.scoped.confirmed
    assert SHANGHAI_MONEY_RULES.emergency == MONEY_RULES.emergency


def test_measures_consent_matches_the_property_rights_law_tier() -> None:
    prl = dict(PROPERTY_RIGHTS_LAW_2007.resolutions)[Matter.USE_MAINTENANCE_FUND]
    figures = {(t.measure, t.base, t.comparator, t.ratio) for t in prl.approval}
    ours = {
        (t.measure, t.base, t.comparator, t.ratio) for t in MEASURES_2007_SCOPED_CONSENT.approval
    }
    assert figures == ours
