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
import contextlib
import importlib
import inspect
import io
import pkgutil
import re
import warnings
from collections.abc import Iterator
from datetime import date
from enum import Enum
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import community_governance as cg
from community_governance import committee as cm
from community_governance import mediation as m
from community_governance.elections import GroupMember, composition
from community_governance.rules import Target
from community_governance.rules.elections import Share
from docs_blocks import ROOT, python_blocks, run_page

RENDERERS = ("explain", "describe", "text", "line", "label", "verdict", "format", "to_markdown")
PAGES = sorted(
    path for path in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"] if python_blocks(path)
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-:/²+=]*")
#: Names that are identifiers although they are words: the holiday data package.
IDENTIFIERS = {"holidays"}

#: Public results that have no Chinese rendering yet (English text and HTML only).
NO_ZH_YET = {
    "AbsenceCount",
    "Apportionment",
    "CadenceCheck",
    "Committee",
    "ConditionCheck",
    "DecisionNeed",
    "Estate",
    "Figures",
    "Fund",
    "FloorCheck",
    "Pledges",
    "PostingCheck",
    "ProcedureCheck",
    "ProcedureDecision",
    "RuleSet",
    "StageResult",
    "StepCheck",
    "Tally",
    "TemporaryCheck",
    "TemporaryDecision",
    "VacancyAdvice",
}


def _literals(source: str) -> set[str]:
    """ASCII words of the string literals of ``source`` (what a user typed)."""
    words: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            words |= set(re.findall(r"[A-Za-z]+", node.value))
    return words


def _walk(value: object, seen: dict[int, object], out: list[object], depth: int = 0) -> None:
    if depth > 6 or id(value) in seen:
        return
    seen[id(value)] = value  # kept alive so that its id is not reused
    if isinstance(value, list | tuple | set | frozenset):
        for item in list(value)[:200]:
            _walk(item, seen, out, depth + 1)
        return
    if isinstance(value, dict) or type(value).__name__ == "FrozenMap":
        for key, item in list(value.items())[:200]:  # type: ignore[attr-defined]
            _walk(key, seen, out, depth + 1)
            _walk(item, seen, out, depth + 1)
        return
    if not (type(value).__module__ or "").startswith("community_governance"):
        return
    out.append(value)
    if isinstance(value, Enum):
        return
    names = [field.name for field in attrs.fields(type(value))] if attrs.has(type(value)) else []
    names += [name for name, _ in inspect.getmembers(type(value), _is_property)]
    for name in names:
        with contextlib.suppress(Exception):
            _walk(getattr(value, name), seen, out, depth + 1)


def _is_property(member: object) -> bool:
    return isinstance(member, property)


def _built() -> list[object]:
    """Results no docs page shows."""
    rules = cg.rules_for("CN-SH", on=date(2024, 5, 1))
    members = [
        GroupMember(f"m{i}", role, party_member=i % 2 == 0, age=40 + i, occupation=None)
        for i, role in enumerate(["owner-representative"] * 4 + ["street-office", "developer"])
    ]
    target = Target(Fraction(1, 2), cg.Citation("reported_practice", "3"))
    group = composition(members, targets=[target], rules=rules)
    committee = cm.elect_committee(
        ["Li", "Wang", "Zhao", "Sun", "Qian"],
        elected_on=date(2020, 6, 30),
        term_years=5,
        rules=rules,
    )
    plan = cm.reelection_plan(committee, rules=rules)
    check = cm.check_timeline(plan, {plan.steps[0].step: date(2025, 1, 1)}, on=date(2025, 6, 1))
    stats = m.mediation_statistics([], start=date(2025, 1, 1), end=date(2025, 12, 31))
    return [group, plan, check, stats, Share(2, 3, ("m1",))]


_BUILT_LITERALS = {"Li", "Wang", "Zhao", "Sun", "Qian"}


@pytest.fixture(scope="module")
def harvest() -> tuple[list[object], set[str]]:
    found: list[object] = []
    seen: dict[int, object] = {}
    allowed = set(_BUILT_LITERALS)
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        for page in PAGES:
            allowed |= set().union(*(_literals(block) for block in python_blocks(page)))
            for value in run_page(page).values():
                _walk(value, seen, found)
        for value in _built():
            _walk(value, seen, found)
    return found, allowed


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


def test_every_zh_text_is_chinese(harvest: tuple[list[object], set[str]]) -> None:
    found, allowed = harvest
    leaks: dict[str, str] = {}
    for value in found:
        for name, text in _zh_texts(value):
            for line in text.splitlines():
                words = english_words(line, allowed)
                if words:
                    leaks.setdefault(f"{type(value).__name__}.{name}: {sorted(words)}", line)
    assert not leaks, "\n".join(f"{key}\n    {line[:200]}" for key, line in leaks.items())


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
    assert design.startswith("《本库设计决定》mediation（0.1版本）")
    assert "loi" not in cg.Citation("fr_loi_65_557", "25").format("zh")
