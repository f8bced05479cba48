"""Typed rule-set parameters: every value a layer may set, as an attribute with its type.

A layer sets parameters per topic (`VotingParams`, `ElectionParams`); each value is a
[Param][community_governance.rules.Param] carrying its citation. A resolved
[RuleSet][community_governance.rules.RuleSet] exposes the same classes with every attribute
taken from the highest layer that sets it (``rules.elections.committee_size``), and each
resolved `Param` names the layer that supplied it. A misspelt attribute fails at once (and
mypy sees it); a value of the wrong type is refused when the layer is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, Generic, TypeVar

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance.exceptions import RuleSetError
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.elections import BallotPolicy, Target, TieBreak
from community_governance.rules.eligibility import EligibilityRule
from community_governance.rules.mediation import MediationPolicy
from community_governance.rules.voting import DeemedVoteClause, SpoiledPolicy

__all__ = [
    "ElectionParams",
    "MediationParams",
    "Param",
    "VotingParams",
    "param_fields",
    "params_from_values",
]

T = TypeVar("T")


@attrs.frozen(slots=True)
class Param(Generic[T]):
    """A rule value (a committee size, a policy, a resolution rule) with its citation.

    Attributes:
        value: The value (an immutable object of the parameter's type).
        citation: Where it comes from.
        layer: The layer that supplied it (filled in when a rule set is resolved; empty in a
            layer's own data).
    """

    value: T
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    layer: str = ""


def _typed(*types: type, tuple_of: type | None = None) -> Any:
    """A validator: ``None`` or a `Param` whose value has one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], param: object) -> None:
        if param is None:
            return
        value = param.value if isinstance(param, Param) else None
        ok = isinstance(param, Param) and (
            isinstance(value, tuple) and all(isinstance(v, tuple_of) for v in value)
            if tuple_of is not None
            else isinstance(value, types) and not (bool not in types and isinstance(value, bool))
        )
        if not ok:
            expected = (
                f"tuple of {tuple_of.__name__}" if tuple_of else "/".join(t.__name__ for t in types)
            )
            raise RuleSetError(
                f"parameter {type(instance).__name__}.{attribute.name} must be a Param of "
                f"{expected}, not {param!r}",
                param=attribute.name,
                value=param,
            )

    return check


@attrs.frozen(slots=True)
class VotingParams:
    """Parameters of assembly votes.

    Attributes:
        spoiled_ballots: How spoiled ballots are counted (a declared policy; the national
            layers set `SpoiledPolicy.PARTICIPATING`).
        deemed_vote: The estate's opt-in deemed-vote clause (Guidance Rules 2009 Art. 26),
            set only by an estate layer.
    """

    spoiled_ballots: Param[SpoiledPolicy] | None = attrs.field(
        default=None, validator=_typed(SpoiledPolicy)
    )
    deemed_vote: Param[DeemedVoteClause] | None = attrs.field(
        default=None, validator=_typed(DeemedVoteClause)
    )


@attrs.frozen(slots=True)
class ElectionParams:
    """Parameters of committee elections and the bodies that prepare them.

    Attributes:
        committee_size: How many members a committee may have.
        candidate_rules: Conditions and bars for standing; unlike other parameters these add
            up across layers (a higher layer replaces a lower one's rule of the same code).
        candidate_residence_years: A minimum residence in years (e.g. set by the estate under
            Beijing Art. 39(3)).
        candidate_nominators: Who may nominate candidates (Beijing Art. 40).
        alternates_fill_vacancies: Whether alternates take vacant seats (Beijing Art. 41).
        preparatory_group: The make-up of the preparatory group.
        re_election_group: The make-up of the re-election group.
        party_share_target: A composition policy target (never an eligibility rule).
        tie_break: The declared tie policy (the estate's rules; default run-off).
        ballot_policy: How irregular election ballots are handled.
    """

    committee_size: Param[SizeRule] | None = attrs.field(default=None, validator=_typed(SizeRule))
    candidate_rules: Param[tuple[EligibilityRule, ...]] | None = attrs.field(
        default=None, validator=_typed(tuple_of=EligibilityRule)
    )
    candidate_residence_years: Param[int] | None = attrs.field(default=None, validator=_typed(int))
    candidate_nominators: Param[tuple[GroupRole, ...]] | None = attrs.field(
        default=None, validator=_typed(tuple_of=GroupRole)
    )
    alternates_fill_vacancies: Param[bool] | None = attrs.field(
        default=None, validator=_typed(bool)
    )
    preparatory_group: Param[GroupRule] | None = attrs.field(
        default=None, validator=_typed(GroupRule)
    )
    re_election_group: Param[GroupRule] | None = attrs.field(
        default=None, validator=_typed(GroupRule)
    )
    party_share_target: Param[Target] | None = attrs.field(default=None, validator=_typed(Target))
    tie_break: Param[TieBreak] | None = attrs.field(default=None, validator=_typed(TieBreak))
    ballot_policy: Param[BallotPolicy] | None = attrs.field(
        default=None, validator=_typed(BallotPolicy)
    )


@attrs.frozen(slots=True)
class MediationParams:
    """Parameters of people's mediation.

    Attributes:
        policy: The mediation policy: period, its force, extension and written-form rules.
    """

    policy: Param[MediationPolicy] | None = attrs.field(
        default=None, validator=_typed(MediationPolicy)
    )


#: The parameter classes per topic attribute of a layer (read by rule-set resolution).
TOPICS: tuple[
    tuple[str, type[VotingParams] | type[ElectionParams] | type[MediationParams]], ...
] = (
    ("voting", VotingParams),
    ("elections", ElectionParams),
    ("mediation", MediationParams),
)

#: Topics whose parameters an estate layer may set from plain values.
_PLAIN_TOPICS = ("voting", "elections")


def param_fields() -> dict[str, str]:
    """Every parameter settable from plain values, mapped to its topic attribute.

    For example ``"deemed_vote"`` → ``"voting"`` (mediation policies are jurisdiction data,
    not plain estate values).
    """
    return {
        field.name: topic
        for topic, cls in TOPICS
        if topic in _PLAIN_TOPICS
        for field in attrs.fields(cls)
    }


#: Parameters given as plain enum values (``"excluded"``) in plain data.
_PLAIN: dict[str, type[Enum]] = {"spoiled_ballots": SpoiledPolicy}


def params_from_values(
    values: Mapping[str, object], citation: Citation
) -> tuple[VotingParams, ElectionParams]:
    """Typed parameters from plain values by name, each cited to ``citation``.

    Raises:
        RuleSetError: a name is not a parameter (the message lists the allowed names), or a
            value has the wrong type.
    """
    allowed = param_fields()
    by_topic: dict[str, dict[str, Param[object]]] = {"voting": {}, "elections": {}}
    for key, value in values.items():
        if key not in allowed:
            raise RuleSetError(
                f"{key!r} is not a rule-set parameter (allowed: {', '.join(sorted(allowed))})",
                param=key,
            )
        plain = _PLAIN.get(key)
        if plain is not None:
            value = parse_enum(plain, value, what=f"parameter {key}")
        by_topic[allowed[key]][key] = Param(value, citation)
    return VotingParams(**by_topic["voting"]), ElectionParams(**by_topic["elections"])  # type: ignore[arg-type]
