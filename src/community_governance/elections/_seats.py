"""Filling seats and alternate places from the ranked candidates who passed (private)."""

from __future__ import annotations

from itertools import groupby

import attrs

from community_governance.elections._count import Folded
from community_governance.elections.result import SeatStatus, TieReport
from community_governance.rules.elections import TieBreak, TieMethod
from community_governance.rules.thresholds import Measure


@attrs.frozen(slots=True)
class Seating:
    """Who got a seat or an alternate place, ranks, statuses and ties."""

    elected: tuple[str, ...]
    alternates: tuple[str, ...]
    status: dict[str, SeatStatus]
    rank: dict[str, int]
    ties: tuple[TieReport, ...]


def fill_seats(
    passing: list[str],
    folded: Folded,
    ranking: tuple[Measure, ...],
    seats: int,
    alternates: int,
    tie_break: TieBreak,
) -> Seating:
    """Rank those who passed, fill the seats, then (if all are filled) the alternate places."""
    heads, area = folded.heads, folded.area

    def key(cid: str) -> tuple[int, ...]:
        return tuple(
            -(heads.get(cid, 0) if m is Measure.HEADS else area.get(cid, 0)) for m in ranking
        )

    ordered = sorted(passing, key=key)
    rank: dict[str, int] = {}
    groups: list[list[str]] = []
    ahead = 0
    for _, members in groupby(ordered, key=key):
        group = list(members)
        for cid in group:
            rank[cid] = ahead + 1
        ahead += len(group)
        groups.append(group)
    status = dict.fromkeys(passing, SeatStatus.NOT_SEATED)
    elected, open_seats, groups, ties = _take(groups, seats, tie_break, False, status)
    chosen_alternates: list[str] = []
    if alternates and not open_seats:
        chosen_alternates, _, _, more = _take(groups, alternates, tie_break, True, status)
        ties.extend(more)
    for cid in elected:
        status[cid] = SeatStatus.ELECTED
    for cid in chosen_alternates:
        status[cid] = SeatStatus.ALTERNATE
    return Seating(tuple(elected), tuple(chosen_alternates), status, rank, tuple(ties))


def _take(
    groups: list[list[str]],
    places: int,
    tie_break: TieBreak,
    for_alternates: bool,
    status: dict[str, SeatStatus],
) -> tuple[list[str], int, list[list[str]], list[TieReport]]:
    """Take ``places`` candidates down the ranked groups; return chosen, open places, rest, ties."""
    chosen: list[str] = []
    ties: list[TieReport] = []
    remaining = places
    for position, group in enumerate(groups):
        if remaining == 0:
            return chosen, 0, groups[position:], ties
        if len(group) <= remaining:
            chosen.extend(group)
            remaining -= len(group)
            continue
        if tie_break.method is TieMethod.LOT:
            order = tie_break.order(tuple(group))
            won = order[:remaining]
            ties.append(TieReport(tuple(group), remaining, won, for_alternates))
            chosen.extend(won)
            return chosen, 0, [list(order[remaining:]), *groups[position + 1 :]], ties
        ties.append(TieReport(tuple(group), remaining, (), for_alternates))
        for cid in group:
            status[cid] = SeatStatus.TIED
        return chosen, remaining, groups[position + 1 :], ties
    return chosen, remaining, [], ties
