"""The service's OpenAPI 3.1 description, built from the contract's own JSON Schema.

A case system's developers generate their client from this, so it must say what the service
really does: the request bodies are the contract (the same schema ``ispcheck schema`` prints, not a
copy), and every answer other than 200 is described as what it is, "do not share".
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

from ..schema import disclosure_schema

if TYPE_CHECKING:
    from ..engine import Checker

__all__ = ["openapi_document"]

_OUTCOMES = ["share", "share_with_conditions", "refer", "do_not_share"]
_STRINGS = {"type": "array", "items": {"type": "string"}}

_BATCH_ITEM = (
    "a disclosure: each is checked on its own, and one that breaks the contract gets its problems in "
    "its result"
)
_DO_NOT_SHARE = (
    "Anything but 200 means do not share: nothing was decided (or, for the register, nothing was "
    "recorded), and the body never carries an outcome."
)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _contract() -> dict[str, dict[str, Any]]:
    """The contract's schema, its ``$defs`` moved into the components (refs rewritten to match)."""
    schema = copy.deepcopy(disclosure_schema())
    schema.pop("$schema", None)
    definitions = schema.pop("$defs", {})
    text = json.dumps({"Disclosure": schema, **definitions}).replace('"#/$defs/', '"#/components/schemas/')
    found: dict[str, dict[str, Any]] = json.loads(text)
    return found


_FINDING = {
    "type": "object",
    "required": ["rule_id", "effect", "clauses", "message"],
    "properties": {
        "rule_id": {"type": "string"},
        "effect": {"enum": ["block", "refer", "condition", "advice"]},
        "clauses": _STRINGS,
        "message": {"type": "string"},
        "action": {"type": ["string", "null"]},
        "refer_to": {"type": ["string", "null"]},
        "facts": _STRINGS,
        "law": _STRINGS,
        "after": {"type": "boolean"},
        "interpretations": _STRINGS,
    },
}
_STEP = {
    "type": "object",
    "required": ["text", "clauses"],
    "properties": {"rule_id": {"type": "string"}, "text": {"type": "string"}, "clauses": _STRINGS},
}
_DECISION = {
    "type": "object",
    "description": "The decision record, as `ispcheck check --format json` prints it.",
    "required": [
        "outcome",
        "urgent",
        "conditions",
        "afterwards",
        "refer_to",
        "findings",
        "obligations",
        "pack",
    ],
    "properties": {
        "outcome": {"enum": _OUTCOMES},
        "urgent": {"type": "boolean"},
        "conditions": {"type": "array", "items": _STEP},
        "afterwards": {"type": "array", "items": _STEP},
        "refer_to": _STRINGS,
        "findings": {"type": "array", "items": _FINDING},
        "obligations": {"type": "array", "items": {"type": "object"}},
        "pack": {"type": "object", "properties": {"name": {"type": "string"}, "version": {"type": "string"}}},
        "made_at": {"type": "string", "format": "date-time"},
    },
}
_PROBLEM = {
    "type": "object",
    "required": ["path", "message"],
    "properties": {
        "path": {"type": "string", "description": "the field, as a dotted path ('' for the whole body)"},
        "message": {"type": "string", "description": "what is wrong and what is allowed"},
    },
}
_ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string"},
        "message": {"type": "string"},
        "problems": {"type": "array", "items": _ref("Problem")},
    },
}


def _refusals(*statuses: int) -> dict[str, Any]:
    words = {
        400: "The body is not JSON in UTF-8, or is empty.",
        401: "No key, or a key that is not known or has been revoked.",
        403: "The key does not have the scope this needs.",
        404: "There is no such record.",
        413: "The body is over the limit (1 MiB by default).",
        422: "The input does not meet the contract: every problem, by field.",
        500: "A fault in ispcheck.",
        503: "The register cannot be reached (or the service is stopping): nothing was recorded.",
    }
    return {str(s): _json(_ref("Error"), f"{words[s]} {_DO_NOT_SHARE}") for s in statuses}


