"""Committee size rules per rule set: minimum, maximum, odd, small-estate exceptions, alternates.

The check is `community_governance.voting.size`, shared with `committee.elect_committee`;
this module keeps the names the elections engine has always exported from it.
"""

from community_governance.voting.size import SizeCheck, SizeRule, check_committee_size

__all__ = ["SizeCheck", "SizeRule", "check_committee_size"]
