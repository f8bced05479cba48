"""Holiday calendars: which days are rest days, injected into every legal period.

Civil Code Art. 203 moves the end of a period that falls on a statutory rest day (法定休假日)
to the first day after it. Which days are rest days is data, not law the library can compute:
China's State Council publishes each year's schedule, including *adjusted working days*
(调休, a Saturday or Sunday made a working day). The library therefore never decides this by
itself: callers inject a [HolidayCalendar][community_governance.calendar.HolidayCalendar].

Two are provided: [WeekendCalendar][community_governance.calendar.WeekendCalendar] (Saturdays and
Sundays only; no statutory holidays, no adjusted working days) and
[ChinaHolidayCalendar][community_governance.calendar.ChinaHolidayCalendar], an adapter for the
``holidays`` package (optional extra ``holidays``), imported only when the adapter is built.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

import attrs

from community_governance.exceptions import HolidayDataUnavailableError, InvalidPeriodError

__all__ = ["CHECKED_THROUGH", "ChinaHolidayCalendar", "HolidayCalendar", "WeekendCalendar"]


@runtime_checkable
class HolidayCalendar(Protocol):
    """What the date arithmetic needs from a holiday calendar.

    Any object with these two members works (structural typing); nothing to subclass. A
    calendar may also have ``name_zh`` (its Chinese label) and ``data_version`` (which data
    answered, e.g. ``"holidays 0.109"``); a [Deadline][community_governance.calendar.Deadline]
    records both when present.
    """

    @property
    def name(self) -> str:
        """A short label shown with every deadline computed with this calendar."""
        ...  # pragma: no cover - protocol body, never executed

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a statutory rest day (weekend or holiday, not an adjusted workday).

        Args:
            day: The day asked about.

        Returns:
            ``True`` for a rest day; ``False`` for a working day.
        """
        ...  # pragma: no cover - protocol body, never executed


