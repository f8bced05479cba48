"""The quorum and approval checks of an election round, through `voting.checks.check` (private).

Shared by `elect` and by `ElectionResult.from_dict` (which recomputes every verdict from the
stored figures and thresholds).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

import attrs

from community_governance._base.exact import normalise
from community_governance.rules.thresholds import Base, Threshold
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import Check, CheckRole, Figures, check


@attrs.frozen(slots=True)
class Counted:
    """The quorum checks, each candidate's approval checks and verdict."""

    quorum: tuple[Check, ...]
    quorum_met: bool
    checks: dict[str, tuple[Check, ...]]
    passed: dict[str, bool]
    passing: list[str]


def minus(a: Figures, b: Figures) -> Figures:
    """``a - b`` in heads and area."""
    return Figures(a.heads - b.heads, normalise(Fraction(a.area) - Fraction(b.area)))


def plus(a: Figures, b: Figures) -> Figures:
    """``a + b`` in heads and area."""
    return Figures(a.heads + b.heads, normalise(Fraction(a.area) + Fraction(b.area)))


def bases(
    total: Figures, participating: Figures, spoiled: Figures, spoiled_policy: SpoiledPolicy
) -> dict[Base, Figures]:
    """The base figures: all owners, those attending, those taking part, the valid votes cast.

    Under `SpoiledPolicy.EXCLUDED` ``participating`` already leaves spoiled ballots out, and
    those attending (every returned ballot, as `Base.ATTENDING` reads, e.g. Condominium
    Management Act (Taiwan) Art. 31 出席) add them back; otherwise those attending are those
    taking part, and the votes cast are those taking part less the spoiled ballots.
    """
    excluded = spoiled_policy is SpoiledPolicy.EXCLUDED
    cast = participating if excluded else minus(participating, spoiled)
    attending = plus(participating, spoiled) if excluded else participating
    return {
        Base.ALL: total,
        Base.ATTENDING: attending,
        Base.PARTICIPATING: participating,
        Base.CAST: cast,
    }


def apply(role: CheckRole, threshold: Threshold, mine: Figures, base: Figures) -> Check:
    """One threshold applied to exact figures (scaled to whole numbers for `check`)."""
    measure = threshold.measure
    numerator, denominator = Fraction(mine.of(measure)), Fraction(base.of(measure))
    scale = math.lcm(numerator.denominator, denominator.denominator)
    return check(role, threshold, int(numerator * scale), int(denominator * scale), scale)


def decide(
    quorum: tuple[Threshold, ...],
    approval: Mapping[str, tuple[Threshold, ...]],
    approvals: Mapping[str, Figures],
    base: dict[Base, Figures],
) -> Counted:
    """Apply the quorum thresholds and each candidate's approval thresholds."""
    part = base[Base.PARTICIPATING]
    quorum_checks = tuple(apply(CheckRole.QUORUM, t, part, base[t.base]) for t in quorum)
    quorum_met = all(c.passed for c in quorum_checks)
    checks = {
        cid: tuple(apply(CheckRole.APPROVAL, t, approvals[cid], base[t.base]) for t in ts)
        for cid, ts in approval.items()
    }
    passed = {cid: quorum_met and all(c.passed for c in cs) for cid, cs in checks.items()}
    passing = [cid for cid, ok in passed.items() if ok]
    return Counted(quorum_checks, quorum_met, checks, passed, passing)
