"""Postings, cadences, lead-time counting and working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance import committee as cm
from community_governance.calendar import (
    Period,
    WeekendCalendar,
    latest_before,
    previous_working_day,
    working_days_between,
)
from community_governance.exceptions import CommitteeError, CommitteeInputError, InvalidPeriodError

WEEK = WeekendCalendar()
PRACTICE = cg.Citation("reported_practice", "Dongshan 5+X (2021)")


class Adjusted:
    """Sat 2025-09-27 and Sun 2025-09-28: Sunday 28 is an adjusted working day (调休)."""

    name = "adjusted test calendar"

    def is_rest_day(self, day: date) -> bool:
        return day != date(2025, 9, 28) and (
            day.weekday() >= 5 or date(2025, 10, 1) <= day <= date(2025, 10, 8)
        )


# ------------------------------------------------------------------ lead times


def test_latest_before_days_months_and_rest_days() -> None:
    assert (
        latest_before(date(2025, 6, 30), Period(days=15), calendar=None) == (date(2025, 6, 15),) * 2
    )
    assert latest_before(date(2025, 6, 15), Period(days=15), calendar=WEEK) == (
        date(2025, 5, 31),
        date(2025, 5, 30),
    )
    # months clip to the month's end, leap years included
    assert latest_before(date(2024, 7, 31), Period(months=5), calendar=None)[0] == date(2024, 2, 29)
    assert latest_before(date(2025, 7, 31), Period(months=5), calendar=None)[0] == date(2025, 2, 28)
    assert latest_before(date(2025, 7, 31), Period(years=1), calendar=None)[0] == date(2024, 7, 31)
    # working days count back over the holiday and count the adjusted Sunday
    assert latest_before(date(2025, 10, 9), Period(working_days=2), calendar=Adjusted()) == (
        date(2025, 9, 29),
        date(2025, 9, 29),
    )
    assert latest_before(date(2025, 9, 29), Period(working_days=1), calendar=Adjusted())[1] == date(
        2025, 9, 28
    )


def test_latest_before_refusals() -> None:
    with pytest.raises(InvalidPeriodError, match="needs a holiday calendar"):
        latest_before(date(2025, 1, 1), Period(working_days=1), calendar=None)
    with pytest.raises(InvalidPeriodError, match="before 0001-01-01"):
        latest_before(date(1, 1, 5), Period(days=10), calendar=None)
    with pytest.raises(InvalidPeriodError, match="anchor"):
        latest_before("2025-01-01", Period(days=1), calendar=None)  # type: ignore[arg-type]


def test_previous_working_day_and_broken_calendars() -> None:
    assert previous_working_day(date(2025, 10, 5), Adjusted()) == date(2025, 9, 30)
    assert previous_working_day(date(2025, 9, 28), Adjusted()) == date(2025, 9, 28)

    class Never:
        name = "never works"

        def is_rest_day(self, day: date) -> bool:
            return True

    with pytest.raises(InvalidPeriodError, match="no working day"):
        previous_working_day(date(2025, 1, 1), Never())
    with pytest.raises(InvalidPeriodError, match="no working day"):
        previous_working_day(date(1, 1, 3), Never())


def test_working_days_between() -> None:
    assert working_days_between(date(2025, 9, 26), date(2025, 10, 9), Adjusted()) == 4
    assert working_days_between(date(2025, 1, 6), date(2025, 1, 6), WEEK) == 0


# ------------------------------------------------------------------ postings


def test_temporary_committee_decision_posted_ten_working_days() -> None:
    rule = cm.PostingRule("decision", cm.PostingKind.DISPLAY, Period(working_days=10), PRACTICE)
    # posted Fri 2025-09-26; working days: 9-28 (adjusted Sunday), 29, 30, then 10-09 ...
    last = cg.calendar.period_end(date(2025, 9, 26), working_days=10, calendar=Adjusted())
    assert last == date(2025, 10, 17)
    ok = cm.Posting("decision", "notice board", date(2025, 9, 26), last)
    short = cm.Posting("decision", "notice board", date(2025, 9, 26), last - timedelta(days=1))
    assert cm.check_posting(ok, rule, calendar=Adjusted()).passed
    check = cm.check_posting(short, rule, calendar=Adjusted())
    assert check.status is cm.PostingStatus.NOT_MET
    assert str(check).startswith("NOT-MET") and "<table>" in check._repr_html_()
    assert repr(check).startswith("<PostingCheck ") and "\n" not in repr(check)
    up = cm.Posting("decision", "chat group", date(2025, 9, 26))
    assert cm.check_posting(up, rule, calendar=Adjusted()).status is cm.PostingStatus.RUNNING
    assert (
        cm.check_posting(up, rule, on=last - timedelta(days=1), calendar=Adjusted()).status
        is cm.PostingStatus.RUNNING
    )
    assert cm.check_posting(up, rule, on=last, calendar=Adjusted()).passed
    with pytest.raises(InvalidPeriodError, match="working days"):
        cm.check_posting(ok, rule)


def test_assembly_notice_fifteen_days_both_sides() -> None:
    rule = cm.PostingRule("assembly notice", cm.PostingKind.LEAD, Period(days=15), PRACTICE)
    meeting = date(2025, 3, 31)
    assert cm.check_posting(
        cm.Posting("notice", "board", date(2025, 3, 16)), rule, event_on=meeting
    ).passed
    late = cm.check_posting(
        cm.Posting("notice", "board", date(2025, 3, 17)), rule, event_on=meeting
    )
    assert not late.passed and late.required == date(2025, 3, 16)
    with pytest.raises(CommitteeError, match="event_on"):
        cm.check_posting(cm.Posting("notice", "board", date(2025, 3, 16)), rule)


def test_decision_posted_within_three_days(sh: cg.RuleSet) -> None:
    rule = sh.committee.decision_posting.value
    decided = date(2025, 1, 31)  # Friday: 3 days end on Mon 2025-02-03
    ok = cm.Posting("decision", "board", date(2025, 2, 3))
    assert cm.check_posting(ok, rule, event_on=decided, calendar=WEEK).passed
    assert not cm.check_posting(
        cm.Posting("decision", "board", date(2025, 2, 4)), rule, event_on=decided
    ).passed
    assert not cm.check_posting(
        cm.Posting("decision", "board", date(2025, 1, 30)), rule, event_on=decided
    ).passed


def test_no_vote_on_items_not_posted(bj: cg.RuleSet) -> None:
    rule = bj.committee.assembly_notice.value
    lead = cm.PostingRule("assembly notice", cm.PostingKind.LEAD, rule.period, rule.citation)
    postings = [
        cm.Posting("fee change", "board", date(2025, 3, 1)),
        cm.Posting("repairs", "board", date(2025, 3, 10)),
    ]
    items = ("fee change", "repairs", "parking")
    assert cm.unposted_items(items, postings, lead, meeting_on=date(2025, 3, 20)) == (
        "repairs",
        "parking",
    )


def test_posting_inputs() -> None:
    with pytest.raises(CommitteeInputError, match="what"):
        cm.Posting("", "board", date(2025, 1, 1))
    with pytest.raises(CommitteeInputError, match="posted_on"):
        cm.Posting("x", "board", "2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="taken_down_on"):
        cm.Posting("x", "board", date(2025, 1, 1), "2025-01-02")  # type: ignore[arg-type]
    with pytest.raises(CommitteeError, match="before it went up"):
        cm.Posting("x", "board", date(2025, 1, 2), date(2025, 1, 1))


# ------------------------------------------------------------------ cadence


def test_dongshan_five_plus_x_in_a_few_lines() -> None:
    office = cm.Cadence.weekly("joint office day (5 + X)", weekday=2, citation=PRACTICE)
    monthly = cm.Cadence.monthly("joint meeting (5 + X)", weekday=2, nth=-1, citation=PRACTICE)
    assert office.practice and "practice" in str(office)
    days = office.occurrences(date(2021, 3, 1), date(2021, 3, 31))
    held = [days[0], days[1] + timedelta(days=1), days[3]]
    check = cm.check_cadence(office, held, start=date(2021, 3, 1), end=date(2021, 3, 31))
    assert repr(check).startswith("<CadenceCheck ") and "\n" not in repr(check)
    assert (check.on_time, check.late, check.missed) == (
        2,
        ((days[1], days[1] + timedelta(days=1)),),
        (days[2], days[4]),
    )
    assert str(check).startswith("NOT KEPT") and "missed" in check._repr_html_()
    last_wednesdays = monthly.occurrences(date(2021, 1, 1), date(2021, 3, 31))
    assert last_wednesdays == (date(2021, 1, 27), date(2021, 2, 24), date(2021, 3, 31))
    kept = cm.check_cadence(monthly, last_wednesdays, start=date(2021, 1, 1), end=date(2021, 3, 31))
    assert kept.passed and str(kept).startswith("KEPT")


def test_last_occurrence_held_late_before_end_and_monthday() -> None:
    c = cm.Cadence.monthly("meeting", monthday=10, citation=PRACTICE)
    check = cm.check_cadence(c, [date(2025, 2, 12)], start=date(2025, 1, 1), end=date(2025, 2, 20))
    assert check.missed == (date(2025, 1, 10),) and check.late == (
        (date(2025, 2, 10), date(2025, 2, 12)),
    )


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (cm.HolidayPolicy.KEEP, date(2025, 10, 1)),
        (cm.HolidayPolicy.NEXT_WORKING_DAY, date(2025, 10, 9)),
        (cm.HolidayPolicy.PREVIOUS_WORKING_DAY, date(2025, 9, 30)),
        (cm.HolidayPolicy.SKIP, None),
    ],
)
def test_holiday_policies(policy: cm.HolidayPolicy, expected: date | None) -> None:
    c = cm.Cadence.weekly("office day", weekday=2, citation=PRACTICE, policy=policy)
    days = c.occurrences(date(2025, 9, 30), date(2025, 10, 2), calendar=Adjusted())
    assert days == (() if expected is None else (expected,))


def test_at_least_every_two_months_both_sides(sh: cg.RuleSet) -> None:
    cadence = cm.Cadence.from_rule(sh.committee.committee_meetings.value)
    assert not cadence.practice and "at least every 2 months" in str(cadence)
    start = date(2024, 12, 31)
    on_time = cm.check_cadence(
        cadence, [date(2025, 2, 28), date(2025, 4, 28)], start=start, end=date(2025, 6, 1)
    )
    assert on_time.passed and on_time.on_time == 2
    late = cm.check_cadence(cadence, [date(2025, 3, 1)], start=start, end=date(2025, 4, 1))
    assert late.late == ((date(2025, 2, 28), date(2025, 3, 1)),)
    empty = cm.check_cadence(cadence, [], start=start, end=date(2025, 7, 1))
    assert empty.missed == (date(2025, 2, 28), date(2025, 4, 28), date(2025, 6, 28))
    # a due day on a rest day moves to the next working day (Art. 203): 2025-06-28 is a Saturday
    rolled = cm.check_cadence(
        cadence, [date(2025, 6, 30)], start=date(2025, 4, 28), end=date(2025, 7, 1), calendar=WEEK
    )
    assert rolled.passed


def test_beijing_assembly_at_least_once_a_year(bj: cg.RuleSet) -> None:
    cadence = cm.Cadence.from_rule(bj.committee.assembly_meetings.value)
    check = cm.check_cadence(
        cadence, [date(2025, 5, 1), date(2026, 5, 2)], start=date(2024, 5, 1), end=date(2026, 6, 1)
    )
    assert check.late == ((date(2026, 5, 1), date(2026, 5, 2)),)


def test_cadence_inputs() -> None:
    with pytest.raises(CommitteeError, match="either freq or every"):
        cm.Cadence("x", PRACTICE)
    with pytest.raises(CommitteeInputError, match="interval"):
        cm.Cadence("x", PRACTICE, "weekly", interval=0)
    with pytest.raises(CommitteeInputError, match="weekday"):
        cm.Cadence.weekly("x", weekday=7, citation=PRACTICE)
    gap = cm.Cadence.at_least_every("x", Period(months=1), citation=PRACTICE)
    with pytest.raises(CommitteeError, match="no fixed occurrences"):
        gap.occurrences(date(2025, 1, 1), date(2025, 2, 1))
    skip = cm.Cadence.weekly("x", weekday=0, citation=PRACTICE, policy=cm.HolidayPolicy.SKIP)
    with pytest.raises(CommitteeError, match="needs a calendar"):
        skip.occurrences(date(2025, 1, 1), date(2025, 2, 1))
    with pytest.raises(CommitteeError, match="before start"):
        cm.check_cadence(gap, [], start=date(2025, 2, 1), end=date(2025, 1, 1))
    with pytest.raises(CommitteeInputError, match="held"):
        cm.check_cadence(gap, "2025-01-01", start=date(2025, 1, 1), end=date(2025, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="held"):
        cm.check_cadence(gap, ["2025-01-01"], start=date(2025, 1, 1), end=date(2025, 2, 1))  # type: ignore[list-item]


@given(st.lists(st.dates(date(2025, 1, 1), date(2025, 12, 31)), max_size=40))
def test_weekly_check_accounts_for_every_occurrence(held: list[date]) -> None:
    c = cm.Cadence.weekly("office", weekday=0, citation=PRACTICE)
    check = cm.check_cadence(c, held, start=date(2025, 1, 1), end=date(2025, 12, 31))
    due = c.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    assert check.on_time + len(check.late) + len(check.missed) == len(due)
    more = cm.check_cadence(c, [*held, *due], start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert more.passed


@given(
    st.dates(date(2000, 1, 1), date(2040, 1, 1)),
    st.integers(0, 800),
    st.integers(0, 6),
    st.integers(1, 3),
)
def test_weekly_occurrences_equal_rrule(
    start: date, span: int, weekday: int, interval: int
) -> None:
    from datetime import datetime

    from dateutil import rrule

    end = start + timedelta(days=span)
    c = cm.Cadence("office", PRACTICE, "weekly", interval=interval, weekday=weekday)
    expected = rrule.rrule(
        rrule.WEEKLY,
        dtstart=datetime(start.year, start.month, start.day),
        until=datetime(end.year, end.month, end.day),
        interval=interval,
        byweekday=weekday,
    )
    assert c.occurrences(start, end) == tuple(d.date() for d in expected)


def test_no_occurrence_in_a_short_range() -> None:
    c = cm.Cadence.weekly("office", weekday=0, citation=PRACTICE)
    assert c.occurrences(date(2025, 1, 7), date(2025, 1, 8)) == ()
