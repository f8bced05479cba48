"""Committee size rules per rule set: minimum, maximum, odd, small-estate exceptions, alternates.

A rule set supplies a [SizeRule][community_governance.elections.SizeRule] as its
``"committee_size"`` parameter (national 5–11 odd; Shanghai ≥ 5 odd with 3 at 10,000 m² or
less; Beijing ≥ 5 odd with 3 at 100 households or fewer, alternates no more than members).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance.exceptions import BodyError
from community_governance.register import Estate, UnitUse
from community_governance.rules.bodies import SizeRule
from community_governance.rules.ruleset import RuleSet

__all__ = ["SizeCheck", "SizeRule", "check_committee_size"]

HOUSEHOLDS_DESIGN = Citation(
    "library_design",
    "size.households",
    confidence=Confidence.MEDIUM,
    note="households are read as residential units of the register unless given",
)
AREA_DESIGN = Citation(
    "library_design",
    "size.area",
    confidence=Confidence.MEDIUM,
    note="the area is read as the register's total exclusive area unless given",
)


@attrs.frozen(slots=True)
class SizeCheck:
    """Whether a committee size (and its alternates) is allowed.

    Attributes:
        size: Members asked about.
        alternates: Alternates asked about.
        allowed: Whether every condition holds.
        reasons: One notice per condition checked, met or not, with its source.
        layer: The layer that supplied the rule.
    """

    size: int
    alternates: int
    allowed: bool
    reasons: tuple[tuple[bool, Notice], ...]
    layer: str

    def __repr__(self) -> str:
        return f"<SizeCheck {self}>"

    def __str__(self) -> str:
        verdict = "allowed" if self.allowed else "NOT allowed"
        return f"{verdict}: committee of {self.size}, {self.alternates} alternate(s) ({self.layer})"

    def _repr_html_(self) -> str:
        rows = [["✓" if ok else "✗", n.en, n.zh] for ok, n in self.reasons]
        zh = "允许" if self.allowed else "不允许"
        return html_table(
            f"{self} （{zh}）",
            ["", "condition", "条件"],
            rows,
            footer=[n.citation.format() for _, n in self.reasons if n.citation is not None],
        )

    def explain(self, lang: str = "en") -> str:
        """One line per condition: ✓/✗ and why."""
        lang = language(lang)
        head = (
            f"委员会人数{self.size}人：{'允许' if self.allowed else '不允许'}"
            if lang == "zh"
            else f"Committee of {self.size}: {'allowed' if self.allowed else 'not allowed'}"
        )
        lines = [head]
        lines.extend(f"  {'✓' if ok else '✗'} {notice.text(lang)}" for ok, notice in self.reasons)
        return "\n".join(lines)


def _whole(value: object, field: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BodyError(
            f"{field} must be a whole number ≥ {minimum}, not {value!r}", field=field, value=value
        )
    return value


def check_committee_size(
    size: int,
    rules: RuleSet,
    *,
    alternates: int = 0,
    estate: Estate | None = None,
    area: Decimal | Fraction | int | None = None,
    households: int | None = None,
) -> SizeCheck:
    """Check a committee size against the rule set's ``"committee_size"`` rule.

    Args:
        size: Number of members.
        rules: The rule set.
        alternates: Number of alternates (候补委员).
        estate: The register, from which the area (total exclusive area) and households
            (residential units) are read when not given.
        area: The estate's area in m² (exact), overriding the register.
        households: The number of households, overriding the register.

    Returns:
        The [SizeCheck][community_governance.elections.SizeCheck].

    Raises:
        BodyError: a size is not a whole number, or the small-estate size is asked without
            the area or households it depends on (message names the missing figure).
        RuleSetError: the rule set has no committee size rule.
    """
    _whole(size, "size", 1)
    _whole(alternates, "alternates", 0)
    provided = rules.require(rules.elections.committee_size, "committee_size")
    rule: SizeRule = provided.value
    cite = provided.citation
    reasons: list[tuple[bool, Notice]] = []
    if rule.small_size is not None and size == rule.small_size:
        reasons.append(_small(rule, estate, area, households))
    else:
        low_ok = size >= rule.minimum
        reasons.append(
            (
                low_ok,
                Notice(
                    "size-minimum",
                    f"at least {rule.minimum} members",
                    f"不少于{rule.minimum}人",
                    cite,
                ),
            )
        )
        if rule.maximum is not None:
            reasons.append(
                (
                    size <= rule.maximum,
                    Notice(
                        "size-maximum",
                        f"at most {rule.maximum} members",
                        f"不超过{rule.maximum}人",
                        cite,
                    ),
                )
            )
    if rule.odd:
        reasons.append((size % 2 == 1, Notice("size-odd", "an odd number", "单数", cite)))
    if rule.alternates_at_most_members:
        reasons.append(
            (
                alternates <= size,
                Notice(
                    "alternates-at-most-members",
                    f"alternates ({alternates}) no more than members",
                    f"候补委员（{alternates}人）不超过委员人数",
                    cite,
                ),
            )
        )
    allowed = all(ok for ok, _ in reasons)
    return SizeCheck(size, alternates, allowed, tuple(reasons), provided.layer)


def _small(
    rule: SizeRule,
    estate: Estate | None,
    area: Decimal | Fraction | int | None,
    households: int | None,
) -> tuple[bool, Notice]:
    cite = rule.citation
    if rule.small_max_area is not None:
        if area is None:
            if estate is None:
                raise BodyError(
                    f"a committee of {rule.small_size} depends on the estate's area "
                    f"(≤ {rule.small_max_area} m²): give area= or estate=",
                    field="area",
                    value=None,
                )
            area = estate.total_area
            cite = attrs.evolve(cite, note=AREA_DESIGN.note)
        ok = Fraction(area) <= Fraction(rule.small_max_area)
        return ok, Notice(
            "size-small-estate",
            f"{rule.small_size} members allowed at {rule.small_max_area} m² or less "
            f"(area {area} m²)",
            f"总面积{rule.small_max_area}平方米以下可设{rule.small_size}人（面积{area}平方米）",
            cite,
        )
    if households is None:
        if estate is None:
            raise BodyError(
                f"a committee of {rule.small_size} depends on the number of households "
                f"(≤ {rule.small_max_households}): give households= or estate=",
                field="households",
                value=None,
            )
        households = sum(1 for unit in estate.units if unit.use is UnitUse.RESIDENTIAL)
        cite = attrs.evolve(cite, note=HOUSEHOLDS_DESIGN.note)
    limit = rule.small_max_households
    ok = limit is not None and households <= limit
    return ok, Notice(
        "size-small-estate",
        f"{rule.small_size} members allowed at {limit} households or fewer "
        f"({households} households)",
        f"{limit}户以下可设{rule.small_size}人（{households}户）",
        cite,
    )
