"""Meeting cadence on ``dateutil.rrule``: fixed rhythms and "at least every N months".

Two kinds of [Cadence][community_governance.committee.Cadence]:

* a **fixed rhythm** (a joint office day every week, a joint meeting every month), built on
  ``dateutil.rrule``; an occurrence on a rest day is kept, moved to the next or previous working
  day, or skipped, by a declared [HolidayPolicy][community_governance.committee.HolidayPolicy].
  Each occurrence expects a meeting on its day; one held later but before the next occurrence
  is *late*; none is *missed*.
* a **longest gap** (the committee meets at least every 2 months, Shanghai Art. 26 and Beijing
  Art. 45; the assembly at least once a year, Beijing Art. 35): each meeting is due within the
  period after the previous one (Civil Code Arts. 201–203 from the first day checked); one held
  later is *late*, a due day passed with no meeting is *missed*.

Declared practice (cite ``reported_practice``) is marked as practice, never as law.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, Literal, cast

import attrs
from dateutil import rrule

from community_governance._base.citations import Citation
from community_governance._base.format import counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar.before import previous_working_day
from community_governance.calendar.deadline import Deadline
from community_governance.calendar.periods import next_working_day
from community_governance.calendar.workdays import HolidayCalendar, check_calendar
from community_governance.committee.model import check_day, require
from community_governance.exceptions import CommitteeError, CommitteeInputError
from community_governance.rules.committee import CadenceRule
from community_governance.rules.periods import Period

__all__ = ["Cadence", "CadenceCheck", "HolidayPolicy", "check_cadence"]


class HolidayPolicy(Enum):
    """What happens to a fixed occurrence on a rest day.

    Attributes:
        KEEP: Held on the day anyway.
        NEXT_WORKING_DAY: Moved to the next working day.
        PREVIOUS_WORKING_DAY: Moved to the previous working day.
        SKIP: Not held (no meeting is expected).
    """

    KEEP = "keep"
    NEXT_WORKING_DAY = "next-working-day"
    PREVIOUS_WORKING_DAY = "previous-working-day"
    SKIP = "skip"


_COMMITTEE = "owners' committee"
_FREQ_ZH = {"weekly": "周", "monthly": "月", "yearly": "年"}
_FREQ_EN = {"weekly": "week", "monthly": "month", "yearly": "year"}
_FREQ: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}


def _weekday(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6
    ):
        raise CommitteeInputError(
            f"{attribute.name} must be 0 (Monday) to 6, not {value!r}",
            field=attribute.name,
            value=value,
        )


def _ranged(field: str, value: object, allowed: range | tuple[int, ...], why: str) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or value not in allowed
    ):
        raise CommitteeInputError(f"{field} must be {why}, not {value!r}", field=field, value=value)


def _body(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise CommitteeInputError(
            f"body must be a non-empty string of at most 200 characters, not {value!r}",
            field="body",
            value=value,
        )


@attrs.frozen(slots=True)
class Cadence:
    """How often a body meets: a fixed rhythm (``freq``) or a longest gap (``every``).

    Build one with `weekly`, `monthly` or `at_least_every`.

    Attributes:
        body: Which body, e.g. ``"joint office day (5 + X)"``.
        citation: The article, or ``reported_practice``.
        freq: ``"weekly"``, ``"monthly"`` or ``"yearly"`` for a fixed rhythm.
        interval: Every ``interval`` weeks/months/years.
        weekday: For a weekly rhythm, or the n-th weekday of a monthly one (0 = Monday).
        nth: With ``weekday`` in a monthly rhythm: which one (1 to 4, or -1 = last to -4).
        monthday: For a monthly rhythm on a day of the month (1 to 31). A monthly or yearly
            rhythm on a day some months lack (the 29th to 31st, or the start day when no
            ``monthday`` is given) meets on those months' last day, as the corresponding day
            of Civil Code Art. 202 does (library design decision).
        every: For a longest gap: the period within which the next meeting is due.
        policy: What happens to a fixed occurrence on a rest day.
    """

    body: str = attrs.field(validator=_body)
    citation: Citation = attrs.field(validator=lambda _i, a, v: require(v, Citation, a.name))
    freq: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(tuple(_FREQ)))
    )
    interval: int = 1
    weekday: int | None = attrs.field(default=None, validator=_weekday)
    nth: int | None = None
    monthday: int | None = None
    every: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    policy: HolidayPolicy = attrs.field(
        default=HolidayPolicy.KEEP, validator=attrs.validators.instance_of(HolidayPolicy)
    )

    def __attrs_post_init__(self) -> None:
        if (self.freq is None) == (self.every is None):
            raise CommitteeError(
                f"cadence {self.body!r}: give either freq or every", field="freq", value=self.freq
            )
        if (
            isinstance(self.interval, bool)
            or not isinstance(self.interval, int)
            or not 1 <= self.interval <= 100
        ):
            raise CommitteeInputError(
                f"interval must be 1 to 100, not {self.interval!r}",
                field="interval",
                value=self.interval,
            )
        _ranged("nth", self.nth, (1, 2, 3, 4, -1, -2, -3, -4), "1 to 4 or -1 to -4 (a 5th "
                "weekday is missing in most months)")  # fmt: skip
        _ranged("monthday", self.monthday, range(1, 32), "1 to 31")
        if self.freq == "yearly":
            for field in ("weekday", "monthday"):
                _ranged(field, getattr(self, field), (), "None for a yearly rhythm")

    @classmethod
    def weekly(
        cls,
        body: str,
        *,
        weekday: int,
        citation: Citation,
        policy: HolidayPolicy = HolidayPolicy.KEEP,
    ) -> Cadence:
        """Every week on ``weekday`` (0 = Monday)."""
        return cls(body, citation, "weekly", weekday=weekday, policy=policy)

    @classmethod
    def monthly(
        cls,
        body: str,
        *,
        citation: Citation,
        weekday: int | None = None,
        nth: int = 1,
        monthday: int | None = None,
        policy: HolidayPolicy = HolidayPolicy.KEEP,
    ) -> Cadence:
        """Every month: on the ``nth`` ``weekday``, or on ``monthday``."""
        return cls(
            body,
            citation,
            "monthly",
            weekday=weekday,
            nth=nth if weekday is not None else None,
            monthday=monthday,
            policy=policy,
        )

    @classmethod
    def at_least_every(cls, body: str, every: Period, *, citation: Citation) -> Cadence:
        """A meeting due within ``every`` of the previous one."""
        return cls(body, citation, every=every)

    @classmethod
    def from_rule(cls, rule: CadenceRule) -> Cadence:
        """The longest-gap cadence a rule set fixes (``rules.committee.committee_meetings``)."""
        return cls(rule.body, rule.citation, every=rule.every)

    @property
    def practice(self) -> bool:
        """Whether this is declared practice, not law."""
        return self.citation.instrument == "reported_practice"

    def occurrences(
        self, start: date, end: date, *, calendar: HolidayCalendar | None = None
    ) -> tuple[date, ...]:
        """The fixed rhythm's meeting days from ``start`` to ``end``, after the holiday policy.

        Raises:
            CommitteeError: the cadence is a longest gap, or a non-KEEP policy lacks a calendar.
        """
        if self.freq is None:
            raise CommitteeError(
                f"cadence {self.body!r} has no fixed occurrences", field="freq", value=None
            )
        first, last = check_day(start, "start"), check_day(end, "end")
        if self.policy is not HolidayPolicy.KEEP and calendar is None:
            raise CommitteeError(
                f"holiday policy {self.policy.value} needs a calendar", field="calendar", value=None
            )
        days = self._rule_days(self.freq, first, last)
        return tuple(d for d in (self._moved(day, calendar) for day in days) if d is not None)

    def _rule_days(self, freq: str, first: date, last: date) -> list[date]:
        weekday = None if self.weekday is None else rrule.weekday(self.weekday, self.nth)
        day = self.monthday or (first.day if weekday is None and freq != "weekly" else None)
        # a day missing in a month (29th-31st) falls on that month's last day, as the
        # corresponding day of Civil Code Art. 202 does; rrule alone skips such months
        clip: dict[str, Any] = (
            {"bymonthday": tuple(range(28, day + 1)), "bysetpos": -1}
            if day is not None and day > 28
            else {"bymonthday": self.monthday}
        )
        if clip.get("bysetpos") and freq == "yearly":
            clip["bymonth"] = first.month
        days = rrule.rrule(
            _FREQ[freq],
            dtstart=datetime(first.year, first.month, first.day),
            until=datetime(last.year, last.month, last.day),
            interval=self.interval,
            byweekday=weekday,
            **clip,
        )
        if freq != "weekly":
            return [day.date() for day in days]
        # a weekly rhythm repeats every 7 x interval days: rrule gives the first occurrence and
        # the rest are stepped (rrule's own iteration costs about 10 µs an occurrence)
        found = days.after(datetime(first.year, first.month, first.day), inc=True)
        if found is None:
            return []
        step, begin = timedelta(weeks=self.interval), found.date()
        return [begin + step * i for i in range((last - begin) // step + 1)]

    def _moved(self, day: date, calendar: HolidayCalendar | None) -> date | None:
        if calendar is None or self.policy is HolidayPolicy.KEEP or not calendar.is_rest_day(day):
            return day
        if self.policy is HolidayPolicy.SKIP:
            return None
        if self.policy is HolidayPolicy.NEXT_WORKING_DAY:
            return next_working_day(day, calendar)
        return previous_working_day(day, calendar)

    def __str__(self) -> str:
        kind = "practice" if self.practice else "law"
        rhythm = (
            (
                self.freq
                if self.interval == 1
                else f"every {counted(self.interval, _FREQ_EN[self.freq])}"
            )
            if self.freq
            else f"at least every {self.every}"
        )
        return f"{self.body}: {rhythm} ({kind}; {self.citation.format()})"

    def describe(self, lang: str = "en") -> str:
        """The cadence in ``"en"`` or ``"zh"``: body, rhythm, law or practice, and the source.

        Chinese: ``"业主委员会：至少每3个月举行一次（法定；…）"``; the default body name
        ``"owners' committee"`` reads 业主委员会, other names are shown as given.
        """
        lang = language(lang)
        if lang != "zh":
            return str(self)
        body = "业主委员会" if self.body == _COMMITTEE else self.body
        if self.freq:
            unit = _FREQ_ZH[self.freq]
            every = (
                unit if self.interval == 1 else f"{self.interval}{'个月' if unit == '月' else unit}"
            )
            rhythm = f"每{every}举行一次"
        else:
            rhythm = f"至少每{cast(Period, self.every).describe('zh')}举行一次"
        kind = "惯例" if self.practice else "法定"
        return f"{body}：{rhythm}（{kind}；{self.citation.format('zh')}）"


@attrs.frozen(slots=True)
class CadenceCheck:
    """Meetings held against a cadence.

    Attributes:
        cadence: The cadence.
        start: The first day checked.
        end: The last day checked.
        on_time: How many expected meetings were held on time.
        late: ``(due, held)`` for each meeting held after its day.
        missed: Each due day with no meeting.
    """

    cadence: Cadence
    start: date
    end: date
    on_time: int
    late: tuple[tuple[date, date], ...]
    missed: tuple[date, ...]

    @property
    def passed(self) -> bool:
        """Whether no meeting is late or missed."""
        return not self.late and not self.missed

    def __str__(self) -> str:
        verdict = "KEPT" if self.passed else "NOT KEPT"
        return (
            f"{verdict}: {self.cadence.body} {self.start} – {self.end}: {self.on_time} on time, "
            f"{len(self.late)} late, {len(self.missed)} missed"
        )

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def explain(self, lang: str = "en") -> str:
        """The verdict and counts, each late or missed meeting, then the cadence.

        Args:
            lang: ``"en"`` or ``"zh"``, e.g. ``"未按期举行：业主委员会 …：按时2次，逾期1次，
                未举行0次"``.
        """
        lang = language(lang)
        cadence = self.cadence
        if lang == "zh":
            verdict = "已按期举行" if self.passed else "未按期举行"
            body = "业主委员会" if cadence.body == _COMMITTEE else cadence.body
            lines = [
                f"{verdict}：{body} {self.start}至{self.end}：按时{self.on_time}次，"
                f"逾期{len(self.late)}次，未举行{len(self.missed)}次"
            ]
            lines += [f"  逾期：应于{due}举行，实际{held}举行" for due, held in self.late]
            lines += [f"  未举行：应于{due}举行" for due in self.missed]
        else:
            lines = [str(self)]
            lines += [f"  late: due {due}, held {held}" for due, held in self.late]
            lines += [f"  missed: due {due}" for due in self.missed]
        return "\n".join([*lines, cadence.describe(lang)])

    def _repr_html_(self) -> str:
        rows = [["late", due, held] for due, held in self.late] + [
            ["missed", due, ""] for due in self.missed
        ]
        return html_table(str(self), ["finding", "due", "held"], rows, footer=[str(self.cadence)])


def _held(held: Iterable[date]) -> list[date]:
    if isinstance(held, (str, bytes)):
        raise CommitteeInputError(f"held must be dates, not {held!r}", field="held", value=held)
    return sorted({check_day(day, "held") for day in held})


def _fixed(
    cadence: Cadence, held: list[date], start: date, end: date, calendar: HolidayCalendar | None
) -> CadenceCheck:
    due = cadence.occurrences(start, end, calendar=calendar)
    on_time, late, missed = 0, [], []
    for i, day in enumerate(due):
        j = bisect_left(held, day)
        found = held[j] if j < len(held) else None
        if found == day:
            on_time += 1
        elif found is not None and (found < due[i + 1] if i + 1 < len(due) else found <= end):
            late.append((day, found))
        else:
            missed.append(day)
    return CadenceCheck(cadence, start, end, on_time, tuple(late), tuple(missed))


def _gap(
    cadence: Cadence,
    every: Period,
    held: list[date],
    start: date,
    end: date,
    calendar: HolidayCalendar | None,
) -> CadenceCheck:
    last, i = start, bisect_right(held, start)
    on_time, late, missed = 0, [], []
    while True:
        due = Deadline.compute(
            cadence.body, last, every, basis=cadence.citation, calendar=calendar
        ).end
        nxt = held[i] if i < len(held) and held[i] <= end else None
        if nxt is None:
            if due < end:
                missed.append(due)
                last = due
                continue
            break
        if nxt <= due:
            on_time += 1
        else:
            late.append((due, nxt))
        last, i = nxt, i + 1
    return CadenceCheck(cadence, start, end, on_time, tuple(late), tuple(missed))


def check_cadence(
    cadence: Cadence,
    held: Iterable[date],
    *,
    start: date,
    end: date,
    calendar: HolidayCalendar | None = None,
) -> CadenceCheck:
    """List missed and late meetings from ``start`` to ``end`` (both included).

    Args:
        cadence: The cadence.
        held: The days meetings were held.
        start: The first day checked (for a longest gap: the day the count starts from).
        end: The last day checked (a meeting due after it is not yet missed).
        calendar: Rest days (the holiday policy; Art. 203 for a longest gap).

    Returns:
        The check.

    Raises:
        CommitteeInputError: a day is not a date.
        CommitteeError: ``end`` is before ``start``.
    """
    require(cadence, Cadence, "cadence")
    first, last = check_day(start, "start"), check_day(end, "end")
    if last < first:
        raise CommitteeError(f"end {last} is before start {first}", field="end", value=last)
    checked = check_calendar(calendar)
    days = _held(held)
    if cadence.every is not None:
        return _gap(cadence, cadence.every, days, first, last, checked)
    return _fixed(cadence, days, first, last, checked)
