"""Legal date arithmetic: Civil Code Arts. 201–203 and 1259, with an injected holiday calendar.

Every date is an argument; nothing here reads the clock.
"""

from community_governance.calendar.before import (
    ART_LEAD,
    latest_before,
    previous_working_day,
    working_days_between,
)
from community_governance.calendar.deadline import NO_CALENDAR, NO_CALENDAR_ZH, Deadline
from community_governance.calendar.periods import (
    ART_201,
    ART_202,
    ART_203,
    ART_1259,
    day_number,
    is_within,
    next_working_day,
    period_end,
)
from community_governance.calendar.workdays import (
    CHECKED_THROUGH,
    ChinaHolidayCalendar,
    HolidayCalendar,
    WeekendCalendar,
)
from community_governance.rules.periods import Period

__all__ = [
    "ART_201",
    "ART_202",
    "ART_203",
    "ART_1259",
    "ART_LEAD",
    "CHECKED_THROUGH",
    "NO_CALENDAR",
    "NO_CALENDAR_ZH",
    "ChinaHolidayCalendar",
    "Deadline",
    "HolidayCalendar",
    "Period",
    "WeekendCalendar",
    "day_number",
    "is_within",
    "latest_before",
    "next_working_day",
    "period_end",
    "previous_working_day",
    "working_days_between",
]
