"""Benchmark: applying mediation events with guard checks and an audit trail.

Runs, in the same process, 100,000 events through the same 7-state machine (reported →
applied → accepted → in mediation → agreement drafted → in performance → performed, with
per-party consents and signatures as self-loops and the same guards) in four ways:

* floor: a minimal hand-written dict transition table on a frozen value (a NamedTuple);
* attrs floor: the frozen, slotted attrs values ours builds for each event (the trail entry,
  the case, the phase record the event touches, with the same fields), and nothing else: no
  guard, no validator, no effect logic. No engine that stores these values (a trail of
  entries, the case, its phase records) can cost less, so the ratio ours / attrs floor is
  what the engine itself adds;
* ours: ``community_governance.mediation.apply`` on ``MediationCase``;
* ``transitions`` 0.9.x;
* ``python-statemachine`` 3.x.

Every trail entry records the same facts in all four: position, when, what, by whom, from
state, to state, reasons (soft-guard warnings) and the rule set and calendar used, as
``MediationCase.trail`` does (the floor and the peers used to record only from, event, party
and to; they now do the same work).

Prints CPU seconds per run (best of several rounds, the four interleaved in each round so
that load on a shared machine weighs on them alike) and the ratios. No assertion: targets
are checked by reading the output.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

import attrs

from community_governance.jurisdictions import rules_for
from community_governance.mediation import (
    AgreementTerms,
    AnyEvent,
    ApplicationEvent,
    BareEvent,
    Committee,
    Dispute,
    EventKind,
    MediationCase,
    Mediator,
    MediatorsEvent,
    Obligation,
    ObligationEvent,
    Party,
    PartyEvent,
    ReportEvent,
    Session,
    SessionEvent,
    SigningEvent,
    TermsEvent,
    apply,
)

N_EVENTS = 100_000
REPEATS = 5
DAY = date(2025, 3, 3)
PARTIES = ("Li", "PM")

# ----------------------------------------------------------------------------- the scenario
# (event name, party or "") — one case lifecycle; repeated over fresh cases until N events.
SCRIPT: tuple[tuple[str, str], ...] = (
    ("submit_application", "Li"),
    ("give_consent", "PM"),
    ("accept", ""),
    ("assign_mediators", ""),
    ("hold_session", ""),
    ("draft_agreement", ""),
    ("sign", "Li"),
    ("sign", "PM"),
    ("sign", "m1"),
    ("sign", "rc"),
    ("take_effect", ""),
    ("record_performance", "o1"),
    ("close_performed", ""),
)
STATES = (
    "reported",
    "applied",
    "accepted",
    "in_mediation",
    "drafted",
    "in_performance",
    "performed",
)
NEXT = {
    ("reported", "submit_application"): "applied",
    ("applied", "give_consent"): "applied",
    ("applied", "accept"): "accepted",
    ("accepted", "assign_mediators"): "in_mediation",
    ("in_mediation", "hold_session"): "in_mediation",
    ("in_mediation", "draft_agreement"): "drafted",
    ("drafted", "sign"): "drafted",
    ("drafted", "take_effect"): "in_performance",
    ("in_performance", "record_performance"): "in_performance",
    ("in_performance", "close_performed"): "performed",
}
SIGNERS = frozenset({"Li", "PM", "m1", "rc"})
RULES = "CN-national"  # the rule set recorded in every trail entry
CALENDAR = "none"  # the calendar recorded in every trail entry


PARTY_SET = frozenset(PARTIES)
MEDIATORS = ("m1",)  # the mediators named by assign_mediators
OBLIGORS = {"o1": "Li"}  # obligation id -> obligor, as in the drafted terms
OBLIGATIONS = frozenset(OBLIGORS)
OTHER_BODY_ACCEPTED = False  # no court, police or other body has the dispute
RIGHTS_NOTICE = True  # given with assign_mediators
INVITEES: frozenset[str] = frozenset()  # the session invites nobody
PUBLIC_OBJECTED = False  # nobody objected to a public session
JC_PENDING = False  # no judicial-confirmation application pending


def _guard(
    state: str,
    event: str,
    party: str,
    consented: frozenset[str],
    signed: frozenset[str],
    performed: frozenset[str],
) -> bool:
    """The same guards as ours, on the same facts, in the same order (see the table)."""
    if event == "submit_application":  # party_known
        return party in PARTY_SET
    if event == "give_consent":  # party_known, party_not_yet_consented
        return party in PARTY_SET and party not in consented
    if event == "accept":  # all_parties_consented, not_before_other_body
        return consented >= PARTY_SET and not OTHER_BODY_ACCEPTED
    if event == "assign_mediators":  # at_least_one_mediator, mediators_independent, rights
        return len(MEDIATORS) >= 1 and PARTY_SET.isdisjoint(MEDIATORS) and RIGHTS_NOTICE
    if event == "hold_session":  # invitees_consented, public_not_objected
        return consented >= INVITEES and not PUBLIC_OBJECTED
    if event == "draft_agreement":  # obligors_are_parties
        return all(obligor in PARTY_SET for obligor in OBLIGORS.values())
    if event == "sign":  # signatory_known, not_yet_signed
        return party in SIGNERS and party not in signed
    if event == "take_effect":  # fully_executed
        return signed >= SIGNERS
    if event == "record_performance":  # obligation_open
        return party in OBLIGATIONS and party not in performed
    if event == "close_performed":  # all_obligations_performed, no_pending_confirmation
        return performed >= OBLIGATIONS and not JC_PENDING
    return True


# ----------------------------------------------------------------------------- floor
class Frozen(NamedTuple):
    """The floor's frozen value: state, consents, signatures and a tuple trail."""

    state: str
    consented: frozenset[str]
    signed: frozenset[str]
    performed: frozenset[str]
    trail: tuple[tuple[int, date, str, str, str, str, tuple[str, ...], str, str], ...]


