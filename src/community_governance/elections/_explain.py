"""Renderers and notices for vetting, composition and election results (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from community_governance._base.citations import Citation, Confidence
from community_governance._base.format import decimal_text, percent_text
from community_governance._base.html import html_table
from community_governance._base.notices import Notice
from community_governance.register.counting import SPC_ART_9

if TYPE_CHECKING:
    from community_governance.elections._count import Folded
    from community_governance.elections.composition import Composition
    from community_governance.elections.eligibility import Vetting
    from community_governance.elections.result import ElectionResult
    from community_governance.register.estate import Estate

_IRREGULAR = Citation(
    "library_design",
    "election-ballots.irregular",
    confidence=Confidence.MEDIUM,
    note="declared ballot policy",
)


#: How many persons a notice names before it only counts the rest.
_SHOWN = 10


def vetting_text(vetting: Vetting, lang: str) -> str:
    """The vetting as text: status, then one line per rule."""
    zh = lang == "zh"
    cand = vetting.candidate.id
    lines = [
        f"候选人{cand}：{vetting.status.label('zh')}"
        if zh
        else f"Candidate {cand}: {vetting.status.label()}"
    ]
    marks = {"eligible": "✓", "ineligible": "✗", "undetermined": "?"}
    for verdict in vetting.verdicts:
        rule = verdict.rule
        facts = ", ".join(f"{name}={value}" for name, value in verdict.facts)
        missing = (
            ("；缺少：" if zh else "; missing: ") + ", ".join(verdict.missing)
            if verdict.missing
            else ""
        )
        lines.append(
            f"  {marks[verdict.outcome.value]} {rule.zh if zh else rule.en} [{facts}{missing}] "
            f"— {rule.citation.format(lang)}"
        )
    lines.extend(("注意：" if zh else "Note: ") + n.text(lang) for n in vetting.notices)
    return "\n".join(lines)


def composition_text(composition: Composition, lang: str) -> str:
    """The composition report as text."""
    zh = lang == "zh"
    lines = [f"成员{composition.size}人" if zh else f"Members: {composition.size}"]
    lines.append(("党员：" if zh else "Party members: ") + composition.party.text(lang))
    if composition.age_range is not None:
        low, high = composition.age_range
        mean = decimal_text(composition.mean_age or 0, 1)
        lines.append(
            f"年龄：{low}–{high}岁，平均{mean}岁" if zh else f"Ages: {low}–{high}, mean {mean}"
        )
    if composition.ages_unknown:
        lines.append(
            f"年龄不明：{composition.ages_unknown}人"
            if zh
            else f"Age unknown: {composition.ages_unknown}"
        )
    jobs = ", ".join(
        f"{job} {count} ({percent_text(count, composition.size)})"
        for job, count in composition.occupations
    )
    lines.append(("职业：" if zh else "Occupations: ") + jobs)
    for target, met in composition.targets:
        verdict = {
            True: ("达到", "met"),
            False: ("未达到", "not met"),
            None: ("待定", "undetermined"),
        }[met]
        bound = percent_text(target.at_least.numerator, target.at_least.denominator)
        if zh:
            source = target.citation.format("zh")
            lines.append(
                f"目标（政策，非资格条件）：{target.name}不少于{bound} —— {verdict[0]}（{source}）"
            )
        else:
            lines.append(
                f"Target (policy, not an eligibility rule): {target.name} at least {bound} — "
                f"{verdict[1]} ({target.citation.format()})"
            )
    return "\n".join(lines)


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


def fold_notices(estate: Estate, folded: Folded, quorum_met: bool) -> list[Notice]:
    """Notices on irregular ballots, multi-unit persons and the quorum."""
    notices: list[Notice] = []
    for code, units, en, zh in (
        (
            "ballots-set-aside",
            folded.set_aside,
            "ballots for units outside the register were set aside",
            "名册以外专有部分的选票未计入",
        ),
        (
            "over-approval-spoiled",
            folded.over_approved,
            "ballots approving more candidates than seats were spoiled",
            "所选人数超过应选名额的选票作废票处理",
        ),
        (
            "non-candidate-spoiled",
            folded.non_candidate,
            "ballots approving a non-candidate were spoiled",
            "选择非候选人的选票作废票处理",
        ),
    ):
        if units:
            listed = ", ".join(sorted(units))
            notices.append(Notice(code, f"{en}: {listed}", f"{zh}：{listed}", _IRREGULAR))
    multi = estate._grouping.multi_unit
    voted = [p for p in sorted(multi) if p in folded.persons]
    if voted:
        persons = estate.persons
        listed = ", ".join(persons[p].label for p in voted[:_SHOWN])
        if len(voted) > _SHOWN:
            listed += f" (+{len(voted) - _SHOWN})"
        notices.append(
            Notice(
                "multi-unit-persons",
                f"persons holding several units were counted once each: {listed}",
                f"拥有多个专有部分的业主各按一人计算：{listed}",
                SPC_ART_9,
            )
        )
    if not quorum_met:
        notices.append(
            Notice(
                "quorum-not-met",
                "the participation quorum was not met: nobody is elected",
                "参与表决人数或面积未达到要求，无人当选",
            )
        )
    return notices
