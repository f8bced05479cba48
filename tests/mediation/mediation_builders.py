"""Builders shared by the mediation tests: a case in any state, allowed events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from community_governance import mediation as m
from community_governance.jurisdictions import cn, cn_gd_sz, cn_zj_nb
from community_governance.strategies.mediation import candidate_events

NATIONAL = cn.NATIONAL_MEDIATION_POLICY
SHENZHEN = cn_gd_sz.SHENZHEN_MEDIATION_POLICY
NINGBO = cn_zj_nb.NINGBO_MEDIATION_POLICY

START = date(2025, 3, 3)


def new_case(policy: m.MediationPolicy = NATIONAL, **dispute: object) -> m.MediationCase:
    return m.MediationCase(
        "(2025) 人调字第 7 号",
        m.Committee("rc", name="Hongcheng residents' committee"),
        (m.Party("Li", "applicant"), m.Party("PM", "respondent", "legal", property_company=True)),
        m.Dispute("property", "property fees", **dispute),  # type: ignore[arg-type]
        policy,
    )


def terms(due: date | None = None, *, title: bool = False) -> m.AgreementTerms:
    return m.AgreementTerms(
        (m.Obligation("o1", "Li", "pay 1000 yuan", due or START + timedelta(days=40)),),
        "fee settled",
        settles_title=title,
    )


PATHS: dict[m.CaseState, list[tuple[str, dict[str, object]]]] = {}
_base = [("report_dispute", {"source": "grid_worker"})]
_applied = [*_base, ("submit_application", {"party": "Li", "form": "written"})]
_accepted = [*_applied, ("give_consent", {"party": "PM"}), ("accept", {})]
_mediating = [
    *_accepted,
    ("assign_mediators", {"mediators": (m.Mediator("m1"),), "rights_notice": True}),
]
_drafted = [*_mediating, ("draft_agreement", {"terms": terms()})]
_performing = [
    *_drafted,
    ("sign", {"party": "Li", "method": "signature"}),
    ("sign", {"party": "PM", "method": "seal"}),
    ("sign", {"party": "m1", "method": "signature"}),
    ("sign", {"party": "rc", "method": "seal"}),
    ("take_effect", {}),
]
S = m.CaseState
PATHS[S.NEW] = []
PATHS[S.REPORTED] = _base
PATHS[S.APPLIED] = _applied
PATHS[S.AWAITING_CONSENT] = [*_base, ("initiate_ex_officio", {})]
PATHS[S.NOT_ACCEPTED] = [*_applied, ("reject", {"reason": "already before the court"})]
PATHS[S.ACCEPTED] = _accepted
PATHS[S.IN_MEDIATION] = _mediating
PATHS[S.AGREEMENT_DRAFTED] = _drafted
PATHS[S.IN_PERFORMANCE] = _performing
PATHS[S.PERFORMED] = [
    *_performing,
    ("record_performance", {"target": "o1"}),
    ("close_performed", {}),
]
PATHS[S.REFERRED_TO_COURT] = [*_performing, ("refer_to_court", {"agreement_disputed": True})]
PATHS[S.TERMINATED] = [*_mediating, ("declare_failure", {"routes_advised": True})]


def reach(
    state: m.CaseState, policy: m.MediationPolicy = NATIONAL, **dispute: object
) -> m.MediationCase:
    """A case in ``state``, one event per day from START (signatures all on one day)."""
    case = new_case(policy, **dispute)
    day = START
    for kind, fields in PATHS[state]:
        if kind != "sign":
            day += timedelta(days=1)
        case = m.apply(case, m.make_event(kind, day, **fields))  # type: ignore[arg-type]
    return case


def last_day(case: m.MediationCase) -> date:
    return case.trail[-1].event.on if case.trail else START


def allowed_event(case: m.MediationCase, kind: m.EventKind, on: date) -> m.Event:
    for event in candidate_events(case, on):
        if event.kind is kind and m.may(case, event):
            return event
    raise AssertionError(f"no allowed {kind} in {case.state}")


def schema_2(case: m.MediationCase) -> dict[str, Any]:
    """``case.to_dict()`` as version 0.2 wrote it: schema ``/2``, warnings as English texts."""
    data = case.to_dict()
    trail = [
        {**plain, "warnings": [str(warning) for warning in entry.warnings]}
        for plain, entry in zip(data["trail"], case.trail, strict=True)
    ]
    return {**data, "schema": "community_governance.mediation_case/2", "trail": trail}
