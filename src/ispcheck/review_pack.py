"""The legal review pack: every clause of a protocol, what the library does about it, and the proof.

Built from three things: the pack (every clause, with its summary and scope), the rule catalogue
(which rules and standing obligations cite each clause) and the last run of the features (the
cucumber JSON that pytest-bdd writes, with each scenario's tags, steps and results). A scenario
proves the clauses it is tagged with (``@clause-4.6``) in one direction: ``@fires`` shows the
library raising them, ``@does-not-fire`` shows the nearest case, where it does not.

A per-disclosure clause is **proven** when at least one passing scenario shows each direction and
none tagged with it fails; **explained** when the pack's ``coverage.toml`` says, with a reason, why
it has no behaviour of its own on one disclosure; otherwise it is a **gap**. Organisational clauses
are listed as such, with whatever rules and scenarios touch them. :func:`build` makes the model,
:func:`render_html` and :func:`render_markdown` turn it into the documents lawyers read (Jinja2
templates in ``templates/``), and :func:`write` saves both.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .decision import Obligation
from .engine import RegisteredRule
from .errors import IspcheckError
from .pack import Pack
from .templating import environment

__all__ = [
    "COVERAGE_FILE",
    "ClauseReview",
    "Coverage",
    "Explanation",
    "FeatureReview",
    "ReviewPack",
    "ReviewPackError",
    "RuleRef",
    "Scenario",
    "Step",
    "build",
    "load_explained",
    "load_results",
    "render_html",
    "render_markdown",
    "write",
]

#: The file of a pack that explains per-disclosure clauses with no behaviour of their own.
COVERAGE_FILE = "coverage.toml"
HTML_NAME = "index.html"
MARKDOWN_NAME = "review-pack.md"
TEMPLATES = Path(__file__).with_name("templates")

Direction = Literal["fires", "does-not-fire"]
DIRECTIONS: tuple[Direction, ...] = ("fires", "does-not-fire")
CLAUSE_TAG = "clause-"


class ReviewPackError(IspcheckError):
    """The review pack cannot be built: the results or the coverage file are missing or malformed."""


# -- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    keyword: str
    text: str
    status: str
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"keyword": self.keyword, "text": self.text, "status": self.status, "error": self.error}


@dataclass(frozen=True)
class Scenario:
    """One scenario of the run (one row of an outline's Examples counts as one scenario)."""

    feature: str
    uri: str
    name: str
    line: int
    test_id: str
    clauses: tuple[str, ...]
    direction: Direction | None
    other_tags: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def status(self) -> str:
        statuses = {s.status for s in self.steps}
        if "failed" in statuses:
            return "failed"
        if not self.steps or statuses - {"passed", "skipped"}:
            return "not run"
        return "skipped" if "skipped" in statuses else "passed"

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def example(self) -> str:
        """For a row of a Scenario Outline, the row's values as pytest names them; else ""."""
        match = re.search(r"\[(.*)\]$", self.test_id)
        return match.group(1) if match else ""

    @property
    def error(self) -> str | None:
        return next((s.error for s in self.steps if s.error), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "uri": self.uri,
            "name": self.name,
            "line": self.line,
            "test_id": self.test_id,
            "clauses": list(self.clauses),
            "direction": self.direction,
            "status": self.status,
            "steps": [s.to_dict() for s in self.steps],
        }


@dataclass(frozen=True)
class FeatureReview:
    name: str
    uri: str
    description: str
    scenarios: tuple[Scenario, ...]

    @property
    def passed(self) -> int:
        return sum(1 for s in self.scenarios if s.passed)

    @property
    def failed(self) -> int:
        return len(self.scenarios) - self.passed

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "uri": self.uri,
            "description": self.description,
            "scenarios": len(self.scenarios),
            "passed": self.passed,
            "failed": self.failed,
        }


@dataclass(frozen=True)
class RuleRef:
    id: str
    title: str
    effect: str
    when_urgent: str | None
    plugin: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "effect": self.effect,
            "when_urgent": self.when_urgent,
            "plugin": self.plugin,
        }


@dataclass(frozen=True)
class Explanation:
    """Why a per-disclosure clause has no behaviour of its own, and where its substance is proven."""

    reason: str
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClauseReview:
    """One clause: what the protocol says (our summary), what the library does, and the proof."""

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
            "status": self.status,
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
            f"{self.scenarios} scenarios: {self.passed} passed, {self.failed} failed."
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
        }


# -- reading the inputs -------------------------------------------------------------------------


