"""`decide_frame`: a motion decided from a ballot frame, the same `Decision` as `decide`."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import narwhals.stable.v2 as nw
import numpy as np
import numpy.typing as npt

from community_governance._base.exact import normalise
from community_governance._base.notices import Notice
from community_governance.frames import _intake
from community_governance.frames.columnar import ColumnarEstate, columnar
from community_governance.register.counting import SPC_ART_9
from community_governance.register.estate import Estate
from community_governance.rules.matters import Matter
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Measure
from community_governance.rules.voting import SpoiledPolicy
from community_governance.voting import Ballot, Choice, Decision, decide
from community_governance.voting.checks import Check, CheckRole, Figures, Tally, check

__all__ = ["ballots_from_frame", "decide_frame"]

_SHOWN = 20
_TRAILING = frozenset({"unconfirmed-rule-used", "vote-spans-rule-change"})


def decide_frame(
    estate: Estate,
    ballots: Any,
    *,
    matter: Matter | str,
    rules: RuleSet,
    opened: date | None = None,
    unit: str = "unit",
    choice: str = "choice",
) -> Decision:
    """Decide a motion from a ballot frame: the same `Decision` as `decide`.

    ``ballots`` is a pandas, polars or pyarrow table (anything narwhals reads) with a unit
    column and a choice column (``agree``/``oppose``/``abstain``/``spoiled`` or 同意/反对/弃权/
    废票). A null choice means no ballot for that unit, so a tally sheet with one row per unit
    can be passed as it is; in register order it is matched with one comparison. Ballots are
    folded per counted person (SPC interpretation Art. 9) in one vectorised pass; an
    irregular sheet (unknown unit, a unit twice, persons whose ballots disagree) raises the
    error `decide` raises for the first such ballot. Under a deemed-vote clause the frame
    is counted by the object path (the clause is rare and its notices are the engine's own).

    Args:
        estate: The register.
        ballots: The ballot frame.
        matter: The matter decided.
        rules: The rule set.
        opened: The day voting opened (see `decide`).
        unit: Name of the unit column.
        choice: Name of the choice column.

    Returns:
        The [Decision][community_governance.Decision].

    Raises:
        FrameError: ``ballots`` is not a frame, or a column is missing.
        InvalidChoiceError: a choice is not a known spelling.
        InvalidBallotError: a ballot's unit is not a non-empty string.
        UnknownUnitError: a ballot names a unit not in the register.
        DuplicateBallotError: a unit has two ballots.
        ConflictingBallotsError: ballots of one counted person disagree.
    """
    shell = decide(estate, (), matter=matter, rules=rules, opened=opened)
    data = _intake.frame(ballots, "ballots")
    codes = _choices(_intake.column(data, choice, "ballots"))
    units = _intake.column(data, unit, "ballots")
    view = columnar(estate)
    found, aligned = _intake.positions(view, units)
    folded = None
    if aligned:  # one row per unit in register order: no unknown unit, no unit twice
        folded = _fold(view, codes)
    else:
        voted = codes >= 0
        found, codes = found[voted], codes[voted]
        if not ((found < 0).any() or np.bincount(found, minlength=1).max() > 1):
            by_unit = np.full(len(view.person_of), -1, dtype=np.int8)
            by_unit[found] = codes
            folded = _fold(view, by_unit)
    if folded is None or rules.voting.deemed_vote is not None:
        # the object path raises the error of the first irregular ballot, and applies a
        # deemed-vote clause with its own notices
        objects = ballots_from_frame(data, unit=unit, choice=choice)
        return decide(estate, objects, matter=matter, rules=rules, opened=opened)
    return _decision(shell, rules, view, *folded)


def _fold(
    view: ColumnarEstate, codes: npt.NDArray[np.int8]
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int32]] | None:
    """Each person's choice from each unit's choice (``-1``: none), and the partial voters.

    A person holding one unit takes its unit's choice. For the persons holding several
    (their units grouped once per estate), three ``bincount`` passes sum, per person, the
    ballots ``n``, the values ``v = choice + 1`` and their squares: ``n * Σv² = (Σv)²`` exactly
    when all its ballots agree (Cauchy-Schwarz; small integers, exact in floats), else
    ``None`` is returned; a person with fewer ballots than units voted for only some of them.
    """
    chosen = codes[view.first_unit]
    persons = view.shared_persons
    if not len(persons):
        return chosen, persons
    value = codes[view.shared_units].astype(np.int64) + 1  # 0: no ballot for that unit
    group, size = view.shared_group, len(persons)
    ballots = np.bincount(group, weights=value > 0, minlength=size).astype(np.int64)
    total = np.bincount(group, weights=value, minlength=size).astype(np.int64)
    squares = np.bincount(group, weights=value * value, minlength=size).astype(np.int64)
    if bool((ballots * squares != total * total).any()):
        return None
    voted = ballots > 0
    chosen[persons[voted]] = total[voted] // ballots[voted] - 1
    partial = voted & (ballots != view.units_per_person[persons])
    return chosen, persons[partial]


def ballots_from_frame(ballots: Any, *, unit: str = "unit", choice: str = "choice") -> list[Ballot]:
    """The ballot frame as `Ballot` objects (rows with a null choice left out), in row order.

    Raises:
        FrameError: ``ballots`` is not a frame, or a column is missing.
        InvalidChoiceError: a choice is not a known spelling.
        InvalidBallotError: a unit is not a non-empty string.
    """
    data = _intake.frame(ballots, "ballots")
    units = _intake.cells(_intake.column(data, unit, "ballots"))
    choices = _intake.cells(_intake.column(data, choice, "ballots"))
    return [Ballot(u, c) for u, c in zip(units, choices, strict=True) if c is not None]


#: The usual spellings, matched column-wide; any other cell is parsed by `Choice.parse`.
_USUAL = tuple((c.slot, c.value) for c in Choice) + tuple((c.slot, c.label("zh")) for c in Choice)


_TEXT = (nw.String, nw.Categorical, nw.Enum)


def _choices(values: nw.Series[Any]) -> npt.NDArray[np.int8]:
    """Choice slots (``-1`` for a null).

    A text column is matched in the frame's backend (`_matched`); any other column (numbers,
    booleans, bytes, Python objects), or text the backend cannot compare, is parsed cell by
    cell as `Ballot` parses it, so that a cell that is not a known spelling raises the same
    `InvalidChoiceError`.
    """
    if any(values.dtype == kind for kind in _TEXT):
        try:
            return _matched(values)
        except NotImplementedError:  # e.g. Arrow's string_view has no comparison kernel
            pass
    cells = _intake.cells(values)
    return np.array([-1 if c is None else Choice.parse(c).slot for c in cells], dtype=np.int8)


def _matched(values: nw.Series[Any]) -> npt.NDArray[np.int8]:
    """Choice slots of a text column (``-1`` for a null), matched in the frame's backend.

    The usual spellings are matched the most frequent first, until every cell is matched;
    any other distinct cell is parsed once (an unknown spelling raises `InvalidChoiceError`).
    """
    codes = np.zeros(len(values), dtype=np.int8)  # slot + 1 while matching; 0: not yet
    nulls = values.null_count()
    left = len(values) - nulls
    # a comparison with a null cell is null; "and present" makes it false (Kleene logic), so
    # that each match converts to a plain boolean array
    present = ~values.is_null() if nulls else None
    for slot, spelling in _USUAL:
        if not left:
            break  # every cell matched: the other spellings need not be looked for
        match = values == spelling
        found = np.asarray((match if present is None else match & present).to_numpy(), bool)
        count = int(np.count_nonzero(found))
        if count:  # distinct spellings match distinct cells: adding the slot sets it
            codes += found.view(np.int8) * np.int8(slot + 1)
            left -= count
    if left:
        rest = (codes == 0) & (values.is_null().to_numpy() == 0)
        others = values.filter(nw.new_series("rest", rest, nw.Boolean(), backend=_backend(values)))
        # each distinct spelling parsed once, then looked up: one pass over these cells, not
        # one comparison of the whole column per spelling (quadratic in distinct spellings)
        slots = {
            spelling: Choice.parse(spelling).slot + 1 for spelling in others.unique().to_list()
        }
        codes[rest] = [slots[cell] for cell in others.to_list()]
    codes -= 1
    return codes


def _backend(series: nw.Series[Any]) -> Any:
    return nw.get_native_namespace(series)


def _sums(view: ColumnarEstate, chosen: npt.NDArray[np.int8]) -> tuple[list[int], list[int]]:
    """Heads and scaled area per choice slot, exactly.

    One ``bincount`` over every person, non-voters in an extra first bin (no masking); areas
    summed as floats only below `FLOAT_EXACT_BOUND`, where that is exact.
    """
    bins = chosen.astype(np.intp) + 1  # non-voters (-1) in bin 0; one cast for both counts
    size = len(Choice) + 1
    heads = np.bincount(bins, minlength=size)[1:]
    weights = view.person_area_float
    if weights is not None:
        area = [int(a) for a in np.bincount(bins, weights=weights, minlength=size)[1:]]
    else:
        area = [int(view.person_area[chosen == slot].sum()) for slot in range(len(Choice))]
    return [int(h) for h in heads], area


def _decision(
    shell: Decision,
    rules: RuleSet,
    view: ColumnarEstate,
    chosen: npt.NDArray[np.int8],
    partial: npt.NDArray[np.int32],
) -> Decision:
    """The shell decision (no ballots) with the frame's figures, checks and notices."""
    heads, area = _sums(view, chosen)
    declared = rules.voting.spoiled_ballots
    spoiled = declared.value if declared else SpoiledPolicy.PARTICIPATING
    counted = [Choice.AGREE.slot, Choice.OPPOSE.slot, Choice.ABSTAIN.slot]
    if spoiled is SpoiledPolicy.PARTICIPATING:
        counted.append(Choice.SPOILED.slot)
    figures = {
        "total": (len(chosen), view.total_area),
        "participating": (sum(heads[s] for s in counted), sum(area[s] for s in counted)),
        **{c.value: (heads[c.slot], area[c.slot]) for c in Choice},
        "cast": (
            heads[Choice.AGREE.slot] + heads[Choice.OPPOSE.slot],
            area[Choice.AGREE.slot] + area[Choice.OPPOSE.slot],
        ),
    }
    checks = tuple(_check(c, figures, view.scale) for c in shell.checks)
    notices = list(shell.notices)
    at = len(notices)
    while at and notices[at - 1].code in _TRAILING:
        at -= 1
    notices[at:at] = [*_partial(view, partial), *_spoiled(heads, spoiled)]
    return attrs.evolve(
        shell,
        passed=all(c.passed for c in checks),
        checks=checks,
        tally=Tally(
            **{name: _figures(figures[name], view.scale) for name in _TALLY},
            deemed=_figures((0, 0), view.scale),
        ),
        notices=tuple(notices),
    )


