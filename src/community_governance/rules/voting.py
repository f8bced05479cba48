"""Voting policies that rule sets and estates declare: spoiled ballots, deemed votes."""

from __future__ import annotations

import warnings
from enum import Enum

import attrs

from community_governance._base.citations import Citation, Confidence

__all__ = ["ZHEJIANG_2009_FLOOR", "DeemedVoteClause", "SpoiledPolicy"]


class SpoiledPolicy(Enum):
    """How spoiled ballots are counted.

    Attributes:
        PARTICIPATING: Counted as taking part and not agreeing (the default). Reasoning: Civil
            Code Art. 278 counts owners who *take part in the vote* (参与表决), a wording chosen
            in drafting over 参加表决 so that ballots returned in any form count; a returned but
            invalid ballot shows participation without agreement.
        EXCLUDED: Not counted at all, as if never returned.
    """

    PARTICIPATING = "participating"
    EXCLUDED = "excluded"

    @property
    def citation(self) -> Citation:
        """The reasoning behind the policy, as a design citation."""
        return Citation(
            "library_design",
            f"spoiled-ballots.{self.value}",
            confidence=Confidence.MEDIUM,
            note="no statute says how spoiled ballots count; see SpoiledPolicy",
        )


#: Zhejiang Property Management Regulation (2009) Art. 10: deemed votes count only when the
#: actual majority exceeds half of the total area and half of the total heads.
ZHEJIANG_2009_FLOOR = Citation("zhejiang_pm_regulation", "10", text_version="2009")


@attrs.frozen(slots=True)
class DeemedVoteClause:
    """An estate's opt-in clause adding non-voters to the majority (未参与表决视为同意多数).

    Guidance Rules 2009 Art. 26 leaves the question to the covenant or rules of procedure;
    a local regulation may allow it only above a floor (Zhejiang Property Management
    Regulation 2009 Art. 10: `ZHEJIANG_2009_FLOOR`); its validity after the Civil Code is
    contested (Civil Code Art. 278 counts the votes of those taking part), so every decision
    using it is flagged and reports the result with and without it.

    Attributes:
        clause: The covenant or rules-of-procedure clause that authorises it (quoted or cited).
        majority_floor: The provision that allows deemed votes only when the actual majority
            exceeds half of the total area AND half of the total heads, or ``None`` for no
            floor. The engine reads the floor generically and cites this provision.
        zhejiang_floor: Deprecated (removed in 0.3): ``True`` means
            ``majority_floor=ZHEJIANG_2009_FLOOR``.
    """

    clause: str
    zhejiang_floor: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    majority_floor: Citation | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Citation))
    )

    def __attrs_post_init__(self) -> None:
        if self.zhejiang_floor:
            warnings.warn(
                "DeemedVoteClause(zhejiang_floor=True) is deprecated; use "
                "majority_floor=community_governance.rules.ZHEJIANG_2009_FLOOR",
                DeprecationWarning,
                stacklevel=3,
            )
            object.__setattr__(self, "majority_floor", ZHEJIANG_2009_FLOOR)

    @property
    def citation(self) -> Citation:
        """Guidance Rules 2009 Art. 26 (the opt-in), flagged as contested after 2021."""
        return Citation(
            "guidance_rules_2009",
            "26(2)",
            confidence=Confidence.HIGH,
            note="opt-in through the covenant; contested after 2021-01-01",
        )
