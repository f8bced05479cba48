"""Explanations: notices, number formatting and renderers shared by every result."""

from community_governance.explain.notices import Notice

__all__ = ["Notice"]
