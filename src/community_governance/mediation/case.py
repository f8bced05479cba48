"""[MediationCase][community_governance.mediation.MediationCase]: the immutable case value.

A case is created in state ``NEW`` with its parties, dispute, committee and policy; events move
it (see [apply][community_governance.mediation.apply]). Every applied event is appended to the
case's ``trail``; [replay][community_governance.mediation.replay] rebuilds the case from it.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from community_governance.calendar import Deadline
from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation import _checks as check
from community_governance.mediation import _present
from community_governance.mediation.agreement import Agreement
from community_governance.mediation.events import Event
from community_governance.mediation.policy import NATIONAL, MediationPolicy
from community_governance.mediation.records import (
    Committee,
    Consent,
    Dispute,
    Mediator,
    Notice,
    Party,
    Session,
)
from community_governance.mediation.states import (
    AgreementForm,
    CaseSource,
    CaseState,
    TerminationReason,
)

if TYPE_CHECKING:
    from community_governance.calendar import HolidayCalendar
    from community_governance.mediation.engine import Permission

__all__ = ["MediationCase", "TrailEntry"]


@attrs.frozen(slots=True)
class TrailEntry:
    """One applied event in a case's audit trail.

    Attributes:
        seq: Position in the trail (0-based).
        event: The event: when, what, by whom, with its facts and reason.
        from_state: State before the event.
        to_state: State after it.
        warnings: Soft rules (unconfirmed sources) that the event did not meet, with citations.
        policy: Code of the mediation policy (rule set) in force for the case.
        calendar: Name of the holiday calendar used for deadlines opened by the event.
    """

    seq: int
    event: Event
    from_state: CaseState
    to_state: CaseState
    warnings: tuple[str, ...] = ()
    policy: str = ""
    calendar: str = ""


def _parties(instance: MediationCase, attribute: Any, value: tuple[Party, ...]) -> None:
    ids = [party.id for party in value if isinstance(party, Party)]
    unique = set(ids)
    if len(unique) == len(value) >= 2 and instance.committee.id not in unique:
        return  # the common case, checked with one set
    what = f"case {instance.case_id}"
    if len(ids) != len(value) or len(ids) < 2:
        raise InvalidCaseDataError(
            f"{what}: parties must be at least two Party values, got {value!r}",
            what=what,
            field="parties",
            value=value,
        )
    if len(unique) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise InvalidCaseDataError(
            f"{what}: party id {duplicates[0]!r} is used twice",
            what=what,
            field="parties",
            value=duplicates[0],
        )
    raise InvalidCaseDataError(
        f"{what}: {instance.committee.id!r} cannot both mediate and be a party "
        "(a library design decision: a mediator must not be a party)",
        what=what,
        field="committee",
        value=instance.committee.id,
    )


@attrs.frozen
class MediationCase:
    """A people's-mediation case, from report to closing.

    Create one with the identity fields only; every other field is filled by events.

    Frozen and slotted like the library's other values: assigning an attribute raises
    ``attrs.exceptions.FrozenInstanceError`` and there is no instance ``__dict__``. ``apply``
    builds the next case with ``attrs.evolve``, so every validator runs on every step.

    Attributes:
        case_id: Case number, e.g. ``"(2025) 人调字第 12 号"``.
        committee: The mediation organisation.
        parties: At least two parties with distinct ids.
        dispute: What the dispute is about.
        policy: The mediation policy (rule set) of the jurisdiction.
        state: Current state.
        source: How the dispute became known.
        application_form: Written or oral application.
        applied_on: Day of the first application.
        referral: Referring body, if referred.
        court_delegated: Whether a court delegated the case before filing (委派).
        consents: Consents and explicit refusals, per party.
        accepted_on: Day of acceptance (受理).
        limitation_interrupted_on: Day the limitation period of the claim was interrupted
            (the application day, else the first consent; SPC limitation rules Art. 12).
        mediators: Mediators currently assigned.
        sessions: Sessions held.
        mediation_deadline: Last day of the mediation period (policy), after extensions.
        extensions: Number of consented extensions.
        written_form_requested_by: Parties who asked for a written agreement.
        agreements: Agreement versions, oldest first.
        notices: Notices given.
        termination: Reason code when ``TERMINATED``.
        not_accepted_reason: Reason when ``NOT_ACCEPTED``.
        closed_on: Day the case reached a terminal state.
        non_performance: Whether performance was ever urged.
        trail: Every applied event, in order (append-only).
    """

    case_id: str = attrs.field(validator=check.text)
    committee: Committee
    parties: tuple[Party, ...] = attrs.field(converter=check.as_tuple, validator=_parties)
    dispute: Dispute
    policy: MediationPolicy = NATIONAL
    state: CaseState = CaseState.NEW
    source: CaseSource | None = None
    application_form: AgreementForm | None = None
    applied_on: date | None = None
    referral: str = ""
    court_delegated: bool = False
    consents: tuple[Consent, ...] = ()
    accepted_on: date | None = None
    limitation_interrupted_on: date | None = None
    mediators: tuple[Mediator, ...] = ()
    sessions: tuple[Session, ...] = ()
    mediation_deadline: Deadline | None = None
    extensions: int = 0
    written_form_requested_by: tuple[str, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    notices: tuple[Notice, ...] = ()
    termination: TerminationReason | None = None
    not_accepted_reason: str = ""
    closed_on: date | None = None
    non_performance: bool = False
    trail: tuple[TrailEntry, ...] = ()

    @cached_property
    def party_ids(self) -> frozenset[str]:
        """Ids of all parties."""
        return frozenset(party.id for party in self.parties)

    @property
    def agreement(self) -> Agreement | None:
        """The latest agreement version, or ``None``."""
        return self.agreements[-1] if self.agreements else None

    @property
    def effective_agreement(self) -> Agreement | None:
        """The agreement in effect (when ``IN_PERFORMANCE`` or later), or ``None``."""
        agreements = self.agreements
        latest = agreements[-1] if agreements else None
        return latest if latest is not None and latest.effective_on is not None else None

    @property
    def consented(self) -> frozenset[str]:
        """Parties who consented to mediation."""
        return frozenset(c.party for c in self.consents if c.given)

    @property
    def refused(self) -> frozenset[str]:
        """Parties who explicitly refused mediation."""
        return frozenset(c.party for c in self.consents if not c.given)

    def header(self) -> MediationCase:
        """The case as created: identity fields only, state ``NEW``, empty trail."""
        return MediationCase(self.case_id, self.committee, self.parties, self.dispute, self.policy)

    def apply(self, event: Event, *, calendar: HolidayCalendar | None = None) -> MediationCase:
        """Same as [apply][community_governance.mediation.apply] (``apply(self, event)``)."""
        from community_governance.mediation.engine import apply

        return apply(self, event, calendar=calendar)

    def may(self, event: Event) -> Permission:
        """Same as [may][community_governance.mediation.may] (``may(self, event)``)."""
        from community_governance.mediation.engine import may

        return may(self, event)

    def explain(self, lang: str = "en") -> str:
        """State, reason, deadlines, agreement and every trail step, in ``"en"`` or ``"zh"``."""
        return _present.explain(self, lang)

    def _repr_html_(self) -> str:
        return _present.html(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data with the schema ``community_governance.mediation_case/1``."""
        return _present.to_dict(self)

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, calendar: HolidayCalendar | None = None
    ) -> MediationCase:
        """Inverse of [to_dict][community_governance.mediation.MediationCase.to_dict].

        Nothing derived is trusted: the case is rebuilt by applying the trail's events to its
        header, and every stored field (``state`` included) and each trail entry's outcome must
        equal the recomputed one.

        Args:
            data: Data written by ``to_dict``.
            calendar: The holiday calendar the events were applied with (steps recorded
                without a calendar are rebuilt without one).

        Raises:
            InvalidRecordError: wrong schema, data that do not fit, or a trail event that
                no longer applies.
            DerivedFactMismatchError: a stored field differs from the recomputed one; the
                error names the field, the stored value and the recomputed value.
        """
        return _present.from_dict(data, calendar)
