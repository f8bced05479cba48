"""Discrepancies and the ballot pre-scan shared by the audits (private)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Protocol, Self, TypeVar

import attrs

from community_governance._base.citations import Citation
from community_governance._base.exact import Exact, exact
from community_governance._base.format import decimal_text
from community_governance._base.html import html_table
from community_governance._base.serial import dump, load
from community_governance.exceptions import AuditError, InvalidAreaError
from community_governance.register.estate import Estate

B = TypeVar("B")


@attrs.frozen(slots=True)
class Discrepancy:
    """A difference between the announcement and the recount, or an irregularity found.

    Attributes:
        code: Stable code, e.g. ``"participation-heads"``, ``"ballot-outside-register"``.
        subject: What it concerns (a candidate, a unit, ``"participation"``...).
        announced: The announced figure as text (``None`` for irregularities).
        recounted: The recounted figure as text (``None`` for irregularities).
        en: Explanation in English.
        zh: Explanation in Chinese.
        citation: The rule behind it, if any.
    """

    code: str
    subject: str
    announced: str | None
    recounted: str | None
    en: str
    zh: str
    citation: Citation | None = None

    def text(self, lang: str = "en") -> str:
        """The explanation, with its source."""
        body = self.zh if lang == "zh" else self.en
        return body + (f" ({self.citation.format(lang)})" if self.citation is not None else "")


def optional_area(value: object) -> Exact | None:
    """Converter: ``None`` or an exact area (zero allowed; floats refused)."""
    if value is None:
        return None
    try:
        return exact(value, what="announced area")
    except InvalidAreaError:
        try:
            zero = Decimal(str(value)) == 0
        except InvalidOperation:
            zero = False
        if zero:
            return Decimal(0)
        raise


def optional_count(value: object) -> int | None:
    """Converter: ``None`` or a whole count ≥ 0."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise AuditError(
            f"announced count {value!r} must be a whole number ≥ 0", field="count", value=value
        )
    return value


def prescan(
    estate: Estate,
    ballots: Iterable[B],
    unit_of: Callable[[B], str],
    same: Callable[[B, B], bool],
    spoil: Callable[[B], B],
) -> tuple[list[B], list[Discrepancy]]:
    """Keep the ballots a recount can use; report the rest.

    Ballots outside the register are left out; a unit's second ballot is left out (the first
    counts); ballots of one person that differ are all turned into spoiled ballots. Each case
    is reported.
    """
    kept: dict[str, B] = {}
    found: list[Discrepancy] = []
    index = estate.person_index.positions
    for ballot in ballots:
        unit = unit_of(ballot)
        if unit not in index:
            found.append(
                Discrepancy(
                    "ballot-outside-register",
                    unit,
                    None,
                    None,
                    f"a ballot for unit {unit} is outside the register and was left out",
                    f"专有部分{unit}不在业主名册中，其选票未计入",
                )
            )
        elif unit in kept:
            found.append(
                Discrepancy(
                    "duplicate-ballot",
                    unit,
                    None,
                    None,
                    f"unit {unit} has more than one ballot; the first was counted",
                    f"专有部分{unit}有多张选票，仅计第一张",
                )
            )
        else:
            kept[unit] = ballot
    by_person: dict[int, list[str]] = {}
    person_of = estate.person_index.person_of
    for unit in kept:
        by_person.setdefault(person_of[index[unit]], []).append(unit)
    for person, units in by_person.items():
        first = kept[units[0]]
        if any(not same(first, kept[u]) for u in units[1:]):
            for u in units:
                kept[u] = spoil(kept[u])
            label = estate.persons[person].label
            found.append(
                Discrepancy(
                    "conflicting-ballots",
                    label,
                    None,
                    None,
                    f"the ballots of {label} (units {', '.join(units)}) differ; they were "
                    "recounted as spoiled",
                    f"{label}的多张选票（{'、'.join(units)}）不一致，按废票重新计算",
                )
            )
    return list(kept.values()), found


def compare(
    code: str, subject: str, announced: object, recounted: object, what_en: str, what_zh: str
) -> list[Discrepancy]:
    """A discrepancy when an announced figure differs from the recount (``None``: not announced)."""
    if announced is None or announced == recounted:
        return []
    a, r = _text(announced), _text(recounted)
    return [
        Discrepancy(
            code,
            subject,
            a,
            r,
            f"{what_en}: announced {a}, recounted {r}",
            f"{what_zh}：公布为{a}，复核为{r}",
        )
    ]


def _text(value: object) -> str:
    return value if isinstance(value, str) else decimal_text(value)  # type: ignore[arg-type]


def discrepancy_html(caption: str, items: Sequence[Discrepancy], footer: Sequence[str]) -> str:
    """The discrepancies as an HTML table."""
    rows = [[d.code, d.subject, d.announced or "", d.recounted or "", d.en] for d in items]
    return html_table(
        caption, ["code", "subject", "announced", "recounted", "explanation"], rows, footer=footer
    )


def listing(items: Sequence[Discrepancy], lang: str) -> list[str]:
    """One line per discrepancy."""
    return [f"  ✗ {d.text(lang)}" for d in items]


class _Explains(Protocol):
    def explain(self, lang: str = ...) -> str: ...


class AuditReport:
    """What every audit result does: verdict, explanation, notebook view and plain data.

    Subclasses are attrs classes with ``discrepancies`` and ``recount`` fields and set
    ``_title`` (for the notebook caption) and ``_schema`` (for ``to_dict``).
    """

    __slots__ = ()
    _title: ClassVar[str]
    _schema: ClassVar[str]
    discrepancies: tuple[Discrepancy, ...]
    recount: _Explains

    @property
    def consistent(self) -> bool:
        """Whether the announcement matches the recount with no irregularity."""
        return not self.discrepancies

    def explain(self, lang: str = "en") -> str:
        """A verdict line, the discrepancies, then the recount's explanation."""
        count = len(self.discrepancies)
        if lang == "zh":
            head = f"发现{count}处差异" if count else "复核结果与公布一致"
        else:
            head = (
                f"{count} discrepancies found" if count else "The announcement matches the recount"
            )
        recount = self.recount.explain(lang)
        return "\n".join([head, *listing(self.discrepancies, lang), "", recount])

    def _repr_html_(self) -> str:
        return discrepancy_html(
            f"{self._title}: {len(self.discrepancies)} discrepancies",
            self.discrepancies,
            [self.recount.explain()],
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data with a versioned ``schema`` key."""
        return dump(self, self._schema)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Rebuild an audit from `to_dict` output."""
        return load(cls, data, cls._schema)
