"""The freeze while a re-election runs (Shanghai Art. 28), and the pattern that enforces it.

From the re-election group's formation until the new committee exists, the assembly may not
decide on hiring or dismissing the property company, fee changes, major repairs or other major
matters. The library reads these as Civil Code Art. 278(1) items (4)–(9) (fee changes and
"major repairs" are not items of their own; library design decision) and the window as the
group's formation day through the election day, both included.

`decide()` knows nothing of re-elections, so the library's pattern is: call
[check_not_frozen][community_governance.committee.check_not_frozen] before deciding, or use
[decide_unless_frozen][community_governance.committee.decide_unless_frozen], which does both.
A frozen matter is **refused** with a
[FrozenMatterError][community_governance.exceptions.FrozenMatterError]: it never passes
silently, and never passes with a notice that could be overlooked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from community_governance._base.enums import parse_enum
from community_governance.committee.model import check_day, require
from community_governance.exceptions import FrozenMatterError
from community_governance.register.estate import Estate
from community_governance.rules.committee import Step
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.voting.ballots import Ballot
from community_governance.voting.decide import decide
from community_governance.voting.decision import Decision

__all__ = ["check_not_frozen", "decide_unless_frozen", "frozen_matters", "frozen_window"]


def frozen_window(
    rules: RuleSet, done: Mapping[Step | str, date]
) -> tuple[date, date | None] | None:
    """The frozen window from the progress ledger: its first and last day (``None``: open).

    Returns ``None`` when the rule set has no freeze or the opening step has not happened.
    """
    param = require(rules, RuleSet, "rules").committee.freeze
    if param is None:
        return None
    facts = {
        parse_enum(Step, k, what="step"): check_day(v, f"done[{k!r}]") for k, v in done.items()
    }
    start = facts.get(param.value.starts)
    return None if start is None else (start, facts.get(param.value.ends))


def frozen_matters(
    rules: RuleSet, done: Mapping[Step | str, date], *, on: date
) -> tuple[Matter, ...]:
    """The matters the assembly may not decide on ``on`` (empty outside the window)."""
    window = frozen_window(rules, done)
    day = check_day(on, "on")
    param = require(rules, RuleSet, "rules").committee.freeze
    if (
        window is None
        or param is None
        or day < window[0]
        or (window[1] is not None and day > window[1])
    ):
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
        assert window is not None
        assert param is not None
        end = window[1].isoformat() if window[1] else "the new committee's election"
        raise FrozenMatterError(
            f"{wanted.value} may not be decided on {on}: frozen from {window[0]} until {end} "
            f"while the committee is re-elected ({param.citation.format()})",
            field="matter",
            value=wanted.value,
            matter=wanted.value,
            on=on,
            window=window,
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
    """`decide()` after `check_not_frozen` on the vote's closing day (``rules.on``).

    Raises:
        FrozenMatterError: the matter is frozen on ``rules.on``.
    """
    check_not_frozen(matter, on=require(rules, RuleSet, "rules").on, rules=rules, done=done)
    return decide(estate, ballots, matter=matter, rules=rules, opened=opened)
