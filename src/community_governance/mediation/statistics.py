"""Statistics over mediation cases, with every definition declared.

No official definition of the mediation success rate is known; local reports divide successes
by cases accepted or by cases mediated. The result therefore carries each count's and each
rate's definition, in English and Chinese, next to its figures. Cases refused at intake
(``NOT_ACCEPTED``) are counted separately and never enter a rate.

[reported_percentage][community_governance.audit.reported_percentage] tells whether a
published percentage can be a ratio of whole cases at all: 96.8% of 103 cannot (100/103 rounds
to 97.1%, 99/103 to 96.1%).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.format import percent_figure, percentage
from community_governance._base.frozen import FrozenMap
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.serial import dump
from community_governance.exceptions import InvalidCaseDataError
from community_governance.mediation import _checks as check
from community_governance.mediation.agreement import Agreement
from community_governance.mediation.case import MediationCase
from community_governance.mediation.states import (
    AgreementForm,
    CaseState,
    JCStatus,
    TerminationReason,
)

__all__ = ["MediationStatistics", "Rate", "mediation_statistics"]


@attrs.frozen(slots=True)
class Rate:
    """A ratio with its definition.

    Attributes:
        name: Identifier, e.g. ``"recommended_success_rate"``.
        numerator: Count on top.
        denominator: Count below (0 when the rate is undefined).
        en: Definition in English.
        zh: Definition in Chinese.
    """

    name: str
    numerator: int
    denominator: int
    en: str
    zh: str

    @property
    def value(self) -> Fraction | None:
        """The exact ratio, or ``None`` when the denominator is 0."""
        return Fraction(self.numerator, self.denominator) if self.denominator else None

    def percent(self, places: int = 1) -> Decimal | None:
        """The percentage rounded half up to ``places`` decimals, or ``None``."""
        return percentage(self.numerator, self.denominator, places) if self.denominator else None

    def explain(self, lang: str = "en") -> str:
        """``name: n / d = p% (definition)`` in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        figure = percent_figure(self.value)
        if lang == "zh":
            return f"{self.zh}：{self.numerator} / {self.denominator} = {figure}"
        return f"{self.name}: {self.numerator} / {self.denominator} = {figure} ({self.en})"

    def __str__(self) -> str:
        """One line, the figure first: ``"≈97.09%: practice_success_rate (100 / 103)"``."""
        return f"{percent_figure(self.value)}: {self.name} ({self.numerator} / {self.denominator})"

    def __repr__(self) -> str:
        """One line: the text form in angle brackets."""
        return f"<Rate {self}>"

    def _repr_html_(self) -> str:
        row = (self.name, f"{self.numerator} / {self.denominator}", str(self), self.en)
        return html_table(str(self), ["rate", "figure", "percentage", "definition"], [row])


def _frozen_ints(value: Mapping[str, int]) -> FrozenMap[str, int]:
    return FrozenMap(value)


def _frozen_texts(value: Mapping[str, str]) -> FrozenMap[str, str]:
    return FrozenMap(value)


