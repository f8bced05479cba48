"""Rule sets per jurisdiction and date: layers, the registry and `rules_for`.

Importing this package registers the bundled jurisdictions (``CN``, ``CN-SH``, ``CN-BJ``,
``CN-TJ``) with their voting and election layers.
"""

from community_governance.jurisdictions import (
    cn,
    cn_bj,
    cn_elections,
    cn_sh,
    cn_sh_elections,
    cn_tj,
)
from community_governance.jurisdictions.registry import (
    estate_layer,
    jurisdictions,
    register_layer,
    rules_for,
)
from community_governance.rules.ruleset import Layer, Param, Provided, RuleSet

__all__ = [
    "Layer",
    "Param",
    "Provided",
    "RuleSet",
    "cn",
    "cn_bj",
    "cn_elections",
    "cn_sh",
    "cn_sh_elections",
    "cn_tj",
    "estate_layer",
    "jurisdictions",
    "register_layer",
    "rules_for",
]
