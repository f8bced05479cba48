"""The threshold algebra: comparators, thresholds, resolution rules and their ordering."""

from __future__ import annotations

from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.citations import Citation
from community_governance._base.format import chinese_fraction, chinese_number

CITE = Citation("library_design", "test")
AT_LEAST, MORE_THAN = cg.Comparator.AT_LEAST, cg.Comparator.MORE_THAN


def t(
    measure: cg.Measure = cg.Measure.HEADS,
    base: cg.Base = cg.Base.PARTICIPATING,
    comparator: cg.Comparator = AT_LEAST,
    ratio: object = "1/2",
) -> cg.Threshold:
    return cg.Threshold(measure, base, comparator, ratio, CITE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("numerator", "denominator", "ratio", "at_least", "more_than"),
    [
        (2, 3, Fraction(2, 3), True, False),
        (1, 3, Fraction(2, 3), False, False),
        (3, 4, Fraction(3, 4), True, False),
        (5, 8, Fraction(3, 4), False, False),
        (7, 9, Fraction(3, 4), True, True),
        (1, 2, Fraction(1, 2), True, False),
        (2, 3, Fraction(1, 2), True, True),
        (6000, 9000, Fraction(2, 3), True, False),
        (5999, 9000, Fraction(2, 3), False, False),
        (0, 0, Fraction(1, 2), False, False),
        (1, 1, Fraction(1), True, False),
    ],
)
def test_comparators_exact(
    numerator: int, denominator: int, ratio: Fraction, at_least: bool, more_than: bool
) -> None:
    assert AT_LEAST.holds(numerator, denominator, ratio) is at_least
    assert MORE_THAN.holds(numerator, denominator, ratio) is more_than


def test_labels_and_symbols() -> None:
    assert (AT_LEAST.symbol, MORE_THAN.symbol) == ("≥", ">")
    assert (AT_LEAST.label("zh"), MORE_THAN.label("zh")) == ("以上", "超过")
    assert (AT_LEAST.label(), MORE_THAN.label()) == ("at least", "more than")
    assert cg.Measure.HEADS.label("zh") == "人数"
    assert cg.Measure.AREA.label("zh") == "专有部分面积"
    assert cg.Measure.AREA.label() == "area"
    assert [b.label() for b in cg.Base] == [
        "all owners",
        "those attending",
        "those taking part",
        "votes cast",
    ]
    assert cg.Base.ALL.label("zh") == "全体业主"
    assert cg.Base.CAST.label("zh") == "赞成与反对票"


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        ("2/3", Fraction(2, 3)),
        (1, Fraction(1)),
        (Fraction(3, 4), Fraction(3, 4)),
        ("0.5", Fraction(1, 2)),
    ],
)
def test_ratio_spellings(ratio: object, expected: Fraction) -> None:
    assert t(ratio=ratio).ratio == expected


def test_threshold_describe() -> None:
    threshold = t(cg.Measure.AREA, cg.Base.ALL, AT_LEAST, "2/3")
    assert threshold.describe() == "area at least 2/3 of all owners"
    assert threshold.describe("zh") == "专有部分面积占比三分之二以上"


@pytest.mark.parametrize(
    ("base", "comparator", "ratio", "zh"),
    [
        (cg.Base.PARTICIPATING, MORE_THAN, "1/2", "参与表决专有部分面积过半数"),
        (cg.Base.PARTICIPATING, AT_LEAST, "3/4", "参与表决专有部分面积四分之三以上"),
        (cg.Base.ALL, AT_LEAST, "2/3", "专有部分面积占比三分之二以上"),
        (cg.Base.ALL, MORE_THAN, "1/5", "专有部分面积占比超过五分之一"),
        (cg.Base.CAST, AT_LEAST, "1", "赞成与反对票专有部分面积全部"),
        (cg.Base.CAST, AT_LEAST, "1/2", "赞成与反对票专有部分面积二分之一以上"),
        (cg.Base.ALL, MORE_THAN, "11/20", "专有部分面积占比超过二十分之十一"),
    ],
)
def test_threshold_describe_zh_statute_wording(
    base: cg.Base, comparator: cg.Comparator, ratio: str, zh: str
) -> None:
    assert t(cg.Measure.AREA, base, comparator, ratio).describe("zh") == zh
    heads = t(cg.Measure.HEADS, cg.Base.PARTICIPATING, MORE_THAN, "1/2")
    assert heads.describe("zh") == "参与表决人数过半数"


@pytest.mark.parametrize(
    ("value", "zh"),
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (999, "九百九十九"),
        (1000, "一千"),
        (1010, "一千零一十"),
    ],
)
def test_chinese_number(value: int, zh: str) -> None:
    assert chinese_number(value) == zh


@pytest.mark.parametrize("value", [-1, 10000])
def test_chinese_number_out_of_range(value: int) -> None:
    with pytest.raises(ValueError, match="0 to 9999"):
        chinese_number(value)


def test_chinese_fraction_whole() -> None:
    assert chinese_fraction(Fraction(1)) == "全部"
    assert chinese_fraction(Fraction(2)) == "二"


def test_resolution_rule_may_have_no_quorum() -> None:
    rule = cg.ResolutionRule([], [t()], CITE)
    assert rule.quorum == ()
    assert rule.approval == (t(),)


def test_matters_items_and_labels() -> None:
    assert [m.item for m in cg.Matter] == list(range(1, 10))
    assert cg.Matter.RAISE_MAINTENANCE_FUND.label() == "raise maintenance fund"
    assert cg.Matter.RAISE_MAINTENANCE_FUND.label("zh") == "筹集建筑物及其附属设施的维修资金"


# ------------------------------------------------------------------ never_looser_than


def rule(*approval: cg.Threshold, quorum: tuple[cg.Threshold, ...] = ()) -> cg.ResolutionRule:
    return cg.ResolutionRule(quorum, approval, CITE)


@pytest.mark.parametrize(
    ("strict", "loose", "expected"),
    [
        (t(ratio="3/4"), t(ratio="1/2"), True),
        (t(ratio="1/2"), t(ratio="3/4"), False),
        (t(comparator=MORE_THAN), t(comparator=AT_LEAST), True),
        (t(comparator=AT_LEAST), t(comparator=MORE_THAN), False),
        (t(comparator=MORE_THAN), t(comparator=MORE_THAN), True),
        (t(base=cg.Base.ALL), t(base=cg.Base.PARTICIPATING), True),
        (t(base=cg.Base.PARTICIPATING), t(base=cg.Base.CAST), True),
        (t(base=cg.Base.CAST), t(base=cg.Base.PARTICIPATING), False),
        (t(measure=cg.Measure.AREA), t(measure=cg.Measure.HEADS), False),
        (t(base=cg.Base.ALL, ratio="2/3"), t(base=cg.Base.PARTICIPATING, ratio="3/4"), False),
    ],
)
def test_never_looser_than_single_threshold(
    strict: cg.Threshold, loose: cg.Threshold, expected: bool
) -> None:
    assert rule(strict).never_looser_than(rule(loose)) is expected


def test_never_looser_than_needs_every_threshold_covered() -> None:
    heads, area = t(cg.Measure.HEADS), t(cg.Measure.AREA)
    assert rule(heads, area).never_looser_than(rule(heads))
    assert not rule(heads).never_looser_than(rule(heads, area))
    quorum = t(base=cg.Base.ALL, ratio="2/3")
    assert rule(heads, quorum=(quorum,)).never_looser_than(rule(heads))
    assert not rule(heads).never_looser_than(rule(heads, quorum=(quorum,)))
