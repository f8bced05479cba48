"""Benchmark `decide()` against a hand-written floor, plus register memory and import time.

Run: ``python benchmarks/decide.py [--sizes 10000,100000,1000000] [--repeat 5]``.

What is compared, in the same run and on the same data:

* ``decide()`` — given an `Estate` (built once, as an application holds it) and a list of
  `Ballot` objects: validates every ballot against the register, folds ballots into one choice
  per counted person, sums heads and area, applies the rule set's thresholds and builds the
  explained `Decision`.
* the floor — a minimal hand-written loop over the same plain data: ``(unit, choice)`` tuples
  and the same precomputed unit → person and person → area mapping the estate holds; it does
  the same duplicate and conflict checks and computes the same participation and approval
  figures by integer cross-multiplication, and nothing else.

* the frame path — `frames.decide_frame` given a polars tally sheet (one row per unit in
  register order, a null choice where no ballot) and, separately, a ballot frame of the voters
  only (resolved through the register's id index); both give the same `Decision` as
  ``decide()``, checked in the run. The columnar view is built once with the estate, as
  the estate's own person index is, and its size is reported (bytes per unit; target ≤ 150 at
  1M). Target: the frame path at least 20× faster than ``decide()`` at 100k and 1M.

Also: `Estate.from_records` time (best of 3; target ≤ 5 µs a unit at 100k) and memory per
unit (tracemalloc: bytes still allocated after the call, the input rows excluded), the fixed
cost of ``decide()`` (one call on a 300-unit estate with no ballot, best batch of 200 calls;
target under 0.1 ms), and the import time of `community_governance` against `attrs`, each in
fresh interpreters.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import community_governance as cg
from _data import ballot_rows, register_rows

try:
    import polars as pl

    from community_governance.frames import columnar, decide_frame
except ImportError:  # the "frames" extra and polars are optional here
    pl = None

RULES = cg.rules_for("CN", on=date(2025, 3, 1))


def floor(
    unit_person: dict[str, int],
    person_area: list[int],
    ballots: list[tuple[str, str]],
) -> tuple[bool, bool]:
    """The minimal loop: one choice per person, heads and area, double 3/4 test."""
    seen: set[str] = set()
    choice_of: dict[int, str] = {}
    heads = {"agree": 0, "oppose": 0, "abstain": 0}
    area = {"agree": 0, "oppose": 0, "abstain": 0}
    for unit, choice in ballots:
        person = unit_person[unit]
        if unit in seen:
            raise ValueError(unit)
        seen.add(unit)
        previous = choice_of.get(person)
        if previous is None:
            choice_of[person] = choice
            heads[choice] += 1
            area[choice] += person_area[person]
        elif previous != choice:
            raise ValueError(unit)
    total_heads, total_area = len(person_area), sum(person_area)
    part_heads, part_area = sum(heads.values()), sum(area.values())
    quorum = part_heads * 3 >= total_heads * 2 and part_area * 3 >= total_area * 2
    approved = heads["agree"] * 4 >= part_heads * 3 and area["agree"] * 4 >= part_area * 3
    return quorum, approved


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` timed calls."""
    return min(best_pair(fn, fn, repeat))


def best_pair(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best times of two functions timed alternately, so machine drift hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, sink in ((first, times[0]), (second, times[1])):
            gc.collect()
            start = time.perf_counter()
            fn()
            sink.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def import_time(module: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    samples = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)
    ]
    return statistics.median(samples)


def fixed_cost(units: int = 300, calls: int = 200, batches: int = 7) -> float:
    """Seconds per ``decide()`` call on a ``units``-unit estate with no ballot (best batch)."""
    estate = cg.Estate.from_records(register_rows(units))
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    run = partial(cg.decide, estate, [], matter=matter, rules=RULES)
    run()

    def batch() -> None:
        for _ in range(calls):  # each result dropped at once, as in a loop over estates
            run()

    gc.collect()
    return min(best(batch, 1) for _ in range(batches)) / calls


