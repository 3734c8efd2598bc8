"""Rules cite concepts, and each pack says which of its clauses set them out and in what words.

A pack that does not set out a concept leaves the rules resting on it out, and says so; a pack may
put what a finding tells the officer in its own words; a mistyped concept, clause id or rule id in
a pack is an error that names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, PackError, load_pack
from ispcheck.concepts import CONCEPTS, ConceptMap, concepts_in_text, is_concept
from ispcheck.decision import Effect, Finding
from ispcheck.hookspecs import hookimpl
from ispcheck.rule import rule

from .conftest import FIXED_TIME, clean_disclosure
from .helpers import copy_pack, edit, problems_of, run_cli

MAP = ConceptMap(
    {"defined-purpose": ("4.4",), "signatory-register": ("A12", "A13"), "request-forms": ("A10", "A11")},
    {"signatory-register": "Appendices 12 and 13"},
)


def clock() -> datetime:
    return FIXED_TIME


@pytest.fixture
def pack_copy(tmp_path: Path) -> Iterator[Path]:
    yield copy_pack(tmp_path)


def without_concept(folder: Path, concept: str) -> None:
    """Take one concept out of a pack's concepts.toml (its table and its lines)."""
    path = folder / "concepts.toml"
    lines = path.read_text(encoding="utf-8").split("\n\n")
    kept = [block for block in lines if not block.startswith(f"[concept.{concept}]")]
    assert len(kept) == len(lines) - 1, concept
    path.write_text("\n\n".join(kept), encoding="utf-8")


# -- the concept map ---------------------------------------------------------------------------


def test_a_concept_cites_the_packs_clauses_and_a_clause_id_is_kept_as_it_is() -> None:
    assert MAP.cite(("defined-purpose", "request-forms", "4.4")) == ("4.4", "A10", "A11")
    assert MAP.cite(("7.3",)) == ("7.3",)


def test_a_placeholder_reads_as_the_packs_words_or_else_its_clause_ids() -> None:
    text = (
        "see [[signatory-register]], [[signatory-register:ids]], [[request-forms]] and ([[defined-purpose]])"
    )
    assert MAP.render(text) == "see Appendices 12 and 13, A12 and A13, A10 and A11 and (4.4)"
    assert concepts_in_text(text) == ("signatory-register", "request-forms", "defined-purpose")


def test_three_clauses_are_joined_with_commas_and_a_final_and() -> None:
    three = ConceptMap({"signatory-register": ("A", "B", "C")}, {})
    assert three.render("[[signatory-register]]") == "A, B and C"


def test_a_placeholder_the_pack_does_not_map_is_an_error_unless_words_are_given_for_it() -> None:
    with pytest.raises(KeyError, match="profiling"):
        MAP.render("([[profiling]])")
    assert MAP.render("([[profiling]])", missing="the protocol") == "(the protocol)"


def test_missing_names_the_concepts_cited_or_named_that_the_pack_does_not_map() -> None:
    assert MAP.missing(("defined-purpose", "profiling", "4.4"), ("[[secure-handling]]", None)) == (
        "profiling",
        "secure-handling",
    )
    assert MAP.missing(("defined-purpose",), ("[[request-forms]]",)) == ()


def test_a_finding_is_read_with_the_packs_clauses_and_words_and_unchanged_when_it_names_none() -> None:
    built = Finding("x.y", Effect.CONDITION, ("defined-purpose",), "Say why ([[defined-purpose]]).", "Ask.")
    read = MAP.finding(built)
    assert read.clauses == ("4.4",) and read.message == "Say why (4.4)." and read.action == "Ask."
    plain = Finding("x.y", Effect.CONDITION, ("4.4",), "Say why.", "Ask.")
    assert MAP.finding(plain) is plain


def test_every_concept_is_a_lowercase_id_with_a_sentence_saying_what_to_map_to_it() -> None:
    for concept, what in CONCEPTS.items():
        assert is_concept(concept)
        assert concept == concept.lower() and " " not in concept
        assert what.endswith((".", "?")), concept


# -- a pack's concepts.toml --------------------------------------------------------------------


