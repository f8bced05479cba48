"""Counting persons: SPC interpretation Arts. 8–9 as code, with the choices the law leaves open.

Rules (法释〔2009〕7号, 2020 text, Art. 9, confirmed):

* one exclusive part counts as one person;
* the developer's unsold parts **and** its sold-but-undelivered parts together count as one
  person;
* a buyer holding several exclusive parts counts as one person.

Rules the SPC text does not state, and what the library does:

* **A co-owned part is one person** (Guidance Rules 2009 Art. 25, medium confidence; the
  Beijing e-voting app and a Fuzhou guideline do the same).
* **Overlapping owner sets.** When Li owns 1-101 alone and 1-102 together with Wang, is the
  holder of 1-102 the same person as Li? The default, `OverlapPolicy.SEPARATE`, treats a
  distinct *set* of owners as a distinct legal holder ("Li" and "Li and Wang jointly"), so Li's
  own flats form one person and the co-owned flat another. `OverlapPolicy.MERGE` joins every
  unit reachable through a shared owner into one person (the most conservative head count).
  Either way the overlap is reported in every result that uses the grouping.
* **Several developer entities** (e.g. a developer and its exclusive sales agent, SPC interp.
  Art. 17) are counted together as the one developer person, and that is reported too.
* **A developer's delivered units** (units it holds after delivery, e.g. kept for rent) count in
  the same developer person, by the same logic as a multi-unit buyer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.enums import parse_enum
from community_governance._base.exact import Exact

__all__ = ["CountingPolicy", "CountingReason", "OverlapPolicy", "Person", "PersonIndex"]

SPC_ART_9 = Citation(
    "spc_building_ownership_interpretation", "9", text_version="2020", confidence=Confidence.HIGH
)
GUIDANCE_ART_25 = Citation(
    "guidance_rules_2009",
    "25",
    confidence=Confidence.MEDIUM,
    note="article number unconfirmed; Beijing and Fuzhou practice agree",
)
OVERLAP_DESIGN = Citation(
    "library_design",
    "counting.overlap",
    confidence=Confidence.MEDIUM,
    note="owner sets that overlap are not settled by SPC interpretation Art. 9",
)


class OverlapPolicy(Enum):
    """How to count units whose owner sets overlap without being equal.

    Attributes:
        SEPARATE: Each distinct set of owners is one person (default).
        MERGE: Units linked through any shared owner form one person.
    """

    SEPARATE = "separate"
    MERGE = "merge"


class CountingReason(Enum):
    """Why a group of units counts as one person.

    Attributes:
        SINGLE_UNIT: One exclusive part, one person (SPC interp. Art. 9).
        MULTI_UNIT_OWNER: One owner (or one set of co-owners) holding several parts.
        CO_OWNED: One part held by several co-owners (Guidance Rules Art. 25).
        DEVELOPER: The developer's unsold and sold-undelivered parts together.
        MERGED_OVERLAP: Units joined through overlapping owner sets under ``MERGE``.
    """

    SINGLE_UNIT = "single-unit"
    MULTI_UNIT_OWNER = "multi-unit-owner"
    CO_OWNED = "co-owned"
    DEVELOPER = "developer"
    MERGED_OVERLAP = "merged-overlap"

    @property
    def citation(self) -> Citation:
        """The source of this counting rule."""
        if self is CountingReason.CO_OWNED:
            return GUIDANCE_ART_25
        if self is CountingReason.MERGED_OVERLAP:
            return OVERLAP_DESIGN
        return SPC_ART_9


def _overlap(value: object) -> OverlapPolicy:
    return parse_enum(OverlapPolicy, value, what="counting overlap")


@attrs.frozen(slots=True)
class CountingPolicy:
    """The declared choices for counting persons where the law is silent.

    Attributes:
        overlap: What to do with overlapping owner sets.
    """

    overlap: OverlapPolicy = attrs.field(default=OverlapPolicy.SEPARATE, converter=_overlap)


@attrs.frozen(slots=True)
class Person:
    """One counted person (按一人计算) and the units and area it holds.

    Attributes:
        index: Position among the estate's counted persons.
        label: Display label: the owner id, co-owners joined with ``+``, or ``developer``.
        owners: Owner ids behind this person.
        units: Unit ids counted as this person.
        area: Their total exclusive area.
        reason: Why these units count as one person.
    """

    index: int
    label: str
    owners: tuple[str, ...]
    units: tuple[str, ...]
    area: Exact
    reason: CountingReason

    @property
    def citation(self) -> Citation:
        """The source of the counting rule applied."""
        return self.reason.citation


@attrs.frozen(slots=True)
class PersonIndex:
    """The estate's grouping in compact integer form, for engines that count ballots.

    Built once with the estate and immutable (read-only views, tuples and read-only mappings).
    Person ``i`` is ``Estate.persons[i]``; areas are integers in units of ``1/scale`` m², so
    sums stay exact. The person of unit ``u`` is ``person_of[positions[u]]``.

    Attributes:
        positions: Unit id → its position in ``Estate.units``.
        person_of: Counted-person index of each unit, in the order of ``Estate.units`` (a
            read-only view of 4-byte integers, to keep large registers small).
        person_area: Per person, its exclusive area times ``scale`` (an exact integer).
        scale: Common denominator of all areas (least common multiple of their denominators).
        total_area: Sum of ``person_area`` (the estate's area times ``scale``).
        multi_unit: Person index → number of units, for persons holding more than one.
        unit_area: Per unit, its exclusive area times ``scale`` (an exact integer), in the
            order of ``Estate.units`` (read-only).
        counted: For a scope counted on its estate's numbering (`register.count_scope`):
            the persons inside the scope; ``None`` for an estate's own index.
        scope: For a scope: the positions of its units (a ballot for any other unit is
            outside the scope); ``None`` for an estate's own index.
    """

    positions: Mapping[str, int]
    person_of: Sequence[int]
    person_area: tuple[int, ...]
    scale: int
    total_area: int
    multi_unit: Mapping[int, int]
    unit_area: Sequence[int] = ()
    counted: int | None = None
    scope: frozenset[int] | None = None

    @property
    def heads(self) -> int:
        """Number of counted persons (SPC interpretation Art. 9)."""
        return len(self.person_area) if self.counted is None else self.counted
