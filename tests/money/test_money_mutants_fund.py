"""The fund ledger: every refusal pinned whole, the notices and texts pinned, bounds both sides.

Written for the survivors of mutation testing (docs/how-to/mutation-testing.md).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from fractions import Fraction

import pytest
from tests.money.test_money_mutants import refused

from community_governance import rules_for
from community_governance._base.citations import Citation
from community_governance.exceptions import (
    InsufficientFundError,
    InvalidDataError,
    MoneyError,
    MoneyTypeError,
)
from community_governance.money import (
    Charge,
    EmergencyApplication,
    Entry,
    EntryKind,
    Fund,
    apportion,
    check_emergency,
    decision_needed,
)
from community_governance.money.emergency import StepCheck
from community_governance.register import Estate
from community_governance.rules.money import Applicant, ChargeKind, EmergencyStep

D1, D2, D3 = date(2024, 1, 1), date(2024, 6, 1), date(2024, 9, 1)
CN_ALL = rules_for("CN", on=D2, include_unconfirmed=True)
ESTATE = Estate.from_records(
    [
        {"unit": "1-101", "area": "100", "owners": ["Li"]},
        {"unit": "1-102", "area": "50", "owners": ["Wang"]},
        {"unit": "2-101", "area": "50", "owners": ["Zhao"]},
    ]
)
ALL = apportion("2000", ESTATE)  # 100000, 50000, 50000 fen
FUND = Fund.open(ESTATE).deposit(ALL, on=D1, purpose="first deposit")


def test_entry_and_fund_field_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: Entry(datetime(2024, 1, 1), EntryKind.DEPOSIT, ALL),
        "on must be a date, not datetime.datetime(2024, 1, 1, 0, 0)",
        field="on",
    )
    refused(
        MoneyTypeError,
        lambda: Entry(D1, "deposit", ALL),  # type: ignore[arg-type]
        "kind must be an EntryKind, not 'deposit'",
        field="kind",
        value="deposit",
    )
    refused(
        MoneyTypeError,
        lambda: Entry(D1, EntryKind.DEPOSIT, "x"),  # type: ignore[arg-type]
        "split must be an Apportionment, not 'x'",
        field="split",
        value="x",
    )
    refused(
        MoneyTypeError,
        lambda: Entry(D1, EntryKind.DEPOSIT, ALL, 3),  # type: ignore[arg-type]
        "purpose must be a string, not 3",
        field="purpose",
        value=3,
    )
    refused(
        MoneyTypeError,
        lambda: Entry(D1, EntryKind.DEPOSIT, ALL, "", ("x",)),  # type: ignore[arg-type]
        "notices must be a tuple of Notice, not ('x',)",
        field="notices",
        value=("x",),
    )
    refused(
        MoneyTypeError,
        lambda: Entry(D1, EntryKind.DEPOSIT, ALL, "", "x"),  # type: ignore[arg-type]
        "notices must be a tuple of Notice, not 'x'",
        field="notices",
    )
    assert Entry(D1, EntryKind.DEPOSIT, ALL, "", []).notices == ()
    refused(
        MoneyTypeError,
        lambda: Fund("1-101"),  # type: ignore[arg-type]
        "units must be a tuple of unit ids, not '1-101'",
        field="units",
        value="1-101",
    )
    refused(
        MoneyTypeError,
        lambda: Fund(("1-101", 2)),  # type: ignore[arg-type]
        "units must be a tuple of unit ids, not ('1-101', 2)",
        field="units",
    )
    refused(
        MoneyError,
        lambda: Fund(("1-101", "")),
        "units: a unit id must not be empty",
        field="units",
        value="",
    )
    refused(
        MoneyError,
        lambda: Fund(("a", "b", "b")),
        "units: 'b' is named twice",
        field="units",
        value="b",
    )
    assert Fund(["a", "b"]).units == ("a", "b")
    refused(
        MoneyTypeError,
        lambda: Fund(("a",), "x"),  # type: ignore[arg-type]
        "entries must be a tuple of Entry, not 'x'",
        field="entries",
        value="x",
    )
    refused(
        MoneyTypeError,
        lambda: Fund(("a",), ("x",)),  # type: ignore[arg-type]
        "entries must be a tuple of Entry, not ('x',)",
        field="entries",
    )


def test_a_fund_built_directly_is_checked_in_order_and_accounts() -> None:
    early, late = Entry(D1, EntryKind.DEPOSIT, ALL), Entry(D2, EntryKind.DEPOSIT, ALL)
    refused(
        MoneyError,
        lambda: Fund(FUND.units, (late, early)),
        "entry on 2024-01-01 is before the last entry",
        field="on",
        value=D1,
    )
    same = Fund(FUND.units, [early, early, late])
    assert same.balance() == 3 * 200000
    refused(
        MoneyError,
        lambda: Fund(("1-101", "zz"), (early,)),
        "units without a sub-account: ['1-102', '2-101']",
        field="entries",
        value=["1-102", "2-101"],
    )
    refused(
        MoneyTypeError,
        lambda: Fund.open("estate"),  # type: ignore[arg-type]
        "estate must be an Estate, not 'estate'",
        field="estate",
        value="estate",
    )


def test_balances_by_day_and_of_some_units() -> None:
    lift = apportion("300", ESTATE, scope=["1-101", "1-102"])
    fund = FUND.draw(lift, on=D2).deposit(apportion("0.03", ESTATE, "unit"), on=D3)
    assert fund.balances(D1) == {"1-101": 100000, "1-102": 50000, "2-101": 50000}
    assert fund.balances(date(2024, 5, 31)) == fund.balances(D1)
    assert fund.balances(D2) == {"1-101": 80000, "1-102": 40000, "2-101": 50000}
    assert fund.balances(date(2023, 12, 31)) == {"1-101": 0, "1-102": 0, "2-101": 0}
    assert fund.balances() == {"1-101": 80001, "1-102": 40001, "2-101": 50001}
    assert fund.balances(None) == fund.balances()
    refused(
        MoneyTypeError,
        lambda: fund.balances(datetime(2024, 1, 1)),
        "on must be a date or None, not datetime.datetime(2024, 1, 1, 0, 0)",
        field="on",
    )
    refused(
        MoneyTypeError,
        lambda: fund.balances("2024-01-01"),  # type: ignore[arg-type]
        "on must be a date or None, not '2024-01-01'",
        field="on",
        value="2024-01-01",
    )
    assert fund.balance() == 170003
    assert fund.balance(("1-101", "2-101")) == 130002
    assert fund.balance(["1-101", "1-101"]) == 80001
    assert fund.balance({"1-102"}) == 40001
    assert fund.balance(frozenset({"1-102"})) == 40001
    assert fund.balance(()) == 0
    refused(
        MoneyTypeError,
        lambda: fund.balance("1-101"),  # type: ignore[arg-type]
        "units must be a collection of unit ids, not '1-101'",
        field="units",
        value="1-101",
    )
    refused(
        MoneyTypeError,
        lambda: fund.balance(7),  # type: ignore[arg-type]
        "units must be a collection of unit ids, not 7",
        field="units",
        value=7,
    )
    refused(
        MoneyError,
        lambda: fund.balance(("z", "1-101", "a", 3, "b", "c", "d")),  # type: ignore[arg-type]
        "units without a sub-account: ['3', 'a', 'b', 'c', 'd']",
        field="units",
        value=["3", "a", "b", "c", "d", "z"],
    )


def test_booking_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: FUND.deposit("x", on=D2),  # type: ignore[arg-type]
        "split must be an Apportionment, not 'x'",
        field="split",
        value="x",
    )
    refused(
        MoneyTypeError,
        lambda: FUND.draw(ALL, on=datetime(2024, 6, 1)),
        "on must be a date, not datetime.datetime(2024, 6, 1, 0, 0)",
        field="on",
    )
    refused(
        MoneyTypeError,
        lambda: FUND.draw(ALL, on="2024-06-01"),  # type: ignore[arg-type]
        "on must be a date, not '2024-06-01'",
        field="on",
        value="2024-06-01",
    )
    refused(
        MoneyTypeError,
        lambda: FUND.deposit(ALL, on=D2, purpose=None),  # type: ignore[arg-type]
        "purpose must be a string, not None",
        field="purpose",
        value=None,
    )
    refused(
        MoneyError,
        lambda: FUND.deposit(ALL, on=date(2023, 12, 31)),
        "entry on 2023-12-31 is before the last entry",
        field="on",
        value=date(2023, 12, 31),
    )
    assert FUND.deposit(ALL, on=D1).balance() == 400000  # the same day is not before
    other = Estate.from_records(
        [{"unit": f"9-{i}", "area": "1", "owners": [f"o{i}"]} for i in range(7)]
        + [{"unit": "1-101", "area": "1", "owners": ["Li"]}]
    )
    refused(
        MoneyError,
        lambda: FUND.deposit(apportion("1", other), on=D2),
        "units without a sub-account: ['9-0', '9-1', '9-2', '9-3', '9-4']",
        field="split",
        value=[f"9-{i}" for i in range(7)],
    )
    refused(
        MoneyTypeError,
        lambda: FUND.draw(ALL, on=D2, allow_short="yes"),  # type: ignore[arg-type]
        "allow_short must be a bool",
        field="allow_short",
        value="yes",
    )
    assert FUND.deposit(ALL, on=D2, purpose="again").entries[-1].purpose == "again"
    assert FUND.deposit(ALL, on=D2).entries[-1].kind is EntryKind.DEPOSIT


def test_a_short_draw_is_refused_or_flagged_with_its_figures() -> None:
    lift = apportion("1500.01", ESTATE, scope=["1-101", "1-102"])
    error = refused(
        InsufficientFundError,
        lambda: FUND.draw(lift, on=D2),
        "the scoped balance 1500.00 is 0.01 yuan short of the draw",
        field="amount",
        value=150001,
    )
    assert error.short == 1
    assert (
        FUND.draw(apportion("1500", ESTATE, scope=["1-101", "1-102"]), on=D2).entries[-1].notices
        == ()
    )
    booked = FUND.draw(lift, on=D2, purpose="lift", allow_short=True).entries[-1]
    assert booked.kind is EntryKind.DRAW and booked.purpose == "lift"
    short, over = booked.notices
    assert short.code == "fund-short"
    assert short.en == "the scoped balance 1500.00 is 0.01 yuan short of the draw"
    assert short.zh == "列支范围内余额不足，差额0.01元"
    assert over.code == "unit-overdrawn"
    assert over.en == "1 unit(s) go below zero: 1-101"
    assert over.zh == "1户分户账余额不足：1-101"
    assert short.citation == over.citation
    assert short.citation.article == "19"


def test_overdrawn_units_are_listed_up_to_ten() -> None:
    many = Estate.from_records(
        [{"unit": f"1-{i:02d}", "area": "1", "owners": [f"o{i}"]} for i in range(12)]
    )
    fund = Fund.open(many).deposit(apportion("0.12", many, "unit"), on=D1)
    moved = fund.draw(apportion("0.02", many, "unit", scope=["1-00", "1-01"]), on=D2)
    assert moved.entries[-1].notices == ()  # a part equal to the balance leaves it at zero
    drawn = fund.draw(apportion("0.24", many, "unit"), on=D2, allow_short=True)
    over = drawn.entries[-1].notices[1]
    names = ", ".join(f"1-{i:02d}" for i in range(10))
    assert over.en == f"12 unit(s) go below zero: {names}"
    assert over.zh == "12户分户账余额不足：" + "、".join(f"1-{i:02d}" for i in range(10))


def test_to_replenish_refusals_and_the_bound() -> None:
    lift = apportion("1400", ESTATE, scope=["1-101", "1-102"])
    fund = FUND.draw(lift, on=D2)  # 1-101: 6667 yuan less ... balances below
    balances = fund.balances()
    assert balances == {"1-101": 6667, "1-102": 3333, "2-101": 50000}
    # 30 % of 22223 is 6666.9: 6667 is not below; 30 % of 22224 is 6667.2: it is
    assert fund.to_replenish({"1-101": 22223}, CN_ALL) == ()
    assert fund.to_replenish({"1-101": 22224}, CN_ALL) == ("1-101",)
    assert fund.to_replenish({"1-102": 11110, "2-101": 0}, CN_ALL) == ()
    assert fund.to_replenish({"1-102": 11111}, CN_ALL) == ("1-102",)
    refused(
        MoneyTypeError,
        lambda: fund.to_replenish([("1-101", 1)], CN_ALL),  # type: ignore[arg-type]
        "first must be a mapping of unit id to fen, not [('1-101', 1)]",
        field="first",
        value=[("1-101", 1)],
    )
    for first, unit in (
        ({"9-9": 1}, "9-9"),
        ({"1-101": True}, "1-101"),
        ({"1-101": -1}, "1-101"),
        ({"1-101": "1"}, "1-101"),
    ):
        refused(
            MoneyError,
            lambda first=first: fund.to_replenish(first, CN_ALL),  # type: ignore[misc]
            f"first deposit of {unit!r} must be whole fen of a unit with a sub-account,"
            f" not {first[unit]!r}",
            field="first",
            value=unit,
        )
    assert fund.to_replenish({"1-101": 0}, CN_ALL) == ()
    refused(
        MoneyTypeError,
        lambda: fund.to_replenish({}, (Fraction(3, 10),)),  # type: ignore[arg-type]
        "rules must be a RuleSet (rules_for(code, on=day)) or a (Fraction, Citation) pair "
        "(deprecated), not (Fraction(3, 10),)",
        field="rules",
    )
    cite = Citation("civil_code", "1")
    for bad in ((Fraction(3, 10), cite, 1), ("0.3", cite), (Fraction(3, 10), "c")):
        with pytest.raises(MoneyTypeError):
            fund.to_replenish({}, bad)  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning, match="a \\(share, citation\\) pair to Fund"):
        assert fund.to_replenish({"1-101": 22224}, (Fraction(3, 10), cite)) == ("1-101",)
    with pytest.warns(DeprecationWarning, match="rules_for"):
        assert fund.to_replenish({"1-101": 22224}, (Fraction(1, 10), cite)) == ()


def test_fund_texts_are_pinned() -> None:
    lift = apportion("1500.01", ESTATE, scope=["1-101", "1-102"])
    fund = FUND.draw(lift, on=D2, allow_short=True).deposit(
        apportion("1", ESTATE, scope=["2-101"]), on=D3
    )
    short, over = fund.entries[1].notices
    assert short.text().startswith(short.en + " (") and short.text("zh").startswith(short.zh)
    assert repr(fund) == "<Fund balance 500.99 yuan: 3 units, 3 entries>"
    assert str(fund) == repr(fund)
    assert fund.describe() == (
        "Fund balance 500.99 yuan: 3 units, 3 entries\n"
        "  2024-01-01 deposit 2000.00 yuan over 3 units: first deposit\n"
        "  2024-06-01 draw 1500.01 yuan over 2 units\n"
        f"    Note: {short.text()}\n"
        f"    Note: {over.text()}\n"
        "  2024-09-01 deposit 1.00 yuan over 1 unit"
    )
    assert fund.describe("zh") == (
        "专项维修资金余额500.99元：分户账3个，记账3笔\n"
        "  2024-01-01 交存2000.00元，涉及3个专有部分：首期交存\n".replace(
            "首期交存", "first deposit"
        )
        + "  2024-06-01 使用1500.01元，涉及2个专有部分\n"
        f"    注意：{short.text('zh')}\n"
        f"    注意：{over.text('zh')}\n"
        "  2024-09-01 交存1.00元，涉及1个专有部分"
    )
    html = fund._repr_html_()
    assert "Fund: 500.99 yuan" in html and "first deposit" in html and "1500.01" in html


def test_a_deprecated_value_warns_at_the_callers_line() -> None:
    # the warning names the line calling to_replenish or check_emergency, not the library's
    with pytest.warns(DeprecationWarning, match="rules_for") as caught:
        FUND.to_replenish({}, (Fraction(3, 10), Citation("civil_code", "1")))
    caller = "MUTANT_UNDER_TEST" not in os.environ  # under mutmut, its trampoline adds frames
    assert caught[0].filename == __file__ or not caller
    procedure = CN_ALL.money.emergency.value  # type: ignore[union-attr]
    application = EmergencyApplication(Applicant.COMMITTEE, True, ALL, True, True)
    with pytest.warns(DeprecationWarning, match="EmergencyProcedure") as caught:
        check_emergency(application, procedure, FUND)
    assert caught[0].filename == __file__ or not caller


def test_texts_default_to_english_and_name_their_readings() -> None:
    from_rules = CN_ALL.money.emergency.value  # type: ignore[union-attr]
    application = EmergencyApplication(Applicant.COMMITTEE, True, ALL, True, True)
    check = check_emergency(application, CN_ALL, FUND)
    assert check.explain() == check.explain("en")
    with pytest.warns(DeprecationWarning, match="EmergencyProcedure") as caught:
        check_emergency(application, from_rules, FUND)
    assert str(caught[0].message) == (
        "passing an EmergencyProcedure to check_emergency is deprecated and will be refused in "
        "the next minor version; pass rules_for(code, on=day)"
    )
    step = StepCheck(EmergencyStep.APPLICANT, True, "r", Citation("civil_code", "281(2)"))
    assert step.line("zh") == "✓ 符合 — 申请人。依据：" + step.citation.format("zh")
    for charge in (Charge(ChargeKind.LEVY), Charge(ChargeKind.OPT_IN, on_common_parts=True)):
        need = decision_needed(charge)
        assert need.explain() == need.explain("en")
        assert need.citation.note == "reading of Civil Code Art. 278(1); not settled by a text"
    assert decision_needed(Charge(ChargeKind.PLEDGE)).citation.note == (
        "reading of Civil Code Art. 278(1); not settled by a text"
    )


def test_reloading_keeps_a_deposits_purpose_and_names_the_fund() -> None:
    assert Fund.from_dict(FUND.to_dict()).entries[0].purpose == "first deposit"
    refused(
        InvalidDataError,
        lambda: Fund.from_dict({"schema": "x"}),
        "Fund.from_dict: schema 'x' is not 'community_governance.fund/2'",
        field="schema",
        value="x",
    )
    refused(
        MoneyTypeError,
        lambda: FUND.deposit(ALL, on=D2, purpose=3),  # type: ignore[arg-type]
        "purpose must be a string, not 3",
        field="purpose",
        value=3,
    )
    with pytest.warns(DeprecationWarning, match="rules_for") as caught:
        FUND.to_replenish({}, (Fraction(3, 10), Citation("civil_code", "1")))
    assert str(caught[0].message) == (
        "passing a (share, citation) pair to Fund.to_replenish is deprecated and will be refused "
        "in the next minor version; pass rules_for(code, on=day)"
    )
    wide = Estate.from_records(
        [{"unit": f"9-{i}", "area": "1", "owners": [f"o{i}"]} for i in range(6)]
    )
    refused(
        MoneyError,
        lambda: Fund(("1-101",), (Entry(D1, EntryKind.DEPOSIT, apportion("1", wide)),)),
        "units without a sub-account: ['9-0', '9-1', '9-2', '9-3', '9-4']",
        field="entries",
        value=[f"9-{i}" for i in range(6)],
    )