def run_floor(n: int) -> int:
    count = 0
    while count < n:
        case = Frozen("reported", frozenset(), frozenset(), frozenset(), ())
        for event, party in SCRIPT:
            target = NEXT[(case.state, event)]
            if not _guard(case.state, event, party, case.consented, case.signed, case.performed):
                raise RuntimeError(event)
            consented = (
                case.consented | {party}
                if event in ("submit_application", "give_consent")
                else case.consented
            )
            signed = case.signed | {party} if event == "sign" else case.signed
            performed = (
                case.performed | {party} if event == "record_performance" else case.performed
            )
            entry = (len(case.trail), DAY, event, party, case.state, target, (), RULES, CALENDAR)
            case = Frozen(target, consented, signed, performed, (*case.trail, entry))
            count += 1
    return count


# ----------------------------------------------------------------------------- attrs floor
# The frozen, slotted attrs values ours builds for each event, with the same fields, and
# nothing else: no guard, no validator, no effect logic. It is the least any engine storing
# these values can cost, so it shows how much of ours is the values themselves.
_frozen = attrs.frozen(slots=True)


@_frozen
class _Entry:  # TrailEntry: seq, event, from, to, warnings, policy, calendar
    seq: int
    event: tuple[str, str]
    source: str
    target: str
    warnings: tuple[str, ...]
    policy: str
    calendar: str


@_frozen
class _Intake:  # IntakeRecord's nine fields
    source: str
    form: str
    applied_on: date | None
    referral: str
    court_delegated: bool
    consents: tuple[str, ...]
    accepted_on: date | None
    interrupted_on: date | None
    not_accepted: str


@_frozen
class _Mediating:  # MediatingRecord's five fields
    mediators: tuple[str, ...]
    sessions: tuple[str, ...]
    deadline: date | None
    extensions: int
    written_requested: tuple[str, ...]


@_frozen
class _Signature:
    signatory: str
    method: str
    on: date


@_frozen
class _Agreement:  # Agreement's twelve fields
    version: int
    form: str
    terms: str
    made_on: date
    status: str
    signatures: tuple[_Signature, ...]
    effective_on: date | None
    written_up_on: date | None
    performed: tuple[str, ...]
    urgings: tuple[str, ...]
    visits: tuple[str, ...]
    confirmation: str


@_frozen
class _Case:  # MediationCase's eight fields
    identity: str
    state: str
    intake: _Intake
    mediating: _Mediating
    agreements: tuple[_Agreement, ...]
    notices: tuple[str, ...]
    closing: str
    trail: tuple[_Entry, ...]


_START = _Case(
    "bench",
    "reported",
    _Intake("", "", None, "", False, (), None, None, ""),
    _Mediating((), (), None, 0, ()),
    (),
    (),
    "",
    (),
)


