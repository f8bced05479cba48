"""The threshold algebra: measures, bases, comparators, thresholds and resolution rules.

A [Threshold][community_governance.Threshold] says *what* is counted (heads or area), *against
what* (all owners, those taking part, or the votes cast), *how* (at least, 以上, or more than,
过半数/超过 — Civil Code Art. 1259) and *how much* (an exact ratio). A
[ResolutionRule][community_governance.ResolutionRule] is a quorum — a conjunction of thresholds
counting those who take part — and an approval — a conjunction counting those who agree. Checks
compare integers by cross-multiplication, never floats.
"""

from __future__ import annotations

import re
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.format import chinese_fraction
from community_governance._base.lang import language
from community_governance.exceptions import InvalidRuleError

__all__ = ["Base", "Comparator", "Measure", "ResolutionRule", "Threshold", "parse_ratio"]


class Measure(Enum):
    """What a threshold counts.

    Attributes:
        HEADS: Counted persons (人数, SPC interpretation Art. 9).
        AREA: Exclusive area (专有部分面积, SPC interpretation Art. 8).
    """

    HEADS = "heads"
    AREA = "area"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return "人数" if self is Measure.HEADS else "专有部分面积"
        return self.value


class Base(Enum):
    """What a threshold is measured against (the denominator).

    Attributes:
        ALL: All owners of the estate (全体业主; glossary ``Denominator.ALL``).
        ATTENDING: Those attending the meeting in person or by proxy (or, for a written
            vote, returning a ballot of any kind, spoiled ones included), e.g. Condominium
            Management Act (Taiwan) Art. 31 (出席).
        PARTICIPATING: Those taking part in the vote, abstentions included (参与表决).
        CAST: Agree plus oppose votes only, abstentions ignored.
    """

    ALL = "all"
    ATTENDING = "attending"
    PARTICIPATING = "participating"
    CAST = "cast"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        zh = {
            Base.ALL: "全体业主",
            Base.ATTENDING: "出席的业主",
            Base.PARTICIPATING: "参与表决的业主",
            Base.CAST: "赞成与反对票",
        }
        en = {
            Base.ALL: "all owners",
            Base.ATTENDING: "those attending",
            Base.PARTICIPATING: "those taking part",
            Base.CAST: "votes cast",
        }
        return zh[self] if lang == "zh" else en[self]


class Comparator(Enum):
    """How the counted share is compared with the ratio (Civil Code Art. 1259).

    Attributes:
        AT_LEAST: 以上 / 不低于 — the bound itself passes (≥).
        MORE_THAN: 过半数 / 超过 — the bound itself fails (>).
    """

    AT_LEAST = "at-least"
    MORE_THAN = "more-than"

    @property
    def symbol(self) -> str:
        """``"≥"`` or ``">"``."""
        return "≥" if self is Comparator.AT_LEAST else ">"

    def holds(self, numerator: int, denominator: int, ratio: Fraction) -> bool:
        """Whether ``numerator / denominator`` passes ``ratio`` (exact integer arithmetic).

        A zero denominator never passes: with nobody to count, nothing is approved.
        """
        if denominator == 0:
            return False
        left = numerator * ratio.denominator
        right = denominator * ratio.numerator
        return left >= right if self is Comparator.AT_LEAST else left > right

    def label(self, lang: str = "en") -> str:
        """``"at least"``/``"more than"``, or 以上/超过 in Chinese."""
        lang = language(lang)
        if lang == "zh":
            return "以上" if self is Comparator.AT_LEAST else "超过"
        return "at least" if self is Comparator.AT_LEAST else "more than"


RATIO_BOUND = 1000
"""The largest numerator and denominator a threshold ratio may have (statutes use 1/2, 2/3...)."""

_RATIO_TEXT = re.compile(r"\s*(\d{1,4}(?:\.\d{1,4})?)\s*(?:/\s*(\d{1,4})\s*)?")


def parse_ratio(value: object) -> Fraction:
    """Read an exact ratio in (0, 1] (a Fraction, an int or a text such as ``"2/3"``).

    Raises:
        InvalidRecordError: a float, a bool, a malformed text, or a ratio out of range.
    """
    return _ratio(value)


def _ratio(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, Fraction | int | str):
        raise InvalidRuleError(
            f"threshold ratio must be a Fraction, int or str such as '2/3', not {value!r}",
            field="ratio",
            value=value,
        )
    if isinstance(value, str):
        match = _RATIO_TEXT.fullmatch(value)
        if match is None or (match[2] is not None and int(match[2]) == 0):
            raise InvalidRuleError(
                f"threshold ratio {value!r} is not a number or a fraction such as '2/3' "
                f"with numerator and denominator at most {RATIO_BOUND}",
                field="ratio",
                value=value,
            )
        ratio = Fraction(match[1]) / int(match[2] or 1)
    else:
        ratio = Fraction(value)
    if not 0 < ratio <= 1:
        raise InvalidRuleError(
            f"threshold ratio {value!r} must be in (0, 1]", field="ratio", value=value
        )
    if ratio.denominator > RATIO_BOUND:
        raise InvalidRuleError(
            f"threshold ratio {value!r}: numerator and denominator must be at most "
            f"{RATIO_BOUND} (statutes use small fractions such as 2/3)",
            field="ratio",
            value=value,
        )
    return ratio


