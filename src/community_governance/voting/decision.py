"""The decision of a vote: its checks and tally, rendered as text, Markdown and HTML."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
from cattrs.gen import make_dict_unstructure_fn, override

from community_governance._base.citations import Citation, Confidence
from community_governance._base.exact import format_exact, normalise
from community_governance._base.format import area_text, percent_figure, ratio_text
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import (
    check_derived,
    converter,
    dump,
    load,
    refuse_floats,
)
from community_governance.exceptions import (
    DerivedFactMismatchError,
    InvalidDataError,
    VotingInputError,
)
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Measure
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting.checks import (
    Check,
    CheckRole,
    Figures,
    Tally,
    figure,
    signed_figure,
)

__all__ = ["SCOPE_CITATION", "Decision", "DecisionScope"]

#: Why a scoped decision counts persons and area within its scope only.
SCOPE_CITATION = Citation(
    "library_design",
    "decide.scope",
    confidence=Confidence.MEDIUM,
    note="the owners concerned decide with the rule set's thresholds counted within the scope "
    "(local rules on building or unit owners' groups; 2007 Measures Art. 22(2): 列支范围内的业主)",
)

_BUILDINGS_SHOWN = 10


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        raise InvalidDataError(
            f"DecisionScope.{attribute.name} must be a positive int, not {value!r}",
            field=attribute.name,
            value=value,
        )


def _names(value: object) -> tuple[str, ...]:
    items = tuple(value) if isinstance(value, tuple | list) else None
    if items is None or not all(type(item) is str for item in items):
        raise InvalidDataError(
            f"DecisionScope.buildings must be a tuple of strings, not {value!r:.80}",
            field="buildings",
            value=value,
        )
    return items


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if type(value) is not bool:
        raise InvalidDataError(
            f"DecisionScope.{attribute.name} must be True or False, not {value!r:.80}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class DecisionScope:
    """The scope of a decision of the owners concerned (``decide(..., scope=...)``).

    The persons and area counted within the scope are the decision's ``tally.total``.

    Attributes:
        units: Number of units in the scope.
        buildings: The buildings of those units, sorted (``""`` for a unit without one).
        whole: Whether the scope holds every unit of the register (the owners concerned
            are then all the owners; the counting is the estate's own).
    """

    units: int = attrs.field(validator=_positive)
    buildings: tuple[str, ...] = attrs.field(converter=_names)
    whole: bool = attrs.field(default=False, validator=_flag)

    def describe(self, lang: str = "en") -> str:
        """The scope in words, e.g. ``"12 units in building(s) 3"``."""
        lang = language(lang)
        shown = [name or "-" for name in self.buildings[:_BUILDINGS_SHOWN]]
        more = len(self.buildings) - len(shown)
        if lang == "zh":
            names = "、".join(shown) + (f"等{len(self.buildings)}栋" if more else "")
            return f"{names}号楼的{self.units}个专有部分"
        names = ", ".join(shown) + (f" … {more} more" if more else "")
        units = "unit" if self.units == 1 else "units"
        return f"{self.units} {units} in building(s) {names}"

    def notice(self, total: Figures) -> Notice:
        """The ``scoped-decision`` notice: the scope and what was counted within it."""
        extent = "every unit of the estate" if self.whole else "not the whole estate"
        extent_zh = "整个物业管理区域的全部专有部分" if self.whole else "不是整个物业管理区域"
        return Notice(
            "scoped-decision",
            f"a decision of the owners concerned only: {self.describe()}; persons and area "
            f"were counted again within the scope: {total} ({extent})",
            f"本决定仅为相关业主的表决：{self.describe('zh')}；业主人数和面积在该范围内重新"
            f"计算：{total.heads}人、{area_text(total.area)}平方米（{extent_zh}）",
            SCOPE_CITATION,
        )


@attrs.frozen(slots=True)
class Decision:
    """The outcome of [decide][community_governance.decide], with everything behind it.

    Attributes:
        matter: What was decided.
        passed: Whether every quorum and approval check passed.
        checks: Every check, quorum first.
        tally: The figures.
        jurisdiction: Code of the rule set used.
        on: The rule set's date.
        layers: Names of the rule set's layers, lowest first.
        rule_layer: The layer that supplied the resolution rule.
        rule_citation: Article listing the matter in its tier.
        notices: Warnings and remarks (overlaps, deemed votes, unconfirmed rules...).
        without_deemed_votes: When a deemed-vote clause applied, the decision without it.
        scope: For a decision of the owners concerned (``decide(..., scope=...)``), its scope;
            the decision then carries the ``scoped-decision`` notice.
    """

    matter: Matter
    passed: bool
    checks: tuple[Check, ...]
    tally: Tally
    jurisdiction: str
    on: date
    layers: tuple[str, ...]
    rule_layer: str
    rule_citation: Citation
    notices: tuple[Notice, ...] = ()
    without_deemed_votes: Decision | None = None
    scope: DecisionScope | None = None

    @property
    def quorum_met(self) -> bool:
        """Whether every quorum check passed."""
        return all(check.passed for check in self.checks if check.role is CheckRole.QUORUM)

    @property
    def approved(self) -> bool:
        """Whether every approval check passed (regardless of the quorum)."""
        return all(check.passed for check in self.checks if check.role is CheckRole.APPROVAL)

    def explain(self, lang: str = "en") -> str:
        """Plain-text explanation: each check with its figures, verdict and article.

        Args:
            lang: ``"en"`` or ``"zh"``.
        """
        lang = language(lang)
        return _text(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        """The explanation as a Markdown table (for reports)."""
        lang = language(lang)
        return _markdown(self, lang)

    def _repr_html_(self) -> str:
        return _html(self)

    def __repr__(self) -> str:
        """One line, verdict first: ``<Decision NOT PASSED: raise maintenance fund ...>``."""
        failed = sum(not check.passed for check in self.checks)
        verdict = "PASSED" if self.passed else "NOT PASSED"
        return (
            f"<Decision {verdict}: {self.matter.label()} under {self.jurisdiction} on "
            f"{self.on.isoformat()}; {len(self.checks)} checks, {failed} not met>"
        )

    __str__ = __repr__

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.decision/1``.

        Each check also carries its derived figures (``actual``, ``required``, ``margin`` as
        exact strings, and ``minimum_heads``) for readers that do not use this library. The
        ``scope`` key is present only for a scoped decision.
        """
        return dump(self, SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, rules: RuleSet | None = None) -> Decision:
        """Rebuild a decision from [to_dict][community_governance.Decision.to_dict] output.

        Derived facts are never trusted. Each check's figures are recomputed from the tally
        (those taking part or agreeing, against all owners, those taking part, attending or
        casting a vote, by heads or by area), and its ``passed``, ``actual``, ``required``,
        ``margin`` and ``minimum_heads`` and the decision's ``passed`` from those figures and
        its threshold; a stored value that disagrees is refused. A tally whose parts do not
        add up (more taking part than all owners, say) is refused. Floats are refused anywhere
        in the data.

        The thresholds are inputs the rule set supplied. Pass the rule set the vote was
        decided under (``rules_for(decision.jurisdiction, on=decision.on)``) to check them
        too: its code, day and layers, the matter's rule and its layer, every threshold in
        order, and whether spoiled ballots take part.

        Args:
            data: The plain data.
            rules: The rule set to check the stored rule against (``None``: not checked).

        Raises:
            DerivedFactMismatchError: a stored derived fact disagrees with the recomputed
                one, or a stored rule with the one ``rules`` supplies.
            InvalidDataError: the data hold a float, name another schema, do not fit, or
                hold a tally whose parts do not add up.
            VotingInputError: ``rules`` is not a `RuleSet`.
        """
        if rules is not None and not isinstance(rules, RuleSet):
            raise VotingInputError(
                f"Decision.from_dict: rules must be a RuleSet from rules_for(...), not "
                f"{rules!r:.80}",
                field="rules",
                value=rules,
            )
        refuse_floats("Decision", data)
        decision = load(cls, data, SCHEMA)
        _verify(decision, data, "Decision")
        if rules is not None:
            _against_rules(decision, rules, "Decision")
        return decision


SCHEMA = "community_governance.decision/1"
_DERIVED = ("actual", "required", "margin", "minimum_heads")
_plain_check = converter.gen_unstructure_attrs_fromdict(Check)
_structure_check = converter.gen_structure_attrs_fromdict(Check)


def _unstructure_check(check: Check) -> dict[str, Any]:
    data: dict[str, Any] = _plain_check(check)
    actual = check.actual
    data["actual"] = None if actual is None else format_exact(actual)
    data["required"] = format_exact(normalise(check.required))
    data["margin"] = format_exact(normalise(check.margin))
    data["minimum_heads"] = check.minimum_heads
    return data


def _structure(data: dict[str, Any], _: type) -> Check:
    return _structure_check({k: v for k, v in data.items() if k not in _DERIVED}, Check)


def _verify(decision: Decision, data: dict[str, Any], what: str) -> None:
    """Compare every stored derived fact in ``data`` with the one recomputed from ``decision``."""
    _adds_up(decision.tally, what)
    for index, (check, stored) in enumerate(zip(decision.checks, data["checks"], strict=True)):
        where = f"{what}.checks[{index}]"
        _from_tally(check, decision.tally, where)
        numerator, denominator = Fraction(check.numerator), Fraction(check.denominator)
        scale = math.lcm(numerator.denominator, denominator.denominator)
        threshold = check.threshold
        passed = threshold.comparator.holds(
            int(numerator * scale), int(denominator * scale), threshold.ratio
        )
        check_derived(where, "passed", stored["passed"], passed)
        for field, value in _unstructure_check(check).items():
            if field in _DERIVED:
                check_derived(where, field, stored.get(field), value)
    passed = all(check.passed for check in decision.checks)
    check_derived(what, "passed", data["passed"], passed)
    stored = [notice for notice in decision.notices if notice.code == "scoped-decision"]
    scope = decision.scope
    expected = [] if scope is None else [scope.notice(decision.tally.total)]
    check_derived(what, "notices[scoped-decision]", stored, expected)
    if decision.without_deemed_votes is not None:
        other = data["without_deemed_votes"]
        _verify(decision.without_deemed_votes, other, f"{what}.without_deemed_votes")


def _adds_up(tally: Tally, what: str) -> None:
    """Refuse a tally whose parts contradict each other, naming the first such figure.

    Those agreeing, opposing and abstaining (deemed votes included on their side) are those
    taking part, with or without the spoiled ballots; attending (every ballot returned) is
    at most all owners; deemed votes are among those taking part.
    """
    for measure in Measure:
        agree, oppose, abstain, spoiled, taking_part, total, deemed = (
            Fraction(figures.of(measure))
            for figures in (
                tally.agree, tally.oppose, tally.abstain, tally.spoiled, tally.participating,
                tally.total, tally.deemed,
            )
        )  # fmt: skip
        core = agree + oppose + abstain
        unit = "persons" if measure is Measure.HEADS else "m²"
        problems = (
            (
                "participating",
                taking_part,
                taking_part not in (core, core + spoiled),
                f"those taking part ({_shown(taking_part)} {unit}) are neither those "
                f"agreeing, opposing and abstaining ({_shown(core)}) nor those with "
                f"the spoiled ballots ({_shown(core + spoiled)})",
            ),
            (
                "total",
                total,
                core + spoiled > total,
                f"the ballots returned ({_shown(core + spoiled)} {unit}) exceed all "
                f"owners ({_shown(total)})",
            ),
            (
                "deemed",
                deemed,
                deemed > taking_part,
                f"deemed votes ({_shown(deemed)} {unit}) exceed those taking part "
                f"({_shown(taking_part)})",
            ),
        )
        for field, stated, wrong, sentence in problems:
            if wrong:
                raise InvalidDataError(
                    f"{what}: tally {field} by {measure.value}: {sentence}",
                    field=f"tally.{field}",
                    value=_shown(stated),
                )


def _shown(value: Fraction) -> str:
    return format_exact(normalise(value))


def _from_tally(check: Check, tally: Tally, where: str) -> None:
    """Refuse a check whose figures are not the tally's for its role, base and measure."""
    measure, base = check.threshold.measure, check.threshold.base
    part = tally.participating if check.role is CheckRole.QUORUM else tally.agree
    returned = (tally.agree, tally.oppose, tally.abstain, tally.spoiled)
    whole = {
        Base.ALL: tally.total.of(measure),
        Base.PARTICIPATING: tally.participating.of(measure),
        Base.ATTENDING: sum(Fraction(f.of(measure)) for f in returned),
        Base.CAST: Fraction(tally.agree.of(measure)) + Fraction(tally.oppose.of(measure)),
    }[base]
    for field, stored, expected in (
        ("numerator", check.numerator, part.of(measure)),
        ("denominator", check.denominator, whole),
    ):
        if Fraction(stored) != Fraction(expected):
            raise DerivedFactMismatchError(
                what=where,
                field=field,
                stored=format_exact(normalise(Fraction(stored))),
                recomputed=format_exact(normalise(Fraction(expected))),
            )


def _against_rules(decision: Decision, rules: RuleSet, what: str) -> None:
    """Refuse a decision whose stored rule is not the one ``rules`` supplies for its matter."""
    for field, stored, given in (
        ("jurisdiction", decision.jurisdiction, rules.code),
        ("on", decision.on.isoformat(), rules.on.isoformat()),
        ("layers", decision.layers, rules.layer_names),
    ):
        check_derived(what, field, stored, given)
    provided = rules.resolution(decision.matter)
    rule = provided.value
    check_derived(what, "rule_layer", decision.rule_layer, provided.layer)
    check_derived(what, "rule_citation", decision.rule_citation, rule.citation)
    thresholds = tuple(check.threshold for check in decision.checks)
    check_derived(what, "checks", thresholds, (*rule.quorum, *rule.approval))
    declared = rules.voting.spoiled_ballots
    spoiled = declared.value if declared else SpoiledPolicy.PARTICIPATING
    tally = decision.tally
    if tally.spoiled.heads:  # with no spoiled ballot, either policy gives the same tally
        counted = tally.participating.heads - tally.agree.heads - tally.oppose.heads
        taking_part = counted - tally.abstain.heads == tally.spoiled.heads
        check_derived(
            what, "spoiled ballots taking part", taking_part,
            spoiled is SpoiledPolicy.PARTICIPATING,
        )  # fmt: skip
    if decision.without_deemed_votes is not None:
        _against_rules(decision.without_deemed_votes, rules, f"{what}.without_deemed_votes")


converter.register_unstructure_hook(Check, _unstructure_check)
converter.register_structure_hook(Check, _structure)
# a scope of some units keeps its data's shape: no ``whole`` key
converter.register_unstructure_hook(
    DecisionScope,
    make_dict_unstructure_fn(DecisionScope, converter, whole=override(omit_if_default=True)),
)
# an unscoped decision's data keep their shape: no ``scope`` key
converter.register_unstructure_hook(
    Decision,
    make_dict_unstructure_fn(Decision, converter, scope=override(omit_if_default=True)),
)


def _persons(count: int) -> str:
    return f"{count} person" if count == 1 else f"{count} persons"


def _count_line(tally: Tally, lang: str) -> str:
    """The tally in one line: totals, taking part, agree, oppose, abstain, spoiled."""
    if lang == "zh":
        return (
            f"计票：业主共{tally.total.heads}人、专有部分面积{area_text(tally.total.area)}平方米；"
            f"参与表决{tally.participating.heads}人、{area_text(tally.participating.area)}平方米；"
            f"同意{tally.agree.heads}人、{area_text(tally.agree.area)}平方米；"
            f"反对{tally.oppose.heads}人；弃权{tally.abstain.heads}人；废票{tally.spoiled.heads}人。"
        )
    return (
        f"Count: {_persons(tally.total.heads)}, {area_text(tally.total.area)} m² in all; "
        f"taking part {_persons(tally.participating.heads)}, "
        f"{area_text(tally.participating.area)} m²; agreeing {_persons(tally.agree.heads)}, "
        f"{area_text(tally.agree.area)} m²; opposing {tally.oppose.heads}, "
        f"abstaining {tally.abstain.heads}, spoiled {tally.spoiled.heads}."
    )


def _text(decision: Decision, lang: str) -> str:
    tally = decision.tally
    if lang == "zh":
        verdict = "通过" if decision.passed else "未通过"
        lines = [
            f"表决事项：{decision.matter.label('zh')} —— {verdict}",
            f"适用规则：{decision.jurisdiction}，{decision.on.isoformat()}"
            f"（{decision.rule_citation.format('zh')}）",
            _count_line(tally, "zh"),
        ]
    else:
        verdict = "PASSED" if decision.passed else "NOT PASSED"
        lines = [
            f"Matter: {decision.matter.label()} — {verdict}",
            f"Rules: {decision.jurisdiction} on {decision.on.isoformat()} "
            f"({decision.rule_layer}; {decision.rule_citation.format()})",
            _count_line(tally, "en"),
        ]
    lines.extend(f"  {check.line(lang)}" for check in decision.checks)
    for notice in decision.notices:
        lines.append(("注意：" if lang == "zh" else "Note: ") + notice.text(lang))
    if decision.without_deemed_votes is not None:
        other = decision.without_deemed_votes
        if lang == "zh":
            lines.append(f"不适用视为同意多数条款时的结果：{'通过' if other.passed else '未通过'}")
        else:
            lines.append(
                "Without the deemed-vote clause the result would be: "
                + ("PASSED" if other.passed else "NOT PASSED")
            )
    return "\n".join(lines)


def _rows(decision: Decision, lang: str) -> list[list[str]]:
    return [
        [
            check.role.label(lang),
            check.threshold.measure.label(lang),
            f"{figure(check.numerator, check.threshold.measure)} / "
            f"{figure(check.denominator, check.threshold.measure)}",
            percent_figure(check.actual),
            f"{check.threshold.comparator.symbol} {ratio_text(check.threshold.ratio)}",
            signed_figure(check.margin, check.threshold.measure),
            ("✓" if check.passed else "✗"),
            check.citation.format(lang),
        ]
        for check in decision.checks
    ]


_HEAD = {
    "en": ["check", "measure", "figures", "actual", "required", "margin", "verdict", "source"],
    "zh": ["检查", "维度", "数值", "比例", "要求", "余量", "结论", "依据"],
}


def _markdown(decision: Decision, lang: str) -> str:
    head = _HEAD["zh" if lang == "zh" else "en"]
    first = _text(decision, lang).splitlines()[0]
    lines = [f"**{first}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend("| " + " | ".join(row) + " |" for row in _rows(decision, lang))
    lines.extend(f"- {notice.text(lang)}" for notice in decision.notices)
    return "\n".join(lines)


def _html(decision: Decision) -> str:
    verdict = "PASSED 通过" if decision.passed else "NOT PASSED 未通过"
    caption = f"{decision.matter.label()} ({decision.matter.label('zh')}): {verdict}"
    return html_table(
        caption,
        _HEAD["en"],
        _rows(decision, "en"),
        footer=[_count_line(decision.tally, "en"), *(notice.text() for notice in decision.notices)],
    )
