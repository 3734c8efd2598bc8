"""Writing the register out, as JSON Lines or CSV, from its records whatever database holds them."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from .chain import StoredRecord

__all__ = ["CSV_HEAD", "write_csv", "write_jsonl"]

#: The decision in brief, before the disclosure's columns.
CSV_HEAD = (
    "id",
    "recorded_at",
    "decided_by",
    "outcome",
    "urgent",
    "rules",
    "refer_to",
    "pack",
    "pack_version",
    "made_at",
    "withheld",
)


def write_jsonl(records: Iterable[StoredRecord], out: IO[str]) -> int:
    """Write every record as one JSON object per line; returns how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[StoredRecord], out: IO[str]) -> int:
    """Write every record as a CSV row: the decision in brief, then the disclosure's columns.

    The disclosure columns are the ones ``ispcheck audit`` reads (see ``csv_format``). The chain
    follows them, and last the service key that recorded the decision (``recorded_by``, added
    after the other columns so that spreadsheets and scripts reading them by place still work).
    """
    from ..csv_format import COLUMNS, LIST_SEPARATOR, disclosure_to_row

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_HEAD, *COLUMNS, "prev_hash", "hash", "recorded_by"])
    count = 0
    for record in records:
        decision = record.decision
        cells = disclosure_to_row(record.disclosure)
        writer.writerow(
            [
                record.id,
                record.recorded_at,
                record.decided_by or "",
                decision["outcome"],
                "true" if decision.get("urgent") else "false",
                LIST_SEPARATOR.join(f["rule_id"] for f in decision["findings"]),
                LIST_SEPARATOR.join(decision["refer_to"]),
                decision["pack"]["name"],
                decision["pack"]["version"],
                decision["made_at"],
                LIST_SEPARATOR.join(record.withheld),
                *(cells[c] for c in COLUMNS),
                record.prev_hash,
                record.hash,
                record.recorded_by or "",
            ]
        )
        count += 1
    return count
