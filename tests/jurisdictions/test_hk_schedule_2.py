"""Building Management Ordinance (Hong Kong) Cap. 344 Sch. 2: committee sizes and quorum."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import check_committee_size
from community_governance.jurisdictions import hk
from community_governance.rules.bodies import MeetingQuorum, SizeBand, SizeBands, SizeCount
from community_governance.rules.params import ElectionParams, Param

E = cg.exceptions
SIZES = hk.HK_COMMITTEE_SIZES


@pytest.mark.parametrize(("flats", "minimum"), [(1, 3), (50, 3), (101, 9), (5000, 9)])
def test_confirmed_bands_on_both_sides(flats: int, minimum: int) -> None:
    band = SIZES.band(flats)
    assert band is not None and band.minimum == minimum and band.citation.confirmed


@pytest.mark.parametrize("flats", [51, 100])
def test_the_51_to_100_band_stays_unconfirmed(flats: int) -> None:
    assert SIZES.band(flats) is None  # a gap, never a guess
    band = SIZES.band(flats, include_unconfirmed=True)
    assert band is not None and band.minimum == 7
    assert band.citation.confidence is cg.Confidence.MEDIUM


@pytest.mark.parametrize(("members", "quorum"), [(3, 3), (5, 3), (6, 3), (7, 4), (9, 5)])
def test_committee_meeting_quorum_half_or_three(members: int, quorum: int) -> None:
    assert hk.HK_COMMITTEE_QUORUM.required(members) == quorum


def test_schedule_2_values_are_checked() -> None:
    cite = hk.HK_COMMITTEE_QUORUM.citation
    assert cite.instrument == "hk_bmo" and cite.article == "Sch. 2"
    for bad in (0, True, "3"):
        with pytest.raises(E.InvalidRuleError) as info:
            SIZES.band(bad)  # type: ignore[arg-type]
        assert info.value.field == "flats"
        with pytest.raises(E.InvalidRuleError) as info:
            hk.HK_COMMITTEE_QUORUM.required(bad)  # type: ignore[arg-type]
        assert info.value.field == "members"
    with pytest.raises(E.InvalidRuleError) as info:
        SizeBand(None, 0, cite)
    assert info.value.field == "minimum"
    with pytest.raises(E.InvalidRuleError) as info:
        SizeBand(0, 3, cite)
    assert info.value.field == "up_to"
    for bands in ((), (SizeBand(50, 3, cite),), (SizeBand(None, 3, cite), SizeBand(50, 3, cite))):
        with pytest.raises(E.InvalidRuleError, match="increasing"):
            SizeBands(bands)
    with pytest.raises(E.InvalidRuleError):
        SizeBands((SizeBand(50, 3, cite), SizeBand(50, 5, cite), SizeBand(None, 9, cite)))
    with pytest.raises(E.InvalidRuleError):
        SizeBands(("x",))  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError):
        SizeBands("x")  # type: ignore[arg-type]
    with pytest.raises(E.GovernanceError):
        MeetingQuorum(0.5, 3, cite)  # type: ignore[arg-type]  # floats refused
    assert MeetingQuorum("1/2", 3, cite) == hk.HK_COMMITTEE_QUORUM  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError):
        MeetingQuorum(Fraction(1, 2), 0, cite)


# --- Sch. 2 para. 1 in the elections engine ----------------------------------------------

HK = cg.rules_for("HK", on=date(2025, 8, 1))
HK_ALL = cg.rules_for("HK", on=date(2025, 8, 1), include_unconfirmed=True)
SCH2 = "Building Management Ordinance (Hong Kong, Cap. 344) Sch. 2"


@pytest.mark.parametrize(
    ("flats", "size", "allowed"),
    [(1, 3, True), (50, 3, True), (50, 2, False), (101, 9, True), (101, 8, False)],
)
def test_the_size_check_applies_the_band_of_the_flats(flats: int, size: int, allowed: bool) -> None:
    checked = check_committee_size(size, HK, flats=flats)
    assert checked.allowed is allowed
    [(ok, notice)] = checked.reasons
    assert ok is allowed and notice.code == "size-band-minimum"
    assert notice.citation is not None and notice.citation.format().startswith(SCH2)
    assert f"({flats} flats)" in notice.en and f"（{flats}个单位）" in notice.zh
    assert checked.layer.startswith("HK: BMO Cap. 344 Sch. 2 para. 1")


@pytest.mark.parametrize("flats", [51, 100])
def test_the_unconfirmed_band_is_said_not_applied(flats: int) -> None:
    for size in (6, 7):
        checked = check_committee_size(size, HK, flats=flats)
        [(ok, notice)] = checked.reasons
        assert ok and checked.allowed and notice.code == "size-band-unconfirmed"
        assert "51 to 100 flats (7 members) is unconfirmed" in notice.en
        assert "51至100个单位的最少人数（7人）未经核实" in notice.zh
    assert check_committee_size(7, HK_ALL, flats=flats).allowed  # admitted: applied
    assert not check_committee_size(6, HK_ALL, flats=flats).allowed


def test_band_wording_and_counts() -> None:
    assert (
        check_committee_size(3, HK, flats=50)
        .reasons[0][1]
        .en.startswith("at least 3 members for 50 flats or fewer")
    )
    assert (
        "超过100个单位的，委员不少于9人" in check_committee_size(9, HK, flats=101).reasons[0][1].zh
    )
    assert SIZES.counts is SizeCount.FLATS and SizeCount.HOUSEHOLDS.label("zh") == "户"
    assert [SIZES.lower(band) for band in SIZES.bands] == [1, 51, 101]
    assert SizeBands(SIZES.bands, "households").counts is SizeCount.HOUSEHOLDS
    with pytest.raises(E.InvalidChoiceError):
        SizeBands(SIZES.bands, "rooms")


def _register(flats: int, parking: int = 0) -> cg.Estate:
    rows = [{"unit": f"A-{n}", "area": "50", "owners": [f"o{n}"]} for n in range(flats)]
    rows += [
        {"unit": f"P-{n}", "area": "12", "owners": [f"p{n}"], "use": "parking"}
        for n in range(parking)
    ]
    return cg.Estate.from_records(rows)


def test_flats_are_read_from_the_register_without_parking() -> None:
    estate = _register(50, parking=60)  # 110 units, 50 flats (Sch. 2 para. 1A)
    checked = check_committee_size(3, HK, estate=estate)
    assert checked.allowed and "(50 flats)" in checked.reasons[0][1].en
    assert not check_committee_size(3, HK, estate=_register(101)).allowed
    with pytest.raises(E.BodyError) as info:
        check_committee_size(3, HK)
    assert info.value.field == "flats"
    for bad in (0, True, "50"):
        with pytest.raises(E.BodyError) as info:
            check_committee_size(3, HK, flats=bad)  # type: ignore[arg-type]
        assert info.value.field == "flats"


def test_a_households_band_counts_residential_units() -> None:
    cite = cg.Citation("library_design", "test.bands")
    bands = SizeBands((SizeBand(2, 1, cite), SizeBand(None, 3, cite)), SizeCount.HOUSEHOLDS)
    layer = cg.rules.Layer(
        code="estate",
        name="estate bands",
        valid_from=None,
        valid_to=None,
        topic="estate",
        elections=ElectionParams(committee_size_bands=Param(bands, cite)),
    )
    rules = cg.rules_for("HK", on=date(2006, 1, 1)).with_layer(layer)  # before Sch. 2 layer
    shops = [
        {"unit": f"S-{n}", "area": "30", "owners": [f"s{n}"], "use": "commercial"} for n in range(5)
    ]
    estate = cg.Estate.from_records([{"unit": "A-1", "area": "50", "owners": ["a"]}, *shops])
    checked = check_committee_size(1, rules, estate=estate)
    assert checked.allowed and "(1 households)" in checked.reasons[0][1].en
    assert not check_committee_size(1, rules, households=3).allowed
    with pytest.raises(E.BodyError) as info:
        check_committee_size(1, rules)
    assert info.value.field == "households"


def test_before_the_2007_text_no_size_rule_is_encoded() -> None:
    rules = cg.rules_for("HK", on=date(2007, 7, 31))
    assert any(n.code == "layer-missing" and "elections" in n.en for n in rules.notices)
    with pytest.raises(E.RuleSetError):
        check_committee_size(3, rules, flats=10)
    on = cg.rules_for("HK", on=date(2007, 8, 1))
    assert not any(n.code == "layer-missing" and "elections" in n.en for n in on.notices)


# a simple majority of heads taking part, declared for the test (HK appoints by shares, s.3)
RULE = cg.rules.ResolutionRule(
    quorum=(),
    approval=(
        cg.rules.Threshold(
            cg.rules.Measure.HEADS,
            cg.rules.Base.PARTICIPATING,
            cg.rules.Comparator.MORE_THAN,
            "1/2",
            cg.Citation("library_design", "test.rule"),
        ),
    ),
    citation=cg.Citation("library_design", "test.rule"),
)


def _elect(estate: cg.Estate, seats: int, rules: cg.RuleSet = HK) -> cg.elections.ElectionResult:
    names = [f"c{n}" for n in range(seats)]
    ballots = [cg.elections.ElectionBallot(u.id, names) for u in estate.units]
    return cg.elections.elect(
        estate,
        ballots,
        rules=rules,
        candidates=names,
        seats=seats,
        options=cg.elections.ElectOptions(rule=RULE),
    )


@pytest.mark.parametrize(("flats", "small", "enough"), [(50, 2, 3), (101, 8, 9)])
def test_an_election_below_its_band_is_refused(flats: int, small: int, enough: int) -> None:
    estate = _register(flats)
    with pytest.raises(E.BodyError, match=r"Sch\. 2") as info:
        _elect(estate, small)
    assert info.value.field == "seats" and info.value.value == small
    result = _elect(estate, enough)
    assert len(result.elected) == enough
    assert not any(n.code.startswith("size-band") for n in result.notices)


def test_an_election_in_the_unconfirmed_band_says_so() -> None:
    result = _elect(_register(60), 3)
    assert [n.code for n in result.notices if n.code.startswith("size-band")] == [
        "size-band-unconfirmed"
    ]
    with pytest.raises(E.BodyError, match="at least 7 members for 51 to 100 flats"):
        _elect(_register(60), 6, HK_ALL)
