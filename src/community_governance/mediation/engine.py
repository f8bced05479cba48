"""Applying events: ``apply``, ``may`` and ``replay``.

``apply`` looks the (state, event) pair up in the declared table, checks the guards in order,
records the event's facts, and appends a [TrailEntry][community_governance.mediation.TrailEntry].
A refused event raises [GuardFailedError][community_governance.exceptions.GuardFailedError]
naming the state, the event, the failed guard and the reason, and leaves the case unchanged
(cases are immutable). Events must come in date order.
"""

from __future__ import annotations

from typing import Any, Protocol, Self, TypeVar

import attrs

from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar import NO_CALENDAR, HolidayCalendar
from community_governance.calendar.workdays import check_calendar
from community_governance.exceptions import GuardFailedError, ReplayMismatchError
from community_governance.mediation.events import AnyEvent, EventKind
from community_governance.mediation.progress import CaseIdentity
from community_governance.mediation.states import TERMINAL_STATES, CaseState
from community_governance.mediation.table import TABLE, Transition
from community_governance.mediation.trail import GuardWarning, TrailEntry
from community_governance.mediation.transition import CaseView

__all__ = ["Permission", "apply", "may", "replay"]


class _Case(CaseView, Protocol):
    """A case value the engine can advance and rebuild: a ``MediationCase``."""

    @property
    def identity(self) -> CaseIdentity: ...

    def header(self) -> Self: ...

    def advance(self, state: CaseState, entry: TrailEntry, changes: dict[str, Any]) -> Self: ...


CaseT = TypeVar("CaseT", bound=_Case)


@attrs.frozen(slots=True)
class Permission:
    """The answer of [may][community_governance.mediation.may]; truthy when allowed.

    Attributes:
        allowed: Whether the event would be applied.
        state: The case's state.
        event: The event's kind (value).
        guard: The failed guard's name, or ``None``.
        reason: Why not (empty when allowed), with the rule's citation.
        warnings: Soft rules the event would not meet.
        target: State the event would lead to, or ``None`` when refused.
        reason_zh: Why not, in Chinese (the rule not met and its citation).
    """

    allowed: bool
    state: CaseState
    event: str
    guard: str | None = None
    reason: str = ""
    warnings: tuple[GuardWarning, ...] = ()
    target: CaseState | None = None
    reason_zh: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    def explain(self, lang: str = "en") -> str:
        """The answer first, then why not or the soft rules not met, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        kind = EventKind(self.event)
        if lang == "zh":
            head = f"{kind.zh}：当前状态{self.state.zh}，"
            if self.allowed:
                target = self.target.zh if self.target is not None else self.state.zh
                lines = [f"{head}可以进行（→ {target}）"]
            else:
                lines = [f"{head}不得进行：{self.reason_zh or '未记录中文理由'}"]
        else:
            lines = [str(self)]
            if not self.allowed:
                lines.append(f"  {self.reason}")
        lines += [f"  ! {warning.explain(lang)}" for warning in self.warnings]
        return "\n".join(lines)

    def __str__(self) -> str:
        """One line, the answer first: ``"allowed: accept from applied to accepted"``."""
        if self.allowed:
            target = (self.target or self.state).value
            return f"allowed: {self.event} from {self.state.value} to {target}"
        guard = f" (guard {self.guard})" if self.guard else ""
        return f"refused: {self.event} in state {self.state.value}{guard}"

    def __repr__(self) -> str:
        return f"<Permission {self}>"

    def _repr_html_(self) -> str:
        rows = [("allowed" if self.allowed else "refused", self.reason or "—")]
        rows += [("warning", str(warning)) for warning in self.warnings]
        return html_table(str(self), ("", "reason"), rows)


def _last_event(case: CaseView) -> AnyEvent | None:
    """The case's last applied event (``None`` when none)."""
    trail = case.trail
    return trail[-1].event if trail else None


def _refusal(case: CaseView, event: AnyEvent) -> Permission | None:
    """Why the event has no applicable transition, or ``None`` when it has one."""
    state, kind = case.state, event.kind
    if (state, kind) not in TABLE:
        why = "a terminal state accepts no event" if state in TERMINAL_STATES else "not declared"
        reason = f"no transition for {kind.value} from {state.value} ({why})"
        why_zh = (
            "案件已结束，不再接受任何事件" if state in TERMINAL_STATES else "该状态下没有这一步骤"
        )
        return Permission(False, state, kind.value, None, reason, reason_zh=why_zh)
    last = _last_event(case).on  # type: ignore[union-attr]  # only refused when there is one
    reason = (
        f"event dated {event.on.isoformat()} is before the last event "
        f"({last.isoformat()}); events must come in date order"
    )
    zh = f"事件日期{event.on.isoformat()}早于上一事件（{last.isoformat()}），事件须按日期顺序记录"
    return Permission(False, state, kind.value, "chronological_order", reason, reason_zh=zh)


