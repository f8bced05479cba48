"""Lengths of legal time: a period in days, months or years (Civil Code Arts. 200–204).

Only the value lives here; counting a period from a start day (Arts. 201–203) is
`community_governance.calendar`'s work.
"""

from __future__ import annotations

import attrs

from community_governance._base.format import counted
from community_governance._base.lang import language
from community_governance.exceptions import InvalidPeriodError

__all__ = ["MAX_LENGTH", "Period"]


#: The longest period accepted in each unit (about a century): a longer one is a typo.
MAX_LENGTH = {"days": 36600, "months": 1200, "years": 100, "working_days": 26100}


def _length(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidPeriodError(
            f"period {field}={value!r} must be a whole number (int)", field=field, value=value
        )
    if value < 0:
        raise InvalidPeriodError(
            f"period {field}={value!r} must not be negative", field=field, value=value
        )
    if value > MAX_LENGTH[field]:
        raise InvalidPeriodError(
            f"period {field}={value!r} is longer than the bound {field} <= {MAX_LENGTH[field]}",
            field=field,
            value=value,
        )
    return value


@attrs.frozen(slots=True)
class Period:
    """A length of time in exactly one unit: days, months, years or working days.

    Build it with keywords: ``Period(days=30)``, ``Period(months=1)``, ``Period(years=1)``,
    ``Period(working_days=10)`` (for example a notice posted 10 working days, 10个工作日).

    Attributes:
        days: Length in days, or 0.
        months: Length in months, or 0.
        years: Length in years, or 0.
        working_days: Length in working days, or 0 (counting needs a holiday calendar).

    Raises:
        InvalidPeriodError: no unit or more than one unit is given, or a length is negative,
            not an ``int``, or longer than
            ``MAX_LENGTH`` (36600 days, 1200
            months, 100 years, 26100 working days).
    """

    days: int = 0
    months: int = 0
    years: int = 0
    working_days: int = 0

    def __attrs_post_init__(self) -> None:
        given = [name for name in MAX_LENGTH if _length(getattr(self, name), name) != 0]
        if len(given) != 1:
            raise InvalidPeriodError(
                "a period needs exactly one positive unit among days, months, years, "
                f"working_days; got days={self.days}, months={self.months}, years={self.years}, "
                f"working_days={self.working_days}",
                field="/".join(given) or "days",
                value=(self.days, self.months, self.years, self.working_days),
            )

    def __str__(self) -> str:
        return self.describe()

    def describe(self, lang: str = "en") -> str:
        """Render the length, e.g. ``"30 days"``, ``"1个月"`` or ``"10个工作日"``.

        Args:
            lang: ``"en"`` or ``"zh"``.

        Returns:
            The length in words.
        """
        lang = language(lang)
        if self.days:
            return f"{self.days}日" if lang == "zh" else counted(self.days, "day")
        if self.months:
            return f"{self.months}个月" if lang == "zh" else counted(self.months, "month")
        if self.years:
            return f"{self.years}年" if lang == "zh" else counted(self.years, "year")
        return (
            f"{self.working_days}个工作日"
            if lang == "zh"
            else counted(self.working_days, "working day")
        )
