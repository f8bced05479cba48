"""Owners and units: the value objects of the owners' register."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from community_governance._base.enums import parse_enum
from community_governance._base.exact import Exact, exact, is_exact_decimal
from community_governance._base.serial import dump, load
from community_governance.exceptions import InvalidRecordError

__all__ = [
    "AreaSource",
    "CivilCapacity",
    "Owner",
    "OwnerKind",
    "Unit",
    "UnitStatus",
    "UnitUse",
]


class OwnerKind(Enum):
    """What kind of legal subject an owner is.

    Attributes:
        PERSON: A natural person.
        ORGANISATION: A legal person or other organisation that bought units.
        DEVELOPER: The developer (建设单位), including an exclusive sales agent (包销人) selling
            the stock in its own name (SPC interpretation Art. 17).
    """

    PERSON = "person"
    ORGANISATION = "organisation"
    DEVELOPER = "developer"


class CivilCapacity(Enum):
    """An owner's capacity for civil conduct (民事行为能力); ``UNKNOWN`` stays unknown."""

    FULL = "full"
    LIMITED = "limited"
    NONE = "none"
    UNKNOWN = "unknown"


class AreaSource(Enum):
    """Where a unit's exclusive area comes from (SPC interpretation Art. 8, in this order).

    Attributes:
        REGISTER: The real-estate register (不动产登记簿).
        SURVEY: A survey agency's measured area (实测面积), for unregistered units.
        CONTRACT: The sales contract, for units neither registered nor surveyed.
    """

    REGISTER = "register"
    SURVEY = "survey"
    CONTRACT = "contract"


class UnitStatus(Enum):
    """Sales status of an exclusive part, which decides how it is counted (SPC interp. Art. 9).

    Attributes:
        DELIVERED: Sold and delivered; held by its buyer.
        SOLD_UNDELIVERED: Sold but not yet delivered; counted with the developer.
        UNSOLD: Still the developer's; counted with the developer.
    """

    DELIVERED = "delivered"
    SOLD_UNDELIVERED = "sold-undelivered"
    UNSOLD = "unsold"

    @property
    def developer_held(self) -> bool:
        """Whether SPC interpretation Art. 9 counts the unit with the developer."""
        return self is not UnitStatus.DELIVERED


class UnitUse(Enum):
    """What an exclusive part is used for."""

    RESIDENTIAL = "residential"
    COMMERCIAL = "commercial"
    PARKING = "parking"
    STORAGE = "storage"
    OTHER = "other"


# Each converter returns a member as it is (the common case, no call) and parses anything else.


def _to_kind(value: object) -> OwnerKind:
    if type(value) is OwnerKind:
        return value
    return parse_enum(OwnerKind, value, what="owner kind")


def _to_capacity(value: object) -> CivilCapacity:
    if type(value) is CivilCapacity:
        return value
    return parse_enum(CivilCapacity, value, what="civil capacity")


def _to_area_source(value: object) -> AreaSource:
    if type(value) is AreaSource:
        return value
    return parse_enum(AreaSource, value, what="area source")


def _to_status(value: object) -> UnitStatus:
    if type(value) is UnitStatus:
        return value
    return parse_enum(UnitStatus, value, what="unit status")


def _to_use(value: object) -> UnitUse:
    if type(value) is UnitUse:
        return value
    return parse_enum(UnitUse, value, what="unit use")


