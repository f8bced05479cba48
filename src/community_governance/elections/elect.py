"""`elect`: an owners' committee (or representatives') election, exactly and with reasons."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.deprecation import warn_deprecated_keywords
from community_governance._base.exact import Exact, ratio
from community_governance._base.notices import Notice
from community_governance.elections._count import Folded, fold, fold_notices
from community_governance.elections._decide import decide_pairs
from community_governance.elections._seats import fill_seats
from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.elections.options import (
    LEGACY,
    NO_POLICY,
    NO_TIE_BREAK,
    ElectOptions,
    declared,
    unit_ids,
    whole,
)
from community_governance.elections.result import ElectionResult, candidate_results, continues
from community_governance.exceptions import (
    BodyError,
    CandidateError,
    DuplicateIdError,
    ElectionInputError,
    UnknownUnitError,
)
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, TieBreak
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, ResolutionRule
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import Figures
from community_governance.voting.size import band_notices

__all__ = [
    "ballot_list",
    "count",
    "elect",
    "legacy_options",
    "not_a_ballot",
    "prepare",
    "restrict",
]

REPRESENTATIVES = Citation(
    "guidance_rules_2009",
    "27-28",
    confidence=Confidence.LOW,
    note="owners' representatives per building, unit or floor; article numbers unconfirmed",
)


#: The register restricted to some units: [Estate.restrict][community_governance.Estate.restrict],
#: kept under this name so that existing imports keep working.
restrict = Estate.restrict


def _ids(candidates: Iterable[Candidate | str]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for item in unit_ids(candidates, "candidates"):
        cid = item.id if isinstance(item, Candidate) else item
        if not isinstance(cid, str) or not cid or cid.startswith("\x00"):
            raise CandidateError(
                f"candidate id {cid!r} must be a non-empty string",
                what="candidates",
                field="id",
                value=cid,
            )
        if cid in ids:
            raise DuplicateIdError(f"candidate {cid!r} is listed twice", kind="candidate", id=cid)
        ids[cid] = None
    if not ids:
        raise CandidateError(
            "an election needs at least one candidate",
            what="candidates",
            field="candidates",
            value=(),
        )
    return tuple(ids)


def elect(
    estate: Estate,
    ballots: Iterable[ElectionBallot],
    *,
    rules: RuleSet,
    candidates: Iterable[Candidate | str] | None = None,
    seats: int | None = None,
    options: ElectOptions | None = None,
    previous: ElectionResult | None = None,
    **deprecated: Any,
) -> ElectionResult:
    """Elect an owners' committee (or a scope's representatives) from approval ballots.

    The participation quorum and each candidate's approval come from the rule set's rule
    for [Matter.ELECT_COMMITTEE][community_governance.Matter] (Civil Code Art. 278: at least
    2/3 of heads and area take part; each candidate needs more than half of the heads AND
    area taking part). Candidates who pass are ranked by ``options.ranking`` (default heads,
    then area); seats go down the ranking; a tie at the cut-off is handled by the tie policy
    (``options.tie_break``, else the rule set's ``elections.tie_break``, else a run-off) and
    reported, with the source that applied.

    Args:
        estate: The register.
        ballots: At most one election ballot per unit.
        rules: The rule set.
        candidates: Candidates (objects or ids, never one string); in a further round,
            defaults to the previous round's ``second_round``.
        seats: Seats to fill; in a further round, defaults to the previous round's unfilled.
        options: The declared [ElectOptions][community_governance.elections.ElectOptions]
            (alternates, ranking, tie break, ballot policy, scope, rule).
        previous: The earlier round this one continues.
        **deprecated: The options as keywords (``alternates=``, ``ranking=``, ``tie_break=``,
            ``policy=``, ``scope=``, ``rule=``), deprecated since 0.2 (DeprecationWarning);
            they override ``options``.

    Returns:
        The [ElectionResult][community_governance.elections.ElectionResult].

    Raises:
        CandidateError: no candidates, a bad candidate id, seats or alternates not whole, an
            empty ranking, an unknown keyword; in a further round, a candidate already
            elected in an earlier round, or more seats than the earlier round left unfilled.
        ElectionInputError: ``candidates`` or ``scope`` given as one string; ``ballots`` not
            a collection of `ElectionBallot` (one string, a motion ballot, a dict...).
        DuplicateIdError: a candidate is listed twice.
        BodyError: more alternates than seats where the rule set forbids it, or fewer seats
            than the minimum of the estate's committee size band (``committee_size_bands``,
            counted on the whole register).
        UnknownUnitError: a ballot's unit (or a scope unit) is outside the register, or a
            ballot's unit outside the election's scope (message says which).
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person differ.
        OverApprovalError: over-approval under the ``error`` policy.
        UnknownCandidateError: a non-candidate approved under the ``error`` policy.
    """
    chosen = legacy_options(options, deprecated)
    setup = prepare(estate, rules, candidates, seats, chosen, previous)
    items = ballot_list(ballots)
    try:
        folded = fold(setup.estate, items, frozenset(setup.ids), setup.seats, setup.policy)
    except AttributeError:  # an item that is not an election ballot; checked only on failure
        raise not_a_ballot(items) from None
    except UnknownUnitError as error:
        if setup.options.scope is None:
            raise
        raise UnknownUnitError(  # the register's unit, but not one of the election's
            f"election ballot for unit {error.unit!r}: outside the election's scope "
            f"({len(setup.estate.units)} units)",
            unit=error.unit,
        ) from None
    return count(setup, folded, rules, previous)


def ballot_list(ballots: object) -> list[ElectionBallot] | tuple[ElectionBallot, ...]:
    """``ballots`` as a list or tuple; one string, one ballot, a mapping or ``None`` refused.

    Raises:
        ElectionInputError: ``ballots`` is not a collection of ballots (naming it).
    """
    if not isinstance(ballots, Iterable) or isinstance(
        ballots, str | bytes | Mapping | ElectionBallot
    ):
        raise ElectionInputError(
            f"ballots must be a collection of ElectionBallot, not {ballots!r:.80}",
            what="election",
            field="ballots",
            value=ballots,
        )
    return ballots if isinstance(ballots, list | tuple) else list(ballots)


def not_a_ballot(items: Iterable[object]) -> ElectionInputError:
    """The error naming the first item that is not an `ElectionBallot` (a motion ballot...)."""
    bad = next(item for item in items if not isinstance(item, ElectionBallot))
    return ElectionInputError(
        f"each ballot must be an ElectionBallot, not {bad!r:.80}",
        what="election",
        field="ballots",
        value=bad,
    )


def legacy_options(options: ElectOptions | None, keywords: dict[str, Any]) -> ElectOptions:
    """``options`` with the deprecated keyword options applied (with a DeprecationWarning).

    Raises:
        CandidateError: a keyword that `elect` never had.
        ElectionInputError: ``options`` is not an ``ElectOptions``.
    """
    if options is not None and not isinstance(options, ElectOptions):
        raise ElectionInputError(
            f"options must be an ElectOptions, not {options!r}",
            what="election",
            field="options",
            value=options,
        )
    base = options if options is not None else _NO_OPTIONS
    if not keywords:
        return base
    warn_deprecated_keywords("elect", keywords, LEGACY, "options=ElectOptions(...)", _unknown)
    return attrs.evolve(base, **keywords)


def _unknown(name: str, value: Any, message: str) -> CandidateError:
    return CandidateError(message, what="election", field=name, value=value)


#: The options of an election that declares none (a frozen value, shared by every call).
_NO_OPTIONS = ElectOptions()


@attrs.frozen(slots=True)
class Setup:
    """The checked inputs of one election round (private to `elect`)."""

    estate: Estate
    ids: tuple[str, ...]
    seats: int
    options: ElectOptions
    tie_break: TieBreak
    tie_break_source: str
    policy: BallotPolicy
    policy_source: str
    rule: ResolutionRule
    rule_layer: str
    spoiled_policy: SpoiledPolicy
    notices: tuple[Notice, ...]


def prepare(
    estate: Estate,
    rules: RuleSet,
    candidates: Iterable[Candidate | str] | None,
    seats: int | None,
    options: ElectOptions,
    previous: ElectionResult | None,
) -> Setup:
    """Check the inputs and settle every policy, each with the source that supplied it."""
    _typed_inputs(estate, rules, previous)
    if candidates is None:
        candidates = previous.second_round if previous is not None else ()
    if seats is None:
        seats = previous.unfilled if previous is not None else 0
    ids = _ids(candidates)
    whole(seats, "seats", 1)
    if previous is not None:
        continues(previous, ids, seats)
    _alternates_allowed(rules, options.alternates, seats)
    tie_break, tie_source = declared(options.tie_break, rules.elections.tie_break, NO_TIE_BREAK)
    policy, policy_source = declared(options.policy, rules.elections.ballot_policy, NO_POLICY)
    notices: list[Notice] = [*rules.notices, *band_notices(seats, rules, estate)]
    if options.scope is not None:
        estate = restrict(estate, options.scope)
        notices.append(_scope_notice(len(estate.units)))
    if options.rule is None:
        provided = rules.resolution(Matter.ELECT_COMMITTEE)
        rule, rule_layer = provided.value, provided.layer
    else:
        rule, rule_layer = options.rule, "given"
    declared_spoiled = rules.voting.spoiled_ballots
    spoiled = declared_spoiled.value if declared_spoiled else SpoiledPolicy.PARTICIPATING
    return Setup(
        estate, ids, seats, options, tie_break, tie_source, policy, policy_source, rule,
        rule_layer, spoiled, tuple(notices),
    )  # fmt: skip


def _typed_inputs(estate: object, rules: object, previous: object) -> None:
    """Refuse an estate, a rule set or an earlier round of the wrong type, naming it."""
    expected: tuple[tuple[str, object, type | tuple[type, ...], str], ...] = (
        ("estate", estate, Estate, "an Estate"),
        ("rules", rules, RuleSet, "a RuleSet from rules_for(...)"),
        (
            "previous",
            previous,
            (ElectionResult, type(None)),
            "the ElectionResult of the earlier round",
        ),
    )
    for field, value, kind, hint in expected:
        if not isinstance(value, kind):
            raise ElectionInputError(
                f"elect: {field} must be {hint}, not {value!r:.80}",
                what="election",
                field=field,
                value=value,
            )


def _alternates_allowed(rules: RuleSet, alternates: int, seats: int) -> None:
    size_param = rules.elections.committee_size
    size_rule = size_param.value if size_param is not None else None
    if size_rule is not None and size_rule.alternates_at_most_members and alternates > seats:
        raise BodyError(
            f"{alternates} alternates exceed the {seats} seats ({size_rule.citation.format()})",
            field="alternates",
            value=alternates,
        )


def _scope_notice(units: int) -> Notice:
    return Notice(
        "scoped-election",
        f"election over {units} unit(s) only; persons are counted within the scope",
        f"仅在{units}个专有部分范围内选举，业主人数在该范围内计算",
        REPRESENTATIVES,
    )


def count(
    setup: Setup, folded: Folded, rules: RuleSet, previous: ElectionResult | None
) -> ElectionResult:
    """Apply the quorum and approval checks to the folded ballots, fill the seats."""
    people = setup.estate.person_index
    scale = people.scale
    # the figures stay scaled integers (heads, area × scale) for the checks, as `bases` forms
    # them from exact figures; each becomes an exact number once
    excluded = setup.spoiled_policy is SpoiledPolicy.EXCLUDED
    spoiled_heads, spoiled_area = folded.spoiled_heads, folded.spoiled_area
    heads, area = folded.participating_heads, folded.participating_area
    if excluded:
        heads, area = heads - spoiled_heads, area - spoiled_area
    pairs = {
        Base.ALL: ((people.heads, 1), (people.total_area, scale)),
        Base.PARTICIPATING: ((heads, 1), (area, scale)),
        Base.CAST: ((heads, 1), (area, scale))
        if excluded
        else ((heads - spoiled_heads, 1), (area - spoiled_area, scale)),
        Base.ATTENDING: ((heads + spoiled_heads, 1), (area + spoiled_area, scale))
        if excluded
        else ((heads, 1), (area, scale)),
    }
    total = Figures(people.heads, _area(people.total_area, scale))
    spoiled = Figures(spoiled_heads, _area(spoiled_area, scale))
    participating = Figures(heads, _area(area, scale))
    areas: dict[int, Exact] = {}  # equal scaled areas become one exact number (this call)
    approvals = {}
    approval_pairs = {}
    for cid in setup.ids:
        scaled = folded.area.get(cid, 0)
        exact_area = areas.get(scaled)
        if exact_area is None:
            exact_area = areas[scaled] = _area(scaled, scale)
        approving = folded.heads.get(cid, 0)
        approvals[cid] = Figures(approving, exact_area)
        approval_pairs[cid] = ((approving, 1), (scaled, scale))
    rule = setup.rule
    counted = decide_pairs(
        rule.quorum, dict.fromkeys(setup.ids, rule.approval), approval_pairs, pairs
    )
    seating = fill_seats(
        counted.passing, approvals, setup.options.ranking, setup.seats,
        setup.options.alternates, setup.tie_break,
    )  # fmt: skip
    notices = [*setup.notices, *fold_notices(setup.estate, folded, counted.quorum_met)]
    return ElectionResult(
        round=previous.round + 1 if previous is not None else 1,
        seats=setup.seats,
        candidates=candidate_results(setup.ids, approvals, counted, seating),
        elected=seating.elected,
        alternates=seating.alternates,
        quorum=counted.quorum,
        total=total,
        participating=participating,
        spoiled=spoiled,
        set_aside=tuple(sorted(folded.set_aside)),
        over_approved=tuple(sorted(folded.over_approved)),
        non_candidate=tuple(sorted(folded.non_candidate)),
        ties=seating.ties,
        unfilled=seating.unfilled,
        second_round=seating.second_round,
        ranking=setup.options.ranking,
        tie_break=setup.tie_break,
        policy=setup.policy,
        jurisdiction=rules.code,
        on=rules.on,
        layers=rules.layer_names,
        rule_layer=setup.rule_layer,
        rule_citation=setup.rule.citation,
        alternate_places=setup.options.alternates,
        spoiled_policy=setup.spoiled_policy,
        tie_break_source=setup.tie_break_source,
        policy_source=setup.policy_source,
        scope=tuple(u.id for u in setup.estate.units) if setup.options.scope is not None else (),
        notices=tuple(dict.fromkeys(notices)),
        previous=previous,
    )


def _area(scaled: int, scale: int) -> Exact:
    return ratio(scaled, scale)
