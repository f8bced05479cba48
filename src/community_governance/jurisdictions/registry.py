"""The registry of layers and [rules_for][community_governance.rules_for]."""

from __future__ import annotations

import warnings
from datetime import date

from community_governance._base.citations import Citation, Confidence
from community_governance._base.notices import Notice
from community_governance.exceptions import (
    InvalidRecordError,
    RuleSetNotInForceError,
    StaleRuleSetWarning,
    UnknownJurisdictionError,
)
from community_governance.rules.ruleset import Layer, Param, RuleSet

__all__ = ["estate_layer", "jurisdictions", "register_layer", "rules_for"]

_LAYERS: dict[str, list[Layer]] = {}


def register_layer(layer: Layer) -> Layer:
    """Add a layer to the registry (jurisdiction data modules call this at import).

    Args:
        layer: The layer; its parent jurisdiction (``"CN"`` for ``"CN-SH"``) must already be
            registered.

    Returns:
        The layer, so that modules can keep a name for it.

    Raises:
        InvalidRecordError: the name is taken, the parent is unknown, or the layer overlaps in
            time another layer of the same code and topic.
    """
    parent = layer.code.rsplit("-", 1)[0] if "-" in layer.code else None
    if parent is not None and parent not in _LAYERS:
        raise InvalidRecordError(
            f"layer {layer.name!r}: parent jurisdiction {parent!r} is not registered",
            row=None,
            field="code",
            value=layer.code,
        )
    for layers in _LAYERS.values():
        for other in layers:
            if other.name == layer.name:
                raise InvalidRecordError(
                    f"layer name {layer.name!r} is already registered",
                    row=None,
                    field="name",
                    value=layer.name,
                )
    for other in _LAYERS.get(layer.code, []):
        if other.topic == layer.topic and _overlap(other, layer):
            raise InvalidRecordError(
                f"layer {layer.name!r} overlaps {other.name!r} ({layer.code}, {layer.topic})",
                row=None,
                field="valid_from",
                value=layer.valid_from,
            )
    _LAYERS.setdefault(layer.code, []).append(layer)
    return layer


def _overlap(a: Layer, b: Layer) -> bool:
    a_from, b_from = a.valid_from or date.min, b.valid_from or date.min
    a_to, b_to = a.valid_to or date.max, b.valid_to or date.max
    return a_from <= b_to and b_from <= a_to


def jurisdictions() -> tuple[str, ...]:
    """The registered jurisdiction codes, sorted."""
    return tuple(sorted(_LAYERS))


def rules_for(code: str, *, on: date, include_unconfirmed: bool = False) -> RuleSet:
    """Resolve the rule set of a jurisdiction on a date.

    The chain of codes is the code and its parents (``"CN-SH"`` → ``"CN"``, ``"CN-SH"``); in
    each, the layers in force on ``on`` are stacked, national first. For a vote, ``on`` is the
    day the vote closes (law-china §7 Q13: a vote spanning 2021-01-01 is flagged there).

    Args:
        code: Jurisdiction code, e.g. ``"CN"`` or ``"CN-SH"``.
        on: The date.
        include_unconfirmed: Admit unconfirmed layers and rules (each flagged in results).

    Returns:
        The resolved [RuleSet][community_governance.RuleSet].

    Raises:
        UnknownJurisdictionError: ``code`` (or a parent) is not registered.
        RuleSetNotInForceError: no national layer is in force on ``on`` (e.g. before
            2007-10-01 without ``include_unconfirmed``, or before 2003-09-01).

    Warns:
        StaleRuleSetWarning: ``on`` is after the date a layer was last checked.
    """
    parts = code.split("-")
    chain = ["-".join(parts[: i + 1]) for i in range(len(parts))]
    for link in chain:
        if link not in _LAYERS:
            raise UnknownJurisdictionError(
                f"no rules are registered for jurisdiction {link!r} (known: "
                f"{', '.join(jurisdictions())})",
                code=link,
                known=jurisdictions(),
            )
    layers: list[Layer] = []
    notices: list[Notice] = []
    for link in chain:
        found = [layer for layer in _LAYERS[link] if layer.in_force(on)]
        admitted = [lay for lay in found if include_unconfirmed or lay.confidence.confirmed]
        for layer in found:
            if layer not in admitted:
                notices.append(_left_out(layer))
            elif not layer.confidence.confirmed:
                notices.append(_unconfirmed(layer))
        if not admitted and link == chain[0]:
            hint = " (an unconfirmed layer exists: pass include_unconfirmed=True)" if found else ""
            raise RuleSetNotInForceError(
                f"no rules of {link} are in force on {on.isoformat()}{hint}",
                code=link,
                on=on.isoformat(),
            )
        if not admitted:
            notices.append(_missing(link, on))
        layers.extend(sorted(admitted, key=lambda lay: lay.topic))
    for layer in layers:
        if layer.checked_on is not None and on > layer.checked_on:
            notices.append(_stale(layer))
            warnings.warn(
                f"{layer.name} was last checked against the law on {layer.checked_on}; "
                f"asked for {on}",
                StaleRuleSetWarning,
                stacklevel=2,
            )
    return RuleSet(code, on, tuple(layers), include_unconfirmed, tuple(notices))


def estate_layer(
    name: str,
    *,
    params: dict[str, object],
    clause: str,
    valid_from: date | None = None,
) -> Layer:
    """Build the estate's own layer (rules of procedure or covenant) from plain values.

    Args:
        name: Name shown in results, e.g. ``"Estate rules of procedure 2023"``.
        params: Parameter values, e.g. ``{"deemed_vote": DeemedVoteClause(...)}``.
        clause: Where in the estate's rules they come from (quoted into each citation).
        valid_from: When the estate adopted them.

    Returns:
        A layer with code ``"estate"``, to be put on a rule set with
        [RuleSet.with_layer][community_governance.RuleSet.with_layer].
    """
    citation = Citation("estate_rules", clause, effective=valid_from, confidence=Confidence.HIGH)
    return Layer(
        code="estate",
        name=name,
        valid_from=valid_from,
        valid_to=None,
        topic="estate",
        params={key: Param(value, citation) for key, value in params.items()},
    )


def _left_out(layer: Layer) -> Notice:
    return Notice(
        "layer-unconfirmed-left-out",
        f"{layer.name} is in force but unconfirmed ({layer.confidence.value} confidence) and was "
        "left out; pass include_unconfirmed=True to use it",
        f"{layer.name}在该日有效但未经核实（可信度{layer.confidence.value}），已排除；"
        "如需使用请传入 include_unconfirmed=True",
    )


def _unconfirmed(layer: Layer) -> Notice:
    return Notice(
        "layer-unconfirmed-used",
        f"{layer.name} is unconfirmed ({layer.confidence.value} confidence): {layer.note}",
        f"{layer.name}未经核实（可信度{layer.confidence.value}）：{layer.note}",
    )


def _missing(code: str, on: date) -> Notice:
    return Notice(
        "layer-missing",
        f"no confirmed rules of {code} are encoded for {on.isoformat()}; higher-level rules apply",
        f"{code}在{on.isoformat()}没有已核实的本地规则数据，适用上级规则",
    )


def _stale(layer: Layer) -> Notice:
    return Notice(
        "layer-stale",
        f"{layer.name} was last checked against the law on {layer.checked_on}",
        f"{layer.name}最后一次与法律文本核对的日期为{layer.checked_on}",
    )
