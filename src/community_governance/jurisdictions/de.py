"""Germany (``DE``): Wohnungseigentumsgesetz (WEG) as reformed by WEMoG, from 2020-12-01.

One vote per owner however many units (§25(2), Kopfprinzip); the community agreement may
switch to co-ownership shares (Wertprinzip) or one vote per unit (Objektprinzip) — build the
procedures for that principle with [procedures][community_governance.jurisdictions.de.procedures].
No quorum: resolutions pass by more than half of the votes cast (§25(1)). A structural change
whose costs all owners share needs more than 2/3 of the votes cast AND more than half of all
co-ownership shares (§21(2) no. 1; the shares are the units' ``shares``). From 2024-10-17 a
resolution allowing virtual-only meetings needs at least 3/4 of the votes cast (§23(1a)).
Unanimity for the community agreement and the written-resolution rule are unconfirmed and
not encoded.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import pack_of
from community_governance.rules.procedures import Condition, ConditionRole, Procedure, Stage, Weight
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import Base, Comparator

__all__ = ["CHECKED_ON", "JURISDICTION", "LAYERS", "procedures"]

#: The day the German data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_AGREE = ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN
_REFORM = date(2020, 12, 1)
_VIRTUAL = date(2024, 10, 17)


def _para(section: str, effective: date = _REFORM) -> Citation:
    return Citation("de_weg", section, text_version="WEMoG", effective=effective)


def _one(name: str, tests: tuple[Condition, ...], cite: Citation) -> Procedure:
    return Procedure((Stage(name, tests, cite),), cite)


def procedures(
    principle: Weight = Weight.PERSONS, *, virtual: bool
) -> dict[DeclaredMatter, Procedure]:
    """The WEG matters under a voting principle.

    Args:
        principle: ``PERSONS`` (§25(2), the default), ``SHARES`` (Wertprinzip) or ``UNITS``
            (Objektprinzip), as the community agreement says.
        virtual: Include the §23(1a) matter (in force from 2024-10-17).
    """
    ordinary = _para("25(1)")
    cost = _para("21(2) no. 1")
    matters = {
        DeclaredMatter(
            "ordinary", "ordinary resolution", "Beschluss (§25 Abs. 1)", ordinary, zh="普通决议"
        ): _one(
            "§25(1) majority",
            (Condition(_AGREE, principle, Base.CAST, _GT, Fraction(1, 2), ordinary),),
            ordinary,
        ),
        DeclaredMatter(
            "structural-change-shared-costs",
            "structural change paid by all owners",
            "bauliche Veränderung (§21 Abs. 2 Nr. 1)",
            cost,
            zh="由全体业主分担费用的建筑改造",
        ): _one(
            "§21(2) no. 1 qualified majority",
            (
                Condition(_AGREE, principle, Base.CAST, _GT, Fraction(2, 3), cost),
                Condition(_AGREE, Weight.SHARES, Base.ALL, _GT, Fraction(1, 2), cost),
            ),
            cost,
        ),
    }
    if virtual:
        cite = _para("23(1a)", _VIRTUAL)
        matters[
            DeclaredMatter(
                "virtual-meetings",
                "allow virtual-only meetings",
                "virtuelle Versammlung (§23 Abs. 1a)",
                cite,
                zh="允许仅以线上方式召开业主大会",
            )
        ] = _one(
            "§23(1a) majority",
            (Condition(_AGREE, principle, Base.CAST, _GE, Fraction(3, 4), cite),),
            cite,
        )
    return matters


#: Germany: the WEMoG text from 2020-12-01, and with §23(1a) from 2024-10-17.
LAYERS = (
    Layer(
        code="DE",
        name="DE: WEG (WEMoG, 2020-12-01)",
        valid_from=_REFORM,
        valid_to=date(2024, 10, 16),
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=procedures(virtual=False),
        note="Kopfprinzip by default; no quorum",
    ),
    Layer(
        code="DE",
        name="DE: WEG (with §23(1a), 2024-10-17)",
        valid_from=_VIRTUAL,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=procedures(virtual=True),
        note="Kopfprinzip by default; no quorum",
    ),
)

#: Germany: one jurisdiction in the one registry, one layer per dated text.
JURISDICTION = Jurisdiction(
    code="DE",
    name="Germany",
    checked_on=CHECKED_ON,
    layers=LAYERS,
    references=("de_weg",),
    parent=None,
)


def __getattr__(name: str) -> object:
    """``PACK`` (deprecated): the `Pack` view of `JURISDICTION`."""
    if name == "PACK":
        return pack_of(JURISDICTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
