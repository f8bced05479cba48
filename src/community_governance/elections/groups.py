"""Preparatory groups (筹备组) and re-election groups (换届小组), checked per rule set.

A rule set supplies a [GroupRule][community_governance.elections.GroupRule] as
``rules.elections.preparatory_group`` and (where the text has one)
``rules.elections.re_election_group``: an odd size, owners' representatives at least half,
the members that must be present and who leads.
[check_group][community_governance.elections.check_group] reports every check and what is
missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation
from community_governance._base.enums import parse_enum
from community_governance._base.format import chinese_fraction, indefinite
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance.elections.options import collection
from community_governance.exceptions import BodyError, ElectionInputError
from community_governance.rules.bodies import GroupKind, GroupRole, GroupRule
from community_governance.rules.ruleset import RuleSet
from community_governance.rules.thresholds import Base, Comparator, Measure, Threshold
from community_governance.voting.checks import CheckRole, check

__all__ = ["GroupKind", "GroupMember", "GroupReport", "GroupRole", "GroupRule", "check_group"]


def _role(value: object) -> GroupRole:
    return parse_enum(GroupRole, value, what="group role")


def _name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ElectionInputError(
            f"group member name must be a non-empty string, not {value!r}",
            what="group member",
            field="name",
            value=value,
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ElectionInputError(
            f"group member {attribute.name} must be True or False, not {value!r}",
            what="group member",
            field=attribute.name,
            value=value,
        )


def _maybe_flag(instance: object, attribute: attrs.Attribute[bool | None], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise ElectionInputError(
            f"group member {attribute.name} must be True, False or None, not {value!r}",
            what="group member",
            field=attribute.name,
            value=value,
        )


def _age(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ElectionInputError(
            f"group member age must be a whole number ≥ 0 or None, not {value!r}",
            what="group member",
            field="age",
            value=value,
        )


_KIND_ZH = {GroupKind.PREPARATORY: "筹备组", GroupKind.RE_ELECTION: "换届小组"}


@attrs.frozen(slots=True)
class GroupMember:
    """A member of a group or any body, with the profile used by composition reports.

    Attributes:
        name: Display name.
        role: Whom the member represents.
        leader: Whether the member leads the group.
        party_member: Party membership (``None``: unknown).
        age: Age in whole years (``None``: unknown).
        occupation: Occupation (``None``: unknown).
    """

    name: str = attrs.field(validator=_name)
    role: GroupRole = attrs.field(converter=_role)
    leader: bool = attrs.field(default=False, validator=_flag)
    party_member: bool | None = attrs.field(default=None, validator=_maybe_flag)
    age: int | None = attrs.field(default=None, validator=_age)
    occupation: str | None = None


@attrs.frozen(slots=True)
class GroupReport:
    """Every check of a group's make-up, and what is missing.

    Attributes:
        kind: Which group was checked.
        size: Number of members.
        owners: Number of owners' representatives.
        checks: ``(met, notice)`` per condition, with its source.
        missing: Required roles with no member (after the declared exemptions).
        layer: The layer that supplied the rule.
    """

    kind: GroupKind
    size: int
    owners: int
    checks: tuple[tuple[bool, Notice], ...]
    missing: tuple[GroupRole, ...]
    layer: str

    @property
    def valid(self) -> bool:
        """Whether every condition holds."""
        return all(ok for ok, _ in self.checks)

    def explain(self, lang: str = "en") -> str:
        """One line per condition: ✓/✗ and why."""
        lang = language(lang)
        if lang == "zh":
            verdict = "符合规定" if self.valid else "不符合规定"
            head = f"{_KIND_ZH[self.kind]}（{self.size}人）：{verdict}"
        else:
            head = f"{self.summary_en()}"
        lines = [head]
        lines.extend(f"  {'✓' if ok else '✗'} {notice.text(lang)}" for ok, notice in self.checks)
        return "\n".join(lines)

    def summary_en(self) -> str:
        """One line, the verdict first: ``"NOT valid: preparatory group (7), missing ..."``."""
        kind = self.kind.value.replace("_", " ")
        text = f"{'valid' if self.valid else 'NOT valid'}: {kind} ({self.size})"
        if self.missing:
            text += f", missing {', '.join(role.label() for role in self.missing)}"
        return text

    def __repr__(self) -> str:
        return f"<GroupReport {self.summary_en()}>"

    def __str__(self) -> str:
        return self.summary_en()

    def _repr_html_(self) -> str:
        rows = [["✓" if ok else "✗", notice.en, notice.zh] for ok, notice in self.checks]
        zh = "符合规定" if self.valid else "不符合规定"
        return html_table(
            f"{self.summary_en()} ({_KIND_ZH[self.kind]}：{zh})",
            ["", "condition", "条件"],
            rows,
            footer=[f"layer: {self.layer}"],
        )


def _role_checks(
    rule: GroupRule, present: set[GroupRole], exempt: set[GroupRole], cite: Citation
) -> list[tuple[bool, Notice]]:
    """Each required role: present, or declared not applicable."""
    checks: list[tuple[bool, Notice]] = []
    for role in rule.required:
        if role in exempt:
            en, zh = f"{role.label()} declared not applicable", f"{role.label('zh')}：声明不适用"
            checks.append((True, Notice("group-role-not-applicable", en, zh, cite)))
        else:
            en, zh = f"includes {indefinite(role.label())}", f"包括{role.label('zh')}"
            checks.append((role in present, Notice("group-role", en, zh, cite)))
    return checks


def _leader_check(
    leader: GroupRole, group: tuple[GroupMember, ...], cite: Citation
) -> tuple[bool, Notice]:
    """Exactly one leader, of the required role."""
    leaders = [m for m in group if m.leader]
    ok = len(leaders) == 1 and leaders[0].role is leader
    return ok, Notice(
        "group-leader",
        f"one leader, {indefinite(leader.label())} ({len(leaders)} leader(s) declared)",
        f"由{leader.label('zh')}担任组长（已指定{len(leaders)}人）",
        cite,
    )


def _owners_share(owners: int, size: int, share: Fraction, cite: Citation) -> bool:
    """Owners' representatives at least ``share`` of the members, via `voting.checks.check`."""
    threshold = Threshold(Measure.HEADS, Base.ALL, Comparator.AT_LEAST, share, cite)
    return check(CheckRole.APPROVAL, threshold, owners, size).passed


