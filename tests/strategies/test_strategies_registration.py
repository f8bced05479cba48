"""The hypothesis entry point registers our value types for st.from_type."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import community_governance as cg
from community_governance import strategies as cgst

cgst.register_type_strategies()


@given(st.from_type(cg.Estate), st.from_type(cg.ResolutionRule), st.from_type(cg.Threshold))
def test_from_type_draws_our_values(
    estate: cg.Estate, rule: cg.ResolutionRule, threshold: cg.Threshold
) -> None:
    assert isinstance(estate, cg.Estate)
    assert isinstance(rule, cg.ResolutionRule)
    assert isinstance(threshold, cg.Threshold)


def test_entry_point_is_declared() -> None:
    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    target = project["entry-points"]["hypothesis"]["_"]
    assert target == "community_governance.strategies:register_type_strategies"
