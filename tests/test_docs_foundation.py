"""The foundation's documentation examples and the demo run as written."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from docs_blocks import ROOT, python_blocks, run_page

PAGES = [
    "docs/index.md",
    "docs/tutorial/decide-a-vote.md",
    "docs/explanation/counting.md",
    "docs/explanation/comparators.md",
    "docs/how-to/rule-layers.md",
    "docs/how-to/property-test.md",
    "docs/how-to/city-scale.md",
    "docs/reference/frames.md",
    "docs/reference/charts.md",
    "docs/jurisdictions/index.md",
    "docs/jurisdictions/tw.md",
    "docs/jurisdictions/jp.md",
    "docs/jurisdictions/de.md",
    "docs/jurisdictions/hk.md",
    "docs/jurisdictions/fr.md",
    "docs/jurisdictions/cn-local.md",
    "README.md",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_examples_run(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    namespace = run_page(ROOT / page)
    assert namespace  # the blocks' own asserts carry the checks
    assert capsys.readouterr().out  # each page shows the reader something


def test_readme_quickstart_matches_the_docs_home() -> None:
    readme = python_blocks(ROOT / "README.md")[0]
    assert "decision.passed            # False" in readme
    assert 'cg.rules_for("CN-SH", on=date(2025, 3, 1))' in readme


def test_demo_prints_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_module("community_governance", run_name="__main__")
    out = capsys.readouterr().out
    assert "中文说明" in out
    assert "In English" in out
    assert "《上海市住宅物业管理规定》第18条" in out
    assert "Property Rights Law Art. 76(2)" in out
    assert "NOT PASSED" in out


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first, second = [
        line for line in text.splitlines() if line.startswith((".venv/bin/", "python3 -m venv"))
    ][:2]
    assert "python -m community_governance" in first
    assert "pytest" in second
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-m pytest --cov=community_governance --cov-branch" in ci
    assert Path(ROOT / ".ci" / "run").stat().st_mode & 0o111
