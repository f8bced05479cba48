"""Weighted, capped and staged voting procedures, as data.

The threshold algebra of [Threshold][community_governance.Threshold] counts heads per person and
exclusive area, as Chinese law does. Other regimes weigh a vote by the unit (Condominium
Management Act (Taiwan) Art. 27(1)), by tantièmes (loi 65-557 (France) Art. 22) or by the shares
of a deed of mutual covenant (Building Management Ordinance (Hong Kong) Cap. 344 s.3); they cap
large holders, count some tests against those attending, and fall back to a second stage when a
first vote fails. A [Procedure][community_governance.rules.procedures.Procedure] holds all of
that as values: stages of [Condition][community_governance.rules.procedures.Condition]
conjunctions, the
[Cap][community_governance.rules.procedures.Cap]s that apply to counting, proxy limits and
in-person minimums, each with its citation. ``voting.procedure.decide_procedure`` applies it.
"""

from __future__ import annotations

from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.format import chinese_fraction, ratio_text
from community_governance._base.lang import language
from community_governance.exceptions import InvalidRuleError
from community_governance.rules.thresholds import Base, Comparator, parse_ratio

__all__ = [
    "Cap",
    "CapKind",
    "Condition",
    "ConditionRole",
    "FailureBar",
    "InPersonMinimum",
    "MinimumCount",
    "ObjectionWindow",
    "Procedure",
    "ProxyLimit",
    "Stage",
    "StageEntry",
    "Weight",
]


class Weight(Enum):
    """What one vote weighs.

    Attributes:
        PERSONS: One head per member (the owners of a unit together are one member; an owner
            of several units is one member), e.g. WEG (Germany) §25(2) (Kopfprinzip).
        UNITS: One head per exclusive part (Condominium Management Act (Taiwan) Art. 27(1)).
        AREA: Exclusive area (the unit's ``area``).
        SHARES: The unit's ``shares`` from the register: tantièmes, deed-of-mutual-covenant
            shares or share value.
    """

    PERSONS = "persons"
    UNITS = "units"
    AREA = "area"
    SHARES = "shares"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        zh = {"persons": "人数", "units": "户数", "area": "面积", "shares": "份额"}
        return zh[self.value] if lang == "zh" else self.value


def _weight(value: object) -> Weight:
    return parse_enum(Weight, value, what="weight")


def _base(value: object) -> Base:
    return parse_enum(Base, value, what="condition base")


def _comparator(value: object) -> Comparator:
    return parse_enum(Comparator, value, what="condition comparator")


class ConditionRole(Enum):
    """What a test counts in its numerator.

    Attributes:
        ATTENDING: Those attending (a quorum).
        AGREE: Those voting for (an approval).
        OBJECTING: Those objecting in writing after the vote (an overturning test: the test
            being met overturns the result).
    """

    ATTENDING = "attending"
    AGREE = "agree"
    OBJECTING = "objecting"

    def label(self, lang: str = "en") -> str:
        """``"attending"``, ``"agree"``, ``"objecting"``, or 出席, 同意, 书面异议."""
        lang = language(lang)
        return _ROLE_ZH[self] if lang == "zh" else self.value


_ROLE_ZH = {
    ConditionRole.ATTENDING: "出席",
    ConditionRole.AGREE: "同意",
    ConditionRole.OBJECTING: "书面异议",
}


def _role(value: object) -> ConditionRole:
    return parse_enum(ConditionRole, value, what="condition role")


