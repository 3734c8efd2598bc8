"""The legal review pack, from made-up test results: coverage, gaps, failures, rendering, the command.

The review pack built from a real run of the features, and opened in a browser, is tested in
tests/bdd/test_review_pack.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from ispcheck import Checker
from ispcheck.cli.main import main
from ispcheck.pack import Pack, load_pack
from ispcheck.review_pack import (
    ReviewPack,
    ReviewPackError,
    build,
    load_explained,
    load_results,
    render_html,
    render_markdown,
)

STEPS = ("Given", "When", "Then")


def element(
    name: str, tags: list[str], statuses: tuple[str, ...] = ("passed",) * 3, error: str | None = None
) -> dict[str, Any]:
    steps = []
    for index, (keyword, status) in enumerate(zip(STEPS, statuses, strict=True)):
        result: dict[str, Any] = {"status": status, "duration": 1000}
        if status == "failed" and error:
            result["error_message"] = error
        steps.append(
            {
                "keyword": keyword,
                "name": f"{name}: step {index + 1}",
                "line": 5 + index,
                "match": {"location": ""},
                "result": result,
            }
        )
    return {
        "keyword": "Scenario",
        "id": "test_" + re.sub(r"\W+", "_", name.lower()),
        "name": name,
        "line": 4,
        "description": "",
        "tags": [{"name": t, "line": 3} for t in tags],
        "type": "scenario",
        "steps": steps,
    }


def checked_on_each_share(pack: Pack) -> list[str]:
    """Clauses the pack says apply to each share, and those any built-in rule cites."""
    cited = {c for r in Checker(pack, use_entry_points=False).rules for c in r.rule.clauses}
    return [c.id for c in pack.clauses.values() if c.scope == "disclosure" or c.id in cited]


def provable(pack: Pack) -> list[str]:
    explained = load_explained(pack)
    return [c for c in checked_on_each_share(pack) if c not in explained]


def complete_run(pack: Pack) -> list[dict[str, Any]]:
    """A scenario each way for every clause that needs one, all passing."""
    elements = []
    for clause in provable(pack):
        elements.append(element(f"{clause} raised", [f"clause-{clause}", "fires"]))
        elements.append(element(f"{clause} not raised", [f"clause-{clause}", "does-not-fire"]))
    return elements


def write_results(path: Path, elements: list[dict[str, Any]]) -> Path:
    feature = {
        "keyword": "Feature",
        "uri": "features/made-up.feature",
        "name": "Made up",
        "id": "features/made-up.feature",
        "line": 1,
        "description": "Who it protects: nobody in particular.\nWhy: to test the review pack.",
        "language": "en",
        "tags": [],
        "elements": elements,
    }
    path.write_text(json.dumps([feature]), encoding="utf-8")
    return path


def review_of(tmp_path: Path, checker: Checker, elements: list[dict[str, Any]], **kw: Any) -> ReviewPack:
    results = write_results(tmp_path / "cucumber.json", elements)
    return build(checker.pack, checker.rules, results, obligations=checker.obligations, **kw)


def clause(review: ReviewPack, clause_id: str) -> Any:
    return next(c for c in review.clauses if c.id == clause_id)


# -- coverage -----------------------------------------------------------------------------------


def test_a_run_proving_every_clause_both_ways_accounts_for_every_clause(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    coverage = review.coverage
    assert [c.id for c in review.clauses] == list(pack.clauses)
    assert coverage.proven == coverage.provable == len(provable(pack))
    assert coverage.explained == len(load_explained(pack))
    assert coverage.organisational == len(pack.clauses) - len(checked_on_each_share(pack))
    assert (coverage.gaps, coverage.failed, coverage.percent, coverage.complete) == (0, 0, 100, True)
    assert coverage.accounted == coverage.clauses == len(pack.clauses)


def test_a_clause_without_a_scenario_of_the_nearest_case_is_a_gap(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    elements = [e for e in complete_run(pack) if e["name"] != "4.6 not raised"]

    review = review_of(tmp_path, checker, elements)

    assert clause(review, "4.6").status == "gap"
    assert clause(review, "4.6").problems == (
        "No passing scenario shows the nearest case, where it is not raised.",
    )
    assert [c.id for c in review.gaps] == ["4.6"]
    assert review.coverage.gaps == 1
    assert not review.coverage.complete


def test_a_failing_scenario_makes_its_clause_a_gap_and_shows_where_it_failed(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    elements = [e for e in complete_run(pack) if e["name"] != "4.6 raised"]
    elements.append(
        element(
            "4.6 raised",
            ["clause-4.6", "fires"],
            ("passed", "passed", "failed"),
            error="AssertionError: the answer is share, not refer",
        )
    )

    review = review_of(tmp_path, checker, elements)
    html = render_html(review)

    assert clause(review, "4.6").problems == (
        "The scenario “4.6 raised” (features/made-up.feature) failed.",
        "No passing scenario shows the library raising it.",
    )
    assert review.coverage.failed == 1
    assert "AssertionError: the answer is share, not refer" in html
    assert '<li class="step failed"><span class="mark" aria-label="Failed">✗</span> <b>Then</b>' in html


def test_a_run_with_no_scenarios_leaves_every_provable_clause_a_gap(tmp_path: Path, checker: Checker) -> None:
    review = review_of(tmp_path, checker, [])

    assert review.coverage.proven == 0
    assert review.coverage.gaps == review.coverage.provable
    assert not review.coverage.complete


def test_an_explained_clause_shows_its_reason_and_counts_as_explained_not_proven(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    explained = clause(review, "7.1")
    assert explained.status == "explained"
    assert explained.explanation is not None
    assert "justified on its own facts" in explained.explanation.reason
    assert str(escape(explained.explanation.reason)) in render_html(review)


def test_organisational_clauses_are_listed_as_such_and_those_a_rule_checks_must_be_proven(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    """A clause a rule enforces on each share is not labelled as if no rule touched it (16.1, 8.1)."""
    review = review_of(tmp_path, checker, complete_run(pack))

    indemnity = clause(review, "17.1")
    review_clause = clause(review, "16.1")
    breaches = clause(review, "13.1")
    assert (indemnity.status, indemnity.rules, indemnity.scenarios) == ("organisational", (), ())
    assert indemnity.scope_in_words == "Binds the organisations"
    assert pack.clauses["16.1"].scope == "organisation"
    assert [r.id for r in review_clause.rules] == ["governance.pack-past-review"]
    assert (review_clause.status, review_clause.scope) == ("proven", "disclosure")
    assert review_clause.scope_in_words == "Binds the organisations, and is checked on each share"
    assert (breaches.status, breaches.scope_in_words) == (
        "organisational",
        "Binds the organisations; a reminder goes with every share",
    )


def test_an_organisational_clause_a_rule_checks_is_a_gap_without_its_scenarios(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    elements = [e for e in complete_run(pack) if not e["name"].startswith("8.1 ")]

    review = review_of(tmp_path, checker, elements)

    designated = clause(review, "8.1")
    assert designated.status == "gap"
    assert "No passing scenario shows the library raising it." in designated.problems


def test_a_clause_lists_every_rule_and_standing_obligation_that_cites_it(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    a3 = clause(review, "A3")
    assert {"parties.recipient-not-signatory", "setting.declaration", "setting.requirements"} <= {
        r.id for r in a3.rules
    }
    assert {o.id for o in a3.obligations} == {"stated-purpose-only", "need-to-know"}
    assert [o.id for o in clause(review, "7.5").obligations] == ["keep-secure-and-destroy"]


def test_each_rule_says_in_plain_english_when_it_applies(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    rules = {r.id: r for r in clause(review, "7.4").rules}
    post = "When personal data is involved and the way it is sent is post."
    assert rules["handling.post"].fires_when == post
    consulted = {r.id: r for r in clause(review, "4.6").rules}["investigation.not-consulted"]
    assert consulted.fires_when == (
        "When personal data is involved, the information relates to an ongoing investigation or "
        "prosecution and it is not recorded that the investigating officer and the Crown Prosecution "
        "Service were consulted."
    )
    declaration = {r.id: r for r in clause(review, "6.1").rules}["setting.declaration"]
    assert declaration.fires_when == (
        "When personal data is involved, and it is shared at a meeting (each meeting has its own finding)."
    )
    leaving = {r.id: r for r in clause(review, "7.3").rules}["onward.meeting-content"]
    assert leaving.fires_when == (
        "When personal data is involved, and the information was first shared at a meeting and is now "
        "to be shared outside that meeting (each meeting has its own finding, one for when the chair "
        "of the meeting it came from agreed to it being shared outside the meeting and one for when "
        "it is not recorded that it did)."
    )
    evidence = {r.id: r for r in clause(review, "A9").rules}["evidence.from-meeting"]
    assert evidence.fires_when == (
        "When personal data is involved, the information is wanted as evidence and whether a formal "
        "request was made on the protocol's request form (or the partner's official equivalent) is "
        '"not applicable" or no, or it is not known, and one of these holds: (1) it is shared at a '
        "meeting and who wants to use it as evidence is the recipient (a partner asking the data "
        "owner), or it is not known; or (2) the information was first shared at a meeting, it is not "
        "shared at a meeting and who wants to use it as evidence is the recipient (a partner asking "
        "the data owner), or it is not known; or (3) who wants to use it as evidence is the discloser "
        "(serving its own evidence under court rules) and it is shared at a meeting; or (4) who wants "
        "to use it as evidence is the discloser (serving its own evidence under court rules), the "
        "information was first shared at a meeting and it is not shared at a meeting."
    )
    predicate = {r.id: r for r in clause(review, "6.4").rules}["handling.mark-official-sensitive"]
    assert predicate.fires_when.startswith(
        "When personal data is involved and the protective marking is OFFICIAL: routine public sector "
        "business, and it includes special category or criminal offence data"
    )
    for rule in (r for c in review.clauses for r in c.rules):
        assert "_" not in rule.fires_when.replace("(1)", ""), (rule.id, rule.fires_when)
    html = render_html(review)
    assert "When personal data is involved and the way it is sent is post." in html
    assert "When personal data is involved and the way it is sent is post." in render_markdown(review)


def test_each_clause_shows_the_interpretations_of_it_for_the_dpo_to_accept(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    onward = clause(review, "7.3")
    expected = {i.id for i in pack.interpretations.values() if "7.3" in i.clauses}
    assert expected
    assert {r.id for r in onward.readings} == expected
    html = render_html(review)
    for number, reading in onward.numbered_readings:
        if reading in onward.readings:
            assert f'Interpretation {number}, for the DPO to accept:</b> <a href="#{reading.anchor}">' in html
    urgent = [r.id for r in onward.rule_readings]
    assert "urgent-record-afterwards" in urgent, "a rule citing 7.3 rests on it, though it does not cite 7.3"
    refused = next(r for r in onward.rules if r.id == "onward.originator-refused")
    assert [r.id for _, r in onward.readings_of(refused)] == [
        r.id for _, r in onward.numbered_readings if r.id in refused.readings
    ]
    assert clause(review, "17.1").readings == clause(review, "17.1").rule_readings == ()


def test_the_review_pack_says_which_rules_read_which_data_protection_law(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    regimes = {regime: ids for regime, _, ids in review.law_regimes}
    assert "lawful-basis.article6-missing" in regimes["uk_gdpr"]
    assert "lawful-basis.law-enforcement-no-policy-document" in regimes["law_enforcement"]
    assert "international.transfer" in regimes["data_protection"]
    assert "lawful-basis.about-the-dead" in regimes["none"]
    assert sum(len(ids) for ids in regimes.values()) == len(checker.rules)
    html = render_html(review)
    assert 'id="law-regimes"' in html
    assert "<code>lawful-basis.law-enforcement-no-policy-document</code>" in html
    # Each rule is listed by what it checks, in words, with its id beside it.
    listed = "<li>An Article 6 lawful basis is identified <code>lawful-basis.article6-missing</code></li>"
    assert listed in html
    rules = {r.id: r for r in clause(review, "5.2").rules}
    assert rules["lawful-basis.article6-missing"].to_dict()["law_regime"] == "uk_gdpr"
    assert review.to_dict()["law_regimes"][0]["regime"] == "uk_gdpr"


def test_rules_the_protocol_does_not_set_out_are_listed_as_not_in_this_protocol_and_counted(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    from ispcheck.concepts import CONCEPTS
    from ispcheck.engine import LeftOutRule

    lawful = next(r for r in checker.rules if r.rule.id == "lawful-basis.article6-missing")
    sub_judice = next(r for r in checker.rules if r.rule.id == "investigation.not-consulted")
    left_out = (
        LeftOutRule(sub_judice.rule, sub_judice.plugin, ("ongoing-investigations",)),
        LeftOutRule(lawful.rule, lawful.plugin, ("lawful-sharing",)),
    )
    review = review_of(tmp_path, checker, complete_run(pack), left_out=left_out)

    assert review.coverage.not_in_protocol == 2
    assert "2 rule(s) not in this protocol" in review.coverage.summary()
    markdown = render_markdown(review)
    section = markdown.split("## Not in this protocol")[1].split("\n## ")[0]
    assert "`investigation.not-consulted`" in section and CONCEPTS["ongoing-investigations"] in section
    assert section.count("applies whatever the protocol says") == 1  # only the rule that reads the law
    html = render_html(review)
    assert 'id="not-in-this-protocol"' in html and 'href="#not-in-this-protocol"' in html
    listed = review.to_dict()["not_in_this_protocol"]
    assert [r["rule"] for r in listed] == ["investigation.not-consulted", "lawful-basis.article6-missing"]
    assert listed[1]["reads_law"]


def test_with_every_concept_set_out_there_is_no_not_in_this_protocol_section(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))
    assert review.coverage.not_in_protocol == 0
    assert "Not in this protocol" not in render_markdown(review)
    assert 'id="not-in-this-protocol"' not in render_html(review)


def test_the_glossary_defines_every_fact_a_rule_can_turn_on(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    from ispcheck.gates import FACT_DOMAINS

    review = review_of(tmp_path, checker, complete_run(pack))

    assert {g.name for g in review.glossary} == set(FACT_DOMAINS)
    entries = {g.name: g for g in review.glossary}
    worked_out = entries["came_from_elsewhere"].worked_out
    assert worked_out.startswith("Yes when whoever first gave the information refused")
    assert entries["context.ongoing_investigation"].worked_out == (
        "Given by the case system, as context.ongoing_investigation."
    )
    assert "not taken as absent" in entries["context.ongoing_investigation"].if_not_known
    html = render_html(review)
    assert 'id="fact-came_from_elsewhere"' in html
    assert "## Glossary: what each term means" in render_markdown(review)


def test_scenarios_without_clause_tags_or_direction_are_listed_as_proving_nothing(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    elements = [
        *complete_run(pack),
        element("untagged", []),
        element("no direction", ["clause-4.6"]),
        element("another pack", ["clause-99.1", "fires"]),
    ]

    review = review_of(tmp_path, checker, elements)

    assert [(s.name, problem) for s, problem in review.unfiled] == [
        ("untagged", "It has no @clause-… tag, so it proves no clause."),
        ("no direction", "It needs exactly one of @fires or @does-not-fire."),
        ("another pack", "It is tagged with clauses this pack does not have: 99.1."),
    ]
    assert not review.coverage.complete


def test_feature_files_changed_after_the_run_are_pointed_out(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    features = tmp_path / "features"
    features.mkdir()
    (features / "consent.feature").write_text("Feature: Consent\n", encoding="utf-8")
    results = write_results(tmp_path / "cucumber.json", complete_run(pack))
    os.utime(results, (1_000_000_000, 1_000_000_000))

    review = build(checker.pack, checker.rules, results, features_dir=features)

    assert review.notes[-1] == (
        "Feature files changed since this run (consent.feature): run the tests again before "
        "relying on this review pack."
    )


# -- reading the inputs -------------------------------------------------------------------------


def test_missing_results_say_how_to_produce_them(tmp_path: Path) -> None:
    with pytest.raises(ReviewPackError, match=r"There are no test results at .*Run the features first"):
        load_results(tmp_path / "nowhere.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "cannot be read as JSON"),
        ('{"features": []}', "is not the cucumber JSON pytest-bdd writes"),
        ('[{"uri": "x.feature", "elements": [{"name": "no steps"}]}]', "is not the cucumber JSON"),
    ],
)
def test_results_that_are_not_cucumber_json_are_refused_with_the_file_named(
    tmp_path: Path, text: str, message: str
) -> None:
    results = tmp_path / "results.json"
    results.write_text(text, encoding="utf-8")

    with pytest.raises(ReviewPackError, match=message) as raised:
        load_results(results)

    assert str(results) in str(raised.value)


def pack_copy(tmp_path: Path, coverage: str) -> Pack:
    folder = tmp_path / "pack"
    shutil.copytree(load_pack().path or "", folder)
    (folder / "coverage.toml").write_text(coverage, encoding="utf-8")
    return load_pack(folder)


def test_a_malformed_coverage_file_names_every_bad_entry(tmp_path: Path) -> None:
    pack = pack_copy(
        tmp_path,
        '[[explained]]\nclause = "17.1"\nreason = "organisational"\n\n'
        '[[explained]]\nclause = "9.99"\nreason = "no such clause"\n\n'
        '[[explained]]\nclause = "7.1"\n\n'
        '[[explained]]\nclause = "2.4"\nreason = "fine"\nsee = ["A99"]\n',
    )

    with pytest.raises(ReviewPackError) as raised:
        load_explained(pack)

    message = str(raised.value)
    assert "explained[0] (17.1): clause 17.1 is organisational" in message
    assert "explained[1] (9.99): clause '9.99' is not in clauses.toml" in message
    assert "explained[2] (7.1): needs a reason" in message
    assert "explained[3] (2.4): 'see' must list clauses of the pack" in message


def test_explaining_away_a_clause_that_a_rule_enforces_is_a_gap(tmp_path: Path) -> None:
    pack = pack_copy(tmp_path, '[[explained]]\nclause = "4.6"\nreason = "we would rather not"\n')
    checker = Checker(pack, use_entry_points=False)
    results = write_results(tmp_path / "cucumber.json", [])

    review = build(pack, checker.rules, results)

    four_six = next(c for c in review.clauses if c.id == "4.6")
    assert four_six.status == "gap"
    assert four_six.problems == (
        "It is explained as having no behaviour of its own, but investigation.not-consulted, "
        "unknown.ongoing-investigation cite it: prove it with scenarios instead.",
    )


# -- rendering ----------------------------------------------------------------------------------


def test_the_html_page_is_self_contained_printable_and_escapes_what_it_shows(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    elements = [*complete_run(pack), element("<script>alert(1)</script>", ["clause-4.6", "fires"])]

    html = render_html(review_of(tmp_path, checker, elements))

    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//|<link|@import|url\(""", html)
    assert "@media print" in html and "@page" in html
    disclosure = len(checked_on_each_share(pack))
    assert f'id="coverage-figure">{len(provable(pack))} of {disclosure}</span>' in html


