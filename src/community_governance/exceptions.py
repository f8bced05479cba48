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
    "AreaBoundsError",
    "AreaTypeError",
    "AuditError",
    "AuditInputError",
    "BallotError",
    "BodyError",
    "CalendarError",
    "CandidateError",
    "CaseFieldTypeError",
    "CitationTypeError",
    "CommitteeError",
    "CommitteeInputError",
    "CommitteeSizeError",
    "ConflictingBallotsError",
    "DerivedFactMismatchError",
    "DuplicateBallotError",
    "DuplicateIdError",
    "ElectionError",
    "ElectionInputError",
    "EligibilityError",
    "EmptyEstateError",
    "EventRefusedError",
    "FrameError",
    "FrozenMatterError",
    "GovernanceError",
    "GuardFailedError",
    "HolidayDataUnavailableError",
    "InsufficientFundError",
    "InvalidAreaError",
    "InvalidBallotError",
    "InvalidCaseDataError",
    "InvalidChoiceError",
    "InvalidDataError",
    "InvalidParameterError",
    "InvalidPeriodError",
    "InvalidRecordError",
    "InvalidRuleError",
    "LanguageError",
    "LayerNotInForceError",
    "MediationError",
    "MissingExtraError",
    "MissingParameterError",
    "MissingResolutionError",
    "MoneyError",
    "MoneyTypeError",
    "OverApprovalError",
    "PackNotInForceError",
    "ParameterTypeError",
    "ProcedureInputError",
    "ReplayMismatchError",
    "RuleSetDayMismatchError",
    "RuleSetError",
    "RuleSetInputError",
    "RuleSetNotInForceError",
    "ScopeError",
    "StaleRuleSetWarning",
    "TermOutOfRangeError",
    "TransitionTableError",
    "UnconfirmedRuleError",
    "UnknownCandidateError",
    "UnknownJurisdictionError",
    "UnknownMatterError",
    "UnknownReferenceError",
    "UnknownUnitError",
    "UnverifiableFactError",
    "VotingArgumentError",
    "VotingInputError",
    "WholeAssemblyMatterError",
]


class GovernanceError(Exception):
    """Base class of every error raised by `community_governance` on bad input.

    Each subclass declares its structured fields as annotations; the constructor takes a
    sentence saying what is wrong and why, and exactly those fields as keywords, stores each as
    an attribute, and builds the message from both: the sentence, then every field with its
    (length-bounded) value, so a message always names the offending item. A sentence longer
    than 1,000 characters (one quoting a huge input) is cut, saying so.

    Attributes:
        message: Why the input was refused, in one sentence.
        details: The structured fields by name, for programs that react to the error without
            parsing its message.
    """

    message: str
    details: dict[str, Any]

    def __init__(self, message: str, /, **details: Any) -> None:
        declared = _declared_fields(type(self))
        if set(details) != set(declared):
            raise TypeError(
                f"{type(self).__name__} takes the fields {list(declared)}, got {sorted(details)}"
            )
        if len(message) > _MESSAGE_LIMIT:  # a message quoting a huge input stays readable
            message = f"{message[:_MESSAGE_LIMIT]}… (cut; {len(message)} characters)"
        super().__init__(message)
        self.message = message
        self.details = details
        for name, value in details.items():
            setattr(self, name, value)

    def __str__(self) -> str:
        if not self.details:
            return self.message
        named = ", ".join(f"{name}={_bounded_repr(value)}" for name, value in self.details.items())
        return f"{self.message} [{named}]"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, self.details))


_NOT_FIELDS = frozenset({"message", "details"})
_REPR_LIMIT = 80
#: Longest message kept whole (the sentence; each field's value is cut to `_REPR_LIMIT`).
_MESSAGE_LIMIT = 1000


def _declared_fields(cls: type) -> tuple[str, ...]:
    """The structured fields of an error class: its annotations and its bases', base first."""
    names: dict[str, None] = {}
    for klass in reversed(cls.__mro__):
        if isinstance(klass, type) and issubclass(klass, GovernanceError):
            for name in vars(klass).get("__annotations__", {}):
                if name not in _NOT_FIELDS:
                    names[name] = None
    return tuple(names)


def _bounded_repr(value: object) -> str:
    """``repr(value)`` cut to a bounded length, so a huge input cannot make a huge message."""
    shown = getattr(value, "value", value) if isinstance(value, Enum) else value
    try:
        text = repr(shown)
    except ValueError:  # an int beyond Python's digit limit for str()
        return f"<a number of {shown.bit_length()} bits>" if isinstance(shown, int) else "<?>"
    return text if len(text) <= _REPR_LIMIT else f"{text[: _REPR_LIMIT - 3]}..."


