"""Replay: what a new version of the pack would have decided about disclosures already recorded.

Before a protocol update is adopted (the Board reviews it every year, section 16), partners want to
see which past decisions it would turn around, and why. Each stored disclosure is decided again
under the other pack *as of the day it was first decided*, so only the pack's differences show,
not the passing of time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decision import Finding
from .engine import Checker
from .errors import DisclosureError
from .pack import Pack
from .view import view_of

if TYPE_CHECKING:
    from .register import StoredRecord

__all__ = ["Change", "FindingKey", "replay"]


@dataclass(frozen=True, slots=True, order=True)
class FindingKey:
    """What makes two findings the same for a replay: the rule, its effect, its clauses, its words."""

    rule_id: str
    effect: str
    clauses: tuple[str, ...]
    message: str
    action: str | None

    @classmethod
    def of(cls, finding: Finding | Mapping[str, Any]) -> FindingKey:
        if isinstance(finding, Finding):
            return cls(
                finding.rule_id, finding.effect.value, finding.clauses, finding.message, finding.action
            )
        return cls(
            str(finding["rule_id"]),
            str(finding["effect"]),
            tuple(finding["clauses"]),
            str(finding["message"]),
            finding.get("action"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "effect": self.effect,
            "clauses": list(self.clauses),
            "message": self.message,
            "action": self.action,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One stored decision that the other pack decides differently.

    ``appeared`` and ``disappeared`` are the findings that explain it. ``problem`` is set, and
    ``after`` is None, when the stored disclosure cannot be decided any more.
    """

    id: int
    before: str
    after: str | None
    appeared: tuple[FindingKey, ...] = ()
    disappeared: tuple[FindingKey, ...] = ()
    problem: str | None = None

    @property
    def outcome_changed(self) -> bool:
        return self.after != self.before

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "before": self.before,
            "after": self.after,
            "outcome_changed": self.outcome_changed,
            "appeared": [f.to_dict() for f in self.appeared],
            "disappeared": [f.to_dict() for f in self.disappeared],
            "problem": self.problem,
        }


def replay(
    records: Iterable[StoredRecord], pack: Pack | Checker | str | Path, *, in_force: bool = False
) -> Iterator[Change]:
    """Decide every record again under ``pack``; yield each one whose decision differs.

    A change of findings alone (same outcome) is yielded too; ``Change.outcome_changed`` tells
    them apart. ``pack`` may be a ready ``Checker`` (to choose plugins), a ``Pack``, a pack name
    or a folder.

    By default every record is decided under the pack's newest text, as of its day: what that text
    would have decided, which is what trying an update before adopting it asks. With ``in_force``,
    each is decided under the version of the pack in force on its day (see
    :mod:`ispcheck.pack_versions`): whether the register's decisions stand by their own versions.
    """
    checker = pack if isinstance(pack, Checker) else Checker(pack)
    if not in_force:
        checker = checker.newest()
    for record in records:
        stored = record.decision
        before = str(stored["outcome"])
        try:
            view = view_of(record.disclosure)
        except DisclosureError as exc:
            yield Change(record.id, before, None, problem=f"it can no longer be read: {exc}")
            continue
        decision = checker.decide(view, today=_decided_on(stored))
        old = dict.fromkeys(FindingKey.of(f) for f in stored["findings"])
        new = dict.fromkeys(FindingKey.of(f) for f in decision.findings)
        appeared = tuple(k for k in new if k not in old)
        disappeared = tuple(k for k in old if k not in new)
        after = decision.outcome.value
        if after != before or appeared or disappeared:
            yield Change(record.id, before, after, appeared, disappeared)


def _decided_on(decision: Mapping[str, Any]) -> date | None:
    try:
        return datetime.fromisoformat(str(decision["made_at"])).date()
    except (KeyError, ValueError):
        return None
