"""Validators shared by the mediation value classes: each error names the item and field."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from community_governance.exceptions import CaseFieldTypeError, InvalidCaseDataError

E = TypeVar("E", bound=Enum)


def _what(instance: Any) -> str:
    kind = getattr(instance, "kind", None)
    if isinstance(kind, Enum) and getattr(instance, "id", None) is None:  # an event
        return f"event {kind.value}"
    label = getattr(instance, "id", None) or getattr(instance, "case_id", None)
    name = type(instance).__name__
    return f"{name} {label}" if isinstance(label, str) and label else name


def text(instance: Any, attribute: Any, value: Any) -> None:
    """Require a non-empty ``str``."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidCaseDataError(
            f"{_what(instance)}: {attribute.name} must be a non-empty str, got {value!r}",
            what=_what(instance),
            field=attribute.name,
            value=value,
        )


def day(instance: Any, attribute: Any, value: Any) -> None:
    """Require a ``datetime.date`` (``None`` allowed only where the field is optional)."""
    if value is not None:
        refuse_non_day(_what(instance), attribute.name, value)


def refuse_non_day(what: str, field: str, value: Any) -> None:
    """Refuse anything but a plain ``datetime.date``; a ``datetime`` is refused too.

    Legal periods count whole days (Civil Code Art. 201): the caller says which day a moment
    belongs to, with ``.date()`` in the time zone that matters.
    """
    if isinstance(value, datetime) or not isinstance(value, date):
        hint = " (a datetime is not a day: pass .date())" if isinstance(value, datetime) else ""
        raise InvalidCaseDataError(
            f"{what}: {field} must be a datetime.date, got {value!r}{hint}",
            what=what,
            field=field,
            value=value,
        )


def texts(instance: Any, attribute: Any, value: Any) -> None:
    """Require a tuple of non-empty ``str``."""
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        raise InvalidCaseDataError(
            f"{_what(instance)}: {attribute.name} must be a tuple of non-empty str, got {value!r}",
            what=_what(instance),
            field=attribute.name,
            value=value,
        )


def to_enum(cls: type[E], value: Any, field: str) -> E:
    """Return ``value`` as a member of ``cls`` (a member or its value, e.g. ``"written"``).

    A converter does not see its instance, so the error names the field and the type.
    """
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise InvalidCaseDataError(
            f"{field}: {value!r} is not one of the {cls.__name__} values (allowed: {allowed})",
            what=cls.__name__,
            field=field,
            value=value,
        ) from None


def as_tuple(value: Any) -> Any:
    """Convert a list to a tuple; leave anything else for the validator to refuse."""
    return tuple(value) if isinstance(value, list) else value


def _refuse_type(instance: Any, attribute: Any, value: Any, expected: str) -> None:
    what = _what(instance)
    raise CaseFieldTypeError(
        f"{what}: {attribute.name} must be {expected}, got {value!r}",
        what=what,
        field=attribute.name,
        value=value,
    )


def boolean(instance: Any, attribute: Any, value: Any) -> None:
    """Require a ``bool`` (strings such as ``"no"`` and numbers are not booleans)."""
    if type(value) is not bool:
        _refuse_type(instance, attribute, value, "a bool (True or False)")


def plain_text(instance: Any, attribute: Any, value: Any) -> None:
    """Require a ``str`` (possibly empty); a list or a number is refused."""
    if type(value) is not str:
        _refuse_type(instance, attribute, value, "a str")


def tuple_of(cls: type) -> Any:
    """A validator: a tuple whose items are all instances of ``cls``."""

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple) or not all(isinstance(item, cls) for item in value):
            _refuse_type(instance, attribute, value, f"a tuple of {cls.__name__}")

    return check


def instance(cls: type) -> Any:
    """A validator: an instance of ``cls`` (a str or a dict is never a record)."""

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, cls):
            _refuse_type(instance, attribute, value, f"a {cls.__name__}")

    return check
