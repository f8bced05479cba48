"""Strategies for motion ballots: any valid ballots, and ballots near a rule's thresholds.

[ballots_for][community_governance.strategies.ballots_for] draws any valid set of ballots for
an estate. Random ballots almost never land on a threshold's bound, where a rule written with
以上 (at least) and one written with 过半数 or 超过 (more than) differ (Civil Code Art. 1259), so
[ballots_near][community_governance.strategies.ballots_near] builds ballot sets *on purpose*
at each threshold of the rules it is given: exactly at the bound where the figures allow it,
and one counted person either side.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from community_governance.register.estate import Estate
from community_governance.rules.thresholds import Base, Measure, ResolutionRule, Threshold
from community_governance.voting.ballots import Ballot, Choice, Proxy
from community_governance.voting.checks import CheckRole

__all__ = ["Ballots", "ballots_for", "ballots_near"]


class Ballots(list[Ballot]):
    """A list of ballots whose repr stays short, for hypothesis's falsifying-example report.

    A drawn vote on a large estate has thousands of ballots; printed in full it would bury the
    counterexample (hypothesis warns about reprs over 30 kB). Up to 12 ballots are shown in
    full; longer lists show the count per choice and the first ballots.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        if len(self) <= _SHOWN:
            return f"Ballots({list.__repr__(self)})"
        counts = dict.fromkeys(Choice, 0)
        for ballot in self:
            counts[ballot.choice] += 1
        summary = ", ".join(f"{number} {choice.value}" for choice, number in counts.items())
        first = ", ".join(f"{b.unit}: {b.choice.value}" for b in self[:3])
        return f"<Ballots: {len(self)} ballots ({summary}); first {first}, ...>"


_SHOWN = 12


@st.composite
def ballots_for(
    draw: st.DrawFn,
    estate: Estate,
    *,
    choices: Sequence[Choice] = (Choice.AGREE, Choice.OPPOSE, Choice.ABSTAIN, Choice.SPOILED),
    proxies: bool = True,
    partial: bool = True,
) -> Ballots:
    """Valid ballots for ``estate``: at most one per unit, one choice per counted person.

    Each counted person ([Estate.persons][community_governance.Estate]) either does not vote or
    picks one choice and casts it for all of its units (or, with ``partial``, for some of
    them). With ``proxies``, some ballots are cast by a proxy, with or without written
    authorisation. The list comes in a drawn order.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        estate: The register.
        choices: Choices to draw from (drop ``Choice.ABSTAIN`` or ``Choice.SPOILED`` to
            exclude them).
        proxies: Let some ballots be cast by proxies.
        partial: Let persons with several units vote for only some of them.

    Returns:
        A strategy of ballot lists accepted by [decide][community_governance.decide].
    """
    ballots: list[Ballot] = []
    for person in estate.persons:
        if not draw(st.booleans()):
            continue
        choice = draw(st.sampled_from(tuple(choices)))
        voted = list(person.units)
        if partial and len(voted) > 1:
            voted = draw(st.lists(st.sampled_from(voted), min_size=1, unique=True))
        for unit in voted:
            proxy = None
            if proxies and draw(st.integers(0, 4)) == 0:
                proxy = Proxy(f"proxy-of-{unit}", draw(st.booleans()))
            ballots.append(Ballot(unit, choice, proxy))
    return Ballots(draw(st.permutations(ballots)))


#: Orders of the line; "favourable" puts first the persons that count most on the *other*
#: measure per unit of the target's (small areas for an area bound, large for a head bound),
#: so that a second threshold on the other measure is met at the target's bound.
_ORDERS = ("favourable", "shuffled", "favourable", "register", "favourable", "unfavourable")
#: Offsets in persons from the shortest passing line: at the bound, just below it (where a
#: rule fails while a looser one passes), just above it.
_OFFSETS = (0, -1, 0, 1, -1)


