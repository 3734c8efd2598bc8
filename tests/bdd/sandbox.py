"""Running a feature file as its own small pytest project, with this project's markers and steps.

Used to show what happens to a feature that is not (yet) in features/: a mistyped tag, a missing
step. The project gets its own pytest.ini (with ``--strict-markers``, as pyproject.toml has), a
conftest that registers the clause markers and brings in the step library, and a test module that
collects its ``features/`` folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.bdd.gherkin import ROOT

CONFTEST = """\
from tests.bdd.conftest import (  # noqa: F401
    pytest_bdd_apply_tag,
    pytest_bdd_step_func_lookup_error,
    register_markers,
)
from tests.bdd.steps import *  # noqa: F403
from tests.conftest import checker, pack  # noqa: F401


def pytest_configure(config):
    register_markers(config)
"""


def run_feature(folder: Path, feature: str, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "features").mkdir(parents=True)
    (folder / "features" / "proposal.feature").write_text(feature, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\naddopts = --strict-markers\n", encoding="utf-8")
    (folder / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (folder / "test_proposal.py").write_text(
        'from pytest_bdd import scenarios\n\nscenarios("features")\n', encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, str(folder)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
