"""Every election text in Chinese is Chinese throughout (no English words).

Allowed ASCII: identifiers (candidate, unit and owner ids, codes such as ``CN-BJ``, names of
design decisions such as ``election-ballots.irregular``), units, numbers and punctuation.
"""

import re
from datetime import date
from fractions import Fraction

import pytest

import community_governance as cg
from community_governance.elections import (
    Candidate,
    ElectionBallot,
    ElectOptions,
    GroupMember,
    PositiveList,
    Priority,
    SlatePolicy,
    build_slate,
    check_committee_size,
    check_group,
    composition,
    elect,
    vet,
)
from community_governance.rules import BallotPolicy, Target, TieBreak

CN = cg.rules_for("CN", on=date(2024, 5, 1))
SH = cg.rules_for("CN-SH", on=date(2024, 5, 1))
BJ = cg.rules_for("CN-BJ", on=date(2024, 5, 1))
TJ = cg.rules_for("CN-TJ", on=date(2024, 4, 30), include_unconfirmed=True)
IDS = {"A", "B", "C", "Li", "Wang", "Zhao", "Sun", "Qian", "Wu", "He", "Dev", "m"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-:/²+]*")


def english_words(text, allowed=frozenset()):
    """ASCII words that are not identifiers, codes, units or allowed ids."""
    found = []
    for token in _TOKEN.findall(text):
        if token in IDS or token in allowed or token == "m²":
            continue
        if re.search(r"[0-9_.\-:/+]", token):  # an identifier, code or citation key
            continue
        if token.isupper():  # a code (CN, SPC) or a one-letter id
            continue
        found.append(token)
    return found


def flat(n, area="100"):
    return cg.Estate.from_records(
        [{"unit": f"1-{i}", "area": area, "owners": [f"o{i}"]} for i in range(n)]
    )


def ballots(n, pattern, **kw):
    return [ElectionBallot(f"1-{i}", pattern(i), **kw) for i in range(n)]


def _elections():
    estate = flat(10)
    tie = [["A", "B"]] * 4 + [["A", "C"]] * 4 + [["B", "C"]] * 2
    first = elect(estate, ballots(10, lambda i: tie[i]), candidates=["A", "B", "C"], seats=2,
                  rules=CN)  # fmt: skip
    second = elect(estate, ballots(10, lambda i: ["B"] if i < 7 else ["C"]), rules=CN,
                   previous=first)  # fmt: skip
    lot = TieBreak.lot("2024-04-30", clause="12")
    lotted = elect(
        flat(9),
        ballots(9, lambda i: ([["A", "B"]] * 3 + [["B", "C"]] * 3 + [["A", "C"]] * 3)[i]),
        candidates=["A", "B", "C"],
        seats=2,
        rules=BJ,
        options=ElectOptions(tie_break=lot, alternates=1),
    )
    irregular = [
        *ballots(6, lambda i: ["A", "B"] if i < 2 else ["Z"] if i < 4 else ["A"]),
        ElectionBallot("9-9", ["A"]),
        ElectionBallot("1-7", (), spoiled=True),
    ]
    spoiled = elect(
        flat(8),
        irregular,
        candidates=["A", "B"],
        seats=1,
        rules=SH,
        options=ElectOptions(policy=BallotPolicy(unknown_unit="set-aside")),
    )
    nobody = elect(flat(10), ballots(2, lambda i: ["A"]), candidates=["A"], seats=1, rules=CN)
    shared = cg.Estate.from_records(
        [
            {"unit": "1-0", "area": "50.5", "owners": ["Li"]},
            {"unit": "1-1", "area": "49.25", "owners": ["Li"]},
            {"unit": "2-0", "area": "80", "owners": ["Wang"]},
        ]
    )
    scoped = elect(
        shared,
        [ElectionBallot("1-0", ["Li"]), ElectionBallot("1-1", ["Li"])],
        candidates=["Li"],
        seats=1,
        rules=CN,
        options=ElectOptions(scope=["1-0", "1-1"]),
    )
    low = cg.Citation("estate_rules", "7")
    rule = cg.ResolutionRule(
        (),
        (
            cg.Threshold(
                cg.Measure.HEADS, cg.Base.CAST, cg.Comparator.MORE_THAN, Fraction(1, 2), low
            ),
        ),
        low,
    )
    given = elect(flat(3), ballots(3, lambda i: ["A"]), candidates=["A"], seats=1, rules=TJ,
                  options=ElectOptions(rule=rule))  # fmt: skip
    return [first, second, lotted, spoiled, nobody, scoped, given]


def _bodies():
    members = [
        GroupMember(f"m{i}", role, party_member=i % 2 == 0, age=40 + i, occupation=None)
        for i, role in enumerate(
            [
                "owner-representative",
                "owner-representative",
                "owner-representative",
                "owner-representative",
                "street-office",
                "residents-committee",
                "developer",
            ]
        )
    ]
    target = Target(Fraction(1, 2), cg.Citation("reported_practice", "3"))
    texts = [
        composition(members, targets=[target], rules=TJ).explain("zh"),
        check_group(members, CN).explain("zh"),
        check_group(members[:3], CN, not_applicable=["developer"]).explain("zh"),
    ]
    for size, rules, extra in [(5, CN, {}), (3, SH, {"area": 10001}), (3, BJ, {"households": 90})]:
        texts.append(check_committee_size(size, rules, **extra).explain("zh"))
    texts.append(check_committee_size(5, BJ, alternates=6).explain("zh"))
    people = [
        Candidate("Wang", "w", willing=True, volunteer=True, recommendations=9),
        Candidate("Li", "l", willing=True, party_member=True),
        Candidate("Zhao", "z", willing=False, party_member=True),
        Candidate("Sun", "s", party_member=True),
        Candidate("Qian", "q", willing=True, volunteer=True, recommendations=3),
    ]
    vettings = [vet(person, SH) for person in people]
    texts.extend(v.explain("zh") for v in vettings)
    texts.append(build_slate(people).explain("zh"))
    texts.append(
        build_slate(
            people,
            policy=SlatePolicy("p", (Priority.POSITIVE_LIST,), exclude_undetermined=True),
            vettings=vettings,
            positive=PositiveList("p", ["Qian"], clause="plan"),
        ).explain("zh")
    )
    return texts


@pytest.mark.parametrize("index", range(7))
def test_every_election_text_in_chinese_has_no_english_word(index):
    text = _elections()[index].explain("zh")
    assert english_words(text) == [], text


#: Jurisdiction data outside the elections engine: Tianjin's policy target has no confirmed
#: article and its citation reads "(party share)" (reported to the jurisdictions owner).
_DATA_GAPS = {"party", "share"}


def test_every_body_text_in_chinese_has_no_english_word():
    for text in _bodies():
        assert english_words(text, {"p", *_DATA_GAPS}) == [], text


def test_the_scanner_finds_english():
    assert english_words("当选：无 given lot 2024 CN-BJ m² A") == ["given", "lot"]
