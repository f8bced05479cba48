"""What a committee short of members must do: fill from alternates, a by-election, or re-elect.

* Guidance Rules 2009 Art. 46: vacancies are filled promptly by the method the assembly or its
  rules set; members **below half** of the full number (不足…一半) → a temporary assembly
  re-elects the committee.
* Beijing Arts. 41 and 48: an alternate takes a vacant seat for the remaining term, in the
  order the rules set; if members are still below half after alternates step in, re-election.
* Shanghai Art. 32: below the full number but **more than half** (过半数) → a by-election may be
  held; **fewer than half** → early re-election. Exactly half is named by neither branch: the
  library says so (`VacancyAction.UNSETTLED`) rather than guess.
"""

from __future__ import annotations

from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import chinese_fraction
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.committee.model import Committee, require
from community_governance.exceptions import CommitteeError
from community_governance.rules.ruleset import RuleSet

__all__ = ["VacancyAction", "VacancyAdvice", "vacancy_action"]


class VacancyAction(Enum):
    """What the rule set requires of a committee with empty seats.

    Attributes:
        NONE: No seat is empty.
        FILL_FROM_ALTERNATES: The next alternate takes the seat for the remaining term.
        BY_ELECTION: Hold a by-election (补选) for the empty seats.
        EARLY_REELECTION: Re-elect the whole committee early (提前换届).
        UNSETTLED: The rule set names no action for this number of members.
    """

    NONE = "none"
    FILL_FROM_ALTERNATES = "fill-from-alternates"
    BY_ELECTION = "by-election"
    EARLY_REELECTION = "early-reelection"
    UNSETTLED = "unsettled"


@attrs.frozen(slots=True)
class VacancyAdvice:
    """The action the rule set requires, and why.

    Attributes:
        action: The required action.
        seated: Members seated now.
        full_size: The full number.
        alternates: Alternates available.
        en: Why, in English.
        zh: Why, in Chinese.
        citation: The article.
    """

    action: VacancyAction
    seated: int
    full_size: int
    alternates: int
    en: str
    zh: str
    citation: Citation | None

    def __str__(self) -> str:
        return f"{self.action.value.upper()}: {self.en}"

    def text(self, lang: str = "en") -> str:
        """The action, the seats and why, with the article, in ``"en"`` or ``"zh"``.

        Chinese: ``"补选：在任委员3名（定额5名，候补委员0名）；…（依据：…）"``.
        """
        lang = language(lang)
        if lang == "zh":
            cite = f"（依据：{self.citation.format('zh')}）" if self.citation else ""
            return (
                f"{_ACTION_ZH[self.action]}：在任委员{self.seated}名（定额{self.full_size}名，"
                f"候补委员{self.alternates}名）；{self.zh}{cite}"
            )
        cite = f" ({self.citation.format()})" if self.citation else ""
        return f"{self}{cite}"

    def _repr_html_(self) -> str:
        cite = self.citation.format() if self.citation else ""
        return html_table(
            self.action.value,
            ["seated", "full", "alternates", "why", "article"],
            [[self.seated, self.full_size, self.alternates, self.en, cite]],
        )


_ACTION_ZH = {
    VacancyAction.NONE: "无需处理",
    VacancyAction.FILL_FROM_ALTERNATES: "候补委员递补",
    VacancyAction.BY_ELECTION: "补选",
    VacancyAction.EARLY_REELECTION: "提前换届",
    VacancyAction.UNSETTLED: "规则未明确",
}


def _counts(seated: int, full: int) -> str:
    return f"{seated} of {full} seats filled"


def vacancy_action(committee: Committee, *, rules: RuleSet) -> VacancyAdvice:
    """Say which of "fill from alternates", "by-election", "early re-election" the rules require.

    Args:
        committee: The committee now.
        rules: The rule set in force.

    Returns:
        The advice with its article.

    Raises:
        CommitteeError: seats are empty and the rule set has no vacancy rule.
    """
    require(committee, Committee, "committee")
    require(rules, RuleSet, "rules")
    seated, full, spare = committee.seated, committee.full_size, len(committee.alternates)
    if seated == full:
        return VacancyAdvice(
            VacancyAction.NONE, seated, full, spare, "no seat is empty", "无空缺", None
        )
    param = rules.committee.vacancy
    if param is None:
        raise CommitteeError(
            f"rule set {rules.code} on {rules.on} has no vacancy rule",
            field="rules",
            value=rules.code,
        )
    rule = param.value
    fill = rules.elections.alternates_fill_vacancies
    if fill is not None and fill.value and spare:
        return VacancyAdvice(
            VacancyAction.FILL_FROM_ALTERNATES,
            seated,
            full,
            spare,
            f"{_counts(seated, full)}; the next alternate takes a seat for the remaining term",
            "由候补委员按顺序递补，任期至本届届满",
            fill.citation,
        )
    share = Fraction(seated, full)
    if share < rule.reelection_below or (rule.at_share_too and share == rule.reelection_below):
        at = share == rule.reelection_below
        return VacancyAdvice(
            VacancyAction.EARLY_REELECTION,
            seated,
            full,
            spare,
            f"{_counts(seated, full)}: {'not more than' if at else 'below'} "
            f"{rule.reelection_below} of the full number",
            f"委员人数{'未超过' if at else '不足'}总数的{chinese_fraction(rule.reelection_below)}"
            "，应当提前换届",
            rule.citation,
        )
    if rule.by_election_above is not None and not share > rule.by_election_above:
        return VacancyAdvice(
            VacancyAction.UNSETTLED,
            seated,
            full,
            spare,
            f"{_counts(seated, full)}: neither below {rule.reelection_below} nor more than "
            f"{rule.by_election_above}; the rule set names no action",
            f"委员人数既未不足总数的{chinese_fraction(rule.reelection_below)}，也未超过"
            f"{chinese_fraction(rule.by_election_above)}，规则未规定处理方式",
            rule.citation,
        )
    may = rule.by_election_above is not None  # Shanghai Art. 32: 可以补选
    return VacancyAdvice(
        VacancyAction.BY_ELECTION,
        seated,
        full,
        spare,
        f"{_counts(seated, full)}: "
        + (
            "the empty seats may be filled by a by-election"
            if may
            else "fill the empty seats by a by-election"
        ),
        "委员出缺，可以补选" if may else "委员出缺，应当补选",
        rule.citation,
    )
