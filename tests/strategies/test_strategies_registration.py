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


def _declared() -> str:
    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    target: str = project["entry-points"]["hypothesis"]["_"]
    return target


def test_entry_point_is_declared() -> None:
    # a submodule: hypothesis loads the hook while importing itself, which may happen inside
    # `import community_governance.strategies` (the package is then only partly initialised)
    assert _declared() == "community_governance.strategies.registration:_hypothesis_setup_hook"
    assert cgst._hypothesis_setup_hook is cgst.register_type_strategies


def test_from_type_works_out_of_the_box_when_the_strategies_are_imported_first() -> None:
    # hypothesis runs the declared entry point when it is first imported; here that happens
    # inside `import community_governance.strategies`, before anything else imports hypothesis
    code = (
        "import importlib.metadata as md\n"
        "found = md.entry_points\n"
        f"declared = md.EntryPoint(name='_', value={_declared()!r}, group='hypothesis')\n"
        "md.entry_points = lambda **kw: [declared] if kw.get('group') == 'hypothesis' "
        "else found(**kw)\n"
        "import sys\n"
        "assert 'hypothesis' not in sys.modules\n"
        "import community_governance.strategies\n"
        "import community_governance as cg\n"
        "from hypothesis import strategies as st\n"
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
