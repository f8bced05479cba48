"""Foreign procedure decisions rendered in full and pinned (text, Chinese, HTML, data).

See tests/golden.py for how to accept a deliberate change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import community_governance as cg
from community_governance.voting.procedure import ProcedureDecision, decide_procedure
from golden import check_golden, render
from procedures import lots

GOLDEN = Path(__file__).parent / "golden"
ON = date(2026, 6, 1)


def fr_passerelle() -> ProcedureDecision:
    ballots = [cg.Ballot("L0", "agree"), cg.Ballot("L1", "abstain"), cg.Ballot("L2", "oppose")]
    rules = cg.rules_for("FR", on=ON)
    return decide_procedure(
        lots(["600", "100", "100", "100", "100"], area="50", prefix="L"),
        ballots,
        rules=rules,
        matter="art-25",
    )


def fr_proxies() -> ProcedureDecision:
    agent = cg.Proxy("agent", written_authorisation=True)
    syndic = cg.Proxy("S", written_authorisation=True)
    ballots = [cg.Ballot(f"L{n}", "agree", proxy=agent) for n in range(5)]
    ballots += [cg.Ballot("L5", "agree", proxy=syndic), cg.Ballot("L6", "oppose")]
    return decide_procedure(
        lots(["100"] * 10, area="50", prefix="L"),
        ballots,
        rules=cg.rules_for("FR", on=ON),
        matter="art-24",
        capacities={"S": "syndic", "agent": "neighbour"},
    )


def tw_overturned() -> ProcedureDecision:
    units = [cg.Unit(f"D{n}", "100", ("dev",)) for n in range(5)]
    units += [cg.Unit(f"A{n}", "100", (f"o{n}",)) for n in range(5)]
    estate = cg.Estate(
        units=units, owners=[cg.Owner("dev"), *(cg.Owner(f"o{n}") for n in range(5))]
    )
    first = [cg.Ballot(f"D{n}", "agree") for n in range(5)] + [cg.Ballot("A0", "agree")]
    later = [[cg.Ballot("A0", "agree"), cg.Ballot("A1", "agree"), cg.Ballot("A2", "agree")]]
    return decide_procedure(
        estate,
        first,
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
        later=later,
        objections=["A1", "A2", "A3", "A4", "D0", "D1"],
    )


def hk_in_person() -> ProcedureDecision:
    agent = cg.Proxy("agent", written_authorisation=True)
    ballots = [cg.Ballot(f"L{n}", "agree") for n in range(4)]
    ballots += [cg.Ballot(f"L{n}", "agree", proxy=agent) for n in range(4, 12)]
    return decide_procedure(
        lots(["10"] * 100, area="50", prefix="L"),
        ballots,
        rules=cg.rules_for("HK", on=date(2025, 7, 13)),
        matter="large-scale-maintenance",
    )


CASES: dict[str, Callable[[], ProcedureDecision]] = {
    "fr-passerelle": fr_passerelle,
    "fr-proxies": fr_proxies,
    "tw-overturned": tw_overturned,
    "hk-in-person": hk_in_person,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_procedure_decision_pinned(name: str) -> None:
    decision = CASES[name]()
    assert ProcedureDecision.from_dict(decision.to_dict()) == decision
    check_golden(GOLDEN / f"{name}.txt", render(decision))
