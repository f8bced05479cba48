"""Exact numbers: conversion of user input to `Decimal`/`Fraction`, refusing floats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from math import gcd

from community_governance.exceptions import AreaBoundsError, AreaTypeError, InvalidAreaError

#: An exact quantity as the library stores it: a finite decimal, or a fraction that is not one.
Exact = Decimal | Fraction

#: What users may pass for an exact quantity.
ExactInput = int | Decimal | Fraction | str

#: Most decimal places (and, for a fraction, most digits of its denominator) `exact` reads.
MAX_PLACES = 4

#: Every quantity `exact` reads is below this (10⁹ m² is far above any estate's area).
MAX_VALUE = 10**9

#: Longest text `exact` and `parse_exact` read (a bound checked before any parsing).
MAX_TEXT = 64

#: Largest decimal exponent, either sign, `parse_exact` reads back.
MAX_EXPONENT = 64


def _check_text(text: str, value: object, what: str) -> None:
    """Refuse long, non-ASCII or digit-grouped text before it reaches `Decimal`/`Fraction`."""
    if len(text) > MAX_TEXT:
        raise AreaBoundsError(
            f"{what}: {len(text)} characters is more than the {MAX_TEXT} an exact number may have",
            what=what,
            value=value,
        )
    if not text.isascii() or "_" in text:
        raise InvalidAreaError(
            f"{what}: {value!r} is not a number (use ASCII digits 0-9, no separators)",
            what=what,
            value=value,
        )


def _check_bounds(result: Exact, value: object, what: str) -> None:
    """Refuse too many places or a value of `MAX_VALUE` or more, computing no large power."""
    if isinstance(result, Decimal):
        exponent = result.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        too_fine = places > MAX_PLACES
        too_large = result.adjusted() >= 9
    else:
        too_fine = result.denominator > 10**MAX_PLACES
        too_large = result >= MAX_VALUE
    if too_fine:
        raise AreaBoundsError(
            f"{what}: {value!r} has more than {MAX_PLACES} decimal places "
            f"(or a denominator above {10**MAX_PLACES})",
            what=what,
            value=value,
        )
    if too_large:
        raise AreaBoundsError(
            f"{what}: {value!r} is not below the maximum of 10**9", what=what, value=value
        )


def exact(value: object, *, what: str) -> Exact:
    """Convert ``value`` to an exact, finite, positive quantity.

    Args:
        value: An ``int``, ``Decimal``, ``Fraction`` or numeric string (``"89.37"``, ``"1/3"``).
        what: What the value is, named in error messages (e.g. ``"area of unit 1-101"``).

    Returns:
        A ``Decimal`` when the value is a finite decimal, else a ``Fraction``.

    Raises:
        AreaTypeError: ``value`` is a ``float``, a ``bool`` or another non-exact type.
        InvalidAreaError: ``value`` is not a number (non-ASCII digits included), not finite,
            zero or negative.
        AreaBoundsError: ``value`` has more than `MAX_PLACES` decimal places (a fraction: a
            denominator above ``10**MAX_PLACES``), is `MAX_VALUE` or more, or its text is
            longer than `MAX_TEXT` characters.
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
        _check_text(text, value, what)
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
    _check_bounds(result, value, what)
    return normalise(result)


def is_exact_decimal(value: object) -> bool:
    """Whether `exact` would return ``value`` itself: a finite, positive ``Decimal`` within bounds.

    The same tests as `exact` (finite, positive, at most `MAX_PLACES` places, below
    `MAX_VALUE`) on a value that is already a ``Decimal``, so that a validator can accept it
    without the conversion; anything else goes through `exact`, which raises its own errors.
    """
    if type(value) is not Decimal or not value.is_finite() or value <= _ZERO:
        return False
    if value.adjusted() >= 9:
        return False
    # str() writes a finite Decimal in plain notation exactly when its exponent is at most 0
    # and its adjusted exponent at least -6: the digits after the point are then -exponent
    text = str(value)
    if "E" in text:
        exponent = value.as_tuple().exponent
        return type(exponent) is int and exponent >= -MAX_PLACES
    point = text.find(".")
    return point < 0 or len(text) - point - 1 <= MAX_PLACES


_ZERO = Decimal(0)


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


def ratio(numerator: int, denominator: int) -> Exact:
    """``normalise(Fraction(numerator, denominator))`` computed on integers, without a `Fraction`.

    The same value and the same `Decimal` spelling as `normalise` gives; a `Fraction` only
    when the reduced denominator has a prime factor other than 2 and 5. Used where checks and
    tallies turn scaled integer figures into exact numbers many times a call.
    """
    if type(numerator) is not int or type(denominator) is not int or denominator <= 0:
        return normalise(Fraction(numerator, denominator))
    divisor = gcd(numerator, denominator)
    if divisor != 1:
        numerator //= divisor
        denominator //= divisor
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return Fraction(numerator, denominator)
    places = max(twos, fives)
    return Decimal(numerator * 10**places // denominator).scaleb(-places)


def as_fraction(value: Exact | int) -> Fraction:
    """Return ``value`` as a `Fraction` (exactly)."""
    return value if isinstance(value, Fraction) else Fraction(value)


def format_exact(value: Exact | int) -> str:
    """Render an exact quantity as text: ``"89.37"`` for decimals, ``"1/3"`` for fractions."""
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def parse_exact(text: object) -> Exact:
    """Inverse of `format_exact` for positive values.

    Zero and negative values (margins) are also accepted here, since they come from our own
    output rather than from a register. The text is bounded like `exact`'s (`MAX_TEXT`
    characters, ASCII, an exponent within ``±MAX_EXPONENT``); a ``float`` or ``bool`` (JSON
    ``89.37`` or ``true``) is refused.

    Raises:
        AreaTypeError: ``text`` is not a ``str``.
        InvalidAreaError: ``text`` is not a finite number.
        AreaBoundsError: ``text`` is too long or its exponent out of range.
    """
    what = "exact number"
    if not isinstance(text, str):
        raise AreaTypeError(
            f"{what}: {type(text).__name__} {text!r} is not an exact number; "
            "exact numbers are written as strings such as '89.37' or '1/3'",
            what=what,
            value=text,
        )
    _check_text(text.strip(), text, what)
    try:
        result = Decimal(text)
    except InvalidOperation:
        try:
            return Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise InvalidAreaError(
                f"{what}: {text!r} is not a number", what=what, value=text
            ) from None
    exponent = result.as_tuple().exponent
    if not isinstance(exponent, int):
        raise InvalidAreaError(f"{what}: {text!r} is not finite", what=what, value=text)
    if abs(exponent) > MAX_EXPONENT:
        raise AreaBoundsError(
            f"{what}: {text!r} has an exponent beyond ±{MAX_EXPONENT}", what=what, value=text
        )
    return result
