"""France (``FR``): loi n° 65-557 du 10 juillet 1965, Arts 22, 24–26-1.

Votes are tantièmes (the unit's ``shares``): each owner's votes equal their share of the common
parts, and an owner holding more than half is reduced to the sum of the others' votes
(Art. 22; the total is reduced with it). There is no quorum. Art. 24 counts the votes cast by
those present, represented or voting by post; Art. 25 all owners' votes; Art. 26 a majority of
all members holding at least 2/3 of all votes. A failed Art. 25 or Art. 26 vote may be retaken
at once at the lower majority (the passerelles of Arts 25-1 and 26-1).

Proxies (Art. 22): at most 3 delegations per holder, unless the holder's own and delegated
votes stay within a share of all votes — 5% in the older text, 10% since the 2019 ordinance;
the 10% is unconfirmed, so ``FR_PROXY_LIMIT_2019`` is opt-in and not in the default
procedures. Unanimity matters and the exact days of the 2019 and 2020 changes are not encoded.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import Pack, PackVersion
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
from community_governance.rules.thresholds import Base, Comparator

__all__ = [
    "CHECKED_ON",
    "FR_ART_24",
    "FR_ART_25",
    "FR_ART_26",
    "FR_CAP",
    "FR_PROXY_LIMIT_2019",
    "PACK",
]

#: The day the French data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_AGREE = ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN


def _art(article: str) -> Citation:
    return Citation("fr_loi_65_557", article, note="checked via practitioner sources")


#: Art. 22: an owner holding more than half of the votes is cut to the sum of the others.
FR_CAP = Cap(CapKind.SUM_OF_OTHERS, (Weight.SHARES,), Fraction(1, 2), False, _art("22"))

#: Art. 22 as amended in 2019: 3 delegations, or more within 10% of all votes (unconfirmed).
FR_PROXY_LIMIT_2019 = ProxyLimit(
    Weight.SHARES,
    (),
    ("syndic", "spouse or partner of the syndic", "employee of the syndic"),
    3,
    Fraction(1, 10),
    Citation(
        "fr_loi_65_557",
        "22",
        text_version="2019",
        confidence=Confidence.MEDIUM,
        note="the 10% ceiling since the 2019 ordinance is unconfirmed",
    ),
)

_ART_24 = (Condition(_AGREE, Weight.SHARES, Base.CAST, _GT, Fraction(1, 2), _art("24")),)
_ART_25 = (Condition(_AGREE, Weight.SHARES, Base.ALL, _GT, Fraction(1, 2), _art("25")),)
_ART_26 = (
    Condition(_AGREE, Weight.PERSONS, Base.ALL, _GT, Fraction(1, 2), _art("26")),
    Condition(_AGREE, Weight.SHARES, Base.ALL, _GE, Fraction(2, 3), _art("26")),
)

#: Art. 24: more than half of the votes cast.
FR_ART_24 = Procedure((Stage("Art. 24 majority", _ART_24, _art("24")),), _art("24"), caps=(FR_CAP,))

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
)

_MATTERS = {
    DeclaredMatter(
        "art-24", "ordinary matter (Art. 24)", "majorité de l'article 24", _art("24")
    ): FR_ART_24,
    DeclaredMatter(
        "art-25", "absolute-majority matter (Art. 25)", "majorité de l'article 25", _art("25")
    ): FR_ART_25,
    DeclaredMatter(
        "art-26", "double-majority matter (Art. 26)", "majorité de l'article 26", _art("26")
    ): FR_ART_26,
}

#: France: the current text (the exact days of the 2019 and 2020 changes are not fixed).
PACK = Pack(
    "FR",
    "France",
    (
        PackVersion(
            "FR: loi 65-557 (current text)",
            None,
            None,
            CHECKED_ON,
            _MATTERS,
            note="no quorum; unanimity matters and the 2019 proxy ceiling are not in defaults",
        ),
    ),
)
