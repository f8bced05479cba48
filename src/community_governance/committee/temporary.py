"""The temporary property management committee (物业管理委员会), Beijing Arts. 52–59.

The street office forms one where no assembly can be formed, none has been formed, or an
assembly exists without a committee. It has 7 or more members, an odd number, drawn from the
residents' committee, owners and users, owners at least half; the chair represents the
residents' committee, a vice-chair the owners. A meeting needs more than half of the members
**and** more than half of the owner members (过半数, strictly more); a decision needs the
signatures of more than half of the members and is posted for 10 working days. Its term is
generally 3 years or less; it is dissolved within 30 days after a committee registers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from community_governance._base.citations import Citation
from community_governance._base.format import chinese_fraction
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar.deadline import Deadline
from community_governance.calendar.workdays import HolidayCalendar
from community_governance.committee.model import Role, check_day, require
from community_governance.exceptions import CommitteeError, CommitteeInputError
from community_governance.rules.committee import Seat, TemporaryCommitteeRule
from community_governance.rules.ruleset import RuleSet

__all__ = [
    "TemporaryCheck",
    "TemporaryCommittee",
    "TemporaryDecision",
    "TemporaryMember",
    "check_temporary_committee",
    "dissolution_deadline",
    "temporary_decision",
]


def _person(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise CommitteeInputError(
            f"person must be a non-empty string of at most 200 characters, not {value!r}",
            field="person",
            value=value,
        )


def _temporary_members(value: object) -> tuple[TemporaryMember, ...]:
    if not isinstance(value, (tuple, list)) or not all(
        isinstance(m, TemporaryMember) for m in value
    ):
        raise CommitteeInputError(
            f"members must be a tuple of TemporaryMember, not {value!r}",
            field="members",
            value=value,
        )
    return tuple(value)


@attrs.frozen(slots=True)
class TemporaryMember:
    """A member of the temporary committee.

    Attributes:
        person: Identifier.
        seat: Whom the member represents.
        role: Chair, vice-chair or member.
    """

    person: str = attrs.field(validator=_person)
    seat: Seat = attrs.field(validator=lambda _i, a, v: require(v, Seat, a.name))
    role: Role = attrs.field(
        default=Role.MEMBER, validator=lambda _i, a, v: require(v, Role, a.name)
    )


@attrs.frozen(slots=True)
class TemporaryCommittee:
    """A temporary property management committee.

    Attributes:
        formed_on: The day the street office formed it.
        members: Its members.
    """

    formed_on: date = attrs.field(validator=lambda _i, _a, v: check_day(v, "formed_on"))
    members: tuple[TemporaryMember, ...] = attrs.field(converter=_temporary_members)

    def __attrs_post_init__(self) -> None:
        people = [m.person for m in self.members]
        if len(set(people)) != len(people):
            raise CommitteeError(
                "temporary committee: a person twice",
                field="members",
                value=tuple(people),
            )
        if sum(m.role is Role.CHAIR for m in self.members) > 1:
            raise CommitteeError(
                "temporary committee: more than one chair", field="members", value=tuple(people)
            )

    @property
    def owners(self) -> tuple[TemporaryMember, ...]:
        """The owner members."""
        return tuple(m for m in self.members if m.seat is Seat.OWNER)


def _rule(rules: RuleSet) -> tuple[TemporaryCommitteeRule, Citation]:
    param = require(rules, RuleSet, "rules").committee.temporary_committee
    if param is None:
        raise CommitteeError(
            f"rule set {rules.code} on {rules.on} has no temporary committee rule",
            field="rules",
            value=rules.code,
        )
    return param.value, param.citation


@attrs.frozen(slots=True)
class TemporaryCheck:
    """The make-up and term of a temporary committee checked on a day.

    Attributes:
        problems: What is wrong, in English (empty: lawful).
        notices: Remarks (a term past the general limit).
        citation: The articles.
        problems_zh: The same problems in Chinese.
        notices_zh: The same remarks in Chinese.
    """

    problems: tuple[str, ...]
    notices: tuple[str, ...]
    citation: Citation
    problems_zh: tuple[str, ...] = ()
    notices_zh: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether the make-up is lawful."""
        return not self.problems

    def __str__(self) -> str:
        said = "; ".join(self.problems + self.notices) or "make-up and term as required"
        return f"{'LAWFUL' if self.passed else 'NOT LAWFUL'}: {said}"

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def text(self, lang: str = "en") -> str:
        """The verdict, every problem and remark, and the articles, in ``"en"`` or ``"zh"``.

        Chinese: ``"不合法：委员4名，不是单数（依据：…）"``; ``"合法：组成和任期符合规定"``.
        """
        lang = language(lang)
        if lang != "zh":
            return f"{self} ({self.citation.format()})"
        said = "；".join(self.problems_zh + self.notices_zh)
        if not said:
            said = f"{len(self.problems)}项问题" if self.problems else "组成和任期符合规定"
        return (
            f"{'合法' if self.passed else '不合法'}：{said}（依据：{self.citation.format('zh')}）"
        )

    def _repr_html_(self) -> str:
        return html_table(
            str(self), ["problem"], [[p] for p in self.problems], footer=list(self.notices)
        )


