"""`apportion`: split an exact amount over units to the fen; the parts always sum exactly."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import compress
from math import lcm
from operator import not_
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.exact import exact
from community_governance._base.format import counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.serial import converter, plain_body, plain_field
from community_governance.exceptions import (
    GovernanceError,
    InvalidDataError,
    MoneyError,
    MoneyTypeError,
)
from community_governance.register.estate import Estate
from community_governance.rules.money import DESIGN_LARGEST_REMAINDER, Basis, Rounding
from community_governance.rules.ruleset import RuleSet

__all__ = ["Apportionment", "apportion", "fen", "largest_remainder", "yuan"]

_MAX_TEXT = 40
_SHOWN = 50
_BASIS_ZH = {
    Basis.AREA: "按专有部分面积",
    Basis.UNIT: "按专有部分（每个相同）",
    Basis.HOUSEHOLD: "按业主人数",
    Basis.SHARE: "按约定份额",
}
_ROUNDING_ZH = {Rounding.LARGEST_REMAINDER: "最大余数法"}


def fen(amount: object, *, field: str = "amount") -> int:
    """An amount in yuan (``"1234.56"``, ``Decimal``, ``int``) as whole fen.

    Raises:
        MoneyTypeError: a float, a bool or another non-exact type.
        MoneyError: not a number, negative, finer than a fen, or 10**13 yuan or more.
    """
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal | str):
        raise MoneyTypeError(
            f"{field}: {amount!r} is not an exact amount in yuan (pass '1234.56' or a Decimal)",
            field=field,
            value=amount,
        )
    if isinstance(amount, str) and len(amount) > _MAX_TEXT:
        raise MoneyError(f"{field}: {amount[:20]!r}… is too long", field=field, value=amount)
    if isinstance(amount, str) and (not amount.isascii() or "_" in amount):
        raise MoneyError(
            f"{field}: {amount!r} is not a number (ASCII digits only, no underscores)",
            field=field,
            value=amount,
        )
    try:
        value = Decimal(amount.strip() if isinstance(amount, str) else amount)
    except InvalidOperation:
        raise MoneyError(
            f"{field}: {amount!r} is not a number", field=field, value=amount
        ) from None
    if not value.is_finite() or value < 0:
        raise MoneyError(
            f"{field}: {amount!r} must be a non-negative amount to the fen",
            field=field,
            value=amount,
        )
    if not value:
        return 0
    if value.adjusted() >= 13:
        raise MoneyError(f"{field}: {amount!r} is too large", field=field, value=amount)
    # read the digits exactly: Decimal arithmetic would round to its context's 28 digits
    _, digits, exponent = value.as_tuple()
    beyond = -int(exponent) - 2  # digits after the fen
    if value.adjusted() < -2 or (beyond > 0 and any(digits[-beyond:])):
        raise MoneyError(f"{field}: {amount!r} is finer than a fen", field=field, value=amount)
    whole = int("".join(map(str, digits[: len(digits) - max(beyond, 0)])))
    return int(whole * 10 ** max(-beyond, 0))


def yuan(cents: int) -> Decimal:
    """Whole fen shown as yuan: ``123456`` → ``Decimal("1234.56")``.

    An overdrawn balance is negative: ``-5`` → ``Decimal("-0.05")``.

    Raises:
        MoneyTypeError: ``cents`` is not an ``int`` (a float, a bool, a str).
    """
    if type(cents) is not int:
        raise MoneyTypeError(
            f"cents must be whole fen (int), not {cents!r:.80}", field="cents", value=cents
        )
    return Decimal(cents).scaleb(-2)


def largest_remainder(total: int, weights: Sequence[int]) -> tuple[list[int], list[int]]:
    """Split ``total`` fen in proportion to positive integer ``weights``, exactly.

    Each part is ``total * w // sum(weights)``; the fen left over go one each to the largest
    remainders, ties to the earlier position (Hamilton's method).

    Returns:
        The parts, and the positions that received an extra fen (in order of position).

    Raises:
        MoneyTypeError: ``total`` or a weight is not an ``int`` (a float, a bool, a
            `Fraction`), or ``weights`` is not a list or tuple.
        MoneyError: ``total`` is negative, or ``weights`` is empty or holds a weight that is
            not positive.
    """
    if type(total) is not int:
        raise MoneyTypeError(
            f"total must be whole fen (int), not {total!r:.80}", field="total", value=total
        )
    if total < 0:
        raise MoneyError(f"total {total} fen must not be negative", field="total", value=total)
    if not isinstance(weights, list | tuple) or not all(type(w) is int for w in weights):
        raise MoneyTypeError(
            f"weights must be a list of positive int, not {weights!r:.80}",
            field="weights",
            value=weights,
        )
    if not weights or min(weights) <= 0:
        raise MoneyError(
            f"weights must be one or more positive int, not {weights!r:.80}",
            field="weights",
            value=weights,
        )
    return _split(total, weights)


def _split(total: int, weights: Sequence[int]) -> tuple[list[int], list[int]]:
    """`largest_remainder` on weights known to be positive integers (the engine's path)."""
    whole = sum(weights)
    parts: list[int] = []
    remainders: list[int] = []
    add_part, add_rem = parts.append, remainders.append
    for weight in weights:
        q, r = divmod(total * weight, whole)
        add_part(q)
        add_rem(r)
    left = total - sum(parts)
    extra = sorted(heapq.nlargest(left, range(len(parts)), key=remainders.__getitem__))
    for position in extra:
        parts[position] += 1
    return parts, extra


#: Amounts in fen are below this (10**13 yuan, the bound of `fen`).
_MAX_FEN = 10**15


def _ids(value: object, name: str) -> tuple[str, ...]:
    """A tuple or list of unit ids as a tuple; anything else (a str included) refused."""
    if not isinstance(value, tuple | list):
        raise MoneyTypeError(
            f"{name} must be a tuple of unit ids, not {value!r:.80}", field=name, value=value
        )
    ids = tuple(value)
    if ids and set(map(type, ids)) != {str}:
        bad = next(i for i in ids if type(i) is not str)
        raise MoneyTypeError(f"{name}: {bad!r:.80} is not a unit id", field=name, value=bad)
    return ids


def _unit_ids(value: object) -> tuple[str, ...]:
    return _ids(value, "units")


def _rounded_ids(value: object) -> tuple[str, ...]:
    return _ids(value, "rounded_up")


def _fen_parts(value: object) -> tuple[int, ...]:
    if not isinstance(value, tuple | list):
        raise MoneyTypeError(
            f"parts must be a tuple of whole fen, not {value!r:.80}", field="parts", value=value
        )
    parts = tuple(value)
    if parts and set(map(type, parts)) != {int}:
        bad = next(p for p in parts if type(p) is not int)
        raise MoneyTypeError(f"parts: {bad!r} is not whole fen (int)", field="parts", value=bad)
    return parts


def _instance(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise MoneyTypeError(
                f"{attribute.name} must be a {kind.__name__}, not {value!r:.80}",
                field=attribute.name,
                value=value,
            )

    return check


@attrs.frozen(slots=True, repr=False)
class Apportionment:
    """An amount split over units, to the fen.

    Attributes:
        amount: The amount in fen.
        basis: How it was split.
        units: The unit ids, in the order given.
        parts: Each unit's part in fen (same order); they sum to ``amount``.
        rounded_up: Units that received one extra fen under the rounding rule (per
            household: one extra fen in the split of their person's part; the fen the split
            among persons gives a person are named on no unit).
        rounding: The rounding rule.
        citation: Where the rounding rule comes from.
    """

    amount: int
    basis: Basis = attrs.field(validator=_instance(Basis))
    units: tuple[str, ...] = attrs.field(converter=_unit_ids)
    parts: tuple[int, ...] = attrs.field(converter=_fen_parts)
    rounded_up: tuple[str, ...] = attrs.field(converter=_rounded_ids)
    rounding: Rounding = attrs.field(
        default=Rounding.LARGEST_REMAINDER, validator=_instance(Rounding)
    )
    citation: Citation = attrs.field(
        default=DESIGN_LARGEST_REMAINDER, validator=_instance(Citation)
    )

    def __attrs_post_init__(self) -> None:
        """Refuse an apportionment whose parts do not add up or that names the wrong units."""
        amount, units, parts = self.amount, self.units, self.parts
        if type(amount) is not int:
            raise MoneyTypeError(
                f"amount must be whole fen (int), not {amount!r:.80}", field="amount", value=amount
            )
        if not 0 <= amount < _MAX_FEN:
            raise MoneyError(
                f"amount {amount} fen must be from 0 to under 10**13 yuan",
                field="amount",
                value=amount,
            )
        known = set(units)
        if not units or "" in known:
            raise MoneyError("units must be one or more non-empty ids", field="units", value=units)
        if len(known) != len(units):
            twice = next(u for u in units if units.count(u) > 1)
            raise MoneyError(f"units: {twice!r} is named twice", field="units", value=twice)
        if len(parts) != len(units) or (parts and min(parts) < 0):
            raise MoneyError(
                f"parts must be {len(units)} whole fen, none negative", field="parts", value=parts
            )
        if sum(parts) != amount:
            raise MoneyError(
                f"parts sum to {sum(parts)} fen, not the amount {amount}",
                field="parts",
                value=sum(parts),
            )
        self._check_rounded(known)

    def _check_rounded(self, known: set[str]) -> None:
        named = self.rounded_up
        if len(set(named)) != len(named) or not known.issuperset(named):
            raise MoneyError(
                "rounded_up must name units of the apportionment, each once",
                field="rounded_up",
                value=named,
            )
        if named and not all(self.parts):
            empty = set(compress(self.units, map(not_, self.parts))).intersection(named)
            if empty:
                first = min(empty)
                raise MoneyError(
                    f"rounded_up names {first!r}, whose part is 0 fen",
                    field="rounded_up",
                    value=first,
                )

    def part(self, unit_id: str) -> int:
        """The part of ``unit_id`` in fen.

        Raises:
            MoneyError: the unit is not in the apportionment.
        """
        try:
            return self.parts[self.units.index(unit_id)]
        except ValueError:
            raise MoneyError(
                f"unit {unit_id!r} is not in this apportionment", field="unit", value=unit_id
            ) from None

    def as_dict(self) -> dict[str, int]:
        """Unit id → part in fen."""
        return dict(zip(self.units, self.parts, strict=True))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (schema ``community_governance.apportionment/2``); amounts in fen.

        ``parts_fen`` maps each unit to its part in the apportionment's order; the citation
        is written as data (schema ``/1`` wrote only its text).
        """
        return {
            "schema": APPORTIONMENT_SCHEMA,
            "amount_fen": self.amount,
            "basis": self.basis.value,
            "rounding": self.rounding.value,
            "parts_fen": self.as_dict(),
            "rounded_up": list(self.rounded_up),
            "citation": converter.unstructure(self.citation),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Apportionment:
        """Rebuild an apportionment from its `to_dict` data.

        The parts are checked as when built (they sum to the amount, whole fen, each unit
        once, ``rounded_up`` only units that got a fen). Data of schema ``/1`` load when their
        citation text is the default rounding rule's (the only one a ``/1`` split could carry
        unchanged); other ``/1`` data are refused, their citation being text only.

        Raises:
            InvalidDataError: not a mapping of this schema, a float, a missing or unknown
                field, a field of the wrong type, or a ``/1`` citation that is not the default.
            MoneyError: parts that do not add up, or units named twice.
        """
        body = plain_body(data, "Apportionment", (APPORTIONMENT_SCHEMA, _SCHEMA_1), _KEYS)
        parts = body["parts_fen"]
        if not isinstance(parts, dict):
            raise InvalidDataError(
                f"Apportionment.from_dict: parts_fen must map units to fen, not {parts!r:.80}",
                field="parts_fen",
                value=parts,
            )
        return cls(
            _field(body, "amount_fen", int),
            _field(body, "basis", Basis),
            _field({"parts_fen": tuple(parts)}, "parts_fen", tuple[str, ...]),
            _field({"parts_fen": tuple(parts.values())}, "parts_fen", tuple[int, ...]),
            _field(body, "rounded_up", tuple[str, ...]),
            _field(body, "rounding", Rounding),
            _citation(body),
        )

    def __repr__(self) -> str:
        """One line, the verdict first."""
        return (
            f"<Apportionment exact: {yuan(self.amount)} yuan over "
            f"{counted(len(self.units), 'unit')} by "
            f"{self.basis.value}, {len(self.rounded_up)} fen placed by {self.rounding.value}>"
        )

    __str__ = __repr__

    def describe(self, lang: str = "en") -> str:
        """The split in ``"en"`` or ``"zh"``: amount, basis, rounding, then each unit's part.

        Only the first fifty units are listed.

        Chinese: ``"100.00元按专有部分面积分摊至3个专有部分，各部分之和等于总额；余下的1分按
        最大余数法分配（…）"``, then ``"  1-101：33.34元（多分摊1分）"``.
        """
        lang = language(lang)
        zh = lang == "zh"
        up = set(self.rounded_up)
        total, count, extra = yuan(self.amount), len(self.units), len(self.rounded_up)
        cite = self.citation.format(lang)
        if zh:
            lines = [
                f"{total}元{_BASIS_ZH[self.basis]}分摊至{count}个专有部分，各部分之和等于总额；"
                f"余下的{extra}分按{_ROUNDING_ZH[self.rounding]}分配（{cite}）"
            ]
        else:
            lines = [
                f"{total} yuan split by {self.basis.value} over {counted(count, 'unit')}, the"
                f" parts summing exactly; {extra} fen placed by {self.rounding.value} ({cite})"
            ]
        for unit, part in zip(self.units[:_SHOWN], self.parts, strict=False):
            mark = ("（多分摊1分）" if zh else " (+1 fen)") if unit in up else ""
            lines.append(
                f"  {unit}：{yuan(part)}元{mark}" if zh else f"  {unit}: {yuan(part)} yuan{mark}"
            )
        if count > _SHOWN:
            more = count - _SHOWN
            lines.append(f"  另有{more}个专有部分未列出" if zh else f"  … {more} more units")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        up = set(self.rounded_up)
        rows = [
            (u, yuan(p), "+1 fen" if u in up else "")
            for u, p in zip(self.units[:50], self.parts, strict=False)
        ]
        return html_table(
            f"{yuan(self.amount)} yuan by {self.basis.value}: parts sum exactly",
            ["unit", "yuan", "rounding"],
            rows,
            footer=[self.citation.format(), counted(len(self.units), "unit")],
        )


def apportion(
    amount: object,
    units: Estate,
    basis: Basis | str = Basis.AREA,
    *,
    shares: Mapping[str, object] | None = None,
    scope: Iterable[str] | None = None,
    rules: RuleSet | None = None,
) -> Apportionment:
    """Split an amount in yuan over an estate's units (or a scope of them), to the fen.

    Args:
        amount: The amount in yuan, exact (``"1234.56"``, ``Decimal``, ``int``).
        units: The register.
        basis: By area, per unit, per household (counted person, split within a person by
            area) or by declared ``shares``.
        shares: Unit id → positive exact share, for every unit in scope (basis ``SHARE``).
        scope: Unit ids of the owners concerned; persons are recounted within it.
        rules: The rule set in force; its ``money.rounding``, when a layer sets one, is the
            rounding rule (and its citation is kept). Without one (or without ``rules``) the
            rounding is by largest remainder, a library design decision.

    Returns:
        The [Apportionment][community_governance.money.Apportionment], naming its rounding
        rule and that rule's citation.

    Raises:
        MoneyTypeError: ``units`` is not an Estate, ``rules`` not a RuleSet, or ``amount``
            a float.
        MoneyError: a bad amount, or shares missing, extra or given for another basis.
        InvalidChoiceError: an unknown basis.
        ScopeError, UnknownUnitError: a bad scope.
        EmptyEstateError: ``scope`` selects no unit.
    """
    if not isinstance(units, Estate):
        raise MoneyTypeError(f"units must be an Estate, not {units!r}", field="units", value=units)
    rounding = _rounding(rules)
    total = fen(amount)
    basis = parse_enum(Basis, basis, what="basis")
    estate = units if scope is None else units.restrict(scope)
    if (shares is not None) != (basis is Basis.SHARE):
        raise MoneyError("shares go with basis 'share' only", field="shares", value=shares)
    ids = tuple(unit.id for unit in estate.units)
    if basis is Basis.HOUSEHOLD:
        parts, extra = _households(total, estate)
    else:
        parts, extra = _split(total, _weights(estate, basis, shares))
    return Apportionment(total, basis, ids, tuple(parts), tuple(ids[i] for i in extra), *rounding)


def _rounding(rules: object) -> tuple[Rounding, Citation]:
    if rules is None:
        return Rounding.LARGEST_REMAINDER, DESIGN_LARGEST_REMAINDER
    if not isinstance(rules, RuleSet):
        raise MoneyTypeError(
            f"rules must be a RuleSet or None, not {rules!r:.80}", field="rules", value=rules
        )
    param = rules.money.rounding
    if param is None:
        return Rounding.LARGEST_REMAINDER, DESIGN_LARGEST_REMAINDER
    return param.value, param.citation


def _weights(estate: Estate, basis: Basis, shares: Mapping[str, object] | None) -> Sequence[int]:
    if basis is Basis.UNIT:
        return [1] * len(estate.units)
    if basis is Basis.AREA:
        return estate.person_index.unit_area
    return _share_weights(estate, shares)


def _share_weights(estate: Estate, shares: object) -> list[int]:
    if not isinstance(shares, Mapping):
        raise MoneyTypeError(
            f"shares must be a mapping of unit id to share, not {shares!r}",
            field="shares",
            value=shares,
        )
    ids = [unit.id for unit in estate.units]
    if set(shares) != set(ids):
        odd = sorted(set(shares) ^ set(ids), key=repr)  # keys of any type
        raise MoneyError(
            f"shares must name exactly the units in scope; differing: {odd[:5]}",
            field="shares",
            value=odd,
        )
    try:
        values = [Fraction(exact(shares[i], what=f"share of {i}")) for i in ids]
    except GovernanceError as error:
        raise MoneyError(str(error), field="shares", value=error.details.get("value")) from None
    common = lcm(*(v.denominator for v in values))
    return [int(v * common) for v in values]


def _households(total: int, estate: Estate) -> tuple[list[int], list[int]]:
    """Equal per counted person, then each person's part over its units by area.

    The units named are those given a fen in the split of their person's part: a fen the
    split among persons gives a person is that person's, and is named on no unit.
    """
    persons = estate.persons
    per_person, _ = _split(total, [1] * len(persons))
    parts = [0] * len(estate.units)
    extra: set[int] = set()
    unit_area = estate.person_index.unit_area
    for person, share in zip(persons, per_person, strict=True):
        positions = [estate.unit_position(u) for u in person.units]
        weights = [unit_area[p] for p in positions]
        split, up = _split(share, weights)
        for position, value in zip(positions, split, strict=True):
            parts[position] = value
        extra.update(positions[i] for i in up)
    return parts, sorted(extra)


#: The schema `Apportionment.to_dict` writes.
APPORTIONMENT_SCHEMA = "community_governance.apportionment/2"
_SCHEMA_1 = "community_governance.apportionment/1"
_KEYS = frozenset({"amount_fen", "basis", "rounding", "parts_fen", "rounded_up", "citation"})


def _field(body: dict[str, Any], name: str, kind: Any) -> Any:
    return plain_field(body, name, kind, "Apportionment.from_dict")


def _citation(body: dict[str, Any]) -> Citation:
    """The stored citation: data (schema /2), or the default rule's text (schema /1)."""
    cited = body["citation"]
    if isinstance(cited, str):
        if cited != DESIGN_LARGEST_REMAINDER.format():
            raise InvalidDataError(
                "Apportionment.from_dict: schema /1 stored the citation as text only "
                f"({cited!r:.80}); write the apportionment again with this version",
                field="citation",
                value=cited,
            )
        return DESIGN_LARGEST_REMAINDER
    result: Citation = _field(body, "citation", Citation)
    return result
