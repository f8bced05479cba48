"""The freeze while a re-election runs (Shanghai Art. 28), and the window that enforces it.

From the re-election group's formation until the new committee exists, the assembly may not
decide on hiring or dismissing the property company, fee changes, major repairs or other major
matters. The library reads these as Civil Code Art. 278(1) items (4)–(9): a fee change is
decided as another major matter (item 9, the rule set's ``money.fee_adjustment`` reading) and
"major repairs" as using the maintenance fund or rebuilding (items 5 and 7); library design
decision. The window runs from the group's formation day through the election day, both
included.

The rule set holds the frozen matters and the article (``rules.committee.freeze``); the
progress ledger gives the window: [frozen_window][community_governance.committee.frozen_window]
turns the ledger into a [FreezeWindow][community_governance.committee.FreezeWindow], and
``decide(..., freeze=window)`` **refuses** a frozen matter inside it with a
[FrozenMatterError][community_governance.exceptions.FrozenMatterError]. A frozen matter
decided without any declaration passes with a ``freeze-not-declared`` notice naming the article.
[decide_unless_frozen][community_governance.committee.decide_unless_frozen] does both steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from community_governance._base.enums import parse_enum
from community_governance.committee.model import check_day, require
from community_governance.exceptions import FrozenMatterError
from community_governance.register.estate import Estate
from community_governance.rules.committee import FreezeWindow, Step
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.voting.ballots import Ballot
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

__all__ = ["check_not_frozen", "decide_unless_frozen", "frozen_matters", "frozen_window"]


def frozen_window(rules: RuleSet, done: Mapping[Step | str, date]) -> FreezeWindow:
    """The frozen window from the progress ledger, as ``decide(..., freeze=...)`` takes it.

    Args:
        rules: The rule set (its ``committee.freeze`` names the opening and closing steps).
        done: What happened, step → date (as for `check_timeline`).

    Returns:
        The window from the opening step's day (inclusive) to the closing step's day (``end``
        ``None``: still open; a closing step dated before the opening one, such as an earlier
        re-election's vote, leaves it open); ``FreezeWindow(None)`` when the rule set has no
        freeze or the opening step has not happened.

    Raises:
        InvalidChoiceError: a key of ``done`` is not a step.
        CommitteeInputError: a value of ``done`` is not a plain date.
    """
    param = require(rules, RuleSet, "rules").committee.freeze
    facts = {
        parse_enum(Step, k, what="step"): check_day(v, f"done[{k!r}]") for k, v in done.items()
    }
    if param is None or param.value.starts not in facts:
        return FreezeWindow(None)
    start, end = facts[param.value.starts], facts.get(param.value.ends)
    return FreezeWindow(start, end if end is not None and end >= start else None)


def frozen_matters(
    rules: RuleSet, done: Mapping[Step | str, date], *, on: date
) -> tuple[Matter, ...]:
    """The matters the assembly may not decide on ``on`` (empty outside the window)."""
    window = frozen_window(rules, done)
    day = check_day(on, "on")
    param = require(rules, RuleSet, "rules").committee.freeze
    if param is None or not window.covers(day, day):
        return ()
    return param.value.matters


def check_not_frozen(
    matter: Matter | str, *, on: date, rules: RuleSet, done: Mapping[Step | str, date]
) -> None:
    """Raise if ``matter`` is frozen on ``on``.

    Raises:
        FrozenMatterError: the matter is frozen (the message names the window and article).
        InvalidChoiceError: ``matter`` is not a matter.
    """
    wanted = parse_enum(Matter, matter, what="matter")
    if wanted in frozen_matters(rules, done, on=on):
        window = frozen_window(rules, done)
        param = require(rules, RuleSet, "rules").committee.freeze
        assert param is not None
        raise FrozenMatterError(
            f"{wanted.value} may not be decided on {on}: frozen {window.describe()} "
            f"while the committee is re-elected ({param.citation.format()})",
            field="matter",
            value=wanted.value,
            matter=wanted.value,
            on=on,
            window=(window.start, window.end),
        )


def decide_unless_frozen(
    estate: Estate,
    ballots: Iterable[Ballot],
    *,
    matter: Matter | str,
    rules: RuleSet,
    done: Mapping[Step | str, date],
    opened: date | None = None,
) -> Decision:
    """`decide()` with the window `frozen_window` reads from the progress ledger ``done``.

    Raises:
        FrozenMatterError: the matter is frozen on a day of the vote (``opened`` to
            ``rules.on``).
    """
    window = frozen_window(rules, done)
    return decide(estate, ballots, matter=matter, rules=rules, opened=opened, freeze=window)
