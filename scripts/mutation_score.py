"""Mutation score per module from ``mutmut results --all true`` (read on stdin).

Usage: ``mutmut results --all true | python scripts/mutation_score.py [MODULE ...]``, where a
module is a name under ``community_governance`` (``voting.checks``; ``audit.*`` for a package).
Mutants listed in ``mutmut-equivalent*.txt`` (``name  # reason``) are counted apart: the score is
killed / (all - equivalent - not checked). Exit status 1 if a module is below ``--floor``
(default 95).
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PACKAGE = "community_governance."
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
LINE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+?)\s*$")


def module_of(name: str) -> str:
    """The dotted module of a mutant name such as ``pkg.mod.x_func__mutmut_3``."""
    parts = name.split(".")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i].startswith(("x_", "xǁ")):
            return ".".join(parts[:i])
    return name.rsplit(".", 1)[0]


def equivalents(root: Path) -> set[str]:
    """Mutant names judged equivalent in every ``mutmut-equivalent*.txt`` file in ``root``.

    The first word of each non-comment line (a trailing ``:`` is dropped).
    """
    names = set()
    for path in sorted(root.glob("mutmut-equivalent*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(line.split()[0].rstrip(":"))
    return names


def main(argv: list[str]) -> int:
    """Print the score per module and the survivors; exit 1 below the floor (95 % by default)."""
    floor = 95.0
    if "--floor" in argv:
        at = argv.index("--floor")
        floor = float(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    patterns = [PACKAGE + m for m in argv] or [PACKAGE + "*"]
    equivalent = equivalents(Path("."))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for line in sys.stdin:
        match = LINE.match(line)
        if not match:
            continue
        name, status = match["name"], match["status"]
        module = module_of(name)
        if not any(fnmatch.fnmatch(module, p) for p in patterns):
            continue
        if status in KILLED:
            status = "killed"
        elif name in equivalent:
            status = "equivalent"
        elif status == "survived" or status == "no tests":
            survivors[module].append(f"{name} ({status})")
            status = "survived"
        counts[module][status] += 1
    print(f"{'module':45} {'killed':>7} {'surv.':>6} {'equiv.':>6} {'unchk.':>6} {'score':>7}")
    below = False
    total: Counter[str] = Counter()
    for module in sorted(counts):
        c = counts[module]
        total.update(c)
        below |= report(module, c, floor)
    report("total", total, floor)
    for module in sorted(survivors):
        print(f"\nsurvivors in {module}:")
        for item in sorted(survivors[module], key=lambda s: (len(s), s)):
            print("   ", item)
    return 1 if below else 0


def report(module: str, c: Counter[str], floor: float) -> bool:
    """Print one row; whether the module is below the floor."""
    unchecked = sum(v for k, v in c.items() if k not in {"killed", "survived", "equivalent"})
    judged = c["killed"] + c["survived"]
    score = 100.0 * c["killed"] / judged if judged else 100.0
    print(
        f"{module.removeprefix(PACKAGE):45} {c['killed']:7} {c['survived']:6} "
        f"{c['equivalent']:6} {unchecked:6} {score:6.1f}%"
    )
    return judged > 0 and score < floor


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
