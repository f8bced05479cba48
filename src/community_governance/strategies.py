"""Hypothesis strategies and ready-made properties for testing governance rules.

Install the optional extra (``pip install community_governance[hypothesis]``) to use this
module. It offers strategies that build *valid* values — exact areas, owners, units, whole
registers with co-owned, multi-unit and developer units, ballots consistent per counted person,
thresholds and resolution rules — and assertion helpers that state the properties every rule
set should have, for use in your own tests:

```python
from hypothesis import given, strategies as st
import community_governance as cg
from community_governance import strategies as cgst

@given(st.data())
def test_our_rules_are_monotone(data):
    estate = data.draw(cgst.estates(max_units=8))
    ballots = data.draw(cgst.ballots_for(estate))
    rules = cg.rules_for("CN-SH", on=date(2025, 3, 1))
    cgst.assert_monotone(cgst.decider(rules, matter="raise-maintenance-fund"), estate, ballots)
```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance.exceptions import MissingExtraError, UnconfirmedRuleError
from community_governance.register._model import (
    CivilCapacity,
    Owner,
    OwnerKind,
    Unit,
    UnitStatus,
    UnitUse,
)
from community_governance.register.counting import CountingPolicy, OverlapPolicy
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.rules.params import params_from_values
from community_governance.rules.ruleset import Layer, RuleSet, admitted
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.voting.ballots import Ballot, Choice, Proxy
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise MissingExtraError(
        "community_governance.strategies needs hypothesis: "
        "pip install community_governance[hypothesis]",
        extra="hypothesis",
    ) from error

__all__ = [
    "DecideFn",
    "Election",
    "HasPassed",
    "assert_anonymous",
    "assert_monotone",
    "assert_never_looser",
    "ballots_for",
    "candidate_events",
    "candidates",
    "decider",
    "describe_rule",
    "election_ballots",
    "election_estates",
    "elections",
    "estates",
    "exact_areas",
    "mediation_case_histories",
    "mediation_cases",
    "mediation_event_sequences",
    "owners",
    "register_type_strategies",
    "relabel_units",
    "resolution_rules",
    "rule_set_of",
    "thresholds",
    "units",
]

#: The citation carried by generated thresholds and rules (a test fixture, not a law).
TEST_CITATION = Citation(
    "library_design", "strategies", confidence=Confidence.HIGH, note="generated for testing"
)

_OWNER_IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=3).map(
    lambda text: f"owner-{text}"
)


class HasPassed(Protocol):
    """Anything with a ``passed`` verdict (a [Decision][community_governance.Decision]...)."""

    @property
    def passed(self) -> bool:
        """Whether the motion passed."""
        ...


#: A function deciding a vote: ``(estate, ballots) -> result with .passed``.
DecideFn = Callable[[Estate, Sequence[Ballot]], HasPassed]


# --------------------------------------------------------------------------- numbers


def exact_areas(
    *,
    min_value: Decimal = Decimal("0.01"),
    max_value: Decimal = Decimal("500.00"),
    fractions: bool = True,
) -> st.SearchStrategy[Decimal | Fraction]:
    """Positive exact areas: decimals with two places and, optionally, fractions such as 1/3.

    Args:
        min_value: Smallest area (at least ``0.01``).
        max_value: Largest area.
        fractions: Also generate `Fraction` values that are not finite decimals.

    Returns:
        A strategy of `Decimal` (two places, e.g. ``Decimal("89.37")``) and `Fraction` values.
    """
    low = max(int(min_value * 100), 1)
    high = max(int(max_value * 100), low)
    decimals: st.SearchStrategy[Decimal | Fraction] = st.integers(low, high).map(
        lambda cents: Decimal(cents).scaleb(-2)
    )
    if not fractions:
        return decimals

    def over(denominator: int) -> st.SearchStrategy[Decimal | Fraction]:
        first = -(-low * denominator // 100)
        last = max(first, high * denominator // 100)
        return st.integers(first, last).map(lambda numerator: Fraction(numerator, denominator))

    thirds = st.sampled_from((3, 6, 7, 9, 11, 12)).flatmap(over)
    return st.one_of(decimals, thirds)


# --------------------------------------------------------------------------- register


def owners(
    *,
    ids: st.SearchStrategy[str] = _OWNER_IDS,
    kinds: Sequence[OwnerKind] = (OwnerKind.PERSON, OwnerKind.ORGANISATION),
) -> st.SearchStrategy[Owner]:
    """Valid owners.

    Args:
        ids: Strategy for owner ids (non-empty strings).
        kinds: Owner kinds to draw from (add ``OwnerKind.DEVELOPER`` for developers).

    Returns:
        A strategy of [Owner][community_governance.Owner].
    """
    return st.builds(
        Owner,
        id=ids,
        kind=st.sampled_from(tuple(kinds)),
        capacity=st.sampled_from(tuple(CivilCapacity)),
        name=st.text(max_size=5),
    )


def units(
    owner_ids: Sequence[str],
    *,
    unit_ids: st.SearchStrategy[str] | None = None,
    areas: st.SearchStrategy[Decimal | Fraction] | None = None,
    statuses: Sequence[UnitStatus] = (UnitStatus.DELIVERED, UnitStatus.SOLD_UNDELIVERED),
    max_co_owners: int = 3,
) -> st.SearchStrategy[Unit]:
    """Valid units held by one or more of ``owner_ids``.

    ``UNSOLD`` is not drawn by default since an unsold unit must belong to a developer; pass it
    in ``statuses`` only when every id in ``owner_ids`` is a developer's.

    Args:
        owner_ids: Ids the units' owners are drawn from (at least one).
        unit_ids: Strategy for unit ids; defaults to ids like ``"2-1403"``.
        areas: Strategy for areas; defaults to
            [exact_areas][community_governance.strategies.exact_areas].
        statuses: Sales statuses to draw from.
        max_co_owners: Largest number of co-owners of one unit.

    Returns:
        A strategy of [Unit][community_governance.Unit].
    """
    ids = unit_ids or st.builds(
        lambda building, floor, door: f"{building}-{floor}{door:02d}",
        st.integers(1, 9),
        st.integers(1, 30),
        st.integers(1, 8),
    )
    return st.builds(
        Unit,
        id=ids,
        area=areas or exact_areas(),
        owners=st.lists(
            st.sampled_from(tuple(owner_ids)),
            min_size=1,
            max_size=max(1, min(max_co_owners, len(owner_ids))),
            unique=True,
        ),
        status=st.sampled_from(tuple(statuses)),
        use=st.sampled_from(tuple(UnitUse)),
    )


@st.composite
def estates(
    draw: st.DrawFn,
    min_units: int = 1,
    max_units: int = 12,
    *,
    developer: bool = True,
    developer_entities: int = 1,
    overlapping: bool = True,
    fractions: bool = True,
    counting: CountingPolicy | None = None,
) -> Estate:
    """Valid registers mixing the cases SPC interpretation Art. 9 distinguishes.

    Units are held by single owners, by co-owners, by owners of several units, and (with
    ``developer``) by the developer: unsold units, and sold-but-undelivered units held by the
    developer or by a buyer. Owner sets may overlap (Li alone and Li with Wang) unless
    ``overlapping`` is false, in which case any two owner sets are equal or disjoint.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        min_units: Fewest units (at least 1).
        max_units: Most units.
        developer: Include developer units.
        developer_entities: How many developer entities (e.g. a developer and its exclusive
            sales agent) may share the developer's units; 2 or more exercises the
            "several developer entities" notice.
        overlapping: Allow owner sets that overlap without being equal.
        fractions: Allow areas that are fractions such as 1/3, not only 2-place decimals.
        counting: The counting policy; drawn from both overlap policies when ``None``.

    Returns:
        A strategy of valid [Estate][community_governance.Estate] values.
    """
    count = draw(st.integers(max(min_units, 1), max(max_units, min_units, 1)))
    people = [f"P{number}" for number in range(draw(st.integers(1, max(1, count))))]
    developers = [f"Dev{number}" for number in range(max(1, developer_entities))]
    # Disjoint owner sets (singles and co-owner pairs); overlaps add the pairs' members alone
    # and arbitrary subsets.
    sets: list[tuple[str, ...]] = []
    position = 0
    while position < len(people):
        size = draw(st.integers(1, 2))
        sets.append(tuple(people[position : position + size]))
        position += size
    if overlapping:
        sets.extend((person,) for group in sets if len(group) > 1 for person in group)
    area_strategy = exact_areas(fractions=fractions)
    rows: list[dict[str, object]] = []
    used: set[str] = set()
    for position in range(count):
        kind = draw(
            st.sampled_from(("owned", "unsold", "undelivered") if developer else ("owned",))
        )
        status = UnitStatus.DELIVERED
        if kind == "unsold":
            holders: tuple[str, ...] = (draw(st.sampled_from(developers)),)
            status = UnitStatus.UNSOLD
        else:
            if overlapping and len(people) > 2 and draw(st.integers(0, 3)) == 0:
                holders = tuple(
                    draw(st.lists(st.sampled_from(people), min_size=1, max_size=3, unique=True))
                )
            else:
                holders = draw(st.sampled_from(sets))
            if kind == "undelivered":
                status = UnitStatus.SOLD_UNDELIVERED
                if draw(st.booleans()):
                    holders = (draw(st.sampled_from(developers)),)
        used.update(holders)
        rows.append(
            {
                "unit": f"{position % 4 + 1}-{101 + position}",
                "area": draw(area_strategy),
                "owners": list(holders),
                "status": status.value,
            }
        )
    declared = [Owner(dev, OwnerKind.DEVELOPER) for dev in developers if dev in used]
    policy = counting or CountingPolicy(draw(st.sampled_from(tuple(OverlapPolicy))))
    return Estate.from_records(rows, owners=declared, counting=policy)


@st.composite
def ballots_for(
    draw: st.DrawFn,
    estate: Estate,
    *,
    choices: Sequence[Choice] = (Choice.AGREE, Choice.OPPOSE, Choice.ABSTAIN, Choice.SPOILED),
    proxies: bool = True,
    partial: bool = True,
) -> list[Ballot]:
    """Valid ballots for ``estate``: at most one per unit, one choice per counted person.

    Each counted person ([Estate.persons][community_governance.Estate]) either does not vote or
    picks one choice and casts it for all of its units (or, with ``partial``, for some of
    them). With ``proxies``, some ballots are cast by a proxy, with or without written
    authorisation. The list comes in a drawn order.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        estate: The register.
        choices: Choices to draw from (drop ``Choice.ABSTAIN`` or ``Choice.SPOILED`` to
            exclude them).
        proxies: Let some ballots be cast by proxies.
        partial: Let persons with several units vote for only some of them.

    Returns:
        A strategy of ballot lists accepted by [decide][community_governance.decide].
    """
    ballots: list[Ballot] = []
    for person in estate.persons:
        if not draw(st.booleans()):
            continue
        choice = draw(st.sampled_from(tuple(choices)))
        voted = list(person.units)
        if partial and len(voted) > 1:
            voted = draw(st.lists(st.sampled_from(voted), min_size=1, unique=True))
        for unit in voted:
            proxy = None
            if proxies and draw(st.integers(0, 4)) == 0:
                proxy = Proxy(f"proxy-of-{unit}", draw(st.booleans()))
            ballots.append(Ballot(unit, choice, proxy))
    return list(draw(st.permutations(ballots)))


# --------------------------------------------------------------------------- rules

_RATIOS = st.fractions(min_value=0, max_value=1, max_denominator=12).filter(lambda r: r > 0)


def thresholds(
    *,
    bases: Sequence[Base] = tuple(Base),
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
        RuleSetError: the rule's citation is not confirmed and ``include_unconfirmed`` is false
            (the message names the confidence).
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
        include_unconfirmed: For a bare rule: admit it although its citation is not confirmed.

    Raises:
        RuleSetError: a bare rule is not confirmed and ``include_unconfirmed`` is false.

    Returns:
        ``lambda estate, ballots: decide(estate, ballots, matter=matter, rules=rules)``.
    """
    rule_set = (
        rule_set_of(rules, include_unconfirmed=include_unconfirmed)
        if isinstance(rules, ResolutionRule)
        else rules
    )

    def run(estate: Estate, ballots: Sequence[Ballot]) -> Decision:
        return decide(estate, ballots, matter=matter, rules=rule_set)

    return run


