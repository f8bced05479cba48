"""The vocabulary of a committee's life on the calendar: values only, no evaluation.

Terms, the steps of a re-election with their legal windows, handover recipients, vacancy and
removal rules, meeting cadences, posting periods, the Shanghai freeze and the temporary
property management committee (物业管理委员会). Every value carries its
[Citation][community_governance.Citation]; counting the periods is
`community_governance.calendar`'s work and applying them is `community_governance.committee`'s.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.lang import language
from community_governance.exceptions import InvalidParameterError, ParameterTypeError
from community_governance.rules.matters import Matter
from community_governance.rules.periods import Period

__all__ = [
    "AbsenceRule",
    "CadenceRule",
    "Direction",
    "FreezeRule",
    "FreezeWindow",
    "InactivityRule",
    "PostingKind",
    "PostingRule",
    "Recipient",
    "RemovalGround",
    "Seat",
    "Step",
    "StepRule",
    "TemporaryCommitteeRule",
    "TermRule",
    "VacancyRule",
]


def _refuse(field: str, value: object, why: str) -> InvalidParameterError:
    return InvalidParameterError(f"{field}={value!r}: {why}", param=field, value=value)


def _int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _refuse(attribute.name, value, "must be a non-negative whole number (int)")


def _share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise _refuse(attribute.name, value, "must be a Fraction in (0, 1]")


def _of(cls: type, *, optional: bool = False) -> Any:
    """A validator refusing a value that is not a ``cls`` with `ParameterTypeError`."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, cls) or (cls is int and isinstance(value, bool)):
            raise ParameterTypeError(
                f"{attribute.name}={value!r}: must be a {cls.__name__}",
                param=attribute.name,
                value=value,
            )

    return check


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _of(str)(instance, attribute, value)
    if not str(value).strip():
        raise _refuse(attribute.name, value, "must not be empty")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _int(instance, attribute, value)
    if value == 0:
        raise _refuse(attribute.name, value, "must be at least 1")


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, (tuple, list)) or not all(isinstance(v, str) for v in value):
        raise ParameterTypeError(
            f"grounds={value!r}: must be a tuple of str", param="grounds", value=value
        )
    return tuple(value)


