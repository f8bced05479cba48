"""Counting cases in a reporting window (the body of ``mediation_statistics``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import attrs

from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation.states import (
    AgreementForm,
    CaseState,
    JCStatus,
    TerminationReason,
)

if TYPE_CHECKING:
    from community_governance.mediation.agreement import Agreement
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.statistics import Rate

_PENDING = frozenset({CaseState.ACCEPTED, CaseState.IN_MEDIATION, CaseState.AGREEMENT_DRAFTED})

DEFINITIONS = {
    "accepted": "cases accepted (受理) in the window",
    "closed_agreement": "cases whose agreement took effect in the window (maybe still performing)",
    "closed_no_agreement": "cases terminated without agreement in the window, all reasons",
    "pending_end": "cases accepted, in mediation or with a draft agreement at the window's end",
    "not_accepted": "cases refused at intake in the window; never in any rate",
    "withdrawn": "cases terminated in the window because a party withdrew",
    "reported": "disputes reported (线索登记) in the window",
    "agreements_effective": "agreement versions that took effect in the window",
    "oral_agreements": "oral agreements among them",
    "written_agreements": "written agreements among them",
}


@attrs.frozen(slots=True)
class Window:
    """A reporting window, both days included."""

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        for field, value in (("start", self.start), ("end", self.end)):
            if not isinstance(value, date):
                raise InvalidCaseDataError(
                    f"reporting window: {field} {value!r} must be a datetime.date",
                    what="reporting window",
                    field=field,
                    value=value,
                )
        if self.end < self.start:
            raise InvalidCaseDataError(
                f"reporting window: end {self.end} is before start {self.start}",
                what="reporting window",
                field="end",
                value=self.end,
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def state_on(case: MediationCase, day: date) -> CaseState:
    """The case's state at the end of ``day``, from its trail."""
    state = CaseState.NEW
    for entry in case.trail:
        if entry.event.on > day:
            break
        state = entry.to_state
    return state


@attrs.frozen(slots=True)
class Counted:
    """Counts of one window, and the rates built from them."""

    counts: dict[str, int]
    by_reason: dict[str, int]
    definitions: dict[str, str]
    agreements: tuple[tuple[MediationCase, Agreement], ...]
    end: date

    def rates(self, excluded: tuple[str, ...]) -> tuple[Rate, ...]:
        """The rates of §4.5, with ``excluded`` reasons left out of the recommended one."""
        from community_governance.mediation.statistics import Rate

        c = self.counts
        ended = sum(v for k, v in self.by_reason.items() if k not in excluded)
        due = [(case, a) for case, a in self.agreements if _last_due(a, self.end)]
        performed = sum(1 for case, _ in due if state_on(case, self.end) is CaseState.PERFORMED)
        written = [a for _, a in self.agreements if a.form is AgreementForm.WRITTEN]
        applied = sum(1 for a in written if a.confirmation.applied_on is not None)
        confirmed = sum(1 for a in written if a.confirmation.status is JCStatus.CONFIRMED)
        rejected = sum(1 for a in written if a.confirmation.status is JCStatus.REJECTED)
        basis = "mediable cases" if excluded else "all ended cases"
        return (
            Rate(
                "practice_success_rate",
                c["closed_agreement"],
                c["accepted"],
                "agreements in effect / cases accepted (practice-compatible; rises as pending "
                "cases close)",
                "协议生效数 / 受理数（与地方统计口径一致）",
            ),
            Rate(
                "recommended_success_rate",
                c["closed_agreement"],
                c["closed_agreement"] + ended,
                f"agreements / (agreements + terminated), pending excluded; basis: {basis}",
                "协议生效数 /（协议生效数 + 调解终止数），不含未结案件",
            ),
            Rate(
                "performance_rate",
                performed,
                len(due),
                "performed / agreements whose last due date is before the window's end",
                "履行完毕数 / 最后履行期限已届满的协议数",
            ),
            Rate(
                "confirmation_uptake",
                applied,
                len(written),
                "written agreements with a judicial-confirmation application / written "
                "agreements effective in the window",
                "申请司法确认的书面协议 / 书面协议数",
            ),
            Rate(
                "confirmation_success",
                confirmed,
                confirmed + rejected,
                "confirmed / (confirmed + rejected)",
                "确认有效数 /（确认有效数 + 驳回数）",
            ),
            Rate(
                "oral_share",
                c["oral_agreements"],
                c["agreements_effective"],
                "oral agreements / all agreements effective in the window",
                "口头协议 / 全部生效协议",
            ),
        )


def _last_due(agreement: Agreement, end: date) -> bool:
    dues = [o.due for o in agreement.terms.obligations if o.due is not None]
    return bool(dues) and max(dues) < end


def count_window(cases: tuple[MediationCase, ...], window: Window) -> Counted:
    """Count ``cases`` over ``window``."""
    by_reason = {reason.value: 0 for reason in TerminationReason}
    counts = dict.fromkeys(DEFINITIONS, 0)
    agreements: list[tuple[MediationCase, Agreement]] = []
    for case in cases:
        counts["accepted"] += case.accepted_on in window
        counts["reported"] += any(
            e.event.on in window and e.to_state is CaseState.REPORTED for e in case.trail
        )
        effective = [a for a in case.agreements if a.effective_on in window]
        counts["closed_agreement"] += bool(effective)
        agreements += [(case, a) for a in effective]
        if case.closed_on in window and case.termination is not None:
            by_reason[case.termination.value] += 1
        counts["not_accepted"] += case.state is CaseState.NOT_ACCEPTED and case.closed_on in window
        counts["pending_end"] += state_on(case, window.end) in _PENDING
    counts["closed_no_agreement"] = sum(by_reason.values())
    counts["withdrawn"] = by_reason[TerminationReason.PARTY_WITHDREW.value]
    counts["agreements_effective"] = len(agreements)
    counts["oral_agreements"] = sum(1 for _, a in agreements if a.form is AgreementForm.ORAL)
    counts["written_agreements"] = len(agreements) - counts["oral_agreements"]
    return Counted(counts, by_reason, dict(DEFINITIONS), tuple(agreements), window.end)