def check_group(
    members: Iterable[GroupMember],
    rules: RuleSet,
    *,
    kind: GroupKind | str = GroupKind.PREPARATORY,
    not_applicable: Iterable[GroupRole | str] = (),
) -> GroupReport:
    """Check a preparatory or re-election group against the rule set.

    Args:
        members: The group's members.
        rules: The rule set.
        kind: Which group (its rule is the rule set's parameter of that name).
        not_applicable: Required roles declared not to apply (e.g. no developer left); each
            is reported.

    Returns:
        The [GroupReport][community_governance.elections.GroupReport].

    Raises:
        BodyError: the group has no members.
        RuleSetError: the rule set has no rule for this kind of group.
    """
    kind = parse_enum(GroupKind, kind, what="group kind")
    group = collection(members, "members", GroupMember, "GroupMember values")
    if not group:
        raise BodyError(f"{kind.value}: a group needs members", field="members", value=group)
    exempt = {parse_enum(GroupRole, role, what="group role") for role in not_applicable}
    param = (
        rules.elections.preparatory_group
        if kind is GroupKind.PREPARATORY
        else rules.elections.re_election_group
    )
    provided = rules.require(param, kind.value)
    rule: GroupRule = provided.value
    cite = provided.citation
    size = len(group)
    owners = sum(1 for m in group if m.role is GroupRole.OWNER_REPRESENTATIVE)
    share = rule.owners_at_least
    checks: list[tuple[bool, Notice]] = []
    if rule.odd:
        checks.append(
            (size % 2 == 1, Notice("group-odd", f"odd size ({size})", f"单数（{size}人）", cite))
        )
    checks.append(
        (
            _owners_share(owners, size, share, cite),
            Notice(
                "group-owners-share",
                f"owners' representatives at least {share} of members ({owners} of {size})",
                f"业主代表不少于成员的{chinese_fraction(share)}（{size}人中{owners}人）",
                cite,
            ),
        )
    )
    present = {m.role for m in group}
    missing = tuple(role for role in rule.required if role not in present and role not in exempt)
    checks.extend(_role_checks(rule, present, exempt, cite))
    if rule.leader is not None:
        checks.append(_leader_check(rule.leader, group, cite))
    return GroupReport(kind, size, owners, tuple(checks), missing, provided.layer)
