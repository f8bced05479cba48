"""[TrailEntry][community_governance.mediation.TrailEntry]: one applied event of a case's trail."""

from __future__ import annotations

import attrs

from community_governance.mediation.events import AnyEvent
from community_governance.mediation.states import CaseState

__all__ = ["TrailEntry"]


@attrs.frozen(slots=True)
class TrailEntry:
    """One applied event in a case's audit trail.

    Attributes:
        seq: Position in the trail (0-based).
        event: The event: when, what, by whom, with its facts and reason.
        from_state: State before the event.
        to_state: State after it.
        warnings: Soft rules (unconfirmed sources) that the event did not meet, with citations.
        policy: Code of the mediation policy (rule set) in force for the case.
        calendar: Name of the holiday calendar used for deadlines opened by the event.
    """

    seq: int
    event: AnyEvent
    from_state: CaseState
    to_state: CaseState
    warnings: tuple[str, ...] = ()
    policy: str = ""
    calendar: str = ""
