"""Properties of decide_procedure: caps never add weight, one more 'agree' never hurts."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import community_governance as cg
from community_governance.voting.procedure import Outcome, decide_procedure

ON = date(2026, 6, 1)
SINGLE = [
    (code, matter.code)
    for code in ("DE", "FR", "HK", "JP", "TW")
    for matter in cg.rules_for(code, on=ON).matters
    if len(cg.rules_for(code, on=ON).procedure(matter)[1].value.stages) == 1
]
CHOICES = st.sampled_from(["agree", "oppose", "abstain", "spoiled", None])


@st.composite
def votes(draw: st.DrawFn) -> tuple[cg.Estate, list[cg.Ballot]]:
    size = draw(st.integers(1, 8))
    owners = [draw(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"])) for _ in range(size)]
    units = [
        cg.Unit(
            f"u{n}", str(draw(st.integers(1, 200))), (owner,), shares=str(draw(st.integers(1, 900)))
        )
        for n, owner in enumerate(owners)
    ]
    estate = cg.Estate(units=units, owners=[cg.Owner(o) for o in sorted(set(owners))])
    by_owner = {owner: draw(CHOICES) for owner in owners}
    ballots = [cg.Ballot(u.id, by_owner[u.owners[0]]) for u in units if by_owner[u.owners[0]]]
    return estate, ballots


@settings(deadline=None, max_examples=60)
@given(votes(), st.sampled_from(SINGLE))
def test_one_more_agree_never_turns_a_pass_into_a_failure(
    drawn: tuple[cg.Estate, list[cg.Ballot]], key: tuple[str, str]
) -> None:
    estate, ballots = drawn
    matter, found = cg.rules_for(key[0], on=ON).procedure(key[1])
    procedure = found.value
    before = decide_procedure(estate, ballots, procedure=procedure, matter=matter)
    voted = {ballot.unit for ballot in ballots}
    owner_of = {unit.id: unit.owners[0] for unit in estate.units}
    for ballot in ballots:
        if ballot.choice is not cg.voting.Choice.AGREE:
            same = {u for u, o in owner_of.items() if o == owner_of[ballot.unit]}
            flipped = [cg.Ballot(b.unit, "agree") if b.unit in same else b for b in ballots]
            after = decide_procedure(estate, flipped, procedure=procedure, matter=matter)
            assert not (before.passed and not after.passed), (key, ballot)
            break
    assert voted <= set(owner_of)


@settings(deadline=None, max_examples=60)
@given(votes(), st.sampled_from(["TW", "FR"]))
def test_caps_never_add_weight(drawn: tuple[cg.Estate, list[cg.Ballot]], code: str) -> None:
    estate, ballots = drawn
    matter = "general-resolution" if code == "TW" else "art-24"
    declared, found = cg.rules_for(code, on=ON).procedure(matter)
    procedure = found.value
    decision = decide_procedure(estate, ballots, procedure=procedure, matter=declared)
    first = decision.stages[0]
    for weight, counts in first.counts.items():
        plain = first.counts_uncapped[weight]
        assert counts.agree <= plain.agree and counts.attending <= plain.attending
        assert counts.total <= plain.total
    assert decision.outcome in set(Outcome)
