"""Review of the committee lifecycle as a new user: values refused, texts in Chinese."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from committee_builders import ELECTED, SEVEN, rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.exceptions import CommitteeError, CommitteeInputError, InvalidDataError


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", 5),
        ("name", ""),
        ("history", "abc"),
        ("history", ("not an entry",)),
        ("chair_elected_on", "2020-07-01"),
        ("chair_elected_on", datetime(2020, 7, 1)),
    ],
)
def test_committee_fields_are_validated(field: str, value: object) -> None:
    with pytest.raises(CommitteeInputError) as info:
        cm.Committee(ELECTED, 5, 7, SEVEN, **{field: value})  # type: ignore[arg-type]
    assert info.value.field == field and info.value.value == value


def test_member_since_must_be_a_plain_date() -> None:
    with pytest.raises(CommitteeInputError) as info:
        cm.Member("A", since=datetime(2020, 7, 1))  # type: ignore[arg-type]
    assert info.value.field == "since"
    assert cm.Member("A", since=date(2020, 7, 1)).since == date(2020, 7, 1)


def test_plan_in_chinese_names_the_default_committee_in_chinese() -> None:
    sh = rules("CN-SH")
    committee = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh)
    text = cm.reelection_plan(committee, rules=sh).explain("zh")
    assert text.startswith("业主委员会换届计划") and "owners' committee" not in text
    named = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh, name="五月花")
    assert cm.reelection_plan(named, rules=sh).explain("zh").startswith("五月花换届计划")


def test_hangzhou_exactly_half_is_not_called_below_half() -> None:
    hz = rules("CN-ZJ-HZ", include_unconfirmed=True)
    advice = cm.vacancy_action(cm.Committee(ELECTED, 5, 6, SEVEN[:3]), rules=hz)
    assert advice.action is cm.VacancyAction.EARLY_REELECTION
    assert "not more than 1/2" in advice.en and "below" not in advice.en
    assert "未超过总数的二分之一" in advice.zh and "不足" not in advice.zh
    below = cm.vacancy_action(cm.Committee(ELECTED, 5, 7, SEVEN[:3]), rules=hz)
    assert "below 1/2" in below.en and "不足总数的二分之一" in below.zh


def _tampered(field: str, value: object) -> dict[str, object]:
    sh = rules("CN-SH")
    data = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh).to_dict()
    if field == "chair_elected_on":
        data[field] = value
    elif field == "members":
        data["members"][0]["since"] = value
    else:
        data["history"][0]["on"] = value
    return data


@pytest.mark.parametrize(
    ("field", "day"),
    [
        ("chair_elected_on", "2020-06-29"),
        ("chair_elected_on", "2025-07-01"),
        ("members", "2020-06-29"),
        ("members", "2025-07-01"),
        ("history", "2020-06-29"),
        ("history", "2025-07-01"),
    ],
)
def test_days_outside_the_term_are_refused_on_load(field: str, day: str) -> None:
    with pytest.raises(InvalidDataError, match=f"{field} has {day}, outside 2020-06-30 to"):
        cm.Committee.from_dict(_tampered(field, day))
    for edge in ("2020-06-30", "2025-06-30"):
        assert cm.Committee.from_dict(_tampered(field, edge))
    with pytest.raises(CommitteeError) as info:
        cm.Committee(ELECTED, 5, 7, SEVEN, chair_elected_on=date(2025, 7, 1))
    assert info.value.field == "chair_elected_on" and info.value.value == date(2025, 7, 1)


def test_history_out_of_order_is_refused() -> None:
    c = cm.Committee(ELECTED, 5, 7, SEVEN)
    entry = cm.HistoryEntry("resignation", date(2021, 1, 5), "x", "x")
    early = cm.HistoryEntry("resignation", date(2021, 1, 4), "y", "y")
    assert cm.Committee(ELECTED, 5, 7, SEVEN, history=(entry, entry)).history
    with pytest.raises(CommitteeError, match="in order") as info:
        cm.Committee(ELECTED, 5, 7, SEVEN, history=(entry, early))
    assert info.value.field == "history" and c.history == ()


def test_first_meeting_in_chinese_names_the_vice_chairs() -> None:
    sh = rules("CN-SH")
    c = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh)
    both = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 3), "A", ("B", "C")), rules=sh)
    assert both.history[-1].zh == "推选主任A，副主任B、C"
    assert both.history[-1].en == "chair A, vice-chairs B, C"
    alone = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 3), "A"), rules=sh)
    assert alone.history[-1].zh == "推选主任A，未设副主任"


def test_plan_says_when_the_planned_vote_is_after_its_last_lawful_day() -> None:
    sh = rules("CN-SH")
    c = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh)
    late = cm.reelection_plan(c, rules=sh, vote_on=date(2025, 7, 1))
    assert [n.code for n in late.notices] == ["vote-planned-late"]
    notice = late.notices[0]
    assert "2025-07-01" in notice.en and "2025-06-30" in notice.en
    assert "2025-07-01" in notice.zh and "晚于" in notice.zh
    assert notice.citation == late.step("vote").citation
    assert "1 notices" in str(late)
    assert cm.reelection_plan(c, rules=sh, vote_on=date(2025, 6, 30)).notices == ()
    national = rules("CN")
    assert "vote-planned-late" not in [
        n.code for n in cm.reelection_plan(c, rules=national, vote_on=date(2030, 1, 1)).notices
    ]


@pytest.mark.parametrize(
    ("field", "value", "build"),
    [
        ("elected", "Zhou", lambda d: cm.ByElection(date(2021, 1, 1), "Zhou", d)),
        ("elected", ("Zhou", 5), lambda d: cm.ByElection(date(2021, 1, 1), ("Zhou", 5), d)),
        ("vice_chairs", "Wang", lambda d: cm.FirstMeeting(date(2021, 1, 1), "A", "Wang")),
        ("chair", 5, lambda d: cm.FirstMeeting(date(2021, 1, 1), 5)),
        ("member", 5, lambda d: cm.Resignation(date(2021, 1, 1), 5)),
        ("member", "", lambda d: cm.CeasedToBeOwner(date(2021, 1, 1), "")),
        ("on", datetime(2021, 1, 1), lambda d: cm.Resignation(datetime(2021, 1, 1), "A")),
        ("on", "2021-01-01", lambda d: cm.AlternateTakesSeat("2021-01-01")),
    ],
)
def test_event_fields_are_validated(field: str, value: object, build: object) -> None:
    from committee_builders import decision

    with pytest.raises(CommitteeInputError) as info:
        build(decision())  # type: ignore[operator]
    assert info.value.field == field and info.value.value == value


@pytest.mark.parametrize(
    ("field", "value", "build"),
    [
        ("person", 5, lambda: cm.TemporaryMember(5, cm.Seat.OWNER)),
        ("person", "", lambda: cm.TemporaryMember("", cm.Seat.OWNER)),
        ("seat", "owner", lambda: cm.TemporaryMember("A", "owner")),
        ("role", "chair", lambda: cm.TemporaryMember("A", cm.Seat.OWNER, "chair")),
        ("members", "AB", lambda: cm.TemporaryCommittee(date(2025, 1, 6), "AB")),
    ],
)
def test_temporary_committee_fields_are_validated(field: str, value: object, build: object) -> None:
    with pytest.raises(CommitteeInputError) as info:
        build()  # type: ignore[operator]
    assert info.value.field == field and info.value.value == value


def test_temporary_committee_with_two_chairs_is_refused() -> None:
    two = [cm.TemporaryMember(p, cm.Seat.OWNER, cm.Role.CHAIR) for p in ("A", "B")]
    with pytest.raises(CommitteeError, match="more than one chair"):
        cm.TemporaryCommittee(date(2025, 1, 6), two)


def test_temporary_committee_members_must_be_members() -> None:
    with pytest.raises(CommitteeInputError) as info:
        cm.TemporaryCommittee(date(2025, 1, 6), ["A"])
    assert info.value.field == "members"


PRACTICE = cg.Citation("reported_practice", "estate practice")


def test_a_monthly_rhythm_from_the_31st_meets_every_month_at_its_end() -> None:
    monthly = cm.Cadence("meeting", PRACTICE, "monthly")
    days = monthly.occurrences(date(2021, 1, 31), date(2021, 6, 30))
    assert days == (
        date(2021, 1, 31), date(2021, 2, 28), date(2021, 3, 31), date(2021, 4, 30),
        date(2021, 5, 31), date(2021, 6, 30),
    )  # fmt: skip
    on_30th = cm.Cadence.monthly("meeting", citation=PRACTICE, monthday=30)
    assert on_30th.occurrences(date(2024, 1, 1), date(2024, 3, 31)) == (
        date(2024, 1, 30), date(2024, 2, 29), date(2024, 3, 30),
    )  # fmt: skip
    held = [date(2021, 1, 31), date(2021, 3, 31)]
    check = cm.check_cadence(monthly, held, start=date(2021, 1, 31), end=date(2021, 4, 30))
    assert check.missed == (date(2021, 2, 28), date(2021, 4, 30)) and not check.passed
    assert cm.Cadence("m", PRACTICE, "monthly").occurrences(
        date(2021, 1, 15), date(2021, 3, 31)
    ) == (date(2021, 1, 15), date(2021, 2, 15), date(2021, 3, 15))


def test_a_yearly_rhythm_from_a_leap_day_meets_every_year() -> None:
    yearly = cm.Cadence("assembly", PRACTICE, "yearly")
    assert yearly.occurrences(date(2024, 2, 29), date(2028, 12, 31)) == (
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28),
        date(2028, 2, 29),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "build"),
    [
        ("nth", 0, lambda: cm.Cadence.monthly("m", citation=PRACTICE, weekday=0, nth=0)),
        ("nth", 5, lambda: cm.Cadence.monthly("m", citation=PRACTICE, weekday=0, nth=5)),
        ("nth", -5, lambda: cm.Cadence.monthly("m", citation=PRACTICE, weekday=0, nth=-5)),
        ("nth", "1", lambda: cm.Cadence.monthly("m", citation=PRACTICE, weekday=0, nth="1")),
        ("monthday", 0, lambda: cm.Cadence.monthly("m", citation=PRACTICE, monthday=0)),
        ("monthday", 32, lambda: cm.Cadence.monthly("m", citation=PRACTICE, monthday=32)),
        ("monthday", True, lambda: cm.Cadence.monthly("m", citation=PRACTICE, monthday=True)),
        ("monthday", 5, lambda: cm.Cadence("m", PRACTICE, "yearly", monthday=5)),
        ("weekday", 0, lambda: cm.Cadence("m", PRACTICE, "yearly", weekday=0)),
        ("body", 5, lambda: cm.Cadence(5, PRACTICE, "weekly", weekday=0)),
        ("citation", "Art. 26", lambda: cm.Cadence("m", "Art. 26", "weekly", weekday=0)),
    ],
)
def test_cadence_fields_are_validated(field: str, value: object, build: object) -> None:
    with pytest.raises(CommitteeInputError) as info:
        build()  # type: ignore[operator]
    assert info.value.field == field and info.value.value == value


def test_shanghai_by_election_is_allowed_not_ordered() -> None:
    # Shanghai Art. 32: more than half of the seats filled: a by-election may (可以) be held
    c = cm.Committee(ELECTED, 5, 7, SEVEN[:5])
    advice = cm.vacancy_action(c, rules=rules("CN-SH"))
    assert advice.action is cm.VacancyAction.BY_ELECTION
    assert advice.zh == "委员出缺，可以补选" and "may be filled by a by-election" in advice.en
    national = cm.vacancy_action(c, rules=rules("CN"))
    assert national.zh == "委员出缺，应当补选"


def test_english_description_cites_each_event_with_its_confidence() -> None:
    sh = rules("CN-SH")
    c = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=sh)
    line = c.describe().splitlines()[-1]
    assert line == (
        "  2020-06-30 election: 7 members elected for 5 years (Shanghai Residential Property "
        "Management Provisions Art. 20(1) (2010 text) [high confidence])"
    )
    assert "（依据：《上海市住宅物业管理规定》第20条第1款" in c.describe("zh")


def test_a_step_left_out_as_unconfirmed_says_so() -> None:
    national = rules("CN")
    c = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=national)
    notices = {
        n.en.split("'")[1]: n
        for n in cm.reelection_plan(c, rules=national).notices
        if n.code == "step-without-rule"
    }
    report = notices["report"]
    assert "unconfirmed" in report.en and "include_unconfirmed=True" in report.en
    assert "Art. 47" in report.text() and "未经核实" in report.zh
    assert "第47条〔中等可信度" in report.text("zh")
    assert report.citation is not None and not report.citation.confirmed
    posted = notices["result-posted"]
    assert posted.en == ("rule set CN has no rule for the step 'result-posted': no window is given")


@pytest.mark.parametrize(
    ("field", "kw"),
    [
        ("kind", {"kind": 5}),
        ("on", {"on": "2021-01-05"}),
        ("en", {"en": None}),
        ("zh", {"zh": 5}),
        ("citation", {"citation": "Art. 31"}),
        ("notices", {"notices": "late"}),
    ],
)
def test_history_entry_fields_are_validated(field: str, kw: dict[str, object]) -> None:
    values: dict[str, object] = {"kind": "resignation", "on": date(2021, 1, 5), "en": "x",
                                 "zh": "x"}  # fmt: skip
    with pytest.raises(CommitteeInputError) as info:
        cm.HistoryEntry(**{**values, **kw})  # type: ignore[arg-type]
    assert info.value.field == field
