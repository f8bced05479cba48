"""Guards: named, cited predicates that decide whether an event may be applied.

Each [Guard][community_governance.mediation.Guard] returns ``None`` when it passes and the
reason when it fails. A *soft* guard rests on an unconfirmed source ([R], the MOJ 2002 rules):
its failure is recorded as a warning in the trail instead of refusing the event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from community_governance._base.citations import Citation
from community_governance.mediation import _citations as cite
from community_governance.mediation import _predicates as p
from community_governance.mediation.policy import MediationPolicy

if TYPE_CHECKING:
    from community_governance.mediation.case import MediationCase
    from community_governance.mediation.events import Event

__all__ = ["GUARDS", "Guard"]

Check = Callable[["MediationCase", "Event"], "str | None"]


@attrs.frozen(slots=True)
class Guard:
    """A named condition on an event, with its legal basis.

    Attributes:
        name: Identifier, e.g. ``"within_confirmation_window"``.
        citation: The rule it enforces.
        check: ``check(case, event)`` returns ``None`` when satisfied, else the reason.
        soft: Whether a failure is only a warning (unconfirmed source).
        rule_zh: The rule in Chinese, for explanations.
        basis: Name of the policy attribute whose citation the guard enforces
            (``"period_basis"`` or ``"extension_basis"``), or ``""`` to cite ``citation``;
            see [cited][community_governance.mediation.Guard.cited].
    """

    name: str
    citation: Citation
    check: Check = attrs.field(eq=False, repr=False)
    soft: bool = False
    rule_zh: str = ""
    basis: str = attrs.field(
        default="", validator=attrs.validators.in_(("", "period_basis", "extension_basis"))
    )

    def cited(self, policy: MediationPolicy) -> Citation:
        """The citation for a case under ``policy``.

        The policy's own basis when the guard enforces a policy rule (the period, the
        extension), else ``citation``.
        """
        if self.basis == "period_basis":
            return policy.period_basis
        if self.basis == "extension_basis":
            return policy.extension_basis
        return self.citation


def _g(
    name: str, citation: Citation, check: Check, zh: str, *, soft: bool = False, basis: str = ""
) -> Guard:
    return Guard(name, citation, check, soft, zh, basis)


_D = cite.DESIGN
#: Every guard by name.
GUARDS: dict[str, Guard] = {
    g.name: g
    for g in (
        _g("party_known", cite.PML_17, p._party_known, "须为本案当事人"),
        _g("party_not_yet_consented", cite.PML_17, p._not_yet_consented, "该当事人尚未同意"),
        _g("all_parties_consented", cite.PML_17, p._all_consented, "各方当事人均同意调解"),
        _g(
            "not_before_other_body",
            cite.MOJ_22,
            p._not_before_other_body,
            "未被法院、公安或其他行政机关受理或处理",
            soft=True,
        ),
        _g("at_least_one_mediator", cite.PML_19, p._at_least_one_mediator, "至少指定一名调解员"),
        _g("mediators_independent", cite.PML_19, p._independent, "调解员不得为当事人或其代表"),
        _g("rights_notice_given", cite.MOJ_30, p._rights_notice, "告知当事人权利义务", soft=True),
        _g("mediator_in_case", _D, p._mediator_in_case, "被更换者须为本案调解员"),
        _g("invitees_consented", cite.PML_20, p._invitees_consented, "邀请他人参与须经当事人同意"),
        _g("public_not_objected", cite.PML_23, p._public_not_objected, "当事人反对时不得公开调解"),
        _g(
            "extension_consented_by_all",
            _D,
            p._all_parties_join,
            "延长须经各方同意",
            basis="extension_basis",
        ),
        _g(
            "extension_in_time",
            cite.EXTENSION_BEFORE_EXPIRY,
            p._extension_in_time,
            "须在调解期限届满前延长",
        ),
        _g("period_is_binding", _D, p._period_hard, "调解期限为强制性期限", basis="period_basis"),
        _g("period_expired", _D, p._deadline_passed, "调解期限已届满", basis="period_basis"),
        _g("routes_advised", cite.PML_26, p._routes_advised, "告知仲裁、行政、司法途径"),
        _g("all_parties_agree", cite.PML_30, p._all_parties_join, "各方当事人达成一致"),
        _g("no_written_form_requested", cite.PML_28, p._no_written_request, "无当事人要求书面协议"),
        _g(
            "ningbo_written_form",
            cite.NINGBO_24,
            p._ningbo_written,
            "非即时履行或复杂纠纷须书面协议",
        ),
        _g(
            "moj_written_form", cite.MOJ_34, p._moj_written, "涉及民事权利义务须书面协议", soft=True
        ),
        _g("obligors_are_parties", cite.pml("29(1)"), p._obligors_are_parties, "义务人须为当事人"),
        _g("signatory_known", cite.PML_29, p._signatory_known, "签署人须为当事人、调解员或调委会"),
        _g("not_yet_signed", _D, p._not_yet_signed, "不得重复签署"),
        _g("fully_executed", cite.PML_29, p._fully_executed, "各方签名、调解员签名并加盖印章"),
        _g("oral_not_yet_written", _D, p._oral_unwritten, "口头协议尚未形成书面"),
        _g("obligation_open", cite.PML_31, p._obligation_open, "须为未履行的义务"),
        _g("obligation_overdue", cite.PML_31, p._obligation_overdue, "义务已逾期"),
        _g("all_obligations_performed", cite.PML_31, p._all_performed, "全部义务已履行"),
        _g(
            "no_pending_confirmation",
            cite.CPL_205,
            p._no_pending_confirmation,
            "无待决的司法确认申请",
        ),
        _g("urged_or_disputed", cite.PML_32, p._urged_or_disputed, "经督促仍未履行或对协议有争议"),
        _g(
            "remediation_consented_by_all", cite.PML_33, p._all_parties_join, "重新调解须经各方同意"
        ),
        _g("confirmation_status_allows", cite.CPL_206, p._jc_allows, "司法确认状态允许该事件"),
        _g("joint_application", cite.CPL_205, p._all_parties_join, "双方共同申请"),
        _g("within_confirmation_window", cite.PML_33, p._within_window, "协议生效之日起30日内"),
        _g(
            "lawful_mediation_organisation",
            cite.CPL_205,
            p._lawful_organisation,
            "依法设立的调解组织",
        ),
        _g("agreement_in_writing", cite.INTERP_354, p._in_writing, "提交书面调解协议"),
        _g("not_title_to_property", cite.INTERP_355, p._not_title, "不涉及物权、知识产权确权"),
    )
}