# --------------------------------------------------------------------------- properties


def assert_monotone(
    decide_fn: DecideFn,
    estate: Estate,
    ballots: Sequence[Ballot],
    *,
    turn: Sequence[Choice] = (Choice.OPPOSE, Choice.ABSTAIN),
) -> None:
    """Assert that more agreement never turns a pass into a fail.

    For each counted person whose ballots say one of ``turn``, all of that person's ballots are
    turned into ``AGREE`` (so that the person stays consistent); if the original vote passed,
    the new one must pass too.

    Args:
        decide_fn: Decides a vote, e.g. from [decider][community_governance.strategies.decider].
        estate: The register.
        ballots: Valid ballots for it.
        turn: The choices turned into agreement.

    Raises:
        AssertionError: some change turned a pass into a fail (the message names the person).
    """
    if not decide_fn(estate, ballots).passed:
        return
    turned = set(turn)
    by_unit = {ballot.unit: ballot for ballot in ballots}
    for person in estate.persons:
        own = [by_unit[unit] for unit in person.units if unit in by_unit]
        if not own or own[0].choice not in turned:
            continue
        units = set(person.units)
        changed = [
            attrs.evolve(ballot, choice=Choice.AGREE) if ballot.unit in units else ballot
            for ballot in ballots
        ]
        assert decide_fn(estate, changed).passed, (
            f"turning person {person.label}'s {own[0].choice.value} into agree "
            "turned a pass into a fail"
        )


