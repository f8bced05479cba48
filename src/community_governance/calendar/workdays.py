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
from datetime import date
from typing import Any, Protocol, runtime_checkable

import attrs

from community_governance.exceptions import HolidayDataUnavailableError, InvalidPeriodError

__all__ = ["ChinaHolidayCalendar", "HolidayCalendar", "WeekendCalendar"]


@runtime_checkable
class HolidayCalendar(Protocol):
    """What the date arithmetic needs from a holiday calendar.

    Any object with these two members works (structural typing); nothing to subclass.
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

    It knows no statutory holiday and no adjusted working day, so near Spring Festival or
    National Day it gives an *earlier* end than the law; use
    [ChinaHolidayCalendar][community_governance.calendar.ChinaHolidayCalendar] there.

    Attributes:
        name: Label shown with deadlines.
    """

    name: str = "weekends only"

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a Saturday or a Sunday.

        Args:
            day: The day asked about.

        Returns:
            ``True`` on Saturdays and Sundays.
        """
        return day.weekday() >= 5


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
    is announced late in the preceding year; pass ``last_announced_year`` to refuse dates in
    years whose schedule you have not checked, instead of trusting a projection.

    Attributes:
        last_announced_year: The last year whose official schedule is trusted, or ``None``.
        name: Label shown with deadlines.

    Raises:
        HolidayDataUnavailableError: the ``holidays`` package is not installed.
    """

    last_announced_year: int | None = None
    name: str = "China statutory holidays (holidays package)"
    _data: Any = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        module = _load_holidays()
        object.__setattr__(self, "_data", module.China())

    def is_rest_day(self, day: date) -> bool:
        """Whether ``day`` is a rest day under the State Council's schedule.

        Args:
            day: The day asked about.

        Returns:
            ``True`` for weekends that are not adjusted working days and for statutory holidays.

        Raises:
            HolidayDataUnavailableError: ``day`` is after ``last_announced_year``.
        """
        if self.last_announced_year is not None and day.year > self.last_announced_year:
            raise HolidayDataUnavailableError(
                f"no trusted holiday schedule for {day.year} (day {day.isoformat()}): the last "
                f"announced year given is {self.last_announced_year}",
                year=day.year,
            )
        return not bool(self._data.is_working_day(day))


def check_calendar(calendar: object) -> HolidayCalendar | None:
    """Return ``calendar`` if it is ``None`` or a [HolidayCalendar][]; raise otherwise."""
    if calendar is None or isinstance(calendar, HolidayCalendar):
        return calendar
    raise InvalidPeriodError(
        f"calendar {calendar!r} is not a HolidayCalendar (it needs 'name' and 'is_rest_day')",
        field="calendar",
        value=calendar,
    )
