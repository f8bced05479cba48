"""Validation of declared transition graphs (used by ``table`` when it is imported)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from community_governance.exceptions import TransitionTableError

__all__ = ["validate_table"]


def validate_table(
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    states: Iterable[Hashable],
    initial: Hashable,
    terminal: Iterable[Hashable],
    name: str = "table",
) -> None:
    """Check a transition graph given as (source, target) pairs.

    Args:
        edges: One pair per transition.
        states: Every declared state.
        initial: The declared initial state.
        terminal: The declared terminal states.
        name: Name used in error messages.

    Raises:
        TransitionTableError: the graph breaks a rule; the message names the offending state.
    """
    pairs = list(edges)
    all_states, ends = list(states), set(terminal)
    unentered = [s for s in all_states if not any(t == s and f != s for f, t in pairs)]
    if unentered != [initial]:
        raise TransitionTableError(
            f"{name}: the states no transition enters must be exactly [{initial}], "
            f"found {[str(s) for s in unentered]}"
        )
    for source, _ in pairs:
        if source in ends:
            raise TransitionTableError(f"{name}: terminal state {source} has an exit")
    reached, frontier = {initial}, [initial]
    while frontier:
        state = frontier.pop()
        for source, target in pairs:
            if source == state and target not in reached:
                reached.add(target)
                frontier.append(target)
    for state in all_states:
        if state not in reached:
            raise TransitionTableError(f"{name}: state {state} is unreachable from {initial}")
        if state not in ends and not _reaches(state, ends, pairs):
            raise TransitionTableError(f"{name}: state {state} is a trap (no way to an end)")


def _reaches(start: Hashable, ends: set[Hashable], pairs: list[tuple[Hashable, Hashable]]) -> bool:
    seen, frontier = {start}, [start]
    while frontier:
        state = frontier.pop()
        if state in ends:
            return True
        for source, target in pairs:
            if source == state and target not in seen:
                seen.add(target)
                frontier.append(target)
    return False
