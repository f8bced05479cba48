"""Jurisdictions as pure data: one module each, registered by one line in `REGISTRY`.

============  ======================================================================
Code          What is encoded
============  ======================================================================
``CN``        national voting regimes (2003, 2007, 2021), the 2009 Guidance Rules
``CN-SH``     Shanghai voting (2018 and 2020 texts of Art. 18), elections from 2011
``CN-BJ``     Beijing elections from 2020 (voting follows the Civil Code)
``CN-TJ``     Tianjin's party-share policy target (unconfirmed)
``CN-ZJ-HZ``  Hangzhou committee size, alternates, term, report, handovers
``CN-HN``     Hunan and Changsha (``CN-HN-CS``): registered, no values encoded
``CN-SX``     Shanxi and Taiyuan (``CN-SX-TY``): registered, no values encoded
``TW``        Taiwan, Condominium Management Act Arts 25, 27, 31, 32, 34
``JP``        Japan, Unit Ownership Act before and from 2026-04-01
``DE``        Germany, WEG from 2020-12-01 (and §23(1a) from 2024-10-17)
``HK``        Hong Kong, Building Management Ordinance Cap. 344 (and 2025-07-13)
``FR``        France, loi 65-557 Arts 22, 24–26-1
============  ======================================================================

The foreign jurisdictions declare their own matters: their layers carry ``procedures``
(staged, weighted, capped votes) read with ``rules_for(code, on=day).procedure(matter)``.
``cn_extension`` holds the opt-in Chinese voting-window extensions as staged procedures.
``PACKS`` (a second registry) is deprecated; ``REGISTRY`` holds every jurisdiction.

Mediation policies: ``CN`` (national, soft one-month period), ``CN-GD-SZ`` (Shenzhen, module
`cn_gd_sz`) and ``CN-ZJ-NB`` (Ningbo, module `cn_zj_nb`).

Each module imports only the rule vocabulary (`community_governance.rules`) and the shared
basics; no engine imports this package. Resolve a rule set with
[rules_for][community_governance.rules_for].
"""

from community_governance.jurisdictions import (
    cn,
    cn_bj,
    cn_extension,
    cn_gd_sz,
    cn_hn_cs,
    cn_sh,
    cn_sx_ty,
    cn_tj,
    cn_zj_hz,
    cn_zj_nb,
    de,
    fr,
    hk,
    jp,
    registry,
    tw,
)
from community_governance.jurisdictions.registry import (
    REGISTRY,
    estate_layer,
    known_codes,
    rules_for,
)

__all__ = [
    "REGISTRY",
    "cn",
    "cn_bj",
    "cn_extension",
    "cn_gd_sz",
    "cn_hn_cs",
    "cn_sh",
    "cn_sx_ty",
    "cn_tj",
    "cn_zj_hz",
    "cn_zj_nb",
    "de",
    "estate_layer",
    "fr",
    "hk",
    "jp",
    "known_codes",
    "rules_for",
    "tw",
]


def __getattr__(name: str) -> object:
    """``PACKS`` (deprecated): see `community_governance.jurisdictions.registry`."""
    if name == "PACKS":
        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
