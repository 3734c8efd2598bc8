"""Confidentiality declaration sign-in sheets (Appendices 3 to 9) for each meeting setting."""

from __future__ import annotations

import pytest

from ispcheck.emphasis import plain
from ispcheck.pack import Pack
from ispcheck.pack_forms import Declaration
from ispcheck.paperwork import UnknownSetting, declaration_sheet, render_declaration
from ispcheck.paperwork.render import MD_BLANK
from ispcheck.templating import markdown_escape

from .text import assert_in_order, html_text, markdown_text

#: One setting for each declaration appendix.
SETTING_OF = {
    "A3": "hate_crime_meeting",
    "A4": "mappa",
    "A5": "marac",
    "A6": "iom_case_conference",
    "A7": "early_help_panel",
    "A8": "channel_panel",
    "A9": "socjag",
}


def expected_text(d: Declaration) -> list[str]:
    """What the pack says the sheet prints, in order: title, headings, fields, text, table.

    The protocol's emphasis is as the pack writes it (``**…**``), as Markdown keeps it.
    """
    expected = [d.title, *d.headings]
    if d.marking and not d.marking_added:
        expected.append(d.marking)
    for field in d.fields:
        expected.append(field.label)
        if field.value:
            expected.append(field.value)
    for part in d.parts:
        if part.heading:
            expected.append(part.heading)
        expected.extend(part.text)
        for item in part.items:
            if isinstance(item, str):
                expected.append(item)
            else:
                expected.extend((item.text, *item.items))
    expected.extend(d.footnotes)
    if d.agreement_added:
        expected.append(d.agreement_added)
    expected.extend(d.columns)
    if d.witness:
        expected.append(d.witness)
    return expected


def test_every_declaration_appendix_has_a_setting_to_print_it_for(pack: Pack) -> None:
    assert sorted(pack.declarations) == sorted(SETTING_OF)
    for appendix, setting in SETTING_OF.items():
        assert pack.settings[setting].declaration == appendix


@pytest.mark.parametrize("appendix", sorted(SETTING_OF))
def test_every_part_of_the_declaration_appears_in_the_html_in_order(appendix: str, pack: Pack) -> None:
    html = render_declaration(SETTING_OF[appendix], "html", pack)
    assert_in_order(html_text(html), [plain(t) for t in expected_text(pack.declarations[appendix])])


@pytest.mark.parametrize("appendix", sorted(SETTING_OF))
def test_every_part_of_the_declaration_appears_in_the_markdown_in_order(appendix: str, pack: Pack) -> None:
    markdown = render_declaration(SETTING_OF[appendix], "markdown", pack)
    assert_in_order(markdown_text(markdown), expected_text(pack.declarations[appendix]))


@pytest.mark.parametrize(
    ("appendix", "columns"),
    [
        ("A3", ["Name", "Signature", "Organisation Represented"]),
        ("A7", ["Name", "Organisation", "Email address", "Signature"]),
        ("A8", ["Name", "Organisation", "Signature", "Date"]),
        ("A9", ["Name", "Signature", "Organisation Represented"]),
    ],
)
def test_the_signature_table_has_the_appendixs_own_columns(
    appendix: str, columns: list[str], pack: Pack
) -> None:
    assert list(pack.declarations[appendix].columns) == columns
    markdown = render_declaration(SETTING_OF[appendix], "markdown", pack)
    assert "| # | " + " | ".join(columns) + " |" in markdown


def test_appendices_without_a_signature_table_borrow_the_generic_sheets_and_say_so(pack: Pack) -> None:
    for appendix in ("A4", "A5", "A6"):
        declaration = pack.declarations[appendix]
        assert declaration.columns == pack.declarations["A3"].columns
        assert declaration.columns_from_appendix == "A3"
        assert {f.from_appendix for f in declaration.fields} == {"A3"}
        assert declaration.note and "Appendix 3" in declaration.note


def test_the_channel_panel_sheet_has_its_witness_line(pack: Pack) -> None:
    markdown = render_declaration("channel_panel", "markdown", pack)
    assert f"Witness Date and Signature: {MD_BLANK}" in markdown
    assert "Witness Date and Signature" in html_text(render_declaration("channel_panel", "html", pack))


