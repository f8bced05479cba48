"""Staged decisions in every state, and each of their stages, checks and floors, pinned.

A stage not reached, reached but not held (a later vote still due), blocked by its entry's
``unless`` tests, barred after a failure, and objections that do not overturn: the decision
rendered in full (text, Chinese, HTML, data), then each stage's line, explanation and HTML in
both languages and each check's and floor's HTML. See tests/golden.py to accept a change.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import community_governance as cg
from community_governance.jurisdictions import cn_extension
from community_governance.rules.matters import DeclaredMatter
from community_governance.voting.procedure import ProcedureDecision, StageResult, decide_procedure
from golden import check_golden, render
from procedures import lots, tw_decision

GOLDEN = Path(__file__).parent / "golden"
ON = date(2026, 6, 1)
MATTER = DeclaredMatter(
    "other-major-matter", "other major matter", "其他重大事项", cg.Citation("civil_code", "278")
)


def fr_not_reached() -> ProcedureDecision:
    # 100 of the capped 800 votes agree: under the 1/3 the Art. 25-1 passerelle needs
    ballots = [cg.Ballot("L1", "agree"), cg.Ballot("L2", "oppose")]
    rules = cg.rules_for("FR", on=ON)
    return decide_procedure(
        lots(["600", "100", "100", "100", "100"], area="50", prefix="L"),
        ballots,
        rules=rules,
        matter="art-25",
    )


def _cn(agree: int, oppose: int = 0) -> list[cg.Ballot]:
    votes = [cg.Ballot(f"1-{n}", "agree") for n in range(agree)]
    return votes + [cg.Ballot(f"1-{n}", "oppose") for n in range(agree, agree + oppose)]


def cn_extended(first: list[cg.Ballot], later: list[cg.Ballot] | None) -> ProcedureDecision:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
        rules = cg.rules_for("CN", on=date(2022, 6, 1))
    procedure = cn_extension.extended(
        rules, cg.Matter.OTHER_MAJOR_MATTER, cn_extension.UNNAMED_CITY
    )
    estate = cg.Estate(
        units=[cg.Unit(f"1-{n}", "100", (f"o{n}",)) for n in range(10)],
        owners=[cg.Owner(f"o{n}") for n in range(10)],
    )
    later_votes = [later] if later is not None else []
    return decide_procedure(estate, first, procedure=procedure, matter=MATTER, later=later_votes)


def tw_kept() -> ProcedureDecision:
    return tw_decision()


CASES: dict[str, Callable[[], ProcedureDecision]] = {
    "fr-not-reached": fr_not_reached,
    "cn-pending": lambda: cn_extended(_cn(4), None),
    "cn-blocked": lambda: cn_extended(_cn(3, 3), None),
    "cn-barred": lambda: cn_extended(_cn(4), _cn(3, 4)),
    "tw-kept": tw_kept,
}


def _stage_parts(index: int, result: StageResult) -> list[str]:
    parts = [f"=== stage {index}: {result!r}"]
    for lang in ("en", "zh"):
        parts += [f"--- line({lang})", result.line(lang), f"--- explain({lang})"]
        parts.append(result.explain(lang))
    parts += ["--- html", result._repr_html_()]
    checks = (
        *(("entry", c) for c in result.entry),
        *(("check", c) for c in result.checks),
        *(("uncapped", c) for c in result.uncapped),
        *(("objection", c) for c in result.objections or ()),
    )
    for kind, check in checks:
        parts += [f"--- {kind}: {check!r}", check._repr_html_()]
    for floor in result.floors:
        parts += [f"--- floor: {floor!r}", floor.line("zh"), floor._repr_html_()]
    return parts


@pytest.mark.parametrize("name", sorted(CASES))
def test_staged_decision_and_its_parts_pinned(name: str) -> None:
    decision = CASES[name]()
    assert ProcedureDecision.from_dict(decision.to_dict()) == decision
    parts = [render(decision, data=False)]
    for index, result in enumerate(decision.stages):
        parts.extend(_stage_parts(index, result))
    check_golden(GOLDEN / f"parts-{name}.txt", "\n".join(parts) + "\n")
