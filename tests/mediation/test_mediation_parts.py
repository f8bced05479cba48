"""A case is its identity (validated once, shared) and one small record per phase."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from mediation_builders import NATIONAL, START, new_case, reach

from community_governance import mediation as m
from community_governance.exceptions import InvalidCaseDataError

S = m.CaseState
K = m.EventKind

#: The flat fields of ``to_dict`` (schema /2), in order, as before the case had parts.
FLAT = [
    "case_id",
    "committee",
    "parties",
    "dispute",
    "policy",
    "state",
    "source",
    "application_form",
    "applied_on",
    "referral",
    "court_delegated",
    "consents",
    "accepted_on",
    "limitation_interrupted_on",
    "mediators",
    "sessions",
    "mediation_deadline",
    "extensions",
    "written_form_requested_by",
    "agreements",
    "notices",
    "termination",
    "not_accepted_reason",
    "closed_on",
    "non_performance",
    "trail",
]


def test_the_serialised_form_is_the_flat_one() -> None:
    data = reach(S.PERFORMED).to_dict()
    assert list(data) == ["schema", *FLAT]
    assert data["schema"] == "community_governance.mediation_case/3"


def test_identity_and_untouched_records_are_shared_by_later_steps() -> None:
    case = reach(S.IN_MEDIATION)
    on = START + timedelta(days=9)
    after = m.apply(case, m.SessionEvent(K.HOLD_SESSION, on, m.Session()))
    assert after.identity is case.identity
    assert after.intake is case.intake and after.closing is case.closing
    assert after.mediating is not case.mediating
    assert after.sessions == (m.Session(),) and after.mediators == case.mediators


def test_party_ids_are_computed_once_from_the_parties() -> None:
    case = new_case()
    assert case.party_ids == frozenset({"Li", "PM"}) == case.identity.party_ids
    field = attrs.fields(m.CaseIdentity).party_ids
    assert not field.init and not field.eq


def test_both_constructors_build_the_same_case() -> None:
    case = new_case()
    again = m.MediationCase(identity=case.identity)
    assert again == case and again.state is S.NEW and again.trail == ()
    with pytest.raises(InvalidCaseDataError, match="not both") as error:
        m.MediationCase("c", identity=case.identity)  # type: ignore[call-overload]
    assert error.value.field == "identity"


def test_evolve_by_flat_names_runs_every_constructor() -> None:
    case = reach(S.ACCEPTED)
    moved = case.evolve(case_id="(2025) 8", referral="street office", state=S.APPLIED)
    assert (moved.case_id, moved.referral, moved.state) == ("(2025) 8", "street office", S.APPLIED)
    assert moved.consents == case.consents and moved.trail == case.trail
    with pytest.raises(InvalidCaseDataError) as error:
        case.evolve(case_id=" ")
    assert (error.value.field, error.value.value) == ("case_id", " ")
    with pytest.raises(InvalidCaseDataError, match="no field 'colour'") as unknown:
        case.evolve(colour="red")
    assert (unknown.value.field, unknown.value.value) == ("colour", "red")


def test_repr_is_one_line_with_the_state_first() -> None:
    case = reach(S.APPLIED, NATIONAL)
    text = repr(case)
    assert text == "<MediationCase applied: case (2025) 人调字第 7 号 (2 events)>"
    assert "\n" not in text


def _identity(parties: tuple[m.Party, ...], committee: str = "rc") -> m.CaseIdentity:
    return m.CaseIdentity("c1", m.Committee(committee), parties, m.Dispute("property"), NATIONAL)


def test_identity_errors_name_the_case_field_and_value() -> None:
    a, b = m.Party("A", "applicant"), m.Party("B", "respondent")
    with pytest.raises(InvalidCaseDataError) as few:
        _identity((a,))
    assert (few.value.what, few.value.field, few.value.value) == ("case c1", "parties", (a,))
    with pytest.raises(InvalidCaseDataError) as twice:
        _identity((a, b, b))
    assert (twice.value.what, twice.value.field, twice.value.value) == ("case c1", "parties", "B")
    assert str(twice.value).startswith("case c1: party id 'B' is used twice")
    with pytest.raises(InvalidCaseDataError) as mediates:
        _identity((a, b), committee="B")
    assert (mediates.value.what, mediates.value.field, mediates.value.value) == (
        "case c1",
        "committee",
        "B",
    )
    assert str(mediates.value).startswith(
        "case c1: 'B' cannot both mediate and be a party "
        "(a library design decision: a mediator must not be a party)"
    )
