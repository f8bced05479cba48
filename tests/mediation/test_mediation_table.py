"""The declared table: validation rules, diagram, public names."""

from __future__ import annotations

import pytest

from community_governance import mediation as m
from community_governance.exceptions import TransitionTableError

STATES = ("a", "b", "c", "end")


def check(edges: list[tuple[str, str]], states: tuple[str, ...] = STATES) -> None:
    m.validate_table(edges, states=states, initial="a", terminal=("end",), name="t")


def test_a_valid_table_passes() -> None:
    check([("a", "b"), ("b", "c"), ("c", "end"), ("b", "b")])


@pytest.mark.parametrize(
    ("edges", "message"),
    [
        ([("a", "b"), ("b", "end")], r"exactly \[a\], found \['a', 'c'\]"),
        ([("b", "a"), ("a", "b"), ("b", "c"), ("c", "end")], r"found \[\]"),
        ([("a", "b"), ("b", "c"), ("c", "end"), ("end", "c")], "terminal state end has an exit"),
        ([("a", "b"), ("c", "b"), ("c", "end"), ("b", "end"), ("c", "c")], r"found \['a', 'c'\]"),
        ([("a", "b"), ("b", "c"), ("c", "b"), ("a", "end")], "state b is a trap"),
    ],
)
def test_invalid_tables_name_the_state(edges: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(TransitionTableError, match=message):
        check(edges)


def test_unreachable_state() -> None:
    with pytest.raises(TransitionTableError, match="state c is unreachable"):
        check([("a", "end"), ("c", "c"), ("b", "c")], states=("a", "end", "c"))


def test_declared_table_shape() -> None:
    assert all(t.source not in m.TERMINAL_STATES for t in m.TABLE.values())
    assert {t.target for t in m.TABLE.values()} == set(m.CaseState) - {m.CaseState.NEW}
    assert all((state, kind) == (t.source, t.event) for (state, kind), t in m.TABLE.items())
    assert m.JC_TABLE[(m.JCStatus.APPLIED, m.EventKind.COURT_CONFIRMS)] is m.JCStatus.CONFIRMED


def test_mermaid_is_generated_from_the_table() -> None:
    text = m.mermaid()
    assert text.startswith("stateDiagram-v2\n")
    assert "    [*] --> NEW" in text
    assert "    AGREEMENT_DRAFTED --> IN_PERFORMANCE : take_effect" in text
    assert "    TERMINATED --> [*]" in text
    assert "JC_APPLIED --> JC_CONFIRMED : court_confirms" in text
    for state in m.CaseState:
        assert f"    {state.name} : {state.name} {state.zh}" in text
    short = m.mermaid(self_loops=False, confirmation=False)
    assert "IN_MEDIATION --> IN_MEDIATION" not in short
    assert "IN_MEDIATION --> IN_MEDIATION" in text
    assert "JUDICIAL_CONFIRMATION" not in short


def test_public_names() -> None:
    public = {name for name in dir(m) if not name.startswith("_")}
    modules = {
        "agreement",
        "case",
        "deadlines",
        "diagram",
        "engine",
        "events",
        "phases",
        "policy",
        "progress",
        "records",
        "reported",
        "states",
        "statistics",
        "table",
        "trail",
        "transition",
    }
    assert set(m.__all__) == public - modules
    assert sorted(m.__all__) == sorted(set(m.__all__))
