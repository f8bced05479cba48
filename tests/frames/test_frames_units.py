"""Frames: register frames, columnar view, irregular sheets, results as frames, errors."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedDecision,
    AnnouncedElection,
    audit_decision,
    audit_election,
)
from community_governance.elections import ElectionBallot, ElectOptions, elect
from community_governance.exceptions import (
    CandidateError,
    ConflictingBallotsError,
    DuplicateBallotError,
    ElectionInputError,
    FrameError,
    GovernanceError,
    InvalidBallotError,
    InvalidChoiceError,
    OverApprovalError,
    UnknownUnitError,
    VotingInputError,
)
from community_governance.frames import (
    ESTATE_RESULT_COLUMNS,
    INT64_AREA_BOUND,
    ElectionColumns,
    ElectionOptions,
    ballots_from_frame,
    columnar,
    decide_estates,
    decide_frame,
    elect_frame,
    election_ballots_from_frame,
    estate_from_frame,
    to_frame,
)
from community_governance.rules import BallotPolicy

SH = cg.rules_for("CN-SH", on=date(2025, 3, 1))
MATTER = cg.Matter.RAISE_MAINTENANCE_FUND
REGISTER = pl.DataFrame(
    {
        "unit": ["1-101", "1-102", "2-301", "3-101", "3-102"],
        "area": ["89.37", "120.05", "95.10", "88.00", "70.00"],
        "owners": [["Li"], ["Wang", "Zhao"], ["Li"], ["Developer"], ["Sun"]],
        "status": [None, None, None, "unsold", None],
    }
)


def estate() -> cg.Estate:
    return estate_from_frame(REGISTER)


def test_estate_from_frame_matches_from_records_on_every_backend() -> None:
    records = [{k: v for k, v in row.items() if v is not None} for row in REGISTER.to_dicts()]
    expected = cg.Estate.from_records(records)
    for native in (REGISTER, REGISTER.to_pandas(), REGISTER.to_arrow()):
        assert estate_from_frame(native) == expected
    renamed = REGISTER.rename({"unit": "房号", "area": "面积"})
    assert estate_from_frame(renamed, columns={"unit": "房号", "area": "面积"}) == expected
    one_owner = pl.DataFrame({"unit": ["a"], "area": ["1"], "owners": ["Li"]})
    assert estate_from_frame(one_owner, name="x").name == "x"


def test_estate_from_frame_errors_name_the_row() -> None:
    with pytest.raises(FrameError, match="must be a data frame"):
        estate_from_frame([{"unit": "a"}])
    with pytest.raises(FrameError, match="no column 'owners'") as missing:
        estate_from_frame(pl.DataFrame({"unit": ["a"], "area": ["1"]}))
    assert missing.value.field == "owners"
    with pytest.raises(FrameError, match="unknown field"):
        estate_from_frame(REGISTER, columns={"flat": "unit"})
    with pytest.raises(cg.exceptions.AreaTypeError):
        estate_from_frame(pl.DataFrame({"unit": ["a"], "area": [1.5], "owners": ["Li"]}))
    bad = pl.DataFrame({"unit": ["a", "b"], "area": ["1", "2"], "owners": ["Li", "Li"]})
    with pytest.raises(InvalidChoiceError, match="row 1"):
        estate_from_frame(bad.with_columns(status=pl.Series(["unsold", "sold"])))


def test_columnar_view_is_kept_read_only_and_exact() -> None:
    register = estate()
    view = columnar(register)
    assert columnar(register) is view
    assert view.exact_int64 and view.person_of.dtype.name == "int32"
    assert not view.person_area.flags.writeable
    assert int(view.person_area.sum()) == view.total_area
    assert view.nbytes > 0 and repr(view).startswith("<ColumnarEstate 5 units, 4 persons")
    primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59]
    rows = [{"unit": f"u{p}", "area": Fraction(1000, p), "owners": [f"o{p}"]} for p in primes]
    huge = cg.Estate.from_records(rows)
    wide = columnar(huge)
    assert wide.total_area >= INT64_AREA_BOUND and not wide.exact_int64
    frame = pl.DataFrame({"unit": [f"u{p}" for p in primes], "choice": ["agree"] * 17})
    ballots = ballots_from_frame(frame)
    assert decide_frame(huge, frame, matter=MATTER, rules=SH) == cg.decide(
        huge, ballots, matter=MATTER, rules=SH
    )


def sheet(units: list[str], choices: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"unit": units, "choice": choices}, schema={"unit": pl.String, "choice": pl.String}
    )


def test_decide_frame_irregular_sheets_raise_the_object_errors() -> None:
    register = estate()
    with pytest.raises(UnknownUnitError, match="9-9"):
        decide_frame(register, sheet(["9-9"], ["agree"]), matter=MATTER, rules=SH)
    with pytest.raises(DuplicateBallotError):
        decide_frame(register, sheet(["1-101", "1-101"], ["agree"] * 2), matter=MATTER, rules=SH)
    with pytest.raises(ConflictingBallotsError):
        decide_frame(
            register, sheet(["1-101", "2-301"], ["agree", "反对"]), matter=MATTER, rules=SH
        )
    with pytest.raises(InvalidChoiceError):
        decide_frame(register, sheet(["1-101"], ["maybe"]), matter=MATTER, rules=SH)
    with pytest.raises(FrameError, match="no column 'choice'"):
        decide_frame(register, pl.DataFrame({"unit": ["1-101"]}), matter=MATTER, rules=SH)
    with pytest.raises(FrameError):
        decide_frame(register, "1-101", matter=MATTER, rules=SH)


def test_decide_frame_spoiled_partial_and_deemed() -> None:
    register = estate()
    units = [u.id for u in register.units]
    frame = sheet(units, ["agree", "废票", None, "agree", "agree"])
    ballots = ballots_from_frame(frame)
    decision = decide_frame(register, frame, matter=MATTER, rules=SH)
    assert decision == cg.decide(register, ballots, matter=MATTER, rules=SH)
    codes = [n.code for n in decision.notices]
    assert "partial-person-ballots" in codes and "spoiled-ballots" in codes
    clause = cg.rules.DeemedVoteClause("covenant Art. 9: unreturned ballots follow the majority")
    deemed = SH.with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="Art. 9")
    )
    assert decide_frame(register, frame, matter=MATTER, rules=deemed) == cg.decide(
        register, ballots, matter=MATTER, rules=deemed
    )


def test_partial_notice_names_at_most_twenty() -> None:
    rows = [
        {"unit": f"u{i}-{j}", "area": "10", "owners": [f"o{i}"]} for i in range(25) for j in (1, 2)
    ]
    register = cg.Estate.from_records(rows)
    frame = sheet([f"u{i}-1" for i in range(25)], ["agree"] * 25)
    decision = decide_frame(register, frame, matter=MATTER, rules=SH)
    assert decision == cg.decide(register, ballots_from_frame(frame), matter=MATTER, rules=SH)
    assert "… 5 more" in next(n.en for n in decision.notices if n.code == "partial-person-ballots")


def election_sheet() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": ["1-101", "2-301", "1-102", "3-102", "3-101"],
            "Li": [True, True, True, False, False],
            "Sun": [True, True, False, True, False],
            "Wang": [False, False, False, True, True],
            "Zhou": [False, False, False, False, True],
        }
    )


def test_elect_frame_with_write_ins_scope_and_errors() -> None:
    register = estate()
    frame = election_sheet()
    ballots = election_ballots_from_frame(frame)
    kwargs = {"candidates": ["Li", "Sun", "Wang"], "seats": 2, "rules": SH}
    assert elect_frame(register, frame, **kwargs) == elect(register, ballots, **kwargs)
    scope = ("1-101", "2-301", "1-102")
    inside = frame[frame["unit"].isin(scope)]
    options = ElectOptions(scope=scope, alternates=0)
    assert elect_frame(register, inside, options=options, **kwargs) == elect(
        register,
        election_ballots_from_frame(inside),
        options=ElectOptions(scope=scope),
        **kwargs,
    )
    with pytest.raises(UnknownUnitError, match="3-102"):
        elect_frame(register, frame, options=options, **kwargs)
    with pytest.raises(CandidateError, match="must be boolean"):
        elect_frame(register, frame.assign(Li=1), **kwargs)
    with pytest.raises(FrameError, match="no column 'Xu'"):
        elect_frame(register, frame, columns=ElectionColumns(approvals=["Li", "Xu"]), **kwargs)
    with pytest.raises(FrameError, match="no column 'void'"):
        elect_frame(register, frame, columns=ElectionColumns(spoiled="void"), **kwargs)
    two = ElectionColumns(approvals=["Li", "Sun"])
    chosen = elect_frame(register, frame, columns=two, **kwargs)
    assert chosen == elect(register, election_ballots_from_frame(frame, columns=two), **kwargs)


def test_rows_without_a_ballot_and_bad_cells() -> None:
    register = estate()
    frame = pa.table(
        {
            "unit": [u.id for u in register.units],
            "Li": [True, None, True, None, False],
            "void": [False, None, False, None, True],
        }
    )
    void = ElectionColumns(spoiled="void")
    ballots = election_ballots_from_frame(frame, columns=void)
    assert [b.unit for b in ballots] == ["1-101", "2-301", "3-102"]
    kwargs = {"candidates": ["Li"], "seats": 1, "rules": SH}
    assert elect_frame(register, frame, columns=void, **kwargs) == elect(
        register, ballots, **kwargs
    )
    with pytest.raises(CandidateError, match="must be a boolean"):
        election_ballots_from_frame(pd.DataFrame({"unit": ["1-101"], "Li": ["yes"]}))


def test_to_frame_of_decisions_elections_and_audits() -> None:
    register = estate()
    frame = sheet(["1-101", "2-301", "1-102"], ["agree", "agree", "oppose"])
    decision = decide_frame(register, frame, matter=MATTER, rules=SH)
    checks = to_frame(decision)
    assert list(checks["passed"]) == [c.passed for c in decision.checks]
    assert to_frame(decision, backend="polars").height == len(decision.checks)
    result = elect_frame(register, election_sheet(), candidates=["Li", "Sun"], seats=1, rules=SH)
    table = to_frame(result, backend="pyarrow")
    assert table.column("candidate").to_pylist() == ["Li", "Sun"]
    ballots = ballots_from_frame(frame)
    audit = audit_decision(
        register,
        ballots,
        AnnouncedDecision(participating_heads=9, passed=True),
        matter=MATTER,
        rules=SH,
    )
    rows = to_frame(audit)
    assert list(rows["code"]) == [d.code for d in audit.discrepancies]
    election = audit_election(
        register,
        election_ballots_from_frame(election_sheet()),
        AnnouncedElection(participating_heads=1),
        candidates=["Li", "Sun"],
        seats=1,
        rules=SH,
    )
    assert len(to_frame(election)) == len(election.discrepancies)
    with pytest.raises(FrameError, match="expected a Decision"):
        to_frame(register)  # type: ignore[arg-type]


def test_bad_unit_cell_in_ballots_from_frame() -> None:
    with pytest.raises(InvalidBallotError):
        ballots_from_frame(pl.DataFrame({"unit": [""], "choice": ["agree"]}))


def test_conflicting_election_ballots() -> None:
    frame = pd.DataFrame({"unit": ["1-101", "2-301"], "Li": [True, False]})
    with pytest.raises(ConflictingBallotsError, match="Li"):
        elect_frame(estate(), frame, candidates=["Li"], seats=1, rules=SH)


def test_decide_estates_rows_and_error_rows() -> None:
    sheets = pl.DataFrame(
        {
            "estate": ["B", "A", "A", "B"],
            "unit": ["1", "1", "2", "2"],
            "area": ["10", "10", "20", "-5"],
            "owners": ["x", "x", "y", "z"],
            "choice": ["agree", "agree", None, "agree"],
        }
    )
    table = decide_estates(sheets, matter=MATTER, rules=SH)
    assert tuple(table.columns) == ESTATE_RESULT_COLUMNS
    assert table["estate"].to_list() == ["A", "B"]
    assert table["error"].to_list()[0] is None
    assert table["error"].to_list()[1].startswith("InvalidAreaError")
    assert decide_estates(sheets.head(0), matter=MATTER, rules=SH).height == 0


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        ({"matter": "raise-the-roof"}, InvalidChoiceError, "raise-the-roof"),
        ({"rules": None}, VotingInputError, "rules must be a RuleSet"),
        ({"choice": "vote"}, FrameError, "'vote'"),
        ({"columns": {"status": "狀態"}}, FrameError, "狀態"),
        ({"columns": {"colour": "c"}}, FrameError, "unknown field"),
        ({"columns": ["unit"]}, FrameError, "must be a mapping"),
    ],
)
def test_a_mistake_in_the_call_raises_once_rather_than_per_estate(
    call: dict[str, object], error: type[Exception], match: str
) -> None:
    """A city run with a typo raises at once instead of returning one error row per estate."""
    sheets = pl.DataFrame(
        {
            "estate": ["A", "B"],
            "unit": ["1", "1"],
            "area": ["10", "10"],
            "owners": ["x", "y"],
            "choice": ["agree", "oppose"],
        }
    )
    arguments: dict[str, object] = {"matter": MATTER, "rules": SH} | call
    with pytest.raises(error, match=match):
        decide_estates(sheets, **arguments)  # type: ignore[arg-type]
    assert decide_estates(sheets, matter=MATTER, rules=SH)["error"].to_list() == [None, None]


def test_many_candidate_columns() -> None:
    names = [f"C{i:02d}" for i in range(70)]
    register = estate()
    frame = pl.DataFrame(
        {"unit": ["1-101", "2-301", "1-102"]}
        | {name: [name == "C65", name == "C65", name == "C03"] for name in names}
    )
    kwargs = {"candidates": names, "seats": 3, "rules": SH}
    assert elect_frame(register, frame, **kwargs) == elect(
        register, election_ballots_from_frame(frame), **kwargs
    )
    conflict = frame.with_columns(C65=pl.Series([True, False, False]))
    with pytest.raises(ConflictingBallotsError):
        elect_frame(register, conflict, **kwargs)


def test_unusual_spellings_are_parsed_once() -> None:
    register = estate()
    frame = sheet(["1-101", "2-301", "1-102"], [" Agree", " Agree", "OPPOSE "])
    assert decide_frame(register, frame, matter=MATTER, rules=SH) == cg.decide(
        register, ballots_from_frame(frame), matter=MATTER, rules=SH
    )


def test_the_columnar_view_is_kept_beside_the_estate_not_inside_it() -> None:
    import gc
    import importlib

    module = importlib.import_module("community_governance.frames.columnar")

    estate = cg.Estate.from_records([{"unit": "1-101", "area": "89.37", "owners": ["Li"]}])
    view = module.columnar(estate)
    assert module.columnar(estate) is view and id(estate) in module._VIEWS
    assert view.estate is estate
    key = id(estate)
    del estate
    gc.collect()
    assert key not in module._VIEWS
    with pytest.raises(ReferenceError, match="collected"):
        _ = view.estate


@pytest.mark.parametrize("backend", ["polars", "pandas", "pyarrow"])
def test_ballots_in_any_order_are_joined_to_the_register(backend: str) -> None:
    """Text unit columns are matched by a join in the frame's backend, row order kept."""
    register = estate()
    units = ["3-102", "1-102", "1-101", "2-301", None]
    choices = ["agree", "oppose", "agree", "agree", None]
    data = {"unit": units, "choice": choices}
    frame = {"polars": pl.DataFrame, "pandas": pd.DataFrame, "pyarrow": pa.table}[backend](data)
    expected = cg.decide(
        register,
        [cg.Ballot(u, c) for u, c in zip(units[:4], choices[:4], strict=True)],
        matter=MATTER,
        rules=SH,
    )
    assert decide_frame(register, frame, matter=MATTER, rules=SH) == expected
    twice = {"unit": ["1-101", "9-9", "1-101"], "choice": ["agree", "agree", "agree"]}
    with pytest.raises(UnknownUnitError, match="9-9"):
        decide_frame(register, pl.DataFrame(twice), matter=MATTER, rules=SH)


