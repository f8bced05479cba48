"""The error taxonomy: declared fields, messages built from them, pickling, documentation."""

from __future__ import annotations

import inspect
import pickle
from datetime import date
from pathlib import Path

import pytest

import community_governance as cg
import community_governance.exceptions as errors
from community_governance.exceptions import (
    DerivedFactMismatchError,
    EmptyEstateError,
    GovernanceError,
    InvalidRuleError,
)

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "exceptions.md"


def error_classes() -> list[type[GovernanceError]]:
    return [
        value
        for value in vars(errors).values()
        if inspect.isclass(value) and issubclass(value, GovernanceError)
    ]


def test_every_error_is_exported_and_documented() -> None:
    page = REFERENCE.read_text(encoding="utf-8")
    for cls in error_classes():
        assert cls.__name__ in errors.__all__, cls
        assert f".{cls.__name__}\n" in page, cls
        assert cls.__doc__, cls
    assert "StaleRuleSetWarning" in errors.__all__


def test_every_error_also_subclasses_a_builtin() -> None:
    builtins = (ValueError, LookupError, TypeError, ImportError)
    for cls in error_classes():
        if cls is not GovernanceError:
            assert issubclass(cls, builtins), cls


def test_message_is_built_from_the_reason_and_every_field() -> None:
    error = InvalidRuleError("threshold ratio must be in (0, 1]", field="ratio", value="3/2")
    assert str(error) == "threshold ratio must be in (0, 1] [field='ratio', value='3/2']"
    assert error.message == "threshold ratio must be in (0, 1]"
    assert error.details == {"field": "ratio", "value": "3/2"}
    assert (error.field, error.value) == ("ratio", "3/2")


def test_a_huge_value_gives_a_bounded_message() -> None:
    error = InvalidRuleError("too long", field="ratio", value="9" * 10_000)
    assert len(str(error)) < 200 and str(error).endswith("...]")
    huge = InvalidRuleError("too long", field="ratio", value=10**10_000)
    assert str(huge).endswith("value=<a number of 33220 bits>]")
    odd = InvalidRuleError("odd", field="ratio", value=Unprintable())
    assert str(odd).endswith("value=<?>]")


def test_a_sentence_quoting_a_huge_input_is_cut_and_says_so() -> None:
    at_limit = EmptyEstateError("x" * 1000)
    assert at_limit.message == "x" * 1000  # kept whole up to the limit
    over = EmptyEstateError("x" * 1001)
    assert over.message == "x" * 1000 + "… (cut; 1001 characters)"
    unit = "9" * 100_000
    estate = cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["Li"]}])
    with pytest.raises(cg.exceptions.UnknownUnitError) as error:
        cg.decide(
            estate, [cg.Ballot(unit, "agree")], matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=CN
        )
    assert len(str(error.value)) < 1200 and error.value.unit == unit  # the field keeps it all


CN = cg.rules_for("CN", on=date(2025, 3, 1))
FUND = cg.Matter.RAISE_MAINTENANCE_FUND


class Unprintable:
    def __repr__(self) -> str:
        raise ValueError("no")


def test_an_error_without_fields_is_its_reason() -> None:
    assert str(EmptyEstateError("an estate needs at least one unit")) == (
        "an estate needs at least one unit"
    )


@pytest.mark.parametrize(
    "fields",
    [{}, {"field": "ratio"}, {"field": "ratio", "value": 1, "row": 3}],
)
def test_the_declared_fields_are_required_exactly(fields: dict[str, object]) -> None:
    with pytest.raises(TypeError, match=r"InvalidRuleError takes the fields \['field', 'value'\]"):
        InvalidRuleError("x", **fields)


def test_errors_survive_pickling() -> None:
    for error in (
        InvalidRuleError("bad", field="ratio", value="3/2"),
        DerivedFactMismatchError(what="Decision", field="passed", stored=True, recomputed=False),
        EmptyEstateError("empty"),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)
        assert again.details == error.details
