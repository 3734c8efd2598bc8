"""Reading the features as the coverage check and the lawyers' tools need them.

Parses ``features/*.feature`` with pytest-bdd's own parser and gives, for each scenario (each row
of an outline's Examples separately), its clause tags, its direction (``@fires`` or
``@does-not-fire``), its steps and what those steps prove. :func:`problems` lists everything wrong
with a scenario in words a lawyer can act on; the coverage test and ``scripts/missing-steps.sh``
both use it.

Which pack a feature is written against is where it is: ``features/*.feature`` are the default
pack's (the one ``rules/default.toml`` names), and ``features/<pack>/*.feature`` are the shipped
pack of that name (``features/example-csp/`` for the example pack). :func:`feature_files` with no
paths reads the default pack's only; :func:`pack_for_feature` says which pack a file belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.feature import get_features
from pytest_bdd.parser import Feature, ScenarioTemplate

from ispcheck.pack import DEFAULT_PACK, Pack, available_packs
from tests.bdd.steps import PHRASES, Phrase

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / "features"
DIRECTIONS = ("fires", "does-not-fire")
CLAUSE_TAG = "clause-"


@dataclass(frozen=True)
class StepLine:
    keyword: str
    kind: str
    text: str
    line: int

    def __str__(self) -> str:
        return f"{self.keyword} {self.text}"


@dataclass(frozen=True)
class ScenarioRun:
    """One scenario as it runs: an ordinary scenario, or one row of an outline."""

    feature: Feature
    template: ScenarioTemplate
    name: str
    example: dict[str, str]
    steps: tuple[StepLine, ...]

    @property
    def tags(self) -> frozenset[str]:
        return frozenset(self.template.tags)

    @property
    def clauses(self) -> frozenset[str]:
        return frozenset(t.removeprefix(CLAUSE_TAG) for t in self.tags if t.startswith(CLAUSE_TAG))

    @property
    def directions(self) -> frozenset[str]:
        return self.tags & frozenset(DIRECTIONS)

    @property
    def where(self) -> str:
        path = Path(self.feature.filename)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        row = f" [{', '.join(self.example.values())}]" if self.example else ""
        return f'{shown}:{self.template.line_number} "{self.name}"{row}'


def pack_feature_folders() -> dict[str, Path]:
    """Each pack that has features, with the folder holding them: the default pack's are at the
    top of ``features/``, another shipped pack's in ``features/<its name>/``."""
    folders = {DEFAULT_PACK: FEATURES}
    for name in available_packs():
        if name != DEFAULT_PACK and (FEATURES / name).is_dir():
            folders[name] = FEATURES / name
    return folders


def feature_paths(pack: str = DEFAULT_PACK) -> list[Path]:
    """The feature files written against ``pack`` (its folder only, not the folders under it)."""
    folder = pack_feature_folders().get(pack)
    return sorted(folder.glob("*.feature")) if folder is not None else []


def pack_for_feature(path: str | Path) -> str:
    """The pack a feature file is written against, from the folder it is in."""
    folder = Path(path).resolve().parent
    for name, holds in pack_feature_folders().items():
        if folder == holds.resolve():
            return name
    return DEFAULT_PACK


def feature_files(paths: Iterable[Path] | None = None) -> list[Feature]:
    """The features at ``paths`` (files, or folders read with every folder under them); without
    paths, the default pack's features."""
    chosen = feature_paths() if paths is None else paths
    return list(get_features([str(p) for p in chosen]))


def marker_name(tag: str) -> str:
    """The pytest marker a scenario's tag becomes.

    pytest reads a registered marker's name up to its first round bracket, so a clause id such as
    ``S4(d)`` cannot be registered as it is written: its tag ``@clause-S4(d)`` is marked
    ``clause-S4[d]`` (which ``pytest -m "clause-S4[d]"`` selects). Other tags are unchanged.
    """
    return tag.replace("(", "[").replace(")", "]")


def scenario_runs(features: Iterable[Feature]) -> Iterator[ScenarioRun]:
    for feature in features:
        for template in feature.scenarios.values():
            contexts = [ctx for examples in template.examples for ctx in examples.as_contexts()] or [{}]
            for context in contexts:
                scenario = template.render(context)
                steps = tuple(StepLine(s.keyword, s.type, s.name, s.line_number) for s in scenario.steps)
                yield ScenarioRun(feature, template, scenario.name, dict(context), steps)


def phrase_for(step: StepLine) -> list[Phrase]:
    """The phrases of the library that this step matches (one, if all is well)."""
    return [p for p in PHRASES if p.kind == step.kind and p.matches(step.text)]


def proofs(run: ScenarioRun) -> set[tuple[str, str]]:
    """What the scenario's steps prove: (clause, "fires" or "does-not-fire") pairs."""
    found: set[tuple[str, str]] = set()
    for step in run.steps:
        for p in phrase_for(step):
            match = p.matches(step.text)
            if p.proves is not None and match is not None:
                found.add((match.group("clause"), p.proves))
    return found


def problems(run: ScenarioRun, pack: Pack) -> list[str]:
    """Everything wrong with one scenario, in plain words; empty when it is well formed."""
    found: list[str] = []
    unknown = sorted(t for t in run.tags if not t.startswith(CLAUSE_TAG) and t not in DIRECTIONS)
    if unknown:
        found.append(f"tags {', '.join('@' + t for t in unknown)} mean nothing here")
    bad = sorted(c for c in run.clauses if not pack.has_clause(c))
    if bad:
        found.append(f"tags name clauses the protocol does not have: {', '.join(bad)}")
    if not run.clauses:
        found.append("no @clause-... tag says which clause it proves")
    if len(run.directions) != 1:
        found.append("needs exactly one of @fires or @does-not-fire")
    for step in run.steps:
        matched = phrase_for(step)
        if not matched:
            found.append(f"line {step.line}: no step in the library says '{step}'")
        elif len(matched) > 1:
            found.append(f"line {step.line}: '{step}' matches more than one step of the library")
    if len(run.directions) == 1 and run.clauses:
        (direction,) = run.directions
        shown = proofs(run)
        for clause in sorted(run.clauses):
            if (clause, direction) not in shown:
                verb = "raised" if direction == "fires" else "not raised"
                found.append(f"is tagged @clause-{clause} @{direction} but no Then step shows it {verb}")
        for clause, proved in sorted(shown):
            if proved != direction:
                shown_as = "raised" if proved == "fires" else "not raised"
                found.append(f"a Then step shows clause {clause} {shown_as}, against its @{direction}")
            elif clause not in run.clauses:
                found.append(f"a Then step shows clause {clause}, but there is no @clause-{clause} tag")
    return found
