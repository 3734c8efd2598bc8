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


def canonical_json(value: Any) -> str:
    """The one JSON spelling of ``value``: sorted keys, no spaces, UTF-8 rather than escapes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