@attrs.frozen(slots=True)
class Condition:
    """One condition: those attending or agreeing by ``weight``, against ``ratio`` of ``base``.

    Attributes:
        role: ``ATTENDING`` (a quorum) or ``AGREE`` (an approval).
        weight: Persons, units, area or shares.
        base: The denominator: all members, those attending, those taking part, votes cast.
        comparator: At least (≥) or more than (>).
        ratio: Exact ratio in (0, 1].
        citation: The article that sets it.
    """

    role: ConditionRole = attrs.field(converter=_role)
    weight: Weight = attrs.field(converter=_weight)
    base: Base = attrs.field(converter=_base)
    comparator: Comparator = attrs.field(converter=_comparator)
    ratio: Fraction = attrs.field(converter=parse_ratio)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))

    def describe(self, lang: str = "en") -> str:
        """E.g. ``"agree by shares more than 1/2 of votes cast"``, or in Chinese.

        Chinese uses the statute's wording, e.g. ``"同意（按份额计）占赞成与反对票过半数"``.
        """
        lang = language(lang)
        if lang == "zh":
            role = self.role.label("zh")
            return (
                f"{role}（按{self.weight.label('zh')}计）占{self.base.label('zh')}"
                f"{_requirement_zh(self.comparator, self.ratio)}"
            )
        return (
            f"{self.role.value} by {self.weight.label()} {self.comparator.label()} "
            f"{ratio_text(self.ratio)} of {self.base.label()}"
        )


def _requirement_zh(comparator: Comparator, ratio: Fraction) -> str:
    """过半数, 超过五分之一, 三分之二以上, 全部."""
    if comparator is Comparator.MORE_THAN:
        return "过半数" if ratio == Fraction(1, 2) else f"超过{chinese_fraction(ratio)}"
    return "全部" if ratio == 1 else f"{chinese_fraction(ratio)}以上"


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidRuleError(
            f"{attribute.name} must be a positive int, not {value!r}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class MinimumCount:
    """An absolute floor on those attending, e.g. at least 3 owners (Taiwan Art. 32).

    Attributes:
        weight: What is counted (persons or units).
        count: The floor (≥).
        citation: The article.
    """

    weight: Weight = attrs.field(converter=_weight)
    count: int = attrs.field(validator=_positive_int)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


@attrs.frozen(slots=True)
class InPersonMinimum:
    """A floor on members voting in person: the lesser of ``ratio`` of all members and ``count``.

    Building Management Ordinance (Hong Kong) Cap. 344 as amended in 2024 (in force 2025-07-13):
    a resolution on large-scale maintenance procurement needs in-person votes from at least
    the lesser of 5% of owners or 100 owners.

    Attributes:
        ratio: Share of all members (≥).
        count: Absolute number; the lesser of the two applies.
        citation: The provision.
    """

    ratio: Fraction = attrs.field(converter=parse_ratio)
    count: int = attrs.field(validator=_positive_int)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


class CapKind(Enum):
    """How a cap cuts a large holding.

    Attributes:
        SHARE_OF_TOTAL: Any part above ``ratio`` of the total is not counted (Taiwan Art. 27(2)).
        SUM_OF_OTHERS: A holding above ``ratio`` of the total is cut to the sum of all the
            others, and the total with it (loi 65-557 (France) Art. 22).
    """

    SHARE_OF_TOTAL = "share-of-total"
    SUM_OF_OTHERS = "sum-of-others"


def _cap_kind(value: object) -> CapKind:
    return parse_enum(CapKind, value, what="cap kind")


def _weights(value: object) -> tuple[Weight, ...]:
    if isinstance(value, str) or not isinstance(value, tuple | list) or not value:
        raise InvalidRuleError(
            f"weights must be a non-empty tuple of Weight, not {value!r}",
            field="weights",
            value=value,
        )
    return tuple(_weight(item) for item in value)


@attrs.frozen(slots=True)
class Cap:
    """A cap on one member's counted weight (counting, not eligibility).

    Attributes:
        kind: Share of the total, or cut to the sum of the others.
        weights: The weights it applies to.
        ratio: The bound (Taiwan 1/5; France 1/2).
        proxies: Whether a proxy holder's represented weight is capped too (Taiwan Art. 27(3)).
        citation: The article.
    """

    kind: CapKind = attrs.field(converter=_cap_kind)
    weights: tuple[Weight, ...] = attrs.field(converter=_weights)
    ratio: Fraction = attrs.field(converter=parse_ratio)
    proxies: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


@attrs.frozen(slots=True)
class ProxyLimit:
    """Who may hold a proxy and how many one holder may hold.

    Attributes:
        weight: The weight the ``unless_within`` share is counted in (France: shares).
        holders: Who may hold a proxy (``()``: anyone), as written, e.g. ``("spouse", ...)``.
        excluded: Who may not (France: the syndic, their spouse or partner, their employees).
        max_delegations: Most delegations one holder may hold (``None``: no limit).
        unless_within: A holder may exceed ``max_delegations`` while their own and delegated
            weight stays within this share of all votes (``None``: no such exception).
        citation: The article.
        within_citation: Where the ``unless_within`` share comes from, when its confidence
            differs from the count's (France: the 10% since the 2019 ordinance is unconfirmed);
            ``None``: ``citation``.

    The engine checks both on the ballots it is given: a holder whose capacity (passed to
    ``decide_procedure`` as ``capacities``) is excluded or not among ``holders`` has every
    delegation set aside, and delegations beyond ``max_delegations`` (in ballot order) are set
    aside unless the holder's own and delegated weight stays within ``unless_within``; each
    breach is reported with ``citation``. When the exception rests on an unconfirmed
    ``within_citation`` and unconfirmed rules are not admitted, the delegations are counted
    and the decision flags that the count depends on the unconfirmed share.
    """

    weight: Weight = attrs.field(converter=_weight)
    holders: tuple[str, ...]
    excluded: tuple[str, ...]
    max_delegations: int | None
    unless_within: Fraction | None
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    within_citation: Citation | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Citation))
    )

    def __attrs_post_init__(self) -> None:
        if self.max_delegations is not None:
            _positive_int(self, attrs.fields(ProxyLimit).max_delegations, self.max_delegations)
        if self.unless_within is not None:
            object.__setattr__(self, "unless_within", parse_ratio(self.unless_within))


