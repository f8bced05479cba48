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

from datetime import date
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Uncertain
from community_governance.jurisdictions.cn import CHECKED_ON, condition
from community_governance.rules.bodies import GroupRole, GroupRule, SizeRule
from community_governance.rules.eligibility import Disqualification, EligibilityRule
from community_governance.rules.params import ElectionParams, Param
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["BEIJING_ELECTIONS_2020", "BEIJING_ELECTIONS_2024", "JURISDICTION", "beijing_params"]

_2020 = date(2020, 5, 1)
_2024 = date(2024, 3, 29)


def beijing_params(effective: date, *, numbering_confirmed: bool) -> ElectionParams:
    """The Beijing election parameters, cited to the 2024 text's articles.

    Args:
        effective: When the text took effect.
        numbering_confirmed: ``False`` for the 2020 original, whose article numbers are assumed
            to match the 2024 text (printed with every citation).
    """

    def cite(article: str) -> Citation:
        return Citation(
            "beijing_pm_regulation",
            article,
            text_version="2024",
            effective=effective,
            note="article numbers of the 2024 text",
            uncertain=frozenset() if numbering_confirmed else frozenset({Uncertain.ARTICLE_NUMBER}),
        )

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


#: Beijing: elections from 2020-05-01 (national voting rules apply).
JURISDICTION = Jurisdiction(
    code="CN-BJ",
    name="Beijing",
    checked_on=CHECKED_ON,
    layers=(BEIJING_ELECTIONS_2020, BEIJING_ELECTIONS_2024),
    references=("beijing_pm_regulation",),
    note="elections only; voting follows the Civil Code",
)
