"""The case is a plain frozen, slotted value: trail entries are shared, nothing is hidden."""

from __future__ import annotations

import itertools
import pickle
from datetime import timedelta

import attrs
import pytest
from mediation_builders import START, reach

from community_governance import mediation as m
from community_governance.calendar import NO_CALENDAR, WeekendCalendar

S = m.CaseState


def test_trail_is_built_on_access_and_matches_every_step() -> None:
    case = reach(S.PERFORMED)
    trail = case.trail
    assert [entry.seq for entry in trail] == list(range(len(trail)))
    assert trail[0].from_state is S.NEW and trail[-1].to_state is S.PERFORMED
    assert all(e.policy == case.policy.code and e.calendar == NO_CALENDAR for e in trail)
    assert all(a.to_state is b.from_state for a, b in itertools.pairwise(trail))
    assert m.replay(case) == case


def test_an_older_trail_is_reused_by_later_cases() -> None:
    case = reach(S.AGREEMENT_DRAFTED)
    before = case.trail
    after = m.apply(
        case, m.make_event("sign", START + timedelta(days=9), party="Li", method="signature")
    )
    assert after.trail[:-1] == before and after.trail[:-1][0] is before[0]


def test_constructor_trail_then_events() -> None:
    case = reach(S.ACCEPTED)
    rebuilt = attrs.evolve(case, trail=case.trail)  # a trail given to the constructor
    assert rebuilt == case and rebuilt.trail is case.trail
    on = START + timedelta(days=9)
    later = m.apply(rebuilt, m.make_event("assign_mediators", on, mediators=(m.Mediator("m1"),)))
    assert later.trail[:-1] == case.trail
    assert later.trail[-1].seq == len(case.trail) and later.trail[-1].event.on == on


def test_unknown_attribute_and_pickling() -> None:
    case = reach(S.APPLIED)
    with pytest.raises(AttributeError, match="no_such_field"):
        _ = case.no_such_field  # type: ignore[attr-defined]
    copy = pickle.loads(pickle.dumps(case))
    assert copy == case and copy.trail == case.trail


def test_frozen_and_slotted() -> None:
    case = reach(S.APPLIED)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        case.trail = ()  # type: ignore[misc]
    assert not hasattr(case, "__dict__")  # issue 9: no writable instance dict
    assert attrs.has(type(case)) and "__slots__" in type(case).__dict__


def test_deadlines_with_a_calendar_are_computed_each_time() -> None:
    case = reach(S.APPLIED)
    on = START + timedelta(days=2)
    calendar = WeekendCalendar()
    one = m.apply(
        m.apply(case, m.make_event("give_consent", on, party="PM")), m.make_event("accept", on)
    )
    two = m.apply(
        m.apply(case, m.make_event("give_consent", on, party="PM")),
        m.make_event("accept", on),
        calendar=calendar,
    )
    assert two.mediation_deadline is not None and two.mediation_deadline.calendar != NO_CALENDAR
    assert one.mediation_deadline is not None and one.mediation_deadline.calendar == NO_CALENDAR
