"""Shared test data: the facts of a candidate who meets every national and local condition."""

from __future__ import annotations

#: Every eligibility fact in the state that qualifies (the bars all ``False``).
GOOD: dict[str, bool] = {
    "owner_in_area": True,
    "full_capacity": True,
    "law_abiding": True,
    "exemplary_owner": True,
    "integrity": True,
    "organising_ability": True,
    "enough_time": True,
    "written_pledge": True,
    "arrears": False,
    "illegal_construction": False,
    "illegal_renting": False,
    "other_violations": False,
    "tied_to_manager": False,
    "judgment_defaulter": False,
}
