"""What the review pack shows: every clause with its rules and proof, its status, and the figures.

A per-disclosure clause is **proven** when at least one passing scenario shows each direction and
none tagged with it fails; **explained** when the pack's ``coverage.toml`` says, with a reason, why
it has no behaviour of its own on one disclosure; otherwise it is a **gap**. Organisational clauses
are listed as such, with whatever rules and scenarios touch them. These are plain records, each
with the ``to_dict`` the command's JSON output uses; :mod:`.assembly` fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..decision import Obligation
from ..fact_words import GlossaryEntry
from .explanations import Explanation
from .quotations import Quotation
from .results import FeatureReview, Scenario

__all__ = ["ClauseReview", "Coverage", "Reading", "ReviewPack", "RuleRef", "Section"]


@dataclass(frozen=True)
class RuleRef:
    id: str
    title: str
    effect: str
    when_urgent: str | None
    plugin: str
    #: When the rule fires, in plain English, generated from its gate.
    fires_when: str = ""
    #: The interpretations (readings beyond the protocol's words) its findings rest on, by id.
    readings: tuple[str, ...] = ()
    #: The data protection law the rule reads (``uk_gdpr``, ``law_enforcement``,
    #: ``data_protection``), or None for a rule of the protocol or of confidentiality.
    law_regime: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "effect": self.effect,
            "when_urgent": self.when_urgent,
            "plugin": self.plugin,
            "fires_when": self.fires_when,
            "interpretations": list(self.readings),
            "law_regime": self.law_regime,
        }


@dataclass(frozen=True)
class Reading:
    """One interpretation of the pack: where the rules go beyond the protocol's words, and why."""

    id: str
    title: str
    clauses: tuple[str, ...]
    protocol_says: str
    ispcheck_does: str
    why: str
    authority: tuple[str, ...]
    #: The rules whose findings rest on it.
    rules: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return "reading-" + self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "clauses": list(self.clauses),
            "protocol_says": self.protocol_says,
            "ispcheck_does": self.ispcheck_does,
            "why": self.why,
            "authority": list(self.authority),
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class ClauseReview:
    """One clause: what the protocol says (its words and our summary), what the library does, and the proof.

    ``scope`` is ``disclosure`` for a clause the rules check on each share, even where the pack
    files it as binding the organisations (``pack_scope``): a clause a rule cites must be proven
    like any other, not labelled as if no rule touched it.
    """

    id: str
    title: str
    summary: str
    scope: str
    rules: tuple[RuleRef, ...]
    obligations: tuple[Obligation, ...]
    fires: tuple[Scenario, ...]
    does_not_fire: tuple[Scenario, ...]
    explanation: Explanation | None
    problems: tuple[str, ...]
    #: The protocol's own words for the clause (empty when the pack holds none).
    quotations: tuple[Quotation, ...] = ()
    #: The pack's interpretations of this clause, for the partnership's DPO to accept.
    readings: tuple[Reading, ...] = ()
    #: The scope the pack gives the clause.
    pack_scope: str = ""
    #: Other interpretations that the rules citing this clause rest on.
    rule_readings: tuple[Reading, ...] = ()

    @property
    def numbered_readings(self) -> tuple[tuple[int, Reading], ...]:
        """Every interpretation shown with the clause, numbered: its own first, then its rules'."""
        return tuple(enumerate((*self.readings, *self.rule_readings), start=1))

    def reading_number(self, ident: str) -> int | None:
        return next((n for n, r in self.numbered_readings if r.id == ident), None)

    def readings_of(self, rule: RuleRef) -> tuple[tuple[int, Reading], ...]:
        """The numbered interpretations a rule of this clause rests on, in number order."""
        return tuple((n, r) for n, r in self.numbered_readings if r.id in rule.readings)

    @property
    def scope_in_words(self) -> str:
        if self.scope == "disclosure" and self.pack_scope == "organisation":
            return "Binds the organisations, and is checked on each share"
        if self.scope == "disclosure":
            return "Applies to each share"
        if self.obligations:
            return "Binds the organisations; a reminder goes with every share"
        return "Binds the organisations"

    @property
    def status(self) -> str:
        """``gap``, ``organisational``, ``explained`` or ``proven``."""
        if self.problems:
            return "gap"
        if self.scope == "organisation":
            return "organisational"
        return "explained" if self.explanation is not None else "proven"

    @property
    def anchor(self) -> str:
        return "clause-" + self.id.replace(".", "-")

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        return self.fires + self.does_not_fire

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "scope": self.scope,
            "pack_scope": self.pack_scope or self.scope,
            "status": self.status,
            "protocol_words": [{"paragraph": q.paragraph, "words": q.words} for q in self.quotations],
            "interpretations": [r.id for r in self.readings],
            "rules": [r.to_dict() for r in self.rules],
            "obligations": [o.to_dict() for o in self.obligations],
            "fires": [s.test_id for s in self.fires],
            "does_not_fire": [s.test_id for s in self.does_not_fire],
            "explanation": None
            if self.explanation is None
            else {"reason": self.explanation.reason, "see": list(self.explanation.see)},
            "problems": list(self.problems),
        }


