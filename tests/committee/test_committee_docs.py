"""Every ```python block of the committee pages runs; the reference lists every public name."""

from __future__ import annotations

import re
from pathlib import Path

from community_governance import committee as cm
from docs_blocks import run_page

ROOT = Path(__file__).resolve().parents[2]


def test_tutorial_runs(capsys) -> None:
    run_page(ROOT / "docs" / "tutorial" / "committee.md")
    out = capsys.readouterr().out
    assert "2 PROBLEMS" in out and "Art. 28" in out


def test_explanation_runs() -> None:
    run_page(ROOT / "docs" / "explanation" / "committee-calendar.md")


def test_every_public_name_is_in_the_reference() -> None:
    text = (ROOT / "docs" / "reference" / "committee.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^::: *community_governance\.committee\.(\w+)", text, re.M))
    assert set(cm.__all__) - {"Event", "PLAN_STEPS"} <= listed
