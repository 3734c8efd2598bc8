"""Batch audit: decide every disclosure in a log of past shares, and summarise what was found.

Section 16 has the Board review every year how the protocol is applied; a year's log can be a
million records. So the audit streams: the log is read in chunks, each chunk is decided (in
worker processes with ``jobs`` > 1) and handed back in input order, and only a bounded number
of chunks is ever in flight. Memory is bounded however long the log is.

Workers do all the per-record work, including writing each record's result as a JSON line and
counting it into the chunk's :class:`Summary`, so the parent only reads input, writes output and
adds summaries up. A record that is not a valid disclosure is reported with its line number and
skipped; the run carries on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import IO, Any, Literal

from pydantic import ValidationError

from .csv_format import read_header, row_to_disclosure
from .decision import Decision, Finding, Outcome
from .disclosure import Disclosure
from .engine import Checker
from .errors import DisclosureError, IspcheckError, Problem
from .validation import parse_disclosure, problems_from

__all__ = [
    "Audit",
    "AuditError",
    "AuditedChunk",
    "InvalidRecord",
    "Summary",
    "audit",
]

Format = Literal["jsonl", "csv"]
CheckerFactory = Callable[[], Checker]

#: Records per chunk: large enough that handing chunks between processes costs little.
CHUNK_SIZE = 1000
#: Bytes per record-of-chunk-size when workers read ranges themselves: ranges of a few MiB keep
#: the parent's share of the work (finding line ends, adding up summaries) small.
_RANGE_BYTES = 4096
#: How many invalid records the summary keeps in full (all are counted, and all are in the output).
KEEP_INVALID = 100
_OUTCOMES = tuple(o.value for o in Outcome)
_BOM = "\ufeff"


class AuditError(IspcheckError):
    """The log cannot be audited at all (for example a CSV header the contract does not know)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = problems or []
        lines = "".join(f"\n  - {p}" for p in self.problems)
        super().__init__(message + lines)


@dataclass(frozen=True, slots=True)
class InvalidRecord:
    """A record that is not a valid disclosure: where it is, and what is wrong with it."""

    line: int
    problems: tuple[Problem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "outcome": None,
            "problems": [{"path": p.path, "message": p.message} for p in self.problems],
        }


@dataclass
class Summary:
    """Counts over the records audited so far. Summaries of chunks add up with :meth:`merge`."""

    records: int = 0
    invalid: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    clauses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    disclosers: Counter[tuple[str, str]] = field(default_factory=Counter)
    recipients: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_invalid: list[InvalidRecord] = field(default_factory=list)

    @property
    def decided(self) -> int:
        return self.records - self.invalid

    def merge(self, other: Summary) -> None:
        self.records += other.records
        self.invalid += other.invalid
        for mine, theirs in (
            (self.outcomes, other.outcomes),
            (self.rules, other.rules),
            (self.disclosers, other.disclosers),
            (self.recipients, other.recipients),
        ):
            _add(mine, theirs)
        for rule_id, clauses in other.clauses.items():
            self.add_clauses(rule_id, clauses)
        room = KEEP_INVALID - len(self.first_invalid)
        if room > 0:
            self.first_invalid.extend(other.first_invalid[:room])

    def add_clauses(self, rule_id: str, clauses: tuple[str, ...]) -> None:
        """Remember the clauses a rule cited (variants of a rule may cite different ones)."""
        known = self.clauses.get(rule_id, ())
        if not set(clauses) <= set(known):
            self.clauses[rule_id] = tuple(dict.fromkeys((*known, *clauses)))

    def top_rules(self, limit: int | None = None) -> list[tuple[str, int, tuple[str, ...]]]:
        """The rules that fired in most records, with the clauses they cite in protocol order."""
        return [
            (r, n, tuple(sorted(self.clauses.get(r, ()), key=_clause_order)))
            for r, n in self.rules.most_common(limit)
        ]

    def by_party(
        self, which: Literal["discloser", "recipient"], limit: int | None = None
    ) -> list[tuple[str, int, dict[str, int]]]:
        """Organisations with the most records, each with its counts by outcome."""
        counts = self.disclosers if which == "discloser" else self.recipients
        table: dict[str, dict[str, int]] = {}
        for (name, outcome), n in counts.items():
            table.setdefault(name, dict.fromkeys(_OUTCOMES, 0))[outcome] += n
        ranked = sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        return [(name, sum(row.values()), row) for name, row in ranked[:limit]]

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        return {
            "records": self.records,
            "decided": self.decided,
            "invalid": self.invalid,
            "outcomes": {o: self.outcomes.get(o, 0) for o in _OUTCOMES},
            "rules": [{"rule_id": r, "records": n, "clauses": list(c)} for r, n, c in self.top_rules(top)],
            "disclosers": [
                {"organisation": name, "records": n, "outcomes": row}
                for name, n, row in self.by_party("discloser", top)
            ],
            "recipients": [
                {"organisation": name, "records": n, "outcomes": row}
                for name, n, row in self.by_party("recipient", top)
            ],
            "invalid_records": [r.to_dict() for r in self.first_invalid],
        }


