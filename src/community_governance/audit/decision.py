"""Audit an announced motion decision: recount with [decide][community_governance.decide]."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from community_governance._base.exact import Exact
from community_governance._base.format import area_text
from community_governance.audit._report import (
    Scan,
    optional_area,
    optional_count,
    optional_flag,
    prescan,
)
from community_governance.audit.attribution import attribute, non_voters
from community_governance.audit.findings import Cause, Discrepancy, compare
from community_governance.audit.report import AuditReport
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.voting.ballots import Ballot, Choice
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

__all__ = ["AnnouncedDecision", "DecisionAudit", "audit_decision"]


@attrs.frozen(slots=True)
class AnnouncedDecision:
    """What was announced about a motion (any figure may be left out).

    Attributes:
        participating_heads: Persons announced as taking part.
        participating_area: Area announced as taking part.
        agree_heads: Persons announced as agreeing.
        agree_area: Area announced as agreeing.
        passed: Whether the motion was announced as passed.
    """

    participating_heads: int | None = attrs.field(default=None, converter=optional_count)
    participating_area: Exact | None = attrs.field(default=None, converter=optional_area)
    agree_heads: int | None = attrs.field(default=None, converter=optional_count)
    agree_area: Exact | None = attrs.field(default=None, converter=optional_area)
    passed: bool | None = attrs.field(default=None, converter=optional_flag)


@attrs.frozen(slots=True, repr=False)
class DecisionAudit(AuditReport):
    """The recounted decision and every discrepancy with the announcement, grouped by cause.

    Attributes:
        announced: What was announced.
        recount: The recounted [Decision][community_governance.Decision].
        discrepancies: Every announced figure that differs, with its split among causes.
        irregularities: Irregular ballots found (outside the register, extra, conflicting).
    """

    announced: AnnouncedDecision
    recount: Decision
    discrepancies: tuple[Discrepancy, ...]
    irregularities: tuple[Cause, ...] = ()

    _title: ClassVar[str] = "Decision audit"
    _title_zh: ClassVar[str] = "表决复核"
    _schema: ClassVar[str] = "community_governance.decision_audit/2"

    def _differences(self) -> list[Discrepancy]:
        return decision_differences(self.announced, self.recount)

    def _reload_recount(self, rules: RuleSet | None) -> None:
        Decision.from_dict(self.recount.to_dict(), rules=rules)

    def _not_voting(self) -> int:
        tally = self.recount.tally
        return tally.total.heads - tally.participating.heads

    def _recount_table(self, lang: str) -> tuple[list[str], list[list[str]]]:
        zh = lang == "zh"
        tally = self.recount.tally
        m2 = "平方米" if zh else " m²"
        names = _ROWS_ZH if zh else _ROWS_EN
        figures = [tally.total, tally.participating, tally.agree, tally.oppose, tally.abstain]
        rows = [
            [name, str(f.heads), area_text(f.area) + m2]
            for name, f in zip(names[:-1], [*figures, tally.spoiled], strict=True)
        ]
        rows.append([names[-1], _outcome(self.recount.passed, lang), ""])
        return (["项目", "人数", "面积"] if zh else ["figure", "persons", "area"]), rows


_ROWS_EN = ("all owners", "taking part", "agree", "oppose", "abstain", "spoiled", "result")
_ROWS_ZH = ("全体业主", "参与表决", "同意", "反对", "弃权", "废票", "表决结果")


def _outcome(passed: bool, lang: str) -> str:
    if lang == "zh":
        return "通过" if passed else "未通过"
    return "passed" if passed else "not passed"


def audit_decision(
    estate: Estate,
    ballots: Iterable[Ballot],
    announced: AnnouncedDecision,
    *,
    matter: Matter | str,
    rules: RuleSet,
) -> DecisionAudit:
    """Recount an announced motion decision and list every discrepancy, grouped by cause.

    Irregular ballots are handled as in [audit_election][community_governance.audit.audit_election];
    a differing head count of those taking part or agreeing is split among the persons counted
    once per unit (named with their units), non-voters counted without a covenant clause, and
    the unexplained rest.

    Args:
        estate: The register.
        ballots: The motion ballots as collected.
        announced: What was announced.
        matter: The matter decided.
        rules: The rule set.

    Returns:
        The [DecisionAudit][community_governance.audit.DecisionAudit].
    """
    scan = prescan(
        estate,
        ballots,
        lambda b: b.unit,
        lambda a, b: a.choice is b.choice,
        lambda b: Ballot(b.unit, Choice.SPOILED),
    )
    recount = decide(estate, scan.usable, matter=matter, rules=rules)
    found = [_attributed(d, scan, recount, rules) for d in decision_differences(announced, recount)]
    return DecisionAudit(announced, recount, tuple(found), scan.irregular)


def decision_differences(announced: AnnouncedDecision, recount: Decision) -> list[Discrepancy]:
    """The announced figures that differ from the recount (no causes attached)."""
    tally = recount.tally
    found = compare(
        "participation-heads",
        "participation",
        announced.participating_heads,
        tally.participating.heads,
        "persons taking part",
        "参与表决人数",
    )
    found += compare(
        "participation-area",
        "participation",
        announced.participating_area,
        tally.participating.area,
        "area taking part",
        "参与表决面积",
    )
    found += compare(
        "agree-heads",
        "agree",
        announced.agree_heads,
        tally.agree.heads,
        "persons agreeing",
        "同意人数",
    )
    found += compare(
        "agree-area", "agree", announced.agree_area, tally.agree.area, "area agreeing", "同意面积"
    )
    if announced.passed is not None and announced.passed is not recount.passed:
        found += compare(
            "passed",
            "result",
            _outcome(announced.passed, "en"),
            _outcome(recount.passed, "en"),
            "result",
            "表决结果",
        )
    return found


def _attributed(
    difference: Discrepancy, scan: Scan[Ballot], recount: Decision, rules: RuleSet
) -> Discrepancy:
    """Split a head-count difference among the ballots a per-unit count adds and non-voters."""
    tally = recount.tally
    if difference.code == "participation-heads":
        evidence = [
            (cause, sum(1 for b in items if b.proxy is None or b.proxy.written_authorisation))
            for cause, items in scan.evidence
        ]
        recounted = tally.participating.heads
    elif difference.code == "agree-heads":
        evidence = [
            (cause, sum(1 for b in items if b.choice is Choice.AGREE))
            for cause, items in scan.evidence
        ]
        recounted = tally.agree.heads
    else:
        return difference
    not_voting = tally.total.heads - tally.participating.heads
    silent = non_voters(not_voting) if rules.voting.deemed_vote is None else None
    return attribute(difference, int(difference.announced), recounted, evidence, silent, not_voting)
