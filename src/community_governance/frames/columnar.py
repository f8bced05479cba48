"""The columnar view of an estate: person index per unit and area per person, as arrays.

Built once per estate (kept with it) for the frame engines. Areas are integers in units of
``1/scale`` m² (``scale`` is the register's exact common denominator, SPC interpretation
Art. 8 sums the exclusive areas): as ``int64`` when the estate's total area times ``scale``
is below 2**62, so that every sum of areas is exact in 64-bit integer arithmetic; beyond that
bound, as Python integers (an ``object`` array), slower and still exact. A float copy of the
areas is kept only below `FLOAT_EXACT_BOUND`, where float sums of integer areas are exact.
"""

from __future__ import annotations

import weakref
from typing import Any

import attrs
import narwhals.stable.v2 as nw
import numpy as np
import numpy.typing as npt

from community_governance.exceptions import VotingInputError
from community_governance.register.estate import Estate

__all__ = ["FLOAT_EXACT_BOUND", "INT64_AREA_BOUND", "ColumnarEstate", "columnar"]

#: Total scaled area below which areas are held as ``int64`` (sums of areas cannot overflow).
INT64_AREA_BOUND = 2**62

#: Below this total scaled area a float-weighted bincount is exact: every partial sum is an
#: integer below 2**53, which a binary64 float holds exactly.
FLOAT_EXACT_BOUND = 2**53


