"""Cases 1-3 of the reference material, re-enacted in a few lines each."""

from datetime import date

import community_governance as cg
from community_governance.audit import reported_percentage
from community_governance.elections import (
    Candidate,
    ElectionBallot,
    GroupMember,
    NegativeList,
    build_slate,
    check_group,
    composition,
    elect,
    vet,
)
from community_governance.rules import Disqualification, Eligibility


def test_case_1_caoyang_negative_list_slate_and_party_share():
    rules = cg.rules_for("CN-SH", on=date(2024, 6, 1))
    negative = NegativeList(
        "negative list",
        [
            Disqualification.ILLEGAL_CONSTRUCTION,
            Disqualification.REFUSES_FEES,
            Disqualification.ILLEGAL_RENTING,
        ],
        clause="re-election plan",
    )
    refuser = Candidate("Wu", "w", willing=True, refuses_fees=True)
    assert vet(refuser, rules, lists=[negative]).status is Eligibility.INELIGIBLE
    slate = build_slate(
        [refuser, Candidate("Li", "l", willing=True)],
        vettings=[vet(refuser, rules, lists=[negative])],
    )
    assert slate.order == ("Li",)
    committee = [GroupMember(str(i), "owner-representative", party_member=i < 5) for i in range(7)]
    assert composition(committee).party.text() == "5 of 7 = ≈71.43%"
    assert reported_percentage(7, "71.4").fits == (5,)


def test_case_2_hongcheng_group_two_rounds_and_dispute_rate():
    tj = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True)
    group = [GroupMember(f"o{i}", "owner-representative") for i in range(3)] + [
        GroupMember("street", "street-office", leader=True),
        GroupMember("rc", "residents-committee"),
    ]
    assert check_group(group, tj, not_applicable=["developer"]).valid
    estate = cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": "80", "owners": [f"o{i}"]} for i in range(30)]
    )
    first = elect(
        estate,
        [ElectionBallot(u.id, ["A", "B", "C"]) for u in estate.units[:25]],
        candidates=list("ABCDEF"),
        seats=5,
        rules=tj,
    )
    second = elect(
        estate,
        [ElectionBallot(u.id, ["D", "E"]) for u in estate.units[:24]],
        rules=tj,
        previous=first,
    )
    assert second.all_elected == ("A", "B", "C", "D", "E")
    reps = [GroupMember(str(i), "owner-representative", party_member=i < 21) for i in range(39)]
    assert composition(reps, rules=tj).targets[0][1] is True
    assert composition(reps[:4] + reps[-1:]).party.text() == "4 of 5 = 80.00%"
    assert reported_percentage(103, "96.8").fits == ()


def test_case_3_mayflower_re_election_group_and_public_count():
    sh = cg.rules_for("CN-SH", on=date(2024, 11, 30))
    group = [GroupMember(f"o{i}", "owner-representative") for i in range(3)] + [
        GroupMember("street", "street-office", leader=True),
        GroupMember("rc", "residents-committee"),
    ]
    assert check_group(group, sh, kind="re_election_group").valid
    estate = cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": "100", "owners": [f"o{i}"]} for i in range(9)]
    )
    result = elect(
        estate,
        [ElectionBallot(u.id, ["HK owner", "Lawyer", "Accountant"]) for u in estate.units],
        candidates=["HK owner", "Lawyer", "Accountant"],
        seats=3,
        rules=sh,
    )
    assert result.elected == ("HK owner", "Lawyer", "Accountant") or set(result.elected) == {
        "HK owner",
        "Lawyer",
        "Accountant",
    }
    assert cg.elections.check_committee_size(3, sh, estate=estate).allowed