def _citation(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise _refuse(attribute.name, value, "must be a Citation")


class Step(Enum):
    """A step of the committee's re-election (换届) or an anchor a period counts from.

    Attributes:
        EXPIRY: The last day of the outgoing committee's term (an anchor only).
        REPORT: The committee's written report on the coming re-election.
        GROUP_FORMED: The street office forms the re-election group (换届改选小组).
        HANDOVER_TO_OFFICE: The outgoing committee hands records and seals to the housing office.
        CANDIDATES_POSTED: Candidate information is posted (公示).
        ASSEMBLY_NOTICE: The assembly meeting is announced.
        VOTE: The assembly elects the new committee.
        RESULT_POSTED: The names of the elected members are posted.
        FIRST_MEETING: The new committee's first meeting elects the chair and vice-chair(s).
        REGISTRATION: The new committee registers (备案).
        HANDOVER: Records, seals and property reach the new committee (移交).
        SEAT_ENDED: A member's seat ended (an anchor of the member's own handover).
    """

    EXPIRY = "expiry"
    REPORT = "report"
    GROUP_FORMED = "group-formed"
    HANDOVER_TO_OFFICE = "handover-to-office"
    CANDIDATES_POSTED = "candidates-posted"
    ASSEMBLY_NOTICE = "assembly-notice"
    VOTE = "vote"
    RESULT_POSTED = "result-posted"
    FIRST_MEETING = "first-meeting"
    REGISTRATION = "registration"
    HANDOVER = "handover"
    SEAT_ENDED = "seat-ended"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        return _STEP_ZH[self] if lang == "zh" else self.value.replace("-", " ")


_STEP_ZH = {
    Step.EXPIRY: "任期届满",
    Step.REPORT: "业主委员会书面报告换届",
    Step.GROUP_FORMED: "组建换届改选小组",
    Step.HANDOVER_TO_OFFICE: "向房管机构移交资料",
    Step.CANDIDATES_POSTED: "候选人公示",
    Step.ASSEMBLY_NOTICE: "业主大会会议通知",
    Step.VOTE: "业主大会选举",
    Step.RESULT_POSTED: "选举结果公告",
    Step.FIRST_MEETING: "首次会议推选主任、副主任",
    Step.REGISTRATION: "备案",
    Step.HANDOVER: "向新一届业主委员会移交",
    Step.SEAT_ENDED: "委员资格终止",
}


class Direction(Enum):
    """How a step's window is read from its anchor.

    Attributes:
        LEAD: At least ``period`` before the anchor (提前): the last lawful day is the anchor
            minus the period.
        WITHIN: Within ``period`` after the anchor (…之日起…内): Civil Code Arts. 201–203.
        BY: On or before the anchor (…前), no period.
        AFTER: After the anchor, no period (an order only: the law gives no number).
    """

    LEAD = "lead"
    WITHIN = "within"
    BY = "by"
    AFTER = "after"


class Recipient(Enum):
    """Who receives the records and seals in a handover (a fallback chain, first first).

    Attributes:
        NEW_COMMITTEE: The new owners' committee.
        HOUSING_OFFICE: The local housing office (房管机构).
        PROPERTY_MANAGEMENT_COMMITTEE: The temporary property management committee.
        RESIDENTS_COMMITTEE: The residents' committee (居民委员会).
        COMMITTEE: The committee itself (a departing member's handover).
    """

    NEW_COMMITTEE = "new-committee"
    HOUSING_OFFICE = "housing-office"
    PROPERTY_MANAGEMENT_COMMITTEE = "property-management-committee"
    RESIDENTS_COMMITTEE = "residents-committee"
    COMMITTEE = "committee"


def _steps(value: object) -> tuple[Step, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(item, Step) for item in items):
        raise _refuse("after", value, "must be a tuple of Step members")
    return items


def _recipients(value: object) -> tuple[Recipient, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(item, Recipient) for item in items):
        raise _refuse("recipients", value, "must be a tuple of Recipient members")
    return items


@attrs.frozen(slots=True)
class StepRule:
    """When one step of a re-election (or a handover) must happen.

    Attributes:
        step: The step ruled.
        anchor: The step or event its window counts from.
        direction: How the window is read from the anchor.
        period: The length (``None`` for `Direction.BY` and `Direction.AFTER`).
        citation: The article.
        after: Further steps that must come first (order only).
        recipients: For handovers: who receives, as a fallback chain.

    Raises:
        InvalidParameterError: a period is missing for LEAD/WITHIN or given for BY/AFTER, a step
            is its own anchor, or a field has the wrong type.
    """

    step: Step = attrs.field(validator=_of(Step))
    anchor: Step = attrs.field(validator=_of(Step))
    direction: Direction = attrs.field(validator=_of(Direction))
    period: Period | None = attrs.field(validator=_of(Period, optional=True))
    citation: Citation = attrs.field(validator=_citation)
    after: tuple[Step, ...] = attrs.field(default=(), converter=_steps)
    recipients: tuple[Recipient, ...] = attrs.field(default=(), converter=_recipients)

    def __attrs_post_init__(self) -> None:
        needs = self.direction in (Direction.LEAD, Direction.WITHIN)
        if needs != (self.period is not None):
            raise _refuse(
                "period", self.period, f"{self.direction.value} steps need one iff LEAD/WITHIN"
            )
        if self.anchor is self.step or self.step in self.after:
            raise _refuse("anchor", self.anchor, f"step {self.step.value} cannot follow itself")


@attrs.frozen(slots=True)
class TermRule:
    """The length of a committee's term in whole years (the assembly's rules choose within).

    Attributes:
        max_years: The longest term (每届任期不超过…年).
        citation: The article.
        min_years: The shortest term, if the text sets one (Shanghai: 3 to 5 years).
    """

    max_years: int = attrs.field(validator=_int)
    citation: Citation = attrs.field(validator=_citation)
    min_years: int | None = attrs.field(default=None, validator=_int)

    def __attrs_post_init__(self) -> None:
        if self.max_years < 1 or (
            self.min_years is not None and not 1 <= self.min_years <= self.max_years
        ):
            raise _refuse("min_years", self.min_years, f"needs 1 <= min <= max={self.max_years}")


@attrs.frozen(slots=True)
class VacancyRule:
    """What a committee short of its full number must do.

    Whether alternates take vacant seats first is the election parameter
    ``alternates_fill_vacancies`` (Beijing Art. 41), read beside this rule.

    Attributes:
        reelection_below: Seated members strictly below this share of the full number force an
            early re-election (Guidance Rules 2009 Art. 46: 不足…一半).
        citation: The article of the re-election rule.
        by_election_above: A by-election may be held while seated members are strictly more than
            this share (Shanghai Art. 32: 过半数); ``None``: vacancies are filled by the method
            the assembly's rules set.
        at_share_too: Re-elect also when seated members are exactly ``reelection_below`` of the
            full number (Hangzhou Art. 28: 未超过…二分之一, not more than half).
    """

    reelection_below: Fraction = attrs.field(validator=_share)
    citation: Citation = attrs.field(validator=_citation)
    by_election_above: Fraction | None = attrs.field(default=None, validator=_share)
    at_share_too: bool = attrs.field(default=False, validator=_of(bool))


@attrs.frozen(slots=True)
class InactivityRule:
    """A committee that has not worked for a whole period in a row is re-elected early.

    Shanghai Art. 32: a committee inactive for six consecutive months is re-elected early; the
    street office convenes the assembly.

    Attributes:
        period: The run without work that triggers it, e.g. ``Period(months=6)``.
        citation: The article.
    """

    period: Period = attrs.field(validator=_of(Period))
    citation: Citation = attrs.field(validator=_citation)


class RemovalGround(Enum):
    """Why the assembly may remove (罢免) a member, or why a seat ends.

    Attributes:
        ABSENCE: Absent from too many meetings (see `AbsenceRule`).
        REFUSED_TO_CONVENE: Refused to convene meetings (Shanghai Art. 31).
        BREACH_OF_PLEDGE: Breached the written pledge (Shanghai Art. 31).
        NO_LONGER_ELIGIBLE: No longer meets the candidate conditions (Beijing Art. 46).
        HEALTH_INCAPACITY: Unable to act for health reasons, without resigning.
        FAILURE_TO_PERFORM: Failed to perform the duties (Guidance Rules, unconfirmed article).
    """

    ABSENCE = "absence"
    REFUSED_TO_CONVENE = "refused-to-convene"
    BREACH_OF_PLEDGE = "breach-of-pledge"
    NO_LONGER_ELIGIBLE = "no-longer-eligible"
    HEALTH_INCAPACITY = "health-incapacity"
    FAILURE_TO_PERFORM = "failure-to-perform"


@attrs.frozen(slots=True)
class AbsenceRule:
    """An absence trigger for a removal proposal.

    Either a share of the meetings held in a window (Shanghai Art. 31: absent from half or more
    of the meetings in one year, 一年内累计缺席…总次数一半以上) or a run of consecutive absences
    (only as an estate's own opt-in rule: no default rule set has one).

    Attributes:
        citation: The article.
        share: Absences at least this share (以上, inclusive) of meetings in ``window``.
        window: The look-back window, e.g. ``Period(years=1)``.
        consecutive: This many consecutive absences or more.
        count_excused: Whether excused absences count (``累计缺席`` does not distinguish).
    """

    citation: Citation = attrs.field(validator=_citation)
    share: Fraction | None = attrs.field(default=None, validator=_share)
    window: Period | None = attrs.field(default=None, validator=_of(Period, optional=True))
    consecutive: int | None = attrs.field(default=None, validator=_positive)
    count_excused: bool = attrs.field(default=True, validator=_of(bool))

    def __attrs_post_init__(self) -> None:
        if (self.share is None) == (self.consecutive is None) or (self.share is None) != (
            self.window is None
        ):
            raise _refuse("share", self.share, "give either share and window, or consecutive")
        if self.window is not None and self.window.working_days:
            raise _refuse(
                "window", self.window, "counts back in days, months or years, not working days"
            )


@attrs.frozen(slots=True)
class CadenceRule:
    """How often a body must meet (or declares that it meets).

    Attributes:
        every: The longest lawful gap, e.g. ``Period(months=2)`` (至少每两个月) or a fixed
            rhythm's interval for declared practice.
        citation: The article, or ``reported_practice`` for practice that is not law.
        body: Which body, e.g. ``"owners' committee"``.
    """

    every: Period = attrs.field(validator=_of(Period))
    citation: Citation = attrs.field(validator=_citation)
    body: str = attrs.field(default="owners' committee", validator=_text)


class PostingKind(Enum):
    """What a posting period measures.

    Attributes:
        DISPLAY: The posting stays up at least the period (公示…个工作日).
        LEAD: Posted at least the period before the event (提前…日通知).
        PROMPT: Posted within the period after the event (…日内公告).
    """

    DISPLAY = "display"
    LEAD = "lead"
    PROMPT = "prompt"


@attrs.frozen(slots=True)
class PostingRule:
    """A minimum posting period for one kind of notice.

    Attributes:
        what: What is posted, e.g. ``"assembly meeting notice"``.
        kind: What the period measures.
        period: The length, in calendar or working days.
        citation: The article.
    """

    what: str = attrs.field(validator=_text)
    kind: PostingKind = attrs.field(validator=_of(PostingKind))
    period: Period = attrs.field(validator=_of(Period))
    citation: Citation = attrs.field(validator=_citation)


def _matters(value: object) -> tuple[Matter, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if not items or not all(isinstance(item, Matter) for item in items):
        raise _refuse("matters", value, "must be a non-empty tuple of Matter members")
    return items


@attrs.frozen(slots=True)
class FreezeRule:
    """Assembly matters that may not be decided while a re-election runs.

    Attributes:
        matters: The frozen matters.
        citation: The article.
        starts: The step that opens the window (its day included).
        ends: The step that closes it (its day included: library design decision).
    """

    matters: tuple[Matter, ...] = attrs.field(converter=_matters)
    citation: Citation = attrs.field(validator=_citation)
    starts: Step = attrs.field(default=Step.GROUP_FORMED, validator=_of(Step))
    ends: Step = attrs.field(default=Step.VOTE, validator=_of(Step))


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise _refuse(attribute.name, value, "must be a datetime.date (not a datetime or a str)")


@attrs.frozen(slots=True)
class FreezeWindow:
    """What a caller declares about a re-election when an assembly votes.

    `committee.frozen_window` produces it from the re-election's progress ledger;
    ``decide(..., freeze=...)`` refuses a matter the rule set's
    [FreezeRule][community_governance.committee.FreezeRule] freezes when the vote falls inside
    the window. ``FreezeWindow(None)`` declares that no
    re-election is running.

    Attributes:
        start: The first frozen day (the day the opening step happened, e.g. the re-election
            group's formation), or ``None``: no re-election is running, nothing is frozen.
        end: The last frozen day (e.g. the new committee's election day), or ``None``: the
            window is still open.

    Raises:
        InvalidParameterError: a day is not a plain date, an end is given without a start, or
            the end is before the start.
    """

    start: date | None = attrs.field(validator=_day)
    end: date | None = attrs.field(default=None, validator=_day)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and (self.start is None or self.end < self.start):
            raise _refuse("end", self.end, f"needs a start on or before it, not {self.start}")

    @property
    def running(self) -> bool:
        """Whether a re-election is declared to be running (a window exists)."""
        return self.start is not None

    def covers(self, first: date, last: date) -> bool:
        """Whether any day from ``first`` to ``last`` (both included) lies in the window.

        Raises:
            ParameterTypeError: a day is not a plain date.
            InvalidParameterError: ``last`` is before ``first``.
        """
        for name, day in (("first", first), ("last", last)):
            if type(day) is not date:
                raise ParameterTypeError(
                    f"{name}={day!r}: must be a datetime.date", param=name, value=day
                )
        if last < first:
            raise _refuse("last", last, f"is before first={first}")
        if self.start is None or last < self.start:
            return False
        return self.end is None or first <= self.end

    def describe(self, lang: str = "en") -> str:
        """The window in words, e.g. ``"from 2025-03-10 until 2025-06-20"``."""
        lang = language(lang)
        if self.start is None:
            return "无换届进行" if lang == "zh" else "no re-election running"
        if lang == "zh":
            end = self.end.isoformat() if self.end else "新一届业主委员会选出"
            return f"自{self.start.isoformat()}至{end}"
        end = self.end.isoformat() if self.end else "the new committee's election"
        return f"from {self.start.isoformat()} until {end}"


class Seat(Enum):
    """Whom a temporary property management committee member represents.

    Attributes:
        RESIDENTS_COMMITTEE: The residents' or villagers' committee (居民委员会、村民委员会).
        OWNER: An owner representative (业主代表).
        USER: A user (物业使用人) representative.
    """

    RESIDENTS_COMMITTEE = "residents-committee"
    OWNER = "owner"
    USER = "user"

    def label(self, lang: str = "en") -> str:
        """Who holds the seat, in ``"en"`` or ``"zh"``: ``"an owner representative"``, 业主代表."""
        lang = language(lang)
        if lang == "zh":
            return _SEAT_ZH[self]
        return _SEAT_EN[self]


_SEAT_EN = {
    Seat.RESIDENTS_COMMITTEE: "a representative of the residents' or villagers' committee",
    Seat.OWNER: "an owner representative",
    Seat.USER: "a representative of the users",
}
_SEAT_ZH = {
    Seat.RESIDENTS_COMMITTEE: "居民委员会、村民委员会的代表",
    Seat.OWNER: "业主代表",
    Seat.USER: "物业使用人代表",
}


@attrs.frozen(slots=True)
class TemporaryCommitteeRule:
    """The temporary property management committee (物业管理委员会).

    Attributes:
        min_size: Smallest number of members (以上, inclusive).
        odd: Whether the number must be odd.
        owners_at_least: Owner members at least this share of members.
        max_term_years: The term, generally (一般) this many years or less.
        decision_posting: How long decisions stay posted.
        dissolve_within: Dissolved within this period after a committee registers.
        citation: The articles.
        chair_seat: Whom the chair must represent.
        vice_chair_seat: Whom the vice-chair must represent.
        grounds: The conditions under which it may be formed (for explanations).
    """

    min_size: int = attrs.field(validator=_positive)
    odd: bool = attrs.field(validator=_of(bool))
    owners_at_least: Fraction = attrs.field(validator=_share)
    max_term_years: int = attrs.field(validator=_positive)
    decision_posting: Period = attrs.field(validator=_of(Period))
    dissolve_within: Period = attrs.field(validator=_of(Period))
    citation: Citation = attrs.field(validator=_citation)
    chair_seat: Seat | None = attrs.field(default=None, validator=_of(Seat, optional=True))
    vice_chair_seat: Seat | None = attrs.field(default=None, validator=_of(Seat, optional=True))
    grounds: tuple[str, ...] = attrs.field(default=(), converter=_texts)
