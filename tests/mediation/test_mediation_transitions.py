from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from mediation_builders import NATIONAL, SHENZHEN, START, allowed_event, last_day, reach, terms

from community_governance import mediation as m
from community_governance.exceptions import GuardFailedError
from community_governance.rules.periods import Period

S, K = m.CaseState, m.EventKind


def prepared(state: m.CaseState, kind: m.EventKind) -> tuple[m.MediationCase, m.Event]:
    """A case in ``state`` and an allowed event of ``kind`` for it."""
    policy = SHENZHEN if kind is K.EXPIRE else NATIONAL
    case = reach(state, policy)
    on = last_day(case) + timedelta(days=1)
    if kind is K.EXPIRE:
        on = last_day(case) + timedelta(days=60)
    if kind is K.URGE_PERFORMANCE:
        on = START + timedelta(days=60)
    if kind in (K.COURT_CONFIRMS, K.COURT_REJECTS, K.COURT_NOT_ACCEPTED, K.WITHDRAW_CONFIRMATION):
        case = m.apply(case, allowed_event(case, K.APPLY_CONFIRMATION, on))
    if kind is K.ACCEPT:
        for party in sorted(case.party_ids - case.consented):
            case = m.apply(case, m.make_event("give_consent", on, party=party))
    if kind is K.TAKE_EFFECT:
        for signer, method in (
            ("Li", "signature"),
            ("PM", "seal"),
            ("m1", "signature"),
            ("rc", "seal"),
        ):
            case = m.apply(case, m.make_event("sign", on, party=signer, method=method))
    if kind is K.CLOSE_PERFORMED:
        case = m.apply(case, m.make_event("record_performance", on, target="o1"))
    if kind is K.WRITE_UP_ORAL_AGREEMENT:
        mediating = reach(S.IN_MEDIATION)
        oral = m.make_event("reach_oral_agreement", on, parties=("Li", "PM"), terms=terms())
        case = m.apply(mediating, oral)
    return case, allowed_event(case, kind, on)


@pytest.mark.parametrize(("state", "kind"), list(m.TABLE), ids=lambda x: x.value)
def test_every_declared_transition(state: m.CaseState, kind: m.EventKind) -> None:
    case, event = prepared(state, kind)
    after = m.apply(case, event)
    assert after.state is m.TABLE[(state, kind)].target
    assert after.trail[:-1] == case.trail
    entry = after.trail[-1]
    assert (entry.event, entry.from_state, entry.to_state) == (event, state, after.state)
    assert m.replay(after) == after


@pytest.mark.parametrize("state", sorted(m.TERMINAL_STATES, key=lambda s: s.value))
@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
def test_terminal_states_absorb_every_event(state: m.CaseState, kind: m.EventKind) -> None:
    case = reach(state)
    facts: dict[str, object] = {
        "party": "Li",
        "parties": ("Li", "PM"),
        "body": "court",
        "reason": "r",
        "source": "screening",
        "form": "oral",
        "target": "o1",
        "session": m.Session(),
        "period": Period(days=1),
        "terms": terms(),
        "method": "seal",
        "mediators": (m.Mediator("m9"),),
    }
    carried = {field.name for field in attrs.fields(m.EVENT_TYPES[kind])}
    given = {name: value for name, value in facts.items() if name in carried}
    event = m.make_event(kind, last_day(case), **given)
    permission = m.may(case, event)
    assert not permission
    assert permission.guard is None
    assert "terminal state" in permission.reason
    with pytest.raises(GuardFailedError) as error:
        m.apply(case, event)
    assert error.value.state == state.value
    assert error.value.event == kind.value
    assert kind.value in str(error.value)


def test_undeclared_event_names_state_and_event() -> None:
    case = reach(S.REPORTED)
    with pytest.raises(GuardFailedError, match="take_effect refused in state reported") as error:
        m.apply(case, m.make_event("take_effect", START + timedelta(days=5)))
    assert error.value.guard is None
    assert "not declared" in error.value.reason


def test_events_must_come_in_date_order() -> None:
    case = reach(S.APPLIED)
    early = m.make_event("give_consent", START, party="PM")
    permission = m.may(case, early)
    assert permission.guard == "chronological_order"
    with pytest.raises(GuardFailedError, match="date order"):
        m.apply(case, early)


def test_refused_event_changes_nothing() -> None:
    case = reach(S.APPLIED)
    before = case.to_dict()
    with pytest.raises(GuardFailedError):
        m.apply(case, m.make_event("accept", START + timedelta(days=9)))
    assert case.to_dict() == before
    assert case.state is S.APPLIED


def test_methods_delegate() -> None:
    case = reach(S.APPLIED)
    event = m.make_event("give_consent", START + timedelta(days=9), party="PM")
    assert case.may(event).target is S.APPLIED
    assert case.apply(event) == m.apply(case, event)