@attrs.frozen(slots=True)
class StageEntry:
    """When a later stage is entered after the stage before it failed.

    Attributes:
        tests: Conditions on the failed stage's figures that must all hold (empty: always entered
            after a failure), e.g. France Art. 25-1: agree ≥ 1/3 of all votes.
        later_vote: The stage is a new vote (a reconvened meeting, an extended window) whose
            ballots are passed to the engine; otherwise the same meeting revotes at once on the
            same ballots unless new ones are given.
        citation: The article.
        unless: Conditions on the failed stage's figures that, when all hold, keep the stage
            from being entered (e.g. an extension only when turnout fell short).
        max_days: The longest the later vote may run, when the text sets a fixed bound.
    """

    tests: tuple[Condition, ...]
    later_vote: bool
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    unless: tuple[Condition, ...] = ()
    max_days: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.max_days is not None:
            _positive_int(self, attrs.fields(StageEntry).max_days, self.max_days)


@attrs.frozen(slots=True)
class FailureBar:
    """What follows when the stage fails: the item is terminated and barred for a time.

    Attributes:
        months: How long the same item may not be put to the owners again.
        lifted_by: Share of the owners' committee that may lift the bar (≥), if any.
        citation: The article.
    """

    months: int = attrs.field(validator=_positive_int)
    lifted_by: Fraction | None
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


@attrs.frozen(slots=True)
class ObjectionWindow:
    """A period after the vote in which written objections can overturn the result.

    Attributes:
        days: Length of the window.
        tests: The result is overturned when the objections meet every test (their base is
            ``ALL``), e.g. Taiwan Art. 32: objections of more than 1/2 of all heads and shares.
        citation: The article.
    """

    days: int = attrs.field(validator=_positive_int)
    tests: tuple[Condition, ...]
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


def _tests(value: object) -> tuple[Condition, ...]:
    if isinstance(value, str) or not isinstance(value, tuple | list):
        raise InvalidRuleError(
            f"tests must be a tuple of Condition, not {value!r}",
            field="tests",
            value=value,
        )
    for item in value:
        if not isinstance(item, Condition):
            raise InvalidRuleError(
                f"tests must hold Condition values, not {item!r}",
                field="tests",
                value=item,
            )
    return tuple(value)


