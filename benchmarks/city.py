"""Benchmark a city-scale run on Dask: many estates decided per partition, 1 and 2 workers.

A synthetic city (by default 13,000 estates of 300–3,000 units, as Shanghai has on the order
of 13,000 estates with owners' organisations) is built as tally sheets (register rows plus a
choice column) keyed by estate, in partitions of whole estates, and decided with
``frames.decide_estates`` through ``map_partitions`` on a ``dask.distributed`` LocalCluster
with one and with two worker processes (one thread each). Each partition is generated inside
the cluster from its number (every estate from its own seed, so the city does not depend on
the partitioning) and persisted before the clock starts, so that only deciding is timed.
Prints estates and units per second for each cluster and the scaling ratio (two workers over
one; 2.0 would be perfect), and checks that both clusters give the same rows. The floor is a
few partitions decided in this process, one after the other, without Dask.

Run: ``python benchmarks/city.py [--estates 13000] [--partitions 130] [--floor 2]``. The
test suite runs the same path on Dask's local scheduler; this script needs the ``city``
extra (``dask[dataframe]`` and ``distributed``). On a small or busy machine, say so with the
figures: two workers cannot scale past the CPUs that are free.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date

import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster, wait

from community_governance import rules_for
from community_governance.frames import decide_estates

MATTER = "raise-maintenance-fund"


def decide_partition(part: pd.DataFrame) -> pd.DataFrame:
    """One partition → one row per estate (the rule set is resolved in the worker)."""
    return decide_estates(
        part, matter=MATTER, rules=rules_for("CN-SH", on=date(2025, 3, 1)), columns=COLUMNS
    )


COLUMNS = {"owners": "owner"}


def estate_rows(number: int, seed: int = 13) -> dict[str, list[object]]:
    """One synthetic estate: 300–3,000 units, multi-unit owners, developer stock, ballots."""
    rng = random.Random(seed * 1_000_003 + number)
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


def partition(number: int, estates: int, partitions: int) -> pd.DataFrame:
    """Partition ``number`` of the city: estates ``number``, ``number + partitions``, ..."""
    group: dict[str, list[object]] = {}
    for estate in range(number, estates, partitions):
        for key, values in estate_rows(estate).items():
            group.setdefault(key, []).extend(values)
    return pd.DataFrame(group)


def run(estates: int, partitions: int, workers: int) -> tuple[float, float, int, pd.DataFrame]:
    """(generate seconds, decide seconds, units, result rows) on a cluster of ``workers``."""
    empty = partition(0, 1, 1).head(0)
    meta = decide_partition(empty)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        start = time.perf_counter()
        sheets = dd.from_map(
            partition, range(partitions), estates=estates, partitions=partitions, meta=empty
        ).persist()
        wait(sheets)
        generated = time.perf_counter() - start
        units = int(client.compute(sheets.map_partitions(len).sum()).result())
        start = time.perf_counter()
        table = sheets.map_partitions(decide_partition, meta=meta).compute()
        return generated, time.perf_counter() - start, units, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--estates", type=int, default=13_000)
    parser.add_argument("--partitions", type=int, default=130)
    parser.add_argument("--floor", type=int, default=2, help="partitions decided in process")
    args = parser.parse_args()
    sample = [partition(i, args.estates, args.partitions) for i in range(args.floor)]
    sample_estates = sum(part["estate"].nunique() for part in sample)
    start = time.perf_counter()
    serial = pd.concat([decide_partition(part) for part in sample])
    floor = time.perf_counter() - start
    gen_one, one, units, table_one = run(args.estates, args.partitions, 1)
    gen_two, two, _, table_two = run(args.estates, args.partitions, 2)
    key = ["estate"]
    ordered = [t.sort_values(key).reset_index(drop=True) for t in (table_one, table_two)]
    picked = ordered[0][ordered[0]["estate"].isin(serial["estate"])].reset_index(drop=True)
    expected = serial.sort_values(key).reset_index(drop=True)
    print(f"city: {args.estates} estates, {units} units, {args.partitions} partitions")
    print(f"{'run':>26} {'seconds':>9} {'estates/s':>10} {'units/s':>11}")
    sample_units = sum(len(p) for p in sample)
    rows = (
        (f"in process ({sample_estates} est.)", floor, sample_estates, sample_units),
        ("LocalCluster, 1 worker", one, args.estates, units),
        ("LocalCluster, 2 workers", two, args.estates, units),
    )
    for label, seconds, count, unit_count in rows:
        print(f"{label:>26} {seconds:>9.2f} {count / seconds:>10.1f} {unit_count / seconds:>11.0f}")
    print(f"generating the city in the cluster: {gen_one:.1f} s (1 worker), {gen_two:.1f} s (2)")
    print(f"scaling ratio (2 workers / 1 worker): {one / two:.2f}× (2.00 is perfect)")
    # the same rows whatever the cluster, and as in this process (compared as text, with no
    # error anywhere: a frame that went through a worker may come back with other dtypes)
    assert len(table_two) == args.estates
    assert all(t["error"].isna().all() for t in (table_one, table_two, serial))
    text = [t.drop(columns="error").astype(str) for t in (*ordered, picked, expected)]
    assert text[0].equals(text[1]), "1 and 2 workers disagree"
    assert text[2].equals(text[3]), "the cluster and this process disagree"


if __name__ == "__main__":
    main()
