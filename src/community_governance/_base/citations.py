"""Citations: where a rule comes from and how sure we are of it.

Every rule value in the library carries a [Citation][community_governance.Citation]: the legal
instrument (by the identifiers of the glossary), the article, the text version, the date it
takes effect and a [Confidence][community_governance.Confidence]. Only ``HIGH`` confidence
counts as *confirmed*; ``MEDIUM`` and ``LOW`` rules are kept out of default rule sets or flagged
wherever they are used.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

import attrs

from community_governance._base.enums import parse_enum
from community_governance._base.lang import language
from community_governance.exceptions import CitationTypeError

__all__ = ["INSTRUMENTS", "Citation", "Confidence", "Uncertain"]


class Confidence(Enum):
    """How well a rule's source was checked.

    Attributes:
        HIGH: Statutory text checked, plus a second consistent source (confirmed).
        MEDIUM: One secondary source, or background knowledge corroborated (unconfirmed).
        LOW: An unattributed or weak secondary source only (unconfirmed).
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def confirmed(self) -> bool:
        """Whether a rule of this confidence counts as confirmed."""
        return self is Confidence.HIGH

    def label(self, lang: str = "en") -> str:
        """Human label: ``"medium confidence"`` or ``"中等可信度"``."""
        lang = language(lang)
        if lang == "zh":
            return {"high": "高可信度", "medium": "中等可信度", "low": "低可信度"}[self.value]
        return f"{self.value} confidence"


class Uncertain(Enum):
    """A detail of a citation that is not confirmed although the rule's content is.

    A rule whose content is confirmed stays in default rule sets; the unconfirmed detail is
    printed with the citation wherever it appears, so that it never looks confirmed.

    Attributes:
        ARTICLE_NUMBER: The article number (e.g. numbering taken from a later text).
        EFFECTIVE_DATE: The date the text took effect.
    """

    ARTICLE_NUMBER = "article_number"
    EFFECTIVE_DATE = "effective_date"

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        if lang == "zh":
            return {"article_number": "条文序号待核实", "effective_date": "施行日期待核实"}[
                self.value
            ]
        return self.value.replace("_", " ") + " unconfirmed"


def _uncertain(value: object) -> frozenset[Uncertain]:
    if isinstance(value, str) or not isinstance(value, (set, frozenset, tuple, list)):
        raise CitationTypeError(
            f"Citation.uncertain must be a set of Uncertain members, not {value!r}",
            field="uncertain",
            value=value,
        )
    items = frozenset(value)
    for item in items:
        if not isinstance(item, Uncertain):
            raise CitationTypeError(
                f"Citation.uncertain: {item!r} is not an Uncertain member",
                field="uncertain",
                value=item,
            )
    return items


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    optional = attribute.name == "text_version"
    if not isinstance(value, str) and not (optional and value is None):
        kind = "a string or None" if optional else "a string"
        raise CitationTypeError(
            f"Citation.{attribute.name} must be {kind}, not {value!r:.80}",
            field=attribute.name,
            value=value,
        )


