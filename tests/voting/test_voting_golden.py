"""Decisions rendered in full and pinned (kills mutants of checks, decision and the tally).

Each decision's verdict, English and Chinese explanation, Markdown, HTML and plain data are
compared with a stored golden file; see tests/golden.py for how to accept a change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

import community_governance as cg
from golden import check_golden, render

GOLDEN = Path(__file__).parent / "golden"
ON = date(2022, 6, 1)


def estate() -> cg.Estate:
    """Ten flats with decimal areas; Li holds two, Li and Wang co-own one; two unsold."""
    rows = [
        {"unit": f"1-{i:02d}", "area": f"{80 + i}.{i}5", "owners": [f"O{i}"]} for i in range(1, 9)
    ]
    rows += [
        {"unit": "2-01", "area": "120.5", "owners": ["Li"]},
        {"unit": "2-02", "area": "60.25", "owners": ["Li"]},
        {"unit": "2-03", "area": "75", "owners": ["Li", "Wang"]},
        {"unit": "3-01", "area": "90", "owners": ["Dev"], "status": "unsold"},
        {"unit": "3-02", "area": "95.5", "owners": ["Dev"], "status": "unsold"},
    ]
    return cg.Estate.from_records(rows, name="Golden Garden")


def ballots(*choices: str) -> list[cg.Ballot]:
    units = [u.id for u in estate().units]
    return [cg.Ballot(unit, choice) for unit, choice in zip(units, choices, strict=False) if choice]


def estate_rules(base: cg.RuleSet, **params: object) -> cg.RuleSet:
    return base.with_layer(
        cg.jurisdictions.estate_layer("Golden rules 2021", params=params, clause="Art. 7")
    )


def two_developers() -> cg.Estate:
    """Four owners and two developer entities (the developer and its sales agent)."""
    rows = [
        {"unit": f"1-{i:02d}", "area": f"{60 + i}.{i}", "owners": [f"O{i}"]} for i in range(1, 5)
    ]
    rows += [
        {"unit": "3-01", "area": "90.05", "owners": ["Dev"], "status": "unsold"},
        {"unit": "3-02", "area": "45.5", "owners": ["Agent"], "status": "unsold"},
    ]
    agent = cg.Owner("Agent", cg.OwnerKind.DEVELOPER, name="exclusive sales agent")
    return cg.Estate.from_records(rows, owners=[agent], name="Two Developers")


def unsure_rules() -> cg.RuleSet:
    """CN with an estate rule for other major matters whose approval article is unconfirmed."""
    sure = cg.Citation("civil_code", "278(2)")
    unsure = cg.Citation("example_rules", "9", confidence=cg.Confidence.LOW)
    half = Fraction(1, 2)
    rule = cg.ResolutionRule(
        (cg.Threshold(cg.Measure.HEADS, cg.Base.ALL, cg.Comparator.AT_LEAST, half, sure),),
        (
            cg.Threshold(
                cg.Measure.AREA, cg.Base.PARTICIPATING, cg.Comparator.MORE_THAN, half, unsure
            ),
        ),
        sure,
    )
    layer = cg.rules.Layer(
        "T", "T: mixed confidence", None, None, resolutions={cg.Matter.OTHER_MAJOR_MATTER: rule}
    )
    return cg.RuleSet("T", ON, (layer,), include_unconfirmed=True)


CN = cg.rules_for("CN", on=ON)
SH = cg.rules_for("CN-SH", on=ON)
BJ = cg.rules_for("CN-BJ", on=ON)
TJ = cg.rules_for("CN-TJ", on=ON)
DEEMED = cg.rules.DeemedVoteClause("covenant Art. 9", majority_floor=cg.rules.ZHEJIANG_2009_FLOOR)
MOST = ("agree",) * 7 + ("oppose", "abstain", "abstain", "spoiled", "agree", "agree")

SCENARIOS: dict[str, Callable[[], cg.Decision]] = {
    "cn-elect-passes": lambda: cg.decide(
        estate(), ballots(*MOST), matter="elect-committee", rules=CN
    ),
    "cn-fund-fails": lambda: cg.decide(
        estate(),
        ballots("agree", "agree", "oppose", "oppose", "abstain", "agree", "agree", "agree"),
        matter="raise-maintenance-fund",
        rules=CN,
    ),
    "cn-no-ballots": lambda: cg.decide(estate(), [], matter="rebuild-or-renovate", rules=CN),
    "sh-spoiled-excluded": lambda: cg.decide(
        estate(),
        ballots(*MOST),
        matter="hire-or-dismiss-manager",
        rules=estate_rules(SH, spoiled_ballots="excluded"),
    ),
    "sh-deemed-votes": lambda: cg.decide(
        estate(),
        ballots("agree", "agree", "agree", "agree", "agree", "agree", "agree", "oppose"),
        matter="use-maintenance-fund",
        rules=estate_rules(SH, deemed_vote=DEEMED),
    ),
    "bj-covenant": lambda: cg.decide(
        estate(), ballots(*MOST), matter="management-covenant", rules=BJ
    ),
    "tj-change-use": lambda: cg.decide(
        estate(), ballots(*MOST), matter="change-use-of-common-parts", rules=TJ
    ),
    "cn-developers-and-proxies": lambda: cg.decide(
        two_developers(),
        [
            cg.Ballot("1-01", "agree", cg.Proxy("Son", written_authorisation=True)),
            cg.Ballot("1-02", "agree", cg.Proxy("Neighbour", written_authorisation=False)),
            cg.Ballot("1-03", "oppose"),
            cg.Ballot("1-04", "同意"),
            cg.Ballot("3-01", "abstain"),
        ],
        matter="hire-or-dismiss-manager",
        rules=CN,
    ),
    "sh-deemed-no-common-majority": lambda: cg.decide(
        estate(),
        ballots("agree", "agree", "agree", "oppose", "", "", "", "", "oppose", "oppose", "oppose"),
        matter="use-maintenance-fund",
        rules=estate_rules(SH, deemed_vote=cg.rules.DeemedVoteClause("covenant Art. 9")),
    ),
    "sh-deemed-passes-either-way": lambda: cg.decide(
        estate(),
        ballots(*("agree",) * 10, "oppose"),
        matter="use-maintenance-fund",
        rules=estate_rules(SH, deemed_vote=DEEMED),
    ),
    "sh-deemed-floor-not-met": lambda: cg.decide(
        estate(),
        ballots("agree", "agree", "agree", "agree", "oppose"),
        matter="use-maintenance-fund",
        rules=estate_rules(SH, deemed_vote=DEEMED),
    ),
    "cn-scoped-unconfirmed": lambda: cg.decide(
        estate(),
        ballots("", "", "", "", "", "", "", "", "agree", "agree", "oppose"),
        matter="other-major-matter",
        rules=unsure_rules(),
        scope=["2-01", "2-02", "2-03", "3-01"],
    ),
    "cn-2020-spanning": lambda: cg.decide(
        estate(),
        ballots(*MOST),
        matter="other-major-matter",
        rules=cg.rules_for("CN", on=date(2021, 1, 10)),
        opened=date(2020, 12, 20),
    ),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_decision_golden(name: str) -> None:
    decision = SCENARIOS[name]()
    text = render(decision)
    for check in decision.checks:
        text += f"check: {check.line()} | {check.line('zh')}\n"
        text += f"  actual {check.actual} required {check.required} margin {check.margin} "
        text += f"minimum heads {check.minimum_heads} citation {check.citation.format()}\n"
    text += f"tally: {decision.tally!r}\n"
    text += f"cast {decision.tally.cast} not participating {decision.tally.not_participating}\n"
    text += f"quorum met {decision.quorum_met} approved {decision.approved}\n"
    check_golden(GOLDEN / f"{name}.txt", text)
    assert cg.Decision.from_dict(decision.to_dict()) == decision


PARTS = ("cn-elect-passes", "cn-fund-fails", "sh-spoiled-excluded", "sh-deemed-votes")


@pytest.mark.parametrize("name", PARTS)
def test_decision_parts_golden(name: str) -> None:
    """Each check, the tally and its figures on their own: str, repr and HTML (notebook view)."""
    decision = SCENARIOS[name]()
    parts = [render(check, data=False) for check in decision.checks]
    parts.append(render(decision.tally, data=False))
    tally = decision.tally
    for figures in (tally.total, tally.participating, tally.agree, tally.spoiled, tally.deemed):
        parts.append(render(figures, data=False))
    check_golden(GOLDEN / f"parts-{name}.txt", "\n".join(parts))
