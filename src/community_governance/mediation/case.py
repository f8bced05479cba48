"""[MediationCase][community_governance.mediation.MediationCase]: the immutable case value.

A case is created in state ``NEW`` with its parties, dispute, committee and the mediation
policy of its rule set ([MediationCase.open][community_governance.mediation.MediationCase.open]
reads ``rules.mediation.policy``); events move it (see
[apply][community_governance.mediation.apply]). Every applied event is appended to the case's
``trail``; [replay][community_governance.mediation.replay] rebuilds the case from it, and
``from_dict`` recomputes every derived field (the state included) from the header and trail.
"""

from __future__ import annotations

import typing
from datetime import date
from typing import Any

import attrs

from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.serial import check_derived, converter, dump, load
from community_governance.calendar import NO_CALENDAR, Deadline, HolidayCalendar
from community_governance.exceptions import (
    CaseFieldTypeError,
    GuardFailedError,
    InvalidCaseDataError,
    InvalidDataError,
    RuleSetInputError,
)
from community_governance.mediation import _checks as check
from community_governance.mediation import _citations as cite
from community_governance.mediation import engine
from community_governance.mediation.agreement import Agreement
from community_governance.mediation.events import EVENT_TYPES, AnyEvent, EventKind
from community_governance.mediation.progress import (
    NO_INTAKE,
    NOT_MEDIATING,
    OPEN,
    CaseIdentity,
    ClosingRecord,
    IntakeRecord,
    MediatingRecord,
    check_parties,
)
from community_governance.mediation.records import (
    Committee,
    Consent,
    Dispute,
    Mediator,
    Notice,
    Party,
    Session,
)
from community_governance.mediation.states import (
    AgreementForm,
    CaseSource,
    CaseState,
    TerminationReason,
)
from community_governance.mediation.trail import TrailEntry
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger
from community_governance.rules.ruleset import RuleSet

__all__ = ["SCHEMA", "MediationCase"]

#: The plain-data schema written by ``to_dict`` (``/1`` is still read, see ``from_dict``).
SCHEMA = "community_governance.mediation_case/3"
_SCHEMA_2 = "community_governance.mediation_case/2"
_SCHEMA_1 = "community_governance.mediation_case/1"


_INTAKE = tuple(field.name for field in attrs.fields(IntakeRecord))
_MEDIATING = tuple(field.name for field in attrs.fields(MediatingRecord))
_CLOSING = tuple(field.name for field in attrs.fields(ClosingRecord))


