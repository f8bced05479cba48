"""Slate building: an optional, declared *practice* for ordering candidates — not law.

Case 1 (Caoyang, Shanghai) reports a "1-2-3-4" method: the person's own willingness is
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
from community_governance.elections.candidates import Candidate
from community_governance.elections.eligibility import PositiveList, Vetting
from community_governance.exceptions import CandidateError
from community_governance.rules.eligibility import Eligibility

__all__ = ["SLATE_1234", "Priority", "Slate", "SlateEntry", "SlatePolicy", "build_slate"]

PRACTICE_1234 = Citation(
    "reported_practice",
    "Caoyang 1-2-3-4",
    confidence=Confidence.MEDIUM,
    note="practice reported for a Shanghai re-election (cases.md §1); not a legal rule",
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
    """

    name: str
    priorities: tuple[Priority, ...]
    exclude_undetermined: bool = False
    citation: Citation = PRACTICE_1234


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
)


@attrs.frozen(slots=True)
class SlateEntry:
    """Where one candidate sits, and why.

    Attributes:
        candidate: Candidate id.
        position: 1-based place on the slate; ``None`` when left off.
        reasons: Why, in English, one clause per key or gate.
    """

    candidate: str
    position: int | None
    reasons: tuple[str, ...]


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

    def explain(self, lang: str = "en") -> str:
        """One line per candidate, then the policy's source (practice, not law)."""
        head = (
            f"候选人排序（{self.policy.name}；实践做法，非法律规定）"
            if lang == "zh"
            else f"Slate under {self.policy.name} — a declared practice, not law"
        )
        lines = [head]
        for entry in self.entries:
            place = str(entry.position) if entry.position is not None else "—"
            lines.append(f"  {place}. {entry.candidate}: {'; '.join(entry.reasons)}")
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
    pool = tuple(candidates)
    ids = {c.id for c in pool}
    status: dict[str, Vetting] = {}
    for vetting in vettings:
        if vetting.candidate.id not in ids:
            raise CandidateError(
                f"vetting of {vetting.candidate.id!r} names no candidate of the slate",
                what=f"vetting {vetting.candidate.id}",
                field="vettings",
                value=vetting.candidate.id,
            )
        status[vetting.candidate.id] = vetting
    members = positive.members if positive is not None else frozenset()
    ranked: list[tuple[tuple[int, ...], str, list[str]]] = []
    left: list[SlateEntry] = []
    for candidate in pool:
        gate = _gate(candidate, status.get(candidate.id), policy)
        if gate is not None:
            left.append(SlateEntry(candidate.id, None, (gate,)))
            continue
        key: list[int] = []
        reasons: list[str] = []
        for priority in policy.priorities:
            value, reason = _score(candidate, priority, members)
            key.append(-value)
            reasons.append(reason)
        found = status.get(candidate.id)
        if found is not None and found.status is Eligibility.UNDETERMINED:
            reasons.append(f"eligibility undetermined (missing: {', '.join(found.missing)})")
        ranked.append((tuple(key), candidate.id, reasons))
    ranked.sort()
    entries = [
        SlateEntry(
            cid,
            place,
            (*reasons, _tie_note(ranked, place - 1))
            if _tied(ranked, place - 1)
            else tuple(reasons),
        )
        for place, (_, cid, reasons) in enumerate(ranked, start=1)
    ]
    return Slate(policy, (*entries, *left))


def _tied(ranked: list[tuple[tuple[int, ...], str, list[str]]], at: int) -> bool:
    key = ranked[at][0]
    return any(other[0] == key for i, other in enumerate(ranked) if i != at)


def _tie_note(ranked: list[tuple[tuple[int, ...], str, list[str]]], at: int) -> str:
    return "equal on every priority: ordered by candidate id"


def _gate(candidate: Candidate, vetting: Vetting | None, policy: SlatePolicy) -> str | None:
    if candidate.willing is not True:
        return (
            "declined to stand (willingness required)"
            if candidate.willing is False
            else "willingness unknown (required: ask the person)"
        )
    if vetting is None:
        return None
    if vetting.status is Eligibility.INELIGIBLE:
        return "ineligible: " + ", ".join(dict.fromkeys(v.rule.code for v in vetting.failed))
    if vetting.status is Eligibility.UNDETERMINED and policy.exclude_undetermined:
        return f"eligibility undetermined (missing: {', '.join(vetting.missing)})"
    return None


def _score(candidate: Candidate, priority: Priority, members: frozenset[str]) -> tuple[int, str]:
    if priority is Priority.RECOMMENDATIONS:
        count = candidate.recommendations
        return (count or 0), f"owners' recommendations: {'unknown' if count is None else count}"
    if priority is Priority.POSITIVE_LIST:
        on = candidate.id in members
        return int(on), ("on the positive list" if on else "not on the positive list")
    value = getattr(candidate, priority.value)
    name = priority.value.replace("_", " ")
    if value is None:
        return 0, f"{name}: unknown (ranked as no)"
    return int(value), f"{name}: {'yes' if value else 'no'}"