def test_a_unit_column_that_is_not_text_is_refused_as_decide_refuses_it() -> None:
    register = cg.Estate.from_records(
        [{"unit": "1", "area": "50", "owners": ["a"]}, {"unit": "2", "area": "60", "owners": ["b"]}]
    )
    numbers = pl.DataFrame({"unit": [2, 1], "choice": ["agree", "agree"]})
    with pytest.raises(InvalidBallotError, match="not 2"):
        decide_frame(register, numbers, matter=MATTER, rules=SH)


def test_election_columns_are_validated_values() -> None:
    assert ElectionColumns(approvals=["Li"]).approvals == ("Li",)
    assert ElectionColumns().unit == "unit"
    assert ElectionColumns(unit=np.str_("room")).unit == "room"  # a numpy string is a string
    assert type(ElectionColumns(unit=np.str_("room")).unit) is str
    assert ElectionColumns(approval_list="approved").approval_list == "approved"
    assert ElectionColumns().approval_list is None
    bad: list[tuple[dict[str, Any], str, str]] = [
        ({"unit": ""}, "ElectionColumns.unit must be a column name", "unit"),
        ({"unit": 3}, "ElectionColumns.unit must be a column name", "unit"),
        ({"spoiled": ""}, "ElectionColumns.spoiled must be a column name", "spoiled"),
        ({"approvals": "Li"}, "list of column names, not 'Li'", "approvals"),
        ({"approvals": 3}, "list of column names", "approvals"),
        ({"approvals": ["Li", None]}, "approvals must be a column name (a non-empty", "approvals"),
        ({"approvals": []}, "approvals names no column", "approvals"),
        ({"approvals": ["A", "B", "A"]}, "names column 'A' twice", "approvals"),
        ({"approvals": ["unit"]}, "column 'unit' is given as unit and as approvals", "approvals"),
        ({"spoiled": "unit"}, "column 'unit' is given as unit and as spoiled", "spoiled"),
        ({"spoiled": "A", "approvals": ["A"]}, "given as spoiled and as approvals", "approvals"),
        ({"approval_list": ""}, "approval_list must be a column name", "approval_list"),
        ({"approval_list": ["A"]}, "approval_list must be a column name", "approval_list"),
        (
            {"approval_list": "A", "approvals": ["B"]},
            "boolean columns (approvals=) or as one column of lists (approval_list='A')",
            "approval_list",
        ),
        ({"approval_list": "unit"}, "given as unit and as approval_list", "approval_list"),
        (
            {"approval_list": "void", "spoiled": "void"},
            "given as spoiled and as approval_list",
            "approval_list",
        ),
    ]
    for given, words, field in bad:
        with pytest.raises(FrameError, match=re.escape(words)) as caught:
            ElectionColumns(**given)
        assert caught.value.field == field


