"""The quorum and approval checks of an election round, through `voting.checks.check` (private).

Shared by `elect` and by `ElectionResult.from_dict` (which recomputes every verdict from the
stored figures and thresholds).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

import attrs

from community_governance._base.exact import Exact, normalise
from community_governance.rules.thresholds import Base, Measure, Threshold
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


#: A figure as whole numbers: (heads, 1) and (area numerator, area denominator).
_Pairs = tuple[tuple[int, int], tuple[int, int]]


def _pairs(figures: Figures) -> _Pairs:
    """Both measures of ``figures`` as (numerator, positive denominator) in lowest terms."""
    return (figures.heads, 1), _integer_ratio(figures.area)


def _which(threshold: Threshold) -> int:
    """The index of the threshold's measure in a figure's pairs: 0 heads, 1 area."""
    return 0 if threshold.measure is Measure.HEADS else 1


def apply(
    role: CheckRole,
    threshold: Threshold,
    mine: _Pairs,
    base: _Pairs,
    memo: dict[tuple[int, int], Exact],
) -> Check:
    """One threshold applied to exact figures (scaled to whole numbers for `check`)."""
    which = _which(threshold)
    top, top_scale = mine[which]
    bottom, bottom_scale = base[which]
    if top_scale != bottom_scale:
        scale = math.lcm(top_scale, bottom_scale)
        top, bottom = top * (scale // top_scale), bottom * (scale // bottom_scale)
        top_scale = scale
    return check(role, threshold, top, bottom, top_scale, memo=memo)


def _integer_ratio(value: Exact) -> tuple[int, int]:
    """``value`` as (numerator, positive denominator), in lowest terms."""
    return value.as_integer_ratio()


def decide(
    quorum: tuple[Threshold, ...],
    approval: Mapping[str, tuple[Threshold, ...]],
    approvals: Mapping[str, Figures],
    base: dict[Base, Figures],
) -> Counted:
    """Apply the quorum thresholds and each candidate's approval thresholds.

    Each figure is turned into whole numbers once (see `decide_pairs`).
    """
    return decide_pairs(
        quorum,
        approval,
        {cid: _pairs(figures) for cid, figures in approvals.items()},
        {key: _pairs(figures) for key, figures in base.items()},
    )


def decide_pairs(
    quorum: tuple[Threshold, ...],
    approval: Mapping[str, tuple[Threshold, ...]],
    approvals: Mapping[str, _Pairs],
    bases: dict[Base, _Pairs],
) -> Counted:
    """`decide` on figures already in whole numbers: ``(heads, 1)`` and ``(area × d, d)``.

    Candidates share their thresholds and base figures, looked up once per distinct threshold
    tuple, and equal figures become exact numbers once, through a memo kept for this call
    only; candidates with equal figures under the same threshold (all of them before any
    ballot, or those tied) share one check value. `elect` passes its scaled integer figures as
    they are (one scale throughout).
    """
    memo: dict[tuple[int, int], Exact] = {}
    # candidates with equal figures under one threshold share one (immutable) check
    made: dict[tuple[int, int, int, int], Check] = {}
    part = bases[Base.PARTICIPATING]
    quorum_checks = tuple(apply(CheckRole.QUORUM, t, part, bases[t.base], memo) for t in quorum)
    quorum_met = all(c.passed for c in quorum_checks)
    checks: dict[str, tuple[Check, ...]] = {}
    # by id of a shared threshold tuple: each threshold with its measure and base figure
    paired: dict[int, list[tuple[Threshold, int, tuple[int, int]]]] = {}
    approve = CheckRole.APPROVAL
    for cid, ts in approval.items():
        with_bases = paired.get(id(ts))
        if with_bases is None:
            with_bases = paired[id(ts)] = [(t, _which(t), bases[t.base][_which(t)]) for t in ts]
        mine = approvals[cid]
        found = []
        for threshold, which, (bottom, bottom_scale) in with_bases:
            top, top_scale = mine[which]
            if top_scale == bottom_scale:  # always so for elect's scaled figures
                key = (id(threshold), top, bottom, top_scale)
                known = made.get(key)
                if known is None:
                    known = made[key] = check(approve, threshold, top, bottom, top_scale, memo=memo)
                found.append(known)
            else:
                found.append(apply(approve, threshold, mine, bases[threshold.base], memo))
        checks[cid] = tuple(found)
    passed = {cid: quorum_met and all(c.passed for c in cs) for cid, cs in checks.items()}
    passing = [cid for cid, ok in passed.items() if ok]
    return Counted(quorum_checks, quorum_met, checks, passed, passing)
