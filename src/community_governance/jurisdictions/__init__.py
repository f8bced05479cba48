"""Jurisdictions as pure data: one module each, registered by one line in `REGISTRY`.

========  ==================================================================
Code      What is encoded
========  ==================================================================
``CN``    national voting regimes (2003, 2007, 2021) and the 2009 Guidance Rules
``CN-SH`` Shanghai voting (2018 and 2020 texts of Art. 18), elections from 2011
``CN-BJ`` Beijing elections from 2020 (voting follows the Civil Code)
``CN-TJ`` Tianjin's party-share policy target (unconfirmed)
========  ==================================================================

Mediation policies: ``CN`` (national, soft one-month period), ``CN-GD-SZ`` (Shenzhen, module
`cn_gd_sz`) and ``CN-ZJ-NB`` (Ningbo, module `cn_zj_nb`).

Each module imports only the rule vocabulary (`community_governance.rules`) and the shared
basics; no engine imports this package. Resolve a rule set with
[rules_for][community_governance.rules_for].
"""

from community_governance.jurisdictions import cn, cn_bj, cn_gd_sz, cn_sh, cn_tj, cn_zj_nb
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
    "cn_gd_sz",
    "cn_sh",
    "cn_tj",
    "cn_zj_nb",
    "estate_layer",
    "known_codes",
    "rules_for",
]