def test_frame_columns_not_named_by_strings_are_refused() -> None:
    register = estate()
    ids = [u.id for u in register.units]
    frame = pd.DataFrame({"unit": ids, 0: [True] * len(ids)})
    kwargs: dict[str, Any] = {"candidates": ["0"], "seats": 1, "rules": SH}
    with pytest.raises(FrameError, match="column 0 is not named by a string") as caught:
        elect_frame(register, frame, **kwargs)
    assert caught.value.field == "columns" and caught.value.value == 0
    named = frame.rename(columns={0: "0"})
    assert elect_frame(register, named, **kwargs).candidate("0").approvals.heads > 0


def test_deprecated_frame_election_keywords_still_work_with_a_warning() -> None:
    register = estate()
    frame = election_sheet()
    kwargs: dict[str, Any] = {"candidates": ["Li", "Sun", "Wang"], "seats": 2, "rules": SH}
    columns = ElectionColumns(approvals=["Li", "Sun"])
    expected = elect_frame(register, frame, columns=columns, **kwargs)
    with pytest.warns(DeprecationWarning, match=r"elect_frame\(approvals=\) is deprecated") as seen:
        assert elect_frame(register, frame, approvals=["Li", "Sun"], **kwargs) == expected
    assert seen[0].filename == __file__  # the warning points at the caller
    with pytest.warns(DeprecationWarning, match=r"election_ballots_from_frame\(approvals=") as seen:
        old = election_ballots_from_frame(frame, approvals=["Li", "Sun"])
    assert seen[0].filename == __file__
    assert old == election_ballots_from_frame(frame, columns=columns)
    with pytest.raises(FrameError, match="unknown keyword argument") as caught:
        elect_frame(register, frame, choice="x", **kwargs)
    assert caught.value.field == "choice"
    with pytest.raises(FrameError, match="columns must be an ElectionColumns"):
        elect_frame(register, frame, columns={"unit": "unit"}, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(FrameError, match="got columns= and the deprecated spoiled=") as caught:
        elect_frame(register, frame, columns=columns, spoiled="void", **kwargs)
    assert caught.value.field == "spoiled"
    with pytest.raises(FrameError, match="options of elect go in options=ElectOptions"):
        elect_frame(register, frame, alternates=1, **kwargs)
    first = elect(register, election_ballots_from_frame(frame), **kwargs)
    with pytest.warns(DeprecationWarning, match="frames.ElectionOptions is deprecated") as seen:
        legacy = ElectionOptions(alternates=1, previous=first)
    assert seen[0].filename == __file__
    assert legacy.elect_options() == ElectOptions(alternates=1)
    assert elect_frame(register, frame, options=legacy, **kwargs) == elect_frame(
        register, frame, options=ElectOptions(alternates=1), previous=first, **kwargs
    )
    with pytest.raises(ElectionInputError, match=r"previous= and ElectionOptions\.previous"):
        elect_frame(register, frame, options=legacy, previous=first, **kwargs)
    with pytest.warns(DeprecationWarning, match="ElectionOptions is deprecated"):
        no_round = ElectionOptions(alternates=1)
    assert elect_frame(register, frame, options=no_round, previous=first, **kwargs) == (
        elect_frame(register, frame, options=legacy, **kwargs)
    )
    deprecated = pytest.warns(DeprecationWarning, match="ElectionOptions is deprecated")
    with deprecated, pytest.raises(GovernanceError, match="alternates"):
        ElectionOptions(alternates=-1)  # validated at construction, as ElectOptions validates


# --- a new user's review: pandas nulls, odd dtypes and names ---


@pytest.mark.parametrize("missing", [None, np.nan, pd.NA])
def test_pandas_null_cells_are_no_ballot_on_every_path(missing: object) -> None:
    """pandas reads a missing cell back as NaN or pd.NA, never None: still no ballot."""
    register = estate()
    frame = pd.DataFrame(
        {"unit": ["1-101", "1-102", "3-102"], "choice": ["agree", missing, "同意"]}
    )
    ballots = ballots_from_frame(frame)
    assert [(b.unit, b.choice.value) for b in ballots] == [("1-101", "agree"), ("3-102", "agree")]
    assert decide_frame(register, frame, matter=MATTER, rules=SH) == cg.decide(
        register, ballots, matter=MATTER, rules=SH
    )
    # an irregular sheet is counted by the object path: its error, not a null's
    stray = pd.concat([frame, pd.DataFrame({"unit": ["9-9"], "choice": ["agree"]})])
    with pytest.raises(UnknownUnitError, match="9-9"):
        decide_frame(register, stray, matter=MATTER, rules=SH)
    twice = pd.concat([frame, frame.head(1)])
    with pytest.raises(DuplicateBallotError, match="1-101"):
        decide_frame(register, twice, matter=MATTER, rules=SH)


def test_pandas_nullable_booleans_are_no_ballot_on_every_path() -> None:
    register = estate()
    frame = pd.DataFrame(
        {
            "unit": ["1-101", "1-102", "3-102"],
            "Li": pd.array([True, None, False], dtype="boolean"),
            "Sun": pd.array([False, None, True], dtype="boolean"),
        }
    )
    kwargs: dict[str, Any] = {"candidates": ["Li", "Sun"], "seats": 1, "rules": SH}
    ballots = election_ballots_from_frame(frame)
    assert [b.unit for b in ballots] == ["1-101", "3-102"]
    assert elect_frame(register, frame, **kwargs) == elect(register, ballots, **kwargs)
    stray = pd.concat([frame, pd.DataFrame({"unit": ["9-9"], "Li": [True], "Sun": [False]})])
    with pytest.raises(UnknownUnitError, match="9-9"):
        elect_frame(register, stray, **kwargs)


@pytest.mark.parametrize("missing", [None, np.nan])
def test_a_missing_register_cell_is_reported_as_missing(missing: object) -> None:
    frame = pd.DataFrame({"unit": ["a", "b"], "area": ["1", missing], "owners": ["x", "y"]})
    with pytest.raises(cg.exceptions.AreaTypeError, match="unit b: NoneType None"):
        estate_from_frame(frame)
    frame = pd.DataFrame({"unit": ["a", missing], "area": ["1", "2"], "owners": ["x", "y"]})
    with pytest.raises(cg.exceptions.InvalidRecordError, match=r"row 1.*not None"):
        estate_from_frame(frame)


def test_column_names_that_are_not_strings_are_refused_naming_them() -> None:
    register = estate()
    numbered = pd.DataFrame({0: ["1-101"], 1: ["agree"]})
    with pytest.raises(FrameError, match="column name 1 must be a string") as error:
        decide_frame(register, numbered, matter=MATTER, rules=SH, unit=0, choice=1)  # type: ignore[arg-type]
    assert error.value.value == 1
    paired = pd.DataFrame({("a", "unit"): ["1-101"], ("a", "choice"): ["agree"]})
    with pytest.raises(FrameError, match=r"column name \('a', 'unit'\) must be a string"):
        ballots_from_frame(paired, unit=("a", "unit"))  # type: ignore[arg-type]
    rows = pd.DataFrame({0: ["a"], "area": ["1"], "owners": ["x"]})
    with pytest.raises(FrameError, match="column name 0 must be a string"):
        estate_from_frame(rows, columns={"unit": 0})  # type: ignore[dict-item]
    with pytest.raises(FrameError, match="columns must be a mapping"):
        estate_from_frame(REGISTER, columns=["unit"])  # type: ignore[arg-type]
    with pytest.raises(FrameError, match="column name 0 must be a string"):
        decide_estates(numbered, matter=MATTER, rules=SH, estate=0)  # type: ignore[arg-type]


def test_a_pandas_frame_with_a_repeated_column_name_is_refused_naming_it() -> None:
    twice = pd.concat([sheet(["1-101"], ["agree"]).to_pandas()] * 2, axis=1)
    with pytest.raises(FrameError, match="'unit' 2 times") as error:
        decide_frame(estate(), twice, matter=MATTER, rules=SH)
    assert error.value.field == "ballots"


def test_a_renamed_optional_column_must_be_present() -> None:
    """A misspelt status column would count the developer's unsold units as delivered."""
    renamed = REGISTER.rename({"status": "状态"})
    assert estate_from_frame(renamed, columns={"status": "状态"}) == estate()
    with pytest.raises(FrameError, match="no column '狀態'") as error:
        estate_from_frame(renamed, columns={"status": "狀態"})
    assert error.value.field == "狀態"
    assert estate_from_frame(REGISTER.drop("status")).units[3].status.value == "delivered"


@pytest.mark.parametrize(
    ("cells", "dtype", "shown"),
    [
        ([True, None], pl.Boolean, "True"),
        ([1, None], pl.Int64, "1"),
        ([1.0, None], pl.Float64, "1.0"),
        ([b"agree", None], pl.Binary, "b'agree'"),
    ],
)
def test_a_choice_column_that_is_not_text_is_refused_as_ballot_refuses_it(
    cells: list[object], dtype: Any, shown: str
) -> None:
    frame = pl.DataFrame({"unit": ["1-101", "1-102"], "choice": pl.Series(cells, dtype=dtype)})
    with pytest.raises(InvalidChoiceError, match=f"ballot choice {re.escape(shown)} is not"):
        decide_frame(estate(), frame, matter=MATTER, rules=SH)
    with pytest.raises(InvalidChoiceError, match=f"ballot choice {re.escape(shown)} is not"):
        ballots_from_frame(frame)


def test_text_columns_a_backend_cannot_compare_are_read_cell_by_cell() -> None:
    """polars' Object columns, Arrow's string_view (polars' newest Arrow export)."""
    register = estate()
    rows = sheet(
        ["1-101", "1-102", "2-301", "3-101", "3-102"], ["agree", "oppose", None, None, "废票"]
    )
    expected = cg.decide(register, ballots_from_frame(rows), matter=MATTER, rules=SH)
    objects = rows.with_columns(pl.Series("choice", rows["choice"].to_list(), dtype=pl.Object))
    assert decide_frame(register, objects, matter=MATTER, rules=SH) == expected
    newest = rows.to_arrow(compat_level=pl.CompatLevel.newest())
    assert newest.schema.field("unit").type == pa.string_view()
    assert decide_frame(register, newest, matter=MATTER, rules=SH) == expected
    assert (
        decide_frame(
            register,
            rows.reverse().to_arrow(compat_level=pl.CompatLevel.newest()),
            matter=MATTER,
            rules=SH,
        )
        == expected
    )
    with pytest.raises(InvalidChoiceError, match="'maybe'"):
        decide_frame(
            register,
            pl.DataFrame({"unit": ["1-101"], "choice": pl.Series(["maybe"], dtype=pl.Object)}),
            matter=MATTER,
            rules=SH,
        )


def city_rows(keys: list[object]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "estate": keys,
            "unit": ["1", "2", "1"],
            "area": ["10", "20", "5"],
            "owners": ["x", "y", "z"],
            "choice": ["agree", None, "agree"],
        }
    )


