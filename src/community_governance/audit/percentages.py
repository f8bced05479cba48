"""Reported percentages against whole counts: which counts could give the figure announced?

A report saying "96.8% of 103 disputes were resolved" can be checked at once: no whole number
of the 103 gives 96.8% (99/103 = 96.1%, 100/103 = 97.1%). Both common readings of a shown
figure are considered and declared: *rounding* (the count's exact percentage is within half a
unit of the last shown decimal, either way, so half-up, half-down and half-even all fit) and
*truncation* (the exact percentage starts with the digits shown).
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.format import percent_text
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.exceptions import AuditError, AuditInputError

__all__ = ["PercentageCheck", "Reading", "reported_percentage"]


class Reading(Enum):
    """How a shown percentage may have been derived from the exact one.

    Attributes:
        ROUNDING: Rounded to the decimals shown (boundary cases accepted either way).
        TRUNCATION: Cut after the decimals shown.
    """

    ROUNDING = "rounding"
    TRUNCATION = "truncation"

    def label(self, lang: str = "en") -> str:
        """The reading's name in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return "四舍五入" if self is Reading.ROUNDING else "截尾"
        return self.value


@attrs.frozen(slots=True, repr=False)
class PercentageCheck:
    """The whole counts that fit a reported percentage of a total.

    Attributes:
        total: The total (e.g. 103 disputes).
        reported: The percentage as reported (e.g. ``Decimal("96.8")``).
        decimals: Decimals shown in the report.
        rounding: Counts fitting under rounding.
        truncation: Counts fitting under truncation.
        readings: The readings considered.
    """

    total: int
    reported: Decimal
    decimals: int
    rounding: tuple[int, ...]
    truncation: tuple[int, ...]
    readings: tuple[Reading, ...]

    @property
    def fits(self) -> tuple[int, ...]:
        """Every count fitting under some considered reading, ascending."""
        return tuple(sorted({*self.rounding, *self.truncation}))

    @property
    def possible(self) -> bool:
        """Whether any whole count fits."""
        return bool(self.fits)

    def nearest(self) -> tuple[int | None, int | None]:
        """The closest counts below and above the reported figure (for the explanation)."""
        exact = Fraction(self.reported) * self.total / 100
        below = math.floor(exact)
        above = math.ceil(exact) if exact != below else below + 1
        return (below if below >= 0 else None), (above if above <= self.total else None)

    def verdict(self, lang: str = "en") -> str:
        """One line, verdict first: ``"impossible: no whole count of 103 gives 96.8%"``."""
        lang = language(lang)
        shown = f"{self.reported}%"
        fits = self.fits
        if len(fits) > _LISTED and fits[-1] - fits[0] + 1 == len(fits):  # one run: its ends
            counts = (
                f"{fits[0]}–{fits[-1]}（共{len(fits)}个）"
                if lang == "zh"
                else (f"{fits[0]}–{fits[-1]} ({len(fits)} counts)")
            )
        else:
            counts = "、".join(map(str, fits)) if lang == "zh" else ", ".join(map(str, fits))
        if lang == "zh":
            if self.fits:
                return f"可能：{self.total}中的{counts}可得出{shown}"
            return f"不可能：{self.total}中没有任何整数能得出{shown}"
        if self.fits:
            return f"possible: {counts} of {self.total} give(s) {shown}"
        return f"impossible: no whole count of {self.total} gives {shown}"

    def __str__(self) -> str:
        return self.verdict()

    def __repr__(self) -> str:
        return f"<PercentageCheck {self.verdict()}>"

    def _repr_html_(self) -> str:
        fits = set(self.fits)
        low, high = self.nearest()
        shown = sorted(fits | {k for k in (low, high) if k is not None})
        rows = [
            [
                f"{k}/{self.total}",
                percent_text(k, self.total, self.decimals + 2),
                ", ".join(r.value for r in self.readings if k in self._fitting(r)) or "—",
            ]
            for k in shown
        ]
        return html_table(self.verdict(), ["count", "exact percentage", "fits under"], rows)

    def _fitting(self, reading: Reading) -> tuple[int, ...]:
        return self.rounding if reading is Reading.ROUNDING else self.truncation

    def explain(self, lang: str = "en") -> str:
        """E.g. ``"96.8% of 103: no whole count fits (99/103 = 96.1%, 100/103 = 97.1%)"``."""
        lang = language(lang)
        shown = f"{self.reported}%"
        if self.fits:
            counts = ", ".join(
                f"{k}/{self.total} = {percent_text(k, self.total, self.decimals + 2)}"
                for k in self.fits
            )
            how = ", ".join(r.value for r in self.readings)
            if lang == "zh":
                zh_how = "、".join(r.label("zh") for r in self.readings)
                return f"{self.total}的{shown}：可能的整数为 {counts}（考虑：{zh_how}）"
            return f"{shown} of {self.total}: fits {counts} (readings considered: {how})"
        near = [
            f"{k}/{self.total} = {percent_text(k, self.total, self.decimals)}"
            for k in self.nearest()
            if k is not None
        ]
        if lang == "zh":
            return f"{self.total}的{shown}：没有任何整数能得出该比例（{'，'.join(near)}）"
        return f"{shown} of {self.total}: no whole count fits ({', '.join(near)})"


