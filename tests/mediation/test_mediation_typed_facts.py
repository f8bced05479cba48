"""Every fact is checked by type when built and when loaded; old data still load."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from mediation_builders import NATIONAL, NINGBO, SHENZHEN, START, reach, schema_2

from community_governance import mediation as m
from community_governance.exceptions import (
    CaseFieldTypeError,
    InvalidCaseDataError,
    InvalidDataError,
    TransitionTableError,
)
from community_governance.mediation import table
from community_governance.rules.periods import Period

S = m.CaseState

BAD_FACTS: list[tuple[str, dict[str, Any], str]] = [
    ("hold_session", {"session": "morning"}, "session"),
    ("extend_period", {"period": "1 month", "parties": ["Li", "PM"]}, "period"),
    ("draft_agreement", {"terms": {"obligations": []}}, "terms"),
    ("assign_mediators", {"mediators": ["Zhou"]}, "mediators"),
    ("give_consent", {"party": ["Li"]}, "party"),
    ("declare_failure", {"routes_advised": "yes"}, "routes_advised"),
    ("follow_up_visit", {"by": 7}, "by"),
]


@pytest.mark.parametrize(("kind", "facts", "field"), BAD_FACTS)
def test_event_facts_are_typed(kind: str, facts: dict[str, Any], field: str) -> None:
    with pytest.raises(CaseFieldTypeError) as error:
        m.make_event(kind, START, **facts)
    assert (error.value.what, error.value.field) == (f"event {kind}", field)
    assert error.value.value == facts[field] or error.value.value == tuple(facts[field])
    assert isinstance(error.value, TypeError) and isinstance(error.value, InvalidCaseDataError)
    assert field in str(error.value)


def test_records_refuse_strings_for_booleans_and_records() -> None:
    with pytest.raises(CaseFieldTypeError, match="lead") as error:
        m.Mediator("Zhou", lead="no")  # type: ignore[arg-type]
    assert (error.value.what, error.value.value) == ("Mediator Zhou", "no")
    with pytest.raises(CaseFieldTypeError, match="public"):
        m.Session(public="yes")  # type: ignore[arg-type]
    with pytest.raises(CaseFieldTypeError, match="owners_committee"):
        m.Party("Li", "applicant", owners_committee=1)  # type: ignore[arg-type]
    with pytest.raises(CaseFieldTypeError, match="place"):
        m.Session(place=["hall"])  # type: ignore[arg-type]
    with pytest.raises(CaseFieldTypeError, match="obligations"):
        m.AgreementTerms(["pay"])  # type: ignore[list-item]
    with pytest.raises(CaseFieldTypeError, match="committee"):
        m.MediationCase(
            "c",
            "rc",  # type: ignore[arg-type]
            [m.Party("a", "applicant"), m.Party("b", "respondent")],
            m.Dispute("property"),
            NATIONAL,
        )
    with pytest.raises(CaseFieldTypeError, match="policy"):
        m.MediationCase(
            "c",
            m.Committee("rc"),
            [m.Party("a", "applicant"), m.Party("b", "respondent")],
            m.Dispute("property"),
            "CN",  # type: ignore[arg-type]
        )


def test_from_dict_refuses_a_wrongly_typed_fact() -> None:
    data = reach(S.IN_MEDIATION).to_dict()
    entry = data["trail"][-1]
    bad = dict(entry, event=dict(entry["event"], rights_notice="yes"))
    with pytest.raises(CaseFieldTypeError, match="rights_notice") as error:
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], bad]})
    assert error.value.field == "trail[4].event.rights_notice" and error.value.value == "yes"
    mediators = [dict(entry["event"]["mediators"][0], lead="no")]
    bad = dict(entry, event=dict(entry["event"], mediators=mediators))
    with pytest.raises(CaseFieldTypeError) as error:
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], bad]})
    assert error.value.field == "trail[4].event.mediators[0].lead"
    with pytest.raises(CaseFieldTypeError, match="case_id"):
        m.MediationCase.from_dict({**data, "case_id": 12})


def _held() -> m.MediationCase:
    case = reach(S.IN_MEDIATION)
    on = case.trail[-1].event.on
    case = m.apply(case, m.SessionEvent(m.EventKind.HOLD_SESSION, on, m.Session()))
    extend = m.ExtensionEvent(m.EventKind.EXTEND_PERIOD, on, Period(days=5), parties=("Li", "PM"))
    return m.apply(case, extend)


@pytest.mark.parametrize(
    ("step", "name", "value", "field"),
    [
        (5, "session", "morning", "trail[5].event.session"),
        (6, "period", "1 month", "trail[6].event.period"),
        (4, "mediators", ["Zhou"], "trail[4].event.mediators[0]"),
        (4, "mediators", "Zhou", "trail[4].event.mediators"),
        (2, "party", ["Li"], "trail[2].event.party"),
    ],
)
def test_from_dict_names_a_wrongly_typed_event_fact(
    step: int, name: str, value: Any, field: str
) -> None:
    data = _held().to_dict()
    entry = data["trail"][step]
    bad = dict(entry, event=dict(entry["event"], **{name: value}))
    trail = [*data["trail"][:step], bad, *data["trail"][step + 1 :]]
    with pytest.raises(CaseFieldTypeError) as error:
        m.MediationCase.from_dict({**data, "trail": trail})
    assert error.value.field == field and field in str(error.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("session", {"public": False}), ("period", {"days": 1}), ("party", "Li"), ("deemed", True)],
)
def test_from_dict_refuses_a_fact_the_kind_does_not_carry(name: str, value: Any) -> None:
    data = reach(S.IN_MEDIATION).to_dict()
    entry = data["trail"][-1]  # assign_mediators: a MediatorsEvent
    bad = dict(entry, event=dict(entry["event"], **{name: value}))
    with pytest.raises(InvalidDataError, match=f"MediatorsEvent carries no fact '{name}'"):
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], bad]})


def test_from_dict_keeps_the_old_event_form() -> None:
    case = _held()
    data = case.to_dict()
    event = data["trail"][5]["event"]
    assert list(event) == ["kind", "on", *m.FACTS]  # the one-bag form, every fact present
    assert event["party"] == "" and event["session"]["public"] is False
    assert m.MediationCase.from_dict(data) == case
    assert type(m.MediationCase.from_dict(data).trail[5].event) is m.SessionEvent


@pytest.mark.parametrize("event", ["hold_session", {"kind": "hold_session"}, {"on": "2025-03-03"}])
def test_from_dict_refuses_an_event_without_kind_or_day(event: Any) -> None:
    data = reach(S.IN_MEDIATION).to_dict()
    bad = dict(data["trail"][-1], event=event)
    with pytest.raises(InvalidDataError, match="kind and on"):
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], bad]})


def test_from_dict_accepts_an_absent_optional_record() -> None:
    data = reach(S.IN_MEDIATION).to_dict()
    assert data["trail"][-1]["event"]["session"] is None
    assert m.MediationCase.from_dict(data) == reach(S.IN_MEDIATION)


def test_policy_values_are_typed() -> None:
    basis = NATIONAL.period_basis
    good: dict[str, Any] = {
        "code": "XX",
        "name": "x",
        "period": Period(days=30),
        "hard": False,
        "period_basis": basis,
        "extension_basis": basis,
    }
    assert m.MediationPolicy(**good).written_form_required_for == ()
    with pytest.raises(CaseFieldTypeError, match="hard"):
        m.MediationPolicy(**{**good, "hard": "no"})
    with pytest.raises(CaseFieldTypeError, match="period"):
        m.MediationPolicy(**{**good, "period": 30})
    with pytest.raises(InvalidCaseDataError, match="written_form_required_for"):
        m.MediationPolicy(**{**good, "written_form_required_for": "obligations"})
    with pytest.raises(InvalidCaseDataError, match="written_form_basis"):
        m.MediationPolicy(**{**good, "written_form_required_for": ["obligations"]})
    with pytest.raises(InvalidCaseDataError, match="written_form_advice_basis"):
        m.MediationPolicy(**{**good, "written_form_advised_for": ["obligations"]})
    both = m.MediationPolicy(
        **good,
        written_form_advised_for=["obligations", "obligations"],
        written_form_advice_basis=basis,
    )
    assert both.written_form_advised_for == (m.WrittenFormTrigger.OBLIGATIONS,)


def schema_1(case: m.MediationCase, rule: str) -> dict[str, Any]:
    """``case.to_dict()`` as version 0.1 wrote it (one ``written_form`` rule)."""
    data = schema_2(case)
    policy = dict(data["policy"])
    for name in (
        "written_form_required_for",
        "written_form_basis",
        "written_form_advised_for",
        "written_form_advice_basis",
    ):
        policy.pop(name)
    return {
        **data,
        "schema": "community_governance.mediation_case/1",
        "policy": {**policy, "written_form": rule},
    }


def test_schema_1_data_still_load() -> None:
    national = reach(S.IN_PERFORMANCE)
    assert m.MediationCase.from_dict(schema_1(national, "moj_2002")) == national
    local = reach(S.IN_MEDIATION, SHENZHEN)
    assert m.MediationCase.from_dict(schema_1(local, "pml_only")) == local
    old = schema_1(reach(S.ACCEPTED, NINGBO), "local_rule")
    with pytest.raises(InvalidDataError, match=r"MediationCase\.open") as error:
        m.MediationCase.from_dict(old)
    assert (error.value.field, error.value.value) == ("policy.written_form", "local_rule")


def test_table_refuses_duplicate_rows_and_guards() -> None:
    row = table.TABLE[(S.NEW, m.EventKind.REPORT_DISPUTE)]
    with pytest.raises(TransitionTableError, match="two rows"):
        table._table([row, row])
    guard = table.GUARDS["party_known"]
    twin = attrs.evolve(guard, rule_zh="另一条")
    with pytest.raises(TransitionTableError, match="declared twice"):
        table._guards([(guard,), (twin,)])


def test_case_str_puts_the_state_first() -> None:
    case = reach(S.APPLIED)
    assert str(case).startswith("applied: case ")
    assert date(2025, 1, 1) < START


def test_from_dict_refuses_data_that_is_not_a_dict() -> None:
    with pytest.raises(InvalidDataError, match="must be a dict"):
        m.MediationCase.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]


def test_every_event_type_shares_the_common_facts() -> None:
    for kind, carrier in m.EVENT_TYPES.items():
        assert issubclass(carrier, m.EventFacts), kind
        names = [field.name for field in attrs.fields(carrier)]
        assert names[:3] == ["kind", "on", "by"]
    assert not hasattr(m.PartyEvent(m.EventKind.GIVE_CONSENT, START, "Li"), "__dict__")
    with pytest.raises(CaseFieldTypeError, match="carried by BareEvent, not EventFacts"):
        m.EventFacts(m.EventKind.ACCEPT, START)