def load_explained(pack: Pack) -> dict[str, Explanation]:
    """The pack's ``coverage.toml``: per-disclosure clauses with no behaviour of their own.

    A pack without the file explains nothing. Every entry must name a per-disclosure clause of
    the pack, once, with a reason; every problem is reported together, naming the entry.
    """
    if pack.path is None or not (pack.path / COVERAGE_FILE).is_file():
        return {}
    path = pack.path / COVERAGE_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReviewPackError(f"{path}: cannot be read ({exc})") from None
    entries = data.get("explained", [])
    problems: list[str] = []
    explained: dict[str, Explanation] = {}
    if not isinstance(entries, list):
        raise ReviewPackError(f"{path}: [[explained]] must be a list of tables")
    for index, entry in enumerate(entries):
        where = f"{path.name}: explained[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a table")
            continue
        clause, reason, see = entry.get("clause"), entry.get("reason"), entry.get("see", [])
        extra = sorted(set(entry) - {"clause", "reason", "see"})
        where += f" ({clause})" if isinstance(clause, str) else ""
        if extra:
            problems.append(f"{where}: unknown keys {', '.join(extra)}")
        if not isinstance(clause, str) or clause not in pack.clauses:
            problems.append(f"{where}: clause {clause!r} is not in clauses.toml")
        elif pack.clauses[clause].scope != "disclosure":
            problems.append(f"{where}: clause {clause} is organisational, which needs no explanation here")
        elif clause in explained:
            problems.append(f"{where}: clause {clause} is explained twice")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{where}: needs a reason")
        if not isinstance(see, list) or not all(isinstance(s, str) and s in pack.clauses for s in see):
            problems.append(f"{where}: 'see' must list clauses of the pack")
        if not problems and isinstance(clause, str) and isinstance(reason, str) and isinstance(see, list):
            explained[clause] = Explanation(" ".join(reason.split()), tuple(see))
    if problems:
        raise ReviewPackError(f"{path} is not valid:\n" + "\n".join(f"  - {p}" for p in problems))
    return explained


