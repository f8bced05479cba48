"""Shared builders for the committee tests."""

from __future__ import annotations

from datetime import date

import community_governance as cg
from community_governance import committee as cm

ON = date(2025, 3, 1)
ELECTED = date(2020, 6, 30)
SEVEN = ("A", "B", "C", "D", "E", "F", "G")


def rules(code: str, on: date = ON, **kw: object) -> cg.RuleSet:
    return cg.rules_for(code, on=on, **kw)  # type: ignore[arg-type]


def committee(code: str = "CN-SH", members=SEVEN, alternates=("H", "I"), **kw) -> cm.Committee:
    return cm.elect_committee(
        list(members),
        elected_on=ELECTED,
        term_years=5,
        rules=rules(code, ELECTED),  # the rule set in force on the election day
        alternates=list(alternates),
        **kw,
    )


def decision(
    matter: str = "elect-committee", agree: bool = True, code: str = "CN-SH", on: date = ON
):
    estate = cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "10", "owners": [f"O{n}"]} for n in range(4)]
    )
    choice = "agree" if agree else "oppose"
    ballots = [cg.Ballot(f"1-{n}", choice) for n in range(4)]
    return cg.decide(estate, ballots, matter=matter, rules=rules(code, on))
