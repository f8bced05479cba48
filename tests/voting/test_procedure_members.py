"""Member rolls, ballots, proxy limits and caps of a staged procedure, pinned exactly.

The scenarios the mutants of ``voting._members`` called for: every error names its field, value
and unit; a member's weights add up over its units; a ballot set aside does not stop the count;
every holder is checked; the proxy cap and the sum-of-others cap on both sides of their bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.jurisdictions import fr
from community_governance.rules.procedures import (
    Cap,
    CapKind,
    Condition,
    ConditionRole,
    Procedure,
    Stage,
    Weight,
)
from community_governance.voting.procedure import ProcedureDecision, decide_procedure
from procedures import by, lots

ON = date(2026, 6, 1)
CITE = cg.Citation("library_design", "test")
E = cg.exceptions
DECLARED = next(iter(fr.LAYERS[0].procedures))


def art_24(
    estate: cg.Estate, ballots: Sequence[cg.Ballot], capacities: dict[str, str] | None = None
) -> ProcedureDecision:
    rules = cg.rules_for("FR", on=ON)
    return decide_procedure(estate, ballots, rules=rules, matter="art-24", capacities=capacities)


def notice(decision: ProcedureDecision, code: str) -> cg.Notice:
    return next(n for n in decision.notices if n.code == code)


# --- every bad ballot names its field, value and unit -------------------------------------


def test_ballots_that_are_not_an_iterable_of_ballot_name_the_argument() -> None:
    estate = lots(["10"] * 3)
    with pytest.raises(E.VotingInputError) as info:
        art_24(estate, "u0")  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("ballots", "u0")
    assert info.value.message == "ballots must be an iterable of Ballot, not 'u0'"
    pair = ("u0", "agree")
    with pytest.raises(E.VotingInputError) as info:
        art_24(estate, [pair])  # type: ignore[list-item]
    assert (info.value.field, info.value.value) == ("ballots", pair)
    assert info.value.message == "each ballot must be a Ballot, not ('u0', 'agree')"


def test_unknown_and_duplicate_units_are_named() -> None:
    estate = lots(["10"] * 3)
    with pytest.raises(E.UnknownUnitError) as unknown:
        art_24(estate, [cg.Ballot("u0", "agree"), cg.Ballot("zz", "agree")])
    assert unknown.value.unit == "zz"
    assert unknown.value.message == "ballot for unit 'zz': not in the register"
    with pytest.raises(E.DuplicateBallotError) as twice:
        art_24(estate, [cg.Ballot("u1", "agree"), cg.Ballot("u1", "agree")])
    assert twice.value.unit == "u1"
    assert twice.value.message == "unit 'u1' has more than one ballot"


def test_split_ballots_of_co_owners_name_the_member_and_the_unit() -> None:
    units = [
        cg.Unit("a", "10", ("o2", "o1"), shares="10"),
        cg.Unit("b", "10", ("o1", "o2"), shares="10"),
        cg.Unit("c", "10", ("o3",), shares="30"),
    ]
    owners = [cg.Owner(f"o{n}") for n in (1, 2, 3)]
    estate = cg.Estate(units=units, owners=owners)
    with pytest.raises(E.ConflictingBallotsError) as info:
        art_24(estate, [cg.Ballot("a", "agree"), cg.Ballot("b", "oppose")])
    assert (info.value.person, info.value.units) == ("o1, o2", ("b",))
    assert info.value.message == "ballots of member o1, o2 disagree (unit b)"


def test_a_unit_without_shares_is_named() -> None:
    units = [cg.Unit("u0", "10", ("o0",), shares="10"), cg.Unit("u1", "10", ("o1",))]
    estate = cg.Estate(units=units, owners=[cg.Owner("o0"), cg.Owner("o1")])
    with pytest.raises(E.ProcedureInputError) as info:
        art_24(estate, [])
    assert (info.value.field, info.value.value) == ("shares", "u1")


# --- the roll and the ballots ------------------------------------------------------------


def test_a_member_s_shares_add_up_over_its_units() -> None:
    units = [
        cg.Unit("u0", "10", ("o0",), shares="10"),
        cg.Unit("u1", "10", ("o1",), shares="10"),
        cg.Unit("a", "10", ("o",), shares="3"),
        cg.Unit("b", "10", ("o",), shares="4"),
    ]
    estate = cg.Estate(units=units, owners=[cg.Owner(o) for o in ("o0", "o1", "o")])
    counts = art_24(estate, [cg.Ballot("a", "agree")]).stages[0].counts[Weight.SHARES]
    assert (counts.total, counts.agree) == (27, 7)


def test_an_unauthorised_proxy_ballot_does_not_stop_the_count() -> None:
    unauthorised = cg.Ballot("u0", "oppose", proxy=cg.Proxy("p", written_authorisation=False))
    decision = art_24(lots(["10"] * 3), [unauthorised, cg.Ballot("u1", "agree")])
    counts = decision.stages[0].counts[Weight.SHARES]
    assert (counts.agree, counts.oppose, counts.attending) == (10, 0, 10)
    assert decision.passed
    assert notice(decision, "proxy-without-authorisation").en.endswith(": u0")


# --- proxy limits ------------------------------------------------------------------------


def test_every_holder_is_checked_after_one_whose_capacity_is_not_given() -> None:
    ballots = [*by("N", [0]), *by("S", [1, 2])]
    decision = art_24(lots(["100"] * 10), ballots, capacities={"S": "syndic"})
    assert decision.stages[0].counts[Weight.SHARES].agree == 100  # only N's delegation
    barred = notice(decision, "proxy-holder-not-allowed")
    assert barred.en.startswith("S (syndic) may not hold a proxy")
    assert barred.en.endswith("their delegations were not counted: o1; o2")
    assert "N" in notice(decision, "proxy-holder-unchecked").en


def test_the_unconfirmed_exception_notice_names_the_holder_and_the_count() -> None:
    # 50 lots of 10: five delegations (50) stay within 10% of 500, a share still unconfirmed
    decision = art_24(lots(["10"] * 50), by("agent", [45, 46, 47, 48, 49]))
    assert decision.stages[0].counts[Weight.SHARES].agree == 50
    flag = notice(decision, "proxy-limit-exception-unconfirmed")
    assert flag.en == (
        "agent holds 5 delegations, more than 3; they were counted because the holder's votes "
        "stay within 1/10 of all votes, a share that is unconfirmed: o48; o49"
    )
    assert flag.zh.startswith("agent受托5份，超过3份；")


# --- caps ---------------------------------------------------------------------------------


@pytest.mark.parametrize("held", [[0], [0, 1], [0, 1, 2]])
def test_tw_proxy_holder_cap_at_the_bound_and_above(held: list[int]) -> None:
    # five units of 200 m²: 1/5 is one unit and 200 m², what the first delegation brings
    units = [cg.Unit(f"u{n}", "200", (f"o{n}",)) for n in range(5)]
    estate = cg.Estate(units=units, owners=[cg.Owner(f"o{n}") for n in range(5)])
    decision = decide_procedure(
        estate,
        by("h", held),
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
        capacities={"h": "tenant"},
    )
    counts, uncapped = decision.stages[0].counts, decision.stages[0].counts_uncapped
    assert (counts[Weight.AREA].agree, counts[Weight.UNITS].agree) == (200, 1)
    assert uncapped[Weight.AREA].agree == 200 * len(held)


def _sum_of_others(ratio: Fraction) -> Procedure:
    test = Condition(
        ConditionRole.AGREE, Weight.SHARES, cg.Base.ALL, cg.Comparator.MORE_THAN, "1/2", CITE
    )
    cap = Cap(CapKind.SUM_OF_OTHERS, (Weight.SHARES,), ratio, False, CITE)
    return Procedure((Stage("s", (test,), CITE),), CITE, caps=(cap,))


@pytest.mark.parametrize(
    ("largest", "counted", "total"),
    [("6", 6, 10), ("7", 3, 6)],  # 6 of 10 is 3/5: not above it, nothing cut
)
def test_sum_of_others_cap_at_its_bound_and_above(largest: str, counted: int, total: int) -> None:
    rest = str(10 - int(largest))
    decision = decide_procedure(
        lots([largest, rest]),
        [cg.Ballot("u0", "agree")],
        procedure=_sum_of_others(Fraction(3, 5)),
        matter=DECLARED,
    )
    counts = decision.stages[0].counts[Weight.SHARES]
    assert (counts.agree, counts.total) == (counted, total)
    assert decision.stages[0].counts_uncapped[Weight.SHARES].agree == int(largest)
