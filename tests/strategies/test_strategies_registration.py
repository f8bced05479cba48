"""The hypothesis entry point registers our value types for st.from_type."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance import strategies as cgst

cgst.register_type_strategies()  # as the entry point does (again: harmless)

ASKED = (
    cg.Estate,
    cg.Ballot,
    cg.Unit,
    cg.Owner,
    cg.Threshold,
    cg.ResolutionRule,
    cg.RuleSet,
    cg.Decision,
    cg.Citation,
)


@settings(max_examples=20, deadline=None)
@given(st.tuples(*(st.from_type(kind) for kind in ASKED)))
def test_from_type_draws_the_types_the_issue_names(values: tuple[object, ...]) -> None:
    for kind, value in zip(ASKED, values, strict=True):
        assert isinstance(value, kind)


@pytest.mark.parametrize("kind", cgst.REGISTERED, ids=lambda kind: kind.__name__)
def test_every_registered_type_is_drawn(kind: type) -> None:
    @settings(max_examples=5, deadline=None)
    @given(st.from_type(kind))
    def draw(value: object) -> None:
        assert isinstance(value, kind)

    draw()


def test_the_registered_types_cover_the_value_types() -> None:
    names = {kind.__name__ for kind in cgst.REGISTERED}
    expected = {"Estate", "Unit", "Owner", "Ballot", "Proxy", "Threshold", "ResolutionRule"}
    expected |= {"RuleSet", "Layer", "Citation", "Decision", "Check", "Tally", "Figures"}
    expected |= {"Person", "CountingPolicy", "Period", "Jurisdiction", "Registry"}
    expected |= {"Candidate", "ElectionBallot", "MediationCase", "Election"}
    assert expected <= names


def test_entry_point_is_declared() -> None:
    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    target = project["entry-points"]["hypothesis"]["_"]
    assert target == "community_governance.strategies:_hypothesis_setup_hook"
    assert cgst._hypothesis_setup_hook is cgst.register_type_strategies


def test_from_type_works_out_of_the_box_in_a_fresh_interpreter() -> None:
    # The hook is what hypothesis's entry point calls when hypothesis is imported; call it the
    # same way in a fresh interpreter with plugins disabled, so no other setup is needed.
    code = (
        "import os; os.environ['HYPOTHESIS_NO_PLUGINS'] = '1'\n"
        "from hypothesis import strategies as st\n"
        "import community_governance as cg\n"
        "from community_governance.strategies import _hypothesis_setup_hook\n"
        "_hypothesis_setup_hook()\n"
        "print(type(st.from_type(cg.Estate).example()).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert out.strip() == "Estate"
