"""Money engine: every refusal pinned whole (type, message, field, value), boundaries both sides.

Written for the survivors of mutation testing (docs/how-to/mutation-testing.md): a test here
fails when a message, a field, a value or a bound of the money engine changes.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from community_governance._base.exact import exact
from community_governance.exceptions import (
    GovernanceError,
    InvalidDataError,
    MoneyError,
    MoneyTypeError,
)
from community_governance.money import Apportionment, apportion, fen, largest_remainder, yuan
from community_governance.register import Estate
from community_governance.rules.money import DESIGN_LARGEST_REMAINDER, Basis


def refused(
    error: type[GovernanceError], call: Callable[[], object], message: str, **fields: Any
) -> GovernanceError:
    """``call()`` raises exactly ``error`` with ``message`` and ``fields``; the error."""
    with pytest.raises(error) as caught:
        call()
    assert type(caught.value) is error
    assert caught.value.message == message
    for name, value in fields.items():
        got = getattr(caught.value, name)
        assert got == value and type(got) is type(value), (name, got)
    return caught.value


def estate(areas: list[int], owners: list[str] | None = None) -> Estate:
    owners = owners or [f"o{i}" for i in range(len(areas))]
    return Estate.from_records(
        [
            {"unit": f"1-{i:03d}", "area": str(a), "owners": [o]}
            for i, (a, o) in enumerate(zip(areas, owners, strict=True))
        ]
    )


# --------------------------------------------------------------------------- fen and yuan


def test_fen_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: fen(1.5, field="cost"),
        "cost: 1.5 is not an exact amount in yuan (pass '1234.56' or a Decimal)",
        field="cost",
        value=1.5,
    )
    refused(
        MoneyTypeError,
        lambda: fen(True),
        "amount: True is not an exact amount in yuan (pass '1234.56' or a Decimal)",
        field="amount",
        value=True,
    )
    long = "1" * 41
    refused(
        MoneyError,
        lambda: fen(long),
        f"amount: {long[:20]!r}… is too long",
        field="amount",
        value=long,
    )
    assert fen("1" * 10 + "." + "0" * 29) == 111111111100  # 40 characters: not too long
    refused(
        MoneyError,
        lambda: fen("1_0"),
        "amount: '1_0' is not a number (ASCII digits only, no underscores)",
        field="amount",
        value="1_0",
    )
    refused(
        MoneyError,
        lambda: fen("١"),
        "amount: '١' is not a number (ASCII digits only, no underscores)",
        field="amount",
    )
    refused(MoneyError, lambda: fen("x"), "amount: 'x' is not a number", field="amount", value="x")
    refused(
        MoneyError,
        lambda: fen("-0.01"),
        "amount: '-0.01' must be a non-negative amount to the fen",
        field="amount",
        value="-0.01",
    )
    refused(
        MoneyError,
        lambda: fen("Infinity"),
        "amount: 'Infinity' must be a non-negative amount to the fen",
        field="amount",
    )
    assert fen("-0") == 0
    assert fen(" 1.5 ") == 150
    assert fen(0) == 0
    assert fen("9" * 13) == 10**15 - 100
    refused(
        MoneyError,
        lambda: fen("1" + "0" * 13),
        f"amount: {'1' + '0' * 13!r} is too large",
        field="amount",
        value="1" + "0" * 13,
    )
    refused(
        MoneyError,
        lambda: fen("0.001"),
        "amount: '0.001' is finer than a fen",
        field="amount",
        value="0.001",
    )
    refused(MoneyError, lambda: fen("1.011"), "amount: '1.011' is finer than a fen")
    assert fen("0.01") == 1
    assert fen("1.010") == 101
    assert fen("0.10") == 10
    assert fen(Decimal("1E+2")) == 10000
    assert fen(Decimal("12E-1")) == 120
    assert fen(Decimal("0.0100")) == 1


def test_yuan_refusal_is_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: yuan(True),  # type: ignore[arg-type]
        "cents must be whole fen (int), not True",
        field="cents",
        value=True,
    )
    assert yuan(5) == Decimal("0.05") and str(yuan(5)) == "0.05"
    assert str(yuan(100)) == "1.00"


# --------------------------------------------------------------------------- largest remainder


def test_largest_remainder_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: largest_remainder(True, [1]),
        "total must be whole fen (int), not True",
        field="total",
        value=True,
    )
    refused(
        MoneyError,
        lambda: largest_remainder(-1, [1]),
        "total -1 fen must not be negative",
        field="total",
        value=-1,
    )
    assert largest_remainder(0, [1]) == ([0], [])
    refused(
        MoneyTypeError,
        lambda: largest_remainder(1, {1}),  # type: ignore[arg-type]
        "weights must be a list of positive int, not {1}",
        field="weights",
        value={1},
    )
    refused(
        MoneyTypeError,
        lambda: largest_remainder(1, [1, True]),
        "weights must be a list of positive int, not [1, True]",
        field="weights",
    )
    refused(
        MoneyError,
        lambda: largest_remainder(1, []),
        "weights must be one or more positive int, not []",
        field="weights",
        value=[],
    )
    refused(
        MoneyError,
        lambda: largest_remainder(1, [1, 0]),
        "weights must be one or more positive int, not [1, 0]",
        field="weights",
        value=[1, 0],
    )
    assert largest_remainder(2, [1, 1, 1]) == ([1, 1, 0], [0, 1])
    assert largest_remainder(2, (1, 3)) == ([1, 1], [0])
    assert largest_remainder(5, [1, 2, 2]) == ([1, 2, 2], [])
    assert largest_remainder(10, [3, 3, 1]) == ([4, 4, 2], [2])
    assert largest_remainder(3, [2, 1, 1, 2]) == ([1, 1, 0, 1], [1])


# --------------------------------------------------------------------------- Apportionment


def built(**changes: Any) -> Apportionment:
    fields: dict[str, Any] = {
        "amount": 3,
        "basis": Basis.UNIT,
        "units": ("a", "b"),
        "parts": (2, 1),
        "rounded_up": ("a",),
    }
    fields.update(changes)
    return Apportionment(**fields)


def test_apportionment_field_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: built(units="ab"),
        "units must be a tuple of unit ids, not 'ab'",
        field="units",
        value="ab",
    )
    refused(
        MoneyTypeError,
        lambda: built(units=("a", 2)),
        "units: 2 is not a unit id",
        field="units",
        value=2,
    )
    refused(
        MoneyTypeError,
        lambda: built(rounded_up="a"),
        "rounded_up must be a tuple of unit ids, not 'a'",
        field="rounded_up",
        value="a",
    )
    refused(
        MoneyTypeError,
        lambda: built(rounded_up=["a", None]),
        "rounded_up: None is not a unit id",
        field="rounded_up",
        value=None,
    )
    refused(
        MoneyTypeError,
        lambda: built(parts="21"),
        "parts must be a tuple of whole fen, not '21'",
        field="parts",
        value="21",
    )
    refused(
        MoneyTypeError,
        lambda: built(parts=[2, True]),
        "parts: True is not whole fen (int)",
        field="parts",
        value=True,
    )
    refused(
        MoneyTypeError,
        lambda: built(basis="unit"),
        "basis must be a Basis, not 'unit'",
        field="basis",
        value="unit",
    )
    refused(
        MoneyTypeError,
        lambda: built(rounding="largest-remainder"),
        "rounding must be a Rounding, not 'largest-remainder'",
        field="rounding",
    )
    refused(
        MoneyTypeError,
        lambda: built(citation="x"),
        "citation must be a Citation, not 'x'",
        field="citation",
        value="x",
    )
    assert built(units=["a", "b"], parts=[2, 1], rounded_up=["a"]).units == ("a", "b")


def test_apportionment_consistency_refusals_are_pinned() -> None:
    refused(
        MoneyTypeError,
        lambda: built(amount=True),
        "amount must be whole fen (int), not True",
        field="amount",
        value=True,
    )
    refused(
        MoneyError,
        lambda: built(amount=-1, parts=(-1, 0), rounded_up=()),
        "amount -1 fen must be from 0 to under 10**13 yuan",
        field="amount",
        value=-1,
    )
    big = 10**15
    refused(
        MoneyError,
        lambda: built(amount=big, parts=(big, 0), rounded_up=()),
        f"amount {big} fen must be from 0 to under 10**13 yuan",
        field="amount",
        value=big,
    )
    assert built(amount=big - 1, parts=(big - 1, 0), rounded_up=()).amount == big - 1
    assert built(amount=0, parts=(0, 0), rounded_up=()).amount == 0
    refused(
        MoneyError,
        lambda: built(units=(), parts=(), rounded_up=(), amount=0),
        "units must be one or more non-empty ids",
        field="units",
        value=(),
    )
    refused(
        MoneyError,
        lambda: built(units=("a", "")),
        "units must be one or more non-empty ids",
        field="units",
        value=("a", ""),
    )
    refused(
        MoneyError,
        lambda: built(units=("a", "b", "b"), parts=(1, 1, 1)),
        "units: 'b' is named twice",
        field="units",
        value="b",
    )
    refused(
        MoneyError,
        lambda: built(parts=(3,)),
        "parts must be 2 whole fen, none negative",
        field="parts",
        value=(3,),
    )
    refused(
        MoneyError,
        lambda: built(parts=(4, -1)),
        "parts must be 2 whole fen, none negative",
        field="parts",
        value=(4, -1),
    )
    refused(
        MoneyError,
        lambda: built(parts=(2, 2)),
        "parts sum to 4 fen, not the amount 3",
        field="parts",
        value=4,
    )
    refused(
        MoneyError,
        lambda: built(rounded_up=("a", "a")),
        "rounded_up must name units of the apportionment, each once",
        field="rounded_up",
        value=("a", "a"),
    )
    refused(
        MoneyError,
        lambda: built(rounded_up=("c",)),
        "rounded_up must name units of the apportionment, each once",
        field="rounded_up",
        value=("c",),
    )
    refused(
        MoneyError,
        lambda: built(units=("a", "c", "b"), parts=(3, 0, 0), rounded_up=("b", "c")),
        "rounded_up names 'b', whose part is 0 fen",
        field="rounded_up",
        value="b",
    )
    # a unit with 0 fen that is not named is fine, as is a named unit beside an empty one
    assert built(parts=(3, 0), rounded_up=("a",)).rounded_up == ("a",)
    assert built(parts=(3, 0), rounded_up=()).rounded_up == ()


def test_part_refusal_is_pinned() -> None:
    refused(
        MoneyError,
        lambda: built().part("z"),
        "unit 'z' is not in this apportionment",
        field="unit",
        value="z",
    )
    assert built().part("b") == 1


def test_apportionment_texts_are_pinned() -> None:
    split = built()
    assert (
        repr(split) == "<Apportionment exact: 0.03 yuan over 2 units by unit, 1 fen placed by "
        "largest-remainder>"
    )
    assert split.describe() == (
        "0.03 yuan split by unit over 2 units, the parts summing exactly; 1 fen placed by "
        f"largest-remainder ({DESIGN_LARGEST_REMAINDER.format()})\n"
        "  a: 0.02 yuan (+1 fen)\n"
        "  b: 0.01 yuan"
    )
    assert split.describe("zh") == (
        "0.03元按专有部分（每个相同）分摊至2个专有部分，各部分之和等于总额；余下的1分按"
        f"最大余数法分配（{DESIGN_LARGEST_REMAINDER.format('zh')}）\n"
        "  a：0.02元（多分摊1分）\n"
        "  b：0.01元"
    )


def test_apportion_refusals_are_pinned() -> None:
    units = estate([10, 20])
    refused(
        MoneyTypeError,
        lambda: apportion("1", "units"),  # type: ignore[arg-type]
        "units must be an Estate, not 'units'",
        field="units",
        value="units",
    )
    refused(
        MoneyTypeError,
        lambda: apportion("1", units, rules="CN"),  # type: ignore[arg-type]
        "rules must be a RuleSet or None, not 'CN'",
        field="rules",
        value="CN",
    )
    refused(
        MoneyError,
        lambda: apportion("1", units, shares={"1-000": 1, "1-001": 1}),
        "shares go with basis 'share' only",
        field="shares",
        value={"1-000": 1, "1-001": 1},
    )
    refused(
        MoneyError,
        lambda: apportion("1", units, Basis.SHARE),
        "shares go with basis 'share' only",
        field="shares",
        value=None,
    )
    refused(
        MoneyTypeError,
        lambda: apportion("1", units, Basis.SHARE, shares=[1, 1]),  # type: ignore[arg-type]
        "shares must be a mapping of unit id to share, not [1, 1]",
        field="shares",
        value=[1, 1],
    )
    refused(
        MoneyError,
        lambda: apportion("1", units, Basis.SHARE, shares={"1-000": 1, "9": 1}),
        "shares must name exactly the units in scope; differing: ['1-001', '9']",
        field="shares",
        value=["1-001", "9"],
    )
    many = {f"x{i}": 1 for i in range(7)}
    error = refused(
        MoneyError,
        lambda: apportion("1", units, Basis.SHARE, shares=many),
        "shares must name exactly the units in scope; differing: "
        "['1-000', '1-001', 'x0', 'x1', 'x2']",
        field="shares",
    )
    assert len(error.value) == 9
    bad = refused(
        MoneyError,
        lambda: apportion("1", units, Basis.SHARE, shares={"1-000": 1, "1-001": 0.5}),
        str(_exact_error(0.5, "share of 1-001")),
        field="shares",
        value=0.5,
    )
    assert "share of 1-001" in bad.message


def _exact_error(value: object, what: str) -> GovernanceError:
    with pytest.raises(GovernanceError) as caught:
        exact(value, what=what)
    return caught.value


def test_apportion_shares_and_households_split_exactly() -> None:
    units = estate([10, 20, 30])
    split = apportion(
        "1.00", units, Basis.SHARE, shares={"1-000": Fraction(1, 2), "1-001": "0.25", "1-002": 1}
    )
    assert split.parts == (29, 14, 57)
    assert split.rounded_up == ("1-000",)
    assert apportion("1.00", units, "unit").parts == (34, 33, 33)
    assert apportion("0.06", units).parts == (1, 2, 3)
    assert apportion("0.06", units).rounded_up == ()
    households = apportion("0.05", estate([10, 30, 20], ["Li", "Li", "Wang"]), "household")
    # Li's 3 fen over areas 10:30 → 0.75 and 2.25 → 0 + 2, one fen to the larger remainder
    assert households.parts == (1, 2, 2)
    assert households.rounded_up == ("1-000",)
    scoped = apportion("0.03", units, scope=["1-002", "1-000"])
    assert scoped.units == ("1-000", "1-002")
    assert scoped.parts == (1, 2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "parts_fen",
            {"1-000": "1"},
            "Apportionment.from_dict: parts_fen: '1' is not a whole number (int) @ $[0]",
        ),
        ("rounded_up", [1], "Apportionment.from_dict: rounded_up: 1 is not a string @ $[0]"),
    ],
)
def test_a_stored_item_of_the_wrong_type_is_invalid_data(
    field: str, value: object, message: str
) -> None:
    # the converter's exception group (cattrs IterableValidationError) escaped before
    data = apportion("1", estate([1])).to_dict()
    data[field] = value
    error = refused(InvalidDataError, lambda: Apportionment.from_dict(data), message, field=field)
    assert error.value == (("1",) if field == "parts_fen" else [1])


def test_fifty_units_are_all_listed_and_fifty_one_say_one_more() -> None:
    fifty = apportion("0.50", estate([1] * 50), "unit")
    assert fifty.describe().splitlines()[-1] == "  1-049: 0.01 yuan"
    assert "more units" not in fifty.describe() and "未列出" not in fifty.describe("zh")
    more = apportion("0.51", estate([1] * 51), "unit")
    assert more.describe().splitlines()[-1] == "  … 1 more units"
    assert more.describe("zh").splitlines()[-1] == "  另有1个专有部分未列出"


def test_a_bad_basis_is_named() -> None:
    with pytest.raises(GovernanceError) as caught:
        apportion("1", estate([1]), "floor")
    assert caught.value.message.startswith("basis: 'floor' is not one of ")


def test_stored_parts_keyed_by_a_non_string_are_invalid_data() -> None:
    data = apportion("1", estate([1])).to_dict()
    data["parts_fen"] = {1: 100}
    refused(
        InvalidDataError,
        lambda: Apportionment.from_dict(data),
        "Apportionment.from_dict: parts_fen: 1 is not a string @ $[0]",
        field="parts_fen",
    )
