"""The paperwork files of a pack (forms.toml, declarations.toml): optional, and checked when there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ispcheck import PackError, load_pack
from ispcheck.pack import Pack
from ispcheck.pack_forms import contract_fields

from .helpers import SHIPPED_PACK, copy_pack, edit
from .test_pack import PROTOCOL

SHIPPED = SHIPPED_PACK


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    return copy_pack(tmp_path)


def problems_of(folder: Path) -> list[str]:
    """The problems found when the pack's paperwork is first asked for."""
    loaded = load_pack(folder)
    with pytest.raises(PackError) as caught:
        loaded.forms  # noqa: B018 - reading the forms reads and checks the paperwork files
    return caught.value.problems


def test_the_shipped_pack_has_both_request_forms_and_every_declaration(pack: Pack) -> None:
    assert list(pack.forms) == ["A10", "A11"]
    assert list(pack.declarations) == ["A3", "A4", "A5", "A6", "A7", "A8", "A9"]
    assert pack.forms["A10"].police == "discloser"
    assert pack.forms["A11"].police == "recipient"


def test_a_malformed_paperwork_file_does_not_stop_a_decision(pack_copy: Path) -> None:
    from ispcheck import Checker

    from .conftest import clean_disclosure

    (pack_copy / "forms.toml").write_text("[[form]\nid = ")
    checker = Checker(load_pack(pack_copy), use_entry_points=False)
    assert checker.check(clean_disclosure()).outcome.value == "share"
    assert problems_of(pack_copy)[0].startswith("forms.toml: not valid TOML")


def test_a_pack_without_paperwork_files_still_loads_with_no_paperwork(pack_copy: Path) -> None:
    (pack_copy / "forms.toml").unlink()
    (pack_copy / "declarations.toml").unlink()
    loaded = load_pack(pack_copy)
    assert loaded.forms == {}
    assert loaded.declarations == {}


def test_a_form_field_filled_from_a_fact_the_contract_does_not_have_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "forms.toml", 'fill = ["data.description"]', 'fill = ["data.descripton"]')
    assert problems_of(pack_copy) == [
        "forms.toml: form[0] (A10): field[17] (information_sought): fill names 'data.descripton', "
        "which is not a field of the disclosure contract"
    ]


def test_a_pack_cannot_have_ispcheck_tick_a_confirmation_for_the_signer(pack_copy: Path) -> None:
    """A tick-box is the signer's: a pack that fills one from the disclosure is refused, with the way out."""
    edit(
        pack_copy,
        "forms.toml",
        'show = ["necessity.article8_considered"]',
        'fill = ["necessity.article8_considered"]',
    )
    problems = problems_of(pack_copy)
    assert problems
    assert "a tick field is not filled from the disclosure (the signer ticks it: use 'show'" in problems[0]


def test_a_shown_fact_must_be_a_field_of_the_contract(pack_copy: Path) -> None:
    edit(pack_copy, "forms.toml", 'show = ["recipient.officer"]', 'show = ["recipient.officr"]')
    (problem,) = problems_of(pack_copy)
    assert "show names 'recipient.officr', which is not a field of the disclosure contract" in problem


def test_a_field_in_a_section_the_form_does_not_have_is_named(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "forms.toml",
        'section = "subject"\nkind = "text"\nlabel = "Surname:"',
        'section = "subjekt"\nkind = "text"\nlabel = "Surname:"',
    )
    (problem,) = problems_of(pack_copy)
    assert problem.startswith("forms.toml: form[0] (A10): ")
    assert "field[7] (surname): section 'subjekt' is not one of the form's sections" in problem


def test_fields_must_follow_the_order_of_the_sections(pack_copy: Path) -> None:
    edit(pack_copy, "forms.toml", 'id = "address"\nsection = "to"', 'id = "address"\nsection = "from"')
    edit(
        pack_copy,
        "forms.toml",
        'id = "enquiries_intro"\nsection = "enquiries"',
        'id = "enquiries_intro"\nsection = "to"',
    )
    (problem,) = problems_of(pack_copy)
    assert "field[4] (enquiries_intro): section 'to' comes back after a later section" in problem


def test_a_field_without_a_label_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "forms.toml", 'label = "Tel no(s):"', 'label = ""')
    (problem,) = problems_of(pack_copy)
    assert problem == "forms.toml: form[1] (A11): field[16] (tel): a text field needs a label"


def test_a_form_that_cites_an_unknown_clause_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "forms.toml", 'clauses = ["7.2", "A2.Q3"]', 'clauses = ["7.2", "7.9"]')
    assert problems_of(pack_copy) == [
        "forms.toml: form[0] (A10): cites clause '7.9', which is not in clauses.toml"
    ]


def test_a_declaration_with_an_unknown_key_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "declarations.toml", 'witness = "Witness Date and Signature"', 'witnes = "Witness"')
    assert problems_of(pack_copy) == [
        "declarations.toml: declaration[5] (A8): witnes: Extra inputs are not permitted",
        "settings.toml: setting[10] (channel_panel): its declaration A8 has no [[declaration]] "
        "in declarations.toml",
    ]


