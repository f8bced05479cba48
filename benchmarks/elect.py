"""Benchmark `elect()` against a hand-written floor and votelib, in the same run.

For 1k, 10k, 100k and 1M ballots from an estate of as many units (about 0.83 owners per unit,
some multi-unit owners, developer stock), 15 candidates, up to 7 approvals per ballot, 7 seats:

* ``elect()``: the library, end to end (validation, persons, heads and area, checks, seats);
* floor: a minimal loop over the same plain data computing the same per-candidate heads and
  area with the same grouping of persons (given the estate's unit → person and area arrays);
* votelib 0.4: approval ballots grouped into ``{frozenset: count}`` then
  ``PreConverted(ApprovalToSimpleVotes(), Plurality())`` for 7 seats (heads only, no persons).

* the frame path, ``frames.elect_frame``: the same ballots as a polars frame (one row per unit
  in register order, one boolean column per candidate), end to end (intake, persons, heads
  and area, checks, seats), checked equal to ``elect()`` in the run; target: at least 3×
  faster than votelib at 100k and 1M.

* the fixed cost of ``elect()``: one call on a 300-unit estate with no ballot (every
  candidate's checks, the seats, the result and its notices; nothing that grows with the
  ballots), per call in the best of 7 batches of 200 calls, measured before the large
  registers fill the heap; target: under 0.1 ms.

Prints the best of a few repetitions and the ratios.
Run: ``.venv/bin/python benchmarks/elect.py [sizes...]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import partial

import community_governance as cg
from _data import per_call
from community_governance.elections import ElectionBallot, elect

try:
    import polars as pl

    from community_governance.frames import columnar, elect_frame
except ImportError:  # the "frames" extra and polars are optional here
    pl = None

try:
    from votelib.convert import ApprovalToSimpleVotes
    from votelib.evaluate.core import Plurality, PreConverted
except ImportError:  # pragma: no cover - votelib is the optional "bench" extra
    PreConverted = None

CANDIDATES = tuple(f"C{i:02d}" for i in range(15))
SEATS = 7
RULES = cg.rules_for("CN", on=date(2025, 6, 1))


def build(n: int, rnd: random.Random) -> tuple[cg.Estate, list[ElectionBallot]]:
    """An estate of ``n`` units and one ballot per unit (multi-unit persons vote alike)."""
    owners = max(1, n * 5 // 6)
    rows = []
    for i in range(n):
        if i % 97 == 0:
            rows.append({"unit": f"u{i}", "area": "88.50", "owners": ["Dev"], "status": "unsold"})
        else:
            owner = f"o{i % owners}"
            rows.append(
                {"unit": f"u{i}", "area": f"{60 + i % 90}.{i % 100:02d}", "owners": [owner]}
            )
    estate = cg.Estate.from_records(rows)
    choice: dict[int, frozenset[str]] = {}
    ballots = []
    for unit in estate.units:
        person = estate._grouping.person_of[estate._index[unit.id]]
        approvals = choice.get(person)
        if approvals is None:
            approvals = frozenset(rnd.sample(CANDIDATES, rnd.randint(0, SEATS)))
            choice[person] = approvals
        ballots.append(ElectionBallot(unit.id, approvals))
    return estate, ballots


def floor(
    pairs: list[tuple[str, frozenset[str]]], where: dict[str, int], person_area: list[int]
) -> tuple[dict[str, int], dict[str, int]]:
    """Per-candidate heads and area, one ballot set per person, nothing else."""
    seen: dict[int, frozenset[str]] = {}
    for unit, approvals in pairs:
        seen.setdefault(where[unit], approvals)
    heads = dict.fromkeys(CANDIDATES, 0)
    area = dict.fromkeys(CANDIDATES, 0)
    for person, approvals in seen.items():
        size = person_area[person]
        for candidate in approvals:
            heads[candidate] += 1
            area[candidate] += size
    return heads, area


def with_votelib(pairs: list[tuple[str, frozenset[str]]]) -> object:
    """votelib: group the ballots, convert approvals to simple votes, plurality for 7 seats."""
    grouped = Counter(approvals for _, approvals in pairs)
    return PreConverted(ApprovalToSimpleVotes(), Plurality()).evaluate(dict(grouped), SEATS)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fixed_cost(units: int = 300, calls: int = 200, batches: int = 7) -> float:
    """Seconds per ``elect()`` call on a ``units``-unit estate with no ballot (best batch)."""
    estate, _ = build(units, random.Random(300))
    run = partial(elect, estate, [], candidates=CANDIDATES, seats=SEATS, rules=RULES)
    return per_call(run, calls, batches)


def main(sizes: tuple[int, ...] = (1_000, 10_000, 100_000, 1_000_000)) -> None:
    # measured first, before the large registers of the table fill the heap
    print(f"elect() fixed cost, 300-unit estate, no ballot: {fixed_cost() * 1000:.3f} ms (< 0.1)")
    rnd = random.Random(20240430)
    print(
        f"{'ballots':>9} {'elect s':>9} {'floor s':>9} {'votelib s':>9} "
        f"{'elect/floor':>12} {'votelib/elect':>14} {'frame s':>9} {'votelib/frame':>14}"
    )
    for n in sizes:
        estate, ballots = build(n, rnd)
        pairs = [(b.unit, b.approvals) for b in ballots]
        index = estate.person_index
        where = {unit: index.person_of[pos] for unit, pos in index.positions.items()}
        person_area = index.person_area
        repeat = 7 if n <= 10_000 else 3 if n <= 100_000 else 2
        result = elect(estate, ballots, candidates=CANDIDATES, seats=SEATS, rules=RULES)
        heads, area = floor(pairs, where, person_area)
        scale = index.scale
        assert all(result.candidate(c).approvals.heads == heads[c] for c in CANDIDATES)
        assert all(result.candidate(c).approvals.area * scale == area[c] for c in CANDIDATES)
        t_elect = best(
            partial(elect, estate, ballots, candidates=CANDIDATES, seats=SEATS, rules=RULES),
            repeat,
        )
        t_floor = best(partial(floor, pairs, where, person_area), repeat)
        t_vote = best(partial(with_votelib, pairs), repeat) if PreConverted else float("nan")
        t_frame = float("nan")
        if pl is not None:
            sheet = pl.DataFrame(
                {"unit": [b.unit for b in ballots]}
                | {c: [c in b.approvals for b in ballots] for c in CANDIDATES}
            )
            columnar(estate)  # built once with the estate, as its person index is
            run = partial(elect_frame, estate, sheet, candidates=CANDIDATES, seats=SEATS)
            assert run(rules=RULES) == result, "frame and object paths disagree"
            t_frame = best(partial(run, rules=RULES), repeat)
        print(
            f"{n:>9} {t_elect:>9.4f} {t_floor:>9.4f} {t_vote:>9.4f} "
            f"{t_elect / t_floor:>12.2f} {t_vote / t_elect:>14.2f}"
            f" {t_frame:>9.4f} {t_vote / t_frame:>14.2f}"
        )
        sys.stdout.flush()


def _sizes() -> tuple[int, ...]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[1_000, 10_000, 100_000, 1_000_000],
        help="numbers of ballots (default: 1000 10000 100000 1000000)",
    )  # fmt: skip
    return tuple(parser.parse_args().sizes)


if __name__ == "__main__":
    main(_sizes())
