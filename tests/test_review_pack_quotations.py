"""The protocol's own words under each clause: the pack's quotations.toml, read strictly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ispcheck._review_pack.quotations import QUOTATIONS_FILE, load_quotations
from ispcheck.pack import Pack, load_pack
from ispcheck.review_pack import ReviewPackError


def pack_with_quotations(tmp_path: Path, text: str | None) -> Pack:
    folder = tmp_path / "pack"
    shutil.copytree(load_pack().path or "", folder)
    if text is None:
        (folder / QUOTATIONS_FILE).unlink()
    else:
        (folder / QUOTATIONS_FILE).write_text(text, encoding="utf-8")
    return load_pack(folder)


def test_every_clause_of_the_warwickshire_pack_has_the_protocols_words() -> None:
    pack = load_pack()
    quotations = load_quotations(pack)
    assert sorted(set(pack.clauses) - set(quotations)) == []
    assert all(q.words.strip() and q.paragraph.strip() for qs in quotations.values() for q in qs)


def test_the_quotations_carry_no_email_address_or_telephone_number() -> None:
    text = (load_pack().path or Path()).joinpath(QUOTATIONS_FILE).read_text(encoding="utf-8")
    assert re.findall(r"[\w.+-]+@[\w-]+\.\w+", text) == []
    assert re.findall(r"\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\(\d{6}\)", text) == []


def test_the_words_of_4_6_are_quoted_with_their_paragraph_number() -> None:
    (quote,) = load_quotations(load_pack())["4.6"]
    assert quote.paragraph == "paragraph 4.6"
    assert quote.words.startswith("If any Shared Personal Data relates to an ongoing investigation")
    assert "consultation must take place with the investigating officer and Crown Prosecution" in quote.words


def test_a_blank_line_in_the_words_starts_a_new_paragraph_and_a_line_break_does_not(tmp_path: Path) -> None:
    entry = '[[quotation]]\nclause = "4.6"\nparagraph = "paragraph 4.6"\nwords = "One\\ntwo\\n\\nthree"\n'
    pack = pack_with_quotations(tmp_path, entry)
    (quote,) = load_quotations(pack)["4.6"]
    assert quote.paragraphs == ("One\ntwo", "three")


def test_a_pack_without_the_file_has_no_quotations_and_the_review_pack_says_so(tmp_path: Path) -> None:
    assert load_quotations(pack_with_quotations(tmp_path, None)) == {}


def test_every_problem_in_the_file_is_reported_at_once_naming_its_entry(tmp_path: Path) -> None:
    pack = pack_with_quotations(
        tmp_path,
        "[[quotation]]\nclause = '99.9'\nparagraph = 'x'\nwords = 'y'\n\n"
        "[[quotation]]\nclause = '4.6'\nparagraph = ''\nwords = 'y'\n\n"
        "[[quotation]]\nclause = '4.7'\nparagraph = 'paragraph 4.7'\nwords = ' '\n\n"
        "[[quotation]]\nclause = '4.5'\nparagraph = 'paragraph 4.5'\nwords = 'y'\nsource = 'z'\n",
    )
    with pytest.raises(ReviewPackError) as raised:
        load_quotations(pack)
    message = str(raised.value)
    assert "quotation[0] (99.9): clause '99.9' is not in clauses.toml" in message
    assert "quotation[1] (4.6): needs the paragraph it quotes" in message
    assert "quotation[2] (4.7): needs the protocol's words" in message
    assert "quotation[3] (4.5): unknown keys source" in message


def test_a_file_that_is_not_toml_is_refused_with_its_path(tmp_path: Path) -> None:
    pack = pack_with_quotations(tmp_path, "[[quotation]\n")
    with pytest.raises(ReviewPackError, match=r"quotations.toml: cannot be read"):
        load_quotations(pack)
