"""Tianjin (``CN-TJ``): the party-share *policy target* of the Tianjin Measures.

Source: Tianjin Measures on Community Property Management (天津市社区物业管理办法).

The Measures ask that party members be at least 50% of owners' representatives and of
committee members. This is a policy target for composition reports, **not** an eligibility
rule, and it is known from one official reply (2025): medium confidence, so the layer is left
out of default rule sets (ask with ``include_unconfirmed=True``). The Measures' date of
adoption is unknown, so the layer carries no start date. Tianjin's own voting, size and
eligibility rules are not encoded: the national rules apply.

The Tianjin Property Management Regulation (天津市物业管理条例) was adopted 2002-10-24, revised
2008-09-10 and amended 2018-05-28, 2018-12-14 and 2021-11-29 (republished copies of the 2021
text; medium confidence). The copies retrieved (searched 2026-12-03) do not show its voting or
committee articles, so none is encoded; every rule set for ``CN-TJ`` carries a
``layer-missing`` notice for voting. Searched again 2026-12-03: a republished 2021 text
(yumiweb.cn/post/1618.html) and the 2008 revision (m.hbtiannuo.cn/50293.html) show Arts 1-8
only; an undated owners' assembly measures text (haowendang.cn) citing the Ministry of
Construction's rules of 2003-2009 (first meeting at 50% of area sold or occupied or 2 years;
representatives from 100 owners, Arts 7 and 9) is superseded or unattributable: low
confidence, not encoded.
"""

from __future__ import annotations

from fractions import Fraction

from community_governance._base.citations import Citation, Confidence
from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.rules.elections import Target
from community_governance.rules.params import ElectionParams, Param
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["JURISDICTION", "TIANJIN_PARTY_SHARE", "TIANJIN_POLICY"]

_MEASURES = Citation(
    "tianjin_community_pm_measures",
    "(party share)",
    confidence=Confidence.MEDIUM,
    note="policy target, not an eligibility rule; one official reply (2025-04-29)",
)

#: Party members at least 1/2 of owners' representatives and of committee members (policy).
TIANJIN_PARTY_SHARE = Target(Fraction(1, 2), _MEASURES, name="party members")

TIANJIN_POLICY = Layer(
    code="CN-TJ",
    name="CN-TJ: Tianjin Measures (party-share policy target)",
    valid_from=None,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    confidence=Confidence.MEDIUM,
    elections=ElectionParams(party_share_target=Param(TIANJIN_PARTY_SHARE, _MEASURES)),
    note="policy target known from one official reply; adoption date unknown",
)


#: Tianjin: only a party-share policy target (unconfirmed) is encoded.
JURISDICTION = Jurisdiction(
    code="CN-TJ",
    name="Tianjin",
    checked_on=CHECKED_ON,
    layers=(TIANJIN_POLICY,),
    references=("tianjin_community_pm_measures", "tianjin_pm_regulation"),
    note="no voting or election rules of the Tianjin Regulation (2021 text) are encoded",
)
