"""One rule for figures in every text, Markdown table and HTML view of every result.

Every area is shown with exactly two decimals and every percentage with exactly two decimals
(``≈`` marks a rounded one): ``"14708.10 m²"``, ``"79.10%"``, ``"≈66.67%"``. The figures are
collected from every value the docs pages and the shared builders produce (``tests/harvest.py``)
in every rendering: ``explain``/``to_markdown``/``describe``/``text``/``line`` in English and
Chinese, ``str``, ``repr`` and ``_repr_html_``.

The one exception is by design: a reported-percentage check (`PercentageCheck`) shows each
candidate figure with the decimals of the figure it checks (``96.8%`` is checked against
``97.087%``), since matching the reported precision is the point.
"""

from __future__ import annotations

import inspect
import re

from harvest import harvest

AREA = re.compile(r"(?<![\w.])≈?[+-]?(\d+(?:\.\d+)?)\s*(?:m²|平方米)")
PERCENT = re.compile(r"(?<![\w./])≈?[+-]?(\d+(?:\.\d+)?)%")
EXEMPT = {"PercentageCheck"}


def _renderings(value: object) -> list[tuple[str, str]]:
    found = [("str", str(value)), ("repr", repr(value))]
    for name in ("explain", "to_markdown", "describe", "text", "line", "_repr_html_"):
        method = getattr(value, name, None)
        if not callable(method):
            continue
        takes_lang = "lang" in inspect.signature(method).parameters
        for lang in ("en", "zh") if takes_lang else (None,):
            text = method(lang=lang) if lang else method()
            if isinstance(text, str):
                found.append((f"{name}({lang or ''})", text))
    return found


def _decimals(figure: str) -> int:
    return len(figure.partition(".")[2])


def test_every_area_and_percentage_has_two_decimals() -> None:
    values, _ = harvest()
    wrong: dict[str, set[str]] = {}
    for value in values:
        if type(value).__name__ in EXEMPT:
            continue
        for where, text in _renderings(value):
            for pattern, kind in ((AREA, "area"), (PERCENT, "percentage")):
                bad = {f for f in pattern.findall(text) if _decimals(f) != 2}
                if bad:
                    key = f"{type(value).__name__}.{where} {kind}"
                    wrong.setdefault(key, set()).update(bad)
    assert not wrong, "\n".join(f"{key}: {sorted(v)[:6]}" for key, v in sorted(wrong.items()))


def test_the_patterns() -> None:
    assert AREA.findall("304.52 of 392.52 m² (≈77.58%); 1120 m²，余量+0.00平方米") == [
        "392.52",
        "1120",
        "0.00",
    ]
    assert PERCENT.findall("≈66.67% 50% 2/3") == ["66.67", "50"]
