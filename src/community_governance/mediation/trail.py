"""One applied event of a case's trail, and the soft rules it did not meet.

[TrailEntry][community_governance.mediation.TrailEntry] records the event;
[GuardWarning][community_governance.mediation.GuardWarning] each soft rule it did not meet.
"""

from __future__ import annotations

import attrs

from community_governance._base.citations import Citation
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.mediation import _checks as check
from community_governance.mediation.events import AnyEvent
from community_governance.mediation.states import CaseState

__all__ = ["GuardWarning", "TrailEntry"]


@attrs.frozen(slots=True)
class GuardWarning:
    """A soft rule an event did not meet: the event applies, the warning is recorded.

    The reason is kept in English and in Chinese, with the rule it comes from.

    Attributes:
        guard: The guard's name, e.g. ``"rights_notice_given"``.
        rule_zh: The rule in Chinese, e.g. ``"告知当事人权利义务"``.
        en: Why the rule is not met, in English.
        zh: Why the rule is not met, in Chinese.
        citation: The rule (the case policy's own article where the guard enforces one).
    """

    guard: str = attrs.field(validator=check.text)
    rule_zh: str = attrs.field(validator=check.text)
    en: str = attrs.field(validator=check.text)
    zh: str = attrs.field(validator=check.text)
    citation: Citation = attrs.field(validator=check.instance(Citation))

    def explain(self, lang: str = "en") -> str:
        """The rule, the reason and the citation, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return f"{self.rule_zh}：{self.zh}（{self.citation.format('zh')}）"
        return str(self)

    def __str__(self) -> str:
        """One line, the guard first: ``"rights_notice_given: no … recorded [MOJ … 30 …]"``."""
        return f"{self.guard}: {self.en} [{self.citation.format()}]"

    def __repr__(self) -> str:
        """One line with both languages, so that two warnings that differ never look alike."""
        return f"<GuardWarning {self} | {self.rule_zh}：{self.zh}>"

    def _repr_html_(self) -> str:
        rows = [(self.en, f"{self.rule_zh}：{self.zh}", self.citation.format())]
        return html_table(self.guard, ["warning", "警示", "source"], rows)


@attrs.frozen(slots=True)
class TrailEntry:
    """One applied event in a case's audit trail.

    Attributes:
        seq: Position in the trail (0-based).
        event: The event: when, what, by whom, with its facts and reason.
        from_state: State before the event.
        to_state: State after it.
        warnings: Soft rules (unconfirmed sources) that the event did not meet, with citations.
        policy: Code of the mediation policy (rule set) in force for the case.
        calendar: Name of the holiday calendar used for deadlines opened by the event.
    """

    seq: int
    event: AnyEvent
    from_state: CaseState
    to_state: CaseState
    warnings: tuple[GuardWarning, ...] = ()
    policy: str = ""
    calendar: str = ""
