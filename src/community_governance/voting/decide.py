"""`decide`: an assembly vote checked against the rule set, exactly and with reasons."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.enums import parse_enum
from community_governance._base.exact import Exact, ratio
from community_governance._base.format import area_text
from community_governance._base.format import counted as counted_text
from community_governance._base.notices import Notice, unconfirmed_rule_notices
from community_governance.exceptions import (
    MissingResolutionError,
    RuleSetNotInForceError,
    VotingArgumentError,
    VotingInputError,
    WholeAssemblyMatterError,
)
from community_governance.register.counting import SPC_ART_9, PersonIndex
from community_governance.register.estate import Estate
from community_governance.register.scope import ScopeCount, count_scope
from community_governance.rules.committee import FreezeWindow
from community_governance.rules.matters import SCOPED_MATTERS, DeclaredMatter, Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Measure, ResolutionRule
from community_governance.rules.voting import DeemedVoteClause, SpoiledPolicy
from community_governance.voting._estate_notices import estate_notices, register_notices
from community_governance.voting._freeze import freeze_notices
from community_governance.voting._tally import PersonChoices, collect
from community_governance.voting.ballots import Ballot, Choice
from community_governance.voting.checks import Check, CheckRole, Figures, Tally, check
from community_governance.voting.decision import Decision, DecisionScope

__all__ = ["decide"]

GUIDANCE_ART_26 = Citation("guidance_rules_2009", "26(1)", note="proxies in writing")


_HEADS, _AREA = Measure.HEADS, Measure.AREA


@attrs.frozen(slots=True)
class _Counts:
    """Integer figures per measure: heads, and area scaled by the estate's ``scale`` (private).

    ``by_choice[measure][choice]`` counts persons by their ballots; ``deemed`` adds non-voters
    to ``deemed_side`` when a deemed-vote clause applies.
    """

    by_choice: dict[Measure, dict[Choice, int]]
    totals: dict[Measure, int]
    scale: int
    spoiled_participate: bool
    deemed: dict[Measure, int] = attrs.field(factory=lambda: dict.fromkeys(Measure, 0))
    deemed_side: Choice | None = None

    def participating(self, measure: Measure) -> int:
        values = self.by_choice[measure]
        counted = values[Choice.AGREE] + values[Choice.OPPOSE] + values[Choice.ABSTAIN]
        if self.spoiled_participate:
            counted += values[Choice.SPOILED]
        return counted + self.deemed[measure]

    def attending(self, measure: Measure) -> int:
        """Everyone who returned a ballot, spoiled ones included, plus deemed votes."""
        values = self.by_choice[measure]
        return sum(values.values()) + self.deemed[measure]

    def of(self, choice: Choice, measure: Measure) -> int:
        value = self.by_choice[measure][choice]
        return value + self.deemed[measure] if choice is self.deemed_side else value

    def area(self, value: int) -> Exact:
        """An area figure (scaled by ``scale``) as an exact number of square metres."""
        return ratio(value, self.scale)

    def figures(self, heads: int, area: int) -> Figures:
        return Figures(heads, self.area(area))

    def figures_of(self, choice: Choice) -> Figures:
        return self.figures(self.of(choice, _HEADS), self.of(choice, _AREA))


def decide(
    estate: Estate,
    ballots: Iterable[Ballot],
    *,
    matter: Matter | str,
    rules: RuleSet,
    opened: date | None = None,
    scope: Iterable[str] | None = None,
    freeze: FreezeWindow | None = None,
) -> Decision:
    """Decide a motion of the owners' assembly.

    Ballots are folded into one choice per counted person (SPC interpretation Art. 9): a
    person who votes for any of its units takes part with its whole area. Persons who did not
    vote are never counted as agreeing, unless the estate's rules carry a
    [DeemedVoteClause][community_governance.rules.DeemedVoteClause], in which case the decision says
    so and also reports the result without it.

    Args:
        estate: The register.
        ballots: At most one ballot per unit.
        matter: The [Matter][community_governance.Matter] (or its value, e.g.
            ``"raise-maintenance-fund"``).
        rules: The rule set from [rules_for][community_governance.rules_for], possibly with
            the estate's own layer on top.
        opened: The day voting opened, if the vote ran over several days. When the rules in
            force that day differ from those on the closing day (``rules.on``), the decision
            keeps the closing day's rules and carries a ``vote-spans-rule-change`` notice
            (which regime governs such a vote is unsettled under Art. 1 of the SPC rules on
            the Civil Code's temporal effect).
        scope: Unit ids of the owners concerned (e.g. one building's units, from
            ``[u.id for u in estate.units if u.building == "3"]``) for a decision of those
            owners only (Shanghai Residential Property Management Provisions Arts. 35 and 69):
            persons and area are counted again within the scope
            ([count_scope][community_governance.register.count_scope], equal to counting
            [Estate.restrict][community_governance.Estate.restrict]), a ballot for a unit
            outside it is an unknown unit, and the decision records the scope
            (``Decision.scope``) with a ``scoped-decision`` notice.
        freeze: The re-election window declared for this vote (from
            [frozen_window][community_governance.committee.frozen_window], or
            ``FreezeWindow(None)``: no re-election running). When the rule set freezes the
            matter while its committee is re-elected (Shanghai Residential Property Management
            Provisions Art. 28: hiring or dismissing the property company, fee changes, major
            repairs, other major matters), a vote with a day inside the window is **refused**;
            without a declaration the decision carries a ``freeze-not-declared`` notice naming
            the article, valid only outside such a window (library design decision: the engine
            cannot see the re-election, so it refuses what it knows and says what it cannot).

    Returns:
        The [Decision][community_governance.Decision].

    Raises:
        InvalidChoiceError: ``matter`` is not a known matter.
        MissingResolutionError: ``matter`` is one the rule set's jurisdiction declares itself
            (a staged procedure: decide it with
            [decide_procedure][community_governance.voting.procedure.decide_procedure]), or
            the rule set has no resolution rule for it (a foreign rule set has none for the
            matters of `Matter`).
        UnknownUnitError: a ballot names a unit not in the register.
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person disagree.
        ScopeError: ``scope`` is a string or holds a non-string.
        EmptyEstateError: ``scope`` selects no unit (an empty scope has no owners concerned).
        WholeAssemblyMatterError: ``scope`` is given for a matter only the whole assembly
            decides (items 1-4 of Civil Code Art. 278(1); see `Matter.whole_assembly`).
        RuleSetError: the rule set has no usable rule for the matter.
        FrozenMatterError: the matter is frozen on a day of the vote (see ``freeze``).
    """
    ballots = _inputs(estate, ballots, rules, opened)
    counted = count_scope(estate, scope)
    matter = _matter(rules, matter)
    if scope is not None and matter.whole_assembly:
        raise _whole_assembly(matter, counted)
    frozen = freeze_notices(rules, matter, freeze, opened)
    provided = rules.resolution(matter)
    rule: ResolutionRule = provided.value
    declared_spoiled = rules.voting.spoiled_ballots
    spoiled = declared_spoiled.value if declared_spoiled else SpoiledPolicy.PARTICIPATING
    choices = _collect(counted, ballots)
    counts = _initial_counts(counted.person_index, choices, spoiled)
    notices = frozen + _about(matter, _notices(counted, rules, rule, choices, spoiled, counts))
    if opened is not None:
        notices += _spanning(rules, opened)
    if scope is None:
        where = None
    else:
        whole = counted.units == len(estate.units)
        where = DecisionScope(counted.units, counted.buildings, whole)
    if where is not None:
        notices = (where.notice(_tally(counts).total), *notices)
    frame = _Frame(matter, rules, provided.layer, rule, notices, where)
    deemed_param = rules.voting.deemed_vote
    if deemed_param is None:
        return frame.build(counts, (), None)
    cite = deemed_param.citation
    deemed, extra = _apply_deemed(deemed_param.value, counts, cite)
    if deemed is None:
        return frame.build(counts, extra, None)
    return frame.build(deemed, extra, frame.build(counts, (), None))


def _whole_assembly(matter: Matter, counted: ScopeCount) -> WholeAssemblyMatterError:
    """The error for a scope given with a matter only the whole assembly decides."""
    return WholeAssemblyMatterError(
        f"decide: {matter.label()} ({matter.label('zh')}) is decided by the whole owners' "
        f"assembly (Civil Code Art. 278(1) item {matter.item}), not by the owners of "
        f"{counted_text(counted.units, 'unit')}; decide it without scope= "
        f"({SCOPED_MATTERS.format()})",
        matter=matter.value,
        units=counted.units,
    )


def _matter(rules: RuleSet, matter: object) -> Matter:
    """The matter as a `Matter`; a matter the rule set declares itself is refused by name.

    A jurisdiction whose layers declare their own matters (``RuleSet.matters``, e.g. France's
    ``"art-24"``) decides them in stages: `decide` never runs a Chinese threshold for them.
    """
    code = matter.code if isinstance(matter, DeclaredMatter) else matter
    if isinstance(code, str) and code in {declared.code for declared in rules.matters}:
        raise MissingResolutionError(
            f"decide: {code!r} is a matter {rules.code} declares itself, decided in stages: use "
            f"voting.decide_procedure(estate, ballots, rules=rules, matter={code!r}) (its "
            f"procedure is RuleSet.procedure({code!r})); decide() applies the resolution rules "
            "of the matters of `Matter`",
            code=rules.code,
            matter=code,
        )
    return parse_enum(Matter, matter, what="matter")


def _initial_counts(people: PersonIndex, choices: PersonChoices, spoiled: SpoiledPolicy) -> _Counts:
    """The per-measure figures of the folded ballots, before any deemed votes."""
    return _Counts(
        by_choice={
            _HEADS: {choice: choices.heads[choice.slot] for choice in Choice},
            _AREA: {choice: choices.area[choice.slot] for choice in Choice},
        },
        totals={_HEADS: people.heads, _AREA: people.total_area},
        scale=people.scale,
        spoiled_participate=spoiled is SpoiledPolicy.PARTICIPATING,
    )


@attrs.frozen(slots=True)
class _Frame:
    """What every decision of one call shares: matter, rules, rule and notices (private)."""

    matter: Matter
    rules: RuleSet
    layer: str
    rule: ResolutionRule
    notices: tuple[Notice, ...]
    scope: DecisionScope | None = None

    def build(self, counts: _Counts, extra: tuple[Notice, ...], other: Decision | None) -> Decision:
        checks = _checks(self.rule, counts)
        return Decision(
            matter=self.matter,
            passed=all(check.passed for check in checks),
            checks=checks,
            tally=_tally(counts),
            jurisdiction=self.rules.code,
            on=self.rules.on,
            layers=self.rules.layer_names,
            rule_layer=self.layer,
            rule_citation=self.rule.citation,
            notices=(*self.notices, *extra),
            without_deemed_votes=other,
            scope=self.scope,
        )


def _inputs(estate: object, ballots: object, rules: object, opened: object) -> Sequence[Ballot]:
    """Refuse arguments of the wrong type before anything is counted; the ballots as a sequence."""
    if not isinstance(estate, Estate):
        raise VotingInputError(
            f"decide: estate must be an Estate, not {estate!r}", field="estate", value=estate
        )
    if not isinstance(rules, RuleSet):
        raise VotingInputError(
            f"decide: rules must be a RuleSet from rules_for(...), not {rules!r}",
            field="rules",
            value=rules,
        )
    if opened is not None and (isinstance(opened, datetime) or not isinstance(opened, date)):
        raise VotingInputError(
            f"decide: opened must be a datetime.date (not a datetime or a str), not {opened!r}",
            field="opened",
            value=opened,
        )
    if not isinstance(ballots, Iterable) or isinstance(ballots, str | bytes | dict | Ballot):
        raise VotingInputError(
            f"decide: ballots must be an iterable of Ballot, not {ballots!r}",
            field="ballots",
            value=ballots,
        )
    return ballots if isinstance(ballots, list | tuple) else tuple(ballots)


def _collect(counted: ScopeCount, ballots: Sequence[Ballot]) -> PersonChoices:
    """`collect`, with a named error for an item that is not a Ballot.

    The item types are checked only on failure, so that the common case pays nothing.
    """
    try:
        return collect(counted.estate, ballots, counted.person_index)
    except AttributeError:
        bad = next(ballot for ballot in ballots if not isinstance(ballot, Ballot))
        raise VotingInputError(
            f"decide: each ballot must be a Ballot, not {bad!r}", field="ballots", value=bad
        ) from None


def _checks(rule: ResolutionRule, counts: _Counts) -> tuple[Check, ...]:
    checks: list[Check] = []
    for role, thresholds in ((CheckRole.QUORUM, rule.quorum), (CheckRole.APPROVAL, rule.approval)):
        for threshold in thresholds:
            measure = threshold.measure
            if role is CheckRole.QUORUM:
                numerator = counts.participating(measure)
            else:
                numerator = counts.of(Choice.AGREE, measure)
            if threshold.base is Base.ALL:
                denominator = counts.totals[measure]
            elif threshold.base is Base.PARTICIPATING:
                denominator = counts.participating(measure)
            elif threshold.base is Base.ATTENDING:
                denominator = counts.attending(measure)
            else:
                denominator = counts.of(Choice.AGREE, measure) + counts.of(Choice.OPPOSE, measure)
            scale = 1 if measure is _HEADS else counts.scale
            checks.append(check(role, threshold, numerator, denominator, scale))
    return tuple(checks)


def _tally(counts: _Counts) -> Tally:
    return Tally(
        total=counts.figures(counts.totals[_HEADS], counts.totals[_AREA]),
        participating=counts.figures(counts.participating(_HEADS), counts.participating(_AREA)),
        agree=counts.figures_of(Choice.AGREE),
        oppose=counts.figures_of(Choice.OPPOSE),
        abstain=counts.figures_of(Choice.ABSTAIN),
        spoiled=counts.figures_of(Choice.SPOILED),
        deemed=counts.figures(counts.deemed[_HEADS], counts.deemed[_AREA]),
    )


def _apply_deemed(
    clause: DeemedVoteClause, counts: _Counts, source: Citation
) -> tuple[_Counts | None, tuple[Notice, ...]]:
    """Add non-voters to the majority side, if there is one on both measures."""
    contested = Notice(
        "deemed-vote-contested",
        f"the estate's clause '{clause.clause}' adds non-voters to the majority; its validity "
        "after the Civil Code (2021-01-01) is contested, so the result without it is reported "
        "too",
        f"本小区条款“{clause.clause}”将未参与表决的业主计入多数；该做法在《民法典》施行后"
        "效力存在争议，故同时给出不适用该条款的结果",
        clause.citation,
    )
    agree, oppose = (
        [counts.by_choice[measure][choice] for measure in Measure]
        for choice in (Choice.AGREE, Choice.OPPOSE)
    )
    if all(a > o for a, o in zip(agree, oppose, strict=True)):
        side = Choice.AGREE
    elif all(o > a for a, o in zip(agree, oppose, strict=True)):
        side = Choice.OPPOSE
    else:
        return None, (
            contested,
            Notice(
                "deemed-vote-no-majority",
                "agree and oppose have no common majority in both heads and area; no deemed "
                "votes were added",
                "同意与反对在人数和面积上没有一致的多数，未计入视为多数的票",
                _DEEMED_DESIGN,
            ),
        )
    if clause.majority_floor is not None and not all(
        2 * counts.by_choice[measure][side] > counts.totals[measure] for measure in Measure
    ):
        return None, (
            contested,
            Notice(
                "deemed-vote-floor-not-met",
                "the actual majority does not exceed half of the total heads and area (the floor "
                f"of {clause.majority_floor.format()}); no deemed votes were added",
                "实际多数未超过总人数和总面积的一半（"
                f"{clause.majority_floor.format('zh')}规定的下限），未计入视为多数的票",
                clause.majority_floor,
            ),
        )
    missing = {
        measure: counts.totals[measure] - counts.participating(measure) for measure in Measure
    }
    deemed = attrs.evolve(counts, deemed=missing, deemed_side=side)
    heads, area = missing[_HEADS], area_text(counts.area(missing[_AREA]))
    applied = Notice(
        "deemed-votes-applied",
        f"{heads} non-voting persons ({area} m²) were counted as taking "
        f"part and voting {side.value}, under {source.format()}",
        f"{heads}名未参与表决的业主（{area}平方米）被视为参与表决并"
        f"{side.label('zh')}，依据{source.format('zh')}",
        clause.citation,
    )
    return deemed, (contested, applied)


_DEEMED_DESIGN = Citation(
    "library_design",
    "deemed-vote.majority",
    confidence=Confidence.MEDIUM,
    note="the majority must hold on both heads and area for deemed votes to be added",
)


def _about(matter: Matter, notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
    """The notices without the rule set's looser-than-national notices for other matters."""
    own = f"for {matter.label()}, "
    return tuple(
        n for n in notices if n.code != "local-looser-than-national" or n.en.startswith(own)
    )


def _notices(
    counted: ScopeCount,
    rules: RuleSet,
    rule: ResolutionRule,
    choices: PersonChoices,
    spoiled: SpoiledPolicy,
    counts: _Counts,
) -> tuple[Notice, ...]:
    if counted.person_index is counted.estate.person_index:  # the whole register
        register = estate_notices(counted.estate)  # built once per estate
    else:
        several = len(counted.estate.developer_entities) > 1  # else no scope has several
        register = register_notices(counted.overlaps, counted.developer_entities if several else ())
    notices = [*rules.notices, *register]
    if choices.unauthorised_proxies:
        units = ", ".join(choices.unauthorised_proxies)
        notices.append(
            Notice(
                "proxy-without-authorisation",
                f"ballots cast by a proxy without written authorisation were not counted: {units}",
                f"无书面委托的代理投票未计入：{units}",
                GUIDANCE_ART_26,
            )
        )
    partial = _partial(counted, choices)
    if partial:
        notices.append(
            Notice(
                "partial-person-ballots",
                f"some counted persons voted for only some of their units ({', '.join(partial)}); "
                "each takes part with its whole area and its one choice",
                f"部分业主只为其部分专有部分投票（{'、'.join(partial)}）；按一人计，其全部面积"
                "随其表决意见计入",
                SPC_ART_9,
            )
        )
    spoiled_heads = counts.by_choice[_HEADS][Choice.SPOILED]
    if spoiled_heads:
        how = (
            "counted as taking part, not agreeing"
            if spoiled is SpoiledPolicy.PARTICIPATING
            else "not counted"
        )
        notices.append(
            Notice(
                "spoiled-ballots",
                f"{spoiled_heads} spoiled ballot(s) were {how}",
                f"{spoiled_heads}张废票"
                + (
                    "计入参与表决、不计入同意"
                    if spoiled is SpoiledPolicy.PARTICIPATING
                    else "不计入"
                ),
                spoiled.citation,
            )
        )
    used = {rule.citation} | {t.citation for t in (*rule.quorum, *rule.approval)}
    notices.extend(unconfirmed_rule_notices(used))
    return tuple(dict.fromkeys(notices))


def _partial(counted: ScopeCount, choices: PersonChoices) -> list[str]:
    """Labels of persons who voted for only some of their units (at most ``_SHOWN`` + a count)."""
    multi = counted.person_index.multi_unit
    # persons with several units who voted, less those who voted for all of them; all in C:
    # choices.ballots maps persons with two or more ballots to their count, multi to their units
    complete = dict(choices.ballots.items() & multi.items())
    partial = (multi.keys() & choices.choice.keys()) - complete.keys()
    estate = counted.estate
    labels = [estate.person_label(person) for person in heapq.nsmallest(_SHOWN, partial)]
    if len(partial) > _SHOWN:
        labels.append(f"… {len(partial) - _SHOWN} more")
    return labels


_SHOWN = 20


def _spanning(rules: RuleSet, opened: date) -> tuple[Notice, ...]:
    """A notice when the layers in force on ``opened`` differ from those of ``rules``."""
    if opened > rules.on:
        raise VotingArgumentError(
            f"vote opened {opened} after it closed {rules.on}",
            field="opened",
            value=opened.isoformat(),
        )
    try:
        then = rules.on_day(opened)
    except RuleSetNotInForceError:
        then = None
    earlier = () if then is None else then.layer_names
    later = tuple(layer.name for layer in rules.layers if layer.code != "estate")
    if earlier == later:
        return ()
    before = ", ".join(earlier) or "none in force"
    return (
        Notice(
            "vote-spans-rule-change",
            f"the vote opened {opened} under {before} and closed {rules.on} under "
            f"{', '.join(later)}; the closing day's rules were applied",
            f"表决于{opened}开始，于{rules.on}结束，其间适用的规则层发生变化"
            f"（开始日{len(earlier)}层，结束日{len(later)}层）；本结果按结束日的规则计算",
            _SPANNING,
        ),
    )


_SPANNING = Citation(
    "library_design",
    "decide.opened",
    confidence=Confidence.MEDIUM,
    note="a vote spanning a change of regime is keyed on its closing day",
)
