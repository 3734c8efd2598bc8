"""Batch audit: decide every disclosure in a log of past shares, and summarise what was found.

Section 16 has the Board review every year how the protocol is applied; a year's log can be a
million records. So the audit streams: the log is read in chunks, each chunk is decided (in
worker processes with ``jobs`` > 1) and handed back in input order, and only a bounded number
of chunks is ever in flight. Memory is bounded however long the log is.

Workers do all the per-record work, including writing each record's result as a JSON line and
counting it into the chunk's :class:`Summary`, so the parent only reads input, writes output and
adds summaries up. A record that is not a valid disclosure is reported with its line number and
skipped; the run carries on.

The package is split by who does the work, so each part can be read on its own:

- :mod:`.reading` reads the log in the parent and cuts it into tasks (chunks of lines or byte
  ranges);
- :mod:`.auditor` decides one chunk and writes its results (in a worker, or in the parent with
  ``jobs`` = 1);
- :mod:`.workers` runs auditors in a process pool with a bounded window of chunks in flight;
- :mod:`.summary` holds the counts and the arithmetic that adds chunks up;
- :mod:`.batch` is :class:`Audit`, which ties the parts together.

Everything callers use is importable from ``ispcheck.audit`` itself, as it was when this was one
module.
"""

from __future__ import annotations

from .batch import CHUNK_SIZE as CHUNK_SIZE
from .batch import Audit, audit
from .chunks import AuditedChunk
from .chunks import Format as Format
from .reading import AuditError
from .summary import KEEP_INVALID as KEEP_INVALID
from .summary import InvalidRecord, Summary
from .workers import CheckerFactory as CheckerFactory

__all__ = [
    "Audit",
    "AuditError",
    "AuditedChunk",
    "InvalidRecord",
    "Summary",
    "audit",
]