def test_the_marac_sheet_has_the_meeting_fields_and_the_signature_table() -> None:
    html = render_declaration("marac", "html")
    text = html_text(html)
    assert_in_order(
        text,
        [
            "MARAC Confidentiality Statement",
            "CONFIDENTIALITY DECLARATION: AS READ BY THE MARAC CHAIR.",
            "Name of meeting:",
            "Chair:",
            "Date of meeting:",
            "Purpose of the meeting:",
            "Name Signature Organisation Represented",
            "20",
        ],
    )
    assert html.count('<td class="number">') == 20


def test_the_sheet_shows_the_settings_rules_on_recording_guests_and_virtual_attendance() -> None:
    text = html_text(render_declaration("marac", "html"))
    assert_in_order(
        text,
        [
            "For the chair: the protocol's rules for this meeting",
            "Recording The meeting must not be recorded.",
            "Passing information on",
            "No guest agencies without the consent of the MARAC Chair.",
            "Virtual attendees join alone in the room",
            "Attendees from organisations that have not signed the protocol",
        ],
    )
    generic = html_text(render_declaration("hate_crime_meeting", "html"))
    assert "record only with the agreement of every attendee" in generic
    assert "Virtual attendees keep the meeting confidential throughout." in generic
    channel = html_text(render_declaration("channel_panel", "html"))
    assert "Only with written sanction from the Chief Officer of Police." in channel


def test_the_generic_sheet_names_the_setting_it_was_printed_for() -> None:
    sheet = declaration_sheet("hate_crime_meeting")
    assert sheet.declaration.id == "A3"
    assert sheet.setting is not None and sheet.setting.code == "hate_crime_meeting"
    assert "For: Hate Crime meeting" in html_text(render_declaration("hate_crime_meeting", "html"))


@pytest.mark.parametrize("given", ["marac", "MARAC", " Marac ", "A5", "a5"])
def test_a_setting_is_found_by_its_code_in_any_case_or_by_its_appendix(given: str) -> None:
    sheet = declaration_sheet(given)
    assert sheet.declaration.id == "A5"
    assert sheet.setting is not None and sheet.setting.code == "marac"


def test_hyphens_and_spaces_stand_for_underscores_in_a_setting_code() -> None:
    assert declaration_sheet("hate-crime-meeting").declaration.id == "A3"
    assert declaration_sheet("early help panel").declaration.id == "A7"


def test_the_generic_appendix_by_number_is_printed_for_all_the_settings_that_use_it() -> None:
    sheet = declaration_sheet("A3")
    assert sheet.setting is None
    assert "hate_crime_meeting" in {s.code for s in sheet.used_by}
    assert "Hate Crime meeting" in html_text(render_declaration("A3", "html"))


def test_an_unknown_setting_lists_the_settings() -> None:
    with pytest.raises(UnknownSetting) as caught:
        declaration_sheet("outside_meeting")
    assert "marac" in str(caught.value)
    assert ("socjag", "Serious and Organised Crime Joint Action Group (SOCJAG)") in caught.value.known


def test_the_number_of_signature_rows_can_be_chosen() -> None:
    assert render_declaration("marac", "html", rows=5).count('<td class="number">') == 5
    markdown = render_declaration("marac", "markdown", rows=3)
    assert "| 3 | " in markdown and "| 4 | " not in markdown


def test_the_generic_sheet_is_marked_official_sensitive_at_the_top_and_bottom() -> None:
    text = html_text(render_declaration("hate_crime_meeting", "html"))
    assert text.startswith("OFFICIAL-SENSITIVE Appendix 3")
    assert text.endswith("OFFICIAL-SENSITIVE")


def test_the_sheet_is_available_as_json(pack: Pack) -> None:
    data = declaration_sheet("channel_panel", pack).to_dict()
    assert data["declaration"] == "A8"
    assert data["setting"] == "channel_panel"
    assert data["columns"] == ["Name", "Organisation", "Signature", "Date"]
    assert data["witness"] == "Witness Date and Signature"


