"""The request forms of Appendices 10 and 11, filled in from a disclosure."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from ispcheck import DisclosureError, parse_disclosure
from ispcheck.emphasis import plain
from ispcheck.pack import Pack, load_pack, packs_directory
from ispcheck.pack_forms import RequestForm
from ispcheck.paperwork import NoSuchPaperwork, WrongForm, fill_request_form, render_request_form
from ispcheck.paperwork.forms import FilledForm
from ispcheck.paperwork.render import MD_BLANK

from ..conftest import clean_disclosure
from .text import assert_in_order, html_text, markdown_text

#: An agency (the recipient) asks the police (the discloser): Appendix 10.
TO_POLICE = clean_disclosure(
    **{
        "discloser": {"organisation": "Warwickshire Police", "officer": "PC 4410"},
        "recipient": {"organisation": "Refuge", "officer": "Refuge IDVA", "has_secure_email": True},
        "lawful_basis.article9": "substantial_public_interest",
        "lawful_basis.schedule1_condition": "safeguarding_children_and_individuals_at_risk",
    }
)
#: The police (the recipient) ask an agency (the discloser): Appendix 11.
FROM_AGENCY = clean_disclosure(
    **{
        "discloser": {"organisation": "Warwick District Council", "officer": "CCTV Control Room Supervisor"},
        "recipient": {"organisation": "Warwickshire Police", "officer": "DC 5102", "has_secure_email": True},
        "purpose.code": "prosecute_offender",
        "data.description": "twelve minutes of footage from two Parade cameras",
    }
)
FORMS = {"A10": TO_POLICE, "A11": FROM_AGENCY}


def expected_text(form: RequestForm) -> list[str]:
    """What the pack says the form prints, in the form's order: sections, labels, printed text."""
    titles = {s.id: s.title for s in form.sections}
    expected: list[str] = [form.marking, form.title]
    if form.subtitle:
        expected.append(form.subtitle)
    section = None
    for field in form.fields:
        if field.section != section:
            section = field.section
            if titles[section]:
                expected.append(titles[section] or "")
        if field.label:
            expected.append(field.label)
        if field.guidance:
            expected.append(field.guidance)
        expected.extend(field.text)
        expected.extend(field.items)
        if field.value:
            expected.append(field.value)
    expected.append(form.marking)
    return expected


@pytest.mark.parametrize("appendix", ["A10", "A11"])
def test_every_field_of_the_form_appears_in_the_html_in_the_forms_order(appendix: str, pack: Pack) -> None:
    html = render_request_form(FORMS[appendix], appendix, "html", pack)
    assert_in_order(html_text(html), [plain(t) for t in expected_text(pack.forms[appendix])])


@pytest.mark.parametrize("appendix", ["A10", "A11"])
def test_every_field_of_the_form_appears_in_the_markdown_in_the_forms_order(
    appendix: str, pack: Pack
) -> None:
    markdown = render_request_form(FORMS[appendix], appendix, "markdown", pack)
    assert_in_order(markdown_text(markdown), expected_text(pack.forms[appendix]))


def test_the_pack_records_the_appendix_10_fields_of_the_protocols_form(pack: Pack) -> None:
    labels = [f.label for f in pack.forms["A10"].fields if f.label]
    assert labels[:7] == ["Name:", "Address:", "Tel:", "Fax:", "Date:", "Our ref.:", "To:"]
    for label in (
        "Surname:",
        "All previous surnames:",
        "Also known as:",
        "Forename(s):",
        "Place of birth:",
        "Date of birth:",
        "Full present address:",
        "Previous address:",
        "THE INFORMATION SOUGHT IS:",
        "I HAVE A LEGAL BASIS UNDER GDPR OR DATA PROTECTION ACT 2018 AND THE REASONS ARE:",
        "Signed:",
        "Rank/title:",
    ):
        assert label in labels
    sections = [s.title for s in pack.forms["A10"].sections if s.title]
    assert sections == [
        "DETAILS OF ORGANISATION REQUESTING INFORMATION",
        "I AM REQUESTING PERSONAL INFORMATION ABOUT:",
        "RESPONSE TO REQUEST",
        "DETAILS OF WARWICKSHIRE POLICE CONTACT",
    ]


def test_the_pack_records_the_appendix_11_purposes_and_confirmations(pack: Pack) -> None:
    ticks = [f for f in pack.forms["A11"].fields if f.kind == "tick"]
    assert [t.label for t in ticks[:3]] == [
        "The prevention or detection of crime",
        "The prosecution or apprehension of offenders",
        "Protecting the vital interests of a person",
    ]
    assert "should not be informed of this request" in ticks[4].label
    assert [f.label for f in pack.forms["A11"].fields if f.kind == "signature"] == [
        "Signature:",
        "Counter signature: **",
    ]


