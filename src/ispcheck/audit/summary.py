"""The audit's counts: what a chunk found, and how chunks add up to the whole log's summary.

Each worker counts its own chunk and the parent only merges the results, so the arithmetic here
runs once per chunk in the parent and must stay cheap; it is also what the report is built from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from ..decision import Outcome
from ..errors import Problem

__all__ = ["KEEP_INVALID", "InvalidRecord", "Summary"]

#: How many invalid records the summary keeps in full (all are counted, and all are in the output).
KEEP_INVALID = 100
_OUTCOMES = tuple(o.value for o in Outcome)


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
