"""The result of an election: quorum, every candidate's checks, seats, ties, second rounds."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import decimal_text
from community_governance._base.html import html_table
from community_governance._base.notices import Notice
from community_governance._base.serial import dump, load
from community_governance.exceptions import CandidateError
from community_governance.rules.elections import BallotPolicy, TieBreak
from community_governance.rules.thresholds import Measure
from community_governance.voting.checks import Check, Figures

__all__ = [
    "CandidateResult",
    "ElectionResult",
    "SeatStatus",
    "TieBreak",
    "TieReport",
]


class SeatStatus(Enum):
    """What became of a candidate in one round.

    Attributes:
        ELECTED: Passed every approval check and won a seat.
        ALTERNATE: Passed, and was chosen as an alternate (候补委员).
        TIED: Passed, tied at the cut-off, and the declared tie policy left the seat open.
        NOT_SEATED: Passed, but ranked below the seats and alternates.
        FAILED: Did not pass the approval checks (or the quorum was not met).
    """

    ELECTED = "elected"
    ALTERNATE = "alternate"
    TIED = "tied"
    NOT_SEATED = "not-seated"
    FAILED = "failed"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        zh = {
            "elected": "当选",
            "alternate": "候补",
            "tied": "票数相同，待决",
            "not-seated": "通过但未入选",
            "failed": "未通过",
        }
        return zh[self.value] if lang == "zh" else self.value


@attrs.frozen(slots=True)
class TieReport:
    """A tie at the cut-off and what the tie policy did with it.

    Attributes:
        candidates: The tied candidates.
        places: Seats (or alternate places) at stake among them.
        chosen: Those given the places (empty under a run-off).
        for_alternates: Whether the tie was for alternate places.
    """

    candidates: tuple[str, ...]
    places: int
    chosen: tuple[str, ...]
    for_alternates: bool = False


@attrs.frozen(slots=True)
class CandidateResult:
    """One candidate's figures, checks and outcome.

    Attributes:
        candidate: Candidate id.
        approvals: Approving persons and their area.
        checks: Approval checks (heads and area against those taking part).
        passed: Whether every approval check passed and the quorum was met.
        status: Outcome in this round.
        rank: 1-based place among those who passed (``None`` if failed).
    """

    candidate: str
    approvals: Figures
    checks: tuple[Check, ...]
    passed: bool
    status: SeatStatus
    rank: int | None


@attrs.frozen(slots=True)
class ElectionResult:
    """The outcome of `elect`.

    Attributes:
        round: 1 for a first round; one more than the previous round otherwise.
        seats: Seats to fill in this round.
        candidates: Every candidate's result, in the order given.
        elected: Elected in this round, by rank.
        alternates: Alternates chosen in this round, by rank.
        quorum: The participation checks.
        total: All counted persons and area (of the register or scope).
        participating: Those taking part (spoiled ballots per the spoiled-ballot policy).
        spoiled: Persons with spoiled ballots.
        set_aside: Units outside the register whose ballots were set aside.
        over_approved: Units whose ballots were spoiled for approving more than the seats.
        non_candidate: Units whose ballots were spoiled for approving a non-candidate.
        ties: Ties at the cut-off and what the tie policy did.
        unfilled: Seats left open.
        second_round: Candidates for a further round: tied first, then the others not elected.
        ranking: Measures ranking those who pass, most important first.
        tie_break: The declared tie policy.
        policy: The declared handling of irregular ballots.
        jurisdiction: Code of the rule set.
        on: Its date.
        layers: Its layers.
        rule_layer: The layer that supplied the election rule.
        rule_citation: The article listing the matter.
        scope: Units of a scoped election (e.g. a building's representatives); empty for all.
        notices: Remarks and warnings.
        previous: The earlier round, when this is a further round.
    """

    round: int
    seats: int
    candidates: tuple[CandidateResult, ...]
    elected: tuple[str, ...]
    alternates: tuple[str, ...]
    quorum: tuple[Check, ...]
    total: Figures
    participating: Figures
    spoiled: Figures
    set_aside: tuple[str, ...]
    over_approved: tuple[str, ...]
    non_candidate: tuple[str, ...]
    ties: tuple[TieReport, ...]
    unfilled: int
    second_round: tuple[str, ...]
    ranking: tuple[Measure, ...]
    tie_break: TieBreak
    policy: BallotPolicy
    jurisdiction: str
    on: date
    layers: tuple[str, ...]
    rule_layer: str
    rule_citation: Citation
    scope: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = ()
    previous: ElectionResult | None = None

    @property
    def quorum_met(self) -> bool:
        """Whether every participation check passed."""
        return all(check.passed for check in self.quorum)

    @property
    def all_elected(self) -> tuple[str, ...]:
        """Elected in every round so far, earlier rounds first."""
        earlier = self.previous.all_elected if self.previous is not None else ()
        return (*earlier, *self.elected)

    def candidate(self, candidate_id: str) -> CandidateResult:
        """The result of one candidate.

        Raises:
            CandidateError: no such candidate in this round (message names it).
        """
        for result in self.candidates:
            if result.candidate == candidate_id:
                return result
        raise CandidateError(
            f"{candidate_id!r} was not a candidate in round {self.round}",
            what=f"candidate {candidate_id}",
            field="candidate",
            value=candidate_id,
        )

    def explain(self, lang: str = "en") -> str:
        """Plain-text explanation in ``"en"`` or ``"zh"``: quorum, candidates, seats, ties."""
        return election_text(self, lang)

    def _repr_html_(self) -> str:
        return election_html(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.election_result/1``."""
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ElectionResult:
        """Rebuild a result written by [to_dict][community_governance.elections.ElectionResult]."""
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.election_result/1"


def election_text(result: ElectionResult, lang: str) -> str:
    """The election as text: quorum, each candidate, seats, ties, second round."""
    zh = lang == "zh"
    lines: list[str] = []
    if result.previous is not None:
        lines.extend([election_text(result.previous, lang), ""])
    if zh:
        lines.append(
            f"第{result.round}轮选举：{result.seats}个席位；适用规则 {result.jurisdiction}，"
            f"{result.on.isoformat()}（{result.rule_layer}；{result.rule_citation.format('zh')}）"
        )
        lines.append(
            f"参与表决{result.participating.heads}人、{decimal_text(result.participating.area)}平方米，"
            f"共{result.total.heads}人、{decimal_text(result.total.area)}平方米；废票{result.spoiled.heads}人"
        )
    else:
        lines.append(
            f"Round {result.round}: {result.seats} seat(s); rules {result.jurisdiction} on "
            f"{result.on.isoformat()} ({result.rule_layer}; {result.rule_citation.format()})"
        )
        lines.append(
            f"Taking part: {result.participating.heads} of {result.total.heads} persons, "
            f"{decimal_text(result.participating.area)} of {decimal_text(result.total.area)} m²; "
            f"spoiled {result.spoiled.heads}"
        )
    lines.extend(f"  {check.line(lang)}" for check in result.quorum)
    for cand in result.candidates:
        rank = f"#{cand.rank} " if cand.rank is not None else ""
        head = (
            f"候选人{cand.candidate}：{rank}{cand.status.label('zh')}，同意{cand.approvals.heads}人、"
            f"{decimal_text(cand.approvals.area)}平方米"
            if zh
            else f"{cand.candidate}: {rank}{cand.status.label()} — approved by "
            f"{cand.approvals.heads} persons, {decimal_text(cand.approvals.area)} m²"
        )
        lines.append(head)
        lines.extend(f"    {check.line(lang)}" for check in cand.checks)
    order = "、".join(result.elected) if zh else ", ".join(result.elected)
    lines.append(f"当选：{order or '无'}" if zh else f"Elected: {order or 'nobody'}")
    if result.alternates:
        lines.append(("候补：" if zh else "Alternates: ") + ", ".join(result.alternates))
    for tie in result.ties:
        names = ", ".join(tie.candidates)
        how = (
            (
                "抽签（种子 " + str(result.tie_break.seed) + "）选中 "
                if zh
                else f"lot (seed {result.tie_break.seed!r}) chose "
            )
            + ", ".join(tie.chosen)
            if tie.chosen
            else ("席位空缺，待再次投票" if zh else "places left open for a run-off")
        )
        source = result.tie_break.citation.format(lang)
        lines.append(
            f"并列：{names} 争{tie.places}个位置 —— {how}（{source}）"
            if zh
            else f"Tie: {names} for {tie.places} place(s) — {how} ({source})"
        )
    if result.unfilled:
        names = ", ".join(result.second_round)
        lines.append(
            f"空缺{result.unfilled}席；下一轮候选人：{names}"
            if zh
            else f"Unfilled: {result.unfilled} seat(s); candidates for a further round: {names}"
        )
    lines.extend(("注意：" if zh else "Note: ") + n.text(lang) for n in result.notices)
    return "\n".join(lines)


def election_html(result: ElectionResult) -> str:
    """The candidates as an HTML table (English, with the Chinese verdicts)."""
    rows = [
        [
            cand.candidate,
            cand.rank if cand.rank is not None else "—",
            cand.approvals.heads,
            decimal_text(cand.approvals.area),
            " ".join("✓" if c.passed else "✗" for c in cand.checks),
            f"{cand.status.label()} {cand.status.label('zh')}",
        ]
        for cand in result.candidates
    ]
    quorum = "met" if result.quorum_met else "NOT met"
    caption = (
        f"Round {result.round}: {result.seats} seat(s); quorum {quorum}; elected "
        f"{', '.join(result.elected) or 'nobody'}; unfilled {result.unfilled}"
    )
    footer = [check.line() for check in result.quorum] + [n.text() for n in result.notices]
    return html_table(
        caption, ["candidate", "rank", "heads", "area m²", "checks", "status"], rows, footer=footer
    )
