"""`check_timeline`: what actually happened (step → day) against the plan's windows.

Each step's window is recomputed from the days its anchors actually happened (a group formed
late moves the handover due 10 days after it), so one late step is not reported again for every
step after it. A step is **late** after its last lawful day, **early** before its first lawful
day, **missing** when its last lawful day has passed without it, and **out of order** when it
happened before a step it must follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.committee.model import check_day, require
from community_governance.committee.timeline import ReelectionPlan, planned_days
from community_governance.exceptions import CommitteeInputError
from community_governance.rules.committee import Direction, Step

__all__ = ["Status", "StepFinding", "TimelineCheck", "check_timeline"]


class Status(Enum):
    """How one step stands against its window.

    Attributes:
        ON_TIME: Done within its window.
        PENDING: Not done, and its last lawful day has not passed.
        LATE: Done after its last lawful day.
        EARLY: Done before its first lawful day.
        MISSING: Not done, and its last lawful day has passed.
        OUT_OF_ORDER: Done before a step it must follow.
    """

    ON_TIME = "on-time"
    PENDING = "pending"
    LATE = "late"
    EARLY = "early"
    MISSING = "missing"
    OUT_OF_ORDER = "out-of-order"

    @property
    def ok(self) -> bool:
        """Whether the status is not a problem."""
        return self in (Status.ON_TIME, Status.PENDING)


_ZH_STATUS = {
    "on-time": "按期完成",
    "pending": "尚未到期",
    "late": "逾期完成",
    "early": "提前完成",
    "missing": "逾期未完成",
    "out-of-order": "顺序错误",
}


@attrs.frozen(slots=True)
class StepFinding:
    """One step's status with its window and article.

    Attributes:
        step: The step.
        status: How it stands.
        done_on: When it happened, if it did.
        earliest: Its first lawful day (from the actual anchors).
        latest: Its last lawful day (from the actual anchors).
        citation: The article.
        en: Why, in English.
        zh: Why, in Chinese.
    """

    step: Step
    status: Status
    done_on: date | None
    earliest: date | None
    latest: date | None
    citation: Citation
    en: str
    zh: str

    def __str__(self) -> str:
        return (
            f"{self.status.value.upper()}: {self.step.value} — {self.en} ({self.citation.format()})"
        )


@attrs.frozen(slots=True)
class TimelineCheck:
    """Every step's status on a day.

    Attributes:
        on: The day of the check.
        findings: One per planned step, in plan order.
    """

    on: date
    findings: tuple[StepFinding, ...]

    @property
    def problems(self) -> tuple[StepFinding, ...]:
        """The late, early, missing and out-of-order steps."""
        return tuple(f for f in self.findings if not f.status.ok)

    @property
    def passed(self) -> bool:
        """Whether no step is a problem."""
        return not self.problems

    def __str__(self) -> str:
        verdict = "ON TRACK" if self.passed else f"{len(self.problems)} PROBLEMS"
        return f"{verdict} on {self.on}: " + "; ".join(
            f"{f.step.value} {f.status.value}" for f in self.findings
        )

    def explain(self, lang: str = "en") -> str:
        """One line per finding in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            verdict = "按计划进行" if self.passed else f"{len(self.problems)}项问题"
            head = f"{self.on}：{verdict}"
            return "\n".join(
                [head]
                + [
                    f"  {_ZH_STATUS[f.status.value]}：{f.step.label('zh')} —— {f.zh}"
                    f"（{f.citation.format('zh')}）"
                    for f in self.findings
                ]
            )
        return "\n".join(
            [str(self)]
            + [
                f"  {f.status.value}: {f.step.label(lang)} — {f.en} ({f.citation.format(lang)})"
                for f in self.findings
            ]
        )

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def _repr_html_(self) -> str:
        rows = [
            [
                f.step.label(),
                f.status.value,
                f.done_on or "",
                f.earliest or "…",
                f.latest or "…",
                f.citation.format(),
            ]
            for f in self.findings
        ]
        return html_table(str(self), ["step", "status", "done", "from", "to", "article"], rows)


def _done(done: object) -> dict[Step, date]:
    if not isinstance(done, Mapping):
        raise CommitteeInputError(
            f"done must map steps to dates, not {done!r}", field="done", value=done
        )
    return {parse_enum(Step, k, what="step"): check_day(v, f"done[{k!r}]") for k, v in done.items()}


def _status(
    day: date | None, low: date | None, high: date | None, before: list[Step], on: date
) -> tuple[Status, str, str]:
    if day is None:
        if high is not None and on > high:
            return (
                Status.MISSING,
                f"not done; the last lawful day was {high}",
                f"未完成，期限为{high}",
            )
        return Status.PENDING, "not done yet", "尚未进行"
    if before:
        names = ", ".join(s.value for s in before)
        return Status.OUT_OF_ORDER, f"done on {day}, before {names}", f"于{day}进行，早于前置步骤"
    if high is not None and day > high:
        return (
            Status.LATE,
            f"done on {day}, {(day - high).days} days after {high}",
            f"于{day}进行，逾期{(day - high).days}日",
        )
    if low is not None and day < low:
        return (
            Status.EARLY,
            f"done on {day}, before its first lawful day {low}",
            f"于{day}进行，早于{low}",
        )
    return Status.ON_TIME, f"done on {day}", f"于{day}按期完成"


def check_timeline(
    plan: ReelectionPlan, done: Mapping[Step | str, date], *, on: date
) -> TimelineCheck:
    """List every step that is late, early, missing or out of order, with its article.

    Args:
        plan: The plan from [reelection_plan][community_governance.committee.reelection_plan].
        done: What happened: step (or its value, e.g. ``"group-formed"``) → day.
        on: The day of the check (a step whose last day is after it is still pending).

    Returns:
        The check, one finding per planned step.

    Raises:
        CommitteeInputError: ``done`` is not a mapping of steps to dates, or ``on`` is not a date.
        InvalidChoiceError: a key is not a step.
    """
    require(plan, ReelectionPlan, "plan")
    day = check_day(on, "on")
    facts = _done(done)
    ruled = {s.step: s.rule for s in plan.steps}
    days = planned_days(ruled, plan.expires_on, facts, plan.calendar)
    findings = []
    for item in plan.steps:
        _, (low, high, _raw, _notes) = days[item.step]
        when = facts.get(item.step)
        follows = item.rule.direction in (Direction.WITHIN, Direction.AFTER)
        first = ((item.rule.anchor,) if follows else ()) + item.rule.after
        before = [s for s in first if when is not None and s in facts and facts[s] > when]
        status, en, zh = _status(when, low, high, before, day)
        findings.append(StepFinding(item.step, status, when, low, high, item.citation, en, zh))
    return TimelineCheck(day, tuple(findings))
