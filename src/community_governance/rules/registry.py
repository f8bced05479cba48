"""Jurisdictions as values and the registry that resolves a rule set for a code and a date.

A [Jurisdiction][community_governance.rules.Jurisdiction] is plain data: its code, its parent,
the date its data were last checked against the law, the instruments it draws on, and its dated
layers. A [Registry][community_governance.rules.Registry] is an immutable tuple of
jurisdictions, validated when built (parents known, layer names unique, no two layers of one
jurisdiction and topic overlapping in time). There is no global mutable registry: the bundled
one is `community_governance.jurisdictions.REGISTRY`, and
[Registry.with_jurisdiction][community_governance.rules.Registry.with_jurisdiction] returns a
new registry with one more jurisdiction, to pass to ``rules_for(..., registry=...)``.
"""

from __future__ import annotations

import warnings
from datetime import date
from functools import partial
from typing import Any

import attrs

from community_governance._base.notices import Notice
from community_governance.exceptions import (
    InvalidRuleError,
    RuleSetInputError,
    RuleSetNotInForceError,
    StaleRuleSetWarning,
    UnknownJurisdictionError,
)
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import Layer, RuleSet, Topic, admitted

__all__ = ["Jurisdiction", "Registry"]

#: Topics every jurisdiction is checked for when a rule set is resolved.
_CHECKED_TOPICS = (Topic.VOTING, Topic.ELECTIONS, Topic.COMMITTEE)

#: Topics checked only for a jurisdiction that encodes them on some date (money: a date
#: before its first money text gets a notice, a jurisdiction without money data none).
_DECLARED_TOPICS = (Topic.MONEY,)


def _layers(value: Any) -> tuple[Layer, ...]:
    layers = tuple(value)
    for layer in layers:
        if not isinstance(layer, Layer):
            raise InvalidRuleError(
                f"a jurisdiction's layers must be Layer values, not {layer!r}",
                field="layers",
                value=layer,
            )
    return layers


def _default_parent(item: Jurisdiction) -> str | None:
    return item.code.rsplit("-", 1)[0] if "-" in item.code else None


