"""Benchmark a city-scale run on Dask: many estates decided per partition, 1 and 2 workers.

A synthetic city (by default 13,000 estates of 300–3,000 units, as Shanghai has on the order
of 13,000 estates with owners' organisations) is built as tally sheets (register rows plus a
choice column) keyed by estate, grouped into partitions of whole estates, and decided with
``frames.decide_estates`` through ``map_partitions`` on Dask's local process scheduler with
one and with two workers. Prints estates per second for each and the scaling ratio (two
workers over one; 2.0 would be perfect). The floor is the same partitions decided in this
process, one after the other, without Dask.

Run: ``python benchmarks/city.py [--estates 13000] [--partitions 64]``. On a small or busy
machine, pass a smaller ``--estates`` and say so with the figures.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

import dask
import dask.dataframe as dd
import pandas as pd

from community_governance import rules_for
from community_governance.frames import decide_estates

MATTER = "raise-maintenance-fund"


def decide_partition(part: pd.DataFrame) -> pd.DataFrame:
    """One partition → one row per estate (the rule set is resolved in the worker)."""
    return decide_estates(
        part, matter=MATTER, rules=rules_for("CN-SH", on=date(2025, 3, 1)), columns=COLUMNS
    )


COLUMNS = {"owners": "owner"}


def estate_rows(number: int, rng: random.Random) -> dict[str, list[object]]:
    """One synthetic estate: 300–3,000 units, multi-unit owners, developer stock, ballots."""
    size = rng.randint(300, 3000)
    owners = max(1, size * 5 // 6)
    name = f"E{number:05d}"
    columns: dict[str, list[object]] = {k: [] for k in ("unit", "area", "owner", "status")}
    choice_of: dict[str, str | None] = {}
    choices: list[object] = []
    for index in range(size):
        unsold = index % 61 == 0
        owner = "developer" if unsold else f"o{rng.randrange(owners)}"
        columns["unit"].append(f"{index // 100 + 1}-{index % 100 + 101}")
        columns["area"].append(f"{rng.randint(4000, 16000) / 100:.2f}")
        columns["owner"].append(owner)
        columns["status"].append("unsold" if unsold else "delivered")
        if owner not in choice_of:
            choice_of[owner] = rng.choice(("agree", "agree", "agree", "oppose", "abstain", None))
        choices.append(choice_of[owner])
    return {"estate": [name] * size, **columns, "choice": choices}


def city(estates: int, partitions: int, seed: int = 13) -> list[pd.DataFrame]:
    """The city's tally sheets as ``partitions`` pandas frames of whole estates."""
    rng = random.Random(seed)
    groups: list[dict[str, list[object]]] = [{} for _ in range(partitions)]
    for number in range(estates):
        rows = estate_rows(number, rng)
        group = groups[number % partitions]
        for key, values in rows.items():
            group.setdefault(key, []).extend(values)
    return [pd.DataFrame(group) for group in groups if group]


def run(parts: list[pd.DataFrame], workers: int) -> tuple[float, pd.DataFrame]:
    meta = decide_partition(parts[0].head(0))
    frame = dd.from_map(lambda part: part, parts, meta=parts[0].head(0))
    results = frame.map_partitions(decide_partition, meta=meta)
    with dask.config.set(scheduler="processes", num_workers=workers):
        start = time.perf_counter()
        table = results.compute()
        return time.perf_counter() - start, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--estates", type=int, default=13_000)
    parser.add_argument("--partitions", type=int, default=64)
    args = parser.parse_args()
    parts = city(args.estates, args.partitions)
    units = sum(len(part) for part in parts)
    start = time.perf_counter()
    serial = pd.concat([decide_partition(part) for part in parts])
    floor = time.perf_counter() - start
    one, table_one = run(parts, 1)
    two, table_two = run(parts, 2)
    key = ["estate"]
    assert (
        table_one.sort_values(key)
        .reset_index(drop=True)
        .equals(serial.sort_values(key).reset_index(drop=True))
    ), "Dask and the in-process run disagree"
    assert len(table_two) == args.estates
    assert table_two["error"].isna().all()
    print(f"city: {args.estates} estates, {units} units, {len(parts)} partitions")
    print(f"{'run':>22} {'seconds':>9} {'estates/s':>10} {'units/s':>11}")
    for label, seconds in (
        ("in process (floor)", floor),
        ("dask, 1 worker", one),
        ("dask, 2 workers", two),
    ):
        print(
            f"{label:>22} {seconds:>9.2f} {args.estates / seconds:>10.1f} {units / seconds:>11.0f}"
        )
    print(f"scaling ratio (2 workers / 1 worker): {one / two:.2f}× (2.00 is perfect)")


if __name__ == "__main__":
    main()