def _add(total: Counter[Any], more: Counter[Any]) -> None:
    """``total.update(more)`` without Counter's generic checks: the parent does this per chunk."""
    get = total.get
    for key, count in more.items():
        total[key] = get(key, 0) + count


def _clause_order(clause: str) -> tuple[Any, ...]:
    """Sections before appendices, numbers as numbers: 4.6 < 16.1 < A2.Q7 < A10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", clause))


@dataclass(frozen=True, slots=True)
class AuditedChunk:
    """One chunk's results: a JSON line per record (input order), its summary, input consumed."""

    first_line: int
    jsonl: str
    summary: Summary
    position: int = 0


@dataclass(frozen=True, slots=True)
class _Task:
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
                yield from self._run(_jsonl_ranges(handle, self._path, self._chunk_size * _RANGE_BYTES))
            else:
                yield from self._run(self._tasks(handle))

    def _tasks(self, lines: Iterable[str] | Iterable[bytes]) -> Iterator[_Task]:
        if self.format == "csv":
            return _csv_tasks(lines, self._chunk_size)
        return _jsonl_tasks(lines, self._chunk_size)

    def _run(self, tasks: Iterator[_Task]) -> Iterator[AuditedChunk]:
        if self.jobs == 1:
            auditor = _Auditor(self.checker, self.today, self.full)
            results: Iterator[AuditedChunk] = map(auditor.run, tasks)
        else:
            results = _in_workers(tasks, self.jobs, (self._factory, self.today, self.full))
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


# -- reading the log (in the parent) --------------------------------------------------------


def _jsonl_tasks(source: Iterable[str] | Iterable[bytes], size: int) -> Iterator[_Task]:
    lines: Iterator[Any] = iter(source)
    first, position = 1, 0
    while batch := list(islice(lines, size)):
        position += sum(map(len, batch))
        if first == 1:
            batch[0] = _strip_bom(batch[0])
        yield _Task("jsonl", first, batch, position=position)
        first += len(batch)


def _jsonl_ranges(handle: io.BufferedReader, path: str, size: int) -> Iterator[_Task]:
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
        yield _Task("jsonl", first, [], position=offset + length, path=path, offset=offset, length=length)
        first += newlines
        offset += length


def _strip_bom(line: Any) -> Any:
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
        return text.removeprefix(_BOM) if self.number == 1 else text


def _csv_tasks(source: Iterable[str] | Iterable[bytes], size: int) -> Iterator[_Task]:
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
        bad = [n for n in range(start, end + 1) if n in lines.bad]
        if bad:
            lines.bad.difference_update(bad)
            row = f"line {bad[0]} is not valid UTF-8 text"
        batch.append((start, row))
        if len(batch) >= size:
            yield _Task("csv", batch[0][0], batch, header, lines.position)
            batch = []
    if batch:
        yield _Task("csv", batch[0][0], batch, header, lines.position)


# -- deciding (in the workers) --------------------------------------------------------------


