"""What each phase records, pinned field by field (mutation run of December 2026).

The engine tests check states and guards; these check the records a phase writes on the way:
the limitation interruption, the mediation period's label, the notices sent.
"""

from __future__ import annotations

from datetime import date, timedelta

from mediation_builders import START, new_case, reach

from community_governance import mediation as m

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
