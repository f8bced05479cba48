"""Strategies for registers: exact areas, owners, units and whole estates.

Two estate strategies: [estates][community_governance.strategies.estates] draws small,
irregular registers (overlapping owner sets, fractions of a square metre) that shrink well;
[realistic_estates][community_governance.strategies.realistic_estates] draws registers of
realistic size, up to thousands of units, built from a few blocks of equal units (single
owners, multi-unit owners, co-owned units, the developer's unsold and sold-undelivered stock),
so that generation stays fast and head counts and areas land on round figures such as 300
persons, where a threshold's bound is a whole number.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from community_governance.register._model import (
    CivilCapacity,
    Owner,
    OwnerKind,
    Unit,
    UnitStatus,
    UnitUse,
)
from community_governance.register.counting import CountingPolicy, OverlapPolicy
from community_governance.register.estate import Estate

__all__ = ["estates", "exact_areas", "owners", "realistic_estates", "units"]

_OWNER_IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=3).map(
    lambda text: f"owner-{text}"
)


def exact_areas(
    *,
    min_value: Decimal = Decimal("0.01"),
    max_value: Decimal = Decimal("500.00"),
    fractions: bool = True,
) -> st.SearchStrategy[Decimal | Fraction]:
    """Positive exact areas: decimals with two places and, optionally, fractions such as 1/3.

    Args:
        min_value: Smallest area (at least ``0.01``).
        max_value: Largest area.
        fractions: Also generate `Fraction` values that are not finite decimals.

    Returns:
        A strategy of `Decimal` (two places, e.g. ``Decimal("89.37")``) and `Fraction` values.
    """
    low = max(int(min_value * 100), 1)
    high = max(int(max_value * 100), low)
    decimals: st.SearchStrategy[Decimal | Fraction] = st.integers(low, high).map(
        lambda cents: Decimal(cents).scaleb(-2)
    )
    if not fractions:
        return decimals

    def over(denominator: int) -> st.SearchStrategy[Decimal | Fraction]:
        first = -(-low * denominator // 100)
        last = max(first, high * denominator // 100)
        return st.integers(first, last).map(lambda numerator: Fraction(numerator, denominator))

    thirds = st.sampled_from((3, 6, 7, 9, 11, 12)).flatmap(over)
    return st.one_of(decimals, thirds)


# --------------------------------------------------------------------------- register


def owners(
    *,
    ids: st.SearchStrategy[str] = _OWNER_IDS,
    kinds: Sequence[OwnerKind] = (OwnerKind.PERSON, OwnerKind.ORGANISATION),
) -> st.SearchStrategy[Owner]:
    """Valid owners.

    Args:
        ids: Strategy for owner ids (non-empty strings).
        kinds: Owner kinds to draw from (add ``OwnerKind.DEVELOPER`` for developers).

    Returns:
        A strategy of [Owner][community_governance.Owner].
    """
    return st.builds(
        Owner,
        id=ids,
        kind=st.sampled_from(tuple(kinds)),
        capacity=st.sampled_from(tuple(CivilCapacity)),
        name=st.text(max_size=5),
    )


def units(
    owner_ids: Sequence[str],
    *,
    unit_ids: st.SearchStrategy[str] | None = None,
    areas: st.SearchStrategy[Decimal | Fraction] | None = None,
    statuses: Sequence[UnitStatus] = (UnitStatus.DELIVERED, UnitStatus.SOLD_UNDELIVERED),
    max_co_owners: int = 3,
) -> st.SearchStrategy[Unit]:
    """Valid units held by one or more of ``owner_ids``.

    ``UNSOLD`` is not drawn by default since an unsold unit must belong to a developer; pass it
    in ``statuses`` only when every id in ``owner_ids`` is a developer's.

    Args:
        owner_ids: Ids the units' owners are drawn from (at least one).
        unit_ids: Strategy for unit ids; defaults to ids like ``"2-1403"``.
        areas: Strategy for areas; defaults to
            [exact_areas][community_governance.strategies.exact_areas].
        statuses: Sales statuses to draw from.
        max_co_owners: Largest number of co-owners of one unit.

    Returns:
        A strategy of [Unit][community_governance.Unit].
    """
    ids = unit_ids or st.builds(
        lambda building, floor, door: f"{building}-{floor}{door:02d}",
        st.integers(1, 9),
        st.integers(1, 30),
        st.integers(1, 8),
    )
    return st.builds(
        Unit,
        id=ids,
        area=areas or exact_areas(),
        owners=st.lists(
            st.sampled_from(tuple(owner_ids)),
            min_size=1,
            max_size=max(1, min(max_co_owners, len(owner_ids))),
            unique=True,
        ),
        status=st.sampled_from(tuple(statuses)),
        use=st.sampled_from(tuple(UnitUse)),
    )


@st.composite
def estates(
    draw: st.DrawFn,
    min_units: int = 1,
    max_units: int = 12,
    *,
    developer: bool = True,
    developer_entities: int = 1,
    overlapping: bool = True,
    fractions: bool = True,
    counting: CountingPolicy | None = None,
) -> Estate:
    """Valid registers mixing the cases SPC interpretation Art. 9 distinguishes.

    Units are held by single owners, by co-owners, by owners of several units, and (with
    ``developer``) by the developer: unsold units, and sold-but-undelivered units held by the
    developer or by a buyer. Owner sets may overlap (Li alone and Li with Wang) unless
    ``overlapping`` is false, in which case any two owner sets are equal or disjoint.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        min_units: Fewest units (at least 1).
        max_units: Most units.
        developer: Include developer units.
        developer_entities: How many developer entities (e.g. a developer and its exclusive
            sales agent) may share the developer's units; 2 or more exercises the
            "several developer entities" notice.
        overlapping: Allow owner sets that overlap without being equal.
        fractions: Allow areas that are fractions such as 1/3, not only 2-place decimals.
        counting: The counting policy; drawn from both overlap policies when ``None``.

    Returns:
        A strategy of valid [Estate][community_governance.Estate] values.
    """
    low, high = max(min_units, 1), max(max_units, min_units, 1)
    # half the draws from the upper half of the range, so that most estates have several persons
    count = draw(st.integers(low, high) | st.integers(max(low, high // 2), high))
    people = [f"P{number}" for number in range(draw(st.integers(max(1, count // 2), count)))]
    developers = [f"Dev{number}" for number in range(max(1, developer_entities))]
    # Disjoint owner sets (singles and co-owner pairs); overlaps add the pairs' members alone
    # and arbitrary subsets.
    sets: list[tuple[str, ...]] = []
    position = 0
    while position < len(people):
        size = draw(st.integers(1, 2))
        sets.append(tuple(people[position : position + size]))
        position += size
    if overlapping:
        sets.extend((person,) for group in sets if len(group) > 1 for person in group)
    area_strategy = exact_areas(fractions=fractions)
    rows: list[dict[str, object]] = []
    used: set[str] = set()
    for position in range(count):
        kind = draw(
            st.sampled_from(("owned", "unsold", "undelivered") if developer else ("owned",))
        )
        status = UnitStatus.DELIVERED
        if kind == "unsold":
            holders: tuple[str, ...] = (draw(st.sampled_from(developers)),)
            status = UnitStatus.UNSOLD
        else:
            if overlapping and len(people) > 2 and draw(st.integers(0, 3)) == 0:
                holders = tuple(
                    draw(st.lists(st.sampled_from(people), min_size=1, max_size=3, unique=True))
                )
            else:
                holders = draw(st.sampled_from(sets))
            if kind == "undelivered":
                status = UnitStatus.SOLD_UNDELIVERED
                if draw(st.booleans()):
                    holders = (draw(st.sampled_from(developers)),)
        used.update(holders)
        rows.append(
            {
                "unit": f"{position % 4 + 1}-{101 + position}",
                "area": draw(area_strategy),
                "owners": list(holders),
                "status": status.value,
            }
        )
    declared = [Owner(dev, OwnerKind.DEVELOPER) for dev in developers if dev in used]
    policy = counting or CountingPolicy(draw(st.sampled_from(tuple(OverlapPolicy))))
    return Estate.from_records(rows, owners=declared, counting=policy)


#: Block sizes: small counts and round ones (12, 60, 300...) where 1/2, 2/3 and 3/4 of the
#: head count are whole numbers.
_BULK_SIZES = st.sampled_from((60, 300, 120, 12, 1200, 30, 600, 24, 240, 90))
_BLOCK_SIZES = st.sampled_from((12, 60, 30, 300, 6, 120, 1200, 24, 2, 90, 600, 240, 3, 1, 9, 4))
_BLOCK_KINDS = ("single", "multi", "co-owned", "unsold", "undelivered", "bought-undelivered")


@st.composite
def realistic_estates(
    draw: st.DrawFn,
    min_units: int = 1,
    max_units: int = 2000,
    *,
    developer: bool = True,
    max_blocks: int = 5,
    counting: CountingPolicy | None = None,
) -> Estate:
    """Registers of realistic size, built from a few blocks of equal units.

    Each block is a number of units of one kind, with one to three flat types (equal areas in
    turn, as in most buildings): single owners; owners of 2–4 units each (one person per
    owner, SPC interpretation Art. 9); units co-owned by two owners (one person each); and,
    with ``developer``, the developer's unsold units and sold-undelivered units held by the
    developer or by a buyer (all the developer's units together are one person, SPC
    interpretation Art. 9). The first block holds the bulk of the estate (12 to 1200 private
    owners' units). Block sizes are round (12, 60, 300, 1200) or small, so that head counts and
    areas often put a threshold's bound on a whole person or square metre. Few values are drawn
    per estate, so thousands of units stay fast.

    Args:
        draw: Supplied by hypothesis (callers omit it).
        min_units: Fewest units (at least 1).
        max_units: Most units.
        developer: Include developer blocks.
        max_blocks: Most blocks (at least 1).
        counting: The counting policy (default `CountingPolicy()`).

    Returns:
        A strategy of valid [Estate][community_governance.Estate] values.
    """
    low = max(min_units, 1)
    high = max(max_units, low)
    kinds = _BLOCK_KINDS if developer else _BLOCK_KINDS[:3]
    # the bulk of the estate first (flats of private owners), then smaller blocks of any kind
    areas = st.lists(exact_areas(fractions=False), min_size=1, max_size=3).map(tuple)
    bulk = st.tuples(st.sampled_from(kinds[:3]), _BULK_SIZES, areas)
    more = st.tuples(st.sampled_from(kinds), _BLOCK_SIZES, areas)
    blocks = [draw(bulk), *draw(st.lists(more, max_size=max(0, max_blocks - 1)))]
    rows: list[dict[str, object]] = []
    multi = draw(st.integers(2, 4))
    for number, (kind, size, block_areas) in enumerate(blocks, start=1):
        room = high - len(rows)
        if room <= 0:
            break
        rows.extend(_block(number, kind, min(size, room), block_areas, multi))
    if len(rows) < low:  # the drawn blocks are fewer units than asked for: top up
        rows.extend(_block(0, "single", low - len(rows), (Decimal("90.00"),), multi))
    developers = [Owner("Dev", OwnerKind.DEVELOPER)] if developer else []
    used = any(row["owners"] == ["Dev"] for row in rows)
    return Estate.from_records(
        rows, owners=developers if used else [], counting=counting or CountingPolicy()
    )


def _block(
    number: int, kind: str, size: int, areas: tuple[Decimal | Fraction, ...], multi: int
) -> list[dict[str, object]]:
    """``size`` rows of one kind, areas in turn; unit ids ``"<block>-<n>"``, owners per kind."""
    rows: list[dict[str, object]] = []
    for n in range(size):
        status = UnitStatus.DELIVERED
        if kind == "multi":
            holders = [f"M{number}-{n // multi}"]
        elif kind == "co-owned":
            holders = [f"C{number}-{n}a", f"C{number}-{n}b"]
        elif kind == "unsold":
            holders, status = ["Dev"], UnitStatus.UNSOLD
        elif kind == "undelivered":
            holders, status = ["Dev"], UnitStatus.SOLD_UNDELIVERED
        elif kind == "bought-undelivered":
            holders, status = [f"B{number}-{n}"], UnitStatus.SOLD_UNDELIVERED
        else:
            holders = [f"S{number}-{n}"]
        rows.append(
            {
                "unit": f"{number}-{n + 1}",
                "area": areas[n % len(areas)],
                "owners": holders,
                "status": status,
            }
        )
    return rows
