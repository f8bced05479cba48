"""Users do not have the engineers' reference notes: nothing shipped may point at them.

Docstrings, docs, the README and the changelog cite the instrument and article (e.g. "Civil
Code Art. 278"), never the file or section of a research note ("§4.5", "law-china §7").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(
    [
        *ROOT.joinpath("src").rglob("*.py"),
        *ROOT.joinpath("docs").rglob("*.md"),
        *ROOT.joinpath("benchmarks").rglob("*.py"),
        ROOT / "README.md",
        ROOT / "CHANGELOG.md",
    ]
)

#: A note's name or path, or a dotted section number such as "§4.5" (statutes number their
#: paragraphs "§25(2)", never "§4.5").
INTERNAL = re.compile(
    r"law-(?:china|world)|shared/reference|glossary\.md|cases\.md|§\s?\d+\.\d+|reference notes?"
)


def test_the_shipped_files_are_found() -> None:
    names = {path.name for path in SHIPPED}
    assert {"README.md", "CHANGELOG.md", "states.py", "performance.md"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_pointer_to_the_engineers_notes(path: Path) -> None:
    found = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTERNAL.search(line)
    ]
    assert not found, found


@pytest.mark.parametrize(
    ("text", "internal"),
    [
        ("the rates of §4.5", True),
        ("see law-china §7 Q13", True),
        ("Identifiers follow the glossary.md terms", True),
        ("WEG (Germany) §25(2)", False),
        ("Civil Code Art. 278", False),
    ],
)
def test_the_pattern_on_both_sides(text: str, internal: bool) -> None:
    assert bool(INTERNAL.search(text)) is internal
