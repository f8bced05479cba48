from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance._base.format import percent_text
from community_governance.elections import (
    SLATE_1234,
    Candidate,
    GroupMember,
    PositiveList,
    Priority,
    SlatePolicy,
    build_slate,
    candidate_rules,
    check_committee_size,
    check_group,
    composition,
    vet,
)
from community_governance.exceptions import BodyError, CandidateError, InvalidChoiceError
from community_governance.rules import (
    Eligibility,
    EligibilityRule,
    GroupKind,
    GroupRole,
    Requirement,
    Target,
)

CN = cg.rules_for("CN", on=date(2024, 5, 1))
SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
BJ = cg.rules_for("CN-BJ", on=date(2024, 5, 1))
TJ = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True)


# ------------------------------------------------------------------ committee size


@pytest.mark.parametrize(
    ("size", "allowed"), [(3, False), (4, False), (5, True), (11, True), (12, False), (13, False)]
)
def test_national_size_5_to_11_odd(size, allowed):
    assert check_committee_size(size, CN).allowed is allowed


def test_shanghai_three_at_10000_square_metres_both_sides():
    assert check_committee_size(3, SH, area=Decimal("10000")).allowed
    assert not check_committee_size(3, SH, area=Decimal("10000.01")).allowed
    assert check_committee_size(15, SH).allowed
    assert not check_committee_size(4, SH).allowed
    small = cg.Estate.from_records([{"unit": "1-1", "area": "10000", "owners": ["Li"]}])
    check = check_committee_size(3, SH, estate=small)
    assert check.allowed and "register" in check.reasons[0][1].citation.note


def test_beijing_three_at_100_households_both_sides_and_alternates():
    assert check_committee_size(3, BJ, households=100).allowed
    assert not check_committee_size(3, BJ, households=101).allowed
    rows = [{"unit": f"1-{i}", "area": "80", "owners": [f"o{i}"]} for i in range(101)]
    rows.append({"unit": "P-1", "area": "12", "owners": ["o0"], "use": "parking"})
    estate = cg.Estate.from_records(rows)
    assert not check_committee_size(3, BJ, estate=estate).allowed
    assert check_committee_size(5, BJ, alternates=5).allowed
    check = check_committee_size(5, BJ, alternates=6)
    assert not check.allowed
    assert "✗ alternates (6)" in check.explain()
    assert "委员会人数5人：不允许" in check.explain("zh")


def test_small_size_needs_its_figure():
    with pytest.raises(BodyError, match="area"):
        check_committee_size(3, SH)
    with pytest.raises(BodyError, match="households"):
        check_committee_size(3, BJ)


@pytest.mark.parametrize(
    ("size", "alternates", "field"), [(0, 0, "size"), (5, -1, "alternates"), (True, 0, "size")]
)
def test_bad_sizes(size, alternates, field):
    with pytest.raises(BodyError, match=field) as caught:
        check_committee_size(size, CN, alternates=alternates)
    assert caught.value.field == field


# ------------------------------------------------------------------ groups


def member(name, role, **kwargs):
    return GroupMember(name, role, **kwargs)


def test_four_party_group_valid_nationally():
    group = [
        member("o1", "owner-representative"),
        member("o2", "owner-representative"),
        member("o3", "owner-representative"),
        member("Dev", "developer"),
        member("Street", "street-office", leader=True),
        member("RC", "residents-committee"),
        member("o4", "owner-representative"),
    ]
    report = check_group(group, CN)
    assert report.valid and report.missing == ()
    assert "valid" in report.explain()


def test_owners_exactly_half_passes_less_fails_even_fails():
    base = [
        member("Dev", "developer"),
        member("S", "street-office", leader=True),
        member("RC", "residents-committee"),
    ]
    half = check_group(
        [
            *base,
            member("o1", "owner-representative"),
            member("o2", "owner-representative"),
            member("o3", "owner-representative"),
        ],
        CN,
    )
    assert not half.valid  # six members: even
    odd = check_group(
        [*base, member("o1", "owner-representative"), member("o2", "owner-representative")], CN
    )
    assert not odd.valid
    owners = {n.code: ok for ok, n in odd.checks}
    assert owners["group-owners-share"] is False


