"""Election ballots (one per unit, approving candidates) and the policy for irregular ones.

The law does not say how to count a ballot approving more candidates than seats, approving a
non-candidate, or cast for a unit outside the register; a declared
[BallotPolicy][community_governance.elections.BallotPolicy] does.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

import attrs

from community_governance._serial import load
from community_governance.citations import Citation, Confidence
from community_governance.exceptions import CandidateError
from community_governance.register._model import parse_enum

__all__ = ["BallotPolicy", "ElectionBallot", "Handling"]


class Handling(Enum):
    """What to do with a ballot the law does not describe.

    Attributes:
        SPOIL: The whole ballot is spoiled: its person takes part and approves nobody (the
            reading of "taking part in the vote", Civil Code Art. 278(2), used for motion
            ballots too); the result lists it.
        ERROR: Refuse the ballots with an error naming the unit.
        SET_ASIDE: (Unknown units only.) Not counted at all; the result lists it.
    """

    SPOIL = "spoil"
    ERROR = "error"
    SET_ASIDE = "set-aside"


IRREGULAR = Citation(
    "library_design",
    "election-ballots.irregular",
    confidence=Confidence.MEDIUM,
    note="no statute says how irregular election ballots count; spoiled ballots take part "
    "(Civil Code Art. 278(2) 'taking part in the vote')",
)


def _handling(value: object, allowed: tuple[Handling, ...]) -> Handling:
    handling = parse_enum(Handling, value, what="ballot handling")
    if handling not in allowed:
        raise CandidateError(
            f"ballot handling {handling.value!r} is not allowed here (use one of "
            f"{', '.join(h.value for h in allowed)})",
            what="ballot policy",
            field="handling",
            value=value,
        )
    return handling


def _spoil_or_error(value: object) -> Handling:
    return _handling(value, (Handling.SPOIL, Handling.ERROR))


def _error_or_set_aside(value: object) -> Handling:
    return _handling(value, (Handling.ERROR, Handling.SET_ASIDE))


@attrs.frozen(slots=True)
class BallotPolicy:
    """The declared handling of irregular election ballots; nothing is ever dropped silently.

    Attributes:
        over_approval: A ballot approving more candidates than seats (spoil or error).
        non_candidate: A ballot approving someone who is not a candidate (spoil or error).
        unknown_unit: A ballot for a unit outside the register or scope (error or set aside).
        citation: The source of the policy (a design decision unless the estate's rules say).
    """

    over_approval: Handling = attrs.field(default=Handling.SPOIL, converter=_spoil_or_error)
    non_candidate: Handling = attrs.field(default=Handling.SPOIL, converter=_spoil_or_error)
    unknown_unit: Handling = attrs.field(default=Handling.ERROR, converter=_error_or_set_aside)
    citation: Citation = IRREGULAR


def _approvals(value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise CandidateError(
            f"ballot approvals must be a collection of candidate ids, not {value!r}",
            what="ballot",
            field="approvals",
            value=value,
        )
    if isinstance(value, frozenset):
        items: tuple[object, ...] = tuple(value)
        result = value
    else:
        items = tuple(value)
        result = frozenset(items)
        if len(result) != len(items):
            twice = next(item for item in items if items.count(item) > 1)
            raise CandidateError(
                f"ballot approves candidate {twice!r} twice",
                what="ballot",
                field="approvals",
                value=twice,
            )
    for item in items:
        if not isinstance(item, str) or not item:
            raise CandidateError(
                f"ballot approval {item!r} is not a candidate id",
                what="ballot",
                field="approvals",
                value=item,
            )
    return result


def _unit(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise CandidateError(
            f"election ballot unit must be a non-empty unit id, not {value!r}",
            what="ballot",
            field="unit",
            value=value,
        )


@attrs.frozen(slots=True)
class ElectionBallot:
    """An election ballot for one exclusive part, approving candidates.

    Attributes:
        unit: The unit id.
        approvals: Ids of the approved candidates (a list, tuple or set; duplicates refused).
        spoiled: Returned but invalid (废票): takes part, approves nobody.
    """

    unit: str = attrs.field(validator=_unit)
    approvals: frozenset[str] = attrs.field(default=frozenset(), converter=_approvals)
    spoiled: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.election_ballot/1``."""
        return {
            "schema": SCHEMA,
            "unit": self.unit,
            "approvals": sorted(self.approvals),
            "spoiled": self.spoiled,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ElectionBallot:
        """Rebuild a ballot from [to_dict][community_governance.elections.ElectionBallot] output."""
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.election_ballot/1"
