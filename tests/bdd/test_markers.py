"""Clause tags are registered markers, so a mistyped tag stops the run instead of proving nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ispcheck.pack import Pack
from tests.bdd.sandbox import run_feature

SCENARIO = """Feature: A proposal
  Who it protects: victims. Why: 4.6. Clauses covered: 4.6.

  {tags}
  Scenario: A share about a live investigation waits for the investigating officer
    Given an ordinary lawful share
    And the information relates to an ongoing investigation
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.6
"""


def test_every_clause_of_the_pack_and_both_directions_are_registered_markers(
    request: pytest.FixtureRequest, pack: Pack
) -> None:
    registered = {line.split(":")[0].strip() for line in request.config.getini("markers")}

    assert {f"clause-{c}" for c in pack.clauses} <= registered
    assert {"fires", "does-not-fire"} <= registered


@pytest.mark.parametrize(
    ("tags", "unknown"),
    [("@clause-9.99 @fires", "clause-9.99"), ("@clause-4.6 @fire", "fire")],
)
def test_a_mistyped_tag_fails_the_run(tmp_path: Path, tags: str, unknown: str) -> None:
    result = run_feature(tmp_path, SCENARIO.format(tags=tags))

    assert result.returncode != 0
    assert f"'{unknown}' not found in `markers` configuration option" in result.stdout + result.stderr


def test_the_same_scenario_with_correct_tags_runs_and_passes(tmp_path: Path) -> None:
    """The control for the test above: only the typo made the run fail."""
    result = run_feature(tmp_path, SCENARIO.format(tags="@clause-4.6 @fires"))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
