"""The published JSON Schema of the disclosure contract."""

from __future__ import annotations

from typing import Any

from .disclosure import Disclosure


def disclosure_schema() -> dict[str, Any]:
    """The contract as JSON Schema (draft 2020-12), for case systems to validate against."""
    schema = Disclosure.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ispcheck proposed disclosure",
        "description": (
            "A proposed disclosure of information under the Warwickshire Community Safety "
            "Information Sharing Protocol. Optional facts may be null, meaning not known."
        ),
        **{k: v for k, v in schema.items() if k != "title"},
    }
