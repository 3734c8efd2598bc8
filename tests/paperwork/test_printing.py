"""The paperwork as a browser and a printer see it: headless Chromium, then poppler.

These tests drive the real programs. They fail (they do not skip) when Chromium or poppler-utils
is missing: ``bash scripts/install-system-deps.sh`` installs both, and the test script runs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest

from ispcheck.paperwork import find_chromium, render_declaration, render_request_form, to_pdf
from ispcheck.paperwork.render import chromium_command

from .png import read_png
from .test_forms import TO_POLICE
from .text import assert_in_order, words

INSTALL = "install it with: bash scripts/install-system-deps.sh"
#: A4 at 50 dots per inch, as pdftoppm draws it (210 x 297 mm).
A4_AT_50_DPI = (413, 585)
#: The side margins are 15 mm (about 29 dots at 50 dpi); nothing may be drawn in the outer 22.
SIDE_BAND = 22
#: The width between the margins, 180 mm, at 50 dpi. Tables and rules span all of it.
CONTENT_WIDTH = 354


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed to check printed pages; {INSTALL}"
    return found


def run_chromium(tmp_path: Path, html: str, *flags: str) -> subprocess.CompletedProcess[str]:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    command = chromium_command(find_chromium(), tmp_path / "profile", *flags, page.as_uri())
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def printed_pages(pdf: Path, tmp_path: Path) -> list[Path]:
    """Check every page is A4, draws nothing in the side margins and is printed at full size.

    Chromium shrinks a whole page to fit when anything on it is too wide, so overflow shows as a
    page whose tables no longer span the width between the margins.
    """
    info = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    sizes = re.findall(r"^Page\s+\d+ size:\s+(.*)$", info, re.MULTILINE)
    assert len(sizes) == count >= 1
    for size in sizes:
        assert re.fullmatch(r"59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", size.strip()), size
    subprocess.run(
        [tool("pdftoppm"), "-png", "-gray", "-r", "50", str(pdf), str(tmp_path / "page")], check=True
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == count
    for path in images:
        image = read_png(path)
        assert abs(image.width - A4_AT_50_DPI[0]) <= 1 and abs(image.height - A4_AT_50_DPI[1]) <= 1
        assert image.ink(0, 0, SIDE_BAND, image.height) == 0, f"{path.name}: ink in the left margin"
        right = image.width - SIDE_BAND
        assert image.ink(right, 0, image.width, image.height) == 0, f"{path.name}: ink in the right margin"
        assert image.ink(SIDE_BAND, 0, right, image.height) > 500, f"{path.name} is blank"
        widest = image.longest_line()
        assert widest >= 0.95 * CONTENT_WIDTH, f"{path.name} was shrunk to fit ({widest} dots wide): overflow"
    return images


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [page.strip() for page in text.stdout.split("\f") if page.strip()]


def row_numbers(text: str) -> list[int]:
    """The numbers of the signature rows on a printed page (each alone on its line)."""
    return [int(n) for n in re.findall(r"^\s*(\d+)\s*$", text, re.MULTILINE)]


def test_the_appendix_10_request_opens_in_headless_chromium_and_is_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "a10.png"
    html = render_request_form(TO_POLICE, "A10", "html")
    run_chromium(tmp_path, html, f"--screenshot={shot}", "--window-size=1000,1400", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1000 and int.from_bytes(data[20:24], "big") == 1400
    assert len(data) > 30_000, "the screenshot is nearly empty"
    pixels = zlib.decompressobj().decompress(data[data.index(b"IDAT") + 4 :], 2_000_000)
    assert len(set(pixels)) > 20, "the screenshot is a flat colour"


def test_the_browser_reads_the_forms_title_and_sections_with_no_console_messages(tmp_path: Path) -> None:
    html = render_request_form(TO_POLICE, "A10", "html")
    result = run_chromium(tmp_path, html, "--dump-dom", "--enable-logging=stderr", "--v=0")
    dom = result.stdout
    assert (
        "<title>Appendix 10: REQUEST MADE TO WARWICKSHIRE POLICE BY OTHER AGENCIES FOR INFORMATION</title>"
        in dom
    )
    for heading in ("DETAILS OF ORGANISATION REQUESTING INFORMATION", "RESPONSE TO REQUEST"):
        assert f"<h2>{heading}</h2>" in dom
    assert "CONSOLE" not in result.stderr


def test_the_appendix_10_pdf_is_a4_and_marked_at_the_top_and_bottom_of_every_page(tmp_path: Path) -> None:
    pdf = to_pdf(render_request_form(TO_POLICE, "A10", "html"), tmp_path / "a10.pdf")
    assert len(printed_pages(pdf, tmp_path)) >= 2
    pages = page_texts(pdf)
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert "OFFICIAL (when completed)" in lines[0], f"page {number} is not marked at the top"
        assert "OFFICIAL (when completed)" in lines[-1] or "OFFICIAL (when completed)" in lines[-2]
        assert f"Page {number} of {len(pages)}" in text
    assert "RESPONSE TO REQUEST" in pages[-1]


def test_a_long_unbroken_entry_wraps_instead_of_running_off_the_page(tmp_path: Path) -> None:
    endless = "Reference" + "X" * 600
    disclosure = {**TO_POLICE, "data": {**TO_POLICE["data"], "description": endless}}
    pdf = to_pdf(render_request_form(disclosure, "A10", "html"), tmp_path / "long.pdf")
    printed_pages(pdf, tmp_path)


def test_the_marac_sign_in_sheet_prints_on_a4_within_its_margins(tmp_path: Path) -> None:
    pdf = to_pdf(render_declaration("marac", "html"), tmp_path / "marac.pdf")
    printed_pages(pdf, tmp_path)
    first = page_texts(pdf)[0]
    assert "MARAC Confidentiality Statement" in first
    assert "Name of meeting:" in first


def test_a_pdf_that_cannot_be_printed_leaves_no_file(tmp_path: Path) -> None:
    from ispcheck.paperwork import PdfError

    target = tmp_path / "out.pdf"
    with pytest.raises(PdfError, match="could not print"):
        to_pdf("<p>x</p>", target, chromium=tool("false"))
    assert list(tmp_path.iterdir()) == []


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("appendix", "example", "signature"),
    [
        ("A10", "police-to-rugby-council-burglary-victim-address-for-target-hardening.yaml", "Signed:"),
        ("A11", "evidential-use-council-cctv-with-appendix-11-request.yaml", "Counter signature"),
    ],
)
def test_a_request_form_prints_its_signature_block_on_the_same_page_as_the_request(
    tmp_path: Path, appendix: str, example: str, signature: str
) -> None:
    """As on the protocol's forms: the request and its signature on page 1, never a page of their own."""
    from ispcheck import parse_disclosure_text

    disclosure = parse_disclosure_text((EXAMPLES / example).read_text(encoding="utf-8"))
    pdf = to_pdf(render_request_form(disclosure, appendix, "html"), tmp_path / "form.pdf")
    pages = page_texts(pdf)

    assert signature in pages[0]
    assert "Why the information is necessary" in pages[0] or "THE REASONS ARE" in pages[0]
    assert "Warwickshire POLICE" in pages[0], "the foot of the form's first page is not on it"
    if appendix == "A11":
        assert "Help to save paper" in pages[0]
        assert "** as required by recipient" in pages[0]


