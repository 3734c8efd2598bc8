"""The hash chain: what a stored record is, how it is spelt, and how it is linked to the one before.

Everything here is the same whichever database holds the register, so that an SQLite register and
a PostgreSQL one hold byte for byte the same bodies and hashes, and one verify walk serves both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..errors import IspcheckError

__all__ = [
    "GENESIS",
    "Content",
    "RegisterError",
    "Row",
    "StoredRecord",
    "chain_hash",
    "link",
    "record_body",
    "stored_from_row",
]

#: The "previous hash" of the first record.
GENESIS = "0" * 64

#: One record as a store keeps it: id, previous hash, hash, canonical JSON body.
Row = tuple[int, str, str, str]

#: A record to append: its content and that content's canonical JSON.
Content = tuple[dict[str, Any], str]


class RegisterError(IspcheckError):
    """The register cannot be opened or written: missing, not a register, locked, or damaged."""


def chain_hash(prev_hash: str, body: str) -> str:
    """The hash that chains a record to the one before it."""
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def record_body(record_id: int, content_json: str, recorded_at: str) -> str:
    """The canonical JSON of ``{"id", "record", "recorded_at"}``, built without re-serialising.

    ``content_json`` is already canonical and the keys are written in sorted order, so this is
    exactly ``canonical_json({"id": ..., "record": ..., "recorded_at": ...})``.
    """
    return f'{{"id":{record_id},"record":{content_json},"recorded_at":{json.dumps(recorded_at)}}}'


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """One record as stored: its place in the chain and the decision record it holds."""

    id: int
    recorded_at: str
    prev_hash: str
    hash: str
    content: dict[str, Any]

    @property
    def decision(self) -> dict[str, Any]:
        value: dict[str, Any] = self.content["decision"]
        return value

    @property
    def disclosure(self) -> dict[str, Any]:
        value: dict[str, Any] = self.content["disclosure"]
        return value

    @property
    def outcome(self) -> str:
        return str(self.decision["outcome"])

    @property
    def decided_by(self) -> str | None:
        value = self.content.get("decided_by")
        return None if value is None else str(value)

    @property
    def recorded_by(self) -> str | None:
        """The service key that recorded the decision, when one was named (None for older records)."""
        value = self.content.get("recorded_by")
        return None if value is None else str(value)

    @property
    def withheld(self) -> list[str]:
        return list(self.content.get("withheld") or ())

    @property
    def discloser(self) -> str:
        return str(self.disclosure["discloser"]["organisation"])

    @property
    def recipient(self) -> str:
        return str(self.disclosure["recipient"]["organisation"])

    def to_dict(self) -> dict[str, Any]:
        """The record as exported: id, times, who, disclosure, decision, and the chain."""
        return {
            "id": self.id,
            "recorded_at": self.recorded_at,
            **self.content,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def link(
    last_id: int, prev: str, contents: Sequence[Content], clock: Callable[[], datetime]
) -> tuple[list[Row], list[StoredRecord]]:
    """Number, time-stamp and chain ``contents`` after the record ``last_id`` whose hash is ``prev``.

    Both stores call this inside their write transaction, once they hold the true head, so the
    rows they insert are spelt and hashed the same way.
    """
    rows: list[Row] = []
    stored: list[StoredRecord] = []
    for content, content_json in contents:
        last_id += 1
        recorded_at = clock().isoformat()
        body = record_body(last_id, content_json, recorded_at)
        digest = chain_hash(prev, body)
        rows.append((last_id, prev, digest, body))
        stored.append(StoredRecord(last_id, recorded_at, prev, digest, content))
        prev = digest
    return rows, stored


def stored_from_row(record_id: int, prev_hash: str, digest: str, body: str) -> StoredRecord:
    """A stored row read back as a record; a body that no longer parses is reported, not guessed at."""
    try:
        parsed = json.loads(body)
        return StoredRecord(record_id, parsed["recorded_at"], prev_hash, digest, parsed["record"])
    except (ValueError, KeyError, TypeError):
        raise RegisterError(
            f"record {record_id} cannot be read: it has been damaged or altered. "
            "Run `ispcheck register verify`."
        ) from None
