"""Every ```python block of the elections docs runs, one namespace per page."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """The fenced python blocks of a markdown page, with the line each starts on."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)), m.group(1)) for m in FENCE.finditer(text)]


def run_page(page: Path) -> int:
    namespace: dict[str, object] = {"__name__": f"docs:{page.name}"}
    blocks = python_blocks(page)
    for line, code in blocks:
        exec(compile("\n" * line + code, str(page), "exec"), namespace)
    return len(blocks)


@pytest.mark.parametrize("page", ["tutorial/elections.md"])
def test_elections_docs_run(page, capsys):
    assert run_page(DOCS / page) > 0
    assert "≈71.43%" in capsys.readouterr().out


def test_block_extraction_keeps_line_numbers(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(
        "# t\n\n```python\nx = 1\n```\ntext\n```python\nraise ValueError('boom')\n```\n"
    )
    assert python_blocks(page) == [(3, "x = 1\n"), (7, "raise ValueError('boom')\n")]
    with pytest.raises(ValueError, match="boom") as caught:
        run_page(page)
    assert caught.traceback[-1].lineno + 1 == 8