@pytest.mark.parametrize("missing", [None, np.nan])
def test_decide_estates_refuses_a_row_without_an_estate_key(missing: object) -> None:
    with pytest.raises(FrameError, match="'estate' has no key in row 1") as error:
        decide_estates(city_rows(["A", missing, "B"]), matter=MATTER, rules=SH)
    assert error.value.field == "estate"
    with pytest.raises(FrameError, match="'estate' has no key in row 1"):
        decide_estates(pl.from_pandas(city_rows(["A", None, "B"])), matter=MATTER, rules=SH)


def test_decide_estates_refuses_keys_that_cannot_be_ordered() -> None:
    with pytest.raises(FrameError, match="keys of column 'estate' cannot be ordered") as error:
        decide_estates(city_rows(["A", 1, "B"]), matter=MATTER, rules=SH)
    assert error.value.field == "estate"
    table = decide_estates(city_rows([2, 2, 1]), matter=MATTER, rules=SH)
    assert table["estate"].tolist() == [1, 2] and table["error"].isna().all()


@pytest.mark.parametrize("kind", ["enum", "ordered categorical"])
def test_decide_estates_cuts_estates_in_the_backends_key_order(kind: str) -> None:
    """An Enum sorts by its categories: each estate keeps exactly its own rows."""
    rows = pl.DataFrame(
        {
            "estate": ["B", "B", "A", "A", "A"],
            "unit": ["B-1", "B-2", "A-1", "A-2", "A-3"],
            "area": ["10", "20", "5", "5", "5"],
            "owners": ["x", "y", "p", "q", "r"],
            "choice": ["agree", "oppose", "agree", "agree", "agree"],
        }
    )
    expected = decide_estates(rows, matter=MATTER, rules=SH).sort("estate", descending=True)
    if kind == "enum":
        native: Any = rows.with_columns(pl.col("estate").cast(pl.Enum(["B", "A"])))
        got = decide_estates(native, matter=MATTER, rules=SH)
        assert got.with_columns(pl.col("estate").cast(pl.String)).equals(expected)
    else:
        native = rows.to_pandas()
        native["estate"] = pd.Categorical(native["estate"], ["B", "A"], ordered=True)
        got = decide_estates(native, matter=MATTER, rules=SH)
        assert list(got["estate"]) == ["B", "A"] and list(got["units"]) == [2, 3]
        assert list(got["agree_heads"]) == [1, 3]


