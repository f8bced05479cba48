"""The maintenance fund's ledger: per-unit balances with their history, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import check_derived, exact_keys, plain_body, plain_field
from community_governance.exceptions import (
    InsufficientFundError,
    InvalidDataError,
    MoneyError,
    MoneyTypeError,
)
from community_governance.money._rules import deprecated, money_param, not_rules
from community_governance.money.apportion import Apportionment, yuan
from community_governance.register.estate import Estate
from community_governance.rules.money import measures_2007
from community_governance.rules.ruleset import RuleSet

__all__ = ["Entry", "EntryKind", "Fund"]

#: Draws are charged to the units in scope: who benefits bears the cost (2007 Measures
#: Art. 19: 受益人和负担人相一致).
BENEFIT_PAYS = measures_2007("19", "beneficiaries and payers are the same (受益人和负担人相一致)")


class EntryKind(Enum):
    """A ledger entry's kind.

    Attributes:
        DEPOSIT: Money paid in (a first deposit, a replenishment).
        DRAW: Money paid out for a repair, charged to the units in scope.
    """

    DEPOSIT = "deposit"
    DRAW = "draw"


def _type(kind: type, what: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (kind is date and isinstance(value, datetime)):
            raise MoneyTypeError(
                f"{attribute.name} must be {what}, not {value!r:.80}",
                field=attribute.name,
                value=value,
            )

    return check


def _notices(value: object) -> tuple[Notice, ...]:
    if not isinstance(value, tuple | list) or not all(isinstance(n, Notice) for n in value):
        raise MoneyTypeError(
            f"notices must be a tuple of Notice, not {value!r:.80}", field="notices", value=value
        )
    return tuple(value)


def _accounts(value: object) -> tuple[str, ...]:
    if not isinstance(value, tuple | list) or not all(type(u) is str for u in value):
        raise MoneyTypeError(
            f"units must be a tuple of unit ids, not {value!r:.80}", field="units", value=value
        )
    units = tuple(value)
    if "" in units:
        raise MoneyError("units: a unit id must not be empty", field="units", value="")
    if len(set(units)) != len(units):
        twice = next(u for u in units if units.count(u) > 1)
        raise MoneyError(f"units: {twice!r} is named twice", field="units", value=twice)
    return units


def _entries(value: object) -> tuple[Entry, ...]:
    if not isinstance(value, tuple | list) or not all(isinstance(e, Entry) for e in value):
        raise MoneyTypeError(
            f"entries must be a tuple of Entry, not {value!r:.80}", field="entries", value=value
        )
    return tuple(value)


@attrs.frozen(slots=True)
class Entry:
    """One ledger entry: a dated deposit or draw split over units.

    Attributes:
        on: The day.
        kind: Deposit or draw.
        split: The amount and each unit's part.
        purpose: What it was for.
        notices: Flags raised when it was booked (e.g. a short balance allowed).
    """

    on: date = attrs.field(validator=_type(date, "a date"))
    kind: EntryKind = attrs.field(validator=_type(EntryKind, "an EntryKind"))
    split: Apportionment = attrs.field(validator=_type(Apportionment, "an Apportionment"))
    purpose: str = attrs.field(default="", validator=_type(str, "a string"))
    notices: tuple[Notice, ...] = attrs.field(default=(), converter=_notices)


@attrs.frozen(slots=True, repr=False)
class Fund:
    """The fund of an estate: every unit's balance in fen, derived from the entries.

    Attributes:
        units: The units holding a sub-account (分户账), in register order.
        entries: The history, in date order.
    """

    units: tuple[str, ...] = attrs.field(converter=_accounts)
    entries: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)

    def __attrs_post_init__(self) -> None:
        """Refuse entries out of date order or charged to units without a sub-account."""
        accounts = set(self.units)
        for before, entry in zip((None, *self.entries), self.entries, strict=False):
            if before is not None and entry.on < before.on:
                raise MoneyError(
                    f"entry on {entry.on} is before the last entry", field="on", value=entry.on
                )
            if not accounts.issuperset(entry.split.units):
                unknown = sorted(set(entry.split.units) - accounts)
                raise MoneyError(
                    f"units without a sub-account: {unknown[:5]}",
                    field="entries",
                    value=unknown,
                )

    @classmethod
    def open(cls, estate: Estate) -> Fund:
        """An empty fund with one sub-account per unit of ``estate``.

        Raises:
            MoneyTypeError: ``estate`` is not an Estate.
        """
        if not isinstance(estate, Estate):
            raise MoneyTypeError(
                f"estate must be an Estate, not {estate!r}", field="estate", value=estate
            )
        return cls(tuple(unit.id for unit in estate.units))

    def balances(self, on: date | None = None) -> dict[str, int]:
        """Each unit's balance in fen, after every entry up to ``on`` (all when ``None``)."""
        if on is not None and (isinstance(on, datetime) or not isinstance(on, date)):
            raise MoneyTypeError(f"on must be a date or None, not {on!r}", field="on", value=on)
        result = dict.fromkeys(self.units, 0)
        for entry in self.entries:
            if on is not None and entry.on > on:
                break
            sign = 1 if entry.kind is EntryKind.DEPOSIT else -1
            for unit, part in zip(entry.split.units, entry.split.parts, strict=True):
                result[unit] += sign * part
        return result

    def balance(self, units: tuple[str, ...] | None = None) -> int:
        """The balance in fen of some units (all when ``None``; a unit named twice counts once)."""
        balances = self.balances()
        if units is None:
            return sum(balances.values())
        if isinstance(units, str) or not isinstance(units, tuple | list | set | frozenset):
            raise MoneyTypeError(
                f"units must be a collection of unit ids, not {units!r}", field="units", value=units
            )
        unknown = sorted(str(u) for u in units if u not in balances)
        if unknown:
            raise MoneyError(
                f"units without a sub-account: {unknown[:5]}", field="units", value=unknown
            )
        return sum(balances[u] for u in dict.fromkeys(units))

    def deposit(self, split: Apportionment, *, on: date, purpose: str = "") -> Fund:
        """A new fund with a deposit booked (e.g. a first deposit or a replenishment).

        Raises:
            MoneyError, MoneyTypeError: see `draw`.
        """
        self._check(split, on, purpose)
        return attrs.evolve(
            self, entries=(*self.entries, Entry(on, EntryKind.DEPOSIT, split, purpose))
        )

    def draw(
        self, split: Apportionment, *, on: date, purpose: str = "", allow_short: bool = False
    ) -> Fund:
        """A new fund with a draw charged to the units of ``split`` (the owners concerned).

        A draw larger than the scoped balance (the balance of the units charged) is refused,
        or with ``allow_short=True`` booked with a ``fund-short`` notice; a unit left below
        zero is flagged with ``unit-overdrawn``.

        Raises:
            InsufficientFundError: the scoped balance is short and ``allow_short`` is false.
            MoneyError: a unit without a sub-account, or a date before the last entry.
            MoneyTypeError: ``split`` is not an Apportionment, ``on`` not a date.
        """
        self._check(split, on, purpose)
        if not isinstance(allow_short, bool):
            raise MoneyTypeError(
                "allow_short must be a bool", field="allow_short", value=allow_short
            )
        balances = self.balances()
        scoped = sum(balances[u] for u in split.units)
        notices: list[Notice] = []
        if scoped < split.amount:
            short = split.amount - scoped
            message = f"the scoped balance {yuan(scoped)} is {yuan(short)} yuan short of the draw"
            if not allow_short:
                raise InsufficientFundError(
                    message, field="amount", value=split.amount, short=short
                )
            notices.append(
                Notice(
                    "fund-short", message, f"列支范围内余额不足，差额{yuan(short)}元", BENEFIT_PAYS
                )
            )
        over = [u for u, p in zip(split.units, split.parts, strict=True) if balances[u] < p]
        if over:
            notices.append(
                Notice(
                    "unit-overdrawn",
                    f"{len(over)} unit(s) go below zero: {', '.join(over[:10])}",
                    f"{len(over)}户分户账余额不足：{'、'.join(over[:10])}",
                    BENEFIT_PAYS,
                )
            )
        entry = Entry(on, EntryKind.DRAW, split, purpose, tuple(notices))
        return attrs.evolve(self, entries=(*self.entries, entry))

    def to_replenish(
        self, first: Mapping[str, int], rules: RuleSet | tuple[Fraction, Citation]
    ) -> tuple[str, ...]:
        """Units whose balance is under the rule set's share of their first deposit (in fen).

        Args:
            first: Unit id → first deposit in fen.
            rules: The rule set in force, whose ``money.replenish_below`` is the share (the
                2007 Measures Art. 17 value is medium confidence: resolve with
                ``include_unconfirmed=True``). A ``(share, citation)`` pair (the deprecated
                ``MONEY_RULES.replenish_below``) still works with a DeprecationWarning.

        Raises:
            MoneyError: a unit without a sub-account, or a deposit that is not whole fen.
            MoneyTypeError: ``first`` is not a mapping, or ``rules`` is neither a RuleSet nor
                a (Fraction, Citation) pair.
            MissingParameterError: no layer of ``rules`` supplies the share.
        """
        ratio = _replenish_share(rules)
        if not isinstance(first, Mapping):
            raise MoneyTypeError(
                f"first must be a mapping of unit id to fen, not {first!r:.80}",
                field="first",
                value=first,
            )
        balances = self.balances()
        for unit, amount in first.items():
            if unit not in balances or type(amount) is not int or amount < 0:
                raise MoneyError(
                    f"first deposit of {unit!r} must be whole fen of a unit with a sub-account,"
                    f" not {amount!r}",
                    field="first",
                    value=unit,
                )
        return tuple(
            u
            for u, amount in first.items()
            if balances[u] * ratio.denominator < amount * ratio.numerator
        )

    def _check(self, split: object, on: object, purpose: object) -> None:
        if not isinstance(split, Apportionment):
            raise MoneyTypeError(
                f"split must be an Apportionment, not {split!r}", field="split", value=split
            )
        if isinstance(on, datetime) or not isinstance(on, date):
            raise MoneyTypeError(f"on must be a date, not {on!r}", field="on", value=on)
        if not isinstance(purpose, str):
            raise MoneyTypeError(
                f"purpose must be a string, not {purpose!r}", field="purpose", value=purpose
            )
        if self.entries and on < self.entries[-1].on:
            raise MoneyError(f"entry on {on} is before the last entry", field="on", value=on)
        unknown = set(split.units) - set(self.units)
        if unknown:
            raise MoneyError(
                f"units without a sub-account: {sorted(unknown)[:5]}",
                field="split",
                value=sorted(unknown),
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain data (schema ``community_governance.fund/2``): entries and balances in fen.

        ``balances_fen`` lists every sub-account in order; each entry holds its split
        (`Apportionment.to_dict`) and its notices' codes.
        """
        return {
            "schema": FUND_SCHEMA,
            "entries": [
                {
                    "on": e.on.isoformat(),
                    "kind": e.kind.value,
                    "purpose": e.purpose,
                    "split": e.split.to_dict(),
                    "notices": [n.code for n in e.notices],
                }
                for e in self.entries
            ],
            "balances_fen": self.balances(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fund:
        """Rebuild a fund from its `to_dict` data by booking every entry again.

        The sub-accounts are the keys of ``balances_fen``. Each deposit and draw is booked
        again (a draw with a stored ``fund-short`` notice as allowed short); the notices and
        the balances recomputed must equal the stored ones. Data of schema ``/1`` (the split's
        fields in the entry itself) load the same way.

        Raises:
            InvalidDataError: not a mapping of this schema, a float, a missing or unknown
                field, a field of the wrong type.
            DerivedFactMismatchError: a stored notice or balance differs from the one
                recomputed.
            InsufficientFundError: a stored draw without ``fund-short`` exceeds the scoped
                balance.
            MoneyError: a split that does not add up, entries out of date order.
        """
        body = plain_body(data, "Fund", (FUND_SCHEMA, _FUND_1), _FUND_KEYS)
        stored = _plain_map(body["balances_fen"], "balances_fen")
        entries = body["entries"]
        if not isinstance(entries, list):
            raise InvalidDataError(
                f"Fund.from_dict: entries must be a list, not {entries!r:.80}",
                field="entries",
                value=entries,
            )
        fund = cls(tuple(stored))
        for number, entry in enumerate(entries):
            fund = fund._again(entry, f"entries[{number}]", data.get("schema") == _FUND_1)
        check_derived("Fund", "balances_fen", stored, fund.balances())
        return fund

    def _again(self, entry: object, where: str, inline: bool) -> Fund:
        """The fund with one stored entry booked again, its notices checked."""
        given = _plain_map(entry, where)
        if inline:  # schema /1: the split's fields, and its schema, in the entry itself
            split_data = {k: given[k] for k in (*_SPLIT_KEYS, "schema") if k in given}
            given = {k: v for k, v in given.items() if k not in split_data}
        what = f"Fund.from_dict: {where}"  # opens each message: "…: entries[3]: on: …"
        exact_keys(given, _INLINE_KEYS if inline else _ENTRY_KEYS, what)
        try:
            split = Apportionment.from_dict(split_data if inline else given["split"])
        except InvalidDataError as error:  # named within the fund: which entry's split
            raise InvalidDataError(
                f"{what}: split: {error.message}", field=f"{where}.split", value=error.value
            ) from None
        on = plain_field(given, "on", date, what)
        kind = plain_field(given, "kind", EntryKind, what)
        purpose = plain_field(given, "purpose", str, what)
        codes = plain_field(given, "notices", tuple[str, ...], what)
        if kind is EntryKind.DEPOSIT:
            booked = self.deposit(split, on=on, purpose=purpose)
        else:
            booked = self.draw(split, on=on, purpose=purpose, allow_short="fund-short" in codes)
        check_derived(where, "notices", codes, tuple(n.code for n in booked.entries[-1].notices))
        return booked

    def __repr__(self) -> str:
        """One line: the total balance first."""
        total = yuan(self.balance())
        units, entries = (
            counted(len(self.units), "unit"),
            counted(len(self.entries), "entry", "entries"),
        )
        return f"<Fund balance {total} yuan: {units}, {entries}>"

    __str__ = __repr__

    def describe(self, lang: str = "en") -> str:
        """The fund in ``"en"`` or ``"zh"``: the balance, then each entry and its notices.

        Chinese: ``"专项维修资金余额300.00元：分户账3个，记账1笔"``, then
        ``"  2025-01-01 交存300.00元，涉及3个专有部分：首期交存"``.
        """
        lang = language(lang)
        zh = lang == "zh"
        total = yuan(self.balance())
        if zh:
            lines = [
                f"专项维修资金余额{total}元：分户账{len(self.units)}个，记账{len(self.entries)}笔"
            ]
        else:
            lines = [
                f"Fund balance {total} yuan: {counted(len(self.units), 'unit')}, "
                f"{counted(len(self.entries), 'entry', 'entries')}"
            ]
        for e in self.entries:
            amount, units = yuan(e.split.amount), len(e.split.units)
            if zh:
                kind = "交存" if e.kind is EntryKind.DEPOSIT else "使用"
                purpose = f"：{e.purpose}" if e.purpose else ""
                lines.append(
                    f"  {e.on.isoformat()} {kind}{amount}元，涉及{units}个专有部分{purpose}"
                )
            else:
                purpose = f": {e.purpose}" if e.purpose else ""
                lines.append(
                    f"  {e.on.isoformat()} {e.kind.value} {amount} yuan over "
                    f"{counted(units, 'unit')}{purpose}"
                )
            lines += [("    注意：" if zh else "    Note: ") + n.text(lang) for n in e.notices]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = [
            (e.on, e.kind.value, yuan(e.split.amount), len(e.split.units), e.purpose)
            for e in self.entries
        ]
        return html_table(
            f"Fund: {yuan(self.balance())} yuan", ["on", "kind", "yuan", "units", "purpose"], rows
        )


def _replenish_share(rules: object) -> Fraction:
    if isinstance(rules, RuleSet):
        share: Fraction = money_param(rules, rules.money.replenish_below, "replenish_below").value
        return share
    if (
        isinstance(rules, tuple)
        and len(rules) == 2
        and isinstance(rules[0], Fraction)
        and isinstance(rules[1], Citation)
    ):
        deprecated("a (share, citation) pair to Fund.to_replenish", "rules_for(code, on=day)")
        return rules[0]
    raise not_rules("rules", rules, " or a (Fraction, Citation) pair (deprecated)")


#: The schema `Fund.to_dict` writes.
FUND_SCHEMA = "community_governance.fund/2"
_FUND_1 = "community_governance.fund/1"
_FUND_KEYS = frozenset({"entries", "balances_fen"})
_ENTRY_KEYS = frozenset({"on", "kind", "purpose", "split", "notices"})
#: The fields of a split a schema /1 entry holds in itself.
_SPLIT_KEYS = ("amount_fen", "basis", "rounding", "parts_fen", "rounded_up", "citation")

#: A schema /1 entry's own fields (its split's fields are read apart).
_INLINE_KEYS = _ENTRY_KEYS - {"split"}


def _plain_map(value: object, where: str) -> dict[str, Any]:
    """``value`` when it is a mapping (an entry, the balances), else a named error."""
    if not isinstance(value, dict):
        raise InvalidDataError(
            f"Fund.from_dict: {where} must be a mapping, not {value!r:.80}",
            field=where,
            value=value,
        )
    return value
