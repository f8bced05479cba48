"""A row's error names its context once (the row, the field and the value)."""

from __future__ import annotations

import pytest

import community_governance as cg
from community_governance.exceptions import InvalidChoiceError, InvalidRecordError


def test_a_bad_row_is_named_once() -> None:
    with pytest.raises(InvalidRecordError) as error:
        cg.Estate.from_records([{"unit": "1", "area": "1", "owners": []}])
    text = str(error.value)
    assert text == "row 0: unit 1 has no owners [row=0, field='owners', value=()]"
    with pytest.raises(InvalidChoiceError) as choice:
        cg.Estate.from_records([{"unit": "1", "area": "1", "owners": ["a"], "status": "bogus"}])
    assert str(choice.value).count("[value='bogus'") == 1
    assert str(choice.value).startswith("row 0 (unit 1): unit status: 'bogus' is not one of")
