"""Fixtures of the committee tests."""

from __future__ import annotations

import pytest
from committee_builders import rules

import community_governance as cg


@pytest.fixture
def sh() -> cg.RuleSet:
    return rules("CN-SH")


@pytest.fixture
def bj() -> cg.RuleSet:
    return rules("CN-BJ")