def openapi_document(checker: Checker) -> dict[str, Any]:
    """The OpenAPI 3.1 document for the service deciding with ``checker``."""
    from .. import __version__

    body = {"required": True, "content": {"application/json": {"schema": _ref("Disclosure")}}}
    decision = {"allOf": [_ref("Decision"), {"properties": {"decision_id": {"type": "string"}}}]}
    record = {
        "type": "object",
        "description": "One record as `ispcheck register export` writes it.",
        "required": ["id", "recorded_at", "disclosure", "decision", "prev_hash", "hash"],
        "properties": {
            "id": {"type": "integer"},
            "recorded_at": {"type": "string"},
            "decided_by": {"type": ["string", "null"]},
            "disclosure": {"type": "object"},
            "decision": _ref("Decision"),
            "prev_hash": {"type": "string"},
            "hash": {"type": "string"},
        },
    }
    secured: list[dict[str, list[str]]] = [{"key": []}]
    common = (401, 403, 500)
    paths: dict[str, Any] = {
        "/v1/decisions": {
            "post": {
                "summary": "Decide one proposed disclosure",
                "security": secured,
                "requestBody": body,
                "responses": {"200": _json(decision, "The decision."), **_refusals(400, 413, 422, *common)},
            }
        },
        "/v1/decisions/batch": {
            "post": {
                "summary": "Decide up to 1,000 disclosures; answers in order, each a decision or problems",
                "security": secured,
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["disclosures"],
                                "additionalProperties": False,
                                "properties": {
                                    "disclosures": {
                                        "type": "array",
                                        "maxItems": 1000,
                                        "items": {"description": _BATCH_ITEM},
                                    }
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {"results": {"type": "array", "items": {"type": "object"}}},
                        },
                        "One result per disclosure, in order: a decision, or the problems that stopped it.",
                    ),
                    **_refusals(400, 413, 422, *common),
                },
            }
        },
        "/v1/facts-that-matter": {
            "post": {
                "summary": "Which facts not yet known could change the outcome: what to ask the user next",
                "security": secured,
                "requestBody": body,
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "decision_id": {"type": "string"},
                                "outcome": {"enum": _OUTCOMES},
                                "facts_that_matter": _STRINGS,
                            },
                        },
                        "The outcome now, and the unknown facts whose value could change it.",
                    ),
                    **_refusals(400, 413, 422, *common),
                },
            }
        },
        "/v1/register": {
            "post": {
                "summary": "Decide and record in the register; answered only once the record is durable",
                "security": secured,
                "requestBody": body,
                "parameters": [
                    {
                        "name": "X-Ispcheck-Decided-By",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string"},
                        "description": "who decided (a role or collar number), kept with the record",
                    }
                ],
                "responses": {
                    "200": _json(
                        {
                            "allOf": [
                                _ref("Decision"),
                                {
                                    "properties": {
                                        "record_id": {"type": "integer"},
                                        "hash": {"type": "string"},
                                        "recorded_at": {"type": "string"},
                                    }
                                },
                            ]
                        },
                        "The decision, recorded.",
                    ),
                    **_refusals(400, 413, 422, 503, *common),
                },
            },
            "get": {
                "summary": "The latest records, newest first",
                "security": secured,
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
                    },
                    {
                        "name": "before",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 10**18},
                    },
                    {"name": "outcome", "in": "query", "schema": {"enum": _OUTCOMES}},
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "records": {"type": "array", "items": record},
                                "next_before": {"type": ["integer", "null"]},
                            },
                        },
                        "A page of records; ask again with before=next_before for the next.",
                    ),
                    **_refusals(422, 503, *common),
                },
            },
        },
        "/v1/register/verify": {
            "get": {
                "summary": "Walk the hash chain; with expect=ID:HASH, check hashes written down earlier",
                "security": secured,
                "parameters": [
                    {
                        "name": "expect",
                        "in": "query",
                        "schema": {"type": "string", "pattern": "^[0-9]{1,18}:[0-9a-fA-F]{64}$"},
                        "description": "ID:HASH, a record id and the hash written down for it",
                    }
                ],
                "responses": {
                    "200": _json({"type": "object"}, "What the walk found."),
                    **_refusals(422, 503, *common),
                },
            }
        },
        "/v1/register/{record_id}": {
            "get": {
                "summary": "One record",
                "security": secured,
                "parameters": [
                    {"name": "record_id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {"200": _json(record, "The record."), **_refusals(404, 503, *common)},
            }
        },
    }
    for path, summary in (
        ("/v1/rules", "Every rule, with its trigger in plain English"),
        ("/v1/pack", "The pack deciding: name, version, revision, review date"),
        ("/v1/schema", "The contract as JSON Schema"),
    ):
        paths[path] = {
            "get": {
                "summary": summary,
                "security": secured,
                "responses": {"200": _json({"type": "object"}, summary), **_refusals(*common)},
            }
        }
    paths["/v1/partners"] = {
        "get": {
            "summary": "The signatories, or what a name matches",
            "security": secured,
            "parameters": [{"name": "name", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": _json({}, "The signatories, or the matches."), **_refusals(*common)},
        }
    }
    for path, summary in (
        ("/health/live", "The process is running"),
        ("/health/ready", "Ready to decide and record"),
    ):
        paths[path] = {
            "get": {
                "summary": summary,
                "responses": {"200": _json({"type": "object"}, summary), **_refusals(500)},
            }
        }
    paths["/health/ready"]["get"]["responses"]["503"] = _json(
        _ref("Error"), "Not ready: the reasons are given."
    )
    paths["/metrics"] = {
        "get": {
            "summary": "Prometheus metrics",
            "responses": {
                "200": {"description": "metrics", "content": {"text/plain": {"schema": {"type": "string"}}}}
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ispcheck decision service",
            "version": __version__,
            "description": (
                f"Decisions under the {checker.pack.meta.title}. Treat any answer but 200 as 'do not "
                "share'. Every answer names the pack deciding in the X-Ispcheck-Pack, "
                "X-Ispcheck-Pack-Version and X-Ispcheck-Pack-Revision headers."
            ),
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"key": {"type": "http", "scheme": "bearer"}},
            "schemas": {**_contract(), "Decision": _DECISION, "Problem": _PROBLEM, "Error": _ERROR},
        },
    }