def test_missing_members_and_leader_reported():
    report = check_group(
        [
            member("o1", "owner-representative"),
            member("o2", "owner-representative"),
            member("X", "other"),
        ],
        BJ,
    )
    assert GroupRole.PARTY_ORGANISATION in report.missing
    assert GroupRole.RESIDENTS_COMMITTEE in report.missing
    assert not report.valid
    assert "不符合规定" in report.explain("zh")


def test_re_election_group_and_not_applicable_roles():
    group = [
        member("o1", "owner-representative"),
        member("o2", "owner-representative"),
        member("S", "street-office"),
    ]
    report = check_group(
        group, SH, kind="re_election_group", not_applicable=["residents-committee"]
    )
    assert report.valid
    assert report.kind is GroupKind.RE_ELECTION
    with pytest.raises(cg.exceptions.RuleSetError, match="re_election_group"):
        check_group(group, CN, kind=GroupKind.RE_ELECTION)


def test_bad_groups():
    with pytest.raises(BodyError, match="members"):
        check_group([], CN)
    with pytest.raises(InvalidChoiceError, match="'mayor'"):
        GroupMember("x", "mayor")
    assert GroupRole.DEVELOPER.label("zh") == "建设单位代表"


# ------------------------------------------------------------------ composition


@pytest.mark.parametrize(
    ("count", "total", "text"), [(5, 7, "71.4%"), (21, 39, "53.8%"), (4, 5, "80%"), (0, 0, "—")]
)
def test_case_percentages(count, total, text):
    assert percent_text(count, total) == text


def test_composition_with_tianjin_policy_target():
    members = [
        member(
            f"m{i}",
            "owner-representative",
            party_member=i < 21,
            age=30 + i % 20,
            occupation="teacher" if i % 2 else None,
        )
        for i in range(39)
    ]
    report = composition(members, rules=TJ)
    assert report.party.text() == "21 of 39 = ≈53.85%"
    ((target, met),) = report.targets
    assert met is True
    assert not target.citation.confirmed
    assert "policy, not an eligibility rule" in report.explain()
    assert "政策，非资格条件" in report.explain("zh")
    assert report.occupations[-1] == ("unknown", 20)
    assert report.age_range == (30, 49)
    assert report.mean_age == Fraction(sum(30 + i % 20 for i in range(39)), 39)


def test_default_tianjin_rules_carry_no_target():
    rules = cg.rules_for("CN-TJ", on=date(2024, 4, 30))
    report = composition([member("a", "owner-representative", party_member=True)], rules=rules)
    assert report.targets == ()


def test_targets_three_valued_with_unknowns():
    target = Target(Fraction(1, 2), cg.Citation("reported_practice", "x"))
    members = [
        member("a", "other", party_member=True),
        member("b", "other"),
        member("c", "other", party_member=False),
    ]
    report = composition(members, targets=[target])
    assert report.targets[0][1] is None
    assert "1 unknown" in report.party.text() and "情况不明" in report.party.text("zh")
    assert "待定" in report.explain("zh")
    missed = composition([member("a", "other", party_member=False)], targets=[target])
    assert missed.targets[0][1] is False
    assert "not met" in missed.explain()
    assert missed.age_range is None and missed.mean_age is None
    assert "Age unknown: 1" in missed.explain() and "年龄不明" in missed.explain("zh")


def test_composition_needs_members():
    with pytest.raises(BodyError, match="at least one member"):
        composition([])


# ------------------------------------------------------------------ slates


