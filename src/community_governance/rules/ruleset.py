"""Layered, dated rule sets.

A [Layer][community_governance.rules.Layer] is one text of one instrument for one
jurisdiction (``"CN"``, ``"CN-SH"``, or an estate's own rules), valid between two dates,
holding resolution rules per matter and typed parameters, each with its citation. A
[RuleSet][community_governance.RuleSet] is the stack of layers in force for a jurisdiction on
a date, national first; a value asked of it comes from the highest layer that supplies it and
names that layer. Layers and rule sets are deeply immutable and hashable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.enums import parse_enum
from community_governance._base.frozen import FrozenMap, typed_map
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance.exceptions import (
    InvalidRuleError,
    LayerNotInForceError,
    MissingParameterError,
    MissingResolutionError,
    RuleSetInputError,
    UnknownMatterError,
)
from community_governance.rules.matters import DeclaredMatter, Matter
from community_governance.rules.params import (
    TOPICS,
    CommitteeParams,
    ElectionParams,
    MediationParams,
    MoneyParams,
    Param,
    VotingParams,
)
from community_governance.rules.procedures import Procedure
from community_governance.rules.thresholds import ResolutionRule

__all__ = ["Layer", "RuleSet", "Topic"]

T = TypeVar("T")


class Topic(Enum):
    """What a layer covers; layers of one jurisdiction and topic may not overlap in time."""

    VOTING = "voting"
    ELECTIONS = "elections"
    ESTATE = "estate"
    COMMITTEE = "committee"
    MEDIATION = "mediation"
    MONEY = "money"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        zh = {
            "voting": "表决规则",
            "elections": "选举规则",
            "estate": "业主自治规则",
            "committee": "业主委员会任期与换届规则",
            "mediation": "人民调解规则",
            "money": "专项维修资金与费用规则",
        }
        return zh[self.value] if lang == "zh" else self.value


def _topic(value: object) -> Topic:
    return parse_enum(Topic, value, what="layer topic")


def _resolutions(value: Mapping[Matter, ResolutionRule]) -> FrozenMap[Matter, ResolutionRule]:
    return typed_map(value, Matter, ResolutionRule, what="layer resolutions", field="resolutions")


def _procedures(value: object) -> FrozenMap[DeclaredMatter, Procedure]:
    return typed_map(value, DeclaredMatter, Procedure, what="layer procedures", field="procedures")


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not date):
        raise InvalidRuleError(
            f"layer {attribute.name} must be a date or None, not {value!r}",
            field=attribute.name,
            value=value,
        )


def _label(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # an unnamed layer ("") is allowed: results then name the rule set as the source
    empty = attribute.name == "code" and isinstance(value, str) and not value.strip()
    if not isinstance(value, str) or empty or len(value) > 200:
        raise InvalidRuleError(
            f"layer {attribute.name} must be a string of at most 200 characters (a code not "
            f"empty), not {value!r:.80}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class Layer:
    """One dated text of rules for one jurisdiction and topic.

    Attributes:
        code: Jurisdiction code: ``"CN"``, ``"CN-SH"`` (a child of ``"CN"``), or ``"estate"``.
        name: Unique, human-readable name, e.g. ``"CN: Civil Code Art. 278 (2021)"``.
        valid_from: First day in force (``None``: since ever).
        valid_to: Last day in force, inclusive (``None``: still in force).
        checked_on: Last day the layer was checked against the law.
        topic: What the layer covers.
        confidence: Confidence in the layer's existence and dates; unconfirmed layers are left
            out of default rule sets.
        resolutions: Resolution rule per matter (read-only).
        voting: Voting parameters set by this layer.
        elections: Election parameters set by this layer.
        note: Remark shown with the layer.
        committee: Committee-lifecycle parameters set by this layer.
        mediation: Mediation parameters set by this layer.
        procedures: Staged procedure per matter the jurisdiction declares itself (a regime
            whose matters are not the Chinese categories of `Matter`, e.g. loi 65-557 (France)
            Arts 24-26); read with [RuleSet.procedure][community_governance.RuleSet.procedure].
        money: Money parameters (the maintenance fund, fees) set by this layer.

    Raises:
        InvalidRuleError: the code is not a non-empty string, the name is not a string, a
            date field is not a plain date, or ``valid_to`` is before ``valid_from``.
    """

    code: str = attrs.field(validator=_label)
    name: str = attrs.field(validator=_label)
    valid_from: date | None = attrs.field(validator=_optional_date)
    valid_to: date | None = attrs.field(validator=_optional_date)
    checked_on: date | None = attrs.field(default=None, validator=_optional_date)
    topic: Topic = attrs.field(default=Topic.VOTING, converter=_topic)
    confidence: Confidence = Confidence.HIGH
    resolutions: FrozenMap[Matter, ResolutionRule] = attrs.field(
        factory=FrozenMap, converter=_resolutions
    )
    voting: VotingParams = attrs.field(
        factory=VotingParams, validator=attrs.validators.instance_of(VotingParams)
    )
    elections: ElectionParams = attrs.field(
        factory=ElectionParams, validator=attrs.validators.instance_of(ElectionParams)
    )
    note: str = ""
    committee: CommitteeParams = attrs.field(
        factory=CommitteeParams, validator=attrs.validators.instance_of(CommitteeParams)
    )
    mediation: MediationParams = attrs.field(
        factory=MediationParams, validator=attrs.validators.instance_of(MediationParams)
    )
    procedures: FrozenMap[DeclaredMatter, Procedure] = attrs.field(
        factory=FrozenMap, converter=_procedures
    )
    money: MoneyParams = attrs.field(
        factory=MoneyParams, validator=attrs.validators.instance_of(MoneyParams)
    )

    def __attrs_post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise InvalidRuleError(
                f"layer {self.name!r}: valid_to {self.valid_to} is before valid_from "
                f"{self.valid_from}",
                field="valid_to",
                value=self.valid_to,
            )

    def in_force(self, on: date) -> bool:
        """Whether the layer is in force on ``on`` (both ends inclusive).

        Raises:
            RuleSetInputError: ``on`` is not a plain date (a datetime or a string is refused).
        """
        if type(on) is not date:
            raise RuleSetInputError(
                f"Layer.in_force: on= must be a date (not a datetime or a string), not {on!r:.80}",
                field="on",
                value=on,
            )
        if self.valid_from is not None and on < self.valid_from:
            return False
        return self.valid_to is None or on <= self.valid_to

    def label(self, lang: str = "en") -> str:
        """The layer's name; in Chinese, built from its code, topic and dates (names are English).

        For example ``"CN-SH表决规则（2020-12-30起施行）"``.
        """
        lang = language(lang)
        if lang != "zh":
            return self.name
        if self.valid_from is None and self.valid_to is None:
            dates = "（施行日期未知）"
        elif self.valid_to is None:
            dates = f"（{self.valid_from}起施行）"
        elif self.valid_from is None:
            dates = f"（施行至{self.valid_to}）"
        else:
            dates = f"（{self.valid_from}至{self.valid_to}施行）"
        owner = "本小区" if self.topic is Topic.ESTATE else self.code
        return f"{owner}{self.topic.label('zh')}{dates}"

    def __str__(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{self.name} [{self.topic.value}, {start} – {end}, {self.confidence.value}]"


def _a_bool(instance: object, attribute: Any, value: object) -> None:
    if type(value) is not bool:
        raise RuleSetInputError(
            f"RuleSet: {attribute.name} must be True or False, not {value!r}",
            field=attribute.name,
            value=value,
        )


def admitted(citation: Citation, include_unconfirmed: bool) -> bool:
    """Whether a rule with ``citation`` is used: confirmed, admitted, or a declared policy.

    The library's own declared policies (instrument ``"library_design"``) are not rules of
    law; they are always admitted and every result that uses one cites it.
    """
    return include_unconfirmed or citation.confirmed or citation.instrument == "library_design"


def _merge(layers: tuple[Layer, ...], topic: str, include_unconfirmed: bool) -> Any:
    cls = dict(TOPICS)[topic]
    values: dict[str, Param[Any]] = {}
    for layer in layers:
        params = getattr(layer, topic)
        for field in attrs.fields(cls):
            param = getattr(params, field.name)
            if param is not None and admitted(param.citation, include_unconfirmed):
                values[field.name] = attrs.evolve(param, layer=layer.name)
    return cls(**values)


def _voting(rules: RuleSet) -> VotingParams:
    merged: VotingParams = _merge(rules.layers, "voting", rules.include_unconfirmed)
    return merged


def _elections(rules: RuleSet) -> ElectionParams:
    merged: ElectionParams = _merge(rules.layers, "elections", rules.include_unconfirmed)
    return merged


def _committee(rules: RuleSet) -> CommitteeParams:
    merged: CommitteeParams = _merge(rules.layers, "committee", rules.include_unconfirmed)
    return merged


def _mediation(rules: RuleSet) -> MediationParams:
    merged: MediationParams = _merge(rules.layers, "mediation", rules.include_unconfirmed)
    return merged


def _money(rules: RuleSet) -> MoneyParams:
    merged: MoneyParams = _merge(rules.layers, "money", rules.include_unconfirmed)
    return merged


@attrs.frozen(slots=True, repr=False)
class RuleSet:
    """The rules in force for a jurisdiction on a date: a stack of layers, national first.

    Attributes:
        code: The jurisdiction code asked for.
        on: The date asked for (for a vote: the day it closes).
        layers: Layers in force, lowest (national) first.
        include_unconfirmed: Whether unconfirmed rules were admitted (and flagged).
        notices: Remarks from resolution: stale data, layers or rules left out, topics with
            no encoded rules, local rules looser than national ones.
        voting: The voting parameters in force, each from the highest layer setting it.
        elections: The election parameters in force, each from the highest layer setting it.
        mediation: The mediation parameters in force (``rules.mediation.policy``).
        resolver: Resolves the same jurisdiction on another day (set by ``rules_for``).
        committee: The committee-lifecycle parameters in force.
        money: The money parameters in force (``rules.money.emergency``), each from the
            highest layer setting it.
    """

    code: str
    on: date
    layers: tuple[Layer, ...]
    include_unconfirmed: bool = attrs.field(default=False, validator=_a_bool)
    notices: tuple[Notice, ...] = ()
    voting: VotingParams = attrs.field(
        init=False, default=attrs.Factory(_voting, takes_self=True), eq=False
    )
    elections: ElectionParams = attrs.field(
        init=False, default=attrs.Factory(_elections, takes_self=True), eq=False
    )
    mediation: MediationParams = attrs.field(
        init=False, default=attrs.Factory(_mediation, takes_self=True), eq=False
    )
    resolver: Callable[[date], RuleSet] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True
    )
    committee: CommitteeParams = attrs.field(
        init=False, default=attrs.Factory(_committee, takes_self=True), eq=False
    )
    money: MoneyParams = attrs.field(
        init=False, default=attrs.Factory(_money, takes_self=True), eq=False
    )

    def on_day(self, day: date) -> RuleSet | None:
        """The same jurisdiction's rule set on another day (``None`` for a hand-built set).

        Raises:
            RuleSetNotInForceError: no national rules are in force on ``day``.
        """
        return None if self.resolver is None else self.resolver(day)

    @property
    def layer_names(self) -> tuple[str, ...]:
        """Names of the layers, lowest first."""
        return tuple(layer.name for layer in self.layers)

    def admits(self, citation: Citation) -> bool:
        """Whether this rule set uses a rule with ``citation`` (see `include_unconfirmed`)."""
        return admitted(citation, self.include_unconfirmed)

    def resolution(self, matter: Matter | str) -> Param[ResolutionRule]:
        """The resolution rule for ``matter`` from the highest layer supplying a usable one.

        Args:
            matter: A `Matter`, or its value (``"rebuild-or-renovate"``) as ``decide`` reads it.

        Raises:
            InvalidChoiceError: ``matter`` is not a `Matter` or one's value.
            RuleSetError: no layer supplies a rule for ``matter``; the message says whether an
                unconfirmed rule exists (pass ``include_unconfirmed=True`` to use it).
        """
        matter = parse_enum(Matter, matter, what="matter")
        unconfirmed = None
        for layer in reversed(self.layers):
            rule = layer.resolutions.get(matter)
            if rule is None:
                continue
            if self.admits(rule.citation):
                return Param(rule, rule.citation, layer.name)
            unconfirmed = unconfirmed or (layer, rule)
        reason = "no resolution rule"
        if unconfirmed is not None:
            layer, rule = unconfirmed
            reason = (
                f"only an unconfirmed rule ({layer.name}, {rule.citation.confidence.value} "
                "confidence; pass include_unconfirmed=True to use it)"
            )
        declared = self._declared()
        if declared:
            reason += (
                f"; {self.code} declares its own matters ({', '.join(declared)}): ask "
                "RuleSet.procedure(matter), and decide them with voting.decide_procedure"
            )
        raise MissingResolutionError(
            f"rule set {self.code} on {self.on}: {reason} for {matter.value}",
            code=self.code,
            matter=matter.value,
        )

    @property
    def matters(self) -> tuple[DeclaredMatter, ...]:
        """The matters declared by the layers in force (a higher layer's declaration wins)."""
        return tuple(self._declared().values())

    def _declared(self) -> dict[str, DeclaredMatter]:
        found: dict[str, DeclaredMatter] = {}
        for layer in self.layers:
            found.update((matter.code, matter) for matter in layer.procedures)
        return found

    def procedure(self, matter: DeclaredMatter | str) -> tuple[DeclaredMatter, Param[Procedure]]:
        """The declared matter and its procedure, from the highest layer declaring it.

        Args:
            matter: A matter declared by the jurisdiction, or its code (e.g. ``"art-25"``).

        Returns:
            The declared matter and the procedure with its citation and the layer's name.

        Raises:
            UnknownMatterError: no layer in force declares ``matter`` (the message lists the
                matters declared, none for a Chinese rule set whose matters are `Matter`).
        """
        key = matter.code if isinstance(matter, DeclaredMatter) else matter
        for layer in reversed(self.layers):
            for found, rule in layer.procedures.items():
                if found.code == key and (
                    not isinstance(matter, DeclaredMatter) or matter == found
                ):
                    return found, Param(rule, rule.citation, layer.name)
        declared = self._declared()
        raise UnknownMatterError(
            f"rule set {self.code} on {self.on} does not declare the matter {matter!r:.80}; "
            f"it declares: {', '.join(declared) or 'none (its matters are Matter items)'}",
            code=self.code,
            matter=matter,
            known=tuple(declared),
        )

    def require(self, param: Param[T] | None, name: str) -> Param[T]:
        """``param`` (a value read from `voting` or `elections`), or an error naming ``name``.

        Raises:
            RuleSetError: ``param`` is ``None``: no layer of this rule set supplies it.
        """
        if param is None:
            raise MissingParameterError(
                f"rule set {self.code} on {self.on}: no layer supplies {name}",
                code=self.code,
                param=name,
            )
        return param

    def with_layer(self, layer: Layer) -> RuleSet:
        """A new rule set with ``layer`` on top (e.g. the estate's own rules of procedure).

        Raises:
            RuleSetError: ``layer`` is not a `Layer`, or not in force on this rule set's date.
        """
        if not isinstance(layer, Layer):
            raise RuleSetInputError(
                f"with_layer needs a Layer, not {layer!r}", field="layer", value=layer
            )
        if not layer.in_force(self.on):
            raise LayerNotInForceError(
                f"layer {layer.name!r} is not in force on {self.on}",
                layer=layer.name,
                on=self.on.isoformat(),
            )
        return RuleSet(
            self.code,
            self.on,
            (*self.layers, layer),
            self.include_unconfirmed,
            self.notices,
            resolver=self.resolver,
        )

    def __str__(self) -> str:
        return f"{self.code} on {self.on.isoformat()}: " + " + ".join(self.layer_names)

    def describe(self, lang: str = "en") -> str:
        """The rule set in ``"en"`` or ``"zh"``: one line per layer, lowest first, then notices.

        Each layer shows its dates and confidence; Chinese names a layer by its code, topic
        and dates (``"CN-SH表决规则（2020-12-30起施行）〔高可信度〕"``), the layers' names being
        English.
        """
        lang = language(lang)
        zh = lang == "zh"
        if zh:
            lines = [
                f"{self.code}于{self.on.isoformat()}适用的规则（共{len(self.layers)}个层级）："
            ]
            lines += [f"  {x.label('zh')}〔{x.confidence.label('zh')}〕" for x in self.layers]
        else:
            lines = [f"Rule set {self.code} on {self.on.isoformat()} ({len(self.layers)} layers):"]
            lines += [f"  {layer}" for layer in self.layers]
        if self.include_unconfirmed:
            lines.append(
                "已纳入未经确认的规则（include_unconfirmed=True），使用处均予标注"
                if zh
                else "Unconfirmed rules admitted (include_unconfirmed=True), flagged where used"
            )
        lines += [("注意：" if zh else "Note: ") + notice.text(lang) for notice in self.notices]
        return "\n".join(lines)

    def __repr__(self) -> str:
        """One line: code, date, layers, and how many notices and whether unconfirmed rules."""
        flags = f"; {len(self.notices)} notices" if self.notices else ""
        if self.include_unconfirmed:
            flags += "; unconfirmed rules admitted"
        codes = ", ".join(dict.fromkeys(layer.code for layer in self.layers))
        layers = f"{len(self.layers)} layers ({codes})"
        return f"<RuleSet {self.code} on {self.on.isoformat()}: {layers}{flags}>"

    def _repr_html_(self) -> str:
        rows = [
            [
                layer.name,
                layer.topic.label(),
                layer.valid_from.isoformat() if layer.valid_from else "…",
                layer.valid_to.isoformat() if layer.valid_to else "…",
                layer.confidence.value,
            ]
            for layer in self.layers
        ]
        return html_table(
            f"Rule set {self.code} on {self.on.isoformat()}",
            ["layer", "topic", "from", "to", "confidence"],
            rows,
            footer=[notice.text() for notice in self.notices],
        )