@pytest.mark.parametrize("appendix", sorted(SETTING_OF))
def test_the_markdown_sheet_parses_into_lists_and_a_signature_table(appendix: str, pack: Pack) -> None:
    from markdown_it import MarkdownIt

    markdown = render_declaration(SETTING_OF[appendix], "markdown", pack, rows=4)
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = [t.type for t in tokens]
    assert "html_block" not in kinds
    declaration = pack.declarations[appendix]
    items = sum(
        len(p.items) + sum(len(i.items) for i in p.items if not isinstance(i, str)) for p in declaration.parts
    )
    assert kinds.count("list_item_open") >= items
    assert kinds.count("tr_open") >= 5  # the signature table's heading and four rows


@pytest.mark.parametrize("appendix", sorted(SETTING_OF))
def test_every_sheet_says_that_whoever_signs_agrees_to_abide_by_the_protocol(
    appendix: str, pack: Pack
) -> None:
    """6.2: non-signatories may attend, so every signing-in sheet says signing it is agreeing.

    Agreement by accepting an invitation (Appendix 6) does not bind a guest who signs in without one.
    """
    declaration = pack.declarations[appendix]
    own_words = [
        t
        for part in declaration.parts
        for t in part.text + tuple(i for i in part.items if isinstance(i, str))
    ]
    agrees = [t for t in own_words if "Information Sharing Protocol" in t and "agree" in t and "sign" in t]

    assert bool(agrees) != bool(declaration.agreement_added), "the statement is there once: its own, or added"
    text = markdown_text(render_declaration(SETTING_OF[appendix], "markdown", pack))
    assert "agree" in text and "Information Sharing Protocol" in text
    if declaration.agreement_added:
        assert "Added by ispcheck: the protocol (6.2) asks every signing-in sheet to say this" in text


def test_the_iom_sheet_says_that_signing_it_is_agreeing_to_abide_by_the_protocol_as_marac_says_itself(
    pack: Pack,
) -> None:
    """Appendix 6 makes accepting the invitation the agreement; Appendix 5 also names signing."""
    statement = "By signing this sheet I agree to abide by all the terms of the Warwickshire Community Safety"
    iom = markdown_text(render_declaration("iom_case_conference", "markdown", pack))
    marac = markdown_text(render_declaration("marac", "markdown", pack))

    assert_in_order(iom, ["N.B: Not transfer", statement, "Added by ispcheck: the protocol (6.2)", "Name"])
    assert statement not in marac and "Added by ispcheck: the protocol (6.2)" not in marac
    assert "By accepting MARAC meeting outlook invite or signing this agreement" in marac


@pytest.mark.parametrize("appendix", sorted(SETTING_OF))
def test_every_sheet_carries_a_protective_marking_top_and_bottom(appendix: str, pack: Pack) -> None:
    declaration = pack.declarations[appendix]
    lines = render_declaration(SETTING_OF[appendix], "markdown", pack).strip().splitlines()

    assert declaration.marking == "OFFICIAL-SENSITIVE"
    assert lines[0] == "**OFFICIAL-SENSITIVE**"
    assert lines[-1] == "**OFFICIAL-SENSITIVE**"
    html = render_declaration(SETTING_OF[appendix], "html", pack)
    assert '@bottom-center { content: "OFFICIAL-SENSITIVE"' in html
    said = "prints no protective marking: ispcheck marks the completed sheet OFFICIAL-SENSITIVE"
    assert (said in html) == declaration.marking_added


def test_the_mappa_sheet_prints_the_appendixs_two_bold_passages_in_bold(pack: Pack) -> None:
    """Appendix 4 prints its rule on storing, printing and sharing the minutes in bold."""
    stored = "Minutes should be stored in line with individual agencies' policies"
    returned = "For non-Microsoft Teams meetings, participants must return all paperwork before leaving."
    html = render_declaration("mappa", "html", pack)
    markdown = render_declaration("mappa", "markdown", pack)

    assert "<strong>" + stored.replace("'", "&#39;") in html
    assert "meeting Chair.</strong> Permission must be sought" in html
    assert f"<strong>{returned}</strong>" in html
    assert f"**{stored}" in markdown and f"**{returned}**" in markdown
    assert "<strong>Meetings must not be recorded." not in html  # the sentence before is not bold


