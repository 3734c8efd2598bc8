"""Turning the review pack into the documents lawyers read: one printable HTML page and Markdown.

The templates are in ``ispcheck/templates/`` and use the Jinja2 set-up shared with the paperwork
(:mod:`ispcheck.templating`), so Jinja2 is loaded only when a pack is rendered. Each file is
written whole (a temporary file, then renamed), so no one opens half a review pack.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from ..files import write_atomically
from ..templating import environment, utc_time
from .coverage import ReviewPack

__all__ = [
    "EFFECT_LABELS",
    "HTML_NAME",
    "MARKDOWN_NAME",
    "STATUS_LABELS",
    "TEMPLATES",
    "render_html",
    "render_markdown",
    "write",
]

HTML_NAME = "index.html"
MARKDOWN_NAME = "review-pack.md"
#: ``ispcheck/templates/``, beside this package (where review_pack.py found it beside itself).
TEMPLATES = Path(__file__).parents[1] / "templates"


@cache
def _environment() -> Any:
    env = environment(TEMPLATES, ".html.j2")
    env.filters["when"] = utc_time
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.globals["EFFECT_LABELS"] = EFFECT_LABELS
    return env


STATUS_LABELS = {
    "proven": "Proven",
    "gap": "Gap",
    "explained": "Explained",
    "organisational": "Organisational",
    "passed": "Passed",
    "failed": "Failed",
    "skipped": "Skipped",
    "not run": "Not run",
}
EFFECT_LABELS = {
    "block": "do not share",
    "refer": "refer",
    "condition": "condition",
    "advice": "advice",
}


def render_html(review: ReviewPack) -> str:
    """The review pack as one self-contained, printable HTML page."""
    text: str = _environment().get_template("review_pack.html.j2").render(review=review)
    return text


def render_markdown(review: ReviewPack) -> str:
    """The review pack as Markdown, for reading in a repository or diffing between runs."""
    text: str = _environment().get_template("review_pack.md.j2").render(review=review)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def write(review: ReviewPack, output: str | Path) -> tuple[Path, Path]:
    """Write ``index.html`` and ``review-pack.md`` into ``output`` (created if need be), each whole."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    html = write_atomically(folder / HTML_NAME, render_html(review), mode=0o644)
    markdown = write_atomically(folder / MARKDOWN_NAME, render_markdown(review), mode=0o644)
    return html, markdown
