"""`elect_frame`: an election counted from a ballot frame, the same `ElectionResult` as `elect`.

Counting (persons, approvals, over-approval and non-candidates under the declared
[BallotPolicy][community_governance.elections.BallotPolicy]) is vectorised; the seats are then
filled and the notices written by the election engine's own helpers, so that the result is the
one `elect` gives.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import attrs
import narwhals.stable.v2 as nw
import numpy as np
import numpy.typing as npt

from community_governance._base.deprecation import (
    DEPRECATED_SINCE,
    REMOVED_IN,
    warn_deprecated_keywords,
)
from community_governance.elections import (
    Candidate,
    ElectionBallot,
    ElectionResult,
    ElectOptions,
    elect,
)
from community_governance.elections._count import Folded
from community_governance.elections.elect import Setup, count, legacy_options, prepare
from community_governance.exceptions import CandidateError, ElectionInputError, FrameError
from community_governance.frames import _intake
from community_governance.frames.columnar import ColumnarEstate, columnar
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, Handling, TieBreak
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Measure, ResolutionRule

__all__ = ["ElectionColumns", "ElectionOptions", "elect_frame", "election_ballots_from_frame"]


def _name(value: object, field: str) -> str:
    """``value`` as a column name (a non-empty string, ``numpy.str_`` included)."""
    if not isinstance(value, str) or not value:
        raise FrameError(
            f"ElectionColumns.{field} must be a column name (a non-empty string), "
            f"not {value!r:.80}",
            field=field,
            value=value,
        )
    return str(value)


def _unit_name(value: object) -> str:
    return _name(value, "unit")


def _spoiled_name(value: object) -> str | None:
    return None if value is None else _name(value, "spoiled")


def _approval_names(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise FrameError(
            f"ElectionColumns.approvals must be a list of column names, not {value!r:.80}",
            field="approvals",
            value=value,
        )
    names = tuple(_name(name, "approvals") for name in value)
    if not names:
        raise FrameError(
            "ElectionColumns.approvals names no column: a ballot frame needs at least one "
            "approval column",
            field="approvals",
            value=[],
        )
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise FrameError(
            f"ElectionColumns.approvals names column {twice!r} twice",
            field="approvals",
            value=twice,
        )
    return names


@attrs.frozen(slots=True)
class ElectionColumns:
    """Where an election ballot frame keeps what: the unit, approval and spoiled columns.

    Attributes:
        unit: Name of the unit column.
        approvals: Names of the approval columns (default ``None``: every column but ``unit``
            and ``spoiled``); a list of distinct names, at least one, never one string.
        spoiled: Name of the boolean spoiled column, if any.

    Raises:
        FrameError: a name is not a non-empty string, ``approvals`` is a string, empty or
            names a column twice, or one column is given two roles.
    """

    unit: str = attrs.field(default="unit", converter=_unit_name)
    approvals: tuple[str, ...] | None = attrs.field(default=None, converter=_approval_names)
    spoiled: str | None = attrs.field(default=None, converter=_spoiled_name)

    def __attrs_post_init__(self) -> None:
        roles = [("unit", self.unit)]
        if self.spoiled is not None:
            roles.append(("spoiled", self.spoiled))
        roles += [("approvals", name) for name in self.approvals or ()]
        seen: dict[str, str] = {}
        for role, name in roles:
            if name in seen:
                raise FrameError(
                    f"ElectionColumns: column {name!r} is given as {seen[name]} and as {role}",
                    field=role,
                    value=name,
                )
            seen[name] = role


@attrs.frozen(slots=True)
class ElectionOptions:
    """Deprecated since 0.2: pass ``options=ElectOptions(...)`` and ``previous=`` to `elect_frame`.

    The further options of `elect` with the earlier round, as `elect_frame` used to take them.
    Its fields are validated as `ElectOptions` validates them, at construction (with a
    DeprecationWarning); it will be removed in 0.3.

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

    def __attrs_post_init__(self) -> None:
        warnings.warn(
            f"frames.ElectionOptions is deprecated since {DEPRECATED_SINCE} and will be removed "
            f"in {REMOVED_IN}: pass options=ElectOptions(...) and previous= to elect_frame",
            DeprecationWarning,
            stacklevel=3,
        )
        self.elect_options()  # validated now, as ElectOptions validates

    def elect_options(self) -> ElectOptions:
        """The same options as an `ElectOptions` (without ``previous``)."""
        return ElectOptions(
            alternates=self.alternates,
            ranking=self.ranking,
            tie_break=self.tie_break,
            policy=self.policy,
            scope=self.scope,
            rule=self.rule,
        )


