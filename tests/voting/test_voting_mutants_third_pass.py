"""Scenarios the third mutation pass of ``voting.checks`` and ``voting.decide`` called for.

The tally and its figures in Chinese, one person as the base, a margin measured from the least
hundredth that is itself rounded, the refusal of a declared foreign matter word for word, and
the developer entities of a scope.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.citations import Citation
from community_governance.voting.checks import CheckRole, check

CITE = Citation("civil_code", "278(2)", "2020")
CN = cg.rules_for("CN", on=date(2024, 5, 1))


def _estate() -> cg.Estate:
    units = [cg.Unit(f"1-{n}", "100.5", (f"o{n}",)) for n in range(3)]
    units.append(cg.Unit("1-3", "99.5", ("o3",)))
    return cg.Estate(units=units, owners=[cg.Owner(f"o{n}") for n in range(4)])


def test_the_tally_and_its_figures_in_chinese() -> None:
    ballots = [cg.Ballot("1-0", "agree"), cg.Ballot("1-1", "oppose"), cg.Ballot("1-3", "abstain")]
    tally = cg.decide(_estate(), ballots, matter="other-major-matter", rules=CN).tally
    assert tally.describe("zh") == (
        "全体业主4人、401.00平方米；参与表决3人、300.50平方米；同意1人、100.50平方米；"
        "反对1人、100.50平方米；弃权1人、99.50平方米；废票0人、0.00平方米"
    )
    assert tally.agree.describe("zh") == "1人、100.50平方米"
    assert tally.describe() == (
        "all owners 4 persons, 401.00 m²; taking part 3 persons, 300.50 m²; agree 1 person, "
        "100.50 m²; oppose 1 person, 100.50 m²; abstain 1 person, 99.50 m²; spoiled 0 persons, "
        "0.00 m²"
    )


def test_one_person_as_the_base_is_one_person() -> None:
    threshold = cg.Threshold(
        cg.Measure.HEADS, cg.Base.PARTICIPATING, cg.Comparator.MORE_THAN, Fraction(1, 2), CITE
    )
    line = check(CheckRole.APPROVAL, threshold, 1, 1).line()
    assert "by heads: 1 of 1 person (100.00%)" in line
    assert "margin +0 persons." in line


def test_a_rounded_margin_from_the_least_hundredth_is_marked_once() -> None:
    # 100.001 m² of 200 m², at least 2/3: 133.34 m² (≈133.333...) shown, margin ≈-33.339
    threshold = cg.Threshold(
        cg.Measure.AREA, cg.Base.ALL, cg.Comparator.AT_LEAST, Fraction(2, 3), CITE
    )
    found = check(CheckRole.APPROVAL, threshold, 100001, 200000, 1000)
    assert str(found).endswith("; margin ≈-33.34")
    assert "(≈133.34 m²); margin ≈-33.34 m²." in found.line()


def test_a_declared_foreign_matter_is_refused_word_for_word() -> None:
    rules = cg.rules_for("FR", on=date(2025, 8, 1))
    with pytest.raises(cg.exceptions.MissingResolutionError) as info:
        cg.decide(_estate(), [], matter="art-24", rules=rules)
    assert info.value.message == (
        "decide: 'art-24' is a matter FR declares itself, decided in stages: use "
        "voting.decide_procedure(estate, ballots, rules=rules, matter='art-24') (its procedure "
        "is RuleSet.procedure('art-24')); decide() applies the resolution rules of the matters "
        "of `Matter`"
    )


def _developers() -> cg.Estate:
    rows = [
        {"unit": "1-101", "area": "50", "owners": ["Li"]},
        {"unit": "1-102", "area": "10", "owners": ["Dev"], "status": "unsold"},
        {"unit": "1-103", "area": "10", "owners": ["Agent"], "status": "unsold"},
        {"unit": "2-101", "area": "50", "owners": ["Wang"]},
    ]
    owners = [cg.Owner("Agent", cg.OwnerKind.DEVELOPER, name="exclusive sales agent")]
    return cg.Estate.from_records(rows, owners=owners)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scope", "flagged"),
    [(["1-101", "1-102", "1-103"], True), (["1-101", "1-102", "2-101"], False)],
    ids=["both", "one"],
)
def test_a_scope_with_two_developer_entities_is_flagged(scope: list[str], flagged: bool) -> None:
    estate = _developers()
    assert estate.developer_entities == ("Agent", "Dev")
    decision = cg.decide(estate, [], matter="use-maintenance-fund", rules=CN, scope=scope)
    codes = [n.code for n in decision.notices]
    assert ("several-developer-entities" in codes) is flagged
