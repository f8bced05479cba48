"""Round trips, replay tampering, explanations and the bad-input catalogue."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import attrs
import pytest
from mediation_builders import NATIONAL, NINGBO, START, new_case, reach, terms

from community_governance import mediation as m
from community_governance._base.serial import converter
from community_governance.calendar import NO_CALENDAR, WeekendCalendar
from community_governance.exceptions import (
    DerivedFactMismatchError,
    InvalidCaseDataError,
    InvalidDataError,
    InvalidPeriodError,
    ReplayMismatchError,
    RuleSetInputError,
)

S = m.CaseState


@pytest.mark.parametrize("state", list(S), ids=lambda s: s.value)
def test_to_dict_round_trip_through_json(state: m.CaseState) -> None:
    case = reach(state, amount="1200.50")
    data = json.loads(json.dumps(case.to_dict(), ensure_ascii=False))
    assert data["schema"] == "community_governance.mediation_case/3"
    assert m.MediationCase.from_dict(data) == case


def test_from_dict_refuses_wrong_schema_and_bad_data() -> None:
    data = reach(S.APPLIED).to_dict()
    with pytest.raises(InvalidDataError, match="schema"):
        m.MediationCase.from_dict({**data, "schema": "community_governance.mediation_case/9"})
    with pytest.raises(InvalidDataError, match="do not fit") as error:
        m.MediationCase.from_dict({**data, "state": "limbo"})
    assert (error.value.field, error.value.value) == ("state", "limbo")


@pytest.mark.parametrize(
    ("fact", "value", "reason"),
    [
        ("on", 20250902.0, "on: 20250902.0 is not a day"),
        ("on", "2025-13-01", "on: '2025-13-01' is not a day"),
        ("form", "scroll", "form: 'scroll' is not a valid AgreementForm"),
    ],
)
def test_from_dict_names_the_event_and_the_fact_that_does_not_fit(
    fact: str, value: object, reason: str
) -> None:
    data = reach(S.APPLIED).to_dict()
    step = next(s for s in data["trail"] if s["event"]["kind"] == "submit_application")
    step["event"][fact] = value
    with pytest.raises(InvalidDataError, match=f"event submit_application: {reason}") as error:
        m.MediationCase.from_dict(data)
    assert error.value.message.startswith("MediationCase.from_dict: ")


def test_replay_with_calendar_and_mismatches() -> None:
    calendar = WeekendCalendar()
    case = new_case()
    day = START
    for kind, fields in [
        ("report_dispute", {"source": "complaint"}),
        ("submit_application", {"party": "Li", "form": "oral"}),
    ]:
        day += timedelta(days=1)
        case = m.apply(case, m.make_event(kind, day, **fields), calendar=calendar)  # type: ignore[arg-type]
    assert case.trail[-1].calendar == "weekends only"
    assert m.replay(case, calendar=calendar) == case
    with pytest.raises(ReplayMismatchError, match="calendar") as error:
        m.replay(case)
    assert error.value.step == 0
    mixed = m.apply(case, m.make_event("give_consent", day, party="PM"))
    assert mixed.trail[-1].calendar == NO_CALENDAR
    assert m.replay(mixed, calendar=calendar) == mixed


def test_replay_detects_tampering() -> None:
    case = reach(S.ACCEPTED)
    forged_state = attrs.evolve(case.trail[1], to_state=S.AWAITING_CONSENT)
    forged = attrs.evolve(case, trail=(case.trail[0], forged_state, *case.trail[2:]))
    with pytest.raises(ReplayMismatchError, match="step 1") as error:
        m.replay(forged)
    assert error.value.step == 1
    bad_event = attrs.evolve(case.trail[1], event=m.make_event("accept", case.trail[1].event.on))
    refused = attrs.evolve(case, trail=(case.trail[0], bad_event, *case.trail[2:]))
    with pytest.raises(ReplayMismatchError, match="does not replay") as error:
        m.replay(refused)
    assert error.value.case_id == case.case_id
    edited = case.evolve(referral="forged")
    with pytest.raises(ReplayMismatchError, match="different case") as error:
        m.replay(edited)
    assert error.value.step is None


def test_explanations_and_html() -> None:
    case = reach(S.IN_PERFORMANCE)
    en, zh = case.explain(), case.explain("zh")
    assert "Case (2025) 人调字第 7 号: in_performance" in en
    assert "judicial confirmation window" in en
    assert "协议（第1版" in zh and "司法确认申请期限" in zh
    assert "<table>" in case._repr_html_()
    ended = reach(S.TERMINATED)
    assert "Reason: failed" in ended.explain()
    refused = reach(S.NOT_ACCEPTED)
    assert "不予受理原因" in refused.explain("zh")
    warned = m.apply(
        reach(S.ACCEPTED),
        m.make_event(
            "assign_mediators",
            START + timedelta(days=9),
            mediators=[m.Mediator("m1")],
            by="clerk Sun",
        ),
    )
    text = warned.explain()
    assert "(clerk Sun)" in text and "! rights_notice_given" in text
    assert warned.trail[-1].calendar == NO_CALENDAR


def test_case_properties() -> None:
    case = reach(S.APPLIED)
    assert case.agreement is None and case.effective_agreement is None
    refused = m.apply(case, m.make_event("party_refuses", START + timedelta(days=5), party="PM"))
    assert refused.refused == {"PM"} and refused.consented == {"Li"}
    assert refused.not_accepted_reason == "party_refused: PM"
    drafted = reach(S.AGREEMENT_DRAFTED)
    assert drafted.agreement is not None and drafted.effective_agreement is None
    assert (
        drafted.agreement.obligation("o1") is not None and drafted.agreement.obligation("x") is None
    )
    assert not drafted.agreement.enforceable


def test_referral_and_withdrawal_records() -> None:
    case = m.apply(
        new_case(),
        m.make_event("receive_referral", START, body="Hedong court", court_delegated=True),
    )
    assert case.source is m.CaseSource.COURT and case.court_delegated
    other = m.apply(new_case(), m.make_event("receive_referral", START, body="street office"))
    assert other.source is m.CaseSource.GOVERNMENT
    accepted = reach(S.ACCEPTED, NINGBO)
    gone = m.apply(accepted, m.make_event("withdraw", START + timedelta(days=9), party="PM"))
    assert gone.termination is m.TerminationReason.PARTY_WITHDREW
    assert [n.kind for n in gone.notices][-2:] == ["routes", "termination"]
    drafted = reach(S.AGREEMENT_DRAFTED)
    declined = m.apply(
        drafted, m.make_event("decline_to_sign", START + timedelta(days=9), party="PM")
    )
    assert declined.state is S.IN_MEDIATION
    assert declined.agreements[-1].status is m.AgreementStatus.DECLINED
    bad = m.apply(
        drafted,
        m.make_event("terminate_bad_faith", START + timedelta(days=9), reason="false claims"),
    )
    assert bad.agreements[-1].status is m.AgreementStatus.DECLINED


def test_confirmation_lifecycle_and_reapplication() -> None:
    case = reach(S.IN_PERFORMANCE)
    on = START + timedelta(days=12)
    both = {"parties": ["Li", "PM"], "body": "Hedong court"}
    case = m.apply(case, m.make_event("apply_confirmation", on, **both))  # type: ignore[arg-type]
    withdrawn = m.apply(case, m.make_event("withdraw_confirmation", on, deemed=True))
    assert withdrawn.agreements[-1].confirmation.ground == "deemed"
    again = m.apply(withdrawn, m.make_event("apply_confirmation", on, **both))  # type: ignore[arg-type]
    confirmed = m.apply(again, m.make_event("court_confirms", on + timedelta(days=3)))
    assert confirmed.agreements[-1].enforceable
    express = m.apply(case, m.make_event("withdraw_confirmation", on))
    assert express.agreements[-1].confirmation.ground == "express"
    rejected = m.apply(case, m.make_event("court_rejects", on, reason="breach of voluntariness"))
    assert rejected.agreements[-1].confirmation.ground == "breach of voluntariness"
    redo = m.apply(rejected, m.make_event("remediate", on, parties=["Li", "PM"]))
    assert redo.state is S.IN_MEDIATION


BAD_INPUTS = [
    (lambda: m.Party("", "applicant"), InvalidCaseDataError, "id"),
    (lambda: m.Party("Li", "judge"), InvalidCaseDataError, "'judge'"),
    (lambda: m.Committee("rc", "owners"), InvalidCaseDataError, "'owners'"),
    (lambda: m.Dispute("traffic"), InvalidCaseDataError, "'traffic'"),
    (lambda: m.Dispute("property", claims="pay"), InvalidCaseDataError, "claims"),
    (lambda: m.Dispute("property", amount=12.5), TypeError, "12.5"),
    (
        lambda: m.Dispute("property", decision_known_on="2025-01-01"),
        InvalidCaseDataError,
        "decision_known_on",
    ),
    (lambda: m.Obligation("o1", ""), InvalidCaseDataError, "obligor"),
    (lambda: m.Obligation("o1", "Li", due="soon"), InvalidCaseDataError, "due"),
    (lambda: m.make_event("dance", START), InvalidCaseDataError, "'dance'"),
    (lambda: m.make_event("accept", "2025-03-01"), InvalidCaseDataError, "on"),
    (lambda: m.make_event("sign", START, party="Li"), InvalidCaseDataError, "'method'"),
    (
        lambda: m.make_event("sign", START, party="Li", method="stamp"),
        InvalidCaseDataError,
        "'stamp'",
    ),
    (
        lambda: m.make_event("submit_application", START, party="Li", form="video"),
        InvalidCaseDataError,
        "'video'",
    ),
    (
        lambda: m.make_event("report_dispute", START, source="rumour"),
        InvalidCaseDataError,
        "'rumour'",
    ),
    (lambda: m.make_event("reject", START), InvalidCaseDataError, "'reason'"),
    (
        lambda: m.MediationCase(
            "",
            m.Committee("rc"),
            [m.Party("a", "applicant"), m.Party("b", "respondent")],
            m.Dispute("property"),
            NATIONAL,
        ),
        InvalidCaseDataError,
        "case_id",
    ),
    (
        lambda: m.MediationCase(
            "c", m.Committee("rc"), [m.Party("a", "applicant")], m.Dispute("property"), NATIONAL
        ),
        InvalidCaseDataError,
        "at least two",
    ),
    (
        lambda: m.MediationCase(
            "c",
            m.Committee("rc"),
            [m.Party("a", "applicant"), m.Party("a", "respondent")],
            m.Dispute("property"),
            NATIONAL,
        ),
        InvalidCaseDataError,
        "'a'",
    ),
    (
        lambda: m.MediationCase(
            "c",
            m.Committee("oc"),
            [m.Party("oc", "applicant", owners_committee=True), m.Party("b", "respondent")],
            m.Dispute("property"),
            NATIONAL,
        ),
        InvalidCaseDataError,
        "'oc' cannot both mediate",
    ),
    (
        lambda: m.MediationPolicy(
            "XX", "x", NATIONAL.period, True, NATIONAL.period_basis, NATIONAL.period_basis
        ),
        InvalidCaseDataError,
        "XX",
    ),
    (
        lambda: m.MediationCase.open("c", m.Committee("rc"), [], m.Dispute("property"), rules="CN"),
        RuleSetInputError,
        "'CN'",
    ),
    (lambda: m.make_event("hold_session", START), InvalidCaseDataError, "'session'"),
    (
        lambda: m.mediation_statistics([], start=date(2025, 2, 1), end=date(2025, 1, 1)),
        InvalidCaseDataError,
        "end 2025-01-01",
    ),
    (
        lambda: m.mediation_statistics([], start="2025", end=date(2025, 1, 1)),
        InvalidCaseDataError,
        "start must be a datetime.date, got '2025'",
    ),
    (
        lambda: m.mediation_statistics(
            [], start=date(2025, 1, 1), end=datetime(2025, 12, 31, 23, 59)
        ),
        InvalidCaseDataError,
        "end must be a datetime.date, got datetime.datetime(2025, 12, 31, 23, 59) (a datetime",
    ),
    (
        lambda: m.revocation_deadline(
            reach(S.NEW, decision_known_on=date(2025, 1, 1)), calendar=object()
        ),
        InvalidPeriodError,
        "calendar",
    ),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("build", "error", "named"), BAD_INPUTS)
def test_bad_input_catalogue(build: object, error: type[Exception], named: str) -> None:
    with pytest.raises(error) as raised:
        build()  # type: ignore[operator]
    assert named in str(raised.value)


def test_error_fields_name_the_item() -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.make_event("sign", START, party="Li")
    assert (error.value.what, error.value.field) == ("event sign", "method")
    with pytest.raises(InvalidCaseDataError) as error:
        m.Party("", "applicant")
    assert error.value.field == "id"


def test_amount_is_exact() -> None:
    assert m.Dispute("property", amount="1200.50").amount == Decimal("1200.50")
    assert m.Dispute("property", amount=3).amount == Decimal(3)
    assert m.Dispute("property", claims=["a", "b"]).claims == ("a", "b")


def test_terms_title_flag_in_case() -> None:
    assert terms(title=True).settles_title


def test_from_dict_recomputes_the_state_and_refuses_a_stored_one() -> None:
    """Issue 8: a stored "state" is not trusted; the mismatch names field, stored, recomputed."""
    data = reach(S.IN_PERFORMANCE).to_dict()
    with pytest.raises(DerivedFactMismatchError) as error:
        m.MediationCase.from_dict({**data, "state": "performed"})
    assert (error.value.field, error.value.stored, error.value.recomputed) == (
        "state",
        S.PERFORMED,
        S.IN_PERFORMANCE,
    )
    assert "stored state 'performed'" in str(error.value)
    assert "recomputed from the data, 'in_performance'" in str(error.value)
    assert isinstance(error.value, ValueError)
    entry = dict(data["trail"][-1], to_state="performed")
    with pytest.raises(DerivedFactMismatchError, match=r"trail\[\d+\]\.to_state"):
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], entry]})
    with pytest.raises(DerivedFactMismatchError, match="extensions"):
        m.MediationCase.from_dict({**data, "extensions": 3})
    event = dict(data["trail"][-1]["event"], on="2024-01-01")
    bad = [*data["trail"][:-1], dict(data["trail"][-1], event=event)]
    with pytest.raises(InvalidDataError, match="does not apply") as refused:
        m.MediationCase.from_dict({**data, "trail": bad})
    assert refused.value.field.startswith("trail[")


def test_from_dict_rebuilds_calendar_steps_with_the_given_calendar() -> None:
    calendar = WeekendCalendar()
    case = m.apply(
        reach(S.APPLIED), m.make_event("give_consent", START + timedelta(days=3), party="PM")
    )
    case = m.apply(case, m.make_event("accept", START + timedelta(days=3)), calendar=calendar)
    assert m.MediationCase.from_dict(case.to_dict(), calendar=calendar) == case
    with pytest.raises(InvalidDataError, match="pass that calendar") as error:
        m.MediationCase.from_dict(case.to_dict())
    assert error.value.field.endswith(".calendar")
    with pytest.raises(DerivedFactMismatchError, match="calendar"):
        m.MediationCase.from_dict(case.to_dict(), calendar=WeekendCalendar(name="other"))


def test_an_event_fact_that_does_not_fit_is_named_with_its_value() -> None:
    """The event hook's own errors, read directly from the converter the case uses."""
    day = {"kind": "submit_application", "on": 20250902.0, "party": "Li", "form": "written"}
    with pytest.raises(InvalidDataError) as bad_day:
        converter.structure(day, m.AnyEvent)
    assert (bad_day.value.field, bad_day.value.value) == ("on", 20250902.0)
    assert bad_day.value.message == (
        "event submit_application: on: 20250902.0 is not a day (YYYY-MM-DD)"
    )
    foreign = {"kind": "accept", "on": "2025-09-02", "terms": {"obligations": []}}
    with pytest.raises(InvalidDataError) as extra:
        converter.structure(foreign, m.AnyEvent)
    assert (extra.value.field, extra.value.value) == ("terms", {"obligations": []})