def _effective(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise CitationTypeError(
            f"Citation.effective must be a date or None (not a datetime or a string), "
            f"not {value!r:.80}",
            field="effective",
            value=value,
        )


def _confidence(value: object) -> Confidence:
    return parse_enum(Confidence, value, what="Citation.confidence")


#: Instrument identifiers with their Chinese and English names.
INSTRUMENTS: dict[str, tuple[str, str]] = {
    "civil_code": ("民法典", "Civil Code"),
    "property_rights_law": ("物权法", "Property Rights Law"),
    "property_management_regulations": ("物业管理条例", "Property Management Regulations"),
    "spc_building_ownership_interpretation": (
        "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释",
        "SPC interpretation on building distinguished ownership disputes",
    ),
    "guidance_rules_2009": (
        "业主大会和业主委员会指导规则",
        "Guidance Rules for Owners' Assemblies and Owners' Committees (2009)",
    ),
    "shanghai_residential_pm_provisions": (
        "上海市住宅物业管理规定",
        "Shanghai Residential Property Management Provisions",
    ),
    "beijing_pm_regulation": ("北京市物业管理条例", "Beijing Property Management Regulation"),
    "municipal_implementing_provisions": (
        "某市业主大会实施细则（公开文本未载明城市）",
        "municipal implementing provisions (the published copy does not name the city)",
    ),
    "zhuhai_extension_notice_2022": (
        "珠海市2022年业主表决延期通知",
        "Zhuhai 2022 notice on extending owners' votes",
    ),
    "tianjin_pm_regulation": ("天津市物业管理条例", "Tianjin Property Management Regulation"),
    "hunan_pm_regulation": ("湖南省物业管理条例", "Hunan Property Management Regulation"),
    "shanxi_pm_regulation": ("山西省物业管理条例", "Shanxi Property Management Regulation"),
    "taiyuan_pm_implementing_rules": (
        "太原市物业管理条例实施细则",
        "Taiyuan implementing rules of the property management regulation",
    ),
    "tianjin_community_pm_measures": (
        "天津市社区物业管理办法",
        "Tianjin Measures on Community Property Management",
    ),
    "zhejiang_pm_regulation": ("浙江省物业管理条例", "Zhejiang Property Management Regulation"),
    "hangzhou_pm_regulation": ("杭州市物业管理条例", "Hangzhou Property Management Regulation"),
    "liaocheng_pm_regulation": ("聊城市物业管理条例", "Liaocheng Property Management Regulation"),
    "maintenance_fund_measures_2007": (
        "住宅专项维修资金管理办法",
        "Measures on the Administration of the Residential Special Maintenance Fund (2007)",
    ),
    "peoples_mediation_law": ("人民调解法", "People's Mediation Law"),
    "civil_procedure_law": ("民事诉讼法", "Civil Procedure Law"),
    "cpl_interpretation": (
        "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
        "SPC interpretation of the Civil Procedure Law",
    ),
    "spc_limitation_rules": (
        "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定",
        "SPC provisions on limitation periods",
    ),
    "moj_mediation_rules_2002": (
        "人民调解工作若干规定",
        "MOJ Provisions on People's Mediation Work",
    ),
    "ningbo_mediation_regulation": ("宁波市人民调解条例", "Ningbo People's Mediation Regulation"),
    "shenzhen_dispute_resolution_regulation": (
        "深圳经济特区矛盾纠纷多元化解条例",
        "Shenzhen Multi-channel Dispute Resolution Regulation",
    ),
    "tw_condominium_act": ("公寓大廈管理條例", "Condominium Management Act (Taiwan)"),
    "tw_condominium_rules": (
        "公寓大廈管理條例施行細則",
        "Condominium Management Act Enforcement Rules (Taiwan)",
    ),
    "jp_unit_ownership_act": ("建物の区分所有等に関する法律", "Unit Ownership Act (Japan)"),
    "jp_model_rules": ("マンション標準管理規約", "Model Condominium Management Rules (Japan)"),
    "de_weg": ("德国住宅所有权法", "WEG (Germany)"),
    "hk_bmo": ("建築物管理條例（第344章）", "Building Management Ordinance (Hong Kong, Cap. 344)"),
    "fr_loi_65_557": ("法国1965年7月10日第65-557号法律（建筑物区分所有权）", "loi 65-557 (France)"),
    "estate_rules": ("本小区议事规则或管理规约", "the estate's rules of procedure or covenant"),
    "library_design": ("本库设计决定", "community_governance design decision"),
    "reported_practice": ("基层实践做法", "reported local practice (not law)"),
}

#: Sources that are not legal instruments: named in Chinese without the title marks 《》 of a
#: statute, and said to be no law (非法律规定).
_NOT_LAW = frozenset({"library_design", "reported_practice"})

_ARTICLE = re.compile(r"^(\d+)(?:\((\d+[a-z]?)\))?(?:\((\d+)\))?(?: no\. (\d+))?(.*)$")
_SCHEDULE = re.compile(r"^Sch\. (\d+)(?: para\. ([\d()]+))?(?: \((\d{4}) amendment\))?$")
_YEAR = re.compile(r"^\d{4}$")
_HYPHENATED = re.compile(r"^-(\d+)((?:-\d+)*)$")


@attrs.frozen(slots=True)
class Citation:
    """The source of a rule.

    Attributes:
        instrument: Instrument identifier (a key of
            [INSTRUMENTS][community_governance.rules.INSTRUMENTS], or any other id).
        article: Article, paragraph and item as written in the references, e.g. ``"278(2)"``.
        text_version: Which text of the instrument, e.g. ``"2020"``; ``None`` if it has one.
        effective: The date this text of the rule took effect, if known.
        confidence: How well the source was checked.
        note: A short remark shown with the citation (e.g. why the confidence is not high).
        uncertain: Details not confirmed although the content is (printed with the citation).
    """

    instrument: str = attrs.field(validator=_text)
    article: str = attrs.field(validator=_text)
    text_version: str | None = attrs.field(default=None, validator=_text)
    effective: date | None = attrs.field(default=None, validator=_effective)
    confidence: Confidence = attrs.field(default=Confidence.HIGH, converter=_confidence)
    note: str = attrs.field(default="", validator=_text)
    uncertain: frozenset[Uncertain] = attrs.field(default=frozenset(), converter=_uncertain)

    @property
    def confirmed(self) -> bool:
        """Whether the rule counts as confirmed (``HIGH`` confidence)."""
        return self.confidence.confirmed

    def format(self, lang: str = "en") -> str:
        """Render the citation for people.

        Args:
            lang: ``"en"`` or ``"zh"``.

        Returns:
            The citation followed by its confidence in brackets, always, so that a confirmed
            source and an unconfirmed one never look alike: ``"Civil Code Art. 278(2) [high
            confidence]"``, ``"《民法典》第278条第2款〔高可信度〕"``, ``"… [medium confidence,
            unconfirmed]"``; details that are not confirmed follow the confidence (``"[high
            confidence; effective date unconfirmed]"``).
        """
        lang = language(lang)
        zh_name, en_name = INSTRUMENTS.get(self.instrument, (self.instrument, self.instrument))
        if lang == "zh":
            text = (
                f"{zh_name}（非法律规定；条目{self.article}）"
                if self.instrument in _NOT_LAW
                else f"《{zh_name}》{_zh_article(self.article)}"
            )
            if self.text_version:
                text += _zh_version(self.text_version)
            flags = [item.label("zh") for item in sorted(self.uncertain, key=_order)]
            flags.insert(0, self.confidence.label("zh") + ("" if self.confirmed else "，待核实"))
            return text + f"〔{'；'.join(flags)}〕"
        text = f"{en_name} {_en_article(self.article)}"
        if self.text_version:
            text += f" ({self.text_version} text)"
        flags = [item.label() for item in sorted(self.uncertain, key=_order)]
        flags.insert(0, self.confidence.label() + ("" if self.confirmed else ", unconfirmed"))
        return text + f" [{'; '.join(flags)}]"


def _order(item: Uncertain) -> str:
    return item.value


_ART_PREFIX = re.compile(r"^Art\.?\s*", re.IGNORECASE)


def _en_article(article: str) -> str:
    """``"Art. 278(2)"``; an article already written with ``Art.`` or in words is kept."""
    bare = _ART_PREFIX.sub("", article)
    return f"Art. {bare}" if bare[:1].isdigit() else article


def _zh_version(version: str) -> str:
    """``"（2020年文本）"`` for a year, ``"（WEMoG版本）"`` for any other text version."""
    return f"（{version}年文本）" if _YEAR.match(version) else f"（{version}版本）"


def _zh_article(article: str) -> str:
    """An article in Chinese: ``"278(2)"`` → ``"第278条第2款"``, ``"Sch. 3"`` → ``"附表3"``.

    An article given only as a parenthesised description (``"(party share)"``: the copy
    found does not number it) is printed ``"（条文序号不详）"``. A span of articles reads
    ``"52-59"`` → ``"第52条至第59条"``; an article numbered with a hyphen, as French statutes
    number theirs, ``"25-1"`` → ``"第25-1条"``; a name that is not an article number
    (``"1-2-3-4"``, a reported practice) is kept as written. A list of articles reads
    ``"35, 69"`` → ``"第35条、第69条"``.
    """
    several = article.split(", ")
    if len(several) > 1 and all(part[:1].isdigit() for part in several):
        return "、".join(map(_zh_article, several))
    schedule = _SCHEDULE.match(article)
    if schedule is not None:
        number, paragraph, amended = schedule.groups()
        text = f"附表{number}" + (f"第{paragraph}段" if paragraph else "")
        return text + (f"（{amended}年修订）" if amended else "")
    if article.startswith("(") and article.endswith(")") and not any(c.isdigit() for c in article):
        return "（条文序号不详）"
    match = _ARTICLE.match(_ART_PREFIX.sub("", article))
    if match is None:
        return article
    number, paragraph, item, numbered, rest = match.groups()
    hyphen = _HYPHENATED.match(rest)
    if hyphen is not None and not (paragraph or item or numbered):
        if hyphen[2]:
            return article  # several hyphens: a name, not an article number
        second = hyphen[1]
        if int(second) > int(number):
            return f"第{number}条至第{second}条"
        return f"第{number}-{second}条"
    text = f"第{number}条"
    if paragraph:
        text += f"第{paragraph}款"
    if item or numbered:
        text += f"第{item or numbered}项"
    return text + rest
