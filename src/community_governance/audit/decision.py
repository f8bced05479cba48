"""Audit an announced motion decision: recount with [decide][community_governance.decide]."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

import attrs

from community_governance._base.exact import Exact
from community_governance.audit._report import (
    AuditReport,
    Discrepancy,
    compare,
    optional_area,
    optional_count,
    prescan,
)
from community_governance.audit.election import _causes
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.voting.ballots import Ballot, Choice
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

if TYPE_CHECKING:
    from community_governance.rules.ruleset import RuleSet

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
    passed: bool | None = None


@attrs.frozen(slots=True)
class DecisionAudit(AuditReport):
    """The recounted decision and every discrepancy with the announcement.

    Attributes:
        announced: What was announced.
        recount: The recounted [Decision][community_governance.Decision].
        discrepancies: Every difference and irregularity.
    """

    announced: AnnouncedDecision
    recount: Decision
    discrepancies: tuple[Discrepancy, ...]

    _title: ClassVar[str] = "Decision audit"
    _schema: ClassVar[str] = "community_governance.decision_audit/1"


def audit_decision(
    estate: Estate,
    ballots: Iterable[Ballot],
    announced: AnnouncedDecision,
    *,
    matter: Matter | str,
    rules: RuleSet,
) -> DecisionAudit:
    """Recount an announced motion decision and list every discrepancy.

    Args:
        estate: The register.
        ballots: The motion ballots as collected.
        announced: What was announced.
        matter: The matter decided.
        rules: The rule set.

    Returns:
        The [DecisionAudit][community_governance.audit.DecisionAudit].
    """
    usable, found = prescan(
        estate,
        ballots,
        lambda b: b.unit,
        lambda a, b: a.choice is b.choice,
        lambda b: Ballot(b.unit, Choice.SPOILED),
    )
    recount = decide(estate, usable, matter=matter, rules=rules)
    tally = recount.tally
    not_voting = tally.total.heads - tally.participating.heads
    found += compare(
        "participation-heads",
        "participation",
        announced.participating_heads,
        tally.participating.heads,
        "persons taking part",
        "参与表决人数",
    )
    if (
        announced.participating_heads is not None
        and announced.participating_heads != tally.participating.heads
    ):
        counted = sum(1 for b in usable if b.proxy is None or b.proxy.written_authorisation)
        found += _causes(
            "participation",
            announced.participating_heads,
            tally.participating.heads,
            counted,
            tally.total.heads,
            rules,
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
    if announced.agree_heads is not None and announced.agree_heads != tally.agree.heads:
        agreeing = sum(1 for b in usable if b.choice is Choice.AGREE)
        found += _causes(
            "agree",
            announced.agree_heads,
            tally.agree.heads,
            agreeing,
            tally.agree.heads + not_voting,
            rules,
        )
    found += compare(
        "agree-area", "agree", announced.agree_area, tally.agree.area, "area agreeing", "同意面积"
    )
    if announced.passed is not None and announced.passed is not recount.passed:
        found += compare(
            "passed",
            "result",
            "passed" if announced.passed else "not passed",
            "passed" if recount.passed else "not passed",
            "result",
            "表决结果",
        )
    return DecisionAudit(announced, recount, tuple(found))