def _frozen(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


@attrs.frozen(slots=True, eq=False)
class ColumnarEstate:
    """An estate's grouping as read-only numpy arrays.

    The view refers to its estate weakly, so that keeping views for the estates alive does
    not keep the estates alive.

    Attributes:
        person_of: Counted-person index of each unit, ``int32``, in the order of
            ``estate.units`` (a zero-copy view of the estate's own index).
        person_area: Per person, its area times ``scale``: ``int64`` below
            `INT64_AREA_BOUND`, else Python integers.
        units_per_person: Per person, how many units it holds (``int32``).
        unit_ids: The unit ids in register order (``object`` array sharing the estate's strings).
        scale: The register's common area denominator.
        total_area: Total area times ``scale`` (exact ``int``).
        person_area_float: ``person_area`` as ``float64`` when the total is below
            `FLOAT_EXACT_BOUND` (every partial sum is then an integer a binary64 float holds
            exactly, so a weighted ``bincount`` sums areas exactly); else ``None``.
        first_unit: Per person, the register position of its first unit (``int32``).
        shared_units: The positions of the units of persons holding more than one unit,
            grouped by person in ascending person order (``int32``).
        shared_group: For each of those units, its person's place in ``shared_persons``
            (``int32``), for a ``bincount`` per person.
        shared_persons: Those persons, ascending (``int32``).
    """

    _estate: weakref.ref[Estate] = attrs.field(alias="estate_ref", repr=False)
    person_of: npt.NDArray[np.int32]
    person_area: npt.NDArray[Any]
    units_per_person: npt.NDArray[np.int32]
    unit_ids: npt.NDArray[np.object_]
    scale: int
    total_area: int
    person_area_float: npt.NDArray[np.float64] | None = None
    first_unit: npt.NDArray[np.int32] = attrs.field(kw_only=True)
    shared_units: npt.NDArray[np.int32] = attrs.field(kw_only=True)
    shared_group: npt.NDArray[np.int32] = attrs.field(kw_only=True)
    shared_persons: npt.NDArray[np.int32] = attrs.field(kw_only=True)
    _keyed: dict[str, Any] = attrs.field(factory=dict, repr=False)

    @property
    def estate(self) -> Estate:
        """The register this view was built from (alive as long as its caller holds it)."""
        estate = self._estate()
        if estate is None:  # only a caller that dropped the estate and kept the view gets here
            raise ReferenceError("the estate of this columnar view has been collected")
        return estate

    @property
    def exact_int64(self) -> bool:
        """Whether areas are held as ``int64`` (total scaled area below `INT64_AREA_BOUND`)."""
        return self.person_area.dtype == np.int64

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the unit-id array counts its pointers, not the strings)."""
        return sum(
            array.nbytes
            for array in (
                self.person_of,
                self.person_area,
                self.units_per_person,
                self.unit_ids,
                self.person_area_float,
                self.first_unit,
                self.shared_units,
                self.shared_group,
                self.shared_persons,
            )
            if array is not None
        )

    def ids_in(self, namespace: Any) -> Any:
        """The unit ids as a narwhals Series of the backend ``namespace`` (kept per backend)."""
        name = namespace.__name__
        found = self._keyed.get(name)
        if found is None:
            found = self._keyed[name] = nw.new_series(
                "unit", self.unit_ids.tolist(), nw.String(), backend=namespace
            )
        return found

    def positions_in(self, namespace: Any) -> Any:
        """The unit ids (``unit``) and their positions (``position``) as a narwhals frame.

        Kept per backend ``namespace``, for joining ballots to the register.
        """
        name = f"{namespace.__name__}:positions"
        found = self._keyed.get(name)
        if found is None:
            ids = self.ids_in(namespace)
            position = nw.new_series(
                "position", np.arange(len(self.unit_ids)), nw.Int64(), backend=namespace
            )
            found = self._keyed[name] = nw.from_dict({"unit": ids, "position": position})
        return found

    def __repr__(self) -> str:
        """One line: units, persons, bytes."""
        return (
            f"<ColumnarEstate {len(self.person_of)} units, {len(self.person_area)} persons, "
            f"{self.nbytes} bytes, {'int64' if self.exact_int64 else 'python-int'} areas>"
        )


#: Columnar views by estate identity, dropped when their estate is collected. The estate
#: itself stays a frozen value: the view lives here, beside it, not inside it.
_VIEWS: dict[int, tuple[weakref.ref[Estate], ColumnarEstate]] = {}


def columnar(estate: Estate) -> ColumnarEstate:
    """The columnar view of ``estate``, built on first use and kept while the estate lives.

    Raises:
        VotingInputError: ``estate`` is not an `Estate`.
    """
    key = id(estate)
    entry = _VIEWS.get(key)
    if entry is not None and entry[0]() is estate:
        return entry[1]
    if not isinstance(estate, Estate):
        raise VotingInputError(
            f"columnar: estate must be an Estate, not {estate!r:.80}", field="estate", value=estate
        )
    view = _build(estate)
    views = _VIEWS  # held by the callback, which may run while the interpreter shuts down
    _VIEWS[key] = (weakref.ref(estate, lambda _ref: views.pop(key, None)), view)
    return view


def _build(estate: Estate) -> ColumnarEstate:
    index = estate.person_index
    person_of = np.frombuffer(index.person_of, dtype=np.int32)  # type: ignore[call-overload]
    total = index.total_area
    dtype: Any = np.int64 if total < INT64_AREA_BOUND else object
    person_area = np.array(index.person_area, dtype=dtype)
    units_per_person = np.bincount(person_of, minlength=index.heads).astype(np.int32)
    unit_ids = np.array([unit.id for unit in estate.units], dtype=object)
    weights = person_area.astype(np.float64) if total < FLOAT_EXACT_BOUND else None
    # persons are numbered in order of first appearance, so their first units ascend
    first_unit = np.unique(person_of, return_index=True)[1].astype(np.int32)
    in_shared = np.flatnonzero(units_per_person[person_of] > 1)
    shared = in_shared[np.argsort(person_of[in_shared], kind="stable")]
    owners_of_shared = person_of[shared]
    starts = np.diff(owners_of_shared, prepend=-1) != 0
    return ColumnarEstate(
        estate_ref=weakref.ref(estate),
        person_of=person_of,
        person_area=_frozen(person_area),
        units_per_person=_frozen(units_per_person),
        unit_ids=_frozen(unit_ids),
        scale=index.scale,
        total_area=total,
        person_area_float=None if weights is None else _frozen(weights),
        first_unit=_frozen(first_unit),
        shared_units=_frozen(shared.astype(np.int32)),
        shared_group=_frozen((np.cumsum(starts) - 1).astype(np.int32)),
        shared_persons=_frozen(owners_of_shared[starts].astype(np.int32)),
    )
