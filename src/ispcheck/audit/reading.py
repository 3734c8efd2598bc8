"""Reading the log (in the parent): cutting it into tasks for the auditors, in input order.

This is the only part of an audit that runs in the parent for every record, so it does as little
as it can: JSON Lines are batched unparsed (or, from a file with workers, only their line ends
are found and each worker reads its own byte range); CSV rows are split into cells here, because
a quoted cell may span lines and only the csv module reading in order can tell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..csv_format import read_header
from ..errors import IspcheckError, Problem
from .chunks import Task

__all__ = ["AuditError", "csv_tasks", "jsonl_ranges", "jsonl_tasks", "strip_bom"]

_BOM = "\ufeff"


class AuditError(IspcheckError):
    """The log cannot be audited at all (for example a CSV header the contract does not know)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = problems or []
        lines = "".join(f"\n  - {p}" for p in self.problems)
        super().__init__(message + lines)


def jsonl_tasks(source: Iterable[str] | Iterable[bytes], size: int) -> Iterator[Task]:
    """Batches of ``size`` raw JSON lines, for logs given as lines or read by the parent."""
    lines: Iterator[Any] = iter(source)
    first, position = 1, 0
    while batch := list(islice(lines, size)):
        position += sum(map(len, batch))
        if first == 1:
            batch[0] = strip_bom(batch[0])
        yield Task("jsonl", first, batch, position=position)
        first += len(batch)


def jsonl_ranges(handle: io.BufferedReader, path: str, size: int) -> Iterator[Task]:
    """Byte ranges of whole lines, about ``size`` bytes each, with the number of their first line.

    Only newlines are looked for here, in one reused buffer; the workers read and parse the lines.
    """
    buffer = bytearray(size)
    view = memoryview(buffer)
    offset, first = 0, 1
    while True:
        handle.seek(offset)
        got = handle.readinto(view)
        if not got:
            return
        length = buffer.rfind(b"\n", 0, got) + 1
        newlines = buffer.count(b"\n", 0, length)
        if length == 0:  # no newline in a whole block: one long line (or the last one)
            length = got
            while got:
                got = handle.readinto(view)
                found = buffer.find(b"\n", 0, got)
                if found >= 0:
                    length, newlines = length + found + 1, 1
                    break
                length += got
        yield Task("jsonl", first, [], position=offset + length, path=path, offset=offset, length=length)
        first += newlines
        offset += length


def strip_bom(line: Any) -> Any:
    """The first line without a UTF-8 byte order mark (spreadsheet exports often start with one)."""
    if isinstance(line, bytes):
        return line.removeprefix(_BOM.encode("utf-8"))
    return str(line).removeprefix(_BOM)


class _TextLines:
    """Decoded lines for the csv module, counting input consumed and noting undecodable lines."""

    def __init__(self, source: Iterable[str] | Iterable[bytes]) -> None:
        self._source: Iterator[Any] = iter(source)
        self.position = 0
        self.number = 0
        self.bad: set[int] = set()

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = next(self._source)
        self.number += 1
        self.position += len(raw)
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.bad.add(self.number)
                text = raw.decode("utf-8", errors="replace")
        else:
            text = str(raw)
        return strip_bom(text) if self.number == 1 else text


def csv_tasks(source: Iterable[str] | Iterable[bytes], size: int) -> Iterator[Task]:
    """Batches of ``size`` CSV rows after the header, each with its first line number.

    A header the contract does not know stops the audit (:class:`AuditError`); a row that cannot
    be read is passed on as its problem, so the auditor reports it and the run carries on.
    """
    lines = _TextLines(source)
    reader = csv.reader(lines)
    header: tuple[str, ...] = ()
    batch: list[tuple[int, Any]] = []
    end = 0
    while True:
        start = end + 1
        row: list[str] | str
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = f"the row cannot be read as CSV ({exc})"
        end = lines.number
        if not row:
            continue
        if not header:
            if isinstance(row, str):
                raise AuditError(f"the CSV header (line {start}) cannot be read", [Problem("", row)])
            columns, problems = read_header(row)
            if problems:
                raise AuditError(f"the CSV header (line {start}) does not match the contract", problems)
            header = tuple(columns)
            continue
        bad = [n for n in range(start, end + 1) if n in lines.bad] if lines.bad else []
        if bad:
            lines.bad.difference_update(bad)
            row = f"line {bad[0]} is not valid UTF-8 text"
        batch.append((start, row))
        if len(batch) >= size:
            yield Task("csv", batch[0][0], batch, header, lines.position)
            batch = []
    if batch:
        yield Task("csv", batch[0][0], batch, header, lines.position)
