"""Deprecated: jurisdiction packs, a second registry beside the one registry of jurisdictions.

Deprecated since 0.x (removed one minor version later): a foreign regime is now a
[Jurisdiction][community_governance.rules.Jurisdiction] in the one
`community_governance.jurisdictions.REGISTRY`, its dated versions are
[Layer][community_governance.rules.Layer]s whose ``procedures`` map its declared matters to
[Procedure][community_governance.rules.procedures.Procedure]s, and
``rules_for("FR", on=day).procedure("art-25")`` replaces
``PACKS.procedure("FR", "art-25", on=day)``. `Pack`, `PackVersion` and `PackRegistry` still
work and warn (DeprecationWarning) when built; `pack_of` turns a jurisdiction into a `Pack`.
"""

from __future__ import annotations

import itertools
import warnings
from datetime import date, datetime
from typing import Any

import attrs

from community_governance._base.frozen import FrozenMap, typed_map
from community_governance.exceptions import (
    InvalidRuleError,
    PackNotInForceError,
    RuleSetInputError,
    UnknownJurisdictionError,
    UnknownMatterError,
)
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import Procedure
from community_governance.rules.registry import Jurisdiction

__all__ = ["Pack", "PackRegistry", "PackVersion", "pack_of"]


def _deprecated(name: str, instead: str) -> None:
    warnings.warn(
        f"{name} is deprecated and will be removed in the next minor version; use {instead}",
        DeprecationWarning,
        stacklevel=4,
    )


