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
from fractions import Fraction
from typing import Any, Generic, TypeVar

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance.exceptions import InvalidParameterError
from community_governance.rules.bodies import GroupRole, GroupRule, SizeBands, SizeRule
from community_governance.rules.committee import (
    AbsenceRule,
    CadenceRule,
    FreezeRule,
    InactivityRule,
    PostingRule,
    RemovalGround,
    StepRule,
    TemporaryCommitteeRule,
    TermRule,
    VacancyRule,
)
from community_governance.rules.elections import BallotPolicy, Target, TieBreak
from community_governance.rules.eligibility import EligibilityRule
from community_governance.rules.mediation import MediationPolicy
from community_governance.rules.money import (
    EmergencyProcedure,
    FirstDeposit,
    MatterReading,
    Rounding,
)
from community_governance.rules.voting import DeemedVoteClause, SpoiledPolicy

__all__ = [
    "CommitteeParams",
    "ElectionParams",
    "MediationParams",
    "MoneyParams",
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
            raise InvalidParameterError(
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
        committee_size_bands: Minimum committee sizes by a count of the estate (e.g. its
            flats), where the law sets bands rather than one range (used when
            ``committee_size`` is not set).
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
    committee_size_bands: Param[SizeBands] | None = attrs.field(
        default=None, validator=_typed(SizeBands)
    )


# --- committee lifecycle ---
@attrs.frozen(slots=True)
class CommitteeParams:
    """Parameters of the committee's life between elections (terms, re-election, meetings).

    Each re-election step is its own parameter, so a local layer overrides one step (Shanghai's
    5-month report) and keeps the national ones it does not replace (the 7-day first meeting).
    Set by jurisdiction layers of topic ``committee``, or by an estate's own `Layer` built with
    ``committee=CommitteeParams(...)`` (e.g. an opt-in absence rule).

    Attributes:
        term: The term range.
        report: The committee's written report before expiry.
        group_formed: Forming the re-election group.
        handover_to_office: Handover to the housing office once the group forms.
        candidates_posted: Posting the candidates.
        assembly_notice: Announcing the assembly meeting.
        vote: The election.
        result_posted: Posting the result.
        first_meeting: The first meeting electing the chair.
        registration: Registering the new committee.
        handover: Handover to the new committee.
        member_handover: A departing member's own handover.
        vacancy: What a committee short of members must do.
        inactivity: The run without work that forces an early re-election.
        removal_grounds: Grounds on which the assembly may remove a member.
        absence: The absence trigger of a removal.
        committee_meetings: How often the committee must meet.
        assembly_meetings: How often the assembly must meet.
        decision_posting: How committee decisions are posted.
        freeze: Matters frozen while a re-election runs.
        temporary_committee: The temporary property management committee.
    """

    term: Param[TermRule] | None = attrs.field(default=None, validator=_typed(TermRule))
    report: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    group_formed: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    handover_to_office: Param[StepRule] | None = attrs.field(
        default=None, validator=_typed(StepRule)
    )
    candidates_posted: Param[StepRule] | None = attrs.field(
        default=None, validator=_typed(StepRule)
    )
    assembly_notice: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    vote: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    result_posted: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    first_meeting: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    registration: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    handover: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    member_handover: Param[StepRule] | None = attrs.field(default=None, validator=_typed(StepRule))
    vacancy: Param[VacancyRule] | None = attrs.field(default=None, validator=_typed(VacancyRule))
    inactivity: Param[InactivityRule] | None = attrs.field(
        default=None, validator=_typed(InactivityRule)
    )
    removal_grounds: Param[tuple[RemovalGround, ...]] | None = attrs.field(
        default=None, validator=_typed(tuple_of=RemovalGround)
    )
    absence: Param[AbsenceRule] | None = attrs.field(default=None, validator=_typed(AbsenceRule))
    committee_meetings: Param[CadenceRule] | None = attrs.field(
        default=None, validator=_typed(CadenceRule)
    )
    assembly_meetings: Param[CadenceRule] | None = attrs.field(
        default=None, validator=_typed(CadenceRule)
    )
    decision_posting: Param[PostingRule] | None = attrs.field(
        default=None, validator=_typed(PostingRule)
    )
    freeze: Param[FreezeRule] | None = attrs.field(default=None, validator=_typed(FreezeRule))
    temporary_committee: Param[TemporaryCommitteeRule] | None = attrs.field(
        default=None, validator=_typed(TemporaryCommitteeRule)
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


# --- money ---
@attrs.frozen(slots=True)
class MoneyParams:
    """Parameters of the maintenance fund, fees and shared costs.

    Set by jurisdiction layers of topic ``money`` (the national 2007 Measures on the
    residential special maintenance fund, the Civil Code, local provisions) and read as
    ``rules_for(code, on=day).money``; a value no layer in force supplies is ``None``, and an
    engine that needs it raises `MissingParameterError` naming it (no value is invented).

    Attributes:
        first_deposit: The range of the first deposit per m² (shares of the building cost).
        replenish_below: The share of a unit's first deposit under which its balance must be
            topped up.
        emergency: The emergency-use procedure (no owners' vote; checked steps).
        fee_adjustment: Which matter a property-fee adjustment is decided as.
        rounding: The rounding rule of apportionment (``None``: the library's declared
            largest-remainder rule).
        scoped: Whether the owners concerned decide for their partly shared parts (a
            building, a unit) with the thresholds counted within the scope.
    """

    first_deposit: Param[FirstDeposit] | None = attrs.field(
        default=None, validator=_typed(FirstDeposit)
    )
    replenish_below: Param[Fraction] | None = attrs.field(default=None, validator=_typed(Fraction))
    emergency: Param[EmergencyProcedure] | None = attrs.field(
        default=None, validator=_typed(EmergencyProcedure)
    )
    fee_adjustment: Param[MatterReading] | None = attrs.field(
        default=None, validator=_typed(MatterReading)
    )
    rounding: Param[Rounding] | None = attrs.field(default=None, validator=_typed(Rounding))
    scoped: Param[bool] | None = attrs.field(default=None, validator=_typed(bool))


#: The parameter classes per topic attribute of a layer (read by rule-set resolution).
TOPICS: tuple[
    tuple[
        str,
        type[VotingParams]
        | type[ElectionParams]
        | type[CommitteeParams]
        | type[MediationParams]
        | type[MoneyParams],
    ],
    ...,
] = (
    ("voting", VotingParams),
    ("elections", ElectionParams),
    ("committee", CommitteeParams),
    ("mediation", MediationParams),
    ("money", MoneyParams),
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
    allowed = {name: topic for name, topic in param_fields().items() if topic != "committee"}
    by_topic: dict[str, dict[str, Param[object]]] = {"voting": {}, "elections": {}}
    for key, value in values.items():
        if key not in allowed:
            raise InvalidParameterError(
                f"{key!r} is not a rule-set parameter (allowed: {', '.join(sorted(allowed))})",
                param=key,
                value=value,
            )
        plain = _PLAIN.get(key)
        if plain is not None:
            value = parse_enum(plain, value, what=f"parameter {key}")
        by_topic[allowed[key]][key] = Param(value, citation)
    return VotingParams(**by_topic["voting"]), ElectionParams(**by_topic["elections"])  # type: ignore[arg-type]
