"""Exact numbers: conversion of user input to `Decimal`/`Fraction`, refusing floats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from community_governance.exceptions import AreaTypeError, InvalidAreaError

#: An exact quantity as the library stores it: a finite decimal, or a fraction that is not one.
Exact = Decimal | Fraction

#: What users may pass for an exact quantity.
ExactInput = int | Decimal | Fraction | str


def exact(value: object, *, what: str) -> Exact:
    """Convert ``value`` to an exact, finite, positive quantity.

    Args:
        value: An ``int``, ``Decimal``, ``Fraction`` or numeric string (``"89.37"``, ``"1/3"``).
        what: What the value is, named in error messages (e.g. ``"area of unit 1-101"``).

    Returns:
        A ``Decimal`` when the value is a finite decimal, else a ``Fraction``.

    Raises:
        AreaTypeError: ``value`` is a ``float``, a ``bool`` or another non-exact type.
        InvalidAreaError: ``value`` is not a number, not finite, zero or negative.
    """
    result: Exact
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction | str):
        hint = (
            " — floats are binary approximations (0.1 + 0.2 != 0.3); pass a str such as "
            "'89.37', a Decimal or a Fraction"
            if isinstance(value, float)
            else ""
        )
        raise AreaTypeError(
            f"{what}: {type(value).__name__} {value!r} is not an exact number{hint}",
            what=what,
            value=value,
        )
    if isinstance(value, str):
        text = value.strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            try:
                result = Fraction(text)
            except (ValueError, ZeroDivisionError):
                raise InvalidAreaError(
                    f"{what}: {value!r} is not a number", what=what, value=value
                ) from None
    elif isinstance(value, int):
        result = Decimal(value)
    else:
        result = value
    if isinstance(result, Decimal) and not result.is_finite():
        raise InvalidAreaError(f"{what}: {value!r} is not finite", what=what, value=value)
    if result <= 0:
        raise InvalidAreaError(f"{what}: {value!r} must be positive", what=what, value=value)
    return normalise(result)


def normalise(value: Exact) -> Exact:
    """Return a ``Decimal`` for fractions that are finite decimals; keep others as they are."""
    if isinstance(value, Decimal):
        return value
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return value
    places = max(twos, fives)
    return Decimal(value.numerator * 10**places // value.denominator).scaleb(-places)


def as_fraction(value: Exact | int) -> Fraction:
    """Return ``value`` as a `Fraction` (exactly)."""
    return value if isinstance(value, Fraction) else Fraction(value)


def format_exact(value: Exact | int) -> str:
    """Render an exact quantity as text: ``"89.37"`` for decimals, ``"1/3"`` for fractions."""
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def parse_exact(text: str) -> Exact:
    """Inverse of `format_exact` for positive values.

    Zero and negative values (margins) are also accepted here, since they come from our own
    output rather than from a register.
    """
    try:
        return Decimal(text)
    except InvalidOperation:
        return Fraction(text)
