"""The result of an election: quorum, every candidate's checks, seats, ties, second rounds."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import area_text, counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import check_derived, converter, dump, load, refuse_floats
from community_governance.elections._decide import Counted, bases, decide
from community_governance.elections._seats import Seating, SeatStatus, TieReport, fill_seats
from community_governance.elections.options import NO_POLICY, NO_TIE_BREAK, declared, whole
from community_governance.exceptions import (
    CandidateError,
    DerivedFactMismatchError,
    ElectionInputError,
    InvalidDataError,
)
from community_governance.rules.elections import BallotPolicy, TieBreak
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Measure
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import Check, Figures

__all__ = [
    "CandidateResult",
    "ElectionResult",
    "SeatStatus",
    "TieBreak",
    "TieReport",
    "candidate_results",
]


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

    def __str__(self) -> str:
        """One line, the outcome first: ``"elected #1: A — 8 persons, 800.00 m²"``."""
        rank = f" #{self.rank}" if self.rank is not None else ""
        return (
            f"{self.status.label()}{rank}: {self.candidate} — "
            f"{counted(self.approvals.heads, 'person')}, {area_text(self.approvals.area)} m²"
        )

    def __repr__(self) -> str:
        """One line: the text form in angle brackets."""
        return f"<CandidateResult {self}>"

    def explain(self, lang: str = "en") -> str:
        """The candidate in ``"en"`` or ``"zh"``: rank, outcome and approvals, then each check.

        Chinese names the outcome as the election does (当选, 候补, 未当选...) and each check
        in the statute's wording (参与表决人数过半数...).
        """
        lang = language(lang)
        return "\n".join(_candidate_lines(self, lang))

    def _repr_html_(self) -> str:
        rows = [(check.line(),) for check in self.checks]
        return html_table(str(self), ["check"], rows)


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
        alternate_places: Alternate places sought (the ``alternates`` option).
        spoiled_policy: How spoiled ballots were counted (the rule set's
            ``voting.spoiled_ballots``, default: they take part).
        tie_break_source: Where the tie policy came from: ``"given"`` (the options), the
            rule-set layer that declared it, or ``"default"``.
        policy_source: Where the ballot policy came from (same values).
        scope: Units of a scoped election (e.g. a building's representatives); empty for all.
        notices: Remarks and warnings.
        previous: The earlier round, when this is a further round.
    """

    round: int = attrs.field(validator=lambda _, a, v: whole(v, a.name, 1))
    seats: int = attrs.field(validator=lambda _, a, v: whole(v, a.name, 1))
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
    alternate_places: int = attrs.field(default=0, validator=lambda _, a, v: whole(v, a.name, 0))
    spoiled_policy: SpoiledPolicy = SpoiledPolicy.PARTICIPATING
    tie_break_source: str = "default"
    policy_source: str = "default"
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
        lang = language(lang)
        return election_text(self, lang)

    def _repr_html_(self) -> str:
        return election_html(self)

    def __repr__(self) -> str:
        return f"<ElectionResult {summary(self)}>"

    def __str__(self) -> str:
        return summary(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.election_result/1``."""
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, rules: RuleSet | None = None) -> ElectionResult:
        """Rebuild a result written by [to_dict][community_governance.elections.ElectionResult].

        Derived facts are never trusted: every check's verdict and figures, each candidate's
        ``passed``, ``status`` and ``rank``, and the round's ``elected``, ``alternates``,
        ``ties``, ``unfilled`` and ``second_round`` are recomputed from the stored inputs
        (figures, thresholds, seats, ranking, tie policy), in every earlier round too.

        The thresholds and policies are inputs the rule set supplied. Pass the rule set the
        election was counted under (``rules_for(result.jurisdiction, on=result.on)``) to check
        them against it too: its code, day and layers, the rule and its layer, the quorum and
        approval thresholds, the tie-break, ballot and spoiled-ballot policies, in every round.
        Those a caller gave to `elect` itself (source ``"given"``) are not the rule set's and
        are left as stored. Without ``rules`` they are loaded as stored.

        Args:
            data: The plain data.
            rules: The rule set to check the stored rule against (``None``: not checked).

        Raises:
            DerivedFactMismatchError: a stored derived fact disagrees with the recomputed
                one, or a stored rule with the one ``rules`` supplies (naming the field, the
                stored and the recomputed value).
            InvalidDataError: the data hold a float, name another schema, or do not fit.
            ElectionInputError: ``rules`` is not a `RuleSet`.
        """
        if rules is not None and not isinstance(rules, RuleSet):
            raise ElectionInputError(
                f"ElectionResult.from_dict: rules must be a RuleSet from rules_for(...), not "
                f"{rules!r:.80}",
                what="election result",
                field="rules",
                value=rules,
            )
        refuse_floats("ElectionResult", data)
        result = load(cls, data, SCHEMA)
        verify(result, data, "ElectionResult")
        if rules is not None:
            _against_rules(result, rules, "ElectionResult")
        return result


SCHEMA = "community_governance.election_result/1"
_DERIVED = ("passed", "actual", "required", "margin", "minimum_heads")


def candidate_results(
    ids: tuple[str, ...], approvals: Mapping[str, Figures], counted: Counted, seating: Seating
) -> tuple[CandidateResult, ...]:
    """Every candidate's figures, checks, verdict, outcome and rank, in the order given."""
    return tuple(
        CandidateResult(
            cid,
            approvals[cid],
            counted.checks[cid],
            counted.passed[cid],
            seating.status.get(cid, SeatStatus.FAILED),
            seating.rank.get(cid),
        )
        for cid in ids
    )


def recount(result: ElectionResult) -> tuple[Counted, Seating]:
    """The checks and the seating recomputed from a result's stored inputs."""
    ids = tuple(c.candidate for c in result.candidates)
    if len(set(ids)) != len(ids):
        twice = next(cid for cid in ids if ids.count(cid) > 1)
        raise CandidateError(
            f"candidate {twice!r} is listed twice in round {result.round}",
            what="election result",
            field="candidates",
            value=twice,
        )
    approvals = {c.candidate: c.approvals for c in result.candidates}
    base = bases(result.total, result.participating, result.spoiled, result.spoiled_policy)
    _consistent(result, base)
    counted = decide(
        tuple(c.threshold for c in result.quorum),
        {c.candidate: tuple(k.threshold for k in c.checks) for c in result.candidates},
        approvals,
        base,
    )
    seating = fill_seats(
        counted.passing,
        approvals,
        result.ranking,
        result.seats,
        result.alternate_places,
        result.tie_break,
    )
    return counted, seating


def continues(previous: ElectionResult, ids: tuple[str, ...], seats: int) -> None:
    """Refuse a further round that re-elects a member or fills more seats than were left open.

    Raises:
        CandidateError: a candidate already elected in an earlier round, or more seats than
            the earlier round left unfilled (naming the field and the value).
    """
    seated = [cid for cid in ids if cid in previous.all_elected]
    if seated:
        raise CandidateError(
            f"candidate {seated[0]!r} was already elected in an earlier round",
            what="further round",
            field="candidates",
            value=seated[0],
        )
    if seats > previous.unfilled:
        raise CandidateError(
            f"a further round fills at most the {previous.unfilled} seat(s) round "
            f"{previous.round} left unfilled, not {seats}",
            what="further round",
            field="seats",
            value=seats,
        )


def _consistent(result: ElectionResult, base: dict[Base, Figures]) -> None:
    """Refuse stored figures no count can give, or candidates judged by different rules.

    Those attending are at most all owners, the spoiled at most those attending, and each
    candidate's approvals at most the valid ballots cast, in heads and in area; and every
    candidate is judged by the same approval thresholds (one election rule).

    Raises:
        InvalidDataError: naming the figure (or the checks) and the stored value.
    """
    where = f"round {result.round}"
    limits = [
        ("attending", base[Base.ATTENDING], "all owners", result.total),
        ("spoiled", result.spoiled, "those attending", base[Base.ATTENDING]),
    ]
    limits += [
        (f"approvals of {c.candidate}", c.approvals, "the valid ballots cast", base[Base.CAST])
        for c in result.candidates
    ]
    for name, figures, bound_name, bound in limits:
        if figures.heads > bound.heads or Fraction(figures.area) > Fraction(bound.area):
            raise InvalidDataError(
                f"{where}: {name} ({figures.heads} persons, {area_text(figures.area)} m²) exceed "
                f"{bound_name} ({bound.heads} persons, {area_text(bound.area)} m²); no count "
                "gives these figures",
                field=name,
                value=figures,
            )
    rules = {tuple(k.threshold for k in c.checks) for c in result.candidates}
    if len(rules) > 1:
        raise InvalidDataError(
            f"{where}: the candidates' approval checks apply different thresholds; one "
            "election rule judges every candidate",
            field="candidates.checks",
            value=tuple(rules),
        )


def verify(result: ElectionResult, data: dict[str, Any], what: str) -> None:
    """Refuse a loaded result whose derived facts differ from those recomputed on load."""
    counted, seating = recount(result)
    _checks(f"{what}.quorum", result.quorum, counted.quorum, data["quorum"])
    for i, (cand, stored) in enumerate(zip(result.candidates, data["candidates"], strict=True)):
        where = f"{what}.candidates[{i}]"
        _checks(f"{where}.checks", cand.checks, counted.checks[cand.candidate], stored["checks"])
        check_derived(where, "passed", cand.passed, counted.passed[cand.candidate])
        status = seating.status.get(cand.candidate, SeatStatus.FAILED)
        check_derived(where, "status", cand.status, status)
        check_derived(where, "rank", cand.rank, seating.rank.get(cand.candidate))
    for field in ("elected", "alternates", "ties", "unfilled", "second_round"):
        check_derived(what, field, getattr(result, field), getattr(seating, field))
    warned = any(notice.code == "quorum-not-met" for notice in result.notices)
    check_derived(what, "notices: quorum-not-met", warned, not counted.quorum_met)
    expected_round = 1 if result.previous is None else result.previous.round + 1
    check_derived(what, "round", result.round, expected_round)
    if result.previous is not None:
        verify(result.previous, data["previous"], f"{what}.previous")
        continues(result.previous, tuple(c.candidate for c in result.candidates), result.seats)


def _against_rules(result: ElectionResult, rules: RuleSet, what: str) -> None:
    """Refuse a result whose stored rule and policies are not those ``rules`` supplies."""
    for field, stored, given in (
        ("jurisdiction", result.jurisdiction, rules.code),
        ("on", result.on.isoformat(), rules.on.isoformat()),
        ("layers", result.layers, rules.layer_names),
    ):
        check_derived(what, field, stored, given)
    if result.rule_layer != "given":
        provided = rules.resolution(Matter.ELECT_COMMITTEE)
        rule = provided.value
        check_derived(what, "rule_layer", result.rule_layer, provided.layer)
        check_derived(what, "rule_citation", result.rule_citation, rule.citation)
        check_derived(what, "quorum", tuple(c.threshold for c in result.quorum), rule.quorum)
        for index, candidate in enumerate(result.candidates):
            thresholds = tuple(c.threshold for c in candidate.checks)
            check_derived(f"{what}.candidates[{index}]", "checks", thresholds, rule.approval)
    spoiled_param = rules.voting.spoiled_ballots
    spoiled = spoiled_param.value if spoiled_param else SpoiledPolicy.PARTICIPATING
    check_derived(what, "spoiled_policy", result.spoiled_policy, spoiled)
    # a policy the caller gave to `elect` (source "given") is not the rule set's
    if result.tie_break_source != "given":
        tie_break = declared(None, rules.elections.tie_break, NO_TIE_BREAK)
        check_derived(what, "tie_break", (result.tie_break, result.tie_break_source), tie_break)
    if result.policy_source != "given":
        policy = declared(None, rules.elections.ballot_policy, NO_POLICY)
        check_derived(what, "policy", (result.policy, result.policy_source), policy)
    if result.previous is not None:
        _against_rules(result.previous, rules, f"{what}.previous")


def _checks(
    what: str, stored: tuple[Check, ...], again: tuple[Check, ...], data: list[dict[str, Any]]
) -> None:
    for index, (mine, redo, raw) in enumerate(zip(stored, again, data, strict=True)):
        where = f"{what}[{index}]"
        for field in ("numerator", "denominator"):
            kept, fresh = getattr(mine, field), getattr(redo, field)
            if Fraction(kept) != Fraction(fresh):
                raise DerivedFactMismatchError(
                    what=where, field=field, stored=kept, recomputed=fresh
                )
        plain = converter.unstructure(redo)
        for field in _DERIVED:
            check_derived(where, field, raw.get(field), plain[field])


def summary(result: ElectionResult) -> str:
    """One line, the verdict first: who is elected, seats left open, the round and quorum."""
    elected = ", ".join(result.elected) or "nobody"
    quorum = "quorum met" if result.quorum_met else "quorum NOT met"
    text = f"elected {elected}"
    if result.alternates:
        text += f"; alternates {', '.join(result.alternates)}"
    return (
        f"{text}; {result.unfilled} of {result.seats} seat(s) unfilled; round {result.round}, "
        f"{quorum}, {result.jurisdiction} on {result.on.isoformat()}"
    )


def election_text(result: ElectionResult, lang: str) -> str:
    """The election as text: quorum, each candidate, seats, ties, second round."""
    zh = lang == "zh"
    lines: list[str] = []
    if result.previous is not None:
        lines.extend([election_text(result.previous, lang), ""])
    lines.extend(_head_lines(result, zh))
    lines.extend(f"  {check.line(lang)}" for check in result.quorum)
    for cand in result.candidates:
        lines.extend(_candidate_lines(cand, lang))
    order = "、".join(result.elected) if zh else ", ".join(result.elected)
    lines.append(f"当选：{order or '无'}" if zh else f"Elected: {order or 'nobody'}")
    if result.alternates:
        lines.append(("候补：" if zh else "Alternates: ") + _names(result.alternates, zh))
    lines.extend(_tie_line(result, tie, zh) for tie in result.ties)
    lines.append(_sources(result, zh))
    if result.unfilled:
        names = _names(result.second_round, zh)
        lines.append(
            f"空缺{result.unfilled}席；下一轮候选人：{names}"
            if zh
            else f"Unfilled: {result.unfilled} seat(s); candidates for a further round: {names}"
        )
    lines.extend(("注意：" if zh else "Note: ") + n.text(lang) for n in result.notices)
    return "\n".join(lines)


def _head_lines(result: ElectionResult, zh: bool) -> list[str]:
    """The round, its rules, and who took part."""
    part, total = result.participating, result.total
    if zh:
        return [
            f"第{result.round}轮选举：{result.seats}个席位；适用规则 {result.jurisdiction}，"
            f"{result.on.isoformat()}（{layer_zh(result.rule_layer)}；"
            f"{result.rule_citation.format('zh')}）",
            f"参与表决{part.heads}人、{area_text(part.area)}平方米，"
            f"共{total.heads}人、{area_text(total.area)}平方米；废票{result.spoiled.heads}人",
        ]
    return [
        f"Round {result.round}: {result.seats} seat(s); rules {result.jurisdiction} on "
        f"{result.on.isoformat()} ({result.rule_layer}; {result.rule_citation.format()})",
        f"Taking part: {part.heads} of {counted(total.heads, 'person')}, "
        f"{area_text(part.area)} of {area_text(total.area)} m²; "
        f"spoiled {result.spoiled.heads}",
    ]


def _candidate_lines(cand: CandidateResult, lang: str) -> list[str]:
    """One candidate: rank, outcome, approvals, then each check."""
    rank = f"#{cand.rank} " if cand.rank is not None else ""
    area = area_text(cand.approvals.area)
    head = (
        f"候选人{cand.candidate}：{rank}{cand.status.label('zh')}，同意{cand.approvals.heads}人、"
        f"{area}平方米"
        if lang == "zh"
        else f"{cand.candidate}: {rank}{cand.status.label()} — approved by "
        f"{counted(cand.approvals.heads, 'person')}, {area} m²"
    )
    return [head, *(f"    {check.line(lang)}" for check in cand.checks)]


def _tie_line(result: ElectionResult, tie: TieReport, zh: bool) -> str:
    """A tie and what the tie policy did with it."""
    names = _names(tie.candidates, zh)
    seed = result.tie_break.seed
    if tie.chosen:
        chosen = _names(tie.chosen, zh)
        how = f"抽签（种子 {seed}）选中 {chosen}" if zh else f"lot (seed {seed!r}) chose {chosen}"
    else:
        how = "席位空缺，待再次投票" if zh else "places left open for a run-off"
    source = result.tie_break.citation.format("zh" if zh else "en")
    if zh:
        return f"并列：{names} 争{tie.places}个位置 —— {how}（{source}）"
    return f"Tie: {names} for {tie.places} place(s) — {how} ({source})"


def _names(names: tuple[str, ...], zh: bool) -> str:
    """Names as a list: joined with 、 in Chinese, with ``", "`` in English."""
    return ("、" if zh else ", ").join(names)


def layer_zh(layer: str) -> str:
    """A layer or source in Chinese: its code (``"CN-SH"``), 调用时指定 or 本库默认."""
    if layer == "given":
        return "调用时指定"
    if layer == "default":
        return "本库默认"
    return "规则层级" + layer.split(":", 1)[0]


def _sources(result: ElectionResult, zh: bool) -> str:
    """Where the tie policy and the ballot policy came from."""
    if zh:
        return (
            f"并列处理依据：{layer_zh(result.tie_break_source)}；"
            f"不规范选票处理依据：{layer_zh(result.policy_source)}"
        )
    return (
        f"Tie policy from: {result.tie_break_source}; "
        f"irregular-ballot policy from: {result.policy_source}"
    )


def election_html(result: ElectionResult) -> str:
    """The candidates as an HTML table (English, with the Chinese verdicts)."""
    rows = [
        [
            cand.candidate,
            cand.rank if cand.rank is not None else "—",
            cand.approvals.heads,
            area_text(cand.approvals.area),
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
