"""Vetting candidates: every rule's verdict, the facts read and the facts missing.

[vet][community_governance.elections.vet] applies the rule set's eligibility rules (national
conditions, local bars) and the estate's own negative lists to one candidate. The result is
three-valued: a candidate is *undetermined* while a fact some rule needs is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import dump, load
from community_governance.elections.candidates import Candidate
from community_governance.elections.options import collection
from community_governance.elections.rules import candidate_rules
from community_governance.exceptions import ElectionInputError, EligibilityError
from community_governance.register import CivilCapacity, Estate, OwnerKind
from community_governance.rules.eligibility import Disqualification, Eligibility, EligibilityRule
from community_governance.rules.ruleset import RuleSet

__all__ = ["FACT_ZH", "NegativeList", "PositiveList", "RuleVerdict", "Vetting", "fact_zh", "vet"]

REGISTER = Citation(
    "library_design",
    "vetting.register-facts",
    confidence=Confidence.HIGH,
    note="owner status and known civil capacity are read from the register",
)


def _bars(value: Iterable[object]) -> tuple[Disqualification, ...]:
    items: list[Disqualification] = []
    for item in collection(value, "bars", object, "Disqualification values"):
        if not isinstance(item, Disqualification):
            raise EligibilityError(
                f"negative-list item {item!r} is not a Disqualification",
                what="negative-list item",
                value=item,
            )
        items.append(item)
    return tuple(items)


@attrs.frozen(slots=True)
class NegativeList:
    """The estate's own negative list (负面清单): bars adopted for this election.

    Attributes:
        name: Display name, e.g. ``"re-election negative list"``.
        bars: The excluded conditions.
        clause: Where the estate adopted it (re-election plan, rules of procedure...).
    """

    name: str
    bars: tuple[Disqualification, ...] = attrs.field(converter=_bars)
    clause: str

    @property
    def rules(self) -> tuple[EligibilityRule, ...]:
        """One bar rule per item, cited to the estate's clause."""
        citation = Citation("estate_rules", self.clause, note=self.name)
        return tuple(EligibilityRule.bar(item, citation) for item in self.bars)


def _members(value: object) -> frozenset[str]:
    return frozenset(collection(value, "members", str, "candidate ids"))


@attrs.frozen(slots=True)
class PositiveList:
    """The estate's positive list (正面清单): people the owners see working for the estate.

    Being on it is not a legal condition; it feeds slate ranking as one priority.

    Attributes:
        name: Display name.
        members: Candidate ids on the list.
        clause: Where the estate adopted it.
    """

    name: str
    members: frozenset[str] = attrs.field(converter=_members)
    clause: str


@attrs.frozen(slots=True)
class RuleVerdict:
    """One rule applied to one candidate.

    Attributes:
        rule: The rule, with its citation.
        outcome: Eligible, ineligible or undetermined under this rule.
        facts: The facts read, with their values (``None``: unknown).
        missing: The facts read that are unknown.
    """

    rule: EligibilityRule
    outcome: Eligibility
    facts: tuple[tuple[str, bool | int | None], ...]
    missing: tuple[str, ...]


