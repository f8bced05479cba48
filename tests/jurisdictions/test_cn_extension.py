"""Chinese voting-window extensions: every staged path, the bar, the excluded matter."""

from __future__ import annotations

import warnings
from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.jurisdictions import cn_extension
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import FailureBar, StageEntry
from community_governance.voting.procedure import Outcome, ProcedureDecision, decide_procedure

MATTER = DeclaredMatter(
    "other-major-matter", "other major matter", "其他重大事项", cg.Citation("civil_code", "278")
)


def _rules() -> cg.RuleSet:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
        return cg.rules_for("CN", on=date(2022, 6, 1))


def _estate() -> cg.Estate:
    return cg.Estate(
        units=[cg.Unit(f"1-{n}", "100", (f"o{n}",)) for n in range(10)],
        owners=[cg.Owner(f"o{n}") for n in range(10)],
    )


def _votes(agree: int, oppose: int = 0) -> list[cg.Ballot]:
    votes = [cg.Ballot(f"1-{n}", "agree") for n in range(agree)]
    return votes + [cg.Ballot(f"1-{n}", "oppose") for n in range(agree, agree + oppose)]


def _decide(
    extension: cn_extension.Extension, first: list[cg.Ballot], later: list[cg.Ballot] | None = None
) -> ProcedureDecision:
    procedure = cn_extension.extended(_rules(), cg.Matter.OTHER_MAJOR_MATTER, extension)
    return decide_procedure(
        _estate(), first, procedure=procedure, matter=MATTER, later=[later] if later else ()
    )


def test_pass_at_the_first_stage() -> None:
    d = _decide(cn_extension.UNNAMED_CITY, _votes(7))
    assert d.outcome is Outcome.PASSED and len(d.stages) == 1


def test_unnamed_city_extension_fail_then_pass_or_barred() -> None:
    pending = _decide(cn_extension.UNNAMED_CITY, _votes(4))
    assert pending.outcome is Outcome.PENDING and pending.stages[1].reached
    passed = _decide(cn_extension.UNNAMED_CITY, _votes(4), _votes(6, 1))
    assert passed.passed
    failed = _decide(cn_extension.UNNAMED_CITY, _votes(4), _votes(3, 4))
    assert failed.outcome is Outcome.NOT_PASSED
    barred = [n for n in failed.notices if n.code == "item-barred"]
    assert barred and "12 months" in barred[0].en and "2/3" in barred[0].zh
    assert cn_extension.UNNAMED_CITY.entry.max_days == 90
    assert any(n.code == "unconfirmed-rule-used" for n in failed.notices)  # medium confidence


def test_unnamed_city_extension_not_entered_at_half_turnout() -> None:
    d = _decide(cn_extension.UNNAMED_CITY, _votes(3, 3))  # 6 of 10: at least half, under 2/3
    assert d.outcome is Outcome.NOT_PASSED and not d.stages[1].reached
    assert not any(n.code == "item-barred" for n in d.notices)


@pytest.mark.parametrize(("turnout", "entered"), [(6, True), (7, False)])
def test_zhuhai_extension_only_under_two_thirds_of_heads(turnout: int, entered: bool) -> None:
    d = _decide(cn_extension.ZHUHAI, _votes(3, turnout - 3))  # fails its approval
    assert d.stages[1].reached is entered


def test_committee_elections_are_not_extended_by_the_unnamed_city() -> None:
    with pytest.raises(cg.exceptions.RuleSetError, match="elect committee"):
        cn_extension.extended(_rules(), cg.Matter.ELECT_COMMITTEE, cn_extension.UNNAMED_CITY)
    assert cn_extension.extended(_rules(), cg.Matter.ELECT_COMMITTEE, cn_extension.ZHUHAI)


def test_bar_without_lifting_and_bad_values() -> None:
    bar = FailureBar(6, None, cg.Citation("library_design", "x"))
    plain = cn_extension.Extension("x", cn_extension.ZHUHAI.entry, bar.citation, bar=bar)
    d = _decide(plain, _votes(2), _votes(2))
    notice = next(n for n in d.notices if n.code == "item-barred")
    assert "unless" not in notice.en
    with pytest.raises(cg.exceptions.InvalidRuleError, match="positive int"):
        StageEntry((), True, bar.citation, max_days=0)
    with pytest.raises(cg.exceptions.InvalidRuleError, match="positive int"):
        FailureBar(0, Fraction(2, 3), bar.citation)
