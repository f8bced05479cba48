"""Hong Kong (``HK``): Building Management Ordinance (Cap. 344).

Two counts in one meeting: the quorum counts owners by number (10% of owners; 20% for a s.30
resolution, Sch. 3 para. 5(1)) while resolutions count the shares of the deed of mutual
covenant (the units' ``shares``): more than half of the votes cast in person or by proxy. A
meeting under s.3 appoints a management committee by a majority of the votes cast that is also
supported by owners of at least 30% of all shares. From 2025-07-13 (2024 amendment) a
resolution on large-scale maintenance procurement (average cost above HK$30,000 per flat) also
needs in-person votes from at least the lesser of 5% of owners or 100 owners. Ending the DMC
manager's appointment (50% of shares) is unconfirmed and not encoded.

Schedule 2 (the management committee), as values with their confidence
(``HK_COMMITTEE_SIZES``, ``HK_COMMITTEE_QUORUM``): at least 3 members for 50 flats or fewer
and at least 9 for more than 100 flats (high); at least 7 for 51 to 100 flats is unconfirmed
(medium), so ``SizeBands.band`` returns ``None`` for 51-100 flats unless unconfirmed values
are admitted; a committee meeting's quorum is 50% of the members or 3, whichever is greater
(high). Two more Schedule 2 rules are stated here, not encoded as values (no engine consumes
them yet): the whole committee retires at the second annual general meeting and at every
second one after that, so terms are about two years (Sch. 2 para. 5, high), and the chair,
secretary and treasurer are chosen by the most votes (high). The Home Affairs Department's
best practice of 11 members for more than 100 flats is guidance, not law: not encoded.

The size bands are the ``HK`` rule set's ``committee_size_bands`` election parameter (an
elections layer from 2007-08-01, when the Building Management (Amendment) Ordinance 2007
(Ord. 5 of 2007, s. 27) replaced Sch. 2 para. 1 and came into force; the earlier text is not
encoded, so an earlier day's elections topic is ``layer-missing``):
`check_committee_size` and `elect` count the register's flats, leaving out parking (Sch. 2
para. 1A: a garage, carpark or carport is not a flat), and refuse a committee below its
band's minimum; in the unconfirmed 51-100 band they say the minimum was not applied. The
meeting quorum has no engine yet; the committee topic stays ``layer-missing``.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance.rules.bodies import MeetingQuorum, SizeBand, SizeBands, SizeCount
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import pack_of
from community_governance.rules.params import ElectionParams, Param
from community_governance.rules.procedures import (
    Condition,
    ConditionRole,
    InPersonMinimum,
    Procedure,
    Stage,
    Weight,
)
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import Base, Comparator

__all__ = [
    "CHECKED_ON",
    "ELECTION_LAYERS",
    "HK_COMMITTEE_QUORUM",
    "HK_COMMITTEE_SIZES",
    "JURISDICTION",
    "LAYERS",
]

#: The day the Hong Kong data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_ATT, _AGREE = ConditionRole.ATTENDING, ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN
_AMENDED = date(2025, 7, 13)


def _cite(provision: str, effective: date | None = None) -> Citation:
    return Citation("hk_bmo", provision, effective=effective)


_SCH2 = _cite("Sch. 2")

#: Sch. 2: committee minimums by flats; the 51-100 band (7) is unconfirmed.
HK_COMMITTEE_SIZES = SizeBands(
    (
        SizeBand(50, 3, _SCH2),
        SizeBand(
            100,
            7,
            Citation(
                "hk_bmo",
                "Sch. 2",
                confidence=Confidence.MEDIUM,
                note="at least 7 members for 51-100 flats is unconfirmed",
            ),
        ),
        SizeBand(None, 9, _SCH2),
    ),
    SizeCount.FLATS,
)

#: Sch. 2: a committee meeting needs 50% of the members or 3, whichever is greater.
HK_COMMITTEE_QUORUM = MeetingQuorum(Fraction(1, 2), 3, _SCH2)

_QUORUM = _cite("Sch. 3 para. 5(1)")
_MAJORITY = _cite("Sch. 3 para. 5(2)")
_S3 = _cite("s.3")


def _meeting(name: str, quorum: Fraction, in_person: InPersonMinimum | None = None) -> Procedure:
    tests = (
        Condition(_ATT, Weight.PERSONS, Base.ALL, _GE, quorum, _QUORUM),
        Condition(_AGREE, Weight.SHARES, Base.CAST, _GT, Fraction(1, 2), _MAJORITY),
    )
    return Procedure((Stage(name, tests, _MAJORITY, in_person=in_person),), _MAJORITY)


def _matters(amended: bool) -> dict[DeclaredMatter, Procedure]:
    matters = {
        DeclaredMatter(
            "general-meeting",
            "resolution of a general meeting",
            "業主大會決議",
            _MAJORITY,
            zh="业主大会决议",
        ): _meeting("general meeting", Fraction(1, 10)),
        DeclaredMatter(
            "s30-resolution",
            "dissolve the committee, appoint an administrator",
            "第30條決議",
            _QUORUM,
            zh="解散管理委员会、委任管理人",
        ): _meeting("s.30 meeting", Fraction(1, 5)),
        DeclaredMatter(
            "appoint-committee",
            "appoint a management committee (s.3)",
            "委任管理委員會",
            _S3,
            zh="委任管理委员会",
        ): Procedure(
            (
                Stage(
                    "s.3 meeting",
                    (
                        Condition(_AGREE, Weight.SHARES, Base.CAST, _GT, Fraction(1, 2), _S3),
                        Condition(_AGREE, Weight.SHARES, Base.ALL, _GE, Fraction(3, 10), _S3),
                    ),
                    _S3,
                ),
            ),
            _S3,
        ),
    }
    if amended:
        cite = _cite("Sch. 3 (2024 amendment)", _AMENDED)
        matters[
            DeclaredMatter(
                "large-scale-maintenance",
                "large-scale maintenance procurement",
                "大型維修工程採購",
                cite,
                zh="大型维修工程采购",
            )
        ] = _meeting(
            "general meeting (large-scale maintenance)",
            Fraction(1, 10),
            InPersonMinimum(Fraction(1, 20), 100, cite),
        )
    return matters


#: Hong Kong voting: before and from the 2024 amendment's commencement (2025-07-13).
_VOTING = (
    Layer(
        code="HK",
        name="HK: BMO Cap. 344 (to 2025-07-12)",
        valid_from=None,
        valid_to=date(2025, 7, 12),
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=_matters(False),
    ),
    Layer(
        code="HK",
        name="HK: BMO Cap. 344 (2024 amendment, from 2025-07-13)",
        valid_from=_AMENDED,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=_matters(True),
    ),
)

#: Sch. 2 para. 1 as replaced by Ord. 5 of 2007 s. 27, in force from 2007-08-01.
_SIZES_FROM = date(2007, 8, 1)
_SCH2_PARA_1 = Citation(
    "hk_bmo",
    "Sch. 2 para. 1",
    effective=_SIZES_FROM,
    note="as replaced by Ord. 5 of 2007 s. 27; flats exclude garages, carparks and carports "
    "(para. 1A)",
)

#: Hong Kong elections: the management committee's size bands (Sch. 2 para. 1).
ELECTION_LAYERS = (
    Layer(
        code="HK",
        name="HK: BMO Cap. 344 Sch. 2 para. 1 (committee sizes, from 2007-08-01)",
        valid_from=_SIZES_FROM,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.ELECTIONS,
        elections=ElectionParams(committee_size_bands=Param(HK_COMMITTEE_SIZES, _SCH2_PARA_1)),
    ),
)

#: Hong Kong: every layer, voting (before and from 2025-07-13) and elections.
LAYERS = (*_VOTING, *ELECTION_LAYERS)

#: Hong Kong: one jurisdiction in the one registry, one layer per dated text.
JURISDICTION = Jurisdiction(
    code="HK",
    name="Hong Kong",
    checked_on=CHECKED_ON,
    layers=LAYERS,
    references=("hk_bmo",),
    parent=None,
)


def __getattr__(name: str) -> object:
    """``PACK`` (deprecated): the `Pack` view of `JURISDICTION`."""
    if name == "PACK":
        return pack_of(JURISDICTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
