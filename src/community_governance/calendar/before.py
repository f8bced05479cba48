"""Counting backwards: the last lawful day of an act required some time *before* an event.

"Report 5 months before the term expires" (提前五个月) or "announce the meeting 15 days before
it" (会议召开十五日以前) set a lead time, not a period that runs from a starting event, so
Civil Code Art. 203 (an end on a rest day moves to the next working day) does not speak to them.
Moving such a day *later* would shorten the lead the law guarantees; the library therefore
moves a last lawful day that falls on a rest day *earlier*, to the previous working day, and
cites this as its own design decision (`ART_LEAD`). Months count back to the corresponding
day, clipped to the month's end (Art. 202 applied backwards).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from community_governance._base.citations import Citation
from community_governance.calendar.periods import MAX_REST_RUN, _rest
from community_governance.calendar.workdays import (
    HolidayCalendar,
    check_calendar,
    check_date,
    require_calendar,
)
from community_governance.exceptions import InvalidPeriodError
from community_governance.rules.periods import Period

__all__ = ["ART_LEAD", "latest_before", "previous_working_day", "working_days_between"]

#: The library's reading for lead times: a last lawful day on a rest day moves earlier.
ART_LEAD = Citation(
    "library_design",
    "lead-time",
    note="a lead time's last day on a rest day moves to the previous working day",
)


#: The longest span `working_days_between` counts (100 years, as `Period`'s longest length).
MAX_SPAN = 36600


def previous_working_day(day: date, calendar: HolidayCalendar) -> date:
    """Return ``day`` if it is a working day, else the last working day before it.

    Raises:
        InvalidPeriodError: a bad date, a broken calendar, or the search passes ``date.min``.
    """
    checked = check_date(day, "day")
    calendar = require_calendar(calendar)
    for _ in range(MAX_REST_RUN + 1):
        if not _rest(calendar, checked):
            return checked
        if checked == date.min:
            break
        checked -= timedelta(days=1)
    raise InvalidPeriodError(
        f"calendar {calendar.name!r}: no working day found before {day.isoformat()}",
        field="calendar",
        value=calendar.name,
    )


def _back(anchor: date, period: Period, calendar: HolidayCalendar | None) -> date:
    if period.working_days:
        if calendar is None:
            raise InvalidPeriodError(
                f"a lead of {period.describe()} needs a holiday calendar",
                field="calendar",
                value=None,
            )
        day, count = anchor, period.working_days
        while count:
            day = previous_working_day(day - timedelta(days=1), calendar)
            count -= 1
        return day
    if period.days:
        return anchor - timedelta(days=period.days)
    return anchor - relativedelta(months=period.months, years=period.years)


def latest_before(
    anchor: date, period: Period, *, calendar: HolidayCalendar | None
) -> tuple[date, date]:
    """The last lawful day of an act due ``period`` before ``anchor``, unmoved and moved.

    Args:
        anchor: The event the lead counts back from (a meeting, a term's expiry).
        period: The lead time, in days, months, years or working days.
        calendar: Rest days; ``None`` moves nothing. A day on a rest day moves earlier
            (`ART_LEAD`).

    Returns:
        ``(raw, moved)``: ``anchor - period`` and the day after moving off rest days.

    Raises:
        InvalidPeriodError: a bad date or calendar, working days without a calendar, or a day
            before ``date.min``.
    """
    check_date(anchor, "anchor")
    checked = check_calendar(calendar)
    try:
        raw = _back(anchor, period, checked)
    except OverflowError as error:
        raise InvalidPeriodError(
            f"{anchor.isoformat()} - {period.describe()} is before 0001-01-01",
            field="anchor",
            value=anchor,
        ) from error
    if checked is None or period.working_days:
        return raw, raw
    return raw, previous_working_day(raw, checked)


def working_days_between(start: date, end: date, calendar: HolidayCalendar) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (Art. 201).

    Raises:
        InvalidPeriodError: a bad date or calendar, ``end`` before ``start``, or more than
            `MAX_SPAN` days between them (a bounded count).
    """
    first, last = check_date(start, "start"), check_date(end, "end")
    calendar = require_calendar(calendar)
    if last < first:
        raise InvalidPeriodError(
            f"end {last.isoformat()} is before start {first.isoformat()}", field="end", value=last
        )
    if (last - first).days > MAX_SPAN:
        raise InvalidPeriodError(
            f"{first.isoformat()} to {last.isoformat()} is longer than the bound of {MAX_SPAN} "
            "days (100 years)",
            field="end",
            value=last,
        )
    count, day = 0, first
    while day < last:
        day += timedelta(days=1)
        count += not _rest(calendar, day)
    return count
