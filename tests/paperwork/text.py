"""Reading rendered paperwork back as text, to check what a reader would see and in what order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

#: Tags inside a run of text (the protocol's bold and italics): no space where they open or close.
_INLINE = frozenset({"strong", "em"})


class _Text(HTMLParser):
    """The visible text of an HTML document (no <style>, no <title>), entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "script"):
            self._skip += 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._skip -= 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def words(text: str) -> str:
    return " ".join(text.split())


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return words("".join(parser.parts))


def markdown_text(markdown: str) -> str:
    """Markdown as read: backslash escapes removed, whitespace folded."""
    return words(re.sub(r"\\([\\`*_\[\]<>|#])", r"\1", markdown))


def assert_in_order(text: str, expected: Iterable[str]) -> None:
    """Every expected piece appears in ``text``, each after the one before."""
    position = 0
    for piece in expected:
        wanted = words(piece)
        found = text.find(wanted, position)
        assert found >= 0, (
            f"{wanted!r} is missing, or out of order (searched from character {position}; "
            f"it is {'present earlier' if wanted in text else 'absent'})"
        )
        position = found + len(wanted)
