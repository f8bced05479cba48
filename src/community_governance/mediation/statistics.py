"""Statistics over mediation cases, with every definition declared.

No official definition of the mediation success rate is known; local reports divide successes
by cases accepted or by cases mediated. The result therefore carries each count's and each
rate's definition, in English and Chinese, next to its figures. Cases refused at intake
(``NOT_ACCEPTED``) are counted separately and never enter a rate.

[reported_percentage][community_governance.audit.reported_percentage] tells whether a
published percentage can be a ratio of whole cases at all: 96.8% of 103 cannot (100/103 rounds
to 97.1%, 99/103 to 96.1%).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.format import percentage
from community_governance._base.html import html_table
from community_governance._base.serial import dump
from community_governance.mediation._stats import Window, count_window
from community_governance.mediation.case import MediationCase
from community_governance.mediation.states import TerminationReason

__all__ = ["MediationStatistics", "Rate", "mediation_statistics"]


@attrs.frozen(slots=True)
class Rate:
    """A ratio with its definition.

    Attributes:
        name: Identifier, e.g. ``"recommended_success_rate"``.
        numerator: Count on top.
        denominator: Count below (0 when the rate is undefined).
        en: Definition in English.
        zh: Definition in Chinese.
    """

    name: str
    numerator: int
    denominator: int
    en: str
    zh: str

    @property
    def value(self) -> Fraction | None:
        """The exact ratio, or ``None`` when the denominator is 0."""
        return Fraction(self.numerator, self.denominator) if self.denominator else None

    def percent(self, places: int = 1) -> Decimal | None:
        """The percentage rounded half up to ``places`` decimals, or ``None``."""
        return percentage(self.numerator, self.denominator, places) if self.denominator else None

    def explain(self, lang: str = "en") -> str:
        """``name: n / d = p% (definition)`` in ``"en"`` or ``"zh"``."""
        shown = self.percent()
        figure = "—" if shown is None else f"{shown}%"
        text = self.zh if lang == "zh" else self.en
        return f"{self.name}: {self.numerator} / {self.denominator} = {figure} ({text})"


@attrs.frozen(slots=True)
class MediationStatistics:
    """Counts and rates over a reporting window ``[start, end]`` (both days included).

    Attributes:
        start: First day of the window.
        end: Last day of the window.
        counts: Named counts (see ``definitions``).
        terminated_by_reason: ``closed_no_agreement`` split by reason code.
        rates: The rates, each with its definition.
        definitions: Definition of each count, in English.
        excluded_from_recommended: Reason codes left out of the recommended rate's denominator.
    """

    start: date
    end: date
    counts: dict[str, int]
    terminated_by_reason: dict[str, int]
    rates: tuple[Rate, ...]
    definitions: dict[str, str]
    excluded_from_recommended: tuple[str, ...]

    def rate(self, name: str) -> Rate:
        """Return the rate called ``name``.

        Raises:
            KeyError: no such rate; the message lists the names.
        """
        for rate in self.rates:
            if rate.name == name:
                return rate
        raise KeyError(f"no rate {name!r}; rates: {', '.join(r.name for r in self.rates)}")

    def explain(self, lang: str = "en") -> str:
        """Every count with its definition, then every rate."""
        head = f"{self.start.isoformat()} – {self.end.isoformat()}"
        lines = [("统计期间 " if lang == "zh" else "Window ") + head]
        lines += [f"{k}: {v} ({self.definitions[k]})" for k, v in self.counts.items()]
        lines += [f"  {k}: {v}" for k, v in self.terminated_by_reason.items() if v]
        lines += [rate.explain(lang) for rate in self.rates]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows: list[tuple[str, str, str]] = [
            (k, str(v), self.definitions[k]) for k, v in self.counts.items()
        ]
        rows += [
            (r.name, f"{r.numerator}/{r.denominator} = {r.percent()}%", r.en) for r in self.rates
        ]
        return html_table(
            f"Mediation statistics {self.start} – {self.end}",
            ("item", "figure", "definition"),
            rows,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the schema ``community_governance.mediation_statistics/1``."""
        return dump(self, "community_governance.mediation_statistics/1")


def mediation_statistics(
    cases: Iterable[MediationCase],
    *,
    start: date,
    end: date,
    exclude_withdrawn: bool = False,
) -> MediationStatistics:
    """Count cases over ``[start, end]`` by the declared definitions below.

    Args:
        cases: The cases (any iterable; not modified).
        start: First day of the window.
        end: Last day of the window.
        exclude_withdrawn: Leave ``PARTY_WITHDREW`` and ``PARALLEL_PROCEEDING`` out of the
            recommended rate's denominator (the "mediable cases" basis).

    Returns:
        The statistics; pending and withdrawn counts are always reported next to the rates.
    """
    window = count_window(tuple(cases), Window(start, end))
    excluded = (
        (TerminationReason.PARTY_WITHDREW.value, TerminationReason.PARALLEL_PROCEEDING.value)
        if exclude_withdrawn
        else ()
    )
    return MediationStatistics(
        start,
        end,
        window.counts,
        window.by_reason,
        window.rates(excluded),
        window.definitions,
        excluded,
    )
