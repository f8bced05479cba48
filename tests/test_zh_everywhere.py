"""Every Chinese text of every public result is Chinese throughout.

The results are harvested from every page of the docs (each page's ``python`` blocks are run, and
every library value reachable from what they leave behind is collected) plus a few builders for
results no page shows. Each renderer that takes ``lang`` (``explain``, ``describe``, ``text``,
``line``, ``label``, ``verdict``, ``format``, ``to_markdown``) is called with ``lang="zh"``; an
ASCII word in the text fails the test unless it is an identifier: a word of the user's own
inputs (string literals of the pages and builders: owner names, clauses, estate names), a code
(``CN-SH``, ``WEMoG``, ``counting.overlap``, ``include_unconfirmed=True``), a unit or a number.

The HTML views (``_repr_html_``) are English by design (a notebook has no language argument);
results that have no Chinese rendering yet are listed in `NO_ZH_YET`, and the test fails when
that list is no longer exact, so a new Chinese renderer is checked as soon as it exists.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import community_governance as cg
from docs_blocks import python_blocks
from harvest import PAGES
from harvest import harvest as harvested

RENDERERS = ("explain", "describe", "text", "line", "label", "verdict", "format", "to_markdown")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-:/²+=]*")
#: Names that are identifiers although they are words: the holiday data package.
IDENTIFIERS = {"holidays"}


def _statute_wording() -> set[str]:
    """Words of the matters as foreign statutes name them (``DeclaredMatter.local``): a
    quotation in the statute's own language, like the instrument's title, not a leak."""
    locals_ = {
        matter.local
        for item in cg.jurisdictions.REGISTRY.jurisdictions
        for layer in item.layers
        for matter in layer.procedures
    }
    return {word for text in locals_ for word in _TOKEN.findall(text)}


IDENTIFIERS |= _statute_wording()

#: Public results that have no Chinese rendering yet (English text and HTML only).
NO_ZH_YET: set[str] = set()


@pytest.fixture(scope="module")
def harvest() -> tuple[list[object], set[str]]:
    return harvested()


def _zh_texts(value: object) -> Iterator[tuple[str, str]]:
    for name in RENDERERS:
        method = getattr(value, name, None)
        if not callable(method):
            continue
        try:
            parameters = inspect.signature(method).parameters
        except (TypeError, ValueError):  # a builtin without a signature
            continue
        if "lang" in parameters:
            text = method(lang="zh")
            if isinstance(text, str):
                yield name, text


def english_words(text: str, allowed: set[str]) -> set[str]:
    """ASCII words of ``text`` that are neither identifiers, codes, units nor user input."""
    words = set()
    for token in _TOKEN.findall(text):
        if token == "m" or token.startswith("m²") or re.search(r"[0-9_.\-:/+=]", token):
            continue  # a unit, or an identifier, code, citation key or parameter
        if sum(char.isupper() for char in token) >= 2 or token in allowed | IDENTIFIERS:
            continue  # a code (CN, SPC, WEMoG) or the user's own words
        words.add(token)
    return words


def _leaks(found: list[object], find: Callable[[str], object]) -> str:
    """Each zh line where ``find`` finds something (English words, ASCII punctuation)."""
    leaks: dict[str, str] = {}
    for value in found:
        for name, text in _zh_texts(value):
            for line in text.splitlines():
                what = find(line)
                if what:
                    leaks.setdefault(f"{type(value).__name__}.{name}: {what}", line)
    return "\n".join(f"{key}\n    {line[:200]}" for key, line in leaks.items())


def test_every_zh_text_is_chinese(harvest: tuple[list[object], set[str]]) -> None:
    found, allowed = harvest
    leaks = _leaks(found, lambda line: sorted(english_words(line, allowed)))
    assert not leaks, leaks


def _public_results() -> dict[str, type[Any]]:
    found: dict[str, type[Any]] = {}
    for info in pkgutil.walk_packages(cg.__path__, "community_governance."):
        if ".strategies" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.isclass(value) and callable(getattr(value, "_repr_html_", None)):
                found[name] = value
    return found


def _has_zh(cls: type[Any]) -> bool:
    return any(
        callable(getattr(cls, name, None))
        and "lang" in inspect.signature(getattr(cls, name)).parameters
        for name in RENDERERS
    )


_CJK = r"[\u3400-\u9fff《》「」（）〔〕【】、，。：；]"
#: ASCII punctuation used as Chinese punctuation: a colon, semicolon or comma next to a Chinese
#: character; a comma between the names of a list in a Chinese sentence; parentheses or brackets
#: that open after a space or a Chinese character (``5(1)`` and ``x[0]`` are identifiers); an
#: en dash for a range.
_PUNCTUATION = re.compile(
    rf"(?<={_CJK})\s*[:;,]|[:;,]\s*(?={_CJK})"
    r"|[A-Za-z]\s*,\s+[A-Za-z]"
    rf"|(?:^|(?<=[\s\u3400-\u9fff》」）〕：，]))[(\[]|[(\[][^)\]]*{_CJK}|{_CJK}[^(\[]*[)\]]"
    r"|[–]"
)


def ascii_punctuation(text: str, literals: frozenset[str] = frozenset()) -> list[str]:
    """ASCII punctuation used as Chinese punctuation in a Chinese ``text`` (a line without a
    Chinese character, and the user's own inputs, are left alone)."""
    if not re.search(r"[\u3400-\u9fff]", text):
        return []
    for literal in sorted(literals, key=len, reverse=True):
        text = text.replace(literal, "\u25a1")
    return [match.group() for match in _PUNCTUATION.finditer(text)]


def _typed_strings() -> frozenset[str]:
    """The string literals the pages typed, whole (a clause or a description a user wrote)."""
    found = set()
    for page in PAGES:
        for block in python_blocks(page):
            for node in ast.walk(ast.parse(block)):
                text = node.value if isinstance(node, ast.Constant) else None
                if isinstance(text, str) and len(text) > 3 and re.search(r"[,;:()\[\]]", text):
                    found.add(text)
    return frozenset(found | _statute_quotations())


def _statute_quotations() -> set[str]:
    """The matters as the foreign statutes name them, quoted: 「Beschluss (§25 Abs. 1)」."""
    return {
        f"「{matter.local}」"
        for item in cg.jurisdictions.REGISTRY.jurisdictions
        for layer in item.layers
        for matter in layer.procedures
    }


def test_every_zh_text_has_chinese_punctuation(harvest: tuple[list[object], set[str]]) -> None:
    found, _ = harvest
    literals = _typed_strings()
    leaks = _leaks(found, lambda line: ascii_punctuation(line, literals))
    assert not leaks, leaks


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("业主委员会书面报告换届: 2025-01-01", True),
        ("统计期间 2025-01-01 – 2025-01-27", True),
        ("换届（《民法典》第278条）", False),
        ("换届 (《民法典》第278条)", True),
        ("下一轮候选人：Xu, Lin, Tang", True),
        ("下一轮候选人：Xu、Lin、Tang", False),
        ("无违法搭建 [违法搭建：否]", True),
        ("回访 (Zhou)", True),
        ("回访（Zhou）", False),
        ("1. 2025-09-01 报告纠纷线索；新建,旧", True),
        ("1. 2025-09-01 报告纠纷线索：新建 → 线索登记", False),
        ("《建築物管理條例（第344章）》附表3第5(1)段；2025-01-27至2025-02-03", False),
        ("本库设计决定 counting.overlap；include_unconfirmed=True；s.5(1)；x[0]", False),
        ("no Chinese here: a, b (c) [d]", False),
    ],
)
def test_the_punctuation_filter(text: str, leak: bool) -> None:
    assert bool(ascii_punctuation(text)) is leak


