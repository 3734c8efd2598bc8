"""The OpenAPI description: built from the contract's own schema, and every reference resolves."""

from __future__ import annotations

from typing import Any

from ispcheck import Checker
from ispcheck.schema import disclosure_schema
from ispcheck.service.openapi import openapi_document


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_the_document_is_openapi_3_1_with_every_route_of_the_service() -> None:
    document = openapi_document(Checker(use_entry_points=False))
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {
        "/v1/decisions",
        "/v1/decisions/batch",
        "/v1/facts-that-matter",
        "/v1/register",
        "/v1/register/verify",
        "/v1/register/{record_id}",
        "/v1/rules",
        "/v1/pack",
        "/v1/schema",
        "/v1/partners",
        "/health/live",
        "/health/ready",
        "/metrics",
    }


def test_every_reference_resolves_within_the_document() -> None:
    document = openapi_document(Checker(use_entry_points=False))
    schemas = document["components"]["schemas"]
    found = refs(document)
    assert found
    for ref in found:
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_the_request_body_is_the_contracts_own_schema_not_a_copy() -> None:
    schemas = openapi_document(Checker(use_entry_points=False))["components"]["schemas"]
    contract = disclosure_schema()
    assert set(schemas["Disclosure"]["properties"]) == set(contract["properties"])
    assert set(contract["$defs"]) <= set(schemas)


def test_every_answer_but_200_tells_the_client_not_to_share() -> None:
    document = openapi_document(Checker(use_entry_points=False))
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status != "200" and path.startswith("/v1"):
                    assert "do not share" in response["description"], (path, status)
