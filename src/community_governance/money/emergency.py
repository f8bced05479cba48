"""Emergency use of the fund: a checked procedure, not a vote (Civil Code Art. 281(2))."""

from __future__ import annotations

from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance.exceptions import MoneyError, MoneyTypeError
from community_governance.money._rules import deprecated, money_param, not_rules
from community_governance.money.apportion import Apportionment, yuan
from community_governance.money.fund import Fund
from community_governance.rules.money import Applicant, EmergencyProcedure, EmergencyStep
from community_governance.rules.ruleset import RuleSet

__all__ = ["EmergencyApplication", "ProcedureCheck", "StepCheck", "check_emergency"]


def _applicant(value: object) -> Applicant:
    return parse_enum(Applicant, value, what="applicant")


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise MoneyTypeError(
            f"{attribute.name} must be True or False (a string is not a boolean), not {value!r}",
            field=attribute.name,
            value=value,
        )


def _split(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Apportionment):
        raise MoneyTypeError(
            f"split must be an Apportionment, not {value!r:.80}", field="split", value=value
        )
    if value.amount == 0:
        raise MoneyError(
            "an emergency application draws the audited cost of a repair: a split of 0 yuan "
            "draws nothing",
            field="split",
            value=0,
        )


@attrs.frozen(slots=True)
class EmergencyApplication:
    """The facts of an application to use the fund in an emergency.

    Attributes:
        applicant: Who applies.
        endangers_safety: Whether the situation endangers the building's safety (declared).
        split: The audited cost charged to the units concerned.
        published: Whether the use was published to the owners.
        audited: Whether the cost was certified (e.g. by an audit firm).
    """

    applicant: Applicant = attrs.field(converter=_applicant)
    endangers_safety: bool = attrs.field(validator=_flag)
    split: Apportionment = attrs.field(validator=_split)
    published: bool = attrs.field(validator=_flag)
    audited: bool = attrs.field(validator=_flag)


@attrs.frozen(slots=True)
class StepCheck:
    """One step of the procedure: passed or not, why, and the article requiring it.

    Attributes:
        step: The step.
        passed: Whether it is met.
        reason: Why, in English.
        citation: The article.
        reason_zh: Why, in Chinese (``""``: the Chinese line names the step and verdict only).
    """

    step: EmergencyStep
    passed: bool
    reason: str
    citation: Citation
    reason_zh: str = ""

    def line(self, lang: str = "en") -> str:
        """One line in ``"en"`` or ``"zh"``: verdict, step, reason and the article."""
        lang = language(lang)
        if lang == "zh":
            verdict = "✓ 符合" if self.passed else "✗ 不符合"
            reason = f"：{self.reason_zh}" if self.reason_zh else ""
            return (
                f"{verdict} — {_ZH_STEPS[self.step.value]}{reason}。"
                f"依据：{self.citation.format('zh')}"
            )
        verdict = "✓ met" if self.passed else "✗ not met"
        return f"{verdict} — {self.step.value}: {self.reason}. Source: {self.citation.format()}"

    def __str__(self) -> str:
        return self.line()

    def __repr__(self) -> str:
        """One line, verdict first."""
        return f"<StepCheck {self.line()}>"

    def _repr_html_(self) -> str:
        """The step as a one-row table."""
        return html_table(
            self.step.value,
            ["verdict", "reason", "source"],
            [("met" if self.passed else "not met", self.reason, self.citation.format())],
        )


@attrs.frozen(slots=True, repr=False)
class ProcedureCheck:
    """The emergency procedure checked: every step, and whether the draw may be made.

    Attributes:
        passed: Whether every required step is met.
        steps: Each step checked.
        citation: The article allowing emergency use.
        notices: Gaps the rules leave (e.g. no audit requirement encoded).
    """

    passed: bool
    steps: tuple[StepCheck, ...]
    citation: Citation
    notices: tuple[Notice, ...] = ()

    def __repr__(self) -> str:
        """One line, the verdict first."""
        failed = [s.step.value for s in self.steps if not s.passed]
        verdict = "PASSED" if self.passed else "FAILED " + ", ".join(failed)
        return f"<ProcedureCheck {verdict}: {len(self.steps)} steps ({self.citation.format()})>"

    __str__ = __repr__

    def explain(self, lang: str = "en") -> str:
        """The verdict, then each step with its article, then the notices, in ``"en"`` or ``"zh"``.

        Chinese: ``"紧急使用维修资金程序：符合，可以列支（依据：《民法典》第281条…）"``.
        """
        lang = language(lang)
        cite = self.citation.format(lang)
        if lang == "zh":
            verdict = "符合，可以列支" if self.passed else "不符合，不得列支"
            head = f"紧急使用维修资金程序：{verdict}（依据：{cite}）"
        else:
            verdict = "passed: the draw may be made" if self.passed else "failed: no draw"
            head = f"Emergency use of the fund: {verdict} (source: {cite})"
        lines = [head, *(f"  {step.line(lang)}" for step in self.steps)]
        note = "注意：" if lang == "zh" else "Note: "
        return "\n".join(lines + [note + notice.text(lang) for notice in self.notices])

    def _repr_html_(self) -> str:
        rows = [
            (s.step.value, "yes" if s.passed else "no", s.reason, s.citation.format())
            for s in self.steps
        ]
        return html_table(repr(self), ["step", "met", "why", "source"], rows)


