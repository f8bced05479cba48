"""A rule set's freeze while a re-election runs, applied by `decide` (private).

The rule set names the frozen matters and the article (``rules.committee.freeze``, a
`FreezeRule`); the caller declares the re-election's window (a `FreezeWindow`, which
`committee.frozen_window` builds from the progress ledger). Inside the window a frozen matter
is refused; with no declaration the decision carries a ``freeze-not-declared`` notice naming the
article. The choice between refusing and a notice is a library design decision, documented in
`decide`.
"""

from __future__ import annotations

from datetime import date

from community_governance._base.notices import Notice
from community_governance.exceptions import FrozenMatterError, VotingInputError
from community_governance.rules.committee import FreezeWindow
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet

__all__ = ["freeze_notices"]


def freeze_notices(
    rules: RuleSet, matter: Matter, freeze: object, opened: date | None
) -> tuple[Notice, ...]:
    """The notices of the freeze for this vote; raise if the matter is frozen.

    Raises:
        VotingInputError: ``freeze`` is neither ``None`` nor a `FreezeWindow`.
        FrozenMatterError: the rule set freezes ``matter`` and a day of the vote (``opened`` to
            ``rules.on``) lies in the declared window.
    """
    if freeze is not None and not isinstance(freeze, FreezeWindow):
        raise VotingInputError(
            f"decide: freeze must be a FreezeWindow (from committee.frozen_window) or None, "
            f"not {freeze!r}",
            field="freeze",
            value=freeze,
        )
    param = rules.committee.freeze
    if param is None or matter not in param.value.matters:
        return ()
    article = param.citation
    if freeze is None:
        return (
            Notice(
                "freeze-not-declared",
                f"{article.format()} freezes '{matter.label()}' while the committee is "
                "re-elected, and no re-election status was declared: pass "
                "freeze=committee.frozen_window(rules, ledger), or FreezeWindow(None) if no "
                "re-election is running; the decision is valid only outside such a window",
                f"{article.format('zh')}规定业主委员会换届期间不得决定“{matter.label('zh')}”，"
                "本次表决未声明换届状态；本决定仅在换届期间以外有效",
                article,
            ),
        )
    first = rules.on if opened is None else opened
    if freeze.covers(first, rules.on):
        raise FrozenMatterError(
            f"{matter.value} may not be decided on {rules.on}: frozen {freeze.describe()} "
            f"while the committee is re-elected ({article.format()})",
            field="matter",
            value=matter.value,
            matter=matter.value,
            on=rules.on,
            window=(freeze.start, freeze.end),
        )
    return ()
