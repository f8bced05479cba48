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
from community_governance.mediation.events import Event
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
SCHEMA = "community_governance.mediation_case/2"
_SCHEMA_1 = "community_governance.mediation_case/1"


def _parties(instance: MediationCase, attribute: Any, value: tuple[Party, ...]) -> None:
    ids = [party.id for party in value if isinstance(party, Party)]
    unique = set(ids)
    if len(unique) == len(value) >= 2 and instance.committee.id not in unique:
        return  # the common case, checked with one set
    what = f"case {instance.case_id}"
    if len(ids) != len(value) or len(ids) < 2:
        raise InvalidCaseDataError(
            f"{what}: parties must be at least two Party values, got {value!r}",
            what=what,
            field="parties",
            value=value,
        )
    if len(unique) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise InvalidCaseDataError(
            f"{what}: party id {duplicates[0]!r} is used twice",
            what=what,
            field="parties",
            value=duplicates[0],
        )
    raise InvalidCaseDataError(
        f"{what}: {instance.committee.id!r} cannot both mediate and be a party "
        "(a library design decision: a mediator must not be a party)",
        what=what,
        field="committee",
        value=instance.committee.id,
    )


@attrs.frozen(slots=True)
class MediationCase:
    """A people's-mediation case, from report to closing.

    Create one with the identity fields only; every other field is filled by events.

    Frozen and slotted like the library's other values: assigning an attribute raises
    ``attrs.exceptions.FrozenInstanceError`` and there is no instance dictionary. ``apply``
    builds the next case with ``attrs.evolve``, so every validator runs on every step.
    Build a case from a rule set with [open][community_governance.mediation.MediationCase.open].

    Attributes:
        case_id: Case number, e.g. ``"(2025) 人调字第 12 号"``.
        committee: The mediation organisation.
        parties: At least two parties with distinct ids.
        dispute: What the dispute is about.
        policy: The mediation policy of the case's rule set (``rules.mediation.policy``).
        state: Current state.
        source: How the dispute became known.
        application_form: Written or oral application.
        applied_on: Day of the first application.
        referral: Referring body, if referred.
        court_delegated: Whether a court delegated the case before filing (委派).
        consents: Consents and explicit refusals, per party.
        accepted_on: Day of acceptance (受理).
        limitation_interrupted_on: Day the limitation period of the claim was interrupted
            (the application day, else the first consent; SPC limitation rules Art. 12).
        mediators: Mediators currently assigned.
        sessions: Sessions held.
        mediation_deadline: Last day of the mediation period (policy), after extensions.
        extensions: Number of consented extensions.
        written_form_requested_by: Parties who asked for a written agreement.
        agreements: Agreement versions, oldest first.
        notices: Notices given.
        termination: Reason code when ``TERMINATED``.
        not_accepted_reason: Reason when ``NOT_ACCEPTED``.
        closed_on: Day the case reached a terminal state.
        non_performance: Whether performance was ever urged.
        trail: Every applied event, in order (append-only).
    """

    case_id: str = attrs.field(validator=check.text)
    committee: Committee = attrs.field(validator=check.instance(Committee))
    parties: tuple[Party, ...] = attrs.field(converter=check.as_tuple, validator=_parties)
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

    @property
    def party_ids(self) -> frozenset[str]:
        """Ids of all parties."""
        return frozenset(party.id for party in self.parties)

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
        return MediationCase(self.case_id, self.committee, self.parties, self.dispute, self.policy)

    def evolve(self, **changes: Any) -> MediationCase:
        """A copy with ``changes`` (``attrs.evolve``: every converter and validator runs)."""
        return attrs.evolve(self, **changes)

    def apply(self, event: Event, *, calendar: HolidayCalendar | None = None) -> MediationCase:
        """Same as [apply][community_governance.mediation.apply] (``apply(self, event)``)."""
        return engine.apply(self, event, calendar=calendar)

    def may(self, event: Event) -> engine.Permission:
        """Same as [may][community_governance.mediation.may] (``may(self, event)``)."""
        return engine.may(self, event)

    def explain(self, lang: str = "en") -> str:
        """State, reason, deadlines, agreement and every trail step, in ``"en"`` or ``"zh"``."""
        lines = _summary(self, lang)
        for entry in self.trail:
            before, after = (
                (entry.from_state.zh, entry.to_state.zh)
                if lang == "zh"
                else (entry.from_state.value, entry.to_state.value)
            )
            step = (
                f"{entry.seq + 1}. {entry.event.on.isoformat()} {entry.event.kind.value}: "
                f"{before} → {after}"
            )
            if entry.event.by:
                step += f" ({entry.event.by})"
            lines.append(step)
            lines += [f"   ! {warning}" for warning in entry.warnings]
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
                "; ".join(entry.warnings),
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
        """Plain, JSON-ready data with the schema ``community_governance.mediation_case/2``."""
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], *, calendar: HolidayCalendar | None = None
    ) -> MediationCase:
        """Inverse of [to_dict][community_governance.mediation.MediationCase.to_dict].

        Nothing derived is trusted: the case is rebuilt by applying the trail's events to its
        header, and every stored field (``state`` included) and each trail entry's outcome must
        equal the recomputed one. Data of schema ``/1`` (before policies became generic) are
        read too: the old ``written_form`` rule ``"pml_only"`` or ``"moj_2002"`` becomes the
        generic written-form attributes; any other old rule is refused (load the case again
        from its events under ``MediationCase.open``).

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
        if isinstance(data, dict):
            _check_plain(cls, data, "")
        loaded = load(cls, data, SCHEMA)
        rebuilt = _rebuild(loaded, calendar)
        for attribute in attrs.fields(MediationCase):
            name = attribute.name
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


def _rebuild(loaded: MediationCase, calendar: HolidayCalendar | None) -> MediationCase:
    """Apply the loaded trail's events to the loaded header, checking each step's outcome."""
    rebuilt = loaded.header()
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
        for inner in _records(hint):
            many = typing.get_origin(hint) is tuple
            if many and not isinstance(value, list):
                _refuse_plain(where, f"a list of {inner.__name__}", value)
            for i, item in enumerate(value if many else [value]):
                index = f"[{i}]" if many else ""
                if isinstance(item, dict):
                    _check_plain(inner, item, f"{where}{index}.")
                elif not (item is None and type(None) in typing.get_args(hint)):
                    _refuse_plain(f"{where}{index}", f"a {inner.__name__} (a mapping)", item)


def _refuse_plain(where: str, expected: str, value: object) -> None:
    raise CaseFieldTypeError(
        f"{_WHAT}: {where} must be {expected}, got {value!r}",
        what=_WHAT,
        field=where,
        value=value,
    )


def _records(hint: Any) -> list[type]:
    """The attrs classes a field's type holds (``tuple[Mediator, ...]``, ``Session | None``)."""
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
    return {**data, "schema": SCHEMA, "policy": policy}


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
