"""MediationCase on its own: evolve, policy_of and what it shows (mutation run, December 2026)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from mediation_builders import SHENZHEN, new_case, reach

from community_governance import mediation as m
from community_governance import rules_for
from community_governance.calendar import WeekendCalendar
from community_governance.exceptions import (
    CaseFieldTypeError,
    DerivedFactMismatchError,
    InvalidCaseDataError,
    InvalidDataError,
    MissingParameterError,
    RuleSetInputError,
)
from community_governance.mediation.case import policy_of
from community_governance.rules import Layer, RuleSet
from golden import check_golden, render

S = m.CaseState
GOLDEN = Path(__file__).parent / "golden"


def test_evolve_changes_each_record_by_flat_name_and_keeps_the_rest() -> None:
    case = reach(S.IN_MEDIATION)
    consent = m.Consent("Li", date(2025, 3, 4), True)
    changed = case.evolve(
        consents=(consent,),
        sessions=(m.Session(place="hall"),),
        closed_on=date(2025, 5, 1),
        case_id="(2025) 人调字第 8 号",
        state=S.TERMINATED,
        notices=(),
    )
    assert changed.consents == (consent,) and changed.intake.consents == (consent,)
    assert changed.intake.accepted_on == case.intake.accepted_on  # the rest of the record kept
    assert changed.sessions == (m.Session(place="hall"),)
    assert changed.mediators == case.mediators
    assert changed.closed_on == date(2025, 5, 1) and changed.termination is None
    assert changed.case_id == "(2025) 人调字第 8 号" and changed.committee == case.committee
    assert changed.state is S.TERMINATED and changed.notices == ()
    assert changed.agreements == case.agreements and changed.trail == case.trail
    assert case.evolve() == case
    assert case.evolve(trail=()).trail == () and case.evolve(agreements=()).agreements == ()


def test_evolve_refuses_a_name_that_is_not_a_field() -> None:
    case = new_case()
    with pytest.raises(InvalidCaseDataError) as caught:
        case.evolve(colour="red")
    assert str(caught.value).startswith("MediationCase has no field 'colour'")
    assert (caught.value.what, caught.value.field, caught.value.value) == (
        "MediationCase",
        "colour",
        "red",
    )


def test_policy_of_reads_the_rule_sets_policy_and_refuses_anything_else() -> None:
    assert policy_of(rules_for("CN", on=date(2025, 3, 3))).code == "CN"
    with pytest.raises(RuleSetInputError) as caught:
        policy_of("CN")  # type: ignore[arg-type]
    assert str(caught.value).startswith(
        "rules must be a RuleSet (rules_for(code, on=day)), not 'CN'"
    )
    assert (caught.value.field, caught.value.value) == ("rules", "CN")


@pytest.mark.parametrize(
    "state", [S.NEW, S.NOT_ACCEPTED, S.IN_PERFORMANCE, S.PERFORMED, S.TERMINATED]
)
def test_a_case_shows_itself_in_full(state: m.CaseState) -> None:
    case = reach(state)
    check_golden(GOLDEN / f"case-{state.value}.txt", render(case, data=False))


def _schema_1_without_rule(case: m.MediationCase) -> dict[str, Any]:
    """Version 0.1 data that never wrote a ``written_form`` rule (the PML default)."""
    data = case.to_dict()
    policy = {
        k: v
        for k, v in data["policy"].items()
        if not k.startswith(("written_form_required", "written_form_basis", "written_form_advi"))
    }
    return {**data, "schema": "community_governance.mediation_case/1", "policy": policy}


def test_schema_1_data_without_a_written_form_rule_load_under_the_law_alone() -> None:
    local = reach(S.IN_MEDIATION, SHENZHEN)  # Shenzhen: no written-form trigger of its own
    assert m.MediationCase.from_dict(_schema_1_without_rule(local)) == local
    old = {**_schema_1_without_rule(local)}
    old["policy"] = {**old["policy"], "written_form": "local_rule"}
    with pytest.raises(InvalidDataError) as caught:
        m.MediationCase.from_dict(old)
    assert str(caught.value).startswith(
        "MediationCase.from_dict: schema /1 written-form rule 'local_rule' is local; rebuild the "
        "case from its events with MediationCase.open(..., rules=rules_for(code, on=day))"
    )


def test_loading_a_trail_names_the_step_that_does_not_fit() -> None:
    weekend = WeekendCalendar()
    case = m.apply(reach(S.APPLIED), m.make_event("give_consent", date(2025, 3, 6), party="PM"))
    case = m.apply(case, m.make_event("accept", date(2025, 3, 7)), calendar=weekend)
    data = case.to_dict()
    with pytest.raises(InvalidDataError) as caught:
        m.MediationCase.from_dict(data)
    assert str(caught.value).startswith(
        f"MediationCase.from_dict: trail[3] was applied with calendar {weekend.name!r}; "
        "pass that calendar as calendar="
    )
    assert (caught.value.field, caught.value.value) == ("trail[3].calendar", weekend.name)
    assert m.MediationCase.from_dict(data, calendar=weekend) == case
    # a step that no longer applies: the consent removed, acceptance fails its guard
    plain = reach(S.ACCEPTED).to_dict()
    del plain["trail"][2]
    with pytest.raises(InvalidDataError) as caught:
        m.MediationCase.from_dict(plain)
    assert (caught.value.field, caught.value.value) == ("trail[2]", "accept")
    # a stored outcome that differs from the replayed one
    tampered = reach(S.ACCEPTED).to_dict()
    tampered["trail"][0]["to_state"] = "applied"
    with pytest.raises(DerivedFactMismatchError) as mismatch:
        m.MediationCase.from_dict(tampered)
    assert (mismatch.value.what, mismatch.value.field) == (
        "MediationCase.from_dict",
        "trail[0].to_state",
    )


def test_plain_data_of_the_wrong_type_is_refused_naming_the_case() -> None:
    data = reach(S.APPLIED).to_dict()
    data["referral"] = 7
    with pytest.raises(CaseFieldTypeError) as caught:
        m.MediationCase.from_dict(data)
    assert str(caught.value).startswith("MediationCase.from_dict: referral must be a str, got 7")
    assert (caught.value.what, caught.value.field, caught.value.value) == (
        "MediationCase.from_dict",
        "referral",
        7,
    )


def test_the_trail_in_words_numbers_each_step_and_names_who_recorded_it() -> None:
    case = m.apply(
        new_case(),
        m.make_event("report_dispute", date(2025, 3, 4), source="grid_worker", by="Zhou"),
    )
    case = m.apply(case, m.make_event("initiate_ex_officio", date(2025, 3, 5)))
    lines = case.explain().splitlines()
    assert "1. 2025-03-04 report_dispute: new → reported (Zhou)" in lines
    assert "2. 2025-03-05 initiate_ex_officio: reported → awaiting_consent" in lines


def _refusal(data: dict[str, Any]) -> CaseFieldTypeError:
    with pytest.raises(CaseFieldTypeError) as caught:
        m.MediationCase.from_dict(data)
    return caught.value


def test_every_plain_field_is_type_checked_even_after_a_missing_one() -> None:
    data = reach(S.APPLIED).to_dict()
    del data["source"]  # an earlier field left out does not end the checking
    data["referral"] = 7
    assert _refusal(data).field == "referral"


@pytest.mark.parametrize(
    ("consents", "where", "message"),
    [
        ("Li", "consents", "consents must be a list of Consent, got 'Li'"),
        (["Li"], "consents[0]", "consents[0] must be a Consent (a mapping), got 'Li'"),
        ([None], "consents[0]", "consents[0] must be a Consent (a mapping), got None"),
    ],
)
def test_a_record_list_of_the_wrong_shape_is_refused_naming_the_item(
    consents: object, where: str, message: str
) -> None:
    data = reach(S.APPLIED).to_dict()
    data["consents"] = consents
    error = _refusal(data)
    assert str(error).startswith(f"MediationCase.from_dict: {message}")
    assert (error.field, error.value) == (where, consents if where == "consents" else consents[0])  # type: ignore[index]


def test_an_unknown_event_kind_in_the_trail_is_refused_as_unknown() -> None:
    data = reach(S.APPLIED).to_dict()
    data["trail"][0]["event"]["kind"] = "bogus"
    with pytest.raises(InvalidDataError, match="kind: 'bogus' is not one of the EventKind values"):
        m.MediationCase.from_dict(data)


def test_a_stored_state_that_the_trail_does_not_reach_is_refused() -> None:
    data = reach(S.APPLIED).to_dict()
    data["state"] = "accepted"
    with pytest.raises(DerivedFactMismatchError) as caught:
        m.MediationCase.from_dict(data)
    assert (caught.value.what, caught.value.field) == ("MediationCase.from_dict", "state")


def test_evolve_replaces_the_agreements_of_a_case_that_has_some() -> None:
    drafted = reach(S.AGREEMENT_DRAFTED)
    assert len(drafted.agreements) == 1
    assert drafted.evolve(agreements=()).agreements == ()
    assert drafted.evolve(state=S.IN_MEDIATION).agreements == drafted.agreements


def test_policy_of_names_the_missing_policy() -> None:
    bare = RuleSet("T", date(2025, 3, 3), (Layer("T", "t", None, None),))
    with pytest.raises(MissingParameterError) as caught:
        policy_of(bare)
    assert caught.value.param == "mediation.policy"


def test_a_case_from_both_its_fields_and_an_identity_is_refused() -> None:
    case = new_case()
    with pytest.raises(InvalidCaseDataError) as caught:
        m.MediationCase(case.case_id, identity=case.identity)
    assert str(caught.value).startswith(
        "MediationCase: give the identity fields or identity=, not both"
    )
    assert (caught.value.what, caught.value.field, caught.value.value) == (
        "MediationCase",
        "identity",
        case.identity,
    )