@pytest.mark.parametrize("backend", ["spark", 5, np, "dask", "modin"])
def test_to_frame_refuses_a_backend_it_cannot_build_naming_it(backend: Any) -> None:
    decision = decide_frame(estate(), sheet(["1-101"], ["agree"]), matter=MATTER, rules=SH)
    with pytest.raises(FrameError, match="to_frame: cannot build a frame with backend") as error:
        to_frame(decision, backend=backend)
    assert error.value.field == "backend"


def test_approval_columns_of_python_booleans_or_only_nulls_are_read_as_the_objects_are() -> None:
    """pandas keeps ``[True, None]`` as an object column; an all-null column has no type."""
    register = estate()
    kwargs: dict[str, Any] = {"candidates": ["Li", "Sun"], "seats": 1, "rules": SH}
    frames: list[Any] = [
        pd.DataFrame({"unit": ["1-101", "1-102"], "Li": [True, None], "Sun": [False, None]}),
        pd.DataFrame({"unit": ["1-101", "1-102"], "Li": [True, False], "Sun": [None, None]}),
        pl.DataFrame({"unit": ["1-101", "1-102"], "Li": [True, False], "Sun": [None, None]}),
        pd.DataFrame({"unit": [], "Li": [], "Sun": []}),
    ]
    for frame in frames:
        ballots = election_ballots_from_frame(frame)
        assert elect_frame(register, frame, **kwargs) == elect(register, ballots, **kwargs)
    mixed = pd.DataFrame({"unit": ["1-101", "1-102"], "Li": [True, "yes"], "Sun": [False, None]})
    with pytest.raises(CandidateError, match="must be a boolean, not 'yes'"):
        elect_frame(register, mixed, **kwargs)