def _rebuild(cls: type[GovernanceError], message: str, details: dict[str, Any]) -> GovernanceError:
    """Unpickle an error (exceptions with keyword-only fields need their own reduce)."""
    if cls is DerivedFactMismatchError:
        return cls(**details)
    return cls(message, **details)


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


class InvalidDataError(GovernanceError, ValueError):
    """Plain data given to a ``from_dict`` loader is malformed (wrong shape, schema or type).

    Attributes:
        field: The offending key or path (``"data"``, ``"schema"``, ``"checks[0].numerator"``).
        value: The refused value.
    """

    field: str
    value: object


class InvalidRuleError(GovernanceError, ValueError):
    """Rule data is malformed: a threshold, resolution rule, layer, jurisdiction or registry.

    Attributes:
        field: The offending field (``"ratio"``, ``"quorum"``, ``"layers"``...).
        value: The refused value.
    """

    field: str
    value: object


class AreaTypeError(GovernanceError, TypeError):
    """An area or share was given as a type that cannot be exact (a ``float``, a ``bool``...).

    Attributes:
        what: Which quantity was being read (e.g. ``"area of unit 1-101"``).
        value: The refused value.
    """

    what: str
    value: object


class InvalidAreaError(GovernanceError, ValueError):
    """An area is zero, negative, not finite, or not a number.

    Attributes:
        what: Which quantity was being read.
        value: The refused value.
    """

    what: str
    value: object


class DuplicateIdError(GovernanceError, ValueError):
    """Two items of one kind share an identifier.

    Attributes:
        kind: ``"unit"``, ``"owner"``, ``"candidate"``...
        id: The duplicated identifier.
    """

    kind: str
    id: str


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


class InvalidBallotError(BallotError):
    """A motion ballot was built with an invalid field (an empty unit id, for example).

    Attributes:
        field: The offending field.
        value: The refused value.
    """

    field: str
    value: object


class DuplicateBallotError(BallotError):
    """Two ballots were cast for the same unit.

    Attributes:
        unit: The unit with more than one ballot.
    """

    unit: str


class ConflictingBallotsError(BallotError):
    """Ballots of one counted person disagree (e.g. one owner's two flats voted differently).

    Attributes:
        person: Label of the counted person.
        units: The units whose ballots disagree.
    """

    person: str
    units: tuple[str, ...]


class InvalidChoiceError(GovernanceError, ValueError):
    """A ballot choice (or another enumerated value) is not one of the allowed values.

    Attributes:
        value: The refused value.
        allowed: The accepted spellings.
    """

    value: object
    allowed: tuple[str, ...]


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


class RuleSetNotInForceError(RuleSetError):
    """No rule set of a jurisdiction is in force on the requested date.

    Attributes:
        code: The jurisdiction code.
        on: The requested date (ISO format).
    """

    code: str
    on: str


class RuleSetInputError(RuleSetError, TypeError):
    """An argument of rule-set resolution has the wrong type.

    For example a code that is not a string, or a date given as a datetime or a string.

    Attributes:
        field: The argument (``"code"`` or ``"on"``).
        value: The refused value.
    """

    field: str
    value: object


class MissingParameterError(RuleSetError):
    """No layer of a resolved rule set supplies a parameter that was asked for.

    Attributes:
        code: The jurisdiction code.
        param: The parameter's name.
    """

    code: str
    param: str


class MissingResolutionError(RuleSetError):
    """No admitted layer of a resolved rule set gives a resolution rule for a matter.

    Attributes:
        code: The jurisdiction code.
        matter: The matter's value.
    """

    code: str
    matter: str


class UnconfirmedRuleError(RuleSetError):
    """A rule was refused because its citation is not confirmed.

    Unconfirmed rules were not admitted; pass ``include_unconfirmed=True`` to use it, flagged.

    Attributes:
        code: The jurisdiction code (or ``"test"`` for a rule built in a test).
        confidence: The citation's confidence.
    """

    code: str
    confidence: str


class InvalidParameterError(RuleSetError, ValueError):
    """A rule-set parameter is unknown or holds a value of the wrong kind.

    Attributes:
        param: The parameter name.
        value: The refused value.
    """

    param: str
    value: object


class LayerNotInForceError(RuleSetError):
    """A layer was added to a rule set for a date on which the layer is not in force.

    Attributes:
        layer: The layer's name.
        on: The rule set's date (ISO format).
    """

    layer: str
    on: str


class StaleRuleSetWarning(UserWarning):
    """A rule set was asked for a date after the date it was last checked against the law."""


# --------------------------------------------------------------------------- elections


class ElectionError(GovernanceError, ValueError):
    """Base class of errors in elections, candidates and bodies."""


