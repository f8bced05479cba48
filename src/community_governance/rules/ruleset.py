"""Layered, dated rule sets.

A [Layer][community_governance.Layer] is one text of one instrument for one jurisdiction
(``"CN"``, ``"CN-SH"``, or an estate's own rules), valid between two dates, holding resolution
rules per matter and named parameters, each with its citation. A
[RuleSet][community_governance.RuleSet] is the stack of layers in force for a jurisdiction on a
date, national first; a value asked of it comes from the highest layer that supplies it, and
says which layer that was ([Provided][community_governance.Provided]).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.notices import Notice
from community_governance.exceptions import InvalidRecordError, RuleSetError
from community_governance.rules.matters import Matter
from community_governance.rules.thresholds import ResolutionRule

__all__ = ["Layer", "Param", "Provided", "RuleSet"]


@attrs.frozen(slots=True)
class Param:
    """A named rule value (a committee size, a deadline, a policy) with its citation.

    Attributes:
        value: The value (any immutable object).
        citation: Where it comes from.
    """

    value: Any
    citation: Citation


@attrs.frozen(slots=True)
class Provided:
    """A resolved value and where it came from.

    Attributes:
        value: The value.
        layer: Name of the layer that supplied it.
        citation: Its citation.
    """

    value: Any
    layer: str
    citation: Citation


def _frozen_mapping(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return dict(value)


@attrs.frozen(slots=True)
class Layer:
    """One dated text of rules for one jurisdiction and topic.

    Attributes:
        code: Jurisdiction code: ``"CN"``, ``"CN-SH"`` (a child of ``"CN"``), or ``"estate"``.
        name: Unique, human-readable name, e.g. ``"CN: Civil Code Art. 278 (2021)"``.
        valid_from: First day in force (``None``: since ever).
        valid_to: Last day in force, inclusive (``None``: still in force).
        checked_on: Last day the layer was checked against the law.
        topic: What the layer covers (``"voting"``, ``"elections"``...); layers of one code and
            topic may not overlap in time.
        confidence: Confidence in the layer's existence and dates; unconfirmed layers are left
            out of default rule sets.
        resolutions: Resolution rule per matter.
        params: Named values.
        note: Remark shown with the layer.
    """

    code: str
    name: str
    valid_from: date | None
    valid_to: date | None
    checked_on: date | None = None
    topic: str = "voting"
    confidence: Confidence = Confidence.HIGH
    resolutions: Mapping[Matter, ResolutionRule] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    params: Mapping[str, Param] = attrs.field(factory=dict, converter=_frozen_mapping)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise InvalidRecordError(
                f"layer {self.name!r}: valid_to {self.valid_to} is before valid_from "
                f"{self.valid_from}",
                row=None,
                field="valid_to",
                value=self.valid_to,
            )

    def in_force(self, on: date) -> bool:
        """Whether the layer is in force on ``on`` (both ends inclusive)."""
        if self.valid_from is not None and on < self.valid_from:
            return False
        return self.valid_to is None or on <= self.valid_to


@attrs.frozen(slots=True)
class RuleSet:
    """The rules in force for a jurisdiction on a date: a stack of layers, national first.

    Attributes:
        code: The jurisdiction code asked for.
        on: The date asked for (for a vote: the day it closes).
        layers: Layers in force, lowest (national) first.
        include_unconfirmed: Whether unconfirmed rules were admitted (and flagged).
        notices: Remarks from resolution: stale data, layers or rules left out, missing layers.
    """

    code: str
    on: date
    layers: tuple[Layer, ...]
    include_unconfirmed: bool = False
    notices: tuple[Notice, ...] = ()

    @property
    def layer_names(self) -> tuple[str, ...]:
        """Names of the layers, lowest first."""
        return tuple(layer.name for layer in self.layers)

    def _admitted(self, citation: Citation) -> bool:
        # The library's own declared policies (instrument "library_design") are not rules of
        # law; they are always admitted and every result that uses one cites it.
        return (
            self.include_unconfirmed
            or citation.confirmed
            or citation.instrument == "library_design"
        )

    def resolution(self, matter: Matter) -> Provided:
        """The resolution rule for ``matter`` from the highest layer supplying a usable one.

        Raises:
            RuleSetError: no layer supplies a rule for ``matter`` (with the rule set named).
        """
        for layer in reversed(self.layers):
            rule = layer.resolutions.get(matter)
            if rule is not None and self._admitted(rule.citation):
                return Provided(rule, layer.name, rule.citation)
        raise RuleSetError(
            f"rule set {self.code} on {self.on}: no confirmed resolution rule for {matter.value}",
            code=self.code,
            matter=matter.value,
        )

    def provided(self, name: str) -> Provided:
        """The parameter ``name`` with the layer and citation that supplied it.

        Raises:
            RuleSetError: no layer supplies a usable value (message names the parameter).
        """
        for layer in reversed(self.layers):
            param = layer.params.get(name)
            if param is not None and self._admitted(param.citation):
                return Provided(param.value, layer.name, param.citation)
        raise RuleSetError(
            f"rule set {self.code} on {self.on}: no value for parameter {name!r}",
            code=self.code,
            param=name,
        )

    def param(self, name: str, default: Any = None) -> Any:
        """The value of parameter ``name``, or ``default`` when no layer supplies it."""
        try:
            return self.provided(name).value
        except RuleSetError:
            return default

    def with_layer(self, layer: Layer) -> RuleSet:
        """A new rule set with ``layer`` on top (e.g. the estate's own rules of procedure).

        Raises:
            RuleSetError: ``layer`` is not in force on this rule set's date.
        """
        if not layer.in_force(self.on):
            raise RuleSetError(
                f"layer {layer.name!r} is not in force on {self.on}", layer=layer.name
            )
        return attrs.evolve(self, layers=(*self.layers, layer))
