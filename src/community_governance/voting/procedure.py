"""`decide_procedure`: a weighted, capped, staged vote checked against a jurisdiction pack.

The engine is generic: a [Procedure][community_governance.rules.procedures.Procedure] says what
one vote weighs, which caps cut large holders, what each stage requires and how a later stage
is reached; facts that come after the vote (a reconvened meeting's ballots, written objections)
are arguments. The decision returns every stage with its checks, each before and after the caps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.exact import format_exact, normalise
from community_governance._base.format import ratio_text
from community_governance._base.frozen import FrozenMap
from community_governance._base.html import html_table
from community_governance._base.notices import Notice
from community_governance.exceptions import ProcedureInputError, VotingInputError
from community_governance.register.estate import Estate
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.procedures import Condition, ConditionRole, Procedure, Stage, Weight
from community_governance.rules.thresholds import Base, Comparator
from community_governance.voting._members import (
    Member,
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

    def line(self) -> str:
        """One line: verdict, figures, requirement and source."""
        verdict = "✓ met" if self.passed else "✗ not met"
        test = self.condition
        return (
            f"{verdict} — {test.role.value} by {test.weight.label()}: {_figure(self.numerator)} "
            f"of {_figure(self.denominator)}; required {test.comparator.label()} "
            f"{ratio_text(test.ratio)} of {test.base.label()}. Source: {test.citation.format()}"
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

    def line(self) -> str:
        """One line: verdict, the count against the floor, and the source."""
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

    def line(self) -> str:
        """One line: the stage's verdict and name."""
        if not self.reached:
            verdict = "not reached"
        elif not self.held:
            verdict = "not held"
        else:
            verdict = "passed" if self.passed else "not passed"
        return f"{verdict}: {self.stage.name}"

    def __str__(self) -> str:
        """One line, verdict first (the same as `line`)."""
        return self.line()

    def explain(self) -> str:
        """The verdict, then every check and floor, one per line."""
        lines = [self.line(), *(f"  {c.line()}" for c in (*self.entry, *self.checks))]
        lines += [f"  {floor.line()}" for floor in self.floors]
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
        outcome: Passed, not passed, pending, provisional or overturned.
        stages: Every stage, reached or not, in order.
        notices: Remarks (ballots set aside, caps applied, unconfirmed rules used).
    """

    matter: DeclaredMatter
    outcome: Outcome
    stages: tuple[StageResult, ...]
    notices: tuple[Notice, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether the outcome is ``PASSED``."""
        return self.outcome is Outcome.PASSED

    def explain(self) -> str:
        """Plain text: the outcome, then each stage with its checks before and after caps."""
        lines = [f"Matter: {self.matter.label} ({self.matter.local}) — {self.outcome.value}"]
        for result in self.stages:
            state = (
                "held"
                if result.held
                else ("reached, not held" if result.reached else "not reached")
            )
            lines.append(f"Stage {result.stage.name}: {state}")
            lines.extend(f"  entry {check.line()}" for check in result.entry)
            lines.extend(f"  {check.line()}" for check in result.checks)
            lines.extend(f"  {line}" for line in _cap_lines(result))
            if result.cap_changed_outcome:
                lines.extend(f"  without caps {check.line()}" for check in result.uncapped)
            lines.extend(
                f"  {'✓' if f.passed else '✗'} {f.what}: {f.actual} (at least {f.required})"
                for f in result.floors
            )
            lines.extend(f"  objections {check.line()}" for check in result.objections or ())
        lines.extend(f"Note: {notice.text()}" for notice in self.notices)
        return "\n".join(lines)

    def __repr__(self) -> str:
        """One line, outcome first."""
        held = sum(result.held for result in self.stages)
        verdict = self.outcome.value.upper()
        return f"<ProcedureDecision {verdict}: {self.matter.code}; {held} stage(s) held>"

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
            for check in result.checks
        ]
        return html_table(
            f"{self.matter.label}: {self.outcome.value}",
            ["stage", "test", "figure", "base", "verdict", "source"],
            rows,
            footer=[notice.text() for notice in self.notices],
        )


def _cap_lines(result: StageResult) -> list[str]:
    """One line per weight whose figures the caps changed: before → after."""
    lines = []
    for weight, after in result.counts.items():
        before = result.counts_uncapped[weight]
        if after != before:
            pairs = (
                (name, getattr(before, name), getattr(after, name))
                for name in ("total", "attending", "agree", "oppose")
            )
            changed = ", ".join(
                f"{name} {_figure(old)} → {_figure(new)}" for name, old, new in pairs if old != new
            )
            lines.append(f"capped {weight.label()}: {changed}")
    return lines


def _figure(value: Fraction) -> str:
    return format_exact(normalise(value))


