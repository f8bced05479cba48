"""Mediation policy types: how a jurisdiction times and closes people's mediation.

Only the vocabulary lives here; the policies themselves are jurisdiction data
(`community_governance.jurisdictions`) and reach a case through its rule set
(``rules.mediation.policy``). The engine (`community_governance.mediation`) reads every
attribute generically: no jurisdiction is named in engine code.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance.exceptions import CaseFieldTypeError, InvalidCaseDataError
from community_governance.rules.periods import Period

__all__ = ["MediationPolicy", "WrittenFormTrigger"]


class WrittenFormTrigger(Enum):
    """A circumstance in which a policy asks for a written rather than an oral agreement.

    A party's own request always requires writing (People's Mediation Law Art. 28); these are
    the further circumstances a policy may add.

    Attributes:
        OBLIGATIONS: The agreement sets civil rights and obligations (any obligation).
        DEFERRED_PERFORMANCE: An obligation falls due after the day of agreement.
        MAJOR_OR_COMPLEX: The dispute is major or complex (``Dispute.complex``).
    """

    OBLIGATIONS = "obligations"
    DEFERRED_PERFORMANCE = "deferred_performance"
    MAJOR_OR_COMPLEX = "major_or_complex"


def _triggers(field: str, value: object) -> tuple[WrittenFormTrigger, ...]:
    """A tuple of `WrittenFormTrigger` (members or values), sorted, without repeats."""
    if not isinstance(value, (tuple, list, frozenset)):
        raise CaseFieldTypeError(
            f"MediationPolicy: {field} must be a tuple of WrittenFormTrigger, not {value!r}",
            what="MediationPolicy",
            field=field,
            value=value,
        )
    found = {parse_enum(WrittenFormTrigger, item, what=field) for item in value}
    return tuple(sorted(found, key=lambda t: t.value))


def _required_triggers(value: object) -> tuple[WrittenFormTrigger, ...]:
    return _triggers("written_form_required_for", value)


def _advised_triggers(value: object) -> tuple[WrittenFormTrigger, ...]:
    return _triggers("written_form_advised_for", value)


def _refuse(
    code: object,
    field: str,
    value: object,
    why: str,
    error: type[InvalidCaseDataError] = InvalidCaseDataError,
) -> None:
    raise error(
        f"policy {code}: {field} {why}, not {value!r}",
        what=f"policy {code}",
        field=field,
        value=value,
    )


def _typed(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    expected: dict[str, tuple[type, ...]] = {
        "code": (str,),
        "name": (str,),
        "period": (Period,),
        "hard": (bool,),
        "period_basis": (Citation,),
        "extension_basis": (Citation,),
        "written_form_basis": (Citation, type(None)),
        "written_form_advice_basis": (Citation, type(None)),
        "termination_notice": (bool,),
    }
    types = expected[attribute.name]
    if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
        names = " or ".join("None" if t is type(None) else t.__name__ for t in types)
        code = getattr(instance, "code", "?")
        _refuse(code, attribute.name, value, f"must be a {names}", CaseFieldTypeError)


@attrs.frozen(slots=True)
class MediationPolicy:
    """How one jurisdiction times and closes mediation.

    Attributes:
        code: Jurisdiction code (``"CN"`` or a local code).
        name: Display name.
        period: The mediation period from acceptance.
        hard: Whether expiry without a consented extension terminates the case (``EXPIRED``).
            When ``False`` being overdue is only a warning.
        period_basis: Where the period comes from.
        extension_basis: Where the extension rule comes from (every party must consent).
        written_form_required_for: Circumstances that *require* a written agreement (an oral
            agreement is refused), under ``written_form_basis``.
        written_form_basis: The rule behind ``written_form_required_for``.
        written_form_advised_for: Circumstances in which writing is only *advised* (an oral
            agreement is recorded with a warning), under ``written_form_advice_basis``.
        written_form_advice_basis: The rule behind ``written_form_advised_for``.
        termination_notice: Whether a notice of termination (终止调解通知书) is issued.
    """

    code: str = attrs.field(validator=_typed)
    name: str = attrs.field(validator=_typed)
    period: Period = attrs.field(validator=_typed)
    hard: bool = attrs.field(validator=_typed)
    period_basis: Citation = attrs.field(validator=_typed)
    extension_basis: Citation = attrs.field(validator=_typed)
    written_form_required_for: tuple[WrittenFormTrigger, ...] = attrs.field(
        default=(), converter=_required_triggers
    )
    written_form_basis: Citation | None = attrs.field(default=None, validator=_typed)
    written_form_advised_for: tuple[WrittenFormTrigger, ...] = attrs.field(
        default=(), converter=_advised_triggers
    )
    written_form_advice_basis: Citation | None = attrs.field(default=None, validator=_typed)
    termination_notice: bool = attrs.field(default=False, validator=_typed)

    def __attrs_post_init__(self) -> None:
        if self.hard and not self.period_basis.confirmed:
            _refuse(
                self.code,
                "hard",
                self.hard,
                f"needs a confirmed basis ({self.period_basis.format()})",
                InvalidCaseDataError,
            )
        if self.written_form_required_for and self.written_form_basis is None:
            _refuse(self.code, "written_form_basis", None, "must cite the rule requiring writing")
        if self.written_form_advised_for and self.written_form_advice_basis is None:
            _refuse(
                self.code,
                "written_form_advice_basis",
                None,
                "must cite the rule advising writing",
                InvalidCaseDataError,
            )

    @property
    def flagged(self) -> tuple[Citation, ...]:
        """Unconfirmed citations this policy relies on (shown as warnings)."""
        return tuple(c for c in (self.period_basis, self.extension_basis) if not c.confirmed)

    def __str__(self) -> str:
        force = "hard" if self.hard else "soft"
        return f"{self.code}: {force} period {self.period} ({self.period_basis.format()})"
