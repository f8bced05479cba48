"""Issues 8 and 9: visible trust, recorded data versions, and dates refused or bounded."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from community_governance import calendar as cal
from community_governance.exceptions import (
    DerivedFactMismatchError,
    HolidayDataUnavailableError,
    InvalidDataError,
    InvalidPeriodError,
    UnverifiableFactError,
)


def window(calendar: cal.HolidayCalendar | None, start: date = date(2025, 9, 18)) -> cal.Deadline:
    return cal.Deadline.compute(
        "notice", start, cal.Period(days=10), basis=cal.ART_201, calendar=calendar, label_zh="公示"
    )


def test_weekend_calendar_can_be_later_than_the_law() -> None:
    china, weekends = window(cal.ChinaHolidayCalendar()), window(cal.WeekendCalendar())
    assert china.end == date(2025, 9, 28) and not china.notices
    assert weekends.end == date(2025, 9, 29)
    assert [notice.code for notice in weekends.notices] == ["weekend-only-calendar"]
    assert "2025-09-28" in weekends.explain() and "调休" in weekends.explain("zh")
    assert "later" in (cal.WeekendCalendar.__doc__ or "")


def test_no_calendar_warns_in_both_languages() -> None:
    deadline = window(None)
    assert [notice.code for notice in deadline.notices] == ["no-holiday-calendar"]
    assert "Warning: computed without a holiday calendar" in deadline.explain()
    zh = deadline.explain("zh")
    assert "未使用节假日历" in zh and cal.NO_CALENDAR_ZH in zh and "none" not in zh
    assert deadline.calendar_zh == cal.NO_CALENDAR_ZH


def test_china_calendar_refuses_years_after_the_checked_one() -> None:
    china = cal.ChinaHolidayCalendar()
    assert china.last_announced_year == cal.CHECKED_THROUGH == 2026
    assert china.is_rest_day(date(2026, 12, 31)) is False
    with pytest.raises(HolidayDataUnavailableError, match="last_announced_year=2027") as error:
        china.is_rest_day(date(2027, 1, 1))
    assert error.value.year == 2027
    later = cal.ChinaHolidayCalendar(last_announced_year=2027)
    assert later.is_rest_day(date(2027, 1, 1))
    with pytest.raises(InvalidPeriodError, match="last_announced_year None"):
        cal.ChinaHolidayCalendar(last_announced_year=None)  # type: ignore[arg-type]


# State Council notices on the 2025 and 2026 holiday arrangements: every weekday off and every
# weekend day worked.
SCHEDULE = {
    2025: (
        "01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05 06-02 "
        "10-01 10-02 10-03 10-06 10-07 10-08",
        "01-26 02-08 04-27 09-28 10-11",
    ),
    2026: (
        "01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 "
        "09-25 10-01 10-02 10-05 10-06 10-07",
        "01-04 02-14 02-28 05-09 09-20 10-10",
    ),
}


@pytest.mark.parametrize("year", sorted(SCHEDULE))
def test_checked_years_match_the_official_schedule(year: int) -> None:
    china = cal.ChinaHolidayCalendar()
    off, worked = (
        {date.fromisoformat(f"{year}-{d}") for d in days.split()} for days in SCHEDULE[year]
    )
    day = date(year, 1, 1)
    while day.year == year:
        expected = day in off or (day.weekday() >= 5 and day not in worked)
        assert china.is_rest_day(day) is expected, day
        day = date.fromordinal(day.toordinal() + 1)


def test_data_version_is_recorded() -> None:
    china = cal.ChinaHolidayCalendar()
    assert china.data_version.startswith("holidays 0.")
    deadline = window(china)
    assert deadline.calendar_version == china.data_version
    assert deadline.to_dict()["calendar_version"] == china.data_version
    assert cal.Deadline.from_dict(deadline.to_dict(), calendar=china) == deadline
    assert china.data_version in deadline.explain() and china.data_version in deadline.explain("zh")
    assert window(cal.WeekendCalendar()).calendar_version == ""


def test_one_line_repr_and_html() -> None:
    deadline = cal.Deadline.compute(
        "window", date(2025, 9, 1), cal.Period(days=30), basis=cal.ART_201,
        calendar=cal.ChinaHolidayCalendar(),
    )  # fmt: skip
    assert str(deadline).startswith("2025-10-09: last day of window")
    assert "moved from 2025-10-01" in str(deadline) and "\n" not in repr(deadline)
    assert repr(deadline) == f"<Deadline {deadline}>"
    assert "warning: no-holiday-calendar" in str(window(None))
    html = window(None)._repr_html_()
    assert "<table>" in html and "2025-09-28" in html and "Warning:" in html
    assert "holidays 0." in deadline._repr_html_()


def test_tampered_deadline_data_refused() -> None:
    data = window(None).to_dict()
    with pytest.raises(InvalidDataError, match="notices"):
        cal.Deadline.from_dict({**data, "notices": []})
    with pytest.raises(InvalidDataError, match="unrolled_end"):
        cal.Deadline.from_dict({**data, "unrolled_end": "2025-09-29"})
    with pytest.raises(InvalidDataError, match="end is 2025-09-29"):
        cal.Deadline.from_dict({**data, "end": "2025-09-29", "unrolled_end": "2025-09-28"})
    china = window(cal.ChinaHolidayCalendar()).to_dict()
    with pytest.raises(InvalidDataError, match="end is 2025-09-27"):
        cal.Deadline.from_dict({**china, "end": "2025-09-27"})


def test_a_calendar_end_is_not_trusted_without_its_calendar() -> None:
    china = cal.ChinaHolidayCalendar()
    data = window(china, date(2025, 9, 21)).to_dict()  # ten days end on 1 October
    assert data["end"] != data["unrolled_end"]  # moved by Art. 203: holidays decide it
    with pytest.raises(UnverifiableFactError, match="calendar=") as error:
        cal.Deadline.from_dict(data)
    assert error.value.what == "Deadline" and error.value.field == "end"
    assert error.value.stored == data["end"] and china.name in error.value.needs
    # an end the calendar did not move needs it just as much: the calendar says it stays
    still = cal.Deadline.compute(
        "w", date(2025, 9, 1), cal.Period(days=10), basis=cal.ART_201, calendar=china
    )
    assert not still.rolled
    with pytest.raises(UnverifiableFactError):
        cal.Deadline.from_dict(still.to_dict())
    assert cal.Deadline.from_dict(still.to_dict(), calendar=china) == still


def test_a_weekends_only_deadline_is_recomputed_alone() -> None:
    weekends = window(cal.WeekendCalendar())
    data = weekends.to_dict()
    assert cal.Deadline.from_dict(data) == weekends  # no calendar passed: recomputed
    moved = (date.fromisoformat(data["end"]) + timedelta(days=1)).isoformat()
    with pytest.raises(DerivedFactMismatchError, match="end"):
        cal.Deadline.from_dict({**data, "end": moved})
    with pytest.raises(DerivedFactMismatchError, match="notices"):
        cal.Deadline.from_dict({**data, "notices": []})


class Odd:
    name = "odd"

    def __init__(self, answer: object = True, name_zh: object = "奇") -> None:
        self.answer, self.name_zh = answer, name_zh

    def is_rest_day(self, day: date) -> object:
        return self.answer


def test_broken_user_calendars_refused() -> None:
    with pytest.raises(InvalidPeriodError, match="more than 366 rest days"):
        cal.next_working_day(date(2025, 1, 1), Odd())  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="returned 'no'"):
        cal.next_working_day(date(2025, 1, 1), Odd("no"))  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="name_zh 7"):
        window(Odd(False, 7))  # type: ignore[arg-type]
    assert window(Odd(False)).calendar_zh == "奇"  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="9999-12-31"):
        cal.next_working_day(date.max, Odd())  # type: ignore[arg-type]


def test_user_calendar_without_chinese_name() -> None:
    class Plain:
        name = "plain"

        def is_rest_day(self, day: date) -> bool:
            return False

    assert "调用方提供的节假日历" in window(Plain()).explain("zh")


MOMENT = datetime(2025, 9, 18, 9, 30)


@pytest.mark.parametrize(
    "call",
    [
        lambda: cal.period_end(MOMENT, days=1, calendar=None),
        lambda: cal.day_number(date(2025, 1, 1), MOMENT),
        lambda: cal.is_within(date(2025, 1, 1), MOMENT),
        lambda: cal.next_working_day(MOMENT, cal.WeekendCalendar()),
        lambda: cal.WeekendCalendar().is_rest_day(MOMENT),
        lambda: cal.ChinaHolidayCalendar().is_rest_day(MOMENT),
        lambda: window(None, MOMENT),
        lambda: window(None).is_within(MOMENT),
        lambda: window(None).days_left(MOMENT),
        lambda: window(None).day_number(MOMENT),
    ],
)
def test_datetimes_refused_everywhere(call: object) -> None:
    with pytest.raises(InvalidPeriodError, match="is a datetime"):
        call()  # type: ignore[operator]


def test_tampered_rolled_end_refused_when_the_calendar_is_given() -> None:
    from community_governance.exceptions import DerivedFactMismatchError

    china = cal.ChinaHolidayCalendar()
    rolled = cal.Deadline.compute(
        "window", date(2025, 9, 1), cal.Period(days=30), basis=cal.ART_201, calendar=china
    )
    data = rolled.to_dict()
    assert cal.Deadline.from_dict(data, calendar=china) == rolled
    tampered = {**data, "end": "2027-01-01"}
    with pytest.raises(DerivedFactMismatchError) as info:
        cal.Deadline.from_dict(tampered, calendar=china)
    assert (info.value.field, info.value.stored, info.value.recomputed) == (
        "end", "2027-01-01", "2025-10-09",
    )  # fmt: skip
    working = cal.Deadline.compute(
        "posting", date(2025, 9, 18), cal.Period(working_days=10), basis=cal.ART_201,
        calendar=china,
    )  # fmt: skip
    moved = {**working.to_dict(), "end": "2030-01-01", "unrolled_end": "2030-01-01"}
    with pytest.raises(DerivedFactMismatchError, match="2025-10-09"):
        cal.Deadline.from_dict(moved, calendar=china)
    with pytest.raises(DerivedFactMismatchError) as other:
        cal.Deadline.from_dict(data, calendar=cal.WeekendCalendar())
    assert other.value.field == "calendar"
    with pytest.raises(InvalidPeriodError):
        cal.Deadline.from_dict(data, calendar="china")  # type: ignore[arg-type]
