"""`elect_committee`: the seats checked against the size rule, the rule set of the election day."""

from __future__ import annotations

from datetime import date

import pytest
from committee_builders import ELECTED, ON, SEVEN, rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.exceptions import (
    CommitteeError,
    CommitteeInputError,
    CommitteeSizeError,
    RuleSetDayMismatchError,
    StaleRuleSetWarning,
)


def seats(n: int) -> list[str]:
    return [f"O{i}" for i in range(n)]


def elect(code: str, n: int, **kw: object) -> cm.Committee:
    return cm.elect_committee(seats(n), elected_on=ON, term_years=5, rules=rules(code), **kw)  # type: ignore[arg-type]


def estate_of(units: int, area: str = "80") -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": area, "owners": [f"o{i}"]} for i in range(units)]
    )


# ------------------------------------------------------------------ size: the national range


@pytest.mark.parametrize(
    ("code", "article"),
    [("CN", "Guidance Rules for Owners' Assemblies and Owners' Committees (2009) Art. 31"),
     ("CN-ZJ-HZ", "Hangzhou Property Management Regulation Art. 27")],
)  # fmt: skip
def test_five_to_eleven_odd_both_sides(code: str, article: str) -> None:
    for size in (5, 7, 11):
        assert elect(code, size).full_size == size
    for size, why in ((4, "at least 5"), (12, "at most 11"), (13, "at most 11"), (6, "odd")):
        with pytest.raises(CommitteeSizeError, match=why) as info:
            elect(code, size)
        assert (info.value.field, info.value.value) == ("full_size", size)
        assert article in info.value.article and article in str(info.value)


def test_the_full_number_of_seats_is_checked_not_the_seated() -> None:
    assert elect("CN", 3, full_size=5).vacancies == 2  # 5 seats, 3 filled at the election
    with pytest.raises(CommitteeSizeError, match="a committee of 4 seats"):
        elect("CN", 3, full_size=4)
    with pytest.raises(CommitteeSizeError, match="a committee of 6 seats"):
        elect("CN", 5, full_size=6)


# ------------------------------------------------------------------ size: small-estate sizes


def test_shanghai_at_least_five_odd_or_three_at_10000_square_metres() -> None:
    assert elect("CN-SH", 5) and elect("CN-SH", 15)  # no maximum
    for size in (4, 6):
        with pytest.raises(CommitteeSizeError, match=r"Art\. 20\(1\)"):
            elect("CN-SH", size)
    small = cg.Estate.from_records([{"unit": "1-1", "area": "10000", "owners": ["Li"]}])
    larger = cg.Estate.from_records([{"unit": "1-1", "area": "10000.01", "owners": ["Li"]}])
    assert elect("CN-SH", 3, estate=small).full_size == 3
    with pytest.raises(CommitteeSizeError, match="3 members allowed at 10000 m² or less"):
        elect("CN-SH", 3, estate=larger)
    with pytest.raises(CommitteeSizeError, match="depends on the estate's area: give") as info:
        elect("CN-SH", 3)  # the small size depends on the area: not guessed
    assert (info.value.field, info.value.value, info.value.article) == ("estate", None, "")
    assert isinstance(info.value.__cause__, cg.exceptions.BodyError)


def test_beijing_three_at_100_households_and_alternates_no_more_than_members() -> None:
    assert elect("CN-BJ", 3, estate=estate_of(100)).full_size == 3
    with pytest.raises(CommitteeSizeError, match="100 households or fewer"):
        elect("CN-BJ", 3, estate=estate_of(101))
    assert len(elect("CN-BJ", 5, alternates=seats(10)[5:]).alternates) == 5
    with pytest.raises(CommitteeSizeError, match=r"alternates \(6\)") as info:
        elect("CN-BJ", 5, alternates=seats(11)[5:])
    assert (info.value.field, info.value.value) == ("alternates", 6)
    assert "Beijing Property Management Regulation Art. 39(1)(2)" in info.value.article
    # both a size and the alternates wrong: the seats are named
    with pytest.raises(CommitteeSizeError) as both:
        elect("CN-BJ", 6, alternates=seats(13)[6:])
    assert both.value.field == "full_size" and "odd" in str(both.value)


def test_hangzhou_three_at_100_households_both_sides() -> None:
    assert elect("CN-ZJ-HZ", 3, estate=estate_of(100)).full_size == 3
    with pytest.raises(CommitteeSizeError, match="100 households or fewer"):
        elect("CN-ZJ-HZ", 3, estate=estate_of(101))


def test_a_bad_estate_is_refused() -> None:
    with pytest.raises(CommitteeInputError, match="estate"):
        elect("CN", 5, estate="register")


# ------------------------------------------------------------------ size: bands and gaps


def _committee_layer() -> cg.rules.Layer:
    cn = rules("CN")
    return next(layer for layer in cn.layers if layer.topic is cg.rules.Topic.COMMITTEE)


