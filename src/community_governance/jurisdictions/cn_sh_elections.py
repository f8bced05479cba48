"""Shanghai election rules: Residential Property Management Provisions Arts. 15, 20, 28.

Source: law-china.md §5.1 (2020 text).

The layer starts with the 2020 text (2020-12-30, as the voting layer does; law-china §7 Q10).
Candidate rules add to the national conditions: no ties to the property company, six
unremedied violations as bars, and the written pledge. The re-election group (Art. 28) has
the preparatory group's make-up without the developer; Art. 28 does not name its leader.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.jurisdictions.cn_elections import condition
from community_governance.jurisdictions.registry import register_layer
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.eligibility import Disqualification, EligibilityRule
from community_governance.rules.ruleset import Layer, Param

__all__ = ["SHANGHAI_CANDIDATE_RULES", "SHANGHAI_ELECTIONS_2020"]

_FROM = date(2020, 12, 30)


def _cite(article: str) -> Citation:
    return Citation(
        "shanghai_residential_pm_provisions",
        article,
        text_version="2020",
        effective=_FROM,
        note="effective date taken as the amendment date (law-china §7 Q10)",
    )


_ART_15, _ART_20_1, _ART_20_2, _ART_20_3, _ART_28 = (
    _cite(a) for a in ("15", "20(1)", "20(2)", "20(3)", "28")
)

#: Shanghai Art. 20(2)(3): ties to the property company, six bars, the written pledge.
SHANGHAI_CANDIDATE_RULES = (
    EligibilityRule.bar(Disqualification.TIED_TO_MANAGER, _ART_20_2),
    EligibilityRule.bar(Disqualification.OTHER_VIOLATIONS, _ART_20_2),
    EligibilityRule.bar(Disqualification.ILLEGAL_CONSTRUCTION, _ART_20_2),
    EligibilityRule.bar(Disqualification.ARREARS, _ART_20_2),
    EligibilityRule.bar(Disqualification.ILLEGAL_RENTING, _ART_20_2),
    condition(
        "written-pledge", "gives the written pledge", "作出书面承诺", ("written_pledge",), _ART_20_3
    ),
)

_PREPARATORY = (
    GroupRole.OWNER_REPRESENTATIVE,
    GroupRole.DEVELOPER,
    GroupRole.STREET_OFFICE,
    GroupRole.RESIDENTS_COMMITTEE,
)

SHANGHAI_ELECTIONS_2020 = register_layer(
    Layer(
        code="CN-SH",
        name="CN-SH: Shanghai Provisions Arts. 15, 20, 28 (2020 text, elections)",
        valid_from=_FROM,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic="elections",
        params={
            "committee_size": Param(
                SizeRule(
                    5,
                    None,
                    odd=True,
                    citation=_ART_20_1,
                    small_size=3,
                    small_max_area=Decimal(10000),
                ),
                _ART_20_1,
            ),
            "candidate_rules": Param(SHANGHAI_CANDIDATE_RULES, _ART_20_2),
            "preparatory_group": Param(
                GroupRule(_PREPARATORY, GroupRole.STREET_OFFICE, True, Fraction(1, 2), _ART_15),
                _ART_15,
            ),
            "re_election_group": Param(
                GroupRule(
                    tuple(r for r in _PREPARATORY if r is not GroupRole.DEVELOPER),
                    None,
                    True,
                    Fraction(1, 2),
                    _ART_28,
                ),
                _ART_28,
            ),
        },
        note="Shanghai Provisions, 2020 text",
    )
)
