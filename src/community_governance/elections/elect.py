"""`elect`: an owners' committee (or representatives') election, exactly and with reasons."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance._base.exact import Exact, normalise
from community_governance._base.notices import Notice
from community_governance.elections._count import Folded, fold, fold_notices
from community_governance.elections._seats import fill_seats
from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.elections.result import CandidateResult, ElectionResult, SeatStatus
from community_governance.exceptions import BodyError, CandidateError, DuplicateIdError
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, TieBreak
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Measure, ResolutionRule, Threshold
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import Check, CheckRole, Figures, check

__all__ = ["elect", "restrict"]

REPRESENTATIVES = Citation(
    "guidance_rules_2009",
    "27-28",
    confidence=Confidence.LOW,
    note="owners' representatives per building, unit or floor; article numbers unconfirmed",
)


#: Moved to the register ([Estate.restrict][community_governance.Estate.restrict]); kept here
#: so that existing imports keep working.
restrict = Estate.restrict


def _ids(candidates: Iterable[Candidate | str]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for item in candidates:
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


def _whole(value: object, field: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise CandidateError(
            f"{field} must be a whole number ≥ {minimum}, not {value!r}",
            what="election",
            field=field,
            value=value,
        )
    return value


def elect(
    estate: Estate,
    ballots: Iterable[ElectionBallot],
    *,
    candidates: Iterable[Candidate | str] | None = None,
    seats: int | None = None,
    rules: RuleSet,
    alternates: int = 0,
    ranking: tuple[Measure, ...] = (Measure.HEADS, Measure.AREA),
    tie_break: TieBreak | None = None,
    policy: BallotPolicy | None = None,
    scope: Iterable[str] | None = None,
    rule: ResolutionRule | None = None,
    previous: ElectionResult | None = None,
) -> ElectionResult:
    """Elect an owners' committee (or a scope's representatives) from approval ballots.

    The participation quorum and each candidate's approval come from the rule set's rule
    for [Matter.ELECT_COMMITTEE][community_governance.Matter] (Civil Code Art. 278: at least
    2/3 of heads and area take part; each candidate needs more than half of the heads AND
    area taking part). Candidates who pass are ranked by ``ranking`` (default heads, then
    area); seats go down the ranking; a tie at the cut-off is handled by ``tie_break``
    (default: the seats stay open for a run-off) and reported.

    Args:
        estate: The register.
        ballots: At most one election ballot per unit.
        candidates: Candidates (objects or ids); in a further round, defaults to the previous
            round's ``second_round``.
        seats: Seats to fill; in a further round, defaults to the previous round's unfilled.
        rules: The rule set.
        alternates: Alternates to choose from the runners-up once all seats are filled.
        ranking: Measures ranking those who pass.
        tie_break: Declared tie policy (default: the rule set's ``"tie_break"`` or run-off).
        policy: Declared handling of irregular ballots (default: the rule set's
            ``"election_ballot_policy"``, else
            [BallotPolicy][community_governance.elections.BallotPolicy]()).
        scope: Unit ids of a smaller election (building, unit or floor representatives).
        rule: A resolution rule replacing the rule set's (e.g. the estate's rules for
            representatives).
        previous: The earlier round this one continues.

    Returns:
        The [ElectionResult][community_governance.elections.ElectionResult].

    Raises:
        CandidateError: no candidates, a bad candidate id, seats or alternates not whole, an
            empty ranking.
        DuplicateIdError: a candidate is listed twice.
        BodyError: more alternates than seats where the rule set forbids it.
        UnknownUnitError: a ballot's unit (or a scope unit) is outside the register.
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person differ.
        OverApprovalError: over-approval under the ``error`` policy.
        UnknownCandidateError: a non-candidate approved under the ``error`` policy.
    """
    if candidates is None:
        candidates = previous.second_round if previous is not None else ()
    if seats is None:
        seats = previous.unfilled if previous is not None else 0
    ids = _ids(candidates)
    _whole(seats, "seats", 1)
    _whole(alternates, "alternates", 0)
    if (
        not ranking
        or any(not isinstance(m, Measure) for m in ranking)
        or len(set(ranking)) != len(ranking)
    ):
        raise CandidateError(
            f"ranking must list distinct measures, not {ranking!r}",
            what="election",
            field="ranking",
            value=ranking,
        )
    size_param = rules.elections.committee_size
    size_rule = size_param.value if size_param is not None else None
    if size_rule is not None and size_rule.alternates_at_most_members and alternates > seats:
        raise BodyError(
            f"{alternates} alternates exceed the {seats} seats ({size_rule.citation.format()})",
            field="alternates",
            value=alternates,
        )
    declared_tie, declared_policy = rules.elections.tie_break, rules.elections.ballot_policy
    tie_break = tie_break or (declared_tie.value if declared_tie else TieBreak())
    policy = policy or (declared_policy.value if declared_policy else BallotPolicy())
    notices: list[Notice] = list(rules.notices)
    scoped: tuple[str, ...] = ()
    if scope is not None:
        estate = estate.restrict(scope)
        scoped = tuple(unit.id for unit in estate.units)
        notices.append(
            Notice(
                "scoped-election",
                f"election over {len(scoped)} unit(s) only; persons are counted within the scope",
                f"仅在{len(scoped)}个专有部分范围内选举，业主人数在该范围内计算",
                REPRESENTATIVES,
            )
        )
    if rule is None:
        provided = rules.resolution(Matter.ELECT_COMMITTEE)
        rule, rule_layer = provided.value, provided.layer
    else:
        rule_layer = "given"
    declared_spoiled = rules.voting.spoiled_ballots
    spoiled_policy = declared_spoiled.value if declared_spoiled else SpoiledPolicy.PARTICIPATING
    folded = fold(estate, ballots, frozenset(ids), seats, policy)
    people = estate.person_index
    scale = people.scale
    total_heads, total_area = people.heads, people.total_area
    part_heads, part_area = folded.participating_heads, folded.participating_area
    if spoiled_policy is SpoiledPolicy.EXCLUDED:
        part_heads -= folded.spoiled_heads
        part_area -= folded.spoiled_area
    valid = (
        folded.participating_heads - folded.spoiled_heads,
        folded.participating_area - folded.spoiled_area,
    )
    bases = {
        Base.ALL: (total_heads, total_area),
        Base.PARTICIPATING: (part_heads, part_area),
        Base.CAST: valid,
    }
    quorum = tuple(
        _check(CheckRole.QUORUM, t, (part_heads, part_area), bases[t.base], scale)
        for t in rule.quorum
    )
    quorum_met = all(check.passed for check in quorum)
    per_candidate: dict[str, tuple[tuple[Check, ...], bool]] = {}
    for cid in ids:
        mine = (folded.heads.get(cid, 0), folded.area.get(cid, 0))
        checks = tuple(
            _check(CheckRole.APPROVAL, t, mine, bases[t.base], scale) for t in rule.approval
        )
        per_candidate[cid] = checks, quorum_met and all(c.passed for c in checks)
    passing = [cid for cid in ids if per_candidate[cid][1]]
    seating = fill_seats(passing, folded, ranking, seats, alternates, tie_break)
    results = tuple(
        CandidateResult(
            cid,
            Figures(folded.heads.get(cid, 0), _area(folded.area.get(cid, 0), scale)),
            per_candidate[cid][0],
            per_candidate[cid][1],
            seating.status.get(cid, SeatStatus.FAILED),
            seating.rank.get(cid),
        )
        for cid in ids
    )
    notices.extend(_notices(estate, folded, quorum_met))
    unfilled = seats - len(seating.elected)
    tied = [
        cid
        for report in seating.ties
        if not report.for_alternates
        for cid in report.candidates
        if cid not in seating.elected
    ]
    rest = [cid for cid in ids if cid not in seating.elected and cid not in tied]
    return ElectionResult(
        round=previous.round + 1 if previous is not None else 1,
        seats=seats,
        candidates=results,
        elected=seating.elected,
        alternates=seating.alternates,
        quorum=quorum,
        total=Figures(total_heads, _area(total_area, scale)),
        participating=Figures(part_heads, _area(part_area, scale)),
        spoiled=Figures(folded.spoiled_heads, _area(folded.spoiled_area, scale)),
        set_aside=tuple(sorted(folded.set_aside)),
        over_approved=tuple(sorted(folded.over_approved)),
        non_candidate=tuple(sorted(folded.non_candidate)),
        ties=seating.ties,
        unfilled=unfilled,
        second_round=(*tied, *rest) if unfilled else (),
        ranking=ranking,
        tie_break=tie_break,
        policy=policy,
        jurisdiction=rules.code,
        on=rules.on,
        layers=rules.layer_names,
        rule_layer=rule_layer,
        rule_citation=rule.citation,
        scope=scoped,
        notices=tuple(dict.fromkeys(notices)),
        previous=previous,
    )


def _area(scaled: int, scale: int) -> Exact:
    return normalise(Fraction(scaled, scale))


def _check(
    role: CheckRole, threshold: Threshold, mine: tuple[int, int], base: tuple[int, int], scale: int
) -> Check:
    """One threshold applied to (heads, scaled area) figures."""
    if threshold.measure is Measure.HEADS:
        return check(role, threshold, mine[0], base[0])
    return check(role, threshold, mine[1], base[1], scale)


def _notices(estate: Estate, folded: Folded, quorum_met: bool) -> list[Notice]:
    return fold_notices(estate, folded, quorum_met)
