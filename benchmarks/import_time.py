"""Import cost of the facade against ``import attrs`` (target: at most 3x), each in a fresh process.

Run: ``python benchmarks/import_time.py [--runs N]``. Prints the median wall time of
``import community_governance``, of a first use of the object path (``cg.decide`` with its
engine, register and rules), and of ``import attrs`` (the floor), with the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TARGET = 3.0


def _median_ms(statement: str, runs: int) -> float:
    """Median wall time, in ms, of running ``statement`` in a fresh interpreter (minus startup)."""
    probe = (
        "import time; t = time.perf_counter(); "
        f"{statement}; print((time.perf_counter() - t) * 1000)"
    )
    times = [
        float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(runs)
    ]  # fmt: skip
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    floor = _median_ms("import attrs", runs)
    facade = _median_ms("import community_governance", runs)
    first_use = _median_ms("import community_governance as cg; cg.decide; cg.rules_for", runs)
    print(f"import attrs (floor)                  {floor:7.1f} ms")
    print(f"import community_governance           {facade:7.1f} ms  ratio {facade / floor:5.2f}")
    print(
        f"  + first use of decide and rules_for {first_use:7.1f} ms  ratio {first_use / floor:5.2f}"
    )
    verdict = "met" if facade / floor <= TARGET else "NOT met"
    print(f"target: import at most {TARGET}x import attrs -> {verdict}")


if __name__ == "__main__":
    main()