class EligibilityError(ElectionError):
    """An eligibility rule or list is malformed.

    Attributes:
        what: The offending item (``"negative-list item"``, ``"requirement on fact owner"``...).
        value: The refused value.
    """

    what: str
    value: object


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


class UnknownCandidateError(ElectionError, LookupError):
    """An election ballot approves someone who is not a candidate (under the ``error`` policy).

    Attributes:
        unit: The unit whose ballot names the non-candidate.
        candidate: The unknown candidate id.
    """

    unit: str
    candidate: str


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


class BodyError(ElectionError):
    """A body (committee, group) or a size question was asked with invalid data.

    Attributes:
        field: The offending argument.
        value: The refused value.
    """

    field: str
    value: object


class AuditError(GovernanceError, ValueError):
    """An audit (recount or reported-figure check) was asked with invalid data.

    Attributes:
        field: The offending argument.
        value: The refused value.
    """

    field: str
    value: object


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


class ReplayMismatchError(MediationError):
    """Replaying a case's trail did not reproduce the case (the trail was tampered with).

    Attributes:
        case_id: The case whose trail does not replay.
        step: The 0-based trail position where replay diverged, or ``None`` at the end.
    """

    case_id: str
    step: int | None


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


class HolidayDataUnavailableError(CalendarError, LookupError):
    """Holiday data needed for a date is missing (extra not installed, or a year not announced).

    Attributes:
        year: The year asked about, or ``None`` when the data source itself is missing.
    """

    year: int | None


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


