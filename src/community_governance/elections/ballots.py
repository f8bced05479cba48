"""Election ballots (one per unit, approving candidates) and the policy for irregular ones.

The law does not say how to count a ballot approving more candidates than seats, approving a
non-candidate, or cast for a unit outside the register; a declared
[BallotPolicy][community_governance.elections.BallotPolicy] does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

import attrs

from community_governance._base.serial import load
from community_governance.exceptions import CandidateError, ElectionInputError

__all__ = ["ElectionBallot"]


def _approvals(value: object) -> frozenset[str]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ElectionInputError(
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
        try:
            result = frozenset(items)
        except TypeError:  # an unhashable item (a list, say) is not a candidate id
            _refuse(next(item for item in items if not isinstance(item, str)))
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
            _refuse(item)
    return result


def _refuse(item: object) -> NoReturn:
    raise CandidateError(
        f"ballot approval {item!r} is not a candidate id",
        what="ballot",
        field="approvals",
        value=item,
    )


def _unit(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise CandidateError(
            f"election ballot unit must be a non-empty unit id, not {value!r}",
            what="ballot",
            field="unit",
            value=value,
        )


def _spoiled(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ElectionInputError(
            f"election ballot spoiled must be True or False, not {value!r} (a string is not "
            "a yes/no flag)",
            what="ballot",
            field="spoiled",
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
    spoiled: bool = attrs.field(default=False, validator=_spoiled)

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
        """Rebuild a ballot from [to_dict][community_governance.elections.ElectionBallot] output.

        The raw values go through the same validators as the constructor before any
        conversion, so ``"false"`` is refused rather than read as a true flag.

        Raises:
            ElectionInputError: ``spoiled`` is not a bool, ``approvals`` is a string.
            CandidateError: a bad unit or approval.
            InvalidDataError: another schema, or the data do not fit.
        """
        if isinstance(data, dict):
            if "unit" in data:
                _unit(None, _FIELDS.unit, data["unit"])
            if "approvals" in data:
                _approvals(data["approvals"])
            if "spoiled" in data:
                _spoiled(None, _FIELDS.spoiled, data["spoiled"])
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.election_ballot/1"
_FIELDS = attrs.fields(ElectionBallot)
