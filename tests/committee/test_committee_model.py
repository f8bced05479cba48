"""The Committee value, its term, events and vacancy actions."""

from __future__ import annotations

import re
from datetime import date, datetime
from fractions import Fraction

import attrs
import pytest
from committee_builders import ELECTED, ON, SEVEN, committee, decision, rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.exceptions import (
    CommitteeError,
    CommitteeInputError,
    EventRefusedError,
    TermOutOfRangeError,
)


@pytest.mark.parametrize(
    ("code", "low", "high", "article"),
    [
        ("CN", 1, 5, "Art. 32"),
        ("CN-SH", 3, 5, "Art. 20(1)"),
        ("CN-BJ", 1, 5, "Art. 41"),
        ("CN-ZJ-HZ", 3, 5, "Art. 33"),
    ],
)
def test_term_range_both_sides(code: str, low: int, high: int, article: str) -> None:
    for years in (low, high):
        assert cm.elect_committee(SEVEN, elected_on=ON, term_years=years, rules=rules(code))
    for years in (low - 1, high + 1):
        with pytest.raises(TermOutOfRangeError, match=re.escape(article)) as info:
            cm.elect_committee(SEVEN, elected_on=ON, term_years=years, rules=rules(code))
        assert info.value.field == "term_years"
        assert article in info.value.article


def test_expiry_is_the_corresponding_day_and_leap_days_clip() -> None:
    c = committee()
    assert c.expires_on == date(2025, 6, 30)
    leap = cm.elect_committee(SEVEN, elected_on=date(2020, 2, 29), term_years=5, rules=rules("CN"))
    assert leap.expires_on == date(2025, 2, 28)
    assert "7/7 seated" in str(c)
    assert "alternate" in c._repr_html_()
    assert str(c.history[0]).startswith("2020-06-30 election")


def test_no_term_rule_and_bad_inputs() -> None:
    before = rules("CN", date(2009, 12, 31))
    with pytest.raises(CommitteeError, match="no committee term rule"):
        cm.elect_committee(SEVEN, elected_on=date(2009, 12, 31), term_years=5, rules=before)
    with pytest.raises(CommitteeInputError, match="elected_on"):
        cm.elect_committee(SEVEN, elected_on=datetime(2020, 1, 1), term_years=5, rules=rules("CN"))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="term_years"):
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5.0, rules=rules("CN"))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="term_years"):
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=True, rules=rules("CN"))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="members"):
        cm.elect_committee("ABC", elected_on=ELECTED, term_years=5, rules=rules("CN"))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="members"):
        cm.Committee(ELECTED, 5, 7, (1,))  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="alternates"):
        cm.Committee(ELECTED, 5, 7, ("A",), "H")  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="alternates"):
        cm.Committee(ELECTED, 5, 7, ("A",), ("",))
    with pytest.raises(CommitteeInputError, match="owner"):
        cm.Member("")


@pytest.mark.parametrize(
    ("members", "alternates", "size", "why"),
    [
        (SEVEN, (), 5, "7 members for 5 seats"),
        (("A", "A"), (), 5, "twice"),
        (("A",), ("A",), 5, "twice"),
    ],
)
def test_invalid_committees(members, alternates, size, why) -> None:
    with pytest.raises(CommitteeError, match=why):
        cm.Committee(ELECTED, 5, size, members, alternates)


def test_two_chairs_refused() -> None:
    chair = cm.Member("A", cm.Role.CHAIR)
    with pytest.raises(CommitteeError, match="more than one chair"):
        cm.Committee(ELECTED, 5, 5, (chair, attrs.evolve(chair, owner="B")))


def test_member_lookup() -> None:
    c = committee()
    assert c.member("A").role is cm.Role.MEMBER
    with pytest.raises(CommitteeError, match="holds no seat"):
        c.member("Z")


# ------------------------------------------------------------------ events


