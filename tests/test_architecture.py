"""The layering rules the import contract cannot see: no cycles inside a package, no imports of
our own modules inside functions, no ``TYPE_CHECKING`` imports pointing upward, no city name
in engine code, and no reach into another package's private names."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "community_governance"
PACKAGE = "community_governance"
ENGINES = ("voting", "elections", "mediation", "committee", "money")
CITY = re.compile(
    r"shanghai|beijing|tianjin|shenzhen|ningbo|hangzhou|zhejiang|zhuhai|changsha|taiyuan|"
    r"上海|北京|天津|深圳|宁波|杭州|浙江|珠海|长沙|太原",
    re.IGNORECASE,
)


def modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path) -> list[tuple[str, ast.AST, bool]]:
    """(imported module, node, at module level) for every import of our own modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            targets = [base]
            targets += [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        ours = [t for t in targets if t == PACKAGE or t.startswith(PACKAGE + ".")]
        if ours:
            found.append(
                (ours[0] if isinstance(node, ast.Import) else targets[0], node, id(node) in top)
            )
    return found


ALL = modules()


def test_no_import_of_our_modules_inside_a_function_or_type_checking_block() -> None:
    offenders = []
    for name, path in ALL.items():
        if name == PACKAGE:
            continue  # the facade's TYPE_CHECKING block points down, to what it loads lazily
        for target, node, top in imports_of(name, path):
            if not top:
                offenders.append(f"{name}:{node.lineno} imports {target}")
    assert offenders == []


def package_graph(package: str) -> dict[str, set[str]]:
    members = {n for n in ALL if n.startswith(package + ".")}
    graph: dict[str, set[str]] = {n: set() for n in members}
    for name in members:
        for target, node, _ in imports_of(name, ALL[name]):
            names = [target]
            if isinstance(node, ast.ImportFrom):
                names += [f"{target}.{alias.name}" for alias in node.names]
            graph[name] |= {t for t in names if t in members and t != name}
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


PACKAGES = sorted(
    n.removeprefix(PACKAGE + ".")
    for n, p in ALL.items()
    if p.name == "__init__.py" and n != PACKAGE
)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_inside_a_package(package: str) -> None:
    graph = package_graph(f"{PACKAGE}.{package}")
    # a package's __init__ re-exports its modules; modules never import their own __init__
    init = f"{PACKAGE}.{package}"
    for name, targets in graph.items():
        assert init not in targets, f"{name} imports its package's __init__"
    assert cycle(graph) is None


@pytest.mark.parametrize("engine", [e for e in ENGINES if (SRC / e).is_dir()])
def test_no_city_name_in_engine_code(engine: str) -> None:
    offenders = []
    for path in sorted((SRC / engine).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name | ast.Attribute | ast.FunctionDef | ast.ClassDef):
                ident = (
                    getattr(node, "id", None)
                    or getattr(node, "attr", None)
                    or getattr(node, "name", "")
                )
                if CITY.search(ident):
                    offenders.append(f"{path.name}:{node.lineno} identifier {ident}")
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CITY.search(node.value)
                and not _is_docstring(tree, node)
            ):
                offenders.append(f"{path.name}:{node.lineno} string {node.value[:40]!r}")
    assert offenders == []


def _is_docstring(tree: ast.AST, node: ast.Constant) -> bool:
    for parent in ast.walk(tree):
        body = getattr(parent, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and body[0].value is node
        ):
            return True
    return False


def test_no_reach_into_the_registers_private_grouping() -> None:
    offenders = [
        f"{name}" for name, path in ALL.items()
        if not name.startswith(f"{PACKAGE}.register")
        and re.search(r"\._grouping\b|\._unit_persons\b", path.read_text(encoding="utf-8"))
    ]  # fmt: skip
    assert offenders == []