def run_size(size: int, repeat: int) -> None:
    """Build, measure and print one row of the table."""
    rows = register_rows(size)
    pairs = ballot_rows(rows)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    estate = cg.Estate.from_records(rows)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    per_unit = (after - before) / size
    del estate
    gc.collect()
    build = best(lambda: cg.Estate.from_records(rows), 1 if size >= 1_000_000 else 3)
    estate = cg.Estate.from_records(rows)
    ballots = [cg.Ballot(unit, choice) for unit, choice in pairs]
    # the floor gets the same precomputed grouping the estate holds, as plain data
    grouping = estate._grouping
    unit_person = {unit.id: grouping.person_of[i] for i, unit in enumerate(estate.units)}
    person_area = list(grouping.person_area)
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    decision = cg.decide(estate, ballots, matter=matter, rules=RULES)
    expected = floor(unit_person, person_area, pairs)
    assert (decision.quorum_met, decision.approved) == expected, "floor and decide disagree"
    assert Fraction(decision.tally.total.heads) == len(person_area)
    ours, base = best_pair(
        lambda: cg.decide(estate, ballots, matter=matter, rules=RULES),
        lambda: floor(unit_person, person_area, pairs),
        repeat,
    )
    target = "≤1.5×" if size >= 100_000 else "—"
    print(
        f"{size:>9} {ours:>9.4f} {base:>9.4f} {ours / base:>6.2f} {target:>7}"
        f" {build:>15.3f} {build / size * 1e6:>8.2f} {per_unit:>11.0f}"
    )
    if pl is not None:
        FRAME_ROWS.append(frame_row(size, estate, ballots, pairs, decision, repeat))


FRAME_ROWS: list[str] = []


def frame_row(
    size: int,
    estate: cg.Estate,
    ballots: list[cg.Ballot],
    pairs: list[tuple[str, str]],
    decision: cg.Decision,
    repeat: int,
) -> str:
    """Time the frame path against decide() on the same ballots; one printed row."""
    matter = cg.Matter.RAISE_MAINTENANCE_FUND
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    view = columnar(estate)
    view_bytes = (tracemalloc.get_traced_memory()[0] - before) / size
    tracemalloc.stop()
    chosen = dict(pairs)
    sheet = pl.DataFrame(
        {"unit": [u.id for u in estate.units], "choice": [chosen.get(u.id) for u in estate.units]}
    )
    voters = pl.DataFrame({"unit": [u for u, _ in pairs], "choice": [c for _, c in pairs]})
    for frame in (sheet, voters):
        assert decide_frame(estate, frame, matter=matter, rules=RULES) == decision
    objects, on_sheet = best_pair(
        lambda: cg.decide(estate, ballots, matter=matter, rules=RULES),
        lambda: decide_frame(estate, sheet, matter=matter, rules=RULES),
        repeat,
    )
    on_voters = best(lambda: decide_frame(estate, voters, matter=matter, rules=RULES), repeat)
    return (
        f"{size:>9} {objects:>9.4f} {on_sheet:>9.4f} {objects / on_sheet:>7.1f}×"
        f" {on_voters:>10.4f} {objects / on_voters:>7.1f}× {view.nbytes / size:>9.1f}"
        f" {view_bytes:>10.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'units':>9} {'decide s':>9} {'floor s':>9} {'ratio':>6} {'target':>7}"
        f" {'from_records s':>15} {'µs/unit':>8} {'bytes/unit':>11}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.repeat)
    if FRAME_ROWS:
        print(
            f"{'units':>9} {'decide s':>9} {'sheet s':>9} {'ratio':>8} {'voters s':>10}"
            f" {'ratio':>8} {'B/unit':>9} {'traced B/u':>10}"
        )
        print("\n".join(FRAME_ROWS))
        print(
            "targets: frame decide ≥ 20× decide() at 100k and 1M; columnar view ≤ 150 bytes "
            "per unit at 1M"
        )
    print(f"decide() fixed cost, 300-unit estate, no ballot: {fixed_cost() * 1000:.3f} ms (< 0.1)")
    ours_import = import_time("community_governance")
    attrs_import = import_time("attrs")
    print(
        f"import community_governance {ours_import * 1000:.1f} ms; import attrs "
        f"{attrs_import * 1000:.1f} ms; ratio {ours_import / attrs_import:.1f}×"
    )
    print(
        "targets: decide() within 1.5× the floor at 100k and 1M units; ≤ 500 bytes per unit at 1M"
    )


if __name__ == "__main__":
    main()
