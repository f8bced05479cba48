"""Staged procedures: the scenarios the mutants of ``voting.procedure`` called for.

Every refusal names its field, value and item exactly; a stored decision that disagrees names
where; the notices of ballots set aside, proxy breaches and bars read in full; and the engine's
edges: a test on one vote, a revote on ballots given once, three stages, an objection window
on a single stage, objections under a cap, a procedure whose own article is unconfirmed.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pytest

import community_governance as cg
from community_governance.jurisdictions import cn_extension, fr
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import (
    Condition,
    ConditionRole,
    FailureBar,
    ObjectionWindow,
    Procedure,
    ProxyLimit,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.voting.procedure import Outcome, ProcedureDecision, decide_procedure
from procedures import by, lots, tw_decision

ON = date(2026, 6, 1)
CITE = cg.Citation("library_design", "test")
E = cg.exceptions
DECLARED = next(iter(fr.LAYERS[0].procedures))
AGREE, ATTENDING, OBJECTING = ConditionRole.AGREE, ConditionRole.ATTENDING, ConditionRole.OBJECTING
GT, GE = cg.Comparator.MORE_THAN, cg.Comparator.AT_LEAST


def votes(choice: str, *units: int) -> list[cg.Ballot]:
    return [cg.Ballot(f"u{n}", choice) for n in units]


def condition(
    role: ConditionRole = AGREE,
    weight: Weight = Weight.SHARES,
    base: cg.Base = cg.Base.CAST,
    comparator: cg.Comparator = GT,
    ratio: str = "1/2",
    citation: cg.Citation = CITE,
) -> Condition:
    return Condition(role, weight, base, comparator, ratio, citation)


def one_stage(*tests: Condition, **options: Any) -> Procedure:
    stage_options = {k: options.pop(k) for k in ("objections", "bar") if k in options}
    return Procedure((Stage("s", tests, CITE, **stage_options),), CITE, **options)


def by_hand(
    estate: cg.Estate, ballots: Any, procedure: Procedure, **options: Any
) -> ProcedureDecision:
    return decide_procedure(estate, ballots, procedure=procedure, matter=DECLARED, **options)


def art_24(estate: cg.Estate, ballots: Any, **options: Any) -> ProcedureDecision:
    rules = cg.rules_for("FR", on=ON)
    return decide_procedure(estate, ballots, rules=rules, matter="art-24", **options)


def notice(decision: ProcedureDecision, code: str) -> cg.Notice:
    return next(n for n in decision.notices if n.code == code)


# --- every refusal names its field and value ----------------------------------------------


def test_wrong_estate_matter_rules_or_procedure_are_named() -> None:
    rules = cg.rules_for("FR", on=ON)
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure("x", [], rules=rules, matter="art-24")  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("estate", "x")
    assert info.value.message == "decide_procedure: estate must be an Estate"
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(lots(["1"]), [], rules=rules, matter=5)  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("matter", 5)
    assert info.value.message == (
        "decide_procedure: matter must be a DeclaredMatter or its code, not 5"
    )
    procedure = one_stage(condition())
    with pytest.raises(E.VotingInputError) as info:
        decide_procedure(lots(["1"]), [], rules=rules, procedure=procedure, matter=DECLARED)
    assert (info.value.field, info.value.value) == ("rules", rules)
    assert info.value.message.startswith(
        "decide_procedure: give rules= (with a matter or its code) or procedure= (with a "
        "DeclaredMatter), not both; got rules="
    )


def test_bad_capacities_are_named() -> None:
    bad = {"agent": 3}
    with pytest.raises(E.VotingInputError) as info:
        art_24(lots(["1"]), [], capacities=bad)
    assert (info.value.field, info.value.value) == ("capacities", bad)
    assert info.value.message == (
        "capacities must map proxy holders to capacities (str → str), not {'agent': 3}"
    )


def _objecting(objections: Any) -> ProcedureDecision:
    window = ObjectionWindow(7, (condition(OBJECTING, base=cg.Base.ALL),), CITE)
    procedure = one_stage(condition(), objections=window)
    return by_hand(lots(["1"] * 3), votes("agree", 0), procedure, objections=objections)


def test_bad_objections_are_named() -> None:
    with pytest.raises(E.VotingInputError) as info:
        _objecting("u0")
    assert (info.value.field, info.value.value) == ("objections", "u0")
    assert info.value.message == "objections must be an iterable of unit ids, not 'u0'"
    with pytest.raises(E.ProcedureInputError) as unknown:
        _objecting(["u0", "zz"])
    assert (unknown.value.field, unknown.value.value) == ("objections", "zz")
    assert unknown.value.message == "objection for 'zz': not a unit in the register"
    with pytest.raises(E.ProcedureInputError) as listed:
        _objecting([["u0"]])  # a list is not a unit id (nor hashable)
    assert (listed.value.field, listed.value.value) == ("objections", ["u0"])


# --- a stored decision that disagrees names where ------------------------------------------


def fr_passerelle() -> ProcedureDecision:
    rules = cg.rules_for("FR", on=ON)
    ballots = [cg.Ballot("u0", "agree"), cg.Ballot("u1", "abstain")]
    return decide_procedure(
        lots(["600", "100", "100", "100", "100"]), ballots, rules=rules, matter="art-25"
    )


def _refused(decision: ProcedureDecision, change: Any) -> E.DerivedFactMismatchError:
    data = decision.to_dict()
    change(data)
    with pytest.raises(E.DerivedFactMismatchError) as info:
        ProcedureDecision.from_dict(data)
    return info.value


def _swap_first_two(checks: list[Any]) -> None:
    checks[0], checks[1] = checks[1], checks[0]


STAGE = "ProcedureDecision.stages"
TAMPERED = [
    (lambda d: d.update(outcome="overturned"), "ProcedureDecision", "outcome", Outcome.OVERTURNED),
    (
        lambda d: d["stages"][0]["checks"][0].update(passed=True),
        f"{STAGE}[0].checks[0]",
        "passed",
        True,
    ),
    (
        lambda d: d["stages"][0]["checks"][2].update(numerator="7"),
        f"{STAGE}[0].checks[2]",
        "numerator",
        Fraction(7),
    ),
    (
        lambda d: d["stages"][0]["uncapped"][1].update(denominator="9"),
        f"{STAGE}[0].uncapped[1]",
        "denominator",
        Fraction(9),
    ),
    (
        lambda d: d["stages"][1]["floors"][0].update(passed=False),
        f"{STAGE}[1].floors[0]",
        "passed",
        False,
    ),
    (
        lambda d: d["stages"][1]["objections"][1].update(passed=True),
        f"{STAGE}[1].objections[1]",
        "passed",
        True,
    ),
    (lambda d: d["stages"][1].update(reached=False), f"{STAGE}[1]", "reached", False),
    (
        lambda d: _swap_first_two(d["stages"][0]["checks"]),
        f"{STAGE}[0].checks[0]",
        "condition",
        None,
    ),
]


@pytest.mark.parametrize(
    ("change", "what", "field", "stored"),
    TAMPERED,
    ids=["outcome", "check", "numerator", "uncapped", "floor", "objection", "reached", "order"],
)
def test_a_tampered_fact_is_named_with_where_it_is(
    change: Any, what: str, field: str, stored: object
) -> None:
    error = _refused(tw_decision(), change)
    assert (error.what, error.field) == (what, field)
    if stored is not None:
        assert error.stored == stored
        assert error.recomputed != stored


def test_a_tampered_length_count_or_entry_is_named() -> None:
    short = _refused(tw_decision(), lambda d: d["stages"][0]["checks"].pop())
    assert (short.what, short.field, short.stored, short.recomputed) == (
        f"{STAGE}[0].checks",
        "length",
        3,
        4,
    )
    missing = _refused(tw_decision(), lambda d: d["stages"][0]["counts"].pop("units"))
    assert (missing.what, missing.field) == (f"{STAGE}[0].checks[0]", "counts")
    assert (missing.stored, missing.recomputed) == (["area", "persons", "shares"], "units")
    entry = _refused(fr_passerelle(), lambda d: d["stages"][1]["entry"][0].update(passed=False))
    assert (entry.what, entry.field, entry.stored) == (f"{STAGE}[1].entry[0]", "passed", False)


def test_a_float_in_stored_data_is_named_by_its_path() -> None:
    data = fr_passerelle().to_dict()
    data["stages"][0]["counts"]["shares"]["total"] = 1.5
    with pytest.raises(E.InvalidDataError) as info:
        ProcedureDecision.from_dict(data)
    assert info.value.field == "ProcedureDecision.stages[0].counts.shares.total"


# --- notices: ballots set aside, proxy breaches, bars --------------------------------------


def test_ballots_set_aside_and_holders_unchecked_are_listed_in_full() -> None:
    unauthorised = cg.Proxy("p", written_authorisation=False)
    ballots = [cg.Ballot(f"u{n}", "agree", proxy=unauthorised) for n in (0, 1)]
    ballots += [*by("B", [2]), *by("A", [3]), cg.Ballot("u4", "agree")]
    decision = art_24(lots(["10"] * 5), ballots)
    aside = notice(decision, "proxy-without-authorisation")
    assert (
        aside.en == "ballots cast by a proxy without written authorisation were not counted: u0, u1"
    )
    assert aside.zh == "无书面委托的代理投票未计入：u0、u1"
    assert (aside.citation.instrument, aside.citation.article) == (
        "library_design",
        "procedure.ballots",
    )
    unchecked = notice(decision, "proxy-holder-unchecked")
    assert unchecked.en == (
        "who may hold a proxy was not checked for A, B: their capacity was not given (capacities=)"
    )
    assert unchecked.zh == "未提供代理人身份，未核查其是否可以担任代理人：A、B"


def test_tw_holder_not_allowed_reads_without_an_excluded_list() -> None:
    units = [cg.Unit(f"u{n}", "100", (f"o{n}",)) for n in range(10)]
    estate = cg.Estate(units=units, owners=[cg.Owner(f"o{n}") for n in range(10)])
    decision = decide_procedure(
        estate,
        by("h", [0]),
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
        capacities={"h": "friend"},
    )
    assert notice(decision, "proxy-holder-not-allowed").en == (
        "h (friend) may not hold a proxy (allowed: spouse, adult lineal relative, another owner, "
        "tenant); their delegations were not counted: o0"
    )


def test_a_count_limit_without_an_exception_reads_without_one() -> None:
    limit = ProxyLimit(Weight.PERSONS, (), (), 2, None, CITE)
    procedure = one_stage(condition(weight=Weight.PERSONS), proxies=limit)
    decision = by_hand(lots(["1"] * 5), by("h", [0, 1, 2]), procedure)
    assert decision.stages[0].counts[Weight.PERSONS].agree == 2
    exceeded = notice(decision, "proxy-limit-exceeded")
    assert exceeded.en == (
        "h holds 3 delegations, more than 2; the delegations beyond the limit were not counted: o2"
    )
    assert exceeded.zh == "h受托3份，超过2份，超出部分未计入：o2"


def _cn_barred(bar: FailureBar) -> ProcedureDecision:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cg.exceptions.StaleRuleSetWarning)
        rules = cg.rules_for("CN", on=date(2022, 6, 1))
    extension = cn_extension.Extension("x", cn_extension.ZHUHAI.entry, bar.citation, bar=bar)
    procedure = cn_extension.extended(rules, cg.Matter.OTHER_MAJOR_MATTER, extension)
    estate = cg.Estate(
        units=[cg.Unit(f"1-{n}", "100", (f"o{n}",)) for n in range(10)],
        owners=[cg.Owner(f"o{n}") for n in range(10)],
    )
    ballots = [cg.Ballot(f"1-{n}", "agree") for n in range(2)]
    matter = DeclaredMatter("m", "other major matter", "其他重大事项", CITE)
    return decide_procedure(estate, ballots, procedure=procedure, matter=matter, later=[ballots])


@pytest.mark.parametrize("lifted", [None, Fraction(2, 3)])
def test_a_bar_reads_in_full_with_its_article(lifted: Fraction | None) -> None:
    bar = FailureBar(6, lifted, cg.Citation("library_design", "bar"))
    barred = notice(_cn_barred(bar), "item-barred")
    assert barred.citation == bar.citation
    if lifted is None:
        assert barred.en == "the item is terminated and may not be put again for 6 months"
        assert barred.zh == "该事项终止，6个月内不得再次提出"
    else:
        assert barred.en == (
            "the item is terminated and may not be put again for 6 months, unless at least 2/3 "
            "of the owners' committee lifts the bar"
        )
        assert barred.zh == "该事项终止，6个月内不得再次提出，业主委员会2/3以上同意的除外"


# --- the engine's edges ----------------------------------------------------------------------


@pytest.mark.parametrize(("ballots", "passed"), [(["agree"], True), ([], False)])
def test_a_test_on_one_vote_or_none(ballots: list[str], passed: bool) -> None:
    # one agreeing person is 1 of 1 cast; nobody attending is 0 of 0, which never passes
    tests = (
        condition(weight=Weight.PERSONS),
        condition(ATTENDING, Weight.PERSONS, cg.Base.ATTENDING, GE, "1/2"),
    )
    cast = [cg.Ballot(f"u{n}", c) for n, c in enumerate(ballots)]
    decision = by_hand(lots(["1"] * 3), cast, one_stage(*tests))
    assert [c.passed for c in decision.stages[0].checks] == [passed, passed]
    assert decision.passed is passed


def test_a_same_meeting_revote_reuses_ballots_given_once() -> None:
    def ballots() -> Iterator[cg.Ballot]:
        yield cg.Ballot("u0", "agree")
        yield cg.Ballot("u1", "abstain")

    rules = cg.rules_for("FR", on=ON)
    estate = lots(["600", "100", "100", "100", "100"])
    decision = decide_procedure(estate, ballots(), rules=rules, matter="art-25")
    assert decision.passed and decision.stages[1].held
    assert decision.stages[1].counts[Weight.SHARES].agree == 400


def test_each_later_vote_gets_its_own_ballots() -> None:
    entry = StageEntry((), True, CITE)
    stages = tuple(
        Stage(name, (condition(base=cg.Base.ALL),), CITE, entry=None if n == 0 else entry)
        for n, name in enumerate(("first", "second", "third"))
    )
    estate = lots(["1"] * 5)
    decision = decide_procedure(
        estate,
        votes("agree", 0),
        procedure=Procedure(stages, CITE),
        matter=DECLARED,
        later=[votes("agree", 0, 1), votes("agree", 0, 1, 2)],
    )
    agree = [s.counts[Weight.SHARES].agree for s in decision.stages]
    assert agree == [1, 2, 3] and decision.passed


def test_an_objection_window_on_a_single_stage() -> None:
    window = ObjectionWindow(7, (condition(OBJECTING, base=cg.Base.ALL),), CITE)
    procedure = one_stage(condition(), objections=window)
    decision = by_hand(lots(["1"] * 3), votes("agree", 0), procedure, objections=["u1", "u2"])
    assert decision.outcome is Outcome.OVERTURNED
    objection = decision.stages[0].objections
    assert objection is not None and (objection[0].numerator, objection[0].denominator) == (2, 3)


def test_objections_are_counted_against_the_capped_total() -> None:
    # 60 of 100 shares: cut to the 40 of the others, and the total to 80 (loi 65-557 Art. 22)
    window = ObjectionWindow(7, (condition(OBJECTING, base=cg.Base.ALL),), CITE)
    procedure = one_stage(condition(), objections=window, caps=(fr.FR_CAP,))
    decision = by_hand(
        lots(["60", "20", "20"]),
        [*votes("agree", 0), *votes("oppose", 1)],
        procedure,
        objections=["u1", "u2"],
    )
    assert decision.outcome is Outcome.PASSED
    objection = decision.stages[0].objections
    assert objection is not None and (objection[0].numerator, objection[0].denominator) == (40, 80)


def test_a_procedure_whose_own_article_is_unconfirmed_is_flagged() -> None:
    unsure = cg.Citation("library_design", "procedure", confidence=cg.Confidence.MEDIUM)
    procedure = attrs.evolve(one_stage(condition()), citation=unsure)
    decision = by_hand(lots(["1"] * 3), votes("agree", 0), procedure)
    assert [n.citation for n in decision.notices if n.code == "unconfirmed-rule-used"] == [unsure]


def test_a_decision_by_hand_names_no_jurisdiction() -> None:
    decision = by_hand(lots(["1"] * 3), votes("agree", 0), one_stage(condition()))
    assert decision.jurisdiction == "" and decision.on is None
    assert repr(decision) == f"<ProcedureDecision PASSED: {DECLARED.code}; 1 stage(s) held>"


def test_a_row_splits_at_the_first_dash_and_the_first_source() -> None:
    # an instrument id that is not a known key is printed as given, dashes and all
    noted = cg.Citation("minutes — item 3 Source: the clerk", "3")
    decision = by_hand(lots(["1"] * 3), votes("agree", 0), one_stage(condition(citation=noted)))
    html = decision.stages[0].checks[0]._repr_html_()
    assert html.endswith(
        "<tr><td>✓ met</td><td>agree by shares: 1 of 1; required more than 1/2 of votes cast."
        "</td><td>minutes — item 3 Source: the clerk Art. 3 [high confidence]</td></tr>"
        "</tbody></table></div>"
    )
