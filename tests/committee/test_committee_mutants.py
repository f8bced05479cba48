"""What the committee engine shows and refuses, pinned whole (found by mutation testing).

Each result's text, HTML and data are compared with ``tests/committee/golden/*.txt``
(``tests/golden.py``); each refusal's message and field are pinned exactly, boundaries on both
sides.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from committee_builders import ELECTED, SEVEN, committee, decision, rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.committee.model import require
from community_governance.exceptions import CommitteeError, CommitteeInputError
from golden import check_golden, render

GOLDEN = Path(__file__).parent / "golden"


def shown(result: Any) -> str:
    """Everything ``result`` shows, with ``describe`` in both languages where it has one."""
    text = render(result)
    if hasattr(result, "describe"):
        text += "".join(f"--- describe({lang})\n{result.describe(lang)}\n" for lang in ("en", "zh"))
    return text


def history_committee() -> cm.Committee:
    """A Shanghai committee after a late first meeting, a resignation and a by-election."""
    sh = rules("CN-SH")
    c = committee()
    c = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 8), "A", ("B",)), rules=sh)
    c = cm.apply_event(c, cm.Resignation(date(2021, 1, 4), "C"), rules=sh)
    passed = decision(on=date(2021, 3, 1))
    return cm.apply_event(c, cm.ByElection(date(2021, 3, 1), ("Q",), passed), rules=sh)


# ------------------------------------------------------------------ model


def test_committee_shows_every_member_alternate_and_event() -> None:
    check_golden(GOLDEN / "committee-history.txt", shown(history_committee()))


def test_a_named_committee_keeps_its_name_in_chinese() -> None:
    c = cm.Committee(ELECTED, 3, 5, ("A", "B"), ("C",), name="Mayflower, 1st committee")
    assert c.describe("zh").splitlines()[0] == (
        "Mayflower, 1st committee：在任委员2名（定额5名），任期3年，2020-06-30至2023-06-30；"
        "候补委员1名"
    )
    assert c.describe().splitlines()[0] == (
        "Mayflower, 1st committee: 2/5 seated, term 3 years from 2020-06-30 to 2023-06-30, "
        "1 alternates, 0 events"
    )


@pytest.mark.parametrize(
    ("role", "en", "zh"),
    [
        (cm.Role.CHAIR, "chair", "主任"),
        (cm.Role.VICE_CHAIR, "vice-chair", "副主任"),
        (cm.Role.MEMBER, "member", "委员"),
    ],
)
def test_role_labels(role: cm.Role, en: str, zh: str) -> None:
    assert (role.label(), role.label("en"), role.label("zh")) == (en, en, zh)


def test_a_float_in_committee_data_is_named_by_its_path() -> None:
    data = committee().to_dict()
    with pytest.raises(cg.exceptions.InvalidDataError) as info:
        cm.Committee.from_dict({**data, "term_years": 5.0})
    assert info.value.field == "Committee.term_years"
    assert str(info.value.message).startswith("Committee.term_years: 5.0 is a float")


def test_loading_leaves_the_data_unchanged_and_names_a_wrong_expiry() -> None:
    data = committee().to_dict()
    before = dict(data)
    assert cm.Committee.from_dict(data) == committee()
    assert data == before  # the stored expiry is read, not popped from the caller's data
    with pytest.raises(cg.exceptions.DerivedFactMismatchError) as info:
        cm.Committee.from_dict({**data, "expires_on": "2026-06-30"})
    assert (info.value.what, info.value.field) == ("Committee", "expires_on")
    assert str(info.value).startswith("Committee: stored expires_on '2026-06-30' disagrees")


def test_member_lookup_names_the_owner() -> None:
    with pytest.raises(CommitteeError) as info:
        committee().member("Z")
    assert (info.value.field, info.value.value) == ("member", "Z")
    assert info.value.message == "'Z' holds no seat on \"owners' committee\""


def test_history_notices_must_be_a_tuple_of_notices() -> None:
    notice = cg.Notice("x", "en", "zh")
    for bad in ([notice], ("x",)):
        with pytest.raises(CommitteeInputError) as info:
            cm.HistoryEntry("election", ELECTED, "en", "zh", notices=bad)  # type: ignore[arg-type]
        assert (info.value.field, info.value.value) == ("notices", bad)
        assert info.value.message == f"notices must be a tuple of Notice, not {bad!r}"
    assert cm.HistoryEntry("election", ELECTED, "en", "zh", notices=(notice,)).notices


@pytest.mark.parametrize(
    ("members", "alternates", "problem"),
    [
        (("A", "A"), (), "an owner is seated or listed twice"),
        (("A", "B"), ("B",), "an owner is seated or listed twice"),
        ((cm.Member("A", cm.Role.CHAIR), cm.Member("B", cm.Role.CHAIR)), (), "more than one chair"),
    ],
)
def test_invalid_committees_name_the_problem_and_the_members(
    members: tuple[Any, ...], alternates: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(CommitteeError) as info:
        cm.Committee(ELECTED, 5, 5, members, alternates)
    owners = tuple(m if isinstance(m, str) else m.owner for m in members)
    assert (info.value.field, info.value.value) == ("members", owners)
    assert info.value.message == f'committee "owners\' committee": {problem}'


def test_elect_committee_names_the_field_of_each_refusal() -> None:
    cases: list[tuple[dict[str, Any], str, object]] = [
        ({"elected_on": date(2020, 6, 30).isoformat()}, "elected_on", "2020-06-30"),
        ({"estate": "estate"}, "estate", "estate"),
    ]
    for change, field, value in cases:
        kw: dict[str, Any] = {
            "elected_on": ELECTED,
            "term_years": 5,
            "rules": rules("CN-SH", ELECTED),
        }
        with pytest.raises(CommitteeInputError) as info:
            cm.elect_committee(SEVEN, **{**kw, **change})
        assert (info.value.field, info.value.value) == (field, value)
    before = rules("CN", date(2009, 12, 31))
    with pytest.raises(CommitteeError) as no_term:
        cm.elect_committee(SEVEN, elected_on=date(2009, 12, 31), term_years=5, rules=before)
    assert (no_term.value.field, no_term.value.value) == ("rules", "CN")
    assert no_term.value.message == "rule set CN on 2009-12-31 has no committee term rule"
    with pytest.raises(cg.exceptions.TermOutOfRangeError) as out:
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=6, rules=rules("CN-SH", ELECTED))
    assert (out.value.field, out.value.value) == ("term_years", 6)


def test_a_rule_set_of_another_day_names_why_it_is_refused() -> None:
    with pytest.raises(cg.exceptions.RuleSetDayMismatchError) as info:
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=rules("CN-BJ"))
    assert (info.value.field, info.value.value) == ("rules", "CN-BJ")
    assert info.value.message == (
        "a committee elected on 2020-06-30 was given the rule set CN-BJ for 2025-03-01: the "
        "term or size rules in force on 2020-06-30 differ; use the rule set in force on the "
        "election day"
    )
    built = cg.RuleSet("CN-SH", date(2025, 3, 1), rules("CN-SH").layers)
    with pytest.raises(cg.exceptions.RuleSetDayMismatchError) as hand:
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=built)
    assert (hand.value.field, hand.value.value) == ("rules", "CN-SH")
    assert hand.value.message == (
        "a committee elected on 2020-06-30 was given the rule set CN-SH for 2025-03-01: a "
        "hand-built rule set cannot be resolved for another day; use the rule set in force on "
        "the election day"
    )


def test_a_size_refusal_lists_every_failed_condition() -> None:
    with pytest.raises(cg.exceptions.CommitteeSizeError) as info:
        cm.elect_committee(
            list("ABCD"), elected_on=ELECTED, term_years=5, rules=rules("CN-SH", ELECTED)
        )
    article = (
        "Shanghai Residential Property Management Provisions Art. 20(1) (2010 text) "
        "[high confidence]"
    )
    assert (info.value.field, info.value.value, info.value.article) == ("full_size", 4, article)
    assert info.value.message == (
        f"a committee of 4 seats and 0 alternates is not allowed: at least 5 members; an odd "
        f"number ({article})"
    )


def test_owner_ids_up_to_200_characters() -> None:
    assert cm.Member("x" * 200).owner == "x" * 200
    with pytest.raises(CommitteeInputError) as info:
        cm.Member("x" * 201)
    assert (info.value.field, info.value.value) == ("owner", "x" * 201)


@pytest.mark.parametrize("field", ["term_years", "full_size"])
def test_whole_numbers_from_1_to_100(field: str) -> None:
    kw = {"term_years": 5, "full_size": 100}
    assert getattr(cm.Committee(ELECTED, **{**kw, field: 100}, members=("A",)), field) == 100
    assert getattr(cm.Committee(ELECTED, **{**kw, field: 1}, members=()), field) == 1
    for bad in (0, 101):
        with pytest.raises(CommitteeInputError) as info:
            cm.Committee(ELECTED, **{**kw, field: bad}, members=())
        assert (info.value.field, info.value.value) == (field, bad)
        assert info.value.message == f"{field} must be a whole number from 1 to 100, not {bad}"


def test_require_names_every_accepted_type() -> None:
    with pytest.raises(CommitteeInputError) as info:
        require("x", (date, int), "day")
    assert info.value.message == "day must be a date or int, not 'x'"


@pytest.mark.parametrize("bad", [{"A"}, None, 7, "AB"])
def test_members_and_alternates_must_be_sequences(bad: object) -> None:
    with pytest.raises(CommitteeInputError) as members:
        cm.Committee(ELECTED, 5, 7, bad)  # type: ignore[arg-type]
    assert (members.value.field, members.value.value) == ("members", bad)
    assert members.value.message == f"members must be a tuple of Member, not {bad!r}"
    with pytest.raises(CommitteeInputError) as alternates:
        cm.Committee(ELECTED, 5, 7, ("A",), bad)  # type: ignore[arg-type]
    assert (alternates.value.field, alternates.value.value) == ("alternates", bad)
    assert alternates.value.message == f"alternates must be a tuple of owner ids, not {bad!r}"


def test_a_member_that_is_not_a_member_is_named() -> None:
    with pytest.raises(CommitteeInputError) as info:
        cm.Committee(ELECTED, 5, 7, ("A", 3))  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("members", 3)
    assert info.value.message == "members: 3 is not a Member"


# ------------------------------------------------------------------ events


def _refusal_cases() -> list[tuple[cm.Committee, object, cg.RuleSet]]:
    sh, hz = rules("CN-SH"), rules("CN-ZJ-HZ")
    c = committee()
    met = cm.apply_event(c, cm.FirstMeeting(date(2020, 7, 7), "A"), rules=sh)
    resigned = cm.apply_event(c, cm.Resignation(date(2021, 1, 4), "A"), rules=sh)
    ok, on = decision(), date(2025, 3, 1)
    absent = tuple(
        cm.MeetingRecord(date(2024, 4 + i, 15), set(SEVEN) - ({"A"} if i < 2 else set()))
        for i in range(6)
    )
    grounds = cg.rules.Param((cm.RemovalGround.ABSENCE,), sh.committee.absence.citation)
    no_absence = hz.with_layer(
        cg.rules.Layer(
            "estate",
            "estate grounds",
            None,
            None,
            topic="estate",
            committee=cm.CommitteeParams(removal_grounds=grounds),
        )
    )
    pledge, absence = cm.RemovalGround.BREACH_OF_PLEDGE, cm.RemovalGround.ABSENCE
    return [
        (c, "resign", sh),
        (c, cm.Resignation(date(2020, 6, 29), "A"), sh),
        (c, cm.Resignation(date(2025, 7, 1), "A"), sh),
        (met, cm.FirstMeeting(date(2020, 7, 9), "C"), sh),
        (c, cm.FirstMeeting(date(2020, 7, 1), "Z"), sh),
        (c, cm.FirstMeeting(date(2020, 7, 1), "A", ("Z",)), sh),
        (c, cm.FirstMeeting(date(2020, 7, 1), "A", ("A",)), sh),
        (c, cm.Removal(on, "A", cm.RemovalGround.NO_LONGER_ELIGIBLE, ok), sh),
        (committee("CN-ZJ-HZ"), cm.Removal(on, "A", absence, ok), no_absence),
        (c, cm.Removal(on, "A", absence, ok, absent), sh),
        (c, cm.Removal(on, "Z", absence, ok, absent), sh),
        (c, cm.Removal(on, "A", pledge, decision(agree=False)), sh),
        (c, cm.Removal(date(2025, 2, 1), "A", pledge, ok), sh),
        (c, cm.AlternateTakesSeat(date(2021, 1, 5)), rules("CN-BJ")),
        (c, cm.ByElection(on, ("Q",), ok), sh),
        (resigned, cm.ByElection(on, ("Q", "R"), ok), sh),
        (resigned, cm.ByElection(on, (), ok), sh),
    ]


def test_every_refused_event_names_its_reason_field_and_value() -> None:
    lines = []
    for c, event, ruleset in _refusal_cases():
        with pytest.raises(cg.exceptions.GovernanceError) as info:
            cm.apply_event(c, event, rules=ruleset)  # type: ignore[arg-type]
        error = info.value
        lines.append(repr((error.message, error.field, error.value, getattr(error, "event", None))))
    check_golden(GOLDEN / "event-refusals.txt", "\n".join(lines) + "\n")


def test_event_fields_are_named_when_refused() -> None:
    with pytest.raises(CommitteeInputError) as one:
        cm.FirstMeeting(date(2020, 7, 1), "A", "B")  # type: ignore[arg-type]
    assert (one.value.field, one.value.value) == ("vice_chairs", "B")
    assert one.value.message == (
        "vice_chairs must be a tuple of owner ids (not one string), not 'B'"
    )
    with pytest.raises(CommitteeInputError) as empty:
        cm.FirstMeeting(date(2020, 7, 1), "")
    assert (empty.value.field, empty.value.value) == ("chair", "")
    assert empty.value.message == (
        "chair must be an owner id (a non-empty string of at most 200 characters), not ''"
    )
    assert cm.Resignation(ELECTED, "x" * 200).member == "x" * 200
    for bad in ("x" * 201, " "):
        with pytest.raises(CommitteeInputError):
            cm.Resignation(ELECTED, bad)
        with pytest.raises(CommitteeInputError):
            cm.ByElection(ELECTED, (bad,), decision())
    assert cm.ByElection(ELECTED, ["x" * 200], decision()).elected == ("x" * 200,)


def test_a_removal_counts_the_handover_on_the_calendar() -> None:
    sh, week = rules("CN-SH"), cg.calendar.WeekendCalendar()
    pledge = cm.RemovalGround.BREACH_OF_PLEDGE
    for day, due in ((date(2025, 3, 5), "2025-03-17"), (date(2025, 3, 4), "2025-03-14")):
        event = cm.Removal(day, "A", pledge, decision())
        after = cm.apply_event(committee(), event, rules=sh, calendar=week)
        assert after.history[-1].notices[-1].en == f"A hands over records by {due}"


def test_an_alternate_stepping_in_is_shown_with_its_article() -> None:
    bj = rules("CN-BJ")
    c = cm.apply_event(committee("CN-BJ"), cm.Resignation(date(2021, 1, 4), "A"), rules=bj)
    filled = cm.apply_event(c, cm.AlternateTakesSeat(date(2021, 1, 5)), rules=bj)
    check_golden(GOLDEN / "committee-alternate.txt", shown(filled))


def test_a_first_meeting_deadline_on_a_saturday_moves_to_monday() -> None:
    sh, week = rules("CN-SH"), cg.calendar.WeekendCalendar()
    c = cm.elect_committee(SEVEN, elected_on=date(2025, 3, 1), term_years=5, rules=sh)
    on_time = cm.apply_event(c, cm.FirstMeeting(date(2025, 3, 10), "A"), rules=sh, calendar=week)
    entry = on_time.history[-1]
    assert (entry.en, entry.zh, entry.notices) == (
        "chair A, vice-chairs none",
        "推选主任A，未设副主任",
        (),
    )
    late = cm.apply_event(c, cm.FirstMeeting(date(2025, 3, 11), "A"), rules=sh, calendar=week)
    assert [n.en for n in late.history[-1].notices] == ["held after the last lawful day 2025-03-10"]


def test_a_by_election_of_two_lists_both() -> None:
    c = cm.Committee(ELECTED, 5, 7, SEVEN[:5])
    passed = decision(on=date(2021, 3, 1))
    event = cm.ByElection(date(2021, 3, 1), ("Q", "R"), passed)
    after = cm.apply_event(c, event, rules=rules("CN-SH"))
    assert str(after.history[-1]) == "2021-03-01 by-election: by-election of Q, R"
    assert [m.owner for m in after.members] == [*SEVEN[:5], "Q", "R"]
