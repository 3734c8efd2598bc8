"""The engine: gathers rules from plugins once, then decides disclosures quickly and fail-closed.

Pluggy finds and registers rules; the per-decision path is ours. A dict is read into the fast
view (:mod:`ispcheck.view`), the gate tables (:mod:`ispcheck.gates`) give the set of rules whose
gates hold as a bit mask, and the plans (:mod:`ispcheck.plans`) turn the mask into findings in
rule order: those of rules that are all gate are known ahead, and only rules with a predicate are
asked. A rule with variants runs as one step per variant. Whatever goes wrong inside a rule
becomes a ``refer`` finding naming it: no crash, unknown fact or broken plugin can ever produce
``share``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache, partial
from itertools import combinations
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .concepts import is_concept
from .decision import OUTCOME_BY_SEVERITY, Decision, Effect, Finding, Obligation
from .errors import PackError, PluginError
from .gates import Gate, GateTables, gate_problems, gates_overlap, normalise_when, passes
from .pack import DEFAULT_PACK, Pack, load_pack
from .pack_versions import PackVersion
from .plans import RulePlans, Step
from .plugins import BrokenPlugin, make_plugin_manager
from .rule import Facts, Rule
from .templating import day_in_words
from .view import DisclosureView, quick_view, view_by_contract

if TYPE_CHECKING:
    from .disclosure import Disclosure

__all__ = ["Checker", "LeftOutRule", "RegisteredRule", "check", "default_checker"]

BROKEN_RULE_ID = "engine.rule-failed"
BROKEN_PLUGIN_ID = "engine.plugin-broken"
UNKNOWN_FACT_ID = "engine.fact-not-understood"
#: The finding of a decision made under a text other than the version in force on its day.
VERSION_NOT_HELD_ID = "pack.version-not-held"
#: How many findings built by rules themselves a checker remembers as already vetted.
MAX_VETTED = 4096
_PERSONAL_ONLY: Gate = ("personal", frozenset({True}))
#: A rule that reads data protection law applies only to information about the living.
_ABOUT_THE_LIVING: Gate = ("about_the_living", frozenset({True}))
#: The regime a rule of one regime needs the share to be made under: a regime not given (None)
#: keeps the meaning it had before the field was added, the UK GDPR.
_REGIME_GATES: dict[str, Gate] = {
    "uk_gdpr": ("lawful_basis.regime", frozenset({"uk_gdpr", None})),
    "law_enforcement": ("lawful_basis.regime", frozenset({"law_enforcement"})),
}
_severity_of = attrgetter("severity")


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    """A rule together with the plugin that contributed it (for the catalogue and errors)."""

    rule: Rule
    plugin: str


@dataclass(frozen=True, slots=True)
class LeftOutRule:
    """A rule the pack does not fully set out, with the concepts it lacks (``missing``).

    ``rule`` is as written (citing concepts). In ``Checker.left_out`` the rule is not in this
    protocol; in ``Checker.cited_in_part`` it applies, citing what the pack has. The catalogue
    (and, for the first, the review pack) list them, so a gap in the protocol is never silent.
    """

    rule: Rule
    plugin: str
    missing: tuple[str, ...]


class Checker:
    """Decides disclosures against one pack with one set of plugins.

    Build one per pack and keep it: building collects and checks every rule, which is the slow
    part. ``clock`` returns the decision time (UTC); tests pass a fixed one.

    A pack that lists dated versions is decided, for a day before its current version came into
    force, under the version then in force (``by_version``; the checkers for those versions are
    built with it off, and ``version_note`` is the finding each of their decisions carries when
    the text they use is not the one that was in force).
    """

    def __init__(
        self,
        pack: Pack | str | Path = DEFAULT_PACK,
        *,
        plugins: Iterable[object] = (),
        use_entry_points: bool = True,
        clock: Callable[[], datetime] | None = None,
        version_note: Finding | None = None,
        by_version: bool = True,
    ) -> None:
        self.pack = pack if isinstance(pack, Pack) else load_pack(pack)
        self._clock = clock or partial(datetime.now, UTC)
        self._plugins = tuple(plugins)
        self._use_entry_points = use_entry_points
        #: Decisions dated before this day are made under the version then in force (see
        #: :meth:`_checker_on`); None when the pack lists no older versions.
        self._current_from = (
            self.pack.versions[0].in_force_from if by_version and len(self.pack.versions) > 1 else None
        )
        self._older: dict[str, Checker] = {}
        self._newest: Checker | None = None
        loaded = make_plugin_manager(plugins, use_entry_points=use_entry_points)
        broken = list(loaded.broken)
        registered: list[RegisteredRule] = []
        left_out: list[LeftOutRule] = []
        cited_in_part: list[LeftOutRule] = []
        obligations = list(self.pack.obligations)
        seen: dict[str, str] = {}
        for impl in loaded.manager.hook.ispcheck_rules.get_hookimpls():
            name = impl.plugin_name
            try:
                rules = self._collect_rules(
                    _call_hook(impl.function, self.pack, name, "ispcheck_rules"),
                    name,
                    seen,
                    left_out,
                    cited_in_part,
                )
            except PluginError as exc:
                broken.append(_reject(name, exc, loaded.installed))
                continue
            registered.extend(RegisteredRule(r, name) for r in rules)
        for impl in loaded.manager.hook.ispcheck_obligations.get_hookimpls():
            name = impl.plugin_name
            try:
                called = _call_hook(impl.function, self.pack, name, "ispcheck_obligations")
                obligations.extend(self._collect_obligations(called, name))
            except PluginError as exc:
                broken.append(_reject(name, exc, loaded.installed))
        unworded = [
            f"wording.toml: finding {ident!r} is not the id of any rule (see ispcheck rules)"
            for ident in sorted(self.pack.wording.keys() - seen.keys())
        ]
        unworded.extend(_words_never_shown(self.pack, (r.rule for r in registered)))
        if unworded:
            raise PackError(self.pack.name, unworded)
        self.rules: tuple[RegisteredRule, ...] = tuple(registered)
        #: Rules resting on a concept this protocol does not set out, so not applied.
        self.left_out: tuple[LeftOutRule, ...] = tuple(left_out)
        #: Rules applied though the protocol lacks a concept they also cite (or, for a rule that
        #: reads the law, the one they rest on): they cite what it has.
        self.cited_in_part: tuple[LeftOutRule, ...] = tuple(cited_in_part)
        self.broken_plugins: tuple[BrokenPlugin, ...] = tuple(broken)
        self.obligations: tuple[Obligation, ...] = tuple(obligations)
        # The hot path reads plain tuples rather than attributes of each rule; a rule with
        # variants is one step per variant, each gated on its value.
        gated = [_gated_steps(r.rule) for r in registered]
        self._steps: tuple[Step, ...] = tuple(step for steps in gated for step, _ in steps)
        self._gates_of = tuple(gates for steps in gated for _, gates in steps)
        self._tables = GateTables(self._gates_of)
        self._plugin_of = {r.rule.id: r.plugin for r in registered}
        self._broken_findings = tuple(self._broken_plugin_finding(b) for b in broken)
        if version_note is not None:
            self._broken_findings += (version_note,)
        # The rules whose gates hold come as a bit mask; the plans turn it into findings.
        self._plans = RulePlans(self._steps, self._run_counting, self._broken_findings)
        self._clause_ids = frozenset(self.pack.clauses)
        self._vetted_before: dict[int, tuple[Finding, Finding]] = {}
        self._pack_name = self.pack.meta.name
        self._pack_version = self.pack.meta.version

    # -- building -------------------------------------------------------------------------

    def _collect_rules(
        self,
        result: Any,
        plugin: str,
        seen: dict[str, str],
        left_out: list[LeftOutRule],
        cited_in_part: list[LeftOutRule],
    ) -> list[Rule]:
        """The plugin's rules as this protocol reads them (each checked); those it cannot read go
        to ``left_out``."""
        try:
            rules = list(result or ())
        except TypeError as exc:
            raise PluginError(plugin, "ispcheck_rules must return a sequence of Rule") from exc
        for item in rules:
            if not isinstance(item, Rule):
                raise PluginError(plugin, f"ispcheck_rules returned {item!r}, which is not a Rule")
            if item.id in seen:
                raise PluginError(plugin, f"rule id {item.id!r} is already used by {seen[item.id]}")
            for problem in gate_problems(item.when):
                raise PluginError(plugin, f"rule {item.id!r}: {problem}")
            ways = [gates for gates, _, _ in item.ways_to_fire()] if item.variants else []
            for number, gates in enumerate(ways, 1):
                for problem in gate_problems(gates):
                    raise PluginError(plugin, f"rule {item.id!r}, variant {number}: {problem}")
            for (one, first), (other, second) in combinations(enumerate(ways, 1), 2):
                if gates_overlap(first, second):
                    raise PluginError(
                        plugin,
                        f"rule {item.id!r}: variants {one} and {other} can both hold, so it would give "
                        "two findings; make them exclusive (give a fact both name different values)",
                    )
            unknown = [c for c in (*item.predicate_concepts, item.rests_on or "") if c and not is_concept(c)]
            if unknown:
                raise PluginError(plugin, f"rule {item.id!r}: predicate_concepts {unknown} are not concepts")
        bound: list[Rule] = []
        for item in rules:
            seen[item.id] = plugin
            missing = item.missing_concepts(self.pack.concepts)
            if missing and item.law_regime is None and item.rests_on in missing:
                # The protocol does not set out what the rule rests on: it is not in this protocol.
                left_out.append(LeftOutRule(item, plugin, missing))
                continue
            # A rule that reads the law applies whatever the protocol says, and one whose own
            # concept is in the protocol applies though a clause it also cites is not: both are
            # kept (failing closed), citing what the protocol has (or its escalation clauses).
            fallback = self.pack.meta.escalation_clauses if missing else ()
            if missing:
                cited_in_part.append(LeftOutRule(item, plugin, missing))
            item = _in_pack_words(item, self.pack).bound(self.pack.concepts, fallback=fallback)
            for finding in item.findings():
                self._require_clauses(plugin, f"rule {item.id!r}", finding.clauses)
                self._require_interpretations(plugin, f"rule {item.id!r}", finding.interpretations)
            self._require_interpretations(plugin, f"rule {item.id!r}", item.predicate_readings)
            bound.append(item)
        return bound

    def _collect_obligations(self, result: Any, plugin: str) -> list[Obligation]:
        try:
            items = list(result or ())
        except TypeError as exc:
            raise PluginError(
                plugin, f"ispcheck_obligations must return a sequence of Obligation, not {result!r}"
            ) from exc
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

    def _require_interpretations(self, plugin: str, what: str, interpretations: tuple[str, ...]) -> None:
        missing = [i for i in interpretations if i not in self.pack.interpretations]
        if missing:
            raise PluginError(
                plugin,
                f"{what} rests on interpretation(s) {', '.join(missing)} which pack "
                f"{self.pack.name!r} does not set out",
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
        view = quick_view(disclosure) if type(disclosure) is dict else None
        return self.decide(view or view_by_contract(disclosure), today=today)

    def decide(self, view: DisclosureView, *, today: date | None = None) -> Decision:
        """Decide a disclosure already validated into its view (see :func:`ispcheck.view.view_of`).

        ``today`` is the day the decision is made as of (the clock's day when not given): a day
        before the pack's current version came into force is decided under the version then in
        force, which the decision names.
        """
        made_at = self._clock()
        day = today or made_at.date()
        if self._current_from is not None and day < self._current_from:
            return self._checker_on(day).decide(view, today=day)
        facts = Facts.of(view, self.pack, day)
        try:
            mask = self._tables.mask(view, facts)
        except (KeyError, TypeError):  # a value no fact can take: a view not built by view_of
            return self._decision_strictest(self._not_understood(view, facts), facts, made_at)
        found, top = (self._plans.urgent if facts.urgent else self._plans.normal)(mask, view, facts)
        return self._decision(found, top, facts, made_at)

    def decide_plainly(self, view: DisclosureView, *, today: date | None = None) -> Decision:
        """Decide by asking every rule's gate in turn, without the tables: the reference reading.

        Slower; the tests hold :meth:`decide` to the same answer.
        """
        made_at = self._clock()
        day = today or made_at.date()
        if self._current_from is not None and day < self._current_from:
            return self._checker_on(day).decide_plainly(view, today=day)
        facts = Facts.of(view, self.pack, day)
        return self._decision_strictest(self._plain_findings(view, facts), facts, made_at)

    def newest(self) -> Checker:
        """A checker that decides every day under this pack's newest text (never an older version).

        Itself when the pack lists no older versions; otherwise built once, with the same plugins.
        """
        if self._current_from is None:
            return self
        if self._newest is None:
            self._newest = self._fixed_version(self.pack)
        return self._newest

    def _checker_on(self, day: date) -> Checker:
        """The checker for the version of the pack in force on ``day``, built once per version.

        A version whose text the pack holds decides as itself. One whose text it does not hold,
        or a day before any version was in force, is decided under the nearest later text the
        pack holds, and every such decision carries a finding that says so.
        """
        version = self.pack.version_on(day)
        key = version.id if version is not None else ""
        try:
            return self._older[key]
        except KeyError:
            pass
        if version is not None and version.held:
            used = version
        else:  # the oldest held text after it; the newest is always held
            used = [
                v
                for v in self.pack.versions
                if v.held and (version is None or v.in_force_from > version.in_force_from)
            ][-1]
        source = self.pack.path or self.pack.name
        pack = self.pack if used.folder is None else load_pack(source, version=used.id)
        note = None if used is version else self._version_finding(version, used)
        checker = self._older[key] = self._fixed_version(pack, note)
        return checker

    def _fixed_version(self, pack: Pack, note: Finding | None = None) -> Checker:
        """A checker with this one's plugins and clock that decides every day under ``pack`` as given."""
        return Checker(
            pack,
            plugins=self._plugins,
            use_entry_points=self._use_entry_points,
            clock=self._clock,
            version_note=note,
            by_version=False,
        )

    def _version_finding(self, version: PackVersion | None, used: PackVersion) -> Finding:
        """Advice that a decision was made under a text other than the one in force on its day.

        Built once per version, so it names the version's time in force, not the day itself.
        """
        if version is None:
            first = self.pack.versions[-1]
            said = (
                "On the day this decision was made as of, no version of this protocol was in force yet "
                f"(the first listed came into force on {day_in_words(first.in_force_from)})"
            )
        else:
            said = (
                f"On the day this decision was made as of, the version in force was {version.title} "
                f"({_period(version, self.pack.versions)}), whose text this pack does not hold"
            )
        return Finding(
            rule_id=VERSION_NOT_HELD_ID,
            effect=Effect.ADVICE,
            clauses=self.pack.version_clauses,
            message=f"{said}; this decision was made under {used.title} (version {used.id}).",
            action=(
                "Where the decision turns on words that changed, check it against the version in force "
                "that day, which the partnership keeps."
            ),
        )

    def _not_understood(self, view: DisclosureView, facts: Facts) -> list[Finding]:
        """Fail closed on facts outside their values: refer, and say what the rules could see."""
        unknown = self._tables.unknown_values(view, facts)
        shown = "; ".join(f"{name} = {value!r}" for name, value in unknown) or "a value no fact can take"
        found = self._plain_findings(view, facts)
        found.append(
            self._escalation(
                UNKNOWN_FACT_ID,
                f"The disclosure has facts the rules do not understand ({shown}), so this decision "
                "cannot rely on the rules that read them.",
                "Check the disclosure against the contract (ispcheck schema) and decide it again.",
            )
        )
        return found

    def _plain_findings(self, view: DisclosureView, facts: Facts) -> list[Finding]:
        """Every finding, asking each rule's gate in turn: broken plugins first, then rule order."""
        steps = [
            step
            for step, gates in zip(self._steps, self._gates_of, strict=True)
            if passes(gates, view, facts)
        ]
        return [*self._broken_findings, *self._run(steps, view, facts)]

    def _decision(self, found: tuple[Finding, ...], top: int, facts: Facts, made_at: datetime) -> Decision:
        """The decision on these findings, ``top`` being the strictest severity among them."""
        return Decision(
            OUTCOME_BY_SEVERITY[top],
            found,
            self.obligations if facts.personal else (),
            self._pack_name,
            self._pack_version,
            made_at,
            facts.urgent,
        )

    def _decision_strictest(self, found: list[Finding], facts: Facts, made_at: datetime) -> Decision:
        """The decision on these findings, working out the strictest severity among them."""
        return self._decision(tuple(found), max(map(_severity_of, found), default=0), facts, made_at)

    def _run_counting(
        self, steps: tuple[Step, ...], view: DisclosureView, facts: Facts, top: int
    ) -> tuple[list[Finding], int]:
        """The findings of these steps, and the strictest severity among them and ``top``."""
        found = self._run(steps, view, facts)
        for finding in found:
            if finding.severity > top:
                top = finding.severity
        return found, top

    def _run(self, steps: Iterable[Step], view: DisclosureView, facts: Facts) -> list[Finding]:
        """The findings of the rules whose gates hold, in rule order."""
        urgent = facts.urgent
        found = []
        for rule, check, finding, urgent_finding in steps:
            if check is None:  # all gate: it fires
                found.append(urgent_finding if urgent else finding)
                continue
            try:
                result = check(view, facts)
            except BaseException as exc:  # fail closed, sys.exit() included: a broken rule refers
                found.append(self._rule_failed(rule, exc))
                continue
            if result is False:
                continue
            if result is None:  # a predicate that forgot its return: not "did not fire"
                found.append(self._rule_failed(rule, TypeError("returned nothing (None), not true or false")))
                continue
            if result is True:
                found.append(urgent_finding if urgent else finding)
            elif isinstance(result, Finding):
                known = self._vetted_before.get(id(result))
                found.append(
                    known[1] if known is not None and known[0] is result else self._vetted(rule, result)
                )
            else:
                try:
                    found.extend(self._vetted(rule, f) for f in result)
                except BaseException as exc:
                    found.append(self._rule_failed(rule, exc))
        return found

    def _vetted(self, rule: Rule, built: object) -> Finding:
        """A finding a rule built itself, as this protocol reads it: it must be a Finding citing
        concepts and clauses the pack has."""
        if not isinstance(built, Finding):
            return self._rule_failed(rule, TypeError(f"returned {built!r}, not a Finding"))
        lacking = self.pack.concepts.missing_in_finding(built)
        if lacking:
            return self._rule_failed(
                rule, LookupError(f"cited concept(s) {', '.join(lacking)} not in this protocol")
            )
        finding = self.pack.concepts.finding(built)
        if not self._clause_ids.issuperset(finding.clauses):
            missing = ", ".join(c for c in finding.clauses if c not in self._clause_ids)
            return self._rule_failed(rule, LookupError(f"cited unknown clause(s) {missing}"))
        if finding.interpretations and not self.pack.interpretations.keys() >= set(finding.interpretations):
            missing = ", ".join(i for i in finding.interpretations if i not in self.pack.interpretations)
            return self._rule_failed(rule, LookupError(f"rests on unknown interpretation(s) {missing}"))
        # Rules hand out the same prebuilt findings again and again: remember those that passed,
        # as the protocol reads them (holding the built one, so that its id cannot be reused).
        if len(self._vetted_before) >= MAX_VETTED:
            self._vetted_before.clear()
        self._vetted_before[id(built)] = (built, finding)
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


def _call_hook(function: Callable[..., Any], pack: Pack, plugin: str, hook: str) -> Any:
    """Call one plugin's hook; whatever it raises (``sys.exit()`` included) names the plugin and hook."""
    try:
        return function(pack=pack)
    except BaseException as exc:
        text = str(exc).strip().splitlines()
        raise PluginError(
            plugin, f"{hook} raised {type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
        ) from exc


def _gated_steps(rule: Rule) -> list[tuple[Step, tuple[Gate, ...]]]:
    """The steps a rule runs as, each with its gates: one, or one per variant."""
    return [
        (Step(rule, rule.check, found, urgent), _gates_for(rule, gates))
        for gates, found, urgent in rule.ways_to_fire()
    ]


def _gates_for(rule: Rule, gates: tuple[Gate, ...]) -> tuple[Gate, ...]:
    """The gates, with what the rule's reach adds: personal data, the living, the law it reads.

    A rule about personal data only is gated on ``personal``; a rule that reads data protection
    law (``law_regime``) on the information being about the living, and a rule of one regime on
    that regime being the one the share is made under (a regime not given reads as the UK GDPR).
    Each is added as one more condition on a fact the gates already name, never as a second gate
    on the same fact (the tables read one gate per fact).
    """
    added: list[Gate] = []
    if rule.personal_only:
        added.append(_PERSONAL_ONLY)
    if rule.law_regime is not None:
        added.append(_ABOUT_THE_LIVING)
        regime = _REGIME_GATES.get(rule.law_regime)
        if regime is not None:
            added.append(regime)
    if not added:
        return gates
    named = dict(gates)
    for name, only in added:
        named[name] = named[name] & only if name in named else only
    return normalise_when(named)


def _period(version: PackVersion, versions: tuple[PackVersion, ...]) -> str:
    """When a version was in force: "from 12 July 2023 to 7 May 2024" (versions newest first)."""
    index = versions.index(version)
    if index == 0:
        return f"from {day_in_words(version.in_force_from)}"
    until = versions[index - 1].in_force_from - timedelta(days=1)
    return f"from {day_in_words(version.in_force_from)} to {day_in_words(until)}"


def _words_never_shown(pack: Pack, rules: Iterable[Rule]) -> list[str]:
    """Problems with wording.toml words that no finding of their rule would ever show."""
    problems = []
    for rule in rules:
        words = pack.wording.get(rule.id)
        if words is None:
            continue
        label = f"wording.toml: finding {rule.id!r}"
        if (
            rule.variants
            and all(v.finding is not None for v in rule.variants)
            and (words.message or words.action)
        ):
            problems.append(
                f"{label}: each way this rule fires has a finding of its own (each meeting's, say), so "
                "its message and action would never be shown"
            )
        if rule.when_urgent is None and (words.urgent_message or words.urgent_action):
            problems.append(f"{label}: the rule has no urgent finding, so urgent words would never be shown")
    return problems


def _in_pack_words(rule: Rule, pack: Pack) -> Rule:
    """The rule with the protocol's own words for its finding, where the pack gives them."""
    words = pack.wording.get(rule.id)
    if words is None:
        return rule
    return replace(
        rule,
        message=words.message or rule.message,
        action=words.action or rule.action,
        urgent_message=words.urgent_message or rule.urgent_message,
        urgent_action=words.urgent_action or rule.urgent_action,
    )


def _reject(name: str, exc: PluginError, installed: frozenset[str]) -> BrokenPlugin:
    """Built-in and explicitly passed plugins fail loudly; installed ones become a standing refer."""
    if name not in installed:
        raise exc
    return BrokenPlugin(name, exc.problem)


@cache
def default_checker() -> Checker:
    """The checker for the shipped pack with installed plugins, built on first use."""
    return Checker()


def check(disclosure: Disclosure | Mapping[str, Any]) -> Decision:
    """Decide one disclosure with the default pack and any installed plugins."""
    return default_checker().check(disclosure)
