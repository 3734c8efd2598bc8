"""What the rule catalogue says beyond the rules: what each unknown fact means, and every reading
that goes beyond the protocol's words, with the rules that rest on it.

Pure data for people and machines (``ispcheck rules``, the review pack): a data protection officer
checks these rather than trusting them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .fact_kinds import FactKind, fact_kinds

if TYPE_CHECKING:
    from .engine import Checker

__all__ = ["fact_catalogue", "interpretation_catalogue", "rules_resting_on"]


def fact_catalogue(checker: Checker) -> list[dict[str, Any]]:
    """Every closed fact of the contract: its kind, what not knowing it means, and which rules say
    what to confirm when a risk is not known."""
    answered: dict[str, list[str]] = {}
    for entry in checker.pack.unknown_risks:
        for path in entry.about:
            answered.setdefault(path, []).append("unknown." + entry.id)
    return [
        {
            "path": fact.path,
            "kind": fact.kind.value,
            "what": fact.what,
            "required": fact.required,
            "if_not_known": fact.unknown_in_words,
            "confirmed_by": answered.get(fact.path, []) if fact.kind is FactKind.RISK else [],
        }
        for fact in fact_kinds().values()
    ]


def rules_resting_on(checker: Checker) -> dict[str, list[str]]:
    """For each interpretation of the pack, the ids of the checker's rules whose findings rest on it."""
    resting: dict[str, list[str]] = {ident: [] for ident in checker.pack.interpretations}
    for registered in checker.rules:
        for ident in registered.rule.readings:
            resting.setdefault(ident, []).append(registered.rule.id)
    return resting


def interpretation_catalogue(checker: Checker) -> list[dict[str, Any]]:
    """Every interpretation of the pack, whole, with the rules that rest on it."""
    resting = rules_resting_on(checker)
    return [
        {
            "id": i.id,
            "title": i.title,
            "clauses": list(i.clauses),
            "protocol_says": i.protocol_says,
            "ispcheck_does": i.ispcheck_does,
            "why": i.why,
            "authority": list(i.authority),
            "rules": resting.get(i.id, []),
        }
        for i in checker.pack.interpretations.values()
    ]
