"""Results as data frames: one row per check, per candidate, per discrepancy.

Exact figures go out as exact strings (``"1234.56"``, ``"2/3"``), so that no float enters the
frame; percentages as the display text the explanations use.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import narwhals.stable.v2 as nw

from community_governance._base.exact import Exact, format_exact, normalise
from community_governance._base.format import percent_figure
from community_governance.audit import DecisionAudit, ElectionAudit
from community_governance.elections import ElectionResult
from community_governance.exceptions import FrameError
from community_governance.frames import _intake
from community_governance.voting import Check, Decision

__all__ = ["to_frame"]

Result = Decision | ElectionResult | DecisionAudit | ElectionAudit


def to_frame(result: Result, *, backend: str | ModuleType = "pandas") -> Any:
    """A result as a native data frame of ``backend`` (``"pandas"``, ``"polars"``, ``"pyarrow"``).

    * `Decision`: one row per check (role, measure, base, comparator, ratio, numerator,
      denominator, actual share, margin, verdict, citation);
    * `ElectionResult`: one row per candidate (heads, area, the share of heads and of area
      against the approval base, verdict, status, rank, whether seated);
    * `DecisionAudit` / `ElectionAudit`: one row per discrepancy (code, subject, announced,
      recounted, explained, causes).

    Column types are declared, so that an empty table (an audit without discrepancy) or a
    column of nulls only keeps them and tables of several results concatenate. pandas has no
    null in its own integer columns: there a ``rank`` column holding a failed candidate's null
    is ``float64`` (whole numbers, exact).

    Raises:
        FrameError: ``result`` is none of these, or ``backend`` is not an installed eager
            backend.
    """
    if isinstance(result, Decision):
        data = _checks(result.checks)
    elif isinstance(result, ElectionResult):
        data = _candidates(result)
    elif isinstance(result, DecisionAudit | ElectionAudit):
        data = _discrepancies(result)
    else:
        raise FrameError(
            f"to_frame: expected a Decision, ElectionResult or audit, not {type(result).__name__}",
            field="result",
            value=result,
        )
    try:
        return _intake.native_frame(data, _SCHEMAS[type(result)], backend)
    except (ValueError, ImportError) as error:  # the figures are ours: the backend is at fault
        raise FrameError(
            f"to_frame: cannot build a frame with backend {backend!r:.80} (an eager one such "
            f"as 'pandas', 'polars' or 'pyarrow', installed): {str(error).splitlines()[0]}",
            field="backend",
            value=backend,
        ) from None


_TEXT, _INT, _BOOL = nw.String(), nw.Int64(), nw.Boolean()
_CHECKS = dict.fromkeys(
    ("role", "measure", "base", "comparator", "ratio", "numerator", "denominator", "actual"),
    _TEXT,
) | {"margin": _TEXT, "passed": _BOOL, "citation": _TEXT}
_CANDIDATES = {"candidate": _TEXT, "heads": _INT, "area": _TEXT, "heads_share": _TEXT} | {
    "area_share": _TEXT,
    "passed": _BOOL,
    "status": _TEXT,
    "rank": _INT,
    "seated": _BOOL,
}
_DISCREPANCIES = dict.fromkeys(
    ("code", "subject", "announced", "recounted", "figure", "figure_zh", "causes"), _TEXT
) | {"explained": _BOOL}
_SCHEMAS: dict[type, dict[str, Any]] = {
    Decision: _CHECKS,
    ElectionResult: _CANDIDATES,
    DecisionAudit: _DISCREPANCIES,
    ElectionAudit: _DISCREPANCIES,
}


def _exact(value: Exact | int) -> str:
    return format_exact(normalise(value) if not isinstance(value, int) else value)


def _checks(checks: tuple[Check, ...]) -> dict[str, list[Any]]:
    return {
        "role": [c.role.value for c in checks],
        "measure": [c.threshold.measure.value for c in checks],
        "base": [c.threshold.base.value for c in checks],
        "comparator": [c.threshold.comparator.value for c in checks],
        "ratio": [_exact(c.threshold.ratio) for c in checks],
        "numerator": [_exact(c.numerator) for c in checks],
        "denominator": [_exact(c.denominator) for c in checks],
        "actual": [percent_figure(c.actual) for c in checks],
        "margin": [_exact(c.margin) for c in checks],
        "passed": [c.passed for c in checks],
        "citation": [c.citation.format() for c in checks],
    }


def _share(checks: tuple[Check, ...], measure: str) -> str:
    return next(
        (percent_figure(c.actual) for c in checks if c.threshold.measure.value == measure), ""
    )


def _candidates(result: ElectionResult) -> dict[str, list[Any]]:
    rows = result.candidates
    return {
        "candidate": [r.candidate for r in rows],
        "heads": [r.approvals.heads for r in rows],
        "area": [_exact(r.approvals.area) for r in rows],
        "heads_share": [_share(r.checks, "heads") for r in rows],
        "area_share": [_share(r.checks, "area") for r in rows],
        "passed": [r.passed for r in rows],
        "status": [r.status.value for r in rows],
        "rank": [r.rank for r in rows],
        "seated": [r.candidate in result.elected for r in rows],
    }


def _discrepancies(audit: DecisionAudit | ElectionAudit) -> dict[str, list[Any]]:
    rows = audit.discrepancies
    return {
        "code": [d.code for d in rows],
        "subject": [d.subject for d in rows],
        "announced": [d.announced for d in rows],
        "recounted": [d.recounted for d in rows],
        "figure": [d.en for d in rows],
        "figure_zh": [d.zh for d in rows],
        "explained": [d.explained for d in rows],
        "causes": ["; ".join(c.text() for c in d.causes) for d in rows],
    }
