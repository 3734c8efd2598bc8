"""The example plugin distribution really installs and is found through the entry-point group.

The distribution under ``examples/plugin-case-system-reference`` is built and installed with pip
into a temporary directory (no network, no build isolation: hatchling comes from this venv). A
fresh interpreter with that directory on ``PYTHONPATH`` then builds ``ispcheck.Checker()`` with
entry points on, so the plugin is discovered exactly as an installed third-party one would be.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .helpers import install_distribution

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLUGIN_SOURCE = EXAMPLES / "plugin-case-system-reference"
# An example that decides ``share`` with the built-in rules, and names the disclosing officer.
BASE_EXAMPLE = EXAMPLES / "police-to-rugby-council-burglary-victim-address-for-target-hardening.yaml"
RULE_ID = "example.case-system-reference"

# Runs in the subprocess: reads {"case name": disclosure, ...} on stdin and the plugin's rule id
# as its argument, and prints what was decided as JSON.
DECIDE = """
import json, sys
from ispcheck import Checker

checker = Checker()
result = {
    "broken": [f"{b.name}: {b.problem}" for b in checker.broken_plugins],
    "plugin_of_rule": checker.plugin_of(sys.argv[1]),
    "cases": {},
}
for name, disclosure in json.load(sys.stdin).items():
    decision = checker.check(disclosure)
    result["cases"][name] = {
        "outcome": decision.outcome.value,
        "findings": [
            {"rule_id": f.rule_id, "effect": f.effect.value, "clauses": list(f.clauses)}
            for f in decision.findings
        ],
    }
print(json.dumps(result))
"""


def _base(**changes: Any) -> dict[str, Any]:
    """The base example with some top-level groups' fields changed (``...`` deletes a field)."""
    disclosure: dict[str, Any] = yaml.safe_load(BASE_EXAMPLE.read_text(encoding="utf-8"))
    for path, value in changes.items():
        group, _, field = path.partition(".")
        if not field:
            disclosure[group] = value
        elif value is ...:
            disclosure[group].pop(field, None)
        else:
            disclosure[group][field] = value
    return disclosure


def _env(extra_path: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if extra_path is not None:
        parts = [str(extra_path), env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(part for part in parts if part)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin installed into its own target directory; returns that directory."""
    work = tmp_path_factory.mktemp("plugin")
    source = work / "source"
    # Build from a copy, so nothing is ever written into the examples folder.
    shutil.copytree(PLUGIN_SOURCE, source, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info"))
    return install_distribution(source, work / "site", env=_env())


@pytest.fixture(scope="module")
def decided(installed: Path) -> dict[str, Any]:
    cases = {
        "officer missing": _base(**{"discloser.officer": ...}),
        "officer blank": _base(**{"discloser.officer": "   "}),
        "officer named": _base(),
        "aggregated figures, no officer": _base(
            **{"discloser.officer": ..., "data.categories": ["aggregated"], "subjects": []}
        ),
    }
    completed = subprocess.run(
        [sys.executable, "-c", DECIDE, RULE_ID],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(installed),
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def _finding(case: dict[str, Any]) -> dict[str, Any] | None:
    return next((f for f in case["findings"] if f["rule_id"] == RULE_ID), None)


def test_pip_installs_the_distribution_with_its_entry_point(installed: Path) -> None:
    (dist_info,) = installed.glob("ispcheck_example_case_reference-*.dist-info")
    entry_points = (dist_info / "entry_points.txt").read_text(encoding="utf-8")
    assert "[ispcheck.rules]" in entry_points
    assert "case-system-reference = ispcheck_example_case_reference" in entry_points


def test_the_checker_finds_the_installed_plugin_through_the_entry_point_group(
    decided: dict[str, Any],
) -> None:
    assert decided["broken"] == []
    assert decided["plugin_of_rule"].startswith("case-system-reference")


def test_the_rule_adds_a_condition_when_the_disclosing_officer_is_not_named(
    decided: dict[str, Any],
) -> None:
    case = decided["cases"]["officer missing"]
    finding = _finding(case)
    assert finding == {"rule_id": RULE_ID, "effect": "condition", "clauses": ["A2.Q8", "A2.Q10"]}
    assert case["outcome"] == "share_with_conditions"


def test_a_blank_officer_counts_as_not_named(decided: dict[str, Any]) -> None:
    assert _finding(decided["cases"]["officer blank"]) is not None


def test_the_rule_stays_silent_when_the_officer_is_named(decided: dict[str, Any]) -> None:
    case = decided["cases"]["officer named"]
    assert _finding(case) is None
    assert case["outcome"] == "share"


def test_the_rule_stays_silent_when_no_personal_data_is_shared(decided: dict[str, Any]) -> None:
    case = decided["cases"]["aggregated figures, no officer"]
    assert _finding(case) is None
    assert case["outcome"] == "share"
