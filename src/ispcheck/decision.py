"""What a check returns: findings, and the decision the engine makes from them.

Findings are plain frozen dataclasses, built once per rule and then shared between decisions. A
decision is built on the hot path of every check, so it is an immutable msgspec struct, which is
made in C (a frozen dataclass sets each field through ``object.__setattr__``, which here cost most
of a microsecond per decision). ``to_dict`` gives the JSON shape case systems store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import msgspec

__all__ = ["Condition", "Decision", "Effect", "Finding", "Obligation", "Outcome"]


class Effect(StrEnum):
    """What a finding does to the outcome. Ordered from most to least permissive."""

    ADVICE = "advice"
    CONDITION = "condition"
    REFER = "refer"
    BLOCK = "block"


class Outcome(StrEnum):
    """The answer to "may we share this?"; strictest finding wins."""

    SHARE = "share"
    SHARE_WITH_CONDITIONS = "share_with_conditions"
    REFER = "refer"
    DO_NOT_SHARE = "do_not_share"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


#: How strict each effect is; the strictest finding decides the outcome.
SEVERITY = {Effect.ADVICE: 0, Effect.CONDITION: 1, Effect.REFER: 2, Effect.BLOCK: 3}
#: The outcome caused by the strictest finding of each severity.
OUTCOME_BY_SEVERITY = (
    Outcome.SHARE,
    Outcome.SHARE_WITH_CONDITIONS,
    Outcome.REFER,
    Outcome.DO_NOT_SHARE,
)
_OUTCOME_LABELS = {
    Outcome.SHARE: "Share",
    Outcome.SHARE_WITH_CONDITIONS: "Share, once the conditions below are met",
    Outcome.REFER: "Refer before sharing",
    Outcome.DO_NOT_SHARE: "Do not share",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule noticed about a disclosure, cited to the protocol.

    ``facts`` names the disclosure fields that drive the finding, so a user can see which fact
    would change the answer. ``action`` says what to do about it; ``refer_to`` names who must
    decide when the effect is ``refer``.
    """

    rule_id: str
    effect: Effect
    clauses: tuple[str, ...]
    message: str
    action: str | None = None
    refer_to: str | None = None
    facts: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    #: True for a condition that may wait until after the data has moved: on the urgent path,
    #: what must be recorded or put right "as soon as the emergency allows".
    after: bool = False
    #: The pack's interpretations this finding rests on (ids in its ``interpretations.toml``):
    #: where the rule goes beyond the protocol's words, so a data protection officer can see it.
    interpretations: tuple[str, ...] = ()
    #: How strict the effect is (``SEVERITY``), kept so the engine need not look it up per decision.
    severity: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", SEVERITY[self.effect])
        if not self.clauses:
            raise ValueError(f"finding {self.rule_id!r} cites no clause of the protocol")
        if self.effect is not Effect.ADVICE and not self.action:
            raise ValueError(f"finding {self.rule_id!r} ({self.effect.value}) says nothing to do")
        if self.effect is Effect.REFER and not self.refer_to:
            raise ValueError(f"finding {self.rule_id!r} refers but names nobody to refer to")

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "effect": self.effect.value,
            "clauses": list(self.clauses),
            "message": self.message,
            "action": self.action,
            "refer_to": self.refer_to,
            "facts": list(self.facts),
            "law": list(self.law),
            "after": self.after,
            "interpretations": list(self.interpretations),
        }


@dataclass(frozen=True, slots=True)
class Condition:
    """Something that must happen before the data moves."""

    rule_id: str
    text: str
    clauses: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "text": self.text, "clauses": list(self.clauses)}


@dataclass(frozen=True, slots=True)
class Obligation:
    """A standing duty on discloser or recipient that comes with any personal-data share."""

    id: str
    text: str
    clauses: tuple[str, ...]
    applies_to: str = "both"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "clauses": list(self.clauses),
            "applies_to": self.applies_to,
        }


class Decision(msgspec.Struct, frozen=True, gc=False):
    """The engine's answer for one disclosure, ready to store as the decision record.

    Immutable and compared field by field, like the findings it holds. Not tracked by the garbage
    collector: it holds only findings, obligations, text and a time, none of which refer back.
    """

    outcome: Outcome
    findings: tuple[Finding, ...]
    obligations: tuple[Obligation, ...]
    pack_name: str
    pack_version: str
    made_at: datetime
    urgent: bool = False

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """What must happen before the data moves: the actions of the condition findings."""
        return self._conditions(after=False)

    @property
    def afterwards(self) -> tuple[Condition, ...]:
        """On the urgent path, what must be done as soon as the emergency allows."""
        return self._conditions(after=True)

    def _conditions(self, *, after: bool) -> tuple[Condition, ...]:
        return tuple(
            Condition(f.rule_id, f.action or f.message, f.clauses)
            for f in self.findings
            if f.effect is Effect.CONDITION and f.after is after
        )

    @property
    def refer_to(self) -> tuple[str, ...]:
        """Who must decide first, once each, in the order the findings name them."""
        return tuple(dict.fromkeys(f.refer_to for f in self.findings if f.refer_to))

    def findings_with(self, effect: Effect) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.effect is effect)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "urgent": self.urgent,
            "conditions": [c.to_dict() for c in self.conditions],
            "afterwards": [c.to_dict() for c in self.afterwards],
            "refer_to": list(self.refer_to),
            "findings": [f.to_dict() for f in self.findings],
            "obligations": [o.to_dict() for o in self.obligations],
            "pack": {"name": self.pack_name, "version": self.pack_version},
            "made_at": self.made_at.isoformat(),
        }
