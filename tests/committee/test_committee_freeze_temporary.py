"""The Shanghai freeze and the Beijing temporary property management committee."""

from __future__ import annotations

from datetime import date

import pytest
from committee_builders import rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.calendar import WeekendCalendar
from community_governance.exceptions import CommitteeError, CommitteeInputError, FrozenMatterError

LEDGER = {"report": date(2025, 1, 20), "group-formed": date(2025, 3, 10)}


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [{"unit": f"1-{n}", "area": "10", "owners": [f"O{n}"]} for n in range(4)]
    )


def _ballots() -> list[cg.Ballot]:
    return [cg.Ballot(f"1-{n}", "agree") for n in range(4)]


def test_freeze_window_both_sides(sh: cg.RuleSet) -> None:
    matter = cg.Matter.HIRE_OR_DISMISS_MANAGER
    assert cm.frozen_matters(sh, LEDGER, on=date(2025, 3, 9)) == ()
    assert matter in cm.frozen_matters(sh, LEDGER, on=date(2025, 3, 10))
    done = {**LEDGER, "vote": date(2025, 6, 20)}
    assert matter in cm.frozen_matters(sh, done, on=date(2025, 6, 20))
    assert cm.frozen_matters(sh, done, on=date(2025, 6, 21)) == ()
    assert cm.frozen_window(sh, done) == (date(2025, 3, 10), date(2025, 6, 20))
    assert cm.frozen_window(sh, {}) is None
    assert cm.frozen_window(rules("CN-BJ"), LEDGER) is None
    assert cg.Matter.ELECT_COMMITTEE not in cm.frozen_matters(sh, LEDGER, on=date(2025, 4, 1))


def test_check_not_frozen_refuses_with_the_article(sh: cg.RuleSet) -> None:
    with pytest.raises(FrozenMatterError, match=r"Art\. 28") as info:
        cm.check_not_frozen("hire-or-dismiss-manager", on=date(2025, 4, 1), rules=sh, done=LEDGER)
    assert info.value.window == (date(2025, 3, 10), None)
    assert "new committee's election" in str(info.value)
    with pytest.raises(FrozenMatterError, match="until 2025-06-20"):
        cm.check_not_frozen(
            cg.Matter.OTHER_MAJOR_MATTER,
            on=date(2025, 4, 1),
            rules=sh,
            done={**LEDGER, "vote": date(2025, 6, 20)},
        )
    cm.check_not_frozen("elect-committee", on=date(2025, 4, 1), rules=sh, done=LEDGER)
    with pytest.raises(cg.exceptions.InvalidChoiceError):
        cm.check_not_frozen("fees", on=date(2025, 4, 1), rules=sh, done=LEDGER)


def test_decide_unless_frozen() -> None:
    frozen = rules("CN-SH", date(2025, 4, 1))
    with pytest.raises(FrozenMatterError):
        cm.decide_unless_frozen(
            _estate(), _ballots(), matter="raise-maintenance-fund", rules=frozen, done=LEDGER
        )
    free = rules("CN-SH", date(2025, 3, 9))
    decision = cm.decide_unless_frozen(
        _estate(), _ballots(), matter="raise-maintenance-fund", rules=free, done=LEDGER
    )
    assert decision.passed


def _pmc(
    owners: int = 4, others: int = 3, chair: cm.Seat = cm.Seat.RESIDENTS_COMMITTEE
) -> cm.TemporaryCommittee:
    members = [
        cm.TemporaryMember(f"O{i}", cm.Seat.OWNER, cm.Role.VICE_CHAIR if i == 0 else cm.Role.MEMBER)
        for i in range(owners)
    ]
    members += [
        cm.TemporaryMember(f"R{i}", cm.Seat.RESIDENTS_COMMITTEE if i == 0 else cm.Seat.USER)
        for i in range(others)
    ]
    members[owners] = cm.TemporaryMember("R0", chair, cm.Role.CHAIR)
    return cm.TemporaryCommittee(date(2025, 1, 6), members)