def load_results(path: str | Path) -> tuple[FeatureReview, ...]:
    """The features and scenarios of one run, from the cucumber JSON pytest-bdd writes."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReviewPackError(
            f"There are no test results at {source}. Run the features first (bash scripts/test.sh, or "
            ".venv/bin/python -m pytest tests/bdd), or name the results with --results."
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReviewPackError(f"{source}: cannot be read as JSON ({exc})") from None
    try:
        return tuple(_feature(f) for f in _list(data))
    except (KeyError, TypeError, ValueError) as exc:
        raise ReviewPackError(
            f"{source}: is not the cucumber JSON pytest-bdd writes ({type(exc).__name__}: {exc})"
        ) from None


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return value


def _tags(raw: Any) -> list[str]:
    return [str(t["name"] if isinstance(t, dict) else t).lstrip("@") for t in _list(raw)]


def _feature(raw: Mapping[str, Any]) -> FeatureReview:
    name = str(raw.get("name") or raw["uri"])
    uri = str(raw["uri"])
    scenarios = tuple(_scenario(name, uri, element) for element in _list(raw["elements"]))
    return FeatureReview(name, uri, _tidy(str(raw.get("description") or "")), scenarios)


def _tidy(text: str) -> str:
    """A feature's description with its lines joined into paragraphs at each new label."""
    lines = [line.strip() for line in text.strip().splitlines()]
    paragraphs: list[str] = []
    for line in lines:
        if not line:
            continue
        if paragraphs and not re.match(r"^[A-Z][A-Za-z ,]*:", line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


def _scenario(feature: str, uri: str, raw: Mapping[str, Any]) -> Scenario:
    tags = _tags(raw.get("tags", []))
    clauses = tuple(t.removeprefix(CLAUSE_TAG) for t in tags if t.startswith(CLAUSE_TAG))
    directions = [t for t in tags if t in DIRECTIONS]
    other = tuple(t for t in tags if not t.startswith(CLAUSE_TAG) and t not in DIRECTIONS)
    direction: Direction | None = None
    if len(directions) == 1:
        direction = "fires" if directions[0] == "fires" else "does-not-fire"
    steps = tuple(
        Step(
            keyword=str(s["keyword"]).strip(),
            text=str(s["name"]),
            status=str(s["result"]["status"]),
            error=str(s["result"].get("error_message") or "") or None,
        )
        for s in _list(raw["steps"])
    )
    return Scenario(
        feature=feature,
        uri=uri,
        name=str(raw["name"]),
        line=int(raw.get("line", 0)),
        test_id=str(raw.get("id") or raw["name"]),
        clauses=clauses,
        direction=direction,
        other_tags=other,
        steps=steps,
    )


# -- building -----------------------------------------------------------------------------------


def build(
    pack: Pack,
    rules: Iterable[RegisteredRule],
    results: str | Path,
    *,
    obligations: Sequence[Obligation] | None = None,
    features_dir: str | Path | None = None,
    now: datetime | None = None,
) -> ReviewPack:
    """The review pack for ``pack``, its rule catalogue and the run recorded in ``results``.

    ``obligations`` defaults to the pack's standing obligations. When ``features_dir`` is given,
    the pack notes any feature file changed since the run.
    """
    features = load_results(results)
    explained = load_explained(pack)
    catalogue = list(rules)
    standing = tuple(pack.obligations if obligations is None else obligations)
    rules_of: dict[str, list[RuleRef]] = {}
    for registered in catalogue:
        r = registered.rule
        ref = RuleRef(
            r.id, r.title, r.effect.value, r.when_urgent.value if r.when_urgent else None, registered.plugin
        )
        for cited in dict.fromkeys(r.clauses):
            rules_of.setdefault(cited, []).append(ref)
    scenarios = [s for f in features for s in f.scenarios]
    why_unfiled = {id(s): _unfiled(s, pack) for s in scenarios}
    unfiled = tuple((s, why_unfiled[id(s)]) for s in scenarios if why_unfiled[id(s)])
    filed = [s for s in scenarios if not why_unfiled[id(s)]]

    reviews: list[ClauseReview] = []
    for clause in pack.clauses.values():
        tagged = [s for s in filed if clause.id in s.clauses]
        fires = tuple(s for s in tagged if s.direction == "fires")
        quiet = tuple(s for s in tagged if s.direction == "does-not-fire")
        cited_by = [r.id for r in rules_of.get(clause.id, [])] + [
            o.id for o in standing if clause.id in o.clauses
        ]
        reviews.append(
            ClauseReview(
                id=clause.id,
                title=clause.title,
                summary=clause.summary,
                scope=clause.scope,
                rules=tuple(rules_of.get(clause.id, ())),
                obligations=tuple(o for o in standing if clause.id in o.clauses),
                fires=fires,
                does_not_fire=quiet,
                explanation=explained.get(clause.id),
                problems=_problems(clause.scope, clause.id in explained, fires, quiet, cited_by),
            )
        )
    source = "built-in" if all(r.plugin.startswith("ispcheck.") for r in catalogue) else "built-in and plugin"
    notes: list[str] = []
    run_at = datetime.fromtimestamp(Path(results).stat().st_mtime, UTC)
    if features_dir is not None and Path(features_dir).is_dir():
        newer = sorted(p.name for p in Path(features_dir).glob("*.feature") if _mtime(p) > run_at)
        if newer:
            notes.append(
                f"Feature files changed since this run ({', '.join(newer)}): run the tests again "
                "before relying on this review pack."
            )
    disclosure = [c for c in reviews if c.scope == "disclosure"]
    coverage = Coverage(
        clauses=len(reviews),
        disclosure=len(disclosure),
        proven=sum(1 for c in disclosure if c.status == "proven"),
        explained=sum(1 for c in disclosure if c.status == "explained"),
        organisational=sum(1 for c in reviews if c.scope == "organisation"),
        gaps=sum(1 for c in reviews if c.problems),
        scenarios=len(scenarios),
        passed=sum(1 for s in scenarios if s.passed),
        failed=sum(1 for s in scenarios if not s.passed),
        unfiled=len(unfiled),
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
    groups: dict[str, list[ClauseReview]] = {}
    for review in reviews:
        key = review.id.split(".")[0] if review.id[0].isdigit() else "A"
        groups.setdefault(key, []).append(review)
    sections = []
    for key, clauses in groups.items():
        if key == "A":
            title = "Appendices"
        else:
            heading = pack.clauses.get(key)
            title = f"Section {key}: {heading.title}" if heading else f"Section {key}"
        sections.append(Section(title, tuple(clauses)))
    return tuple(sections)


# -- rendering ----------------------------------------------------------------------------------


def _when(value: datetime) -> str:
    value = value.astimezone(UTC)
    return f"{value.day} {value:%B %Y}, {value:%H:%M} UTC"


@cache
def _environment() -> Any:
    env = environment(TEMPLATES, ".html.j2")
    env.filters["when"] = _when
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.globals["EFFECT_LABELS"] = EFFECT_LABELS
    return env


STATUS_LABELS = {
    "proven": "Proven",
    "gap": "Gap",
    "explained": "Explained",
    "organisational": "Organisational",
    "passed": "Passed",
    "failed": "Failed",
    "skipped": "Skipped",
    "not run": "Not run",
}
EFFECT_LABELS = {
    "block": "do not share",
    "refer": "refer",
    "condition": "condition",
    "advice": "advice",
}


def render_html(review: ReviewPack) -> str:
    """The review pack as one self-contained, printable HTML page."""
    text: str = _environment().get_template("review_pack.html.j2").render(review=review)
    return text


def render_markdown(review: ReviewPack) -> str:
    """The review pack as Markdown, for reading in a repository or diffing between runs."""
    text: str = _environment().get_template("review_pack.md.j2").render(review=review)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def write(review: ReviewPack, output: str | Path) -> tuple[Path, Path]:
    """Write ``index.html`` and ``review-pack.md`` into ``output`` (created if need be), each whole."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    html = _write_atomically(folder / HTML_NAME, render_html(review))
    markdown = _write_atomically(folder / MARKDOWN_NAME, render_markdown(review))
    return html, markdown


def _write_atomically(target: Path, text: str) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
