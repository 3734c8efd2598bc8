"""The step library is what the lawyers' guide says it is, and its tools help a lawyer propose."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ispcheck import Checker
from tests.bdd.gherkin import FEATURES, ROOT, feature_files, phrase_for, scenario_runs
from tests.bdd.missing_steps import main as missing_steps
from tests.bdd.missing_steps import phrase_list
from tests.bdd.steps import PHRASES, organisation

GUIDE = FEATURES / "README.md"
PHRASES_BLOCK = re.compile(r"<!-- phrases:start[^>]*-->\n(.*?)<!-- phrases:end -->", re.DOTALL)


def test_the_phrases_in_the_lawyers_guide_are_exactly_those_of_the_step_library() -> None:
    documented = PHRASES_BLOCK.search(GUIDE.read_text(encoding="utf-8"))

    assert documented is not None, "features/README.md has lost its phrases markers"
    assert documented.group(1) == phrase_list(), (
        "features/README.md is out of date: paste the output of "
        ".venv/bin/python -m tests.bdd.missing_steps --phrases between the markers"
    )


def test_every_phrase_of_the_library_is_used_by_some_feature() -> None:
    used = {id(p) for run in scenario_runs(feature_files()) for step in run.steps for p in phrase_for(step)}

    unused = [p.template for p in PHRASES if id(p) not in used]

    assert unused == []


def test_a_misspelt_organisation_fails_with_the_nearest_names(checker: Checker) -> None:
    with pytest.raises(AssertionError, match="Rugby Borough Council") as raised:
        organisation("Rugby Borogh Council", checker)

    assert "an agency that has not signed the protocol" in str(raised.value)


def test_a_signatory_is_accepted_by_its_short_name(checker: Checker) -> None:
    assert organisation("Warks Police", checker) == "Warks Police"


def test_the_missing_steps_command_marks_an_unknown_step_and_offers_the_nearest_phrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proposal = tmp_path / "proposal.feature"
    proposal.write_text(
        "Feature: A proposal\n\n"
        "  @clause-7.4 @fires\n"
        "  Scenario: A victim's new address sent by plain email\n"
        "    Given Warwickshire Police propose to share a victim's new address with Refuge\n"
        "    And it is sent by plain email\n"
        "    When the share is checked against the protocol\n"
        "    Then the reason cites clause 7.4\n",
        encoding="utf-8",
    )

    status = missing_steps([str(proposal)])

    out = capsys.readouterr().out
    assert status == 1
    assert "MISSING  And it is sent by plain email" in out
    assert "nearest: it is sent {route}" in out
    assert "by ordinary email" in out
    assert "ok       Given Warwickshire Police propose to share a victim's new address with Refuge" in out
    assert "1 step(s) missing from the step library" in out


def test_the_missing_steps_command_reports_tags_the_steps_do_not_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proposal = tmp_path / "proposal.feature"
    proposal.write_text(
        "Feature: A proposal\n\n"
        "  Scenario: No tags at all\n"
        "    Given an ordinary lawful share\n"
        "    When the share is checked against the protocol\n"
        "    Then the answer is share\n",
        encoding="utf-8",
    )

    status = missing_steps([str(proposal)])

    out = capsys.readouterr().out
    assert status == 1
    assert "TAGS     no @clause-... tag says which clause it proves" in out
    assert "TAGS     needs exactly one of @fires or @does-not-fire" in out


def test_the_missing_steps_script_passes_the_example_proposal_in_the_lawyers_guide(tmp_path: Path) -> None:
    """The guide's worked example can run as written, through the one command it tells lawyers to use."""
    guide = GUIDE.read_text(encoding="utf-8")
    example = re.search(r"```gherkin\n(\s*Feature: My proposal.*?)```", guide, re.DOTALL)
    assert example is not None
    lines = example.group(1).splitlines()
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    proposal = tmp_path / "my-proposal.feature"
    proposal.write_text("\n".join(line[indent:] for line in lines) + "\n", encoding="utf-8")

    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "missing-steps.sh"), str(proposal.relative_to(tmp_path))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "this feature can run as written" in result.stdout


def test_every_shipped_feature_passes_the_missing_steps_check(capsys: pytest.CaptureFixture[str]) -> None:
    status = missing_steps([str(p) for p in sorted(FEATURES.glob("*.feature"))])

    assert status == 0, capsys.readouterr().out


def test_every_value_the_step_librarys_words_stand_for_is_a_value_of_the_contract() -> None:
    """The scenarios' words are one reading of the contract: each must mean a code it has."""
    from ispcheck.vocabulary import VOCABULARY
    from tests.bdd import steps

    words_for = {
        "setting": steps.MEETINGS,
        "purpose": steps.PURPOSES,
        "article6": steps.ARTICLE6,
        "article9": steps.ARTICLE9,
        "schedule1_condition": steps.SCHEDULE1,
        "schedule8_condition": steps.SCHEDULE8,
        "gateway": steps.GATEWAYS,
        "classification": steps.CLASSIFICATIONS,
        "organisation_kind": steps.KINDS,
        "distribution": steps.DISTRIBUTIONS,
    }
    for vocabulary, words in words_for.items():
        unknown = set(words.values()) - set(VOCABULARY[vocabulary])
        assert unknown == set(), f"{vocabulary}: {sorted(unknown)} are not codes of the contract"
    # Every meeting and every purpose of the contract can be said in a scenario.
    assert set(steps.MEETINGS.values()) == set(VOCABULARY["setting"]) - {"outside_meeting"}
    assert set(steps.PURPOSES.values()) == set(VOCABULARY["purpose"])
