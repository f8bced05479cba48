"""Golden-output checks: a result's full text, HTML and data, compared with a stored file.

Every character a user reads is pinned, so a change in wording, a figure or a verdict shows at
once (and mutation testing finds no surviving mutant that only changes what is printed). To
accept a deliberate change, rerun the failing tests with ``CG_UPDATE_GOLDEN=1`` and review the
diff of ``tests/**/golden/*.txt`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def render(result: Any, *, data: bool = True) -> str:
    """Everything a result shows: str, repr, English and Chinese text, HTML, plain data."""
    parts = [f"str: {result}", f"repr: {result!r}"]
    for method in ("verdict", "explain", "to_markdown", "text", "figures"):
        if hasattr(result, method) and not callable(getattr(result, method)):
            parts.append(f"--- {method}: {getattr(result, method)!r}")
        elif hasattr(result, method):
            for lang in ("en", "zh"):
                parts.append(f"--- {method}({lang})\n{getattr(result, method)(lang)}")
    if hasattr(result, "_repr_html_"):
        parts.append(f"--- html\n{result._repr_html_()}")
    if data and hasattr(result, "to_dict"):
        dumped = json.dumps(result.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)
        parts.append(f"--- data\n{dumped}")
    return "\n".join(parts) + "\n"


def check_golden(path: Path, text: str) -> None:
    """Assert ``text`` equals the stored file (or store it, with ``CG_UPDATE_GOLDEN=1``)."""
    if os.environ.get("CG_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    stored = path.read_text("utf-8")
    assert text == stored, f"{path.name} differs; see the module docstring of tests/golden.py"