def _cited(value: object) -> None:
    """Every threshold carries the article that sets it (a `Citation`, not text or None)."""
    if not isinstance(value, Citation):
        raise InvalidRuleError(
            f"threshold citation must be a Citation (the article that sets it), not {value!r:.80}",
            field="citation",
            value=value,
        )


def _measure(value: object) -> Measure:
    return parse_enum(Measure, value, what="threshold measure")


def _base(value: object) -> Base:
    return parse_enum(Base, value, what="threshold base")


def _comparator(value: object) -> Comparator:
    return parse_enum(Comparator, value, what="threshold comparator")


@attrs.frozen(slots=True)
class Threshold:
    """One condition: ``measure`` compared with ``ratio`` of ``base``.

    Attributes:
        measure: Heads or area.
        base: All owners, those taking part, or the votes cast.
        comparator: At least (≥) or more than (>).
        ratio: Exact ratio in (0, 1], e.g. ``Fraction(2, 3)``; numerator and denominator at
            most ``RATIO_BOUND`` (1000).

    ``measure``, ``base`` and ``comparator`` accept a member or its value (``"heads"``,
    ``"all"``, ``"at-least"``), read by ``_base.enums.parse_enum``; anything else (``">="``,
    ``"head"``) is refused with InvalidChoiceError listing the allowed values — a comparator
    is never guessed from a symbol.
        citation: The article that sets it.
    """

    measure: Measure = attrs.field(converter=_measure)
    base: Base = attrs.field(converter=_base)
    comparator: Comparator = attrs.field(converter=_comparator)
    ratio: Fraction = attrs.field(converter=_ratio)
    citation: Citation = attrs.field(validator=lambda _i, _a, v: _cited(v))

    def describe(self, lang: str = "en") -> str:
        """E.g. ``"area at least 2/3 of all owners"``; in Chinese in the statute's wording.

        Chinese follows Civil Code Art. 278(2): ``"专有部分面积占比三分之二以上"`` (base all
        owners), ``"参与表决人数过半数"`` (more than 1/2 of those taking part),
        ``"参与表决专有部分面积四分之三以上"``; other more-than ratios read ``"超过五分之一"``.
        """
        lang = language(lang)
        if lang == "zh":
            return _ZH_BASE[self.base].format(self.measure.label("zh"), self.requirement_zh())
        ratio = f"{self.ratio.numerator}/{self.ratio.denominator}"
        return f"{self.measure.label()} {self.comparator.label()} {ratio} of {self.base.label()}"

    def requirement_zh(self) -> str:
        """The comparator and ratio alone in the statute's wording (过半数, 三分之二以上...)."""
        if self.comparator is Comparator.MORE_THAN:
            return (
                "过半数" if self.ratio == Fraction(1, 2) else f"超过{chinese_fraction(self.ratio)}"
            )
        if self.ratio == 1:
            return "全部"
        return f"{chinese_fraction(self.ratio)}以上"


_ZH_BASE = {
    Base.ALL: "{}占比{}",
    Base.ATTENDING: "出席{}{}",
    Base.PARTICIPATING: "参与表决{}{}",
    Base.CAST: "赞成与反对票{}{}",
}


def _quorum(value: Any) -> tuple[Threshold, ...]:
    thresholds = tuple(value)
    for threshold in thresholds:
        if threshold.base is not Base.ALL:
            raise InvalidRuleError(
                f"a quorum threshold counts those taking part against all owners; "
                f"{threshold.describe()} has base {threshold.base.value}",
                field="quorum",
                value=threshold,
            )
    return thresholds


def _approval(value: Any) -> tuple[Threshold, ...]:
    thresholds = tuple(value)
    if not thresholds:
        raise InvalidRuleError(
            "a resolution rule needs at least one approval threshold",
            field="approval",
            value=thresholds,
        )
    return thresholds


@attrs.frozen(slots=True)
class ResolutionRule:
    """How one matter is decided: a quorum conjunction and an approval conjunction.

    Attributes:
        quorum: Thresholds on those taking part (base ``ALL``); may be empty.
        approval: Thresholds on those agreeing; at least one.
        citation: The article listing the matter in this tier.
    """

    quorum: tuple[Threshold, ...] = attrs.field(converter=_quorum)
    approval: tuple[Threshold, ...] = attrs.field(converter=_approval)
    citation: Citation

    def never_looser_than(self, other: ResolutionRule) -> bool:
        """Whether every vote passing this rule also passes ``other`` (a sufficient test).

        Each threshold of ``other`` must be matched by one of this rule on the same measure
        and role that is at least as strict: the same or a narrower base (``ALL`` is stricter
        than ``ATTENDING``, then ``PARTICIPATING``, then ``CAST``) and a ratio at least as high
        (equal ratios need an equally strict comparator).
        """
        return _covers(self.quorum, other.quorum) and _covers(self.approval, other.approval)


_BASE_ORDER = {Base.ALL: 3, Base.ATTENDING: 2, Base.PARTICIPATING: 1, Base.CAST: 0}


def _covers(strict: tuple[Threshold, ...], loose: tuple[Threshold, ...]) -> bool:
    def stricter(a: Threshold, b: Threshold) -> bool:
        if a.measure is not b.measure or _BASE_ORDER[a.base] < _BASE_ORDER[b.base]:
            return False
        if a.ratio != b.ratio:
            return a.ratio > b.ratio
        return a.comparator is b.comparator or a.comparator is Comparator.MORE_THAN

    return all(any(stricter(a, b) for a in strict) for b in loose)
