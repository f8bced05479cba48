"""Registration of the strategies with hypothesis, so that ``st.from_type(Estate)`` works.

The package declares the hook hypothesis documents for third-party packages (an entry point in
the ``hypothesis`` group,
``_ = "community_governance.strategies.registration:_hypothesis_setup_hook"``); hypothesis
calls it when it is imported, so ``st.from_type`` draws valid values of every value type of
the library without any setup. The hook lives in this submodule, not in the package: when
``import community_governance.strategies`` is what first imports hypothesis, the package is
still half-initialised while hypothesis loads the hook. Call
[register_type_strategies][community_governance.strategies.register_type_strategies] yourself
when plugins are disabled (``HYPOTHESIS_NO_PLUGINS``).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from community_governance._base.citations import Citation
from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.jurisdictions.registry import REGISTRY
from community_governance.mediation.case import MediationCase
from community_governance.register._model import Owner, Unit
from community_governance.register.counting import CountingPolicy, OverlapPolicy, Person
from community_governance.register.estate import Estate
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction, Registry
from community_governance.rules.ruleset import Layer, RuleSet
from community_governance.rules.thresholds import ResolutionRule, Threshold
from community_governance.strategies.ballots import ballots_near
from community_governance.strategies.elections import Election, candidates, elections
from community_governance.strategies.mediation import mediation_cases
from community_governance.strategies.register import estates, owners, realistic_estates, units
from community_governance.strategies.rules import (
    citations,
    decider,
    resolution_rules,
    rule_set_of,
    rule_sets,
    thresholds,
)
from community_governance.voting.ballots import Ballot, Choice, Proxy
from community_governance.voting.checks import Check, Figures, Tally
from community_governance.voting.decision import Decision

__all__ = ["REGISTERED", "decisions", "register_type_strategies"]

_UNIT_IDS = st.builds(lambda b, n: f"{b}-{n}", st.integers(1, 9), st.integers(101, 3099))


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    """Decisions of votes near a drawn rule's thresholds, on small and realistic estates.

    Returns:
        A strategy of [Decision][community_governance.Decision].
    """
    estate = draw(st.one_of(estates(), realistic_estates(max_units=300)))
    rule = draw(resolution_rules())
    return decider(rule)(estate, draw(ballots_near(rule, estate)))


def _strategies() -> dict[type, st.SearchStrategy[Any]]:
    drawn = decisions()
    return {
        Owner: owners(),
        Unit: units(["owner-A", "owner-B", "owner-C"]),
        Estate: st.one_of(estates(), realistic_estates()),
        Person: estates().flatmap(lambda estate: st.sampled_from(estate.persons)),
        CountingPolicy: st.builds(CountingPolicy, st.sampled_from(tuple(OverlapPolicy))),
        Proxy: st.builds(Proxy, st.text(min_size=1, max_size=5).filter(str.strip), st.booleans()),
        Ballot: st.builds(
            Ballot, _UNIT_IDS, st.sampled_from(tuple(Choice)), st.none() | st.from_type(Proxy)
        ),
        Citation: citations(),
        Threshold: thresholds(),
        ResolutionRule: resolution_rules(),
        RuleSet: rule_sets(),
        Layer: resolution_rules().map(lambda rule: rule_set_of(rule).layers[0]),
        Jurisdiction: st.sampled_from(REGISTRY.jurisdictions),
        Registry: st.just(REGISTRY),
        Period: st.one_of(
            st.builds(Period, days=st.integers(1, 366)),
            st.builds(Period, months=st.integers(1, 36)),
            st.builds(Period, years=st.integers(1, 10)),
            st.builds(Period, working_days=st.integers(1, 60)),
        ),
        Decision: drawn,
        Check: drawn.flatmap(lambda decision: st.sampled_from(decision.checks)),
        Tally: drawn.map(lambda decision: decision.tally),
        Figures: drawn.map(lambda decision: decision.tally.agree),
        Candidate: candidates(),
        ElectionBallot: st.builds(
            ElectionBallot,
            _UNIT_IDS,
            st.frozensets(st.sampled_from("ABCDEF"), max_size=3),
            spoiled=st.booleans(),
        ),
        Election: elections(),
        MediationCase: mediation_cases(),
    }


#: The value types ``st.from_type`` draws once the strategies are registered.
REGISTERED: tuple[type, ...] = tuple(_strategies())


def register_type_strategies() -> None:
    """Register these strategies with hypothesis so ``st.from_type(Estate)`` works.

    Covers every type in `REGISTERED`: owners, units, estates, persons, counting policies,
    ballots and proxies, citations, thresholds, resolution rules, layers, rule sets,
    jurisdictions and the registry, periods, decisions with their checks, tallies and figures,
    candidates, election ballots, elections and mediation cases. Calling it again is harmless.
    """
    for kind, strategy in _strategies().items():
        st.register_type_strategy(kind, strategy)


#: The hook named by the package's ``hypothesis`` entry point.
_hypothesis_setup_hook = register_type_strategies
