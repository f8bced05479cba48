"""The bundled registry: one line per jurisdiction (Chinese and foreign), and `rules_for`.

To add a jurisdiction, write one module of data (a `Jurisdiction` with its dated layers) and
add one line to `REGISTRY` below - or, outside the library, pass
``REGISTRY.with_jurisdiction(mine)`` as ``rules_for(..., registry=...)``.
"""

from __future__ import annotations

import warnings
from datetime import date

from community_governance._base.citations import Citation, Confidence
from community_governance.jurisdictions import (
    cn,
    cn_bj,
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
    tw,
)
from community_governance.rules.packs import PackRegistry, pack_of
from community_governance.rules.params import params_from_values
from community_governance.rules.registry import Registry
from community_governance.rules.ruleset import Layer, RuleSet, Topic

__all__ = ["REGISTRY", "estate_layer", "known_codes", "rules_for"]

#: The bundled jurisdictions, each parent before its children.
REGISTRY = Registry(
    (
        cn.JURISDICTION,
        cn_sh.JURISDICTION,
        cn_bj.JURISDICTION,
        cn_tj.JURISDICTION,
        cn_zj_hz.JURISDICTION,
        cn_zj_nb.JURISDICTION,
        cn_gd_sz.JURISDICTION,
        *cn_hn_cs.JURISDICTIONS,
        *cn_sx_ty.JURISDICTIONS,
        tw.JURISDICTION,
        jp.JURISDICTION,
        de.JURISDICTION,
        hk.JURISDICTION,
        fr.JURISDICTION,
    )
)

#: The foreign codes, whose layers declare their own matters and procedures.
_FOREIGN = ("TW", "JP", "DE", "HK", "FR")


def __getattr__(name: str) -> object:
    """``PACKS`` (deprecated): the foreign jurisdictions of `REGISTRY` as a `PackRegistry`."""
    if name == "PACKS":
        warnings.warn(
            "PACKS is deprecated and will be removed in the next minor version; every "
            "jurisdiction is in REGISTRY: use rules_for(code, on=day).procedure(matter)",
            DeprecationWarning,
            stacklevel=2,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return PackRegistry(tuple(pack_of(REGISTRY.get(code)) for code in _FOREIGN))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def known_codes(registry: Registry = REGISTRY) -> tuple[str, ...]:
    """The registered jurisdiction codes, sorted."""
    return registry.codes


def rules_for(
    code: str,
    *,
    on: date,
    include_unconfirmed: bool = False,
    registry: Registry = REGISTRY,
) -> RuleSet:
    """Resolve the rule set of a jurisdiction on a date.

    The chain of codes is the code and its parents (``"CN-SH"`` → ``"CN"``, ``"CN-SH"``); in
    each, the layers in force on ``on`` are stacked, national first. For a vote, ``on`` is the
    day the vote closes (a vote spanning a change of rules is flagged by ``decide``). A foreign
    code (``"TW"``, ``"JP"``, ``"DE"``, ``"HK"``, ``"FR"``) is national too; its layers declare
    their own matters, read with [RuleSet.procedure][community_governance.RuleSet.procedure]
    and decided with ``voting.procedure.decide_procedure``.

    Args:
        code: Jurisdiction code, e.g. ``"CN"`` or ``"CN-SH"``.
        on: The date (a `datetime.date`; a datetime or a string is refused).
        include_unconfirmed: Admit unconfirmed layers and rules (each flagged in results).
        registry: The jurisdictions to resolve from (default: the bundled ones).

    Returns:
        The resolved [RuleSet][community_governance.RuleSet]. Its notices name every topic
        with no encoded rules in a jurisdiction of the chain, every layer left out or used
        while unconfirmed, and every matter whose local rule is not shown to be as strict as
        the national rule in force that day.

    Raises:
        UnknownJurisdictionError: ``code`` (or a parent) is not registered.
        RuleSetNotInForceError: ``on`` is not a date, or no national layer is in force on it
            (e.g. before 2007-10-01 without ``include_unconfirmed``, or before 2003-09-01).

    Warns:
        StaleRuleSetWarning: ``on`` is after the date a layer was last checked.
    """
    return registry.resolve(code, on=on, include_unconfirmed=include_unconfirmed)


def estate_layer(
    name: str,
    *,
    params: dict[str, object],
    clause: str,
    valid_from: date | None = None,
) -> Layer:
    """Build the estate's own layer (rules of procedure or covenant) from plain values.

    Args:
        name: Name shown in results, e.g. ``"Estate rules of procedure 2023"``.
        params: Parameter values by name, e.g. ``{"deemed_vote": DeemedVoteClause(...)}``;
            each name must be an attribute of `VotingParams` or `ElectionParams` and each
            value of that attribute's type.
        clause: Where in the estate's rules they come from (quoted into each citation).
        valid_from: When the estate adopted them.

    Returns:
        A layer with code ``"estate"``, to be put on a rule set with
        [RuleSet.with_layer][community_governance.RuleSet.with_layer].

    Raises:
        RuleSetError: a name is not a parameter (the message lists the allowed names), or a
            value has the wrong type.
    """
    citation = Citation("estate_rules", clause, effective=valid_from, confidence=Confidence.HIGH)
    voting, elections = params_from_values(params, citation)
    return Layer(
        code="estate",
        name=name,
        valid_from=valid_from,
        valid_to=None,
        topic=Topic.ESTATE,
        voting=voting,
        elections=elections,
    )