def test_the_shipped_pack_maps_every_concept_to_clauses_it_has(pack_copy: Path) -> None:
    pack = load_pack(pack_copy)
    assert set(pack.concepts.clauses) == set(CONCEPTS)
    assert all(pack.has_clause(c) for ids in pack.concepts.clauses.values() for c in ids)


def test_a_mistyped_concept_is_an_error_that_suggests_the_right_one(pack_copy: Path) -> None:
    edit(pack_copy, "concepts.toml", "[concept.profiling]", "[concept.proffiling]")
    assert any("'proffiling'" in p and "did you mean 'profiling'" in p for p in problems_of(pack_copy))


def test_a_concept_mapped_to_a_clause_the_pack_lacks_is_an_error(pack_copy: Path) -> None:
    edit(pack_copy, "concepts.toml", 'clauses = ["4.7"]', 'clauses = ["4.77"]')
    assert any("'4.77'" in p and "concepts.toml" in p for p in problems_of(pack_copy))


def test_a_clause_id_not_of_the_packs_own_shape_is_an_error(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "pack.toml",
        "small_number_threshold = 5",
        'small_number_threshold = 5\nclause_id_pattern = "[0-9]+(\\\\.[0-9]+)?"',
    )
    assert any("'A1'" in p and "clause_id_pattern" in p for p in problems_of(pack_copy))


def test_a_clause_id_pattern_every_id_matches_loads(pack_copy: Path) -> None:
    pattern = "[0-9]{1,2}(\\\\.[0-9]{1,2})?|A[0-9]{1,2}[a-z]?(\\\\.Q[0-9]{1,2})?"
    edit(
        pack_copy,
        "pack.toml",
        "small_number_threshold = 5",
        f'small_number_threshold = 5\nclause_id_pattern = "{pattern}"',
    )
    assert load_pack(pack_copy).meta.clause_id_pattern


# -- rules not in this protocol ----------------------------------------------------------------


def test_a_pack_without_a_concept_leaves_the_rules_resting_on_it_out_and_lists_them(pack_copy: Path) -> None:
    without_concept(pack_copy, "information-rights")
    checker = Checker(pack_copy, use_entry_points=False, clock=clock)
    left = {r.rule.id: r.missing for r in checker.left_out}
    assert left == {"parties.own-data": ("information-rights",)}
    assert "parties.own-data" not in {r.rule.id for r in checker.rules}
    assert checker.broken_plugins == ()


def test_with_the_concept_mapped_the_rule_is_applied() -> None:
    checker = Checker("warwickshire-csp", use_entry_points=False, clock=clock)
    assert checker.left_out == () and checker.cited_in_part == ()
    assert "parties.own-data" in {r.rule.id for r in checker.rules}


