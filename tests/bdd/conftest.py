"""pytest-bdd set-up for the features: clause markers, the step library, and the last run's record.

- Every clause of the pack is a registered marker (``clause-4.6``, ``clause-A2.Q5``), as are
  ``fires`` and ``does-not-fire``. pytest-bdd turns a scenario's tags into markers, and
  ``--strict-markers`` (pyproject.toml) makes an unregistered one, such as a mistyped
  ``@clause-9.99``, fail the run.
- The step library (``tests/bdd/steps.py``) is made available to every feature.
- A run that includes every scenario of ``features/`` writes its results, as cucumber JSON, to
  ``build/cucumber.json``, which ``ispcheck review-pack`` reads. A partial run (``-k``, one file)
  leaves the last complete run's record alone. ``--cucumberjson=PATH`` writes wherever it is told
  instead, complete or not.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.cucumber_json import LogBDDCucumberJSON
from pytest_bdd.reporting import StepReport, scenario_reports_registry
from pytest_bdd.scenario import scenario_wrapper_template_registry

from ispcheck.pack import load_pack
from tests.bdd.gherkin import FEATURES, ROOT, feature_files, scenario_runs
from tests.bdd.steps import *  # noqa: F403  (the step fixtures pytest-bdd generated)

LAST_RUN = ROOT / "build" / "cucumber.json"


def register_markers(config: pytest.Config) -> None:
    """Register a marker for every clause of the pack, and the two directions of proof."""
    for clause in load_pack().clauses.values():
        config.addinivalue_line("markers", f"clause-{clause.id}: proves ISP {clause.id} ({clause.title})")
    config.addinivalue_line("markers", "fires: the scenario shows its clauses raised")
    config.addinivalue_line(
        "markers", "does-not-fire: the scenario shows the nearest case, where its clauses are not raised"
    )


def pytest_configure(config: pytest.Config) -> None:
    register_markers(config)
    if config.option.cucumber_json_path is None and not hasattr(config, "workerinput"):
        config.pluginmanager.register(LastCompleteRun(str(LAST_RUN)), "ispcheck-last-complete-run")


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, step: Any, **_: Any) -> None:
    """Record a step missing from the library as a failed step, so the results show where."""
    report = scenario_reports_registry.get(request.node)
    if report is not None:
        report.add_step_report(StepReport(step=step))
        report.fail()


class LastCompleteRun(LogBDDCucumberJSON):  # type: ignore[misc]
    """Cucumber JSON of the features, written only when every scenario was selected to run."""

    def __init__(self, logfile: str) -> None:
        super().__init__(logfile)
        self.complete = False

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        expected = sum(1 for _ in scenario_runs(feature_files([FEATURES])))
        selected = sum(1 for item in session.items if scenario_wrapper_template_registry.get(_obj(item)))
        self.complete = selected == expected > 0

    def pytest_sessionfinish(self) -> None:
        if not self.complete or not self.features:
            return
        path = Path(self.logfile)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cucumber-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(list(self.features.values()), out)
        os.replace(temporary, path)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.complete and self.features:
            terminalreporter.write_sep("-", f"feature results for the review pack: {self.logfile}")


def _obj(item: pytest.Item) -> Any:
    return getattr(item, "obj", None)
