"""Hangzhou (``CN-ZJ-HZ``): the Hangzhou Property Management Regulation (杭州市物业管理条例).

Encoded from the 2021 text (second revision adopted 2021-06-29, approved by the province on
2021-07-30; taken as in force from 2021-08-09, a date that is unconfirmed and printed with every
citation):

* Art. 27: a committee of 5 to 11 members, odd, or 3 where the area has 100 households or fewer.
* Art. 28: in a contested (差额) election, runners-up with the legally required votes become
  alternates, who have no vote and fill vacancies in order of votes; if the members are still
  below the legal minimum or **not more than half** of the number the rules of procedure set,
  the committee is elected again (medium confidence here: checked against one published copy
  of the text only, so the rule is out of default rule sets).
* Art. 33: a term of 3 to 5 years; the committee reports to the street office 3 months before
  its term expires.
* Art. 34: within 10 days of the term's expiry (or the committee's early end) records and seals
  go to the new committee, else to the property management committee, else to the residents'
  committee; a member whose seat ends hands over within 7 days.
* Art. 19 (assembly notice 15 days before a regular meeting), Art. 26 (candidates posted 15 days
  before the election) and Art. 29 (decisions posted within 3 days) are encoded at medium
  confidence (one published copy), out of default rule sets. The legal minimum size in Art. 28's
  re-election trigger is not encoded.

Its declared parent is ``CN``: no Zhejiang (``CN-ZJ``) module is registered; once one is,
Hangzhou declares it as its parent and its layers stack between them.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation, Confidence, Uncertain
from community_governance.jurisdictions.cn import CHECKED_ON, LEAD, WITHIN, step_param
from community_governance.rules.bodies import SizeRule
from community_governance.rules.committee import (
    PostingKind,
    PostingRule,
    Recipient,
    Step,
    TermRule,
    VacancyRule,
)
from community_governance.rules.params import CommitteeParams, ElectionParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["HANGZHOU_COMMITTEE", "HANGZHOU_ELECTIONS", "JURISDICTION"]

_HZ = date(2021, 8, 9)


def _cite(article: str, *, confirmed: bool = True) -> Citation:
    return Citation(
        "hangzhou_pm_regulation",
        article,
        text_version="2021",
        effective=_HZ,
        confidence=Confidence.HIGH if confirmed else Confidence.MEDIUM,
        note="2021 text (adopted 2021-06-29, approved 2021-07-30)"
        + ("" if confirmed else "; checked against one published copy only"),
        uncertain=frozenset({Uncertain.EFFECTIVE_DATE}),
    )


_ART_27, _ART_28, _ART_33, _ART_34 = (_cite(a) for a in ("27", "28", "33", "34(1)"))
_ART_34_2 = _cite("34(2)")
_ART_19, _ART_26, _ART_28_2, _ART_29 = (
    _cite(a, confirmed=False) for a in ("19", "26", "28(2)", "29")
)

#: Hangzhou committee size and alternates (2021 text).
HANGZHOU_ELECTIONS = Layer(
    code="CN-ZJ-HZ",
    name="CN-ZJ-HZ: Hangzhou Regulation 2021 (elections)",
    valid_from=_HZ,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.ELECTIONS,
    elections=ElectionParams(
        committee_size=Param(
            SizeRule(5, 11, odd=True, citation=_ART_27, small_size=3, small_max_households=100),
            _ART_27,
        ),
        alternates_fill_vacancies=Param(True, _ART_28),
    ),
    note="committee size; runners-up as non-voting alternates",
)

#: Hangzhou term, 3-month report and handovers (2021 text).
HANGZHOU_COMMITTEE = Layer(
    code="CN-ZJ-HZ",
    name="CN-ZJ-HZ: Hangzhou Regulation 2021 (committee lifecycle)",
    valid_from=_HZ,
    valid_to=None,
    checked_on=CHECKED_ON,
    topic=Topic.COMMITTEE,
    committee=CommitteeParams(
        term=Param(TermRule(5, _ART_33, min_years=3), _ART_33),
        assembly_notice=step_param(Step.ASSEMBLY_NOTICE, Step.VOTE, LEAD, Period(days=15), _ART_19),
        candidates_posted=step_param(
            Step.CANDIDATES_POSTED, Step.VOTE, LEAD, Period(days=15), _ART_26
        ),
        vacancy=Param(VacancyRule(Fraction(1, 2), _ART_28_2, at_share_too=True), _ART_28_2),
        decision_posting=Param(
            PostingRule("committee decision", PostingKind.PROMPT, Period(days=3), _ART_29),
            _ART_29,
        ),
        report=step_param(Step.REPORT, Step.EXPIRY, LEAD, Period(months=3), _ART_33),
        handover=step_param(
            Step.HANDOVER,
            Step.EXPIRY,
            WITHIN,
            Period(days=10),
            _ART_34,
            recipients=(
                Recipient.NEW_COMMITTEE,
                Recipient.PROPERTY_MANAGEMENT_COMMITTEE,
                Recipient.RESIDENTS_COMMITTEE,
            ),
        ),
        member_handover=step_param(
            Step.HANDOVER,
            Step.SEAT_ENDED,
            WITHIN,
            Period(days=7),
            _ART_34_2,
            recipients=(Recipient.COMMITTEE,),
        ),
    ),
    note="term, 3-month report, handovers",
)

#: Hangzhou: committee size, alternates, term, report and handovers (2021 text).
JURISDICTION = Jurisdiction(
    code="CN-ZJ-HZ",
    name="Hangzhou",
    checked_on=CHECKED_ON,
    layers=(HANGZHOU_ELECTIONS, HANGZHOU_COMMITTEE),
    references=("hangzhou_pm_regulation",),
    note="no Hangzhou voting rules encoded (e-voting defaults are not rules of threshold)",
    parent="CN",
)
