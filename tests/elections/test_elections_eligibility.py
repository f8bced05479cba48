from datetime import date

import pytest
from election_facts import GOOD

import community_governance as cg
from community_governance.elections import (
    Candidate,
    NegativeList,
    PositiveList,
    Vetting,
    candidate_rules,
    vet,
)
from community_governance.exceptions import CandidateError, EligibilityError
from community_governance.rules import Disqualification, Eligibility, EligibilityRule, Requirement

SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
BJ = cg.rules_for("CN-BJ", on=date(2024, 5, 1))


def estate() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "90", "owners": ["Li"]},
            {"unit": "1-102", "area": "90", "owners": ["Corp"]},
        ],
        owners=[
            cg.Owner("Li", capacity="full"),
            cg.Owner("Corp", kind="organisation"),
        ],
    )


def test_fully_declared_candidate_is_eligible_in_shanghai():
    result = vet(Candidate("Li", "Li", **GOOD), SH)
    assert result.status is Eligibility.ELIGIBLE
    assert result.missing == ()
    assert result.failed == ()


def test_one_bar_makes_ineligible_with_article():
    result = vet(Candidate("Li", "Li", **{**GOOD, "arrears": True}), SH)
    assert result.status is Eligibility.INELIGIBLE
    (failed,) = result.failed
    assert failed.rule.code == "bar:arrears"
    assert failed.rule.citation.article == "20(2)"
    assert failed.facts == (("arrears", True),)


def test_unknown_fact_is_undetermined_and_named():
    facts = {**GOOD, "illegal_renting": None}
    result = vet(Candidate("Li", "Li", **facts), SH)
    assert result.status is Eligibility.UNDETERMINED
    assert result.missing == ("illegal_renting",)
    assert "illegal_renting" in result.explain()
    assert "缺少" in result.explain("zh")


def test_ineligible_beats_undetermined():
    facts = {**GOOD, "illegal_renting": None, "arrears": True}
    assert vet(Candidate("Li", "Li", **facts), SH).status is Eligibility.INELIGIBLE


def test_national_has_no_arrears_bar_but_shanghai_does():
    national = cg.rules_for("CN", on=date(2024, 5, 1))
    codes = {rule.code for rule in candidate_rules(national)}
    assert "bar:arrears" not in codes
    assert "bar:arrears" in {rule.code for rule in candidate_rules(SH)}


def test_beijing_bars_judgment_defaulters_and_overrides_by_code():
    rules = candidate_rules(BJ)
    codes = [rule.code for rule in rules]
    assert "bar:judgment_defaulter" in codes
    assert codes.count("law-abiding") == 1
    law = next(rule for rule in rules if rule.code == "law-abiding")
    assert law.citation.instrument == "beijing_pm_regulation"
    assert vet(Candidate("Li", "Li", **{**GOOD, "judgment_defaulter": True}), BJ).status is (
        Eligibility.INELIGIBLE
    )


def test_beijing_2020_layer_is_in_defaults_with_its_numbering_flagged():
    rules = cg.rules_for("CN-BJ", on=date(2023, 1, 1))
    beijing = [
        r for r in candidate_rules(rules) if r.citation.instrument == "beijing_pm_regulation"
    ]
    assert beijing
    assert all("article number unconfirmed" in r.citation.format() for r in beijing)
    before = cg.rules_for("CN-BJ", on=date(2020, 4, 30))
    assert all(r.citation.instrument != "beijing_pm_regulation" for r in candidate_rules(before))


def test_residence_requirement_from_estate_layer_both_sides():
    layer = cg.jurisdictions.estate_layer(
        "Estate candidate rules",
        params={"candidate_residence_years": 2},
        clause="candidate rules 3",
    )
    rules = BJ.with_layer(layer)
    assert candidate_rules(rules)[-1].code == "residence"
    one = vet(Candidate("Li", "Li", **GOOD, residence_years=1), rules)
    two = vet(Candidate("Li", "Li", **GOOD, residence_years=2), rules)
    assert one.status is Eligibility.INELIGIBLE
    assert two.status is Eligibility.ELIGIBLE


