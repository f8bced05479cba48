"""Execute the fenced ```python examples of the mediation and calendar docs pages."""

from __future__ import annotations

import pytest

from docs_blocks import ROOT, run_page

DOCS = ROOT / "docs"
# each page and a name its examples must have used
PAGES = {
    "tutorial/mediation.md": "m",
    "explanation/mediation-lifecycle.md": "reported_percentage",
    "explanation/legal-dates.md": "period_end",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_examples_run(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    namespace = run_page(DOCS / name)
    assert PAGES[name] in namespace
    assert capsys.readouterr().out.strip()


def test_reference_pages_point_at_the_packages() -> None:
    assert "::: community_governance.mediation" in (DOCS / "reference/mediation.md").read_text()
    assert "::: community_governance.calendar" in (DOCS / "reference/calendar.md").read_text()


def test_lifecycle_page_shows_the_generated_diagram() -> None:
    from community_governance.mediation import mermaid

    text = (DOCS / "explanation/mediation-lifecycle.md").read_text(encoding="utf-8")
    assert "```mermaid\n" + mermaid() + "```" in text
