"""Scenarios the third mutation pass of the election engine called for.

The base figures under each spoiled-ballot policy (heads and area), a candidate's own line and
table, and the Hong Kong size bands: the top band's words, flats counted with shops, the
refusal without a count.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import ElectionBallot, check_committee_size, elect
from community_governance.elections._decide import bases
from community_governance.jurisdictions import hk
from community_governance.rules import SpoiledPolicy
from community_governance.rules.params import Param, VotingParams
from community_governance.voting.checks import Figures

CN = cg.rules_for("CN", on=date(2024, 5, 1))


def figures(heads: int, area: str) -> Figures:
    return Figures(heads, Decimal(area))


def test_the_bases_under_each_spoiled_ballot_policy() -> None:
    total, taking_part, spoiled = figures(10, "1000"), figures(3, "300"), figures(1, "50")
    excluded = bases(total, taking_part, spoiled, SpoiledPolicy.EXCLUDED)
    assert excluded[cg.Base.ATTENDING] == figures(4, "350")  # every returned ballot
    assert excluded[cg.Base.CAST] == taking_part
    counted = bases(total, taking_part, spoiled, SpoiledPolicy.PARTICIPATING)
    assert counted[cg.Base.ATTENDING] == taking_part
    assert counted[cg.Base.CAST] == figures(2, "250")
    assert counted[cg.Base.ALL] == total and counted[cg.Base.PARTICIPATING] == taking_part


def test_a_candidate_s_line_and_table() -> None:
    estate = cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": "10", "owners": [f"o{i}"]} for i in range(4)]
    )
    ballots = [ElectionBallot(f"1-{i}", ["A"] if i < 3 else ["B"]) for i in range(4)]
    result = elect(estate, ballots, candidates=["A", "B"], seats=1, rules=CN)
    first, second = result.candidates
    assert str(first) == "elected #1: A — 3 persons, 30.00 m²"
    assert str(second) == "failed: B — 1 person, 10.00 m²"  # no rank without a place
    html = first._repr_html_()
    assert html.startswith(
        '<div class="community-governance"><table><caption>elected #1: A — 3 persons, '
        "30.00 m²</caption><thead><tr><th>check</th></tr></thead><tbody><tr><td>"
    )
    assert html.count("<tr>") == 1 + len(first.checks)
    assert first.checks[0].line() in html.replace("&#x27;", "'")
    assert first.explain() == first.explain("en") and "\n" in first.explain()
    assert first.explain().splitlines()[0] == "A: #1 elected — approved by 3 persons, 30.00 m²"


HK = cg.rules_for("HK", on=date(2025, 8, 1))


def test_the_top_size_band_reads_more_than_its_lower_bound_less_one() -> None:
    checked = check_committee_size(9, HK, alternates=2, flats=101)
    assert (checked.size, checked.alternates, checked.allowed) == (9, 2, True)
    ok, notice = checked.reasons[0]
    assert ok
    assert notice.en == "at least 9 members for more than 100 flats (101 flats)"
    assert notice.citation == hk.HK_COMMITTEE_SIZES.bands[-1].citation


def test_flats_counted_from_the_register_include_shops() -> None:
    # Sch. 2 counts flats, every unit but parking: 50 homes and 60 shops are 110 flats
    rows = [{"unit": f"A-{n}", "area": "50", "owners": [f"o{n}"]} for n in range(50)]
    rows += [
        {"unit": f"S-{n}", "area": "30", "owners": [f"s{n}"], "use": "commercial"}
        for n in range(60)
    ]
    checked = check_committee_size(3, HK, estate=cg.Estate.from_records(rows))
    assert not checked.allowed and "(110 flats)" in checked.reasons[0][1].en


def test_a_size_band_without_a_count_says_what_to_give() -> None:
    with pytest.raises(cg.exceptions.BodyError) as info:
        check_committee_size(3, HK)
    assert info.value.message == (
        "the committee size depends on the estate's flats (size bands): give flats= or estate="
    )


def test_the_unconfirmed_band_is_said_not_applied_with_its_article() -> None:
    checked = check_committee_size(3, HK, flats=60)
    ok, notice = checked.reasons[0]
    assert ok and notice.code == "size-band-unconfirmed"
    assert notice.citation == hk.HK_COMMITTEE_SIZES.bands[1].citation


CIVIL = cg.Citation("civil_code", "278(2)")


def _spoiled_rules(policy: SpoiledPolicy) -> cg.RuleSet:
    layer = cg.rules.Layer(
        "T",
        "spoiled ballots",
        None,
        None,
        voting=VotingParams(spoiled_ballots=Param(policy, CIVIL)),
    )
    return cg.RuleSet("T", date(2024, 5, 1), (layer,))


@pytest.mark.parametrize(
    "policy", [SpoiledPolicy.PARTICIPATING, SpoiledPolicy.EXCLUDED], ids=["in", "out"]
)
def test_the_bases_of_an_election_with_a_spoiled_ballot(policy: SpoiledPolicy) -> None:
    # 10, 20 m² approve A; the 30 m² ballot is spoiled: cast 2 persons and 30 m², attending 3
    # persons and 60 m², under either policy
    estate = cg.Estate.from_records(
        [
            {"unit": f"1-{i}", "area": a, "owners": [f"o{i}"]}
            for i, a in enumerate(["10", "20", "30", "40"])
        ]
    )
    tests = tuple(
        cg.Threshold(measure, base, cg.Comparator.MORE_THAN, Fraction(1, 2), CIVIL)
        for base in (cg.Base.CAST, cg.Base.ATTENDING)
        for measure in cg.Measure
    )
    rule = cg.ResolutionRule((), tests, CIVIL)
    ballots = [ElectionBallot("1-0", ["A"]), ElectionBallot("1-1", ["A"])]
    ballots.append(ElectionBallot("1-2", [], spoiled=True))
    result = elect(
        estate,
        ballots,
        candidates=["A"],
        seats=1,
        rules=_spoiled_rules(policy),
        options=cg.elections.ElectOptions(rule=rule),
    )
    (candidate,) = result.candidates
    bases_by_test = {
        (c.threshold.base, c.threshold.measure): c.denominator for c in candidate.checks
    }
    assert bases_by_test == {
        (cg.Base.CAST, cg.Measure.HEADS): 2,
        (cg.Base.CAST, cg.Measure.AREA): 30,
        (cg.Base.ATTENDING, cg.Measure.HEADS): 3,
        (cg.Base.ATTENDING, cg.Measure.AREA): 60,
    }
