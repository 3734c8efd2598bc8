"""The published JSON Schema of the disclosure contract."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from .disclosure import Disclosure
from .fact_kinds import fact_kinds
from .vocabulary import OPTIONAL_GROUPS


def disclosure_schema() -> dict[str, Any]:
    """The contract as JSON Schema (draft 2020-12), for case systems to validate against.

    Each closed fact says what it is and what leaving it unknown means (its kind: safeguard, risk
    or relaxation), in ``description`` and ``x-fact-kind``, so a case system's developers see the
    fail-closed reading where they map their fields.
    """
    schema = Disclosure.model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    for path, fact in fact_kinds().items():
        group, name = path.split(".")
        model = _model_of(group)
        properties = definitions.get(model.__name__, {}).get("properties", {}) if model else {}
        if name in properties:
            said = properties[name].get("description") or fact.what  # the contract's own, if any
            properties[name]["description"] = f"{said} {fact.unknown_in_words}"
            properties[name]["x-fact-kind"] = fact.kind.value
    properties = schema.get("properties", {})
    for group in sorted(OPTIONAL_GROUPS & set(properties)):
        # The contract reads a null group as "none of these facts is known" (see the validator);
        # the schema says so, or a case system validating against it would refuse what ispcheck takes.
        shape = properties[group]
        default = shape.pop("default", None)
        properties[group] = {"anyOf": [shape, {"type": "null"}], "default": default}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ispcheck proposed disclosure",
        "description": (
            "A proposed disclosure of information between partners under a community safety "
            "information sharing protocol. Optional facts may be null, meaning not known; what "
            "that means depends on the fact's kind (x-fact-kind): an unknown safeguard is not in "
            "place, an unknown risk is not known to be absent, an unknown relaxation does not apply."
        ),
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _model_of(group: str) -> type[BaseModel] | None:
    """The contract model a top-level field holds (itself, in a list, or when it may be null)."""
    annotation = Disclosure.model_fields[group].annotation
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        for inner in get_args(candidate):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None
