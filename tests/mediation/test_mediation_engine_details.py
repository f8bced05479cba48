"""The engine's answers in detail: refusals, permissions, warned steps and replay errors."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from mediation_builders import START, reach

from community_governance import mediation as m
from community_governance.calendar import NO_CALENDAR, WeekendCalendar
from community_governance.exceptions import ReplayMismatchError

S = m.CaseState
K = m.EventKind


def test_refusal_reasons_say_why_there_is_no_transition() -> None:
    ended = reach(S.PERFORMED)
    on = ended.trail[-1].event.on
    terminal = m.may(ended, m.BareEvent(K.ACCEPT, on))
    assert (
        terminal.reason
        == "no transition for accept from performed (a terminal state accepts no event)"
    )
    reported = reach(S.REPORTED)
    undeclared = m.may(reported, m.BareEvent(K.TAKE_EFFECT, reported.trail[-1].event.on))
    assert undeclared.reason == "no transition for take_effect from reported (not declared)"


def test_an_out_of_order_event_is_refused_with_its_kind() -> None:
    case = reach(S.APPLIED)
    early = m.may(case, m.PartyEvent(K.GIVE_CONSENT, START, "PM"))
    assert early.allowed is False and not early
    assert (early.state, early.event, early.guard) == (
        S.APPLIED,
        "give_consent",
        "chronological_order",
    )


def test_an_allowed_event_names_state_event_and_target() -> None:
    case = reach(S.APPLIED)
    permission = m.may(case, m.PartyEvent(K.GIVE_CONSENT, case.trail[-1].event.on, "PM"))
    assert permission.allowed is True
    assert (permission.state, permission.event, permission.target) == (
        S.APPLIED,
        "give_consent",
        S.APPLIED,
    )


def test_a_warned_step_records_policy_calendar_and_uses_the_calendar() -> None:
    case = reach(S.APPLIED, before_other_body="Hedong district court")
    on = case.trail[-1].event.on
    case = m.apply(case, m.PartyEvent(K.GIVE_CONSENT, on, "PM"))
    calendar = WeekendCalendar()
    accepted = m.apply(case, m.BareEvent(K.ACCEPT, on), calendar=calendar)  # soft guard warns
    entry = accepted.trail[-1]
    assert entry.warnings and entry.warnings[0].guard == "not_before_other_body"
    assert (entry.policy, entry.calendar) == (case.policy.code, calendar.name)
    assert accepted.mediation_deadline is not None
    assert accepted.mediation_deadline.calendar == calendar.name != NO_CALENDAR


def test_replay_errors_name_the_case_and_step() -> None:
    case = m.apply(
        reach(S.APPLIED),
        m.PartyEvent(K.GIVE_CONSENT, START + timedelta(days=3), "PM"),
    )
    case = m.apply(
        case, m.BareEvent(K.ACCEPT, START + timedelta(days=3)), calendar=WeekendCalendar()
    )
    with pytest.raises(ReplayMismatchError) as other:
        m.replay(case, calendar=WeekendCalendar(name="other"))
    assert (other.value.case_id, other.value.step) == (case.case_id, 3)
    forged_entry = attrs.evolve(case.trail[1], to_state=S.AWAITING_CONSENT)
    forged = case.evolve(trail=(case.trail[0], forged_entry, *case.trail[2:]))
    with pytest.raises(ReplayMismatchError) as error:
        m.replay(forged, calendar=WeekendCalendar())
    assert (error.value.case_id, error.value.step) == (case.case_id, 1)
    assert str(error.value).startswith(
        f"case {case.case_id}: step 1 (submit_application) replays to applied, "
        "recorded awaiting_consent"
    )
    late = attrs.evolve(case.trail[3], to_state=S.IN_MEDIATION)
    forged_late = case.evolve(trail=(*case.trail[:3], late))
    with pytest.raises(
        ReplayMismatchError, match=r"step 3 \(accept\) replays to accepted, recorded in_mediation"
    ):
        m.replay(forged_late, calendar=WeekendCalendar())
    refused_entry = attrs.evolve(case.trail[1], event=m.BareEvent(K.ACCEPT, START))
    refused = case.evolve(trail=(case.trail[0], refused_entry, *case.trail[2:]))
    with pytest.raises(ReplayMismatchError, match="does not replay") as not_replayed:
        m.replay(refused, calendar=WeekendCalendar())
    assert (not_replayed.value.case_id, not_replayed.value.step) == (case.case_id, 1)
    edited = case.evolve(referral="forged")
    with pytest.raises(ReplayMismatchError) as different:
        m.replay(edited, calendar=WeekendCalendar())
    assert (different.value.case_id, different.value.step) == (case.case_id, None)


def test_a_guard_refusal_and_a_warning_in_detail() -> None:
    case = reach(S.APPLIED)
    on = case.trail[-1].event.on
    refused = m.may(case, m.BareEvent(K.ACCEPT, on))
    assert (refused.allowed, refused.state, refused.event, refused.guard) == (
        False,
        S.APPLIED,
        "accept",
        "all_parties_consented",
    )
    other = reach(S.APPLIED, before_other_body="Hedong district court")
    other = m.apply(other, m.PartyEvent(K.GIVE_CONSENT, on, "PM"))
    warned = m.may(other, m.BareEvent(K.ACCEPT, on))
    assert warned == m.Permission(True, S.APPLIED, "accept", None, "", warned.warnings, S.ACCEPTED)
    assert len(warned.warnings) == 1 and warned.warnings[0].guard == "not_before_other_body"


def test_records_change_only_what_the_step_changes() -> None:
    day = START
    full = m.IntakeRecord(
        m.CaseSource.COURT,
        m.AgreementForm.WRITTEN,
        day,
        "district court",
        True,
        (m.Consent("Li", day, True),),
        day + timedelta(days=1),
        day,
        "none",
    )
    consent = m.Consent("PM", day, True)
    assert full.with_consent(consent) == attrs.evolve(full, consents=(*full.consents, consent))
    terms = m.AgreementTerms((m.Obligation("o1", "Li"),))
    agreement = m.Agreement(
        2,
        m.AgreementForm.WRITTEN,
        terms,
        day,
        m.AgreementStatus.DRAFT,
        (m.Signature("Li", m.SigningMethod.SIGNATURE, day),),
        None,
        day,
        (m.PerformanceRecord("o0", day),),
        (m.Urging("o1", day),),
        (m.FollowUpVisit(day),),
        m.Confirmation(),
    )
    signature = m.Signature("PM", m.SigningMethod.SEAL, day)
    assert agreement.with_signature(signature) == attrs.evolve(
        agreement, signatures=(*agreement.signatures, signature)
    )
    record = m.PerformanceRecord("o1", day, "receipt")
    assert agreement.with_performance(record) == attrs.evolve(
        agreement, performed=(*agreement.performed, record)
    )
    confirmation = m.Confirmation(m.JCStatus.APPLIED)
    assert agreement.taking_effect(day, confirmation) == attrs.evolve(
        agreement, status=m.AgreementStatus.IN_EFFECT, effective_on=day, confirmation=confirmation
    )
