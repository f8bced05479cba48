"""Notices that depend on the register only, built once per estate (private).

An estate is a frozen value; what is derived from it for every decision (the overlapping
owner sets, several developer entities counted as one) is kept beside it, in a map keyed by
the estate's identity and dropped when the estate is collected, never inside the value.
"""

from __future__ import annotations

import weakref

from community_governance._base.notices import Notice
from community_governance.register.counting import OVERLAP_DESIGN, SPC_ART_9
from community_governance.register.estate import Estate, Overlap

__all__ = ["estate_notices", "register_notices"]

#: Notices by estate identity, with a weak reference that drops the entry with the estate.
_NOTICES: dict[int, tuple[weakref.ref[Estate], tuple[Notice, ...]]] = {}


def estate_notices(estate: Estate) -> tuple[Notice, ...]:
    """The register's own notices for a decision: overlaps, then several developer entities."""
    key = id(estate)
    entry = _NOTICES.get(key)
    if entry is not None and entry[0]() is estate:
        return entry[1]
    notices = register_notices(estate.overlaps, estate.developer_entities)
    kept = _NOTICES  # held by the callback, which may run while the interpreter shuts down
    _NOTICES[key] = (weakref.ref(estate, lambda _ref: kept.pop(key, None)), notices)
    return notices


def register_notices(
    overlaps: tuple[Overlap, ...], developer_entities: tuple[str, ...]
) -> tuple[Notice, ...]:
    """The notices for some overlapping owner sets and developer entities (of a scope)."""
    notices = [
        Notice(
            "overlapping-owner-sets",
            overlap.describe("en"),
            overlap.describe("zh"),
            OVERLAP_DESIGN,
        )
        for overlap in overlaps
    ]
    if len(developer_entities) > 1:
        names = ", ".join(developer_entities)
        notices.append(
            Notice(
                "several-developer-entities",
                f"developer entities {names} were counted together as one person",
                f"建设单位 {names} 合计计为一人",
                SPC_ART_9,
            )
        )
    return tuple(notices)
