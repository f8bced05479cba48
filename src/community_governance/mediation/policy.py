"""Mediation policies per jurisdiction: the mediation period, its force, the written-form rule.

The People's Mediation Law sets no time limit. The national default therefore uses the MOJ 2002
rules' "generally within one month" (Art. 33), which is **unconfirmed** ([R]) and soft: being
overdue is a warning, never a termination. Shenzhen (30 days, default, hard) and Ningbo (one
month, extension on both parties' request, termination notice) are confirmed local rules.

Counting (a library design decision): the period runs from the day of acceptance,
which is not counted (Civil Code Art. 201). For court-delegated cases acceptance is the day the
committee signs for the file (SPC court-invited mediation rules Art. 27).
"""

from __future__ import annotations

from enum import Enum

import attrs

from community_governance._base.citations import Citation
from community_governance.exceptions import InvalidCaseDataError, UnknownJurisdictionError
from community_governance.mediation import _citations as cite
from community_governance.rules.periods import Period

__all__ = [
    "NATIONAL",
    "NINGBO",
    "POLICIES",
    "SHENZHEN",
    "MediationPolicy",
    "WrittenFormRule",
    "policy_for",
]


class WrittenFormRule(Enum):
    """When an agreement must be written rather than oral.

    Attributes:
        PML_ONLY: Only when a party asks (PML Art. 28).
        MOJ_2002: Also when civil rights and obligations are involved (MOJ 2002 Art. 34, [R],
            unconfirmed: a warning only).
        NINGBO: Also when performance is not immediate or the dispute is major or complex
            (Ningbo Art. 24).
    """

    PML_ONLY = "pml_only"
    MOJ_2002 = "moj_2002"
    NINGBO = "ningbo"


@attrs.frozen(slots=True)
class MediationPolicy:
    """How one jurisdiction times and closes mediation.

    Attributes:
        code: Jurisdiction code (``"CN"``, ``"CN-GD-SZ"``, ``"CN-ZJ-NB"``).
        name: Display name.
        period: The mediation period from acceptance.
        hard: Whether expiry without a consented extension terminates the case (``EXPIRED``).
            When ``False`` being overdue is only a warning.
        period_basis: Where the period comes from.
        extension_basis: Where the extension rule comes from (every party must consent).
        written_form: When an agreement must be written.
        termination_notice: Whether a notice of termination (终止调解通知书) is issued.
    """

    code: str
    name: str
    period: Period
    hard: bool
    period_basis: Citation
    extension_basis: Citation
    written_form: WrittenFormRule = WrittenFormRule.PML_ONLY
    termination_notice: bool = False

    def __attrs_post_init__(self) -> None:
        if self.hard and not self.period_basis.confirmed:
            raise InvalidCaseDataError(
                f"policy {self.code}: a hard period needs a confirmed basis, "
                f"not {self.period_basis.format()}",
                what=f"policy {self.code}",
                field="hard",
                value=self.hard,
            )

    @property
    def flagged(self) -> tuple[Citation, ...]:
        """Unconfirmed citations this policy relies on (shown as warnings)."""
        return tuple(c for c in (self.period_basis, self.extension_basis) if not c.confirmed)


#: National default: MOJ 2002 Art. 33 "generally within one month" — soft, flagged [R].
NATIONAL = MediationPolicy(
    code="CN",
    name="National (People's Mediation Law; MOJ 2002 period, unconfirmed)",
    period=Period(months=1),
    hard=False,
    period_basis=cite.MOJ_33,
    extension_basis=cite.DESIGN,
    written_form=WrittenFormRule.MOJ_2002,
)

#: Shenzhen Multi-channel Dispute Resolution Regulation (2022) Art. 25: 30 days, then terminate.
SHENZHEN = MediationPolicy(
    code="CN-GD-SZ",
    name="Shenzhen (Multi-channel Dispute Resolution Regulation 2022)",
    period=Period(days=30),
    hard=True,
    period_basis=cite.SHENZHEN_25,
    extension_basis=cite.SHENZHEN_25,
)

#: Ningbo People's Mediation Regulation (2015) Arts. 24, 27: one month, extension on request.
NINGBO = MediationPolicy(
    code="CN-ZJ-NB",
    name="Ningbo (People's Mediation Regulation 2015)",
    period=Period(months=1),
    hard=True,
    period_basis=cite.NINGBO_27,
    extension_basis=cite.NINGBO_27,
    written_form=WrittenFormRule.NINGBO,
    termination_notice=True,
)

#: The presets by jurisdiction code.
POLICIES: dict[str, MediationPolicy] = {p.code: p for p in (NATIONAL, SHENZHEN, NINGBO)}


def policy_for(code: str) -> MediationPolicy:
    """Return the preset policy for a jurisdiction code.

    Args:
        code: ``"CN"``, ``"CN-GD-SZ"`` (Shenzhen) or ``"CN-ZJ-NB"`` (Ningbo).

    Returns:
        The policy.

    Raises:
        UnknownJurisdictionError: no preset for ``code``.
    """
    try:
        return POLICIES[code]
    except KeyError:
        raise UnknownJurisdictionError(
            f"no mediation policy for jurisdiction {code!r}", code=code, known=tuple(POLICIES)
        ) from None
