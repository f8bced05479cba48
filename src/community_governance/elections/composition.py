"""Composition of a body: size, party share, ages and occupations, against declared targets.

Works for any members carrying ``party_member``, ``age`` and ``occupation`` (a
[Candidate][community_governance.elections.Candidate] or a
[GroupMember][community_governance.elections.GroupMember]). Counts are exact; percentages
are for display. A [Target][community_governance.elections.Target] such as Tianjin's "party
members at least 50%" is a *policy* target, not an eligibility rule, and says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from typing import Protocol

import attrs

from community_governance._base.format import decimal_text, share_text
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance.elections.options import collection
from community_governance.exceptions import BodyError
from community_governance.rules.elections import Share, Target
from community_governance.rules.ruleset import RuleSet

__all__ = ["Composition", "Profile", "composition"]


class Profile(Protocol):
    """What a composition report reads from a member."""

    @property
    def party_member(self) -> bool | None:
        """Party membership, or ``None`` when unknown."""

    @property
    def age(self) -> int | None:
        """Age in years, or ``None`` when unknown."""

    @property
    def occupation(self) -> str | None:
        """Occupation, or ``None`` when unknown."""


@attrs.frozen(slots=True)
class Composition:
    """A body's composition.

    Attributes:
        size: Number of members.
        party: Party members.
        ages: Known ages, sorted.
        ages_unknown: Members of unknown age.
        occupations: ``(occupation, count)`` pairs, most frequent first (``"unknown"`` last).
        targets: ``(target, met)`` pairs; ``met`` is ``None`` when unknowns decide it.
    """

    size: int
    party: Share
    ages: tuple[int, ...]
    ages_unknown: int
    occupations: tuple[tuple[str, int], ...]
    targets: tuple[tuple[Target, bool | None], ...]

    @property
    def mean_age(self) -> Fraction | None:
        """Exact mean of the known ages."""
        return Fraction(sum(self.ages), len(self.ages)) if self.ages else None

    @property
    def age_range(self) -> tuple[int, int] | None:
        """Youngest and oldest known ages."""
        return (self.ages[0], self.ages[-1]) if self.ages else None

    def explain(self, lang: str = "en") -> str:
        """Text report: party share, ages, occupations and each target."""
        lang = language(lang)
        return composition_text(self, lang)

    @property
    def verdict(self) -> bool | None:
        """Every target met (``True``), one missed (``False``), else undetermined (``None``)."""
        results = [met for _, met in self.targets]
        if False in results:
            return False
        return None if None in results else True

    def __repr__(self) -> str:
        return f"<Composition {self}>"

    def __str__(self) -> str:
        verdict = {True: "targets met", False: "target NOT met", None: "targets undetermined"}
        head = verdict[self.verdict] if self.targets else "no targets"
        return f"{head}: {self.size} member(s), party members {self.party.text()}"

    def _repr_html_(self) -> str:
        rows = [
            [target.name, f"≥ {target.at_least}", _VERDICT_EN[met]] for target, met in self.targets
        ]
        return html_table(
            str(self), ["target", "bound", "verdict"], rows, footer=self.explain().splitlines()
        )


def composition(
    members: Iterable[Profile],
    *,
    targets: Iterable[Target] = (),
    rules: RuleSet | None = None,
) -> Composition:
    """Report a body's composition against declared targets.

    Args:
        members: The members (candidates elected, representatives, group members...).
        targets: Declared targets.
        rules: A rule set whose ``rules.elections.party_share_target`` (e.g. Tianjin's
            policy, unconfirmed: ask with ``include_unconfirmed=True``) is added to the
            targets.

    Returns:
        The [Composition][community_governance.elections.Composition].

    Raises:
        BodyError: there are no members.
    """
    body = collection(members, "members", object, "members (candidates or group members)")
    if not body:
        raise BodyError(
            "a composition report needs at least one member", field="members", value=body
        )
    wanted = list(targets)
    if rules is not None:
        target = rules.elections.party_share_target
        if target is not None:
            wanted.append(target.value)
    party = Share(
        sum(1 for m in body if m.party_member is True),
        len(body),
        sum(1 for m in body if m.party_member is None),
    )
    ages = tuple(sorted(m.age for m in body if m.age is not None))
    jobs = Counter(m.occupation for m in body if m.occupation)
    unknown_jobs = sum(1 for m in body if not m.occupation)
    occupations = sorted(jobs.items(), key=lambda item: (-item[1], item[0]))
    if unknown_jobs:
        occupations.append(("unknown", unknown_jobs))
    return Composition(
        len(body),
        party,
        ages,
        len(body) - len(ages),
        tuple(occupations),
        tuple((target, target.check(party)) for target in wanted),
    )


_VERDICT_EN = {True: "met", False: "not met", None: "undetermined"}


def composition_text(composition: Composition, lang: str) -> str:
    """The composition report as text."""
    zh = lang == "zh"
    lines = [f"成员{composition.size}人" if zh else f"Members: {composition.size}"]
    lines.append(("党员：" if zh else "Party members: ") + composition.party.text(lang))
    if composition.age_range is not None:
        low, high = composition.age_range
        mean = decimal_text(composition.mean_age or 0, 1)
        lines.append(
            f"年龄：{low}至{high}岁，平均{mean}岁" if zh else f"Ages: {low}–{high}, mean {mean}"
        )
    if composition.ages_unknown:
        lines.append(
            f"年龄不明：{composition.ages_unknown}人"
            if zh
            else f"Age unknown: {composition.ages_unknown}"
        )
    jobs = ("、" if zh else ", ").join(
        (
            f"{'不明' if job == 'unknown' else job}{count}人"
            f"（{share_text(count, composition.size)}）"
            if zh
            else f"{job} {count} ({share_text(count, composition.size)})"
        )
        for job, count in composition.occupations
    )
    lines.append(("职业：" if zh else "Occupations: ") + jobs)
    for target, met in composition.targets:
        verdict = {
            True: ("达到", "met"),
            False: ("未达到", "not met"),
            None: ("待定", "undetermined"),
        }[met]
        bound = share_text(target.at_least.numerator, target.at_least.denominator)
        if zh:
            source = target.citation.format("zh")
            name = "党员" if target.name == "party members" else target.name
            lines.append(
                f"目标（政策，非资格条件）：{name}不少于{bound} —— {verdict[0]}（{source}）"
            )
        else:
            lines.append(
                f"Target (policy, not an eligibility rule): {target.name} at least {bound} — "
                f"{verdict[1]} ({target.citation.format()})"
            )
    return "\n".join(lines)
