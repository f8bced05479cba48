"""Mainland China, national election rules: Guidance Rules 2009 (law-china.md §4).

One ``elections`` layer from 2010-01-01. The Guidance Rules were issued on 2009-12-01 and are
reported effective 2010-01-01 (medium confidence, law-china §7 Q1). Whichever date is right,
the rules are certainly in force from 2010-01-01, so the layer starts then and counts as
confirmed; an election in December 2009 gets no national election data (and a notice).

=====================================  =========  ===========================================
Rule                                   Article    Confidence
=====================================  =========  ===========================================
Committee of 5 to 11 members, odd      31         confirmed
Six candidate conditions               31         confirmed
Preparatory group make-up              10         content confirmed; article no. unconfirmed
=====================================  =========  ===========================================

The Guidance Rules have no re-election group (the outgoing committee convenes the assembly,
Art. 47, unconfirmed); local texts add one.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.jurisdictions.cn import CHECKED_ON
from community_governance.jurisdictions.registry import register_layer
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.eligibility import EligibilityRule, Requirement
from community_governance.rules.ruleset import Layer, Param

__all__ = ["GUIDANCE_RULES_2010", "NATIONAL_CANDIDATE_RULES", "condition"]

_FROM = date(2010, 1, 1)
_ART_31 = Citation(
    "guidance_rules_2009",
    "31",
    effective=_FROM,
    note="effective date 2010-01-01 unconfirmed (issued 2009-12-01)",
)
_ART_10 = Citation(
    "guidance_rules_2009",
    "10",
    effective=_FROM,
    note="content confirmed by two texts; article number unconfirmed (law-china §7 Q1)",
)


def condition(
    code: str, en: str, zh: str, facts: tuple[str, ...], cite: Citation
) -> EligibilityRule:
    """A condition rule requiring every fact in ``facts`` to be true."""
    return EligibilityRule(code, en, zh, tuple(Requirement(f, True) for f in facts), cite)


#: Guidance Rules 2009 Art. 31: the six candidate conditions.
NATIONAL_CANDIDATE_RULES = (
    condition(
        "owner-in-area",
        "an owner in the management area",
        "本物业管理区域内业主",
        ("owner_in_area",),
        _ART_31,
    ),
    condition(
        "full-capacity", "full civil capacity", "具有完全民事行为能力", ("full_capacity",), _ART_31
    ),
    condition(
        "law-abiding",
        "obeys laws and regulations",
        "遵守国家有关法律、法规",
        ("law_abiding",),
        _ART_31,
    ),
    condition(
        "exemplary-owner",
        "obeys the rules and covenant and performs owner duties as an example",
        "遵守业主大会议事规则、管理规约，模范履行业主义务",
        ("exemplary_owner",),
        _ART_31,
    ),
    condition(
        "integrity",
        "public-spirited, responsible, fair and honest",
        "热心公益事业，责任心强，公正廉洁",
        ("integrity",),
        _ART_31,
    ),
    condition(
        "ability-and-time",
        "some organising ability and enough working time",
        "具有一定的组织能力，具备必要的工作时间",
        ("organising_ability", "enough_time"),
        _ART_31,
    ),
)

GUIDANCE_RULES_2010 = register_layer(
    Layer(
        code="CN",
        name="CN: Guidance Rules 2009 (elections)",
        valid_from=_FROM,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic="elections",
        params={
            "committee_size": Param(SizeRule(5, 11, odd=True, citation=_ART_31), _ART_31),
            "candidate_rules": Param(NATIONAL_CANDIDATE_RULES, _ART_31),
            "preparatory_group": Param(
                GroupRule(
                    required=(
                        GroupRole.OWNER_REPRESENTATIVE,
                        GroupRole.DEVELOPER,
                        GroupRole.STREET_OFFICE,
                        GroupRole.RESIDENTS_COMMITTEE,
                    ),
                    leader=GroupRole.STREET_OFFICE,
                    odd=True,
                    owners_at_least=Fraction(1, 2),
                    citation=_ART_10,
                ),
                _ART_10,
            ),
        },
        note="Guidance Rules 2009 (建房〔2009〕274号), dated from 2010-01-01",
    )
)
