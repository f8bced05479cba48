"""Review of the committee lifecycle as a new user: values refused, texts in Chinese."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from committee_builders import ELECTED, SEVEN, rules

from community_governance import committee as cm
from community_governance.exceptions import CommitteeInputError


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
