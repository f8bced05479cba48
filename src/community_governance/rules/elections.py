"""Election policies: tie-breaks, irregular ballots and composition targets."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

import attrs

from community_governance._base.citations import Citation, Confidence
from community_governance._base.enums import parse_enum
from community_governance._base.format import share_text
from community_governance._base.lang import language
from community_governance.exceptions import CandidateError, ElectionInputError
from community_governance.rules.thresholds import _ratio

__all__ = ["BallotPolicy", "Handling", "Share", "Target", "TieBreak", "TieMethod"]


class TieMethod(Enum):
    """How a tie at the cut-off is broken.

    Attributes:
        RUN_OFF: Not broken: the tied seats stay open and the tied candidates go to a further
            round (the default; no statute breaks ties).
        LOT: By lot with a published seed: candidates are ordered by the SHA-256 digest of
            ``"<seed>:<candidate id>"``, which anyone can recompute.
    """

    RUN_OFF = "run-off"
    LOT = "lot"


_RUN_OFF = Citation(
    "library_design",
    "ties.run-off",
    confidence=Confidence.MEDIUM,
    note="no statute breaks ties in committee elections; tied seats stay open for a run-off",
)


def _kind(kind: type, name: str) -> Any:
    """A validator: the value is a ``kind`` (``None`` allowed for a seed only)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and attribute.name == "seed":
            return
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ElectionInputError(
                f"{type(instance).__name__}.{attribute.name} must be {name}, not {value!r:.80}",
                what=type(instance).__name__,
                field=attribute.name,
                value=value,
            )

    return check


_CITATION = _kind(Citation, "a Citation")


def _tie_method(value: object) -> TieMethod:
    """A tie method from itself or its value; anything else is refused listing the values."""
    return parse_enum(TieMethod, value, what="tie break method")


@attrs.frozen(slots=True)
class TieBreak:
    """The declared tie policy, recorded in every result.

    Attributes:
        method: Run-off (default) or lot (a `TieMethod` or its value ``"run-off"``/``"lot"``;
            anything else raises `InvalidChoiceError` listing the values).
        seed: The published seed (required for a lot).
        citation: Its source (the estate's rules, or the library's default).
    """

    method: TieMethod = attrs.field(default=TieMethod.RUN_OFF, converter=_tie_method)
    seed: str | None = attrs.field(default=None, validator=_kind(str, "a string or None"))
    citation: Citation = attrs.field(default=_RUN_OFF, validator=_CITATION)

    def __attrs_post_init__(self) -> None:
        if (self.method is TieMethod.LOT) is not (self.seed is not None and self.seed != ""):
            raise CandidateError(
                f"tie break {self.method.value}: a lot needs a published seed and a run-off "
                f"takes none (seed={self.seed!r})",
                what="tie break",
                field="seed",
                value=self.seed,
            )

    @classmethod
    def lot(cls, seed: str, *, clause: str) -> TieBreak:
        """A lot with a published seed, adopted by the estate's rules at ``clause``."""
        return cls(TieMethod.LOT, seed, Citation("estate_rules", clause, note="tie broken by lot"))

    def order(self, candidates: tuple[str, ...]) -> tuple[str, ...]:
        """The lot's order of ``candidates`` (by digest of ``"<seed>:<id>"``)."""
        return tuple(
            sorted(
                candidates, key=lambda c: hashlib.sha256(f"{self.seed}:{c}".encode()).hexdigest()
            )
        )


class Handling(Enum):
    """What to do with a ballot the law does not describe.

    Attributes:
        SPOIL: The whole ballot is spoiled: its person takes part and approves nobody (the
            reading of "taking part in the vote", Civil Code Art. 278(2), used for motion
            ballots too); the result lists it.
        ERROR: Refuse the ballots with an error naming the unit.
        SET_ASIDE: (Unknown units only.) Not counted at all; the result lists it.
    """

    SPOIL = "spoil"
    ERROR = "error"
    SET_ASIDE = "set-aside"


IRREGULAR = Citation(
    "library_design",
    "election-ballots.irregular",
    confidence=Confidence.MEDIUM,
    note="no statute says how irregular election ballots count; spoiled ballots take part "
    "(Civil Code Art. 278(2) 'taking part in the vote')",
)


def _handling(value: object, allowed: tuple[Handling, ...]) -> Handling:
    handling = parse_enum(Handling, value, what="ballot handling")
    if handling not in allowed:
        raise CandidateError(
            f"ballot handling {handling.value!r} is not allowed here (use one of "
            f"{', '.join(h.value for h in allowed)})",
            what="ballot policy",
            field="handling",
            value=value,
        )
    return handling


def _spoil_or_error(value: object) -> Handling:
    return _handling(value, (Handling.SPOIL, Handling.ERROR))


def _error_or_set_aside(value: object) -> Handling:
    return _handling(value, (Handling.ERROR, Handling.SET_ASIDE))


@attrs.frozen(slots=True)
class BallotPolicy:
    """The declared handling of irregular election ballots; nothing is ever dropped silently.

    Attributes:
        over_approval: A ballot approving more candidates than seats (spoil or error).
        non_candidate: A ballot approving someone who is not a candidate (spoil or error).
        unknown_unit: A ballot for a unit outside the register or scope (error or set aside).
        citation: The source of the policy (a design decision unless the estate's rules say).
    """

    over_approval: Handling = attrs.field(default=Handling.SPOIL, converter=_spoil_or_error)
    non_candidate: Handling = attrs.field(default=Handling.SPOIL, converter=_spoil_or_error)
    unknown_unit: Handling = attrs.field(default=Handling.ERROR, converter=_error_or_set_aside)
    citation: Citation = attrs.field(default=IRREGULAR, validator=_CITATION)


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
        """``"5 of 7 = ≈71.43%"`` (or ``"7人中5人，≈71.43%"``), with unknowns named."""
        lang = language(lang)
        pct = share_text(self.count, self.total)
        if lang == "zh":
            base = f"{self.total}人中{self.count}人，{pct}"
            return base + (f"（{self.unknown}人情况不明）" if self.unknown else "")
        base = f"{self.count} of {self.total} = {pct}"
        return base + (f" ({self.unknown} unknown)" if self.unknown else "")


def _share(value: object) -> Fraction:
    """A target share in (0, 1] from an int, a Fraction, a Decimal or a str such as ``"1/2"``.

    Raises:
        ElectionInputError: a float (inexact) or a bool.
        InvalidRuleError: a share outside (0, 1] or text that is not a number.
    """
    if isinstance(value, float | bool):
        raise ElectionInputError(
            f"Target.at_least must be exact (a Fraction, an int or a str such as '1/2'), not "
            f"{value!r}",
            what="Target",
            field="at_least",
            value=value,
        )
    return _ratio(Fraction(value) if isinstance(value, Decimal) else value)


@attrs.frozen(slots=True)
class Target:
    """A declared composition target on the party share, e.g. at least 1/2.

    Attributes:
        at_least: The share the body should reach (inclusive).
        citation: Its source; a policy or practice, never an eligibility rule.
        name: Display name.
    """

    at_least: Fraction = attrs.field(converter=_share)
    citation: Citation = attrs.field(validator=_CITATION)
    name: str = "party members"

    def check(self, share: Share) -> bool | None:
        """Met (``True``), missed (``False``) or undetermined (``None``) given unknowns."""
        bound = self.at_least
        low = share.count * bound.denominator >= share.total * bound.numerator
        high = (share.count + share.unknown) * bound.denominator >= share.total * bound.numerator
        if low:
            return True
        return None if high else False
