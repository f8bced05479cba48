"""The money tutorial runs as written, and shows its results."""

from __future__ import annotations

import pytest

from community_governance.rules.money import Basis
from docs_blocks import ROOT, run_page


def test_money_tutorial_runs(capsys: pytest.CaptureFixture[str]) -> None:
    namespace = run_page(ROOT / "docs" / "tutorial" / "money.md")
    out = capsys.readouterr().out
    assert "<ProcedureCheck PASSED" in out
    assert "NOT NEEDED" in out
    assert namespace["shed"].parts == (10000, 10000, 10000)  # type: ignore[attr-defined]
    # case 5's charge is 100 yuan per household: split by counted person, not by flat
    assert namespace["shed"].basis is Basis.HOUSEHOLD  # type: ignore[attr-defined]
