"""Strategies for rules: thresholds, resolution rules, one-rule rule sets and boundary dates.

Also [rule_set_of][community_governance.strategies.rule_set_of] and
[decider][community_governance.strategies.decider], which wrap a bare rule for testing, and
[boundary_dates][community_governance.strategies.boundary_dates], the days around every change
of a jurisdiction's layers, where a vote's rules switch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import strategies as st

from community_governance._base.citations import Citation, Confidence
from community_governance.exceptions import UnconfirmedRuleError
from community_governance.jurisdictions.registry import REGISTRY
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.rules.params import params_from_values
from community_governance.rules.registry import Jurisdiction, Registry
from community_governance.rules.ruleset import Layer, RuleSet, admitted
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.voting.ballots import Ballot
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

__all__ = [
    "TEST_CITATION",
    "boundary_dates",
    "citations",
    "decider",
    "resolution_rules",
    "rule_set_of",
    "rule_sets",
    "thresholds",
]

#: The citation carried by generated thresholds and rules (a test fixture, not a law).
TEST_CITATION = Citation(
    "library_design", "strategies", confidence=Confidence.HIGH, note="generated for testing"
)


_RATIOS = st.fractions(min_value=0, max_value=1, max_denominator=12).filter(lambda r: r > 0)


def thresholds(
    *,
    bases: Sequence[Base] = (Base.ALL, Base.ATTENDING, Base.PARTICIPATING, Base.CAST),
    ratios: st.SearchStrategy[Fraction] = _RATIOS,
) -> st.SearchStrategy[Threshold]:
    """Valid thresholds (ratio in (0, 1]) over heads or area.

    Args:
        bases: Bases to draw from (quorum thresholds need ``(Base.ALL,)``).
        ratios: Strategy for the exact ratio.

    Returns:
        A strategy of [Threshold][community_governance.Threshold] citing a test fixture.
    """
    return st.builds(
        Threshold,
        measure=st.sampled_from(tuple(Measure)),
        base=st.sampled_from(tuple(bases)),
        comparator=st.sampled_from(tuple(Comparator)),
        ratio=ratios,
        citation=st.just(TEST_CITATION),
    )


def resolution_rules(
    *, max_quorum: int = 2, max_approval: int = 3
) -> st.SearchStrategy[ResolutionRule]:
    """Valid resolution rules with a quorum on base ``ALL`` and at least one approval.

    Args:
        max_quorum: Most quorum thresholds (0 or more are drawn).
        max_approval: Most approval thresholds (1 or more are drawn).

    Returns:
        A strategy of [ResolutionRule][community_governance.ResolutionRule].
    """
    return st.builds(
        ResolutionRule,
        quorum=st.lists(thresholds(bases=(Base.ALL,)), max_size=max_quorum).map(tuple),
        approval=st.lists(thresholds(), min_size=1, max_size=max(1, max_approval)).map(tuple),
        citation=st.just(TEST_CITATION),
    )


def rule_set_of(
    rule: ResolutionRule,
    *,
    on: date = date(2025, 1, 1),
    include_unconfirmed: bool = False,
    **params: object,
) -> RuleSet:
    """A one-layer rule set applying ``rule`` to every matter (for testing a rule alone).

    Args:
        rule: The resolution rule.
        on: The rule set's date.
        include_unconfirmed: Admit a rule whose citation is not confirmed (as
            [rules_for][community_governance.rules_for] does; results flag it).
        **params: Parameters of the layer (e.g. ``spoiled_ballots=SpoiledPolicy.EXCLUDED``).

    Returns:
        A [RuleSet][community_governance.RuleSet] with code ``"test"``; nothing is registered.

    Raises:
        UnconfirmedRuleError: the rule's citation is not confirmed and ``include_unconfirmed``
            is false (the message names the confidence).
    """
    citation = rule.citation
    if not admitted(citation, include_unconfirmed):
        raise UnconfirmedRuleError(
            f"rule cited to {citation.format()} has confidence {citation.confidence.value}, "
            "not confirmed (HIGH): "
            "pass include_unconfirmed=True to use it",
            code="test",
            confidence=citation.confidence.value,
        )
    voting, elections = params_from_values(params, TEST_CITATION)
    layer = Layer(
        code="test",
        name="test rule",
        valid_from=None,
        valid_to=None,
        resolutions=dict.fromkeys(Matter, rule),
        voting=voting,
        elections=elections,
    )
    return RuleSet("test", on, (layer,), include_unconfirmed)


def decider(
    rules: RuleSet | ResolutionRule,
    *,
    matter: Matter | str = Matter.OTHER_MAJOR_MATTER,
    include_unconfirmed: bool = False,
) -> Callable[[Estate, Sequence[Ballot]], Decision]:
    """A `DecideFn` calling `decide` with fixed rules.

    Args:
        rules: A rule set, or a bare resolution rule (wrapped by
            [rule_set_of][community_governance.strategies.rule_set_of]).
        matter: The matter voted on.
        include_unconfirmed: Admit a rule whose citation is not confirmed, as
            [rules_for][community_governance.rules_for] does (results flag it). A rule set
            keeps the choice it was resolved with: pass the flag to ``rules_for`` instead.

    Raises:
        UnconfirmedRuleError: a bare rule is not confirmed and ``include_unconfirmed`` is false (the
            message names its confidence); or ``include_unconfirmed`` is asked of a rule set
            resolved without it.

    Returns:
        ``lambda estate, ballots: decide(estate, ballots, matter=matter, rules=rules)``.
    """
    if isinstance(rules, ResolutionRule):
        rule_set = rule_set_of(rules, include_unconfirmed=include_unconfirmed)
    elif include_unconfirmed and not rules.include_unconfirmed:
        raise UnconfirmedRuleError(
            f"rule set {rules.code} on {rules.on} was resolved without unconfirmed rules; "
            "include_unconfirmed=True cannot add them here: pass it to rules_for",
            code=rules.code,
            confidence="not admitted by the rule set",
        )
    else:
        rule_set = rules

    def run(estate: Estate, ballots: Sequence[Ballot]) -> Decision:
        return decide(estate, ballots, matter=matter, rules=rule_set)

    return run


def citations() -> st.SearchStrategy[Citation]:
    """Valid citations of any confidence (instrument and article drawn from small alphabets).

    Returns:
        A strategy of [Citation][community_governance.Citation].
    """
    return st.builds(
        Citation,
        st.sampled_from(("civil_code", "spc_building_ownership_interpretation", "local_rule")),
        st.integers(1, 300).map(str),
        confidence=st.sampled_from(tuple(Confidence)),
    )


def rule_sets(
    rules: st.SearchStrategy[ResolutionRule] | None = None,
) -> st.SearchStrategy[RuleSet]:
    """One-layer rule sets applying a drawn rule to every matter (see `rule_set_of`).

    Args:
        rules: Strategy for the rule; defaults to
            [resolution_rules][community_governance.strategies.resolution_rules].

    Returns:
        A strategy of [RuleSet][community_governance.RuleSet].
    """
    return (rules or resolution_rules()).map(lambda rule: rule_set_of(rule))


def boundary_dates(
    jurisdiction: str | Jurisdiction,
    *,
    registry: Registry = REGISTRY,
    include_unconfirmed: bool = False,
) -> st.SearchStrategy[date]:
    """The days around every layer change of a jurisdiction and its parents.

    For each layer of the jurisdiction's chain (``"CN-SH"``: the layers of ``"CN"`` and of
    ``"CN-SH"``), its first day and the day before, its last day and the day after. Only days
    on which some national layer is in force (and confirmed, unless ``include_unconfirmed``)
    are kept, so that [rules_for][community_governance.rules_for] with the same
    ``include_unconfirmed`` resolves every drawn day.

    Args:
        jurisdiction: A registered code such as ``"CN-SH"``, or a `Jurisdiction` (its parents
            are looked up in ``registry``).
        registry: Where codes are looked up.
        include_unconfirmed: Also keep days on which only unconfirmed national layers are in
            force.

    Returns:
        A strategy sampling those days (earliest first, so they shrink towards it).

    Raises:
        UnknownJurisdictionError: the code, or a parent's, is not registered.
    """
    found = registry.get(jurisdiction) if isinstance(jurisdiction, str) else jurisdiction
    parts = found.code.split("-")
    chain = [registry.get("-".join(parts[: i + 1])) for i in range(len(parts) - 1)] + [found]
    days: set[date] = set()
    for item in chain:
        for layer in item.layers:
            if layer.valid_from is not None:
                days.update((layer.valid_from - timedelta(days=1), layer.valid_from))
            if layer.valid_to is not None:
                days.update((layer.valid_to, layer.valid_to + timedelta(days=1)))
    national = [
        layer for layer in chain[0].layers if include_unconfirmed or layer.confidence.confirmed
    ]
    kept = sorted(day for day in days if any(layer.in_force(day) for layer in national))
    return st.sampled_from(kept)