def _reported(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | Decimal | int):
        raise AuditInputError(
            f"reported percentage {value!r} must be a str such as '96.8' (or a Decimal or int) "
            "so that its shown decimals are known; floats lose them",
            field="reported",
            value=value,
        )
    text = value.strip().removesuffix("%").strip() if isinstance(value, str) else value
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise AuditError(
            f"reported percentage {value!r} is not a number", field="reported", value=value
        ) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise AuditError(
            f"reported percentage {value!r} must be between 0 and 100",
            field="reported",
            value=value,
        )
    return number


def reported_percentage(
    total: int,
    reported: str | Decimal | int,
    *,
    readings: tuple[Reading, ...] = (Reading.ROUNDING, Reading.TRUNCATION),
) -> PercentageCheck:
    """Which whole counts out of ``total`` give the ``reported`` percentage?

    Args:
        total: The whole total (a positive int).
        reported: The percentage as shown, e.g. ``"96.8"`` or ``"96.8%"`` (its decimals count).
        readings: The readings to consider (default both).

    Returns:
        The [PercentageCheck][community_governance.audit.PercentageCheck].

    Raises:
        AuditInputError: ``total`` is not an int (a float, a bool), ``reported`` is a float
            or a bool.
        AuditError: ``total`` is not positive, ``reported`` is not a number or outside
            0–100, ``readings`` is empty, or more than 10,000 counts fit
            (``"50"`` of a million; message names the argument).
    """
    if isinstance(total, bool) or not isinstance(total, int):
        raise AuditInputError(
            f"total {total!r} must be a positive whole number (an int)", field="total", value=total
        )
    if total <= 0:
        raise AuditError(
            f"total {total!r} must be a positive whole number", field="total", value=total
        )
    if not readings:
        raise AuditError("give at least one reading", field="readings", value=readings)
    number = _reported(reported)
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    value = Fraction(number)
    unit = Fraction(1, 10**decimals)
    # the fitting counts form a run under each reading, found in whole-number arithmetic:
    # rounding, |100k/total - value| <= unit/2; truncation, value <= 100k/total < value + unit
    share = Fraction(total, 100)
    rounding = _run(
        math.ceil((value - unit / 2) * share), math.floor((value + unit / 2) * share), total
    )
    truncation = _run(math.ceil(value * share), math.ceil((value + unit) * share) - 1, total)
    runs = {Reading.ROUNDING: rounding, Reading.TRUNCATION: truncation}
    for reading, run in runs.items():
        count = run.stop - run.start  # len() overflows past sys.maxsize
        if reading in readings and count > MAX_FITS:
            raise AuditError(
                f"{number}% of {total}: {count} whole counts fit under "
                f"{reading.value}, more than the {MAX_FITS} listed; a percentage with so few "
                "decimals says little about so large a total",
                field="reported",
                value=reported,
            )
    return PercentageCheck(
        total,
        number,
        decimals,
        tuple(rounding) if Reading.ROUNDING in readings else (),
        tuple(truncation) if Reading.TRUNCATION in readings else (),
        tuple(readings),
    )


#: Fitting counts a one-line verdict lists one by one; a longer run is shown by its ends.
_LISTED = 5
#: The most whole counts a reported percentage may fit under one reading (bounded work).
MAX_FITS = 10_000


def _run(low: int, high: int, total: int) -> range:
    """The counts from ``low`` to ``high`` that lie in 0..``total``."""
    return range(max(low, 0), min(high, total) + 1)
