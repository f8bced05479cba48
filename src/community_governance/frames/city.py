"""Many estates at once: one pure function from a partition of tally sheets to result rows.

For a street office or a city bureau auditing thousands of estates, the partition is a frame
of tally sheets (register rows plus a choice column, one row per unit) keyed by an estate
column, every estate wholly inside one partition; `decide_estates` turns it into one result
row per estate. A parallel engine runs it per partition (for instance Dask's
``map_partitions``) and concatenates the rows; the library does no I/O and no scheduling.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import narwhals.stable.v2 as nw
import numpy as np

from community_governance._base.exact import format_exact
from community_governance.exceptions import FrameError, GovernanceError
from community_governance.frames import _intake
from community_governance.frames.decide import decide_frame
from community_governance.frames.register import estate_from_frame, register_columns
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.voting import Decision, decide

__all__ = ["ESTATE_RESULT_COLUMNS", "decide_estates"]

#: The columns of `decide_estates` rows, in order.
ESTATE_RESULT_COLUMNS = (
    "estate",
    "units",
    "persons",
    "passed",
    "quorum_met",
    "approved",
    "participating_heads",
    "participating_area",
    "agree_heads",
    "agree_area",
    "notices",
    "error",
)


_TEXT, _INT, _BOOL = nw.String(), nw.Int64(), nw.Boolean()
_SCHEMA: dict[str, Any] = {
    "units": _INT,
    "persons": _INT,
    "passed": _BOOL,
    "quorum_met": _BOOL,
    "approved": _BOOL,
    "participating_heads": _INT,
    "participating_area": _TEXT,
    "agree_heads": _INT,
    "agree_area": _TEXT,
    "notices": _INT,
    "error": _TEXT,
}


def decide_estates(
    sheets: Any,
    *,
    matter: Matter | str,
    rules: RuleSet,
    estate: str = "estate",
    choice: str = "choice",
    columns: Mapping[str, str] | None = None,
) -> Any:
    """Decide one motion in every estate of a partition: one row per estate.

    Each estate's rows are its register (``unit``, ``area``, ``owners``... as for
    `estate_from_frame`) with the ballot in ``choice`` (null: no ballot). The estate is built
    and decided exactly as `estate_from_frame` and `decide_frame` would; figures are exact
    strings. An estate whose register or ballots are refused gets a row with ``error`` set
    to the error's class and message (and null figures), so that one bad register does not
    stop a city's run; every other row has ``error`` null. What is wrong with the call itself
    (the matter, the rule set, a missing column) raises once instead. Column types are declared (an
    empty partition has them too); in pandas a figure column holding an error row's null is
    ``float64`` (whole numbers, exact) or ``object``.

    Args:
        sheets: The partition (pandas, polars, pyarrow...); the result has the same backend.
        matter: The matter voted on in every estate.
        rules: The rule set.
        estate: Name of the estate key column.
        choice: Name of the choice column.
        columns: Register field → column name, as for `estate_from_frame`.

    Returns:
        A native frame with the columns `ESTATE_RESULT_COLUMNS`, one row per estate in
        the order of the keys (the backend's sort order: an Enum's by its categories).

    Raises:
        FrameError: ``sheets`` is not a frame, the estate, choice or a register column is
            missing, ``columns`` is not a mapping of known fields, a row has no estate key,
            or the keys cannot be ordered (several types in one column).
        VotingInputError, InvalidChoiceError, MissingResolutionError: the rule set or the
            matter is refused, as `decide` refuses them (once for the call, not per estate).
    """
    data = _intake.frame(sheets, "sheets")
    keys = _intake.column(data, estate, "sheets")
    if keys.null_count():
        row = int(np.flatnonzero(keys.is_null().to_numpy())[0])
        raise FrameError(
            f"sheets: column {estate!r} has no key in row {row}; every row belongs to an estate",
            field=estate,
            value=row,
        )
    _call(data, matter, rules, choice, columns)
    data, bounds = _bounds(data, estate)
    rows: list[dict[str, Any]] = []
    for key, start, end in bounds:
        part = data[int(start) : int(end)]
        rows.append(_row(key, part, matter, rules, choice, columns))
    table = {name: [row[name] for row in rows] for name in ESTATE_RESULT_COLUMNS}
    key = nw.String() if keys.dtype in (nw.Categorical, nw.Enum) else keys.dtype
    declared = key.is_numeric() or key == nw.String  # other key types are inferred
    schema = _SCHEMA | ({"estate": key} if declared else {})
    return _intake.native_frame(table, schema, nw.get_native_namespace(keys))


def _call(
    data: nw.DataFrame[Any],
    matter: Matter | str,
    rules: RuleSet,
    choice: str,
    columns: Mapping[str, str] | None,
) -> None:
    """Refuse, once, what is wrong with the call itself rather than with one estate.

    The matter and the rule set are checked by deciding no ballot on a one-unit register (so
    that the errors are `decide`'s own), the columns on the partition's headings.
    """
    decide(_PROBE, (), matter=matter, rules=rules)
    register_columns(data, columns, "sheets")
    _intake.column(data, choice, "sheets")


#: A one-unit register on which `_call` checks the matter and the rule set.
_PROBE = Estate.from_records([{"unit": "probe", "area": "1", "owners": ["probe"]}])


def _bounds(
    data: nw.DataFrame[Any], estate: str
) -> tuple[nw.DataFrame[Any], list[tuple[Any, int, int]]]:
    """``data`` sorted by key; each estate's key and its first and last-plus-one row.

    The estates are cut where the sorted key changes, in the backend's own order (an Enum or
    ordered categorical sorts by its categories, not by its text).
    """
    try:
        data = data.sort(estate)
    except TypeError:  # keys of several types (a pandas object column), or no order kernel
        raise FrameError(
            f"sheets: the keys of column {estate!r} cannot be ordered; give every estate a "
            "key of one type (all strings, or all integers)",
            field=estate,
            value=tuple(data[estate].unique().to_list()[:5]),
        ) from None
    values = data[estate].to_numpy()
    if not len(values):
        return data, []
    starts = np.concatenate(([0], np.flatnonzero(values[1:] != values[:-1]) + 1))
    ends = [*starts[1:], len(values)]
    return data, list(zip(values[starts], starts, ends, strict=True))


def _row(
    key: object,
    part: nw.DataFrame[Any],
    matter: Matter | str,
    rules: RuleSet,
    choice: str,
    columns: Mapping[str, str] | None,
) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ESTATE_RESULT_COLUMNS)
    row["estate"] = key.item() if isinstance(key, np.generic) else key
    row["units"] = len(part)
    try:
        register = estate_from_frame(part, columns=columns, name=str(key))
        unit = (columns or {}).get("unit", "unit")
        decision = decide_frame(
            register, part, matter=matter, rules=rules, unit=unit, choice=choice
        )
    except GovernanceError as error:
        row["error"] = f"{type(error).__name__}: {error}"
        return row
    return row | _figures(decision, register.counted_persons)


def _figures(decision: Decision, persons: int) -> dict[str, Any]:
    tally = decision.tally
    return {
        "persons": persons,
        "passed": decision.passed,
        "quorum_met": decision.quorum_met,
        "approved": decision.approved,
        "participating_heads": tally.participating.heads,
        "participating_area": format_exact(tally.participating.area),
        "agree_heads": tally.agree.heads,
        "agree_area": format_exact(tally.agree.area),
        "notices": len(decision.notices),
    }
