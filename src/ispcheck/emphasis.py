"""Bold and italic in the protocol's printed text, written ``**bold**`` and ``*italic*`` as in Markdown.

The appendices emphasise some of their own sentences: Appendix 4 prints its ban on printing or
photocopying the minutes in bold, Appendix 6 its note on transfers abroad in italics. A form that
drops the emphasis makes those sentences read as less important than the text around them, so the
pack marks them and every output keeps them: HTML as ``<strong>`` and ``<em>``, Markdown as written.

Only a mark that opens just before a word and closes just after one is emphasis. A mark standing
alone stays as printed, as Appendix 11's own "** as required by recipient" footnote does. Spans do
not nest, and text from a disclosure is never read for marks: only the pack's printed text is.
"""

from __future__ import annotations

import re

__all__ = ["Span", "plain", "spans", "stray_mark"]

#: One piece of text and how it is printed: "strong" (bold), "em" (italic) or None (as it is).
Span = tuple[str, str | None]

_MARKED = re.compile(
    r"\*\*(?P<strong>[^\s*](?:[^*]*[^\s*])?)\*\*(?!\*)"
    r"|(?<!\*)\*(?P<em>[^\s*](?:[^*]*[^\s*])?)\*(?!\*)"
)
#: An asterisk touching a word, left over once the spans are taken out: a mark never closed.
_STRAY = re.compile(r"[^\s*]\*|\*[^\s*]")


def spans(text: str) -> tuple[Span, ...]:
    """The text in pieces, each with how it is printed; the marks themselves are dropped."""
    pieces: list[Span] = []
    position = 0
    for found in _MARKED.finditer(text):
        if found.start() > position:
            pieces.append((text[position : found.start()], None))
        style = "strong" if found.group("strong") is not None else "em"
        pieces.append((found.group(style), style))
        position = found.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return tuple(pieces)


def plain(text: str) -> str:
    """The words without the marks: what a reader sees, whatever the type."""
    return "".join(piece for piece, _ in spans(text))


def stray_mark(text: str) -> str | None:
    """The place where a mark opens or closes without its partner, for the pack's check; else None.

    A typo such as ``**Minutes ...`` with no closing mark would otherwise print two stray
    asterisks on the sheet and lose the emphasis it was meant to keep.
    """
    rest = _MARKED.sub(" ", text)
    found = _STRAY.search(rest)
    if found is None:
        return None
    start = max(0, found.start() - 20)
    return rest[start : found.end() + 20].strip()
