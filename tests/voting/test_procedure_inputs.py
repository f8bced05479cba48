"""Every bad input of the staged-procedure values and engine, with its error."""

from __future__ import annotations

import attrs
import pytest

import community_governance as cg
from community_governance.jurisdictions import fr, tw
from community_governance.rules.procedures import (
    Cap,
    Condition,
    ConditionRole,
    MinimumCount,
    Procedure,
    Stage,
    StageEntry,
    Weight,
)
from community_governance.voting.procedure import decide_procedure

CITE = cg.Citation("library_design", "test")
E = cg.exceptions
DECLARED = next(iter(fr.LAYERS[0].procedures))


def _estate() -> cg.Estate:
    units = [cg.Unit(f"u{n}", "10", (f"o{n}",), shares="10") for n in range(3)]
    units.append(cg.Unit("c", "10", ("o1", "o2"), shares="5"))
    owners = [cg.Owner(f"o{n}") for n in range(3)]
    return cg.Estate(units=units, owners=owners)


def _condition() -> Condition:
    return Condition(
        ConditionRole.AGREE, Weight.SHARES, cg.Base.CAST, cg.Comparator.MORE_THAN, "1/2", CITE
    )


def test_value_validators() -> None:
    with pytest.raises(E.InvalidRuleError):
        Condition("agree", "shares", "cast", "more-than", 0.5, CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidChoiceError):
        Condition("agree", "tantiemes", "cast", "more-than", "1/2", CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError, match="positive int"):
        MinimumCount(Weight.PERSONS, 0, CITE)
    with pytest.raises(E.InvalidRuleError, match="positive int"):
        MinimumCount(Weight.PERSONS, True, CITE)
    with pytest.raises(E.InvalidRuleError, match="weights"):
        Cap("share-of-total", (), "1/5", False, CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError, match="weights"):
        Cap("share-of-total", "units", "1/5", False, CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError, match="tests"):
        Stage("s", "x", CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError, match="Condition values"):
        Stage("s", ("x",), CITE)  # type: ignore[arg-type]
    stage = Stage("s", (_condition(),), CITE)
    later = Stage("t", (_condition(),), CITE, entry=StageEntry((), False, CITE))
    with pytest.raises(E.InvalidRuleError, match="non-empty tuple of Stage"):
        Procedure((), CITE)
    with pytest.raises(E.InvalidRuleError, match="non-empty tuple of Stage"):
        Procedure("s", CITE)  # type: ignore[arg-type]
    with pytest.raises(E.InvalidRuleError, match="entry condition"):
        Procedure((later,), CITE)
    with pytest.raises(E.InvalidRuleError, match="entry condition"):
        Procedure((stage, stage), CITE)
    assert Procedure((stage, later), CITE).weights == {Weight.SHARES}
    with pytest.raises(E.InvalidRuleError, match="positive int"):
        attrs_evolve_limit(0)
    assert tw.TW_PROXIES.max_delegations is None


def attrs_evolve_limit(count: int) -> object:
    limit = fr.FR_PROXY_LIMIT_2019
    return type(limit)(limit.weight, (), (), count, None, CITE)


def test_unit_shares_are_exact_positive_and_round_trip() -> None:
    with pytest.raises(E.InvalidAreaError, match="positive"):
        cg.Unit("u", "10", ("o",), shares="0")
    with pytest.raises(TypeError, match="float"):
        cg.Unit("u", "10", ("o",), shares=1.5)  # type: ignore[arg-type]
    unit = cg.Unit("u", "10", ("o",), shares="12.5")
    assert cg.Unit.from_dict(unit.to_dict()) == unit
    plain = cg.Unit("v", "10", ("o",))
    assert plain.shares is None and cg.Unit.from_dict(plain.to_dict()) == plain


def test_engine_inputs() -> None:
    est = _estate()
    proc = fr.FR_ART_24
    run = decide_procedure
    with pytest.raises(E.VotingInputError, match="estate"):
        run("x", [], procedure=proc, matter=DECLARED)  # type: ignore[arg-type]
    with pytest.raises(E.VotingInputError, match="procedure"):
        run(est, [], procedure="x", matter=DECLARED)  # type: ignore[arg-type]
    with pytest.raises(E.VotingInputError, match="iterable"):
        run(est, "u0", procedure=proc, matter=DECLARED)  # type: ignore[arg-type]
    with pytest.raises(E.VotingInputError, match="each ballot"):
        run(est, [("u0", "agree")], procedure=proc, matter=DECLARED)  # type: ignore[list-item]
    with pytest.raises(E.UnknownUnitError):
        run(est, [cg.Ballot("zz", "agree")], procedure=proc, matter=DECLARED)
    with pytest.raises(E.DuplicateBallotError):
        run(est, [cg.Ballot("u0", "agree")] * 2, procedure=proc, matter=DECLARED)
    units = [cg.Unit("a", "1", ("o",), shares="1"), cg.Unit("b", "1", ("o",), shares="1")]
    twice = cg.Estate(units=units, owners=[cg.Owner("o")])
    with pytest.raises(E.ConflictingBallotsError):
        run(
            twice,
            [cg.Ballot("a", "agree"), cg.Ballot("b", "oppose")],
            procedure=proc,
            matter=DECLARED,
        )
    both = [cg.Ballot("a", "agree"), cg.Ballot("b", "agree")]
    # one owner holding everything is cut to the sum of the others: nothing (Art. 22)
    assert not run(twice, both, procedure=proc, matter=DECLARED).passed
    uncapped = attrs.evolve(proc, caps=())
    assert run(twice, both, procedure=uncapped, matter=DECLARED).passed


def test_unauthorised_proxy_is_set_aside_with_a_notice() -> None:
    proxy = cg.Proxy("p", written_authorisation=False)
    d = decide_procedure(
        _estate(),
        [cg.Ballot("u0", "agree", proxy=proxy), cg.Ballot("u1", "oppose")],
        procedure=fr.FR_ART_24,
        matter=DECLARED,
    )
    assert not d.passed
    assert [n.code for n in d.notices] == ["proxy-without-authorisation"]
    assert "u0" in d.notices[0].text("zh")


def test_unconfirmed_citation_is_flagged() -> None:
    unsure = cg.Citation("library_design", "x", confidence=cg.Confidence.LOW)
    stage = Stage("s", (_condition(),), unsure)
    d = decide_procedure(
        _estate(), [cg.Ballot("u0", "agree")], procedure=Procedure((stage,), CITE), matter=DECLARED
    )
    assert [n.code for n in d.notices] == ["unconfirmed-rule-used"]