def relabel_units(estate: Estate, ballots: Sequence[Ballot]) -> tuple[Estate, list[Ballot]]:
    """The same vote with every unit renamed and the register in reverse order.

    Buildings, areas, owners and statuses are kept; only the unit ids and the order of the
    register and of the ballots change.

    Returns:
        The relabelled estate and ballots.
    """
    names = {unit.id: f"{unit.building}-r{n}" for n, unit in enumerate(reversed(estate.units))}
    renamed = Estate(
        units=[attrs.evolve(unit, id=names[unit.id]) for unit in reversed(estate.units)],
        owners=estate.owners,
        name=estate.name,
        counting=estate.counting,
    )
    return renamed, [attrs.evolve(ballot, unit=names[ballot.unit]) for ballot in reversed(ballots)]


def assert_anonymous(
    decide_fn: Callable[[Estate, Sequence[Ballot]], Decision],
    estate: Estate,
    ballots: Sequence[Ballot],
    *,
    order: Sequence[int] | None = None,
) -> None:
    """Assert that neither ballot order nor unit ids change a decision.

    Compares the verdict, every check's figures and the tally of the original vote with
    (1) the ballots in another ``order`` (default: reversed) and (2) the vote relabelled by
    [relabel_units][community_governance.strategies.relabel_units].

    Args:
        decide_fn: Decides a vote and returns a [Decision][community_governance.Decision].
        estate: The register.
        ballots: Valid ballots for it.
        order: A permutation of ``range(len(ballots))``.

    Raises:
        AssertionError: a result differs (the message says which variant).
    """
    expected = _essence(decide_fn(estate, ballots))
    positions = list(order) if order is not None else list(reversed(range(len(ballots))))
    reordered = [ballots[position] for position in positions]
    assert _essence(decide_fn(estate, reordered)) == expected, "ballot order changed the result"
    renamed, renamed_ballots = relabel_units(estate, ballots)
    assert _essence(decide_fn(renamed, renamed_ballots)) == expected, (
        "relabelling units changed the result"
    )


