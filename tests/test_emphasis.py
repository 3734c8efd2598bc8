"""Bold and italic in the pack's printed text, marked as in Markdown."""

from __future__ import annotations

import pytest

from ispcheck.emphasis import plain, spans, stray_mark
from ispcheck.paperwork.render import marked_html, marked_markdown


def test_bold_and_italic_words_are_read_as_emphasis_and_the_marks_dropped() -> None:
    text = "Meetings must not be recorded. **Minutes must not be printed.** See *the note*."

    assert spans(text) == (
        ("Meetings must not be recorded. ", None),
        ("Minutes must not be printed.", "strong"),
        (" See ", None),
        ("the note", "em"),
        (".", None),
    )
    assert plain(text) == "Meetings must not be recorded. Minutes must not be printed. See the note."


@pytest.mark.parametrize(
    "text", ["** as required by recipient", "Counter signature: **", "2 * 3", "¹ General"]
)
def test_a_mark_standing_alone_is_printed_as_it_is(text: str) -> None:
    assert spans(text) == ((text, None),)
    assert stray_mark(text) is None


@pytest.mark.parametrize("text", ["**Minutes must not be printed.", "the *note", "done** here"])
def test_a_mark_opened_and_never_closed_is_found(text: str) -> None:
    where = stray_mark(text)
    assert where is not None and "*" in where


def test_html_keeps_the_emphasis_as_tags_and_escapes_everything_else() -> None:
    html = str(marked_html("<b>x</b> & **bold <i>** and *it*"))

    assert html == "&lt;b&gt;x&lt;/b&gt; &amp; <strong>bold &lt;i&gt;</strong> and <em>it</em>"


def test_markdown_keeps_the_marks_and_escapes_every_other_special_character() -> None:
    assert marked_markdown("**Return all paperwork** | # _x_") == r"**Return all paperwork** \| \# \_x\_"
    assert marked_markdown("** as required by recipient") == r"\*\* as required by recipient"