@st.composite
def ballots_near(
    draw: st.DrawFn,
    rules: ResolutionRule | Sequence[ResolutionRule],
    estate: Estate,
) -> Ballots:
    """Ballots putting one threshold of ``rules`` at its bound, or one person either side.

    One threshold of the given rules is drawn (quorum or approval, heads or area), then an
    offset of 0, -1 or +1 counted person. Persons are lined up (shuffled, by area ascending
    or descending, or in register order) and the shortest line whose figure passes that
    threshold is found by exact integer arithmetic; the ballots then take part (quorum) or
    agree (approval) with exactly that line plus the offset. For head thresholds this is
    exactly the bound and one person either side; for area thresholds it is the nearest
    achievable areas (exactly the bound when the areas allow, as with equal flats; order by
    ascending area for the finest steps). When an approval threshold is drawn, participation
    is drawn from the counts that meet the rules' quorums, so that the approval decides. For
    a threshold of those attending (`Base.ATTENDING`) the bound is over everyone returning a
    ballot, and some of those not agreeing spoil theirs (a spoiled ballot attends whatever
    the spoiled-ballot policy).

    Every counted person votes for all of its units with one choice (agree, oppose, abstain,
    or spoiled near an attending threshold), so the ballots are valid for
    [decide][community_governance.decide]. Give several rules (e.g. a local rule and the
    national one) to draw near the thresholds of either.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        rules: A resolution rule, or several.
        estate: The register.

    Returns:
        A strategy of ballot lists.
    """
    chosen = (rules,) if isinstance(rules, ResolutionRule) else tuple(rules)
    role, target = draw(st.sampled_from(_targets(chosen)))
    offset = draw(st.sampled_from(_OFFSETS))
    line = _line(draw, estate, draw(st.sampled_from(_ORDERS)), target.measure)
    weigh = _Weights(estate)
    quorums = [t for rule in chosen for t in rule.quorum]
    if role is CheckRole.QUORUM:
        taking = _near(weigh(line, target.measure), weigh.all(target.measure), target, offset)
        # mostly enough agreement to pass every approval, so that the quorum decides
        enough = min(_approving(weigh, line[:taking], chosen), taking)
        agreeing = draw(st.integers(enough, taking) | st.integers(0, taking))
        return _ballots(draw, estate, line, taking, agreeing, cast=taking)
    least = max(
        (_near(weigh(line, t.measure), weigh.all(t.measure), t, 0) for t in quorums), default=0
    )
    if target.base is Base.ALL:
        agreeing = _near(weigh(line, target.measure), weigh.all(target.measure), target, offset)
        taking = draw(st.integers(min(max(least, agreeing), len(line)), len(line)))
        return _ballots(draw, estate, line, taking, agreeing, cast=None)
    taking = draw(st.integers(min(least, len(line)), len(line)))
    if target.measure is Measure.HEADS and draw(st.booleans()):
        # a head count that is a multiple of the ratio's denominator puts the bound on a person
        rounded = taking - taking % target.ratio.denominator
        taking = rounded if rounded >= max(least, 1) else taking
    if target.base is Base.PARTICIPATING:
        counted = weigh(line[:taking], target.measure)
        agreeing = _near(counted, sum(counted), target, offset)
        return _ballots(draw, estate, line, taking, agreeing, cast=None)
    if target.base is Base.ATTENDING:
        # every returned ballot attends, a spoiled one too (whatever the spoiled policy): the
        # bound is over the whole line taking part, some of whom spoil their ballots
        counted = weigh(line[:taking], target.measure)
        agreeing = _near(counted, sum(counted), target, offset)
        spoiled = draw(st.just(0) | st.integers(0, max(taking - agreeing, 0)))  # mostly none
        return _ballots(draw, estate, line, taking, agreeing, cast=None, spoiled=spoiled)
    cast = taking - draw(st.integers(0, taking))  # mostly a few abstentions
    counted = weigh(line[:cast], target.measure)
    return _ballots(
        draw, estate, line, taking, _near(counted, sum(counted), target, offset), cast=cast
    )


class _Weights:
    """Each counted person's weight per measure: 1 head, or its area as an exact integer."""

    def __init__(self, estate: Estate) -> None:
        index = estate.person_index
        self.area = index.person_area
        self.total = {Measure.HEADS: estate.counted_persons, Measure.AREA: index.total_area}

    def __call__(self, line: Sequence[int], measure: Measure) -> list[int]:
        if measure is Measure.HEADS:
            return [1] * len(line)
        return [self.area[person] for person in line]

    def all(self, measure: Measure) -> int:
        """The figure of all owners (base ``ALL``)."""
        return self.total[measure]