@dataclass(frozen=True)
class Section:
    title: str
    clauses: tuple[ClauseReview, ...]


@dataclass(frozen=True)
class Coverage:
    """The figures at the top of the review pack."""

    clauses: int
    disclosure: int
    proven: int
    explained: int
    organisational: int
    gaps: int
    scenarios: int
    passed: int
    failed: int
    unfiled: int
    #: Built-in rules left out because the protocol does not set out a concept they rest on.
    not_in_protocol: int = 0

    @property
    def provable(self) -> int:
        """Per-disclosure clauses that have behaviour of their own, so can be proven."""
        return self.disclosure - self.explained

    @property
    def percent(self) -> int:
        """Of the per-disclosure clauses with behaviour of their own, the share proven (rounded down)."""
        return self.proven * 100 // self.provable if self.provable else 100

    @property
    def accounted(self) -> int:
        return self.clauses - self.gaps

    @property
    def complete(self) -> bool:
        return self.gaps == 0 and self.failed == 0 and self.unfiled == 0 and self.scenarios > 0

    def summary(self) -> str:
        return (
            f"{self.proven} of {self.disclosure} per-disclosure clauses proven by passing scenarios, "
            f"{self.explained} explained (no behaviour of their own), {self.gaps} with gaps; "
            f"{self.organisational} organisational clauses listed; "
            f"{self.scenarios} scenarios: {self.passed} passed, {self.failed} failed"
            + (f"; {self.not_in_protocol} rule(s) not in this protocol." if self.not_in_protocol else ".")
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "clauses": self.clauses,
            "disclosure": self.disclosure,
            "proven": self.proven,
            "explained": self.explained,
            "provable": self.provable,
            "percent": self.percent,
            "organisational": self.organisational,
            "gaps": self.gaps,
            "accounted": self.accounted,
            "scenarios": self.scenarios,
            "passed": self.passed,
            "failed": self.failed,
            "unfiled": self.unfiled,
            "not_in_protocol": self.not_in_protocol,
            "complete": self.complete,
        }


@dataclass(frozen=True)
class ReviewPack:
    """Everything the review pack shows."""

    pack_name: str
    pack_title: str
    pack_version: str
    publisher: str
    generated_at: datetime
    results: str
    results_at: datetime
    sections: tuple[Section, ...]
    features: tuple[FeatureReview, ...]
    unfiled: tuple[tuple[Scenario, str], ...]
    coverage: Coverage
    #: How many rules the catalogue has, and where they come from.
    rules: str = ""
    #: Warnings for the reader, such as feature files changed since the run.
    notes: tuple[str, ...] = field(default=())
    #: Every place where the rules go beyond the protocol's words (the pack's interpretations).
    readings: tuple[Reading, ...] = field(default=())
    #: Every fact a rule can turn on: what it means and how it is worked out.
    glossary: tuple[GlossaryEntry, ...] = field(default=())
    #: Which rules read which data protection law: (regime, what it is in words, rule ids), the
    #: rules of the protocol and of confidentiality last (regime "none").
    law_regimes: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())
    #: Each rule's title by its id, so that a list of rules reads as what they check.
    rule_titles: dict[str, str] = field(default_factory=dict)
    #: Rules not applied because the protocol does not set out a concept they rest on: (rule id,
    #: title, ((concept, what it is), ...), the data protection law it reads in words or "").
    not_in_this_protocol: tuple[tuple[str, str, tuple[tuple[str, str], ...], str], ...] = field(default=())

    @property
    def clauses(self) -> tuple[ClauseReview, ...]:
        return tuple(c for s in self.sections for c in s.clauses)

    @property
    def gaps(self) -> tuple[ClauseReview, ...]:
        return tuple(c for c in self.clauses if c.problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pack": {"name": self.pack_name, "title": self.pack_title, "version": self.pack_version},
            "generated_at": self.generated_at.isoformat(),
            "results": {"path": self.results, "run_at": self.results_at.isoformat()},
            "coverage": self.coverage.to_dict(),
            "rules": self.rules,
            "notes": list(self.notes),
            "clauses": [c.to_dict() for c in self.clauses],
            "features": [f.to_dict() for f in self.features],
            "unfiled": [{"scenario": s.test_id, "problem": p} for s, p in self.unfiled],
            "interpretations": [r.to_dict() for r in self.readings],
            "law_regimes": [
                {"regime": regime, "what": what, "rules": list(ids)} for regime, what, ids in self.law_regimes
            ],
            "not_in_this_protocol": [
                {
                    "rule": ident,
                    "title": title,
                    "missing_concepts": [{"id": c, "what": w} for c, w in missing],
                    "reads_law": law,
                }
                for ident, title, missing, law in self.not_in_this_protocol
            ],
            "glossary": [
                {
                    "fact": g.name,
                    "what": g.what,
                    "worked_out": g.worked_out,
                    "if_not_known": g.if_not_known,
                    "values": list(g.values),
                }
                for g in self.glossary
            ],
        }
