"""The committee vocabulary refuses wrong types and empty values with the field named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.exceptions import InvalidParameterError, ParameterTypeError
from community_governance.rules.committee import (
    AbsenceRule,
    CadenceRule,
    Direction,
    FreezeRule,
    FreezeWindow,
    InactivityRule,
    PostingKind,
    PostingRule,
    Seat,
    Step,
    StepRule,
    TemporaryCommitteeRule,
    VacancyRule,
)
from community_governance.rules.matters import Matter
from community_governance.rules.periods import Period

C = cg.Citation("civil_code", "278(1)")
DAYS = Period(days=10)
MATTERS = (Matter.OTHER_MAJOR_MATTER,)


def temporary(**kw: object) -> TemporaryCommitteeRule:
    values: dict[str, object] = {
        "min_size": 7, "odd": True, "owners_at_least": Fraction(1, 2), "max_term_years": 3,
        "decision_posting": Period(working_days=10), "dissolve_within": Period(days=30),
        "citation": C,
    }  # fmt: skip
    return TemporaryCommitteeRule(**{**values, **kw})  # type: ignore[arg-type]


WRONG_TYPES: list[tuple[str, object, Callable[[], object]]] = [
    ("step", "vote", lambda: StepRule("vote", Step.EXPIRY, Direction.BY, None, C)),  # type: ignore[arg-type]
    ("anchor", "expiry", lambda: StepRule(Step.VOTE, "expiry", Direction.BY, None, C)),  # type: ignore[arg-type]
    ("direction", "by", lambda: StepRule(Step.VOTE, Step.EXPIRY, "by", None, C)),  # type: ignore[arg-type]
    ("period", 10, lambda: StepRule(Step.VOTE, Step.EXPIRY, Direction.WITHIN, 10, C)),  # type: ignore[arg-type]
    ("at_share_too", "yes", lambda: VacancyRule(Fraction(1, 2), C, at_share_too="yes")),  # type: ignore[arg-type]
    ("period", 6, lambda: InactivityRule(6, C)),  # type: ignore[arg-type]
    ("window", 1, lambda: AbsenceRule(C, Fraction(1, 2), 1)),  # type: ignore[arg-type]
    ("count_excused", "no", lambda: AbsenceRule(C, consecutive=3, count_excused="no")),  # type: ignore[arg-type]
    ("every", 2, lambda: CadenceRule(2, C)),  # type: ignore[arg-type]
    ("body", 5, lambda: CadenceRule(DAYS, C, body=5)),  # type: ignore[arg-type]
    ("what", 5, lambda: PostingRule(5, PostingKind.LEAD, DAYS, C)),  # type: ignore[arg-type]
    ("kind", "lead", lambda: PostingRule("notice", "lead", DAYS, C)),  # type: ignore[arg-type]
    ("period", 3, lambda: PostingRule("notice", PostingKind.LEAD, 3, C)),  # type: ignore[arg-type]
    ("starts", "group-formed", lambda: FreezeRule(MATTERS, C, starts="group-formed")),  # type: ignore[arg-type]
    ("ends", "vote", lambda: FreezeRule(MATTERS, C, ends="vote")),  # type: ignore[arg-type]
    ("odd", "yes", lambda: temporary(odd="yes")),
    ("decision_posting", 10, lambda: temporary(decision_posting=10)),
    ("dissolve_within", 30, lambda: temporary(dissolve_within=30)),
    ("chair_seat", "owner", lambda: temporary(chair_seat="owner")),
    ("vice_chair_seat", "owner", lambda: temporary(vice_chair_seat="owner")),
    ("grounds", "abc", lambda: temporary(grounds="abc")),
    ("grounds", (1,), lambda: temporary(grounds=(1,))),
]


@pytest.mark.parametrize(("field", "value", "build"), WRONG_TYPES)
def test_wrong_types_are_refused_naming_the_field(
    field: str, value: object, build: Callable[[], object]
) -> None:
    with pytest.raises(ParameterTypeError) as info:
        build()
    assert (info.value.param, info.value.value) == (field, value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, InvalidParameterError)


@pytest.mark.parametrize(
    ("field", "build"),
    [
        ("what", lambda: PostingRule(" ", PostingKind.LEAD, DAYS, C)),
        ("body", lambda: CadenceRule(DAYS, C, body="")),
        ("consecutive", lambda: AbsenceRule(C, consecutive=0)),
        ("min_size", lambda: temporary(min_size=0)),
        ("max_term_years", lambda: temporary(max_term_years=0)),
    ],
)
def test_empty_values_are_refused(field: str, build: Callable[[], object]) -> None:
    with pytest.raises(InvalidParameterError) as info:
        build()
    assert info.value.param == field


def test_good_values_still_build() -> None:
    assert AbsenceRule(C, consecutive=1).consecutive == 1
    rule = temporary(chair_seat=Seat.RESIDENTS_COMMITTEE, grounds=("no assembly",))
    assert rule.min_size == 7 and rule.grounds == ("no assembly",)
    assert FreezeRule(MATTERS, C, starts=Step.GROUP_FORMED, ends=Step.VOTE).ends is Step.VOTE


def test_freeze_window_covers_checks_its_days() -> None:
    window = FreezeWindow(date(2025, 3, 1), date(2025, 6, 30))
    assert window.covers(date(2025, 2, 1), date(2025, 3, 1))
    assert not window.covers(date(2025, 7, 1), date(2025, 7, 2))
    with pytest.raises(ParameterTypeError) as info:
        window.covers("2025-03-01", date(2025, 4, 1))  # type: ignore[arg-type]
    assert info.value.param == "first"
    with pytest.raises(InvalidParameterError, match="last") as reversed_days:
        window.covers(date(2025, 7, 5), date(2025, 2, 1))
    assert reversed_days.value.param == "last"


def test_an_absence_window_in_working_days_is_refused() -> None:
    # absence_counts counts the window back in calendar time; a window of working days
    # counted no meeting at all and never triggered
    with pytest.raises(InvalidParameterError, match="working days") as info:
        AbsenceRule(C, Fraction(1, 2), Period(working_days=20))
    assert info.value.param == "window"
    assert AbsenceRule(C, Fraction(1, 2), Period(days=30)).window == Period(days=30)
