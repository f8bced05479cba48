"""Slate building: an optional, declared *practice* for ordering candidates — not law.

A reported estate re-election describes a "1-2-3-4" method: the person's own willingness is
required; the organisation's intent and the owners' recommendations are weighed; party
members, volunteers, community talents and people well known in the estate are preferred.
[build_slate][community_governance.elections.build_slate] applies such a
[SlatePolicy][community_governance.elections.SlatePolicy] and says, for every candidate, why it
sits where it does. Every slate cites the policy as reported practice; no statute ranks
candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.enums import parse_enum
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.elections.candidates import Candidate
from community_governance.elections.eligibility import PositiveList, Vetting, fact_zh
from community_governance.elections.options import collection
from community_governance.exceptions import CandidateError, ElectionInputError
from community_governance.rules.eligibility import Eligibility

__all__ = ["SLATE_1234", "Priority", "Slate", "SlateEntry", "SlatePolicy", "build_slate"]

PRACTICE_1234 = Citation(
    "reported_practice",
    "1-2-3-4",
    confidence=Confidence.MEDIUM,
    note="practice reported for one estate's re-election; not a legal rule",
)


class Priority(Enum):
    """A ranking key of a slate policy (a candidate meeting it ranks higher)."""

    PARTY_MEMBER = "party_member"
    VOLUNTEER = "volunteer"
    COMMUNITY_TALENT = "community_talent"
    WELL_KNOWN = "well_known"
    ORGANISATION_INTENT = "organisation_intent"
    POSITIVE_LIST = "positive_list"
    RECOMMENDATIONS = "recommendations"


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ElectionInputError(
            f"slate policy name must be a non-empty string, not {value!r}",
            what="slate policy",
            field="name",
            value=value,
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ElectionInputError(
            f"slate policy {attribute.name} must be True or False, not {value!r}",
            what="slate policy",
            field=attribute.name,
            value=value,
        )


def _priorities(value: object) -> tuple[Priority, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ElectionInputError(
            f"slate priorities must be a collection of priorities, not {value!r}",
            what="slate policy",
            field="priorities",
            value=value,
        )
    return tuple(parse_enum(Priority, item, what="slate priority") for item in value)


@attrs.frozen(slots=True)
class SlatePolicy:
    """A declared slate policy.

    Willingness is always required: a candidate who has not said yes is never put on a slate.

    Attributes:
        name: Display name.
        priorities: Ranking keys, most important first (lexicographic); ties are broken by
            candidate id, and the output says so.
        exclude_undetermined: Leave out candidates whose eligibility is undetermined (by
            default they stay on, flagged).
        citation: The source of the practice.
        name_zh: Display name in Chinese (the name itself when empty).
    """

    name: str = attrs.field(validator=_name)
    priorities: tuple[Priority, ...] = attrs.field(converter=_priorities)
    exclude_undetermined: bool = attrs.field(default=False, validator=_flag)
    citation: Citation = PRACTICE_1234
    name_zh: str = attrs.field(default="", kw_only=True)


#: Case 1's "1-2-3-4" practice: the four priorities, then the organisation's intent and the
#: owners' recommendations.
SLATE_1234 = SlatePolicy(
    "1-2-3-4 (reported practice)",
    (
        Priority.PARTY_MEMBER,
        Priority.VOLUNTEER,
        Priority.COMMUNITY_TALENT,
        Priority.WELL_KNOWN,
        Priority.ORGANISATION_INTENT,
        Priority.RECOMMENDATIONS,
    ),
    name_zh="1-2-3-4（报道的实践做法）",
)


@attrs.frozen(slots=True)
class SlateEntry:
    """Where one candidate sits, and why.

    Attributes:
        candidate: Candidate id.
        position: 1-based place on the slate; ``None`` when left off.
        reasons: Why, in English, one clause per key or gate.
        reasons_zh: The same clauses in Chinese.
    """

    candidate: str
    position: int | None
    reasons: tuple[str, ...]
    reasons_zh: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Slate:
    """An ordered slate under a declared policy.

    Attributes:
        policy: The policy applied.
        entries: Candidates on the slate in order, then those left off.
    """

    policy: SlatePolicy
    entries: tuple[SlateEntry, ...]

    @property
    def order(self) -> tuple[str, ...]:
        """Candidate ids on the slate, in order."""
        return tuple(e.candidate for e in self.entries if e.position is not None)

    def __repr__(self) -> str:
        return f"<Slate {self}>"

    def __str__(self) -> str:
        left = sum(1 for e in self.entries if e.position is None)
        order = ", ".join(self.order) or "nobody"
        return f"slate {order} ({left} left off) under {self.policy.name}, practice not law"

    def _repr_html_(self) -> str:
        rows = [
            [e.position if e.position is not None else "—", e.candidate, "; ".join(e.reasons)]
            for e in self.entries
        ]
        return html_table(
            str(self), ["place", "candidate", "why"], rows, footer=[self.policy.citation.format()]
        )

    def explain(self, lang: str = "en") -> str:
        """One line per candidate, then the policy's source (practice, not law)."""
        lang = language(lang)
        zh = lang == "zh"
        head = (
            f"候选人排序（{self.policy.name_zh or self.policy.name}；实践做法，非法律规定）"
            if zh
            else f"Slate under {self.policy.name} — a declared practice, not law"
        )
        lines = [head]
        for entry in self.entries:
            place = str(entry.position) if entry.position is not None else "—"
            why = "；".join(entry.reasons_zh) if zh else "; ".join(entry.reasons)
            lines.append(f"  {place}. {entry.candidate}{'：' if zh else ': '}{why}")
        lines.append(("依据：" if lang == "zh" else "Source: ") + self.policy.citation.format(lang))
        return "\n".join(lines)


