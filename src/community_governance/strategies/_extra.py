"""The guard that names the extra to install when hypothesis is missing.

Imported first by ``community_governance.strategies``, so that importing the strategies without
hypothesis raises a `MissingExtraError` (an
``ImportError``) saying ``pip install community_governance[hypothesis]``.
"""

from __future__ import annotations

from community_governance.exceptions import MissingExtraError

__all__ = ["HINT"]

#: The command that installs the optional dependency.
HINT = "pip install community_governance[hypothesis]"

try:
    import hypothesis
except ImportError as error:
    raise MissingExtraError(
        f"community_governance.strategies needs hypothesis, which is not installed: {HINT}",
        extra="hypothesis",
    ) from error

del hypothesis
