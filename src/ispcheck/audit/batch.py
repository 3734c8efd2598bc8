"""The audit of one log: :class:`Audit` ties reading, deciding and adding up together.

It chooses how the log is read (lines, or byte ranges that workers read themselves) and where
chunks are decided (here, or in a pool), and keeps the running :class:`Summary` and progress.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..engine import Checker
from .auditor import ChunkAuditor
from .chunks import AuditedChunk, Format, Task
from .reading import csv_tasks, jsonl_ranges, jsonl_tasks
from .summary import Summary
from .workers import CheckerFactory, audit_in_workers

__all__ = ["CHUNK_SIZE", "Audit", "audit"]

#: Records per chunk: large enough that handing chunks between processes costs little.
CHUNK_SIZE = 1000
#: Bytes per record-of-chunk-size when workers read ranges themselves: ranges of a few MiB keep
#: the parent's share of the work (finding line ends, adding up summaries) small.
_RANGE_BYTES = 4096


class Audit:
    """An audit of one log. Iterate :meth:`chunks` (or the instance, record by record) once.

    ``source`` is a path (``str`` or ``Path``) or the log's lines (an open file works, binary or
    text). With a path to a JSON Lines log and ``jobs`` > 1, the parent only finds where chunks
    of about ``4 * chunk_size`` KiB start and end, and each worker reads its own chunk from the
    file, so the parent does not copy the whole log through pipes.

    ``checker_factory`` builds the checker in each worker (it must be picklable when workers are
    not forked; the ``Checker`` class and ``functools.partial(Checker, ...)`` are). ``today``
    decides as of a past date, for a year's log. ``full`` writes the whole decision record for
    each record instead of the brief line.
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | Iterable[str] | Iterable[bytes],
        *,
        format: Format = "jsonl",
        checker_factory: CheckerFactory = Checker,
        jobs: int = 1,
        chunk_size: int = CHUNK_SIZE,
        today: date | None = None,
        full: bool = False,
    ) -> None:
        if format not in ("jsonl", "csv"):
            raise ValueError(f"unknown log format {format!r} (allowed: jsonl, csv)")
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        self._path: str | None = None
        self._lines: Iterable[str] | Iterable[bytes] = ()
        #: The size of the log in bytes when it is a file (for progress), else None.
        self.size: int | None = None
        if isinstance(source, str | os.PathLike):
            self._path = os.fspath(source)
            self.size = os.stat(self._path).st_size  # a missing file fails here, before any work
        else:
            self._lines = source
        self.format: Format = format
        self._factory = checker_factory
        self.jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
        self._chunk_size = chunk_size
        self.today = today
        self.full = full
        # Built here, once, so a broken pack fails before any worker starts.
        self.checker = checker_factory()
        self.summary = Summary()
        #: Input consumed by the chunks handed back so far (bytes for binary input), for progress.
        self.position = 0

    @property
    def pack(self) -> dict[str, str]:
        return {"name": self.checker.pack.name, "version": self.checker.pack.version}

    def chunks(self) -> Iterator[AuditedChunk]:
        """Audit the log chunk by chunk, in input order, adding each chunk to :attr:`summary`."""
        if self._path is None:
            yield from self._run(self._tasks(self._lines))
            return
        with open(self._path, "rb") as handle:
            if self.format == "jsonl" and self.jobs > 1:
                yield from self._run(jsonl_ranges(handle, self._path, self._chunk_size * _RANGE_BYTES))
            else:
                yield from self._run(self._tasks(handle))

    def _tasks(self, lines: Iterable[str] | Iterable[bytes]) -> Iterator[Task]:
        if self.format == "csv":
            return csv_tasks(lines, self._chunk_size)
        return jsonl_tasks(lines, self._chunk_size)

    def _run(self, tasks: Iterator[Task]) -> Iterator[AuditedChunk]:
        if self.jobs == 1:
            auditor = ChunkAuditor(self.checker, self.today, self.full)
            results: Iterator[AuditedChunk] = map(auditor.run, tasks)
        else:
            results = audit_in_workers(tasks, self.jobs, (self._factory, self.today, self.full))
        for chunk in results:
            self.summary.merge(chunk.summary)
            self.position = chunk.position
            yield chunk

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Each record's result, as the JSON object written to the per-record output."""
        for chunk in self.chunks():
            for line in chunk.jsonl.split("\n"):  # not splitlines(): text may hold U+2028
                if line:
                    yield json.loads(line)

    def report(self, top: int | None = 10) -> dict[str, Any]:
        """The summary with the pack and date it was decided under (call after iterating)."""
        return {
            "pack": self.pack,
            "as_of": self.today.isoformat() if self.today else None,
            **self.summary.to_dict(top),
        }


def audit(
    source: str | os.PathLike[str] | Iterable[str] | Iterable[bytes],
    *,
    format: Format = "jsonl",
    checker_factory: CheckerFactory = Checker,
    jobs: int = 1,
    today: date | None = None,
    full: bool = False,
) -> Audit:
    """Start an audit of ``source`` (see :class:`Audit`); nothing is read until it is iterated."""
    return Audit(source, format=format, checker_factory=checker_factory, jobs=jobs, today=today, full=full)