def test_slate_orders_by_declared_priorities_and_says_why():
    people = [
        Candidate("Wang", "w", willing=True, volunteer=True, recommendations=9),
        Candidate("Li", "l", willing=True, party_member=True),
        Candidate("Zhao", "z", willing=False, party_member=True),
        Candidate("Sun", "s", party_member=True),
        Candidate("Qian", "q", willing=True, volunteer=True, recommendations=3),
    ]
    slate = build_slate(people)
    assert slate.order == ("Li", "Wang", "Qian")
    assert slate.entries[0].reasons[0] == "party member: yes"
    left = {e.candidate: e.reasons[0] for e in slate.entries if e.position is None}
    assert left["Zhao"].startswith("declined")
    assert left["Sun"].startswith("willingness unknown")
    assert "not law" in slate.explain()
    assert "非法律规定" in slate.explain("zh")
    assert slate.policy.citation.instrument == "reported_practice"


def test_slate_ties_positive_list_and_vetting():
    rule = EligibilityRule(
        "r", "r", "r", (Requirement("arrears", False),), cg.Citation("estate_rules", "1")
    )
    layer = cg.jurisdictions.estate_layer(
        "lists", params={"candidate_rules": (rule,)}, clause="plan"
    )
    rules = cg.rules_for("CN", on=date(2009, 12, 15)).with_layer(layer)
    a = Candidate("A", "a", willing=True, arrears=False)
    b = Candidate("B", "b", willing=True)
    c = Candidate("C", "c", willing=True, arrears=True)
    d = Candidate("D", "d", willing=True, arrears=False)
    vettings = [vet(x, rules) for x in (a, b, c, d)]
    assert vettings[1].status is Eligibility.UNDETERMINED
    policy = SlatePolicy("positive list first", (Priority.POSITIVE_LIST,))
    slate = build_slate(
        [a, b, c, d],
        policy=policy,
        vettings=vettings,
        positive=PositiveList("p", ["D"], clause="plan"),
    )
    assert slate.order == ("D", "A", "B")
    assert "ordered by candidate id" in slate.entries[1].reasons[-1]
    assert any("undetermined" in r for r in slate.entries[2].reasons)
    assert slate.entries[3].reasons[0] == "ineligible: r"
    strict = build_slate(
        [a, b],
        policy=SlatePolicy("strict", (Priority.PARTY_MEMBER,), exclude_undetermined=True),
        vettings=vettings[:2],
    )
    assert strict.order == ("A",)
    with pytest.raises(CandidateError, match="'C'"):
        build_slate([a], vettings=[vettings[2]])


def test_unconfirmed_rule_inside_a_layer_is_left_out():
    weak = EligibilityRule(
        "weak",
        "w",
        "w",
        (Requirement("arrears", False),),
        cg.Citation("estate_rules", "1", confidence=cg.Confidence.LOW),
    )
    layer = cg.jurisdictions.estate_layer("weak", params={"candidate_rules": (weak,)}, clause="x")
    assert "weak" not in [r.code for r in candidate_rules(CN.with_layer(layer))]
    assert SLATE_1234.priorities[0] is Priority.PARTY_MEMBER


def test_custom_rules_without_parity():
    cite = cg.Citation("estate_rules", "9")
    layer = cg.jurisdictions.estate_layer(
        "custom bodies",
        params={
            "committee_size": cg.rules.SizeRule(4, 8, odd=False, citation=cite),
            "preparatory_group": cg.rules.GroupRule((), None, False, Fraction(2, 3), cite),
        },
        clause="9",
    )
    rules = CN.with_layer(layer)
    assert check_committee_size(4, rules).allowed
    report = check_group(
        [
            member("o1", "owner-representative"),
            member("o2", "owner-representative"),
            member("x", "other"),
        ],
        rules,
    )
    assert report.valid and len(report.checks) == 1


def test_share_ratio_and_whole_percentages():
    report = composition([member("a", "other", party_member=True, occupation="lawyer")])
    assert report.party.ratio == 1
    assert report.occupations == (("lawyer", 1),)
    assert percent_text(1, 3, 0) == "33%"
    assert cg.rules.Share(0, 0).ratio is None
