"""France (``FR``): loi n° 65-557 du 10 juillet 1965, Arts 22, 24–26-1.

Votes are tantièmes (the unit's ``shares``): each owner's votes equal their share of the common
parts, and an owner holding more than half is reduced to the sum of the others' votes
(Art. 22; the total is reduced with it). There is no quorum. Art. 24 counts the votes cast by
those present, represented or voting by post; Art. 25 all owners' votes; Art. 26 a majority of
all members holding at least 2/3 of all votes. A failed Art. 25 or Art. 26 vote may be retaken
at once at the lower majority (the passerelles of Arts 25-1 and 26-1).

Proxies (Art. 22): anyone may hold a proxy except the syndic, their spouse or partner and their
employees, and one holder may hold at most 3 delegations, unless the holder's own and delegated
votes stay within a share of all votes — 5% in the older text, 10% since the 2019 ordinance.
The holder predicate and the 3 are confirmed and in every default procedure (``FR_PROXY_LIMIT``);
the 10% share is unconfirmed and carries its own citation: a holder above 3 delegations but
within 10% is counted and the decision flags that the count rests on the unconfirmed share
(with ``include_unconfirmed=True`` it is counted without the flag). Above 10% the delegations
beyond the third are set aside under either text. ``FR_PROXY_LIMIT_2019`` (the whole limit at
medium confidence) is kept for compatibility. Unanimity matters and the exact days of the 2019
and 2020 changes are not encoded.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import pack_of
from community_governance.rules.procedures import (
    Cap,
    CapKind,
    Condition,
    ConditionRole,
    Procedure,
    ProxyLimit,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import Base, Comparator

__all__ = [
    "CHECKED_ON",
    "FR_ART_24",
    "FR_ART_25",
    "FR_ART_26",
    "FR_CAP",
    "FR_PROXY_LIMIT",
    "FR_PROXY_LIMIT_2019",
    "JURISDICTION",
    "LAYERS",
]

#: The day the French data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_AGREE = ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN


def _art(article: str) -> Citation:
    return Citation("fr_loi_65_557", article, note="checked via practitioner sources")


#: Art. 22: an owner holding more than half of the votes is cut to the sum of the others.
FR_CAP = Cap(CapKind.SUM_OF_OTHERS, (Weight.SHARES,), Fraction(1, 2), False, _art("22"))

_EXCLUDED = ("syndic", "spouse or partner of the syndic", "employee of the syndic")

#: Art. 22: anyone but the syndic's side may hold a proxy; at most 3 delegations, unless the
#: holder's own and delegated votes stay within 10% of all votes (the 10% is unconfirmed).
FR_PROXY_LIMIT = ProxyLimit(
    Weight.SHARES,
    (),
    _EXCLUDED,
    3,
    Fraction(1, 10),
    _art("22"),
    within_citation=Citation(
        "fr_loi_65_557",
        "22",
        text_version="2019",
        confidence=Confidence.MEDIUM,
        note=(
            "the ceiling of one tenth of the votes since the 2019 ordinance is unconfirmed "
            "(one twentieth in the older text)"
        ),
    ),
)

#: Art. 22 as amended in 2019: 3 delegations, or more within 10% of all votes (unconfirmed).
FR_PROXY_LIMIT_2019 = ProxyLimit(
    Weight.SHARES,
    (),
    _EXCLUDED,
    3,
    Fraction(1, 10),
    Citation(
        "fr_loi_65_557",
        "22",
        text_version="2019",
        confidence=Confidence.MEDIUM,
        note="the ceiling of one tenth of the votes since the 2019 ordinance is unconfirmed",
    ),
)

_ART_24 = (Condition(_AGREE, Weight.SHARES, Base.CAST, _GT, Fraction(1, 2), _art("24")),)
_ART_25 = (Condition(_AGREE, Weight.SHARES, Base.ALL, _GT, Fraction(1, 2), _art("25")),)
_ART_26 = (
    Condition(_AGREE, Weight.PERSONS, Base.ALL, _GT, Fraction(1, 2), _art("26")),
    Condition(_AGREE, Weight.SHARES, Base.ALL, _GE, Fraction(2, 3), _art("26")),
)

#: Art. 24: more than half of the votes cast.
FR_ART_24 = Procedure(
    (Stage("Art. 24 majority", _ART_24, _art("24")),),
    _art("24"),
    caps=(FR_CAP,),
    proxies=FR_PROXY_LIMIT,
)

#: Art. 25, with the Art. 25-1 passerelle: ≥ 1/3 of all votes → revote at the Art. 24 majority.
FR_ART_25 = Procedure(
    (
        Stage("Art. 25 majority", _ART_25, _art("25")),
        Stage(
            "Art. 25-1 passerelle (Art. 24 majority)",
            _ART_24,
            _art("25-1"),
            entry=StageEntry(
                (Condition(_AGREE, Weight.SHARES, Base.ALL, _GE, Fraction(1, 3), _art("25-1")),),
                False,
                _art("25-1"),
            ),
        ),
    ),
    _art("25"),
    caps=(FR_CAP,),
    proxies=FR_PROXY_LIMIT,
)

#: Art. 26, with the Art. 26-1 passerelle: half of the members present, represented or voting
#: by post, holding ≥ 1/3 of all votes, approved → revote at the Art. 25 majority.
FR_ART_26 = Procedure(
    (
        Stage("Art. 26 double majority", _ART_26, _art("26")),
        Stage(
            "Art. 26-1 passerelle (Art. 25 majority)",
            _ART_25,
            _art("26-1"),
            entry=StageEntry(
                (
                    Condition(
                        _AGREE, Weight.PERSONS, Base.ATTENDING, _GE, Fraction(1, 2), _art("26-1")
                    ),
                    Condition(_AGREE, Weight.SHARES, Base.ALL, _GE, Fraction(1, 3), _art("26-1")),
                ),
                False,
                _art("26-1"),
            ),
        ),
    ),
    _art("26"),
    caps=(FR_CAP,),
    proxies=FR_PROXY_LIMIT,
)

_MATTERS = {
    DeclaredMatter(
        "art-24",
        "ordinary matter (Art. 24)",
        "majorité de l'article 24",
        _art("24"),
        zh="普通多数决议事项",
    ): FR_ART_24,
    DeclaredMatter(
        "art-25",
        "absolute-majority matter (Art. 25)",
        "majorité de l'article 25",
        _art("25"),
        zh="绝对多数决议事项",
    ): FR_ART_25,
    DeclaredMatter(
        "art-26",
        "double-majority matter (Art. 26)",
        "majorité de l'article 26",
        _art("26"),
        zh="双重多数决议事项",
    ): FR_ART_26,
}

#: France: the current text (the exact days of the 2019 and 2020 changes are not fixed).
LAYERS = (
    Layer(
        code="FR",
        name="FR: loi 65-557 (current text)",
        valid_from=None,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=_MATTERS,
        note="no quorum; unanimity matters are not encoded; the one-tenth proxy share is flagged",
    ),
)

#: France: one jurisdiction in the one registry, one layer per dated text.
JURISDICTION = Jurisdiction(
    code="FR",
    name="France",
    checked_on=CHECKED_ON,
    layers=LAYERS,
    references=("fr_loi_65_557",),
    parent=None,
)


def __getattr__(name: str) -> object:
    """``PACK`` (deprecated): the `Pack` view of `JURISDICTION`."""
    if name == "PACK":
        return pack_of(JURISDICTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
