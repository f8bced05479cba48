"""Events that change a committee; each is checked and cited and returns a new value.

* `FirstMeeting`: elects the chair and vice-chair(s) (Guidance Rules 2009 Art. 32: within 7
  days of the election; a late meeting is applied with a notice, since it did happen).
* `Resignation`, `CeasedToBeOwner`: the seat ends automatically (Shanghai Art. 31, Beijing
  Art. 46); the departing member's own handover deadline is noted where the rule set has one.
* `Removal`: by the assembly, on a ground the rule set lists (Shanghai Art. 31), with the
  assembly's [Decision][community_governance.Decision] from ``decide()`` on
  ``Matter.ELECT_COMMITTEE`` (Civil Code Art. 278(1)(3): 更换业主委员会成员); an absence
  ground is recomputed from the attendance records, never trusted.
* `AlternateTakesSeat`: the next alternate takes a vacant seat for the remaining term
  (Beijing Art. 41).
* `ByElection`: the assembly fills vacant seats (Shanghai Art. 32), when the rule set calls
  for a by-election.

After every seat change the history entry carries the vacancy action the rules require.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from community_governance._base.notices import Notice
from community_governance.calendar.deadline import Deadline
from community_governance.calendar.workdays import HolidayCalendar
from community_governance.committee.attendance import MeetingRecord, absence_counts
from community_governance.committee.model import (
    Committee,
    HistoryEntry,
    Member,
    Role,
    check_day,
    require,
)
from community_governance.committee.vacancy import VacancyAction, vacancy_action
from community_governance.exceptions import CommitteeInputError, EventRefusedError
from community_governance.rules.committee import RemovalGround
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.voting.decision import Decision

__all__ = [
    "AlternateTakesSeat",
    "ByElection",
    "CeasedToBeOwner",
    "Event",
    "FirstMeeting",
    "Removal",
    "Resignation",
    "apply_event",
]


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_day(value, attribute.name)


def _owner(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise CommitteeInputError(
            f"{attribute.name} must be an owner id (a non-empty string of at most 200 "
            f"characters), not {value!r}",
            field=attribute.name,
            value=value,
        )


def _owners(value: object, field: str) -> tuple[str, ...]:
    items = tuple(value) if isinstance(value, (tuple, list)) else None
    if items is None or not all(isinstance(v, str) and v.strip() and len(v) <= 200 for v in items):
        raise CommitteeInputError(
            f"{field} must be a tuple of owner ids (not one string), not {value!r}",
            field=field,
            value=value,
        )
    return items


def _vice_chairs(value: object) -> tuple[str, ...]:
    return _owners(value, "vice_chairs")


def _elected(value: object) -> tuple[str, ...]:
    return _owners(value, "elected")


@attrs.frozen(slots=True)
class FirstMeeting:
    """The first meeting electing the chair and vice-chair(s) (首次会议)."""

    on: date = attrs.field(validator=_day)
    chair: str = attrs.field(validator=_owner)
    vice_chairs: tuple[str, ...] = attrs.field(default=(), converter=_vice_chairs)
    kind = "first-meeting"


@attrs.frozen(slots=True)
class Resignation:
    """A member's written resignation (书面辞职): the seat ends."""

    on: date = attrs.field(validator=_day)
    member: str = attrs.field(validator=_owner)
    kind = "resignation"


@attrs.frozen(slots=True)
class CeasedToBeOwner:
    """A member ceased to be an owner (不再是业主): the seat ends."""

    on: date = attrs.field(validator=_day)
    member: str = attrs.field(validator=_owner)
    kind = "ceased-to-be-owner"


@attrs.frozen(slots=True)
class Removal:
    """The assembly removes a member (罢免) on a ground the rule set lists.

    Attributes:
        on: The day it takes effect.
        member: The member removed.
        ground: Why.
        decision: The assembly's decision on ``Matter.ELECT_COMMITTEE``.
        attendance: Meeting records (required for the absence ground).
    """

    on: date = attrs.field(validator=_day)
    member: str = attrs.field(validator=_owner)
    ground: RemovalGround = attrs.field(validator=attrs.validators.instance_of(RemovalGround))
    decision: Decision = attrs.field(validator=attrs.validators.instance_of(Decision))
    attendance: tuple[MeetingRecord, ...] = ()
    kind = "removal"


@attrs.frozen(slots=True)
class AlternateTakesSeat:
    """The next alternate (候补委员) takes a vacant seat for the remaining term."""

    on: date = attrs.field(validator=_day)
    kind = "alternate-takes-seat"


