"""Rules on bodies: committee sizes and the make-up of preparatory and re-election groups."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation

__all__ = ["GroupKind", "GroupRole", "GroupRule", "SizeRule"]


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
