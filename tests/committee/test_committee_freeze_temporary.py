"""The Shanghai freeze and the Beijing temporary property management committee."""

from __future__ import annotations

from datetime import date

import pytest
from committee_builders import rules

import community_governance as cg
from community_governance import committee as cm
from community_governance.calendar import WeekendCalendar
from community_governance.exceptions import CommitteeError, CommitteeInputError, FrozenMatterError
from community_governance.jurisdictions.cn_sh import SHANGHAI_MONEY_RULES

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
    assert cm.frozen_window(sh, done) == cm.FreezeWindow(date(2025, 3, 10), date(2025, 6, 20))
    assert cm.frozen_window(sh, {}) == cm.FreezeWindow(None)
    assert not cm.frozen_window(sh, {}).running
    assert cm.frozen_window(rules("CN-BJ"), LEDGER) == cm.FreezeWindow(None)
    # a vote recorded before the group formed does not close the window
    stale = {**LEDGER, "vote": date(2025, 3, 1)}
    assert cm.frozen_window(sh, stale) == cm.FreezeWindow(date(2025, 3, 10))
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
    assert wrong_chair.problems == (
        "no chair is a representative of the residents' or villagers' committee",
    )
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


# ---------------------------------------------------------------- decide(..., freeze=...)

WINDOW = cm.FreezeWindow(date(2025, 3, 10), date(2025, 6, 20))


@pytest.mark.parametrize(
    "matter",
    [
        cg.Matter.HIRE_OR_DISMISS_MANAGER,  # hiring or dismissing the property company
        cg.Matter.USE_MAINTENANCE_FUND,  # major repairs
        cg.Matter.REBUILD_OR_RENOVATE,
        cg.Matter.OTHER_MAJOR_MATTER,  # fee changes
    ],
)
def test_decide_refuses_a_frozen_matter_inside_the_window(matter: cg.Matter) -> None:
    for day in (date(2025, 3, 10), date(2025, 6, 20)):  # first and last frozen day
        sh_day = rules("CN-SH", day)
        with pytest.raises(FrozenMatterError, match=r"Art\. 28") as info:
            cg.decide(_estate(), _ballots(), matter=matter, rules=sh_day, freeze=WINDOW)
        assert info.value.window == (date(2025, 3, 10), date(2025, 6, 20))
        assert info.value.field == "matter" and info.value.value == matter.value
    for day in (date(2025, 3, 9), date(2025, 6, 21)):  # the day before and the day after
        decision = cg.decide(
            _estate(), _ballots(), matter=matter, rules=rules("CN-SH", day), freeze=WINDOW
        )
        assert decision.passed
        assert "freeze-not-declared" not in {n.code for n in decision.notices}


def test_fee_changes_and_the_property_company_are_frozen_in_shanghai(sh: cg.RuleSet) -> None:
    frozen = sh.committee.freeze
    assert frozen is not None
    fee = SHANGHAI_MONEY_RULES.fee_adjustment
    assert fee is not None and fee.matter in frozen.value.matters
    assert cg.Matter.HIRE_OR_DISMISS_MANAGER in frozen.value.matters
    assert cg.Matter.USE_MAINTENANCE_FUND in frozen.value.matters
    assert cg.Matter.ELECT_COMMITTEE not in frozen.value.matters


def test_a_vote_that_opened_before_the_window_and_closed_inside_is_refused() -> None:
    with pytest.raises(FrozenMatterError, match="until the new committee's election"):
        cg.decide(
            _estate(),
            _ballots(),
            matter="hire-or-dismiss-manager",
            rules=rules("CN-SH", date(2025, 3, 12)),
            opened=date(2025, 3, 1),
            freeze=cm.FreezeWindow(date(2025, 3, 10)),
        )
    # opened inside, closed after the window: still a vote during the freeze
    with pytest.raises(FrozenMatterError):
        cg.decide(
            _estate(),
            _ballots(),
            matter="hire-or-dismiss-manager",
            rules=rules("CN-SH", date(2025, 6, 25)),
            opened=date(2025, 6, 18),
            freeze=WINDOW,
        )