@pytest.mark.parametrize("backend", ["polars", "pyarrow"])
def test_result_frames_keep_their_column_types_when_empty_or_null(backend: str) -> None:
    """A clean audit (no discrepancy) and a dirty one concatenate: the types are declared."""
    register = estate()
    ballots = ballots_from_frame(sheet(["1-101", "1-102"], ["agree", "oppose"]))
    clean = audit_decision(register, ballots, AnnouncedDecision(), matter=MATTER, rules=SH)
    dirty = audit_decision(
        register, ballots, AnnouncedDecision(participating_heads=9), matter=MATTER, rules=SH
    )
    assert not clean.discrepancies and dirty.discrepancies
    both = [to_frame(clean, backend=backend), to_frame(dirty, backend=backend)]
    if backend == "polars":
        assert both[0].schema == both[1].schema
        assert pl.concat(both).height == len(dirty.discrepancies)
    else:
        assert both[0].schema == both[1].schema
        assert pa.concat_tables(both).num_rows == len(dirty.discrepancies)
    nobody = elect(register, [], candidates=["Li", "Sun"], seats=1, rules=SH)
    ranked = to_frame(nobody, backend="polars")
    assert ranked.schema["rank"] == pl.Int64 and ranked["rank"].to_list() == [None, None]
    empty = decide_estates(city_rows(["A", "A", "B"]).head(0), matter=MATTER, rules=SH)
    assert empty.dtypes["units"] == "int64" and empty.dtypes["passed"] == "bool"
    rows = pl.from_pandas(city_rows(["A", "A", "B"]))
    full = decide_estates(rows, matter=MATTER, rules=SH)
    assert decide_estates(rows.head(0), matter=MATTER, rules=SH).schema == full.schema


