"""Exact numbers: conversion, normalisation, formatting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from community_governance._base.exact import as_fraction, exact, format_exact, parse_exact
from community_governance.exceptions import AreaTypeError, InvalidAreaError


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
