"""`DecisionAudit.from_dict` / `ElectionAudit.from_dict` with ``rules=``: the recount's rule."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pytest

import community_governance as cg
from community_governance.audit import (
    AnnouncedDecision,
    AnnouncedElection,
    DecisionAudit,
    ElectionAudit,
    audit_decision,
    audit_election,
)
from community_governance.elections import ElectionBallot
from community_governance.exceptions import (
    DerivedFactMismatchError,
    ElectionInputError,
    VotingInputError,
)
from community_governance.voting.checks import check

CN = cg.rules_for("CN", on=date(2025, 3, 1))
SH = cg.rules_for("CN-SH", on=date(2025, 3, 1))


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(6)]
    )


def _decision_audit() -> DecisionAudit:
    ballots = [cg.Ballot(f"u{i}", "agree" if i < 4 else "oppose") for i in range(6)]
    announced = AnnouncedDecision(participating_heads=6, agree_heads=5, passed=True)
    return audit_decision(
        _estate(), ballots, announced, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=CN
    )


def _election_audit() -> ElectionAudit:
    ballots = [ElectionBallot(f"u{i}", ["X", "Y"] if i < 4 else ["X"]) for i in range(6)]
    return audit_election(
        _estate(), ballots, AnnouncedElection(participating_heads=6, elected=("X", "Y")),
        candidates=["X", "Y", "Z"], seats=2, rules=CN,
    )  # fmt: skip


def _halved(decision: cg.Decision) -> cg.Decision:
    """Every threshold at half, the checks and the verdict consistently recomputed."""
    checks = []
    for old in decision.checks:
        scale = 1 if old.threshold.measure is cg.Measure.HEADS else 100
        checks.append(
            check(
                old.role,
                attrs.evolve(old.threshold, ratio=Fraction(1, 2)),
                int(Fraction(old.numerator) * scale),
                int(Fraction(old.denominator) * scale),
                scale,
            )
        )
    return attrs.evolve(decision, checks=tuple(checks), passed=all(c.passed for c in checks))


def test_a_decision_audit_loads_against_the_rule_set_of_its_recount() -> None:
    audit = _decision_audit()
    assert not audit.recount.passed  # 4 of 6: under the 3/4 for raising the fund
    assert DecisionAudit.from_dict(audit.to_dict(), rules=CN) == audit
    with pytest.raises(DerivedFactMismatchError) as raised:
        DecisionAudit.from_dict(audit.to_dict(), rules=SH)
    assert (raised.value.what, raised.value.field) == ("Decision", "jurisdiction")


def test_a_recount_judged_by_looser_thresholds_is_caught_with_the_rules() -> None:
    audit = _decision_audit()
    data: dict[str, Any] = audit.to_dict()
    data["recount"] = {k: v for k, v in _halved(audit.recount).to_dict().items() if k != "schema"}
    data["discrepancies"] = [
        d for d in data["discrepancies"] if d["code"] != "passed"
    ]  # the looser recount "passed", as announced
    loaded = DecisionAudit.from_dict(data)
    assert loaded.recount.passed
    with pytest.raises(DerivedFactMismatchError) as raised:
        DecisionAudit.from_dict(data, rules=CN)
    assert (raised.value.what, raised.value.field) == ("Decision", "checks")


def test_an_election_audit_loads_against_the_rule_set_of_its_recount() -> None:
    audit = _election_audit()
    assert ElectionAudit.from_dict(audit.to_dict(), rules=CN) == audit
    with pytest.raises(DerivedFactMismatchError) as raised:
        ElectionAudit.from_dict(audit.to_dict(), rules=SH)
    assert (raised.value.what, raised.value.field) == ("ElectionResult", "jurisdiction")


@pytest.mark.parametrize(
    ("make", "load", "error"),
    [
        (_decision_audit, DecisionAudit.from_dict, VotingInputError),
        (_election_audit, ElectionAudit.from_dict, ElectionInputError),
    ],
)
def test_rules_that_are_not_a_rule_set_are_refused(make: Any, load: Any, error: type) -> None:
    with pytest.raises(error, match="rules must be a RuleSet"):
        load(make().to_dict(), rules="CN")
