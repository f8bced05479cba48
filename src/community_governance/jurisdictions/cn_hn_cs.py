"""Hunan (``CN-HN``) and Changsha (``CN-HN-CS``): registered, with no values encoded.

No text of the Hunan Property Management Regulation (湖南省物业管理条例) or of Changsha's own
rules could be retrieved and checked (searched 2026-12-03 in public pages and documentation
indexes, twice: no copy of either text was found). A rule text embedded in a
Changsha-area community app (committee of 5 to 11, odd; term 3 to 5 years; first meeting at
50% of delivered area) does not name its source: low confidence, not encoded. So both
jurisdictions exist with no layers, and every rule set resolved for them carries a
``layer-missing`` notice per topic (voting, elections): the national rules apply.
"""

from __future__ import annotations

from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.rules.registry import Jurisdiction

__all__ = ["CHANGSHA", "HUNAN", "JURISDICTIONS"]

#: Hunan province: no values encoded.
HUNAN = Jurisdiction(
    code="CN-HN",
    name="Hunan",
    checked_on=CHECKED_ON,
    layers=(),
    references=("hunan_pm_regulation",),
    note="the Hunan Property Management Regulation was not available to check; nothing encoded",
)

#: Changsha: no values encoded.
CHANGSHA = Jurisdiction(
    code="CN-HN-CS",
    name="Changsha",
    checked_on=CHECKED_ON,
    layers=(),
    note="Changsha's rules were not available; an unattributed app text is not encoded",
)

#: Parent first, for the registry.
JURISDICTIONS = (HUNAN, CHANGSHA)
