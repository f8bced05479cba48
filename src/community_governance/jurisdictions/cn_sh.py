"""Shanghai: Residential Property Management Provisions Art. 18 (law-china.md §5.1).

Two texts are encoded: the 2018 text (amended 2018-11-22), whose Art. 18 kept the
pre-Civil-Code double majority of totals, and the 2020 text (amended 2020-12-30), aligned with
the Civil Code. Between 2020-12-30 and 2020-12-31 the Shanghai 2020 text is already in force
while the national Property Rights Law still is: Shanghai's Art. 18 supplies the rules then.
Before 2018-11-22 no confirmed Shanghai text is encoded and the national rules apply.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.jurisdictions.cn import ALL, AT_LEAST, CHECKED_ON, MORE_THAN, PART
from community_governance.jurisdictions.registry import register_layer
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import Layer
from community_governance.rules.tiers import double_tiers

__all__ = ["SHANGHAI_2018", "SHANGHAI_2020"]

_SH_2018 = date(2018, 11, 22)
_SH_2020 = date(2020, 12, 30)

_art18_2018 = Citation(
    "shanghai_residential_pm_provisions",
    "18",
    text_version="2018",
    effective=_SH_2018,
    note="pre-2020 wording, from a comparison of the 2018 and 2020 texts",
)
_SPECIAL_2018 = {
    Matter.USE_MAINTENANCE_FUND,
    Matter.RAISE_MAINTENANCE_FUND,
    Matter.REBUILD_OR_RENOVATE,
}

SHANGHAI_2018 = register_layer(
    Layer(
        code="CN-SH",
        name="CN-SH: Shanghai Provisions Art. 18 (2018 text)",
        valid_from=_SH_2018,
        valid_to=date(2020, 12, 29),
        checked_on=CHECKED_ON,
        resolutions=double_tiers(
            quorum=(ALL, MORE_THAN, Fraction(1, 2)),
            quorum_cite=_art18_2018,
            ordinary=(ALL, MORE_THAN, Fraction(1, 2)),
            special=(ALL, AT_LEAST, Fraction(2, 3)),
            special_matters=_SPECIAL_2018,
            approval_cite=_art18_2018,
            item_cite=_art18_2018,
        ),
    )
)

_art18_2020 = Citation(
    "shanghai_residential_pm_provisions",
    "18",
    text_version="2020",
    effective=_SH_2020,
    note="effective date taken as the amendment date (law-china §7 Q10)",
)
_SPECIAL_2020 = {
    Matter.RAISE_MAINTENANCE_FUND,
    Matter.REBUILD_OR_RENOVATE,
    Matter.CHANGE_USE_OF_COMMON_PARTS,
}

SHANGHAI_2020 = register_layer(
    Layer(
        code="CN-SH",
        name="CN-SH: Shanghai Provisions Art. 18 (2020 text)",
        valid_from=_SH_2020,
        valid_to=None,
        checked_on=CHECKED_ON,
        resolutions=double_tiers(
            quorum=(ALL, AT_LEAST, Fraction(2, 3)),
            quorum_cite=_art18_2020,
            ordinary=(PART, MORE_THAN, Fraction(1, 2)),
            special=(PART, AT_LEAST, Fraction(3, 4)),
            special_matters=_SPECIAL_2020,
            approval_cite=_art18_2020,
            item_cite=_art18_2020,
        ),
    )
)
