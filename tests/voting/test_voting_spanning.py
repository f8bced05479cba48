"""Votes that span a change of rules, and the estate's notebook view."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg


@pytest.fixture
def estate() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Li", "Wang"]},
        ],
        name="Demo <estate>",
    )


def _decide(estate: cg.Estate, closes: date, opened: date) -> cg.Decision:
    rules = cg.rules_for("CN", on=closes)
    ballots = [cg.Ballot("1-101", "agree"), cg.Ballot("1-102", "agree")]
    return cg.decide(estate, ballots, matter="use-maintenance-fund", rules=rules, opened=opened)


def test_vote_spanning_2021_is_flagged_and_keyed_on_the_closing_day(estate: cg.Estate) -> None:
    decision = _decide(estate, date(2021, 1, 5), date(2020, 12, 31))
    spanning = [n for n in decision.notices if n.code == "vote-spans-rule-change"]
    assert len(spanning) == 1
    assert "Property Rights Law" in spanning[0].en and "Civil Code" in spanning[0].en
    assert "2020-12-31" in spanning[0].zh
    assert decision.rule_layer == "CN: Civil Code Art. 278 (2021)"


def test_vote_within_one_regime_is_not_flagged(estate: cg.Estate) -> None:
    decision = _decide(estate, date(2021, 1, 5), date(2021, 1, 1))
    assert not [n for n in decision.notices if n.code == "vote-spans-rule-change"]


def test_vote_opened_before_any_confirmed_rules(estate: cg.Estate) -> None:
    decision = _decide(estate, date(2007, 10, 1), date(2007, 9, 30))
    spanning = [n for n in decision.notices if n.code == "vote-spans-rule-change"]
    assert "none in force" in spanning[0].en


def test_vote_opened_after_it_closed_is_refused(estate: cg.Estate) -> None:
    with pytest.raises(cg.exceptions.VotingArgumentError, match="2021-01-06"):
        _decide(estate, date(2021, 1, 5), date(2021, 1, 6))


def test_estate_layer_does_not_count_as_a_rule_change(estate: cg.Estate) -> None:
    rules = cg.rules_for("CN", on=date(2021, 1, 5)).with_layer(
        cg.jurisdictions.estate_layer("own rules", params={}, clause="Art. 1")
    )
    ballots = [cg.Ballot("1-101", "agree")]
    decision = cg.decide(
        estate, ballots, matter="use-maintenance-fund", rules=rules, opened=date(2021, 1, 2)
    )
    assert not [n for n in decision.notices if n.code == "vote-spans-rule-change"]


def test_estate_html_lists_persons_and_overlaps_escaped(estate: cg.Estate) -> None:
    html = estate._repr_html_()
    assert "Demo &lt;estate&gt;" in html
    assert "Li+Wang" in html and "co-owned" in html
    assert "distinct owner sets" in html


def test_partial_person_notice_lists_twenty_and_counts_the_rest() -> None:
    rows = [
        {"unit": f"{owner}-{flat}", "area": "50", "owners": [f"o{owner:02d}"]}
        for owner in range(25)
        for flat in range(2)
    ]
    estate = cg.Estate.from_records(rows)
    ballots = [cg.Ballot(f"{owner}-0", "agree") for owner in range(25)]
    rules = cg.rules_for("CN", on=date(2025, 3, 1))
    decision = cg.decide(estate, ballots, matter="use-maintenance-fund", rules=rules)
    (notice,) = [n for n in decision.notices if n.code == "partial-person-ballots"]
    assert "o00" in notice.en
    assert "o19" in notice.en
    assert "o20" not in notice.en
    assert "… 5 more" in notice.en
    reordered = cg.decide(estate, ballots[::-1], matter="use-maintenance-fund", rules=rules)
    assert reordered.notices == decision.notices