_ZH_APPLICANTS = {
    Applicant.ASSEMBLY: "业主大会",
    Applicant.COMMITTEE: "业主委员会",
    Applicant.PROPERTY_COMPANY: "物业服务企业",
    Applicant.OWNERS_CONCERNED: "相关业主",
}

_ZH_STEPS = {
    "applicant": "申请人",
    "emergency": "紧急情况",
    "scope": "分摊范围",
    "published": "公示",
    "audited": "费用审核",
    "balance": "账户余额",
}


def check_emergency(
    application: EmergencyApplication, rules: RuleSet | EmergencyProcedure, fund: Fund
) -> ProcedureCheck:
    """Check an emergency application against the procedure and the scoped balance.

    No owners' vote is counted (Civil Code Art. 281(2)); each required step is checked from
    the facts given. A passing check means the draw may be booked with
    [Fund.draw][community_governance.money.Fund.draw].

    Args:
        application: The facts of the application.
        rules: The rule set in force (``rules_for(code, on=day)``), whose
            ``money.emergency`` is the procedure. Passing an `EmergencyProcedure` (e.g. the
            deprecated ``MONEY_RULES.emergency``) still works with a DeprecationWarning.
        fund: The fund drawn on.

    Raises:
        MoneyTypeError: an argument of the wrong type.
        MoneyError: the split charges a unit without a sub-account in ``fund`` (as
            `Fund.draw` refuses it).
        MissingParameterError: no layer of ``rules`` supplies the emergency procedure (e.g.
            a date before the Civil Code); no procedure is invented.
    """
    procedure = _procedure(rules)
    for name, value, kind in (
        ("application", application, EmergencyApplication),
        ("fund", fund, Fund),
    ):
        if not isinstance(value, kind):
            raise MoneyTypeError(
                f"{name} must be a {kind.__name__}, not {value!r}", field=name, value=value
            )
    split = application.split
    scoped = fund.balance(split.units)  # a unit without a sub-account is refused
    facts = _facts(application, procedure, scoped)
    steps = tuple(
        StepCheck(step, facts[step][0], facts[step][1], citation, facts[step][2])
        for step, citation in procedure.steps
    )
    required = {step for step, _ in procedure.steps}
    notices = tuple(
        Notice(
            f"emergency-{step.value}-not-required",
            f"the rules encoded do not require the step '{step.value}'; it was not checked",
            f"已编码的规则未规定“{_ZH_STEPS[step.value]}”环节，未予检查",
            procedure.citation,
        )
        for step in EmergencyStep
        if step not in required
    )
    return ProcedureCheck(all(s.passed for s in steps), steps, procedure.citation, notices)


def _facts(
    application: EmergencyApplication, procedure: EmergencyProcedure, scoped: int
) -> dict[EmergencyStep, tuple[bool, str, str]]:
    """Each step's verdict and reason in English and Chinese, from the facts given."""
    split = application.split
    return {
        EmergencyStep.APPLICANT: (
            application.applicant in procedure.applicants,
            f"applied for by the {application.applicant.value.replace('-', ' ')}",
            f"由{_ZH_APPLICANTS[application.applicant]}申请",
        ),
        EmergencyStep.EMERGENCY: (
            application.endangers_safety,
            "the situation endangers safety"
            if application.endangers_safety
            else "no danger to safety declared",
            "发生危及房屋安全的紧急情况"
            if application.endangers_safety
            else "未申明危及房屋安全的情况",
        ),
        EmergencyStep.SCOPE: (
            bool(split.units),
            f"{len(split.units)} unit(s) charged",
            f"分摊至{len(split.units)}个专有部分",
        ),
        EmergencyStep.PUBLISHED: (
            application.published,
            "published to the owners" if application.published else "not published",
            "已向业主公示" if application.published else "未向业主公示",
        ),
        EmergencyStep.AUDITED: (
            application.audited,
            "cost certified" if application.audited else "cost not certified",
            "费用已经审核" if application.audited else "费用未经审核",
        ),
        EmergencyStep.BALANCE: (
            scoped >= split.amount,
            f"scoped balance {yuan(scoped)} yuan for a draw of {yuan(split.amount)}",
            f"列支范围内余额{yuan(scoped)}元，拟列支{yuan(split.amount)}元",
        ),
    }


def _procedure(rules: object) -> EmergencyProcedure:
    if isinstance(rules, RuleSet):
        found: EmergencyProcedure = money_param(rules, rules.money.emergency, "emergency").value
        return found
    if isinstance(rules, EmergencyProcedure):
        deprecated("an EmergencyProcedure to check_emergency", "rules_for(code, on=day)")
        return rules
    raise not_rules("rules", rules, " or an EmergencyProcedure (deprecated)")