def test_undeclared_freeze_passes_with_a_notice_naming_the_article() -> None:
    april = rules("CN-SH", date(2025, 4, 1))
    decision = cg.decide(_estate(), _ballots(), matter="hire-or-dismiss-manager", rules=april)
    assert decision.passed
    notice = decision.notices[0]
    assert notice.code == "freeze-not-declared"
    assert "Art. 28" in notice.en and "换届" in notice.zh
    assert "freeze-not-declared" in decision.to_dict()["notices"][0]["code"]
    assert "Art. 28" in decision.explain() and "Art. 28" in decision._repr_html_()
    declared = cg.decide(
        _estate(),
        _ballots(),
        matter="hire-or-dismiss-manager",
        rules=rules("CN-SH", date(2025, 4, 1)),
        freeze=cm.FreezeWindow(None),
    )
    assert "freeze-not-declared" not in {n.code for n in declared.notices}


def test_no_freeze_in_the_rule_set_or_an_unfrozen_matter_gives_no_notice() -> None:
    for code, matter in (("CN-BJ", "hire-or-dismiss-manager"), ("CN-SH", "elect-committee")):
        decision = cg.decide(
            _estate(), _ballots(), matter=matter, rules=rules(code, date(2025, 4, 1)), freeze=WINDOW
        )
        assert "freeze-not-declared" not in {n.code for n in decision.notices}


def test_freeze_window_bad_inputs() -> None:
    with pytest.raises(cg.exceptions.VotingInputError, match="freeze"):
        cg.decide(
            _estate(),
            _ballots(),
            matter="elect-committee",
            rules=rules("CN-SH", date(2025, 4, 1)),
            freeze=(date(2025, 3, 10), None),  # type: ignore[arg-type]
        )
    with pytest.raises(cg.exceptions.InvalidParameterError, match="start"):
        cm.FreezeWindow(None, date(2025, 3, 10))
    with pytest.raises(cg.exceptions.InvalidParameterError, match="start"):
        cm.FreezeWindow(date(2025, 3, 10), date(2025, 3, 9))
    with pytest.raises(cg.exceptions.InvalidParameterError, match="date"):
        cm.FreezeWindow("2025-03-10")  # type: ignore[arg-type]


def test_freeze_window_describes_itself() -> None:
    assert cm.FreezeWindow(None).describe() == "no re-election running"
    assert cm.FreezeWindow(None).describe("zh") == "无换届进行"
    assert WINDOW.describe() == "from 2025-03-10 until 2025-06-20"
    assert WINDOW.describe("zh") == "自2025-03-10至2025-06-20"
    assert cm.FreezeWindow(date(2025, 3, 10)).describe("zh") == "自2025-03-10至新一届业主委员会选出"
    assert not cm.FreezeWindow(None).covers(date(2025, 1, 1), date(2030, 1, 1))
    assert cm.FreezeWindow(date(2025, 3, 10)).covers(date(2030, 1, 1), date(2030, 1, 1))


def test_shanxi_2026_temporary_committee_is_a_gap_with_a_notice() -> None:
    # the 2025 revision (in force 2026-01-01) provides a property management committee, but its
    # articles are not encoded: the committee topic says so, and no value is borrowed
    with pytest.warns(cg.exceptions.StaleRuleSetWarning):  # the data were checked in 2025
        sx = rules("CN-SX", date(2026, 2, 1))
    assert sx.committee.temporary_committee is None
    assert sx.committee.inactivity is None
    missing = [n for n in sx.notices if n.code == "layer-missing" and "committee" in n.en]
    assert len(missing) == 1 and "CN-SX" in missing[0].en
    with pytest.raises(CommitteeError, match="CN-SX"):
        cm.check_temporary_committee(_pmc(), rules=sx, on=date(2026, 2, 1))
