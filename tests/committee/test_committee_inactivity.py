"""Shanghai Art. 32: a committee inactive for six consecutive months is re-elected early."""

from __future__ import annotations

from datetime import date

import pytest
from committee_builders import rules

from community_governance import committee as cm
from community_governance.exceptions import (
    CommitteeError,
    CommitteeInputError,
    InvalidParameterError,
)
from community_governance.rules import Citation, Period

SINCE = date(2024, 6, 30)


def check(worked: list[date], on: date) -> cm.InactivityCheck:
    return cm.inactivity_check(worked, since=SINCE, on=on, rules=rules("CN-SH", on))


def test_the_rule_is_cited_data() -> None:
    param = rules("CN-SH").committee.inactivity
    assert param is not None
    assert param.value.period == Period(months=6)
    assert "Art. 32" in param.citation.format()
    assert rules("CN").committee.inactivity is None
    assert rules("CN-BJ").committee.inactivity is None


def test_both_sides_of_six_months_across_a_month_end() -> None:
    worked = [date(2024, 8, 31)]  # six months end on 2025-02-28 (Art. 202: clipped)
    last_day = check(worked, date(2025, 2, 28))
    assert not last_day.inactive and last_day.period_ends == date(2025, 2, 28)
    day_after = check(worked, date(2025, 3, 1))
    assert day_after.inactive and day_after.last_work == date(2024, 8, 31)
    assert str(day_after).startswith("INACTIVE: ") and "Art. 32" in str(day_after)
    assert repr(day_after).startswith("<InactivityCheck INACTIVE on 2025-03-01")
    assert "应当提前换届" in day_after.explain("zh")
    assert "ACTIVE" in last_day._repr_html_() and "仍未开展工作" in last_day.explain("zh")
    assert str(last_day).startswith("ACTIVE: ")


def test_a_leap_day_and_work_on_the_last_day() -> None:
    leap = cm.inactivity_check(
        [date(2023, 8, 31)], since=date(2023, 6, 1), on=date(2024, 3, 1), rules=rules("CN-SH")
    )
    assert leap.period_ends == date(2024, 2, 29) and leap.inactive
    # work on the period's last day breaks the run
    assert not check([date(2024, 8, 31), date(2025, 2, 28)], date(2025, 3, 1)).inactive


def test_an_earlier_run_stays_reported() -> None:
    found = check([date(2024, 7, 1), date(2025, 3, 1)], date(2025, 4, 1))
    assert found.inactive and found.last_work == date(2024, 7, 1)
    assert found.period_ends == date(2025, 1, 1)


def test_the_run_from_taking_office_and_ignored_days() -> None:
    assert check([], date(2024, 12, 31)).period_ends == date(2024, 12, 30)
    assert check([], date(2024, 12, 31)).inactive
    assert not check([], date(2024, 12, 30)).inactive
    # a day before taking office or after ``on`` is ignored
    assert check([date(2024, 1, 1), date(2026, 1, 1)], date(2024, 12, 31)).inactive


def test_bad_inputs() -> None:
    sh = rules("CN-SH")
    with pytest.raises(CommitteeInputError, match="before since"):
        cm.inactivity_check([], since=SINCE, on=date(2024, 6, 29), rules=sh)
    with pytest.raises(CommitteeInputError, match="worked"):
        cm.inactivity_check("2024-07-01", since=SINCE, on=date(2025, 1, 1), rules=sh)  # type: ignore[arg-type]
    with pytest.raises(CommitteeInputError, match="worked"):
        cm.inactivity_check(["2024-07-01"], since=SINCE, on=date(2025, 1, 1), rules=sh)  # type: ignore[list-item]
    with pytest.raises(CommitteeInputError, match="since"):
        cm.inactivity_check([], since="2024-06-30", on=date(2025, 1, 1), rules=sh)  # type: ignore[arg-type]
    with pytest.raises(CommitteeError, match="CN-BJ"):
        cm.inactivity_check([], since=SINCE, on=date(2025, 1, 1), rules=rules("CN-BJ"))
    cite = Citation("shanghai_residential_pm_provisions", "32")
    with pytest.raises(TypeError):
        cm.InactivityRule(6, cite)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError):
        cm.InactivityRule(Period(months=6), "Art. 32")  # type: ignore[arg-type]
