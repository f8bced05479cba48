"""The frames and charts layers: every public name documented and in the reference pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import community_governance.charts as charts
import community_governance.frames as frames

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference"
PAIRS = [(frames, name) for name in frames.__all__] + [(charts, name) for name in charts.__all__]


@pytest.mark.parametrize(("module", "name"), PAIRS)
def test_public_name_is_documented_and_referenced(module: object, name: str) -> None:
    obj = getattr(module, name)
    if callable(obj):
        assert obj.__doc__ and obj.__doc__.strip()
    pages = " ".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))
    assert re.search(rf"^::: {re.escape(module.__name__)}\.{name}$", pages, re.M), name  # type: ignore[attr-defined]
