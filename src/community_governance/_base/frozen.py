"""An immutable, hashable mapping for rule data (a layer's resolutions per matter)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

__all__ = ["FrozenMap"]

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
