"""Chinese figures shown as written: the third mutation pass of ``audit.findings``.

A code without a unit and a verdict word without a Chinese translation keep their text.
"""

from __future__ import annotations

from community_governance.audit.findings import Discrepancy


def test_a_figure_without_a_unit_is_shown_as_written_in_chinese() -> None:
    found = Discrepancy("seats", "seats", "3", "2", "seats filled", "当选人数")
    assert found.figures("zh") == "当选人数：公布为3，复核为2"
    heads = Discrepancy("agree-heads", "agree", "12", "10", "persons agreeing", "同意人数")
    assert heads.figures("zh") == "同意人数：公布为12人，复核为10人"


def test_a_verdict_word_without_a_translation_is_shown_as_written() -> None:
    found = Discrepancy("passed", "outcome", "passed", "pending", "outcome", "结果")
    assert found.figures("zh") == "结果：公布为通过，复核为pending"
