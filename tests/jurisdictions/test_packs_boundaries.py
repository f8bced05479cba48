"""Every condition of every bundled pack at its bound and one either side, in its own measure."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from community_governance.jurisdictions.registry import REGISTRY
from community_governance.rules.procedures import Condition, ConditionRole
from community_governance.rules.thresholds import Base, Comparator
from community_governance.voting.procedure import WeightCounts, _apply


def conditions() -> list[tuple[str, Condition]]:
    found: dict[tuple[str, Condition], None] = {}
    for item in REGISTRY.jurisdictions:  # every registered jurisdiction that declares procedures
        code = item.code
        for layer in item.layers:
            for procedure in layer.procedures.values():
                for stage in procedure.stages:
                    tests = [*stage.tests]
                    if stage.entry is not None:
                        tests += [*stage.entry.tests, *stage.entry.unless]
                    if stage.objections is not None:
                        tests += stage.objections.tests
                    found.update(dict.fromkeys((f"{code}:{stage.name}", t) for t in tests))
    return list(found)


def counts(condition: Condition, n: Fraction, d: Fraction) -> WeightCounts:
    """Figures whose numerator is ``n`` and whose base for ``condition`` is ``d``."""
    if condition.role is ConditionRole.ATTENDING:
        return WeightCounts(total=d, attending=n, participating=n, agree=n, oppose=Fraction(0))
    if condition.base is Base.ALL:
        return WeightCounts(total=d, attending=n, participating=n, agree=n, oppose=Fraction(0))
    return WeightCounts(total=2 * d, attending=d, participating=d, agree=n, oppose=d - n)


def _id(value: object) -> str:
    """A plain test id (letters, digits, ``-``, ``_``, ``.``): mutmut selects tests by id."""
    if isinstance(value, Condition):
        ratio = f"{value.ratio.numerator}_{value.ratio.denominator}"
        parts = (value.role, value.weight, value.base, value.comparator)
        return "-".join([*(part.value for part in parts), ratio])
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", str(value)).strip("_")


@pytest.mark.parametrize(("where", "condition"), conditions(), ids=_id)
def test_at_the_bound_and_either_side(where: str, condition: Condition) -> None:
    d = Fraction(60 * condition.ratio.denominator)
    bound = d * condition.ratio
    at = _apply(condition, counts(condition, bound, d))
    above = _apply(condition, counts(condition, bound + 1, d)) if bound < d else None
    below = _apply(condition, counts(condition, bound - 1, d))
    assert at.passed is (condition.comparator is Comparator.AT_LEAST), where
    assert above is None or above.passed, where
    assert not below.passed, where
    assert at.denominator == d
