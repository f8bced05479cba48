"""The details the mutation run found unpinned in `decide`: the value each argument error
carries, and the bound of twenty persons named in the partial-ballots notice."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import community_governance as cg
from community_governance.exceptions import VotingInputError

ON = date(2024, 5, 1)
CN = cg.rules_for("CN", on=ON)


def _estate(persons: int) -> cg.Estate:
    rows = [
        {"unit": f"{p}-{u}", "area": "10", "owners": [f"P{p:02d}"]}
        for p in range(persons)
        for u in (1, 2)
    ]
    return cg.Estate.from_records(rows)


@pytest.mark.parametrize("field", ["estate", "rules", "opened", "ballots"])
def test_each_argument_error_carries_the_value_given(field: str) -> None:
    bad: dict[str, object] = {
        "estate": "not an estate",
        "rules": "CN",
        "opened": datetime(2024, 4, 1, 9, 0),
        "ballots": "1-1 agree",
    }
    arguments: dict[str, object] = {"estate": _estate(1), "rules": CN, "opened": None}
    arguments["ballots"] = []
    arguments[field] = bad[field]
    with pytest.raises(VotingInputError) as caught:
        cg.decide(
            arguments["estate"],  # type: ignore[arg-type]
            arguments["ballots"],  # type: ignore[arg-type]
            matter="elect-committee",
            rules=arguments["rules"],  # type: ignore[arg-type]
            opened=arguments["opened"],  # type: ignore[arg-type]
        )
    assert caught.value.field == field
    assert caught.value.value is bad[field]


@pytest.mark.parametrize(("persons", "more"), [(20, None), (21, "… 1 more"), (22, "… 2 more")])
def test_partial_ballots_notice_names_twenty_persons_then_counts_the_rest(
    persons: int, more: str | None
) -> None:
    estate = _estate(persons)
    ballots = [cg.Ballot(f"{p}-1", "agree") for p in range(persons)]  # one of two units each
    decision = cg.decide(estate, ballots, matter="elect-committee", rules=CN)
    (notice,) = [n for n in decision.notices if n.code == "partial-person-ballots"]
    named = [f"P{p:02d}" for p in range(20)]
    for name in named:
        assert name in notice.en
    assert f"P{20:02d}" not in notice.en
    if more is None:
        assert "more" not in notice.en
    else:
        assert more in notice.en
