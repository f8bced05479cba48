"""RuleSet and Layer as a new user meets them: strings read like elsewhere, bad names refused."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.exceptions import InvalidChoiceError, InvalidRuleError
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import Layer, Topic

RULES = cg.rules_for("CN-SH", on=date(2025, 1, 6))


def test_resolution_reads_a_matter_given_by_its_value() -> None:
    by_value = RULES.resolution("rebuild-or-renovate")  # type: ignore[arg-type]
    assert by_value == RULES.resolution(Matter.REBUILD_OR_RENOVATE)
    with pytest.raises(InvalidChoiceError, match="'rebuild'"):
        RULES.resolution("rebuild")  # type: ignore[arg-type]
    with pytest.raises(InvalidChoiceError):
        RULES.resolution(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "code", "name"),
    [("code", 5, "x"), ("code", " ", "x"), ("name", "estate", 5), ("name", "estate", None)],
)
def test_layer_code_and_name_must_be_text(field: str, code: object, name: object) -> None:
    with pytest.raises(InvalidRuleError) as info:
        Layer(code, name, date(2025, 1, 1), None, topic=Topic.ESTATE)  # type: ignore[arg-type]
    assert info.value.field == field


def test_an_unnamed_layer_is_allowed() -> None:
    assert Layer("estate", "", date(2025, 1, 1), None, topic=Topic.ESTATE).name == ""


@pytest.mark.parametrize(
    ("field", "kw"),
    [
        ("code", {"code": 5}),
        ("code", {"code": ""}),
        ("name", {"name": 5}),
        ("checked_on", {"checked_on": "2026-01-01"}),
        ("checked_on", {"checked_on": None}),
    ],
)
def test_jurisdiction_fields_are_validated(field: str, kw: dict[str, object]) -> None:
    values: dict[str, object] = {
        "code": "CN-XX", "name": "Example", "checked_on": date(2026, 12, 1), "layers": (),
        "parent": "CN",
    }  # fmt: skip
    with pytest.raises(InvalidRuleError) as info:
        cg.rules.Jurisdiction(**{**values, **kw})  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("citation", [None, "Civil Code Art. 278", 278])
def test_a_threshold_without_a_citation_is_refused(citation: object) -> None:
    """Every rule carries the article that sets it; a group's share check had passed None."""
    with pytest.raises(cg.exceptions.InvalidRuleError) as raised:
        cg.Threshold(cg.Measure.HEADS, cg.Base.ALL, "at-least", "1/2", citation)  # type: ignore[arg-type]
    assert (raised.value.field, raised.value.value) == ("citation", citation)
    assert raised.value.message.startswith("threshold citation must be a Citation")
