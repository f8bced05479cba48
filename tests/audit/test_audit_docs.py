"""Every ```python block of the audit how-to runs, one namespace per page."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_audit_how_to_runs(capsys):
    page = DOCS / "how-to" / "audit-an-election.md"
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    blocks = list(FENCE.finditer(text))
    for match in blocks:
        code = "\n" * text.count("\n", 0, match.start(1)) + match.group(1)
        exec(compile(code, str(page), "exec"), namespace)
    assert len(blocks) == 7
    out = capsys.readouterr().out
    assert "no whole count fits" in out
    assert "候补委员（按顺序）：公布为Hu，复核为无" in out
