"""Citations: confidence, formatting in English and Chinese."""

from __future__ import annotations

from datetime import date

import pytest

import community_governance as cg


def test_confidence() -> None:
    assert cg.Confidence.HIGH.confirmed
    assert not cg.Confidence.MEDIUM.confirmed
    assert not cg.Confidence.LOW.confirmed


@pytest.mark.parametrize(
    ("citation", "en", "zh"),
    [
        (
            cg.Citation("civil_code", "278(2)"),
            "Civil Code Art. 278(2) [high confidence]",
            "《民法典》第278条第2款〔高可信度〕",
        ),
        (
            cg.Citation("civil_code", "1259"),
            "Civil Code Art. 1259 [high confidence]",
            "《民法典》第1259条〔高可信度〕",
        ),
        (
            cg.Citation("property_rights_law", "76(1)(5)"),
            "Property Rights Law Art. 76(1)(5) [high confidence]",
            "《物权法》第76条第1款第5项〔高可信度〕",
        ),
        (
            cg.Citation(
                "property_management_regulations",
                "12",
                text_version="2003",
                confidence=cg.Confidence.MEDIUM,
            ),
            "Property Management Regulations Art. 12 (2003 text) [medium confidence, unconfirmed]",
            "《物业管理条例》第12条（2003年文本）〔中等可信度，待核实〕",
        ),
        (
            cg.Citation("guidance_rules_2009", "26(2) sentence 2", confidence=cg.Confidence.LOW),
            "Guidance Rules for Owners' Assemblies and Owners' Committees (2009) Art. 26(2) "
            "sentence 2 [low confidence, unconfirmed]",
            "《业主大会和业主委员会指导规则》第26条第2款 sentence 2〔低可信度，待核实〕",
        ),
        (
            cg.Citation("estate_rules", "Art. 9"),
            "the estate's rules of procedure or covenant Art. 9 [high confidence]",
            "《本小区议事规则或管理规约》第9条〔高可信度〕",
        ),
        (
            cg.Citation("my_bylaw", "3"),
            "my_bylaw Art. 3 [high confidence]",
            "《my_bylaw》第3条〔高可信度〕",
        ),
        (
            cg.Citation("estate_rules", "第9条", confidence=cg.Confidence.MEDIUM),
            "the estate's rules of procedure or covenant 第9条 [medium confidence, unconfirmed]",
            "《本小区议事规则或管理规约》第9条〔中等可信度，待核实〕",
        ),
        (
            cg.Citation("civil_code", "278", uncertain={cg.rules.Uncertain.EFFECTIVE_DATE}),
            "Civil Code Art. 278 [high confidence; effective date unconfirmed]",
            "《民法典》第278条〔高可信度；施行日期待核实〕",
        ),
    ],
)
def test_format(citation: cg.Citation, en: str, zh: str) -> None:
    """Every citation shows its confidence, a confirmed one included."""
    assert citation.format() == en
    assert citation.format("zh") == zh
    assert citation.confirmed is citation.confidence.confirmed


def test_fields_and_instruments() -> None:
    citation = cg.Citation("civil_code", "278", effective=date(2021, 1, 1), note="n")
    assert citation.effective == date(2021, 1, 1)
    assert citation.confidence is cg.Confidence.HIGH
    assert cg.rules.INSTRUMENTS["civil_code"] == ("民法典", "Civil Code")
    assert all(len(names) == 2 for names in cg.rules.INSTRUMENTS.values())
