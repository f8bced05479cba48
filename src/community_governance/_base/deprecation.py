"""Deprecated keyword arguments: refused when unknown, warned about when known.

A function that moved some keyword arguments into one options value keeps reading the old
keywords for one minor version. This module says the same thing for every such function:
which keywords were given, since when they are deprecated, when they go, and what to pass.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Mapping
from typing import Any

__all__ = ["DEPRECATED_SINCE", "REMOVED_IN", "warn_deprecated_keywords"]

#: The version in which the keywords below were deprecated, and the one that removes them.
DEPRECATED_SINCE = "0.2"
REMOVED_IN = "0.3"


def warn_deprecated_keywords(
    function: str,
    keywords: Mapping[str, Any],
    known: Collection[str],
    replacement: str,
    unknown: Callable[[str, Any, str], Exception],
) -> None:
    """Check the deprecated ``keywords`` given to ``function`` and warn about them.

    Args:
        function: The public function's name, as the user calls it (``"elect"``).
        keywords: The deprecated keywords given (not empty).
        known: The names the function still reads.
        replacement: What to pass instead (``"options=ElectOptions(...)"``).
        unknown: Builds the error for a keyword the function never had, from its name, its
            value and a message; raised before any warning.

    Raises:
        Exception: the error ``unknown`` builds, for the first unknown keyword.
    """
    strange = sorted(set(keywords) - set(known))
    if strange:
        name = strange[0]
        still = ", ".join(f"{name}=" for name in known)
        message = (
            f"{function}() got unknown keyword argument(s) {', '.join(strange)}; the deprecated "
            f"keywords it still reads until {REMOVED_IN} are {still} (pass {replacement})"
        )
        raise unknown(name, keywords[name], message)
    given = ", ".join(f"{name}=" for name in keywords)
    warnings.warn(
        f"{function}({given}) is deprecated since {DEPRECATED_SINCE} and will be removed in "
        f"{REMOVED_IN}: pass {replacement}",
        DeprecationWarning,
        stacklevel=4,  # the caller of the public function
    )
