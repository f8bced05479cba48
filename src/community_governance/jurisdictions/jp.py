"""Japan (``JP``): Act on Unit Ownership of Buildings (建物の区分所有等に関する法律).

Two dimensions: heads (persons; co-owners of a unit name one voter, Art. 40) and votes, by
default the exclusive floor-area ratio (Arts 14, 38; the rules may set other weights). Until
2026-03-31 every statutory resolution counts against ALL owners: ordinary more than half of
heads and votes (Art. 39(1)), major changes and the rules at least 3/4 (Arts 17, 31),
rebuilding at least 4/5 (Art. 62). From 2026-04-01 (2025 amending law) ordinary resolutions
count those attending, special resolutions need a majority of heads holding a majority of
votes to attend and pass on at least 3/4 of those attending, and rebuilding stays at 4/5 of
all owners or 3/4 on objective grounds.

That an owner of several units is one head is unconfirmed; the engine counts the owners of a
unit as one member and an owner of several units once. The 2/3 for restoration and the
Art. 17(5) 2/3 tier are not encoded.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from community_governance._base.citations import Citation
from community_governance.rules.matters import DeclaredMatter
from community_governance.rules.packs import pack_of
from community_governance.rules.procedures import (
    Condition,
    ConditionRole,
    Procedure,
    ProxyLimit,
    Stage,
    Weight,
)
from community_governance.rules.registry import Jurisdiction
from community_governance.rules.ruleset import Layer, Topic
from community_governance.rules.thresholds import Base, Comparator

__all__ = ["CHECKED_ON", "JP_MODEL_RULES_PROXIES", "JURISDICTION", "LAYERS"]

#: The day the Japanese data were last compared with the published texts.
CHECKED_ON = date(2026, 12, 3)

_ATT, _AGREE = ConditionRole.ATTENDING, ConditionRole.AGREE
_GE, _GT = Comparator.AT_LEAST, Comparator.MORE_THAN
_REFORM = date(2026, 4, 1)


#: Model rules Art. 46(5): who may hold a proxy (the statute, Art. 39(2), allows proxies; a
#: building's own rules decide whether to adopt this list). Not attached to the defaults.
JP_MODEL_RULES_PROXIES = ProxyLimit(
    Weight.AREA,
    (
        "spouse (including de facto)",
        "first-degree relative",
        "relative living in the unit",
        "another member",
    ),
    (),
    None,
    None,
    Citation("jp_model_rules", "46(5)", note="model rules, binding only where adopted"),
)


def _art(article: str, version: str) -> Citation:
    effective = _REFORM if version == "2025" else None
    return Citation("jp_unit_ownership_act", article, text_version=version, effective=effective)


def _both(
    role: ConditionRole, base: Base, comparator: Comparator, ratio: Fraction, cite: Citation
) -> tuple[Condition, ...]:
    return tuple(
        Condition(role, weight, base, comparator, ratio, cite)
        for weight in (Weight.PERSONS, Weight.AREA)
    )


def _one(name: str, tests: tuple[Condition, ...], cite: Citation) -> Procedure:
    return Procedure((Stage(name, tests, cite),), cite)


#: The matters' names in Chinese, by code.
_ZH = {
    "ordinary": "普通决议",
    "major-change": "共用部分的重大变更",
    "rules": "规约的设定、变更",
    "rebuilding": "重建决议",
    "rebuilding-objective-grounds": "有客观事由的重建",
}


def _matter(code: str, label: str, local: str, cite: Citation) -> DeclaredMatter:
    return DeclaredMatter(code, label, local, cite, zh=_ZH.get(code, ""))


def _old() -> dict[DeclaredMatter, Procedure]:
    ordinary, change, rules, rebuild = (
        _art(a, "2002") for a in ("39(1)", "17(1)", "31(1)", "62(1)")
    )
    return {
        _matter("ordinary", "ordinary resolution", "普通決議", ordinary): _one(
            "Art. 39(1)", _both(_AGREE, Base.ALL, _GT, Fraction(1, 2), ordinary), ordinary
        ),
        _matter("major-change", "major change to common parts", "共用部分の重大変更", change): _one(
            "Art. 17(1)", _both(_AGREE, Base.ALL, _GE, Fraction(3, 4), change), change
        ),
        _matter("rules", "setting or changing the rules", "規約の設定・変更", rules): _one(
            "Art. 31(1)", _both(_AGREE, Base.ALL, _GE, Fraction(3, 4), rules), rules
        ),
        _matter("rebuilding", "rebuilding", "建替え決議", rebuild): _one(
            "Art. 62(1)", _both(_AGREE, Base.ALL, _GE, Fraction(4, 5), rebuild), rebuild
        ),
    }


def _special(name: str, cite: Citation) -> Procedure:
    tests = (
        *_both(_ATT, Base.ALL, _GT, Fraction(1, 2), cite),
        *_both(_AGREE, Base.ATTENDING, _GE, Fraction(3, 4), cite),
    )
    return _one(name, tests, cite)


def _new() -> dict[DeclaredMatter, Procedure]:
    ordinary, change, rules, rebuild = (
        _art(a, "2025") for a in ("39(1)", "17(1)", "31(1)", "62(1)")
    )
    return {
        _matter("ordinary", "ordinary resolution", "普通決議", ordinary): _one(
            "Art. 39(1)", _both(_AGREE, Base.ATTENDING, _GT, Fraction(1, 2), ordinary), ordinary
        ),
        _matter(
            "major-change", "major change to common parts", "共用部分の重大変更", change
        ): _special("Art. 17(1)", change),
        _matter("rules", "setting or changing the rules", "規約の設定・変更", rules): _special(
            "Art. 31(1)", rules
        ),
        _matter("rebuilding", "rebuilding", "建替え決議", rebuild): _one(
            "Art. 62(1)", _both(_AGREE, Base.ALL, _GE, Fraction(4, 5), rebuild), rebuild
        ),
        _matter(
            "rebuilding-objective-grounds",
            "rebuilding on objective grounds",
            "客観的事由がある建替え",
            rebuild,
        ): _one(
            "Art. 62 (objective grounds)",
            _both(_AGREE, Base.ALL, _GE, Fraction(3, 4), rebuild),
            rebuild,
        ),
    }


#: Japan: the text in force until 2026-03-31, and the 2025 amending law's text from 2026-04-01.
LAYERS = (
    Layer(
        code="JP",
        name="JP: Unit Ownership Act (to 2026-03-31)",
        valid_from=None,
        valid_to=date(2026, 3, 31),
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=_old(),
        note="denominator all owners; the rules may differ for ordinary resolutions",
    ),
    Layer(
        code="JP",
        name="JP: Unit Ownership Act (2025 amendment, from 2026-04-01)",
        valid_from=_REFORM,
        valid_to=None,
        checked_on=CHECKED_ON,
        topic=Topic.VOTING,
        procedures=_new(),
        note="attendance-based; untraceable owners may be excluded by court decision",
    ),
)

#: Japan: one jurisdiction in the one registry, one layer per dated text.
JURISDICTION = Jurisdiction(
    code="JP",
    name="Japan",
    checked_on=CHECKED_ON,
    layers=LAYERS,
    references=("jp_unit_ownership_act", "jp_model_rules"),
    parent=None,
)


def __getattr__(name: str) -> object:
    """``PACK`` (deprecated): the `Pack` view of `JURISDICTION`."""
    if name == "PACK":
        return pack_of(JURISDICTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
