"""Benchmark: a re-election plan and a 10-year weekly cadence check.

Runs, in the same process:

* ``reelection_plan`` for a Shanghai committee (10 steps) with a weekends-only calendar, and a
  floor: the same ten windows computed by hand with ``relativedelta``/``timedelta`` (no
  citations, no notices, no rest-day moves);
* ``check_cadence`` of a weekly joint office day over 10 years (522 occurrences, one meeting in
  twenty held a day late, one in thirty missed), with a weekends-only calendar and the
  ``NEXT_WORKING_DAY`` policy, and a floor: ``dateutil.rrule`` occurrences matched against a
  set of held days.

Prints microseconds per call (best of several runs) and the ratio to the floor. The target
(issue 10) is well under 10 ms each. No assertion: read the output.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateutil import rrule
from dateutil.relativedelta import relativedelta

import community_governance as cg
from community_governance import committee as cm

REPEATS = 7
RULES = cg.rules_for("CN-SH", on=date(2025, 3, 1))
CAL = cg.calendar.WeekendCalendar()
COMMITTEE = cm.elect_committee(
    ["A", "B", "C", "D", "E", "F", "G"], elected_on=date(2020, 6, 30), term_years=5, rules=RULES
)
PRACTICE = cg.Citation("reported_practice", "Dongshan 5+X (2021)")
OFFICE = cm.Cadence.weekly(
    "joint office day", weekday=2, citation=PRACTICE, policy=cm.HolidayPolicy.NEXT_WORKING_DAY
)
START, END = date(2016, 1, 1), date(2025, 12, 31)
DUE = OFFICE.occurrences(START, END, calendar=CAL)
HELD = [day + timedelta(days=1) if i % 20 == 0 else day for i, day in enumerate(DUE) if i % 30 != 7]


def best(fn: Callable[[], object], number: int) -> float:
    """Best time per call in microseconds over ``REPEATS`` runs of ``number`` calls."""
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t0) / number)
    return min(times) * 1e6


def plan_floor() -> list[date]:
    end = COMMITTEE.expires_on
    report = end - relativedelta(months=5)
    group = report + timedelta(days=60)
    return [
        report,
        group,
        group + timedelta(days=10),
        group,
        end - timedelta(days=15),
        end,
        end + timedelta(days=3),
        end + timedelta(days=7),
        end + timedelta(days=30),
        end + timedelta(days=40),
    ]


def cadence_floor() -> tuple[int, int]:
    held = set(HELD)
    days = rrule.rrule(
        rrule.WEEKLY, dtstart=datetime(2016, 1, 1), until=datetime(2025, 12, 31), byweekday=rrule.WE
    )
    on_time = sum(day.date() in held for day in days)
    return on_time, len(DUE) - on_time


def main() -> int:
    plan = cm.reelection_plan(COMMITTEE, rules=RULES, calendar=CAL)
    check = cm.check_cadence(OFFICE, HELD, start=START, end=END, calendar=CAL)
    print(f"plan: {len(plan.steps)} steps; cadence: {check}")
    ours = best(lambda: cm.reelection_plan(COMMITTEE, rules=RULES, calendar=CAL), 200)
    floor = best(plan_floor, 2000)
    print(
        f"reelection_plan      {ours:9.1f} µs   floor {floor:7.1f} µs   ratio {ours / floor:6.1f}"
    )
    ours = best(lambda: cm.check_cadence(OFFICE, HELD, start=START, end=END, calendar=CAL), 20)
    floor = best(cadence_floor, 20)
    print(
        f"check_cadence 10y/wk {ours:9.1f} µs   floor {floor:7.1f} µs   ratio {ours / floor:6.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
