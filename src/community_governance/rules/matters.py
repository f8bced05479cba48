"""The matters owners decide jointly (共同决定), Civil Code Art. 278(1) items (1)–(9).

The predecessors list fewer items: Property Rights Law Art. 76(1) and Property Management
Regulations (2007) Art. 11 have seven, with raising *and* using the maintenance fund as one item
and no item for changing the use of common parts (which fell under "other major matters"). Each
rule set maps every [Matter][community_governance.Matter] to its tier with the article of its
own text.
"""

from __future__ import annotations

import re
from enum import Enum

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.lang import language
from community_governance.exceptions import InvalidRuleError

__all__ = ["SCOPED_MATTERS", "DeclaredMatter", "Matter"]

_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _code(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise InvalidRuleError(
            f"matter code must be lower-case letters, digits and '-', not {value!r}",
            field="code",
            value=value,
        )


class Matter(Enum):
    """A category of joint decision, named after Civil Code Art. 278(1).

    Attributes:
        RULES_OF_PROCEDURE: (1) make or amend the assembly's rules of procedure (议事规则).
        MANAGEMENT_COVENANT: (2) make or amend the management covenant (管理规约).
        ELECT_COMMITTEE: (3) elect the owners' committee or replace members.
        HIRE_OR_DISMISS_MANAGER: (4) hire or dismiss the property service company or manager.
        USE_MAINTENANCE_FUND: (5) use the maintenance fund (使用维修资金).
        RAISE_MAINTENANCE_FUND: (6) raise the maintenance fund (筹集维修资金).
        REBUILD_OR_RENOVATE: (7) rebuild or renovate buildings and facilities (改建、重建).
        CHANGE_USE_OF_COMMON_PARTS: (8) change the use of common parts or use them for business.
        OTHER_MAJOR_MATTER: (9) other major matters (incl. disposing of common parts, SPC
            interpretation Art. 7).
    """

    RULES_OF_PROCEDURE = "rules-of-procedure"
    MANAGEMENT_COVENANT = "management-covenant"
    ELECT_COMMITTEE = "elect-committee"
    HIRE_OR_DISMISS_MANAGER = "hire-or-dismiss-manager"
    USE_MAINTENANCE_FUND = "use-maintenance-fund"
    RAISE_MAINTENANCE_FUND = "raise-maintenance-fund"
    REBUILD_OR_RENOVATE = "rebuild-or-renovate"
    CHANGE_USE_OF_COMMON_PARTS = "change-use-of-common-parts"
    OTHER_MAJOR_MATTER = "other-major-matter"

    @property
    def item(self) -> int:
        """The item number in Civil Code Art. 278(1)."""
        return list(Matter).index(self) + 1

    @property
    def whole_assembly(self) -> bool:
        """Whether only the whole assembly decides it, never the owners of a scope.

        Items 1-4 of Civil Code Art. 278(1) (rules of procedure, management covenant, the
        committee, the property manager) concern every owner; items 5-9 (the fund, rebuilding,
        common parts, other major matters) may concern the partly shared parts of some owners,
        which those owners decide (Shanghai Residential Property Management Provisions Arts. 35
        and 69; the 2007 Measures Art. 22: the owners within the charge's scope). The line
        between them is a library design decision, cited as `rules.SCOPED_MATTERS`.
        """
        return self.item <= _LAST_WHOLE_ASSEMBLY_ITEM

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return _ZH[self]
        return self.value.replace("-", " ")


#: Items 1-4 of Art. 278(1) are decided by the whole assembly only (see `Matter.whole_assembly`).
_LAST_WHOLE_ASSEMBLY_ITEM = 4

#: Why items 1-4 of Civil Code Art. 278(1) are never decided within a scope.
SCOPED_MATTERS = Citation(
    "library_design",
    "decide.scope.matters",
    confidence=Confidence.MEDIUM,
    note="the owners concerned decide their partly shared parts (Shanghai Provisions Arts. 35 "
    "and 69; 2007 Measures Art. 22); the assembly's rules, covenant, committee and property "
    "manager (Civil Code Art. 278(1) items 1-4) concern every owner",
)

_ZH = {
    Matter.RULES_OF_PROCEDURE: "制定和修改业主大会议事规则",
    Matter.MANAGEMENT_COVENANT: "制定和修改管理规约",
    Matter.ELECT_COMMITTEE: "选举业主委员会或者更换业主委员会成员",
    Matter.HIRE_OR_DISMISS_MANAGER: "选聘和解聘物业服务企业或者其他管理人",
    Matter.USE_MAINTENANCE_FUND: "使用建筑物及其附属设施的维修资金",
    Matter.RAISE_MAINTENANCE_FUND: "筹集建筑物及其附属设施的维修资金",
    Matter.REBUILD_OR_RENOVATE: "改建、重建建筑物及其附属设施",
    Matter.CHANGE_USE_OF_COMMON_PARTS: "改变共有部分的用途或者利用共有部分从事经营活动",
    Matter.OTHER_MAJOR_MATTER: "有关共有和共同管理权利的其他重大事项",
}


@attrs.frozen(slots=True)
class DeclaredMatter:
    """A matter as one jurisdiction's own text names it (not a Chinese category).

    Foreign packs declare their matters instead of mapping onto
    [Matter][community_governance.Matter], whose items follow Civil Code Art. 278(1). A matter
    not declared by a jurisdiction is refused by it with UnknownMatterError.

    Attributes:
        code: Stable identifier within the jurisdiction, e.g. ``"art-25"`` or ``"rebuilding"``.
        label: English label.
        local: The label in the statute's own language, e.g. ``"majorité de l'article 25"``.
        citation: The article that lists the matter.
        zh: The matter's name in Chinese, e.g. ``"绝对多数决议事项"`` (``""``: none given; a
            Chinese text then quotes ``local`` only). Keyword-only; not part of equality, so a
            matter declared without it still names the jurisdiction's own.
    """

    code: str = attrs.field(validator=_code)
    label: str
    local: str
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    zh: str = attrs.field(
        default="", kw_only=True, eq=False, validator=attrs.validators.instance_of(str)
    )

    def name(self, lang: str = "en") -> str:
        """The matter named for people, with the statute's own wording after it.

        ``"absolute-majority matter (Art. 25) (majorité de l'article 25)"``; in Chinese
        ``"绝对多数决议事项（「majorité de l'article 25」）"``, or only the quotation
        (``"「majorité de l'article 25」"``) when no Chinese name is given.
        """
        lang = language(lang)
        if lang == "zh":
            return f"{self.zh}（「{self.local}」）" if self.zh else f"「{self.local}」"
        return f"{self.label} ({self.local})"
