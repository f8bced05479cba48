"""Threshold errors name their field and value exactly; bounds are inclusive where declared."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.exceptions import InvalidChoiceError, InvalidRuleError
from community_governance.rules import Citation
from community_governance.rules.thresholds import RATIO_BOUND

CITE = Citation("library_design", "test")
H, M2 = cg.Measure.HEADS, cg.Measure.AREA


def threshold(ratio: object = Fraction(1, 2), **change: object) -> cg.Threshold:
    fields: dict[str, object] = {
        "measure": H,
        "base": cg.Base.ALL,
        "comparator": cg.Comparator.AT_LEAST,
        "ratio": ratio,
        "citation": CITE,
    }
    fields.update(change)
    return cg.Threshold(**fields)  # type: ignore[arg-type]


def rule(quorum: object = (), approval: object = ()) -> cg.ResolutionRule:
    return cg.ResolutionRule(quorum, approval, CITE)  # type: ignore[arg-type]


PARTICIPATING = cg.Threshold(
    H, cg.Base.PARTICIPATING, cg.Comparator.MORE_THAN, Fraction(1, 2), CITE
)

ERRORS: list[tuple[str, Callable[[], object], type[Exception], str, object, str]] = [
    (
        "ratio of a wrong type",
        lambda: threshold(0.5),
        InvalidRuleError,
        "ratio",
        0.5,
        "threshold ratio must be a Fraction, int or str such as '2/3', not 0.5",
    ),
    (
        "ratio text not a fraction",
        lambda: threshold("abc"),
        InvalidRuleError,
        "ratio",
        "abc",
        "threshold ratio 'abc' is not a number or a fraction such as '2/3' with numerator "
        "and denominator at most 1000",
    ),
    (
        "ratio text over zero",
        lambda: threshold("1/0"),
        InvalidRuleError,
        "ratio",
        "1/0",
        "threshold ratio '1/0' is not a number or a fraction such as '2/3' with numerator "
        "and denominator at most 1000",
    ),
    (
        "ratio above one",
        lambda: threshold("3/2"),
        InvalidRuleError,
        "ratio",
        "3/2",
        "threshold ratio '3/2' must be in (0, 1]",
    ),
    (
        "ratio with a large denominator",
        lambda: threshold(Fraction(1, RATIO_BOUND + 1)),
        InvalidRuleError,
        "ratio",
        Fraction(1, 1001),
        "threshold ratio Fraction(1, 1001): numerator and denominator must be at most 1000 "
        "(statutes use small fractions such as 2/3)",
    ),
    (
        "measure",
        lambda: threshold(measure="head"),
        InvalidChoiceError,
        "",
        "head",
        "threshold measure: 'head' is not one of heads, area",
    ),
    (
        "base",
        lambda: threshold(base="everyone"),
        InvalidChoiceError,
        "",
        "everyone",
        "threshold base: 'everyone' is not one of all, attending, participating, cast",
    ),
    (
        "comparator",
        lambda: threshold(comparator=">="),
        InvalidChoiceError,
        "",
        ">=",
        "threshold comparator: '>=' is not one of at-least, more-than",
    ),
    (
        "quorum on those taking part",
        lambda: rule(quorum=[PARTICIPATING], approval=[PARTICIPATING]),
        InvalidRuleError,
        "quorum",
        PARTICIPATING,
        "a quorum threshold counts those taking part against all owners; heads more than "
        "1/2 of those taking part has base participating",
    ),
    (
        "no approval threshold",
        lambda: rule(approval=[]),
        InvalidRuleError,
        "approval",
        (),
        "a resolution rule needs at least one approval threshold",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "field", "value", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_threshold_errors_name_field_and_value(
    call: Callable[[], object], error: type[Exception], field: str, value: object, message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert info.value.message == message
    assert info.value.value == value  # type: ignore[attr-defined]
    if field:
        assert info.value.field == field  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (Fraction(1, RATIO_BOUND), Fraction(1, 1000)),
        (Fraction(RATIO_BOUND - 1, RATIO_BOUND), Fraction(999, 1000)),
        ("0.999", Fraction(999, 1000)),
        ("1", Fraction(1)),
        (1, Fraction(1)),
        (" 2 / 3 ", Fraction(2, 3)),
    ],
)
def test_ratio_bounds_are_inclusive(ratio: object, expected: Fraction) -> None:
    assert threshold(ratio).ratio == expected


def test_labels_default_to_english() -> None:
    assert [m.label() for m in cg.Measure] == ["heads", "area"]
    assert [b.label() for b in cg.Base] == [
        "all owners",
        "those attending",
        "those taking part",
        "votes cast",
    ]
    assert [c.label() for c in cg.Comparator] == ["at least", "more than"]
    assert threshold("2/3", measure=M2).describe() == "area at least 2/3 of all owners"


@pytest.mark.parametrize(
    ("strict", "loose", "covers"),
    [
        (Fraction(2, 3), Fraction(1, 2), True),
        (Fraction(1, 2), Fraction(2, 3), False),
        (Fraction(1, 2), Fraction(1, 2), True),
    ],
)
def test_a_higher_ratio_covers_a_lower_one(strict: Fraction, loose: Fraction, covers: bool) -> None:
    tight = rule(approval=[threshold(strict)])
    slack = rule(approval=[threshold(loose)])
    assert tight.never_looser_than(slack) is covers
