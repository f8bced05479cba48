"""Plain-data round trips (dict/JSON-ready) for every value object, built on cattrs.

One configured converter serves the whole package: exact numbers become strings (``"89.37"``,
``"1/3"``), dates ISO strings, enums their values. Each top-level ``to_dict`` adds a versioned
``"schema"`` key; ``from_dict`` checks it so that data written by a future, incompatible version
is refused instead of misread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar, get_origin

import cattrs
from cattrs.cols import is_any_set, is_frozenset, is_sequence, list_structure_factory
from cattrs.v import format_exception

from community_governance._base.citations import Citation, Uncertain
from community_governance._base.exact import Exact, format_exact, parse_exact
from community_governance.exceptions import (
    DerivedFactMismatchError,
    GovernanceError,
    InvalidDataError,
)

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)

converter.register_unstructure_hook(Decimal, format_exact)
converter.register_unstructure_hook(Fraction, format_exact)
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(Decimal, lambda value, _: Decimal(value))
converter.register_structure_hook(Fraction, lambda value, _: Fraction(value))
converter.register_structure_hook(Exact, lambda value, _: parse_exact(value))
converter.register_structure_hook(Exact | int, lambda value, _: _exact_or_int(value))
converter.register_structure_hook(
    Exact | None, lambda value, _: None if value is None else parse_exact(value)
)


#: The largest whole number plain data may hold (counts, ranks, amounts in fen: 10**13 yuan).
MAX_INT = 10**16


def _strict_int(value: object, _: type) -> int:
    """A whole number is an ``int`` (not a bool, a float or a string) below `MAX_INT`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDataError(
            f"{value!r:.40} is not a whole number (int)", field="int", value=value
        )
    if abs(value) >= MAX_INT:
        digits = int(value.bit_length() * 0.30103) + 1  # str() of a huge int is refused
        raise InvalidDataError(
            f"a whole number of about {digits} digits is not below the bound of 10**16",
            field="int",
            value=digits,
        )
    return value


def _strict_str(value: object, _: type) -> str:
    """Text is a ``str`` (a number is not turned into text)."""
    if not isinstance(value, str):
        raise InvalidDataError(f"{value!r:.40} is not a string", field="str", value=value)
    return value


def _strict_bool(value: object, _: type) -> bool:
    """A boolean is ``true`` or ``false`` (the string ``"false"`` is not a boolean)."""
    if not isinstance(value, bool):
        raise InvalidDataError(f"{value!r:.40} is not true or false", field="bool", value=value)
    return value


#: The one spelling of a day in plain data (``date.fromisoformat`` also reads week dates).
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _strict_date(value: object, _: type) -> date:
    """A day is the text ``to_dict`` writes, ``YYYY-MM-DD`` (not a number or a timestamp)."""
    if type(value) is str and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidDataError(f"{value!r:.40} is not a day (YYYY-MM-DD)", field="date", value=value)


converter.register_structure_hook(date, _strict_date)
converter.register_structure_hook(int, _strict_int)
converter.register_structure_hook(str, _strict_str)
converter.register_structure_hook(bool, _strict_bool)


def _is_collection(type_: Any) -> bool:
    """Tuples, lists, sequences and sets of items (the containers plain data writes as lists)."""
    return is_sequence(type_) or is_any_set(type_)


def _strict_collection(type_: Any, conv: cattrs.Converter) -> Callable[[object, Any], Any]:
    """The converter's own hook for ``type_``, behind a check that the value is a list.

    A string is iterable, so without the check ``"Li"`` would load as the owners ``L`` and
    ``i``; a mapping would load as its keys.
    """
    inner: Callable[[Any, Any], Any]
    if get_origin(type_) is tuple or type_ is tuple:
        inner = conv._structure_tuple
    elif is_frozenset(type_):
        inner = conv._structure_frozenset
    elif is_any_set(type_):
        inner = conv._structure_set
    else:
        inner = list_structure_factory(type_, conv)

    def structure(value: object, cl: Any) -> Any:
        if not isinstance(value, list | tuple | set | frozenset):
            raise InvalidDataError(f"{value!r:.40} is not a list", field="list", value=value)
        return inner(value, cl)

    return structure


converter.register_structure_hook_factory(_is_collection, _strict_collection)


def _exact_or_int(value: object) -> Exact | int:
    """An ``int`` stays an int (``bool`` excluded); anything else must be exact text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return parse_exact(value)


_plain_citation = converter.gen_unstructure_attrs_fromdict(Citation)
_structure_citation = converter.gen_structure_attrs_fromdict(Citation)


def _unstructure_citation(citation: Citation) -> dict[str, Any]:
    """A citation as plain data; ``uncertain`` only when some detail is unconfirmed."""
    data: dict[str, Any] = _plain_citation(citation)
    uncertain = data.pop("uncertain")
    if uncertain:
        data["uncertain"] = sorted(item.value for item in citation.uncertain)
    return data


def _structure_citation_hook(data: dict[str, Any], _: type) -> Citation:
    body = dict(data)
    body["uncertain"] = frozenset(Uncertain(value) for value in body.get("uncertain", ()))
    return _structure_citation(body, Citation)


converter.register_unstructure_hook(Citation, _unstructure_citation)
converter.register_structure_hook(Citation, _structure_citation_hook)


def _describe(error: BaseException, type_: type | None) -> str:
    """Our own errors keep their message (it names the item); others get cattrs' wording."""
    if isinstance(error, GovernanceError):
        return error.message
    return format_exception(error, type_)


def dump(obj: object, schema: str) -> dict[str, Any]:
    """Unstructure ``obj`` into plain data and stamp it with ``schema``."""
    data: dict[str, Any] = {"schema": schema}
    data.update(converter.unstructure(obj))
    return data


