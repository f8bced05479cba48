"""Exact numbers: conversion, normalisation, formatting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance._base.exact import (
    Exact,
    as_fraction,
    exact,
    format_exact,
    is_exact_decimal,
    normalise,
    parse_exact,
    ratio,
)
from community_governance._base.serial import converter
from community_governance.exceptions import AreaBoundsError, AreaTypeError, InvalidAreaError


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        ("89.37", Decimal("89.37"), Decimal),
        (" 89.37 ", Decimal("89.37"), Decimal),
        (12, Decimal(12), Decimal),
        (Decimal("0.01"), Decimal("0.01"), Decimal),
        ("1/3", Fraction(1, 3), Fraction),
        (Fraction(1, 8), Decimal("0.125"), Decimal),
        (Fraction(3, 20), Decimal("0.15"), Decimal),
        (Fraction(7, 1), Decimal(7), Decimal),
        ("1e2", Decimal(100), Decimal),
    ],
)
def test_exact_accepts(value: object, expected: object, kind: type) -> None:
    result = exact(value, what="x")
    assert result == expected
    assert isinstance(result, kind)


def test_float_refused_with_reason() -> None:
    with pytest.raises(AreaTypeError, match=r"floats are binary approximations") as info:
        exact(0.5, what="area of unit 1")
    assert isinstance(info.value, TypeError)
    assert "area of unit 1" in str(info.value)


@pytest.mark.parametrize("value", ["0", "-0.01", "nan", "-inf", "x", "1/0", Fraction(-1, 3)])
def test_exact_refuses(value: object) -> None:
    with pytest.raises(InvalidAreaError) as info:
        exact(value, what="area of unit 7")
    assert "area of unit 7" in str(info.value)
    assert info.value.value == value


def test_format_and_parse() -> None:
    assert format_exact(Fraction(1, 3)) == "1/3"
    assert format_exact(Decimal("89.37")) == "89.37"
    assert format_exact(5) == "5"
    assert parse_exact("89.37") == Decimal("89.37")
    assert parse_exact("1/3") == Fraction(1, 3)
    assert parse_exact("-2/3") == Fraction(-2, 3)
    assert parse_exact("0") == 0
    assert as_fraction(Decimal("0.5")) == Fraction(1, 2)
    third = Fraction(1, 3)
    assert as_fraction(third) is third
    assert as_fraction(2) == 2


# ---------------------------------------------------------------- bounds (issue 9)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.0001", Decimal("0.0001")),  # MAX_PLACES places: accepted
        ("999999999.9999", Decimal("999999999.9999")),  # just below MAX_VALUE
        (999_999_999, Decimal(999_999_999)),
        (Fraction(1, 10_000), Decimal("0.0001")),
        ("1/9999", Fraction(1, 9999)),
        ("1" + "0" * 8 + "." + "0" * 4 + " " * 0, Decimal("100000000.0000")),
    ],
)
def test_exact_at_the_bounds_accepted(value: object, expected: object) -> None:
    assert exact(value, what="area of unit 1") == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0.00001", "4 decimal places"),  # one place too many
        ("1E-999999", "4 decimal places"),  # used to make a 10**999999 scale
        ("1E+1000000", "maximum of 10**9"),  # used to raise decimal.Overflow
        ("1000000000", "maximum of 10**9"),
        (10**9, "maximum of 10**9"),
        (Decimal("1E+9"), "maximum of 10**9"),
        (Fraction(10**9), "maximum of 10**9"),
        (Fraction(1, 10_001), "denominator above 10000"),
        ("1/10001", "denominator above 10000"),
        ("1" * 4301 + "/7", "more than the 64"),  # used to raise decimal.InvalidOperation
        ("1" * 65, "more than the 64"),
    ],
)
def test_exact_past_the_bounds_refused(value: object, words: str) -> None:
    with pytest.raises(AreaBoundsError) as info:
        exact(value, what="area of unit 1")
    assert isinstance(info.value, InvalidAreaError)
    assert words in str(info.value)
    assert "area of unit 1" in str(info.value)


def test_text_of_max_length_is_read() -> None:
    text = "1" + "0" * 62 + "1"  # 64 characters: length accepted, value too large
    with pytest.raises(AreaBoundsError, match="maximum"):
        exact(text, what="x")
    assert exact(" " * 10 + "1" + " " * 10, what="x") == 1


@pytest.mark.parametrize("value", ["٨٩", "８９", "89.3７", "1_000", "١/٣"])
def test_non_ascii_digits_and_separators_refused(value: str) -> None:
    with pytest.raises(InvalidAreaError, match="ASCII digits"):
        exact(value, what="x")


@pytest.mark.parametrize("value", [True, False, 89.37, None, [1]])
def test_parse_exact_refuses_non_text(value: object) -> None:
    with pytest.raises(AreaTypeError, match="not an exact number"):
        parse_exact(value)


@pytest.mark.parametrize(
    ("text", "expected"), [("1E+64", Decimal("1E+64")), ("1E-64", Decimal("1E-64"))]
)
def test_parse_exact_exponent_at_bound(text: str, expected: Decimal) -> None:
    assert parse_exact(text) == expected


@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        ("1E+65", AreaBoundsError, "exponent"),
        ("1E-65", AreaBoundsError, "exponent"),
        ("1E-999999", AreaBoundsError, "exponent"),
        ("9" * 65, AreaBoundsError, "64"),
        ("٣", InvalidAreaError, "ASCII"),
        ("nan", InvalidAreaError, "not finite"),
        ("x", InvalidAreaError, "not a number"),
        ("1/0", InvalidAreaError, "not a number"),
    ],
)
def test_parse_exact_refuses(text: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        parse_exact(text)


def test_exact_or_int_structure_hook() -> None:
    assert converter.structure(5, Exact | int) == 5
    assert converter.structure("1/3", Exact | int) == Fraction(1, 3)
    with pytest.raises(AreaTypeError):
        converter.structure(True, Exact | int)
    with pytest.raises(AreaTypeError):
        converter.structure(0.5, Exact | int)


@given(st.integers(-(10**30), 10**30), st.integers(-50, 10**12))
def test_ratio_is_normalise_of_the_fraction(numerator: int, denominator: int) -> None:
    if denominator == 0:
        with pytest.raises(ZeroDivisionError):
            ratio(numerator, denominator)
        return
    fast, reference = ratio(numerator, denominator), normalise(Fraction(numerator, denominator))
    assert (type(fast), str(fast)) == (type(reference), str(reference))


@pytest.mark.parametrize(
    ("numerator", "denominator"), [(8937, 100), (8930, 100), (8900, 100), (1, 3), (7, 40)]
)
def test_ratio_spelling(numerator: int, denominator: int) -> None:
    assert str(ratio(numerator, denominator)) == str(normalise(Fraction(numerator, denominator)))


@given(st.integers(-(10**12), 10**12), st.integers(-12, 12))
def test_is_exact_decimal_agrees_with_exact(coefficient: int, exponent: int) -> None:
    """Plain and scientific spellings alike: accepted exactly when `exact` keeps the value."""
    value = Decimal(f"{coefficient}E{exponent}")
    try:
        kept = exact(value, what="area") is value
    except (AreaBoundsError, InvalidAreaError):
        kept = False
    assert is_exact_decimal(value) is kept


@pytest.mark.parametrize(
    ("text", "accepted"),
    [("1E+3", True), ("1.5E+8", True), ("1E+9", False), ("1E-7", False), ("0.0001", True),
     ("0.00010", False), ("1.0000", True), ("1.00000", False), ("0E-2", False)],
)  # fmt: skip
def test_is_exact_decimal_boundaries(text: str, accepted: bool) -> None:
    assert is_exact_decimal(Decimal(text)) is accepted
