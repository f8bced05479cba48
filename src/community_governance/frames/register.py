"""`estate_from_frame`: a register table (one row per unit) as an `Estate`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import narwhals.stable.v2 as nw
import numpy as np

from community_governance.frames import _intake
from community_governance.register import CountingPolicy, Estate, Owner

__all__ = ["estate_from_frame"]

_FIELDS = ("unit", "area", "owners", "building", "area_source", "status", "use")
_REQUIRED = ("unit", "area", "owners")


def estate_from_frame(
    frame: Any,
    *,
    columns: Mapping[str, str] | None = None,
    owners: Iterable[Owner | Mapping[str, Any]] = (),
    name: str = "",
    counting: CountingPolicy | None = None,
) -> Estate:
    """Build an estate from a register frame, with the validation of `Estate.from_records`.

    One row per unit with ``unit``, ``area`` (exact: a string or decimal column; a float column
    is refused) and ``owners`` (a list column, or one owner id per row), and optionally
    ``building``, ``area_source``, ``status`` and ``use``; a null optional cell takes the
    default. An optional column named in ``columns`` must be present. Errors name the row, as
    `Estate.from_records` does.

    Args:
        frame: The register (pandas, polars, pyarrow... anything narwhals reads).
        columns: Field → column name, for columns named otherwise (e.g.
            ``{"unit": "房号", "area": "面积"}``).
        owners: Owner declarations, as for `Estate.from_records`.
        name: Display name of the estate.
        counting: Counting policy.

    Raises:
        FrameError: ``frame`` is not a frame, a required column or one named in ``columns``
            is missing, a column name is not a string, or ``columns`` is not a mapping or
            names an unknown field.
        InvalidRecordError: as for `Estate.from_records` (and the other register errors).
    """
    data = _intake.frame(frame, "frame")
    present = register_columns(data, columns, "frame")
    values = {
        field: _intake.cells(_intake.column(data, heading, "frame"))
        for field, heading in present.items()
    }
    values["owners"] = [_listed(cell) for cell in values["owners"]]
    rows = [
        {
            field: values[field][row]
            for field in present
            if field in _REQUIRED or values[field][row] is not None
        }
        for row in range(len(data))
    ]
    return Estate.from_records(rows, owners=owners, name=name, counting=counting)


def register_columns(
    data: nw.DataFrame[Any], columns: Mapping[str, str] | None, what: str
) -> dict[str, str]:
    """Register field → column of ``data``: the required ones, and the optional ones present.

    Raises:
        FrameError: ``columns`` is not a mapping or names an unknown field, or a required
            column or one named in ``columns`` is missing (``what`` names the frame).
    """
    if columns is not None and not isinstance(columns, Mapping):
        raise _intake.FrameError(
            f"columns must be a mapping from fields to column names, not {columns!r:.80}",
            field="columns",
            value=columns,
        )
    renamed = dict(columns or {})
    unknown = sorted(set(renamed) - set(_FIELDS))
    if unknown:
        raise _intake.FrameError(
            f"columns: unknown field(s) {unknown}; fields are {list(_FIELDS)}",
            field="columns",
            value=unknown[0],
        )
    present = {
        field: renamed.get(field, field)
        for field in _FIELDS
        if field in _REQUIRED or field in renamed or field in data.columns
    }
    for heading in present.values():
        _intake.column(data, heading, what)  # a missing or misnamed column raises here
    return present


def _listed(cell: object) -> object:
    """A list cell read back as an array (pandas from pyarrow lists) as a plain list."""
    return cell.tolist() if isinstance(cell, np.ndarray) else cell