def _targets(rules: Sequence[ResolutionRule]) -> list[tuple[CheckRole, Threshold]]:
    """Each distinct threshold of ``rules`` by role; those not in every rule first, thrice.

    Where rules differ is where one can be looser than another, so those bounds are drawn
    more often.
    """
    found: dict[tuple[CheckRole, object], tuple[int, Threshold]] = {}
    for rule in rules:
        for role, group in ((CheckRole.QUORUM, rule.quorum), (CheckRole.APPROVAL, rule.approval)):
            for threshold in dict.fromkeys(_key(t) for t in group):
                count, first = found.get((role, threshold), (0, None))
                found[(role, threshold)] = (count + 1, first or _first(group, threshold))
    differing = [(role, t) for (role, _), (count, t) in found.items() if count < len(rules)]
    shared = [(role, t) for (role, _), (count, t) in found.items() if count == len(rules)]
    # hypothesis draws early elements more often: where the rules differ comes first
    return differing * 3 + shared


def _key(threshold: Threshold) -> object:
    return (threshold.measure, threshold.base, threshold.comparator, threshold.ratio)


def _first(group: Sequence[Threshold], key: object) -> Threshold:
    return next(t for t in group if _key(t) == key)


def _approving(weigh: _Weights, taking: Sequence[int], rules: Sequence[ResolutionRule]) -> int:
    """The shortest prefix of ``taking`` (all voting, none abstaining) passing every approval."""
    needed = 0
    for rule in rules:
        for threshold in rule.approval:
            weights = weigh(taking, threshold.measure)
            base = weigh.all(threshold.measure) if threshold.base is Base.ALL else sum(weights)
            needed = max(needed, _near(weights, base, threshold, 0))
    return needed


def _line(draw: st.DrawFn, estate: Estate, order: str, measure: Measure) -> list[int]:
    """The counted persons' indices in the drawn order."""
    line = list(range(estate.counted_persons))
    area = estate.person_index.person_area
    if order == "shuffled":
        draw(st.randoms(use_true_random=False)).shuffle(line)
    elif order != "register":
        ascending = (order == "favourable") == (measure is Measure.AREA)
        line.sort(key=lambda person: area[person] if ascending else -area[person])
    return line


def _near(weights: Sequence[int], denominator: int, threshold: Threshold, offset: int) -> int:
    """The shortest prefix of ``weights`` passing ``threshold`` of ``denominator``, offset.

    Clamped to ``0..len(weights)``; when no prefix passes, the whole line (plus the offset).
    The empty prefix never passes: ratios are positive.
    """
    holds, ratio = threshold.comparator.holds, threshold.ratio
    running, found = 0, len(weights)
    for position, weight in enumerate(weights, start=1):
        running += weight
        if holds(running, denominator, ratio):
            found = position
            break
    return min(max(found + offset, 0), len(weights))


def _ballots(
    draw: st.DrawFn,
    estate: Estate,
    line: Sequence[int],
    taking: int,
    agreeing: int,
    *,
    cast: int | None,
    spoiled: int = 0,
) -> Ballots:
    """Ballots: the first ``agreeing`` of the line agree, up to ``taking`` take part.

    Of the rest taking part, those before ``cast`` oppose and the others abstain; with
    ``cast`` ``None`` the split between opposing and abstaining is drawn. The last
    ``spoiled`` of those taking part (never an agreeing one) spoil their ballots.
    """
    taking = max(taking, agreeing)
    if cast is None:
        cast = draw(st.integers(agreeing, taking))
    spoiling = max(taking - spoiled, agreeing)
    persons = estate.persons
    ballots = Ballots()
    for place, person in enumerate(line[:taking]):
        choice = Choice.AGREE if place < agreeing else Choice.OPPOSE
        if place >= max(cast, agreeing):
            choice = Choice.ABSTAIN
        if place >= spoiling:
            choice = Choice.SPOILED
        ballots.extend(Ballot(unit, choice) for unit in persons[person].units)
    return ballots
