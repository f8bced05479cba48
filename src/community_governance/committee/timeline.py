"""The re-election as a timeline: `reelection_plan` and `check_timeline`.

Every step of a re-election (换届) gets its legal window from the rule set: the committee's
written report (Shanghai Art. 28: 5 months before expiry; Beijing Art. 49: 6 months), the
street office forming the re-election group (within 60 days), the assembly notice (15 days or
more before the meeting), the vote (before expiry), the posted result, the first meeting
(7 days), registration (30 days) and the handovers. A window counted forward from its anchor
follows Civil Code Arts. 201–203; a lead time counted back moves off rest days *earlier*
(library design decision, `community_governance.calendar.ART_LEAD`). A step the rule set has
no rule for is left out, with a notice naming it: a gap in the law is never filled.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance.calendar.before import ART_LEAD, latest_before
from community_governance.calendar.deadline import Deadline
from community_governance.calendar.workdays import HolidayCalendar, check_calendar
from community_governance.committee.model import _DEFAULT_NAME, Committee, check_day, require
from community_governance.exceptions import CommitteeError
from community_governance.rules.committee import Direction, Step, StepRule
from community_governance.rules.params import Param
from community_governance.rules.ruleset import RuleSet

__all__ = ["PLAN_STEPS", "PlanStep", "ReelectionPlan", "reelection_plan", "window"]

#: The re-election steps in their usual order (the plan lists the ones the rule set rules).
PLAN_STEPS = (
    Step.REPORT,
    Step.GROUP_FORMED,
    Step.HANDOVER_TO_OFFICE,
    Step.CANDIDATES_POSTED,
    Step.ASSEMBLY_NOTICE,
    Step.VOTE,
    Step.RESULT_POSTED,
    Step.FIRST_MEETING,
    Step.REGISTRATION,
    Step.HANDOVER,
)


@attrs.frozen(slots=True)
class PlanStep:
    """One step with its legal window.

    Attributes:
        step: The step.
        rule: The rule that sets its window.
        anchor_on: The day its window counts from (the anchor's actual or planned day).
        earliest: The first lawful day (``None``: no lower bound).
        latest: The last lawful day after moving off rest days (``None``: no upper bound).
        unrolled_latest: The last day before moving off rest days.
        planned: The day the plan assumes for it (its latest day, else its earliest).
        citation: The article.
        notices: Remarks (a day moved, a planning assumption).
    """

    step: Step
    rule: StepRule
    anchor_on: date
    earliest: date | None
    latest: date | None
    unrolled_latest: date | None
    planned: date
    citation: Citation
    notices: tuple[Notice, ...] = ()

    def __str__(self) -> str:
        low = self.earliest.isoformat() if self.earliest else "…"
        high = self.latest.isoformat() if self.latest else "…"
        return f"{self.step.value}: {low} – {high} ({self.citation.format()})"


def window(
    rule: StepRule, anchor_on: date, calendar: HolidayCalendar | None
) -> tuple[date | None, date | None, date | None, tuple[Notice, ...]]:
    """A step's window from its anchor day: earliest, latest, unrolled latest, notices.

    Raises:
        InvalidPeriodError: the window leaves the representable dates, or working days are
            counted without a calendar.
    """
    period = rule.period
    if rule.direction is Direction.LEAD and period is not None:
        raw, moved = latest_before(anchor_on, period, calendar=calendar)
        notes = () if raw == moved else (_moved(rule, raw, moved),)
        return None, moved, raw, notes
    if rule.direction is Direction.WITHIN and period is not None:
        due = Deadline.compute(
            rule.step.value, anchor_on, period, basis=rule.citation, calendar=calendar
        )
        return anchor_on, due.end, due.unrolled_end, ()
    if rule.direction is Direction.BY:
        return None, anchor_on, anchor_on, ()
    return anchor_on, None, None, ()


def _moved(rule: StepRule, raw: date, moved: date) -> Notice:
    return Notice(
        "lead-moved-earlier",
        f"{rule.step.value}: {raw} is a rest day; the last lawful day moves earlier to {moved}",
        f"{rule.step.label('zh')}：{raw}为休息日，最后期限提前至{moved}",
        ART_LEAD,
    )


@attrs.frozen(slots=True)
class ReelectionPlan:
    """Every re-election step the rule set rules, with its window and article.

    Attributes:
        committee: The outgoing committee's label.
        expires_on: The last day of its term.
        steps: The steps, in `PLAN_STEPS` order.
        rules_code: The rule set's jurisdiction code.
        notices: Steps the rule set has no rule for, and planning assumptions.
        calendar: The holiday calendar used (``None``: no day moved).
    """

    committee: str
    expires_on: date
    steps: tuple[PlanStep, ...]
    rules_code: str
    notices: tuple[Notice, ...] = ()
    calendar: HolidayCalendar | None = attrs.field(default=None, eq=False, repr=False)

    def step(self, step: Step | str) -> PlanStep:
        """The plan's entry for ``step``.

        Raises:
            CommitteeError: the rule set has no rule for that step.
        """
        wanted = parse_enum(Step, step, what="step")
        for item in self.steps:
            if item.step is wanted:
                return item
        raise CommitteeError(
            f"the plan has no step {wanted.value} (rule set {self.rules_code})",
            field="step",
            value=wanted.value,
        )

    def __str__(self) -> str:
        return (
            f"re-election plan for {self.committee} (term ends {self.expires_on}, "
            f"{self.rules_code}): {len(self.steps)} steps, {len(self.notices)} notices"
        )

    def explain(self, lang: str = "en") -> str:
        """One line per step, then the notices, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        name = "业主委员会" if self.committee == _DEFAULT_NAME else self.committee
        head = (
            f"{name}换届计划（任期届满{self.expires_on}，{self.rules_code}）："
            f"{len(self.steps)}个步骤，{len(self.notices)}项提示"
            if lang == "zh"
            else str(self)
        )
        lines = [head] + [
            f"  {s.step.label(lang)}：{s.earliest or '…'}至{s.latest or '…'}"
            f"（{s.citation.format(lang)}）"
            if lang == "zh"
            else f"  {s.step.label(lang)}: {s.earliest or '…'} – {s.latest or '…'} "
            f"({s.citation.format(lang)})"
            for s in self.steps
        ]
        return "\n".join(lines + [f"  ! {n.text(lang)}" for n in self.notices])

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def _repr_html_(self) -> str:
        rows = [
            [s.step.label(), s.earliest or "…", s.latest or "…", s.citation.format()]
            for s in self.steps
        ]
        return html_table(
            str(self),
            ["step", "from", "to", "article"],
            rows,
            footer=[n.text() for n in self.notices],
        )


def _rules(rules: RuleSet) -> dict[Step, Param[StepRule]]:
    params = require(rules, RuleSet, "rules").committee
    found = {step: getattr(params, step.value.replace("-", "_")) for step in PLAN_STEPS}
    return {step: param for step, param in found.items() if param is not None}


def _missing(step: Step, rules: RuleSet) -> Notice:
    code, field = rules.code, step.value.replace("-", "_")
    left_out = [
        found for layer in reversed(rules.layers) if (found := getattr(layer.committee, field))
    ]
    if not left_out:
        return Notice(
            "step-without-rule",
            f"rule set {code} has no rule for the step '{step.value}': no window is given",
            f"{code}规则未规定“{step.label('zh')}”的期限",
        )
    return Notice(
        "step-without-rule",
        f"rule set {code} has no confirmed rule for the step '{step.value}': no window is "
        "given; an unconfirmed one is left out (pass include_unconfirmed=True to plan with it)",
        f"{code}规则未收录“{step.label('zh')}”经核实的期限；未经核实的规定未予采用"
        "（可传入 include_unconfirmed=True 采用）",
        left_out[0].citation,
    )


def _after(step: PlanStep, day: date | None) -> bool:
    return day is not None and step.latest is not None and day > step.latest


def _late_vote(step: PlanStep) -> Notice:
    return Notice(
        "vote-planned-late",
        f"the vote planned on {step.planned} is after its last lawful day {step.latest}; the "
        "later steps are planned from it",
        f"计划选举日{step.planned}晚于最后期限{step.latest}，其后各步骤按该日安排",
        step.citation,
    )


def planned_days(
    ruled: Mapping[Step, StepRule],
    expires_on: date,
    done: Mapping[Step, date],
    calendar: HolidayCalendar | None,
) -> dict[Step, tuple[date, tuple[date | None, date | None, date | None, tuple[Notice, ...]]]]:
    """Each ruled step's anchor day and window, anchors taken from ``done`` where known."""
    out: dict[
        Step, tuple[date, tuple[date | None, date | None, date | None, tuple[Notice, ...]]]
    ] = {}

    def day_of(step: Step, path: tuple[Step, ...]) -> date:
        if step in done:
            return done[step]
        if step is Step.EXPIRY or step not in ruled:
            return expires_on
        if step in path:
            raise CommitteeError(
                f"step anchors form a cycle: {[s.value for s in path]}",
                field="anchor",
                value=step.value,
            )
        resolve(step, (*path, step))
        low, high = out[step][1][:2]
        return high or low or expires_on

    def resolve(step: Step, path: tuple[Step, ...]) -> None:
        if step not in out:
            rule = ruled[step]
            anchor_on = day_of(rule.anchor, path)
            out[step] = (anchor_on, window(rule, anchor_on, calendar))

    for step in ruled:
        resolve(step, (step,))
    return out


def reelection_plan(
    committee: Committee,
    *,
    rules: RuleSet,
    calendar: HolidayCalendar | None = None,
    vote_on: date | None = None,
) -> ReelectionPlan:
    """Every re-election step with its legal window and citation.

    Args:
        committee: The outgoing committee (its term's last day anchors the plan).
        rules: The rule set in force when the re-election starts.
        calendar: Rest days; ``None`` moves no day.
        vote_on: The planned election day (default: the last lawful day, which the plan says).

    Returns:
        The plan; steps without a rule are named in its notices, and so is a ``vote_on`` after
        the vote's last lawful day (``vote-planned-late``).

    Raises:
        CommitteeInputError: an argument has the wrong type.
        CommitteeError: the rule set's step anchors form a cycle.
    """
    require(committee, Committee, "committee")
    checked = check_calendar(calendar)
    params = _rules(rules)
    ruled = {step: param.value for step, param in params.items()}
    done = {} if vote_on is None else {Step.VOTE: check_day(vote_on, "vote_on")}
    days = planned_days(ruled, committee.expires_on, done, checked)
    steps = []
    for step in PLAN_STEPS:
        if step not in ruled:
            continue
        anchor_on, (low, high, raw, notes) = days[step]
        planned = done.get(step) or high or low or anchor_on
        steps.append(
            PlanStep(
                step, ruled[step], anchor_on, low, high, raw, planned, params[step].citation, notes
            )
        )
    notices = [_missing(step, rules) for step in PLAN_STEPS if step not in ruled]
    notices += [_late_vote(s) for s in steps if s.step is Step.VOTE and _after(s, vote_on)]
    if vote_on is None:
        notices.append(
            Notice(
                "vote-planned-last-day",
                "the vote is planned on the last day of the term; pass vote_on= to plan another "
                "day",
                "选举日按任期届满日安排；可传入 vote_on 指定",
            )
        )
    return ReelectionPlan(
        committee.name, committee.expires_on, tuple(steps), rules.code, tuple(notices), checked
    )