def _essence(decision: Decision) -> tuple[object, ...]:
    return (
        decision.passed,
        tuple((c.role, c.threshold, c.numerator, c.denominator, c.passed) for c in decision.checks),
        decision.tally,
    )


def assert_never_looser(
    local_rule: ResolutionRule,
    national_rule: ResolutionRule,
    *,
    estate: Estate | None = None,
    ballots: Sequence[Ballot] | None = None,
) -> None:
    """Assert that a local rule is never looser than the national one.

    Checks [ResolutionRule.never_looser_than][community_governance.ResolutionRule] and, when an
    ``estate`` and ``ballots`` are given, that a vote passing the local rule also passes the
    national one (the empirical side of the same property, for hypothesis to search).

    Raises:
        AssertionError: the local rule is looser (the message shows both rules).
    """
    assert local_rule.never_looser_than(national_rule), (
        f"local rule is looser than national rule\n"
        f"  local:    {describe_rule(local_rule)}\n"
        f"  national: {describe_rule(national_rule)}\n"
        f"  not matched by the local rule: "
        + "; ".join(t.describe() for t in _unmatched(local_rule, national_rule))
    )
    if estate is not None and ballots is not None:
        local = decider(local_rule)(estate, ballots)
        if local.passed:
            national = decider(national_rule)(estate, ballots)
            assert national.passed, (
                f"a vote passing the local rule fails the national rule\n"
                f"  local:    {describe_rule(local_rule)} -> {_brief(local)}\n"
                f"  national: {describe_rule(national_rule)} -> {_brief(national)}"
            )