def test_many_distinct_unusual_spellings_are_each_parsed_once() -> None:
    """Spellings padded with whitespace (a spreadsheet's), each distinct: one pass, same result."""
    rows = [{"unit": f"u{i}", "area": "1", "owners": [f"o{i}"]} for i in range(600)]
    register = cg.Estate.from_records(rows)
    spellings = ["agree", "同意", " oppose", "弃权 "]
    choices = [spellings[i % 4] + " " * (i % 50) + "\t" * (i // 50) for i in range(600)]
    frame = pl.DataFrame({"unit": [f"u{i}" for i in range(600)], "choice": choices})
    expected = cg.decide(register, ballots_from_frame(frame), matter=MATTER, rules=SH)
    assert decide_frame(register, frame, matter=MATTER, rules=SH) == expected
    assert expected.tally.agree.heads == 300 and expected.tally.abstain.heads == 150


@pytest.mark.parametrize("value", ["estate", None, REGISTER])
def test_columnar_refuses_what_is_not_an_estate(value: object) -> None:
    with pytest.raises(cg.exceptions.VotingInputError, match="columnar: estate must be an Estate"):
        columnar(value)  # type: ignore[arg-type]


def test_a_lazy_frame_is_refused_with_how_to_materialise_it() -> None:
    lazy = pl.DataFrame({"unit": ["1-101"], "choice": ["agree"]}).lazy()
    with pytest.raises(FrameError, match=r"not LazyFrame; a lazy frame is read once materialised"):
        decide_frame(estate(), lazy, matter=MATTER, rules=SH)
    with pytest.raises(FrameError) as plain:
        decide_frame(estate(), [1], matter=MATTER, rules=SH)  # type: ignore[arg-type]
    assert plain.value.message.endswith("not list")


LISTED = {  # election_sheet() as approval lists, with a spoiled column
    "unit": ["1-101", "2-301", "1-102", "3-102", "3-101"],
    "approved": [["Li", "Sun"], ["Sun", "Li"], [], None, None],
    "void": [False, None, None, True, None],
}


@pytest.mark.parametrize("backend", ["polars", "pandas", "pandas-arrow", "pyarrow"])
def test_approval_lists_count_as_elect_counts_them_on_every_backend(backend: str) -> None:
    """A null cell is no ballot (with a spoiled mark: approves nobody); ``[]`` approves nobody."""
    register = estate()
    frame = pl.DataFrame(LISTED, schema_overrides={"approved": pl.List(pl.String)})
    native = {
        "polars": lambda: frame,
        "pandas": frame.to_pandas,  # an object column of numpy arrays
        "pandas-arrow": lambda: frame.to_pandas(use_pyarrow_extension_array=True),
        "pyarrow": frame.to_arrow,
    }[backend]()
    columns = ElectionColumns(approval_list="approved", spoiled="void")
    ballots = election_ballots_from_frame(native, columns=columns)
    assert ballots == [
        ElectionBallot("1-101", ["Li", "Sun"]),
        ElectionBallot("2-301", ["Li", "Sun"]),
        ElectionBallot("1-102", []),
        ElectionBallot("3-102", [], spoiled=True),
    ]
    kwargs: dict[str, Any] = {"candidates": ["Li", "Sun", "Wang"], "seats": 2, "rules": SH}
    result = elect_frame(register, native, columns=columns, **kwargs)
    assert result == elect(register, ballots, **kwargs)
    assert result.candidate("Li").approvals.heads == 1  # 1-101 and 2-301 are one owner
    unmarked = ElectionColumns(approval_list="approved")  # "void" is then ignored
    assert elect_frame(register, native, columns=unmarked, **kwargs) == elect(
        register, ballots[:3], **kwargs
    )


def test_irregular_approval_lists_are_decided_as_the_objects_are() -> None:
    register = estate()
    kwargs: dict[str, Any] = {"candidates": ["Li", "Sun"], "seats": 1, "rules": SH}
    columns = ElectionColumns(approval_list="approved")

    def sheet(*cells: object) -> pd.DataFrame:
        units = ["1-101", "1-102", "3-102"][: len(cells)]
        return pd.DataFrame({"unit": units, "approved": pd.Series(cells, dtype=object)})

    def same(frame: Any) -> None:
        ballots = election_ballots_from_frame(frame, columns=columns)
        assert elect_frame(register, frame, columns=columns, **kwargs) == elect(
            register, ballots, **kwargs
        )

    same(sheet(("Li",), ["Sun"], None))  # tuples, lists and a null cell
    same(sheet({"Li"}, frozenset({"Sun"})))  # sets, as ElectionBallot takes them
    same(sheet(["Li"], ["Xu"]))  # a write-in spoils the ballot (the default policy)
    same(sheet(["Li", "Sun"], ["Sun"]))  # over-approval spoils it too
    same(sheet(None, None))  # no ballot at all
    same(pl.DataFrame({"unit": ["1-101"], "approved": [None]}))  # a column of type Null
    same(pl.DataFrame({"unit": ["1-101", "1-102"], "approved": [[], []]}))  # List(Null)
    views = pa.array([["Li"], ["Li", "Sun"], None], type=pa.list_(pa.string_view()))
    same(pa.table({"unit": ["1-101", "1-102", "3-102"], "approved": views}))  # no kernel
    same(
        pl.DataFrame({"unit": ["1-101"], "approved": [["Li"]]}).cast(
            {"approved": pl.Array(pl.String, 1)}
        )
    )
    strict = ElectOptions(policy=BallotPolicy(over_approval="error"))
    with pytest.raises(OverApprovalError, match="1-101"):
        elect_frame(register, sheet(["Li", "Sun"]), columns=columns, options=strict, **kwargs)
    refused: list[tuple[Any, type[Exception], str]] = [
        (sheet(["Li"], ["Sun", "Sun"]), CandidateError, "approves candidate 'Sun' twice"),
        (sheet(["Li", ["Sun"]]), CandidateError, "approval ['Sun'] is not a candidate id"),
        (sheet(["Li", None]), CandidateError, "approval None is not a candidate id"),
        (sheet(["Li"], "Sun"), ElectionInputError, "collection of candidate ids, not 'Sun'"),
        (pl.DataFrame({"unit": ["1-101"], "approved": [True]}), ElectionInputError, "not True"),
        (pl.DataFrame({"unit": ["1-101"], "approved": [["Li", None]]}), CandidateError, "None"),
    ]
    for frame, error, words in refused:
        with pytest.raises(error, match=re.escape(words)):
            elect_frame(register, frame, columns=columns, **kwargs)
        with pytest.raises(error, match=re.escape(words)):
            election_ballots_from_frame(frame, columns=columns)
    with pytest.raises(FrameError, match="no column 'approved'"):
        elect_frame(register, election_sheet(), columns=columns, **kwargs)
