"""`decide` never runs a Chinese threshold for a jurisdiction's own matters: it refuses by name.

A jurisdiction whose layers declare procedures (TW, JP, DE, HK, FR) decides its matters in
stages with `decide_procedure`; `decide` applies resolution rules of the matters of `Matter`.
Library design decision: refuse rather than route, because the two return different values
(a `Decision` of thresholds, a `ProcedureDecision` of stages).
"""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg
from community_governance.voting import decide_procedure

E = cg.exceptions
ON = date(2025, 8, 1)
FOREIGN = ["TW", "JP", "DE", "HK", "FR"]


def _estate() -> cg.Estate:
    units = [cg.register.Unit(f"F{n}", "40", (f"o{n}",), shares="10") for n in range(4)]
    return cg.Estate(units=units, owners=[cg.register.Owner(f"o{n}") for n in range(4)])


@pytest.mark.parametrize("code", FOREIGN)
def test_a_declared_matter_is_refused_naming_decide_procedure(code: str) -> None:
    rules = cg.rules_for(code, on=ON)
    estate = _estate()
    for matter in rules.matters:
        for given in (matter.code, matter):
            with pytest.raises(E.MissingResolutionError) as info:
                cg.decide(estate, [], matter=given, rules=rules)  # type: ignore[arg-type]
            assert info.value.code == code and info.value.matter == matter.code
            message = str(info.value)
            assert "decide_procedure" in message and "RuleSet.procedure" in message
        # the staged decision is the one to use
        decided = decide_procedure(estate, [], rules=rules, matter=matter.code)
        assert decided.matter == matter


@pytest.mark.parametrize("code", FOREIGN)
def test_a_chinese_matter_under_a_foreign_rule_set_is_refused(code: str) -> None:
    rules = cg.rules_for(code, on=ON)
    with pytest.raises(E.MissingResolutionError, match="decide_procedure") as info:
        cg.decide(_estate(), [], matter="other-major-matter", rules=rules)
    assert info.value.matter == "other-major-matter"


def test_chinese_rule_sets_are_unchanged() -> None:
    rules = cg.rules_for("CN", on=ON)
    assert cg.decide(_estate(), [], matter="other-major-matter", rules=rules).passed is False
    with pytest.raises(E.InvalidChoiceError):
        cg.decide(_estate(), [], matter="art-24", rules=rules)