@pytest.mark.parametrize("setting", ["mappa", "socjag"])
def test_a_sign_in_sheet_pdf_fills_its_last_page_with_rows_rather_than_leaving_a_few_stray_ones(
    tmp_path: Path, setting: str
) -> None:
    from ispcheck.paperwork import print_declaration
    from ispcheck.paperwork.declarations import DEFAULT_ROWS

    plain = to_pdf(render_declaration(setting, "html", rows=DEFAULT_ROWS), tmp_path / "plain.pdf")
    filled = print_declaration(setting, tmp_path / "filled.pdf")
    plain_pages, filled_pages = page_texts(plain), page_texts(filled)
    numbers = row_numbers

    assert len(filled_pages) == len(plain_pages)
    assert max(numbers(filled_pages[-1])) > DEFAULT_ROWS
    assert len(numbers(filled_pages[-1])) >= 15, "the last page holds only a few rows"
    exact = print_declaration(setting, tmp_path / "exact.pdf", rows=7)
    assert max(n for page in page_texts(exact) for n in numbers(page)) == 7


@pytest.mark.parametrize("rows", [4, 29, 20])
def test_the_channel_panel_witness_line_prints_on_the_page_of_the_last_signature_rows(
    tmp_path: Path, rows: int
) -> None:
    """A witness's signature is never alone on a page, away from the signatures it witnesses.

    With 4 and with 29 rows the witness box used to fall onto a page of its own; 20 always fitted.
    """
    pdf = to_pdf(render_declaration("channel_panel", "html", rows=rows), tmp_path / "a8.pdf")
    pages = page_texts(pdf)

    (page,) = [text for text in pages if "Witness Date and Signature" in text]
    assert page == pages[-1]
    assert {rows - 1, rows} <= set(row_numbers(page)), "the witness line is apart from the last rows"
    assert "Name" in page and "Signature" in page, "the rows on the witness page have no heading"


