"""Every library value the docs pages and a few builders produce (shared by tests).

Each docs page's ``python`` blocks are run, and every library value reachable from what they
leave behind (attrs fields, properties, containers) is collected, with the ASCII words of the
string literals the pages typed (the user's own inputs: names, clauses, estate names).
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import re
import warnings
from datetime import date
from enum import Enum
from fractions import Fraction
from functools import cache

import attrs

import community_governance as cg
from community_governance import committee as cm
from community_governance import mediation as m
from community_governance import money
from community_governance.elections import GroupMember, composition
from community_governance.rules import Target
from community_governance.rules.elections import Share
from community_governance.rules.money import ChargeKind
from docs_blocks import ROOT, python_blocks, run_page

PAGES = sorted(
    path for path in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"] if python_blocks(path)
)


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
    return [group, plan, check, stats, Share(2, 3, ("m1",)), *_committee_built(), *_money_built()]


def _committee_built() -> list[object]:
    """Committee-lifecycle results no docs page shows: postings, vacancies, a temporary body."""
    sh = cg.rules_for("CN-SH", on=date(2025, 6, 1))
    bj = cg.rules_for("CN-BJ", on=date(2025, 6, 1))
    committee = cm.elect_committee(
        ["Li", "Wang", "Zhao", "Sun", "Qian"], elected_on=date(2024, 6, 30), term_years=5, rules=sh
    )
    shrunk = cm.apply_event(committee, cm.Resignation(date(2025, 1, 6), "Li"), rules=sh)
    rule = sh.committee.decision_posting.value
    posted = cm.Posting("decision", "board", date(2025, 2, 4))
    late = cm.check_posting(posted, rule, event_on=date(2025, 1, 31), calendar=cg.WeekendCalendar())
    members = [
        cm.TemporaryMember("O0", cm.Seat.OWNER, cm.Role.VICE_CHAIR),
        cm.TemporaryMember("O1", cm.Seat.OWNER),
        cm.TemporaryMember("R0", cm.Seat.USER, cm.Role.CHAIR),
        cm.TemporaryMember("R1", cm.Seat.USER),
    ]
    pmc = cm.TemporaryCommittee(date(2020, 1, 6), members)
    made_up = cm.check_temporary_committee(pmc, rules=bj, on=date(2025, 6, 1))
    decided = cm.temporary_decision(
        pmc,
        present={"O0", "O1", "R0"},
        signed={"O0", "O1", "R0"},
        decided_on=date(2025, 3, 3),
        rules=bj,
        calendar=cg.WeekendCalendar(),
    )
    return [cm.vacancy_action(shrunk, rules=sh), late, made_up, decided]


def _money_built() -> list[object]:
    """Money results no docs page keeps: a charge's need for a vote, crowdfunding pledges."""
    needs = [money.decision_needed(money.Charge(kind)) for kind in ChargeKind]
    return [*needs, money.Pledges.of("5000", {"1-101": "200", "1-102": "300"})]


_BUILT_LITERALS = {"Li", "Wang", "Zhao", "Sun", "Qian", "O", "R", "decision", "board"}


@cache
def harvest() -> tuple[list[object], set[str]]:
    """The values, and the words the pages and builders typed."""
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
