"""The mediation package's shape: no import cycle inside it, no city named in its code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import community_governance.mediation as m

PACKAGE = Path(m.__file__).resolve().parent
NAME = "community_governance.mediation"
CITIES = re.compile(r"shenzhen|ningbo|深圳|宁波", re.IGNORECASE)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((NAME, *parts))


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every module of the package that ``path`` imports, anywhere in it (functions and
    ``TYPE_CHECKING`` blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # a submodule (``import _checks as check``), or a name
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    edges = {name: imports_of(path, known) - {name} for name, path in found.items()}
    # A package's __init__ may gather its modules; a module importing its package is an edge.
    for name in edges:
        edges[name] = {n for n in edges[name] if not name.startswith(f"{n}.") or n == NAME}
    edges.pop(NAME)
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_no_import_cycle_inside_mediation() -> None:
    edges = graph()
    assert f"{NAME}.table" in edges and f"{NAME}.phases.intake" in edges
    assert f"{NAME}.engine" in edges[f"{NAME}.case"]  # the graph sees real imports
    assert find_cycle(edges) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_the_package_itself() -> None:
    edges = graph()
    assert [name for name, targets in edges.items() if NAME in targets] == []


def test_no_city_named_in_mediation_code() -> None:
    named = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CITIES.search(line)
    ]
    assert named == []


def test_no_speed_tricks_in_values() -> None:
    banned = ("slots=False", "object.__new__", "__dict__", "__getattr__", "attrgetter")
    found = [
        f"{path.relative_to(PACKAGE)}: {word}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for word in banned
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []
