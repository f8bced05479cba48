"""The worked demo: ``python -m community_governance`` (the only code in the package that prints).

An estate of twelve units votes on raising its maintenance fund (Civil Code Art. 278(1) item
(6)). The demo shows how persons and area are counted, resolves the Shanghai rules in force on
the day the vote closes, and explains the decision in Chinese and English with its articles —
then shows the same ballots under the pre-2021 national rules.
"""

from __future__ import annotations

from datetime import date

import community_governance as cg

REGISTER = [
    {"unit": "1-101", "area": "89.37", "owners": ["Li Ming"]},
    {"unit": "1-102", "area": "120.05", "owners": ["Wang Fang", "Zhao Lei"]},
    {"unit": "1-201", "area": "89.37", "owners": ["Chen Jing"]},
    {"unit": "1-202", "area": "120.05", "owners": ["Liu Yang"]},
    {"unit": "2-101", "area": "95.10", "owners": ["Li Ming"]},
    {"unit": "2-102", "area": "95.10", "owners": ["Zhou Hua"]},
    {"unit": "2-201", "area": "95.10", "owners": ["Sun Li"], "area_source": "survey"},
    {"unit": "2-202", "area": "95.10", "owners": ["Wu Qiang"]},
    {"unit": "3-101", "area": "88.00", "owners": ["Huayuan Development"], "status": "unsold"},
    {"unit": "3-102", "area": "88.00", "owners": ["Huayuan Development"], "status": "unsold"},
    {
        "unit": "3-201",
        "area": "88.00",
        "owners": ["Xu Min"],
        "status": "sold-undelivered",
        "area_source": "contract",
    },
    {"unit": "3-202", "area": "88.00", "owners": ["Ma Jun"]},
]

BALLOTS = [
    cg.Ballot("1-101", "同意"),
    cg.Ballot("2-101", "同意"),  # Li Ming's second flat: one person, same choice
    cg.Ballot("1-102", "agree"),
    cg.Ballot("1-201", "agree"),
    cg.Ballot("1-202", "oppose"),
    cg.Ballot("2-102", "agree"),
    cg.Ballot("2-201", "abstain"),
    cg.Ballot("3-202", "agree"),
]

VOTE_CLOSES = date(2025, 3, 1)


def main() -> None:
    """Print the worked example."""
    estate = cg.Estate.from_records(REGISTER, name="Sunny Garden 阳光花园")
    print(
        f"== {estate.name}: {len(estate.units)} units, {estate.total_area} m², "
        f"{estate.counted_persons} counted persons"
    )
    for person in estate.persons:
        print(
            f"   {person.label:<22} {', '.join(person.units):<20} {person.area:>8.2f} m²  "
            f"{person.reason.value} ({person.citation.format()})"
        )
    rules = cg.rules_for("CN-SH", on=VOTE_CLOSES)
    print(f"\n== Rules for CN-SH on {VOTE_CLOSES}: {', '.join(rules.layer_names)}")
    decision = cg.decide(estate, BALLOTS, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=rules)
    print("\n== 中文说明\n" + decision.explain(lang="zh"))
    print("\n== In English\n" + decision.explain(lang="en"))
    old_rules = cg.rules_for("CN", on=date(2020, 12, 31))
    old = cg.decide(estate, BALLOTS, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=old_rules)
    print("\n== The same ballots on 2020-12-31 (Property Rights Law Art. 76)\n" + old.explain())
    print(
        f"\n== As data: schema {decision.to_dict()['schema']}, "
        f"{len(decision.to_dict()['checks'])} checks"
    )


if __name__ == "__main__":  # pragma: no cover - exercised by the demo test via runpy
    main()
