"""Rules on bodies: committee sizes and the make-up of preparatory and re-election groups."""

from __future__ import annotations

import math
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.lang import language
from community_governance.exceptions import InvalidRuleError
from community_governance.rules.thresholds import parse_ratio

__all__ = [
    "GroupKind",
    "GroupRole",
    "GroupRule",
    "MeetingQuorum",
    "SizeBand",
    "SizeBands",
    "SizeCount",
    "SizeRule",
]


def _positive(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidRuleError(
            f"{name} must be a positive int, not {value!r}", field=name, value=value
        )


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None or attribute.name != "up_to":
        _positive(attribute.name, value)


@attrs.frozen(slots=True)
class SizeBand:
    """A committee's minimum size for estates up to a number of flats.

    Attributes:
        up_to: The band covers estates of this many flats or fewer (``None``: any larger).
        minimum: The least number of members (≥).
        citation: The provision, with its confidence.
    """

    up_to: int | None = attrs.field(validator=_count)
    minimum: int = attrs.field(validator=_count)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


def _bands(value: object) -> tuple[SizeBand, ...]:
    bands = tuple(value) if isinstance(value, tuple | list) else ()
    limits = [band.up_to for band in bands if isinstance(band, SizeBand)]
    ordered = [limit for limit in limits if limit is not None]
    if (
        not bands
        or len(limits) != len(bands)
        or ordered != sorted(set(ordered))
        or limits[-1] is not None
        or None in limits[:-1]
    ):
        raise InvalidRuleError(
            "size bands are SizeBand values by increasing up_to, the last with up_to=None, "
            f"not {value!r:.80}",
            field="bands",
            value=value,
        )
    return bands


class SizeCount(Enum):
    """What the bands of a committee size rule count, read from the register when not given.

    Attributes:
        FLATS: The register's units other than parking (a garage, carpark or carport is not a
            flat: Building Management Ordinance (Hong Kong) Cap. 344 Sch. 2 para. 1A).
        HOUSEHOLDS: The register's residential units.
    """

    FLATS = "flats"
    HOUSEHOLDS = "households"

    def label(self, lang: str = "en") -> str:
        """The counted things: ``"flats"`` / ``"个单位"``, ``"households"`` / ``"户"``."""
        lang = language(lang)
        if lang == "zh":
            return "个单位" if self is SizeCount.FLATS else "户"
        return self.value


def _size_count(value: object) -> SizeCount:
    return parse_enum(SizeCount, value, what="size band count")


@attrs.frozen(slots=True)
class SizeBands:
    """Minimum committee sizes by a count of the estate (by default its flats).

    For example Building Management Ordinance (Hong Kong) Cap. 344 Sch. 2: at least 3
    members for 50 flats or fewer, 9 above 100 (7 for 51-100 is unconfirmed). A rule set
    supplies them as its election parameter ``rules.elections.committee_size_bands``, which
    [check_committee_size][community_governance.elections.check_committee_size] and
    `elections.elect` apply.

    Attributes:
        bands: The bands by increasing ``up_to``; the last covers any larger estate.
        counts: What ``up_to`` counts (`SizeCount.FLATS` by default).
    """

    bands: tuple[SizeBand, ...] = attrs.field(converter=_bands)
    counts: SizeCount = attrs.field(default=SizeCount.FLATS, converter=_size_count)

    def lower(self, band: SizeBand) -> int:
        """The smallest count ``band`` covers (one more than the band below, or 1)."""
        at = self.bands.index(band)
        below = self.bands[at - 1].up_to if at else 0
        return (below or 0) + 1

    def band(self, flats: int, *, include_unconfirmed: bool = False) -> SizeBand | None:
        """The band for an estate of ``flats`` flats, or ``None`` when that band is unconfirmed.

        Raises:
            InvalidRuleError: ``flats`` is not a positive int.
        """
        _positive("flats", flats)
        found = next(b for b in self.bands if b.up_to is None or flats <= b.up_to)
        return found if include_unconfirmed or found.citation.confirmed else None


@attrs.frozen(slots=True)
class MeetingQuorum:
    """A committee meeting's quorum: ``share`` of the members or ``at_least``, the greater.

    Attributes:
        share: Share of the members (≥).
        at_least: Absolute floor.
        citation: The provision.
    """

    share: Fraction = attrs.field(converter=parse_ratio)
    at_least: int = attrs.field(validator=_count)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))

    def required(self, members: int) -> int:
        """Members who must attend a meeting of a committee of ``members``.

        Raises:
            InvalidRuleError: ``members`` is not a positive int.
        """
        _positive("members", members)
        return max(math.ceil(self.share * members), self.at_least)


@attrs.frozen(slots=True)
class SizeRule:
    """How many members a committee may have.

    Attributes:
        minimum: Smallest ordinary size.
        maximum: Largest size (``None``: no maximum).
        odd: Whether the size must be odd.
        citation: The article.
        small_size: A smaller size allowed for small estates (``None``: none).
        small_max_area: The small size is allowed at this total area (m²) or less.
        small_max_households: The small size is allowed at this many households or fewer.
        alternates_at_most_members: Alternates may not outnumber members (Beijing Art. 39).
    """

    minimum: int
    maximum: int | None
    odd: bool
    citation: Citation
    small_size: int | None = None
    small_max_area: Decimal | None = None
    small_max_households: int | None = None
    alternates_at_most_members: bool = False


class GroupRole(Enum):
    """Whom a group member represents."""

    OWNER_REPRESENTATIVE = "owner-representative"
    STREET_OFFICE = "street-office"
    RESIDENTS_COMMITTEE = "residents-committee"
    DEVELOPER = "developer"
    PARTY_ORGANISATION = "party-organisation"
    PROPERTY_COMPANY = "property-company"
    OTHER = "other"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang != "zh":
            return self.value.replace("-", " ")
        return {
            "owner-representative": "业主代表",
            "street-office": "街道办事处或乡镇人民政府代表",
            "residents-committee": "居民委员会代表",
            "developer": "建设单位代表",
            "party-organisation": "社区党组织代表",
            "property-company": "物业服务人代表",
            "other": "其他",
        }[self.value]


class GroupKind(Enum):
    """Preparatory group for a first assembly, or re-election group at the end of a term."""

    PREPARATORY = "preparatory_group"
    RE_ELECTION = "re_election_group"


@attrs.frozen(slots=True)
class GroupRule:
    """The make-up a group must have.

    Attributes:
        required: Roles that must each have at least one member.
        leader: The role the leader must have (``None``: not regulated).
        odd: Whether the size must be odd.
        owners_at_least: Owners' representatives must be at least this share of members.
        citation: The article.
    """

    required: tuple[GroupRole, ...]
    leader: GroupRole | None
    odd: bool
    owners_at_least: Fraction
    citation: Citation