@attrs.frozen(slots=True)
class ByElection:
    """The assembly elects members to vacant seats (补选).

    Attributes:
        on: The day of the by-election.
        elected: The owners elected.
        decision: The assembly's decision on ``Matter.ELECT_COMMITTEE``.
    """

    on: date = attrs.field(validator=_day)
    elected: tuple[str, ...] = attrs.field(converter=_elected)
    decision: Decision = attrs.field(validator=attrs.validators.instance_of(Decision))
    kind = "by-election"


#: Any committee event.
Event = FirstMeeting | Resignation | CeasedToBeOwner | Removal | AlternateTakesSeat | ByElection


def _refuse(
    event: Event, why: str, field: str = "event", value: object = None
) -> EventRefusedError:
    return EventRefusedError(
        f"{event.kind} on {event.on.isoformat()} refused: {why}",
        field=field,
        value=event.kind if value is None else value,
        event=event.kind,
    )


def _common(committee: Committee, event: object) -> Event:
    if not isinstance(
        event, (FirstMeeting, Resignation, CeasedToBeOwner, Removal, AlternateTakesSeat, ByElection)
    ):
        raise EventRefusedError(
            f"{event!r} is not a committee event", field="event", value=event, event="unknown"
        )
    check_day(event.on, "on")
    last = committee.history[-1].on if committee.history else committee.elected_on
    if event.on < last:
        raise _refuse(
            event, f"it is before the last recorded event ({last.isoformat()})", "on", event.on
        )
    if event.on > committee.expires_on:
        raise _refuse(
            event, f"the term expired on {committee.expires_on.isoformat()}", "on", event.on
        )
    return event


def _assembly(event: Removal | ByElection) -> None:
    decision = event.decision
    if decision.matter is not Matter.ELECT_COMMITTEE or not decision.passed:
        raise _refuse(
            event,
            f"the assembly decision must pass on {Matter.ELECT_COMMITTEE.value} "
            f"(got {decision.matter.value}, passed={decision.passed})",
            "decision",
            decision.matter.value,
        )
    if decision.on > event.on:
        raise _refuse(
            event, f"the decision is dated {decision.on}, after the event", "decision", decision.on
        )


def _first_meeting(
    committee: Committee, event: FirstMeeting, rules: RuleSet, calendar: HolidayCalendar | None
) -> Committee:
    if committee.chair_elected_on is not None:
        raise _refuse(event, f"the first meeting was held on {committee.chair_elected_on}")
    seated = {m.owner for m in committee.members}
    for owner in (event.chair, *event.vice_chairs):
        if owner not in seated:
            raise _refuse(event, f"{owner!r} holds no seat", "chair", owner)
    if event.chair in event.vice_chairs:
        raise _refuse(
            event, f"{event.chair!r} cannot be chair and vice-chair", "vice_chairs", event.chair
        )
    role = {event.chair: Role.CHAIR, **dict.fromkeys(event.vice_chairs, Role.VICE_CHAIR)}
    members = tuple(attrs.evolve(m, role=role.get(m.owner, Role.MEMBER)) for m in committee.members)
    notices: tuple[Notice, ...] = ()
    rule = rules.committee.first_meeting
    if rule is not None and rule.value.period is not None:
        due = Deadline.compute(
            "first meeting",
            committee.elected_on,
            rule.value.period,
            basis=rule.citation,
            calendar=calendar,
        )
        if event.on > due.end:
            notices = (
                Notice(
                    "first-meeting-late",
                    f"held after the last lawful day {due.end}",
                    f"首次会议晚于法定期限{due.end}",
                    rule.citation,
                ),
            )
    entry = HistoryEntry(
        event.kind,
        event.on,
        f"chair {event.chair}, vice-chairs {', '.join(event.vice_chairs) or 'none'}",
        f"推选主任{event.chair}，"
        + (f"副主任{'、'.join(event.vice_chairs)}" if event.vice_chairs else "未设副主任"),
        None if rule is None else rule.citation,
        notices,
    )
    return attrs.evolve(
        committee, members=members, chair_elected_on=event.on, history=(*committee.history, entry)
    )


