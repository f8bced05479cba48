"""Every guard on both sides of the line it draws."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from mediation_builders import NATIONAL, NINGBO, SHENZHEN, START, last_day, reach, terms

from community_governance import mediation as m
from community_governance.exceptions import GuardFailedError
from community_governance.rules.periods import Period

S = m.CaseState


def passes(case: m.MediationCase, event: m.Event) -> m.MediationCase:
    permission = m.may(case, event)
    assert permission, permission
    return m.apply(case, event)


def fails(case: m.MediationCase, event: m.Event, guard: str) -> None:
    permission = m.may(case, event)
    assert not permission
    assert permission.guard == guard, permission
    with pytest.raises(GuardFailedError) as error:
        m.apply(case, event)
    assert error.value.guard == guard
    assert guard in str(error.value)
    assert error.value.reason == permission.reason


def warns(case: m.MediationCase, event: m.Event, guard: str) -> None:
    permission = m.may(case, event)
    assert permission
    assert any(w.guard == guard for w in permission.warnings), permission
    after = m.apply(case, event)
    assert after.trail[-1].warnings == permission.warnings


def quiet(case: m.MediationCase, event: m.Event) -> None:
    permission = m.may(case, event)
    assert permission
    assert permission.warnings == ()


def next_day(case: m.MediationCase, days: int = 1) -> date:
    return last_day(case) + timedelta(days=days)


def ev(kind: str, on: date, **fields: object) -> m.Event:
    return m.make_event(kind, on, **fields)  # type: ignore[arg-type]


def test_party_known() -> None:
    case = reach(S.REPORTED)
    passes(case, ev("submit_application", next_day(case), party="Li", form="oral"))
    fails(case, ev("submit_application", next_day(case), party="Zhao", form="oral"), "party_known")


def test_party_not_yet_consented() -> None:
    case = reach(S.APPLIED)
    passes(case, ev("give_consent", next_day(case), party="PM"))
    fails(case, ev("give_consent", next_day(case), party="Li"), "party_not_yet_consented")


def test_all_parties_consented_one_missing_then_all() -> None:
    case = reach(S.APPLIED)
    fails(case, ev("accept", next_day(case)), "all_parties_consented")
    case = passes(case, ev("give_consent", next_day(case), party="PM"))
    accepted = passes(case, ev("accept", next_day(case)))
    assert accepted.limitation_interrupted_on == START + timedelta(days=2)


def test_not_before_other_body_is_soft() -> None:
    case = reach(S.APPLIED, before_other_body="Hedong district court")
    case = passes(case, ev("give_consent", next_day(case), party="PM"))
    warns(case, ev("accept", next_day(case)), "not_before_other_body")
    clean = reach(S.APPLIED)
    clean = passes(clean, ev("give_consent", next_day(clean), party="PM"))
    quiet(clean, ev("accept", next_day(clean)))


def test_at_least_one_mediator_and_independence() -> None:
    case = reach(S.ACCEPTED)
    on = next_day(case)
    fails(case, ev("assign_mediators", on, rights_notice=True), "at_least_one_mediator")
    own = m.Mediator("Wang", affiliation="PM")
    fails(
        case,
        ev("assign_mediators", on, mediators=[own], rights_notice=True),
        "mediators_independent",
    )
    party = m.Mediator("Li")
    fails(
        case,
        ev("assign_mediators", on, mediators=[party], rights_notice=True),
        "mediators_independent",
    )
    quiet(case, ev("assign_mediators", on, mediators=[m.Mediator("m1")], rights_notice=True))


def test_rights_notice_is_soft() -> None:
    case = reach(S.ACCEPTED)
    warns(
        case,
        ev("assign_mediators", next_day(case), mediators=[m.Mediator("m1")]),
        "rights_notice_given",
    )


def test_mediator_in_case() -> None:
    case = reach(S.IN_MEDIATION)
    on, new = next_day(case), (m.Mediator("m2"),)
    after = passes(case, ev("replace_mediator", on, target="m1", mediators=new, reason="recusal"))
    assert [x.id for x in after.mediators] == ["m2"]
    fails(
        case, ev("replace_mediator", on, target="m7", mediators=new, reason="x"), "mediator_in_case"
    )


def test_invitees_need_every_party() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    one = m.Session(invitees=["neighbour Zhou"], invitee_consents=["Li"])
    fails(case, ev("hold_session", on, session=one), "invitees_consented")
    both = m.Session(invitees=["neighbour Zhou"], invitee_consents=["Li", "PM"])
    passes(case, ev("hold_session", on, session=both))


def test_public_session_refused_on_objection() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    objected = m.Session(public=True, objections_to_public=["PM"])
    fails(case, ev("hold_session", on, session=objected), "public_not_objected")
    passes(case, ev("hold_session", on, session=m.Session(public=True)))


def test_extension_needs_every_party() -> None:
    case = reach(S.IN_MEDIATION)
    on, period = next_day(case), Period(days=15)
    fails(
        case, ev("extend_period", on, period=period, parties=["Li"]), "extension_consented_by_all"
    )
    after = passes(case, ev("extend_period", on, period=period, parties=["Li", "PM"]))
    assert after.extensions == 1
    assert after.mediation_deadline is not None and case.mediation_deadline is not None
    assert after.mediation_deadline.end == case.mediation_deadline.end + timedelta(days=15)


def test_extension_in_time_under_hard_policy_day_30_and_31() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    assert case.mediation_deadline is not None
    end = case.mediation_deadline.end
    assert case.mediation_deadline.day_number(end) == 30
    both = {"period": Period(days=10), "parties": ["Li", "PM"]}
    passes(case, ev("extend_period", end, **both))
    fails(case, ev("extend_period", end + timedelta(days=1), **both), "extension_in_time")
    soft = reach(S.IN_MEDIATION)
    assert soft.mediation_deadline is not None
    passes(soft, ev("extend_period", soft.mediation_deadline.end + timedelta(days=1), **both))


def test_expiry_hard_day_30_refused_day_31_allowed() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    assert case.mediation_deadline is not None
    end = case.mediation_deadline.end
    fails(case, ev("expire", end), "period_expired")
    after = passes(case, ev("expire", end + timedelta(days=1)))
    assert after.termination is m.TerminationReason.EXPIRED


def test_expiry_refused_under_soft_national_period() -> None:
    case = reach(S.IN_MEDIATION)
    assert case.mediation_deadline is not None
    fails(case, ev("expire", case.mediation_deadline.end + timedelta(days=1)), "period_is_binding")


def test_routes_advised_on_failure() -> None:
    case = reach(S.IN_MEDIATION)
    fails(case, ev("declare_failure", next_day(case)), "routes_advised")
    after = passes(case, ev("declare_failure", next_day(case), routes_advised=True))
    assert [n.kind for n in after.notices][-1] == "routes"


def test_oral_agreement_needs_every_party() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    on = next_day(case)
    fails(case, ev("reach_oral_agreement", on, parties=["Li"], terms=terms()), "all_parties_agree")
    after = passes(case, ev("reach_oral_agreement", on, parties=["Li", "PM"], terms=terms()))
    assert after.effective_agreement is not None
    assert after.effective_agreement.effective_on == on


def test_no_oral_agreement_after_a_request_for_writing() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    on = next_day(case)
    asked = passes(case, ev("request_written_form", on, party="PM"))
    oral = ev("reach_oral_agreement", on, parties=["Li", "PM"], terms=terms())
    fails(asked, oral, "no_written_form_requested")
    quiet(case, oral)


def test_written_form_required_by_the_local_policy() -> None:
    case = reach(S.IN_MEDIATION, NINGBO)
    on = next_day(case)
    both = ["Li", "PM"]
    later = ev("reach_oral_agreement", on, parties=both, terms=terms(on + timedelta(days=1)))
    fails(case, later, "written_form_required")
    now = ev("reach_oral_agreement", on, parties=both, terms=terms(on))
    passes(case, now)
    complex_case = reach(S.IN_MEDIATION, NINGBO, complex=True)
    fails(complex_case, now, "written_form_required")


def test_written_form_is_only_advised_nationally() -> None:
    case = reach(S.IN_MEDIATION)
    warns(
        case,
        ev("reach_oral_agreement", next_day(case), parties=["Li", "PM"], terms=terms()),
        "written_form_advised",
    )


def test_obligors_are_parties_and_ids_unique() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    stranger = m.AgreementTerms([m.Obligation("o1", "Zhao")])
    fails(case, ev("draft_agreement", on, terms=stranger), "obligors_are_parties")
    twice = m.AgreementTerms([m.Obligation("o1", "Li"), m.Obligation("o1", "PM")])
    fails(case, ev("draft_agreement", on, terms=twice), "obligors_are_parties")
    passes(case, ev("draft_agreement", on, terms=terms()))


def test_signatories() -> None:
    case = reach(S.AGREEMENT_DRAFTED)
    on = next_day(case)
    fails(case, ev("sign", on, party="Zhao", method="signature"), "signatory_known")
    fails(case, ev("sign", on, party="rc", method="signature"), "signatory_known")
    signed = passes(case, ev("sign", on, party="Li", method="fingerprint"))
    fails(signed, ev("sign", on, party="Li", method="signature"), "not_yet_signed")


def test_fully_executed_needs_parties_mediator_and_seal() -> None:
    case = reach(S.AGREEMENT_DRAFTED)
    on = next_day(case)
    take = ev("take_effect", on)
    fails(case, take, "fully_executed")
    for signer, method in (("Li", "signature"), ("PM", "seal")):
        case = passes(case, ev("sign", on, party=signer, method=method))
    fails(case, take, "fully_executed")
    assert "no mediator" in m.may(case, take).reason
    case = passes(case, ev("sign", on, party="m1", method="signature"))
    assert "seal" in m.may(case, take).reason
    case = passes(case, ev("sign", on + timedelta(days=2), party="rc", method="seal"))
    after = passes(case, ev("take_effect", on + timedelta(days=3)))
    agreement = after.effective_agreement
    assert agreement is not None and agreement.effective_on == on + timedelta(days=2)


def test_write_up_only_for_unwritten_oral_agreements() -> None:
    written = reach(S.IN_PERFORMANCE)
    fails(written, ev("write_up_oral_agreement", next_day(written)), "oral_not_yet_written")


def test_obligations_performance_and_urging() -> None:
    case = reach(S.IN_PERFORMANCE)
    on = next_day(case)
    fails(case, ev("record_performance", on, target="o9"), "obligation_open")
    due = START + timedelta(days=40)
    fails(case, ev("urge_performance", due, target="o1"), "obligation_overdue")
    urged = passes(case, ev("urge_performance", due + timedelta(days=1), target="o1"))
    assert urged.non_performance
    done = passes(case, ev("record_performance", on, target="o1", reason="bank transfer"))
    fails(done, ev("record_performance", on, target="o1"), "obligation_open")
    fails(case, ev("close_performed", on), "all_obligations_performed")
    passes(done, ev("close_performed", on))


def test_each_obligation_is_performed_once_in_any_order() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    two = m.AgreementTerms([m.Obligation("o1", "Li"), m.Obligation("o2", "PM")])
    case = passes(case, ev("reach_oral_agreement", on, parties=["Li", "PM"], terms=two))
    second = passes(case, ev("record_performance", on, target="o2"))
    fails(second, ev("record_performance", on, target="o2"), "obligation_open")
    both = passes(second, ev("record_performance", on, target="o1"))
    passes(both, ev("close_performed", on))


def test_urging_needs_a_due_date() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    undated = m.AgreementTerms([m.Obligation("o1", "Li")])
    case = passes(case, ev("reach_oral_agreement", on, parties=["Li", "PM"], terms=undated))
    fails(case, ev("urge_performance", on + timedelta(days=99), target="o1"), "obligation_overdue")


def test_referral_to_court_needs_urging_or_dispute() -> None:
    case = reach(S.IN_PERFORMANCE)
    late = START + timedelta(days=50)
    fails(case, ev("refer_to_court", late), "urged_or_disputed")
    urged = passes(case, ev("urge_performance", late, target="o1"))
    passes(urged, ev("refer_to_court", late))
    passes(case, ev("refer_to_court", late, agreement_disputed=True))


def test_pending_confirmation_blocks_closing_referral_and_remediation() -> None:
    case = reach(S.IN_PERFORMANCE)
    on = next_day(case)
    both = ["Li", "PM"]
    applied = passes(case, ev("apply_confirmation", on, parties=both, body="Hedong court"))
    done = passes(applied, ev("record_performance", on, target="o1"))
    fails(done, ev("close_performed", on), "no_pending_confirmation")
    fails(applied, ev("refer_to_court", on, agreement_disputed=True), "no_pending_confirmation")
    fails(applied, ev("remediate", on, parties=both), "no_pending_confirmation")
    fails(case, ev("remediate", on, parties=["Li"]), "remediation_consented_by_all")
    again = passes(case, ev("remediate", on, parties=both))
    assert again.state is S.IN_MEDIATION
    assert again.agreements[-1].status is m.AgreementStatus.SUPERSEDED


def test_confirmation_status_allows() -> None:
    case = reach(S.IN_PERFORMANCE)
    fails(case, ev("court_confirms", next_day(case)), "confirmation_status_allows")


def test_joint_application() -> None:
    case = reach(S.IN_PERFORMANCE)
    fails(
        case,
        ev("apply_confirmation", next_day(case), parties=["Li"], body="court"),
        "joint_application",
    )


def test_confirmation_window_day_30_allowed_day_31_refused() -> None:
    case = reach(S.IN_PERFORMANCE)
    agreement = case.effective_agreement
    assert agreement is not None and agreement.effective_on is not None
    day30 = agreement.effective_on + timedelta(days=30)
    both = {"parties": ["Li", "PM"], "body": "Hedong court"}
    applied = passes(case, ev("apply_confirmation", day30, **both))
    assert applied.effective_agreement is not None
    assert applied.effective_agreement.confirmation.status is m.JCStatus.APPLIED
    fails(
        case,
        ev("apply_confirmation", day30 + timedelta(days=1), **both),
        "within_confirmation_window",
    )
    assert (
        "day 31" in m.may(case, ev("apply_confirmation", day30 + timedelta(days=1), **both)).reason
    )


def test_lawful_organisation_and_no_owners_committee_mediating_itself() -> None:
    informal = m.MediationCase(
        "c",
        m.Committee("oc", "informal"),
        [m.Party("Li", "applicant"), m.Party("PM", "respondent")],
        m.Dispute("property"),
        NATIONAL,
    )
    case = informal
    day = START
    for kind, fields in [
        ("submit_application", {"party": "Li", "form": "written"}),
        ("give_consent", {"party": "PM"}),
        ("accept", {}),
        ("assign_mediators", {"mediators": [m.Mediator("m1")], "rights_notice": True}),
        ("reach_oral_agreement", {"parties": ["Li", "PM"], "terms": terms()}),
        ("write_up_oral_agreement", {}),
    ]:
        day += timedelta(days=1)
        case = m.apply(case, ev(kind, day, **fields))
    fails(
        case,
        ev("apply_confirmation", day, parties=["Li", "PM"], body="c"),
        "lawful_mediation_organisation",
    )


def test_oral_agreement_must_be_written_up_before_confirmation() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    on = next_day(case)
    oral = passes(case, ev("reach_oral_agreement", on, parties=["Li", "PM"], terms=terms()))
    apply_jc = ev("apply_confirmation", on + timedelta(days=5), parties=["Li", "PM"], body="court")
    fails(oral, apply_jc, "agreement_in_writing")
    written = passes(oral, ev("write_up_oral_agreement", on + timedelta(days=2)))
    assert written.effective_agreement is not None
    window = written.effective_agreement.confirmation.window
    assert window is not None and window.start == on
    passes(written, apply_jc)


def test_title_to_property_not_confirmable() -> None:
    case = reach(S.IN_MEDIATION)
    on = next_day(case)
    case = passes(case, ev("draft_agreement", on, terms=terms(title=True)))
    for signer, method in (
        ("Li", "signature"),
        ("PM", "seal"),
        ("m1", "signature"),
        ("rc", "seal"),
    ):
        case = passes(case, ev("sign", on, party=signer, method=method))
    case = passes(case, ev("take_effect", on))
    fails(
        case, ev("apply_confirmation", on, parties=["Li", "PM"], body="c"), "not_title_to_property"
    )


def test_every_guard_is_tested_here() -> None:
    import inspect
    import sys

    source = inspect.getsource(sys.modules[__name__])
    untested = [name for name in m.GUARDS if f'"{name}"' not in source]
    assert untested == []


def test_guard_values_are_cited_and_explained() -> None:
    for guard in m.GUARDS.values():
        assert guard.citation.instrument
        assert guard.rule_zh
        assert guard.soft == (
            (
                not guard.citation.confirmed
                and guard.citation.instrument == "moj_mediation_rules_2002"
            )
            or guard.basis == "written_form_advice_basis"
        )
