"""`decide_procedure`: a weighted, capped, staged vote checked against a jurisdiction pack.

The engine is generic: a [Procedure][community_governance.rules.procedures.Procedure] says what
one vote weighs, which caps cut large holders, what each stage requires and how a later stage
is reached; facts that come after the vote (a reconvened meeting's ballots, written objections)
are arguments. The decision returns every stage with its checks, each before and after the caps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.exact import format_exact, normalise
from community_governance._base.format import ratio_text
from community_governance._base.frozen import FrozenMap
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice, unconfirmed_rule_notices
from community_governance._base.serial import check_derived, dump, load, refuse_floats
from community_governance.exceptions import (
    DerivedFactMismatchError,
    ProcedureInputError,
    VotingInputError,
)
from community_governance.register.estate import Estate
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import (
    Condition,
    ConditionRole,
    Procedure,
    ProxyLimit,
    Stage,
    Weight,
)
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Comparator
from community_governance.voting._members import (
    Member,
    ProxyBreach,
    Roll,
    Votes,
    capped,
    capped_total,
    collect,
    limit_proxies,
)
from community_governance.voting.ballots import Ballot, Choice

__all__ = [
    "ConditionCheck",
    "FloorCheck",
    "Outcome",
    "ProcedureDecision",
    "StageResult",
    "WeightCounts",
    "decide_procedure",
]


class Outcome(Enum):
    """Where a staged procedure ended.

    Attributes:
        PASSED: A stage passed and no objection window is open or it closed without overturning.
        NOT_PASSED: The last stage reached failed, or no later stage could be entered.
        PENDING: A later vote (reconvened meeting, extended window) is due; its ballots were not
            given.
        PROVISIONAL: A stage passed but its objection window has not been reported on.
        OVERTURNED: Objections in the window met every overturning test.
    """

    PASSED = "passed"
    NOT_PASSED = "not-passed"
    PENDING = "pending"
    PROVISIONAL = "provisional"
    OVERTURNED = "overturned"


@attrs.frozen(slots=True)
class WeightCounts:
    """The figures of one weight in one stage.

    Attributes:
        total: All members (the base ``ALL``).
        attending: Those who returned a ballot of any kind, in person or by proxy.
        participating: Agree, oppose and abstain.
        agree: For.
        oppose: Against.
    """

    total: Fraction
    attending: Fraction
    participating: Fraction
    agree: Fraction
    oppose: Fraction

    def base(self, base: Base) -> Fraction:
        """The denominator of ``base``."""
        return {
            Base.ALL: self.total,
            Base.ATTENDING: self.attending,
            Base.PARTICIPATING: self.participating,
            Base.CAST: self.agree + self.oppose,
        }[base]


def _frozen_counts(value: Mapping[Weight, WeightCounts]) -> FrozenMap[Weight, WeightCounts]:
    return FrozenMap(value)


@attrs.frozen(slots=True)
class ConditionCheck:
    """One test applied to exact figures.

    Attributes:
        condition: The condition with its citation.
        numerator: Those attending or agreeing (or objecting), in the test's weight.
        denominator: The base figure.
        passed: Whether the test holds (exact).
    """

    condition: Condition
    numerator: Fraction
    denominator: Fraction
    passed: bool

    def line(self, lang: str = "en") -> str:
        """One line in ``"en"`` or ``"zh"``: verdict, figures, requirement and source."""
        lang = language(lang)
        test = self.condition
        overturning = test.role is ConditionRole.OBJECTING
        if lang == "zh":
            verdicts = (
                ("✓ 达到推翻条件", "✗ 未达到推翻条件") if overturning else ("✓ 符合", "✗ 不符合")
            )
            return (
                f"{verdicts[0] if self.passed else verdicts[1]} — {test.describe('zh')}："
                f"{_figure(self.numerator)}，基数{_figure(self.denominator)}。"
                f"依据：{test.citation.format('zh')}"
            )
        verdicts = ("✓ overturns", "✗ does not overturn") if overturning else ("✓ met", "✗ not met")
        needed = "overturns at" if overturning else "required"
        return (
            f"{verdicts[0] if self.passed else verdicts[1]} — {test.role.value} by "
            f"{test.weight.label()}: {_figure(self.numerator)} of {_figure(self.denominator)}; "
            f"{needed} {test.comparator.label()} {ratio_text(test.ratio)} of "
            f"{test.base.label()}. Source: {test.citation.format()}"
        )

    def __str__(self) -> str:
        return self.line()

    def __repr__(self) -> str:
        """One line, verdict first."""
        return f"<ConditionCheck {self.line()}>"

    def _repr_html_(self) -> str:
        """The check as a one-row table."""
        return html_table("condition", ["verdict", "figures", "source"], [_html_row(self.line())])


@attrs.frozen(slots=True)
class FloorCheck:
    """An absolute floor: at least ``required`` attending (or voting in person).

    Attributes:
        what: E.g. ``"persons attending"`` or ``"members voting in person"``.
        what_zh: The same in Chinese, e.g. ``"亲自投票的业主"``.
        actual: The count.
        required: The floor (≥).
        passed: ``actual >= required``.
        citation: The provision.
    """

    what: str
    actual: int
    required: int
    passed: bool
    citation: Citation
    what_zh: str = ""

    def line(self, lang: str = "en") -> str:
        """One line in ``"en"`` or ``"zh"``: verdict, the count against the floor, the source."""
        lang = language(lang)
        if lang == "zh":
            verdict = "✓ 符合" if self.passed else "✗ 不符合"
            return (
                f"{verdict} — {self.what_zh or self.what}：{self.actual}，应不少于"
                f"{self.required}。依据：{self.citation.format('zh')}"
            )
        verdict = "✓ met" if self.passed else "✗ not met"
        return (
            f"{verdict} — {self.what}: {self.actual}, at least {self.required} required. "
            f"Source: {self.citation.format()}"
        )

    def __str__(self) -> str:
        return self.line()

    def __repr__(self) -> str:
        """One line, verdict first."""
        return f"<FloorCheck {self.line()}>"

    def _repr_html_(self) -> str:
        """The floor as a one-row table."""
        return html_table("floor", ["verdict", "figures", "source"], [_html_row(self.line())])


@attrs.frozen(slots=True)
class StageResult:
    """One stage of a procedure, reached or not, with every check.

    Attributes:
        stage: The stage's data.
        reached: Whether its entry condition held (the first stage is always reached).
        entry: The entry tests applied to the previous stage's figures.
        held: Whether its vote was held (a later vote whose ballots were not given was not).
        checks: Its tests on the counted (capped) figures.
        uncapped: The same tests on the figures before any cap.
        floors: Minimum-count and in-person floors.
        counts: Capped figures per weight.
        counts_uncapped: Figures per weight before any cap.
        objections: Overturning tests applied to the objections, if the stage has a window and
            objections were given.
    """

    stage: Stage
    reached: bool
    entry: tuple[ConditionCheck, ...] = ()
    held: bool = False
    checks: tuple[ConditionCheck, ...] = ()
    uncapped: tuple[ConditionCheck, ...] = ()
    floors: tuple[FloorCheck, ...] = ()
    counts: Mapping[Weight, WeightCounts] = attrs.field(factory=FrozenMap, converter=_frozen_counts)
    counts_uncapped: Mapping[Weight, WeightCounts] = attrs.field(
        factory=FrozenMap, converter=_frozen_counts
    )
    objections: tuple[ConditionCheck, ...] | None = None

    @property
    def passed(self) -> bool:
        """Whether the stage was held and every test and floor holds (before objections)."""
        floors = all(floor.passed for floor in self.floors)
        return self.held and floors and all(check.passed for check in self.checks)

    @property
    def overturned(self) -> bool:
        """Whether objections met every overturning test."""
        return bool(self.objections) and all(check.passed for check in self.objections or ())

    def line(self, lang: str = "en") -> str:
        """One line in ``"en"`` or ``"zh"``: the stage's verdict and name.

        Chinese names the stage by what it requires, with its articles (``"未通过：阶段
        「全体业主所持份额过半数同意」（…第25条…）"``), the stage's own name being English.
        """
        lang = language(lang)
        key = (
            "not-reached"
            if not self.reached
            else "not-held"
            if not self.held
            else "passed"
            if self.passed
            else "not-passed"
        )
        if lang == "zh":
            return f"{_STAGE_ZH[key]}：{_stage_zh(self.stage)}"
        return f"{key.replace('-', ' ')}: {self.stage.name}"

    def __str__(self) -> str:
        """One line, verdict first (the same as `line`)."""
        return self.line()

    def explain(self, lang: str = "en") -> str:
        """The verdict, then every check and floor, one per line, in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        checks = (*self.entry, *self.checks)
        lines = [self.line(lang), *(f"  {c.line(lang)}" for c in checks)]
        lines += [f"  {floor.line(lang)}" for floor in self.floors]
        return "\n".join(lines)

    def __repr__(self) -> str:
        """One line, verdict first."""
        return f"<StageResult {self.line()}>"

    def _repr_html_(self) -> str:
        """The stage's checks and floors as a table captioned with its verdict."""
        lines = [c.line() for c in (*self.entry, *self.checks)]
        rows = [_html_row(line) for line in (*lines, *(f.line() for f in self.floors))]
        return html_table(self.line(), ["verdict", "figures", "source"], rows)

    @property
    def cap_changed_outcome(self) -> bool:
        """Whether the stage would have had another result without the caps."""
        return self.held and all(c.passed for c in self.checks) != all(
            c.passed for c in self.uncapped
        )


@attrs.frozen(slots=True)
class ProcedureDecision:
    """The outcome of [decide_procedure][community_governance.voting.procedure.decide_procedure].

    Attributes:
        matter: The declared matter.
        outcome: Passed, not passed, pending, provisional or overturned (derived from the
            stages; recomputed on load).
        stages: Every stage, reached or not, in order.
        notices: Remarks: the rule set's own (topics not encoded, stale data), ballots set
            aside, proxy breaches, floors not met, unconfirmed rules used.
        jurisdiction: The code of the rule set the procedure was read from (``""``: by hand).
        on: The day of that rule set.
    """

    matter: DeclaredMatter
    outcome: Outcome
    stages: tuple[StageResult, ...]
    notices: tuple[Notice, ...] = ()
    jurisdiction: str = ""
    on: date | None = None

    @property
    def passed(self) -> bool:
        """Whether the outcome is ``PASSED``."""
        return self.outcome is Outcome.PASSED

    def explain(self, lang: str = "en") -> str:
        """Plain text in ``"en"`` or ``"zh"``: the outcome, then each stage with its checks.

        Chinese uses the statute's wording for each requirement (过半数, 三分之二以上),
        names the matter in Chinese with the jurisdiction's own wording after it (绝对多数决议
        事项（「majorité de l'article 25」）) and names each stage by what it requires, with its
        articles.
        """
        lang = language(lang)
        zh = lang == "zh"
        if zh:
            lines = [f"事项：{self.matter.name('zh')}——{_OUTCOME_ZH[self.outcome]}"]
        else:
            lines = [f"Matter: {self.matter.name()} — {self.outcome.value}"]
        for result in self.stages:
            lines.extend(_stage_lines(result, lang))
        lines.extend(f"{'说明：' if zh else 'Note: '}{n.text(lang)}" for n in self.notices)
        return "\n".join(lines)

    def __repr__(self) -> str:
        """One line, outcome first."""
        held = sum(result.held for result in self.stages)
        verdict = self.outcome.value.upper()
        where = f"; {self.jurisdiction} on {self.on}" if self.jurisdiction else ""
        return f"<ProcedureDecision {verdict}: {self.matter.code}; {held} stage(s) held{where}>"

    __str__ = __repr__

    def _repr_html_(self) -> str:
        rows = [
            [
                result.stage.name,
                check.condition.describe(),
                _figure(check.numerator),
                _figure(check.denominator),
                "✓" if check.passed else "✗",
                check.condition.citation.format(),
            ]
            for result in self.stages
            for check in (*result.checks, *(result.objections or ()))
        ]
        rows += [
            [
                result.stage.name,
                floor.what,
                str(floor.actual),
                str(floor.required),
                "✓" if floor.passed else "✗",
                floor.citation.format(),
            ]
            for result in self.stages
            for floor in result.floors
        ]
        return html_table(
            f"{self.outcome.value.upper()}: {self.matter.label}",
            ["stage", "test", "figure", "base", "verdict", "source"],
            rows,
            footer=[notice.text() for notice in self.notices],
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.procedure_decision/1``."""
        return dump(self, _SCHEMA)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProcedureDecision:
        """Rebuild a decision written by `to_dict`, recomputing every derived fact.

        Each check's numerator and denominator are recomputed from its stage's figures and
        its verdict from them; each floor's verdict; each later stage's entry and whether it
        was reached; and the outcome. A stored value that disagrees is refused.

        Raises:
            DerivedFactMismatchError: a stored derived fact disagrees with the recomputed one
                (naming the field, the stored and the recomputed value).
            InvalidDataError: the data hold a float, name another schema, or do not fit.
        """
        refuse_floats("ProcedureDecision", data)
        decision = load(cls, data, _SCHEMA)
        _verify(decision)
        return decision


_SCHEMA = "community_governance.procedure_decision/1"

_STAGE_ZH = {
    "not-reached": "未进入",
    "not-held": "未表决",
    "passed": "通过",
    "not-passed": "未通过",
}

_OUTCOME_ZH = {
    Outcome.PASSED: "通过",
    Outcome.NOT_PASSED: "未通过",
    Outcome.PENDING: "待定（后续表决尚未举行）",
    Outcome.PROVISIONAL: "暂定（异议期结果尚未报告）",
    Outcome.OVERTURNED: "因书面异议被推翻",
}


def _stage_zh(stage: Stage) -> str:
    """A stage in Chinese: what it requires, then the articles it rests on.

    ``"阶段「全体业主人数十分之一以上出席，且赞成与反对票份额过半数同意」（《…》附表3第5(1)段
    〔高可信度〕；《…》附表3第5(2)段〔高可信度〕）"``.
    """
    cited = "；".join(citation.format("zh") for citation in stage.citations)
    return f"阶段「{stage.describe('zh')}」（{cited}）"


def _stage_lines(result: StageResult, lang: str) -> list[str]:
    """A stage's state, entry, checks, caps, floors and objections, one per line."""
    zh = lang == "zh"
    if zh:
        state = "已表决" if result.held else ("已进入，未表决" if result.reached else "未进入")
        stage = result.stage
        lines = [f"{_stage_zh(stage)}：{state}"]
    else:
        state = (
            "held" if result.held else ("reached, not held" if result.reached else "not reached")
        )
        lines = [f"Stage {result.stage.name}: {state}"]
    entry, caps, objection = (
        ("进入条件", "不封顶时", "异议")
        if zh
        else (
            "entry",
            "without caps",
            "objections",
        )
    )
    lines.extend(f"  {entry} {check.line(lang)}" for check in result.entry)
    lines.extend(f"  {check.line(lang)}" for check in result.checks)
    lines.extend(f"  {line}" for line in _cap_lines(result, lang))
    if result.cap_changed_outcome:
        lines.extend(f"  {caps} {check.line(lang)}" for check in result.uncapped)
    lines.extend(f"  {floor.line(lang)}" for floor in result.floors)
    lines.extend(f"  {objection} {check.line(lang)}" for check in result.objections or ())
    return lines


def _verify(decision: ProcedureDecision) -> None:
    """Refuse a loaded decision whose derived facts differ from those recomputed."""
    previous: StageResult | None = None
    for index, result in enumerate(decision.stages):
        where = f"ProcedureDecision.stages[{index}]"
        _verify_checks(f"{where}.checks", result.checks, result.stage.tests, result.counts)
        _verify_checks(
            f"{where}.uncapped", result.uncapped, result.stage.tests, result.counts_uncapped
        )
        for number, floor in enumerate(result.floors):
            check_derived(
                f"{where}.floors[{number}]", "passed", floor.passed, floor.actual >= floor.required
            )
        for number, check in enumerate(result.objections or ()):
            fresh = _holds(check.condition, check.numerator, check.denominator)
            check_derived(f"{where}.objections[{number}]", "passed", check.passed, fresh)
        if previous is not None and result.stage.entry is not None:
            entry = result.stage.entry
            tests = (*entry.tests, *entry.unless)
            _verify_checks(f"{where}.entry", result.entry, tests, previous.counts)
            done = tuple(c.passed for c in result.entry[: len(entry.tests)])
            unless = tuple(c.passed for c in result.entry[len(entry.tests) :])
            blocked = bool(unless) and all(unless)
            reached = previous.held and not previous.passed and all(done) and not blocked
            check_derived(where, "reached", result.reached, reached)
        previous = result
    check_derived("ProcedureDecision", "outcome", decision.outcome, _outcome_of(decision.stages))


def _verify_checks(
    what: str,
    checks: tuple[ConditionCheck, ...],
    tests: tuple[Condition, ...],
    counts: Mapping[Weight, WeightCounts],
) -> None:
    if checks and len(checks) != len(tests):
        check_derived(what, "length", len(checks), len(tests))
    for number, (check, test) in enumerate(zip(checks, tests, strict=False)):
        where = f"{what}[{number}]"
        check_derived(where, "condition", check.condition, test)
        if test.weight not in counts:
            raise DerivedFactMismatchError(
                what=where,
                field="counts",
                stored=sorted(weight.value for weight in counts),
                recomputed=test.weight.value,
            )
        fresh = _apply(test, counts[test.weight])
        for field in ("numerator", "denominator", "passed"):
            check_derived(where, field, getattr(check, field), getattr(fresh, field))


def _outcome_of(stages: tuple[StageResult, ...]) -> Outcome:
    """The outcome the stages imply (as `decide_procedure` sets it)."""
    last = stages[-1]
    if last.reached and not last.held:
        return Outcome.PENDING
    if not last.passed:
        return Outcome.NOT_PASSED
    if last.stage.objections is None:
        return Outcome.PASSED
    if last.objections is None:
        return Outcome.PROVISIONAL
    return Outcome.OVERTURNED if last.overturned else Outcome.PASSED


def _cap_lines(result: StageResult, lang: str = "en") -> list[str]:
    """One line per weight whose figures the caps changed: before → after."""
    lang = language(lang)
    lines = []
    for weight, after in result.counts.items():
        before = result.counts_uncapped[weight]
        if after != before:
            pairs = (
                (name, getattr(before, name), getattr(after, name))
                for name in ("total", "attending", "agree", "oppose")
            )
            changed = ("，" if lang == "zh" else ", ").join(
                f"{_FIGURE_ZH[name] if lang == 'zh' else name} {_figure(old)} → {_figure(new)}"
                for name, old, new in pairs
                if old != new
            )
            if lang == "zh":
                lines.append(f"按{weight.label('zh')}计封顶后：{changed}")
            else:
                lines.append(f"capped {weight.label()}: {changed}")
    return lines


_FIGURE_ZH = {"total": "总数", "attending": "出席", "agree": "同意", "oppose": "反对"}


def _figure(value: Fraction) -> str:
    return format_exact(normalise(value))


def decide_procedure(
    estate: Estate,
    ballots: Iterable[Ballot],
    *,
    matter: DeclaredMatter | str,
    rules: RuleSet | None = None,
    procedure: Procedure | None = None,
    later: Sequence[Iterable[Ballot] | None] = (),
    objections: Iterable[str] | None = None,
    capacities: Mapping[str, str] | None = None,
) -> ProcedureDecision:
    """Decide a matter under a staged procedure, stage by stage.

    Args:
        estate: The register (``Unit.shares`` is needed when the procedure weighs by shares).
        ballots: The first stage's ballots, at most one per unit.
        matter: The declared matter, or its code when ``rules`` is given (e.g. ``"art-25"``).
        rules: The rule set of the jurisdiction (``rules_for("FR", on=day)``); the matter's
            procedure is read from it with
            [RuleSet.procedure][community_governance.RuleSet.procedure].
        procedure: A procedure built by hand, instead of ``rules``.
        later: For stages 2, 3...: their ballots, or ``None`` for a same-meeting revote on the
            same ballots. A later vote (reconvened meeting, extended window) without ballots
            leaves the decision ``PENDING``.
        objections: Units whose owners objected in writing within the window of the stage that
            passed (``None``: the window has not been reported on).
        capacities: The capacity of each proxy holder (holder → e.g. ``"syndic"``,
            ``"spouse"``), checked against the procedure's
            [ProxyLimit][community_governance.rules.procedures.ProxyLimit]; holders not listed
            are not checked, and the decision says so.

    Returns:
        The [ProcedureDecision][community_governance.voting.procedure.ProcedureDecision].

    Raises:
        ProcedureInputError: a unit lacks shares a test needs, or an objection names no unit.
        UnknownMatterError: ``rules`` does not declare ``matter``.
        UnknownUnitError, DuplicateBallotError, ConflictingBallotsError: bad ballots.
        VotingInputError: an argument has the wrong type, or not exactly one of ``rules`` and
            ``procedure`` is given.
    """
    declared, procedure, admit = _resolve(estate, matter, rules, procedure)
    context = _Context(
        Roll.of(estate, procedure.weights), procedure, _capacities(capacities), admit, []
    )
    results: list[StageResult] = []
    previous: Votes | None = None
    for index, stage in enumerate(procedure.stages):
        if results and results[-1].passed:
            break
        given = later[index - 1] if 0 < index <= len(later) else None
        result, previous = _stage(context, stage, results, previous, ballots, given)
        results.append(result)
        if not result.held:
            break
    outcome = _outcome(results, context.roll, procedure, objections)
    if outcome[1] is not None:
        results[-1] = attrs.evolve(results[-1], objections=outcome[1])
    notices = [
        *(rules.notices if rules is not None else ()),
        *context.notices,
        *_barred(results, outcome[0]),
        *_unconfirmed(procedure, admit),
    ]
    return ProcedureDecision(
        declared,
        outcome[0],
        tuple(results),
        tuple(dict.fromkeys(notices)),
        jurisdiction=rules.code if rules is not None else "",
        on=rules.on if rules is not None else None,
    )


@attrs.frozen(slots=True)
class _Context:
    roll: Roll
    procedure: Procedure
    capacities: Mapping[str, str]
    admit: bool
    notices: list[Notice]


def _resolve(
    estate: object, matter: object, rules: object, procedure: object
) -> tuple[DeclaredMatter, Procedure, bool]:
    """The declared matter, its procedure and whether unconfirmed rules are admitted."""
    if not isinstance(estate, Estate):
        raise VotingInputError(
            "decide_procedure: estate must be an Estate", field="estate", value=estate
        )
    if isinstance(rules, RuleSet) and procedure is None:
        if not isinstance(matter, DeclaredMatter | str):
            raise VotingInputError(
                f"decide_procedure: matter must be a DeclaredMatter or its code, not {matter!r}",
                field="matter",
                value=matter,
            )
        declared, found = rules.procedure(matter)
        return declared, found.value, rules.include_unconfirmed
    if rules is None and isinstance(procedure, Procedure) and isinstance(matter, DeclaredMatter):
        return matter, procedure, False
    if rules is not None or procedure is None:
        field, value = "rules", rules
    elif not isinstance(procedure, Procedure):
        field, value = "procedure", procedure
    else:
        field, value = "matter", matter
    raise VotingInputError(
        "decide_procedure: give rules= (with a matter or its code) or procedure= (with a "
        f"DeclaredMatter), not both; got rules={rules!r:.40}, procedure={procedure!r:.40}, "
        f"matter={matter!r:.40}",
        field=field,
        value=value,
    )


def _capacities(value: object) -> Mapping[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise VotingInputError(
            f"capacities must map proxy holders to capacities (str → str), not {value!r:.80}",
            field="capacities",
            value=value,
        )
    return dict(value)


def _stage(
    context: _Context,
    stage: Stage,
    results: list[StageResult],
    previous: Votes | None,
    first: Iterable[Ballot],
    given: Iterable[Ballot] | None,
) -> tuple[StageResult, Votes | None]:
    """Enter (or not) and count one stage."""
    roll, procedure = context.roll, context.procedure
    entry: tuple[ConditionCheck, ...] = ()
    if stage.entry is not None:
        before = results[-1]
        entry = tuple(_apply(test, before.counts[test.weight]) for test in stage.entry.tests)
        unless = tuple(_apply(test, before.counts[test.weight]) for test in stage.entry.unless)
        blocked = bool(unless) and all(check.passed for check in unless)
        entry += unless
        if (
            not before.held
            or blocked
            or not all(c.passed for c in entry[: len(entry) - len(unless)])
        ):
            return StageResult(stage, reached=False, entry=entry), previous
        if given is None and stage.entry.later_vote:
            return StageResult(stage, reached=True, entry=entry), previous
    if given is None and previous is not None:
        votes = previous
    else:
        votes = limit_proxies(
            roll,
            collect(roll, first if given is None else given),
            procedure.proxies,
            context.capacities,
            context.admit,
        )
        context.notices.extend(_set_aside(votes, procedure, context.capacities))
    counts = _counts(roll, votes, capped(roll, votes, procedure.caps), procedure)
    plain = _counts(roll, votes, {m: dict(roll.weights[m]) for m in votes.choice}, None)
    floors = _floors(stage, roll, votes, counts)
    context.notices.extend(_floor_breach(stage, floor) for floor in floors if not floor.passed)
    return (
        StageResult(
            stage,
            reached=True,
            entry=entry,
            held=True,
            checks=tuple(_apply(test, counts[test.weight]) for test in stage.tests),
            uncapped=tuple(_apply(test, plain[test.weight]) for test in stage.tests),
            floors=floors,
            counts=counts,
            counts_uncapped=plain,
        ),
        votes,
    )


def _counts(
    roll: Roll,
    votes: Votes,
    counted: Mapping[Member, Mapping[Weight, Fraction]],
    procedure: Procedure | None,
) -> dict[Weight, WeightCounts]:
    result = {}
    for weight in Weight:
        sums = dict.fromkeys(Choice, Fraction(0))
        for member, choice in votes.choice.items():
            sums[choice] += counted[member][weight]
        total = capped_total(roll, procedure.caps, weight) if procedure else roll.total(weight)
        agree, oppose = sums[Choice.AGREE], sums[Choice.OPPOSE]
        result[weight] = WeightCounts(
            total=total,
            attending=sum(sums.values(), Fraction(0)),
            participating=agree + oppose + sums[Choice.ABSTAIN],
            agree=agree,
            oppose=oppose,
        )
    return result


def _apply(test: Condition, counts: WeightCounts) -> ConditionCheck:
    # objections are counted as the votes "for" objecting (see _objection_checks)
    numerator = counts.attending if test.role is ConditionRole.ATTENDING else counts.agree
    denominator = counts.base(test.base)
    return ConditionCheck(test, numerator, denominator, _holds(test, numerator, denominator))


def _holds(test: Condition, numerator: Fraction, denominator: Fraction) -> bool:
    if denominator == 0:
        return False
    bound = denominator * test.ratio
    return numerator >= bound if test.comparator is Comparator.AT_LEAST else numerator > bound


def _floors(
    stage: Stage, roll: Roll, votes: Votes, counts: Mapping[Weight, WeightCounts]
) -> tuple[FloorCheck, ...]:
    floors = [
        FloorCheck(
            f"{minimum.weight.label()} attending",
            int(counts[minimum.weight].attending),
            minimum.count,
            counts[minimum.weight].attending >= minimum.count,
            minimum.citation,
            f"出席的{minimum.weight.label('zh')}",
        )
        for minimum in stage.minimums
    ]
    if stage.in_person is not None:
        rule = stage.in_person
        required = min(math.ceil(rule.ratio * len(roll.weights)), rule.count)
        actual = len(votes.in_person)
        floors.append(
            FloorCheck(
                "members voting in person",
                actual,
                required,
                actual >= required,
                rule.citation,
                "亲自投票的业主",
            )
        )
    return tuple(floors)


def _floor_breach(stage: Stage, floor: FloorCheck) -> Notice:
    """A floor not met, with the provision that sets it."""
    return Notice(
        "floor-not-met",
        f"{stage.name}: {floor.what} {floor.actual}, fewer than the {floor.required} required",
        f"{_stage_zh(stage)}：{floor.what_zh}{floor.actual}，少于规定的{floor.required}",
        floor.citation,
    )


def _outcome(
    results: list[StageResult], roll: Roll, procedure: Procedure, objections: Iterable[str] | None
) -> tuple[Outcome, tuple[ConditionCheck, ...] | None]:
    last = results[-1]
    if last.reached and not last.held:
        return Outcome.PENDING, None
    if not last.passed:
        return Outcome.NOT_PASSED, None
    window = last.stage.objections
    if window is None:
        return Outcome.PASSED, None
    if objections is None:
        return Outcome.PROVISIONAL, None
    checks = _objection_checks(roll, procedure, window.tests, objections)
    overturned = bool(checks) and all(check.passed for check in checks)
    return (Outcome.OVERTURNED if overturned else Outcome.PASSED), checks


def _objection_checks(
    roll: Roll, procedure: Procedure, tests: tuple[Condition, ...], objections: Iterable[str]
) -> tuple[ConditionCheck, ...]:
    if isinstance(objections, str) or not isinstance(objections, Iterable):
        raise VotingInputError(
            f"objections must be an iterable of unit ids, not {objections!r}",
            field="objections",
            value=objections,
        )
    members: set[Member] = set()
    for unit in objections:
        member = roll.member_of.get(unit) if isinstance(unit, str) else None
        if member is None:
            raise ProcedureInputError(
                f"objection for {unit!r}: not a unit in the register",
                field="objections",
                value=unit,
            )
        members.add(member)
    votes = Votes(dict.fromkeys(members, Choice.AGREE), frozenset(), {}, ())
    counts = _counts(roll, votes, capped(roll, votes, procedure.caps), procedure)
    return tuple(
        _apply(attrs.evolve(test, role=ConditionRole.OBJECTING), counts[test.weight])
        for test in tests
    )


def _barred(results: list[StageResult], outcome: Outcome) -> list[Notice]:
    """The bar that follows a failed stage, when its text sets one."""
    held = [result for result in results if result.held]
    bar = held[-1].stage.bar if held else None
    if outcome is not Outcome.NOT_PASSED or bar is None:
        return []
    lift = (
        f", unless at least {ratio_text(bar.lifted_by)} of the owners' committee lifts the bar"
        if bar.lifted_by is not None
        else ""
    )
    lift_zh = (
        f"，业主委员会{ratio_text(bar.lifted_by)}以上同意的除外"
        if bar.lifted_by is not None
        else ""
    )
    return [
        Notice(
            "item-barred",
            f"the item is terminated and may not be put again for {bar.months} months{lift}",
            f"该事项终止，{bar.months}个月内不得再次提出{lift_zh}",
            bar.citation,
        )
    ]


def _set_aside(votes: Votes, procedure: Procedure, capacities: Mapping[str, str]) -> list[Notice]:
    notices = []
    if votes.unauthorised:
        notices.append(
            Notice(
                "proxy-without-authorisation",
                f"ballots cast by a proxy without written authorisation were not counted: "
                f"{', '.join(votes.unauthorised)}",
                f"无书面委托的代理投票未计入：{'、'.join(votes.unauthorised)}",
                _DESIGN,
            )
        )
    limit = procedure.proxies
    if limit is None:
        return notices
    notices.extend(_breach_notice(breach, limit) for breach in votes.breaches)
    unchecked = sorted(set(votes.holder.values()) - set(capacities))
    if unchecked and (limit.holders or limit.excluded):
        notices.append(
            Notice(
                "proxy-holder-unchecked",
                f"who may hold a proxy was not checked for {', '.join(unchecked)}: their "
                "capacity was not given (capacities=)",
                f"未提供代理人身份，未核查其是否可以担任代理人：{'、'.join(unchecked)}",
                limit.citation,
            )
        )
    return notices


def _breach_notice(breach: ProxyBreach, limit: ProxyLimit) -> Notice:
    """A proxy breach, with the article it breaches."""
    if breach.kind == "capacity":
        allowed = ", ".join(limit.holders) if limit.holders else "anyone"
        barred = f"; excluded: {', '.join(limit.excluded)}" if limit.excluded else ""
        return Notice(
            "proxy-holder-not-allowed",
            f"{breach.holder} ({breach.detail}) may not hold a proxy (allowed: {allowed}"
            f"{barred}); their delegations were not counted: {breach.labels}",
            f"{breach.holder}（{breach.detail}）不得担任代理人，其代理的投票未计入：{breach.labels}",
            limit.citation,
        )
    share = ratio_text(limit.unless_within) if limit.unless_within is not None else ""
    within = f" unless within {share} of all votes by {limit.weight.label()}" if share else ""
    within_zh = (
        f"（自有及受托{limit.weight.label('zh')}不超过全部的{share}的除外）" if share else ""
    )
    if breach.kind == "count":
        return Notice(
            "proxy-limit-exceeded",
            f"{breach.holder} holds {breach.count} delegations, more than "
            f"{limit.max_delegations}{within}; the delegations beyond the limit were not "
            f"counted: {breach.labels}",
            f"{breach.holder}受托{breach.count}份，超过{limit.max_delegations}份{within_zh}，"
            f"超出部分未计入：{breach.labels}",
            limit.citation,
        )
    return Notice(
        "proxy-limit-exception-unconfirmed",
        f"{breach.holder} holds {breach.count} delegations, more than {limit.max_delegations}; "
        f"they were counted because the holder's votes stay within {share} of all votes, a "
        f"share that is unconfirmed: {breach.labels}",
        f"{breach.holder}受托{breach.count}份，超过{limit.max_delegations}份；因其票数未超过"
        f"全部的{share}（该比例未经核实）而计入：{breach.labels}",
        limit.within_citation,
    )


def _unconfirmed(procedure: Procedure, admitted: bool) -> list[Notice]:
    cited = {procedure.citation} | {cap.citation for cap in procedure.caps}
    for stage in procedure.stages:
        cited |= {stage.citation} | {test.citation for test in stage.tests}
    if procedure.proxies is not None:
        cited.add(procedure.proxies.citation)
        if admitted and procedure.proxies.within_citation is not None:
            cited.add(procedure.proxies.within_citation)
    return unconfirmed_rule_notices(cited)


_DESIGN = Citation(
    "library_design",
    "procedure.ballots",
    confidence=Confidence.MEDIUM,
    note="ballots set aside are reported, never counted",
)


def _html_row(line: str) -> tuple[str, str, str]:
    """Split a check's line into verdict, figures and source for a table row."""
    verdict, _, rest = line.partition(" — ")
    figures, _, source = rest.partition(" Source: ")
    return verdict, figures, source