def test_the_rules_command_lists_what_is_not_in_this_protocol_and_why(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without_concept(pack_copy, "information-rights")
    code, out, _ = run_cli(capsys, "rules", "--pack", str(pack_copy))
    assert code == 0
    assert "Not in this protocol" in out
    assert "parties.own-data" in out.split("Not in this protocol")[1]
    assert CONCEPTS["information-rights"] in " ".join(out.split())
    code, out, _ = run_cli(capsys, "rules", "--pack", str(pack_copy), "--format", "json")
    listed = __import__("json").loads(out)["not_in_this_protocol"]
    assert [r["id"] for r in listed] == ["parties.own-data"]
    assert listed[0]["missing_concepts"][0]["id"] == "information-rights"


def test_the_rules_command_has_no_such_list_when_every_concept_is_mapped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and "Not in this protocol" not in out


def _plugin_citing(concept: str) -> object:
    """A plugin whose rule cites one concept and whose predicate builds a finding citing another."""

    def predicate(d: Any, f: Any) -> Finding:
        return built

    cites = rule(
        "example.cites-by-predicate",
        title="A rule whose predicate builds a finding",
        effect=Effect.ADVICE,
        clauses=("defined-purpose",),
        message="Noted.",
    )(predicate)
    built = cites.variant(clauses=(concept,), message="Noted ([[" + concept + "]]).")

    class Plugin:
        @hookimpl
        def ispcheck_rules(self, pack: Any) -> Any:
            return (cites,)

    return Plugin()


def test_a_finding_a_predicate_builds_is_read_with_the_packs_clauses() -> None:
    checker = Checker(plugins=[_plugin_citing("ongoing-investigations")], use_entry_points=False, clock=clock)
    found = next(
        f for f in checker.check(clean_disclosure()).findings if f.rule_id == "example.cites-by-predicate"
    )
    assert found.clauses == ("4.6",) and found.message == "Noted (4.6)."


def test_a_finding_a_predicate_builds_on_a_concept_the_pack_lacks_refers_rather_than_sharing(
    pack_copy: Path,
) -> None:
    without_concept(pack_copy, "impact-assessment")
    checker = Checker(
        pack_copy, plugins=[_plugin_citing("impact-assessment")], use_entry_points=False, clock=clock
    )
    decision = checker.check(clean_disclosure())
    failed = [f for f in decision.findings if f.rule_id == "engine.rule-failed"]
    assert failed and failed[0].effect is Effect.REFER
    assert "impact-assessment" in failed[0].message
    assert decision.outcome.value == "refer"


# -- the protocol's own words ------------------------------------------------------------------


def test_a_pack_can_say_what_a_finding_tells_the_officer_in_its_own_words(pack_copy: Path) -> None:
    (pack_copy / "wording.toml").write_text(
        '[finding."purpose.other"]\n'
        'message = "This purpose is not one of ours ([[statutory-purposes]])."\n'
        'action = "Ask the Information Governance Panel."\n'
        'reason = "Our protocol sends purposes it does not list to its panel."\n',
        encoding="utf-8",
    )
    checker = Checker(pack_copy, use_entry_points=False, clock=clock)
    decision = checker.check(clean_disclosure(**{"purpose.code": "other"}))
    found = next(f for f in decision.findings if f.rule_id == "purpose.other")
    assert found.message == "This purpose is not one of ours (2.1)."
    assert found.action == "Ask the Information Governance Panel."
    other = next(
        f
        for f in Checker(use_entry_points=False, clock=clock)
        .check(clean_disclosure(**{"purpose.code": "other"}))
        .findings
        if f.rule_id == "purpose.other"
    )
    assert other.message.startswith("The purpose is 'other'")


def test_words_for_a_rule_that_does_not_exist_are_an_error_naming_it(pack_copy: Path) -> None:
    (pack_copy / "wording.toml").write_text('[finding."purpose.othr"]\nmessage = "x"\n', encoding="utf-8")
    with pytest.raises(PackError) as caught:
        Checker(pack_copy, use_entry_points=False)
    assert "'purpose.othr'" in str(caught.value)


def test_words_naming_a_concept_the_pack_does_not_map_are_an_error(pack_copy: Path) -> None:
    without_concept(pack_copy, "impact-assessment")
    (pack_copy / "wording.toml").write_text(
        '[finding."purpose.other"]\nmessage = "See [[impact-assessment]]."\n', encoding="utf-8"
    )
    assert any("impact-assessment" in p and "wording.toml" in p for p in problems_of(pack_copy))


def test_the_packs_own_prose_reads_its_clauses_and_may_not_name_a_concept_it_lacks(pack_copy: Path) -> None:
    pack = load_pack(pack_copy)
    risk = next(u for u in pack.unknown_risks if u.id == "ongoing-investigation")
    assert "(4.6)" in risk.action and "[[" not in risk.action
    assert pack.settings["other_meeting"].name == "meeting not listed in the protocol (1.6)"
    without_concept(pack_copy, "ongoing-investigations")
    assert any(
        "unknown_risks.toml" in p and "ongoing-investigations" in p and "action" in p
        for p in problems_of(pack_copy)
    )


def test_a_rule_that_reads_the_law_stays_applied_without_its_concept_citing_the_escalation_clauses(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The law applies whatever the protocol says: failing closed, the rule is kept, not dropped."""
    without_concept(pack_copy, "lawful-sharing")
    checker = Checker(pack_copy, use_entry_points=False, clock=clock)
    assert checker.left_out == ()
    assert "lawful-basis.article6-missing" in {r.rule.id for r in checker.cited_in_part}
    decision = checker.check(clean_disclosure(**{"lawful_basis.article6": None}))
    found = next(f for f in decision.findings if f.rule_id == "lawful-basis.article6-missing")
    assert decision.outcome.value == "do_not_share"
    assert "5.2" not in found.clauses and found.clauses  # it cites what the pack has
    code, out, _ = run_cli(capsys, "rules", "--pack", str(pack_copy))
    listed = " ".join(out.split("Applied, citing only what this protocol has")[1].split())
    assert code == 0 and "lawful-basis.article6-missing" in listed


def test_a_rule_whose_own_concept_is_mapped_stays_applied_when_a_clause_it_also_cites_is_not(
    pack_copy: Path,
) -> None:
    """A protocol without a police request form still blocks a share with no lawful basis."""
    without_concept(pack_copy, "police-request-form")
    checker = Checker(pack_copy, use_entry_points=False, clock=clock)
    applied = {r.rule.id for r in checker.rules}
    assert {"necessity.statement-missing", "urgent.share-now", "lawful-basis.article6-missing"} <= applied
    assert checker.left_out == ()
    decision = checker.check(clean_disclosure(**{"necessity.statement": None}))
    found = next(f for f in decision.findings if f.rule_id == "necessity.statement-missing")
    assert decision.outcome.value == "do_not_share" and "A11" not in found.clauses


def test_a_protocol_whose_fixture_maps_few_concepts_still_blocks_a_share_with_no_lawful_basis() -> None:
    from .helpers import FIXTURE_PACK

    checker = Checker(FIXTURE_PACK, use_entry_points=False, clock=clock)
    decision = checker.check(clean_disclosure(**{"lawful_basis.article6": None}))
    assert decision.outcome.value == "do_not_share"
    assert "lawful-basis.article6-missing" in {f.rule_id for f in decision.findings}


def test_words_with_double_brackets_that_are_not_a_placeholder_are_an_error(pack_copy: Path) -> None:
    (pack_copy / "wording.toml").write_text(
        '[finding."purpose.other"]\nmessage = "see [[Defined-Purpose]]"\n', encoding="utf-8"
    )
    assert any("wording.toml" in p and "not a placeholder" in p for p in problems_of(pack_copy))


def test_a_concepts_words_may_not_hold_a_placeholder(pack_copy: Path) -> None:
    edit(pack_copy, "concepts.toml", 'words = "Appendix 3"', 'words = "Appendix 3 (see [[disputes]])"')
    assert any("concepts.toml" in p and "generic-declaration" in p for p in problems_of(pack_copy))


def test_a_meeting_name_with_double_brackets_is_quoted_as_typed_not_read_as_a_placeholder() -> None:
    checker = Checker(use_entry_points=False, clock=clock)
    for name in ("Panel on [[disputes]]", "Rugby [[7]] panel"):
        case = clean_disclosure(
            **{
                "context.setting": "other_meeting",
                "context.meeting_name": name,
                "handling.channel": "in_meeting",
            }
        )
        decision = checker.check(case)
        assert "engine.rule-failed" not in {f.rule_id for f in decision.findings}, name
        said = " ".join(f.message for f in decision.findings if f.rule_id == "setting.not-listed")
        assert name.replace("[[", "[ [").replace("]]", "] ]") in said and "8.2" not in said


def test_words_for_a_rule_whose_every_finding_is_its_own_meetings_are_an_error(pack_copy: Path) -> None:
    """They would load and never be shown: setting.declaration speaks for each meeting."""
    (pack_copy / "wording.toml").write_text(
        '[finding."setting.declaration"]\nmessage = "Everyone signs the sheet."\n', encoding="utf-8"
    )
    with pytest.raises(PackError) as caught:
        Checker(pack_copy, use_entry_points=False)
    assert "'setting.declaration'" in str(caught.value) and "never be shown" in str(caught.value)


def test_urgent_words_for_a_rule_with_no_urgent_finding_are_an_error(pack_copy: Path) -> None:
    (pack_copy / "wording.toml").write_text(
        '[finding."urgent.share-now"]\nurgent_message = "Now."\n', encoding="utf-8"
    )
    with pytest.raises(PackError) as caught:
        Checker(pack_copy, use_entry_points=False)
    assert "'urgent.share-now'" in str(caught.value) and "no urgent finding" in str(caught.value)