def embedded_fonts(pdf: Path) -> str:
    return subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout


def test_the_iom_sheets_italic_note_is_printed_in_an_italic_font_and_the_channel_sheet_has_none(
    tmp_path: Path,
) -> None:
    """Appendix 6 prints its note on transfers abroad in italics; Appendix 8 has no italics at all."""
    iom = to_pdf(render_declaration("iom_case_conference", "html"), tmp_path / "a6.pdf")
    channel = to_pdf(render_declaration("channel_panel", "html"), tmp_path / "a8.pdf")

    assert "Oblique" in embedded_fonts(iom)
    assert "Oblique" not in embedded_fonts(channel)


def longer(example: str, times: int) -> dict[str, Any]:
    """An example with its description and its statement of necessity said ``times`` over.

    As the reviewer's longer inputs were made: valid disclosures, far below the 5,000-character limit.
    """
    from ispcheck.text_input import read_disclosure_text

    data: dict[str, Any] = read_disclosure_text((EXAMPLES / example).read_text(encoding="utf-8"))
    data["data"]["description"] = " ".join([data["data"]["description"]] * times)
    data["necessity"]["statement"] = " ".join([data["necessity"]["statement"]] * times)
    return data


CCTV = "evidential-use-council-cctv-with-appendix-11-request.yaml"
MARAC = "marac-police-to-refuge-victim-safety-plan.yaml"


@pytest.mark.parametrize("times", [3, 8], ids=["about 400 characters", "about 1,100 characters"])
def test_appendix_11_keeps_its_signature_block_and_note_with_the_end_of_a_long_request(
    tmp_path: Path, times: int
) -> None:
    """No page holds only the signature block: the last lines of the request go over with it.

    With these texts the block (or its "**" note) used to stand alone on a nearly blank page, as the
    guidance notes are printed from a fresh page.
    """
    disclosure = longer(CCTV, times)
    assert 350 < len(disclosure["necessity"]["statement"]) < 1_000
    pdf = to_pdf(render_request_form(disclosure, "A11", "html"), tmp_path / "a11.pdf")
    pages = page_texts(pdf)

    (signing,) = [words(page) for page in pages if "Counter signature" in page]
    for part in ("Police reference:", "From:", "Signature:", "Warwickshire POLICE", "Help to save paper"):
        assert part in signing
    assert_in_order(signing, ["Counter signature: **", "Please see Guidance Notes", "** as required by"])
    assert "the request is limited to twelve minutes and two cameras." in signing, "no request on its page"
    signed_on = next(i for i, page in enumerate(pages) if "Counter signature" in page)
    assert signed_on < next(i for i, page in enumerate(pages) if "Undertaking of lawful use" in page)


@pytest.mark.parametrize(
    "times", [2, 5, 12], ids=["about 450 characters", "about 1,100 characters", "about 2,700 characters"]
)
def test_appendix_10_keeps_its_signature_with_the_end_of_a_long_request_and_fills_the_first_page(
    tmp_path: Path, times: int
) -> None:
    """A long request breaks inside its boxes: page 1 is not left half empty, and the confirmations
    and signature are printed with the request's last lines, never on a page of their own."""
    pdf = to_pdf(render_request_form(longer(MARAC, times), "A10", "html"), tmp_path / "a10.pdf")
    pages = page_texts(pdf)

    assert "THE INFORMATION SOUGHT IS:" in pages[0]
    assert "I HAVE A LEGAL BASIS" in pages[0], "the first page was left half empty"
    (signing,) = [words(page) for page in pages if "Common law duty of confidentiality" in page]
    assert_in_order(signing, ["Human Rights Act 1998 Article 8", "Signed:", "Name:", "Warwickshire POLICE"])
    assert "not the full crime reports." in signing, "the signature is on a page without the request"
    assert "RESPONSE TO REQUEST" not in signing
