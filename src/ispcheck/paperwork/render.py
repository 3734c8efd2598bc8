"""Templates to text, and HTML to PDF.

One Jinja2 environment renders every document from ``templates/``: ``*.html`` templates with
autoescaping on (everything from a disclosure or a pack is escaped), ``*.md`` templates with it off
and the ``md`` filter instead. PDFs are printed by headless Chromium from the HTML, so what an
officer sees on screen is what prints.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ..emphasis import spans
from ..files import write_atomically
from ..templating import environment, markdown_escape
from .errors import PaperworkError, PdfError

__all__ = ["FORMATS", "Format", "find_chromium", "pdf_pages", "render_template", "to_pdf"]

Format = Literal["html", "markdown"]
FORMATS: tuple[Format, ...] = ("html", "markdown")
TEMPLATES = Path(__file__).with_name("templates")
_SUFFIX = {"html": "html", "markdown": "md"}

#: A run of dots is the protocol's own blank ("meeting dated ....."), and means nothing in Markdown.
MD_BLANK = "." * 40


def _cite(clauses: Iterable[str]) -> str:
    return "ISP " + ", ".join(clauses)


def css_string(value: object) -> Any:
    """A quoted CSS string for text inside a <style> element (which HTML escaping cannot reach)."""
    from markupsafe import Markup

    text = " ".join(str(value).split())
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace(">", "\\3e ")
    return Markup(f'"{text}"')


def marked_html(value: object) -> Any:
    """The pack's printed text as HTML, its ``**bold**`` and ``*italic*`` kept as <strong> and <em>.

    Every piece is escaped: only the marks become tags. For the pack's text only, never for text
    from a disclosure, which is printed exactly as it was given.
    """
    from markupsafe import Markup, escape

    pieces = (
        f"<{style}>{escape(text)}</{style}>" if style else str(escape(text))
        for text, style in spans(str(value))
    )
    return Markup("".join(pieces))


_MD_MARK = {"strong": "**", "em": "*"}


def marked_markdown(value: object) -> str:
    """The pack's printed text as Markdown: its marks kept as written, everything else escaped."""
    text = " ".join(str(value).split())
    return "".join(
        f"{_MD_MARK[style]}{markdown_escape(piece)}{_MD_MARK[style]}" if style else markdown_escape(piece)
        for piece, style in spans(text)
    )


@cache
def _environment() -> Any:
    env = environment(TEMPLATES, ".html")
    env.filters["cite"] = _cite
    env.filters["css_string"] = css_string
    env.filters["marked"] = marked_html
    env.filters["md_marked"] = marked_markdown
    env.globals["MD_BLANK"] = MD_BLANK
    return env


def render_template(name: str, fmt: str, **context: Any) -> str:
    """Render ``templates/<name>.<html|md>``; ``fmt`` is "html" or "markdown"."""
    if fmt not in _SUFFIX:
        raise PaperworkError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    text: str = _environment().get_template(f"{name}.{_SUFFIX[fmt]}").render(**context)
    if fmt == "markdown":
        # Headings and rules stand in a paragraph of their own; never more than one blank line.
        text = re.sub(r"(?<=[^\n])\n(?=#{1,6} |---\n)", "\n\n", text)
        text = re.sub(r"(?<=^---)\n(?=[^\n])", "\n\n", text, flags=re.MULTILINE)
        # A table starts after a blank line, or it would be read as part of the paragraph above.
        text = re.sub(r"^([^|\n][^\n]*)\n(?=\|)", "\\1\n\n", text, flags=re.MULTILINE)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text


# -- PDF ---------------------------------------------------------------------------------------

_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    """The Chromium to print with: ``$ISPCHECK_CHROMIUM``, or the first browser on the PATH."""
    chosen = os.environ.get("ISPCHECK_CHROMIUM")
    if chosen:
        return chosen
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "PDF output needs Chromium, which was not found (looked for "
        + ", ".join(_CHROMIUM_NAMES)
        + "). Install it (scripts/install-system-deps.sh does), set ISPCHECK_CHROMIUM, "
        "or use --format html and print from a browser."
    )


def chromium_command(chromium: str, profile: Path, *extra: str) -> list[str]:
    """Headless Chromium that neither phones home nor keeps state between runs."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *extra,
    ]


def to_pdf(html: str, path: str | Path, *, chromium: str | None = None, timeout: float = 120) -> Path:
    """Print an HTML document to an A4 PDF at ``path`` with headless Chromium.

    The page size and margins come from the document's own print CSS. The PDF is written beside
    ``path`` under a temporary name and renamed once complete, so a failure leaves no half file.
    Raises :class:`PdfError` when Chromium is missing or fails.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise PdfError(f"cannot write {target}: the folder {target.parent} does not exist")
    browser = chromium or find_chromium()
    with tempfile.TemporaryDirectory(prefix="ispcheck-pdf-") as work:
        folder = Path(work)
        page = folder / "document.html"
        page.write_text(html, encoding="utf-8")
        printed = folder / "document.pdf"
        command = chromium_command(
            browser,
            folder / "profile",
            f"--print-to-pdf={printed}",
            "--no-pdf-header-footer",
            page.as_uri(),
        )
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except FileNotFoundError:
            raise PdfError(f"cannot run {browser}: no such program") from None
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not finish printing within {timeout:g} seconds") from None
        if result.returncode != 0 or not printed.is_file() or printed.read_bytes()[:5] != b"%PDF-":
            detail = (result.stderr or "").strip().splitlines()[-3:]
            raise PdfError(
                f"Chromium could not print the PDF (exit status {result.returncode})"
                + (": " + " / ".join(detail) if detail else "")
            )
        return write_atomically(target, printed.read_bytes())


def pdf_pages(path: str | Path) -> int:
    """How many pages a PDF that Chromium printed has (its page objects, counted without a PDF library)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", Path(path).read_bytes()))
