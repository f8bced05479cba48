"""Voting policies that rule sets and estates declare: spoiled ballots, deemed votes."""

from __future__ import annotations

from enum import Enum

import attrs

from community_governance._base.citations import Citation, Confidence

__all__ = ["DeemedVoteClause", "SpoiledPolicy"]


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


@attrs.frozen(slots=True)
class DeemedVoteClause:
    """An estate's opt-in clause adding non-voters to the majority (未参与表决视为同意多数).

    Guidance Rules 2009 Art. 26 leaves the question to the covenant or rules of procedure;
    Zhejiang (2009) Art. 10 allows it with a floor; its validity after the Civil Code is
    contested (Civil Code Art. 278 counts the votes of those taking part), so every decision
    using it is flagged and reports the result with and without it.

    Attributes:
        clause: The covenant or rules-of-procedure clause that authorises it (quoted or cited).
        zhejiang_floor: Apply only if the actual majority exceeds half of the total area AND
            half of the total heads (Zhejiang Property Management Regulation 2009 Art. 10).
    """

    clause: str
    zhejiang_floor: bool = False

    @property
    def citation(self) -> Citation:
        """Guidance Rules 2009 Art. 26 (the opt-in), flagged as contested after 2021."""
        return Citation(
            "guidance_rules_2009",
            "26(2)",
            confidence=Confidence.HIGH,
            note="opt-in through the covenant; contested after 2021-01-01",
        )
