"""Deciding a chunk (in a worker, or in the parent with one job) and writing its results.

Everything done per record happens here, away from the parent: parsing, deciding, writing the
record's JSON line and counting it. The parent then only has to write the text and merge one
:class:`Summary` per chunk.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import IO, Any

from pydantic import ValidationError

from ..csv_format import row_to_disclosure
from ..decision import Decision, Finding
from ..engine import Checker
from ..errors import DisclosureError, Problem
from ..validation import problems_from
from ..view import DisclosureView, view_of, view_of_json
from .chunks import AuditedChunk, Task
from .reading import strip_bom
from .summary import KEEP_INVALID, InvalidRecord, Summary

__all__ = ["ChunkAuditor"]


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


class ChunkAuditor:
    """Decides chunks and writes their results. One per worker process, built once.

    This is the hot loop of a million-record audit, so it avoids per-record work that can be done
    once: each finding's JSON is built the first time it is met (findings are mostly prebuilt
    objects shared between decisions), and counting is left to the end of the chunk.
    """

    def __init__(self, checker: Checker, today: date | None, full: bool) -> None:
        self._check = checker.decide
        self._exact = checker.pack.register.exact
        self._today = today
        self._full = full
        self._validate = view_of_json
        # id -> (the finding, its JSON, its refer_to as JSON or None). Holding the finding keeps
        # its id from being reused by another object while the entry exists.
        self._findings: dict[int, tuple[Finding, str, str | None]] = {}
        self._names: dict[str, tuple[str, str]] = {}
        self._files: dict[str, IO[bytes]] = {}

    def run(self, task: Task) -> AuditedChunk:
        tally = _Tally()
        out: list[str] = []
        if task.kind == "jsonl":
            self._jsonl(task, tally, out)
        else:
            self._csv(task, tally, out)
        out.append("")
        return AuditedChunk(task.first_line, "\n".join(out), tally.summary(), task.position)

    def _jsonl(self, task: Task, tally: _Tally, out: list[str]) -> None:
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
            except DisclosureError as exc:  # a key given twice, or nested too deeply to read
                self._invalid(tally, out, line, exc.problems)
                continue
            decide(tally, out, line, disclosure)

    def _lines(self, task: Task) -> list[Any]:
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
            lines[0] = strip_bom(lines[0])
        return lines

    def _csv(self, task: Task, tally: _Tally, out: list[str]) -> None:
        for line, row in task.items:
            if isinstance(row, str):
                self._invalid(tally, out, line, [Problem("", row)])
                continue
            data, problems = row_to_disclosure(task.header, row)
            try:
                disclosure = view_of(data)
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

    def _decide(self, tally: _Tally, out: list[str], line: int, disclosure: DisclosureView) -> None:
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