def _touched(case: _Case, event: str, party: str) -> _Case:
    """The case after ``event`` with only the record the event touches rebuilt."""
    intake, mediating, agreements = case.intake, case.mediating, case.agreements
    if event in ("submit_application", "give_consent", "accept"):
        i = intake
        intake = _Intake(
            i.source,
            i.form,
            i.applied_on,
            i.referral,
            i.court_delegated,
            (*i.consents, party) if party else i.consents,
            i.accepted_on,
            i.interrupted_on,
            i.not_accepted,
        )
    if event in ("accept", "assign_mediators", "hold_session"):
        r = mediating
        mediating = _Mediating(
            r.mediators, r.sessions, r.deadline, r.extensions, r.written_requested
        )
    if event == "draft_agreement":
        agreements = (_Agreement(1, "written", "", DAY, "draft", (), None, None, (), (), (), ""),)
    elif event in ("sign", "take_effect", "record_performance"):
        a = agreements[-1]
        signatures = (
            (*a.signatures, _Signature(party, "s", DAY)) if event == "sign" else a.signatures
        )
        performed = (*a.performed, party) if event == "record_performance" else a.performed
        agreements = (
            _Agreement(
                a.version,
                a.form,
                a.terms,
                a.made_on,
                a.status,
                signatures,
                a.effective_on,
                a.written_up_on,
                performed,
                a.urgings,
                a.visits,
                a.confirmation,
            ),
        )
    target = NEXT[(case.state, event)]
    entry = _Entry(len(case.trail), (event, party), case.state, target, (), RULES, CALENDAR)
    return _Case(
        case.identity,
        target,
        intake,
        mediating,
        agreements,
        case.notices,
        case.closing,
        (*case.trail, entry),
    )


def run_attrs_floor(n: int) -> int:
    count = 0
    while count < n:
        case = _START
        for event, party in SCRIPT:
            case = _touched(case, event, party)
            count += 1
    return count


# ----------------------------------------------------------------------------- ours
def _events() -> list[AnyEvent]:
    terms = AgreementTerms((Obligation("o1", "Li", "pay", DAY),))
    k = EventKind
    made: dict[str, Callable[[str], AnyEvent]] = {
        "submit_application": lambda p: ApplicationEvent(k.SUBMIT_APPLICATION, DAY, p, "written"),
        "give_consent": lambda p: PartyEvent(k.GIVE_CONSENT, DAY, p),
        "accept": lambda p: BareEvent(k.ACCEPT, DAY),
        "assign_mediators": lambda p: MediatorsEvent(
            k.ASSIGN_MEDIATORS, DAY, (Mediator("m1"),), rights_notice=True
        ),
        "hold_session": lambda p: SessionEvent(k.HOLD_SESSION, DAY, Session()),
        "draft_agreement": lambda p: TermsEvent(k.DRAFT_AGREEMENT, DAY, terms),
        "sign": lambda p: SigningEvent(k.SIGN, DAY, p, "seal" if p == "rc" else "signature"),
        "take_effect": lambda p: BareEvent(k.TAKE_EFFECT, DAY),
        "record_performance": lambda p: ObligationEvent(k.RECORD_PERFORMANCE, DAY, p),
        "close_performed": lambda p: BareEvent(k.CLOSE_PERFORMED, DAY),
    }
    return [made[event](party) for event, party in SCRIPT]


def run_ours(n: int) -> int:
    events = _events()
    header = MediationCase.open(
        "bench",
        Committee("rc"),
        (Party("Li", "applicant"), Party("PM", "respondent")),
        Dispute("property"),
        rules=rules_for("CN", on=DAY),
    )
    reported = apply(
        header, ReportEvent(EventKind.REPORT_DISPUTE, DAY - timedelta(days=1), "screening")
    )
    count = 0
    while count < n:
        case = reported
        for event in events:
            case = apply(case, event)
            count += 1
    return count


# ----------------------------------------------------------------------------- transitions
def run_transitions(n: int) -> int:
    from transitions import Machine

    class Model:
        def __init__(self) -> None:
            self.consented: frozenset[str] = frozenset()
            self.signed: frozenset[str] = frozenset()
            self.performed: frozenset[str] = frozenset()
            self.trail: list[tuple[int, date, str, str, str, str, tuple[str, ...], str, str]] = []

        def ok(self, event_data: Any) -> bool:
            e = event_data.event.name
            party = event_data.kwargs.get("party", "")
            state = self.state  # type: ignore[attr-defined]
            return _guard(state, e, party, self.consented, self.signed, self.performed)

        def record(self, event_data: Any) -> None:
            e = event_data.event.name
            party = event_data.kwargs.get("party", "")
            if e in ("submit_application", "give_consent"):
                self.consented = self.consented | {party}
            if e == "sign":
                self.signed = self.signed | {party}
            if e == "record_performance":
                self.performed = self.performed | {party}
            source, dest = event_data.transition.source, event_data.transition.dest
            self.trail.append((len(self.trail), DAY, e, party, source, dest, (), RULES, CALENDAR))

    transitions = [
        {"trigger": e, "source": s, "dest": t, "conditions": "ok", "after": "record"}
        for (s, e), t in NEXT.items()
    ]
    model = Model()
    machine = Machine(
        model=model,
        states=list(STATES),
        transitions=transitions,
        initial="reported",
        send_event=True,
        auto_transitions=False,
    )
    count = 0
    while count < n:
        model.consented, model.signed, model.trail = frozenset(), frozenset(), []
        model.performed = frozenset()
        machine.set_state("reported")
        for event, party in SCRIPT:
            if not model.trigger(event, party=party):  # type: ignore[attr-defined]
                raise RuntimeError(event)
            count += 1
    return count


