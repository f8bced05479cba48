"""Filling seats and alternate places from the ranked candidates who passed (private).

Shared by `elect` and by `ElectionResult.from_dict`, which refills the seats from the stored
figures instead of trusting the stored outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from fractions import Fraction
from itertools import groupby

import attrs

from community_governance._base.lang import language
from community_governance.rules.elections import TieBreak, TieMethod
from community_governance.rules.thresholds import Measure
from community_governance.voting.checks import Figures


class SeatStatus(Enum):
    """What became of a candidate in one round.

    Attributes:
        ELECTED: Passed every approval check and won a seat.
        ALTERNATE: Passed, and was chosen as an alternate (候补委员).
        TIED: Passed, tied at the cut-off, and the declared tie policy left the seat open.
        NOT_SEATED: Passed, but ranked below the seats and alternates.
        FAILED: Did not pass the approval checks (or the quorum was not met).
    """

    ELECTED = "elected"
    ALTERNATE = "alternate"
    TIED = "tied"
    NOT_SEATED = "not-seated"
    FAILED = "failed"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        zh = {
            "elected": "当选",
            "alternate": "候补",
            "tied": "票数相同，待决",
            "not-seated": "通过但未入选",
            "failed": "未通过",
        }
        return zh[self.value] if lang == "zh" else self.value


@attrs.frozen(slots=True)
class TieReport:
    """A tie at the cut-off and what the tie policy did with it.

    Attributes:
        candidates: The tied candidates.
        places: Seats (or alternate places) at stake among them.
        chosen: Those given the places (empty under a run-off).
        for_alternates: Whether the tie was for alternate places.
    """

    candidates: tuple[str, ...]
    places: int
    chosen: tuple[str, ...]
    for_alternates: bool = False


@attrs.frozen(slots=True)
class Seating:
    """Who got a seat or an alternate place, ranks, statuses, ties and the further round."""

    elected: tuple[str, ...]
    alternates: tuple[str, ...]
    status: dict[str, SeatStatus]
    rank: dict[str, int]
    ties: tuple[TieReport, ...]
    unfilled: int
    second_round: tuple[str, ...]


def fill_seats(
    passing: list[str],
    approvals: Mapping[str, Figures],
    ranking: tuple[Measure, ...],
    seats: int,
    alternates: int,
    tie_break: TieBreak,
) -> Seating:
    """Rank those who passed, fill the seats, then (if all are filled) the alternate places.

    ``approvals`` holds every candidate (in the order given); those not elected form the
    further round, tied ones first.
    """

    def key(cid: str) -> tuple[Fraction, ...]:
        return tuple(-Fraction(approvals[cid].of(m)) for m in ranking)

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
    tied = [c for r in ties if not r.for_alternates for c in r.candidates if c not in elected]
    rest = [cid for cid in approvals if cid not in elected and cid not in tied]
    unfilled = seats - len(elected)
    return Seating(
        tuple(elected),
        tuple(chosen_alternates),
        status,
        rank,
        tuple(ties),
        unfilled,
        (*tied, *rest) if unfilled else (),
    )


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
