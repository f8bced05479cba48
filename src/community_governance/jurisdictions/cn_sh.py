"""Shanghai (``CN-SH``): the Residential Property Management Provisions (上海市住宅物业管理规定).

Voting (Art. 18): two texts are encoded, the 2018 text (amended 2018-11-22), whose Art. 18
kept the pre-Civil-Code double majority of totals, and the 2020 text (amended 2020-12-30),
aligned with the Civil Code. The 2020 text's effective date is taken as the amendment date and
is unconfirmed; every citation prints that. On 2020-12-30 and 2020-12-31 the Shanghai 2020
text is in force while the national Property Rights Law still is: Shanghai's Art. 18 supplies
the rule, and the rule set carries a notice that it is looser than the national rule then in
force. Before 2018-11-22 no Shanghai voting text is encoded and the national rules apply.

Elections (Arts. 15, 20, 28): the 2010 revision took effect on 2011-04-01; these articles'
wording was checked against the 2018 and 2020 texts, which do not differ on them, so the layer
runs from 2011-04-01. Candidate rules add to the national conditions: no ties to the property
company, six unremedied violations as bars, and the written pledge. The re-election group
(Art. 28) has the preparatory group's make-up without the developer; Art. 28 does not name its
leader.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Uncertain
from community_governance.jurisdictions.cn import (
    ALL,
    AT_LEAST,
    CHECKED_ON,
    LEAD,
    MONEY_RULES,
    MORE_THAN,
    PART,
    WITHIN,
    condition,
    step_param,
)
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.committee import (
    AbsenceRule,
    CadenceRule,
    Direction,
    FreezeRule,
    InactivityRule,
    PostingKind,
    PostingRule,
    Recipient,
    RemovalGround,
    Step,
    TermRule,
    VacancyRule,
)
from community_governance.rules.eligibility import Disqualification, EligibilityRule
from community_governance.rules.matters import Matter
from community_governance.rules.params import CommitteeParams, ElectionParams, MoneyParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.tiers import double_tiers

__all__ = [
    "JURISDICTION",
    "SHANGHAI_2018",
    "SHANGHAI_2020",
    "SHANGHAI_CANDIDATE_RULES",
    "SHANGHAI_COMMITTEE",
    "SHANGHAI_ELECTIONS",
    "SHANGHAI_FREEZE",
    "SHANGHAI_MONEY_RULES",
]

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

SHANGHAI_2018 = Layer(
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

_art18_2020 = Citation(
    "shanghai_residential_pm_provisions",
    "18",
    text_version="2020",
    effective=_SH_2020,
    note="effective date taken as the amendment date",
    uncertain=frozenset({Uncertain.EFFECTIVE_DATE}),
)
_SPECIAL_2020 = {
    Matter.RAISE_MAINTENANCE_FUND,
    Matter.REBUILD_OR_RENOVATE,
    Matter.CHANGE_USE_OF_COMMON_PARTS,
}

SHANGHAI_2020 = Layer(
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


# -------------------------------------------------------- elections (Arts. 15, 20, 28)

_ELECTIONS_FROM = date(2011, 4, 1)


def _cite(article: str) -> Citation:
    return Citation(
        "shanghai_residential_pm_provisions",
        article,
        text_version="2010",
        effective=_ELECTIONS_FROM,
        note="wording checked against the 2018 and 2020 texts",
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

SHANGHAI_ELECTIONS = Layer(
    code="CN-SH",
    name="CN-SH: Shanghai Provisions Arts. 15, 20, 28 (from 2011, elections)",
    valid_from=_ELECTIONS_FROM,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    elections=ElectionParams(
        committee_size=Param(
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
        candidate_rules=Param(SHANGHAI_CANDIDATE_RULES, _ART_20_2),
        preparatory_group=Param(
            GroupRule(_PREPARATORY, GroupRole.STREET_OFFICE, True, Fraction(1, 2), _ART_15),
            _ART_15,
        ),
        re_election_group=Param(
            GroupRule(
                tuple(r for r in _PREPARATORY if r is not GroupRole.DEVELOPER),
                None,
                True,
                Fraction(1, 2),
                _ART_28,
            ),
            _ART_28,
        ),
    ),
    note="Shanghai Provisions as revised in 2010 (in force 2011-04-01), elections articles",
)


# ---------------------------------------------------- committee lifecycle (Shanghai)
# Arts. 20(1) term, 21 result posted, 23 registration, 26 meetings and decision posting, 28
# re-election and freeze, 29 handover via the housing office, 30 a departing member's
# handover, 31 removal, 32 vacancies and the committee inactive for 6 consecutive months
# (early re-election); from 2011-04-01 like the elections articles.
# Art. 32's other triggers (seriously unlawful decisions, unable to function) are judgements
# the library cannot compute: they are named in `committee.inactivity_check`'s docs only.

_ART_21, _ART_23, _ART_26, _ART_29, _ART_30, _ART_31, _ART_32 = (
    _cite(a) for a in ("21", "23", "26", "29", "30", "31", "32")
)

#: Shanghai Art. 28: Civil Code Art. 278(1) items (4)-(9) frozen (the library's reading of
#: "hiring or dismissing the property company, fee changes, major repairs, other major matters").
SHANGHAI_FREEZE = FreezeRule(
    (
        Matter.HIRE_OR_DISMISS_MANAGER,
        Matter.USE_MAINTENANCE_FUND,
        Matter.RAISE_MAINTENANCE_FUND,
        Matter.REBUILD_OR_RENOVATE,
        Matter.CHANGE_USE_OF_COMMON_PARTS,
        Matter.OTHER_MAJOR_MATTER,
    ),
    _ART_28,
)

#: Shanghai committee lifecycle (Arts. 20-32), from 2011-04-01.
SHANGHAI_COMMITTEE = Layer(
    code="CN-SH",
    name="CN-SH: Shanghai Provisions Arts. 20-32 (from 2011, committee lifecycle)",
    valid_from=_ELECTIONS_FROM,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.COMMITTEE,
    committee=CommitteeParams(
        term=Param(TermRule(5, _ART_20_1, min_years=3), _ART_20_1),
        report=step_param(Step.REPORT, Step.EXPIRY, LEAD, Period(months=5), _ART_28),
        group_formed=step_param(Step.GROUP_FORMED, Step.REPORT, WITHIN, Period(days=60), _ART_28),
        handover_to_office=step_param(
            Step.HANDOVER_TO_OFFICE,
            Step.GROUP_FORMED,
            WITHIN,
            Period(days=10),
            _ART_29,
            recipients=(Recipient.HOUSING_OFFICE,),
        ),
        candidates_posted=step_param(
            Step.CANDIDATES_POSTED, Step.GROUP_FORMED, Direction.AFTER, None, _ART_21
        ),
        vote=step_param(
            Step.VOTE, Step.EXPIRY, Direction.BY, None, _ART_28, after=(Step.GROUP_FORMED,)
        ),
        result_posted=step_param(Step.RESULT_POSTED, Step.VOTE, WITHIN, Period(days=3), _ART_21),
        registration=step_param(Step.REGISTRATION, Step.VOTE, WITHIN, Period(days=30), _ART_23),
        handover=step_param(
            Step.HANDOVER,
            Step.REGISTRATION,
            WITHIN,
            Period(days=10),
            _ART_29,
            recipients=(Recipient.NEW_COMMITTEE,),
        ),
        member_handover=step_param(
            Step.HANDOVER,
            Step.SEAT_ENDED,
            WITHIN,
            Period(days=10),
            _ART_30,
            recipients=(Recipient.COMMITTEE,),
        ),
        vacancy=Param(
            VacancyRule(Fraction(1, 2), _ART_32, by_election_above=Fraction(1, 2)), _ART_32
        ),
        inactivity=Param(InactivityRule(Period(months=6), _ART_32), _ART_32),
        removal_grounds=Param(
            (
                RemovalGround.REFUSED_TO_CONVENE,
                RemovalGround.ABSENCE,
                RemovalGround.BREACH_OF_PLEDGE,
                RemovalGround.HEALTH_INCAPACITY,
            ),
            _ART_31,
        ),
        absence=Param(AbsenceRule(_ART_31, Fraction(1, 2), Period(years=1)), _ART_31),
        committee_meetings=Param(CadenceRule(Period(months=2), _ART_26), _ART_26),
        decision_posting=Param(
            PostingRule("committee decision", PostingKind.PROMPT, Period(days=3), _ART_26),
            _ART_26,
        ),
        freeze=Param(SHANGHAI_FREEZE, _ART_28),
    ),
    note="Shanghai Provisions as revised in 2010 (in force 2011-04-01), committee articles",
)


#: Shanghai: voting (2018 and 2020 texts of Art. 18) and elections (from 2011-04-01).
JURISDICTION = Jurisdiction(
    code="CN-SH",
    name="Shanghai",
    checked_on=CHECKED_ON,
    layers=(SHANGHAI_2018, SHANGHAI_2020, SHANGHAI_ELECTIONS, SHANGHAI_COMMITTEE),
    references=("shanghai_residential_pm_provisions",),
    note="voting from 2018-11-22; elections from 2011-04-01",
)


# ============================================================================ money
# Shanghai Provisions Arts. 35 and 69: building or unit owners' groups decide matters of their
# building; parts shared by some owners only are decided by those owners with the Civil Code's
# thresholds (3/4 for raising the fund or rebuilding). The rule set's thresholds are counted
# within the scope (``decide(..., scope=...)``); the national money rules apply otherwise.


_ARTS_35_69 = Citation(
    "shanghai_residential_pm_provisions",
    "35, 69",
    text_version="2020",
    effective=_SH_2020,
    note="owners concerned decide their partly shared parts with the Civil Code thresholds",
    uncertain=frozenset({Uncertain.EFFECTIVE_DATE}),
)

#: Shanghai money rules (2020 text, from 2020-12-30): the owners concerned decide their
#: partly shared parts (Arts. 35, 69); every other money value comes from the national layers.
SHANGHAI_MONEY = Layer(
    code="CN-SH",
    name="CN-SH: Provisions Arts. 35 and 69 (money)",
    valid_from=_SH_2020,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.MONEY,
    money=MoneyParams(scoped=Param(True, _ARTS_35_69)),
    note="2020 text; the effective date is taken as the amendment date (unconfirmed)",
)

#: Deprecated (0.x; use ``rules_for("CN-SH", on=day).money``): the national money rules
#: with Shanghai's scoped decisions, as one undated value, kept for one minor version.
SHANGHAI_MONEY_RULES = attrs.evolve(MONEY_RULES, scoped=_ARTS_35_69)

JURISDICTION = attrs.evolve(JURISDICTION, layers=(*JURISDICTION.layers, SHANGHAI_MONEY))
__all__ += ["SHANGHAI_MONEY"]
