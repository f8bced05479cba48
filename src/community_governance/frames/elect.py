"""`elect_frame`: an election counted from a ballot frame, the same `ElectionResult` as `elect`.

Counting (persons, approvals, over-approval and non-candidates under the declared
[BallotPolicy][community_governance.elections.BallotPolicy]) is vectorised; the seats are then
filled and the notices written by the election engine's own helpers, so that the result is the
one `elect` gives.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
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


def _list_name(value: object) -> str | None:
    return None if value is None else _name(value, "approval_list")


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

    The approvals are either boolean columns, one per approvable name (``approvals``), or one
    column whose cells are lists of approved candidate ids (``approval_list``), never both.

    Attributes:
        unit: Name of the unit column.
        approvals: Names of the boolean approval columns (default ``None``: every column but
            ``unit`` and ``spoiled``, unless ``approval_list`` is given); a list of distinct
            names, at least one, never one string.
        spoiled: Name of the boolean spoiled column, if any.
        approval_list: Name of the column of approval lists (polars ``List(String)``, pyarrow
            ``list<string>``, a pandas column of lists), if the ballots are kept so; every
            other column but ``unit`` and ``spoiled`` is then ignored.

    Raises:
        FrameError: a name is not a non-empty string, ``approvals`` is a string, empty or
            names a column twice, ``approvals`` and ``approval_list`` are both given, or one
            column is given two roles.
    """

    unit: str = attrs.field(default="unit", converter=_unit_name)
    approvals: tuple[str, ...] | None = attrs.field(default=None, converter=_approval_names)
    spoiled: str | None = attrs.field(default=None, converter=_spoiled_name)
    approval_list: str | None = attrs.field(default=None, converter=_list_name)

    def __attrs_post_init__(self) -> None:
        if self.approval_list is not None and self.approvals is not None:
            raise FrameError(
                "ElectionColumns: give the approvals as boolean columns (approvals=) or as one "
                f"column of lists (approval_list={self.approval_list!r}), not both",
                field="approval_list",
                value=self.approval_list,
            )
        roles = [("unit", self.unit)]
        if self.spoiled is not None:
            roles.append(("spoiled", self.spoiled))
        if self.approval_list is not None:
            roles.append(("approval_list", self.approval_list))
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

    Or, with ``columns=ElectionColumns(approval_list=...)``, one column whose cells are lists
    of approved ids: a cell is read as `ElectionBallot` reads its approvals (an empty list
    approves nobody, a name twice is refused, a non-candidate is a write-in), and a null cell
    (with a null or no spoiled cell) carries no ballot.

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
        ElectionInputError: ``options`` is not an ``ElectOptions``, the earlier round is
            given twice, or an approval-list cell is not a list; as for `elect`.
        CandidateError: as for `elect`; an approval cell that is not a boolean, or an
            approval list naming an id twice or holding what is not an id.
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
    folded = _count(columnar(setup.estate), data, layout, names, setup)
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
        CandidateError: an approval cell is not a boolean, an approval list names an id twice
            or holds what is not an id, or a unit is not a string.
        ElectionInputError: an approval-list cell is not a list.
    """
    layout = _layout(columns, deprecated, "election_ballots_from_frame")
    data = _intake.frame(ballots, "ballots")
    return _ballots(data, layout, _names(data, layout))


def _ballots(
    data: nw.DataFrame[Any], layout: ElectionColumns, names: tuple[str, ...]
) -> list[ElectionBallot]:
    units = _intake.cells(_intake.column(data, layout.unit, "ballots"))
    spoiled = layout.spoiled
    marks = _intake.cells(data[spoiled]) if spoiled is not None else [None] * len(units)
    rows: Iterator[object]
    if layout.approval_list is None:
        columns = [_intake.cells(data[name]) for name in names]
        rows = (_approved(names, [column[row] for column in columns]) for row in range(len(units)))
    else:
        rows = map(_plain, _intake.cells(data[layout.approval_list]))
    result: list[ElectionBallot] = []
    for unit_id, approved, mark in zip(units, rows, marks, strict=True):
        if approved is None and mark is None:
            continue
        _boolean(mark)
        result.append(
            ElectionBallot(unit_id, () if approved is None else approved, spoiled=bool(mark))
        )
    return result


def _approved(names: tuple[str, ...], cells: list[object]) -> list[str] | None:
    """The names approved by one row's boolean cells (``None``: every cell null)."""
    if all(cell is None for cell in cells):
        return None
    for cell in cells:
        _boolean(cell)
    return [name for name, cell in zip(names, cells, strict=True) if cell]


def _plain(cell: object) -> Any:
    """An approval-list cell as a Python value (pandas keeps a list as a numpy array)."""
    return cell.tolist() if isinstance(cell, np.ndarray) else cell


def _boolean(cell: object) -> None:
    if cell is not None and not isinstance(cell, bool | np.bool_):
        raise CandidateError(
            f"an approval or spoiled cell must be a boolean, not {cell!r}",
            what="ballot",
            field="approvals",
            value=cell,
        )


