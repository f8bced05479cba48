"""Reading ballot and register frames, and writing result frames, through narwhals (private)."""

from __future__ import annotations

from itertools import repeat
from typing import Any

import narwhals.stable.v2 as nw
import numpy as np
import numpy.typing as npt

from community_governance.exceptions import FrameError

__all__ = ["FrameError", "cells", "column", "frame", "native_frame", "positions"]
from community_governance.frames.columnar import ColumnarEstate


def frame(value: object, field: str) -> nw.DataFrame[Any]:
    """``value`` as an eager narwhals frame (pandas, polars, pyarrow... or narwhals itself)."""
    try:
        return nw.from_native(value, eager_only=True)
    except TypeError:
        lazy = hasattr(value, "collect") or hasattr(value, "compute")  # polars, Dask
        hint = (
            "; a lazy frame is read once materialised (polars: .collect(); Dask: .compute(), "
            "or map_partitions for a city)"
            if lazy
            else ""
        )
        raise FrameError(
            f"{field} must be a data frame (pandas, polars, pyarrow...), not "
            f"{type(value).__name__}{hint}",
            field=field,
            value=value,
        ) from None
    except nw.exceptions.DuplicateError as error:  # pandas allows a name twice
        raise FrameError(
            f"{field}: every column needs its own name; {error}",
            field=field,
            value=tuple(value.columns),  # type: ignore[attr-defined]
        ) from None


def column(data: nw.DataFrame[Any], name: str, field: str) -> nw.Series[Any]:
    """Column ``name`` of ``data``; a missing column is refused, naming those present.

    A name that is not a string is refused too: narwhals reads an integer as a row number.
    """
    if not isinstance(name, str):
        raise FrameError(
            f"{field}: a column name {name!r:.80} must be a string; rename the frame's "
            "columns to strings",
            field=field,
            value=name,
        )
    if name not in data.columns:
        raise FrameError(
            f"{field}: no column {name!r}; columns are {data.columns}",
            field=name,
            value=tuple(data.columns),
        )
    return data[name]


def cells(series: nw.Series[Any]) -> list[Any]:
    """The cells of ``series`` as Python values, a null cell as ``None``.

    pandas reads a missing cell back as ``NaN`` or ``pd.NA`` (never ``None``), which is not
    the absence the engines look for; every backend's nulls are made ``None`` here.
    """
    values = series.to_list()
    if not series.null_count():
        return values
    nulls = series.is_null().to_list()
    return [None if null else value for value, null in zip(values, nulls, strict=True)]


def native_frame(data: dict[str, list[Any]], schema: dict[str, Any], backend: Any) -> Any:
    """``data`` as a native frame of ``backend`` with the column types of ``schema``.

    Declared, not inferred, so that an empty table, or a column of nulls only, keeps its type
    and tables concatenate. pandas has no null in its own integer and boolean columns: there a
    column holding a null keeps the type pandas gives it (``float64``, ``object``).
    """
    frame = nw.from_dict(data, backend=backend)
    pandas = nw.Implementation.from_backend(backend).is_pandas_like()
    casts = [
        nw.col(name).cast(kind)
        for name, kind in schema.items()
        if not (pandas and None in data[name])
    ]
    return frame.with_columns(casts).to_native()


def positions(view: ColumnarEstate, units: nw.Series[Any]) -> tuple[npt.NDArray[np.int64], bool]:
    """Register position of each row's unit (``-1``: not in the register); and whether aligned.

    A sheet with one row per unit in register order (the usual tally sheet) is recognised by
    one comparison in the frame's own backend; a text column in any other order is resolved
    by one left join with the register's ids (kept per backend), other columns (and text
    the backend cannot compare) through the register's id index, once per call.
    """
    if units.dtype == nw.String:
        try:
            return _joined(view, units)
        except NotImplementedError:  # e.g. Arrow's string_view has no comparison kernel
            pass
    index = view.estate.person_index.positions
    found = np.fromiter(
        map(index.get, units.to_list(), repeat(-1)), dtype=np.int64, count=len(units)
    )
    return found, False


def _joined(view: ColumnarEstate, units: nw.Series[Any]) -> tuple[npt.NDArray[np.int64], bool]:
    """`positions` of a text column, in the frame's own backend."""
    count = len(view.unit_ids)
    namespace = nw.get_native_namespace(units)
    if len(units) == count and units.null_count() == 0:
        same = units == view.ids_in(namespace)
        if same.all():
            return np.arange(count, dtype=np.int64), True
    # a hash join in the frame's backend, rows kept in order
    rows = units.cast(nw.String()).rename("unit").to_frame().with_row_index("row")
    joined = rows.join(view.positions_in(namespace), on="unit", how="left").sort("row")
    return joined["position"].fill_null(-1).to_numpy().astype(np.int64), False
