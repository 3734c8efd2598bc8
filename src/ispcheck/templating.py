"""The Jinja2 set-up shared by the paperwork and the legal review pack.

Jinja2 is imported only when a template is rendered, so deciding a disclosure never pays for it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["day_in_words", "environment", "markdown_escape", "markdown_text", "utc_time"]

#: Characters that would change the meaning of Markdown text; escaped with a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_escape(value: str) -> str:
    """Markdown's special characters escaped, the spacing left as it is (for a piece of a line)."""
    return _MD_SPECIAL.sub(r"\\\1", value)


def markdown_text(value: object) -> str:
    """Text made safe for Markdown: special characters escaped, kept on one line."""
    return markdown_escape(" ".join(str(value).split()))


def day_in_words(value: date) -> str:
    """A day as every message and document writes it ("5 March 2024")."""
    return f"{value.day} {value:%B %Y}"


def utc_time(value: datetime) -> str:
    """A moment as every document prints it ("5 March 2024, 14:30 UTC").

    Always in UTC, so that readers in any time zone, and documents made on different machines,
    agree on when something happened.
    """
    value = value.astimezone(UTC)
    return f"{day_in_words(value)}, {value:%H:%M} UTC"


@cache
def environment(folder: Path, html_suffix: str) -> Any:
    """A strict environment for ``folder``, escaping HTML in templates whose names end ``html_suffix``.

    Callers add their own filters and globals to the environment they are given (it is theirs:
    one per folder).
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=lambda name: bool(name and name.endswith(html_suffix)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env
