"""Test-suite configuration: a reproducible hypothesis profile for CI, a short one for mutants."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# CI runs derandomized so that a green run is repeatable; local runs explore new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

#: Examples per property test while mutmut runs a mutant (it sets MUTANT_UNDER_TEST): the
#: scenario tests carry the killing; properties run a few fixed examples, so that a surviving
#: mutant costs seconds and the same mutant gets the same verdict on every run.
MUTATION_EXAMPLES = 10


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutmut, cap every property test at a few derandomized examples."""
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    for item in items:
        test = getattr(item, "obj", None)
        test = getattr(test, "__func__", test)
        current = getattr(test, "_hypothesis_internal_use_settings", None)
        if current is not None:
            test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                current,
                max_examples=min(current.max_examples, MUTATION_EXAMPLES),
                derandomize=True,
                database=None,
            )
