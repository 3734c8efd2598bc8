"""The engine: gathers rules from plugins once, then decides disclosures quickly and fail-closed.

Pluggy finds and registers rules; the per-decision loop is ours. Rules are collected once per
checker, grouped by whether they apply to non-personal data, and run as plain function calls.
Whatever goes wrong inside a rule becomes a ``refer`` finding naming it: no crash, unknown fact or
broken plugin can ever produce ``share``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from .decision import OUTCOME_BY_SEVERITY, SEVERITY, Decision, Effect, Finding, Obligation
from .disclosure import Disclosure
from .errors import PluginError
from .pack import DEFAULT_PACK, Pack, load_pack
from .plugins import BrokenPlugin, make_plugin_manager
from .rule import Facts, Rule
from .validation import parse_disclosure

__all__ = ["Checker", "RegisteredRule", "check", "default_checker"]

BROKEN_RULE_ID = "engine.rule-failed"
BROKEN_PLUGIN_ID = "engine.plugin-broken"


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    """A rule together with the plugin that contributed it (for the catalogue and errors)."""

    rule: Rule
    plugin: str


class Checker:
    """Decides disclosures against one pack with one set of plugins.

    Build one per pack and keep it: building collects and checks every rule, which is the slow
    part. ``clock`` returns the decision time (UTC); tests pass a fixed one.
    """

    def __init__(
        self,
        pack: Pack | str | Path = DEFAULT_PACK,
        *,
        plugins: Iterable[object] = (),
        use_entry_points: bool = True,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.pack = pack if isinstance(pack, Pack) else load_pack(pack)
        self._clock = clock or _utc_now
        loaded = make_plugin_manager(plugins, use_entry_points=use_entry_points)
        broken = list(loaded.broken)
        registered: list[RegisteredRule] = []
        obligations = list(self.pack.obligations)
        seen: dict[str, str] = {}
        for impl in loaded.manager.hook.ispcheck_rules.get_hookimpls():
            name = impl.plugin_name
            try:
                rules = self._collect_rules(impl.function(pack=self.pack), name, seen)
            except PluginError as exc:
                broken.append(_reject(name, exc, loaded.installed))
                continue
            registered.extend(RegisteredRule(r, name) for r in rules)
        for impl in loaded.manager.hook.ispcheck_obligations.get_hookimpls():
            name = impl.plugin_name
            try:
                obligations.extend(self._collect_obligations(impl.function(pack=self.pack), name))
            except PluginError as exc:
                broken.append(_reject(name, exc, loaded.installed))
        self.rules: tuple[RegisteredRule, ...] = tuple(registered)
        self.broken_plugins: tuple[BrokenPlugin, ...] = tuple(broken)
        self.obligations: tuple[Obligation, ...] = tuple(obligations)
        # The hot loop reads plain tuples rather than attributes of each rule.
        self._plan = tuple((r.rule, r.rule.check, r.rule.finding, r.rule.urgent_finding) for r in registered)
        self._plan_any = tuple(step for step in self._plan if not step[0].personal_only)
        self._plugin_of = {r.rule.id: r.plugin for r in registered}
        self._broken_findings = tuple(self._broken_plugin_finding(b) for b in broken)
        self._clause_ids = frozenset(self.pack.clauses)

    # -- building -------------------------------------------------------------------------

    def _collect_rules(self, result: Any, plugin: str, seen: dict[str, str]) -> list[Rule]:
        try:
            rules = list(result or ())
        except TypeError as exc:
            raise PluginError(plugin, "ispcheck_rules must return a sequence of Rule") from exc
        for item in rules:
            if not isinstance(item, Rule):
                raise PluginError(plugin, f"ispcheck_rules returned {item!r}, which is not a Rule")
            if item.id in seen:
                raise PluginError(plugin, f"rule id {item.id!r} is already used by {seen[item.id]}")
            for finding in (item.finding, item.urgent_finding):
                if finding is not None:
                    self._require_clauses(plugin, f"rule {item.id!r}", finding.clauses)
        for item in rules:
            seen[item.id] = plugin
        return rules

    def _collect_obligations(self, result: Any, plugin: str) -> list[Obligation]:
        items = list(result or ())
        for item in items:
            if not isinstance(item, Obligation):
                raise PluginError(plugin, f"ispcheck_obligations returned {item!r}")
            self._require_clauses(plugin, f"obligation {item.id!r}", item.clauses)
        return items

    def _require_clauses(self, plugin: str, what: str, clauses: tuple[str, ...]) -> None:
        missing = [c for c in clauses if not self.pack.has_clause(c)]
        if missing:
            raise PluginError(
                plugin,
                f"{what} cites clause(s) {', '.join(missing)} which pack {self.pack.name!r} does not have",
            )

    def _escalation(self, rule_id: str, message: str, action: str) -> Finding:
        """A refer to the pack's escalation role: what the engine says when rules cannot decide."""
        meta = self.pack.meta
        return Finding(
            rule_id=rule_id,
            effect=Effect.REFER,
            clauses=meta.escalation_clauses,
            message=message,
            action=action,
            refer_to=meta.escalation_role,
        )

    def _broken_plugin_finding(self, broken: BrokenPlugin) -> Finding:
        return self._escalation(
            BROKEN_PLUGIN_ID,
            f"The installed rule plugin {broken.name} could not be used ({broken.problem}), "
            "so this decision may be missing checks.",
            "Do not rely on this decision alone; ask for the rule plugin to be fixed.",
        )

    # -- deciding -------------------------------------------------------------------------

    def check(self, disclosure: Disclosure | Mapping[str, Any], *, today: date | None = None) -> Decision:
        """Decide one disclosure. A dict is validated first (raises ``DisclosureError``)."""
        if not isinstance(disclosure, Disclosure):
            disclosure = parse_disclosure(disclosure)
        made_at = self._clock()
        facts = Facts(disclosure, self.pack, today or made_at.date())
        found: list[Finding] = list(self._broken_findings)
        urgent = facts.urgent
        for rule, check, finding, urgent_finding in self._plan if facts.personal else self._plan_any:
            try:
                result = check(disclosure, facts)
            except Exception as exc:  # fail closed: a broken rule refers, never shares
                found.append(self._rule_failed(rule, exc))
                continue
            if result is None or result is False:
                continue
            if result is True:
                found.append(urgent_finding if urgent and urgent_finding is not None else finding)
            elif isinstance(result, Finding):
                found.append(self._vetted(rule, result))
            else:
                try:
                    found.extend(self._vetted(rule, f) for f in result)
                except Exception as exc:
                    found.append(self._rule_failed(rule, exc))
        severity = max((SEVERITY[f.effect] for f in found), default=0)
        return Decision(
            outcome=OUTCOME_BY_SEVERITY[severity],
            findings=tuple(found),
            obligations=self.obligations if facts.personal else (),
            pack_name=self.pack.meta.name,
            pack_version=self.pack.meta.version,
            made_at=made_at,
            urgent=urgent,
        )

    def _vetted(self, rule: Rule, finding: object) -> Finding:
        """A finding a rule built itself: it must be a Finding citing clauses the pack has."""
        if not isinstance(finding, Finding):
            return self._rule_failed(rule, TypeError(f"returned {finding!r}, not a Finding"))
        if not self._clause_ids.issuperset(finding.clauses):
            missing = ", ".join(c for c in finding.clauses if c not in self._clause_ids)
            return self._rule_failed(rule, LookupError(f"cited unknown clause(s) {missing}"))
        return finding

    def _rule_failed(self, rule: Rule, exc: BaseException) -> Finding:
        plugin = self._plugin_of.get(rule.id, "an unknown plugin")
        return self._escalation(
            BROKEN_RULE_ID,
            f"The rule {rule.id!r} from plugin {plugin} failed "
            f"({type(exc).__name__}: {exc}), so this decision cannot rely on it.",
            f"Decide by hand what the rule {rule.id!r} checks ({rule.title.lower()}).",
        )

    def plugin_of(self, rule_id: str) -> str | None:
        return self._plugin_of.get(rule_id)


def _reject(name: str, exc: PluginError, installed: frozenset[str]) -> BrokenPlugin:
    """Built-in and explicitly passed plugins fail loudly; installed ones become a standing refer."""
    if name not in installed:
        raise exc
    return BrokenPlugin(name, exc.problem)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@cache
def default_checker() -> Checker:
    """The checker for the shipped pack with installed plugins, built on first use."""
    return Checker()


def check(disclosure: Disclosure | Mapping[str, Any]) -> Decision:
    """Decide one disclosure with the shipped Warwickshire pack and any installed plugins."""
    return default_checker().check(disclosure)
