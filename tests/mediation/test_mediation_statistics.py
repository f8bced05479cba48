"""Statistics with declared definitions; case 2's 103 cases; 96.8% of 103."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from mediation_builders import START, reach, terms

from community_governance import mediation as m
from community_governance.audit import Reading, reported_percentage

S = m.CaseState
YEAR = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def register_of_103(agreements: int) -> list[m.MediationCase]:
    """Case 2 (Hongcheng): 103 disputes mediated; ``agreements`` ended in agreement."""
    done = reach(S.PERFORMED)
    failed = reach(S.TERMINATED)
    return [done] * agreements + [failed] * (103 - agreements)


@pytest.mark.parametrize(("agreements", "shown"), [(100, "97.1"), (99, "96.1")])
def test_case_2_register(agreements: int, shown: str) -> None:
    stats = m.mediation_statistics(register_of_103(agreements), **YEAR)
    assert stats.counts["accepted"] == 103
    assert stats.counts["closed_agreement"] == agreements
    assert stats.terminated_by_reason["failed"] == 103 - agreements
    rate = stats.rate("practice_success_rate")
    assert (rate.numerator, rate.denominator) == (agreements, 103)
    assert rate.percent() == Decimal(shown)
    assert rate.percent() != Decimal("96.8")
    assert rate.value == Fraction(agreements, 103)


def test_96_8_percent_of_103_is_impossible() -> None:
    # the mediation register of case 2, checked with the audit's reported-figure check
    check = reported_percentage(103, "96.8")
    assert not check.possible
    assert check.nearest() == (99, 100)
    assert "99/103 = 96.1%" in check.explain()
    assert "100/103 = 97.1%" in check.explain()
    assert "没有任何整数" in check.explain("zh")
    assert not reported_percentage(103, "96.8", readings=(Reading.TRUNCATION,)).possible


def test_reported_rates_from_practice() -> None:
    huangshi = reported_percentage(6368, "97.6")  # 6,217 of 6,368 reported as 97.6%
    assert 6217 in huangshi.rounding
    assert "6217" in huangshi.explain()
    county = reported_percentage(21352, "98.8")  # 21,111 of 21,352: 98.87%, shown cut
    assert 21111 in county.truncation
    assert 21111 not in county.rounding
    assert reported_percentage(7, "100").nearest() == (7, None)


def test_windows_pending_and_not_accepted() -> None:
    cases = [
        reach(S.IN_MEDIATION),
        reach(S.NOT_ACCEPTED),
        reach(S.AGREEMENT_DRAFTED),
        reach(S.IN_PERFORMANCE),
    ]
    stats = m.mediation_statistics(cases, **YEAR)
    assert stats.counts["pending_end"] == 2
    assert stats.counts["not_accepted"] == 1
    assert stats.counts["accepted"] == 3
    assert stats.rate("recommended_success_rate").denominator == 1
    early = m.mediation_statistics(cases, start=date(2025, 1, 1), end=START + timedelta(days=4))
    assert early.counts["pending_end"] == 3  # accepted on day 4 (all three)
    assert early.counts["closed_agreement"] == 0
    assert early.rate("practice_success_rate").percent() == Decimal("0.0")
    none = m.mediation_statistics([], **YEAR)
    assert none.rate("practice_success_rate").value is None
    assert none.rate("practice_success_rate").percent() is None
    assert "—" in none.rate("oral_share").explain()


def test_recommended_rate_with_and_without_withdrawn() -> None:
    withdrawn = m.apply(
        reach(S.IN_MEDIATION), m.make_event("withdraw", START + timedelta(days=9), party="PM")
    )
    cases = [reach(S.PERFORMED), withdrawn]
    default = m.mediation_statistics(cases, **YEAR)
    assert default.rate("recommended_success_rate").denominator == 2
    assert default.counts["withdrawn"] == 1
    mediable = m.mediation_statistics(cases, exclude_withdrawn=True, **YEAR)
    assert mediable.rate("recommended_success_rate").denominator == 1
    assert mediable.excluded_from_recommended == ("party_withdrew", "parallel_proceeding")
    assert "mediable" in mediable.rate("recommended_success_rate").en


def test_performance_confirmation_and_oral_share() -> None:
    oral = m.apply(
        reach(S.IN_MEDIATION),
        m.make_event(
            "reach_oral_agreement",
            START + timedelta(days=9),
            parties=["Li", "PM"],
            terms=terms(START + timedelta(days=10)),
        ),
    )
    confirmed = reach(S.IN_PERFORMANCE)
    on = START + timedelta(days=12)
    confirmed = m.apply(
        confirmed, m.make_event("apply_confirmation", on, parties=["Li", "PM"], body="c")
    )
    confirmed = m.apply(confirmed, m.make_event("court_confirms", on))
    rejected = reach(S.IN_PERFORMANCE)
    rejected = m.apply(
        rejected, m.make_event("apply_confirmation", on, parties=["Li", "PM"], body="c")
    )
    rejected = m.apply(rejected, m.make_event("court_rejects", on, reason="unclear"))
    stats = m.mediation_statistics([oral, confirmed, rejected, reach(S.PERFORMED)], **YEAR)
    assert stats.rate("oral_share").numerator == 1
    assert stats.rate("oral_share").denominator == 4
    uptake = stats.rate("confirmation_uptake")
    assert (uptake.numerator, uptake.denominator) == (2, 3)
    success = stats.rate("confirmation_success")
    assert (success.numerator, success.denominator) == (1, 2)
    performance = stats.rate("performance_rate")
    assert (performance.numerator, performance.denominator) == (1, 4)
    undated = m.apply(
        reach(S.IN_MEDIATION),
        m.make_event(
            "reach_oral_agreement",
            START + timedelta(days=9),
            parties=["Li", "PM"],
            terms=m.AgreementTerms(()),
        ),
    )
    assert m.mediation_statistics([undated], **YEAR).rate("performance_rate").denominator == 0


def test_presentation() -> None:
    stats = m.mediation_statistics([reach(S.PERFORMED), reach(S.REPORTED)], **YEAR)
    assert stats.counts["reported"] == 2
    text = stats.explain()
    assert (
        "accepted: 1 (cases accepted" in text and "practice_success_rate: 1 / 1 = 100.00%" in text
    )
    assert stats.explain("zh").startswith("统计期间")
    assert "<table>" in stats._repr_html_()
    data = stats.to_dict()
    assert data["schema"] == "community_governance.mediation_statistics/1"
    assert data["rates"][0]["name"] == "practice_success_rate"
    with pytest.raises(KeyError, match="practice_success_rate"):
        stats.rate("happiness")
    ended = m.mediation_statistics([reach(S.TERMINATED)], **YEAR)
    assert "  failed: 1" in ended.explain()
