"""Committee size rules per rule set: minimum, maximum, odd, small-estate exceptions, alternates.

A rule set supplies a [SizeRule][community_governance.elections.SizeRule] as
``rules.elections.committee_size`` (national 5–11 odd; Shanghai ≥ 5 odd with 3 at 10,000 m²
or less; Beijing ≥ 5 odd with 3 at 100 households or fewer, alternates no more than members),
or minimum sizes by bands of a count of the estate as ``rules.elections.committee_size_bands``
(a [SizeBands][community_governance.rules.SizeBands] value, e.g. the Building Management
Ordinance (Hong Kong) Cap. 344 Sch. 2 para. 1 bands by flats). A band whose minimum is
unconfirmed is not applied unless the rule set admits unconfirmed values: the check says so
in a ``size-band-unconfirmed`` reason instead.

The check lives here, below the engines that apply it: `elections.elect` (which re-exports it
as `community_governance.elections.check_committee_size`) and `committee.elect_committee`
ask the same question of the same rule, and neither engine imports the other.
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
from community_governance.rules.bodies import SizeBand, SizeBands, SizeCount, SizeRule
from community_governance.rules.params import Param
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
    flats: int | None = None,
) -> SizeCheck:
    """Check a committee size against the rule set's ``rules.elections.committee_size``.

    Where the rule set sets no ``committee_size`` but ``committee_size_bands`` (minimum
    sizes by bands of flats or households), the size is checked against the band of the
    estate's count instead, with the band's citation.

    Args:
        size: Number of members.
        rules: The rule set.
        alternates: Number of alternates (候补委员).
        estate: The register, from which the area (total exclusive area), households
            (residential units) and flats (units other than parking) are read when not given.
        area: The estate's area in m² (exact), overriding the register.
        households: The number of households, overriding the register.
        flats: The number of flats, overriding the register.

    Returns:
        The [SizeCheck][community_governance.elections.SizeCheck].

    Raises:
        BodyError: a size or count is not a whole number, or a size is asked without the
            area, households or flats it depends on (message names the missing figure).
        RuleSetError: the rule set has no committee size rule.
    """
    _whole(size, "size", 1)
    _whole(alternates, "alternates", 0)
    bands = rules.elections.committee_size_bands
    if rules.elections.committee_size is None and bands is not None:
        counts = {SizeCount.FLATS: flats, SizeCount.HOUSEHOLDS: households}
        reason = _band(size, bands, rules.include_unconfirmed, estate, counts)
        return SizeCheck(size, alternates, reason[0], (reason,), bands.layer)
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


def _band(
    size: int,
    provided: Param[SizeBands],
    include_unconfirmed: bool,
    estate: Estate | None,
    given: dict[SizeCount, int | None],
) -> tuple[bool, Notice]:
    """Whether ``size`` meets the minimum of the estate's band (or why it is not checked)."""
    bands: SizeBands = provided.value
    what = bands.counts
    count = given[what]
    if count is None:
        if estate is None:
            raise BodyError(
                f"the committee size depends on the estate's {what.value} (size bands): "
                f"give {what.value}= or estate=",
                field=what.value,
                value=None,
            )
        count = _counted(estate, what)
    _whole(count, what.value, 1)
    band = bands.band(count, include_unconfirmed=True)
    assert band is not None  # with unconfirmed bands admitted, every count has a band
    span_en, span_zh = _span(bands, band)
    if not (include_unconfirmed or band.citation.confirmed):
        return True, Notice(
            "size-band-unconfirmed",
            f"the minimum for {span_en} ({band.minimum} members) is unconfirmed and was not "
            f"applied ({count} {what.label()})",
            f"{span_zh}的最少人数（{band.minimum}人）未经核实，未予适用（{count}{what.label('zh')}）",
            band.citation,
        )
    return size >= band.minimum, Notice(
        "size-band-minimum",
        f"at least {band.minimum} members for {span_en} ({count} {what.label()})",
        f"{span_zh}的，委员不少于{band.minimum}人（{count}{what.label('zh')}）",
        band.citation,
    )


def _counted(estate: Estate, what: SizeCount) -> int:
    """The register's flats (units other than parking) or households (residential units)."""
    if what is SizeCount.FLATS:
        return sum(1 for unit in estate.units if unit.use is not UnitUse.PARKING)
    return sum(1 for unit in estate.units if unit.use is UnitUse.RESIDENTIAL)


def _span(bands: SizeBands, band: SizeBand) -> tuple[str, str]:
    """The band's range in words, e.g. ``"51 to 100 flats"`` / ``"51至100个单位"``."""
    low, high = bands.lower(band), band.up_to
    en, zh = bands.counts.label(), bands.counts.label("zh")
    if high is None:
        return f"more than {low - 1} {en}", f"超过{low - 1}{zh}"
    if low == 1:
        return f"{high} {en} or fewer", f"不超过{high}{zh}"
    return f"{low} to {high} {en}", f"{low}至{high}{zh}"


def band_notices(seats: int, rules: RuleSet, estate: Estate) -> tuple[Notice, ...]:
    """For `elect`: refuse seats below the estate's size band, or say it is unchecked.

    Nothing when the rule set sets no ``rules.elections.committee_size_bands`` (or sets a
    ``rules.elections.committee_size``, which `check_committee_size` applies instead).

    Raises:
        BodyError: ``seats`` is below the minimum of the estate's band (names the provision).
    """
    if rules.elections.committee_size is not None or rules.elections.committee_size_bands is None:
        return ()
    checked = check_committee_size(seats, rules, estate=estate)
    ok, notice = checked.reasons[0]
    if not ok:
        cite = notice.citation.format() if notice.citation is not None else ""
        raise BodyError(
            f"a committee of {seats} is too small: {notice.en} ({cite})",
            field="seats",
            value=seats,
        )
    return (notice,) if notice.code == "size-band-unconfirmed" else ()
