"""Apportionment: exact parts, declared rounding, every bad input refused."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_governance.exceptions import (
    EmptyEstateError,
    InvalidChoiceError,
    MoneyError,
    MoneyTypeError,
    ScopeError,
    UnknownUnitError,
)
from community_governance.money import Apportionment, apportion, fen, largest_remainder, yuan
from community_governance.register import Estate
from community_governance.rules.money import DESIGN_LARGEST_REMAINDER, Basis, Rounding


def estate_of(areas: list[int], owners: list[str] | None = None) -> Estate:
    owners = owners or [f"o{i}" for i in range(len(areas))]
    return Estate.from_records(
        [
            {"unit": f"{1 + i % 2}-{i:03d}", "area": str(a), "owners": [o]}
            for i, (a, o) in enumerate(zip(areas, owners, strict=True))
        ]
    )


def test_by_area_sums_exactly_and_names_the_rounded() -> None:
    estate = estate_of([1, 1, 1])
    split = apportion("1.00", estate)
    assert split.parts == (34, 33, 33)
    assert split.rounded_up == ("1-000",)
    assert split.part("1-000") == 34
    assert split.citation is DESIGN_LARGEST_REMAINDER
    assert Rounding.LARGEST_REMAINDER.citation is DESIGN_LARGEST_REMAINDER
    assert repr(split).startswith("<Apportionment exact: 1.00 yuan over 3 units by area")
    assert str(split) == repr(split)
    assert "+1 fen" in split._repr_html_()
    data = split.to_dict()
    assert data["parts_fen"] == {"1-000": 34, "2-001": 33, "1-002": 33}
    assert split.as_dict() == data["parts_fen"]


def test_part_of_an_unknown_unit() -> None:
    with pytest.raises(MoneyError, match="9-9"):
        apportion("1", estate_of([1])).part("9-9")


def test_per_unit_and_per_household() -> None:
    estate = estate_of([10, 30, 20], ["Li", "Li", "Wang"])
    assert apportion("3.00", estate, Basis.UNIT).parts == (100, 100, 100)
    household = apportion("1.01", estate, "household")
    # Li (one person, two units) gets 51 fen split 10:30; Wang 50
    assert household.parts == (13, 38, 50)
    assert sum(household.parts) == 101
    # 50 fen each, the 101st to Li; Li's 51 split 10:30 is 12.75 and 38.25: the one fen left
    # goes to 1-000. Li's own extra fen is Li's, named on no unit.
    assert household.rounded_up == ("1-000",)


def test_per_household_names_only_units_that_received_a_fen() -> None:
    # Li's extra fen (the only one) is split 1:100 and goes to 2-001; the first unit 1-000
    # receives nothing and must not be named
    estate = estate_of([1, 100, 50], ["Li", "Li", "Wang"])
    split = apportion("0.01", estate, "household")
    assert split.parts == (0, 1, 0)
    assert split.rounded_up == ("2-001",)
    assert "1 fen placed" in repr(split)
    assert "(+1 fen)" not in split.describe().splitlines()[1]


@given(
    st.lists(
        st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=0, max_value=500),
)
def test_per_household_names_exactly_the_units_given_a_fen(
    persons: list[list[int]], total: int
) -> None:
    rows = [
        {"unit": f"{p}-{u}", "area": str(area), "owners": [f"o{p}"]}
        for p, units in enumerate(persons)
        for u, area in enumerate(units)
    ]
    split = apportion(Decimal(total).scaleb(-2), Estate.from_records(rows), "household")
    named, start, placed, per_person = set(split.rounded_up), 0, 0, []
    for units in persons:
        parts = split.parts[start : start + len(units)]
        share = sum(parts)
        per_person.append(share)
        floors = [share * w // sum(units) for w in units]
        placed += share - sum(floors)
        for unit, part, floor in zip(split.units[start:], parts, floors, strict=False):
            assert part - floor == (unit in named)
        start += len(units)
    assert len(split.rounded_up) == placed
    assert max(per_person) - min(per_person) <= 1 and sum(per_person) == total


def test_by_declared_shares() -> None:
    estate = estate_of([1, 1])
    split = apportion("10", estate, Basis.SHARE, shares={"1-000": "1/3", "2-001": Fraction(2, 3)})
    assert split.parts == (333, 667)


@pytest.mark.parametrize(
    ("shares", "match"),
    [
        ({"1-000": "1"}, "exactly"),
        ({"1-000": "1", "2-001": "0"}, "positive"),
        ({"1-000": "1", "2-001": 0.5}, "float"),
    ],
)
def test_bad_shares(shares: dict[str, object], match: str) -> None:
    with pytest.raises(MoneyError, match=match):
        apportion("1", estate_of([1, 1]), Basis.SHARE, shares=shares)


def test_shares_type_and_basis_mismatch() -> None:
    estate = estate_of([1, 1])
    with pytest.raises(MoneyTypeError):
        apportion("1", estate, Basis.SHARE, shares=[("1-000", 1)])  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="basis 'share'"):
        apportion("1", estate, Basis.AREA, shares={"1-000": 1})
    with pytest.raises(MoneyError, match="basis 'share'"):
        apportion("1", estate, Basis.SHARE)
    with pytest.raises(InvalidChoiceError):
        apportion("1", estate, "by-luck")


def test_units_must_be_an_estate() -> None:
    with pytest.raises(MoneyTypeError, match="Estate"):
        apportion("1", ["1-101"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (1.5, MoneyTypeError),
        (True, MoneyTypeError),
        (None, MoneyTypeError),
        ("abc", MoneyError),
        ("-1", MoneyError),
        ("0.001", MoneyError),
        ("NaN", MoneyError),
        ("1E+13", MoneyError),
        ("1E-9999999", MoneyError),
        ("1E+9999999", MoneyError),
        ("1" * 41, MoneyError),
        ("0.005", MoneyError),
        ("1.005", MoneyError),
    ],
)
def test_bad_amounts(amount: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        fen(amount)


@pytest.mark.parametrize(
    "amount",
    [
        "1.000000000000000000000000000000001",  # beyond the 28 digits of Decimal's context
        "123456789012.000000000000000000001",
        "9999999999999.99999999999999999999999",  # rounded up to 10**13 yuan, over the bound
        Decimal("1." + "0" * 60 + "1"),
    ],
)
def test_amounts_finer_than_a_fen_beyond_the_decimal_context(amount: object) -> None:
    # the digits after the fen are read exactly, not rounded by Decimal's 28-digit context
    with pytest.raises(MoneyError, match="finer than a fen"):
        fen(amount)


def test_amount_forms() -> None:
    assert fen("1234.56") == 123456
    assert fen(" 12 ") == 1200
    assert fen(Decimal("0.10")) == 10
    assert fen(7) == 700
    assert fen("0") == 0
    assert fen("0E-9999") == 0
    assert fen("1.500") == 150
    assert fen("9999999999999.99") == 999999999999999
    assert fen("1." + "0" * 30) == 100
    assert fen(Decimal("12." + "0" * 5000)) == 1200
    assert yuan(123456) == Decimal("1234.56")
    assert apportion("0", estate_of([1, 2])).parts == (0, 0)


def test_scope_recounts_and_refuses_outsiders() -> None:
    estate = estate_of([10, 20, 30])
    split = apportion("6", estate, scope=["2-001"])
    assert split.units == ("2-001",) and split.parts == (600,)
    with pytest.raises(UnknownUnitError):
        apportion("6", estate, scope=["9-9"])
    with pytest.raises(ScopeError):
        apportion("6", estate, scope="2-001")


def test_largest_remainder_ties_go_to_the_earlier_position() -> None:
    assert largest_remainder(2, [1, 1, 1]) == ([1, 1, 0], [0, 1])
    assert largest_remainder(5, [1, 3]) == ([1, 4], [1])


areas = st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=30)
amounts = st.integers(min_value=0, max_value=10**9)


@given(areas, amounts)
def test_parts_sum_exactly(weights: list[int], amount: int) -> None:
    split = apportion(Decimal(amount).scaleb(-2), estate_of(weights))
    assert sum(split.parts) == amount
    assert all(p >= 0 for p in split.parts)
    whole = sum(weights)
    for part, weight in zip(split.parts, weights, strict=True):  # within one fen of exact
        assert abs(part * whole - amount * weight) < whole


@given(areas, amounts, st.randoms(use_true_random=False))
def test_permuting_units_permutes_parts(weights: list[int], amount: int, rnd: object) -> None:
    # without ties the parts follow the units; with ties only the tie order may differ
    estate = estate_of(weights)
    order = list(range(len(weights)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    shuffled = Estate(units=[estate.units[i] for i in order], owners=estate.owners)
    before = apportion(Decimal(amount).scaleb(-2), estate).as_dict()
    after = apportion(Decimal(amount).scaleb(-2), shuffled).as_dict()
    for unit in before:
        assert abs(before[unit] - after[unit]) <= 1
    whole = Fraction(estate.total_area)
    exact = {u.id: amount * Fraction(u.area) / whole for u in estate.units}
    remainders = [exact[u] - int(exact[u]) for u in exact]
    if len(set(remainders)) == len(remainders):
        assert before == after


@given(st.integers(min_value=1, max_value=5000), areas, amounts)
def test_twice_the_area_twice_the_share(area: int, others: list[int], amount: int) -> None:
    split = apportion(Decimal(amount).scaleb(-2), estate_of([area, 2 * area, *others]))
    assert abs(split.parts[1] - 2 * split.parts[0]) <= 2
    assert split.parts[0] <= split.parts[1]


def test_twice_the_area_within_one_fen_of_exact() -> None:
    split = apportion("1.00", estate_of([1, 2]))
    assert split.parts == (33, 67)


def test_html_of_a_large_apportionment() -> None:
    split = apportion("100", estate_of([1] * 60))
    assert "60 units" in split._repr_html_()
    assert isinstance(split, Apportionment)


def test_areas_too_fine_for_eight_byte_integers() -> None:
    primes = [9973, 9967, 9949, 9941]
    rows = [
        {"unit": f"1-{p}", "area": f"{999_999 * p + 1}/{p}", "owners": [f"o{p}"]} for p in primes
    ]
    estate = Estate.from_records(rows)
    assert isinstance(estate.person_index.unit_area, tuple)  # beyond 8-byte integers
    split = apportion("1000", estate)
    assert sum(split.parts) == 100000 and split.parts == (25000, 25000, 25000, 25000)
    assert estate.restrict(["1-9973"]).total_area == Fraction(999_999 * 9973 + 1, 9973)


def _built(**changes: object) -> Apportionment:
    fields = {
        "amount": 100,
        "basis": Basis.AREA,
        "units": ("1-101", "1-102"),
        "parts": (51, 49),
        "rounded_up": ("1-101",),
    }
    return Apportionment(**{**fields, **changes})  # type: ignore[arg-type]


def test_an_apportionment_built_directly_is_checked() -> None:
    assert _built().as_dict() == {"1-101": 51, "1-102": 49}
    assert _built(units=["1-101", "1-102"], parts=[51, 49], rounded_up=[]).units == (
        "1-101",
        "1-102",
    )
    assert _built(amount=0, parts=(0, 0), rounded_up=()).amount == 0


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"amount": 1.5}, MoneyTypeError, "amount"),
        ({"amount": True}, MoneyTypeError, "amount"),
        ({"amount": "100"}, MoneyTypeError, "amount"),
        ({"amount": -100, "parts": (-51, -49)}, MoneyError, "amount"),
        ({"amount": 10**15, "parts": (10**15, 0)}, MoneyError, "amount"),
        ({"basis": "area"}, MoneyTypeError, "basis"),
        ({"rounding": "largest-remainder"}, MoneyTypeError, "rounding"),
        ({"citation": "design"}, MoneyTypeError, "citation"),
        ({"units": "ab", "parts": (51, 49)}, MoneyTypeError, "units"),
        ({"units": ("1-101", 7)}, MoneyTypeError, "units"),
        ({"units": ("1-101", "")}, MoneyError, "units"),
        ({"units": ("1-101", "1-101")}, MoneyError, "twice"),
        ({"units": (), "parts": (), "rounded_up": (), "amount": 0}, MoneyError, "units"),
        ({"parts": (50,)}, MoneyError, "parts"),
        ({"parts": (50, 49)}, MoneyError, "sum"),
        ({"parts": (51.0, 49)}, MoneyTypeError, "parts"),
        ({"parts": (True, 99)}, MoneyTypeError, "parts"),
        ({"parts": (101, -1)}, MoneyError, "parts"),
        ({"parts": 100}, MoneyTypeError, "parts"),
        ({"rounded_up": ("9-9",)}, MoneyError, "rounded_up"),
        ({"rounded_up": "1-101"}, MoneyTypeError, "rounded_up"),
        ({"rounded_up": ("1-101", "1-101")}, MoneyError, "rounded_up"),
        ({"parts": (100, 0), "rounded_up": ("1-102",)}, MoneyError, "rounded_up"),
    ],
)
def test_an_apportionment_that_lies_is_refused(
    changes: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        _built(**changes)


def test_one_unit_and_one_fen_read_in_the_singular() -> None:
    one = apportion("0.01", estate_of([1, 1]))
    assert repr(one) == (
        "<Apportionment exact: 0.01 yuan over 2 units by area, 1 fen placed by largest-remainder>"
    )
    assert "over 1 unit by area" in repr(apportion("1", estate_of([1])))


@pytest.mark.parametrize(
    ("total", "weights", "error", "match"),
    [
        (10, [], MoneyError, "weights"),  # no parts cannot sum to 10
        (10, [0, 0], MoneyError, "weights"),
        (10, [-1, 3], MoneyError, "weights"),
        (10, [1.5, 2], MoneyTypeError, "weights"),
        (10, [True, 1], MoneyTypeError, "weights"),
        (10, [Fraction(1, 2), 1], MoneyTypeError, "weights"),
        (10, "ab", MoneyTypeError, "weights"),
        (10, 3, MoneyTypeError, "weights"),
        (1.5, [1, 2], MoneyTypeError, "total"),
        (True, [1], MoneyTypeError, "total"),
        (-5, [1, 1], MoneyError, "total"),
    ],
)
def test_largest_remainder_refuses_what_it_cannot_split_exactly(
    total: object, weights: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        largest_remainder(total, weights)  # type: ignore[arg-type]


def test_largest_remainder_takes_a_tuple_and_zero() -> None:
    assert largest_remainder(0, (2, 1)) == ([0, 0], [])
    assert largest_remainder(7, (1,)) == ([7], [])


@pytest.mark.parametrize("cents", [1.5, True, "12", None, Decimal("12")])
def test_yuan_takes_whole_fen_only(cents: object) -> None:
    # 1.5 fen read as "0.015" yuan, True as 0.01, "12" as 0.12
    with pytest.raises(MoneyTypeError, match="whole fen"):
        yuan(cents)  # type: ignore[arg-type]


def test_yuan_of_a_negative_balance() -> None:
    assert yuan(-475714) == Decimal("-4757.14")


def test_an_empty_scope_is_refused_as_documented() -> None:
    with pytest.raises(EmptyEstateError):
        apportion("6", estate_of([10, 20]), scope=[])


def test_shares_keyed_by_a_non_string_are_refused_naming_them() -> None:
    # sorting the differing keys, an int beside the ids, raised a bare TypeError
    with pytest.raises(MoneyError, match="differing") as caught:
        apportion("1", estate_of([1, 1]), Basis.SHARE, shares={1: "1", "2-001": "1"})
    assert caught.value.value == ["1-000", 1]