def _procedures(value: object) -> FrozenMap[DeclaredMatter, Procedure]:
    return typed_map(
        value, DeclaredMatter, Procedure, what="pack procedures", field="procedures", empty=False
    )


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise InvalidRuleError(
            f"{attribute.name} must be a date or None, not {value!r}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class PackVersion:
    """One text of a regime, in force from ``valid_from`` to ``valid_to`` (inclusive).

    Attributes:
        name: E.g. ``"JP: Unit Ownership Act (to 2026-03-31)"``.
        valid_from: First day in force (``None``: since ever).
        valid_to: Last day in force (``None``: still in force).
        checked_on: The day the data were last checked against the sources.
        procedures: Procedure per declared matter.
        note: Remark shown with decisions under this version.
    """

    name: str
    valid_from: date | None = attrs.field(validator=_day)
    valid_to: date | None = attrs.field(validator=_day)
    checked_on: date = attrs.field(validator=_day)
    procedures: FrozenMap[DeclaredMatter, Procedure] = attrs.field(converter=_procedures)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        _deprecated("PackVersion", "a Layer with procedures=")

    def in_force(self, on: date) -> bool:
        """Whether the version is in force on ``on``."""
        after = self.valid_from is None or self.valid_from <= on
        return after and (self.valid_to is None or on <= self.valid_to)


@attrs.frozen(slots=True)
class Pack:
    """One jurisdiction outside the Chinese layer stack.

    Attributes:
        code: ISO-style code, e.g. ``"TW"``, ``"FR"``.
        name: Display name.
        versions: Its dated versions; at most one is in force on any day.
    """

    code: str
    name: str
    versions: tuple[PackVersion, ...]

    def __attrs_post_init__(self) -> None:
        _deprecated("Pack", "a Jurisdiction whose layers have procedures=")
        ordered = sorted(self.versions, key=lambda v: v.valid_from or date.min)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.valid_to is None or (later.valid_from or date.min) <= earlier.valid_to:
                raise InvalidRuleError(
                    f"pack {self.code}: versions {earlier.name!r} and {later.name!r} overlap",
                    field="versions",
                    value=later.name,
                )

    def version(self, on: date) -> PackVersion:
        """The version in force on ``on``.

        Raises:
            PackNotInForceError: none is.
        """
        for version in self.versions:
            if version.in_force(on):
                return version
        raise PackNotInForceError(
            f"no version of {self.code} is in force on {on}", code=self.code, on=on
        )

    def matters(self, on: date) -> tuple[DeclaredMatter, ...]:
        """The matters declared by the version in force on ``on``."""
        return tuple(self.version(on).procedures)

    def procedure(self, matter: DeclaredMatter | str, on: date) -> tuple[DeclaredMatter, Procedure]:
        """The declared matter and its procedure on ``on``.

        Args:
            matter: A declared matter or its code, e.g. ``"art-25"``.
            on: The day of the vote.

        Raises:
            UnknownMatterError: the version in force does not declare ``matter``.
            PackNotInForceError: no version is in force on ``on``.
        """
        version = self.version(on)
        by_code = {declared.code: declared for declared in version.procedures}
        key = matter.code if isinstance(matter, DeclaredMatter) else matter
        declared = by_code.get(key) if isinstance(key, str) else None
        if declared is None or (isinstance(matter, DeclaredMatter) and matter != declared):
            raise UnknownMatterError(
                f"{self.code} on {on} does not declare the matter {matter!r}; it declares "
                f"{', '.join(by_code)}",
                code=self.code,
                matter=matter,
                known=tuple(by_code),
            )
        return declared, version.procedures[declared]


@attrs.frozen(slots=True)
class PackRegistry:
    """The registered packs, by code.

    Attributes:
        packs: The packs; codes are unique.
    """

    packs: tuple[Pack, ...]

    def __attrs_post_init__(self) -> None:
        _deprecated("PackRegistry", "Registry and rules_for(code, on=day).procedure(matter)")
        codes = [pack.code for pack in self.packs]
        if len(set(codes)) != len(codes):
            raise InvalidRuleError(
                f"pack codes must be unique: {codes}", field="packs", value=codes
            )

    @property
    def codes(self) -> tuple[str, ...]:
        """The registered codes, sorted."""
        return tuple(sorted(pack.code for pack in self.packs))

    def with_pack(self, pack: Pack) -> PackRegistry:
        """A registry with ``pack`` added (the others are unchanged)."""
        return PackRegistry((*self.packs, pack))

    def pack(self, code: str) -> Pack:
        """The pack registered under ``code``.

        Raises:
            UnknownJurisdictionError: no pack has that code.
        """
        for pack in self.packs:
            if pack.code == code:
                return pack
        raise UnknownJurisdictionError(
            f"no jurisdiction pack {code!r}; known: {', '.join(self.codes)}",
            code=code,
            known=self.codes,
        )

    def procedure(
        self, code: str, matter: DeclaredMatter | str, *, on: date
    ) -> tuple[PackVersion, DeclaredMatter, Procedure]:
        """The version, declared matter and procedure for ``matter`` in ``code`` on ``on``.

        Raises:
            RuleSetInputError: ``on`` is not a date.
            UnknownJurisdictionError: ``code`` is not registered.
            UnknownMatterError: the jurisdiction does not declare ``matter`` on ``on``.
            PackNotInForceError: no version of the pack is in force on ``on``.
        """
        if isinstance(on, datetime) or not isinstance(on, date):
            raise RuleSetInputError(f"on must be a datetime.date, not {on!r}", field="on", value=on)
        pack = self.pack(code)
        declared, procedure = pack.procedure(matter, on)
        return pack.version(on), declared, procedure


def pack_of(jurisdiction: Jurisdiction) -> Pack:
    """The deprecated `Pack` view of a jurisdiction: one version per layer with procedures.

    Args:
        jurisdiction: A jurisdiction whose layers declare procedures.

    Returns:
        The `Pack`; one DeprecationWarning is issued.
    """
    _deprecated(f"the Pack view of {jurisdiction.code}", f"the Jurisdiction {jurisdiction.code}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _pack_of(jurisdiction)


def _pack_of(jurisdiction: Jurisdiction) -> Pack:
    versions = tuple(
        PackVersion(
            layer.name,
            layer.valid_from,
            layer.valid_to,
            layer.checked_on or jurisdiction.checked_on,
            layer.procedures,
            layer.note,
        )
        for layer in jurisdiction.layers
        if layer.procedures
    )
    return Pack(jurisdiction.code, jurisdiction.name, versions)