def test_ispchecks_added_statement_is_not_printed_more_strongly_than_the_protocols_own_words(
    pack: Pack,
) -> None:
    statement = pack.declarations["A4"].agreement_added
    assert statement
    html = render_declaration("mappa", "html", pack)
    markdown = render_declaration("mappa", "markdown", pack)

    assert f"<p>{statement}</p>" in html and f"<strong>{statement}" not in html
    assert f"\n{markdown_escape(statement)}\n" in markdown and f"**{statement}" not in markdown


def test_the_iom_sheet_prints_its_note_on_transfers_abroad_in_italics_and_the_sheet_above_upright(
    pack: Pack,
) -> None:
    note = "N.B: Not transfer any Shared Personal Data received from another Partner Agency outside the UK"
    html = render_declaration("iom_case_conference", "html", pack)

    assert f"<em>{note}</em>" in html
    assert html.count("<em>") == 1
    assert f"*{note}*" in render_declaration("iom_case_conference", "markdown", pack)


def test_the_socjag_sheet_prints_its_meeting_name_in_bold_and_gives_it_plainly_as_json(pack: Pack) -> None:
    name = "Serious and Organised Crime Joint Action Group (SOCJAG)"
    html = render_declaration("socjag", "html", pack)

    assert f'<td class="value"><strong>{name}</strong></td>' in html
    assert "<strong>The Warwickshire Serious" not in html  # the purpose is not bold in Appendix 9
    fields = {f["id"]: f["value"] for f in declaration_sheet("socjag", pack).to_dict()["fields"]}
    assert fields["meeting"] == name


def test_the_early_help_chairs_box_says_the_chairs_agreement_is_ispchecks_reading_for_the_dpo(
    pack: Pack,
) -> None:
    """Appendix 7 names nobody who may agree to wider use: the chair is ispcheck's reading."""
    reading = "ispcheck's reading, not the protocol's words: At an Early Help Locality Panel, the chair"
    for read, fmt in ((html_text, "html"), (markdown_text, "markdown")):
        text = read(render_declaration("early_help_panel", fmt, pack))
        assert_in_order(
            text,
            [
                "Passing information on",
                "Only with the agreement of the meeting chair.",
                reading,
                "(interpretation early-help-chair, for the Data Protection Officer to accept or change)",
                "This meeting's own requirements",
            ],
        )
    rules = {r["rule"]: r for r in declaration_sheet("early_help_panel", pack).to_dict()["rules"]}
    assert rules["Passing information on"]["ispcheck_readings"] == ["early-help-chair"]


def test_the_mappa_chairs_box_gives_the_chairs_agreement_as_the_protocols_own_rule(pack: Pack) -> None:
    """Appendix 4 itself asks for the Chair's agreement, so nothing there is marked as a reading."""
    rules = {r.name: r for r in declaration_sheet("mappa", pack).rules}

    assert rules["Passing information on"].lines == ("Only with the agreement of the meeting chair.",)
    assert rules["Passing information on"].readings == ()
    text = html_text(render_declaration("mappa", "html", pack))
    assert "Only with the agreement of the meeting chair. This meeting's own requirements" in text


@pytest.mark.parametrize(("setting", "marked"), [("hate_crime_meeting", True), ("socjag", False)])
def test_the_evidence_rule_is_ispchecks_reading_everywhere_but_at_socjag_whose_appendix_says_it(
    setting: str, marked: bool, pack: Pack
) -> None:
    after = {r.name: r for r in declaration_sheet(setting, pack).rules}["After the meeting"]
    assert [ident for ident, _ in after.readings] == (["evidence-rule-all-meetings"] if marked else [])
    html = render_declaration(setting, "html", pack)
    assert ("interpretation evidence-rule-all-meetings" in html) is marked


def test_the_generic_sheet_prints_its_footnote_where_appendix_3_does_before_the_last_bullet(
    pack: Pack,
) -> None:
    for read, fmt in ((html_text, "html"), (markdown_text, "markdown")):
        assert_in_order(
            read(render_declaration("A3", fmt, pack)),
            [
                "Confidentiality Declaration¹",
                "agreement sought from all attendees before any recording commences.",
                "¹ Agreed for use in Community Impact Operational Groups",
                "All persons signing this document are duly authorised",
                "Please note, by signing this sheet",
                "Organisation Represented",
            ],
        )
    html = render_declaration("A3", "html", pack)
    assert '<p class="muted footnote"><small>¹ Agreed for use in' in html
