"""Public notices (公示) and meeting notices checked against minimum posting periods.

A [Posting][community_governance.committee.Posting] says what was posted, where, the day it went
up and the last day it was displayed. A
[PostingRule][community_governance.rules.committee.PostingRule] says what the period measures:
how long a notice stays up (Beijing Art. 55–58: temporary management committee decisions posted
10 working days), how long before an event it goes up (the assembly notice 15 days or more
before the meeting, Property Management Regulations Art. 14; Beijing Art. 35), or how soon
after an event (decisions posted within 3 days). Periods count from the day after the posting
or event (Civil Code Art. 201); working days come from the injected holiday calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Any

import attrs

from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar.before import latest_before
from community_governance.calendar.deadline import Deadline
from community_governance.calendar.workdays import HolidayCalendar
from community_governance.committee.model import check_day, require
from community_governance.exceptions import CommitteeError, CommitteeInputError
from community_governance.rules.committee import PostingKind, PostingRule

__all__ = ["Posting", "PostingCheck", "PostingStatus", "check_posting", "unposted_items"]


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 500:
        raise CommitteeInputError(
            f"posting {attribute.name} must be a non-empty string, not {value!r}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class Posting:
    """One notice on a board or in a chat group.

    Attributes:
        what: What was posted (matched against agenda items by `unposted_items`).
        where: Where (a notice board, lift lobbies, an owners' chat group).
        posted_on: The day it went up.
        taken_down_on: The last day it was displayed (``None``: still up).

    Raises:
        CommitteeInputError: a field has the wrong type.
        CommitteeError: taken down before it went up.
    """

    what: str = attrs.field(validator=_text)
    where: str = attrs.field(validator=_text)
    posted_on: date = attrs.field(validator=lambda _i, _a, v: check_day(v, "posted_on"))
    taken_down_on: date | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.taken_down_on is not None:
            check_day(self.taken_down_on, "taken_down_on")
            if self.taken_down_on < self.posted_on:
                raise CommitteeError(
                    f"posting {self.what!r} taken down on {self.taken_down_on}, before it went "
                    f"up on {self.posted_on}",
                    field="taken_down_on",
                    value=self.taken_down_on,
                )


class PostingStatus(Enum):
    """A posting against its rule: MET, NOT_MET, or RUNNING (still up, period not over)."""

    MET = "met"
    NOT_MET = "not-met"
    RUNNING = "running"


_STATUS_ZH = {
    PostingStatus.MET: "符合",
    PostingStatus.NOT_MET: "不符合",
    PostingStatus.RUNNING: "公示中",
}


@attrs.frozen(slots=True)
class PostingCheck:
    """A posting checked against a rule.

    Attributes:
        posting: The posting.
        rule: The rule.
        status: The verdict.
        required: The day that decides it (last required display day, latest posting day, or
            posting deadline).
        en: Why, in English.
        zh: Why, in Chinese.
    """

    posting: Posting
    rule: PostingRule
    status: PostingStatus
    required: date
    en: str
    zh: str

    @property
    def passed(self) -> bool:
        """Whether the rule is met."""
        return self.status is PostingStatus.MET

    def __str__(self) -> str:
        cite = self.rule.citation.format()
        return f"{self.status.value.upper()}: {self.posting.what} — {self.en} ({cite})"

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def text(self, lang: str = "en") -> str:
        """The verdict, what was posted, why, and the article, in ``"en"`` or ``"zh"``.

        Chinese: ``"不符合：公示「…」——…（依据：…）"``; the verdicts read 符合, 不符合 and
        公示中 (still posted, the period not over).
        """
        lang = language(lang)
        if lang == "zh":
            return (
                f"{_STATUS_ZH[self.status]}：公示「{self.posting.what}」——{self.zh}"
                f"（依据：{self.rule.citation.format('zh')}）"
            )
        return str(self)

    def _repr_html_(self) -> str:
        return html_table(
            str(self),
            ["posted", "down", "required", "period"],
            [
                [
                    self.posting.posted_on,
                    self.posting.taken_down_on or "still up",
                    self.required,
                    self.rule.period.describe(),
                ]
            ],
        )


def _display(
    posting: Posting, rule: PostingRule, on: date | None, calendar: HolidayCalendar | None
) -> PostingCheck:
    due = Deadline.compute(
        rule.what, posting.posted_on, rule.period, basis=rule.citation, calendar=calendar
    )
    last = posting.taken_down_on
    if last is None:
        if on is None or check_day(on, "on") < due.end:
            return PostingCheck(
                posting,
                rule,
                PostingStatus.RUNNING,
                due.end,
                f"must stay up through {due.end}",
                f"应公示至{due.end}",
            )
        last = on
    if last >= due.end:
        return PostingCheck(
            posting,
            rule,
            PostingStatus.MET,
            due.end,
            f"displayed through {last}; {rule.period.describe()} end on {due.end}",
            f"公示至{last}，满{rule.period.describe('zh')}",
        )
    return PostingCheck(
        posting,
        rule,
        PostingStatus.NOT_MET,
        due.end,
        f"taken down after {last}, before {due.end}",
        f"公示不足{rule.period.describe('zh')}，应至{due.end}",
    )


def check_posting(
    posting: Posting,
    rule: PostingRule,
    *,
    event_on: date | None = None,
    on: date | None = None,
    calendar: HolidayCalendar | None = None,
) -> PostingCheck:
    """Check a posting against a minimum period.

    Args:
        posting: What was posted, when.
        rule: The rule (e.g. ``rules.committee.decision_posting.value``).
        event_on: The meeting or decision the notice belongs to (required for LEAD and PROMPT).
        on: The day of the check (for a DISPLAY posting still up).
        calendar: Rest days; required for periods in working days.

    Returns:
        The check.

    Raises:
        CommitteeError: ``event_on`` is missing for a LEAD or PROMPT rule.
        InvalidPeriodError: working days without a calendar.
    """
    require(posting, Posting, "posting")
    require(rule, PostingRule, "rule")
    if rule.kind is PostingKind.DISPLAY:
        return _display(posting, rule, on, calendar)
    if event_on is None:
        raise CommitteeError(
            f"a {rule.kind.value} posting rule needs event_on=", field="event_on", value=None
        )
    event = check_day(event_on, "event_on")
    if rule.kind is PostingKind.LEAD:
        _, latest = latest_before(event, rule.period, calendar=calendar)
        ok = posting.posted_on <= latest
        status = PostingStatus.MET if ok else PostingStatus.NOT_MET
        return PostingCheck(
            posting,
            rule,
            status,
            latest,
            f"posted {posting.posted_on}; due by {latest} for {event}",
            f"最迟应于{latest}公告",
        )
    due = Deadline.compute(rule.what, event, rule.period, basis=rule.citation, calendar=calendar)
    ok = event <= posting.posted_on <= due.end
    status = PostingStatus.MET if ok else PostingStatus.NOT_MET
    return PostingCheck(
        posting,
        rule,
        status,
        due.end,
        f"posted {posting.posted_on}; due {event} to {due.end}",
        f"最迟应于{due.end}公告",
    )


def unposted_items(
    items: Iterable[str],
    postings: Iterable[Posting],
    rule: PostingRule,
    *,
    meeting_on: date,
    calendar: HolidayCalendar | None = None,
) -> tuple[str, ...]:
    """Agenda items with no posting meeting ``rule`` before the meeting (Beijing Art. 35).

    Args:
        items: The items to be voted on.
        postings: The notices posted (matched by ``what``).
        rule: A LEAD rule, e.g. the 15-day assembly notice.
        meeting_on: The meeting day.
        calendar: Rest days.

    Returns:
        The items that may not be voted on, in the order given.
    """
    posted = {
        p.what
        for p in postings
        if check_posting(p, rule, event_on=meeting_on, calendar=calendar).passed
    }
    return tuple(item for item in items if item not in posted)