_TALLY = ("total", "participating", "agree", "oppose", "abstain", "spoiled")
_BASE = {Base.ALL: "total", Base.PARTICIPATING: "participating", Base.CAST: "cast"}


def _figures(pair: tuple[int, int], scale: int) -> Figures:
    return Figures(pair[0], normalise(Fraction(pair[1], scale)))


def _check(shell: Check, figures: dict[str, tuple[int, int]], scale: int) -> Check:
    """The shell's check recomputed on the frame's figures (same role and threshold)."""
    threshold = shell.threshold
    which = 0 if threshold.measure is Measure.HEADS else 1
    part = "participating" if shell.role is CheckRole.QUORUM else "agree"
    return check(
        shell.role,
        threshold,
        figures[part][which],
        figures[_BASE.get(threshold.base, "cast")][which],
        1 if which == 0 else scale,
    )


def _partial(view: ColumnarEstate, partial: npt.NDArray[np.int32]) -> list[Notice]:
    """Persons who voted for only some of their units (as `decide` reports them)."""
    if not len(partial):
        return []
    estate = view.estate
    labels = [estate.person_label(int(p)) for p in partial[:_SHOWN]]
    if len(partial) > _SHOWN:
        labels.append(f"… {len(partial) - _SHOWN} more")
    return [
        Notice(
            "partial-person-ballots",
            f"some counted persons voted for only some of their units ({', '.join(labels)}); "
            "each takes part with its whole area and its one choice",
            f"部分业主只为其部分专有部分投票（{'、'.join(labels)}）；按一人计，其全部面积"
            "随其表决意见计入",
            SPC_ART_9,
        )
    ]


def _spoiled(heads: list[int], spoiled: SpoiledPolicy) -> list[Notice]:
    count = heads[Choice.SPOILED.slot]
    if not count:
        return []
    participating = spoiled is SpoiledPolicy.PARTICIPATING
    how = "counted as taking part, not agreeing" if participating else "not counted"
    return [
        Notice(
            "spoiled-ballots",
            f"{count} spoiled ballot(s) were {how}",
            f"{count}张废票" + ("计入参与表决、不计入同意" if participating else "不计入"),
            spoiled.citation,
        )
    ]
