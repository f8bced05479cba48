"""The ballot pre-scan and the announced-figure converters shared by the audits (private)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar

import attrs

from community_governance._base.exact import Exact, exact
from community_governance.audit.attribution import non_voters, repeated
from community_governance.audit.findings import Cause
from community_governance.exceptions import AuditError, AuditInputError, InvalidAreaError
from community_governance.register.estate import Estate

B = TypeVar("B")


def optional_area(value: object) -> Exact | None:
    """Converter: ``None`` or an exact area (zero allowed; floats refused)."""
    if value is None:
        return None
    try:
        return exact(value, what="announced area")
    except InvalidAreaError:
        try:
            zero = Decimal(str(value)) == 0
        except InvalidOperation:
            zero = False
        if zero:
            return Decimal(0)
        raise


def optional_count(value: object, *, field: str = "count", what: str = "count") -> int | None:
    """Converter: ``None`` or a whole count ≥ 0 (errors name ``field``, the text ``what``)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise AuditInputError(
            f"announced {what} {value!r} must be a whole number ≥ 0 (an int)",
            field=field,
            value=value,
        )
    if value < 0:
        raise AuditError(
            f"announced {what} {value!r} must be a whole number ≥ 0", field=field, value=value
        )
    return value


def optional_unfilled(value: object) -> int | None:
    """Converter: ``None`` or the announced seats left unfilled (a whole number ≥ 0)."""
    return optional_count(value, field="unfilled", what="unfilled seats")


def optional_spoiled(value: object) -> int | None:
    """Converter: ``None`` or the announced persons with spoiled ballots (whole, ≥ 0)."""
    return optional_count(value, field="spoiled_heads", what="spoiled ballots")


def optional_flag(value: object) -> bool | None:
    """Converter: ``None``, ``True`` or ``False`` (a string is not a boolean)."""
    if value is None or isinstance(value, bool):
        return value
    raise AuditError(
        f"announced result {value!r} must be True, False or None", field="passed", value=value
    )


def optional_names(value: object, *, field: str = "elected") -> tuple[str, ...] | None:
    """Converter: ``None`` or a list of candidate ids (a single string is not a list).

    Errors name ``field`` (``"elected"``, ``"alternates"``), or ``"candidate"`` for an item that
    is not a candidate id.
    """
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AuditError(
            f"announced {field} {value!r} must be a list of candidate ids",
            field=field,
            value=value,
        )
    items = tuple(value)
    for item in items:
        candidate_id(item)
    return items


def optional_alternates(value: object) -> tuple[str, ...] | None:
    """Converter: ``None`` or the announced alternates, in their announced order."""
    return optional_names(value, field="alternates")


def candidate_id(value: object) -> str:
    """Validator: a candidate id is a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise AuditError(
            f"candidate id {value!r} must be a non-empty string", field="candidate", value=value
        )
    return value


@attrs.frozen(slots=True)
class Scan(Generic[B]):
    """What the pre-scan kept and found.

    Attributes:
        usable: The ballots a recount can use.
        irregular: Irregularities of the ballots, one cause each.
        evidence: Each cause a per-unit count would add ballots for, with those ballots, in
            the order differences are attributed: a multi-unit person's ballots after the
            first, a unit's further ballots, the ballots outside the register.
    """

    usable: tuple[B, ...]
    irregular: tuple[Cause, ...]
    evidence: tuple[tuple[Cause, tuple[B, ...]], ...]


def prescan(
    estate: Estate,
    ballots: Iterable[B],
    unit_of: Callable[[B], str],
    same: Callable[[B, B], bool],
    spoil: Callable[[B], B],
) -> Scan[B]:
    """Keep the ballots a recount can use; report the rest.

    Ballots outside the register are left out; a unit's further ballots are left out (the
    first counts); ballots of one person that differ are all turned into spoiled ballots. Each
    case is reported once, naming the units and the person.
    """
    kept: dict[str, B] = {}
    outside: dict[str, list[B]] = {}
    extra: dict[str, list[B]] = {}
    index = estate.person_index.positions
    for ballot in ballots:
        unit = unit_of(ballot)
        if unit not in index:
            outside.setdefault(unit, []).append(ballot)
        elif unit in kept:
            extra.setdefault(unit, []).append(ballot)
        else:
            kept[unit] = ballot
    outside_evidence = [(_outside(u, len(items)), tuple(items)) for u, items in outside.items()]
    extra_evidence = [
        (_extra(unit, estate.person_of(unit).label, len(items)), tuple(items))
        for unit, items in extra.items()
    ]
    found = [cause for cause, _ in [*outside_evidence, *extra_evidence]]
    evidence: list[tuple[Cause, tuple[B, ...]]] = []
    by_person: dict[int, list[str]] = {}
    person_of = estate.person_index.person_of
    for unit in kept:
        by_person.setdefault(person_of[index[unit]], []).append(unit)
    for person, units in by_person.items():
        label = estate.persons[person].label
        first = kept[units[0]]
        if any(not same(first, kept[u]) for u in units[1:]):
            for u in units:
                kept[u] = spoil(kept[u])
            found.append(_conflicting(label, units))
        if len(units) > 1:
            evidence.append((repeated(label, units), tuple(kept[u] for u in units[1:])))
    evidence += extra_evidence + outside_evidence
    return Scan(tuple(kept.values()), tuple(found), tuple(evidence))


def _outside(unit: str, count: int) -> Cause:
    ballots, ballots_zh = (
        ("the ballot", "选票") if count == 1 else (f"the {count} ballots", f"{count}张选票")
    )
    return Cause(
        "ballot-outside-register",
        (),
        (unit,),
        f"{ballots} for unit {unit}, outside the register, not counted",
        f"不在业主名册中的专有部分{unit}的{ballots_zh}（未计入）",
        count=count,
    )


def _extra(unit: str, label: str, count: int) -> Cause:
    if count == 1:
        en, zh = "the second ballot", "第二张选票"
    else:
        en, zh = f"the {count} further ballots", f"多出的{count}张选票"
    return Cause(
        "duplicate-ballot",
        (label,),
        (unit,),
        f"{en} of unit {unit} ({label}), not counted",
        f"专有部分{unit}（{label}）的{zh}（未计入）",
        count=count,
    )


def _conflicting(label: str, units: Sequence[str]) -> Cause:
    return Cause(
        "conflicting-ballots",
        (label,),
        units,
        f"the ballots of {label} (units {', '.join(units)}) differ; they were recounted as spoiled",
        f"{label}的多张选票（专有部分{'、'.join(units)}）不一致，按废票重新计算",
    )


def rebuilt(cause: Cause, not_voting: int) -> Cause | None:
    """The cause as the audit would write it for its persons and units (``None``: unknown).

    Used on load to refuse a cause whose text or citation was changed.
    """
    label = "".join(cause.persons[:1])
    unit = "".join(cause.units[:1])
    makers: dict[str, Callable[[], Cause]] = {
        "persons-counted-more-than-once": lambda: repeated(label, cause.units),
        "non-voters-counted": lambda: non_voters(not_voting),
        "ballot-outside-register": lambda: _outside(unit, cause.count),
        "duplicate-ballot": lambda: _extra(unit, label, cause.count),
        "conflicting-ballots": lambda: _conflicting(label, cause.units),
    }
    maker = makers.get(cause.code)
    return None if maker is None else maker()
