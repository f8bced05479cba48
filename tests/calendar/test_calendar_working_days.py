"""Periods in working days (e.g. posted 10 working days), counted per Civil Code Art. 201."""

from __future__ import annotations

from datetime import date

import pytest

from community_governance import calendar as cal
from community_governance.exceptions import (
    InvalidDataError,
    InvalidPeriodError,
    UnverifiableFactError,
)

CHINA = cal.ChinaHolidayCalendar()
WEEKENDS = cal.WeekendCalendar()


class Holidays:
    name = "test holidays"

    def __init__(self, *days: date) -> None:
        self.days = set(days)

    def is_rest_day(self, day: date) -> bool:
        return day in self.days


@pytest.mark.parametrize(
    ("start", "count", "calendar", "end"),
    [
        (date(2025, 3, 3), 4, WEEKENDS, date(2025, 3, 7)),  # Mon: Tue..Fri, the start not counted
        (date(2025, 3, 3), 5, WEEKENDS, date(2025, 3, 10)),  # across a weekend
        (date(2025, 3, 7), 1, WEEKENDS, date(2025, 3, 10)),  # Friday's next working day
        (date(2025, 3, 8), 1, WEEKENDS, date(2025, 3, 10)),  # started on a Saturday
        (date(2025, 9, 18), 6, CHINA, date(2025, 9, 26)),
        (date(2025, 9, 18), 7, CHINA, date(2025, 9, 28)),  # Sunday 28 Sep is a working day
        (date(2025, 9, 18), 7, WEEKENDS, date(2025, 9, 29)),  # the weekend calendar misses it
        (date(2025, 9, 18), 9, CHINA, date(2025, 9, 30)),
        (date(2025, 9, 18), 10, CHINA, date(2025, 10, 9)),  # across National Day
        (date(2025, 1, 30), 1, WEEKENDS, date(2025, 1, 31)),  # month end
        (date(2025, 1, 31), 1, WEEKENDS, date(2025, 2, 3)),
        (date(2024, 2, 28), 1, WEEKENDS, date(2024, 2, 29)),  # leap day counted
        (date(2024, 2, 28), 2, WEEKENDS, date(2024, 3, 1)),
        (date(2024, 2, 28), 1, Holidays(date(2024, 2, 29)), date(2024, 3, 1)),
        (date(2025, 12, 31), 1, CHINA, date(2026, 1, 4)),  # 1-3 Jan off, Sunday 4 Jan worked
    ],
)
def test_working_day_periods(start: date, count: int, calendar: object, end: date) -> None:
    assert cal.period_end(start, working_days=count, calendar=calendar) == end  # type: ignore[arg-type]


def test_last_working_day_is_in_time_and_the_next_is_not() -> None:
    deadline = cal.Deadline.compute(
        "posting", date(2025, 9, 18), cal.Period(working_days=10), basis=cal.ART_201,
        calendar=CHINA, label_zh="公示",
    )  # fmt: skip
    assert deadline.end == deadline.unrolled_end == date(2025, 10, 9) and not deadline.rolled
    assert deadline.is_within(date(2025, 10, 9)) and not deadline.is_within(date(2025, 10, 10))
    assert deadline.citations() == (cal.ART_201,)
    assert "10 working days" in deadline.explain() and "10个工作日" in deadline.explain("zh")
    assert cal.Deadline.from_dict(deadline.to_dict(), calendar=CHINA) == deadline
    with pytest.raises(UnverifiableFactError, match="calendar="):
        cal.Deadline.from_dict(deadline.to_dict())  # working days depend on the holidays
    with pytest.raises(InvalidDataError, match="unrolled_end"):
        cal.Deadline.from_dict({**deadline.to_dict(), "unrolled_end": "2025-10-08"})
    with pytest.raises(InvalidDataError, match="unrolled_end"):
        cal.Deadline.from_dict(
            {**deadline.to_dict(), "end": "2025-09-18", "unrolled_end": "2025-09-18"}
        )
    tampered = {**deadline.to_dict(), "calendar": cal.NO_CALENDAR}
    with pytest.raises(InvalidDataError, match="end is 2025-10-09"):
        cal.Deadline.from_dict({**tampered, "notices": cal.Deadline.compute(
            "x", date(2025, 1, 1), cal.Period(days=1), basis=cal.ART_201, calendar=None
        ).to_dict()["notices"]})  # fmt: skip


def test_working_days_need_a_calendar() -> None:
    with pytest.raises(InvalidPeriodError, match="working days need a holiday calendar") as error:
        cal.Deadline.compute(
            "posting", date(2025, 9, 18), cal.Period(working_days=10), basis=cal.ART_201,
            calendar=None,
        )  # fmt: skip
    assert error.value.field == "calendar"


def test_working_day_bounds_and_broken_calendars() -> None:
    assert cal.Period(working_days=26100).describe() == "26100 working days"
    with pytest.raises(InvalidPeriodError, match="working_days <= 26100"):
        cal.Period(working_days=26101)
    with pytest.raises(InvalidPeriodError, match="working_days"):
        cal.Period(days=1, working_days=1)

    class Always:
        name = "always"

        def is_rest_day(self, day: date) -> bool:
            return True

    with pytest.raises(InvalidPeriodError, match="more than 366 rest days"):
        cal.period_end(date(2025, 1, 1), working_days=1, calendar=Always())
    with pytest.raises(InvalidPeriodError, match="9999-12-31"):
        cal.period_end(date(9999, 12, 30), working_days=5, calendar=WEEKENDS)
    assert str(cal.Period(working_days=3)) == "3 working days"
