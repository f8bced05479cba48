"""Charges: which need an assembly decision, which are voluntary; crowdfunding totals."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.format import counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.exceptions import MoneyError, MoneyTypeError
from community_governance.money._rules import money_param, not_rules
from community_governance.money.apportion import fen, yuan
from community_governance.rules.matters import Matter
from community_governance.rules.money import ChargeKind, MatterReading
from community_governance.rules.ruleset import RuleSet

__all__ = ["Charge", "DecisionNeed", "Pledges", "decision_needed", "fee_adjustment"]

_CC = "civil_code"
_READING = "reading of Civil Code Art. 278(1); not settled by a text"


@attrs.frozen(slots=True, repr=False)
class DecisionNeed:
    """Whether a charge needs an assembly decision, as which matter, and why.

    Attributes:
        needed: Whether a vote of the owners concerned is needed.
        matter: The matter it is decided as (``None`` when no vote is needed).
        reason: Why, in English.
        citation: The article or design decision.
    """

    needed: bool
    matter: Matter | None
    reason: str
    citation: Citation

    def __repr__(self) -> str:
        """One line, the verdict first."""
        what = f"decide as {self.matter.value}" if self.matter else "no vote"
        return f"<DecisionNeed {'NEEDED' if self.needed else 'NOT NEEDED'} ({what}): {self.reason}>"

    __str__ = __repr__

    def explain(self, lang: str = "en") -> str:
        """The verdict, the matter, why, and the source, in ``"en"`` or ``"zh"``.

        Chinese: ``"需要表决：应由业主共同决定（“使用建筑物及其附属设施的维修资金”）。…依据：…"``;
        the reason is the library's Chinese wording for the matter (the English ``reason``
        is shown in English only).
        """
        lang = language(lang)
        cite = self.citation.format(lang)
        if lang == "zh":
            verdict = "需要表决" if self.needed else "无需表决"
            what = "仅向自愿出资者收取。"
            if self.matter is not None:
                why = _NEED_ZH.get(self.matter, "")
                what = f"应由业主共同决定（“{self.matter.label('zh')}”）。{why}"
            return f"{verdict}：{what}依据：{cite}"
        what = f"decide as {self.matter.label()}" if self.matter else "no vote"
        verdict = "NEEDED" if self.needed else "NOT NEEDED"
        return f"{verdict} ({what}): {self.reason}. Source: {cite}"

    def _repr_html_(self) -> str:
        matter = self.matter.label() if self.matter else "—"
        verdict = "needed" if self.needed else "not needed"
        return html_table(
            repr(self).strip("<>"),
            ["vote", "matter", "why", "source"],
            [[verdict, matter, self.reason, self.citation.format()]],
        )


_NEED_ZH = {
    Matter.USE_MAINTENANCE_FUND: "紧急情况下使用维修资金的除外（《民法典》第281条第2款）。",
    Matter.RAISE_MAINTENANCE_FUND: "筹集维修资金对相关业主均有约束力。",
    Matter.OTHER_MAJOR_MATTER: "该费用对未同意的业主也有约束力。",
    Matter.CHANGE_USE_OF_COMMON_PARTS: "出资虽属自愿，但在共有部分上建设改变了共有部分的用途。",
}


@attrs.frozen(slots=True)
class Charge:
    """A charge on owners.

    Attributes:
        kind: Fund draw, levy, pledge or opt-in.
        replenishes_fund: A levy that raises or replenishes the maintenance fund.
        on_common_parts: The thing paid for is built on or uses common parts.
    """

    kind: ChargeKind = attrs.field(validator=lambda _i, a, v: _of(ChargeKind, a.name, v))
    replenishes_fund: bool = attrs.field(
        default=False, validator=lambda _i, a, v: _of(bool, a.name, v)
    )
    on_common_parts: bool = attrs.field(
        default=False, validator=lambda _i, a, v: _of(bool, a.name, v)
    )

    def __attrs_post_init__(self) -> None:
        """Refuse a draw on the fund said to replenish it (the two contradict each other)."""
        if self.kind is ChargeKind.FUND_DRAW and self.replenishes_fund:
            raise MoneyError(
                "a fund draw takes from the maintenance fund and cannot replenish it; a levy "
                "replenishes it (Charge(ChargeKind.LEVY, replenishes_fund=True))",
                field="replenishes_fund",
                value=True,
            )


def _of(kind: type, field: str, value: object) -> None:
    """Refuse ``value`` unless it is a ``kind`` (a str is not a ChargeKind or a bool)."""
    if not isinstance(value, kind):
        raise MoneyTypeError(
            f"{field} must be a {kind.__name__}, not {value!r:.80}", field=field, value=value
        )


def decision_needed(charge: Charge) -> DecisionNeed:
    """Say whether ``charge`` needs an assembly decision, and as which matter.

    Raises:
        MoneyTypeError: ``charge`` is not a Charge.
    """
    if not isinstance(charge, Charge):
        raise MoneyTypeError(
            f"charge must be a Charge, not {charge!r}", field="charge", value=charge
        )
    if charge.kind is ChargeKind.FUND_DRAW:
        return DecisionNeed(
            True,
            Matter.USE_MAINTENANCE_FUND,
            "using the fund is decided jointly (emergencies excepted, Art. 281(2))",
            Citation(_CC, "278(1)(5)"),
        )
    if charge.kind is ChargeKind.LEVY and charge.replenishes_fund:
        return DecisionNeed(
            True,
            Matter.RAISE_MAINTENANCE_FUND,
            "raising the fund binds every owner concerned",
            Citation(_CC, "278(1)(6)"),
        )
    if charge.kind is ChargeKind.LEVY:
        return DecisionNeed(
            True,
            Matter.OTHER_MAJOR_MATTER,
            "a levy binding owners who did not agree needs a joint decision",
            Citation(_CC, "278(1)(9)", confidence=Confidence.MEDIUM, note=_READING),
        )
    if charge.on_common_parts:
        return DecisionNeed(
            True,
            Matter.CHANGE_USE_OF_COMMON_PARTS,
            "payers are volunteers, but building on common parts changes their use",
            Citation(_CC, "278(1)(8)", confidence=Confidence.MEDIUM, note=_READING),
        )
    return DecisionNeed(
        False,
        None,
        "only those who choose to pay are charged",
        Citation(
            "library_design", "charges.voluntary", confidence=Confidence.MEDIUM, note=_READING
        ),
    )


def fee_adjustment(rules: RuleSet) -> MatterReading:
    """Which matter a property-fee adjustment is decided as under ``rules``, and why.

    The national reading (Civil Code Art. 278(1)(9): another major matter) is medium
    confidence, so it is supplied only by a rule set resolved with
    ``include_unconfirmed=True``; pass ``reading.matter`` to ``decide``.

    Raises:
        MoneyTypeError: ``rules`` is not a RuleSet.
        MissingParameterError: no layer of ``rules`` supplies a reading (none is invented).
    """
    if not isinstance(rules, RuleSet):
        raise not_rules("rules", rules, "")
    reading: MatterReading = money_param(rules, rules.money.fee_adjustment, "fee_adjustment").value
    return reading


def _whole_fen(value: object, field: str) -> int:
    """``value`` if it is whole fen (an int, not a bool) from 0 to under 10**13 yuan."""
    if type(value) is not int:
        raise MoneyTypeError(
            f"{field}: {value!r:.80} is not whole fen (int)", field=field, value=value
        )
    if not 0 <= value < _MAX_FEN:
        raise MoneyError(
            f"{field}: {value} fen must be from 0 to under 10**13 yuan", field=field, value=value
        )
    return value


def _pledged(value: object) -> tuple[tuple[str, int], ...]:
    """The (payer, fen) pairs as a tuple of tuples, each checked."""
    if not isinstance(value, tuple | list):
        raise MoneyTypeError(
            f"pledged must be a tuple of (payer, fen) pairs, not {value!r:.80}",
            field="pledged",
            value=value,
        )
    pairs = []
    for pair in value:
        if not isinstance(pair, tuple | list) or len(pair) != 2 or type(pair[0]) is not str:
            raise MoneyTypeError(
                f"pledged: {pair!r:.80} is not a (payer id, fen) pair",
                field="pledged",
                value=pair,
            )
        if not pair[0]:
            raise MoneyError("pledged: a payer id must not be empty", field="pledged", value="")
        pairs.append((pair[0], _whole_fen(pair[1], "pledged")))
    return tuple(pairs)


#: Amounts in fen are below this (10**13 yuan, the bound of `fen`).
_MAX_FEN = 10**15


@attrs.frozen(slots=True, repr=False)
class Pledges:
    """Crowdfunding: who pledged how much toward a target, in fen.

    Attributes:
        target: The target in fen.
        pledged: Payer → fen.
    """

    target: int = attrs.field(validator=lambda _i, _a, v: _whole_fen(v, "target"))
    pledged: tuple[tuple[str, int], ...] = attrs.field(converter=_pledged)

    @classmethod
    def of(cls, target: object, pledged: Mapping[str, object]) -> Pledges:
        """Build from yuan amounts (exact), e.g. ``Pledges.of("5000", {"1-101": "200"})``.

        Raises:
            MoneyTypeError, MoneyError: a bad amount or a payer that is not a string.
        """
        if not isinstance(pledged, Mapping):
            raise MoneyTypeError(
                f"pledged must be a mapping, not {pledged!r}", field="pledged", value=pledged
            )
        items = []
        for payer, amount in pledged.items():
            if not isinstance(payer, str) or not payer:
                raise MoneyError(
                    f"payer {payer!r} must be a non-empty id", field="pledged", value=payer
                )
            items.append((payer, fen(amount, field=f"pledge of {payer}")))
        return cls(fen(target, field="target"), tuple(items))

    @property
    def raised(self) -> int:
        """The total pledged in fen."""
        return sum(amount for _, amount in self.pledged)

    @property
    def short(self) -> int:
        """What is missing to the target in fen (0 when covered)."""
        return max(0, self.target - self.raised)

    def __repr__(self) -> str:
        """One line, the verdict first."""
        verdict = "COVERED" if not self.short else f"SHORT {yuan(self.short)} yuan"
        raised, target = yuan(self.raised), yuan(self.target)
        payers = counted(len(self.pledged), "payer")
        return f"<Pledges {verdict}: {raised} of {target} yuan from {payers}>"

    __str__ = __repr__

    def describe(self, lang: str = "en") -> str:
        """The verdict and totals in ``"en"`` or ``"zh"``, then each payer's pledge.

        Chinese: ``"尚缺4800.00元：2名出资人认缴200.00元，目标5000.00元"``.
        """
        lang = language(lang)
        raised, target, count = yuan(self.raised), yuan(self.target), len(self.pledged)
        if lang == "zh":
            verdict = "已足额" if not self.short else f"尚缺{yuan(self.short)}元"
            lines = [f"{verdict}：{count}名出资人认缴{raised}元，目标{target}元"]
            lines += [f"  {payer}：{yuan(amount)}元" for payer, amount in self.pledged]
        else:
            verdict = "covered" if not self.short else f"short {yuan(self.short)} yuan"
            lines = [f"{verdict}: {raised} of {target} yuan from {counted(count, 'payer')}"]
            lines += [f"  {payer}: {yuan(amount)} yuan" for payer, amount in self.pledged]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = [[payer, yuan(amount)] for payer, amount in self.pledged]
        return html_table(repr(self).strip("<>"), ["payer", "yuan"], rows)
