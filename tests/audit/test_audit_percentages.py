from decimal import Decimal

import pytest

from community_governance.audit import Reading, reported_percentage
from community_governance.exceptions import AuditError, ElectionError, GovernanceError


@pytest.mark.parametrize(
    ("total", "reported", "fits"),
    [
        (103, "96.8", ()),
        (7, "71.4", (5,)),
        (39, "53.8%", (21,)),
        (5, "80", (4,)),
        (103, "97.1", (100,)),
    ],
)
def test_case_figures(total, reported, fits):
    assert reported_percentage(total, reported).fits == fits


def test_rounding_versus_truncation_declared():
    rounded = reported_percentage(3, "66.7")
    assert rounded.rounding == (2,) and rounded.truncation == ()
    truncated = reported_percentage(3, "66.6")
    assert truncated.rounding == () and truncated.truncation == (2,)
    only = reported_percentage(3, "66.6", readings=(Reading.ROUNDING,))
    assert only.fits == () and not only.possible


def test_boundary_half_accepted_either_way():
    assert reported_percentage(8, "12.5").fits == (1,)
    assert reported_percentage(8, "13").rounding == (1,)
    assert reported_percentage(8, "12").rounding == (1,)


def test_explanations():
    none = reported_percentage(103, "96.8")
    assert none.explain() == "96.8% of 103: no whole count fits (99/103 = 96.1%, 100/103 = 97.1%)"
    assert "没有任何整数" in none.explain("zh")
    assert "5/7" in reported_percentage(7, "71.4").explain()
    assert "可能的整数" in reported_percentage(7, "71.4").explain("zh")
    assert reported_percentage(5, Decimal("0.0")).fits == (0,)
    top = reported_percentage(5, 100)
    assert top.fits == (5,) and top.nearest() == (5, None)
    low = reported_percentage(7, "0.5")
    assert low.nearest() == (0, 1)


@pytest.mark.parametrize(
    ("total", "reported", "field"),
    [
        (0, "5", "total"),
        (True, "5", "total"),
        (10, 96.8, "reported"),
        (10, "x", "reported"),
        (10, "101", "reported"),
    ],
)
def test_bad_input(total, reported, field):
    with pytest.raises(
        AuditError, match=field if field == "total" else "reported percentage"
    ) as caught:
        reported_percentage(total, reported)
    assert caught.value.field == field


def test_no_readings():
    with pytest.raises(AuditError, match="reading"):
        reported_percentage(10, "5", readings=())


def test_one_line_verdict_first_and_html():
    none = reported_percentage(103, "96.8")
    assert str(none) == "impossible: no whole count of 103 gives 96.8%"
    assert repr(none) == "<PercentageCheck impossible: no whole count of 103 gives 96.8%>"
    assert none.verdict("zh") == "不可能：103中没有任何整数能得出96.8%"
    some = reported_percentage(7, "71.4")
    assert str(some) == "possible: 5 of 7 give(s) 71.4%"
    assert some.verdict("zh") == "可能：7中的5可得出71.4%"
    html = some._repr_html_()
    assert "<caption>possible: 5 of 7" in html and "<td>5/7</td>" in html
    assert "<td>rounding, truncation</td>" in html and "<td>—</td>" in html
    assert "<td>99/103</td>" in none._repr_html_()
    assert "四舍五入" in some.explain("zh") and "rounding" not in some.explain("zh")
    assert Reading.TRUNCATION.label("zh") == "截尾" and Reading.ROUNDING.label() == "rounding"


def test_audit_error_is_not_an_election_error():
    assert issubclass(AuditError, GovernanceError) and issubclass(AuditError, ValueError)
    assert not issubclass(AuditError, ElectionError)


# ------------------------------------------------ mutation run of December 2026


def test_a_full_hundred_percent_fits_no_count_above_the_total() -> None:
    # 1999/2000 = 99.95 % rounds to 100.0 %; 2001 of 2000 would too but is no count at all
    check = reported_percentage(2000, "100.0")
    assert check.rounding == (1999, 2000)
    assert check.truncation == (2000,)
    assert check.fits == (1999, 2000)


@pytest.mark.parametrize(
    ("reported", "near"),
    [
        ("50", "3/7 = 43%, 4/7 = 57%"),
        ("50.0", "3/7 = 42.9%, 4/7 = 57.1%"),
        ("50.00", "3/7 = 42.86%, 4/7 = 57.14%"),
    ],
)
def test_the_nearest_counts_are_shown_with_the_decimals_reported(reported: str, near: str) -> None:
    check = reported_percentage(7, reported)
    assert not check.possible
    assert check.explain() == f"{reported}% of 7: no whole count fits ({near})"
    assert (
        check.explain("zh")
        == f"7的{reported}%：没有任何整数能得出该比例（{near.replace(', ', '，')}）"
    )
