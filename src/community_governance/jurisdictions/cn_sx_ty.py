"""Shanxi (``CN-SX``) and Taiyuan (``CN-SX-TY``): registered, with no values encoded.

The Shanxi Property Management Regulation (山西省物业管理条例) was adopted 2004-09-25 (in force
2005-01-01), amended 2010-11-26, and revised 2025-11-26 with the revised text in force
2026-01-01; its third chapter covers owners, owner organisations and the property management
committee (物业管理委员会), which can be formed for newly delivered estates that cannot yet form
an owners' committee. These dates come from a republished copy of the 2025 text (medium
confidence); the voting, election and committee articles — including the property management
committee's make-up, quorum, decisions, term and dissolution — were not in the retrieved copy,
so no values are encoded and none is borrowed from another city's regulation. The
Taiyuan implementing rules (太原市物业管理条例实施细则, version unknown: representatives for
estates of 300 or more households, a preparatory group within 30 days, first meeting within 90
days) are known from one secondary source: low-medium confidence, not encoded. A copy of the
2004 text (oh100.com/peixun/cpm/213320.html, searched 2026-12-03) shows Arts 1-7 only, and an
amending decision found (fsou.net) does not name its province: neither is encoded. Every rule set
resolved for these codes carries a ``layer-missing`` notice per topic: the national rules apply.
"""

from __future__ import annotations

from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.rules.registry import Jurisdiction

__all__ = ["JURISDICTIONS", "SHANXI", "TAIYUAN"]

#: Shanxi province: the regulation's dates are known, its voting and election values are not.
SHANXI = Jurisdiction(
    code="CN-SX",
    name="Shanxi",
    checked_on=CHECKED_ON,
    layers=(),
    references=("shanxi_pm_regulation",),
    note="revised 2025-11-26, in force 2026-01-01; voting and election articles not encoded",
)

#: Taiyuan: no values encoded.
TAIYUAN = Jurisdiction(
    code="CN-SX-TY",
    name="Taiyuan",
    checked_on=CHECKED_ON,
    layers=(),
    references=("taiyuan_pm_implementing_rules",),
    note="implementing rules known from one secondary source; not encoded",
)

#: Parent first, for the registry.
JURISDICTIONS = (SHANXI, TAIYUAN)
