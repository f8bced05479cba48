"""The owners' register: owners, units, the estate, and how persons and area are counted."""

from community_governance.register._model import (
    AreaSource,
    CivilCapacity,
    Owner,
    OwnerKind,
    Unit,
    UnitStatus,
    UnitUse,
)
from community_governance.register.counting import (
    CountingPolicy,
    CountingReason,
    OverlapPolicy,
    Person,
    PersonIndex,
)
from community_governance.register.estate import Estate, Overlap, Persons
from community_governance.register.scope import ScopeCount, count_scope

__all__ = [
    "AreaSource",
    "CivilCapacity",
    "CountingPolicy",
    "CountingReason",
    "Estate",
    "Overlap",
    "OverlapPolicy",
    "Owner",
    "OwnerKind",
    "Person",
    "PersonIndex",
    "Persons",
    "ScopeCount",
    "Unit",
    "UnitStatus",
    "UnitUse",
    "count_scope",
]