def test_appendix_10_is_filled_in_for_the_agency_asking_the_police() -> None:
    form = fill_request_form(TO_POLICE, "A10")
    value = {f.field.id: f.lines for f in form.fields()}
    assert value["requester_name"] == ("Refuge",)
    assert value["name"] == ()  # a person's name: "officer" may be a team, so it is shown, not filled
    assert value["to"] == ("**WARWICKSHIRE POLICE**",)  # in bold, as the form prints it
    assert value["information_sought"] == ("the victim's current address, for a safety visit",)
    legal = "\n".join(value["legal_basis"])
    assert "Public task (UK GDPR Article 6(1)(e))" in legal
    assert (
        "Safeguarding of children and of individuals at risk (DPA 2018 Schedule 1 Part 2 paragraph 18)"
        in legal
    )
    assert "Crime and Disorder Act 1998, section 115" in legal
    assert "Purpose: Preventing crime or anti-social behaviour" in legal
    assert "Reason: to arrange a joint safety visit" in legal
    assert "Why it is necessary: the council needs the address" in legal


def test_the_persons_details_references_and_signatures_are_left_blank_to_fill_by_hand() -> None:
    form = fill_request_form(TO_POLICE, "A10")
    blank = {f.field.id for f in form.fields() if f.blank}
    assert {
        "surname",
        "date_of_birth",
        "present_address",
        "requester_ref",
        "signed",
        "date_signed",
        "response",
        "poc_signed",
    } <= blank
    markdown = render_request_form(TO_POLICE, "A10", "markdown")
    assert f"| Surname: | {MD_BLANK} |" in markdown
    assert f"| Date of birth: | {MD_BLANK} |" in markdown
    html = render_request_form(TO_POLICE, "A10", "html")
    assert '<th scope="row">Surname:</th>\n<td class="blank text" colspan="3"></td>' in html


def test_the_legal_confirmations_are_never_ticked_by_ispcheck_but_show_the_disclosures_answer() -> None:
    """A10's two confirmations are the signer's to give: software never ticks them (issue 14)."""
    for value, words in ((True, "Yes"), (False, "No"), (None, "not recorded")):
        changed = {**TO_POLICE, "necessity": {**TO_POLICE["necessity"], "article8_considered": value}}
        form = fill_request_form(changed, "A10")
        fields = {f.field.id: f for f in form.fields()}
        assert not any(f.ticked for f in form.fields())
        for box in ("confidentiality_confirmed", "article8_confirmed"):
            assert fields[box].shown == (f"Privacy (Article 8) and confidentiality weighed: {words}",)
        markdown = render_request_form(changed, "A10", "markdown")
        assert "- [ ] Human Rights Act 1998 Article 8" in markdown
        assert "- [x]" not in markdown
        assert "article8_considered" not in markdown


def test_the_signers_name_is_left_blank_with_the_disclosures_officer_beside_it() -> None:
    form = fill_request_form(TO_POLICE, "A10")
    name = next(f for f in form.fields() if f.field.id == "name")

    assert (name.lines, name.blank) == ((), True)
    assert name.shown == ("The disclosure names the person asking as: Refuge IDVA",)
    html = render_request_form(TO_POLICE, "A10", "html")
    assert (
        '<span class="shown"><span class="by-ispcheck">Added by ispcheck:</span> '
        "The disclosure names the person asking as: Refuge IDVA</span>"
    ) in html


@pytest.mark.parametrize("purpose", ["detect_crime", "prosecute_offender", "protect_life", "safeguarding"])
def test_appendix_11_leaves_every_purpose_box_to_the_officer_and_shows_the_purpose(purpose: str) -> None:
    disclosure = {**FROM_AGENCY, "purpose": {"code": purpose, "statement": "for the enquiry"}}
    form = fill_request_form(disclosure, "A11")
    intro = next(f for f in form.fields() if f.field.id == "enquiries_intro")

    assert not any(f.ticked for f in form.fields())
    label = load_pack().vocabulary["purpose"][purpose].label
    assert intro.shown == (f"Purpose: {label}",)


def test_appendix_11_leaves_the_confirmations_no_fact_can_show_for_the_officer_to_tick() -> None:
    form = fill_request_form(FROM_AGENCY, "A11")
    fields = {f.field.id: f for f in form.fields()}
    assert not fields["needed_confirmed"].ticked
    assert not fields["not_informed_confirmed"].ticked
    assert fields["needed_confirmed"].blank


