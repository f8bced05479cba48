"""Benchmark `apportion()` and scoped `decide()` against their floors; prints ratios.

Run: ``python benchmarks/apportion.py [--units 1000000] [--scoped 100000] [--repeat 3]``
(``0`` skips a part).

What is compared, in the same run and on the same data:

* ``apportion(amount, estate)`` by area over every unit of a 1M-unit register — reading each
  unit's exact area as an integer, the largest-remainder split, naming the units rounded up
  and building the `Apportionment` — against a hand-written exact largest-remainder loop on
  the same integers (areas already scaled to integers, the work of the split alone).
  Target: at most 2×.
* ``decide(estate, ballots, scope=units)`` over ``N`` units of a ``2N``-unit register — which
  counts persons and area again within the scope (``register.count_scope``: a few C-level
  passes over the scope's units on the register's own grouping, no new estate) and decides —
  against ``decide(alone, ballots)`` on an estate of the same ``N`` units built beforehand (so
  its persons are counted once, as an application holds it). Target: at most 1.5×. Two
  ratios are printed: the *first* scoped decision on a freshly built register (its scope
  counted inside the timed call) against the first decision on a freshly built register of
  the scope's units (each pays its register's first-use work, such as its person labels),
  and a *repeated* one of each on the same registers (the scope's count is kept beside the
  estate, keyed by its identity and the scope, as an application deciding several motions
  of the same owners concerned would meet it). ``Estate.restrict``
  (a new validated estate, used by elections) is printed beside them for reference.

Each figure is the median of ``--repeat`` rounds; in every round the scoped and the
whole-estate decision are timed back to back, so that the ratio compares like with like on a
noisy machine.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import community_governance as cg
from _data import ballot_rows, register_rows
from community_governance.money import apportion
from community_governance.voting import decide

AMOUNT = "1234567.89"


def best(repeat: int, run: Callable[[], object]) -> float:
    """The best wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def floor_split(total: int, weights: list[int]) -> list[int]:
    """The floor: exact largest remainder by hand (ties to the earlier position)."""
    whole = sum(weights)
    parts = []
    remainders = []
    for weight in weights:
        q, r = divmod(total * weight, whole)
        parts.append(q)
        remainders.append(r)
    left = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def bench_apportion(n_units: int, repeat: int) -> float:
    estate = cg.Estate.from_records(register_rows(n_units))
    scale = estate.person_index.scale
    weights = [int(unit.area * scale) for unit in estate.units]
    total = 123456789
    ours = apportion(AMOUNT, estate)
    assert list(ours.parts) == floor_split(total, weights), "results differ"
    t_ours = best(repeat, lambda: apportion(AMOUNT, estate))
    t_floor = best(repeat, lambda: floor_split(total, weights))
    ratio = t_ours / t_floor
    print(
        f"apportion {n_units:>9,} units: {t_ours * 1000:8.1f} ms  floor {t_floor * 1000:8.1f} ms"
        f"  ratio {ratio:4.2f}x (target <= 2x)"
    )
    return ratio


def bench_scoped(n_units: int, repeat: int) -> float:
    rows = register_rows(2 * n_units)
    estate = cg.Estate.from_records(rows)
    buildings = sorted({unit.building for unit in estate.units})
    half = set(buildings[: len(buildings) // 2])
    scope = [unit.id for unit in estate.units if unit.building in half]
    alone = cg.Estate.from_records([row for row in rows if row["unit"].split("-")[0] in half])
    inside = set(scope)
    ballots = [cg.Ballot(unit, choice) for unit, choice in ballot_rows(rows) if unit in inside]
    rules = cg.rules_for("CN", on=date(2024, 3, 1))
    matter = cg.Matter.USE_MAINTENANCE_FUND

    def whole() -> cg.Decision:
        return decide(alone, ballots, matter=matter, rules=rules)

    first = decide(estate, ballots, matter=matter, rules=rules, scope=scope)
    assert first.tally == whole().tally, "results differ"
    scoped_times, again_times, whole_times, ratios, again_ratios = [], [], [], [], []
    alone_rows = [row for row in rows if row["unit"].split("-")[0] in half]
    whole_again_times = []
    for _ in range(repeat):
        fresh = cg.Estate.from_records(rows)  # a new register: its first scope
        fresh_alone = cg.Estate.from_records(alone_rows)  # and a new register of the scope
        gc.collect()  # their construction's garbage is not the decisions' (as `timeit` does)
        start = time.perf_counter()
        decide(fresh, ballots, matter=matter, rules=rules, scope=scope)
        scoped_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        decide(fresh_alone, ballots, matter=matter, rules=rules)
        whole_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        decide(fresh, ballots, matter=matter, rules=rules, scope=scope)
        again_times.append(time.perf_counter() - start)
        whole_again_times.append(best(1, whole))
        ratios.append(scoped_times[-1] / whole_times[-1])
        again_ratios.append(again_times[-1] / whole_again_times[-1])
    t_restrict = best(1, lambda: estate.restrict(scope))
    t_scoped, t_whole = statistics.median(scoped_times), statistics.median(whole_times)
    ratio, again = statistics.median(ratios), statistics.median(again_ratios)
    print(
        f"decide    {len(scope):>9,} units in scope of {2 * n_units:,}: {t_scoped * 1000:8.1f} ms"
        f"  whole-estate {t_whole * 1000:8.1f} ms  ratio {ratio:4.2f}x (target <= 1.5x;"
        f" the first decision on each fresh register)"
    )
    print(
        f"          the same scope again: {statistics.median(again_times) * 1000:8.1f} ms"
        f"  ratio {again:4.2f}x (against the whole-estate decision again; the scope's count"
        f" kept beside the estate)"
    )
    print(f"          Estate.restrict of the same scope (reference): {t_restrict * 1000:8.1f} ms")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--scoped", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.units:  # 0 skips a part
        bench_apportion(args.units, args.repeat)
    if args.scoped:
        bench_scoped(args.scoped, args.repeat)


if __name__ == "__main__":
    main()
