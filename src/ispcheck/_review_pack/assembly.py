"""Building the review pack from the pack, its rule catalogue and one run of the features.

This is where a scenario is filed under the clauses it proves (or listed as proving nothing, and
why), and where a clause becomes a gap (:func:`_problems`), so the rules for what counts as proof
read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..concepts import CONCEPTS
from ..decision import Obligation
from ..engine import LeftOutRule, RegisteredRule
from ..fact_words import glossary, rule_in_words
from ..pack import Pack
from ..rule import LAW_REGIMES
from .coverage import ClauseReview, Coverage, Reading, ReviewPack, RuleRef, Section
from .explanations import load_explained
from .quotations import QUOTATIONS_FILE, load_quotations
from .results import Scenario, load_results

__all__ = ["build", "law_regimes"]


def build(
    pack: Pack,
    rules: Iterable[RegisteredRule],
    results: str | Path,
    *,
    obligations: Sequence[Obligation] | None = None,
    features_dir: str | Path | None = None,
    now: datetime | None = None,
    left_out: Sequence[LeftOutRule] = (),
) -> ReviewPack:
    """The review pack for ``pack``, its rule catalogue and the run recorded in ``results``.

    ``obligations`` defaults to the pack's standing obligations. When ``features_dir`` is given,
    the pack notes any feature file changed since the run. ``left_out`` are the rules the
    protocol does not set out (the checker's ``left_out``), listed so that no gap is silent.
    """
    features = load_results(results)
    explained = load_explained(pack)
    quotations = load_quotations(pack)
    catalogue = list(rules)
    readings = _readings(pack, catalogue)
    standing = tuple(pack.obligations if obligations is None else obligations)
    rules_of: dict[str, list[RuleRef]] = {}
    for registered in catalogue:
        r = registered.rule
        ref = RuleRef(
            r.id,
            r.title,
            r.effect.value,
            r.when_urgent.value if r.when_urgent else None,
            registered.plugin,
            rule_in_words(r, pack),
            r.readings,
            r.law_regime,
        )
        for cited in dict.fromkeys(r.clauses):
            rules_of.setdefault(cited, []).append(ref)
    scenarios = [s for f in features for s in f.scenarios]
    judged = [(s, _unfiled(s, pack)) for s in scenarios]
    unfiled = tuple((s, why) for s, why in judged if why)
    filed = [s for s, why in judged if not why]

    reviews: list[ClauseReview] = []
    for clause in pack.clauses.values():
        tagged = [s for s in filed if clause.id in s.clauses]
        fires = tuple(s for s in tagged if s.direction == "fires")
        quiet = tuple(s for s in tagged if s.direction == "does-not-fire")
        cited_rules = tuple(rules_of.get(clause.id, ()))
        cited_obligations = tuple(o for o in standing if clause.id in o.clauses)
        cited_by = [r.id for r in cited_rules] + [o.id for o in cited_obligations]
        scope = "disclosure" if cited_rules else clause.scope
        reviews.append(
            ClauseReview(
                id=clause.id,
                title=clause.title,
                summary=clause.summary,
                scope=scope,
                rules=cited_rules,
                obligations=cited_obligations,
                fires=fires,
                does_not_fire=quiet,
                explanation=explained.get(clause.id),
                problems=_problems(scope, clause.id in explained, fires, quiet, cited_by),
                quotations=quotations.get(clause.id, ()),
                readings=tuple(r for r in readings if clause.id in r.clauses),
                pack_scope=clause.scope,
                rule_readings=tuple(
                    r
                    for r in readings
                    if clause.id not in r.clauses and any(r.id in ref.readings for ref in cited_rules)
                ),
            )
        )
    source = "built-in" if all(r.plugin.startswith("ispcheck.") for r in catalogue) else "built-in and plugin"
    notes: list[str] = []
    if not quotations:
        notes.append(
            f"The pack has no {QUOTATIONS_FILE}, so the protocol's own words are not shown: read the "
            "protocol beside this pack."
        )
    run_at = _mtime(Path(results))
    if features_dir is not None and Path(features_dir).is_dir():
        newer = sorted(p.name for p in Path(features_dir).glob("*.feature") if _mtime(p) > run_at)
        if newer:
            notes.append(
                f"Feature files changed since this run ({', '.join(newer)}): run the tests again "
                "before relying on this review pack."
            )
    disclosure = [c for c in reviews if c.scope == "disclosure"]
    passed = sum(1 for s in scenarios if s.passed)
    coverage = Coverage(
        clauses=len(reviews),
        disclosure=len(disclosure),
        proven=sum(1 for c in disclosure if c.status == "proven"),
        explained=sum(1 for c in disclosure if c.status == "explained"),
        organisational=sum(1 for c in reviews if c.scope == "organisation"),
        gaps=sum(1 for c in reviews if c.problems),
        scenarios=len(scenarios),
        passed=passed,
        failed=len(scenarios) - passed,
        unfiled=len(unfiled),
        not_in_protocol=len(left_out),
    )
    return ReviewPack(
        pack_name=pack.meta.name,
        pack_title=pack.meta.title,
        pack_version=pack.meta.version,
        publisher=pack.meta.publisher,
        generated_at=now or datetime.now(UTC),
        results=str(results),
        results_at=run_at,
        sections=_sections(pack, reviews),
        features=features,
        unfiled=unfiled,
        coverage=coverage,
        rules=f"{len(catalogue)} {source} rules",
        notes=tuple(notes),
        readings=readings,
        glossary=glossary(pack),
        law_regimes=law_regimes(catalogue),
        rule_titles={r.rule.id: r.rule.title for r in catalogue},
        not_in_this_protocol=tuple(
            (
                r.rule.id,
                pack.concepts.render_leniently(r.rule.title),
                tuple((c, CONCEPTS.get(c, "")) for c in r.missing),
                LAW_REGIMES[r.rule.law_regime] if r.rule.law_regime else "",
            )
            for r in left_out
        ),
    )


def law_regimes(catalogue: Sequence[RegisteredRule]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Which rules read which data protection law, the protocol's own rules last (issue 15)."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for regime, what in (*LAW_REGIMES.items(), ("none", _NO_REGIME)):
        wanted = None if regime == "none" else regime
        found.append((regime, what, tuple(r.rule.id for r in catalogue if r.rule.law_regime == wanted)))
    return tuple(found)


_NO_REGIME = (
    "the protocol and the duty of confidentiality, whatever the data protection law (they apply to "
    "information about the dead too)"
)


def _readings(pack: Pack, catalogue: Sequence[RegisteredRule]) -> tuple[Reading, ...]:
    """The pack's interpretations, each with the rules of the catalogue that rest on it."""
    return tuple(
        Reading(
            i.id,
            i.title,
            i.clauses,
            i.protocol_says,
            i.ispcheck_does,
            i.why,
            i.authority,
            tuple(r.rule.id for r in catalogue if i.id in r.rule.readings),
        )
        for i in pack.interpretations.values()
    )


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _unfiled(scenario: Scenario, pack: Pack) -> str:
    """Why a scenario proves nothing in this pack, or "" when it is properly tagged."""
    if not scenario.clauses:
        return "It has no @clause-… tag, so it proves no clause."
    unknown = [c for c in scenario.clauses if c not in pack.clauses]
    if unknown:
        return f"It is tagged with clauses this pack does not have: {', '.join(unknown)}."
    if scenario.direction is None:
        return "It needs exactly one of @fires or @does-not-fire."
    return ""


def _problems(
    scope: str,
    explained: bool,
    fires: tuple[Scenario, ...],
    quiet: tuple[Scenario, ...],
    cited_by: list[str],
) -> tuple[str, ...]:
    found = [f"The scenario “{s.name}” ({s.uri}) failed." for s in (*fires, *quiet) if not s.passed]
    if scope != "disclosure":
        return tuple(found)
    if explained:
        if cited_by:
            found.append(
                f"It is explained as having no behaviour of its own, but {', '.join(cited_by)} "
                "cite it: prove it with scenarios instead."
            )
        return tuple(found)
    if not any(s.passed for s in fires):
        found.append("No passing scenario shows the library raising it.")
    if not any(s.passed for s in quiet):
        found.append("No passing scenario shows the nearest case, where it is not raised.")
    return tuple(found)


def _sections(pack: Pack, reviews: list[ClauseReview]) -> tuple[Section, ...]:
    """The clauses grouped as the protocol numbers them: by the part of the id before its first
    mark ("4" of 4.4, "A2" of A2.Q1, "S4" of S4(d), "Sch2" of Sch2(q1)), each group headed by the
    clause of that number when there is one ("Section 4: ...", "Appendix 3: ...")."""
    groups: dict[str, list[ClauseReview]] = {}
    for review in reviews:
        found = _SECTION_KEY.match(review.id)
        groups.setdefault(found.group(0) if found else review.id, []).append(review)
    sections = []
    for key, clauses in groups.items():
        heading = pack.clauses.get(key)
        name = f"Section {key}" if key[0].isdigit() else pack.clause_name(key)
        sections.append(Section(f"{name}: {heading.title}" if heading else name, tuple(clauses)))
    return tuple(sections)


_SECTION_KEY = re.compile(r"[A-Za-z]*\d+")
