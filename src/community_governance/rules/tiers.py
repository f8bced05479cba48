"""Building blocks for voting layers: double thresholds and two-tier matter maps (private)."""

from __future__ import annotations

from collections.abc import Collection
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.rules.matters import Matter
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)

#: A tier of approval: base, comparator and ratio, applied to area AND heads.
Tier = tuple[Base, Comparator, Fraction]


def both(
    base: Base, comparator: Comparator, ratio: Fraction, cite: Citation
) -> tuple[Threshold, ...]:
    """Area AND heads thresholds with the same base, comparator, ratio and citation."""
    return (
        Threshold(Measure.AREA, base, comparator, ratio, cite),
        Threshold(Measure.HEADS, base, comparator, ratio, cite),
    )


def tiers(
    ordinary: ResolutionRule, special: ResolutionRule, special_matters: Collection[Matter]
) -> dict[Matter, ResolutionRule]:
    """Every matter mapped to ``special`` if listed in ``special_matters``, else ``ordinary``."""
    return {matter: special if matter in special_matters else ordinary for matter in Matter}


def double_tiers(
    *,
    quorum: Tier,
    quorum_cite: Citation,
    ordinary: Tier,
    special: Tier,
    special_matters: Collection[Matter],
    approval_cite: Citation,
    item_cite: Citation,
) -> dict[Matter, ResolutionRule]:
    """The common shape of Chinese voting rules: a double quorum and two double approvals.

    Args:
        quorum: Base, comparator and ratio of the participation quorum (area AND heads).
        quorum_cite: The article setting the quorum.
        ordinary: The approval tier for ordinary matters.
        special: The approval tier for ``special_matters``.
        special_matters: Matters decided in the special tier.
        approval_cite: The article setting both approval tiers.
        item_cite: The article listing the matters.

    Returns:
        A resolution rule for every matter.
    """
    threshold = both(*quorum, quorum_cite)
    return tiers(
        ResolutionRule(threshold, both(*ordinary, approval_cite), item_cite),
        ResolutionRule(threshold, both(*special, approval_cite), item_cite),
        special_matters,
    )
