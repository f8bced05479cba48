"""Hypothesis strategies and ready-made properties for testing governance rules.

Install the optional extra (``pip install community_governance[hypothesis]``) to use this
package; without it, importing it raises
`MissingExtraError` (an ``ImportError``)
naming the extra. It offers strategies that build *valid* values — exact areas, owners, units,
registers small and irregular or of realistic size (thousands of units with multi-unit owners,
co-owned units and developer stock), ballots consistent per counted person, ballots placed at
each threshold of a given rule, the days around every change of a jurisdiction's layers,
thresholds, resolution rules — and assertion helpers that state the properties every rule set
should have, for use in your own tests:

```python
from hypothesis import given, strategies as st
import community_governance as cg
from community_governance import strategies as cgst

@given(st.data())
def test_our_rules_are_monotone(data):
    estate = data.draw(cgst.realistic_estates())
    rules = cg.rules_for("CN-SH", on=date(2025, 3, 1))
    rule = rules.resolution(cg.Matter.RAISE_MAINTENANCE_FUND).value
    ballots = data.draw(cgst.ballots_near(rule, estate))
    cgst.assert_monotone(cgst.decider(rules, matter="raise-maintenance-fund"), estate, ballots)
```

The modules, by concept: ``register`` (areas, owners, units, estates), ``ballots`` (ballots
for an estate, ballots near a rule's thresholds), ``rules`` (thresholds, rules, rule sets,
boundary dates, `decider`), ``properties`` (the assertions) and ``registration`` (the
``st.from_type`` hook). Strategies for elections, mediation and the committee lifecycle
live in this package's `elections`, `mediation` and `committee` modules.
"""

from __future__ import annotations

# First: without hypothesis, this raises MissingExtraError naming the extra to install.
from community_governance.strategies import _extra  # noqa: F401

# isort: split
from community_governance.strategies.ballots import Ballots, ballots_for, ballots_near
from community_governance.strategies.committee import (
    attendance_records,
    committees,
    timelines,
)
from community_governance.strategies.elections import (
    Election,
    candidates,
    election_ballots,
    election_ballots_near,
    election_estates,
    elections,
)
from community_governance.strategies.mediation import (
    candidate_events,
    mediation_case_histories,
    mediation_cases,
    mediation_event_sequences,
)
from community_governance.strategies.properties import (
    DecideFn,
    HasPassed,
    assert_anonymous,
    assert_implies,
    assert_monotone,
    assert_never_looser,
    describe_rule,
    relabel_units,
)
from community_governance.strategies.register import (
    estates,
    exact_areas,
    owners,
    realistic_estates,
    units,
)
from community_governance.strategies.registration import (
    REGISTERED,
    decisions,
    register_type_strategies,
)
from community_governance.strategies.registration import (
    _hypothesis_setup_hook as _hypothesis_setup_hook,
)
from community_governance.strategies.rules import (
    TEST_CITATION,
    boundary_dates,
    citations,
    decider,
    resolution_rules,
    rule_set_of,
    rule_sets,
    thresholds,
)

__all__ = [
    "REGISTERED",
    "TEST_CITATION",
    "Ballots",
    "DecideFn",
    "Election",
    "HasPassed",
    "assert_anonymous",
    "assert_implies",
    "assert_monotone",
    "assert_never_looser",
    "attendance_records",
    "ballots_for",
    "ballots_near",
    "boundary_dates",
    "candidate_events",
    "candidates",
    "citations",
    "committees",
    "decider",
    "decisions",
    "describe_rule",
    "election_ballots",
    "election_ballots_near",
    "election_estates",
    "elections",
    "estates",
    "exact_areas",
    "mediation_case_histories",
    "mediation_cases",
    "mediation_event_sequences",
    "owners",
    "realistic_estates",
    "register_type_strategies",
    "relabel_units",
    "resolution_rules",
    "rule_set_of",
    "rule_sets",
    "thresholds",
    "timelines",
    "units",
]
