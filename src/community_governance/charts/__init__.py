"""Charts of results, as Vega-Lite specs that notebooks render natively.

An optional layer (extra ``charts``: vl-convert renders SVG and PNG headlessly; Altair, if
installed, reads the spec with ``altair.Chart.from_dict``). Titles, axes and legends in
English or Chinese.
"""

from community_governance.charts.specs import SCHEMA, Chart, chart

__all__ = ["SCHEMA", "Chart", "chart"]
