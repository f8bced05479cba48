"""What an audit finds: causes (each named once, with its persons and units) and discrepancies.

A [Discrepancy][community_governance.audit.Discrepancy] is one announced figure that differs
from the recount; its ``parts`` split the difference among the
[Cause][community_governance.audit.Cause]s that explain it and the rest (``cause=None``,
unexplained). A cause that is an irregularity of the ballots (a ballot outside the register,
a unit's extra ballots, a person's differing ballots) is found whether or not a figure differs.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from community_governance._base.citations import Citation
from community_governance._base.format import area_text
from community_governance._base.html import html_table
from community_governance._base.lang import language

__all__ = ["Cause", "Discrepancy", "Part"]

_ZH_WORDS: dict[str, str] = {"passed": "通过", "not passed": "未通过"}


#: The recounted figure of a name announced without being a candidate.
NOT_STANDING = "not a candidate"

#: What a name announced without figures shows (it is on the published list).
LISTED = "on the list"
_NOT_STANDING_ZH = {NOT_STANDING: "非候选人", LISTED: "列入名单"}

#: An empty list of names (no alternates announced or recounted).
NOBODY = "nobody"

#: The codes whose figures are lists of names.
_LISTS = frozenset({"elected", "alternates"})

#: The unit a Chinese figure carries, by the end of its code.
_ZH_UNITS: dict[str, str] = {"-heads": "人", "-area": "平方米", "-seats": "席"}


def _zh_figure(code: str, figure: str) -> str:
    """A figure as a Chinese text shows it: with its unit, a list of names joined with 、."""
    if code == "passed":
        return _ZH_WORDS.get(figure, figure)
    if code in _LISTS:
        return "无" if figure == NOBODY else figure.replace(", ", "、")
    if figure in _NOT_STANDING_ZH:  # the figures of a name that is not a candidate
        return _NOT_STANDING_ZH[figure]
    unit = next((unit for end, unit in _ZH_UNITS.items() if code.endswith(end)), "")
    return figure + unit


def _strings(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(slots=True, repr=False)
class Cause:
    """One cause behind the discrepancies, named once.

    Attributes:
        code: Stable code: ``"persons-counted-more-than-once"``, ``"non-voters-counted"``,
            ``"ballot-outside-register"``, ``"duplicate-ballot"`` or ``"conflicting-ballots"``.
        persons: Labels of the counted persons involved.
        units: The units involved.
        en: What happened, in English (names the persons and units).
        zh: What happened, in Chinese.
        citation: The rule behind it, if any.
        count: How much a per-unit count adds for it at most: the ballots outside the register
            or extra for the unit, a person's units after the first, the persons not voting.
    """

    code: str
    persons: tuple[str, ...] = attrs.field(converter=_strings)
    units: tuple[str, ...] = attrs.field(converter=_strings)
    en: str
    zh: str
    citation: Citation | None = None
    count: int = 1

    def text(self, lang: str = "en") -> str:
        """What happened, with its source."""
        lang = language(lang)
        body = self.zh if lang == "zh" else self.en
        if self.citation is None:
            return body
        return body + (
            f"（{self.citation.format('zh')}）" if lang == "zh" else f" ({self.citation.format()})"
        )

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"<Cause {self.code}: {self.en}>"

    def _repr_html_(self) -> str:
        rows = [[", ".join(self.persons), ", ".join(self.units), self.count, self.zh]]
        return html_table(self.text(), ["persons", "units", "count", "中文"], rows)


@attrs.frozen(slots=True)
class Part:
    """The share of a difference explained by one cause (``cause=None``: unexplained).

    Attributes:
        amount: Signed amount (announced minus recounted) this part accounts for.
        cause: The cause, or ``None`` for the unexplained rest.
    """

    amount: int
    cause: Cause | None = None

    def text(self, lang: str = "en") -> str:
        """``"+1 explained by owner Li (units 1-101, 2-301) counted twice"``."""
        lang = language(lang)
        sign = f"{self.amount:+d}"
        if self.cause is None:
            return f"{sign}无法解释" if lang == "zh" else f"{sign} unexplained"
        if lang == "zh":
            return f"{sign}可由以下原因解释：{self.cause.zh}"
        return f"{sign} explained by {self.cause.en}"

    def __str__(self) -> str:
        return self.text()


def _parts(value: Sequence[Part]) -> tuple[Part, ...]:
    return tuple(value)


@attrs.frozen(slots=True, repr=False)
class Discrepancy:
    """An announced figure that differs from the recount.

    Attributes:
        code: Stable code, e.g. ``"participation-heads"``, ``"spoiled-heads"``,
            ``"candidate-heads"``, ``"not-a-candidate-heads"`` / ``-area`` (figures announced
            for a name that did not stand; ``"not-a-candidate"`` when it is only listed),
            ``"elected"``, ``"alternates"`` (compared in order), ``"unfilled-seats"``,
            ``"passed"``.
        subject: What it concerns (a candidate, ``"participation"``, ``"agree"``...).
        announced: The announced figure as text.
        recounted: The recounted figure as text.
        en: The figure's name in English (``"persons approving A"``).
        zh: The figure's name in Chinese.
        parts: The difference split among its causes; empty when no cause was found.
    """

    code: str
    subject: str
    announced: str
    recounted: str
    en: str
    zh: str
    parts: tuple[Part, ...] = attrs.field(default=(), converter=_parts)

    @property
    def causes(self) -> tuple[Cause, ...]:
        """The causes explaining some of the difference, in order."""
        return tuple(part.cause for part in self.parts if part.cause is not None)

    @property
    def explained(self) -> bool:
        """Whether the whole difference is explained by causes found."""
        return bool(self.parts) and all(part.cause is not None for part in self.parts)

    def figures(self, lang: str = "en") -> str:
        """``"persons approving A: announced 12, recounted 10"``."""
        lang = language(lang)
        if lang == "zh":
            a, r = _zh_figure(self.code, self.announced), _zh_figure(self.code, self.recounted)
            return f"{self.zh}：公布为{a}，复核为{r}"
        return f"{self.en}: announced {self.announced}, recounted {self.recounted}"

    def text(self, lang: str = "en") -> str:
        """The figures and, when causes were found, how the difference splits among them."""
        lang = language(lang)
        if not self.parts:
            return self.figures(lang)
        split = ("；" if lang == "zh" else ", ").join(part.text(lang) for part in self.parts)
        return self.figures(lang) + ("：" if lang == "zh" else ": ") + split

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        """Verdict first: ``<Discrepancy unexplained: agree: announced 12, recounted 10>``."""
        verdict = "explained" if self.explained else "unexplained"
        return f"<Discrepancy {verdict}: {self.figures()}>"

    def _repr_html_(self) -> str:
        rows = [[part.amount, part.text()] for part in self.parts]
        verdict = "explained" if self.explained else "not wholly explained"
        return html_table(f"{verdict}: {self.figures()}", ["amount", "explained by"], rows)


def figure_text(value: object, *, area: bool = False) -> str:
    """An announced or recounted figure as text (an area with two decimals, as everywhere)."""
    if isinstance(value, str):
        return value
    return area_text(value) if area else str(value)  # type: ignore[arg-type]


def compare(
    code: str, subject: str, announced: object, recounted: object, what_en: str, what_zh: str
) -> list[Discrepancy]:
    """A discrepancy when an announced figure differs from the recount (``None``: not announced)."""
    if announced is None or announced == recounted:
        return []
    return [
        Discrepancy(
            code,
            subject,
            figure_text(announced, area=code.endswith("-area")),
            figure_text(recounted, area=code.endswith("-area")),
            what_en,
            what_zh,
        )
    ]
