"""Risks not known to be absent: what to confirm before sharing (the pack's ``unknown_risks.toml``).

An unknown risk fact (a live investigation, information from another agency, evidence, a transfer
abroad, profiling, a child) is not read as "absent": the rule for it here says what to confirm,
with its clause, so a decision about personal data cannot be "share" while one is unknown. The
words and clauses are the pack's; this module only turns each entry into a rule that is all gate.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack, UnknownRisk
from ..rule import Rule, gated_rule

#: Rule ids here are ``unknown.`` and the entry's id.
PREFIX = "unknown."
#: How the pack writes a null value in ``also_when`` (TOML has no null).
NOT_KNOWN = "not known"


def unknown_risk_rule(entry: UnknownRisk) -> Rule:
    """The rule for one entry: it fires on personal data whenever ``entry.fact`` is not known."""
    effect = Effect(entry.effect)
    also = {
        fact: tuple(None if v == NOT_KNOWN else v for v in values) for fact, values in entry.also_when.items()
    }
    return gated_rule(
        PREFIX + entry.id,
        when={**also, entry.fact: None},
        title=entry.title,
        effect=effect,
        clauses=entry.clauses,
        message=entry.message,
        action=entry.action,
        refer_to=entry.refer_to,
        facts=entry.about,
        when_urgent=Effect.CONDITION if entry.urgent_after else None,
        urgent_action=entry.urgent_action,
        urgent_after=entry.urgent_after,
        interpretations=entry.interpretations,
    )


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return tuple(unknown_risk_rule(entry) for entry in pack.unknown_risks)
