"""Chinese voting-window extensions as staged procedures (opt-in data).

National law has no second round: a vote under Civil Code Art. 278 that falls short simply
fails. Two local texts let the organiser extend the voting window instead:

- A set of municipal implementing provisions (Arts 22–24; the published copy does not name the
  city, apparently Shenzhen's): when fewer than half of the votes (area) and heads have taken
  part, the assembly's voting period may be extended by up to 3 months, not for committee
  elections; an item still failing is terminated and may not be raised again for 1 year
  unless 2/3 of the owners' committee lifts the bar. Whether "fewer than half of the votes and
  heads" means either or both is not clear; the data enter the extension when either falls
  short (medium confidence).
- Zhuhai's 2022 notice: when e-voting and written consultation are combined and turnout is
  under 2/3 of heads, one extension may be applied for within 5 working days, no longer than
  the first period; the street office decides within 2 working days, the extension is
  publicised for at least 15 days and objections are investigated within 5 working days. The
  notice sets no share of objections that would overturn the result, so no objection test is
  encoded.

These are not in any default rule set: build a procedure for one matter of a resolved
[RuleSet][community_governance.RuleSet] with
[extended][community_governance.jurisdictions.cn_extension.extended] and decide it with
``decide_procedure``. The generic engine counts the owners of a unit as one member; the
developer grouping of SPC interpretation Art. 9 applies only where the developer's units name
the same owner.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance.exceptions import InvalidParameterError
from community_governance.rules.matters import Matter
from community_governance.rules.procedures import (
    Condition,
    ConditionRole,
    FailureBar,
    Procedure,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Comparator, Measure, Threshold

__all__ = ["UNNAMED_CITY", "ZHUHAI", "Extension", "extended"]

_UNNAMED = Citation(
    "municipal_implementing_provisions",
    "22-24",
    confidence=Confidence.MEDIUM,
    note="the published copy does not name the city (apparently Shenzhen)",
)
_ZHUHAI = Citation(
    "zhuhai_extension_notice_2022",
    "(extension)",
    text_version="2022",
    note="applies when e-voting and written consultation are combined",
)


@attrs.frozen(slots=True)
class Extension:
    """A local rule extending a failed vote's window once.

    Attributes:
        name: Shown as the second stage's name.
        entry: When the extension may be entered (turnout conditions, maximum length).
        citation: The provision.
        bar: What follows a failure after the extension.
        excluded: Matters the extension does not apply to.
    """

    name: str
    entry: StageEntry
    citation: Citation
    bar: FailureBar | None = None
    excluded: tuple[Matter, ...] = ()


def _turnout(measure: Weight, ratio: Fraction, cite: Citation) -> Condition:
    return Condition(ConditionRole.ATTENDING, measure, Base.ALL, Comparator.AT_LEAST, ratio, cite)


#: The unnamed city's provisions: up to 3 months (90 days), then terminated and barred 1 year.
UNNAMED_CITY = Extension(
    "extended voting window (up to 3 months)",
    StageEntry(
        (),
        True,
        _UNNAMED,
        unless=(
            _turnout(Weight.PERSONS, Fraction(1, 2), _UNNAMED),
            _turnout(Weight.AREA, Fraction(1, 2), _UNNAMED),
        ),
        max_days=90,
    ),
    _UNNAMED,
    bar=FailureBar(12, Fraction(2, 3), _UNNAMED),
    excluded=(Matter.ELECT_COMMITTEE,),
)

#: Zhuhai: one extension, no longer than the first period, when turnout is under 2/3 of heads.
ZHUHAI = Extension(
    "extended voting window (one extension, Zhuhai)",
    StageEntry((), True, _ZHUHAI, unless=(_turnout(Weight.PERSONS, Fraction(2, 3), _ZHUHAI),)),
    _ZHUHAI,
)


def _condition(threshold: Threshold, role: ConditionRole) -> Condition:
    weight = Weight.PERSONS if threshold.measure is Measure.HEADS else Weight.AREA
    return Condition(
        role, weight, threshold.base, threshold.comparator, threshold.ratio, threshold.citation
    )


def extended(rules: RuleSet, matter: Matter, extension: Extension) -> Procedure:
    """The matter's resolution rule as a first stage, with the extension as a second.

    Args:
        rules: A resolved Chinese rule set (its rule for ``matter`` is used in both stages).
        matter: The matter.
        extension: ``UNNAMED_CITY`` or ``ZHUHAI`` (or another local extension).

    Raises:
        InvalidParameterError: the extension does not apply to ``matter``.
        MissingResolutionError: the rule set has no rule for ``matter``.
    """
    if matter in extension.excluded:
        raise InvalidParameterError(
            f"{extension.citation.format()} does not extend votes on {matter.label()}",
            param="matter",
            value=matter,
        )
    rule = rules.resolution(matter).value
    conditions = tuple(_condition(t, ConditionRole.ATTENDING) for t in rule.quorum)
    conditions += tuple(_condition(t, ConditionRole.AGREE) for t in rule.approval)
    first = Stage("assembly vote", conditions, rule.citation)
    second = Stage(
        extension.name, conditions, extension.citation, entry=extension.entry, bar=extension.bar
    )
    return Procedure((first, second), rule.citation)
