"""Money values travel as plain data and come back only when their derived facts agree."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

import community_governance as cg
from community_governance.exceptions import (
    DerivedFactMismatchError,
    InsufficientFundError,
    InvalidDataError,
    MoneyError,
)
from community_governance.money import Apportionment, Fund, apportion
from community_governance.money.apportion import APPORTIONMENT_SCHEMA
from community_governance.money.fund import FUND_SCHEMA

ESTATE = cg.Estate.from_records(
    [{"unit": f"1-{i}", "area": "80" if i % 2 else "120", "owners": [f"o{i}"]} for i in range(4)]
)


def _fund() -> Fund:
    fund = Fund.open(ESTATE).deposit(apportion("1000.00", ESTATE), on=date(2025, 1, 1))
    lift = apportion("900.00", ESTATE, scope=["1-0", "1-1"])
    return fund.draw(lift, on=date(2025, 2, 1), purpose="lift", allow_short=True)


def _plain(value: Fund | Apportionment) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(value.to_dict(), ensure_ascii=False))
    return data


def test_an_apportionment_round_trips_with_its_citation_as_data() -> None:
    split = apportion("0.05", ESTATE, basis="unit")
    data = _plain(split)
    assert data["schema"] == APPORTIONMENT_SCHEMA
    assert data["citation"]["instrument"] == "library_design"
    assert Apportionment.from_dict(data) == split


def test_a_fund_round_trips_by_booking_every_entry_again() -> None:
    fund = _fund()
    data = _plain(fund)
    assert data["schema"] == FUND_SCHEMA and data["entries"][1]["notices"] == [
        "fund-short",
        "unit-overdrawn",
    ]
    again = Fund.from_dict(data)
    assert again == fund and again.balances() == fund.balances()
    assert Fund.from_dict(_plain(Fund.open(ESTATE))) == Fund.open(ESTATE)


def test_schema_1_data_load_when_their_citation_is_the_default_rule() -> None:
    fund = _fund()
    old = _plain(fund)
    old["schema"] = "community_governance.fund/1"
    for entry in old["entries"]:
        split = entry.pop("split")
        split["schema"] = "community_governance.apportionment/1"
        split["citation"] = fund.entries[0].split.citation.format()
        entry.update(split)
    assert Fund.from_dict(old) == fund
    elsewhere = copy.deepcopy(old)
    elsewhere["entries"][0]["citation"] = "Shanghai Provisions Art. 35 [high confidence]"
    with pytest.raises(InvalidDataError, match="citation as text only") as raised:
        Fund.from_dict(elsewhere)
    assert raised.value.field == "entries[0].split"  # the entry whose split is refused


@pytest.mark.parametrize(
    ("tamper", "error", "match"),
    [
        (lambda d: d["balances_fen"].update({"1-0": 1}), DerivedFactMismatchError, "balances_fen"),
        (
            lambda d: d["entries"][1].update(notices=["fund-short"]),
            DerivedFactMismatchError,
            "notices",
        ),
        (
            lambda d: d["entries"][0].update(notices=["fund-short"]),
            DerivedFactMismatchError,
            "notices",
        ),
        (lambda d: d["entries"][1].update(notices=[]), InsufficientFundError, "short of the draw"),
        (lambda d: d["entries"][0]["split"]["parts_fen"].update({"1-0": 1}), MoneyError, "sum to"),
        (
            lambda d: d["entries"][0]["split"]["parts_fen"].update({"1-0": 1.5}),
            InvalidDataError,
            "float",
        ),
        (lambda d: d["entries"][0].update(on="20250101"), InvalidDataError, "is not a day"),
        (lambda d: d["entries"][0].update(kind="gift"), InvalidDataError, "kind"),
        (lambda d: d["entries"][0].update(extra=1), InvalidDataError, "unknown field 'extra'"),
        (lambda d: d["entries"][0].pop("purpose"), InvalidDataError, "missing field 'purpose'"),
        (lambda d: d.update(entries="x"), InvalidDataError, "entries must be a list"),
        (lambda d: d["entries"].append("x"), InvalidDataError, r"entries\[2\] must be a mapping"),
        (lambda d: d.update(balances_fen=[]), InvalidDataError, "balances_fen must be a mapping"),
        (lambda d: d.update(schema="community_governance.fund/9"), InvalidDataError, "schema"),
        (
            lambda d: d["entries"][1]["split"].update(parts_fen=["1-0"]),
            InvalidDataError,
            "parts_fen must map",
        ),
        (
            lambda d: d["entries"][1]["split"].update(rounded_up="1-0"),
            InvalidDataError,
            "is not a list",
        ),
        (
            lambda d: d["entries"][1]["split"].update(amount_fen=True),
            InvalidDataError,
            "amount_fen",
        ),
    ],
)
def test_tampered_fund_data_are_refused(tamper: Any, error: type[Exception], match: str) -> None:
    data = _plain(_fund())
    tamper(data)
    with pytest.raises(error, match=match):
        Fund.from_dict(data)


@pytest.mark.parametrize("data", [None, [], "fund"])
def test_fund_data_that_are_not_a_mapping_are_refused(data: object) -> None:
    with pytest.raises(InvalidDataError, match="data must be a dict") as raised:
        Fund.from_dict(data)  # type: ignore[arg-type]
    assert raised.value.field == "data"


@pytest.mark.parametrize(
    ("tamper", "message", "field"),
    [
        (
            lambda d: d["entries"][0].update(on="x"),
            "Fund.from_dict: entries[0]: on: 'x' is not a day (YYYY-MM-DD)",
            "on",
        ),
        (
            lambda d: d["entries"][1].update(extra=1),
            "Fund.from_dict: entries[1]: unknown field 'extra'",
            "extra",
        ),
        (
            lambda d: d["entries"][1]["split"].update(basis="foo"),
            "Fund.from_dict: entries[1]: split: Apportionment.from_dict: basis: 'foo' is not a "
            "valid Basis",
            "entries[1].split",
        ),
    ],
)
def test_a_fund_error_names_the_entry(tamper: Any, message: str, field: str) -> None:
    data = _plain(_fund())
    tamper(data)
    with pytest.raises(InvalidDataError) as raised:
        Fund.from_dict(data)
    assert (raised.value.message, raised.value.field) == (message, field)