def _evaluate(case: CaseView, event: AnyEvent) -> tuple[Transition[Any] | None, Permission | None]:
    """Return the transition and ``None`` (soft warnings aside), or ``None`` and the refusal.

    The fast path (allowed, no warning) builds no ``Permission``; ``may`` builds one then.
    """
    transition = TABLE.get((case.state, event.kind))
    last = _last_event(case)
    if transition is None or (last is not None and event.on < last.on):
        return None, _refusal(case, event)
    warnings: list[GuardWarning] | None = None
    for guard in transition.guards:
        failure = guard.check(case, event)
        if failure is not None:
            if not guard.soft:
                cited = guard.cited(case.policy)
                text = f"{failure} [{cited.format()}]"
                zh = f"不符合「{guard.rule_zh or guard.name}」（{cited.format('zh')}）"
                kind = event.kind.value
                return None, Permission(False, case.state, kind, guard.name, text, reason_zh=zh)
            warnings = [*(warnings or ()), guard.warning(case, event, failure)]
    if warnings is None:
        return transition, None
    permission = Permission(
        True, case.state, event.kind.value, None, "", tuple(warnings), transition.target
    )
    return transition, permission


def may(case: CaseView, event: AnyEvent) -> Permission:
    """Say whether ``event`` may be applied to ``case``, without raising.

    Args:
        case: The case.
        event: The event.

    Returns:
        A [Permission][community_governance.mediation.Permission]; ``bool(permission)`` is the
        answer, and ``guard``/``reason`` say why not.
    """
    transition, permission = _evaluate(case, event)
    if permission is not None:
        return permission
    assert transition is not None  # _evaluate returns one of the two
    return Permission(True, case.state, event.kind.value, target=transition.target)


def apply(case: CaseT, event: AnyEvent, *, calendar: HolidayCalendar | None = None) -> CaseT:
    """Apply ``event`` and return the new case; ``case`` itself is unchanged.

    Args:
        case: The case.
        event: The event.
        calendar: Rest days for deadlines the event opens (Civil Code Art. 203); ``None``
            applies no roll-over and says so on the deadline.

    Returns:
        The case after the event, with a new trail entry.

    Raises:
        GuardFailedError: the event is not declared for the state, is out of date order, or a
            hard guard failed; the error names the state, the event, the guard and the reason.
    """
    state, trail = case.state, case.trail
    transition = TABLE.get((state, event.kind))
    if transition is not None and not (trail and event.on < trail[-1].event.on):
        for guard in transition.guards:
            if guard.check(case, event) is not None:
                break  # refused or warned: the slow path says which and why
        else:  # the common case: declared, in date order, every guard holds
            entry = TrailEntry(
                len(trail),
                event,
                state,
                transition.target,
                (),
                case.identity.policy.code,
                NO_CALENDAR if calendar is None else calendar.name,
            )
            return case.advance(transition.target, entry, transition.effect(case, event, calendar))
    return _apply_checked(case, event, calendar)


def _apply_checked(case: CaseT, event: AnyEvent, calendar: HolidayCalendar | None) -> CaseT:
    """``apply`` when the event is refused or a soft guard warns."""
    transition, permission = _evaluate(case, event)
    if transition is None:
        assert permission is not None  # _evaluate returns one of the two
        raise GuardFailedError(
            f"case {case.case_id}: {permission.event} refused in state {permission.state.value}"
            f" (guard {permission.guard}): {permission.reason}",
            state=permission.state.value,
            event=permission.event,
            guard=permission.guard,
            reason=permission.reason,
        )
    assert permission is not None  # a guard failed, so it warned
    entry = TrailEntry(
        len(case.trail),
        event,
        case.state,
        transition.target,
        permission.warnings,
        case.policy.code,
        NO_CALENDAR if calendar is None else calendar.name,
    )
    return case.advance(transition.target, entry, transition.effect(case, event, calendar))


def replay(case: CaseT, *, calendar: HolidayCalendar | None = None) -> CaseT:
    """Rebuild ``case`` from its header and trail, and check the result is equal.

    Args:
        case: The case to verify.
        calendar: The holiday calendar the events were applied with; steps recorded without
            a calendar are replayed without one.

    Returns:
        The rebuilt case (equal to ``case``).

    Raises:
        ReplayMismatchError: an event no longer applies, was recorded with another calendar
            or other outcomes, or the rebuilt case differs.
    """
    checked = check_calendar(calendar)
    name = NO_CALENDAR if checked is None else checked.name
    rebuilt = case.header()
    for step, entry in enumerate(case.trail):
        if entry.calendar not in (name, NO_CALENDAR):
            raise ReplayMismatchError(
                f"case {case.case_id}: step {step} was applied with calendar {entry.calendar!r},"
                f" not {name!r}",
                case_id=case.case_id,
                step=step,
            )
        used = None if entry.calendar == NO_CALENDAR else checked
        try:
            rebuilt = apply(rebuilt, entry.event, calendar=used)
        except GuardFailedError as error:
            raise ReplayMismatchError(
                f"case {case.case_id}: step {step} ({entry.event.kind.value}) does not replay: "
                f"{error}",
                case_id=case.case_id,
                step=step,
            ) from error
        if rebuilt.trail[-1] != entry:
            raise ReplayMismatchError(
                f"case {case.case_id}: step {step} ({entry.event.kind.value}) replays to "
                f"{rebuilt.trail[-1].to_state.value}, recorded {entry.to_state.value}",
                case_id=case.case_id,
                step=step,
            )
    if rebuilt != case:
        raise ReplayMismatchError(
            f"case {case.case_id}: the trail replays to a different case",
            case_id=case.case_id,
            step=None,
        )
    return rebuilt
