"""Hypothesis strategies for mediation cases and event sequences (optional extra).

Re-exported from ``community_governance.strategies``. [candidate_events][] is plain code:
for a case and a day it proposes, for each event declared in the case's state, one event
built from the case's own parties and mediators — allowed or not; the strategies then keep
the allowed ones, so every drawn history is a lawful one.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from community_governance._base.citations import Citation, Confidence
from community_governance.mediation.agreement import AgreementTerms, Obligation
from community_governance.mediation.case import MediationCase
from community_governance.mediation.engine import apply, may
from community_governance.mediation.events import AnyEvent, EventKind, make_event
from community_governance.mediation.records import Committee, Dispute, Mediator, Party, Session
from community_governance.mediation.states import SigningMethod
from community_governance.mediation.table import TABLE
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger
from community_governance.rules.periods import Period

__all__ = [
    "candidate_events",
    "mediation_case_histories",
    "mediation_cases",
    "mediation_event_sequences",
]

_K = EventKind
_START = date(2024, 1, 1)


def _terms(case: MediationCase, on: date) -> AgreementTerms:
    first = sorted(case.party_ids)[0]
    return AgreementTerms((Obligation("o1", first, "pay the fee", on + timedelta(days=10)),))


def _payload(case: MediationCase, kind: EventKind, on: date) -> list[AnyEvent]:
    parties = tuple(sorted(case.party_ids))
    mediator = case.mediators[0].id if case.mediators else "m1"
    agreement = case.agreement
    signers = (*parties, mediator)
    simple = {
        _K.REPORT_DISPUTE: {"source": "screening"},
        _K.SUBMIT_APPLICATION: {"party": parties[0], "form": "written"},
        _K.RECEIVE_REFERRAL: {"body": "district court", "court_delegated": True},
        _K.REJECT: {"reason": "outside the committee's remit"},
        _K.ASSIGN_MEDIATORS: {"mediators": (Mediator("m1", lead=True),), "rights_notice": True},
        _K.REPLACE_MEDIATOR: {"target": mediator, "mediators": (Mediator("m2"),), "reason": "r"},
        _K.HOLD_SESSION: {"session": Session()},
        _K.EXTEND_PERIOD: {"period": Period(days=15), "parties": parties},
        _K.DECLARE_FAILURE: {"routes_advised": True},
        _K.REPORT_ESCALATION: {"body": "police station"},
        _K.PARALLEL_PROCEEDING: {"body": "district court"},
        _K.TERMINATE_BAD_FAITH: {"reason": "false information"},
        _K.TERMINATE_OTHER: {"reason": "party moved away"},
        _K.REACH_ORAL_AGREEMENT: {"parties": parties, "terms": _terms(case, on)},
        _K.DRAFT_AGREEMENT: {"terms": _terms(case, on)},
        _K.REFER_TO_COURT: {"agreement_disputed": True},
        _K.REMEDIATE: {"parties": parties},
        _K.APPLY_CONFIRMATION: {"parties": parties, "body": "district court"},
        _K.COURT_REJECTS: {"reason": "unclear content"},
        _K.COURT_NOT_ACCEPTED: {"reason": "title to real rights"},
    }
    if kind in simple:
        return [make_event(kind, on, **simple[kind])]  # type: ignore[arg-type]
    if kind is _K.SIGN:
        signed = {s.signatory for s in agreement.signatures} if agreement else set()
        todo = [p for p in signers if p not in signed]
        events = [make_event(kind, on, party=p, method=SigningMethod.SIGNATURE) for p in todo]
        return [*events, make_event(kind, on, party=case.committee.id, method=SigningMethod.SEAL)]
    if kind in (_K.RECORD_PERFORMANCE, _K.URGE_PERFORMANCE):
        return [make_event(kind, on, target="o1", reason="receipt")]
    if kind in (
        _K.REQUEST_CONSENT,
        _K.GIVE_CONSENT,
        _K.PARTY_REFUSES,
        _K.WITHDRAW,
        _K.REQUEST_WRITTEN_FORM,
        _K.DECLINE_TO_SIGN,
    ):
        return [make_event(kind, on, party=p) for p in parties]
    return [make_event(kind, on)]


def candidate_events(case: MediationCase, on: date) -> list[AnyEvent]:
    """Propose events declared for the case's state, dated ``on`` (allowed or not).

    Args:
        case: The case.
        on: The day of the proposed events.

    Returns:
        Candidate events, in table order.
    """
    kinds = [kind for (state, kind) in TABLE if state is case.state]
    return [event for kind in kinds for event in _payload(case, kind, on)]


_TEST_BASIS = Citation("test_mediation_rules", "1", note="generated test policy, not law")
_SOFT_BASIS = Citation("library_design", "test", confidence=Confidence.LOW)


@st.composite
def mediation_policies(draw: st.DrawFn) -> MediationPolicy:
    """Generated mediation policies: soft or hard periods, any written-form triggers."""
    hard = draw(st.booleans())
    triggers = st.lists(st.sampled_from(WrittenFormTrigger), max_size=3, unique=True)
    required = tuple(draw(triggers))
    advised = tuple(draw(triggers))
    return MediationPolicy(
        code="TEST",
        name="generated test policy",
        period=draw(st.sampled_from((Period(days=30), Period(months=1), Period(days=15)))),
        hard=hard,
        period_basis=_TEST_BASIS if hard else _SOFT_BASIS,
        extension_basis=_TEST_BASIS,
        written_form_required_for=required,
        written_form_basis=_TEST_BASIS if required else None,
        written_form_advised_for=advised,
        written_form_advice_basis=_SOFT_BASIS if advised else None,
        termination_notice=draw(st.booleans()),
    )


@st.composite
def mediation_cases(draw: st.DrawFn) -> MediationCase:
    """Fresh cases (state ``NEW``) with 2–4 parties under a generated policy."""
    count = draw(st.integers(2, 4))
    parties = tuple(Party(f"p{i}", "applicant" if i == 0 else "respondent") for i in range(count))
    policy = draw(mediation_policies())
    decision = draw(st.none() | st.dates(date(2023, 1, 1), date(2024, 1, 1)))
    dispute = Dispute("property", "property fees", decision_known_on=decision)
    return MediationCase("(2024) 人调字第 1 号", Committee("rc"), parties, dispute, policy)


@st.composite
def mediation_event_sequences(
    draw: st.DrawFn, case: MediationCase, max_events: int = 25
) -> list[AnyEvent]:
    """Lawful event sequences for ``case``: each event is allowed when it comes."""
    events: list[AnyEvent] = []
    on = case.trail[-1].event.on if case.trail else _START
    for _ in range(draw(st.integers(0, max_events))):
        on += timedelta(days=draw(st.integers(0, 20)))
        allowed = [e for e in candidate_events(case, on) if may(case, e)]
        if not allowed:
            break
        event = draw(st.sampled_from(allowed))
        case = apply(case, event)
        events.append(event)
    return events


@st.composite
def mediation_case_histories(draw: st.DrawFn, max_events: int = 25) -> MediationCase:
    """Cases after a random lawful history (any state, trail included)."""
    case = draw(mediation_cases())
    for event in draw(mediation_event_sequences(case, max_events)):
        case = apply(case, event)
    return case
