"""Synthetic registers shared by the benchmarks (deterministic, seeded; no I/O)."""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from typing import Any


def register_rows(n_units: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """Rows of an estate with ``n_units`` units and about 0.83 owners per unit.

    Mix: 2% developer units (half unsold, half sold-undelivered), 8% co-owned units (two
    owners), about 20% of the remaining owners holding a second unit. Areas are decimal
    strings with two places, between 40.00 and 200.00 m².
    """
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    owner_count = 0
    multi: list[str] = []
    target_owners = int(n_units * 0.83)
    for index in range(n_units):
        building = index // 200
        unit = f"{building}-{index % 200:03d}"
        area = f"{rng.randint(4000, 20000) / 100:.2f}"
        draw = rng.random()
        if draw < 0.01:
            rows.append({"unit": unit, "area": area, "owners": ["developer"], "status": "unsold"})
            continue
        if draw < 0.02:
            rows.append(
                {"unit": unit, "area": area, "owners": ["developer"], "status": "sold-undelivered"}
            )
            continue
        remaining_units = n_units - index
        need_new = target_owners - owner_count
        if multi and need_new < remaining_units and rng.random() < 0.5:
            owners = [multi.pop(rng.randrange(len(multi)))]
        elif draw < 0.10:
            owners = [f"o{owner_count}", f"o{owner_count + 1}"]
            owner_count += 2
        else:
            owners = [f"o{owner_count}"]
            owner_count += 1
            if rng.random() < 0.25:
                multi.append(owners[0])
        rows.append({"unit": unit, "area": area, "owners": owners})
    return rows


def ballot_rows(
    rows: list[dict[str, Any]], *, share: float = 0.7, seed: int = 11
) -> list[tuple[str, str]]:
    """(unit, choice) pairs for ``share`` of the units.

    One choice per owner set, so that the ballots of one counted person agree.
    """
    rng = random.Random(seed)
    choice_of: dict[tuple[str, ...] | str, str] = {}
    ballots: list[tuple[str, str]] = []
    for row in rows:
        if rng.random() >= share:
            continue
        key: tuple[str, ...] | str = (
            "developer"
            if row.get("status") in ("unsold", "sold-undelivered")
            else tuple(sorted(row["owners"]))
        )
        choice = choice_of.setdefault(
            key, rng.choices(("agree", "oppose", "abstain"), (0.7, 0.2, 0.1))[0]
        )
        ballots.append((row["unit"], choice))
    return ballots


def per_call(run: Callable[[], object], calls: int = 200, batches: int = 7) -> float:
    """Seconds per call of ``run`` (a fixed cost): the best of ``batches`` batches.

    Each result is dropped at once, as in a loop over many small estates; the collector runs
    before the batches, so that garbage from building the inputs is not charged to them.
    """
    run()
    gc.collect()
    times = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(calls):
            run()
        times.append(time.perf_counter() - start)
    return min(times) / calls
