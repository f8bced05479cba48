"""What every audit result does: verdict, explanation by cause, notebook view, plain data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Self

from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.serial import check_derived, dump, load
from community_governance.audit._report import rebuilt
from community_governance.audit.findings import Cause, Discrepancy
from community_governance.exceptions import InvalidDataError
from community_governance.rules.ruleset import RuleSet

__all__ = ["AuditReport"]


class AuditReport:
    """The shared behaviour of election and decision audits.

    Subclasses are attrs classes with ``announced``, ``recount``, ``discrepancies`` and
    ``irregularities`` fields; they set ``_title``/``_title_zh``/``_schema`` and give the
    figures a recount shows (`_recount_table`), the differences the announcement and recount
    alone give (`_differences`), a re-check of the recount on load (`_reload_recount`) and
    the number of persons who did not vote (`_not_voting`).
    """

    __slots__ = ()
    _title: ClassVar[str]
    _title_zh: ClassVar[str]
    _schema: ClassVar[str]
    discrepancies: tuple[Discrepancy, ...]
    irregularities: tuple[Cause, ...]

    @property
    def consistent(self) -> bool:
        """Whether the announcement matches the recount with no irregularity."""
        return not self.discrepancies and not self.irregularities

    @property
    def causes(self) -> tuple[Cause, ...]:
        """Every cause found, each once: irregularities first, then those behind differences."""
        found = dict.fromkeys(self.irregularities)
        for item in self.discrepancies:
            found.update(dict.fromkeys(item.causes))
        return tuple(found)

    @property
    def unexplained(self) -> tuple[Discrepancy, ...]:
        """The differences that the causes found do not wholly explain."""
        return tuple(d for d in self.discrepancies if not d.explained)

    def verdict(self, lang: str = "en") -> str:
        """One line, verdict first: ``"inconsistent: 7 figure(s) differ, ..."``."""
        lang = language(lang)
        figures, causes, rest = len(self.discrepancies), len(self.causes), len(self.unexplained)
        if lang == "zh":
            if self.consistent:
                return f"一致：复核结果与公布一致（{self._title_zh}）"
            return f"不一致：{figures}项数字与复核有差异，发现{causes}个原因，{rest}项未能完全解释"
        if self.consistent:
            return f"consistent: the announcement matches the recount ({self._title.lower()})"
        return (
            f"inconsistent: {figures} figure(s) differ, {causes} cause(s) found, "
            f"{rest} not wholly explained"
        )

    def __str__(self) -> str:
        return self.verdict()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.verdict()}>"

    def explain(self, lang: str = "en") -> str:
        """The verdict, each cause once, the figures not wholly explained, then the recount.

        Each cause lists the figures it alone explains; each other figure shows how its
        difference splits among causes and the unexplained rest.

        Args:
            lang: ``"en"`` or ``"zh"``.
        """
        lang = language(lang)
        zh = lang == "zh"
        lines = [self.verdict(lang)]
        if self.causes:
            lines.append("原因：" if zh else "Causes:")
            lines += [f"  ✗ {self._cause_line(cause, lang)}" for cause in self.causes]
        if self._others():
            lines.append("其他不符的数字：" if zh else "Other differing figures:")
            lines += [f"  ✗ {item.text(lang)}" for item in self._others()]
        headers, rows = self._recount_table(lang)
        lines.append("复核：" if zh else "Recount:")
        lines += ["  " + "｜".join(headers) if zh else "  " + " | ".join(headers)]
        lines += ["  " + ("｜" if zh else " | ").join(row) for row in rows]
        return "\n".join(lines)

    def _others(self) -> list[Discrepancy]:
        """The differences not wholly explained by a single cause."""
        return [d for d in self.discrepancies if not (d.explained and len(d.causes) == 1)]

    def _alone(self, cause: Cause) -> list[Discrepancy]:
        return [d for d in self.discrepancies if d.explained and d.causes == (cause,)]

    def _cause_line(self, cause: Cause, lang: str) -> str:
        alone = self._alone(cause)
        if not alone:
            return cause.text(lang)
        shown = "；".join if lang == "zh" else "; ".join
        figures = shown(
            f"{d.zh if lang == 'zh' else d.en} {d.announced} → {d.recounted}" for d in alone
        )
        if lang == "zh":
            return f"{cause.text(lang)}——据此可解释：{figures}"
        return f"{cause.text(lang)} — explains: {figures}"

    def _recount_table(self, lang: str) -> tuple[list[str], list[list[str]]]:
        raise NotImplementedError  # every subclass defines it

    def _differences(self) -> list[Discrepancy]:
        raise NotImplementedError  # every subclass defines it

    def _reload_recount(self, rules: RuleSet | None) -> None:
        raise NotImplementedError  # every subclass defines it

    def _not_voting(self) -> int:
        raise NotImplementedError  # every subclass defines it

    @classmethod
    def _upgraded(cls, data: Any) -> Any:
        """Data of an earlier schema as the current one (none before the current: as given)."""
        return data

    def _repr_html_(self) -> str:
        causes = [
            [c.text(), ", ".join(c.persons), ", ".join(c.units), _figures(self._alone(c))]
            for c in self.causes
        ]
        rest = [
            [d.en, d.announced, d.recounted, ", ".join(p.text() for p in d.parts)]
            for d in self._others()
        ]
        headers, rows = self._recount_table("en")
        caption = f"{self._title}: {self.verdict()}"
        tables = []
        if causes:
            tables.append(html_table(caption, ["cause", "persons", "units", "explains"], causes))
            caption = "Other differing figures"
        if rest:
            tables.append(html_table(caption, ["figure", "announced", "recounted", "split"], rest))
        tables.append(html_table(caption if not tables else "Recount", headers, rows))
        return "".join(tables)

    def to_dict(self) -> dict[str, Any]:
        """Plain data with a versioned ``schema`` key."""
        return dump(self, self._schema)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, rules: RuleSet | None = None) -> Self:
        """Rebuild an audit from `to_dict` output, refusing derived facts that do not fit.

        The recount is re-checked by its own ``from_dict`` (against ``rules`` when given:
        the rule set the recount was made under, whose rule and thresholds it must apply);
        the differing figures are
        recomputed from the announcement and the recount; each cause's text is rebuilt from
        its persons and units; each split must add up to its difference, and no person
        counted once per unit may explain more than their extra units. Data of an earlier
        schema load where the audit keeps a reader for it (an election audit of schema ``/2``,
        whose announcement had no alternates, unfilled seats or spoiled ballots).

        Args:
            data: The plain data.
            rules: The rule set to check the recount's rule against (``None``: not checked).

        Raises:
            InvalidDataError: the data do not fit the audit, hold a float, or hold a
                non-boolean where a boolean is meant (``passed``, ``spoiled``...) or a boolean
                where a whole count is meant (message names the field).
            DerivedFactMismatchError: a stored difference or split does not match the
                recomputed one (message names the field and both values), or the recount's
                rule is not the one ``rules`` supplies.
            VotingInputError: ``rules`` is not a `RuleSet` (``ElectionInputError`` for an
                election audit).
        """
        data = cls._upgraded(data)
        _check_plain(cls.__name__, data, "")
        audit = load(cls, data, cls._schema)
        audit._reload_recount(rules)
        what = cls.__name__
        check_derived(
            what, "discrepancies", _keys(audit.discrepancies), _keys(audit._differences())
        )
        for cause in audit.causes:
            check_derived(what, f"causes[{cause.code}]", cause, rebuilt(cause, audit._not_voting()))
        for item in audit.discrepancies:
            if item.parts:
                _check_parts(what, item)
        return audit


def _check_parts(what: str, item: Discrepancy) -> None:
    """The parts add up to the difference; no cause explains more than its count."""
    where = f"discrepancies[{item.code}:{item.subject}].parts"
    total = sum(part.amount for part in item.parts)
    check_derived(what, where, total, int(item.announced) - int(item.recounted))
    for part in item.parts:
        if part.cause is not None:
            most = part.cause.count
            check_derived(what, f"{where}[{part.cause.en}]", part.amount, min(part.amount, most))


_INTEGERS = frozenset(
    {
        "amount",
        "count",
        "heads",
        "participating_heads",
        "agree_heads",
        "round",
        "seats",
        "unfilled",
        "spoiled_heads",
    }
)


def _check_plain(what: str, data: object, path: str) -> None:
    """Refuse what cattrs would coerce: floats anywhere, strings for booleans, bools for counts."""
    key = path.rsplit(".", 1)[-1]
    bad = isinstance(data, float) or (
        (key == "passed" and data is not None and not isinstance(data, bool))
        or (key in _INTEGERS and isinstance(data, bool))
    )
    if bad:
        raise InvalidDataError(
            f"{what}.from_dict: {path} is {data!r}: floats, strings for booleans and "
            "booleans for counts are refused",
            field=path,
            value=data,
        )
    if isinstance(data, dict):
        for name, value in data.items():
            _check_plain(what, value, f"{path}.{name}" if path else str(name))
    elif isinstance(data, list):
        for position, value in enumerate(data):
            _check_plain(what, value, f"{path}[{position}]")


def _keys(items: Sequence[Discrepancy]) -> list[tuple[str, ...]]:
    return [(d.code, d.subject, d.announced, d.recounted, d.en, d.zh) for d in items]


def _figures(items: Sequence[Discrepancy]) -> str:
    return "; ".join(f"{d.en} {d.announced} → {d.recounted}" for d in items)