def test_a_signature_table_needs_two_columns(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "declarations.toml",
        'columns = ["Name", "Organisation", "Email address", "Signature"]',
        'columns = ["Name"]',
    )
    problem, unusable = problems_of(pack_copy)
    assert problem.startswith("declarations.toml: declaration[4] (A7): columns: ")
    assert unusable.startswith("settings.toml: setting[9] (early_help_panel): its declaration A7")


def test_a_list_item_in_a_declaration_is_located_by_part(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "declarations.toml",
        'heading = "Equality Statement"',
        'heading = "Equality Statement"\nstyle = "dots"',
    )
    problem = problems_of(pack_copy)[0]
    assert problem.startswith("declarations.toml: declaration[1] (A4): part[2].style: Input should be")


def test_every_meeting_settings_declaration_must_be_in_declarations_toml(pack_copy: Path) -> None:
    edit(pack_copy, "declarations.toml", 'id = "A6"', 'id = "A66"')
    assert problems_of(pack_copy) == [
        "declarations.toml: declaration[3] (A66): cites clause 'A66', which is not in clauses.toml",
        "settings.toml: setting[8] (iom_case_conference): its declaration A6 has no [[declaration]] "
        "in declarations.toml",
    ]


def test_the_contract_paths_know_vocabularies_and_yes_no_facts() -> None:
    fields = contract_fields()
    assert fields["purpose.code"] and "protect_life" in (fields["purpose.code"] or ())
    assert fields["necessity.article8_considered"] == ()
    assert fields["data.description"] is None
    assert fields["lawful_basis"] is None
    assert "consnet" not in fields


def test_the_declarations_hold_no_personal_names_or_contact_details() -> None:
    text = (SHIPPED / "declarations.toml").read_text()
    assert "@" not in text
    assert "http" not in text.lower()
    assert not re.search(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", text), "a phone number"


def _folded(text: str) -> str:
    """Protocol text without Markdown decoration, for comparing words."""
    text = re.sub(r"<sup>\d</sup>|¹", "", text)
    text = re.sub(r"</?(?:b|i|em|strong)>", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\b\d\)|\b[a-z]\)", " ", text)
    text = re.sub(r"[*\\#]", "", text)
    return " ".join(text.replace("’", "'").split())


def test_every_declaration_text_is_the_protocols_own_words(pack: Pack) -> None:
    protocol = _folded(PROTOCOL.read_text(encoding="utf-8"))
    for declaration in pack.declarations.values():
        pieces = [*declaration.headings, *declaration.columns]
        if declaration.witness:
            pieces.append(declaration.witness)
        pieces += [f.label for f in declaration.fields if not f.from_appendix]
        pieces += [f.value for f in declaration.fields if f.value]
        for part in declaration.parts:
            pieces += [part.heading or "", *part.text]
            for item in part.items:
                pieces += [item] if isinstance(item, str) else [item.text, *item.items]
        for piece in pieces:
            words = _folded(piece)
            assert words in protocol, f"{declaration.id}: {words[:80]!r} is not in the protocol"


def test_every_form_label_and_printed_text_is_the_protocols_own_words(pack: Pack) -> None:
    protocol = _folded(PROTOCOL.read_text(encoding="utf-8"))
    for form in pack.forms.values():
        pieces = [form.title, form.marking, *(s.title for s in form.sections if s.title)]
        for field in form.fields:
            pieces += [field.label, field.guidance or "", field.value or "", *field.text, *field.items]
        for piece in pieces:
            words = _folded(piece)
            assert words in protocol or words.upper() in protocol.upper(), f"{form.id}: {words[:80]!r}"


def test_an_emphasis_mark_left_open_in_a_declaration_is_named(pack_copy: Path) -> None:
    edit(
        pack_copy,
        "declarations.toml",
        '"**For non-Microsoft Teams meetings, participants must return all paperwork before leaving.**"',
        '"**For non-Microsoft Teams meetings, participants must return all paperwork before leaving."',
    )
    (problem, *_) = problems_of(pack_copy)
    assert problem.startswith("declarations.toml: declaration[1] (A4): part[3].text[0]: ")
    assert "an emphasis mark is not closed near '**For non-Microsoft" in problem


def test_a_double_asterisk_standing_alone_in_a_form_is_printed_text_not_an_error(pack: Pack) -> None:
    footnote = next(f for f in pack.forms["A11"].fields if f.id == "counter_signature_footnote")
    assert "** as required by recipient" in footnote.text


def test_a_footnote_with_a_list_in_a_declaration_is_named(pack_copy: Path) -> None:
    edit(pack_copy, "declarations.toml", "footnote = true\n", 'footnote = true\nitems = ["a list"]\n')
    (problem, *_) = problems_of(pack_copy)
    assert problem.startswith("declarations.toml: declaration[0] (A3): part[2]: ")
    assert "a footnote is text only: no heading or items" in problem
