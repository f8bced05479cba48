"""Ningbo (``CN-ZJ-NB``): the mediation rules of the Ningbo People's Mediation Regulation.

Source: Ningbo People's Mediation Regulation (2015) (宁波市人民调解条例). Art. 27: mediation is
generally concluded within one month and may be extended if both parties request it; without
agreement a notice of termination (终止调解通知书) is issued. Art. 24: a written agreement is
required when a party asks, when performance is not immediate, or when the dispute is major or
complex. The regulation's date of entry into force is not encoded, so the layer carries no
start date.
No Zhejiang (``CN-ZJ``) rules are encoded: the national rules sit directly below.
"""

from __future__ import annotations

from community_governance._base.citations import Citation
from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger
from community_governance.rules.params import MediationParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["JURISDICTION", "NINGBO_MEDIATION", "NINGBO_MEDIATION_POLICY"]

_ART_24 = Citation(
    "ningbo_mediation_regulation", "24", "2015", note="written when not immediate or complex"
)
_ART_27 = Citation(
    "ningbo_mediation_regulation", "27", "2015", note="1 month; extension on both parties' request"
)

#: Arts. 24, 27: one month, extension on request, termination notice, writing when deferred.
NINGBO_MEDIATION_POLICY = MediationPolicy(
    code="CN-ZJ-NB",
    name="Ningbo (People's Mediation Regulation 2015)",
    period=Period(months=1),
    hard=True,
    period_basis=_ART_27,
    extension_basis=_ART_27,
    written_form_required_for=(
        WrittenFormTrigger.DEFERRED_PERFORMANCE,
        WrittenFormTrigger.MAJOR_OR_COMPLEX,
    ),
    written_form_basis=_ART_24,
    termination_notice=True,
)

NINGBO_MEDIATION = Layer(
    code="CN-ZJ-NB",
    name="CN-ZJ-NB: People's Mediation Regulation (2015) — mediation",
    valid_from=None,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.MEDIATION,
    mediation=MediationParams(policy=Param(NINGBO_MEDIATION_POLICY, _ART_27)),
    note="date of entry into force not encoded",
)

#: Ningbo: only the mediation policy is encoded.
JURISDICTION = Jurisdiction(
    code="CN-ZJ-NB",
    name="Ningbo",
    checked_on=CHECKED_ON,
    layers=(NINGBO_MEDIATION,),
    references=("ningbo_mediation_regulation",),
    note="no voting or election rules of Ningbo are encoded",
    parent="CN",  # no province layer is encoded; the city stacks on the national rules
)
