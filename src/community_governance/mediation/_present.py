"""Plain-data round trips and explanations of cases (bodies of MediationCase's methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from community_governance._base.html import html_table
from community_governance._base.serial import check_derived, dump, load
from community_governance.calendar import NO_CALENDAR
from community_governance.exceptions import GuardFailedError, InvalidRecordError

if TYPE_CHECKING:
    from community_governance.calendar import HolidayCalendar
    from community_governance.mediation.case import MediationCase

SCHEMA = "community_governance.mediation_case/1"


def to_dict(case: MediationCase) -> dict[str, Any]:
    """Unstructure a case with its versioned schema."""
    return dump(case, SCHEMA)


def from_dict(data: dict[str, Any], calendar: HolidayCalendar | None = None) -> MediationCase:
    """Structure a case written by [to_dict][], recomputing every derived fact.

    The header (identity fields) and the trail's events are the primary data; the state, every
    other field and each trail entry's outcome are recomputed by applying the events again and
    must equal what is stored.
    """
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.engine import apply

    loaded = load(MediationCase, data, SCHEMA)
    what = "MediationCase.from_dict"
    rebuilt = loaded.header()
    for step, entry in enumerate(loaded.trail):
        used = None if entry.calendar == NO_CALENDAR else calendar
        if used is None and entry.calendar != NO_CALENDAR:
            raise InvalidRecordError(
                f"{what}: trail[{step}] was applied with calendar {entry.calendar!r}; "
                "pass that calendar as calendar=",
                row=step,
                field=f"trail[{step}].calendar",
                value=entry.calendar,
            )
        try:
            rebuilt = apply(rebuilt, entry.event, calendar=used)
        except GuardFailedError as error:
            raise InvalidRecordError(
                f"{what}: trail[{step}] ({entry.event.kind.value}) does not apply: {error}",
                row=step,
                field=f"trail[{step}]",
                value=entry.event.kind.value,
            ) from error
        again = rebuilt.trail[-1]
        for name in ("from_state", "to_state", "warnings", "policy", "calendar"):
            field = f"trail[{step}].{name}"
            check_derived(what, field, getattr(entry, name), getattr(again, name))
    for attribute in attrs.fields(MediationCase):
        name = attribute.name
        check_derived(what, name, getattr(loaded, name), getattr(rebuilt, name))
    return rebuilt


def _line(case: MediationCase, lang: str) -> list[str]:
    zh = lang == "zh"
    lines = [
        f"案件 {case.case_id}：{case.state.zh}"
        if zh
        else f"Case {case.case_id}: {case.state.value}",
    ]
    if case.termination is not None:
        lines.append(("终止原因：" if zh else "Reason: ") + case.termination.value)
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
            f"协议（第{agreement.version}版，{agreement.form.value}）于{day}生效；司法确认：{jc.status.value}"
            if zh
            else f"Agreement v{agreement.version} ({agreement.form.value}) in effect from {day};"
            f" judicial confirmation: {jc.status.value}"
        )
        lines += [jc.window.explain(lang)] if jc.window is not None else []
    return lines


def explain(case: MediationCase, lang: str = "en") -> str:
    """Explain a case: state, reason, deadlines, agreement and every trail step."""
    lines = _line(case, lang)
    for entry in case.trail:
        step = (
            f"{entry.seq + 1}. {entry.event.on.isoformat()} {entry.event.kind.value}: "
            f"{entry.from_state.value} → {entry.to_state.value}"
        )
        if entry.event.by:
            step += f" ({entry.event.by})"
        lines.append(step)
        lines += [f"   ! {warning}" for warning in entry.warnings]
    return "\n".join(lines)


def html(case: MediationCase) -> str:
    """The trail as an HTML table for notebooks."""
    rows = [
        (
            entry.seq + 1,
            entry.event.on.isoformat(),
            entry.event.kind.value,
            entry.from_state.value,
            entry.to_state.value,
            "; ".join(entry.warnings),
        )
        for entry in case.trail
    ]
    return html_table(
        f"Mediation case {case.case_id}: {case.state.value}",
        ("#", "date", "event", "from", "to", "warnings"),
        rows,
        footer=_line(case, "en")[1:],
    )
