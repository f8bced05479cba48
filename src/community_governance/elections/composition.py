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
from typing import TYPE_CHECKING, Protocol

import attrs

from community_governance.citations import Citation
from community_governance.exceptions import BodyError
from community_governance.explain._format import percent_text

if TYPE_CHECKING:
    from community_governance.jurisdictions.ruleset import RuleSet

__all__ = ["Composition", "Profile", "Share", "Target", "composition", "percent_text"]


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
class Share:
    """An exact count out of a total, with the members whose value is unknown.

    Attributes:
        count: Members known to have the property.
        total: All members.
        unknown: Members whose value is unknown.
    """

    count: int
    total: int
    unknown: int = 0

    @property
    def ratio(self) -> Fraction | None:
        """``count / total`` (``None`` for an empty body)."""
        return Fraction(self.count, self.total) if self.total else None

    def text(self, lang: str = "en") -> str:
        """``"5 of 7 = 71.4%"`` (or ``"7人中5人，71.4%"``), with unknowns named."""
        pct = percent_text(self.count, self.total)
        if lang == "zh":
            base = f"{self.total}人中{self.count}人，{pct}"
            return base + (f"（{self.unknown}人情况不明）" if self.unknown else "")
        base = f"{self.count} of {self.total} = {pct}"
        return base + (f" ({self.unknown} unknown)" if self.unknown else "")


@attrs.frozen(slots=True)
class Target:
    """A declared composition target on the party share, e.g. at least 1/2.

    Attributes:
        at_least: The share the body should reach (inclusive).
        citation: Its source; a policy or practice, never an eligibility rule.
        name: Display name.
    """

    at_least: Fraction = attrs.field(converter=Fraction)
    citation: Citation
    name: str = "party members"

    def check(self, share: Share) -> bool | None:
        """Met (``True``), missed (``False``) or undetermined (``None``) given unknowns."""
        bound = self.at_least
        low = share.count * bound.denominator >= share.total * bound.numerator
        high = (share.count + share.unknown) * bound.denominator >= share.total * bound.numerator
        if low:
            return True
        return None if high else False


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
        from community_governance.elections._explain import composition_text

        return composition_text(self, lang)


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
        rules: A rule set whose ``"party_share_target"`` parameter (e.g. Tianjin's policy,
            unconfirmed: ask with ``include_unconfirmed=True``) is added to the targets.

    Returns:
        The [Composition][community_governance.elections.Composition].

    Raises:
        BodyError: there are no members.
    """
    body = tuple(members)
    if not body:
        raise BodyError(
            "a composition report needs at least one member", field="members", value=body
        )
    wanted = list(targets)
    if rules is not None:
        target = rules.param("party_share_target")
        if target is not None:
            wanted.append(target)
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