def test_appendix_11_is_addressed_to_the_agency_and_comes_from_the_police_officer() -> None:
    form = fill_request_form(FROM_AGENCY, "A11")
    value = {f.field.id: f.lines for f in form.fields()}
    assert value["to_name"] == value["position"] == ()
    assert value["organisation"] == ("Warwick District Council",)
    assert value["from_name"] == ()
    shown = {f.field.id: f.shown for f in form.fields()}
    assert shown["to_name"] == ("The disclosure names the contact as: CCTV Control Room Supervisor",)
    assert shown["from_name"] == ("The disclosure names the person asking as: DC 5102",)
    assert value["information_required"] == ("twelve minutes of footage from two Parade cameras",)
    assert value["why_necessary"] == (
        "Reason: to arrange a joint safety visit",
        "Why it is necessary: the council needs the address to fit target-hardening equipment",
    )
    assert value["police_reference"] == ()


def test_the_official_when_completed_marking_is_at_the_top_and_the_bottom() -> None:
    text = html_text(render_request_form(TO_POLICE, "A10", "html"))
    assert text.startswith("Rev 10/19 OFFICIAL (when completed) Appendix 10")
    assert text.endswith("OFFICIAL (when completed)")
    lines = render_request_form(TO_POLICE, "A10", "markdown").splitlines()
    assert lines[0] == "**OFFICIAL (when completed)** · Rev 10/19"
    assert lines[-1] == "**OFFICIAL (when completed)**"


def test_appendix_10_needs_the_police_as_the_discloser_and_points_to_appendix_11() -> None:
    with pytest.raises(WrongForm, match=r"police-request") as caught:
        fill_request_form(FROM_AGENCY, "A10")
    assert "Warwick District Council" in str(caught.value)
    with pytest.raises(WrongForm, match=r"request-to-police"):
        fill_request_form(TO_POLICE, "A11")


def test_the_command_line_names_of_the_forms_are_accepted() -> None:
    assert fill_request_form(TO_POLICE, "request-to-police").form.id == "A10"
    assert fill_request_form(FROM_AGENCY, "police-request").form.id == "A11"


def test_a_disclosure_that_breaks_the_contract_is_refused_with_its_problems() -> None:
    with pytest.raises(DisclosureError) as caught:
        render_request_form({**TO_POLICE, "consnet": {}}, "A10")
    assert caught.value.problems[0].path == "consnet"


def test_a_validated_disclosure_and_its_dict_give_the_same_form() -> None:
    assert render_request_form(parse_disclosure(TO_POLICE), "A10") == render_request_form(TO_POLICE, "A10")


