"""Attribute a head-count difference to its causes: persons counted once per unit, non-voters.

An announcement that counts ballots per unit counts a person holding ``n`` units ``n`` times
(SPC interpretation on building ownership disputes Art. 9 counts them once); one that adds the
owners who did not vote to the majority needs a covenant or rules-of-procedure clause (Guidance
Rules for Owners' Meetings and Committees Art. 26(2)); ballots outside the register and a
unit's extra ballots, counted, add to the figures too. Each is one
[Cause][community_governance.audit.Cause]; a difference is split among the causes that fit it
and the unexplained rest.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from community_governance._base.citations import Citation
from community_governance.audit.findings import Cause, Discrepancy, Part
from community_governance.register.counting import SPC_ART_9

__all__ = ["GUIDANCE_ART_26", "attribute", "non_voters", "repeated"]

GUIDANCE_ART_26 = Citation(
    "guidance_rules_2009",
    "26(2)",
    note="non-voters join the majority only under a covenant or rules-of-procedure clause",
)


def repeated(label: str, units: Sequence[str]) -> Cause:
    """The cause for ``label`` counted once per unit of ``units`` (two or more)."""
    times = "twice" if len(units) == 2 else f"{len(units)} times"
    who, who_zh = (
        ("the developer", "建设单位")
        if label == "developer"
        else (f"owner {label}", f"业主{label}")
    )
    return Cause(
        "persons-counted-more-than-once",
        (label,),
        units,
        f"{who} (units {', '.join(units)}) counted {times}",
        f"{who_zh}（专有部分{'、'.join(units)}）被重复计为{len(units)}人",
        SPC_ART_9,
        count=len(units) - 1,
    )


def non_voters(count: int) -> Cause:
    """The cause for ``count`` owners who did not vote counted on the majority's side."""
    who = (
        "the owner who did not vote was"
        if count == 1
        else f"the {count} owners who did not vote were"
    )
    return Cause(
        "non-voters-counted",
        (),
        (),
        f"{who} counted, but the rules carry no covenant clause adding non-voters to the majority",
        f"计入了未参与表决的{count}名业主，但规则中没有将未表决业主计入多数的管理规约条款",
        GUIDANCE_ART_26,
        count=count,
    )


def attribute(
    difference: Discrepancy,
    announced: int,
    recounted: int,
    evidence: Sequence[tuple[Cause, int]],
    silent: Cause | None = None,
    not_voting: int = 0,
) -> Discrepancy:
    """Split ``announced - recounted`` among the evidence, then the non-voters, then the rest.

    Args:
        difference: The discrepancy of the head count.
        announced: The announced head count.
        recounted: The recounted head count.
        evidence: Each cause a per-unit count adds to this figure, with how much it adds
            (ballots outside the register or extra, a person's units after the first).
        silent: The non-voters cause, when the rules carry no clause counting them.
        not_voting: How many persons did not vote.

    Returns:
        ``difference`` with its ``parts`` (left as is when no cause fits).
    """
    remaining = announced - recounted
    parts: list[Part] = []
    for cause, adds in evidence:
        take = min(adds, remaining)
        if take > 0:
            parts.append(Part(take, cause))
            remaining -= take
    if silent is not None and 0 < remaining == not_voting:
        parts.append(Part(remaining, silent))
        remaining = 0
    if not parts:
        return difference
    if remaining:
        parts.append(Part(remaining))
    return attrs.evolve(difference, parts=tuple(parts))
