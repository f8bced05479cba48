"""The catalogue of bad inputs: each error's type, its built-in base, and what it names."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest

import community_governance as cg
from community_governance import audit
from community_governance import committee as cm
from community_governance import frames as fr
from community_governance import money as mo
from community_governance._base.citations import Citation
from community_governance.exceptions import VotingInputError
from community_governance.jurisdictions import REGISTRY
from community_governance.register.counting import CountingPolicy
from golden import check_golden

CITE = Citation("library_design", "test")
ON = date(2022, 6, 1)


def estate() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Dev"], "status": "unsold"},
        ]
    )


def rows(**change: Any) -> list[dict[str, Any]]:
    row: dict[str, Any] = {"unit": "9-901", "area": "50.00", "owners": ["Li"]}
    row.update(change)
    return [{"unit": "1-101", "area": "10", "owners": ["Wu"]}, row]


def from_rows(**change: Any) -> Callable[[], object]:
    return lambda: cg.Estate.from_records(rows(**change))


def threshold(**change: Any) -> Callable[[], object]:
    fields: dict[str, Any] = {
        "measure": cg.Measure.HEADS,
        "base": cg.Base.ALL,
        "comparator": cg.Comparator.AT_LEAST,
        "ratio": Fraction(2, 3),
        "citation": CITE,
    }
    fields.update(change)
    return lambda: cg.Threshold(**fields)


def decide_with(ballots: list[Any], matter: Any = "elect-committee") -> Callable[[], object]:
    return lambda: cg.decide(estate(), ballots, matter=matter, rules=cg.rules_for("CN", on=ON))


def ok_threshold(base: cg.Base = cg.Base.ALL) -> cg.Threshold:
    return cg.Threshold(cg.Measure.AREA, base, cg.Comparator.AT_LEAST, Fraction(1, 2), CITE)


def deadline() -> cg.calendar.Deadline:
    return cg.calendar.Deadline.compute(
        "test", date(2025, 1, 1), cg.calendar.Period(days=10), basis=CITE, calendar=None
    )


def decision_data(**check: object) -> dict[str, Any]:
    decision = cg.decide(
        estate(),
        [cg.Ballot("1-101", "agree")],
        matter="elect-committee",
        rules=cg.rules_for("CN", on=ON),
    )
    data = decision.to_dict()
    data["checks"][0].update(check)
    return data


def layer(name: str, code: str = "CN", start: date = date(2030, 1, 1)) -> cg.rules.Layer:
    return cg.rules.Layer(code=code, name=name, valid_from=start, valid_to=None)


WEEKEND = cg.calendar.WeekendCalendar()
DECISION_DATA = cg.decide(
    cg.Estate.from_records([{"unit": "1", "area": "10", "owners": ["A"]}]),
    [cg.Ballot("1", "agree")],
    matter="elect-committee",
    rules=cg.rules_for("CN", on=ON),
).to_dict()


def levy() -> mo.Apportionment:
    return mo.apportion("1000", estate())


def fund() -> mo.Fund:
    return mo.Fund.open(estate()).deposit(levy(), on=date(2025, 4, 1))


def committee() -> cm.Committee:
    return cm.elect_committee(
        list("ABCDE"),
        elected_on=date(2020, 6, 30),
        term_years=5,
        rules=cg.rules_for("CN-SH", on=date(2020, 7, 1)),
    )


def frame_of(area: object) -> pd.DataFrame:
    return pd.DataFrame({"unit": ["1"], "area": [area], "owners": [["A"]]})


def changed(change: tuple[Any, ...]) -> dict[str, Any]:
    data = copy.deepcopy(DECISION_DATA)
    target = data
    for key in change[:-2]:
        target = target[key]
    target[change[-2]] = change[-1]
    return data


CASES: list[tuple[str, Callable[[], object], type[Exception], type[Exception], str]] = [
    # ------------------------------------------------------------------ areas
    ("float area", from_rows(area=89.37), cg.exceptions.AreaTypeError, TypeError, "9-901"),
    ("float area hint", from_rows(area=0.1), cg.exceptions.AreaTypeError, TypeError, "float"),
    ("bool area", from_rows(area=True), cg.exceptions.AreaTypeError, TypeError, "9-901"),
    ("None area", from_rows(area=None), cg.exceptions.AreaTypeError, TypeError, "None"),
    ("list area", from_rows(area=[1]), cg.exceptions.AreaTypeError, TypeError, "9-901"),
    ("NaN str area", from_rows(area="nan"), cg.exceptions.InvalidAreaError, ValueError, "9-901"),
    (
        "NaN Decimal area",
        from_rows(area=Decimal("NaN")),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "NaN",
    ),
    (
        "sNaN Decimal area",
        from_rows(area=Decimal("sNaN")),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "9-901",
    ),
    ("inf area", from_rows(area="inf"), cg.exceptions.InvalidAreaError, ValueError, "inf"),
    (
        "Infinity Decimal",
        from_rows(area=Decimal("-Infinity")),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "9-901",
    ),
    ("zero area", from_rows(area=0), cg.exceptions.InvalidAreaError, ValueError, "9-901"),
    ("zero str area", from_rows(area="0.00"), cg.exceptions.InvalidAreaError, ValueError, "0.00"),
    (
        "zero Fraction",
        from_rows(area=Fraction(0)),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "9-901",
    ),
    ("negative area", from_rows(area="-12.5"), cg.exceptions.InvalidAreaError, ValueError, "-12.5"),
    (
        "non-numeric area",
        from_rows(area="abc"),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "'abc'",
    ),
    ("division by zero", from_rows(area="1/0"), cg.exceptions.InvalidAreaError, ValueError, "1/0"),
    ("empty area", from_rows(area=""), cg.exceptions.InvalidAreaError, ValueError, "9-901"),
    # ------------------------------------------------------------------ rows and units
    (
        "duplicate unit id",
        lambda: cg.Estate.from_records(rows(unit="1-101")),
        cg.exceptions.DuplicateIdError,
        ValueError,
        "1-101",
    ),
    (
        "unit without owners",
        from_rows(owners=[]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "9-901",
    ),
    (
        "row of unit without owners",
        from_rows(owners=[]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "row 1",
    ),
    (
        "duplicate owner in unit",
        from_rows(owners=["Li", "Li"]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "9-901",
    ),
    ("owners not a list", from_rows(owners=5), cg.exceptions.InvalidRecordError, ValueError, "5"),
    (
        "owner id not a str",
        from_rows(owners=[7]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "9-901",
    ),
    (
        "blank owner id",
        from_rows(owners=["  "]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "row 1",
    ),
    (
        "unit id missing",
        from_rows(unit=None),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "row 1",
    ),
    ("unit id blank", from_rows(unit=" "), cg.exceptions.InvalidRecordError, ValueError, "row 1"),
    (
        "unknown status",
        from_rows(status="rented"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "rented",
    ),
    (
        "unknown status row",
        from_rows(status="rented"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "row 1",
    ),
    (
        "unknown status unit",
        from_rows(status="rented"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "9-901",
    ),
    ("unknown use", from_rows(use="farm"), cg.exceptions.InvalidChoiceError, ValueError, "9-901"),
    (
        "unknown area source",
        from_rows(area_source="rumour"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "rumour",
    ),
    ("unknown row key", from_rows(floor=9), cg.exceptions.InvalidRecordError, ValueError, "floor"),
    (
        "unknown row key row",
        from_rows(floor=9),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "row 1",
    ),
    (
        "missing area",
        lambda: cg.Estate.from_records([{"unit": "1-101", "owners": ["Li"]}]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "1-101",
    ),
    (
        "missing owners",
        lambda: cg.Estate.from_records([{"unit": "1-101", "area": "1"}]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "'owners'",
    ),
    (
        "empty estate",
        lambda: cg.Estate.from_records([]),
        cg.exceptions.EmptyEstateError,
        ValueError,
        "unit",
    ),
    (
        "unsold unit of a declared person",
        lambda: cg.Estate.from_records(
            [{"unit": "1-101", "area": "1", "owners": ["Li"], "status": "unsold"}],
            owners=[cg.Owner("Li")],
        ),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "1-101",
    ),
    (
        "owner holding no unit",
        lambda: cg.Estate.from_records(
            [{"unit": "1-101", "area": "1", "owners": ["Li"]}], owners=[{"id": "Ghost"}]
        ),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "Ghost",
    ),
    (
        "unknown owner reference",
        lambda: cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Wang")]),
        cg.exceptions.UnknownReferenceError,
        LookupError,
        "Li",
    ),
    (
        "duplicate owner id",
        lambda: cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Li"), cg.Owner("Li")]),
        cg.exceptions.DuplicateIdError,
        ValueError,
        "Li",
    ),
    ("blank owner", lambda: cg.Owner(""), cg.exceptions.InvalidRecordError, ValueError, "''"),
    (
        "unknown owner kind",
        lambda: cg.Owner("Li", "alien"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "alien",
    ),
    (
        "unknown capacity",
        lambda: cg.Owner("Li", capacity=3),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "3",
    ),
    (
        "unknown owner lookup",
        lambda: estate().owner("Nobody"),
        cg.exceptions.UnknownReferenceError,
        LookupError,
        "Nobody",
    ),
    (
        "unknown unit lookup",
        lambda: estate().unit("9-999"),
        cg.exceptions.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    (
        "unknown unit in grouping",
        lambda: estate().grouping(["1-101", "9-999"]),
        cg.exceptions.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    # ------------------------------------------------------------------ ballots
    (
        "unknown unit in ballot",
        decide_with([cg.Ballot("9-999", "agree")]),
        cg.exceptions.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    (
        "duplicate ballot",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("1-101", "agree")]),
        cg.exceptions.DuplicateBallotError,
        ValueError,
        "1-101",
    ),
    (
        "conflicting ballots",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "oppose")]),
        cg.exceptions.ConflictingBallotsError,
        ValueError,
        "2-301",
    ),
    (
        "conflicting ballots person",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "abstain")]),
        cg.exceptions.ConflictingBallotsError,
        ValueError,
        "Li",
    ),
    (
        "unknown choice",
        lambda: cg.Ballot("1-101", "maybe"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "maybe",
    ),
    (
        "choice not a str",
        lambda: cg.Ballot("1-101", 1),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "1",
    ),
    (
        "bad proxy type",
        lambda: cg.Ballot("1-101", "agree", proxy="Wang"),
        cg.exceptions.VotingInputError,
        TypeError,
        "Wang",
    ),
    (
        "ballot without unit",
        lambda: cg.Ballot("", "agree"),
        cg.exceptions.InvalidBallotError,
        ValueError,
        "''",
    ),
    (
        "ballot unit not str",
        lambda: cg.Ballot(101, "agree"),
        cg.exceptions.InvalidBallotError,
        ValueError,
        "101",
    ),
    (
        "unknown matter",
        decide_with([], matter="fireworks"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "fireworks",
    ),
    # ------------------------------------------------------------------ rule sets
    (
        "unknown jurisdiction",
        lambda: cg.rules_for("XX", on=ON),
        cg.exceptions.UnknownJurisdictionError,
        LookupError,
        "XX",
    ),
    (
        "unknown child jurisdiction",
        lambda: cg.rules_for("CN-ZZ", on=ON),
        cg.exceptions.UnknownJurisdictionError,
        LookupError,
        "CN-ZZ",
    ),
    (
        "date before any rule set",
        lambda: cg.rules_for("CN", on=date(2003, 8, 31)),
        cg.exceptions.RuleSetNotInForceError,
        LookupError,
        "2003-08-31",
    ),
    (
        "include_unconfirmed as a string",
        lambda: cg.rules_for("CN", on=date(2006, 1, 1), include_unconfirmed="no"),  # type: ignore[arg-type]
        cg.exceptions.RuleSetInputError,
        TypeError,
        "include_unconfirmed",
    ),
    (
        "include_unconfirmed as a number",
        lambda: cg.rules_for("CN", on=ON, include_unconfirmed=1),  # type: ignore[arg-type]
        cg.exceptions.RuleSetInputError,
        TypeError,
        "1",
    ),
    (
        "RuleSet include_unconfirmed as a string",
        lambda: cg.RuleSet("CN", ON, (), "False"),  # type: ignore[arg-type]
        cg.exceptions.RuleSetInputError,
        TypeError,
        "include_unconfirmed",
    ),
    (
        "unconfirmed period by default",
        lambda: cg.rules_for("CN", on=date(2007, 9, 30)),
        cg.exceptions.RuleSetNotInForceError,
        LookupError,
        "include_unconfirmed",
    ),
    (
        "estate layer not in force",
        lambda: cg.rules_for("CN", on=ON).with_layer(
            cg.jurisdictions.estate_layer(
                "ours", params={}, clause="Art. 1", valid_from=date(2023, 1, 1)
            )
        ),
        cg.exceptions.RuleSetError,
        LookupError,
        "ours",
    ),
    (
        "missing parameter",
        lambda: cg.rules_for("CN", on=ON).require(None, "zz_test_param"),
        cg.exceptions.RuleSetError,
        LookupError,
        "zz_test_param",
    ),
    ("float ratio", threshold(ratio=0.5), cg.exceptions.InvalidRuleError, ValueError, "0.5"),
    ("bool ratio", threshold(ratio=True), cg.exceptions.InvalidRuleError, ValueError, "True"),
    ("zero ratio", threshold(ratio=0), cg.exceptions.InvalidRuleError, ValueError, "0"),
    (
        "ratio above one",
        threshold(ratio="3/2"),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "3/2",
    ),
    (
        "negative ratio",
        threshold(ratio=Fraction(-1, 2)),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "Fraction(-1, 2)",
    ),
    (
        "quorum with a non-ALL base",
        lambda: cg.ResolutionRule((ok_threshold(cg.Base.PARTICIPATING),), (ok_threshold(),), CITE),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "participating",
    ),
    (
        "empty approval",
        lambda: cg.ResolutionRule((ok_threshold(),), (), CITE),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "approval",
    ),
    (
        "layer ending before it starts",
        lambda: cg.rules.Layer("CN", "backwards", date(2030, 1, 2), date(2030, 1, 1)),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "backwards",
    ),
    # ------------------------------------------------------------------ calendar
    (
        "period_end start as a string",
        lambda: cg.period_end("2025-01-01", days=1, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "start '2025-01-01'",
    ),
    (
        "period_end start as a datetime",
        lambda: cg.period_end(datetime(2025, 1, 1, 8), days=1, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "is a datetime",
    ),
    (
        "is_within on as a string",
        lambda: cg.calendar.is_within(date(2025, 1, 1), "2025-01-01"),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "on '2025-01-01'",
    ),
    (
        "day_number on as a datetime",
        lambda: cg.calendar.day_number(date(2025, 1, 1), datetime(2025, 1, 2)),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "on datetime",
    ),
    (
        "rest day asked for a string",
        lambda: cg.WeekendCalendar().is_rest_day("2025-01-04"),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "day '2025-01-04'",
    ),
    (
        "date.max + 1 day",
        lambda: cg.period_end(date.max, days=1, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "start 9999-12-31",
    ),
    (
        "date.max + 1 month",
        lambda: cg.period_end(date(9999, 12, 15), months=1, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "9999-12-15",
    ),
    (
        "days=10**9",
        lambda: cg.period_end(ON, days=10**9, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "days <= 36600",
    ),
    (
        "years=10000",
        lambda: cg.period_end(ON, years=10000, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "years <= 100",
    ),
    (
        "months=1201",
        lambda: cg.rules.Period(months=1201),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "months <= 1200",
    ),
    (
        "working days without a calendar",
        lambda: cg.period_end(ON, working_days=10, calendar=None),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "working days need a holiday calendar",
    ),
    (
        "a year past the checked holiday schedule",
        lambda: cg.ChinaHolidayCalendar().is_rest_day(date(2027, 1, 4)),
        cg.exceptions.HolidayDataUnavailableError,
        LookupError,
        "2027",
    ),
    # ------------------------------------------------------------------ round trips
    (
        "schema mismatch",
        lambda: cg.Estate.from_dict(
            {**estate().to_dict(), "schema": "community_governance.estate/9"}
        ),
        cg.exceptions.InvalidDataError,
        ValueError,
        "estate/9",
    ),
    (
        "missing schema",
        lambda: cg.Owner.from_dict({"id": "Li"}),
        cg.exceptions.InvalidDataError,
        ValueError,
        "schema",
    ),
    (
        "unit data missing a field",
        lambda: cg.Unit.from_dict({"schema": "community_governance.unit/1", "id": "1-101"}),
        cg.exceptions.InvalidDataError,
        ValueError,
        "owners",
    ),
    (
        "estate data with a bad status",
        lambda: cg.Estate.from_dict(
            {
                **estate().to_dict(),
                "units": [{**estate().to_dict()["units"][0], "status": "rented"}],
            }
        ),
        cg.exceptions.InvalidDataError,
        ValueError,
        "units[0].status",
    ),
    (
        "ballot data with an extra key",
        lambda: cg.Ballot.from_dict({**cg.Ballot("1-101", "agree").to_dict(), "weight": 2}),
        cg.exceptions.InvalidDataError,
        ValueError,
        "weight",
    ),
    (
        "estate data that is None",
        lambda: cg.Estate.from_dict(None),  # type: ignore[arg-type]
        cg.exceptions.InvalidDataError,
        ValueError,
        "data must be a dict, not NoneType",
    ),
    (
        "estate data that is a list",
        lambda: cg.Estate.from_dict([]),  # type: ignore[arg-type]
        cg.exceptions.InvalidDataError,
        ValueError,
        "data must be a dict, not list",
    ),
    (
        "unit data that is a string",
        lambda: cg.Unit.from_dict("1-101"),  # type: ignore[arg-type]
        cg.exceptions.InvalidDataError,
        ValueError,
        "not str '1-101'",
    ),
    (
        "rows that are None",
        lambda: cg.Estate.from_records(None),  # type: ignore[arg-type]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "rows must be a list of records, not NoneType",
    ),
    (
        "rows that are one record, not a list",
        lambda: cg.Estate.from_records({"unit": "1", "area": "1", "owners": "A"}),  # type: ignore[arg-type]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "rows must be a list of records, not dict",
    ),
    (
        "a row that is not a mapping",
        lambda: cg.Estate.from_records([None]),  # type: ignore[list-item]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "row 0: a row must be a mapping, not NoneType",
    ),
    (
        "owners that are None",
        lambda: cg.Estate.from_records(rows(), owners=None),  # type: ignore[arg-type]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "owners must be a list of records, not NoneType",
    ),
    (
        "a declared owner with an unknown key",
        lambda: cg.Estate.from_records(rows(), owners=[{"id": "Li", "colour": "red"}]),
        cg.exceptions.InvalidRecordError,
        ValueError,
        "owners[0]: unknown field(s) ['colour']",
    ),
    (
        "a declared owner that is a string",
        lambda: cg.Estate.from_records(rows(), owners=["Li"]),  # type: ignore[list-item]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "owners[0] must be an Owner or a mapping, not 'Li'",
    ),
    (
        "an area with Arabic-Indic digits",
        from_rows(area="٨٩"),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "ASCII digits",
    ),
    (
        "an area of 1E-999999",
        from_rows(area="1E-999999"),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "more than 4 decimal places",
    ),
    (
        "an area of JSON true in estate data",
        lambda: cg.Estate.from_dict(
            {**estate().to_dict(), "units": [{**estate().to_dict()["units"][0], "area": True}]}
        ),
        cg.exceptions.InvalidDataError,
        ValueError,
        "bool True is not an exact number",
    ),
    (
        "a float area in estate data",
        lambda: cg.Estate.from_dict(
            {**estate().to_dict(), "units": [{**estate().to_dict()["units"][0], "area": 89.37}]}
        ),
        cg.exceptions.InvalidDataError,
        ValueError,
        "float 89.37 is not an exact number",
    ),
    (
        "decision data of another kind",
        lambda: cg.Decision.from_dict(cg.Ballot("1-101", "agree").to_dict()),
        cg.exceptions.InvalidDataError,
        ValueError,
        "ballot/1",
    ),
    # ------------------------------------------------------------------ audits
    (
        "audit float percentage",
        lambda: audit.reported_percentage(103, 96.8),
        cg.exceptions.AuditError,
        ValueError,
        "96.8",
    ),
    (
        "audit bool total",
        lambda: audit.reported_percentage(True, "5"),
        cg.exceptions.AuditError,
        ValueError,
        "total",
    ),
    (
        "audit str count",
        lambda: audit.AnnouncedDecision(agree_heads="3"),
        cg.exceptions.AuditError,
        ValueError,
        "'3'",
    ),
    (
        "audit str passed",
        lambda: audit.AnnouncedDecision(passed="no"),
        cg.exceptions.AuditError,
        ValueError,
        "'no'",
    ),
    (
        "audit str elected",
        lambda: audit.AnnouncedElection(elected="Ma"),
        cg.exceptions.AuditError,
        ValueError,
        "'Ma'",
    ),
    (
        "audit elected id",
        lambda: audit.AnnouncedElection(elected=[7]),
        cg.exceptions.AuditError,
        ValueError,
        "7",
    ),
    (
        "audit str alternates",
        lambda: audit.AnnouncedElection(alternates="Ma"),
        cg.exceptions.AuditError,
        ValueError,
        "alternates 'Ma'",
    ),
    (
        "audit str unfilled",
        lambda: audit.AnnouncedElection(unfilled="1"),
        cg.exceptions.AuditInputError,
        TypeError,
        "unfilled seats '1'",
    ),
    (
        "audit float spoiled",
        lambda: audit.AnnouncedElection(spoiled_heads=2.0),
        cg.exceptions.AuditInputError,
        TypeError,
        "spoiled ballots 2.0",
    ),
    (
        "audit candidate id",
        lambda: audit.AnnouncedCandidate(None),
        cg.exceptions.AuditError,
        ValueError,
        "None",
    ),
    (
        "proxy with a string for written_authorisation",
        lambda: cg.Proxy("Zhou", written_authorisation="no"),  # type: ignore[arg-type]
        VotingInputError,
        TypeError,
        "written_authorisation",
    ),
    (
        "proxy with no holder",
        lambda: cg.Proxy("", written_authorisation=True),
        VotingInputError,
        TypeError,
        "holder",
    ),
    (
        "threshold measure 'head'",
        lambda: cg.Threshold("head", cg.Base.ALL, cg.Comparator.AT_LEAST, "1/2", CITE),  # type: ignore[arg-type]
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "'head'",
    ),
    (
        "threshold comparator '>='",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, ">=", "1/2", CITE),  # type: ignore[arg-type]
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "at-least, more-than",
    ),
    (
        "threshold ratio 'abc'",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "abc", CITE),  # type: ignore[arg-type]
        cg.exceptions.InvalidRuleError,
        ValueError,
        "'abc'",
    ),
    (
        "threshold ratio '1/0'",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "1/0", CITE),  # type: ignore[arg-type]
        cg.exceptions.InvalidRuleError,
        ValueError,
        "'1/0'",
    ),
    (
        "threshold ratio with an exponent",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "1e-99999", CITE),  # type: ignore[arg-type]
        cg.exceptions.InvalidRuleError,
        ValueError,
        "at most 1000",
    ),
    (
        "threshold ratio with a huge denominator",
        lambda: cg.Threshold(
            cg.Measure.AREA, cg.Base.ALL, cg.Comparator.AT_LEAST, Fraction(1, 1001), CITE
        ),
        cg.exceptions.InvalidRuleError,
        ValueError,
        "at most 1000",
    ),
    (
        "a dict where a ballot is expected",
        decide_with([{"unit": "1-101", "choice": "agree"}]),
        VotingInputError,
        TypeError,
        "'unit'",
    ),
    (
        "a tuple where a ballot is expected",
        decide_with([("1-101", "agree")]),
        VotingInputError,
        TypeError,
        "('1-101', 'agree')",
    ),
    (
        "None for ballots",
        lambda: cg.decide(
            estate(), None, matter="elect-committee", rules=cg.rules_for("CN", on=ON)
        ),  # type: ignore[arg-type]
        VotingInputError,
        TypeError,
        "ballots",
    ),
    (
        "None for the estate",
        lambda: cg.decide(None, [], matter="elect-committee", rules=cg.rules_for("CN", on=ON)),  # type: ignore[arg-type]
        VotingInputError,
        TypeError,
        "estate",
    ),
    (
        "None for the rules",
        lambda: cg.decide(estate(), [], matter="elect-committee", rules=None),  # type: ignore[arg-type]
        VotingInputError,
        TypeError,
        "rules",
    ),
    (
        "a string for an election's earlier round",
        lambda: cg.elect(
            estate(), [], candidates=["Li"], seats=1, rules=cg.rules_for("CN", on=ON), previous="x"
        ),  # type: ignore[arg-type]
        cg.exceptions.ElectionInputError,
        TypeError,
        "previous must be the ElectionResult of the earlier round, not 'x'",
    ),
    (
        "None for an election's rules",
        lambda: cg.elect(estate(), [], candidates=["Li"], seats=1, rules=None),  # type: ignore[arg-type]
        cg.exceptions.ElectionInputError,
        TypeError,
        "rules must be a RuleSet",
    ),
    (
        "None for an election's estate",
        lambda: cg.elect(None, [], candidates=["Li"], seats=1, rules=cg.rules_for("CN", on=ON)),  # type: ignore[arg-type]
        cg.exceptions.ElectionInputError,
        TypeError,
        "estate must be an Estate, not None",
    ),
    (
        "an approval column named twice",
        lambda: fr.ElectionColumns(approvals=["Li", "Li"]),
        cg.exceptions.FrameError,
        ValueError,
        "names column 'Li' twice",
    ),
    (
        "a code string for the rules",
        lambda: cg.decide(estate(), [], matter="elect-committee", rules="CN"),  # type: ignore[arg-type]
        VotingInputError,
        TypeError,
        "'CN'",
    ),
    (
        "opened given as a string",
        lambda: cg.decide(
            estate(),
            [],
            matter="elect-committee",
            rules=cg.rules_for("CN", on=ON),
            opened="2022-05-01",  # type: ignore[arg-type]
        ),
        VotingInputError,
        TypeError,
        "opened",
    ),
    (
        "opened given as a datetime",
        lambda: cg.decide(
            estate(),
            [],
            matter="elect-committee",
            rules=cg.rules_for("CN", on=ON),
            opened=datetime(2022, 5, 1),
        ),
        VotingInputError,
        TypeError,
        "datetime",
    ),
    (
        "opened after the vote closed",
        lambda: cg.decide(
            estate(),
            [],
            matter="elect-committee",
            rules=cg.rules_for("CN", on=ON),
            opened=date(2022, 6, 2),
        ),
        cg.exceptions.VotingArgumentError,
        ValueError,
        "opened 2022-06-02 after it closed 2022-06-01",
    ),
    # ------------------------------------------------------------------ hardening (issue 9)
    (
        "counting given as a string",
        lambda: cg.Estate.from_records(rows(), counting="merge"),  # type: ignore[arg-type]
        cg.exceptions.InvalidRecordError,
        ValueError,
        "counting must be a CountingPolicy",
    ),
    (
        "counting overlap not a policy",
        lambda: CountingPolicy(overlap="join"),  # type: ignore[arg-type]
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "'join'",
    ),
    (
        "citation effective as a datetime",
        lambda: Citation("civil_code", "278", effective=datetime(2021, 1, 1)),
        cg.exceptions.CitationTypeError,
        TypeError,
        "effective",
    ),
    (
        "citation effective as a string",
        lambda: Citation("civil_code", "278", effective="2021-01-01"),  # type: ignore[arg-type]
        cg.exceptions.CitationTypeError,
        TypeError,
        "'2021-01-01'",
    ),
    (
        "citation article as a number",
        lambda: Citation("civil_code", 278),  # type: ignore[arg-type]
        cg.exceptions.CitationTypeError,
        TypeError,
        "Citation.article must be a string, not 278",
    ),
    (
        "citation text version as a number",
        lambda: Citation("civil_code", "278", text_version=2020),  # type: ignore[arg-type]
        cg.exceptions.CitationTypeError,
        TypeError,
        "Citation.text_version must be a string or None, not 2020",
    ),
    (
        "citation confidence not a member",
        lambda: Citation("civil_code", "278", confidence="sure"),  # type: ignore[arg-type]
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "'sure'",
    ),
    (
        "citation uncertain as a string",
        lambda: Citation("civil_code", "278", uncertain="article_number"),  # type: ignore[arg-type]
        cg.exceptions.CitationTypeError,
        TypeError,
        "uncertain",
    ),
    (
        "estate layer adopted on a datetime",
        lambda: cg.jurisdictions.estate_layer(
            "x",
            params={},
            clause="1",
            valid_from=datetime(2023, 1, 1),
        ),
        cg.exceptions.CitationTypeError,
        TypeError,
        "datetime",
    ),
    (
        "layer in force on a datetime",
        lambda: cg.rules_for("CN", on=ON).layers[0].in_force(datetime(2022, 6, 1)),
        cg.exceptions.RuleSetInputError,
        TypeError,
        "Layer.in_force",
    ),
    (
        "rules_for a None code",
        lambda: cg.rules_for(None, on=ON),  # type: ignore[arg-type]
        cg.exceptions.RuleSetInputError,
        TypeError,
        "not None",
    ),
    (
        "rules_for on a datetime",
        lambda: cg.rules_for("CN", on=datetime(2022, 6, 1)),
        cg.exceptions.RuleSetInputError,
        TypeError,
        "datetime",
    ),
    (
        "rules_for on a string",
        lambda: cg.rules_for("CN", on="2022-06-01"),  # type: ignore[arg-type]
        cg.exceptions.RuleSetInputError,
        TypeError,
        "'2022-06-01'",
    ),
    (
        "with_layer given a string",
        lambda: cg.rules_for("CN", on=ON).with_layer("x"),  # type: ignore[arg-type]
        cg.exceptions.RuleSetError,
        LookupError,
        "'x'",
    ),
    (
        "deadline days_left on a datetime",
        lambda: deadline().days_left(datetime(2025, 1, 3)),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "datetime",
    ),
    (
        "decision numerator with a huge exponent",
        lambda: cg.Decision.from_dict(decision_data(numerator="1E+999999999")),
        cg.exceptions.InvalidDataError,
        ValueError,
        "exponent",
    ),
    (
        "decision numerator of 4301 digits",
        lambda: cg.Decision.from_dict(decision_data(numerator="9" * 4301)),
        cg.exceptions.InvalidDataError,
        ValueError,
        "4301 characters",
    ),
    *[
        (
            f"{loader.__qualname__.split('.')[0]}.from_dict({bad!r})",
            lambda loader=loader, bad=bad: loader(bad),
            cg.exceptions.InvalidDataError,
            ValueError,
            f"data must be a dict, not {type(bad).__name__}",
        )
        for loader in (
            cg.Estate.from_dict,
            cg.Owner.from_dict,
            cg.Unit.from_dict,
            cg.Ballot.from_dict,
            cg.Decision.from_dict,
            cg.calendar.Deadline.from_dict,
            audit.DecisionAudit.from_dict,
            audit.ElectionAudit.from_dict,
            cm.Committee.from_dict,
        )
        for bad in (None, [], "x", 5)
    ],
    (
        "decide with an empty scope",
        lambda: cg.decide(
            estate(), [], matter="elect-committee", rules=cg.rules_for("CN", on=ON), scope=[]
        ),
        cg.exceptions.EmptyEstateError,
        ValueError,
        "the scope selects no unit (units=[]",
    ),
    # ------------------------------------------------------------------ money
    *[
        (f"money amount {text!r}", lambda text=text: mo.fen(text), error, base, named)
        for text, error, base, named in (
            ("1E+999999999", cg.exceptions.MoneyError, ValueError, "too large"),
            ("1E-999999999", cg.exceptions.MoneyError, ValueError, "finer than a fen"),
            ("-1", cg.exceptions.MoneyError, ValueError, "non-negative"),
            ("9" * 5000, cg.exceptions.MoneyError, ValueError, "too long"),
            ("١٢٣", cg.exceptions.MoneyError, ValueError, "ASCII digits only"),
            ("１２３", cg.exceptions.MoneyError, ValueError, "ASCII digits only"),
            ("1_000", cg.exceptions.MoneyError, ValueError, "no underscores"),
            ("0.001", cg.exceptions.MoneyError, ValueError, "finer than a fen"),
            (1.5, cg.exceptions.MoneyTypeError, TypeError, "1.5"),
            (True, cg.exceptions.MoneyTypeError, TypeError, "True"),
            (None, cg.exceptions.MoneyTypeError, TypeError, "None"),
        )
    ],
    (
        "apportion basis unknown",
        lambda: mo.apportion("100", estate(), "heads"),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "area, unit, household, share",
    ),
    (
        "fund balance of a string of units",
        lambda: fund().balance(units="1-101"),  # type: ignore[arg-type]
        cg.exceptions.MoneyTypeError,
        TypeError,
        "'1-101'",
    ),
    (
        "fund balance of an unknown unit",
        lambda: fund().balance(units=("9-999",)),
        cg.exceptions.MoneyError,
        ValueError,
        "9-999",
    ),
    (
        "fund balances on a string",
        lambda: fund().balances(on="2025-01-01"),  # type: ignore[arg-type]
        cg.exceptions.MoneyTypeError,
        TypeError,
        "2025-01-01",
    ),
    (
        "fund deposit purpose not text",
        lambda: fund().deposit(levy(), on=date(2025, 5, 1), purpose=3),  # type: ignore[arg-type]
        cg.exceptions.MoneyTypeError,
        TypeError,
        "purpose",
    ),
    (
        "emergency fact given as a string",
        lambda: mo.EmergencyApplication(
            "committee",
            endangers_safety="yes",  # type: ignore[arg-type]
            split=levy(),
            published=True,
            audited=True,
        ),
        cg.exceptions.MoneyTypeError,
        TypeError,
        "endangers_safety",
    ),
    (
        "emergency split not an apportionment",
        lambda: mo.EmergencyApplication(
            "committee",
            endangers_safety=True,
            split="1000",  # type: ignore[arg-type]
            published=True,
            audited=True,
        ),
        cg.exceptions.MoneyTypeError,
        TypeError,
        "split must be an Apportionment",
    ),
    (
        "emergency applicant unknown",
        lambda: mo.EmergencyApplication(
            "mayor",
            endangers_safety=True,
            split=levy(),
            published=True,
            audited=True,
        ),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "assembly, committee",
    ),
    # ------------------------------------------------------------------ calendar working days
    (
        "next working day without a calendar",
        lambda: cg.calendar.next_working_day(ON, None),  # type: ignore[arg-type]
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "calendar is required",
    ),
    (
        "previous working day with a string calendar",
        lambda: cg.calendar.previous_working_day(ON, "CN"),  # type: ignore[arg-type]
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "'CN'",
    ),
    (
        "working days between, reversed",
        lambda: cg.calendar.working_days_between(ON, date(2022, 1, 1), WEEKEND),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "before start",
    ),
    (
        "working days between, 9998 years (bounded)",
        lambda: cg.calendar.working_days_between(date(1, 1, 1), date(9999, 1, 1), WEEKEND),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "36600",
    ),
    (
        "working days between, a datetime",
        lambda: cg.calendar.working_days_between(datetime(2022, 1, 1), ON, WEEKEND),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "datetime",
    ),
    (
        "period of 10**7 working days (bounded)",
        lambda: cg.period_end(ON, working_days=10**7, calendar=WEEKEND),
        cg.exceptions.InvalidPeriodError,
        ValueError,
        "26100",
    ),
    # ------------------------------------------------------------------ committee
    (
        "committee elected without a rule set",
        lambda: cm.elect_committee(
            list("ABCDE"), elected_on=date(2020, 6, 30), term_years=5, rules=None
        ),  # type: ignore[arg-type]
        cg.exceptions.CommitteeInputError,
        TypeError,
        "rules must be a RuleSet",
    ),
    (
        "committee members as one string",
        lambda: cm.elect_committee(
            "ABCDE",  # type: ignore[arg-type]
            elected_on=date(2020, 6, 30),
            term_years=5,
            rules=cg.rules_for("CN-SH", on=date(2020, 7, 1)),
        ),
        cg.exceptions.CommitteeInputError,
        TypeError,
        "'ABCDE'",
    ),
    (
        "committee term as a string",
        lambda: cm.elect_committee(
            list("ABCDE"),
            elected_on=date(2020, 6, 30),
            term_years="5",  # type: ignore[arg-type]
            rules=cg.rules_for("CN-SH", on=date(2020, 7, 1)),
        ),
        cg.exceptions.CommitteeInputError,
        TypeError,
        "term_years",
    ),
    (
        "re-election plan with a code for rules",
        lambda: cm.reelection_plan(committee(), rules="CN-SH"),  # type: ignore[arg-type]
        cg.exceptions.CommitteeInputError,
        TypeError,
        "'CN-SH'",
    ),
    (
        "vacancy action without a rule set",
        lambda: cm.vacancy_action(committee(), rules=None),  # type: ignore[arg-type]
        cg.exceptions.CommitteeInputError,
        TypeError,
        "rules",
    ),
    (
        "timeline ledger with a string date",
        lambda: cm.check_timeline(
            cm.reelection_plan(committee(), rules=cg.rules_for("CN-SH", on=date(2025, 1, 1))),
            {"vote": "2025-01-01"},
            on=ON,
        ),
        cg.exceptions.CommitteeInputError,
        TypeError,
        "2025-01-01",
    ),
    # ------------------------------------------------------------------ packs
    *[
        (
            f"pack {code} on a string",
            lambda code=code: cg.rules_for(code, on="2025-01-01"),  # type: ignore[arg-type]
            cg.exceptions.RuleSetInputError,
            TypeError,
            "2025-01-01",
        )
        for code in ("TW", "JP", "DE", "HK", "FR")
    ],
    # ------------------------------------------------------------------ frames
    (
        "frame: None",
        lambda: fr.estate_from_frame(None),
        cg.exceptions.FrameError,
        ValueError,
        "NoneType",
    ),
    (
        "frame: float area",
        lambda: fr.estate_from_frame(frame_of(area=1.5)),
        cg.exceptions.AreaTypeError,
        TypeError,
        "1.5",
    ),
    (
        "frame: exponent bomb area",
        lambda: fr.estate_from_frame(frame_of(area="1E-999999")),
        cg.exceptions.AreaBoundsError,
        ValueError,
        "decimal places",
    ),
    (
        "frame: Arabic-Indic digits",
        lambda: fr.estate_from_frame(frame_of(area="١٢")),
        cg.exceptions.InvalidAreaError,
        ValueError,
        "ASCII",
    ),
    (
        "frame ballots: choice not a word",
        lambda: fr.ballots_from_frame(pd.DataFrame({"unit": ["1"], "choice": [True]})),
        cg.exceptions.InvalidChoiceError,
        ValueError,
        "agree, oppose",
    ),
    # ------------------------------------------------------------------ plain data types
    *[
        (
            f"decision data {name}",
            lambda change=change: cg.Decision.from_dict(changed(change)),
            cg.exceptions.InvalidDataError,
            ValueError,
            named,
        )
        for name, change, named in (
            ("heads as text", ("tally", "agree", "heads", "2"), "not a whole number"),
            ("heads bomb", ("tally", "agree", "heads", 10**5000), "10**16"),
            ("passed as text", ("checks", 0, "passed", "false"), "not true or false"),
            ("area exponent bomb", ("tally", "agree", "area", "1E+999999999"), "area"),
        )
    ],
]


@pytest.mark.parametrize(
    ("call", "error", "builtin", "named"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input_raises_specific_error_naming_the_item(
    call: Callable[[], object], error: type[Exception], builtin: type[Exception], named: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, builtin)
    assert isinstance(info.value, cg.GovernanceError)
    assert named in str(info.value)


def test_errors_carry_structured_fields() -> None:
    with pytest.raises(cg.exceptions.ConflictingBallotsError) as conflict:
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "oppose")])()
    assert conflict.value.person == "Li"
    assert conflict.value.units == ("1-101", "2-301")
    assert conflict.value.details == {"person": "Li", "units": ("1-101", "2-301")}
    with pytest.raises(cg.exceptions.InvalidRecordError) as missing:
        cg.Estate.from_records([{"unit": "1-101", "area": "1", "owners": []}])
    assert (missing.value.row, missing.value.field) == (0, "owners")
    with pytest.raises(cg.exceptions.AreaTypeError) as area:
        cg.Estate.from_records([{"unit": "1-101", "area": 1.5, "owners": ["Li"]}])
    assert (area.value.what, area.value.value) == ("area of unit 1-101", 1.5)
    with pytest.raises(cg.exceptions.InvalidChoiceError) as choice:
        cg.Ballot("1-101", "maybe")
    assert "agree" in choice.value.allowed
    assert "同意" in choice.value.allowed
    with pytest.raises(cg.exceptions.UnknownJurisdictionError) as unknown:
        cg.rules_for("XX", on=ON)
    assert unknown.value.code == "XX"
    assert {"CN", "CN-SH"} <= set(unknown.value.known)
    with pytest.raises(cg.exceptions.RuleSetNotInForceError) as early:
        cg.rules_for("CN-SH", on=date(2003, 1, 1))
    assert (early.value.code, early.value.on) == ("CN", "2003-01-01")
    with pytest.raises(cg.exceptions.DuplicateIdError) as dup:
        cg.Estate.from_records(rows(unit="1-101"))
    assert (dup.value.kind, dup.value.id) == ("unit", "1-101")
    with pytest.raises(cg.exceptions.UnknownReferenceError) as ref:
        cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Wang")])
    assert (ref.value.kind, ref.value.id, ref.value.referrer) == ("owner", "Li", "1-101")
    with pytest.raises(cg.exceptions.UnknownUnitError) as unit:
        decide_with([cg.Ballot("9-999", "agree")])()
    assert unit.value.unit == "9-999"
    with pytest.raises(cg.exceptions.DuplicateBallotError) as twice:
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("1-101", "agree")])()
    assert twice.value.unit == "1-101"


def test_stale_date_warns_and_is_flagged() -> None:
    with pytest.warns(cg.exceptions.StaleRuleSetWarning, match="2025-12-31"):
        rules = cg.rules_for("CN", on=date(2026, 1, 1))
    assert {notice.code for notice in rules.notices} == {"layer-stale"}
    decision = cg.decide(estate(), [], matter="elect-committee", rules=rules)
    assert "layer-stale" in {notice.code for notice in decision.notices}


def test_last_checked_day_does_not_warn() -> None:
    rules = cg.rules_for("CN-SH", on=date(2025, 12, 31))  # filterwarnings=error would fail
    assert rules.notices == ()


class TestRegistration:
    """Registries are values: adding a jurisdiction returns a new registry."""

    def zz(self, *layers: cg.rules.Layer, code: str = "ZZ") -> cg.rules.Jurisdiction:
        return cg.rules.Jurisdiction(code, "test", date(2030, 1, 1), layers)

    def test_overlapping_layer(self) -> None:
        with pytest.raises(cg.exceptions.InvalidRuleError, match="overlaps") as info:
            self.zz(
                layer("ZZ 2030", code="ZZ"), layer("ZZ 2031", code="ZZ", start=date(2031, 1, 1))
            )
        assert isinstance(info.value, ValueError)
        assert "ZZ 2031" in str(info.value)
        assert "ZZ 2030" in str(info.value)

    def test_layer_of_another_code(self) -> None:
        with pytest.raises(cg.exceptions.InvalidRuleError, match="inside jurisdiction"):
            self.zz(layer("QQ 2030", code="QQ"))

    def test_other_topic_may_overlap(self) -> None:
        voting = layer("ZZ voting", code="ZZ")
        elections = cg.rules.Layer("ZZ", "ZZ elections", date(2021, 1, 1), None, topic="elections")
        registry = REGISTRY.with_jurisdiction(self.zz(voting, elections))
        rules = cg.rules_for("CN", on=ON, registry=registry)
        assert "CN: Civil Code Art. 278 (2021)" in rules.layer_names

    def test_duplicate_layer_name(self) -> None:
        twin = cg.rules.Layer("ZZ", "CN: Civil Code Art. 278 (2021)", date(2030, 1, 1), None)
        with pytest.raises(cg.exceptions.InvalidRuleError, match="already registered") as info:
            REGISTRY.with_jurisdiction(self.zz(twin))
        assert isinstance(info.value, ValueError)
        assert "ZZ" not in cg.jurisdictions.known_codes()

    def test_duplicate_code(self) -> None:
        with pytest.raises(cg.exceptions.InvalidRuleError, match="twice"):
            REGISTRY.with_jurisdiction(self.zz(code="CN"))

    def test_unknown_parent(self) -> None:
        with pytest.raises(cg.exceptions.InvalidRuleError, match="'QQ'") as info:
            REGISTRY.with_jurisdiction(self.zz(layer("QQ-A", code="QQ-A"), code="QQ-A"))
        assert info.value.field == "code"

    def test_not_a_jurisdiction_or_layer(self) -> None:
        with pytest.raises(cg.exceptions.InvalidRuleError, match="Jurisdiction values"):
            cg.rules.Registry(("CN",))  # type: ignore[arg-type]
        with pytest.raises(cg.exceptions.InvalidRuleError, match="Layer values"):
            self.zz("layer")  # type: ignore[arg-type]

    def test_new_child_resolves_with_its_parent(self) -> None:
        size = cg.rules.SizeRule(3, 9, odd=True, citation=CITE)
        child_layer = cg.rules.Layer(
            "CN-ZJ",
            "CN-ZJ test",
            date(2021, 1, 1),
            None,
            topic="elections",
            elections=cg.rules.ElectionParams(committee_size=cg.rules.Param(size, CITE)),
        )
        registry = REGISTRY.with_jurisdiction(self.zz(child_layer, code="CN-ZJ"))
        rules = cg.rules_for("CN-ZJ", on=ON, registry=registry)
        assert rules.layers[-1] is child_layer
        assert rules.elections.committee_size == cg.rules.Param(size, CITE, "CN-ZJ test")
        assert rules.resolution(cg.Matter.ELECT_COMMITTEE).layer.startswith("CN: Civil Code")
        assert "CN-ZJ" not in cg.jurisdictions.known_codes()  # the bundled registry is untouched


def test_bundled_registry_is_immutable() -> None:
    rules = cg.rules_for("CN", on=ON)
    layer_ = rules.layers[0]
    with pytest.raises(TypeError):
        layer_.resolutions[cg.Matter.ELECT_COMMITTEE] = None  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        layer_.voting = cg.rules.VotingParams()  # type: ignore[misc]
    assert hash(rules) == hash(cg.rules_for("CN", on=ON))
    national = REGISTRY.get("CN")
    voting = [lay.name for lay in national.layers if lay.topic.value == "voting"]
    assert voting == [
        "CN: Property Management Regulations Art. 12 (2003)",
        "CN: Property Rights Law Art. 76 + Regulations Art. 12 (2007)",
        "CN: Civil Code Art. 278 (2021)",
    ]


def test_failed_from_records_changes_nothing() -> None:
    given = rows(area=1.5)
    before = copy.deepcopy(given)
    with pytest.raises(cg.exceptions.AreaTypeError):
        cg.Estate.from_records(given)
    assert given == before


def test_failed_decide_changes_nothing() -> None:
    register = estate()
    snapshot = register.to_dict()
    persons = register.persons
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("1-102", "agree"),
        cg.Ballot("2-301", "oppose"),
    ]
    kept = list(ballots)
    rules = cg.rules_for("CN", on=ON)
    with pytest.raises(cg.exceptions.ConflictingBallotsError):
        cg.decide(register, ballots, matter="elect-committee", rules=rules)
    assert ballots == kept
    assert register.to_dict() == snapshot
    assert register.persons == persons
    # and the same register and rules still decide correctly afterwards
    decision = cg.decide(register, ballots[:2], matter="elect-committee", rules=rules)
    assert decision.tally.agree.heads == 2


def test_failed_with_layer_changes_nothing() -> None:
    rules = cg.rules_for("CN", on=ON)
    with pytest.raises(cg.exceptions.RuleSetError):
        rules.with_layer(
            cg.jurisdictions.estate_layer("x", params={}, clause="1", valid_from=date(2030, 1, 1))
        )
    assert rules.layers == cg.rules_for("CN", on=ON).layers


def test_bad_estate_parameters() -> None:
    rules = cg.rules_for("CN", on=ON)
    # Plain values are checked when the estate layer is built, before any vote.
    with pytest.raises(cg.exceptions.InvalidChoiceError, match="maybe") as spoiled:
        cg.jurisdictions.estate_layer("x", params={"spoiled_ballots": "maybe"}, clause="1")
    assert "spoiled_ballots" in str(spoiled.value)
    with pytest.raises(cg.exceptions.RuleSetError, match="deemed_vote") as info:
        cg.jurisdictions.estate_layer("x", params={"deemed_vote": True}, clause="1")
    assert isinstance(info.value, LookupError)
    with pytest.raises(cg.exceptions.RuleSetError, match="allowed: ") as unknown:
        cg.jurisdictions.estate_layer("x", params={"tie_brake": True}, clause="1")
    assert "tie_break" in str(unknown.value)
    assert rules.voting.deemed_vote is None


#: The engines under mutation testing (docs/how-to/mutation-testing.md): their messages are
#: pinned word for word, so that a changed message, field or value shows at once.
_PINNED = ("/voting/", "/elections/", "/audit/", "/rules/thresholds.py")


def _passed_through(error: BaseException) -> str:
    """The source files of every frame the error passed through, one per line."""
    files, tb = [], error.__traceback__
    while tb is not None:
        files.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    return "\n".join(files)


def test_engine_messages_read_exactly_as_pinned() -> None:
    lines = []
    for name, call, *_ in CASES:
        with pytest.raises(cg.GovernanceError) as info:
            call()
        if any(part in _passed_through(info.value) for part in _PINNED):
            lines.append(f"{name}: {type(info.value).__name__}: {info.value}")
    check_golden(Path(__file__).parent / "golden" / "bad-inputs.txt", "\n".join(lines) + "\n")
