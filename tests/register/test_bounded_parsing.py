"""Exact-number bounds reach every register entry point (issue 9)."""

from __future__ import annotations

from typing import Any

import pytest

import community_governance as cg
from community_governance.exceptions import AreaBoundsError


def data(area: object) -> dict[str, Any]:
    estate = cg.Estate.from_records([{"unit": "1-101", "area": "89.37", "owners": ["Li"]}])
    payload = estate.to_dict()
    payload["units"][0]["area"] = area
    return payload


@pytest.mark.parametrize("area", ["1E-999999", "1E+1000000", "0.00001", "1" * 4301])
def test_from_records_refuses_out_of_bounds_area_quickly(area: str) -> None:
    with pytest.raises(AreaBoundsError, match="1-101"):
        cg.Estate.from_records([{"unit": "1-101", "area": area, "owners": ["Li"]}])


@pytest.mark.parametrize("area", ["1E-999999", "1E+1000000", "0.00001", "1000000000"])
def test_from_dict_refuses_out_of_bounds_area_quickly(area: str) -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match="units"):
        cg.Estate.from_dict(data(area))


@pytest.mark.parametrize("area", [89.37, True, None])
def test_from_dict_refuses_non_text_area(area: object) -> None:
    with pytest.raises(cg.exceptions.InvalidDataError, match="not an exact number"):
        cg.Estate.from_dict(data(area))


@pytest.mark.parametrize("area", ["0.0001", "999999999.9999", "1/3"])
def test_from_dict_accepts_area_at_the_bounds(area: str) -> None:
    estate = cg.Estate.from_dict(data(area))
    assert cg.Estate.from_dict(estate.to_dict()) == estate