@attrs.frozen(slots=True)
class Stage:
    """One vote of a procedure: its tests, and how it is reached from the stage before.

    Attributes:
        name: E.g. ``"Art. 25 majority"``.
        tests: Quorum (``ATTENDING``) and approval (``AGREE``) tests, all of which must hold.
        citation: The article setting the stage's majority.
        entry: How the stage is reached when the previous one failed (``None`` for the first).
        minimums: Absolute floors on those attending.
        in_person: A floor on members voting in person.
        objections: A window after the vote in which objections can overturn the result.
        bar: What follows a failure of this stage (termination and a bar), if anything.
    """

    name: str
    tests: tuple[Condition, ...] = attrs.field(converter=_tests)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    entry: StageEntry | None = None
    minimums: tuple[MinimumCount, ...] = ()
    in_person: InPersonMinimum | None = None
    objections: ObjectionWindow | None = None
    bar: FailureBar | None = None

    def describe(self, lang: str = "en") -> str:
        """What the stage requires, built from its tests, in ``"en"`` or ``"zh"``.

        E.g. ``"agree by shares more than 1/2 of all owners"``, in Chinese in the statute's
        wording: ``"全体业主所持份额过半数同意"``, ``"全体业主人数十分之一以上出席，且赞成与反对票
        份额过半数同意"``. A stage without tests: ``"no tests"``, ``"无表决比例要求"``.
        """
        lang = language(lang)
        if lang == "zh":
            return "，且".join(map(_stage_test_zh, self.tests)) or "无表决比例要求"
        return " and ".join(test.describe() for test in self.tests) or "no tests"

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The articles the stage rests on: each test's, in order, then the stage's own."""
        found = [test.citation for test in self.tests] + [self.citation]
        return tuple(dict.fromkeys(found))


_BASE_ZH = {
    Base.ALL: "全体业主",
    Base.ATTENDING: "出席者",
    Base.PARTICIPATING: "参与表决者",
    Base.CAST: "赞成与反对票",
}


def _stage_test_zh(test: Condition) -> str:
    """``"出席者所持份额过半数同意"``: the base, what it holds, the requirement, the role."""
    held = (
        "所持" if test.weight in (Weight.AREA, Weight.SHARES) and test.base is not Base.CAST else ""
    )
    role = "出席" if test.role is ConditionRole.ATTENDING else "同意"
    return (
        f"{_BASE_ZH[test.base]}{held}{test.weight.label('zh')}"
        f"{_requirement_zh(test.comparator, test.ratio)}{role}"
    )


def _stages(value: object) -> tuple[Stage, ...]:
    stages = tuple(value) if isinstance(value, tuple | list) else ()
    if not stages or not all(isinstance(stage, Stage) for stage in stages):
        raise InvalidRuleError(
            f"a procedure needs a non-empty tuple of Stage, not {value!r}",
            field="stages",
            value=value,
        )
    if stages[0].entry is not None or any(stage.entry is None for stage in stages[1:]):
        raise InvalidRuleError(
            "the first stage has no entry condition and every later stage has one",
            field="stages",
            value=value,
        )
    return stages


@attrs.frozen(slots=True)
class Procedure:
    """How one matter is decided in one regime: stages, caps and proxy limits.

    Attributes:
        stages: The first vote, then each fallback in order.
        caps: Caps applied to counting in every stage.
        proxies: The proxy limit, if the regime sets one.
        citation: The article listing the matter.
    """

    stages: tuple[Stage, ...] = attrs.field(converter=_stages)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    caps: tuple[Cap, ...] = ()
    proxies: ProxyLimit | None = None

    @property
    def weights(self) -> frozenset[Weight]:
        """Every weight a test, entry, objection or cap of the procedure uses."""
        used: set[Weight] = {weight for cap in self.caps for weight in cap.weights}
        if self.proxies is not None:
            used.add(self.proxies.weight)
        for stage in self.stages:
            tests = [*stage.tests]
            if stage.entry is not None:
                tests.extend((*stage.entry.tests, *stage.entry.unless))
            tests.extend(stage.objections.tests if stage.objections else ())
            used.update(test.weight for test in tests)
            used.update(minimum.weight for minimum in stage.minimums)
        return frozenset(used)
