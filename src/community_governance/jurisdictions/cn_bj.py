"""Beijing (``CN-BJ``): election rules of the Beijing Property Management Regulation.

Beijing's voting thresholds are the Civil Code's, so no voting layer is encoded: the national
layers apply (and every rule set says so). The elections layers encode Arts. 31, 39, 40, 41
and 49. The Regulation took effect on 2020-05-01 and was amended on 2024-03-29; what the
amendment changed is not identified. The substance is confirmed from 2020-05-01, so both texts
are in the defaults; article numbers follow the 2024 text, and for the 2020 original every
citation prints that its article number is unconfirmed.

An estate's own residence requirement (Art. 39(3): "meets any residence-period requirement in
the candidate rules") is added with the estate layer parameter ``candidate_residence_years``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Uncertain
from community_governance.jurisdictions.cn import CHECKED_ON, LEAD, WITHIN, condition, step_param
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.committee import (
    AbsenceRule,
    CadenceRule,
    Direction,
    PostingKind,
    PostingRule,
    RemovalGround,
    Seat,
    Step,
    TemporaryCommitteeRule,
    TermRule,
    VacancyRule,
)
from community_governance.rules.eligibility import Disqualification, EligibilityRule
from community_governance.rules.params import CommitteeParams, ElectionParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = [
    "BEIJING_COMMITTEE_2020",
    "BEIJING_COMMITTEE_2024",
    "BEIJING_ELECTIONS_2020",
    "BEIJING_ELECTIONS_2024",
    "JURISDICTION",
    "beijing_cite",
    "beijing_committee",
    "beijing_params",
]

_2020 = date(2020, 5, 1)
_2024 = date(2024, 3, 29)


def beijing_cite(effective: date, *, numbering_confirmed: bool) -> Callable[[str], Citation]:
    """A citation maker for Beijing articles numbered as in the 2024 text."""

    def cite(article: str) -> Citation:
        return Citation(
            "beijing_pm_regulation",
            article,
            text_version="2024",
            effective=effective,
            note="article numbers of the 2024 text",
            uncertain=frozenset() if numbering_confirmed else frozenset({Uncertain.ARTICLE_NUMBER}),
        )

    return cite


def beijing_params(effective: date, *, numbering_confirmed: bool) -> ElectionParams:
    """The Beijing election parameters, cited to the 2024 text's articles.

    Args:
        effective: When the text took effect.
        numbering_confirmed: ``False`` for the 2020 original, whose article numbers are assumed
            to match the 2024 text (printed with every citation).
    """
    cite = beijing_cite(effective, numbering_confirmed=numbering_confirmed)

    art_31, art_39, art_39_3, art_40, art_41, art_49 = (
        cite(a) for a in ("31", "39(1)(2)", "39(3)", "40", "41", "49")
    )
    group = GroupRule(
        required=(
            GroupRole.OWNER_REPRESENTATIVE,
            GroupRole.DEVELOPER,
            GroupRole.PROPERTY_COMPANY,
            GroupRole.STREET_OFFICE,
            GroupRole.PARTY_ORGANISATION,
            GroupRole.RESIDENTS_COMMITTEE,
        ),
        leader=GroupRole.RESIDENTS_COMMITTEE,
        odd=True,
        owners_at_least=Fraction(1, 2),
        citation=art_31,
    )
    rules = (
        condition("law-abiding", "law-abiding", "遵纪守法", ("law_abiding",), art_39_3),
        condition(
            "integrity",
            "public-spirited and responsible",
            "热心公益、责任心强",
            ("integrity",),
            art_39_3,
        ),
        condition("able", "able to do the work", "具有履职能力", ("organising_ability",), art_39_3),
        condition(
            "full-capacity",
            "full civil capacity",
            "具有完全民事行为能力",
            ("full_capacity",),
            art_39_3,
        ),
        EligibilityRule.bar(Disqualification.TIED_TO_MANAGER, art_39_3),
        EligibilityRule.bar(Disqualification.JUDGMENT_DEFAULTER, art_39_3),
        EligibilityRule.bar(Disqualification.ILLEGAL_CONSTRUCTION, art_39_3),
        EligibilityRule.bar(Disqualification.ILLEGAL_RENTING, art_39_3),
        EligibilityRule.bar(Disqualification.OTHER_VIOLATIONS, art_39_3),
    )
    return ElectionParams(
        committee_size=Param(
            SizeRule(
                5,
                None,
                odd=True,
                citation=art_39,
                small_size=3,
                small_max_households=100,
                alternates_at_most_members=True,
            ),
            art_39,
        ),
        candidate_rules=Param(rules, art_39_3),
        candidate_nominators=Param(
            (
                GroupRole.PARTY_ORGANISATION,
                GroupRole.RESIDENTS_COMMITTEE,
                GroupRole.OWNER_REPRESENTATIVE,
            ),
            art_40,
        ),
        alternates_fill_vacancies=Param(True, art_41),
        preparatory_group=Param(group, art_31),
        re_election_group=Param(attrs.evolve(group, citation=art_49), art_49),
    )


BEIJING_ELECTIONS_2020 = Layer(
    code="CN-BJ",
    name="CN-BJ: Beijing Regulation (2020 original, elections)",
    valid_from=_2020,
    valid_to=date(2024, 3, 28),
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    elections=beijing_params(_2020, numbering_confirmed=False),
    note="substance confirmed from 2020-05-01; article numbers follow the 2024 text",
)

BEIJING_ELECTIONS_2024 = Layer(
    code="CN-BJ",
    name="CN-BJ: Beijing Regulation (2024 text, elections)",
    valid_from=_2024,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    elections=beijing_params(_2024, numbering_confirmed=True),
    note="2024 amended text; what the amendment changed is not identified",
)


# ----------------------------------------------------- committee lifecycle (Beijing)
# Arts. 35 (assembly yearly, 15-day notice), 41 (term), 42 (first meeting 7 days, names posted
# 3 days, registration 30 days), 45 (meetings every 2 months, decisions posted 3 days), 46
# (removal), 48 (re-election below half after alternates), 49 (6-month report, group within
# 60 days) and 52-59 (the temporary property management committee). No term-end handover
# period is identified in the Beijing text: the step is left without a rule (a notice says so).


def beijing_committee(effective: date, *, numbering_confirmed: bool) -> CommitteeParams:
    """The Beijing committee-lifecycle parameters, cited to the 2024 text's articles.

    Args:
        effective: When the text took effect.
        numbering_confirmed: ``False`` for the 2020 original (numbering of the 2024 text).
    """
    cite = beijing_cite(effective, numbering_confirmed=numbering_confirmed)
    art_35, art_41, art_42, art_45, art_46, art_48, art_49, art_52 = (
        cite(a) for a in ("35", "41", "42-43", "45", "46", "48", "49", "52-59")
    )
    pmc = TemporaryCommitteeRule(
        min_size=7,
        odd=True,
        owners_at_least=Fraction(1, 2),
        max_term_years=3,
        decision_posting=Period(working_days=10),
        dissolve_within=Period(days=30),
        citation=art_52,
        chair_seat=Seat.RESIDENTS_COMMITTEE,
        vice_chair_seat=Seat.OWNER,
        grounds=(
            "the conditions for an assembly are not met",
            "the conditions are met but no assembly has been formed",
            "an assembly exists but no committee was elected",
        ),
    )
    return CommitteeParams(
        term=Param(TermRule(5, art_41), art_41),
        report=step_param(Step.REPORT, Step.EXPIRY, LEAD, Period(months=6), art_49),
        group_formed=step_param(Step.GROUP_FORMED, Step.REPORT, WITHIN, Period(days=60), art_49),
        assembly_notice=step_param(Step.ASSEMBLY_NOTICE, Step.VOTE, LEAD, Period(days=15), art_35),
        vote=step_param(
            Step.VOTE, Step.EXPIRY, Direction.BY, None, art_49, after=(Step.GROUP_FORMED,)
        ),
        result_posted=step_param(Step.RESULT_POSTED, Step.VOTE, WITHIN, Period(days=3), art_42),
        first_meeting=step_param(Step.FIRST_MEETING, Step.VOTE, WITHIN, Period(days=7), art_42),
        registration=step_param(Step.REGISTRATION, Step.VOTE, WITHIN, Period(days=30), art_42),
        vacancy=Param(VacancyRule(Fraction(1, 2), art_48), art_48),
        removal_grounds=Param((RemovalGround.ABSENCE, RemovalGround.NO_LONGER_ELIGIBLE), art_46),
        absence=Param(AbsenceRule(art_46, Fraction(1, 2), Period(years=1)), art_46),
        committee_meetings=Param(CadenceRule(Period(months=2), art_45), art_45),
        assembly_meetings=Param(CadenceRule(Period(years=1), art_35, "owners' assembly"), art_35),
        decision_posting=Param(
            PostingRule("committee decision", PostingKind.PROMPT, Period(days=3), art_45), art_45
        ),
        temporary_committee=Param(pmc, art_52),
    )


#: Beijing committee lifecycle, 2020 original (numbering of the 2024 text).
BEIJING_COMMITTEE_2020 = Layer(
    code="CN-BJ",
    name="CN-BJ: Beijing Regulation (2020 original, committee lifecycle)",
    valid_from=_2020,
    valid_to=date(2024, 3, 28),
    checked_on=CHECKED_ON,
    topic=Topic.COMMITTEE,
    committee=beijing_committee(_2020, numbering_confirmed=False),
    note="substance confirmed from 2020-05-01; article numbers follow the 2024 text",
)

#: Beijing committee lifecycle, 2024 text.
BEIJING_COMMITTEE_2024 = Layer(
    code="CN-BJ",
    name="CN-BJ: Beijing Regulation (2024 text, committee lifecycle)",
    valid_from=_2024,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.COMMITTEE,
    committee=beijing_committee(_2024, numbering_confirmed=True),
    note="2024 amended text; what the amendment changed is not identified",
)


#: Beijing: elections from 2020-05-01 (national voting rules apply).
JURISDICTION = Jurisdiction(
    code="CN-BJ",
    name="Beijing",
    checked_on=CHECKED_ON,
    layers=(
        BEIJING_ELECTIONS_2020,
        BEIJING_ELECTIONS_2024,
        BEIJING_COMMITTEE_2020,
        BEIJING_COMMITTEE_2024,
    ),
    references=("beijing_pm_regulation",),
    note="elections only; voting follows the Civil Code",
)
