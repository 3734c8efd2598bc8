"""The decision record: what is kept about one decision, and its one canonical JSON spelling.

A stored record is the decision (``Decision.to_dict()``), the disclosure as validated, who decided
and when it was recorded. Appendix 2 question 8 asks the discloser to record the share; the
register keeps exactly this, hashed, so the record must always serialise to the same bytes: hence
:func:`canonical_json`.

A register is kept for years and read by people who do not need the sensitive detail, so by
default free text that may describe special category data (health, ethnicity, sexuality...) is
replaced by a placeholder when the disclosure involves such data. The categories and types stay,
and so does whether the text was given at all, so a replay decides exactly as the original did.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import fields
from datetime import datetime
from typing import Any

from .decision import Decision, Effect, Finding, Obligation, Outcome
from .disclosure import Disclosure

__all__ = [
    "RECORD_FORMAT",
    "WITHHELD",
    "WITHHELD_FIELDS",
    "canonical_json",
    "decision_from_dict",
    "decision_record",
    "involves_special_category",
    "record_json",
    "withhold_text",
]

#: Bumped if the stored shape ever changes, so old registers can still be read correctly.
RECORD_FORMAT = 1

#: What replaces withheld text. Non-empty on purpose: rules that ask "was this given?" (for
#: example ``consent.restrictions``) must read a withheld field as given, as it was.
WITHHELD = "[withheld]"

#: Free text that can describe a person's special category data. Purpose and necessity statements,
#: the reason consent was not sought and the officers are kept: they are the reasoning the record
#: exists to show, and they are about the decision rather than about the person's health or beliefs.
WITHHELD_FIELDS: tuple[tuple[str, str], ...] = (
    ("data", "description"),
    ("consent", "restrictions"),
)


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """The one JSON spelling of ``value``: sorted keys, no spaces, UTF-8 rather than escapes."""
    return _CANONICAL.encode(value)


def involves_special_category(disclosure: Disclosure) -> bool:
    """The same test the engine uses: special category data named in categories or types."""
    data = disclosure.data
    return "special_category" in data.categories or bool(data.special_category_types)


def withhold_text(disclosure: Disclosure) -> tuple[dict[str, Any], list[str]]:
    """The disclosure as JSON, with free text about special category data replaced.

    Returns the JSON-shaped disclosure and the dotted paths that were withheld (empty when the
    data is not special category, or when no such text was given).
    """
    shown = disclosure.model_dump(mode="json")
    if not involves_special_category(disclosure):
        return shown, []
    withheld: list[str] = []
    for group, field in WITHHELD_FIELDS:
        part = shown.get(group)
        if isinstance(part, dict) and part.get(field):
            part[field] = WITHHELD
            withheld.append(f"{group}.{field}")
    return shown, withheld


def decision_record(
    disclosure: Disclosure,
    decision: Decision,
    *,
    decided_by: str | None = None,
    keep_text: bool = False,
) -> dict[str, Any]:
    """The content of a stored record (the register adds its id, time and hashes)."""
    if keep_text:
        shown, withheld = disclosure.model_dump(mode="json"), list[str]()
    else:
        shown, withheld = withhold_text(disclosure)
    return {
        "format": RECORD_FORMAT,
        "decided_by": decided_by,
        "disclosure": shown,
        "withheld": withheld,
        "decision": decision.to_dict(),
    }


def record_json(content: dict[str, Any], decision: Decision) -> str:
    """``canonical_json(content)`` for a :func:`decision_record`, reusing encoded findings.

    Most of a record's bytes are findings and obligations, and these are the same few prebuilt
    objects decision after decision, so each is encoded once and kept. The record is encoded with
    a marker in their place, and the markers are then replaced. The result is exactly
    ``canonical_json(content)`` (the tests check this); it only saves the register time.
    """
    shown = dict(content["decision"])
    spliced: list[tuple[str, str]] = []
    for key, items in (("findings", decision.findings), ("obligations", decision.obligations)):
        if len(shown.get(key, ())) == len(items):
            mark = _MARK + key
            shown[key] = [mark]
            spliced.append((f'["{_MARK_JSON}{key}"]', "[" + ",".join(_encoded(i) for i in items) + "]"))
    text = _CANONICAL.encode({**content, "decision": shown})
    for mark, encoded in spliced:
        text = text.replace(mark, encoded, 1)
    return text


#: Stands in for encoded findings while a record is encoded; random, so no text can imitate it.
_MARK = "\x00" + secrets.token_hex(16) + ":"
_MARK_JSON = _CANONICAL.encode(_MARK)[1:-1]
#: id -> (object, its canonical JSON). Holding the object keeps its id from being reused.
_ENCODED: dict[int, tuple[Any, str]] = {}


def _encoded(item: Finding | Obligation) -> str:
    cached = _ENCODED.get(id(item))
    if cached is not None and cached[0] is item:
        return cached[1]
    text = canonical_json(item.to_dict())
    if len(_ENCODED) > 10_000:  # findings built afresh for each decision must not pile up
        _ENCODED.clear()
    _ENCODED[id(item)] = (item, text)
    return text


def decision_from_dict(record: dict[str, Any]) -> Decision:
    """A :class:`Decision` again from its stored ``to_dict()`` form, for showing it to people.

    Keys a stored finding has that this version's ``Finding`` does not know are ignored, so
    records written by an earlier or later ispcheck can still be shown.
    """
    return Decision(
        outcome=Outcome(record["outcome"]),
        findings=tuple(_finding(f) for f in record["findings"]),
        obligations=tuple(
            Obligation(o["id"], o["text"], tuple(o["clauses"]), o.get("applies_to", "both"))
            for o in record["obligations"]
        ),
        pack_name=record["pack"]["name"],
        pack_version=record["pack"]["version"],
        made_at=datetime.fromisoformat(record["made_at"]),
        urgent=bool(record.get("urgent")),
    )


_FINDING_FIELDS = frozenset(f.name for f in fields(Finding))


def _finding(stored: dict[str, Any]) -> Finding:
    known: dict[str, Any] = {}
    for key, value in stored.items():
        if key in _FINDING_FIELDS:
            known[key] = tuple(value) if isinstance(value, list) else value
    known["effect"] = Effect(known["effect"])
    return Finding(**known)
