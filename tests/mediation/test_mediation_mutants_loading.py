"""Loading schema /2 cases, a recorder in the Chinese trail, warnings in the HTML trail.

The scenarios the mutants of ``mediation.case`` and ``mediation.phases.agreement`` called for
after the bilingual warnings (schema /3) and permissions.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from mediation_builders import NATIONAL, new_case, reach, schema_2, terms

from community_governance import mediation as m
from community_governance.exceptions import (
    CaseFieldTypeError,
    DerivedFactMismatchError,
    InvalidCaseDataError,
)
from community_governance.mediation import table

S, K = m.CaseState, m.EventKind
WHAT = "MediationCase.from_dict"


def _next(case: m.MediationCase) -> date:
    return case.trail[-1].event.on + timedelta(days=1)


def _no_rights_notice() -> m.MediationCase:
    case = reach(S.ACCEPTED)
    mediators = (m.Mediator("m1"),)
    return m.apply(case, m.MediatorsEvent(K.ASSIGN_MEDIATORS, _next(case), mediators))


def test_a_schema_2_case_without_a_trail_or_step_warnings_loads() -> None:
    fresh = new_case()
    data = schema_2(fresh)
    del data["trail"]
    assert m.MediationCase.from_dict(data) == fresh
    case = reach(S.REPORTED)
    old = schema_2(case)
    for step in old["trail"]:
        del step["warnings"]
    assert m.MediationCase.from_dict(old) == case


def test_a_schema_2_header_that_disagrees_is_refused() -> None:
    old = schema_2(reach(S.REPORTED))
    old["state"] = S.TERMINATED.value
    with pytest.raises(DerivedFactMismatchError) as error:
        m.MediationCase.from_dict(old)
    assert (error.value.what, error.value.field) == (WHAT, "state")


def test_schema_2_warnings_that_disagree_name_the_loader() -> None:
    old = schema_2(_no_rights_notice())
    old["trail"][-1]["warnings"] = []
    with pytest.raises(DerivedFactMismatchError) as error:
        m.MediationCase.from_dict(old)
    assert (error.value.what, error.value.field) == (WHAT, "trail[4].warnings")


@pytest.mark.parametrize(
    ("trail", "field", "expected"),
    [
        ("not a list", "trail", "a list of TrailEntry (mappings)"),
        ([{"warnings": "one text"}], "trail[0].warnings", "a list of str (schema /2)"),
    ],
    ids=["trail", "warnings"],
)
def test_schema_2_data_of_the_wrong_shape_say_what_was_expected(
    trail: Any, field: str, expected: str
) -> None:
    old = {**schema_2(reach(S.REPORTED)), "trail": trail}
    with pytest.raises(CaseFieldTypeError) as error:
        m.MediationCase.from_dict(old)
    value = trail if field == "trail" else "one text"
    assert (error.value.field, error.value.value) == (field, value)
    assert error.value.message == f"{WHAT}: {field} must be {expected}, got {value!r}"


def test_the_chinese_trail_names_who_recorded_a_step() -> None:
    case = reach(S.ACCEPTED)
    event = m.MediatorsEvent(K.ASSIGN_MEDIATORS, _next(case), (m.Mediator("m1"),), by="王调解员")
    step = m.apply(case, event)  # the step line, then its warning (no rights notice)
    assert step.explain("zh").splitlines()[-2] == (
        "5. 2025-03-08 指定调解员：已受理登记 → 调解中（王调解员）"
    )
    assert step.explain().splitlines()[-2] == (
        "5. 2025-03-08 assign_mediators: accepted → in_mediation (王调解员)"
    )


def test_the_html_trail_shows_each_step_s_warnings() -> None:
    case = _no_rights_notice()
    (warning,) = case.trail[-1].warnings
    assert f"<td>{str(warning).replace(chr(39), '&#x27;')}</td></tr>" in case._repr_html_()


def test_the_written_form_advice_is_not_a_warning_when_it_is_not_triggered() -> None:
    # the Chinese reason of a soft guard that holds is empty, and a warning needs one
    guard = table.GUARDS["written_form_advised"]
    quiet = attrs.evolve(NATIONAL, written_form_advised_for=())
    for policy, advised in ((NATIONAL, True), (quiet, False)):
        case = reach(S.IN_MEDIATION, policy)
        on = _next(case)
        oral = m.make_event("reach_oral_agreement", on, parties=["Li", "PM"], terms=terms(on))
        assert (guard.check(case, oral) is not None) is advised
    with pytest.raises(InvalidCaseDataError, match="zh"):
        guard.warning(case, oral, "x")