class _Tally:
    """A chunk's counts as plain lists, turned into counters once at the end (much cheaper)."""

    __slots__ = ("clauses", "disclosers", "invalid", "outcomes", "recipients", "rule_ids")

    def __init__(self) -> None:
        self.outcomes: list[str] = []
        self.disclosers: list[tuple[str, str]] = []
        self.recipients: list[tuple[str, str]] = []
        self.rule_ids: list[str] = []
        self.invalid: list[InvalidRecord] = []
        self.clauses: list[tuple[str, tuple[str, ...]]] = []

    def summary(self) -> Summary:
        summary = Summary(
            records=len(self.outcomes) + len(self.invalid),
            invalid=len(self.invalid),
            outcomes=Counter(self.outcomes),
            rules=Counter(self.rule_ids),
            disclosers=Counter(self.disclosers),
            recipients=Counter(self.recipients),
            first_invalid=self.invalid[:KEEP_INVALID],
        )
        for rule_id, clauses in self.clauses:
            summary.add_clauses(rule_id, clauses)
        return summary


class _Auditor:
    """Decides chunks and writes their results. One per worker process, built once.

    This is the hot loop of a million-record audit, so it avoids per-record work that can be done
    once: each finding's JSON is built the first time it is met (findings are mostly prebuilt
    objects shared between decisions), and counting is left to the end of the chunk.
    """

    def __init__(self, checker: Checker, today: date | None, full: bool) -> None:
        self._check = checker.check
        self._exact = checker.pack.register.exact
        self._today = today
        self._full = full
        self._validate = Disclosure.model_validate_json
        # id -> (the finding, its JSON, its refer_to as JSON or None). Holding the finding keeps
        # its id from being reused by another object while the entry exists.
        self._findings: dict[int, tuple[Finding, str, str | None]] = {}
        self._names: dict[str, tuple[str, str]] = {}
        self._files: dict[str, IO[bytes]] = {}

    def run(self, task: _Task) -> AuditedChunk:
        tally = _Tally()
        out: list[str] = []
        if task.kind == "jsonl":
            self._jsonl(task, tally, out)
        else:
            self._csv(task, tally, out)
        out.append("")
        return AuditedChunk(task.first_line, "\n".join(out), tally.summary(), task.position)

    def _jsonl(self, task: _Task, tally: _Tally, out: list[str]) -> None:
        validate = self._validate
        decide = self._decide
        for line, raw in enumerate(self._lines(task), start=task.first_line):
            if not raw.strip():
                continue
            try:
                disclosure = validate(raw)
            except ValidationError as exc:
                self._invalid(tally, out, line, _json_problems(raw, exc))
                continue
            decide(tally, out, line, disclosure)

    def _lines(self, task: _Task) -> list[Any]:
        if task.path is None:
            return task.items
        handle = self._files.get(task.path)
        if handle is None:
            handle = self._files[task.path] = open(task.path, "rb")  # noqa: SIM115 - kept for the worker's life
        handle.seek(task.offset)
        lines = handle.read(task.length).split(b"\n")
        if lines and not lines[-1]:
            lines.pop()  # the range ends with a newline
        if task.offset == 0 and lines:
            lines[0] = _strip_bom(lines[0])
        return lines

    def _csv(self, task: _Task, tally: _Tally, out: list[str]) -> None:
        for line, row in task.items:
            if isinstance(row, str):
                self._invalid(tally, out, line, [Problem("", row)])
                continue
            data, problems = row_to_disclosure(task.header, row)
            try:
                disclosure = parse_disclosure(data)
            except DisclosureError as exc:
                problems.extend(exc.problems)
            if problems:
                self._invalid(tally, out, line, problems)
                continue
            self._decide(tally, out, line, disclosure)

    def _invalid(self, tally: _Tally, out: list[str], line: int, problems: list[Problem]) -> None:
        record = InvalidRecord(line, tuple(problems))
        tally.invalid.append(record)
        out.append(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")))

    def _decide(self, tally: _Tally, out: list[str], line: int, disclosure: Disclosure) -> None:
        decision = self._check(disclosure, today=self._today)
        outcome = decision.outcome.value
        discloser, discloser_json = self._names.get(disclosure.discloser.organisation) or self._name(
            disclosure.discloser.organisation
        )
        recipient, recipient_json = self._names.get(disclosure.recipient.organisation) or self._name(
            disclosure.recipient.organisation
        )
        tally.outcomes.append(outcome)
        tally.disclosers.append((discloser, outcome))
        tally.recipients.append((recipient, outcome))
        cache = self._findings
        fragments = []
        refers = []
        rule_ids = []
        for finding in decision.findings:
            entry = cache.get(id(finding))
            if entry is None or entry[0] is not finding:
                entry = self._new_finding(finding, tally)
            fragments.append(entry[1])
            rule_ids.append(finding.rule_id)
            if entry[2] is not None:
                refers.append(entry[2])
        if len(rule_ids) != len(set(rule_ids)):  # a rule counts once per record
            rule_ids = list(dict.fromkeys(rule_ids))
        tally.rule_ids.extend(rule_ids)
        if self._full:
            out.append(self._full_line(line, discloser, recipient, decision))
            return
        if len(refers) > 1:
            refers = list(dict.fromkeys(refers))
        out.append(
            f'{{"line":{line},"outcome":"{outcome}","urgent":{"true" if decision.urgent else "false"},'
            f'"discloser":{discloser_json},"recipient":{recipient_json},"refer_to":[{",".join(refers)}],'
            f'"findings":[{",".join(fragments)}]}}'
        )

    def _full_line(self, line: int, discloser: str, recipient: str, decision: Decision) -> str:
        record = {"line": line, "discloser": discloser, "recipient": recipient, **decision.to_dict()}
        return json.dumps(record, ensure_ascii=False)

    def _new_finding(self, finding: Finding, tally: _Tally) -> tuple[Finding, str, str | None]:
        """Encode a finding met for the first time (and note the clauses its rule cited)."""
        tally.clauses.append((finding.rule_id, finding.clauses))
        text = json.dumps(
            {"rule_id": finding.rule_id, "effect": finding.effect.value, "clauses": list(finding.clauses)},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        refer = json.dumps(finding.refer_to, ensure_ascii=False) if finding.refer_to else None
        if len(self._findings) > 10_000:  # findings built afresh for each decision must not pile up
            self._findings.clear()
        entry = (finding, text, refer)
        self._findings[id(finding)] = entry
        return entry

    def _name(self, organisation: str) -> tuple[str, str]:
        """The register's name for an organisation where it has one (so aliases count together)."""
        partner = self._exact(organisation)
        name = partner.name if partner is not None else organisation
        cached = (name, json.dumps(name, ensure_ascii=False))
        if len(self._names) > 10_000:
            self._names.clear()
        self._names[organisation] = cached
        return cached


def _json_problems(raw: str | bytes, exc: ValidationError) -> list[Problem]:
    """Contract problems as usual; JSON syntax errors located by column (the line is the record's)."""
    if isinstance(raw, bytes):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return [Problem("", "the line is not valid UTF-8 text")]
    problems = []
    for problem in problems_from(exc):
        message = problem.message
        if message.startswith("Invalid JSON: "):
            message = "not valid JSON: " + message.removeprefix("Invalid JSON: ").replace(
                " at line 1 column ", " at column "
            )
        problems.append(Problem(problem.path, message))
    return problems


# -- worker processes -----------------------------------------------------------------------

_worker: _Auditor | BaseException | None = None


def _start_worker(factory: CheckerFactory, today: date | None, full: bool) -> None:
    global _worker
    # Ctrl-C goes to the whole process group; the parent handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker = _Auditor(factory(), today, full)
    except Exception as exc:  # reported with the first chunk, rather than killing the pool
        _worker = exc


def _run_in_worker(task: _Task) -> AuditedChunk:
    if isinstance(_worker, BaseException):
        raise _worker
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the audit worker was not started")
    return _worker.run(task)


def _in_workers(
    tasks: Iterator[_Task], jobs: int, initargs: tuple[CheckerFactory, date | None, bool]
) -> Iterator[AuditedChunk]:
    """Run tasks in a pool, yielding results in input order with at most 2 x jobs in flight.

    ``Pool.imap`` would read the whole input ahead of the workers; this bounded window keeps
    memory flat.
    """
    import multiprocessing

    with multiprocessing.Pool(jobs, initializer=_start_worker, initargs=initargs) as pool:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(pool.apply_async(_run_in_worker, (task,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