def test_temporary_committee_make_up(bj: cg.RuleSet) -> None:
    ok = cm.check_temporary_committee(_pmc(), rules=bj, on=date(2025, 3, 1))
    assert ok.passed and str(ok).startswith("LAWFUL")
    assert repr(ok).startswith("<TemporaryCheck ") and "\n" not in repr(ok)
    small = cm.check_temporary_committee(_pmc(3, 3), rules=bj, on=date(2025, 3, 1))
    assert small.problems == ("6 members, fewer than 7", "6 members is not an odd number")
    few_owners = cm.check_temporary_committee(_pmc(3, 4), rules=bj, on=date(2025, 3, 1))
    assert few_owners.problems == ("3 owner members of 7, below 1/2",)
    wrong_chair = cm.check_temporary_committee(
        _pmc(chair=cm.Seat.USER), rules=bj, on=date(2025, 3, 1)
    )
    assert wrong_chair.problems == ("no chair representing residents-committee",)
    assert "NOT LAWFUL" in str(wrong_chair) and "<table>" in wrong_chair._repr_html_()
    assert not cm.check_temporary_committee(_pmc(), rules=bj, on=date(2028, 1, 6)).notices
    late = cm.check_temporary_committee(_pmc(), rules=bj, on=date(2028, 1, 7))
    assert late.passed and "general term of 3 years" in late.notices[0]


def test_temporary_quorum_and_decision(bj: cg.RuleSet) -> None:
    pmc = _pmc()
    cal = WeekendCalendar()
    owners = {"O0", "O1", "O2"}
    d = cm.temporary_decision(
        pmc,
        present=owners | {"R0"},
        signed=owners | {"R0"},
        decided_on=date(2025, 3, 3),
        rules=bj,
        calendar=cal,
    )
    assert d.quorum and d.passed and d.posting.end == date(2025, 3, 17)  # 10 working days
    assert str(d).startswith("PASSED") and "<table>" in d._repr_html_()
    assert repr(d).startswith("<TemporaryDecision ") and "\n" not in repr(d)
    # more than half of members but only half of the owner members: no quorum
    half = cm.temporary_decision(
        pmc,
        present={"O0", "O1", "R0", "R1"},
        signed=set(),
        decided_on=date(2025, 3, 3),
        rules=bj,
        calendar=cal,
    )
    assert not half.quorum and not half.passed and "not met" in str(half)
    few = cm.temporary_decision(
        pmc,
        present=owners | {"R0"},
        signed={"O0", "O1", "O2"},
        decided_on=date(2025, 3, 3),
        rules=bj,
        calendar=cal,
    )
    assert few.quorum and not few.passed
    with pytest.raises(CommitteeError, match="did not attend"):
        cm.temporary_decision(
            pmc, present={"O0"}, signed={"O1"}, decided_on=date(2025, 3, 3), rules=bj, calendar=cal
        )
    with pytest.raises(CommitteeError, match="not members"):
        cm.temporary_decision(
            pmc, present={"Z"}, signed=set(), decided_on=date(2025, 3, 3), rules=bj, calendar=cal
        )
    with pytest.raises(CommitteeInputError, match="present"):
        cm.temporary_decision(
            pmc, present="O0", signed=set(), decided_on=date(2025, 3, 3), rules=bj, calendar=cal
        )


def test_dissolution_and_missing_rule(bj: cg.RuleSet) -> None:
    due = cm.dissolution_deadline(date(2025, 3, 3), rules=bj, calendar=None)
    assert due.end == date(2025, 4, 2)
    with pytest.raises(CommitteeError, match="no temporary committee rule"):
        cm.dissolution_deadline(date(2025, 3, 3), rules=rules("CN-SH"), calendar=None)
    with pytest.raises(CommitteeError, match="twice"):
        cm.TemporaryCommittee(date(2025, 1, 6), [cm.TemporaryMember("A", cm.Seat.OWNER)] * 2)
