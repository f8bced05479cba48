"""`ElectOptions`: the declared options of an election, one frozen and validated value.

Kept apart from the inputs (register, ballots, candidates, seats, rule set, earlier round) so
that `elect` stays short and a set of options can be declared once and reused for every round.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from community_governance._base.enums import parse_enum
from community_governance.exceptions import CandidateError, ElectionInputError
from community_governance.rules.elections import BallotPolicy, TieBreak
from community_governance.rules.params import Param
from community_governance.rules.thresholds import Measure, ResolutionRule

__all__ = [
    "NO_POLICY",
    "NO_TIE_BREAK",
    "ElectOptions",
    "collection",
    "declared",
    "unit_ids",
    "whole",
]


T = TypeVar("T")

#: The tie policy when neither the caller nor the rule set gives one (its own citation).
NO_TIE_BREAK = TieBreak()
#: The handling of irregular ballots when neither the caller nor the rule set gives one.
NO_POLICY = BallotPolicy()


def declared(given: T | None, param: Param[T] | None, default: T) -> tuple[T, str]:
    """The policy that applies and its source: ``"given"``, the rule-set layer, ``"default"``.

    `elect` settles its tie-break and ballot policies with it, and
    `ElectionResult.from_dict(rules=...)` checks a stored policy the same way.
    """
    if given is not None:
        return given, "given"
    if param is not None:
        return param.value, param.layer or "rule set"
    return default, "default"


def whole(value: object, field: str, minimum: int) -> int:
    """``value`` as a whole number ≥ ``minimum`` (``bool`` refused).

    Raises:
        CandidateError: naming ``field`` and the value.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise CandidateError(
            f"{field} must be a whole number ≥ {minimum}, not {value!r}",
            what="election",
            field=field,
            value=value,
        )
    return value


def unit_ids(value: object, field: str) -> tuple[str, ...]:
    """A collection of ids as a tuple; a bare string is refused, not read letter by letter.

    Raises:
        ElectionInputError: ``value`` is a string, bytes or not a collection (names ``field``).
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ElectionInputError(
            f"{field} must be a collection of ids (a list, tuple or set), not {value!r}",
            what="election",
            field=field,
            value=value,
        )
    return tuple(value)


def collection(
    value: object, field: str, kind: type | tuple[type, ...], noun: str
) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` items; one string, a mapping or ``None`` is refused.

    A string is not read letter by letter (``PositiveList("p", "Zhang")`` is not five ids).

    Raises:
        ElectionInputError: ``value`` is not a collection, or an item is not a ``kind``
            (naming ``field`` and the value).
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ElectionInputError(
            f"{field} must be a collection of {noun} (a list, tuple or set), not {value!r:.80}",
            what="election",
            field=field,
            value=value,
        )
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise ElectionInputError(
                f"{field} holds {noun} only; {item!r:.80} is not one",
                what="election",
                field=field,
                value=item,
            )
    return items


def _alternates(value: object) -> int:
    return whole(value, "alternates", 0)


def _ranking(value: object) -> tuple[Measure, ...]:
    items = unit_ids(value, "ranking")
    measures = tuple(parse_enum(Measure, item, what="ranking measure") for item in items)
    if not measures or len(set(measures)) != len(measures):
        raise CandidateError(
            f"ranking must list distinct measures, not {value!r}",
            what="election",
            field="ranking",
            value=value,
        )
    return measures


def _scope(value: object) -> tuple[str, ...] | None:
    return None if value is None else unit_ids(value, "scope")


def _typed(kind: type) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ElectionInputError(
                f"election option {attribute.name} must be a {kind.__name__} or None, "
                f"not {value!r}",
                what="election options",
                field=attribute.name,
                value=value,
            )

    return check


@attrs.frozen(slots=True)
class ElectOptions:
    """Declared options of `elect` (one frozen, validated value).

    Attributes:
        alternates: Alternates (候补委员) to choose from the runners-up once all seats are
            filled (default 0: none).
        ranking: Measures ranking those who pass, most important first (default heads, then
            area); enum values such as ``"heads"`` are accepted.
        tie_break: The tie policy; ``None`` reads the rule set's ``elections.tie_break``,
            else a run-off. Given here, it overrides the rule set.
        policy: Handling of irregular ballots; ``None`` reads the rule set's
            ``elections.ballot_policy``, else the library default. Given here, it overrides.
        scope: Unit ids of a smaller election (building, unit or floor representatives).
        rule: A resolution rule replacing the rule set's (e.g. the estate's rules for
            representatives).
    """

    alternates: int = attrs.field(default=0, converter=_alternates)
    ranking: tuple[Measure, ...] = attrs.field(
        default=(Measure.HEADS, Measure.AREA), converter=_ranking
    )
    tie_break: TieBreak | None = attrs.field(default=None, validator=_typed(TieBreak))
    policy: BallotPolicy | None = attrs.field(default=None, validator=_typed(BallotPolicy))
    scope: tuple[str, ...] | None = attrs.field(default=None, converter=_scope)
    rule: ResolutionRule | None = attrs.field(default=None, validator=_typed(ResolutionRule))

    def __repr__(self) -> str:
        given = [
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(ElectOptions)
            if getattr(self, field.name) != field.default
        ]
        return f"ElectOptions({', '.join(given)})"


#: The keyword arguments `elect` accepted before `ElectOptions` (deprecated).
LEGACY = tuple(field.name for field in attrs.fields(ElectOptions))
