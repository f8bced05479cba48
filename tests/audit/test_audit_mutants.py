"""Scenarios that pin every figure and word of audits (kills mutants of the audit engine).

Each audit is rendered in full (verdict, English and Chinese explanation, HTML, plain data)
and compared with a stored golden file; see tests/golden.py for how to accept a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedCandidate,
    AnnouncedDecision,
    AnnouncedElection,
    DecisionAudit,
    ElectionAudit,
    Reading,
    audit_decision,
    audit_election,
    reported_percentage,
)
from community_governance.elections import ElectionBallot
from community_governance.exceptions import AuditError
from community_governance.rules import BallotPolicy, Handling
from golden import check_golden, render

GOLDEN = Path(__file__).parent / "golden"
SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))


def estate() -> cg.Estate:
    """Nine flats, one owner holding two (o1), a developer with two unsold, decimal areas."""
    rows = [{"unit": f"1-{i}", "area": f"100.{i}5", "owners": [f"o{i}"]} for i in range(1, 10)]
    rows += [
        {"unit": "2-1", "area": "50.5", "owners": ["o1"]},
        {"unit": "3-1", "area": "80", "owners": ["Dev"], "status": "unsold"},
        {"unit": "3-2", "area": "80", "owners": ["Dev"], "status": "unsold"},
    ]
    return cg.Estate.from_records(rows)


def election_ballots() -> list[ElectionBallot]:
    items = [ElectionBallot(f"1-{i}", ["A", "B"] if i < 7 else ["C"]) for i in range(1, 10)]
    items += [
        ElectionBallot("2-1", ["A", "B"]),
        ElectionBallot("3-1", ["C"]),
        ElectionBallot("3-2", ["C"]),
    ]
    return items


def motion_ballots() -> list[cg.Ballot]:
    votes = [cg.Ballot(f"1-{i}", "agree" if i < 6 else "oppose") for i in range(1, 10)]
    votes += [cg.Ballot("2-1", "agree"), cg.Ballot("3-1", "oppose"), cg.Ballot("3-2", "oppose")]
    return votes


def elect(
    announced: AnnouncedElection, ballots: list[ElectionBallot] | None = None
) -> ElectionAudit:
    return audit_election(
        estate(),
        election_ballots() if ballots is None else ballots,
        announced,
        candidates=["A", "B", "C"],
        seats=2,
        rules=SH,
    )


def motion(announced: AnnouncedDecision, ballots: list[cg.Ballot] | None = None) -> DecisionAudit:
    return audit_decision(
        estate(),
        motion_ballots() if ballots is None else ballots,
        announced,
        matter="hire-or-dismiss-manager",
        rules=SH,
    )


ELECTIONS = {
    "election-consistent": lambda: elect(AnnouncedElection()),
    "election-every-figure": lambda: elect(
        AnnouncedElection(
            participating_heads=12,
            participating_area="1200",
            candidates={"A": (7, "700"), "B": 6, "C": (5, "300.5")},
            elected=["A", "C"],
        ),
        [*election_ballots(), ElectionBallot("9-9", ["A"]), ElectionBallot("1-1", ["A", "B"])],
    ),
    "election-non-voters": lambda: audit_election(
        estate(),
        [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 8)],
        AnnouncedElection(
            participating_heads=10,
            participating_area="1010.5",
            candidates=[AnnouncedCandidate("A", 10, "1010.5")],
        ),
        candidates=["A"],
        seats=1,
        rules=SH,
    ),
    "election-unexplained": lambda: elect(AnnouncedElection(participating_heads=3)),
    "election-conflicting": lambda: elect(
        AnnouncedElection(participating_heads=9),
        [*election_ballots()[:-3], ElectionBallot("2-1", ["C"])],
    ),
    "election-fewer-counted": lambda: elect(
        AnnouncedElection(participating_heads=9, candidates={"A": (5, "500")}, elected=["A"])
    ),
}


def estate_of_three() -> cg.Estate:
    """Ten flats, Li holding three of them; ten persons."""
    rows = [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 10)]
    rows += [{"unit": f"2-{i}", "area": "50.5", "owners": ["Li"]} for i in range(1, 4)]
    return cg.Estate.from_records(rows)


DEEMED = cg.rules_for("CN-SH", on=date(2024, 5, 1)).with_layer(
    cg.jurisdictions.estate_layer(
        "covenant",
        params={
            "deemed_vote": cg.rules.DeemedVoteClause(
                "covenant Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR
            )
        },
        clause="Art. 9",
    )
)


def estate_of_two_holders() -> cg.Estate:
    """Eight flats of one owner each, Li holding three more and Wu two; ten persons."""
    rows = [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(1, 9)]
    rows += [{"unit": f"2-{i}", "area": "50.5", "owners": ["Li"]} for i in range(1, 4)]
    rows += [{"unit": f"3-{i}", "area": "60.25", "owners": ["Wu"]} for i in range(1, 3)]
    return cg.Estate.from_records(rows)


ELECTIONS |= {
    "election-two-holders-counted-per-unit": lambda: audit_election(
        estate_of_two_holders(),
        [ElectionBallot(u.id, ["A"]) for u in estate_of_two_holders().units],
        AnnouncedElection(participating_heads=13, candidates={"A": 13}, elected=["A"]),
        candidates=["A"],
        seats=1,
        rules=SH,
    ),
    "election-three-units": lambda: audit_election(
        estate_of_three(),
        [ElectionBallot(f"2-{i}", ["A"]) for i in range(1, 4)]
        + [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 9)],
        AnnouncedElection(participating_heads=12, candidates={"A": 12}, elected=["A"]),
        candidates=["A", "B"],
        seats=1,
        rules=SH,
    ),
    "election-one-non-voter": lambda: audit_election(
        estate_of_three(),
        [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 10)],
        AnnouncedElection(participating_heads=10, candidates={"A": 10}),
        candidates=["A"],
        seats=1,
        rules=SH,
    ),
}

ELECTIONS |= {
    "election-part-unexplained": lambda: audit_election(
        estate_of_three(),
        [ElectionBallot(f"2-{i}", ["A"]) for i in range(1, 4)]
        + [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 9)],
        AnnouncedElection(participating_heads=13),
        candidates=["A"],
        seats=1,
        rules=SH,
    ),
    "election-deemed-rules": lambda: audit_election(
        estate_of_three(),
        [ElectionBallot(f"1-{i}", ["A"]) for i in range(1, 9)],
        AnnouncedElection(participating_heads=10),
        candidates=["A"],
        seats=1,
        rules=DEEMED,
    ),
    "election-with-options": lambda: audit_election(
        estate_of_three(),
        [
            ElectionBallot(f"1-{i}", ["A", "B"] if i < 4 else ["A", "C"] if i < 7 else ["B", "C"])
            for i in range(1, 10)
        ]
        + [ElectionBallot("2-1", ["A", "B"])],
        AnnouncedElection(elected=["A", "B"]),
        candidates=["A", "B", "C"],
        seats=2,
        rules=SH,
        alternates=1,
        policy=BallotPolicy(over_approval=Handling.ERROR),
    ),
    "election-seats-and-spoiled": lambda: audit_election(
        estate_of_three(),
        [
            ElectionBallot(f"1-{i}", ["A", "B"] if i < 4 else ["A", "C"] if i < 7 else ["B", "C"])
            for i in range(1, 10)
        ]
        + [ElectionBallot("2-1", ["A", "B"])],
        AnnouncedElection(elected=["B", "A"], alternates=["B", "C"], unfilled=1, spoiled_heads=2),
        candidates=["A", "B", "C"],
        seats=2,
        rules=SH,
        alternates=1,
    ),
}

MOTIONS = {
    "motion-consistent": lambda: motion(
        AnnouncedDecision(participating_heads=10, agree_heads=5, agree_area="551.25", passed=False)
    ),
    "motion-every-figure": lambda: motion(
        AnnouncedDecision(
            participating_heads=12,
            participating_area="1",
            agree_heads=6,
            agree_area=0,
            passed=True,
        )
    ),
    "motion-conflicting": lambda: motion(
        AnnouncedDecision(),
        [cg.Ballot("1-1", "agree"), cg.Ballot("2-1", "oppose"), cg.Ballot("8-8", "agree")],
    ),
    "motion-non-voters": lambda: motion(
        AnnouncedDecision(participating_heads=11, agree_heads=11, passed=True),
        [cg.Ballot(f"1-{i}", "agree") for i in range(1, 4)],
    ),
    "motion-announced-failed": lambda: motion(
        AnnouncedDecision(passed=False), [cg.Ballot(u.id, "agree") for u in estate().units]
    ),
    "motion-result-not-announced": lambda: motion(
        AnnouncedDecision(participating_heads=0), [cg.Ballot(u.id, "agree") for u in estate().units]
    ),
    "motion-deemed-votes": lambda: audit_decision(
        estate(),
        [cg.Ballot(f"1-{i}", "agree") for i in range(1, 8)],
        AnnouncedDecision(participating_heads=10, agree_heads=10, passed=True),
        matter="hire-or-dismiss-manager",
        rules=DEEMED,
    ),
    "motion-fewer-counted": lambda: motion(
        AnnouncedDecision(participating_heads=8, participating_area="800", agree_heads=4)
    ),
}


@pytest.mark.parametrize("name", sorted(ELECTIONS))
def test_election_audit_golden(name: str) -> None:
    audit = ELECTIONS[name]()
    text = render(audit)
    for item in (*audit.irregularities, *audit.discrepancies, *audit.causes):
        text += render(item, data=False)
    check_golden(GOLDEN / f"{name}.txt", text)
    assert ElectionAudit.from_dict(audit.to_dict()) == audit


@pytest.mark.parametrize("name", sorted(MOTIONS))
def test_motion_audit_golden(name: str) -> None:
    audit = MOTIONS[name]()
    text = render(audit)
    for item in (*audit.irregularities, *audit.discrepancies, *audit.causes):
        text += render(item, data=False)
    check_golden(GOLDEN / f"{name}.txt", text)
    assert DecisionAudit.from_dict(audit.to_dict()) == audit


PERCENTAGES = [
    (103, "96.8", None),
    (7, "71.4", None),
    (39, "53.8%", None),
    (3, "66.7", None),
    (3, "66.6", None),
    (3, "66.6", (Reading.ROUNDING,)),
    (3, "66.7", (Reading.TRUNCATION,)),
    (8, "12.5", None),
    (5, "0.0", None),
    (5, 100, None),
    (7, "0.5", None),
    (7, "99.5", None),
    (1000, "33.35", None),
    (6, "50", None),
    (1, "100", None),
    (1, "0", None),
    (10, "1E+1", None),
    (8, "12.4", (Reading.TRUNCATION,)),
    (8, "12.5", (Reading.TRUNCATION,)),
    (5, "40", None),
    (3, "33.33", None),
    (200, "0.5", None),
    (7, "14.29", None),
    (200, "1", None),
    (1000, "96.8", None),
    (1000, "33", None),
    (100, "100", None),
]


def test_reported_percentages_golden() -> None:
    text = ""
    for total, reported, readings in PERCENTAGES:
        check = (
            reported_percentage(total, reported)
            if readings is None
            else reported_percentage(total, reported, readings=readings)
        )
        text += f"=== {total} {reported} {readings}\n"
        text += f"fits {check.fits} rounding {check.rounding} truncation {check.truncation} "
        text += f"possible {check.possible} nearest {check.nearest()}\n"
        text += render(check)
    check_golden(GOLDEN / "percentages.txt", text)


FLOAT_HINT = "so that its shown decimals are known; floats lose them"
ERRORS = [
    (lambda: reported_percentage(0, "5"), "total", 0, "total 0 must be a positive whole number"),
    (lambda: reported_percentage(True, "5"), "total", True, "total True must be a positive"),
    (
        lambda: reported_percentage(10, 96.8),
        "reported",
        96.8,
        f"reported percentage 96.8 must be a str such as '96.8' (or a Decimal or int) {FLOAT_HINT}",
    ),
    (
        lambda: reported_percentage(10, True),
        "reported",
        True,
        "reported percentage True must be a str",
    ),
    (lambda: reported_percentage(10, "x"), "reported", "x", "reported percentage 'x' is not a"),
    (
        lambda: reported_percentage(10, "101"),
        "reported",
        "101",
        "reported percentage '101' must be between 0 and 100",
    ),
    (
        lambda: reported_percentage(10, "-1"),
        "reported",
        "-1",
        "reported percentage '-1' must be between 0 and 100",
    ),
    (
        lambda: reported_percentage(10, "5", readings=()),
        "readings",
        (),
        "give at least one reading",
    ),
    (
        lambda: AnnouncedElection(participating_heads=-1),
        "count",
        -1,
        "announced count -1 must be a whole number ≥ 0",
    ),
    (
        lambda: AnnouncedDecision(passed="no"),
        "passed",
        "no",
        "announced result 'no' must be True, False or None",
    ),
    (
        lambda: AnnouncedElection(elected="Ma"),
        "elected",
        "Ma",
        "announced elected 'Ma' must be a list of candidate ids",
    ),
    (
        lambda: AnnouncedElection(elected=[7]),
        "candidate",
        7,
        "candidate id 7 must be a non-empty string",
    ),
    (
        lambda: AnnouncedElection(candidates={"A": (1, 2, 3)}),
        "candidates",
        (1, 2, 3),
        "announced figures of candidate 'A' must be heads or (heads, area), not (1, 2, 3)",
    ),
    (
        lambda: AnnouncedElection(candidates="AB"),
        "candidates",
        "AB",
        "announced candidates must be a mapping or a list of AnnouncedCandidate, not 'AB'",
    ),
    (
        lambda: AnnouncedElection(candidates=["A"]),
        "candidates",
        "A",
        "announced candidates: 'A' is not an AnnouncedCandidate",
    ),
]


@pytest.mark.parametrize(("call", "field", "value", "message"), ERRORS)
def test_audit_errors_name_field_and_value(
    call: Callable[[], object], field: str, value: object, message: str
) -> None:
    with pytest.raises(AuditError) as info:
        call()
    assert str(info.value).startswith(message)
    assert (info.value.field, info.value.value) == (field, value)  # type: ignore[attr-defined]


def tampered(name: str, change: Callable[[dict[str, Any]], None]) -> Exception:
    audit = {**ELECTIONS, **MOTIONS}[name]()
    data = audit.to_dict()
    change(data)
    with pytest.raises(cg.GovernanceError) as info:
        type(audit).from_dict(data)
    return info.value


def set_at(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("name", "path", "value", "message"),
    [
        (
            "motion-every-figure",
            ("recount", "checks", 0, "passed"),
            "yes",
            "DecisionAudit.from_dict: recount.checks[0].passed is 'yes': floats, strings for "
            "booleans and booleans for counts are refused",
        ),
        (
            "motion-every-figure",
            ("recount", "tally", "agree", "heads"),
            True,
            "DecisionAudit.from_dict: recount.tally.agree.heads is True: floats",
        ),
        (
            "election-three-units",
            ("discrepancies", 0, "parts", 0, "amount"),
            True,
            "ElectionAudit.from_dict: discrepancies[0].parts[0].amount is True: floats",
        ),
        (
            "election-three-units",
            ("discrepancies", 0, "recounted"),
            "8",
            "ElectionAudit: stored discrepancies",
        ),
        (
            "election-three-units",
            ("discrepancies", 0, "parts", 0, "cause", "en"),
            "a slip",
            "ElectionAudit: stored causes[persons-counted-more-than-once]",
        ),
        (
            "election-three-units",
            ("discrepancies", 0, "parts", 0, "amount"),
            1,
            "ElectionAudit: stored discrepancies[participation-heads:participation].parts 2 "
            "disagrees with the value recomputed from the data, 3; derived facts are never "
            "trusted from input",
        ),
    ],
)
def test_tampered_audit_data_is_refused_by_name(
    name: str, path: tuple[Any, ...], value: object, message: str
) -> None:
    assert str(tampered(name, set_at(path, value))).startswith(message)


def test_a_part_larger_than_the_extra_units_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        parts = data["discrepancies"][0]["parts"]
        parts[0]["amount"], parts[1]["amount"] = 3, 0

    assert str(tampered("election-three-units", change)).startswith(
        "ElectionAudit: stored discrepancies[participation-heads:participation].parts[owner Li "
        "(units 2-1, 2-2, 2-3) counted 3 times] 3 disagrees with the value recomputed from the "
        "data, 2"
    )


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("motion-every-figure", ("recount", "checks", 0, "passed"), "yes"),
        ("motion-every-figure", ("recount", "tally", "agree", "heads"), True),
        ("election-three-units", ("discrepancies", 0, "parts", 0, "amount"), True),
        ("election-three-units", ("recount", "seats"), 1.0),
    ],
)
def test_plain_data_refusal_names_the_path_and_the_value(
    name: str, path: tuple[Any, ...], value: object
) -> None:
    error = tampered(name, set_at(path, value))
    assert isinstance(error, cg.exceptions.InvalidDataError)
    dotted = ".".join(str(p) for p in path).replace(".0", "[0]")
    assert error.field == dotted  # type: ignore[attr-defined]
    assert error.value == value and type(error.value) is type(value)  # type: ignore[attr-defined]


def test_html_lists_every_person_and_unit_of_a_cause() -> None:
    import attrs

    from community_governance.audit import Cause

    audit = ELECTIONS["election-three-units"]()
    both = Cause("conflicting-ballots", ("Li", "Wu"), ("2-1", "3-1"), "two owners", "两名业主")
    html = attrs.evolve(audit, irregularities=(both,))._repr_html_()
    assert "<td>two owners</td><td>Li, Wu</td><td>2-1, 3-1</td>" in html
