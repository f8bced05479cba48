"""Policies, deadlines and warnings: national soft period, Shenzhen, Ningbo, revocation clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from mediation_builders import NATIONAL, NINGBO, SHENZHEN, START, reach

from community_governance import mediation as m
from community_governance.calendar import WeekendCalendar
from community_governance.exceptions import RuleSetError, RuleSetInputError
from community_governance.jurisdictions import rules_for
from community_governance.rules.periods import Period

S = m.CaseState


def test_presets_come_from_the_rule_set() -> None:
    day = date(2025, 6, 1)
    for code, policy in (("CN", NATIONAL), ("CN-GD-SZ", SHENZHEN), ("CN-ZJ-NB", NINGBO)):
        rules = rules_for(code, on=day)
        assert rules.mediation.policy is not None and rules.mediation.policy.value is policy
        case = m.MediationCase.open(
            "c",
            m.Committee("rc"),
            [m.Party("a", "applicant"), m.Party("b", "respondent")],
            m.Dispute("property"),
            rules=rules,
        )
        assert case.policy is policy
        with pytest.warns(DeprecationWarning, match="rules.mediation.policy"):
            assert m.policy_for(rules) is policy
    with (
        pytest.warns(DeprecationWarning, match="policy_for"),
        pytest.raises(RuleSetInputError, match="rules_for"),
    ):
        m.policy_for("CN")  # type: ignore[arg-type]
    before = rules_for("CN", on=date(2010, 12, 31))
    assert before.mediation.policy is None
    with pytest.raises(RuleSetError, match=r"mediation\.policy"):
        m.MediationCase.open(
            "c",
            m.Committee("rc"),
            [m.Party("a", "applicant"), m.Party("b", "respondent")],
            m.Dispute("property"),
            rules=before,
        )
    assert not NATIONAL.hard and NATIONAL.period == Period(months=1)
    assert NATIONAL.flagged and not NATIONAL.period_basis.confirmed
    assert SHENZHEN.hard and SHENZHEN.period == Period(days=30) and SHENZHEN.flagged == ()
    assert NINGBO.hard and NINGBO.termination_notice
    required = (m.WrittenFormTrigger.DEFERRED_PERFORMANCE, m.WrittenFormTrigger.MAJOR_OR_COMPLEX)
    assert NINGBO.written_form_required_for == required
    assert NATIONAL.written_form_advised_for == (m.WrittenFormTrigger.OBLIGATIONS,)
    assert "hard period" in str(SHENZHEN) and str(NATIONAL).startswith("CN: soft")


def test_national_period_counts_one_month_from_acceptance() -> None:
    case = reach(S.ACCEPTED)
    deadline = case.mediation_deadline
    assert deadline is not None and case.accepted_on is not None
    assert deadline.start == case.accepted_on
    assert (deadline.start, deadline.end) == (date(2025, 3, 7), date(2025, 4, 7))
    assert not deadline.rolled
    rolled = m.apply(
        reach(S.APPLIED),
        m.make_event("give_consent", START + timedelta(days=3), party="PM"),
    )
    rolled = m.apply(
        rolled, m.make_event("accept", START + timedelta(days=3)), calendar=WeekendCalendar()
    )
    assert rolled.mediation_deadline is not None
    assert rolled.mediation_deadline.unrolled_end == date(2025, 4, 6)  # a Sunday
    assert rolled.mediation_deadline.end == date(2025, 4, 7)


def test_overdue_warning_day_before_and_after() -> None:
    case = reach(S.IN_MEDIATION)
    assert case.mediation_deadline is not None
    end = case.mediation_deadline.end
    codes = [w.code for w in m.case_warnings(case, end)]
    assert "mediation_overdue" not in codes
    late = m.case_warnings(case, end + timedelta(days=1))
    overdue = [w for w in late if w.code == "mediation_overdue"]
    assert len(overdue) == 1 and "soft period" in overdue[0].en and "仅作提示" in overdue[0].zh
    assert "unconfirmed_rule" in [w.code for w in late]
    hard = reach(S.IN_MEDIATION, SHENZHEN)
    assert hard.mediation_deadline is not None
    hard_late = m.case_warnings(hard, hard.mediation_deadline.end + timedelta(days=1))
    assert [w.code for w in hard_late] == ["mediation_overdue"]
    assert "soft" not in hard_late[0].en


def test_ningbo_extension_on_both_parties_request() -> None:
    case = reach(S.IN_MEDIATION, NINGBO)
    assert case.mediation_deadline is not None
    on = case.mediation_deadline.end
    extended = m.apply(
        case, m.make_event("extend_period", on, parties=["Li", "PM"], period=Period(months=1))
    )
    assert extended.mediation_deadline is not None
    assert extended.mediation_deadline.start == on
    assert extended.mediation_deadline.basis == NINGBO.extension_basis
    terminated = m.apply(
        extended, m.make_event("expire", extended.mediation_deadline.end + timedelta(days=1))
    )
    assert [n.kind for n in terminated.notices][-2:] == ["routes", "termination"]


def test_revocation_clock_warnings_t60_t30_lapsed() -> None:
    case = reach(S.IN_MEDIATION, decision_known_on=date(2024, 6, 10))
    deadline = m.revocation_deadline(case)
    assert deadline is not None and deadline.end == date(2025, 6, 10)
    assert m.revocation_deadline(reach(S.NEW)) is None

    def text(on: date) -> str:
        return next(w.en for w in m.case_warnings(case, on) if w.code == "revocation_clock")

    assert "(T-" not in text(date(2025, 4, 10))
    assert "61 days left" in text(date(2025, 4, 10))
    assert "60 days left (T-60)" in text(date(2025, 4, 11))
    assert "31 days left (T-60)" in text(date(2025, 5, 10))
    assert "30 days left (T-30)" in text(date(2025, 5, 11))
    assert "0 days left (T-30)" in text(date(2025, 6, 10))
    assert "1 day left (T-30)" in text(date(2025, 6, 9))
    assert "Civil Code Art. 199" in text(date(2025, 6, 10))
    assert "lapsed" in text(date(2025, 6, 11))
    warning = next(
        w for w in m.case_warnings(case, date(2025, 6, 11)) if w.code == "revocation_clock"
    )
    assert "撤销权消灭" in warning.explain("zh")
    assert "unconfirmed" in warning.explain()


def test_confirmation_window_warning_last_week_only() -> None:
    case = reach(S.IN_PERFORMANCE, SHENZHEN)
    agreement = case.effective_agreement
    assert agreement is not None and agreement.confirmation.window is not None
    end = agreement.confirmation.window.end
    codes = lambda on: [w.code for w in m.case_warnings(case, on)]  # noqa: E731
    assert "confirmation_window" not in codes(end - timedelta(days=8))
    assert "confirmation_window" in codes(end - timedelta(days=7))
    assert "confirmation_window" in codes(end)
    assert "confirmation_window" not in codes(end + timedelta(days=1))
    applied = m.apply(
        case,
        m.make_event("apply_confirmation", end - timedelta(days=2), parties=["Li", "PM"], body="c"),
    )
    assert "confirmation_window" not in codes(end) or applied.state is S.IN_PERFORMANCE
    assert "confirmation_window" not in [w.code for w in m.case_warnings(applied, end)]


def test_oral_agreement_window_from_the_day_reached() -> None:
    case = reach(S.IN_MEDIATION, SHENZHEN)
    on = START + timedelta(days=10)
    oral = m.apply(
        case,
        m.make_event("reach_oral_agreement", on, parties=["Li", "PM"], terms=m.AgreementTerms(())),
    )
    window = oral.agreements[-1].confirmation.window
    assert window is not None and window.end == on + timedelta(days=30)


def _refusal(case: m.MediationCase, event: m.Event) -> str:
    permission = m.may(case, event)
    assert not permission
    return permission.reason.lower()


def test_guards_cite_the_case_own_policy() -> None:
    """Issue 8: a guard cites the case's policy, never another city's regulation."""
    month = Period(months=1)
    national = reach(S.IN_MEDIATION)
    assert national.mediation_deadline is not None
    late = national.mediation_deadline.end + timedelta(days=1)
    refused = _refusal(national, m.make_event("extend_period", late, parties=["Li"], period=month))
    expiry = _refusal(national, m.make_event("expire", late))
    for reason in (refused, expiry):
        assert "ningbo" not in reason and "shenzhen" not in reason
    assert expiry.endswith(
        "[moj provisions on people's mediation work art. 33 (2002 text)"
        " [medium confidence, unconfirmed]]"
    )
    assert "design decision" in refused
    ningbo = reach(S.IN_MEDIATION, NINGBO)
    assert ningbo.mediation_deadline is not None
    too_late = ningbo.mediation_deadline.end + timedelta(days=1)
    reason = _refusal(
        ningbo, m.make_event("extend_period", too_late, parties=["Li", "PM"], period=month)
    )
    assert "shenzhen" not in reason and "ningbo" not in reason
    assert "design decision" in reason and "before expiry" in reason
    shenzhen = reach(S.IN_MEDIATION, SHENZHEN)
    assert shenzhen.mediation_deadline is not None
    expired = _refusal(shenzhen, m.make_event("expire", shenzhen.mediation_deadline.end))
    assert "shenzhen" in expired and "ningbo" not in expired
    one = _refusal(ningbo, m.make_event("extend_period", too_late, parties=["Li"], period=month))
    assert "ningbo" in one and "shenzhen" not in one