def check_temporary_committee(
    committee: TemporaryCommittee, *, rules: RuleSet, on: date
) -> TemporaryCheck:
    """Check size, parity, owners' share, chair and vice-chair, and the term on ``on``.

    Raises:
        CommitteeError: the rule set has no temporary committee rule.
    """
    require(committee, TemporaryCommittee, "committee")
    rule, cite = _rule(rules)
    size, owners = len(committee.members), len(committee.owners)
    problems: list[tuple[str, str]] = []
    if size < rule.min_size:
        problems.append(
            (f"{size} members, fewer than {rule.min_size}", f"委员{size}名，少于{rule.min_size}名")
        )
    if rule.odd and size % 2 == 0:
        problems.append((f"{size} members is not an odd number", f"委员{size}名，不是单数"))
    if owners * rule.owners_at_least.denominator < size * rule.owners_at_least.numerator:
        share = chinese_fraction(rule.owners_at_least)
        problems.append(
            (
                f"{owners} owner members of {size}, below {rule.owners_at_least}",
                f"{size}名委员中业主代表{owners}名，不足{share}",
            )
        )
    for role, seat in ((Role.CHAIR, rule.chair_seat), (Role.VICE_CHAIR, rule.vice_chair_seat)):
        holders = [m for m in committee.members if m.role is role]
        if seat is not None and not any(m.seat is seat for m in holders):
            problems.append(
                (
                    f"no {role.label()} is {seat.label()}",
                    f"{role.label('zh')}不是由{seat.label('zh')}担任",
                )
            )
    limit = committee.formed_on + relativedelta(years=rule.max_term_years)
    notices = (
        (
            (
                f"formed {committee.formed_on}: past the general term of "
                f"{rule.max_term_years} years ({limit})",
                f"{committee.formed_on}组建：已超过一般{rule.max_term_years}年的任期（{limit}）",
            ),
        )
        if check_day(on, "on") > limit
        else ()
    )
    return TemporaryCheck(
        tuple(en for en, _ in problems),
        tuple(en for en, _ in notices),
        cite,
        tuple(zh for _, zh in problems),
        tuple(zh for _, zh in notices),
    )


@attrs.frozen(slots=True)
class TemporaryDecision:
    """A temporary committee's meeting and decision.

    Attributes:
        quorum: Whether more than half of members and of owner members attended.
        passed: Whether the quorum held and more than half of members signed.
        signed: How many members signed.
        size: How many members it has.
        posting: The last day the decision must stay posted.
        citation: The articles.
    """

    quorum: bool
    passed: bool
    signed: int
    size: int
    posting: Deadline
    citation: Citation

    def __str__(self) -> str:
        verdict = "PASSED" if self.passed else "NOT PASSED"
        quorum = "met" if self.quorum else "not met"
        return (
            f"{verdict}: {self.signed} of {self.size} signed (quorum {quorum}); "
            f"posted through {self.posting.end}"
        )

    def __repr__(self) -> str:
        """One line: the first line of the text form, verdict first."""
        return f"<{type(self).__name__} {str(self).splitlines()[0]}>"

    def text(self, lang: str = "en") -> str:
        """The verdict, signatures, quorum and posting period, in ``"en"`` or ``"zh"``.

        Chinese: ``"通过：5名委员中3名签字（出席人数符合过半数要求）；公示至…（依据：…）"``.
        """
        lang = language(lang)
        if lang != "zh":
            return f"{self} ({self.citation.format()})"
        quorum = "符合" if self.quorum else "不符合"
        return (
            f"{'通过' if self.passed else '未通过'}：{self.size}名委员中{self.signed}名签字"
            f"（出席人数{quorum}过半数要求）；公示至{self.posting.end.isoformat()}"
            f"（依据：{self.citation.format('zh')}）"
        )

    def _repr_html_(self) -> str:
        return html_table(
            str(self),
            ["signed", "size", "posted through"],
            [[self.signed, self.size, self.posting.end]],
        )


def _people(value: object, field: str, committee: TemporaryCommittee) -> frozenset[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise CommitteeInputError(
            f"{field} must be person ids, not {value!r}", field=field, value=value
        )
    found = frozenset(value)
    strangers = found - {m.person for m in committee.members}
    if strangers:
        raise CommitteeError(
            f"{field}: {sorted(strangers)} are not members", field=field, value=sorted(strangers)
        )
    return found


def temporary_decision(
    committee: TemporaryCommittee,
    *,
    present: Iterable[str],
    signed: Iterable[str],
    decided_on: date,
    rules: RuleSet,
    calendar: HolidayCalendar | None,
) -> TemporaryDecision:
    """Decide at a temporary committee meeting: quorum, signatures, posting period.

    Raises:
        CommitteeError: the rule set has no temporary committee rule, or a person is not a
            member (or signed without attending).
        InvalidPeriodError: a posting period in working days without a calendar.
    """
    rule, cite = _rule(rules)
    here = _people(present, "present", committee)
    names = _people(signed, "signed", committee)
    if not names <= here:
        raise CommitteeError(
            f"signed: {sorted(names - here)} did not attend",
            field="signed",
            value=sorted(names - here),
        )
    owners = {m.person for m in committee.owners}
    size = len(committee.members)
    quorum = 2 * len(here) > size and 2 * len(here & owners) > len(owners)
    passed = quorum and 2 * len(names) > size
    posting = Deadline.compute(
        "temporary committee decision posted",
        check_day(decided_on, "decided_on"),
        rule.decision_posting,
        basis=cite,
        calendar=calendar,
        label_zh="物业管理委员会决定公示",
    )
    return TemporaryDecision(quorum, passed, len(names), size, posting, cite)


def dissolution_deadline(
    registered_on: date, *, rules: RuleSet, calendar: HolidayCalendar | None
) -> Deadline:
    """The last day to dissolve the temporary committee after a committee registers.

    Raises:
        CommitteeError: the rule set has no temporary committee rule.
    """
    rule, cite = _rule(rules)
    return Deadline.compute(
        "temporary committee dissolved",
        check_day(registered_on, "registered_on"),
        rule.dissolve_within,
        basis=cite,
        calendar=calendar,
        label_zh="物业管理委员会解散",
    )