def describe_rule(rule: ResolutionRule, lang: str = "en") -> str:
    """One line naming a rule's quorum and approval thresholds (for failure messages).

    Args:
        rule: The resolution rule.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        E.g. ``"quorum: none | approval: area more than 1/2 of all owners"``.
    """
    none = "无" if lang == "zh" else "none"
    quorum = " and ".join(t.describe(lang) for t in rule.quorum) or none
    approval = " and ".join(t.describe(lang) for t in rule.approval)
    return f"quorum: {quorum} | approval: {approval}"


def _brief(decision: Decision) -> str:
    verdict = "passed" if decision.passed else "failed"
    figures = ", ".join(
        f"{c.threshold.describe()}: {c.numerator}/{c.denominator} {'ok' if c.passed else 'FAIL'}"
        for c in decision.checks
    )
    return f"{verdict} ({figures})"


def _unmatched(local: ResolutionRule, national: ResolutionRule) -> list[Threshold]:
    # A national threshold is matched when a rule holding only it (beside the local rule's
    # other role) is covered by the local rule.
    found = [
        t
        for t in national.quorum
        if not local.never_looser_than(
            ResolutionRule(quorum=(t,), approval=local.approval, citation=TEST_CITATION)
        )
    ]
    found += [
        t
        for t in national.approval
        if not local.never_looser_than(
            ResolutionRule(quorum=(), approval=(t,), citation=TEST_CITATION)
        )
    ]
    return found


# --------------------------------------------------------------------------- re-exports
# Strategies for elections and mediation live beside their engines and are re-exported here.
from community_governance.elections._strategies import (  # noqa: E402
    Election,
    candidates,
    election_ballots,
    election_estates,
    elections,
)
from community_governance.mediation._strategies import (  # noqa: E402
    candidate_events,
    mediation_case_histories,
    mediation_cases,
    mediation_event_sequences,
)


def register_type_strategies() -> None:
    """Register these strategies with hypothesis so ``st.from_type(Estate)`` works.

    Called by hypothesis through the ``hypothesis`` entry point declared by the package;
    covers [Estate][community_governance.Estate],
    [ResolutionRule][community_governance.ResolutionRule] and
    [Threshold][community_governance.Threshold].
    """
    st.register_type_strategy(Estate, estates())
    st.register_type_strategy(ResolutionRule, resolution_rules())
    st.register_type_strategy(Threshold, thresholds())