@attrs.frozen(slots=True)
class _Plain:
    """A case as plain data: the flat fields ``to_dict`` writes (schema ``/3``).

    The identity fields carry the same validators as `CaseIdentity`, so loading refuses
    what opening a case refuses.
    """

    case_id: str = attrs.field(validator=check.text)
    committee: Committee = attrs.field(validator=check.instance(Committee))
    parties: tuple[Party, ...] = attrs.field(converter=check.as_tuple, validator=check_parties)
    dispute: Dispute = attrs.field(validator=check.instance(Dispute))
    policy: MediationPolicy = attrs.field(validator=check.instance(MediationPolicy))
    state: CaseState = CaseState.NEW
    source: CaseSource | None = None
    application_form: AgreementForm | None = None
    applied_on: date | None = None
    referral: str = ""
    court_delegated: bool = False
    consents: tuple[Consent, ...] = ()
    accepted_on: date | None = None
    limitation_interrupted_on: date | None = None
    mediators: tuple[Mediator, ...] = ()
    sessions: tuple[Session, ...] = ()
    mediation_deadline: Deadline | None = None
    extensions: int = 0
    written_form_requested_by: tuple[str, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    notices: tuple[Notice, ...] = ()
    termination: TerminationReason | None = None
    not_accepted_reason: str = ""
    closed_on: date | None = None
    non_performance: bool = False
    trail: tuple[TrailEntry, ...] = ()


_FLAT = tuple(field.name for field in attrs.fields(_Plain))


@attrs.frozen(slots=True, init=False)
class MediationCase:
    """A people's-mediation case, from report to closing.

    Create one with the identity fields only (``MediationCase(case_id, committee, parties,
    dispute, policy)``, or [open][community_governance.mediation.MediationCase.open] from a
    rule set); every other field is filled by events.

    Frozen and slotted like the library's other values: assigning an attribute raises
    ``attrs.exceptions.FrozenInstanceError`` and there is no instance dictionary. The case
    holds its identity (validated once, when the case is opened, and shared by every later
    step) and one small record per phase; an event replaces the record of its phase, and the
    new case is built through its validated constructor. The flat attributes below read those
    parts.

    Attributes:
        identity: Number, committee, parties, dispute and policy.
        state: Current state.
        intake: What intake recorded.
        mediating: What mediating recorded.
        agreements: Agreement versions, oldest first.
        notices: Notices given.
        closing: How the case ended.
        trail: Every applied event, in order (append-only).
    """

    identity: CaseIdentity = attrs.field(validator=check.instance(CaseIdentity))
    state: CaseState
    intake: IntakeRecord
    mediating: MediatingRecord
    agreements: tuple[Agreement, ...]
    notices: tuple[Notice, ...]
    closing: ClosingRecord
    trail: tuple[TrailEntry, ...]

    @typing.overload
    def __init__(
        self,
        case_id: str,
        committee: Committee,
        parties: tuple[Party, ...] | list[Party],
        dispute: Dispute,
        policy: MediationPolicy,
    ) -> None: ...

    @typing.overload
    def __init__(
        self,
        *,
        identity: CaseIdentity,
        state: CaseState = CaseState.NEW,
        intake: IntakeRecord = NO_INTAKE,
        mediating: MediatingRecord = NOT_MEDIATING,
        agreements: tuple[Agreement, ...] = (),
        notices: tuple[Notice, ...] = (),
        closing: ClosingRecord = OPEN,
        trail: tuple[TrailEntry, ...] = (),
    ) -> None: ...

    def __init__(
        self,
        case_id: Any = None,
        committee: Any = None,
        parties: Any = None,
        dispute: Any = None,
        policy: Any = None,
        *,
        identity: CaseIdentity | None = None,
        state: CaseState = CaseState.NEW,
        intake: IntakeRecord = NO_INTAKE,
        mediating: MediatingRecord = NOT_MEDIATING,
        agreements: tuple[Agreement, ...] = (),
        notices: tuple[Notice, ...] = (),
        closing: ClosingRecord = OPEN,
        trail: tuple[TrailEntry, ...] = (),
    ) -> None:
        """A new case from its identity fields, or a case from its parts (``identity=``).

        Raises:
            InvalidCaseDataError: a bad identity field, or both forms given at once.
        """
        if identity is None:
            identity = CaseIdentity(case_id, committee, parties, dispute, policy)
        elif not (case_id is committee is parties is dispute is policy is None):
            raise InvalidCaseDataError(
                "MediationCase: give the identity fields or identity=, not both",
                what="MediationCase",
                field="identity",
                value=identity,
            )
        self.__attrs_init__(identity, state, intake, mediating, agreements, notices, closing, trail)

    # -- the identity ------------------------------------------------------------------
    @property
    def case_id(self) -> str:
        """Case number."""
        return self.identity.case_id

    @property
    def committee(self) -> Committee:
        """The mediation organisation."""
        return self.identity.committee

    @property
    def parties(self) -> tuple[Party, ...]:
        """The parties."""
        return self.identity.parties

    @property
    def dispute(self) -> Dispute:
        """What the dispute is about."""
        return self.identity.dispute

    @property
    def policy(self) -> MediationPolicy:
        """The mediation policy of the case's rule set (``rules.mediation.policy``)."""
        return self.identity.policy

    @property
    def party_ids(self) -> frozenset[str]:
        """Ids of all parties."""
        return self.identity.party_ids

    # -- intake -------------------------------------------------------------------------
    @property
    def source(self) -> CaseSource | None:
        """How the dispute became known."""
        return self.intake.source

    @property
    def application_form(self) -> AgreementForm | None:
        """Written or oral application."""
        return self.intake.application_form

    @property
    def applied_on(self) -> date | None:
        """Day of the first application."""
        return self.intake.applied_on

    @property
    def referral(self) -> str:
        """Referring body, if referred."""
        return self.intake.referral

    @property
    def court_delegated(self) -> bool:
        """Whether a court delegated the case before filing (委派)."""
        return self.intake.court_delegated

    @property
    def consents(self) -> tuple[Consent, ...]:
        """Consents and explicit refusals, per party."""
        return self.intake.consents

    @property
    def accepted_on(self) -> date | None:
        """Day of acceptance (受理)."""
        return self.intake.accepted_on

    @property
    def limitation_interrupted_on(self) -> date | None:
        """Day the limitation period of the claim was interrupted (SPC limitation rules Art. 12).

        The application day, else the first consent.
        """
        return self.intake.limitation_interrupted_on

    @property
    def not_accepted_reason(self) -> str:
        """Reason when ``NOT_ACCEPTED``."""
        return self.intake.not_accepted_reason

    # -- mediating ----------------------------------------------------------------------
    @property
    def mediators(self) -> tuple[Mediator, ...]:
        """Mediators currently assigned."""
        return self.mediating.mediators

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Sessions held."""
        return self.mediating.sessions

    @property
    def mediation_deadline(self) -> Deadline | None:
        """Last day of the mediation period (policy), after extensions."""
        return self.mediating.mediation_deadline

    @property
    def extensions(self) -> int:
        """Number of consented extensions."""
        return self.mediating.extensions

    @property
    def written_form_requested_by(self) -> tuple[str, ...]:
        """Parties who asked for a written agreement."""
        return self.mediating.written_form_requested_by

    # -- closing ------------------------------------------------------------------------
    @property
    def termination(self) -> TerminationReason | None:
        """Reason code when ``TERMINATED``."""
        return self.closing.termination

    @property
    def closed_on(self) -> date | None:
        """Day the case reached a terminal state."""
        return self.closing.closed_on

    @property
    def non_performance(self) -> bool:
        """Whether performance was ever urged."""
        return self.closing.non_performance

    # -- derived ------------------------------------------------------------------------
    @property
    def agreement(self) -> Agreement | None:
        """The latest agreement version, or ``None``."""
        return self.agreements[-1] if self.agreements else None

    @property
    def effective_agreement(self) -> Agreement | None:
        """The agreement in effect (when ``IN_PERFORMANCE`` or later), or ``None``."""
        agreements = self.agreements
        latest = agreements[-1] if agreements else None
        return latest if latest is not None and latest.effective_on is not None else None

    @property
    def consented(self) -> frozenset[str]:
        """Parties who consented to mediation."""
        return frozenset(c.party for c in self.consents if c.given)

    @property
    def refused(self) -> frozenset[str]:
        """Parties who explicitly refused mediation."""
        return frozenset(c.party for c in self.consents if not c.given)

    @classmethod
    def open(
        cls,
        case_id: str,
        committee: Committee,
        parties: tuple[Party, ...] | list[Party],
        dispute: Dispute,
        *,
        rules: RuleSet,
    ) -> MediationCase:
        """A new case under the mediation policy of ``rules`` (``rules.mediation.policy``).

        Args:
            case_id: Case number.
            committee: The mediation organisation.
            parties: At least two parties with distinct ids.
            dispute: What the dispute is about.
            rules: The rule set of the case's jurisdiction on the day of the application,
                e.g. ``rules_for("CN", on=day)``.

        Raises:
            RuleSetInputError: ``rules`` is not a rule set.
            RuleSetError: ``rules`` supplies no mediation policy.
        """
        policy = policy_of(rules)
        return cls(case_id, committee, tuple(parties), dispute, policy)

    def header(self) -> MediationCase:
        """The case as created: identity fields only, state ``NEW``, empty trail."""
        return MediationCase(identity=self.identity)

    def evolve(self, **changes: Any) -> MediationCase:
        """A copy with ``changes`` by flat attribute name (``state=``, ``consents=``...).

        Every record changed is rebuilt through its constructor, and the case through its own.

        Raises:
            InvalidCaseDataError: a name that is not a field of the case.
        """
        parts: dict[str, Any] = {}
        for record, names in (
            ("intake", _INTAKE),
            ("mediating", _MEDIATING),
            ("closing", _CLOSING),
        ):
            mine = {name: changes.pop(name) for name in names if name in changes}
            if mine:
                parts[record] = attrs.evolve(getattr(self, record), **mine)
        identity = {name: changes.pop(name) for name in _FLAT[:5] if name in changes}
        if identity:
            parts["identity"] = attrs.evolve(self.identity, **identity)
        for name in changes:
            if name not in ("state", "agreements", "notices", "trail"):
                raise InvalidCaseDataError(
                    f"MediationCase has no field {name!r}",
                    what="MediationCase",
                    field=name,
                    value=changes[name],
                )
        parts.update(changes)
        get = parts.get
        return MediationCase(
            identity=get("identity", self.identity),
            state=get("state", self.state),
            intake=get("intake", self.intake),
            mediating=get("mediating", self.mediating),
            agreements=get("agreements", self.agreements),
            notices=get("notices", self.notices),
            closing=get("closing", self.closing),
            trail=get("trail", self.trail),
        )

    def advance(
        self, state: CaseState, entry: TrailEntry, changes: dict[str, Any]
    ) -> MediationCase:
        """The case after one event: ``state``, the trail plus ``entry``, ``changes`` applied.

        ``changes`` replaces phase records (``intake``, ``mediating``, ``agreements``,
        ``notices``, ``closing``); the identity and the other records are shared.
        """
        get = changes.get
        return MediationCase(
            identity=self.identity,
            state=state,
            intake=get("intake", self.intake),
            mediating=get("mediating", self.mediating),
            agreements=get("agreements", self.agreements),
            notices=get("notices", self.notices),
            closing=get("closing", self.closing),
            trail=(*self.trail, entry),
        )

    def apply(self, event: AnyEvent, *, calendar: HolidayCalendar | None = None) -> MediationCase:
        """Same as [apply][community_governance.mediation.apply] (``apply(self, event)``)."""
        return engine.apply(self, event, calendar=calendar)

    def may(self, event: AnyEvent) -> engine.Permission:
        """Same as [may][community_governance.mediation.may] (``may(self, event)``)."""
        return engine.may(self, event)

    def explain(self, lang: str = "en") -> str:
        """State, reason, deadlines, agreement and every trail step, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        lines = _summary(self, lang)
        for entry in self.trail:
            kind, before, after = (
                (entry.event.kind.zh, entry.from_state.zh, entry.to_state.zh)
                if lang == "zh"
                else (entry.event.kind.value, entry.from_state.value, entry.to_state.value)
            )
            colon, by = ("：", "（{}）") if lang == "zh" else (": ", " ({})")
            step = f"{entry.seq + 1}. {entry.event.on.isoformat()} {kind}{colon}{before} → {after}"
            if entry.event.by:
                step += by.format(entry.event.by)
            lines.append(step)
            lines += [f"   ! {warning.explain(lang)}" for warning in entry.warnings]
        return "\n".join(lines)

    def __str__(self) -> str:
        return f"{self.state.value}: case {self.case_id} ({len(self.trail)} events)"

    def __repr__(self) -> str:
        """One line, the state first: ``"<MediationCase performed: case … (17 events)>"``."""
        return f"<MediationCase {self}>"

    def _repr_html_(self) -> str:
        rows = [
            (
                entry.seq + 1,
                entry.event.on.isoformat(),
                entry.event.kind.value,
                entry.from_state.value,
                entry.to_state.value,
                "; ".join(str(warning) for warning in entry.warnings),
            )
            for entry in self.trail
        ]
        return html_table(
            f"Mediation case {self.case_id}: {self.state.value}",
            ("#", "date", "event", "from", "to", "warnings"),
            rows,
            footer=_summary(self, "en")[1:],
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data with the schema ``community_governance.mediation_case/3``."""
        plain = _Plain(*(getattr(self, name) for name in _FLAT))
        return dump(plain, SCHEMA)

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, calendar: HolidayCalendar | None = None
    ) -> MediationCase:
        """Inverse of [to_dict][community_governance.mediation.MediationCase.to_dict].

        Nothing derived is trusted: the case is rebuilt by applying the trail's events to its
        header, and every stored field (``state`` included) and each trail entry's outcome must
        equal the recomputed one. Data of schema ``/2`` (warnings as English texts) are read
        too: each step's warnings must equal the recomputed warnings' texts
        (``str(warning)``), and the case comes back with the bilingual warnings. Data of
        schema ``/1`` (before policies became generic) are read as well: the old
        ``written_form`` rule ``"pml_only"`` or ``"moj_2002"`` becomes the generic
        written-form attributes; any other old rule is refused (load the case again from its
        events under ``MediationCase.open``).

        Args:
            data: Data written by ``to_dict``.
            calendar: The holiday calendar the events were applied with (steps recorded
                without a calendar are rebuilt without one).

        Raises:
            InvalidDataError: wrong schema, data that do not fit, or a trail event that
                no longer applies.
            DerivedFactMismatchError: a stored field differs from the recomputed one; the
                error names the field, the stored value and the recomputed value.
        """
        if isinstance(data, dict) and data.get("schema") == _SCHEMA_1:
            data = _from_schema_1(data)
        texts = None
        if isinstance(data, dict) and data.get("schema") == _SCHEMA_2:
            data, texts = _from_schema_2(data)
        if isinstance(data, dict):
            _check_plain(_Plain, data, "")
        loaded = load(_Plain, data, SCHEMA, what="MediationCase")
        rebuilt = _rebuild(loaded, calendar, texts)
        for name in _FLAT:
            if not (name == "trail" and texts is not None):  # /2: every step checked above
                check_derived(_WHAT, name, getattr(loaded, name), getattr(rebuilt, name))
        return rebuilt


_WHAT = "MediationCase.from_dict"


def policy_of(rules: RuleSet) -> MediationPolicy:
    """The mediation policy in force in ``rules`` (``rules.mediation.policy``).

    Raises:
        RuleSetInputError: ``rules`` is not a rule set.
        RuleSetError: ``rules`` supplies no mediation policy.
    """
    if not isinstance(rules, RuleSet):
        raise RuleSetInputError(
            f"rules must be a RuleSet (rules_for(code, on=day)), not {rules!r}",
            field="rules",
            value=rules,
        )
    return rules.require(rules.mediation.policy, "mediation.policy").value


def _rebuild(
    loaded: _Plain, calendar: HolidayCalendar | None, texts: list[tuple[str, ...]] | None
) -> MediationCase:
    """Apply the loaded trail's events to the loaded header, checking each step's outcome.

    ``texts`` are the warnings of schema ``/2`` data, as texts, one tuple per step.
    """
    rebuilt = MediationCase(
        loaded.case_id, loaded.committee, loaded.parties, loaded.dispute, loaded.policy
    )
    for step, entry in enumerate(loaded.trail):
        used = None if entry.calendar == NO_CALENDAR else calendar
        if used is None and entry.calendar != NO_CALENDAR:
            raise InvalidDataError(
                f"{_WHAT}: trail[{step}] was applied with calendar {entry.calendar!r}; "
                "pass that calendar as calendar=",
                field=f"trail[{step}].calendar",
                value=entry.calendar,
            )
        try:
            rebuilt = engine.apply(rebuilt, entry.event, calendar=used)
        except GuardFailedError as error:
            raise InvalidDataError(
                f"{_WHAT}: trail[{step}] ({entry.event.kind.value}) does not apply: "
                f"{error.message}",
                field=f"trail[{step}]",
                value=entry.event.kind.value,
            ) from error
        again = rebuilt.trail[-1]
        for name in ("from_state", "to_state", "warnings", "policy", "calendar"):
            field = f"trail[{step}].{name}"
            if name == "warnings" and texts is not None:
                check_derived(_WHAT, field, texts[step], tuple(map(str, again.warnings)))
            else:
                check_derived(_WHAT, field, getattr(entry, name), getattr(again, name))
    return rebuilt


def _check_plain(cls: type, raw: dict[str, Any], path: str) -> None:
    """Refuse plain data whose booleans or texts have another type (``"yes"`` for ``True``).

    The plain-data converter would turn ``"yes"`` into ``True``; the same type rules as at
    construction apply instead, through every nested record.
    """
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.name not in raw:
            continue
        value, hint = raw[field.name], hints[field.name]
        where = f"{path}{field.name}"
        if hint in (bool, str) and type(value) is not hint:
            _refuse_plain(where, f"a {hint.__name__}", value)
        for inner in _records(hint, value):
            many = typing.get_origin(hint) is tuple
            if many and not isinstance(value, list):
                _refuse_plain(where, f"a list of {inner.__name__}", value)
            for i, item in enumerate(value if many else [value]):
                index = f"[{i}]" if many else ""
                if isinstance(item, dict):
                    _check_plain(inner, item, f"{where}{index}.")
                elif not (item is None and type(None) in typing.get_args(hint)):
                    _refuse_plain(f"{where}{index}", f"a {inner.__name__} (a mapping)", item)


def _refuse_plain(where: str, expected: str, value: object) -> typing.NoReturn:
    raise CaseFieldTypeError(
        f"{_WHAT}: {where} must be {expected}, got {value!r}",
        what=_WHAT,
        field=where,
        value=value,
    )


def _records(hint: Any, value: object) -> list[type]:
    """The attrs classes a field's type holds (``tuple[Mediator, ...]``, ``Session | None``).

    For an event, the one type its kind is carried by (the loader refuses the other facts).
    """
    if hint == AnyEvent:
        kind = value.get("kind") if isinstance(value, dict) else None
        known = {member.value: member for member in EventKind}
        return [EVENT_TYPES[known[kind]]] if isinstance(kind, str) and kind in known else []
    return [arg for arg in (hint, *typing.get_args(hint)) if attrs.has(arg)]


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema ``/1`` data as ``/2``: the old ``written_form`` rule as generic attributes."""
    policy = dict(data.get("policy") or {})
    rule = policy.pop("written_form", "pml_only")
    if rule == "moj_2002":
        policy["written_form_advised_for"] = [WrittenFormTrigger.OBLIGATIONS.value]
        policy["written_form_advice_basis"] = converter.unstructure(cite.MOJ_34)
    elif rule != "pml_only":
        raise InvalidDataError(
            f"{_WHAT}: schema /1 written-form rule {rule!r} is local; rebuild the case from "
            "its events with MediationCase.open(..., rules=rules_for(code, on=day))",
            field="policy.written_form",
            value=rule,
        )
    return {**data, "schema": _SCHEMA_2, "policy": policy}


def _from_schema_2(data: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, ...]]]:
    """Schema ``/2`` data as ``/3``, and each step's warnings as the texts ``/2`` stored.

    Raises:
        CaseFieldTypeError: the trail is not a list of mappings, or a step's warnings are not
            a list of texts.
    """
    trail = data.get("trail", [])
    if not isinstance(trail, list) or not all(isinstance(entry, dict) for entry in trail):
        _refuse_plain("trail", "a list of TrailEntry (mappings)", trail)
    texts = []
    for step, entry in enumerate(trail):
        stored = entry.get("warnings", [])
        if not isinstance(stored, list) or not all(type(text) is str for text in stored):
            _refuse_plain(f"trail[{step}].warnings", "a list of str (schema /2)", stored)
        texts.append(tuple(stored))
    steps = [{**entry, "warnings": []} for entry in trail]
    return {**data, "schema": SCHEMA, "trail": steps}, texts


