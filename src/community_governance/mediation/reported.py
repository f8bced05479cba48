"""Whether a published percentage can be a ratio of whole cases (96.8% of 103 cannot).

A whole-case rate is ``k / total`` for a whole number ``k``. With 103 cases the possible
rates near 96.8% are 99/103 = 96.1% and 100/103 = 97.1%: no count of cases shows as 96.8%,
whether rounded half up or truncated.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import attrs

from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation.statistics import percent

__all__ = ["ReportedRateCheck", "check_reported_rate"]


@attrs.frozen(slots=True)
class ReportedRateCheck:
    """Whether a published percentage can be ``k / total`` for a whole number of cases ``k``.

    Attributes:
        reported: The published percentage, e.g. ``Decimal("96.8")``.
        total: The number of cases it is said to be a share of.
        matches: Every ``k`` whose ``k / total`` shows as ``reported``.
        below: The nearest ``(k, shown percentage)`` under the reported figure, if any.
        above: The nearest ``(k, shown percentage)`` over it, if any.
        truncated: Whether shown percentages are cut instead of rounded half up.
    """

    reported: Decimal
    total: int
    matches: tuple[int, ...]
    below: tuple[int, Decimal] | None
    above: tuple[int, Decimal] | None
    truncated: bool = False

    @property
    def possible(self) -> bool:
        """Whether at least one whole count gives the reported figure."""
        return bool(self.matches)

    def explain(self, lang: str = "en") -> str:
        """Say whether the figure is possible, with its nearest neighbours."""
        pairs = [pair for pair in (self.below, self.above) if pair is not None]
        near = [f"{k}/{self.total} = {p}%" for k, p in pairs]
        if self.possible:
            ks = ", ".join(str(k) for k in self.matches)
            if lang == "zh":
                return f"{self.reported}% 可为 {ks}/{self.total}"
            return f"{self.reported}% is {ks} of {self.total} cases"
        if lang == "zh":
            closest = "，".join(near)
            return f"{self.reported}% 不可能是 {self.total} 件中的整数件之比：最接近的是 {closest}"
        return (
            f"{self.reported}% cannot be a whole number of cases out of {self.total}: "
            f"the nearest are {' and '.join(near)}"
        )


def check_reported_rate(
    reported: str | Decimal, total: int, *, truncated: bool = False
) -> ReportedRateCheck:
    """Check a published percentage against a whole-number denominator.

    Args:
        reported: The figure as published, e.g. ``"96.8"``; its decimals set the precision.
        total: The number of cases.
        truncated: Compare with percentages cut (not rounded) to the same decimals.

    Returns:
        The check, with every matching count and the nearest neighbours.

    Examples:
        >>> check_reported_rate("96.8", 103).possible
        False
    """
    what = "reported rate"
    if isinstance(total, bool) or not isinstance(total, int) or total <= 0:
        raise InvalidCaseDataError(
            f"{what}: total {total!r} must be a positive int", what=what, field="total", value=total
        )
    try:
        figure = Decimal(str(reported))
    except InvalidOperation:
        figure = Decimal("NaN")
    if isinstance(reported, float) or not figure.is_finite() or not 0 <= figure <= 100:
        raise InvalidCaseDataError(
            f"{what}: {reported!r} must be a percentage between 0 and 100 given as str or Decimal",
            what=what,
            field="reported",
            value=reported,
        )
    places = max(0, -int(figure.as_tuple().exponent))
    shown = {k: percent(k, total, places, truncated) for k in range(total + 1)}
    below = max(
        ((k, p) for k, p in shown.items() if p < figure), default=None, key=lambda kp: kp[1]
    )
    above = min(
        ((k, p) for k, p in shown.items() if p > figure), default=None, key=lambda kp: kp[1]
    )
    matches = tuple(k for k, p in shown.items() if p == figure)
    return ReportedRateCheck(figure, total, matches, below, above, truncated)
