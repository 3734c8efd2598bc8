"""Runs the scenarios of features/example-csp/ against the example pack, and holds them to its clauses.

The example pack (``rules/example-csp``, a fictional protocol) numbers its clauses its own way
(``S4(d)``, ``Sch5``), so its scenarios are tagged ``@clause-S4(d)`` and run here, where ``pack``,
``checker`` and the ordinary lawful share they start from are the example pack's: Exampleshire
Police propose to share a victim's current address with Example Borough Council, both signatories.
The step library is the one every feature uses (``steps.py``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pytest_bdd import scenarios

from ispcheck import Checker
from ispcheck.pack import Pack, load_pack
from tests.bdd.gherkin import (
    FEATURES,
    feature_files,
    feature_paths,
    marker_name,
    pack_feature_folders,
    pack_for_feature,
    problems,
    scenario_runs,
)
from tests.conftest import FIXED_TIME, clean_disclosure

PACK = "example-csp"

scenarios(*(str(path) for path in feature_paths(PACK)))


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK)


@pytest.fixture(scope="module")
def checker(pack: Pack) -> Checker:
    """The built-in rules only, deciding at a fixed time, under the example pack."""
    return Checker(pack, use_entry_points=False, clock=lambda: FIXED_TIME)


@pytest.fixture
def ordinary_disclosure() -> dict[str, Any]:
    """The ordinary lawful share of the example pack: its own police and council, both signatories."""
    return clean_disclosure(
        **{
            "discloser.organisation": "Exampleshire Police",
            "data.originator": "Exampleshire Police",
            "recipient.organisation": "Example Borough Council",
        }
    )


def test_the_example_features_are_in_their_own_folder_and_written_for_the_example_pack() -> None:
    paths = feature_paths(PACK)

    assert pack_feature_folders()[PACK] == FEATURES / PACK
    assert len(paths) >= 2
    assert all(pack_for_feature(p) == PACK for p in paths)
    assert not set(paths) & set(feature_paths())


def test_the_ordinary_lawful_share_of_the_example_pack_is_share(
    checker: Checker, ordinary_disclosure: dict[str, Any]
) -> None:
    assert checker.check(ordinary_disclosure).outcome.value == "share"


def test_every_example_scenario_is_tagged_with_exactly_the_clauses_its_then_steps_prove(pack: Pack) -> None:
    runs = list(scenario_runs(feature_files(feature_paths(PACK))))
    found = [f"{run.where}: {problem}" for run in runs for problem in problems(run, pack)]

    assert len(runs) >= 4
    assert not found, "\n".join(found)


def test_the_example_scenarios_prove_clauses_of_the_example_pack_only(pack: Pack) -> None:
    tagged = {c for run in scenario_runs(feature_files(feature_paths(PACK))) for c in run.clauses}
    shape = re.compile(pack.meta.clause_id_pattern or "")

    assert tagged <= set(pack.clauses)
    assert all(shape.fullmatch(c) for c in tagged)
    assert not tagged & set(load_pack().clauses)


def test_the_example_scenarios_show_both_ways_and_their_features_say_who_they_protect_and_why() -> None:
    runs = list(scenario_runs(feature_files(feature_paths(PACK))))

    assert {d for run in runs for d in run.directions} == {"fires", "does-not-fire"}
    for feature in feature_files(feature_paths(PACK)):
        assert re.search(r"^Who it protects: \S", feature.description, re.MULTILINE), feature.filename
        assert re.search(r"^Why: \S", feature.description, re.MULTILINE), feature.filename
        assert re.search(r"^Clauses covered.*: \S", feature.description, re.MULTILINE), feature.filename


def test_a_clause_tag_with_round_brackets_is_a_registered_marker_under_its_square_bracket_name(
    request: pytest.FixtureRequest, pack: Pack
) -> None:
    registered = {line.split(":")[0].strip() for line in request.config.getini("markers")}

    assert marker_name("clause-S4(d)") == "clause-S4[d]"
    assert {marker_name(f"clause-{c}") for c in pack.clauses} <= registered
    assert "clause-4.6" in registered  # the default pack's markers are still there


def test_a_complete_run_writes_the_example_packs_results_beside_the_default_packs() -> None:
    from tests.bdd.conftest import LAST_RUN, last_run

    assert last_run(PACK) == LAST_RUN.with_name("cucumber-example-csp.json")
    assert last_run(load_pack().name) == LAST_RUN


def test_the_default_packs_features_do_not_include_the_example_packs() -> None:
    default = {str(p) for p in feature_paths()}

    assert default
    assert not any(f"{PACK}" in p for p in default)
    assert {f.filename for f in feature_files()} == default