def test_the_html_page_shows_every_clause_with_its_anchor_and_status(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    html = render_html(review)

    for item in review.clauses:
        assert f'<article class="clause {item.status}" id="{item.anchor}">' in html
    assert "No gaps: every clause that applies to a disclosure is proven or explained" in html


def test_the_html_page_lists_the_gaps_at_the_top(tmp_path: Path, checker: Checker, pack: Pack) -> None:
    elements = [e for e in complete_run(pack) if not e["name"].startswith("A5 ")]

    html = render_html(review_of(tmp_path, checker, elements))

    gaps = html[html.index('<section id="gaps-section">') : html.index('<section id="how-to-read">')]
    assert '<a href="#clause-A5">A5 MARAC confidentiality statement</a>' in gaps
    assert "1 clause has a gap" in html


def test_the_markdown_has_the_coverage_every_clause_and_the_steps(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    markdown = render_markdown(review)

    assert markdown.startswith(
        "# Legal review pack: Warwickshire Community Safety Information Sharing Protocol\n"
    )
    assert f"**{review.coverage.proven} of {review.coverage.disclosure}**" in markdown
    for item in review.clauses:
        assert f"### {item.id} " in markdown
    assert "1. ✓ **Given** 4.6 raised: step 1" in markdown
    assert "\n\n\n" not in markdown


# -- the command ----------------------------------------------------------------------------------


def run_command(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["review-pack", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_writes_both_documents_and_exits_0_when_every_clause_is_accounted_for(
    tmp_path: Path, pack: Pack, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_results(tmp_path / "cucumber.json", complete_run(pack))

    status, out, _ = run_command(["--results", str(results), "--output", str(tmp_path / "out")], capsys)

    assert status == 0
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "out" / "review-pack.md").is_file()
    disclosure = len(checked_on_each_share(pack))
    assert f"Coverage: {len(provable(pack))} of {disclosure} per-disclosure clauses proven by passing" in out


def test_the_command_exits_3_and_lists_the_gaps_when_a_clause_is_not_proven(
    tmp_path: Path, pack: Pack, capsys: pytest.CaptureFixture[str]
) -> None:
    elements = [e for e in complete_run(pack) if e["name"] != "7.4 raised"]
    results = write_results(tmp_path / "cucumber.json", elements)

    status, out, _ = run_command(["--results", str(results), "--output", str(tmp_path / "out")], capsys)

    assert status == 3
    assert "  - 7.4 Secure transmission and storage: No passing scenario shows the library raising it." in out
    assert (tmp_path / "out" / "index.html").is_file()


def test_the_command_writes_nothing_and_exits_1_without_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run_command(
        ["--results", str(tmp_path / "none.json"), "--output", str(tmp_path / "out")], capsys
    )

    assert status == 1
    assert "There are no test results" in err
    assert not (tmp_path / "out").exists()


def test_the_command_reports_coverage_as_json_for_machines(
    tmp_path: Path, pack: Pack, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_results(tmp_path / "cucumber.json", complete_run(pack))

    status, out, _ = run_command(
        ["--results", str(results), "--output", str(tmp_path / "out"), "--format", "json"], capsys
    )

    report = json.loads(out)
    assert status == 0
    assert report["coverage"]["proven"] == len(provable(pack))
    assert report["coverage"]["complete"] is True
    assert report["gaps"] == []
    assert report["written"] == [
        str(tmp_path / "out" / "index.html"),
        str(tmp_path / "out" / "review-pack.md"),
    ]


def test_the_wheel_carries_the_review_pack_templates_and_the_coverage_file() -> None:
    from hatchling.builders.wheel import WheelBuilder

    root = Path(__file__).resolve().parents[1]
    shipped = {f.distribution_path for f in WheelBuilder(str(root)).recurse_included_files()}

    assert {
        "ispcheck/templates/review_pack.html.j2",
        "ispcheck/templates/review_pack.md.j2",
        "ispcheck/packs/warwickshire-csp/coverage.toml",
        "ispcheck/review_pack.py",
        "ispcheck/cli/review_pack_command.py",
    } <= shipped


def test_every_reading_beyond_the_protocols_words_is_set_out_with_the_rules_that_rest_on_it(
    tmp_path: Path, checker: Checker, pack: Pack
) -> None:
    review = review_of(tmp_path, checker, complete_run(pack))

    readings = {r.id: r for r in review.readings}
    assert set(readings) == set(pack.interpretations)
    assert readings["originator-refusal-refers"].rules == ("onward.originator-refused",)
    assert readings["originator-refusal-refers"].authority
    refused = {r.id: r for r in clause(review, "8.2").rules}["onward.originator-refused"]
    assert "originator-refusal-refers" in refused.readings
    html = render_html(review)
    assert 'id="reading-originator-refusal-refers"' in html
    assert 'href="#reading-originator-refusal-refers"' in html
    assert "## Where the rules go beyond the protocol's words" in render_markdown(review)
    assert review.to_dict()["interpretations"][0]["id"] == next(iter(pack.interpretations))
