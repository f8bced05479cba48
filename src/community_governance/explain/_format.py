"""Number formatting for explanations (display only; decisions never use these)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from community_governance._exact import Exact


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


def percent(value: Fraction | None) -> str:
    """A ratio as a percentage rounded to two places, or ``"—"`` when undefined."""
    if value is None:
        return "—"
    return decimal_text(value * 100, 2).lstrip("≈") + "%"


def ratio_text(value: Fraction) -> str:
    """``"2/3"``; ``"1"`` for one."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"
