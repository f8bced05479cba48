"""Mainland China, national rules of every topic (voting and elections).

Voting regimes:

=========================  ==========  ==========  ====================================
Regime                     From        To          Status
=========================  ==========  ==========  ====================================
Regulations 2003 Art. 12   2003-09-01  2007-09-30  medium confidence: not in defaults
Property Rights Law 76     2007-10-01  2020-12-31  confirmed
Civil Code Art. 278        2021-01-01  —           confirmed
=========================  ==========  ==========  ====================================

Elections: the Ministry of Housing Guidance Rules for Owners' Assemblies and Owners'
Committees (建房〔2009〕274号), issued 2009-12-01 and reported effective 2010-01-01 (that date is
unconfirmed). Whichever date is right, the rules are certainly in force from 2010-01-01, so the
layer starts then; every citation prints the unconfirmed date. Art. 31 (committee of 5 to 11,
odd; six candidate conditions) is confirmed; the preparatory group's make-up is confirmed in
content but its article number (10) is not. The Guidance Rules have no re-election group (the
outgoing committee convenes the assembly); local texts add one.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence, Uncertain
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.committee import (
    Direction,
    PostingKind,
    PostingRule,
    Recipient,
    RemovalGround,
    Step,
    StepRule,
    TermRule,
    VacancyRule,
)
from community_governance.rules.eligibility import EligibilityRule, Requirement
from community_governance.rules.matters import Matter
from community_governance.rules.mediation import MediationPolicy, WrittenFormTrigger
from community_governance.rules.money import (
    Applicant,
    EmergencyProcedure,
    EmergencyStep,
    FirstDeposit,
    MatterReading,
    MoneyRules,
    measures_2007,
)
from community_governance.rules.params import (
    CommitteeParams,
    ElectionParams,
    MediationParams,
    MoneyParams,
    Param,
    VotingParams,
)
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import (
    Base,
    Comparator,
    Measure,
    ResolutionRule,
    Threshold,
)
from community_governance.rules.tiers import double_tiers, tiers
from community_governance.rules.voting import SpoiledPolicy

__all__ = [
    "CIVIL_CODE_2021",
    "GUIDANCE_RULES_2010",
    "JURISDICTION",
    "MEASURES_2007_SCOPED_CONSENT",
    "MONEY_RULES",
    "NATIONAL_CANDIDATE_RULES",
    "NATIONAL_COMMITTEE",
    "PROPERTY_RIGHTS_LAW_2007",
    "REGULATIONS_2003",
    "condition",
    "step_param",
]

#: The day the national data were last compared with the legal texts.
CHECKED_ON = date(2025, 12, 31)

AT_LEAST, MORE_THAN = Comparator.AT_LEAST, Comparator.MORE_THAN
LEAD, WITHIN = Direction.LEAD, Direction.WITHIN
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

CIVIL_CODE_2021 = Layer(
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
    voting=VotingParams(spoiled_ballots=_SPOILED),
    note="Civil Code Art. 278; counting per SPC interpretation Arts. 8-9 (2020 text)",
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

PROPERTY_RIGHTS_LAW_2007 = Layer(
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
    voting=VotingParams(spoiled_ballots=_SPOILED),
    note=(
        "changing the use of common parts has no item of its own before 2021 and is "
        "decided as another major matter (Art. 76(1) item 7)"
    ),
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

REGULATIONS_2003 = Layer(
    code="CN",
    name="CN: Property Management Regulations Art. 12 (2003)",
    valid_from=_R03,
    valid_to=date(2007, 9, 30),
    checked_on=CHECKED_ON,
    confidence=Confidence.MEDIUM,
    resolutions=tiers(_r03_ordinary, _r03_special, _R03_SPECIAL),
    voting=VotingParams(spoiled_ballots=_SPOILED),
    note=(
        "2003 text known from a single source; 'voting rights' (投票权) were defined by "
        "provincial rules and are approximated by exclusive area; 'present' is read as "
        "taking part"
    ),
)

# ------------------------------------------------ Guidance Rules 2009 (elections)

_FROM = date(2010, 1, 1)
_ART_31 = Citation(
    "guidance_rules_2009",
    "31",
    effective=_FROM,
    note="issued 2009-12-01; reported effective 2010-01-01",
    uncertain=frozenset({Uncertain.EFFECTIVE_DATE}),
)
_ART_10 = Citation(
    "guidance_rules_2009",
    "10",
    effective=_FROM,
    note="content confirmed by two independent texts",
    uncertain=frozenset({Uncertain.ARTICLE_NUMBER, Uncertain.EFFECTIVE_DATE}),
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

GUIDANCE_RULES_2010 = Layer(
    code="CN",
    name="CN: Guidance Rules 2009 (elections)",
    valid_from=_FROM,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    elections=ElectionParams(
        committee_size=Param(SizeRule(5, 11, odd=True, citation=_ART_31), _ART_31),
        candidate_rules=Param(NATIONAL_CANDIDATE_RULES, _ART_31),
        preparatory_group=Param(
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
    ),
    note="Guidance Rules 2009 (建房〔2009〕274号), dated from 2010-01-01",
)


# ----------------------------------------------------- committee lifecycle (national)
# Guidance Rules 2009: Arts. 32, 33 and 46 are confirmed; the re-election lead (3 months),
# the handovers (10 days after expiry; 3 days for a departing member), the removal grounds and
# the decision posting are known with unconfirmed article numbers (medium confidence) and stay
# out of default rule sets. The 15-day assembly notice is certain from the Regulations Art. 14.


def _guidance(article: str, *, confirmed: bool = True, note: str = "") -> Citation:
    return Citation(
        "guidance_rules_2009",
        article,
        effective=_FROM,
        confidence=Confidence.HIGH if confirmed else Confidence.MEDIUM,
        note=note or "issued 2009-12-01; reported effective 2010-01-01",
        uncertain=frozenset({Uncertain.EFFECTIVE_DATE})
        if confirmed
        else frozenset({Uncertain.ARTICLE_NUMBER, Uncertain.EFFECTIVE_DATE}),
    )


_ART_32, _ART_33, _ART_46 = _guidance("32"), _guidance("33"), _guidance("46")
_ART_47 = _guidance("47", confirmed=False, note="3-month lead; article number unconfirmed")
_ART_48 = _guidance("48", confirmed=False, note="10-day handover; article number unconfirmed")
_ART_39 = _guidance("39", confirmed=False, note="decisions posted within 3 days (unconfirmed)")
_MEMBER = _guidance("(m)", confirmed=False, note="a former member hands over within 3 days")
_ENDING = _guidance("(m)", confirmed=False, note="seat ended for failure to perform, etc.")
_REGS_14 = Citation(
    "property_management_regulations",
    "14",
    text_version="2018",
    note="assembly meeting announced 15 days in advance",
)


def step_param(
    step: Step,
    anchor: Step,
    direction: Direction,
    period: Period | None,
    cite: Citation,
    **extra: Any,
) -> Param[StepRule]:
    """One re-election step as a cited parameter."""
    return Param(StepRule(step, anchor, direction, period, cite, **extra), cite)


#: National committee lifecycle (Guidance Rules 2009, Regulations Art. 14), from 2010-01-01.
NATIONAL_COMMITTEE = Layer(
    code="CN",
    name="CN: Guidance Rules 2009 (committee lifecycle)",
    valid_from=_FROM,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.COMMITTEE,
    committee=CommitteeParams(
        term=Param(TermRule(5, _ART_32), _ART_32),
        first_meeting=step_param(Step.FIRST_MEETING, Step.VOTE, WITHIN, Period(days=7), _ART_32),
        registration=step_param(Step.REGISTRATION, Step.VOTE, WITHIN, Period(days=30), _ART_33),
        assembly_notice=step_param(
            Step.ASSEMBLY_NOTICE, Step.VOTE, LEAD, Period(days=15), _REGS_14
        ),
        report=step_param(Step.REPORT, Step.EXPIRY, LEAD, Period(months=3), _ART_47),
        vote=step_param(Step.VOTE, Step.EXPIRY, Direction.BY, None, _ART_47),
        handover=step_param(
            Step.HANDOVER,
            Step.EXPIRY,
            WITHIN,
            Period(days=10),
            _ART_48,
            recipients=(Recipient.NEW_COMMITTEE,),
        ),
        member_handover=step_param(
            Step.HANDOVER,
            Step.SEAT_ENDED,
            WITHIN,
            Period(days=3),
            _MEMBER,
            recipients=(Recipient.COMMITTEE,),
        ),
        vacancy=Param(VacancyRule(Fraction(1, 2), _ART_46), _ART_46),
        removal_grounds=Param((RemovalGround.FAILURE_TO_PERFORM,), _ENDING),
        decision_posting=Param(
            PostingRule("committee decision", PostingKind.PROMPT, Period(days=3), _ART_39), _ART_39
        ),
    ),
    note="Guidance Rules 2009 Arts. 32, 33, 46 (confirmed); other lifecycle rules unconfirmed",
)


#: Mainland China: the national layers of every topic.
JURISDICTION = Jurisdiction(
    code="CN",
    name="Mainland China",
    checked_on=CHECKED_ON,
    layers=(
        REGULATIONS_2003,
        PROPERTY_RIGHTS_LAW_2007,
        CIVIL_CODE_2021,
        GUIDANCE_RULES_2010,
        NATIONAL_COMMITTEE,
    ),
    references=(
        "civil_code",
        "property_rights_law",
        "property_management_regulations",
        "spc_building_ownership_interpretation",
        "guidance_rules_2009",
    ),
    note="national voting regimes 2003, 2007 and 2021; Guidance Rules 2009 for elections",
)


# ============================================================================ money
# The residential special maintenance fund (2007 Measures, in force 2008-02-01) and the Civil
# Code's emergency use. The Measures' texts were read in published copies only (the official
# text is not compared), so their values are medium confidence with the article numbers flagged.


#: 2007 Measures Art. 22(2): before the fund passes to the assembly, a use proposal needs the
#: owners within the charge's scope (列支范围内) holding 三分之二以上 of the area and
#: 三分之二以上 of the heads. Before 2021 the Property Rights Law Art. 76(2) tier for using the
#: fund has the same two thresholds; from 2021 the Civil Code Art. 278(2) thresholds apply
#: (counted within the scope: ``decide(..., scope=...)``).
MEASURES_2007_SCOPED_CONSENT = ResolutionRule(
    quorum=(),
    approval=(
        Threshold(AREA, ALL, AT_LEAST, Fraction(2, 3), measures_2007("22(2)")),
        Threshold(HEADS, ALL, AT_LEAST, Fraction(2, 3), measures_2007("22(2)")),
    ),
    citation=measures_2007(
        "22(2)", "列支范围内 owners; from 2021 the Civil Code Art. 278 thresholds apply"
    ),
)

_EMERGENCY_CITE = Citation("civil_code", "281(2)", effective=_CC)
_M07 = date(2008, 2, 1)

_FIRST_DEPOSIT = Param(
    FirstDeposit(Fraction(5, 100), Fraction(8, 100), measures_2007("7")), measures_2007("7")
)
_REPLENISH = Param(Fraction(30, 100), measures_2007("17"))

#: The 2007 Measures alone (2008-02-01 to 2020-12-31): first deposit 5%-8% of the local
#: building cost per m² (Art. 7), replenishment below 30% of the first deposit (Art. 17).
#: The emergency procedure and the fee reading are encoded from the Civil Code only (2021):
#: before it, `rules.money.emergency` is ``None`` (no value is invented for those years).
MEASURES_2008 = Layer(
    code="CN",
    name="CN: Maintenance Fund Measures 2007 (money)",
    valid_from=_M07,
    valid_to=date(2020, 12, 31),
    checked_on=CHECKED_ON,
    topic=Topic.MONEY,
    money=MoneyParams(first_deposit=_FIRST_DEPOSIT, replenish_below=_REPLENISH),
    note="2007 Measures (Order No. 165) in force 2008-02-01; published copies, medium confidence",
)

_EMERGENCY = EmergencyProcedure(
    applicants=frozenset({Applicant.ASSEMBLY, Applicant.COMMITTEE}),
    steps=(
        (EmergencyStep.APPLICANT, _EMERGENCY_CITE),
        (EmergencyStep.EMERGENCY, measures_2007("24", "危及房屋安全等紧急情况")),
        (EmergencyStep.SCOPE, measures_2007("19", "受益人和负担人相一致")),
        (EmergencyStep.PUBLISHED, Citation("civil_code", "281(1)", effective=_CC)),
        (EmergencyStep.BALANCE, measures_2007("24", "charged to the owners' sub-accounts")),
    ),
    citation=_EMERGENCY_CITE,
)
_FEE_READING = Citation(
    "civil_code",
    "278(1)(9)",
    effective=_CC,
    confidence=Confidence.MEDIUM,
    note="the Code names no item for property fees; decided as another major matter",
)

#: National money rules from 2021-01-01: the 2007 Measures' values (Arts. 7, 17), emergency
#: use (Civil Code Art. 281(2), Measures Art. 24), publication of raising and use (Civil Code
#: Art. 281(1)), and the fee reading (Art. 278(1)(9), medium confidence: left out of default
#: rule sets like the Measures' values). No national text read here requires an audit: that
#: step is left out (a notice says so).
MONEY_2021 = Layer(
    code="CN",
    name="CN: Civil Code Art. 281 + Maintenance Fund Measures 2007 (money)",
    valid_from=_CC,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.MONEY,
    money=MoneyParams(
        first_deposit=_FIRST_DEPOSIT,
        replenish_below=_REPLENISH,
        emergency=Param(_EMERGENCY, _EMERGENCY_CITE),
        fee_adjustment=Param(MatterReading(Matter.OTHER_MAJOR_MATTER, _FEE_READING), _FEE_READING),
    ),
    note="Civil Code Arts. 278, 281 with the 2007 Measures (medium confidence values)",
)

#: Deprecated (0.x; use ``rules_for("CN", on=day).money``): the 2021 national money rules
#: as one undated value, kept for one minor version.
MONEY_RULES = MoneyRules(
    first_deposit=_FIRST_DEPOSIT.value,
    replenish_below=(_REPLENISH.value, _REPLENISH.citation),
    emergency=_EMERGENCY,
    fee_adjustment=MatterReading(Matter.OTHER_MAJOR_MATTER, _FEE_READING),
)

JURISDICTION = attrs.evolve(JURISDICTION, layers=(*JURISDICTION.layers, MEASURES_2008, MONEY_2021))
__all__ += ["MEASURES_2008", "MONEY_2021"]
# ======================================================================================
# People's mediation (national policy data; the engine is community_governance.mediation)
# ======================================================================================
# The People's Mediation Law sets no time limit. The national preset therefore uses the MOJ
# 2002 rules' "generally within one month" (Art. 33), which is unconfirmed and soft: being
# overdue is a warning, never a termination. Writing is advised, not required, when civil
# rights and obligations are involved (MOJ 2002 Art. 34, unconfirmed). Choosing these as the
# national preset is a library design decision, cited as such.

_PML_IN_FORCE = date(2011, 1, 1)
_MOJ_2002 = date(2002, 11, 1)
_MOJ_33 = Citation(
    "moj_mediation_rules_2002",
    "33",
    "2002",
    _MOJ_2002,
    Confidence.MEDIUM,
    "[R] generally concluded within one month; single published copy",
)
_MOJ_34 = Citation(
    "moj_mediation_rules_2002",
    "34",
    "2002",
    _MOJ_2002,
    Confidence.MEDIUM,
    "[R] written agreement when civil rights and obligations are involved",
)
_MEDIATION_DESIGN = Citation(
    "library_design", "mediation", "0.1", None, Confidence.LOW, "[D] design proposal, not law"
)
_NATIONAL_PRESET = Citation(
    "library_design",
    "mediation.national_policy",
    "0.1",
    None,
    Confidence.LOW,
    "[D] the law sets no period; the preset uses MOJ 2002 Art. 33 as a soft period",
)

#: National default: MOJ 2002 Art. 33 "generally within one month" — soft, flagged [R].
NATIONAL_MEDIATION_POLICY = MediationPolicy(
    code="CN",
    name="National (People's Mediation Law; MOJ 2002 period, unconfirmed)",
    period=Period(months=1),
    hard=False,
    period_basis=_MOJ_33,
    extension_basis=_MEDIATION_DESIGN,
    written_form_advised_for=(WrittenFormTrigger.OBLIGATIONS,),
    written_form_advice_basis=_MOJ_34,
)

#: The national mediation layer, from the People's Mediation Law's entry into force.
MEDIATION_2011 = Layer(
    code="CN",
    name="CN: People's Mediation Law (2011) — mediation policy",
    valid_from=_PML_IN_FORCE,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.MEDIATION,
    mediation=MediationParams(policy=Param(NATIONAL_MEDIATION_POLICY, _NATIONAL_PRESET)),
    note="no national time limit; the MOJ 2002 period is a soft, unconfirmed preset",
)

JURISDICTION = attrs.evolve(JURISDICTION, layers=(*JURISDICTION.layers, MEDIATION_2011))
__all__ += ["MEDIATION_2011", "NATIONAL_MEDIATION_POLICY"]
