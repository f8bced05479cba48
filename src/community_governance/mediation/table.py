"""The declared transition table: the phases' rows, concatenated and validated on import.

Each lifecycle phase (`community_governance.mediation.phases`) declares its own rows with
their guards and effects; ``TABLE`` maps each (state, event) to its one transition, computed
once here, so applying an event is one dictionary lookup.
[validate_table][community_governance.mediation.validate_table] checks that a table has exactly
one initial state (the only state no transition enters), no exits from terminal states, every
state reachable from the initial one, and no trap (a non-terminal state from which no terminal
state can be reached). The judicial-confirmation table is checked the same way.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from community_governance.exceptions import TransitionTableError
from community_governance.mediation.events import EVENT_TYPES, EventKind
from community_governance.mediation.phases import (
    agreement,
    confirmation,
    intake,
    performance,
    session,
)
from community_governance.mediation.phases.confirmation import JC_TABLE
from community_governance.mediation.states import TERMINAL_STATES, CaseState, JCStatus
from community_governance.mediation.transition import Guard, Transition

__all__ = ["GUARDS", "JC_TABLE", "TABLE", "Transition", "validate_table"]

_PHASES = (intake, session, agreement, performance, confirmation)


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


def _table(
    rows: Iterable[Transition[Any]],
) -> dict[tuple[CaseState, EventKind], Transition[Any]]:
    table: dict[tuple[CaseState, EventKind], Transition[Any]] = {}
    for row in rows:
        carrier = EVENT_TYPES[row.event]
        if row.carrier is not carrier:
            raise TransitionTableError(
                f"mediation table: the row for {row.event.value} from {row.source.value} reads "
                f"{row.carrier.__name__}, but {row.event.value} is carried by {carrier.__name__}"
            )
        key = (row.source, row.event)
        if key in table:
            raise TransitionTableError(
                f"mediation table: two rows for {row.event.value} from {row.source.value}"
            )
        table[key] = row
    return table


def _guards(phases: Iterable[tuple[Guard[Any], ...]]) -> dict[str, Guard[Any]]:
    found: dict[str, Guard[Any]] = {}
    for guards in phases:
        for guard in guards:
            if found.setdefault(guard.name, guard) is not guard:
                raise TransitionTableError(f"mediation table: guard {guard.name} declared twice")
    return found


#: The declared table: (state, event) → transition, from every phase's rows.
TABLE: dict[tuple[CaseState, EventKind], Transition[Any]] = _table(
    row for phase in _PHASES for row in phase.ROWS
)

#: Every guard by name, from every phase.
GUARDS: dict[str, Guard[Any]] = _guards(phase.GUARDS for phase in _PHASES)

validate_table(
    ((t.source, t.target) for t in TABLE.values()),
    states=CaseState,
    initial=CaseState.NEW,
    terminal=TERMINAL_STATES,
    name="mediation table",
)
validate_table(
    ((status, target) for (status, _), target in JC_TABLE.items()),
    states=JCStatus,
    initial=JCStatus.NONE,
    terminal=(JCStatus.CONFIRMED, JCStatus.REJECTED),
    name="judicial-confirmation table",
)
