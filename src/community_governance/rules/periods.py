"""Lengths of legal time: a period in days, months or years (Civil Code Arts. 200–204).

Only the value lives here; counting a period from a start day (Arts. 201–203) is
`community_governance.calendar`'s work.
"""

from __future__ import annotations

import attrs

from community_governance.exceptions import InvalidPeriodError

__all__ = ["Period"]


def _length(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidPeriodError(
            f"period {field}={value!r} must be a whole number (int)", field=field, value=value
        )
    if value < 0:
        raise InvalidPeriodError(
            f"period {field}={value!r} must not be negative", field=field, value=value
        )
    return value


@attrs.frozen(slots=True)
class Period:
    """A length of time in exactly one unit: days, months or years.

    Build it with keywords: ``Period(days=30)``, ``Period(months=1)``, ``Period(years=1)``.

    Attributes:
        days: Length in days, or 0.
        months: Length in months, or 0.
        years: Length in years, or 0.

    Raises:
        InvalidPeriodError: no unit or more than one unit is given, or a length is negative or
            not an ``int``.
    """

    days: int = 0
    months: int = 0
    years: int = 0

    def __attrs_post_init__(self) -> None:
        given = [
            name for name in ("days", "months", "years") if _length(getattr(self, name), name) != 0
        ]
        if len(given) != 1:
            raise InvalidPeriodError(
                "a period needs exactly one positive unit among days, months, years; got "
                f"days={self.days}, months={self.months}, years={self.years}",
                field="/".join(given) or "days",
                value=(self.days, self.months, self.years),
            )

    def describe(self, lang: str = "en") -> str:
        """Render the length, e.g. ``"30 days"`` or ``"1个月"``.

        Args:
            lang: ``"en"`` or ``"zh"``.

        Returns:
            The length in words.
        """
        if self.days:
            return f"{self.days}日" if lang == "zh" else f"{self.days} days"
        if self.months:
            return f"{self.months}个月" if lang == "zh" else f"{self.months} months"
        return f"{self.years}年" if lang == "zh" else f"{self.years} years"
