"""rule_set_of/decider confidence switch, one-line assert_never_looser messages, the
missing-extra ImportError and the no-function-level-import rule for the strategies module."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

import community_governance as cg
from community_governance import strategies as cgst
from community_governance.exceptions import MissingExtraError, UnconfirmedRuleError
from community_governance.rules.thresholds import Base, Comparator, Measure, Threshold

MEDIUM = cg.Citation("civil_code", "278", confidence=cg.Confidence.MEDIUM, note="test")
HIGH = cg.Citation("civil_code", "278")


def _rule(ratio: Fraction, citation: cg.Citation = HIGH) -> cg.ResolutionRule:
    return cg.ResolutionRule(
        quorum=(),
        approval=(Threshold(Measure.HEADS, Base.CAST, Comparator.MORE_THAN, ratio, citation),),
        citation=citation,
    )


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"u{i}", "area": "100", "owners": [f"o{i}"]} for i in range(3)]
    )


def test_medium_rule_is_refused_naming_confidence() -> None:
    with pytest.raises(UnconfirmedRuleError, match=r"confidence medium.*include_unconfirmed=True"):
        cgst.decider(_rule(Fraction(1, 2), MEDIUM))
    with pytest.raises(UnconfirmedRuleError, match="confidence medium"):
        cgst.rule_set_of(_rule(Fraction(1, 2), MEDIUM))


def test_medium_rule_is_admitted_on_request() -> None:
    rules = cgst.rule_set_of(_rule(Fraction(1, 2), MEDIUM), include_unconfirmed=True)
    assert rules.include_unconfirmed
    ballots = [cg.Ballot("u0", "agree"), cg.Ballot("u1", "agree"), cg.Ballot("u2", "oppose")]
    decision = cgst.decider(_rule(Fraction(1, 2), MEDIUM), include_unconfirmed=True)(
        _estate(), ballots
    )
    assert decision.passed


def test_decider_refuses_the_switch_for_a_rule_set_resolved_without_it() -> None:
    confirmed_only = cg.rules_for("CN", on=date(2025, 3, 1))
    with pytest.raises(UnconfirmedRuleError, match="pass it to rules_for"):
        cgst.decider(confirmed_only, include_unconfirmed=True)
    admitted = cg.rules_for("CN", on=date(2025, 3, 1), include_unconfirmed=True)
    assert cgst.decider(admitted, include_unconfirmed=True)(_estate(), []).passed is False
    assert cgst.decider(confirmed_only)(_estate(), []).passed is False


def test_confirmed_rule_needs_no_switch() -> None:
    assert not cgst.rule_set_of(_rule(Fraction(1, 2))).include_unconfirmed


def test_never_looser_failure_is_short_and_names_the_looser_threshold() -> None:
    with pytest.raises(AssertionError) as raised:
        cgst.assert_never_looser(_rule(Fraction(1, 3)), _rule(Fraction(1, 2)))
    message = str(raised.value)
    assert len(message) < 600
    lines = message.splitlines()
    assert lines[1].strip().startswith("local:") and "1/3" in lines[1]
    assert lines[2].strip().startswith("national:") and "1/2" in lines[2]
    assert "not matched by the local rule: heads" in lines[3]
    assert "Citation(" not in message


def test_never_looser_names_an_unmatched_quorum() -> None:
    quorum = Threshold(Measure.AREA, Base.ALL, Comparator.AT_LEAST, Fraction(2, 3), HIGH)
    national = cg.ResolutionRule(
        quorum=(quorum,), approval=_rule(Fraction(1, 2)).approval, citation=HIGH
    )
    with pytest.raises(AssertionError, match=r"not matched by the local rule: area at least 2/3"):
        cgst.assert_never_looser(_rule(Fraction(1, 2)), national)
    cgst.assert_never_looser(national, national)


def test_describe_rule() -> None:
    assert cgst.describe_rule(_rule(Fraction(1, 2))).startswith("quorum: none | approval: ")
    assert cgst.describe_rule(_rule(Fraction(1, 2)), "zh").startswith("quorum: 无 | approval: ")


def test_never_looser_on_votes_passes_when_both_pass() -> None:
    ballots = [cg.Ballot(f"u{i}", "agree") for i in range(3)]
    cgst.assert_never_looser(
        _rule(Fraction(2, 3)), _rule(Fraction(1, 2)), estate=_estate(), ballots=ballots
    )


def test_import_without_hypothesis_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import community_governance.strategies\n"
        "except ImportError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.startswith(MissingExtraError.__name__)
    assert "pip install community_governance[hypothesis]" in out
    assert issubclass(MissingExtraError, ImportError)
    assert MissingExtraError("m", extra="hypothesis").extra == "hypothesis"


def test_no_function_level_imports() -> None:
    for path in Path(cgst.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: {node.name} imports inside the function"
        assert "TYPE_CHECKING" not in source


def test_brief_decision_summary_for_the_empirical_failure_message() -> None:
    ballots = [cg.Ballot("u0", "agree"), cg.Ballot("u1", "agree"), cg.Ballot("u2", "oppose")]
    passed = cgst.decider(_rule(Fraction(1, 2)))(_estate(), ballots)
    failed = cgst.decider(_rule(Fraction(2, 3)))(_estate(), ballots)
    assert cgst.properties._brief(passed).startswith(
        "passed (heads"
    ) and "2/3 ok" in cgst.properties._brief(passed)
    assert cgst.properties._brief(failed).startswith(
        "failed ("
    ) and "FAIL" in cgst.properties._brief(failed)
