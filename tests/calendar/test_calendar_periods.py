"""Civil Code Arts. 201–203 and 1259, with injected holiday calendars."""

from __future__ import annotations

import importlib
from datetime import date

import pytest

from community_governance import calendar as cal
from community_governance._base.citations import Citation
from community_governance.exceptions import (
    HolidayDataUnavailableError,
    InvalidDataError,
    InvalidPeriodError,
)


class Holidays:
    """A user calendar: structural typing, nothing to subclass."""

    name = "test holidays"

    def __init__(self, *days: date) -> None:
        self.days = set(days)

    def is_rest_day(self, day: date) -> bool:
        return day in self.days


def test_days_start_day_not_counted() -> None:
    assert cal.period_end(date(2025, 3, 1), days=30, calendar=None) == date(2025, 3, 31)
    assert cal.day_number(date(2025, 3, 1), date(2025, 3, 31)) == 30
    assert cal.day_number(date(2025, 3, 1), date(2025, 3, 1)) == 0


@pytest.mark.parametrize(
    ("start", "months", "years", "end"),
    [
        (date(2025, 1, 15), 1, 0, date(2025, 2, 15)),
        (date(2025, 1, 31), 1, 0, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, 0, date(2024, 2, 29)),
        (date(2025, 8, 31), 1, 0, date(2025, 9, 30)),
        (date(2024, 2, 29), 0, 1, date(2025, 2, 28)),
        (date(2025, 3, 10), 0, 1, date(2026, 3, 10)),
        (date(2025, 11, 30), 3, 0, date(2026, 2, 28)),
    ],
)
def test_months_and_years_corresponding_day_or_month_end(
    start: date, months: int, years: int, end: date
) -> None:
    assert cal.period_end(start, months=months, years=years, calendar=None) == end


def test_rest_day_roll_over() -> None:
    weekends = cal.WeekendCalendar()
    assert cal.period_end(date(2025, 3, 1), days=28, calendar=weekends) == date(2025, 3, 31)
    assert cal.period_end(date(2025, 3, 1), days=29, calendar=None) == date(2025, 3, 30)
    assert cal.period_end(date(2025, 3, 1), days=29, calendar=weekends) == date(2025, 3, 31)
    user = Holidays(date(2025, 3, 31), date(2025, 4, 1))
    assert cal.period_end(date(2025, 3, 1), days=30, calendar=user) == date(2025, 4, 2)
    assert cal.next_working_day(date(2025, 4, 2), user) == date(2025, 4, 2)


def test_china_holidays_and_adjusted_working_days() -> None:
    china = cal.ChinaHolidayCalendar()
    assert isinstance(china, cal.HolidayCalendar)
    assert china.is_rest_day(date(2025, 10, 1))
    assert not china.is_rest_day(date(2025, 9, 28))  # a Sunday made a working day (调休)
    assert cal.WeekendCalendar().is_rest_day(date(2025, 9, 28))
    assert cal.period_end(date(2025, 9, 1), days=30, calendar=china) == date(2025, 10, 9)
    deadline = cal.Deadline.compute(
        "judicial confirmation window",
        date(2025, 9, 1),
        cal.Period(days=30),
        basis=Citation("civil_procedure_law", "205", "2023"),
        calendar=china,
        label_zh="司法确认",
    )
    assert deadline.rolled and deadline.unrolled_end == date(2025, 10, 1)
    assert deadline.calendar == china.name
    assert "moved from 2025-10-01" in deadline.explain()
    assert "顺延" in deadline.explain("zh") and deadline.explain("zh").startswith("司法确认")
    basis = deadline.explain("zh").split("依据：")[1]
    assert "〕；《民法典》" in basis and "; " not in basis  # Chinese punctuation in zh
    assert "]; Civil Code" in deadline.explain()


def test_china_calendar_refuses_unannounced_years() -> None:
    china = cal.ChinaHolidayCalendar(last_announced_year=2025)
    assert china.is_rest_day(date(2025, 12, 31)) is False
    with pytest.raises(HolidayDataUnavailableError, match="2026") as error:
        china.is_rest_day(date(2026, 1, 1))
    assert error.value.year == 2026


def test_china_calendar_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def missing(name: str, package: str | None = None) -> object:
        if name == "holidays":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(
        HolidayDataUnavailableError, match=r"community_governance\[holidays\]"
    ) as error:
        cal.ChinaHolidayCalendar()
    assert error.value.year is None


def test_is_within_includes_the_last_day() -> None:
    end = date(2025, 4, 13)
    assert cal.is_within(end, date(2025, 4, 13))
    assert not cal.is_within(end, date(2025, 4, 14))
    deadline = cal.Deadline.compute(
        "window", date(2025, 3, 14), cal.Period(days=30), basis=cal.ART_1259, calendar=None
    )
    assert cal.is_within(deadline, date(2025, 4, 13)) and deadline.is_within(date(2025, 4, 13))
    assert not cal.is_within(deadline, date(2025, 4, 14)) and not deadline.is_within(
        date(2025, 4, 14)
    )
    assert deadline.days_left(date(2025, 4, 13)) == 0
    assert deadline.days_left(date(2025, 4, 14)) == -1
    assert deadline.day_number(date(2025, 4, 13)) == 30
    assert deadline.calendar == cal.NO_CALENDAR and not deadline.rolled


def test_deadline_citations_explain_and_round_trip() -> None:
    months = cal.Deadline.compute(
        "mediation period",
        date(2025, 1, 31),
        cal.Period(months=1),
        basis=cal.ART_1259,
        calendar=None,
    )
    assert months.citations() == (cal.ART_1259, cal.ART_201, cal.ART_202)
    assert "1 month counted from the day after 2025-01-31; last day 2025-02-28" in months.explain()
    assert "1个月" in months.explain("zh") and "mediation period" in months.explain("zh")
    assert cal.Deadline.from_dict(months.to_dict()) == months
    years = cal.Period(years=2)
    assert years.describe() == "2 years" and years.describe("zh") == "2年"
    assert cal.Period(days=3).describe("zh") == "3日"
    with pytest.raises(InvalidDataError):
        cal.Deadline.from_dict({**months.to_dict(), "schema": "x"})


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "days"),
        ({"days": 1, "months": 1}, "days/months"),
        ({"days": -1}, "days"),
        ({"months": 1.5}, "months"),
        ({"years": True}, "years"),
        ({"days": "30"}, "days"),
    ],
)
def test_bad_periods_name_the_argument(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidPeriodError) as error:
        cal.period_end(date(2025, 1, 1), calendar=None, **kwargs)  # type: ignore[arg-type]
    assert error.value.field == field
    assert field.split("/")[0] in str(error.value)


def test_bad_start_calendar_and_deadline() -> None:
    with pytest.raises(InvalidPeriodError, match="start '2025-01-01'"):
        cal.period_end("2025-01-01", days=1, calendar=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="calendar 'CN'") as error:
        cal.period_end(date(2025, 1, 1), days=1, calendar="CN")  # type: ignore[arg-type]
    assert error.value.field == "calendar"
    with pytest.raises(InvalidPeriodError, match="deadline 30"):
        cal.is_within(30, date(2025, 1, 1))
    with pytest.raises(InvalidPeriodError, match="on None"):
        cal.day_number(date(2025, 1, 1), None)  # type: ignore[arg-type]


def test_public_names() -> None:
    public = {name for name in dir(cal) if not name.startswith("_")}
    assert set(cal.__all__) == public - {"before", "deadline", "periods", "workdays"}