@attrs.frozen(slots=True)
class Vetting:
    """The outcome of vetting one candidate.

    Attributes:
        candidate: The candidate as vetted (register facts filled in).
        status: Ineligible if any rule fails; else undetermined if any fact is missing.
        verdicts: Every rule's verdict, in rule order.
        jurisdiction: Code of the rule set used.
        on: Its date.
        notices: Remarks (facts taken from the register, rules left out...).
    """

    candidate: Candidate
    status: Eligibility
    verdicts: tuple[RuleVerdict, ...]
    jurisdiction: str
    on: date
    notices: tuple[Notice, ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        """Every unknown fact some rule needs, once each."""
        return tuple(dict.fromkeys(f for verdict in self.verdicts for f in verdict.missing))

    @property
    def failed(self) -> tuple[RuleVerdict, ...]:
        """The verdicts that make the candidate ineligible."""
        return tuple(v for v in self.verdicts if v.outcome is Eligibility.INELIGIBLE)

    def explain(self, lang: str = "en") -> str:
        """Plain-text explanation: the status, then each rule with facts and article."""
        lang = language(lang)
        return vetting_text(self, lang)

    def __repr__(self) -> str:
        return f"<Vetting {self}>"

    def __str__(self) -> str:
        text = f"{self.status.label()}: candidate {self.candidate.id}"
        if self.failed:
            text += f", fails {', '.join(dict.fromkeys(v.rule.code for v in self.failed))}"
        if self.missing:
            text += f", missing {', '.join(self.missing)}"
        return f"{text} ({self.jurisdiction} on {self.on.isoformat()})"

    def _repr_html_(self) -> str:
        rows = [
            [
                v.rule.en,
                v.outcome.label(),
                ", ".join(f"{name}={value}" for name, value in v.facts),
                ", ".join(v.missing),
                v.rule.citation.format(),
            ]
            for v in self.verdicts
        ]
        return html_table(
            f"Candidate {self.candidate.id}: {self.status.label()} ({self.status.label('zh')})",
            ["rule", "verdict", "facts", "missing", "source"],
            rows,
            footer=[notice.text() for notice in self.notices],
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.vetting/1``."""
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vetting:
        """Rebuild a vetting from [to_dict][community_governance.elections.Vetting.to_dict]."""
        return load(cls, data, SCHEMA)


SCHEMA = "community_governance.vetting/1"


def _typed(candidate: object, rules: object) -> None:
    """Refuse a candidate or a rule set of the wrong type, naming it."""
    for field, value, kind, noun in (
        ("candidate", candidate, Candidate, "a Candidate"),
        ("rules", rules, RuleSet, "a RuleSet from rules_for(...)"),
    ):
        if not isinstance(value, kind):
            raise ElectionInputError(
                f"vet: {field} must be {noun}, not {value!r:.80}",
                what="vetting",
                field=field,
                value=value,
            )


def vet(
    candidate: Candidate,
    rules: RuleSet,
    *,
    estate: Estate | None = None,
    lists: Iterable[NegativeList] = (),
) -> Vetting:
    """Vet one candidate against a rule set and the estate's negative lists.

    Args:
        candidate: The candidate with declared facts.
        rules: The rule set (national and local candidate rules add up across layers).
        estate: The register; when given, ``owner_in_area`` and (for natural persons with a
            recorded capacity) ``full_capacity`` are read from it if not declared.
        lists: The estate's negative lists, applied after the rule set's rules.

    Returns:
        The [Vetting][community_governance.elections.Vetting].
    """
    _typed(candidate, rules)
    chosen = collection(lists, "lists", NegativeList, "NegativeList values")
    notices: list[Notice] = []
    if estate is not None:
        candidate, notice = _from_register(candidate, estate)
        notices.extend(notice)
    all_rules = [*candidate_rules(rules)]
    for negative in chosen:
        all_rules.extend(negative.rules)
    if not all_rules:
        notices.append(
            Notice(
                "no-candidate-rules",
                f"rule set {rules.code} on {rules.on} has no candidate rules; nothing was checked",
                f"{rules.code}在{rules.on}的规则中没有候选人条件，未作检查",
            )
        )
    verdicts = tuple(_apply(rule, candidate) for rule in all_rules)
    outcomes = {verdict.outcome for verdict in verdicts}
    if Eligibility.INELIGIBLE in outcomes:
        status = Eligibility.INELIGIBLE
    elif Eligibility.UNDETERMINED in outcomes:
        status = Eligibility.UNDETERMINED
    else:
        status = Eligibility.ELIGIBLE
    return Vetting(candidate, status, verdicts, rules.code, rules.on, tuple(notices))


def _apply(rule: EligibilityRule, candidate: Candidate) -> RuleVerdict:
    facts = tuple((req.fact, candidate.fact(req.fact)) for req in rule.requires)
    results = [req.test(value) for req, (_, value) in zip(rule.requires, facts, strict=True)]
    if Eligibility.INELIGIBLE in results:
        outcome = Eligibility.INELIGIBLE
    elif Eligibility.UNDETERMINED in results:
        outcome = Eligibility.UNDETERMINED
    else:
        outcome = Eligibility.ELIGIBLE
    missing = tuple(name for name, value in facts if value is None)
    return RuleVerdict(rule, outcome, facts, missing)


def _from_register(candidate: Candidate, estate: Estate) -> tuple[Candidate, list[Notice]]:
    owner = next((o for o in estate.owners if o.id == candidate.owner), None)
    changes: dict[str, bool] = {}
    if candidate.owner_in_area is None:
        changes["owner_in_area"] = owner is not None
    if (
        candidate.full_capacity is None
        and owner is not None
        and owner.kind is OwnerKind.PERSON
        and owner.capacity is not CivilCapacity.UNKNOWN
    ):
        changes["full_capacity"] = owner.capacity is CivilCapacity.FULL
    if not changes:
        return candidate, []
    read = ", ".join(f"{name}={value}" for name, value in changes.items())
    read_zh = "，".join(f"{fact_zh(k)}：{_fact_text(v, True)}" for k, v in changes.items())
    notice = Notice(
        "facts-from-register",
        f"candidate {candidate.id}: read from the register: {read}",
        f"候选人{candidate.id}：以下事实取自业主名册：{read_zh}",
        REGISTER,
    )
    return attrs.evolve(candidate, **changes), [notice]  # type: ignore[arg-type]


#: Chinese names of the candidate facts (the statutes' wording where they have one).
FACT_ZH = {
    "owner_in_area": "本物业管理区域内业主",
    "full_capacity": "完全民事行为能力",
    "law_abiding": "遵守法律法规",
    "exemplary_owner": "模范履行业主义务",
    "integrity": "公正廉洁",
    "organising_ability": "组织能力",
    "enough_time": "必要的工作时间",
    "written_pledge": "书面承诺",
    "willing": "本人意愿",
    "arrears": "欠交物业费或维修资金",
    "refuses_fees": "拒付物业费或维修资金",
    "illegal_construction": "违法搭建",
    "illegal_renting": "违法出租",
    "other_violations": "其他违法违规行为",
    "tied_to_manager": "与物业服务企业有利害关系",
    "judgment_defaulter": "失信被执行人",
    "party_member": "中共党员",
    "volunteer": "热心志愿者",
    "community_talent": "社区能人",
    "well_known": "在小区内有知名度",
    "organisation_intent": "组织意图",
    "residence_years": "居住年限",
    "recommendations": "业主推荐人数",
    "age": "年龄",
}


def fact_zh(name: str) -> str:
    """The Chinese name of a candidate fact (the identifier itself if it has none)."""
    return FACT_ZH.get(name, name)


def _fact_text(value: object, zh: bool) -> str:
    """A fact's value: ``True``/``False``/``None`` (是/否/不明 in Chinese) or the number."""
    if not zh:
        return str(value)
    if value is None:
        return "不明"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


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
        if zh:
            facts = "，".join(f"{fact_zh(k)}：{_fact_text(v, zh)}" for k, v in verdict.facts)
            missing = "；缺少：" + "、".join(map(fact_zh, verdict.missing))
        else:
            facts = ", ".join(f"{k}={_fact_text(v, zh)}" for k, v in verdict.facts)
            missing = "; missing: " + ", ".join(verdict.missing)
        missing = missing if verdict.missing else ""
        facts = f"（{facts}{missing}）" if zh else f" [{facts}{missing}]"
        lines.append(
            f"  {marks[verdict.outcome.value]} {rule.zh if zh else rule.en}{facts} "
            f"— {rule.citation.format(lang)}"
        )
    lines.extend(("注意：" if zh else "Note: ") + n.text(lang) for n in vetting.notices)
    return "\n".join(lines)
