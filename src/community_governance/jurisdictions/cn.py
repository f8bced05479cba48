"""Mainland China, national voting regimes (law-china.md §§1–2).

=========================  ==========  ==========  ====================================
Regime                     From        To          Status
=========================  ==========  ==========  ====================================
Regulations 2003 Art. 12   2003-09-01  2007-09-30  medium confidence: not in defaults
Property Rights Law 76     2007-10-01  2020-12-31  confirmed
Civil Code Art. 278        2021-01-01  —           confirmed
=========================  ==========  ==========  ====================================
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance.jurisdictions.registry import register_layer
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import Layer, Param
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.rules.tiers import double_tiers, tiers
from community_governance.rules.voting import SpoiledPolicy

__all__ = ["CIVIL_CODE_2021", "PROPERTY_RIGHTS_LAW_2007", "REGULATIONS_2003"]

#: The day the national data were last compared with the legal texts (reference files).
CHECKED_ON = date(2025, 12, 31)

AT_LEAST, MORE_THAN = Comparator.AT_LEAST, Comparator.MORE_THAN
HEADS, AREA = Measure.HEADS, Measure.AREA
ALL, PART = Base.ALL, Base.PARTICIPATING


_SPOILED = Param(SpoiledPolicy.PARTICIPATING, SpoiledPolicy.PARTICIPATING.citation)


# ----------------------------------------------------------------- Civil Code (2021-01-01)

_CC = date(2021, 1, 1)
_cc_278_1 = Citation("civil_code", "278(1)", effective=_CC)
_cc_278_2 = Citation("civil_code", "278(2)", effective=_CC)
_CC_SPECIAL = {
    Matter.RAISE_MAINTENANCE_FUND,
    Matter.REBUILD_OR_RENOVATE,
    Matter.CHANGE_USE_OF_COMMON_PARTS,
}

CIVIL_CODE_2021 = register_layer(
    Layer(
        code="CN",
        name="CN: Civil Code Art. 278 (2021)",
        valid_from=_CC,
        valid_to=None,
        checked_on=CHECKED_ON,
        resolutions=double_tiers(
            quorum=(ALL, AT_LEAST, Fraction(2, 3)),
            quorum_cite=_cc_278_2,
            ordinary=(PART, MORE_THAN, Fraction(1, 2)),
            special=(PART, AT_LEAST, Fraction(3, 4)),
            special_matters=_CC_SPECIAL,
            approval_cite=_cc_278_2,
            item_cite=_cc_278_1,
        ),
        params={"spoiled_ballots": _SPOILED},
        note="Civil Code Art. 278; counting per SPC interpretation Arts. 8-9 (2020 text)",
    )
)

# ------------------------------------------ Property Rights Law + Regulations (2007-10-01)

_PRL = date(2007, 10, 1)
_prl_76_1 = Citation("property_rights_law", "76(1)", effective=_PRL)
_prl_76_2 = Citation("property_rights_law", "76(2)", effective=_PRL)
_regs_12 = Citation("property_management_regulations", "12(1)", text_version="2007", effective=_PRL)
_PRL_SPECIAL = {
    Matter.USE_MAINTENANCE_FUND,
    Matter.RAISE_MAINTENANCE_FUND,
    Matter.REBUILD_OR_RENOVATE,
}

PROPERTY_RIGHTS_LAW_2007 = register_layer(
    Layer(
        code="CN",
        name="CN: Property Rights Law Art. 76 + Regulations Art. 12 (2007)",
        valid_from=_PRL,
        valid_to=date(2020, 12, 31),
        checked_on=CHECKED_ON,
        resolutions=double_tiers(
            quorum=(ALL, MORE_THAN, Fraction(1, 2)),
            quorum_cite=_regs_12,
            ordinary=(ALL, MORE_THAN, Fraction(1, 2)),
            special=(ALL, AT_LEAST, Fraction(2, 3)),
            special_matters=_PRL_SPECIAL,
            approval_cite=_prl_76_2,
            item_cite=_prl_76_1,
        ),
        params={"spoiled_ballots": _SPOILED},
        note=(
            "changing the use of common parts has no item of its own before 2021 and is "
            "decided as another major matter (Art. 76(1) item 7)"
        ),
    )
)

# ------------------------------------------------------- Regulations 2003 (2003-09-01)

_R03 = date(2003, 9, 1)
_regs_2003 = Citation(
    "property_management_regulations",
    "12",
    text_version="2003",
    effective=_R03,
    confidence=Confidence.MEDIUM,
    note="single source; voting rights were set by provincial rules (area used here)",
)
_r03_quorum = (Threshold(AREA, ALL, AT_LEAST, Fraction(1, 2), _regs_2003),)
_r03_ordinary = ResolutionRule(
    _r03_quorum, (Threshold(AREA, PART, AT_LEAST, Fraction(1, 2), _regs_2003),), _regs_2003
)
_r03_special = ResolutionRule(
    _r03_quorum, (Threshold(AREA, ALL, AT_LEAST, Fraction(2, 3), _regs_2003),), _regs_2003
)
_R03_SPECIAL = {
    Matter.RULES_OF_PROCEDURE,
    Matter.MANAGEMENT_COVENANT,
    Matter.HIRE_OR_DISMISS_MANAGER,
    Matter.USE_MAINTENANCE_FUND,
    Matter.RAISE_MAINTENANCE_FUND,
}

REGULATIONS_2003 = register_layer(
    Layer(
        code="CN",
        name="CN: Property Management Regulations Art. 12 (2003)",
        valid_from=_R03,
        valid_to=date(2007, 9, 30),
        checked_on=CHECKED_ON,
        confidence=Confidence.MEDIUM,
        resolutions=tiers(_r03_ordinary, _r03_special, _R03_SPECIAL),
        params={"spoiled_ballots": _SPOILED},
        note=(
            "2003 text known from a single source; 'voting rights' (投票权) were defined by "
            "provincial rules and are approximated by exclusive area; 'present' is read as "
            "taking part"
        ),
    )
)
