"""Hangzhou (CN-ZJ-HZ): committee size, alternates, term, report, handovers (2021 text)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import community_governance as cg
from community_governance.jurisdictions import cn_zj_hz

ON = date(2025, 3, 1)


def test_hangzhou_resolves_under_the_national_rules() -> None:
    rules = cg.rules_for("CN-ZJ-HZ", on=ON)
    names = rules.layer_names
    assert names[-2:] == (cn_zj_hz.HANGZHOU_COMMITTEE.name, cn_zj_hz.HANGZHOU_ELECTIONS.name)
    assert any(name.startswith("CN: Civil Code") for name in names)
    size = rules.elections.committee_size.value
    assert (size.minimum, size.maximum, size.small_size, size.small_max_households) == (
        5,
        11,
        3,
        100,
    )
    assert rules.elections.alternates_fill_vacancies.value is True
    term = rules.committee.term.value
    assert (term.min_years, term.max_years) == (3, 5)
    assert rules.committee.member_handover.value.period == cg.calendar.Period(days=7)
    assert "Art. 34(1)" in rules.committee.handover.citation.format()
    assert "effective date unconfirmed" in rules.committee.report.citation.format()
    assert "Art. 27" in rules.elections.committee_size.citation.format()
    # Arts. 19, 26, 28(2) and 29 are checked against one copy only: out of the defaults
    assert rules.committee.vacancy.layer.startswith("CN: Guidance Rules")
    assert rules.committee.decision_posting is None


def test_hangzhou_medium_confidence_rules_on_request() -> None:
    from community_governance import committee as cm

    rules = cg.rules_for("CN-ZJ-HZ", on=ON, include_unconfirmed=True)
    assert rules.committee.candidates_posted.value.period == cg.calendar.Period(days=15)
    half = cm.Committee(date(2022, 1, 1), 5, 6, ("A", "B", "C"))
    assert cm.vacancy_action(half, rules=rules).action is cm.VacancyAction.EARLY_REELECTION
    more = cm.Committee(date(2022, 1, 1), 5, 7, ("A", "B", "C", "D"))
    assert cm.vacancy_action(more, rules=rules).action is cm.VacancyAction.BY_ELECTION


def test_before_the_2021_text_the_national_rules_apply() -> None:
    rules = cg.rules_for("CN-ZJ-HZ", on=date(2021, 8, 8))
    assert rules.committee.term.value.min_years is None
    assert [n.code for n in rules.notices].count("layer-missing") == 3


def test_a_registered_intermediate_code_is_stacked_between() -> None:
    province = cg.rules.Jurisdiction("CN-ZJ", "Zhejiang", date(2025, 12, 31), ())
    registry = cg.rules.Registry(
        (
            *(j for j in cg.jurisdictions.REGISTRY.jurisdictions if j.code != "CN-ZJ-HZ"),
            province,
            attrs.evolve(cn_zj_hz.JURISDICTION, parent="CN-ZJ"),
        )
    )
    rules = cg.rules_for("CN-ZJ-HZ", on=ON, registry=registry)
    assert [n.code for n in rules.notices].count("layer-missing") == 4  # 3 for CN-ZJ, 1 voting


@pytest.mark.parametrize("parent", ["TW", "CN-Z", 86])
def test_a_declared_parent_must_be_a_code_the_child_extends(parent: object) -> None:
    with pytest.raises(cg.exceptions.InvalidRuleError, match="parent must be None or a code"):
        cg.rules.Jurisdiction("CN-ZJ-HZ", "Hangzhou", date(2025, 12, 31), (), parent=parent)  # type: ignore[arg-type]


def test_the_chain_follows_declared_parents() -> None:
    assert cn_zj_hz.JURISDICTION.parent == "CN"
    assert cg.rules.Jurisdiction("CN-SH", "Shanghai", date(2025, 12, 31), ()).parent == "CN"
    layers = cg.rules_for("CN-ZJ-HZ", on=ON).layers
    assert {layer.code for layer in layers} == {"CN", "CN-ZJ-HZ"}