@attrs.frozen(slots=True)
class WeekendCalendar:
    """A calendar that knows only weekends: Saturday and Sunday are rest days.

    It is not an official holiday calendar, and its end can differ from the law's in *either*
    direction: it knows no statutory holiday, so an end on a holiday is not moved (the law's end
    is later), and it knows no adjusted working day (调休), so an end on a Saturday or Sunday
    made a working day is moved although the law does not move it (the law's end is earlier:
    10 days from 2025-09-18 end on Sunday 2025-09-28, a working day, not on 2025-09-29).
    Every [Deadline][community_governance.calendar.Deadline] computed with it carries a notice
    saying so; use [ChinaHolidayCalendar][community_governance.calendar.ChinaHolidayCalendar]
    or your own official calendar for a deadline you rely on.

    Attributes:
        name: Label shown with deadlines.
        name_zh: Chinese label shown with deadlines.
    """

    name: str = "weekends only"
    name_zh: str = "仅周末（非官方节假日历）"

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a Saturday or a Sunday.

        Args:
            day: The day asked about.

        Returns:
            ``True`` on Saturdays and Sundays.

        Raises:
            InvalidPeriodError: ``day`` is not a date (or is a ``datetime``).
        """
        return check_date(day, "day").weekday() >= 5


#: The last year whose State Council holiday schedule (国务院办公厅关于部分节假日安排的通知) the
#: library's tests compare, day by day, with the ``holidays`` package: 2025 and 2026 are pinned.
CHECKED_THROUGH = 2026


def _load_holidays() -> Any:
    try:
        return importlib.import_module("holidays")
    except ImportError as error:
        raise HolidayDataUnavailableError(
            "ChinaHolidayCalendar needs the optional 'holidays' package: "
            "pip install 'community_governance[holidays]'",
            year=None,
        ) from error


@attrs.frozen(slots=True)
class ChinaHolidayCalendar:
    """Mainland China's statutory holidays and adjusted working days, from ``holidays``.

    The ``holidays`` package is imported lazily, when the first calendar is built. Its China
    calendar includes the State Council's adjusted working days (调休). The schedule for a year
    is announced late in the preceding year; for a later year the package can only project the
    statutory holidays, without the adjusted working days. So the calendar **refuses** any day
    after ``last_announced_year``, which defaults to
    ``CHECKED_THROUGH`` (2026), the last
    year the library's tests check against the State Council's notice. After checking a later
    year's notice yourself, pass that year. The package version is recorded with every
    deadline (``data_version``), because a new version can change a result.

    Attributes:
        last_announced_year: The last year whose official schedule is trusted.
        name: Label shown with deadlines.
        name_zh: Chinese label shown with deadlines.
        data_version: ``"holidays <version>"``, the data that answered.

    Raises:
        HolidayDataUnavailableError: the ``holidays`` package is not installed.
        InvalidPeriodError: ``last_announced_year`` is not a whole number (``int``).
    """

    last_announced_year: int = CHECKED_THROUGH
    name: str = "China statutory holidays (holidays package)"
    name_zh: str = "中国法定节假日及调休安排"
    _data: Any = attrs.field(
        init=False, eq=False, repr=False, factory=lambda: _load_holidays().China()
    )
    data_version: str = attrs.field(init=False)

    @data_version.default
    def _version(self) -> str:
        return f"holidays {_load_holidays().__version__}"

    def __attrs_post_init__(self) -> None:
        year = self.last_announced_year
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidPeriodError(
                f"last_announced_year {year!r} must be a year (int)",
                field="last_announced_year",
                value=year,
            )

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a rest day under the State Council's schedule.

        Args:
            day: The day asked about.

        Returns:
            ``True`` for weekends that are not adjusted working days and for statutory holidays.

        Raises:
            HolidayDataUnavailableError: ``day`` is after ``last_announced_year``.
            InvalidPeriodError: ``day`` is not a date (or is a ``datetime``).
        """
        check_date(day, "day")
        if day.year > self.last_announced_year:
            raise HolidayDataUnavailableError(
                f"no trusted holiday schedule for {day.year} (day {day.isoformat()}): the last "
                f"announced year is {self.last_announced_year}; after checking the State "
                f"Council's notice for {day.year}, pass last_announced_year={day.year}",
                year=day.year,
            )
        return not bool(self._data.is_working_day(day))


def check_date(value: object, field: str) -> date:
    """Return ``value`` if it is a plain ``datetime.date``; raise otherwise.

    A ``datetime`` is refused too (it is a subclass of ``date``): legal periods count whole
    days (Civil Code Art. 201), so the caller says which day a moment belongs to with
    ``.date()``, in the time zone that matters.

    Raises:
        InvalidPeriodError: ``value`` is a ``datetime``, a string or anything but a date.
    """
    if isinstance(value, datetime):
        raise InvalidPeriodError(
            f"{field} {value!r} is a datetime, not a date: pass {field}.date() (periods count "
            "whole days)",
            field=field,
            value=value,
        )
    if not isinstance(value, date):
        raise InvalidPeriodError(
            f"{field} {value!r} must be a datetime.date", field=field, value=value
        )
    return value


def require_calendar(calendar: object) -> HolidayCalendar:
    """Return ``calendar`` if it is a [HolidayCalendar][]; raise for ``None`` or anything else."""
    checked = check_calendar(calendar)
    if checked is None:
        raise InvalidPeriodError(
            "calendar is required here (a HolidayCalendar such as ChinaHolidayCalendar()), "
            "not None",
            field="calendar",
            value=None,
        )
    return checked


def check_calendar(calendar: object) -> HolidayCalendar | None:
    """Return ``calendar`` if it is ``None`` or a [HolidayCalendar][]; raise otherwise."""
    if calendar is None or isinstance(calendar, HolidayCalendar):
        return calendar
    raise InvalidPeriodError(
        f"calendar {calendar!r} is not a HolidayCalendar (it needs 'name' and 'is_rest_day')",
        field="calendar",
        value=calendar,
    )