def decide_procedure(
    estate: Estate,
    ballots: Iterable[Ballot],
    *,
    procedure: Procedure,
    matter: DeclaredMatter,
    later: Sequence[Iterable[Ballot] | None] = (),
    objections: Iterable[str] | None = None,
) -> ProcedureDecision:
    """Decide a matter under a staged procedure, stage by stage.

    Args:
        estate: The register (``Unit.shares`` is needed when the procedure weighs by shares).
        ballots: The first stage's ballots, at most one per unit.
        procedure: From ``PackRegistry.procedure`` (or built by hand).
        matter: The declared matter (for the record).
        later: For stages 2, 3...: their ballots, or ``None`` for a same-meeting revote on the
            same ballots. A later vote (reconvened meeting, extended window) without ballots
            leaves the decision ``PENDING``.
        objections: Units whose owners objected in writing within the window of the stage that
            passed (``None``: the window has not been reported on).

    Returns:
        The [ProcedureDecision][community_governance.voting.procedure.ProcedureDecision].

    Raises:
        ProcedureInputError: a unit lacks shares a test needs, or an objection names no unit.
        UnknownUnitError, DuplicateBallotError, ConflictingBallotsError: bad ballots.
        VotingInputError: an argument has the wrong type.
    """
    if not isinstance(estate, Estate) or not isinstance(procedure, Procedure):
        raise VotingInputError(
            "decide_procedure: estate must be an Estate and procedure a Procedure",
            field="estate" if not isinstance(estate, Estate) else "procedure",
            value=estate if not isinstance(estate, Estate) else procedure,
        )
    roll = Roll.of(estate, procedure.weights)
    results: list[StageResult] = []
    notices: list[Notice] = []
    previous: Votes | None = None
    for index, stage in enumerate(procedure.stages):
        if results and results[-1].passed:
            break
        given = later[index - 1] if 0 < index <= len(later) else None
        result, previous = _stage(
            roll, procedure, stage, results, previous, ballots, given, notices
        )
        results.append(result)
        if not result.held:
            break
    outcome = _outcome(results, roll, procedure, objections)
    if outcome[1] is not None:
        results[-1] = attrs.evolve(results[-1], objections=outcome[1])
    notices.extend(_barred(results, outcome[0]))
    notices.extend(_unconfirmed(procedure))
    return ProcedureDecision(matter, outcome[0], tuple(results), tuple(dict.fromkeys(notices)))


def _stage(
    roll: Roll,
    procedure: Procedure,
    stage: Stage,
    results: list[StageResult],
    previous: Votes | None,
    first: Iterable[Ballot],
    given: Iterable[Ballot] | None,
    notices: list[Notice],
) -> tuple[StageResult, Votes | None]:
    """Enter (or not) and count one stage."""
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
            roll, collect(roll, first if given is None else given), procedure.proxies
        )
        notices.extend(_set_aside(votes))
    counts = _counts(roll, votes, capped(roll, votes, procedure.caps), procedure)
    plain = _counts(roll, votes, {m: dict(roll.weights[m]) for m in votes.choice}, None)
    return (
        StageResult(
            stage,
            reached=True,
            entry=entry,
            held=True,
            checks=tuple(_apply(test, counts[test.weight]) for test in stage.tests),
            uncapped=tuple(_apply(test, plain[test.weight]) for test in stage.tests),
            floors=_floors(stage, roll, votes, counts),
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
        )
        for minimum in stage.minimums
    ]
    if stage.in_person is not None:
        rule = stage.in_person
        required = min(math.ceil(rule.ratio * len(roll.weights)), rule.count)
        actual = len(votes.in_person)
        floors.append(
            FloorCheck(
                "members voting in person", actual, required, actual >= required, rule.citation
            )
        )
    return tuple(floors)


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
        _apply(attrs.evolve(test, role=ConditionRole.AGREE), counts[test.weight]) for test in tests
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


def _set_aside(votes: Votes) -> list[Notice]:
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
    if votes.over_limit:
        notices.append(
            Notice(
                "proxy-limit-exceeded",
                "delegations beyond the holder's limit were not counted: "
                + "; ".join(votes.over_limit),
                f"超出代理人可持委托数的委托未计入：{'；'.join(votes.over_limit)}",
                _DESIGN,
            )
        )
    return notices


def _unconfirmed(procedure: Procedure) -> list[Notice]:
    cited = {procedure.citation} | {cap.citation for cap in procedure.caps}
    for stage in procedure.stages:
        cited |= {stage.citation} | {test.citation for test in stage.tests}
    return [
        Notice(
            "unconfirmed-rule-used",
            f"an unconfirmed rule was used: {citation.format()}",
            f"使用了未经核实的规则：{citation.format('zh')}",
            citation,
        )
        for citation in sorted(cited, key=Citation.format)
        if not citation.confirmed
    ]


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
