"""The details the mutation run found unpinned in `decide`: the value each argument error
carries, and the bound of twenty persons named in the partial-ballots notice."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.exceptions import FrozenMatterError, UnknownUnitError, VotingInputError
from community_governance.voting.checks import CheckRole, check

ON = date(2024, 5, 1)
CN = cg.rules_for("CN", on=ON)
SCOPED = "use-maintenance-fund"  # a matter the owners concerned may decide within a scope


def _estate(persons: int) -> cg.Estate:
    rows = [
        {"unit": f"{p}-{u}", "area": "10", "owners": [f"P{p:02d}"]}
        for p in range(persons)
        for u in (1, 2)
    ]
    return cg.Estate.from_records(rows)


@pytest.mark.parametrize("field", ["estate", "rules", "opened", "ballots"])
def test_each_argument_error_carries_the_value_given(field: str) -> None:
    bad: dict[str, object] = {
        "estate": "not an estate",
        "rules": "CN",
        "opened": datetime(2024, 4, 1, 9, 0),
        "ballots": "1-1 agree",
    }
    arguments: dict[str, object] = {"estate": _estate(1), "rules": CN, "opened": None}
    arguments["ballots"] = []
    arguments[field] = bad[field]
    with pytest.raises(VotingInputError) as caught:
        cg.decide(
            arguments["estate"],  # type: ignore[arg-type]
            arguments["ballots"],  # type: ignore[arg-type]
            matter="elect-committee",
            rules=arguments["rules"],  # type: ignore[arg-type]
            opened=arguments["opened"],  # type: ignore[arg-type]
        )
    assert caught.value.field == field
    assert caught.value.value is bad[field]


@pytest.mark.parametrize(("persons", "more"), [(20, None), (21, "… 1 more"), (22, "… 2 more")])
def test_partial_ballots_notice_names_twenty_persons_then_counts_the_rest(
    persons: int, more: str | None
) -> None:
    estate = _estate(persons)
    ballots = [cg.Ballot(f"{p}-1", "agree") for p in range(persons)]  # one of two units each
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=CN)
    (notice,) = [n for n in decision.notices if n.code == "partial-person-ballots"]
    named = [f"P{p:02d}" for p in range(20)]
    for name in named:
        assert name in notice.en
    assert f"P{20:02d}" not in notice.en
    if more is None:
        assert "more" not in notice.en
    else:
        assert more in notice.en


# ------------------------------------------------ mutation run of December 2026, second pass


def _two_buildings() -> cg.Estate:
    """Building 1: A and B alone; building 2: C alone and C with D (an overlap in 2 only)."""
    return cg.Estate.from_records(
        [
            {"unit": "1-1", "area": "10", "owners": ["A"]},
            {"unit": "1-2", "area": "10", "owners": ["B"]},
            {"unit": "2-1", "area": "10", "owners": ["C"]},
            {"unit": "2-2", "area": "10", "owners": ["C", "D"]},
        ]
    )


def _building(estate: cg.Estate, building: str) -> list[str]:
    return [u.id for u in estate.units if u.building == building]


def test_a_scoped_decision_carries_the_register_notices_of_its_scope_only() -> None:
    estate = _two_buildings()
    whole = cg.decide(estate, [], matter=SCOPED, rules=CN)
    assert [n.code for n in whole.notices] == ["overlapping-owner-sets"]
    one = cg.decide(estate, [], matter=SCOPED, rules=CN, scope=_building(estate, "1"))
    assert "overlapping-owner-sets" not in {n.code for n in one.notices}
    two = cg.decide(estate, [], matter=SCOPED, rules=CN, scope=_building(estate, "2"))
    assert "overlapping-owner-sets" in {n.code for n in two.notices}


def test_a_scoped_decision_refuses_a_ballot_for_a_unit_outside_the_scope() -> None:
    estate = _two_buildings()
    scope = _building(estate, "1")
    inside = cg.decide(estate, [cg.Ballot("1-1", "agree")], matter=SCOPED, rules=CN, scope=scope)
    assert inside.tally.agree.heads == 1 and inside.tally.total.heads == 2
    with pytest.raises(UnknownUnitError) as caught:
        cg.decide(estate, [cg.Ballot("2-1", "agree")], matter=SCOPED, rules=CN, scope=scope)
    assert caught.value.unit == "2-1"
    assert "not in the scope" in str(caught.value)


def test_ballots_from_a_generator_are_counted_and_a_bad_item_in_it_is_named() -> None:
    estate = _estate(2)
    counted = cg.decide(
        estate,
        (cg.Ballot(f"{p}-{u}", "agree") for p in range(2) for u in (1, 2)),
        matter="elect-committee",
        rules=CN,
    )
    assert counted.tally.agree.heads == 2
    bad = ("1-1 agree",)
    with pytest.raises(VotingInputError) as caught:
        cg.decide(
            estate,
            (b for b in [cg.Ballot("0-1", "agree"), *bad]),  # type: ignore[misc]
            matter="elect-committee",
            rules=CN,
        )
    assert caught.value.field == "ballots" and caught.value.value == "1-1 agree"


def test_only_the_looser_than_national_notice_of_the_matter_decided_is_kept() -> None:
    # Shanghai's 2020 text beside the Property Rights Law: every matter flagged in the rule set
    rules = cg.rules_for("CN-SH", on=date(2020, 12, 30))
    flagged = [n for n in rules.notices if n.code == "local-looser-than-national"]
    assert len(flagged) > 1
    for matter in (cg.Matter.RAISE_MAINTENANCE_FUND, cg.Matter.ELECT_COMMITTEE):
        decision = cg.decide(_estate(2), [], matter=matter, rules=rules)
        (kept,) = [n for n in decision.notices if n.code == "local-looser-than-national"]
        assert kept.en.startswith(f"for {matter.label()}, ")


WINDOW = cg.committee.FreezeWindow(date(2025, 3, 10), date(2025, 6, 20))
MANAGER = cg.Matter.HIRE_OR_DISMISS_MANAGER  # frozen in Shanghai while the committee is re-elected


def _sh_decide(closed: date, **options: object) -> cg.Decision:
    estate = _estate(2)
    ballots = [cg.Ballot(f"{p}-{u}", "agree") for p in range(2) for u in (1, 2)]
    rules = cg.rules_for("CN-SH", on=closed)
    return cg.decide(estate, ballots, matter=MANAGER, rules=rules, **options)  # type: ignore[arg-type]


def test_a_declared_freeze_window_is_applied_and_no_running_reelection_needs_no_notice() -> None:
    with pytest.raises(FrozenMatterError):
        _sh_decide(date(2025, 3, 10), freeze=WINDOW)
    assert "freeze-not-declared" not in {
        n.code for n in _sh_decide(date(2025, 3, 9), freeze=WINDOW).notices
    }
    declared_none = _sh_decide(date(2025, 4, 1), freeze=cg.committee.FreezeWindow(None))
    assert declared_none.passed
    assert "freeze-not-declared" not in {n.code for n in declared_none.notices}
    undeclared = _sh_decide(date(2025, 4, 1))
    assert "freeze-not-declared" in {n.code for n in undeclared.notices}


def test_a_vote_opened_on_the_last_frozen_day_and_closed_after_is_refused() -> None:
    with pytest.raises(FrozenMatterError):
        _sh_decide(date(2025, 6, 25), opened=date(2025, 6, 20), freeze=WINDOW)
    after = _sh_decide(date(2025, 6, 25), opened=date(2025, 6, 21), freeze=WINDOW)
    assert after.passed


def test_check_counts_heads_unscaled_by_default() -> None:
    # a public helper: without a scale the figures are heads, 3 of 4 persons
    half = cg.Threshold(
        cg.Measure.HEADS,
        cg.Base.ALL,
        cg.Comparator.MORE_THAN,
        Fraction(1, 2),
        cg.Citation("civil_code", "278(2)"),
    )
    met = check(CheckRole.APPROVAL, half, 3, 4)
    assert (met.numerator, met.denominator, met.passed) == (3, 4, True)
    assert str(met).startswith("met: approval by heads 3 of 4 persons (75.00%)")
    tie = check(CheckRole.APPROVAL, half, 2, 4)
    assert (tie.numerator, tie.denominator, tie.passed) == (2, 4, False)


def test_an_area_margin_shows_two_decimals_and_a_head_margin_none() -> None:
    # four flats of 100 m², three agree: the area margin is a whole number of m²
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "100", "owners": [f"O{n}"]} for n in range(4)]
    )
    ballots = [cg.Ballot(f"1-{n}", "oppose" if n == 3 else "agree") for n in range(4)]
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=CN)
    approval = {c.threshold.measure: c for c in decision.checks if c.role is CheckRole.APPROVAL}
    area, heads = approval[cg.Measure.AREA], approval[cg.Measure.HEADS]
    assert str(area).endswith("margin +100.00")
    assert "<td>+100.00</td>" in area._repr_html_()
    assert str(heads).endswith("margin +0")  # 3 persons needed, 3 agree
    assert "<td>+0</td>" in heads._repr_html_()


def test_a_frozen_matter_is_refused_naming_matter_day_window_and_article() -> None:
    with pytest.raises(FrozenMatterError) as caught:
        _sh_decide(date(2025, 4, 1), freeze=WINDOW)
    error = caught.value
    assert str(error).startswith(
        "hire-or-dismiss-manager may not be decided on 2025-04-01: frozen from 2025-03-10 until "
        "2025-06-20 while the committee is re-elected (Shanghai Residential Property Management "
        "Provisions Art. 28"
    )
    assert (error.field, error.value, error.matter) == ("matter", MANAGER.value, MANAGER.value)
    assert (error.on, error.window) == (date(2025, 4, 1), (date(2025, 3, 10), date(2025, 6, 20)))


@pytest.mark.parametrize("freeze", ["2025-03-10", (date(2025, 3, 10), None)])
def test_a_freeze_that_is_not_a_window_is_refused(freeze: object) -> None:
    with pytest.raises(VotingInputError) as caught:
        _sh_decide(date(2025, 4, 1), freeze=freeze)
    assert str(caught.value).startswith(
        "decide: freeze must be a FreezeWindow (from committee.frozen_window) or None, "
        f"not {freeze!r}"
    )
    assert (caught.value.field, caught.value.value) == ("freeze", freeze)
