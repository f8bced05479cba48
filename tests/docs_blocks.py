"""Helpers to run the fenced ``python`` blocks of Markdown pages (shared by docs tests)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(path: Path) -> list[str]:
    """The fenced ``python`` blocks of a Markdown file, in order."""
    return _FENCE.findall(path.read_text(encoding="utf-8"))


def run_page(path: Path) -> dict[str, object]:
    """Execute every block of a page in one namespace and return the namespace."""
    namespace: dict[str, object] = {"__name__": f"docs:{path.name}"}
    blocks = python_blocks(path)
    assert blocks, f"{path} has no python blocks"
    for number, block in enumerate(blocks, start=1):
        code = compile(block, f"{path}:block{number}", "exec")
        exec(code, namespace)
    return namespace
