"""Reading a disclosure written as JSON or YAML: what cannot be read is named by its source."""

from __future__ import annotations

import pytest

from ispcheck.errors import DisclosureError
from ispcheck.text_input import read_disclosure_text


def test_text_that_is_neither_json_nor_yaml_is_named_by_its_source() -> None:
    with pytest.raises(DisclosureError) as caught:
        read_disclosure_text("a: [1", source="answers.json")
    (problem,) = caught.value.problems
    assert problem.message.startswith("answers.json is neither valid JSON nor valid YAML at line")
