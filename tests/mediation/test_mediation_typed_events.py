"""Events are typed per set of facts: one declared type per kind, facts as typed attributes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs
import pytest
from mediation_builders import START, reach, terms

from community_governance import mediation as m
from community_governance.exceptions import (
    CaseFieldTypeError,
    InvalidCaseDataError,
    InvalidDataError,
    TransitionTableError,
)
from community_governance.mediation import table
from community_governance.mediation.events import _absent
from community_governance.rules.periods import Period

K = m.EventKind
S = m.CaseState

#: The required facts per kind before the typed events (the old REQUIRED_FIELDS dict).
OLD_REQUIRED: dict[m.EventKind, tuple[str, ...]] = {
    K.REPORT_DISPUTE: ("source",),
    K.SUBMIT_APPLICATION: ("party", "form"),
    K.RECEIVE_REFERRAL: ("body",),
    K.REQUEST_CONSENT: ("party",),
    K.GIVE_CONSENT: ("party",),
    K.PARTY_REFUSES: ("party",),
    K.REJECT: ("reason",),
    K.REPLACE_MEDIATOR: ("target", "mediators", "reason"),
    K.HOLD_SESSION: ("session",),
    K.EXTEND_PERIOD: ("period",),
    K.WITHDRAW: ("party",),
    K.REPORT_ESCALATION: ("body",),
    K.PARALLEL_PROCEEDING: ("body",),
    K.TERMINATE_BAD_FAITH: ("reason",),
    K.TERMINATE_OTHER: ("reason",),
    K.REQUEST_WRITTEN_FORM: ("party",),
    K.REACH_ORAL_AGREEMENT: ("terms",),
    K.DRAFT_AGREEMENT: ("terms",),
    K.SIGN: ("party", "method"),
    K.DECLINE_TO_SIGN: ("party",),
    K.RECORD_PERFORMANCE: ("target",),
    K.URGE_PERFORMANCE: ("target",),
    K.APPLY_CONFIRMATION: ("body",),
    K.COURT_REJECTS: ("reason",),
    K.COURT_NOT_ACCEPTED: ("reason",),
}

#: A valid value for every fact.
GOOD: dict[str, Any] = {
    "party": "Li",
    "form": "written",
    "method": "seal",
    "source": "screening",
    "body": "district court",
    "reason": "r",
    "target": "o1",
    "mediators": (m.Mediator("m2"),),
    "session": m.Session(),
    "period": Period(days=5),
    "terms": terms(),
}


def _required(carrier: type) -> list[str]:
    return [
        f.name
        for f in attrs.fields(carrier)
        if f.default is attrs.NOTHING and f.name not in ("kind", "on")
    ]


def test_every_kind_has_exactly_one_type() -> None:
    assert set(m.EVENT_TYPES) == set(K)
    carriers = set(m.EVENT_TYPES.values())
    assert carriers == set(m.AnyEvent.__args__)  # type: ignore[attr-defined]
    for carrier in carriers:
        assert attrs.has(carrier) and "__slots__" in carrier.__dict__
        assert [f.name for f in attrs.fields(carrier)][:2] == ["kind", "on"]
        assert {f.name for f in attrs.fields(carrier)} - {"kind", "on"} <= set(m.FACTS)


def test_the_required_facts_are_the_old_ones() -> None:
    required = {kind: tuple(_required(c)) for kind, c in m.EVENT_TYPES.items() if _required(c)}
    assert required == OLD_REQUIRED
    assert m.REQUIRED_FIELDS == OLD_REQUIRED


@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
def test_each_kind_builds_with_its_facts_and_is_frozen(kind: m.EventKind) -> None:
    carrier = m.EVENT_TYPES[kind]
    facts = {name: GOOD[name] for name in _required(carrier)}
    event = carrier(kind, START, **facts)
    assert event == m.make_event(kind.value, START, **facts)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.by = "x"  # type: ignore[misc]
    assert not hasattr(event, "__dict__")


@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
def test_a_kind_with_another_type_names_kind_field_and_value(kind: m.EventKind) -> None:
    carrier = m.EVENT_TYPES[kind]
    other = next(k for k in K if m.EVENT_TYPES[k] is not carrier)
    facts = {name: GOOD[name] for name in _required(carrier)}
    with pytest.raises(CaseFieldTypeError) as error:
        carrier(other, START, **facts)
    assert (error.value.what, error.value.field, error.value.value) == (
        f"event {other.value}",
        "kind",
        other.value,
    )
    assert m.EVENT_TYPES[other].__name__ in str(error.value)


@pytest.mark.parametrize(
    ("kind", "field"),
    [(kind, field) for kind, fields in OLD_REQUIRED.items() for field in fields],
    ids=str,
)
def test_a_missing_fact_names_kind_field_and_value(kind: m.EventKind, field: str) -> None:
    carrier = m.EVENT_TYPES[kind]
    facts = {name: GOOD[name] for name in _required(carrier) if name != field}
    absent = m.FACTS[field]
    with pytest.raises(InvalidCaseDataError) as error:
        carrier(kind, START, **facts, **{field: absent})
    assert (error.value.what, error.value.field, error.value.value) == (
        f"event {kind.value}",
        field,
        absent,
    )
    with pytest.raises(InvalidCaseDataError, match=f"needs '{field}'"):
        m.make_event(kind, START, **facts)  # the fact left out


def test_the_day_must_be_a_date() -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.BareEvent(K.ACCEPT, "2025-03-03")  # type: ignore[arg-type]
    assert (error.value.what, error.value.field) == ("event accept", "on")


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidCaseDataError, match="kind: 'mediate_harder' is not one of") as error:
        m.make_event("mediate_harder", START)
    assert (error.value.field, error.value.value) == ("kind", "mediate_harder")


@pytest.mark.parametrize(
    ("make", "field", "value"),
    [
        (
            lambda: m.ApplicationEvent(K.SUBMIT_APPLICATION, START, "Li", form="email"),
            "form",
            "email",
        ),
        (lambda: m.SigningEvent(K.SIGN, START, "Li", "thumbprint"), "method", "thumbprint"),
        (lambda: m.Party("Li", "boss"), "role", "boss"),
        (lambda: m.Party("Li", "applicant", "robot"), "kind", "robot"),
        (lambda: m.Committee("x", "court"), "kind", "court"),
        (lambda: m.Dispute("roads", "fees", claims=["x"]), "type", "roads"),
    ],
)
def test_an_unknown_value_names_its_field(make: Any, field: str, value: str) -> None:
    with pytest.raises(InvalidCaseDataError, match=f"^{field}: '{value}' is not one of") as error:
        make()
    assert (error.value.field, error.value.value) == (field, value)


@pytest.mark.parametrize("moment", [datetime(2025, 3, 3), datetime(2025, 3, 3, 23, 59)])
def test_a_datetime_is_not_a_day(moment: datetime) -> None:
    with pytest.raises(InvalidCaseDataError, match=r"pass \.date\(\)") as error:
        m.BareEvent(K.ACCEPT, moment)
    assert (error.value.field, error.value.value) == ("on", moment)
    agreed = m.AgreementTerms([m.Obligation("pay", "Li", "pay", due=date(2025, 3, 3))], "")
    assert agreed.obligations[0].due == date(2025, 3, 3)
    with pytest.raises(InvalidCaseDataError, match=r"due must be a datetime.date") as error:
        m.Obligation("pay", "Li", "pay", due=moment)
    assert error.value.field == "due"


@pytest.mark.parametrize(
    ("kind", "facts", "field"),
    [
        ("accept", {"party": "Li"}, "party"),
        ("give_consent", {"party": "Li", "session": m.Session()}, "session"),
        ("sign", {"party": "Li", "method": "seal", "deemed": True}, "deemed"),
        ("accept", {"colour": "red"}, "colour"),
        ("accept", {"mediators": [m.Mediator("m1")]}, "mediators"),
    ],
)
def test_make_event_refuses_a_fact_the_type_does_not_carry(
    kind: str, facts: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.make_event(kind, START, **facts)
    assert (error.value.what, error.value.field) == (f"event {kind}", field)
    assert error.value.value == facts[field] and "carries no fact" in str(error.value)


def test_make_event_ignores_absent_facts_of_other_types() -> None:
    event = m.make_event(
        "accept", START, party="", parties=[], session=None, deemed=False, mediators=()
    )
    assert event == m.BareEvent(K.ACCEPT, START)


@pytest.mark.parametrize(
    ("value", "default", "absent"),
    [
        ("", "", True),
        ("x", "", False),
        ([], (), True),
        (["x"], (), False),
        ([], "", False),
        (0, False, False),
        (None, None, True),
        (False, False, True),
        ((), (), True),
    ],
)
def test_absent_values(value: object, default: object, absent: bool) -> None:
    assert _absent(value, default) is absent


def test_the_old_event_still_builds_the_typed_event_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="make_event"):
        event = m.Event("sign", START, "clerk", party="Li", method="signature")
    assert event == m.SigningEvent(K.SIGN, START, "Li", "signature", by="clerk")
    assert type(event) is m.SigningEvent


def test_typed_events_apply_like_the_old_ones() -> None:
    case = reach(S.IN_MEDIATION)
    on = date(2025, 3, 20)
    drafted = m.apply(case, m.TermsEvent(K.DRAFT_AGREEMENT, on, terms()))
    assert drafted.state is S.AGREEMENT_DRAFTED
    signed = m.apply(drafted, m.SigningEvent(K.SIGN, on, "Li", m.SigningMethod.SIGNATURE))
    assert signed.agreement is not None and signed.agreement.signatures[0].signatory == "Li"


def test_the_table_refuses_a_row_read_with_another_type() -> None:
    row = m.Transition(
        S.APPLIED, K.GIVE_CONSENT, S.APPLIED, (), lambda case, event, cal: {}, m.BareEvent
    )
    with pytest.raises(TransitionTableError, match=r"reads BareEvent.*carried by PartyEvent"):
        table._table([row])


def test_every_row_reads_its_kinds_type() -> None:
    assert all(row.carrier is m.EVENT_TYPES[row.event] for row in m.TABLE.values())


# --------------------------------------------------------------- details the mutants asked for


def test_the_wrong_type_message_names_both_types() -> None:
    with pytest.raises(CaseFieldTypeError) as error:
        m.PartyEvent(K.ACCEPT, START, "Li")
    assert str(error.value).startswith(
        "event accept: kind accept is carried by BareEvent, not PartyEvent"
    )


def test_a_day_that_is_not_a_date_is_named_with_its_value() -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.BareEvent(K.ACCEPT, "2025-03-03")  # type: ignore[arg-type]
    assert error.value.value == "2025-03-03"
    assert str(error.value).startswith("event accept: on must be a datetime.date, got '2025-03-03'")


@pytest.mark.parametrize(
    ("build", "field", "value", "expected"),
    [
        (lambda v: m.SessionEvent(K.HOLD_SESSION, START, v), "session", "morning", "Session"),
        (lambda v: m.TermsEvent(K.DRAFT_AGREEMENT, START, v), "terms", ["pay"], "AgreementTerms"),
        (lambda v: m.ExtensionEvent(K.EXTEND_PERIOD, START, v), "period", 30, "Period"),
    ],
)
def test_a_record_fact_of_another_type_is_a_type_error(
    build: Any, field: str, value: object, expected: str
) -> None:
    with pytest.raises(CaseFieldTypeError) as error:
        build(value)
    kind = {"session": "hold_session", "terms": "draft_agreement", "period": "extend_period"}
    assert (error.value.what, error.value.field, error.value.value) == (
        f"event {kind[field]}",
        field,
        value,
    )
    assert f"{field} must be a {expected}, got {value!r}" in str(error.value)


def test_a_missing_record_fact_is_not_a_type_error() -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.SessionEvent(K.HOLD_SESSION, START, None)  # type: ignore[arg-type]
    assert type(error.value) is InvalidCaseDataError
    assert (error.value.what, error.value.field, error.value.value) == (
        "event hold_session",
        "session",
        None,
    )
    assert str(error.value).startswith("event hold_session: needs 'session' (got None)")


def test_replacement_mediators_are_typed_and_required() -> None:
    with pytest.raises(CaseFieldTypeError) as error:
        m.MediatorChange(K.REPLACE_MEDIATOR, START, "m1", ["Zhou"], "recusal")  # type: ignore[list-item]
    assert (error.value.what, error.value.field) == ("event replace_mediator", "mediators")
    with pytest.raises(InvalidCaseDataError) as missing:
        m.MediatorChange(K.REPLACE_MEDIATOR, START, "m1", (), "recusal")
    assert type(missing.value) is InvalidCaseDataError and missing.value.field == "mediators"


def test_a_referral_keeps_its_source() -> None:
    event = m.ReferralEvent(K.RECEIVE_REFERRAL, START, "district court", source="court")
    assert event.source is m.CaseSource.COURT
    assert m.ReferralEvent(K.RECEIVE_REFERRAL, START, "police").source is None


def test_the_refusal_of_a_fact_lists_what_the_type_carries() -> None:
    with pytest.raises(InvalidCaseDataError) as error:
        m.make_event("accept", START, party="Li")
    assert str(error.value).startswith(
        "event accept: BareEvent carries no fact 'party' (got 'Li'; it carries by, reason)"
    )


def test_the_old_event_warns_and_keeps_by_empty() -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
        event = m.Event("accept", START)
    assert event.by == ""
    assert str(caught[0].message) == (
        "mediation.Event(kind, on, ...) is deprecated: build a typed event (PartyEvent, "
        "TermsEvent...) or call make_event(kind, on, ...)"
    )


def test_loading_names_the_event_that_carries_a_foreign_fact() -> None:
    data = reach(S.IN_MEDIATION).to_dict()
    entry = data["trail"][-1]
    bad = dict(entry, event=dict(entry["event"], party="Li"))
    with pytest.raises(InvalidDataError) as error:
        m.MediationCase.from_dict({**data, "trail": [*data["trail"][:-1], bad]})
    assert "event assign_mediators: MediatorsEvent carries no fact 'party' (got 'Li')" in str(
        error.value
    )
