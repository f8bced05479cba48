"""A permission says its answer first, why not in both languages, and the soft rules."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from mediation_builders import START, reach

from community_governance import mediation as m

S, K = m.CaseState, m.EventKind


def test_an_allowed_event_names_its_target() -> None:
    case = reach(S.APPLIED)
    on = case.trail[-1].event.on + timedelta(days=1)
    allowed = m.may(case, m.PartyEvent(K.GIVE_CONSENT, on, "PM"))
    assert str(allowed) == "allowed: give_consent from applied to applied"
    assert allowed.explain() == str(allowed) and repr(allowed) == f"<Permission {allowed}>"
    assert allowed.explain("zh") == "当事人同意调解：当前状态已申请，可以进行（→ 已申请）"
    assert "allowed" in allowed._repr_html_()


def test_a_refusal_by_a_guard_says_the_rule_in_chinese() -> None:
    case = reach(S.APPLIED)
    refused = m.may(case, m.BareEvent(K.ACCEPT, case.trail[-1].event.on))
    assert str(refused) == "refused: accept in state applied (guard all_parties_consented)"
    assert refused.explain().splitlines()[1].startswith("  no consent yet from PM [")
    assert refused.reason_zh.startswith("不符合「各方当事人均同意调解」（《人民调解法》第17条")
    assert refused.explain("zh").startswith("受理登记：当前状态已申请，不得进行：不符合「")
    assert "no consent yet" in refused._repr_html_()


def test_refusals_without_a_guard_are_explained_in_both_languages() -> None:
    case = reach(S.APPLIED)
    undeclared = m.may(case, m.BareEvent(K.TAKE_EFFECT, START + timedelta(days=9)))
    assert str(undeclared) == "refused: take_effect in state applied"
    assert undeclared.reason_zh == "该状态下没有这一步骤"
    late = m.may(case, m.PartyEvent(K.GIVE_CONSENT, START, "PM"))
    assert late.guard == "chronological_order"
    assert "事件须按日期顺序记录" in late.explain("zh")
    closed = reach(S.PERFORMED)
    terminal = m.may(closed, m.BareEvent(K.ACCEPT, START + timedelta(days=99)))
    assert terminal.reason_zh == "案件已结束，不再接受任何事件"


def test_a_warned_permission_lists_its_warnings() -> None:
    case = reach(S.ACCEPTED)
    on = case.trail[-1].event.on + timedelta(days=1)
    warned = m.may(case, m.MediatorsEvent(K.ASSIGN_MEDIATORS, on, (m.Mediator("m1"),)))
    assert warned and warned.explain().splitlines()[1].startswith("  ! rights_notice_given: ")
    assert warned.explain("zh").splitlines()[1].startswith("  ! 告知当事人权利义务：")
    assert "warning" in warned._repr_html_()


def _html(caption: str, *rows: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in rows)
    return (
        f'<div class="community-governance"><table><caption>{escape(caption)}</caption>'
        "<thead><tr>"
        f"<th></th><th>reason</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def test_an_allowed_step_to_another_state_names_that_state() -> None:
    case = reach(S.APPLIED)
    on = case.trail[-1].event.on + timedelta(days=1)
    case = m.apply(case, m.PartyEvent(K.GIVE_CONSENT, on, "PM"))
    allowed = m.may(case, m.BareEvent(K.ACCEPT, on))
    assert str(allowed) == "allowed: accept from applied to accepted"
    assert allowed.explain("zh") == "受理登记：当前状态已申请，可以进行（→ 已受理登记）"
    assert allowed._repr_html_() == _html(str(allowed), ("allowed", "—"))


def test_the_html_of_a_refusal_and_of_a_warning_is_exact() -> None:
    case = reach(S.APPLIED)
    refused = m.may(case, m.BareEvent(K.ACCEPT, case.trail[-1].event.on))
    assert refused._repr_html_() == _html(str(refused), ("refused", refused.reason))
    accepted = reach(S.ACCEPTED)
    on = accepted.trail[-1].event.on + timedelta(days=1)
    warned = m.may(accepted, m.MediatorsEvent(K.ASSIGN_MEDIATORS, on, (m.Mediator("m1"),)))
    (warning,) = warned.warnings
    assert warned._repr_html_() == _html(str(warned), ("allowed", "—"), ("warning", str(warning)))


def test_an_allowed_permission_without_a_target_stays_in_its_state() -> None:
    stay = m.Permission(True, S.APPLIED, "give_consent")
    assert stay.explain("zh") == "当事人同意调解：当前状态已申请，可以进行（→ 已申请）"
    assert str(stay) == "allowed: give_consent from applied to applied"


def test_a_refusal_built_without_a_chinese_reason_says_so_in_chinese() -> None:
    bare = m.Permission(False, S.APPLIED, "accept", "all_parties_consented", "no consent yet")
    assert bare.explain("zh") == "受理登记：当前状态已申请，不得进行：未记录中文理由"
    assert "no consent" not in bare.explain("zh") and "no consent yet" in bare.explain()
