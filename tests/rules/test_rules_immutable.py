"""Layers and rule sets are immutable all the way down, and resolution has no global state."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from types import MappingProxyType

import attrs
import pytest

import community_governance as cg
from community_governance._base.frozen import FrozenMap
from community_governance.jurisdictions import REGISTRY
from community_governance.rules import Citation, Layer

ON = date(2022, 6, 1)
LEAVES = (str, int, Decimal, Fraction, date, Enum, type(None))
CODES = ("CN", "CN-SH", "CN-BJ", "CN-TJ")


def walk(value: object, path: str = "$") -> list[str]:
    """Every place in ``value`` holding something that could be edited in place."""
    if isinstance(value, LEAVES):
        return []
    if isinstance(value, FrozenMap):
        return [
            found
            for key, item in value.items()
            for found in walk(key, f"{path}.key") + walk(item, f"{path}[{key!r}]")
        ]
    if isinstance(value, (tuple, frozenset)):
        return [found for n, item in enumerate(value) for found in walk(item, f"{path}[{n}]")]
    if attrs.has(type(value)):
        first = attrs.fields(type(value))[0].name
        try:
            setattr(value, first, getattr(value, first))
        except attrs.exceptions.FrozenInstanceError:
            pass
        else:
            return [f"{path}: {type(value).__name__} is not frozen"]
        if hasattr(value, "__dict__"):
            return [f"{path}: {type(value).__name__} has a __dict__"]
        return [
            found
            for field in attrs.fields(type(value))
            for found in walk(getattr(value, field.name), f"{path}.{field.name}")
        ]
    return [f"{path}: {type(value).__name__} is mutable"]


@pytest.mark.parametrize("code", CODES)
def test_every_bundled_layer_is_deeply_frozen_and_hashable(code: str) -> None:
    for layer in REGISTRY.get(code).layers:
        assert walk(layer) == [], layer.name
        assert hash(layer) == hash(attrs.evolve(layer))
        assert isinstance(layer.resolutions, FrozenMap)


@pytest.mark.parametrize("code", CODES)
def test_resolved_rule_sets_are_deeply_frozen_and_hashable(code: str) -> None:
    rules = cg.rules_for(code, on=ON)
    assert [found for layer in rules.layers for found in walk(layer)] == []
    assert walk(rules.voting) == walk(rules.elections) == []
    assert walk(rules.committee) == walk(rules.mediation) == []
    assert hash(rules) == hash(cg.rules_for(code, on=ON))
    assert len({rules, cg.rules_for(code, on=ON)}) == 1


def test_a_layer_handed_out_cannot_be_edited() -> None:
    layer = next(found for found in cg.rules_for("CN", on=ON).layers if found.resolutions)
    matter = next(iter(layer.resolutions))
    with pytest.raises(TypeError):
        layer.resolutions[matter] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        layer.resolutions._items[matter] = None  # type: ignore[index]
    assert isinstance(layer.resolutions._items, MappingProxyType)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        layer.resolutions[matter].approval = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        layer.__dict__  # noqa: B018
    assert layer in cg.rules_for("CN", on=ON).layers


def test_a_layer_copies_the_mapping_it_is_given() -> None:
    rule = cg.rules_for("CN", on=ON).resolution(cg.Matter.ELECT_COMMITTEE).value
    given = {cg.Matter.ELECT_COMMITTEE: rule}
    layer = Layer("ZZ", "ZZ test", date(2030, 1, 1), None, resolutions=given)
    given.clear()
    assert dict(layer.resolutions) == {cg.Matter.ELECT_COMMITTEE: rule}


def test_rules_for_does_not_depend_on_registries_built_earlier() -> None:
    before = cg.rules_for("CN", on=ON)
    strict = Layer(
        "CN",
        "CN: a strict text registered elsewhere",
        date(2022, 1, 1),
        None,
        resolutions={},
    )
    other = cg.rules.Jurisdiction(
        "ZZ", "test", date(2030, 1, 1), (attrs.evolve(strict, code="ZZ"),)
    )
    extended = REGISTRY.with_jurisdiction(other)
    assert cg.rules_for("ZZ", on=ON, registry=extended).code == "ZZ"
    assert cg.rules_for("CN", on=ON) == before
    assert "ZZ" not in cg.jurisdictions.known_codes()
    assert cg.jurisdictions.known_codes() == tuple(sorted(j.code for j in REGISTRY.jurisdictions))
    with pytest.raises(cg.exceptions.UnknownJurisdictionError):
        cg.rules_for("ZZ", on=ON)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGISTRY.jurisdictions = ()  # type: ignore[misc]


def test_citations_are_values() -> None:
    cite = Citation("civil_code", "278(2)", effective=date(2021, 1, 1), confidence="high")
    assert cite.confidence is cg.rules.Confidence.HIGH
    assert hash(cite) == hash(Citation("civil_code", "278(2)", effective=date(2021, 1, 1)))
    assert walk(cite) == []


def test_the_walk_finds_what_could_be_edited() -> None:
    @attrs.define
    class Loose:
        items: list[int]

    assert walk({"a": 1}) == ["$: dict is mutable"]
    assert walk((1, [2])) == ["$[1]: list is mutable"]
    assert walk(Loose([1])) == ["$: Loose is not frozen"]
    layer = next(found for found in cg.rules_for("CN", on=ON).layers if found.resolutions)
    assert len(layer.resolutions) > 0
    assert len(walk(attrs.evolve(layer, note=["x"]))) == 1  # type: ignore[arg-type]


def test_every_jurisdiction_with_procedures_is_deeply_frozen_and_hashable() -> None:
    """TW, JP, DE, HK, FR and the Chinese extensions: layers, procedures, stages."""
    with_procedures = [j for j in REGISTRY.jurisdictions if any(x.procedures for x in j.layers)]
    assert with_procedures
    for item in with_procedures:
        assert walk(item) == [], item.code
        assert hash(item) == hash(attrs.evolve(item))
        for layer in item.layers:
            assert isinstance(layer.procedures, FrozenMap)


@pytest.mark.parametrize("code", [c for c in REGISTRY.codes if c not in CODES])
def test_every_other_jurisdiction_resolves_deeply_frozen(code: str) -> None:
    """Committee, election and mediation parameters of every jurisdiction, on several days."""
    for on in (date(2012, 1, 1), date(2021, 6, 1), date(2025, 9, 1)):
        try:
            rules = cg.rules_for(code, on=on, include_unconfirmed=True)
        except cg.exceptions.RuleSetNotInForceError:  # e.g. DE before the WEG of 2020-12-01
            assert on < date(2021, 1, 1), (code, on)
            continue
        assert walk(rules.committee) == walk(rules.elections) == walk(rules.mediation) == []
        assert [found for layer in rules.layers for found in walk(layer)] == []
        assert hash(rules) == hash(cg.rules_for(code, on=on, include_unconfirmed=True))
