"""The announced alternates, unfilled seats and spoiled ballots, audited against the recount."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance.audit import AnnouncedElection, ElectionAudit, audit_election
from community_governance.elections import ElectionBallot
from community_governance.exceptions import (
    AuditError,
    AuditInputError,
    DerivedFactMismatchError,
    InvalidDataError,
)
from community_governance.frames import to_frame
from community_governance.strategies.elections import elections

CN = cg.rules_for("CN", on=date(2025, 3, 1))
DATA = Path(__file__).parent / "data"


def _approvals() -> list[list[str]]:
    """30 ballots of three approvals each: A 20, B 19, C 18, D 17, E 16 persons."""
    need = {"A": 20, "B": 19, "C": 18, "D": 17, "E": 16}
    rows = []
    for _ in range(30):
        chosen = sorted(need, key=lambda c: -need[c])[:3]
        for cid in chosen:
            need[cid] -= 1
        rows.append(sorted(chosen))
    return rows


ESTATE = cg.Estate.from_records(
    [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(32)]
)
BALLOTS = [ElectionBallot(f"u{i}", approvals) for i, approvals in enumerate(_approvals())]
BALLOTS.append(ElectionBallot("u30", [], spoiled=True))  # u31 does not vote


def _audit(announced: AnnouncedElection, seats: int = 3) -> ElectionAudit:
    """Elected A, B, C; alternates D, E (by rank); one spoiled; ``seats=6``: one unfilled."""
    return audit_election(
        ESTATE,
        BALLOTS,
        announced,
        candidates=["A", "B", "C", "D", "E", "F"],
        seats=seats,
        rules=CN,
        alternates=2,
    )


def _found(announced: AnnouncedElection, seats: int = 3) -> tuple[Any, ...]:
    (found,) = _audit(announced, seats).discrepancies
    return (found.code, found.subject, found.announced, found.recounted, found.en, found.zh)


def test_the_recount_has_alternates_one_spoiled_and_no_unfilled_seat() -> None:
    recount = _audit(AnnouncedElection()).recount
    assert (recount.elected, recount.alternates, recount.unfilled) == (
        ("A", "B", "C"),
        ("D", "E"),
        0,
    )
    assert recount.spoiled.heads == 1
    assert _audit(AnnouncedElection(), seats=6).recount.unfilled == 1


# ------------------------------------------------------------------------------------ alternates
def test_the_announced_alternates_in_the_recounted_order_agree() -> None:
    assert _audit(AnnouncedElection(alternates=["D", "E"])).consistent
    assert _audit(AnnouncedElection(alternates=("D", "E"))).consistent


@pytest.mark.parametrize(
    ("alternates", "shown"),
    [
        (["E", "D"], "E, D"),  # the same names in another order: the order decides vacancies
        (["D"], "D"),
        (["D", "E", "E"], "D, E, E"),  # a name listed twice
        (["D", "E", "F"], "D, E, F"),
        (["C", "D"], "C, D"),  # an elected member listed as an alternate
    ],
)
def test_announced_alternates_that_differ_are_one_discrepancy(alternates, shown) -> None:
    assert _found(AnnouncedElection(alternates=alternates)) == (
        "alternates",
        "alternates",
        shown,
        "D, E",
        "alternates, in order",
        "候补委员（按顺序）",
    )


def test_alternates_in_another_order_read_in_both_languages() -> None:
    (found,) = _audit(AnnouncedElection(alternates=["E", "D"])).discrepancies
    assert found.text() == "alternates, in order: announced E, D, recounted D, E"
    assert found.text("zh") == "候补委员（按顺序）：公布为E、D，复核为D、E"
    assert not found.parts and not found.explained


def test_no_alternates_on_either_side_is_nobody() -> None:
    (found,) = _audit(AnnouncedElection(alternates=[])).discrepancies
    assert (found.announced, found.recounted) == ("nobody", "D, E")
    assert found.text("zh") == "候补委员（按顺序）：公布为无，复核为D、E"
    none_sought = audit_election(
        ESTATE,
        BALLOTS,
        AnnouncedElection(alternates=["D"]),
        candidates=["A", "B", "C", "D", "E", "F"],
        seats=3,
        rules=CN,
    )
    (found,) = none_sought.discrepancies
    assert found.text() == "alternates, in order: announced D, recounted nobody"
    assert found.text("zh") == "候补委员（按顺序）：公布为D，复核为无"
    assert audit_election(
        ESTATE,
        BALLOTS,
        AnnouncedElection(alternates=[]),
        candidates=["A", "B", "C", "D", "E", "F"],
        seats=3,
        rules=CN,
    ).consistent


# -------------------------------------------------------------------------------- unfilled seats
def test_the_announced_unfilled_seats_both_sides() -> None:
    assert _audit(AnnouncedElection(unfilled=0)).consistent
    assert _found(AnnouncedElection(unfilled=1)) == (
        "unfilled-seats",
        "seats",
        "1",
        "0",
        "seats unfilled",
        "空缺席位",
    )
    assert _audit(AnnouncedElection(unfilled=1), seats=6).consistent
    assert _found(AnnouncedElection(unfilled=0), seats=6)[2:4] == ("0", "1")
    assert _found(AnnouncedElection(unfilled=2), seats=6)[2:4] == ("2", "1")


def test_unfilled_seats_read_in_both_languages() -> None:
    (found,) = _audit(AnnouncedElection(unfilled=1)).discrepancies
    assert found.text() == "seats unfilled: announced 1, recounted 0"
    assert found.text("zh") == "空缺席位：公布为1席，复核为0席"


# ------------------------------------------------------------------------------- spoiled ballots
def test_the_announced_spoiled_ballots_both_sides() -> None:
    assert _audit(AnnouncedElection(spoiled_heads=1)).consistent
    assert _found(AnnouncedElection(spoiled_heads=2)) == (
        "spoiled-heads",
        "spoiled",
        "2",
        "1",
        "persons with spoiled ballots",
        "废票人数",
    )
    assert _found(AnnouncedElection(spoiled_heads=0))[2:4] == ("0", "1")


def test_spoiled_ballots_read_in_both_languages() -> None:
    (found,) = _audit(AnnouncedElection(spoiled_heads=2)).discrepancies
    assert found.text() == "persons with spoiled ballots: announced 2, recounted 1"
    assert found.text("zh") == "废票人数：公布为2人，复核为1人"


def test_not_announced_is_not_audited() -> None:
    announced = AnnouncedElection()
    assert (announced.alternates, announced.unfilled, announced.spoiled_heads) == (None,) * 3
    assert _audit(announced).consistent
    assert _audit(announced, seats=6).consistent


def test_every_figure_differing_is_listed_in_order() -> None:
    audit = _audit(
        AnnouncedElection(
            participating_heads=31,
            spoiled_heads=0,
            elected=["A", "B", "C"],
            alternates=["E", "D"],
            unfilled=1,
        )
    )
    assert [d.code for d in audit.discrepancies] == [
        "spoiled-heads",
        "alternates",
        "unfilled-seats",
    ]
    assert ElectionAudit.from_dict(audit.to_dict()) == audit
    frame = to_frame(audit)
    assert list(frame["code"]) == ["spoiled-heads", "alternates", "unfilled-seats"]
    assert list(frame["figure_zh"]) == ["废票人数", "候补委员（按顺序）", "空缺席位"]
    assert list(frame["explained"]) == [False, False, False]


# ------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        ({"unfilled": True}, "unfilled", "announced unfilled seats True must be a whole number"),
        ({"unfilled": 1.0}, "unfilled", "announced unfilled seats 1.0 must be a whole number"),
        ({"unfilled": "1"}, "unfilled", "announced unfilled seats '1' must be a whole number"),
        (
            {"spoiled_heads": False},
            "spoiled_heads",
            "announced spoiled ballots False must be a whole number",
        ),
        (
            {"spoiled_heads": "2"},
            "spoiled_heads",
            "announced spoiled ballots '2' must be a whole number",
        ),
    ],
)
def test_a_count_of_the_wrong_type_is_a_type_error_naming_the_field(given, field, message) -> None:
    with pytest.raises(AuditInputError) as raised:
        AnnouncedElection(**given)
    assert isinstance(raised.value, TypeError)
    assert str(raised.value).startswith(message)
    assert (raised.value.field, raised.value.value) == (field, given[field])


@pytest.mark.parametrize("field", ["unfilled", "spoiled_heads"])
def test_a_negative_count_is_a_value_error_naming_the_field(field) -> None:
    with pytest.raises(AuditError) as raised:
        AnnouncedElection(**{field: -1})
    assert not isinstance(raised.value, TypeError) and isinstance(raised.value, ValueError)
    assert (raised.value.field, raised.value.value) == (field, -1)
    assert "-1 must be a whole number ≥ 0" in str(raised.value)


@pytest.mark.parametrize(
    ("alternates", "field", "message"),
    [
        ("D", "alternates", "announced alternates 'D' must be a list of candidate ids"),
        (2, "alternates", "announced alternates 2 must be a list of candidate ids"),
        ([7], "candidate", "candidate id 7 must be a non-empty string"),
        (["D", " "], "candidate", "candidate id ' ' must be a non-empty string"),
    ],
)
def test_bad_alternates_name_the_field(alternates, field, message) -> None:
    with pytest.raises(AuditError) as raised:
        AnnouncedElection(alternates=alternates)
    assert str(raised.value).startswith(message)
    assert raised.value.field == field


def test_the_elected_field_still_names_itself() -> None:
    with pytest.raises(AuditError) as raised:
        AnnouncedElection(elected="Ma")
    assert raised.value.field == "elected"


# ---------------------------------------------------------------------------------- plain data
def test_the_new_figures_round_trip_and_a_stored_difference_is_recomputed() -> None:
    audit = _audit(AnnouncedElection(alternates=["D", "E"], unfilled=0, spoiled_heads=2))
    data = audit.to_dict()
    assert data["schema"] == "community_governance.election_audit/3"
    assert (data["announced"]["alternates"], data["announced"]["unfilled"]) == (["D", "E"], 0)
    assert ElectionAudit.from_dict(data) == audit
    data["announced"]["alternates"] = ["E", "D"]  # the stored discrepancies no longer fit
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionAudit.from_dict(data)
    assert raised.value.field == "discrepancies"


@pytest.mark.parametrize(("key", "value"), [("unfilled", True), ("spoiled_heads", False)])
def test_a_boolean_stored_for_a_new_count_is_refused(key, value) -> None:
    data = _audit(AnnouncedElection()).to_dict()
    data["announced"][key] = value
    with pytest.raises(InvalidDataError) as raised:
        ElectionAudit.from_dict(data)
    assert raised.value.field == f"announced.{key}"


def _every_figure() -> ElectionAudit:
    """The scenario the stored schema /2 data were written from (tests/audit/golden)."""
    estate = cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": f"100.{i}5", "owners": [f"o{i}"]} for i in range(1, 10)]
        + [
            {"unit": "2-1", "area": "50.5", "owners": ["o1"]},
            {"unit": "3-1", "area": "80", "owners": ["Dev"], "status": "unsold"},
            {"unit": "3-2", "area": "80", "owners": ["Dev"], "status": "unsold"},
        ]
    )
    ballots = [ElectionBallot(f"1-{i}", ["A", "B"] if i < 7 else ["C"]) for i in range(1, 10)]
    ballots += [ElectionBallot(u, ["A", "B"] if u == "2-1" else ["C"]) for u in ("2-1", "3-1")]
    ballots += [ElectionBallot("3-2", ["C"]), ElectionBallot("9-9", ["A"])]
    ballots.append(ElectionBallot("1-1", ["A", "B"]))
    announced = AnnouncedElection(
        participating_heads=12,
        participating_area="1200",
        candidates={"A": (7, "700"), "B": 6, "C": (5, "300.5")},
        elected=["A", "C"],
    )
    rules = cg.rules_for("CN-SH", on=date(2024, 5, 1))
    return audit_election(
        estate, ballots, announced, candidates=["A", "B", "C"], seats=2, rules=rules
    )


def _schema_2() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "election-audit-2.json").read_text("utf-8"))
    return data


def test_schema_2_data_load_with_the_new_figures_not_announced() -> None:
    data = _schema_2()
    assert data["schema"] == "community_governance.election_audit/2"
    assert "alternates" not in data["announced"]
    audit = ElectionAudit.from_dict(data)
    assert audit == _every_figure()
    assert (audit.announced.alternates, audit.announced.unfilled) == (None, None)
    assert audit.announced.spoiled_heads is None
    assert audit.to_dict()["schema"] == "community_governance.election_audit/3"


@pytest.mark.parametrize("key", ["alternates", "spoiled_heads", "unfilled"])
def test_schema_2_data_with_a_figure_only_schema_3_has_are_refused(key) -> None:
    data = _schema_2()
    data["announced"][key] = None
    with pytest.raises(InvalidDataError) as raised:
        ElectionAudit.from_dict(data)
    assert raised.value.field == f"announced.{key}"
    assert str(raised.value).startswith(
        f"ElectionAudit.from_dict: schema 'community_governance.election_audit/2' has no "
        f"announced {key!r}"
    )


def test_schema_2_data_keep_their_checks() -> None:
    data = _schema_2()
    data["discrepancies"] = data["discrepancies"][1:]
    with pytest.raises(DerivedFactMismatchError):
        ElectionAudit.from_dict(data)
    data = _schema_2()
    data["announced"] = "everything"
    with pytest.raises(InvalidDataError) as raised:
        ElectionAudit.from_dict(data)
    assert raised.value.field == "announced"
    with pytest.raises(InvalidDataError) as raised:
        ElectionAudit.from_dict({**_schema_2(), "schema": "community_governance.election_audit/1"})
    assert raised.value.field == "schema"


# ---------------------------------------------------------------------------------- a property
@settings(max_examples=40, deadline=None)
@given(elections(), st.integers(0, 2))
def test_announcing_the_recount_finds_no_discrepancy(election, alternates) -> None:
    def audit(announced: AnnouncedElection) -> ElectionAudit:
        return audit_election(
            election.estate,
            election.ballots,
            announced,
            candidates=election.candidates,
            seats=election.seats,
            rules=CN,
            alternates=alternates,
        )

    recount = audit(AnnouncedElection()).recount
    announced = AnnouncedElection(
        participating_heads=recount.participating.heads,
        participating_area=recount.participating.area,
        candidates={c.candidate: (c.approvals.heads, c.approvals.area) for c in recount.candidates},
        elected=reversed(recount.elected),  # any order
        alternates=recount.alternates,
        unfilled=recount.unfilled,
        spoiled_heads=recount.spoiled.heads,
    )
    found = audit(announced)
    assert found.discrepancies == ()
    assert ElectionAudit.from_dict(found.to_dict()) == found
    if recount.alternates[1:]:
        swapped = (*recount.alternates[1:], recount.alternates[0])
        (differs,) = audit(attrs.evolve(announced, alternates=swapped)).discrepancies
        assert differs.code == "alternates"
