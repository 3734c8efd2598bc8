"""pytest-bdd set-up for the features: clause markers, the step library, and the last run's record.

- Every clause of every pack that has features is a registered marker (``clause-4.6``,
  ``clause-A2.Q5``; the example pack's ``clause-S4[d]``, see ``gherkin.marker_name``), as are
  ``fires`` and ``does-not-fire``. pytest-bdd turns a scenario's tags into markers, and
  ``--strict-markers`` (pyproject.toml) makes an unregistered one, such as a mistyped
  ``@clause-9.99``, fail the run.
- The step library (``tests/bdd/steps.py``) is made available to every feature.
- A run that includes every scenario of the default pack's features (``features/*.feature``)
  writes their results, as cucumber JSON, to ``build/cucumber.json``, which ``ispcheck
  review-pack`` reads. Another pack's features (``features/<pack>/``) are kept out of it and
  written, likewise, to ``build/cucumber-<pack>.json`` (``ispcheck review-pack --pack <pack>
  --results build/cucumber-<pack>.json``). A partial run (``-k``, one file) leaves the last
  complete run's record alone. ``--cucumberjson=PATH`` writes wherever it is told instead,
  complete or not.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.cucumber_json import LogBDDCucumberJSON
from pytest_bdd.reporting import StepReport, scenario_reports_registry, test_report_context_registry
from pytest_bdd.scenario import scenario_wrapper_template_registry

from ispcheck.pack import DEFAULT_PACK, load_pack
from tests.bdd.gherkin import (
    ROOT,
    feature_files,
    feature_paths,
    marker_name,
    pack_feature_folders,
    scenario_runs,
)
from tests.bdd.steps import *  # noqa: F403  (the step fixtures pytest-bdd generated)

LAST_RUN = ROOT / "build" / "cucumber.json"


def last_run(pack: str) -> Path:
    """Where the last complete run of a pack's features is written: the default pack's is LAST_RUN."""
    return LAST_RUN if pack == DEFAULT_PACK else LAST_RUN.with_name(f"cucumber-{pack}.json")


def register_markers(config: pytest.Config) -> None:
    """Register a marker for every clause of each pack with features, and the two directions of proof."""
    for name in pack_feature_folders():
        for clause in load_pack(name).clauses.values():
            config.addinivalue_line(
                "markers", f"{marker_name('clause-' + clause.id)}: proves {name} {clause.id} ({clause.title})"
            )
    config.addinivalue_line("markers", "fires: the scenario shows its clauses raised")
    config.addinivalue_line(
        "markers", "does-not-fire: the scenario shows the nearest case, where its clauses are not raised"
    )


def pytest_configure(config: pytest.Config) -> None:
    register_markers(config)
    if config.option.cucumber_json_path is None and not hasattr(config, "workerinput"):
        for pack in pack_feature_folders():
            suffix = "" if pack == DEFAULT_PACK else f"-{pack}"
            config.pluginmanager.register(
                LastCompleteRun(str(last_run(pack)), pack), f"ispcheck-last-complete-run{suffix}"
            )


def pytest_bdd_apply_tag(tag: str, function: Any) -> Any:
    """A tag with round brackets (``@clause-S4(d)``) is marked by its registered name (``clause-S4[d]``).

    Any other tag is left to pytest-bdd, which marks it by the tag itself.
    """
    if marker_name(tag) == tag:
        return None
    return getattr(pytest.mark, marker_name(tag))(function)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, step: Any, **_: Any) -> None:
    """Record a step missing from the library as a failed step, so the results show where."""
    report = scenario_reports_registry.get(request.node)
    if report is not None:
        report.add_step_report(StepReport(step=step))
        report.fail()


class LastCompleteRun(LogBDDCucumberJSON):  # type: ignore[misc]
    """Cucumber JSON of one pack's features, written only when every one of them was selected to run."""

    def __init__(self, logfile: str, pack: str = DEFAULT_PACK) -> None:
        super().__init__(logfile)
        self.complete = False
        self.paths = feature_paths(pack)
        self.files = {os.path.realpath(p) for p in self.paths}

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        expected = sum(1 for _ in scenario_runs(feature_files(self.paths)))
        selected = sum(
            1
            for item in session.items
            if (template := scenario_wrapper_template_registry.get(_obj(item))) is not None
            and os.path.realpath(template.feature.filename) in self.files
        )
        self.complete = selected == expected > 0

    def pytest_runtest_logreport(self, report: Any) -> None:
        """Record this pack's scenarios only."""
        context = test_report_context_registry.get(report)
        if (
            context is not None
            and os.path.realpath(context.scenario["feature"]["filename"]) not in self.files
        ):
            return
        super().pytest_runtest_logreport(report)

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
