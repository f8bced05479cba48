"""Elections rendered in full and pinned: every figure, word and source a user reads.

Each result's one-line summary, English and Chinese explanation, HTML and plain data are
compared with a stored golden file (see tests/golden.py for how to accept a deliberate change).
The estates have decimal areas, so an area reported at the wrong scale shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import community_governance as cg
from community_governance.elections import (
    Candidate,
    ElectionBallot,
    ElectOptions,
    GroupMember,
    NegativeList,
    PositiveList,
    Priority,
    SlatePolicy,
    build_slate,
    check_committee_size,
    check_group,
    composition,
    elect,
    vet,
)
from community_governance.rules import (
    BallotPolicy,
    Disqualification,
    Handling,
    Target,
    TieBreak,
    TieMethod,
)
from community_governance.rules.voting import SpoiledPolicy
from golden import check_golden, render

GOLDEN = Path(__file__).parent / "golden"
ON = date(2024, 5, 1)
CN = cg.rules_for("CN", on=ON)
SH = cg.rules_for("CN-SH", on=ON)
BJ = cg.rules_for("CN-BJ", on=ON)
TJ = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True)


def garden() -> cg.Estate:
    """Twelve flats with areas to the hundredth; Li holds two; two co-owned by Ma and Niu."""
    rows: list[dict[str, Any]] = [
        {"unit": f"1-{i:02d}", "area": f"{70 + i}.{i:02d}", "owners": [f"O{i}"]}
        for i in range(1, 9)
    ]
    rows += [
        {"unit": "2-01", "area": "120.55", "owners": ["Li"]},
        {"unit": "2-02", "area": "60.25", "owners": ["Li"]},
        {"unit": "2-03", "area": "88.8", "owners": ["Ma", "Niu"]},
        {"unit": "2-04", "area": "99.99", "owners": ["Zhou"]},
    ]
    return cg.Estate.from_records(rows, name="Golden Garden")


def cast(*approvals: str | None) -> list[ElectionBallot]:
    """One ballot per unit in register order: a string of candidate letters, "x" spoiled."""
    units = [u.id for u in garden().units]
    out = []
    for unit, marks in zip(units, approvals, strict=False):
        if marks is None:
            continue
        if marks == "x":
            out.append(ElectionBallot(unit, [], spoiled=True))
        else:
            out.append(ElectionBallot(unit, list(marks)))
    return out


def with_estate(base: cg.RuleSet, **params: object) -> cg.RuleSet:
    layer = cg.jurisdictions.estate_layer("Garden rules 2023", params=params, clause="Art. 12")
    return base.with_layer(layer)


LOT = TieBreak(TieMethod.LOT, seed="2024-05-01 draw", citation=cg.Citation("estate_rules", "9"))
LENIENT = BallotPolicy(unknown_unit=Handling.SET_ASIDE)


def first_round() -> cg.elections.ElectionResult:
    return elect(
        garden(),
        cast("AB", "AB", "AC", "AC", "BC", "AB", "ABCD", "x", "AB", None, "AE", "B"),
        candidates=["A", "B", "C", "D"],
        seats=3,
        rules=CN,
    )


def run_off_then_second() -> cg.elections.ElectionResult:
    first = elect(
        garden(),
        cast("AB", "AC", "AB", "AC", "A", "A", "BC", "BC", "A", "A", "BC"),
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
    )
    return elect(
        garden(),
        cast("B", "B", "B", "B", "B", "B", "B", "C", "C", "C", "C"),
        rules=CN,
        previous=first,
    )


SCENARIOS: dict[str, Callable[[], Any]] = {
    "elect-first-round": first_round,
    "elect-alternates-and-lot": lambda: elect(
        garden(),
        cast("AB", "AB", "AB", "AC", "AC", "AC", "BC", "BC", "BC", "BC", "AD", "AD"),
        candidates=["A", "B", "C", "D"],
        seats=2,
        rules=CN,
        options=ElectOptions(alternates=1, tie_break=LOT, ranking=["heads"]),
    ),
    "elect-run-off-second-round": run_off_then_second,
    "elect-quorum-not-met": lambda: elect(
        garden(), cast("A", "A", "A", "A", "A"), candidates=["A", "B"], seats=1, rules=CN
    ),
    "elect-spoiled-excluded-set-aside": lambda: elect(
        garden(),
        [
            *cast("AB", "x", "AB", "AB", "x", "AB", "A", "A", "B", "B", None, "AB"),
            ElectionBallot("9-99", ["A"]),
        ],
        candidates=["A", "B"],
        seats=2,
        rules=with_estate(
            SH, spoiled_ballots=SpoiledPolicy.EXCLUDED, ballot_policy=LENIENT, tie_break=LOT
        ),
    ),
    "elect-scoped-area-ranking": lambda: elect(
        garden(),
        cast(None, None, None, None, None, None, None, None, "A", "A", "B", "B"),
        candidates=["A", "B"],
        seats=1,
        rules=BJ,
        options=ElectOptions(scope=["2-01", "2-02", "2-03", "2-04"], ranking=["area", "heads"]),
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_election_reads_exactly_as_pinned(name: str) -> None:
    result = SCENARIOS[name]()
    check_golden(GOLDEN / f"{name}.txt", render(result))


def test_pinned_results_load_back_equal() -> None:
    for name in sorted(SCENARIOS):
        result = SCENARIOS[name]()
        assert type(result).from_dict(result.to_dict()) == result, name


# ------------------------------------------------------------------ bodies around an election

GOOD = {
    "owner_in_area": True,
    "full_capacity": True,
    "law_abiding": True,
    "exemplary_owner": True,
    "integrity": True,
    "organising_ability": True,
    "enough_time": True,
    "written_pledge": True,
    "arrears": False,
    "illegal_construction": False,
    "illegal_renting": False,
    "other_violations": False,
    "tied_to_manager": False,
    "judgment_defaulter": False,
}


def _vettings() -> dict[str, Any]:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "90.5", "owners": ["Li"]},
            {"unit": "1-102", "area": "80.25", "owners": ["Corp"]},
        ],
        owners=[cg.Owner("Li", capacity="full"), cg.Owner("Corp", kind="organisation")],
    )
    negative = NegativeList(
        "estate negative list",
        [Disqualification.ILLEGAL_CONSTRUCTION, Disqualification.REFUSES_FEES],
        clause="re-election plan, negative list",
    )
    return {
        "vet-eligible": vet(Candidate("Li", "Li", **GOOD), SH),
        "vet-ineligible": vet(Candidate("Li", "Li", **{**GOOD, "arrears": True}), SH),
        "vet-undetermined": vet(
            Candidate("Li", "Li", **{**GOOD, "integrity": None, "arrears": None}), SH
        ),
        "vet-register-and-list": vet(
            Candidate("Li", "Li", **GOOD, refuses_fees=True), SH, estate=estate, lists=[negative]
        ),
        "vet-beijing-outsider": vet(Candidate("X", "Nobody"), BJ, estate=estate),
        "vet-organisation-person": vet(Candidate("Wu", "Corp", person="Wu"), SH, estate=estate),
    }


def _member(name: str, role: str, **kwargs: Any) -> GroupMember:
    return GroupMember(name, role, **kwargs)


def _bodies() -> dict[str, Any]:
    group = [
        _member("o1", "owner-representative"),
        _member("o2", "owner-representative"),
        _member("o3", "owner-representative"),
        _member("Dev", "developer"),
        _member("Street", "street-office", leader=True),
        _member("RC", "residents-committee"),
        _member("o4", "owner-representative"),
    ]
    people = [
        Candidate("Wang", "w", willing=True, volunteer=True, recommendations=9),
        Candidate("Li", "l", willing=True, party_member=True),
        Candidate("Zhao", "z", willing=False, party_member=True),
        Candidate("Sun", "s", party_member=True),
        Candidate("Qian", "q", willing=True, volunteer=True, recommendations=3),
        Candidate("Zhu", "u", willing=True, volunteer=True, recommendations=3),
    ]
    members = [
        _member(
            f"m{i}",
            "owner-representative",
            party_member=i < 4 if i != 5 else None,
            age=30 + 7 * i if i != 2 else None,
            occupation="teacher" if i % 2 else ("retired" if i < 4 else None),
        )
        for i in range(7)
    ]
    target = Target(Fraction(1, 2), cg.Citation("reported_practice", "x"))
    return {
        "size-national-even": check_committee_size(6, CN),
        "size-shanghai-area": check_committee_size(3, SH, area=Decimal("10000.01")),
        "size-beijing-households-alternates": check_committee_size(
            5, BJ, households=100, alternates=6
        ),
        "group-valid": check_group(group, CN),
        "group-missing-beijing": check_group(
            [
                _member("o1", "owner-representative"),
                _member("o2", "owner-representative"),
                _member("X", "other"),
            ],
            BJ,
        ),
        "group-re-election": check_group(
            [*group[:2], _member("S", "street-office")],
            SH,
            kind="re_election_group",
            not_applicable=["residents-committee"],
        ),
        "composition-targets": composition(members, targets=[target]),
        "composition-tianjin": composition(members, rules=TJ),
        "slate-default": build_slate(people),
        "slate-positive-list": build_slate(
            [*people[:2], *people[4:]],
            policy=SlatePolicy(
                "positive list first", (Priority.POSITIVE_LIST, Priority.RECOMMENDATIONS)
            ),
            positive=PositiveList("street list", ["Zhu"], clause="plan 3"),
        ),
    }


@pytest.mark.parametrize("name", sorted(_vettings()))
def test_vetting_reads_exactly_as_pinned(name: str) -> None:
    check_golden(GOLDEN / f"{name}.txt", render(_vettings()[name]))


@pytest.mark.parametrize("name", sorted(_bodies()))
def test_body_check_reads_exactly_as_pinned(name: str) -> None:
    check_golden(GOLDEN / f"{name}.txt", render(_bodies()[name]))
