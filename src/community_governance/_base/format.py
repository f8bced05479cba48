"""Number formatting for explanations (display only; decisions never use these)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from community_governance._base.exact import Exact


def decimal_text(value: Exact | Fraction | int, places: int = 2) -> str:
    """``value`` as a decimal: exact when it is one, else ``≈`` and rounded to ``places``."""
    fraction = Fraction(value)
    rounded = Decimal(fraction.numerator) / Decimal(fraction.denominator)
    quantum = Decimal(1).scaleb(-places)
    shown = rounded.quantize(quantum, rounding=ROUND_HALF_EVEN)
    if Fraction(shown) == fraction:
        return format(shown.normalize(), "f") if shown == shown.to_integral() else str(shown)
    return f"≈{shown}"


def signed(value: Exact | Fraction | int, places: int = 2) -> str:
    """Like `decimal_text` with an explicit sign (``+0`` for zero)."""
    text = decimal_text(abs(Fraction(value)), places)
    sign = "-" if value < 0 else "+"
    if text.startswith("≈"):
        return "≈" + sign + text[1:]
    return sign + text


def percentage(
    numerator: int, denominator: int, places: int = 1, *, truncate: bool = False
) -> Decimal:
    """``100 × numerator / denominator`` rounded half up (or cut) to ``places``, exactly.

    The one rounding of percentages in the library (decisions, compositions, mediation rates,
    reported-figure checks), so that they all show the same figure for the same ratio.
    """
    scaled = Fraction(100 * numerator * 10**places, denominator)
    whole = math.floor(scaled) if truncate else math.floor(scaled + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def percent_text(count: int, total: int, places: int = 1) -> str:
    """``count/total`` as a percentage rounded half up to ``places`` (``"71.4%"``, ``"80%"``).

    Trailing zeros are dropped; ``"—"`` when ``total`` is zero.
    """
    if total == 0:
        return "—"
    text = str(percentage(count, total, places))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def percent(value: Fraction | None) -> str:
    """A ratio as a percentage rounded half up to two places, or ``"—"`` when undefined."""
    if value is None:
        return "—"
    return percent_text(value.numerator, value.denominator, 2)


def ratio_text(value: Fraction) -> str:
    """``"2/3"``; ``"1"`` for one."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


_DIGITS = "零一二三四五六七八九"
_POWERS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_number(value: int) -> str:
    """A whole number from 0 to 9999 in Chinese numerals (``"三"``, ``"十二"``, ``"一百零五"``)."""
    if not 0 <= value <= 9999:
        raise ValueError(f"chinese_number covers 0 to 9999, not {value}")
    if value < 10:
        return _DIGITS[value]
    text = ""
    rest = value
    gap = False
    for power, name in _POWERS:
        digit, rest = divmod(rest, power)
        if digit:
            if gap:
                text += "零"
            text += ("" if power == 10 and value < 20 else _DIGITS[digit]) + name
            gap = False
        elif text:
            gap = True
    if rest:
        text += ("零" if gap else "") + _DIGITS[rest]
    return text


def chinese_fraction(value: Fraction) -> str:
    """A ratio in the statute's wording: ``"三分之二"``, ``"四分之三"``; ``"全部"`` for one."""
    if value == 1:
        return "全部"
    if value.denominator == 1:
        return chinese_number(value.numerator)
    return f"{chinese_number(value.denominator)}分之{chinese_number(value.numerator)}"


AREA_PLACES = 2
"""Every area is shown with exactly two decimal places (``"88.00"``, ``"392.52"``)."""

PERCENT_PLACES = 2
"""Every percentage is shown with exactly two decimal places (``"50.00%"``, ``"≈77.58%"``)."""


_MOST_PLACES = 12


def _quantized(value: Fraction, places: int) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        quantum, rounding=ROUND_HALF_EVEN
    )


def _fixed(value: Fraction, places: int) -> str:
    """``value`` with ``places`` decimals, ``≈`` when rounded.

    The one exception to the fixed decimals: a figure that is not zero but would round to
    zero gets the decimals it needs to show that it is not (``"-0.0001"``, ``"≈+0.0003"``,
    never ``"≈-0.00"``, which would hide a shortfall).
    """
    shown, extra = _quantized(value, places), places
    while shown == 0 and value != 0 and extra < _MOST_PLACES:
        extra += 1
        shown = _quantized(value, extra)
    return f"{shown:f}" if Fraction(shown) == value else f"≈{shown:f}"


def least_hundredth(value: Fraction) -> Fraction:
    """The least multiple of 0.01 that is ``value`` or more (``594.105`` → ``594.11``).

    Requirements between two hundredths are shown as this figure: the least area in
    hundredths of a square metre that meets them, so that the shown requirement suffices
    and the shown margin is measured from it.
    """
    return Fraction(math.ceil(value * 100), 100)


def area_text(value: Exact | Fraction | int) -> str:
    """An area with exactly ``AREA_PLACES`` decimals; ``≈`` marks a rounded (inexact) figure."""
    return _fixed(Fraction(value), AREA_PLACES)


def signed_area(value: Exact | Fraction | int) -> str:
    """Like `area_text` with an explicit sign (``+0.00`` for zero)."""
    text = area_text(abs(Fraction(value)))
    sign = "-" if value < 0 else "+"
    return "≈" + sign + text[1:] if text.startswith("≈") else sign + text


def percent_figure(value: Fraction | None) -> str:
    """A ratio as a percentage with exactly ``PERCENT_PLACES`` decimals, ``≈`` when rounded.

    ``"—"`` when the ratio is undefined (an empty base).
    """
    if value is None:
        return "—"
    return _fixed(value * 100, PERCENT_PLACES) + "%"


def share_text(count: int, total: int) -> str:
    """``count`` out of ``total`` as a percentage by the one rule of `percent_figure`.

    ``"≈71.43%"`` for 5 of 7, ``"50.00%"`` for 1 of 2, ``"—"`` when ``total`` is zero.
    """
    return percent_figure(Fraction(count, total) if total else None)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``"1 month"``, ``"2 months"``, ``"-1 day"``: a count with its noun, singular for ±1.

    Args:
        count: The number.
        singular: The noun for one (``"day"``, ``"working day"``, ``"person"``).
        plural: The noun for any other count (default: ``singular + "s"``).
    """
    return f"{count} {unit_word(count, singular, plural)}"


def unit_word(count: Exact | Fraction | int, singular: str, plural: str | None = None) -> str:
    """The noun alone, singular for ±1: ``unit_word(1, "person")`` → ``"person"``."""
    return singular if abs(count) == 1 else (plural or singular + "s")


def indefinite(noun: str) -> str:
    """``"an owner representative"``, ``"a street office"``: the noun with its article."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
