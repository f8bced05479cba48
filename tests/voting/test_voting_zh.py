"""Every Chinese text of voting is Chinese throughout: no English words leak into it."""

from __future__ import annotations

import re
from datetime import date

import community_governance as cg

# identifiers (unit ids, owner names, rule-set codes), units and numbers may stay ASCII
_ALLOWED = {"CN", "SH", "Li", "Wang", "Zhao", "Dev", "Developer", "Zhou"}
_WORD = re.compile(r"[A-Za-z]{2,}")
# dotted or hyphenated keys (design-decision citations such as ``counting.overlap``)
_KEY = re.compile(r"[a-z]+(?:[-_.][a-z]+)+")


def _estate() -> cg.Estate:
    return cg.Estate.from_records(
        [
            {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
            {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
            {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
            {"unit": "2-302", "area": "70", "owners": ["Li", "Wang"]},
            {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        ]
    )


def _decisions() -> list[cg.Decision]:
    estate = _estate()
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("1-102", "spoiled"),
        cg.Ballot("2-302", "oppose", proxy=cg.Proxy("Zhou", written_authorisation=False)),
    ]
    clause = cg.rules.DeemedVoteClause("管理规约第9条")
    deemed = cg.rules_for("CN-SH", on=date(2022, 1, 1)).with_layer(
        cg.jurisdictions.estate_layer("covenant", params={"deemed_vote": clause}, clause="第9条")
    )
    return [
        cg.decide(estate, ballots, matter=matter, rules=rules, opened=opened)
        for matter in cg.Matter
        for rules, opened in (
            (cg.rules_for("CN-SH", on=date(2025, 3, 1)), None),
            (cg.rules_for("CN", on=date(2021, 1, 5)), date(2020, 12, 31)),
            (deemed, None),
        )
    ]


def _leaks(text: str) -> set[str]:
    return set(_WORD.findall(_KEY.sub(" ", text))) - _ALLOWED


def test_every_zh_text_of_voting_is_chinese() -> None:
    texts: list[str] = []
    for decision in _decisions():
        texts += [decision.explain("zh"), decision.to_markdown("zh")]
        texts += [notice.text("zh") for notice in decision.notices]
        for check in decision.checks:
            texts += [check.line("zh"), check.threshold.describe("zh"), check.role.label("zh")]
        texts.append(decision.matter.label("zh"))
    texts += [m.label("zh") for m in cg.Measure] + [b.label("zh") for b in cg.Base]
    texts += [c.label("zh") for c in cg.Comparator]
    leaks = {word: text[:150] for text in texts for word in _leaks(text)}
    assert not leaks, leaks
