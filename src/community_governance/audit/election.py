"""Audit an announced election: recount from the register and ballots, list every discrepancy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from community_governance._base.exact import Exact
from community_governance._base.format import area_text
from community_governance.audit._report import (
    Scan,
    candidate_id,
    optional_alternates,
    optional_area,
    optional_count,
    optional_names,
    optional_spoiled,
    optional_unfilled,
    prescan,
)
from community_governance.audit.attribution import attribute, non_voters
from community_governance.audit.findings import (
    LISTED,
    NOBODY,
    NOT_STANDING,
    Cause,
    Discrepancy,
    compare,
    figure_text,
)
from community_governance.audit.report import AuditReport
from community_governance.elections.ballots import ElectionBallot
from community_governance.elections.candidates import Candidate
from community_governance.elections.elect import ballot_list, elect, not_a_ballot
from community_governance.elections.options import ElectOptions
from community_governance.elections.result import ElectionResult
from community_governance.exceptions import AuditError, InvalidDataError
from community_governance.register.estate import Estate
from community_governance.rules.elections import BallotPolicy, Handling
from community_governance.rules.ruleset import RuleSet

__all__ = ["AnnouncedCandidate", "AnnouncedElection", "ElectionAudit", "audit_election"]


@attrs.frozen(slots=True)
class AnnouncedCandidate:
    """A candidate's announced figures (``None``: not announced).

    Attributes:
        candidate: Candidate id.
        heads: Announced approving persons.
        area: Announced approving area (exact; a float is refused).
    """

    candidate: str = attrs.field(converter=candidate_id)
    heads: int | None = attrs.field(default=None, converter=optional_count)
    area: Exact | None = attrs.field(default=None, converter=optional_area)


def _announced(value: Any) -> tuple[AnnouncedCandidate, ...]:
    if isinstance(value, Mapping):
        items = []
        for key, figures in value.items():
            if isinstance(figures, tuple | list) and len(figures) != 2:
                raise AuditError(
                    f"announced figures of candidate {key!r} must be heads or (heads, area), "
                    f"not {figures!r:.80}",
                    field="candidates",
                    value=figures,
                )
            heads, area = figures if isinstance(figures, tuple | list) else (figures, None)
            items.append(AnnouncedCandidate(key, heads, area))
        return tuple(items)
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AuditError(
            f"announced candidates must be a mapping or a list of AnnouncedCandidate, "
            f"not {value!r:.80}",
            field="candidates",
            value=value,
        )
    given: tuple[Any, ...] = tuple(value)
    for item in given:
        if not isinstance(item, AnnouncedCandidate):
            raise AuditError(
                f"announced candidates: {item!r:.80} is not an AnnouncedCandidate",
                field="candidates",
                value=item,
            )
    return given


@attrs.frozen(slots=True)
class AnnouncedElection:
    """What was announced (any figure may be left out).

    Attributes:
        participating_heads: Persons announced as taking part.
        participating_area: Area announced as taking part.
        candidates: Per candidate, the announced heads and area; a mapping
            ``{"Li": (412, "38950.2")}`` is accepted.
        elected: Those announced as elected (compared in any order).
        alternates: The alternates (候补委员) announced, in their announced order (compared
            in order: the first alternate fills the first vacancy). The recount seeks
            alternates only when `audit_election` is given ``alternates=``.
        unfilled: The seats announced as left unfilled.
        spoiled_heads: The persons announced as having cast spoiled ballots (废票).
    """

    participating_heads: int | None = attrs.field(default=None, converter=optional_count)
    participating_area: Exact | None = attrs.field(default=None, converter=optional_area)
    candidates: tuple[AnnouncedCandidate, ...] = attrs.field(default=(), converter=_announced)
    elected: tuple[str, ...] | None = attrs.field(default=None, converter=optional_names)
    alternates: tuple[str, ...] | None = attrs.field(default=None, converter=optional_alternates)
    unfilled: int | None = attrs.field(default=None, converter=optional_unfilled)
    spoiled_heads: int | None = attrs.field(default=None, converter=optional_spoiled)


SCHEMA = "community_governance.election_audit/3"
_SCHEMA_2 = "community_governance.election_audit/2"
#: The announced figures schema ``/3`` added.
_NEW_IN_3 = frozenset({"alternates", "unfilled", "spoiled_heads"})


@attrs.frozen(slots=True, repr=False)
class ElectionAudit(AuditReport):
    """The recount and every discrepancy with the announcement, grouped by cause.

    Attributes:
        announced: What was announced.
        recount: The recounted [ElectionResult][community_governance.elections.ElectionResult].
        discrepancies: Every announced figure that differs, with its split among causes.
        irregularities: Irregular ballots found (outside the register, extra, conflicting).
    """

    announced: AnnouncedElection
    recount: ElectionResult
    discrepancies: tuple[Discrepancy, ...]
    irregularities: tuple[Cause, ...] = ()

    _title: ClassVar[str] = "Election audit"
    _title_zh: ClassVar[str] = "选举复核"
    _schema: ClassVar[str] = SCHEMA

    @classmethod
    def _upgraded(cls, data: Any) -> Any:
        """Schema ``/2`` data as ``/3``; other data as given.

        A ``/2`` announcement has no alternates, unfilled seats or spoiled ballots: they load
        as not announced, and a ``/2`` record holding one of them is refused.

        Raises:
            InvalidDataError: ``/2`` data with a figure only ``/3`` has, naming it.
        """
        if not isinstance(data, dict) or data.get("schema") != _SCHEMA_2:
            return data
        announced = data.get("announced")
        newer = sorted(announced.keys() & _NEW_IN_3) if isinstance(announced, dict) else []
        if newer:
            raise InvalidDataError(
                f"ElectionAudit.from_dict: schema {_SCHEMA_2!r} has no announced {newer[0]!r}",
                field=f"announced.{newer[0]}",
                value=data["announced"][newer[0]],
            )
        return {**data, "schema": SCHEMA}

    def _differences(self) -> list[Discrepancy]:
        return election_differences(self.announced, self.recount)

    def _reload_recount(self, rules: RuleSet | None) -> None:
        ElectionResult.from_dict(self.recount.to_dict(), rules=rules)

    def _not_voting(self) -> int:
        return self.recount.total.heads - self.recount.participating.heads

    def _recount_table(self, lang: str) -> tuple[list[str], list[list[str]]]:
        zh = lang == "zh"
        headers = (
            ["名次", "候选人", "同意人数", "同意面积", "结果"]
            if zh
            else ["rank", "candidate", "persons", "area", "outcome"]
        )
        m2 = "平方米" if zh else " m²"
        ranked = sorted(self.recount.candidates, key=lambda c: (c.rank is None, c.rank or 0))
        rows = [
            [
                "—" if c.rank is None else str(c.rank),
                c.candidate,
                str(c.approvals.heads),
                area_text(c.approvals.area) + m2,
                c.status.label(lang),
            ]
            for c in ranked
        ]
        return headers, rows


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
    """Recount an announced election and list every discrepancy, grouped by cause.

    Ballots outside the register, a unit's extra ballots and a person's differing ballots are
    reported and kept out of (or spoiled in) the recount instead of stopping it. Each differing
    head count is split among its likely causes and the unexplained rest: each person counted
    once per unit instead of once (SPC interpretation on building ownership disputes Art. 9),
    named with their units, and non-voters counted as agreeing without a covenant clause
    (Guidance Rules Art. 26(2)).

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

    Raises:
        ElectionInputError: ``ballots`` is not a collection of `ElectionBallot` (one string,
            a motion ballot, a dict...), naming it.
    """
    items = ballot_list(ballots)
    if not all(isinstance(item, ElectionBallot) for item in items):
        raise not_a_ballot(items)
    scan = prescan(
        estate,
        items,
        lambda b: b.unit,
        lambda a, b: a.approvals == b.approvals and a.spoiled == b.spoiled,
        lambda b: ElectionBallot(b.unit, (), spoiled=True),
    )
    policy = attrs.evolve(
        options.pop("policy", None) or BallotPolicy(), unknown_unit=Handling.SET_ASIDE
    )
    recount = elect(
        estate,
        scan.usable,
        candidates=candidates,
        seats=seats,
        rules=rules,
        options=ElectOptions(policy=policy, **options),
    )
    found = [_attributed(d, scan, recount, rules) for d in election_differences(announced, recount)]
    return ElectionAudit(announced, recount, tuple(found), scan.irregular)


def election_differences(
    announced: AnnouncedElection, recount: ElectionResult
) -> list[Discrepancy]:
    """The announced figures that differ from the recount (no causes attached)."""
    part = recount.participating
    found = compare(
        "participation-heads",
        "participation",
        announced.participating_heads,
        part.heads,
        "persons taking part",
        "参与表决人数",
    )
    found += compare(
        "participation-area",
        "participation",
        announced.participating_area,
        part.area,
        "area taking part",
        "参与表决面积",
    )
    found += compare(
        "spoiled-heads",
        "spoiled",
        announced.spoiled_heads,
        recount.spoiled.heads,
        "persons with spoiled ballots",
        "废票人数",
    )
    standing = {result.candidate for result in recount.candidates}
    for item in announced.candidates:
        if item.candidate not in standing:  # figures published for someone not on the list
            found += _not_standing(item)
            continue
        mine = recount.candidate(item.candidate).approvals
        found += compare(
            "candidate-heads",
            item.candidate,
            item.heads,
            mine.heads,
            f"persons approving {item.candidate}",
            f"同意{item.candidate}的人数",
        )
        found += compare(
            "candidate-area",
            item.candidate,
            item.area,
            mine.area,
            f"area approving {item.candidate}",
            f"同意{item.candidate}的面积",
        )
    return found + _seat_differences(announced, recount)


def _seat_differences(announced: AnnouncedElection, recount: ElectionResult) -> list[Discrepancy]:
    """The announced elected (in any order), alternates (in order) and unfilled seats."""
    found: list[Discrepancy] = []
    if announced.elected is not None and sorted(announced.elected) != sorted(recount.all_elected):
        found += compare(
            "elected",
            "elected",
            ", ".join(sorted(announced.elected)),
            ", ".join(sorted(recount.all_elected)),
            "elected",
            "当选人",
        )
    if announced.alternates is not None and announced.alternates != recount.alternates:
        found.append(
            Discrepancy(
                "alternates",
                "alternates",
                ", ".join(announced.alternates) or NOBODY,
                ", ".join(recount.alternates) or NOBODY,
                "alternates, in order",
                "候补委员（按顺序）",
            )
        )
    found += compare(
        "unfilled-seats",
        "seats",
        announced.unfilled,
        recount.unfilled,
        "seats unfilled",
        "空缺席位",
    )
    return found


def _not_standing(item: AnnouncedCandidate) -> list[Discrepancy]:
    """The discrepancies of figures announced for a name that is not a candidate."""
    name = item.candidate
    found = [
        Discrepancy(code, name, figure_text(value, area=area), NOT_STANDING, en, zh)
        for code, value, area, en, zh in (
            (
                "not-a-candidate-heads",
                item.heads,
                False,
                f"persons approving {name}",
                f"同意{name}的人数",
            ),
            (
                "not-a-candidate-area",
                item.area,
                True,
                f"area approving {name}",
                f"同意{name}的面积",
            ),
        )
        if value is not None
    ]
    return found or [Discrepancy("not-a-candidate", name, LISTED, NOT_STANDING, name, name)]


def _attributed(
    difference: Discrepancy, scan: Scan[ElectionBallot], recount: ElectionResult, rules: RuleSet
) -> Discrepancy:
    """Split a head-count difference among the ballots a per-unit count adds and non-voters."""
    if difference.code == "participation-heads":
        evidence = [(cause, len(items)) for cause, items in scan.evidence]
        recounted = recount.participating.heads
    elif difference.code == "candidate-heads":
        cid = difference.subject
        evidence = [
            (cause, sum(1 for b in items if not b.spoiled and cid in b.approvals))
            for cause, items in scan.evidence
        ]
        recounted = recount.candidate(cid).approvals.heads
    else:
        return difference
    not_voting = recount.total.heads - recount.participating.heads
    silent = non_voters(not_voting) if rules.voting.deemed_vote is None else None
    return attribute(difference, int(difference.announced), recounted, evidence, silent, not_voting)
