"""The parts of a transition row: guards, effects, and what they may read of a case.

Each lifecycle phase module (`community_governance.mediation.phases`) declares its rows as
[Transition][community_governance.mediation.Transition]s with their
[Guard][community_governance.mediation.Guard]s and effects; the table module concatenates and
validates them. Guards and effects read a case through [CaseView][] (the attributes of
[MediationCase][community_governance.mediation.MediationCase]), so that no phase depends on the
case module and the case module can replay its own trail.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

import attrs

from community_governance._base.citations import Citation
from community_governance.calendar import Deadline, HolidayCalendar
from community_governance.exceptions import TransitionTableError
from community_governance.mediation.agreement import Agreement
from community_governance.mediation.events import EventKind
from community_governance.mediation.progress import (
    ClosingRecord,
    IntakeRecord,
    MediatingRecord,
)
from community_governance.mediation.records import (
    Committee,
    Consent,
    Dispute,
    Mediator,
    Notice,
    Session,
)
from community_governance.mediation.states import AgreementForm, CaseSource, CaseState
from community_governance.mediation.trail import GuardWarning, TrailEntry
from community_governance.rules.mediation import MediationPolicy
from community_governance.rules.periods import Period

__all__ = ["CaseView", "Guard", "HasParties", "HasParty", "Transition"]


class CaseView(Protocol):
    """What guards and effects read of a case (the attributes of ``MediationCase``)."""

    @property
    def case_id(self) -> str: ...  # noqa: D102
    @property
    def committee(self) -> Committee: ...  # noqa: D102
    @property
    def dispute(self) -> Dispute: ...  # noqa: D102
    @property
    def policy(self) -> MediationPolicy: ...  # noqa: D102
    @property
    def state(self) -> CaseState: ...  # noqa: D102
    @property
    def source(self) -> CaseSource | None: ...  # noqa: D102
    @property
    def application_form(self) -> AgreementForm | None: ...  # noqa: D102
    @property
    def applied_on(self) -> date | None: ...  # noqa: D102
    @property
    def consents(self) -> tuple[Consent, ...]: ...  # noqa: D102
    @property
    def mediators(self) -> tuple[Mediator, ...]: ...  # noqa: D102
    @property
    def sessions(self) -> tuple[Session, ...]: ...  # noqa: D102
    @property
    def mediation_deadline(self) -> Deadline | None: ...  # noqa: D102
    @property
    def extensions(self) -> int: ...  # noqa: D102
    @property
    def written_form_requested_by(self) -> tuple[str, ...]: ...  # noqa: D102
    @property
    def agreements(self) -> tuple[Agreement, ...]: ...  # noqa: D102
    @property
    def notices(self) -> tuple[Notice, ...]: ...  # noqa: D102
    @property
    def trail(self) -> tuple[TrailEntry, ...]: ...  # noqa: D102
    @property
    def intake(self) -> IntakeRecord: ...  # noqa: D102
    @property
    def mediating(self) -> MediatingRecord: ...  # noqa: D102
    @property
    def closing(self) -> ClosingRecord: ...  # noqa: D102
    @property
    def party_ids(self) -> frozenset[str]: ...  # noqa: D102
    @property
    def agreement(self) -> Agreement | None: ...  # noqa: D102
    @property
    def effective_agreement(self) -> Agreement | None: ...  # noqa: D102


#: The event type a guard reads (a guard of a wider type serves a narrower one).
E_contra = TypeVar("E_contra", contravariant=True)
#: The event type of a transition row.
E = TypeVar("E")

Changes = dict[str, Any]
Effect = Callable[[CaseView, E, "HolidayCalendar | None"], Changes]


class HasParty(Protocol):
    """An event naming one party (`PartyEvent`, `ApplicationEvent`, `SigningEvent`)."""

    @property
    def party(self) -> str: ...  # noqa: D102


class HasParties(Protocol):
    """An event naming the parties who join it (terms, extension, re-mediation, JC)."""

    @property
    def parties(self) -> tuple[str, ...]: ...  # noqa: D102


#: Policy attributes a guard may cite instead of its own citation.
_BASES = ("", "period_basis", "extension_basis", "written_form_basis", "written_form_advice_basis")


@attrs.frozen(slots=True)
class Guard(Generic[E_contra]):
    """A named condition on an event, with its legal basis.

    Attributes:
        name: Identifier, e.g. ``"within_confirmation_window"``.
        citation: The rule it enforces (or the library design decision it implements).
        check: ``check(case, event)`` returns ``None`` when satisfied, else the reason.
        soft: Whether a failure is only a warning (unconfirmed source).
        rule_zh: The rule in Chinese, for explanations.
        basis: Name of the case policy's attribute whose citation the guard enforces (e.g.
            ``"period_basis"``), or ``""`` to cite ``citation``; see
            [cited][community_governance.mediation.Guard.cited].
        reason_zh: ``reason_zh(case, event)``, why the rule is not met in Chinese; a soft
            guard needs it, because its failure is recorded in the trail as a
            [GuardWarning][community_governance.mediation.GuardWarning] in both languages
            (a hard guard's failure is an error, in English).

    Raises:
        TransitionTableError: a soft guard without ``reason_zh``.
    """

    name: str
    citation: Citation
    check: Callable[[CaseView, E_contra], str | None] = attrs.field(eq=False, repr=False)
    soft: bool = False
    rule_zh: str = ""
    basis: str = attrs.field(default="", validator=attrs.validators.in_(_BASES))
    reason_zh: Callable[[CaseView, E_contra], str] | None = attrs.field(
        default=None, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if self.soft and self.reason_zh is None:
            raise TransitionTableError(
                f"guard {self.name}: a soft guard needs reason_zh (its warning is bilingual)"
            )

    def warning(self, case: CaseView, event: E_contra, reason: str) -> GuardWarning:
        """The warning recorded when this soft guard fails with ``reason`` (English).

        Raises:
            TransitionTableError: the guard has no ``reason_zh`` (it is not soft).
        """
        if self.reason_zh is None:
            raise TransitionTableError(f"guard {self.name}: no reason_zh, so no warning")
        zh = self.reason_zh(case, event)
        return GuardWarning(
            self.name, self.rule_zh or self.name, reason, zh, self.cited(case.policy)
        )

    def cited(self, policy: MediationPolicy) -> Citation:
        """The citation for a case under ``policy``.

        The case's own policy article when the guard enforces a policy rule (period,
        extension, written form), else ``citation``.
        """
        found = getattr(policy, self.basis) if self.basis else None
        return found if isinstance(found, Citation) else self.citation


@attrs.frozen(slots=True)
class Transition(Generic[E]):
    """One row of the table: in ``source``, ``event`` leads to ``target`` if every guard holds.

    Attributes:
        source: State the case must be in.
        event: The event's kind.
        target: State after the event.
        guards: Conditions, checked in order; the first hard failure refuses the event.
        effect: Records the event's facts on the case.
        carrier: The event type that carries ``event`` (``EVENT_TYPES[event]``, checked when
            the table is built); guards and effects read its typed attributes.
    """

    source: CaseState
    event: EventKind
    target: CaseState
    guards: tuple[Guard[E], ...]
    effect: Effect[E] = attrs.field(eq=False, repr=False)
    carrier: type[E] = attrs.field(eq=False, repr=False)


def rows(
    carrier: type[E],
    sources: tuple[CaseState, ...],
    event: EventKind,
    target: CaseState | None,
    guards: tuple[Guard[E], ...],
    effect: Effect[E],
) -> tuple[Transition[E], ...]:
    """One transition per source state; ``target=None`` means "stay in the source state".

    ``carrier`` is the event type of ``event``: mypy checks that the guards and the effect
    read that type, and the table checks that ``EVENT_TYPES`` maps ``event`` to it.
    """
    return tuple(
        Transition(source, event, source if target is None else target, guards, effect, carrier)
        for source in sources
    )


# ------------------------------------------------------------- shared predicates and effects


def party_known(case: CaseView, event: HasParty) -> str | None:
    """The event's party is a party of the case."""
    if event.party in case.party_ids:
        return None
    known = ", ".join(sorted(case.party_ids))
    return f"{event.party!r} is not a party of case {case.case_id} ({known})"


