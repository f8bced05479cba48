"""[Deadline][community_governance.calendar.Deadline]: a computed period end with its citation.

A deadline remembers everything needed to explain itself: what it is for, the starting day,
the length, the last day before and after Art. 203's roll-over, the calendar used and the rule
that sets the period. Other parts of the library (mediation, re-election timelines, handover
deadlines) build theirs with
[Deadline.compute][community_governance.calendar.Deadline.compute].
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.serial import dump, load
from community_governance.calendar.periods import (
    ART_201,
    ART_202,
    ART_203,
    next_working_day,
    unrolled_end,
)
from community_governance.calendar.workdays import HolidayCalendar, check_calendar
from community_governance.rules.periods import Period

__all__ = ["NO_CALENDAR", "Deadline"]

#: Label recorded when a deadline was computed without a holiday calendar.
NO_CALENDAR = "none (Art. 203 roll-over not applied)"
_SCHEMA = "community_governance.deadline/1"


@attrs.frozen(slots=True)
class Deadline:
    """The last day of a legal period, with its legal basis.

    Attributes:
        label: What the deadline is for, in English (e.g. ``"judicial confirmation window"``).
        start: The day of the starting event (not counted).
        period: The length.
        end: The last day, inclusive (after any rest-day roll-over).
        unrolled_end: The last day before the roll-over (equal to ``end`` when none applied).
        basis: The rule that sets the period.
        calendar: Name of the holiday calendar used, or `NO_CALENDAR`.
        label_zh: What the deadline is for, in Chinese (``label`` is used when empty).
    """

    label: str
    start: date
    period: Period
    end: date
    unrolled_end: date
    basis: Citation
    calendar: str
    label_zh: str = ""

    @classmethod
    def compute(
        cls,
        label: str,
        start: date,
        period: Period,
        *,
        basis: Citation,
        calendar: HolidayCalendar | None,
        label_zh: str = "",
    ) -> Deadline:
        """Count ``period`` from ``start`` by Civil Code Arts. 201–203.

        Args:
            label: What the deadline is for.
            start: The day of the starting event (not counted).
            period: The length.
            basis: The rule that sets the period.
            calendar: Rest days for the roll-over, or ``None`` for none.
            label_zh: What the deadline is for, in Chinese.

        Returns:
            The deadline.
        """
        checked = check_calendar(calendar)
        raw = unrolled_end(start, period)
        if checked is None:
            return cls(label, start, period, raw, raw, basis, NO_CALENDAR, label_zh)
        end = next_working_day(raw, checked)
        return cls(label, start, period, end, raw, basis, checked.name, label_zh)

    @property
    def rolled(self) -> bool:
        """Whether Art. 203 moved the end off a rest day."""
        return self.end != self.unrolled_end

    def is_within(self, on: date) -> bool:
        """Whether ``on`` is in time: up to and including ``end`` (Civil Code Art. 1259)."""
        return on <= self.end

    def days_left(self, on: date) -> int:
        """Days from ``on`` to the last day: 0 on the last day, negative once expired."""
        return (self.end - on).days

    def day_number(self, on: date) -> int:
        """Which day of the period ``on`` is (the day after ``start`` is day 1)."""
        return (on - self.start).days

    def citations(self) -> tuple[Citation, ...]:
        """The rule setting the period and the Civil Code counting rules applied, no repeats."""
        counting = (ART_201, ART_202) if not self.period.days else (ART_201,)
        rules = (self.basis, *counting, *((ART_203,) if self.rolled else ()))
        return tuple(dict.fromkeys(rules))

    def explain(self, lang: str = "en") -> str:
        """Say how the last day was found.

        Args:
            lang: ``"en"`` or ``"zh"``.

        Returns:
            One paragraph naming the start, length, last day, roll-over and rules.
        """
        rules = "; ".join(citation.format(lang) for citation in self.citations())
        if lang == "zh":
            text = (
                f"{self.label_zh or self.label}：自{self.start.isoformat()}次日起算"
                f"{self.period.describe('zh')}，"
                f"届满日{self.end.isoformat()}（含当日24时）"
            )
            if self.rolled:
                text += f"；原届满日{self.unrolled_end.isoformat()}为法定休假日，顺延"
            return f"{text}。节假日历：{self.calendar}。依据：{rules}"
        text = (
            f"{self.label}: {self.period.describe()} counted from the day after "
            f"{self.start.isoformat()}; last day {self.end.isoformat()} (until 24:00)"
        )
        if self.rolled:
            text += f"; moved from {self.unrolled_end.isoformat()}, a rest day"
        return f"{text}. Calendar: {self.calendar}. Basis: {rules}"

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data with a versioned ``"schema"`` key."""
        return dump(self, _SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deadline:
        """Inverse of [to_dict][community_governance.calendar.Deadline.to_dict].

        Raises:
            InvalidRecordError: wrong schema or data that do not fit.
        """
        return load(cls, data, _SCHEMA)
