"""Notices: warnings and remarks attached to results, in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from community_governance._base.citations import Citation
from community_governance._base.lang import language

__all__ = ["Notice", "unconfirmed_rule_notices"]


@attrs.frozen(slots=True, cache_hash=True)  # hashed once: results de-duplicate notices
class Notice:
    """A warning or remark a result carries, with its source.

    Attributes:
        code: Stable machine-readable code, e.g. ``"deemed-votes-applied"``.
        en: The message in English.
        zh: The message in Chinese.
        citation: The rule or design decision behind it, if any.
    """

    code: str
    en: str
    zh: str
    citation: Citation | None = None

    def text(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"zh"``, followed by its citation when there is one."""
        lang = language(lang)
        message = self.zh if lang == "zh" else self.en
        if self.citation is not None and lang == "zh":
            message += f"（{self.citation.format(lang)}）"
        elif self.citation is not None:
            message += f" ({self.citation.format(lang)})"
        return message


def unconfirmed_rule_notices(citations: Iterable[Citation]) -> list[Notice]:
    """One ``unconfirmed-rule-used`` notice per unconfirmed citation, in citation order.

    The message says that an unconfirmed rule was used; the notice cites the rule, so that
    [text][community_governance.Notice.text] names it once.
    """
    return [
        Notice(
            "unconfirmed-rule-used",
            "an unconfirmed rule was used",
            "使用了未经核实的规则",
            citation,
        )
        for citation in sorted(set(citations), key=Citation.format)
        if not citation.confirmed
    ]
