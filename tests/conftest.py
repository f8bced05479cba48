"""Test-suite configuration: a reproducible hypothesis profile for CI."""

from __future__ import annotations

import os

from hypothesis import settings

# CI runs derandomized so that a green run is repeatable; local runs explore new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
