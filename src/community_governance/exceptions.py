"""The exception hierarchy.

Every error the library raises on bad input derives from
[GovernanceError][community_governance.GovernanceError] and also from the built-in exception
that fits it (`ValueError`, `LookupError`, `TypeError`), so callers may catch either. Each error
carries structured fields naming the offending item (a unit, a ballot, a state) and its message
names that item too. An operation that raises has changed nothing.

Sections: register, voting, rule sets, elections, mediation and calendar. Each subpackage adds
its errors to its own section below.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

__all__ = [
    "AreaTypeError",
    "AuditError",
    "BallotError",
    "BodyError",
    "CalendarError",
    "CandidateError",
    "ConflictingBallotsError",
    "DerivedFactMismatchError",
    "DuplicateBallotError",
    "DuplicateIdError",
    "ElectionError",
    "EligibilityError",
    "EmptyEstateError",
    "GovernanceError",
    "GuardFailedError",
    "HolidayDataUnavailableError",
    "InvalidAreaError",
    "InvalidCaseDataError",
    "InvalidChoiceError",
    "InvalidPeriodError",
    "InvalidRecordError",
    "MediationError",
    "OverApprovalError",
    "ReplayMismatchError",
    "RuleSetError",
    "RuleSetInputError",
    "RuleSetNotInForceError",
    "StaleRuleSetWarning",
    "TransitionTableError",
    "UnknownCandidateError",
    "UnknownJurisdictionError",
    "UnknownReferenceError",
    "UnknownUnitError",
    "VotingInputError",
]


class GovernanceError(Exception):
    """Base class of every error raised by `community_governance` on bad input.

    Attributes:
        details: Structured fields describing the offending item, for programs that want to
            react to the error without parsing its message.
    """

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details: dict[str, Any] = details
        for name, value in details.items():  # each structured field is also an attribute
            setattr(self, name, value)


# --------------------------------------------------------------------------- register


class InvalidRecordError(GovernanceError, ValueError):
    """A register record (owner or unit row) is malformed.

    Attributes:
        row: Position of the row in the input (0-based), or ``None`` when not from rows.
        field: The offending field.
        value: The offending value.
    """

    row: int | None
    field: str
    value: object

    def __init__(self, message: str, *, row: int | None, field: str, value: object) -> None:
        super().__init__(message, row=row, field=field, value=value)


class AreaTypeError(GovernanceError, TypeError):
    """An area or share was given as a type that cannot be exact (a ``float``, a ``bool``...).

    Attributes:
        what: Which quantity was being read (e.g. ``"area of unit 1-101"``).
        value: The refused value.
    """

    what: str
    value: object

    def __init__(self, message: str, *, what: str, value: object) -> None:
        super().__init__(message, what=what, value=value)


class InvalidAreaError(GovernanceError, ValueError):
    """An area is zero, negative, not finite, or not a number.

    Attributes:
        what: Which quantity was being read.
        value: The refused value.
    """

    what: str
    value: object

    def __init__(self, message: str, *, what: str, value: object) -> None:
        super().__init__(message, what=what, value=value)


class DuplicateIdError(GovernanceError, ValueError):
    """Two items of one kind share an identifier.

    Attributes:
        kind: ``"unit"``, ``"owner"``, ``"candidate"``...
        id: The duplicated identifier.
    """

    kind: str
    id: str

    def __init__(self, message: str, *, kind: str, id: str) -> None:
        super().__init__(message, kind=kind, id=id)


class UnknownReferenceError(GovernanceError, LookupError):
    """An item refers to another item that does not exist (e.g. a unit naming an unknown owner).

    Attributes:
        kind: Kind of the missing item.
        id: The missing identifier.
        referrer: The item that holds the reference.
    """

    kind: str
    id: str
    referrer: str

    def __init__(self, message: str, *, kind: str, id: str, referrer: str) -> None:
        super().__init__(message, kind=kind, id=id, referrer=referrer)


class EmptyEstateError(GovernanceError, ValueError):
    """An estate was built with no units."""


# --------------------------------------------------------------------------- voting


class BallotError(GovernanceError, ValueError):
    """Base class of errors in a set of ballots."""


class UnknownUnitError(BallotError, LookupError):
    """A ballot names a unit that is not in the register.

    Attributes:
        unit: The unknown unit id.
    """

    unit: str

    def __init__(self, message: str, *, unit: str) -> None:
        super().__init__(message, unit=unit)


class DuplicateBallotError(BallotError):
    """Two ballots were cast for the same unit.

    Attributes:
        unit: The unit with more than one ballot.
    """

    unit: str

    def __init__(self, message: str, *, unit: str) -> None:
        super().__init__(message, unit=unit)


class ConflictingBallotsError(BallotError):
    """Ballots of one counted person disagree (e.g. one owner's two flats voted differently).

    Attributes:
        person: Label of the counted person.
        units: The units whose ballots disagree.
    """

    person: str
    units: tuple[str, ...]

    def __init__(self, message: str, *, person: str, units: tuple[str, ...]) -> None:
        super().__init__(message, person=person, units=units)


class InvalidChoiceError(GovernanceError, ValueError):
    """A ballot choice (or another enumerated value) is not one of the allowed values.

    Attributes:
        value: The refused value.
        allowed: The accepted spellings.
    """

    value: object
    allowed: tuple[str, ...]

    def __init__(self, message: str, *, value: object, allowed: tuple[str, ...]) -> None:
        super().__init__(message, value=value, allowed=allowed)


# --------------------------------------------------------------------------- rule sets


class RuleSetError(GovernanceError, LookupError):
    """Base class of errors in finding or building a rule set."""


class UnknownJurisdictionError(RuleSetError):
    """No rule set is registered for a jurisdiction code.

    Attributes:
        code: The unknown code.
        known: The registered codes.
    """

    code: str
    known: tuple[str, ...]

    def __init__(self, message: str, *, code: str, known: tuple[str, ...]) -> None:
        super().__init__(message, code=code, known=known)


class RuleSetNotInForceError(RuleSetError):
    """No rule set of a jurisdiction is in force on the requested date.

    Attributes:
        code: The jurisdiction code.
        on: The requested date (ISO format).
    """

    code: str
    on: str

    def __init__(self, message: str, *, code: str, on: str) -> None:
        super().__init__(message, code=code, on=on)


class RuleSetInputError(RuleSetError, TypeError):
    """An argument of rule-set resolution has the wrong type.

    For example a code that is not a string, or a date given as a datetime or a string.

    Attributes:
        field: The argument (``"code"`` or ``"on"``).
        value: The refused value.
    """

    field: str
    value: object

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message, field=field, value=value)


class StaleRuleSetWarning(UserWarning):
    """A rule set was asked for a date after the date it was last checked against the law."""


# --------------------------------------------------------------------------- elections


class ElectionError(GovernanceError, ValueError):
    """Base class of errors in elections, candidates and bodies."""


class EligibilityError(ElectionError):
    """An eligibility rule or list is malformed."""


class CandidateError(ElectionError):
    """A candidate, election ballot or election argument was built with invalid data.

    Attributes:
        what: The offending item (e.g. ``"candidate Li"``, ``"ballot for unit 1-101"``).
        field: The offending field or argument.
        value: The refused value.
    """

    what: str
    field: str
    value: object

    def __init__(self, message: str, *, what: str, field: str, value: object) -> None:
        super().__init__(message, what=what, field=field, value=value)


class UnknownCandidateError(ElectionError, LookupError):
    """An election ballot approves someone who is not a candidate (under the ``error`` policy).

    Attributes:
        unit: The unit whose ballot names the non-candidate.
        candidate: The unknown candidate id.
    """

    unit: str
    candidate: str

    def __init__(self, message: str, *, unit: str, candidate: str) -> None:
        super().__init__(message, unit=unit, candidate=candidate)


class OverApprovalError(ElectionError):
    """An election ballot approves more candidates than there are seats (``error`` policy).

    Attributes:
        unit: The unit whose ballot over-approves.
        approvals: How many candidates it approves.
        seats: The seats being filled.
    """

    unit: str
    approvals: int
    seats: int

    def __init__(self, message: str, *, unit: str, approvals: int, seats: int) -> None:
        super().__init__(message, unit=unit, approvals=approvals, seats=seats)


class BodyError(ElectionError):
    """A body (committee, group) or a size question was asked with invalid data.

    Attributes:
        field: The offending argument.
        value: The refused value.
    """

    field: str
    value: object

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message, field=field, value=value)


class AuditError(GovernanceError, ValueError):
    """An audit (recount or reported-figure check) was asked with invalid data.

    Attributes:
        field: The offending argument.
        value: The refused value.
    """

    field: str
    value: object

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message, field=field, value=value)


# --------------------------------------------------------------------------- mediation


class MediationError(GovernanceError, ValueError):
    """Base class of errors in mediation cases."""


class TransitionTableError(MediationError):
    """A declared transition table is inconsistent.

    For example: no single initial state, a terminal state with exits, an unreachable or trap
    state.
    """


class GuardFailedError(MediationError):
    """An event is not allowed in a case's current state, or one of its guards failed.

    Attributes:
        state: The case's state when the event was refused.
        event: The refused event.
        guard: The name of the failed guard (``None`` if the event has no transition there).
        reason: Why the guard failed, with its legal basis.
    """

    state: str
    event: str
    guard: str | None
    reason: str

    def __init__(
        self, message: str, *, state: str, event: str, guard: str | None, reason: str
    ) -> None:
        super().__init__(message, state=state, event=event, guard=guard, reason=reason)


class InvalidCaseDataError(MediationError):
    """A mediation case, party, agreement or event was built with invalid data.

    Attributes:
        what: The offending item (e.g. ``"event sign"``, ``"party Li"``).
        field: The offending field.
        value: The refused value.
    """

    what: str
    field: str
    value: object

    def __init__(self, message: str, *, what: str, field: str, value: object) -> None:
        super().__init__(message, what=what, field=field, value=value)


class ReplayMismatchError(MediationError):
    """Replaying a case's trail did not reproduce the case (the trail was tampered with).

    Attributes:
        case_id: The case whose trail does not replay.
        step: The 0-based trail position where replay diverged, or ``None`` at the end.
    """

    case_id: str
    step: int | None

    def __init__(self, message: str, *, case_id: str, step: int | None) -> None:
        super().__init__(message, case_id=case_id, step=step)


# --------------------------------------------------------------------------- calendar


class CalendarError(GovernanceError, ValueError):
    """A period or date computation was asked with invalid arguments."""


class InvalidPeriodError(CalendarError):
    """A period's length or start is invalid.

    For example: no unit, two units, a negative or non-integer length, a start that is not a
    date.

    Attributes:
        field: The offending argument (``"days"``, ``"months"``, ``"start"``...).
        value: The refused value.
    """

    field: str
    value: object

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message, field=field, value=value)


class HolidayDataUnavailableError(CalendarError, LookupError):
    """Holiday data needed for a date is missing (extra not installed, or a year not announced).

    Attributes:
        year: The year asked about, or ``None`` when the data source itself is missing.
    """

    year: int | None

    def __init__(self, message: str, *, year: int | None) -> None:
        super().__init__(message, year=year)


# --------------------------------------------------------------------------- plain data


class DerivedFactMismatchError(GovernanceError, ValueError):
    """Loaded data state a derived fact (a verdict, a margin...) that its own figures contradict.

    ``from_dict`` recomputes every derived fact instead of trusting it, and refuses data whose
    stored value disagrees with the recomputed one.

    Attributes:
        what: The item being loaded (e.g. ``"Decision.checks[0]"``).
        field: The derived field (``"passed"``, ``"margin"``...).
        stored: The value found in the data.
        recomputed: The value recomputed from the data's own figures.
    """

    what: str
    field: str
    stored: object
    recomputed: object

    def __init__(self, *, what: str, field: str, stored: object, recomputed: object) -> None:
        shown, again = (
            getattr(v, "value", v) if isinstance(v, Enum) else v for v in (stored, recomputed)
        )
        super().__init__(
            f"{what}: stored {field} {shown!r} disagrees with the value recomputed from the "
            f"data, {again!r}; derived facts are never trusted from input",
            what=what,
            field=field,
            stored=stored,
            recomputed=recomputed,
        )


class VotingInputError(GovernanceError, TypeError):
    """An argument of the voting engine has the wrong type.

    For example: a string for a boolean (``written_authorisation="no"``), a ``datetime`` where a
    date is expected, a dict or tuple where a ballot is expected, ``None`` or a code string
    where an estate or a rule set is expected.

    Attributes:
        field: The offending argument or attribute.
        value: The refused value.
    """

    field: str
    value: object

    def __init__(self, message: str, *, field: str, value: object) -> None:
        super().__init__(message, field=field, value=value)


class AreaBoundsError(InvalidAreaError):
    """An exact quantity is outside the bounds the library reads (too fine, long or large).

    Refused before any arithmetic, so that an input such as ``"1E-999999"`` cannot stall a count.

    Attributes:
        what: Which quantity was being read.
        value: The refused value.
    """


class MissingExtraError(GovernanceError, ImportError):
    """An optional dependency is not installed (the message names the extra to install).

    Attributes:
        extra: The extra providing it, e.g. ``"hypothesis"``.
    """

    extra: str

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message, extra=extra)


# --- mediation (typed facts) ---


class CaseFieldTypeError(InvalidCaseDataError, TypeError):
    """A mediation event, record or case field has the wrong type (e.g. a str for a session).

    Strings are not booleans, lists or records: ``lead="no"``, ``session="morning"`` and
    ``mediators=["Zhou"]`` are refused. The message names the item, the field and the value.

    Attributes:
        what: The offending item (e.g. ``"event hold_session"``).
        field: The offending field.
        value: The refused value.
    """