def elect_frame(
    estate: Estate,
    ballots: Any,
    *,
    rules: RuleSet,
    candidates: Iterable[Candidate | str] | None = None,
    seats: int | None = None,
    options: ElectOptions | ElectionOptions | None = None,
    previous: ElectionResult | None = None,
    columns: ElectionColumns | None = None,
    **deprecated: Any,
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
        rules: The rule set.
        candidates: As for `elect`.
        seats: As for `elect`.
        options: As for `elect` (an `ElectOptions`; the deprecated `ElectionOptions` is still
            read, with its ``previous``, which may not be given twice).
        previous: As for `elect`: the earlier round this one continues.
        columns: The frame's column names (default `ElectionColumns()`: ``unit``, every
            other column an approval, no spoiled column).
        **deprecated: ``unit=``, ``approvals=``, ``spoiled=``, deprecated since 0.2
            (DeprecationWarning): pass ``columns=ElectionColumns(...)``; they may not be
            mixed with ``columns=``.

    Returns:
        The [ElectionResult][community_governance.elections.ElectionResult].

    Raises:
        FrameError: ``ballots`` is not a frame, a named column is missing, or a column name
            is not a string; an unknown keyword, or ``columns=`` with a deprecated one.
        ElectionInputError: ``options`` is not an ``ElectOptions``, or the earlier round is
            given twice; as for `elect`.
        CandidateError: as for `elect`, and for an approval cell that is not a boolean.
        UnknownUnitError: a ballot's unit is outside the register (``error`` policy).
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person differ.
        OverApprovalError: over-approval under the ``error`` policy.
        UnknownCandidateError: a non-candidate approved under the ``error`` policy.
    """
    layout = _layout(columns, deprecated, "elect_frame")
    chosen, previous = _options(options, previous)
    setup = prepare(estate, rules, candidates, seats, chosen, previous)
    data = _intake.frame(ballots, "ballots")
    names = _names(data, layout)
    folded = _count(columnar(setup.estate), data, layout.unit, names, layout.spoiled, setup)
    if folded is None:
        # irregular in a way the object path reports (an error, or a ballot set aside)
        objects = _ballots(data, layout, names)
        return elect(
            estate,
            objects,
            candidates=candidates,
            seats=seats,
            rules=rules,
            options=chosen,
            previous=previous,
        )
    return count(setup, folded, rules, previous)


def _options(
    options: ElectOptions | ElectionOptions | None, previous: ElectionResult | None
) -> tuple[ElectOptions, ElectionResult | None]:
    """The options and the earlier round, read from the deprecated `ElectionOptions` too.

    Raises:
        ElectionInputError: ``options`` is neither, or the earlier round is given twice.
    """
    if not isinstance(options, ElectionOptions):
        return legacy_options(options, {}), previous  # checks that it is an ElectOptions
    if options.previous is not None and previous is not None:
        raise ElectionInputError(
            "elect_frame() got previous= and ElectionOptions.previous: give the earlier "
            "round once, as previous=",
            what="election",
            field="previous",
            value=previous,
        )
    return options.elect_options(), previous if previous is not None else options.previous


def _layout(
    columns: ElectionColumns | None, deprecated: dict[str, Any], function: str
) -> ElectionColumns:
    """The column names: ``columns``, or the deprecated keywords (with a DeprecationWarning)."""
    if columns is not None and not isinstance(columns, ElectionColumns):
        raise FrameError(
            f"columns must be an ElectionColumns, not {columns!r:.80}",
            field="columns",
            value=columns,
        )
    if not deprecated:
        return columns if columns is not None else _DEFAULT_COLUMNS
    if columns is not None:
        name = next(iter(deprecated))
        raise FrameError(
            f"{function}() got columns= and the deprecated {name}=: give the column names "
            "once, in columns=ElectionColumns(...)",
            field=name,
            value=deprecated[name],
        )
    warn_deprecated_keywords(function, deprecated, _COLUMN_KEYWORDS, _COLUMNS_INSTEAD, _unknown)
    return attrs.evolve(_DEFAULT_COLUMNS, **deprecated)


_DEFAULT_COLUMNS = ElectionColumns()
_COLUMN_KEYWORDS = ("unit", "approvals", "spoiled")
_COLUMNS_INSTEAD = (
    "columns=ElectionColumns(...); the options of elect go in options=ElectOptions(...)"
)


def _unknown(name: str, value: Any, message: str) -> FrameError:
    return FrameError(message, field=name, value=value)


def election_ballots_from_frame(
    ballots: Any, *, columns: ElectionColumns | None = None, **deprecated: Any
) -> list[ElectionBallot]:
    """The ballot frame as `ElectionBallot` objects, in row order (rows without a ballot left out).

    Args:
        ballots: The ballot frame.
        columns: The frame's column names, as for `elect_frame`.
        **deprecated: ``unit=``, ``approvals=``, ``spoiled=``, deprecated since 0.2
            (DeprecationWarning): pass ``columns=ElectionColumns(...)``.

    Raises:
        FrameError: ``ballots`` is not a frame, a named column is missing, or a column name
            is not a string.
        CandidateError: an approval cell is not a boolean, or a unit is not a string.
    """
    layout = _layout(columns, deprecated, "election_ballots_from_frame")
    data = _intake.frame(ballots, "ballots")
    return _ballots(data, layout, _names(data, layout))


def _ballots(
    data: nw.DataFrame[Any], layout: ElectionColumns, names: tuple[str, ...]
) -> list[ElectionBallot]:
    units = _intake.cells(_intake.column(data, layout.unit, "ballots"))
    columns = [_intake.cells(data[name]) for name in names]
    spoiled = layout.spoiled
    marks = _intake.cells(data[spoiled]) if spoiled is not None else [None] * len(units)
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


def _names(data: nw.DataFrame[Any], layout: ElectionColumns) -> tuple[str, ...]:
    """The approval column names, each checked to exist (with the unit and spoiled columns)."""
    unit, spoiled = layout.unit, layout.spoiled
    _intake.column(data, unit, "ballots")
    if spoiled is not None:
        _intake.column(data, spoiled, "ballots")
    if layout.approvals is None:
        names = tuple(name for name in data.columns if name not in (unit, spoiled))
        for name in names:
            if not isinstance(name, str):
                raise FrameError(
                    f"ballots: column {name!r:.80} is not named by a string, so it cannot be a "
                    "candidate's approval column; name the approval columns with "
                    "ElectionColumns(approvals=[...]) or rename the column",
                    field="columns",
                    value=name,
                )
        return names
    for name in layout.approvals:
        _intake.column(data, name, "ballots")
    return layout.approvals


def _booleans(
    series: nw.Series[Any],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_] | None]:
    """(value, present) of a boolean column (``None``: no null); any other dtype is refused.

    A column of Python objects (pandas keeps ``[True, None]`` so) or of nulls only (no type
    of its own) is read cell by cell, each cell checked as `ElectionBallot` checks it.
    """
    if series.dtype == nw.Object or series.null_count() == len(series):
        cells = _intake.cells(series)
        for cell in cells:
            _boolean(cell)
        present = np.array([cell is not None for cell in cells], dtype=bool)
        values = np.array([bool(cell) for cell in cells], dtype=bool)
        return values, None if present.all() else present
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

    Each row weighs its person's area if it is the person's first row, else nothing; a
    candidate's area is then one integer dot product of the weights with its column (``int64``
    below `INT64_AREA_BOUND`, else Python integers), and its heads the approving first rows.
    """
    voters = np.flatnonzero(first >= 0)
    rows = first[voters]
    area = view.person_area[voters]
    weight = np.zeros(len(void), dtype=area.dtype)
    weight[rows] = area
    counted = np.zeros(len(void), dtype=bool)
    counted[rows] = True
    folded = Folded()
    for cid in ids:
        values = columns.get(cid)
        if values is None:
            folded.heads[cid], folded.area[cid] = 0, 0
            continue
        folded.heads[cid] = int(np.count_nonzero(values & counted))
        folded.area[cid] = int(np.dot(weight, values))
    folded.participating_heads = len(voters)
    folded.participating_area = int(area.sum())
    spoiled = void[rows]
    folded.spoiled_heads = int(np.count_nonzero(spoiled))
    folded.spoiled_area = int(area[spoiled].sum())
    multi = voters[view.units_per_person[voters] > 1]
    folded.persons = dict.fromkeys(multi.tolist())
    return folded