# ----------------------------------------------------------------------------- statemachine
def run_statemachine(n: int) -> int:
    from statemachine import State, StateMachine

    class Case(StateMachine):  # type: ignore[misc]
        reported = State(initial=True)
        applied = State()
        accepted = State()
        in_mediation = State()
        drafted = State()
        in_performance = State()
        performed = State(final=True)

        submit_application = reported.to(applied, cond="ok")
        give_consent = applied.to.itself(cond="ok")
        accept = applied.to(accepted, cond="ok")
        assign_mediators = accepted.to(in_mediation, cond="ok")
        hold_session = in_mediation.to.itself(cond="ok")
        draft_agreement = in_mediation.to(drafted, cond="ok")
        sign = drafted.to.itself(cond="ok")
        take_effect = drafted.to(in_performance, cond="ok")
        record_performance = in_performance.to.itself(cond="ok")
        close_performed = in_performance.to(performed, cond="ok")

        def __init__(self) -> None:
            self.consented: frozenset[str] = frozenset()
            self.signed: frozenset[str] = frozenset()
            self.done: frozenset[str] = frozenset()  # "performed" is a state name
            self.trail: list[tuple[int, date, str, str, str, str, tuple[str, ...], str, str]] = []
            super().__init__()

        def ok(self, event: str, source: Any, party: str = "") -> bool:
            return _guard(source.id, event, party, self.consented, self.signed, self.done)

        def after_transition(self, event: str, source: Any, target: Any, party: str = "") -> None:
            if event in ("submit_application", "give_consent"):
                self.consented = self.consented | {party}
            if event == "sign":
                self.signed = self.signed | {party}
            if event == "record_performance":
                self.done = self.done | {party}
            entry = (len(self.trail), DAY, event, party, source.id, target.id, (), RULES, CALENDAR)
            self.trail.append(entry)

    count = 0
    while count < n:
        machine = Case()
        for event, party in SCRIPT:
            machine.send(event, party=party)
            count += 1
    return count


def best_of(runs: dict[str, tuple[Callable[[int], int], int]]) -> dict[str, float]:
    """The best time of each run over ``REPEATS`` rounds, the runs interleaved in each round.

    Times are CPU seconds of this process (``time.process_time``), so the time the process
    waits for a CPU on a shared machine is not counted; interleaving keeps the ratios fair
    when a burst of load slows the CPU itself (caches, frequency).
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(REPEATS):
        for name, (run, n) in runs.items():
            start = time.process_time()
            run(n)
            times[name].append(time.process_time() - start)
    return {name: min(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "events", nargs="?", type=int, default=N_EVENTS,
        help=f"events applied by each engine (default {N_EVENTS:,})",
    )  # fmt: skip
    n = parser.parse_args().events
    small = max(n // 10, 1)
    found = best_of(
        {
            "floor": (run_floor, n),
            "attrs floor": (run_attrs_floor, n),
            "ours": (run_ours, n),
            "transitions": (run_transitions, n),
            "python-statemachine": (run_statemachine, small),
        }
    )
    found["python-statemachine"] *= n / small
    floor, ours, values = found["floor"], found["ours"], found["attrs floor"]
    trans, psm = found["transitions"], found["python-statemachine"]
    print(f"events: {n} (python-statemachine timed on {small} and scaled x{n / small:g})")
    for name, seconds in found.items():
        print(f"{name:>20}: {seconds:8.3f} s  {seconds / n * 1e6:7.2f} us/event")
    print(f"ours / floor                 = {ours / floor:6.2f}  (target <= 3)")
    print(f"attrs floor / floor          = {values / floor:6.2f}  (the values alone)")
    print(f"ours / attrs floor           = {ours / values:6.2f}  (guards, effects, validation)")
    print(f"transitions / ours           = {trans / ours:6.2f}  (target >= 3)")
    print(f"python-statemachine / ours   = {psm / ours:6.2f}  (target >= 30)")


if __name__ == "__main__":
    main()
