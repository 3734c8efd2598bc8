"""The review pack built from a real run of the features, and opened in a real browser.

The features are run once for this module, in a separate pytest process writing its cucumber JSON
to a temporary file; the review pack is built from that, as ``ispcheck review-pack`` builds it from
``build/cucumber.json``. Headless Chromium (installed by scripts/install-system-deps.sh) must be
present: without it these tests fail rather than skip, because "seen in a real browser" is the
point.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from markupsafe import escape

from ispcheck import Checker
from ispcheck.cli.main import main
from ispcheck.paperwork.render import chromium_command
from ispcheck.review_pack import ReviewPack, build, load_explained, load_results, render_html, render_markdown
from tests.bdd.gherkin import ROOT, feature_files, scenario_runs
from tests.bdd.sandbox import run_feature

CONSOLE = re.compile(r":CONSOLE[:(]?\d*\)?\] (.*)")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cucumber JSON of a complete run of the features."""
    path = tmp_path_factory.mktemp("run") / "cucumber.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--cucumberjson={path}",
            "tests/bdd/test_features.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return path


@pytest.fixture(scope="module")
def review(results: Path) -> ReviewPack:
    checker = Checker(use_entry_points=False)
    return build(checker.pack, checker.rules, results, obligations=checker.obligations)


def chromium() -> str:
    found = (
        os.environ.get("ISPCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        pytest.fail(
            "Chromium is not installed: run scripts/install-system-deps.sh (it is needed, not optional)"
        )
    return found


def open_in_chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        chromium_command(chromium(), profile, "--enable-logging=stderr", "--v=0", *extra, page.as_uri()),
        capture_output=True,
        text=True,
        timeout=180,
    )


def console_messages(stderr: str) -> list[str]:
    return [m.group(1) for m in CONSOLE.finditer(stderr)]


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height, and how many different row contents the image has (1 for a blank page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        if data[offset + 4 : offset + 8] == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour] * depth // 8
    stride = 1 + width * channels
    rows = {raw[i * stride + 1 : (i + 1) * stride] for i in range(0, height, 10)}
    return width, height, len(rows)


# -- the review pack of a real run ----------------------------------------------------------------


def test_a_real_run_proves_every_clause_with_behaviour_of_its_own_and_all_scenarios_pass(
    review: ReviewPack,
) -> None:
    coverage = review.coverage
    expected_scenarios = sum(1 for _ in scenario_runs(feature_files()))

    assert [c.id for c in review.gaps] == []
    assert review.unfiled == ()
    assert coverage.proven == coverage.provable > 0
    assert coverage.scenarios == coverage.passed == expected_scenarios
    assert coverage.complete


def test_every_clause_of_the_pack_appears_with_its_summary_and_status(review: ReviewPack) -> None:
    checker = Checker(use_entry_points=False)
    html = render_html(review)
    markdown = render_markdown(review)

    explained = load_explained(checker.pack)
    cited = {c for r in checker.rules for c in r.rule.clauses}
    for clause in checker.pack.clauses.values():
        shown = next(c for c in review.clauses if c.id == clause.id)
        expected = (
            "organisational"
            if clause.scope == "organisation" and clause.id not in cited
            else "explained"
            if clause.id in explained
            else "proven"
        )
        assert shown.status == expected, clause.id
        assert f'id="{shown.anchor}"' in html
        assert str(escape(clause.summary)) in html
        assert f"### {clause.id} " in markdown


def test_every_scenario_of_the_run_appears_with_its_steps_and_result(
    review: ReviewPack, results: Path
) -> None:
    html = render_html(review)

    for feature in load_results(results):
        for scenario in feature.scenarios:
            assert str(escape(scenario.name)) in html
            for step in scenario.steps:
                assert f"<b>{escape(step.keyword)}</b> {escape(step.text)}</li>" in html
    assert html.count('<span class="badge passed">Passed</span>') >= review.coverage.scenarios
    assert '<span class="badge failed">' not in html


# -- in a real browser ----------------------------------------------------------------------------


def test_the_review_pack_opens_in_headless_chromium_and_renders_without_console_errors(
    results: Path, review: ReviewPack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review-pack", "--results", str(results), "--output", str(tmp_path / "pack")]) == 0
    capsys.readouterr()
    page = tmp_path / "pack" / "index.html"
    screenshot = tmp_path / "review-pack.png"

    shot = open_in_chromium(
        page,
        tmp_path / "profile",
        f"--screenshot={screenshot}",
        "--window-size=1280,2000",
        "--hide-scrollbars",
    )
    dom = open_in_chromium(page, tmp_path / "profile-dom", "--dump-dom")

    assert shot.returncode == 0, shot.stderr[-2000:]
    assert console_messages(shot.stderr + dom.stderr) == []
    width, height, distinct_rows = png_facts(screenshot)
    assert (width, height) == (1280, 2000)
    assert screenshot.stat().st_size > 50_000
    assert distinct_rows > 50, "the screenshot is (nearly) blank"
    coverage = re.search(r'<span class="figure" id="coverage-figure">(\d+) of (\d+)</span>', dom.stdout)
    assert coverage is not None, "the rendered page has no coverage figure"
    assert coverage.groups() == (str(review.coverage.proven), str(review.coverage.disclosure))
    assert "No gaps: every clause that applies to a disclosure is proven or explained" in dom.stdout


def test_the_console_check_catches_a_page_with_a_script_error(tmp_path: Path) -> None:
    """The control for the test above: a broken page does produce console errors we can see."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en-GB"><body><p>Broken</p><script>notAFunction();</script></body></html>',
        encoding="utf-8",
    )

    result = open_in_chromium(page, tmp_path / "profile", "--dump-dom")

    assert any(
        "Uncaught ReferenceError: notAFunction is not defined" in m for m in console_messages(result.stderr)
    )


def test_a_scenario_with_a_step_the_library_lacks_shows_in_the_results_as_failed_at_that_step(
    tmp_path: Path,
) -> None:
    """A lawyer's proposal run before its steps exist is a visible failure, not a short success."""
    results = tmp_path / "cucumber.json"
    run = run_feature(
        tmp_path / "project",
        "Feature: A proposal\n\n"
        "  @clause-7.4 @fires\n"
        "  Scenario: A victim's new address sent by fax\n"
        "    Given an ordinary lawful share\n"
        "    And it is sent by fax\n"
        "    When the share is checked against the protocol\n"
        "    Then the reason cites clause 7.4\n",
        f"--cucumberjson={results}",
    )

    (feature,) = load_results(results)
    (scenario,) = feature.scenarios
    assert run.returncode != 0
    assert scenario.status == "failed"
    assert [(s.text, s.status) for s in scenario.steps] == [
        ("an ordinary lawful share", "passed"),
        ("it is sent by fax", "failed"),
        ("the share is checked against the protocol", "failed"),
        ("the reason cites clause 7.4", "failed"),
    ]
