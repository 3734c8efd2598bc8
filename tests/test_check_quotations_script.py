"""scripts/check_quotations.py: a quotation passes only if it is the protocol's words, word for word.

The published protocol is not in the repository (its signature tables hold names and contact
details), so the checker is tried here on a small made-up protocol with the same shape.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_quotations.py"

SOURCE = """Agenda item 3.5: an earlier report that reuses the protocol's numbers.

**WARWICKSHIRE COMMUNITY SAFETY INFORMATION SHARING PROTOCOL**

## 4. What Is 'To Be Shared'?

- 4.6 If any **Shared Personal Data** relates to an ongoing investigation then *consultation* must take place.
- 4.7 Special care should be taken.
- used fairly
  - kept secure

## 18. Change History

Version\tAmended by\tAmended date\tSummary
Draft v0.1\tAlex Example\t19/01/2018\tReviewed entire protocol.

## Appendix 12: Safer Warwickshire Partnership Board Signatures

Organisation\tChief Officer signatory and role\tDesignated Officer(s)\tContact details.
Example Council\tJo Sample - Chief Executive\tSam Person - Community Safety Manager\tjo@example.org
"""


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_quotations", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_quotations"] = module
    spec.loader.exec_module(module)
    return module


def entry(words: str, clause: str = "4.6") -> dict[str, str]:
    return {"clause": clause, "paragraph": f"paragraph {clause}", "words": words}


WORDS_4_6 = (
    "If any Shared Personal Data relates to an ongoing investigation then consultation must take place."
)


def test_the_protocols_words_pass_without_its_emphasis(checker: ModuleType) -> None:
    words = WORDS_4_6
    assert checker.check(SOURCE, [entry(words)], ["4.6"]) == []


def test_one_changed_word_fails_and_names_the_entry(checker: ModuleType) -> None:
    words = WORDS_4_6.replace("must", "may")
    (problem,) = checker.check(SOURCE, [entry(words)], ["4.6"])
    assert problem.startswith("quotation[0] (4.6, paragraph 4.6): not the protocol's words")


def test_words_left_out_must_be_marked_with_an_ellipsis(checker: ModuleType) -> None:
    marked, unmarked = "If any Shared Personal Data relates … must take place.", "relates must take place."
    assert checker.check(SOURCE, [entry(marked)], ["4.6"]) == []
    assert checker.check(SOURCE, [entry(unmarked)], ["4.6"]) != []


def test_our_words_in_square_brackets_are_not_checked_but_the_rest_is(checker: ModuleType) -> None:
    ours = "[Paragraph 4.7 says:] Special care should be taken."
    assert checker.check(SOURCE, [entry(ours, "4.7")], ["4.7"]) == []
    assert checker.check(SOURCE, [entry(ours.replace("should", "may"), "4.7")], ["4.7"]) != []


def test_list_items_are_quoted_with_bullets_the_source_does_not_have(checker: ModuleType) -> None:
    words = "Special care should be taken.\n• used fairly\n    ◦ kept secure"
    assert checker.check(SOURCE, [entry(words, "4.7")], []) == []


def test_text_before_the_protocol_begins_is_not_the_protocol(checker: ModuleType) -> None:
    assert checker.check(SOURCE, [entry("an earlier report that reuses the protocol's numbers")], []) != []


def test_a_clause_without_a_quotation_is_named(checker: ModuleType) -> None:
    assert checker.check(SOURCE, [entry("Special care should be taken.", "4.7")], ["4.6", "4.7"]) == [
        "clause 4.6 has no quotation"
    ]


def test_a_name_from_the_signature_tables_or_change_history_is_refused(checker: ModuleType) -> None:
    assert checker.signatory_names(SOURCE) >= {"Jo Sample", "Sam Person", "Alex Example"}
    assert "Community Safety" not in checker.signatory_names(SOURCE)
    problems = checker.check(SOURCE, [entry("[Jo Sample signed for] Example Council", "A12")], [])
    assert problems == [
        "quotation[0] (A12, paragraph A12): carries a name from the signature tables (Jo Sample)"
    ]


def test_an_email_address_or_telephone_number_is_refused(checker: ModuleType) -> None:
    problems = checker.check(SOURCE, [entry("[write to jo@example.org or ring 01926 410410]", "A12")], [])
    assert problems == [
        "quotation[0] (A12, paragraph A12): carries an email address (jo@example.org)",
        "quotation[0] (A12, paragraph A12): carries a telephone number (01926 410410)",
    ]


def test_the_script_says_where_to_give_the_protocol_when_it_is_missing(
    checker: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert checker.main(["--source", str(tmp_path / "absent.txt")]) == 2
    assert "give it with --source" in capsys.readouterr().err


def test_every_quotation_in_the_warwickshire_pack_is_the_protocols_words(checker: ModuleType) -> None:
    root = SCRIPT.parents[1]
    assert checker.main(["--pack", str(root / "rules" / "warwickshire-csp")]) == 0
