"""The features account for every clause of the protocol, and their tags tell the truth.

Read from the feature files themselves (no scenario is run here): each scenario's clause tags and
direction (``@fires`` / ``@does-not-fire``) must agree with what its Then steps prove, and every
per-disclosure clause of the pack needs a scenario showing it raised and one showing the nearest
case, where it is not, unless ``coverage.toml`` explains why it has no behaviour of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ispcheck import Checker
from ispcheck.pack import Pack
from ispcheck.review_pack import Explanation, load_explained
from tests.bdd.gherkin import FEATURES, ScenarioRun, feature_files, problems, scenario_runs

TOPICS = {
    "parties-and-signatories",
    "purpose",
    "lawful-basis",
    "consent",
    "necessity-and-proportionality",
    "accuracy",
    "classification-and-handling",
    "onward-and-secondary-disclosure",
    "investigations-and-evidence",
    "children-and-profiling",
    "international-transfer",
    "meetings-generic",
    "meetings-mappa",
    "meetings-marac",
    "meetings-iom",
    "meetings-early-help",
    "meetings-channel",
    "meetings-socjag",
    "records-and-retention",
    "urgent-risk-to-life",
    "protocol-governance",
}


@pytest.fixture(scope="module")
def runs() -> list[ScenarioRun]:
    return list(scenario_runs(feature_files()))


@pytest.fixture(scope="module")
def explained(pack: Pack) -> dict[str, Explanation]:
    return load_explained(pack)


def missing_proof(runs: list[ScenarioRun], pack: Pack, explained: dict[str, Explanation]) -> list[str]:
    """Each per-disclosure clause lacking a scenario either way, in words; empty when covered."""
    shown = {(clause, d) for run in runs for clause in run.clauses for d in run.directions}
    missing = []
    for clause in pack.clauses.values():
        if clause.scope != "disclosure" or clause.id in explained:
            continue
        lacks = [
            what
            for direction, what in (
                ("fires", "a scenario where it is raised (@fires)"),
                ("does-not-fire", "a scenario of the nearest case, where it is not (@does-not-fire)"),
            )
            if (clause.id, direction) not in shown
        ]
        if lacks:
            missing.append(f"{clause.id} ({clause.title}) lacks {' and '.join(lacks)}")
    return missing


def test_there_is_a_feature_for_each_topic_of_the_protocol() -> None:
    names = {p.stem for p in FEATURES.glob("*.feature")}

    assert TOPICS - names == set()


def test_every_per_disclosure_clause_has_a_scenario_raising_it_and_one_where_it_is_not_raised(
    runs: list[ScenarioRun], pack: Pack, explained: dict[str, Explanation]
) -> None:
    missing = missing_proof(runs, pack, explained)

    assert not missing, "Clauses without scenarios both ways:\n" + "\n".join(missing)


def test_the_coverage_check_names_a_clause_whose_scenarios_are_taken_away(
    runs: list[ScenarioRun], pack: Pack, explained: dict[str, Explanation]
) -> None:
    """The check above can fail: without the scenarios tagged 4.6 it names 4.6, both ways."""
    without = [run for run in runs if "4.6" not in run.clauses]

    missing = missing_proof(without, pack, explained)

    assert missing == [
        "4.6 (Ongoing investigations and prosecutions) lacks a scenario where it is raised (@fires) "
        "and a scenario of the nearest case, where it is not (@does-not-fire)"
    ]


def test_every_scenario_is_tagged_with_exactly_the_clauses_its_then_steps_prove_in_one_direction(
    runs: list[ScenarioRun], pack: Pack
) -> None:
    found = [f"{run.where}: {problem}" for run in runs for problem in problems(run, pack)]

    assert not found, "\n".join(found)


def test_a_scenario_whose_tag_its_steps_do_not_back_is_reported(tmp_path: Path, pack: Pack) -> None:
    feature = tmp_path / "wrong.feature"
    feature.write_text(
        "Feature: Wrong\n\n"
        "  @clause-4.6 @clause-4.7 @fires\n"
        "  Scenario: Tagged for more than it proves\n"
        "    Given an ordinary lawful share\n"
        "    When the share is checked against the protocol\n"
        "    Then the reason cites clause 4.6\n"
        "    And clause 7.4 is not raised\n",
        encoding="utf-8",
    )
    (run,) = scenario_runs(feature_files([feature]))

    found = problems(run, pack)

    assert found == [
        "is tagged @clause-4.7 @fires but no Then step shows it raised",
        "a Then step shows clause 7.4 not raised, against its @fires",
    ]


def test_the_explained_clauses_apply_to_disclosures_and_no_rule_or_obligation_cites_them(
    pack: Pack, checker: Checker, explained: dict[str, Explanation]
) -> None:
    """An explained clause must really have no behaviour of its own: otherwise, prove it."""
    cited = {c for r in checker.rules for c in r.rule.clauses} | {
        c for o in checker.obligations for c in o.clauses
    }

    assert explained, "coverage.toml explains nothing"
    assert all(pack.clauses[c].scope == "disclosure" for c in explained)
    assert sorted(set(explained) & cited) == []
    assert all(e.reason and e.see for e in explained.values())


def test_no_scenario_is_tagged_with_an_explained_clause(
    runs: list[ScenarioRun], explained: dict[str, Explanation]
) -> None:
    tagged = sorted({c for run in runs for c in run.clauses} & set(explained))

    assert tagged == []


def test_every_feature_opens_with_who_it_protects_why_and_the_clauses_it_covers() -> None:
    for feature in feature_files():
        description = feature.description
        assert re.search(r"^Who it protects: \S", description, re.MULTILINE), feature.filename
        assert re.search(r"^Why: \S", description, re.MULTILINE), feature.filename
        assert re.search(r"^Clauses covered.*: \S", description, re.MULTILINE), feature.filename


def test_tags_are_on_scenarios_never_on_a_whole_feature() -> None:
    tagged = [f.filename for f in feature_files() if f.tags]

    assert tagged == []


def test_scenario_names_are_unique_within_each_feature() -> None:
    """pytest-bdd keys scenarios by name: a repeated name would silently hide a scenario."""
    for path in sorted(FEATURES.glob("*.feature")):
        written = re.findall(r"^\s*Scenario(?: Outline)?:", path.read_text(encoding="utf-8"), re.MULTILINE)
        (feature,) = feature_files([path])

        assert len(feature.scenarios) == len(written), path.name


def test_every_organisational_clause_is_a_clause_no_scenario_needs_to_prove(
    pack: Pack, explained: dict[str, Explanation]
) -> None:
    """The organisational clauses are listed as such (the review pack shows them); none is explained."""
    organisational = [c.id for c in pack.clauses.values() if c.scope == "organisation"]

    assert organisational
    assert not set(organisational) & set(explained)
