"""Hangzhou (``CN-ZJ-HZ``): the Hangzhou Property Management Regulation (杭州市物业管理条例).

Encoded from the 2021 text (dated 2021-08-09; the day it took effect is unconfirmed and every
citation prints that), Arts. 20, 27, 28, 33 and 34: a committee of 5 to 11 members, odd, or 3
where the area has 100 households or fewer; a term of 3 to 5 years; in a contested (差额)
election, runners-up with the legally required votes become alternates, who have no vote and
take vacant seats; the committee reports 3 months before its term expires (Art. 33); records
are handed over within 10 days, to the new committee, else to the property management
committee, else to the residents' committee (Art. 34; the 10 days are read from the term's
expiry, as in the Guidance Rules); a departing member hands over within 7 days. Which of
Arts. 20, 27 and 28 holds the size, term, alternates and member-handover rules is not
identified, so those citations print the article number as unconfirmed.

Its parent in the registry is ``CN``: no Zhejiang (``CN-ZJ``) module is registered, and the
registry skips an unregistered intermediate code; once one is, it is stacked between them.
"""

from __future__ import annotations

from datetime import date

from community_governance._base.citations import Citation, Uncertain
from community_governance.jurisdictions.cn import CHECKED_ON, LEAD, WITHIN, step_param
from community_governance.rules.bodies import SizeRule
from community_governance.rules.committee import Recipient, Step, TermRule
from community_governance.rules.params import CommitteeParams, ElectionParams, Param
from community_governance.rules.periods import Period
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic

__all__ = ["HANGZHOU_COMMITTEE", "HANGZHOU_ELECTIONS", "JURISDICTION"]

_HZ = date(2021, 8, 9)


def _cite(article: str, *, number_known: bool = True) -> Citation:
    flags = {Uncertain.EFFECTIVE_DATE} | (set() if number_known else {Uncertain.ARTICLE_NUMBER})
    return Citation(
        "hangzhou_pm_regulation",
        article,
        text_version="2021",
        effective=_HZ,
        note="2021 text dated 2021-08-09"
        + ("" if number_known else "; content in Arts. 20, 27, 28, which one not identified"),
        uncertain=frozenset(flags),
    )


_SIZE, _TERM, _ALTERNATES, _MEMBER = (
    _cite(a, number_known=False) for a in ("20", "27", "28", "28")
)
_ART_33, _ART_34 = _cite("33"), _cite("34")

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
            SizeRule(5, 11, odd=True, citation=_SIZE, small_size=3, small_max_households=100),
            _SIZE,
        ),
        alternates_fill_vacancies=Param(True, _ALTERNATES),
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
        term=Param(TermRule(5, _TERM, min_years=3), _TERM),
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
            _MEMBER,
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
)
