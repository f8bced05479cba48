"""Ready-made properties every rule set and vote counter should have.

Monotonicity (one more agreement never turns a pass into a fail), anonymity (neither the order
of the ballots nor the names of the units matter) and "never looser" (every vote passing a
local rule also passes the national one). Each is an assertion to call inside a hypothesis
test, with a short failure message: one line per rule and the counterexample's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import attrs

from community_governance._base.format import area_text
from community_governance._base.lang import language
from community_governance.register.estate import Estate
from community_governance.rules.thresholds import ResolutionRule, Threshold
from community_governance.strategies.rules import TEST_CITATION, decider
from community_governance.voting.ballots import Ballot, Choice
from community_governance.voting.checks import figure
from community_governance.voting.decision import Decision

__all__ = [
    "DecideFn",
    "HasPassed",
    "assert_anonymous",
    "assert_implies",
    "assert_monotone",
    "assert_never_looser",
    "describe_rule",
    "relabel_units",
]


class HasPassed(Protocol):
    """Anything with a ``passed`` verdict (a [Decision][community_governance.Decision]...)."""

    @property
    def passed(self) -> bool:
        """Whether the motion passed."""
        ...


#: A function deciding a vote: ``(estate, ballots) -> result with .passed``.
DecideFn = Callable[[Estate, Sequence[Ballot]], HasPassed]


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

    With an ``estate`` and ``ballots``, checks the vote itself (see `assert_implies`): a vote
    passing the local rule must pass the national one; draw the ballots with
    [ballots_near][community_governance.strategies.ballots_near] so that hypothesis searches
    the bounds where rules differ. Without them, checks the rules threshold by threshold with
    [ResolutionRule.never_looser_than][community_governance.ResolutionRule].

    Args:
        local_rule: The local (stricter) rule.
        national_rule: The national rule.
        estate: A register, for the vote check.
        ballots: Valid ballots for it, for the vote check.

    Raises:
        AssertionError: the local rule is looser. The message has one line per rule and then
            the counterexample's figures, or the national thresholds the local rule does not
            match.
    """
    if estate is not None and ballots is not None:
        assert_implies(
            decider(local_rule, include_unconfirmed=True),
            decider(national_rule, include_unconfirmed=True),
            estate,
            ballots,
            names=(
                f"local    {describe_rule(local_rule)}",
                f"national {describe_rule(national_rule)}",
            ),
        )
        return
    assert local_rule.never_looser_than(national_rule), (
        f"local rule is looser than national rule\n"
        f"  local:    {describe_rule(local_rule)}\n"
        f"  national: {describe_rule(national_rule)}\n"
        f"  not matched by the local rule: "
        + "; ".join(t.describe() for t in _unmatched(local_rule, national_rule))
    )


def assert_implies(
    stricter: Callable[[Estate, Sequence[Ballot]], Decision],
    looser: Callable[[Estate, Sequence[Ballot]], Decision],
    estate: Estate,
    ballots: Sequence[Ballot],
    *,
    names: tuple[str, str] = ("stricter", "looser"),
) -> None:
    """Assert that a vote passing ``stricter`` also passes ``looser``.

    Args:
        stricter: Decides with the rule that should be stricter (e.g. the local one).
        looser: Decides with the rule that should be looser (e.g. the Civil Code's).
        estate: The register.
        ballots: Valid ballots for it.
        names: How the two sides are named in the failure message.

    Raises:
        AssertionError: the vote passes ``stricter`` and fails ``looser``; the message has one
            line per side (its rule and verdict with figures) and the vote's tally.
    """
    first = stricter(estate, ballots)
    if not first.passed:
        return
    second = looser(estate, ballots)
    assert second.passed, (
        f"a vote passing the {names[0].split()[0]} rule fails the {names[1].split()[0]} rule\n"
        f"  {names[0]} -> {_brief(first)}\n"
        f"  {names[1]} -> {_brief(second)}\n"
        f"  vote: {_vote(first)}"
    )


def describe_rule(rule: ResolutionRule, lang: str = "en") -> str:
    """One line naming a rule's quorum and approval thresholds (for failure messages).

    Args:
        rule: The resolution rule.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        E.g. ``"quorum: none | approval: area more than 1/2 of all owners"``.
    """
    lang = language(lang)
    none = "无" if lang == "zh" else "none"
    quorum = " and ".join(t.describe(lang) for t in rule.quorum) or none
    approval = " and ".join(t.describe(lang) for t in rule.approval)
    return f"quorum: {quorum} | approval: {approval}"


def _brief(decision: Decision) -> str:
    verdict = "passed" if decision.passed else "failed"
    figures = ", ".join(
        f"{c.threshold.describe()}: {figure(c.numerator, c.threshold.measure)}/"
        f"{figure(c.denominator, c.threshold.measure)} {'ok' if c.passed else 'FAIL'}"
        for c in decision.checks
    )
    return f"{verdict} ({figures})"


def _vote(decision: Decision) -> str:
    tally = decision.tally
    return (
        f"{tally.total.heads} persons / {area_text(tally.total.area)} m² in all; "
        f"agree {tally.agree.heads} / {area_text(tally.agree.area)} m², "
        f"oppose {tally.oppose.heads} / {area_text(tally.oppose.area)} m², "
        f"abstain {tally.abstain.heads} / {area_text(tally.abstain.area)} m²"
    )


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
