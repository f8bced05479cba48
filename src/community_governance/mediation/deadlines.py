"""Deadlines around a case and the warnings they raise on a given day.

* D1 mediation period: overdue is a warning under a soft policy (the national default).
* D2 judicial-confirmation window: 30 days from the agreement taking effect.
* D7 revoking an owners' assembly or owners' committee decision: one year from when the owner
  knew or should have known of it (SPC building-ownership interpretation Art. 12). Mediation does
  **not** stop or interrupt it (Civil Code Art. 199, applied as a working assumption; whether
  the period can be suspended is unsettled), so intake warns, and again at T−60 and T−30.
"""

from __future__ import annotations

from datetime import date

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import counted
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.calendar import Deadline, HolidayCalendar
from community_governance.mediation import _citations as cite
from community_governance.mediation.case import MediationCase
from community_governance.mediation.states import CaseState
from community_governance.rules.periods import Period

__all__ = ["CaseWarning", "case_warnings", "revocation_deadline"]

_OPEN_MEDIATION = frozenset(
    {CaseState.ACCEPTED, CaseState.IN_MEDIATION, CaseState.AGREEMENT_DRAFTED}
)


@attrs.frozen(slots=True)
class CaseWarning:
    """Something a case handler should know on a given day.

    Attributes:
        code: ``"revocation_clock"``, ``"mediation_overdue"``, ``"confirmation_window"`` or
            ``"unconfirmed_rule"``.
        en: The warning in English.
        zh: The warning in Chinese.
        citation: The rule behind it.
        deadline: The deadline concerned, if any.
    """

    code: str
    en: str
    zh: str
    citation: Citation
    deadline: Deadline | None = None

    def explain(self, lang: str = "en") -> str:
        """The warning with its citation, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return f"{self.zh}（{self.citation.format(lang)}）"
        return f"{self.en} ({self.citation.format(lang)})"

    def __str__(self) -> str:
        """One line: the code first, then the warning."""
        return f"{self.code}: {self.en}"

    def __repr__(self) -> str:
        """One line: the text form in angle brackets."""
        return f"<CaseWarning {self}>"

    def _repr_html_(self) -> str:
        deadline = self.deadline.end.isoformat() if self.deadline is not None else "—"
        rows = [(self.en, deadline, self.citation.format())]
        return html_table(self.code, ["warning", "deadline", "source"], rows)


def revocation_deadline(
    case: MediationCase, *, calendar: HolidayCalendar | None = None
) -> Deadline | None:
    """The last day to ask a court to revoke the owners' decision in dispute (D7), if any.

    Args:
        case: The case; its dispute's ``decision_known_on`` starts the clock.
        calendar: Rest days for the roll-over (Civil Code Art. 203).

    Returns:
        The deadline, or ``None`` when the dispute is not about an owners' decision.
    """
    known = case.dispute.decision_known_on
    if known is None:
        return None
    return Deadline.compute(
        "revocation of the owners' decision",
        known,
        Period(years=1),
        basis=cite.BUILDING_12,
        calendar=calendar,
        label_zh="撤销业主大会或业主委员会决定",
    )


def case_warnings(
    case: MediationCase, on: date, *, calendar: HolidayCalendar | None = None
) -> tuple[CaseWarning, ...]:
    """Warnings for ``case`` on day ``on`` (the library never reads the clock).

    Args:
        case: The case.
        on: The day asked about.
        calendar: Rest days for the revocation deadline.

    Returns:
        Warnings, most urgent kinds first.
    """
    found: list[CaseWarning] = []
    revocation = revocation_deadline(case, calendar=calendar)
    if revocation is not None:
        left = revocation.days_left(on)
        end = revocation.end.isoformat()
        if left < 0:
            en = f"the 1-year window to sue for revocation ended on {end}; the right has lapsed"
            zh = f"请求撤销决定的一年期限已于{end}届满，撤销权消灭"
        else:
            stage = " (T-30)" if left <= 30 else " (T-60)" if left <= 60 else ""
            en = (
                f"{counted(left, 'day')} left{stage} to sue for revocation of the owners' "
                f"decision (last day {end}); mediation does not stop this clock (Civil Code "
                "Art. 199; the period's nature is unsettled); the housing authority or street "
                "office may also order correction (Property Management Regulation Art. 19)"
            )
            zh = f"距请求撤销业主决定的期限届满（{end}）还有{left}日；调解不中止、不中断该期限"
        found.append(CaseWarning("revocation_clock", en, zh, cite.CC_199, revocation))
    deadline = case.mediation_deadline
    if case.state in _OPEN_MEDIATION and deadline is not None and on > deadline.end:
        en = f"the mediation period ended on {deadline.end.isoformat()}"
        zh = f"调解期限已于{deadline.end.isoformat()}届满"
        if not case.policy.hard:
            en += " (soft period: a warning only; consider an extension or closing the case)"
            zh += "（一般期限，仅作提示）"
        found.append(CaseWarning("mediation_overdue", en, zh, deadline.basis, deadline))
    agreement = case.effective_agreement
    window = agreement.confirmation.window if agreement is not None else None
    if case.state is CaseState.IN_PERFORMANCE and window is not None:
        left = window.days_left(on)
        if 0 <= left <= 7 and agreement is not None and agreement.confirmation.applied_on is None:
            en = f"{counted(left, 'day')} left to apply jointly for judicial confirmation"
            zh = f"距司法确认申请期限届满还有{left}日"
            found.append(CaseWarning("confirmation_window", en, zh, cite.PML_33, window))
    for citation in case.policy.flagged:
        en = f"policy {case.policy.code} relies on an unconfirmed rule"
        zh = f"调解规则{case.policy.code}所依据的规则尚待核实"
        found.append(CaseWarning("unconfirmed_rule", en, zh, citation))
    return tuple(found)