def load(cls: type[T], data: dict[str, Any], schema: str, *, what: str | None = None) -> T:
    """Structure ``data`` (as written by `dump`) back into ``cls``.

    Args:
        cls: The class to build.
        data: The plain data, with its ``"schema"`` key.
        schema: The schema ``data`` must name.
        what: The class named in errors when ``cls`` is a private carrier of the public one.

    Raises:
        InvalidDataError: the schema key is missing or names another schema or version, or
            the data do not fit ``cls``; the error's ``field`` is the path of the first item
            that does not fit (``"units[0].area"``; ``"*"`` for the record itself) and its
            ``value`` that item.
    """
    name = cls.__name__ if what is None else what
    if not isinstance(data, dict):
        raise InvalidDataError(
            f"{name}.from_dict: data must be a dict, not {type(data).__name__} {data!r:.80}",
            field="data",
            value=data,
        )
    found = data.get("schema")
    if found != schema:
        raise InvalidDataError(
            f"{name}.from_dict: schema {found!r} is not {schema!r}", field="schema", value=found
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    try:
        return converter.structure(body, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        if isinstance(error, cattrs.BaseValidationError):
            found_at = cattrs.transform_error(error, format_exception=_describe)
            path = found_at[0].rpartition(" @ $")[2].lstrip(".") or "*"
            where = "; ".join(found_at)
        else:
            path, where = "*", str(error)
        raise InvalidDataError(
            f"{name}.from_dict: data do not fit: {where}", field=path, value=_at(body, path)
        ) from error


#: One step of a path written by cattrs: ``.name`` or ``[index]``.
_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _at(body: dict[str, Any], path: str) -> object:
    """The item of ``body`` at ``path`` (``"units[0].area"``); ``body`` for ``"*"``."""
    item: Any = body
    if path == "*":
        return item
    for key, index in _STEP.findall(path):
        try:
            item = item[int(index)] if index else item[key]
        except (LookupError, TypeError):  # a path into what did not fit: keep the last item
            break
    return item


def check_derived(what: str, field: str, stored: object, recomputed: object) -> None:
    """Refuse a stored derived fact that disagrees with the one recomputed on load.

    The comparison is strict: the values must be equal and of the same type, so ``1`` or
    ``"true"`` never stands for ``True``.

    Args:
        what: The item being loaded (e.g. ``"Decision.checks[0]"``).
        field: The derived field's name.
        stored: The value found in the data.
        recomputed: The value recomputed from the data's own figures.

    Raises:
        DerivedFactMismatchError: the two differ.
    """
    if type(stored) is not type(recomputed) or stored != recomputed:
        raise DerivedFactMismatchError(what=what, field=field, stored=stored, recomputed=recomputed)


def refuse_floats(what: str, data: object) -> None:
    """Refuse any ``float`` anywhere in plain ``data`` (exact numbers travel as strings).

    Raises:
        InvalidDataError: naming the path of the first float found and its value.
    """
    stack: list[tuple[str, object]] = [(what, data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float):
            raise InvalidDataError(
                f"{path}: {value!r} is a float; floats are binary approximations - write "
                'exact numbers as strings such as "89.37" or "1/3"',
                field=path,
                value=value,
            )
        if isinstance(value, dict):
            stack.extend((f"{path}.{key}", item) for key, item in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))


def plain_body(
    data: object, what: str, schemas: tuple[str, ...], keys: frozenset[str]
) -> dict[str, Any]:
    """``data`` without its schema key: a mapping of one of ``schemas``, ``keys``, no float.

    For values whose plain data are not their fields (written by hand, read field by field).

    Raises:
        InvalidDataError: naming what is wrong (the schema, a missing or unknown key, a float).
    """
    if not isinstance(data, dict):
        raise InvalidDataError(
            f"{what}.from_dict: data must be a dict, not {type(data).__name__} {data!r:.80}",
            field="data",
            value=data,
        )
    if data.get("schema") not in schemas:
        raise InvalidDataError(
            f"{what}.from_dict: schema {data.get('schema')!r} is not {schemas[0]!r}",
            field="schema",
            value=data.get("schema"),
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    refuse_floats(what, body)
    exact_keys(body, keys, f"{what}.from_dict")
    return body


def exact_keys(body: dict[str, Any], keys: frozenset[str], where: str) -> None:
    """Refuse a mapping whose keys are not exactly ``keys`` (``where`` opens the message).

    Raises:
        InvalidDataError: naming the first unknown or missing key.
    """
    if body.keys() != keys:
        odd = sorted(body.keys() ^ keys)
        raise InvalidDataError(
            f"{where}: {'unknown' if odd[0] in body else 'missing'} field {odd[0]!r}",
            field=odd[0],
            value=body.get(odd[0]),
        )


def plain_field(body: dict[str, Any], name: str, kind: Any, where: str) -> Any:
    """``body[name]`` structured as ``kind`` by the strict converter, or a named error.

    Raises:
        InvalidDataError: opened by ``where`` (``"Fund.from_dict: entries[3]"``), naming the
            field and the value (a string is no list, a bool no int, a number no day).
    """
    try:
        return converter.structure(body[name], kind)
    except (GovernanceError, cattrs.BaseValidationError, ValueError, TypeError) as error:
        if isinstance(error, cattrs.BaseValidationError):  # an item of a tuple: "'1' is not …"
            reason = "; ".join(cattrs.transform_error(error, format_exception=_describe))
        else:
            reason = error.message if isinstance(error, GovernanceError) else str(error)
        raise InvalidDataError(f"{where}: {name}: {reason}", field=name, value=body[name]) from None
