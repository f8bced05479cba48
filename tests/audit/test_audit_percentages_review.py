"""`reported_percentage` does bounded work and gives the same counts as a brute-force scan."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from community_governance.audit import Reading, reported_percentage
from community_governance.audit.percentages import MAX_FITS
from community_governance.exceptions import AuditError


def _brute(total: int, reported: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    number = Decimal(reported)
    exponent = number.as_tuple().exponent
    unit = Fraction(1, 10 ** (-exponent if isinstance(exponent, int) and exponent < 0 else 0))
    value = Fraction(number)
    rounding = tuple(
        k for k in range(total + 1) if abs(Fraction(100 * k, total) - value) <= unit / 2
    )
    truncation = tuple(
        k for k in range(total + 1) if value <= Fraction(100 * k, total) < value + unit
    )
    return rounding, truncation


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 400),
    st.integers(0, 10000),
    st.sampled_from([0, 1, 2]),
)
def test_the_counts_are_those_a_full_scan_finds(total: int, hundredths: int, decimals: int) -> None:
    reported = str(Decimal(hundredths).scaleb(-2).quantize(Decimal(1).scaleb(-decimals)))
    check = reported_percentage(total, reported)
    assert (check.rounding, check.truncation) == _brute(total, reported)


def test_a_huge_total_is_answered_at_once_or_refused_by_name() -> None:
    check = reported_percentage(10**40, "25." + "0" * 48)
    assert check.fits == (25 * 10**38,)
    with pytest.raises(AuditError, match=r"\d+ whole counts fit under rounding"):
        reported_percentage(10**100, "50")
    with pytest.raises(AuditError, match=r"whole counts fit under rounding, more than the 10000"):
        reported_percentage(10**9, "50")
    with pytest.raises(AuditError, match="under truncation") as raised:
        reported_percentage(10**9, "50", readings=(Reading.TRUNCATION,))
    assert raised.value.field == "reported"


def test_a_long_run_of_counts_is_shown_by_its_ends_on_one_line() -> None:
    check = reported_percentage(100_000, "50")
    assert str(check) == "possible: 49500–50999 (1500 counts) of 100000 give(s) 50%"
    assert check.verdict("zh") == "可能：100000中的49500–50999（共1500个）可得出50%"
    assert str(reported_percentage(7, "71.4")) == "possible: 5 of 7 give(s) 71.4%"


# ------------------------------------------------- boundaries pinned (mutation run, 2026-12-03)
def test_exactly_the_most_fitting_counts_are_accepted_and_one_more_is_refused() -> None:
    """Truncation of "50" over 1,000,000 fits 10,000 counts exactly; over 1,000,100, 10,001."""
    at_most = reported_percentage(1_000_000, "50", readings=(Reading.TRUNCATION,))
    assert len(at_most.fits) == MAX_FITS == 10_000
    with pytest.raises(AuditError) as raised:
        reported_percentage(1_000_100, "50", readings=(Reading.TRUNCATION,))
    assert raised.value.message == (
        "50% of 1000100: 10001 whole counts fit under truncation, more than the 10000 listed; "
        "a percentage with so few decimals says little about so large a total"
    )
    assert (raised.value.field, raised.value.value) == ("reported", "50")


def test_five_fitting_counts_are_listed_one_by_one_and_six_as_a_run() -> None:
    five = reported_percentage(500, "1", readings=(Reading.TRUNCATION,))
    assert five.fits == (5, 6, 7, 8, 9)
    assert five.verdict() == "possible: 5, 6, 7, 8, 9 of 500 give(s) 1%"
    six = reported_percentage(600, "1", readings=(Reading.TRUNCATION,))
    assert six.fits == (6, 7, 8, 9, 10, 11)
    assert six.verdict() == "possible: 6–11 (6 counts) of 600 give(s) 1%"
