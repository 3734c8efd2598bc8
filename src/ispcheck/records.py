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

import msgspec

from .decision import Decision, Effect, Finding, Obligation, Outcome
from .disclosure import Disclosure
from .facts import involves_special_category
from .view import DisclosureView

__all__ = [
    "RECORD_FORMAT",
    "WITHHELD",
    "WITHHELD_FIELDS",
    "canonical_json",
    "decision_from_dict",
    "decision_record",
    "record_json",
    "view_record",
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


#: Spells every value a record holds (text, true/false/null, whole numbers, lists, objects with
#: text keys, and the view's structs) exactly as :func:`canonical_json` does, in C. The tests check
#: it against ``canonical_json`` for every code point and for generated records.
_encode = msgspec.json.Encoder(order="sorted").encode


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
    recorded_by: str | None = None,
) -> dict[str, Any]:
    """The content of a stored record (the register adds its id, time and hashes).

    ``recorded_by`` (the service key that recorded it) is kept only when given, so that records
    made without one are spelt, and hashed, exactly as they always were.
    """
    if keep_text:
        shown, withheld = disclosure.model_dump(mode="json"), list[str]()
    else:
        shown, withheld = withhold_text(disclosure)
    content: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "decided_by": decided_by,
        "disclosure": shown,
        "withheld": withheld,
        "decision": decision.to_dict(),
    }
    if recorded_by is not None:
        content["recorded_by"] = recorded_by
    return content


def view_record(
    view: DisclosureView,
    decision: Decision,
    *,
    decided_by: str | None = None,
    keep_text: bool = False,
    recorded_by: str | None = None,
) -> tuple[dict[str, Any], str]:
    """:func:`decision_record` and its :func:`canonical_json`, from an already validated view.

    For the register, where they cost more than deciding: the disclosure is built from the view
    (no contract model to build and dump), and the text is :func:`record_json`, which reuses the
    findings and obligations already encoded. The content and the text are exactly what
    ``decision_record`` of the contract model gives, and ``canonical_json`` of that (the tests
    check both).
    """
    if keep_text:
        shown, withheld = view, list[str]()
    else:
        shown, withheld = _withhold_view(view)
    content: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "decided_by": decided_by,
        "disclosure": _json_shaped(shown),
        "withheld": withheld,
        "decision": decision.to_dict(),
    }
    if recorded_by is not None:
        content["recorded_by"] = recorded_by
    return content, record_json(content, decision)


def _encodable(name: object) -> bool:
    """Is ``name`` (``decided_by``, ``recorded_by``) text or null? Anything else is left to
    :func:`canonical_json` to spell or refuse, as it always was (the fast encoder would write a
    date, say, rather than refuse it)."""
    return name is None or type(name) is str


def _withhold_view(view: DisclosureView) -> tuple[DisclosureView, list[str]]:
    """:func:`withhold_text` for a view: the view with the text replaced, and the paths."""
    if not involves_special_category(view):
        return view, []
    withheld: list[str] = []
    groups: dict[str, Any] = {}
    for group, field in WITHHELD_FIELDS:
        part = groups.get(group) or getattr(view, group)
        if getattr(part, field):
            groups[group] = msgspec.structs.replace(part, **{field: WITHHELD})
            withheld.append(f"{group}.{field}")
    return (msgspec.structs.replace(view, **groups) if groups else view), withheld


#: The contract's order of the groups; within a group the view has the contract's order already.
_GROUPS = tuple(Disclosure.model_fields)
_to_builtins = msgspec.to_builtins


def _json_shaped(view: DisclosureView) -> dict[str, Any]:
    """``model_dump(mode="json")`` of the contract model the view was read from: same keys in the
    same order, lists rather than tuples."""
    built = _to_builtins(view)
    built["subjects"] = list(built["subjects"])
    data = built["data"]
    data["categories"] = list(data["categories"])
    types = data["special_category_types"]
    if types is not None:
        data["special_category_types"] = list(types)
    recipient = built["recipient"]
    others = recipient["other_recipients"]
    if others is not None:
        recipient["other_recipients"] = list(others)
    return {group: built[group] for group in _GROUPS}


def record_json(content: dict[str, Any], decision: Decision) -> str:
    """``canonical_json(content)`` for a :func:`decision_record`, reusing encoded findings.

    Most of a record's bytes are findings and obligations, and these are the same few prebuilt
    objects decision after decision, so each is encoded once and kept, and spliced in as it is.
    The result is exactly ``canonical_json(content)`` (the tests check this); it only saves the
    register time.
    """
    if not (_encodable(content.get("decided_by")) and _encodable(content.get("recorded_by"))):
        return canonical_json(content)
    return _encode({**content, "decision": _spliced(content["decision"], decision)}).decode()


def _spliced(shown: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """The decision's ``to_dict()`` with its findings and obligations as their kept encodings."""
    spliced = dict(shown)
    for key, items in (("findings", decision.findings), ("obligations", decision.obligations)):
        if len(spliced.get(key, ())) == len(items):
            spliced[key] = msgspec.Raw(b"[" + b",".join([_encoded(i) for i in items]) + b"]")
    return spliced


#: id -> (object, its canonical JSON). Holding the object keeps its id from being reused.
_ENCODED: dict[int, tuple[Any, bytes]] = {}


def _encoded(item: Finding | Obligation) -> bytes:
    cached = _ENCODED.get(id(item))
    if cached is not None and cached[0] is item:
        return cached[1]
    text = _encode(item.to_dict())
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


#: What a stored finding may give back to ``Finding`` (not ``severity``, which it works out).
_FINDING_FIELDS = frozenset(f.name for f in fields(Finding) if f.init)


def _finding(stored: dict[str, Any]) -> Finding:
    known: dict[str, Any] = {}
    for key, value in stored.items():
        if key in _FINDING_FIELDS:
            known[key] = tuple(value) if isinstance(value, list) else value
    known["effect"] = Effect(known["effect"])
    return Finding(**known)
