"""Reading one run of the features: the cucumber JSON that pytest-bdd writes.

Each scenario keeps its tags, steps and results. The tags say what it proves: the clauses it is
tagged with (``@clause-4.6``), in one direction: ``@fires`` shows the library raising them,
``@does-not-fire`` shows the nearest case, where it does not. Whether that counts as proof is
decided when the review pack is built (:mod:`.assembly`), not here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import ReviewPackError

__all__ = ["CLAUSE_TAG", "DIRECTIONS", "Direction", "FeatureReview", "Scenario", "Step", "load_results"]

Direction = Literal["fires", "does-not-fire"]
DIRECTIONS: tuple[Direction, ...] = ("fires", "does-not-fire")
CLAUSE_TAG = "clause-"


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
        steps=steps,
    )
