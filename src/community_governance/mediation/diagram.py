"""A Mermaid ``stateDiagram-v2`` generated from the declared tables (pure text, no I/O)."""

from __future__ import annotations

from community_governance.mediation.states import TERMINAL_STATES, CaseState, JCStatus
from community_governance.mediation.table import JC_TABLE, TABLE

__all__ = ["mermaid"]


def mermaid(*, self_loops: bool = True, confirmation: bool = True) -> str:
    """Render the lifecycle as a Mermaid ``stateDiagram-v2``.

    Args:
        self_loops: Include events that keep the state (sessions, signatures, visits...).
        confirmation: Include the judicial-confirmation status as a composite state.

    Returns:
        Diagram text; transitions between the same two states share one labelled arrow.
    """
    edges: dict[tuple[CaseState, CaseState], list[str]] = {}
    for transition in TABLE.values():
        if transition.source is transition.target and not self_loops:
            continue
        key = (transition.source, transition.target)
        edges.setdefault(key, []).append(transition.event.value)
    lines = ["stateDiagram-v2"]
    lines += [f"    {state.name} : {state.name} {state.zh}" for state in CaseState]
    lines.append(f"    [*] --> {CaseState.NEW.name}")
    for (source, target), events in edges.items():
        lines.append(f"    {source.name} --> {target.name} : {', '.join(events)}")
    lines += [f"    {state.name} --> [*]" for state in CaseState if state in TERMINAL_STATES]
    if confirmation:
        lines.append("    state JUDICIAL_CONFIRMATION {")
        lines.append(f"        [*] --> JC_{JCStatus.NONE.name}")
        jc_edges: dict[tuple[JCStatus, JCStatus], list[str]] = {}
        for (status, event), after in JC_TABLE.items():
            jc_edges.setdefault((status, after), []).append(event.value)
        for (status, after), names in jc_edges.items():
            lines.append(f"        JC_{status.name} --> JC_{after.name} : {', '.join(names)}")
        lines.append("    }")
        lines.append("    note right of JUDICIAL_CONFIRMATION")
        lines.append("        parallel status of the agreement while IN_PERFORMANCE")
        lines.append("    end note")
    return "\n".join(lines) + "\n"
