"""Hypothesis strategies for committees, attendance records and re-election timelines.

Requires the optional ``hypothesis`` extra; re-exported from ``community_governance.strategies``.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from community_governance.committee.attendance import MeetingRecord
from community_governance.committee.model import Committee, Member
from community_governance.committee.timeline import ReelectionPlan
from community_governance.rules.committee import Step

__all__ = ["attendance_records", "committees", "timelines"]

_IDS = [f"M{n}" for n in range(30)]


@st.composite
def committees(
    draw: st.DrawFn, min_size: int = 3, max_size: int = 11, *, term_years: int | None = None
) -> Committee:
    """A committee with some empty seats and alternates, elected 2011–2040."""
    full = draw(st.integers(min_size, max_size))
    seated = draw(st.integers(0, full))
    spare = draw(st.integers(0, 4))
    people = draw(st.permutations(_IDS))
    elected = draw(st.dates(date(2011, 4, 1), date(2040, 12, 31)))
    years = term_years if term_years is not None else draw(st.integers(3, 5))
    members = tuple(Member(owner) for owner in people[:seated])
    return Committee(elected, years, full, members, tuple(people[seated : seated + spare]))


@st.composite
def attendance_records(
    draw: st.DrawFn, committee: Committee, max_meetings: int = 24
) -> tuple[MeetingRecord, ...]:
    """Meeting records during the committee's term: each member attends, is excused or absent."""
    owners = [m.owner for m in committee.members]
    days = draw(
        st.lists(
            st.dates(committee.elected_on, committee.expires_on), max_size=max_meetings, unique=True
        )
    )
    records = []
    for day in sorted(days):
        marks = draw(st.lists(st.sampled_from("aex"), min_size=len(owners), max_size=len(owners)))
        attended = {o for o, m in zip(owners, marks, strict=True) if m == "a"}
        excused = {o for o, m in zip(owners, marks, strict=True) if m == "e"}
        records.append(MeetingRecord(day, attended, excused))
    return tuple(records)


@st.composite
def timelines(draw: st.DrawFn, plan: ReelectionPlan, slack: int = 30) -> dict[Step, date]:
    """A progress ledger: some planned steps done, each within ``slack`` days of its plan."""
    ledger: dict[Step, date] = {}
    for item in plan.steps:
        if draw(st.booleans()):
            ledger[item.step] = item.planned + timedelta(days=draw(st.integers(-slack, slack)))
    return ledger
