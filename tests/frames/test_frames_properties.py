"""Frame and object paths give identical results (every check, figure, notice) or errors."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance.elections import ElectionBallot, ElectOptions, elect
from community_governance.exceptions import GovernanceError
from community_governance.frames import ElectionColumns, decide_frame, elect_frame
from community_governance.rules import BallotPolicy
from community_governance.strategies import estates

RULES = cg.rules_for("CN", on=date(2025, 3, 1))
SH = cg.rules_for("CN-SH", on=date(2025, 3, 1))
EXCLUDED = cg.rules_for("CN", on=date(2021, 3, 1)).with_layer(
    cg.jurisdictions.estate_layer(
        "Garden rules 2023", params={"spoiled_ballots": "excluded"}, clause="Art. 12"
    )
)
CHOICES = ("agree", "oppose", "abstain", "spoiled", "同意", "废票")
NAMES = ("A", "B", "C", "X")  # X is not a candidate
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(run: Any) -> object:
    try:
        return run()
    except GovernanceError as error:
        return type(error), str(error)


@st.composite
def motion_sheets(draw: st.DrawFn) -> tuple[cg.Estate, list[tuple[str, str | None]]]:
    """An estate and ballot rows: persons mostly agree, with conflicts, strays and twins."""
    estate = draw(estates(max_units=10, developer_entities=2))
    rows: list[tuple[str, str | None]] = []
    for person in estate.persons:
        if not draw(st.booleans()):
            continue
        choice = draw(st.sampled_from(CHOICES))
        for unit in person.units:
            if draw(st.integers(0, 3)) == 0:
                continue  # partial ballots of a multi-unit person
            odd = draw(st.integers(0, 12)) == 0
            rows.append((unit, draw(st.sampled_from(CHOICES)) if odd else choice))
    if draw(st.integers(0, 8)) == 0:
        rows.append(("9-999", "agree"))
    if rows and draw(st.integers(0, 8)) == 0:
        rows.append(rows[0])
    if draw(st.booleans()):
        # a tally sheet: every unit in register order, null where no ballot
        given_rows = dict(rows)
        if len(given_rows) == len(rows) and set(given_rows) <= {u.id for u in estate.units}:
            rows = [(u.id, given_rows.get(u.id)) for u in estate.units]
    return estate, draw(st.permutations(rows)) if draw(st.booleans()) else rows


@given(
    motion_sheets(),
    st.sampled_from((RULES, SH, EXCLUDED)),
    st.sampled_from(list(cg.Matter)),
    st.sampled_from((None, date(2020, 12, 20))),
    st.booleans(),
)
@SETTINGS
def test_decide_frame_equals_decide(
    sheet: Any, rules: cg.RuleSet, matter: cg.Matter, opened: date | None, pandas: bool
) -> None:
    estate, rows = sheet
    frame: Any = pl.DataFrame(
        {"unit": [u for u, _ in rows], "choice": [c for _, c in rows]},
        schema={"unit": pl.String, "choice": pl.String},
    )
    if pandas:  # pandas reads a null choice back as NaN
        frame = frame.to_pandas()
    ballots = [cg.Ballot(u, c) for u, c in rows if c is not None]
    expected = outcome(
        lambda: cg.decide(estate, ballots, matter=matter, rules=rules, opened=opened)
    )
    got = outcome(lambda: decide_frame(estate, frame, matter=matter, rules=rules, opened=opened))
    assert got == expected


@st.composite
def election_sheets(draw: st.DrawFn) -> tuple[cg.Estate, list[tuple[str, frozenset[str], bool]]]:
    estate = draw(estates(max_units=10))
    rows: list[tuple[str, frozenset[str], bool]] = []
    for person in estate.persons:
        if not draw(st.booleans()):
            continue
        ballot = (draw(st.frozensets(st.sampled_from(NAMES))), draw(st.integers(0, 5)) == 0)
        for unit in person.units:
            if draw(st.integers(0, 12)) == 0:
                ballot = (draw(st.frozensets(st.sampled_from(NAMES))), False)
            rows.append((unit, *ballot))
    if draw(st.integers(0, 8)) == 0:
        rows.append(("9-999", frozenset(), False))
    if rows and draw(st.integers(0, 8)) == 0:
        rows.append(rows[0])
    return estate, draw(st.permutations(rows))


#: How the test hands a polars frame to the frame path.
BACKENDS: dict[str, Any] = {
    "polars": lambda frame: frame,
    "pandas": lambda frame: frame.to_pandas(),  # object columns: lists as numpy arrays
    "pandas-arrow": lambda frame: frame.to_pandas(use_pyarrow_extension_array=True),
    "pyarrow": lambda frame: frame.to_arrow(),
}


@st.composite
def approval_lists(
    draw: st.DrawFn, rows: list[tuple[str, frozenset[str], bool]]
) -> list[tuple[str, list[str] | None, bool | None]]:
    """The rows as approval lists: in any order, a name now and then twice, null cells."""
    listed: list[tuple[str, list[str] | None, bool | None]] = []
    for unit, approvals, spoiled in rows:
        names = draw(st.permutations(sorted(approvals)))
        if names and draw(st.integers(0, 15)) == 0:
            names = [*names, names[0]]  # a name twice: refused as ElectionBallot refuses it
        kind = draw(st.integers(0, 9))
        if kind == 0:
            listed.append((unit, None, None))  # no ballot
        elif kind == 1:
            listed.append((unit, None, spoiled))  # a ballot approving nobody
        else:
            listed.append((unit, names, None if kind == 2 else spoiled))
    return listed


@given(
    election_sheets(),
    st.integers(1, 3),
    st.sampled_from(
        (None, BallotPolicy("error", "error", "set-aside"), BallotPolicy("spoil", "error"))
    ),
    st.sampled_from(sorted(BACKENDS)),
    st.sampled_from((RULES, EXCLUDED)),
)
@SETTINGS
def test_elect_frame_equals_elect(
    sheet: Any, seats: int, policy: BallotPolicy | None, backend: str, rules: cg.RuleSet
) -> None:
    estate, rows = sheet
    data = {"unit": [u for u, _, _ in rows]}
    data |= {name: [name in a for _, a, _ in rows] for name in NAMES}
    data["spoiled"] = [s for _, _, s in rows]
    schema = dict.fromkeys(data, pl.Boolean) | {"unit": pl.String}
    native = BACKENDS[backend](pl.DataFrame(data, schema=schema))
    ballots = [ElectionBallot(u, a, spoiled=s) for u, a, s in rows]
    kwargs: dict[str, Any] = {"candidates": ("A", "B", "C"), "seats": seats, "rules": rules}
    options = ElectOptions(policy=policy)
    expected = outcome(lambda: elect(estate, ballots, options=options, **kwargs))
    columns = ElectionColumns(spoiled="spoiled")
    got = outcome(lambda: elect_frame(estate, native, columns=columns, options=options, **kwargs))
    assert got == expected


@given(
    election_sheets().flatmap(lambda sheet: st.tuples(st.just(sheet[0]), approval_lists(sheet[1]))),
    st.integers(1, 3),
    st.sampled_from(
        (None, BallotPolicy("error", "error", "set-aside"), BallotPolicy("spoil", "error"))
    ),
    st.sampled_from(sorted(BACKENDS)),
    st.sampled_from((RULES, EXCLUDED)),
)
@SETTINGS
def test_elect_frame_of_approval_lists_equals_elect(
    sheet: Any, seats: int, policy: BallotPolicy | None, backend: str, rules: cg.RuleSet
) -> None:
    """The list form: a null cell is no ballot, an empty list approves nobody, a name twice,
    a write-in and an over-approval are what `ElectionBallot` and `elect` make of them."""
    estate, rows = sheet
    frame = pl.DataFrame(
        {
            "unit": [u for u, _, _ in rows],
            "approved": [a for _, a, _ in rows],
            "spoiled": [s for _, _, s in rows],
        },
        schema={"unit": pl.String, "approved": pl.List(pl.String), "spoiled": pl.Boolean},
    )
    native = BACKENDS[backend](frame)
    kwargs: dict[str, Any] = {"candidates": ("A", "B", "C"), "seats": seats, "rules": rules}
    options = ElectOptions(policy=policy)

    def by_objects() -> object:
        ballots = [
            ElectionBallot(u, a or (), spoiled=bool(s))
            for u, a, s in rows
            if a is not None or s is not None
        ]
        return elect(estate, ballots, options=options, **kwargs)

    expected = outcome(by_objects)
    columns = ElectionColumns(approval_list="approved", spoiled="spoiled")
    got = outcome(lambda: elect_frame(estate, native, columns=columns, options=options, **kwargs))
    assert got == expected


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "polars"])
def test_backends_agree(backend: str) -> None:
    estate = cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        ]
    )
    choices = ["agree", "agree", "oppose"]
    frame = pl.DataFrame({"unit": ["1-101", "2-301", "1-102"], "choice": choices})
    native = {"pandas": frame.to_pandas, "pyarrow": frame.to_arrow, "polars": lambda: frame}[
        backend
    ]()
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    ballots = [cg.Ballot(u, c) for u, c in frame.iter_rows()]
    assert decide_frame(estate, native, matter=matter, rules=SH) == cg.decide(
        estate, ballots, matter=matter, rules=SH
    )