def test_first_meeting_on_time_late_and_twice(sh: cg.RuleSet) -> None:
    c = committee()
    on_time = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 7), "A", ("B",)), rules=sh)
    assert on_time.member("A").role is cm.Role.CHAIR
    assert on_time.member("B").role is cm.Role.VICE_CHAIR
    assert on_time.chair_elected_on == date(2020, 7, 7)
    assert not on_time.history[-1].notices
    late = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 8), "A"), rules=sh)
    assert [n.code for n in late.history[-1].notices] == ["first-meeting-late"]
    assert c.chair_elected_on is None  # unchanged input
    with pytest.raises(EventRefusedError, match="was held"):
        cm.apply_event(on_time, cm.FirstMeeting(date(2020, 7, 9), "C"), rules=sh)


def test_first_meeting_deadline_on_a_rest_day_moves_with_the_calendar(sh: cg.RuleSet) -> None:
    c = cm.elect_committee(SEVEN, elected_on=date(2025, 9, 26), term_years=5, rules=sh)
    # 7 days from Fri 2025-09-26 end on Fri 2025-10-03, inside the National Day holiday
    week = cg.calendar.WeekendCalendar()
    event = cm.FirstMeeting(date(2025, 10, 3), "A")
    assert not cm.apply_event(c, event, rules=sh, calendar=week).history[-1].notices
    late = cm.FirstMeeting(date(2025, 10, 6), "A")
    assert cm.apply_event(c, late, rules=sh, calendar=week).history[-1].notices


@pytest.mark.parametrize(
    ("event", "why"),
    [
        (cm.FirstMeeting(date(2020, 7, 1), "Z"), "holds no seat"),
        (cm.FirstMeeting(date(2020, 7, 1), "A", ("Z",)), "holds no seat"),
        (cm.FirstMeeting(date(2020, 7, 1), "A", ("A",)), "chair and vice-chair"),
        (cm.Resignation(date(2020, 6, 29), "A"), "before the last recorded event"),
        (cm.Resignation(date(2025, 7, 1), "A"), "term expired"),
        (cm.Resignation(date(2021, 1, 1), "Z"), "holds no seat"),
    ],
)
def test_refused_events(sh: cg.RuleSet, event: cm.Event, why: str) -> None:
    with pytest.raises((EventRefusedError, CommitteeError), match=why):
        cm.apply_event(committee(), event, rules=sh)


def test_not_an_event_and_a_datetime(sh: cg.RuleSet) -> None:
    with pytest.raises(EventRefusedError, match="not a committee event"):
        cm.apply_event(committee(), "resign", rules=sh)  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="on must be"):
        cm.apply_event(committee(), cm.Resignation(datetime(2021, 1, 1), "A"), rules=sh)


def test_resignation_notes_handover_and_vacancy(sh: cg.RuleSet) -> None:
    after = cm.apply_event(committee(), cm.Resignation(date(2021, 1, 4), "A"), rules=sh)
    assert after.seated == 6
    codes = [n.code for n in after.history[-1].notices]
    assert codes == ["vacancy-action", "member-handover"]
    assert "2021-01-14" in after.history[-1].notices[1].en  # Shanghai Art. 30: 10 days
    gone = cm.apply_event(after, cm.CeasedToBeOwner(date(2021, 2, 1), "B"), rules=sh)
    assert gone.seated == 5 and gone.history[-1].kind == "ceased-to-be-owner"


def test_member_handover_by_jurisdiction() -> None:
    for code, day in (("CN-ZJ-HZ", "2021-01-11"), ("CN-SH", "2021-01-14")):
        after = cm.apply_event(
            committee(code), cm.Resignation(date(2021, 1, 4), "A"), rules=rules(code)
        )
        assert day in after.history[-1].notices[-1].en
    national = rules("CN", include_unconfirmed=True)
    after = cm.apply_event(committee("CN"), cm.Resignation(date(2021, 1, 4), "A"), rules=national)
    assert "2021-01-07" in after.history[-1].notices[-1].en  # 3 days, unconfirmed
    bj = cm.apply_event(
        committee("CN-BJ"), cm.Resignation(date(2021, 1, 4), "A"), rules=rules("CN-BJ")
    )
    assert [n.code for n in bj.history[-1].notices] == ["vacancy-action"]


