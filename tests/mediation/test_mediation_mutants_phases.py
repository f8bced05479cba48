"""What each phase records, pinned field by field (mutation run of December 2026).

The engine tests check states and guards; these check the records a phase writes on the way:
the limitation interruption, the mediation period's label, the notices sent.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from mediation_builders import NATIONAL, NINGBO, START, last_day, new_case, reach, terms

from community_governance import mediation as m
from community_governance.calendar import WeekendCalendar
from community_governance.rules.mediation import WrittenFormTrigger
from community_governance.rules.periods import Period

S = m.CaseState


def _run(case: m.MediationCase, *steps: tuple[str, dict[str, object]]) -> m.MediationCase:
    day = case.trail[-1].event.on if case.trail else START
    for kind, fields in steps:
        day += timedelta(days=1)
        case = m.apply(case, m.make_event(kind, day, **fields))  # type: ignore[arg-type]
    return case


# ---------------------------------------------------------------- intake


def test_an_application_is_the_day_the_limitation_period_is_interrupted() -> None:
    case = reach(S.ACCEPTED)  # reported 3-4, applied 3-5, PM consents 3-6, accepted 3-7
    record = case.intake
    assert record.source is m.CaseSource.GRID_WORKER
    assert record.application_form is m.AgreementForm.WRITTEN
    assert record.applied_on == date(2025, 3, 5)
    assert record.accepted_on == date(2025, 3, 7)
    assert record.limitation_interrupted_on == date(2025, 3, 5)
    assert record.not_accepted_reason == ""


def test_without_an_application_the_first_consent_interrupts_the_limitation_period() -> None:
    case = _run(
        new_case(),
        ("report_dispute", {"source": "grid_worker"}),  # 3-4
        ("initiate_ex_officio", {}),  # 3-5
        ("give_consent", {"party": "PM"}),  # 3-6
        ("give_consent", {"party": "Li"}),  # 3-7
        ("accept", {}),  # 3-8
    )
    assert case.state is S.ACCEPTED
    assert case.intake.applied_on is None and case.intake.application_form is None
    assert case.intake.accepted_on == date(2025, 3, 8)
    assert case.intake.limitation_interrupted_on == date(2025, 3, 6)


def test_acceptance_opens_the_mediation_period_under_its_name() -> None:
    period = reach(S.ACCEPTED).mediation_deadline
    assert period is not None
    assert (period.label, period.label_zh) == ("mediation period", "调解期限")
    assert period.start == date(2025, 3, 7)


def test_asking_a_party_for_consent_sends_it_a_notice() -> None:
    case = _run(reach(S.APPLIED), ("request_consent", {"party": "PM"}))  # applied 3-5, asked 3-6
    assert case.state is S.AWAITING_CONSENT
    assert [(n.kind, n.on, n.text) for n in case.notices] == [
        ("consent_request", date(2025, 3, 6), "PM")
    ]


def test_a_referral_records_its_body_and_keeps_the_first_known_source() -> None:
    # reported by a grid worker, then referred by the police: the source stays the grid worker
    reported = _run(
        new_case(),
        ("report_dispute", {"source": "grid_worker"}),
        ("receive_referral", {"body": "Hongcheng police station"}),
    )
    assert reported.state is S.AWAITING_CONSENT
    assert reported.referral == "Hongcheng police station"
    assert reported.source is m.CaseSource.GRID_WORKER
    # a new case referred with a declared source keeps it; without one, court or government
    declared = _run(
        new_case(), ("receive_referral", {"body": "street office", "source": "grid_worker"})
    )
    assert declared.source is m.CaseSource.GRID_WORKER
    court = _run(new_case(), ("receive_referral", {"body": "court", "court_delegated": True}))
    assert (court.source, court.court_delegated) == (m.CaseSource.COURT, True)
    office = _run(new_case(), ("receive_referral", {"body": "street office"}))
    assert (office.source, office.court_delegated) == (m.CaseSource.GOVERNMENT, False)


def test_acting_ex_officio_keeps_how_the_dispute_became_known() -> None:
    case = reach(S.AWAITING_CONSENT)  # reported by a grid worker, then taken up ex officio
    assert case.source is m.CaseSource.GRID_WORKER
    assert case.intake.applied_on is None


def test_a_rejected_case_is_told_why() -> None:
    case = reach(S.NOT_ACCEPTED)  # applied 3-5, rejected 3-6
    assert case.not_accepted_reason == "already before the court"
    assert [(n.kind, n.on, n.text) for n in case.notices] == [
        ("not_accepted", date(2025, 3, 6), "already before the court")
    ]
    assert case.closed_on == date(2025, 3, 6)


def test_an_application_on_a_new_case_is_its_source_and_an_earlier_report_stays() -> None:
    applied = _run(new_case(), ("submit_application", {"party": "Li", "form": "oral"}))
    assert applied.source is m.CaseSource.PARTY_APPLICATION
    assert (applied.application_form, applied.applied_on) == (
        m.AgreementForm.ORAL,
        START + timedelta(1),
    )
    assert applied.accepted_on is None and applied.limitation_interrupted_on is None
    reported = reach(S.APPLIED)
    assert reported.source is m.CaseSource.GRID_WORKER
    assert reported.application_form is m.AgreementForm.WRITTEN


def test_acceptance_is_refused_naming_every_party_yet_to_consent() -> None:
    case = reach(S.AWAITING_CONSENT)  # ex officio: nobody has consented
    refused = m.may(case, m.make_event("accept", date(2025, 3, 9)))
    assert not refused.allowed and refused.guard == "all_parties_consented"
    assert refused.reason.startswith("no consent yet from Li, PM [")
    one = m.apply(case, m.make_event("give_consent", date(2025, 3, 9), party="Li"))
    assert m.may(one, m.make_event("accept", date(2025, 3, 10))).reason.startswith(
        "no consent yet from PM ["
    )


# ---------------------------------------------------------------- mediating (session phase)


def _reason(case: m.MediationCase, kind: str, on: date, **fields: object) -> str:
    permission = m.may(case, m.make_event(kind, on, **fields))  # type: ignore[arg-type]
    assert not permission.allowed
    return permission.reason


def test_assigning_mediators_with_the_rights_notice_records_that_notice() -> None:
    case = reach(S.IN_MEDIATION)  # assigned on 3-8
    assert [(n.kind, n.on, n.text) for n in case.notices] == [
        ("rights", date(2025, 3, 8), "rights and duties")
    ]


def test_a_session_keeps_the_period_and_the_written_form_requests() -> None:
    case = _run(
        reach(S.IN_MEDIATION),
        ("request_written_form", {"party": "PM"}),
        ("hold_session", {"session": m.Session(place="community hall")}),
    )
    assert case.written_form_requested_by == ("PM",)
    assert case.sessions == (m.Session(place="community hall"),)
    assert case.mediation_deadline == reach(S.IN_MEDIATION).mediation_deadline


def test_an_extension_runs_from_the_current_end_under_its_own_name_and_calendar() -> None:
    base = reach(S.IN_MEDIATION)
    assert base.mediation_deadline is not None
    end = base.mediation_deadline.end
    calendar = WeekendCalendar()
    event = m.make_event("extend_period", end, period=Period(days=15), parties=["Li", "PM"])
    extended = m.apply(base, event, calendar=calendar)
    period = extended.mediation_deadline
    assert period is not None and extended.extensions == 1
    assert period.start == end
    assert (period.label, period.label_zh) == ("mediation period (extended)", "调解期限（延长）")
    assert period.calendar == calendar.name


def test_the_guards_of_mediation_say_what_is_missing() -> None:
    case = reach(S.IN_MEDIATION)
    on = date(2025, 3, 9)
    assert _reason(case, "declare_failure", on, routes_advised=False).startswith(
        "the parties were not told the other routes ["
    )
    three = m.Session(invitees=["neighbour Zhou"], invitee_consents=[])
    assert _reason(case, "hold_session", on, session=three).startswith(
        "invitees need the consent of Li, PM ["
    )
    public = m.Session(public=True, objections_to_public=["Li", "PM"])
    assert _reason(case, "hold_session", on, session=public).startswith(
        "public session despite objection by Li, PM ["
    )
    hard = reach(S.IN_MEDIATION, NINGBO)  # a binding period: expiry is judged by its end
    assert hard.mediation_deadline is not None
    end = hard.mediation_deadline.end
    assert _reason(hard, "expire", end).startswith(
        f"{end.isoformat()} is within the period ending {end.isoformat()} (Civil Code Art. 1259)"
    )


def test_a_late_extension_and_a_soft_period_are_refused_with_their_reasons() -> None:
    hard = reach(S.IN_MEDIATION, NINGBO)
    assert hard.mediation_deadline is not None
    late = hard.mediation_deadline.end + timedelta(days=1)
    both = {"period": Period(days=15), "parties": ["Li", "PM"]}
    assert _reason(hard, "extend_period", late, **both).startswith(
        "an extension must come before expiry: the mediation period already ended on "
        f"{hard.mediation_deadline.end.isoformat()}"
    )
    soft = reach(S.IN_MEDIATION)
    assert soft.mediation_deadline is not None
    expired = soft.mediation_deadline.end + timedelta(days=1)
    assert _reason(soft, "expire", expired).startswith(
        f"under policy {soft.policy.code} the period is soft ("
    )
    assert "): being overdue is a warning, not a ground for termination [" in _reason(
        soft, "expire", expired
    )


def test_termination_tells_the_routes_closes_the_case_and_declines_a_draft() -> None:
    # the effects are built when the module loads, so the plain suite pins them
    drafted = reach(S.AGREEMENT_DRAFTED, NINGBO)  # Ningbo: a termination notice is given
    on = last_day(drafted) + timedelta(days=1)
    failed = m.apply(drafted, m.make_event("declare_failure", on, routes_advised=True))
    assert failed.state is S.TERMINATED
    assert failed.termination is m.TerminationReason.FAILED and failed.closed_on == on
    assert [(n.kind, n.on, n.text) for n in failed.notices[-2:]] == [
        ("routes", on, "arbitration, administrative, judicial"),
        ("termination", on, "failed"),
    ]
    assert failed.agreement is not None
    assert failed.agreement.status is m.AgreementStatus.DECLINED
    parallel = m.apply(drafted, m.make_event("parallel_proceeding", on, body="court"))
    assert parallel.notices[-1] == m.Notice("termination", on, "parallel_proceeding")
    assert all(n.kind != "routes" for n in parallel.notices)
    national = m.apply(
        reach(S.IN_MEDIATION), m.make_event("withdraw", date(2025, 3, 9), party="Li")
    )
    assert national.termination is m.TerminationReason.PARTY_WITHDREW
    assert [n.kind for n in national.notices] == ["rights", "routes"]


# ---------------------------------------------------------------- agreement


def _terms(*dues: date) -> m.AgreementTerms:
    obligations = tuple(
        m.Obligation(f"o{n}", "Li", "pay 100 yuan", due) for n, due in enumerate(dues, 1)
    )
    return m.AgreementTerms(obligations, "fee settled")


def test_an_oral_agreement_after_a_declined_draft_is_version_two_in_effect_that_day() -> None:
    declined = _run(reach(S.AGREEMENT_DRAFTED), ("decline_to_sign", {"party": "PM"}))
    assert declined.state is S.IN_MEDIATION and len(declined.agreements) == 1
    on = last_day(declined) + timedelta(days=1)
    event = m.make_event("reach_oral_agreement", on, terms=_terms(), parties=["Li", "PM"])
    oral = m.apply(declined, event, calendar=WeekendCalendar())
    agreement = oral.agreement
    assert agreement is not None
    assert (agreement.version, agreement.form) == (2, m.AgreementForm.ORAL)
    assert (agreement.made_on, agreement.effective_on) == (on, on)
    assert agreement.status is m.AgreementStatus.IN_EFFECT
    window = agreement.confirmation.window
    assert window is not None and window.start == on
    assert window.calendar == WeekendCalendar().name
    assert (window.label, window.label_zh) == ("judicial confirmation window", "司法确认申请期限")


def test_a_signed_agreement_opens_its_confirmation_window_with_the_calendar() -> None:
    drafted = reach(S.AGREEMENT_DRAFTED)
    day = last_day(drafted)
    signed = drafted
    for party, method in (("Li", "signature"), ("PM", "seal"), ("m1", "signature"), ("rc", "seal")):
        signed = m.apply(signed, m.make_event("sign", day, party=party, method=method))
    effect = m.make_event("take_effect", day + timedelta(days=1))
    in_effect = m.apply(signed, effect, calendar=WeekendCalendar())
    assert in_effect.agreement is not None
    window = in_effect.agreement.confirmation.window
    assert window is not None and window.start == day
    assert window.calendar == WeekendCalendar().name


def test_the_guards_of_agreement_say_what_is_missing() -> None:
    drafted = reach(S.AGREEMENT_DRAFTED)
    on = last_day(drafted)
    assert _reason(drafted, "take_effect", on).startswith("not yet signed by Li, PM [")
    both = drafted
    for party in ("Li", "PM"):
        both = m.apply(both, m.make_event("sign", on, party=party, method="signature"))
    assert _reason(both, "take_effect", on).startswith("no mediator has signed [")
    mediated = m.apply(both, m.make_event("sign", on, party="m1", method="signature"))
    assert _reason(mediated, "take_effect", on).startswith("the committee's seal is not affixed [")
    assert _reason(mediated, "sign", on, party="rc", method="signature").startswith(
        "the committee signs by its seal ["
    )
    assert _reason(mediated, "sign", on, party="Li", method="signature").startswith(
        "'Li' has already signed agreement version 1 ["
    )


def test_the_written_form_triggers_give_their_reasons() -> None:
    asked = _run(
        reach(S.IN_MEDIATION),
        ("request_written_form", {"party": "Li"}),
        ("request_written_form", {"party": "PM"}),
    )
    on = last_day(asked) + timedelta(days=1)
    oral = {"terms": _terms(), "parties": ["Li", "PM"]}
    assert _reason(asked, "reach_oral_agreement", on, **oral).startswith(
        "Li, PM asked for a written agreement ["
    )
    # national policy: writing advised when obligations are involved (a warning)
    plain = reach(S.IN_MEDIATION)
    day = last_day(plain) + timedelta(days=1)
    event = m.make_event("reach_oral_agreement", day, terms=_terms(day), parties=["Li", "PM"])
    (warning,) = m.may(plain, event).warnings
    assert str(warning).startswith(
        "written_form_advised: civil rights and obligations are involved: the policy advises"
    )
    # Ningbo: writing required for later performance and for a major or complex dispute
    ningbo = reach(S.IN_MEDIATION, NINGBO)
    day = last_day(ningbo) + timedelta(days=1)
    later = {
        "terms": _terms(day + timedelta(days=1), day + timedelta(days=2)),
        "parties": ["Li", "PM"],
    }
    assert _reason(ningbo, "reach_oral_agreement", day, **later).startswith(
        "performance is not immediate (obligations o1, o2) ["
    )
    complex_case = reach(S.IN_MEDIATION, NINGBO, complex=True)
    now = {"terms": _terms(day), "parties": ["Li", "PM"]}
    assert _reason(complex_case, "reach_oral_agreement", day, **now).startswith(
        "the dispute is major or complex ["
    )
    assert m.may(ningbo, m.make_event("reach_oral_agreement", day, **now)).allowed  # type: ignore[arg-type]


# ---------------------------------------------------------------- judicial confirmation


def test_confirmation_records_the_court_the_filing_and_the_ruling_days() -> None:
    case = reach(S.IN_PERFORMANCE)  # in effect on 3-9
    day = last_day(case)
    assert case.agreement is not None
    window = case.agreement.confirmation.window
    assert window is not None
    assert (window.label, window.label_zh) == ("judicial confirmation window", "司法确认申请期限")
    filed = m.apply(
        case,
        m.make_event(
            "apply_confirmation", day + timedelta(days=2), body="Futian court", parties=["Li", "PM"]
        ),
    )
    assert filed.agreement is not None
    applied = filed.agreement.confirmation
    assert (applied.court, applied.applied_on, applied.ruled_on) == (
        "Futian court",
        day + timedelta(days=2),
        None,
    )
    confirmed = m.apply(filed, m.make_event("court_confirms", day + timedelta(days=9)))
    assert confirmed.agreement is not None
    assert confirmed.agreement.confirmation.ruled_on == day + timedelta(days=9)
    rejected = m.apply(
        filed, m.make_event("court_rejects", day + timedelta(days=6), reason="unclear terms")
    )
    assert rejected.agreement is not None
    assert (rejected.agreement.confirmation.ruled_on, rejected.agreement.confirmation.ground) == (
        day + timedelta(days=6),
        "unclear terms",
    )
    for deemed, ground in ((True, "deemed"), (False, "express")):
        withdrawn = m.apply(
            filed, m.make_event("withdraw_confirmation", day + timedelta(days=7), deemed=deemed)
        )
        assert withdrawn.agreement is not None
        record = withdrawn.agreement.confirmation
        assert (record.status, record.ruled_on, record.ground) == (
            m.JCStatus.WITHDRAWN,
            day + timedelta(days=7),
            ground,
        )


def test_the_guards_of_confirmation_say_what_is_wrong() -> None:
    case = reach(S.IN_PERFORMANCE)
    assert case.agreement is not None and case.agreement.confirmation.window is not None
    end = case.agreement.confirmation.window.end
    joint = {"body": "Futian court", "parties": ["Li", "PM"]}
    late = end + timedelta(days=1)
    assert _reason(case, "apply_confirmation", late, **joint).startswith(
        f"{late.isoformat()} is day 31 after the agreement took effect; the 30-day window ended "
        f"on {end.isoformat()}; the agreement still binds"
    )
    in_time = m.make_event("apply_confirmation", end, **joint)  # type: ignore[arg-type]
    assert m.may(case, in_time).allowed
    # an oral agreement must be written up first
    mediating = reach(S.IN_MEDIATION)
    on = last_day(mediating) + timedelta(days=1)
    oral = m.apply(
        mediating,
        m.make_event("reach_oral_agreement", on, terms=terms(), parties=["Li", "PM"]),
    )
    assert _reason(oral, "apply_confirmation", on, **joint).startswith(
        "an oral agreement must first be written up and signed (write_up_oral_agreement) ["
    )
    # a written agreement that settles title
    titled = m.apply(mediating, m.make_event("draft_agreement", on, terms=terms(title=True)))
    for party, method in (("Li", "signature"), ("PM", "seal"), ("m1", "signature"), ("rc", "seal")):
        titled = m.apply(titled, m.make_event("sign", on, party=party, method=method))
    titled = m.apply(titled, m.make_event("take_effect", on))
    assert _reason(titled, "apply_confirmation", on, **joint).startswith(
        "the agreement settles title to real rights or IP; courts do not accept it ["
    )


# ---------------------------------------------------------------- performance


def test_performance_records_urgings_visits_proofs_and_the_closing() -> None:
    case = reach(S.IN_PERFORMANCE)  # o1 (Li pays 1000 yuan) due 2025-04-12
    urged = m.apply(case, m.make_event("urge_performance", date(2025, 4, 20), target="o1", by="m1"))
    assert urged.agreement is not None
    assert urged.agreement.urgings == (m.Urging("o1", date(2025, 4, 20), "m1"),)
    assert urged.closing.non_performance
    visited = m.apply(
        urged, m.make_event("follow_up_visit", date(2025, 4, 21), by="m1", reason="checked")
    )
    assert visited.agreement is not None
    assert visited.agreement.visits == (m.FollowUpVisit(date(2025, 4, 21), "m1", "checked"),)
    paid = m.apply(
        visited,
        m.make_event("record_performance", date(2025, 4, 22), target="o1", reason="paid in cash"),
    )
    assert paid.agreement is not None
    assert paid.agreement.performed == (
        m.PerformanceRecord("o1", date(2025, 4, 22), "paid in cash"),
    )
    closed = m.apply(paid, m.make_event("close_performed", date(2025, 4, 23)))
    assert closed.closing == m.ClosingRecord(None, date(2025, 4, 23), True)


def test_remediation_opens_a_new_period_under_its_own_name() -> None:
    case = reach(S.IN_PERFORMANCE)
    on = last_day(case) + timedelta(days=2)
    again = m.apply(
        case, m.make_event("remediate", on, parties=["Li", "PM"]), calendar=WeekendCalendar()
    )
    period = again.mediation_deadline
    assert period is not None and again.state is S.IN_MEDIATION
    assert (period.label, period.label_zh) == (
        "mediation period (re-mediation)",
        "调解期限（重新调解）",
    )
    assert period.start == on and period.calendar == WeekendCalendar().name
    assert period.basis == case.policy.period_basis


def test_the_guards_of_performance_say_what_is_missing() -> None:
    written = reach(S.IN_PERFORMANCE)
    on = last_day(written) + timedelta(days=1)
    assert _reason(written, "write_up_oral_agreement", on).startswith(
        "the agreement in effect is already in writing ["
    )
    assert _reason(written, "close_performed", on).startswith("obligations not yet performed: o1 [")
    assert _reason(written, "urge_performance", on, target="o1").startswith(
        f"obligation 'o1' is not overdue on {on.isoformat()} (2025-04-12) ["
    )
    assert _reason(written, "refer_to_court", on, agreement_disputed=False).startswith(
        "no dispute over the agreement and no urging of an unperformed obligation ["
    )
    filed = m.apply(
        written,
        m.make_event("apply_confirmation", on, body="Futian court", parties=["Li", "PM"]),
    )
    paid = m.apply(filed, m.make_event("record_performance", on, target="o1"))
    assert _reason(paid, "close_performed", on).startswith(
        "a judicial-confirmation application is pending: await the ruling or withdraw it ["
    )
    # an obligation without a due date is never overdue
    mediating = reach(S.IN_MEDIATION)
    day = last_day(mediating) + timedelta(days=1)
    undated = m.AgreementTerms(
        (m.Obligation("o1", "Li", "pay", None), m.Obligation("o2", "PM", "repair", None)), "settled"
    )
    oral = m.apply(
        mediating, m.make_event("reach_oral_agreement", day, terms=undated, parties=["Li", "PM"])
    )
    assert _reason(oral, "urge_performance", day, target="o2").startswith(
        f"obligation 'o2' is not overdue on {day.isoformat()} (no due date) ["
    )
    assert _reason(oral, "close_performed", day).startswith(
        "obligations not yet performed: o1, o2 ["
    )


def test_assigning_mediators_is_refused_or_warned_with_the_reason() -> None:
    case = reach(S.ACCEPTED)
    on = last_day(case) + timedelta(days=1)
    assert _reason(case, "assign_mediators", on, mediators=(), rights_notice=True).startswith(
        "no mediator named ["
    )
    party = (m.Mediator("Li"),)
    assert _reason(case, "assign_mediators", on, mediators=party, rights_notice=True).startswith(
        "mediator 'Li' is, or acts for, a party ('Li'); a party cannot mediate its own case ["
    )
    agent = (m.Mediator("m9", affiliation="PM"),)
    assert _reason(case, "assign_mediators", on, mediators=agent, rights_notice=True).startswith(
        "mediator 'm9' is, or acts for, a party ('PM'); a party cannot mediate its own case ["
    )
    silent = m.make_event(
        "assign_mediators", on, mediators=(m.Mediator("m1"),), rights_notice=False
    )
    (warning,) = m.may(case, silent).warnings
    assert str(warning).startswith("rights_notice_given: no rights-and-duties notice recorded [")


def test_a_policy_may_advise_writing_for_a_major_or_complex_dispute() -> None:
    advising = attrs.evolve(
        NATIONAL, written_form_advised_for=(WrittenFormTrigger.MAJOR_OR_COMPLEX,)
    )
    case = reach(S.IN_MEDIATION, advising, complex=True)
    on = last_day(case) + timedelta(days=1)
    event = m.make_event("reach_oral_agreement", on, terms=_terms(), parties=["Li", "PM"])
    (warning,) = m.may(case, event).warnings
    assert str(warning).startswith(
        "written_form_advised: the dispute is major or complex: the policy advises a written"
    )
