"""Taiwan (``TW``): Condominium Management Act (公寓大廈管理條例), current text.

One vote per exclusive part (Art. 27(1)); the share is the part's exclusive area over the total
(Enforcement Rules Art. 2). Any part of one owner's unit count or share above 1/5 is not
counted, and the same holds for a proxy's represented units and share (Art. 27(2)-(3)). The
default tier of Art. 31 applies unless the rules (規約) differ; a failed meeting may be
reconvened on the same motion with a lower quorum, and its result stands unless written
objections within 7 days exceed half of all heads and shares (Arts 32, 34).

Whether the 1/5 cap also reduces the total (the base ``ALL``) is not said by Art. 27(2); the
library keeps the total uncapped (design decision, medium confidence). Rebuilding under Art. 13
(unanimity with exceptions) is unconfirmed and not encoded. The Act was last amended
2022-05-11; earlier texts are not encoded.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import pack_of
from community_governance.rules.procedures import (
    Cap,
    CapKind,
    Condition,
    ConditionRole,
    MinimumCount,
    ObjectionWindow,
    Procedure,
    ProxyLimit,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import Base, Comparator

__all__ = ["CHECKED_ON", "JURISDICTION", "LAYERS", "TW_CAP", "TW_GENERAL", "TW_PROXIES"]

#: The day the Taiwanese data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_ATT, _AGREE = ConditionRole.ATTENDING, ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN


def _art(article: str) -> Citation:
    return Citation("tw_condominium_act", article, text_version="2022")


def _both(
    role: ConditionRole, base: Base, comparator: Comparator, ratio: Fraction, article: str
) -> tuple[Condition, ...]:
    """A head test (units) and a share test (area) with one wording."""
    return tuple(
        Condition(role, weight, base, comparator, ratio, _art(article))
        for weight in (Weight.UNITS, Weight.AREA)
    )


#: Art. 27(2)-(3): any unit count or share above 1/5 is not counted, for proxies too.
TW_CAP = Cap(
    CapKind.SHARE_OF_TOTAL, (Weight.UNITS, Weight.AREA), Fraction(1, 5), True, _art("27(2)")
)

#: Art. 27(3): who may hold a written proxy; the count is capped by ``TW_CAP``.
TW_PROXIES = ProxyLimit(
    Weight.AREA,
    ("spouse", "adult lineal relative", "another owner", "tenant"),
    (),
    None,
    None,
    _art("27(3)"),
)

_FIRST = Stage(
    "Art. 31 meeting",
    (
        *_both(_ATT, Base.ALL, _GE, Fraction(2, 3), "31"),
        *_both(_AGREE, Base.ATTENDING, _GE, Fraction(3, 4), "31"),
    ),
    _art("31"),
)
_RECONVENED = Stage(
    "Art. 32 reconvened meeting",
    (
        *_both(_ATT, Base.ALL, _GE, Fraction(1, 5), "32(1)"),
        *_both(_AGREE, Base.ATTENDING, _GT, Fraction(1, 2), "32(1)"),
    ),
    _art("32(1)"),
    entry=StageEntry((), True, _art("32(1)")),
    minimums=(MinimumCount(Weight.PERSONS, 3, _art("32(1)")),),
    objections=ObjectionWindow(
        7, _both(_AGREE, Base.ALL, _GT, Fraction(1, 2), "32(2)"), _art("32(2)")
    ),
)

#: The Art. 31 default tier, with the Art. 32 reconvened meeting and its objection window.
TW_GENERAL = Procedure((_FIRST, _RECONVENED), _art("31"), caps=(TW_CAP,), proxies=TW_PROXIES)

_GENERAL = DeclaredMatter(
    "general-resolution",
    "resolution of the owners' meeting (default tier)",
    "區分所有權人會議決議",
    _art("31"),
    zh="区分所有权人会议一般决议",
)

#: Taiwan: one version (the current text).
LAYERS = (
    Layer(
        code="TW",
        name="TW: Condominium Management Act (current text, last amended 2022-05-11)",
        valid_from=None,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures={_GENERAL: TW_GENERAL},
        note="the rules (規約) may set other tiers; rebuilding (Art. 13) is not encoded",
    ),
)

#: Taiwan: one jurisdiction in the one registry, one layer per dated text.
JURISDICTION = Jurisdiction(
    code="TW",
    name="Taiwan",
    checked_on=CHECKED_ON,
    layers=LAYERS,
    references=("tw_condominium_act", "tw_condominium_rules"),
    parent=None,
)


def __getattr__(name: str) -> object:
    """``PACK`` (deprecated): the `Pack` view of `JURISDICTION`."""
    if name == "PACK":
        return pack_of(JURISDICTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