def _require_text(what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not (type(value) is str or isinstance(value, str)) or not value.strip():
            raise InvalidRecordError(
                f"{what}: {attribute.name} must be a non-empty string, not {value!r}",
                row=None,
                field=attribute.name,
                value=value,
            )

    return check


@attrs.frozen(slots=True, weakref_slot=False)
class Owner:
    """An owner (业主) on the register.

    Attributes:
        id: Unique identifier within the estate.
        kind: Person, organisation or developer.
        capacity: Civil capacity, if known.
        name: Display name (defaults to the id).
    """

    id: str = attrs.field(validator=_require_text("owner"))
    kind: OwnerKind = attrs.field(
        default=OwnerKind.PERSON,
        converter=_to_kind,
    )
    capacity: CivilCapacity = attrs.field(
        default=CivilCapacity.UNKNOWN,
        converter=_to_capacity,
    )
    name: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.owner/1``."""
        return dump(self, "community_governance.owner/1")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Owner:
        """Rebuild an owner from [to_dict][community_governance.Owner.to_dict] output."""
        return load(cls, data, "community_governance.owner/1")


def _owners(value: object) -> tuple[str, ...]:
    kind = type(value)
    if kind is not list and kind is not tuple:  # the common cases pass straight through
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, tuple | list):
            raise InvalidRecordError(
                f"unit owners must be a list of owner ids, not {value!r}",
                row=None,
                field="owners",
                value=value,
            )
    return tuple(value)  # type: ignore[arg-type]  # a list or tuple by now


@attrs.frozen(slots=True, weakref_slot=False)
class Unit:
    """An exclusive part (专有部分): a flat, shop or registered parking space.

    Attributes:
        id: Unique identifier within the estate, e.g. ``"1-101"``.
        area: Exclusive area in m², exact (``Decimal`` or ``Fraction``; a float is refused).
        owners: Ids of its owners; several ids mean a co-owned unit (one counted person).
        building: Building label; defaults to the part of ``id`` before the first ``-``.
        area_source: Register, survey or contract (SPC interpretation Art. 8).
        status: Delivered, sold-undelivered or unsold (SPC interpretation Art. 9).
        use: Residential, commercial, parking, storage or other.
        shares: The unit's voting share where a regime weighs votes by something other than
            area, exact and positive: tantièmes (loi 65-557 (France) Art. 22), shares under a
            deed of mutual covenant (Building Management Ordinance (Hong Kong) Cap. 344 s.3), a
            share value; ``None`` when not given (engines that need it then refuse the estate).
    """

    id: str = attrs.field(validator=_require_text("unit"))
    area: Exact = attrs.field()
    owners: tuple[str, ...] = attrs.field(converter=_owners)
    building: str = attrs.field(default="")
    area_source: AreaSource = attrs.field(
        default=AreaSource.REGISTER,
        converter=_to_area_source,
    )
    status: UnitStatus = attrs.field(
        default=UnitStatus.DELIVERED,
        converter=_to_status,
    )
    use: UnitUse = attrs.field(
        default=UnitUse.RESIDENTIAL,
        converter=_to_use,
    )
    shares: Exact | None = None

    def __attrs_post_init__(self) -> None:
        area = self.area
        if not is_exact_decimal(area):  # an exact Decimal is kept as it is, as `exact` would
            object.__setattr__(self, "area", exact(area, what=f"area of unit {self.id}"))
        if self.shares is not None:
            shares = exact(self.shares, what=f"shares of unit {self.id}")  # positive, bounded
            object.__setattr__(self, "shares", shares)
        owners = self.owners
        if not owners:
            raise InvalidRecordError(
                f"unit {self.id} has no owners", row=None, field="owners", value=owners
            )
        for owner in owners:
            if not (type(owner) is str or isinstance(owner, str)) or not owner.strip():
                raise InvalidRecordError(
                    f"unit {self.id}: owner id {owner!r} must be a non-empty string",
                    row=None,
                    field="owners",
                    value=owner,
                )
        if len(owners) > 1 and len(set(owners)) != len(owners):
            raise InvalidRecordError(
                f"unit {self.id} lists an owner twice: {list(owners)}",
                row=None,
                field="owners",
                value=owners,
            )
        building = self.building
        if type(building) is not str and not isinstance(building, str):
            raise InvalidRecordError(
                f"unit {self.id}: building must be a string label, not {building!r:.80}",
                row=None,
                field="building",
                value=building,
            )
        if not building:
            object.__setattr__(self, "building", self.id.partition("-")[0])

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.unit/1``."""
        return dump(self, "community_governance.unit/1")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Unit:
        """Rebuild a unit from [to_dict][community_governance.Unit.to_dict] output."""
        return load(cls, data, "community_governance.unit/1")
