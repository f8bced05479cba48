"""Every text, figure and refusal of the money engine pinned whole by golden files.

``tests/money/golden/results.txt`` holds what each result shows (str, repr, the English and
Chinese texts, HTML, plain data); ``tests/money/golden/errors.txt`` each refusal's type, message
and fields. Rerun with ``CG_UPDATE_GOLDEN=1`` after a deliberate change (see tests/golden.py).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from tests.golden import check_golden, render

from community_governance import rules_for
from community_governance._base.citations import Citation
from community_governance.exceptions import GovernanceError, InsufficientFundError
from community_governance.money import (
    Apportionment,
    Charge,
    EmergencyApplication,
    Fund,
    Pledges,
    apportion,
    check_emergency,
    decision_needed,
    fee_adjustment,
)
from community_governance.register import Estate
from community_governance.rules import Layer, MoneyParams, Param
from community_governance.rules.money import (
    Applicant,
    Basis,
    ChargeKind,
    EmergencyProcedure,
    EmergencyStep,
)

GOLDEN = Path(__file__).parent / "golden"
D1, D2, D3 = date(2024, 1, 1), date(2024, 6, 1), date(2024, 9, 1)
CN = rules_for("CN", on=D2)
CN_ALL = rules_for("CN", on=D2, include_unconfirmed=True)
OLD = rules_for("CN", on=date(2019, 1, 1))
OLD_ALL = rules_for("CN", on=date(2019, 1, 1), include_unconfirmed=True)
CITE = Citation("civil_code", "281(2)")
EVERY_STEP = EmergencyProcedure(set(Applicant), tuple((s, CITE) for s in EmergencyStep), CITE)
STRICT = CN.with_layer(
    Layer(
        "estate",
        "estate: every step",
        None,
        None,
        topic="money",
        money=MoneyParams(emergency=Param(EVERY_STEP, CITE)),
    )
)
ESTATE = Estate.from_records(
    [
        {"unit": "1-101", "area": "100", "owners": ["Li"]},
        {"unit": "1-102", "area": "50", "owners": ["Wang"]},
        {"unit": "2-101", "area": "50.5", "owners": ["Li"]},
    ]
)
MANY = Estate.from_records(
    [{"unit": f"3-{i:03d}", "area": str(1 + i % 3), "owners": [f"p{i}"]} for i in range(53)]
)
FUND = Fund.open(ESTATE).deposit(apportion("2000", ESTATE), on=D1, purpose="首期交存")


def _results() -> Iterator[tuple[str, Any]]:
    yield "apportion by area", apportion("1000.01", ESTATE)
    yield "apportion per unit", apportion("0.02", ESTATE, "unit")
    yield "apportion per household", apportion("0.05", ESTATE, Basis.HOUSEHOLD)
    yield (
        "apportion by shares",
        apportion("10", ESTATE, "share", shares={"1-101": 1, "1-102": "0.5", "2-101": 2}),
    )
    yield "apportion over a scope", apportion("7", ESTATE, scope=["2-101"])
    yield "apportion over 53 units", apportion("1", MANY, "unit")
    yield "apportion of nothing", apportion("0", ESTATE)
    short = apportion("1500.01", ESTATE, scope=["1-101", "1-102"])
    fund = FUND.draw(short, on=D2, purpose="lift", allow_short=True)
    fund = fund.deposit(apportion("1", ESTATE, scope=["1-102"]), on=D3)
    yield "fund with a short draw", fund
    yield "fund opened", Fund.open(ESTATE)
    yield "fund with a covered draw", FUND.draw(apportion("1", ESTATE), on=D2)
    for applicant in Applicant:
        app = EmergencyApplication(applicant, False, apportion("0.01", ESTATE), False, False)
        yield f"emergency refused, {applicant.value}", check_emergency(app, STRICT, FUND)
    app = EmergencyApplication(Applicant.COMMITTEE, True, apportion("2000", ESTATE), True, True)
    passed = check_emergency(app, STRICT, FUND)
    yield "emergency passed, every step", passed
    yield "emergency passed, national steps", check_emergency(app, CN, FUND)
    over = EmergencyApplication(Applicant.COMMITTEE, True, apportion("2000.01", ESTATE), True, True)
    yield "emergency over the balance", check_emergency(over, CN, FUND)
    for step in passed.steps:
        yield f"step {step.step.value}", step
    yield "step refused", check_emergency(over, CN, FUND).steps[-1]
    for charge in (
        Charge(ChargeKind.FUND_DRAW),
        Charge(ChargeKind.LEVY, replenishes_fund=True),
        Charge(ChargeKind.LEVY),
        Charge(ChargeKind.OPT_IN, on_common_parts=True),
        Charge(ChargeKind.PLEDGE, on_common_parts=True),
        Charge(ChargeKind.OPT_IN),
        Charge(ChargeKind.PLEDGE),
    ):
        yield f"decision for {charge}", decision_needed(charge)
    yield "pledges short", Pledges.of("5000", {"1-101": "3000", "1-102": "1999.99"})
    yield "pledges covered", Pledges.of("5000", {"1-101": "5000.01"})
    yield "pledges of one payer", Pledges(1, (("1-101", 1),))
    yield "pledges of none", Pledges(0, ())
    yield "fee adjustment", fee_adjustment(CN_ALL)


def _shown(label: str, result: Any) -> str:
    text = f"=== {label}\n{render(result)}"
    if hasattr(result, "describe"):
        text += (
            f"--- describe(en)\n{result.describe()}\n--- describe(zh)\n{result.describe('zh')}\n"
        )
    if hasattr(result, "line"):
        text += f"--- line(en)\n{result.line()}\n--- line(zh)\n{result.line('zh')}\n"
    return text


def test_every_money_result_is_pinned() -> None:
    check_golden(GOLDEN / "results.txt", "".join(_shown(*r) for r in _results()))


def _fund_data() -> dict[str, Any]:
    short = apportion("1500.01", ESTATE, scope=["1-101", "1-102"])
    fund = FUND.draw(short, on=D2, purpose="lift", allow_short=True)
    data: dict[str, Any] = json.loads(json.dumps(fund.to_dict(), ensure_ascii=False))
    return data


def _tampered(change: Callable[[dict[str, Any]], object], *, schema_1: bool = False) -> Any:
    data = _fund_data()
    if schema_1:
        data["schema"] = "community_governance.fund/1"
        for entry in data["entries"]:
            split = entry.pop("split")
            split["schema"] = "community_governance.apportionment/1"
            split["citation"] = FUND.entries[0].split.citation.format()
            entry.update(split)
    change(data)
    return lambda: Fund.from_dict(data)


def _split_data(change: Callable[[dict[str, Any]], object]) -> Any:
    data: dict[str, Any] = json.loads(json.dumps(apportion("1", ESTATE).to_dict()))
    change(data)
    return lambda: Apportionment.from_dict(data)


def _refusals() -> Iterator[tuple[str, Callable[[], object]]]:
    split = apportion("1", ESTATE)
    good = EmergencyApplication(Applicant.COMMITTEE, True, split, True, True)
    yield "emergency: application", lambda: check_emergency("app", CN, FUND)  # type: ignore[arg-type]
    yield "emergency: fund", lambda: check_emergency(good, CN, "fund")  # type: ignore[arg-type]
    yield "emergency: rules", lambda: check_emergency(good, "CN", FUND)  # type: ignore[arg-type]
    yield "emergency: before the Civil Code", lambda: check_emergency(good, OLD, FUND)
    yield (
        "emergency: before the Civil Code, unconfirmed values admitted",
        lambda: check_emergency(good, OLD_ALL, FUND),
    )
    other = Estate.from_records([{"unit": "9-9", "area": "1", "owners": ["X"]}])
    stranger = EmergencyApplication(Applicant.COMMITTEE, True, apportion("1", other), True, True)
    yield "emergency: a unit without a sub-account", lambda: check_emergency(stranger, CN, FUND)
    for name in ("endangers_safety", "published", "audited"):
        facts: dict[str, Any] = {
            "applicant": "committee",
            "endangers_safety": True,
            "split": split,
            "published": True,
            "audited": True,
        }
        facts[name] = "yes"
        yield f"application: {name}", lambda facts=facts: EmergencyApplication(**facts)
    yield (
        "application: applicant",
        lambda: EmergencyApplication("mayor", True, split, True, True),  # type: ignore[arg-type]
    )
    yield (
        "application: split",
        lambda: EmergencyApplication(Applicant.COMMITTEE, True, "1", True, True),  # type: ignore[arg-type]
    )
    nothing = apportion("0", ESTATE)
    yield (
        "application: nothing drawn",
        lambda: EmergencyApplication(Applicant.COMMITTEE, True, nothing, True, True),
    )
    yield "replenish: before the Measures", lambda: FUND.to_replenish({}, OLD)
    yield "replenish: unconfirmed", lambda: FUND.to_replenish({}, CN)
    yield "replenish: rules", lambda: FUND.to_replenish({}, "CN")  # type: ignore[arg-type]
    yield "fee adjustment: rules", lambda: fee_adjustment("CN")  # type: ignore[arg-type]
    yield "fee adjustment: unconfirmed", lambda: fee_adjustment(CN)
    yield "fee adjustment: before the Measures", lambda: fee_adjustment(OLD)
    yield "decision: charge", lambda: decision_needed("levy")  # type: ignore[arg-type]
    yield "charge: kind", lambda: Charge("levy")  # type: ignore[arg-type]
    yield "charge: replenishes", lambda: Charge(ChargeKind.LEVY, replenishes_fund=1)  # type: ignore[arg-type]
    yield "charge: common parts", lambda: Charge(ChargeKind.OPT_IN, on_common_parts="no")  # type: ignore[arg-type]
    yield "charge: a draw that replenishes", lambda: Charge(ChargeKind.FUND_DRAW, True)
    yield "pledges: target", lambda: Pledges(True, ())  # type: ignore[arg-type]
    yield "pledges: target negative", lambda: Pledges(-1, ())
    yield "pledges: target too large", lambda: Pledges(10**15, ())
    yield "pledges: pledged", lambda: Pledges(1, "x")  # type: ignore[arg-type]
    yield "pledges: a pair", lambda: Pledges(1, (("a", 1, 2),))  # type: ignore[arg-type]
    yield "pledges: a payer", lambda: Pledges(1, ((1, 1),))  # type: ignore[arg-type]
    yield "pledges: a single", lambda: Pledges(1, ("a",))  # type: ignore[arg-type]
    yield "pledges: an empty payer", lambda: Pledges(1, (("", 1),))
    yield "pledges: a float", lambda: Pledges(1, (("a", 1.0),))  # type: ignore[arg-type]
    yield "pledges: too large", lambda: Pledges(1, (("a", 10**15),))
    yield "pledges.of: mapping", lambda: Pledges.of("1", [("a", "1")])  # type: ignore[arg-type]
    yield "pledges.of: payer", lambda: Pledges.of("1", {1: "1"})  # type: ignore[dict-item]
    yield "pledges.of: empty payer", lambda: Pledges.of("1", {"": "1"})
    yield "pledges.of: amount", lambda: Pledges.of("1", {"a": 1.5})
    yield "pledges.of: target", lambda: Pledges.of("x", {"a": "1"})
    yield "fund data: balances", _tampered(lambda d: d["balances_fen"].update({"1-101": 1}))
    yield "fund data: notices", _tampered(lambda d: d["entries"][1].update(notices=["fund-short"]))
    yield "fund data: short", _tampered(lambda d: d["entries"][1].update(notices=[]))
    yield "fund data: entries", _tampered(lambda d: d.update(entries={}))
    yield "fund data: an entry", _tampered(lambda d: d["entries"].append(3))
    yield "fund data: balances map", _tampered(lambda d: d.update(balances_fen=None))
    yield "fund data: split", _tampered(lambda d: d["entries"][0]["split"].update(basis="x"))
    yield "fund data: kind", _tampered(lambda d: d["entries"][0].update(kind="gift"))
    yield "fund data: purpose", _tampered(lambda d: d["entries"][0].update(purpose=1))
    yield "fund data: codes", _tampered(lambda d: d["entries"][0].update(notices="x"))
    yield "fund data: missing", _tampered(lambda d: d["entries"][0].pop("split"))
    yield "fund data /1: extra", _tampered(lambda d: d["entries"][0].update(x=1), schema_1=True)
    yield (
        "fund data /1: basis",
        _tampered(lambda d: d["entries"][0].update(basis="x"), schema_1=True),
    )
    yield (
        "fund data /1: citation",
        _tampered(lambda d: d["entries"][0].update(citation="Art. 1"), schema_1=True),
    )
    yield (
        "fund data /1: missing",
        _tampered(lambda d: d["entries"][0].pop("amount_fen"), schema_1=True),
    )
    yield "split data: parts", _split_data(lambda d: d.update(parts_fen=[1]))
    yield "split data: a part", _split_data(lambda d: d["parts_fen"].update({"1-101": "1"}))
    yield "split data: an id", _split_data(lambda d: d.update(rounded_up=[1]))
    yield "split data: amount", _split_data(lambda d: d.update(amount_fen="1"))
    yield "split data: rounding", _split_data(lambda d: d.update(rounding="up"))
    yield "split data: citation", _split_data(lambda d: d.update(citation="x"))
    yield "split data: citation data", _split_data(lambda d: d.update(citation={"x": 1}))
    yield "split data: schema", _split_data(lambda d: d.update(schema="x"))
    yield "split data: sum", _split_data(lambda d: d.update(amount_fen=2))
    yield "split data: not a dict", lambda: Apportionment.from_dict([])  # type: ignore[arg-type]
    yield "balances: on", lambda: FUND.balances(datetime(2024, 1, 1))
    yield "to_replenish: first", lambda: FUND.to_replenish({"1-101": 1.0}, CN_ALL)  # type: ignore[dict-item]
    yield "fund: share pair", lambda: FUND.to_replenish({}, (Fraction(1, 3), "x"))  # type: ignore[arg-type]


def _refused(label: str, call: Callable[[], object]) -> str:
    try:
        call()
    except GovernanceError as error:
        extra = f" short={error.short}" if isinstance(error, InsufficientFundError) else ""
        return f"{label}: {type(error).__name__}: {error}{extra}\n"
    raise AssertionError(f"{label}: not refused")


def test_every_money_refusal_is_pinned() -> None:
    check_golden(GOLDEN / "errors.txt", "".join(_refused(*r) for r in _refusals()))


def test_refused_data_change_nothing() -> None:
    data = _fund_data()
    kept = copy.deepcopy(data)
    assert Fund.from_dict(data) == Fund.from_dict(kept) and data == kept
