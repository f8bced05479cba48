"""Reading enum members from plain data, with an error that lists the allowed values."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from community_governance.exceptions import InvalidChoiceError

__all__ = ["parse_enum"]

E = TypeVar("E", bound=Enum)


def parse_enum(enum: type[E], value: object, *, what: str) -> E:
    """Read an enum member from itself, its value, or its name (any case, ``-`` for ``_``).

    Raises:
        InvalidChoiceError: ``value`` is none of the accepted spellings; the message names
            ``what`` and the value.
    """
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        for member in enum:
            if key in (str(member.value).lower(), member.name.lower()):
                return member
    allowed = tuple(str(member.value) for member in enum)
    raise InvalidChoiceError(
        f"{what}: {value!r} is not one of {', '.join(allowed)}", value=value, allowed=allowed
    )