@attrs.frozen(slots=True)
class MediationStatistics:
    """Counts and rates over a reporting window ``[start, end]`` (both days included).

    Attributes:
        start: First day of the window.
        end: Last day of the window.
        counts: Named counts (see ``definitions``).
        terminated_by_reason: ``closed_no_agreement`` split by reason code.
        rates: The rates, each with its definition.
        definitions: Definition of each count, in English.
        excluded_from_recommended: Reason codes left out of the recommended rate's denominator.
    """

    start: date
    end: date
    counts: Mapping[str, int] = attrs.field(converter=_frozen_ints)
    terminated_by_reason: Mapping[str, int] = attrs.field(converter=_frozen_ints)
    rates: tuple[Rate, ...]
    definitions: Mapping[str, str] = attrs.field(converter=_frozen_texts)
    excluded_from_recommended: tuple[str, ...]

    def rate(self, name: str) -> Rate:
        """Return the rate called ``name``.

        Raises:
            KeyError: no such rate; the message lists the names.
        """
        for rate in self.rates:
            if rate.name == name:
                return rate
        raise KeyError(f"no rate {name!r}; rates: {', '.join(r.name for r in self.rates)}")

    def explain(self, lang: str = "en") -> str:
        """Every count with its definition, then every rate."""
        lang = language(lang)
        head = f"{self.start.isoformat()} – {self.end.isoformat()}"
        zh_head = f"统计期间 {self.start.isoformat()}至{self.end.isoformat()}"
        lines = [zh_head if lang == "zh" else "Window " + head]
        if lang == "zh":
            lines += [f"{_ZH_DEFINITIONS.get(k, k)}：{v}" for k, v in self.counts.items()]
            reasons = self.terminated_by_reason.items()
            lines += [f"  终止原因{_ZH_REASONS.get(k, k)}：{v}" for k, v in reasons if v]
        else:
            lines += [f"{k}: {v} ({self.definitions[k]})" for k, v in self.counts.items()]
            lines += [f"  {k}: {v}" for k, v in self.terminated_by_reason.items() if v]
        lines += [rate.explain(lang) for rate in self.rates]
        return "\n".join(lines)

    def __str__(self) -> str:
        """One line: the window, cases accepted, then each rate's figure."""
        rates = ", ".join(f"{r.name} {percent_figure(r.value)}" for r in self.rates)
        accepted = self.counts.get("accepted", 0)
        return f"{self.start} – {self.end}: {accepted} accepted; {rates}"

    def __repr__(self) -> str:
        """One line: the text form in angle brackets."""
        return f"<MediationStatistics {self}>"

    def _repr_html_(self) -> str:
        rows: list[tuple[str, str, str]] = [
            (k, str(v), self.definitions[k]) for k, v in self.counts.items()
        ]
        rows += [
            (r.name, f"{r.numerator}/{r.denominator} = {percent_figure(r.value)}", r.en)
            for r in self.rates
        ]
        return html_table(
            f"Mediation statistics {self.start} – {self.end}",
            ("item", "figure", "definition"),
            rows,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the schema ``community_governance.mediation_statistics/1``."""
        return dump(self, "community_governance.mediation_statistics/1")


def mediation_statistics(
    cases: Iterable[MediationCase],
    *,
    start: date,
    end: date,
    exclude_withdrawn: bool = False,
) -> MediationStatistics:
    """Count cases over ``[start, end]`` by the declared definitions below.

    Args:
        cases: The cases (any iterable; not modified).
        start: First day of the window.
        end: Last day of the window.
        exclude_withdrawn: Leave ``PARTY_WITHDREW`` and ``PARALLEL_PROCEEDING`` out of the
            recommended rate's denominator (the "mediable cases" basis).

    Returns:
        The statistics; pending and withdrawn counts are always reported next to the rates.
    """
    window = _count_window(tuple(cases), _Window(start, end))
    excluded = (
        (TerminationReason.PARTY_WITHDREW.value, TerminationReason.PARALLEL_PROCEEDING.value)
        if exclude_withdrawn
        else ()
    )
    return MediationStatistics(
        start,
        end,
        window.counts,
        window.by_reason,
        window.rates(excluded),
        window.definitions,
        excluded,
    )


_PENDING = frozenset({CaseState.ACCEPTED, CaseState.IN_MEDIATION, CaseState.AGREEMENT_DRAFTED})

_DEFINITIONS = {
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


#: The counts' definitions in Chinese (what ``explain("zh")`` prints instead of the keys).
_ZH_DEFINITIONS = {
    "accepted": "统计期间内受理的案件数",
    "closed_agreement": "统计期间内调解协议生效的案件数（可能仍在履行中）",
    "closed_no_agreement": "统计期间内未达成协议而终止的案件数（各种原因）",
    "pending_end": "统计期末已受理、调解中或协议待签的案件数",
    "not_accepted": "统计期间内不予受理的案件数（不计入任何比率）",
    "withdrawn": "统计期间内因当事人撤回而终止的案件数",
    "reported": "统计期间内线索登记的纠纷数",
    "agreements_effective": "统计期间内生效的调解协议（版本）数",
    "oral_agreements": "其中口头协议数",
    "written_agreements": "其中书面协议数",
}
_ZH_REASONS = {
    "party_refused": "（当事人拒绝调解）",
    "party_withdrew": "（当事人撤回）",
    "failed": "（调解不成）",
    "expired": "（调解期限届满）",
    "parallel_proceeding": "（已进入其他程序）",
    "escalated_transferred": "（移送处理）",
    "bad_faith": "（恶意调解）",
    "other": "（其他原因）",
}


@attrs.frozen(slots=True)
class _Window:
    """A reporting window, both days included."""

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        for field, value in (("start", self.start), ("end", self.end)):
            check.refuse_non_day("reporting window", field, value)
        if self.end < self.start:
            raise InvalidCaseDataError(
                f"reporting window: end {self.end} is before start {self.start}",
                what="reporting window",
                field="end",
                value=self.end,
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _state_on(case: MediationCase, day: date) -> CaseState:
    """The case's state at the end of ``day``, from its trail."""
    state = CaseState.NEW
    for entry in case.trail:
        if entry.event.on > day:
            break
        state = entry.to_state
    return state


@attrs.frozen(slots=True)
class _Counted:
    """Counts of one window, and the rates built from them."""

    counts: dict[str, int]
    by_reason: dict[str, int]
    definitions: dict[str, str]
    agreements: tuple[tuple[MediationCase, Agreement], ...]
    end: date

    def rates(self, excluded: tuple[str, ...]) -> tuple[Rate, ...]:
        """The six rates of `mediation_statistics` (``excluded`` reasons: not in the second)."""
        c = self.counts
        ended = sum(v for k, v in self.by_reason.items() if k not in excluded)
        due = [(case, a) for case, a in self.agreements if _last_due(a, self.end)]
        performed = sum(1 for case, _ in due if _state_on(case, self.end) is CaseState.PERFORMED)
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


def _count_window(cases: tuple[MediationCase, ...], window: _Window) -> _Counted:
    """Count ``cases`` over ``window``."""
    by_reason = {reason.value: 0 for reason in TerminationReason}
    counts = dict.fromkeys(_DEFINITIONS, 0)
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
        counts["pending_end"] += _state_on(case, window.end) in _PENDING
    counts["closed_no_agreement"] = sum(by_reason.values())
    counts["withdrawn"] = by_reason[TerminationReason.PARTY_WITHDREW.value]
    counts["agreements_effective"] = len(agreements)
    counts["oral_agreements"] = sum(1 for _, a in agreements if a.form is AgreementForm.ORAL)
    counts["written_agreements"] = len(agreements) - counts["oral_agreements"]
    return _Counted(counts, by_reason, dict(_DEFINITIONS), tuple(agreements), window.end)