def _parent_code(item: Jurisdiction, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not (isinstance(value, str) and item.code.startswith(f"{value}-")):
        raise InvalidRuleError(
            f"jurisdiction {item.code!r}: parent must be None or a code that {item.code!r} "
            f"extends, not {value!r}",
            field="parent",
            value=value,
        )


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise InvalidRuleError(
            f"jurisdiction {attribute.name} must be a non-empty string of at most 200 "
            f"characters, not {value!r:.80}",
            field=attribute.name,
            value=value,
        )


def _checked(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not date:
        raise InvalidRuleError(
            f"jurisdiction checked_on must be a date (not a datetime or a string), not "
            f"{value!r:.80}",
            field="checked_on",
            value=value,
        )


@attrs.frozen(slots=True)
class Jurisdiction:
    """One jurisdiction's rule data.

    Attributes:
        code: ``"CN"``, or a child code such as ``"CN-SH"``.
        name: Display name, e.g. ``"Shanghai"``.
        checked_on: The day the data were last compared with the legal texts.
        layers: The dated layers (every layer's ``code`` must be this code).
        references: The instruments the layers cite (keys of `INSTRUMENTS`).
        note: What is and is not encoded.
        parent: The code whose layers stack below this one's (``"CN"`` for ``"CN-SH"``), or
            ``None`` for a national code. By default the code before the last ``-``; a city
            whose province is not encoded declares the national code (``"CN-ZJ-HZ"`` →
            ``"CN"``), and gains the province's layers when one is registered and declared.

    Raises:
        InvalidRuleError: the code or name is not a non-empty string, ``checked_on`` is not a
            plain date, a layer has another code, two layers of a topic overlap, or the parent
            is not a code this one extends.
    """

    code: str = attrs.field(validator=_text)
    name: str = attrs.field(validator=_text)
    checked_on: date = attrs.field(validator=_checked)
    layers: tuple[Layer, ...] = attrs.field(converter=_layers)
    references: tuple[str, ...] = ()
    note: str = ""
    parent: str | None = attrs.field(
        default=attrs.Factory(_default_parent, takes_self=True), validator=_parent_code
    )

    def __attrs_post_init__(self) -> None:
        for layer in self.layers:
            if layer.code != self.code:
                raise InvalidRuleError(
                    f"layer {layer.name!r} has code {layer.code!r} inside jurisdiction "
                    f"{self.code!r}",
                    field="code",
                    value=layer.code,
                )
        for i, layer in enumerate(self.layers):
            for other in self.layers[:i]:
                if other.topic is layer.topic and _overlap(other, layer):
                    raise InvalidRuleError(
                        f"layer {layer.name!r} overlaps {other.name!r} "
                        f"({layer.code}, {layer.topic.value})",
                        field="valid_from",
                        value=layer.valid_from,
                    )


def _overlap(a: Layer, b: Layer) -> bool:
    a_from, b_from = a.valid_from or date.min, b.valid_from or date.min
    a_to, b_to = a.valid_to or date.max, b.valid_to or date.max
    return a_from <= b_to and b_from <= a_to


def _jurisdictions(value: Any) -> tuple[Jurisdiction, ...]:
    found = tuple(value)
    codes: set[str] = set()
    names: set[str] = set()
    for item in found:
        if not isinstance(item, Jurisdiction):
            raise InvalidRuleError(
                f"a registry holds Jurisdiction values, not {item!r}",
                field="jurisdictions",
                value=item,
            )
        if item.code in codes:
            raise InvalidRuleError(
                f"jurisdiction {item.code!r} is registered twice",
                field="code",
                value=item.code,
            )
        if item.parent is not None and item.parent not in codes:
            raise InvalidRuleError(
                f"jurisdiction {item.code!r}: parent {item.parent!r} must be registered before it",
                field="code",
                value=item.code,
            )
        for layer in item.layers:
            if layer.name in names:
                raise InvalidRuleError(
                    f"layer name {layer.name!r} is already registered",
                    field="name",
                    value=layer.name,
                )
            names.add(layer.name)
        codes.add(item.code)
    return found


@attrs.frozen(slots=True)
class Registry:
    """An immutable, validated collection of jurisdictions (parents before children).

    Attributes:
        jurisdictions: The jurisdictions, each parent before its children.
    """

    jurisdictions: tuple[Jurisdiction, ...] = attrs.field(converter=_jurisdictions)

    @property
    def codes(self) -> tuple[str, ...]:
        """The registered codes, sorted."""
        return tuple(sorted(item.code for item in self.jurisdictions))

    def get(self, code: str) -> Jurisdiction:
        """The jurisdiction registered under ``code``.

        Raises:
            UnknownJurisdictionError: ``code`` is not registered (the message lists the codes).
        """
        for item in self.jurisdictions:
            if item.code == code:
                return item
        raise UnknownJurisdictionError(
            f"no rules are registered for jurisdiction {code!r} (known: {', '.join(self.codes)})",
            code=code,
            known=self.codes,
        )

    def with_jurisdiction(self, jurisdiction: Jurisdiction) -> Registry:
        """A new registry with ``jurisdiction`` added (validated like the bundled ones)."""
        return Registry((*self.jurisdictions, jurisdiction))

    def resolve(self, code: str, *, on: date, include_unconfirmed: bool = False) -> RuleSet:
        """The rule set of ``code`` on ``on``: the layers in force, national first.

        See `community_governance.rules_for` for the arguments, errors and warnings.
        """
        _check_arguments(code, on, include_unconfirmed)
        chain = self._chain(code)
        layers: list[Layer] = []
        notices: list[Notice] = []
        for depth, item in enumerate(chain):
            stacked, remarks = _stack(item, on, include_unconfirmed, national=depth == 0)
            layers.extend(stacked)
            notices.extend(remarks)
        notices.extend(_stale_notices(layers, on))
        notices.extend(_looser(layers, include_unconfirmed, chain[0].code))
        resolver = partial(self._resolve_on, code, include_unconfirmed)
        return RuleSet(
            code, on, tuple(layers), include_unconfirmed, tuple(notices), resolver=resolver
        )

    def _chain(self, code: str) -> list[Jurisdiction]:
        """The jurisdiction and its ancestors by their declared ``parent``, national first."""
        chain = [self.get(code)]
        while chain[-1].parent is not None:
            chain.append(self.get(chain[-1].parent))
        return chain[::-1]

    def _resolve_on(self, code: str, include_unconfirmed: bool, on: date) -> RuleSet:
        return self.resolve(code, on=on, include_unconfirmed=include_unconfirmed)


def _check_arguments(code: object, on: object, include_unconfirmed: object) -> None:
    if type(include_unconfirmed) is not bool:
        raise RuleSetInputError(
            f"include_unconfirmed= must be True or False (a string or a number is not a "
            f"boolean), not {include_unconfirmed!r}",
            field="include_unconfirmed",
            value=include_unconfirmed,
        )
    if not isinstance(code, str):
        raise RuleSetInputError(
            f"a jurisdiction code is a string such as 'CN-SH', not {code!r}",
            field="code",
            value=code,
        )
    if type(on) is not date:
        raise RuleSetInputError(
            f"on= must be a date (not a datetime or a string), not {on!r}",
            field="on",
            value=on,
        )


def _stack(
    item: Jurisdiction, on: date, include_unconfirmed: bool, *, national: bool
) -> tuple[list[Layer], list[Notice]]:
    """One jurisdiction's layers in force on ``on``, and the notices about them."""
    found = [layer for layer in item.layers if layer.in_force(on)]
    admitted_layers = [lay for lay in found if include_unconfirmed or lay.confidence.confirmed]
    notices = _layer_notices(found, admitted_layers)
    if not admitted_layers and national:
        hint = " (an unconfirmed layer exists: pass include_unconfirmed=True)" if found else ""
        raise RuleSetNotInForceError(
            f"no rules of {item.code} are in force on {on.isoformat()}{hint}",
            code=item.code,
            on=on.isoformat(),
        )
    covered = {lay.topic for lay in admitted_layers}
    declared = {lay.topic for lay in item.layers}
    checked = (*_CHECKED_TOPICS, *(t for t in _DECLARED_TOPICS if t in declared))
    notices.extend(
        _missing(item.code, topic, on, national=national)
        for topic in checked
        if topic not in covered
    )
    # Mediation and money layers (added later) go last, so the older topics keep their order.
    late = (Topic.MEDIATION, Topic.MONEY)
    order = lambda lay: (lay.topic in late, lay.topic.value)  # noqa: E731
    return sorted(admitted_layers, key=order), notices


def _stale_notices(layers: list[Layer], on: date) -> list[Notice]:
    """A notice (and a `StaleRuleSetWarning`) per layer last checked before ``on``."""
    notices = []
    for layer in layers:
        if layer.checked_on is not None and on > layer.checked_on:
            notices.append(_stale(layer))
            warnings.warn(
                f"{layer.name} was last checked against the law on {layer.checked_on}; "
                f"asked for {on}",
                StaleRuleSetWarning,
                stacklevel=4,
            )
    return notices


def _layer_notices(found: list[Layer], admitted_layers: list[Layer]) -> list[Notice]:
    notices = []
    for layer in found:
        if layer not in admitted_layers:
            notices.append(_left_out(layer))
        elif not layer.confidence.confirmed:
            notices.append(_unconfirmed(layer))
    return notices


def _looser(layers: list[Layer], include_unconfirmed: bool, national: str) -> list[Notice]:
    """A notice per matter whose local rule is not shown to be as strict as the national one."""
    notices = []
    for matter in Matter:
        national_rule = None
        local = None
        for layer in layers:
            rule = layer.resolutions.get(matter)
            if rule is None or not admitted(rule.citation, include_unconfirmed):
                continue
            if layer.code == national:
                national_rule = (layer, rule)
            else:
                local = (layer, rule)
        if national_rule is None or local is None:
            continue
        if not local[1].never_looser_than(national_rule[1]):
            notices.append(_looser_notice(matter, local[0], national_rule[0]))
    return notices


def _looser_notice(matter: Matter, local: Layer, national: Layer) -> Notice:
    return Notice(
        "local-looser-than-national",
        f"for {matter.label()}, {local.name} is not shown to be at least as strict as the "
        f"national rule then in force ({national.name}); a vote it passes may fail nationally",
        f"就{matter.label('zh')}，{local.label('zh')}未能证明不宽于当时有效的全国性规定"
        f"（{national.label('zh')}），依其通过的表决可能不符合全国性规定",
    )


def _left_out(layer: Layer) -> Notice:
    return Notice(
        "layer-unconfirmed-left-out",
        f"{layer.name} is in force but unconfirmed ({layer.confidence.value} confidence) and was "
        "left out; pass include_unconfirmed=True to use it",
        f"{layer.label('zh')}在该日有效但未经核实（可信度：{layer.confidence.label('zh')}），已排除；"
        "如需使用，请传入参数 include_unconfirmed=True",
    )


def _unconfirmed(layer: Layer) -> Notice:
    return Notice(
        "layer-unconfirmed-used",
        f"{layer.name} is unconfirmed ({layer.confidence.value} confidence): {layer.note}",
        f"{layer.label('zh')}未经核实（可信度：{layer.confidence.label('zh')}）",
    )


def _missing(code: str, topic: Topic, on: date, *, national: bool) -> Notice:
    then_en = "no rules of this topic apply" if national else "higher-level rules apply"
    then_zh = "该事项无可适用的规则数据" if national else "适用上级规则"
    return Notice(
        "layer-missing",
        f"no confirmed {topic.value} rules of {code} are encoded for {on.isoformat()}; {then_en}",
        f"{code}在{on.isoformat()}没有已核实的{topic.label('zh')}数据，{then_zh}",
    )


def _stale(layer: Layer) -> Notice:
    return Notice(
        "layer-stale",
        f"{layer.name} was last checked against the law on {layer.checked_on}",
        f"{layer.label('zh')}最后一次与法律文本核对的日期为{layer.checked_on}",
    )