_ZH_FORM = {"written": "书面", "oral": "口头"}
_ZH_JC = {
    "none": "未申请",
    "applied": "已申请",
    "confirmed": "已确认有效",
    "rejected": "确认无效",
    "withdrawn": "已撤回申请",
    "not_accepted_by_court": "法院不予受理",
}
_ZH_TERMINATION = {
    "party_refused": "当事人拒绝调解",
    "party_withdrew": "当事人撤回",
    "failed": "调解不成",
    "expired": "调解期限届满",
    "parallel_proceeding": "已进入其他程序",
    "escalated_transferred": "移送处理",
    "bad_faith": "恶意调解",
    "other": "其他原因",
}


def _summary(case: MediationCase, lang: str) -> list[str]:
    zh = lang == "zh"
    lines = [
        f"案件 {case.case_id}：{case.state.zh}"
        if zh
        else f"Case {case.case_id}: {case.state.value}",
    ]
    if case.termination is not None:
        reason = case.termination.value
        lines.append(f"终止原因：{_ZH_TERMINATION[reason]}" if zh else f"Reason: {reason}")
    if case.not_accepted_reason:
        lines.append(("不予受理原因：" if zh else "Not accepted: ") + case.not_accepted_reason)
    if case.limitation_interrupted_on is not None:
        day = case.limitation_interrupted_on.isoformat()
        lines.append(f"诉讼时效中断日：{day}" if zh else f"Limitation interrupted on {day}")
    if case.mediation_deadline is not None:
        lines.append(case.mediation_deadline.explain(lang))
    agreement = case.effective_agreement
    if agreement is not None:
        jc = agreement.confirmation
        day = agreement.effective_on.isoformat() if agreement.effective_on else ""
        lines.append(
            f"协议（第{agreement.version}版，{_ZH_FORM[agreement.form.value]}）于{day}生效；"
            f"司法确认：{_ZH_JC[jc.status.value]}"
            if zh
            else f"Agreement v{agreement.version} ({agreement.form.value}) in effect from {day};"
            f" judicial confirmation: {jc.status.value}"
        )
        lines += [jc.window.explain(lang)] if jc.window is not None else []
    return lines
