"""Charts: each spec validates against Vega-Lite (via Altair) and renders to SVG headlessly."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import altair as alt
import pytest

import community_governance as cg
from community_governance.charts import SCHEMA, Chart, chart
from community_governance.elections import ElectionBallot, GroupMember, composition, elect
from community_governance.exceptions import LanguageError, VotingInputError
from community_governance.rules import Target

SH = cg.rules_for("CN-SH", on=date(2025, 3, 1))
ESTATE = cg.Estate.from_records(
    [
        {"unit": "1-101", "area": "89.37", "owners": ["Li"]},
        {"unit": "1-102", "area": "120.05", "owners": ["Wang", "Zhao"]},
        {"unit": "2-301", "area": "95.10", "owners": ["Li"]},
        {"unit": "3-101", "area": "88.00", "owners": ["Developer"], "status": "unsold"},
        {"unit": "3-102", "area": "70.00", "owners": ["Sun"]},
    ]
)


def results() -> list[object]:
    ballots = [
        cg.Ballot("1-101", "agree"),
        cg.Ballot("1-102", "oppose"),
        cg.Ballot("3-102", "agree"),
    ]
    decision = cg.decide(ESTATE, ballots, matter=cg.Matter.RAISE_MAINTENANCE_FUND, rules=SH)
    election = elect(
        ESTATE,
        [
            ElectionBallot("1-101", {"Li", "Sun"}),
            ElectionBallot("1-102", {"Li", "Sun"}),
            ElectionBallot("3-102", {"Sun"}),
            ElectionBallot("3-101", {"Wang"}),
        ],
        candidates=["Li", "Sun", "Wang"],
        seats=2,
        rules=SH,
    )
    members = [
        GroupMember("a", "owner-representative", party_member=True),
        GroupMember("b", "owner-representative", party_member=None),
        GroupMember("c", "owner-representative", party_member=False),
    ]
    cite = cg.Citation("reported_practice", "x")
    body = composition(
        members,
        targets=[Target(Fraction(1, 3), cite), Target(Fraction(2, 3), cite), Target(1, cite)],
    )
    return [decision, election, body]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_spec_validates_and_renders(index: int, lang: str) -> None:
    drawn = chart(results()[index], lang=lang)  # type: ignore[arg-type]
    assert drawn.spec["$schema"] == SCHEMA
    alt.Chart.from_dict(drawn.spec)  # validates against the Vega-Lite schema
    svg = drawn.to_svg()
    assert svg.startswith("<svg") and drawn.title.split(":")[0] in svg
    bundle = drawn._repr_mimebundle_()
    assert bundle["application/vnd.vegalite.v5+json"] is drawn.spec
    assert repr(drawn).startswith("<Chart ")


def test_png_and_labels() -> None:
    decision, election, _ = results()
    assert chart(decision).to_png()[:4] == b"\x89PNG"  # type: ignore[arg-type]
    zh = chart(election, lang="zh")  # type: ignore[arg-type]
    assert zh.title.startswith("第1轮选举：当选") and "★" in str(zh.spec)
    assert chart(decision, lang="zh").title.endswith("未通过")  # type: ignore[arg-type]
    passed = cg.decide(
        ESTATE,
        [cg.Ballot(u.id, "agree") for u in ESTATE.units],
        matter=cg.Matter.OTHER_MAJOR_MATTER,
        rules=SH,
    )
    assert chart(passed).title.endswith(": passed")
    assert chart(passed, lang="zh").title.endswith("：通过") or chart(
        passed, lang="zh"
    ).title.endswith(": 通过")


def test_nobody_elected_and_empty_base() -> None:
    nobody = elect(ESTATE, [], candidates=["Li"], seats=1, rules=SH)
    assert chart(nobody).title.endswith("elected nobody")
    assert chart(nobody, lang="zh").title.endswith("无")
    assert isinstance(chart(nobody), Chart)


def test_bad_inputs() -> None:
    decision = results()[0]
    with pytest.raises(LanguageError, match="lang"):
        chart(decision, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(VotingInputError, match="expected a Decision"):
        chart(ESTATE)  # type: ignore[arg-type]


def test_labels_are_wholly_in_the_chosen_language() -> None:
    """A Chinese chart names each check's base in Chinese, and its title uses "："."""
    decision = results()[0]
    zh = chart(decision, lang="zh")  # type: ignore[arg-type]
    checks = [row["check"] for row in zh.spec["data"]["values"]]
    assert checks == ["参与表决（全体业主）"] * 2 + ["表决同意（参与表决的业主）"] * 2
    assert zh.title == "筹集建筑物及其附属设施的维修资金：未通过"
    en = chart(decision)  # type: ignore[arg-type]
    assert [row["check"] for row in en.spec["data"]["values"]][::2] == [
        "taking part (all owners)",
        "approval (those taking part)",
    ]


def test_the_tooltip_says_whether_the_line_itself_passes() -> None:
    """过半数 (more than) fails on the line itself; 以上 (at least) passes on it."""
    decision, election, body = results()
    rows = chart(election, lang="zh").spec["data"]["values"]  # type: ignore[arg-type]
    assert {row["comparator"] for row in rows} == {"超过"}
    rows = chart(decision).spec["data"]["values"]  # type: ignore[arg-type]
    assert {row["comparator"] for row in rows} == {"at least"}
    assert {row["comparator"] for row in chart(body).spec["data"]["values"]} == {"at least"}  # type: ignore[arg-type]
    assert chart(body, lang="zh").title.startswith("组成：")  # type: ignore[arg-type]
    tooltip = chart(decision).spec["spec"]["layer"][0]["encoding"]["tooltip"]  # type: ignore[arg-type]
    assert {"field": "comparator", "type": "nominal", "title": "comparison"} in tooltip