def all_parties_join(case: CaseView, event: HasParties) -> str | None:
    """Every party of the case is among the event's ``parties``."""
    missing = sorted(case.party_ids - set(event.parties))
    return f"not joined by {', '.join(missing)}" if missing else None


def deadline(
    label: str,
    start: date,
    period: Period,
    *,
    basis: Citation,
    calendar: HolidayCalendar | None,
    label_zh: str,
) -> Deadline:
    """[Deadline.compute][community_governance.calendar.Deadline.compute] for an effect.

    Without a calendar the deadline is a pure function of frozen, hashable values, so the
    result is remembered (at most 4,096 of them; deadlines are immutable and safe to share).
    With a calendar it is computed every time: a calendar may learn new holidays.
    """
    if calendar is not None:
        return Deadline.compute(
            label, start, period, basis=basis, calendar=calendar, label_zh=label_zh
        )
    return _plain_deadline(label, start, period, basis, label_zh)


@functools.lru_cache(maxsize=4096)
def _plain_deadline(
    label: str, start: date, period: Period, basis: Citation, label_zh: str
) -> Deadline:
    return Deadline.compute(label, start, period, basis=basis, calendar=None, label_zh=label_zh)


def replace_latest(case: CaseView, **changes: Any) -> tuple[Agreement, ...]:
    """``agreements`` with the latest version replaced by a copy with ``changes``."""
    agreements = case.agreements
    return (*agreements[:-1], attrs.evolve(agreements[-1], **changes))


def with_latest(case: CaseView, agreement: Agreement) -> tuple[Agreement, ...]:
    """``agreements`` with the latest version replaced by ``agreement``."""
    return (*case.agreements[:-1], agreement)


def intake(case: CaseView, **changes: Any) -> IntakeRecord:
    """The case's intake record with ``changes`` (its constructor runs)."""
    return attrs.evolve(case.intake, **changes)


def mediating(case: CaseView, **changes: Any) -> MediatingRecord:
    """The case's mediating record with ``changes`` (its constructor runs)."""
    return attrs.evolve(case.mediating, **changes)


def closing(case: CaseView, **changes: Any) -> ClosingRecord:
    """The case's closing record with ``changes`` (its constructor runs)."""
    return attrs.evolve(case.closing, **changes)
