"""`elect_frame`: an election counted from a ballot frame, the same `ElectionResult` as `elect`.

Counting (persons, approvals, over-approval and non-candidates under the declared
[BallotPolicy][community_governance.elections.BallotPolicy]) is vectorised; the seats are then
filled and the notices written by the election engine's own helpers, so that the result is the
one `elect` gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import narwhals.stable.v2 as nw
import numpy as np
import numpy.typing as npt

from community_governance.elections import (
    Candidate,
    ElectionBallot,
    ElectionResult,
    ElectOptions,
    elect,
)
from community_governance.elections._count import Folded
from community_governance.elections.elect import Setup, count, prepare
from community_governance.exceptions import CandidateError
from community_governance.frames import _intake
from community_governance.frames.columnar import ColumnarEstate, columnar
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, Handling, TieBreak
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Measure, ResolutionRule

__all__ = ["ElectionOptions", "elect_frame", "election_ballots_from_frame"]


@attrs.frozen(slots=True)
class ElectionOptions:
    """The further options of `elect`, for `elect_frame`.

    Attributes:
        alternates: Alternates to choose once all seats are filled.
        ranking: Measures ranking those who pass.
        tie_break: Declared tie policy (default: the rule set's, else a run-off).
        policy: Declared handling of irregular ballots (default: the rule set's).
        scope: Unit ids of a smaller election.
        rule: A resolution rule replacing the rule set's.
        previous: The earlier round this one continues.
    """

    alternates: int = 0
    ranking: tuple[Measure, ...] = (Measure.HEADS, Measure.AREA)
    tie_break: TieBreak | None = None
    policy: BallotPolicy | None = None
    scope: tuple[str, ...] | None = None
    rule: ResolutionRule | None = None
    previous: ElectionResult | None = None


def elect_frame(
    estate: Estate,
    ballots: Any,
    *,
    candidates: Iterable[Candidate | str] | None = None,
    seats: int | None = None,
    rules: RuleSet,
    unit: str = "unit",
    approvals: Sequence[str] | None = None,
    spoiled: str | None = None,
    options: ElectionOptions | None = None,
) -> ElectionResult:
    """Count an election from a ballot frame: the same result as `elect`.

    ``ballots`` has a unit column and one boolean column per approvable name (named by the
    candidate id; a column that is not a candidate is a write-in, handled by the ballot
    policy's ``non_candidate`` rule), and optionally a boolean spoiled column. A row whose
    approval and spoiled cells are all null carries no ballot, so a register joined with the
    ballots can be passed as it is.

    Args:
        estate: The register.
        ballots: The ballot frame (pandas, polars, pyarrow... anything narwhals reads).
        candidates: As for `elect`.
        seats: As for `elect`.
        rules: The rule set.
        unit: Name of the unit column.
        approvals: Names of the approval columns (default: every column but ``unit`` and
            ``spoiled``).
        spoiled: Name of the spoiled column, if any.
        options: Alternates, ranking, tie policy, ballot policy, scope, rule, previous round.

    Returns:
        The [ElectionResult][community_governance.elections.ElectionResult].

    Raises:
        FrameError: ``ballots`` is not a frame, or a named column is missing.
        CandidateError: as for `elect`, and for an approval cell that is not a boolean.
        UnknownUnitError: a ballot's unit is outside the register (``error`` policy).
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person differ.
        OverApprovalError: over-approval under the ``error`` policy.
        UnknownCandidateError: a non-candidate approved under the ``error`` policy.
    """
    options = options or ElectionOptions()
    chosen = ElectOptions(
        alternates=options.alternates,
        ranking=options.ranking,
        tie_break=options.tie_break,
        policy=options.policy,
        scope=options.scope,
        rule=options.rule,
    )
    setup = prepare(estate, rules, candidates, seats, chosen, options.previous)
    data = _intake.frame(ballots, "ballots")
    names = _names(data, unit, approvals, spoiled)
    folded = _count(columnar(setup.estate), data, unit, names, spoiled, setup)
    if folded is None:
        # irregular in a way the object path reports (an error, or a ballot set aside)
        objects = election_ballots_from_frame(data, unit=unit, approvals=names, spoiled=spoiled)
        return elect(
            estate,
            objects,
            candidates=candidates,
            seats=seats,
            rules=rules,
            options=chosen,
            previous=options.previous,
        )
    return count(setup, folded, rules, options.previous)


def election_ballots_from_frame(
    ballots: Any,
    *,
    unit: str = "unit",
    approvals: Sequence[str] | None = None,
    spoiled: str | None = None,
) -> list[ElectionBallot]:
    """The ballot frame as `ElectionBallot` objects, in row order (rows without a ballot left out).

    Raises:
        FrameError: ``ballots`` is not a frame, or a named column is missing.
        CandidateError: an approval cell is not a boolean, or a unit is not a string.
    """
    data = _intake.frame(ballots, "ballots")
    names = _names(data, unit, approvals, spoiled)
    units = _intake.column(data, unit, "ballots").to_list()
    columns = [data[name].to_list() for name in names]
    marks = data[spoiled].to_list() if spoiled is not None else [None] * len(units)
    result: list[ElectionBallot] = []
    for row, unit_id in enumerate(units):
        cells = [column[row] for column in columns]
        if marks[row] is None and all(cell is None for cell in cells):
            continue
        for cell in (*cells, marks[row]):
            _boolean(cell)
        approved = [name for name, cell in zip(names, cells, strict=True) if cell]
        result.append(ElectionBallot(unit_id, approved, spoiled=bool(marks[row])))
    return result


def _boolean(cell: object) -> None:
    if cell is not None and not isinstance(cell, bool | np.bool_):
        raise CandidateError(
            f"an approval or spoiled cell must be a boolean, not {cell!r}",
            what="ballot",
            field="approvals",
            value=cell,
        )


def _names(
    data: nw.DataFrame[Any], unit: str, approvals: Sequence[str] | None, spoiled: str | None
) -> tuple[str, ...]:
    """The approval column names, each checked to exist (with the unit and spoiled columns)."""
    _intake.column(data, unit, "ballots")
    if spoiled is not None:
        _intake.column(data, spoiled, "ballots")
    if approvals is None:
        return tuple(name for name in data.columns if name not in (unit, spoiled))
    for name in approvals:
        _intake.column(data, name, "ballots")
    return tuple(approvals)


def _booleans(
    series: nw.Series[Any],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_] | None]:
    """(value, present) of a boolean column (``None``: no null); any other dtype is refused."""
    if series.dtype != nw.Boolean:
        raise CandidateError(
            f"column {series.name!r} must be boolean, not {series.dtype}",
            what="ballot",
            field=series.name,
            value=str(series.dtype),
        )
    if series.null_count() == 0:
        return np.asarray(series.to_numpy(), dtype=bool), None
    present = ~np.asarray(series.is_null().to_numpy(), dtype=bool)
    return np.asarray(series.fill_null(value=False).to_numpy(), dtype=bool), present


def _signatures(
    columns: list[npt.NDArray[np.bool_]], void: npt.NDArray[np.bool_]
) -> npt.NDArray[np.uint64]:
    """Each row's ballot (approvals and void mark) packed into 64-bit words, for comparison."""
    if len(columns) < 64:
        word = void.astype(np.uint64)
        for column, values in enumerate(columns):
            word |= values.astype(np.uint64) << np.uint64(column + 1)
        return word[:, None]
    bits = np.packbits(np.column_stack((void, *columns)), axis=1)
    bits = np.pad(bits, ((0, 0), (0, -bits.shape[1] % 8)))
    return np.ascontiguousarray(bits).view(np.uint64)


def _count(
    view: ColumnarEstate,
    data: nw.DataFrame[Any],
    unit: str,
    names: tuple[str, ...],
    spoiled: str | None,
    setup: Setup,
) -> Folded | None:
    """Heads and area per candidate, vectorised; ``None`` when the object path must decide.

    Column by column, as the frame holds its data: no row-major matrix is built, and each
    row's number of approvals is summed while the columns are read.
    """
    width = len(data)
    columns: list[npt.NDArray[np.bool_]] = []
    approved = np.zeros(width, dtype=np.int32)
    present = np.zeros(width, dtype=bool)
    complete = False  # some column without nulls: every row carries a ballot
    for name in names:
        values, known = _booleans(data[name])
        columns.append(values)
        approved += values
        complete = complete or known is None
        if not complete:
            present |= known
    marked = np.zeros(width, dtype=bool)
    if spoiled is not None:
        marked, known = _booleans(data[spoiled])
        complete = complete or known is None
        if not complete:
            present |= known
    found, aligned = _intake.positions(view, data[unit])
    if not complete and not present.all():
        found, marked, approved = found[present], marked[present], approved[present]
        columns = [values[present] for values in columns]
    if not aligned and ((found < 0).any() or np.bincount(found, minlength=1).max() > 1):
        return None
    policy = setup.policy
    over = ~marked & (approved > setup.seats)
    wanted = set(setup.ids)
    others = [values for name, values in zip(names, columns, strict=True) if name not in wanted]
    write_in = ~marked & ~over & np.logical_or.reduce(others) if others else np.zeros_like(over)
    if (over.any() and policy.over_approval is Handling.ERROR) or (
        write_in.any() and policy.non_candidate is Handling.ERROR
    ):
        return None
    void = marked | over | write_in
    if void.any():
        kept = ~void
        columns = [values & kept for values in columns]
    person = view.person_of[found]
    first = np.full(len(view.person_area), -1, dtype=np.int64)
    first[person] = np.arange(len(person))
    signature = _signatures(columns, void)
    if (signature != signature[first[person]]).any():
        return None
    folded = _fold(view, dict(zip(names, columns, strict=True)), void, first, setup.ids)
    folded.over_approved = sorted(view.unit_ids[found[over]].tolist())
    folded.non_candidate = sorted(view.unit_ids[found[write_in]].tolist())
    return folded


def _fold(
    view: ColumnarEstate,
    columns: dict[str, npt.NDArray[np.bool_]],
    void: npt.NDArray[np.bool_],
    first: npt.NDArray[np.int64],
    ids: tuple[str, ...],
) -> Folded:
    """Per candidate heads and scaled area over each voting person's ballot (``first`` row).

    Areas are summed in integers (``int64`` below `INT64_AREA_BOUND`, else Python integers),
    one masked sum per candidate.
    """
    voters = np.flatnonzero(first >= 0)
    rows = first[voters]
    area = view.person_area[voters]
    folded = Folded()
    for cid in ids:
        values = columns.get(cid)
        if values is None:
            folded.heads[cid], folded.area[cid] = 0, 0
            continue
        approving = values[rows]
        folded.heads[cid] = int(np.count_nonzero(approving))
        folded.area[cid] = int(area[approving].sum())
    folded.participating_heads = len(voters)
    folded.participating_area = int(area.sum())
    spoiled = void[rows]
    folded.spoiled_heads = int(np.count_nonzero(spoiled))
    folded.spoiled_area = int(area[spoiled].sum())
    multi = voters[view.units_per_person[voters] > 1]
    folded.persons = dict.fromkeys(multi.tolist())
    return folded