def build_slate(
    candidates: Iterable[Candidate],
    *,
    policy: SlatePolicy = SLATE_1234,
    vettings: Iterable[Vetting] = (),
    positive: PositiveList | None = None,
) -> Slate:
    """Order candidates under a declared slate policy.

    Args:
        candidates: The candidates.
        policy: The declared policy (default: case 1's practice).
        vettings: Vetting results; ineligible candidates are left off.
        positive: The estate's positive list (used by
            [Priority.POSITIVE_LIST][community_governance.elections.Priority]).

    Returns:
        The [Slate][community_governance.elections.Slate].

    Raises:
        CandidateError: a vetting names no given candidate.
    """
    pool = collection(candidates, "candidates", Candidate, "Candidate values")
    ids = {c.id for c in pool}
    status: dict[str, Vetting] = {}
    for vetting in collection(vettings, "vettings", Vetting, "Vetting values"):
        if vetting.candidate.id not in ids:
            raise CandidateError(
                f"vetting of {vetting.candidate.id!r} names no candidate of the slate",
                what=f"vetting {vetting.candidate.id}",
                field="vettings",
                value=vetting.candidate.id,
            )
        status[vetting.candidate.id] = vetting
    members = positive.members if positive is not None else frozenset()
    ranked: list[tuple[tuple[int, ...], str, list[Reason]]] = []
    left: list[SlateEntry] = []
    for candidate in pool:
        gate = _gate(candidate, status.get(candidate.id), policy)
        if gate is not None:
            left.append(SlateEntry(candidate.id, None, (gate[0],), (gate[1],)))
            continue
        key: list[int] = []
        reasons: list[Reason] = []
        for priority in policy.priorities:
            value, reason = _score(candidate, priority, members)
            key.append(-value)
            reasons.append(reason)
        found = status.get(candidate.id)
        if found is not None and found.status is Eligibility.UNDETERMINED:
            reasons.append(_undetermined(found.missing))
        ranked.append((tuple(key), candidate.id, reasons))
    ranked.sort()
    entries = []
    for place, (_, cid, reasons) in enumerate(ranked, start=1):
        if _tied(ranked, place - 1):
            reasons = [*reasons, _TIE_NOTE]
        entries.append(
            SlateEntry(cid, place, tuple(r[0] for r in reasons), tuple(r[1] for r in reasons))
        )
    return Slate(policy, (*entries, *left))


#: One reason in English and in Chinese.
Reason = tuple[str, str]
_TIE_NOTE: Reason = (
    "equal on every priority: ordered by candidate id",
    "各项优先条件均相同：按候选人标识排序",
)


def _tied(ranked: list[tuple[tuple[int, ...], str, list[Reason]]], at: int) -> bool:
    key = ranked[at][0]
    return any(other[0] == key for i, other in enumerate(ranked) if i != at)


def _undetermined(missing: tuple[str, ...]) -> Reason:
    return (
        f"eligibility undetermined (missing: {', '.join(missing)})",
        f"资格待定（缺少：{'、'.join(map(fact_zh, missing))}）",
    )


def _gate(candidate: Candidate, vetting: Vetting | None, policy: SlatePolicy) -> Reason | None:
    if candidate.willing is not True:
        return (
            ("declined to stand (willingness required)", "本人不愿参选（须本人同意）")
            if candidate.willing is False
            else ("willingness unknown (required: ask the person)", "本人意愿不明（须征询本人）")
        )
    if vetting is None:
        return None
    if vetting.status is Eligibility.INELIGIBLE:
        codes = dict.fromkeys(v.rule.code for v in vetting.failed)
        names = dict.fromkeys(v.rule.zh for v in vetting.failed)
        return "ineligible: " + ", ".join(codes), "不符合条件：" + "；".join(names)
    if vetting.status is Eligibility.UNDETERMINED and policy.exclude_undetermined:
        return _undetermined(vetting.missing)
    return None


def _score(candidate: Candidate, priority: Priority, members: frozenset[str]) -> tuple[int, Reason]:
    if priority is Priority.RECOMMENDATIONS:
        count = candidate.recommendations
        shown = "unknown" if count is None else str(count)
        shown_zh = "不明" if count is None else f"{count}人"
        return (count or 0), (f"owners' recommendations: {shown}", f"业主推荐：{shown_zh}")
    if priority is Priority.POSITIVE_LIST:
        on = candidate.id in members
        return int(on), (
            ("on the positive list", "列入正面清单")
            if on
            else ("not on the positive list", "未列入正面清单")
        )
    value = getattr(candidate, priority.value)
    name, name_zh = priority.value.replace("_", " "), fact_zh(priority.value)
    if value is None:
        return 0, (f"{name}: unknown (ranked as no)", f"{name_zh}：不明（按否排序）")
    return int(value), (
        f"{name}: {'yes' if value else 'no'}",
        f"{name_zh}：{'是' if value else '否'}",
    )
