"""Renumbering every clause of a pack changes its citations and nothing else, with no code changed.

The README promises that another partnership's protocol is a new pack, not new code. The
sharpest test of that promise: copy the Warwickshire pack, give every clause a new id of another
shape ("4.4" becomes "C4-4", Appendix 3 becomes "Annex 3") by editing only its TOML files, and
decide the same disclosures under both. Each decision under the copy must cite the new numbers,
and must be the decision under the original once the new numbers are read back as the old.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from ispcheck import Checker, parse_disclosure_text
from ispcheck.pack import load_pack, packs_directory

from .strategies import any_disclosures
from .test_examples import EXAMPLES, EXPECTED

FIXED = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
DAY = date(2026, 11, 25)
_QUOTED_ID = re.compile(r'"((?:A\d+[a-z]?(?:\.Q\d+)?)|\d+(?:\.\d+)?)"')


def new_id(old: str) -> str:
    """The copy's id for an original clause id: 4.4 → C4-4, 18 → C18, A3 → Sch3, A2.Q1 → Sch2-Q1."""
    if old.startswith("A"):
        return "Sch" + old[1:].replace(".", "-")
    return "C" + old.replace(".", "-")


def old_text(text: str) -> str:
    """A text of the copy with its new clause ids and names read back as the original's."""
    text = re.sub(r"\bSch(\d+)-Q(\d+)\b", r"A\1.Q\2", text)
    text = re.sub(r"\bSch(\d+[a-z]?)\b", r"A\1", text)
    text = re.sub(r"\bC(\d+)-(\d+)\b", r"\1.\2", text)
    text = re.sub(r"\bC(\d+)\b", r"\1", text)
    return text.replace("Annexes", "Appendices").replace("Annex", "Appendix")


def renumbered_copy(into: Path) -> Path:
    """A copy of the Warwickshire pack with every clause id and clause name changed, in TOML only.

    Every TOML string that is exactly a clause id is renumbered (clause ids, citations, the
    settings' declarations, the partners' appendices, Appendix 2's questions, the forms and
    declarations); the names the protocol's text uses ("Appendix 3") become "Annex 3". Prose is
    left as it is: a partnership renumbering its protocol rewrites its own prose.
    """
    source = packs_directory() / "warwickshire-csp"
    folder = into / "warwickshire-csp"
    shutil.copytree(source, folder)
    clause_ids = set(load_pack(source).clauses)
    for path in folder.rglob("*.toml"):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.startswith(("called =", "words =")):
                line = line.replace("Appendices", "Annexes").replace("Appendix", "Annex")
            elif not line.lstrip().startswith("#"):
                line = _QUOTED_ID.sub(
                    lambda m: f'"{new_id(m.group(1))}"' if m.group(1) in clause_ids else m.group(0), line
                )
            lines.append(line)
        path.write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def checkers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Checker, Checker]:
    copy = renumbered_copy(tmp_path_factory.mktemp("renumbered"))
    original = Checker("warwickshire-csp", use_entry_points=False, clock=lambda: FIXED)
    return original, Checker(copy, use_entry_points=False, clock=lambda: FIXED)


def decided(checker: Checker, disclosure: Any) -> dict[str, Any]:
    result: dict[str, Any] = checker.check(disclosure, today=DAY).to_dict()
    return result


def old_references(decision: dict[str, Any]) -> list[str]:
    """Words of a decision under the copy that still name a clause by its old number."""
    texts = [
        *(t for f in decision["findings"] for t in (f["message"], f["action"] or "")),
        *(o["text"] for o in decision["obligations"]),
    ]
    return [t for t in texts if _OLD_REFERENCE.search(t)]


def cited(decision: dict[str, Any]) -> set[str]:
    items = [
        *decision["findings"],
        *decision["conditions"],
        *decision["afterwards"],
        *decision["obligations"],
    ]
    return {c for item in items for c in item.get("clauses", ())}


def test_the_copy_has_every_clause_renumbered_and_nothing_else_changed(
    checkers: tuple[Checker, Checker],
) -> None:
    original, copy = checkers
    assert set(copy.pack.clauses) == {new_id(c) for c in original.pack.clauses}
    assert [r.rule.id for r in copy.rules] == [r.rule.id for r in original.rules]
    assert copy.left_out == original.left_out == ()
    assert copy.pack.clause_name("Sch3") == "Annex 3"


#: Where the original's words name a clause: an appendix, or a numbered paragraph ("4.6"). The one
#: "Appendix" that is not the protocol's is the ICO code's, quoted with the small-number threshold.
_OLD_REFERENCE = re.compile(
    r"Appendix(?! 2 \(inference)|Appendices|(?<![\w.])\d{1,2}\.\d{1,2}(?!\d)|\bA\d{1,2}\b"
)


def test_no_words_of_the_copys_rules_name_a_clause_by_its_old_number(
    checkers: tuple[Checker, Checker],
) -> None:
    _, copy = checkers
    for registered in copy.rules:
        for finding in registered.rule.findings():
            for text in (finding.message, finding.action or ""):
                assert _OLD_REFERENCE.search(text) is None, (registered.rule.id, text)


def test_every_rule_of_the_copy_cites_the_new_numbers_and_reads_as_the_original(
    checkers: tuple[Checker, Checker],
) -> None:
    original, copy = checkers
    for before, after in zip(original.rules, copy.rules, strict=True):
        assert after.rule.clauses == tuple(new_id(c) for c in before.rule.clauses), before.rule.id
        for old, new in zip(before.rule.findings(), after.rule.findings(), strict=True):
            assert new.clauses == tuple(new_id(c) for c in old.clauses), before.rule.id
            assert old_text(new.message) == old.message, before.rule.id
            assert old_text(new.action or "") == (old.action or ""), before.rule.id


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_decides_the_same_under_the_renumbered_copy(
    checkers: tuple[Checker, Checker], name: str
) -> None:
    original, copy = checkers
    disclosure = parse_disclosure_text((EXAMPLES / name).read_text(encoding="utf-8"), source=name)
    before = decided(original, disclosure)
    after = decided(copy, disclosure)
    assert all(re.fullmatch(r"C\d+(-\d+)?|Sch\d+[a-z]?(-Q\d+)?", c) for c in cited(after)), cited(after)
    assert old_references(after) == []
    assert json.loads(old_text(json.dumps(after))) == before


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=any_disclosures())
def test_any_disclosure_decides_the_same_under_the_renumbered_copy(
    checkers: tuple[Checker, Checker], data: dict[str, Any]
) -> None:
    original, copy = checkers
    before = decided(original, data)
    after = decided(copy, data)
    assert not cited(after) & set(original.pack.clauses)
    assert old_references(after) == []
    assert json.loads(old_text(json.dumps(after))) == before
