"""Properties of the committee engine under generated committees, records and ledgers."""

from __future__ import annotations

from datetime import date

from committee_builders import rules
from hypothesis import given, settings
from hypothesis import strategies as st

from community_governance import committee as cm
from community_governance.strategies import committee as cst

SH = rules("CN-SH")
BJ = rules("CN-BJ")


@given(cst.committees())
def test_vacancy_action_is_total_and_cited(c: cm.Committee) -> None:
    for rule_set in (SH, BJ):
        advice = cm.vacancy_action(c, rules=rule_set)
        assert (advice.action is cm.VacancyAction.NONE) == (c.vacancies == 0)
        assert advice.citation is not None or advice.action is cm.VacancyAction.NONE


@given(st.data())
def test_absences_never_exceed_meetings_and_one_more_absence_never_untriggers(
    data: st.DataObject,
) -> None:
    c = data.draw(cst.committees(min_size=5, max_size=5).filter(lambda c: c.seated > 0))
    records = data.draw(cst.attendance_records(c))
    rule = SH.committee.absence.value
    on = c.expires_on
    counts = cm.absence_counts(c, records, rule=rule, on=on)
    for count in counts:
        assert 0 <= count.absences <= count.meetings
    owner = c.members[0].owner
    worse = tuple(cm.MeetingRecord(r.on, r.attended - {owner}, r.excused) for r in records)
    before = counts[0].triggered
    after = cm.absence_counts(c, worse, rule=rule, on=on)[0].triggered
    assert after or not before


@settings(max_examples=50)
@given(st.data())
def test_check_timeline_reports_every_planned_step(data: st.DataObject) -> None:
    c = data.draw(cst.committees(term_years=5))
    plan = cm.reelection_plan(c, rules=SH)
    ledger = data.draw(cst.timelines(plan))
    check = cm.check_timeline(plan, ledger, on=date(2045, 1, 1))
    assert repr(plan).startswith("<ReelectionPlan ") and "\n" not in repr(plan)
    assert repr(check).startswith("<TimelineCheck ") and "\n" not in repr(check)
    assert [f.step for f in check.findings] == [s.step for s in plan.steps]
    for finding in check.findings:
        assert (finding.done_on is None) == (finding.step not in ledger)
        if finding.done_on is None:
            assert finding.status in (cm.Status.MISSING, cm.Status.PENDING)
    on_plan = {s.step: s.planned for s in plan.steps}
    assert cm.check_timeline(plan, on_plan, on=date(2045, 1, 1)).passed


@settings(max_examples=60)
@given(st.data())
def test_every_event_from_every_state_applies_or_is_refused_by_name(data: st.DataObject) -> None:
    from committee_builders import decision

    from community_governance.exceptions import CommitteeError

    passed = decision(code="CN-SH", on=date(2025, 3, 1))
    c = data.draw(cst.committees(term_years=5))
    rule_set = data.draw(st.sampled_from([SH, BJ]))
    on = data.draw(st.dates(c.elected_on, c.expires_on))
    who = data.draw(st.sampled_from([m.owner for m in c.members] + ["M29"]))
    events = [
        cm.FirstMeeting(on, who),
        cm.Resignation(on, who),
        cm.CeasedToBeOwner(on, who),
        cm.Removal(on, who, cm.RemovalGround.BREACH_OF_PLEDGE, passed),
        cm.AlternateTakesSeat(on),
        cm.ByElection(on, ("M28",), passed),
    ]
    before = c.to_dict()
    refused: list[str] = []
    for event in events:
        try:
            after = cm.apply_event(c, event, rules=rule_set)
        except CommitteeError as error:
            refused.append(error.field)
        else:
            assert len(after.history) == len(c.history) + 1
            assert after.history[-1].kind == event.kind
            assert after.seated <= after.full_size
    assert c.to_dict() == before
    assert all(refused)