def _names(data: nw.DataFrame[Any], layout: ElectionColumns) -> tuple[str, ...]:
    """The approval column names, each checked to exist (with the unit and spoiled columns).

    With an approval-list column, that column is checked and no name is returned.
    """
    unit, spoiled = layout.unit, layout.spoiled
    _intake.column(data, unit, "ballots")
    if spoiled is not None:
        _intake.column(data, spoiled, "ballots")
    if layout.approval_list is not None:
        _intake.column(data, layout.approval_list, "ballots")
        return ()
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


#: One boolean column per approvable name, each row's number of approvals, and which rows
#: carry a ballot (``None``: every row).
_Read = tuple[
    tuple[str, ...],
    list[npt.NDArray[np.bool_]],
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_] | None,
]


def _columns(data: nw.DataFrame[Any], names: tuple[str, ...]) -> _Read:
    """The boolean approval columns, read column by column as the frame holds them.

    No row-major matrix is built, and each row's number of approvals is summed while the
    columns are read.
    """
    width = len(data)
    columns: list[npt.NDArray[np.bool_]] = []
    approved = np.zeros(width, dtype=np.int64)
    present = np.zeros(width, dtype=bool)
    complete = False  # some column without nulls: every row carries a ballot
    for name in names:
        values, known = _booleans(data[name])
        columns.append(values)
        approved += values
        complete = complete or known is None
        if not complete:
            present |= known
    return names, columns, approved, None if complete else present


def _lists(series: nw.Series[Any], ids: tuple[str, ...]) -> _Read | None:
    """One boolean column per candidate from a column of approval lists.

    A typed list of strings is read in the frame's backend, any other column (pandas keeps
    lists as Python objects) cell by cell. ``None`` when some cell is irregular (not a list,
    a name twice, a non-candidate, what is not an id): the object path then decides, as
    `ElectionBallot` and `elect` do.
    """
    dtype = series.dtype
    if isinstance(dtype, nw.List) and dtype.inner == nw.String:
        try:
            return _contained(series, ids)
        except (NotImplementedError, nw.exceptions.InvalidOperationError):
            pass  # e.g. Arrow's list<string_view> has no membership kernel
    return _scattered(_intake.cells(series), ids)


def _contained(series: nw.Series[Any], ids: tuple[str, ...]) -> _Read | None:
    """`_lists` of a typed list column, in the frame's own backend: one membership test per id.

    A list is regular when it holds as many names as the candidates it contains.
    """
    columns = [
        np.asarray(series.list.contains(cid).fill_null(value=False).to_numpy(), dtype=bool)
        for cid in ids
    ]
    approved = np.zeros(len(series), dtype=np.int64)
    for values in columns:
        approved += values
    length = np.asarray(series.list.len().fill_null(0).to_numpy(), dtype=np.int64)
    if (approved != length).any():
        return None
    present = ~np.asarray(series.is_null().to_numpy(), dtype=bool) if series.null_count() else None
    return ids, columns, approved, present


def _scattered(cells: list[Any], ids: tuple[str, ...]) -> _Read | None:
    """`_lists` of Python cells: the lists exploded to (row, candidate) pairs, scattered once."""
    present = np.array([cell is not None for cell in cells], dtype=bool)
    lists = [_plain(cell) for cell in cells if cell is not None]
    if not all(isinstance(cell, list | tuple) for cell in lists):
        return None
    length = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    index = {cid: column for column, cid in enumerate(ids)}
    try:
        codes = np.fromiter(
            map(index.get, chain.from_iterable(lists), repeat(-1)),
            dtype=np.int64,
            count=int(length.sum()),
        )
    except TypeError:  # an item that cannot be hashed cannot be a candidate id
        return None
    if (codes < 0).any():
        return None
    matrix = np.zeros((len(ids), len(cells)), dtype=bool)
    rows = np.flatnonzero(present)
    matrix[codes, np.repeat(rows, length)] = True
    approved = matrix.sum(axis=0, dtype=np.int64)
    if (approved[rows] != length).any():  # a name twice
        return None
    return ids, list(matrix), approved, None if present.all() else present


def _count(
    view: ColumnarEstate,
    data: nw.DataFrame[Any],
    layout: ElectionColumns,
    names: tuple[str, ...],
    setup: Setup,
) -> Folded | None:
    """Heads and area per candidate, vectorised; ``None`` when the object path must decide."""
    if layout.approval_list is None:
        read: _Read | None = _columns(data, names)
    else:
        read = _lists(data[layout.approval_list], setup.ids)
    if read is None:
        return None
    names, columns, approved, present = read
    marked = np.zeros(len(data), dtype=bool)
    if layout.spoiled is not None:
        marked, known = _booleans(data[layout.spoiled])
        present = None if present is None or known is None else present | known
    found, aligned = _intake.positions(view, data[layout.unit])
    if present is not None and not present.all():
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