class UnverifiableFactError(GovernanceError, ValueError):
    """Loaded data state a derived fact that cannot be recomputed from what was given.

    A stored fact is never trusted: where ``from_dict`` needs something the data cannot
    carry (the holiday calendar a deadline was counted with, say) to recompute it, the data
    are refused until the caller passes it.

    Attributes:
        what: The item being loaded (e.g. ``"Deadline"``).
        field: The derived field (``"end"``...).
        stored: The value found in the data.
        needs: What must be passed to recompute it (e.g. ``"calendar="``).
    """

    what: str
    field: str
    stored: object
    needs: str

    def __init__(self, *, what: str, field: str, stored: object, needs: str) -> None:
        super().__init__(
            f"{what}: stored {field} {stored!r} cannot be recomputed without {needs}; pass "
            "it to load the data (derived facts are never trusted from input)",
            what=what,
            field=field,
            stored=stored,
            needs=needs,
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


class VotingArgumentError(GovernanceError, ValueError):
    """An argument of the voting engine has the right type but an impossible value.

    For example a vote that opened after the day it closed.

    Attributes:
        field: The offending argument.
        value: The refused value.
    """

    field: str
    value: object


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


# --- frames ---


class FrameError(GovernanceError, ValueError):
    """A data frame given to a frame engine cannot be read (not a frame, or a missing column).

    Attributes:
        field: The argument or column concerned.
        value: The offending value (the columns present, for a missing column).
    """

    field: str
    value: object


# --- committee lifecycle ---


class CommitteeError(GovernanceError, ValueError):
    """A committee, an event, a timeline, a posting or a cadence was given invalid data.

    Attributes:
        field: The offending field or argument.
        value: The refused value.
    """

    field: str
    value: object


class CommitteeInputError(CommitteeError, TypeError):
    """An argument of the committee engine has the wrong type (a string for a date, a float)."""


class TermOutOfRangeError(CommitteeError):
    """A committee's term is outside the range the rule set allows (the message names the article).

    Attributes:
        article: The citation of the term rule, formatted.
    """

    article: str


class CommitteeSizeError(CommitteeError):
    """A committee's number of seats (or of alternates) is not one the rule set allows.

    Attributes:
        article: The citations of the size conditions not met, formatted.
    """

    article: str


class RuleSetDayMismatchError(CommitteeError):
    """A committee was elected under a rule set for another day whose rules differ.

    Attributes:
        elected_on: The election day.
        rules_on: The day the rule set was resolved for.
    """

    elected_on: object
    rules_on: object


class EventRefusedError(CommitteeError):
    """An event cannot apply to the committee in its present state (the reason is named).

    Attributes:
        event: The refused event's kind, e.g. ``"removal"``.
    """

    event: str


class FrozenMatterError(CommitteeError):
    """An assembly decision on a matter frozen while a re-election runs (Shanghai Art. 28).

    Attributes:
        matter: The frozen matter's value.
        on: The day of the decision.
        window: The frozen window's first and last days (the last may be ``None``: still open).
    """

    matter: str
    on: object
    window: object


# --- jurisdiction packs ---


class UnknownMatterError(RuleSetError):
    """A matter is not declared by the jurisdiction asked to decide it.

    Attributes:
        code: The jurisdiction code.
        matter: The refused matter.
        known: The matters the jurisdiction declares.
    """

    code: str
    matter: object
    known: tuple[str, ...]


class PackNotInForceError(RuleSetError):
    """No version of a jurisdiction pack is in force on the date asked.

    Attributes:
        code: The jurisdiction code.
        on: The date.
    """

    code: str
    on: object


class ProcedureInputError(GovernanceError, ValueError):
    """An input of a staged procedure is missing or does not fit (e.g. a unit without shares).

    Attributes:
        field: The offending argument or attribute.
        value: The refused value.
    """

    field: str
    value: object


# --- hardening ---


class CitationTypeError(GovernanceError, TypeError):
    """A field of a citation has the wrong type.

    For example an article given as a number, an effective date given as a ``datetime`` or a
    string, or ``uncertain`` given as a string rather than a set of members.

    Attributes:
        field: The offending field (``"instrument"``, ``"article"``, ``"effective"``, ...).
        value: The refused value.
    """

    field: str
    value: object


# --- money ---


class ScopeError(GovernanceError, TypeError):
    """A scope (the units or buildings of the owners concerned) is malformed.

    For example a bare string ``"1-101"`` where a list of unit ids is expected, or a building
    label with no unit in the register.

    Attributes:
        field: The offending argument (``"units"`` or ``"buildings"``).
        value: The refused value.
    """

    field: str
    value: object


class MoneyError(GovernanceError, ValueError):
    """A money operation was refused: a bad amount, basis, share, ledger entry or draw.

    Attributes:
        field: The offending argument or attribute.
        value: The refused value.
    """

    field: str
    value: object


class MoneyTypeError(MoneyError, TypeError):
    """A money argument has the wrong type (a float amount, a str for a list, a bool).

    Attributes:
        field: The offending argument or attribute.
        value: The refused value.
    """


class InsufficientFundError(MoneyError):
    """A draw on the maintenance fund exceeds the balance of the units charged with it.

    Attributes:
        field: ``"amount"``.
        value: The requested amount in fen.
        short: The shortfall in fen.
    """

    short: int


# --- elections hardening ---


class ElectionInputError(CandidateError, TypeError):
    """An election value has the wrong type: a string for a yes/no flag or for a collection.

    For example ``ElectionBallot("1-101", spoiled="no")``, ``approvals="Ma"`` (which would
    otherwise read as the two candidates ``M`` and ``a``) or ``candidates="Ma"``. Also a
    ``CandidateError`` (a ``ValueError``) and a ``TypeError``.

    Attributes:
        what: The offending item (e.g. ``"ballot"``, ``"election"``).
        field: The offending field or argument.
        value: The refused value.
    """


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


# --- languages ---


class LanguageError(GovernanceError, ValueError):
    """A ``lang`` argument that is not one of the library's languages, ``"en"`` or ``"zh"``.

    ``"ZH"``, ``"zh-CN"`` or ``"fr"`` are refused rather than answered in English.

    Attributes:
        field: ``"lang"``.
        value: The refused value.
    """

    field: str
    value: object


# --- scoped decisions ---


class WholeAssemblyMatterError(GovernanceError, ValueError):
    """A matter only the whole owners' assembly decides, asked of some owners only.

    ``decide(..., scope=...)`` decides for the owners concerned by a building's or a unit's
    partly shared parts; the assembly's rules of procedure, the management covenant, the
    committee and the property manager concern every owner (Civil Code Art. 278(1) items 1-4).

    Attributes:
        matter: The matter's value.
        units: Number of units in the refused scope.
    """

    matter: str
    units: int


# --- rule values ---


class ParameterTypeError(InvalidParameterError, TypeError):
    """A rule value's field has the wrong type (a string for an enum, a bool or a period).

    Raised by the committee vocabulary (`community_governance.rules.committee`):
    ``PostingRule(kind="lead")`` or ``VacancyRule(at_share_too="yes")`` is refused rather than
    stored. It is an [InvalidParameterError][community_governance.exceptions.InvalidParameterError]
    and a ``TypeError``.

    Attributes:
        param: The field.
        value: The refused value.
    """

    param: str
    value: object


# --- audit inputs ---


class AuditInputError(AuditError, TypeError):
    """An announced figure or an audit argument has the wrong type (a float, a bool, a str).

    Counts are whole numbers: ``participating_heads=7.0`` or ``True`` is refused, as is a
    float reported percentage (``96.8`` loses the decimals shown; pass ``"96.8"``).

    Attributes:
        field: The offending argument.
        value: The refused value.
    """
