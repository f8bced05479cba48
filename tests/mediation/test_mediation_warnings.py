"""Soft-guard warnings: recorded in both languages, cited, and checked when a case is loaded."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import attrs
import pytest
from mediation_builders import NATIONAL, START, reach, schema_2, terms

from community_governance import mediation as m
from community_governance.exceptions import (
    CaseFieldTypeError,
    DerivedFactMismatchError,
    InvalidCaseDataError,
    TransitionTableError,
)
from community_governance.mediation import table

S, K = m.CaseState, m.EventKind
_ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


def _next(case: m.MediationCase) -> date:
    return case.trail[-1].event.on + timedelta(days=1)


def _other_body() -> m.MediationCase:
    case = reach(S.APPLIED, before_other_body="区法院")
    case = m.apply(case, m.PartyEvent(K.GIVE_CONSENT, _next(case), "PM"))
    return m.apply(case, m.BareEvent(K.ACCEPT, _next(case)))


def _no_rights_notice() -> m.MediationCase:
    case = reach(S.ACCEPTED)
    mediators = (m.Mediator("m1"),)
    return m.apply(case, m.MediatorsEvent(K.ASSIGN_MEDIATORS, _next(case), mediators))


def _oral(policy: m.MediationPolicy = NATIONAL, **dispute: object) -> m.MediationCase:
    case = reach(S.IN_MEDIATION, policy, **dispute)
    on = _next(case)
    later = terms(on + timedelta(days=5))
    event = m.make_event("reach_oral_agreement", on, parties=["Li", "PM"], terms=later)
    return m.apply(case, event)


def test_each_soft_guard_records_a_bilingual_cited_warning() -> None:
    cases = {
        "not_before_other_body": (_other_body(), "纠纷已由区法院受理或处理"),
        "rights_notice_given": (_no_rights_notice(), "未记录权利义务告知"),
        "written_form_advised": (_oral(), "涉及民事权利义务，调解规则建议采用书面协议"),
    }
    for guard, (case, zh) in cases.items():
        (warning,) = case.trail[-1].warnings
        assert warning.guard == guard
        assert warning.zh == zh and warning.explain("zh").startswith(f"{warning.rule_zh}：{zh}（")
        assert not _ASCII_WORD.search(warning.zh), warning.zh
        assert warning.citation.format("zh") in warning.explain("zh")
        assert str(warning) == f"{guard}: {warning.en} [{warning.citation.format()}]"
        assert warning.explain() == str(warning)
        assert repr(warning) == f"<GuardWarning {warning} | {warning.rule_zh}：{zh}>"
        assert warning.zh in warning._repr_html_() and "<table" in warning._repr_html_()


def test_the_written_form_advice_names_each_trigger_in_both_languages() -> None:
    trigger = m.WrittenFormTrigger
    deferred = attrs.evolve(NATIONAL, written_form_advised_for=(trigger.DEFERRED_PERFORMANCE,))
    (late,) = _oral(deferred).trail[-1].warnings
    assert late.en.startswith("performance is not immediate (obligations o1)")
    assert late.zh == "不能即时履行（义务 o1），调解规则建议采用书面协议"
    major = attrs.evolve(NATIONAL, written_form_advised_for=(trigger.MAJOR_OR_COMPLEX,))
    (complex_,) = _oral(major, complex=True).trail[-1].warnings
    assert complex_.zh == "纠纷重大、复杂，调解规则建议采用书面协议"
    assert _oral(major).trail[-1].warnings == ()


def test_a_chinese_explanation_shows_the_warning_in_chinese() -> None:
    text = _no_rights_notice().explain("zh")
    assert "! 告知当事人权利义务：未记录权利义务告知（" in text
    assert "rights_notice_given" not in text
    assert "! rights_notice_given: no rights-and-duties notice recorded" in (
        _no_rights_notice().explain()
    )


def test_warnings_round_trip_through_json_schema_3() -> None:
    case = _no_rights_notice()
    data = json.loads(json.dumps(case.to_dict(), ensure_ascii=False))
    assert data["schema"] == "community_governance.mediation_case/3"
    assert data["trail"][-1]["warnings"][0]["zh"] == case.trail[-1].warnings[0].zh
    assert m.MediationCase.from_dict(data) == case


def test_a_changed_stored_warning_is_refused() -> None:
    data = _no_rights_notice().to_dict()
    data["trail"][-1]["warnings"][0]["zh"] = "已告知"
    with pytest.raises(DerivedFactMismatchError) as error:
        m.MediationCase.from_dict(data)
    assert error.value.field == "trail[4].warnings"
    assert "已告知" in str(error.value) and "未记录权利义务告知" in str(error.value)
    data["trail"][-1]["warnings"] = []
    with pytest.raises(DerivedFactMismatchError, match=r"trail\[4\]\.warnings"):
        m.MediationCase.from_dict(data)


def test_schema_2_texts_still_load_and_are_checked() -> None:
    case = _no_rights_notice()
    old = schema_2(case)
    assert old["trail"][-1]["warnings"] == [str(case.trail[-1].warnings[0])]
    loaded = m.MediationCase.from_dict(old)
    assert loaded == case and loaded.trail[-1].warnings[0].zh
    old["trail"][-1]["warnings"] = ["rights_notice_given: notice given"]
    with pytest.raises(DerivedFactMismatchError) as error:
        m.MediationCase.from_dict(old)
    assert error.value.field == "trail[4].warnings"


@pytest.mark.parametrize(
    ("trail", "field"),
    [
        ("not a list", "trail"),
        ([["seq", 0]], "trail"),
        ([{"warnings": "one text"}], "trail[0].warnings"),
        ([{"warnings": [{"guard": "x"}]}], "trail[0].warnings"),
    ],
)
def test_schema_2_data_of_the_wrong_shape_are_refused(trail: object, field: str) -> None:
    old = {**schema_2(reach(S.REPORTED)), "trail": trail}
    with pytest.raises(CaseFieldTypeError) as error:
        m.MediationCase.from_dict(old)
    assert error.value.field == field


def test_a_warning_is_a_validated_value() -> None:
    (warning,) = _no_rights_notice().trail[-1].warnings
    with pytest.raises(InvalidCaseDataError, match="zh"):
        attrs.evolve(warning, zh="")
    with pytest.raises(CaseFieldTypeError, match="citation"):
        attrs.evolve(warning, citation="MOJ Art. 30")


def test_a_soft_guard_without_a_chinese_reason_is_refused() -> None:
    guard = table.GUARDS["rights_notice_given"]
    with pytest.raises(TransitionTableError, match="reason_zh"):
        attrs.evolve(guard, reason_zh=None)
    hard = table.GUARDS["party_known"]
    with pytest.raises(TransitionTableError, match="no reason_zh"):
        hard.warning(reach(S.REPORTED), m.PartyEvent(K.GIVE_CONSENT, START, "Li"), "x")
