"""Building Management Ordinance (Hong Kong) Cap. 344 Sch. 2: committee sizes and quorum."""

from __future__ import annotations

from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.jurisdictions import hk
from community_governance.rules.bodies import MeetingQuorum, SizeBand, SizeBands

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
