"""Attendance records and the absence trigger of a removal proposal.

Shanghai Art. 31 and Beijing Art. 46: absence from **half or more** of the meetings in one
year (一年内累计缺席…总次数一半以上; 以上 includes the half, Civil Code Art. 1259). The window is
the year ending on the day asked about (meetings after ``on`` minus one year, up to ``on``),
and only meetings held while the member held the seat count. A run of consecutive unexcused
absences is only an estate's own opt-in rule (no default rule set has one).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from community_governance._base.format import chinese_fraction
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.committee.model import Committee, check_day
from community_governance.exceptions import CommitteeError, CommitteeInputError
from community_governance.rules.committee import AbsenceRule

__all__ = ["AbsenceCount", "MeetingRecord", "absence_counts"]


def _owners(value: object) -> frozenset[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (set, frozenset, tuple, list)):
        raise CommitteeInputError(
            f"attendance must be a set of owner ids, not {value!r}", field="attended", value=value
        )
    return frozenset(value)


@attrs.frozen(slots=True)
class MeetingRecord:
    """Who attended one meeting; any other member was absent.

    Attributes:
        on: The meeting day.
        attended: Members present.
        excused: Members absent with leave (请假).

    Raises:
        CommitteeError: a member is both present and excused.
    """

    on: date = attrs.field(validator=lambda _i, _a, v: check_day(v, "on"))
    attended: frozenset[str] = attrs.field(converter=_owners)
    excused: frozenset[str] = attrs.field(default=frozenset(), converter=_owners)

    def __attrs_post_init__(self) -> None:
        both = self.attended & self.excused
        if both:
            raise CommitteeError(
                f"meeting {self.on}: {sorted(both)} both attended and excused",
                field="excused",
                value=sorted(both),
            )


@attrs.frozen(slots=True)
class AbsenceCount:
    """One member's absences under an absence rule.

    Attributes:
        owner: The member.
        meetings: Meetings counted (in the window, while seated).
        absences: Absences counted (excused ones only if the rule counts them).
        longest_run: The longest run of consecutive unexcused absences.
        triggered: Whether the rule's trigger is met.
        rule: The rule applied.
    """

    owner: str
    meetings: int
    absences: int
    longest_run: int
    triggered: bool
    rule: AbsenceRule

    def __str__(self) -> str:
        verdict = "TRIGGERED" if self.triggered else "not triggered"
        return (
            f"{verdict}: {self.owner} absent {self.absences} of {self.meetings} meetings "
            f"(longest unexcused run {self.longest_run}; {self.rule.citation.format()})"
        )

    def text(self, lang: str = "en") -> str:
        """The verdict, the member's absences and the rule, in ``"en"`` or ``"zh"``.

        Chinese in the statute's wording: ``"已触发：委员甲在4次会议中缺席2次（连续无故缺席
        最长2次）；条件：1年内缺席会议总次数的一半以上（依据：…）"``.
        """
        lang = language(lang)
        if lang != "zh":
            return str(self)
        rule = self.rule
        if rule.share is not None and rule.window is not None:
            share = "一半" if rule.share == Fraction(1, 2) else chinese_fraction(rule.share)
            excused = "" if rule.count_excused else "（请假不计）"
            need = f"{rule.window.describe('zh')}内缺席会议总次数的{share}以上{excused}"
        else:
            need = f"连续无故缺席{rule.consecutive}次以上"
        return (
            f"{'已触发' if self.triggered else '未触发'}：{self.owner}在{self.meetings}次会议中"
            f"缺席{self.absences}次（连续无故缺席最长{self.longest_run}次）；条件：{need}"
            f"（依据：{rule.citation.format('zh')}）"
        )

    def _repr_html_(self) -> str:
        return html_table(
            str(self),
            ["owner", "meetings", "absences", "run"],
            [[self.owner, self.meetings, self.absences, self.longest_run]],
        )


def _record(value: Any) -> MeetingRecord:
    if not isinstance(value, MeetingRecord):
        raise CommitteeInputError(
            f"records must be MeetingRecord values, not {value!r}", field="records", value=value
        )
    return value


def absence_counts(
    committee: Committee, records: Iterable[MeetingRecord], *, rule: AbsenceRule, on: date
) -> tuple[AbsenceCount, ...]:
    """Count each seated member's absences under ``rule`` up to ``on``.

    Args:
        committee: The committee (members and the day each took the seat).
        records: Meeting records, any order.
        rule: The absence rule (``rules.committee.absence.value``, or an estate's opt-in rule).
        on: The day asked about.

    Returns:
        One count per seated member, in seat order.
    """
    day = check_day(on, "on")
    items = sorted((_record(r) for r in records), key=lambda r: r.on)
    window = rule.window
    lower = (
        None
        if window is None
        else day - relativedelta(months=window.months, years=window.years, days=window.days)
    )
    found = []
    for member in committee.members:
        since = member.since or committee.elected_on
        held = [r for r in items if since <= r.on <= day and (lower is None or r.on > lower)]
        absent = [r for r in held if member.owner not in r.attended]
        counted = [r for r in absent if rule.count_excused or member.owner not in r.excused]
        run = best = 0
        for r in held:
            run = run + 1 if member.owner not in r.attended | r.excused else 0
            best = max(best, run)
        if rule.share is not None:
            hit = (
                bool(held)
                and len(counted) * rule.share.denominator >= len(held) * rule.share.numerator
            )
        else:
            hit = best >= (rule.consecutive or 0)
        found.append(AbsenceCount(member.owner, len(held), len(counted), best, hit, rule))
    return tuple(found)