def test_bands_of_flats_unconfirmed_band_is_noted_not_applied() -> None:
    hk = rules("HK")
    with_term = cg.RuleSet("HK", ON, (*hk.layers, _committee_layer()))  # hand-built, same day
    flats_80, flats_101 = estate_of(80), estate_of(101)
    elected = cm.elect_committee(
        seats(3), elected_on=ON, term_years=5, rules=with_term, estate=flats_80
    )
    assert [n.code for n in elected.history[0].notices] == ["size-band-unconfirmed"]
    assert "注意" in elected.describe("zh") and "unconfirmed" in elected.describe()
    assert cm.elect_committee(
        seats(9), elected_on=ON, term_years=5, rules=with_term, estate=flats_101
    )
    with pytest.raises(CommitteeSizeError, match="at least 9 members for more than 100 flats"):
        cm.elect_committee(seats(8), elected_on=ON, term_years=5, rules=with_term, estate=flats_101)
    with pytest.raises(CommitteeSizeError, match="depends on the estate's flats: give estate="):
        cm.elect_committee(seats(9), elected_on=ON, term_years=5, rules=with_term)
    parking = cg.Estate.from_records(
        [{"unit": "P-1", "area": "12", "owners": ["a"], "use": "parking"}]
    )
    with pytest.raises(CommitteeSizeError, match="flats must be a whole number") as info:
        cm.elect_committee(seats(9), elected_on=ON, term_years=5, rules=with_term, estate=parking)
    assert info.value.value is parking


def test_no_size_rule_is_a_gap_left_with_a_notice() -> None:
    bare = cg.RuleSet("CN", ON, (_committee_layer(),))  # a term rule, no size rule
    elected = cm.elect_committee(seats(2), elected_on=ON, term_years=5, rules=bare)
    (notice,) = elected.history[0].notices
    assert notice.code == "no-committee-size-rule" and notice.citation is None
    assert "2 seats were not checked" in notice.en
    assert notice.zh == "CN在2025-03-01的规则中没有业主委员会人数的规定，2个席位未作检查"
    assert cm.Committee.from_dict(elected.to_dict()) == elected


def test_an_allowed_size_adds_no_notice() -> None:
    assert elect("CN", 5).history[0].notices == ()


# ------------------------------------------------------------------ the rule set's day


def test_a_rule_set_of_another_day_with_the_same_rules_is_accepted() -> None:
    # Shanghai 2025 and 2020: the same term (Art. 20(1)) and size rules, from the same layers
    c = cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=rules("CN-SH"))
    same = cm.elect_committee(
        SEVEN, elected_on=ELECTED, term_years=5, rules=rules("CN-SH", ELECTED)
    )
    assert c == same
    # national: the voting layer changed (Civil Code, 2021), the committee rules did not
    assert cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=rules("CN"))


@pytest.mark.parametrize(
    ("code", "rules_on", "elected_on"),
    [
        ("CN-BJ", ON, ELECTED),  # Beijing 2024 text, not in force in 2020
        ("CN-ZJ-HZ", ON, ELECTED),  # Hangzhou 2021, not in force in 2020
        ("CN-ZJ-HZ", ELECTED, ON),  # the other way round
        ("CN", date(2009, 12, 31), ELECTED),  # no term rule before 2010
        ("CN", ON, date(2005, 1, 1)),  # no national rules in force that day
    ],
)
def test_a_rule_set_of_another_day_with_other_rules_is_refused(
    code: str, rules_on: date, elected_on: date
) -> None:
    with pytest.raises(RuleSetDayMismatchError) as info:
        cm.elect_committee(SEVEN, elected_on=elected_on, term_years=5, rules=rules(code, rules_on))
    assert (info.value.elected_on, info.value.rules_on) == (elected_on, rules_on)
    assert elected_on.isoformat() in str(info.value) and rules_on.isoformat() in str(info.value)
    assert info.value.field == "rules" and isinstance(info.value, CommitteeError)


def test_the_day_just_before_and_on_a_change_of_rules() -> None:
    hz_from = date(2021, 8, 9)  # Hangzhou Property Management Regulation (2021) in force
    later = rules("CN-ZJ-HZ", date(2022, 1, 1))
    assert cm.elect_committee(SEVEN, elected_on=hz_from, term_years=5, rules=later)
    with pytest.raises(RuleSetDayMismatchError, match="2021-08-08"):
        cm.elect_committee(SEVEN, elected_on=date(2021, 8, 8), term_years=5, rules=later)


def test_the_estates_own_layers_must_be_in_force_on_the_election_day() -> None:
    def adopted(on: date) -> cg.rules.Layer:
        return cg.jurisdictions.estate_layer(
            "rules of procedure",
            params={"candidate_residence_years": 2},
            clause="Art. 3",
            valid_from=on,
        )

    sh = rules("CN-SH")
    early = sh.with_layer(adopted(date(2019, 1, 1)))
    assert cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=early)
    late = sh.with_layer(adopted(date(2023, 1, 1)))
    with pytest.raises(RuleSetDayMismatchError):
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=late)


def test_a_hand_built_rule_set_is_checked_only_on_its_own_day() -> None:
    built = cg.RuleSet("CN-SH", ON, rules("CN-SH").layers)
    assert cm.elect_committee(SEVEN, elected_on=ON, term_years=5, rules=built)
    with pytest.raises(RuleSetDayMismatchError, match="hand-built"):
        cm.elect_committee(SEVEN, elected_on=ELECTED, term_years=5, rules=built)


def test_the_day_is_checked_before_the_term_and_the_size() -> None:
    bj = rules("CN-BJ")  # 2025: 2020 elections were under the 2020 original
    with pytest.raises(RuleSetDayMismatchError):
        cm.elect_committee(seats(4), elected_on=ELECTED, term_years=9, rules=bj)


@pytest.mark.filterwarnings("error")
def test_an_election_after_the_data_were_checked_warns() -> None:
    with pytest.warns(StaleRuleSetWarning):
        cm.elect_committee(SEVEN, elected_on=date(2026, 6, 30), term_years=5, rules=rules("CN-SH"))
