"""[Deadline][community_governance.calendar.Deadline]: a computed period end with its citation.

A deadline remembers everything needed to explain itself: what it is for, the starting day,
the length, the last day before and after Art. 203's roll-over, the calendar used and the rule
that sets the period. Other parts of the library (mediation, re-election timelines, handover
deadlines) build theirs with
[Deadline.compute][community_governance.calendar.Deadline.compute].
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import check_derived, dump, load
from community_governance.calendar.periods import (
    ART_201,
    ART_202,
    ART_203,
    ends,
    unrolled_end,
)
from community_governance.calendar.workdays import (
    HolidayCalendar,
    WeekendCalendar,
    check_calendar,
    check_date,
)
from community_governance.exceptions import InvalidPeriodError, UnverifiableFactError
from community_governance.rules.periods import Period

__all__ = ["NO_CALENDAR", "NO_CALENDAR_ZH", "Deadline"]

#: Label recorded when a deadline was computed without a holiday calendar.
NO_CALENDAR = "none (Art. 203 roll-over not applied)"
#: Chinese label recorded when a deadline was computed without a holiday calendar.
NO_CALENDAR_ZH = "未使用节假日历（未适用第二百零三条顺延）"
_WITHOUT = Notice(
    "no-holiday-calendar",
    "computed without a holiday calendar: a last day on a statutory rest day was not moved "
    "(Civil Code Art. 203), so the legal last day may be later; check it against the State "
    "Council's holiday schedule",
    "未使用节假日历计算：届满日为法定休假日的，未依《民法典》第二百零三条顺延，"
    "法定届满日可能更晚；请对照国务院办公厅公布的节假日安排核对",
    ART_203,
)
_WEEKENDS = Notice(
    "weekend-only-calendar",
    "computed with a weekends-only calendar, not an official holiday calendar: it knows no "
    "statutory holiday (the legal last day may be later) and no adjusted working day (the "
    "legal last day may be earlier: 10 days from 2025-09-18 end on Sunday 2025-09-28, a "
    "working day, not on 2025-09-29); check it against the State Council's holiday schedule",
    "仅按周末计算，未使用官方节假日历：不含法定节假日（法定届满日可能更晚），也不含调休上班日"
    "（法定届满日可能更早：2025年9月18日起算10日，届满日为调休上班的9月28日星期日，而非9月29日）；"
    "请对照国务院办公厅公布的节假日安排核对",
    ART_203,
)
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
        calendar_zh: Chinese name of the calendar used, or `NO_CALENDAR_ZH`.
        calendar_version: Which data answered (``"holidays 0.109"``), ``""`` when none.
        notices: Warnings, e.g. that no official holiday calendar was used. A deadline without
            a calendar must carry the ``no-holiday-calendar`` notice.

    Raises:
        InvalidPeriodError: a date field is not a plain date, the unrolled end is not
            ``start + period``, the end is before it, or a deadline without a calendar was
            moved or lacks its notice.
    """

    label: str
    start: date
    period: Period
    end: date
    unrolled_end: date
    basis: Citation
    calendar: str
    label_zh: str = ""
    calendar_zh: str = ""
    calendar_version: str = ""
    notices: tuple[Notice, ...] = ()

    def __attrs_post_init__(self) -> None:
        for field in ("start", "end", "unrolled_end"):
            check_date(getattr(self, field), field)
        if self.period.working_days:
            expected = self.end if self.end > self.start else self.start + timedelta(days=1)
        else:
            expected = unrolled_end(self.start, self.period)
        if self.unrolled_end != expected:
            raise InvalidPeriodError(
                f"Deadline unrolled_end is {self.unrolled_end.isoformat()} but "
                f"{self.start.isoformat()} + {self.period.describe()} gives {expected.isoformat()}",
                field="unrolled_end",
                value=self.unrolled_end,
            )
        unmoved = self.calendar == NO_CALENDAR and (
            self.end != expected or bool(self.period.working_days)
        )
        if self.end < expected or unmoved:
            raise InvalidPeriodError(
                f"Deadline end is {self.end.isoformat()} but the unrolled end is "
                f"{expected.isoformat()} (calendar {self.calendar!r})",
                field="end",
                value=self.end,
            )
        if self.calendar == NO_CALENDAR and _WITHOUT not in self.notices:
            raise InvalidPeriodError(
                f"Deadline without a calendar must carry the {_WITHOUT.code!r} notice; "
                f"notices are {[notice.code for notice in self.notices]}",
                field="notices",
                value=self.notices,
            )

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
            The deadline. Without an official holiday calendar (``calendar=None`` or a
            [WeekendCalendar][community_governance.calendar.WeekendCalendar]) it carries a
            notice saying so, in English and Chinese.

        Raises:
            InvalidPeriodError: ``start`` is not a plain date, the end is after ``date.max``,
                or the calendar is not a
                [HolidayCalendar][community_governance.calendar.HolidayCalendar].
            HolidayDataUnavailableError: the calendar has no trusted data for the end's year.
        """
        checked = check_calendar(calendar)
        raw, end = ends(start, period, checked)
        if checked is None:
            return cls(
                label, start, period, raw, raw, basis, NO_CALENDAR, label_zh,
                NO_CALENDAR_ZH, "", (_WITHOUT,),
            )  # fmt: skip
        name_zh, version = _described(checked)
        notices = (_WEEKENDS,) if isinstance(checked, WeekendCalendar) else ()
        return cls(
            label, start, period, end, raw, basis, checked.name, label_zh, name_zh, version,
            notices,
        )  # fmt: skip

    @property
    def rolled(self) -> bool:
        """Whether Art. 203 moved the end off a rest day."""
        return self.end != self.unrolled_end

    def is_within(self, on: date) -> bool:
        """Whether ``on`` is in time: up to and including ``end`` (Civil Code Art. 1259)."""
        return check_date(on, "on") <= self.end

    def days_left(self, on: date) -> int:
        """Days from ``on`` to the last day: 0 on the last day, negative once expired."""
        return (self.end - check_date(on, "on")).days

    def day_number(self, on: date) -> int:
        """Which day of the period ``on`` is (the day after ``start`` is day 1)."""
        return (check_date(on, "on") - self.start).days

    def citations(self) -> tuple[Citation, ...]:
        """The rule setting the period and the Civil Code counting rules applied, no repeats."""
        calendar_months = self.period.months or self.period.years
        counting = (ART_201, ART_202) if calendar_months else (ART_201,)
        rules = (self.basis, *counting, *((ART_203,) if self.rolled else ()))
        return tuple(dict.fromkeys(rules))

    def explain(self, lang: str = "en") -> str:
        """Say how the last day was found.

        Args:
            lang: ``"en"`` or ``"zh"``.

        Returns:
            One paragraph naming the start, length, last day, roll-over and rules.
        """
        lang = language(lang)
        joined = "；" if lang == "zh" else "; "
        rules = joined.join(citation.format(lang) for citation in self.citations())
        if lang == "zh":
            text = (
                f"{self.label_zh or self.label}：自{self.start.isoformat()}次日起算"
                f"{self.period.describe('zh')}，"
                f"届满日{self.end.isoformat()}（含当日24时）"
            )
            if self.rolled:
                text += f"；原届满日{self.unrolled_end.isoformat()}为法定休假日，顺延"
            text += f"。节假日历：{self.calendar_zh or '调用方提供的节假日历'}"
            if self.calendar_version:
                text += f"（数据版本 {self.calendar_version}）"
            warnings = "".join(f"。注意：{notice.zh}" for notice in self.notices)
            return f"{text}{warnings}。依据：{rules}"
        text = (
            f"{self.label}: {self.period.describe()} counted from the day after "
            f"{self.start.isoformat()}; last day {self.end.isoformat()} (until 24:00)"
        )
        if self.rolled:
            text += f"; moved from {self.unrolled_end.isoformat()}, a rest day"
        text += f". Calendar: {self.calendar}"
        if self.calendar_version:
            text += f" (data {self.calendar_version})"
        warnings = "".join(f". Warning: {notice.en}" for notice in self.notices)
        return f"{text}{warnings}. Basis: {rules}"

    def __str__(self) -> str:
        text = (
            f"{self.end.isoformat()}: last day of {self.label} ({self.period.describe()} from "
            f"{self.start.isoformat()}"
        )
        if self.rolled:
            text += f", moved from {self.unrolled_end.isoformat()}"
        text += f"; calendar: {self.calendar}"
        if self.notices:
            text += "; warning: " + ", ".join(notice.code for notice in self.notices)
        return text + ")"

    def __repr__(self) -> str:
        return f"<Deadline {self}>"

    def _repr_html_(self) -> str:
        rows = [
            ("last day (until 24:00)", self.end.isoformat()),
            ("before the roll-over", self.unrolled_end.isoformat()),
            ("start (not counted)", self.start.isoformat()),
            ("length", self.period.describe()),
            ("calendar", self.calendar),
            ("calendar data", self.calendar_version or "—"),
            ("basis", "; ".join(citation.format() for citation in self.citations())),
        ]
        return html_table(
            f"{self.end.isoformat()}: {self.label}",
            ("", ""),
            rows,
            footer=[f"Warning: {notice.en}" for notice in self.notices],
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data with a versioned ``"schema"`` key."""
        return dump(self, _SCHEMA)

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, calendar: HolidayCalendar | None = None
    ) -> Deadline:
        """Inverse of [to_dict][community_governance.calendar.Deadline.to_dict].

        The stored end is never trusted: it is recomputed and a stored one that differs is
        refused. A deadline counted without a calendar, or with the weekends-only
        [WeekendCalendar][community_governance.calendar.WeekendCalendar], is recomputed from
        the data alone. One counted with any other calendar (an end moved by Civil Code
        Art. 203, or counted in working days, depends on its holidays) needs that calendar
        passed as ``calendar=``; without it the data are refused.

        Args:
            data: The plain data.
            calendar: The holiday calendar the deadline was computed with (``None``: only a
                deadline without a calendar or on weekends only can be loaded).

        Raises:
            InvalidDataError: wrong schema or data that do not fit.
            InvalidPeriodError: ``calendar`` is not a
                [HolidayCalendar][community_governance.calendar.HolidayCalendar].
            UnverifiableFactError: the deadline was computed with a holiday calendar and
                ``calendar`` is not given.
            DerivedFactMismatchError: ``calendar`` is another calendar than the stored one, or
                the end or the warnings recomputed with it differ from the stored ones.
            HolidayDataUnavailableError: ``calendar`` has no trusted data for the end's year.
        """
        deadline = load(cls, data, _SCHEMA)
        checked = check_calendar(calendar)
        if checked is None and deadline.calendar != NO_CALENDAR:
            if deadline.calendar != _WEEKENDS_ONLY.name:
                raise UnverifiableFactError(
                    what="Deadline",
                    field="end",
                    stored=deadline.end.isoformat(),
                    needs=f"the calendar it was computed with, {deadline.calendar!r} (calendar=)",
                )
            checked = _WEEKENDS_ONLY
        if checked is not None:
            again = cls.compute(
                deadline.label, deadline.start, deadline.period, basis=deadline.basis,
                calendar=checked, label_zh=deadline.label_zh,
            )  # fmt: skip
            check_derived("Deadline", "calendar", deadline.calendar, again.calendar)
            check_derived("Deadline", "end", deadline.end.isoformat(), again.end.isoformat())
            check_derived(
                "Deadline",
                "notices",
                [notice.code for notice in deadline.notices],
                [notice.code for notice in again.notices],
            )
        return deadline


#: The weekends-only calendar: deterministic, so a deadline counted with it reloads alone.
_WEEKENDS_ONLY = WeekendCalendar()


def _described(calendar: HolidayCalendar) -> tuple[str, str]:
    """The calendar's Chinese name and data version, when it has them (both optional)."""
    found = []
    for field in ("name_zh", "data_version"):
        value = getattr(calendar, field, "")
        if not isinstance(value, str):
            raise InvalidPeriodError(
                f"calendar {calendar.name!r}: {field} {value!r} must be a str",
                field="calendar",
                value=value,
            )
        found.append(value)
    return found[0], found[1]
