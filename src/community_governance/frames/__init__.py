"""Columnar counting: registers and ballots as data frames, the same exact results.

An optional layer (extra ``frames``: numpy and narwhals, so that pandas, polars and pyarrow
tables are read without depending on any one of them). The object API stays the reference:
every frame engine returns the same `Decision` and `ElectionResult` values as
`decide` and `elect`, built through their public constructors, and a property test holds the
two paths to identical results.
"""

from community_governance.frames.city import ESTATE_RESULT_COLUMNS, decide_estates
from community_governance.frames.columnar import (
    FLOAT_EXACT_BOUND,
    INT64_AREA_BOUND,
    ColumnarEstate,
    columnar,
)
from community_governance.frames.decide import ballots_from_frame, decide_frame
from community_governance.frames.elect import (
    ElectionColumns,
    ElectionOptions,
    elect_frame,
    election_ballots_from_frame,
)
from community_governance.frames.register import estate_from_frame
from community_governance.frames.tables import to_frame

__all__ = [
    "ESTATE_RESULT_COLUMNS",
    "FLOAT_EXACT_BOUND",
    "INT64_AREA_BOUND",
    "ColumnarEstate",
    "ElectionColumns",
    "ElectionOptions",
    "ballots_from_frame",
    "columnar",
    "decide_estates",
    "decide_frame",
    "elect_frame",
    "election_ballots_from_frame",
    "estate_from_frame",
    "to_frame",
]
