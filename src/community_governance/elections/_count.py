"""The hot loop of elections: ballots → approval sets per person → heads and area (private).

Persons are folded as in `voting._tally`: a person voting for several of its units must cast
the same ballot on each. Approval sets are then grouped, so that area is added once per
distinct set rather than once per approval.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import partial
from itertools import chain
from operator import attrgetter

from community_governance._base.citations import Citation, Confidence
from community_governance._base.notices import Notice
from community_governance.elections.ballots import ElectionBallot
from community_governance.exceptions import (
    ConflictingBallotsError,
    DuplicateBallotError,
    OverApprovalError,
    UnknownCandidateError,
    UnknownUnitError,
)
from community_governance.register.counting import SPC_ART_9
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, Handling

#: Marks a spoiled ballot; no candidate id can start with NUL (candidate ids are checked).
SPOILED: frozenset[str] = frozenset({"\x00spoiled"})
_UNIT = attrgetter("unit")


class Folded:
    """What the ballots add up to (scaled integer areas).

    Attributes:
        heads: Candidate id → approving persons.
        area: Candidate id → approving area × scale.
        participating_heads: Persons with a ballot (spoiled included).
        participating_area: Their area × scale.
        spoiled_heads: Persons whose ballot is spoiled.
        spoiled_area: Their area × scale.
        set_aside: Units outside the register whose ballots were set aside.
        over_approved: Units whose ballot was spoiled for approving too many.
        non_candidate: Units whose ballot was spoiled for approving a non-candidate.
        persons: The persons who took part (keys: person indices).
    """

    __slots__ = (
        "area",
        "heads",
        "non_candidate",
        "over_approved",
        "participating_area",
        "participating_heads",
        "persons",
        "set_aside",
        "spoiled_area",
        "spoiled_heads",
    )

    def __init__(self) -> None:
        self.heads: dict[str, int] = {}
        self.area: dict[str, int] = {}
        self.participating_heads = 0
        self.participating_area = 0
        self.spoiled_heads = 0
        self.spoiled_area = 0
        self.set_aside: list[str] = []
        self.over_approved: list[str] = []
        self.non_candidate: list[str] = []
        self.persons: Mapping[int, object] = {}


#: Unit id → person index per live estate (by identity; dropped when the estate is freed).
_WHERE: dict[int, tuple[weakref.ref[Estate], dict[str, int]]] = {}


def unit_persons(estate: Estate) -> dict[str, int]:
    """Unit id → counted-person index, from the register's public `PersonIndex`.

    Kept per live estate, so that repeated rounds over one register do not rebuild it.
    """
    key = id(estate)
    hit = _WHERE.get(key)
    if hit is not None:
        return hit[1]
    index = estate.person_index
    person_of = index.person_of
    found = {unit: person_of[position] for unit, position in index.positions.items()}
    _WHERE[key] = (weakref.ref(estate, partial(_forget, key)), found)
    return found


def _forget(key: int, _: object) -> None:
    _WHERE.pop(key, None)


def fold(
    estate: Estate,
    ballots: Iterable[ElectionBallot],
    candidates: frozenset[str],
    seats: int,
    policy: BallotPolicy,
) -> Folded:
    """Validate ballots and count approvals per candidate.

    A fast path handles the common case (every unit known, no irregular ballot); anything
    else is recounted by the careful path, which applies the declared policy ballot by
    ballot. Both give the same result.

    Raises:
        UnknownUnitError: a ballot's unit is outside the register (``ERROR`` policy).
        DuplicateBallotError: a unit has two ballots.
        OverApprovalError: a ballot approves more than ``seats`` (``ERROR`` policy).
        UnknownCandidateError: a ballot approves a non-candidate (``ERROR`` policy).
        ConflictingBallotsError: ballots of one counted person differ.
    """
    items = ballots if isinstance(ballots, list | tuple) else list(ballots)
    where = unit_persons(estate)
    first: dict[int, ElectionBallot] = {}
    keep = first.setdefault
    repeats: list[ElectionBallot] = []
    push = repeats.append
    try:
        for ballot in items:
            if keep(where[ballot.unit], ballot) is not ballot:
                push(ballot)
    except KeyError:
        return _careful(estate, items, candidates, seats, policy)
    if len(first) + len(repeats) != len(items):
        return _careful(estate, items, candidates, seats, policy)
    for ballot in repeats:
        earlier = first[where[ballot.unit]]
        if (
            earlier.unit == ballot.unit
            or ballot.approvals != earlier.approvals
            or ballot.spoiled is not earlier.spoiled
        ):
            return _careful(estate, items, candidates, seats, policy)
    if len(set(map(_UNIT, repeats))) != len(repeats):
        return _careful(estate, items, candidates, seats, policy)
    result = Folded()
    result.persons = first
    person_area = estate.person_index.person_area
    area = result.area = dict.fromkeys(candidates, 0)
    valid: list[frozenset[str]] = []
    add = valid.append
    total = spoiled_heads = spoiled_area = 0
    for person, ballot in first.items():
        size = person_area[person]
        total += size
        if ballot.spoiled:
            spoiled_heads += 1
            spoiled_area += size
            continue
        approvals = ballot.approvals
        if len(approvals) > seats or not approvals <= candidates:
            return _careful(estate, items, candidates, seats, policy)
        add(approvals)
        for candidate in approvals:
            area[candidate] += size
    result.heads = dict.fromkeys(candidates, 0)
    result.heads.update(Counter(chain.from_iterable(valid)))
    result.participating_heads = len(first)
    result.participating_area = total
    result.spoiled_heads = spoiled_heads
    result.spoiled_area = spoiled_area
    return result


def _careful(
    estate: Estate,
    ballots: list[ElectionBallot] | tuple[ElectionBallot, ...],
    candidates: frozenset[str],
    seats: int,
    policy: BallotPolicy,
) -> Folded:
    """Ballot by ballot, applying the declared policy to every irregular ballot."""
    where = unit_persons(estate)
    result = Folded()
    persons: dict[int, frozenset[str]] = {}
    counted: dict[str, None] = {}
    spoil_over = policy.over_approval is Handling.SPOIL
    spoil_unknown = policy.non_candidate is Handling.SPOIL
    set_aside = policy.unknown_unit is Handling.SET_ASIDE
    for ballot in ballots:
        unit = ballot.unit
        person = where.get(unit)
        if person is None:
            if set_aside:
                result.set_aside.append(unit)
                continue
            raise UnknownUnitError(
                f"election ballot for unit {unit!r}: not in the register", unit=unit
            )
        if unit in counted:
            raise DuplicateBallotError(
                f"unit {unit!r} has more than one election ballot", unit=unit
            )
        counted[unit] = None
        approvals = ballot.approvals
        if ballot.spoiled:
            approvals = SPOILED
        elif len(approvals) > seats:
            if not spoil_over:
                raise OverApprovalError(
                    f"the ballot for unit {unit!r} approves {len(approvals)} candidates for "
                    f"{seats} seat(s)",
                    unit=unit,
                    approvals=len(approvals),
                    seats=seats,
                )
            result.over_approved.append(unit)
            approvals = SPOILED
        elif not approvals <= candidates:
            if not spoil_unknown:
                name = sorted(approvals - candidates)[0]
                raise UnknownCandidateError(
                    f"the ballot for unit {unit!r} approves {name!r}, who is not a candidate",
                    unit=unit,
                    candidate=name,
                )
            result.non_candidate.append(unit)
            approvals = SPOILED
        previous = persons.setdefault(person, approvals)
        if previous is not approvals and previous != approvals:
            counted_person = estate.persons[person]
            raise ConflictingBallotsError(
                f"election ballots of counted person {counted_person.label} (units "
                f"{', '.join(counted_person.units)}) differ; the ballot for unit {unit} differs "
                "from an earlier one",
                person=counted_person.label,
                units=counted_person.units,
            )
    result.persons = persons
    _sum(estate, result, persons)
    return result


def _sum(estate: Estate, result: Folded, persons: dict[int, frozenset[str]]) -> None:
    person_area = estate.person_index.person_area
    by_set: dict[frozenset[str], int] = {}
    get = by_set.get
    for person, approvals in persons.items():
        by_set[approvals] = get(approvals, 0) + person_area[person]
    heads_by_set = Counter(persons.values())
    heads = result.heads
    area = result.area
    for approvals, set_area in by_set.items():
        set_heads = heads_by_set[approvals]
        result.participating_heads += set_heads
        result.participating_area += set_area
        if approvals == SPOILED:
            result.spoiled_heads = set_heads
            result.spoiled_area = set_area
            continue
        for candidate in approvals:
            heads[candidate] = heads.get(candidate, 0) + set_heads
            area[candidate] = area.get(candidate, 0) + set_area


_IRREGULAR = Citation(
    "library_design",
    "election-ballots.irregular",
    confidence=Confidence.MEDIUM,
    note="declared ballot policy",
)


#: How many persons a notice names before it only counts the rest.
_SHOWN = 10


def fold_notices(estate: Estate, folded: Folded, quorum_met: bool) -> list[Notice]:
    """Notices on irregular ballots, multi-unit persons and the quorum."""
    notices: list[Notice] = []
    for code, units, en, zh in (
        (
            "ballots-set-aside",
            folded.set_aside,
            "ballots for units outside the register were set aside",
            "名册以外专有部分的选票未计入",
        ),
        (
            "over-approval-spoiled",
            folded.over_approved,
            "ballots approving more candidates than seats were spoiled",
            "所选人数超过应选名额的选票作废票处理",
        ),
        (
            "non-candidate-spoiled",
            folded.non_candidate,
            "ballots approving a non-candidate were spoiled",
            "选择非候选人的选票作废票处理",
        ),
    ):
        if units:
            ordered = sorted(units)
            en_text, zh_text = f"{en}: {', '.join(ordered)}", f"{zh}：{'、'.join(ordered)}"
            notices.append(Notice(code, en_text, zh_text, _IRREGULAR))
    multi = estate.person_index.multi_unit
    voted = sorted(multi.keys() & folded.persons.keys())  # one set intersection, in C
    if voted:
        shown = voted[:_SHOWN]
        labels = [estate.person_label(p) for p in shown]
        rest = len(voted) - _SHOWN
        more, more_zh = (f" (+{rest})", f"（另{rest}人）") if rest > 0 else ("", "")
        developer = estate.developer_person
        zh_labels = [
            "建设单位" if p == developer else label for p, label in zip(shown, labels, strict=True)
        ]
        notices.append(
            Notice(
                "multi-unit-persons",
                f"persons holding several units were counted once each: {', '.join(labels)}{more}",
                f"拥有多个专有部分的业主各按一人计算：{'、'.join(zh_labels)}{more_zh}",
                SPC_ART_9,
            )
        )
    if not quorum_met:
        notices.append(
            Notice(
                "quorum-not-met",
                "the participation quorum was not met: nobody is elected",
                "参与表决人数或面积未达到要求，无人当选",
            )
        )
    return notices
