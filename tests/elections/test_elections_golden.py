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
from election_facts import GOOD

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
    layer = cg.jurisdictions.estate_layer("Garden: rules: 2023", params=params, clause="12")
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


def _cyclic() -> list[ElectionBallot]:
    """Person k approves candidates k, k+1 and k+2 (mod 5): A, B, C 7 heads each; D, E 6."""
    persons = [0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10]  # Li holds units 2-01 and 2-02
    return cast(*("".join("ABCDE"[(k + j) % 5] for j in range(3)) for k in persons))


SCENARIOS: dict[str, Callable[[], Any]] = {
    "elect-lot-for-two-places": lambda: elect(
        garden(),
        cast("AB", "AB", "AB", "AB", "AC", "AC", "AC", "BC", "BC", "BC", "BC", "C"),
        candidates=["A", "B", "C"],
        seats=2,
        rules=CN,
        options=ElectOptions(alternates=1, tie_break=LOT, ranking=["heads"]),
    ),
    "elect-run-off-tie": lambda: elect(
        garden(),
        cast("AB", "AB", "AB", "AC", "AC", "AC", "BC", "BC", "BC", "BC", "AD", "AD"),
        candidates=["A", "B", "C", "D"],
        seats=2,
        rules=CN,
        options=ElectOptions(ranking=["heads"]),
    ),
    "elect-two-alternates": lambda: elect(
        garden(),
        _cyclic(),
        candidates=["A", "B", "C", "D", "E"],
        seats=3,
        rules=CN,
        options=ElectOptions(alternates=2),
    ),
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


OTHERS = {k: v for k, v in GOOD.items() if k not in ("owner_in_area", "full_capacity")}


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
        "vet-residence-short": vet(
            Candidate("Li", "Li", **GOOD, residence_years=1),
            with_estate(BJ, candidate_residence_years=2),
        ),
        "vet-organisation-person": vet(Candidate("Wu", "Corp", person="Wu"), SH, estate=estate),
        "vet-facts-from-register": vet(Candidate("Li", "Li", **OTHERS), SH, estate=estate),
        "vet-before-any-candidate-rule": vet(
            Candidate("Li", "Li"), cg.rules_for("CN", on=date(2009, 12, 15))
        ),
        "vet-two-bars": vet(
            Candidate("Pan", "Li", **{**GOOD, "arrears": True, "illegal_construction": True}), SH
        ),
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
    vetted = [
        Candidate("Ma", "m", willing=True, party_member=False, **GOOD),
        Candidate("Niu", "n", willing=True, party_member=True, recommendations=0, **GOOD),
        Candidate("Ou", "o", willing=True, recommendations=2, **GOOD),
        Candidate(
            "Pan", "p", willing=True, **{**GOOD, "arrears": True, "illegal_construction": True}
        ),
        Candidate("Qu", "q", willing=True, **{**GOOD, "integrity": None, "arrears": None}),
        Candidate("Ren", "r", willing=True, recommendations=0, **GOOD),
        Candidate("Shi", "s", willing=True, recommendations=1, **GOOD),
    ]
    return {
        "slate-nobody-willing": build_slate([Candidate("Li", "l", willing=False)]),
        "slate-vetted": build_slate(
            vetted,
            policy=SlatePolicy("party then support", (Priority.PARTY_MEMBER, "recommendations")),
            vettings=[vet(c, SH) for c in vetted],
        ),
        "size-national-even": check_committee_size(6, CN),
        "size-national-seven": check_committee_size(7, CN),
        "size-beijing-households-from-register": check_committee_size(
            3,
            BJ,
            estate=cg.Estate.from_records(
                [{"unit": f"1-{i}", "area": "80.5", "owners": [f"o{i}"]} for i in range(40)]
            ),
        ),
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
        "composition-not-met-and-undetermined": composition(
            [
                _member("a", "other", party_member=False, age=0, occupation="teacher"),
                _member("b", "other", party_member=False, age=0, occupation="driver"),
                _member("c", "other", party_member=True, age=0, occupation="teacher"),
                _member("d", "other", party_member=False, age=0, occupation="driver"),
            ],
            targets=[target, Target(Fraction(1, 5), target.citation, name="volunteers")],
        ),
        "composition-unknown-party": composition(
            [_member("a", "other"), _member("b", "other", party_member=False)],
            targets=[target],
        ),
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


def _facts(result: Any) -> str:
    """The fields a program reads besides the text: counts, layer, each condition's code."""
    lines = []
    for name in ("kind", "size", "owners", "alternates", "allowed", "layer", "missing"):
        if hasattr(result, name):
            lines.append(f"{name}: {getattr(result, name)!r}")
    for name in ("checks", "reasons"):
        for ok, notice in getattr(result, name, ()):
            cite = (
                f"{notice.citation.format()} [{notice.citation.note}]" if notice.citation else None
            )
            lines.append(f"{name}: {ok} {notice.code} | {cite}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", sorted(_bodies()))
def test_body_check_reads_exactly_as_pinned(name: str) -> None:
    result = _bodies()[name]
    check_golden(GOLDEN / f"{name}.txt", render(result) + _facts(result))


# ------------------------------------------------------------------ errors, word for word


def _tampered(change: Callable[[dict[str, Any]], object]) -> Callable[[], object]:
    def load() -> object:
        data = first_round().to_dict()
        change(data)
        return cg.elections.ElectionResult.from_dict(data)

    return load


def _set(path: tuple[object, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _set_in(data: dict[str, Any], path: tuple[object, ...], value: object) -> dict[str, Any]:
    _set(path, value)(data)
    return data


def _elect(ballots: list[ElectionBallot], **kwargs: Any) -> Callable[[], object]:
    arguments: dict[str, Any] = {"candidates": ["A", "B"], "seats": 1, "rules": CN, **kwargs}
    return lambda: elect(garden(), ballots, **arguments)


STRICT = BallotPolicy(over_approval=Handling.ERROR, non_candidate=Handling.ERROR)
BAD_INPUTS: dict[str, Callable[[], object]] = {
    "ballot approvals a string": lambda: ElectionBallot("1-01", "AB"),
    "ballot approves twice": lambda: ElectionBallot("1-01", ["A", "A"]),
    "ballot approves a later candidate twice": lambda: ElectionBallot("1-01", ["A", "B", "B"]),
    "ballot approval not an id": lambda: ElectionBallot("1-01", ["A", ""]),
    "ballot unit empty": lambda: ElectionBallot("", ["A"]),
    "ballot spoiled a string": lambda: ElectionBallot("1-01", [], spoiled="no"),
    "ballot from_dict spoiled a string": lambda: ElectionBallot.from_dict(
        {**ElectionBallot("1-01", ["A"]).to_dict(), "spoiled": "false"}
    ),
    "ballot from_dict unit a number": lambda: ElectionBallot.from_dict(
        {**ElectionBallot("1-01", ["A"]).to_dict(), "unit": 101}
    ),
    "ballot from_dict approvals a string": lambda: ElectionBallot.from_dict(
        {**ElectionBallot("1-01", ["A"]).to_dict(), "approvals": "Ma"}
    ),
    "candidate id blank": lambda: Candidate(" ", "Li"),
    "candidate fact a string": lambda: Candidate("Li", "Li", arrears="yes"),
    "candidate count negative": lambda: Candidate("Li", "Li", age=-1),
    "candidate count a flag": lambda: Candidate("Li", "Li", recommendations=True),
    "candidate unknown fact": lambda: Candidate("Li", "Li").fact("colour"),
    "elect no candidates": _elect([], candidates=[]),
    "elect candidate id empty": _elect([], candidates=["A", ""]),
    "elect candidate id internal": _elect([], candidates=["\x00developer"]),
    "elect candidate twice": _elect([], candidates=["A", "B", "A"]),
    "elect candidates a string": _elect([], candidates="AB"),
    "elect seats zero": _elect([], seats=0),
    "elect options a dict": _elect([], options={"alternates": 1}),
    "elect unknown keyword": _elect([], alternatives=1),
    "elect alternates beyond seats in Beijing": _elect(
        [], rules=BJ, options=ElectOptions(alternates=2)
    ),
    "elect unknown unit": _elect([ElectionBallot("9-99", ["A"])]),
    "elect two ballots for a unit": _elect(
        [ElectionBallot("1-01", ["A"]), ElectionBallot("1-01", ["B"])]
    ),
    "elect over-approval refused": _elect(
        [ElectionBallot("1-01", ["A", "B"])], options=ElectOptions(policy=STRICT)
    ),
    "elect non-candidate refused": _elect(
        [ElectionBallot("1-01", ["Z"])], options=ElectOptions(policy=STRICT)
    ),
    "elect co-held ballots differ": _elect(
        [ElectionBallot("2-01", ["A"]), ElectionBallot("2-02", ["B"])]
    ),
    "options alternates negative": lambda: ElectOptions(alternates=-1),
    "options ranking repeated": lambda: ElectOptions(ranking=["heads", "heads"]),
    "options ranking a string": lambda: ElectOptions(ranking="heads"),
    "options scope a string": lambda: ElectOptions(scope="1-01"),
    "options tie break a string": lambda: ElectOptions(tie_break="lot"),
    "options ranking unknown measure": lambda: ElectOptions(ranking=["heads", "votes"]),
    "result unknown candidate": lambda: first_round().candidate("Z"),
    "result candidate listed twice": _tampered(_set(("candidates", 1, "candidate"), "A")),
    "result later candidate listed twice": _tampered(_set(("candidates", 3, "candidate"), "B")),
    "result float in data": _tampered(_set(("seats",), 3.0)),
    "result earlier round tampered": lambda: cg.elections.ElectionResult.from_dict(
        _set_in(run_off_then_second().to_dict(), ("previous", "elected"), ["B"])
    ),
    "result stored numerator": _tampered(_set(("candidates", 2, "checks", 0, "numerator"), "1")),
    "result stored denominator": _tampered(_set(("quorum", 1, "denominator"), "12")),
    "result stored margin": _tampered(_set(("candidates", 0, "checks", 1, "margin"), "7")),
    "result stored passed": _tampered(_set(("candidates", 2, "passed"), True)),
    "result stored status": _tampered(_set(("candidates", 3, "status"), "elected")),
    "result stored rank": _tampered(_set(("candidates", 0, "rank"), 1)),
    "result stored elected": _tampered(_set(("elected",), ["A", "B"])),
    "result stored round": _tampered(_set(("round",), 2)),
    "group member name blank": lambda: GroupMember(" ", "other"),
    "group member leader a string": lambda: GroupMember("x", "other", leader="no"),
    "group member party a string": lambda: GroupMember("x", "other", party_member="yes"),
    "group member age a string": lambda: GroupMember("x", "other", age="40"),
    "group without members": lambda: check_group([], CN),
    "group member role unknown": lambda: GroupMember("x", "mayor"),
    "group kind unknown": lambda: check_group([GroupMember("x", "other")], CN, kind="council"),
    "group exemption unknown": lambda: check_group(
        [GroupMember("x", "other")], CN, not_applicable=["mayor"]
    ),
    "group member age negative": lambda: GroupMember("x", "other", age=-1),
    "composition without members": lambda: composition([]),
    "size not whole": lambda: check_committee_size(0, CN),
    "size alternates a flag": lambda: check_committee_size(5, CN, alternates=True),
    "size small estate needs area": lambda: check_committee_size(3, SH),
    "size small estate needs households": lambda: check_committee_size(3, BJ),
    "size without a size rule": lambda: check_committee_size(
        5, cg.RuleSet("T", ON, (cg.rules.Layer("T", "T: nothing", None, None),))
    ),
    "negative list item not a bar": lambda: NegativeList("n", ["arrears"], clause="c"),
    "slate policy name blank": lambda: SlatePolicy(" ", ()),
    "slate policy flag a string": lambda: SlatePolicy("p", (), exclude_undetermined="no"),
    "slate priorities a string": lambda: SlatePolicy("p", "party_member"),
    "slate priority unknown": lambda: SlatePolicy("p", ["party_member", "seniority"]),
    "slate vetting of a stranger": lambda: build_slate(
        [Candidate("Li", "Li")], vettings=[vet(Candidate("Wu", "Wu"), CN)]
    ),
}


def test_every_bad_input_is_refused_in_the_pinned_words() -> None:
    lines = []
    for label, make in BAD_INPUTS.items():
        with pytest.raises(cg.GovernanceError) as caught:
            make()
        lines.append(f"{label}: {type(caught.value).__name__}: {caught.value}")
    check_golden(GOLDEN / "errors.txt", "\n".join(lines) + "\n")
