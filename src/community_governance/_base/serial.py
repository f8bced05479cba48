"""Plain-data round trips (dict/JSON-ready) for every value object, built on cattrs.

One configured converter serves the whole package: exact numbers become strings (``"89.37"``,
``"1/3"``), dates ISO strings, enums their values. Each top-level ``to_dict`` adds a versioned
``"schema"`` key; ``from_dict`` checks it so that data written by a future, incompatible version
is refused instead of misread.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, TypeVar

import cattrs
from cattrs.v import format_exception

from community_governance._base.exact import Exact, format_exact, parse_exact
from community_governance.exceptions import (
    DerivedFactMismatchError,
    GovernanceError,
    InvalidRecordError,
)

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)

converter.register_unstructure_hook(Decimal, format_exact)
converter.register_unstructure_hook(Fraction, format_exact)
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(Decimal, lambda value, _: Decimal(value))
converter.register_structure_hook(Fraction, lambda value, _: Fraction(value))
converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))
converter.register_structure_hook(Exact, lambda value, _: parse_exact(value))
converter.register_structure_hook(Exact | int, lambda value, _: parse_exact(str(value)))


def _describe(error: BaseException, type_: type | None) -> str:
    """Our own errors keep their message (it names the item); others get cattrs' wording."""
    if isinstance(error, GovernanceError):
        return str(error)
    return format_exception(error, type_)


def dump(obj: object, schema: str) -> dict[str, Any]:
    """Unstructure ``obj`` into plain data and stamp it with ``schema``."""
    data: dict[str, Any] = {"schema": schema}
    data.update(converter.unstructure(obj))
    return data


def load(cls: type[T], data: dict[str, Any], schema: str) -> T:
    """Structure ``data`` (as written by `dump`) back into ``cls``.

    Raises:
        InvalidRecordError: the schema key is missing or names another schema or version, or
            the data do not fit ``cls``.
    """
    found = data.get("schema")
    if found != schema:
        raise InvalidRecordError(
            f"{cls.__name__}.from_dict: schema {found!r} is not {schema!r}",
            row=None,
            field="schema",
            value=found,
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    try:
        return converter.structure(body, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        where = (
            "; ".join(cattrs.transform_error(error, format_exception=_describe))
            if isinstance(error, cattrs.BaseValidationError)
            else str(error)
        )
        raise InvalidRecordError(
            f"{cls.__name__}.from_dict: data do not fit: {where}",
            row=None,
            field="*",
            value=body,
        ) from error


def refuse_mismatch(what: str, field: str, stored: object, recomputed: object) -> None:
    """Refuse a stored derived fact that differs from the recomputed one.

    Args:
        what: The loader, e.g. ``"MediationCase.from_dict"``.
        field: The derived field.
        stored: The value found in the data.
        recomputed: The value recomputed from the primary data.

    Raises:
        DerivedFactMismatchError: ``stored != recomputed``; the message names the field, the
            stored value and the recomputed one.
    """
    if stored != recomputed:
        shown, again = (v.value if isinstance(v, Enum) else v for v in (stored, recomputed))
        raise DerivedFactMismatchError(
            f"{what}: stored {field} {shown!r} does not match the recomputed {again!r}",
            field=field,
            value=stored,
            recomputed=recomputed,
        )
