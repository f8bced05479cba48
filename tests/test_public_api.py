"""The facade: `__all__` matches what it imports, everything is documented and in the docs."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import community_governance as cg

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"


def public_names() -> set[str]:
    return {
        name
        for name in dir(cg)
        if not name.startswith("_") and not isinstance(getattr(cg, name), types.ModuleType)
    }


def test_importing_the_facade_loads_no_engine() -> None:
    code = (
        "import sys, community_governance as cg; "
        "print(sorted(m for m in sys.modules if m.startswith(('community_governance.', 'cattrs'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['community_governance.exceptions']"


def test_facade_names_load_on_first_use_and_are_cached() -> None:
    code = (
        "import sys, community_governance as cg; d = cg.decide; "
        "print('community_governance.voting' in sys.modules, 'decide' in vars(cg), "
        "'community_governance.mediation' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"]
    from community_governance import decide

    assert decide is cg.voting.decide


SUBPACKAGES = {
    "audit",
    "calendar",
    "committee",
    "elections",
    "exceptions",
    "jurisdictions",
    "mediation",
    "register",
    "rules",
    "voting",
}


def test_facade_is_small() -> None:
    assert len(set(cg.__all__) - SUBPACKAGES - {"__version__"}) <= 40


def test_moved_names_resolve_with_a_deprecation_warning() -> None:
    with pytest.warns(DeprecationWarning, match=r"community_governance.rules.SpoiledPolicy"):
        policy = cg.SpoiledPolicy  # type: ignore[attr-defined]
    assert policy is cg.rules.SpoiledPolicy
    with pytest.warns(DeprecationWarning, match="community_governance.rules.Param"):
        assert cg.Provided is cg.rules.Param  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = cg.no_such_name  # type: ignore[attr-defined]
    for target in cg._MOVED.values():
        module, attr = target.split(":")
        assert hasattr(importlib.import_module(module), attr), target


def test_all_equals_the_public_names_imported() -> None:
    exported = set(cg.__all__) - {"__version__"} - SUBPACKAGES
    assert exported == public_names()
    for name in SUBPACKAGES:
        module = getattr(cg, name)
        assert isinstance(module, types.ModuleType)
        assert module.__all__
        assert module.__doc__
    assert len(cg.__all__) == len(set(cg.__all__))
    assert cg.__version__ in cg.__all__ or "__version__" in cg.__all__


def every_public_name() -> list[tuple[str, str]]:
    """(package, name) for the facade and every public subpackage's ``__all__``."""
    found = [("community_governance", name) for name in cg.__all__ if name != "__version__"]
    for package in sorted(SUBPACKAGES):
        module = getattr(cg, package)
        found += [(module.__name__, name) for name in module.__all__]
    return found


def resolve(package: str, name: str) -> object:
    return getattr(importlib.import_module(package), name)


# constants: documented by the "#:" comment or docstring where they are defined, not __doc__
CONSTANTS = {"INSTRUMENTS", "SLATE_1234", "BOOLEAN_FACTS", "REGISTRY", "TABLE", "JC_TABLE"}


@pytest.mark.parametrize(
    ("package", "name"), [pair for pair in every_public_name() if pair[1] not in CONSTANTS]
)
def test_every_public_name_has_a_docstring(package: str, name: str) -> None:
    obj = resolve(package, name)
    if not callable(obj) and not isinstance(obj, types.ModuleType):
        return  # a constant (e.g. a layer or a citation), documented where it is defined
    doc = obj.__doc__
    assert doc
    assert doc.strip()


def test_instruments_is_documented_where_defined() -> None:
    source = (ROOT / "src" / "community_governance" / "_base" / "citations.py").read_text(
        encoding="utf-8"
    )
    assert "#: Instrument identifiers" in source


def directives() -> set[str]:
    found: set[str] = set()
    for page in REFERENCE.glob("*.md"):
        found.update(re.findall(r"^::: *([\w.]+)", page.read_text(encoding="utf-8"), re.M))
    return found


@pytest.mark.parametrize(("package", "name"), every_public_name())
def test_every_public_name_is_in_the_reference(package: str, name: str) -> None:
    covered = directives()
    obj = resolve(package, name)
    module = getattr(obj, "__module__", None) or "community_governance._base.citations"
    if isinstance(obj, types.ModuleType):
        module = obj.__name__
    parts = module.split(".")
    packages = {".".join(parts[:i]) for i in range(2, len(parts) + 1)}
    candidates = {package, f"{package}.{name}", f"{module}.{name}", *packages}
    assert candidates & covered, f"{name} is not covered by any ::: directive in docs/reference"


def test_strategies_module_is_in_the_reference() -> None:
    assert "community_governance.strategies" in directives()


def test_a_subpackage_loads_through_the_facade(monkeypatch: pytest.MonkeyPatch) -> None:
    mediation = cg.mediation
    monkeypatch.delattr(cg, "mediation")
    assert "mediation" not in vars(cg)
    assert cg.mediation is mediation  # loaded again through __getattr__, then cached
    assert "mediation" in vars(cg)
