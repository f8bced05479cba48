"""Audit an announced election: recount from the register and ballots, list every discrepancy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from community_governance._base.citations import Citation
from community_governance._base.exact import Exact
from community_governance.audit._report import (
    AuditReport,
    Discrepancy,
    compare,
    optional_area,
    optional_count,
    prescan,
)
from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.elections.elect import elect
from community_governance.elections.result import ElectionResult
from community_governance.register.counting import SPC_ART_9
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, Handling

if TYPE_CHECKING:
    from community_governance.rules.ruleset import RuleSet

__all__ = ["AnnouncedCandidate", "AnnouncedElection", "ElectionAudit", "audit_election"]

GUIDANCE_ART_26 = Citation(
    "guidance_rules_2009",
    "26(2)",
    note="non-voters join the majority only under a covenant or rules-of-procedure clause",
)


@attrs.frozen(slots=True)
class AnnouncedCandidate:
    """A candidate's announced figures (``None``: not announced).

    Attributes:
        candidate: Candidate id.
        heads: Announced approving persons.
        area: Announced approving area (exact; a float is refused).
    """

    candidate: str
    heads: int | None = attrs.field(default=None, converter=optional_count)
    area: Exact | None = attrs.field(default=None, converter=optional_area)


def _announced(value: Any) -> tuple[AnnouncedCandidate, ...]:
    if isinstance(value, Mapping):
        items = []
        for key, figures in value.items():
            heads, area = figures if isinstance(figures, tuple | list) else (figures, None)
            items.append(AnnouncedCandidate(key, heads, area))
        return tuple(items)
    return tuple(value)


def _names(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(slots=True)
class AnnouncedElection:
    """What was announced (any figure may be left out).

    Attributes:
        participating_heads: Persons announced as taking part.
        participating_area: Area announced as taking part.
        candidates: Per candidate, the announced heads and area; a mapping
            ``{"Li": (412, "38950.2")}`` is accepted.
        elected: Those announced as elected.
    """

    participating_heads: int | None = attrs.field(default=None, converter=optional_count)
    participating_area: Exact | None = attrs.field(default=None, converter=optional_area)
    candidates: tuple[AnnouncedCandidate, ...] = attrs.field(default=(), converter=_announced)
    elected: tuple[str, ...] | None = attrs.field(default=None, converter=_names)


@attrs.frozen(slots=True)
class ElectionAudit(AuditReport):
    """The recount and every discrepancy with the announcement.

    Attributes:
        announced: What was announced.
        recount: The recounted [ElectionResult][community_governance.elections.ElectionResult].
        discrepancies: Every difference and irregularity, in the order found.
    """

    announced: AnnouncedElection
    recount: ElectionResult
    discrepancies: tuple[Discrepancy, ...]

    _title: ClassVar[str] = "Election audit"
    _schema: ClassVar[str] = "community_governance.election_audit/1"


def audit_election(
    estate: Estate,
    ballots: Iterable[ElectionBallot],
    announced: AnnouncedElection,
    *,
    candidates: Iterable[Candidate | str],
    seats: int,
    rules: RuleSet,
    **options: Any,
) -> ElectionAudit:
    """Recount an announced election and list every discrepancy.

    Ballots outside the register, a unit's extra ballots and a person's differing ballots are
    reported and kept out of (or spoiled in) the recount instead of stopping it. Differences in
    participation, per-candidate heads and area, and who is elected are listed, with the likely
    cause where the figures show one: ballots counted per unit instead of per person (a
    multi-unit owner, the developer's units), or non-voters counted as agreeing without a
    covenant clause.

    Args:
        estate: The register.
        ballots: The ballots as collected.
        announced: What was announced.
        candidates: The candidates.
        seats: The seats.
        rules: The rule set.
        **options: Further `elect` options (ranking,
            tie_break, alternates, scope...); the ballot policy sets unknown units aside.

    Returns:
        The [ElectionAudit][community_governance.audit.ElectionAudit].
    """
    usable, found = prescan(
        estate,
        ballots,
        lambda b: b.unit,
        lambda a, b: a.approvals == b.approvals and a.spoiled == b.spoiled,
        lambda b: ElectionBallot(b.unit, (), spoiled=True),
    )
    policy = attrs.evolve(
        options.pop("policy", None) or BallotPolicy(), unknown_unit=Handling.SET_ASIDE
    )
    recount = elect(
        estate, usable, candidates=candidates, seats=seats, rules=rules, policy=policy, **options
    )
    found.extend(_findings(estate, usable, announced, recount, rules))
    return ElectionAudit(announced, recount, tuple(found))


def _findings(
    estate: Estate,
    ballots: list[ElectionBallot],
    announced: AnnouncedElection,
    recount: ElectionResult,
    rules: RuleSet,
) -> list[Discrepancy]:
    found: list[Discrepancy] = []
    part = recount.participating
    total = recount.total
    unit_ballots = len(ballots)
    found += compare(
        "participation-heads",
        "participation",
        announced.participating_heads,
        part.heads,
        "persons taking part",
        "参与表决人数",
    )
    if announced.participating_heads is not None and announced.participating_heads != part.heads:
        found += _causes(
            "participation",
            announced.participating_heads,
            part.heads,
            unit_ballots,
            total.heads,
            rules,
        )
    found += compare(
        "participation-area",
        "participation",
        announced.participating_area,
        part.area,
        "area taking part",
        "参与表决面积",
    )
    approvals_by_unit: dict[str, int] = {}
    for ballot in ballots:
        if not ballot.spoiled:
            for cid in ballot.approvals:
                approvals_by_unit[cid] = approvals_by_unit.get(cid, 0) + 1
    for item in announced.candidates:
        mine = recount.candidate(item.candidate)
        found += compare(
            "candidate-heads",
            item.candidate,
            item.heads,
            mine.approvals.heads,
            f"persons approving {item.candidate}",
            f"同意{item.candidate}的人数",
        )
        if item.heads is not None and item.heads != mine.approvals.heads:
            found += _causes(
                item.candidate,
                item.heads,
                mine.approvals.heads,
                approvals_by_unit.get(item.candidate, 0),
                mine.approvals.heads + total.heads - part.heads,
                rules,
            )
        found += compare(
            "candidate-area",
            item.candidate,
            item.area,
            mine.approvals.area,
            f"area approving {item.candidate}",
            f"同意{item.candidate}的面积",
        )
    if announced.elected is not None and set(announced.elected) != set(recount.all_elected):
        found += compare(
            "elected",
            "elected",
            ", ".join(sorted(announced.elected)),
            ", ".join(sorted(recount.all_elected)),
            "elected",
            "当选人",
        )
    return found


def _causes(
    subject: str,
    announced: int,
    recounted: int,
    per_unit: int,
    with_non_voters: int,
    rules: RuleSet,
) -> list[Discrepancy]:
    if announced == per_unit and per_unit != recounted:
        return [
            Discrepancy(
                "persons-counted-more-than-once",
                subject,
                str(announced),
                str(recounted),
                f"{subject}: the announced {announced} equals the number of unit ballots; a "
                "multi-unit owner or the developer's units count as one person each",
                f"{subject}：公布数{announced}等于按专有部分计的票数；一人拥有多个专有部分或建设单位的"
                "专有部分应按一人计算",
                SPC_ART_9,
            )
        ]
    if announced == with_non_voters and rules.voting.deemed_vote is None:
        return [
            Discrepancy(
                "non-voters-counted",
                subject,
                str(announced),
                str(recounted),
                f"{subject}: the announced {announced} counts the owners who did not vote, but the "
                "rules carry no covenant clause adding non-voters to the majority",
                f"{subject}：公布数{announced}计入了未参与表决的业主，但规则中没有将未表决业主计入多数的条款",
                GUIDANCE_ART_26,
            )
        ]
    return []
