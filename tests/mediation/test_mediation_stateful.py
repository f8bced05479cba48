"""Random lawful histories: trail append-only, replay equal, round trips, no invalid state."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from community_governance import mediation as m
from community_governance.strategies.mediation import (
    candidate_events,
    mediation_case_histories,
    mediation_cases,
    mediation_event_sequences,
)

REACHABLE_AFTER_NEW = set(m.CaseState) - {m.CaseState.NEW}


class CaseMachine(RuleBasedStateMachine):
    case: m.MediationCase
    day: date

    @initialize(case=mediation_cases())
    def start(self, case: m.MediationCase) -> None:
        self.case, self.day = case, date(2024, 1, 1)

    @precondition(lambda self: self.case.state not in m.TERMINAL_STATES)
    @rule(data=st.data(), step=st.integers(0, 40))
    def apply_candidate(self, data: st.DataObject, step: int) -> None:
        self.day += timedelta(days=step)
        before = self.case
        event = data.draw(st.sampled_from(candidate_events(before, self.day)))
        permission = m.may(before, event)
        if permission:
            after = m.apply(before, event)
            assert after.trail[: len(before.trail)] == before.trail
            assert len(after.trail) == len(before.trail) + 1
            assert after.state is permission.target
            self.case = after
        else:
            assert permission.reason
        assert before == self.case or self.case.trail[-1].event == event

    @precondition(lambda self: self.case.state in m.TERMINAL_STATES)
    @rule(kind=st.sampled_from(list(m.EventKind)), case=mediation_cases())
    def terminal_absorbs_then_restart(self, kind: m.EventKind, case: m.MediationCase) -> None:
        proposal = (
            m.make_event(m.EventKind.ACCEPT, self.day) if kind is not m.EventKind.ACCEPT else None
        )
        assert proposal is None or not m.may(self.case, proposal)
        assert not any(m.may(self.case, e) for e in candidate_events(self.case, self.day))
        self.case = case

    @invariant()
    def replays(self) -> None:
        assert m.replay(self.case) == self.case

    @invariant()
    def state_is_declared(self) -> None:
        if self.case.trail:
            assert self.case.state in REACHABLE_AFTER_NEW
            assert (self.case.trail[-1].from_state, self.case.trail[-1].event.kind) in m.TABLE

    @invariant()
    def round_trips(self) -> None:
        assert m.MediationCase.from_dict(self.case.to_dict()) == self.case


TestCaseMachine = CaseMachine.TestCase
TestCaseMachine.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mediation_case_histories())
def test_histories_replay_and_terminal_cases_are_closed(case: m.MediationCase) -> None:
    assert m.replay(case) == case
    if case.state in m.TERMINAL_STATES:
        assert case.closed_on is not None
    else:
        assert case.closed_on is None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_event_sequences_are_lawful(data: st.DataObject) -> None:
    case = data.draw(mediation_cases())
    for event in data.draw(mediation_event_sequences(case, max_events=15)):
        assert m.may(case, event)
        case = m.apply(case, event)
