"""The catalogue of bad inputs: each error's type, its built-in base, and what it names."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import community_governance as cg
from community_governance._base.citations import Citation
from community_governance.exceptions import VotingInputError
from community_governance.jurisdictions import registry

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


def layer(name: str, code: str = "CN", start: date = date(2030, 1, 1)) -> cg.Layer:
    return cg.Layer(code=code, name=name, valid_from=start, valid_to=None)


CASES: list[tuple[str, Callable[[], object], type[Exception], type[Exception], str]] = [
    # ------------------------------------------------------------------ areas
    ("float area", from_rows(area=89.37), cg.AreaTypeError, TypeError, "9-901"),
    ("float area hint", from_rows(area=0.1), cg.AreaTypeError, TypeError, "float"),
    ("bool area", from_rows(area=True), cg.AreaTypeError, TypeError, "9-901"),
    ("None area", from_rows(area=None), cg.AreaTypeError, TypeError, "None"),
    ("list area", from_rows(area=[1]), cg.AreaTypeError, TypeError, "9-901"),
    ("NaN str area", from_rows(area="nan"), cg.InvalidAreaError, ValueError, "9-901"),
    ("NaN Decimal area", from_rows(area=Decimal("NaN")), cg.InvalidAreaError, ValueError, "NaN"),
    (
        "sNaN Decimal area",
        from_rows(area=Decimal("sNaN")),
        cg.InvalidAreaError,
        ValueError,
        "9-901",
    ),
    ("inf area", from_rows(area="inf"), cg.InvalidAreaError, ValueError, "inf"),
    (
        "Infinity Decimal",
        from_rows(area=Decimal("-Infinity")),
        cg.InvalidAreaError,
        ValueError,
        "9-901",
    ),
    ("zero area", from_rows(area=0), cg.InvalidAreaError, ValueError, "9-901"),
    ("zero str area", from_rows(area="0.00"), cg.InvalidAreaError, ValueError, "0.00"),
    ("zero Fraction", from_rows(area=Fraction(0)), cg.InvalidAreaError, ValueError, "9-901"),
    ("negative area", from_rows(area="-12.5"), cg.InvalidAreaError, ValueError, "-12.5"),
    ("non-numeric area", from_rows(area="abc"), cg.InvalidAreaError, ValueError, "'abc'"),
    ("division by zero", from_rows(area="1/0"), cg.InvalidAreaError, ValueError, "1/0"),
    ("empty area", from_rows(area=""), cg.InvalidAreaError, ValueError, "9-901"),
    # ------------------------------------------------------------------ rows and units
    (
        "duplicate unit id",
        lambda: cg.Estate.from_records(rows(unit="1-101")),
        cg.DuplicateIdError,
        ValueError,
        "1-101",
    ),
    ("unit without owners", from_rows(owners=[]), cg.InvalidRecordError, ValueError, "9-901"),
    (
        "row of unit without owners",
        from_rows(owners=[]),
        cg.InvalidRecordError,
        ValueError,
        "row 1",
    ),
    (
        "duplicate owner in unit",
        from_rows(owners=["Li", "Li"]),
        cg.InvalidRecordError,
        ValueError,
        "9-901",
    ),
    ("owners not a list", from_rows(owners=5), cg.InvalidRecordError, ValueError, "5"),
    ("owner id not a str", from_rows(owners=[7]), cg.InvalidRecordError, ValueError, "9-901"),
    ("blank owner id", from_rows(owners=["  "]), cg.InvalidRecordError, ValueError, "row 1"),
    ("unit id missing", from_rows(unit=None), cg.InvalidRecordError, ValueError, "row 1"),
    ("unit id blank", from_rows(unit=" "), cg.InvalidRecordError, ValueError, "row 1"),
    ("unknown status", from_rows(status="rented"), cg.InvalidChoiceError, ValueError, "rented"),
    ("unknown status row", from_rows(status="rented"), cg.InvalidChoiceError, ValueError, "row 1"),
    ("unknown status unit", from_rows(status="rented"), cg.InvalidChoiceError, ValueError, "9-901"),
    ("unknown use", from_rows(use="farm"), cg.InvalidChoiceError, ValueError, "9-901"),
    (
        "unknown area source",
        from_rows(area_source="rumour"),
        cg.InvalidChoiceError,
        ValueError,
        "rumour",
    ),
    ("unknown row key", from_rows(floor=9), cg.InvalidRecordError, ValueError, "floor"),
    ("unknown row key row", from_rows(floor=9), cg.InvalidRecordError, ValueError, "row 1"),
    (
        "missing area",
        lambda: cg.Estate.from_records([{"unit": "1-101", "owners": ["Li"]}]),
        cg.InvalidRecordError,
        ValueError,
        "1-101",
    ),
    (
        "missing owners",
        lambda: cg.Estate.from_records([{"unit": "1-101", "area": "1"}]),
        cg.InvalidRecordError,
        ValueError,
        "'owners'",
    ),
    ("empty estate", lambda: cg.Estate.from_records([]), cg.EmptyEstateError, ValueError, "unit"),
    (
        "unsold unit of a declared person",
        lambda: cg.Estate.from_records(
            [{"unit": "1-101", "area": "1", "owners": ["Li"], "status": "unsold"}],
            owners=[cg.Owner("Li")],
        ),
        cg.InvalidRecordError,
        ValueError,
        "1-101",
    ),
    (
        "owner holding no unit",
        lambda: cg.Estate.from_records(
            [{"unit": "1-101", "area": "1", "owners": ["Li"]}], owners=[{"id": "Ghost"}]
        ),
        cg.InvalidRecordError,
        ValueError,
        "Ghost",
    ),
    (
        "unknown owner reference",
        lambda: cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Wang")]),
        cg.UnknownReferenceError,
        LookupError,
        "Li",
    ),
    (
        "duplicate owner id",
        lambda: cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Li"), cg.Owner("Li")]),
        cg.DuplicateIdError,
        ValueError,
        "Li",
    ),
    ("blank owner", lambda: cg.Owner(""), cg.InvalidRecordError, ValueError, "''"),
    (
        "unknown owner kind",
        lambda: cg.Owner("Li", "alien"),
        cg.InvalidChoiceError,
        ValueError,
        "alien",
    ),
    (
        "unknown capacity",
        lambda: cg.Owner("Li", capacity=3),
        cg.InvalidChoiceError,
        ValueError,
        "3",
    ),
    (
        "unknown owner lookup",
        lambda: estate().owner("Nobody"),
        cg.UnknownReferenceError,
        LookupError,
        "Nobody",
    ),
    (
        "unknown unit lookup",
        lambda: estate().unit("9-999"),
        cg.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    (
        "unknown unit in grouping",
        lambda: estate().grouping(["1-101", "9-999"]),
        cg.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    # ------------------------------------------------------------------ ballots
    (
        "unknown unit in ballot",
        decide_with([cg.Ballot("9-999", "agree")]),
        cg.UnknownUnitError,
        LookupError,
        "9-999",
    ),
    (
        "duplicate ballot",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("1-101", "agree")]),
        cg.DuplicateBallotError,
        ValueError,
        "1-101",
    ),
    (
        "conflicting ballots",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "oppose")]),
        cg.ConflictingBallotsError,
        ValueError,
        "2-301",
    ),
    (
        "conflicting ballots person",
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "abstain")]),
        cg.ConflictingBallotsError,
        ValueError,
        "Li",
    ),
    (
        "unknown choice",
        lambda: cg.Ballot("1-101", "maybe"),
        cg.InvalidChoiceError,
        ValueError,
        "maybe",
    ),
    ("choice not a str", lambda: cg.Ballot("1-101", 1), cg.InvalidChoiceError, ValueError, "1"),
    (
        "bad proxy type",
        lambda: cg.Ballot("1-101", "agree", proxy="Wang"),
        cg.InvalidRecordError,
        ValueError,
        "Wang",
    ),
    (
        "ballot without unit",
        lambda: cg.Ballot("", "agree"),
        cg.InvalidRecordError,
        ValueError,
        "''",
    ),
    (
        "ballot unit not str",
        lambda: cg.Ballot(101, "agree"),
        cg.InvalidRecordError,
        ValueError,
        "101",
    ),
    (
        "unknown matter",
        decide_with([], matter="fireworks"),
        cg.InvalidChoiceError,
        ValueError,
        "fireworks",
    ),
    # ------------------------------------------------------------------ rule sets
    (
        "unknown jurisdiction",
        lambda: cg.rules_for("XX", on=ON),
        cg.UnknownJurisdictionError,
        LookupError,
        "XX",
    ),
    (
        "unknown child jurisdiction",
        lambda: cg.rules_for("CN-ZZ", on=ON),
        cg.UnknownJurisdictionError,
        LookupError,
        "CN-ZZ",
    ),
    (
        "date before any rule set",
        lambda: cg.rules_for("CN", on=date(2003, 8, 31)),
        cg.RuleSetNotInForceError,
        LookupError,
        "2003-08-31",
    ),
    (
        "unconfirmed period by default",
        lambda: cg.rules_for("CN", on=date(2007, 9, 30)),
        cg.RuleSetNotInForceError,
        LookupError,
        "include_unconfirmed",
    ),
    (
        "estate layer not in force",
        lambda: cg.rules_for("CN", on=ON).with_layer(
            cg.estate_layer("ours", params={}, clause="Art. 1", valid_from=date(2023, 1, 1))
        ),
        cg.RuleSetError,
        LookupError,
        "ours",
    ),
    (
        "missing parameter",
        lambda: cg.rules_for("CN", on=ON).provided("zz_test_param"),
        cg.RuleSetError,
        LookupError,
        "zz_test_param",
    ),
    ("float ratio", threshold(ratio=0.5), cg.InvalidRecordError, ValueError, "0.5"),
    ("bool ratio", threshold(ratio=True), cg.InvalidRecordError, ValueError, "True"),
    ("zero ratio", threshold(ratio=0), cg.InvalidRecordError, ValueError, "0"),
    ("ratio above one", threshold(ratio="3/2"), cg.InvalidRecordError, ValueError, "3/2"),
    (
        "negative ratio",
        threshold(ratio=Fraction(-1, 2)),
        cg.InvalidRecordError,
        ValueError,
        "Fraction(-1, 2)",
    ),
    (
        "quorum with a non-ALL base",
        lambda: cg.ResolutionRule((ok_threshold(cg.Base.PARTICIPATING),), (ok_threshold(),), CITE),
        cg.InvalidRecordError,
        ValueError,
        "participating",
    ),
    (
        "empty approval",
        lambda: cg.ResolutionRule((ok_threshold(),), (), CITE),
        cg.InvalidRecordError,
        ValueError,
        "approval",
    ),
    (
        "layer ending before it starts",
        lambda: cg.Layer("CN", "backwards", date(2030, 1, 2), date(2030, 1, 1)),
        cg.InvalidRecordError,
        ValueError,
        "backwards",
    ),
    # ------------------------------------------------------------------ round trips
    (
        "schema mismatch",
        lambda: cg.Estate.from_dict(
            {**estate().to_dict(), "schema": "community_governance.estate/9"}
        ),
        cg.InvalidRecordError,
        ValueError,
        "estate/9",
    ),
    (
        "missing schema",
        lambda: cg.Owner.from_dict({"id": "Li"}),
        cg.InvalidRecordError,
        ValueError,
        "schema",
    ),
    (
        "unit data missing a field",
        lambda: cg.Unit.from_dict({"schema": "community_governance.unit/1", "id": "1-101"}),
        cg.InvalidRecordError,
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
        cg.InvalidRecordError,
        ValueError,
        "units[0].status",
    ),
    (
        "ballot data with an extra key",
        lambda: cg.Ballot.from_dict({**cg.Ballot("1-101", "agree").to_dict(), "weight": 2}),
        cg.InvalidRecordError,
        ValueError,
        "weight",
    ),
    (
        "decision data of another kind",
        lambda: cg.Decision.from_dict(cg.Ballot("1-101", "agree").to_dict()),
        cg.InvalidRecordError,
        ValueError,
        "ballot/1",
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
        cg.InvalidChoiceError,
        ValueError,
        "'head'",
    ),
    (
        "threshold comparator '>='",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, ">=", "1/2", CITE),  # type: ignore[arg-type]
        cg.InvalidChoiceError,
        ValueError,
        "at-least, more-than",
    ),
    (
        "threshold ratio 'abc'",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "abc", CITE),  # type: ignore[arg-type]
        cg.InvalidRecordError,
        ValueError,
        "'abc'",
    ),
    (
        "threshold ratio '1/0'",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "1/0", CITE),  # type: ignore[arg-type]
        cg.InvalidRecordError,
        ValueError,
        "'1/0'",
    ),
    (
        "threshold ratio with an exponent",
        lambda: cg.Threshold(cg.Measure.AREA, cg.Base.ALL, "at-least", "1e-99999", CITE),  # type: ignore[arg-type]
        cg.InvalidRecordError,
        ValueError,
        "at most 1000",
    ),
    (
        "threshold ratio with a huge denominator",
        lambda: cg.Threshold(
            cg.Measure.AREA, cg.Base.ALL, cg.Comparator.AT_LEAST, Fraction(1, 1001), CITE
        ),
        cg.InvalidRecordError,
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
    with pytest.raises(cg.ConflictingBallotsError) as conflict:
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("2-301", "oppose")])()
    assert conflict.value.person == "Li"
    assert conflict.value.units == ("1-101", "2-301")
    assert conflict.value.details == {"person": "Li", "units": ("1-101", "2-301")}
    with pytest.raises(cg.InvalidRecordError) as missing:
        cg.Estate.from_records([{"unit": "1-101", "area": "1", "owners": []}])
    assert (missing.value.row, missing.value.field) == (0, "owners")
    with pytest.raises(cg.AreaTypeError) as area:
        cg.Estate.from_records([{"unit": "1-101", "area": 1.5, "owners": ["Li"]}])
    assert (area.value.what, area.value.value) == ("area of unit 1-101", 1.5)
    with pytest.raises(cg.InvalidChoiceError) as choice:
        cg.Ballot("1-101", "maybe")
    assert "agree" in choice.value.allowed
    assert "同意" in choice.value.allowed
    with pytest.raises(cg.UnknownJurisdictionError) as unknown:
        cg.rules_for("XX", on=ON)
    assert unknown.value.code == "XX"
    assert {"CN", "CN-SH"} <= set(unknown.value.known)
    with pytest.raises(cg.RuleSetNotInForceError) as early:
        cg.rules_for("CN-SH", on=date(2003, 1, 1))
    assert (early.value.code, early.value.on) == ("CN", "2003-01-01")
    with pytest.raises(cg.DuplicateIdError) as dup:
        cg.Estate.from_records(rows(unit="1-101"))
    assert (dup.value.kind, dup.value.id) == ("unit", "1-101")
    with pytest.raises(cg.UnknownReferenceError) as ref:
        cg.Estate([cg.Unit("1-101", "1", ["Li"])], [cg.Owner("Wang")])
    assert (ref.value.kind, ref.value.id, ref.value.referrer) == ("owner", "Li", "1-101")
    with pytest.raises(cg.UnknownUnitError) as unit:
        decide_with([cg.Ballot("9-999", "agree")])()
    assert unit.value.unit == "9-999"
    with pytest.raises(cg.DuplicateBallotError) as twice:
        decide_with([cg.Ballot("1-101", "agree"), cg.Ballot("1-101", "agree")])()
    assert twice.value.unit == "1-101"


def test_stale_date_warns_and_is_flagged() -> None:
    with pytest.warns(cg.StaleRuleSetWarning, match="2025-12-31"):
        rules = cg.rules_for("CN", on=date(2026, 1, 1))
    assert {notice.code for notice in rules.notices} == {"layer-stale"}
    decision = cg.decide(estate(), [], matter="elect-committee", rules=rules)
    assert "layer-stale" in {notice.code for notice in decision.notices}


def test_last_checked_day_does_not_warn() -> None:
    rules = cg.rules_for("CN-SH", on=date(2025, 12, 31))  # filterwarnings=error would fail
    assert rules.notices == ()


class TestRegistration:
    """Registering layers: each test works on a copy of the registry."""

    @pytest.fixture(autouse=True)
    def _isolated_registry(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(registry, "_LAYERS", copy.deepcopy(registry._LAYERS))

    def test_overlapping_layer(self) -> None:
        cg.register_layer(layer("ZZ 2030", code="ZZ"))
        with pytest.raises(cg.InvalidRecordError, match="overlaps") as info:
            cg.register_layer(layer("ZZ 2031", code="ZZ", start=date(2031, 1, 1)))
        assert isinstance(info.value, ValueError)
        assert "ZZ 2031" in str(info.value)
        assert "ZZ 2030" in str(info.value)
        assert cg.jurisdictions().count("ZZ") == 1
        assert len(registry._LAYERS["ZZ"]) == 1

    def test_overlapping_national_layer(self) -> None:
        with pytest.raises(cg.InvalidRecordError, match="Civil Code"):
            cg.register_layer(layer("CN later"))

    def test_other_topic_may_overlap(self) -> None:
        other = cg.Layer("CN", "CN test topic", date(2021, 1, 1), None, topic="zz-test")
        assert cg.register_layer(other) is other
        rules = cg.rules_for("CN", on=ON)
        assert "CN test topic" in rules.layer_names
        assert "CN: Civil Code Art. 278 (2021)" in rules.layer_names

    def test_duplicate_layer_name(self) -> None:
        with pytest.raises(cg.InvalidRecordError, match="already registered") as info:
            cg.register_layer(
                cg.Layer("ZZ", "CN: Civil Code Art. 278 (2021)", date(2030, 1, 1), None)
            )
        assert isinstance(info.value, ValueError)
        assert "ZZ" not in cg.jurisdictions()

    def test_unknown_parent(self) -> None:
        with pytest.raises(cg.InvalidRecordError, match="'QQ'") as info:
            cg.register_layer(layer("QQ-A", code="QQ-A"))
        assert info.value.field == "code"
        assert "QQ-A" not in cg.jurisdictions()

    def test_new_child_layer_resolves_with_its_parent(self) -> None:
        child = cg.register_layer(
            cg.Layer(
                "CN-ZJ",
                "CN-ZJ test",
                date(2021, 1, 1),
                None,
                params={"zz_test_param": cg.Param(5, CITE)},
            )
        )
        rules = cg.rules_for("CN-ZJ", on=ON)
        assert rules.layers[-1] is child
        assert rules.provided("zz_test_param") == cg.Provided(5, "CN-ZJ test", CITE)
        assert rules.resolution(cg.Matter.ELECT_COMMITTEE).layer.startswith("CN: Civil Code")

    def test_registry_restored(self) -> None:
        assert "ZZ" not in cg.jurisdictions()


def test_registry_untouched_by_registration_tests() -> None:
    assert "ZZ" not in cg.jurisdictions()
    assert "CN-ZJ" not in cg.jurisdictions()
    voting = [lay.name for lay in registry._LAYERS["CN"] if lay.topic == "voting"]
    assert voting == [
        "CN: Civil Code Art. 278 (2021)",
        "CN: Property Rights Law Art. 76 + Regulations Art. 12 (2007)",
        "CN: Property Management Regulations Art. 12 (2003)",
    ]


def test_failed_from_records_changes_nothing() -> None:
    given = rows(area=1.5)
    before = copy.deepcopy(given)
    with pytest.raises(cg.AreaTypeError):
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
    with pytest.raises(cg.ConflictingBallotsError):
        cg.decide(register, ballots, matter="elect-committee", rules=rules)
    assert ballots == kept
    assert register.to_dict() == snapshot
    assert register.persons == persons
    # and the same register and rules still decide correctly afterwards
    decision = cg.decide(register, ballots[:2], matter="elect-committee", rules=rules)
    assert decision.tally.agree.heads == 2


def test_failed_with_layer_changes_nothing() -> None:
    rules = cg.rules_for("CN", on=ON)
    with pytest.raises(cg.RuleSetError):
        rules.with_layer(cg.estate_layer("x", params={}, clause="1", valid_from=date(2030, 1, 1)))
    assert rules.layers == cg.rules_for("CN", on=ON).layers


def test_bad_estate_parameters() -> None:
    rules = cg.rules_for("CN", on=ON)
    weird = rules.with_layer(cg.estate_layer("x", params={"spoiled_ballots": "maybe"}, clause="1"))
    with pytest.raises(cg.InvalidChoiceError, match="maybe") as spoiled:
        cg.decide(estate(), [], matter="elect-committee", rules=weird)
    assert "spoiled_ballots" in str(spoiled.value)
    deemed = rules.with_layer(cg.estate_layer("x", params={"deemed_vote": True}, clause="1"))
    with pytest.raises(cg.InvalidRecordError, match="deemed_vote") as info:
        cg.decide(estate(), [], matter="elect-committee", rules=deemed)
    assert isinstance(info.value, ValueError)