def test_typed_inputs_are_left_alone() -> None:
    assert (
        ascii_punctuation(
            "用途：lift, building 2 (audited)", frozenset({"lift, building 2 (audited)"})
        )
        == []
    )


def test_every_result_with_a_chinese_text_is_rendered(
    harvest: tuple[list[object], set[str]],
) -> None:
    found, _ = harvest
    rendered = {type(value).__name__ for value in found}
    results = _public_results()
    with_zh = {name for name, cls in results.items() if _has_zh(cls)}
    assert with_zh - rendered <= {"AuditReport"}  # the base of both audits
    assert set(results) - with_zh == NO_ZH_YET


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("依据《民法典》第278条〔高可信度〕", set()),
        ("本库设计决定 counting.overlap；CN-SH；WEMoG；include_unconfirmed=True", set()),
        ("协议（第1版，written）", {"written"}),
        ("面积12.50平方米（m²）", set()),
    ],
)
def test_the_word_filter(text: str, words: set[str]) -> None:
    assert english_words(text, set()) == words


def test_pages_are_found() -> None:
    names = {Path(page).name for page in PAGES}
    assert {"README.md", "mediation.md", "committee.md", "money.md", "hk.md"} <= names


def test_library_words_found_by_the_harvest_are_chinese() -> None:
    """The leaks this test found, pinned (the harvest allows words typed in the docs)."""
    layer = cg.jurisdictions.estate_layer("covenant", params={}, clause="第9条")
    assert layer.label("zh") == "本小区业主自治规则（施行日期未知）"
    hk = cg.Citation("hk_bmo", "Sch. 3 para. 5(1)").format("zh")
    assert hk == "《建築物管理條例（第344章）》附表3第5(1)段〔高可信度〕"
    amended = cg.Citation("hk_bmo", "Sch. 3 (2024 amendment)").format("zh")
    assert "附表3（2024年修订）" in amended
    weg = cg.Citation("de_weg", "21(2) no. 1", text_version="WEMoG").format("zh")
    assert weg == "《德国住宅所有权法》第21条第2款第1项（WEMoG版本）〔高可信度〕"
    unnumbered = cg.Citation("tianjin_community_pm_measures", "(party share)").format("zh")
    assert unnumbered == "《天津市社区物业管理办法》（条文序号不详）〔高可信度〕"
    design = cg.Citation("library_design", "mediation", text_version="0.1").format("zh")
    assert design.startswith(
        "本库设计决定（非法律规定；条目mediation）（0.1版本）"
    )  # no 《》: not a statute
    practice = cg.Citation("reported_practice", "1-2-3-4").format("zh")
    assert practice == "基层实践做法（非法律规定；条目1-2-3-4）〔高可信度〕"
    assert "《" not in design + practice
    assert "loi" not in cg.Citation("fr_loi_65_557", "25").format("zh")