def test_alternate_takes_the_seat_in_beijing(bj: cg.RuleSet) -> None:
    c = cm.apply_event(committee("CN-BJ"), cm.Resignation(date(2021, 1, 4), "A"), rules=bj)
    assert cm.vacancy_action(c, rules=bj).action is cm.VacancyAction.FILL_FROM_ALTERNATES
    filled = cm.apply_event(c, cm.AlternateTakesSeat(date(2021, 1, 5)), rules=bj)
    assert filled.member("H").since == date(2021, 1, 5)
    assert filled.alternates == ("I",)
    assert cm.vacancy_action(filled, rules=bj).action is cm.VacancyAction.NONE
    with pytest.raises(EventRefusedError, match="require none"):
        cm.apply_event(filled, cm.AlternateTakesSeat(date(2021, 1, 6)), rules=bj)


def test_beijing_below_half_after_alternates(bj: cg.RuleSet) -> None:
    c = cm.Committee(ELECTED, 5, 7, ("A", "B", "C"))
    advice = cm.vacancy_action(c, rules=bj)
    assert advice.action is cm.VacancyAction.EARLY_REELECTION
    assert "Art. 48" in advice.citation.format()
    assert str(advice).startswith("EARLY-REELECTION")
    assert "seated" in advice._repr_html_()


@pytest.mark.parametrize(
    ("seated", "action"),
    [(7, "NONE"), (6, "BY_ELECTION"), (4, "BY_ELECTION"), (3, "EARLY_REELECTION")],
)
def test_shanghai_vacancy_both_sides_of_half(sh: cg.RuleSet, seated: int, action: str) -> None:
    c = cm.Committee(ELECTED, 5, 7, SEVEN[:seated], ("H",))
    assert cm.vacancy_action(c, rules=sh).action is cm.VacancyAction[action]


def test_shanghai_exactly_half_is_unsettled(sh: cg.RuleSet) -> None:
    c = cm.Committee(ELECTED, 5, 6, SEVEN[:3])
    advice = cm.vacancy_action(c, rules=sh)
    assert advice.action is cm.VacancyAction.UNSETTLED
    assert "names no action" in advice.en


def test_national_vacancy_and_missing_rule() -> None:
    cn = rules("CN")
    assert cm.vacancy_action(cm.Committee(ELECTED, 5, 6, SEVEN[:3]), rules=cn).action is (
        cm.VacancyAction.BY_ELECTION
    )
    assert cm.vacancy_action(cm.Committee(ELECTED, 5, 7, SEVEN[:3]), rules=cn).action is (
        cm.VacancyAction.EARLY_REELECTION
    )
    with pytest.raises(CommitteeError, match="no vacancy rule"):
        cm.vacancy_action(
            cm.Committee(ELECTED, 5, 7, SEVEN[:3]), rules=rules("CN", date(2009, 1, 1))
        )


def test_by_election_in_shanghai(sh: cg.RuleSet) -> None:
    c = cm.apply_event(committee(), cm.Resignation(date(2021, 1, 4), "A"), rules=sh)
    passed = decision(on=date(2021, 3, 1))
    after = cm.apply_event(c, cm.ByElection(date(2021, 3, 1), ("Q",), passed), rules=sh)
    assert after.member("Q").since == date(2021, 3, 1)
    with pytest.raises(EventRefusedError, match="2 elected for 1 empty"):
        cm.apply_event(c, cm.ByElection(date(2021, 3, 1), ("Q", "R"), passed), rules=sh)
    with pytest.raises(EventRefusedError, match="require none"):
        cm.apply_event(after, cm.ByElection(date(2021, 3, 2), ("R",), passed), rules=sh)
    with pytest.raises(EventRefusedError, match="must pass"):
        cm.apply_event(c, cm.ByElection(date(2021, 3, 1), ("Q",), decision(agree=False)), rules=sh)
    with pytest.raises(EventRefusedError, match="must pass"):
        cm.apply_event(
            c, cm.ByElection(date(2021, 3, 1), ("Q",), decision("other-major-matter")), rules=sh
        )
    with pytest.raises(EventRefusedError, match="after the event"):
        cm.apply_event(c, cm.ByElection(date(2021, 2, 1), ("Q",), passed), rules=sh)


