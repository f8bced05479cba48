"""Every registered jurisdiction through the same checks, and local-never-looser swept by date."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import attrs
import pytest

import community_governance as cg
from community_governance.jurisdictions import REGISTRY
from community_governance.rules import INSTRUMENTS, Layer, Matter, Topic

#: Where the law itself is looser than the national rule in force, and why (the notice is the
#: expected result there).
EXPECTED_LOOSER = {
    ("CN-SH", date(2020, 12, 30)): "Shanghai's 2020 text (Civil Code thresholds) while the "
    "Property Rights Law was still in force nationally",
    ("CN-SH", date(2020, 12, 31)): "the same, last day before the Civil Code",
}


#: Jurisdictions registered with no layers, and why (every rule set for them carries a
#: ``layer-missing`` notice per topic instead).
NO_VALUES = {
    "CN-HN": "the Hunan Property Management Regulation could not be retrieved and checked",
    "CN-HN-CS": "Changsha's rules are not available; an unattributed app text is low confidence",
    "CN-SX": "the Shanxi 2025 text's voting and election articles were not in the copy found",
    "CN-SX-TY": "the Taiyuan implementing rules are known from one secondary source only",
}


def boundaries() -> list[date]:
    days: set[date] = set()
    for item in REGISTRY.jurisdictions:
        for layer in item.layers:
            for day in (layer.valid_from, layer.valid_to):
                if day is not None:
                    days |= {day - timedelta(days=1), day, day + timedelta(days=1)}
    return sorted(day for day in days if date(2003, 9, 1) <= day <= date(2025, 12, 31))


LOCAL = [item.code for item in REGISTRY.jurisdictions if item.parent is not None]


def resolve(code: str, on: date) -> cg.RuleSet:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
        return cg.rules_for(code, on=on, include_unconfirmed=True)


def rule_of(rules: cg.RuleSet, layers: tuple[Layer, ...], matter: Matter) -> object:
    found = None
    for layer in layers:
        found = layer.resolutions.get(matter, found)
    return found


@pytest.mark.parametrize("code", LOCAL)
def test_local_never_looser_than_national_on_every_boundary(code: str) -> None:
    for on in boundaries():
        rules = resolve(code, on)
        national = tuple(layer for layer in rules.layers if layer.code == "CN")
        local = tuple(layer for layer in rules.layers if layer.code != "CN")
        flagged = {n.en for n in rules.notices if n.code == "local-looser-than-national"}
        looser = []
        for matter in Matter:
            mine, theirs = rule_of(rules, local, matter), rule_of(rules, national, matter)
            if mine is None or theirs is None:
                continue
            if not mine.never_looser_than(theirs):
                looser.append(matter)
                assert any(matter.label() in text for text in flagged), (code, on, matter)
        assert bool(looser) is ((code, on) in EXPECTED_LOOSER), (code, on, looser)


@pytest.mark.parametrize("item", REGISTRY.jurisdictions, ids=lambda item: item.code)
def test_every_jurisdiction_is_well_formed(item: cg.rules.Jurisdiction) -> None:
    assert item.name and item.checked_on <= date(2026, 12, 31)
    assert set(item.references) <= set(INSTRUMENTS)
    assert bool(item.layers) is (item.code not in NO_VALUES), item.code
    for layer in item.layers:
        assert layer.code == item.code
        assert layer.checked_on == item.checked_on
        citations = [rule.citation for rule in layer.resolutions.values()]
        citations += [matter.citation for matter in layer.procedures]
        for procedure in layer.procedures.values():
            citations += [procedure.citation, *(cap.citation for cap in procedure.caps)]
            for stage in procedure.stages:
                citations += [stage.citation, *(test.citation for test in stage.tests)]
        for topic in (layer.voting, layer.elections, layer.committee):
            params = [getattr(topic, field.name) for field in attrs.fields(type(topic))]
            citations += [param.citation for param in params if param is not None]
        for citation in citations:
            assert citation.instrument in INSTRUMENTS, citation
        # every layer resolves on its first and last day
        for day in (layer.valid_from, layer.valid_to):
            if day is not None and day >= date(2003, 9, 1):
                assert layer in resolve(item.code, day).layers


def outcome(code: str, on: date, registry: cg.rules.Registry) -> object:
    """The rule set, or the error type when none is in force (e.g. DE before 2020-12-01)."""
    try:
        return cg.rules_for(code, on=on, registry=registry, include_unconfirmed=True)
    except cg.exceptions.RuleSetNotInForceError as error:
        return type(error), error.code, error.on


@pytest.mark.parametrize(
    "extra",
    [
        cg.rules.Jurisdiction(
            "CN-QQ", "QQ", date(2025, 12, 31), (Layer("CN-QQ", "qq", None, None),)
        ),
        cg.rules.Jurisdiction("QQ", "QQ", date(2025, 12, 31), (Layer("QQ", "qq", None, None),)),
    ],
    ids=["chinese-local", "foreign"],
)
def test_adding_a_jurisdiction_never_changes_another(extra: cg.rules.Jurisdiction) -> None:
    bigger = REGISTRY.with_jurisdiction(extra)
    for code in REGISTRY.codes:  # every registered jurisdiction, Chinese and foreign
        for on in boundaries()[::7]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
                assert outcome(code, on, REGISTRY) == outcome(code, on, bigger)


FOREIGN = [item.code for item in REGISTRY.jurisdictions if not item.code.startswith("CN")]


@pytest.mark.parametrize("code", FOREIGN)
def test_every_foreign_jurisdiction_resolves_on_each_layer_boundary(code: str) -> None:
    item = REGISTRY.get(code)
    # voting layers declare procedures; other topics' layers (Hong Kong's Sch. 2 committee
    # sizes) set parameters only
    assert item.parent is None
    assert all(bool(layer.procedures) is (layer.topic is Topic.VOTING) for layer in item.layers)
    for layer in item.layers:
        for day in (layer.valid_from, layer.valid_to):
            if day is None:
                continue
            rules = resolve(code, day)
            assert layer in rules.layers
            topics = [other.topic for other in rules.layers]
            assert len(set(topics)) == len(topics)  # one layer per topic on any day
            voting = [other for other in rules.layers if other.procedures]
            assert set(rules.matters) == (set(voting[0].procedures) if voting else set())
            for matter in rules.matters:  # every declared matter resolves, by code and value
                assert rules.procedure(matter.code)[0] == matter
            missing = {n.en.split()[2] for n in rules.notices if n.code == "layer-missing"}
            assert missing == {"voting", "elections", "committee"} - {t.value for t in topics}
            with pytest.raises(cg.exceptions.MissingResolutionError):
                rules.resolution(Matter.ELECT_COMMITTEE)


@pytest.mark.parametrize("code", sorted(NO_VALUES))
def test_a_jurisdiction_without_values_says_so_per_topic(code: str) -> None:
    for on in boundaries()[::5]:
        rules = resolve(code, on)
        missing = [n.en for n in rules.notices if n.code == "layer-missing" and code in n.en]
        assert len(missing) == 3, (code, on, missing)  # voting, elections, committee
        assert all(layer.code == "CN" for layer in rules.layers)
        national = resolve("CN", on)
        for matter in Matter:
            assert rules.resolution(matter).value == national.resolution(matter).value


def test_tianjin_has_no_voting_values() -> None:
    rules = resolve("CN-TJ", date(2022, 6, 1))
    assert any(n.code == "layer-missing" and "voting" in n.en for n in rules.notices)
