"""Checking the chain: one walk over the stored rows, whichever database they come from.

The walk reads rows oldest first and the head row once, both from the same snapshot (the store
sees to that), and names the first record that was edited, deleted, moved or added from outside.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .chain import GENESIS, Row, chain_hash

__all__ = ["Verification", "walk"]


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of checking the chain. ``bad_id`` is the first record found wrong."""

    ok: bool
    records: int
    head: str
    bad_id: int | None = None
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "head": self.head,
            "bad_id": self.bad_id,
            "problem": self.problem,
        }


def walk(
    rows: Iterable[Row], head: Callable[[], tuple[int, str]], expect: Mapping[int, str] | None = None
) -> Verification:
    """Check ``rows`` (oldest first) against each other, then against ``head()`` and ``expect``.

    ``expect`` maps record ids to hashes written down earlier (for example the head hash noted
    at the annual review); a mismatch there shows a chain rewritten from that record on.
    """
    wanted_hashes = dict(expect or {})
    prev_id, prev = 0, GENESIS
    count = 0
    for record_id, prev_hash, digest, body in rows:
        bad = _check_record(prev_id, prev, record_id, prev_hash, digest, body)
        if bad is not None:
            return Verification(False, count, prev, *bad)
        wanted = wanted_hashes.pop(record_id, None)
        if wanted is not None and wanted != digest:
            return Verification(
                False,
                count,
                prev,
                record_id,
                f"record {record_id} does not have the hash written down for it "
                f"({wanted}); the chain has been rewritten from record {record_id} or earlier",
            )
        prev_id, prev = record_id, digest
        count += 1
    head_id, head_hash = head()
    bad = _check_head(prev_id, prev, head_id, head_hash)
    if bad is None and wanted_hashes:
        missing = min(wanted_hashes)
        bad = (missing, f"record {missing} was written down with a hash but is not in the register")
    if bad is not None:
        return Verification(False, count, prev, *bad)
    return Verification(True, count, prev)


def _check_record(
    prev_id: int, prev: str, record_id: int, prev_hash: str, digest: str, body: str
) -> tuple[int, str] | None:
    """The first thing wrong with one row, given the row before it: (bad id, why) or None."""
    expected = prev_id + 1
    if record_id != expected:
        gap = (
            f"records {expected} to {record_id - 1} are"
            if record_id - 1 > expected
            else f"record {expected} is"
        )
        return expected, f"{gap} missing: the register goes from record {prev_id} to record {record_id}"
    try:
        parsed = json.loads(body)
        claimed = parsed["id"]
    except (ValueError, KeyError, TypeError):
        parsed, claimed = None, None
    if parsed is not None and claimed != record_id:
        return record_id, (
            f"record {record_id} holds what was recorded as record {claimed}: "
            "records have been moved or reordered"
        )
    if chain_hash(prev_hash, body) != digest or parsed is None:
        return record_id, f"record {record_id} has been altered: its contents no longer match its hash"
    if prev_hash != prev:
        if prev_id == 0:
            return record_id, f"record {record_id} should be the first record, but it follows another one"
        return prev_id, (
            f"record {prev_id} has been altered (and its hash recomputed) after record {record_id} "
            f"was chained to it"
        )
    return None


def _check_head(last_id: int, last_hash: str, head_id: int, head_hash: str) -> tuple[int, str] | None:
    """Does the head row (updated with every append) agree with the last record?"""
    if head_id > last_id:
        gone = (
            f"records {last_id + 1} to {head_id} were" if head_id > last_id + 1 else f"record {head_id} was"
        )
        return last_id + 1, f"{gone} deleted: the register had {head_id} records but now ends at {last_id}"
    if head_id < last_id:
        return head_id + 1, (
            f"record {head_id + 1} was added outside ispcheck: the register's head says the last "
            f"record is {head_id}"
        )
    if head_hash != last_hash:
        return last_id, f"record {last_id} has been altered (and its hash recomputed) since it was added"
    return None