def test_text_from_the_disclosure_is_escaped_in_html_and_markdown() -> None:
    hostile = {
        **TO_POLICE,
        "data": {**TO_POLICE["data"], "description": "<script>alert(1)</script> | *x* # y"},
    }
    html = render_request_form(hostile, "A10", "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render_request_form(hostile, "A10", "markdown")
    assert r"\<script\>alert(1)\</script\> \| \*x\* \# y" in markdown


def test_the_html_fetches_nothing_from_outside() -> None:
    html = render_request_form(TO_POLICE, "A10", "html").lower()
    for outside in ("http://", "https://", "src=", "@import", "url(", "<link", "<script"):
        assert outside not in html


def test_the_html_is_laid_out_for_a4_printing() -> None:
    html = render_request_form(TO_POLICE, "A10", "html")
    assert "@page { size: A4;" in html
    assert 'lang="en-GB"' in html


def test_the_filled_form_is_available_as_json_for_case_systems() -> None:
    data: dict[str, Any] = json.loads(json.dumps(fill_request_form(TO_POLICE, "A10").to_dict()))
    assert data["form"] == "A10"
    fields = {f["id"]: f for s in data["sections"] for f in s["fields"]}
    assert fields["requester_name"] == {
        "id": "requester_name",
        "label": "Name:",
        "kind": "text",
        "section": "requester",
        "value": "Refuge",
        "filled_from": ["recipient.organisation"],
    }
    assert fields["surname"]["value"] is None
    assert fields["to"]["value"] == "WARWICKSHIRE POLICE"
    assert fields["article8_confirmed"]["ticked"] is False
    assert fields["article8_confirmed"]["the_disclosure_says"] == [
        "Privacy (Article 8) and confidentiality weighed: Yes"
    ]


def test_half_width_fields_share_a_row_as_on_the_printed_form() -> None:
    form: FilledForm = fill_request_form(TO_POLICE, "A10")
    requester = form.sections[0]
    assert [tuple(f.field.label for f in row) for row in requester.rows] == [
        ("Name:",),
        ("Address:",),
        ("Tel:", "Fax:"),
        ("Date:", "Our ref.:"),
        ("To:",),
    ]


def test_the_response_section_starts_on_a_new_page(pack: Pack) -> None:
    html = render_request_form(TO_POLICE, "A10", "html", pack)
    assert '<section id="response" class="page-break">' in html


def test_a_pack_without_forms_has_no_form_to_fill(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(packs_directory() / "warwickshire-csp", folder)
    (folder / "forms.toml").unlink()
    with pytest.raises(NoSuchPaperwork, match=r"no forms\.toml"):
        render_request_form(TO_POLICE, "A10", pack=folder)


def test_the_markdown_parses_into_headings_tables_and_tick_lists_with_no_raw_html() -> None:
    from markdown_it import MarkdownIt

    hostile = {**TO_POLICE, "data": {**TO_POLICE["data"], "description": "<b>x</b> | y"}}
    for appendix, disclosure in (("A10", hostile), ("A11", FROM_AGENCY)):
        tokens = (
            MarkdownIt("commonmark")
            .enable("table")
            .parse(render_request_form(disclosure, appendix, "markdown"))
        )
        kinds = [t.type for t in tokens]
        assert "html_block" not in kinds
        assert not any(c.type == "html_inline" for t in tokens for c in t.children or ())
        assert kinds.count("table_open") >= 3
        assert kinds[kinds.index("heading_open") + 1] == "inline"
        ticks = [t.content for t in tokens if t.type == "inline" and t.content.startswith(("[x] ", "[ ] "))]
        assert len(ticks) == sum(
            1 for f in fill_request_form(disclosure, appendix).fields() if f.field.kind == "tick"
        )


def test_appendix_11_keeps_the_italics_of_its_notes_and_prints_its_own_double_asterisk_as_it_is(
    pack: Pack,
) -> None:
    html = render_request_form(FROM_AGENCY, "A11", "html", pack)
    markdown = render_request_form(FROM_AGENCY, "A11", "markdown", pack)
    purposes = "the prevention or detection of crime or the apprehension or prosecution of offenders"

    assert html.count(f"<em>{purposes}</em>") == 2
    assert "<em>is necessary in order to protect the vital interests of the data subject" in html
    assert markdown.count(f"*{purposes}*") == 2
    assert "<p>** as required by recipient</p>" in html
    assert r"\*\* as required by recipient" in markdown


def test_appendix_10_prints_warwickshire_police_in_bold_as_the_form_does_but_not_what_the_disclosure_says(
    pack: Pack,
) -> None:
    marked = {**TO_POLICE, "data": {**TO_POLICE["data"], "description": "the **whole** file"}}
    html = render_request_form(marked, "A10", "html", pack)

    assert '<td class="value fixed" colspan="3"><strong>WARWICKSHIRE POLICE</strong></td>' in html
    assert "the **whole** file" in html and "<strong>whole" not in html
    assert r"the \*\*whole\*\* file" in render_request_form(marked, "A10", "markdown", pack)


@pytest.mark.parametrize("categories", [["aggregated"], ["anonymised"], ["anonymised", "aggregated"]])
def test_appendix_11_is_refused_for_figures_that_hold_no_personal_data(categories: list[str]) -> None:
    """Its title asks for personal data: printed for ward-level counts it would ask about nobody."""
    figures = {**FROM_AGENCY, "subjects": [], "data": {**FROM_AGENCY["data"], "categories": categories}}

    with pytest.raises(WrongForm) as caught:
        fill_request_form(figures, "A11")
    message = str(caught.value)
    assert message.startswith("Appendix 11 is a request for personal data")
    assert "this disclosure holds none" in message and "(7.2)" in message


@pytest.mark.parametrize("categories", [["aggregated"], ["anonymised"]])
def test_appendix_10_is_refused_for_figures_that_hold_no_personal_data(categories: list[str]) -> None:
    """It says "I am requesting personal information about": for counts it would ask about nobody."""
    figures = {**TO_POLICE, "subjects": [], "data": {**TO_POLICE["data"], "categories": categories}}

    with pytest.raises(WrongForm) as caught:
        fill_request_form(figures, "A10")
    assert str(caught.value).startswith("Appendix 10 is a request for personal data")


def test_appendix_10_is_printed_for_a_share_that_holds_personal_data() -> None:
    assert fill_request_form(TO_POLICE, "A10").form.id == "A10"


@pytest.mark.parametrize("categories", [["personal"], ["aggregated", "personal"], ["criminal_offence"]])
def test_appendix_11_is_printed_for_a_share_that_holds_any_personal_data(categories: list[str]) -> None:
    some = {**FROM_AGENCY, "data": {**FROM_AGENCY["data"], "categories": categories}}
    assert fill_request_form(some, "A11").form.id == "A11"


#: The HTML elements that hold ispcheck's own notes on a form (the banners say "Prepared by ispcheck").
_NOTE = re.compile(r'<(?:div|span) class="(?:note|note-inline|shown)">(?!<strong>Prepared by ispcheck)')


@pytest.mark.parametrize("appendix", ["A10", "A11"])
def test_every_note_of_ispchecks_own_on_a_form_says_it_was_added_by_ispcheck(appendix: str) -> None:
    html = render_request_form(FORMS[appendix], appendix, "html")
    notes = [html[found.end() :][:70] for found in _NOTE.finditer(html)]
    assert len(notes) >= 4
    for note in notes:
        assert note.startswith('<span class="by-ispcheck">Added by ispcheck:</span> '), note
    markdown = render_request_form(FORMS[appendix], appendix, "markdown")
    for note in re.findall(r"\*\((.{0,40})", markdown):
        assert note.startswith("Added by ispcheck: "), note


def test_the_forms_own_guidance_is_not_labelled_as_ispchecks() -> None:
    """Appendix 11's hint under "Why the information is necessary" is the protocol's own words."""
    html = render_request_form(FROM_AGENCY, "A11", "html")
    assert '<p class="guidance">Beware of disclosing information which is excessive' in html
    assert "Added by ispcheck:</span> Beware" not in html


def test_the_appendix_10_legal_basis_box_says_it_holds_the_shares_recorded_basis_for_the_requester_to_confirm(
    pack: Pack,
) -> None:
    """Under the requester's own words "I have a legal basis", the entry is the disclosure's basis."""
    note = (
        "Added by ispcheck: The legal basis recorded in the disclosure for this share: confirm it is your "
        "organisation's own, or correct it."
    )
    html = render_request_form(TO_POLICE, "A10", "html", pack)
    legal = html[html.index('data-field="legal_basis"') :]
    legal = legal[: legal.index("</div>\n</div>")]
    assert_in_order(
        html_text(legal),
        ["I HAVE A LEGAL BASIS UNDER GDPR", note, "Lawful basis (UK GDPR Article 6): Public task"],
    )
    assert_in_order(
        markdown_text(render_request_form(TO_POLICE, "A10", "markdown", pack)),
        ["I HAVE A LEGAL BASIS UNDER GDPR", note, "Lawful basis (UK GDPR Article 6): Public task"],
    )
    sought = html[html.index('data-field="information_sought"') : html.index('data-field="legal_basis"')]
    assert "Added by ispcheck" not in sought


def test_appendix_11_prints_the_foot_of_its_first_page_and_the_counter_signature_note_in_the_forms_order(
    pack: Pack,
) -> None:
    """The logo and "Help to save paper" close the first page; then the two notes, guidance first."""
    for read, fmt in ((html_text, "html"), (markdown_text, "markdown")):
        text = read(render_request_form(FROM_AGENCY, "A11", fmt, pack))
        if fmt == "markdown":
            text = text.replace("**Warwickshire POLICE**", "Warwickshire POLICE")
        assert_in_order(
            text,
            [
                "Counter signature: **",
                "Rank/number/name:",
                "Warwickshire POLICE",
                "Help to save paper - only print this document if you really need a paper copy",
                "Please see Guidance Notes on following page.",
                "** as required by recipient",
                "Undertaking of lawful use of data disclosed to the police service:",
            ],
        )


def test_appendix_11_prints_its_footnote_after_the_crime_and_taxation_text_as_the_appendix_does(
    pack: Pack,
) -> None:
    text = html_text(render_request_form(FROM_AGENCY, "A11", "html", pack))
    assert_in_order(
        text,
        [
            "by the second data protection principle¹",
            "Crime and Taxation",
            "for purposes compatible with this request.",
            "¹ General Data Protection Regulation Article 5(1)(b)",
            "Vital Interests",
            "Completion Guidance",
        ],
    )


def test_appendix_10_prints_the_warwickshire_police_logo_text_under_the_requesters_signature(
    pack: Pack,
) -> None:
    html = render_request_form(TO_POLICE, "A10", "html", pack)
    logo = '<div class="statement foot" data-field="police_logo">\n<p><strong>Warwickshire POLICE</strong>'
    assert logo in html
    assert_in_order(html_text(html), ["Signed:", "Date:", "Warwickshire POLICE", "RESPONSE TO REQUEST"])
    assert html_text(html).count("Help to save paper") == 0  # Appendix 10 does not print it
