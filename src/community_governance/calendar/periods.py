"""Legal periods under Civil Code Arts. 201–203 and 1259.

* Art. 201: a period in days, months or years starts the day *after* its starting event (the
  start day is not counted): 30 days from 1 March end on 31 March.
* Art. 202: a period in months or years ends on the *corresponding day* of the last month, or
  on that month's last day when there is none (31 January + 1 month = 28 or 29 February).
  Month arithmetic uses ``dateutil.relativedelta``, which clips to the month's end exactly so.
* Art. 203: when the last day is a statutory rest day, the period ends on the first working day
  after it; a deadline runs to 24:00 of its last day. Rest days come from the injected
  [HolidayCalendar][community_governance.calendar.HolidayCalendar]; with ``calendar=None`` no
  day is moved and the [Deadline][community_governance.calendar.Deadline] says so.
* Art. 1259: "within" (以内) and "on expiry" (届满) include the stated end, so the last day itself
  is still in time ([is_within][community_governance.calendar.is_within]).

No function here reads the clock: every date is an argument.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from community_governance._base.citations import Citation
from community_governance.calendar.workdays import (
    HolidayCalendar,
    check_calendar,
    check_date,
    require_calendar,
)
from community_governance.exceptions import InvalidPeriodError
from community_governance.rules.periods import Period

__all__ = [
    "ART_201",
    "ART_202",
    "ART_203",
    "ART_1259",
    "MAX_REST_RUN",
    "Period",
    "day_number",
    "is_within",
    "next_working_day",
    "period_end",
]

_EFFECTIVE = date(2021, 1, 1)
#: Civil Code Art. 201: the start day is not counted.
ART_201 = Citation("civil_code", "201", "2020", _EFFECTIVE, note="start day not counted")
#: Civil Code Art. 202: months and years end on the corresponding day or the month's end.
ART_202 = Citation("civil_code", "202", "2020", _EFFECTIVE, note="corresponding day")
#: Civil Code Art. 203: an end on a statutory rest day moves to the next working day.
ART_203 = Citation("civil_code", "203", "2020", _EFFECTIVE, note="rest-day roll-over")
#: Civil Code Art. 1259: 以内 and 届满 include the stated end.
ART_1259 = Citation("civil_code", "1259", "2020", _EFFECTIVE, note="以内/届满 inclusive")


#: The longest run of rest days a calendar may report before it is judged broken.
MAX_REST_RUN = 366


def _rest(calendar: HolidayCalendar, day: date) -> bool:
    answer = calendar.is_rest_day(day)
    if not isinstance(answer, bool):
        raise InvalidPeriodError(
            f"calendar {calendar.name!r}: is_rest_day({day.isoformat()}) returned {answer!r}, "
            "not True or False",
            field="calendar",
            value=answer,
        )
    return answer


def _next_day(day: date, field: str) -> date:
    if day == date.max:
        raise InvalidPeriodError(
            f"{field}: no day after {day.isoformat()}, the last date Python can represent",
            field=field,
            value=day,
        )
    return day + timedelta(days=1)


def next_working_day(day: date, calendar: HolidayCalendar) -> date:
    """Return ``day`` itself if it is a working day, else the first working day after it.

    Args:
        day: The candidate last day.
        calendar: Which days are rest days.

    Returns:
        The first working day on or after ``day`` (Civil Code Art. 203).

    Raises:
        InvalidPeriodError: ``day`` is not a date (or is a ``datetime``), the calendar answers
            something other than ``True``/``False``, reports more than
            ``MAX_REST_RUN`` rest days in a
            row, or the search passes ``date.max``.
    """
    checked = check_date(day, "day")
    calendar = require_calendar(calendar)
    for _ in range(MAX_REST_RUN + 1):
        if not _rest(calendar, checked):
            return checked
        checked = _next_day(checked, "day")
    raise InvalidPeriodError(
        f"calendar {calendar.name!r} reports more than {MAX_REST_RUN} rest days in a row from "
        f"{day.isoformat()}",
        field="calendar",
        value=calendar.name,
    )


def unrolled_end(start: date, period: Period) -> date:
    """Return the last day of ``period`` from ``start`` before any rest-day roll-over.

    Args:
        start: The day of the starting event (not counted, Art. 201).
        period: The length.

    Returns:
        ``start + period`` with month ends clipped (Art. 202).

    Raises:
        InvalidPeriodError: the end would be after ``date.max`` (9999-12-31), or the period is
            in working days (which needs a calendar: see `ends`).
    """
    if period.working_days:
        raise InvalidPeriodError(
            f"a period of {period.describe()}: working days need a holiday calendar "
            "(calendar=None gives no working days)",
            field="calendar",
            value=None,
        )
    try:
        if period.days:
            return start + timedelta(days=period.days)
        end: date = start + relativedelta(months=period.months, years=period.years)
    except (OverflowError, ValueError) as error:
        raise InvalidPeriodError(
            f"start {start.isoformat()} + {period.describe()} is after 9999-12-31, the last date "
            "Python can represent",
            field="start",
            value=start,
        ) from error
    return end


def working_day_end(start: date, count: int, calendar: HolidayCalendar) -> date:
    """Return the ``count``-th working day after ``start`` (the start day is not counted).

    Civil Code Art. 201: the period begins the day after the starting event; each working day
    of ``calendar`` counts one, rest days (weekends, statutory holidays) count none, and an
    adjusted working weekend day (调休) counts one. The end is a working day, so Art. 203's
    roll-over never applies.

    Args:
        start: The day of the starting event.
        count: How many working days.
        calendar: Which days are rest days.

    Returns:
        The last working day of the period.

    Raises:
        InvalidPeriodError: a bad date, a broken calendar, or counting past ``date.max``.
    """
    day = check_date(start, "start")
    run = 0
    while count:
        day = _next_day(day, "start")
        if _rest(calendar, day):
            run += 1
            if run > MAX_REST_RUN:
                raise InvalidPeriodError(
                    f"calendar {calendar.name!r} reports more than {MAX_REST_RUN} rest days in "
                    f"a row before {day.isoformat()}",
                    field="calendar",
                    value=calendar.name,
                )
        else:
            count, run = count - 1, 0
    return day


def ends(start: date, period: Period, calendar: HolidayCalendar | None) -> tuple[date, date]:
    """Return the last day before and after Art. 203's roll-over, for any unit.

    Raises:
        InvalidPeriodError: bad arguments, or a period in working days without a calendar.
    """
    checked = check_calendar(calendar)
    check_date(start, "start")
    if period.working_days and checked is not None:
        end = working_day_end(start, period.working_days, checked)
        return end, end
    raw = unrolled_end(start, period)
    return raw, (raw if checked is None else next_working_day(raw, checked))


def period_end(
    start: date,
    *,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    working_days: int = 0,
    calendar: HolidayCalendar | None,
) -> date:
    """Return the last day (inclusive, to 24:00) of a period counted by the Civil Code.

    Args:
        start: The day of the starting event; it is not counted (Art. 201).
        days: Length in days.
        months: Length in months (ends on the corresponding day or the month's end, Art. 202).
        years: Length in years (same rule).
        working_days: Length in working days of ``calendar`` (which is then required).
        calendar: Rest days for Art. 203's roll-over; ``None`` applies no roll-over. Keyword
            required, so that leaving out holidays is always a visible choice. A bare date
            carries no warning: use
            [Deadline.compute][community_governance.calendar.Deadline.compute] to get the
            result with its notices.

    Returns:
        The last day of the period.

    Raises:
        InvalidPeriodError: bad length, a start that is not a plain date (a ``datetime`` is
            refused), an end after ``date.max``, working days without a calendar, or a calendar
            that is not a [HolidayCalendar][community_governance.calendar.HolidayCalendar].

    Examples:
        >>> from datetime import date
        >>> period_end(date(2025, 1, 31), months=1, calendar=None)
        datetime.date(2025, 2, 28)
    """
    period = Period(days=days, months=months, years=years, working_days=working_days)
    return ends(start, period, calendar)[1]


def day_number(start: date, on: date) -> int:
    """Return which day of a period ``on`` is, counting the day after ``start`` as day 1.

    Args:
        start: The day of the starting event.
        on: The day asked about.

    Returns:
        ``(on - start).days``: 30 on the 30th day, 0 on the start day itself.
    """
    return (check_date(on, "on") - check_date(start, "start")).days


def is_within(deadline: date | object, on: date) -> bool:
    """Whether ``on`` is still within a period whose last day is ``deadline`` (Art. 1259).

    Args:
        deadline: The last day, or a [Deadline][community_governance.calendar.Deadline].
        on: The day of the act.

    Returns:
        ``True`` up to and including the last day.

    Raises:
        InvalidPeriodError: ``deadline`` is neither a date nor a ``Deadline``, or ``on`` is not a
            date.
    """
    end = getattr(deadline, "end", deadline)
    return check_date(on, "on") <= check_date(end, "deadline")
