"""Counting persons and area (SPC interpretation Arts. 8-9) and the choices the law leaves open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.register.counting import GUIDANCE_ART_25, OVERLAP_DESIGN, SPC_ART_9

R = cg.register.CountingReason


def build(rows: list[dict[str, object]], **kwargs: object) -> cg.Estate:
    return cg.Estate.from_records(rows, **kwargs)  # type: ignore[arg-type]


def labels(estate: cg.Estate) -> dict[str, tuple[tuple[str, ...], cg.register.CountingReason]]:
    return {person.label: (person.units, person.reason) for person in estate.persons}


def test_one_unit_is_one_person() -> None:
    estate = build([{"unit": "1-101", "area": "89.37", "owners": "Li"}])
    assert estate.counted_persons == 1
    (person,) = estate.persons
    assert person == cg.register.Person(
        0, "Li", ("Li",), ("1-101",), Decimal("89.37"), R.SINGLE_UNIT
    )
    assert person.citation == SPC_ART_9


def test_co_owned_unit_is_one_person() -> None:
    estate = build([{"unit": "1-102", "area": "120.05", "owners": ["Zhao", "Wang"]}])
    assert estate.counted_persons == 1
    person = estate.person_of("1-102")
    assert person.label == "Wang+Zhao"
    assert person.owners == ("Wang", "Zhao")
    assert person.reason is R.CO_OWNED
    assert person.citation == GUIDANCE_ART_25
    assert not person.citation.confirmed


def test_multi_unit_owner_is_one_person_with_all_its_area() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "2-302", "area": "60", "owners": ["Wu"]},
        ]
    )
    assert estate.counted_persons == 2
    li = estate.person_of("2-301")
    assert li.units == ("1-101", "2-301")
    assert li.area == Decimal("184.47")
    assert li.reason is R.MULTI_UNIT_OWNER
    assert estate.total_area == Decimal("244.47")


def test_co_owners_of_several_units_are_one_person() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Wang", "Zhao"]},
            {"unit": "1-102", "area": "10", "owners": ["Zhao", "Wang"]},
        ]
    )
    assert estate.counted_persons == 1
    assert estate.persons[0].reason is R.CO_OWNED
    assert estate.overlaps == ()


def test_developer_unsold_and_sold_undelivered_count_as_one_person() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "50", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Dev"], "status": "unsold"},
            {"unit": "3-102", "area": "70.00", "owners": ["Dev"], "status": "unsold"},
            # a buyer's unit not yet delivered counts with the developer (SPC interp. Art. 9)
            {"unit": "3-103", "area": "66.50", "owners": ["Buyer"], "status": "sold-undelivered"},
        ]
    )
    assert estate.counted_persons == 2
    developer = estate.person_of("3-103")
    assert developer.label == "developer"
    assert developer.reason is R.DEVELOPER
    assert developer.units == ("3-101", "3-102", "3-103")
    assert developer.area == Decimal("224.50")
    assert estate.owner("Dev").kind is cg.OwnerKind.DEVELOPER
    assert estate.owner("Buyer").kind is cg.OwnerKind.PERSON
    assert estate.developer_entities == ("Dev",)
    assert estate.developer_person == developer.index == 1


def test_an_estate_without_developer_stock_has_no_developer_person() -> None:
    estate = build([{"unit": "1-101", "area": "50", "owners": ["developer"]}])
    assert estate.developer_person is None  # an owner id "developer" is not the stock
    assert estate.persons[0].label == "developer" and estate.persons[0].reason is R.SINGLE_UNIT


def test_developer_delivered_units_count_with_the_developer() -> None:
    estate = build(
        [
            {"unit": "3-101", "area": "10", "owners": ["Dev"], "status": "unsold"},
            {"unit": "3-102", "area": "10", "owners": ["Dev"]},
        ]
    )
    assert estate.counted_persons == 1
    assert estate.persons[0].reason is R.DEVELOPER


def test_several_developer_entities_are_one_person_and_flagged() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "50", "owners": ["Li"]},
            {"unit": "3-101", "area": "10", "owners": ["Dev"], "status": "unsold"},
            {"unit": "3-102", "area": "10", "owners": ["Agent"], "status": "unsold"},
        ],
        owners=[cg.Owner("Agent", cg.OwnerKind.DEVELOPER, name="exclusive sales agent")],
    )
    assert estate.counted_persons == 2
    assert estate.developer_entities == ("Agent", "Dev")
    rules = cg.rules_for("CN", on=date(2022, 1, 1))
    decision = cg.decide(estate, [], matter="elect-committee", rules=rules)
    (notice,) = [n for n in decision.notices if n.code == "several-developer-entities"]
    assert "Agent, Dev" in notice.en
    assert "Agent, Dev" in notice.zh
    assert notice.citation == SPC_ART_9


def test_owner_inferred_first_as_person_then_developer() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Dev"], "status": "sold-undelivered"},
            {"unit": "1-102", "area": "10", "owners": ["Dev"], "status": "unsold"},
        ]
    )
    assert estate.owner("Dev").kind is cg.OwnerKind.DEVELOPER
    assert estate.counted_persons == 1


def test_overlapping_owner_sets_separate() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "1-102", "area": "20", "owners": ["Li", "Wang"]},
            {"unit": "1-103", "area": "30", "owners": ["Wang", "Zhao"]},
        ]
    )
    assert estate.counting.overlap is cg.register.OverlapPolicy.SEPARATE
    assert estate.counted_persons == 3
    assert labels(estate) == {
        "Li": (("1-101",), R.SINGLE_UNIT),
        "Li+Wang": (("1-102",), R.CO_OWNED),
        "Wang+Zhao": (("1-103",), R.CO_OWNED),
    }
    overlaps = estate.overlaps
    assert [o.owner for o in overlaps] == ["Li", "Wang"]
    assert overlaps[0].persons == ("Li", "Li+Wang")
    assert overlaps[1].persons == ("Li+Wang", "Wang+Zhao")
    assert all(o.policy is cg.register.OverlapPolicy.SEPARATE for o in overlaps)
    assert "Li, Li+Wang" in overlaps[0].describe()
    assert "Li、Li+Wang" in overlaps[0].describe("zh")
    assert "分别计为一人" in overlaps[0].describe("zh")


def test_overlapping_owner_sets_merge() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "1-102", "area": "20", "owners": ["Li", "Wang"]},
            {"unit": "1-103", "area": "30", "owners": ["Wang", "Zhao"]},
            {"unit": "1-104", "area": "40", "owners": ["Wu"]},
            {"unit": "1-105", "area": "5", "owners": ["Wu"]},
        ],
        counting=cg.register.CountingPolicy(cg.register.OverlapPolicy.MERGE),
    )
    assert estate.counted_persons == 2
    merged = estate.person_of("1-103")
    assert merged.units == ("1-101", "1-102", "1-103")
    assert merged.label == "Li+Wang+Zhao"
    assert merged.reason is R.MERGED_OVERLAP
    assert merged.citation == OVERLAP_DESIGN
    assert merged.area == 60
    assert estate.person_of("1-105").reason is R.MULTI_UNIT_OWNER
    (overlap,) = estate.overlaps
    assert overlap.owner == "Li,Wang,Zhao"
    assert overlap.persons == ("Li+Wang+Zhao",)
    assert "merged into one person" in overlap.describe()
    assert "合并" in overlap.describe("zh")


def test_merge_without_overlap_changes_nothing() -> None:
    rows = [
        {"unit": "1-101", "area": "10", "owners": ["Li"]},
        {"unit": "1-102", "area": "20", "owners": ["Wang", "Zhao"]},
        {"unit": "1-103", "area": "20", "owners": ["Li"]},
    ]
    merge = build(rows, counting=cg.register.CountingPolicy(cg.register.OverlapPolicy.MERGE))
    separate = build(rows)
    assert [(p.units, p.reason, p.area) for p in merge.persons] == [
        (p.units, p.reason, p.area) for p in separate.persons
    ]
    assert merge.overlaps == separate.overlaps == ()


def test_co_owner_sets_overlapping_without_a_sole_holding() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li", "Wang"]},
            {"unit": "1-102", "area": "10", "owners": ["Li", "Zhao"]},
        ]
    )
    (overlap,) = estate.overlaps
    assert overlap.owner == "Li"
    assert overlap.persons == ("Li+Wang", "Li+Zhao")


def test_developer_co_owning_a_delivered_unit_is_an_overlap() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Dev"], "status": "unsold"},
            {"unit": "1-102", "area": "10", "owners": ["Dev", "Li"]},
        ]
    )
    assert estate.counted_persons == 2
    assert estate.person_of("1-102").reason is R.CO_OWNED
    # the developer sits in the developer person and in "Dev+Li": reported, not silent
    assert [overlap.owner for overlap in estate.overlaps] == ["Dev"]


@pytest.mark.parametrize("policy", list(cg.register.OverlapPolicy))
def test_overlap_notice_in_decisions(policy: cg.register.OverlapPolicy) -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "10", "owners": ["Li"]},
            {"unit": "1-102", "area": "20", "owners": ["Li", "Wang"]},
        ],
        counting=cg.register.CountingPolicy(policy),
    )
    decision = cg.decide(
        estate, [], matter="elect-committee", rules=cg.rules_for("CN", on=date(2022, 1, 1))
    )
    notices = [n for n in decision.notices if n.code == "overlapping-owner-sets"]
    assert len(notices) == 1
    assert notices[0].citation == OVERLAP_DESIGN
    assert ("merged" in notices[0].en) is (policy is cg.register.OverlapPolicy.MERGE)
    assert decision.tally.total.heads == (2 if policy is cg.register.OverlapPolicy.SEPARATE else 1)


def test_grouping_shows_how_units_are_counted() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        ]
    )
    assert estate.grouping() == estate.persons
    grouped = estate.grouping(["2-301", "3-101", "1-101"])
    assert [p.label for p in grouped] == ["Li", "developer"]
    assert grouped[0].units == ("1-101", "2-301")
    assert estate.grouping([]) == ()
    persons = estate.persons  # an immutable view: nothing is cached or written after build
    assert persons == tuple(persons) == estate.persons and hash(persons) == hash(estate.persons)
    assert persons[-1] == persons[2] == estate.person(2) and persons[1:] == (persons[1], persons[2])
    assert persons != "Li" and len(persons) == 3 and "3 counted persons" in repr(persons)
    assert estate.unit_person == {"1-101": 0, "1-102": 1, "2-301": 0, "3-101": 2}
    with pytest.raises(IndexError, match="person index 3"):
        estate.person(3)
    with pytest.raises(AttributeError):
        estate._unit_person = {}  # type: ignore[misc]


def test_total_area_and_fractions_are_exact() -> None:
    estate = build(
        [
            {"unit": "1-101", "area": "1/3", "owners": ["Li"]},
            {"unit": "1-102", "area": Fraction(1, 6), "owners": ["Wang"]},
            {"unit": "1-103", "area": "0.1", "owners": ["Zhao"]},
            {"unit": "1-104", "area": "0.2", "owners": ["Zhao"]},
        ]
    )
    assert estate.total_area == Fraction(1, 3) + Fraction(1, 6) + Fraction(3, 10)
    assert estate.total_area == Decimal("0.8")
    assert isinstance(estate.total_area, Decimal)
    assert estate.person_of("1-104").area == Decimal("0.3")
    thirds = build([{"unit": "1", "area": "1/3", "owners": ["Li"]}])
    assert thirds.total_area == Fraction(1, 3)
    assert isinstance(thirds.total_area, Fraction)


def test_counting_policy_defaults_and_citations() -> None:
    assert cg.register.CountingPolicy().overlap is cg.register.OverlapPolicy.SEPARATE
    assert R.SINGLE_UNIT.citation == SPC_ART_9
    assert R.MULTI_UNIT_OWNER.citation == SPC_ART_9
    assert R.DEVELOPER.citation == SPC_ART_9
    assert R.CO_OWNED.citation == GUIDANCE_ART_25
    assert R.MERGED_OVERLAP.citation == OVERLAP_DESIGN
    assert SPC_ART_9.confirmed
    assert not OVERLAP_DESIGN.confirmed