def _seat_ends(
    committee: Committee,
    event: Resignation | CeasedToBeOwner | Removal,
    rules: RuleSet,
    calendar: HolidayCalendar | None,
) -> Committee:
    committee.member(event.member)
    members = tuple(m for m in committee.members if m.owner != event.member)
    after = attrs.evolve(committee, members=members)
    advice = vacancy_action(after, rules=rules)
    notices = [Notice("vacancy-action", str(advice), advice.zh, advice.citation)]
    handover = rules.committee.member_handover
    if handover is not None and handover.value.period is not None:
        due = Deadline.compute(
            "member handover",
            event.on,
            handover.value.period,
            basis=handover.citation,
            calendar=calendar,
        )
        notices.append(
            Notice(
                "member-handover",
                f"{event.member} hands over records by {due.end}",
                f"{event.member}最迟应于{due.end}移交",
                handover.citation,
            )
        )
    entry = HistoryEntry(
        event.kind,
        event.on,
        f"{event.member}'s seat ended",
        f"{event.member}委员资格终止",
        None,
        tuple(notices),
    )
    return attrs.evolve(after, history=(*committee.history, entry))


def _removal(
    committee: Committee, event: Removal, rules: RuleSet, calendar: HolidayCalendar | None
) -> Committee:
    _assembly(event)
    grounds = rules.committee.removal_grounds
    if grounds is None or event.ground not in grounds.value:
        raise _refuse(
            event,
            f"ground {event.ground.value} is not listed by rule set {rules.code}",
            "ground",
            event.ground.value,
        )
    if event.ground is RemovalGround.ABSENCE:
        rule = rules.committee.absence
        if rule is None:
            raise _refuse(event, "the rule set has no absence rule", "ground", event.ground.value)
        counts = {
            c.owner: c
            for c in absence_counts(committee, event.attendance, rule=rule.value, on=event.on)
        }
        count = counts.get(event.member)
        if count is None or not count.triggered:
            raise _refuse(
                event,
                f"the attendance records do not meet the absence rule ({count})",
                "attendance",
                event.member,
            )
    return _seat_ends(committee, event, rules, calendar)


def _alternate(committee: Committee, event: AlternateTakesSeat, rules: RuleSet) -> Committee:
    advice = vacancy_action(committee, rules=rules)
    if advice.action is not VacancyAction.FILL_FROM_ALTERNATES:
        raise _refuse(event, f"the rules require {advice.action.value} ({advice.en})")
    owner, *rest = committee.alternates
    entry = HistoryEntry(
        event.kind,
        event.on,
        f"alternate {owner} takes a seat for the remaining term",
        f"候补委员{owner}递补",
        advice.citation,
    )
    return attrs.evolve(
        committee,
        members=(*committee.members, Member(owner, since=event.on)),
        alternates=tuple(rest),
        history=(*committee.history, entry),
    )


def _by_election(committee: Committee, event: ByElection, rules: RuleSet) -> Committee:
    _assembly(event)
    advice = vacancy_action(committee, rules=rules)
    if advice.action is not VacancyAction.BY_ELECTION:
        raise _refuse(event, f"the rules require {advice.action.value} ({advice.en})")
    if not 0 < len(event.elected) <= committee.vacancies:
        raise _refuse(
            event,
            f"{len(event.elected)} elected for {committee.vacancies} empty seats",
            "elected",
            event.elected,
        )
    added = tuple(Member(owner, since=event.on) for owner in event.elected)
    entry = HistoryEntry(
        event.kind,
        event.on,
        f"by-election of {', '.join(event.elected)}",
        "补选委员",
        advice.citation,
    )
    return attrs.evolve(
        committee, members=(*committee.members, *added), history=(*committee.history, entry)
    )


def apply_event(
    committee: Committee, event: Event, *, rules: RuleSet, calendar: HolidayCalendar | None = None
) -> Committee:
    """Apply one event and return the new committee (the input is unchanged).

    Args:
        committee: The committee before the event.
        event: What happened.
        rules: The rule set in force on the event's day.
        calendar: Rest days for the deadlines noted (first meeting, member handover).

    Returns:
        The committee after the event, with one more history entry.

    Raises:
        EventRefusedError: the event cannot apply (the reason is named: no such member, a
            ground the rules do not list, a decision that did not pass, a rule set that
            requires another vacancy action, a day out of order or after the term).
        CommitteeError: a committee value would be invalid (e.g. an owner seated twice).
    """
    require(committee, Committee, "committee")
    require(rules, RuleSet, "rules")
    checked = _common(committee, event)
    if isinstance(checked, FirstMeeting):
        return _first_meeting(committee, checked, rules, calendar)
    if isinstance(checked, Removal):
        return _removal(committee, checked, rules, calendar)
    if isinstance(checked, (Resignation, CeasedToBeOwner)):
        return _seat_ends(committee, checked, rules, calendar)
    if isinstance(checked, AlternateTakesSeat):
        return _alternate(committee, checked, rules)
    return _by_election(committee, checked, rules)