def _absent(member: str, n: int, of: int) -> tuple[cm.MeetingRecord, ...]:
    days = [date(2024, 4 + i, 15) for i in range(of)]
    return tuple(
        cm.MeetingRecord(d, set(SEVEN) - ({member} if i < n else set())) for i, d in enumerate(days)
    )


def test_absence_window_is_the_year_to_the_day(sh: cg.RuleSet) -> None:
    c = committee()
    rule = sh.committee.absence.value
    records = (
        cm.MeetingRecord(date(2024, 3, 1), set(SEVEN) - {"A"}),  # one year before: outside
        cm.MeetingRecord(date(2024, 3, 2), set(SEVEN) - {"A"}, {"A"}),  # excused still counts
        cm.MeetingRecord(date(2024, 9, 2), set(SEVEN)),
    )
    (count, *_) = cm.absence_counts(c, records, rule=rule, on=ON)
    assert (count.meetings, count.absences, count.longest_run, count.triggered) == (2, 1, 0, True)
    assert str(count).startswith("TRIGGERED")
    assert "meetings" in count._repr_html_()
    assert not cm.absence_counts(c, (), rule=rule, on=ON)[0].triggered
    with pytest.raises(CommitteeInputError, match="records"):
        cm.absence_counts(c, ("x",), rule=rule, on=ON)  # type: ignore[arg-type]


def test_consecutive_absences_only_as_an_estate_opt_in() -> None:
    for code in ("CN", "CN-SH", "CN-BJ", "CN-ZJ-HZ"):
        absence = rules(code, include_unconfirmed=True).committee.absence
        assert absence is None or absence.value.consecutive is None
    cite = cg.Citation("estate_rules", "working rules Art. 12")
    rule = cm.AbsenceRule(cite, consecutive=3, count_excused=False)
    c = committee()
    run = [cm.MeetingRecord(date(2024, m, 1), set(SEVEN) - {"A"}) for m in (5, 6, 7)]
    excused = cm.MeetingRecord(date(2024, 6, 1), set(SEVEN) - {"A"}, {"A"})
    assert cm.absence_counts(c, run, rule=rule, on=ON)[0].triggered
    broken = [run[0], excused, run[2]]
    count = cm.absence_counts(c, broken, rule=rule, on=ON)[0]
    assert (count.absences, count.longest_run, count.triggered) == (2, 1, False)
    assert str(count).startswith("not triggered")


def test_meeting_record_and_absence_rule_inputs() -> None:
    with pytest.raises(CommitteeError, match="both attended and excused"):
        cm.MeetingRecord(ON, {"A"}, {"A"})
    with pytest.raises(CommitteeInputError, match="attendance"):
        cm.MeetingRecord(ON, "A")  # type: ignore[arg-type]
    cite = cg.Citation("estate_rules", "1")
    with pytest.raises(cg.exceptions.RuleSetError, match="either share"):
        cm.AbsenceRule(cite)
    with pytest.raises(cg.exceptions.RuleSetError, match="either share"):
        cm.AbsenceRule(cite, Fraction(1, 2))


def test_removal_for_absence_both_sides_of_half(sh: cg.RuleSet) -> None:
    c = committee()
    ok = decision()
    event = cm.Removal(ON, "A", cm.RemovalGround.ABSENCE, ok, _absent("A", 3, 6))
    after = cm.apply_event(c, event, rules=sh)
    assert after.seated == 6
    with pytest.raises(EventRefusedError, match="do not meet the absence rule"):
        cm.apply_event(c, attrs.evolve(event, attendance=_absent("A", 2, 6)), rules=sh)


