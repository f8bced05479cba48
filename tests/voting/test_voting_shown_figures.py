"""The figures a check shows add up: shown area − shown requirement = shown margin."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance._base.citations import Citation
from community_governance._base.format import area_text, least_hundredth, signed_area
from community_governance.voting.checks import CheckRole, check

CITE = Citation("civil_code", "278(2)", "2020")
_FIGURES = re.compile(r"by area: (\S+) of (\S+) m².*?\((?:more than )?(\S+) m²\); margin (\S+) m²")


def area_check(comparator: str, ratio: Fraction, numerator: int, denominator: int) -> cg.Check:
    """A check on areas given in hundredths of a square metre."""
    threshold = cg.Threshold(cg.Measure.AREA, cg.Base.ALL, cg.Comparator(comparator), ratio, CITE)
    return check(CheckRole.APPROVAL, threshold, numerator, denominator, 100)


def _shown(check_: cg.Check) -> tuple[Decimal, Decimal, Decimal]:
    """Shown area, shown requirement and shown margin, read from the English line."""
    found = _FIGURES.search(check_.line())
    assert found is not None, check_.line()
    area, _, required, margin = (Decimal(text.lstrip("≈")) for text in found.groups())
    return area, required, margin


def test_the_demo_shortfall_adds_up() -> None:
    line = area_check("at-least", Fraction(3, 4), 57699, 79214).line()
    assert "576.99 of 792.14 m²" in line
    assert "(≈594.11 m²); margin ≈-17.12 m²" in line  # 594.105 needs 594.11 in hundredths


def test_a_requirement_in_whole_hundredths_is_shown_as_it_is() -> None:
    line = area_check("more-than", Fraction(1, 2), 79214, 115124).line()
    assert "(more than 575.62 m²); margin +216.52 m²" in line  # a more-than bound says so


def test_an_area_equal_to_a_more_than_bound_is_shown_as_not_more() -> None:
    line = area_check("more-than", Fraction(1, 2), 500, 1000).line()
    assert "(more than 5.00 m²); margin +0.00 m² (equal to the bound, not more)" in line
    assert line.startswith("✗ not met")
    zh = area_check("more-than", Fraction(1, 2), 500, 1000).line("zh")
    assert "（超过5.00平方米）" in zh and "余量+0.00平方米（恰好等于界限，未超过）。" in zh
    above = area_check("more-than", Fraction(1, 2), 501, 1000).line()
    assert "margin +0.01 m². " in above and "equal to the bound" not in above
    at_least = area_check("at-least", Fraction(1, 2), 500, 1000).line()
    assert "(5.00 m²); margin +0.00 m². " in at_least  # at least: equal passes


def test_a_shortfall_smaller_than_a_hundredth_is_not_shown_as_zero() -> None:
    assert area_text(Fraction(-1, 10000)) == "-0.0001"
    assert signed_area(Fraction(1, 3000)) == "≈+0.0003"
    assert area_text(Fraction(0)) == "0.00" and area_text(Fraction(1, 3)) == "≈0.33"
    assert area_text(Fraction(1, 10**13)).startswith("≈0.00000000000")  # bounded


@given(
    st.sampled_from(["at-least", "more-than"]),
    st.sampled_from([Fraction(1, 2), Fraction(2, 3), Fraction(3, 4), Fraction(1, 5)]),
    st.integers(1, 10**7),
    st.integers(0, 10**7),
)
def test_shown_figures_add_up_and_the_shortfall_suffices(
    comparator: str, ratio: Fraction, denominator: int, numerator: int
) -> None:
    numerator = min(numerator, denominator)
    made = area_check(comparator, ratio, numerator, denominator)
    area, required, margin = _shown(made)
    assert area - required == margin
    assert Fraction(required) == least_hundredth(made.required)
    if not made.passed:  # adding the shown shortfall (in hundredths) would pass
        more = area_check(comparator, ratio, numerator + int(-margin * 100), denominator)
        bound_is_hundredth = least_hundredth(made.required) == made.required
        assert more.passed or (comparator == "more-than" and bound_is_hundredth)