def test_register_fills_owner_and_capacity():
    result = vet(Candidate("Li", "Li"), SH, estate=estate())
    assert result.candidate.owner_in_area is True
    assert result.candidate.full_capacity is True
    assert result.notices[0].code == "facts-from-register"
    outsider = vet(Candidate("X", "Nobody"), SH, estate=estate())
    assert outsider.candidate.owner_in_area is False
    assert outsider.status is Eligibility.INELIGIBLE
    corp = vet(Candidate("Wu", "Corp", person="Wu"), SH, estate=estate())
    assert corp.candidate.full_capacity is None
    declared = vet(
        Candidate("Li", "Li", owner_in_area=True, full_capacity=True), SH, estate=estate()
    )
    assert declared.notices == ()


def test_negative_list_adds_estate_bars():
    negative = NegativeList(
        "Caoyang negative list",
        [Disqualification.ILLEGAL_CONSTRUCTION, Disqualification.REFUSES_FEES],
        clause="re-election plan, negative list",
    )
    result = vet(Candidate("Li", "Li", **GOOD, refuses_fees=True), SH, lists=[negative])
    assert result.status is Eligibility.INELIGIBLE
    assert result.failed[0].rule.citation.instrument == "estate_rules"


def test_no_rules_before_guidance_rules():
    rules = cg.rules_for("CN", on=date(2009, 12, 15))
    result = vet(Candidate("Li", "Li"), rules)
    assert result.status is Eligibility.ELIGIBLE
    assert result.notices[0].code == "no-candidate-rules"


def test_vetting_round_trip_and_html():
    result = vet(Candidate("Li", "Li", **{**GOOD, "arrears": None}), SH)
    assert Vetting.from_dict(result.to_dict()) == result
    assert "Candidate Li" in result._repr_html_()


def test_candidate_round_trip_and_unknown_facts():
    candidate = Candidate("Li", "Li", party_member=True, age=40)
    assert Candidate.from_dict(candidate.to_dict()) == candidate
    assert "party_member" not in candidate.unknown
    assert "willing" in candidate.unknown
    assert candidate.fact("age") == 40


def test_disqualification_labels():
    assert Disqualification.ILLEGAL_RENTING.label("zh") == "违法出租房屋"
    assert Disqualification.ILLEGAL_RENTING.label() == "illegal renting"
    assert Eligibility.UNDETERMINED.label("zh").startswith("待定")


def test_positive_list_members():
    assert PositiveList("p", ["Li"], clause="c").members == frozenset({"Li"})


# ------------------------------------------------------------------ bad inputs


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"id": "", "owner": "Li"}, "id"),
        ({"id": "Li", "owner": 3}, "owner"),
        ({"id": "Li", "owner": "Li", "arrears": "yes"}, "arrears"),
        ({"id": "Li", "owner": "Li", "age": -1}, "age"),
        ({"id": "Li", "owner": "Li", "age": True}, "age"),
    ],
)
def test_bad_candidate(kwargs, named):
    with pytest.raises(CandidateError, match=named):
        Candidate(**kwargs)


def test_unknown_fact_name():
    with pytest.raises(CandidateError, match="'colour'"):
        Candidate("Li", "Li").fact("colour")


def test_bad_requirements():
    with pytest.raises(EligibilityError, match="'colour'"):
        Requirement("colour", True)
    with pytest.raises(EligibilityError, match="'arrears'"):
        Requirement("arrears", 1)
    with pytest.raises(EligibilityError, match="'age'"):
        Requirement("age", True)
    with pytest.raises(EligibilityError, match="'empty'"):
        EligibilityRule("empty", "e", "e", (), cg.Citation("estate_rules", "1"))


def test_bad_negative_list_item():
    with pytest.raises(EligibilityError, match="'arrears'"):
        NegativeList("n", ["arrears"], clause="c")
