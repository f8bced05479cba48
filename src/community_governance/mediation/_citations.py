"""Citations used by the mediation rules."""

from __future__ import annotations

from datetime import date

from community_governance._base.citations import Citation, Confidence

_PML = date(2011, 1, 1)
_CPL_2023 = date(2024, 1, 1)
_INTERP = date(2022, 4, 10)
_CC = date(2021, 1, 1)


def pml(article: str, note: str = "") -> Citation:
    """People's Mediation Law (2010), in force 2011-01-01 [L]."""
    return Citation("peoples_mediation_law", article, "2010", _PML, note=note)


def moj(article: str, note: str = "") -> Citation:
    """MOJ 2002 rules [R]: text from secondary copies only, so unconfirmed."""
    return Citation(
        "moj_mediation_rules_2002",
        article,
        "2002",
        date(2002, 11, 1),
        Confidence.MEDIUM,
        note or "[R] secondary copies only; official text not checked",
    )


PML_17 = pml("17", "start on application or own initiative; explicit refusal bars mediation")
PML_19 = pml("19", "committee assigns, or parties choose, one or more mediators")
PML_20 = pml("20", "others take part only with the parties' consent")
PML_23 = pml("23", "parties may choose mediators, refuse or ask to end mediation, refuse public")
PML_25 = pml("25", "report escalation risks to the police or departments")
PML_26 = pml("26", "on failure, end mediation and tell the parties the other routes")
PML_28 = pml("28", "oral agreement allowed when the parties think writing unnecessary")
PML_29 = pml("29", "written agreement effective when all parties and a mediator sign and sealed")
PML_30 = pml("30", "oral agreement effective the day it is reached")
PML_31 = pml("31", "agreement binding; committee supervises and urges performance")
PML_32 = pml("32", "one party may sue over content or performance")
PML_33 = pml("33", "joint application for judicial confirmation within 30 days")
CPL_205 = Citation(
    "civil_procedure_law", "205", "2023", _CPL_2023, note="2012/2017 text Art. 194; 2021 Art. 201"
)
CPL_206 = Citation(
    "civil_procedure_law", "206", "2023", _CPL_2023, note="2012/2017 text Art. 195; 2021 Art. 202"
)
INTERP_355 = Citation(
    "cpl_interpretation", "355", "2022", _INTERP, note="not accepted: title to real rights or IP"
)
INTERP_354 = Citation(
    "cpl_interpretation", "354", "2022", _INTERP, note="submit the agreement (design: in writing)"
)
INTERP_357 = Citation("cpl_interpretation", "357", "2022", _INTERP, note="withdrawal")
LIMITATION_12 = Citation(
    "spc_limitation_rules", "12", "2020", _CC, note="request to mediation interrupts limitation"
)
BUILDING_12 = Citation(
    "spc_building_ownership_interpretation", "12", "2020", _CC, note="1-year revocation window"
)
CC_199 = Citation(
    "civil_code",
    "199",
    "2020",
    _CC,
    Confidence.MEDIUM,
    "fixed period not suspended; applying it to Interp. Art. 12 is open (unsettled)",
)
MOJ_22 = moj("22(2)", "[R] not accepted: already accepted by a court, police or other organ")
MOJ_30 = moj("30", "[R] tell the parties their rights and duties before mediating")
MOJ_33 = moj("33", "[R] generally concluded within one month; single published copy")
MOJ_34 = moj("34", "[R] written agreement when civil rights and obligations are involved")
DESIGN = Citation(
    "library_design", "mediation", "0.1", None, Confidence.LOW, "[D] design proposal, not law"
)
EXTENSION_BEFORE_EXPIRY = Citation(
    "library_design",
    "mediation.extension_before_expiry",
    "0.1",
    None,
    Confidence.LOW,
    "[D] library inference, not law: an extension must be agreed before the period expires",
)
