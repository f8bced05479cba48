"""Shenzhen (``CN-GD-SZ``): the mediation period of the Shenzhen dispute-resolution regulation.

Source: Shenzhen Special Economic Zone Multi-channel Dispute Resolution Regulation (2022)
(深圳经济特区矛盾纠纷多元化解条例). Art. 25: the parties may agree a period, by default 30 days;
mediation continues if the parties agree to extend it; when the period ends without
agreement, mediation terminates. The regulation's date of entry into force is not encoded,
so the layer carries no start date.
No Guangdong (``CN-GD``) rules are encoded: the national rules sit directly below.
"""

from __future__ import annotations

from community_governance._base.citations import Citation
from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.rules.mediation import MediationPolicy
from community_governance.rules.params import MediationParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["JURISDICTION", "SHENZHEN_MEDIATION", "SHENZHEN_MEDIATION_POLICY"]

_ART_25 = Citation(
    "shenzhen_dispute_resolution_regulation", "25", "2022", note="default 30 days; then terminate"
)

#: Art. 25: 30 days by default, extension by the parties' agreement, then terminate.
SHENZHEN_MEDIATION_POLICY = MediationPolicy(
    code="CN-GD-SZ",
    name="Shenzhen (Multi-channel Dispute Resolution Regulation 2022)",
    period=Period(days=30),
    hard=True,
    period_basis=_ART_25,
    extension_basis=_ART_25,
)

SHENZHEN_MEDIATION = Layer(
    code="CN-GD-SZ",
    name="CN-GD-SZ: Multi-channel Dispute Resolution Regulation (2022) — mediation",
    valid_from=None,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.MEDIATION,
    mediation=MediationParams(policy=Param(SHENZHEN_MEDIATION_POLICY, _ART_25)),
    note="date of entry into force not encoded",
)

#: Shenzhen: only the mediation policy is encoded.
JURISDICTION = Jurisdiction(
    code="CN-GD-SZ",
    name="Shenzhen",
    checked_on=CHECKED_ON,
    layers=(SHENZHEN_MEDIATION,),
    references=("shenzhen_dispute_resolution_regulation",),
    note="no voting or election rules of Shenzhen are encoded",
    parent="CN",  # no province layer is encoded; the city stacks on the national rules
)
