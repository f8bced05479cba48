"""An immutable, hashable mapping for rule data (a layer's resolutions per matter)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

from community_governance.exceptions import InvalidRuleError

__all__ = ["FrozenMap", "typed_map"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping with value semantics: equal and hashable by its items.

    Built once from a mapping; there is no way to change it afterwards, so a rule set handed
    out to callers cannot be edited behind the registry's back.
    """

    __slots__ = ("_hash", "_items")

    _items: Mapping[K, V]
    _hash: int

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        # a read-only view of a private copy: not even ``_items`` can be edited in place
        frozen = MappingProxyType(dict(items or {}))
        object.__setattr__(self, "_items", frozen)
        object.__setattr__(self, "_hash", hash(frozenset(frozen.items())))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"FrozenMap is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"FrozenMap is immutable (cannot delete {name!r})")

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._items == other._items
        return isinstance(other, Mapping) and self._items == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({dict(self._items)!r})"


def typed_map(
    value: object, keys: type[K], values: type[V], *, what: str, field: str, empty: bool = True
) -> FrozenMap[K, V]:
    """``value`` as a `FrozenMap` of ``keys`` to ``values``, checked item by item.

    Raises:
        InvalidRuleError: ``value`` is not a mapping (or is empty where ``empty`` is false), or
            an item is not a ``keys`` → ``values`` pair; the message names ``what``.
    """
    if not isinstance(value, Mapping) or not (value or empty):
        raise InvalidRuleError(
            f"{what} must map {keys.__name__} to {values.__name__}, not {value!r:.80}",
            field=field,
            value=value,
        )
    for key, item in value.items():
        if not isinstance(key, keys) or not isinstance(item, values):
            raise InvalidRuleError(
                f"{what}: {key!r:.60} → {item!r:.60} is not a {keys.__name__} → {values.__name__}",
                field=field,
                value=key,
            )
    return FrozenMap(value)