def test_removal_refusals(sh: cg.RuleSet, bj: cg.RuleSet) -> None:
    c = committee()
    ok = decision()
    with pytest.raises(EventRefusedError, match="not listed"):
        cm.apply_event(c, cm.Removal(ON, "A", cm.RemovalGround.NO_LONGER_ELIGIBLE, ok), rules=sh)
    pledge = cm.apply_event(c, cm.Removal(ON, "A", cm.RemovalGround.BREACH_OF_PLEDGE, ok), rules=sh)
    assert pledge.seated == 6
    hz = rules("CN-ZJ-HZ")
    with pytest.raises(EventRefusedError, match="not listed"):
        cm.apply_event(
            committee("CN-ZJ-HZ"), cm.Removal(ON, "A", cm.RemovalGround.ABSENCE, ok), rules=hz
        )
    no_absence = hz.with_layer(
        cg.rules.Layer(
            "estate",
            "estate grounds",
            None,
            None,
            topic="estate",
            committee=cm.CommitteeParams(
                removal_grounds=cg.rules.Param(
                    (cm.RemovalGround.ABSENCE,), sh.committee.absence.citation
                )
            ),
        )
    )
    with pytest.raises(EventRefusedError, match="no absence rule"):
        cm.apply_event(
            committee("CN-ZJ-HZ"),
            cm.Removal(ON, "A", cm.RemovalGround.ABSENCE, ok),
            rules=no_absence,
        )


def test_removal_decision_must_be_on_the_committee(bj: cg.RuleSet) -> None:
    bad = decision("hire-or-dismiss-manager", code="CN-BJ")
    with pytest.raises(EventRefusedError, match="elect-committee"):
        cm.apply_event(
            committee("CN-BJ"),
            cm.Removal(ON, "A", cm.RemovalGround.NO_LONGER_ELIGIBLE, bad),
            rules=bj,
        )


def test_vacancy_share_is_exact() -> None:
    assert Fraction(3, 7) < Fraction(1, 2) < Fraction(4, 7)


def test_first_meeting_without_a_rule_has_no_deadline() -> None:
    before = rules("CN", date(2009, 12, 31))
    c = cm.Committee(date(2009, 1, 1), 5, 5, SEVEN[:5])
    after = cm.apply_event(c, cm.FirstMeeting(date(2009, 6, 1), "A"), rules=before)
    assert after.history[-1].citation is None and not after.history[-1].notices


def test_round_trip_and_derived_expiry(sh: cg.RuleSet) -> None:
    c = cm.apply_event(committee(), cm.Resignation(date(2021, 1, 4), "A"), rules=sh)
    c = cm.apply_event(c, cm.FirstMeeting(date(2021, 1, 5), "B", ("C",)), rules=sh)
    data = c.to_dict()
    assert data["schema"] == "community_governance.committee/1"
    assert data["expires_on"] == "2025-06-30"
    assert cm.Committee.from_dict(data) == c
    without = {k: v for k, v in data.items() if k != "expires_on"}
    assert cm.Committee.from_dict(without) == c
    with pytest.raises(cg.exceptions.DerivedFactMismatchError, match="expires_on"):
        cm.Committee.from_dict({**data, "expires_on": "2026-06-30"})
    with pytest.raises(cg.exceptions.InvalidDataError, match="float"):
        cm.Committee.from_dict({**data, "term_years": 5.0})
    with pytest.raises(cg.exceptions.InvalidDataError, match="schema"):
        cm.Committee.from_dict({**data, "schema": "x/1"})
    with pytest.raises(cg.exceptions.InvalidDataError, match="dict"):
        cm.Committee.from_dict([])  # type: ignore[arg-type]


def test_wrong_typed_engine_arguments_are_named(sh: cg.RuleSet) -> None:
    plan = cm.reelection_plan(committee(), rules=sh)
    rule = sh.committee.decision_posting.value
    posting = cm.Posting("x", "board", ON)
    cases = [
        (lambda: cm.vacancy_action("c", rules=sh), "committee"),
        (lambda: cm.apply_event("c", cm.Resignation(ON, "A"), rules=sh), "committee"),
        (lambda: cm.check_timeline("plan", {}, on=ON), "plan"),
        (lambda: cm.check_posting("p", rule, event_on=ON), "posting"),
        (lambda: cm.check_posting(posting, "rule", event_on=ON), "rule"),
        (lambda: cm.check_cadence("c", [], start=ON, end=ON), "cadence"),
        (lambda: cm.check_temporary_committee("c", rules=sh, on=ON), "committee"),
    ]
    for call, field in cases:
        with pytest.raises(CommitteeInputError) as info:
            call()
        assert info.value.field == field
    assert plan.steps
