"""What passes between the parent and a worker: a chunk to decide, and the chunk's results.

Both are pickled across process boundaries on every chunk, so they are plain frozen dataclasses
kept apart from the code that makes and uses them; the reader, the auditor and the pool all
depend on this module and on nothing of each other's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .summary import Summary

__all__ = ["AuditedChunk", "Format", "Task"]

Format = Literal["jsonl", "csv"]


@dataclass(frozen=True, slots=True)
class Task:
    """A chunk of the log for an auditor to decide, with where it starts in the input."""

    kind: Format
    first_line: int
    #: jsonl: the raw lines; csv: (line number, cells, or a problem with the row).
    items: list[Any]
    header: tuple[str, ...] = ()
    position: int = 0
    #: Instead of ``items``, a byte range of a JSON Lines file, which the worker reads itself.
    path: str | None = None
    offset: int = 0
    length: int = 0


@dataclass(frozen=True, slots=True)
class AuditedChunk:
    """One chunk's results: a JSON line per record (input order), its summary, input consumed."""

    first_line: int
    jsonl: str
    summary: Summary
    position: int = 0
