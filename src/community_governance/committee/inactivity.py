"""A committee inactive for a whole period in a row must be re-elected early.

Shanghai Art. 32: besides members falling below half of the full number, a committee inactive
for **six consecutive months** is re-elected early (the street office convenes the assembly).
The article's other triggers — seriously unlawful decisions, a committee unable to function —
are judgements, not counts: the library does not decide them.

What counts as work is declared by the caller: the days the committee worked (meetings held,
from [MeetingRecord][community_governance.committee.MeetingRecord], or any other dated act).
A run starts the day after a working day (or after ``since``, the day the committee took office;
Civil Code Art. 201: the starting day is not counted) and its period ends on the corresponding
day (Art. 202, a month end clipped); the committee is inactive for the whole period when no
work falls on any day of it, and the trigger holds from the next day on (library design
decision: the period must have passed). No holiday roll-over applies: this is a run of time,
not a deadline for an act.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from community_governance._base.citations import Citation
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar.periods import unrolled_end
from community_governance.committee.model import check_day
from community_governance.exceptions import CommitteeError, CommitteeInputError
from community_governance.rules.periods import Period
from community_governance.rules.ruleset import RuleSet

__all__ = ["InactivityCheck", "inactivity_check"]


@attrs.frozen(slots=True)
class InactivityCheck:
    """Whether a committee has been inactive for the rule set's period, and when.

    Attributes:
        inactive: Whether a whole period passed without work (early re-election required).
        last_work: The working day (or ``since``) that starts the run reported.
        period_ends: The last day of the period counted from ``last_work``.
        on: The day asked about.
        period: The period of the rule.
        citation: The article.
    """

    inactive: bool
    last_work: date
    period_ends: date
    on: date
    period: Period
    citation: Citation

    @property
    def verdict(self) -> str:
        """``"INACTIVE"`` or ``"ACTIVE"``."""
        return "INACTIVE" if self.inactive else "ACTIVE"

    def explain(self, lang: str = "en") -> str:
        """One sentence with the dates and the article."""
        lang = language(lang)
        period = self.period.describe(lang)
        if lang == "zh":
            if self.inactive:
                return (
                    f"自{self.last_work}后至{self.period_ends}连续{period}未开展工作，应当提前"
                    f"换届（{self.citation.format('zh')}）"
                )
            return (
                f"最近一次开展工作为{self.last_work}；若至{self.period_ends}仍未开展工作，"
                f"即连续{period}未开展工作（{self.citation.format('zh')}）"
            )
        if self.inactive:
            return (
                f"no work from the day after {self.last_work} through {self.period_ends}: "
                f"inactive for {period} in a row, so an early re-election is required "
                f"({self.citation.format()})"
            )
        return (
            f"last work on {self.last_work}; without work through {self.period_ends} the "
            f"committee will have been inactive for {period} in a row ({self.citation.format()})"
        )

    def __str__(self) -> str:
        return f"{self.verdict}: {self.explain()}"

    def __repr__(self) -> str:
        """One line, verdict first."""
        return (
            f"<InactivityCheck {self.verdict} on {self.on}: last work {self.last_work}, "
            f"period ends {self.period_ends}>"
        )

    def _repr_html_(self) -> str:
        return html_table(
            f"{self.verdict}: committee activity on {self.on}",
            ["last work", "period ends", "period", "article"],
            [[self.last_work, self.period_ends, self.period.describe(), self.citation.format()]],
        )


def inactivity_check(
    worked: Iterable[date], *, since: date, on: date, rules: RuleSet
) -> InactivityCheck:
    """Check the committee's activity against the rule set's inactivity rule.

    Args:
        worked: The days the committee worked (e.g. ``[m.on for m in meetings]``); days
            before ``since`` or after ``on`` are ignored.
        since: The day the committee took office (a run may start from it).
        on: The day asked about.
        rules: The rule set in force.

    Returns:
        The first run that lasted the whole period (``inactive``), or else the current run.

    Raises:
        CommitteeInputError: a day is not a plain date, or ``on`` is before ``since``.
        CommitteeError: the rule set has no inactivity rule (the message names the code).
    """
    start, day = check_day(since, "since"), check_day(on, "on")
    if day < start:
        raise CommitteeInputError(f"on {day} is before since {start}", field="on", value=day)
    if isinstance(worked, str | bytes) or not isinstance(worked, Iterable):
        raise CommitteeInputError(
            f"worked must be an iterable of dates, not {worked!r}", field="worked", value=worked
        )
    known = [check_day(d, "worked[]") for d in worked]
    days = sorted({d for d in known if start <= d <= day} | {start})
    param = rules.committee.inactivity
    if param is None:
        raise CommitteeError(
            f"rule set {rules.code} on {rules.on} has no inactivity rule",
            field="rules",
            value=rules.code,
        )
    period = param.value.period
    for last, following in zip(days, [*days[1:], None], strict=True):
        ends = unrolled_end(last, period)
        if (following is None or following > ends) and ends < day:
            return InactivityCheck(True, last, ends, day, period, param.citation)
    last = days[-1]
    return InactivityCheck(False, last, unrolled_end(last, period), day, period, param.citation)
